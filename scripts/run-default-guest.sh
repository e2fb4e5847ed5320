#!/usr/bin/env bash
# run-default-guest.sh BUILD_DIR - what `make run` does.
#
# The default guest is Debian 12's arm64 kernel with a busybox initramfs
# (tests/boot/fetch-guest.sh: apt packages, cached in BUILD_DIR/boot-cache),
# booted on -M virt -cpu max to an interactive busybox shell on the serial
# console (Ctrl-a x quits; `exit` in the shell powers the guest off). When
# the guest cannot be fetched, it shows what plumb can run without it: the
# version, the aarch64 machines and CPU models, and then either a
# bare-metal guest test image (when tests/guest has built one: `make
# check-guest` builds them) on the virt board, or a short smoke run of an
# empty machine under the qtest accelerator that is stopped with SIGTERM.
#
# Exits 0 when plumb itself works; a failing demo guest is reported, not
# fatal, because `make run` is a demonstration, not a test.
# Env: RUN_SMP (default 2), RUN_GIC (2 or 3, default 3), RUN_APPEND (extra
# kernel arguments), RUN_NO_LINUX=1 (skip the Linux guest).
set -u
build=${1:-build}
bin=$build/plumb-system-aarch64

if [ ! -x "$bin" ]; then
    echo "run-default-guest: $bin is not built (run make first)" >&2
    exit 1
fi
if ! "$bin" -version > /dev/null 2>&1; then
    echo "run-default-guest: $bin -version failed" >&2
    exit 1
fi

here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${RUN_NO_LINUX:-}" ]; then
    cache=$build/boot-cache
    echo "== fetching the default guest (Debian 12 arm64 kernel + busybox-static) into $cache"
    if "$here/../tests/boot/fetch-guest.sh" "$cache"; then
        cmd=("$bin" -M "virt,gic-version=${RUN_GIC:-3}" -cpu max -m 1G -smp "${RUN_SMP:-2}"
             -nographic -kernel "$cache/Image" -initrd "$cache/initrd.gz"
             -append "console=ttyAMA0 plumbshell=1 panic=-1 ${RUN_APPEND:-}" -no-reboot)
        echo "== booting Linux $(cat "$cache/abi") to a busybox shell (Ctrl-a x quits, 'exit' powers off):"
        echo "   ${cmd[*]}"
        "${cmd[@]}"
        rc=$?
        echo "== plumb exit status $rc"
        exit 0
    fi
    echo "== the default guest could not be fetched; showing what plumb runs without it"
fi

echo "== $("$bin" -version | head -n 1)"
echo "== machines (plumb-system-aarch64 -machine help):"
"$bin" -machine help | sed 's/^/   /'
echo "== CPU models (plumb-system-aarch64 -cpu help):"
"$bin" -cpu help | sed 's/^/   /'
echo "== accelerators (-accel help):"
"$bin" -accel help | sed 's/^/   /'

demo=""
# The integer-ALU test is the demo: it runs on -cpu max and prints
# thousands of named checks; any other built image will do otherwise.
for img in "$build"/tests/guest/aarch64/alu.elf "$build"/tests/guest/aarch64/*.elf; do
    [ -f "$img" ] && { demo=$img; break; }
done

if [ -n "$demo" ] && "$bin" -machine help | grep -q '^virt '; then
    cmd=("$bin" -M virt -cpu max -m 128M -nographic -semihosting -kernel "$demo")
    echo "== running the bare-metal guest test $demo:"
    echo "   ${cmd[*]}"
    timeout -k 2 30 "${cmd[@]}" < /dev/null > "$build/run-demo.out" 2>&1
    rc=$?
    head -n 40 "$build/run-demo.out" | sed 's/^/   | /'
    lines=$(wc -l < "$build/run-demo.out")
    [ "$lines" -gt 40 ] && echo "   | ... ($lines lines in all)"
    rm -f "$build/run-demo.out"
    case $rc in
    124|137) echo "== the guest did not finish within 30 s (stopped)" ;;
    *) echo "== the guest finished; plumb exit status $rc (the guest's own exit code, see docs/user.md)" ;;
    esac
else
    echo "== no guest image built yet (make check-guest builds tests/guest);"
    echo "   smoke run: an empty machine under the qtest accelerator, stopped by SIGTERM"
    "$bin" -M none -accel qtest -nodefaults -display none < /dev/null 2> "$build/run-smoke.err" &
    pid=$!
    sleep 0.5
    kill -TERM $pid 2> /dev/null
    wait $pid
    rc=$?
    sed 's/^/   | /' "$build/run-smoke.err"
    rm -f "$build/run-smoke.err"
    if [ "$rc" = 0 ]; then
        echo "== smoke run: started, stopped cleanly on SIGTERM (status 0)"
    else
        echo "== smoke run: exit status $rc (expected 0)"
    fi
fi
echo "== plumb runs: see docs/user.md for the options (QEMU's command line)."
exit 0
