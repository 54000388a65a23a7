#!/bin/bash
# Function pointers with six arguments (no register left for a dispatcher's index) run right.
# usage: dispatch_six_arguments.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/dispatch6.c" "$TMP/"
cc -o dispatch6.ktal dispatch6.c
expect_success dispatch6.c
run_user "$TMP/dispatch6.ktal"
expect_output "120
16"
run_user "$TMP/dispatch6.ktal" x
expect_output "17
240"
echo "ok: six-argument dispatch"
