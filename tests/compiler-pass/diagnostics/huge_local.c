// Locals too large for the sandbox's unsafe stack (reported at the function:
// the moved locals have no line of their own).
// EXPECT-ERROR: 7 do not fit in the sandbox
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    char buf[1 << 30];
    memset(buf, 'z', sizeof buf - 1);
    buf[argc] = 0;
    puts(buf);
    return 0;
}
