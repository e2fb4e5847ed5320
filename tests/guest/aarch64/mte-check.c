/*
 * mte-check.c - tag checks of the Memory Tagging Extension on -machine
 * virt,mte=on -cpu max: integer, pair, exclusive, atomic and SIMD loads
 * and stores in the synchronous, asynchronous and asymmetric (MTE3)
 * modes (DFSC, WnR, FAR; TFSR_EL1/TFSRE0_EL1), PSTATE.TCO (MSR forms,
 * and its setting on exception entry), TCR_EL1.TCMA0, SCTLR_EL1.ATA off,
 * untagged memory, SP-based Tag Unchecked accesses, LDTR/STTR under TCF0.
 */
#include "mte-common.h"

/* An access expected to take (or not) a synchronous tag check fault. */
#define FAULT_AT(name, insn, addr, far, wnr) do { \
    exc_expect(4); \
    __asm__ volatile(insn : : "r"(addr) : "x9", "x10", "v0", "memory"); \
    fault_check(name, far, wnr); \
} while (0)
#define FAULT(name, insn, addr, wnr) FAULT_AT(name, insn, addr, addr, wnr)
#define NOFAULT(name, insn, addr) do { \
    exc_expect(4); \
    __asm__ volatile(insn : : "r"(addr) : "x9", "x10", "v0", "memory"); \
    checkf(last_exc.count, 0, "%s: no fault", name); \
} while (0)

static void fault_check(const char *name, u64 addr, int wnr)
{
    checkf(last_exc.count, 1, "%s: one exception", name);
    checkf(last_exc.esr >> 26, 0x25, "%s: EC data abort", name);
    checkf(last_exc.esr & 0x3f, 0x11, "%s: DFSC tag check fault", name);
    checkf((last_exc.esr >> 6) & 1, wnr, "%s: WnR", name);
    checkf(last_exc.far & ~(0xful << 60), addr & ~(0xful << 60), "%s: FAR", name);
}

