#!/usr/bin/env bash
# pci-cli-test.sh - QEMU's command-line forms for disks, NICs and PCI
# devices, checked through the monitor's `info pci` (what the board built,
# in which slot and order) and QEMU's error messages for bad input.
# Where qemu-system-aarch64 is installed, `info pci` of the same command
# line is compared with it, line for line, for device sets whose layout
# plumb models exactly.
#
# Prints TAP. Uses $QTEST_QEMU_BINARY, else $PLUMB_BUILD/plumb-system-aarch64.
set -u

B=${PLUMB_BUILD:-./build}
BIN=$(realpath "${QTEST_QEMU_BINARY:-$B/plumb-system-aarch64}")
P=$(basename "$BIN")
n=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
head -c 1M /dev/zero > d.img
head -c 2M /dev/zero > e.img
printf 'QFI\373\0\0\0\3' > q.img; head -c 1M /dev/zero >> q.img
head -c 5000 /dev/zero > opt.rom

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
    n=$((n + 1)); echo "not ok $n - $1"; shift
    for l in "$@"; do printf '#   %s\n' "$l"; done
}

# info_pci OUT EMU ARGS...: `info pci` of a stopped virt machine into OUT
info_pci() {
    local out=$1 emu=$2; shift 2
    printf 'info pci\nquit\n' | timeout -k 1 20 "$emu" -M virt -display none \
        -serial null -S -monitor stdio "$@" 2> "$out.err" |
        tr -d '\r' | sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g' |
        grep -E '^  ' > "$out"
}

# slots FILE: "bus:slot.fn vendor:device" per function, in listed order
slots() {
    awk '/^  Bus/ { gsub(/,/, ""); b = $2; s = $4; f = $6; sub(/:/, "", f) }
         /PCI device/ { print b ":" s "." f " " $NF }' "$1" | tr '\n' ' '
}

# expect_slots NAME "WANT" ARGS...
expect_slots() {
    local name=$1 want=$2; shift 2
    info_pci "$tmp/o" "$BIN" "$@"
    local got; got=$(slots "$tmp/o")
    if [ "$got" = "$want" ]; then
        ok "$name"
    else
        not_ok "$name" "want: $want" "got:  $got" \
            "stderr: $(head -c 300 "$tmp/o.err" | tr '\n' '|')"
    fi
}

# expect_err NAME "exact last stderr line" ARGS...: exit 1 with that line
expect_err() {
    local name=$1 want=$2; shift 2
    timeout -k 1 10 "$BIN" -M virt -display none -nodefaults "$@" \
        > "$tmp/out" 2> "$tmp/err" < /dev/null
    local rc=$? got; got=$(tail -n 1 "$tmp/err")
    if [ "$rc" = 1 ] && [ "$got" = "$want" ]; then
        ok "$name"
    else
        not_ok "$name" "expected status 1 and '$want'" "got status $rc, '$got'"
    fi
}

# expect_line NAME FILE "fixed string": FILE has that line
expect_line() {
    if grep -qxF -- "$3" "$2"; then ok "$1"; else
        not_ok "$1" "no line '$3' in:" "$(tr '\n' '|' < "$2" | head -c 900)"
    fi
}

echo "1..41"

# ---- where devices land: board NICs, then -device, then -drive disks ----
expect_slots "-drive if=virtio becomes a virtio-blk-pci after the -device ones" \
    "0:0.0 1b36:0008 0:1.0 1b36:0005 0:2.0 1af4:1042 " \
    -nodefaults -drive file=d.img,format=raw,if=virtio -device pci-testdev
expect_slots "-drive without if= is virtio on virt" \
    "0:0.0 1b36:0008 0:1.0 1af4:1042 0:2.0 1af4:1042 " \
    -nodefaults -drive file=d.img,format=raw -drive file=e.img
expect_slots "without network options or -nodefaults virt has QEMU's default NIC first" \
    "0:0.0 1b36:0008 0:1.0 1af4:1041 0:2.0 1b36:0005 " -device pci-testdev
expect_slots "-nic user,model=virtio-net-pci is a board NIC (before -device)" \
    "0:0.0 1b36:0008 0:1.0 1af4:1041 0:2.0 1b36:0005 " \
    -nodefaults -device pci-testdev -nic user,model=virtio-net-pci
expect_slots "-nic none and -netdev both suppress the default NIC" \
    "0:0.0 1b36:0008 0:1.0 1b36:0005 " -nic none -device pci-testdev
expect_slots "-net nic -net user pair up" \
    "0:0.0 1b36:0008 0:1.0 1af4:1041 " -nodefaults -net nic -net user,hostfwd=tcp:127.0.0.1:0-:80
