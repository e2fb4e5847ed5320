/*
 * vec_fp_helper.c - the out-of-line AdvSIMD floating-point helpers:
 * lane-wise loops over softfloat operations with the float_status the
 * translator passes (FPCR's rules; flags accumulate there for FPSR).
 *
 * Each helper handles simd_oprsz(desc) bytes: 16 or 8 for the vector forms,
 * one element (4 or 8) for the scalar forms; the bytes above are zeroed.
 * Results are built in a local array before Vd is written, because Vd may
 * be one of the sources.
 */
#include "util/osdep.h"
#include <float.h>
#include <math.h>
#include "target-arm/cpu.h"
#include "target-arm/vec_internal.h"
#include "fpu/softfloat.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-proto.h"

/*
 * ---- host fast paths ---------------------------------------------------
 *
 * softfloat costs some 200 host instructions an operation; most vector FP
 * work is on normal numbers with normal results, where the host's IEEE
 * binary32/binary64 arithmetic (SSE2 on x86-64 in round to nearest even:
 * plumb never changes MXCSR) gives Arm's bits. The fast path is taken
 * only where nothing else could be observed (as QEMU's "hardfloat"):
 * rounding to nearest even, Inexact already set in the cumulative flags
 * (so this operation's Inexact need not be known), every operand zero or
 * normal (no NaN, infinity or denormal: no FZ input flush, no IDC), and a
 * normal result strictly above the smallest normal (no overflow, no
 * tininess before rounding, no FZ output flush), or an exact zero from zero
 * operands, whose sign IEEE and Arm agree on. Everything else is computed
 * again by softfloat.
 */
#if defined(__x86_64__) || defined(__aarch64__)
#define SFP_HOST_FAST 1
#else
#define SFP_HOST_FAST 0
#endif

static inline bool sfp_fast_ok(const float_status *s)
{
    return SFP_HOST_FAST && (s->float_exception_flags & float_flag_inexact) &&
           s->float_rounding_mode == float_round_nearest_even;
}

static inline float h32(float32 a)
{
    float h;
    memcpy(&h, &a, sizeof(h));
    return h;
}

static inline float32 s32(float h)
{
    float32 a;
    memcpy(&a, &h, sizeof(a));
    return a;
}

static inline double h64(float64 a)
{
    double h;
    memcpy(&h, &a, sizeof(h));
    return h;
}

static inline float64 s64(double h)
{
    float64 a;
    memcpy(&a, &h, sizeof(a));
    return a;
}

static inline bool r32_ok(float r)
{
    float ar = fabsf(r);
    return ar > FLT_MIN && ar <= FLT_MAX;
}

static inline bool r64_ok(double r)
{
    double ar = fabs(r);
    return ar > DBL_MIN && ar <= DBL_MAX;
}

