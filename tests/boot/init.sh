#!/bin/sh
# /init of plumb's boot test initramfs (tests/boot/fetch-guest.sh packs it).
# Prints a marker, facts about the machine, a workload whose answers the host
# computed (expected.txt), and powers off: poweroff -f -> PSCI SYSTEM_OFF.
# With plumbshell=1 on the kernel command line (make run) it gives an
# interactive shell first and powers off when that shell exits.
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sysfs /sys
/bin/busybox mount -t devtmpfs devtmpfs /dev 2>/dev/null
read up idle </proc/uptime
echo "PLUMB-BOOT-OK uptime=$up"
/bin/busybox uname -a
/bin/busybox cat /proc/cpuinfo
echo "PLUMB-CPUS $(/bin/busybox grep -c ^processor /proc/cpuinfo)"
set -- $(/bin/busybox md5sum /bin/busybox)
echo "PLUMB-MD5 $1"
s=0 i=0
while [ $i -lt 2000 ]; do s=$(( (s * 31 + i * i) % 1000000007 )); i=$((i + 1)); done
echo "PLUMB-LOOP $s"
read up idle </proc/uptime
echo "PLUMB-DONE uptime=$up"
if [ "${plumbshell:-0}" = 1 ]; then
    /bin/busybox --install -s /bin
    export PATH=/bin HOME=/ PS1='plumb-guest:\w# '
    echo "busybox shell on the guest; 'exit' powers the machine off"
    /bin/busybox setsid /bin/busybox cttyhack /bin/sh
fi
/bin/busybox poweroff -f
