/*
 * softfloat-arm.c - the Arm floating-point operations that are not IEEE
 * operations: the reciprocal and reciprocal square root estimates
 * (FRECPE, FRSQRTE, URECPE, URSQRTE), the reciprocal exponent (FRECPX)
 * and the Newton-Raphson step instructions (FRECPS, FRSQRTS).
 *
 * They follow the Arm ARM pseudocode (FPRecipEstimate, RecipEstimate,
 * FPRSqrtEstimate, RecipSqrtEstimate, FPRecpX, FPRecipStepFused,
 * FPRSqrtStepFused) bit for bit, for the 8-bit estimates (no FEAT_RPRES
 * increased precision, no FPCR.AH). They use only the public softfloat API;
 * the float_status carries FPCR: rounding mode, FZ (or FZ16 for half
 * precision), DN.
 */
#include "util/osdep.h"
#include "fpu/softfloat.h"

typedef struct ArmFmt {
    int n;              /* total bits */
    int exp_bits;
    int frac_bits;
} ArmFmt;

static const ArmFmt arm_f16 = { 16, 5, 10 };
static const ArmFmt arm_f32 = { 32, 8, 23 };
static const ArmFmt arm_f64 = { 64, 11, 52 };

/* RecipEstimate: a in [256, 512) is 0.5 <= x < 1 in steps of 1/512; the result is 1/x in [256, 512) / 256. */
static int recip_estimate(int a)
{
    int b;

    a = a * 2 + 1;
    b = (1 << 19) / a;
    return (b + 1) / 2;
}

/* RecipSqrtEstimate: a in [128, 512) is 0.25 <= x < 1; the result is 1/sqrt(x) scaled like recip_estimate. */
static int recip_sqrt_estimate(int a)
{
    int b = 512;

    if (a < 256) {
        a = a * 2 + 1;
    } else {
        a = (a >> 1) << 1;
        a = (a + 1) * 2;
    }
    while (a * (b + 1) * (b + 1) < (1 << 28)) {
        b++;
    }
    return (b + 1) / 2;
}

static inline uint64_t sign_bit(const ArmFmt *f)
{
    return 1ULL << (f->n - 1);
}

static inline int field_exp(uint64_t v, const ArmFmt *f)
{
    return (v >> f->frac_bits) & ((1 << f->exp_bits) - 1);
}

/* The fraction field widened to the pseudocode's 52 bits. */
static inline uint64_t field_frac52(uint64_t v, const ArmFmt *f)
{
    return (v & ((1ULL << f->frac_bits) - 1)) << (52 - f->frac_bits);
}

static inline uint64_t pack(bool sign, uint64_t exp, uint64_t frac52, const ArmFmt *f)
{
    return (sign ? sign_bit(f) : 0) | (exp << f->frac_bits) | (frac52 >> (52 - f->frac_bits));
}

static inline uint64_t max_normal(bool sign, const ArmFmt *f)
{
    return pack(sign, (1ULL << f->exp_bits) - 2, (1ULL << 52) - 1, f);
}

static inline uint64_t infinity(bool sign, const ArmFmt *f)
{
    return pack(sign, (1ULL << f->exp_bits) - 1, 0, f);
}

/* Unpack-level classification of an operand after the FZ input flush. */
typedef enum { ARM_ZERO, ARM_NUMBER, ARM_INF, ARM_NAN } ArmClass;

static uint64_t squash(uint64_t v, const ArmFmt *f, float_status *s)
{
    switch (f->n) {
    case 16:
        return float16_squash_input_denormal(v, s);
    case 32:
        return float32_squash_input_denormal(v, s);
    default:
        return float64_squash_input_denormal(v, s);
    }
}

static ArmClass classify(uint64_t v, const ArmFmt *f)
{
    int e = field_exp(v, f);
    uint64_t frac = v & ((1ULL << f->frac_bits) - 1);

    if (e == (1 << f->exp_bits) - 1) {
        return frac ? ARM_NAN : ARM_INF;
    }
    return (e == 0 && frac == 0) ? ARM_ZERO : ARM_NUMBER;
}

