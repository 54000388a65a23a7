// The ktal runtime as host tests see it: every runtime symbol carries the
// prefix ktal_ (see prefix_runtime.sh), so it links next to glibc. Types
// that differ from glibc's (FILE, struct stat) are opaque here.
#pragma once
#include <cstdarg>
#include <cstddef>
#include <sys/types.h>

extern "C" {
struct ktal_file;

extern int ktal_errno;
extern ktal_file ktal___ktal_stdin, ktal___ktal_stdout, ktal___ktal_stderr;
extern char ktal___ktal_unsafe_stack[];
extern char *ktal___ktal_usp;
extern const char *ktal___ktal_progname;
extern unsigned long ktal_test_fuel_count; // native_helpers.c

// stdio.h
int ktal_printf(const char *fmt, ...);
int ktal_fprintf(ktal_file *f, const char *fmt, ...);
int ktal_dprintf(int fd, const char *fmt, ...);
int ktal_sprintf(char *buf, const char *fmt, ...);
int ktal_snprintf(char *buf, size_t n, const char *fmt, ...);
int ktal_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
int ktal_vsprintf(char *buf, const char *fmt, va_list ap);
int ktal_puts(const char *s);
int ktal_putchar(int c);
int ktal_fputs(const char *s, ktal_file *f);
int ktal_fputc(int c, ktal_file *f);
int ktal_putc(int c, ktal_file *f);
size_t ktal_fwrite(const void *p, size_t size, size_t n, ktal_file *f);
int ktal_fflush(ktal_file *f);
int ktal_getchar(void);
int ktal_getc(ktal_file *f);
int ktal_fgetc(ktal_file *f);
char *ktal_fgets(char *s, int n, ktal_file *f);
size_t ktal_fread(void *p, size_t size, size_t n, ktal_file *f);
ssize_t ktal_getline(char **line, size_t *cap, ktal_file *f);
int ktal_ungetc(int c, ktal_file *f);
int ktal_feof(ktal_file *f);
int ktal_ferror(ktal_file *f);
void ktal_clearerr(ktal_file *f);
int ktal_fileno(ktal_file *f);
ktal_file *ktal_fopen(const char *path, const char *mode);
ktal_file *ktal_fdopen(int fd, const char *mode);
int ktal_fclose(ktal_file *f);
int ktal_fseek(ktal_file *f, long off, int whence);
long ktal_ftell(ktal_file *f);
void ktal_rewind(ktal_file *f);
int ktal_setvbuf(ktal_file *f, char *buf, int mode, size_t size);
void ktal_perror(const char *s);

// string.h
void *ktal_memcpy(void *d, const void *s, size_t n);
void *ktal_memmove(void *d, const void *s, size_t n);
void *ktal_memset(void *d, int c, size_t n);
int ktal_memcmp(const void *a, const void *b, size_t n);
void *ktal_memchr(const void *s, int c, size_t n);
void *ktal_memrchr(const void *s, int c, size_t n);
size_t ktal_strlen(const char *s);
size_t ktal_strnlen(const char *s, size_t n);
int ktal_strcmp(const char *a, const char *b);
int ktal_strncmp(const char *a, const char *b, size_t n);
int ktal_strcasecmp(const char *a, const char *b);
int ktal_strncasecmp(const char *a, const char *b, size_t n);
char *ktal_strcpy(char *d, const char *s);
char *ktal_stpcpy(char *d, const char *s);
char *ktal_strncpy(char *d, const char *s, size_t n);
char *ktal_strcat(char *d, const char *s);
char *ktal_strncat(char *d, const char *s, size_t n);
char *ktal_strchr(const char *s, int c);
char *ktal_strchrnul(const char *s, int c);
char *ktal_strrchr(const char *s, int c);
char *ktal_strstr(const char *h, const char *n);
char *ktal_strdup(const char *s);
char *ktal_strndup(const char *s, size_t n);
size_t ktal_strspn(const char *s, const char *a);
size_t ktal_strcspn(const char *s, const char *r);
char *ktal_strpbrk(const char *s, const char *a);
char *ktal_strtok(char *s, const char *d);
char *ktal_strtok_r(char *s, const char *d, char **save);
char *ktal_strsep(char **sp, const char *d);
char *ktal_strerror(int e);
int ktal_strerror_r(int e, char *buf, size_t n);

// ctype.h
int ktal_isalnum(int c);
int ktal_isalpha(int c);
int ktal_isascii(int c);
int ktal_isblank(int c);
int ktal_iscntrl(int c);
int ktal_isdigit(int c);
int ktal_isgraph(int c);
int ktal_islower(int c);
int ktal_isprint(int c);
int ktal_ispunct(int c);
int ktal_isspace(int c);
int ktal_isupper(int c);
int ktal_isxdigit(int c);
int ktal_tolower(int c);
int ktal_toupper(int c);

// stdlib.h
void *ktal_malloc(size_t n);
void *ktal_calloc(size_t n, size_t size);
void *ktal_realloc(void *p, size_t n);
void ktal_free(void *p);
void *ktal_aligned_alloc(size_t align, size_t n);
int ktal_posix_memalign(void **out, size_t align, size_t n);
size_t ktal_malloc_usable_size(void *p);
int ktal___ktal_heap_check(size_t *free_bytes, size_t *largest, size_t *chunks);
void ktal_qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *ktal_bsearch(const void *key, const void *base, size_t n, size_t size,
                   int (*cmp)(const void *, const void *));
long ktal_strtol(const char *s, char **end, int base);
unsigned long ktal_strtoul(const char *s, char **end, int base);
long long ktal_strtoll(const char *s, char **end, int base);
unsigned long long ktal_strtoull(const char *s, char **end, int base);
int ktal_atoi(const char *s);
long ktal_atol(const char *s);
long long ktal_atoll(const char *s);
int ktal_abs(int x);
long ktal_labs(long x);
long long ktal_llabs(long long x);
int ktal_rand(void);
void ktal_srand(unsigned seed);
int ktal_rand_r(unsigned *seed);
char *ktal_getenv(const char *name);
[[noreturn]] void ktal_exit(int status);
[[noreturn]] void ktal_abort(void);
[[noreturn]] void ktal__exit(int status);
[[noreturn]] void ktal___ktal_start(long argc, char **argv);
[[noreturn]] void ktal___assert_fail(const char *e, const char *file, unsigned line,
                                     const char *func);

// unistd.h, fcntl.h, sys/stat.h, time.h, sys/random.h, sys/socket.h
ssize_t ktal_read(int fd, void *buf, size_t n);
ssize_t ktal_write(int fd, const void *buf, size_t n);
int ktal_close(int fd);
off_t ktal_lseek(int fd, off_t off, int whence);
pid_t ktal_getpid(void);
pid_t ktal_gettid(void);
uid_t ktal_getuid(void);
int ktal_open(const char *path, int flags, ...);
int ktal_openat(int dirfd, const char *path, int flags, ...);
int ktal_fstat(int fd, void *st);
int ktal_clock_gettime(int clk, void *ts);
int ktal_gettimeofday(void *tv, void *tz);
long ktal_time(long *t);
int ktal_nanosleep(const void *req, void *rem);
int ktal_usleep(unsigned us);
ssize_t ktal_getrandom(void *buf, size_t n, unsigned flags);
int ktal_socket(int domain, int type, int protocol);
int ktal_bind(int fd, const void *addr, unsigned len);
int ktal_listen(int fd, int backlog);
int ktal_accept(int fd, void *addr, unsigned *len);
int ktal_accept4(int fd, void *addr, unsigned *len, int flags);
int ktal_connect(int fd, const void *addr, unsigned len);
ssize_t ktal_recv(int fd, void *buf, size_t n, int flags);
ssize_t ktal_send(int fd, const void *buf, size_t n, int flags);
int ktal_shutdown(int fd, int how);
int ktal_setsockopt(int fd, int level, int name, const void *val, unsigned len);
ssize_t ktal_sendfile(int out_fd, int in_fd, off_t *offset, size_t count);
unsigned short ktal_htons(unsigned short x);
unsigned short ktal_ntohs(unsigned short x);
unsigned ktal_htonl(unsigned x);
unsigned ktal_ntohl(unsigned x);
unsigned ktal_inet_addr(const char *s);
int ktal_inet_aton(const char *s, void *out);
int ktal_inet_pton(int af, const char *s, void *out);
const char *ktal_inet_ntop(int af, const void *src, char *dst, unsigned len);
}

#define KTAL_STDIN (&ktal___ktal_stdin)
#define KTAL_STDOUT (&ktal___ktal_stdout)
#define KTAL_STDERR (&ktal___ktal_stderr)
