#!/bin/bash
# Calls without a prototype (Dispatch.cpp, call_unprototyped_as_plain):
# through `void (*f)()` and `int (*h)()` pointers (dispatched over the
# functions of the arguments' types), to a function declared `int g();`,
# to old-style definitions. They compile at -O0 to -Os and print what plain
# clang's program prints. Before, each was refused as "a call through a
# pointer to a variadic function" (llvm-test-suite's SimpleIndirectCall).
# usage: unprototyped.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/unprototyped.c" "$TMP/"
for o in -O0 -O1 -O2 -Os; do
    cc "$o" -w -o unprototyped.ktal unprototyped.c
    expect_success "$o" unprototyped.c
    expect_as_clang unprototyped
done
echo "ok: unprototyped"
