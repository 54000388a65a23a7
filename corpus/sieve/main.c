/* sieve — prime sieves.  A segmented, odd-only sieve of Eratosthenes up to
 * N (32 KiB segments, so memory stays small) gives pi(x) at the powers of
 * ten (checked against the known values), twin primes, the largest gap,
 * the sum of the primes and the last primes below N.  A second segmented
 * sieve lists the primes in [10^12, 10^12 + 10^5), each confirmed by a
 * deterministic Miller-Rabin test.  Finally factorises the numbers on stdin.
 *
 * usage: sieve N
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEG_BYTES 32768

static uint8_t seg[SEG_BYTES];
static uint32_t *base;
static uint64_t *next_mult;
static size_t nbase;

/* primes up to lim by a plain sieve */
static void base_primes(uint32_t lim)
{
	uint8_t *comp = calloc(lim + 1, 1);
	if (!comp)
		exit(3);
	nbase = 0;
	for (uint32_t i = 2; i <= lim; i++)
		if (!comp[i]) {
			nbase++;
			for (uint64_t j = (uint64_t)i * i; j <= lim; j += i)
				comp[j] = 1;
		}
	base = malloc((nbase + 1) * sizeof *base);
	next_mult = malloc((nbase + 1) * sizeof *next_mult);
	if (!base || !next_mult)
		exit(3);
	size_t k = 0;
	for (uint32_t i = 2; i <= lim; i++)
		if (!comp[i])
			base[k++] = i;
	free(comp);
}

static uint32_t isqrt64(uint64_t n)
{
	uint64_t r = 0;
	for (uint64_t bit = 1ull << 31; bit; bit >>= 1) {
		uint64_t t = r | bit;
		if (t * t <= n)
			r = t;
	}
	return (uint32_t)r;
}

/* a*b mod m for m < 2^42 without 128-bit arithmetic */
static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m)
{
	uint64_t r = (a * (b >> 21)) % m;
	r = (r << 21) % m;
	return (r + a * (b & 0x1FFFFF)) % m;
}

static uint64_t powmod(uint64_t a, uint64_t e, uint64_t m)
{
	uint64_t r = 1 % m;
	a %= m;
	while (e) {
		if (e & 1)
			r = mulmod(r, a, m);
		a = mulmod(a, a, m);
		e >>= 1;
	}
	return r;
}

/* deterministic for n < 3.4e14 (bases 2..17), and n < 2^42 here */
static int is_prime_mr(uint64_t n)
{
	static const uint64_t bases[] = { 2, 3, 5, 7, 11, 13, 17 };
	if (n < 2)
		return 0;
	for (int i = 0; i < 7; i++) {
		if (n == bases[i])
			return 1;
		if (n % bases[i] == 0)
			return 0;
	}
	uint64_t d = n - 1;
	int s = 0;
	while (!(d & 1)) {
		d >>= 1;
		s++;
	}
	for (int i = 0; i < 7; i++) {
		uint64_t x = powmod(bases[i], d, n);
		if (x == 1 || x == n - 1)
			continue;
		int composite = 1;
		for (int r = 1; r < s; r++) {
			x = mulmod(x, x, n);
			if (x == n - 1) {
				composite = 0;
				break;
			}
		}
		if (composite)
			return 0;
	}
	return 1;
}

/* sieve the odd numbers of [lo, lo + 2*SEG_BYTES); seg[i] = 1 if lo+2i is
 * composite.  lo is odd.  next_mult[] carries each prime's next odd
 * multiple from one segment to the next. */
static void sieve_segment(uint64_t lo, uint64_t hi_excl)
{
	memset(seg, 0, SEG_BYTES);
	for (size_t k = 1; k < nbase; k++) {
		uint64_t p = base[k];
		if (p * p >= hi_excl)
			break;
		uint64_t m = next_mult[k];
		if (m < lo) {
			/* first odd multiple of p at or above max(lo, p*p) */
			uint64_t start = lo > p * p ? lo : p * p;
			m = (start + p - 1) / p * p;
			if (!(m & 1))
				m += p;
		}
		for (; m < hi_excl; m += 2 * p)
			seg[(m - lo) >> 1] = 1;
		next_mult[k] = m;
	}
}

static const uint64_t known_pi[] = { 0, 4, 25, 168, 1229, 9592, 78498, 664579, 5761455, 50847534, 455052511 };

static char line[256];

