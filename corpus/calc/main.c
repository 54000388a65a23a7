/* calc — an integer expression calculator: a tokenizer, Dijkstra's
 * shunting-yard algorithm (operator stack with precedence and
 * associativity, unary operators, function calls with argument counting)
 * to reverse Polish notation, and an RPN evaluator with variables.
 * 64-bit signed arithmetic with overflow detection.
 *
 * Operators, lowest to highest: = (right), ||, &&, |, ^, &, == !=,
 * < <= > >=, << >>, + -, * / %, unary - + ! ~ (prefix), ** (right).
 * Functions: min(a,b,...), max(...), abs(x), gcd(a,b), isqrt(x), fact(n).
 * stdin: one expression per line; '#' starts a comment.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum tkind { T_NUM, T_VAR, T_OP, T_FUNC, T_LPAREN, T_RPAREN, T_COMMA, T_END };

enum {
	OP_ASSIGN, OP_LOR, OP_LAND, OP_BOR, OP_BXOR, OP_BAND, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_SHL, OP_SHR,
	OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD, OP_NEG, OP_PLUS, OP_NOT, OP_INV, OP_POW, NOPS
};

static const struct {
	const char *text;
	int prec, right, unary;
} ops[NOPS] = {
	{ "=", 1, 1, 0 },   { "||", 2, 0, 0 }, { "&&", 3, 0, 0 }, { "|", 4, 0, 0 },  { "^", 5, 0, 0 },  { "&", 6, 0, 0 },
	{ "==", 7, 0, 0 },  { "!=", 7, 0, 0 }, { "<", 8, 0, 0 },  { "<=", 8, 0, 0 }, { ">", 8, 0, 0 },  { ">=", 8, 0, 0 },
	{ "<<", 9, 0, 0 },  { ">>", 9, 0, 0 }, { "+", 10, 0, 0 }, { "-", 10, 0, 0 }, { "*", 11, 0, 0 }, { "/", 11, 0, 0 },
	{ "%", 11, 0, 0 },  { "-", 12, 1, 1 }, { "+", 12, 1, 1 }, { "!", 12, 1, 1 }, { "~", 12, 1, 1 }, { "**", 13, 1, 0 },
};

enum { F_MIN, F_MAX, F_ABS, F_GCD, F_ISQRT, F_FACT, NFUNCS };
static const char *const func_name[NFUNCS] = { "min", "max", "abs", "gcd", "isqrt", "fact" };

struct token {
	uint8_t kind;
	int op;       /* operator or function id; for T_VAR the variable index */
	int argc;     /* functions: number of arguments */
	int64_t value;
};

#define MAX_TOKENS 128
#define MAX_VARS 64

static char var_name[MAX_VARS][24];
static int64_t var_value[MAX_VARS];
static uint8_t var_set[MAX_VARS];
static int nvars;

static const char *err;

static int var_index(const char *name, size_t len)
{
	for (int k = 0; k < nvars; k++)
		if (strlen(var_name[k]) == len && memcmp(var_name[k], name, len) == 0)
			return k;
	if (nvars == MAX_VARS || len >= sizeof var_name[0]) {
		err = "too many variables";
		return -1;
	}
	memcpy(var_name[nvars], name, len);
	var_name[nvars][len] = 0;
	var_set[nvars] = 0;
	return nvars++;
}

