#!/bin/bash
# -I and -D reach the compiler, joined (-Idir) or apart (-I dir); -U undoes a -D.
# usage: include_define.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/configured.c" "$TMP/"
cp -r "$INPUTS/include" "$TMP/inc"

cc -o plain.ktal configured.c
expect_error "greeting.h"           # not found without -I

cc -I inc -o one.ktal configured.c
expect_success -I inc
run_user "$TMP/one.ktal"
expect_output "greetings from the include directory"

cc -Iinc -DREPEAT=2 -D SHOUT -o two.ktal configured.c
expect_success -Iinc -DREPEAT=2 -D SHOUT
run_user "$TMP/two.ktal"
expect_output "greetings from the include directory
greetings from the include directory
SHOUT is defined"

cc -Iinc -DSHOUT -USHOUT -o undone.ktal configured.c
expect_success -DSHOUT -USHOUT
run_user "$TMP/undone.ktal"
expect_output "greetings from the include directory"
echo "ok: -I -D -U"
