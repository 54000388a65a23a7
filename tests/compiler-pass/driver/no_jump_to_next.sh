#!/bin/bash
# No jump to the very next instruction is left in an image: llc (without
# branch folding) leaves one after most conditional branches, and ktal-cc
# removes each from llc's assembly; a conditional jump over a jump
# (jcc L; jmp X; L:) becomes the inverse jump to X. No NOP is left where
# code falls through to it either (the only NOPs are padding after a ret or
# a trap). The image still verifies and runs.
# usage: no_jump_to_next.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cat > "$TMP/loops.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
static unsigned char seen[4096];
int main(int argc, char **argv) {
    unsigned n = argc > 1 ? (unsigned)atoi(argv[1]) : 1000, hits = 0;
    for (unsigned i = 0; i < n; i++) {
        unsigned k = (i * 2654435761u) % n % sizeof seen;
        hits += seen[k];
        seen[k] = 1;
    }
    printf("%u\n", hits);
    return 0;
}
C
cc -O2 -v -o loops.ktal loops.c
expect_success
counts='^ktal-cc: \([0-9]*\) jumps to the next block and \([0-9]*\) jumps over one removed$'
made=$(sed -n "s/$counts/\1/p" "$TMP/stderr")
[ -n "$made" ] && [ "$made" -gt 0 ] || { show; fail "ktal-cc -v did not report jumps to the next block removed"; }
inverted=$(sed -n "s/$counts/\2/p" "$TMP/stderr")
[ -n "$inverted" ] && [ "$inverted" -gt 0 ] || { show; fail "ktal-cc -v did not report inverted jumps"; }
# llvm-objdump prints "ADDR: jmp 0xTARGET <...>" (hex, no leading zeros): a jmp
# whose target is the next instruction's address.
left=$(llvm-objdump-19 -d --no-show-raw-insn "$TMP/loops.ktal" | awk '
    /^ *[0-9a-f]+:/ { addr = substr($1, 1, length($1) - 1);
                      if (want != "" && addr == want) print prev; want = "";
                      if ($2 == "jmp") { want = substr($3, 3); prev = $0 } }')
[ -z "$left" ] || fail "jumps to the next instruction left in the image: $left"
"$KTAL" verify "$TMP/loops.ktal" > /dev/null || fail "the image does not verify"
out=$("$KTAL" run --user "$TMP/loops.ktal" 5000) || fail "the image did not run"
[ "$out" = "1218" ] || fail "loops.ktal 5000 printed '$out', not 1218 (as clang -O2 builds it)"
# A jcc over a jmp that no branch targets: "jcc L" then "jmp X" then L.
over=$(llvm-objdump-19 -d --no-show-raw-insn "$TMP/loops.ktal" | awk '
    /^ *[0-9a-f]+:/ { addr = substr($1, 1, length($1) - 1)
                      if (jmp != "" && addr == want) print jmp
                      jmp = ""
                      if (jcc != "" && $2 == "jmp") { jmp = $0; want = jcc_target }
                      jcc = ""
                      if ($2 ~ /^j/ && $2 != "jmp") { jcc = $0; jcc_target = substr($3, 3) }
                      }')
while IFS= read -r l; do
    [ -n "$l" ] || continue
    a=$(awk '{ print substr($1, 1, length($1) - 1) }' <<<"$l")
    llvm-objdump-19 -d --no-show-raw-insn "$TMP/loops.ktal" | grep -qE "	j[a-z]+	0x$a " ||
        fail "a conditional jump over an untargeted jump left in the image: $l"
done <<<"$over"
# A NOP that code can fall into: one whose run does not follow a ret, a jmp
# or a call of the trap helper (which never returns).
reached=$(llvm-objdump-19 -d --no-show-raw-insn "$TMP/loops.ktal" | awk '
    /^ *[0-9a-f]+:/ { if ($2 ~ /^nop/ && prev !~ /^nop/ && prev != "retq" && prev != "jmp" &&
                          !(prev == "callq" && prevline ~ /<__ktal_helper_trap>/)) print $0
                      prev = $2; prevline = $0 }')
[ -z "$reached" ] || fail "NOPs that code falls through to: $reached"
echo "ok: $made jumps to the next block removed, $inverted conditional jumps inverted"
