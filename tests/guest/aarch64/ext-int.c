/*
 * ext-int.c - the optional integer features of -cpu max beyond ARMv8.0
 * that the differential tester cannot reach or should not be the only
 * check of: their ID register fields, FEAT_FlagM/FlagM2 over every NZCV
 * input against the Arm ARM's formulas, FEAT_LRCPC/LRCPC2 loads and
 * stores with their sign extensions, FEAT_SB, and the PSTATE bits of
 * FEAT_DIT and FEAT_SSBS across exception entry and return (DIT kept,
 * SSBS from SCTLR_EL1.DSSBS, both restored from SPSR_EL1) and at EL0, and
 * FEAT_SPECRES (CFP/DVP/CPP RCTX: no-ops, trapped at EL0 by EnRCTX).
 * Built with -march=armv8.5-a (tests/guest/rules.mk).
 */
#include "testlib.h"

#define MRS(reg) ({ u64 _v; __asm__ volatile("mrs %0, " reg : "=r"(_v)); _v; })
#define MSR(reg, v) __asm__ volatile("msr " reg ", %0" : : "r"((u64)(v)))

#define PSTATE_DIT (1ul << 24)
#define PSTATE_SSBS (1ul << 12)
#define SCTLR_DSSBS (1ul << 44)

static u64 field(u64 reg, int shift)
{
    return (reg >> shift) & 0xf;
}

static void test_id(void)
{
    u64 isar0 = MRS("id_aa64isar0_el1"), isar1 = MRS("id_aa64isar1_el1");

    check("ID_AA64ISAR0.TS is 2 (FlagM2)", field(isar0, 52), 2);
    check("ID_AA64ISAR1.SB is 1", field(isar1, 36), 1);
    check("ID_AA64ISAR1.SPECRES is 1", field(isar1, 40), 1);
    check("ID_AA64ISAR1.LRCPC is 2 (LDAPUR)", field(isar1, 20), 2);
    check("ID_AA64PFR0.DIT is 1", field(MRS("id_aa64pfr0_el1"), 48), 1);
    check("ID_AA64PFR1.SSBS is 2 (MSR/MRS SSBS)",
          field(MRS("id_aa64pfr1_el1"), 4), 2);
}

/* Run one flag-manipulation instruction from NZCV = @in, return NZCV. */
#define FLAGOP(insn, in) ({                                                  \
    u64 _o;                                                                 \
    __asm__ volatile("msr nzcv, %1\n\t" insn "\n\tmrs %0, nzcv"             \
                     : "=r"(_o) : "r"((u64)(in) << 28) : "cc");             \
    _o >> 28; })

static void test_flagm(void)
{
    for (u64 in = 0; in < 16; in++) {
        u64 n = in >> 3, z = (in >> 2) & 1, c = (in >> 1) & 1, v = in & 1;
        u64 want;

        checkf(FLAGOP("cfinv", in), in ^ NZCV_C, "cfinv from nzcv %lx", in);
        /* XAFLAG: N = !C & !Z, Z = Z & C, C = C | Z, V = !C & Z */
        want = (!c && !z) << 3 | (z && c) << 2 | (c || z) << 1 | (!c && z);
        checkf(FLAGOP("xaflag", in), want, "xaflag from nzcv %lx", in);
        /* AXFLAG: Z = Z | V, C = C & !V, N = V = 0 */
        want = (z || v) << 2 | (c && !v) << 1;
        checkf(FLAGOP("axflag", in), want, "axflag from nzcv %lx", in);
        (void)n;
    }
}

static u64 rmif(u64 x, u64 in)
{
    u64 o;
    __asm__ volatile("msr nzcv, %2\n\trmif %1, #7, #0b1010\n\tmrs %0, nzcv"
                     : "=r"(o) : "r"(x), "r"(in << 28) : "cc");
    return o >> 28;
}

static u64 setf(u64 w, u64 in, int h)
{
    u64 o;
    if (h) {
        __asm__ volatile("msr nzcv, %2\n\tsetf16 %w1\n\tmrs %0, nzcv"
                         : "=r"(o) : "r"(w), "r"(in << 28) : "cc");
    } else {
        __asm__ volatile("msr nzcv, %2\n\tsetf8 %w1\n\tmrs %0, nzcv"
                         : "=r"(o) : "r"(w), "r"(in << 28) : "cc");
    }
    return o >> 28;
}

