/* forth — a small Forth interpreter.  Colon definitions are compiled to
 * threaded code (an array of cells) and run by an inner interpreter with an
 * explicit return stack, so user words may recurse (RECURSE) while the C
 * code never does.  Supports the usual stack, arithmetic, comparison and
 * memory words, VARIABLE CONSTANT CREATE ALLOT , , IF ELSE THEN, BEGIN UNTIL
 * AGAIN WHILE REPEAT, DO ?DO LOOP +LOOP I J LEAVE UNLOOP EXIT, ." .( ( \ ,
 * ' and EXECUTE.  Errors (stack underflow, unknown words, division by zero,
 * return stack overflow, runaway loops) abort the line and reset the
 * stacks, as Forth's ABORT does.  The program is read from stdin.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int64_t cell;

#define STACK_SIZE 256
#define RSTACK_SIZE 512
#define CODE_SIZE 16384
#define MEM_SIZE 16384
#define MAX_WORDS 512
#define STR_SIZE 8192
#define FUEL 5000000L

/* primitives, then the compiled-only operations */
enum {
	P_DUP, P_DROP, P_SWAP, P_OVER, P_ROT, P_MROT, P_NIP, P_TUCK, P_2DUP, P_2DROP, P_2SWAP, P_2OVER, P_QDUP,
	P_PICK, P_ROLL, P_DEPTH, P_ADD, P_SUB, P_MUL, P_DIV, P_MOD, P_DIVMOD, P_MULDIV, P_NEGATE, P_ABS, P_MIN,
	P_MAX, P_INC, P_DEC, P_2MUL, P_2DIV, P_LSHIFT, P_RSHIFT, P_AND, P_OR, P_XOR, P_INVERT, P_EQ, P_NE, P_LT,
	P_GT, P_LE, P_GE, P_ZEQ, P_ZLT, P_ZGT, P_ZNE, P_ULT, P_TRUE, P_FALSE, P_STORE, P_FETCH, P_PLUSSTORE,
	P_COMMA, P_HERE, P_ALLOT, P_CELLS, P_CELLPLUS, P_DOT, P_UDOT, P_DOTR, P_EMIT, P_CR, P_SPACE, P_SPACES,
	P_DOTS, P_TOR, P_RFROM, P_RFETCH, P_I, P_J, P_EXECUTE, P_BYE,
	NPRIM,
	/* compiled-only operations with inline operands */
	OP_LIT = NPRIM, OP_CALL, OP_BRANCH, OP_0BRANCH, OP_DO, OP_QDO, OP_LOOP, OP_PLUSLOOP, OP_LEAVE, OP_UNLOOP,
	OP_EXIT, OP_DOTQ, OP_HALT,
};

static const char *const prim_name[NPRIM] = {
	"dup", "drop", "swap", "over", "rot", "-rot", "nip", "tuck", "2dup", "2drop", "2swap", "2over", "?dup",
	"pick", "roll", "depth", "+", "-", "*", "/", "mod", "/mod", "*/", "negate", "abs", "min",
	"max", "1+", "1-", "2*", "2/", "lshift", "rshift", "and", "or", "xor", "invert", "=", "<>", "<",
	">", "<=", ">=", "0=", "0<", "0>", "0<>", "u<", "true", "false", "!", "@", "+!",
	",", "here", "allot", "cells", "cell+", ".", "u.", ".r", "emit", "cr", "space", "spaces",
	".s", ">r", "r>", "r@", "i", "j", "execute", "bye",
};

enum { W_PRIM, W_COLON, W_VARIABLE, W_CONSTANT, W_CREATE };

struct word {
	char name[32];
	uint8_t kind;
	cell value; /* prim id, code address, data address or constant */
};

static struct word dict[MAX_WORDS];
static int nwords;
static cell code[CODE_SIZE];
static int ncode;
static cell mem[MEM_SIZE];
static int here_;
static char strpool[STR_SIZE];
static int nstr;

static cell ds[STACK_SIZE];
static int dsp;
static cell rs[RSTACK_SIZE];
static int rsp;

static const char *error;
static long steps_total;

/* ---------- stacks with checks ---------- */

static int need(int k)
{
	if (dsp < k) {
		error = "stack underflow";
		return 0;
	}
	return 1;
}

static void push(cell v)
{
	if (dsp >= STACK_SIZE) {
		error = "stack overflow";
		return;
	}
	ds[dsp++] = v;
}

