/*
 * exc.c - exceptions and system state at EL1 and EL0: UNDEFINED
 * encodings, SVC/BRK/HVC syndromes and return addresses, data aborts for
 * misaligned accesses with the MMU off (Device memory) and for addresses
 * outside the physical range, PC alignment faults, ERET (to EL1, to EL0,
 * illegal returns), SPSel and SP_EL0, DAIF, NZCV, the ID and identity
 * registers, thread pointers, the generic timer counter, PSCI version.
 */
#include "testlib.h"

#define MRS(reg) ({ u64 _v; __asm__ volatile("mrs %0, " reg : "=r"(_v)); _v; })
#define MSR(reg, v) __asm__ volatile("msr " reg ", %0" : : "r"((u64)(v)) : "memory")

/* SCTLR_EL1 with the MMU and caches off, EL0 WFI/WFE allowed, UMA off */
#define SCTLR_TEST (0x30d00800ul | (1ul << 16) | (1ul << 18))

static u64 data[4] __attribute__((aligned(16)));

/* ISS of a trapped MRS/MSR (EC 0x18): the encoding, Rt and direction. */
#define ISS_SYSREG(op0, op1, crn, crm, op2, rt, rd) \
    (((u64)(op0) << 20) | ((u64)(op2) << 17) | ((u64)(op1) << 14) | \
     ((u64)(crn) << 10) | ((u64)(rt) << 5) | ((u64)(crm) << 1) | (rd))
extern char vectors[];

static inline u64 addr(const void *base, long off)
{
    u64 a = (u64)base;
    __asm__("" : "+r"(a));
    return a + off;
}

static void check_sync(const char *name, u64 ec, u64 iss, int check_iss)
{
    char buf[96];
    tsnprintf(buf, sizeof(buf), "%s: one exception", name);
    check(buf, last_exc.count, 1);
    tsnprintf(buf, sizeof(buf), "%s: EC", name);
    check(buf, last_exc.esr >> 26, ec);
    tsnprintf(buf, sizeof(buf), "%s: IL", name);
    check(buf, (last_exc.esr >> 25) & 1, 1);
    if (check_iss) {
        tsnprintf(buf, sizeof(buf), "%s: ISS", name);
        check(buf, last_exc.esr & 0x1ffffff, iss);
    }
}

static void test_undef(void)
{
    u64 elr;

    exc_expect(4);
    __asm__ volatile("adr %0, 1f\n1:\tudf #0x1234" : "=r"(elr));
    check_sync("udf #0x1234", 0, 0, 1);
    check("udf: ELR is the insn", last_exc.elr, elr);
    check("udf: taken to the current EL, SP_ELx vector", last_exc.vector, 4);

    exc_expect(4);
    __asm__ volatile(".inst 0x00000000");
    check_sync("all-zero word", 0, 0, 1);
    exc_expect(4);
    __asm__ volatile(".inst 0xd4000003");       /* smc #0: no EL3 */
    check_sync("smc #0 without EL3", 0, 0, 1);
    exc_expect(4);
    __asm__ volatile(".inst 0xd5380000 | (2 << 12) | (15 << 8) | (7 << 5) | 0x1f");
    check_sync("mrs of an unallocated system register", 0, 0, 1);
    exc_expect(4);
    __asm__ volatile(".inst 0x5ac0fc00");       /* dp-1src opcode 111111 */
    check_sync("dp-1src with an unallocated opcode", 0, 0, 1);
    exc_expect(4);
    __asm__ volatile(".inst 0x13808000");       /* extr w0, w0, w0, #32 */
    check_sync("extr w with imms 32", 0, 0, 1);
    exc_expect(4);
    __asm__ volatile(".inst 0x1b000000 | (1 << 21)");   /* madd op31=001 sf=0 */
    check_sync("smaddl with sf=0", 0, 0, 1);
    exc_expect(4);
    __asm__ volatile(".inst 0x12800000 | (1 << 22)");   /* movn w, hw=2 */
    check_sync("movn w with hw=2", 0, 0, 1);
    exc_expect(4);
    __asm__ volatile(".inst 0x92400000" : : : "x0");    /* and x0, x0, #1 */
    check("and x with N=1 is a valid 64-bit mask", last_exc.count, 0);
    exc_expect(4);
    __asm__ volatile(".inst 0x12400000");               /* and w, N=1 */
    check_sync("and w with N=1", 0, 0, 1);
    exc_expect(4);
    __asm__ volatile(".inst 0x0b400000 | (3 << 22)");   /* add shift=ROR */
    check_sync("add with shift type ROR", 0, 0, 1);
    exc_expect(4);
    __asm__ volatile(".inst 0x38a02800");               /* ldrsb option=001 */
    check_sync("load with extend option 001", 0, 0, 1);
}

