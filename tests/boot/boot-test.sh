#!/usr/bin/env bash
# boot-test.sh PLUMB CACHE SMP GIC GUEST [EMULATOR_ARGS...] - boot Debian 12's
# arm64 kernel (fetch-guest.sh, cached in CACHE) on -M virt -cpu max with
# -smp SMP and gic-version=GIC, print TAP.
#
# GUEST "busybox": the busybox initramfs of fetch-guest.sh. Checks: the
# guest is fetched (a mirror that cannot be reached is a SKIP with the
# reason, a failed download of a reachable one a failure), the kernel
# reaches "Run /init", /init prints its marker, uname, as many CPUs in
# /proc/cpuinfo as -smp, the md5 of /bin/busybox and a shell loop's result
# equal to what the host computed, the done marker, the kernel's "reboot:
# Power down" (poweroff -f -> PSCI SYSTEM_OFF) and exit status 0.
#
# GUEST a file: an initrd whose /init is mini-init.c (no libc, no FP). Its
# "MINI-ok"/"MINI-not ok" lines become TAP lines (as many as mini-init.c
# has check() calls), then its hash against the host's, the CPU count,
# the done marker, power down and exit status 0.
# Env: BOOT_TIMEOUT (s, default 120), BOOT_KEEP_LOG=FILE keeps the console;
# BOOT_MEM_K=N adds a check that the kernel saw N KiB of RAM ("Memory:
# .../NK available"), BOOT_CPU_PART=0xNNN one that /proc/cpuinfo's CPU
# part is that (for configurations given -m or -cpu in EMULATOR_ARGS).
set -u
plumb=${1:?usage: $0 PLUMB CACHE SMP GIC GUEST}
cache=$2 smp=$3 gic=$4 guest=${5:-busybox}
shift 5
here=$(cd "$(dirname "$0")" && pwd)
timeout_s=${BOOT_TIMEOUT:-120}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 plan=10
if [ "$guest" != busybox ]; then
    plan=$((2 + $(grep -c '^ *check("' "$here/mini-init.c") + 5))
