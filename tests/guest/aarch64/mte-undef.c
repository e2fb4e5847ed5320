/*
 * mte-undef.c - -cpu max without -machine mte=on has no tag storage, so
 * (as in QEMU 7.2) no MTE: ID_AA64PFR1_EL1.MTE reads 0 and every MTE
 * instruction and register is UNDEFINED (EC 0).
 */
#include "testlib.h"

#define MT ".arch armv8.5-a+memtag\n\t"

#define UNDEF(name, insn) do { \
    exc_expect(4); \
    __asm__ volatile(MT insn : : "r"(buf) : "x9", "memory"); \
    checkf(last_exc.count == 1 && (last_exc.esr >> 26) == 0, 1, \
           "%s is UNDEFINED", name); \
} while (0)

static unsigned long buf[8] __attribute__((aligned(64)));

int main(void)
{
    unsigned long pfr1;

    test_set_prefix("mte-undef: ");
    __asm__ volatile("mrs %0, id_aa64pfr1_el1" : "=r"(pfr1));
    check("ID_AA64PFR1_EL1.MTE is 0", (pfr1 >> 8) & 15, 0);
    UNDEF("IRG", "irg x9, %0");
    UNDEF("GMI", "gmi x9, %0, x9");
    UNDEF("ADDG", "addg x9, %0, #16, #1");
    UNDEF("SUBP", "subp x9, %0, %0");
    UNDEF("STG", "stg %0, [%0]");
    UNDEF("LDG", "ldg x9, [%0]");
    UNDEF("STGP", "stgp xzr, xzr, [%0]");
    UNDEF("STZGM", "stzgm xzr, [%0]");
    UNDEF("DC GVA", "dc gva, %0");
    UNDEF("MSR TCO, #1", "msr tco, #1");
    UNDEF("MRS GCR_EL1", "mrs x9, s3_0_c1_c0_6");
    UNDEF("MRS TFSR_EL1", "mrs x9, s3_0_c5_c6_0");
    UNDEF("MRS TCO", "mrs x9, s3_3_c4_c2_7");
    return 0;
}
