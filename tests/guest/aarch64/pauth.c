/*
 * pauth.c - pointer authentication (FEAT_PAuth) on -cpu max: the ID
 * register fields, PACGA against the published QARMA-64 test vector (with
 * the architected algorithm), and for every key: sign, authenticate,
 * fail with the architected error-code pointer (no FEAT_FPAC: no fault),
 * strip; the Z/SP/1716 hint forms, RETAA/BRAA/BLRAA, LDRAA with writeback,
 * where the code goes with and without top-byte-ignore (TBI, TBID), keys
 * disabled in SCTLR_EL1, and a RETAA to a forged return address faulting.
 * pauth-impdef.c builds the same file for -cpu max,pauth-impdef=on, where
 * only the exact PAC values differ and are not checked.
 * The MMU stays off: TCR_EL1 still decides where the code goes (T0SZ 0 is
 * taken as 16, so bits 54:48 and, without TBI, 63:56).
 */
#include "testlib.h"

__asm__(".arch armv8.3-a");

#define SCTLR_EnIA (1UL << 31)
#define SCTLR_EnIB (1UL << 30)
#define SCTLR_EnDA (1UL << 27)
#define SCTLR_EnDB (1UL << 13)
#define TCR_TBI0   (1UL << 37)
#define TCR_TBID0  (1UL << 51)

#define PTR        0x0000000040123450UL  /* a canonical low-half pointer */
#define MOD        0x1122334455667788UL
#define CODE_NOTBI 0xff7f000000000000UL  /* bits 63:56 and 54:48 */
#define CODE_TBI   0x007f000000000000UL  /* bits 54:48 */

#define SYSREG_W(name, v) __asm__ volatile("msr " name ", %0; isb" :: "r"(v))
#define SYSREG_R(name, v) __asm__ volatile("mrs %0, " name : "=r"(v))

/* One data-processing form: "op %0, %1" with %0 in/out. */
#define PAC2(op, p, m) ({ u64 _p = (p); \
    __asm__ volatile(op " %0, %1" : "+r"(_p) : "r"(m)); _p; })
#define PAC1(op, p) ({ u64 _p = (p); \
    __asm__ volatile(op " %0" : "+r"(_p)); _p; })

static void set_sctlr_bits(u64 set, u64 clear)
{
    u64 v;
    SYSREG_R("sctlr_el1", v);
    v = (v | set) & ~clear;
    SYSREG_W("sctlr_el1", v);
}

static void set_keys(void)
{
    SYSREG_W("apiakeylo_el1", 0x0123456789abcdefUL);
    SYSREG_W("apiakeyhi_el1", 0xfedcba9876543210UL);
    SYSREG_W("apibkeylo_el1", 0x1111111122222222UL);
    SYSREG_W("apibkeyhi_el1", 0x3333333344444444UL);
    SYSREG_W("apdakeylo_el1", 0x5555555566666666UL);
    SYSREG_W("apdakeyhi_el1", 0x7777777788888888UL);
    SYSREG_W("apdbkeylo_el1", 0x99999999aaaaaaaaUL);
    SYSREG_W("apdbkeyhi_el1", 0xbbbbbbbbccccccccUL);
}

/* Sign, check placement, authenticate, fail, strip: one key. */
#define KEY_ROUND_TRIP(k, pac, aut, xpac, code_mask, err) do { \
    u64 s_ = PAC2(pac, PTR, MOD); \
    checkf(s_ & ~(code_mask), PTR, "%s: sign keeps the pointer bits", k); \
    checkf((s_ & (code_mask)) != 0, 1, "%s: code bits set", k); \
    checkf(PAC2(aut, s_, MOD), PTR, "%s: authenticate", k); \
    checkf(PAC2(aut, s_, MOD + 1), PTR | (err), \
           "%s: wrong modifier gives the error-code pointer", k); \
    checkf(PAC2(aut, s_ ^ (1UL << 50), MOD), PTR | (err), \
           "%s: a flipped code bit fails", k); \
    checkf(PAC1(xpac, s_), PTR, "%s: strip", k); \
} while (0)

/* RETAA from a function that signed its return address. */
static u64 __attribute__((noinline)) signed_leaf(u64 x)
{
    u64 r;
    __asm__ volatile("paciasp\n\t"
                     "add %0, %1, #1\n\t"
                     "autiasp" : "=r"(r) : "r"(x));
    return r;
}

static volatile u64 recover_pc;

static void recover_hook(struct exc_frame *f)
{
    f->elr = recover_pc;
}

