#!/bin/bash
# Calls without a prototype (Dispatch.cpp, call_unprototyped_as_plain and
# call_as_defined): through `void (*f)()` and `int (*h)()` pointers
# (dispatched over the functions of the arguments' types), to a function
# declared `int g();`, to old-style definitions, to memset declared
# without parameters, to a void function declared `int finish();`
# in another file. They compile at -O0 to -Os and print what plain clang's
# program prints. Before, each was refused as "a call through a pointer to
# a variadic function" (llvm-test-suite's SimpleIndirectCall), or, at -O0,
# as a call "whose arguments do not match" (403 of gcc's torture tests call
# abort() or exit() with no declaration).
# usage: unprototyped.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/unprototyped.c" "$INPUTS/unprototyped_finish.c" "$TMP/"
clang-19 -O2 -w -o "$TMP/native" "$TMP/unprototyped.c" "$TMP/unprototyped_finish.c" ||
    fail "clang-19 cannot build unprototyped.c"
want=$("$TMP/native") || fail "the native program failed"
for o in -O0 -O1 -O2 -Os; do
    cc "$o" -w -o unprototyped.ktal unprototyped.c unprototyped_finish.c
    expect_success "$o" unprototyped.c
    run_user "$TMP/unprototyped.ktal"
    [ "$(cat "$TMP/run.out")" = "$want" ] || fail "$o: printed '$(cat "$TMP/run.out")', not '$want'"
done
echo "ok: unprototyped"
