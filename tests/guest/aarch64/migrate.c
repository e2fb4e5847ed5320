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
    test_exit();
}
