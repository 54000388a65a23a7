#!/usr/bin/env bash
# csmith-diff.sh [--prove] [--keep DIR] [--skip-slow] [-OLEVEL] KTAL_CC KTAL SEEDS...
#
# Random C programs from Csmith (Debian's csmith 2.3.0, so a seed names the
# same program everywhere) through the whole user-space path: each is built
# by plain clang-19 -O2 and run natively, then compiled by ktal-cc (which
# certifies and verifies it) and run with `ktal run --user`; the two must
# print the same checksum and exit alike (-O0, -O1, -Os: ktal-cc's level;
# the native build is always -O2). --prove also asks `ktal prove`
# to re-check every obligation of the image with Z3.
#
# SEEDS: numbers or ranges (1-100). A program whose native build does not
# finish in 10 s, dies by a signal or prints no checksum is skipped with
# --skip-slow (campaigns) and fails otherwise (make test's seeds finish).
# One line per seed, a summary, exit 1 if any seed failed. Failing seeds'
# files stay in DIR (--keep, or a scratch directory that is printed).
set -u
prove=0 keep="" skip_slow=0 opt=-O2
while [ $# -gt 0 ]; do
  case "$1" in
    --prove) prove=1; shift ;;
    --keep) keep=$2; shift 2 ;;
    --skip-slow) skip_slow=1; shift ;;
    -O*) opt=$1; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done
[ $# -ge 3 ] || { echo "usage: csmith-diff.sh [--prove] [--keep DIR] [--skip-slow] [-OLEVEL] KTAL_CC KTAL SEEDS..." >&2; exit 2; }
KTAL_CC=$1 KTAL=$2; shift 2
HERE=$(cd "$(dirname "$0")" && pwd)
CSMITH_INC=/usr/include/csmith
command -v csmith >/dev/null && [ -f $CSMITH_INC/csmith.h ] ||
  { echo "csmith-diff: needs Debian's csmith and libcsmith-dev (scripts/install-deps)" >&2; exit 2; }
dir=${keep:-$(mktemp -d "${TMPDIR:-/tmp}/ktal-csmith.XXXXXX")}
mkdir -p "$dir"

seeds=()
for s in "$@"; do
  case "$s" in
    *-*) seeds+=($(seq "${s%-*}" "${s#*-}")) ;;
    *) seeds+=("$s") ;;
  esac
done

pass=0 failed=0 skipped=0
verdict() {  # SEED WORD DETAIL
  echo "seed $1: $2${3:+ ($3)}"
  case "$2" in ok) pass=$((pass + 1)) ;; skipped) skipped=$((skipped + 1)) ;; *) failed=$((failed + 1)) ;; esac
}

for s in "${seeds[@]}"; do
  p=$dir/c$s
  # In DIR: csmith leaves a platform.info where it runs.
  (cd "$dir" && csmith --seed "$s" -o "$p.c" >/dev/null 2>&1) || { verdict "$s" FAIL "csmith did not generate"; continue; }
  clang-19 -O2 -w -I$CSMITH_INC -o "$p.native" "$p.c" 2>"$p.native.log" ||
    { verdict "$s" FAIL "clang-19 refused it: $(head -1 "$p.native.log")"; continue; }
  timeout 10 "$p.native" >"$p.want" 2>&1
  want_rc=$?
  # Not a test: too slow, or killed by a signal or ended without a checksum (an
  # infinite loop without side effects, which clang -O2 may assume away and
  # run into whatever follows; ktal-cc's build traps there).
  why=""
  [ $want_rc -eq 124 ] && why="native run takes over 10 s"
  [ $want_rc -gt 128 ] && why="native run killed by signal $((want_rc - 128))"
  [ -z "$why" ] && ! grep -q "^checksum = " "$p.want" && why="native run printed no checksum (exit status $want_rc)"
  if [ -n "$why" ]; then
    if [ $skip_slow -eq 1 ]; then verdict "$s" skipped "$why"; rm -f "$p".*; continue; fi
    verdict "$s" FAIL "$why"; continue
  fi
  "$KTAL_CC" "$opt" -w -I"$HERE/include" -I$CSMITH_INC -o "$p.ktal" "$p.c" >"$p.cc.log" 2>&1
  cc_rc=$?
  if [ $cc_rc -ne 0 ]; then verdict "$s" FAIL "ktal-cc exit $cc_rc: $(grep -m1 -E 'error|ktal-cc' "$p.cc.log" | cut -c1-200)"; continue; fi
  timeout 120 "$KTAL" run --user "$p.ktal" >"$p.got" 2>&1
  got_rc=$?
  if [ $got_rc -ne $want_rc ]; then verdict "$s" FAIL "exit status $got_rc under ktal, $want_rc native: $(tail -1 "$p.got" | cut -c1-200)"; continue; fi
  if ! cmp -s "$p.want" "$p.got"; then verdict "$s" FAIL "output differs: $(diff "$p.want" "$p.got" | head -3 | tr '\n' ' ')"; continue; fi
  if [ $prove -eq 1 ]; then
    "$KTAL" prove "$p.ktal" >"$p.prove" 2>&1 || { verdict "$s" FAIL "ktal prove: $(grep -m1 -E 'refuted|unknown' "$p.prove" | cut -c1-200)"; continue; }
  fi
  verdict "$s" ok "$(cat "$p.got" | tr -d '\n'), $(stat -c %s "$p.ktal") bytes"
  rm -f "$p".*
done
echo "csmith-diff: ${#seeds[@]} seeds (ktal-cc $opt), $pass agree, $failed failed, $skipped skipped"
if [ $failed -gt 0 ]; then echo "csmith-diff: the failed seeds' files are in $dir"; elif [ -z "$keep" ]; then rm -rf "$dir"; fi
[ $failed -eq 0 ]
