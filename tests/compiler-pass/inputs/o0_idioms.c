/* What clang -O0 emits for ordinary C that the certifier once refused
 * (o0_idioms.sh): __builtin_ffs (bsf, then cmove of 32 where the source was
 * 0), a small vector stored lane by lane and loaded as one 8-byte word, and
 * a local that the code writes on every path it takes but not on every
 * path there is, a function that may fall off its end (its result
 * unused), after a call to abort declared without noreturn, and a union of
 * 16 bytes made from an 8-byte number and passed by value (its other 8
 * bytes, in the second register, were never written). */
#include <stdio.h>

typedef int v2si __attribute__((vector_size(8)));
volatile int zero = 0, one = 1;
int w = 7, t;
void abort(void); /* as old code declares it */
typedef union {
    unsigned long long d;
    struct { unsigned long h, l; } s;
} pair;

__attribute__((noinline)) static unsigned long long first(pair p) { return p.d; }

__attribute__((noinline)) static int check(int b) {
    if (b != 1) abort();
}

int main(void) {
    int a = __builtin_ffs(zero), b = __builtin_ffs(one << 5);
    long l = (long long)(v2si){2, 3};
    char g;
    if (t < 1) g = (char)w;
    check(one);
    printf("%d %d %ld %d %llu\n", a, b, l, g, first((pair)0x100000000ULL));
    return 0;
}