int main(void)
{
    u64 isar1, v, s, s2;
    static u64 cell[4] = { 11, 22, 33, 44 };

    test_set_prefix("pauth: ");
    SYSREG_R("id_aa64isar1_el1", isar1);
#ifdef PAUTH_IMPDEF
    check("ID_AA64ISAR1 APA/API/GPA/GPI = 0/1/0/1",
          isar1 & 0xff000ff0UL, 0x10000100UL);
#else
    check("ID_AA64ISAR1 APA/API/GPA/GPI = 1/0/1/0",
          isar1 & 0xff000ff0UL, 0x01000010UL);
#endif

    /* Keys disabled (SCTLR_EL1.En* = 0 after reset): no change. */
    set_sctlr_bits(0, SCTLR_EnIA | SCTLR_EnIB | SCTLR_EnDA | SCTLR_EnDB);
    set_keys();
    check("EnIA=0: pacia is a no-op", PAC2("pacia", PTR, MOD), PTR);
    check("EnDB=0: autdb is a no-op", PAC2("autdb", PTR | 1UL << 60, MOD),
          PTR | 1UL << 60);
    __asm__ volatile("mov x30, %1\n\tpaciasp\n\tmov %0, x30"
                     : "=r"(v) : "r"(PTR) : "x30");
    check("EnIA=0: paciasp is a no-op", v, PTR);

    /* PACGA needs no enable bit. */
    SYSREG_W("apgakeyhi_el1", 0x84be85ce9804e94bUL);
    SYSREG_W("apgakeylo_el1", 0xec2802d4e0a488e9UL);
    __asm__ volatile("pacga %0, %1, %2" : "=r"(v)
                     : "r"(0xfb623599da6e8127UL), "r"(0x477d469dec0b8762UL));
    check("pacga: low half zero", v & 0xffffffffUL, 0);
#ifndef PAUTH_IMPDEF
    /* QARMA-64, sigma2, 5 rounds (Avanzi 2017): C = c003b93999b33765 */
    check("pacga: QARMA5 test vector", v, 0xc003b93900000000UL);
#else
    check_true("pacga: impdef differs from QARMA5", v != 0xc003b93900000000UL);
#endif
    __asm__ volatile("pacga %0, %1, %2" : "=r"(s)
                     : "r"(0xfb623599da6e8127UL), "r"(0x477d469dec0b8763UL));
    check_true("pacga: depends on the modifier", s != v);

    set_sctlr_bits(SCTLR_EnIA | SCTLR_EnIB | SCTLR_EnDA | SCTLR_EnDB, 0);
    SYSREG_W("tcr_el1", 0UL);
    KEY_ROUND_TRIP("IA", "pacia", "autia", "xpaci", CODE_NOTBI, 1UL << 61);
    KEY_ROUND_TRIP("IB", "pacib", "autib", "xpaci", CODE_NOTBI, 2UL << 61);
    KEY_ROUND_TRIP("DA", "pacda", "autda", "xpacd", CODE_NOTBI, 1UL << 61);
    KEY_ROUND_TRIP("DB", "pacdb", "autdb", "xpacd", CODE_NOTBI, 2UL << 61);

    s = PAC2("pacia", PTR, MOD);
    check_true("IA and IB codes differ", s != PAC2("pacib", PTR, MOD));
    check_true("IA and DA codes differ", s != PAC2("pacda", PTR, MOD));
    check("autib of an IA-signed pointer fails", PAC2("autib", s, MOD),
          PTR | 2UL << 61);

    /* A high-half pointer keeps bit 55 and stays high. */
    s = PAC2("pacda", 0xffff800000001000UL, MOD);
    check("high half: bit 55 kept", (s >> 55) & 1, 1);
    check("high half: authenticate", PAC2("autda", s, MOD),
          0xffff800000001000UL);
    check("high half: wrong modifier", PAC2("autda", s, 0),
          (0xffff800000001000UL & ~(3UL << 61)) | 1UL << 61);

    /* A non-canonical pointer gets a code that never authenticates. */
    s = PAC2("pacia", PTR | 1UL << 50, MOD);
    check("non-canonical: auth fails", PAC2("autia", s, MOD), PTR | 1UL << 61);

    /* Z forms: modifier zero, the same as an explicit zero. */
    check("paciza = pacia with xzr", PAC1("paciza", PTR),
          PAC2("pacia", PTR, 0UL));
    check("autdzb(pacdzb)", PAC1("autdzb", PAC1("pacdzb", PTR)), PTR);

    /* Hint forms on X30 / X17. */
    __asm__ volatile("mov x30, %2\n\tmov x16, %3\n\tmov x17, %2\n\t"
                     "paciasp\n\tpacia1716\n\tmov %0, x30\n\tmov %1, x17"
                     : "=r"(s), "=r"(s2) : "r"(PTR), "r"(MOD)
                     : "x16", "x17", "x30");
    __asm__ volatile("mov %0, sp" : "=r"(v));
    check("paciasp = pacia x30, sp", s, PAC2("pacia", PTR, v));
    check("pacia1716 = pacia x17, x16", s2, PAC2("pacia", PTR, MOD));
    __asm__ volatile("mov x30, %1\n\tautiasp\n\tmov %0, x30"
                     : "=r"(v) : "r"(s) : "x30");
    check("autiasp", v, PTR);
    __asm__ volatile("mov x30, %1\n\txpaclri\n\tmov %0, x30"
                     : "=r"(v) : "r"(s) : "x30");
    check("xpaclri", v, PTR);
    __asm__ volatile("mov x30, %1\n\tpacibz\n\tautibz\n\tmov %0, x30"
                     : "=r"(v) : "r"(PTR) : "x30");
    check("pacibz/autibz", v, PTR);

    /* Authenticated calls and returns. */
    check("paciasp/autiasp in a function", signed_leaf(41), 42);
    __asm__ volatile("adr x9, 1f\n\t"
                     "mov x30, x9\n\t"
                     "mov x10, sp\n\t"
                     "pacia x30, x10\n\t"
                     "mov %0, #0\n\t"
                     "retaa\n\t"
                     "mov %0, #99\n\t"
                     "1: add %0, %0, #7"
                     : "=&r"(v) :: "x9", "x10", "x30");
    check("retaa to a signed return address", v, 7);
    __asm__ volatile("adr x9, 1f\n\t"
                     "pacib x9, %1\n\t"
                     "mov %0, #0\n\t"
                     "brab x9, %1\n\t"
                     "mov %0, #99\n\t"
                     "1: add %0, %0, #5"
                     : "=&r"(v) : "r"(MOD) : "x9");
    check("brab", v, 5);
    __asm__ volatile("adr x9, 2f\n\t"
                     "paciza x9\n\t"
                     "mov %0, #0\n\t"
                     "blraaz x9\n\t"
                     "b 3f\n\t"
                     "2: add %0, %0, #3\n\t"
                     "ret\n\t"
                     "3: add %0, %0, #100"
                     : "=&r"(v) :: "x9", "x30");
    check("blraaz calls and returns", v, 103);

    /* LDRAA/LDRAB: load through a signed data pointer. */
    s = PAC1("pacdza", (u64)&cell[1]);
    __asm__ volatile("ldraa %0, [%1, #8]" : "=r"(v) : "r"(s) : "memory");
    check("ldraa [x, #8]", v, 33);
    __asm__ volatile("ldraa %0, [%1, #-8]" : "=r"(v) : "r"(s) : "memory");
    check("ldraa [x, #-8]", v, 11);
    s2 = PAC1("pacdzb", (u64)&cell[0]);
    __asm__ volatile("ldrab %0, [%1, #16]!" : "=r"(v), "+r"(s2) :: "memory");
    check("ldrab pre-index: value", v, 33);
    check("ldrab pre-index: base written back, authenticated",
          s2, (u64)&cell[2]);

    /* TBI0: the code leaves the top byte alone (data; insn without TBID0). */
    SYSREG_W("tcr_el1", TCR_TBI0);
    s = PAC2("pacda", PTR | 0x5aUL << 56, MOD);
    check("TBI: top byte kept", s >> 56, 0x5a);
    check_true("TBI: code in 54:48", (s & CODE_TBI) != 0);
    check("TBI: authenticate", PAC2("autda", s, MOD), PTR | 0x5aUL << 56);
    check("TBI: error code at 54:53", PAC2("autda", s, 0),
          PTR | 0x5aUL << 56 | 1UL << 53);
    s = PAC2("pacia", PTR, MOD);
    check("TBI: insn code also in 54:48 only", s & ~CODE_TBI, PTR);
    SYSREG_W("tcr_el1", TCR_TBI0 | TCR_TBID0);
    s = PAC2("pacia", PTR, MOD);
    check_true("TBID0: insn code uses the top byte again",
               (s & 0xff00000000000000UL) != 0);
    s = PAC2("pacda", PTR, MOD);
    check("TBID0: data keeps TBI", s & ~CODE_TBI, PTR);
    SYSREG_W("tcr_el1", 0UL);

    /* RETAA to a forged return address: the error pointer faults. */
    exc_hook = recover_hook;
    exc_expect(0);
    __asm__ volatile("adr x9, 1f\n\t"
                     "str x9, [%0]\n\t"
                     "mov x30, x9\n\t"
                     "pacizb x30\n\t"       /* wrong key for retaa */
                     "retaa\n\t"
                     "1: nop" :: "r"(&recover_pc) : "x9", "x30", "memory");
    exc_hook = NULL;
    check("forged retaa: one exception", last_exc.count, 1);
    check("forged retaa: instruction abort (EC 0x21)", last_exc.esr >> 26,
          0x21);
    check("forged retaa: FAR is the error-code pointer", last_exc.far,
          recover_pc | 1UL << 61);

    test_exit();
}
