// The compiler's own __builtin_setjmp/__builtin_longjmp.
// EXPECT-ERROR: 9 setjmp/longjmp are not supported
// EXPECT-ERROR: 11 setjmp/longjmp are not supported
#include <stdio.h>

static void *buf[5];

int main(int argc, char **argv) {
    if (__builtin_setjmp(buf)) return 1;
    if (argc > 3)
        __builtin_longjmp(buf, 1);
    puts("ok");
    return 0;
}
