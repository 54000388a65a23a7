// Mutual recursion, named as written (before inlining merges the two).
// EXPECT-ERROR: 14 recursion (is_even -> is_odd -> is_even)
#include <stdio.h>

static int is_odd(unsigned n);

static int is_even(unsigned n) {
    if (n == 0) return 1;
    return is_odd(n - 1);
}

static int is_odd(unsigned n) {
    if (n == 0) return 0;
    return is_even(n - 1);
}

int main(int argc, char **argv) {
    printf("%d\n", is_even(argc));
    return 0;
}
