# Guest: every adversarial image is refused by LOAD with the rule the
# user-space verifier (ktal verify) gives (tests/qemu/run_ioctl.cpp, corpus).
set -e
insmod /root/ktal.ko
status=0
/root/ktal-run-ioctl-test corpus /root/adversarial || status=$?
rmmod ktal
exit $status
