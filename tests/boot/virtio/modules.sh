#!/usr/bin/env bash
# modules.sh CACHE - the virtio initramfs: fetch-guest.sh's busybox plus
# tests/boot/virtio/init.sh as /init and the virtio modules (=m in Debian's
# config) taken from the same linux-image .deb as CACHE/Image, in
# CACHE/virtio/initrd.gz. Uncompressed .ko (CONFIG_MODULE_COMPRESS_NONE);
# init.sh loads them in dependency order (their modinfo "depends=").
# Exit status: 0 ready, 2 the mirror is unreachable, 1 anything else.
set -euo pipefail
. "$(dirname "$0")/../apt-download.sh"
CACHE=$(cd "${1:?usage: $0 CACHE}" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$CACHE/virtio
MODS="virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci virtio_mmio virtio_blk failover net_failover virtio_net virtio-rng virtio_console"
stamp=$(cat "$HERE/init.sh" "$HERE/cli.sh" "$HERE/blkzero.c" "$HERE/modules.sh" "$CACHE/abi" | md5sum | cut -c1-32)
if [ -s "$OUT/initrd.gz" ] && [ "$(cat "$OUT/stamp" 2>/dev/null)" = "$stamp" ]; then
    exit 0
fi
KABI=$(cat "$CACHE/abi")
mkdir -p "$OUT"
missing=0
for m in $MODS; do [ -s "$OUT/mods/$m.ko" ] || missing=1; done
if [ $missing = 1 ]; then
    debs=$OUT/debs
    apt_download "$debs" "linux-image-$KABI-arm64:arm64"
    x=$OUT/x
    rm -rf "$x" "$OUT/mods"; mkdir -p "$x" "$OUT/mods"
    dpkg-deb --fsys-tarfile "$debs"/linux-image-"$KABI"-arm64_*_arm64.deb |
        tar -x -C "$x" --wildcards './lib/modules/*/kernel/drivers/virtio/*' \
            './lib/modules/*/kernel/drivers/block/virtio_blk.ko' \
            './lib/modules/*/kernel/drivers/net/*failover.ko' \
            './lib/modules/*/kernel/drivers/net/virtio_net.ko' \
            './lib/modules/*/kernel/net/core/failover.ko' \
            './lib/modules/*/kernel/drivers/char/hw_random/virtio-rng.ko' \
            './lib/modules/*/kernel/drivers/char/virtio_console.ko'
    for m in $MODS; do
        cp "$(find "$x" -name "$m.ko" | head -n1)" "$OUT/mods/$m.ko"
    done
    rm -rf "$x" "$debs"
fi
r=$OUT/root
rm -rf "$r"; mkdir -p "$r"/{bin,dev,proc,sys,tmp,lib/modules}
cp "$CACHE/busybox" "$r/bin/busybox"
ln -s busybox "$r/bin/sh"
cp "$HERE/init.sh" "$r/init"
cp "$HERE/cli.sh" "$r/cli.sh"
# BLKZEROOUT for cli.sh (write-zeroes); without the cross compiler the
# check says so instead of passing.
if command -v aarch64-linux-gnu-gcc >/dev/null; then
    aarch64-linux-gnu-gcc -O2 -static -nostdlib -ffreestanding -fno-pic -no-pie \
        -fno-stack-protector -mgeneral-regs-only -Wall -Wextra -Werror \
        -Wl,--build-id=none -o "$r/bin/blkzero" "$HERE/blkzero.c"
fi
# Static glibc busybox wget crashes on a bare root (NSS configuration); files
# only, all built into glibc 2.36.
mkdir -p "$r/etc"
printf 'hosts: files\nservices: files\npasswd: files\ngroup: files\n' > "$r/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n' > "$r/etc/hosts"
printf 'http 80/tcp\n' > "$r/etc/services"
cp "$OUT"/mods/*.ko "$r/lib/modules/"
chmod 755 "$r/init" "$r/cli.sh" "$r/bin/busybox"
find "$r" -exec touch -h -d @0 {} +
(cd "$r" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --reproducible --quiet) |
    gzip -9n > "$OUT/initrd.gz.tmp"
mv "$OUT/initrd.gz.tmp" "$OUT/initrd.gz"
rm -rf "$r"
echo "$stamp" > "$OUT/stamp"
