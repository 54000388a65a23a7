#!/usr/bin/env bash
# prove-corpus.sh — the corpus half of the prover's differential test: NAME's
# sources through ktal-cc (or, with --image, the image ktal-cc made of them
# already: corpus.user.NAME's, so ctest compiles each program once), then the
# image must be accepted by both the verifier (`ktal verify`) and the prover
# (`ktal prove`: every obligation proved, none refuted or unknown). With
# CACHE_DIR, `ktal prove --cache`: functions proved before under the same key
# (verifier/z3/cache.hpp) are not asked again.
#
# Usage: prove-corpus.sh [--image FILE] BIN_DIR OUT_DIR NAME [TIMEOUT_MS [CACHE_DIR]]
set -u
export LC_ALL=C
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
usage="usage: $0 [--image FILE] BIN_DIR OUT_DIR NAME [TIMEOUT_MS [CACHE_DIR]]"
given=
[ "${1:-}" = --image ] && { [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }; given=$2; shift 2; }
[ $# -ge 3 ] || { echo "$usage" >&2; exit 2; }
bin=$1 out=$2 name=$3 timeout=${4:-10000} cache=${5:-}
src=$here/../../corpus/$name
[ -f "$src/main.c" ] || { echo "$name: no such corpus program" >&2; exit 2; }
mkdir -p "$out"
image=$out/$name.ktal
fail() { echo "prove corpus $name: $*" >&2; exit 1; }

if [ -n "$given" ]; then
	[ -f "$given" ] || fail "no image $given (its corpus.user test makes it)"
	image=$given
else
	"$bin/ktal-cc" -O2 -o "$image" "$src"/*.c 2>"$out/$name.cc.log" ||
		{ cat "$out/$name.cc.log" >&2; fail "ktal-cc failed"; }
fi
"$bin/ktal" verify "$image" >"$out/$name.verify.log" 2>&1 ||
	{ cat "$out/$name.verify.log" >&2; fail "the verifier rejects the image"; }
args=(--timeout-ms "$timeout")
[ -n "$cache" ] && args+=(--cache "$cache")
"$bin/ktal" prove "$image" "${args[@]}" >"$out/$name.prove.log" 2>&1 ||
	{ sed -n '/^\(refuted\|unknown\)/,$p' "$out/$name.prove.log" | head -60 >&2; fail "the prover does not prove every obligation"; }
tail -1 "$out/$name.prove.log"
