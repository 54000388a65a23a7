# Guest: load ktal.ko, ask it what it is, unload it, and check the device goes.
set -e
insmod /root/ktal.ko
test -c /dev/ktal || { echo "FAIL: /dev/ktal missing after insmod"; exit 1; }
ls -l /dev/ktal | grep -q '^crw-------' || { echo "FAIL: /dev/ktal is not root-only"; exit 1; }
ktal info
ktal info --json > /tmp/info.json
cat /tmp/info.json
grep -q '"module_version":"0.1.0"' /tmp/info.json || { echo "FAIL: bad json"; exit 1; }
grep -q "\"kernel_release\":\"$(uname -r)\"" /tmp/info.json || { echo "FAIL: release"; exit 1; }
rmmod ktal
if test -e /dev/ktal; then echo "FAIL: /dev/ktal still there after rmmod"; exit 1; fi
if ktal info 2>/tmp/err; then echo "FAIL: info without module succeeded"; exit 1; fi
grep -q 'is ktal.ko loaded' /tmp/err || { echo "FAIL: unhelpful error: $(cat /tmp/err)"; exit 1; }
echo "module_info: OK"
