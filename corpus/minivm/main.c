/* minivm — a two-pass assembler and an interpreter for a small stack
 * machine.  The VM's own CALL/RET use an explicit call stack, so programs
 * may recurse (fib, Ackermann) while the C code does not.  Data stack,
 * call stack and memory accesses are checked; a step limit stops runaway
 * programs.
 *
 * stdin: programs, each starting with ".program NAME".  Instructions:
 *   push N  pop  dup  swap  over  rot  add sub mul div mod neg
 *   eq ne lt le gt ge not and or  jmp L  jz L  jnz L  call L  ret
 *   load A  store A  loadi  storei   (memory of 1024 cells; loadi/storei
 *   take the address from the stack: storei pops address, then value)
 *   print (pop, print as integer)  printc (pop, print as character)  halt
 * Labels end with ':'; ';' starts a comment.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	I_PUSH, I_POP, I_DUP, I_SWAP, I_OVER, I_ROT, I_ADD, I_SUB, I_MUL, I_DIV, I_MOD, I_NEG, I_EQ, I_NE, I_LT, I_LE,
	I_GT, I_GE, I_NOT, I_AND, I_OR, I_JMP, I_JZ, I_JNZ, I_CALL, I_RET, I_LOAD, I_STORE, I_LOADI, I_STOREI,
	I_PRINT, I_PRINTC, I_HALT, NINSN
};

static const char *const insn_name[NINSN] = {
	"push", "pop", "dup", "swap", "over", "rot", "add", "sub", "mul", "div", "mod", "neg", "eq", "ne", "lt", "le",
	"gt", "ge", "not", "and", "or", "jmp", "jz", "jnz", "call", "ret", "load", "store", "loadi", "storei",
	"print", "printc", "halt",
};

/* operand kinds: 0 none, 1 number, 2 label, 3 address */
static const uint8_t operand[NINSN] = {
	1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 2, 2, 2, 2, 0, 3, 3, 0, 0,
	0, 0, 0,
};

#define MAX_CODE 4096
#define MAX_LABELS 256
#define STACK 512
#define CALLS 256
#define MEMORY 1024
#define STEP_LIMIT 5000000L

struct insn {
	uint8_t op;
	int64_t arg;
	int line;
};

static struct insn code[MAX_CODE];
static int ncode;
static char label_name[MAX_LABELS][32];
static int label_addr[MAX_LABELS];
static int nlabels;

static int64_t stack[STACK];
static int call_stack[CALLS];
static int64_t memory[MEMORY];

static int find_label(const char *name)
{
	for (int k = 0; k < nlabels; k++)
		if (strcmp(label_name[k], name) == 0)
			return k;
	return -1;
}

/* tokenises one line: up to 3 words, ';' comment */
static int split(char *line, char **w)
{
	int n = 0;
	char *save = NULL;
	char *semi = strchr(line, ';');
	if (semi)
		*semi = 0;
	for (char *t = strtok_r(line, " \t\r\n", &save); t && n < 3; t = strtok_r(NULL, " \t\r\n", &save))
		w[n++] = t;
	return n;
}

