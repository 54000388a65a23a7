#!/bin/bash
# Program code whose bytes have an inline fuel point's form (a compare of a
# global with 0, a je over 5 bytes, a call) is three instructions, not a
# fuel point: the decoder takes the form only when it reads the fuel word
# and calls the fuel helper. It certifies at -O0 to -Os and prints what
# plain clang's program prints. Before, -O0's `if (a[16] || a[8]) f();`
# was decoded as one fuel point, the jump to its call landed inside it, and
# ktal-cc reported a certifier bug (gcc's torture test loop-3c).
# usage: fuel_shaped_code.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

as_clang_at_every_level fuel_shaped_code
# The -O0 image has the shape: 48 83 3d <disp32> 00 74 05 e8 <rel32> reading a.
cc -O0 -o shaped.ktal fuel_shaped_code.c
llvm-objdump-19 -d --no-show-raw-insn "$TMP/shaped.ktal" |
    grep -A2 -E 'cmpq[[:space:]]+\$0x0, 0x[0-9a-f]+\(%rip\)[[:space:]]+# 0x[0-9a-f]+ <a\+' |
    grep -qE 'callq.*<report>' || fail "the -O0 image has no fuel-shaped compare of a and call"
echo "ok: fuel_shaped_code"
