#!/usr/bin/env bash
# boot-test.sh PLUMB CACHE SMP GIC [EMULATOR_ARGS...] - boot Debian 12's arm64
# kernel with the busybox initramfs of fetch-guest.sh on -M virt, print TAP.
#
# Checks: the guest is fetched (a mirror that cannot be reached is a SKIP
# with the reason, a failed download of a reachable one a failure), the
# kernel reaches "Run /init", /init prints its marker, uname, as many CPUs
# in /proc/cpuinfo as -smp, the md5 of /bin/busybox and a shell loop's
# result equal to what the host computed, the done marker, the kernel's
# "reboot: Power down" (poweroff -f -> PSCI SYSTEM_OFF) and exit status 0
# within the time limit.
# While the CPU has no FP/AdvSIMD (the kernel says "Floating-point is not
# implemented"), static glibc busybox cannot run: the userspace checks are
# then reported "not ok ... # TODO" (counted as skipped, never as passed).
# Env: BOOT_TIMEOUT (s, default 120), BOOT_KEEP_LOG=FILE keeps the console.
set -u
plumb=${1:?usage: $0 PLUMB CACHE SMP GIC}
cache=$2 smp=$3 gic=$4
shift 4
here=$(cd "$(dirname "$0")" && pwd)
timeout_s=${BOOT_TIMEOUT:-120}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 plan=10
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

args=(-M "virt,gic-version=$gic" -cpu max -m 1G -smp "$smp" -nographic
      -kernel "$cache/Image" -initrd "$cache/initrd.gz"
      -append "console=ttyAMA0 panic=-1" -no-reboot "$@")
echo "# $plumb ${args[*]}"
t0=$(date +%s%N)
timeout -k 5 "$timeout_s" "$plumb" "${args[@]}" < /dev/null > "$tmp/con" 2> "$tmp/err"
rc=$?
t1=$(date +%s%N)
tr -d '\r' < "$tmp/con" > "$tmp/log"
[ -n "${BOOT_KEEP_LOG:-}" ] && cp "$tmp/log" "$BOOT_KEEP_LOG"
echo "# wall $(( (t1 - t0) / 1000000 )) ms, exit status $rc"
sed -n 's/^.*\(PLUMB-[A-Z]*.*\)$/# \1/p' "$tmp/log"
grep -aE 'Kernel panic|Oops|Unable to handle|BUG:' "$tmp/log" | head -n 5 | sed 's/^/# /'
sed 's/^/# stderr: /' "$tmp/err" | head -n 10

grep -q 'Run /init as init process' "$tmp/log"
check "kernel runs /init" $?

todo=""
if grep -q 'Floating-point is not implemented' "$tmp/log"; then
    todo="TODO the CPU has no FP/AdvSIMD yet: static glibc busybox cannot run"
fi
want_md5=$(sed -n 's/^md5 //p' "$cache/expected.txt")
want_loop=$(sed -n 's/^loop //p' "$cache/expected.txt")
got_md5=$(sed -n 's/^PLUMB-MD5 //p' "$tmp/log" | head -n1)
got_loop=$(sed -n 's/^PLUMB-LOOP //p' "$tmp/log" | head -n1)
got_cpus=$(sed -n 's/^PLUMB-CPUS //p' "$tmp/log" | head -n1)

grep -q '^PLUMB-BOOT-OK' "$tmp/log"
check "init prints the marker" $? "$todo"
grep -qE '^Linux .* aarch64 GNU/Linux$' "$tmp/log"
check "uname -a: Linux aarch64" $? "$todo"
[ "$got_cpus" = "$smp" ]
check "/proc/cpuinfo lists $smp CPUs" $? "${todo:-got ${got_cpus:-nothing}}"
[ -n "$got_md5" ] && [ "$got_md5" = "$want_md5" ]
check "md5sum /bin/busybox = $want_md5 (host)" $? "${todo:-got ${got_md5:-nothing}}"
[ -n "$got_loop" ] && [ "$got_loop" = "$want_loop" ]
check "shell loop = $want_loop (host)" $? "${todo:-got ${got_loop:-nothing}}"
grep -q '^PLUMB-DONE' "$tmp/log"
check "init finishes" $? "$todo"
grep -q 'reboot: Power down' "$tmp/log"
check "poweroff -f powers down (PSCI SYSTEM_OFF)" $? "$todo"
[ $rc = 0 ] && grep -q 'reboot: Power down' "$tmp/log"
check "plumb exits 0 after power down" $? \
    "${todo:-exit status $rc$([ $rc = 124 ] && echo ": timed out after ${timeout_s}s")}"
exit 0
