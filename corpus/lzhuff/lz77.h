/* lz77.h — LZ77 tokenizer with hash chains and one-step lazy matching. */
#ifndef LZHUFF_LZ77_H
#define LZHUFF_LZ77_H

#include <stddef.h>
#include <stdint.h>

#define LZ_WINDOW 32768
#define LZ_MIN_MATCH 3
#define LZ_MAX_MATCH 258
#define LZ_HASH_BITS 15

/* a token: literal byte b is (b); a match is LZ_MATCH | len << 16 | (dist - 1) */
#define LZ_MATCH 0x80000000u
#define LZ_LEN(t) (((t) >> 16) & 0x1ff)
#define LZ_DIST(t) (((t) & 0xffff) + 1)

struct lz77_stats {
    size_t literals, matches, match_bytes, chain_steps;
};

/* tokenizes in[0..n) into out (room for n tokens); returns the count */
size_t lz77_tokenize(const uint8_t *in, size_t n, uint32_t *out, int max_chain,
                     struct lz77_stats *st);

#endif
