/* ktal runtime: malloc, free, calloc, realloc, aligned allocation.
 *
 * A boundary-tag allocator over one static arena (the image's "heap arena"),
 * dlmalloc's layout without its tricks:
 *
 *   chunk c (16-aligned):  [prev_foot: 8][head: 8][payload ...]
 *
 * head = size | CINUSE (this chunk in use) | PINUSE (previous chunk in use);
 * prev_foot holds the previous chunk's size, valid only when that chunk is
 * free (so freeing can find it); while the previous chunk is in use, those 8
 * bytes are the end of its payload. So an allocated chunk's payload starts
 * 16-aligned at c + 16 and runs size - 8 bytes, into the next chunk's
 * prev_foot: 8 bytes of overhead per allocation. A free chunk keeps its bin
 * links in its payload. No two free chunks are ever adjacent: free coalesces with both
 * neighbours at once. A zero-sized in-use sentinel ends the arena.
 *
 * Free chunks sit in 280 segregated bins: exact 16-byte classes below 1 KiB,
 * then four bins per power of two. A bitmap of non-empty bins finds the next
 * bin up in a few word tests; inside a large bin the best fit wins.
 * Everything is iterative (no recursion), and nothing is initialised at load
 * time: the arena is set up by the first call. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#ifndef KTAL_HEAP_SIZE
#define KTAL_HEAP_SIZE (8 * 1024 * 1024)
#endif
_Static_assert(KTAL_HEAP_SIZE % 16 == 0 && KTAL_HEAP_SIZE >= 256,
               "KTAL_HEAP_SIZE must be a multiple of 16, at least 256");

/* The arena and its size, KTAL_HEAP_SIZE unless ktal-cc --heap-size sets
 * another for the program (compiler-pass/plugin/Heap.cpp gives both the
 * size asked for, internal, before the whole program is optimised, where
 * the size folds into constants again). Weak, so that compiling the runtime
 * does not fold the default in. */
__attribute__((weak, aligned(16))) char __ktal_heap[KTAL_HEAP_SIZE];
__attribute__((weak)) const size_t __ktal_heap_size = KTAL_HEAP_SIZE;
#define heap __ktal_heap

typedef struct chunk {
	size_t prev_foot;
	size_t head;
	struct chunk *fd, *bk; /* free chunks only */
} chunk;

#define CINUSE ((size_t)1)
#define PINUSE ((size_t)2)
#define FLAGS ((size_t)15)
#define OVERHEAD ((size_t)16) /* chunk start to payload */
#define HEADSIZE ((size_t)8)  /* what a chunk in use costs: its head */
#define MINCHUNK ((size_t)32)
#define MAXREQ (__ktal_heap_size - 64)

#define NSMALL 64
#define NBINS (NSMALL + 4 * 54)
#define NWORDS ((NBINS + 63) / 64)

static chunk *bins[NBINS];
static uint64_t binmap[NWORDS];
static int ready;

static size_t csize(const chunk *c)
{
	return c->head & ~FLAGS;
}

static chunk *at(const chunk *c, size_t off)
{
	return (chunk *)((char *)c + off);
}

static chunk *sentinel(void)
{
	return (chunk *)(heap + __ktal_heap_size - OVERHEAD);
}

static unsigned bin_index(size_t size)
{
	if (size < NSMALL * 16)
		return (unsigned)(size >> 4);
	unsigned b = 63u - (unsigned)__builtin_clzll(size); /* >= 10 */
	return NSMALL + (b - 10) * 4 + (unsigned)((size >> (b - 2)) & 3);
}

static void insert(chunk *c)
{
	unsigned i = bin_index(csize(c));
	c->bk = NULL;
	c->fd = bins[i];
	if (c->fd)
		c->fd->bk = c;
	bins[i] = c;
	binmap[i >> 6] |= 1ull << (i & 63);
}

static void unlink_chunk(chunk *c)
{
	unsigned i = bin_index(csize(c));
	if (c->bk)
		c->bk->fd = c->fd;
	else
		bins[i] = c->fd;
	if (c->fd)
		c->fd->bk = c->bk;
	if (!bins[i])
		binmap[i >> 6] &= ~(1ull << (i & 63));
}

static void init(void)
{
	chunk *c = (chunk *)heap;
	size_t size = __ktal_heap_size - OVERHEAD;
	c->prev_foot = 0;
	c->head = size | PINUSE;
	chunk *s = sentinel();
	s->prev_foot = size;
	s->head = CINUSE;
	insert(c);
	ready = 1;
}

