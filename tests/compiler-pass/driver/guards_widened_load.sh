#!/bin/bash
# A load the backend widens to its alignment (a 2-byte bitfield container
# aligned to 4, read with movl) is guarded for the wider access: the program
# certifies at every level (before, "access may fall outside its region"),
# reads the right field, and a pointer past the sandbox still traps.
# usage: guards_widened_load.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/widened_load.c" "$TMP/"
for o in -O1 -O2 -Os; do
    cc "$o" -o widened_load.ktal widened_load.c
    expect_success "$o" widened_load.c
    run_user "$TMP/widened_load.ktal" 5 0
    expect_output "-75"
    run_user "$TMP/widened_load.ktal" 5 -32
    expect_output "-78"
    expect_bounds_trap "a pointer 1 GiB past the table ($o)" "$TMP/widened_load.ktal" 5 1073741824
done
echo "ok: guards_widened_load"
