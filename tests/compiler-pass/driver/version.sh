#!/bin/bash
# --version names ktal-cc and the clang it drives.
# usage: version.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cc --version
expect_success --version
grep -qE '^ktal-cc .*clang-19' "$TMP/stdout" || { show; fail "unexpected --version output"; }
echo "ok: $(cat "$TMP/stdout")"