/* The first non-empty bin at or above i, or NBINS. */
static unsigned next_bin(unsigned i)
{
	while (i < NBINS) {
		uint64_t w = binmap[i >> 6] >> (i & 63);
		if (w)
			return i + (unsigned)__builtin_ctzll(w);
		i = (i | 63) + 1;
	}
	return NBINS;
}

static chunk *find(size_t need)
{
	unsigned i = bin_index(need);
	if (i >= NSMALL) {
		chunk *best = NULL;
		for (chunk *c = bins[i]; c; c = c->fd)
			if (csize(c) >= need && (!best || csize(c) < csize(best)))
				best = c;
		if (best)
			return best;
	} else if (bins[i]) {
		return bins[i];
	}
	unsigned j = next_bin(i + 1);
	return j < NBINS ? bins[j] : NULL;
}

/* Mark the free chunk c (already unlinked) in use with `need` bytes, giving
 * the rest back to the bins when it can form a chunk of its own. */
static void take(chunk *c, size_t need)
{
	size_t size = csize(c), rest = size - need;
	if (rest >= MINCHUNK) {
		c->head = need | CINUSE | (c->head & PINUSE);
		chunk *r = at(c, need);
		r->head = rest | PINUSE;
		at(r, rest)->prev_foot = rest;
		insert(r);
	} else {
		c->head |= CINUSE;
		at(c, size)->head |= PINUSE;
	}
}

/* Free the in-use chunk c, coalescing with free neighbours. */
static void release(chunk *c)
{
	size_t size = csize(c);
	chunk *nx = at(c, size);
	if (!(c->head & PINUSE)) {
		chunk *prev = (chunk *)((char *)c - c->prev_foot);
		unlink_chunk(prev);
		size += csize(prev);
		c = prev;
	}
	if (!(nx->head & CINUSE)) {
		unlink_chunk(nx);
		size += csize(nx);
	}
	c->head = size | PINUSE;
	nx = at(c, size);
	nx->prev_foot = size;
	nx->head &= ~PINUSE;
	insert(c);
}

/* Shrink the in-use chunk c to `need` bytes, freeing the tail if it can
 * form a chunk. */
static void trim(chunk *c, size_t need)
{
	size_t size = csize(c);
	if (size - need < MINCHUNK)
		return;
	c->head = need | CINUSE | (c->head & PINUSE);
	chunk *r = at(c, need);
	r->head = (size - need) | CINUSE | PINUSE;
	release(r);
}

static size_t request(size_t n)
{
	size_t need = (n + HEADSIZE + 15) & ~(size_t)15;
	return need < MINCHUNK ? MINCHUNK : need;
}

/* The chunk of a pointer malloc returned, or a fatal error. */
static chunk *checked(void *p, const char *what)
{
	uintptr_t a = (uintptr_t)p, lo = (uintptr_t)heap + OVERHEAD,
		  hi = (uintptr_t)heap + __ktal_heap_size - OVERHEAD;
	if (!ready || (a & 15) || a < lo || a >= hi)
		__ktal_fatal(what, KTAL_TRAP_ABORT);
	chunk *c = (chunk *)(a - OVERHEAD);
	size_t size = csize(c);
	if (!(c->head & CINUSE) || size < MINCHUNK || size > hi - (uintptr_t)c ||
	    !(at(c, size)->head & PINUSE))
		__ktal_fatal(what, KTAL_TRAP_ABORT);
	return c;
}

void *malloc(size_t n)
{
	if (!ready)
		init();
	if (n > MAXREQ) {
		errno = ENOMEM;
		return NULL;
	}
	size_t need = request(n);
	chunk *c = find(need);
	if (!c) {
		errno = ENOMEM;
		return NULL;
	}
	unlink_chunk(c);
	take(c, need);
	return (char *)c + OVERHEAD;
}

void free(void *p)
{
	if (!p)
		return;
	release(checked(p, "free(): invalid pointer\n"));
}