/* assembles lines [first, last) of src; returns 0 or prints errors */
static int assemble(char **lines, int nl)
{
	char buf[256];
	char *w[3];
	int errors = 0;
	ncode = 0;
	nlabels = 0;
	/* pass 1: labels */
	int addr = 0;
	for (int i = 0; i < nl; i++) {
		snprintf(buf, sizeof buf, "%s", lines[i]);
		int n = split(buf, w);
		if (n == 0)
			continue;
		size_t l = strlen(w[0]);
		if (w[0][l - 1] == ':') {
			w[0][l - 1] = 0;
			if (find_label(w[0]) >= 0) {
				printf("  line %d: duplicate label '%s'\n", i + 1, w[0]);
				errors++;
			} else if (nlabels < MAX_LABELS) {
				snprintf(label_name[nlabels], sizeof label_name[0], "%s", w[0]);
				label_addr[nlabels++] = addr;
			}
			if (n == 1)
				continue; /* a label alone on its line */
		}
		addr++;
	}
	/* pass 2: code */
	for (int i = 0; i < nl; i++) {
		snprintf(buf, sizeof buf, "%s", lines[i]);
		int n = split(buf, w);
		if (n > 0 && w[0][strlen(w[0]) - 1] == ':') {
			/* skip the label */
			w[0] = w[1];
			w[1] = w[2];
			n--;
		}
		if (n == 0)
			continue;
		int op = 0;
		while (op < NINSN && strcmp(insn_name[op], w[0]) != 0)
			op++;
		if (op == NINSN) {
			printf("  line %d: unknown instruction '%s'\n", i + 1, w[0]);
			errors++;
			continue;
		}
		if ((operand[op] != 0) != (n == 2)) {
			printf("  line %d: '%s' %s\n", i + 1, w[0], operand[op] ? "needs an operand" : "takes no operand");
			errors++;
			continue;
		}
		if (ncode == MAX_CODE) {
			printf("  program too long\n");
			return 1;
		}
		struct insn *in = &code[ncode++];
		in->op = (uint8_t)op;
		in->line = i + 1;
		in->arg = 0;
		if (operand[op] == 2) {
			int k = find_label(w[1]);
			if (k < 0) {
				printf("  line %d: undefined label '%s'\n", i + 1, w[1]);
				errors++;
			} else {
				in->arg = label_addr[k];
			}
		} else if (operand[op]) {
			char *end;
			in->arg = strtoll(w[1], &end, 0);
			if (*end || (operand[op] == 3 && (in->arg < 0 || in->arg >= MEMORY))) {
				printf("  line %d: bad operand '%s'\n", i + 1, w[1]);
				errors++;
			}
		}
	}
	return errors;
}

struct stats {
	long steps, calls;
	int max_sp, max_csp;
};

