/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KTAL_CAPSTONE_H
#define KTAL_CAPSTONE_H
/* Points Capstone at the kernel's allocator and warms it up (module_init). */
int ktal_capstone_init(void);
#endif
