/*
 * vfp_helper.c - FPCR and FPSR for A64: how the architectural control and
 * status registers map onto softfloat's float_status, and back; and the
 * helpers of the scalar FP instructions and of every FP conversion
 * (helper-fp.h), vector forms included.
 *
 * FPSR's cumulative exception bits are not updated by every FP insn: the
 * float_status structs accumulate softfloat's flags and vfp_get_fpsr()
 * folds them in when software (MRS, gdb, migration) looks. Writing FPSR
 * clears what the status structs hold so the register reads back exactly.
 */
#include "util/osdep.h"
#include <float.h>
#include <math.h>
#include "target-arm/cpu.h"
#include "target-arm/internals.h"
#include "target-arm/vec_internal.h"
#include "target-arm/fp-internal.h"
#include "fpu/softfloat.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-proto.h"

/* FPSR cumulative bits from softfloat's flags (output denormal is UFC). */
static uint32_t vfp_exceptbits_from_host(int flags)
{
    uint32_t bits = 0;

    if (flags & float_flag_invalid) {
        bits |= FPSR_IOC;
    }
    if (flags & float_flag_divbyzero) {
        bits |= FPSR_DZC;
    }
    if (flags & float_flag_overflow) {
        bits |= FPSR_OFC;
    }
    if (flags & (float_flag_underflow | float_flag_output_denormal)) {
        bits |= FPSR_UFC;
    }
    if (flags & float_flag_inexact) {
        bits |= FPSR_IXC;
    }
    if (flags & float_flag_input_denormal) {
        bits |= FPSR_IDC;
    }
    return bits;
}

uint32_t vfp_get_fpsr(CPUARMState *env)
{
    int flags = get_float_exception_flags(&env->vfp.fp_status) |
                get_float_exception_flags(&env->vfp.fp_status_f16) |
                get_float_exception_flags(&env->vfp.standard_fp_status);

    return env->fpsr | vfp_exceptbits_from_host(flags);
}

void vfp_set_fpsr(CPUARMState *env, uint32_t val)
{
    env->fpsr = val & FPSR_MASK;
    set_float_exception_flags(0, &env->vfp.fp_status);
    set_float_exception_flags(0, &env->vfp.fp_status_f16);
    set_float_exception_flags(0, &env->vfp.standard_fp_status);
}

uint32_t vfp_get_fpcr(CPUARMState *env)
{
    return env->fpcr;
}

static void vfp_apply_fpcr(float_status *st, uint32_t fpcr, bool fz)
{
    static const FloatRoundMode rmode[4] = {
        float_round_nearest_even, float_round_up,
        float_round_down, float_round_to_zero,
    };
    int flags = get_float_exception_flags(st);

    softfloat_status_init_arm(st);
    set_float_exception_flags(flags, st);
    set_float_rounding_mode(rmode[(fpcr >> FPCR_RMODE_SHIFT) & 3], st);
    set_flush_to_zero(fz, st);
    set_flush_inputs_to_zero(fz, st);
    set_default_nan_mode((fpcr & FPCR_DN) != 0, st);
}

void vfp_set_fpcr(CPUARMState *env, uint32_t val)
{
    val &= FPCR_MASK;
    env->fpcr = val;
    vfp_apply_fpcr(&env->vfp.fp_status, val, (val & FPCR_FZ) != 0);
    vfp_apply_fpcr(&env->vfp.fp_status_f16, val, (val & FPCR_FZ16) != 0);
    /* StandardFPSCRValue: RNE, FZ and DN set, whatever FPCR says. */
    vfp_apply_fpcr(&env->vfp.standard_fp_status, FPCR_DN | FPCR_FZ, true);
}

/* ---- scalar arithmetic ------------------------------------------------ */

/*
 * Host fast path (QEMU's "hardfloat" idea). When the status is in
 * round-to-nearest-even and already holds Inexact, and every operand is
 * zero or normal, the host's IEEE single/double operation gives the same
 * bits as softfloat and no flag can change -- unless the result overflows
 * or is tiny (Overflow/Underflow, FZ flushing, tininess before rounding)
 * or invalid/divide-by-zero could arise; those results and operands go to
 * softfloat. NaN, infinite and denormal operands never take this path, so
 * FZ, DN and NaN propagation are softfloat's alone. Inexact cannot be
 * missed: it is already set.
 */
