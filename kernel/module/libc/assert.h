/* SPDX-License-Identifier: GPL-2.0 */
/* <assert.h> for ktal.ko: Capstone asserts only with CAPSTONE_DEBUG, which
 * ktal.ko never defines; as in a release build, assert() checks nothing. */
#ifndef KTAL_LIBC_ASSERT_H
#define KTAL_LIBC_ASSERT_H
#define assert(e) ((void)sizeof(!(e)))
#endif
