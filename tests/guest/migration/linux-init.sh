#!/bin/sh
# /init of the Linux migration test (run-linux-migration.sh packs it with
# Debian's busybox and virtio modules): brings up virtio-blk and
# virtio-net (DHCP from slirp), then reads /dev/vda whole in a loop with
# the page cache dropped each round, printing MIG-START/MIG-MD5 lines, so
# that the host can migrate the VM while the disk is being read. A line
# on the console ends the loop; then the network is checked again (ping
# of the gateway, DHCP renewal, an HTTP GET from the host through slirp)
# and the machine powers off. Kernel command line: mig_port=N.
B=/bin/busybox
$B mount -t proc proc /proc
$B mount -t sysfs sysfs /sys
$B mount -t devtmpfs devtmpfs /dev 2>/dev/null
for m in virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci virtio_blk \
         failover net_failover virtio_net; do
    $B insmod /lib/modules/$m.ko || echo "MIG-INSMOD-FAILED $m"
done
i=0
while [ $i -lt 50 ] && { [ ! -b /dev/vda ] || [ ! -e /sys/class/net/eth0 ]; }; do
    $B sleep 0.1; i=$((i + 1))
done
$B grep -E 'MSI|ITS|v2m' /proc/interrupts | $B grep -c virtio | $B sed 's/^/MIG-MSIX-IRQS /'
cat > /tmp/udhcpc.sh <<'S'
#!/bin/sh
case "$1" in
bound|renew)
    /bin/busybox ip addr flush dev $interface
    /bin/busybox ip addr add $ip/${mask:-24} dev $interface
    [ -n "$router" ] && /bin/busybox ip route add default via ${router%% *} dev $interface
    echo "MIG-DHCP $1 $ip router=$router";;
esac
S
$B chmod +x /tmp/udhcpc.sh
$B ip link set lo up
$B ip link set eth0 up
$B timeout 30 $B udhcpc -i eth0 -n -q -t 5 -T 2 -s /tmp/udhcpc.sh 2>/dev/null
n=0
while :; do
    n=$((n + 1))
    echo 3 > /proc/sys/vm/drop_caches
    echo "MIG-START $n"
    set -- $($B md5sum /dev/vda)
    echo "MIG-MD5 $n $1"
    # The host's line ends the loop (it sends one after the migration).
    if read -t 1 line; then break; fi
done
echo "MIG-LOOP-END $n"
if $B ping -c 2 -W 5 10.0.2.2 > /tmp/ping 2>&1; then
    echo "MIG-PING ok"
else
    echo "MIG-PING failed $($B tail -n 2 /tmp/ping | $B tr '\n' ' ')"
fi
$B timeout 30 $B udhcpc -i eth0 -n -q -t 5 -T 2 -s /tmp/udhcpc.sh 2>/dev/null
printf 'GET /blob HTTP/1.0\r\n\r\n' | $B timeout 20 $B nc 10.0.2.2 $mig_port > /tmp/resp
len=$($B sed -n 's/^Content-Length: *\([0-9]*\).*/\1/p' /tmp/resp | $B head -n 1)
set -- $($B tail -c "${len:-0}" /tmp/resp | $B md5sum)
echo "MIG-HTTP-MD5 $1 ${len:-0}"
echo "MIG-DONE"
$B poweroff -f
