#!/bin/bash
# -c makes one ktal object per source; objects (alone or with sources) link into a program.
# usage: objects.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/main.c" "$INPUTS/util.c" "$TMP/"
cc -c main.c util.c
expect_success -c main.c util.c
[ -s "$TMP/main.o" ] && [ -s "$TMP/util.o" ] || fail "-c did not write main.o and util.o"
[ ! -e "$TMP/a.ktal" ] || fail "-c wrote an image"
cc -c -o helpers.o util.c
expect_success -c -o helpers.o util.c
[ -s "$TMP/helpers.o" ] || fail "-c -o helpers.o did not write helpers.o"

cc -o from-objects.ktal main.o util.o
expect_success -o from-objects.ktal main.o util.o
run_user "$TMP/from-objects.ktal"
expect_output "words 4 checksum 1099032"

cc -o mixed.ktal main.c helpers.o
expect_success -o mixed.ktal main.c helpers.o
run_user "$TMP/mixed.ktal"
expect_output "words 4 checksum 1099032"

# No -o: a.ktal, as clang's a.out.
cc main.o util.o
expect_success main.o util.o
[ -s "$TMP/a.ktal" ] || fail "no -o did not write a.ktal"

# -o with -c names one object, so it takes one source.
cc -c -o both.o main.c util.c
expect_error "-o with -c takes one source file"
echo "ok: objects"
