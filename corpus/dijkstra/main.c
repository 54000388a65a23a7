/* dijkstra — single-source shortest paths with a binary heap (decrease-key
 * through a position index) over an adjacency list in compressed form.
 * Reads a weighted undirected graph and queries from stdin, prints
 * distances, the shortest paths (rebuilt from predecessors) and the
 * connected components; then checks Dijkstra against Bellman-Ford on a
 * pseudo-random directed graph.
 *
 * stdin: "n m", m lines "u v w", then query lines "s t".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INF INT64_MAX

struct graph {
	int n, m;
	int *start; /* n+1 offsets into adj */
	int *to;
	int32_t *w;
};

struct edge {
	int u, v;
	int32_t w;
};

/* directed edge list -> compressed adjacency (counting sort by source) */
static void build(struct graph *g, int n, const struct edge *e, int m)
{
	g->n = n;
	g->m = m;
	g->start = calloc((size_t)n + 1, sizeof *g->start);
	g->to = malloc((size_t)(m ? m : 1) * sizeof *g->to);
	g->w = malloc((size_t)(m ? m : 1) * sizeof *g->w);
	int *fill = malloc(((size_t)n + 1) * sizeof *fill);
	if (!g->start || !g->to || !g->w || !fill)
		exit(3);
	for (int i = 0; i < m; i++)
		g->start[e[i].u + 1]++;
	for (int i = 0; i < n; i++)
		g->start[i + 1] += g->start[i];
	memcpy(fill, g->start, ((size_t)n + 1) * sizeof *fill);
	for (int i = 0; i < m; i++) {
		int k = fill[e[i].u]++;
		g->to[k] = e[i].v;
		g->w[k] = e[i].w;
	}
	free(fill);
}

static void graph_free(struct graph *g)
{
	free(g->start);
	free(g->to);
	free(g->w);
}

/* binary min-heap of vertices keyed by dist[], pos[v] = index or -1 */
struct heap {
	int *a, *pos, n;
	const int64_t *key;
	long pushes, pops, decreases;
};

static void heap_swap(struct heap *h, int i, int j)
{
	int t = h->a[i];
	h->a[i] = h->a[j];
	h->a[j] = t;
	h->pos[h->a[i]] = i;
	h->pos[h->a[j]] = j;
}

static void sift_up(struct heap *h, int i)
{
	while (i > 0) {
		int p = (i - 1) / 2;
		int64_t ki = h->key[h->a[i]], kp = h->key[h->a[p]];
		if (kp < ki || (kp == ki && h->a[p] < h->a[i]))
			break;
		heap_swap(h, i, p);
		i = p;
	}
}

static void sift_down(struct heap *h, int i)
{
	for (;;) {
		int l = 2 * i + 1, r = l + 1, s = i;
		if (l < h->n && (h->key[h->a[l]] < h->key[h->a[s]] ||
				 (h->key[h->a[l]] == h->key[h->a[s]] && h->a[l] < h->a[s])))
			s = l;
		if (r < h->n && (h->key[h->a[r]] < h->key[h->a[s]] ||
				 (h->key[h->a[r]] == h->key[h->a[s]] && h->a[r] < h->a[s])))
			s = r;
		if (s == i)
			return;
		heap_swap(h, i, s);
		i = s;
	}
}

static void dijkstra(const struct graph *g, int src, int64_t *dist, int *pred, struct heap *h)
{
	for (int v = 0; v < g->n; v++) {
		dist[v] = INF;
		pred[v] = -1;
		h->pos[v] = -1;
	}
	h->n = 0;
	h->key = dist;
	dist[src] = 0;
	h->a[h->n] = src;
	h->pos[src] = h->n++;
	h->pushes++;
	while (h->n > 0) {
		int u = h->a[0];
		heap_swap(h, 0, h->n - 1);
		h->n--;
		h->pos[u] = -2; /* settled */
		if (h->n)
			sift_down(h, 0);
		h->pops++;
		for (int k = g->start[u]; k < g->start[u + 1]; k++) {
			int v = g->to[k];
			int64_t nd = dist[u] + g->w[k];
			if (h->pos[v] == -2 || nd >= dist[v])
				continue;
			dist[v] = nd;
			pred[v] = u;
			if (h->pos[v] < 0) {
				h->a[h->n] = v;
				h->pos[v] = h->n++;
				h->pushes++;
			} else {
				h->decreases++;
			}
			sift_up(h, h->pos[v]);
		}
	}
}

