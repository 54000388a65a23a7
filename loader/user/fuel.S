/*
 * The user-mode fuel helper: preserve_all, so it may change only r11 and the
 * flags. Counts fuel points (Ctrl-C needs nothing here: SIGINT's default
 * action ends the process).
 */
	.text
	.globl ktal_user_fuel
	.type ktal_user_fuel, @function
ktal_user_fuel:
	addq $1, ktal_user_fuel_count(%rip)
	ret
	.size ktal_user_fuel, .-ktal_user_fuel

	.bss
	.globl ktal_user_fuel_count
	.balign 8
ktal_user_fuel_count:
	.quad 0
	.section .note.GNU-stack, "", @progbits