static inline bool hard_ok(const float_status *st)
{
    return (st->float_exception_flags & float_flag_inexact) &&
           st->float_rounding_mode == float_round_nearest_even;
}

static inline float h32(float32 a)
{
    float f;

    memcpy(&f, &a, 4);
    return f;
}

static inline float64 b64(double d)
{
    float64 r;

    memcpy(&r, &d, 8);
    return r;
}

static inline double h64(float64 a)
{
    double d;

    memcpy(&d, &a, 8);
    return d;
}

static inline float32 b32(float f)
{
    float32 r;

    memcpy(&r, &f, 4);
    return r;
}

/* The host result @r is usable: finite and not below the normal range. */
static inline bool hard_res32(float r, bool zero_ok)
{
    return !isinf(r) && (fabsf(r) > FLT_MIN || (zero_ok && r == 0));
}

static inline bool hard_res64(double r, bool zero_ok)
{
    return !isinf(r) && (fabs(r) > DBL_MIN || (zero_ok && r == 0));
}

#define VFP_HARD_BINOP(NAME, FN, HOSTOP, ZERO_OK_B, ZERO_OK_RES)            \
float32 HELPER(glue(vfp_, glue(NAME, s)))(float32 a, float32 b, void *fpst) \
{                                                                           \
    float_status *st = fpst;                                                \
                                                                            \
    if (hard_ok(st) && float32_is_zero_or_normal(a) &&                      \
        (ZERO_OK_B ? float32_is_zero_or_normal(b) : float32_is_normal(b))) {\
        float r = h32(a) HOSTOP h32(b);                                     \
        if (hard_res32(r, ZERO_OK_RES(float32))) {                          \
            return b32(r);                                                  \
        }                                                                   \
    }                                                                       \
    return glue(float32_, FN)(a, b, st);                                    \
}                                                                           \
float64 HELPER(glue(vfp_, glue(NAME, d)))(float64 a, float64 b, void *fpst) \
{                                                                           \
    float_status *st = fpst;                                                \
                                                                            \
    if (hard_ok(st) && float64_is_zero_or_normal(a) &&                      \
        (ZERO_OK_B ? float64_is_zero_or_normal(b) : float64_is_normal(b))) {\
        double r = h64(a) HOSTOP h64(b);                                    \
        if (hard_res64(r, ZERO_OK_RES(float64))) {                          \
            return b64(r);                                                  \
        }                                                                   \
    }                                                                       \
    return glue(float64_, FN)(a, b, st);                                    \
}

/*
 * When a zero result is exact and its sign is the IEEE one: a sum of two
 * zeros (x + -x of nonzero x is +0 in RNE on both sides, but is left to
 * softfloat anyway), or a product/quotient with a zero operand.
 */
#define ADD_ZERO_OK(T) (glue(T, _is_zero)(a) && glue(T, _is_zero)(b))
#define MUL_ZERO_OK(T) (glue(T, _is_zero)(a) || glue(T, _is_zero)(b))
#define DIV_ZERO_OK(T) glue(T, _is_zero)(a)

VFP_HARD_BINOP(add, add, +, true, ADD_ZERO_OK)
VFP_HARD_BINOP(sub, sub, -, true, ADD_ZERO_OK)
VFP_HARD_BINOP(mul, mul, *, true, MUL_ZERO_OK)
VFP_HARD_BINOP(div, div, /, false, DIV_ZERO_OK)

#define VFP_BINOP(NAME, FN)                                                 \
float32 HELPER(glue(vfp_, glue(NAME, s)))(float32 a, float32 b, void *fpst) \
{                                                                           \
    return glue(float32_, FN)(a, b, fpst);                                  \
}                                                                           \
float64 HELPER(glue(vfp_, glue(NAME, d)))(float64 a, float64 b, void *fpst) \
{                                                                           \
    return glue(float64_, FN)(a, b, fpst);                                  \
}

VFP_BINOP(max, max)
VFP_BINOP(min, min)
VFP_BINOP(maxnum, maxnum)
VFP_BINOP(minnum, minnum)

float32 HELPER(vfp_sqrts)(float32 a, void *fpst)
{
    if (hard_ok(fpst) && float32_is_normal(a) && !float32_is_neg(a)) {
        return b32(sqrtf(h32(a)));
    }
    return float32_sqrt(a, fpst);
}

