#!/bin/bash
# A static union initialized through its first member reads as zero past it
# (StaticZero.cpp), at -O0 to -Os, as plain clang's program does. The whole
# program is internalized, so -O2 folded such a read into clang's undef
# initializer, a branch on it into undefined behaviour, and the code after
# it vanished: llvm-test-suite's Integer/union-init printed nothing.
# usage: union_static_zero.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/union_static_zero.c" "$TMP/"
for o in -O0 -O1 -O2 -Os; do
    cc "$o" -o union_static_zero.ktal union_static_zero.c
    expect_success "$o" union_static_zero.c
    expect_as_clang union_static_zero
done
echo "ok: union_static_zero"
