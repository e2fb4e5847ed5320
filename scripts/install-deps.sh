#!/usr/bin/env bash
# Installs the Debian packages plumb needs to build and test, only those missing.
# Run as root (or through sudo) on Debian 12. Safe to run again: it does nothing
# when everything is present. A failing foreign-arch index during `apt-get update`
# does not stop us: we check that each needed package can be fetched and retry.
set -u

PKGS_BUILD="gcc make pkg-config python3 libglib2.0-dev zlib1g-dev libcapstone-dev libfdt-dev libjson-glib-dev libslirp-dev"
PKGS_TEST="gdb-multiarch device-tree-compiler gcc-aarch64-linux-gnu gcc-powerpc64le-linux-gnu binutils-aarch64-linux-gnu qemu-system-arm qemu-system-ppc qemu-system-x86 cpio gzip time mtools"
PKGS="$PKGS_BUILD $PKGS_TEST ${PLUMB_EXTRA_PKGS:-}"

missing=()
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

for attempt in 1 2 3; do
    # update may fail on one index while a mirror syncs; carry on and let
    # install tell us whether the packages we need are reachable.
    $SUDO apt-get update -q >&2 || echo "install-deps: apt-get update reported errors (attempt $attempt)" >&2
    if $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; then
        exit 0
    fi
    echo "install-deps: install failed (attempt $attempt), retrying" >&2
    sleep $((attempt * 10))
done
echo "install-deps: could not install: ${missing[*]}" >&2
exit 1
