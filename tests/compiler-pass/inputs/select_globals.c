/* `x ? a : b` of two globals, and absolute values of chars and shorts
 * (select_globals.sh). llc selects between the two addresses with a cmov
 * and loads once (also for vectors: gcc's torture test pr65427), and
 * selects shorts with a 16-bit cmov (arith-rand): both were refused by the
 * verifier, and ktal-cc reported a certifier bug. */
#include <stdio.h>

int gi[3] = {1, 2, 3}, gj[3] = {10, 20, 30};
long gl = 50, gm = 70;
typedef int v8si __attribute__((vector_size(32)));
v8si va, vb, vc, vd;

__attribute__((noinline)) int pick(int x, int k) { return x ? gi[k] : gj[k]; }
__attribute__((noinline)) long pickl(int x) { return x > 2 ? gl : gm; }
__attribute__((noinline)) void pickv(int x) { vd = va ^ (x ? vc : vb); }

#define ABS(x) ((x) >= 0 ? (x) : -(x))
__attribute__((noinline)) unsigned absc(signed char c) { return (unsigned char)ABS(c); }
__attribute__((noinline)) unsigned abss(short s) { return (unsigned short)ABS(s); }

int main(int argc, char **argv) {
    (void)argv;
    for (int k = 0; k < 3; k++) gi[k] += argc, gj[k] -= argc;
    gl += argc, gm -= argc;
    for (int k = 0; k < 8; k++) va[k] = k, vb[k] = 0x40 << (k & 1), vc[k] = 0x80 >> (k & 1);
    long sum = 0;
    for (int k = 0; k < 3; k++) sum += pick(k & 1, k) * 100 + pick(argc, k);
    pickv(argc > 1);
    printf("%ld %ld %ld %d %d\n", sum, pickl(argc), pickl(argc + 5), vd[0], vd[7]);
    unsigned acc = 0;
    for (int v = -40000; v < 40000; v += 7) acc = acc * 31 + absc((signed char)v) + abss((short)v);
    printf("%u %u %u\n", acc, absc(-128), abss(-32768));
    return 0;
}
