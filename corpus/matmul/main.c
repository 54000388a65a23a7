/* matmul — integer matrix multiplication (arithmetic mod 2^32).
 * Multiplies two N x N pseudo-random matrices with a naive i-j-k loop and
 * with a cache-blocked i-k-j loop, checks they agree and passes
 * Freivalds' test, and prints checksums.  Then reads small matrices from
 * stdin and prints A*A, A*A^T, the exact determinant (Bareiss fraction-free
 * elimination) and A^k by repeated squaring.
 *
 * usage: matmul N REPS
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state = 0xC0FFEE123456789ull;

static uint64_t rng_next(void)
{
	uint64_t x = rng_state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545F4914F6CDD1Dull;
}

static void mul_naive(const uint32_t *a, const uint32_t *b, uint32_t *c, int n)
{
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++) {
			uint32_t s = 0;
			for (int k = 0; k < n; k++)
				s += a[i * n + k] * b[k * n + j];
			c[i * n + j] = s;
		}
}

#define BLK 32

static void mul_blocked(const uint32_t *a, const uint32_t *b, uint32_t *c, int n)
{
	memset(c, 0, (size_t)n * (size_t)n * sizeof *c);
	for (int ii = 0; ii < n; ii += BLK)
		for (int kk = 0; kk < n; kk += BLK)
			for (int jj = 0; jj < n; jj += BLK) {
				int imax = ii + BLK < n ? ii + BLK : n;
				int kmax = kk + BLK < n ? kk + BLK : n;
				int jmax = jj + BLK < n ? jj + BLK : n;
				for (int i = ii; i < imax; i++)
					for (int k = kk; k < kmax; k++) {
						uint32_t aik = a[i * n + k];
						uint32_t *crow = c + i * n;
						const uint32_t *brow = b + k * n;
						for (int j = jj; j < jmax; j++)
							crow[j] += aik * brow[j];
					}
			}
}

static uint64_t checksum(const uint32_t *m, int n)
{
	uint64_t h = 0;
	for (long i = 0; i < (long)n * n; i++)
		h = (h ^ m[i]) * 0x100000001B3ull;
	return h;
}

/* Freivalds: A(Bx) == Cx for a few random x */
/* vec: scratch of 4 * n words (x, b*x, a*(b*x), c*x), so that the function
 * takes at most 6 arguments (ktal passes none on the stack). */
static int freivalds(const uint32_t *a, const uint32_t *b, const uint32_t *c, int n, uint32_t *vec)
{
	uint32_t *x = vec, *bx = vec + n, *abx = vec + 2 * n, *cx = vec + 3 * n;
	for (int round = 0; round < 4; round++) {
		for (int i = 0; i < n; i++)
			x[i] = (uint32_t)rng_next();
		for (int i = 0; i < n; i++) {
			uint32_t s = 0, t = 0;
			for (int k = 0; k < n; k++) {
				s += b[i * n + k] * x[k];
				t += c[i * n + k] * x[k];
			}
			bx[i] = s;
			cx[i] = t;
		}
		for (int i = 0; i < n; i++) {
			uint32_t s = 0;
			for (int k = 0; k < n; k++)
				s += a[i * n + k] * bx[k];
			abx[i] = s;
		}
		if (memcmp(abx, cx, (size_t)n * sizeof *cx) != 0)
			return 0;
	}
	return 1;
}

/* ---- small matrices from stdin (int64) ---- */

#define MAXN 8

static void print_mat(const char *label, int64_t m[MAXN][MAXN], int n)
{
	printf("%s:\n", label);
	for (int i = 0; i < n; i++) {
		printf(" ");
		for (int j = 0; j < n; j++)
			printf(" %8lld", (long long)m[i][j]);
		printf("\n");
	}
}

static void mul_small(int64_t a[MAXN][MAXN], int64_t b[MAXN][MAXN], int64_t c[MAXN][MAXN], int n)
{
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++) {
			int64_t s = 0;
			for (int k = 0; k < n; k++)
				s += a[i][k] * b[k][j];
			c[i][j] = s;
		}
}

/* exact determinant by Bareiss elimination (entries stay integers) */
static int64_t det_bareiss(int64_t a[MAXN][MAXN], int n)
{
	int64_t m[MAXN][MAXN];
	memcpy(m, a, sizeof m);
	int64_t prev = 1, sign = 1;
	for (int k = 0; k < n - 1; k++) {
		if (m[k][k] == 0) {
			int p = k + 1;
			while (p < n && m[p][k] == 0)
				p++;
			if (p == n)
				return 0;
			for (int j = 0; j < n; j++) {
				int64_t t = m[k][j];
				m[k][j] = m[p][j];
				m[p][j] = t;
			}
			sign = -sign;
		}
		for (int i = k + 1; i < n; i++)
			for (int j = k + 1; j < n; j++)
				m[i][j] = (m[i][j] * m[k][k] - m[i][k] * m[k][j]) / prev;
		prev = m[k][k];
	}
	return sign * m[n - 1][n - 1];
}