/* FPProcessNaN: quiet a signaling NaN (Invalid), or the default NaN with FPCR.DN. */
static uint64_t process_nan(uint64_t v, const ArmFmt *f, float_status *s)
{
    switch (f->n) {
    case 16:
        if (float16_is_signaling_nan(v, s)) {
            float_raise(float_flag_invalid | float_flag_invalid_snan, s);
            v = float16_silence_nan(v, s);
        }
        return s->default_nan_mode ? float16_default_nan(s) : v;
    case 32:
        if (float32_is_signaling_nan(v, s)) {
            float_raise(float_flag_invalid | float_flag_invalid_snan, s);
            v = float32_silence_nan(v, s);
        }
        return s->default_nan_mode ? float32_default_nan(s) : v;
    default:
        if (float64_is_signaling_nan(v, s)) {
            float_raise(float_flag_invalid | float_flag_invalid_snan, s);
            v = float64_silence_nan(v, s);
        }
        return s->default_nan_mode ? float64_default_nan(s) : v;
    }
}

static uint64_t default_nan(const ArmFmt *f, float_status *s)
{
    switch (f->n) {
    case 16:
        return float16_default_nan(s);
    case 32:
        return float32_default_nan(s);
    default:
        return float64_default_nan(s);
    }
}

static uint64_t recpe(uint64_t v, const ArmFmt *f, float_status *s)
{
    bool sign;
    int exp, result_exp;
    uint64_t frac;
    /* Biased exponents of 2^-(emax+1) (below it 1/x overflows) and of 2^(emax-1) (above it 1/x is denormal). */
    const int bias = (1 << (f->exp_bits - 1)) - 1;

    v = squash(v, f, s);
    sign = v & sign_bit(f);
    switch (classify(v, f)) {
    case ARM_NAN:
        return process_nan(v, f, s);
    case ARM_INF:
        return pack(sign, 0, 0, f);
    case ARM_ZERO:
        float_raise(float_flag_divbyzero, s);
        return infinity(sign, f);
    case ARM_NUMBER:
        break;
    }
    exp = field_exp(v, f);
    frac = field_frac52(v, f);
    /* |x| < 2^-(bias + 1): the denormals whose top two fraction bits are clear. */
    if (exp == 0 && (frac >> 50) == 0) {
        FloatRoundMode rm = get_float_rounding_mode(s);
        bool to_inf = rm == float_round_to_zero ? false
                    : rm == float_round_up ? !sign
                    : rm == float_round_down ? sign : true;

        float_raise(float_flag_overflow | float_flag_inexact, s);
        return to_inf ? infinity(sign, f) : max_normal(sign, f);
    }
    if (s->flush_to_zero && exp >= 2 * bias - 1) {
        float_raise(float_flag_underflow, s);
        return pack(sign, 0, 0, f);
    }
    if (exp == 0) {
        if (!(frac >> 51)) {
            exp = -1;
            frac = (frac << 2) & ((1ULL << 52) - 1);
        } else {
            frac = (frac << 1) & ((1ULL << 52) - 1);
        }
    }
    result_exp = 2 * bias - 1 - exp;
    frac = (uint64_t)(recip_estimate(256 | (int)(frac >> 44)) & 0xff) << 44;
    if (result_exp == 0) {
        frac = (1ULL << 51) | (frac >> 1);
    } else if (result_exp == -1) {
        frac = (1ULL << 50) | (frac >> 2);
        result_exp = 0;
    }
    return pack(sign, result_exp, frac, f);
}

static uint64_t rsqrte(uint64_t v, const ArmFmt *f, float_status *s)
{
    bool sign;
    int exp, scaled, estimate;
    uint64_t frac;
    const int bias = (1 << (f->exp_bits - 1)) - 1;

    v = squash(v, f, s);
    sign = v & sign_bit(f);
    switch (classify(v, f)) {
    case ARM_NAN:
        return process_nan(v, f, s);
    case ARM_ZERO:
        float_raise(float_flag_divbyzero, s);
        return infinity(sign, f);
    case ARM_INF:
        if (!sign) {
            return 0;
        }
        break;
    case ARM_NUMBER:
        break;
    }
    if (sign) {
        float_raise(float_flag_invalid | float_flag_invalid_sqrt, s);
        return default_nan(f, s);
    }
    exp = field_exp(v, f);
    frac = field_frac52(v, f);
    if (exp == 0) {
        while (!(frac >> 51)) {
            frac <<= 1;
            exp--;
        }
        frac = (frac << 1) & ((1ULL << 52) - 1);
    }
    /* Keep the parity of the exponent: odd ones scale into [0.25, 0.5). */
    if (exp & 1) {
        scaled = 128 | (int)(frac >> 45);
    } else {
        scaled = 256 | (int)(frac >> 44);
    }
    estimate = recip_sqrt_estimate(scaled);
    /* (3 * bias - 1 - exp) / 2 with floor division; the numerator is positive. */
    return pack(false, (3 * bias - 1 - exp) / 2, (uint64_t)(estimate & 0xff) << 44, f);
}

