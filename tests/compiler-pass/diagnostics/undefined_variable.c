// A variable declared extern but defined nowhere.
// EXPECT-ERROR: 8 'verbosity' is declared but defined nowhere
#include <stdio.h>

extern int verbosity;

int main(int argc, char **argv) {
    if (verbosity > argc) puts("loud");
    return 0;
}
