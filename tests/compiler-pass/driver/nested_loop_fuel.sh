#!/bin/bash
# A loop head that falls straight into an inner loop's head needs no fuel
# point of its own: every way round the outer loop passes the inner one's.
# Without this, nested loop heads paid one fuel call after another. The image
# (whose runtime's printf nests its loops too) verifies and runs.
# usage: nested_loop_fuel.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cat > "$TMP/nest.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
static unsigned grid[64][64];
int main(int argc, char **argv) {
    unsigned n = argc > 1 ? (unsigned)atoi(argv[1]) % 64 : 64, s = 0;
    for (unsigned r = 0; r < 40; r++)
        for (unsigned i = 0; i < n; i++)
            for (unsigned j = 0; j < n; j++) {
                grid[i][j] = grid[i][j] * 31 + (i ^ j ^ r);
                s += grid[i][j] >> 3;
            }
    printf("%u\n", s);
    return 0;
}
C
clang-19 -O2 -w -o "$TMP/nest.native" "$TMP/nest.c" || fail "clang-19 could not build the native program"
cc -O2 -o nest.ktal nest.c
expect_success
fuel_calls=$(llvm-objdump-19 -d --no-show-raw-insn "$TMP/nest.ktal" | grep -c 'call.*<__ktal_helper_fuel>')
twice=$(llvm-objdump-19 -d --no-show-raw-insn "$TMP/nest.ktal" |
    awk '{ if (prev ~ /call.*<__ktal_helper_fuel>/ && $0 ~ /<__ktal_fuel_word>/) n++; prev = $0 } END { print n + 0 }')
[ "$fuel_calls" -gt 0 ] || fail "the image has no fuel point at all"
[ "$twice" -eq 0 ] || fail "$twice fuel points follow another fuel point"
"$KTAL" verify "$TMP/nest.ktal" > /dev/null || fail "the image does not verify"
got=$("$KTAL" run --user "$TMP/nest.ktal" 50) || fail "the image did not run"
want=$("$TMP/nest.native" 50)
[ "$got" = "$want" ] || fail "nest.ktal printed '$got', clang -O2 '$want'"
echo "ok: $fuel_calls fuel points, none right after another; the image runs as clang's does"
