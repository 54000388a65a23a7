#!/bin/bash
# -v shows each command ktal-cc runs (clang, llvm-link, opt, llc, llvm-mc, ld.lld) and the certification.
# usage: verbose.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/hello.c" "$TMP/"
cc -v -DFROM_TEST=1 -o hello.ktal hello.c
expect_success -v
for tool in clang-19 llvm-link-19 opt-19 llc-19 llvm-mc-19 ld.lld-19 certify; do
    grep -qE "^$tool " "$TMP/stderr" || { show; fail "-v does not show the $tool command"; }
done
grep -E '^clang-19 ' "$TMP/stderr" | grep -qF -- "-DFROM_TEST=1" || { show; fail "-v: clang's command lacks -D"; }
grep -qE '^ktal-cc: hello.ktal: [0-9]+ functions, [0-9]+ instructions verified' "$TMP/stderr" ||
    { show; fail "-v does not report the verification"; }

# Without -v, a successful compile is silent.
cc -o quiet.ktal hello.c
expect_success
[ ! -s "$TMP/stderr" ] && [ ! -s "$TMP/stdout" ] || { show; fail "a compile without -v printed something"; }
echo "ok: -v"
