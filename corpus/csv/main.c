/* csv — an RFC 4180 CSV reader (quoted fields with doubled quotes, commas
 * and line breaks inside quotes, CRLF or LF) as a character state machine,
 * and an aggregator over sales records:
 *   date,region,product,quantity,unit_price,customer,notes
 * Prices are decimal with up to two fractional digits and are kept in
 * integer cents.  Prints revenue by region, by product and by month,
 * sorted, with malformed records reported by line number.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 16
#define FIELD_CAP 256

static char field[MAX_FIELDS][FIELD_CAP];
static int nfields;
static int record_line, line_no = 1;
static int field_truncated;

/* reads one record into field[]; returns 0 at end of input */
static int read_record(void)
{
	enum { START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED } st = START;
	size_t len = 0;
	nfields = 0;
	field_truncated = 0;
	record_line = line_no;
	int c, any = 0;
	for (;;) {
		c = getchar();
		if (c == EOF) {
			if (!any)
				return 0;
			break;
		}
		any = 1;
		if (c == '\n')
			line_no++;
		if (st == QUOTED) {
			if (c == '"')
				st = QUOTE_IN_QUOTED;
			else if (len < FIELD_CAP - 1)
				field[nfields][len++] = (char)c;
			else
				field_truncated = 1;
			continue;
		}
		if (st == QUOTE_IN_QUOTED) {
			if (c == '"') { /* doubled quote */
				if (len < FIELD_CAP - 1)
					field[nfields][len++] = '"';
				st = QUOTED;
				continue;
			}
			st = UNQUOTED; /* the closing quote; fall through */
		}
		if (c == '"' && st == START) {
			st = QUOTED;
			continue;
		}
		if (c == ',' || c == '\n') {
			if (nfields < MAX_FIELDS) {
				if (len && field[nfields][len - 1] == '\r' && c == '\n')
					len--;
				field[nfields][len] = 0;
				nfields++;
			}
			len = 0;
			st = START;
			if (c == '\n')
				return 1;
			continue;
		}
		if (nfields < MAX_FIELDS && len < FIELD_CAP - 1)
			field[nfields][len++] = (char)c;
		st = UNQUOTED;
	}
	if (nfields < MAX_FIELDS) {
		field[nfields][len] = 0;
		nfields++;
	}
	return 1;
}

/* "12", "12.5", "12.50" -> cents; -1 if malformed */
static long parse_cents(const char *s)
{
	long v = 0;
	int frac = -1;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s == '.') {
			if (frac >= 0)
				return -1;
			frac = 0;
			continue;
		}
		if (!isdigit((unsigned char)*s) || frac == 2 || v > 100000000)
			return -1;
		v = v * 10 + (*s - '0');
		if (frac >= 0)
			frac++;
	}
	if (frac < 0)
		frac = 0;
	while (frac < 2) {
		v *= 10;
		frac++;
	}
	return v;
}

struct group {
	char key[32];
	long records, quantity;
	int64_t revenue; /* cents */
	long min_price, max_price;
};

#define MAX_GROUPS 64

struct table {
	const char *title;
	struct group g[MAX_GROUPS];
	int n;
};

static struct table by_region = { .title = "region" }, by_product = { .title = "product" }, by_month = { .title = "month" };

static void add(struct table *t, const char *key, long qty, long price)
{
	int k = 0;
	while (k < t->n && strcmp(t->g[k].key, key) != 0)
		k++;
	if (k == t->n) {
		if (t->n == MAX_GROUPS)
			return;
		memset(&t->g[k], 0, sizeof t->g[k]);
		snprintf(t->g[k].key, sizeof t->g[k].key, "%s", key);
		t->g[k].min_price = price;
		t->g[k].max_price = price;
		t->n++;
	}
	struct group *g = &t->g[k];
	g->records++;
	g->quantity += qty;
	g->revenue += (int64_t)qty * price;
	if (price < g->min_price)
		g->min_price = price;
	if (price > g->max_price)
		g->max_price = price;
}

