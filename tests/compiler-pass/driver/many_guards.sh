#!/bin/bash
# One function with 6,000 guards in straight-line code (each *P[k] loads a
# pointer from memory, so each access has a guard and a trap block of its
# own) compiles, certifies and runs as plain clang's. Such a function took
# the guard pass n^3 time (each guard rescanned the block for calls, once per
# later access: 2,000 guards took 65 s, 6,000 did not finish in 10 minutes),
# the certifier 1.8 GB (states sized for a 4096-byte frame, not the
# function's), and with its trap blocks at the function's end, the verifier's
# state for every guard stayed open to the end (Csmith's seed 669, 7,155
# guards, ran it out of memory).
# usage: many_guards.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

{
    echo '#include <stdio.h>'
    echo 'static int cells[64];'
    echo 'static int *volatile P[64];'
    echo 'int main(void) {'
    echo '    for (int k = 0; k < 64; k++) P[k] = &cells[k];'
    echo '    for (int k = 0; k < 64; k++) cells[k] = k;'
    echo '    unsigned s = 0;'
    for ((i = 0; i < 6000; i++)); do echo "    s = s * 31 + (unsigned)*P[$((i % 64))];"; done
    echo '    printf("%u\n", s);'
    echo '    return 0;'
    echo '}'
} > "$TMP/many_guards.c"
cc -O2 -o many_guards.ktal many_guards.c
expect_success -O2 many_guards.c
"$KTAL" verify "$TMP/many_guards.ktal" > "$TMP/verify.out" || { cat "$TMP/verify.out" >&2; fail "ktal verify"; }
expect_as_clang many_guards
echo "ok: many_guards"
