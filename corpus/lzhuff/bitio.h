/* bitio.h — MSB-first bit writer and reader over caller-owned buffers. */
#ifndef LZHUFF_BITIO_H
#define LZHUFF_BITIO_H

#include <stddef.h>
#include <stdint.h>

struct bitwriter {
    uint8_t *buf;
    size_t cap, pos;
    uint64_t acc;
    unsigned nacc;
    int overflow;
};

static inline void bw_init(struct bitwriter *w, uint8_t *buf, size_t cap) {
    w->buf = buf;
    w->cap = cap;
    w->pos = 0;
    w->acc = 0;
    w->nacc = 0;
    w->overflow = 0;
}

/* append the low n bits of v (n <= 24), most significant first */
static inline void bw_put(struct bitwriter *w, uint32_t v, unsigned n) {
    w->acc = (w->acc << n) | (v & ((1u << n) - 1));
    w->nacc += n;
    while (w->nacc >= 8) {
        w->nacc -= 8;
        if (w->pos < w->cap)
            w->buf[w->pos++] = (uint8_t)(w->acc >> w->nacc);
        else
            w->overflow = 1;
    }
}

static inline void bw_flush(struct bitwriter *w) {
    if (w->nacc) bw_put(w, 0, 8 - w->nacc);
}

struct bitreader {
    const uint8_t *buf;
    size_t len;
    size_t bitpos;
    int overrun;
};

static inline void br_init(struct bitreader *r, const uint8_t *buf, size_t len) {
    r->buf = buf;
    r->len = len;
    r->bitpos = 0;
    r->overrun = 0;
}

static inline unsigned br_bit(struct bitreader *r) {
    size_t byte = r->bitpos >> 3;
    if (byte >= r->len) {
        r->overrun = 1;
        return 0;
    }
    unsigned b = (r->buf[byte] >> (7 - (r->bitpos & 7))) & 1;
    r->bitpos++;
    return b;
}

static inline uint32_t br_bits(struct bitreader *r, unsigned n) {
    uint32_t v = 0;
    while (n--) v = (v << 1) | br_bit(r);
    return v;
}

#endif
