/*
 * fp-ext.c - FEAT_JSCVT (FJCVTZS) and FEAT_FRINTTS (FRINT32Z/32X/64Z/64X,
 * scalar and vector) of -cpu max at their edges, with the expected result,
 * NZCV and FPSR worked out from the Arm ARM's FPToFixedJS and
 * FPRoundIntN: -0.0, denormals with FZ off and on, the ends of the
 * 32/64-bit ranges, NaN, infinity, rounding that crosses the range, and
 * the modulo-2^32 result of an out-of-range FJCVTZS. FEAT_FCMA (FCMLA,
 * FCADD) against the same operations done lane by lane with scalar FMADD
 * and FADD (negations as FNEG), over random and special operands.
 */
#include "testlib.h"

#define FPSR_IOC 0x01
#define FPSR_IXC 0x10
#define FPSR_IDC 0x80
#define FZ (1ul << 24)
#define RP (1ul << 22)          /* FPCR.RMode = toward +infinity */

struct js_case {
    u64 in, fpcr;
    u32 want;
    u32 nzcv, fpsr;
};

static const struct js_case js_cases[] = {
    { 0x0000000000000000, 0, 0, 4, 0 },
    { 0x8000000000000000, 0, 0, 0, 0 },                 /* -0.0: Z = 0 */
    { 0x0000000000000001, 0, 0, 0, FPSR_IXC },
    { 0x0000000000000001, FZ, 0, 4, FPSR_IDC },         /* flushed to +0 */
    { 0x800fffffffffffff, FZ, 0, 0, FPSR_IDC },         /* flushed to -0 */
    { 0x3ff0000000000000, 0, 1, 4, 0 },
    { 0xbff0000000000000, 0, 0xffffffff, 4, 0 },
    { 0x3fe0000000000000, 0, 0, 0, FPSR_IXC },          /* 0.5 */
    { 0x3ff8000000000000, RP, 1, 0, FPSR_IXC },         /* 1.5: always truncated */
    { 0xbff8000000000000, 0, 0xffffffff, 0, FPSR_IXC }, /* -1.5 */
    { 0x41dfffffffc00000, 0, 0x7fffffff, 4, 0 },
    { 0x41e0000000000000, 0, 0x80000000, 0, FPSR_IOC }, /* 2^31 */
    { 0xc1e0000000000000, 0, 0x80000000, 4, 0 },        /* -2^31 */
    { 0xc1e0000000200000, 0, 0x7fffffff, 0, FPSR_IOC }, /* -2^31 - 1 */
    { 0x41efffffffe00000, 0, 0xffffffff, 0, FPSR_IOC }, /* 2^32 - 1 */
    { 0x4330000000000001, 0, 1, 0, FPSR_IOC },          /* 2^52 + 1 */
    { 0x41f0000000080000, 0, 0, 0, FPSR_IOC | 0 },      /* 2^32 + 0.5: no IXC */
    { 0x43e0000000000000, 0, 0, 0, FPSR_IOC },          /* 2^63 */
    { 0x7ff0000000000000, 0, 0, 0, FPSR_IOC },
    { 0x7ff8000000000000, 0, 0, 0, FPSR_IOC },
    { 0x7ff0000000000001, 0, 0, 0, FPSR_IOC },
};

static void test_fjcvtzs(void)
{
    for (unsigned i = 0; i < sizeof(js_cases) / sizeof(js_cases[0]); i++) {
        const struct js_case *c = &js_cases[i];
        u64 r, nz, fpsr;

        /* NZCV preset to 1111 so that N, C, V must be cleared */
        __asm__ volatile("msr fpcr, %4\n\tmsr fpsr, xzr\n\tmov x9, #0xf0000000\n\t"
                         "msr nzcv, x9\n\tfmov d0, %3\n\tmov x0, #-1\n\t"
                         "fjcvtzs w0, d0\n\tmov %0, x0\n\tmrs %1, nzcv\n\tmrs %2, fpsr"
                         : "=r"(r), "=r"(nz), "=r"(fpsr)
                         : "r"(c->in), "r"(c->fpcr) : "x0", "x9", "v0", "cc");
        checkf(r, c->want, "fjcvtzs %lx (fpcr %lx): Xd", c->in, c->fpcr);
        checkf(nz >> 28, c->nzcv, "fjcvtzs %lx (fpcr %lx): NZCV", c->in, c->fpcr);
        checkf(fpsr, c->fpsr, "fjcvtzs %lx (fpcr %lx): FPSR", c->in, c->fpcr);
    }
    __asm__ volatile("msr fpcr, xzr");
}

