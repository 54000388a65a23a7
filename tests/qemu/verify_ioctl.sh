# Guest: load ktal.ko and run the VERIFY checks (tests/qemu/verify_ioctl.cpp),
# all in this one boot; then unload. The harness fails the run on any kernel
# warning, so every check must also leave the kernel log clean.
set -e
insmod /root/ktal.ko
dmesg | grep -q 'ktal: version .* certificates v' || { echo "FAIL: no load message"; exit 1; }
status=0
/root/ktal-verify-ioctl-test || status=$?
rmmod ktal
exit $status
