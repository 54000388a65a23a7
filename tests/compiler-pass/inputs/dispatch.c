/* Function pointers: a table of operations, a callback, and a pointer
   compared and stored. Each becomes a direct dispatch over the
   address-taken functions of its type. */
#include <stdio.h>
#include <string.h>

typedef long (*binop)(long, long);

static long add(long a, long b) { return a + b; }
static long sub(long a, long b) { return a - b; }
static long mul(long a, long b) { return a * b; }
static long maxi(long a, long b) { return a > b ? a : b; }

static const struct {
    const char *name;
    binop fn;
} ops[] = {{"add", add}, {"sub", sub}, {"mul", mul}, {"max", maxi}};

static long fold(binop f, const long *v, int n) {
    long acc = v[0];
    for (int i = 1; i < n; i++) acc = f(acc, v[i]);
    return acc;
}

static void visit(const char *s, void (*each)(char)) {
    while (*s) each(*s++);
}

static int vowels;
static void count_vowel(char c) { vowels += strchr("aeiou", c) != 0; }

int main(int argc, char **argv) {
    const long v[] = {3, 9, 4, 7};
    for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++)
        printf("%s %ld\n", ops[i].name, fold(ops[i].fn, v, 4));
    binop chosen = argc > 1 ? sub : add;
    printf("chosen %s %ld\n", chosen == add ? "add" : "sub", chosen(10, 4));
    visit("function pointers", count_vowel);
    printf("vowels %d\n", vowels);
    return 0;
}
