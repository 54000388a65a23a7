/* SPDX-License-Identifier: GPL-2.0 */
/* <ctype.h> for ktal.ko: the kernel's ctype (C only). */
#ifndef KTAL_LIBC_CTYPE_H
#define KTAL_LIBC_CTYPE_H
#ifndef __cplusplus
#include <linux/ctype.h>
#endif
#endif