static void test_rmif_setf(void)
{
    static const u64 xs[] = { 0, 0x780, 0x500, 0x280, 0xffffffffffffffff,
                              0x8000000000000000, 0x123456789abcdef0 };
    static const u64 ws[] = { 0, 0x80, 0x7f, 0x100, 0x180, 0xff00, 0x8000,
                              0x18000, 0x10000, 0xffffffff, 0x12345600 };

    for (unsigned i = 0; i < sizeof(xs) / sizeof(xs[0]); i++) {
        for (u64 in = 0; in < 16; in += 5) {
            /* ROR #7 then N (mask bit 3) and C (mask bit 1) from bits 3, 1 */
            u64 r = xs[i] >> 7 | xs[i] << 57;
            u64 want = (in & 5) | (r & 0xa);
            checkf(rmif(xs[i], in), want, "rmif %lx, #7, #0b1010 from nzcv %lx",
                   xs[i], in);
        }
    }
    for (unsigned i = 0; i < sizeof(ws) / sizeof(ws[0]); i++) {
        for (int h = 0; h <= 1; h++) {
            int msb = h ? 15 : 7;
            u64 w = ws[i] & 0xffffffff;
            u64 want = ((w >> msb) & 1) << 3 |
                       ((w & ((2ul << msb) - 1)) == 0) << 2 |
                       (((w >> (msb + 1)) ^ (w >> msb)) & 1);
            checkf(setf(w, 0x2, h), want | 0x2, "setf%d %lx keeps C=1",
                   h ? 16 : 8, w);
            checkf(setf(w, 0xd, h), want, "setf%d %lx keeps C=0",
                   h ? 16 : 8, w);
        }
    }
}

static u64 buf[4] __attribute__((aligned(16)));

static void test_rcpc(void)
{
    u64 v;
    u8 *b = (u8 *)buf;

    buf[0] = 0x8081828384858687ul;
    buf[1] = 0xf0e0d0c0b0a09080ul;
    __asm__ volatile("ldaprb %w0, [%1]" : "=r"(v) : "r"(b + 1) : "memory");
    check("ldaprb", v, 0x86);
    __asm__ volatile("ldaprh %w0, [%1]" : "=r"(v) : "r"(b + 2) : "memory");
    check("ldaprh", v, 0x8485);
    __asm__ volatile("ldapr %w0, [%1]" : "=r"(v) : "r"(b + 4) : "memory");
    check("ldapr w", v, 0x80818283);
    __asm__ volatile("ldapr %0, [%1]" : "=r"(v) : "r"(b + 8) : "memory");
    check("ldapr x", v, 0xf0e0d0c0b0a09080ul);
    __asm__ volatile("ldapursb %0, [%1, #-7]" : "=r"(v) : "r"(b + 8) : "memory");
    check("ldapursb x sign-extends", v, 0xffffffffffffff86ul);
    __asm__ volatile("ldapursb %w0, [%1, #1]" : "=r"(v) : "r"(b) : "memory");
    check("ldapursb w sign-extends to 32 bits", v, 0xffffff86ul);
    __asm__ volatile("ldapursh %w0, [%1, #14]" : "=r"(v) : "r"(b) : "memory");
    check("ldapursh w", v, 0xfffff0e0ul);
    __asm__ volatile("ldapursw %0, [%1, #12]" : "=r"(v) : "r"(b) : "memory");
    check("ldapursw", v, 0xfffffffff0e0d0c0ul);
    __asm__ volatile("ldapurh %w0, [%1, #255]" : "=r"(v) : "r"((u64)b - 253) : "memory");
    check("ldapurh #255", v, 0x8485);
    __asm__ volatile("ldapur %0, [%1, #-256]" : "=r"(v) : "r"((u64)b + 256) : "memory");
    check("ldapur x #-256", v, 0x8081828384858687ul);
    __asm__ volatile("stlurb %w0, [%1, #-1]" : : "r"(0x1ff), "r"(b + 17) : "memory");
    __asm__ volatile("stlurh %w0, [%1, #18]" : : "r"(0x2345), "r"(b) : "memory");
    __asm__ volatile("stlur %w0, [%1, #20]" : : "r"(0x6789abcd), "r"(b) : "memory");
    __asm__ volatile("stlur %0, [%1, #24]" : : "r"(0x1122334455667788ul), "r"(b)
                     : "memory");
    check("stlurb/h/w", buf[2] & 0xffffffffffff00fful, 0x6789abcd234500fful);
    check("stlur x", buf[3], 0x1122334455667788ul);
    __asm__ volatile("sb");
    check("sb executes", 1, 1);
}

