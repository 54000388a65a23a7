/* ktal runtime: string.h and strings.h.
 *
 * memcpy, memmove and memset move 8 bytes at a time through may_alias,
 * unaligned accesses (x86-64 allows them; every access stays inside the
 * caller's range, so a bounds guard never sees a byte outside it), and the
 * last 0-7 bytes as one 4-, one 2- and one 1-byte move: no loop, so no fuel
 * point per byte. They stay calls (noinline): without the byte loops they
 * would be inlined at nearly every call, 4-16% more code per corpus program
 * (8% in all) for the verifier and the prover, for no measurable speed. The str*
 * functions go byte by byte: reading past a string's terminator could leave
 * the sandbox. The compiler cannot turn these loops back into calls to
 * memcpy/memset: -ffreestanding -fno-builtin switch off that idiom. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef uint64_t __attribute__((may_alias, aligned(1))) u64u;
typedef uint32_t __attribute__((may_alias, aligned(1))) u32u;
typedef uint16_t __attribute__((may_alias, aligned(1))) u16u;

/* The last n < 8 bytes, forwards from d and s. */
static void copy_tail(unsigned char *d, const unsigned char *s, size_t n)
{
	if (n & 4) {
		*(u32u *)d = *(const u32u *)s;
		d += 4;
		s += 4;
	}
	if (n & 2) {
		*(u16u *)d = *(const u16u *)s;
		d += 2;
		s += 2;
	}
	if (n & 1)
		*d = *s;
}

/* The n < 8 bytes below d and s, the highest first: what is written lies
 * above what is still to be read when d > s. */
static void copy_tail_backwards(unsigned char *d, const unsigned char *s, size_t n)
{
	if (n & 1)
		*--d = *--s;
	if (n & 2) {
		d -= 2;
		s -= 2;
		*(u16u *)d = *(const u16u *)s;
	}
	if (n & 4)
		*(u32u *)(d - 4) = *(const u32u *)(s - 4);
}

__attribute__((noinline)) void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	while (n >= 8) {
		*(u64u *)d = *(const u64u *)s;
		d += 8;
		s += 8;
		n -= 8;
	}
	copy_tail(d, s, n);
	return dst;
}

void *mempcpy(void *restrict dst, const void *restrict src, size_t n)
{
	return (char *)memcpy(dst, src, n) + n;
}

__attribute__((noinline)) void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	if (d == s || n == 0)
		return dst;
	if ((uintptr_t)d - (uintptr_t)s >= n) {
		/* d is below s, or past the end of s: copy forwards. */
		while (n >= 8) {
			*(u64u *)d = *(const u64u *)s;
			d += 8;
			s += 8;
			n -= 8;
		}
		copy_tail(d, s, n);
	} else {
		/* d overlaps the tail of s: copy backwards. */
		d += n;
		s += n;
		while (n >= 8) {
			d -= 8;
			s -= 8;
			n -= 8;
			*(u64u *)d = *(const u64u *)s;
		}
		copy_tail_backwards(d, s, n);
	}
	return dst;
}

__attribute__((noinline)) void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	uint64_t w = (unsigned char)c * 0x0101010101010101ull;
	while (n >= 8) {
		*(u64u *)d = w;
		d += 8;
		n -= 8;
	}
	if (n & 4) {
		*(u32u *)d = (uint32_t)w;
		d += 4;
	}
	if (n & 2) {
		*(u16u *)d = (uint16_t)w;
		d += 2;
	}
	if (n & 1)
		*d = (unsigned char)c;
	return dst;
}

/* Equal words are skipped 8 bytes at a time; the bytes of the first word
 * that differs, and the last n < 8, are compared one by one. The result is
 * the first differing bytes' difference, as glibc's. */
int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	for (; n >= 8 && *(const u64u *)x == *(const u64u *)y; n -= 8, x += 8, y += 8)
		;
	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;
	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