/* returns the number of rounds, or -1 if a negative cycle were found */
static int bellman_ford(int n, const struct edge *e, int m, int src, int64_t *dist)
{
	for (int v = 0; v < n; v++)
		dist[v] = INF;
	dist[src] = 0;
	for (int round = 1; round <= n; round++) {
		int changed = 0;
		for (int i = 0; i < m; i++)
			if (dist[e[i].u] != INF && dist[e[i].u] + e[i].w < dist[e[i].v]) {
				dist[e[i].v] = dist[e[i].u] + e[i].w;
				changed = 1;
			}
		if (!changed)
			return round;
	}
	return -1;
}

static uint64_t rng_state = 0xA5A5A5A5DEADBEEFull;

static uint64_t rng_next(void)
{
	uint64_t x = rng_state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545F4914F6CDD1Dull;
}

static char line[256];

/* up to max integers from a line; returns how many */
static int parse_ints(const char *s, long *out, int max)
{
	int k = 0;
	char *end;
	while (k < max) {
		long v = strtol(s, &end, 10);
		if (end == s)
			break;
		out[k++] = v;
		s = end;
	}
	return k;
}

static void print_path(const int *pred, int t)
{
	static int path[4096];
	int len = 0;
	for (int v = t; v >= 0 && len < 4096; v = pred[v])
		path[len++] = v;
	for (int k = len - 1; k >= 0; k--)
		printf("%d%s", path[k], k ? " -> " : "");
	printf("  (%d hops)\n", len - 1);
}

