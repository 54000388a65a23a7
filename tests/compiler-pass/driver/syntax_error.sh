#!/bin/bash
# A C syntax error: clang's error at its line, no crash, no image.
# usage: syntax_error.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/syntax_error.c" "$TMP/"
cc -o out.ktal syntax_error.c
expect_error "syntax_error.c:3:"
grep -qE '^syntax_error.c:3:[0-9]+: error: expected expression' "$TMP/stderr" || { show; fail "no clang error at line 3"; }
[ ! -e "$TMP/out.ktal" ] || fail "an image was written"
echo "ok: syntax error"
