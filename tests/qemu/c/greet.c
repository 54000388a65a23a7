/* A C program through ktal-cc: arguments, stdio, a file. The same
 * output in ring 0 and in user mode. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	printf("hello from %s with %d argument(s)\n", argc > 0 ? "ktal" : "?", argc - 1);
	for (int i = 1; i < argc; i++)
		printf("  argv[%d] = \"%s\" (%zu bytes)\n", i, argv[i], strlen(argv[i]));
	char line[64];
	snprintf(line, sizeof(line), "uid %d", (int)getuid());
	puts(line);
	int fd = open("/tmp/ktal-file.txt", O_RDONLY);
	char buf[64] = {0};
	long n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
	printf("read %ld bytes: %s", n, buf);
	close(fd);
	return argc + 10;
}