expect_slots "-drive if=none + -device virtio-blk-pci,drive=ID,bus=pcie.0,addr=5" \
    "0:0.0 1b36:0008 0:5.0 1af4:1042 " \
    -nodefaults -drive file=d.img,if=none,id=d0,format=raw,readonly=on \
    -device virtio-blk-pci,drive=d0,bus=pcie.0,addr=0x5,serial=S1
expect_slots "-blockdev raw over an inline file node, then drive=node" \
    "0:0.0 1b36:0008 0:1.0 1af4:1042 " -nodefaults \
    -blockdev driver=raw,file.driver=file,file.filename=d.img,node-name=n0 \
    -device virtio-blk-pci,drive=n0
expect_slots "-blockdev file node + raw node (libvirt's JSON form)" \
    "0:0.0 1b36:0008 0:1.0 1af4:1042 " -nodefaults \
    -blockdev '{"driver":"file","filename":"d.img","node-name":"s1","auto-read-only":true,"discard":"unmap"}' \
    -blockdev '{"node-name":"f1","read-only":false,"driver":"raw","file":"s1"}' \
    -device '{"driver":"virtio-blk-pci","drive":"f1","id":"virtio-disk0"}'
expect_slots "multifunction=on: functions 0 and 1 of slot 4" \
    "0:0.0 1b36:0008 0:4.0 1b36:0005 0:4.1 1234:11e8 " -nodefaults \
    -device pci-testdev,addr=4.0,multifunction=on -device edu,addr=4.1
expect_slots "virtio-rng-pci, virtio-serial-pci + virtconsole on a socket chardev" \
    "0:0.0 1b36:0008 0:1.0 1af4:1044 0:2.0 1af4:1043 " -nodefaults \
    -device virtio-rng-pci -device virtio-serial-pci -device virtconsole,chardev=c0 \
    -chardev socket,path="$tmp/s.sock",server=on,wait=off,id=c0
expect_slots "pcie-root-port and pci-bridge take slots; devices behind are not listed before enumeration (as QEMU)" \
    "0:0.0 1b36:0008 0:1.0 1b36:000c 0:2.0 1b36:0001 " -nodefaults \
    -device pcie-root-port,id=rp0,chassis=1 -device virtio-blk-pci,bus=rp0,drive=d0 \
    -device pci-bridge,chassis_nr=2,id=b1 -device pci-testdev,bus=b1,addr=3 \
    -drive file=d.img,if=none,id=d0,format=raw

expect_slots "QEMU's usual virtio properties are accepted (bootindex, disable-legacy=on, num-queues, write-cache, romfile=, mq, csum)" \
    "0:0.0 1b36:0008 0:1.0 1af4:1042 0:2.0 1af4:1041 " -nodefaults \
    -drive file=d.img,if=none,id=d0,format=raw,cache=none,aio=threads,discard=unmap \
    -device virtio-blk-pci,drive=d0,bootindex=1,disable-legacy=on,num-queues=1,write-cache=on,logical_block_size=512 \
    -netdev user,id=n0 -device virtio-net-pci,netdev=n0,romfile=,mq=on,csum=off,bootindex=2
info_pci "$tmp/r" "$BIN" -nodefaults -device edu,romfile="$tmp/opt.rom"
expect_line "romfile= loads an option ROM into BAR6 (8 KiB for 5000 bytes)" "$tmp/r" \
    "      BAR6: 32 bit memory at 0xffffffffffffffff [0x00001ffe]."

# ---- info pci text ----
info_pci "$tmp/t" "$BIN" -nodefaults -device pci-testdev,id=t0 -device edu
expect_line "info pci: subsystem line of a type 0 function" "$tmp/t" "      PCI subsystem 1af4:1100"
expect_line "info pci: an unmapped memory BAR as QEMU prints it" "$tmp/t" \
    "      BAR0: 32 bit memory at 0xffffffffffffffff [0x00000ffe]."
expect_line "info pci: an unmapped I/O BAR as QEMU prints it" "$tmp/t" \
    "      BAR1: I/O at 0xffffffffffffffff [0x00fe]."
expect_line "info pci: qdev id" "$tmp/t" '      id "t0"'
if command -v qemu-system-aarch64 > /dev/null; then
    for set in "-device pci-testdev,id=t0 -device edu" \
               "-device pci-testdev,addr=4.0,multifunction=on -device edu,addr=4.1,id=e1" \
               "-device virtio-rng-pci,disable-legacy=on" \
               "-device edu,romfile=$tmp/opt.rom" \
               "-device virtio-net-pci,disable-legacy=on,romfile=,netdev=n0 -netdev user,id=n0" \
               "-drive file=d.img,if=none,id=d0,format=raw -device virtio-blk-pci,drive=d0,disable-legacy=on,bootindex=1,id=disk0"; do
        # shellcheck disable=SC2086
        info_pci "$tmp/q" qemu-system-aarch64 -nodefaults $set
        # shellcheck disable=SC2086
        info_pci "$tmp/p" "$BIN" -nodefaults $set
        if [ -s "$tmp/q" ] && diff "$tmp/q" "$tmp/p" > "$tmp/d"; then
            ok "info pci equals qemu-system-aarch64's for: $set"
        else
            not_ok "info pci equals qemu-system-aarch64's for: $set" "$(tr '\n' '|' < "$tmp/d")"
        fi
    done
