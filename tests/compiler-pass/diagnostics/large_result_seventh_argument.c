// A result of more than 8 bytes goes through a pointer passed first, so six
// arguments and such a result need a seventh register.
// EXPECT-ERROR: 7 'span' takes more than 6 arguments (one is the pointer its result
#include <stdio.h>

struct pair { long lo, hi; };
__attribute__((noinline)) static struct pair span(long a, long b, long c, long d, long e, long f) {
    struct pair p = {a + b + c, d + e + f};
    return p;
}

int main(int argc, char **argv) {
    (void)argv;
    long n = argc;
    struct pair p = span(n, n + 1, n + 2, n + 3, n + 4, n + 5);
    printf("%ld %ld\n", p.lo, p.hi);
    return 0;
}
