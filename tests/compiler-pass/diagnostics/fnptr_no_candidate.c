// A call through a pointer type no address-taken function has: the pointer
// can only hold a function cast from another type (or nothing).
// EXPECT-ERROR: 13 no function of that type has its address taken
#include <stdio.h>

typedef int (*handler)(int);

static long twice(long x) { return 2 * x; }
static handler table[4];

int main(int argc, char **argv) {
    table[argc & 3] = (handler)twice;
    printf("%d\n", table[(argc + 1) & 3](argc));
    return 0;
}
