/* hashtable — a separately chained hash table on malloc/free with string
 * keys (strdup'ed), FNV-1a hashing, growing and shrinking rehashes.
 *  1. counts the words of stdin;
 *  2. runs 200000 random insert/update/delete/lookup operations on numeric
 *     keys against a shadow array;
 *  3. deletes the words with odd counts and checks what remains;
 *  4. frees everything and checks that every allocation was released.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	char *key;
	uint32_t hash;
	long value;
	struct entry *next;
};

struct table {
	struct entry **buckets;
	size_t nbuckets, size;
	unsigned grows, shrinks;
};

static long live_allocs;

static void *xmalloc(size_t n)
{
	void *p = malloc(n);
	if (!p) {
		fprintf(stderr, "out of memory\n");
		exit(3);
	}
	live_allocs++;
	return p;
}

static void xfree(void *p)
{
	if (p) {
		live_allocs--;
		free(p);
	}
}

static uint32_t fnv1a(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

static void table_init(struct table *t, size_t nb)
{
	t->nbuckets = nb;
	t->size = 0;
	t->grows = t->shrinks = 0;
	t->buckets = calloc(nb, sizeof *t->buckets);
	if (!t->buckets)
		exit(3);
	live_allocs++;
}

static void rehash(struct table *t, size_t nb)
{
	struct entry **nbk = calloc(nb, sizeof *nbk);
	if (!nbk)
		exit(3);
	live_allocs++;
	for (size_t i = 0; i < t->nbuckets; i++) {
		struct entry *e = t->buckets[i];
		while (e) {
			struct entry *next = e->next;
			size_t j = e->hash & (nb - 1);
			e->next = nbk[j];
			nbk[j] = e;
			e = next;
		}
	}
	xfree(t->buckets);
	t->buckets = nbk;
	t->nbuckets = nb;
}

static struct entry *table_find(const struct table *t, const char *key)
{
	uint32_t h = fnv1a(key);
	for (struct entry *e = t->buckets[h & (t->nbuckets - 1)]; e; e = e->next)
		if (e->hash == h && strcmp(e->key, key) == 0)
			return e;
	return NULL;
}

/* returns the entry, creating it with value 0 if absent */
static struct entry *table_upsert(struct table *t, const char *key, int *created)
{
	uint32_t h = fnv1a(key);
	size_t i = h & (t->nbuckets - 1);
	for (struct entry *e = t->buckets[i]; e; e = e->next)
		if (e->hash == h && strcmp(e->key, key) == 0) {
			*created = 0;
			return e;
		}
	struct entry *e = xmalloc(sizeof *e);
	e->key = strdup(key);
	if (!e->key)
		exit(3);
	live_allocs++;
	e->hash = h;
	e->value = 0;
	e->next = t->buckets[i];
	t->buckets[i] = e;
	t->size++;
	*created = 1;
	if (t->size * 4 > t->nbuckets * 3) {
		rehash(t, t->nbuckets * 2);
		t->grows++;
	}
	return e;
}

static int table_delete(struct table *t, const char *key)
{
	uint32_t h = fnv1a(key);
	struct entry **pp = &t->buckets[h & (t->nbuckets - 1)];
	for (; *pp; pp = &(*pp)->next) {
		struct entry *e = *pp;
		if (e->hash == h && strcmp(e->key, key) == 0) {
			*pp = e->next;
			xfree(e->key);
			xfree(e);
			t->size--;
			if (t->nbuckets > 16 && t->size * 8 < t->nbuckets) {
				rehash(t, t->nbuckets / 2);
				t->shrinks++;
			}
			return 1;
		}
	}
	return 0;
}

static void table_free(struct table *t)
{
	for (size_t i = 0; i < t->nbuckets; i++) {
		struct entry *e = t->buckets[i];
		while (e) {
			struct entry *next = e->next;
			xfree(e->key);
			xfree(e);
			e = next;
		}
	}
	xfree(t->buckets);
	t->buckets = NULL;
	t->size = t->nbuckets = 0;
}

static void table_stats(const char *label, const struct table *t)
{
	size_t longest = 0, used = 0;
	for (size_t i = 0; i < t->nbuckets; i++) {
		size_t len = 0;
		for (struct entry *e = t->buckets[i]; e; e = e->next)
			len++;
		if (len)
			used++;
		if (len > longest)
			longest = len;
	}
	printf("%-22s size=%zu buckets=%zu used=%zu longest-chain=%zu grows=%u shrinks=%u\n", label, t->size, t->nbuckets,
	       used, longest, t->grows, t->shrinks);
}

/* order-independent checksum of (key, value) pairs */
static uint64_t table_checksum(const struct table *t)
{
	uint64_t sum = 0;
	for (size_t i = 0; i < t->nbuckets; i++)
		for (struct entry *e = t->buckets[i]; e; e = e->next) {
			uint64_t z = (uint64_t)e->hash * 0x9E3779B97F4A7C15ull + (uint64_t)e->value;
			sum += z ^ (z >> 31);
		}
	return sum;
}

struct pair {
	const char *key;
	long count;
};

static int cmp_pair(const void *pa, const void *pb)
{
	const struct pair *a = pa, *b = pb;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(a->key, b->key);
}

static uint64_t rng_state = 0xDEADBEEFCAFEF00Dull;

static uint64_t rng_next(void)
{
	uint64_t x = rng_state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545F4914F6CDD1Dull;
}

