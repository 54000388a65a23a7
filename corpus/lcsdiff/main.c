/* lcsdiff — a line diff by longest common subsequence.  stdin holds two
 * texts separated by a line "=====".  A suffix-LCS table (dynamic
 * programming, no recursion) gives an edit script, printed as a unified
 * diff with three lines of context; the script is then applied to the
 * first text and must reproduce the second.  Also prints edit distances of
 * a few word pairs (Levenshtein, two-row DP) and their LCS.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINES 1200

struct text {
	char *line[MAX_LINES];
	uint32_t hash[MAX_LINES];
	int n;
};

static struct text A, B;
static uint16_t *L; /* (A.n+1) x (B.n+1) */

enum { KEEP, DEL, ADD };
struct edit {
	uint8_t kind;
	int a, b; /* line indices */
};
static struct edit script[2 * MAX_LINES];
static int nscript;

static uint32_t hash_line(const char *s)
{
	uint32_t h = 5381;
	for (; *s; s++)
		h = h * 33 ^ (unsigned char)*s;
	return h;
}

static int same(int i, int j)
{
	return A.hash[i] == B.hash[j] && strcmp(A.line[i], B.line[j]) == 0;
}

#define LIDX(i, j) ((size_t)(i) * (size_t)(B.n + 1) + (size_t)(j))

static void lcs_table(void)
{
	L = malloc((size_t)(A.n + 1) * (size_t)(B.n + 1) * sizeof *L);
	if (!L)
		exit(3);
	for (int i = A.n; i >= 0; i--)
		for (int j = B.n; j >= 0; j--) {
			uint16_t v;
			if (i == A.n || j == B.n)
				v = 0;
			else if (same(i, j))
				v = (uint16_t)(L[LIDX(i + 1, j + 1)] + 1);
			else
				v = L[LIDX(i + 1, j)] >= L[LIDX(i, j + 1)] ? L[LIDX(i + 1, j)] : L[LIDX(i, j + 1)];
			L[LIDX(i, j)] = v;
		}
}

static void make_script(void)
{
	int i = 0, j = 0;
	nscript = 0;
	while (i < A.n || j < B.n) {
		struct edit *e = &script[nscript++];
		if (i < A.n && j < B.n && same(i, j)) {
			e->kind = KEEP;
			e->a = i++;
			e->b = j++;
		} else if (j == B.n || (i < A.n && L[LIDX(i + 1, j)] >= L[LIDX(i, j + 1)])) {
			e->kind = DEL;
			e->a = i++;
			e->b = j;
		} else {
			e->kind = ADD;
			e->a = i;
			e->b = j++;
		}
	}
}

/* unified diff: hunks of changes with up to 3 lines of context */
static int print_unified(void)
{
	int hunks = 0;
	int k = 0;
	while (k < nscript) {
		while (k < nscript && script[k].kind == KEEP)
			k++;
		if (k == nscript)
			break;
		int start = k - 3 < 0 ? 0 : k - 3;
		while (start < k && script[start].kind != KEEP)
			start++;
		/* extend the hunk while changes are at most 6 kept lines apart */
		int end = k;
		for (;;) {
			while (end < nscript && script[end].kind != KEEP)
				end++;
			int keep = 0;
			while (end + keep < nscript && script[end + keep].kind == KEEP)
				keep++;
			if (end + keep < nscript && keep <= 6) {
				end += keep;
				continue;
			}
			end += keep < 3 ? keep : 3;
			break;
		}
		int a0 = script[start].a, b0 = script[start].b, na = 0, nb = 0;
		for (int x = start; x < end; x++) {
			na += script[x].kind != ADD;
			nb += script[x].kind != DEL;
		}
		printf("@@ -%d,%d +%d,%d @@\n", na ? a0 + 1 : a0, na, nb ? b0 + 1 : b0, nb);
		for (int x = start; x < end; x++) {
			const struct edit *e = &script[x];
			if (e->kind == KEEP)
				printf(" %s\n", A.line[e->a]);
			else if (e->kind == DEL)
				printf("-%s\n", A.line[e->a]);
			else
				printf("+%s\n", B.line[e->b]);
		}
		hunks++;
		k = end;
	}
	return hunks;
}

