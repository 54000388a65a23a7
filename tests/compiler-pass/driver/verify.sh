#!/bin/bash
# The image ktal-cc writes passes `ktal verify` (ktal-cc verifies its own output, and so does the tool).
# usage: verify.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/hello.c" "$INPUTS/dispatch.c" "$TMP/"
for src in hello.c dispatch.c; do
    cc -o "${src%.c}.ktal" "$src"
    expect_success "$src"
    "$KTAL" verify "$TMP/${src%.c}.ktal" > "$TMP/verify.out" 2>&1 || { cat "$TMP/verify.out"; fail "ktal verify rejected ${src%.c}.ktal"; }
    grep -q "OK" "$TMP/verify.out" || { cat "$TMP/verify.out"; fail "ktal verify did not say OK"; }
done
# And the verifier is not a rubber stamp: a flipped byte in the code is refused.
cp "$TMP/hello.ktal" "$TMP/broken.ktal"
# int3 over the first byte of .text (Off is the third field after the name).
off=$(llvm-readelf-19 -S "$TMP/hello.ktal" | awk '{ for (i = 1; i < NF; i++) if ($i == ".text") print $(i + 3) }')
[ -n "$off" ] || fail "no .text in hello.ktal"
printf '\xcc' | dd of="$TMP/broken.ktal" bs=1 seek=$((16#$off)) conv=notrunc status=none
! "$KTAL" verify "$TMP/broken.ktal" > "$TMP/verify.out" 2>&1 || fail "ktal verify accepted a corrupted image"
echo "ok: verify"
