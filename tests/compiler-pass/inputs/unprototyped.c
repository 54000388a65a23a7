/* Calls without a prototype (unprototyped.sh): function pointers declared
 * `void (*f)()` and `int (*h)()`, a function declared `int g();` and defined
 * later, an old-style definition, memset declared without its parameters
 * (an int where it takes a size_t), and a function declared `int finish();` that another file defines as
 * void. C before C23 allows them all. */
#include <stdio.h>

int g();
void *memset();
int finish();
static void hello() { printf("hello\n"); }
static void goodbye() { printf("goodbye\n"); }
static int twice(x) int x; { return 2 * x; }
static int thrice(x) int x; { return 3 * x; }

int main(int argc, char **argv) {
    char buf[16];
    (void)argv;
    void (*f)() = argc > 1 ? &hello : &goodbye;
    f();
    int (*h)() = argc > 1 ? twice : thrice;
    printf("%d %d\n", g(argc, 5), h(21));
    memset(buf, 'x', 10);
    buf[10] = 0;
    finish();
    puts(buf);
    return 0;
}

int g(int a, int b) { return a + b; }
