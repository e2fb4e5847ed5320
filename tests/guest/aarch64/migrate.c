/*
 * migrate.c - a guest that is migrated half-way (tests/guest/migration/
 * run-migration.sh): it sets up state, prints the prompt kvm-unit-tests
 * uses ("Now migrate the VM, then press a key to continue..."), waits for
 * a key on the PL011, and checks after it that the state came along:
 * general and system registers, FP/SIMD registers and FPCR/FPSR, a RAM
 * pattern over several MiB (zero pages in between), the virtual counter
 * (monotonic across the move), and a pending virtual timer interrupt
 * delivered through the GIC after the move. Without a migration (a plain
 * run answering the prompt) every check passes too.
 */
#include "testlib.h"

#define UART_FR   (*(volatile u32 *)0x09000018ul)
#define UART_DR   (*(volatile u32 *)0x09000000ul)
#define FR_RXFE   (1u << 4)

#define PATTERN_WORDS (4u << 20) / 8      /* 4 MiB */
static u64 pattern[PATTERN_WORDS];

static u64 pat(u64 i)
{
    return (i & 0x3ff) == 7 ? 0 : (i * 0x9e3779b97f4a7c15ul) ^ (i >> 3);
}

static int getchar_uart(void)
{
    while (UART_FR & FR_RXFE) {
        __asm__ volatile("yield");
    }
    return UART_DR & 0xff;
}

/* ---- the GIC (v2 memory-mapped, or v3 through ICC registers) ---- */
#define GICD 0x08000000ul
#define GICC 0x08010000ul
#define GICR 0x080a0000ul
#define W32(a, v) (*(volatile u32 *)(a) = (v))
#define R32(a) (*(volatile u32 *)(a))
static int gicv3;
static volatile u32 irqs[2], nirq;

static void irq_hook(struct exc_frame *f)
{
    u64 iar;

    (void)f;
    if (gicv3) {
        __asm__ volatile("mrs %0, S3_0_C12_C12_0" : "=r"(iar));   /* IAR1 */
    } else {
        iar = R32(GICC + 0xc);
    }
    if ((iar & 0x3ff) == 27) {
        __asm__ volatile("msr cntv_ctl_el0, %0" :: "r"(0ul));
    } else if ((iar & 0x3ff) == 30) {
        __asm__ volatile("msr cntp_ctl_el0, %0" :: "r"(0ul));
    }
    if (nirq < 2) {
        irqs[nirq] = iar & 0x3ff;
    }
    nirq++;
    if (gicv3) {
        __asm__ volatile("msr S3_0_C12_C12_1, %0" :: "r"(iar));   /* EOIR1 */
    } else {
        W32(GICC + 0x10, iar);
    }
    exc_expect(0);
}

static void gic_init(void)
{
    u64 pfr0;

    __asm__ volatile("mrs %0, id_aa64pfr0_el1" : "=r"(pfr0));
    gicv3 = ((pfr0 >> 24) & 0xf) == 1;
    if (gicv3) {
        W32(GICD + 0x0, 0x12);                      /* ARE_NS | EnableGrp1NS */
        W32(GICR + 0x14, R32(GICR + 0x14) & ~2u);   /* wake up */
        W32(GICR + 0x10000 + 0x80, 0xffffffff);     /* group 1 */
        W32(GICR + 0x10000 + 0x100, (1u << 27) | (1u << 30));
        __asm__ volatile("msr S3_0_C12_C12_5, %0; isb" :: "r"(7ul));  /* SRE */
        __asm__ volatile("msr S3_0_C4_C6_0, %0" :: "r"(0xfful));      /* PMR */
        __asm__ volatile("msr S3_0_C12_C12_7, %0; isb" :: "r"(1ul));  /* IGRPEN1 */
    } else {
        W32(GICD + 0x0, 1);
        W32(GICD + 0x100, (1u << 27) | (1u << 30));
        W32(GICC + 0x4, 0xff);
        W32(GICC + 0x0, 1);
    }
}