static const char *run(struct stats *st, int *fault_pc)
{
	int pc = 0, sp = 0, csp = 0;
	memset(memory, 0, sizeof memory);
	memset(st, 0, sizeof *st);
	for (;;) {
		if (pc < 0 || pc >= ncode)
			return "fell off the end of the program";
		if (++st->steps > STEP_LIMIT)
			return "step limit exceeded";
		const struct insn *in = &code[pc];
		*fault_pc = pc;
		int need = 0, give = 0;
		switch (in->op) {
		case I_PUSH: case I_LOAD: give = 1; break;
		case I_DUP: need = 1; give = 1; break;
		case I_OVER: need = 2; give = 1; break;
		case I_POP: case I_PRINT: case I_PRINTC: case I_JZ: case I_JNZ: case I_STORE: need = 1; break;
		case I_NEG: case I_NOT: case I_LOADI: need = 1; break;
		case I_ROT: need = 3; break;
		case I_JMP: case I_CALL: case I_RET: case I_HALT: break;
		default: need = 2; break;
		}
		if (sp < need)
			return "stack underflow";
		if (sp - need + give > STACK || sp + give > STACK)
			return "stack overflow";
		pc++;
		int64_t a, b;
		switch (in->op) {
		case I_PUSH: stack[sp++] = in->arg; break;
		case I_POP: sp--; break;
		case I_DUP: stack[sp] = stack[sp - 1]; sp++; break;
		case I_SWAP: a = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = a; break;
		case I_OVER: stack[sp] = stack[sp - 2]; sp++; break;
		case I_ROT: a = stack[sp - 3]; stack[sp - 3] = stack[sp - 2]; stack[sp - 2] = stack[sp - 1]; stack[sp - 1] = a; break;
		case I_ADD: case I_SUB: case I_MUL: case I_DIV: case I_MOD: case I_EQ: case I_NE: case I_LT: case I_LE:
		case I_GT: case I_GE: case I_AND: case I_OR:
			b = stack[--sp];
			a = stack[sp - 1];
			switch (in->op) {
			case I_ADD: a = (int64_t)((uint64_t)a + (uint64_t)b); break;
			case I_SUB: a = (int64_t)((uint64_t)a - (uint64_t)b); break;
			case I_MUL: a = (int64_t)((uint64_t)a * (uint64_t)b); break;
			case I_DIV:
			case I_MOD:
				if (b == 0 || (b == -1 && a == INT64_MIN))
					return "division by zero";
				a = in->op == I_DIV ? a / b : a % b;
				break;
			case I_EQ: a = a == b; break;
			case I_NE: a = a != b; break;
			case I_LT: a = a < b; break;
			case I_LE: a = a <= b; break;
			case I_GT: a = a > b; break;
			case I_GE: a = a >= b; break;
			case I_AND: a = a && b; break;
			default: a = a || b; break;
			}
			stack[sp - 1] = a;
			break;
		case I_NEG: stack[sp - 1] = (int64_t)(0 - (uint64_t)stack[sp - 1]); break;
		case I_NOT: stack[sp - 1] = !stack[sp - 1]; break;
		case I_JMP: pc = (int)in->arg; break;
		case I_JZ: if (stack[--sp] == 0) pc = (int)in->arg; break;
		case I_JNZ: if (stack[--sp] != 0) pc = (int)in->arg; break;
		case I_CALL:
			if (csp == CALLS)
				return "call stack overflow";
			call_stack[csp++] = pc;
			pc = (int)in->arg;
			st->calls++;
			break;
		case I_RET:
			if (csp == 0)
				return "return with an empty call stack";
			pc = call_stack[--csp];
			break;
		case I_LOAD: stack[sp++] = memory[in->arg]; break;
		case I_STORE: memory[in->arg] = stack[--sp]; break;
		case I_LOADI:
			a = stack[sp - 1];
			if (a < 0 || a >= MEMORY)
				return "memory address out of range";
			stack[sp - 1] = memory[a];
			break;
		case I_STOREI:
			a = stack[--sp];
			if (a < 0 || a >= MEMORY)
				return "memory address out of range";
			memory[a] = stack[--sp];
			break;
		case I_PRINT: printf("%lld\n", (long long)stack[--sp]); break;
		case I_PRINTC: putchar((int)(stack[--sp] & 0xff)); break;
		case I_HALT: return NULL;
		}
		if (sp > st->max_sp)
			st->max_sp = sp;
		if (csp > st->max_csp)
			st->max_csp = csp;
	}
}

static char input[64 * 1024];
static char *lines[4096];

int main(void)
{
	size_t n = fread(input, 1, sizeof input - 1, stdin);
	input[n] = 0;
	int nl = 0;
	for (char *p = input; *p && nl < 4096;) {
		lines[nl++] = p;
		char *e = strchr(p, '\n');
		if (!e)
			break;
		*e = 0;
		p = e + 1;
	}
	int programs = 0, ok = 0;
	for (int i = 0; i < nl;) {
		if (strncmp(lines[i], ".program", 8) != 0) {
			i++;
			continue;
		}
		int j = i + 1;
		while (j < nl && strncmp(lines[j], ".program", 8) != 0)
			j++;
		programs++;
		printf("=== %s\n", lines[i] + 9);
		if (assemble(lines + i + 1, j - i - 1) == 0) {
			struct stats st;
			int fpc = 0;
			const char *err = run(&st, &fpc);
			if (err)
				printf("  runtime error: %s at instruction %d (%s, line %d)\n", err, fpc, insn_name[code[fpc].op],
				       code[fpc].line);
			else
				ok++;
			printf("  [%d instructions, %ld steps, %ld calls, max stack %d, max call depth %d]\n", ncode, st.steps,
			       st.calls, st.max_sp, st.max_csp);
		} else {
			printf("  assembly failed\n");
		}
		i = j;
	}
	printf("%d programs, %d ran to completion\n", programs, ok);
	return 0;
}