static void rpush(cell v)
{
	if (rsp >= RSTACK_SIZE) {
		error = "return stack overflow";
		return;
	}
	rs[rsp++] = v;
}

static int mem_ok(cell a)
{
	if (a < 0 || a >= MEM_SIZE) {
		error = "invalid memory address";
		return 0;
	}
	return 1;
}

static void print_num(cell v)
{
	printf("%lld ", (long long)v);
}

/* ---------- primitives ---------- */

static void do_prim(int p)
{
	cell a, b, c;
	switch (p) {
	case P_DUP: if (need(1)) push(ds[dsp - 1]); break;
	case P_DROP: if (need(1)) dsp--; break;
	case P_SWAP: if (need(2)) { a = ds[dsp - 1]; ds[dsp - 1] = ds[dsp - 2]; ds[dsp - 2] = a; } break;
	case P_OVER: if (need(2)) push(ds[dsp - 2]); break;
	case P_ROT:
		if (need(3)) { a = ds[dsp - 3]; ds[dsp - 3] = ds[dsp - 2]; ds[dsp - 2] = ds[dsp - 1]; ds[dsp - 1] = a; }
		break;
	case P_MROT:
		if (need(3)) { a = ds[dsp - 1]; ds[dsp - 1] = ds[dsp - 2]; ds[dsp - 2] = ds[dsp - 3]; ds[dsp - 3] = a; }
		break;
	case P_NIP: if (need(2)) { ds[dsp - 2] = ds[dsp - 1]; dsp--; } break;
	case P_TUCK: if (need(2)) { a = ds[dsp - 1]; b = ds[dsp - 2]; ds[dsp - 2] = a; ds[dsp - 1] = b; push(a); } break;
	case P_2DUP: if (need(2)) { a = ds[dsp - 2]; b = ds[dsp - 1]; push(a); push(b); } break;
	case P_2DROP: if (need(2)) dsp -= 2; break;
	case P_2SWAP:
		if (need(4)) {
			a = ds[dsp - 4]; b = ds[dsp - 3];
			ds[dsp - 4] = ds[dsp - 2]; ds[dsp - 3] = ds[dsp - 1];
			ds[dsp - 2] = a; ds[dsp - 1] = b;
		}
		break;
	case P_2OVER: if (need(4)) { a = ds[dsp - 4]; b = ds[dsp - 3]; push(a); push(b); } break;
	case P_QDUP: if (need(1) && ds[dsp - 1]) push(ds[dsp - 1]); break;
	case P_PICK:
		if (need(1)) {
			a = ds[--dsp];
			if (a < 0 || a >= dsp) error = "pick out of range";
			else push(ds[dsp - 1 - a]);
		}
		break;
	case P_ROLL:
		if (need(1)) {
			a = ds[--dsp];
			if (a < 0 || a >= dsp) { error = "roll out of range"; break; }
			b = ds[dsp - 1 - a];
			for (cell k = dsp - 1 - a; k < dsp - 1; k++) ds[k] = ds[k + 1];
			ds[dsp - 1] = b;
		}
		break;
	case P_DEPTH: push(dsp); break;
	case P_ADD: if (need(2)) { ds[dsp - 2] = (cell)((uint64_t)ds[dsp - 2] + (uint64_t)ds[dsp - 1]); dsp--; } break;
	case P_SUB: if (need(2)) { ds[dsp - 2] = (cell)((uint64_t)ds[dsp - 2] - (uint64_t)ds[dsp - 1]); dsp--; } break;
	case P_MUL: if (need(2)) { ds[dsp - 2] = (cell)((uint64_t)ds[dsp - 2] * (uint64_t)ds[dsp - 1]); dsp--; } break;
	case P_DIV: case P_MOD: case P_DIVMOD:
		if (!need(2)) break;
		a = ds[dsp - 2]; b = ds[dsp - 1];
		if (b == 0 || (b == -1 && a == INT64_MIN)) { error = "division by zero or overflow"; break; }
		dsp -= 2;
		if (p == P_DIV) push(a / b);
		else if (p == P_MOD) push(a % b);
		else { push(a % b); push(a / b); }
		break;
	case P_MULDIV:
		if (!need(3)) break;
		a = ds[dsp - 3]; b = ds[dsp - 2]; c = ds[dsp - 1];
		if (c == 0) { error = "division by zero or overflow"; break; }
		dsp -= 3;
		{
			/* exact a*b/c for |a*b| < 2^63, otherwise wrapping */
			cell prod = (cell)((uint64_t)a * (uint64_t)b);
			if (c == -1 && prod == INT64_MIN) { error = "division by zero or overflow"; break; }
			push(prod / c);
		}
		break;
	case P_NEGATE: if (need(1)) ds[dsp - 1] = (cell)(0 - (uint64_t)ds[dsp - 1]); break;
	case P_ABS: if (need(1) && ds[dsp - 1] < 0) ds[dsp - 1] = (cell)(0 - (uint64_t)ds[dsp - 1]); break;
	case P_MIN: if (need(2)) { if (ds[dsp - 1] < ds[dsp - 2]) ds[dsp - 2] = ds[dsp - 1]; dsp--; } break;
	case P_MAX: if (need(2)) { if (ds[dsp - 1] > ds[dsp - 2]) ds[dsp - 2] = ds[dsp - 1]; dsp--; } break;
	case P_INC: if (need(1)) ds[dsp - 1] = (cell)((uint64_t)ds[dsp - 1] + 1); break;
	case P_DEC: if (need(1)) ds[dsp - 1] = (cell)((uint64_t)ds[dsp - 1] - 1); break;
	case P_2MUL: if (need(1)) ds[dsp - 1] = (cell)((uint64_t)ds[dsp - 1] << 1); break;
	case P_2DIV: if (need(1)) ds[dsp - 1] = ds[dsp - 1] >= 0 ? ds[dsp - 1] / 2 : -((1 - ds[dsp - 1]) / 2); break;
	case P_LSHIFT: case P_RSHIFT:
		if (!need(2)) break;
		b = ds[--dsp];
		if (b < 0 || b > 63) ds[dsp - 1] = 0;
		else if (p == P_LSHIFT) ds[dsp - 1] = (cell)((uint64_t)ds[dsp - 1] << b);
		else ds[dsp - 1] = (cell)((uint64_t)ds[dsp - 1] >> b);
		break;
	case P_AND: if (need(2)) { ds[dsp - 2] &= ds[dsp - 1]; dsp--; } break;
	case P_OR: if (need(2)) { ds[dsp - 2] |= ds[dsp - 1]; dsp--; } break;
	case P_XOR: if (need(2)) { ds[dsp - 2] ^= ds[dsp - 1]; dsp--; } break;
	case P_INVERT: if (need(1)) ds[dsp - 1] = ~ds[dsp - 1]; break;
	case P_EQ: case P_NE: case P_LT: case P_GT: case P_LE: case P_GE: case P_ULT:
		if (!need(2)) break;
		a = ds[dsp - 2]; b = ds[dsp - 1];
		dsp -= 2;
		switch (p) {
		case P_EQ: c = a == b; break;
		case P_NE: c = a != b; break;
		case P_LT: c = a < b; break;
		case P_GT: c = a > b; break;
		case P_LE: c = a <= b; break;
		case P_GE: c = a >= b; break;
		default: c = (uint64_t)a < (uint64_t)b; break;
		}
		push(c ? -1 : 0);
		break;
	case P_ZEQ: if (need(1)) ds[dsp - 1] = ds[dsp - 1] == 0 ? -1 : 0; break;
	case P_ZLT: if (need(1)) ds[dsp - 1] = ds[dsp - 1] < 0 ? -1 : 0; break;
	case P_ZGT: if (need(1)) ds[dsp - 1] = ds[dsp - 1] > 0 ? -1 : 0; break;
	case P_ZNE: if (need(1)) ds[dsp - 1] = ds[dsp - 1] != 0 ? -1 : 0; break;
	case P_TRUE: push(-1); break;
	case P_FALSE: push(0); break;
	case P_STORE:
		if (need(2) && mem_ok(ds[dsp - 1])) { mem[ds[dsp - 1]] = ds[dsp - 2]; dsp -= 2; }
		break;
	case P_FETCH: if (need(1) && mem_ok(ds[dsp - 1])) ds[dsp - 1] = mem[ds[dsp - 1]]; break;
	case P_PLUSSTORE:
		if (need(2) && mem_ok(ds[dsp - 1])) {
			mem[ds[dsp - 1]] = (cell)((uint64_t)mem[ds[dsp - 1]] + (uint64_t)ds[dsp - 2]);
			dsp -= 2;
		}
		break;
	case P_COMMA:
		if (!need(1)) break;
		if (here_ >= MEM_SIZE) { error = "data space full"; break; }
		mem[here_++] = ds[--dsp];
		break;
	case P_HERE: push(here_); break;
	case P_ALLOT:
		if (!need(1)) break;
		a = ds[--dsp];
		if (a < -here_ || a > MEM_SIZE - here_) { error = "data space full"; break; }
		here_ += (int)a;
		break;
	case P_CELLS: break; /* one address unit per cell */
	case P_CELLPLUS: if (need(1)) ds[dsp - 1]++; break;
	case P_DOT: if (need(1)) print_num(ds[--dsp]); break;
	case P_UDOT: if (need(1)) printf("%llu ", (unsigned long long)ds[--dsp]); break;
	case P_DOTR:
		if (need(2)) {
			a = ds[dsp - 2]; b = ds[dsp - 1]; dsp -= 2;
			printf("%*lld", (int)(b > 0 && b < 80 ? b : 0), (long long)a);
		}
		break;
	case P_EMIT: if (need(1)) putchar((int)(ds[--dsp] & 0xff)); break;
	case P_CR: putchar('\n'); break;
	case P_SPACE: putchar(' '); break;
	case P_SPACES:
		if (need(1)) { a = ds[--dsp]; for (cell k = 0; k < a && k < 200; k++) putchar(' '); }
		break;
	case P_DOTS:
		printf("<%d> ", dsp);
		for (int k = 0; k < dsp; k++) print_num(ds[k]);
		break;
	case P_TOR: if (need(1)) rpush(ds[--dsp]); break;
	case P_RFROM: if (rsp < 1) error = "return stack underflow"; else push(rs[--rsp]); break;
	case P_RFETCH: case P_I: if (rsp < 1) error = "return stack underflow"; else push(rs[rsp - 1]); break;
	case P_J: if (rsp < 3) error = "return stack underflow"; else push(rs[rsp - 3]); break;
	default: error = "bad primitive"; break;
	}
}

