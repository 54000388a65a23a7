// 128-bit division needs a library routine (__divti3) ktal does not have.
// EXPECT-ERROR: 7 division of integers wider than 64 bits
#include <stdio.h>

int main(int argc, char **argv) {
    __int128 big = (__int128)argc << 70;
    long q = (long)(big / (argc + 2));
    printf("%ld\n", q);
    return 0;
}
