/* wordfreq — word frequencies of stdin.  Words are runs of letters (with
 * inner apostrophes and hyphens), case-folded.  An open-addressing hash
 * table (linear probing, power-of-two capacity, doubling) holds offsets
 * into a growing string arena.  Prints the totals, the 40 most frequent
 * words with a bar chart, the word-length histogram, the longest words and
 * the number of words used once, and checks the counts add up.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct slot {
	uint32_t off; /* offset into the arena + 1; 0 = empty */
	uint32_t hash;
	uint32_t count;
	uint32_t len;
};

static struct slot *slots;
static size_t cap, used;
static char *arena;
static size_t arena_len, arena_cap;
static unsigned resizes;
static unsigned long probes;

static uint32_t hash_word(const char *s, size_t n)
{
	uint32_t h = 0x811C9DC5u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x01000193u;
	}
	h ^= h >> 15;
	h *= 0x2C1B3C6Du;
	h ^= h >> 12;
	return h;
}

static void grow(void)
{
	size_t ncap = cap ? cap * 2 : 256;
	struct slot *ns = calloc(ncap, sizeof *ns);
	if (!ns)
		exit(3);
	for (size_t i = 0; i < cap; i++) {
		if (!slots[i].off)
			continue;
		size_t j = slots[i].hash & (ncap - 1);
		while (ns[j].off)
			j = (j + 1) & (ncap - 1);
		ns[j] = slots[i];
	}
	free(slots);
	slots = ns;
	cap = ncap;
	resizes++;
}

static void add_word(const char *w, size_t n)
{
	if ((used + 1) * 10 > cap * 7)
		grow();
	uint32_t h = hash_word(w, n);
	size_t j = h & (cap - 1);
	for (;;) {
		probes++;
		struct slot *s = &slots[j];
		if (!s->off)
			break;
		if (s->hash == h && s->len == n && memcmp(arena + s->off - 1, w, n) == 0) {
			s->count++;
			return;
		}
		j = (j + 1) & (cap - 1);
	}
	if (arena_len + n + 1 > arena_cap) {
		arena_cap = arena_cap ? arena_cap * 2 : 4096;
		while (arena_len + n + 1 > arena_cap)
			arena_cap *= 2;
		arena = realloc(arena, arena_cap);
		if (!arena)
			exit(3);
	}
	memcpy(arena + arena_len, w, n);
	arena[arena_len + n] = 0;
	slots[j].off = (uint32_t)arena_len + 1;
	slots[j].hash = h;
	slots[j].count = 1;
	slots[j].len = (uint32_t)n;
	arena_len += n + 1;
	used++;
}

static int cmp_freq(const void *pa, const void *pb)
{
	const struct slot *a = pa, *b = pb;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(arena + a->off - 1, arena + b->off - 1);
}

static int cmp_len(const void *pa, const void *pb)
{
	const struct slot *a = pa, *b = pb;
	if (a->len != b->len)
		return a->len > b->len ? -1 : 1;
	return strcmp(arena + a->off - 1, arena + b->off - 1);
}

static char linebuf[2048];

int main(void)
{
	char w[128];
	size_t wl = 0;
	unsigned long total = 0, lines = 0, chars = 0;
	unsigned long hist[21] = { 0 };
	while (fgets(linebuf, sizeof linebuf, stdin)) {
		size_t len = strlen(linebuf);
		chars += len;
		if (len && linebuf[len - 1] == '\n')
			lines++;
		for (size_t i = 0; i <= len; i++) {
			unsigned char c = (unsigned char)linebuf[i];
			int inner = (c == '\'' || c == '-') && wl > 0 && i + 1 < len && isalpha((unsigned char)linebuf[i + 1]);
			if (isalpha(c) || inner) {
				if (wl < sizeof w - 1)
					w[wl++] = (char)tolower(c);
			} else if (wl) {
				add_word(w, wl);
				hist[wl < 20 ? wl : 20]++;
				total++;
				wl = 0;
			}
		}
	}
	printf("%lu lines, %lu characters, %lu words, %zu distinct (table %zu slots, %u resizes, %lu.%02lu probes/word)\n",
	       lines, chars, total, used, cap, resizes, total ? probes / total : 0, total ? probes * 100 / total % 100 : 0);
	struct slot *all = malloc((used ? used : 1) * sizeof *all);
	if (!all)
		return 3;
	size_t k = 0;
	unsigned long sum = 0, once = 0;
	for (size_t i = 0; i < cap; i++)
		if (slots[i].off) {
			all[k++] = slots[i];
			sum += slots[i].count;
			once += slots[i].count == 1;
		}
	qsort(all, k, sizeof *all, cmp_freq);
	unsigned top = k ? all[0].count : 1;
	for (size_t i = 0; i < k && i < 40; i++) {
		int bar = (int)(all[i].count * 50 / top);
		printf("%3zu %-16s %6u %5lu.%02lu%% ", i + 1, arena + all[i].off - 1, all[i].count,
		       all[i].count * 100 / total, all[i].count * 10000 / total % 100);
		for (int b = 0; b < bar; b++)
			putchar('#');
		putchar('\n');
	}
	printf("words used once: %lu (%lu%% of distinct)\n", once, used ? once * 100 / used : 0);
	printf("length histogram:\n");
	for (int l = 1; l <= 20; l++)
		if (hist[l])
			printf("  %2d%s %6lu\n", l, l == 20 ? "+" : " ", hist[l]);
	qsort(all, k, sizeof *all, cmp_len);
	printf("longest words:");
	for (size_t i = 0; i < k && i < 8; i++)
		printf(" %s(%u)", arena + all[i].off - 1, all[i].len);
	printf("\ncounts add up: %s\n", sum == total ? "yes" : "FAIL");
	free(all);
	free(slots);
	free(arena);
	return 0;
}
