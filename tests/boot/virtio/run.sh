#!/usr/bin/env bash
# run.sh PLUMB CACHE TRANSPORT GIC [EMULATOR_ARGS...] - Debian 12's arm64
# kernel drives plumb's virtio devices (make check-boot), prints TAP.
#
# TRANSPORT pci: virtio-blk-pci, virtio-net-pci and pci-testdev on the gpex
# root bus, a second pci-testdev behind a pcie-root-port; mmio (legacy, v1
# registers) and mmio2 (force-legacy=false, v2 registers): virtio-blk-device
# and virtio-net-device on virt's virtio-mmio transports (mmio2: on packed
# virtqueues, packed=on). GIC is
# gic-version (3: MSI-X through the ITS, 2: through GICv2m).
# The guest (init.sh) loads the virtio modules taken from the same
# linux-image .deb as the kernel, lists the PCI functions and virtio devices,
# md5sums /dev/vda (a raw image made here with known content) and fetches a
# file over HTTP from a server this script runs on the host, reached through
# slirp's gateway 10.0.2.2 (guest->host loopback, nothing leaves the box).
# The kernel and busybox come from tests/boot/fetch-guest.sh's cache.
# Env: BOOT_TIMEOUT (s, default 120), BOOT_KEEP_LOG=FILE keeps the console,
# VIO_BENCH=1 prints "bench KIND ROUND MB/s MB/cpu-s" lines instead of the
# TAP checks (bench.sh): KIND blk (dd of /dev/vda) or net (HTTP GET through
# slirp); CPU is the emulator's, sampled at the guest's marks.
# VIO_BENCH_PERF=FILE records a perf profile of the 2nd and 3rd dd.
set -u
plumb=${1:?usage: $0 PLUMB CACHE TRANSPORT GIC}
cache=$2 transport=$3 gic=$4
shift 4
here=$(cd "$(dirname "$0")" && pwd)
timeout_s=${BOOT_TIMEOUT:-120}
tmp=$(mktemp -d)
srv=""
trap '[ -n "$srv" ] && kill $srv 2>/dev/null; rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1${2:+ # $2}"; }
check() { if [ "$2" = 0 ]; then ok "$1"; else notok "$1" "${3:-}"; fi; }

if [ "$transport" = pci ]; then plan=14; else plan=9; fi
[ -z "${VIO_BENCH:-}" ] && echo "1..$plan"
skip_all() {
    for ((i = n + 1; i <= plan; i++)); do echo "ok $i - check $i # SKIP $1"; done
    exit 0
}
fail_all() {
    for ((i = n + 1; i <= plan; i++)); do notok "check $i" "$1"; done
    exit 1
}

# The kernel and busybox (tests/boot/fetch-guest.sh), then the modules.
mkdir -p "$cache"
( flock 9; "$here/../fetch-guest.sh" "$cache" ) 9> "$cache/.lock" > "$tmp/fetch.log" 2>&1
frc=$?
if [ $frc != 0 ]; then
    sed 's/^/# /' "$tmp/fetch.log"
    [ $frc = 2 ] && skip_all "the Debian mirror is unreachable, no guest to boot"
    fail_all "fetch-guest.sh failed"
fi
( flock 9; "$here/modules.sh" "$cache" ) 9> "$cache/.lock" > "$tmp/mods.log" 2>&1
mrc=$?
if [ $mrc != 0 ]; then
    sed 's/^/# /' "$tmp/mods.log"
    [ $mrc = 2 ] && skip_all "the Debian mirror is unreachable, no modules"
    fail_all "modules.sh failed"
fi
initrd=$cache/virtio/initrd.gz

# A 16 MiB disk of known pseudo-random content.
disk=$tmp/disk.img
head -c $((16 << 20)) /dev/urandom > "$disk"
VIO_BENCH_MB=${VIO_BENCH_MB:-128}
[ -n "${VIO_BENCH:-}" ] && head -c $((VIO_BENCH_MB << 20)) /dev/urandom > "$disk"
VIO_BENCH_NET_MB=${VIO_BENCH_NET_MB:-32}
want_vda=$(md5sum < "$disk" | cut -d' ' -f1)
# The HTTP server the guest reaches at 10.0.2.2:PORT.
mkdir "$tmp/www"
head -c 100000 /dev/urandom > "$tmp/www/blob"
[ -n "${VIO_BENCH:-}" ] && head -c $((VIO_BENCH_NET_MB << 20)) /dev/urandom > "$tmp/www/big"
want_blob=$(md5sum < "$tmp/www/blob" | cut -d' ' -f1)
python3 - "$tmp/www" > "$tmp/port" 2> "$tmp/srv.log" <<'PY' &
import functools, http.server, sys
h = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), h)
print(s.server_address[1], flush=True)
s.serve_forever()
PY
srv=$!
for ((i = 0; i < 50; i++)); do [ -s "$tmp/port" ] && break; sleep 0.1; done
port=$(cat "$tmp/port")

