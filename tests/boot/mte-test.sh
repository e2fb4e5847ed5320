#!/usr/bin/env bash
# mte-test.sh PLUMB CACHE INITRD - boot Debian 12's arm64 kernel
# (fetch-guest.sh, cached in CACHE) on -M virt,mte=on -cpu max with the
# initrd whose /init is mte-init.c, print TAP: the guest fetched, the
# kernel saw MTE (its "MTE" CPU feature line), /init ran, each "MTE-ok"/
# "MTE-not ok" line of mte-init.c, its done marker, power down, exit 0.
# Env: BOOT_TIMEOUT (s, default 120), BOOT_KEEP_LOG=FILE keeps the console.
set -u
plumb=${1:?usage: $0 PLUMB CACHE INITRD}
cache=$2 initrd=$3
here=$(cd "$(dirname "$0")" && pwd)
timeout_s=${BOOT_TIMEOUT:-120}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
plan=$((5 + $(grep -c '^ *check("' "$here/mte-init.c")))
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1${2:+ # $2}"; }
check() { if [ "$2" = 0 ]; then ok "$1"; else notok "$1" "${3:-}"; fi; }

echo "1..$plan"
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
    notok "fetch the Debian kernel"
    for ((i = 2; i <= plan; i++)); do notok "check $i" "no guest: the download failed"; done
    exit 1
fi
ok "guest fetched: kernel $(cat "$cache/abi")"

args=(-M virt,mte=on -cpu max -m 512M -nographic -kernel "$cache/Image"
      -initrd "$initrd" -append "console=ttyAMA0 panic=-1" -no-reboot)
echo "# $plumb ${args[*]}"
timeout -k 5 "$timeout_s" "$plumb" "${args[@]}" < /dev/null > "$tmp/con" 2> "$tmp/err"
rc=$?
tr -d '\r' < "$tmp/con" > "$tmp/log"
[ -n "${BOOT_KEEP_LOG:-}" ] && cp "$tmp/log" "$BOOT_KEEP_LOG"
grep -aE 'Kernel panic|Oops|Unable to handle|BUG:' "$tmp/log" | head -n 5 | sed 's/^/# /'
grep -aq 'detected: Memory Tagging Extension' "$tmp/log"
check "the kernel detects MTE" $?
grep -aq '^MTE-BOOT-OK' "$tmp/log"
check "/init (mte-init) runs" $?
want=$(grep -c '^ *check("' "$here/mte-init.c")
got=0
while IFS= read -r line; do
    got=$((got + 1))
    case "$line" in
    "MTE-ok "*) ok "${line#MTE-ok }" ;;
    *) notok "${line#MTE-not ok }" ;;
    esac
done < <(grep -aE '^MTE-(not )?ok ' "$tmp/log" | head -n "$want")
for ((; got < want; got++)); do notok "mte-init check $((got + 1))" "not reported"; done
grep -q '^MTE-DONE$' "$tmp/log"
check "mte-init reaches its end with no failure" $?
[ $rc = 0 ] && grep -q 'reboot: Power down' "$tmp/log"
check "power down, exit status 0" $? "rc $rc: $(tail -1 "$tmp/err")"
