/*
 * mte-migrate.c - MTE state across a migration (tests/guest/migration/
 * run-migration.sh with -machine mte=on): allocation tags over the whole
 * 2 MiB tagged region (the tag storage RAM block), GCR_EL1, RGSR_EL1,
 * TFSR_EL1, PSTATE.TCO and SCTLR_EL1's tag check mode set before the
 * prompt, checked after it; then a tag check still faults where the
 * migrated tags say it must. A plain run answering the prompt passes too.
 */
#include "mte-common.h"

#define UART_FR   (*(volatile u32 *)0x09000018ul)
#define UART_DR   (*(volatile u32 *)0x09000000ul)
#define FR_RXFE   (1u << 4)
#define GRANULES  (0x200000ul / 16)

static unsigned pat(u64 i)
{
    return (unsigned)((i * 7 + (i >> 9) + 3) & 15);
}

int main(void)
{
    u64 bad = 0, v;
    unsigned t;

    test_set_prefix("mte-migrate: ");
    mmu_on();
    mte_mode(1, 1, 0, 0);
    for (u64 i = 0; i < GRANULES; i++) {
        stg(tagp(TAGGED + i * 16, pat(i)));
    }
    MSR(GCR_EL1, 0x1b00f);
    MSR(RGSR_EL1, 0x12340b);
    mte_mode(1, 1, 1, 0);
    MSR(TFSR_EL1, 2);
    __asm__ volatile(MT "msr tco, #1" ::: "memory");
    uart_puts("Now migrate the VM, then press a key to continue...\n");
    while (UART_FR & FR_RXFE) {
        __asm__ volatile("yield");
    }
    (void)UART_DR;
    check("PSTATE.TCO came along", MRS(TCO_REG), 1ul << 25);
    __asm__ volatile(MT "msr tco, #0" ::: "memory");
    check("GCR_EL1 came along", MRS(GCR_EL1), 0x1b00f);
    check("RGSR_EL1 came along", MRS(RGSR_EL1), 0x12340b);
    check("TFSR_EL1 came along", MRS(TFSR_EL1), 2);
    check("SCTLR_EL1.TCF came along", (MRS("sctlr_el1") >> 40) & 3, 1);
    for (u64 i = 0; i < GRANULES; i++) {
        t = (ldg(TAGGED + i * 16) >> 56) & 15;
        if (t != pat(i)) {
            bad++;
        }
    }
    check("every allocation tag of the 2 MiB region came along", bad, 0);
    t = pat(1000);
    exc_expect(4);
    __asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(tagp(TAGGED + 1000 * 16, t)) : "memory");
    check("a matching access passes", last_exc.count, 0);
    exc_expect(4);
    __asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(tagp(TAGGED + 1000 * 16, t ^ 1)) : "memory");
    check("a mismatched one takes the tag check fault", last_exc.esr & 0x3f, 0x11);
    mte_mode(1, 1, 0, 0);
    return 0;
}
