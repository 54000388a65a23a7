/* The helper table implemented with real Linux system calls, for running the
 * runtime inside host test programs (the user-mode counterpart of ktal.ko's
 * helpers). Signatures come from the runtime's own declarations, generated
 * from tal/helper_abi.h, so a mismatch does not compile. Results follow the
 * helper convention: -errno on failure. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compiler-pass/runtime/src/helpers.h"

static long ret(long r)
{
	return r == -1 ? -errno : r;
}

long __ktal_helper_exit(long status)
{
	syscall(SYS_exit_group, status);
	__builtin_unreachable();
}

/* Counts fuel points, so a test can see the runtime's loops call it. */
unsigned long ktal_test_fuel_count;

__attribute__((preserve_all)) void __ktal_helper_fuel(void)
{
	ktal_test_fuel_count++;
}

/* A trap ends the test program the way a failed check ends a ktal program:
 * at once, with a message naming the code (death tests match it). */
long __ktal_helper_trap(long code, long addr)
{
	fprintf(stderr, "ktal trap %ld at %#lx\n", code, (unsigned long)addr);
	fflush(stderr);
	abort();
}

long __ktal_helper_read(long fd, long buf, long n)
{
	return ret(syscall(SYS_read, fd, buf, n));
}

long __ktal_helper_write(long fd, long buf, long n)
{
	return ret(syscall(SYS_write, fd, buf, n));
}

long __ktal_helper_openat(long dirfd, long path, long flags, long mode)
{
	return ret(syscall(SYS_openat, dirfd, path, flags, mode));
}

long __ktal_helper_close(long fd)
{
	return ret(syscall(SYS_close, fd));
}

long __ktal_helper_lseek(long fd, long off, long whence)
{
	return ret(syscall(SYS_lseek, fd, off, whence));
}

long __ktal_helper_fstat(long fd, long st)
{
	return ret(syscall(SYS_fstat, fd, st));
}

long __ktal_helper_getpid(void)
{
	return ret(syscall(SYS_getpid));
}

long __ktal_helper_gettid(void)
{
	return ret(syscall(SYS_gettid));
}

long __ktal_helper_getuid(void)
{
	return ret(syscall(SYS_getuid));
}

long __ktal_helper_clock_gettime(long clk, long ts)
{
	return ret(syscall(SYS_clock_gettime, clk, ts));
}

long __ktal_helper_gettimeofday(long tv, long tz)
{
	return ret(syscall(SYS_gettimeofday, tv, tz));
}

long __ktal_helper_nanosleep(long req, long rem)
{
	return ret(syscall(SYS_nanosleep, req, rem));
}

long __ktal_helper_getrandom(long buf, long n, long flags)
{
	return ret(syscall(SYS_getrandom, buf, n, flags));
}

long __ktal_helper_socket(long domain, long type, long protocol)
{
	return ret(syscall(SYS_socket, domain, type, protocol));
}

long __ktal_helper_bind(long fd, long addr, long len)
{
	return ret(syscall(SYS_bind, fd, addr, len));
}

long __ktal_helper_listen(long fd, long backlog)
{
	return ret(syscall(SYS_listen, fd, backlog));
}

long __ktal_helper_accept4(long fd, long addr, long len, long flags)
{
	return ret(syscall(SYS_accept4, fd, addr, len, flags));
}

long __ktal_helper_connect(long fd, long addr, long len)
{
	return ret(syscall(SYS_connect, fd, addr, len));
}

long __ktal_helper_recv(long fd, long buf, long n, long flags)
{
	return ret(syscall(SYS_recvfrom, fd, buf, n, flags, 0L, 0L));
}

long __ktal_helper_send(long fd, long buf, long n, long flags)
{
	return ret(syscall(SYS_sendto, fd, buf, n, flags, 0L, 0L));
}

long __ktal_helper_sendfile(long out_fd, long in_fd, long offset, long count)
{
	return ret(syscall(SYS_sendfile, out_fd, in_fd, offset, count));
}

long __ktal_helper_shutdown(long fd, long how)
{
	return ret(syscall(SYS_shutdown, fd, how));
}

long __ktal_helper_setsockopt(long fd, long level, long name, long val, long len)
{
	return ret(syscall(SYS_setsockopt, fd, level, name, val, len));
}

/* The program __ktal_start runs, for tests that do not supply their own. */
__attribute__((weak)) int ktal_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* What ktal-cc defines from the program's constructors and destructors
 * (compiler-pass/plugin/Constructors.cpp): host tests have none. */
void __ktal_constructors(void)
{
}

void __ktal_destructors(void)
{
}