static u64 hook_pstate_dit, hook_pstate_ssbs;
static u64 hook_flip;

static void read_pstate_hook(struct exc_frame *f)
{
    hook_pstate_dit = MRS("dit");
    hook_pstate_ssbs = MRS("ssbs");
    f->spsr ^= hook_flip;
}

/* Take an exception (BRK) with PSTATE.DIT/SSBS as given, report them. */
static u64 brk_with(u64 dit, u64 ssbs, u64 flip)
{
    MSR("dit", dit);
    MSR("ssbs", ssbs);
    hook_flip = flip;
    exc_hook = read_pstate_hook;
    exc_expect(4);
    __asm__ volatile("brk #1");
    exc_hook = NULL;
    return last_exc.spsr;
}

static void test_dit_ssbs(void)
{
    u64 sctlr = MRS("sctlr_el1"), spsr;

    __asm__ volatile("msr dit, #1");
    check("msr dit, #1", MRS("dit"), PSTATE_DIT);
    __asm__ volatile("msr dit, #0");
    check("msr dit, #0", MRS("dit"), 0);
    __asm__ volatile("msr ssbs, #1");
    check("msr ssbs, #1", MRS("ssbs"), PSTATE_SSBS);
    __asm__ volatile("msr ssbs, #0");
    check("msr ssbs, #0", MRS("ssbs"), 0);
    MSR("dit", ~0ul);
    check("msr dit, xN keeps bit 24 only", MRS("dit"), PSTATE_DIT);
    MSR("ssbs", ~0ul);
    check("msr ssbs, xN keeps bit 12 only", MRS("ssbs"), PSTATE_SSBS);

    MSR("sctlr_el1", sctlr & ~SCTLR_DSSBS);
    spsr = brk_with(PSTATE_DIT, PSTATE_SSBS, 0);
    check("SPSR_EL1 holds DIT", spsr & PSTATE_DIT, PSTATE_DIT);
    check("SPSR_EL1 holds SSBS", spsr & PSTATE_SSBS, PSTATE_SSBS);
    check("DIT kept on exception entry (Arm ARM; QEMU 7.2 clears it)",
          hook_pstate_dit, PSTATE_DIT);
    check("SSBS = DSSBS (0) on exception entry", hook_pstate_ssbs, 0);
    check("eret restores DIT", MRS("dit"), PSTATE_DIT);
    check("eret restores SSBS", MRS("ssbs"), PSTATE_SSBS);

    MSR("sctlr_el1", sctlr | SCTLR_DSSBS);
    spsr = brk_with(0, 0, PSTATE_DIT | PSTATE_SSBS);
    check("SPSR_EL1 DIT clear", spsr & (PSTATE_DIT | PSTATE_SSBS), 0);
    check("DIT 0 kept on exception entry", hook_pstate_dit, 0);
    check("SSBS = DSSBS (1) on exception entry", hook_pstate_ssbs, PSTATE_SSBS);
    check("eret sets DIT from SPSR", MRS("dit"), PSTATE_DIT);
    check("eret sets SSBS from SPSR", MRS("ssbs"), PSTATE_SSBS);
    MSR("sctlr_el1", sctlr);
    MSR("dit", 0);
    MSR("ssbs", 0);

    MSR("spsr_el1", PSTATE_DIT | PSTATE_SSBS | 0x5);
    check("SPSR_EL1 DIT and SSBS writable",
          MRS("spsr_el1") & (PSTATE_DIT | PSTATE_SSBS), PSTATE_DIT | PSTATE_SSBS);
}

/*
 * EL0 programs reached by ERET, each ending with an SVC: DIT and SSBS
 * (MSR immediate and register, MRS) are EL0-accessible; CFP/DVP/CPP RCTX
 * trap to EL1 unless SCTLR_EL1.EnRCTX.
 */
extern char el0_dit_ssbs[], el0_rctx[];
__asm__(".text\n"
        "el0_dit_ssbs:\n\tmsr dit, #1\n\tmrs x0, dit\n\tmsr ssbs, #1\n\t"
        "mrs x2, ssbs\n\tmsr dit, xzr\n\tmsr ssbs, xzr\n\tsvc #0x12\n"
        "el0_rctx:\n\tcfp rctx, x3\n\tdvp rctx, x4\n\tcpp rctx, x5\n\t"
        "svc #0x13\n");

