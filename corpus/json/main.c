/* json — a JSON (RFC 8259) parser and pretty-printer without recursion: the
 * parser is a state machine with an explicit stack of open containers, the
 * printers walk the tree with an explicit stack.
 *
 * stdin holds sections separated by lines "%%".  Each section is one JSON
 * text, plus optional query lines beginning with '?' (".key[3].other").
 * For each section: parse (or report the error with line and column),
 * pretty-print, answer the queries, print statistics, and check that
 * compact output re-parses to the same compact output.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum jtype { J_NULL, J_FALSE, J_TRUE, J_NUMBER, J_STRING, J_ARRAY, J_OBJECT };
static const char *const type_name[] = { "null", "false", "true", "number", "string", "array", "object" };

struct node {
	uint8_t type;
	uint8_t is_int;
	int first, last, next; /* children list (containers) and sibling link */
	int nchildren;
	size_t key, keylen; /* member name in the pool (object members) */
	size_t str, strlen; /* string contents or number text in the pool */
	int64_t ival;
};

struct doc {
	struct node *nodes;
	int nnodes, cap;
	char *pool;
	size_t npool, poolcap;
};

static int doc_node(struct doc *d, int type)
{
	if (d->nnodes == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->nodes = realloc(d->nodes, (size_t)d->cap * sizeof *d->nodes);
		if (!d->nodes)
			exit(3);
	}
	struct node *n = &d->nodes[d->nnodes];
	memset(n, 0, sizeof *n);
	n->type = (uint8_t)type;
	n->first = n->last = n->next = -1;
	return d->nnodes++;
}

static void pool_put(struct doc *d, char c)
{
	if (d->npool == d->poolcap) {
		d->poolcap = d->poolcap ? d->poolcap * 2 : 256;
		d->pool = realloc(d->pool, d->poolcap);
		if (!d->pool)
			exit(3);
	}
	d->pool[d->npool++] = c;
}

/* ---------- parser ---------- */

#define MAX_DEPTH 200

struct parser {
	const char *s;
	size_t n, i;
	const char *err;
	size_t err_at;
};

static void skip_ws(struct parser *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' || p->s[p->i] == '\r'))
		p->i++;
}

static int fail(struct parser *p, const char *msg)
{
	if (!p->err) {
		p->err = msg;
		p->err_at = p->i;
	}
	return -1;
}

static int hex4(struct parser *p, unsigned *out)
{
	unsigned v = 0;
	for (int k = 0; k < 4; k++) {
		if (p->i >= p->n || !isxdigit((unsigned char)p->s[p->i]))
			return fail(p, "bad \\u escape");
		char c = p->s[p->i++];
		v = v * 16 + (unsigned)(isdigit((unsigned char)c) ? c - '0' : (tolower((unsigned char)c) - 'a' + 10));
	}
	*out = v;
	return 0;
}

