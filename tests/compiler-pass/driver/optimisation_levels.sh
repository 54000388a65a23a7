#!/bin/bash
# Every optimisation level gives a certified image with the same behaviour.
# usage: optimisation_levels.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/main.c" "$INPUTS/util.c" "$TMP/"
for level in -O0 -O1 -O2 -O3 -Os; do
    cc $level -o prog$level.ktal main.c util.c
    expect_success $level
    run_user "$TMP/prog$level.ktal" "a b c"
    expect_output "words 3 checksum 15563403"
done
echo "ok: -O0 -O1 -O2 -O3 -Os"
