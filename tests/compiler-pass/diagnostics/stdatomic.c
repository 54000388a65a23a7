// C11 atomics: every access to an _Atomic object is atomic.
// EXPECT-ERROR: 10 atomic operations are not supported
// EXPECT-ERROR: 11 atomic operations are not supported
#include <stdatomic.h>
#include <stdio.h>

static _Atomic int hits;

int main(int argc, char **argv) {
    atomic_fetch_add(&hits, argc);
    printf("%d\n", hits);
    return 0;
}
