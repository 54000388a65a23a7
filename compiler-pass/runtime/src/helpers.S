/*
 * ktal runtime: the helper slots. One 16-byte slot per helper, in id order,
 * in section .ktal.helpers; the loader overwrites each slot with a jump to
 * the helper (in the kernel, ktal.ko's; in user mode, a system call stub).
 * Until then a slot is int3s. Generated from the X-macro in tal/helper_abi.h,
 * so the table has one source; the .if below stops the build if a slot is
 * not at id * 16.
 */
#include "tal/helper_abi.h"

	.section .ktal.helpers, "ax", @progbits
	.balign 16
.Lktal_helpers:

#define KTAL_SLOT(id, name, n, kind)                                                               \
	.if (. - .Lktal_helpers) != ((id) * 16);                                                   \
	.error "ktal helper slot out of order";                                                    \
	.endif;                                                                                    \
	.globl __ktal_helper_##name;                                                               \
	.type __ktal_helper_##name, @function;                                                     \
__ktal_helper_##name:;                                                                             \
	.fill 16, 1, 0xcc;                                                                         \
	.size __ktal_helper_##name, 16;

KTAL_HELPERS(KTAL_SLOT)

	.if (. - .Lktal_helpers) != (KTAL_HELPER_COUNT * 16)
	.error "KTAL_HELPER_COUNT does not match the table"
	.endif

	.section .note.GNU-stack, "", @progbits
