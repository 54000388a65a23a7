// Recursion through another file: only the whole program shows it.
// WITH: parts/ping.c
// EXPECT-ERROR: parts/ping.c:6 recursion (pong -> ping -> pong)
#include <stdio.h>

int ping(int n);

int pong(int n) {
    return n > 0 ? ping(n - 1) : 0;
}

int main(int argc, char **argv) {
    printf("%d\n", pong(argc));
    return 0;
}
