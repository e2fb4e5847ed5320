/*
 * crt0.S - start-up of the bare-metal AArch64 test images: stack, BSS,
 * the EL1 vector table, then main(); main's return value is the exit
 * status, reported through semihosting SYS_EXIT (PSCI SYSTEM_OFF if the
 * host has no semihosting).
 *
 * Every exception saves x0-x30, ELR_EL1 and SPSR_EL1 in a frame on the
 * stack and calls exc_handler(frame, vector_index) in testlib.c, which may
 * change the frame (e.g. ELR to skip the faulting instruction) before the
 * registers are restored and ERET returns.
 */
    .section .text.start, "ax"
    .global _start
_start:
    ldr x0, =__stack_top
    mov sp, x0
    ldr x0, =__bss_start
    ldr x1, =__bss_end
1:  cmp x0, x1
    b.hs 2f
    str xzr, [x0], #8
    b 1b
2:  adr x0, vectors
    msr vbar_el1, x0
    mov x0, #(3 << 20)          /* CPACR_EL1.FPEN: FP/SIMD usable at EL0/1 */
    msr cpacr_el1, x0
    isb
    bl main
    bl test_exit
    b .

    .text
/* Frame: x0..x30 at 8*n, ELR at 248, SPSR at 256; 272 bytes (16-aligned). */
    .macro VENTRY idx
    .align 7
    sub sp, sp, #272
    stp x0, x1, [sp, #0]
    mov x0, #\idx
    b exc_common
    .endm

    .align 11
    .global vectors
vectors:
    VENTRY 0    /* current EL, SP_EL0: sync */
    VENTRY 1    /* IRQ */
    VENTRY 2    /* FIQ */
    VENTRY 3    /* SError */
    VENTRY 4    /* current EL, SP_ELx: sync */
    VENTRY 5
    VENTRY 6
    VENTRY 7
    VENTRY 8    /* lower EL, AArch64: sync */
    VENTRY 9
    VENTRY 10
    VENTRY 11
    VENTRY 12   /* lower EL, AArch32 */
    VENTRY 13
    VENTRY 14
    VENTRY 15

exc_common:
    stp x2, x3, [sp, #16]
    stp x4, x5, [sp, #32]
    stp x6, x7, [sp, #48]
    stp x8, x9, [sp, #64]
    stp x10, x11, [sp, #80]
    stp x12, x13, [sp, #96]
    stp x14, x15, [sp, #112]
    stp x16, x17, [sp, #128]
    stp x18, x19, [sp, #144]
    stp x20, x21, [sp, #160]
    stp x22, x23, [sp, #176]
    stp x24, x25, [sp, #192]
    stp x26, x27, [sp, #208]
    stp x28, x29, [sp, #224]
    mrs x1, elr_el1
    mrs x2, spsr_el1
    stp x30, x1, [sp, #240]
    str x2, [sp, #256]
    mov x1, x0
    mov x0, sp
    bl exc_handler
    ldp x30, x1, [sp, #240]
    ldr x2, [sp, #256]
    msr elr_el1, x1
    msr spsr_el1, x2
    ldp x0, x1, [sp, #0]
    ldp x2, x3, [sp, #16]
    ldp x4, x5, [sp, #32]
    ldp x6, x7, [sp, #48]
    ldp x8, x9, [sp, #64]
    ldp x10, x11, [sp, #80]
    ldp x12, x13, [sp, #96]
    ldp x14, x15, [sp, #112]
    ldp x16, x17, [sp, #128]
    ldp x18, x19, [sp, #144]
    ldp x20, x21, [sp, #160]
    ldp x22, x23, [sp, #176]
    ldp x24, x25, [sp, #192]
    ldp x26, x27, [sp, #208]
    ldp x28, x29, [sp, #224]
    add sp, sp, #272
    eret
