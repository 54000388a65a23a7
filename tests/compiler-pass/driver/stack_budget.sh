#!/bin/bash
# A program over the stack budget: a plain error with the numbers, not a
# request for a bug report, at the source line of the function with the
# largest frame among the calls that use the most stack, which it lists
# (it stood at the runtime's start.c, whatever used the stack; a Csmith
# program at -O0 now points at its func_1, 1,672 of 4,672 bytes).
# usage: stack_budget.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/hello.c" "$TMP/"
cc --stack-budget 64 -o out.ktal hello.c
expect_error "bytes of stack (" "the budget is 64" "--stack-budget"
[ ! -e "$TMP/out.ktal" ] || fail "an image was written"
# The calls that use the most stack, each function's frame in bytes, from
# the entry down; the error stands at the largest frame's source line.
grep -qE '^[^ :]+\.c:[0-9]+: ktal-cc: error: the program may use [0-9]+ bytes of stack \(frames in bytes, deepest calls: __ktal_start [0-9]+ -> main [0-9]+ -> ' "$TMP/stderr" ||
    { show; fail "the budget error lists no calls or stands at no source line"; }
cc --stack-budget 4096 -o out.ktal hello.c
expect_success --stack-budget 4096
echo "ok: stack budget"
