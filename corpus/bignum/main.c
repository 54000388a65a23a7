/* bignum — arbitrary-precision unsigned integers in base 10^9 (malloc'ed
 * limb arrays): addition, subtraction, schoolbook multiplication, division
 * by a small number, powers by iterative square-and-multiply, decimal
 * conversion both ways.  Prints 200!, 2^1000, 3^500, fib(1000), Catalan
 * numbers and checks known digit sums, identities (a*b = b*a,
 * (a+b)-b = a, n!/1/2/.../n = 1, residues mod small primes) and the
 * expressions on stdin ("a + b", "a - b", "a * b" on decimal numbers).
 *
 * usage: bignum N   (N! , 7^(10N) and fib(N) summaries; N=200 by default)
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASE 1000000000u

struct big {
	uint32_t *d; /* little-endian limbs */
	size_t n, cap;
};

static void big_reserve(struct big *a, size_t cap)
{
	if (cap <= a->cap)
		return;
	a->d = realloc(a->d, cap * sizeof *a->d);
	if (!a->d) {
		fprintf(stderr, "out of memory\n");
		exit(3);
	}
	a->cap = cap;
}

static void big_trim(struct big *a)
{
	while (a->n > 0 && a->d[a->n - 1] == 0)
		a->n--;
}

static void big_set_u64(struct big *a, uint64_t v)
{
	big_reserve(a, 3);
	a->n = 0;
	while (v) {
		a->d[a->n++] = (uint32_t)(v % BASE);
		v /= BASE;
	}
}

static void big_copy(struct big *dst, const struct big *src)
{
	big_reserve(dst, src->n + 1);
	if (src->n)
		memcpy(dst->d, src->d, src->n * sizeof *src->d);
	dst->n = src->n;
}

static void big_free(struct big *a)
{
	free(a->d);
	a->d = NULL;
	a->n = a->cap = 0;
}

static int big_cmp(const struct big *a, const struct big *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (size_t i = a->n; i-- > 0;)
		if (a->d[i] != b->d[i])
			return a->d[i] < b->d[i] ? -1 : 1;
	return 0;
}

/* r = a + b (r may alias a or b) */
static void big_add(struct big *r, const struct big *a, const struct big *b)
{
	size_t n = a->n > b->n ? a->n : b->n;
	big_reserve(r, n + 1);
	uint32_t carry = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t s = carry + (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);
		carry = s >= BASE;
		r->d[i] = carry ? s - BASE : s;
	}
	r->d[n] = carry;
	r->n = n + 1;
	big_trim(r);
}

/* r = a - b, requires a >= b (r may alias a or b) */
static void big_sub(struct big *r, const struct big *a, const struct big *b)
{
	big_reserve(r, a->n + 1);
	int64_t borrow = 0;
	for (size_t i = 0; i < a->n; i++) {
		int64_t s = (int64_t)a->d[i] - (i < b->n ? b->d[i] : 0) - borrow;
		borrow = s < 0;
		r->d[i] = (uint32_t)(borrow ? s + BASE : s);
	}
	r->n = a->n;
	big_trim(r);
}

/* r = a * b; r must not alias a or b */
static void big_mul(struct big *r, const struct big *a, const struct big *b)
{
	size_t n = a->n + b->n;
	big_reserve(r, n + 1);
	memset(r->d, 0, (n + 1) * sizeof *r->d);
	for (size_t i = 0; i < a->n; i++) {
		uint64_t carry = 0, ai = a->d[i];
		if (!ai)
			continue;
		for (size_t j = 0; j < b->n; j++) {
			uint64_t t = ai * b->d[j] + r->d[i + j] + carry;
			r->d[i + j] = (uint32_t)(t % BASE);
			carry = t / BASE;
		}
		size_t k = i + b->n;
		while (carry) {
			uint64_t t = r->d[k] + carry;
			r->d[k] = (uint32_t)(t % BASE);
			carry = t / BASE;
			k++;
		}
	}
	r->n = n;
	big_trim(r);
}

static void big_mul_small(struct big *a, uint32_t m)
{
	uint64_t carry = 0;
	big_reserve(a, a->n + 2);
	for (size_t i = 0; i < a->n; i++) {
		uint64_t t = (uint64_t)a->d[i] * m + carry;
		a->d[i] = (uint32_t)(t % BASE);
		carry = t / BASE;
	}
	while (carry) {
		a->d[a->n++] = (uint32_t)(carry % BASE);
		carry /= BASE;
	}
	big_trim(a);
}

/* a /= m, returns the remainder; m > 0 */
static uint32_t big_div_small(struct big *a, uint32_t m)
{
	uint64_t rem = 0;
	for (size_t i = a->n; i-- > 0;) {
		uint64_t cur = rem * BASE + a->d[i];
		a->d[i] = (uint32_t)(cur / m);
		rem = cur % m;
	}
	big_trim(a);
	return (uint32_t)rem;
}

