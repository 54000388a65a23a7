#!/usr/bin/env bash
# check-native.sh — the native (glibc) reference side of ktal's differential
# test over the real-program corpus.
#
# For every program directory corpus/NAME/ (one holding main.c) it
#   1. checks the ktal source rules as far as a script can:
#        - compiles with clang-19 -O2 -Wall -Wextra -Werror -Wvla
#          -Wdouble-promotion -Wfloat-equal -fno-builtin;
#        - compiles with -O0 -Wframe-larger-than=5120 (stack arrays stay
#          within about 4 KiB per function);
#        - joins the -O0 LLVM IR of all its .c files and checks it with
#          tools/ir-lint.awk (no recursion, no indirect calls or function
#          addresses except qsort/bsearch comparators, no floating point, no
#          inline asm, no VLA/alloca, no atomics, libc subset only) and the
#          call graph from `opt-19 -passes=print-callgraph` for cycles
#          (tools/cg-cycles.awk);
#        - input ≤ 256 KiB;
#   2. builds it with clang-19 -O2 -fno-builtin against glibc (plus
#      tools/heapwrap.c, which counts the program's heap), runs it with the
#      arguments in NAME/args and stdin from NAME/input, and compares stdout
#      byte for byte with NAME/expected; the exit status must be 0, the heap
#      peak ≤ 4 MiB and the run shorter than 0.5 s.
#
# Usage: check-native.sh [options] [NAME...]
#   --update      regenerate NAME/expected from the native run instead of
#                 comparing (the other checks still apply)
#   --bench       also run every program that has NAME/bench_args with those
#                 arguments and report the time (target 0.3–1 s) and heap
#   --sanitize    also build with ASan+UBSan and compare that run's output
#   --musl        also build with musl-gcc (another libc and compiler, if
#                 installed: Debian's musl-tools) and compare that output,
#                 which catches reliance on glibc- or clang-specific results
#   --build-dir D put binaries and logs in D (default: a fresh temp dir,
#                 removed at exit)
#   -v            print each step's details
# Environment: CLANG, OPT, LLVM_LINK name the tools (default clang-19,
# opt-19, llvm-link-19); KTAL_CORPUS_TIME_LIMIT_MS overrides the 500 ms limit
# (0: no limit, as under ctest, where timings are not asserted).
# Exits 1 if any program fails any check, naming the program and the check.

set -u
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CLANG=${CLANG:-clang-19}
OPT=${OPT:-opt-19}
LLVM_LINK=${LLVM_LINK:-llvm-link-19}

WARN=(-Wall -Wextra -Werror -Wvla -Wdouble-promotion -Wfloat-equal)
CFLAGS=(-O2 -fno-builtin "${WARN[@]}")
WRAP=-Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free,--wrap=strdup
HEAP_LIMIT=$((4 * 1024 * 1024))
INPUT_LIMIT=$((256 * 1024))
TIME_LIMIT_MS=${KTAL_CORPUS_TIME_LIMIT_MS:-500}

update=0 bench=0 sanitize=0 musl=0 verbose=0 builddir=""
names=()
while [ $# -gt 0 ]; do
	case $1 in
	--update) update=1 ;;
	--bench) bench=1 ;;
	--sanitize) sanitize=1 ;;
	--musl) musl=1 ;;
	--build-dir) shift; builddir=$1 ;;
	-v) verbose=1 ;;
	-h|--help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0 ;;
	-*) echo "check-native.sh: unknown option $1" >&2; exit 2 ;;
	*) names+=("${1%/}") ;;
	esac
	shift
done

for tool in "$CLANG" "$OPT" "$LLVM_LINK"; do
	command -v "$tool" >/dev/null || { echo "check-native.sh: $tool not found" >&2; exit 2; }
done

if [ -z "$builddir" ]; then
	builddir=$(mktemp -d "${TMPDIR:-/tmp}/ktal-corpus.XXXXXX")
	trap 'rm -rf "$builddir"' EXIT
fi
mkdir -p "$builddir"