# plumb takes the image in drive=; QEMU (bench.sh compares) wants -drive.
drive=$disk
case ${plumb##*/} in
qemu*) devs=(-drive "file=$disk,if=none,format=raw,id=d0"); drive=d0 ;;
*) devs=() ;;
esac
if [ "$transport" = pci ]; then
    devs+=(-device virtio-blk-pci,drive="$drive" -netdev user,id=n0
           -device virtio-net-pci,netdev=n0 -device pci-testdev
           -device pcie-root-port,id=rp0,chassis=1 -device pci-testdev,bus=rp0)
else
    devs+=(-device virtio-blk-device,drive="$drive" -netdev user,id=n0
           -device virtio-net-device,netdev=n0)
    # mmio2 also runs both devices on packed virtqueues
    [ "$transport" = mmio2 ] && devs+=(-global virtio-mmio.force-legacy=false
        -global virtio-blk-device.packed=on -global virtio-net-device.packed=on)
fi
append="console=ttyAMA0 panic=-1 vio_port=$port"
[ -n "${VIO_BENCH:-}" ] && append="$append vio_bench=1"
args=(-M "virt,gic-version=$gic" -cpu max -m 1G -smp 1 -nographic
      -kernel "$cache/Image" -initrd "$initrd" -append "$append" -no-reboot
      "${devs[@]}" "$@")
[ -z "${VIO_BENCH:-}" ] && echo "# $plumb ${args[*]}"
# The emulator's CPU time (all threads, seconds) from /proc.
cpu_of() {
    sed 's/.*) //' "/proc/$1/stat" 2>/dev/null |
        awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($12 + $13) / hz }'
}
if [ -n "${VIO_BENCH:-}" ]; then
    # Bench: sample the emulator's CPU time at each VIO-BENCH-MARK line
    # (the guest sleeps 1 s after each, so the polling delay costs nothing).
    "$plumb" "${args[@]}" < /dev/null > "$tmp/con" 2> "$tmp/err" &
    pid=$!
    seen=0
    : > "$tmp/cpu"
    while kill -0 "$pid" 2>/dev/null; do
        if [ "$SECONDS" -ge "$timeout_s" ]; then
            kill "$pid"; sleep 2; kill -9 "$pid" 2>/dev/null
            echo "bench: timed out after ${timeout_s}s" >&2
            break
        fi
        marks=$(grep -a '^VIO-BENCH-MARK' "$tmp/con" | tr -d '\r')
        m=$(printf '%s' "$marks" | grep -c .)
        while [ "$seen" -lt "$m" ]; do
            seen=$((seen + 1))
            mark=$(printf '%s\n' "$marks" | sed -n "${seen}p")
            echo "$mark $(cpu_of "$pid")" >> "$tmp/cpu"
            # VIO_BENCH_PERF=FILE: perf record of the emulator over the
            # second and third dd (the device path without first-touch faults)
            if [ -n "${VIO_BENCH_PERF:-}" ]; then
                case $mark in
                *"blk2 start") perf record -q -F 999 -p "$pid" -o "$VIO_BENCH_PERF" 2>/dev/null &
                               perfpid=$! ;;
                *"blk3 end") kill -INT "$perfpid"; wait "$perfpid" ;;
                esac
            fi
        done
        sleep 0.05
    done
    wait "$pid"
    tr -d '\r' < "$tmp/con" > "$tmp/log"
    [ -n "${BOOT_KEEP_LOG:-}" ] && cp "$tmp/log" "$BOOT_KEEP_LOG"
    # "bench KIND ROUND MB/s MB-per-CPU-s ..." per round
    { sed -n 's/^VIO-BENCH-MARK \([a-z]*[0-9]*\) \(start\|end\) \([0-9.]*\)$/C \1 \2 \3/p' "$tmp/cpu"
      sed -n 's/^VIO-BENCH \([a-z]*[0-9]*\) \([0-9.]*\) \([0-9.]*\)$/G \1 \2 \3/p' "$tmp/log"
    } | awk -v blk="$VIO_BENCH_MB" -v net="$VIO_BENCH_NET_MB" '
        $1 == "C" { c[$2, $3] = $4 }
        $1 == "G" { g[$2] = $4 - $3; order[++n] = $2 }
        END {
            for (i = 1; i <= n; i++) {
                r = order[i]; kind = r; sub(/[0-9]+$/, "", kind)
                mb = kind == "net" ? net : blk
                cpu = c[r, "end"] - c[r, "start"]
                if (g[r] <= 0 || cpu <= 0) continue
                printf "bench %s %s %.1f MB/s %.1f MB/cpu-s (%d MiB in %.2f s guest time, %.2f s host CPU)\n",
                    kind, r, mb / g[r], mb / cpu, mb, g[r], cpu
            }
        }'
    exit 0
