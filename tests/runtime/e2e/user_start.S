/* The process entry for a ktal program run as an ordinary static Linux
 * executable (tests only): the kernel leaves argc and argv on the stack;
 * __ktal_start takes them in registers, as ktal's entry trampoline passes
 * them. */
	.text
	.globl _start
	.type _start, @function
_start:
	xorl %ebp, %ebp
	movq (%rsp), %rdi
	leaq 8(%rsp), %rsi
	andq $-16, %rsp
	call __ktal_start
	hlt

/* What ktal-cc defines from a program's constructors and destructors
 * (compiler-pass/plugin/Constructors.cpp): these programs have none. */
	.globl __ktal_constructors, __ktal_destructors
	.type __ktal_constructors, @function
	.type __ktal_destructors, @function
__ktal_constructors:
__ktal_destructors:
	ret
	.section .note.GNU-stack, "", @progbits
