// Inline assembly: the verifier only admits machine code it can type.
// EXPECT-ERROR: 7 inline assembly is not allowed
#include <stdio.h>

int main(void) {
    int x = 1;
    __asm__ volatile("incl %0" : "+r"(x));
    printf("%d\n", x);
    return 0;
}
