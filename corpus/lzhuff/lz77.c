/* lz77.c — see lz77.h */
#include <string.h>
#include "lz77.h"

static int32_t head[1 << LZ_HASH_BITS];
static int32_t prev[LZ_WINDOW];

static unsigned hash3(const uint8_t *p)
{
	return ((unsigned)p[0] << 10 ^ (unsigned)p[1] << 5 ^ p[2]) & ((1u << LZ_HASH_BITS) - 1);
}

static void insert(const uint8_t *in, size_t n, size_t i)
{
	if (i + LZ_MIN_MATCH > n)
		return;
	unsigned h = hash3(in + i);
	prev[i & (LZ_WINDOW - 1)] = head[h];
	head[h] = (int32_t)i;
}

/* longest match for position i among earlier positions; sets *dist */
static size_t find_match(const uint8_t *in, size_t n, size_t i, int max_chain, size_t *dist, struct lz77_stats *st)
{
	size_t best = 0;
	if (i + LZ_MIN_MATCH > n)
		return 0;
	size_t limit = n - i < LZ_MAX_MATCH ? n - i : LZ_MAX_MATCH;
	int32_t cand = head[hash3(in + i)];
	int chain = max_chain;
	while (cand >= 0 && chain-- > 0) {
		size_t c = (size_t)cand;
		if (c >= i || i - c > LZ_WINDOW)
			break;
		st->chain_steps++;
		if (in[c + best] == in[i + best] && in[c] == in[i]) {
			size_t l = 0;
			while (l < limit && in[c + l] == in[i + l])
				l++;
			if (l > best) {
				best = l;
				*dist = i - c;
				if (l == limit)
					break;
			}
		}
		int32_t nx = prev[c & (LZ_WINDOW - 1)];
		if (nx >= cand)
			break;
		cand = nx;
	}
	return best >= LZ_MIN_MATCH ? best : 0;
}

size_t lz77_tokenize(const uint8_t *in, size_t n, uint32_t *out, int max_chain, struct lz77_stats *st)
{
	size_t nt = 0, i = 0;
	for (size_t h = 0; h < (1u << LZ_HASH_BITS); h++)
		head[h] = -1;
	memset(prev, 0xff, sizeof prev);
	memset(st, 0, sizeof *st);
	while (i < n) {
		size_t dist = 0, len = find_match(in, n, i, max_chain, &dist, st);
		if (len && len < 32 && i + 1 < n) {
			/* lazy: a longer match one byte later wins */
			insert(in, n, i);
			size_t dist2 = 0, len2 = find_match(in, n, i + 1, max_chain, &dist2, st);
			size_t done = 1; /* positions of the match already inserted */
			if (len2 > len) {
				out[nt++] = in[i];
				st->literals++;
				i++;
				len = len2;
				dist = dist2;
				done = 0;
			}
			out[nt++] = LZ_MATCH | (uint32_t)len << 16 | (uint32_t)(dist - 1);
			st->matches++;
			st->match_bytes += len;
			for (size_t k = done; k < len; k++)
				insert(in, n, i + k);
			i += len;
			continue;
		}
		if (len) {
			out[nt++] = LZ_MATCH | (uint32_t)len << 16 | (uint32_t)(dist - 1);
			st->matches++;
			st->match_bytes += len;
			for (size_t k = 0; k < len; k++)
				insert(in, n, i + k);
			i += len;
		} else {
			out[nt++] = in[i];
			st->literals++;
			insert(in, n, i);
			i++;
		}
	}
	return nt;
}