enum { F32Z, F32X, F64Z, F64X };

struct rint_case {
    int op, dbl;
    u64 in, fpcr, want;
    u32 fpsr;
};

static const struct rint_case rint_cases[] = {
    { F32Z, 0, 0x3fc00000, 0, 0x3f800000, FPSR_IXC },           /* 1.5 -> 1 */
    { F32X, 0, 0x3fc00000, 0, 0x40000000, FPSR_IXC },           /* 1.5 -> 2 */
    { F32Z, 0, 0xbfc00000, 0, 0xbf800000, FPSR_IXC },
    { F32Z, 0, 0xbe99999a, 0, 0x80000000, FPSR_IXC },           /* -0.3 -> -0 */
    { F32Z, 0, 0x4f000000, 0, 0xcf000000, FPSR_IOC },           /* 2^31 */
    { F32Z, 0, 0xcf000000, 0, 0xcf000000, 0 },                  /* -2^31 */
    { F32Z, 0, 0x4effffff, 0, 0x4effffff, 0 },
    { F64Z, 0, 0x4f000000, 0, 0x4f000000, 0 },                  /* fits 64 */
    { F64X, 0, 0x5f000000, 0, 0xdf000000, FPSR_IOC },           /* 2^63 */
    { F64Z, 0, 0xdf000000, 0, 0xdf000000, 0 },
    { F32Z, 0, 0x7fc00000, 0, 0xcf000000, FPSR_IOC },
    { F32X, 0, 0x7f800001, 0, 0xcf000000, FPSR_IOC },
    { F64Z, 0, 0xff800000, 0, 0xdf000000, FPSR_IOC },
    { F32Z, 0, 0x00000001, 0, 0x00000000, FPSR_IXC },
    { F32X, 0, 0x00000001, RP, 0x3f800000, FPSR_IXC },
    { F32X, 0, 0x80000001, FZ | RP, 0x80000000, FPSR_IDC },     /* flushed */
    { F32Z, 1, 0x41dfffffffe00000, 0, 0x41dfffffffc00000, FPSR_IXC },
    { F32X, 1, 0x41dfffffffe00000, 0, 0xc1e0000000000000, FPSR_IOC }, /* rounds to 2^31 */
    { F32X, 1, 0xc1e0000000100000, 0, 0xc1e0000000000000, FPSR_IXC }, /* -2^31 - 0.5 */
    { F32X, 1, 0xc1e0000000100000, RP, 0xc1e0000000000000, FPSR_IXC },
    { F64X, 1, 0x3ff4000000000000, RP, 0x4000000000000000, FPSR_IXC },
    { F64Z, 1, 0x43dfffffffffffff, 0, 0x43dfffffffffffff, 0 },
    { F64Z, 1, 0x43e0000000000000, 0, 0xc3e0000000000000, FPSR_IOC },
    { F64X, 1, 0xc3e0000000000000, 0, 0xc3e0000000000000, 0 },
    { F64Z, 1, 0x7ff0000000000000, 0, 0xc3e0000000000000, FPSR_IOC },
    { F32Z, 1, 0xfff8000000000000, 0, 0xc1e0000000000000, FPSR_IOC },
    { F64X, 1, 0x8000000000000000, 0, 0x8000000000000000, 0 },
};

static u64 rint_scalar(const struct rint_case *c, u64 *fpsr)
{
    u64 r;

#define RINT(INSN) __asm__ volatile("msr fpcr, %2\n\tmsr fpsr, xzr\n\tfmov d0, %3\n\t" \
                                    INSN "\n\tfmov %0, d0\n\tmrs %1, fpsr"         \
                                    : "=r"(r), "=r"(*fpsr) : "r"(c->fpcr), "r"(c->in) \
                                    : "v0")
    switch (c->op * 2 + c->dbl) {
    case 0: RINT("frint32z s0, s0"); break;
    case 1: RINT("frint32z d0, d0"); break;
    case 2: RINT("frint32x s0, s0"); break;
    case 3: RINT("frint32x d0, d0"); break;
    case 4: RINT("frint64z s0, s0"); break;
    case 5: RINT("frint64z d0, d0"); break;
    case 6: RINT("frint64x s0, s0"); break;
    default: RINT("frint64x d0, d0"); break;
    }
    return r;
}

