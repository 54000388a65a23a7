/* bwt_rle — run-length coding and the Burrows-Wheeler transform.
 *  - PackBits run-length encoding and decoding;
 *  - the BWT of stdin by sorting its cyclic rotations (prefix doubling with
 *    qsort on rank pairs), its inverse by the LF mapping;
 *  - move-to-front coding and its inverse;
 *  - BWT + MTF + PackBits as a tiny compressor.
 * Every stage is inverted and compared with its input; prints sizes,
 * checksums and a sample of the transformed text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- PackBits: header n in 0..127 = n+1 literals, -1..-127 = 1-n repeats ---- */

static size_t packbits_encode(const uint8_t *in, size_t n, uint8_t *out)
{
	size_t i = 0, o = 0;
	while (i < n) {
		size_t run = 1;
		while (i + run < n && run < 128 && in[i + run] == in[i])
			run++;
		if (run >= 2) {
			out[o++] = (uint8_t)(int8_t)(1 - (int)run);
			out[o++] = in[i];
			i += run;
			continue;
		}
		size_t lit = 1;
		while (i + lit < n && lit < 128 && !(i + lit + 1 < n && in[i + lit] == in[i + lit + 1]))
			lit++;
		out[o++] = (uint8_t)(lit - 1);
		memcpy(out + o, in + i, lit);
		o += lit;
		i += lit;
	}
	return o;
}

/* returns the decoded length, or (size_t)-1 on malformed input */
static size_t packbits_decode(const uint8_t *in, size_t n, uint8_t *out, size_t cap)
{
	size_t i = 0, o = 0;
	while (i < n) {
		int h = (int8_t)in[i++];
		if (h >= 0) {
			size_t lit = (size_t)h + 1;
			if (i + lit > n || o + lit > cap)
				return (size_t)-1;
			memcpy(out + o, in + i, lit);
			i += lit;
			o += lit;
		} else if (h != -128) {
			size_t run = (size_t)(1 - h);
			if (i >= n || o + run > cap)
				return (size_t)-1;
			memset(out + o, in[i++], run);
			o += run;
		}
	}
	return o;
}

/* ---- BWT ---- */

static int32_t *rank_, *tmp_rank, *sa;
static size_t bwt_n, bwt_k;

static int cmp_rot(const void *pa, const void *pb)
{
	int32_t a = *(const int32_t *)pa, b = *(const int32_t *)pb;
	if (rank_[a] != rank_[b])
		return rank_[a] < rank_[b] ? -1 : 1;
	int32_t ra = rank_[(a + bwt_k) % bwt_n], rb = rank_[(b + bwt_k) % bwt_n];
	if (ra != rb)
		return ra < rb ? -1 : 1;
	return (a > b) - (a < b); /* a total order, whatever qsort does with ties */
}

/* last column into out; returns the row of the unrotated input */
static size_t bwt(const uint8_t *in, size_t n, uint8_t *out, int *rounds)
{
	bwt_n = n;
	for (size_t i = 0; i < n; i++) {
		sa[i] = (int32_t)i;
		rank_[i] = in[i];
	}
	*rounds = 0;
	for (bwt_k = 1;; bwt_k *= 2) {
		qsort(sa, n, sizeof *sa, cmp_rot);
		(*rounds)++;
		tmp_rank[sa[0]] = 0;
		for (size_t i = 1; i < n; i++) {
			int32_t a = sa[i - 1], b = sa[i];
			int differ = rank_[a] != rank_[b] || rank_[(a + bwt_k) % n] != rank_[(b + bwt_k) % n];
			tmp_rank[b] = tmp_rank[a] + differ;
		}
		memcpy(rank_, tmp_rank, n * sizeof *rank_);
		if ((size_t)rank_[sa[n - 1]] == n - 1 || bwt_k >= n)
			break;
	}
	size_t primary = 0;
	for (size_t i = 0; i < n; i++) {
		out[i] = in[(sa[i] + n - 1) % n];
		if (sa[i] == 0)
			primary = i;
	}
	return primary;
}

static void ibwt(const uint8_t *last, size_t n, size_t primary, uint8_t *out)
{
	uint32_t count[256] = { 0 }, start[256], seen[256] = { 0 };
	for (size_t i = 0; i < n; i++)
		count[last[i]]++;
	uint32_t sum = 0;
	for (int c = 0; c < 256; c++) {
		start[c] = sum;
		sum += count[c];
	}
	/* LF mapping, kept in tmp_rank */
	for (size_t i = 0; i < n; i++) {
		uint8_t c = last[i];
		tmp_rank[i] = (int32_t)(start[c] + seen[c]++);
	}
	size_t i = primary;
	for (size_t k = n; k-- > 0;) {
		out[k] = last[i];
		i = (size_t)tmp_rank[i];
	}
}

/* ---- move to front ---- */

static void mtf_encode(const uint8_t *in, size_t n, uint8_t *out)
{
	uint8_t list[256];
	for (int c = 0; c < 256; c++)
		list[c] = (uint8_t)c;
	for (size_t i = 0; i < n; i++) {
		uint8_t c = in[i];
		int j = 0;
		while (list[j] != c)
			j++;
		out[i] = (uint8_t)j;
		memmove(list + 1, list, (size_t)j);
		list[0] = c;
	}
}

