// The address of a function defined nowhere, reported where the table that
// holds it is used (a global's initializer has no line without -g).
// EXPECT-ERROR: 12 the address of 'external_hook' cannot be taken
#include <stdio.h>

int external_hook(int);
static int local_hook(int x) { return x + 1; }

static int (*const hooks[2])(int) = {external_hook, local_hook};

int main(int argc, char **argv) {
    int (*h)(int) = hooks[argc & 1];
    printf("%d\n", h(argc));
    return 0;
}
