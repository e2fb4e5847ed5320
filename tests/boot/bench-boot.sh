#!/usr/bin/env bash
# bench-boot.sh PLUMB CACHE MINI_INITRD - `make bench`: boot Debian 12's arm64
# kernel under plumb and qemu-system-aarch64 (-M virt -cpu max -m 1G -smp 1,
# gic-version=3), interleaved, BENCH_RUNS times each (default 3), and print
# medians of: time from process start to the guest's marker line, to exit,
# CPU time (user + system) and peak RSS, with the ratios plumb/QEMU.
#
# Guests: "mini" (mini-init.c as /init, marker MINI-BOOT-OK) and "busybox"
# (fetch-guest.sh's initramfs, marker PLUMB-BOOT-OK; needs FP/AdvSIMD). A
# guest plumb cannot boot to its marker is reported as such and skipped.
# QEMU's -cpu max computes pointer authentication with QARMA5, which is most
# of its boot time; plumb has no PAuth, so QEMU with pauth-impdef=on is
# shown too. On a shared host the wall times include the neighbours' load.
set -u
plumb=${1:?usage: $0 PLUMB CACHE MINI_INITRD}
cache=$2 mini=$3
here=$(cd "$(dirname "$0")" && pwd)
runs=${BENCH_RUNS:-3}
tmo=${BENCH_TIMEOUT:-180}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! "$here/fetch-guest.sh" "$cache" > "$tmp/fetch.log" 2>&1; then
    echo "aarch64-linux-boot: the guest could not be fetched:"; sed 's/^/  /' "$tmp/fetch.log"
    exit 1
fi

# boot LABEL MARKER EMU ARGS...: appends "marker exit cpu rss_kb" to
# $tmp/LABEL.times (marker = NA when it never showed)
boot() {
    local label=$1 marker=$2; shift 2
    local t0 line seen=NA now
    t0=${EPOCHREALTIME/./}
    while IFS= read -r line; do
        if [ $seen = NA ] && [[ $line == *"$marker"* ]]; then
            now=${EPOCHREALTIME/./}
            seen=$(( (10#$now - 10#$t0) / 1000 ))
        fi
    done < <(timeout -k 5 "$tmo" /usr/bin/time -f '%e %U %S %M' -o "$tmp/rusage" \
             "$@" < /dev/null 2>&1)
    read -r e u s m < "$tmp/rusage" 2>/dev/null || { e=0 u=0 s=0 m=0; }
    awk -v k="$seen" -v e="$e" -v u="$u" -v s="$s" -v m="$m" \
        'BEGIN { printf "%s %.2f %.2f %d\n", (k == "NA" ? "NA" : sprintf("%.2f", k / 1000)), e, u + s, m }' \
        >> "$tmp/$label.times"
}

median() {  # column $2 of file $1
    awk -v c="$2" '{ print $c }' "$1" | sort -n |
        awk '{ v[NR] = $1 } END { print (NR ? v[int((NR + 1) / 2)] : "NA") }'
}

have_qemu=0
command -v qemu-system-aarch64 > /dev/null 2>&1 && have_qemu=1
common=(-M virt,gic-version=3 -m 1G -smp 1 -nographic -kernel "$cache/Image"
        -append "console=ttyAMA0 panic=-1" -no-reboot)
rc=0
for guest in mini busybox; do
    if [ $guest = mini ]; then initrd=$mini marker=MINI-BOOT-OK; else
        initrd=$cache/initrd.gz marker=PLUMB-BOOT-OK; fi
    rm -f "$tmp"/*.times
    for ((i = 0; i < runs; i++)); do
        boot plumb "$marker" "$plumb" "${common[@]}" -cpu max -initrd "$initrd"
        if [ "$(tail -n1 "$tmp/plumb.times" | cut -d' ' -f1)" = NA ]; then
            echo "aarch64-linux-boot $guest: plumb did not reach $marker; skipped"
            [ $guest = mini ] && rc=1
            continue 2
        fi
        if [ $have_qemu = 1 ]; then
            boot qemu "$marker" qemu-system-aarch64 "${common[@]}" -cpu max -initrd "$initrd"
            boot qemuimp "$marker" qemu-system-aarch64 "${common[@]}" -cpu max,pauth-impdef=on \
                -initrd "$initrd"
        fi
    done
    line() { # LABEL NAME
        printf 'aarch64-linux-boot %s: %-31s marker %6s s, exit %6s s, CPU %6s s, peak RSS %4d MiB\n' \
            "$guest" "$2" "$(median "$tmp/$1.times" 1)" "$(median "$tmp/$1.times" 2)" \
            "$(median "$tmp/$1.times" 3)" "$(( $(median "$tmp/$1.times" 4) / 1024 ))"
    }
    line plumb "plumb -cpu max"
    if [ $have_qemu = 0 ]; then
        echo "aarch64-linux-boot $guest: qemu-system-aarch64 not installed, no ratio"
        continue
    fi
    line qemu "QEMU -cpu max"
    line qemuimp "QEMU -cpu max,pauth-impdef=on"
    for q in qemu qemuimp; do
        awk -v g="$guest" -v q="$q" -v a="$(median "$tmp/plumb.times" 1)" \
            -v b="$(median "$tmp/$q.times" 1)" -v c="$(median "$tmp/plumb.times" 3)" \
            -v d="$(median "$tmp/$q.times" 3)" -v e="$(median "$tmp/plumb.times" 4)" \
            -v f="$(median "$tmp/$q.times" 4)" 'BEGIN {
            printf "aarch64-linux-boot %s: ratio plumb/%s: time to marker %.2f, CPU %.2f, peak RSS %.2f (median of %d)\n",
                g, (q == "qemu" ? "QEMU" : "QEMU-pauth-impdef"), (b > 0 ? a / b : 0),
                (d > 0 ? c / d : 0), (f > 0 ? e / f : 0), '"$runs"' }'
    done
done
exit $rc