static void test_frintts(void)
{
    static const char *const names[] = { "frint32z", "frint32x", "frint64z", "frint64x" };

    for (unsigned i = 0; i < sizeof(rint_cases) / sizeof(rint_cases[0]); i++) {
        const struct rint_case *c = &rint_cases[i];
        u64 fpsr, r = rint_scalar(c, &fpsr);

        checkf(r, c->want, "%s %c %lx (fpcr %lx): result", names[c->op],
               c->dbl ? 'd' : 's', c->in, c->fpcr);
        checkf(fpsr, c->fpsr, "%s %c %lx (fpcr %lx): FPSR", names[c->op],
               c->dbl ? 'd' : 's', c->in, c->fpcr);
    }
    /* Vector: every lane, Q=0 clears the top half */
    {
        u64 lo, hi, fpsr;
        __asm__ volatile("msr fpcr, xzr\n\tmsr fpsr, xzr\n\t"
                         "fmov d1, %3\n\tmov v1.d[1], %4\n\tmovi v0.16b, #0xff\n\t"
                         "frint32x v0.2s, v1.2s\n\tfmov %0, d0\n\tmov %1, v0.d[1]\n\t"
                         "mrs %2, fpsr"
                         : "=r"(lo), "=r"(hi), "=r"(fpsr)
                         : "r"(0x4f0000003fc00000ul), "r"(0x3f800000bf000000ul)
                         : "v0", "v1");
        check("frint32x v.2s: lanes", lo, 0xcf00000040000000ul);
        check("frint32x v.2s: top half zeroed", hi, 0);
        check("frint32x v.2s: FPSR IOC|IXC", fpsr, FPSR_IOC | FPSR_IXC);
        __asm__ volatile("msr fpsr, xzr\n\t"
                         "fmov d1, %3\n\tmov v1.d[1], %4\n\t"
                         "frint64z v0.2d, v1.2d\n\tfmov %0, d0\n\tmov %1, v0.d[1]\n\t"
                         "mrs %2, fpsr"
                         : "=r"(lo), "=r"(hi), "=r"(fpsr)
                         : "r"(0xbff8000000000000ul), "r"(0x43e0000000000000ul)
                         : "v0", "v1");
        check("frint64z v.2d: lane 0", lo, 0xbff0000000000000ul);
        check("frint64z v.2d: lane 1", hi, 0xc3e0000000000000ul);
        check("frint64z v.2d: FPSR", fpsr, FPSR_IOC | FPSR_IXC);
    }
    __asm__ volatile("msr fpcr, xzr");
}

/* ---- FEAT_FCMA: against scalar FMADD/FADD run one lane at a time ---- */

static u32 fbits(float f)
{
    u32 u;
    __builtin_memcpy(&u, &f, 4);
    return u;
}

static float bitsf(u32 u)
{
    float f;
    __builtin_memcpy(&f, &u, 4);
    return f;
}

static u64 fcma_rng = 0x243f6a8885a308d3ull;

static u32 fcma_val(void)
{
    static const u32 edges[] = { 0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00001,
                                 0x7f800005, 0x00000003, 0x7f7fffff, 0x3f800000 };
    fcma_rng = fcma_rng * 6364136223846793005ull + 1442695040888963407ull;
    u32 r = fcma_rng >> 33;
    return (r & 7) == 0 ? edges[(r >> 3) % 9] : (r & 0xbfffffff) | ((r & 1) << 30);
}

/*
 * FPNeg then FADD: the barrier keeps the compiler from folding a + -b into
 * FSUB, which would not negate a NaN operand.
 */
static float fneg(float x)
{
    x = -x;
    __asm__ volatile("" : "+w"(x));
    return x;
}