static u64 cntvct(void)
{
    u64 v;
    __asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v));
    return v;
}

int main(void)
{
    u64 before, after, v, lo = 0, hi = 0;
    int bad = 0;

    test_set_prefix("migrate: ");
    for (u64 i = 0; i < PATTERN_WORDS; i++) {
        /* leave every other MiB zero: the stream skips zero pages */
        if ((i >> 17) & 1) {
            continue;
        }
        pattern[i] = pat(i);
    }
    __asm__ volatile("msr tpidr_el0, %0" :: "r"(0x1122334455667788ul));
    __asm__ volatile("msr tpidrro_el0, %0" :: "r"(0x8877665544332211ul));
    __asm__ volatile("msr tpidr_el1, %0" :: "r"(0xdeadbeefcafef00dul));
    __asm__ volatile("fmov d9, %0; fmov v9.d[1], %1"
                     :: "r"(0x0123456789abcdeful), "r"(0xfedcba9876543210ul));
    __asm__ volatile("msr fpcr, %0" :: "r"(0x03400000ul));   /* DN, FZ, RP */
    __asm__ volatile("msr fpsr, %0" :: "r"(0x11ul));         /* IXC, IOC */
    /*
     * Interrupts stay masked (DAIF.I) across the move: the virtual timer
     * fires now and stays pending in the GIC; the physical one is due 2 s
     * from now, most likely after the move (its deadline must come along).
     */
    gic_init();
    __asm__ volatile("msr cntv_tval_el0, %0; msr cntv_ctl_el0, %1; isb"
                     :: "r"(625ul), "r"(1ul));
    __asm__ volatile("msr cntp_tval_el0, %0; msr cntp_ctl_el0, %1; isb"
                     :: "r"(125000000ul), "r"(1ul));
    before = cntvct();

    tprintf("Now migrate the VM, then press a key to continue...\n");
    (void)getchar_uart();

    after = cntvct();
    check_true("virtual counter did not go backwards", after >= before);
    __asm__ volatile("mrs %0, tpidr_el0" : "=r"(v));
    check("tpidr_el0", v, 0x1122334455667788ul);
    __asm__ volatile("mrs %0, tpidrro_el0" : "=r"(v));
    check("tpidrro_el0", v, 0x8877665544332211ul);
    __asm__ volatile("mrs %0, tpidr_el1" : "=r"(v));
    check("tpidr_el1", v, 0xdeadbeefcafef00dul);
    __asm__ volatile("fmov %0, d9; fmov %1, v9.d[1]" : "=r"(lo), "=r"(hi));
    check("v9 low half", lo, 0x0123456789abcdeful);
    check("v9 high half", hi, 0xfedcba9876543210ul);
    __asm__ volatile("mrs %0, fpcr" : "=r"(v));
    check("fpcr", v, 0x03400000ul);
    __asm__ volatile("mrs %0, fpsr" : "=r"(v));
    check("fpsr", v, 0x11);
    for (u64 i = 0; i < PATTERN_WORDS; i++) {
        u64 want = ((i >> 17) & 1) ? 0 : pat(i);
        if (pattern[i] != want) {
            if (!bad++) {
                checkf(pattern[i], want, "RAM word %lu", i);
            }
        }
    }
    check("RAM pattern intact (4 MiB)", bad, 0);

    exc_hook = irq_hook;
    exc_expect(0);
    __asm__ volatile("msr daifclr, #2; isb");
    for (u64 t0 = cntvct(); nirq < 2 && cntvct() - t0 < 62500000ul * 5;) {
        __asm__ volatile("wfi");
    }
    __asm__ volatile("msr daifset, #2");
    check("the pending virtual timer IRQ is taken first (INTID 27)", irqs[0], 27);
    check("then the physical timer fires (INTID 30)", irqs[1], 30);
    test_exit();
}
