// A variable-length array: the stack is bounded statically.
// EXPECT-ERROR: 7 variable-length array
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    char line[argc * 16];
    memset(line, 'x', sizeof line - 1);
    line[sizeof line - 1] = 0;
    puts(line);
    return 0;
}
