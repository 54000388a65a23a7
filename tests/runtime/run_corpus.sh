#!/bin/sh
# Runs a corpus program built against the ktal runtime (user mode) with the
# arguments in DIR/args and stdin from DIR/input; stdout must equal
# DIR/expected (glibc's output) and the exit status must be 0.
# usage: run_corpus.sh EXE DIR
exe=$1 dir=$2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
args=$(cat "$dir/args" 2>/dev/null)
# shellcheck disable=SC2086 # args holds words
(cd "$dir" && "$exe" $args < "$dir/input" > "$out")
status=$?
if [ $status -ne 0 ]; then
  echo "$(basename "$dir"): exit status $status"
  exit 1
fi
if ! cmp -s "$out" "$dir/expected"; then
  echo "$(basename "$dir"): output differs from glibc's (expected):"
  diff "$out" "$dir/expected" | head -20
  exit 1
fi
echo "$(basename "$dir"): identical ($(wc -c < "$out") bytes)"
