/* A program that needs more than the default 8 MiB heap (heap_size.sh):
 * three 3 MiB blocks, written and summed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    enum { N = 3, SIZE = 3 << 20 };
    unsigned char *p[N];
    unsigned long sum = 0;
    for (int k = 0; k < N; k++) {
        p[k] = malloc(SIZE);
        if (!p[k]) {
            printf("block %d: out of memory\n", k);
            return 1;
        }
        memset(p[k], k + 1, SIZE);
    }
    for (int k = 0; k < N; k++) sum += p[k][k * 1000] + p[k][SIZE - 1];
    printf("%lu\n", sum);
    return 0;
}
