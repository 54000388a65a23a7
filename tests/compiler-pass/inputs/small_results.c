/* Functions that return a bool, a char or a short, kept apart from their
 * callers: clang-19 -O2 writes only al (`setae al; ret`) or ax, and the
 * callers extend the value themselves. Their certified results are those low
 * bytes (uninit:1, uninit:2); they were refused as not being an int. */
#include <stdbool.h>
#include <stdio.h>

__attribute__((noinline)) static bool high(unsigned char c) { return c >= 0xf8; }
__attribute__((noinline)) static unsigned char low_bits(unsigned long x) { return (unsigned char)(x >> 3); }
__attribute__((noinline)) static signed char neg(signed char c) { return (signed char)-c; }
__attribute__((noinline)) static short half(long x) { return (short)(x / 2); }

int main(int argc, char **argv) {
    (void)argv;
    int n = argc;
    printf("%d %d %d %d\n", high((unsigned char)(n + 250)), low_bits((unsigned long)n * 1000),
           neg((signed char)(n * 100)), half(-70000L * n));
    return high((unsigned char)n) ? 1 : 0;
}
