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

# edu (1234:11e8) from user space, as in QEMU's docs/specs/edu.rst: no
# driver, so Memory and Bus Master are set through sysfs config and BAR0
# is reached with devmem. DMA goes RAM -> device buffer (0x40000) -> RAM,
# into RAM the kernel does not use (mem=896M of 1G; the host passes
# dma_mask=0xffffffff).
for d in /sys/bus/pci/devices/*; do
    [ "$($B cat $d/vendor):$($B cat $d/device)" = 0x1234:0x11e8 ] || continue
    printf '\006' | $B dd of=$d/config bs=1 seek=4 count=1 conv=notrunc 2>/dev/null
    set -- $($B head -n 1 $d/resource)
    bar=$1
    echo "VIO-EDU-ID $($B devmem $bar 32)"
    $B devmem $((bar + 4)) 32 0x12345678
    echo "VIO-EDU-LIVE $($B devmem $((bar + 4)) 32)"
    $B devmem $((bar + 8)) 32 10
    echo "VIO-EDU-FACT $($B devmem $((bar + 8)) 32) status=$($B devmem $((bar + 0x20)) 32)"
    src=0x78000000 dst=0x78001000
    $B devmem $src 64 0x0123456789abcdef
    $B devmem $dst 64 0
    $B devmem $((bar + 0x80)) 64 $src
    $B devmem $((bar + 0x88)) 64 0x40000
    $B devmem $((bar + 0x90)) 64 8
    $B devmem $((bar + 0x98)) 64 1
    $B devmem $((bar + 0x80)) 64 0x40000
    $B devmem $((bar + 0x88)) 64 $dst
    $B devmem $((bar + 0x90)) 64 8
    $B devmem $((bar + 0x98)) 64 3
    echo "VIO-EDU-DMA $($B devmem $dst 64) cmd=$($B devmem $((bar + 0x98)) 32)"
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
line=$($B timeout 150 $B head -n 1 /dev/hvc0)
echo "VIO-HVC-GOT $line"