float64 HELPER(vfp_sqrtd)(float64 a, void *fpst)
{
    if (hard_ok(fpst) && float64_is_normal(a) && !float64_is_neg(a)) {
        return b64(sqrt(h64(a)));
    }
    return float64_sqrt(a, fpst);
}

/*
 * FPMulAdd(addend, n, m): the translator has already negated operands with
 * FPNeg (sign flip, NaNs included), so the NaN choice sees them as Arm does.
 * The host fused multiply-add rounds once, like softfloat.
 */
float32 HELPER(vfp_muladds)(float32 n, float32 m, float32 a, void *fpst)
{
    if (hard_ok(fpst) && float32_is_zero_or_normal(n) &&
        float32_is_zero_or_normal(m) && float32_is_zero_or_normal(a)) {
        float r = fmaf(h32(n), h32(m), h32(a));
        if (hard_res32(r, false)) {
            return b32(r);
        }
    }
    return float32_muladd(n, m, a, 0, fpst);
}

float64 HELPER(vfp_muladdd)(float64 n, float64 m, float64 a, void *fpst)
{
    if (hard_ok(fpst) && float64_is_zero_or_normal(n) &&
        float64_is_zero_or_normal(m) && float64_is_zero_or_normal(a)) {
        double r = fma(h64(n), h64(m), h64(a));
        if (hard_res64(r, false)) {
            return b64(r);
        }
    }
    return float64_muladd(n, m, a, 0, fpst);
}

/* NZCV of FPCompare: unordered 0011, equal 0110, less 1000, greater 0010. */
static uint32_t nzcv_from_relation(FloatRelation r)
{
    switch (r) {
    case float_relation_equal:
        return 0x6;
    case float_relation_less:
        return 0x8;
    case float_relation_greater:
        return 0x2;
    default:
        return 0x3;
    }
}

/*
 * Ordered operands that no flush can touch (not NaN; not denormal when FZ
 * flushes inputs) compare without any exception: by their sign-magnitude
 * bits, +0 == -0.
 */
static inline bool cmp_fast_ok(uint64_t a, uint64_t b, int n,
                               const float_status *st)
{
    uint64_t mag = (UINT64_C(1) << (n - 1)) - 1;
    uint64_t inf = n == 32 ? 0x7f800000u : UINT64_C(0x7ff0000000000000);
    uint64_t ma = a & mag, mb = b & mag;

    if (ma > inf || mb > inf) {
        return false;
    }
    if (st->flush_inputs_to_zero) {
        uint64_t emask = inf;
        if (((a & emask) == 0 && ma) || ((b & emask) == 0 && mb)) {
            return false;
        }
    }
    return true;
}

static inline uint32_t cmp_fast(uint64_t a, uint64_t b, int n)
{
    uint64_t mag = (UINT64_C(1) << (n - 1)) - 1;
    uint64_t ma = a & mag, mb = b & mag;
    bool sa = a >> (n - 1), sb = b >> (n - 1);

    if (a == b || (ma == 0 && mb == 0)) {
        return 0x6;
    }
    if (sa != sb) {
        return sa ? 0x8 : 0x2;
    }
    return (sa ? ma > mb : ma < mb) ? 0x8 : 0x2;
}

uint32_t HELPER(vfp_cmps)(float32 a, float32 b, void *fpst)
{
    if (cmp_fast_ok(a, b, 32, fpst)) {
        return cmp_fast(a, b, 32);
    }
    return nzcv_from_relation(float32_compare_quiet(a, b, fpst));
}

uint32_t HELPER(vfp_cmpd)(float64 a, float64 b, void *fpst)
{
    if (cmp_fast_ok(a, b, 64, fpst)) {
        return cmp_fast(a, b, 64);
    }
    return nzcv_from_relation(float64_compare_quiet(a, b, fpst));
}

uint32_t HELPER(vfp_cmpes)(float32 a, float32 b, void *fpst)
{
    if (cmp_fast_ok(a, b, 32, fpst)) {
        return cmp_fast(a, b, 32);
    }
    return nzcv_from_relation(float32_compare(a, b, fpst));
}

uint32_t HELPER(vfp_cmped)(float64 a, float64 b, void *fpst)
{
    if (cmp_fast_ok(a, b, 64, fpst)) {
        return cmp_fast(a, b, 64);
    }
    return nzcv_from_relation(float64_compare(a, b, fpst));
}

