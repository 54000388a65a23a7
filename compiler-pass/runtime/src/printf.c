/* ktal runtime: the printf family.
 *
 * One engine (__ktal_vformat) writes either into a FILE or into a caller's
 * buffer; it follows glibc's vfprintf conversion by conversion so that the
 * output is byte-identical: the flag rules ('0' ignored with a precision or
 * with '-', '+' over ' ', '+'/' ' ignored by unsigned conversions but not by
 * %p), "(nil)" and "(null)", '#' with 0, the octal marker, and the echo of a
 * conversion it does not know ("%#-7y" prints itself, flags in glibc's order).
 * Conversions: d i u o x X b B (glibc 2.35+) c s p n m % and lc ls C S for
 * ASCII; length modifiers hh h l ll L q j z Z t. Integers only: ktal programs
 * have no floating point, so %e %f %g %a are echoed as unknown. Not
 * supported: positional arguments (%1$d). */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "internal.h"

struct out {
	FILE *f;     /* the stream, or NULL to write into buf */
	char *buf;   /* buf[0..cap) takes output; the caller adds the NUL */
	size_t cap;
	size_t count; /* every byte produced, written or not */
	int err;
};

/* Not inlined: each of the engine's many calls would carry its own copy of
 * this (and of __ktal_fwrite_bytes), all re-checked by `ktal prove`. */
__attribute__((noinline)) static void emit(struct out *o, const char *s, size_t n)
{
	if (!n)
		return;
	if (o->f) {
		if (!o->err && __ktal_fwrite_bytes(o->f, s, n) != n)
			o->err = 1;
	} else if (o->count < o->cap) {
		size_t room = o->cap - o->count;
		memcpy(o->buf + o->count, s, n < room ? n : room);
	}
	o->count += n;
}

static void emit_char(struct out *o, char c)
{
	emit(o, &c, 1);
}

static void pad(struct out *o, char c, long n)
{
	char chunk[32];
	if (n <= 0)
		return;
	if (!o->f && o->count >= o->cap) {
		o->count += (size_t)n; /* nothing more fits: only count */
		return;
	}
	memset(chunk, c, sizeof chunk);
	while (n > 0) {
		size_t k = n < (long)sizeof chunk ? (size_t)n : sizeof chunk;
		emit(o, chunk, k);
		n -= (long)k;
	}
}

struct spec {
	int alt, group, showsign, space, left, zero, i18n;
	int left_flag; /* '-' given (left may also come from a negative '*' width) */
	long width;
	long prec; /* -1: none */
	int is_char, is_short, is_long; /* hh, h, l ll L q j z Z t */
	char conv;
};

/* Echo a conversion glibc does not know, as glibc's printf_unknown does. */
static void unknown(struct out *o, const struct spec *sp)
{
	char tmp[40];
	size_t n = 0;
	tmp[n++] = '%';
	if (sp->alt)
		tmp[n++] = '#';
	if (sp->group)
		tmp[n++] = '\'';
	if (sp->showsign)
		tmp[n++] = '+';
	else if (sp->space)
		tmp[n++] = ' ';
	if (sp->left)
		tmp[n++] = '-';
	if (sp->zero && !sp->left_flag) /* glibc: '-' clears '0', a negative '*' does not */
		tmp[n++] = '0';
	if (sp->i18n)
		tmp[n++] = 'I';
	emit(o, tmp, n);
	n = 0;
	if (sp->width != 0) {
		char d[24];
		int k = 0;
		unsigned long w = (unsigned long)sp->width;
		do {
			d[k++] = (char)('0' + w % 10);
			w /= 10;
		} while (w);
		while (k)
			tmp[n++] = d[--k];
	}
	if (sp->prec != -1) {
		char d[24];
		int k = 0;
		unsigned long w = (unsigned long)sp->prec;
		tmp[n++] = '.';
		do {
			d[k++] = (char)('0' + w % 10);
			w /= 10;
		} while (w);
		while (k)
			tmp[n++] = d[--k];
	}
	tmp[n++] = sp->conv;
	emit(o, tmp, n);
}

/* A string conversion: width pads with spaces on the left or the right. */
static void put_string(struct out *o, const struct spec *sp, const char *s, size_t len)
{
	long width = sp->width - (long)len;
	if (width < 0) {
		emit(o, s, len);
		return;
	}
	if (!sp->left)
		pad(o, ' ', width);
	emit(o, s, len);
	if (sp->left)
		pad(o, ' ', width);
}

/* glibc's integer layout. base is 2, 8, 10 or 16; conv is the conversion
 * ('X' selects A-F; with '#', a nonzero number in base 16 or 2 gets "0" and
 * conv as its prefix: 0x 0X 0b 0B). */
