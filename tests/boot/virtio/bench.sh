#!/usr/bin/env bash
# bench.sh PLUMB CACHE - `make bench`: virtio-blk sequential read and
# virtio-net receive throughput in Linux, under plumb and
# qemu-system-aarch64, both -cpu max,pauth-impdef=on (QARMA5 PAuth would
# dominate otherwise), over virtio-pci with MSI-X through the ITS.
# run.sh with VIO_BENCH=1 boots once and runs 3 rounds of dd of a
# VIO_BENCH_MB MiB /dev/vda (bs=1M, page cache dropped first) and 2 HTTP
# GETs of a VIO_BENCH_NET_MB MiB file from the host through slirp.
# Boots alternate plumb, QEMU, plumb, QEMU... (BENCH_BOOTS each, default 2)
# so that both see the same host load. Per kind it prints the median
# over all rounds of
#   MB/s      guest time (/proc/uptime): what the guest sees, load-sensitive
#   MB/cpu-s  MiB per second of the emulator's host CPU time (all threads):
#             the stable one on a shared host
# and the ratios plumb/QEMU (higher is better for plumb).
set -u
plumb=${1:?usage: $0 PLUMB CACHE}
cache=$2
here=$(cd "$(dirname "$0")" && pwd)
export VIO_BENCH=1 VIO_BENCH_MB=${VIO_BENCH_MB:-128} BOOT_TIMEOUT=${BENCH_TIMEOUT:-300}
boots=${BENCH_BOOTS:-2}
cpu=(-cpu max,pauth-impdef=on)
have_qemu=1
command -v qemu-system-aarch64 >/dev/null || have_qemu=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for ((b = 1; b <= boots; b++)); do
    "$here/run.sh" "$plumb" "$cache" pci 3 "${cpu[@]}" | sed 's/^/plumb /' | tee -a "$out"
    if [ $have_qemu = 1 ]; then
        "$here/run.sh" qemu-system-aarch64 "$cache" pci 3 "${cpu[@]}" | sed 's/^/qemu /' | tee -a "$out"
    fi
done
# median EMU KIND FIELD: FIELD 5 = MB/s, 7 = MB/cpu-s
median() {
    awk -v e="$1" -v k="$2" -v f="$3" '$1 == e && $3 == k { print $f }' "$out" | sort -g |
        awk '{ v[++n] = $1 } END { if (n) print (n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2) }'
}
rc=0
for kind in blk net; do
    pw=$(median plumb $kind 5) pc=$(median plumb $kind 7)
    echo "virtio-$kind plumb: ${pw:-failed} MB/s, ${pc:-failed} MB/cpu-s (median of rounds)"
    [ -z "$pc" ] && rc=1
    [ $have_qemu = 1 ] || continue
    qw=$(median qemu $kind 5) qc=$(median qemu $kind 7)
    echo "virtio-$kind qemu:  ${qw:-failed} MB/s, ${qc:-failed} MB/cpu-s (median of rounds)"
    if [ -n "$pc" ] && [ -n "$qc" ]; then
        awk -v k="$kind" -v pw="$pw" -v qw="$qw" -v pc="$pc" -v qc="$qc" 'BEGIN {
            printf "virtio-%s ratio plumb/qemu: %.2f per CPU second, %.2f in guest time\n", k, pc / qc, pw / qw }'
    else
        rc=1
    fi
done
[ $have_qemu = 1 ] || echo "virtio: qemu-system-aarch64 is not installed, no ratio"
exit $rc
