/* An end-to-end program for the runtime: built against the ktal runtime and
 * against glibc, its output must be byte-identical (compare.sh). It prints
 * through every printf path, sorts and searches, parses numbers, draws
 * from rand(), allocates, tokenizes its input, and exits with a status. */
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct word {
	char *text;
	int count;
	int first_line;
};

static struct word words[4096];
static int nwords;

static int by_count_then_text(const void *a, const void *b)
{
	const struct word *x = a, *y = b;
	if (x->count != y->count)
		return y->count - x->count;
	return strcmp(x->text, y->text);
}

static int by_first_line(const void *a, const void *b)
{
	const struct word *x = a, *y = b;
	return x->first_line - y->first_line; /* many ties: stability shows */
}

static int by_text(const void *a, const void *b)
{
	return strcmp(((const struct word *)a)->text, ((const struct word *)b)->text);
}

static int cmp_text(const void *key, const void *elem)
{
	return strcmp(key, ((const struct word *)elem)->text);
}

static void formats(void)
{
	static const long long values[] = { 0, 1, -1, 42, -42, INT_MAX, INT_MIN, LLONG_MAX, LLONG_MIN,
		                            255, 256, 65535, 1000000007 };
	static const char *const fmts[] = { "%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d",
		                            "%8.3d", "%-8.3d|", "%x", "%#x", "%#o", "%X", "%#10.4X", "%u",
		                            "%hhd", "%hd", "%hu", "%c" };
	for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
		for (size_t f = 0; f < sizeof fmts / sizeof fmts[0]; f++) {
			if (fmts[f][1] == 'c' && (values[v] < 32 || values[v] > 126))
				continue;
			printf(fmts[f], (int)values[v]);
			putchar(' ');
		}
		printf("%lld %llx %#llo %+lld %20lld|%-20llu|\n", values[v], values[v], values[v],
		       values[v], values[v], (unsigned long long)values[v]);
	}
	printf("[%s] [%10s] [%-10s] [%.2s] [%*.*s] [%%] [%c%c%c]\n", "str", "right", "left", "cut", 6,
	       3, "star", 'a', 'b', 'c');
	printf("[%p] [%p] [%15p] [%-15p]\n", (void *)0, (void *)0x1000, (void *)0xabcdef, (void *)0);
	printf("[%zu] [%zd] [%td] [%jd] [%" PRId64 "] [%" PRIx32 "] [%" PRIu8 "]\n", sizeof(struct word),
	       (ssize_t)-5, (ptrdiff_t)-6, (intmax_t)-7, (int64_t)-8, (uint32_t)0xbeef, (uint8_t)200);
	char buf[16];
	int n = snprintf(buf, sizeof buf, "%s-%d-%s", "truncated", 12345, "string");
	printf("snprintf=%d [%s]\n", n, buf);
	n = sprintf(buf, "%04x", 0xbeef);
	printf("sprintf=%d [%s]\n", n, buf);
}

static void numbers(void)
{
	static const char *const inputs[] = { "123", "-0x1f", "0777", "  +42xyz", "99999999999999999999",
		                              "-9223372036854775808", "0x", "junk", "1e3", "-" };
	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		for (int base = 0; base <= 16; base += 8) {
			char *end;
			errno = 0;
			long v = strtol(inputs[i], &end, base);
			int e1 = errno;
			errno = 0;
			unsigned long u = strtoul(inputs[i], NULL, base);
			printf("strtol(\"%s\", %d) = %ld errno=%d rest=\"%s\"; strtoul = %lu errno=%d\n",
			       inputs[i], base, v, e1, end, u, errno);
		}
		printf("atoi=%d atol=%ld atoll=%lld\n", atoi(inputs[i]), atol(inputs[i]), atoll(inputs[i]));
	}
	div_t d = div(-17, 5);
	ldiv_t ld = ldiv(17L, -5L);
	printf("div %d %d ldiv %ld %ld abs %d %ld %lld\n", d.quot, d.rem, ld.quot, ld.rem, abs(-3),
	       labs(-4L), llabs(-5LL));
}

