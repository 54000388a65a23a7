/* Structs of more than 8 bytes by value, both ways: a byval argument (the
 * callee changes its copy, the caller's must not change), results of 12, 16
 * and 40 bytes, an __int128 result and argument (clang passes the
 * argument in two registers), a large result through a function pointer
 * and from a variadic function. */
#include <stdarg.h>
#include <stdio.h>

struct rect { long x, y, w, h; };       /* 32 bytes: byval */
struct trio { int a, b, c; };           /* 12 bytes: rdx:rax */
struct pair { long lo, hi; };           /* 16 bytes: rdx:rax */
struct big { long v[5]; };              /* 40 bytes: sret */

__attribute__((noinline)) static long area(struct rect r) {
    r.w += 1; /* the callee's copy */
    return r.w * r.h;
}

__attribute__((noinline)) static struct trio make_trio(int n) {
    struct trio t = {n, n * 2, n * 3};
    return t;
}

__attribute__((noinline)) static struct pair split(long n, struct rect r) {
    struct pair p = {n + r.x, n * r.h};
    return p;
}

__attribute__((noinline)) static struct big fill(long n) {
    struct big b;
    for (int i = 0; i < 5; i++) b.v[i] = n + i;
    return b;
}

__attribute__((noinline)) static unsigned __int128 wide(unsigned long a, unsigned long b) {
    return (unsigned __int128)a * b;
}

__attribute__((noinline)) static unsigned long high(unsigned __int128 v) {
    return (unsigned long)(v >> 64);
}

__attribute__((noinline)) static struct pair sum(int n, ...) {
    struct pair p = {0, 0};
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        long v = va_arg(ap, long);
        p.lo += v;
        p.hi ^= v;
    }
    va_end(ap);
    return p;
}

static struct pair twice(long n, struct rect r) {
    struct pair p = {2 * n, 2 * r.w};
    return p;
}

int main(int argc, char **argv) {
    (void)argv;
    struct rect r = {argc, 2, 3 + argc, 4};
    long a = area(r);
    struct trio t = make_trio(argc + 6);
    struct pair p = split(argc * 100, r);
    struct big b = fill(argc * 1000);
    unsigned __int128 w = wide(0xFFFFFFFFFFFFFFFFul, 3ul + (unsigned)argc);
    struct pair (*f)(long, struct rect) = argc > 5 ? twice : split;
    struct pair q = f(7, r);
    struct pair s = sum(3, 10L, 20L, 40L);
    printf("%ld %ld\n", a, r.w);
    printf("%d %d %d\n", t.a, t.b, t.c);
    printf("%ld %ld\n", p.lo, p.hi);
    printf("%ld %ld\n", b.v[0], b.v[4]);
    printf("%lx %lx %lx\n", (unsigned long)(w >> 64), (unsigned long)w, high(w << 4));
    printf("%ld %ld\n", q.lo, q.hi);
    printf("%ld %ld\n", s.lo, s.hi);
    return 0;
}
