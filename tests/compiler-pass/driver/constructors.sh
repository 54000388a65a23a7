#!/bin/bash
# __attribute__((constructor)) and ((destructor)) (Constructors.cpp): the
# program runs them as plain clang's does, in the same order (by priority,
# then as written; destructors the other way), before main and after it, at
# exit() too, not at _exit(); at -O0 to -Os, with the same output and exit
# status. Before, ktal-cc dropped them and the program ran without them,
# saying nothing (llvm-test-suite's ConstructorDestructorAttributes).
# usage: constructors.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/constructors.c" "$TMP/"
clang-19 -O2 -w -o "$TMP/native" "$TMP/constructors.c" || fail "clang-19 cannot build constructors.c"
for o in -O0 -O1 -O2 -Os; do
    cc "$o" -o constructors.ktal constructors.c
    expect_success "$o" constructors.c
    for arg in "" exit _exit; do
        want=$("$TMP/native" $arg; echo "status $?")
        got=$("$KTAL" run --user "$TMP/constructors.ktal" $arg; echo "status $?")
        [ "$got" = "$want" ] ||
            fail "$o, '$arg': ktal printed '$got', clang's program '$want'"
    done
done
echo "ok: constructors"
