/* GCC's vector extension, divided lane by lane (vector_division.sh): by a
 * constant vector, by a variable one, signed and unsigned, quotient and
 * remainder (gcc's torture test pr60960 crashed ktal-cc's lowering). */
#include <stdio.h>

typedef unsigned char v4qu __attribute__((vector_size(4)));
typedef signed char v4qs __attribute__((vector_size(4)));
typedef int v4si __attribute__((vector_size(16)));

__attribute__((noinline)) v4qu half(v4qu v) { return v / 2; }
__attribute__((noinline)) v4qu qdiv(v4qu x, v4qu y) { return x / y; }
__attribute__((noinline)) v4qs srem(v4qs x, v4qs y) { return x % y; }
/* (16 bytes do not fit in a register: by pointer) */
__attribute__((noinline)) void sdiv(v4si *r, const v4si *x, const v4si *y) { *r = *x / *y; }

int main(int argc, char **argv) {
    (void)argv;
    v4qu x = {5, 200, 17, 255}, y = {2, 7, 3, 1};
    v4qs a = {-7, 100, -128, 9}, b = {2, -3, 5, -4};
    v4si p = {-1000000, 7, 123456, -5}, q = {7, -2, 1000, 3};
    v4qu h = half(x), d = qdiv(x, y);
    v4qs r = srem(a, b);
    v4si s;
    sdiv(&s, &p, &q);
    for (int k = 0; k < 4; k++) printf("%d %d %d %d\n", h[k], d[k], r[k], s[k]);
    /* A zero lane traps, as a scalar division by zero does. */
    if (argc > 1) {
        y[2] = 0;
        d = qdiv(x, y);
        printf("%d\n", d[0]);
    }
    return 0;
}
