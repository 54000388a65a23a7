#!/usr/bin/env bash
# `ktal prove IMAGE` shows its progress on a terminal (one line on stderr,
# rewritten as each function starts and erased at the end) and prints
# nothing of it into a file or a pipe, where it would only fill logs.
# Usage: progress.sh BIN_DIR CASE.s
set -u
bin=$1 case=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ktal-progress.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$bin/ktal-testimage" "$case" -o "$tmp/t.ktal" >/dev/null || fail "ktal-testimage could not build $case"
n=$("$bin/ktal" cert dump "$tmp/t.ktal" | grep -c '^function ')
[ "$n" -ge 2 ] || fail "$case has $n functions; the test wants at least two"

# On a terminal (script(1) gives the command one): a line per function.
script -qec "$bin/ktal prove $tmp/t.ktal >$tmp/tty.out" /dev/null >"$tmp/tty.err" ||
	fail "ktal prove failed on a terminal: $(cat "$tmp/tty.out")"
for i in $(seq 1 "$n"); do
	grep -qF "ktal prove: function $i of $n: " "$tmp/tty.err" ||
		fail "no progress line for function $i of $n: $(od -c "$tmp/tty.err" | head -5)"
done
grep -qF "ktal prove: function" "$tmp/tty.out" && fail "progress went to stdout"

# Into files: no progress at all, and the same report.
"$bin/ktal" prove "$tmp/t.ktal" >"$tmp/file.out" 2>"$tmp/file.err" || fail "ktal prove failed"
[ -s "$tmp/file.err" ] && fail "stderr is not a terminal, yet: $(cat "$tmp/file.err")"
# (times aside: they differ from run to run)
times() { sed -E 's/[0-9]+\.[0-9]+//g' "$1"; }
[ "$(times "$tmp/tty.out")" = "$(times "$tmp/file.out")" ] && [ -s "$tmp/file.out" ] ||
	fail "the report differs between a terminal and a file"
echo "ok: progress for $n functions on a terminal, none into a file"
