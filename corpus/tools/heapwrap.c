/* heapwrap.c — heap accounting for the native reference build of the corpus.
 *
 * check-native.sh links every corpus program with
 *   -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free,--wrap=strdup
 * and this file, so every allocation the program itself makes is counted
 * (allocations glibc makes internally, e.g. stdio buffers, are not: they are
 * not the program's heap).  At exit it writes
 *   peak=<bytes> total=<bytes> allocs=<n>
 * to the file named by $KTAL_HEAP_REPORT.  Sizes are malloc_usable_size(),
 * i.e. slightly more than requested: a conservative measure.
 *
 * This is test infrastructure, not a corpus program: it may use anything.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);

static size_t cur, peak, total;
static unsigned long nallocs;

static void add(void *p)
{
	if (!p)
		return;
	size_t s = malloc_usable_size(p);
	cur += s;
	total += s;
	nallocs++;
	if (cur > peak)
		peak = cur;
}

static void sub(void *p)
{
	if (p)
		cur -= malloc_usable_size(p);
}

void *__wrap_malloc(size_t n)
{
	void *p = __real_malloc(n);
	add(p);
	return p;
}

void *__wrap_calloc(size_t n, size_t m)
{
	void *p = __real_calloc(n, m);
	add(p);
	return p;
}

void *__wrap_realloc(void *o, size_t n)
{
	size_t old = o ? malloc_usable_size(o) : 0;
	void *p = __real_realloc(o, n);
	if (p || n == 0)
		cur -= old;
	add(p);
	return p;
}

void __wrap_free(void *p)
{
	sub(p);
	__real_free(p);
}

char *__wrap_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = __wrap_malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

__attribute__((destructor)) static void heapwrap_report(void)
{
	const char *f = getenv("KTAL_HEAP_REPORT");
	if (!f)
		return;
	char buf[160];
	int k = snprintf(buf, sizeof buf, "peak=%zu total=%zu allocs=%lu\n", peak, total, nallocs);
	int fd = open(f, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return;
	if (write(fd, buf, (size_t)k) < 0) {
		/* nothing to do */
	}
	close(fd);
}
