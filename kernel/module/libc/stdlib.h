/* SPDX-License-Identifier: GPL-2.0 */
/* <stdlib.h> for ktal.ko. Capstone allocates only through cs_mem_* (set with
 * CS_OPT_MEM to the kmalloc family in ktal_capstone.c), so no malloc here;
 * qsort, which X86Mapping.c calls once to sort a table, is the kernel's
 * sort() (a heap sort: not stable, and the table's keys are unique). */
#ifndef KTAL_LIBC_STDLIB_H
#define KTAL_LIBC_STDLIB_H
#include <stddef.h>
#ifndef __cplusplus
#include <linux/sort.h>
static inline void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	sort(base, n, size, cmp, NULL);
}
#endif
#endif
