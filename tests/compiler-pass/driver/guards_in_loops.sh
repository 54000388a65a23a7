#!/bin/bash
# Guards in a loop cost what they must and no more: the pointer's offset in
# the sandbox is taken once before the loop (no subtraction inside it), and
# the accesses p[i], p[i + 1], ... of an unrolled iteration share one guard.
# The guard still traps: the same loop run past the sandbox stops with the
# bounds trap, not a fault.
# usage: guards_in_loops.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cat > "$TMP/sum.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
__attribute__((noinline)) unsigned long sum(const unsigned *p, unsigned long n) {
    unsigned long s = 0;
    for (unsigned long i = 0; i < n; i++) s += p[i];
    return s;
}
int main(int argc, char **argv) {
    unsigned long n = argc > 1 ? strtoul(argv[1], 0, 10) : 1000;
    unsigned *p = malloc(1000 * sizeof *p);
    if (!p) return 3;
    for (int i = 0; i < 1000; i++) p[i] = i;
    printf("%lu\n", sum(p, n));
    return 0;
}
C
cc -O2 -o sum.ktal sum.c
expect_success
# sum's main loop: from the target of its first backward jump to that jump
# (the remainder loop comes after it).
llvm-objdump-19 -d --no-show-raw-insn "$TMP/sum.ktal" | awk '/<sum>:/, /^$/' > "$TMP/sum.s"
read -r from to < <(loops "$TMP/sum.s")
loop=$(between "$TMP/sum.s" "${from:-1}" "${to:-0}")
[ -n "$loop" ] || { cat "$TMP/sum.s" >&2; fail "no loop found in sum"; }
loads=$(grep -c 'movl	.*(%' <<<"$loop")
guards=$(grep -cE '	ja	' <<<"$loop")
subs=$(grep -cE '	subq	%' <<<"$loop")
[ "$loads" -ge 2 ] || { echo "$loop" >&2; fail "sum's loop has $loads loads: the test expects an unrolled loop"; }
[ "$subs" -eq 0 ] || { echo "$loop" >&2; fail "sum's loop subtracts a region base $subs times: the offset is not taken before the loop"; }
[ "$guards" -eq 1 ] || { echo "$loop" >&2; fail "sum's loop has $guards guards for its $loads loads, not 1"; }
"$KTAL" verify "$TMP/sum.ktal" > /dev/null || fail "the image does not verify"
out=$("$KTAL" run --user "$TMP/sum.ktal" 1000) || fail "the image did not run"
[ "$out" = "499500" ] || fail "sum.ktal 1000 printed '$out', not 499500"
expect_bounds_trap "sum past the sandbox" "$TMP/sum.ktal" 100000000
echo "ok: $loads loads under 1 guard, no subtraction in the loop; the guard traps past the sandbox"