if [ ${#names[@]} -eq 0 ]; then
	for d in "$here"/*/; do
		[ -f "$d/main.c" ] && names+=("$(basename "$d")")
	done
fi

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# the heap accounting object, built once per build dir
heapobj=$builddir/heapwrap.o
if [ ! -f "$heapobj" ]; then
	"$CLANG" -O2 -c "$here/tools/heapwrap.c" -o "$heapobj.$$" && mv -f "$heapobj.$$" "$heapobj" ||
		{ echo "cannot build heapwrap.o" >&2; exit 2; }
fi
if [ $musl -eq 1 ] && ! command -v musl-gcc >/dev/null; then
	echo "check-native.sh: --musl needs musl-gcc (apt-get install musl-tools)" >&2
	exit 2
fi

failed=()
fail() { # program, message
	echo "FAIL $1: $2"
	failed+=("$1")
}

log() { [ $verbose -eq 1 ] && echo "  $*"; return 0; }

# run_prog BIN ARGS INPUT OUT ERR HEAPREPORT -> sets run_rc, run_ms
run_prog() {
	local bin=$1 args=$2 input=$3 out=$4 err=$5 heap=$6 t0 t1
	t0=$(now_ms)
	# shellcheck disable=SC2086  # args are split on purpose
	KTAL_HEAP_REPORT=$heap timeout 20 "$bin" $args <"$input" >"$out" 2>"$err"
	run_rc=$?
	t1=$(now_ms)
	run_ms=$((t1 - t0))
}

heap_peak() { # report file -> peak bytes (0 if none)
	local p
	p=$(sed -n 's/^peak=\([0-9]*\) .*/\1/p' "$1" 2>/dev/null)
	echo "${p:-0}"
}

check_one() {
	local name=$1 dir=$here/$1 b=$builddir/$1 ok=1
	mkdir -p "$b"
	if [ ! -f "$dir/main.c" ]; then fail "$name" "no such program ($dir/main.c)"; return; fi
	local srcs=("$dir"/*.c)
	local input=$dir/input args=""
	[ -f "$input" ] || { fail "$name" "missing input file"; return; }
	[ -f "$dir/args" ] || { fail "$name" "missing args file"; return; }
	args=$(head -n 1 "$dir/args")
	local isize
	isize=$(stat -c %s "$input")
	[ "$isize" -le $INPUT_LIMIT ] || { fail "$name" "input is $isize bytes (> $INPUT_LIMIT)"; ok=0; }

	# 1. rules
	if ! "$CLANG" "${CFLAGS[@]}" -I"$dir" -o "$b/prog" "${srcs[@]}" "$heapobj" $WRAP 2>"$b/cc.log"; then
		fail "$name" "does not compile with ${CFLAGS[*]}"; sed 's/^/    /' "$b/cc.log"; return
	fi
	local s
	for s in "${srcs[@]}"; do
		if ! "$CLANG" -O0 -fno-builtin "${WARN[@]}" -Wframe-larger-than=5120 -I"$dir" -c -o /dev/null "$s" 2>"$b/frame.log"; then
			fail "$name" "a stack frame in $(basename "$s") is larger than 5 KiB at -O0"; sed 's/^/    /' "$b/frame.log"; ok=0
		fi
	done
	local lls=()
	for s in "${srcs[@]}"; do
		local ll=$b/$(basename "$s" .c).ll
		"$CLANG" -O0 -fno-builtin -I"$dir" -S -emit-llvm -o "$ll" "$s" 2>>"$b/ir.log" || { fail "$name" "cannot emit IR for $s"; return; }
		lls+=("$ll")
	done
	"$LLVM_LINK" -S -o "$b/all.ll" "${lls[@]}" 2>>"$b/ir.log" || { fail "$name" "llvm-link failed"; return; }
	if ! awk -f "$here/tools/ir-lint.awk" "$b/all.ll" >"$b/lint.log"; then
		fail "$name" "breaks the ktal source rules"; sed 's/^/    /' "$b/lint.log"; ok=0
	fi
	if ! "$OPT" -passes=print-callgraph -disable-output "$b/all.ll" 2>"$b/cg.txt" >/dev/null; then
		fail "$name" "opt print-callgraph failed"; ok=0
	elif ! awk -f "$here/tools/cg-cycles.awk" "$b/cg.txt" >"$b/cycles.log"; then
		fail "$name" "recursion in the call graph"; sed 's/^/    /' "$b/cycles.log"; ok=0
	fi

	# 2. run
	run_prog "$b/prog" "$args" "$input" "$b/out" "$b/err" "$b/heap"
	if [ $TIME_LIMIT_MS -gt 0 ] && [ $run_ms -gt $TIME_LIMIT_MS ]; then # retry once: the machine may be busy
		run_prog "$b/prog" "$args" "$input" "$b/out" "$b/err" "$b/heap"
	fi
	local peak main_ms=$run_ms
	peak=$(heap_peak "$b/heap")
	log "$name: exit $run_rc, ${run_ms} ms, heap peak $peak, $(stat -c %s "$b/out") bytes out"
	if [ $run_rc -ne 0 ]; then
		fail "$name" "exit status $run_rc"; sed 's/^/    /' "$b/err" | head -20; ok=0
	fi
	[ $TIME_LIMIT_MS -eq 0 ] || [ $run_ms -le $TIME_LIMIT_MS ] || { fail "$name" "took ${run_ms} ms (> ${TIME_LIMIT_MS} ms)"; ok=0; }
	[ "$peak" -le $HEAP_LIMIT ] || { fail "$name" "heap peak $peak bytes (> $HEAP_LIMIT)"; ok=0; }
	# determinism: a second run must give the same bytes
	KTAL_HEAP_REPORT=/dev/null timeout 20 "$b/prog" $args <"$input" >"$b/out2" 2>/dev/null
	cmp -s "$b/out" "$b/out2" || { fail "$name" "output differs between two runs"; ok=0; }

	if [ $update -eq 1 ]; then
		if [ $ok -eq 1 ]; then
			cp "$b/out" "$dir/expected"
			log "$name: expected updated"
		fi
	elif [ ! -f "$dir/expected" ]; then
		fail "$name" "missing expected file"; ok=0
	elif ! cmp -s "$b/out" "$dir/expected"; then
		fail "$name" "stdout differs from expected"
		diff "$dir/expected" "$b/out" | head -20 | sed 's/^/    /'
		ok=0
	fi

	if [ $sanitize -eq 1 ]; then
		if "$CLANG" -O1 -g -fno-builtin "${WARN[@]}" -fsanitize=address,undefined -fno-sanitize-recover=all \
			-I"$dir" -o "$b/prog-san" "${srcs[@]}" 2>"$b/san-cc.log"; then
			ASAN_OPTIONS=detect_leaks=1 timeout 60 "$b/prog-san" $args <"$input" >"$b/out-san" 2>"$b/err-san"
			local src=$?
			if [ $src -ne 0 ]; then
				fail "$name" "sanitized run failed (exit $src)"; head -30 "$b/err-san" | sed 's/^/    /'; ok=0
			elif ! cmp -s "$b/out-san" "$b/out"; then
				fail "$name" "sanitized run prints different output"; ok=0
			fi
		else
			fail "$name" "sanitized build failed"; sed 's/^/    /' "$b/san-cc.log"; ok=0
		fi
	fi

	if [ $musl -eq 1 ]; then
		if musl-gcc -O2 -fno-builtin -static -I"$dir" -o "$b/prog-musl" "${srcs[@]}" 2>"$b/musl-cc.log"; then
			timeout 20 "$b/prog-musl" $args <"$input" >"$b/out-musl" 2>/dev/null
			local mrc=$?
			if [ $mrc -ne 0 ]; then
				fail "$name" "musl build exits with $mrc"; ok=0
			elif ! cmp -s "$b/out-musl" "$b/out"; then
				fail "$name" "musl build prints different output"
				diff "$b/out" "$b/out-musl" | head -10 | sed 's/^/    /'
				ok=0
			fi
		else
			fail "$name" "musl build failed"; sed 's/^/    /' "$b/musl-cc.log"; ok=0
		fi
	fi

	if [ $bench -eq 1 ] && [ -f "$dir/bench_args" ]; then
		local bargs
		bargs=$(head -n 1 "$dir/bench_args")
		run_prog "$b/prog" "$bargs" "$input" "$b/bench-out" "$b/bench-err" "$b/bench-heap"
		local bpeak
		bpeak=$(heap_peak "$b/bench-heap")
		printf '  bench %-12s %5d ms  heap peak %8d  args: %s\n' "$name" "$run_ms" "$bpeak" "$bargs"
		[ $run_rc -eq 0 ] || { fail "$name" "bench run exit status $run_rc"; ok=0; }
		[ "$bpeak" -le $HEAP_LIMIT ] || { fail "$name" "bench heap peak $bpeak bytes (> $HEAP_LIMIT)"; ok=0; }
		if grep -q 'FAIL' "$b/bench-out"; then fail "$name" "bench run reports FAIL"; ok=0; fi
	fi

	[ $ok -eq 1 ] && echo "ok   $name (${main_ms} ms, heap $peak)"
}

for n in "${names[@]}"; do
	check_one "$n"
done

if [ ${#failed[@]} -gt 0 ]; then
	echo "check-native.sh: ${#failed[@]} failure(s) in: $(printf '%s\n' "${failed[@]}" | sort -u | tr '\n' ' ')"
	exit 1
fi
echo "check-native.sh: all ${#names[@]} program(s) pass"
exit 0
