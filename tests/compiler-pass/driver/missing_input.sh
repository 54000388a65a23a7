#!/bin/bash
# A missing input file: a clear error naming it, exit status non-zero, no crash, no image.
# usage: missing_input.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cc -o out.ktal no-such-file.c
expect_error "no-such-file.c: no such file"
[ ! -e "$TMP/out.ktal" ] || fail "an image was written"
cc -c no-such-file.c
expect_error "no-such-file.c: no such file"
echo "ok: missing input"
