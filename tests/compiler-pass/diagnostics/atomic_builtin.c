// GCC's atomic builtins, old and new.
// EXPECT-ERROR: 9 atomic operations are not supported
// EXPECT-ERROR: 10 atomic operations are not supported
#include <stdio.h>

static int counter;

int main(int argc, char **argv) {
    __atomic_fetch_add(&counter, argc, __ATOMIC_SEQ_CST);
    __sync_fetch_and_sub(&counter, 1);
    printf("%d\n", counter);
    return 0;
}
