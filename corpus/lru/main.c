/* lru — a least-recently-used cache: a chained hash table for lookup and
 * a doubly linked recency list, one malloc'ed node per entry (freed on
 * eviction).  Runs the get/put commands of stdin on a small cache, then
 * replays skewed pseudo-random traces on caches of several sizes and
 * checks hits, misses and evictions against a naive O(capacity) LRU.
 *
 * usage: lru TRACE_LENGTH
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
	uint32_t key;
	int64_t value;
	struct node *prev, *next; /* recency list, most recent first */
	struct node *chain;       /* hash bucket */
};

struct lru {
	struct node **bucket;
	size_t nbuckets, size, capacity;
	struct node head; /* sentinel of the recency list */
	long hits, misses, evictions;
};

static long live_nodes;

static size_t slot(const struct lru *c, uint32_t key)
{
	uint32_t h = key * 2654435761u;
	return (h ^ (h >> 16)) & (c->nbuckets - 1);
}

static void lru_init(struct lru *c, size_t capacity)
{
	memset(c, 0, sizeof *c);
	c->capacity = capacity;
	c->nbuckets = 1;
	while (c->nbuckets < capacity * 2)
		c->nbuckets *= 2;
	c->bucket = calloc(c->nbuckets, sizeof *c->bucket);
	if (!c->bucket)
		exit(3);
	c->head.prev = c->head.next = &c->head;
}

static void unlink_node(struct node *n)
{
	n->prev->next = n->next;
	n->next->prev = n->prev;
}

static void push_front(struct lru *c, struct node *n)
{
	n->next = c->head.next;
	n->prev = &c->head;
	c->head.next->prev = n;
	c->head.next = n;
}

static struct node *find(struct lru *c, uint32_t key)
{
	for (struct node *n = c->bucket[slot(c, key)]; n; n = n->chain)
		if (n->key == key)
			return n;
	return NULL;
}

static void remove_from_bucket(struct lru *c, struct node *n)
{
	struct node **pp = &c->bucket[slot(c, n->key)];
	while (*pp != n)
		pp = &(*pp)->chain;
	*pp = n->chain;
}

/* returns 1 and the value on a hit */
static int lru_get(struct lru *c, uint32_t key, int64_t *value)
{
	struct node *n = find(c, key);
	if (!n) {
		c->misses++;
		return 0;
	}
	c->hits++;
	unlink_node(n);
	push_front(c, n);
	*value = n->value;
	return 1;
}

/* returns the evicted key + 1, or 0 */
static uint32_t lru_put(struct lru *c, uint32_t key, int64_t value)
{
	struct node *n = find(c, key);
	if (n) {
		n->value = value;
		unlink_node(n);
		push_front(c, n);
		return 0;
	}
	uint32_t evicted = 0;
	if (c->size == c->capacity) {
		struct node *old = c->head.prev;
		unlink_node(old);
		remove_from_bucket(c, old);
		evicted = old->key + 1;
		free(old);
		live_nodes--;
		c->size--;
		c->evictions++;
	}
	n = malloc(sizeof *n);
	if (!n)
		exit(3);
	live_nodes++;
	n->key = key;
	n->value = value;
	size_t s = slot(c, key);
	n->chain = c->bucket[s];
	c->bucket[s] = n;
	push_front(c, n);
	c->size++;
	return evicted;
}

static void lru_free(struct lru *c)
{
	struct node *n = c->head.next;
	while (n != &c->head) {
		struct node *next = n->next;
		free(n);
		live_nodes--;
		n = next;
	}
	free(c->bucket);
	c->bucket = NULL;
}

/* the naive reference: arrays of keys and last-use times */
struct naive {
	uint32_t *key;
	uint64_t *stamp;
	size_t size, capacity;
	uint64_t clock;
	long hits, misses, evictions;
};

