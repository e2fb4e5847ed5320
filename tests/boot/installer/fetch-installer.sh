#!/usr/bin/env bash
# fetch-installer.sh CACHE - Debian 12's arm64 netboot installer, from the
# debian-installer-12-netboot-arm64 apt package (architecture all) only.
#
# Leaves in CACHE:
#   linux        the installer's kernel (an arm64 Image)
#   initrd.cpio  the installer's initrd.gz, decompressed: the same files,
#                but the guest kernel does not spend ~30 s of emulated
#                time in gunzip (the test is about d-i, not inflate)
#   grubaa64.efi the installer's monolithic GRUB for arm64 EFI (used by
#                tests/boot/edk2 as \EFI\BOOT\BOOTAA64.EFI)
#   version      the package version
# Reused when present. Exit status: 0 ready; 2 the Debian mirror is
# unreachable (the caller skips, saying so); 1 anything else.
set -euo pipefail
. "$(dirname "$0")/../apt-download.sh"
CACHE=${1:?usage: $0 CACHE_DIR}
mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)
log() { echo "fetch-installer: $*" >&2; }
PKG=debian-installer-12-netboot-arm64

if [ -s "$CACHE/linux" ] && [ -s "$CACHE/initrd.cpio" ] &&
   [ -s "$CACHE/grubaa64.efi" ] && [ -s "$CACHE/version" ]; then
    exit 0
fi
debs=$CACHE/debs
apt_download "$debs" "$PKG"
x=$CACHE/x
rm -rf "$x"; mkdir -p "$x"
deb=$(ls "$debs"/${PKG}_*_all.deb)
dpkg-deb -x "$deb" "$x"
d=$x/usr/lib/debian-installer/images/12/arm64/text/debian-installer/arm64
cp "$d/linux" "$CACHE/linux.tmp"
cp "$d/grubaa64.efi" "$CACHE/grubaa64.efi.tmp"
gzip -dc "$d/initrd.gz" > "$CACHE/initrd.cpio.tmp"
mv "$CACHE/linux.tmp" "$CACHE/linux"
mv "$CACHE/grubaa64.efi.tmp" "$CACHE/grubaa64.efi"
mv "$CACHE/initrd.cpio.tmp" "$CACHE/initrd.cpio"
dpkg-deb -f "$deb" Version > "$CACHE/version"
rm -rf "$x" "$debs"
log "$PKG $(cat "$CACHE/version")"