static void put_utf8(struct doc *d, unsigned cp)
{
	if (cp < 0x80) {
		pool_put(d, (char)cp);
	} else if (cp < 0x800) {
		pool_put(d, (char)(0xC0 | cp >> 6));
		pool_put(d, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		pool_put(d, (char)(0xE0 | cp >> 12));
		pool_put(d, (char)(0x80 | ((cp >> 6) & 0x3F)));
		pool_put(d, (char)(0x80 | (cp & 0x3F)));
	} else {
		pool_put(d, (char)(0xF0 | cp >> 18));
		pool_put(d, (char)(0x80 | ((cp >> 12) & 0x3F)));
		pool_put(d, (char)(0x80 | ((cp >> 6) & 0x3F)));
		pool_put(d, (char)(0x80 | (cp & 0x3F)));
	}
}

/* string at p->i (the opening quote); contents go to the pool */
static int parse_string(struct parser *p, struct doc *d, size_t *off, size_t *len)
{
	p->i++;
	*off = d->npool;
	for (;;) {
		if (p->i >= p->n)
			return fail(p, "unterminated string");
		unsigned char c = (unsigned char)p->s[p->i];
		if (c == '"') {
			p->i++;
			break;
		}
		if (c < 0x20)
			return fail(p, "control character in string");
		if (c != '\\') {
			pool_put(d, (char)c);
			p->i++;
			continue;
		}
		p->i++;
		if (p->i >= p->n)
			return fail(p, "unterminated string");
		char e = p->s[p->i++];
		switch (e) {
		case '"': pool_put(d, '"'); break;
		case '\\': pool_put(d, '\\'); break;
		case '/': pool_put(d, '/'); break;
		case 'b': pool_put(d, '\b'); break;
		case 'f': pool_put(d, '\f'); break;
		case 'n': pool_put(d, '\n'); break;
		case 'r': pool_put(d, '\r'); break;
		case 't': pool_put(d, '\t'); break;
		case 'u': {
			unsigned cp, lo;
			if (hex4(p, &cp))
				return -1;
			if (cp >= 0xDC00 && cp <= 0xDFFF)
				return fail(p, "unpaired low surrogate");
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (p->i + 1 >= p->n || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u')
					return fail(p, "unpaired high surrogate");
				p->i += 2;
				if (hex4(p, &lo))
					return -1;
				if (lo < 0xDC00 || lo > 0xDFFF)
					return fail(p, "bad low surrogate");
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			}
			put_utf8(d, cp);
			break;
		}
		default:
			p->i--;
			return fail(p, "bad escape");
		}
	}
	*len = d->npool - *off;
	pool_put(d, 0);
	return 0;
}

static int parse_number(struct parser *p, struct doc *d, int node)
{
	size_t start = p->i;
	int is_int = 1, neg = 0;
	uint64_t mag = 0;
	int overflow = 0;
	if (p->s[p->i] == '-') {
		neg = 1;
		p->i++;
	}
	if (p->i >= p->n || !isdigit((unsigned char)p->s[p->i]))
		return fail(p, "bad number");
	if (p->s[p->i] == '0') {
		p->i++;
		if (p->i < p->n && isdigit((unsigned char)p->s[p->i]))
			return fail(p, "leading zero");
	} else {
		while (p->i < p->n && isdigit((unsigned char)p->s[p->i])) {
			unsigned dgt = (unsigned)(p->s[p->i] - '0');
			if (mag > (UINT64_MAX - dgt) / 10)
				overflow = 1;
			else
				mag = mag * 10 + dgt;
			p->i++;
		}
	}
	if (p->i < p->n && p->s[p->i] == '.') {
		is_int = 0;
		p->i++;
		if (p->i >= p->n || !isdigit((unsigned char)p->s[p->i]))
			return fail(p, "digit expected after '.'");
		while (p->i < p->n && isdigit((unsigned char)p->s[p->i]))
			p->i++;
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		is_int = 0;
		p->i++;
		if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		if (p->i >= p->n || !isdigit((unsigned char)p->s[p->i]))
			return fail(p, "digit expected in exponent");
		while (p->i < p->n && isdigit((unsigned char)p->s[p->i]))
			p->i++;
	}
	struct node *nd = &d->nodes[node];
	nd->str = d->npool;
	nd->strlen = p->i - start;
	for (size_t k = start; k < p->i; k++)
		pool_put(d, p->s[k]);
	pool_put(d, 0);
	nd = &d->nodes[node];
	if (is_int && !overflow && mag <= (neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX)) {
		nd->is_int = 1;
		nd->ival = neg ? (int64_t)(0 - mag) : (int64_t)mag;
	}
	return 0;
}

static int match_word(struct parser *p, const char *w)
{
	size_t l = strlen(w);
	if (p->n - p->i < l || memcmp(p->s + p->i, w, l) != 0)
		return fail(p, "invalid literal");
	p->i += l;
	return 0;
}

static void add_child(struct doc *d, int parent, int child)
{
	struct node *pn = &d->nodes[parent];
	if (pn->last >= 0)
		d->nodes[pn->last].next = child;
	else
		pn->first = child;
	pn->last = child;
	pn->nchildren++;
}

/* returns the root node or -1 */
static int parse(struct parser *p, struct doc *d, int *maxdepth)
{
	int stack[MAX_DEPTH];
	int sp = 0, root = -1;
	size_t key = 0, keylen = 0;
	enum { WANT_VALUE, AFTER_VALUE, WANT_KEY, WANT_VALUE_OR_CLOSE, WANT_KEY_OR_CLOSE } st = WANT_VALUE;
	*maxdepth = 0;
	for (;;) {
		skip_ws(p);
		if (st == WANT_KEY || st == WANT_KEY_OR_CLOSE) {
			if (p->i < p->n && p->s[p->i] == '}' && st == WANT_KEY_OR_CLOSE) {
				p->i++;
				sp--;
				st = AFTER_VALUE;
				continue;
			}
			if (p->i >= p->n || p->s[p->i] != '"')
				return fail(p, "object key expected");
			if (parse_string(p, d, &key, &keylen))
				return -1;
			skip_ws(p);
			if (p->i >= p->n || p->s[p->i] != ':')
				return fail(p, "':' expected");
			p->i++;
			st = WANT_VALUE;
			continue;
		}
		if (st == AFTER_VALUE) {
			if (sp == 0) {
				if (p->i != p->n)
					return fail(p, "trailing characters after the value");
				return root;
			}
			int top = stack[sp - 1];
			char closer = d->nodes[top].type == J_ARRAY ? ']' : '}';
			if (p->i < p->n && p->s[p->i] == ',') {
				p->i++;
				st = d->nodes[top].type == J_ARRAY ? WANT_VALUE : WANT_KEY;
				continue;
			}
			if (p->i < p->n && p->s[p->i] == closer) {
				p->i++;
				sp--;
				continue;
			}
			return fail(p, closer == ']' ? "',' or ']' expected" : "',' or '}' expected");
		}
		/* WANT_VALUE or WANT_VALUE_OR_CLOSE */
		if (p->i >= p->n)
			return fail(p, "value expected");
		char c = p->s[p->i];
		if (c == ']' && st == WANT_VALUE_OR_CLOSE) {
			p->i++;
			sp--;
			st = AFTER_VALUE;
			continue;
		}
		int node;
		switch (c) {
		case '{': node = doc_node(d, J_OBJECT); break;
		case '[': node = doc_node(d, J_ARRAY); break;
		case '"': node = doc_node(d, J_STRING); break;
		case 't': node = doc_node(d, J_TRUE); break;
		case 'f': node = doc_node(d, J_FALSE); break;
		case 'n': node = doc_node(d, J_NULL); break;
		default:
			if (c == '-' || isdigit((unsigned char)c)) {
				node = doc_node(d, J_NUMBER);
				break;
			}
			return fail(p, "value expected");
		}
		if (sp > 0) {
			int parent = stack[sp - 1];
			if (d->nodes[parent].type == J_OBJECT) {
				d->nodes[node].key = key;
				d->nodes[node].keylen = keylen;
			}
			add_child(d, parent, node);
		} else {
			root = node;
		}
		switch (c) {
		case '{':
		case '[':
			if (sp == MAX_DEPTH)
				return fail(p, "nesting too deep");
			p->i++;
			stack[sp++] = node;
			if (sp > *maxdepth)
				*maxdepth = sp;
			st = c == '{' ? WANT_KEY_OR_CLOSE : WANT_VALUE_OR_CLOSE;
			continue;
		case '"': {
			size_t off, len;
			if (parse_string(p, d, &off, &len))
				return -1;
			d->nodes[node].str = off;
			d->nodes[node].strlen = len;
			break;
		}
		case 't':
			if (match_word(p, "true"))
				return -1;
			break;
		case 'f':
			if (match_word(p, "false"))
				return -1;
			break;
		case 'n':
			if (match_word(p, "null"))
				return -1;
			break;
		default:
			if (parse_number(p, d, node))
				return -1;
			break;
		}
		st = AFTER_VALUE;
	}
}

/* ---------- printing ---------- */

struct buf {
	char *s;
	size_t n, cap;
};

static void buf_putn(struct buf *b, const char *s, size_t n)
{
	if (b->n + n > b->cap) {
		while (b->n + n > b->cap)
			b->cap = b->cap ? b->cap * 2 : 1024;
		b->s = realloc(b->s, b->cap);
		if (!b->s)
			exit(3);
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
}

static void buf_puts(struct buf *b, const char *s)
{
	buf_putn(b, s, strlen(s));
}

static void buf_str(struct buf *b, const char *s, size_t n)
{
	buf_putn(b, "\"", 1);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[8];
		switch (c) {
		case '"': buf_puts(b, "\\\""); break;
		case '\\': buf_puts(b, "\\\\"); break;
		case '\n': buf_puts(b, "\\n"); break;
		case '\r': buf_puts(b, "\\r"); break;
		case '\t': buf_puts(b, "\\t"); break;
		case '\b': buf_puts(b, "\\b"); break;
		case '\f': buf_puts(b, "\\f"); break;
		default:
			if (c < 0x20) {
				snprintf(esc, sizeof esc, "\\u%04x", c);
				buf_puts(b, esc);
			} else {
				buf_putn(b, (const char *)&s[i], 1);
			}
		}
	}
	buf_putn(b, "\"", 1);
}

static void indent(struct buf *b, int depth)
{
	for (int k = 0; k < depth; k++)
		buf_puts(b, "  ");
}

static void put_scalar(struct buf *b, const struct doc *d, int node)
{
	const struct node *n = &d->nodes[node];
	switch (n->type) {
	case J_NULL: buf_puts(b, "null"); break;
	case J_TRUE: buf_puts(b, "true"); break;
	case J_FALSE: buf_puts(b, "false"); break;
	case J_NUMBER: buf_putn(b, d->pool + n->str, n->strlen); break;
	case J_STRING: buf_str(b, d->pool + n->str, n->strlen); break;
	default: break;
	}
}

static int is_container(const struct doc *d, int node)
{
	return d->nodes[node].type == J_ARRAY || d->nodes[node].type == J_OBJECT;
}

static void open_container(struct buf *b, const struct doc *d, int node)
{
	int obj = d->nodes[node].type == J_OBJECT;
	if (d->nodes[node].first < 0)
		buf_puts(b, obj ? "{}" : "[]");
	else
		buf_puts(b, obj ? "{" : "[");
}

/* pretty (2-space indent) or compact serialisation */
static void serialize(struct buf *b, const struct doc *d, int root, int pretty)
{
	int stack[MAX_DEPTH + 1], cursor[MAX_DEPTH + 1];
	int sp = 0;
	if (!is_container(d, root)) {
		put_scalar(b, d, root);
		return;
	}
	open_container(b, d, root);
	if (d->nodes[root].first < 0)
		return;
	stack[0] = root;
	cursor[0] = d->nodes[root].first;
	sp = 1;
	while (sp > 0) {
		int top = stack[sp - 1];
		int child = cursor[sp - 1];
		if (child < 0) {
			sp--;
			if (pretty) {
				buf_puts(b, "\n");
				indent(b, sp);
			}
			buf_puts(b, d->nodes[top].type == J_OBJECT ? "}" : "]");
			continue;
		}
		if (child != d->nodes[top].first)
			buf_puts(b, ",");
		if (pretty) {
			buf_puts(b, "\n");
			indent(b, sp);
		}
		if (d->nodes[top].type == J_OBJECT) {
			buf_str(b, d->pool + d->nodes[child].key, d->nodes[child].keylen);
			buf_puts(b, pretty ? ": " : ":");
		}
		cursor[sp - 1] = d->nodes[child].next;
		if (is_container(d, child)) {
			open_container(b, d, child);
			if (d->nodes[child].first >= 0) {
				stack[sp] = child;
				cursor[sp] = d->nodes[child].first;
				sp++;
			}
		} else {
			put_scalar(b, d, child);
		}
	}
}

/* ---------- queries: .name, [index] ---------- */

static int query(const struct doc *d, int root, const char *q, const char **err)
{
	int cur = root;
	const char *s = q;
	while (*s && *s != '\n') {
		if (*s == ' ') {
			s++;
			continue;
		}
		if (*s == '.') {
			s++;
			const char *start = s;
			while (*s && *s != '.' && *s != '[' && *s != '\n' && *s != ' ')
				s++;
			size_t l = (size_t)(s - start);
			if (d->nodes[cur].type != J_OBJECT) {
				*err = "not an object";
				return -1;
			}
			int found = -1;
			for (int c = d->nodes[cur].first; c >= 0; c = d->nodes[c].next)
				if (d->nodes[c].keylen == l && memcmp(d->pool + d->nodes[c].key, start, l) == 0)
					found = c; /* the last duplicate wins */
			if (found < 0) {
				*err = "no such member";
				return -1;
			}
			cur = found;
		} else if (*s == '[') {
			char *end;
			long idx = strtol(s + 1, &end, 10);
			if (*end != ']') {
				*err = "bad index";
				return -1;
			}
			s = end + 1;
			if (d->nodes[cur].type != J_ARRAY) {
				*err = "not an array";
				return -1;
			}
			int c = d->nodes[cur].first;
			if (idx < 0)
				idx += d->nodes[cur].nchildren;
			for (long k = 0; c >= 0 && k < idx; k++)
				c = d->nodes[c].next;
			if (idx < 0 || c < 0) {
				*err = "index out of range";
				return -1;
			}
			cur = c;
		} else {
			*err = "bad query";
			return -1;
		}
	}
	return cur;
}

/* ---------- driver ---------- */

static char input[128 * 1024];

static void line_col(const char *s, size_t at, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < at; i++) {
		if (s[i] == '\n') {
			(*line)++;
			*col = 1;
		} else {
			(*col)++;
		}
	}
}