static void test_svc_brk_hvc(void)
{
    u64 elr, next;

    exc_expect(0);
    __asm__ volatile("adr %0, 1f\n\tsvc #0x1234\n1:" : "=r"(next));
    check_sync("svc #0x1234", 0x15, 0x1234, 1);
    check("svc: ELR is the next insn", last_exc.elr, next);

    exc_expect(4);
    __asm__ volatile("adr %0, 1f\n1:\tbrk #0x42" : "=r"(elr));
    check_sync("brk #0x42", 0x3c, 0x42, 1);
    check("brk: ELR is the insn", last_exc.elr, elr);

    {
        register u64 x0 __asm__("x0") = 0x84000000;     /* PSCI_VERSION */
        u64 ver;
        exc_expect(0);
        __asm__ volatile("hvc #0" : "+r"(x0) : : "x1", "x2", "x3", "memory");
        ver = x0;
        check("hvc PSCI_VERSION: no exception", last_exc.count, 0);
        check("hvc PSCI_VERSION: major >= 1", (ver >> 16) >= 1, 1);
        x0 = 0x8400ff00;                                /* not a function */
        __asm__ volatile("hvc #0" : "+r"(x0) : : "x1", "x2", "x3", "memory");
        ver = x0;
        check("hvc unknown PSCI function: NOT_SUPPORTED", ver, (u64)-1);
        x0 = 0x8400000a;                                /* PSCI_FEATURES */
        {
            register u64 x1 __asm__("x1") = 0x84000008; /* SYSTEM_OFF */
            __asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1) : : "x2", "x3", "memory");
        }
        ver = x0;
        check("hvc PSCI_FEATURES(SYSTEM_OFF) = 0", ver, 0);
    }
}

static void test_aborts(void)
{
    u64 v = 0, w = 0;
    u64 a = addr(data, 1);

    exc_expect(4);
    __asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(a));
    check_sync("unaligned ldr x (MMU off)", 0x25, 0, 0);
    check("unaligned ldr x: DFSC alignment", last_exc.esr & 0x3f, 0x21);
    check("unaligned ldr x: WnR 0", (last_exc.esr >> 6) & 1, 0);
    check("unaligned ldr x: FAR", last_exc.far, a);
    exc_expect(4);
    __asm__ volatile("str %w0, [%1]" : : "r"(v), "r"(addr(data, 2)) : "memory");
    check_sync("unaligned str w (MMU off)", 0x25, 0, 0);
    check("unaligned str w: DFSC alignment", last_exc.esr & 0x3f, 0x21);
    check("unaligned str w: WnR 1", (last_exc.esr >> 6) & 1, 1);
    check("unaligned str w: FAR", last_exc.far, addr(data, 2));
    exc_expect(4);
    __asm__ volatile("ldrh %w0, [%1]" : "=r"(v) : "r"(addr(data, 3)));
    check_sync("unaligned ldrh (MMU off)", 0x25, 0, 0);
    exc_expect(4);
    __asm__ volatile("ldp %0, %1, [%2]" : "=&r"(v), "=&r"(w) : "r"(addr(data, 4)));
    check_sync("ldp x at +4 (MMU off)", 0x25, 0, 0);
    check("ldp x at +4: DFSC alignment", last_exc.esr & 0x3f, 0x21);
    exc_expect(4);
    __asm__ volatile("ldp %w0, %w1, [%2]" : "=&r"(v), "=&r"(w) : "r"(addr(data, 4)));
    check("ldp w at +4 is aligned (4-byte elements)", last_exc.count, 0);

    exc_expect(4);
    __asm__ volatile("dc zva, %0" : : "r"(addr(data, 8)) : "memory");
    check_sync("dc zva with the MMU off (Device memory)", 0x25, 0, 0);
    check("dc zva: DFSC alignment", last_exc.esr & 0x3f, 0x21);
    check("dc zva: FAR is the operand", last_exc.far, addr(data, 8));

    exc_expect(4);
    __asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(1ul << 52));
    check_sync("load above the physical address range", 0x25, 0, 0);
    check("above PA range: DFSC address size fault level 0",
          last_exc.esr & 0x3f, 0x00);
    check("above PA range: FAR", last_exc.far, 1ul << 52);
    (void)w;
}

