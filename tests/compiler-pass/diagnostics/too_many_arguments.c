// A seventh argument would go on the stack, which the verifier does not allow.
// EXPECT-ERROR: 5 'mix' takes more than 6 arguments
#include <stdio.h>

__attribute__((noinline)) long mix(long a, long b, long c, long d, long e, long f, long g) {
    return a * b + c * d + e * f + g;
}

int main(int argc, char **argv) {
    long n = argc;
    printf("%ld\n", mix(n, n + 1, n + 2, n + 3, n + 4, n + 5, n + 6));
    return 0;
}
