#!/bin/bash
# A static union initialized through its first member reads as zero past it
# (StaticZero.cpp), at -O0 to -Os, as plain clang's program does. The whole
# program is internalized, so -O2 folded such a read into clang's undef
# initializer, a branch on it into undefined behaviour, and the code after
# it vanished: llvm-test-suite's Integer/union-init printed nothing.
# usage: union_static_zero.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

as_clang_at_every_level union_static_zero
echo "ok: union_static_zero"
