#!/usr/bin/env bash
# a64-difftest.sh - a larger differential run than check-guest's fixed set:
# for each seed, generate blocks (scripts/a64-difftest-gen.py), build the
# image with tests/guest/aarch64-diff/harness.c, and compare plumb with
# qemu-system-aarch64 (scripts/a64-difftest-compare.py). Prints the TAP
# lines that failed and a summary; exits 1 if any block differed.
#
#   scripts/a64-difftest.sh [--build DIR] [--seeds FIRST-LAST] [--blocks N]
#                           [--insns K] [--accel tcg,OPTS] [--keep DIR]
#                           [--fpsimd CLASSES|all] [--only]
#
# Also reachable as `make fuzz-a64 [FUZZ_SEEDS=A-B] [FUZZ_ACCEL=...]
# [FUZZ_FPSIMD=vint,vfp] [FUZZ_ONLY=1]`.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build
seeds=1000-1019
blocks=50
insns=40
accel=
keep=
fpsimd=
only=
while [ $# -gt 0 ]; do
    case "$1" in
    --build) build=$(cd "$2" && pwd); shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --blocks) blocks=$2; shift 2 ;;
    --insns) insns=$2; shift 2 ;;
    --accel) accel=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --fpsimd) fpsimd=$2; shift 2 ;;
    --only) only=--only; shift ;;
    *) echo "usage: $0 [--build DIR] [--seeds A-B] [--blocks N] [--insns K] [--accel tcg,OPTS] [--keep DIR] [--fpsimd CLASSES|all] [--only]" >&2; exit 2 ;;
    esac
done
first=${seeds%-*}
last=${seeds#*-}
work=${keep:-$(mktemp -d)}
mkdir -p "$work"
[ -z "$keep" ] && trap 'rm -rf "$work"' EXIT
g=$top/tests/guest/aarch64
cflags=(-O2 -g -ffreestanding -nostdlib -static -fno-pic -no-pie -fno-stack-protector
        -mgeneral-regs-only -mstrict-align -march=armv8.1-a+crc -Wall -Werror -I"$g"
        -T "$g/link.ld" -Wl,--build-id=none -Wl,--no-warn-rwx-segments)
total=0 bad=0 seeds_bad=0
t0=$SECONDS
for ((s = first; s <= last; s++)); do
    python3 "$top/scripts/a64-difftest-gen.py" --seed "$s" --blocks "$blocks" \
        --insns "$insns" ${fpsimd:+--fpsimd "$fpsimd"} $only \
        -o "$work/s$s.S" --meta "$work/s$s.json" || exit 2
    aarch64-linux-gnu-gcc "${cflags[@]}" -o "$work/s$s.elf" "$g/crt0.S" "$g/testlib.c" \
        "$top/tests/guest/aarch64-diff/harness.c" "$work/s$s.S" || exit 2
    out=$(python3 "$top/scripts/a64-difftest-compare.py" --elf "$work/s$s.elf" \
        --meta "$work/s$s.json" --plumb "${PLUMB:-$build/plumb-system-aarch64}" \
        ${accel:+--accel "$accel"} --bisect 1)
    n=$(grep -c '^ok \|^not ok ' <<< "$out")
    f=$(grep -c '^not ok ' <<< "$out")
    total=$((total + n)); bad=$((bad + f))
    if [ "$f" != 0 ]; then
        seeds_bad=$((seeds_bad + 1))
        grep '^not ok ' <<< "$out"
    fi
done
echo "a64-difftest: seeds $first-$last, $blocks blocks x $insns insns${fpsimd:+, fpsimd $fpsimd}${only:+ only}${accel:+, -accel $accel}:" \
     "$total checks, $bad failed ($seeds_bad seeds), $((SECONDS - t0)) s"
[ "$bad" = 0 ]
