/* ktal runtime: assert's failure path, with glibc's message. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

void __assert_fail(const char *expr, const char *file, unsigned int line, const char *func)
{
	/* glibc prints __progname: argv[0]'s last component. */
	const char *prog = __ktal_progname ? __ktal_progname : "";
	const char *slash = strrchr(prog, '/');
	if (slash)
		prog = slash + 1;
	fprintf(stderr, "%s%s%s:%u: %s%sAssertion `%s' failed.\n", prog, *prog ? ": " : "", file,
	        line, func ? func : "", func ? ": " : "", expr);
	__ktal_flush_all();
	__ktal_helper_trap(KTAL_TRAP_ABORT, 0); /* abort(), without a call to it (see start.c) */
}
