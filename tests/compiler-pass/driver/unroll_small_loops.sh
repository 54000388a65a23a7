#!/bin/bash
# At -O2 ktal-cc marks small innermost loops (no calls, one exit) to be
# unrolled four times, so one fuel point serves four iterations, and larger
# ones twice when their trip count is a known even number; a larger loop with
# an odd or unknown trip count, a loop that calls a function, or one with
# several exits is left as it is; -Os unrolls nothing. The images verify and
# print what clang -O2 builds print.
# usage: unroll_small_loops.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"
PLUGIN=$(cd "$(dirname "$KTAL_CC")/../lib/ktal" && pwd)/ktal-pass.so
[ -f "$PLUGIN" ] || fail "no pass plugin at $PLUGIN"

cat > "$TMP/loops.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
static unsigned char seen[1 << 16];
static unsigned table[4096];
unsigned mark(unsigned n, unsigned step) { /* small, one exit: unrolled */
    unsigned hits = 0;
    for (unsigned j = 0; j < n; j += step) {
        hits += seen[j & 0xffff];
        seen[j & 0xffff] = 1;
    }
    return hits;
}
unsigned find(unsigned v) { /* two exits: left alone */
    for (unsigned i = 0; i < 4096; i++) {
        if (table[i] == v) return i;
        if (table[i] > v) break;
    }
    return 4096;
}
static unsigned K[64];
/* A larger body (a hash's round): twice when n is known and even. */
static inline unsigned rounds(unsigned *s, int n) {
    unsigned a = s[0], b = s[1], c = s[2], d = s[3], e = s[4];
    for (int i = 0; i < n; i++) {
        unsigned t = ((a << 5) | (a >> 27)) + ((b & c) | (~b & d)) + e + K[i & 63];
        unsigned u = ((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7));
        unsigned v = ((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10));
        e = d + t, d = c, c = (b << 30) | (b >> 2), b = a;
        a = t + u + v + ((a & b) ^ (a & c) ^ (b & c));
    }
    s[0] = a, s[1] = b, s[2] = c, s[3] = d, s[4] = e;
    return a ^ e;
}
unsigned rounds64(unsigned *s) { return rounds(s, 64); }
unsigned rounds63(unsigned *s) { return rounds(s, 63); }
__attribute__((noinline)) unsigned rounds_n(unsigned *s, int n) { return rounds(s, n); }
void show(unsigned n) { /* calls printf: left alone */
    for (unsigned i = 0; i < n; i++) printf("%u ", table[i]);
    printf("\n");
}
int main(int argc, char **argv) {
    unsigned n = argc > 1 ? (unsigned)atoi(argv[1]) : 1000;
    for (unsigned i = 0; i < 4096; i++) table[i] = i * 3;
    unsigned h = mark(n, 3) + mark(n, 7);
    printf("%u %u %u\n", h, find(300), find(301));
    unsigned st[5] = {1, 2, 3, 4, 5};
    for (unsigned i = 0; i < 64; i++) K[i] = i * 0x9e3779b9u;
    printf("%u %u %u\n", rounds64(st), rounds63(st), rounds_n(st, (int)(n % 100)));
    show(5);
    return 0;
}
C
# The pass alone, on clang's -O2 IR: which loops it marks.
clang-19 -O2 -fno-builtin -S -emit-llvm -o "$TMP/loops.ll" "$TMP/loops.c" ||
    fail "clang-19 could not compile the test program"
opt-19 -load-pass-plugin="$PLUGIN" -passes='function(ktal-unroll-hints)' -S \
    -o "$TMP/marked.ll" "$TMP/loops.ll" || fail "opt-19 with ktal-unroll-hints failed"
# unroll_counts FUNCTION: "count N" for each of its loops marked so, "none" for the others.
unroll_counts() {
    local id node
    for id in $(awk -v f="$1" '/^define / { inside = index($0, "@" f "(") > 0 }
                               inside { if (match($0, /!llvm.loop ![0-9]+/)) print substr($0, RSTART + 11, RLENGTH - 11) }
                               /^}/ { inside = 0 }' "$TMP/marked.ll"); do
        node=$(grep -E "^$id = " "$TMP/marked.ll")
        local found=none ref count
        for ref in $(grep -oE '![0-9]+' <<<"${node#*=}"); do
            count=$(sed -nE "s/^$ref = !\{!\"llvm.loop.unroll.count\", i32 ([0-9]+)\}/\1/p" "$TMP/marked.ll")
            [ -n "$count" ] && found="count $count"
        done
        echo "$found"
    done
}
[ "$(unroll_counts mark)" = "count 4" ] || fail "mark's loop is not marked to unroll 4 times: $(unroll_counts mark)"
[ "$(unroll_counts rounds64)" = "count 2" ] ||
    fail "rounds64's loop (64 trips) is not marked to unroll twice: $(unroll_counts rounds64)"
for f in find show rounds63 rounds_n; do
    c=$(unroll_counts "$f")
    [ -n "$c" ] || fail "$f has no loop in clang's IR (the test needs one)"
    grep -q "count" <<<"$c" && fail "$f's loop should not be marked"
done

# Whole images: -O2 unrolls (more fuel-free iterations: more code), -Os not.
clang-19 -O2 -w -o "$TMP/loops.native" "$TMP/loops.c" || fail "clang-19 could not build the native program"
want=$("$TMP/loops.native" 100000)
for level in O2 Os; do
    cc -$level -o loops-$level.ktal loops.c
    expect_success
    "$KTAL" verify "$TMP/loops-$level.ktal" >/dev/null || fail "the -$level image does not verify"
    got=$("$KTAL" run --user "$TMP/loops-$level.ktal" 100000) || fail "the -$level image did not run"
    [ "$got" = "$want" ] || fail "-$level printed '$got', clang -O2 '$want'"
done
echo "ok: mark's loop marked 4 times, rounds64's twice, find's, show's, rounds63's and rounds_n's not; both images verify and print what clang's does"