else
    for i in 1 2 3 4 5 6; do
        ok "info pci vs QEMU # SKIP qemu-system-aarch64 not installed"
    done
fi

# ---- errors, in QEMU 7.2's words ----
expect_err "-drive of a missing file fails at the option" \
    "$P: -drive file=nonexist.img,format=raw,if=none,id=d0: Could not open 'nonexist.img': No such file or directory" \
    -drive file=nonexist.img,format=raw,if=none,id=d0 -device virtio-blk-pci,drive=d0
expect_err "drive= naming no drive" \
    "$P: -device virtio-blk-pci,drive=nod: Property 'virtio-blk-device.drive' can't find value 'nod'" \
    -device virtio-blk-pci,drive=nod
expect_err "one drive for two devices" \
    "$P: -device virtio-blk-pci,drive=d0: Drive 'd0' is already in use by another device" \
    -drive file=d.img,format=raw,if=none,id=d0 -device virtio-blk-pci,drive=d0 -device virtio-blk-pci,drive=d0
expect_err "-blockdev of a missing file" \
    "$P: -blockdev driver=raw,file.driver=file,file.filename=nonex,node-name=n0: Could not open 'nonex': No such file or directory" \
    -blockdev driver=raw,file.driver=file,file.filename=nonex,node-name=n0
expect_err "an interface virt does not have" \
    "$P: -drive file=d.img,format=raw,if=scsi: machine type does not support if=scsi,bus=0,unit=0" \
    -drive file=d.img,format=raw,if=scsi
expect_err "a qcow2 image without format= is refused, not shown as raw" \
    "$P: -drive file=q.img,if=none,id=q: 'q.img' is a qcow2 image: plumb reads raw images only (qemu-img convert -O raw)" \
    -drive file=q.img,if=none,id=q
expect_err "unknown -device property" \
    "$P: -device virtio-blk-pci,drive=d0,foo=1: Property 'virtio-blk-pci.foo' not found" \
    -drive file=d.img,format=raw,if=none,id=d0 -device virtio-blk-pci,drive=d0,foo=1
expect_err "slot taken" \
    "$P: -device edu,addr=3: PCI: slot 3 function 0 not available for edu, in use by pci-testdev" \
    -device pci-testdev,addr=3 -device edu,addr=3
expect_err "a root port has one slot" \
    "$P: -device edu,bus=rp0: PCI: slot 1 is not valid for edu, parent device only allows plugging into slot 0" \
    -device pcie-root-port,id=rp0,chassis=1 -device pci-testdev,bus=rp0 -device edu,bus=rp0
expect_err "unknown bus" "$P: -device pci-testdev,bus=nobus: Bus 'nobus' not found" \
    -device pci-testdev,bus=nobus
expect_err "unknown NIC model" "$P: Unsupported NIC model: e1000" -nic user,model=e1000
expect_err "-netdev used twice" \
    "$P: -device virtio-net-pci,netdev=n0: Property 'virtio-net-device.netdev' can't take value 'n0', it's in use" \
    -netdev user,id=n0 -device virtio-net-pci,netdev=n0 -device virtio-net-pci,netdev=n0
expect_err "-netdev unknown parameter" "$P: -netdev user,id=n0,foo=1: Invalid parameter 'foo'" \
    -netdev user,id=n0,foo=1
expect_err "duplicate -netdev id" "$P: -netdev user,id=n0: Duplicate ID 'n0' for netdev" \
    -netdev user,id=n0 -netdev user,id=n0
expect_err "a missing romfile" "$P: -device edu,romfile=nonexist.rom: failed to find romfile \"nonexist.rom\"" \
    -device edu,romfile=nonexist.rom
expect_err "a legacy virtio-pci interface is refused, not faked" \
    "$P: -device virtio-rng-pci,disable-legacy=off: disable-legacy=off: plumb's virtio-pci devices are modern-only (virtio 1.0, device IDs 1af4:1040+)" \
    -device virtio-rng-pci,disable-legacy=off
expect_err "bad mac" "$P: -device virtio-net-pci,mac=zz: Property 'virtio-net-device.mac' doesn't take value 'zz'" \
    -device virtio-net-pci,mac=zz
