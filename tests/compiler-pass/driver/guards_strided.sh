#!/bin/bash
# A column of a matrix, a[k * n + j] over k, in loads, stores, a
# read-modify-write and a search upwards with an early exit: the guards
# check an offset stepped by 4n (or -4n) each iteration
# (StrideOffsets.cpp), so the loops multiply nothing; before, each access
# recomputed k * n with an imul. (The multiply that finds the first offset,
# before the loop, stays.) Results as clang's; a column run past the matrix
# stops with the bounds trap, from the load and from the store. A 32-bit
# index that wraps (which no 64-bit step describes) keeps clang's results.
# usage: guards_strided.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cat > "$TMP/columns.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
__attribute__((noinline)) long column_sum(const int *a, long n, long j, long rows) {
    long s = 0;
    for (long k = 0; k < rows; k++) s += a[k * n + j];
    return s;
}
__attribute__((noinline)) void column_fill(int *a, long n, long j, long rows, int v) {
    for (long k = 0; k < rows; k++) a[k * n + j] = v + (int)k;
}
__attribute__((noinline)) void column_bump(int *a, long n, long j, long rows) {
    for (long k = 0; k < rows; k++) a[k * n + j] += 3;
}
/* upwards from the last row, stopping at the first negative entry */
__attribute__((noinline)) long column_find(const int *a, long n, long j, long rows) {
    for (long k = rows - 1; k >= 0; k--)
        if (a[k * n + j] < 0) return k;
    return -1;
}
/* a 32-bit index that wraps: the stepped offset must wrap the same way */
__attribute__((noinline)) unsigned column_wrap(const unsigned char *b, unsigned n, unsigned rows) {
    unsigned s = 0;
    for (unsigned k = 0; k < rows; k++) s += b[(k * n + 7u) % 4096u];
    return s;
}
int main(int argc, char **argv) {
    long n = argc > 3 ? strtol(argv[3], 0, 0) : 97; /* not a constant the optimiser sees */
    int *a = malloc(n * n * sizeof *a);
    for (long i = 0; i < n * n; i++) a[i] = (int)(i * 2654435761u >> 7);
    long total = 0;
    for (long j = 0; j < n; j += 5) {
        column_fill(a, n, j, n - j, (int)j);
        column_bump(a, n, (j * 3) % n, n);
        total += column_sum(a, n, j, n) ^ column_sum(a, n, (j * 7) % n, n / 2 + 1);
    }
    a[40 * n + 3] = -1;
    total += column_find(a, n, 3, n) * 1000 + column_find(a, n, 4, n);
    total += column_wrap((const unsigned char *)a, (unsigned)n * 0x01000001u, 300);
    printf("%ld\n", total);
    if (argc > 2) column_fill(a, n, 1, strtol(argv[2], 0, 0), 7);
    if (argc > 1) printf("%ld\n", column_sum(a, n, 1, strtol(argv[1], 0, 0)));
    return 0;
}
C
cc -O2 -o columns.ktal columns.c
expect_success
expect_as_clang columns
for f in column_sum column_fill column_bump column_find; do
    llvm-objdump-19 -d --no-show-raw-insn "$TMP/columns.ktal" | awk "/<$f>:/, /^\$/" > "$TMP/$f.s"
    grep -q 'j[a-z]*	0x' "$TMP/$f.s" || fail "no jumps found in $f's disassembly"
    muls=$(while read -r from to; do between "$TMP/$f.s" "$from" "$to"; done < <(loops "$TMP/$f.s") |
        grep -E $'\timul' | sort -u | sed 's/^ *\([0-9a-f]*\):.*/\1/')
    [ -z "$muls" ] ||
        { cat "$TMP/$f.s" >&2; fail "$f multiplies in its loop (at $(echo $muls)): the strided offset is not stepped"; }
done
for args in "100000000" "0 100000000"; do
    expect_bounds_trap "a column past the matrix (args $args)" "$TMP/columns.ktal" $args
done
echo "ok: strided loads, stores and updates step their offsets (no imul); results as clang's; the bounds trap"
