/* Divisions by the constants -1 and 0 (constant_divisors.sh). */
#include <stdio.h>

__attribute__((noinline)) static int div_c(signed char x) { return x / -1; }
__attribute__((noinline)) static int mod_s(short x) { return x % -1; }
__attribute__((noinline)) static int div_i(int x) { return x / -1; }
__attribute__((noinline)) static long mod_l(long x) { return x % -1; }
__attribute__((noinline)) static int by_zero(int x) { return x / 0; }

int main(int argc, char **argv) {
    (void)argv;
    printf("%d %d %d %ld\n", div_c(-128), mod_s(-32768), div_i(-7), mod_l(123456789012));
    if (argc > 1) printf("%d\n", by_zero(argc));
    return 0;
}
