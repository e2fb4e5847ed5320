#!/usr/bin/env bash
# bench-vs-qemu.sh - time one bare-metal AArch64 image under plumb and
# qemu-system-aarch64 (-M virt -cpu max), interleaved, RUNS times each
# (default 3), and print the medians and the ratio plumb/QEMU.
#
#   bench-vs-qemu.sh NAME IMAGE.elf [PLUMB_BINARY [ACCEL-OPTIONS]]
#   env: BENCH_RUNS, BENCH_BASELINE (the empty image), BENCH_ARGS (more
#   options for both), BENCH_OPS (operations in the work: ns per operation)
#
# Both emulators must print the same "bench-result" line (a checksum of the
# work): a fast wrong answer is a failure, not a speed-up. The ratio is of
# CPU time (user + system, all threads): on a shared, loaded machine wall
# time mostly measures the neighbours; wall time is printed too. Both
# include start-up (QEMU's is larger).
set -u
name=$1
img=$2
plumb=${3:-${PLUMB_BUILD:-build}/plumb-system-aarch64}
accel=${4:-}
runs=${BENCH_RUNS:-3}
# BENCH_ARGS: more options for both emulators (e.g. devices the image uses)
read -r -a extra <<< "${BENCH_ARGS:-}"
args=(-M virt -cpu max -m 128M -nographic -semihosting -kernel "$img" "${extra[@]}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run LABEL CMD...: appends "wall cpu" to $tmp/LABEL.times, output to $tmp/LABEL.out
run() {
    local label=$1; shift
    local t
    TIMEFORMAT='%R %U %S'
    t=$( { time "$@" < /dev/null > "$tmp/$label.out" 2> "$tmp/$label.err"; } 2>&1 )
    awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' <<< "$t" >> "$tmp/$label.times"
    grep -a '^bench-result' "$tmp/$label.out" | tr -d '\r' > "$tmp/$label.result"
    grep -a '^bench-kernel' "$tmp/$label.out" | tr -d '\r' >> "$tmp/$label.kernels"
}

median() {  # column $2 of file $1
    sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'
}

have_qemu=0
command -v qemu-system-aarch64 > /dev/null 2>&1 && have_qemu=1
base=${BENCH_BASELINE:-}
bargs=(-M virt -cpu max -m 128M -nographic -semihosting -kernel "$base" "${extra[@]}")
for ((i = 0; i < runs; i++)); do
    if [ -n "$base" ]; then
        run plumb0 "$plumb" "${bargs[@]}" ${accel:+-accel "$accel"}
        [ $have_qemu = 1 ] && run qemu0 qemu-system-aarch64 "${bargs[@]}" -display none
    fi
    run plumb "$plumb" "${args[@]}" ${accel:+-accel "$accel"}
    [ -s "$tmp/plumb.result" ] || { echo "$name: plumb printed no result: $(tail -1 "$tmp/plumb.err")"; exit 1; }
    if [ $have_qemu = 1 ]; then
        run qemu qemu-system-aarch64 "${args[@]}" -display none
        if ! cmp -s "$tmp/plumb.result" "$tmp/qemu.result"; then
            echo "$name: results differ: plumb '$(cat "$tmp/plumb.result")' QEMU '$(cat "$tmp/qemu.result")'"
            exit 1
        fi
    fi
done
pw=$(median "$tmp/plumb.times" 1); pc=$(median "$tmp/plumb.times" 2)
if [ $have_qemu = 0 ]; then
    echo "$name: plumb ${pc} s CPU (${pw} s wall), median of $runs; qemu-system-aarch64 not installed, no ratio"
    exit 0
fi
qw=$(median "$tmp/qemu.times" 1); qc=$(median "$tmp/qemu.times" 2)
ratio=$(awk -v a="$pc" -v b="$qc" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
wratio=$(awk -v a="$pw" -v b="$qw" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
echo "$name: plumb ${pc} s CPU (${pw} s wall), QEMU ${qc} s CPU (${qw} s wall), median of $runs, $(cat "$tmp/plumb.result")"
echo "$name: ratio plumb/QEMU = $ratio (CPU time; wall-time ratio $wratio)"
# Per kernel (guest timer ticks, median over runs): where the time goes.
if [ -s "$tmp/plumb.kernels" ] && [ -s "$tmp/qemu.kernels" ]; then
    for k in $(awk '{ print $2 }' "$tmp/plumb.kernels" | sort -u); do
        pk=$(awk -v k="$k" '$2 == k { print $3 }' "$tmp/plumb.kernels" | sort -n |
             awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
        qk=$(awk -v k="$k" '$2 == k { print $3 }' "$tmp/qemu.kernels" | sort -n |
             awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
        awk -v n="$name" -v k="$k" -v a="$pk" -v b="$qk" 'BEGIN {
            printf "%s:   %-8s plumb %10d ticks, QEMU %10d ticks, ratio %.2f (guest timer, wall clock)\n",
                   n, k, a, b, (b > 0 ? a / b : 0) }'
    done
fi
if [ -n "$base" ]; then
    pb=$(median "$tmp/plumb0.times" 2); qb=$(median "$tmp/qemu0.times" 2)
    net=$(awk -v a="$pc" -v b="$qc" -v c="$pb" -v d="$qb" \
          'BEGIN { printf "%.2f", (b - d > 0 ? (a - c) / (b - d) : 0) }')
    echo "$name: start-up alone: plumb ${pb} s CPU, QEMU ${qb} s CPU;" \
         "guest work ratio plumb/QEMU = $net"
    # BENCH_OPS: operations the work does (the image minus the empty one)
    if [ -n "${BENCH_OPS:-}" ]; then
        awk -v n="$name" -v a="$pc" -v b="$qc" -v c="$pb" -v d="$qb" -v ops="$BENCH_OPS" 'BEGIN {
            printf "%s: per operation (CPU time minus start-up, /%d): plumb %.0f ns, QEMU %.0f ns\n",
                   n, ops, (a - c) * 1e9 / ops, (b - d) * 1e9 / ops }'
    fi
fi
