# Guest: load a module that calls WARN(). The script itself succeeds; the
# harness must still fail the run because the kernel log shows the warning.
insmod /root/ktal_warn_test.ko
echo "harness_warn: module loaded"
exit 0
