#!/bin/sh
# /init of the virtio boot test (tests/boot/virtio/run.sh packs it): loads
# Debian's virtio modules, lists the PCI functions Linux enumerated, reads
# /dev/vda whole (md5sum), brings eth0 up with DHCP and fetches a file from
# the host (HTTP over nc) through slirp's gateway, printing VIO-* lines the host checks.
# Kernel command line: vio_port=N (host HTTP port behind 10.0.2.2),
# vio_bench=1 (time a dd of /dev/vda instead of the md5).
B=/bin/busybox
$B mount -t proc proc /proc
$B mount -t sysfs sysfs /sys
$B mount -t devtmpfs devtmpfs /dev 2>/dev/null
echo "VIO-INIT"
for m in virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci virtio_mmio \
         virtio_blk failover net_failover virtio_net virtio-rng virtio_console; do
    if $B insmod /lib/modules/$m.ko; then echo "VIO-INSMOD $m ok"; else echo "VIO-INSMOD $m failed"; fi
done
# Probing is asynchronous for some drivers: wait for what we expect.
i=0
while [ $i -lt 50 ] && { [ ! -b /dev/vda ] || [ ! -e /sys/class/net/eth0 ]; }; do
    $B sleep 0.1; i=$((i + 1))
done
for d in /sys/bus/pci/devices/*; do
    [ -e "$d/vendor" ] || continue
    v=$($B cat $d/vendor) dv=$($B cat $d/device) c=$($B cat $d/class)
    drv=-
    [ -e $d/driver ] && drv=$($B basename $($B readlink $d/driver))
    echo "VIO-PCI ${d##*/} ${v#0x}:${dv#0x} class=$c driver=$drv irq=$($B cat $d/irq)"
done
for d in /sys/bus/virtio/devices/*; do
    [ -e "$d/device" ] || continue
    echo "VIO-VIRTIO ${d##*/} device=$($B cat $d/device) transport=$($B basename $($B dirname $($B readlink $d))) version1=$($B cut -c33 $d/features) driver=$($B basename $($B readlink $d/driver 2>/dev/null) 2>/dev/null) packed=$($B cut -c35 $d/features)"
done
$B grep -iE 'virtio|MSI|ITS|v2m' /proc/interrupts | $B sed 's/^/VIO-IRQ /'
if [ "${vio_mode:-}" = cli ]; then
    /cli.sh
    echo "VIO-DONE"
    $B poweroff -f
fi
if [ -b /dev/vda ]; then
    echo "VIO-VDA-SIZE $($B cat /sys/block/vda/size)"
    if [ "${vio_bench:-0}" = 1 ]; then
        # The host samples the emulator's CPU time at each MARK, while the
        # guest sleeps (idle costs next to nothing), so a round's CPU time
        # is the dd alone even on a loaded host.
        for r in 1 2 3; do
            echo 3 > /proc/sys/vm/drop_caches
            echo "VIO-BENCH-MARK blk$r start"; $B sleep 1
            t0=$($B cut -d' ' -f1 /proc/uptime)
            $B dd if=/dev/vda of=/dev/null bs=1M 2>/dev/null
            t1=$($B cut -d' ' -f1 /proc/uptime)
            echo "VIO-BENCH-MARK blk$r end"; $B sleep 1
            echo "VIO-BENCH blk$r $t0 $t1"
        done
    else
        set -- $($B md5sum /dev/vda)
        echo "VIO-VDA-MD5 $1"
    fi
fi
if [ -e /sys/class/net/eth0 ] && [ -n "${vio_port:-}" ]; then
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
    $B timeout 30 $B udhcpc -i eth0 -n -q -t 5 -T 2 -s /tmp/udhcpc.sh 2>&1 | $B sed 's/^/# udhcpc: /'
    $B cat /tmp/dhcp 2>/dev/null
    $B ip -4 addr show dev eth0 | $B sed -n 's/^ *inet /VIO-ETH0 /p'
    # busybox-static's wget segfaults in getaddrinfo on this root (under
    # QEMU too), so the HTTP/1.0 exchange is done with nc; the body is the
    # last Content-Length bytes of the reply.
    printf 'GET /blob HTTP/1.0\r\n\r\n' | $B timeout 20 $B nc 10.0.2.2 $vio_port > /tmp/resp
    $B head -n 1 /tmp/resp | $B sed 's/^/VIO-HTTP /'
    len=$($B sed -n 's/^Content-Length: *\([0-9]*\).*/\1/p' /tmp/resp | $B head -n 1)
    set -- $($B tail -c "${len:-0}" /tmp/resp | $B md5sum)
    echo "VIO-HTTP-MD5 $1 ($len bytes)"
    if [ "${vio_bench:-0}" = 1 ]; then
        # virtio-net receive through slirp: a large file from the host.
        for r in 1 2; do
            echo "VIO-BENCH-MARK net$r start"; $B sleep 1
            t0=$($B cut -d' ' -f1 /proc/uptime)
            printf 'GET /big HTTP/1.0\r\n\r\n' | $B timeout 120 $B nc 10.0.2.2 $vio_port > /dev/null
            t1=$($B cut -d' ' -f1 /proc/uptime)
            echo "VIO-BENCH-MARK net$r end"; $B sleep 1
            echo "VIO-BENCH net$r $t0 $t1"
        done
    fi
fi
echo "VIO-DONE"
$B poweroff -f