/* ---------- the inner interpreter ---------- */

static int bye;

static void run(int start)
{
	int ip = start;
	int base_rsp = rsp;
	long fuel = FUEL;
	while (!error) {
		if (--fuel < 0) {
			error = "step limit exceeded";
			break;
		}
		steps_total++;
		if (ip < 0 || ip >= CODE_SIZE) {
			error = "bad instruction pointer";
			break;
		}
		cell op = code[ip++];
		if (op < NPRIM) {
			if (op == P_EXECUTE) {
				if (!need(1))
					break;
				cell w = ds[--dsp];
				if (w < 0 || w >= nwords) {
					error = "bad execution token";
					break;
				}
				switch (dict[w].kind) {
				case W_PRIM:
					if (dict[w].value == P_EXECUTE) error = "nested execute";
					else do_prim((int)dict[w].value);
					break;
				case W_COLON: rpush(ip); ip = (int)dict[w].value; break;
				default: push(dict[w].value); break;
				}
			} else if (op == P_BYE) {
				bye = 1;
				break;
			} else {
				do_prim((int)op);
			}
			continue;
		}
		switch (op) {
		case OP_LIT: push(code[ip++]); break;
		case OP_CALL:
			rpush(ip + 1);
			ip = (int)code[ip];
			break;
		case OP_BRANCH: ip = (int)code[ip]; break;
		case OP_0BRANCH:
			if (!need(1))
				break;
			ip = ds[--dsp] == 0 ? (int)code[ip] : ip + 1;
			break;
		case OP_DO:
		case OP_QDO:
			if (!need(2))
				break;
			{
				cell index = ds[--dsp], limit = ds[--dsp];
				if (op == OP_QDO && index == limit) {
					ip = (int)code[ip];
					break;
				}
				rpush(limit);
				rpush(index);
				ip++;
			}
			break;
		case OP_LOOP:
		case OP_PLUSLOOP: {
			if (rsp < 2) {
				error = "return stack underflow";
				break;
			}
			cell inc = 1;
			if (op == OP_PLUSLOOP) {
				if (!need(1))
					break;
				inc = ds[--dsp];
			}
			cell limit = rs[rsp - 2], old = rs[rsp - 1];
			cell nw = (cell)((uint64_t)old + (uint64_t)inc);
			/* done when the index crosses the boundary between limit-1 and
			 * limit: (index - limit) changes sign in the direction of inc */
			uint64_t d0 = (uint64_t)old - (uint64_t)limit, d1 = (uint64_t)nw - (uint64_t)limit;
			int done = (int)(((d0 ^ d1) & (d0 ^ (uint64_t)inc)) >> 63);
			if (done) {
				rsp -= 2;
				ip++;
			} else {
				rs[rsp - 1] = nw;
				ip = (int)code[ip];
			}
			break;
		}
		case OP_LEAVE:
			if (rsp < 2) {
				error = "return stack underflow";
				break;
			}
			rsp -= 2;
			ip = (int)code[ip];
			break;
		case OP_UNLOOP:
			if (rsp < 2)
				error = "return stack underflow";
			else
				rsp -= 2;
			break;
		case OP_EXIT:
			if (rsp <= base_rsp) {
				error = "exit at top level";
				break;
			}
			ip = (int)rs[--rsp];
			break;
		case OP_DOTQ:
			fwrite(strpool + code[ip], 1, (size_t)code[ip + 1], stdout);
			ip += 2;
			break;
		case OP_HALT:
			return;
		default:
			error = "bad opcode";
			break;
		}
	}
}