int main(int argc, char **argv)
{
	uint64_t N = argc > 1 ? strtoull(argv[1], NULL, 10) : 10000000ull;
	if (N < 10 || N > 4000000000ull) {
		fprintf(stderr, "usage: sieve N(10..4e9)\n");
		return 2;
	}
	int failures = 0;
	base_primes(isqrt64(N) + 1 > 1000010 ? isqrt64(N) + 1 : 1000010);
	printf("base primes up to %u: %zu\n", base[nbase - 1], nbase);

	/* pi(N) and friends; 2 is counted separately */
	uint64_t count = 1, twins = 0, sum = 2, prev = 2, gap = 0, gap_at = 0;
	uint64_t last[10] = { 2 };
	int nlast = 1;
	uint64_t checkpoint = 10;
	int cp_index = 1;
	for (size_t k = 0; k < nbase; k++)
		next_mult[k] = 0;
	for (uint64_t lo = 3; lo <= N; lo += 2 * SEG_BYTES) {
		uint64_t hi = lo + 2 * SEG_BYTES;
		if (hi > N + 1)
			hi = N + 1;
		sieve_segment(lo, hi);
		for (uint64_t i = 0, v = lo; v < hi; i++, v += 2) {
			while (v > checkpoint && checkpoint <= N) {
				int ok = cp_index < 11 && count == known_pi[cp_index];
				printf("pi(10^%d) = %llu %s\n", cp_index, (unsigned long long)count, ok ? "ok" : "FAIL");
				if (!ok)
					failures++;
				checkpoint *= 10;
				cp_index++;
			}
			if (seg[i])
				continue;
			count++;
			sum += v;
			if (v - prev == 2)
				twins++;
			if (v - prev > gap) {
				gap = v - prev;
				gap_at = prev;
			}
			prev = v;
			last[nlast % 10] = v;
			nlast++;
		}
	}
	while (checkpoint <= N) {
		int ok = cp_index < 11 && count == known_pi[cp_index];
		printf("pi(10^%d) = %llu %s\n", cp_index, (unsigned long long)count, ok ? "ok" : "FAIL");
		if (!ok)
			failures++;
		checkpoint *= 10;
		cp_index++;
	}
	printf("pi(%llu) = %llu, twin pairs %llu, sum %llu\n", (unsigned long long)N, (unsigned long long)count,
	       (unsigned long long)twins, (unsigned long long)sum);
	printf("largest gap %llu after %llu\n", (unsigned long long)gap, (unsigned long long)gap_at);
	printf("last primes:");
	for (int k = nlast > 10 ? nlast - 10 : 0; k < nlast; k++)
		printf(" %llu", (unsigned long long)last[k % 10]);
	printf("\n");

	/* primes in [10^12, 10^12 + 10^5) */
	{
		uint64_t lo = 1000000000001ull, hi = 1000000000000ull + 100000;
		uint64_t cnt = 0, mr_agree = 0;
		uint64_t first[5], lastp = 0;
		for (size_t k = 0; k < nbase; k++)
			next_mult[k] = 0;
		for (uint64_t s = lo; s < hi; s += 2 * SEG_BYTES) {
			uint64_t e = s + 2 * SEG_BYTES < hi ? s + 2 * SEG_BYTES : hi;
			sieve_segment(s, e);
			for (uint64_t i = 0, v = s; v < e; i++, v += 2) {
				int sp = !seg[i];
				if (sp == is_prime_mr(v))
					mr_agree++;
				if (!sp)
					continue;
				if (cnt < 5)
					first[cnt] = v;
				cnt++;
				lastp = v;
			}
		}
		printf("primes in [10^12, 10^12+10^5): %llu, first", (unsigned long long)cnt);
		for (uint64_t k = 0; k < cnt && k < 5; k++)
			printf(" %llu", (unsigned long long)first[k]);
		printf(", last %llu; Miller-Rabin agrees on %llu of %llu odd numbers %s\n", (unsigned long long)lastp,
		       (unsigned long long)mr_agree, (unsigned long long)((hi - lo + 1) / 2),
		       mr_agree == (hi - lo + 1) / 2 ? "ok" : "FAIL");
		if (mr_agree != (hi - lo + 1) / 2)
			failures++;
	}

	/* factorisation of stdin numbers */
	while (fgets(line, sizeof line, stdin)) {
		char *end;
		uint64_t n = strtoull(line, &end, 10);
		if (end == line)
			continue;
		printf("%llu =", (unsigned long long)n);
		if (n < 2) {
			printf(" %llu (neither prime nor composite)\n", (unsigned long long)n);
			continue;
		}
		uint64_t m = n, check = 1;
		int nf = 0;
		for (size_t k = 0; k < nbase && (uint64_t)base[k] * base[k] <= m; k++) {
			uint64_t p = base[k];
			int e = 0;
			while (m % p == 0) {
				m /= p;
				e++;
				check *= p;
			}
			if (e)
				printf("%s %llu%s", nf++ ? " *" : "", (unsigned long long)p, e > 1 ? "^" : "");
			if (e > 1)
				printf("%d", e);
		}
		if (m > 1) {
			int pr = m < (1ull << 42) ? is_prime_mr(m) : -1;
			printf("%s %llu%s", nf++ ? " *" : "", (unsigned long long)m,
			       pr == 1 ? "" : pr == 0 ? " (composite, factors above the sieve)" : " (unchecked)");
			check *= m;
		}
		printf("%s\n", check == n ? "" : " FAIL");
		if (check != n)
			failures++;
	}
	free(base);
	free(next_mult);
	printf("%s\n", failures ? "FAIL" : "all checks passed");
	return 0;
}
