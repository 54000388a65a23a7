#!/bin/bash
# The argument area is the last 64 KiB of the sandbox, and loads may read all
# of it: the guards' window for loads runs from rodata's start to the image's
# end, across the fuel word's page between rodata and the sandbox. (It used
# to stop a page short, so strlen of a 65,000-byte argument trapped.)
# usage: long_arguments.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cat > "$TMP/alen.c" <<'C'
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) printf("%zu %c\n", strlen(argv[i]), argv[i][strlen(argv[i]) - 1]);
    return 0;
}
C
cc -O2 -o alen.ktal alen.c
expect_success
"$KTAL" verify "$TMP/alen.ktal" > /dev/null || fail "the image does not verify"
for n in 100 60000 65000 65400; do
    arg=$(head -c $((n - 1)) /dev/zero | tr '\0' x)z
    out=$("$KTAL" run --user "$TMP/alen.ktal" "$arg" 2> "$TMP/err") ||
        { cat "$TMP/err" >&2; fail "a $n-byte argument: the program did not run to its end"; }
    [ "$out" = "$n z" ] || fail "a $n-byte argument: the program printed '$out', not '$n z'"
done
echo "ok: arguments of up to 65,400 bytes read to their last byte"
