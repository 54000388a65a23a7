/* printf_fmt — the printf family on many conversions, flags, widths,
 * precisions and length modifiers whose results the C standard fixes,
 * snprintf truncation and return values, vsnprintf through a variadic
 * function, and the other stdio output calls (puts, fputs, putchar,
 * fputc, fwrite, fflush followed by write).  stdin: lines of "name value"
 * pairs printed as an aligned table with widths computed at run time.
 */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures;

/* formats into a buffer and prints it bracketed with the return value */
static void show(const char *label, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void show(const char *label, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	int ok = n >= 0 && (size_t)n == strlen(buf);
	if (!ok)
		failures++;
	printf("%-28s [%s] %d%s\n", label, buf, n, ok ? "" : " FAIL");
}

static char line[256];

int main(void)
{
	/* integers */
	show("%d %i", "%d %i", 42, -42);
	show("width", "%5d|%-5d|%05d", 42, 42, 42);
	show("sign flags", "%+d|% d|%+d|% d", 42, 42, -42, -42);
	show("zero+sign", "%+05d|% 05d|%-+5d|", 42, 42, 42);
	show("precision", "%.3d|%.0d|%.0d|%5.3d|%-5.3d|", 7, 0, 1, 7, 7);
	show("zero flag with precision", "%08.3d|%-8.3d|", 42, 42);
	show("star width", "%*d|%-*d|%*d|", 6, 1, 6, 2, -6, 3);
	show("star precision", "%.*d|%.*d|%*.*d|", 4, 5, -1, 5, 6, 3, 9);
	show("int limits", "%d %d", INT_MAX, INT_MIN);
	show("long limits", "%ld %ld", LONG_MAX, LONG_MIN);
	show("long long limits", "%lld %lld", LLONG_MAX, LLONG_MIN);
	show("unsigned limits", "%u %lu %llu", UINT_MAX, ULONG_MAX, ULLONG_MAX);
	show("hh", "%hhd %hhd %hhu %hhx", (signed char)100, (signed char)-100, (unsigned char)200, (unsigned char)255);
	show("h", "%hd %hu %hx", (short)-12345, (unsigned short)54321, (unsigned short)0xBEEF);
	show("z", "%zu %zd %zx", (size_t)123456789, (ptrdiff_t)-77, (size_t)0xABCDEF);
	/* unsigned conversions */
	show("hex", "%x %X %x %X", 255u, 255u, 0xDEADBEEFu, 0xDEADBEEFu);
	show("hex alt", "%#x %#X %#x %#10x %#-10x|", 255u, 255u, 0u, 255u, 255u);
	show("hex precision", "%.8x %#.8x %08x %#08x", 0xABCu, 0xABCu, 0xABCu, 0xABCu);
	show("octal", "%o %#o %#o %.5o %#.3o", 8u, 8u, 0u, 8u, 8u);
	show("zero with precision 0", "[%.0x][%#.0x][%.0o][%#.0o][%.0u]", 0u, 0u, 0u, 0u, 0u);
	show("long hex", "%lx %llX %#llo", 0x123456789AUL, 0xFEDCBA9876543210ULL, 01777777777777777777777ULL);
	show("negative as unsigned", "%u %x", (unsigned)-1, (unsigned)-16);
	/* characters and strings */
	show("%c", "%c%c%c|%3c|%-3c|", 'a', 'b', 'c', 'x', 'y');
	show("%s", "%s|%10s|%-10s|", "abc", "abc", "abc");
	show("%s precision", "%.2s|%10.2s|%-10.2s|%.0s|", "abcdef", "abcdef", "abcdef", "abcdef");
	show("%s star", "%*s|%-*s|%.*s|%*.*s|", 8, "r", 8, "l", 3, "truncate", 6, 2, "xyz");
	show("empty string", "[%s][%5s][%-5s]", "", "", "");
	show("bytes above 127", "%s %c", "gr\xc3\xbc\xc3\x9f", 0xe9);
	show("percent", "100%% %d%%", 50);
	show("mixed", "%s=%d (%#x) [%-6s] %c%%", "answer", 42, 42u, "ok", '!');
	/* snprintf truncation */
	char small[8];
	int n = snprintf(small, sizeof small, "%s", "0123456789");
	printf("snprintf into 8 bytes: \"%s\" returned %d\n", small, n);
	n = snprintf(small, 1, "%d", 12345);
	printf("snprintf into 1 byte: \"%s\" returned %d\n", small, n);
	n = snprintf(NULL, 0, "%d-%s", -999, "xyz");
	printf("snprintf(NULL, 0): returned %d\n", n);
	memset(small, 'Z', sizeof small);
	n = snprintf(small, 5, "%05d", 42);
	printf("snprintf exact fit: \"%s\" returned %d, byte after NUL %c\n", small, n, small[5]);
	char big[64];
	n = sprintf(big, "%d+%d=%d", 2, 2, 4);
	printf("sprintf: \"%s\" returned %d\n", big, n);
	/* other output calls */
	puts("puts adds a newline");
	fputs("fputs does not", stdout);
	putchar('\n');
	fputc('[', stdout);
	fwrite("fwrite: embedded NUL <\0> and more", 1, 25, stdout);
	fputc(']', stdout);
	fputc('\n', stdout);
	fprintf(stdout, "fprintf to stdout %d\n", 7);
	fprintf(stderr, "this goes to stderr and is not compared\n");
	printf("before fflush and write; ");
	fflush(stdout);
	if (write(1, "written with write(2)\n", 22) != 22)
		failures++;
	printf("after write\n");

	/* a table with widths from the data */
	char names[32][32];
	long values[32];
	int rows = 0, wname = 4, wval = 5;
	while (rows < 32 && fgets(line, sizeof line, stdin)) {
		char *end;
		char *sp = strchr(line, ' ');
		if (!sp)
			continue;
		*sp = 0;
		snprintf(names[rows], sizeof names[rows], "%s", line);
		values[rows] = strtol(sp + 1, &end, 10);
		int l = (int)strlen(names[rows]);
		if (l > wname)
			wname = l;
		int vl = snprintf(NULL, 0, "%ld", values[rows]);
		if (vl > wval)
			wval = vl;
		rows++;
	}
	long total = 0;
	printf("+-%.*s-+-%.*s-+------+\n", wname, "------------------------------", wval, "--------------------");
	printf("| %-*s | %*s | %4s |\n", wname, "name", wval, "value", "hex");
	for (int r = 0; r < rows; r++) {
		printf("| %-*s | %*ld | %4lx |\n", wname, names[r], wval, values[r], (unsigned long)values[r] & 0xFFFF);
		total += values[r];
	}
	printf("| %-*s | %*ld | %4s |\n", wname, "total", wval, total, "");
	printf("%s\n", failures ? "FAIL" : "all checks passed");
	return 0;
}
