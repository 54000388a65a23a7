// Locals too large for the sandbox's unsafe stack: reported at the largest
// one's declaration, with its size and what to do instead.
// EXPECT-ERROR: 8 need 1073741824 bytes of the unsafe stack, but the whole sandbox is
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    char buf[1 << 30];
    memset(buf, 'z', sizeof buf - 1);
    buf[argc] = 0;
    puts(buf);
    return 0;
}
