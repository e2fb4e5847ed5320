/*
 * simd-fp-edge.c - the AdvSIMD FP corner cases one by one, each with the
 * Arm ARM rule it checks (simd-fp-arith.c covers the same ground in bulk
 * against a model; these are the named, hand-derived ones): FMULX's
 * 0 * inf = +-2, FMAXNM with one quiet NaN, FRECPS/FRSQRTS 0 * inf and
 * their FPNeg of a NaN, compare signalling, FZ on inputs (IDC) and outputs
 * (UFC without IXC), the estimates' overflow and FZ cases, the across-lanes
 * reduction order, pairwise lane order, Q=0 zeroing, FABS/FNEG on NaNs.
 */
#include "testlib.h"

#define FZ      (1UL << 24)
#define DN      (1UL << 25)
#define RM_RZ   (3UL << 22)
#define RM_RM   (2UL << 22)
#define IOC 0x01
#define DZC 0x02
#define OFC 0x04
#define UFC 0x08
#define IXC 0x10
#define IDC 0x80

static u64 fpsr_out;

/* d2 = INSN(d0 = a, d1 = b, d2 = c) under @fpcr; FPSR to fpsr_out. */
#define DEF_OP(NAME, INSN)                                                  \
static u64 NAME(u64 a, u64 b, u64 c, u64 fpcr)                              \
{                                                                           \
    u64 r, f;                                                               \
    __asm__ volatile("msr fpcr, %3\n\tmsr fpsr, xzr\n\t"                    \
                     "fmov d0, %2\n\tfmov d1, %4\n\tfmov d2, %5\n\t"        \
                     INSN "\n\t"                                            \
                     "fmov %0, d2\n\tmrs %1, fpsr\n\tmsr fpcr, xzr"         \
                     : "=&r"(r), "=&r"(f) : "r"(a), "r"(fpcr), "r"(b), "r"(c) \
                     : "v0", "v1", "v2");                                   \
    fpsr_out = f & 0x9f;                                                    \
    return r;                                                               \
}

DEF_OP(fmulx_s, "fmulx s2, s0, s1")
DEF_OP(fmulx_d, "fmulx d2, d0, d1")
DEF_OP(fmul_s, "fmul v2.2s, v0.2s, v1.2s")
DEF_OP(fmaxnm_s, "fmaxnm v2.2s, v0.2s, v1.2s")
DEF_OP(fminnm_s, "fminnm v2.2s, v0.2s, v1.2s")
DEF_OP(fmax_s, "fmax v2.2s, v0.2s, v1.2s")
DEF_OP(frecps_s, "frecps s2, s0, s1")
DEF_OP(frsqrts_d, "frsqrts d2, d0, d1")
DEF_OP(fcmeq_s, "fcmeq s2, s0, s1")
DEF_OP(fcmge_s, "fcmge s2, s0, s1")
DEF_OP(fcmle0_s, "fcmle s2, s0, #0.0")
DEF_OP(facgt_s, "facgt s2, s0, s1")
DEF_OP(fabd_s, "fabd s2, s0, s1")
DEF_OP(fmla_s, "fmla v2.2s, v0.2s, v1.2s")
DEF_OP(fmls_si, "fmls s2, s0, v1.s[1]")
DEF_OP(fsqrt_d, "fsqrt v2.2d, v0.2d")
DEF_OP(frecpe_s, "frecpe s2, s0")
DEF_OP(frsqrte_s, "frsqrte s2, s0")
DEF_OP(frecpx_s, "frecpx s2, s0")
DEF_OP(urecpe_2s, "urecpe v2.2s, v0.2s")
DEF_OP(ursqrte_2s, "ursqrte v2.2s, v0.2s")
DEF_OP(fneg_2s, "fneg v2.2s, v0.2s")
DEF_OP(fabs_2s, "fabs v2.2s, v0.2s")

static u64 q[8] __attribute__((aligned(16)));

/* Q registers: v0 = q[0..1], v1 = q[2..3], v2 = q[4..5]; result in q[4..5]. */
#define DEF_QOP(NAME, INSN)                                                 \
static void NAME(u64 fpcr)                                                  \
{                                                                           \
    u64 f;                                                                  \
    __asm__ volatile("msr fpcr, %2\n\tmsr fpsr, xzr\n\t"                    \
                     "ldp q0, q1, [%1]\n\tldr q2, [%1, #32]\n\t"            \
                     INSN "\n\t"                                            \
                     "str q2, [%1, #32]\n\tmrs %0, fpsr\n\tmsr fpcr, xzr"   \
                     : "=&r"(f) : "r"(q), "r"(fpcr) : "v0", "v1", "v2", "memory"); \
    fpsr_out = f & 0x9f;                                                    \
}

