#!/usr/bin/env bash
# run-widths.sh - run tests/guest/aarch64/widths.c's image under plumb with
# the ram-device-testdev it needs, and print TAP.
#
#   run-widths.sh IMAGE.elf [PLUMB_BINARY] [-accel ...]
#
# Only plumb: qemu-system-aarch64 has no ram-device-testdev (and maps
# ram_device pages as RAM for TCG, so it could not log them anyway).
# Besides the image's own checks, two of the runner: the image ran to its
# end (plan seen) and the exit status is the failure count.
set -u
img=$1
here=$(cd "$(dirname "$0")" && pwd)
plumb=${2:-${PLUMB_BUILD:-$here/../../../build}/plumb-system-aarch64}
shift $(( $# >= 2 ? 2 : $# ))
timeout_s=${GUEST_TIMEOUT:-60}
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

timeout -k 5 "$timeout_s" "$plumb" -M virt -cpu max -m 128M -nographic \
    -semihosting -kernel "$img" \
    -device ram-device-testdev,addr=0x0c000000,size=0x2000 "$@" \
    > "$out" 2> "$err" < /dev/null
rc=$?
tap=$(grep -aoE '(not ok|ok) [0-9]+ - .*|^1\.\.[0-9]+|^# .*' "$out" | tr -d '\r')
planned=$(grep -m1 -E '^1\.\.[0-9]+' <<< "$tap" | cut -c4-)
n=0
fails=0
while IFS= read -r line; do
    case "$line" in
    "not ok "*) n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - ${line#not ok * - }" ;;
    "ok "*) n=$((n + 1)); echo "ok $n - ${line#ok * - }" ;;
    "# "*) echo "$line" ;;
    esac
done <<< "$tap"
seen=$n
n=$((n + 1))
if [ -n "$planned" ] && [ "$planned" = "$seen" ]; then
    echo "ok $n - image ran to its end ($seen checks)"
else
    echo "not ok $n - image ran to its end (plan '${planned:-none}', saw $seen; rc $rc: $(tail -1 "$err"))"
fi
n=$((n + 1))
if [ "$rc" = "$fails" ]; then
    echo "ok $n - exit status is the failure count ($rc)"
else
    echo "not ok $n - exit status is the failure count (rc $rc, $fails failures)"
fi
echo "1..$n"
