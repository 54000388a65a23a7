// Computed goto: every jump must land on a block the verifier knows.
// EXPECT-ERROR: 10 computed goto
#include <stdio.h>

int main(int argc, char **argv) {
    static void *const next[] = {&&even, &&odd};
    int n = 0;
again:
    if (n < 10)
        goto *next[(n + argc) & 1];
    printf("%d\n", n);
    return 0;
even:
    n += 2;
    goto again;
odd:
    n += 1;
    goto again;
}
