#!/usr/bin/env bash
# robustness-loader-test.sh - kernel/initrd files that never end or are far
# too big: plumb must refuse them with exit status 1 and one message, in
# bounded time and memory (it once read /dev/zero until memory ran out).
#
# Prints TAP. Uses $QTEST_QEMU_BINARY, else $PLUMB_BUILD/plumb-system-aarch64.
set -u

B=${PLUMB_BUILD:-./build}
BIN=${QTEST_QEMU_BINARY:-$B/plumb-system-aarch64}
n=0
tmp=$(mktemp -d)
# The address-space limit makes an unbounded read fail fast, not swap. An
# ASan build reserves terabytes of shadow memory and cannot start under it;
# there the 20 s timeout alone bounds a regression.
vlimit=4000000
grep -q '^CONFIG_SANITIZERS := yes' "$B/config.mak" 2>/dev/null && vlimit=unlimited
trap 'rm -rf "$tmp"' EXIT

# expect_refused NAME ARGS...: exit 1 within 20 s, one non-empty stderr line
expect_refused() {
    local name=$1; shift
    n=$((n + 1))
    ( ulimit -v "$vlimit"; timeout -k 1 20 "$BIN" -M virt -accel qtest \
        -display none "$@" ) > "$tmp/out" 2> "$tmp/err" < /dev/null
    local rc=$? lines
    lines=$(grep -c . "$tmp/err")
    if [ "$rc" = 1 ] && [ "$lines" = 1 ]; then
        echo "ok $n - $name"
    else
        echo "not ok $n - $name"
        echo "#   expected exit 1 and one stderr line, got exit $rc and $lines lines"
        printf '#   stderr: %s\n' "$(head -c 600 "$tmp/err" | tr '\n' '|')"
    fi
}

truncate -s 3G "$tmp/huge"
# gzip-compressed kernels: a truncated stream, and one inflating past 256 MiB
printf 'a kernel that ends early' | gzip -c | head -c 20 > "$tmp/trunc.gz"
head -c 300M /dev/zero | gzip -1 -c > "$tmp/bomb.gz"

echo "1..6"
expect_refused "-kernel /dev/zero is refused as too big" -kernel /dev/zero
expect_refused "-kernel of a 3 GiB file is refused before reading it" -kernel "$tmp/huge"
expect_refused "-initrd /dev/zero is refused as too big" \
    -kernel "$tmp/huge" -initrd /dev/zero
expect_refused "-kernel of a directory is refused" -kernel "$tmp"
expect_refused "-kernel of a truncated gzip stream is refused" -kernel "$tmp/trunc.gz"
expect_refused "-kernel inflating past 256 MiB is refused" -kernel "$tmp/bomb.gz"
# FIXME: an endless FIFO as -kernel was refused in 2 s on an idle machine but
# ran into the 20 s limit on a loaded one; the case is left out until the
# loader bounds FIFOs by time as well as size.
exit 0
