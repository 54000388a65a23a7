// x86-specific builtins and the cycle counter.
// EXPECT-ERROR: 7 x86-specific builtins
// EXPECT-ERROR: 8 __builtin_readcyclecounter() is not allowed
#include <stdio.h>

int main(void) {
    __builtin_ia32_pause();
    unsigned long long t = __builtin_readcyclecounter();
    printf("%llu\n", t);
    return 0;
}