static u64 pc_fault_target;

static void resume_at_target(struct exc_frame *f)
{
    f->elr = pc_fault_target;
}

static void test_pc_alignment(void)
{
    u64 bad, v = 0;

    exc_hook = resume_at_target;
    exc_expect(0);
    __asm__ volatile("adr %1, 1f\n\tstr %1, [%2]\n\tadr %0, 2f\n\tadd %0, %0, #2\n\t"
                     "br %0\n2:\tnop\n\tnop\n1:"
                     : "=&r"(bad), "=&r"(v) : "r"(&pc_fault_target) : "memory");
    exc_hook = NULL;
    check_sync("br to a misaligned pc", 0x22, 0, 0);
    check("pc alignment: FAR is the target", last_exc.far, bad);
    check("pc alignment: ELR is the target", last_exc.elr, bad);
}

static void test_sysregs(void)
{
    u64 v, v2;

    check("CurrentEL is EL1", MRS("CurrentEL"), 1 << 2);
    v = MRS("midr_el1");
    check("MIDR architecture field is 0xf", (v >> 16) & 0xf, 0xf);
    v = MRS("mpidr_el1");
    check("MPIDR bit 31 (RES1)", (v >> 31) & 1, 1);
    check("MPIDR Aff0 of the boot CPU", v & 0xff, 0);
    v = MRS("id_aa64isar0_el1");
    check("ID_AA64ISAR0 CRC32", (v >> 16) & 0xf, 1);
    check("ID_AA64ISAR0 Atomic (LSE) on -cpu max", (v >> 20) & 0xf, 2);
    v = MRS("id_aa64pfr0_el1");
    check("ID_AA64PFR0.EL1 is 1, AArch64 only (QEMU max also has AArch32)", (v >> 4) & 0xf, 1);
    check("ID_AA64MMFR0 PARange >= 40 bits",
          (MRS("id_aa64mmfr0_el1") & 0xf) >= 2, 1);
    v = MRS("dczid_el0");
    check("DCZID_EL0 block size is 16 words", v & 0xf, 4);
    v = MRS("ctr_el0");
    check("CTR_EL0 bit 31 (RES1)", (v >> 31) & 1, 1);
    check("SCTLR_EL1.M is 0 (MMU off)", MRS("sctlr_el1") & 1, 0);
    check("VBAR_EL1 holds the vectors", MRS("vbar_el1"), (u64)vectors);

    MSR("tpidr_el0", 0x1122334455667788ul);
    MSR("tpidr_el1", 0x8877665544332211ul);
    MSR("tpidrro_el0", 0xa5a5a5a5a5a5a5a5ul);
    check("TPIDR_EL0 round trip", MRS("tpidr_el0"), 0x1122334455667788ul);
    check("TPIDR_EL1 round trip", MRS("tpidr_el1"), 0x8877665544332211ul);
    check("TPIDRRO_EL0 round trip", MRS("tpidrro_el0"), 0xa5a5a5a5a5a5a5a5ul);
    MSR("far_el1", 0x123456789abcdef0ul);
    check("FAR_EL1 round trip", MRS("far_el1"), 0x123456789abcdef0ul);
    MSR("elr_el1", 0x40001234ul);
    check("ELR_EL1 round trip", MRS("elr_el1"), 0x40001234ul);
    MSR("esr_el1", 0x56000000ul);
    check("ESR_EL1 round trip", MRS("esr_el1"), 0x56000000ul);
    MSR("contextidr_el1", 0x77ul);
    check("CONTEXTIDR_EL1 round trip", MRS("contextidr_el1"), 0x77);
    MSR("mair_el1", 0x00000000004404fful);
    check("MAIR_EL1 round trip", MRS("mair_el1"), 0x4404ff);

    check("CNTFRQ_EL0 is set", MRS("cntfrq_el0") != 0, 1);
    v = MRS("cntvct_el0");
    for (volatile int i = 0; i < 1000; i++) {
    }
    v2 = MRS("cntvct_el0");
    check("CNTVCT_EL0 moves forward", v2 > v, 1);

    MSR("nzcv", 0xa0000000ul);
    check("NZCV round trip (N, C)", MRS("nzcv"), 0xa0000000ul);
    MSR("nzcv", 0x50000000ul);
    check("NZCV round trip (Z, V)", MRS("nzcv"), 0x50000000ul);

    __asm__ volatile("msr daifset, #0xf");
    check("DAIFSet #0xf", MRS("daif"), 0x3c0);
    __asm__ volatile("msr daifclr, #0x2");
    check("DAIFClr #2 unmasks I", MRS("daif"), 0x340);
    MSR("daif", 0x3c0ul);
    check("MSR DAIF", MRS("daif"), 0x3c0);

    check("SPSel is 1 at EL1h", MRS("spsel"), 1);
    MSR("sp_el0", 0x40123450ul);
    check("SP_EL0 round trip while SPSel=1", MRS("sp_el0"), 0x40123450ul);
    __asm__ volatile("mov x9, sp\n\t"
                     "msr spsel, #0\n\t"
                     "mov %0, sp\n\t"
                     "mrs %1, spsel\n\t"
                     "msr spsel, #1\n\t"
                     "mov x10, sp\n\t"
                     "sub %1, %1, x10\n\t"
                     "add %1, %1, x9"
                     : "=&r"(v), "=&r"(v2) : : "x9", "x10");
    check("SPSel=0 makes SP read SP_EL0", v, 0x40123450ul);
    check("SPSel back to 1 restores SP_EL1 (and read 0 meanwhile)", v2, 0);

    /* SP_EL0 is UNDEFINED as MRS while SP_EL0 is the current SP */
    exc_expect(4);
    __asm__ volatile("msr spsel, #0\n\tmrs %0, sp_el0\n\tmsr spsel, #1"
                     : "=r"(v));
    check_sync("mrs sp_el0 with SPSel=0", 0, 0, 1);
}

