#!/usr/bin/env bash
# fetch-edk2.sh CACHE - Debian 12's EDK2 build for QEMU's arm64 virt board,
# from the qemu-efi-aarch64 apt package (architecture all) only.
#
# Leaves in CACHE:
#   QEMU_EFI.fd    the 2 MiB image users give to -bios
#   AAVMF_CODE.fd  the same firmware padded to 64 MiB for pflash unit 0
#   AAVMF_VARS.fd  the 64 MiB empty variable store for pflash unit 1
#   version        the package version
# Reused when present. Exit status: 0 ready; 2 the Debian mirror is
# unreachable (the caller skips, saying so); 1 anything else.
set -euo pipefail
. "$(dirname "$0")/../apt-download.sh"
CACHE=${1:?usage: $0 CACHE_DIR}
mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)
log() { echo "fetch-edk2: $*" >&2; }

if [ -s "$CACHE/QEMU_EFI.fd" ] && [ -s "$CACHE/AAVMF_CODE.fd" ] &&
   [ -s "$CACHE/AAVMF_VARS.fd" ] && [ -s "$CACHE/version" ]; then
    exit 0
fi
debs=$CACHE/debs
apt_download "$debs" qemu-efi-aarch64
x=$CACHE/x
rm -rf "$x"; mkdir -p "$x"
deb=$(ls "$debs"/qemu-efi-aarch64_*_all.deb)
dpkg-deb -x "$deb" "$x"
for f in usr/share/qemu-efi-aarch64/QEMU_EFI.fd usr/share/AAVMF/AAVMF_CODE.fd \
         usr/share/AAVMF/AAVMF_VARS.fd; do
    cp "$x/$f" "$CACHE/$(basename "$f").tmp"
done
for f in QEMU_EFI.fd AAVMF_CODE.fd AAVMF_VARS.fd; do
    mv "$CACHE/$f.tmp" "$CACHE/$f"
done
dpkg-deb -f "$deb" Version > "$CACHE/version"
rm -rf "$x" "$debs"
log "qemu-efi-aarch64 $(cat "$CACHE/version")"
