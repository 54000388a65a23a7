#!/bin/bash
# Two source files make one program (-O2 -o prog.ktal a.c b.c), which runs.
# usage: two_files.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/main.c" "$INPUTS/util.c" "$TMP/"
cc -O2 -o prog.ktal main.c util.c
expect_success -O2 -o prog.ktal main.c util.c
run_user "$TMP/prog.ktal"
expect_output "words 4 checksum 1099032"
run_user "$TMP/prog.ktal" "one two"
expect_output "words 2 checksum 958081"
echo "ok: two files"
