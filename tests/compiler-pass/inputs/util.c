/* Two-file program, with main.c. */
long checksum(const char *s) {
    long h = 5381;
    while (*s) h = h * 33 + (unsigned char)*s++;
    return h & 0xffffff;
}

int count_words(const char *s) {
    int n = 0, in = 0;
    for (; *s; s++) {
        int space = *s == ' ';
        if (!space && !in) n++;
        in = !space;
    }
    return n;
}
