/*
 * timer-poll: a guest that polls CNTP_CTL/CNTV_CTL until ISTATUS is set,
 * with the timer's PPI enabled and IRQs unmasked, has taken the interrupt
 * by the next instruction boundary (kvm-unit-tests' timer test relies on
 * it; plumb used to assert the line only when the host ran the timer's
 * callback, which a loaded host runs late). GICv2, 20 rounds per timer.
 */
#include "testlib.h"
#define GICD 0x08000000UL
#define GICC 0x08010000UL
#define W32(a, v) (*(volatile unsigned int *)(a) = (v))
#define R32(a) (*(volatile unsigned int *)(a))
#define MRS(reg) ({ u64 _v; __asm__ volatile("mrs %0, " reg : "=r"(_v)); _v; })
#define MSR(reg, v) __asm__ volatile("msr " reg ", %0" : : "r"((u64)(v)) : "memory")

static volatile unsigned int got_irq, nirq;

static void hook(struct exc_frame *f)
{
    unsigned int iar = R32(GICC + 0xc);

    (void)f;
    got_irq = iar & 0x3ff;
    nirq++;
    MSR("cntv_ctl_el0", 0);
    MSR("cntp_ctl_el0", 0);
    W32(GICC + 0x10, iar);
    exc_expect(0);
}

static int round_trip(int virt)
{
    u64 now, istatus;

    got_irq = 0;
    nirq = 0;
    if (virt) {
        now = MRS("cntvct_el0");
        MSR("cntv_cval_el0", now + 2000);       /* 32 us at 62.5 MHz */
        MSR("cntv_ctl_el0", 1);
    } else {
        now = MRS("cntpct_el0");
        MSR("cntp_cval_el0", now + 2000);
        MSR("cntp_ctl_el0", 1);
    }
    __asm__ volatile("msr daifclr, #2");
    do {
        istatus = virt ? MRS("cntv_ctl_el0") : MRS("cntp_ctl_el0");
    } while (!(istatus & 4) && !nirq);
    __asm__ volatile("isb");
    __asm__ volatile("msr daifset, #2");
    return nirq == 1 && got_irq == (virt ? 27u : 30u);
}

int main(void)
{
    int ok_v = 0, ok_p = 0;

    W32(GICD + 0x0, 1);
    W32(GICD + 0x100, (1u << 27) | (1u << 30));
    W32(GICC + 0x4, 0xff);
    W32(GICC + 0x0, 1);
    exc_hook = hook;
    exc_expect(0);
    for (int i = 0; i < 20; i++) {
        ok_v += round_trip(1);
        ok_p += round_trip(0);
    }
    check("virtual timer: IRQ taken once ISTATUS is seen (20 rounds)", ok_v, 20);
    check("physical timer: IRQ taken once ISTATUS is seen (20 rounds)", ok_p, 20);
    return 0;
}