/* ---- round to integral ------------------------------------------------ */

/*
 * FRINT*: round in the mode @mode names (FPCR's for X and I). Only FRINTX
 * reports Inexact; the others keep whatever the status held before.
 */
#define VFP_RINT(NAME, TYPE, FN)                                            \
static TYPE NAME(TYPE a, uint32_t mode, float_status *st)                   \
{                                                                           \
    FloatRoundMode saved = get_float_rounding_mode(st);                     \
    int flags = get_float_exception_flags(st);                              \
    TYPE r;                                                                 \
                                                                            \
    if ((mode & VFP_RMODE_MASK) != VFP_RMODE_FPCR) {                        \
        set_float_rounding_mode((FloatRoundMode)(mode & VFP_RMODE_MASK), st);\
    }                                                                       \
    r = FN(a, st);                                                          \
    set_float_rounding_mode(saved, st);                                     \
    if (!(mode & VFP_RINT_EXACT) && !(flags & float_flag_inexact)) {        \
        set_float_exception_flags(get_float_exception_flags(st) &           \
                                  ~float_flag_inexact, st);                 \
    }                                                                       \
    return r;                                                               \
}

VFP_RINT(rint32, float32, float32_round_to_int)
VFP_RINT(rint64, float64, float64_round_to_int)

float32 HELPER(vfp_rints)(float32 a, uint32_t mode, void *fpst)
{
    return rint32(a, mode, fpst);
}

float64 HELPER(vfp_rintd)(float64 a, uint32_t mode, void *fpst)
{
    return rint64(a, mode, fpst);
}

/*
 * FRINT32Z/32X/64Z/64X (FEAT_FRINTTS), the Arm ARM's FPRoundIntN: round to
 * an integral value in @desc's mode; a NaN, an infinity or a value outside
 * the signed N-bit range (N = desc >> VFP_FBITS_SHIFT) gives -2^(N-1) with
 * Invalid and without Inexact; otherwise Inexact when the value changed
 * (both the Z and the X forms). Softfloat's rounding flushes a denormal
 * input under FZ (IDC) as FPUnpack does.
 */
#define VFP_RINT_N(NAME, TYPE, PFX, HOST, MIN32, MIN64)                     \
static TYPE NAME(TYPE a, uint32_t desc, float_status *st)                   \
{                                                                           \
    int n = desc >> VFP_FBITS_SHIFT;                                        \
    TYPE minval = n == 32 ? MIN32 : MIN64;                                  \
    FloatRoundMode saved = get_float_rounding_mode(st);                     \
    int flags = get_float_exception_flags(st);                              \
    double h, lim = n == 32 ? 2147483648.0 : 9223372036854775808.0;         \
    TYPE r;                                                                 \
                                                                            \
    if (PFX##_is_any_nan(a) || PFX##_is_infinity(a)) {                      \
        float_raise(float_flag_invalid, st);                                \
        return minval;                                                      \
    }                                                                       \
    if ((desc & VFP_RMODE_MASK) != VFP_RMODE_FPCR) {                        \
        set_float_rounding_mode((FloatRoundMode)(desc & VFP_RMODE_MASK), st);\
    }                                                                       \
    r = PFX##_round_to_int(a, st);                                          \
    set_float_rounding_mode(saved, st);                                     \
    h = HOST(r);                                                            \
    if (h >= lim || h < -lim) {                                             \
        set_float_exception_flags(flags | float_flag_invalid |              \
                                  (get_float_exception_flags(st) &          \
                                   ~float_flag_inexact), st);               \
        return minval;                                                      \
    }                                                                       \
    return r;                                                               \
}

VFP_RINT_N(rint_n32, float32, float32, h32, 0xcf000000u, 0xdf000000u)
VFP_RINT_N(rint_n64, float64, float64, h64, 0xc1e0000000000000ull,
           0xc3e0000000000000ull)

float32 HELPER(vfp_rint_ns)(float32 a, uint32_t desc, void *fpst)
{
    return rint_n32(a, desc, fpst);
}

float64 HELPER(vfp_rint_nd)(float64 a, uint32_t desc, void *fpst)
{
    return rint_n64(a, desc, fpst);
}

