#!/bin/bash
# A tool ktal-cc runs that dies of a signal (here a stand-in opt-19 that
# segfaults) is reported as ktal-cc's internal error, naming the tool and the
# signal, with a nonzero status and no image; never as silence.
# usage: tool_crash.sh KTAL_CC KTAL
KTAL_CC=$1 KTAL=${2:-}
source "$(dirname "$0")/../lib.sh"

mkdir -p "$TMP/fakebin"
printf '#!/bin/sh\nkill -SEGV $$\n' > "$TMP/fakebin/opt-19"
chmod +x "$TMP/fakebin/opt-19"
cp "$INPUTS/hello.c" "$TMP/"
PATH="$TMP/fakebin:$PATH" cc -o out.ktal hello.c
[ "$status" -ne 0 ] || { show; fail "ktal-cc succeeded though opt-19 crashed"; }
grep -qF "ktal-cc: internal error: opt-19 died of signal 11" "$TMP/stderr" ||
    { show; fail "the crash of opt-19 was not reported"; }
[ ! -e "$TMP/out.ktal" ] || fail "an image was written"
echo "ok: a crashing tool is reported"
