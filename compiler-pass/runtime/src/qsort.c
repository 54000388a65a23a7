/* ktal runtime: qsort and bsearch, without recursion.
 *
 * qsort is a stable bottom-up merge sort (insertion-sorted runs of 8, then
 * merge passes of doubling width between the array and a scratch buffer).
 * glibc's qsort is a stable merge sort too whenever it can get its scratch
 * memory, so for any consistent comparator both give the same order, equal
 * keys included: programs compared against their glibc builds agree. When
 * malloc cannot supply scratch space, an in-place heapsort (not stable) does
 * the job. Neither needs a stack of pending ranges. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef int (*cmp_fn)(const void *, const void *);
typedef uint64_t __attribute__((may_alias, aligned(1))) u64u;
typedef uint32_t __attribute__((may_alias, aligned(1))) u32u;

#define RUN 8
#define SCRATCH 1024 /* small sorts use this instead of malloc */

/* Elements of 4 and 8 bytes (int, long, pointers: most sorts) move as one
 * word: a loop per element would also cost a fuel point per byte. */
static void copy_elem(char *d, const char *s, size_t size)
{
	if (size == 8)
		*(u64u *)d = *(const u64u *)s;
	else if (size == 4)
		*(u32u *)d = *(const u32u *)s;
	else
		memcpy(d, s, size);
}

static void swap_elem(char *a, char *b, size_t size)
{
	if (size == 8) {
		uint64_t t = *(u64u *)a;
		*(u64u *)a = *(u64u *)b;
		*(u64u *)b = t;
		return;
	}
	if (size == 4) {
		uint32_t t = *(u32u *)a;
		*(u32u *)a = *(u32u *)b;
		*(u32u *)b = t;
		return;
	}
	for (size_t i = 0; i < size; i++) {
		char t = a[i];
		a[i] = b[i];
		b[i] = t;
	}
}

static void insertion_runs(char *base, size_t n, size_t size, cmp_fn cmp)
{
	for (size_t lo = 0; lo < n; lo += RUN) {
		size_t hi = n - lo < RUN ? n : lo + RUN;
		for (size_t i = lo + 1; i < hi; i++)
			for (size_t j = i; j > lo && cmp(base + (j - 1) * size, base + j * size) > 0; j--)
				swap_elem(base + (j - 1) * size, base + j * size, size);
	}
}

static void merge_sort(char *base, size_t n, size_t size, cmp_fn cmp, char *tmp)
{
	insertion_runs(base, n, size, cmp);
	char *src = base, *dst = tmp;
	for (size_t width = RUN; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = n - lo < width ? n : lo + width;
			size_t hi = n - lo < 2 * width ? n : lo + 2 * width;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi) {
				if (cmp(src + i * size, src + j * size) <= 0)
					copy_elem(dst + k++ * size, src + i++ * size, size);
				else
					copy_elem(dst + k++ * size, src + j++ * size, size);
			}
			if (i < mid)
				memcpy(dst + k * size, src + i * size, (mid - i) * size);
			else if (j < hi)
				memcpy(dst + k * size, src + j * size, (hi - j) * size);
		}
		char *t = src;
		src = dst;
		dst = t;
	}
	if (src != base)
		memcpy(base, src, n * size);
}

static void sift_down(char *base, size_t root, size_t n, size_t size, cmp_fn cmp)
{
	for (;;) {
		size_t child = 2 * root + 1;
		if (child >= n)
			return;
		if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + root * size, base + child * size) >= 0)
			return;
		swap_elem(base + root * size, base + child * size, size);
		root = child;
	}
}

static void heap_sort(char *base, size_t n, size_t size, cmp_fn cmp)
{
	for (size_t i = n / 2; i-- > 0;)
		sift_down(base, i, n, size, cmp);
	for (size_t end = n - 1; end > 0; end--) {
		swap_elem(base, base + end * size, size);
		sift_down(base, 0, end, size, cmp);
	}
}

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	static __attribute__((aligned(16))) char scratch[SCRATCH];
	if (n < 2 || size == 0)
		return;
	size_t bytes;
	if (__builtin_mul_overflow(n, size, &bytes)) {
		heap_sort(base, n, size, cmp);
		return;
	}
	if (bytes <= SCRATCH) {
		merge_sort(base, n, size, cmp, scratch);
		return;
	}
	char *tmp = malloc(bytes);
	if (!tmp) {
		heap_sort(base, n, size, cmp);
		return;
	}
	merge_sort(base, n, size, cmp, tmp);
	free(tmp);
}

/* glibc's search order, so that among equal keys the same element is found. */
void *bsearch(const void *key, const void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *))
{
	size_t l = 0, u = n;
	while (l < u) {
		size_t idx = (l + u) / 2;
		const char *p = (const char *)base + idx * size;
		int c = cmp(key, p);
		if (c < 0)
			u = idx;
		else if (c > 0)
			l = idx + 1;
		else
			return (void *)p;
	}
	return NULL;
}
