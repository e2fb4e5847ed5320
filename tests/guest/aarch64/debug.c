/*
 * debug.c - self-hosted debug at EL1 (target-arm/debug_helper.c): the
 * breakpoint and watchpoint counts in ID_AA64DFR0, hardware breakpoints
 * (EC 0x31, ELR = the insn, not taken with PSTATE.D, KDE or MDE clear or
 * with the OS lock set), watchpoints (EC 0x35, FAR = the access, WnR,
 * load-only ones ignore stores, the store does not happen), and software
 * step (active-pending first, then one EC 0x33 per insn with ELR = the
 * next insn, until PSTATE.D masks it).
 *
 * QEMU 7.2 departs from the Arm ARM (AArch64.GenerateDebugExceptionsFrom)
 * twice: it takes breakpoints while OSLSR_EL1.OSLK is set, and it takes a
 * Software Step exception after the stepped insn that set PSTATE.D
 * (debug exceptions are then disabled, so stepping is inactive).
 */
#include "testlib.h"

#define MRS(reg) ({ u64 _v; __asm__ volatile("mrs %0, " reg : "=r"(_v)); _v; })
#define MSR(reg, v) __asm__ volatile("msr " reg ", %0" : : "r"((u64)(v)) : "memory")
#define ISB() __asm__ volatile("isb" ::: "memory")

#define MDSCR_SS  (1u << 0)
#define MDSCR_KDE (1u << 13)
#define MDSCR_MDE (1u << 15)
#define BCR_EL1   ((0xfu << 5) | (1u << 1) | 1u)    /* BAS, PMC=EL1, E */
#define WCR(lsc)  ((0xffu << 5) | ((lsc) << 3) | (1u << 1) | 1u)

static volatile u64 hits, hit_elr[8], hit_esr[8], hit_far[8];
static volatile u64 data[2] __attribute__((aligned(16)));

/* Record; mask debug on return (SPSR.D) or keep stepping (SPSR.SS). */
static void hook(struct exc_frame *f)
{
    u64 ec = last_exc.esr >> 26;

    if (hits < 8) {
        hit_elr[hits] = f->elr;
        hit_esr[hits] = last_exc.esr;
        hit_far[hits] = MRS("far_el1");
    }
    hits++;
    if (ec == 0x33) {
        f->spsr |= 1ul << 21;
    } else {
        f->spsr |= 1ul << 9;
    }
    exc_expect(0);
}

static void reset(void)
{
    __asm__ volatile("msr daifset, #8");
    MSR("oslar_el1", 0);
    MSR("mdscr_el1", 0);
    MSR("dbgbcr0_el1", 0);
    MSR("dbgbcr1_el1", 0);
    MSR("dbgwcr0_el1", 0);
    MSR("dbgwcr1_el1", 0);
    ISB();
    hits = 0;
    exc_hook = hook;
    exc_expect(0);
}

extern char bp_here[], bp_next[];

/* Run the two insns at bp_here with debug unmasked. */
static void __attribute__((noinline)) bp_run(void)
{
    __asm__ volatile("msr daifclr, #8\n"
                     ".globl bp_here\nbp_here:\tnop\n"
                     ".globl bp_next\nbp_next:\tnop\n"
                     "\tmsr daifset, #8" ::: "memory");
}

