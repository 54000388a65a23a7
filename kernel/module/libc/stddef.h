/* SPDX-License-Identifier: GPL-2.0 */
/* <stddef.h> for ktal.ko (see README). */
#ifndef KTAL_LIBC_STDDEF_H
#define KTAL_LIBC_STDDEF_H
#ifdef __cplusplus
typedef __SIZE_TYPE__ size_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
#ifndef NULL
#define NULL __null
#endif
#define offsetof(type, member) __builtin_offsetof(type, member)
#else
#include <linux/stddef.h>
#include <linux/types.h>
#endif
#endif
