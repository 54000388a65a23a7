// %f needs a double argument.
// EXPECT-ERROR: 6 floating point is not supported
#include <stdio.h>

int main(int argc, char **argv) {
    printf("%f\n", argc / 3.0);
    return 0;
}