/* ---- ERET ---------------------------------------------------------- */

static u64 eret_to(u64 spsr, u64 target)
{
    u64 v;
    __asm__ volatile("msr spsr_el1, %1\n\tmsr elr_el1, %2\n\teret\n\t"
                     : "=r"(v) : "r"(spsr), "r"(target) : "memory");
    return v;
}

static void test_eret_el1(void)
{
    u64 nz, ret;
    __asm__ volatile("adr x9, 1f\n\t"
                     "msr elr_el1, x9\n\t"
                     "mov x10, #0x3c5\n\t"
                     "orr x10, x10, #0xf0000000\n\t"
                     "msr spsr_el1, x10\n\t"
                     "msr nzcv, xzr\n\t"
                     "eret\n\t"
                     "mov %1, #1\n"
                     "1:\tmrs %0, nzcv\n\t"
                     "mov %1, #0"
                     : "=&r"(nz), "=&r"(ret) : : "x9", "x10", "cc");
    check("eret to EL1h restores NZCV from SPSR", nz, 0xf0000000ul);
    check("eret to EL1h jumps to ELR", ret, 0);
    (void)eret_to;
}

/* EL0 programs, reached by ERET; each ends with svc #N to come back. */
extern char el0_tpidr[], el0_currentel[], el0_sctlr[], el0_daif[], el0_hvc[],
    el0_eret[], el0_cntvct[], el0_svc_only[], el0_unaligned[], el0_brk[],
    el0_wfi[], el0_cntv_ctl[];
