#!/bin/bash
# Accesses share a guard only when they are the same distance from their
# base: p[i] read as an int and as a long are 4i and 8i bytes from p. The
# guards used to key on (p, i) alone, and the long was then read 4i bytes
# from p (mix(buf, 3) returned 12884901890, not 12884901893).
# usage: guards_mixed_widths.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cat > "$TMP/mix.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
__attribute__((noinline)) long mix(void *p, long i) {
    int *a = p;
    long *b = p;
    return a[i] + b[i];
}
int main(int argc, char **argv) {
    long buf[8];
    for (int k = 0; k < 8; k++) buf[k] = (long)k << 32 | (unsigned)(k + 1);
    printf("%ld\n", mix(buf, argc > 1 ? atol(argv[1]) : 3));
    return 0;
}
C
clang-19 -O2 -w -o "$TMP/mix.native" "$TMP/mix.c" || fail "clang-19 could not build the native program"
cc -O2 -o mix.ktal mix.c
expect_success
"$KTAL" verify "$TMP/mix.ktal" > /dev/null || fail "the image does not verify"
for i in 0 1 3 7; do
    got=$("$KTAL" run --user "$TMP/mix.ktal" $i) || fail "the image did not run"
    want=$("$TMP/mix.native" $i)
    [ "$got" = "$want" ] || fail "mix.ktal $i printed '$got', clang -O2 '$want'"
done
echo "ok: an int and a long at one index of one pointer read what clang's program reads"
