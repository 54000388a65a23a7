#!/bin/bash
# Inputs that are neither C sources nor ktal objects, and an unwritable output: clear errors, no crash.
# usage: bad_files.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/hello.c" "$TMP/"
mkdir "$TMP/somedir"
echo "not bitcode" > "$TMP/notes.txt"
echo "#define X 1" > "$TMP/header.h"
cc somedir
expect_error "somedir: is a directory"
cc hello.c notes.txt
expect_error "notes.txt: neither a C source (.c) nor a ktal object"
cc header.h hello.c
expect_error "header.h: neither a C source (.c) nor a ktal object"
cc -c notes.txt
expect_error "notes.txt: -c compiles C sources (.c)"
cc -o no-such-dir/out.ktal hello.c
expect_error "cannot write no-such-dir/out.ktal"
[ ! -e "$TMP/a.ktal" ] || fail "an image was written"
echo "ok: bad files"