static char line[512];

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 96;
	int reps = argc > 2 ? atoi(argv[2]) : 1;
	if (n < 1 || n > 512 || reps < 1) {
		fprintf(stderr, "usage: matmul N(1..512) REPS\n");
		return 2;
	}
	size_t nn = (size_t)n * (size_t)n;
	uint32_t *a = malloc(nn * sizeof *a), *b = malloc(nn * sizeof *b);
	uint32_t *c1 = malloc(nn * sizeof *c1), *c2 = malloc(nn * sizeof *c2);
	uint32_t *vec = malloc(4 * (size_t)n * sizeof *vec);
	if (!a || !b || !c1 || !c2 || !vec)
		return 3;
	int failures = 0;
	for (int r = 0; r < reps; r++) {
		for (size_t i = 0; i < nn; i++) {
			a[i] = (uint32_t)rng_next();
			b[i] = (uint32_t)(rng_next() >> 40);
		}
		mul_naive(a, b, c1, n);
		mul_blocked(a, b, c2, n);
		int same = memcmp(c1, c2, nn * sizeof *c1) == 0;
		int fv = freivalds(a, b, c1, n, vec);
		/* a corrupted product must fail Freivalds */
		c2[(size_t)(rng_next() % nn)] ^= 1u << (rng_next() % 32);
		int caught = !freivalds(a, b, c2, n, vec);
		uint32_t trace = 0;
		for (int i = 0; i < n; i++)
			trace += c1[i * n + i];
		if (!same || !fv || !caught)
			failures++;
		if (r == 0 || r == reps - 1)
			printf("rep %d: n=%d checksum=%016llx trace=%u c[0][0]=%u c[n-1][n-1]=%u naive==blocked:%s freivalds:%s "
			       "corruption caught:%s\n",
			       r, n, (unsigned long long)checksum(c1, n), trace, c1[0], c1[nn - 1], same ? "yes" : "NO",
			       fv ? "pass" : "FAIL", caught ? "yes" : "NO");
	}
	free(a);
	free(b);
	free(c1);
	free(c2);
	free(vec);

	/* small matrices: "n" line, then n rows */
	int64_t m[MAXN][MAXN], t[MAXN][MAXN], p[MAXN][MAXN], q[MAXN][MAXN];
	int idx = 0;
	while (fgets(line, sizeof line, stdin)) {
		char *s = line, *end;
		long k = strtol(s, &end, 10);
		if (end == s)
			continue;
		long power = strtol(end, &end, 10);
		if (k < 1 || k > MAXN)
			break;
		int sn = (int)k;
		memset(m, 0, sizeof m);
		for (int i = 0; i < sn; i++) {
			if (!fgets(line, sizeof line, stdin))
				return 4;
			s = line;
			for (int j = 0; j < sn; j++) {
				m[i][j] = strtoll(s, &end, 10);
				s = end;
			}
		}
		idx++;
		printf("--- matrix %d (%dx%d)\n", idx, sn, sn);
		print_mat("A", m, sn);
		mul_small(m, m, p, sn);
		print_mat("A*A", p, sn);
		for (int i = 0; i < sn; i++)
			for (int j = 0; j < sn; j++)
				t[i][j] = m[j][i];
		mul_small(m, t, p, sn);
		print_mat("A*A^T", p, sn);
		int64_t d = det_bareiss(m, sn), dt = det_bareiss(t, sn), d2 = det_bareiss(p, sn);
		printf("det(A) = %lld, det(A^T) = %lld, det(A*A^T) = %lld (= det(A)^2: %s)\n", (long long)d, (long long)dt,
		       (long long)d2, d == dt && d2 == d * d ? "yes" : "NO");
		if (d != dt || d2 != d * d)
			failures++;
		if (power > 0) {
			/* A^power by squaring, wrapping mod 2^64 */
			memset(p, 0, sizeof p);
			for (int i = 0; i < sn; i++)
				p[i][i] = 1;
			memcpy(q, m, sizeof q);
			for (long e = power; e; e >>= 1) {
				if (e & 1) {
					int64_t r2[MAXN][MAXN];
					for (int i = 0; i < sn; i++)
						for (int j = 0; j < sn; j++) {
							uint64_t s2 = 0;
							for (int l = 0; l < sn; l++)
								s2 += (uint64_t)p[i][l] * (uint64_t)q[l][j];
							r2[i][j] = (int64_t)s2;
						}
					memcpy(p, r2, sizeof p);
				}
				int64_t r3[MAXN][MAXN];
				for (int i = 0; i < sn; i++)
					for (int j = 0; j < sn; j++) {
						uint64_t s2 = 0;
						for (int l = 0; l < sn; l++)
							s2 += (uint64_t)q[i][l] * (uint64_t)q[l][j];
						r3[i][j] = (int64_t)s2;
					}
				memcpy(q, r3, sizeof q);
			}
			char label[40];
			snprintf(label, sizeof label, "A^%ld (mod 2^64)", power);
			print_mat(label, p, sn);
		}
	}
	printf("%s\n", failures ? "FAIL" : "all checks passed");
	return 0;
}
