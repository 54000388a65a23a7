// The address of a variadic function (its arguments are laid out per call),
// reported where the table that holds it is used.
// EXPECT-ERROR: 13 the address of the variadic function 'report'
// EXPECT-ERROR: 13 the address of the variadic function 'printf'
#include <stdarg.h>
#include <stdio.h>

static int report(const char *fmt, ...) { return fmt[0]; }

static int (*const loggers[2])(const char *, ...) = {printf, report};

int main(int argc, char **argv) {
    return loggers[argc & 1]("%d\n", argc);
}
