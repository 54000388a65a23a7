/* regex — a regular-expression matcher: Thompson NFA construction from a
 * postfix form (made by an explicit-stack shunting pass, no recursive
 * descent) and set-of-states simulation, giving leftmost-longest matches.
 * Syntax: literals, ., [...] classes with ranges and ^ negation, \d \w \s
 * (and \D \W \S), escapes, * + ?, | alternation, ( ) grouping, ^ and $.
 *
 * stdin, part 1: test lines "pattern<TAB>text<TAB>expected" where expected
 * is "start,end" of the leftmost-longest match, "-" for no match or
 * "error" for an invalid pattern.  Part 2 (after a line "%%"): grep
 * patterns, one per line, then "%%", then lines of text to search.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* tokens of the postfix form */
enum { T_CHAR, T_ANY, T_CLASS, T_BOL, T_EOL, T_EMPTY, T_CAT, T_ALT, T_STAR, T_PLUS, T_QUEST };

struct tok {
	uint8_t kind;
	uint8_t c;
	uint16_t cls;
};

#define MAX_TOKS 512
#define MAX_CLASSES 64
#define MAX_STATES 1024

static struct tok post[MAX_TOKS];
static int npost;
static uint32_t classes[MAX_CLASSES][8];
static int nclasses;

static void cls_set(uint32_t *bm, unsigned c)
{
	bm[c >> 5] |= 1u << (c & 31);
}

static int cls_has(const uint32_t *bm, unsigned c)
{
	return (bm[c >> 5] >> (c & 31)) & 1;
}

/* \d \w \s (and upper-case negations) into bm; 0 if e is not such a letter */
static int add_escape_class(uint32_t *bm, char e)
{
	uint32_t t[8];
	memset(t, 0, sizeof t);
	char lower = (char)(e | 0x20);
	if (lower == 'd') {
		for (unsigned c = '0'; c <= '9'; c++)
			cls_set(t, c);
	} else if (lower == 'w') {
		for (unsigned c = 0; c < 256; c++)
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')
				cls_set(t, c);
	} else if (lower == 's') {
		const char *sp = " \t\n\r\f\v";
		for (; *sp; sp++)
			cls_set(t, (unsigned char)*sp);
	} else {
		return 0;
	}
	for (int k = 0; k < 8; k++)
		bm[k] |= (e >= 'A' && e <= 'Z') ? ~t[k] : t[k];
	return 1;
}

static const char *errmsg;

static int emit(uint8_t kind, uint8_t c, uint16_t cls)
{
	if (npost >= MAX_TOKS) {
		errmsg = "pattern too long";
		return -1;
	}
	post[npost].kind = kind;
	post[npost].c = c;
	post[npost].cls = cls;
	npost++;
	return 0;
}

static int new_class(void)
{
	if (nclasses >= MAX_CLASSES) {
		errmsg = "too many classes";
		return -1;
	}
	memset(classes[nclasses], 0, sizeof classes[nclasses]);
	return nclasses++;
}