static uint32_t big_mod_small(const struct big *a, uint32_t m)
{
	uint64_t rem = 0;
	for (size_t i = a->n; i-- > 0;)
		rem = (rem * BASE + a->d[i]) % m;
	return (uint32_t)rem;
}

/* r = base^e */
static void big_pow(struct big *r, uint32_t base, uint64_t e)
{
	struct big b = { 0 }, t = { 0 };
	big_set_u64(&b, base);
	big_set_u64(r, 1);
	while (e) {
		if (e & 1) {
			big_mul(&t, r, &b);
			big_copy(r, &t);
		}
		e >>= 1;
		if (e) {
			big_mul(&t, &b, &b);
			big_copy(&b, &t);
		}
	}
	big_free(&b);
	big_free(&t);
}

/* decimal string (malloc'ed) */
static char *big_to_dec(const struct big *a)
{
	char *s = malloc(a->n * 9 + 2);
	if (!s)
		exit(3);
	if (a->n == 0) {
		strcpy(s, "0");
		return s;
	}
	int len = sprintf(s, "%u", a->d[a->n - 1]);
	for (size_t i = a->n - 1; i-- > 0;)
		len += sprintf(s + len, "%09u", a->d[i]);
	return s;
}

static int big_from_dec(struct big *a, const char *s, size_t len)
{
	a->n = 0;
	big_reserve(a, len / 9 + 2);
	for (size_t k = 0; k < len; k++)
		if (!isdigit((unsigned char)s[k]))
			return -1;
	size_t end = len;
	while (end > 0) {
		size_t start = end >= 9 ? end - 9 : 0;
		uint32_t v = 0;
		for (size_t k = start; k < end; k++)
			v = v * 10 + (uint32_t)(s[k] - '0');
		a->d[a->n++] = v;
		end = start;
	}
	big_trim(a);
	return 0;
}

static unsigned digit_sum(const char *s)
{
	unsigned sum = 0;
	for (; *s; s++)
		sum += (unsigned)(*s - '0');
	return sum;
}

static int failures;

static void show(const char *label, const struct big *a, int full)
{
	char *s = big_to_dec(a);
	size_t len = strlen(s);
	printf("%s: %zu digits, digit sum %u\n", label, len, digit_sum(s));
	if (full) {
		for (size_t i = 0; i < len; i += 100)
			printf("  %.100s\n", s + i);
	} else if (len > 40) {
		printf("  %.20s...%s\n", s, s + len - 20);
	} else {
		printf("  %s\n", s);
	}
	/* decimal round trip */
	struct big back = { 0 };
	big_from_dec(&back, s, len);
	if (big_cmp(&back, a) != 0) {
		printf("  decimal round trip FAIL\n");
		failures++;
	}
	big_free(&back);
	free(s);
}

static void expect_u(const char *what, unsigned long long got, unsigned long long want)
{
	int ok = got == want;
	if (!ok)
		failures++;
	printf("check %-40s %llu %s\n", what, got, ok ? "ok" : "FAIL");
}

static uint64_t rng_state = 0x1234567887654321ull;

static uint64_t rng_next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static void random_big(struct big *a, size_t limbs)
{
	big_reserve(a, limbs + 1);
	for (size_t i = 0; i < limbs; i++)
		a->d[i] = (uint32_t)(rng_next() % BASE);
	a->n = limbs;
	big_trim(a);
}

static char line[4096];

