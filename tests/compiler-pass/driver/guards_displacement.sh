#!/bin/bash
# A guard checks p + i * 4 and leaves a small constant offset to the access's
# displacement: in a scan unrolled with early exits, a[i], a[i + 1], a[i + 2]
# and a[i + 3] have one offset register and four limits, and the loads read
# 0x4(...), 0x8(...), 0xc(...) of it. Backwards (a[i - 1], ...) the offset is
# taken 4 KiB low. This is free of false traps because the first page of
# rodata and of the sandbox holds no object (loader/ktal.ld), which the test
# checks too. The results are clang's; far indices stop with the bounds trap.
# usage: guards_displacement.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cat > "$TMP/scan.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
int first[8] = {1, 2, 3, 4, 5, 6, 7, 8};
__attribute__((noinline)) long up(const int *a, long i, int pivot) {
    while (a[i] < pivot) i++;
    return i;
}
__attribute__((noinline)) long down(const int *a, long j, int pivot) {
    while (a[j] > pivot) j--;
    return j;
}
int main(int argc, char **argv) {
    long k = argc > 1 ? strtol(argv[1], 0, 10) : 0;
    int *h = malloc(64 * sizeof *h);
    for (int n = 0; n < 64; n++) h[n] = n;
    /* first[i + 1] from i = -1: the first object of the sandbox at i + 1 = 0 */
    long s = 0;
    for (long i = -1; i < 7; i++) s += first[i + 1] * (i + 2);
    printf("%ld %ld %ld %ld %ld\n", s, up(h, 0, 40), down(h, 63, 20), up(first, 0, 6),
           down(first, 7, 3));
    if (k) printf("%ld\n", up(h, k, 1 << 30));
    return 0;
}
C
cc -O2 -o scan.ktal scan.c
expect_success
expect_as_clang scan

llvm-objdump-19 -d --no-show-raw-insn "$TMP/scan.ktal" > "$TMP/scan.s"
awk '/<up>:/, /^$/' "$TMP/scan.s" > "$TMP/up.s"
for d in 0x4 0x8 0xc; do
    grep -qE "	(movl|cmpl)	(.*[ 	])?$d\(%[a-z0-9]+,%[a-z0-9]+\)" "$TMP/up.s" ||
        { cat "$TMP/up.s" >&2; fail "up's unrolled loads do not read $d(...) of one checked offset"; }
done
awk '/<down>:/, /^$/' "$TMP/scan.s" > "$TMP/down.s"
grep -qE "	(movl|cmpl)	(.*[ 	])?0xffc\(%[a-z0-9]+,%[a-z0-9]+\)" "$TMP/down.s" ||
    { cat "$TMP/down.s" >&2; fail "down's a[j - 1] does not read 0xffc(...) of an offset taken 4 KiB low"; }

# The first page of each window holds no object: no symbol there, and the
# bytes are zero.
sym() { llvm-nm-19 "$TMP/scan.ktal" | awk -v s="$1" '$3 == s { print $1 }'; }
for region in rodata sandbox; do
    start=$((16#$(sym __ktal_${region}_start)))
    while read -r addr _ name; do
        a=$((16#$addr))
        if [ "$a" -ge "$start" ] && [ "$a" -lt $((start + 4096)) ] && [[ "$name" != __ktal_* ]]; then
            fail "$name lies in the first page of $region"
        fi
    done < <(llvm-nm-19 "$TMP/scan.ktal")
    nonzero=$(llvm-objcopy-19 -O binary --only-section=$([ $region = rodata ] && echo .rodata || echo .data) \
        "$TMP/scan.ktal" /dev/stdout | head -c 4096 | tr -d '\0' | wc -c)
    [ "$nonzero" -eq 0 ] || fail "the first page of $region holds $nonzero non-zero bytes"
done

expect_bounds_trap "a scan past the sandbox" "$TMP/scan.ktal" 1000000000000
echo "ok: unrolled scans check one offset with 4 limits (displacements 0x4..0xc, 0xffc down); the windows' first pages are empty; results as clang's; the bounds trap"
