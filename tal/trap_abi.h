/*
 * What a program's `trap` helper call (tal/helper_abi.h) says went wrong:
 * shared by the C runtime, the compiler's guards, the user-space runner and
 * the client that reports a ring-0 trap. The verifier does not need them.
 */
#ifndef KTAL_TRAP_ABI_H
#define KTAL_TRAP_ABI_H

/* Trap codes the compiler's guards pass to `trap` (first argument). */
#define KTAL_TRAP_BOUNDS 1      /* a pointer outside the sandbox and rodata */
#define KTAL_TRAP_DIVIDE 2      /* division by zero or INT_MIN / -1 */
#define KTAL_TRAP_STACK 3       /* the unsafe stack overflowed */
#define KTAL_TRAP_DISPATCH 4    /* a function pointer that names no function */
#define KTAL_TRAP_ABORT 5       /* abort() */
#define KTAL_TRAP_UNREACHABLE 6 /* control reached code the compiler proved unreachable */

#endif
