/* ktal runtime: the entry point, the unsafe stack, exit and abort. */
#include <stdlib.h>
#include <unistd.h>
#include "internal.h"

#ifndef KTAL_UNSAFE_STACK_SIZE
#define KTAL_UNSAFE_STACK_SIZE (256 * 1024)
#endif
_Static_assert(KTAL_UNSAFE_STACK_SIZE % 16 == 0, "the unsafe stack must be a multiple of 16");

/* The unsafe stack of the SafeStack split: the compiler pass moves locals
 * whose address escapes here and keeps the stack pointer in __ktal_usp. It
 * grows down from the end. */
__attribute__((aligned(16))) char __ktal_unsafe_stack[KTAL_UNSAFE_STACK_SIZE];
char *__ktal_usp = __ktal_unsafe_stack + KTAL_UNSAFE_STACK_SIZE;

const char *__ktal_progname; /* NULL until __ktal_start sets it (no relocation) */

int main(int argc, char **argv);
/* The program's constructors and destructors (__attribute__((constructor)),
 * ((destructor))), called directly: ktal-cc defines both, empty if there are
 * none (compiler-pass/plugin/Constructors.cpp). */
void __ktal_constructors(void);
void __ktal_destructors(void);

__attribute__((section(".text.ktal_start"), noreturn)) void __ktal_start(long argc, char **argv)
{
	if (argc > 0 && argv && argv[0])
		__ktal_progname = argv[0];
	__ktal_constructors();
	int status = main((int)argc, argv);
	/* exit(status), spelled out: a program function must not end in a call
	 * to another noreturn function (the certifier would see the code fall
	 * off its end); a noreturn helper is fine. */
	__ktal_destructors();
	__ktal_flush_all();
	__ktal_helper_exit(status);
}

void exit(int status)
{
	__ktal_destructors();
	__ktal_flush_all();
	__ktal_helper_exit(status);
}

void _Exit(int status)
{
	__ktal_helper_exit(status);
}

void _exit(int status)
{
	__ktal_helper_exit(status);
}

void abort(void)
{
	__ktal_helper_trap(KTAL_TRAP_ABORT, 0);
}
