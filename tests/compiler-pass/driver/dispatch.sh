#!/bin/bash
# Function pointers become a direct dispatch: tables, callbacks and comparisons run right.
# usage: dispatch.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/dispatch.c" "$TMP/"
cc -o dispatch.ktal dispatch.c
expect_success dispatch.c
run_user "$TMP/dispatch.ktal"
expect_output "add 23
sub -17
mul 756
max 9
chosen add 14
vowels 6"
run_user "$TMP/dispatch.ktal" x
expect_output "add 23
sub -17
mul 756
max 9
chosen sub 6
vowels 6"
echo "ok: dispatch"
