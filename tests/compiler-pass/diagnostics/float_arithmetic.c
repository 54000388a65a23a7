// Floating point: the kernel does not save FPU state for a ring-0 program.
// One error per line, however many instructions the line makes.
// EXPECT-ERROR: 9 floating point is not supported
// EXPECT-ERROR: 10 floating point is not supported
// EXPECT-ERROR: 11 floating point is not supported
#include <stdio.h>

int main(int argc, char **argv) {
    double mean = argc;
    mean = mean * 1.5 + 0.25;
    printf("%d\n", (int)mean);
    return 0;
}