int main(int argc, char **argv)
{
	long N = argc > 1 ? atol(argv[1]) : 200;
	if (N < 1 || N > 100000) {
		fprintf(stderr, "usage: bignum N(1..100000)\n");
		return 2;
	}
	struct big a = { 0 }, b = { 0 }, c = { 0 }, t = { 0 };

	/* factorials */
	big_set_u64(&a, 1);
	for (uint32_t k = 2; k <= 100; k++)
		big_mul_small(&a, k);
	{
		char *s = big_to_dec(&a);
		expect_u("digit sum of 100! (648)", digit_sum(s), 648);
		free(s);
	}
	for (uint32_t k = 101; k <= 200; k++)
		big_mul_small(&a, k);
	show("200!", &a, 1);
	{
		big_copy(&b, &a);
		unsigned zeros = 0;
		while (b.n && big_mod_small(&b, 10) == 0) {
			big_div_small(&b, 10);
			zeros++;
		}
		expect_u("trailing zeros of 200! (49)", zeros, 49);
		big_copy(&b, &a);
		int exact = 1;
		for (uint32_t k = 200; k >= 1; k--)
			if (big_div_small(&b, k) != 0)
				exact = 0;
		expect_u("200!/200/199/.../1 == 1", exact && b.n == 1 && b.d[0] == 1, 1);
	}

	/* powers */
	big_pow(&a, 2, 1000);
	show("2^1000", &a, 1);
	{
		char *s = big_to_dec(&a);
		expect_u("digit sum of 2^1000 (1366)", digit_sum(s), 1366);
		free(s);
	}
	big_pow(&a, 3, 500);
	show("3^500", &a, 1);
	/* 3^500 = (3^250)^2 */
	big_pow(&b, 3, 250);
	big_mul(&c, &b, &b);
	expect_u("3^500 == (3^250)^2", big_cmp(&a, &c) == 0, 1);

	/* Fibonacci */
	big_set_u64(&a, 0);
	big_set_u64(&b, 1);
	long first1000 = 0;
	for (long k = 1; k <= 5000; k++) {
		big_add(&c, &a, &b); /* c = F(k+1) */
		big_copy(&a, &b);   /* a = F(k) */
		big_copy(&b, &c);
		if (k == 1000)
			show("fib(1000)", &a, 1);
		if (!first1000 && a.n >= 112) {
			char *s = big_to_dec(&a);
			if (strlen(s) >= 1000)
				first1000 = k;
			free(s);
		}
	}
	expect_u("first Fibonacci with 1000 digits (4782)", (unsigned long long)first1000, 4782);

	/* Catalan numbers: C(2n,n)/(n+1) by exact small steps */
	for (uint32_t n = 10; n <= 100; n += 30) {
		big_set_u64(&a, 1);
		for (uint32_t k = 1; k <= n; k++) {
			big_mul_small(&a, n + k);
			if (big_div_small(&a, k) != 0)
				failures++;
		}
		uint32_t r = big_div_small(&a, n + 1);
		char label[32];
		snprintf(label, sizeof label, "Catalan(%u)", n);
		show(label, &a, 0);
		if (r)
			failures++;
	}

	/* identities on random numbers */
	{
		int bad = 0;
		static const uint32_t primes[] = { 999999937u, 1000000007u, 65521u, 97u };
		for (int round = 0; round < 40; round++) {
			random_big(&a, 1 + (size_t)(rng_next() % 40));
			random_big(&b, 1 + (size_t)(rng_next() % 40));
			big_mul(&c, &a, &b);
			big_mul(&t, &b, &a);
			if (big_cmp(&c, &t) != 0)
				bad++;
			for (int p = 0; p < 4; p++) {
				uint64_t m = (uint64_t)big_mod_small(&a, primes[p]) * big_mod_small(&b, primes[p]) % primes[p];
				if (m != big_mod_small(&c, primes[p]))
					bad++;
			}
			big_add(&t, &a, &b);
			big_sub(&t, &t, &b);
			if (big_cmp(&t, &a) != 0)
				bad++;
			/* (a*b)/small: divide c by a limb-sized factor of b when b is small */
		}
		expect_u("random identity violations", (unsigned long long)bad, 0);
	}

	/* stdin expressions */
	int nexpr = 0;
	while (fgets(line, sizeof line, stdin)) {
		char *p = line;
		while (isspace((unsigned char)*p))
			p++;
		if (!*p || *p == '#')
			continue;
		char *q = p;
		while (isdigit((unsigned char)*q))
			q++;
		size_t la = (size_t)(q - p);
		while (*q == ' ')
			q++;
		char op = *q++;
		while (*q == ' ')
			q++;
		char *r = q;
		while (isdigit((unsigned char)*r))
			r++;
		size_t lb = (size_t)(r - q);
		nexpr++;
		if (!la || !lb || (op != '+' && op != '-' && op != '*')) {
			printf("expr %d: syntax error\n", nexpr);
			continue;
		}
		big_from_dec(&a, p, la);
		big_from_dec(&b, q, lb);
		int neg = 0;
		if (op == '+') {
			big_add(&c, &a, &b);
		} else if (op == '-') {
			if (big_cmp(&a, &b) < 0) {
				neg = 1;
				big_sub(&c, &b, &a);
			} else {
				big_sub(&c, &a, &b);
			}
		} else {
			big_mul(&c, &a, &b);
		}
		char *s = big_to_dec(&c);
		printf("expr %d: %s%s\n", nexpr, neg ? "-" : "", s);
		free(s);
	}

	/* N-dependent work (the benchmark) */
	big_set_u64(&a, 1);
	for (uint32_t k = 2; k <= (uint32_t)N; k++)
		big_mul_small(&a, k);
	{
		char label[48];
		snprintf(label, sizeof label, "%ld!", N);
		show(label, &a, 0);
		big_pow(&a, 7, (uint64_t)N * 10);
		snprintf(label, sizeof label, "7^%ld", N * 10);
		show(label, &a, 0);
		big_set_u64(&a, 0);
		big_set_u64(&b, 1);
		for (long k = 1; k <= N; k++) {
			big_add(&c, &a, &b);
			big_copy(&a, &b);
			big_copy(&b, &c);
		}
		snprintf(label, sizeof label, "fib(%ld)", N);
		show(label, &a, 0);
	}
	big_free(&a);
	big_free(&b);
	big_free(&c);
	big_free(&t);
	printf("%s\n", failures ? "FAIL" : "all checks passed");
	return 0;
}
