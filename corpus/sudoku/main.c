/* sudoku — a 9x9 sudoku solver: candidate bitmasks per row, column and
 * box, most-constrained-cell-first search with an explicit stack of
 * choices (backtracking without recursion), counting solutions up to two
 * to decide uniqueness.  Every solution is checked independently.
 *
 * stdin: one puzzle per line, 81 characters, digits with '.' or '0' for
 * blanks; anything after the 81st character is a comment.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct board {
	uint8_t cell[81];
	uint16_t row[9], col[9], box[9]; /* bit d set = digit d used */
};

static int box_of(int c)
{
	return (c / 27) * 3 + (c % 9) / 3;
}

static void set(struct board *b, int c, int d)
{
	b->cell[c] = (uint8_t)d;
	b->row[c / 9] |= (uint16_t)(1u << d);
	b->col[c % 9] |= (uint16_t)(1u << d);
	b->box[box_of(c)] |= (uint16_t)(1u << d);
}

static void clear(struct board *b, int c)
{
	int d = b->cell[c];
	b->cell[c] = 0;
	b->row[c / 9] &= (uint16_t)~(1u << d);
	b->col[c % 9] &= (uint16_t)~(1u << d);
	b->box[box_of(c)] &= (uint16_t)~(1u << d);
}

static uint16_t candidates(const struct board *b, int c)
{
	return (uint16_t)(~(b->row[c / 9] | b->col[c % 9] | b->box[box_of(c)]) & 0x3FE);
}

static int popcount16(uint16_t x)
{
	int n = 0;
	while (x) {
		x &= (uint16_t)(x - 1);
		n++;
	}
	return n;
}

struct frame {
	int cell;
	uint16_t left; /* candidates not yet tried */
};

static int try_next(struct board *b, struct frame *f)
{
	if (!f->left)
		return 0;
	int d = 1;
	while (!(f->left & (1u << d)))
		d++;
	f->left &= (uint16_t)~(1u << d);
	set(b, f->cell, d);
	return 1;
}

/* returns the number of solutions found (stops at limit); first in *sol */
static int solve(struct board *b, int limit, uint8_t *sol, long *nodes)
{
	struct frame stack[81];
	int sp = 0, found = 0;
	for (;;) {
		(*nodes)++;
		int best = -1, bestn = 10;
		uint16_t bestc = 0;
		for (int c = 0; c < 81 && bestn > 1; c++) {
			if (b->cell[c])
				continue;
			uint16_t cand = candidates(b, c);
			int n = popcount16(cand);
			if (n < bestn) {
				best = c;
				bestn = n;
				bestc = cand;
				if (n == 0)
					break;
			}
		}
		int backtrack = 0;
		if (best < 0) {
			if (found == 0)
				memcpy(sol, b->cell, 81);
			found++;
			if (found >= limit)
				break;
			backtrack = 1;
		} else if (bestn == 0) {
			backtrack = 1;
		} else {
			stack[sp].cell = best;
			stack[sp].left = bestc;
			try_next(b, &stack[sp]);
			sp++;
		}
		if (backtrack) {
			while (sp > 0) {
				clear(b, stack[sp - 1].cell);
				if (try_next(b, &stack[sp - 1]))
					break;
				sp--;
			}
			if (sp == 0)
				break;
		}
	}
	/* leave the board as it was given */
	while (sp > 0)
		clear(b, stack[--sp].cell);
	return found;
}

/* independent check of a filled grid against the givens */
static int valid_solution(const uint8_t *g, const uint8_t *givens)
{
	for (int i = 0; i < 9; i++) {
		unsigned r = 0, c = 0, x = 0;
		for (int j = 0; j < 9; j++) {
			r |= 1u << g[i * 9 + j];
			c |= 1u << g[j * 9 + i];
			x |= 1u << g[(i / 3 * 3 + j / 3) * 9 + i % 3 * 3 + j % 3];
		}
		if (r != 0x3FE || c != 0x3FE || x != 0x3FE)
			return 0;
	}
	for (int k = 0; k < 81; k++)
		if (givens[k] && givens[k] != g[k])
			return 0;
	return 1;
}

static void print_grid(const uint8_t *g)
{
	for (int r = 0; r < 9; r++) {
		if (r && r % 3 == 0)
			printf("  ------+-------+------\n");
		printf(" ");
		for (int c = 0; c < 9; c++)
			printf("%s%c", c && c % 3 == 0 ? " |" : "", g[r * 9 + c] ? '0' + g[r * 9 + c] : '.');
		printf("\n");
	}
}

static char line[256];

int main(void)
{
	int puzzles = 0, solved = 0, unique = 0, bad = 0;
	long total_nodes = 0;
	while (fgets(line, sizeof line, stdin)) {
		size_t len = strcspn(line, "\r\n");
		if (len == 0 || line[0] == '#')
			continue;
		puzzles++;
		printf("=== puzzle %d%s%.*s\n", puzzles, len > 81 ? ":" : "", len > 81 ? (int)(len - 81) : 0, line + 81);
		if (len < 81) {
			printf("too short (%zu characters)\n", len);
			continue;
		}
		struct board b;
		memset(&b, 0, sizeof b);
		uint8_t givens[81];
		int conflict = 0, nclues = 0;
		for (int c = 0; c < 81; c++) {
			char ch = line[c];
			int d = ch >= '1' && ch <= '9' ? ch - '0' : 0;
			givens[c] = (uint8_t)d;
			if (!d)
				continue;
			nclues++;
			if (!(candidates(&b, c) & (1u << d)))
				conflict = 1;
			set(&b, c, d);
		}
		printf("%d clues\n", nclues);
		if (conflict) {
			printf("invalid: a digit repeats in a row, column or box\n");
			continue;
		}
		uint8_t sol[81];
		long nodes = 0;
		int n = solve(&b, 2, sol, &nodes);
		total_nodes += nodes;
		if (n == 0) {
			printf("no solution (%ld search nodes)\n", nodes);
			continue;
		}
		solved++;
		unique += n == 1;
		int ok = valid_solution(sol, givens);
		bad += !ok;
		printf("%s solution, %ld search nodes, check %s\n", n == 1 ? "unique" : "first of several", nodes,
		       ok ? "ok" : "FAIL");
		print_grid(sol);
	}
	printf("%d puzzles: %d solved (%d unique), %ld search nodes in all\n", puzzles, solved, unique, total_nodes);
	printf("%s\n", bad ? "FAIL" : "all checks passed");
	return 0;
}
