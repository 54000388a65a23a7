// __builtin_trap() compiles to ud2, a fault; abort() is the way to stop.
// EXPECT-ERROR: 7 __builtin_trap() is not allowed
#include <stdio.h>

int main(int argc, char **argv) {
    if (argc > 100)
        __builtin_trap();
    puts("ok");
    return 0;
}