/* parse s (length n) into post[] */
static int to_postfix(const char *s, size_t n)
{
	struct {
		int nalt, natom;
	} paren[64];
	int np = 0, nalt = 0, natom = 0;
	npost = 0;
	nclasses = 0;
	errmsg = NULL;
	int last_repeat = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int atom_kind = -1, atom_cls = 0;
		if (c != '*' && c != '+' && c != '?')
			last_repeat = 0;
		uint8_t atom_c = 0;
		switch (c) {
		case '(':
			if (natom > 1) {
				natom--;
				if (emit(T_CAT, 0, 0))
					return -1;
			}
			if (np == 64) {
				errmsg = "too many parentheses";
				return -1;
			}
			paren[np].nalt = nalt;
			paren[np].natom = natom;
			np++;
			nalt = 0;
			natom = 0;
			continue;
		case '|':
			if (natom == 0) {
				if (emit(T_EMPTY, 0, 0))
					return -1;
				natom = 1;
			}
			while (--natom > 0)
				if (emit(T_CAT, 0, 0))
					return -1;
			nalt++;
			continue;
		case ')':
			if (np == 0) {
				errmsg = "unmatched ')'";
				return -1;
			}
			if (natom == 0) {
				if (emit(T_EMPTY, 0, 0))
					return -1;
				natom = 1;
			}
			while (--natom > 0)
				if (emit(T_CAT, 0, 0))
					return -1;
			for (; nalt > 0; nalt--)
				if (emit(T_ALT, 0, 0))
					return -1;
			np--;
			nalt = paren[np].nalt;
			natom = paren[np].natom;
			natom++;
			continue;
		case '*':
		case '+':
		case '?':
			if (natom == 0) {
				errmsg = "nothing to repeat";
				return -1;
			}
			if (last_repeat) {
				errmsg = "multiple repeat";
				return -1;
			}
			if (emit(c == '*' ? T_STAR : c == '+' ? T_PLUS : T_QUEST, 0, 0))
				return -1;
			last_repeat = 1;
			continue;
		case '.': atom_kind = T_ANY; break;
		case '^': atom_kind = T_BOL; break;
		case '$': atom_kind = T_EOL; break;
		case '\\': {
			if (i + 1 >= n) {
				errmsg = "trailing backslash";
				return -1;
			}
			char e = s[++i];
			int k = new_class();
			if (k < 0)
				return -1;
			if (add_escape_class(classes[k], e)) {
				atom_kind = T_CLASS;
				atom_cls = k;
			} else {
				nclasses--;
				atom_kind = T_CHAR;
				atom_c = (uint8_t)(e == 'n' ? '\n' : e == 't' ? '\t' : e);
			}
			break;
		}
		case '[': {
			int k = new_class();
			if (k < 0)
				return -1;
			uint32_t *bm = classes[k];
			size_t j = i + 1;
			int negate = 0;
			if (j < n && s[j] == '^') {
				negate = 1;
				j++;
			}
			int first = 1;
			while (j < n && (s[j] != ']' || first)) {
				first = 0;
				unsigned lo = (unsigned char)s[j];
				if (s[j] == '\\' && j + 1 < n) {
					if (add_escape_class(bm, s[j + 1])) {
						j += 2;
						continue;
					}
					lo = (unsigned char)s[j + 1];
					j++;
				}
				j++;
				if (j + 1 < n && s[j] == '-' && s[j + 1] != ']') {
					unsigned hi = (unsigned char)s[j + 1];
					j += 2;
					if (hi == '\\' && j < n)
						hi = (unsigned char)s[j++];
					if (hi < lo) {
						errmsg = "bad class range";
						return -1;
					}
					for (unsigned x = lo; x <= hi; x++)
						cls_set(bm, x);
				} else {
					cls_set(bm, lo);
				}
			}
			if (j >= n) {
				errmsg = "unterminated class";
				return -1;
			}
			if (negate)
				for (int w = 0; w < 8; w++)
					bm[w] = ~bm[w];
			i = j;
			atom_kind = T_CLASS;
			atom_cls = k;
			break;
		}
		default:
			atom_kind = T_CHAR;
			atom_c = (uint8_t)c;
			break;
		}
		if (natom > 1) {
			natom--;
			if (emit(T_CAT, 0, 0))
				return -1;
		}
		if (emit((uint8_t)atom_kind, atom_c, (uint16_t)atom_cls))
			return -1;
		natom++;
	}
	if (np != 0) {
		errmsg = "unmatched '('";
		return -1;
	}
	if (natom == 0) {
		if (emit(T_EMPTY, 0, 0))
			return -1;
		natom = 1;
	}
	while (--natom > 0)
		if (emit(T_CAT, 0, 0))
			return -1;
	for (; nalt > 0; nalt--)
		if (emit(T_ALT, 0, 0))
			return -1;
	return 0;
}

/* ---------- NFA ---------- */

enum { S_CHAR, S_ANY, S_CLASS, S_BOL, S_EOL, S_SPLIT, S_NOP, S_MATCH };

struct state {
	uint8_t op, c;
	uint16_t cls;
	int out, out1;
};

static struct state st[MAX_STATES];
static int nstates;

/* dangling exits: a linked list of slots, slot = state * 2 + which */
static int plist_slot[MAX_STATES * 2], plist_next[MAX_STATES * 2];
static int nplist;

struct frag {
	int start, outs; /* outs: head of the dangling list */
};

static int new_state(int op, int c, int cls, int out, int out1)
{
	if (nstates >= MAX_STATES)
		return -1;
	st[nstates].op = (uint8_t)op;
	st[nstates].c = (uint8_t)c;
	st[nstates].cls = (uint16_t)cls;
	st[nstates].out = out;
	st[nstates].out1 = out1;
	return nstates++;
}

static int list1(int slot)
{
	plist_slot[nplist] = slot;
	plist_next[nplist] = -1;
	return nplist++;
}

static int append(int a, int b)
{
	if (a < 0)
		return b;
	int x = a;
	while (plist_next[x] >= 0)
		x = plist_next[x];
	plist_next[x] = b;
	return a;
}

