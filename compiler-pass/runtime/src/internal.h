/* ktal runtime: private declarations shared by the runtime's sources. */
#ifndef KTAL_RUNTIME_INTERNAL_H
#define KTAL_RUNTIME_INTERNAL_H
#include "helpers.h"
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* A helper's result in the Linux convention: -4095..-1 is -errno. */
long __ktal_sysret(long r);

/* Write a fixed message to fd 2 straight through the write helper, then
 * trap with `code`. For the allocator's corruption checks: it must not call
 * back into stdio (stdio calls malloc/free). Always inlined, so that its
 * callers end in the (noreturn) trap helper rather than in a call to another
 * noreturn function, which the certifier would see fall off the end. */
__attribute__((always_inline, noreturn)) static inline void __ktal_fatal(const char *msg,
                                                                         int code) {
    long n = 0;
    while (msg[n]) n++;
    __ktal_helper_write(2, (long)msg, n);
    __ktal_helper_trap(code, 0);
}

/* stdio */
#define KTAL_F_READ 0x01
#define KTAL_F_WRITE 0x02
#define KTAL_F_EOF 0x04
#define KTAL_F_ERR 0x08
#define KTAL_F_UNBUF 0x10
#define KTAL_F_LINEBUF 0x20
#define KTAL_F_MALLOCED 0x40 /* the FILE itself came from the fopen pool */
#define KTAL_F_OWNBUF 0x80   /* buf came from malloc and is freed by fclose */
#define KTAL_F_APPEND 0x100
#define KTAL_F_OPEN 0x200

struct __ktal_file {
    int fd;
    int flags;
    unsigned char *buf; /* set lazily (no relocations in initialised data) */
    size_t cap;
    size_t wpos; /* bytes waiting to be written */
    size_t rpos; /* next byte to read */
    size_t rend; /* end of the bytes read ahead */
    int unget;   /* a pushed-back byte, or -1 */
};

/* Append n bytes to f's buffer, flushing as needed; returns bytes taken. */
size_t __ktal_fwrite_bytes(FILE *f, const char *p, size_t n);
/* Flush after a complete stdio call if the stream is unbuffered. */
void __ktal_fcall_done(FILE *f);
int __ktal_fflush_file(FILE *f);
void __ktal_flush_all(void);

/* The printf engine: output goes to f (when non-NULL) or to buf[0..cap). */
int __ktal_vformat(FILE *f, char *buf, size_t cap, const char *fmt, va_list ap);

/* argv[0], saved by __ktal_start for assert's message. */
extern const char *__ktal_progname;

/* glibc's message for errno e, or NULL when glibc says "Unknown error". */
const char *__ktal_errmsg(int e);
#endif
