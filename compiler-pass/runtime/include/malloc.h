/* ktal runtime: malloc.h (glibc's extras over stdlib.h). */
#ifndef KTAL_MALLOC_H
#define KTAL_MALLOC_H
#include <stdlib.h>
KTAL_BEGIN_DECLS
void *memalign(size_t align, size_t n);
size_t malloc_usable_size(void *p);
KTAL_END_DECLS
#endif