/*
 * FJCVTZS (FEAT_JSCVT), the Arm ARM's FPToFixedJS: Dn truncated toward
 * zero, modulo 2^32. Z (bit 32 of the result) is 1 only when the result
 * is exact and in the signed 32-bit range: NaN, infinity and out of range
 * raise Invalid, a discarded fraction Inexact; -0.0 clears Z too, and a
 * denormal flushed by FZ (IDC) is the zero of its sign.
 */
uint64_t HELPER(vfp_fjcvtzs)(float64 a, void *fpst)
{
    float_status *st = fpst;
    int exp = (a >> 52) & 0x7ff;
    uint64_t mant = (a & ((1ull << 52) - 1)) | (1ull << 52);
    bool neg = a >> 63;
    uint64_t ip;
    bool lost, overflow;
    int sh;

    if (exp == 0x7ff) {
        float_raise(float_flag_invalid, st);
        return 0;
    }
    if (exp == 0) {
        if ((a << 1) == 0) {
            return neg ? 0 : 1ull << 32;
        }
        if (get_flush_inputs_to_zero(st)) {
            /* FPUnpack made it a zero: Z as for +-0.0 */
            float_raise(float_flag_input_denormal, st);
            return neg ? 0 : 1ull << 32;
        }
        float_raise(float_flag_inexact, st);
        return 0;
    }
    sh = exp - 1075;            /* value = mant * 2^sh */
    if (sh >= 0) {
        ip = sh >= 64 ? 0 : mant << sh;
        lost = false;
    } else {
        ip = sh <= -64 ? 0 : mant >> -sh;
        lost = sh <= -64 || (mant & ((1ull << -sh) - 1)) != 0;
    }
    /* |truncated| >= 2^32 whenever the unbiased exponent is 32 or more */
    overflow = exp - 1023 >= 32 || ip > (neg ? 0x80000000ull : 0x7fffffffull);
    if (overflow) {
        float_raise(float_flag_invalid, st);
    } else if (lost) {
        float_raise(float_flag_inexact, st);
    }
    ip = (uint32_t)(neg ? -ip : ip);
    return ip | (overflow || lost ? 0 : 1ull << 32);
}

/* ---- conversions between formats -------------------------------------- */

/* Widening a zero, normal or infinity is exact and raises nothing. */
float64 HELPER(vfp_fcvt_s_to_d)(float32 a, void *fpst)
{
    if (float32_is_zero_or_normal(a) || float32_is_infinity(a)) {
        return b64((double)h32(a));
    }
    return float32_to_float64(a, fpst);
}

float32 HELPER(vfp_fcvt_d_to_s)(float64 a, void *fpst)
{
    if (float64_is_zero(a)) {
        return (uint32_t)(a >> 32);
    }
    if (hard_ok(fpst) && float64_is_normal(a)) {
        float r = (float)h64(a);
        if (hard_res32(r, false)) {
            return b32(r);
        }
    }
    return float64_to_float32(a, fpst);
}

/* FCVTXN: FPConvert with FPRounding_ODD, whatever FPCR.RMode says. */
static float32 fcvtxn(float64 a, float_status *st)
{
    FloatRoundMode saved = get_float_rounding_mode(st);
    float32 r;

    set_float_rounding_mode(float_round_to_odd, st);
    r = float64_to_float32(a, st);
    set_float_rounding_mode(saved, st);
    return r;
}

float32 HELPER(vfp_fcvtxn)(float64 a, void *fpst)
{
    return fcvtxn(a, fpst);
}

/*
 * Half precision in FPConvert (FPUnpackCV, FPRoundCV): a half-precision
 * input or result is never flushed (FZ16 is ignored, FZ does not apply to
 * it); a single/double input is flushed by FZ. FPCR.AHP picks the format.
 */
static bool fp_ieee_half(CPUARMState *env)
{
    return !(env->fpcr & FPCR_AHP);
}

static float32 cvt_h_to_s(uint16_t a, CPUARMState *env)
{
    float_status *st = &env->vfp.fp_status;
    bool saved = get_flush_inputs_to_zero(st);
    float32 r;

    set_flush_inputs_to_zero(false, st);
    r = float16_to_float32(a, fp_ieee_half(env), st);
    set_flush_inputs_to_zero(saved, st);
    return r;
}

