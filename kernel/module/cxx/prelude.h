/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Force-included into every C++ object of ktal.ko, right after the kernel's
 * own forced includes (compiler_types.h and friends), to undo what they do
 * that is wrong for C++:
 *   auto    is redefined as __auto_type (C's type inference); C++ has its
 *           own auto. (The Kbuild file defines __STDC_VERSION__ as the C
 *           objects' gnu11 for C++, so that the test guarding this define
 *           does not trip -Wundef.)
 *   inline  is redefined as `inline __gnu_inline ... notrace`; gnu_inline
 *           makes C++ inline functions and variables (which have vague
 *           linkage, not gnu89 semantics) never emitted out of line.
 */
#ifndef __cplusplus
#error "ktal: cxx/prelude.h is for the C++ objects only"
#endif
#undef auto
#undef inline
