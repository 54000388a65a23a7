#!/bin/bash
# va_copy in a function that takes a va_list (not a variadic one) certifies
# at every optimisation level and copies the argument walk (it was left to
# codegen, whose unguarded loads the certifier rejected).
# usage: va_copy.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/va_copy.c" "$TMP/"
for o in -O0 -O1 -O2 -Os; do
    cc "$o" -o va_copy.ktal va_copy.c
    expect_success "$o" va_copy.c
    run_user "$TMP/va_copy.ktal"
    expect_output "1509
1505"
done
echo "ok: va_copy"
