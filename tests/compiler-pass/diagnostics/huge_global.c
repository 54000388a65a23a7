// Data beyond what an image can hold (it is reached relative to the code).
// EXPECT-ERROR: 8 more than the 1 GiB an image can hold
#include <stdio.h>

static char arena[1L << 34];

int main(int argc, char **argv) {
    arena[argc] = 'x';
    puts(arena);
    return 0;
}
