#!/bin/bash
# Divisions by constants that -O2 folds and -O0 emits (Guards.cpp): by -1,
# a negation or 0 (fold_divisions_by_minus_one), certify at -O0 to -Os and
# print what plain clang's program prints; by 0, guarded like a variable
# divisor, traps at -O0. Before, -O0's `idiv` by -1 of a short was refused
# ("idiv may divide the minimum by -1"; gcc's torture test divmod-1) and its
# division by 0 too ("the divisor may be zero"), both as certifier bugs.
# usage: constant_divisors.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

as_clang_at_every_level constant_divisors -w
cc -O0 -w -o constant_divisors.ktal constant_divisors.c
"$KTAL" run --user "$TMP/constant_divisors.ktal" zero > /dev/null 2> "$TMP/trap.err" &&
    fail "a division by the constant 0 did not trap"
grep -q "trapped: division by zero" "$TMP/trap.err" ||
    { cat "$TMP/trap.err" >&2; fail "a division by 0 did not stop with the division trap"; }
echo "ok: constant_divisors"