DEF_QOP(fmaxv_4s, "fmaxv s2, v0.4s")
DEF_QOP(fmaxnmv_4s, "fmaxnmv s2, v0.4s")
DEF_QOP(faddp_4s, "faddp v2.4s, v0.4s, v1.4s")
DEF_QOP(fadd_2s, "fadd v2.2s, v0.2s, v1.2s")
DEF_QOP(fmul_2d_idx, "fmul v2.2d, v0.2d, v1.d[1]")

#define CHECK(name, got, want, flags)                                       \
    do {                                                                    \
        check(name, got, want);                                             \
        check(name ": FPSR", fpsr_out, flags);                              \
    } while (0)

#define QNAN_S 0x7fc00001UL
#define SNAN_S 0x7f800005UL
#define INF_S 0x7f800000UL
#define ONE_S 0x3f800000UL
#define TWO_S 0x40000000UL
#define INF_D 0x7ff0000000000000UL

int main(void)
{
    test_set_prefix("simd-fp-edge: ");

    /* FPMulX: 0 * inf is 2.0 with the XOR of the signs, no Invalid. */
    CHECK("fmulx s: 0 * inf = 2.0", fmulx_s(0, INF_S, 0, 0), TWO_S, 0);
    CHECK("fmulx s: -0 * inf = -2.0", fmulx_s(0x80000000, INF_S, 0, 0), 0xc0000000, 0);
    CHECK("fmulx d: inf * -0 = -2.0", fmulx_d(INF_D, 1UL << 63, 0, 0),
          0xc000000000000000UL, 0);
    /* With FZ a denormal is a zero first (IDC), so it gives 2.0 as well. */
    CHECK("fmulx d: FZ denormal * -inf = -2.0 with IDC",
          fmulx_d(1, INF_D | (1UL << 63), 0, FZ), 0xc000000000000000UL, IDC);
    CHECK("fmulx s: 3 * 0.5 is a plain product", fmulx_s(0x40400000, 0x3f000000, 0, 0),
          0x3fc00000, 0);
    /* FMUL: 0 * inf is Invalid and the default NaN. */
    CHECK("fmul 2s: 0 * inf = default NaN", fmul_s(0, INF_S, 0, 0), 0x7fc00000, IOC);

    /* FPMaxNum/FPMinNum: a quiet NaN loses to a number, an sNaN does not. */
    CHECK("fmaxnm 2s: qNaN, 1.0 = 1.0", fmaxnm_s(QNAN_S, ONE_S, 0, 0), ONE_S, 0);
    CHECK("fmaxnm 2s: -1.0, qNaN = -1.0", fmaxnm_s(0xbf800000, QNAN_S, 0, 0),
          0xbf800000, 0);
    CHECK("fminnm 2s: qNaN, -inf = -inf", fminnm_s(QNAN_S, 0xff800000, 0, 0),
          0xff800000, 0);
    CHECK("fmaxnm 2s: sNaN, 1.0 = quieted sNaN", fmaxnm_s(SNAN_S, ONE_S, 0, 0),
          0x7fc00005, IOC);
    CHECK("fmaxnm 2s: qNaN, sNaN = quieted sNaN", fmaxnm_s(QNAN_S, SNAN_S, 0, 0),
          0x7fc00005, IOC);
    CHECK("fmaxnm 2s: qNaN, qNaN = first", fmaxnm_s(QNAN_S, 0xffc00002, 0, 0), QNAN_S, 0);
    CHECK("fmaxnm 2s: DN, sNaN, 1.0 = default NaN", fmaxnm_s(SNAN_S, ONE_S, 0, DN),
          0x7fc00000, IOC);
    CHECK("fmax 2s: qNaN, 1.0 = qNaN", fmax_s(QNAN_S, ONE_S, 0, 0), QNAN_S, 0);
    CHECK("fmaxnm 2s: -0, +0 = +0", fmaxnm_s(0x80000000, 0, 0, 0), 0, 0);
    CHECK("fminnm 2s: +0, -0 = -0", fminnm_s(0, 0x80000000, 0, 0), 0x80000000, 0);
    /* FZ: the denormal input is flushed (IDC) before the comparison. */
    CHECK("fmax 2s: FZ, denormal vs -0 = +0", fmax_s(1, 0x80000000, 0, FZ), 0, IDC);
    CHECK("fmax 2s: no FZ, denormal vs -0 = denormal", fmax_s(1, 0x80000000, 0, 0), 1, 0);

    /* FPRecipStepFused: 2 - a*b, 0 * inf = +2.0 whatever the signs. */
    CHECK("frecps s: inf, 0 = 2.0", frecps_s(INF_S, 0, 0, 0), TWO_S, 0);
    CHECK("frecps s: -0, inf = 2.0", frecps_s(0x80000000, INF_S, 0, 0), TWO_S, 0);
    CHECK("frecps s: 1, 2 = +0", frecps_s(ONE_S, TWO_S, 0, 0), 0, 0);
    CHECK("frecps s: 1, 2 = -0 when rounding to -inf", frecps_s(ONE_S, TWO_S, 0, RM_RM),
          0x80000000, 0);
    CHECK("frecps s: inf, 2 = -inf", frecps_s(INF_S, TWO_S, 0, 0), 0xff800000, 0);
    /* FPNeg of the first operand flips a NaN's sign too. */
    CHECK("frecps s: qNaN first operand comes back negated",
          frecps_s(QNAN_S, ONE_S, 0, 0), 0xffc00001, 0);
    CHECK("frecps s: sNaN second operand quieted, sign kept",
          frecps_s(ONE_S, SNAN_S, 0, 0), 0x7fc00005, IOC);
    /* FPRSqrtStepFused: (3 - a*b) / 2, 0 * inf = 1.5. */
    CHECK("frsqrts d: 0, -inf = 1.5", frsqrts_d(0, INF_D | (1UL << 63), 0, 0),
          0x3ff8000000000000UL, 0);
    CHECK("frsqrts d: 1, 3 = +0", frsqrts_d(0x3ff0000000000000UL, 0x4008000000000000UL, 0, 0),
          0, 0);
    CHECK("frsqrts d: 0.5, 0.5 = 1.375", frsqrts_d(0x3fe0000000000000UL,
          0x3fe0000000000000UL, 0, 0), 0x3ff6000000000000UL, 0);

    /* Compares: EQ is quiet, GE/GT signal on any NaN. */
    CHECK("fcmeq s: qNaN = false, no IOC", fcmeq_s(QNAN_S, QNAN_S, 0, 0), 0, 0);
    CHECK("fcmeq s: sNaN = false, IOC", fcmeq_s(SNAN_S, ONE_S, 0, 0), 0, IOC);
    CHECK("fcmeq s: -0 == +0", fcmeq_s(0x80000000, 0, 0, 0), 0xffffffff, 0);
    CHECK("fcmge s: qNaN = false, IOC", fcmge_s(ONE_S, QNAN_S, 0, 0), 0, IOC);
    CHECK("fcmge s: 2 >= 1", fcmge_s(TWO_S, ONE_S, 0, 0), 0xffffffff, 0);
    CHECK("fcmle s #0: FZ denormal <= 0 (IDC)", fcmle0_s(0x007fffff, 0, 0, FZ),
          0xffffffff, IDC);
    CHECK("fcmle s #0: denormal > 0 without FZ", fcmle0_s(0x007fffff, 0, 0, 0), 0, 0);
    CHECK("facgt s: |-3| > |2|", facgt_s(0xc0400000, TWO_S, 0, 0), 0xffffffff, 0);
    CHECK("facgt s: |-inf| > |inf| is false", facgt_s(0xff800000, INF_S, 0, 0), 0, 0);

    /* FABD = FPAbs(FPSub()): the NaN result's sign is cleared. */
    CHECK("fabd s: 1 - 3 = 2", fabd_s(ONE_S, 0x40400000, 0, 0), TWO_S, 0);
    CHECK("fabd s: -qNaN loses its sign", fabd_s(0xffc00003, ONE_S, 0, 0), 0x7fc00003, 0);
    CHECK("fabd s: inf - inf = default NaN", fabd_s(INF_S, INF_S, 0, 0), 0x7fc00000, IOC);

    /* FPMulAdd: 0 * inf + qNaN is the default NaN with Invalid. */
    CHECK("fmla 2s: qNaN + 0 * inf = default NaN, IOC", fmla_s(0, INF_S, QNAN_S, 0),
          0x7fc00000, IOC);
    CHECK("fmla 2s: 1 + 2 * 3 = 7 (fused)", fmla_s(TWO_S, 0x40400000, ONE_S, 0),
          0x40e00000, 0);
    /* FMLS negates Vn with FPNeg: a NaN in Vn comes back negated. */
    CHECK("fmls s by element: qNaN in Vn negated", fmls_si(QNAN_S, ONE_S << 32, ONE_S, 0),
          0xffc00001, 0);
    CHECK("fmls s by element: 1 - 2 * 3 = -5", fmls_si(TWO_S, 0x40400000UL << 32, ONE_S, 0),
          0xc0a00000, 0);

    /* FZ on outputs: a tiny result becomes zero with UFC and no IXC. */
    CHECK("fmul 2s: FZ, min normal * 0.5 = +0, UFC only",
          fmul_s(0x00800000, 0x3f000000, 0, FZ), 0, UFC);
    CHECK("fmul 2s: min normal * 0.5 = exact denormal, no flag",
          fmul_s(0x00800000, 0x3f000000, 0, 0), 0x00400000, 0);
    /* (2^-126 + 2^-149) / 2 is halfway between two denormals: to even. */
    CHECK("fmul 2s: (min normal + ulp) * 0.5 = inexact denormal, UFC|IXC",
          fmul_s(0x00800001, 0x3f000000, 0, 0), 0x00400000, UFC | IXC);
    CHECK("fmul 2s: max * 2 overflows to inf, OFC|IXC", fmul_s(0x7f7fffff, TWO_S, 0, 0),
          INF_S, OFC | IXC);
    CHECK("fmul 2s: max * 2 rounding to zero = max", fmul_s(0x7f7fffff, TWO_S, 0, RM_RZ),
          0x7f7fffff, OFC | IXC);

    /* FSQRT */
    CHECK("fsqrt 2d: -1 = default NaN, IOC", fsqrt_d(0xbff0000000000000UL, 0, 0, 0),
          0x7ff8000000000000UL, IOC);
    CHECK("fsqrt 2d: -0 = -0", fsqrt_d(1UL << 63, 0, 0, 0), 1UL << 63, 0);
    CHECK("fsqrt 2d: 2 is inexact", fsqrt_d(0x4000000000000000UL, 0, 0, 0),
          0x3ff6a09e667f3bcdUL, IXC);

    /* FPRecipEstimate: 1/1 ~ 0.998 (table 511), 0 -> inf with DZC. */
    CHECK("frecpe s: 1.0", frecpe_s(ONE_S, 0, 0, 0), 0x3f7f8000, 0);
    CHECK("frecpe s: -0 = -inf, DZC", frecpe_s(0x80000000, 0, 0, 0), 0xff800000, DZC);
    CHECK("frecpe s: inf = +0", frecpe_s(INF_S, 0, 0, 0), 0, 0);
    /* Below 2^-128 the reciprocal overflows: inf, or max normal by rounding. */
    CHECK("frecpe s: 2^-129 overflows to inf", frecpe_s(0x00100000, 0, 0, 0), INF_S,
          OFC | IXC);
    CHECK("frecpe s: 2^-129 rounding to zero = max normal",
          frecpe_s(0x00100000, 0, 0, RM_RZ), 0x7f7fffff, OFC | IXC);
    CHECK("frecpe s: -2^-129 rounding to -inf = -inf",
          frecpe_s(0x80100000, 0, 0, RM_RM), 0xff800000, OFC | IXC);
    CHECK("frecpe s: -2^-129 rounding to +inf = -max normal",
          frecpe_s(0x80100000, 0, 0, 1UL << 22), 0xff7fffff, OFC | IXC);
    /* 2^-128 itself does not: 2 * 0.998 * 2^127. */
    CHECK("frecpe s: 2^-128 = 0x7f7f8000", frecpe_s(0x00200000, 0, 0, 0), 0x7f7f8000, 0);
    /* With FZ, at or above 2^126 the result would be denormal: +0 and UFC. */
    CHECK("frecpe s: FZ, 2^126 = +0 with UFC", frecpe_s(0x7e800000, 0, 0, FZ), 0, UFC);
    /* 0.998 * 2^-126 is 1.996 * 2^-127: the denormal 1:estimate >> 1. */
    CHECK("frecpe s: no FZ, 2^126 = denormal", frecpe_s(0x7e800000, 0, 0, 0), 0x007fc000, 0);
    /* FPRSqrtEstimate: 1/sqrt(4) ~ 0.499 (odd exponent: [0.25, 0.5) scaling). */
    CHECK("frsqrte s: 4.0", frsqrte_s(0x40800000, 0, 0, 0), 0x3eff8000, 0);
    CHECK("frsqrte s: 1.0", frsqrte_s(ONE_S, 0, 0, 0), 0x3f7f8000, 0);
    CHECK("frsqrte s: -1 = default NaN, IOC", frsqrte_s(0xbf800000, 0, 0, 0), 0x7fc00000, IOC);
    CHECK("frsqrte s: -0 = -inf, DZC", frsqrte_s(0x80000000, 0, 0, 0), 0xff800000, DZC);
    /* FPRecpX: the inverted exponent, zero fraction. */
    CHECK("frecpx s: 1.0 = 2.0", frecpx_s(ONE_S, 0, 0, 0), TWO_S, 0);
    CHECK("frecpx s: 0 = 2^127", frecpx_s(0, 0, 0, 0), 0x7f000000, 0);
    CHECK("frecpx s: -inf = -0", frecpx_s(0xff800000, 0, 0, 0), 0x80000000, 0);
    CHECK("frecpx s: sNaN quieted", frecpx_s(SNAN_S, 0, 0, 0), 0x7fc00005, IOC);
    /* URECPE/URSQRTE: 0.32 fixed point. */
    CHECK("urecpe 2s: 0.5, and below 0.5 = all ones", urecpe_2s(0x7fffffff80000000UL, 0, 0, 0),
          0xffffffffff800000UL, 0);
    CHECK("ursqrte 2s: 0.25, and below 0.25 = all ones",
          ursqrte_2s(0x3fffffff40000000UL, 0, 0, 0), 0xffffffffff800000UL, 0);

    /* FABS/FNEG touch only the sign: an sNaN stays signaling, no IOC. */
    CHECK("fneg 2s: sNaN, -0", fneg_2s((0x80000000UL << 32) | SNAN_S, 0, 0, 0),
          0xff800005UL, 0);
    CHECK("fabs 2s: -sNaN, -1", fabs_2s(0xbf800000ff800005UL, 0, 0, 0),
          0x3f8000007f800005UL, 0);

    /*
     * Reduce(): op(op(e0, e1), op(e2, e3)). With quiet NaNs A, B, C and
     * the sNaN D: (A op B) = A, (C op D) = D quieted (IOC), A op D' = A.
     * A left-to-right fold would end with A op sNaN = D quieted.
     */
    q[0] = (0x7fc0000bUL << 32) | 0x7fc0000aUL;
    q[1] = (0x7f80000dUL << 32) | 0x7fc0000cUL;
    q[4] = q[5] = 0x5555555555555555UL;
    fmaxnmv_4s(0);
    check("fmaxnmv 4s: tree order keeps qNaN A", q[4], 0x7fc0000aUL);
    check("fmaxnmv 4s: IOC from the sNaN", fpsr_out, IOC);
    check("fmaxnmv 4s: upper bits zeroed", q[5], 0);
    q[0] = (0xc0000000UL << 32) | 0x7fc0000aUL;     /* qNaN, -2 */
    q[1] = (0x40400000UL << 32) | 0xff800000UL;     /* -inf, 3 */
    fmaxnmv_4s(0);
    check("fmaxnmv 4s: qNaN, -2, -inf, 3 = 3", q[4], 0x40400000UL);
    fmaxv_4s(0);
    check("fmaxv 4s: qNaN, -2, -inf, 3 = qNaN", q[4], 0x7fc0000aUL);

    /* FADDP: low half from the pairs of Vn, high half from those of Vm. */
    q[0] = (0x40000000UL << 32) | 0x3f800000UL;     /* 1, 2 */
    q[1] = (0x40800000UL << 32) | 0x40400000UL;     /* 3, 4 */
    q[2] = (0x41a00000UL << 32) | 0x41200000UL;     /* 10, 20 */
    q[3] = (0x42200000UL << 32) | 0x41f00000UL;     /* 30, 40 */
    faddp_4s(0);
    check("faddp 4s: lanes 0, 1 = 1+2, 3+4", q[4], (0x40e00000UL << 32) | 0x40400000UL);
    check("faddp 4s: lanes 2, 3 = 10+20, 30+40", q[5], (0x428c0000UL << 32) | 0x41f00000UL);

    /* Q=0 writes zero bits [127:64]. */
    q[4] = q[5] = 0x5555555555555555UL;
    fadd_2s(0);
    check("fadd 2s: lanes 1+10, 2+20", q[4], (0x41b00000UL << 32) | 0x41300000UL);
    check("fadd 2s: bits [127:64] zeroed", q[5], 0);

    /* By element, D: every lane times Vm.d[1]. */
    q[0] = 0x4000000000000000UL;                    /* 2 */
    q[1] = 0xc008000000000000UL;                    /* -3 */
    q[2] = 0x7ff0000000000000UL;                    /* inf (not used) */
    q[3] = 0x3fe0000000000000UL;                    /* 0.5 */
    fmul_2d_idx(0);
    check("fmul 2d by d[1]: lane 0", q[4], 0x3ff0000000000000UL);
    check("fmul 2d by d[1]: lane 1", q[5], 0xbff8000000000000UL);
    test_exit();
}
