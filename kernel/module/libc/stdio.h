/* SPDX-License-Identifier: GPL-2.0 */
/* <stdio.h> for ktal.ko: snprintf and friends are the kernel's. */
#ifndef KTAL_LIBC_STDIO_H
#define KTAL_LIBC_STDIO_H
#include <stddef.h>
#include <stdarg.h>
#ifndef __cplusplus
#include <linux/kernel.h>
/* linux/kernel.h brings linux/minmax.h's MIN and MAX; Capstone's utils.h
 * defines its own (the same meaning, without the kernel's type checks). */
#undef MIN
#undef MAX
#endif
#endif
