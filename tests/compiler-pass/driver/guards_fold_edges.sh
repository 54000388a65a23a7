#!/bin/bash
# The guards' constant offsets at the edges of what rides in the
# displacement (Layout::kFoldSlack, 4 KiB either way): a[i + k] for k at
# 0, +-1, +-1023, +-1024 (4 KiB of ints: the last that folds) and +-1025
# (the first that does not), every element written and read once, i + k
# over the whole array: loads of a table at rodata's start, stores to and
# loads of the sandbox's first object, and a heap array. No legitimate index
# traps (without the windows' empty first page, a[i + 1024] with i = -1024
# would), and every result is clang's.
# usage: guards_fold_edges.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

ks="0 1 -1 1023 -1023 1024 -1024 1025 -1025"
name() { echo "${1/-/m}"; }
{
    echo '#include <stdio.h>'
    echo '#include <stdlib.h>'
    # Loads read one window from rodata's start, stores another from the
    # sandbox's: a table in rodata and an array at the sandbox's start.
    printf 'static const unsigned table[3000] = {'
    for ((i = 0; i < 3000; i++)); do printf '%d,' $(((i * 7919) % 65521)); done
    echo '};'
    echo 'unsigned first[3000] = {1};'
    # One function per k, not inlined: a[i + k] with i unknown to the
    # optimiser, which would otherwise rewrite the loop to count i + k.
    for k in $ks; do
        echo "__attribute__((noinline)) unsigned r$(name $k)(const unsigned *a, long i) { return a[i + ($k)]; }"
        echo "__attribute__((noinline)) void w$(name $k)(unsigned *a, long i, unsigned v) { a[i + ($k)] = v; }"
    done
    echo 'static unsigned long sum_of(const unsigned *a, long n, unsigned long s) {'
    for k in $ks; do
        echo "    for (long m = 0; m < n; m++) s = s * 31 + r$(name $k)(a, m - ($k));"
    done
    echo '    return s;'
    echo '}'
    echo 'static void fill(unsigned *a, long n, unsigned seed) {'
    for k in $ks; do
        echo "    for (long m = 0; m < n; m++) w$(name $k)(a, m - ($k), (unsigned)m * seed + ($k));"
    done
    echo '}'
    echo 'int main(void) {'
    echo '    unsigned *h = malloc(3000 * sizeof *h);'
    echo '    fill(first, 3000, 2654435761u);'
    echo '    fill(h, 3000, 40503u);'
    echo '    printf("%lu %lu %lu\n", sum_of(table, 3000, 5), sum_of(first, 3000, 7), sum_of(h, 3000, 11));'
    echo '    return 0;'
    echo '}'
} > "$TMP/edges.c"
cc -O2 -o edges.ktal edges.c
expect_success
expect_as_clang edges # (a legitimate index that trapped fails here)
# The functions read a[i + k] at displacement 4k (folded) or through an offset
# that includes it (not folded).
llvm-objdump-19 -d --no-show-raw-insn "$TMP/edges.ktal" | awk '/<r1023>:/, /^$/' > "$TMP/r1023.s"
grep -qE '0xffc\(%[a-z0-9]+,%[a-z0-9]+\)' "$TMP/r1023.s" ||
    { cat "$TMP/r1023.s" >&2; fail "a[i + 1023] does not read 0xffc(...) of a checked offset"; }
echo "ok: a[i + k] for k up to +-1025 ints over a table at rodata's start, the sandbox's first object and a heap array: no trap, clang's results"
