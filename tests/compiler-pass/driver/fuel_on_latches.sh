#!/bin/bash
# A loop that calls nothing pays its fuel point where it jumps back, not at
# its head: entering the loop costs nothing, and a search that stops before
# it goes round (most inner loops of a partition run once or twice) pays no
# fuel at all. The guards' trap calls are helpers, not program code, so they
# do not bring the fuel point back to the head. The image verifies and runs.
# usage: fuel_on_latches.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cat > "$TMP/search.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
static int table[4096];
__attribute__((noinline)) long search(const int *a, long i, int v) {
    while (a[i] < v) i++;
    return i;
}
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 100;
    for (int i = 0; i < 4096; i++) table[i] = 3 * i;
    table[4095] = 1 << 30;
    long s = 0;
    for (int k = 0; k < n; k++) s += search(table, k, 3 * k + 7);
    printf("%ld\n", s);
    return 0;
}
C
clang-19 -O2 -w -o "$TMP/search.native" "$TMP/search.c" || fail "clang-19 could not build the native program"
cc -O2 -o search.ktal search.c
expect_success
llvm-objdump-19 -d --no-show-raw-insn --disassemble-symbols=search "$TMP/search.ktal" > "$TMP/search.dis" ||
    fail "llvm-objdump-19 could not disassemble search"
# Each backward jump: a fuel point lies between its target and it, but not
# in the straight run from the target to the first branch (the loop head).
addr=() text=()
while IFS= read -r line; do
    [[ $line =~ ^\ *([0-9a-f]+): ]] || continue
    addr+=($((16#${BASH_REMATCH[1]}))) text+=("$line")
done < "$TMP/search.dis"
verdict="" jumps=0
for i in "${!addr[@]}"; do
    [[ ${text[i]} =~ $'\t'j[a-z]+$'\t'(0x)?([0-9a-f]+)\ \< ]] || continue
    t=$((16#${BASH_REMATCH[2]}))
    [ "$t" -lt "${addr[i]}" ] || continue
    jumps=$((jumps + 1)) fuel=0
    head=0 # in the straight run from the target to its first branch
    for k in "${!addr[@]}"; do
        [ "${addr[k]}" -eq "$t" ] && head=1
        [ "${addr[k]}" -ge "$t" ] && [ "${addr[k]}" -lt "${addr[i]}" ] || continue
        # An inline fuel point starts with its test of the fuel word (its je is no branch of the loop's).
        if [[ ${text[k]} == *__ktal_fuel_word* ]]; then
            fuel=1
            [ "$head" = 1 ] && verdict="head ${text[k]}"
        fi
        [[ ${text[k]} =~ $'\t'(j[a-z]+|ret) ]] && head=0
    done
    [ -n "$verdict" ] && break
    [ "$fuel" = 1 ] || { verdict="nofuel ${text[i]}"; break; }
done
[ -n "$verdict" ] || verdict="jumps $jumps"
case $verdict in
"jumps 0") fail "search has no backward jump (the test needs a loop)" ;;
jumps*) ;;
head*) fail "search's loop head starts with a fuel call: ${verdict#head }" ;;
*) fail "a backward jump without a fuel call before it: ${verdict#nofuel }" ;;
esac
grep -q "call.*helper_trap" "$TMP/search.dis" || fail "search has no guard (the test needs one)"
"$KTAL" verify "$TMP/search.ktal" > /dev/null || fail "the image does not verify"
got=$("$KTAL" run --user "$TMP/search.ktal" 300) || fail "the image did not run"
want=$("$TMP/search.native" 300)
[ "$got" = "$want" ] || fail "search.ktal printed '$got', clang -O2 '$want'"
echo "ok: each of search's $jumps backward jumps follows a fuel call, none at its loop head; runs as clang's does"