/* tokenizer; returns the number of tokens or -1 */
static int tokenize(const char *s, struct token *t)
{
	int n = 0;
	int expect_operand = 1;
	while (*s) {
		if (isspace((unsigned char)*s)) {
			s++;
			continue;
		}
		if (n >= MAX_TOKENS - 1) {
			err = "expression too long";
			return -1;
		}
		struct token *k = &t[n];
		k->argc = 0;
		if (isdigit((unsigned char)*s)) {
			char *end;
			uint64_t v = strtoull(s, &end, 0);
			if (v > INT64_MAX || isalnum((unsigned char)*end)) {
				err = "bad number";
				return -1;
			}
			k->kind = T_NUM;
			k->value = (int64_t)v;
			s = end;
			expect_operand = 0;
		} else if (isalpha((unsigned char)*s) || *s == '_') {
			const char *start = s;
			while (isalnum((unsigned char)*s) || *s == '_')
				s++;
			size_t len = (size_t)(s - start);
			const char *after = s;
			while (isspace((unsigned char)*after))
				after++;
			int f = -1;
			for (int q = 0; q < NFUNCS; q++)
				if (strlen(func_name[q]) == len && memcmp(func_name[q], start, len) == 0)
					f = q;
			if (f >= 0 && *after == '(') {
				k->kind = T_FUNC;
				k->op = f;
			} else {
				k->kind = T_VAR;
				k->op = var_index(start, len);
				if (k->op < 0)
					return -1;
			}
			expect_operand = 0;
		} else if (*s == '(' || *s == ')' || *s == ',') {
			k->kind = *s == '(' ? T_LPAREN : *s == ')' ? T_RPAREN : T_COMMA;
			expect_operand = *s != ')';
			s++;
		} else {
			/* longest operator text that matches, unary where an operand is expected */
			int best = -1;
			size_t bestlen = 0;
			for (int q = 0; q < NOPS; q++) {
				size_t l = strlen(ops[q].text);
				if (ops[q].unary != expect_operand && !(expect_operand && ops[q].unary))
					continue;
				if (!ops[q].unary && expect_operand)
					continue;
				if (strncmp(s, ops[q].text, l) == 0 && l > bestlen) {
					best = q;
					bestlen = l;
				}
			}
			if (best < 0) {
				err = expect_operand ? "operand expected" : "unknown character";
				return -1;
			}
			k->kind = T_OP;
			k->op = best;
			s += bestlen;
			expect_operand = 1;
		}
		n++;
	}
	t[n].kind = T_END;
	return n;
}

/* shunting-yard: infix tokens -> RPN; returns the RPN length or -1 */
static int to_rpn(const struct token *in, int n, struct token *out)
{
	struct token stack[MAX_TOKENS];
	int argcount[MAX_TOKENS]; /* per open parenthesis: arguments seen */
	int isfunc[MAX_TOKENS];
	int sp = 0, np = 0, o = 0;
	for (int i = 0; i < n; i++) {
		struct token tk = in[i];
		switch (tk.kind) {
		case T_NUM:
		case T_VAR:
			out[o++] = tk;
			break;
		case T_FUNC:
			stack[sp++] = tk;
			break;
		case T_OP: {
			int p = ops[tk.op].prec;
			while (sp > 0 && stack[sp - 1].kind == T_OP && !ops[tk.op].unary) {
				int q = ops[stack[sp - 1].op].prec;
				if (q > p || (q == p && !ops[tk.op].right))
					out[o++] = stack[--sp];
				else
					break;
			}
			stack[sp++] = tk;
			break;
		}
		case T_LPAREN:
			isfunc[np] = sp > 0 && stack[sp - 1].kind == T_FUNC;
			argcount[np] = i + 1 < n && in[i + 1].kind == T_RPAREN ? 0 : 1;
			np++;
			stack[sp++] = tk;
			break;
		case T_COMMA:
			if (np == 0 || !isfunc[np - 1]) {
				err = "comma outside a function call";
				return -1;
			}
			while (sp > 0 && stack[sp - 1].kind != T_LPAREN)
				out[o++] = stack[--sp];
			argcount[np - 1]++;
			break;
		case T_RPAREN:
			while (sp > 0 && stack[sp - 1].kind != T_LPAREN)
				out[o++] = stack[--sp];
			if (sp == 0) {
				err = "unbalanced ')'";
				return -1;
			}
			sp--; /* the '(' */
			np--;
			if (isfunc[np]) {
				struct token f = stack[--sp];
				f.argc = argcount[np];
				out[o++] = f;
			}
			break;
		default:
			break;
		}
	}
	while (sp > 0) {
		if (stack[sp - 1].kind == T_LPAREN) {
			err = "unbalanced '('";
			return -1;
		}
		out[o++] = stack[--sp];
	}
	return o;
}

static int64_t isqrt(int64_t x)
{
	uint64_t r = 0;
	for (uint64_t bit = 1ull << 31; bit; bit >>= 1)
		if ((r | bit) * (r | bit) <= (uint64_t)x)
			r |= bit;
	return (int64_t)r;
}

/* overflow-checked 64-bit arithmetic in portable C: 1 on overflow */
static int add_ovf(int64_t x, int64_t y, int64_t *r)
{
	if ((y > 0 && x > INT64_MAX - y) || (y < 0 && x < INT64_MIN - y))
		return 1;
	*r = x + y;
	return 0;
}

static int sub_ovf(int64_t x, int64_t y, int64_t *r)
{
	if ((y < 0 && x > INT64_MAX + y) || (y > 0 && x < INT64_MIN + y))
		return 1;
	*r = x - y;
	return 0;
}

