/* huff.c — Huffman code lengths by the two-queue method on sorted
 * frequencies (no tree recursion: depths are propagated from parents to
 * children in reverse creation order), length limiting by rescaling, and
 * canonical decoding one bit at a time. */
#include <stdlib.h>
#include <string.h>
#include "huff.h"

static uint32_t sort_freq[HUFF_MAX_SYMS];

static int cmp_by_freq(const void *pa, const void *pb)
{
	uint16_t a = *(const uint16_t *)pa, b = *(const uint16_t *)pb;
	if (sort_freq[a] != sort_freq[b])
		return sort_freq[a] < sort_freq[b] ? -1 : 1;
	return (a > b) - (a < b);
}

/* nodes 0..m-1 are the leaves (in sorted order), m..2m-2 internal */
static uint64_t node_weight[2 * HUFF_MAX_SYMS];
static int node_parent[2 * HUFF_MAX_SYMS];
static uint8_t node_depth[2 * HUFF_MAX_SYMS];
static uint16_t leaf_sym[HUFF_MAX_SYMS];

static int build_once(const uint32_t *freq, int nsym, uint8_t *len)
{
	int m = 0;
	for (int s = 0; s < nsym; s++) {
		len[s] = 0;
		if (freq[s])
			leaf_sym[m++] = (uint16_t)s;
	}
	if (m == 0)
		return 0;
	if (m == 1) {
		len[leaf_sym[0]] = 1;
		return 1;
	}
	for (int s = 0; s < nsym; s++)
		sort_freq[s] = freq[s];
	qsort(leaf_sym, (size_t)m, sizeof leaf_sym[0], cmp_by_freq);
	for (int i = 0; i < m; i++)
		node_weight[i] = freq[leaf_sym[i]];
	int leaf = 0, internal = m, next = m;
	while (next < 2 * m - 1) {
		int pick[2];
		for (int k = 0; k < 2; k++) {
			/* smallest of the two queue heads; leaves win ties */
			if (leaf < m && (internal >= next || node_weight[leaf] <= node_weight[internal]))
				pick[k] = leaf++;
			else
				pick[k] = internal++;
		}
		node_weight[next] = node_weight[pick[0]] + node_weight[pick[1]];
		node_parent[pick[0]] = next;
		node_parent[pick[1]] = next;
		next++;
	}
	int root = 2 * m - 2, maxd = 0;
	node_depth[root] = 0;
	for (int i = root - 1; i >= 0; i--) {
		int d = node_depth[node_parent[i]] + 1;
		node_depth[i] = (uint8_t)(d > 255 ? 255 : d);
		if (i < m) {
			len[leaf_sym[i]] = node_depth[i];
			if (d > maxd)
				maxd = d;
		}
	}
	return maxd;
}

static uint32_t scaled[HUFF_MAX_SYMS];

int huff_lengths(const uint32_t *freq, int nsym, uint8_t *len)
{
	int rescale = 0;
	memcpy(scaled, freq, (size_t)nsym * sizeof *freq);
	while (build_once(scaled, nsym, len) > HUFF_MAX_BITS) {
		for (int s = 0; s < nsym; s++)
			if (scaled[s])
				scaled[s] = (scaled[s] >> 1) | 1;
		rescale++;
	}
	return rescale;
}

void huff_codes(const uint8_t *len, int nsym, uint16_t *code)
{
	uint16_t count[HUFF_MAX_BITS + 1], next[HUFF_MAX_BITS + 1];
	memset(count, 0, sizeof count);
	for (int s = 0; s < nsym; s++)
		count[len[s]]++;
	count[0] = 0;
	uint16_t c = 0;
	for (int b = 1; b <= HUFF_MAX_BITS; b++) {
		c = (uint16_t)((c + count[b - 1]) << 1);
		next[b] = c;
	}
	for (int s = 0; s < nsym; s++)
		code[s] = len[s] ? next[len[s]]++ : 0;
}

int huff_decoder_init(struct huff_decoder *d, const uint8_t *len, int nsym)
{
	uint16_t offs[HUFF_MAX_BITS + 2];
	memset(d->count, 0, sizeof d->count);
	for (int s = 0; s < nsym; s++)
		d->count[len[s]]++;
	d->count[0] = 0;
	int left = 1;
	for (int b = 1; b <= HUFF_MAX_BITS; b++) {
		left <<= 1;
		left -= d->count[b];
		if (left < 0)
			return -1;
	}
	offs[1] = 0;
	for (int b = 1; b <= HUFF_MAX_BITS; b++)
		offs[b + 1] = (uint16_t)(offs[b] + d->count[b]);
	for (int s = 0; s < nsym; s++)
		if (len[s])
			d->symbol[offs[len[s]]++] = (uint16_t)s;
	return 0;
}

int huff_decode(const struct huff_decoder *d, struct bitreader *r)
{
	int code = 0, first = 0, index = 0;
	for (int b = 1; b <= HUFF_MAX_BITS; b++) {
		code |= (int)br_bit(r);
		int count = d->count[b];
		if (code - first < count)
			return r->overrun ? -1 : d->symbol[index + (code - first)];
		index += count;
		first += count;
		first <<= 1;
		code <<= 1;
	}
	return -1;
}