static void test_sync(void)
{
    u64 g = TAGGED + 0x4000, good = tagp(g, 5), bad = tagp(g, 6);
    volatile u64 *m = (volatile u64 *)good;

    mte_mode(1, 1, 0, 0);
    stg(good);
    stg(good + 16);
    /* granule 2 keeps tag 0 */
    m[0] = 42;
    mte_mode(1, 1, 1, 0);
    NOFAULT("LDR matching tag", "ldr x9, [%0]", good);
    FAULT("LDR", "ldr x9, [%0]", bad, 0);
    FAULT("LDRB", "ldrb w9, [%0]", bad + 3, 0);
    FAULT("STR", "str xzr, [%0]", bad, 1);
    check("faulting STR stores nothing", m[0], 42);
    FAULT_AT("STUR unscaled", "stur wzr, [%0, #-4]", bad + 4, bad, 1);
    FAULT_AT("LDR register offset", "mov x10, #8\n\tldr x9, [%0, x10]", bad, bad + 8, 0);
    NOFAULT("LDP within two granules", "ldp x9, x10, [%0, #16]", good);
    exc_expect(4);
    __asm__ volatile("ldp x9, x10, [%0, #24]" : : "r"(good) : "x9", "x10", "memory");
    check("LDP into a granule of another tag faults", last_exc.esr & 0x3f, 0x11);
    FAULT("STP", "stp xzr, xzr, [%0]", bad, 1);
    FAULT("LDXR", "ldxr x9, [%0]", bad, 0);
    FAULT("STXR", "stxr w10, xzr, [%0]", bad, 1);
    FAULT("LDAR", "ldar x9, [%0]", bad, 0);
    FAULT("STLR", "stlr xzr, [%0]", bad, 1);
    FAULT("LDADD", "ldadd x9, x10, [%0]", bad, 0);
    FAULT("CAS", "cas x9, x10, [%0]", bad, 1);
    FAULT("SWP", "swp x9, x10, [%0]", bad, 0);
    FAULT("LDR Q (SIMD)", "ldr q0, [%0]", bad, 0);
    FAULT("STR D (SIMD)", "str d0, [%0]", bad, 1);
    FAULT("LD1 multiple", "ld1 {v0.16b}, [%0]", bad, 0);
    FAULT("ST1 single lane", "st1 {v0.s}[1], [%0]", bad, 1);
    FAULT("LD1R", "ld1r {v0.8h}, [%0]", bad, 0);
    FAULT("DC ZVA (the whole block is checked)", "dc zva, %0", bad + 40, 1);
    check("faulting DC ZVA zeroes nothing", m[0], 42);
    NOFAULT("DC ZVA on untagged memory", "dc zva, %0", tagp(UNTAGGED + 64, 1));
    check("no asynchronous report in sync mode", MRS(TFSR_EL1), 0);
    {
        u64 old_sp;
        /* SP base with an immediate offset: Tag Unchecked. */
        exc_expect(4);
        __asm__ volatile("mov %0, sp\n\tmov sp, %1\n\tldr x9, [sp, #8]\n\t"
                         "str x9, [sp, #8]\n\tmov sp, %0"
                         : "=&r"(old_sp) : "r"(bad) : "x9", "memory");
        check("SP base with an immediate offset is unchecked", last_exc.count, 0);
        exc_expect(4);
        __asm__ volatile("mov %0, sp\n\tmov sp, %1\n\tmov x10, #0\n\t"
                         "ldr x9, [sp, x10]\n\tmov sp, %0"
                         : "=&r"(old_sp) : "r"(bad) : "x9", "x10", "memory");
        check("SP base with a register offset is checked", last_exc.esr & 0x3f, 0x11);
    }
    NOFAULT("untagged memory is never checked", "ldr x9, [%0]", tagp(UNTAGGED, 3));
    /* TCO: set by MSR, and on exception entry (restored by ERET). */
    __asm__ volatile(MT "msr tco, #1" ::: "memory");
    check("MSR TCO, #1 reads back", MRS(TCO_REG), 1ul << 25);
    NOFAULT("TCO set: unchecked", "ldr x9, [%0]", bad);
    MSR(TCO_REG, 0);
    check("MSR TCO register clears it", MRS(TCO_REG), 0);
    FAULT("TCO clear again: checked", "ldr x9, [%0]", bad, 0);
    check("SPSR kept TCO 0", (last_exc.spsr >> 25) & 1, 0);
    /* TCMA0: tag 0 in the bits 59:55 = 0 half is unchecked. */
    MSR("tcr_el1", MRS("tcr_el1") | TCR_TCMA0);
    NOFAULT("TCMA0 with tag 0: unchecked", "ldr x9, [%0]", tagp(g, 0));
    FAULT("TCMA0 with tag 6: checked", "ldr x9, [%0]", bad, 0);
    MSR("tcr_el1", MRS("tcr_el1") & ~TCR_TCMA0);
    FAULT("tag 0 without TCMA0: checked", "ldr x9, [%0]", tagp(g, 0), 0);
    /* ATA 0 turns checks off whatever TCF says. */
    mte_mode(0, 1, 1, 0);
    NOFAULT("ATA 0: unchecked", "ldr x9, [%0]", bad);
    /* LDTR/STTR check as EL0 accesses: TCF0 and ATA0. */
    mte_mode(1, 1, 0, 1);
    NOFAULT("TCF 0, TCF0 sync: LDR unchecked", "ldr x9, [%0]", bad);
    FAULT("TCF 0, TCF0 sync: LDTR checked", "ldtr x9, [%0]", bad, 0);
    FAULT("TCF 0, TCF0 sync: STTR checked", "sttr xzr, [%0]", bad, 1);
    mte_mode(1, 1, 0, 0);
}

static void test_async(void)
{
    u64 g = TAGGED + 0x5000, bad = tagp(g, 2);
    volatile u64 *m = (volatile u64 *)tagp(g, 1);

    mte_mode(1, 1, 0, 0);
    stg(tagp(g, 1));
    m[0] = 7;
    mte_mode(1, 1, 2, 0);
    NOFAULT("async LDR", "ldr x9, [%0]", bad);
    check("async LDR sets TFSR_EL1.TF0", MRS(TFSR_EL1), 1);
    MSR(TFSR_EL1, 0);
    NOFAULT("async STR", "str xzr, [%0]", bad);
    check("async STR stores", m[0], 0);
    check("async STR sets TFSR_EL1.TF0", MRS(TFSR_EL1), 1);
    check("TFSRE0_EL1 untouched", MRS(TFSRE0_EL1), 0);
    MSR(TFSR_EL1, 0);
    mte_mode(1, 1, 0, 2);
    NOFAULT("async LDTR", "ldtr x9, [%0]", bad);
    check("async LDTR sets TFSRE0_EL1.TF0", MRS(TFSRE0_EL1), 1);
    check("async LDTR leaves TFSR_EL1", MRS(TFSR_EL1), 0);
    /* Asymmetric (MTE3): reads synchronous, writes asynchronous. */
    mte_mode(1, 1, 3, 0);
    FAULT("asymm LDR", "ldr x9, [%0]", bad, 0);
    check("asymm LDR: no TF0", MRS(TFSR_EL1), 0);
    m[0] = 5;
    NOFAULT("asymm STR", "str xzr, [%0]", bad);
    check("asymm STR stores", m[0], 0);
    check("asymm STR sets TF0", MRS(TFSR_EL1), 1);
    mte_mode(1, 1, 0, 0);
}

int main(void)
{
    test_set_prefix("mte-check: ");
    mmu_on();
    test_sync();
    test_async();
    return 0;
}
