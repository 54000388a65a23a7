#!/bin/sh
# Runs one program twice, built against the ktal runtime (user mode) and
# against glibc, with the same stdin, arguments and working directory, and
# compares stdout, stderr and exit status byte for byte.
# usage: compare.sh KTAL_EXE GLIBC_EXE INPUT WORKDIR
set -u
ktal=$1 glibc=$2 input=$3 work=$4
rm -rf "$work"
mkdir -p "$work/ktal" "$work/glibc"
(cd "$work/ktal" && "$ktal" one "two words" 3 < "$input" > out 2> err; echo $? > status)
(cd "$work/glibc" && "$glibc" one "two words" 3 < "$input" > out 2> err; echo $? > status)
fail=0
for f in out err status; do
  if ! cmp -s "$work/ktal/$f" "$work/glibc/$f"; then
    echo "runtime e2e: $f differs (ktal vs glibc):"
    diff "$work/ktal/$f" "$work/glibc/$f" | head -40
    fail=1
  fi
done
[ $fail = 0 ] && echo "identical: $(wc -c < "$work/ktal/out") bytes of stdout, status $(cat "$work/ktal/status")"
exit $fail
