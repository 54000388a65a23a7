/* ktal runtime: the strtol family, atoi, abs/div, rand, getenv. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>

/* glibc's parser, shared by every strto*: returns the magnitude (saturated,
 * with *over set, past ULLONG_MAX), the sign in *neg, and sets *end as glibc
 * does: past the last digit, or at the 'x' of a "0x" with no hex digit after
 * it, or at s when there is no number. The multiply-add uses the overflow
 * builtins: no division by the (variable) base. */
static unsigned long long parse(const char *s, char **end, int base, int *neg, int *over)
{
	const char *p = s;
	*neg = 0;
	*over = 0;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		return 0;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '-') {
		*neg = 1;
		p++;
	} else if (*p == '+') {
		p++;
	}
	if (*p == '0' && (base == 0 || base == 16) && (p[1] == 'x' || p[1] == 'X')) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = *p == '0' ? 8 : 10;
	}
	const char *digits = p;
	unsigned long long acc = 0;
	for (;; p++) {
		unsigned c = (unsigned char)*p, d;
		if (c - '0' < 10)
			d = c - '0';
		else if ((c | 32) - 'a' < 26)
			d = (c | 32) - 'a' + 10;
		else
			break;
		if (d >= (unsigned)base)
			break;
		unsigned long long next;
		if (__builtin_mul_overflow(acc, (unsigned long long)base, &next) ||
		    __builtin_add_overflow(next, (unsigned long long)d, &next)) {
			*over = 1;
			next = ULLONG_MAX;
		}
		acc = next;
	}
	if (p == digits) {
		/* No digits. "0x" then a non-hex byte is the number 0 ending at
		 * the 'x'. */
		if (end) {
			if (digits - s >= 2 && (digits[-1] | 32) == 'x' && digits[-2] == '0')
				*end = (char *)(digits - 1);
			else
				*end = (char *)s;
		}
		*neg = 0;
		return 0;
	}
	if (end)
		*end = (char *)p;
	return acc;
}

long long strtoll(const char *restrict s, char **restrict end, int base)
{
	int neg, over;
	unsigned long long v = parse(s, end, base, &neg, &over);
	if (neg) {
		if (over || v > (unsigned long long)LLONG_MAX + 1) {
			errno = ERANGE;
			return LLONG_MIN;
		}
		return (long long)(0 - v);
	}
	if (over || v > (unsigned long long)LLONG_MAX) {
		errno = ERANGE;
		return LLONG_MAX;
	}
	return (long long)v;
}

unsigned long long strtoull(const char *restrict s, char **restrict end, int base)
{
	int neg, over;
	unsigned long long v = parse(s, end, base, &neg, &over);
	if (over) {
		errno = ERANGE;
		return ULLONG_MAX;
	}
	return neg ? 0 - v : v;
}

long strtol(const char *restrict s, char **restrict end, int base)
{
	return strtoll(s, end, base);
}

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	return strtoull(s, end, base);
}

intmax_t strtoimax(const char *restrict s, char **restrict end, int base)
{
	return strtoll(s, end, base);
}

uintmax_t strtoumax(const char *restrict s, char **restrict end, int base)
{
	return strtoull(s, end, base);
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}

int abs(int x)
{
	return x < 0 ? -x : x;
}

long labs(long x)
{
	return x < 0 ? -x : x;
}

long long llabs(long long x)
{
	return x < 0 ? -x : x;
}

intmax_t imaxabs(intmax_t x)
{
	return x < 0 ? -x : x;
}

div_t div(int a, int b)
{
	div_t r = { a / b, a % b };
	return r;
}

ldiv_t ldiv(long a, long b)
{
	ldiv_t r = { a / b, a % b };
	return r;
}

lldiv_t lldiv(long long a, long long b)
{
	lldiv_t r = { a / b, a % b };
	return r;
}

imaxdiv_t imaxdiv(intmax_t a, intmax_t b)
{
	imaxdiv_t r = { a / b, a % b };
	return r;
}

/* rand/random: glibc's TYPE_3 additive feedback generator (degree 31,
 * separation 3), seeded as glibc seeds it, so that a program prints the same
 * "random" numbers under ktal and under glibc. */
#define DEG 31
#define SEP 3
static int32_t rstate[DEG];
static int rf, rr;
static int rseeded;

static int32_t rnext(void)
{
	uint32_t v = (uint32_t)rstate[rf] + (uint32_t)rstate[rr];
	rstate[rf] = (int32_t)v;
	if (++rf >= DEG)
		rf = 0;
	if (++rr >= DEG)
		rr = 0;
	return (int32_t)(v >> 1);
}

void srandom(unsigned seed)
{
	if (seed == 0)
		seed = 1;
	rstate[0] = (int32_t)seed;
	int32_t word = (int32_t)seed; /* as glibc: seeds above INT_MAX go negative */
	for (int i = 1; i < DEG; i++) {
		long hi = word / 127773;
		long lo = word % 127773;
		word = (int32_t)(16807 * lo - 2836 * hi);
		if (word < 0)
			word += 2147483647;
		rstate[i] = word;
	}
	rf = SEP;
	rr = 0;
	rseeded = 1;
	for (int i = 0; i < DEG * 10; i++)
		(void)rnext();
}

long random(void)
{
	if (!rseeded)
		srandom(1);
	return rnext();
}

void srand(unsigned seed)
{
	srandom(seed);
}

int rand(void)
{
	return (int)random();
}

int rand_r(unsigned *seed)
{
	unsigned next = *seed;
	int result;
	next = next * 1103515245 + 12345;
	result = (int)((next / 65536) % 2048);
	next = next * 1103515245 + 12345;
	result <<= 10;
	result ^= (int)((next / 65536) % 1024);
	next = next * 1103515245 + 12345;
	result <<= 10;
	result ^= (int)((next / 65536) % 1024);
	*seed = next;
	return result;
}

char *getenv(const char *name)
{
	(void)name;
	return NULL;
}
