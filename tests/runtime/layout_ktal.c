/* The runtime's constants and layouts (see layout_list.h), compiled exactly
 * like a ktal program, for runtime_misc_test to compare with glibc's. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

struct layout_entry {
	const char *name;
	long long value;
};

#define K(x) { #x, (long long)(x) },
#define SZ(t) { "sizeof(" #t ")", (long long)sizeof(t) },
#define OFF(t, f) { "offsetof(" #t ", " #f ")", (long long)offsetof(t, f) },
const struct layout_entry ktal_layout_table[] = {
#include "layout_list.h"
};
const int ktal_layout_count = sizeof ktal_layout_table / sizeof ktal_layout_table[0];
