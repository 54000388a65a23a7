// alloca() of a run-time size.
// EXPECT-ERROR: 7 alloca() of a run-time size
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    char *p = __builtin_alloca(argc + 1);
    memset(p, 'y', argc);
    p[argc] = 0;
    puts(p);
    return 0;
}
