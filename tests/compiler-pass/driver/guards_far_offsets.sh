#!/bin/bash
# Constant offsets far from a pointer (p[0x7fffffffffffffff], p[i + 2^63 - 16])
# are the program's to write and ktal-cc's to survive: they compile (no
# overflow in the sums that decide which accesses share a guard), verify,
# and trap at run time with the bounds trap, not a fault.
# usage: guards_far_offsets.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cat > "$TMP/far.c" <<'C'
#include <stdio.h>
__attribute__((noinline)) char far(char *p) { return p[0x7fffffffffffffff]; }
__attribute__((noinline)) char both(char *p, long i) { return p[i + 0x7ffffffffffffff0] + p[i]; }
int main(int argc, char **argv) {
    if (argc == 2) printf("%d\n", far(argv[0]));
    if (argc == 3) printf("%d\n", both(argv[0], 1));
    printf("done\n");
    return 0;
}
C
cc -O2 -o far.ktal far.c
expect_success
"$KTAL" verify "$TMP/far.ktal" > /dev/null || fail "the image does not verify"
out=$("$KTAL" run --user "$TMP/far.ktal") || fail "the image did not run"
[ "$out" = "done" ] || fail "far.ktal printed '$out', not 'done'"
for args in "a" "a b"; do
    expect_bounds_trap "a far access ($args)" "$TMP/far.ktal" $args
done
echo "ok: far constant offsets compile, verify and trap"