static float64 cvt_h_to_d(uint16_t a, CPUARMState *env)
{
    float_status *st = &env->vfp.fp_status;
    bool saved = get_flush_inputs_to_zero(st);
    float64 r;

    set_flush_inputs_to_zero(false, st);
    r = float16_to_float64(a, fp_ieee_half(env), st);
    set_flush_inputs_to_zero(saved, st);
    return r;
}

static uint16_t cvt_s_to_h(float32 a, CPUARMState *env)
{
    float_status *st = &env->vfp.fp_status;
    bool saved = get_flush_to_zero(st);
    float16 r;

    set_flush_to_zero(false, st);
    r = float32_to_float16(a, fp_ieee_half(env), st);
    set_flush_to_zero(saved, st);
    return r;
}

static uint16_t cvt_d_to_h(float64 a, CPUARMState *env)
{
    float_status *st = &env->vfp.fp_status;
    bool saved = get_flush_to_zero(st);
    float16 r;

    set_flush_to_zero(false, st);
    r = float64_to_float16(a, fp_ieee_half(env), st);
    set_flush_to_zero(saved, st);
    return r;
}

float32 HELPER(vfp_fcvt_h_to_s)(uint32_t a, CPUARMState *env)
{
    return cvt_h_to_s(a, env);
}

float64 HELPER(vfp_fcvt_h_to_d)(uint32_t a, CPUARMState *env)
{
    return cvt_h_to_d(a, env);
}

uint32_t HELPER(vfp_fcvt_s_to_h)(float32 a, CPUARMState *env)
{
    return cvt_s_to_h(a, env);
}

uint32_t HELPER(vfp_fcvt_d_to_h)(float64 a, CPUARMState *env)
{
    return cvt_d_to_h(a, env);
}

/* ---- FP to integer and fixed point ------------------------------------ */

/*
 * FPToFixed: a NaN gives 0 and Invalid (softfloat would saturate); the
 * rest is softfloat's rounding of a * 2^fbits with saturation + Invalid.
 */
/*
 * The round-toward-zero integer conversions of C casts take a host path
 * for zero and normal operands whose truncation fits (LO < a < HI, both
 * exclusive): the only possible flag is Inexact, raised when the
 * truncation changed the value.
 */
#define VFP_TOINT(NAME, FTYPE, ITYPE, UTYPE, FN, HOST, LO, HI)              \
static UTYPE NAME(FTYPE a, uint32_t desc, float_status *st)                 \
{                                                                           \
    FloatRoundMode rm = (FloatRoundMode)(desc & VFP_RMODE_MASK);            \
                                                                            \
    if (rm == float_round_to_zero && !(desc >> VFP_FBITS_SHIFT) &&          \
        glue(FTYPE, _is_zero_or_normal)(a)) {                               \
        double h = HOST(a);                                                 \
        if (h > (LO) && h < (HI)) {                                         \
            ITYPE r = (ITYPE)h;                                             \
            if ((double)r != h) {                                           \
                float_raise(float_flag_inexact, st);                        \
            }                                                               \
            return (UTYPE)r;                                                \
        }                                                                   \
    }                                                                       \
    if (rm == VFP_RMODE_FPCR) {                                             \
        rm = get_float_rounding_mode(st);                                   \
    }                                                                       \
    if (glue(FTYPE, _is_any_nan)(a)) {                                      \
        float_raise(float_flag_invalid, st);                                \
        return 0;                                                           \
    }                                                                       \
    return (UTYPE)(ITYPE)FN(a, rm, desc >> VFP_FBITS_SHIFT, st);            \
}

#define S32_LO (-2147483649.0)
#define S32_HI 2147483648.0
#define U32_HI 4294967296.0
#define S64_LO (-9223372036854777856.0)     /* next double below -2^63 */
#define S64_HI 9223372036854775808.0
#define U64_HI 18446744073709551616.0