__asm__(".text\n"
        "el0_svc_only:\n\tsvc #0x11\n"
        "el0_tpidr:\n\tmrs x0, tpidr_el0\n\tmsr tpidr_el0, x1\n\t"
        "mrs x2, tpidrro_el0\n\tsvc #0x22\n"
        "el0_currentel:\n\tmrs x0, CurrentEL\n\tsvc #0x33\n"
        "el0_sctlr:\n\tmrs x0, sctlr_el1\n\tsvc #0x44\n"
        "el0_daif:\n\tmrs x0, daif\n\tsvc #0x55\n"
        "el0_hvc:\n\thvc #0\n\tsvc #0x66\n"
        "el0_eret:\n\teret\n\tsvc #0x77\n"
        "el0_cntvct:\n\tmrs x0, cntvct_el0\n\tsvc #0x88\n"
        "el0_unaligned:\n\tldr x2, [x0]\n\tsvc #0x99\n"
        "el0_brk:\n\tbrk #0x77\n\tsvc #0xaa\n"
        "el0_wfi:\n\twfi\n\tsvc #0xbb\n"
        "el0_cntv_ctl:\n\tmrs x3, cntv_ctl_el0\n\tsvc #0xcc\n");

static u64 el1_resume;
static struct exc_record el0_first;
static int el0_nexc;
static u64 el0_x0, el0_x2;

/* On each exception from EL0: record; on SVC, return to EL1 at el1_resume. */
static void el0_hook(struct exc_frame *f)
{
    u64 esr;
    __asm__ volatile("mrs %0, esr_el1" : "=r"(esr));
    if (el0_nexc++ == 0) {
        el0_first = last_exc;
    }
    if ((esr >> 26) == 0x15) {
        el0_x0 = f->x[0];
        el0_x2 = f->x[2];
        f->elr = el1_resume;
        f->spsr = 0x3c5;                    /* EL1h, DAIF masked */
    } else {
        exc_expect(4);                      /* skip it, stay armed */
    }
}

static void run_el0(char *entry, u64 x0, u64 x1)
{
    el0_nexc = 0;
    el0_first.count = 0;
    exc_hook = el0_hook;
    exc_expect(4);
    __asm__ volatile("adr x9, 1f\n\tstr x9, [%0]\n\t"
                     "mov x0, %3\n\tmov x1, %4\n\t"
                     "msr elr_el1, %1\n\tmsr spsr_el1, %2\n\teret\n"
                     "1:"
                     : : "r"(&el1_resume), "r"(entry), "r"(0ul), "r"(x0), "r"(x1)
                     : "x0", "x1", "x2", "x9", "x30", "memory");
    exc_hook = NULL;
}