int main(void)
{
	int failures = 0;
	long v[3];
	if (!fgets(line, sizeof line, stdin) || parse_ints(line, v, 2) != 2 || v[0] < 1 || v[0] > 100000 || v[1] < 0 ||
	    v[1] > 200000) {
		fprintf(stderr, "bad header\n");
		return 4;
	}
	int n = (int)v[0], m = (int)v[1];
	struct edge *e = malloc((size_t)(2 * m + 1) * sizeof *e);
	if (!e)
		return 3;
	int ne = 0;
	for (int i = 0; i < m; i++) {
		if (!fgets(line, sizeof line, stdin) || parse_ints(line, v, 3) != 3 || v[0] < 0 || v[0] >= n || v[1] < 0 ||
		    v[1] >= n || v[2] < 0) {
			fprintf(stderr, "bad edge line %d\n", i + 2);
			return 4;
		}
		e[ne].u = (int)v[0];
		e[ne].v = (int)v[1];
		e[ne].w = (int32_t)v[2];
		ne++;
		e[ne].u = (int)v[1];
		e[ne].v = (int)v[0];
		e[ne].w = (int32_t)v[2];
		ne++;
	}
	struct graph g;
	build(&g, n, e, ne);
	int64_t *dist = malloc((size_t)n * sizeof *dist), *dist2 = malloc((size_t)n * sizeof *dist2);
	int *pred = malloc((size_t)n * sizeof *pred);
	struct heap h = { 0 };
	h.a = malloc((size_t)n * sizeof *h.a);
	h.pos = malloc((size_t)n * sizeof *h.pos);
	if (!dist || !dist2 || !pred || !h.a || !h.pos)
		return 3;

	/* connected components by BFS (pred used as the queue) */
	int *comp = malloc((size_t)n * sizeof *comp);
	if (!comp)
		return 3;
	for (int i = 0; i < n; i++)
		comp[i] = -1;
	int ncomp = 0, largest = 0;
	for (int s = 0; s < n; s++) {
		if (comp[s] >= 0)
			continue;
		int qh = 0, qt = 0;
		pred[qt++] = s;
		comp[s] = ncomp;
		while (qh < qt) {
			int u = pred[qh++];
			for (int k = g.start[u]; k < g.start[u + 1]; k++)
				if (comp[g.to[k]] < 0) {
					comp[g.to[k]] = ncomp;
					pred[qt++] = g.to[k];
				}
		}
		if (qt > largest)
			largest = qt;
		ncomp++;
	}
	printf("graph: %d vertices, %d edges, %d components (largest %d)\n", n, m, ncomp, largest);

	dijkstra(&g, 0, dist, pred, &h);
	printf("distances from 0:");
	for (int i = 0; i < n && i < 40; i++)
		printf(i % 10 ? " %lld" : "\n  %lld", dist[i] == INF ? -1LL : (long long)dist[i]);
	printf("\n");
	int far = 0;
	for (int i = 0; i < n; i++)
		if (dist[i] != INF && dist[i] > dist[far])
			far = i;
	printf("farthest from 0: %d at %lld\n", far, (long long)dist[far]);
	while (fgets(line, sizeof line, stdin)) {
		if (parse_ints(line, v, 2) != 2 || v[0] < 0 || v[0] >= n || v[1] < 0 || v[1] >= n)
			continue;
		dijkstra(&g, (int)v[0], dist, pred, &h);
		if (dist[v[1]] == INF) {
			printf("%ld to %ld: unreachable\n", v[0], v[1]);
			continue;
		}
		printf("%ld to %ld: distance %lld: ", v[0], v[1], (long long)dist[v[1]]);
		print_path(pred, (int)v[1]);
	}
	/* all sources on the stdin graph: Dijkstra == Bellman-Ford */
	int bad = 0;
	for (int s = 0; s < n; s += 7) {
		dijkstra(&g, s, dist, pred, &h);
		if (bellman_ford(n, e, ne, s, dist2) < 0)
			bad++;
		if (memcmp(dist, dist2, (size_t)n * sizeof *dist) != 0)
			bad++;
	}
	printf("stdin graph, every 7th source: Dijkstra == Bellman-Ford %s\n", bad ? "FAIL" : "ok");
	failures += bad;
	free(comp);
	graph_free(&g);
	free(e);
	free(dist);
	free(dist2);
	free(pred);
	free(h.a);
	free(h.pos);

	/* a pseudo-random directed graph */
	int rn = 2000, rm = 12000;
	struct edge *re = malloc((size_t)rm * sizeof *re);
	if (!re)
		return 3;
	for (int i = 0; i < rm; i++) {
		re[i].u = i < rn - 1 ? i : (int)(rng_next() % (uint64_t)rn);
		re[i].v = i < rn - 1 ? i + 1 : (int)(rng_next() % (uint64_t)rn);
		re[i].w = (int32_t)(i < rn - 1 ? 1000 + rng_next() % 1000 : rng_next() % 5000);
	}
	build(&g, rn, re, rm);
	dist = malloc((size_t)rn * sizeof *dist);
	dist2 = malloc((size_t)rn * sizeof *dist2);
	pred = malloc((size_t)rn * sizeof *pred);
	h.a = malloc((size_t)rn * sizeof *h.a);
	h.pos = malloc((size_t)rn * sizeof *h.pos);
	if (!dist || !dist2 || !pred || !h.a || !h.pos)
		return 3;
	h.pushes = h.pops = h.decreases = 0;
	uint64_t sum = 0;
	bad = 0;
	int rounds_max = 0;
	for (int s = 0; s < 4; s++) {
		int src = (int)(rng_next() % (uint64_t)rn);
		dijkstra(&g, src, dist, pred, &h);
		int rounds = bellman_ford(rn, re, rm, src, dist2);
		if (rounds > rounds_max)
			rounds_max = rounds;
		int reach = 0;
		int64_t ecc = 0;
		for (int i = 0; i < rn; i++) {
			if (dist[i] != dist2[i])
				bad++;
			if (dist[i] != INF) {
				sum += (uint64_t)dist[i];
				reach++;
				if (dist[i] > ecc)
					ecc = dist[i];
			}
		}
		printf("random graph source %4d: %d reachable, eccentricity %lld\n", src, reach, (long long)ecc);
	}
	printf("random graph: sum of distances %llu, heap pushes %ld pops %ld decrease-keys %ld, Bellman-Ford rounds <= %d, "
	       "mismatches %d\n",
	       (unsigned long long)sum, h.pushes, h.pops, h.decreases, rounds_max, bad);
	failures += bad;
	graph_free(&g);
	free(re);
	free(dist);
	free(dist2);
	free(pred);
	free(h.a);
	free(h.pos);
	printf("%s\n", failures ? "FAIL" : "all checks passed");
	return 0;
}
