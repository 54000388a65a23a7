// Thread-local storage: there is one thread (and no %fs in ring 0).
// EXPECT-ERROR: 8 'calls' is thread-local
#include <stdio.h>

static _Thread_local int calls[4];

static int bump(int i) {
    return ++calls[i & 3];
}

int main(int argc, char **argv) {
    bump(argc);
    printf("%d\n", bump(argc));
    return 0;
}
