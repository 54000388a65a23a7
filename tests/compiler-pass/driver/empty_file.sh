#!/bin/bash
# An empty file compiles to nothing: the program has no main(), and ktal-cc says so.
# usage: empty_file.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/empty.c" "$TMP/"
cc -o out.ktal empty.c
expect_error "the program has no main()"
[ ! -e "$TMP/out.ktal" ] || fail "an image was written"
echo "ok: empty file"
