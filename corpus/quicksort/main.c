/* quicksort — in-place quicksort with an explicit stack (no recursion) over
 * malloc'ed arrays of several distributions, checked against libc qsort,
 * a sortedness check and an order-independent multiset hash; then sorts the
 * integers given on stdin and prints them.
 *
 * usage: quicksort N ROUNDS   (N elements per array, ROUNDS repetitions)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t rng_next(void)
{
	uint64_t x = rng_state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545F4914F6CDD1Dull;
}

static uint64_t mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static void insertion_sort(int32_t *a, long lo, long hi)
{
	for (long i = lo + 1; i <= hi; i++) {
		int32_t v = a[i];
		long j = i - 1;
		while (j >= lo && a[j] > v) {
			a[j + 1] = a[j];
			j--;
		}
		a[j + 1] = v;
	}
}

static void swap32(int32_t *a, long i, long j)
{
	int32_t t = a[i];
	a[i] = a[j];
	a[j] = t;
}

static int max_depth_seen;

/* Hoare partitioning, median of three, insertion sort below 16 elements.
 * The larger part is pushed and the smaller one handled at once, so the
 * explicit stack never holds more than log2(n) entries. */
static void quicksort(int32_t *a, long n)
{
	long lo_st[64], hi_st[64];
	int sp = 0;
	long lo = 0, hi = n - 1;
	for (;;) {
		while (hi - lo > 16) {
			long mid = lo + (hi - lo) / 2;
			if (a[mid] < a[lo])
				swap32(a, mid, lo);
			if (a[hi] < a[lo])
				swap32(a, hi, lo);
			if (a[hi] < a[mid])
				swap32(a, hi, mid);
			int32_t pivot = a[mid];
			long i = lo, j = hi;
			while (i <= j) {
				while (a[i] < pivot)
					i++;
				while (a[j] > pivot)
					j--;
				if (i <= j) {
					swap32(a, i, j);
					i++;
					j--;
				}
			}
			if (j - lo < hi - i) {
				lo_st[sp] = i;
				hi_st[sp] = hi;
				hi = j;
			} else {
				lo_st[sp] = lo;
				hi_st[sp] = j;
				lo = i;
			}
			sp++;
			if (sp > max_depth_seen)
				max_depth_seen = sp;
		}
		if (hi > lo)
			insertion_sort(a, lo, hi);
		if (sp == 0)
			break;
		sp--;
		lo = lo_st[sp];
		hi = hi_st[sp];
	}
}

static int cmp_i32(const void *pa, const void *pb)
{
	int32_t x = *(const int32_t *)pa, y = *(const int32_t *)pb;
	return (x > y) - (x < y);
}

enum { D_RANDOM, D_SMALLRANGE, D_SORTED, D_REVERSED, D_EQUAL, D_ORGAN, D_SAWTOOTH, D_NEARLY, D_COUNT };
static const char *const dist_name[D_COUNT] = {
	"random", "small-range", "sorted", "reversed", "all-equal", "organ-pipe", "sawtooth", "nearly-sorted",
};

static void fill(int32_t *a, long n, int d)
{
	for (long i = 0; i < n; i++) {
		switch (d) {
		case D_RANDOM: a[i] = (int32_t)(uint32_t)rng_next(); break;
		case D_SMALLRANGE: a[i] = (int32_t)(rng_next() % 100); break;
		case D_SORTED: a[i] = (int32_t)(i * 3 - n); break;
		case D_REVERSED: a[i] = (int32_t)(n - i * 7); break;
		case D_EQUAL: a[i] = 42; break;
		case D_ORGAN: a[i] = (int32_t)(i < n / 2 ? i : n - i); break;
		case D_SAWTOOTH: a[i] = (int32_t)(i % 1000); break;
		default: a[i] = (int32_t)i; break;
		}
	}
	if (d == D_NEARLY) {
		for (long k = 0; k < n / 100; k++) {
			long i = (long)(rng_next() % (uint64_t)n), j = (long)(rng_next() % (uint64_t)n);
			swap32(a, i, j);
		}
	}
}

static uint64_t multiset_hash(const int32_t *a, long n)
{
	uint64_t h = 0;
	for (long i = 0; i < n; i++)
		h += mix64((uint64_t)(uint32_t)a[i]);
	return h;
}

static uint64_t sequence_hash(const int32_t *a, long n)
{
	uint64_t h = 1469598103934665603ull;
	for (long i = 0; i < n; i++) {
		h ^= (uint32_t)a[i];
		h *= 1099511628211ull;
	}
	return h;
}

static int is_sorted(const int32_t *a, long n)
{
	for (long i = 1; i < n; i++)
		if (a[i - 1] > a[i])
			return 0;
	return 1;
}

/* stdin: whitespace-separated decimal integers */
static char inbuf[65536];

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 20000;
	long rounds = argc > 2 ? atol(argv[2]) : 1;
	if (n < 1 || n > 400000 || rounds < 1) {
		fprintf(stderr, "usage: quicksort N(1..400000) ROUNDS\n");
		return 2;
	}
	int32_t *a = malloc((size_t)n * sizeof *a);
	int32_t *b = malloc((size_t)n * sizeof *b);
	if (!a || !b)
		return 3;
	int failures = 0;
	uint64_t total = 0;
	for (long r = 0; r < rounds; r++) {
		for (int d = 0; d < D_COUNT; d++) {
			fill(a, n, d);
			memcpy(b, a, (size_t)n * sizeof *a);
			uint64_t before = multiset_hash(a, n);
			quicksort(a, n);
			int ok = is_sorted(a, n) && multiset_hash(a, n) == before;
			if (r == 0) {
				qsort(b, (size_t)n, sizeof *b, cmp_i32);
				ok = ok && memcmp(a, b, (size_t)n * sizeof *a) == 0;
			}
			if (!ok)
				failures++;
			total ^= sequence_hash(a, n) + (uint64_t)r;
			if (r == 0)
				printf("%-14s n=%-7ld min=%-11d median=%-11d max=%-11d hash=%016llx %s\n", dist_name[d], n,
				       a[0], a[n / 2], a[n - 1], (unsigned long long)sequence_hash(a, n), ok ? "ok" : "FAIL");
		}
	}
	printf("rounds=%ld combined=%016llx max-stack=%d\n", rounds, (unsigned long long)total, max_depth_seen);
	free(b);
	free(a);

	/* the integers on stdin */
	size_t len = fread(inbuf, 1, sizeof inbuf - 1, stdin);
	inbuf[len] = 0;
	long cap = 16, m = 0;
	int32_t *v = malloc((size_t)cap * sizeof *v);
	char *p = inbuf;
	for (;;) {
		while (*p && isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		char *end;
		long x = strtol(p, &end, 10);
		if (end == p) {
			fprintf(stderr, "bad input near '%.10s'\n", p);
			return 4;
		}
		p = end;
		if (m == cap) {
			cap *= 2;
			v = realloc(v, (size_t)cap * sizeof *v);
			if (!v)
				return 3;
		}
		v[m++] = (int32_t)x;
	}
	quicksort(v, m);
	long distinct = 0;
	for (long i = 0; i < m; i++) {
		if (i == 0 || v[i] != v[i - 1])
			distinct++;
		printf("%8d%s", v[i], (i % 10 == 9 || i == m - 1) ? "\n" : " ");
	}
	printf("stdin: %ld integers, %ld distinct, sorted=%s\n", m, distinct, is_sorted(v, m) ? "yes" : "no");
	free(v);
	printf("%s\n", failures ? "FAIL" : "all checks passed");
	return 0;
}
