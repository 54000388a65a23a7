/*
 * The helper slots: one 16-byte slot per helper, in id order, at the start
 * of the image. A program calls helper NAME with `call __ktal_helper_NAME`;
 * the loader overwrites each slot with a jump to the helper. Also the
 * argument area that ends the sandbox.
 */
#include "tal/helper_abi.h"

	.section .ktal.helpers, "ax", @progbits
#define KTAL_SLOT(id, name, nargs, kind) \
	.globl __ktal_helper_##name; \
	.type __ktal_helper_##name, @function; \
__ktal_helper_##name: \
	.fill 16, 1, 0xcc; \
	.size __ktal_helper_##name, 16;
KTAL_HELPERS(KTAL_SLOT)

/*
 * The fuel word: the first word of its own page, just before the sandbox
 * (loader/ktal.ld), read by inline fuel points, which call the fuel helper
 * when it is set. The user-mode runner leaves it clear; ktal.ko sets it
 * every millisecond of a run and the fuel helper clears it.
 */
	.section .ktal.fuel, "aw", @progbits
	.balign 4096
	.globl __ktal_fuel_word
__ktal_fuel_word:
	.fill 4096, 1, 0

/* The argument area: the loader copies argv here (the end of the sandbox). */
	.section .ktal.args, "aw", @nobits
	.balign 16
	.globl __ktal_args
__ktal_args:
	.zero 0x10000
