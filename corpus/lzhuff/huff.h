/* huff.h — length-limited canonical Huffman codes. */
#ifndef LZHUFF_HUFF_H
#define LZHUFF_HUFF_H

#include "bitio.h"
#include <stdint.h>

#define HUFF_MAX_BITS 15
#define HUFF_MAX_SYMS 288

/* code lengths (0 = unused) for nsym symbols with the given frequencies,
 * none longer than HUFF_MAX_BITS; returns the number of frequency
 * rescalings needed to respect the limit */
int huff_lengths(const uint32_t *freq, int nsym, uint8_t *len);

/* canonical codes from lengths */
void huff_codes(const uint8_t *len, int nsym, uint16_t *code);

struct huff_decoder {
    uint16_t count[HUFF_MAX_BITS + 1];
    uint16_t symbol[HUFF_MAX_SYMS];
};

/* 0 on success, -1 if the lengths over-subscribe the code space */
int huff_decoder_init(struct huff_decoder *d, const uint8_t *len, int nsym);

/* next symbol, or -1 for an invalid code or the end of the input */
int huff_decode(const struct huff_decoder *d, struct bitreader *r);

#endif