/* FMADD, FADD with the operand order fixed (NaN priority: addend, n, m). */
static float fmadd(float n, float m, float a)
{
    float r;
    __asm__ volatile("fmadd %s0, %s1, %s2, %s3" : "=w"(r) : "w"(n), "w"(m), "w"(a));
    return r;
}

static float fadd(float n, float m)
{
    float r;
    __asm__ volatile("fadd %s0, %s1, %s2" : "=w"(r) : "w"(n), "w"(m));
    return r;
}

/* Expected FCMLA lanes (4S, or by element with pair @idx) and FPSR. */
static u64 fcmla_model(u32 *r, const u32 *d, const u32 *n, const u32 *m, int rot,
                       int idx)
{
    u64 fpsr;

    __asm__ volatile("msr fpsr, xzr");
    for (int i = 0; i < 4; i += 2) {
        int j = idx < 0 ? i : 2 * idx;
        float re = bitsf(m[j]), im = bitsf(m[j + 1]);
        float ns = bitsf(n[i + (rot & 1)]);
        float e1 = rot == 0 ? re : rot == 1 ? fneg(im) : rot == 2 ? fneg(re) : im;
        float e3 = rot == 0 ? im : rot == 1 ? re : rot == 2 ? fneg(im) : fneg(re);
        r[i] = fbits(fmadd(ns, e1, bitsf(d[i])));
        r[i + 1] = fbits(fmadd(ns, e3, bitsf(d[i + 1])));
    }
    __asm__ volatile("mrs %0, fpsr" : "=r"(fpsr));
    return fpsr;
}

static u64 fcadd_model(u32 *r, const u32 *n, const u32 *m, int rot270)
{
    u64 fpsr;

    __asm__ volatile("msr fpsr, xzr");
    for (int i = 0; i < 4; i += 2) {
        float re = bitsf(m[i]), im = bitsf(m[i + 1]);
        r[i] = fbits(fadd(bitsf(n[i]), rot270 ? im : fneg(im)));
        r[i + 1] = fbits(fadd(bitsf(n[i + 1]), rot270 ? fneg(re) : re));
    }
    __asm__ volatile("mrs %0, fpsr" : "=r"(fpsr));
    return fpsr;
}

#define FCMA_OP(NAME, INSN)                                                  \
static u64 NAME(u32 *d, const u32 *n, const u32 *m)                          \
{                                                                            \
    u64 fpsr;                                                                \
    __asm__ volatile("ldr q0, [%1]\n\tldr q1, [%2]\n\tldr q2, [%3]\n\t"       \
                     "msr fpsr, xzr\n\t" INSN "\n\tmrs %0, fpsr\n\t"          \
                     "str q0, [%1]"                                          \
                     : "=&r"(fpsr) : "r"(d), "r"(n), "r"(m)                   \
                     : "v0", "v1", "v2", "memory");                          \
    return fpsr;                                                             \
}
FCMA_OP(fcmla0, "fcmla v0.4s, v1.4s, v2.4s, #0")
FCMA_OP(fcmla90, "fcmla v0.4s, v1.4s, v2.4s, #90")
FCMA_OP(fcmla180, "fcmla v0.4s, v1.4s, v2.4s, #180")
FCMA_OP(fcmla270, "fcmla v0.4s, v1.4s, v2.4s, #270")
FCMA_OP(fcmla90_x1, "fcmla v0.4s, v1.4s, v2.s[1], #90")
FCMA_OP(fcmla270_x0, "fcmla v0.4s, v1.4s, v2.s[0], #270")
FCMA_OP(fcadd90, "fcadd v0.4s, v1.4s, v2.4s, #90")
FCMA_OP(fcadd270, "fcadd v0.4s, v1.4s, v2.4s, #270")

