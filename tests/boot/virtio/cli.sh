#!/bin/sh
# cli.sh - guest half of tests/boot/virtio/run-cli.sh (init.sh runs it when
# the kernel command line says vio_mode=cli): the devices of a QEMU-style
# command line, used the way a Linux user does. Prints VIO-* lines that
# the host checks; the host's verdicts on the disk images and on what it
# received through hostfwd and the virtconsole socket are its own.
B=/bin/busybox
i=0
while [ $i -lt 100 ] && { [ ! -b /dev/vdb ] || [ ! -e /sys/class/net/eth0 ] ||
                          [ ! -e /dev/hvc0 ]; }; do
    $B sleep 0.1; i=$((i + 1))
done
ro= rw=
for d in /sys/block/vd*; do
    n=${d##*/}
    s=$($B cat $d/serial 2>/dev/null)
    echo "VIO-DISK $n size=$($B cat $d/size) ro=$($B cat $d/ro) serial=$s" \
         "discard_max=$($B cat $d/queue/discard_max_bytes)" \
         "wz_max=$($B cat $d/queue/write_zeroes_max_bytes)"
    if [ "$s" = PLUMBSER1 ]; then ro=$n; else rw=$n; fi
done
for d in /sys/bus/pci/devices/*; do
    echo "VIO-PCI ${d##*/} $($B cat $d/vendor | $B cut -c3-):$($B cat $d/device | $B cut -c3-)"
done

# virtio-rng: the kernel's hwrng core picks it.
echo "VIO-RNG-CURRENT $($B cat /sys/class/misc/hw_random/rng_current 2>/dev/null)"
n=$($B dd if=/dev/hwrng bs=64 count=4 2>/dev/null | $B wc -c)
echo "VIO-RNG-READ $n"

# virtio-blk: write-zeroes (BLKZEROOUT), discard, a flushed write, and a
# write to the read-only disk (Linux refuses it: the device says RO).
if [ -n "$rw" ]; then
    if [ -x /bin/blkzero ]; then
        /bin/blkzero /dev/$rw 3145728 1048576
        echo "VIO-WZ rc=$?"
    else
        echo "VIO-WZ missing"
    fi
    $B blkdiscard -o 1048576 -l 1048576 /dev/$rw
    echo "VIO-DISCARD rc=$?"
    echo PLUMB-MARK-5a17 | $B dd of=/dev/$rw bs=512 seek=8192 conv=sync,fsync 2>/dev/null
    echo "VIO-MARK rc=$?"
fi
if [ -n "$ro" ]; then
    $B blockdev --setrw /dev/$ro
    $B dd if=/dev/zero of=/dev/$ro bs=4096 count=1 conv=fsync 2>/dev/null
    echo "VIO-RO-WRITE rc=$?"
fi

# virtio-net: DHCP, DNS through slirp's 10.0.2.3, a server for hostfwd.
$B ip link set lo up
$B ip link set eth0 up
cat > /tmp/udhcpc.sh <<'S'
#!/bin/sh
case $1 in
bound|renew)
    /bin/busybox ip addr flush dev $interface
    /bin/busybox ip addr add $ip/${mask:-24} dev $interface
    [ -n "$router" ] && /bin/busybox ip route add default via ${router%% *} dev $interface
    echo "VIO-DHCP $ip router=$router dns=$dns" > /tmp/dhcp;;
esac
S
$B chmod +x /tmp/udhcpc.sh
$B timeout 30 $B udhcpc -i eth0 -n -q -t 5 -T 2 -s /tmp/udhcpc.sh > /dev/null 2>&1
$B cat /tmp/dhcp 2>/dev/null
$B timeout 20 $B nslookup plumb.test 10.0.2.3 2>&1 | $B sed -n 's/^Address[^:]*: */VIO-DNS /p'
$B mkdir -p /www
echo "token ${vio_token:-none}" > /www/index.html
$B httpd -p 80 -h /www
echo "VIO-HTTPD rc=$?"
# virtconsole: say hello to the host's socket, then wait for its answer
# (it fetches index.html through hostfwd first).
echo "VIO-HVC-HELLO" > /dev/hvc0
echo "VIO-HVC-SENT rc=$?"
line=$($B timeout 60 $B head -n 1 /dev/hvc0)
echo "VIO-HVC-GOT $line"
