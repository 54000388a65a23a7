/* ktal runtime: stdio.h. stdout is fully buffered (flushed when full, by
 * fflush and at exit), stderr is unbuffered, stdin is buffered. */
#ifndef KTAL_STDIO_H
#define KTAL_STDIO_H
#define __need_size_t
#define __need_NULL
#include <stddef.h>
#define __need___va_list
#include <bits/ktal_types.h>
#include <stdarg.h>

typedef struct __ktal_file FILE;
typedef struct {
    off_t __pos;
    int __state[2]; /* glibc's mbstate_t: unused here, kept for the size */
} fpos_t;

#define EOF (-1)
#define BUFSIZ 8192
#define FILENAME_MAX 4096
#define FOPEN_MAX 16
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2
#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif

KTAL_BEGIN_DECLS
extern struct __ktal_file __ktal_stdin, __ktal_stdout, __ktal_stderr;
#define stdin (&__ktal_stdin)
#define stdout (&__ktal_stdout)
#define stderr (&__ktal_stderr)

int printf(const char *restrict fmt, ...) KTAL_PRINTF(1, 2);
int fprintf(FILE *restrict f, const char *restrict fmt, ...) KTAL_PRINTF(2, 3);
int dprintf(int fd, const char *restrict fmt, ...) KTAL_PRINTF(2, 3);
int sprintf(char *restrict buf, const char *restrict fmt, ...) KTAL_PRINTF(2, 3);
int snprintf(char *restrict buf, size_t n, const char *restrict fmt, ...) KTAL_PRINTF(3, 4);
int vprintf(const char *restrict fmt, __gnuc_va_list ap) KTAL_PRINTF(1, 0);
int vfprintf(FILE *restrict f, const char *restrict fmt, __gnuc_va_list ap) KTAL_PRINTF(2, 0);
int vdprintf(int fd, const char *restrict fmt, __gnuc_va_list ap) KTAL_PRINTF(2, 0);
int vsprintf(char *restrict buf, const char *restrict fmt, __gnuc_va_list ap) KTAL_PRINTF(2, 0);
int vsnprintf(char *restrict buf, size_t n, const char *restrict fmt, __gnuc_va_list ap)
    KTAL_PRINTF(3, 0);

int puts(const char *s);
int putchar(int c);
int fputs(const char *restrict s, FILE *restrict f);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
size_t fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f);
int fflush(FILE *f);

int getchar(void);
int getc(FILE *f);
int fgetc(FILE *f);
char *fgets(char *restrict s, int n, FILE *restrict f);
size_t fread(void *restrict p, size_t size, size_t n, FILE *restrict f);
ssize_t getline(char **restrict line, size_t *restrict cap, FILE *restrict f);
ssize_t getdelim(char **restrict line, size_t *restrict cap, int delim, FILE *restrict f);
int ungetc(int c, FILE *f);

int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);
int fileno(FILE *f);

FILE *fopen(const char *restrict path, const char *restrict mode);
FILE *fdopen(int fd, const char *mode);
int fclose(FILE *f);
int fseek(FILE *f, long off, int whence);
long ftell(FILE *f);
void rewind(FILE *f);
int fgetpos(FILE *restrict f, fpos_t *restrict pos);
int fsetpos(FILE *f, const fpos_t *pos);
int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size);
void setbuf(FILE *restrict f, char *restrict buf);
void perror(const char *s);
KTAL_END_DECLS
#endif