static void patch(int l, int target)
{
	for (; l >= 0; l = plist_next[l]) {
		int s = plist_slot[l] >> 1;
		if (plist_slot[l] & 1)
			st[s].out1 = target;
		else
			st[s].out = target;
	}
}

static int build_nfa(void)
{
	struct frag stack[MAX_TOKS];
	int sp = 0;
	nstates = 0;
	nplist = 0;
	for (int i = 0; i < npost; i++) {
		struct tok t = post[i];
		int s;
		struct frag e1, e2;
		switch (t.kind) {
		case T_CHAR:
		case T_ANY:
		case T_CLASS:
		case T_BOL:
		case T_EOL:
		case T_EMPTY: {
			static const uint8_t op_of[] = { S_CHAR, S_ANY, S_CLASS, S_BOL, S_EOL, S_NOP };
			s = new_state(op_of[t.kind], t.c, t.cls, -1, -1);
			if (s < 0)
				return -1;
			stack[sp].start = s;
			stack[sp].outs = list1(s * 2);
			sp++;
			break;
		}
		case T_CAT:
			e2 = stack[--sp];
			e1 = stack[--sp];
			patch(e1.outs, e2.start);
			stack[sp].start = e1.start;
			stack[sp].outs = e2.outs;
			sp++;
			break;
		case T_ALT:
			e2 = stack[--sp];
			e1 = stack[--sp];
			s = new_state(S_SPLIT, 0, 0, e1.start, e2.start);
			if (s < 0)
				return -1;
			stack[sp].start = s;
			stack[sp].outs = append(e1.outs, e2.outs);
			sp++;
			break;
		case T_QUEST:
			e1 = stack[--sp];
			s = new_state(S_SPLIT, 0, 0, e1.start, -1);
			if (s < 0)
				return -1;
			stack[sp].start = s;
			stack[sp].outs = append(e1.outs, list1(s * 2 + 1));
			sp++;
			break;
		case T_STAR:
			e1 = stack[--sp];
			s = new_state(S_SPLIT, 0, 0, e1.start, -1);
			if (s < 0)
				return -1;
			patch(e1.outs, s);
			stack[sp].start = s;
			stack[sp].outs = list1(s * 2 + 1);
			sp++;
			break;
		case T_PLUS:
			e1 = stack[--sp];
			s = new_state(S_SPLIT, 0, 0, e1.start, -1);
			if (s < 0)
				return -1;
			patch(e1.outs, s);
			stack[sp].start = e1.start;
			stack[sp].outs = list1(s * 2 + 1);
			sp++;
			break;
		}
	}
	if (sp != 1)
		return -1;
	int m = new_state(S_MATCH, 0, 0, -1, -1);
	if (m < 0)
		return -1;
	patch(stack[0].outs, m);
	return stack[0].start;
}

/* ---------- simulation ---------- */

static int list_a[MAX_STATES], list_b[MAX_STATES];
static int mark[MAX_STATES];
static int generation;
static int work[MAX_STATES * 2];
static long steps;

/* add s and its epsilon closure at text position pos to list */
static void add_state(int *list, int *n, int s, size_t pos, size_t len)
{
	int sp = 0;
	work[sp++] = s;
	while (sp > 0) {
		int x = work[--sp];
		if (x < 0 || mark[x] == generation)
			continue;
		mark[x] = generation;
		switch (st[x].op) {
		case S_SPLIT:
			work[sp++] = st[x].out1;
			work[sp++] = st[x].out;
			break;
		case S_NOP:
			work[sp++] = st[x].out;
			break;
		case S_BOL:
			if (pos == 0)
				work[sp++] = st[x].out;
			break;
		case S_EOL:
			if (pos == len)
				work[sp++] = st[x].out;
			break;
		default:
			list[(*n)++] = x;
			break;
		}
	}
}

/* longest match starting at start: its end, or -1 */
static long match_at(int nfa, const char *text, size_t len, size_t start)
{
	int *cl = list_a, *nl = list_b, nc = 0, nn;
	long end = -1;
	generation++;
	add_state(cl, &nc, nfa, start, len);
	for (size_t pos = start;; pos++) {
		for (int k = 0; k < nc; k++)
			if (st[cl[k]].op == S_MATCH)
				end = (long)pos;
		if (pos == len || nc == 0)
			break;
		unsigned char ch = (unsigned char)text[pos];
		generation++;
		nn = 0;
		for (int k = 0; k < nc; k++) {
			const struct state *x = &st[cl[k]];
			steps++;
			int ok = (x->op == S_CHAR && x->c == ch) || (x->op == S_ANY && ch != '\n') ||
				 (x->op == S_CLASS && cls_has(classes[x->cls], ch));
			if (ok)
				add_state(nl, &nn, x->out, pos + 1, len);
		}
		int *t = cl;
		cl = nl;
		nl = t;
		nc = nn;
	}
	return end;
}