VFP_TOINT(f32_to_s32, float32, int32_t, uint32_t, float32_to_int32_scalbn, h32, S32_LO, S32_HI)
VFP_TOINT(f32_to_u32, float32, uint32_t, uint32_t, float32_to_uint32_scalbn, h32, -1.0, U32_HI)
VFP_TOINT(f32_to_s64, float32, int64_t, uint64_t, float32_to_int64_scalbn, h32, S64_LO, S64_HI)
VFP_TOINT(f32_to_u64, float32, uint64_t, uint64_t, float32_to_uint64_scalbn, h32, -1.0, U64_HI)
VFP_TOINT(f64_to_s32, float64, int32_t, uint32_t, float64_to_int32_scalbn, h64, S32_LO, S32_HI)
VFP_TOINT(f64_to_u32, float64, uint32_t, uint32_t, float64_to_uint32_scalbn, h64, -1.0, U32_HI)
VFP_TOINT(f64_to_s64, float64, int64_t, uint64_t, float64_to_int64_scalbn, h64, S64_LO, S64_HI)
VFP_TOINT(f64_to_u64, float64, uint64_t, uint64_t, float64_to_uint64_scalbn, h64, -1.0, U64_HI)

#define VFP_TOINT_HELPER(NAME, FTYPE)                                       \
uint64_t HELPER(glue(vfp_, NAME))(FTYPE a, uint32_t desc, void *fpst)       \
{                                                                           \
    return NAME(a, desc, fpst);                                             \
}

VFP_TOINT_HELPER(f32_to_s32, float32)
VFP_TOINT_HELPER(f32_to_u32, float32)
VFP_TOINT_HELPER(f32_to_s64, float32)
VFP_TOINT_HELPER(f32_to_u64, float32)
VFP_TOINT_HELPER(f64_to_s32, float64)
VFP_TOINT_HELPER(f64_to_u32, float64)
VFP_TOINT_HELPER(f64_to_s64, float64)
VFP_TOINT_HELPER(f64_to_u64, float64)

/*
 * FixedToFP: value * 2^-fbits rounded once under FPCR. Integers the
 * format holds exactly (|v| <= 2^24 or 2^53) convert on the host with no
 * flag in any mode; others when RNE with Inexact already pending.
 */
float32 HELPER(vfp_s64_to_f32)(uint64_t v, uint32_t fbits, void *fpst)
{
    int64_t i = v;

    if (!fbits && ((i >= -(1 << 24) && i <= 1 << 24) || hard_ok(fpst))) {
        return b32((float)i);
    }
    return int64_to_float32_scalbn(i, -(int)fbits, fpst);
}

float32 HELPER(vfp_u64_to_f32)(uint64_t v, uint32_t fbits, void *fpst)
{
    if (!fbits && (v <= 1 << 24 || hard_ok(fpst))) {
        return b32((float)v);
    }
    return uint64_to_float32_scalbn(v, -(int)fbits, fpst);
}

float64 HELPER(vfp_s64_to_f64)(uint64_t v, uint32_t fbits, void *fpst)
{
    int64_t i = v;

    if (!fbits && ((i >= -(INT64_C(1) << 53) && i <= INT64_C(1) << 53) ||
                   hard_ok(fpst))) {
        return b64((double)i);
    }
    return int64_to_float64_scalbn(i, -(int)fbits, fpst);
}

float64 HELPER(vfp_u64_to_f64)(uint64_t v, uint32_t fbits, void *fpst)
{
    if (!fbits && (v <= UINT64_C(1) << 53 || hard_ok(fpst))) {
        return b64((double)v);
    }
    return uint64_to_float64_scalbn(v, -(int)fbits, fpst);
}

/* ---- vector forms: one call per instruction --------------------------- */

/* d[i] = FN(n[i], data, fpst) for each lane; a Q=0 form clears [127:64]. */
#define VFP_GVEC_UNARY(NAME, TYPE, FN)                                      \
void HELPER(NAME)(void *vd, void *vn, void *fpst, uint32_t desc)            \
{                                                                           \
    unsigned oprsz = simd_oprsz(desc);                                      \
    uint32_t data = simd_data(desc);                                        \
    TYPE *d = vd, *n = vn;                                                  \
                                                                            \
    for (unsigned i = 0; i < oprsz / sizeof(TYPE); i++) {                   \
        d[i] = FN(n[i], data, fpst);                                        \
    }                                                                       \
    clear_tail(d, oprsz);                                                   \
}

static float32 s32_to_f32(uint32_t v, uint32_t fbits, float_status *st)
{
    return int32_to_float32_scalbn((int32_t)v, -(int)fbits, st);
}

static float32 u32_to_f32(uint32_t v, uint32_t fbits, float_status *st)
{
    return uint32_to_float32_scalbn(v, -(int)fbits, st);
}

