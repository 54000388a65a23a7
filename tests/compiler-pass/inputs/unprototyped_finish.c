/* Defined as void, declared `int finish();` by unprototyped.c. */
#include <stdio.h>

void finish(void) {
    puts("finish");
}