fi
[ -n "${BOOT_MEM_K:-}" ] && plan=$((plan + 1))
[ -n "${BOOT_CPU_PART:-}" ] && plan=$((plan + 1))
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1${2:+ # $2}"; }
check() { # check NAME COND_STATUS [DETAIL]
    if [ "$2" = 0 ]; then ok "$1"; else notok "$1" "${3:-}"; fi
}

echo "1..$plan"
# Fetch under a lock: several configurations share one cache.
mkdir -p "$cache"
( flock 9; "$here/fetch-guest.sh" "$cache" ) 9> "$cache/.lock" > "$tmp/fetch.log" 2>&1
frc=$?
if [ $frc = 2 ]; then
    sed 's/^/# /' "$tmp/fetch.log"
    for ((i = 1; i <= plan; i++)); do
        echo "ok $i - check $i # SKIP the Debian mirror is unreachable, no guest to boot"
    done
    exit 0
fi
if [ $frc != 0 ]; then
    sed 's/^/# /' "$tmp/fetch.log"
    notok "fetch linux-image-*-arm64 and busybox-static from Debian"
    for ((i = 2; i <= plan; i++)); do notok "check $i" "no guest: the download failed"; done
    exit 1
fi
ok "guest fetched: kernel $(cat "$cache/abi"), busybox-static"

initrd=$cache/initrd.gz
[ "$guest" != busybox ] && initrd=$guest
args=(-M "virt,gic-version=$gic" -cpu max -m 1G -smp "$smp" -nographic
      -kernel "$cache/Image" -initrd "$initrd"
      -append "console=ttyAMA0 panic=-1" -no-reboot "$@")
echo "# $plumb ${args[*]}"
t0=$(date +%s%N)
timeout -k 5 "$timeout_s" "$plumb" "${args[@]}" < /dev/null > "$tmp/con" 2> "$tmp/err"
rc=$?
t1=$(date +%s%N)
tr -d '\r' < "$tmp/con" > "$tmp/log"
[ -n "${BOOT_KEEP_LOG:-}" ] && cp "$tmp/log" "$BOOT_KEEP_LOG"
echo "# wall $(( (t1 - t0) / 1000000 )) ms, exit status $rc"
sed -n 's/^.*\(PLUMB-[A-Z]*.*\)$/# \1/p; s/^\(MINI-[A-Z]*.*\)$/# \1/p' "$tmp/log"
grep -aE 'Kernel panic|Oops|Unable to handle|BUG:' "$tmp/log" | head -n 5 | sed 's/^/# /'
sed 's/^/# stderr: /' "$tmp/err" | head -n 10

grep -q 'Run /init as init process' "$tmp/log"
check "kernel runs /init" $?
if [ -n "${BOOT_MEM_K:-}" ]; then
    grep -q "Memory: [0-9]*K/${BOOT_MEM_K}K available" "$tmp/log"
    check "the kernel sees ${BOOT_MEM_K} KiB of RAM" $? \
        "$(grep -a -m1 'Memory:' "$tmp/log")"
fi
if [ -n "${BOOT_CPU_PART:-}" ]; then
    parts=$(sed -n 's/^CPU part[[:space:]]*: //p' "$tmp/log" | sort -u | tr '\n' ' ')
    [ "$parts" = "$BOOT_CPU_PART " ]
    check "every CPU is part $BOOT_CPU_PART" $? "got ${parts:-nothing}"
fi

if [ "$guest" != busybox ]; then
    while IFS= read -r line; do
        case $line in
        "MINI-ok "*) ok "${line#MINI-ok }" ;;
        "MINI-not ok "*) notok "${line#MINI-not ok }" ;;
        esac
    done < <(grep -aE '^MINI-(not )?ok ' "$tmp/log")
    want_hash=$(python3 -c '
M = (1 << 64) - 1
x, h, n = 0x9e3779b97f4a7c15, 0xcbf29ce484222325, 256 * 1024
b = bytearray(n)
for i in range(n):
    x ^= (x << 13) & M; x ^= x >> 7; x ^= (x << 17) & M; b[i] = (x >> 32) & 0xff
for r in range(4):
    for c in b:
        h = ((h ^ c) * 0x100000001b3) & M
print(h)')
    got_hash=$(sed -n 's/^MINI-HASH //p' "$tmp/log" | head -n1)
    got_cpus=$(sed -n 's/^MINI-CPUS //p' "$tmp/log" | head -n1)
    [ -n "$got_hash" ] && [ "$got_hash" = "$want_hash" ]
    check "EL0 workload hash = $want_hash (host)" $? "got ${got_hash:-nothing}"
    [ "$got_cpus" = "$smp" ]
    check "init ran on $smp CPUs" $? "got ${got_cpus:-nothing}"
    grep -q '^MINI-DONE$' "$tmp/log"
    check "init finishes without failures" $?
    grep -q 'reboot: Power down' "$tmp/log"
    check "reboot(POWER_OFF) powers down (PSCI SYSTEM_OFF)" $?
    [ $rc = 0 ] && grep -q 'reboot: Power down' "$tmp/log"
    check "plumb exits 0 after power down" $? \
        "exit status $rc$([ $rc = 124 ] && echo ": timed out after ${timeout_s}s")"
    exit 0
fi

want_md5=$(sed -n 's/^md5 //p' "$cache/expected.txt")
want_loop=$(sed -n 's/^loop //p' "$cache/expected.txt")
got_md5=$(sed -n 's/^PLUMB-MD5 //p' "$tmp/log" | head -n1)
got_loop=$(sed -n 's/^PLUMB-LOOP //p' "$tmp/log" | head -n1)
got_cpus=$(sed -n 's/^PLUMB-CPUS //p' "$tmp/log" | head -n1)

grep -q '^PLUMB-BOOT-OK' "$tmp/log"
check "init prints the marker" $?
grep -qE '^Linux .* aarch64 GNU/Linux$' "$tmp/log"
check "uname -a: Linux aarch64" $?
[ "$got_cpus" = "$smp" ]
check "/proc/cpuinfo lists $smp CPUs" $? "got ${got_cpus:-nothing}"
[ -n "$got_md5" ] && [ "$got_md5" = "$want_md5" ]
check "md5sum /bin/busybox = $want_md5 (host)" $? "got ${got_md5:-nothing}"
[ -n "$got_loop" ] && [ "$got_loop" = "$want_loop" ]
check "shell loop = $want_loop (host)" $? "got ${got_loop:-nothing}"
grep -q '^PLUMB-DONE' "$tmp/log"
check "init finishes" $?
grep -q 'reboot: Power down' "$tmp/log"
check "poweroff -f powers down (PSCI SYSTEM_OFF)" $?
[ $rc = 0 ] && grep -q 'reboot: Power down' "$tmp/log"
check "plumb exits 0 after power down" $? \
    "exit status $rc$([ $rc = 124 ] && echo ": timed out after ${timeout_s}s")"
exit 0
