/* Static unions initialized through their first member (union_static_zero.sh):
 * their other bytes are zero, as C says and the image holds, though clang's
 * initializer leaves them undef. */
#include <stdio.h>

struct Foo { int a, b, c; long d; };
struct Bar { union { void **a; struct Foo b; } u; };
struct Bar test = {0};
static union { char c; int words[4]; } small = {1};

int main(void) {
    if (test.u.b.c != 0) printf("error: c = %d\n", test.u.b.c);
    if (test.u.b.d != 0) printf("error: d = %ld\n", test.u.b.d);
    printf("%d %d %p\n", test.u.b.a, test.u.b.b, (void *)test.u.a);
    printf("%d %d %d\n", small.c, small.words[1], small.words[3]);
    return 0;
}