/* NAME_fast(a, b, s): the host's HOSTEXPR on x, y when allowed. */
#define DO_FAST_BINOP(NAME, N, HT, HOSTEXPR, ZERO_OK)                       \
static inline float##N NAME##_fast(float##N a, float##N b, float_status *s) \
{                                                                          \
    if (likely(sfp_fast_ok(s) && float##N##_is_zero_or_normal(a) &&        \
               float##N##_is_zero_or_normal(b))) {                         \
        HT x = h##N(a), y = h##N(b), r = HOSTEXPR;                         \
        if (likely(r##N##_ok(r)) || (r == 0 && (ZERO_OK))) {               \
            return s##N(r);                                                \
        }                                                                  \
    }                                                                      \
    return NAME(a, b, s);                                                  \
}

DO_FAST_BINOP(float32_add, 32, float, x + y,
              float32_is_zero(a) && float32_is_zero(b))
DO_FAST_BINOP(float64_add, 64, double, x + y,
              float64_is_zero(a) && float64_is_zero(b))
DO_FAST_BINOP(float32_sub, 32, float, x - y,
              float32_is_zero(a) && float32_is_zero(b))
DO_FAST_BINOP(float64_sub, 64, double, x - y,
              float64_is_zero(a) && float64_is_zero(b))
DO_FAST_BINOP(float32_mul, 32, float, x * y,
              float32_is_zero(a) || float32_is_zero(b))
DO_FAST_BINOP(float64_mul, 64, double, x * y,
              float64_is_zero(a) || float64_is_zero(b))
DO_FAST_BINOP(float32_div, 32, float, x / y,
              float32_is_zero(a) && !float32_is_zero(b))
DO_FAST_BINOP(float64_div, 64, double, x / y,
              float64_is_zero(a) && !float64_is_zero(b))

/* Fused a * b + c: the host's fma() (one rounding, like FPMulAdd). */
static inline float32 float32_muladd_fast(float32 a, float32 b, float32 c,
                                          float_status *s)
{
    if (likely(sfp_fast_ok(s) && float32_is_zero_or_normal(a) &&
               float32_is_zero_or_normal(b) && float32_is_zero_or_normal(c))) {
        float r = fmaf(h32(a), h32(b), h32(c));
        if (likely(r32_ok(r))) {
            return s32(r);
        }
    }
    return float32_muladd(a, b, c, 0, s);
}

static inline float64 float64_muladd_fast(float64 a, float64 b, float64 c,
                                          float_status *s)
{
    if (likely(sfp_fast_ok(s) && float64_is_zero_or_normal(a) &&
               float64_is_zero_or_normal(b) && float64_is_zero_or_normal(c))) {
        double r = fma(h64(a), h64(b), h64(c));
        if (likely(r64_ok(r))) {
            return s64(r);
        }
    }
    return float64_muladd(a, b, c, 0, s);
}

/* The square root of a positive normal number is normal. */
static inline float32 float32_sqrt_fast(float32 a, float_status *s)
{
    if (likely(sfp_fast_ok(s) && float32_is_normal(a) && !float32_is_neg(a))) {
        return s32(sqrtf(h32(a)));
    }
    return float32_sqrt(a, s);
}

static inline float64 float64_sqrt_fast(float64 a, float_status *s)
{
    if (likely(sfp_fast_ok(s) && float64_is_normal(a) && !float64_is_neg(a))) {
        return s64(sqrt(h64(a)));
    }
    return float64_sqrt(a, s);
}

/*
 * FMAX/FMIN/FMAXNM/FMINNM of two non-NaN operands raise nothing (unless
 * FZ flushes a denormal: IDC) and pick one of them: compare the encodings
 * as integers ordered like the values (-0 below +0).
 */
#define DO_FAST_MINMAX(N, U)                                                \
static inline bool f##N##_minmax_plain(float##N a, float##N b,              \
                                       const float_status *s)              \
{                                                                          \
    return !float##N##_is_any_nan(a) && !float##N##_is_any_nan(b) &&       \
           (!s->flush_inputs_to_zero ||                                    \
            (!float##N##_is_denormal(a) && !float##N##_is_denormal(b)));   \
}                                                                          \
static inline U f##N##_order_key(float##N a)                               \
{                                                                          \
    const U sign = (U)1 << (N - 1);                                        \
    return (a & sign) ? ~a : (a | sign);                                   \
}                                                                          \
static inline float##N float##N##_max_fast(float##N a, float##N b,         \
                                           float_status *s)                \
{                                                                          \
    if (likely(f##N##_minmax_plain(a, b, s))) {                            \
        return f##N##_order_key(a) > f##N##_order_key(b) ? a : b;          \
    }                                                                      \
    return float##N##_max(a, b, s);                                        \
}                                                                          \
static inline float##N float##N##_min_fast(float##N a, float##N b,         \
                                           float_status *s)                \
{                                                                          \
    if (likely(f##N##_minmax_plain(a, b, s))) {                            \
        return f##N##_order_key(a) < f##N##_order_key(b) ? a : b;          \
    }                                                                      \
    return float##N##_min(a, b, s);                                        \
}                                                                          \
static inline float##N float##N##_maxnum_fast(float##N a, float##N b,      \
                                              float_status *s)             \
{                                                                          \
    if (likely(f##N##_minmax_plain(a, b, s))) {                            \
        return f##N##_order_key(a) > f##N##_order_key(b) ? a : b;          \
    }                                                                      \
    return float##N##_maxnum(a, b, s);                                     \
}                                                                          \
static inline float##N float##N##_minnum_fast(float##N a, float##N b,      \
                                              float_status *s)             \
{                                                                          \
    if (likely(f##N##_minmax_plain(a, b, s))) {                            \
        return f##N##_order_key(a) < f##N##_order_key(b) ? a : b;          \
    }                                                                      \
    return float##N##_minnum(a, b, s);                                     \
}

DO_FAST_MINMAX(32, uint32_t)
DO_FAST_MINMAX(64, uint64_t)

/* ---- element operations that are not plain softfloat calls ---------- */

/*
 * FMULX: FMUL except that 0 * inf (either way round, after the FZ input
 * flush) is 2.0 with the product's sign and no Invalid (FPMulX).
 */
#define DO_MULX(T)                                                       \
static T T##_mulx(T a, T b, float_status *s)                             \
{                                                                        \
    a = T##_squash_input_denormal(a, s);                                 \
    b = T##_squash_input_denormal(b, s);                                 \
    if ((T##_is_zero(a) && T##_is_infinity(b)) ||                        \
        (T##_is_infinity(a) && T##_is_zero(b))) {                        \
        return T##_set_sign(T##_two, T##_is_neg(a) ^ T##_is_neg(b));     \
    }                                                                    \
    return T##_mul_fast(a, b, s);                                        \
}
DO_MULX(float32)
DO_MULX(float64)

/* FABD: FPAbs(FPSub()): a NaN result loses its sign too. */
#define DO_ABD(T)                                                        \
static T T##_abd(T a, T b, float_status *s)                              \
{                                                                        \
    return T##_abs(T##_sub_fast(a, b, s));                               \
}
DO_ABD(float32)
DO_ABD(float64)

/*
 * FMLA = FPMulAdd(d, n, m); FMLS negates n first with FPNeg, which flips
 * a NaN's sign as well (so not softfloat's negate_product flag).
 */
#define DO_FMA(T)                                                        \
static T T##_fmla(T d, T n, T m, float_status *s)                        \
{                                                                        \
    return T##_muladd_fast(n, m, d, s);                                  \
}                                                                        \
static T T##_fmls(T d, T n, T m, float_status *s)                        \
{                                                                        \
    return T##_muladd_fast(T##_chs(n), m, d, s);                         \
}
DO_FMA(float32)
DO_FMA(float64)

/*
 * Compares give all ones or all zeros. FCMEQ is FPCompareEQ (quiet: only
 * a signaling NaN raises Invalid); GE and GT signal on any NaN. FACGE and
 * FACGT compare FPAbs() of the operands. The compares against zero swap
 * the operands as the pseudocode does (FCMLT x, #0 is FPCompareGT(0, x)).
 */
#define DO_CMP(N, U)                                                     \
/* Without NaNs (or FZ flushing), an integer compare: -0 counts as +0. */  \
static inline bool f##N##_cmp(float##N a, float##N b, int rel, bool *res, \
                              const float_status *s)                     \
{                                                                        \
    U ka, kb;                                                            \
    if (unlikely(!f##N##_minmax_plain(a, b, s))) {                       \
        return false;                                                    \
    }                                                                    \
    ka = f##N##_order_key((U)(a << 1) ? a : 0);                          \
    kb = f##N##_order_key((U)(b << 1) ? b : 0);                          \
    *res = rel == 0 ? ka == kb : rel > 0 ? ka > kb : ka >= kb;           \
    return true;                                                         \
}                                                                        \
static float##N float##N##_ceq(float##N a, float##N b, float_status *s)  \
{                                                                        \
    bool r;                                                              \
    return -(U)(f##N##_cmp(a, b, 0, &r, s) ? r                           \
                                           : float##N##_eq_quiet(a, b, s)); \
}                                                                        \
static float##N float##N##_cge(float##N a, float##N b, float_status *s)  \
{                                                                        \
    bool r;                                                              \
    return -(U)(f##N##_cmp(a, b, -1, &r, s) ? r : float##N##_le(b, a, s)); \
}                                                                        \
static float##N float##N##_cgt(float##N a, float##N b, float_status *s)  \
{                                                                        \
    bool r;                                                              \
    return -(U)(f##N##_cmp(a, b, 1, &r, s) ? r : float##N##_lt(b, a, s)); \
}                                                                        \
static float##N float##N##_acge(float##N a, float##N b, float_status *s) \
{                                                                        \
    return float##N##_cge(float##N##_abs(a), float##N##_abs(b), s);      \
}                                                                        \
static float##N float##N##_acgt(float##N a, float##N b, float_status *s) \
{                                                                        \
    return float##N##_cgt(float##N##_abs(a), float##N##_abs(b), s);      \
}                                                                        \
static float##N float##N##_cgt0(float##N a, float_status *s)             \
{                                                                        \
    return float##N##_cgt(a, float##N##_zero, s);                        \
}                                                                        \
static float##N float##N##_cge0(float##N a, float_status *s)             \
{                                                                        \
    return float##N##_cge(a, float##N##_zero, s);                        \
}                                                                        \
static float##N float##N##_ceq0(float##N a, float_status *s)             \
{                                                                        \
    return float##N##_ceq(a, float##N##_zero, s);                        \
}                                                                        \
static float##N float##N##_cle0(float##N a, float_status *s)             \
{                                                                        \
    return float##N##_cge(float##N##_zero, a, s);                        \
}                                                                        \
static float##N float##N##_clt0(float##N a, float_status *s)             \
{                                                                        \
    return float##N##_cgt(float##N##_zero, a, s);                        \
}
DO_CMP(32, uint32_t)
DO_CMP(64, uint64_t)

/*
 * FRECPS = 2 - a * b and FRSQRTS = (3 - a * b) / 2, fused, on the host
 * under the fast-path rules above (halving a normal result above twice the
 * smallest normal is exact, so the one rounding is the fma's).
 */
static float32 float32_recps_fast(float32 a, float32 b, float_status *s)
{
    if (likely(sfp_fast_ok(s) && float32_is_zero_or_normal(a) &&
               float32_is_zero_or_normal(b))) {
        float r = fmaf(-h32(a), h32(b), 2.0f);
        if (likely(r32_ok(r))) {
            return s32(r);
        }
    }
    return float32_arm_recps(a, b, s);
}

static float64 float64_recps_fast(float64 a, float64 b, float_status *s)
{
    if (likely(sfp_fast_ok(s) && float64_is_zero_or_normal(a) &&
               float64_is_zero_or_normal(b))) {
        double r = fma(-h64(a), h64(b), 2.0);
        if (likely(r64_ok(r))) {
            return s64(r);
        }
    }
    return float64_arm_recps(a, b, s);
}

static float32 float32_rsqrts_fast(float32 a, float32 b, float_status *s)
{
    if (likely(sfp_fast_ok(s) && float32_is_zero_or_normal(a) &&
               float32_is_zero_or_normal(b))) {
        float r = fmaf(-h32(a), h32(b), 3.0f) * 0.5f;
        if (likely(r32_ok(r))) {
            return s32(r);
        }
    }
    return float32_arm_rsqrts(a, b, s);
}

static float64 float64_rsqrts_fast(float64 a, float64 b, float_status *s)
{
    if (likely(sfp_fast_ok(s) && float64_is_zero_or_normal(a) &&
               float64_is_zero_or_normal(b))) {
        double r = fma(-h64(a), h64(b), 3.0) * 0.5;
        if (likely(r64_ok(r))) {
            return s64(r);
        }
    }
    return float64_arm_rsqrts(a, b, s);
}

/* ---- lane-wise loops ------------------------------------------------ */

/* Three-operand lane-wise op: NAME(vd, vn, vm, fpst, desc). */
#define DO_3OP(NAME, FUNC, TYPE)                                          \
void HELPER(NAME)(void *vd, void *vn, void *vm, void *stat, uint32_t desc) \
{                                                                         \
    unsigned oprsz = simd_oprsz(desc);                                    \
    TYPE *d = vd, *n = vn, *m = vm;                                       \
    TYPE r[16 / sizeof(TYPE)];                                            \
    for (unsigned i = 0; i < oprsz / sizeof(TYPE); i++) {                 \
        r[i] = FUNC(n[i], m[i], stat);                                    \
    }                                                                     \
    memcpy(d, r, oprsz);                                                  \
    clear_tail(d, oprsz);                                                 \
}

#define DO_3OP_SD(NAME, FUNC)                                             \
    DO_3OP(gvec_##NAME##_s, float32_##FUNC, float32)                      \
    DO_3OP(gvec_##NAME##_d, float64_##FUNC, float64)

DO_3OP_SD(fadd, add_fast)
DO_3OP_SD(fsub, sub_fast)
DO_3OP_SD(fmul, mul_fast)
DO_3OP_SD(fdiv, div_fast)
DO_3OP_SD(fmax, max_fast)
DO_3OP_SD(fmin, min_fast)
DO_3OP_SD(fmaxnm, maxnum_fast)
DO_3OP_SD(fminnm, minnum_fast)
DO_3OP_SD(fabd, abd)
DO_3OP_SD(fmulx, mulx)
DO_3OP_SD(frecps, recps_fast)
DO_3OP_SD(frsqrts, rsqrts_fast)
DO_3OP_SD(fceq, ceq)
DO_3OP_SD(fcge, cge)
DO_3OP_SD(fcgt, cgt)
DO_3OP_SD(facge, acge)
DO_3OP_SD(facgt, acgt)

/* Fused multiply-add into Vd: NAME(vd, vn, vm, fpst, desc). */
#define DO_MULADD(NAME, FUNC, TYPE)                                       \
void HELPER(NAME)(void *vd, void *vn, void *vm, void *stat, uint32_t desc) \
{                                                                         \
    unsigned oprsz = simd_oprsz(desc);                                    \
    TYPE *d = vd, *n = vn, *m = vm;                                       \
    TYPE r[16 / sizeof(TYPE)];                                            \
    for (unsigned i = 0; i < oprsz / sizeof(TYPE); i++) {                 \
        r[i] = FUNC(d[i], n[i], m[i], stat);                              \
    }                                                                     \
    memcpy(d, r, oprsz);                                                  \
    clear_tail(d, oprsz);                                                 \
}

DO_MULADD(gvec_fmla_s, float32_fmla, float32)
DO_MULADD(gvec_fmla_d, float64_fmla, float64)
DO_MULADD(gvec_fmls_s, float32_fmls, float32)
DO_MULADD(gvec_fmls_d, float64_fmls, float64)

/*
 * Pairwise: the result's low half comes from adjacent pairs of Vn, the
 * high half from those of Vm (the concatenation Vm:Vn).
 */
#define DO_PAIRWISE(NAME, FUNC, TYPE)                                     \
void HELPER(NAME)(void *vd, void *vn, void *vm, void *stat, uint32_t desc) \
{                                                                         \
    unsigned oprsz = simd_oprsz(desc);                                    \
    unsigned half = oprsz / sizeof(TYPE) / 2;                             \
    TYPE *d = vd, *n = vn, *m = vm;                                       \
    TYPE r[16 / sizeof(TYPE)];                                            \
    for (unsigned i = 0; i < half; i++) {                                 \
        r[i] = FUNC(n[2 * i], n[2 * i + 1], stat);                        \
    }                                                                     \
    for (unsigned i = 0; i < half; i++) {                                 \
        r[half + i] = FUNC(m[2 * i], m[2 * i + 1], stat);                 \
    }                                                                     \
    memcpy(d, r, oprsz);                                                  \
    clear_tail(d, oprsz);                                                 \
}

#define DO_PAIRWISE_SD(NAME, FUNC)                                        \
    DO_PAIRWISE(gvec_##NAME##_s, float32_##FUNC, float32)                 \
    DO_PAIRWISE(gvec_##NAME##_d, float64_##FUNC, float64)

DO_PAIRWISE_SD(faddp, add_fast)
DO_PAIRWISE_SD(fmaxp, max_fast)
DO_PAIRWISE_SD(fminp, min_fast)
DO_PAIRWISE_SD(fmaxnmp, maxnum_fast)
DO_PAIRWISE_SD(fminnmp, minnum_fast)

/*
 * By element: every lane of Vn with element simd_data(desc) of Vm (read
 * before anything is written: Vm may be Vd).
 */
#define DO_IDX(NAME, FUNC, TYPE)                                          \
void HELPER(NAME)(void *vd, void *vn, void *vm, void *stat, uint32_t desc) \
{                                                                         \
    unsigned oprsz = simd_oprsz(desc);                                    \
    TYPE *d = vd, *n = vn;                                                \
    TYPE mm = ((TYPE *)vm)[simd_data(desc)];                              \
    TYPE r[16 / sizeof(TYPE)];                                            \
    for (unsigned i = 0; i < oprsz / sizeof(TYPE); i++) {                 \
        r[i] = FUNC(n[i], mm, stat);                                      \
    }                                                                     \
    memcpy(d, r, oprsz);                                                  \
    clear_tail(d, oprsz);                                                 \
}

#define DO_IDX_MULADD(NAME, FUNC, TYPE)                                   \
void HELPER(NAME)(void *vd, void *vn, void *vm, void *stat, uint32_t desc) \
{                                                                         \
    unsigned oprsz = simd_oprsz(desc);                                    \
    TYPE *d = vd, *n = vn;                                                \
    TYPE mm = ((TYPE *)vm)[simd_data(desc)];                              \
    TYPE r[16 / sizeof(TYPE)];                                            \
    for (unsigned i = 0; i < oprsz / sizeof(TYPE); i++) {                 \
        r[i] = FUNC(d[i], n[i], mm, stat);                                \
    }                                                                     \
    memcpy(d, r, oprsz);                                                  \
    clear_tail(d, oprsz);                                                 \
}

DO_IDX(gvec_fmul_idx_s, float32_mul_fast, float32)
DO_IDX(gvec_fmul_idx_d, float64_mul_fast, float64)
DO_IDX(gvec_fmulx_idx_s, float32_mulx, float32)
DO_IDX(gvec_fmulx_idx_d, float64_mulx, float64)
DO_IDX_MULADD(gvec_fmla_idx_s, float32_fmla, float32)
DO_IDX_MULADD(gvec_fmla_idx_d, float64_fmla, float64)
DO_IDX_MULADD(gvec_fmls_idx_s, float32_fmls, float32)
DO_IDX_MULADD(gvec_fmls_idx_d, float64_fmls, float64)

/* Two-operand lane-wise op: NAME(vd, vn, fpst, desc). */
#define DO_2OP(NAME, FUNC, TYPE)                                          \
void HELPER(NAME)(void *vd, void *vn, void *stat, uint32_t desc)          \
{                                                                         \
    unsigned oprsz = simd_oprsz(desc);                                    \
    TYPE *d = vd, *n = vn;                                                \
    TYPE r[16 / sizeof(TYPE)];                                            \
    for (unsigned i = 0; i < oprsz / sizeof(TYPE); i++) {                 \
        r[i] = FUNC(n[i], stat);                                          \
    }                                                                     \
    memcpy(d, r, oprsz);                                                  \
    clear_tail(d, oprsz);                                                 \
}

#define DO_2OP_SD(NAME, FUNC)                                             \
    DO_2OP(gvec_##NAME##_s, float32_##FUNC, float32)                      \
    DO_2OP(gvec_##NAME##_d, float64_##FUNC, float64)

DO_2OP_SD(fsqrt, sqrt_fast)
DO_2OP_SD(frecpe, arm_recpe)
DO_2OP_SD(frsqrte, arm_rsqrte)
DO_2OP_SD(frecpx, arm_recpx)
DO_2OP_SD(fcgt0, cgt0)
DO_2OP_SD(fcge0, cge0)
DO_2OP_SD(fceq0, ceq0)
DO_2OP_SD(fcle0, cle0)
DO_2OP_SD(fclt0, clt0)

/* URECPE/URSQRTE: unsigned 0.32 fixed point, no FP state involved. */
#define DO_U2OP(NAME, FUNC)                                               \
void HELPER(NAME)(void *vd, void *vn, uint32_t desc)                      \
{                                                                         \
    unsigned oprsz = simd_oprsz(desc);                                    \
    uint32_t *d = vd, *n = vn;                                            \
    for (unsigned i = 0; i < oprsz / 4; i++) {                            \
        d[i] = FUNC(n[i]);                                                \
    }                                                                     \
    clear_tail(d, oprsz);                                                 \
}

DO_U2OP(gvec_urecpe_s, arm_urecpe_u32)
DO_U2OP(gvec_ursqrte_s, arm_ursqrte_u32)

/*
 * Reductions (FMAXV & co., scalar FADDP & co.): the Arm ARM's Reduce()
 * splits the elements into halves, reduces each, then combines the two
 * (op(op(e0, e1), op(e2, e3)) for four), which matters for the NaN
 * chosen and the flags. The result is element 0 of Vd, the rest zeroed.
 */
#define DO_REDUCE(NAME, FUNC, TYPE)                                       \
static TYPE NAME##_tree(const TYPE *e, unsigned n, float_status *s)       \
{                                                                         \
    if (n == 1) {                                                         \
        return e[0];                                                      \
    }                                                                     \
    TYPE lo = NAME##_tree(e, n / 2, s);                                   \
    TYPE hi = NAME##_tree(e + n / 2, n / 2, s);                           \
    return FUNC(lo, hi, s);                                               \
}                                                                         \
void HELPER(NAME)(void *vd, void *vn, void *stat, uint32_t desc)          \
{                                                                         \
    TYPE r = NAME##_tree(vn, simd_oprsz(desc) / sizeof(TYPE), stat);      \
    *(TYPE *)vd = r;                                                      \
    clear_tail(vd, sizeof(TYPE));                                         \
}

#define DO_REDUCE_SD(NAME, FUNC)                                          \
    DO_REDUCE(gvec_##NAME##_s, float32_##FUNC, float32)                   \
    DO_REDUCE(gvec_##NAME##_d, float64_##FUNC, float64)

DO_REDUCE_SD(faddv, add_fast)
DO_REDUCE_SD(fmaxv, max_fast)
DO_REDUCE_SD(fminv, min_fast)
DO_REDUCE_SD(fmaxnmv, maxnum_fast)
DO_REDUCE_SD(fminnmv, minnum_fast)

/* ---- FEAT_FCMA: complex add and multiply-add on (real, imaginary) pairs ---- */

/*
 * FCADD: Vd.re = Vn.re + (rot 90 ? -Vm.im : Vm.im), Vd.im = Vn.im +
 * (rot 90 ? Vm.re : -Vm.re); the negations are sign flips (FPNeg), so a
 * NaN comes back with its sign changed as on hardware.
 */
#define DO_FCADD(NAME, T)                                                    \
void HELPER(NAME)(void *vd, void *vn, void *vm, void *fpst, uint32_t desc)  \
{                                                                            \
    unsigned oprsz = simd_oprsz(desc);                                       \
    bool rot270 = simd_data(desc) & 1;                                       \
    T *d = vd, *n = vn, *m = vm, r[16 / sizeof(T)];                          \
    for (unsigned i = 0; i < oprsz / sizeof(T); i += 2) {                    \
        T mre = m[i], mim = m[i + 1];                                        \
        r[i] = T##_add(n[i], rot270 ? mim : T##_chs(mim), fpst);             \
        r[i + 1] = T##_add(n[i + 1], rot270 ? T##_chs(mre) : mre, fpst);     \
    }                                                                        \
    memcpy(d, r, oprsz);                                                     \
    clear_tail(d, oprsz);                                                    \
}
DO_FCADD(gvec_fcadd_s, float32)
DO_FCADD(gvec_fcadd_d, float64)

/*
 * FCMLA: per pair, two fused multiply-adds into Vd's elements with the
 * Arm ARM's operand choice per rotation (FPMulAdd(addend, op1, op2): NaN
 * priority addend, Vn's element, Vm's element):
 *   rot 0:   re += n.re *  m.re   im += n.re *  m.im
 *   rot 90:  re += n.im * -m.im   im += n.im *  m.re
 *   rot 180: re += n.re * -m.re   im += n.re * -m.im
 *   rot 270: re += n.im *  m.im   im += n.im * -m.re
 * By element, every pair of Vm is the pair at the index.
 */
#define DO_FCMLA(NAME, T)                                                    \
void HELPER(NAME)(void *vd, void *vn, void *vm, void *fpst, uint32_t desc)  \
{                                                                            \
    unsigned oprsz = simd_oprsz(desc);                                       \
    int data = simd_data(desc), rot = data & 3;                              \
    bool by_idx = data & 16;                                                 \
    T *d = vd, *n = vn, *m = vm, r[16 / sizeof(T)];                          \
    for (unsigned i = 0; i < oprsz / sizeof(T); i += 2) {                    \
        unsigned j = by_idx ? 2 * ((data >> 2) & 3) : i;                     \
        T mre = m[j], mim = m[j + 1], nsel = (rot & 1) ? n[i + 1] : n[i];   \
        T e1, e3;                                                            \
        switch (rot) {                                                       \
        case 0: e1 = mre; e3 = mim; break;                                   \
        case 1: e1 = T##_chs(mim); e3 = mre; break;                          \
        case 2: e1 = T##_chs(mre); e3 = T##_chs(mim); break;                 \
        default: e1 = mim; e3 = T##_chs(mre); break;                         \
        }                                                                    \
        r[i] = T##_muladd(nsel, e1, d[i], 0, fpst);                          \
        r[i + 1] = T##_muladd(nsel, e3, d[i + 1], 0, fpst);                  \
    }                                                                        \
    memcpy(d, r, oprsz);                                                     \
    clear_tail(d, oprsz);                                                    \
}
DO_FCMLA(gvec_fcmla_s, float32)
DO_FCMLA(gvec_fcmla_d, float64)