static void test_bp(void)
{
    u64 dfr0 = MRS("id_aa64dfr0_el1");

    check_true("ID_AA64DFR0.BRPs: at least 2 breakpoints",
               ((dfr0 >> 12) & 0xf) >= 1);
    check_true("ID_AA64DFR0.WRPs: at least 2 watchpoints",
               ((dfr0 >> 20) & 0xf) >= 1);

    reset();
    MSR("dbgbvr0_el1", (u64)bp_here);
    MSR("dbgbcr0_el1", BCR_EL1);
    MSR("dbgbvr1_el1", (u64)bp_next);
    MSR("dbgbcr1_el1", BCR_EL1);
    MSR("mdscr_el1", MDSCR_KDE | MDSCR_MDE);
    ISB();
    bp_run();
    check("breakpoint taken once (D set on return)", hits, 1);
    check("breakpoint EC 0x31", hit_esr[0] >> 26, 0x31);
    check("breakpoint ELR is the insn", hit_elr[0], (u64)bp_here);

    /* Not with KDE clear, nor with the OS lock set, nor with MDE clear. */
    hits = 0;
    MSR("mdscr_el1", MDSCR_MDE);
    ISB();
    bp_run();
    check("no breakpoint with MDSCR.KDE clear", hits, 0);
    MSR("mdscr_el1", MDSCR_KDE | MDSCR_MDE);
    MSR("oslar_el1", 1);
    ISB();
    check("OSLSR.OSLK set by OSLAR", (MRS("oslsr_el1") >> 1) & 1, 1);
    hits = 0;
    bp_run();
    check("no breakpoint with the OS lock set", hits, 0);
    MSR("oslar_el1", 0);
    MSR("mdscr_el1", MDSCR_KDE);
    ISB();
    hits = 0;
    bp_run();
    check("no breakpoint with MDSCR.MDE clear", hits, 0);
    reset();
    exc_hook = NULL;
}

static void test_wp(void)
{
    u64 v;

    reset();
    data[0] = 0x1111;
    MSR("dbgwvr0_el1", (u64)&data[0]);
    MSR("dbgwcr0_el1", WCR(2));             /* stores */
    MSR("dbgwvr1_el1", (u64)&data[1]);
    MSR("dbgwcr1_el1", WCR(1));             /* loads */
    MSR("mdscr_el1", MDSCR_KDE | MDSCR_MDE);
    ISB();
    __asm__ volatile("msr daifclr, #8\n\tstr %1, [%0]\n\tmsr daifset, #8"
                     : : "r"(&data[0]), "r"(0x2222ul) : "memory");
    check("store watchpoint taken once", hits, 1);
    check("watchpoint EC 0x35", hit_esr[0] >> 26, 0x35);
    check("watchpoint WnR for a store", (hit_esr[0] >> 6) & 1, 1);
    check("watchpoint FAR is the access", hit_far[0], (u64)&data[0]);
    check("the store ran after the return (D set)", data[0], 0x2222);

    hits = 0;
    __asm__ volatile("msr daifclr, #8\n\tstr %1, [%0]\n\tmsr daifset, #8"
                     : : "r"(&data[1]), "r"(0x3333ul) : "memory");
    check("a load watchpoint ignores stores", hits, 0);
    __asm__ volatile("msr daifclr, #8\n\tldr %0, [%1]\n\tmsr daifset, #8"
                     : "=&r"(v) : "r"(&data[1]) : "memory");
    check("load watchpoint taken", hits, 1);
    check("load watchpoint WnR clear", (hit_esr[0] >> 6) & 1, 0);
    check("the load read the value", v, 0x3333);
    reset();
    exc_hook = NULL;
}

extern char ss_here[];

static void __attribute__((noinline)) test_ss(void)
{
    reset();
    MSR("mdscr_el1", MDSCR_KDE | MDSCR_SS);
    ISB();
    __asm__ volatile("msr daifclr, #8\n"
                     ".globl ss_here\nss_here:\tnop\n\tnop\n"
                     "\tmsr daifset, #8\n\tnop" ::: "memory");
    check("three step exceptions (none after daifset)", hits, 3);
    check("step EC 0x33", hit_esr[0] >> 26, 0x33);
    check("active-pending: ELR is the first insn", hit_elr[0], (u64)ss_here);
    check("then each next insn (1)", hit_elr[1], (u64)ss_here + 4);
    check("then each next insn (2)", hit_elr[2], (u64)ss_here + 8);
    reset();
    exc_hook = NULL;
}

int main(void)
{
    test_set_prefix("debug: ");
    test_bp();
    test_wp();
    test_ss();
    MSR("mdscr_el1", 0);
    return 0;
}
