/* Calls without a prototype (unprototyped.sh): function pointers declared
 * `void (*f)()` and `int (*h)()`, a function declared `int g();` and defined
 * later, an old-style definition. C before C23 allows them all. */
#include <stdio.h>

int g();
static void hello() { printf("hello\n"); }
static void goodbye() { printf("goodbye\n"); }
static int twice(x) int x; { return 2 * x; }
static int thrice(x) int x; { return 3 * x; }

int main(int argc, char **argv) {
    (void)argv;
    void (*f)() = argc > 1 ? &hello : &goodbye;
    f();
    int (*h)() = argc > 1 ? twice : thrice;
    printf("%d %d\n", g(argc, 5), h(21));
    return 0;
}

int g(int a, int b) { return a + b; }