static uint64_t recpx(uint64_t v, const ArmFmt *f, float_status *s)
{
    bool sign;
    int exp;
    const int ones = (1 << f->exp_bits) - 1;

    v = squash(v, f, s);
    sign = v & sign_bit(f);
    if (classify(v, f) == ARM_NAN) {
        return process_nan(v, f, s);
    }
    exp = field_exp(v, f);
    return pack(sign, exp == 0 ? ones - 1 : (~exp & ones), 0, f);
}

#define ARM_ESTIMATES(T, FMT)                                               \
    T T##_arm_recpe(T a, float_status *s)                                   \
    {                                                                       \
        return (T)recpe(a, &FMT, s);                                        \
    }                                                                       \
    T T##_arm_rsqrte(T a, float_status *s)                                  \
    {                                                                       \
        return (T)rsqrte(a, &FMT, s);                                       \
    }                                                                       \
    T T##_arm_recpx(T a, float_status *s)                                   \
    {                                                                       \
        return (T)recpx(a, &FMT, s);                                        \
    }

ARM_ESTIMATES(float16, arm_f16)
ARM_ESTIMATES(float32, arm_f32)
ARM_ESTIMATES(float64, arm_f64)

/*
 * FRECPS = 2 - a * b and FRSQRTS = (3 - a * b) / 2, fused. The pseudocode
 * negates a with FPNeg first, so a NaN a comes back with its sign flipped;
 * 0 * inf gives exactly 2.0 (1.5) without Invalid.
 */
#define ARM_STEPS(T, TWO, THREE, ONE_POINT_FIVE)                            \
    T T##_arm_recps(T a, T b, float_status *s)                              \
    {                                                                       \
        a = T##_chs(T##_squash_input_denormal(a, s));                       \
        b = T##_squash_input_denormal(b, s);                                \
        if ((T##_is_infinity(a) && T##_is_zero(b)) ||                       \
            (T##_is_zero(a) && T##_is_infinity(b))) {                       \
            return TWO;                                                     \
        }                                                                   \
        return T##_muladd(a, b, TWO, 0, s);                                 \
    }                                                                       \
    T T##_arm_rsqrts(T a, T b, float_status *s)                             \
    {                                                                       \
        a = T##_chs(T##_squash_input_denormal(a, s));                       \
        b = T##_squash_input_denormal(b, s);                                \
        if ((T##_is_infinity(a) && T##_is_zero(b)) ||                       \
            (T##_is_zero(a) && T##_is_infinity(b))) {                       \
            return ONE_POINT_FIVE;                                          \
        }                                                                   \
        return T##_muladd(a, b, THREE, float_muladd_halve_result, s);       \
    }

ARM_STEPS(float16, 0x4000, 0x4200, 0x3e00)
ARM_STEPS(float32, 0x40000000, 0x40400000, 0x3fc00000)
ARM_STEPS(float64, 0x4000000000000000ULL, 0x4008000000000000ULL, 0x3ff8000000000000ULL)

uint32_t arm_urecpe_u32(uint32_t a)
{
    if (!(a >> 31)) {
        return UINT32_MAX;
    }
    return (uint32_t)(recip_estimate(a >> 23) & 0x1ff) << 23;
}

uint32_t arm_ursqrte_u32(uint32_t a)
{
    if (!(a >> 30)) {
        return UINT32_MAX;
    }
    return (uint32_t)(recip_sqrt_estimate(a >> 23) & 0x1ff) << 23;
}
