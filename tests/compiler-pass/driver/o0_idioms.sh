#!/bin/bash
# clang -O0's code for __builtin_ffs, a vector read back as one word, a
# local written on every path taken (but not on every path), and a function
# that may fall off its end (after abort() declared without noreturn; its
# result unused), and a 16-byte union made from a number and passed by
# value: each certifies
# at -O0 to -Os and prints what plain clang's program prints. At -O0 each
# was refused as a certifier bug (gcc's torture tests ffs-1, 20050607-1,
# pr68185): the verifier's cmov kept bsf's stale destination, it read two
# 4-byte halves as nothing, and the local's slot was stale on the path not
# taken, the function returned its result slot unwritten (gcc's torture
# tests 20060930-1, 20041218-1), and the union's upper half went to the
# callee unwritten (960416-1, 980223). Now cmov refines through bsf's flags, two
# data halves are data, and -O0 zeroes every slot of a frame on entry, the
# program's locals, clang's own slots and its temporaries (ZeroSlots.cpp).
# usage: o0_idioms.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

as_clang_at_every_level o0_idioms
echo "ok: o0_idioms"
