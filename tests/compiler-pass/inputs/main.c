/* Two-file program, with util.c: main calls across files. */
#include <stdio.h>

long checksum(const char *s);
int count_words(const char *s);

int main(int argc, char **argv) {
    const char *text = argc > 1 ? argv[1] : "the quick brown fox";
    printf("words %d checksum %ld\n", count_words(text), checksum(text));
    return 0;
}
