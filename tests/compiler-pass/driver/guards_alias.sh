#!/bin/bash
# A guarded access may be to any global: a store through p = &g, a store to
# g by name and a load through p keep their order at every level (the load
# was given the first store's value, as if p could not point to g).
# usage: guards_alias.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/guarded_alias.c" "$TMP/"
for o in -O1 -O2 -Os; do
    cc "$o" -o guarded_alias.ktal guarded_alias.c
    expect_success "$o" guarded_alias.c
    run_user "$TMP/guarded_alias.ktal"
    expect_output "ffff1b42 e4bd"
done
echo "ok: guards_alias"
