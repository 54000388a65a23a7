#!/bin/bash
# Local arrays whose addresses escape share one unsafe frame, so a[k], b[k]
# and c[k] are one pointer at three constant offsets plus k: one guard covers
# all three loads (nqueens' avail[row], cols[row], d1[row] and d2[row] each
# paid their own). The shared guard still traps: k far past the frame stops
# with the bounds trap, not a fault.
# usage: guards_shared_frame.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cat > "$TMP/frame.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
__attribute__((noinline)) unsigned pick(unsigned seed, unsigned long k) {
    unsigned a[16], b[16], c[16];
    for (unsigned j = 0; j < 16; j++) {
        a[j] = seed + j;
        b[j] = seed * j;
        c[j] = seed ^ j;
    }
    return a[k] + b[k] * 3 + c[k] * 5;
}
int main(int argc, char **argv) {
    unsigned long k = argc > 1 ? strtoul(argv[1], 0, 10) : 5;
    printf("%u\n", pick(7, k));
    return 0;
}
C
cc -O2 -o frame.ktal frame.c
expect_success
llvm-objdump-19 -d --no-show-raw-insn "$TMP/frame.ktal" | awk '/<pick>:/, /^$/' > "$TMP/pick.s"
# 32-bit loads through base + index (movl, or folded into an addl).
loads=$(grep -cE '[a-z]+l	[^	]*\(%[a-z0-9]+,%[a-z0-9]+\), %e' "$TMP/pick.s")
# The frame's own check (carved out of the unsafe stack) is one `ja`; each
# guard is another.
checks=$(grep -cE '	ja	' "$TMP/pick.s")
[ "$loads" -eq 3 ] || { cat "$TMP/pick.s" >&2; fail "pick has $loads indexed loads: the test expects a[k], b[k] and c[k]"; }
[ "$checks" -eq 2 ] || { cat "$TMP/pick.s" >&2; fail "pick has $((checks - 1)) guards for its 3 loads of one frame, not 1"; }
"$KTAL" verify "$TMP/frame.ktal" > /dev/null || fail "the image does not verify"
for k in 0 5 15; do
    out=$("$KTAL" run --user "$TMP/frame.ktal" $k) || fail "the image did not run"
    want=$(( (7 + k) + 7 * k * 3 + (7 ^ k) * 5 ))
    [ "$out" = "$want" ] || fail "frame.ktal $k printed '$out', not $want"
done
expect_bounds_trap "k past the sandbox" "$TMP/frame.ktal" 1000000000
echo "ok: 3 loads from one unsafe frame under 1 guard; the guard traps past the sandbox"
