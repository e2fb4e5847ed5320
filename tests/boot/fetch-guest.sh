#!/usr/bin/env bash
# fetch-guest.sh CACHE - the Debian 12 arm64 boot guest, from apt packages only.
#
# Fills CACHE (build/boot-cache) with:
#   Image        the kernel: /boot/vmlinuz-<abi>-arm64 of linux-image-<abi>-arm64
#                (an uncompressed arm64 Image despite its name)
#   initrd.gz    newc cpio, gzip: static busybox, our init.sh as /init, and
#   expected.txt the answers the guest must print (see init.sh)
#   abi          the kernel ABI used, e.g. 6.1.0-56
# Everything is reused when present, so `make check-boot` fetches once.
# Exit status: 0 ready; 2 the Debian mirror is unreachable (the caller may
# skip, saying so); 1 anything else (a failed download of a reachable
# mirror, a broken package): a failure.
# Env: KABI forces a kernel ABI (default: what linux-image-arm64:arm64 depends on).
set -euo pipefail
. "$(dirname "$0")/apt-download.sh"
CACHE=${1:?usage: $0 CACHE_DIR}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)
log() { echo "fetch-guest: $*" >&2; }

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

# The initrd depends on init.sh and this script: rebuild it when they change.
stamp=$(cat "$HERE/init.sh" "$HERE/fetch-guest.sh" | md5sum | cut -c1-32)
if [ -s "$CACHE/Image" ] && [ -s "$CACHE/initrd.gz" ] && [ -s "$CACHE/expected.txt" ] &&
   [ "$(cat "$CACHE/stamp" 2>/dev/null)" = "$stamp" ]; then
    exit 0
fi

mirror_down() {
    # Reachability of the configured mirror, independent of the packages.
    local uri
    uri=$(apt-get indextargets --format '$(URI)' 2>/dev/null | head -n1)
    [ -n "$uri" ] || return 1
    ! timeout 20 apt-get -q -o Acquire::Retries=0 download --print-uris busybox-static >/dev/null 2>&1 ||
    ! getent hosts "$(echo "$uri" | sed -E 's|^[a-z]+://([^/:]+).*|\1|')" >/dev/null 2>&1
}

if [ ! -s "$CACHE/Image" ] || [ ! -s "$CACHE/busybox" ]; then
    if ! dpkg --print-foreign-architectures | grep -qx arm64; then
        log "enabling the arm64 dpkg architecture"
        $SUDO dpkg --add-architecture arm64
        $SUDO apt-get update -q >&2 || log "apt-get update reported errors"
    fi
    if ! apt-cache show busybox-static:arm64 >/dev/null 2>&1; then
        $SUDO apt-get update -q >&2 || log "apt-get update reported errors"
    fi
    KABI=${KABI:-$(apt-cache depends linux-image-arm64:arm64 2>/dev/null |
        sed -n 's/.*Depends: linux-image-\([0-9.]*-[0-9]*\)-arm64.*/\1/p' | head -n1)}
    if [ -z "$KABI" ]; then
        log "no arm64 kernel package in the apt lists (apt-get update failed?)"
        if getent hosts deb.debian.org >/dev/null 2>&1; then exit 1; fi
        exit 2
    fi
    log "kernel ABI $KABI"
    debs=$CACHE/debs
    apt_download "$debs" "linux-image-$KABI-arm64:arm64" "busybox-static:arm64"
    x=$CACHE/x
    rm -rf "$x"; mkdir -p "$x"
    dpkg-deb -x "$debs"/linux-image-"$KABI"-arm64_*_arm64.deb "$x"
    dpkg-deb -x "$debs"/busybox-static_*_arm64.deb "$x"
    cp "$x/boot/vmlinuz-$KABI-arm64" "$CACHE/Image.tmp"
    cp "$x/bin/busybox" "$CACHE/busybox"
    mv "$CACHE/Image.tmp" "$CACHE/Image"
    echo "$KABI" > "$CACHE/abi"
    rm -rf "$x" "$debs"
fi

# Sanity: an arm64 Image has "ARM\x64" at offset 56.
if [ "$(dd if="$CACHE/Image" bs=1 skip=56 count=4 2>/dev/null | od -An -c | tr -d ' ')" != 'ARMd' ]; then
    log "$CACHE/Image is not an arm64 Image"; exit 1
fi

r=$CACHE/root
rm -rf "$r"; mkdir -p "$r"/{bin,dev,proc,sys,tmp}
cp "$CACHE/busybox" "$r/bin/busybox"
ln -s busybox "$r/bin/sh"
cp "$HERE/init.sh" "$r/init"
chmod 755 "$r/init" "$r/bin/busybox"
md5=$(md5sum "$r/bin/busybox" | cut -d' ' -f1)
# The shell loop of init.sh, computed here by bash.
s=0; for ((i = 0; i < 2000; i++)); do s=$(( (s * 31 + i * i) % 1000000007 )); done
{
    echo "md5 $md5"
    echo "loop $s"
} > "$CACHE/expected.txt"
# The kernel makes /dev/console itself for an initramfs without one (devtmpfs
# is mounted by init.sh), so no mknod and no root are needed.
find "$r" -exec touch -h -d @0 {} +
(cd "$r" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --reproducible --quiet) |
    gzip -9n > "$CACHE/initrd.gz.tmp"
mv "$CACHE/initrd.gz.tmp" "$CACHE/initrd.gz"
rm -rf "$r"
echo "$stamp" > "$CACHE/stamp"
log "$(stat -c %s "$CACHE/Image") byte kernel $(cat "$CACHE/abi"), $(stat -c %s "$CACHE/initrd.gz") byte initrd"
