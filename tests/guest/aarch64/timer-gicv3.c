/*
 * timer-gicv3: the virtual timer raises PPI 27 through a GICv3, acknowledged
 * and ended through the ICC system registers (run with gic-version=3).
 */
#include "testlib.h"
#define GICD 0x08000000UL
#define GICR 0x080a0000UL
#define W32(a, v) (*(volatile unsigned int *)(a) = (v))
#define R32(a) (*(volatile unsigned int *)(a))
static volatile unsigned long got_irq;
static void hook(struct exc_frame *f)
{
    unsigned long iar;
    (void)f;
    __asm__ volatile("mrs %0, S3_0_C12_C12_0" : "=r"(iar));   /* IAR1 */
    got_irq = iar;
    __asm__ volatile("msr cntv_ctl_el0, %0" :: "r"(0ul));
    __asm__ volatile("msr S3_0_C12_C12_1, %0" :: "r"(iar));   /* EOIR1 */
}
int main(void)
{
    unsigned long pfr0;
    __asm__ volatile("mrs %0, id_aa64pfr0_el1" : "=r"(pfr0));
    check("ID_AA64PFR0.GIC", (pfr0 >> 24) & 0xf, 1);
    W32(GICD + 0x0, 0x12);                 /* ARE_NS | EnableGrp1NS (DS=1) */
    W32(GICR + 0x14, R32(GICR + 0x14) & ~2u);   /* WAKER.ProcessorSleep=0 */
    W32(GICR + 0x10000 + 0x80, 0xffffffff);     /* IGROUPR0: group 1 */
    W32(GICR + 0x10000 + 0x100, 1u << 27);      /* ISENABLER0 */
    __asm__ volatile("msr S3_0_C12_C12_5, %0; isb" :: "r"(7ul));  /* SRE */
    __asm__ volatile("msr S3_0_C4_C6_0, %0" :: "r"(0xfful));      /* PMR */
    __asm__ volatile("msr S3_0_C12_C12_7, %0; isb" :: "r"(1ul));  /* IGRPEN1 */
    exc_hook = hook;
    exc_expect(0);
    __asm__ volatile("msr cntv_tval_el0, %0; msr cntv_ctl_el0, %1; isb"
                     :: "r"(62500ul), "r"(1ul));
    __asm__ volatile("msr daifclr, #2");
    for (int i = 0; i < 100000000 && !got_irq; i++) {
        __asm__ volatile("wfi");
    }
    __asm__ volatile("msr daifset, #2");
    check("virtual timer IRQ is INTID 27 (ICC_IAR1)", got_irq, 27);
    check("taken at the IRQ vector", last_exc.vector, 5);
    return 0;
}
