#!/bin/bash
# main without a return statement exits with status 0 at -O0 to -Os, and
# ktal-cc does not warn about it. clang ran with -ffreestanding, where main
# is not C's main: at -O0 it returned a stack slot never written, which the
# certifier refused as a ktal-cc bug ("the result does not have the
# certified type"; gcc's torture tests ending in exit(0) without noreturn),
# and every level warned "non-void function does not return a value".
# usage: main_falls_off.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/main_falls_off.c" "$TMP/"
for o in -O0 -O1 -O2 -Os; do
    cc "$o" -o main_falls_off.ktal main_falls_off.c
    expect_success "$o" main_falls_off.c
    ! grep -q "warning" "$TMP/stderr" || { show; fail "$o: ktal-cc warned"; }
    run_user "$TMP/main_falls_off.ktal"
    expect_output "no return statement"
done
echo "ok: main_falls_off"