static void naive_access(struct naive *c, uint32_t key)
{
	c->clock++;
	for (size_t i = 0; i < c->size; i++)
		if (c->key[i] == key) {
			c->stamp[i] = c->clock;
			c->hits++;
			return;
		}
	c->misses++;
	if (c->size < c->capacity) {
		c->key[c->size] = key;
		c->stamp[c->size++] = c->clock;
		return;
	}
	size_t oldest = 0;
	for (size_t i = 1; i < c->size; i++)
		if (c->stamp[i] < c->stamp[oldest])
			oldest = i;
	c->key[oldest] = key;
	c->stamp[oldest] = c->clock;
	c->evictions++;
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t rng_next(void)
{
	uint64_t x = rng_state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545F4914F6CDD1Dull;
}

/* skewed keys: small keys are much more likely */
static uint32_t skewed_key(void)
{
	uint64_t r = rng_next();
	uint32_t range = 1u << (r % 12); /* 1 .. 2048 */
	return (uint32_t)((r >> 8) % range);
}

static char line[128];

int main(int argc, char **argv)
{
	long trace_len = argc > 1 ? atol(argv[1]) : 30000;
	int failures = 0;
	struct lru c;
	lru_init(&c, 4);
	/* commands: "get K", "put K V", "cap N" (new cache) */
	while (fgets(line, sizeof line, stdin)) {
		char *p = line, *end;
		if (strncmp(p, "get ", 4) == 0) {
			uint32_t k = (uint32_t)strtoul(p + 4, NULL, 10);
			int64_t v;
			if (lru_get(&c, k, &v))
				printf("get %u -> %lld\n", k, (long long)v);
			else
				printf("get %u -> miss\n", k);
		} else if (strncmp(p, "put ", 4) == 0) {
			uint32_t k = (uint32_t)strtoul(p + 4, &end, 10);
			int64_t v = strtoll(end, NULL, 10);
			uint32_t ev = lru_put(&c, k, v);
			if (ev)
				printf("put %u = %lld (evicts %u)\n", k, (long long)v, ev - 1);
			else
				printf("put %u = %lld\n", k, (long long)v);
		} else if (strncmp(p, "cap ", 4) == 0) {
			lru_free(&c);
			lru_init(&c, (size_t)strtoul(p + 4, NULL, 10));
			printf("new cache of capacity %zu\n", c.capacity);
		} else if (strncmp(p, "dump", 4) == 0) {
			printf("cache (most recent first):");
			for (struct node *n = c.head.next; n != &c.head; n = n->next)
				printf(" %u=%lld", n->key, (long long)n->value);
			printf("\n");
		}
	}
	printf("stdin cache: %ld hits, %ld misses, %ld evictions\n", c.hits, c.misses, c.evictions);
	lru_free(&c);

	/* traces */
	static const size_t caps[] = { 1, 16, 64, 256, 1024 };
	for (int k = 0; k < 5; k++) {
		struct naive nv = { 0 };
		nv.capacity = caps[k];
		nv.key = malloc(caps[k] * sizeof *nv.key);
		nv.stamp = malloc(caps[k] * sizeof *nv.stamp);
		if (!nv.key || !nv.stamp)
			return 3;
		lru_init(&c, caps[k]);
		rng_state = 0x9E3779B97F4A7C15ull;
		uint64_t sum = 0;
		for (long i = 0; i < trace_len; i++) {
			uint32_t key = skewed_key();
			int64_t v;
			if (lru_get(&c, key, &v))
				sum += (uint64_t)v;
			else
				lru_put(&c, key, (int64_t)key * 3 + 1);
			naive_access(&nv, key);
		}
		int ok = nv.hits == c.hits && nv.misses == c.misses && nv.evictions == c.evictions;
		failures += !ok;
		printf("capacity %4zu: %6ld hits %6ld misses (%3ld.%ld%% hit rate) %6ld evictions, value sum %llu, %s\n",
		       caps[k], c.hits, c.misses, c.hits * 100 / trace_len, c.hits * 1000 / trace_len % 10, c.evictions,
		       (unsigned long long)sum, ok ? "matches naive LRU" : "FAIL");
		lru_free(&c);
		free(nv.key);
		free(nv.stamp);
	}
	printf("live nodes after freeing: %ld\n", live_nodes);
	if (live_nodes)
		failures++;
	printf("%s\n", failures ? "FAIL" : "all checks passed");
	return 0;
}