static int mul_ovf(int64_t x, int64_t y, int64_t *r)
{
	uint64_t ax = x < 0 ? 0 - (uint64_t)x : (uint64_t)x;
	uint64_t ay = y < 0 ? 0 - (uint64_t)y : (uint64_t)y;
	int neg = (x < 0) != (y < 0);
	if (ay && ax > UINT64_MAX / ay)
		return 1;
	uint64_t p = ax * ay;
	if (p > (neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX))
		return 1;
	*r = neg ? (int64_t)(0 - p) : (int64_t)p;
	return 0;
}

struct value {
	int64_t v;
	int var; /* >= 0 if this is still a variable reference */
};

static int resolve(struct value *x)
{
	if (x->var >= 0) {
		if (!var_set[x->var]) {
			static char msg[64];
			snprintf(msg, sizeof msg, "undefined variable '%s'", var_name[x->var]);
			err = msg;
			return -1;
		}
		x->v = var_value[x->var];
		x->var = -1;
	}
	return 0;
}

static int eval(const struct token *rpn, int n, int64_t *result)
{
	struct value st[MAX_TOKENS];
	int sp = 0;
	for (int i = 0; i < n; i++) {
		const struct token *t = &rpn[i];
		if (t->kind == T_NUM) {
			st[sp].v = t->value;
			st[sp++].var = -1;
			continue;
		}
		if (t->kind == T_VAR) {
			st[sp].v = 0;
			st[sp++].var = t->op;
			continue;
		}
		if (t->kind == T_FUNC) {
			int argc = t->argc;
			if (sp < argc) {
				err = "missing arguments";
				return -1;
			}
			for (int k = sp - argc; k < sp; k++)
				if (resolve(&st[k]))
					return -1;
			int64_t a[16], r = 0;
			if (argc > 16) {
				err = "too many arguments";
				return -1;
			}
			for (int k = 0; k < argc; k++)
				a[k] = st[sp - argc + k].v;
			switch (t->op) {
			case F_MIN:
			case F_MAX:
				if (argc < 1) {
					err = "min/max need arguments";
					return -1;
				}
				r = a[0];
				for (int k = 1; k < argc; k++)
					if (t->op == F_MIN ? a[k] < r : a[k] > r)
						r = a[k];
				break;
			case F_ABS:
			case F_ISQRT:
			case F_FACT:
				if (argc != 1) {
					err = "function takes one argument";
					return -1;
				}
				if (t->op == F_ABS) {
					if (a[0] == INT64_MIN) {
						err = "overflow";
						return -1;
					}
					r = a[0] < 0 ? -a[0] : a[0];
				} else if (t->op == F_ISQRT) {
					if (a[0] < 0) {
						err = "square root of a negative number";
						return -1;
					}
					r = isqrt(a[0]);
				} else {
					if (a[0] < 0 || a[0] > 20) {
						err = a[0] < 0 ? "factorial of a negative number" : "overflow";
						return -1;
					}
					r = 1;
					for (int64_t k = 2; k <= a[0]; k++)
						r *= k;
				}
				break;
			case F_GCD: {
				if (argc != 2) {
					err = "gcd takes two arguments";
					return -1;
				}
				uint64_t x = a[0] < 0 ? 0 - (uint64_t)a[0] : (uint64_t)a[0];
				uint64_t y = a[1] < 0 ? 0 - (uint64_t)a[1] : (uint64_t)a[1];
				while (y) {
					uint64_t tmp = x % y;
					x = y;
					y = tmp;
				}
				if (x > INT64_MAX) {
					err = "overflow";
					return -1;
				}
				r = (int64_t)x;
				break;
			}
			}
			sp -= argc;
			st[sp].v = r;
			st[sp++].var = -1;
			continue;
		}
		/* operators */
		int op = t->op;
		if (ops[op].unary) {
			if (sp < 1 || resolve(&st[sp - 1])) {
				if (!err)
					err = "missing operand";
				return -1;
			}
			int64_t x = st[sp - 1].v;
			switch (op) {
			case OP_NEG:
				if (x == INT64_MIN) {
					err = "overflow";
					return -1;
				}
				x = -x;
				break;
			case OP_NOT: x = !x; break;
			case OP_INV: x = ~x; break;
			default: break;
			}
			st[sp - 1].v = x;
			continue;
		}
		if (sp < 2) {
			err = "missing operand";
			return -1;
		}
		struct value *a = &st[sp - 2], *b = &st[sp - 1];
		if (resolve(b))
			return -1;
		if (op == OP_ASSIGN) {
			if (a->var < 0) {
				err = "assignment to a non-variable";
				return -1;
			}
			var_value[a->var] = b->v;
			var_set[a->var] = 1;
			a->v = b->v;
			a->var = -1;
			sp--;
			continue;
		}
		if (resolve(a))
			return -1;
		int64_t x = a->v, y = b->v, r = 0;
		switch (op) {
		case OP_LOR: r = x || y; break;
		case OP_LAND: r = x && y; break;
		case OP_BOR: r = x | y; break;
		case OP_BXOR: r = x ^ y; break;
		case OP_BAND: r = x & y; break;
		case OP_EQ: r = x == y; break;
		case OP_NE: r = x != y; break;
		case OP_LT: r = x < y; break;
		case OP_LE: r = x <= y; break;
		case OP_GT: r = x > y; break;
		case OP_GE: r = x >= y; break;
		case OP_SHL:
		case OP_SHR:
			if (y < 0 || y > 63) {
				err = "shift out of range";
				return -1;
			}
			r = op == OP_SHL ? (int64_t)((uint64_t)x << y) : x >> y;
			break;
		case OP_ADD:
			if (add_ovf(x, y, &r)) {
				err = "overflow";
				return -1;
			}
			break;
		case OP_SUB:
			if (sub_ovf(x, y, &r)) {
				err = "overflow";
				return -1;
			}
			break;
		case OP_MUL:
			if (mul_ovf(x, y, &r)) {
				err = "overflow";
				return -1;
			}
			break;
		case OP_DIV:
		case OP_MOD:
			if (y == 0) {
				err = "division by zero";
				return -1;
			}
			if (x == INT64_MIN && y == -1) {
				err = "overflow";
				return -1;
			}
			r = op == OP_DIV ? x / y : x % y;
			break;
		case OP_POW:
			if (y < 0) {
				err = "negative exponent";
				return -1;
			}
			r = 1;
			for (int64_t e = y, base = x; e; e >>= 1) {
				if ((e & 1) && mul_ovf(r, base, &r)) {
					err = "overflow";
					return -1;
				}
				if (e > 1 && mul_ovf(base, base, &base)) {
					err = "overflow";
					return -1;
				}
			}
			break;
		default:
			break;
		}
		sp--;
		st[sp - 1].v = r;
		st[sp - 1].var = -1;
	}
	if (sp != 1) {
		err = sp == 0 ? "empty expression" : "missing operator";
		return -1;
	}
	if (resolve(&st[0]))
		return -1;
	*result = st[0].v;
	return 0;
}

