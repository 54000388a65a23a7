// A helper is called by slot, never through a pointer.
// EXPECT-ERROR: 12 the address of the helper '__ktal_helper_write'
#include <stdio.h>

long __ktal_helper_write(long fd, long buf, long len);
static long quiet(long fd, long buf, long len) { return len; }

static long (*const writers[2])(long, long, long) = {__ktal_helper_write, quiet};

int main(int argc, char **argv) {
    static const char msg[] = "hi\n";
    return (int)writers[argc & 1](1, (long)msg, 3);
}
