/* Locals aligned beyond 16 bytes (aligned_locals.sh): a 64-byte-aligned
 * buffer whose address escapes, and 32-byte vectors, which -O0 keeps in
 * 32-byte-aligned stack slots. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef int v8si __attribute__((vector_size(32)));

__attribute__((noinline)) static int misaligned(const void *p, uintptr_t a) {
    return (int)((uintptr_t)p % a);
}

__attribute__((noinline)) static int fill(char *p, int n) {
    memset(p, 'a' + n % 26, (size_t)n);
    return p[n - 1];
}

int main(int argc, char **argv) {
    (void)argv;
    _Alignas(64) char buf[64];
    struct { _Alignas(32) int x[3]; } s = {{argc, 2, 3}};
    v8si v = {1, 2, 3, 4, 5, 6, 7, argc}, w = v + v;
    int c = fill(buf, 40);
    printf("%d %d %d %d %d\n", misaligned(buf, 64), misaligned(&s, 32), c, w[0] + w[7], s.x[0]);
    return 0;
}