static void put_number(struct out *o, const struct spec *sp, unsigned long long v, int neg,
                       int base, char conv)
{
	char work[72];
	char *end = work + sizeof work, *s = end;
	long prec = sp->prec, width = sp->width;
	char padc = sp->zero ? '0' : ' ';
	const char *digits = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	int nonzero = v != 0;

	if (prec == -1)
		prec = 1;
	else
		padc = ' ';

	if (prec == 0 && v == 0) {
		if (base == 8 && sp->alt)
			*--s = '0';
	} else if (base == 10) {
		do {
			*--s = (char)('0' + v % 10);
			v /= 10;
		} while (v);
	} else if (base == 16) {
		do {
			*--s = digits[v & 15];
			v >>= 4;
		} while (v);
	} else if (base == 8) {
		do {
			*--s = (char)('0' + (v & 7));
			v >>= 3;
		} while (v);
	} else {
		do {
			*--s = (char)('0' + (v & 1));
			v >>= 1;
		} while (v);
	}
	long len = end - s;
	if (prec <= len && nonzero && sp->alt && base == 8) {
		*--s = '0';
		len++;
	}
	prec = prec > len ? prec - len : 0;
	char sign = neg ? '-' : sp->showsign ? '+' : sp->space ? ' ' : 0;
	int prefix = nonzero && sp->alt && (base == 16 || base == 2);
	char px[2] = { '0', conv };

	if (!sp->left) {
		width -= len + prec;
		if (prefix)
			width -= 2;
		if (sign)
			width--;
		if (padc == ' ') {
			pad(o, ' ', width);
			width = 0;
		}
		if (sign)
			emit_char(o, sign);
		if (prefix)
			emit(o, px, 2);
		pad(o, '0', width + prec);
		emit(o, s, (size_t)len);
	} else {
		if (sign) {
			emit_char(o, sign);
			width--;
		}
		if (prefix) {
			emit(o, px, 2);
			width -= 2;
		}
		width -= len + prec;
		pad(o, '0', prec);
		emit(o, s, (size_t)len);
		pad(o, ' ', width);
	}
}

/* Read a decimal field; -1 when it passes INT_MAX (glibc: EOVERFLOW). */
static long read_field(const char **pp)
{
	const char *p = *pp;
	long v = 0;
	while ((unsigned)*p - '0' < 10) {
		if (v >= 0) {
			v = v * 10 + (*p - '0');
			if (v > INT_MAX)
				v = -1;
		}
		p++;
	}
	*pp = p;
	return v;
}

/* One conversion, its arguments taken from *ap; an errno value when the
 * conversion fails (the engine stops there), else 0. Not inlined: the
 * engine's loops (the format's text, the flags, the width and precision
 * digits) would each carry their own copy, all re-checked by `ktal prove`. */
__attribute__((noinline)) static int convert(struct out *o, struct spec *sp, va_list *ap)
{
	int bad = 0;
	int wide = sp->is_long && !sp->is_char && !sp->is_short;

	switch (sp->conv) {
	case 'd':
	case 'i': {
		long long v;
		if (sp->is_long)
			v = va_arg(*ap, long long);
		else if (sp->is_char)
			v = (signed char)va_arg(*ap, int);
		else if (sp->is_short)
			v = (short)va_arg(*ap, int);
		else
			v = va_arg(*ap, int);
		int neg = v < 0;
		put_number(o, sp, neg ? 0ull - (unsigned long long)v : (unsigned long long)v,
		           neg, 10, 'd');
		break;
	}
	case 'u':
	case 'o':
	case 'x':
	case 'X':
	case 'b':
	case 'B': {
		unsigned long long v;
		if (sp->is_long)
			v = va_arg(*ap, unsigned long long);
		else if (sp->is_char)
			v = (unsigned char)va_arg(*ap, unsigned);
		else if (sp->is_short)
			v = (unsigned short)va_arg(*ap, unsigned);
		else
			v = va_arg(*ap, unsigned);
		sp->showsign = sp->space = 0;
		int base = sp->conv == 'u' ? 10 : sp->conv == 'o' ? 8 : (sp->conv | 32) == 'b' ? 2 : 16;
		put_number(o, sp, v, 0, base, sp->conv);
		break;
	}
	case 'p': {
		void *p = va_arg(*ap, void *);
		if (p) {
			sp->alt = 1;
			put_number(o, sp, (uintptr_t)p, 0, 16, 'x');
		} else {
			if (sp->prec < 5)
				sp->prec = 5;
			put_string(o, sp, "(nil)", 5);
		}
		break;
	}
	case 'c':
	case 'C': {
		unsigned c = va_arg(*ap, unsigned);
		char ch = (char)c;
		if ((wide || sp->conv == 'C') && c > 0x7f) {
			bad = EILSEQ; /* not representable in the C locale */
			break;
		}
		sp->prec = -1;
		put_string(o, sp, &ch, 1);
		break;
	}
	case 's':
	case 'S':
		if (wide || sp->conv == 'S') {
			const int *ws = va_arg(*ap, const int *);
			if (!ws) {
				if (sp->prec == -1 || sp->prec >= 6)
					put_string(o, sp, "(null)", 6);
				else
					put_string(o, sp, "", 0);
				break;
			}
			size_t len = 0;
			while (ws[len] && (sp->prec < 0 || (long)len < sp->prec)) {
				if ((unsigned)ws[len] > 0x7f) {
					bad = EILSEQ;
					break;
				}
				len++;
			}
			if (bad)
				break;
			long width = sp->width - (long)len;
			if (!sp->left)
				pad(o, ' ', width);
			for (size_t i = 0; i < len; i++)
				emit_char(o, (char)ws[i]);
			if (sp->left)
				pad(o, ' ', width);
		} else {
			const char *s = va_arg(*ap, const char *);
			size_t len;
			if (!s) {
				if (sp->prec == -1 || sp->prec >= 6) {
					s = "(null)";
					len = 6;
				} else {
					s = "";
					len = 0;
				}
			} else {
				len = sp->prec >= 0 ? strnlen(s, (size_t)sp->prec) : strlen(s);
			}
			put_string(o, sp, s, len);
		}
		break;
	case 'm': {
		const char *s = strerror(errno);
		size_t len = sp->prec >= 0 ? strnlen(s, (size_t)sp->prec) : strlen(s);
		put_string(o, sp, s, len);
		break;
	}
	case 'n': {
		void *p = va_arg(*ap, void *);
		if (sp->is_long)
			*(long long *)p = (long long)o->count;
		else if (sp->is_char)
			*(signed char *)p = (signed char)o->count;
		else if (sp->is_short)
			*(short *)p = (short)o->count;
		else
			*(int *)p = (int)o->count;
		break;
	}
	case '%':
		emit_char(o, '%');
		break;
	default:
		unknown(o, sp);
		break;
	}
	return bad;
}

