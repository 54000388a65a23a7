#!/bin/bash
# Vector divisions (GCC's vector extension) become one guarded scalar
# division per lane (Guards.cpp, scalarize_vector_divisions): the program
# certifies at -O0 to -Os and prints what plain clang's prints, and a zero
# lane traps as a scalar division by zero does. Before, the division guard
# branched on a vector compare and opt stopped ("Branch condition is not
# 'i1' type!", LLVM ERROR: Broken module found; gcc's torture test pr60960).
# usage: vector_division.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

as_clang_at_every_level vector_division
"$KTAL" run --user "$TMP/vector_division.ktal" zero > /dev/null 2> "$TMP/trap.err" &&
    fail "a vector division by a zero lane did not trap"
grep -q "trapped: division by zero" "$TMP/trap.err" ||
    { cat "$TMP/trap.err" >&2; fail "a zero lane did not stop with the division trap"; }
echo "ok: vector_division"
