/* lzhuff — an LZ77 + Huffman compressor and decompressor (a deflate-like
 * format of its own: blocks of up to 8192 tokens, each with canonical
 * Huffman codes for 286 literal/length and 30 distance symbols).
 * Compresses synthetic inputs and stdin, decompresses, checks the round
 * trip byte for byte, feeds the decoder corrupted streams (it must fail
 * cleanly or produce bounded output, never crash), and prints sizes and
 * checksums.  Split over several files: bitio.h, huff.[ch], lz77.[ch].
 *
 * usage: lzhuff MAX_CHAIN ROUNDS
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitio.h"
#include "huff.h"
#include "lz77.h"

#define NLIT 286
#define NDIST 30
#define BLOCK_TOKENS 8192

static const uint16_t len_base[29] = { 3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
				       31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
static const uint8_t len_extra[29] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0 };
static const uint16_t dist_base[30] = { 1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
					193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577 };
static const uint8_t dist_extra[30] = { 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13 };

static int len_code(unsigned len)
{
	int c = 28;
	while (len_base[c] > len)
		c--;
	return c;
}

static int dist_code(unsigned dist)
{
	int c = 29;
	while (dist_base[c] > dist)
		c--;
	return c;
}

static uint32_t crc_table[256];

static void crc_init(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;
		for (int k = 0; k < 8; k++)
			c = (c & 1) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
		crc_table[i] = c;
	}
}

static uint32_t crc32(const uint8_t *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;
	while (n--)
		c = crc_table[(c ^ *p++) & 0xff] ^ (c >> 8);
	return ~c;
}

struct cstats {
	struct lz77_stats lz;
	size_t tokens, blocks;
	int rescales;
};

static uint32_t *tokens;
static size_t tokens_cap;

/* returns the compressed size, 0 if out is too small */
static size_t compress(const uint8_t *in, size_t n, uint8_t *out, size_t cap, int max_chain, struct cstats *cs)
{
	struct bitwriter w;
	bw_init(&w, out, cap);
	bw_put(&w, 'L', 8);
	bw_put(&w, 'Z', 8);
	bw_put(&w, 'H', 8);
	bw_put(&w, '1', 8);
	for (int i = 0; i < 4; i++)
		bw_put(&w, (uint32_t)(n >> (8 * i)) & 0xff, 8);
	if (n > tokens_cap) {
		free(tokens);
		tokens = malloc(n * sizeof *tokens);
		tokens_cap = tokens ? n : 0;
		if (!tokens)
			return 0;
	}
	size_t nt = lz77_tokenize(in, n, tokens, max_chain, &cs->lz);
	cs->tokens = nt;
	cs->blocks = 0;
	cs->rescales = 0;
	size_t start = 0;
	do {
		size_t end = start + BLOCK_TOKENS < nt ? start + BLOCK_TOKENS : nt;
		uint32_t lfreq[NLIT], dfreq[NDIST];
		uint8_t llen[NLIT], dlen[NDIST];
		uint16_t lcode[NLIT], dcode[NDIST];
		memset(lfreq, 0, sizeof lfreq);
		memset(dfreq, 0, sizeof dfreq);
		for (size_t t = start; t < end; t++) {
			uint32_t tok = tokens[t];
			if (tok & LZ_MATCH) {
				lfreq[257 + len_code(LZ_LEN(tok))]++;
				dfreq[dist_code(LZ_DIST(tok))]++;
			} else {
				lfreq[tok]++;
			}
		}
		lfreq[256] = 1;
		cs->rescales += huff_lengths(lfreq, NLIT, llen);
		cs->rescales += huff_lengths(dfreq, NDIST, dlen);
		huff_codes(llen, NLIT, lcode);
		huff_codes(dlen, NDIST, dcode);
		bw_put(&w, end == nt, 1);
		for (int s = 0; s < NLIT; s++)
			bw_put(&w, llen[s], 4);
		for (int s = 0; s < NDIST; s++)
			bw_put(&w, dlen[s], 4);
		for (size_t t = start; t < end; t++) {
			uint32_t tok = tokens[t];
			if (tok & LZ_MATCH) {
				unsigned len = LZ_LEN(tok), dist = LZ_DIST(tok);
				int lc = len_code(len), dc = dist_code(dist);
				bw_put(&w, lcode[257 + lc], llen[257 + lc]);
				if (len_extra[lc])
					bw_put(&w, len - len_base[lc], len_extra[lc]);
				bw_put(&w, dcode[dc], dlen[dc]);
				if (dist_extra[dc])
					bw_put(&w, dist - dist_base[dc], dist_extra[dc]);
			} else {
				bw_put(&w, lcode[tok], llen[tok]);
			}
		}
		bw_put(&w, lcode[256], llen[256]);
		cs->blocks++;
		start = end;
	} while (start < nt);
	bw_flush(&w);
	return w.overflow ? 0 : w.pos;
}

