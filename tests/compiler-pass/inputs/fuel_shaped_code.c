/* Program code with the bytes of an inline fuel point (fuel_shaped_code.sh):
 * at -O0, `if (a[16] || a[8]) report();` compiles to `cmp qword ptr [rip +
 * a+128], 0; jne CALL; cmp qword ptr [rip + a+64], 0; je +5; CALL: call
 * report`, whose last 15 bytes have the fuel point's form. */
#include <stdio.h>

void *a[32];
static int reports;

__attribute__((noinline)) static void report(void) { reports++; }

int main(int argc, char **argv) {
    (void)argv;
    a[16] = 0;
    a[8] = 0;
    if (a[16] || a[8]) report();
    a[8] = argc > 0 ? (void *)a : 0;
    if (a[16] || a[8]) report();
    a[16] = a;
    if (a[16] || a[8]) report();
    printf("%d\n", reports);
    return 0;
}