static int levenshtein(const char *s, const char *t)
{
	int n = (int)strlen(s), m = (int)strlen(t);
	int prev[64], cur[64];
	if (m > 63)
		return -1;
	for (int j = 0; j <= m; j++)
		prev[j] = j;
	for (int i = 1; i <= n; i++) {
		cur[0] = i;
		for (int j = 1; j <= m; j++) {
			int sub = prev[j - 1] + (s[i - 1] != t[j - 1]);
			int del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		memcpy(prev, cur, sizeof cur);
	}
	return prev[m];
}

/* longest common subsequence of two short strings, written to out */
static void lcs_string(const char *s, const char *t, char *out)
{
	static uint8_t T[64][64];
	int n = (int)strlen(s), m = (int)strlen(t);
	for (int i = n; i >= 0; i--)
		for (int j = m; j >= 0; j--)
			T[i][j] = (uint8_t)(i == n || j == m ? 0
					    : s[i] == t[j]      ? T[i + 1][j + 1] + 1
					    : T[i + 1][j] >= T[i][j + 1] ? T[i + 1][j]
									 : T[i][j + 1]);
	int i = 0, j = 0, k = 0;
	while (i < n && j < m) {
		if (s[i] == t[j]) {
			out[k++] = s[i];
			i++;
			j++;
		} else if (T[i + 1][j] >= T[i][j + 1]) {
			i++;
		} else {
			j++;
		}
	}
	out[k] = 0;
}

static char input[200 * 1024];

int main(void)
{
	size_t n = fread(input, 1, sizeof input - 1, stdin);
	input[n] = 0;
	struct text *cur = &A;
	char *p = input;
	while (*p) {
		char *e = strchr(p, '\n');
		if (e)
			*e = 0;
		if (strcmp(p, "=====") == 0 && cur == &A) {
			cur = &B;
		} else if (cur->n < MAX_LINES) {
			cur->line[cur->n] = p;
			cur->hash[cur->n] = hash_line(p);
			cur->n++;
		}
		if (!e)
			break;
		p = e + 1;
	}
	printf("text A: %d lines, text B: %d lines\n", A.n, B.n);
	lcs_table();
	make_script();
	int keep = 0, del = 0, add = 0;
	for (int k = 0; k < nscript; k++) {
		keep += script[k].kind == KEEP;
		del += script[k].kind == DEL;
		add += script[k].kind == ADD;
	}
	printf("--- a\n+++ b\n");
	int hunks = print_unified();
	printf("LCS %d lines (table says %d); %d deleted, %d added, %d hunks\n", keep, L[0], del, add, hunks);
	/* apply the script to A and compare with B */
	int ok = keep == L[0] && keep + del == A.n && keep + add == B.n;
	int bi = 0;
	for (int k = 0; k < nscript && ok; k++) {
		const struct edit *e = &script[k];
		if (e->kind == DEL)
			continue;
		const char *produced = e->kind == KEEP ? A.line[e->a] : B.line[e->b];
		if (bi >= B.n || strcmp(produced, B.line[bi]) != 0)
			ok = 0;
		bi++;
	}
	ok = ok && bi == B.n;
	printf("patch applies and reproduces B: %s\n", ok ? "yes" : "FAIL");
	free(L);

	static const char *const pairs[][2] = {
		{ "kitten", "sitting" }, { "flaw", "lawn" }, { "intention", "execution" }, { "", "abc" },
		{ "same", "same" }, { "algorithm", "altruistic" }, { "AGGTAB", "GXTXAYB" }, { "ABCBDAB", "BDCABA" },
	};
	for (int k = 0; k < 8; k++) {
		char lcs[64];
		lcs_string(pairs[k][0], pairs[k][1], lcs);
		printf("edit distance \"%s\" -> \"%s\": %d, LCS \"%s\"\n", pairs[k][0], pairs[k][1],
		       levenshtein(pairs[k][0], pairs[k][1]), lcs);
	}
	printf("%s\n", ok ? "all checks passed" : "FAIL");
	return 0;
}