enum { E_OK, E_MAGIC, E_TOOBIG, E_TABLE, E_CODE, E_DIST, E_OVERFLOW, E_TRUNC, E_SHORT, E_COUNT };
static const char *const err_name[E_COUNT] = {
	"ok", "bad magic", "too big", "bad code lengths", "bad code", "bad distance", "output overflow",
	"truncated", "short output",
};

static struct huff_decoder ldec, ddec;

static int decompress(const uint8_t *in, size_t len, uint8_t *out, size_t cap, size_t *outlen)
{
	struct bitreader r;
	br_init(&r, in, len);
	*outlen = 0;
	if (len < 8 || memcmp(in, "LZH1", 4) != 0)
		return E_MAGIC;
	r.bitpos = 32;
	size_t n = br_bits(&r, 8);
	n |= (size_t)br_bits(&r, 8) << 8;
	n |= (size_t)br_bits(&r, 8) << 16;
	n |= (size_t)br_bits(&r, 8) << 24;
	if (n > cap)
		return E_TOOBIG;
	size_t pos = 0;
	for (;;) {
		unsigned last = br_bit(&r);
		uint8_t llen[NLIT], dlen[NDIST];
		for (int s = 0; s < NLIT; s++)
			llen[s] = (uint8_t)br_bits(&r, 4);
		for (int s = 0; s < NDIST; s++)
			dlen[s] = (uint8_t)br_bits(&r, 4);
		if (r.overrun)
			return E_TRUNC;
		if (huff_decoder_init(&ldec, llen, NLIT) || huff_decoder_init(&ddec, dlen, NDIST))
			return E_TABLE;
		for (;;) {
			int sym = huff_decode(&ldec, &r);
			if (sym < 0)
				return r.overrun ? E_TRUNC : E_CODE;
			if (sym < 256) {
				if (pos >= n)
					return E_OVERFLOW;
				out[pos++] = (uint8_t)sym;
				continue;
			}
			if (sym == 256)
				break;
			sym -= 257;
			if (sym >= 29)
				return E_CODE;
			unsigned mlen = len_base[sym] + br_bits(&r, len_extra[sym]);
			int dsym = huff_decode(&ddec, &r);
			if (dsym < 0 || dsym >= 30)
				return r.overrun ? E_TRUNC : E_CODE;
			unsigned dist = dist_base[dsym] + br_bits(&r, dist_extra[dsym]);
			if (r.overrun)
				return E_TRUNC;
			if (dist > pos)
				return E_DIST;
			if (mlen > n - pos)
				return E_OVERFLOW;
			for (unsigned k = 0; k < mlen; k++, pos++)
				out[pos] = out[pos - dist];
		}
		if (last)
			break;
	}
	*outlen = pos;
	return pos == n ? E_OK : E_SHORT;
}

static uint64_t rng_state = 0x2545F4914F6CDD1Dull;

static uint64_t rng_next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static uint8_t *comp_buf, *out_buf;
static size_t comp_cap, out_cap;
static int failures;

static int round_trip(const char *name, const uint8_t *in, size_t n, int max_chain, int verbose)
{
	struct cstats cs;
	size_t clen = compress(in, n, comp_buf, comp_cap, max_chain, &cs);
	size_t olen = 0;
	int err = clen ? decompress(comp_buf, clen, out_buf, out_cap, &olen) : E_OVERFLOW;
	int ok = err == E_OK && olen == n && memcmp(in, out_buf, n) == 0;
	if (!ok)
		failures++;
	if (verbose) {
		printf("%-16s %7zu -> %7zu bytes (%4zu permille) tokens=%zu blocks=%zu crc=%08x comp-crc=%08x %s\n", name, n,
		       clen, n ? clen * 1000 / n : 0, cs.tokens, cs.blocks, crc32(in, n), crc32(comp_buf, clen),
		       ok ? "round-trip ok" : "FAIL");
		if (verbose > 1)
			printf("  literals=%zu matches=%zu match-bytes=%zu avg-match=%zu.%02zu chain-steps=%zu rescales=%d\n",
			       cs.lz.literals, cs.lz.matches, cs.lz.match_bytes,
			       cs.lz.matches ? cs.lz.match_bytes / cs.lz.matches : 0,
			       cs.lz.matches ? cs.lz.match_bytes * 100 / cs.lz.matches % 100 : 0, cs.lz.chain_steps,
			       cs.rescales);
	}
	return (int)clen;
}

