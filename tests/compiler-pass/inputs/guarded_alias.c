/* A store through a guarded pointer p = &g, a store to g by name, then a
 * load through p (Csmith's seed 312, reduced by hand). The guarded access was
 * a GEP from the sandbox's start symbol, which alias analysis took for an
 * access into that symbol, not into g: llc forwarded the first stored value
 * to the load across the store to g. */
#include <stdio.h>

static int g = 5;
static unsigned total = 0xffffffffu;
static int *p = &g;
static int **volatile pp = &p; /* so that p is loaded from memory, and guarded */

int main(void) {
    *pp = &g;
    *p = 0xE4A9;
    g ^= -21;
    total ^= *p;
    printf("%x %x\n", g, total);
    return 0;
}
