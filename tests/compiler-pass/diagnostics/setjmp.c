// setjmp/longjmp: control may only return through ret.
// EXPECT-ERROR: 12 setjmp/longjmp are not supported
// EXPECT-ERROR: 14 setjmp/longjmp are not supported
#include <stdio.h>

typedef long jmp_buf[8];
int setjmp(jmp_buf env);
void longjmp(jmp_buf env, int value);
static jmp_buf on_error;

int main(int argc, char **argv) {
    if (setjmp(on_error)) return 1;
    if (argc > 3)
        longjmp(on_error, 1);
    puts("ok");
    return 0;
}
