/* kmp — exact string search.  For each pattern: the Knuth-Morris-Pratt
 * failure function (with the pattern's shortest period), all overlapping
 * occurrences in the text by KMP, checked against a naive search and
 * Boyer-Moore-Horspool; prints counts and the first positions as
 * line:column.  Also a case-insensitive KMP count.
 *
 * stdin: patterns one per line, a line "%%", then the text.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PAT 128

static void failure(const char *p, size_t m, int *f, int fold)
{
	f[0] = 0;
	size_t k = 0;
	for (size_t i = 1; i < m; i++) {
		while (k > 0 && (fold ? tolower((unsigned char)p[i]) != tolower((unsigned char)p[k]) : p[i] != p[k]))
			k = (size_t)f[k - 1];
		if (fold ? tolower((unsigned char)p[i]) == tolower((unsigned char)p[k]) : p[i] == p[k])
			k++;
		f[i] = (int)k;
	}
}

/* all matches; positions of the first max_pos stored */
static long kmp_search(const char *t, size_t n, const char *p, size_t m, const int *f, int fold, size_t *pos,
		       int max_pos, long *comparisons)
{
	long count = 0;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		for (;;) {
			(*comparisons)++;
			int eq = fold ? tolower((unsigned char)t[i]) == tolower((unsigned char)p[k]) : t[i] == p[k];
			if (eq) {
				k++;
				break;
			}
			if (k == 0)
				break;
			k = (size_t)f[k - 1];
		}
		if (k == m) {
			if (count < max_pos)
				pos[count] = i + 1 - m;
			count++;
			k = (size_t)f[k - 1];
		}
	}
	return count;
}

static long naive_search(const char *t, size_t n, const char *p, size_t m, long *comparisons)
{
	long count = 0;
	for (size_t i = 0; i + m <= n; i++) {
		size_t j = 0;
		while (j < m) {
			(*comparisons)++;
			if (t[i + j] != p[j])
				break;
			j++;
		}
		count += j == m;
	}
	return count;
}

static long horspool_search(const char *t, size_t n, const char *p, size_t m, long *comparisons)
{
	size_t shift[256];
	for (int c = 0; c < 256; c++)
		shift[c] = m;
	for (size_t j = 0; j + 1 < m; j++)
		shift[(unsigned char)p[j]] = m - 1 - j;
	long count = 0;
	size_t i = 0;
	while (i + m <= n) {
		size_t j = m;
		while (j > 0) {
			(*comparisons)++;
			if (t[i + j - 1] != p[j - 1])
				break;
			j--;
		}
		if (j == 0)
			count++;
		i += shift[(unsigned char)t[i + m - 1]];
	}
	return count;
}

static char text[200 * 1024];
static char patterns[64][MAX_PAT];

int main(void)
{
	int np = 0;
	char line[MAX_PAT + 2];
	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\n")] = 0;
		if (strcmp(line, "%%") == 0)
			break;
		if (line[0] && np < 64)
			strcpy(patterns[np++], line);
	}
	size_t n = fread(text, 1, sizeof text - 1, stdin);
	text[n] = 0;
	size_t lines = 0;
	for (size_t i = 0; i < n; i++)
		lines += text[i] == '\n';
	printf("text: %zu bytes, %zu lines; %d patterns\n", n, lines, np);
	int failures = 0;
	long kc_total = 0, nc_total = 0, hc_total = 0;
	for (int k = 0; k < np; k++) {
		const char *p = patterns[k];
		size_t m = strlen(p);
		int f[MAX_PAT], ff[MAX_PAT];
		size_t pos[5];
		failure(p, m, f, 0);
		failure(p, m, ff, 1);
		long kc = 0, nc = 0, hc = 0, fc = 0;
		long c1 = kmp_search(text, n, p, m, f, 0, pos, 5, &kc);
		long c2 = naive_search(text, n, p, m, &nc);
		long c3 = horspool_search(text, n, p, m, &hc);
		size_t dummy[1];
		long c4 = kmp_search(text, n, p, m, ff, 1, dummy, 0, &fc);
		kc_total += kc;
		nc_total += nc;
		hc_total += hc;
		int ok = c1 == c2 && c2 == c3 && c4 >= c1;
		failures += !ok;
		size_t period = m - (size_t)f[m - 1];
		printf("\"%s\": %ld matches (%ld ignoring case), border %d, period %zu %s\n", p, c1, c4, f[m - 1], period,
		       ok ? "" : "FAIL");
		printf("  failure:");
		for (size_t i = 0; i < m && i < 24; i++)
			printf(" %d", f[i]);
		printf("%s\n  at:", m > 24 ? " ..." : "");
		for (long i = 0; i < c1 && i < 5; i++) {
			size_t ln = 1, col = 1;
			for (size_t q = 0; q < pos[i]; q++) {
				if (text[q] == '\n') {
					ln++;
					col = 1;
				} else {
					col++;
				}
			}
			printf(" %zu:%zu", ln, col);
		}
		printf("\n");
	}
	printf("character comparisons: kmp %ld, naive %ld, horspool %ld\n", kc_total, nc_total, hc_total);
	printf("%s\n", failures ? "FAIL" : "all checks passed");
	return 0;
}
