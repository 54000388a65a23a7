/* Functions named like the runtime's (runtime_names.sh). Neither <unistd.h>
 * nor <sys/socket.h> is included: in ISO C these names are the program's. */
#include <stdio.h>
#include <string.h>

static int sent, total;

/* Not the runtime's write(fd, buf, n): printf must still reach stdout. */
int write(const char *s) {
    return (int)strlen(s);
}

void send(int x) {
    sent++, total += x;
}

/* Returns a struct like the runtime's div, but another one. */
struct pair { long a, b; };
struct pair div(long a) {
    struct pair p = {a / 3, a % 3};
    return p;
}

unsigned random(void) {
    static unsigned x = 7;
    return x = x * 1103515245u + 12345u;
}

int main(void) {
    for (int i = 0; i < 10; i++) send(i);
    struct pair p = div(200);
    unsigned r = random();
    r = random();
    printf("sent %d total %d write %d div %ld %ld random %u\n", sent, total,
           write("four"), p.a, p.b, r);
    char buf[32];
    snprintf(buf, sizeof buf, "%u", random() % 1000);
    puts(buf);
    return 0;
}
