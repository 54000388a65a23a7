/* ktal runtime: FILE streams.
 *
 * stdout is fully buffered: it is written when its buffer fills, on fflush
 * and at exit. stderr is unbuffered: each stdio call on it ends with a
 * flush, so one printf is one write. stdin is read ahead in blocks. setvbuf
 * may change any of these. The standard FILEs are initialised without
 * pointers (their buffers are attached on first use), so the image's data
 * needs no load-time relocations. fopen/fdopen draw from a pool of FOPEN_MAX
 * streams with malloc'd buffers. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "internal.h"

#define STD_BUF 4096

struct __ktal_file __ktal_stdin = { 0, KTAL_F_OPEN | KTAL_F_READ, 0, 0, 0, 0, 0, -1 };
struct __ktal_file __ktal_stdout = { 1, KTAL_F_OPEN | KTAL_F_WRITE, 0, 0, 0, 0, 0, -1 };
struct __ktal_file __ktal_stderr = { 2, KTAL_F_OPEN | KTAL_F_WRITE | KTAL_F_UNBUF, 0, 0, 0, 0, 0, -1 };

static unsigned char stdin_buf[STD_BUF];
static unsigned char stdout_buf[STD_BUF];
static unsigned char stderr_buf[1024];
static struct __ktal_file pool[FOPEN_MAX];
static unsigned char fallback[FOPEN_MAX]; /* 1-byte buffers when malloc fails */

static void attach_buffer(FILE *f)
{
	if (f->buf)
		return;
	if (f == &__ktal_stdin) {
		f->buf = stdin_buf;
		f->cap = sizeof stdin_buf;
	} else if (f == &__ktal_stdout) {
		f->buf = stdout_buf;
		f->cap = sizeof stdout_buf;
	} else if (f == &__ktal_stderr) {
		f->buf = stderr_buf;
		f->cap = sizeof stderr_buf;
	} else {
		f->buf = malloc(STD_BUF);
		if (f->buf) {
			f->cap = STD_BUF;
			f->flags |= KTAL_F_OWNBUF;
		} else {
			f->buf = &fallback[f - pool];
			f->cap = 1;
		}
	}
}

