/* nqueens — counts the solutions of the N-queens problem for N = 1..MAXN
 * with bitmask backtracking on an explicit stack (no recursion), using the
 * left/right mirror symmetry to halve the work, and checks the counts
 * against the known sequence (OEIS A000170).  For N <= 10 it also
 * enumerates every solution, reduces each to a canonical form under the 8
 * symmetries of the square and counts the essentially distinct ones
 * (A002562); and prints the first solution for N = 8.
 *
 * usage: nqueens MAXN [REPS]   (REPS: count N = MAXN that many times, the
 *                               repetitions one first-row column at a time)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const uint64_t known_total[] = { 1, 1, 0, 0, 2, 10, 4, 40, 92, 352, 724, 2680, 14200, 73712, 365596, 2279184, 14772512 };
static const uint64_t known_unique[] = { 1, 1, 0, 0, 1, 2, 1, 6, 12, 46, 92 };

/* solutions with the first-row queen restricted to the columns in first_mask */
static uint64_t count_with_first(int n, uint32_t first_mask)
{
	uint32_t all = (1u << n) - 1;
	uint32_t avail[32], cols[32], d1[32], d2[32];
	uint64_t count = 0;
	int row = 0;
	cols[0] = d1[0] = d2[0] = 0;
	avail[0] = first_mask;
	for (;;) {
		if (avail[row] == 0) {
			if (row == 0)
				break;
			row--;
			continue;
		}
		uint32_t bit = avail[row] & (0u - avail[row]);
		avail[row] ^= bit;
		if (row == n - 1) {
			count++;
			continue;
		}
		cols[row + 1] = cols[row] | bit;
		d1[row + 1] = ((d1[row] | bit) << 1) & all;
		d2[row + 1] = (d2[row] | bit) >> 1;
		row++;
		avail[row] = all & ~(cols[row] | d1[row] | d2[row]);
	}
	return count;
}

static uint64_t count_solutions(int n)
{
	if (n == 1)
		return 1;
	uint32_t half = (1u << (n / 2)) - 1;
	uint64_t c = 2 * count_with_first(n, half);
	if (n & 1)
		c += count_with_first(n, 1u << (n / 2));
	return c;
}

/* ---- full enumeration with symmetry classes (n <= 10) ---- */

#define MAXSOL 1000
static uint8_t sols[MAXSOL][10];
static int nsols;

static void enumerate(int n)
{
	uint32_t all = (1u << n) - 1;
	uint32_t avail[16], cols[16], d1[16], d2[16];
	uint8_t pos[16];
	int row = 0;
	nsols = 0;
	cols[0] = d1[0] = d2[0] = 0;
	avail[0] = all;
	for (;;) {
		if (avail[row] == 0) {
			if (row == 0)
				break;
			row--;
			continue;
		}
		uint32_t bit = avail[row] & (0u - avail[row]);
		avail[row] ^= bit;
		int col = 0;
		while (!(bit >> col & 1))
			col++;
		pos[row] = (uint8_t)col;
		if (row == n - 1) {
			if (nsols < MAXSOL)
				memcpy(sols[nsols], pos, (size_t)n);
			nsols++;
			continue;
		}
		cols[row + 1] = cols[row] | bit;
		d1[row + 1] = ((d1[row] | bit) << 1) & all;
		d2[row + 1] = (d2[row] | bit) >> 1;
		row++;
		avail[row] = all & ~(cols[row] | d1[row] | d2[row]);
	}
}

/* apply symmetry t (0..7) to a placement p (p[row] = column) */
static void transform(const uint8_t *p, uint8_t *q, int n, int t)
{
	for (int r = 0; r < n; r++) {
		int c = p[r], rr = r, cc = c;
		if (t & 4) { /* transpose */
			int x = rr;
			rr = cc;
			cc = x;
		}
		if (t & 1)
			cc = n - 1 - cc;
		if (t & 2)
			rr = n - 1 - rr;
		q[rr] = (uint8_t)cc;
	}
}

static int n_for_cmp;

static int cmp_sol(const void *a, const void *b)
{
	return memcmp(a, b, (size_t)n_for_cmp);
}

static int distinct_solutions(int n)
{
	static uint8_t canon[MAXSOL][10];
	for (int s = 0; s < nsols && s < MAXSOL; s++) {
		uint8_t best[10], q[10];
		memcpy(best, sols[s], (size_t)n);
		for (int t = 1; t < 8; t++) {
			transform(sols[s], q, n, t);
			if (memcmp(q, best, (size_t)n) < 0)
				memcpy(best, q, (size_t)n);
		}
		memset(canon[s], 0, 10);
		memcpy(canon[s], best, (size_t)n);
	}
	n_for_cmp = 10;
	qsort(canon, (size_t)nsols, sizeof canon[0], cmp_sol);
	int distinct = 0;
	for (int s = 0; s < nsols; s++)
		if (s == 0 || memcmp(canon[s], canon[s - 1], 10) != 0)
			distinct++;
	return distinct;
}

int main(int argc, char **argv)
{
	int maxn = argc > 1 ? atoi(argv[1]) : 11;
	int reps = argc > 2 ? atoi(argv[2]) : 1;
	if (maxn < 1 || maxn > 16 || reps < 1) {
		fprintf(stderr, "usage: nqueens MAXN(1..16) [REPS]\n");
		return 2;
	}
	int failures = 0;
	for (int n = 1; n <= maxn; n++) {
		uint64_t c = count_solutions(n);
		/* repetitions count again column by column, starting at a
		 * different column each time: the total must not change */
		for (int r = 1; n == maxn && r < reps; r++) {
			uint64_t sum = 0;
			for (int k = 0; k < n; k++)
				sum += count_with_first(n, 1u << ((k + r) % n));
			if (sum != c)
				failures++;
		}
		int ok = c == known_total[n];
		printf("N=%2d: %10llu solutions %s", n, (unsigned long long)c, ok ? "ok" : "FAIL");
		if (!ok)
			failures++;
		if (n <= 10) {
			enumerate(n);
			int d = distinct_solutions(n);
			int ok2 = (uint64_t)nsols == c && (uint64_t)d == known_unique[n];
			printf(", enumerated %d, %d distinct up to symmetry %s", nsols, d, ok2 ? "ok" : "FAIL");
			if (!ok2)
				failures++;
		}
		printf("\n");
	}
	enumerate(8);
	printf("first solution for N=8:\n");
	for (int r = 0; r < 8; r++) {
		for (int c = 0; c < 8; c++)
			printf(" %c", sols[0][r] == c ? 'Q' : '.');
		printf("\n");
	}
	printf("%s\n", failures ? "FAIL" : "all checks passed");
	return 0;
}
