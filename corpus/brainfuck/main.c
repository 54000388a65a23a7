/* brainfuck — a Brainfuck interpreter.  The program is compiled to a
 * small instruction list (runs of + - < > folded, [-] turned into a
 * clear, brackets matched with an explicit stack) and run on a 30000-cell
 * byte tape with a bounds-checked pointer and a step limit.  ',' at end of
 * input stores 0.
 *
 * stdin: sections separated by lines "%%%"; each is "# title", code lines,
 * a line "!", then the program's input (its final newline dropped).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OP_ADD, OP_MOVE, OP_OUT, OP_IN, OP_JZ, OP_JNZ, OP_CLEAR };

struct op {
	uint8_t kind;
	int32_t arg;
};

#define TAPE 30000
#define MAX_OPS 16384
#define STEP_LIMIT 5000000L

static struct op ops[MAX_OPS];
static uint8_t tape[TAPE];
static int bracket_stack[1024];
static char outbuf[8192];

static const char *compile(const char *code, size_t len, int *nops)
{
	int n = 0, sp = 0;
	for (size_t i = 0; i < len; i++) {
		char c = code[i];
		if (n >= MAX_OPS - 1)
			return "program too long";
		switch (c) {
		case '+':
		case '-': {
			int v = 0;
			while (i < len && (code[i] == '+' || code[i] == '-' || !strchr("+-<>[].,", code[i]))) {
				if (code[i] == '+')
					v++;
				else if (code[i] == '-')
					v--;
				i++;
			}
			i--;
			if (v & 255) {
				ops[n].kind = OP_ADD;
				ops[n].arg = v & 255;
				n++;
			}
			break;
		}
		case '>':
		case '<': {
			int v = 0;
			while (i < len && (code[i] == '>' || code[i] == '<' || !strchr("+-<>[].,", code[i]))) {
				if (code[i] == '>')
					v++;
				else if (code[i] == '<')
					v--;
				i++;
			}
			i--;
			if (v) {
				ops[n].kind = OP_MOVE;
				ops[n].arg = v;
				n++;
			}
			break;
		}
		case '.':
			ops[n++].kind = OP_OUT;
			break;
		case ',':
			ops[n++].kind = OP_IN;
			break;
		case '[':
			if (i + 2 < len && (code[i + 1] == '-' || code[i + 1] == '+') && code[i + 2] == ']') {
				ops[n++].kind = OP_CLEAR;
				i += 2;
				break;
			}
			if (sp == 1024)
				return "brackets nested too deep";
			bracket_stack[sp++] = n;
			ops[n].kind = OP_JZ;
			ops[n].arg = -1;
			n++;
			break;
		case ']':
			if (sp == 0)
				return "unmatched ']'";
			{
				int open = bracket_stack[--sp];
				ops[n].kind = OP_JNZ;
				ops[n].arg = open;
				ops[open].arg = n;
				n++;
			}
			break;
		default:
			break;
		}
	}
	if (sp)
		return "unmatched '['";
	*nops = n;
	return NULL;
}

struct result {
	const char *error;
	long steps;
	size_t nout;
	int max_ptr;
};

static void run(int nops, const uint8_t *in, size_t inlen, struct result *r)
{
	memset(tape, 0, sizeof tape);
	int ptr = 0, pc = 0;
	size_t inpos = 0;
	r->error = NULL;
	r->steps = 0;
	r->nout = 0;
	r->max_ptr = 0;
	while (pc < nops) {
		if (++r->steps > STEP_LIMIT) {
			r->error = "step limit exceeded";
			return;
		}
		const struct op *o = &ops[pc];
		switch (o->kind) {
		case OP_ADD: tape[ptr] = (uint8_t)(tape[ptr] + o->arg); break;
		case OP_MOVE:
			ptr += o->arg;
			if (ptr < 0 || ptr >= TAPE) {
				r->error = "tape pointer out of range";
				return;
			}
			if (ptr > r->max_ptr)
				r->max_ptr = ptr;
			break;
		case OP_OUT:
			if (r->nout < sizeof outbuf)
				outbuf[r->nout] = (char)tape[ptr];
			r->nout++;
			break;
		case OP_IN: tape[ptr] = inpos < inlen ? in[inpos++] : 0; break;
		case OP_JZ:
			if (!tape[ptr])
				pc = o->arg;
			break;
		case OP_JNZ:
			if (tape[ptr])
				pc = o->arg;
			break;
		case OP_CLEAR: tape[ptr] = 0; break;
		}
		pc++;
	}
}

static char input[64 * 1024];

static void run_section(char *sec, size_t len)
{
	/* title line */
	char *title = sec;
	char *nl = memchr(sec, '\n', len);
	if (!nl)
		return;
	*nl = 0;
	char *code = nl + 1;
	size_t rest = len - (size_t)(code - sec);
	/* the "!" line splits code from input */
	char *in = NULL;
	size_t codelen = rest, inlen = 0;
	for (size_t i = 0; i + 1 <= rest; i++) {
		if (code[i] == '!' && (i == 0 || code[i - 1] == '\n') && (i + 1 == rest || code[i + 1] == '\n')) {
			codelen = i;
			in = code + i + 2 <= code + rest ? code + i + 2 : code + rest;
			inlen = rest - (size_t)(in - code);
			if (inlen && in[inlen - 1] == '\n')
				inlen--;
			break;
		}
	}
	printf("=== %s\n", title + (title[0] == '#' ? 2 : 0));
	int nops = 0;
	const char *err = compile(code, codelen, &nops);
	size_t ncmd = 0;
	for (size_t i = 0; i < codelen; i++)
		ncmd += strchr("+-<>[].,", code[i]) != NULL && code[i];
	if (err) {
		printf("compile error: %s\n", err);
		return;
	}
	struct result r;
	run(nops, (const uint8_t *)(in ? in : ""), inlen, &r);
	printf("%zu commands -> %d ops; %ld steps; tape cells used %d; %zu bytes of input\n", ncmd, nops, r.steps,
	       r.max_ptr + 1, inlen);
	printf("output (%zu bytes):\n", r.nout);
	fwrite(outbuf, 1, r.nout < sizeof outbuf ? r.nout : sizeof outbuf, stdout);
	if (r.nout && outbuf[(r.nout < sizeof outbuf ? r.nout : sizeof outbuf) - 1] != '\n')
		printf("\n");
	if (r.error)
		printf("runtime error: %s\n", r.error);
}

int main(void)
{
	size_t n = fread(input, 1, sizeof input - 1, stdin);
	input[n] = 0;
	size_t start = 0;
	int nsec = 0;
	for (size_t i = 0; i <= n; i++) {
		int sep = i + 3 <= n && (i == 0 || input[i - 1] == '\n') && memcmp(input + i, "%%%", 3) == 0 &&
			  (i + 3 == n || input[i + 3] == '\n');
		if (sep || i == n) {
			if (i > start) {
				nsec++;
				run_section(input + start, i - start);
			}
			if (i == n)
				break;
			i += 3;
			start = i + 1;
		}
	}
	printf("%d programs\n", nsec);
	return 0;
}
