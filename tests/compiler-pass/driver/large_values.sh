#!/bin/bash
# Structs of more than 8 bytes by value (LargeValues.cpp): a byval argument
# whose copy the callee changes, results of 12, 16 and 40 bytes, an __int128
# result and argument, a large result through a function pointer and from a variadic
# function certify at every optimisation level and print what plain clang's
# program prints. They were refused before ("returns more than 8 bytes by
# value"), which Csmith's programs at -O0 showed.
# usage: large_values.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

as_clang_at_every_level large_values
# The byval copy and the result slots are the caller's, in the sandbox: no
# access through the safe stack of another frame, which the verifier refuses.
"$KTAL" verify "$TMP/large_values.ktal" > "$TMP/verify.out" || { cat "$TMP/verify.out" >&2; fail "ktal verify"; }
echo "ok: large_values"
