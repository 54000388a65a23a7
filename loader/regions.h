/*
 * What a helper may touch on a program's behalf, in C: ktal.ko's helpers use
 * this directly, user space through loader/regions.hpp. The verifier proves
 * nothing about helper arguments beyond "plain data", so every helper checks
 * every pointer argument against these windows before touching memory.
 *
 *   readable  [rodata, end of image)   rodata and the sandbox
 *   writable  [sandbox, end of image)  data, bss, heap, unsafe stack, args
 *
 * Addresses are the program's (kernel virtual addresses in ring 0).
 */
#ifndef KTAL_LOADER_REGIONS_H
#define KTAL_LOADER_REGIONS_H

struct ktal_regions {
    unsigned long long ro_lo, ro_hi; /* readable: [ro_lo, ro_hi) */
    unsigned long long wr_lo, wr_hi; /* writable: [wr_lo, wr_hi) */
};

/* [addr, addr + len) lies inside [lo, hi), without overflow. */
static inline int ktal_region_has(unsigned long long lo, unsigned long long hi,
                                  unsigned long long addr, unsigned long long len) {
    return addr >= lo && addr <= hi && len <= hi - addr;
}

static inline int ktal_readable(const struct ktal_regions *r, unsigned long long addr,
                                unsigned long long len) {
    return ktal_region_has(r->ro_lo, r->ro_hi, addr, len);
}

static inline int ktal_writable(const struct ktal_regions *r, unsigned long long addr,
                                unsigned long long len) {
    return ktal_region_has(r->wr_lo, r->wr_hi, addr, len);
}

#endif