static void randomness(void)
{
	srand(2024);
	for (int i = 0; i < 20; i++)
		printf("%d%c", rand() % 1000, i % 10 == 9 ? '\n' : ' ');
	srand(1);
	printf("%d %d\n", rand(), rand());
}

static void memory(void)
{
	/* A growing array, a linked list and many small strings. */
	size_t cap = 1, len = 0;
	unsigned *arr = malloc(cap * sizeof *arr);
	unsigned long sum = 0;
	for (unsigned i = 0; i < 100000; i++) {
		if (len == cap) {
			cap *= 2;
			arr = realloc(arr, cap * sizeof *arr);
			assert(arr);
		}
		arr[len++] = i * 2654435761u;
	}
	for (size_t i = 0; i < len; i++)
		sum += arr[i] % 1000;
	free(arr);
	char **strs = calloc(1000, sizeof *strs);
	for (int i = 0; i < 1000; i++) {
		char tmp[32];
		snprintf(tmp, sizeof tmp, "string number %d", i);
		strs[i] = strdup(tmp);
	}
	size_t total = 0;
	for (int i = 0; i < 1000; i += 3) {
		total += strlen(strs[i]);
		free(strs[i]);
		strs[i] = NULL;
	}
	for (int i = 0; i < 1000; i++)
		free(strs[i]);
	free(strs);
	printf("memory: sum=%lu total=%zu\n", sum, total);
}

static void text(void)
{
	static char line[512];
	int lineno = 0;
	while (fgets(line, sizeof line, stdin)) {
		lineno++;
		char *save;
		for (char *t = strtok_r(line, " \t\r\n.,;:!?\"()", &save); t;
		     t = strtok_r(NULL, " \t\r\n.,;:!?\"()", &save)) {
			for (char *p = t; *p; p++)
				*p = (char)tolower((unsigned char)*p);
			int found = 0;
			for (int i = 0; i < nwords; i++)
				if (strcmp(words[i].text, t) == 0) {
					words[i].count++;
					found = 1;
					break;
				}
			if (!found && nwords < 4096) {
				words[nwords].text = strdup(t);
				words[nwords].count = 1;
				words[nwords].first_line = lineno;
				nwords++;
			}
		}
	}
	printf("lines=%d words=%d eof=%d\n", lineno, nwords, feof(stdin) != 0);
	qsort(words, (size_t)nwords, sizeof words[0], by_first_line);
	for (int i = 0; i < nwords && i < 12; i++)
		printf("first[%d] %s@%d\n", i, words[i].text, words[i].first_line);
	qsort(words, (size_t)nwords, sizeof words[0], by_count_then_text);
	for (int i = 0; i < nwords && i < 15; i++)
		printf("%-12s %3d\n", words[i].text, words[i].count);
	/* bsearch needs text order */
	qsort(words, (size_t)nwords, sizeof words[0], by_text);
	static const char *const probe[] = { "the", "zebra", "and", "of", "a" };
	for (size_t i = 0; i < sizeof probe / sizeof probe[0]; i++) {
		const struct word *w = bsearch(probe[i], words, (size_t)nwords, sizeof words[0], cmp_text);
		printf("bsearch(%s) = %s\n", probe[i], w ? "found" : "absent");
	}
	char s[] = "alpha,beta,,gamma";
	size_t span = strcspn(s, ",");
	printf("strcspn=%zu strspn=%zu strstr=%s strrchr=%s strchr=%s\n", span, strspn(s, "abhlp"),
	       strstr(s, "gam"), strrchr(s, ','), strchr(s, 'b'));
}

int main(int argc, char **argv)
{
	printf("argc=%d", argc);
	for (int i = 1; i < argc; i++)
		printf(" [%s]", argv[i]);
	printf("\n");
	formats();
	numbers();
	randomness();
	memory();
	text();
	errno = ENOENT;
	perror("perror");
	fprintf(stderr, "stderr %d %s\n", 42, strerror(EACCES));
	fflush(stdout);
	return 3;
}
