/* ktal runtime: the POSIX calls over the helper table (unistd.h, fcntl.h,
 * sys/stat.h, time.h, sys/time.h, sys/random.h, sys/socket.h,
 * sys/sendfile.h). Each wrapper turns a -errno result into errno and -1. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/random.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "internal.h"

#define L(x) ((long)(x))

ssize_t read(int fd, void *buf, size_t n)
{
	return __ktal_sysret(__ktal_helper_read(fd, L(buf), L(n)));
}

ssize_t write(int fd, const void *buf, size_t n)
{
	return __ktal_sysret(__ktal_helper_write(fd, L(buf), L(n)));
}

int close(int fd)
{
	return (int)__ktal_sysret(__ktal_helper_close(fd));
}

off_t lseek(int fd, off_t off, int whence)
{
	return __ktal_sysret(__ktal_helper_lseek(fd, off, whence));
}

pid_t getpid(void)
{
	return (pid_t)__ktal_helper_getpid();
}

pid_t gettid(void)
{
	return (pid_t)__ktal_helper_gettid();
}

uid_t getuid(void)
{
	return (uid_t)__ktal_helper_getuid();
}

int openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return (int)__ktal_sysret(__ktal_helper_openat(dirfd, L(path), flags, mode));
}

int open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return (int)__ktal_sysret(__ktal_helper_openat(AT_FDCWD, L(path), flags, mode));
}

int creat(const char *path, mode_t mode)
{
	return (int)__ktal_sysret(
		__ktal_helper_openat(AT_FDCWD, L(path), O_CREAT | O_WRONLY | O_TRUNC, mode));
}

int fstat(int fd, struct stat *st)
{
	return (int)__ktal_sysret(__ktal_helper_fstat(fd, L(st)));
}

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	return (int)__ktal_sysret(__ktal_helper_clock_gettime(clk, L(ts)));
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	return (int)__ktal_sysret(__ktal_helper_gettimeofday(L(tv), L(tz)));
}

time_t time(time_t *t)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return -1;
	if (t)
		*t = ts.tv_sec;
	return ts.tv_sec;
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return (int)__ktal_sysret(__ktal_helper_nanosleep(L(req), L(rem)));
}

int usleep(useconds_t us)
{
	struct timespec ts = { .tv_sec = us / 1000000, .tv_nsec = (long)(us % 1000000) * 1000 };
	return nanosleep(&ts, NULL);
}

unsigned int sleep(unsigned int s)
{
	struct timespec ts = { .tv_sec = s, .tv_nsec = 0 };
	struct timespec rem = { 0, 0 };
	if (nanosleep(&ts, &rem) < 0)
		return (unsigned int)rem.tv_sec + (rem.tv_nsec > 0);
	return 0;
}

ssize_t getrandom(void *buf, size_t n, unsigned int flags)
{
	return __ktal_sysret(__ktal_helper_getrandom(L(buf), L(n), flags));
}

int socket(int domain, int type, int protocol)
{
	return (int)__ktal_sysret(__ktal_helper_socket(domain, type, protocol));
}

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
	return (int)__ktal_sysret(__ktal_helper_bind(fd, L(addr), len));
}

int listen(int fd, int backlog)
{
	return (int)__ktal_sysret(__ktal_helper_listen(fd, backlog));
}

int accept4(int fd, struct sockaddr *restrict addr, socklen_t *restrict len, int flags)
{
	return (int)__ktal_sysret(__ktal_helper_accept4(fd, L(addr), L(len), flags));
}

int accept(int fd, struct sockaddr *restrict addr, socklen_t *restrict len)
{
	return (int)__ktal_sysret(__ktal_helper_accept4(fd, L(addr), L(len), 0));
}

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
	return (int)__ktal_sysret(__ktal_helper_connect(fd, L(addr), len));
}

ssize_t recv(int fd, void *buf, size_t n, int flags)
{
	return __ktal_sysret(__ktal_helper_recv(fd, L(buf), L(n), flags));
}

ssize_t send(int fd, const void *buf, size_t n, int flags)
{
	return __ktal_sysret(__ktal_helper_send(fd, L(buf), L(n), flags));
}

ssize_t sendfile(int out_fd, int in_fd, off_t *offset, size_t count)
{
	return __ktal_sysret(__ktal_helper_sendfile(out_fd, in_fd, L(offset), L(count)));
}

int shutdown(int fd, int how)
{
	return (int)__ktal_sysret(__ktal_helper_shutdown(fd, how));
}

int setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
	return (int)__ktal_sysret(__ktal_helper_setsockopt(fd, level, name, L(val), len));
}
