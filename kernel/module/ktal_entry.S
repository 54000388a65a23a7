/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entering and leaving a ring-0 program (DESIGN.md, "learn nothing of the
 * kernel"; docs/ARCHITECTURE.md, "Running a program").
 *
 * ktal_enter saves the callee-saved registers, then calls
 * ktal_enter_program, which saves its stack pointer in the context, clears
 * every general register but the two arguments (r11 keeps the entry's own
 * address, which the program may not read: the verifier treats every
 * register but the arguments as uninitialised at entry) and jumps to the
 * program's entry function on this very stack (the task's kernel stack; the
 * verifier bounds what the program uses). The program returns into
 * ktal_enter. The exit and trap helpers, and fuel or a helper on a fatal
 * signal, come back through ktal_unwind, which resets the stack pointer to
 * the saved one and returns into ktal_enter as the entry function would.
 *
 * The program's own code has no ORC data: an unwinder that meets it falls
 * back to guessing, as for BPF programs, and marks the trace unreliable.
 */
#include <linux/linkage.h>
#include <linux/objtool.h>
#include <asm/nospec-branch.h>
#include <asm/unwind_hints.h>

#include "ktal_ctx.h"

	.text

/* long ktal_enter(struct ktal_ctx *ctx, u64 entry, long argc, u64 argv) */
SYM_FUNC_START(ktal_enter)
	push	%rbp
	push	%rbx
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	call	ktal_enter_program
	/* The program returned here (the verifier proved rsp and the
	 * callee-saved registers are back), or ktal_unwind did. */
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbx
	pop	%rbp
	RET
SYM_FUNC_END(ktal_enter)

/*
 * Saves the stack pointer (which points at the return address into
 * ktal_enter: exactly the state at the entry of a function) and jumps to the
 * program's entry with nothing in the registers but argc and argv, so the
 * program returns straight into ktal_enter.
 */
SYM_FUNC_START_LOCAL(ktal_enter_program)
	mov	%rsp, KTAL_CTX_SAVED_RSP(%rdi)
	mov	%rsi, %r11		/* the entry: the program's own code address */
	mov	%rdx, %rdi		/* argc */
	mov	%rcx, %rsi		/* argv: an address in the argument area */
	xor	%eax, %eax
	xor	%ebx, %ebx
	xor	%ecx, %ecx
	xor	%edx, %edx
	xor	%ebp, %ebp
	xor	%r8d, %r8d
	xor	%r9d, %r9d
	xor	%r10d, %r10d
	xor	%r12d, %r12d
	xor	%r13d, %r13d
	xor	%r14d, %r14d
	xor	%r15d, %r15d
	JMP_NOSPEC r11
SYM_FUNC_END(ktal_enter_program)

/* void ktal_unwind(struct ktal_ctx *ctx, long status): returns into
 * ktal_enter, as the program's entry function would. */
SYM_FUNC_START(ktal_unwind)
	mov	%rsi, %rax
	mov	KTAL_CTX_SAVED_RSP(%rdi), %rsp
	UNWIND_HINT_FUNC
	RET
SYM_FUNC_END(ktal_unwind)

/*
 * The fuel helper (slot: movabs r11, ctx; jmp ktal_fuel_entry). Only r11
 * and the flags may change. Counts down the context's quantum (which the
 * fuel timer cuts short, ktal_prog.c); when it runs out, saves every
 * caller-saved register and calls ktal_fuel_slow (cond_resched, fatal
 * signals).
 */
SYM_FUNC_START(ktal_fuel_entry)
	subq	$1, KTAL_CTX_FUEL(%r11)
	jz	.Lktal_fuel_slow
	RET
.Lktal_fuel_slow:
	push	%rax
	push	%rcx
	push	%rdx
	push	%rsi
	push	%rdi
	push	%r8
	push	%r9
	push	%r10
	mov	%r11, %rdi
	call	ktal_fuel_slow
	pop	%r10
	pop	%r9
	pop	%r8
	pop	%rdi
	pop	%rsi
	pop	%rdx
	pop	%rcx
	pop	%rax
	RET
SYM_FUNC_END(ktal_fuel_entry)
