# Guest: 1000 load/run/unload cycles leave vmalloc and slab usage at their
# baseline (tests/qemu/run_ioctl.cpp, cycles); then a persistent program
# left loaded goes with rmmod.
set -e
insmod /root/ktal.ko
status=0
/root/ktal-run-ioctl-test cycles /root/programs 1000 || status=$?
h=$(ktal load /root/programs/hello.ktal)
ktal list
before=$(awk '/VmallocUsed/ {print $2}' /proc/meminfo)
rmmod ktal
after=$(awk '/VmallocUsed/ {print $2}' /proc/meminfo)
echo "rmmod with program $h loaded: VmallocUsed ${before} kB -> ${after} kB"
exit $status
