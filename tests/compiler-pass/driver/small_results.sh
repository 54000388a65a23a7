#!/bin/bash
# Functions returning a bool, a char or a short that are not inlined: the
# callee writes only al or ax, so the certificate types the result as those
# low bytes, and the program certifies and prints what plain clang's does at
# every level (it was refused: "the result does not have the certified type").
# usage: small_results.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

as_clang_at_every_level small_results
# At -O2 `high` is `setae al; ret`: its result is certified as one byte.
"$KTAL" cert dump "$TMP/small_results.ktal" > "$TMP/cert.txt" || fail "ktal cert dump"
grep -A3 "^function high " "$TMP/cert.txt" | grep -q "result uninit:1" ||
    { cat "$TMP/cert.txt" >&2; fail "high's result is not certified as its low byte"; }
echo "ok: small_results"