void *memrchr(const void *s, int c, size_t n)
{
	const unsigned char *p = (const unsigned char *)s + n;
	while (n--)
		if (*--p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;
	while (*p)
		p++;
	return (size_t)(p - s);
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;
	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
	while (*x && *x == *y) {
		x++;
		y++;
	}
	return *x - *y;
}

int strncmp(const char *a, const char *b, size_t n)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
	for (; n; n--, x++, y++) {
		if (*x != *y)
			return *x - *y;
		if (!*x)
			return 0;
	}
	return 0;
}

int strcoll(const char *a, const char *b)
{
	return strcmp(a, b);
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

int strcasecmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
	int d;
	for (;; x++, y++) {
		d = lower(*x) - lower(*y);
		if (d || !*x)
			return d;
	}
}

int strncasecmp(const char *a, const char *b, size_t n)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
	int d;
	for (; n; n--, x++, y++) {
		d = lower(*x) - lower(*y);
		if (d || !*x)
			return d;
	}
	return 0;
}

char *strcpy(char *restrict dst, const char *restrict src)
{
	char *d = dst;
	while ((*d++ = *src++))
		;
	return dst;
}

char *stpcpy(char *restrict dst, const char *restrict src)
{
	while ((*dst = *src++))
		dst++;
	return dst;
}

char *strncpy(char *restrict dst, const char *restrict src, size_t n)
{
	size_t i = 0;
	for (; i < n && src[i]; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = 0;
	return dst;
}

char *stpncpy(char *restrict dst, const char *restrict src, size_t n)
{
	size_t i = 0;
	for (; i < n && src[i]; i++)
		dst[i] = src[i];
	char *end = dst + i;
	for (; i < n; i++)
		dst[i] = 0;
	return end;
}

char *strcat(char *restrict dst, const char *restrict src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}

char *strncat(char *restrict dst, const char *restrict src, size_t n)
{
	char *d = dst + strlen(dst);
	while (n && *src) {
		*d++ = *src++;
		n--;
	}
	*d = 0;
	return dst;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strchrnul(const char *s, int c)
{
	while (*s && *s != (char)c)
		s++;
	return (char *)s;
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;
	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

char *strstr(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	if (!n)
		return (char *)hay;
	for (; *hay; hay++)
		if (*hay == *needle && strncmp(hay, needle, n) == 0)
			return (char *)hay;
	return NULL;
}

char *strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	return p ? memcpy(p, s, n) : NULL;
}

char *strndup(const char *s, size_t n)
{
	n = strnlen(s, n);
	char *p = malloc(n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

/* One bit per byte value: the set of bytes in `chars`. */
struct byteset {
	uint64_t w[4];
};

static void byteset_fill(struct byteset *b, const char *chars)
{
	b->w[0] = b->w[1] = b->w[2] = b->w[3] = 0;
	for (const unsigned char *p = (const unsigned char *)chars; *p; p++)
		b->w[*p >> 6] |= 1ull << (*p & 63);
}

static int byteset_has(const struct byteset *b, unsigned char c)
{
	return (b->w[c >> 6] >> (c & 63)) & 1;
}

size_t strspn(const char *s, const char *accept)
{
	struct byteset b;
	byteset_fill(&b, accept);
	size_t n = 0;
	while (s[n] && byteset_has(&b, (unsigned char)s[n]))
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	struct byteset b;
	byteset_fill(&b, reject);
	size_t n = 0;
	while (s[n] && !byteset_has(&b, (unsigned char)s[n]))
		n++;
	return n;
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}

char *strtok_r(char *restrict s, const char *restrict delim, char **restrict save)
{
	if (!s)
		s = *save;
	if (!s)
		return NULL;
	s += strspn(s, delim);
	if (!*s) {
		*save = s;
		return NULL;
	}
	char *end = s + strcspn(s, delim);
	if (*end)
		*end++ = 0;
	*save = end;
	return s;
}

char *strtok(char *restrict s, const char *restrict delim)
{
	static char *save;
	return strtok_r(s, delim, &save);
}

char *strsep(char **restrict sp, const char *restrict delim)
{
	char *s = *sp;
	if (!s)
		return NULL;
	char *end = s + strcspn(s, delim);
	if (*end)
		*end++ = 0, *sp = end;
	else
		*sp = NULL;
	return s;
}
