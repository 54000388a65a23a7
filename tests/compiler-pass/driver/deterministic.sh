#!/bin/bash
# Deterministic output: the same command twice gives byte-identical images (and objects).
# usage: deterministic.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/dispatch.c" "$INPUTS/main.c" "$INPUTS/util.c" "$TMP/"
for n in 1 2; do
    cc -O2 -o dispatch$n.ktal dispatch.c
    expect_success
    cc -O2 -o two$n.ktal main.c util.c
    expect_success
    cc -c -o util$n.o util.c
    expect_success
done
cmp "$TMP/dispatch1.ktal" "$TMP/dispatch2.ktal" || fail "two compiles of dispatch.c differ"
cmp "$TMP/two1.ktal" "$TMP/two2.ktal" || fail "two compiles of main.c util.c differ"
cmp "$TMP/util1.o" "$TMP/util2.o" || fail "two compiles of util.c -c differ"
echo "ok: deterministic"
