#!/usr/bin/env bash
# check-ktal.sh — the ktal side of the corpus's differential test: NAME's
# sources through ktal-cc (which certifies and verifies its own output), the
# image checked again by `ktal verify`, run by `ktal run --user` with NAME/args
# and stdin from NAME/input; stdout must equal NAME/expected byte for byte
# (which check-native.sh holds equal to the glibc build's) and the exit
# status must be 0.
#
# Usage: check-ktal.sh BIN_DIR OUT_DIR NAME
set -u
export LC_ALL=C
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ $# -eq 3 ] || { echo "usage: $0 BIN_DIR OUT_DIR NAME" >&2; exit 2; }
bin=$1 out=$2 name=$3
src=$here/$name
[ -f "$src/main.c" ] || { echo "$name: no such corpus program" >&2; exit 2; }
mkdir -p "$out"
image=$out/$name.ktal
rm -f "$image"

fail() { echo "corpus $name: $*" >&2; exit 1; }

"$bin/ktal-cc" -O2 -o "$image" "$src"/*.c 2>"$out/$name.cc.log" ||
	{ cat "$out/$name.cc.log" >&2; fail "ktal-cc failed"; }
"$bin/ktal" verify "$image" >"$out/$name.verify.log" 2>&1 ||
	{ cat "$out/$name.verify.log" >&2; fail "ktal verify rejects ktal-cc's image"; }
args=()
[ -f "$src/args" ] && read -r -a args <"$src/args"
input=/dev/null
[ -f "$src/input" ] && input=$src/input
"$bin/ktal" run --user "$image" "${args[@]}" <"$input" >"$out/$name.out" 2>"$out/$name.err"
status=$?
[ $status -eq 0 ] || { cat "$out/$name.err" >&2; fail "exit status $status (want 0)"; }
cmp "$out/$name.out" "$src/expected" ||
	{ diff <(head -c 4000 "$out/$name.out") <(head -c 4000 "$src/expected") | head -20 >&2; fail "output differs from expected"; }
echo "corpus $name: certified, verified, output identical ($(stat -c %s "$src/expected") bytes)"
