#!/bin/bash
# A program over the stack budget: a plain error with the numbers, not a request for a bug report.
# usage: stack_budget.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/hello.c" "$TMP/"
cc --stack-budget 64 -o out.ktal hello.c
expect_error "bytes of stack; the budget is 64" "--stack-budget"
[ ! -e "$TMP/out.ktal" ] || fail "an image was written"
cc --stack-budget 4096 -o out.ktal hello.c
expect_success --stack-budget 4096
echo "ok: stack budget"
