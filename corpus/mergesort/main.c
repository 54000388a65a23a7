/* mergesort — bottom-up (iterative) stable merge sort.
 *  1. sorts arrays of records {key, seq} of several key distributions and
 *     checks order, stability (equal keys keep their input order) and the
 *     multiset of records;
 *  2. sorts the lines of stdin (pointer array, strcmp order, stable) and
 *     prints them with their original line numbers;
 *  3. counts inversions of a permutation with the same merge pass and checks
 *     the count against an O(n^2) count on a small prefix.
 *
 * usage: mergesort N ROUNDS
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec {
	uint32_t key;
	uint32_t seq;
};

static uint64_t rng_state = 0x853C49E6748FEA9Bull;

static uint64_t rng_next(void)
{
	uint64_t x = rng_state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545F4914F6CDD1Dull;
}

/* merge a[lo..mid) and a[mid..hi) into t[lo..hi) */
static void merge_recs(const struct rec *a, struct rec *t, long lo, long mid, long hi)
{
	long i = lo, j = mid, k = lo;
	while (i < mid && j < hi) {
		if (a[j].key < a[i].key)
			t[k++] = a[j++];
		else
			t[k++] = a[i++];
	}
	while (i < mid)
		t[k++] = a[i++];
	while (j < hi)
		t[k++] = a[j++];
}

/* returns the buffer that holds the result (a or tmp) */
static struct rec *mergesort_recs(struct rec *a, struct rec *tmp, long n)
{
	struct rec *src = a, *dst = tmp;
	/* runs of 8 by insertion sort first */
	for (long lo = 0; lo < n; lo += 8) {
		long hi = lo + 8 < n ? lo + 8 : n;
		for (long i = lo + 1; i < hi; i++) {
			struct rec v = a[i];
			long j = i - 1;
			while (j >= lo && a[j].key > v.key) {
				a[j + 1] = a[j];
				j--;
			}
			a[j + 1] = v;
		}
	}
	for (long width = 8; width < n; width *= 2) {
		for (long lo = 0; lo < n; lo += 2 * width) {
			long mid = lo + width < n ? lo + width : n;
			long hi = lo + 2 * width < n ? lo + 2 * width : n;
			merge_recs(src, dst, lo, mid, hi);
		}
		struct rec *t = src;
		src = dst;
		dst = t;
	}
	return src;
}

static uint64_t rec_hash(const struct rec *a, long n)
{
	uint64_t h = 0;
	for (long i = 0; i < n; i++) {
		uint64_t z = ((uint64_t)a[i].key << 32 | a[i].seq) * 0x9E3779B97F4A7C15ull;
		h += z ^ (z >> 29);
	}
	return h;
}

static const char *const dist_name[] = { "random", "few-keys", "sorted", "reversed", "zipf-ish", "two-runs" };

static void fill(struct rec *a, long n, int d)
{
	for (long i = 0; i < n; i++) {
		uint32_t k;
		switch (d) {
		case 0: k = (uint32_t)rng_next(); break;
		case 1: k = (uint32_t)(rng_next() % 7); break;
		case 2: k = (uint32_t)i; break;
		case 3: k = (uint32_t)(n - i); break;
		case 4: {
			uint64_t r = rng_next();
			k = (uint32_t)((r & 0xffff) % (1 + ((r >> 16) & 0xff)));
			break;
		}
		default: k = (uint32_t)(i < n / 2 ? 2 * i : 2 * (i - n / 2) + 1); break;
		}
		a[i].key = k;
		a[i].seq = (uint32_t)i;
	}
}

/* ---- lines of stdin ---- */

struct line {
	char *text;
	int no;
};

static void merge_lines(const struct line *a, struct line *t, long lo, long mid, long hi)
{
	long i = lo, j = mid, k = lo;
	while (i < mid && j < hi) {
		if (strcmp(a[j].text, a[i].text) < 0)
			t[k++] = a[j++];
		else
			t[k++] = a[i++];
	}
	while (i < mid)
		t[k++] = a[i++];
	while (j < hi)
		t[k++] = a[j++];
}

static struct line *mergesort_lines(struct line *a, struct line *tmp, long n)
{
	struct line *src = a, *dst = tmp;
	for (long width = 1; width < n; width *= 2) {
		for (long lo = 0; lo < n; lo += 2 * width) {
			long mid = lo + width < n ? lo + width : n;
			long hi = lo + 2 * width < n ? lo + 2 * width : n;
			merge_lines(src, dst, lo, mid, hi);
		}
		struct line *t = src;
		src = dst;
		dst = t;
	}
	return src;
}

/* ---- inversions ---- */

