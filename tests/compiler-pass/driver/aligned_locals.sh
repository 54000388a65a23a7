#!/bin/bash
# Locals aligned beyond 16 bytes live on the unsafe stack, in frames aligned
# as they need (UnsafeStack.cpp): a 64-byte-aligned buffer whose address
# escapes is 64-byte aligned, and -O0's 32-byte vector slots certify, at -O0
# to -Os, with plain clang's output. Before, the safe stack's `and rsp, -32`
# was refused and ktal-cc reported a certifier bug ("rsp must stay an exact
# offset"; gcc's torture tests pr65427, pr70903, pr85169 at -O0), and an
# escaping buffer was only 16-byte aligned.
# usage: aligned_locals.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

as_clang_at_every_level aligned_locals
echo "ok: aligned_locals"
