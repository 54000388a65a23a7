// Return and frame addresses are kernel addresses in ring 0.
// EXPECT-ERROR: 6 __builtin_return_address
// EXPECT-ERROR: 7 __builtin_return_address
#include <stdio.h>

__attribute__((noinline)) static void *caller(void) { return __builtin_return_address(0); }
__attribute__((noinline)) static void *frame(void) { return __builtin_frame_address(0); }

int main(void) {
    printf("%p %p\n", caller(), frame());
    return 0;
}