static void print_rpn(const struct token *r, int n)
{
	for (int i = 0; i < n; i++) {
		switch (r[i].kind) {
		case T_NUM: printf(" %lld", (long long)r[i].value); break;
		case T_VAR: printf(" %s", var_name[r[i].op]); break;
		case T_OP: printf(" %s%s", ops[r[i].op].text, ops[r[i].op].unary ? "u" : ""); break;
		case T_FUNC: printf(" %s/%d", func_name[r[i].op], r[i].argc); break;
		default: break;
		}
	}
}

static char line[1024];

int main(void)
{
	static struct token toks[MAX_TOKENS], rpn[MAX_TOKENS];
	int lineno = 0, good = 0, bad = 0;
	while (fgets(line, sizeof line, stdin)) {
		lineno++;
		char *hash = strchr(line, '#');
		if (hash)
			*hash = 0;
		line[strcspn(line, "\r\n")] = 0;
		char *s = line;
		while (isspace((unsigned char)*s))
			s++;
		if (!*s)
			continue;
		err = NULL;
		printf("%-40s", s);
		int n = tokenize(s, toks);
		int m = n >= 0 ? to_rpn(toks, n, rpn) : -1;
		int64_t result;
		if (m >= 0) {
			printf(" |");
			print_rpn(rpn, m);
			printf(" |");
		}
		if (m >= 0 && eval(rpn, m, &result) == 0) {
			printf(" = %lld\n", (long long)result);
			good++;
		} else {
			printf(" error: %s\n", err ? err : "?");
			bad++;
		}
	}
	printf("%d lines: %d values, %d errors; %d variables:", lineno, good, bad, nvars);
	for (int k = 0; k < nvars; k++)
		if (var_set[k])
			printf(" %s=%lld", var_name[k], (long long)var_value[k]);
	printf("\n");
	return 0;
}
