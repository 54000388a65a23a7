#!/bin/bash
# One diagnostics case (diagnostics/NAME.c): ktal-cc must refuse it cleanly
# (exit 1..127, no crash, no image written), and its errors must be exactly
# the expected ones, each at a source line:
#
#   // EXPECT-ERROR: LINE TEXT          an error at NAME.c:LINE: whose message has TEXT
#   // EXPECT-ERROR: FILE.c:LINE TEXT   the same in another file of the case
#   // WITH: FILE.c                     another source file (relative to NAME.c)
#   // FLAGS: ...                       extra ktal-cc options
#
# usage: check_diag.sh KTAL_CC NAME.c
KTAL_CC=$1
src=$2
source "$(dirname "$0")/lib.sh"
dir=$(dirname "$src")
base=$(basename "$src")
mapfile -t expects < <(sed -n 's|.*// EXPECT-ERROR: *||p' "$src")
read -ra with <<< "$(sed -n 's|.*// WITH: *||p' "$src" | tr '\n' ' ')"
read -ra flags <<< "$(sed -n 's|.*// FLAGS: *||p' "$src" | tr '\n' ' ')"
[ ${#expects[@]} -gt 0 ] || fail "$base has no // EXPECT-ERROR: line"

# From the case's directory, so that the messages name files as written here.
(cd "$dir" && "$KTAL_CC" "${flags[@]}" -o "$TMP/image.ktal" "$base" "${with[@]}") > "$TMP/stdout" 2> "$TMP/stderr"
status=$?
no_crash
[ "$status" -ne 0 ] || { show; fail "ktal-cc accepted $base"; }
[ ! -e "$TMP/image.ktal" ] || fail "ktal-cc wrote an image although it refused $base"

# Every error is at a source line: FILE:LINE: or FILE:LINE:COL: then error:.
errors=$(grep -E '(^|: )(fatal )?error: ' "$TMP/stderr")
unplaced=$(grep -vE '^[^ :]+\.[ch]:[0-9]+(:[0-9]+)?: (fatal )?error: ' <<< "$errors")
[ -z "$unplaced" ] || { show; fail "an error without a source line: $unplaced"; }

# Each expectation takes its own error: two at one line need two errors there.
mapfile -t left <<< "$errors"
for e in "${expects[@]}"; do
    where=${e%% *} text=${e#* }
    [[ $where == *:* ]] || where=$base:$where
    found=
    for k in "${!left[@]}"; do
        if [[ ${left[k]} == "$where:"* && ${left[k]} == *"$text"* ]]; then
            unset 'left[k]'
            found=1
            break
        fi
    done
    [ -n "$found" ] || { show; fail "no error at $where saying: $text"; }
done
[ ${#left[@]} -eq 0 ] || { show; fail "unexpected error (every error needs an EXPECT-ERROR line): ${left[*]}"; }
echo "ok: $base refused with ${#expects[@]} error(s) at the expected lines"
