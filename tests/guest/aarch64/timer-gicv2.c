/*
 * timer-gicv2: the virtual timer raises PPI 27 through a GICv2 (distributor
 * and memory-mapped CPU interface); the IRQ is taken, acknowledged and ended.
 */
#include "testlib.h"
#define GICD 0x08000000UL
#define GICC 0x08010000UL
#define W32(a, v) (*(volatile unsigned int *)(a) = (v))
#define R32(a) (*(volatile unsigned int *)(a))
static volatile unsigned int got_irq;
static void hook(struct exc_frame *f)
{
    (void)f;
    unsigned int iar = R32(GICC + 0xc);
    got_irq = iar & 0x3ff;
    __asm__ volatile("msr cntv_ctl_el0, %0" :: "r"(0ul));
    W32(GICC + 0x10, iar);
}
int main(void)
{
    W32(GICD + 0x0, 1);
    W32(GICD + 0x100, 1u << 27);   /* ISENABLER0: PPI 27 */
    W32(GICC + 0x4, 0xff);          /* PMR */
    W32(GICC + 0x0, 1);
    exc_hook = hook;
    exc_expect(0);
    __asm__ volatile("msr cntv_tval_el0, %0; msr cntv_ctl_el0, %1; isb"
                     :: "r"(62500ul), "r"(1ul));
    __asm__ volatile("msr daifclr, #2");
    for (int i = 0; i < 100000000 && !got_irq; i++) {
        __asm__ volatile("wfi");
    }
    __asm__ volatile("msr daifset, #2");
    check("virtual timer IRQ is INTID 27", got_irq, 27);
    check("taken at the IRQ vector", last_exc.vector, 5);
    { unsigned long isr; __asm__ volatile("mrs %0, isr_el1" : "=r"(isr)); check("ISR_EL1 clear after EOI", isr, 0); }
    return 0;
}
