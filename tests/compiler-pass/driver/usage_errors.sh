#!/bin/bash
# Unknown or malformed options: the usage error (exit status 2), no crash.
# usage: usage_errors.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/hello.c" "$TMP/"
check() { # check EXPECTED-MESSAGE ARGS...
    local want=$1
    shift
    cc "$@"
    expect_error "$want"
    [ "$status" -eq 2 ] || { show; fail "ktal-cc $*: exit status $status, not 2"; }
    grep -qF "usage: ktal-cc" "$TMP/stderr" || { show; fail "ktal-cc $*: no usage"; }
}
check "unknown option '--frobnicate'" --frobnicate hello.c
check "unknown option '-fsanitize=address'" -fsanitize=address hello.c
check "no input files"
check "no input files" -O2 -o out.ktal
check "-o needs a value" hello.c -o
check "-I needs a value" hello.c -I
check "unknown optimisation level -O7" -O7 hello.c
check "--stack-budget takes a number of bytes" --stack-budget lots hello.c
[ ! -e "$TMP/out.ktal" ] && [ ! -e "$TMP/a.ktal" ] || fail "an image was written"
echo "ok: usage errors"
