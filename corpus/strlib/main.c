/* strlib — the string, ctype and stdlib conversions a ktal program may use,
 * on the cases the C standard defines: strtol/strtoul/strtoll/strtoull
 * with bases 0, 2..36, signs, prefixes, end pointers and overflow; atoi and
 * atol; the ctype classes over all 256 byte values in the C locale;
 * string.h copying, comparison (sign only), searching and tokenising;
 * memmove with overlap; qsort and bsearch of strings; abs/labs/llabs.
 * stdin: words, sorted and looked up with bsearch.
 */
#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

static void t_strtol(const char *s, int base)
{
	char *end;
	long v = strtol(s, &end, base);
	printf("strtol(\"%s\", %d) = %ld, rest \"%s\"\n", s, base, v, end);
}

static void t_strtoul(const char *s, int base)
{
	char *end;
	unsigned long v = strtoul(s, &end, base);
	printf("strtoul(\"%s\", %d) = %lu, rest \"%s\"\n", s, base, v, end);
}

static void t_strtoll(const char *s, int base)
{
	char *end;
	long long v = strtoll(s, &end, base);
	printf("strtoll(\"%s\", %d) = %lld, rest \"%s\"\n", s, base, v, end);
}

static void t_strtoull(const char *s, int base)
{
	char *end;
	unsigned long long v = strtoull(s, &end, base);
	printf("strtoull(\"%s\", %d) = %llu, rest \"%s\"\n", s, base, v, end);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static char words_buf[16384];
static char *words[1024];

int main(void)
{
	/* numeric conversions */
	t_strtol("12345", 10);
	t_strtol("   -42abc", 10);
	t_strtol("+17", 10);
	t_strtol("0x1A", 0);
	t_strtol("0X1a", 16);
	t_strtol("010", 0);
	t_strtol("08", 0);
	t_strtol("0x", 0);
	t_strtol("0xg", 16);
	t_strtol("zz", 36);
	t_strtol("ZZ", 36);
	t_strtol("101101", 2);
	t_strtol("777", 8);
	t_strtol("9223372036854775807", 10);
	t_strtol("9223372036854775808", 10);
	t_strtol("-9223372036854775808", 10);
	t_strtol("-9223372036854775809", 10);
	t_strtol("", 10);
	t_strtol("   ", 10);
	t_strtol("+-5", 10);
	t_strtol("- 5", 10);
	t_strtol("\t\n\v\f\r 99", 10);
	t_strtoul("4294967295", 10);
	t_strtoul("18446744073709551615", 10);
	t_strtoul("18446744073709551616", 10);
	t_strtoul("-1", 10);
	t_strtoul("0xffffffffffffffff", 16);
	t_strtoll("-123456789012345", 10);
	t_strtoll("7fffffffffffffff", 16);
	t_strtoll("1111111111111111111111111111111111111111111111111111111111111111", 2);
	t_strtoull("123456789012345678901", 10);
	t_strtoull("0777", 0);
	t_strtoull("  +0xABCdef", 0);
	printf("atoi: %d %d %d %d; atol: %ld %ld\n", atoi("  12abc"), atoi("-0"), atoi("+7"), atoi("x"),
	       atol("-2147483649"), atol("99999999999"));
	printf("abs: %d %d %ld %lld %d\n", abs(-5), abs(5), labs(-1234567890123L), llabs(-9223372036854775807LL), abs(0));

	/* ctype over all bytes in the C locale */
	static const char *const cls[] = { "alpha", "digit", "alnum", "space", "upper", "lower",
					   "xdigit", "punct", "print", "cntrl", "graph" };
	for (int k = 0; k < 11; k++) {
		int count = 0;
		uint32_t h = 0;
		for (int c = 0; c < 256; c++) {
			int r;
			switch (k) {
			case 0: r = isalpha(c); break;
			case 1: r = isdigit(c); break;
			case 2: r = isalnum(c); break;
			case 3: r = isspace(c); break;
			case 4: r = isupper(c); break;
			case 5: r = islower(c); break;
			case 6: r = isxdigit(c); break;
			case 7: r = ispunct(c); break;
			case 8: r = isprint(c); break;
			case 9: r = iscntrl(c); break;
			default: r = isgraph(c); break;
			}
			if (r) {
				count++;
				h = h * 31 + (uint32_t)c;
			}
		}
		printf("is%-6s %3d bytes, hash %08x\n", cls[k], count, h);
	}
	uint32_t hu = 0, hl = 0;
	int changed = 0;
	for (int c = 0; c < 256; c++) {
		hu = hu * 31 + (uint32_t)toupper(c);
		hl = hl * 31 + (uint32_t)tolower(c);
		changed += toupper(c) != c;
	}
	printf("toupper hash %08x, tolower hash %08x, %d bytes changed by toupper; toupper(EOF) == EOF: %s\n", hu, hl,
	       changed, toupper(EOF) == EOF ? "yes" : "no");

	/* string.h */
	char a[64], b[64];
	strcpy(a, "hello");
	strcat(a, ", world");
	printf("strcpy+strcat: \"%s\" (%zu)\n", a, strlen(a));
	strncat(a, "!!!!!", 2);
	printf("strncat 2: \"%s\"\n", a);
	memset(b, 'X', sizeof b);
	strncpy(b, "abc", 6);
	printf("strncpy pads: %d %d %d %d %d %d %c\n", b[0], b[1], b[2], b[3], b[4], b[5], b[6]);
	strncpy(b, "abcdefgh", 4);
	printf("strncpy truncates without NUL: %.6s\n", b);
	printf("strcmp signs: %d %d %d %d %d\n", sign(strcmp("abc", "abd")), sign(strcmp("abc", "abc")),
	       sign(strcmp("abd", "abc")), sign(strcmp("ab", "abc")), sign(strcmp("\xff", "a")));
	printf("strncmp signs: %d %d %d\n", sign(strncmp("abcX", "abcY", 3)), sign(strncmp("abcX", "abcY", 4)),
	       sign(strncmp("a", "b", 0)));
	printf("memcmp signs: %d %d %d\n", sign(memcmp("a\0b", "a\0c", 3)), sign(memcmp("\x80", "\x7f", 1)),
	       sign(memcmp("same", "same", 4)));
	const char *s = "the quick brown fox jumps over the lazy dog";
	printf("strchr 'q': \"%s\"; strrchr 'o': \"%s\"; strchr NUL at offset %td; strchr 'Z': %s\n", strchr(s, 'q'),
	       strrchr(s, 'o'), strchr(s, 0) - s, strchr(s, 'Z') ? "found" : "NULL");
	printf("strstr \"the\": %td, last part \"%s\", empty needle at %td, \"cat\": %s\n", strstr(s, "the") - s,
	       strstr(s + 1, "the"), strstr(s, "") - s, strstr(s, "cat") ? "found" : "NULL");
	printf("strspn letters: %zu, strcspn \" \": %zu, strcspn \"xyz\": %zu\n",
	       strspn(s, "abcdefghijklmnopqrstuvwxyz"), strcspn(s, " "), strcspn(s, "xyz"));
	const char *m = memchr(s, 'j', strlen(s));
	printf("memchr 'j': offset %td; memchr beyond length: %s\n", m ? m - s : -1, memchr(s, 'j', 10) ? "found" : "NULL");
	char ov[32] = "0123456789";
	memmove(ov + 2, ov, 8);
	printf("memmove forward overlap: %s\n", ov);
	strcpy(ov, "0123456789");
	memmove(ov, ov + 3, 7);
	printf("memmove backward overlap: %s\n", ov);
	memcpy(ov, "abcdef", 3);
	printf("memcpy: %s\n", ov);
	char tok[] = "  alpha,beta;;gamma , delta,,";
	char *save = NULL;
	printf("strtok_r:");
	for (char *t = strtok_r(tok, " ,;", &save); t; t = strtok_r(NULL, " ,;", &save))
		printf(" [%s]", t);
	printf("\n");
	char *d = strdup(s);
	if (!d)
		return 3;
	d[0] = 'T';
	printf("strdup copy: \"%.9s\", original \"%.9s\"\n", d, s);
	free(d);

	/* words of stdin: sort, deduplicate, bsearch */
	size_t n = fread(words_buf, 1, sizeof words_buf - 1, stdin);
	words_buf[n] = 0;
	int nw = 0;
	save = NULL;
	for (char *t = strtok_r(words_buf, " \t\n.,;:!?\"()", &save); t && nw < 1024;
	     t = strtok_r(NULL, " \t\n.,;:!?\"()", &save)) {
		for (char *q = t; *q; q++)
			*q = (char)tolower((unsigned char)*q);
		words[nw++] = t;
	}
	qsort(words, (size_t)nw, sizeof words[0], cmp_str);
	int nu = 0;
	for (int i = 0; i < nw; i++)
		if (nu == 0 || strcmp(words[nu - 1], words[i]) != 0)
			words[nu++] = words[i];
	printf("%d words, %d distinct; first: %s %s %s; last: %s\n", nw, nu, nu > 0 ? words[0] : "", nu > 1 ? words[1] : "",
	       nu > 2 ? words[2] : "", nu > 0 ? words[nu - 1] : "");
	static const char *const probes[] = { "the", "software", "zebra", "license", "a", "warranty", "" };
	for (int k = 0; k < 7; k++) {
		const char *key = probes[k];
		char **hit = bsearch(&key, words, (size_t)nu, sizeof words[0], cmp_str);
		printf("bsearch \"%s\": %s", key, hit ? "found" : "absent");
		if (hit)
			printf(" at %td", hit - words);
		printf("\n");
	}
	return 0;
}
