#!/bin/bash
# A frame deeper than the certifier analyses (4096 bytes; Csmith's programs
# at -O0 have them) is refused as the program's size, at the function's
# source line, not as a certifier bug ("please report"); at -O2 the same
# program certifies and runs.
# usage: frame_too_deep.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/frame_too_deep.c" "$TMP/"
cc -O0 -o frame_too_deep.ktal frame_too_deep.c
expect_error "frame_too_deep.c:5: ktal-cc: error: 'deep' needs a frame of more than 4096 bytes" \
    "move large locals to the heap or to globals"
if grep -q "please report" "$TMP/stderr"; then show; fail "the frame was reported as a certifier bug"; fi
[ ! -e "$TMP/frame_too_deep.ktal" ] || fail "ktal-cc wrote an image although it refused the program"
cc -O2 -o frame_too_deep.ktal frame_too_deep.c
expect_success -O2 frame_too_deep.c
expect_as_clang frame_too_deep
echo "ok: frame_too_deep"
