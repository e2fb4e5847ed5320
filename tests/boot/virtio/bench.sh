#!/usr/bin/env bash
# bench.sh PLUMB CACHE - `make bench`: virtio-blk sequential read throughput
# in Linux (run.sh with VIO_BENCH=1: dd of a VIO_BENCH_MB MiB /dev/vda to
# /dev/null, bs=1M, page cache dropped first, 3 rounds per boot) over
# virtio-pci with MSI-X through the ITS, under plumb and qemu-system-aarch64
# (-cpu max,pauth-impdef=on: QEMU's QARMA5 PAuth would dominate otherwise).
# Prints the best round of each and the ratio plumb/QEMU (higher is better
# for plumb). The times come from the guest's /proc/uptime (10 ms ticks).
set -u
plumb=${1:?usage: $0 PLUMB CACHE}
cache=$2
here=$(cd "$(dirname "$0")" && pwd)
export VIO_BENCH=1 VIO_BENCH_MB=${VIO_BENCH_MB:-64} BOOT_TIMEOUT=${BENCH_TIMEOUT:-300}
best() { sed -n 's/^bench \([0-9.]*\) MB\/s.*/\1/p' | sort -g | tail -n1; }
p=$("$here/run.sh" "$plumb" "$cache" pci 3 | tee /dev/stderr | best)
echo "virtio-blk-read plumb: ${p:-failed} MB/s (best of 3, $VIO_BENCH_MB MiB)"
if ! command -v qemu-system-aarch64 >/dev/null; then
    echo "virtio-blk-read: qemu-system-aarch64 is not installed, no ratio"
    exit 0
fi
q=$("$here/run.sh" qemu-system-aarch64 "$cache" pci 3 -cpu max,pauth-impdef=on | tee /dev/stderr | best)
echo "virtio-blk-read qemu:  ${q:-failed} MB/s (best of 3, $VIO_BENCH_MB MiB)"
if [ -n "$p" ] && [ -n "$q" ]; then
    awk -v p="$p" -v q="$q" 'BEGIN { printf "virtio-blk-read ratio plumb/qemu: %.2f\n", p / q }'
else
    exit 1
fi
