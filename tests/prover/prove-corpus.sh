#!/usr/bin/env bash
# prove-corpus.sh — the corpus half of the prover's differential test: NAME's
# sources through ktal-cc, then the image must be accepted by both the
# verifier (`ktal verify`) and the prover (`ktal prove`: every obligation
# proved, none refuted or unknown). With CACHE_DIR, `ktal prove --cache`:
# functions proved before under the same key (verifier/z3/cache.hpp) are not
# asked again.
#
# Usage: prove-corpus.sh BIN_DIR OUT_DIR NAME [TIMEOUT_MS [CACHE_DIR]]
set -u
export LC_ALL=C
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ $# -ge 3 ] || { echo "usage: $0 BIN_DIR OUT_DIR NAME [TIMEOUT_MS [CACHE_DIR]]" >&2; exit 2; }
bin=$1 out=$2 name=$3 timeout=${4:-10000} cache=${5:-}
src=$here/../../corpus/$name
[ -f "$src/main.c" ] || { echo "$name: no such corpus program" >&2; exit 2; }
mkdir -p "$out"
image=$out/$name.ktal
fail() { echo "prove corpus $name: $*" >&2; exit 1; }

"$bin/ktal-cc" -O2 -o "$image" "$src"/*.c 2>"$out/$name.cc.log" ||
	{ cat "$out/$name.cc.log" >&2; fail "ktal-cc failed"; }
"$bin/ktal" verify "$image" >"$out/$name.verify.log" 2>&1 ||
	{ cat "$out/$name.verify.log" >&2; fail "the verifier rejects the image"; }
args=(--timeout-ms "$timeout")
[ -n "$cache" ] && args+=(--cache "$cache")
"$bin/ktal" prove "$image" "${args[@]}" >"$out/$name.prove.log" 2>&1 ||
	{ sed -n '/^\(refuted\|unknown\)/,$p' "$out/$name.prove.log" | head -60 >&2; fail "the prover does not prove every obligation"; }
tail -1 "$out/$name.prove.log"
