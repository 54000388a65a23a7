/* A 15-bit bitfield read through a pointer the pass cannot bound: the IR
 * loads 2 bytes aligned to 4, and the backend reads them with a 4-byte movl
 * (it cannot cross a page). The guard must cover the 4 bytes, or the
 * verifier refuses the access (Csmith's seed 93 at -O1 found it).
 * usage: widened_load INDEX BYTE-OFFSET */
#include <stdio.h>
#include <stdlib.h>

struct rec {
    long a, b, c;
    int d;
    signed f : 15;
    unsigned g : 1;
};
static struct rec table[64];

int main(int argc, char **argv) {
    for (int i = 0; i < 64; i++) table[i].f = i * 3 - 90;
    long i = argc > 1 ? atol(argv[1]) : 63;
    struct rec *p = &table[i & 63];
    struct rec *q = (struct rec *)((char *)p + (argc > 2 ? atol(argv[2]) : 0));
    printf("%d\n", q->f);
    return 0;
}
