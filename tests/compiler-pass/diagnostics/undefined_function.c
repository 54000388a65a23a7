// A call to a function defined nowhere: not in the program, the runtime, or the helpers.
// EXPECT-ERROR: 8 call to 'frobnicate', which is neither defined in the program
#include <stdio.h>

int frobnicate(int level);

int main(int argc, char **argv) {
    printf("%d\n", frobnicate(argc));
    return 0;
}