static void test_el0(void)
{
    u64 sp0;

    MSR("sctlr_el1", SCTLR_TEST);
    __asm__ volatile("isb");
    sp0 = addr(data, 32);
    MSR("sp_el0", sp0);

    run_el0(el0_svc_only, 0, 0);
    check("EL0 svc: one exception", el0_nexc, 1);
    check("EL0 svc: EC 0x15", el0_first.esr >> 26, 0x15);
    check("EL0 svc: ISS", el0_first.esr & 0xffff, 0x11);
    check("EL0 svc: lower-EL AArch64 vector", el0_first.vector, 8);
    check("EL0 svc: SPSR.M is EL0t", el0_first.spsr & 0xf, 0);

    MSR("tpidr_el0", 0x5151ul);
    MSR("tpidrro_el0", 0x6262ul);
    run_el0(el0_tpidr, 0, 0x7373);
    check("EL0 reads TPIDR_EL0", el0_x0, 0x5151);
    check("EL0 reads TPIDRRO_EL0", el0_x2, 0x6262);
    check("EL0 writes TPIDR_EL0", MRS("tpidr_el0"), 0x7373);
    check("EL0 TPIDR access: no fault", el0_nexc, 1);

    run_el0(el0_currentel, 0, 0);
    check("EL0 mrs CurrentEL: UNDEFINED", el0_first.esr >> 26, 0);
    check("EL0 mrs CurrentEL: then svc", el0_nexc, 2);

    run_el0(el0_sctlr, 0, 0);
    check("EL0 mrs SCTLR_EL1: UNDEFINED", el0_first.esr >> 26, 0);

    run_el0(el0_daif, 0, 0);
    check("EL0 mrs DAIF with UMA=0: trapped (EC 0x18)", el0_first.esr >> 26, 0x18);
    check("EL0 mrs DAIF trap: ISS names DAIF, x0, read",
          el0_first.esr & 0x1ffffff, ISS_SYSREG(3, 3, 4, 2, 1, 0, 1));

    run_el0(el0_hvc, 0, 0);
    check("EL0 hvc: UNDEFINED", el0_first.esr >> 26, 0);
    check("EL0 hvc: ELR is the hvc", el0_first.elr, (u64)el0_hvc);

    run_el0(el0_eret, 0, 0);
    check("EL0 eret: UNDEFINED", el0_first.esr >> 26, 0);

    MSR("cntkctl_el1", 0ul);
    run_el0(el0_cntvct, 0, 0);
    check("EL0 CNTVCT with CNTKCTL.EL0VCTEN=0: trapped", el0_first.esr >> 26, 0x18);
    check("EL0 CNTVCT trap: ISS names CNTVCT_EL0, x0, read",
          el0_first.esr & 0x1ffffff, ISS_SYSREG(3, 3, 14, 0, 2, 0, 1));
    run_el0(el0_cntv_ctl, 0, 0);
    check("EL0 CNTV_CTL with EL0VTEN=0: trapped", el0_first.esr >> 26, 0x18);
    check("EL0 CNTV_CTL trap: ISS names CNTV_CTL_EL0, x3, read",
          el0_first.esr & 0x1ffffff, ISS_SYSREG(3, 3, 14, 3, 1, 3, 1));
    MSR("cntkctl_el1", 1ul << 8);
    run_el0(el0_cntv_ctl, 0, 0);
    check("EL0 CNTV_CTL with EL0VTEN=1: readable", el0_nexc, 1);
    MSR("cntkctl_el1", 2ul);
    run_el0(el0_cntvct, 0, 0);
    check("EL0 CNTVCT with EL0VCTEN=1: readable", el0_nexc, 1);

    run_el0(el0_unaligned, addr(data, 3), 0);
    check("EL0 unaligned ldr: data abort from a lower EL (EC 0x24)",
          el0_first.esr >> 26, 0x24);
    check("EL0 unaligned ldr: alignment fault", el0_first.esr & 0x3f, 0x21);
    check("EL0 unaligned ldr: FAR", el0_first.far, addr(data, 3));
    check("EL0 unaligned ldr: lower-EL vector", el0_first.vector, 8);

    run_el0(el0_brk, 0, 0);
    check("EL0 brk: EC 0x3c", el0_first.esr >> 26, 0x3c);
    check("EL0 brk: ISS", el0_first.esr & 0xffff, 0x77);

    /* SCTLR_EL1.nTWI = 0: WFI at EL0 traps (EC 0x01) */
    MSR("sctlr_el1", SCTLR_TEST & ~(1ul << 16));
    __asm__ volatile("isb");
    run_el0(el0_wfi, 0, 0);
    check("EL0 wfi with nTWI=0: trapped (EC 0x01)", el0_first.esr >> 26, 0x01);
    check("EL0 wfi trap: ELR is the wfi", el0_first.elr, (u64)el0_wfi);
    MSR("sctlr_el1", SCTLR_TEST);
    __asm__ volatile("isb");

    check("EL0 used SP_EL0; SP_EL0 unchanged", MRS("sp_el0"), sp0);
}

