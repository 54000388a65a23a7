#!/bin/bash
# int main(void) compiles and runs at every optimisation level (at -O0 the
# runtime's call main(argc, argv) was left as a call through a pointer of
# another type, an error; -O2's instcombine happened to make it direct).
# usage: main_void.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/main_void.c" "$TMP/"
for o in -O0 -O1 -O2 -Os; do
    cc "$o" -o main_void.ktal main_void.c
    expect_success "$o" main_void.c
    run_user_status 3 "$TMP/main_void.ktal" # main's return value
    expect_output "hello from main(void)"
done
echo "ok: main(void)"