/* ---------- the outer interpreter ---------- */

static char *src;
static size_t srclen, srcpos;
static int lineno = 1;
static int compiling;
static int cur_def; /* dictionary index of the word being defined */
static int def_start_ncode, def_start_nstr;

/* control-flow stack for compilation */
enum { C_IF, C_ELSE, C_BEGIN, C_WHILE, C_DO };
static struct {
	int kind, addr;
} cf[64];
static int ncf;
static int leaves[64], nleaves; /* addresses of LEAVE targets to patch */
static int leave_base[64];

static int next_token(char *tok, size_t cap)
{
	while (srcpos < srclen && isspace((unsigned char)src[srcpos])) {
		if (src[srcpos] == '\n')
			lineno++;
		srcpos++;
	}
	if (srcpos >= srclen)
		return 0;
	size_t l = 0;
	while (srcpos < srclen && !isspace((unsigned char)src[srcpos])) {
		if (l + 1 < cap)
			tok[l++] = (char)tolower((unsigned char)src[srcpos]);
		srcpos++;
	}
	tok[l] = 0;
	return 1;
}

/* text up to delimiter c (after one space) */
static int parse_until(char c, size_t *start, size_t *len)
{
	if (srcpos < srclen && src[srcpos] == ' ')
		srcpos++;
	*start = srcpos;
	while (srcpos < srclen && src[srcpos] != c) {
		if (src[srcpos] == '\n')
			lineno++;
		srcpos++;
	}
	if (srcpos >= srclen) {
		error = "missing delimiter";
		return 0;
	}
	*len = srcpos - *start;
	srcpos++;
	return 1;
}