void *calloc(size_t n, size_t size)
{
	size_t total;
	if (__builtin_mul_overflow(n, size, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	void *p = malloc(total);
	if (p)
		memset(p, 0, total);
	return p;
}

void *realloc(void *p, size_t n)
{
	if (!p)
		return malloc(n);
	chunk *c = checked(p, "realloc(): invalid pointer\n");
	if (n == 0) {
		release(c);
		return NULL;
	}
	if (n > MAXREQ) {
		errno = ENOMEM;
		return NULL;
	}
	size_t need = request(n), size = csize(c);
	if (size >= need) {
		trim(c, need);
		return p;
	}
	chunk *nx = at(c, size);
	size_t nsize = (nx->head & CINUSE) ? 0 : csize(nx);
	if (size + nsize >= need) {
		/* Grow into the free chunk that follows. */
		unlink_chunk(nx);
		c->head = (size + nsize) | CINUSE | (c->head & PINUSE);
		at(c, size + nsize)->head |= PINUSE;
		trim(c, need);
		return p;
	}
	if (!(c->head & PINUSE)) {
		chunk *prev = (chunk *)((char *)c - c->prev_foot);
		size_t total = csize(prev) + size + nsize;
		if (total >= need) {
			/* Grow backwards into the free chunk before (and the one
			 * after, if free), moving the data down. */
			unlink_chunk(prev);
			if (nsize)
				unlink_chunk(nx);
			prev->head = total | CINUSE | (prev->head & PINUSE);
			at(prev, total)->head |= PINUSE;
			memmove((char *)prev + OVERHEAD, p, size - HEADSIZE);
			trim(prev, need);
			return (char *)prev + OVERHEAD;
		}
	}
	void *q = malloc(n);
	if (!q)
		return NULL;
	memcpy(q, p, size - HEADSIZE);
	release(c);
	return q;
}

void *reallocarray(void *p, size_t n, size_t size)
{
	size_t total;
	if (__builtin_mul_overflow(n, size, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	return realloc(p, total);
}

void *memalign(size_t align, size_t n)
{
	if (align & (align - 1) || align == 0) {
		errno = EINVAL;
		return NULL;
	}
	if (align <= 16)
		return malloc(n);
	if (n > MAXREQ || align > MAXREQ || n + align > MAXREQ) {
		errno = ENOMEM;
		return NULL;
	}
	char *p = malloc(n + align + MINCHUNK + 16);
	if (!p)
		return NULL;
	chunk *c = (chunk *)(p - OVERHEAD);
	uintptr_t a = ((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1);
	if (a != (uintptr_t)p && a - (uintptr_t)p < MINCHUNK)
		a += align;
	size_t gap = a - (uintptr_t)p;
	if (gap) {
		/* Give the leading gap back as a free chunk of its own. c came
		 * out of a free chunk, so the chunk before it is in use. */
		size_t size = csize(c);
		chunk *nc = at(c, gap);
		nc->head = (size - gap) | CINUSE;
		nc->prev_foot = gap;
		c->head = gap | (c->head & PINUSE);
		insert(c);
		c = nc;
	}
	trim(c, request(n));
	return (char *)c + OVERHEAD;
}

void *aligned_alloc(size_t align, size_t n)
{
	return memalign(align, n);
}

int posix_memalign(void **out, size_t align, size_t n)
{
	if (align < sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	int saved = errno;
	void *p = memalign(align, n);
	errno = saved;
	if (!p)
		return ENOMEM;
	*out = p;
	return 0;
}

size_t malloc_usable_size(void *p)
{
	if (!p)
		return 0;
	return csize(checked(p, "malloc_usable_size(): invalid pointer\n")) - HEADSIZE;
}

/* For tests: walk the arena and the bins and check every invariant. Returns
 * 0 when consistent (and the free-space figures), or a negative code naming
 * the first broken rule. */
int __ktal_heap_check(size_t *free_bytes, size_t *largest_free, size_t *free_chunks)
{
	if (!ready)
		init();
	size_t fb = 0, lg = 0, nf = 0, inbins = 0;
	chunk *end = sentinel();
	chunk *c = (chunk *)heap;
	int prev_free = 0;
	if (!(c->head & PINUSE))
		return -1;
	while (c != end) {
		size_t size = csize(c);
		if (size < MINCHUNK || (size & 15) || size > (size_t)((char *)end - (char *)c))
			return -2;
		int is_free = !(c->head & CINUSE);
		if (!!(c->head & PINUSE) == prev_free)
			return -3;
		if (is_free) {
			if (prev_free)
				return -4; /* two free neighbours */
			if (at(c, size)->prev_foot != size)
				return -5;
			fb += size;
			nf++;
			if (size > lg)
				lg = size;
		}
		prev_free = is_free;
		c = at(c, size);
	}
	if (!(end->head & CINUSE) || !!(end->head & PINUSE) == prev_free)
		return -6;
	for (unsigned i = 0; i < NBINS; i++) {
		int bit = (int)((binmap[i >> 6] >> (i & 63)) & 1);
		if (bit != (bins[i] != NULL))
			return -7;
		chunk *prev = NULL;
		for (chunk *b = bins[i]; b; b = b->fd) {
			if (b->bk != prev || (b->head & CINUSE) || bin_index(csize(b)) != i)
				return -8;
			prev = b;
			if (++inbins > nf)
				return -9;
		}
	}
	if (inbins != nf)
		return -10;
	if (free_bytes)
		*free_bytes = fb;
	if (largest_free)
		*largest_free = lg;
	if (free_chunks)
		*free_chunks = nf;
	return 0;
}
