/* Function pointers with six arguments: no register is left for a
   dispatcher's index, so the choice is made at the call site. */
#include <stdio.h>

typedef long (*six)(long, long, long, long, long, long);

static long sum6(long a, long b, long c, long d, long e, long f) { return a + b + c + d + e + f; }
static long prod6(long a, long b, long c, long d, long e, long f) { return a * b * c * d * e * f; }

static six table[2] = {sum6, prod6};

int main(int argc, char **argv) {
    for (int i = 0; i < 2; i++) printf("%ld\n", table[(i + argc) & 1](1, 2, 3, 4, 5, argc));
    return 0;
}
