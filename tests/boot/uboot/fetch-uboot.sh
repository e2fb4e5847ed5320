#!/usr/bin/env bash
# fetch-uboot.sh CACHE - Debian 12's u-boot for QEMU's arm64 virt board, from
# the u-boot-qemu apt package (architecture all) only.
#
# Leaves CACHE/u-boot.bin (usr/lib/u-boot/qemu_arm64/u-boot.bin of the
# package) and CACHE/version (the package version); reused when present.
# Exit status: 0 ready; 2 the Debian mirror is unreachable (the caller skips,
# saying so); 1 anything else (a failed download from a reachable mirror).
set -euo pipefail
. "$(dirname "$0")/../apt-download.sh"
CACHE=${1:?usage: $0 CACHE_DIR}
mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)
log() { echo "fetch-uboot: $*" >&2; }

if [ -s "$CACHE/u-boot.bin" ] && [ -s "$CACHE/version" ]; then
    exit 0
fi
debs=$CACHE/debs
apt_download "$debs" u-boot-qemu
x=$CACHE/x
rm -rf "$x"; mkdir -p "$x"
dpkg-deb -x "$debs"/u-boot-qemu_*_all.deb "$x"
cp "$x/usr/lib/u-boot/qemu_arm64/u-boot.bin" "$CACHE/u-boot.bin.tmp"
dpkg-deb -f "$debs"/u-boot-qemu_*_all.deb Version > "$CACHE/version"
mv "$CACHE/u-boot.bin.tmp" "$CACHE/u-boot.bin"
rm -rf "$x" "$debs"
log "u-boot-qemu $(cat "$CACHE/version"): $(stat -c %s "$CACHE/u-boot.bin") bytes"