static int cmp_revenue(const void *pa, const void *pb)
{
	const struct group *a = pa, *b = pb;
	if (a->revenue != b->revenue)
		return a->revenue > b->revenue ? -1 : 1;
	return strcmp(a->key, b->key);
}

static int cmp_key(const void *pa, const void *pb)
{
	return strcmp(((const struct group *)pa)->key, ((const struct group *)pb)->key);
}

static void money(char *buf, size_t cap, int64_t cents)
{
	/* 1234567 -> "12,345.67" */
	char digits[32];
	int n = snprintf(digits, sizeof digits, "%lld", (long long)(cents / 100));
	size_t o = 0;
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0 && o < cap - 1)
			buf[o++] = ',';
		if (o < cap - 1)
			buf[o++] = digits[i];
	}
	snprintf(buf + o, cap - o, ".%02lld", (long long)(cents % 100));
}

static void print_table(struct table *t, int by_key)
{
	if (by_key)
		qsort(t->g, (size_t)t->n, sizeof t->g[0], cmp_key);
	else
		qsort(t->g, (size_t)t->n, sizeof t->g[0], cmp_revenue);
	printf("\n%-12s %7s %8s %16s %10s %10s %10s\n", t->title, "records", "quantity", "revenue", "avg price",
	       "min", "max");
	int64_t total = 0;
	for (int k = 0; k < t->n; k++) {
		const struct group *g = &t->g[k];
		char rev[32], avg[32], mn[32], mx[32];
		money(rev, sizeof rev, g->revenue);
		money(avg, sizeof avg, g->quantity ? (g->revenue + g->quantity / 2) / g->quantity : 0);
		money(mn, sizeof mn, g->min_price);
		money(mx, sizeof mx, g->max_price);
		printf("%-12s %7ld %8ld %16s %10s %10s %10s\n", g->key, g->records, g->quantity, rev, avg, mn, mx);
		total += g->revenue;
	}
	char tot[32];
	money(tot, sizeof tot, total);
	printf("%-12s %7s %8s %16s\n", "total", "", "", tot);
}

int main(void)
{
	long records = 0, bad = 0, multiline = 0, quoted_notes = 0;
	int64_t grand = 0;
	size_t longest_note = 0;
	if (!read_record() || nfields != 7 || strcmp(field[0], "date") != 0) {
		printf("missing or unexpected header\n");
		return 0;
	}
	while (read_record()) {
		if (nfields == 1 && field[0][0] == 0)
			continue; /* blank line */
		records++;
		if (line_no - record_line > 1)
			multiline++;
		if (nfields != 7) {
			printf("line %d: expected 7 fields, found %d\n", record_line, nfields);
			bad++;
			continue;
		}
		const char *date = field[0];
		if (strlen(date) != 10 || date[4] != '-' || date[7] != '-') {
			printf("line %d: bad date \"%s\"\n", record_line, date);
			bad++;
			continue;
		}
		char *end;
		long qty = strtol(field[3], &end, 10);
		long price = parse_cents(field[4]);
		if (*end || end == field[3] || qty < 0 || price < 0) {
			printf("line %d: bad quantity or price (\"%s\", \"%s\")\n", record_line, field[3], field[4]);
			bad++;
			continue;
		}
		if (field_truncated)
			printf("line %d: a field was truncated\n", record_line);
		if (strchr(field[6], ',') || strchr(field[6], '"') || strchr(field[6], '\n'))
			quoted_notes++;
		if (strlen(field[6]) > longest_note)
			longest_note = strlen(field[6]);
		char month[8];
		memcpy(month, date, 7);
		month[7] = 0;
		add(&by_region, field[1], qty, price);
		add(&by_product, field[2], qty, price);
		add(&by_month, month, qty, price);
		grand += (int64_t)qty * price;
	}
	char g[32];
	money(g, sizeof g, grand);
	printf("%ld records (%ld rejected, %ld spanning several lines, %ld notes needing quotes, longest note %zu)\n",
	       records, bad, multiline, quoted_notes, longest_note);
	print_table(&by_region, 0);
	print_table(&by_product, 0);
	print_table(&by_month, 1);
	printf("\ngrand total %s\n", g);
	return 0;
}