static u64 el1_resume, el0_x0, el0_x2, el0_esr, el0_traps, el0_trap_esr[4];

/* SVC: back to EL1 at el1_resume; anything else: note it, skip the insn. */
static void el0_hook(struct exc_frame *f)
{
    if ((last_exc.esr >> 26) != 0x15) {
        if (el0_traps < 4) {
            el0_trap_esr[el0_traps] = last_exc.esr;
        }
        el0_traps++;
        exc_expect(4);      /* stay armed for the next one */
        return;
    }
    el0_esr = last_exc.esr;
    el0_x0 = f->x[0];
    el0_x2 = f->x[2];
    f->elr = el1_resume;
    f->spsr = 0x3c5;                    /* back to EL1h, DAIF masked */
}

static void run_el0(char *entry)
{
    static u64 el0_stack[64] __attribute__((aligned(16)));

    el0_traps = 0;
    MSR("sp_el0", (u64)&el0_stack[64]);
    exc_hook = el0_hook;
    exc_expect(4);          /* a trapped insn is skipped; SVC goes to el1_resume */
    __asm__ volatile("adr x9, 1f\n\tstr x9, [%0]\n\t"
                     "mov x3, #3\n\tmov x4, #4\n\tmov x5, #5\n\t"
                     "msr elr_el1, %1\n\tmsr spsr_el1, xzr\n\teret\n"
                     "1:"
                     : : "r"(&el1_resume), "r"(entry)
                     : "x0", "x1", "x2", "x3", "x4", "x5", "x9", "x30", "memory");
    exc_hook = NULL;
}

static void test_el0(void)
{
    run_el0(el0_dit_ssbs);
    check("EL0 ran to its SVC", el0_esr, (0x15ul << 26) | (1ul << 25) | 0x12);
    check("EL0 msr/mrs dit", el0_x0, PSTATE_DIT);
    check("EL0 msr/mrs ssbs", el0_x2, PSTATE_SSBS);
}

/* FEAT_SPECRES: no-ops at EL1; at EL0 trapped unless SCTLR_EL1.EnRCTX. */
static void test_specres(void)
{
    u64 sctlr = MRS("sctlr_el1");

    check("ID_AA64ISAR1.SPECRES is 1", field(MRS("id_aa64isar1_el1"), 40), 1);
    exc_expect(4);
    __asm__ volatile("cfp rctx, %0\n\tdvp rctx, %0\n\tcpp rctx, %0" : : "r"(0ul));
    check("CFP/DVP/CPP RCTX at EL1: no exception", last_exc.count, 0);

    MSR("sctlr_el1", sctlr & ~(1ul << 10));
    run_el0(el0_rctx);
    check("EL0 RCTX with EnRCTX=0: three traps", el0_traps, 3);
    /* EC 0x18, IL, Op0=1 op2 op1=3 CRn=7 Rt CRm=3, direction 0 (write) */
    check("cfp rctx, x3 trap syndrome", el0_trap_esr[0],
          0x62000000ul | 1 << 20 | 4 << 17 | 3 << 14 | 7 << 10 | 3 << 5 | 3 << 1);
    check("dvp rctx, x4 trap syndrome", el0_trap_esr[1],
          0x62000000ul | 1 << 20 | 5 << 17 | 3 << 14 | 7 << 10 | 4 << 5 | 3 << 1);
    check("cpp rctx, x5 trap syndrome", el0_trap_esr[2],
          0x62000000ul | 1 << 20 | 7 << 17 | 3 << 14 | 7 << 10 | 5 << 5 | 3 << 1);
    check("EL0 RCTX program reached its SVC", el0_esr, (0x15ul << 26) | (1ul << 25) | 0x13);
    MSR("sctlr_el1", sctlr | (1ul << 10));
    run_el0(el0_rctx);
    check("EL0 RCTX with EnRCTX=1: no trap", el0_traps, 0);
    MSR("sctlr_el1", sctlr);
}

int main(void)
{
    test_set_prefix("ext-int: ");
    test_id();
    test_flagm();
    test_rmif_setf();
    test_rcpc();
    test_dit_ssbs();
    test_el0();
    test_specres();
    return 0;
}
