/* The getpid cost, timed inside the program with clock_gettime: in ring 0
 * getpid is a call to a helper, in user mode (ktal run --user) a system call.
 * Prints the nanoseconds per call; argv[1] is the number of calls. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = 0;

	for (const char *p = argc > 1 ? argv[1] : "100000"; *p >= '0' && *p <= '9'; p++)
		n = n * 10 + (*p - '0');
	struct timespec a, b;
	long sum = 0;

	if (n <= 0)
		n = 1;
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (long i = 0; i < n; i++)
		sum += getpid();
	clock_gettime(CLOCK_MONOTONIC, &b);
	long ns = (b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec);
	printf("getpid x %ld: %ld ns, %ld ns per call (pid %ld)\n", n, ns, ns / n, sum / n);
	return 0;
}
