#!/bin/bash
# Selections the backend makes with cmov: between two globals' addresses
# (then one load), for `x ? a : b` on ints, longs and vectors, and between
# shorts (a 16-bit cmov, in the absolute value of a char or a short). Each
# certifies at -O0 to -Os and prints what plain clang's program prints.
# Before, the verifier made a selected pointer a number and refused the
# 16-bit form, and ktal-cc reported a certifier bug ("cannot certify ...
# memory accessed through an integer", "16-bit cmov"; gcc's torture tests
# pr65427 and arith-rand).
# usage: select_globals.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

as_clang_at_every_level select_globals
# The -Os image has both cmov forms (or the test would not test them).
llvm-objdump-19 -d --no-show-raw-insn -M intel "$TMP/select_globals.ktal" > "$TMP/dis"
grep -qE 'cmov[a-z]+[[:space:]]+r[a-z0-9]+, r' "$TMP/dis" || fail "no 64-bit cmov in the image"
grep -qE 'cmov[a-z]+[[:space:]]+[a-d]x, ' "$TMP/dis" || fail "no 16-bit cmov in the image"
echo "ok: select_globals"
