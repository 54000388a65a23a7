/* A function that takes a va_list (not itself variadic) and copies it with
 * va_copy, as a vprintf-style helper does: it walks its arguments twice. */
#include <stdarg.h>
#include <stdio.h>

static int __attribute__((noinline)) sum_twice(int n, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int sum = 0, max = 0;
	for (int i = 0; i < n; i++)
		sum += va_arg(ap, int);
	for (int i = 0; i < n; i++) {
		int v = va_arg(again, int);
		max = v > max ? v : max;
	}
	va_end(again);
	return sum * 100 + max;
}

static int stats(int n, ...)
{
	va_list ap;
	va_start(ap, n);
	int r = sum_twice(n, ap);
	va_end(ap);
	return r;
}

int main(void)
{
	printf("%d\n", stats(3, 4, 9, 2));
	printf("%d\n", stats(5, 1, 2, 3, 4, 5));
	return 0;
}
