/* SPDX-License-Identifier: GPL-2.0 */
/* <string.h> for ktal.ko: the kernel's string functions. */
#ifndef KTAL_LIBC_STRING_H
#define KTAL_LIBC_STRING_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
}
#else
#include <linux/string.h>
#endif
#endif
