// A call through a pointer of variadic type.
// EXPECT-ERROR: 11 a call through a pointer to a variadic function
#include <stdio.h>

static int first(const char *s) { return s[0]; }
static int last(const char *s) { return s[1]; }

static int (*const pick[2])(const char *, ...) = {(void *)first, (void *)last};

int main(int argc, char **argv) {
    return pick[argc & 1]("ab", argc);
}
