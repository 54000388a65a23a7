/*
 * Helper slots for running a ktal program in user mode (tests only): what
 * the loader does for `ktal run --user`, done at link time. Each 16-byte
 * slot in .ktal.helpers jumps to a stub that makes the system call; Linux
 * already returns -errno, the helpers' convention. Because this object
 * defines every __ktal_helper_* symbol, the archive's helpers.o (int3 slots)
 * is never pulled into the link.
 */
#include "tal/helper_abi.h"

	.section .ktal.helpers, "ax", @progbits
	.balign 16
#define KTAL_USER_SLOT(id, name, n, kind)                                                          \
	.globl __ktal_helper_##name;                                                               \
	.type __ktal_helper_##name, @function;                                                     \
__ktal_helper_##name:;                                                                             \
	jmp ktal_user_##name;                                                                      \
	.balign 16, 0xcc;
KTAL_HELPERS(KTAL_USER_SLOT)

	.text
/* A plain system call: arguments 1-3 are where SysV put them, the fourth
 * moves from rcx to r10. */
#define SYS(name, nr)                                                                              \
ktal_user_##name:;                                                                                 \
	movl $nr, %eax;                                                                            \
	movq %rcx, %r10;                                                                           \
	syscall;                                                                                   \
	ret;

ktal_user_exit:
	movl $231, %eax /* exit_group */
	syscall
	hlt
ktal_user_fuel:
	ret
ktal_user_trap:
	/* The program's bug or abort(): exit as a SIGABRT death would (134). */
	movl $134, %edi
	movl $231, %eax
	syscall
	hlt
SYS(read, 0)
SYS(write, 1)
SYS(openat, 257)
SYS(close, 3)
SYS(lseek, 8)
SYS(fstat, 5)
SYS(getpid, 39)
SYS(gettid, 186)
SYS(getuid, 102)
SYS(clock_gettime, 228)
SYS(gettimeofday, 96)
SYS(nanosleep, 35)
SYS(getrandom, 318)
SYS(socket, 41)
SYS(bind, 49)
SYS(listen, 50)
SYS(accept4, 288)
SYS(connect, 42)
SYS(sendfile, 40)
SYS(shutdown, 48)
SYS(setsockopt, 54)
/* recv and send are recvfrom/sendto without an address. */
ktal_user_recv:
	movq %rcx, %r10
	xorl %r8d, %r8d
	xorl %r9d, %r9d
	movl $45, %eax
	syscall
	ret
ktal_user_send:
	movq %rcx, %r10
	xorl %r8d, %r8d
	xorl %r9d, %r9d
	movl $44, %eax
	syscall
	ret

	.section .note.GNU-stack, "", @progbits
