#!/bin/bash
# test-cputlb-accel.sh - the slow twins of the TCG fast paths must not
# change what a guest sees. A small AArch64 program (built here with the
# Debian cross assembler) runs under every -accel tcg knob combination:
# a counted loop (chaining, goto_ptr), a function patched after it was
# translated (TB invalidation through TLB_NOTDIRTY), an instruction that
# overwrites the one right after it in the same TB (restart of the running
# TB), and MMIO writes to the UART. It prints one letter per check
# (upper case = right) and leaves through semihosting SYS_EXIT.
set -u
BUILD=${PLUMB_BUILD:-build}
BIN=$BUILD/plumb-system-aarch64
CROSS=${CROSS_AARCH64:-aarch64-linux-gnu-}
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
notok() { n=$((n + 1)); echo "not ok $n - $*"; }

CONFIGS=(
    "tcg"
    "tcg,chaining=off"
    "tcg,one-insn-per-tb=on"
    "tcg,tlb=off"
    "tcg,backend=interp"
    "tcg,backend=interp,chaining=off,tlb=off"
)

NTESTS=$(( ${#CONFIGS[@]} + 1 ))
if ! command -v "${CROSS}gcc" >/dev/null 2>&1 || [ ! -x "$BIN" ]; then
    echo "1..$NTESTS"
    for c in "${CONFIGS[@]}"; do
        ok "$c # SKIP no ${CROSS}gcc or no $BIN"
    done
    ok "wfi idles # SKIP no ${CROSS}gcc or no $BIN"
    exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/t.S" <<'ASM'
    .global _start
_start:
    ldr x1, =0x09000000
    /* 1: sum 1..1000 */
    mov x4, #0
    mov x5, #0
1:  add x5, x5, #1
    add x4, x4, x5
    cmp x5, #1000
    b.ne 1b
    ldr x6, =500500
    mov w3, #'A'
    cmp x4, x6
    b.eq 2f
    mov w3, #'a'
2:  strb w3, [x1]
    /* 2: call, patch, call again */
    bl patch
    mov w3, #'B'
    cmp x7, #1
    b.eq 3f
    mov w3, #'b'
3:  strb w3, [x1]
    adr x8, patch
    ldr w9, =0xd2800847         /* movz x7, #0x42 */
    str w9, [x8]
    bl patch
    mov w3, #'C'
    cmp x7, #0x42
    b.eq 4f
    mov w3, #'c'
4:  strb w3, [x1]
    /* 3: overwrite the next insn of this TB */
    adr x8, 5f
    ldr w9, =0xd2800c67         /* movz x7, #0x63 */
    str w9, [x8]
5:  movz x7, #5
    mov w3, #'D'
    cmp x7, #0x63
    b.eq 6f
    mov w3, #'d'
6:  strb w3, [x1]
    mov w3, #'\n'
    strb w3, [x1]
    /* SYS_EXIT(ADP_Stopped_ApplicationExit, 0) */
    mov x0, #0x18
    adr x1, exitblk
    hlt #0xf000
7:  b 7b
patch:
    movz x7, #1
    ret
    .align 3
exitblk:
    .quad 0x20026
    .quad 0
ASM
if ! "${CROSS}gcc" -nostdlib -static -Wl,-Ttext=0x40080000 -o "$tmp/t.elf" \
        "$tmp/t.S" 2>"$tmp/as.err"; then
    echo "1..1"
    notok "assemble the test program: $(head -1 "$tmp/as.err")"
    exit 0
fi

cat > "$tmp/wfi.S" <<'ASM'
    .global _start
_start:
    ldr x1, =0x09000000
    mov w3, #'W'
    strb w3, [x1]
1:  wfi
    b 1b
ASM
"${CROSS}gcc" -nostdlib -static -Wl,-Ttext=0x40080000 -o "$tmp/wfi.elf" "$tmp/wfi.S"

echo "1..$NTESTS"
for c in "${CONFIGS[@]}"; do
    out=$(timeout 20 "$BIN" -M virt -display none -monitor none -serial stdio \
          -semihosting -accel "$c" -kernel "$tmp/t.elf" 2>"$tmp/err")
    rc=$?
    if [ "$rc" = 0 ] && [ "$out" = "ABCD" ]; then
        ok "-accel $c: ABCD, exit 0"
    else
        notok "-accel $c: expected output ABCD and exit 0, got '$out' exit $rc ($(head -c 200 "$tmp/err" | tr '\n' ' '))"
    fi
done

# A CPU halted in WFI with nothing to wake it must not burn host time.
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%U %S" -o "$tmp/time" timeout 2 "$BIN" -M virt \
        -display none -monitor none -serial file:"$tmp/wfi.out" \
        -kernel "$tmp/wfi.elf" 2>/dev/null
    read -r user sys < <(tail -1 "$tmp/time")
    busy=$(awk -v u="$user" -v s="$sys" 'BEGIN { print (u + s < 0.5) ? "no" : "yes" }')
    if [ "$(cat "$tmp/wfi.out" 2>/dev/null)" = "W" ] && [ "$busy" = no ]; then
        ok "wfi idles: ${user}s user ${sys}s sys in 2s"
    else
        notok "wfi idles: expected output W and < 0.5s CPU in 2s, got '$(cat "$tmp/wfi.out" 2>/dev/null)' ${user}s user ${sys}s sys"
    fi
else
    ok "wfi idles # SKIP no /usr/bin/time"
fi