fi
t0=$(date +%s%N)
timeout -k 5 "$timeout_s" "$plumb" "${args[@]}" < /dev/null > "$tmp/con" 2> "$tmp/err"
rc=$?
t1=$(date +%s%N)
tr -d '\r' < "$tmp/con" > "$tmp/log"
[ -n "${BOOT_KEEP_LOG:-}" ] && cp "$tmp/log" "$BOOT_KEEP_LOG"
echo "# wall $(( (t1 - t0) / 1000000 )) ms, exit status $rc"
grep -a '^VIO-' "$tmp/log" | sed 's/^/# /'
grep -aE 'Kernel panic|Oops|Unable to handle|BUG:|virtio.*(error|fail)' "$tmp/log" | head -n 5 | sed 's/^/# /'
sed 's/^/# stderr: /' "$tmp/err" | head -n 10

grep -q '^VIO-INIT' "$tmp/log"
check "kernel runs /init" $?
! grep -q '^VIO-INSMOD .* failed' "$tmp/log" && grep -q '^VIO-INSMOD virtio_net ok' "$tmp/log"
check "insmod of the virtio modules" $? "$(grep '^VIO-INSMOD .* failed' "$tmp/log" | tr '\n' ' ')"
if [ "$transport" = pci ]; then
    grep -qE '^VIO-PCI \S+ 1af4:1042 .*driver=virtio-pci' "$tmp/log"
    check "Linux enumerates virtio-blk-pci 1af4:1042, bound to virtio-pci" $?
    grep -qE '^VIO-PCI \S+ 1af4:1041 .*driver=virtio-pci' "$tmp/log"
    check "Linux enumerates virtio-net-pci 1af4:1041, bound to virtio-pci" $?
    grep -qE '^VIO-PCI 0000:00:\S+ 1b36:0005 ' "$tmp/log"
    check "Linux enumerates pci-testdev 1b36:0005 on bus 0" $?
    grep -qE '^VIO-PCI 0000:00:\S+ 1b36:000c class=0x060400 driver=pcieport' "$tmp/log"
    check "Linux enumerates pcie-root-port 1b36:000c, bound to pcieport" $?
    grep -qE '^VIO-PCI 0000:01:00.0 1b36:0005 ' "$tmp/log"
    check "Linux enumerates the pci-testdev behind the root port at 01:00.0" $?
    want_parent='0000:[0-9a-f:.]+' want_v1=1 want_packed=0
else
    want_parent='[0-9a-f]+\.virtio_mmio' want_v1=0 want_packed=0
    [ "$transport" = mmio2 ] && want_v1=1 want_packed=1
fi
grep -qE "^VIO-VIRTIO virtio[0-9]+ device=0x0002 transport=$want_parent version1=$want_v1 driver=virtio_blk packed=$want_packed" "$tmp/log"
check "virtio-blk on the $transport transport (VERSION_1 negotiated: $want_v1, RING_PACKED: $want_packed) bound to virtio_blk" $?
grep -qE "^VIO-VIRTIO virtio[0-9]+ device=0x0001 transport=$want_parent version1=$want_v1 driver=virtio_net packed=$want_packed" "$tmp/log"
check "virtio-net on the $transport transport (VERSION_1 negotiated: $want_v1, RING_PACKED: $want_packed) bound to virtio_net" $?
got_vda=$(sed -n 's/^VIO-VDA-MD5 //p' "$tmp/log" | head -n1)
[ -n "$got_vda" ] && [ "$got_vda" = "$want_vda" ]
check "md5sum /dev/vda = $want_vda (host)" $? "got ${got_vda:-nothing}"
grep -qE '^VIO-DHCP 10\.0\.2\.15 router=10\.0\.2\.2' "$tmp/log"
check "udhcpc on eth0 leases 10.0.2.15 from slirp, router 10.0.2.2" $? \
    "$(grep '^VIO-DHCP' "$tmp/log" | head -n1)"
got_blob=$(sed -n 's/^VIO-HTTP-MD5 \([0-9a-f]*\).*/\1/p' "$tmp/log" | head -n1)
[ -n "$got_blob" ] && [ "$got_blob" = "$want_blob" ]
check "HTTP GET 10.0.2.2:PORT/blob (host server via slirp) over virtio-net, md5 = $want_blob (host)" $? "got ${got_blob:-nothing}"
grep -q '^VIO-DONE' "$tmp/log" && grep -q 'reboot: Power down' "$tmp/log"
check "init finishes and powers down" $?
[ $rc = 0 ]
check "plumb exits 0" $? "exit status $rc$([ $rc = 124 ] && echo ": timed out after ${timeout_s}s")"
exit 0
