# Shared by the compiler-pass tests (sourced, after setting KTAL_CC and,
# where needed, KTAL): a scratch directory, a way to run ktal-cc, and
# assertions that show what ktal-cc said when they fail.
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
INPUTS=$HERE/inputs
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ktal-cc-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

show() {
    echo "--- ktal-cc's stdout:" >&2
    cat "$TMP/stdout" >&2
    echo "--- ktal-cc's stderr:" >&2
    cat "$TMP/stderr" >&2
}

# cc [ARGS...]: runs ktal-cc in $TMP; its exit status in $status.
cc() {
    (cd "$TMP" && "$KTAL_CC" "$@") > "$TMP/stdout" 2> "$TMP/stderr"
    status=$?
}

# Bad input never crashes ktal-cc: no death by signal (also of the clang,
# opt or llc it runs), no sanitizer report, no "internal error".
no_crash() {
    if [ "$status" -ge 128 ]; then show; fail "ktal-cc died (exit status $status)"; fi
    if grep -qE 'internal error|PLEASE submit a bug report|Stack dump|please report|Sanitizer|runtime error:' \
        "$TMP/stderr"; then
        show; fail "ktal-cc reported an internal error or crashed"
    fi
}

expect_success() {
    no_crash
    [ "$status" -eq 0 ] || { show; fail "ktal-cc $* failed (exit status $status)"; }
}

# expect_error TEXT...: a clean refusal (exit 1..127) that says each TEXT.
expect_error() {
    no_crash
    [ "$status" -ne 0 ] || { show; fail "ktal-cc succeeded where it should have refused"; }
    local t
    for t in "$@"; do
        grep -qF -- "$t" "$TMP/stderr" || { show; fail "ktal-cc did not say: $t"; }
    done
}

# run_user_status STATUS IMAGE ARGS...: `ktal run --user IMAGE ARGS...` must
# exit with STATUS; stdout in $TMP/run.out.
run_user_status() {
    local want=$1 got
    shift
    "$KTAL" run --user "$@" > "$TMP/run.out" 2> "$TMP/run.err"
    got=$?
    [ "$got" -eq "$want" ] ||
        { cat "$TMP/run.err" >&2; fail "ktal run --user $* exited with status $got, not $want"; }
}

# The image in user mode, which must succeed: `ktal run --user IMAGE ARGS...`.
run_user() {
    run_user_status 0 "$@"
}

expect_output() {
    printf '%s\n' "$1" | cmp -s - "$TMP/run.out" ||
        { echo "--- expected:" >&2; printf '%s\n' "$1" >&2; echo "--- got:" >&2; cat "$TMP/run.out" >&2; fail "wrong output"; }
}

# expect_as_clang NAME: $TMP/NAME.ktal runs in user mode and prints what
# $TMP/NAME.c built by plain clang-19 -O2 prints.
expect_as_clang() {
    local want
    clang-19 -O2 -w -o "$TMP/$1.native" "$TMP/$1.c" || fail "clang-19 cannot build $1.c"
    want=$("$TMP/$1.native") || fail "the native $1 failed"
    run_user "$TMP/$1.ktal"
    [ "$(cat "$TMP/run.out")" = "$want" ] ||
        fail "$1.ktal printed '$(cat "$TMP/run.out")', clang's program '$want'"
}

# as_clang_at_every_level NAME [OPTION...]: $INPUTS/NAME.c, copied to $TMP,
# compiles with ktal-cc at -O0, -O1, -O2 and -Os (and the OPTIONs), and
# each image prints what plain clang's program prints. $TMP/NAME.ktal is
# then the -Os image.
as_clang_at_every_level() {
    local name=$1 o
    shift
    cp "$INPUTS/$name.c" "$TMP/"
    for o in -O0 -O1 -O2 -Os; do
        cc "$o" "$@" -o "$name.ktal" "$name.c"
        expect_success "$o" "$name.c"
        expect_as_clang "$name"
    done
}

# expect_bounds_trap WHAT IMAGE ARGS...: `ktal run --user IMAGE ARGS...`
# stops with the bounds trap (WHAT names the case in a failure).
expect_bounds_trap() {
    local what=$1
    shift
    "$KTAL" run --user "$@" > /dev/null 2> "$TMP/trap.err" && fail "$what did not trap"
    grep -q "trapped: a pointer outside the sandbox" "$TMP/trap.err" ||
        { cat "$TMP/trap.err" >&2; fail "$what did not stop with the bounds trap"; }
}

# loops FILE: the loops of a function's disassembly (llvm-objdump-19 -d
# --no-show-raw-insn): "TARGET JUMP" per backward jump, decimal addresses,
# in the order of the jumps.
loops() {
    local l at to
    while IFS= read -r l; do
        [[ $l =~ ^\ *([0-9a-f]+):[[:space:]]+j[a-z]+[[:space:]]+0x([0-9a-f]+) ]] || continue
        at=$((16#${BASH_REMATCH[1]})) to=$((16#${BASH_REMATCH[2]}))
        [ "$to" -le "$at" ] && echo "$to $at"
    done < "$1"
    return 0
}

# between FILE FROM TO: FILE's instruction lines at addresses FROM..TO (decimal).
between() {
    local l a
    while IFS= read -r l; do
        [[ $l =~ ^\ *([0-9a-f]+): ]] || continue
        a=$((16#${BASH_REMATCH[1]}))
        [ "$a" -ge "$2" ] && [ "$a" -le "$3" ] && printf '%s\n' "$l"
    done < "$1"
    return 0
}