static void mtf_decode(const uint8_t *in, size_t n, uint8_t *out)
{
	uint8_t list[256];
	for (int c = 0; c < 256; c++)
		list[c] = (uint8_t)c;
	for (size_t i = 0; i < n; i++) {
		int j = in[i];
		uint8_t c = list[j];
		out[i] = c;
		memmove(list + 1, list, (size_t)j);
		list[0] = c;
	}
}

static uint32_t adler(const uint8_t *p, size_t n)
{
	uint32_t a = 1, b = 0;
	for (size_t i = 0; i < n; i++) {
		a = (a + p[i]) % 65521;
		b = (b + a) % 65521;
	}
	return b << 16 | a;
}

static uint8_t input[48 * 1024];

int main(void)
{
	int failures = 0;
	size_t n = fread(input, 1, sizeof input, stdin);
	size_t cap = n + n / 64 + 16;
	uint8_t *a = malloc(cap), *b = malloc(cap), *c = malloc(cap);
	sa = malloc((n + 1) * sizeof *sa);
	rank_ = malloc((n + 1) * sizeof *rank_);
	tmp_rank = malloc((n + 1) * sizeof *tmp_rank);
	if (!a || !b || !c || !sa || !rank_ || !tmp_rank)
		return 3;
	printf("input: %zu bytes, adler32 %08x\n", n, adler(input, n));

	/* PackBits alone */
	size_t pl = packbits_encode(input, n, a);
	size_t dl = packbits_decode(a, pl, b, cap);
	int ok = dl == n && memcmp(b, input, n) == 0;
	printf("packbits: %zu -> %zu bytes, round trip %s\n", n, pl, ok ? "ok" : "FAIL");
	failures += !ok;
	/* malformed PackBits */
	static const uint8_t bad1[] = { 5, 'a', 'b' }, bad2[] = { 0xFE };
	printf("packbits malformed: %s, %s\n", packbits_decode(bad1, 3, b, cap) == (size_t)-1 ? "rejected" : "FAIL",
	       packbits_decode(bad2, 1, b, cap) == (size_t)-1 ? "rejected" : "FAIL");

	if (n == 0) {
		printf("%s\n", failures ? "FAIL" : "all checks passed");
		return 0;
	}
	/* BWT */
	int rounds;
	size_t primary = bwt(input, n, a, &rounds);
	printf("bwt: primary index %zu after %d doubling rounds, adler32 %08x\n", primary, rounds, adler(a, n));
	printf("bwt sample: \"");
	for (size_t i = n / 3; i < n / 3 + 64 && i < n; i++)
		putchar(a[i] >= 32 && a[i] < 127 ? a[i] : '.');
	printf("\"\n");
	size_t runs_in = 0, runs_bwt = 0;
	for (size_t i = 0; i < n; i++) {
		runs_in += i == 0 || input[i] != input[i - 1];
		runs_bwt += i == 0 || a[i] != a[i - 1];
	}
	printf("runs: %zu in the input, %zu after the BWT\n", runs_in, runs_bwt);
	ibwt(a, n, primary, b);
	ok = memcmp(b, input, n) == 0;
	printf("inverse bwt: %s\n", ok ? "ok" : "FAIL");
	failures += !ok;

	/* MTF */
	mtf_encode(a, n, b);
	size_t zeros = 0, small = 0;
	for (size_t i = 0; i < n; i++) {
		zeros += b[i] == 0;
		small += b[i] < 4;
	}
	printf("mtf: %zu zeros (%zu%%), %zu below 4 (%zu%%)\n", zeros, zeros * 100 / n, small, small * 100 / n);
	mtf_decode(b, n, c);
	ok = memcmp(c, a, n) == 0;
	printf("inverse mtf: %s\n", ok ? "ok" : "FAIL");
	failures += !ok;

	/* BWT + MTF + PackBits */
	size_t cl = packbits_encode(b, n, c);
	printf("bwt+mtf+packbits: %zu -> %zu bytes (+8 header), packbits alone %zu\n", n, cl, pl);
	dl = packbits_decode(c, cl, a, cap);
	ok = dl == n;
	if (ok) {
		mtf_decode(a, n, c);
		ibwt(c, n, primary, a);
		ok = memcmp(a, input, n) == 0;
	}
	printf("full pipeline round trip: %s\n", ok ? "ok" : "FAIL");
	failures += !ok;

	/* small strings */
	static const char *const words[] = { "banana", "abracadabra", "mississippi", "aaaa", "abab", "x" };
	for (int k = 0; k < 6; k++) {
		size_t wl = strlen(words[k]);
		size_t p = bwt((const uint8_t *)words[k], wl, a, &rounds);
		ibwt(a, wl, p, b);
		int good = memcmp(b, words[k], wl) == 0;
		printf("bwt(%s) = %.*s, primary %zu, inverse %s\n", words[k], (int)wl, (const char *)a, p,
		       good ? "ok" : "FAIL");
		failures += !good;
	}
	free(a);
	free(b);
	free(c);
	free(sa);
	free(rank_);
	free(tmp_rank);
	printf("%s\n", failures ? "FAIL" : "all checks passed");
	return 0;
}