static int failures;

#define MAX_QUERIES 32
#define QUERY_LEN 120
static char queries[MAX_QUERIES][QUERY_LEN];

static void process(int secno, char *sec, size_t len)
{
	/* pull out the query lines */
	int nq = 0;
	size_t w = 0;
	for (size_t i = 0; i < len;) {
		size_t e = i;
		while (e < len && sec[e] != '\n')
			e++;
		size_t with_nl = e - i + (e < len);
		if (sec[i] == '?' && nq < MAX_QUERIES) {
			size_t l = e - i - 1 < QUERY_LEN - 1 ? e - i - 1 : QUERY_LEN - 1;
			memcpy(queries[nq], sec + i + 1, l);
			queries[nq][l] = 0;
			nq++;
		} else {
			memmove(sec + w, sec + i, with_nl);
			w += with_nl;
		}
		i = e + 1;
	}
	printf("== section %d (%zu bytes)\n", secno, w);
	struct doc d;
	memset(&d, 0, sizeof d);
	struct parser p = { sec, w, 0, NULL, 0 };
	int depth;
	int root = parse(&p, &d, &depth);
	if (root < 0) {
		int line, col;
		line_col(sec, p.err_at, &line, &col);
		printf("error: %s at line %d column %d (offset %zu)\n", p.err, line, col, p.err_at);
		free(d.nodes);
		free(d.pool);
		return;
	}
	struct buf pretty = { 0 }, compact = { 0 }, again = { 0 };
	serialize(&pretty, &d, root, 1);
	buf_puts(&pretty, "\n");
	fwrite(pretty.s, 1, pretty.n, stdout);
	serialize(&compact, &d, root, 0);

	int count[7] = { 0 };
	int64_t isum = 0;
	size_t longest = 0;
	for (int k = 0; k < d.nnodes; k++) {
		count[d.nodes[k].type]++;
		if (d.nodes[k].is_int)
			isum += d.nodes[k].ival / 2 + d.nodes[k].ival % 2; /* no overflow on two extremes */
		if (d.nodes[k].type == J_STRING && d.nodes[k].strlen > longest)
			longest = d.nodes[k].strlen;
	}
	printf("stats: nodes=%d depth=%d", d.nnodes, depth);
	for (int t = 0; t < 7; t++)
		printf(" %s=%d", type_name[t], count[t]);
	printf(" int-halfsum=%lld longest-string=%zu compact=%zu pretty=%zu\n", (long long)isum, longest, compact.n,
	       pretty.n);
	for (int k = 0; k < nq; k++) {
		const char *err = NULL;
		int r = query(&d, root, queries[k], &err);
		printf("query %s -> ", queries[k]);
		if (r < 0) {
			printf("(%s)\n", err);
		} else {
			struct buf qb = { 0 };
			serialize(&qb, &d, r, 0);
			printf("%s %.*s\n", type_name[d.nodes[r].type], (int)(qb.n > 70 ? 70 : qb.n), qb.s);
			free(qb.s);
		}
	}
	/* round trip: compact text re-parses to the same compact text */
	struct doc d2;
	memset(&d2, 0, sizeof d2);
	struct parser p2 = { compact.s, compact.n, 0, NULL, 0 };
	int depth2;
	int root2 = parse(&p2, &d2, &depth2);
	int same = 0;
	if (root2 >= 0) {
		serialize(&again, &d2, root2, 0);
		same = again.n == compact.n && memcmp(again.s, compact.s, compact.n) == 0 && depth2 == depth;
	}
	printf("round trip: %s\n", same ? "ok" : "FAIL");
	if (!same)
		failures++;
	free(pretty.s);
	free(compact.s);
	free(again.s);
	free(d.nodes);
	free(d.pool);
	free(d2.nodes);
	free(d2.pool);
}

int main(void)
{
	size_t n = fread(input, 1, sizeof input - 1, stdin);
	input[n] = 0;
	int secno = 0;
	size_t start = 0;
	for (size_t i = 0; i <= n; i++) {
		int at_sep = i + 2 <= n && (i == 0 || input[i - 1] == '\n') && input[i] == '%' && input[i + 1] == '%' &&
			     (i + 2 == n || input[i + 2] == '\n');
		if (at_sep || i == n) {
			if (i > start)
				process(++secno, input + start, i - start);
			if (i == n)
				break;
			i += 2;
			start = i + 1;
		}
	}
	printf("%d sections, %s\n", secno, failures ? "FAIL" : "all checks passed");
	return 0;
}