/* leftmost-longest search from position from */
static int search(int nfa, const char *text, size_t len, size_t from, size_t *ms, size_t *me)
{
	for (size_t s = from; s <= len; s++) {
		long e = match_at(nfa, text, len, s);
		if (e >= 0) {
			*ms = s;
			*me = (size_t)e;
			return 1;
		}
	}
	return 0;
}

static int compile(const char *pat)
{
	if (to_postfix(pat, strlen(pat)))
		return -1;
	int nfa = build_nfa();
	if (nfa < 0 && !errmsg)
		errmsg = "pattern too complex";
	return nfa;
}

/* ---------- driver ---------- */

static char line[4096];

static void chomp(char *s)
{
	size_t l = strlen(s);
	while (l && (s[l - 1] == '\n' || s[l - 1] == '\r'))
		s[--l] = 0;
}

#define MAX_GREP 32
static char grep_pat[MAX_GREP][128];
static long grep_count[MAX_GREP];
static int grep_first[MAX_GREP][3];

int main(void)
{
	int tests = 0, passed = 0;
	while (fgets(line, sizeof line, stdin)) {
		chomp(line);
		if (strcmp(line, "%%") == 0)
			break;
		if (line[0] == '#' || line[0] == 0)
			continue;
		char *save = NULL;
		char *pat = strtok_r(line, "\t", &save);
		char *text = strtok_r(NULL, "\t", &save);
		char *want = strtok_r(NULL, "\t", &save);
		if (!pat || !text || !want) {
			printf("malformed test line\n");
			continue;
		}
		if (strcmp(text, "<empty>") == 0)
			text = (char *)"";
		char got[64];
		int nfa = compile(pat);
		size_t ms = 0, me = 0;
		int nall = 0;
		char all[256];
		all[0] = 0;
		if (nfa < 0) {
			snprintf(got, sizeof got, "error");
		} else if (search(nfa, text, strlen(text), 0, &ms, &me)) {
			snprintf(got, sizeof got, "%zu,%zu", ms, me);
			/* all non-overlapping matches */
			size_t from = 0, len = strlen(text), used = 0;
			while (from <= len && search(nfa, text, len, from, &ms, &me)) {
				nall++;
				if (used < sizeof all - 32)
					used += (size_t)snprintf(all + used, sizeof all - used, " [%.*s]", (int)(me - ms), text + ms);
				from = me > ms ? me : me + 1;
			}
		} else {
			snprintf(got, sizeof got, "-");
		}
		int ok = strcmp(got, want) == 0;
		tests++;
		passed += ok;
		printf("%-4s /%s/ \"%s\" -> %s", ok ? "ok" : "FAIL", pat, text, got);
		if (nfa < 0)
			printf(" (%s)", errmsg);
		else
			printf(" states=%d", nstates);
		if (nall)
			printf(" all=%d:%s", nall, all);
		if (!ok)
			printf(" expected %s", want);
		printf("\n");
	}
	printf("%d/%d match tests passed\n", passed, tests);

	/* grep */
	int ng = 0;
	while (fgets(line, sizeof line, stdin)) {
		chomp(line);
		if (strcmp(line, "%%") == 0)
			break;
		if (ng < MAX_GREP && strlen(line) < sizeof grep_pat[0])
			strcpy(grep_pat[ng++], line);
	}
	int lineno = 0;
	while (fgets(line, sizeof line, stdin)) {
		chomp(line);
		lineno++;
		for (int g = 0; g < ng; g++) {
			int nfa = compile(grep_pat[g]);
			size_t ms, me;
			if (nfa >= 0 && search(nfa, line, strlen(line), 0, &ms, &me)) {
				if (grep_count[g] < 3)
					grep_first[g][grep_count[g]] = lineno;
				grep_count[g]++;
			}
		}
	}
	for (int g = 0; g < ng; g++) {
		printf("grep /%s/: %ld lines", grep_pat[g], grep_count[g]);
		for (int k = 0; k < 3 && k < grep_count[g]; k++)
			printf(" %d", grep_first[g][k]);
		printf("\n");
	}
	printf("%d text lines, %ld NFA steps\n", lineno, steps);
	printf("%s\n", passed == tests ? "all checks passed" : "FAIL");
	return 0;
}