static uint8_t input[256 * 1024];
static uint8_t synth[32768];

int main(int argc, char **argv)
{
	int max_chain = argc > 1 ? atoi(argv[1]) : 64;
	int rounds = argc > 2 ? atoi(argv[2]) : 1;
	if (max_chain < 1 || rounds < 1) {
		fprintf(stderr, "usage: lzhuff MAX_CHAIN ROUNDS\n");
		return 2;
	}
	crc_init();
	size_t n = fread(input, 1, sizeof input, stdin);
	size_t biggest = n > sizeof synth ? n : sizeof synth;
	comp_cap = biggest + biggest / 4 + 4096;
	out_cap = biggest;
	comp_buf = malloc(comp_cap);
	out_buf = malloc(out_cap);
	if (!comp_buf || !out_buf)
		return 3;

	/* synthetic inputs */
	round_trip("empty", synth, 0, max_chain, 1);
	synth[0] = 'x';
	round_trip("one byte", synth, 1, max_chain, 1);
	memset(synth, 0, sizeof synth);
	round_trip("32K zeros", synth, sizeof synth, max_chain, 1);
	for (size_t i = 0; i < sizeof synth; i++)
		synth[i] = (uint8_t)"abcabcabd"[i % 9];
	round_trip("periodic", synth, 20000, max_chain, 1);
	for (size_t i = 0; i < sizeof synth; i++)
		synth[i] = (uint8_t)rng_next();
	round_trip("random", synth, 8000, max_chain, 1);
	for (size_t i = 0; i < sizeof synth; i++) {
		uint64_t r = rng_next();
		synth[i] = (uint8_t)((r & 7) < 6 ? 'a' + (r >> 8) % 4 : ' ' + (r >> 16) % 90);
	}
	round_trip("skewed", synth, sizeof synth, max_chain, 1);
	for (size_t i = 0; i < sizeof synth; i++)
		synth[i] = (uint8_t)(i * i >> 7);
	round_trip("quadratic", synth, sizeof synth, max_chain, 1);

	/* stdin at several effort levels */
	round_trip("stdin chain=1", input, n, 1, 1);
	round_trip("stdin chain=8", input, n, 8, 1);
	int clen = 0;
	for (int r = 0; r < rounds; r++)
		clen = round_trip("stdin", input, n, max_chain, r == 0 ? 2 : 0);

	/* corrupted streams: the decoder must reject them or stay in bounds */
	struct cstats cs;
	size_t good = compress(input, n, comp_buf, comp_cap, max_chain, &cs);
	(void)clen;
	int outcome[E_COUNT + 1];
	memset(outcome, 0, sizeof outcome);
	for (int k = 0; k < 24; k++) {
		size_t at = 8 + (size_t)(rng_next() % (good - 8));
		uint8_t bit = (uint8_t)(1u << (rng_next() % 8));
		comp_buf[at] ^= bit;
		size_t olen = 0;
		int err = decompress(comp_buf, k < 20 ? good : good / 2, out_buf, out_cap, &olen);
		int idx = err;
		if (err == E_OK && (olen != n || memcmp(out_buf, input, n) != 0))
			idx = E_COUNT; /* decoded, but to different bytes */
		outcome[idx]++;
		printf("corrupt #%2d byte %6zu bit %02x%s: %s (%zu bytes out)\n", k, at, bit, k < 20 ? "" : " truncated",
		       idx == E_COUNT ? "decoded to different data" : err_name[err], olen);
		comp_buf[at] ^= bit;
	}
	printf("corruption outcomes:");
	for (int e = 0; e <= E_COUNT; e++)
		if (outcome[e])
			printf(" %s=%d", e == E_COUNT ? "different" : err_name[e], outcome[e]);
	printf("\n");
	size_t olen = 0;
	int err = decompress(comp_buf, good, out_buf, out_cap, &olen);
	printf("restored stream: %s\n", err == E_OK && memcmp(out_buf, input, n) == 0 ? "round-trip ok" : "FAIL");
	if (err != E_OK)
		failures++;
	free(tokens);
	free(comp_buf);
	free(out_buf);
	printf("%s\n", failures ? "FAIL" : "all checks passed");
	return 0;
}
