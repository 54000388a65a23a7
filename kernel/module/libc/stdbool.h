/* SPDX-License-Identifier: GPL-2.0 */
/* <stdbool.h> for ktal.ko: C++ has bool; the kernel's C has it in types.h. */
#ifndef KTAL_LIBC_STDBOOL_H
#define KTAL_LIBC_STDBOOL_H
#ifndef __cplusplus
#include <linux/types.h>
#endif
#endif