static void test_fcma(u64 fpcr)
{
    static const struct {
        const char *name;
        u64 (*fn)(u32 *, const u32 *, const u32 *);
        int fcadd, rot, idx;
    } forms[] = {
        { "fcmla #0", fcmla0, 0, 0, -1 }, { "fcmla #90", fcmla90, 0, 1, -1 },
        { "fcmla #180", fcmla180, 0, 2, -1 }, { "fcmla #270", fcmla270, 0, 3, -1 },
        { "fcmla s[1] #90", fcmla90_x1, 0, 1, 1 },
        { "fcmla s[0] #270", fcmla270_x0, 0, 3, 0 },
        { "fcadd #90", fcadd90, 1, 0, -1 }, { "fcadd #270", fcadd270, 1, 1, -1 },
    };

    __asm__ volatile("msr fpcr, %0" : : "r"(fpcr));
    for (unsigned k = 0; k < sizeof(forms) / sizeof(forms[0]); k++) {
        int bad = -1;
        u32 d[4] __attribute__((aligned(16))), n[4] __attribute__((aligned(16)));
        u32 m[4] __attribute__((aligned(16))), want[4];
        u64 fpsr = 0, wfpsr = 0;

        for (int c = 0; c < 200 && bad < 0; c++) {
            for (int i = 0; i < 4; i++) {
                d[i] = fcma_val();
                n[i] = fcma_val();
                m[i] = fcma_val();
            }
            wfpsr = forms[k].fcadd ? fcadd_model(want, n, m, forms[k].rot)
                                   : fcmla_model(want, d, n, m, forms[k].rot,
                                                 forms[k].idx);
            fpsr = forms[k].fn(d, n, m);
            for (int i = 0; i < 4; i++) {
                if (d[i] != want[i]) {
                    bad = c;
                }
            }
            if (fpsr != wfpsr) {
                bad = c;
            }
        }
        if (bad < 0) {
            checkf(0, 0, "%s (fpcr %lx): 200 cases", forms[k].name, fpcr);
        } else {
            for (int i = 0; i < 4; i++) {
                checkf(d[i], want[i], "%s (fpcr %lx) case %d lane %d", forms[k].name,
                       fpcr, bad, i);
            }
            checkf(fpsr, wfpsr, "%s (fpcr %lx) case %d FPSR", forms[k].name, fpcr, bad);
        }
    }
    __asm__ volatile("msr fpcr, xzr");
}

/* Reserved forms: half precision (FEAT_FP16 is absent), 2D with Q=0, L=1. */
static void test_undef(void)
{
    static const struct { const char *name; u32 insn; } undef[] = {
        { "fcmla v0.8h (no FEAT_FP16 here; QEMU max has it)", 0x6e42c420 }, { "fcadd v0.8h (no FEAT_FP16 here; QEMU max has it)", 0x6e42e420 },
        { "fcadd v0.1d (Q=0, 2D)", 0x2ec2e420 }, { "fcmla v0.2s by element (Q=0)", 0x2f821820 },
        { "fcmla by element L=1", 0x6fa21820 }, { "fcmla v0.8h by element (no FEAT_FP16 here; QEMU max has it)", 0x6f421820 },
        { "frint32z h0 (ftype 11)", 0x1ee84000 },
    };
    static u32 code[2] __attribute__((aligned(8)));

    for (unsigned i = 0; i < sizeof(undef) / sizeof(undef[0]); i++) {
        code[0] = undef[i].insn;
        code[1] = 0xd65f03c0;       /* ret */
        __asm__ volatile("dsb sy\n\tic iallu\n\tisb" ::: "memory");
        exc_expect(4);
        __asm__ volatile("blr %0" : : "r"(code) : "x30", "v0", "memory");
        checkf(last_exc.count == 1 && (last_exc.esr >> 26) == 0, 1,
               "%s is UNDEFINED", undef[i].name);
    }
}

int main(void)
{
    u64 isar1;

    test_set_prefix("fp-ext: ");
    __asm__ volatile("mrs %0, id_aa64isar1_el1" : "=r"(isar1));
    check("ID_AA64ISAR1.JSCVT is 1", (isar1 >> 12) & 0xf, 1);
    check("ID_AA64ISAR1.FRINTTS is 1", (isar1 >> 32) & 0xf, 1);
    test_fjcvtzs();
    test_frintts();
    check("ID_AA64ISAR1.FCMA is 1", (isar1 >> 16) & 0xf, 1);
    test_fcma(0);
    test_fcma(FZ | (1ul << 25) | (3ul << 22));     /* FZ, DN, toward zero */
    test_undef();
    return 0;
}
