#!/bin/bash
# A program without a main() function: a clear error (about the program, so without a line), no image.
# usage: no_main.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/no_main.c" "$TMP/"
cc -o out.ktal no_main.c
expect_error "the program has no main(): define int main(int argc, char **argv)"
# The call to main is the runtime's: its source must not be shown as the program's.
! grep -q "start.c" "$TMP/stderr" || { show; fail "the error points into the runtime"; }
[ ! -e "$TMP/out.ktal" ] || fail "an image was written"

cp "$INPUTS/main_variable.c" "$TMP/"
cc -o out.ktal main_variable.c
expect_error "'main' is a variable: the program needs a function int main(int argc, char **argv)"
[ ! -e "$TMP/out.ktal" ] || fail "an image was written"
echo "ok: no main"
