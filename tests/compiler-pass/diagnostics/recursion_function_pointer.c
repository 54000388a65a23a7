// Recursion through a function pointer: the dispatch makes the call explicit.
// EXPECT-ERROR: 11 recursion (walk -> (call through a function pointer) -> walk)
#include <stdio.h>

static int walk(int n);
static int stop(int n) { return n; }

static int (*volatile next[2])(int) = {stop, walk};

static int walk(int n) {
    return n + next[n > 0](n - 1);
}

int main(int argc, char **argv) {
    printf("%d\n", walk(argc));
    return 0;
}
