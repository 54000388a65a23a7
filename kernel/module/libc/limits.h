/* SPDX-License-Identifier: GPL-2.0 */
/* <limits.h> for ktal.ko (see README). */
#ifndef KTAL_LIBC_LIMITS_H
#define KTAL_LIBC_LIMITS_H
#ifdef __cplusplus
#define CHAR_BIT __CHAR_BIT__
#define INT_MAX __INT_MAX__
#define INT_MIN (-__INT_MAX__ - 1)
#define UINT_MAX (__INT_MAX__ * 2U + 1U)
#define LONG_MAX __LONG_MAX__
#define LONG_MIN (-__LONG_MAX__ - 1L)
#define ULONG_MAX (__LONG_MAX__ * 2UL + 1UL)
#else
#include <linux/limits.h>
#endif
#endif