static int find(const char *name)
{
	for (int k = nwords - 1; k >= 0; k--)
		if (strcmp(dict[k].name, name) == 0 && !(compiling && k == cur_def))
			return k;
	return -1;
}

static void emit_cell(cell v)
{
	if (ncode >= CODE_SIZE - 4) {
		error = "code space full";
		return;
	}
	code[ncode++] = v;
}

static int add_word(const char *name, int kind, cell value)
{
	if (nwords >= MAX_WORDS) {
		error = "dictionary full";
		return -1;
	}
	snprintf(dict[nwords].name, sizeof dict[nwords].name, "%s", name);
	dict[nwords].kind = (uint8_t)kind;
	dict[nwords].value = value;
	return nwords++;
}

static int parse_number(const char *tok, cell *out)
{
	const char *s = tok;
	int neg = 0;
	if (*s == '-' && s[1]) {
		neg = 1;
		s++;
	}
	if (!*s)
		return 0;
	uint64_t v = 0;
	for (; *s; s++) {
		if (!isdigit((unsigned char)*s))
			return 0;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	*out = neg ? (cell)(0 - v) : (cell)v;
	return 1;
}

/* run one word in interpretation state */
static void execute_word(int w)
{
	switch (dict[w].kind) {
	case W_PRIM:
		code[CODE_SIZE - 2] = dict[w].value;
		code[CODE_SIZE - 1] = OP_HALT;
		run(CODE_SIZE - 2);
		break;
	case W_COLON:
		code[CODE_SIZE - 3] = OP_CALL;
		code[CODE_SIZE - 2] = dict[w].value;
		code[CODE_SIZE - 1] = OP_HALT;
		run(CODE_SIZE - 3);
		break;
	default:
		push(dict[w].value);
		break;
	}
}

static int compile_control(const char *t)
{
	if (!strcmp(t, "if")) {
		emit_cell(OP_0BRANCH);
		cf[ncf].kind = C_IF;
		cf[ncf++].addr = ncode;
		emit_cell(0);
	} else if (!strcmp(t, "else")) {
		if (!ncf || cf[ncf - 1].kind != C_IF) { error = "ELSE without IF"; return 1; }
		emit_cell(OP_BRANCH);
		int a = ncode;
		emit_cell(0);
		code[cf[ncf - 1].addr] = ncode;
		cf[ncf - 1].kind = C_ELSE;
		cf[ncf - 1].addr = a;
	} else if (!strcmp(t, "then")) {
		if (!ncf || (cf[ncf - 1].kind != C_IF && cf[ncf - 1].kind != C_ELSE)) { error = "THEN without IF"; return 1; }
		code[cf[--ncf].addr] = ncode;
	} else if (!strcmp(t, "begin")) {
		cf[ncf].kind = C_BEGIN;
		cf[ncf++].addr = ncode;
	} else if (!strcmp(t, "until") || !strcmp(t, "again")) {
		if (!ncf || cf[ncf - 1].kind != C_BEGIN) { error = "UNTIL/AGAIN without BEGIN"; return 1; }
		emit_cell(t[0] == 'u' ? OP_0BRANCH : OP_BRANCH);
		emit_cell(cf[--ncf].addr);
	} else if (!strcmp(t, "while")) {
		if (!ncf || cf[ncf - 1].kind != C_BEGIN) { error = "WHILE without BEGIN"; return 1; }
		emit_cell(OP_0BRANCH);
		cf[ncf].kind = C_WHILE;
		cf[ncf++].addr = ncode;
		emit_cell(0);
	} else if (!strcmp(t, "repeat")) {
		if (ncf < 2 || cf[ncf - 1].kind != C_WHILE || cf[ncf - 2].kind != C_BEGIN) { error = "REPEAT without WHILE"; return 1; }
		emit_cell(OP_BRANCH);
		emit_cell(cf[ncf - 2].addr);
		code[cf[ncf - 1].addr] = ncode;
		ncf -= 2;
	} else if (!strcmp(t, "do") || !strcmp(t, "?do")) {
		emit_cell(t[0] == '?' ? OP_QDO : OP_DO);
		leave_base[ncf] = nleaves;
		cf[ncf].kind = C_DO;
		cf[ncf++].addr = ncode; /* operand: exit address (for ?DO) */
		emit_cell(0);
	} else if (!strcmp(t, "loop") || !strcmp(t, "+loop")) {
		if (!ncf || cf[ncf - 1].kind != C_DO) { error = "LOOP without DO"; return 1; }
		ncf--;
		emit_cell(t[0] == '+' ? OP_PLUSLOOP : OP_LOOP);
		emit_cell(cf[ncf].addr + 1);
		code[cf[ncf].addr] = ncode;
		while (nleaves > leave_base[ncf])
			code[leaves[--nleaves]] = ncode;
	} else if (!strcmp(t, "leave")) {
		int k = ncf - 1;
		while (k >= 0 && cf[k].kind != C_DO)
			k--;
		if (k < 0 || nleaves >= 64) { error = "LEAVE outside DO"; return 1; }
		emit_cell(OP_LEAVE);
		leaves[nleaves++] = ncode;
		emit_cell(0);
	} else if (!strcmp(t, "unloop")) {
		emit_cell(OP_UNLOOP);
	} else if (!strcmp(t, "exit")) {
		emit_cell(OP_EXIT);
	} else if (!strcmp(t, "recurse")) {
		emit_cell(OP_CALL);
		emit_cell(dict[cur_def].value);
	} else {
		return 0;
	}
	return 1;
}

static void abort_line(void)
{
	printf("\n?? error at line %d: %s\n", lineno, error);
	error = NULL;
	dsp = 0;
	rsp = 0;
	if (compiling) {
		/* forget the unfinished definition */
		nwords = cur_def;
		ncode = def_start_ncode;
		nstr = def_start_nstr;
		compiling = 0;
	}
	ncf = 0;
	nleaves = 0;
	/* skip the rest of the line */
	while (srcpos < srclen && src[srcpos] != '\n')
		srcpos++;
}

static void interpret(void)
{
	char tok[64];
	while (!bye && next_token(tok, sizeof tok)) {
		int w;
		cell num;
		size_t s, l;
		if (!strcmp(tok, "\\")) {
			while (srcpos < srclen && src[srcpos] != '\n')
				srcpos++;
		} else if (!strcmp(tok, "(")) {
			parse_until(')', &s, &l);
		} else if (!strcmp(tok, ".(")) {
			if (parse_until(')', &s, &l))
				fwrite(src + s, 1, l, stdout);
		} else if (!strcmp(tok, ".\"")) {
			if (!parse_until('"', &s, &l)) {
				/* error set */
			} else if (compiling) {
				if (nstr + (int)l > STR_SIZE) {
					error = "string space full";
				} else {
					memcpy(strpool + nstr, src + s, l);
					emit_cell(OP_DOTQ);
					emit_cell(nstr);
					emit_cell((cell)l);
					nstr += (int)l;
				}
			} else {
				fwrite(src + s, 1, l, stdout);
			}
		} else if (!strcmp(tok, ":")) {
			if (compiling) {
				error = "nested definition";
			} else if (!next_token(tok, sizeof tok)) {
				error = "name expected";
			} else {
				def_start_ncode = ncode;
				def_start_nstr = nstr;
				cur_def = add_word(tok, W_COLON, ncode);
				if (cur_def >= 0)
					compiling = 1;
				ncf = 0;
				nleaves = 0;
			}
		} else if (!strcmp(tok, ";")) {
			if (!compiling) {
				error = "; outside a definition";
			} else if (ncf) {
				error = "unbalanced control structure";
			} else {
				emit_cell(OP_EXIT);
				compiling = 0;
			}
		} else if (!strcmp(tok, "variable") || !strcmp(tok, "constant") || !strcmp(tok, "create")) {
			char name[64];
			if (compiling || !next_token(name, sizeof name)) {
				error = compiling ? "not allowed in a definition" : "name expected";
			} else if (tok[0] == 'v') {
				if (here_ >= MEM_SIZE) {
					error = "data space full";
				} else {
					mem[here_] = 0;
					add_word(name, W_VARIABLE, here_++);
				}
			} else if (tok[1] == 'o') {
				if (need(1))
					add_word(name, W_CONSTANT, ds[--dsp]);
			} else {
				add_word(name, W_CREATE, here_);
			}
		} else if (!strcmp(tok, "'")) {
			char name[64];
			if (!next_token(name, sizeof name) || (w = find(name)) < 0)
				error = "unknown word after '";
			else if (compiling) {
				emit_cell(OP_LIT);
				emit_cell(w);
			} else
				push(w);
		} else if (compiling && compile_control(tok)) {
			/* done */
		} else if ((w = find(tok)) >= 0) {
			if (!compiling) {
				execute_word(w);
			} else if (dict[w].kind == W_PRIM) {
				emit_cell(dict[w].value);
			} else if (dict[w].kind == W_COLON) {
				emit_cell(OP_CALL);
				emit_cell(dict[w].value);
			} else {
				emit_cell(OP_LIT);
				emit_cell(dict[w].value);
			}
		} else if (parse_number(tok, &num)) {
			if (compiling) {
				emit_cell(OP_LIT);
				emit_cell(num);
			} else {
				push(num);
			}
		} else if (!strcmp(tok, "if") || !strcmp(tok, "do") || !strcmp(tok, "begin") || !strcmp(tok, "recurse")) {
			error = "compile-only word";
		} else {
			static char msg[96];
			snprintf(msg, sizeof msg, "unknown word '%s'", tok);
			error = msg;
		}
		if (error)
			abort_line();
	}
	if (compiling) {
		error = "end of input inside a definition";
		abort_line();
	}
}

static char input[64 * 1024];

int main(void)
{
	for (int p = 0; p < NPRIM; p++)
		add_word(prim_name[p], W_PRIM, p);
	srclen = fread(input, 1, sizeof input, stdin);
	src = input;
	interpret();
	printf("\n-- %d words defined, %d code cells, %d data cells, %ld steps, depth %d%s\n", nwords - NPRIM, ncode, here_,
	       steps_total, dsp, bye ? ", bye" : "");
	return 0;
}
