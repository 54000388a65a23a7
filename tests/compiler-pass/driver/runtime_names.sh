#!/bin/bash
# A program may define functions named like the runtime's (send, write, div,
# random: names ISO C leaves to it): its code calls its own, the runtime
# keeps its own (printf still writes through the runtime's write), and the
# program prints what plain clang's prints. ktal-cc refused it before, at no
# source line: "Linking globals named 'send': symbol multiply defined!".
# usage: runtime_names.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

cp "$INPUTS/runtime_names.c" "$TMP/"
for o in -O0 -O2; do
    cc "$o" -o runtime_names.ktal runtime_names.c
    expect_success "$o" runtime_names.c
    expect_as_clang runtime_names
done
# Two definitions in the program itself are still an error, as for ld.
printf 'void send(int x) { (void)x; }\n' > "$TMP/again.c"
cc -O2 -o both.ktal runtime_names.c again.c
expect_error "send"
echo "ok: runtime_names"
