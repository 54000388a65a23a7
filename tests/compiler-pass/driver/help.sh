#!/bin/bash
# --help (and -h) print the usage on stdout and exit 0; it names the clang-like options.
# usage: help.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

for flag in --help -h; do
    cc "$flag"
    expect_success "$flag"
    for opt in "usage: ktal-cc" " -o FILE" " -c " " -I DIR" " -D NAME" " -v " " -O2"; do
        grep -qF -- "$opt" "$TMP/stdout" || { show; fail "$flag does not mention '$opt'"; }
    done
    [ ! -s "$TMP/stderr" ] || { show; fail "$flag wrote to stderr"; }
done
echo "ok: --help"
