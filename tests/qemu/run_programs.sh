# Guest: ring-0 runs (tests/qemu/run_ioctl.cpp, mode programs) in one boot:
# the programs through the client and the `ktal` command against
# `ktal run --user`, signals, two processes at once, bad arguments, the
# getpid benchmark, the stack depth of each program's run (measure_stack);
# then who may use /dev/ktal (root only; the `group` parameter).
set -e
insmod /root/ktal.ko measure_stack=1
ip link set lo up
echo "file contents" > /tmp/ktal-file.txt
chmod 644 /tmp/ktal-file.txt
status=0
/root/ktal-run-ioctl-test programs /root/ktal /root/programs /root/c || status=$?
ktal info
rmmod ktal
test ! -e /dev/ktal || { echo "FAIL: /dev/ktal left after rmmod"; exit 1; }

as="/root/ktal-run-ioctl-test as"
fail() { echo "FAIL $*"; status=$((status + 1)); }
insmod /root/ktal.ko
if $as 1000 1000 /root/ktal run /root/programs/hello.ktal 2>/tmp/err; then fail "a user ran a program in ring 0 without the group parameter"; fi
grep -q "root only by default" /tmp/err && echo "ok   access: root only by default" || fail "access: unhelpful error: $(cat /tmp/err)"
rmmod ktal
insmod /root/ktal.ko group=1000
ls -l /dev/ktal
rc=0; $as 1000 1000 /root/ktal run /root/programs/hello.ktal a 2>/tmp/err >/tmp/out || rc=$?
[ $rc = 42 ] && grep -q hello /tmp/out && echo "ok   access: a member of group 1000 runs a program in ring 0" || fail "access: group member: status $rc, $(cat /tmp/err)"
if $as 1001 1001 /root/ktal run /root/programs/hello.ktal 2>/tmp/err; then fail "access: a user outside the group ran a program"; fi
grep -q "Permission denied" /tmp/err && echo "ok   access: a user outside group 1000 is refused" || fail "access: outsider: $(cat /tmp/err)"
if $as 1000 1000 /root/ktal load /root/programs/hello.ktal 2>/tmp/err; then fail "access: a group member loaded a persistent program"; fi
grep -q "needs root" /tmp/err && echo "ok   access: a persistent load needs root" || fail "access: persistent load: $(cat /tmp/err)"
h=$(ktal load /root/programs/hello.ktal)
rc=0; $as 1000 1000 /root/ktal run --handle "$h" 2>/tmp/err >/tmp/out || rc=$?
[ $rc = 41 ] && echo "ok   access: a group member runs root's persistent program" || fail "access: run --handle: status $rc, $(cat /tmp/err)"
if $as 1000 1000 /root/ktal unload "$h" 2>/tmp/err; then fail "access: a group member unloaded root's program"; fi
grep -q "root only" /tmp/err && echo "ok   access: only root unloads a persistent program" || fail "access: unload: $(cat /tmp/err)"
ktal unload "$h"
rmmod ktal
echo "run_programs: $status failure(s)"
exit $status