int __ktal_vformat(FILE *f, char *buf, size_t cap, const char *fmt, va_list ap)
{
	struct out o = { f, buf, cap, 0, 0 };
	int bad = 0;
	va_list aq; /* convert() takes its arguments through a pointer to it */
	va_copy(aq, ap);

	for (;;) {
		const char *q = fmt;
		while (*q && *q != '%')
			q++;
		emit(&o, fmt, (size_t)(q - fmt));
		if (!*q)
			break;
		q++;

		struct spec sp = { .prec = -1 };
		for (;; q++) {
			char c = *q;
			if (c == ' ')
				sp.space = 1;
			else if (c == '+')
				sp.showsign = 1;
			else if (c == '-')
				sp.left = sp.left_flag = 1;
			else if (c == '#')
				sp.alt = 1;
			else if (c == '0')
				sp.zero = 1;
			else if (c == '\'')
				sp.group = 1;
			else if (c == 'I')
				sp.i18n = 1;
			else
				break;
		}
		if (*q == '*') {
			q++;
			int w = va_arg(aq, int);
			if (w < 0) {
				sp.left = 1;
				sp.width = -(long)w;
			} else {
				sp.width = w;
			}
		} else {
			sp.width = read_field(&q);
			if (sp.width < 0) {
				bad = EOVERFLOW;
				break;
			}
		}
		if (*q == '.') {
			q++;
			if (*q == '*') {
				q++;
				int pr = va_arg(aq, int);
				sp.prec = pr < 0 ? -1 : pr;
			} else {
				sp.prec = read_field(&q);
				if (sp.prec < 0) {
					bad = EOVERFLOW;
					break;
				}
			}
		}

		switch (*q) {
		case 'h':
			q++;
			if (*q == 'h') {
				q++;
				sp.is_char = 1;
			} else {
				sp.is_short = 1;
			}
			break;
		case 'l':
			q++;
			if (*q == 'l')
				q++;
			sp.is_long = 1;
			break;
		case 'L':
		case 'q':
		case 'j':
		case 'z':
		case 'Z':
		case 't':
			q++;
			sp.is_long = 1;
			break;
		default:
			break;
		}
		sp.conv = *q;
		if (!sp.conv) {
			bad = EINVAL; /* the format ends inside a conversion */
			break;
		}
		q++;
		fmt = q;

		bad = convert(&o, &sp, &aq);
		if (bad)
			break;
	}
	va_end(aq);

	if (!f && cap != (size_t)-1) {
		/* snprintf: terminate within the buffer (the callers pass the
		 * buffer size minus one as cap). */
		buf[o.count < cap ? o.count : cap] = 0;
	} else if (!f) {
		buf[o.count] = 0;
	}
	if (bad) {
		errno = bad;
		return -1;
	}
	if (o.err)
		return -1;
	if (o.count > INT_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return (int)o.count;
}

int vsnprintf(char *restrict buf, size_t n, const char *restrict fmt, va_list ap)
{
	if (n == 0) {
		char dummy;
		return __ktal_vformat(NULL, &dummy, 0, fmt, ap);
	}
	return __ktal_vformat(NULL, buf, n - 1, fmt, ap);
}

int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
{
	return __ktal_vformat(NULL, buf, (size_t)-1, fmt, ap);
}

int snprintf(char *restrict buf, size_t n, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}

int sprintf(char *restrict buf, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vsprintf(buf, fmt, ap);
	va_end(ap);
	return r;
}

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	int r = __ktal_vformat(f, NULL, 0, fmt, ap);
	__ktal_fcall_done(f);
	return r;
}

int vprintf(const char *restrict fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int fprintf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfprintf(f, fmt, ap);
	va_end(ap);
	return r;
}

int printf(const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return r;
}