static uint64_t count_inversions(uint32_t *a, uint32_t *t, long n)
{
	uint64_t inv = 0;
	uint32_t *src = a, *dst = t;
	for (long width = 1; width < n; width *= 2) {
		for (long lo = 0; lo < n; lo += 2 * width) {
			long mid = lo + width < n ? lo + width : n;
			long hi = lo + 2 * width < n ? lo + 2 * width : n;
			long i = lo, j = mid, k = lo;
			while (i < mid && j < hi) {
				if (src[j] < src[i]) {
					inv += (uint64_t)(mid - i);
					dst[k++] = src[j++];
				} else {
					dst[k++] = src[i++];
				}
			}
			while (i < mid)
				dst[k++] = src[i++];
			while (j < hi)
				dst[k++] = src[j++];
		}
		uint32_t *x = src;
		src = dst;
		dst = x;
	}
	if (src != a)
		memcpy(a, src, (size_t)n * sizeof *a);
	return inv;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 30000;
	long rounds = argc > 2 ? atol(argv[2]) : 1;
	if (n < 2 || n > 200000 || rounds < 1) {
		fprintf(stderr, "usage: mergesort N(2..200000) ROUNDS\n");
		return 2;
	}
	struct rec *a = malloc((size_t)n * sizeof *a), *t = malloc((size_t)n * sizeof *t);
	if (!a || !t)
		return 3;
	int failures = 0;
	uint64_t combined = 0;
	for (long r = 0; r < rounds; r++) {
		for (int d = 0; d < 6; d++) {
			fill(a, n, d);
			uint64_t h0 = rec_hash(a, n);
			struct rec *s = mergesort_recs(a, t, n);
			int ordered = 1, stable = 1;
			for (long i = 1; i < n; i++) {
				if (s[i - 1].key > s[i].key)
					ordered = 0;
				else if (s[i - 1].key == s[i].key && s[i - 1].seq > s[i].seq)
					stable = 0;
			}
			int same = rec_hash(s, n) == h0;
			if (!ordered || !stable || !same)
				failures++;
			combined = combined * 31 + rec_hash(s, n / 2) + (uint64_t)s[n - 1].seq;
			if (r == 0)
				printf("%-9s n=%ld first=(%u,%u) mid=(%u,%u) last=(%u,%u) ordered=%d stable=%d same=%d\n",
				       dist_name[d], n, s[0].key, s[0].seq, s[n / 2].key, s[n / 2].seq, s[n - 1].key,
				       s[n - 1].seq, ordered, stable, same);
		}
	}
	printf("rounds=%ld combined=%016llx\n", rounds, (unsigned long long)combined);
	free(a);
	free(t);

	/* inversions of a random permutation */
	long pn = 5000;
	uint32_t *p = malloc((size_t)pn * sizeof *p), *q = malloc((size_t)pn * sizeof *q);
	uint32_t *c = malloc((size_t)pn * sizeof *c);
	if (!p || !q || !c)
		return 3;
	for (long i = 0; i < pn; i++)
		p[i] = (uint32_t)i;
	for (long i = pn - 1; i > 0; i--) {
		long j = (long)(rng_next() % (uint64_t)(i + 1));
		uint32_t x = p[i];
		p[i] = p[j];
		p[j] = x;
	}
	memcpy(c, p, (size_t)pn * sizeof *p);
	uint64_t naive = 0;
	for (long i = 0; i < pn; i++)
		for (long j = i + 1; j < pn; j++)
			naive += c[i] > c[j];
	uint64_t inv = count_inversions(p, q, pn);
	printf("inversions of a random permutation of %ld: %llu (naive %llu) %s\n", pn, (unsigned long long)inv,
	       (unsigned long long)naive, inv == naive ? "ok" : "FAIL");
	if (inv != naive)
		failures++;
	free(p);
	free(q);
	free(c);

	/* lines of stdin */
	long cap = 64, nl = 0;
	struct line *lines = malloc((size_t)cap * sizeof *lines);
	char buf[512];
	while (fgets(buf, sizeof buf, stdin)) {
		size_t len = strlen(buf);
		if (len && buf[len - 1] == '\n')
			buf[--len] = 0;
		if (nl == cap) {
			cap *= 2;
			lines = realloc(lines, (size_t)cap * sizeof *lines);
			if (!lines)
				return 3;
		}
		lines[nl].text = strdup(buf);
		lines[nl].no = (int)nl + 1;
		nl++;
	}
	struct line *ltmp = malloc((size_t)(nl ? nl : 1) * sizeof *ltmp);
	struct line *sorted = mergesort_lines(lines, ltmp, nl);
	int lstable = 1;
	for (long i = 0; i < nl; i++) {
		if (i > 0) {
			int c2 = strcmp(sorted[i - 1].text, sorted[i].text);
			if (c2 > 0 || (c2 == 0 && sorted[i - 1].no > sorted[i].no))
				lstable = 0;
		}
		printf("%4d | %s\n", sorted[i].no, sorted[i].text);
	}
	printf("stdin: %ld lines sorted, order+stability %s\n", nl, lstable ? "ok" : "FAIL");
	if (!lstable)
		failures++;
	for (long i = 0; i < nl; i++)
		free(lines[i].text);
	free(lines);
	free(ltmp);
	printf("%s\n", failures ? "FAIL" : "all checks passed");
	return 0;
}