/* Write all n bytes to fd, retrying after EINTR and short writes. */
static int write_all(int fd, const unsigned char *p, size_t n)
{
	while (n) {
		long r = __ktal_helper_write(fd, (long)p, (long)n);
		if (r == -EINTR)
			continue;
		if (r <= 0) {
			errno = r < 0 ? (int)-r : EIO;
			return -1;
		}
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

int __ktal_fflush_file(FILE *f)
{
	if (!(f->flags & KTAL_F_OPEN))
		return 0;
	if (f->wpos) {
		size_t n = f->wpos;
		f->wpos = 0;
		if (write_all(f->fd, f->buf, n) < 0) {
			f->flags |= KTAL_F_ERR;
			return EOF;
		}
	}
	return 0;
}

/* A stream switching from reading to writing (or seeking) gives back the
 * bytes it read ahead. */
static void drop_read(FILE *f)
{
	size_t ahead = f->rend - f->rpos + (f->unget >= 0);
	if (ahead)
		lseek(f->fd, -(off_t)ahead, SEEK_CUR);
	f->rpos = f->rend = 0;
	f->unget = -1;
}

size_t __ktal_fwrite_bytes(FILE *f, const char *p, size_t n)
{
	if (!(f->flags & KTAL_F_WRITE) || !(f->flags & KTAL_F_OPEN)) {
		f->flags |= KTAL_F_ERR;
		errno = EBADF;
		return 0;
	}
	if (f->rend || f->unget >= 0)
		drop_read(f);
	attach_buffer(f);
	size_t done = 0;
	while (done < n) {
		if (f->wpos == 0 && n - done >= f->cap) {
			/* Larger than the buffer: straight through. */
			if (write_all(f->fd, (const unsigned char *)p + done, n - done) < 0) {
				f->flags |= KTAL_F_ERR;
				return done;
			}
			return n;
		}
		size_t k = f->cap - f->wpos;
		if (k > n - done)
			k = n - done;
		memcpy(f->buf + f->wpos, p + done, k);
		f->wpos += k;
		done += k;
		if (f->wpos == f->cap && __ktal_fflush_file(f) < 0)
			return done;
	}
	if ((f->flags & KTAL_F_LINEBUF) && memchr(p, '\n', n) && __ktal_fflush_file(f) < 0)
		return n;
	return n;
}

void __ktal_fcall_done(FILE *f)
{
	if (f->flags & KTAL_F_UNBUF)
		__ktal_fflush_file(f);
}

void __ktal_flush_all(void)
{
	__ktal_fflush_file(&__ktal_stdout);
	__ktal_fflush_file(&__ktal_stderr);
	for (int i = 0; i < FOPEN_MAX; i++)
		if (pool[i].flags & KTAL_F_OPEN)
			__ktal_fflush_file(&pool[i]);
}

int fflush(FILE *f)
{
	if (!f) {
		__ktal_flush_all();
		return 0;
	}
	if (f->flags & KTAL_F_READ && !(f->flags & KTAL_F_WRITE))
		return 0;
	return __ktal_fflush_file(f);
}

size_t fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f)
{
	size_t total;
	if (size == 0 || n == 0)
		return 0;
	if (__builtin_mul_overflow(size, n, &total)) {
		errno = EOVERFLOW;
		f->flags |= KTAL_F_ERR;
		return 0;
	}
	size_t done = __ktal_fwrite_bytes(f, p, total);
	__ktal_fcall_done(f);
	return done == total ? n : done / size;
}

int fputc(int c, FILE *f)
{
	char ch = (char)c;
	size_t done = __ktal_fwrite_bytes(f, &ch, 1);
	__ktal_fcall_done(f);
	return done == 1 ? (unsigned char)c : EOF;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int fputs(const char *restrict s, FILE *restrict f)
{
	size_t n = strlen(s);
	size_t done = __ktal_fwrite_bytes(f, s, n);
	__ktal_fcall_done(f);
	return done == n ? 1 : EOF;
}

int puts(const char *s)
{
	size_t n = strlen(s);
	FILE *f = stdout;
	int ok = __ktal_fwrite_bytes(f, s, n) == n && __ktal_fwrite_bytes(f, "\n", 1) == 1;
	__ktal_fcall_done(f);
	if (!ok)
		return EOF;
	return n + 1 > 0x7fffffff ? 0x7fffffff : (int)(n + 1);
}

/* Reading. */

static int fill(FILE *f)
{
	if (!(f->flags & KTAL_F_READ) || !(f->flags & KTAL_F_OPEN)) {
		f->flags |= KTAL_F_ERR;
		errno = EBADF;
		return EOF;
	}
	if (f->wpos && __ktal_fflush_file(f) < 0)
		return EOF;
	attach_buffer(f);
	for (;;) {
		long r = __ktal_helper_read(f->fd, (long)f->buf, (long)f->cap);
		if (r == -EINTR)
			continue;
		if (r < 0) {
			errno = (int)-r;
			f->flags |= KTAL_F_ERR;
			return EOF;
		}
		if (r == 0) {
			f->flags |= KTAL_F_EOF;
			return EOF;
		}
		f->rpos = 0;
		f->rend = (size_t)r;
		return 0;
	}
}

int fgetc(FILE *f)
{
	if (f->unget >= 0) {
		int c = f->unget;
		f->unget = -1;
		return c;
	}
	if (f->rpos >= f->rend && fill(f) < 0)
		return EOF;
	return f->buf[f->rpos++];
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

int ungetc(int c, FILE *f)
{
	if (c == EOF)
		return EOF;
	if (f->rpos > 0 && f->rpos <= f->rend) {
		f->buf[--f->rpos] = (unsigned char)c;
	} else if (f->unget < 0) {
		f->unget = (unsigned char)c;
	} else {
		return EOF;
	}
	f->flags &= ~KTAL_F_EOF;
	return (unsigned char)c;
}

char *fgets(char *restrict s, int n, FILE *restrict f)
{
	if (n <= 0)
		return NULL;
	int i = 0;
	while (i < n - 1) {
		int c = fgetc(f);
		if (c == EOF) {
			if (i == 0 || (f->flags & KTAL_F_ERR))
				return NULL;
			break;
		}
		s[i++] = (char)c;
		if (c == '\n')
			break;
	}
	s[i] = 0;
	return s;
}

size_t fread(void *restrict p, size_t size, size_t n, FILE *restrict f)
{
	size_t total;
	if (size == 0 || n == 0)
		return 0;
	if (__builtin_mul_overflow(size, n, &total)) {
		errno = EOVERFLOW;
		f->flags |= KTAL_F_ERR;
		return 0;
	}
	unsigned char *d = p;
	size_t got = 0;
	if (f->unget >= 0 && got < total) {
		d[got++] = (unsigned char)f->unget;
		f->unget = -1;
	}
	while (got < total) {
		if (f->rpos < f->rend) {
			size_t k = f->rend - f->rpos;
			if (k > total - got)
				k = total - got;
			memcpy(d + got, f->buf + f->rpos, k);
			f->rpos += k;
			got += k;
			continue;
		}
		attach_buffer(f);
		if (total - got >= f->cap && (f->flags & KTAL_F_READ) && (f->flags & KTAL_F_OPEN) &&
		    !f->wpos) {
			/* Large reads go straight into the caller's buffer. */
			long r = __ktal_helper_read(f->fd, (long)(d + got), (long)(total - got));
			if (r == -EINTR)
				continue;
			if (r < 0) {
				errno = (int)-r;
				f->flags |= KTAL_F_ERR;
				break;
			}
			if (r == 0) {
				f->flags |= KTAL_F_EOF;
				break;
			}
			got += (size_t)r;
			continue;
		}
		if (fill(f) < 0)
			break;
	}
	return got / size;
}

ssize_t getdelim(char **restrict line, size_t *restrict cap, int delim, FILE *restrict f)
{
	if (!line || !cap) {
		errno = EINVAL;
		return -1;
	}
	size_t n = 0;
	for (;;) {
		int c = fgetc(f);
		if (c == EOF) {
			if (n == 0 || (f->flags & KTAL_F_ERR))
				return -1;
			break;
		}
		if (n + 2 > *cap || !*line) {
			size_t want = *cap < 120 ? 120 : *cap * 2;
			char *grown = realloc(*line, want);
			if (!grown) {
				errno = ENOMEM;
				return -1;
			}
			*line = grown;
			*cap = want;
		}
		(*line)[n++] = (char)c;
		if (c == delim)
			break;
	}
	(*line)[n] = 0;
	return (ssize_t)n;
}

ssize_t getline(char **restrict line, size_t *restrict cap, FILE *restrict f)
{
	return getdelim(line, cap, '\n', f);
}

int feof(FILE *f)
{
	return (f->flags & KTAL_F_EOF) != 0;
}

int ferror(FILE *f)
{
	return (f->flags & KTAL_F_ERR) != 0;
}

void clearerr(FILE *f)
{
	f->flags &= ~(KTAL_F_EOF | KTAL_F_ERR);
}

int fileno(FILE *f)
{
	if (!(f->flags & KTAL_F_OPEN)) {
		errno = EBADF;
		return -1;
	}
	return f->fd;
}

/* Opening and closing. */

static int parse_mode(const char *mode, int *oflags)
{
	int acc, flags;
	switch (*mode) {
	case 'r':
		acc = KTAL_F_READ;
		flags = O_RDONLY;
		break;
	case 'w':
		acc = KTAL_F_WRITE;
		flags = O_WRONLY | O_CREAT | O_TRUNC;
		break;
	case 'a':
		acc = KTAL_F_WRITE | KTAL_F_APPEND;
		flags = O_WRONLY | O_CREAT | O_APPEND;
		break;
	default:
		return -1;
	}
	for (const char *m = mode + 1; *m; m++) {
		if (*m == '+') {
			acc |= KTAL_F_READ | KTAL_F_WRITE;
			flags = (flags & ~O_ACCMODE) | O_RDWR;
		} else if (*m == 'x') {
			flags |= O_EXCL;
		} else if (*m == 'e') {
			flags |= O_CLOEXEC;
		}
	}
	*oflags = flags;
	return acc;
}

static FILE *new_file(int fd, int acc)
{
	for (int i = 0; i < FOPEN_MAX; i++) {
		FILE *f = &pool[i];
		if (!(f->flags & KTAL_F_OPEN)) {
			f->fd = fd;
			f->flags = KTAL_F_OPEN | KTAL_F_MALLOCED | acc;
			f->buf = NULL;
			f->cap = 0;
			f->wpos = f->rpos = f->rend = 0;
			f->unget = -1;
			return f;
		}
	}
	errno = EMFILE;
	return NULL;
}

FILE *fopen(const char *restrict path, const char *restrict mode)
{
	int oflags;
	int acc = parse_mode(mode, &oflags);
	if (acc < 0) {
		errno = EINVAL;
		return NULL;
	}
	int fd = open(path, oflags, 0666);
	if (fd < 0)
		return NULL;
	FILE *f = new_file(fd, acc);
	if (!f)
		close(fd);
	return f;
}

FILE *fdopen(int fd, const char *mode)
{
	int oflags;
	int acc = parse_mode(mode, &oflags);
	if (acc < 0) {
		errno = EINVAL;
		return NULL;
	}
	return new_file(fd, acc);
}

int fclose(FILE *f)
{
	if (!(f->flags & KTAL_F_OPEN)) {
		errno = EBADF;
		return EOF;
	}
	int r = 0;
	if (f->flags & KTAL_F_WRITE)
		r = __ktal_fflush_file(f);
	if (close(f->fd) < 0)
		r = EOF;
	if (f->flags & KTAL_F_OWNBUF)
		free(f->buf);
	f->buf = NULL;
	f->cap = 0;
	f->wpos = f->rpos = f->rend = 0;
	f->unget = -1;
	f->flags = 0;
	return r;
}

int fseek(FILE *f, long off, int whence)
{
	if (f->wpos && __ktal_fflush_file(f) < 0)
		return -1;
	if (whence == SEEK_CUR)
		off -= (long)(f->rend - f->rpos) + (f->unget >= 0);
	f->rpos = f->rend = 0;
	f->unget = -1;
	if (lseek(f->fd, off, whence) < 0)
		return -1;
	f->flags &= ~KTAL_F_EOF;
	return 0;
}

long ftell(FILE *f)
{
	off_t pos = lseek(f->fd, 0, SEEK_CUR);
	if (pos < 0)
		return -1;
	return pos - (long)(f->rend - f->rpos) - (f->unget >= 0) + (long)f->wpos;
}

void rewind(FILE *f)
{
	fseek(f, 0, SEEK_SET);
	f->flags &= ~KTAL_F_ERR;
}

int fgetpos(FILE *restrict f, fpos_t *restrict pos)
{
	long p = ftell(f);
	if (p < 0)
		return -1;
	pos->__pos = p;
	pos->__state[0] = pos->__state[1] = 0;
	return 0;
}

int fsetpos(FILE *f, const fpos_t *pos)
{
	return fseek(f, pos->__pos, SEEK_SET);
}

int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
		errno = EINVAL;
		return -1;
	}
	f->flags &= ~(KTAL_F_UNBUF | KTAL_F_LINEBUF);
	if (mode == _IONBF)
		f->flags |= KTAL_F_UNBUF;
	else if (mode == _IOLBF)
		f->flags |= KTAL_F_LINEBUF;
	if (buf && size && mode != _IONBF && !f->wpos && f->rpos >= f->rend) {
		if (f->flags & KTAL_F_OWNBUF)
			free(f->buf);
		f->flags &= ~KTAL_F_OWNBUF;
		f->buf = (unsigned char *)buf;
		f->cap = size;
		f->rpos = f->rend = 0;
	}
	return 0;
}

void setbuf(FILE *restrict f, char *restrict buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

/* dprintf: format straight to a file descriptor through a scratch stream. */
int vdprintf(int fd, const char *restrict fmt, va_list ap)
{
	static unsigned char scratch[512];
	struct __ktal_file f = { fd, KTAL_F_OPEN | KTAL_F_WRITE, scratch, sizeof scratch, 0, 0, 0, -1 };
	int r = __ktal_vformat(&f, NULL, 0, fmt, ap);
	if (__ktal_fflush_file(&f) < 0)
		return -1;
	return r;
}

int dprintf(int fd, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vdprintf(fd, fmt, ap);
	va_end(ap);
	return r;
}