static float64 s64_to_f64(uint64_t v, uint32_t fbits, float_status *st)
{
    return int64_to_float64_scalbn((int64_t)v, -(int)fbits, st);
}

static float64 u64_to_f64(uint64_t v, uint32_t fbits, float_status *st)
{
    return uint64_to_float64_scalbn(v, -(int)fbits, st);
}

VFP_GVEC_UNARY(vfp_gvec_rint_s, uint32_t, rint32)
VFP_GVEC_UNARY(vfp_gvec_rint_d, uint64_t, rint64)
VFP_GVEC_UNARY(vfp_gvec_rint_n_s, uint32_t, rint_n32)
VFP_GVEC_UNARY(vfp_gvec_rint_n_d, uint64_t, rint_n64)
VFP_GVEC_UNARY(vfp_gvec_f32_to_s32, uint32_t, f32_to_s32)
VFP_GVEC_UNARY(vfp_gvec_f32_to_u32, uint32_t, f32_to_u32)
VFP_GVEC_UNARY(vfp_gvec_f64_to_s64, uint64_t, f64_to_s64)
VFP_GVEC_UNARY(vfp_gvec_f64_to_u64, uint64_t, f64_to_u64)
VFP_GVEC_UNARY(vfp_gvec_s32_to_f32, uint32_t, s32_to_f32)
VFP_GVEC_UNARY(vfp_gvec_u32_to_f32, uint32_t, u32_to_f32)
VFP_GVEC_UNARY(vfp_gvec_s64_to_f64, uint64_t, s64_to_f64)
VFP_GVEC_UNARY(vfp_gvec_u64_to_f64, uint64_t, u64_to_f64)

/*
 * FCVTL{2}: the 64-bit half picked by Q widened to the full register.
 * Computed into a copy first: Vd may be Vn.
 */
void HELPER(vfp_gvec_fcvtl_h)(void *vd, void *vn, CPUARMState *env,
                              uint32_t desc)
{
    const uint16_t *n = (const uint16_t *)vn + (simd_data(desc) ? 4 : 0);
    uint32_t r[4];

    for (int i = 0; i < 4; i++) {
        r[i] = cvt_h_to_s(n[i], env);
    }
    memcpy(vd, r, 16);
}

void HELPER(vfp_gvec_fcvtl_s)(void *vd, void *vn, CPUARMState *env,
                              uint32_t desc)
{
    const uint32_t *n = (const uint32_t *)vn + (simd_data(desc) ? 2 : 0);
    uint64_t r[2];

    for (int i = 0; i < 2; i++) {
        r[i] = float32_to_float64(n[i], &env->vfp.fp_status);
    }
    memcpy(vd, r, 16);
}

/*
 * FCVTN{2}/FCVTXN{2}: the full register narrowed into 64 bits, written to
 * the low half (the high half zeroed) or, for the "2" forms (Q=1), to the
 * high half with the low half kept.
 */
static void narrow_store(void *vd, uint64_t r, uint32_t desc)
{
    uint64_t *d = vd;

    if (simd_data(desc)) {
        d[1] = r;
    } else {
        d[0] = r;
        d[1] = 0;
    }
}

void HELPER(vfp_gvec_fcvtn_s)(void *vd, void *vn, CPUARMState *env,
                              uint32_t desc)
{
    const uint32_t *n = vn;
    uint64_t r = 0;

    for (int i = 0; i < 4; i++) {
        r |= (uint64_t)cvt_s_to_h(n[i], env) << (16 * i);
    }
    narrow_store(vd, r, desc);
}

void HELPER(vfp_gvec_fcvtn_d)(void *vd, void *vn, CPUARMState *env,
                              uint32_t desc)
{
    const uint64_t *n = vn;
    uint64_t r = 0;

    for (int i = 0; i < 2; i++) {
        r |= (uint64_t)float64_to_float32(n[i], &env->vfp.fp_status) << (32 * i);
    }
    narrow_store(vd, r, desc);
}

void HELPER(vfp_gvec_fcvtxn)(void *vd, void *vn, CPUARMState *env,
                             uint32_t desc)
{
    const uint64_t *n = vn;
    uint64_t r = 0;

    for (int i = 0; i < 2; i++) {
        r |= (uint64_t)fcvtxn(n[i], &env->vfp.fp_status) << (32 * i);
    }
    narrow_store(vd, r, desc);
}
