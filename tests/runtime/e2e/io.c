/* An end-to-end program for the runtime's I/O: files through stdio and
 * through the system calls, reading stdin in several ways, buffering order
 * between stdout and stderr. Built against ktal and against glibc, its
 * output must be identical (compare.sh runs it in a scratch directory). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	/* stdin: a character, a pushed-back one, then lines, then the rest. */
	int c = getchar();
	ungetc(c, stdin);
	char line[64];
	if (!fgets(line, sizeof line, stdin))
		return 1;
	printf("first char %c, first line: %s", c, line);
	size_t n = fread(line, 1, 20, stdin);
	printf("fread %zu: %.20s\n", n, line);
	long total = 0;
	while ((c = getc(stdin)) != EOF)
		total += c;
	printf("rest sum %ld eof %d\n", total, feof(stdin) != 0);

	/* A file written through stdio, read back through the system calls. */
	FILE *f = fopen("data.txt", "w");
	if (!f) {
		perror("fopen");
		return 1;
	}
	for (int i = 0; i < 500; i++)
		fprintf(f, "record %03d %s\n", i, i % 2 ? "odd" : "even");
	printf("ftell %ld\n", ftell(f));
	fclose(f);
	int fd = open("data.txt", O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0)
		return 2;
	printf("size %ld regular %d\n", (long)st.st_size, S_ISREG(st.st_mode));
	char buf[32];
	lseek(fd, 15 * 100, SEEK_SET);
	ssize_t r = read(fd, buf, 15);
	printf("read %zd: %.14s\n", r, buf);
	close(fd);

	/* Append, then a read-write stream. */
	f = fopen("data.txt", "a");
	fputs("appended\n", f);
	fclose(f);
	f = fopen("data.txt", "r+");
	fseek(f, -9, SEEK_END);
	printf("tail: %s", fgets(buf, sizeof buf, f));
	rewind(f);
	fputs("RECORD", f);
	fseek(f, 0, SEEK_SET);
	printf("head: %s", fgets(buf, sizeof buf, f));
	fclose(f);

	/* Errors through errno. */
	errno = 0;
	if (open("missing/file", O_RDONLY) < 0)
		printf("open failed: %s\n", strerror(errno));
	if (close(1000) < 0)
		perror("close");
	if (!fopen("missing/file", "r"))
		perror("fopen missing");

	/* Time moves forward. */
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	usleep(1000);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("time moves: %d\n", b.tv_sec > a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec > a.tv_nsec));
	printf("time sane: %d\n", time(NULL) > 1600000000);

	/* stdout is a file here: fully buffered, so stderr's line comes first
	 * only within stderr; both files are compared separately. */
	printf("before stderr\n");
	fprintf(stderr, "to stderr\n");
	printf("after stderr\n");
	exit(5);
}