/* An illegal exception return: to EL2 (not implemented) sets PSTATE.IL. */
static void clear_il(struct exc_frame *f)
{
    f->spsr &= ~(1ul << 20);
}

static void test_illegal_return(void)
{
    u64 target;
    exc_hook = clear_il;
    exc_expect(4);
    __asm__ volatile("adr %0, 1f\n\t"
                     "msr elr_el1, %0\n\t"
                     "mov x9, #0x3c9\n\t"           /* EL2h */
                     "msr spsr_el1, x9\n\t"
                     "eret\n"
                     "1:\tnop"
                     : "=&r"(target) : : "x9", "memory");
    exc_hook = NULL;
    check_sync("eret to EL2 (illegal return)", 0x0e, 0, 1);
    check("illegal return: ELR is the eret target", last_exc.elr, target);
    check("illegal return: SPSR.IL set", (last_exc.spsr >> 20) & 1, 1);
    check("illegal return: stayed at EL1", (last_exc.spsr >> 2) & 3, 1);
}

/* The generic timer's condition, seen by polling CNTx_CTL.ISTATUS. */
static void test_timer(void)
{
    u64 now, ctl = 0, tval;
    long i;

    MSR("cntv_ctl_el0", 0ul);
    MSR("cntv_cval_el0", 0ul);
    check("CNTV_CTL disabled: ISTATUS 0 even with CVAL in the past",
          MRS("cntv_ctl_el0"), 0);
    now = MRS("cntvct_el0");
    /*
     * 500 ms ahead at CNTFRQ: far enough that a host busy with other work
     * does not let it expire between these instructions (10 ms did).
     */
    MSR("cntv_cval_el0", now + MRS("cntfrq_el0") / 2);
    MSR("cntv_ctl_el0", 1ul);
    check("CNTV armed 500 ms ahead: ISTATUS 0", MRS("cntv_ctl_el0"), 1);
    tval = MRS("cntv_tval_el0");
    check("CNTV_TVAL counts down from at most 500 ms",
          tval > 0 && tval <= MRS("cntfrq_el0") / 2, 1);
    for (i = 0; i < 100000000; i++) {
        ctl = MRS("cntv_ctl_el0");
        if (ctl & 4) {
            break;
        }
    }
    check("CNTV fires: ISTATUS 1 (ENABLE kept)", ctl, 5);
    check("CNTV_TVAL is negative once fired",
          (MRS("cntv_tval_el0") >> 31) & 1, 1);
    MSR("cntv_ctl_el0", 3ul);
    check("IMASK does not hide ISTATUS", MRS("cntv_ctl_el0"), 7);
    MSR("cntv_tval_el0", 0x7fffffff);
    check("CNTV_TVAL write moves CVAL ahead: ISTATUS 0", MRS("cntv_ctl_el0"), 3);
    MSR("cntv_ctl_el0", 0ul);
    MSR("cntp_cval_el0", 1ul);
    MSR("cntp_ctl_el0", 1ul);
    check("CNTP with CVAL 1: fired at once", MRS("cntp_ctl_el0"), 5);
    MSR("cntp_ctl_el0", 0ul);
}

int main(void)
{
    test_set_prefix("exc: ");
    test_timer();
    test_undef();
    test_svc_brk_hvc();
    test_aborts();
    test_pc_alignment();
    test_sysregs();
    test_eret_el1();
    test_el0();
    test_illegal_return();
    return 0;
}
