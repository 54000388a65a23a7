// A constructor with parameters (glibc passes argc, argv and envp to them):
// ktal calls constructors with none.
// EXPECT-ERROR: 7 constructor with parameters
#include <stdio.h>

static int seen;
__attribute__((constructor)) static void count(int argc) {
    seen = argc;
}

int main(void) {
    printf("%d\n", seen);
    return 0;
}