#define NKEYS 20000
static long shadow_val[NKEYS];
static unsigned char shadow_has[NKEYS];

int main(void)
{
	struct table words;
	table_init(&words, 16);
	char w[64];
	size_t wl = 0;
	long total = 0;
	int c;
	int failures = 0;
	do {
		c = getchar();
		if (c != EOF && (isalnum(c) || c == '\'') && wl < sizeof w - 1) {
			w[wl++] = (char)tolower(c);
		} else if (wl) {
			w[wl] = 0;
			int created;
			table_upsert(&words, w, &created)->value++;
			total++;
			wl = 0;
		}
	} while (c != EOF);
	table_stats("words", &words);
	/* top words */
	struct pair *pairs = xmalloc(words.size * sizeof *pairs + 1);
	size_t np = 0;
	long sum = 0;
	for (size_t i = 0; i < words.nbuckets; i++)
		for (struct entry *e = words.buckets[i]; e; e = e->next) {
			pairs[np].key = e->key;
			pairs[np].count = e->value;
			sum += e->value;
			np++;
		}
	qsort(pairs, np, sizeof *pairs, cmp_pair);
	printf("%ld words, %zu distinct, counts add up: %s\n", total, np, sum == total ? "yes" : "FAIL");
	if (sum != total)
		failures++;
	for (size_t i = 0; i < np && i < 12; i++)
		printf("  %-12s %ld\n", pairs[i].key, pairs[i].count);
	xfree(pairs);

	/* random operations against a shadow array */
	struct table nums;
	table_init(&nums, 16);
	long ins = 0, upd = 0, del = 0, hits = 0, misses = 0, mismatches = 0;
	char key[32];
	for (long op = 0; op < 200000; op++) {
		uint64_t r = rng_next();
		unsigned k = (unsigned)((r >> 8) % (op < 100000 ? NKEYS : NKEYS / 8));
		snprintf(key, sizeof key, "key:%u", k);
		switch (r & 3) {
		case 0:
		case 1: {
			int created;
			struct entry *e = table_upsert(&nums, key, &created);
			if (created != !shadow_has[k])
				mismatches++;
			e->value = (long)(r >> 40);
			shadow_val[k] = e->value;
			shadow_has[k] = 1;
			created ? ins++ : upd++;
			break;
		}
		case 2:
			if (table_delete(&nums, key) != shadow_has[k])
				mismatches++;
			if (shadow_has[k])
				del++;
			shadow_has[k] = 0;
			break;
		default: {
			struct entry *e = table_find(&nums, key);
			if ((e != NULL) != shadow_has[k] || (e && e->value != shadow_val[k]))
				mismatches++;
			e ? hits++ : misses++;
			break;
		}
		}
		if (op == 99999)
			table_stats("numbers after 100000", &nums);
		if (op == 100500) {
			/* drop everything outside the hot key range */
			for (unsigned k2 = NKEYS / 8; k2 < NKEYS; k2++)
				if (shadow_has[k2]) {
					snprintf(key, sizeof key, "key:%u", k2);
					if (!table_delete(&nums, key))
						mismatches++;
					shadow_has[k2] = 0;
					del++;
				}
			table_stats("numbers after purge", &nums);
		}
	}
	size_t expect_size = 0;
	for (unsigned k = 0; k < NKEYS; k++)
		expect_size += shadow_has[k];
	table_stats("numbers at the end", &nums);
	printf("inserts=%ld updates=%ld deletes=%ld hits=%ld misses=%ld mismatches=%ld size-ok=%s checksum=%016llx\n", ins,
	       upd, del, hits, misses, mismatches, nums.size == expect_size ? "yes" : "FAIL",
	       (unsigned long long)table_checksum(&nums));
	if (mismatches || nums.size != expect_size)
		failures++;

	/* delete the words with odd counts */
	uint64_t before = table_checksum(&words);
	size_t odd = 0, even = 0;
	long even_total = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < words.nbuckets; i++) {
			struct entry *e = words.buckets[i];
			while (e) {
				struct entry *next = e->next;
				if (pass == 0) {
					if (e->value & 1)
						odd++;
					else {
						even++;
						even_total += e->value;
					}
				} else if (e->value & 1) {
					/* deleting may shrink the table; restart the scan */
					char copy[64];
					snprintf(copy, sizeof copy, "%s", e->key);
					table_delete(&words, copy);
					i = (size_t)-1;
					break;
				}
				e = next;
			}
		}
	}
	long left_total = 0;
	for (size_t i = 0; i < words.nbuckets; i++)
		for (struct entry *e = words.buckets[i]; e; e = e->next)
			left_total += e->value;
	table_stats("words after deletes", &words);
	int del_ok = words.size == even && left_total == even_total;
	printf("odd-count words deleted: %zu, left: %zu (%s), checksum before %016llx after %016llx\n", odd, words.size,
	       del_ok ? "ok" : "FAIL", (unsigned long long)before, (unsigned long long)table_checksum(&words));
	if (!del_ok)
		failures++;
	/* lookups of every remaining word with its count */
	struct entry *the = table_find(&words, "the"), *zz = table_find(&words, "zzzz");
	printf("lookup \"the\": %ld, lookup \"zzzz\": %s\n", the ? the->value : -1, zz ? "found" : "absent");

	table_free(&words);
	table_free(&nums);
	printf("live allocations after freeing: %ld\n", live_allocs);
	if (live_allocs)
		failures++;
	printf("%s\n", failures ? "FAIL" : "all checks passed");
	return 0;
}
