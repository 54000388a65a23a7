// Direct recursion: ring 0 runs on a small, statically bounded stack.
// EXPECT-ERROR: 7 recursion (factorial -> factorial)
#include <stdio.h>

static long factorial(long n) {
    if (n <= 1) return 1;
    return n * factorial(n - 1);
}

int main(int argc, char **argv) {
    printf("%ld\n", factorial(argc + 5));
    return 0;
}
