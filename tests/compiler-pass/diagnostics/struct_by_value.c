// A struct of more than 8 bytes passed by value would go on the stack.
// EXPECT-ERROR: 7 'area' takes an argument larger than 8 bytes
#include <stdio.h>

struct rect { long x, y, w, h; };

__attribute__((noinline)) static long area(struct rect r) { return r.w * r.h; }

int main(int argc, char **argv) {
    struct rect r = {0, 0, argc, 4};
    printf("%ld\n", area(r));
    return 0;
}
