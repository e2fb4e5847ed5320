/*
 * softfloat.c - plumb's software IEEE 754 arithmetic.
 *
 * Design: every operation unpacks its operands into FloatParts (class,
 * sign, unbiased exponent, a 64-bit fraction with the leading 1 at bit 63),
 * works on those with exact integer arithmetic (unsigned __int128 where a
 * product or a quotient needs it), keeps every discarded bit as a "sticky"
 * bit in bit 0, and rounds exactly once in round_pack() into the
 * destination format. One engine serves float16, bfloat16, float32 and
 * float64: the formats only differ by the FloatFmt numbers, and the public
 * per-format functions come from softfloat-ops.c.inc included once per
 * format at the end of this file.
 *
 * The rules that differ between architectures (NaN choice, default NaN,
 * tininess, flushing) are fields of float_status; see
 * docs/devel/softfloat.md for what Arm, x86 and PPC set. The host FPU is
 * never used here.
 */
#include "util/osdep.h"
#include "fpu/softfloat.h"

typedef unsigned __int128 uint128_t;

typedef enum FloatClass {
    FC_ZERO,
    FC_NORMAL,      /* also denormal inputs: they are normalized on unpack */
    FC_INF,
    FC_QNAN,
    FC_SNAN,
} FloatClass;

/*
 * A normal number is frac * 2^(exp - 63) with bit 63 of frac set; bits
 * below the destination precision may carry sticky information (any 1 in
 * bit 0 stands for "something nonzero was shifted out").
 * A NaN keeps its fraction field left-aligned: the quiet bit at bit 63.
 */
typedef struct FloatParts {
    FloatClass cls;
    bool sign;
    int32_t exp;
    uint64_t frac;
} FloatParts;

typedef struct FloatFmt {
    int exp_bits;
    int frac_bits;
    int bias;
    int emax;           /* largest biased exponent of a finite number */
    bool has_infnan;    /* false for Arm's alternative half precision */
} FloatFmt;

static const FloatFmt float16_fmt  = { 5, 10, 15, 30, true };
static const FloatFmt float16_ahp_fmt = { 5, 10, 15, 31, false };
static const FloatFmt bfloat16_fmt = { 8, 7, 127, 254, true };
static const FloatFmt float32_fmt  = { 8, 23, 127, 254, true };
static const FloatFmt float64_fmt  = { 11, 52, 1023, 2046, true };

/* Exponents beyond this only matter as "huge" or "tiny"; clamping keeps int32 math safe. */
#define EXP_CLAMP 0x10000

/* ------------------------------------------------------------------ */
/* Status presets                                                      */
/* ------------------------------------------------------------------ */

void softfloat_status_init_arm(float_status *s)
{
    memset(s, 0, sizeof(*s));
    s->float_rounding_mode = float_round_nearest_even;
    s->float_2nan_prop_rule = float_2nan_prop_s_ab;
    s->float_3nan_prop_rule = float_3nan_prop_s_cab;
    s->float_infzeronan_rule = float_infzeronan_dnan_if_qnan;
    s->default_nan_pattern = 0x40;
    s->tininess_before_rounding = true;
}

void softfloat_status_init_x86(float_status *s)
{
    memset(s, 0, sizeof(*s));
    s->float_rounding_mode = float_round_nearest_even;
    s->float_2nan_prop_rule = float_2nan_prop_ab;
    s->float_3nan_prop_rule = float_3nan_prop_abc;
    s->float_infzeronan_rule = float_infzeronan_dnan_never | float_infzeronan_suppress_invalid;
    s->default_nan_pattern = 0xc0;
    s->tininess_before_rounding = false;
    s->ftz_after_rounding = true;       /* takes effect when the target sets MXCSR.FTZ */
}

void softfloat_status_init_x87(float_status *s)
{
    softfloat_status_init_x86(s);
    s->float_2nan_prop_rule = float_2nan_prop_x87;
    s->floatx80_rounding_precision = floatx80_precision_x;
}

void softfloat_status_init_ppc(float_status *s)
{
    memset(s, 0, sizeof(*s));
    s->float_rounding_mode = float_round_nearest_even;
    s->float_2nan_prop_rule = float_2nan_prop_ab;
    s->float_3nan_prop_rule = float_3nan_prop_acb;
    s->float_infzeronan_rule = float_infzeronan_dnan_never;
    s->default_nan_pattern = 0x40;
    s->tininess_before_rounding = true;
}

/* ------------------------------------------------------------------ */
/* Small integer helpers                                               */
/* ------------------------------------------------------------------ */

static inline int clz64(uint64_t x)
{
    return x ? __builtin_clzll(x) : 64;
}

static inline int clz128(uint128_t x)
{
    uint64_t hi = (uint64_t)(x >> 64);
    return hi ? __builtin_clzll(hi) : 64 + clz64((uint64_t)x);
}

static inline uint64_t shift_right_jam64(uint64_t x, int n)
{
    if (n <= 0) {
        return x;
    }
    if (n >= 64) {
        return x != 0;
    }
    return (x >> n) | ((x << (64 - n)) != 0);
}

static inline uint128_t shift_right_jam128(uint128_t x, int n)
{
    if (n <= 0) {
        return x;
    }
    if (n >= 128) {
        return x != 0;
    }
    return (x >> n) | ((x << (128 - n)) != 0);
}

static inline int32_t clamp_exp(int64_t e)
{
    return e > EXP_CLAMP ? EXP_CLAMP : e < -EXP_CLAMP ? -EXP_CLAMP : (int32_t)e;
}

static inline bool is_nan(const FloatParts *p)
{
    return p->cls == FC_QNAN || p->cls == FC_SNAN;
}

/* Value 128-bit r * 2^(e127 - 127), rounded to 64 bits with sticky. r != 0. */
static FloatParts normalize128(bool sign, int32_t e127, uint128_t r)
{
    FloatParts p;
    int lz = clz128(r);

    r <<= lz;
    p.cls = FC_NORMAL;
    p.sign = sign;
    p.exp = clamp_exp((int64_t)e127 - lz);
    p.frac = (uint64_t)(r >> 64) | ((uint64_t)r != 0);
    return p;
}

/* Value m * 2^e as parts; m != 0. */
static FloatParts parts_from_uint(bool sign, uint64_t m, int32_t e)
{
    FloatParts p;
    int lz = clz64(m);

    p.cls = FC_NORMAL;
    p.sign = sign;
    p.frac = m << lz;
    p.exp = clamp_exp((int64_t)e + 63 - lz);
    return p;
}

/* ------------------------------------------------------------------ */
/* NaNs                                                                */
/* ------------------------------------------------------------------ */

static FloatParts parts_default_nan(const float_status *s)
{
    uint8_t pat = s->default_nan_pattern;
    FloatParts p;

    if (pat == 0) {
        pat = s->snan_bit_is_one ? 0x3f : 0x40;
    }
    p.cls = FC_QNAN;
    p.sign = pat >> 7;
    p.exp = 0;
    /* Top 7 fraction bits from the pattern, the rest copies of its bit 0. */
    p.frac = (uint64_t)(pat & 0x7f) << 57;
    if (pat & 1) {
        p.frac |= (1ULL << 57) - 1;
    }
    return p;
}

static FloatParts parts_silence_nan(FloatParts p, const float_status *s)
{
    if (s->snan_bit_is_one) {
        /* Clearing the bit could leave an infinity: use the default NaN's payload. */
        FloatParts d = parts_default_nan(s);
        d.sign = p.sign;
        return d;
    }
    p.frac |= 1ULL << 63;
    p.cls = FC_QNAN;
    return p;
}

/* The result of a one-operand operation on a NaN (sqrt, round, convert). */
static FloatParts return_nan(FloatParts p, float_status *s)
{
    if (p.cls == FC_SNAN) {
        float_raise(float_flag_invalid | float_flag_invalid_snan, s);
    }
    if (s->default_nan_mode) {
        return parts_default_nan(s);
    }
    if (p.cls == FC_SNAN) {
        p = parts_silence_nan(p, s);
    }
    return p;
}

/* An invalid operation without NaN operands; why is one of float_flag_invalid_*. */
static FloatParts invalid_nan(float_status *s, int why)
{
    float_raise(float_flag_invalid | why, s);
    return parts_default_nan(s);
}

/*
 * At least one of a, b is a NaN: raise Invalid for a signaling one and say
 * which operand the result is (0 = a, 1 = b), or -1 for the default NaN.
 */
static int pick_nan2_index(const FloatParts *a, const FloatParts *b, float_status *s)
{
    bool a_nan = is_nan(a), b_nan = is_nan(b);
    bool a_snan = a->cls == FC_SNAN, b_snan = b->cls == FC_SNAN;
    bool take_a;

    if (a_snan || b_snan) {
        float_raise(float_flag_invalid | float_flag_invalid_snan, s);
    }
    if (s->default_nan_mode) {
        return -1;
    }
    switch (s->float_2nan_prop_rule) {
    default:
    case float_2nan_prop_s_ab:
        take_a = a_snan || (!b_snan && a_nan);
        break;
    case float_2nan_prop_s_ba:
        take_a = !b_snan && (a_snan || !b_nan);
        break;
    case float_2nan_prop_ab:
        take_a = a_nan;
        break;
    case float_2nan_prop_ba:
        take_a = !b_nan;
        break;
    case float_2nan_prop_x87:
        if (!a_nan || !b_nan) {
            take_a = a_nan;
        } else if (a_snan != b_snan) {
            take_a = b_snan;            /* the quiet one */
        } else {
            /* Larger significand; on a tie the positive one (checked on the host x87). */
            uint64_t fa = a->frac & ~(1ULL << 63), fb = b->frac & ~(1ULL << 63);
            take_a = fa > fb || (fa == fb && a->sign <= b->sign);
        }
        break;
    }
    return take_a ? 0 : 1;
}

static FloatParts pick_nan2(FloatParts a, FloatParts b, float_status *s)
{
    int i = pick_nan2_index(&a, &b, s);

    if (i < 0) {
        return parts_default_nan(s);
    }
    a = i == 0 ? a : b;
    if (a.cls == FC_SNAN) {
        a = parts_silence_nan(a, s);
    }
    return a;
}

/* Operand orders of the 3-NaN rules, indexed by Float3NaNPropRule. */
static const struct {
    uint8_t order[3];
    bool snan_first;
} nan3_rules[] = {
    [float_3nan_prop_s_cab] = { { 2, 0, 1 }, true },
    [float_3nan_prop_s_abc] = { { 0, 1, 2 }, true },
    [float_3nan_prop_s_acb] = { { 0, 2, 1 }, true },
    [float_3nan_prop_s_bac] = { { 1, 0, 2 }, true },
    [float_3nan_prop_s_bca] = { { 1, 2, 0 }, true },
    [float_3nan_prop_s_cba] = { { 2, 1, 0 }, true },
    [float_3nan_prop_abc]   = { { 0, 1, 2 }, false },
    [float_3nan_prop_acb]   = { { 0, 2, 1 }, false },
    [float_3nan_prop_bac]   = { { 1, 0, 2 }, false },
    [float_3nan_prop_bca]   = { { 1, 2, 0 }, false },
    [float_3nan_prop_cab]   = { { 2, 0, 1 }, false },
    [float_3nan_prop_cba]   = { { 2, 1, 0 }, false },
};

/* At least one of a, b, c is a NaN: as pick_nan2_index, 0/1/2 for a/b/c. */
static int pick_nan3_index(const FloatParts *a, const FloatParts *b, const FloatParts *c,
                           float_status *s)
{
    const FloatParts *ops[3] = { a, b, c };
    unsigned rule = s->float_3nan_prop_rule;
    bool any_snan = a->cls == FC_SNAN || b->cls == FC_SNAN || c->cls == FC_SNAN;

    if (any_snan) {
        float_raise(float_flag_invalid | float_flag_invalid_snan, s);
    }
    if (s->default_nan_mode) {
        return -1;
    }
    if (rule >= ARRAY_SIZE(nan3_rules)) {
        rule = float_3nan_prop_s_cab;
    }
    if (nan3_rules[rule].snan_first && any_snan) {
        for (int i = 0; i < 3; i++) {
            if (ops[nan3_rules[rule].order[i]]->cls == FC_SNAN) {
                return nan3_rules[rule].order[i];
            }
        }
    }
    for (int i = 0; i < 3; i++) {
        if (is_nan(ops[nan3_rules[rule].order[i]])) {
            return nan3_rules[rule].order[i];
        }
    }
    return -1;
}

static FloatParts pick_nan3(FloatParts a, FloatParts b, FloatParts c, float_status *s)
{
    int i = pick_nan3_index(&a, &b, &c, s);
    FloatParts r;

    if (i < 0) {
        return parts_default_nan(s);
    }
    r = i == 0 ? a : i == 1 ? b : c;
    if (r.cls == FC_SNAN) {
        r = parts_silence_nan(r, s);
    }
    return r;
}

/* ------------------------------------------------------------------ */
/* Unpack and round-and-pack                                           */
/* ------------------------------------------------------------------ */

static ALWAYS_INLINE FloatParts unpack_raw(uint64_t bits, const FloatFmt *f, const float_status *s)
{
    FloatParts p;
    int fb = f->frac_bits;
    uint64_t frac = bits & ((1ULL << fb) - 1);
    int exp = (bits >> fb) & ((1 << f->exp_bits) - 1);

    p.sign = (bits >> (fb + f->exp_bits)) & 1;
    p.exp = 0;
    p.frac = 0;
    if (exp == 0) {
        if (frac == 0) {
            p.cls = FC_ZERO;
        } else {
            int lz = clz64(frac);
            p.cls = FC_NORMAL;
            p.frac = frac << lz;
            p.exp = 1 - f->bias - fb + 63 - lz;
        }
    } else if (exp == (1 << f->exp_bits) - 1 && f->has_infnan) {
        if (frac == 0) {
            p.cls = FC_INF;
        } else {
            p.frac = frac << (64 - fb);
            p.cls = ((p.frac >> 63) ^ s->snan_bit_is_one) ? FC_QNAN : FC_SNAN;
        }
    } else {
        p.cls = FC_NORMAL;
        p.frac = (frac | (1ULL << fb)) << (63 - fb);
        p.exp = exp - f->bias;
    }
    return p;
}

static inline bool is_denormal_bits(uint64_t bits, const FloatFmt *f)
{
    return ((bits >> f->frac_bits) & ((1 << f->exp_bits) - 1)) == 0 &&
           (bits & ((1ULL << f->frac_bits) - 1)) != 0;
}

/* Unpack an operand, applying the input flush (Arm FPUnpack with FZ=1). */
static ALWAYS_INLINE FloatParts unpack(uint64_t bits, const FloatFmt *f, float_status *s)
{
    if (s->flush_inputs_to_zero && is_denormal_bits(bits, f)) {
        FloatParts p = { FC_ZERO, (bits >> (f->frac_bits + f->exp_bits)) & 1, 0, 0 };
        float_raise(float_flag_input_denormal, s);
        return p;
    }
    return unpack_raw(bits, f, s);
}

/* Should m (the kept bits) be incremented given the discarded bits rbits of width shift? */
static inline bool round_increment(uint64_t m, uint64_t rbits, int shift,
                                   FloatRoundMode rm, bool sign)
{
    uint64_t half = 1ULL << (shift - 1);

    if (rbits == 0) {
        return false;
    }
    switch (rm) {
    case float_round_nearest_even:
        return rbits > half || (rbits == half && (m & 1));
    case float_round_ties_away:
        return rbits >= half;
    case float_round_up:
        return !sign;
    case float_round_down:
        return sign;
    case float_round_to_zero:
    case float_round_to_odd:
    default:
        return false;
    }
}

static ALWAYS_INLINE uint64_t round_pack(FloatParts p, const FloatFmt *f, float_status *s)
{
    const int fb = f->frac_bits;
    const uint64_t frac_mask = (1ULL << fb) - 1;
    const uint64_t exp_ones = (1ULL << f->exp_bits) - 1;
    const uint64_t sign = (uint64_t)p.sign << (fb + f->exp_bits);
    const uint64_t max_finite = sign | ((uint64_t)f->emax << fb) | frac_mask;
    const FloatRoundMode rm = s->float_rounding_mode;
    const int shift = 63 - fb;
    const uint64_t rmask = (1ULL << shift) - 1;
    uint64_t m, rbits, frac;
    int32_t e;

    switch (p.cls) {
    case FC_ZERO:
        return sign;
    case FC_INF:
        return f->has_infnan ? sign | (exp_ones << fb) : max_finite;
    case FC_QNAN:
    case FC_SNAN:
        frac = p.frac >> (64 - fb);
        if (frac == 0) {
            /* Narrowing dropped every payload bit: keep it a NaN. */
            frac = parts_default_nan(s).frac >> (64 - fb);
        }
        return sign | (exp_ones << fb) | frac;
    case FC_NORMAL:
        break;
    }

    frac = p.frac;
    e = p.exp + f->bias;
    if (e >= 1) {
        m = frac >> shift;
        rbits = frac & rmask;
        if (rbits) {
            if (round_increment(m, rbits, shift, rm, p.sign)) {
                m++;
            } else if (rm == float_round_to_odd) {
                m |= 1;
            }
            if (m >> (fb + 1)) {
                m >>= 1;
                e++;
            }
        }
        if (e > f->emax) {
            if (!f->has_infnan) {
                /* Arm AHP: saturate with Invalid; the result counts as exact. */
                float_raise(float_flag_invalid, s);
                return max_finite;
            }
            float_raise(float_flag_overflow | float_flag_inexact, s);
            if (rm == float_round_nearest_even || rm == float_round_ties_away ||
                (rm == float_round_up && !p.sign) || (rm == float_round_down && p.sign)) {
                return sign | (exp_ones << fb);
            }
            return max_finite;
        }
        if (rbits) {
            float_raise(float_flag_inexact, s);
        }
        return sign | ((uint64_t)e << fb) | (m & frac_mask);
    }

    /*
     * The unrounded result is below the normal range. Arm flushes it now
     * (FPRoundBase) and reports only the flush; x86 FTZ flushes only what
     * is still tiny after rounding and reports underflow and inexact.
     */
    if (s->flush_to_zero && !s->ftz_after_rounding) {
        float_raise(float_flag_output_denormal, s);
        return sign;
    }
    bool tiny = true;
    if (e == 0 && (!s->tininess_before_rounding || s->flush_to_zero)) {
        /* Would rounding to full precision, exponent unbounded, reach 2^emin? */
        m = frac >> shift;
        rbits = frac & rmask;
        if (round_increment(m, rbits, shift, rm, p.sign) && ((m + 1) >> (fb + 1))) {
            tiny = false;
        }
    }
    if (s->flush_to_zero && tiny) {
        float_raise(float_flag_output_denormal | float_flag_underflow | float_flag_inexact, s);
        return sign;
    }
    frac = shift_right_jam64(frac, 1 - e);
    m = frac >> shift;
    rbits = frac & rmask;
    if (rbits) {
        float_raise(tiny ? float_flag_inexact | float_flag_underflow : float_flag_inexact, s);
        if (round_increment(m, rbits, shift, rm, p.sign)) {
            m++;        /* may carry into the exponent field: the minimum normal */
        } else if (rm == float_round_to_odd) {
            m |= 1;
        }
    }
    return sign | m;
}

/* ------------------------------------------------------------------ */
/* Arithmetic on parts                                                 */
/* ------------------------------------------------------------------ */

static FloatParts zero_parts(bool sign)
{
    FloatParts p = { FC_ZERO, sign, 0, 0 };
    return p;
}

static FloatParts inf_parts(bool sign)
{
    FloatParts p = { FC_INF, sign, 0, 0 };
    return p;
}

/*
 * Both normal: a + b as parts with sticky. The operands come from unpack()
 * of formats of at most 53 significant bits, so their fractions end in at
 * least 11 zero bits: shifting right by one for the carry loses nothing,
 * and 62 bits of sum keep more than two bits below any of these formats.
 */
static FloatParts add_normals(FloatParts a, FloatParts b, float_status *s)
{
    uint64_t ma = a.frac >> 1, mb = b.frac >> 1, r;
    int32_t e;
    bool sign;
    int lz;
    FloatParts p;

    if (a.exp >= b.exp) {
        mb = shift_right_jam64(mb, a.exp - b.exp);
        e = a.exp;
    } else {
        ma = shift_right_jam64(ma, b.exp - a.exp);
        e = b.exp;
    }
    if (a.sign == b.sign) {
        r = ma + mb;
        sign = a.sign;
    } else if (ma >= mb) {
        r = ma - mb;
        sign = a.sign;
    } else {
        r = mb - ma;
        sign = b.sign;
    }
    if (r == 0) {
        /* Exact cancellation: +0, or -0 when rounding down (IEEE 754 6.3). */
        return zero_parts(s->float_rounding_mode == float_round_down);
    }
    lz = clz64(r);
    p.cls = FC_NORMAL;
    p.sign = sign;
    p.frac = r << lz;
    p.exp = e + 1 - lz;
    return p;
}

static FloatParts parts_addsub(FloatParts a, FloatParts b, bool subtract, float_status *s)
{
    if (is_nan(&a) || is_nan(&b)) {
        return pick_nan2(a, b, s);
    }
    b.sign ^= subtract;
    if (a.cls == FC_INF) {
        if (b.cls == FC_INF && a.sign != b.sign) {
            return invalid_nan(s, float_flag_invalid_isi);
        }
        return a;
    }
    if (b.cls == FC_INF) {
        return b;
    }
    if (a.cls == FC_ZERO) {
        if (b.cls == FC_ZERO) {
            bool sign = a.sign == b.sign ? a.sign
                        : s->float_rounding_mode == float_round_down;
            return zero_parts(sign);
        }
        return b;
    }
    if (b.cls == FC_ZERO) {
        return a;
    }
    return add_normals(a, b, s);
}

static FloatParts parts_mul(FloatParts a, FloatParts b, float_status *s)
{
    bool sign = a.sign ^ b.sign;

    if (is_nan(&a) || is_nan(&b)) {
        return pick_nan2(a, b, s);
    }
    if ((a.cls == FC_INF && b.cls == FC_ZERO) || (a.cls == FC_ZERO && b.cls == FC_INF)) {
        return invalid_nan(s, float_flag_invalid_imz);
    }
    if (a.cls == FC_INF || b.cls == FC_INF) {
        return inf_parts(sign);
    }
    if (a.cls == FC_ZERO || b.cls == FC_ZERO) {
        return zero_parts(sign);
    }
    return normalize128(sign, a.exp + b.exp + 1, (uint128_t)a.frac * b.frac);
}

static FloatParts parts_div(FloatParts a, FloatParts b, float_status *s)
{
    bool sign = a.sign ^ b.sign;
    uint128_t num, q;

    if (is_nan(&a) || is_nan(&b)) {
        return pick_nan2(a, b, s);
    }
    if (a.cls == FC_INF && b.cls == FC_INF) {
        return invalid_nan(s, float_flag_invalid_idi);
    }
    if (a.cls == FC_ZERO && b.cls == FC_ZERO) {
        return invalid_nan(s, float_flag_invalid_zdz);
    }
    if (a.cls == FC_INF) {
        return inf_parts(sign);
    }
    if (b.cls == FC_ZERO) {
        /* Only a finite nonzero dividend divides by zero (IEEE 754 7.3). */
        float_raise(float_flag_divbyzero, s);
        return inf_parts(sign);
    }
    if (a.cls == FC_ZERO || b.cls == FC_INF) {
        return zero_parts(sign);
    }
    num = (uint128_t)a.frac << 64;
    q = num / b.frac;
    q |= (num % b.frac) != 0;
    return normalize128(sign, a.exp - b.exp + 63, q);
}

/*
 * floor(sqrt(n)) for n < 2^(2k), k <= 64, and whether it was exact: the
 * digit-by-digit method, one result bit per step, in 64-bit arithmetic
 * when n fits.
 */
static uint64_t isqrt(uint128_t n, int k, bool *exact)
{
    if (k <= 32) {
        uint64_t n64 = (uint64_t)n, res = 0, bit = 1ULL << (2 * k - 2);

        while (bit) {
            if (n64 >= res + bit) {
                n64 -= res + bit;
                res = (res >> 1) + bit;
            } else {
                res >>= 1;
            }
            bit >>= 2;
        }
        *exact = n64 == 0;
        return res;
    }

    uint128_t res = 0, bit = (uint128_t)1 << (2 * k - 2);

    while (bit) {
        if (n >= res + bit) {
            n -= res + bit;
            res = (res >> 1) + bit;
        } else {
            res >>= 1;
        }
        bit >>= 2;
    }
    *exact = n == 0;
    return (uint64_t)res;
}

/*
 * Only frac_bits + 3 bits of the root are computed (one for the leading 1,
 * two below the lsb, the rest is sticky): floor(sqrt(n >> 2d)) is
 * floor(sqrt(n) / 2^d), so the shorter root is the truncation of the full
 * one, and it is exact iff its remainder and the dropped bits are zero.
 */
static FloatParts parts_sqrt(FloatParts a, int frac_bits, float_status *s)
{
    uint128_t n;
    int32_t half;
    int k = frac_bits + 3, drop = 2 * (64 - k);
    bool exact;
    uint64_t root;

    if (is_nan(&a)) {
        return return_nan(a, s);
    }
    if (a.cls == FC_ZERO) {
        return a;               /* sqrt(-0) = -0 */
    }
    if (a.sign) {
        return invalid_nan(s, float_flag_invalid_sqrt);
    }
    if (a.cls == FC_INF) {
        return a;
    }
    /* Make the power of two even so that it halves exactly. */
    if (a.exp & 1) {
        n = (uint128_t)a.frac << 64;      /* a = n * 2^(exp - 127) */
        half = (a.exp - 127) / 2;
    } else {
        n = (uint128_t)a.frac << 63;      /* a = n * 2^(exp - 126) */
        half = (a.exp - 126) / 2;
    }
    root = isqrt(n >> drop, k, &exact);
    exact = exact && (n & (((uint128_t)1 << drop) - 1)) == 0;
    a.frac = (root << (64 - k)) | !exact;
    a.exp = half + 63;
    return a;
}

static FloatParts parts_muladd(FloatParts a, FloatParts b, FloatParts c, int flags,
                               float_status *s)
{
    bool infzero = (a.cls == FC_INF && b.cls == FC_ZERO) ||
                   (a.cls == FC_ZERO && b.cls == FC_INF);
    bool psign;
    FloatParts r;

    if (is_nan(&a) || is_nan(&b) || is_nan(&c)) {
        if (infzero) {
            int rule = s->float_infzeronan_rule & ~float_infzeronan_suppress_invalid;

            if (!(s->float_infzeronan_rule & float_infzeronan_suppress_invalid)) {
                float_raise(float_flag_invalid | float_flag_invalid_imz, s);
            }
            if (rule == float_infzeronan_dnan_always ||
                (rule == float_infzeronan_dnan_if_qnan && c.cls == FC_QNAN)) {
                return parts_default_nan(s);
            }
        }
        return pick_nan3(a, b, c, s);
    }
    if (infzero) {
        return invalid_nan(s, float_flag_invalid_imz);
    }
    psign = a.sign ^ b.sign ^ !!(flags & float_muladd_negate_product);
    c.sign ^= !!(flags & float_muladd_negate_c);

    if (a.cls == FC_INF || b.cls == FC_INF) {
        if (c.cls == FC_INF && c.sign != psign) {
            return invalid_nan(s, float_flag_invalid_isi);
        }
        r = inf_parts(psign);
    } else if (c.cls == FC_INF) {
        r = c;
    } else if (a.cls == FC_ZERO || b.cls == FC_ZERO) {
        if (c.cls == FC_ZERO) {
            r = zero_parts(c.sign == psign ? psign
                           : s->float_rounding_mode == float_round_down);
        } else {
            r = c;
        }
    } else {
        /* Exact product, leading bit at 126 or 125 after the shift; its low bits are zero. */
        uint128_t mp = ((uint128_t)a.frac * b.frac) >> 1;
        int32_t ep = a.exp + b.exp + 2;         /* value = mp * 2^(ep - 127) */

        if (c.cls == FC_ZERO) {
            r = normalize128(psign, ep, mp);
        } else {
            uint128_t mc = (uint128_t)c.frac << 63;
            int32_t ec = c.exp + 1;
            uint128_t sum;
            int32_t e;
            bool sign;

            if (ep >= ec) {
                mc = shift_right_jam128(mc, ep - ec);
                e = ep;
            } else {
                mp = shift_right_jam128(mp, ec - ep);
                e = ec;
            }
            if (psign == c.sign) {
                sum = mp + mc;
                sign = psign;
            } else if (mp >= mc) {
                sum = mp - mc;
                sign = psign;
            } else {
                sum = mc - mp;
                sign = c.sign;
            }
            if (sum == 0) {
                r = zero_parts(s->float_rounding_mode == float_round_down);
            } else {
                r = normalize128(sign, e, sum);
            }
        }
    }
    if ((flags & float_muladd_halve_result) && r.cls == FC_NORMAL) {
        r.exp--;
    }
    return r;
}

/*
 * Exact remainder a - Q * b: Q rounded to nearest even (IEEE remainder,
 * x87 FPREM1) or, with @mod, truncated (fmod, x87 FPREM). *quotient gets
 * the low 64 bits of |Q| (the x87 reports the low three in C0, C3, C1).
 */
static FloatParts parts_rem(FloatParts a, FloatParts b, bool mod, uint64_t *quotient,
                            float_status *s)
{
    uint128_t x, y, r;
    uint64_t q;
    int32_t d, ey;
    bool sign;

    *quotient = 0;
    if (is_nan(&a) || is_nan(&b)) {
        return pick_nan2(a, b, s);
    }
    if (a.cls == FC_INF || b.cls == FC_ZERO) {
        return invalid_nan(s, 0);
    }
    if (a.cls == FC_ZERO || b.cls == FC_INF) {
        return a;
    }
    if (a.exp < b.exp - 1) {
        return a;           /* |a| < |b| / 2: Q = 0 either way */
    }
    /* |a| = x * 2^(a.exp - 63) and |b| = y * 2^(ey - 63), with a.exp >= ey. */
    x = a.frac;
    y = b.frac;
    ey = b.exp;
    if (a.exp < ey) {
        y <<= 1;
        ey--;
    }
    d = a.exp - ey;
    r = x % y;
    q = (uint64_t)(x / y);
    while (d > 0) {
        int k = d > 62 ? 62 : d;
        r <<= k;
        q = (q << k) + (uint64_t)(r / y);
        r %= y;
        d -= k;
    }
    /* |a| = Q * |b| + r * 2^(ey - 63), with q the low bits of Q. */
    sign = a.sign;
    if (!mod && (2 * r > y || (2 * r == y && (q & 1)))) {
        r = y - r;
        sign = !sign;
        q++;
    }
    *quotient = q;
    if (r == 0) {
        return zero_parts(a.sign);
    }
    return normalize128(sign, ey + 64, r);
}

static FloatParts parts_scalbn(FloatParts a, int n, float_status *s)
{
    if (is_nan(&a)) {
        return return_nan(a, s);
    }
    if (a.cls == FC_NORMAL) {
        n = n > EXP_CLAMP ? EXP_CLAMP : n < -EXP_CLAMP ? -EXP_CLAMP : n;
        a.exp = clamp_exp((int64_t)a.exp + n);
    }
    return a;
}

/*
 * Round the magnitude frac * 2^(exp - 63) to an integer in mode rm.
 * Sets *overflow if the result does not fit in 64 bits.
 */
static uint64_t round_to_uint_mag(bool sign, int32_t exp, uint64_t frac, FloatRoundMode rm,
                                  bool *inexact, bool *overflow)
{
    uint64_t m, r;
    int shift;

    *inexact = false;
    *overflow = false;
    if (exp >= 64) {
        *overflow = true;
        return UINT64_MAX;
    }
    shift = 63 - exp;
    if (shift == 0) {
        return frac;
    }
    /* r is the discarded fraction, scaled so that bit 63 means one half. */
    if (shift < 64) {
        m = frac >> shift;
        r = frac << (64 - shift);
    } else if (shift == 64) {
        m = 0;
        r = frac;
    } else {
        m = 0;
        r = 1;
    }
    if (r == 0) {
        return m;
    }
    *inexact = true;
    switch (rm) {
    case float_round_nearest_even:
        if (r > (1ULL << 63) || (r == (1ULL << 63) && (m & 1))) {
            m++;
        }
        break;
    case float_round_ties_away:
        if (r >= (1ULL << 63)) {
            m++;
        }
        break;
    case float_round_up:
        m += !sign;
        break;
    case float_round_down:
        m += sign;
        break;
    case float_round_to_odd:
        m |= 1;
        break;
    case float_round_to_zero:
    default:
        break;
    }
    /* shift >= 1 here, so m < 2^63 and the increment cannot wrap. */
    return m;
}

static FloatParts parts_round_to_int(FloatParts a, int frac_bits, float_status *s)
{
    bool inexact, overflow;
    uint64_t m;

    if (is_nan(&a)) {
        return return_nan(a, s);
    }
    if (a.cls != FC_NORMAL || a.exp >= frac_bits) {
        return a;       /* already integral */
    }
    m = round_to_uint_mag(a.sign, a.exp, a.frac, s->float_rounding_mode, &inexact, &overflow);
    if (inexact) {
        float_raise(float_flag_inexact, s);
    }
    if (m == 0) {
        return zero_parts(a.sign);
    }
    return parts_from_uint(a.sign, m, 0);
}

/* Invalid in a conversion to integer: PPC wants to know it was one (VXCVI). */
static void cvt_invalid(const FloatParts *p, float_status *s)
{
    float_raise(float_flag_invalid | float_flag_invalid_cvti |
                (p->cls == FC_SNAN ? float_flag_invalid_snan : 0), s);
}

static int64_t parts_to_sint(FloatParts p, FloatRoundMode rm, int scale,
                             int64_t min, int64_t max, float_status *s)
{
    bool inexact, overflow;
    uint64_t m;

    switch (p.cls) {
    case FC_QNAN:
    case FC_SNAN:
        cvt_invalid(&p, s);
        return max;
    case FC_INF:
        cvt_invalid(&p, s);
        return p.sign ? min : max;
    case FC_ZERO:
        return 0;
    case FC_NORMAL:
        break;
    }
    scale = scale > EXP_CLAMP ? EXP_CLAMP : scale < -EXP_CLAMP ? -EXP_CLAMP : scale;
    m = round_to_uint_mag(p.sign, p.exp + scale, p.frac, rm, &inexact, &overflow);
    if (p.sign) {
        if (overflow || m > (uint64_t)-(min + 1) + 1) {
            cvt_invalid(&p, s);
            return min;
        }
        if (inexact) {
            float_raise(float_flag_inexact, s);
        }
        return (int64_t)(0 - m);
    }
    if (overflow || m > (uint64_t)max) {
        cvt_invalid(&p, s);
        return max;
    }
    if (inexact) {
        float_raise(float_flag_inexact, s);
    }
    return (int64_t)m;
}

static uint64_t parts_to_uint(FloatParts p, FloatRoundMode rm, int scale,
                              uint64_t max, float_status *s)
{
    bool inexact, overflow;
    uint64_t m;

    switch (p.cls) {
    case FC_QNAN:
    case FC_SNAN:
        cvt_invalid(&p, s);
        return max;
    case FC_INF:
        cvt_invalid(&p, s);
        return p.sign ? 0 : max;
    case FC_ZERO:
        return 0;
    case FC_NORMAL:
        break;
    }
    scale = scale > EXP_CLAMP ? EXP_CLAMP : scale < -EXP_CLAMP ? -EXP_CLAMP : scale;
    m = round_to_uint_mag(p.sign, p.exp + scale, p.frac, rm, &inexact, &overflow);
    if (p.sign && (m != 0 || overflow)) {
        cvt_invalid(&p, s);
        return 0;
    }
    if (overflow || m > max) {
        cvt_invalid(&p, s);
        return max;
    }
    if (inexact) {
        float_raise(float_flag_inexact, s);
    }
    return m;
}

static FloatParts parts_from_sint(int64_t v, int scale)
{
    if (v == 0) {
        return zero_parts(false);
    }
    scale = scale > EXP_CLAMP ? EXP_CLAMP : scale < -EXP_CLAMP ? -EXP_CLAMP : scale;
    return parts_from_uint(v < 0, v < 0 ? 0 - (uint64_t)v : (uint64_t)v, scale);
}

static FloatParts parts_from_uint_scaled(uint64_t v, int scale)
{
    if (v == 0) {
        return zero_parts(false);
    }
    scale = scale > EXP_CLAMP ? EXP_CLAMP : scale < -EXP_CLAMP ? -EXP_CLAMP : scale;
    return parts_from_uint(false, v, scale);
}

/* Order of magnitudes: <0, 0, >0. Both non-NaN. */
static int compare_mag(const FloatParts *a, const FloatParts *b)
{
    static const int rank[] = { [FC_ZERO] = 0, [FC_NORMAL] = 1, [FC_INF] = 2 };

    if (a->cls != b->cls) {
        return rank[a->cls] < rank[b->cls] ? -1 : 1;
    }
    if (a->cls != FC_NORMAL) {
        return 0;
    }
    if (a->exp != b->exp) {
        return a->exp < b->exp ? -1 : 1;
    }
    if (a->frac != b->frac) {
        return a->frac < b->frac ? -1 : 1;
    }
    return 0;
}

static FloatRelation parts_compare(FloatParts a, FloatParts b, bool quiet, float_status *s)
{
    int c;

    if (is_nan(&a) || is_nan(&b)) {
        if (a.cls == FC_SNAN || b.cls == FC_SNAN) {
            float_raise(float_flag_invalid | float_flag_invalid_snan, s);
        } else if (!quiet) {
            float_raise(float_flag_invalid, s);
        }
        return float_relation_unordered;
    }
    if (a.cls == FC_ZERO && b.cls == FC_ZERO) {
        return float_relation_equal;
    }
    if (a.sign != b.sign) {
        return a.sign ? float_relation_less : float_relation_greater;
    }
    c = compare_mag(&a, &b);
    if (a.sign) {
        c = -c;
    }
    return c < 0 ? float_relation_less : c > 0 ? float_relation_greater : float_relation_equal;
}

enum {
    MINMAX_MIN    = 1,
    MINMAX_NUM    = 2,      /* IEEE 754-2008 minNum/maxNum */
    MINMAX_MAG    = 4,      /* compare magnitudes first */
    MINMAX_NUM19  = 8,      /* IEEE 754-2019 minimumNumber/maximumNumber */
};

static FloatParts parts_minmax(FloatParts a, FloatParts b, int flags, float_status *s)
{
    int c;

    if (is_nan(&a) || is_nan(&b)) {
        bool a_nan = is_nan(&a), b_nan = is_nan(&b);

        if ((flags & MINMAX_NUM) && a.cls != FC_SNAN && b.cls != FC_SNAN &&
            a_nan != b_nan) {
            return a_nan ? b : a;
        }
        if ((flags & MINMAX_NUM19) && a_nan != b_nan) {
            if (a.cls == FC_SNAN || b.cls == FC_SNAN) {
                float_raise(float_flag_invalid | float_flag_invalid_snan, s);
            }
            return a_nan ? b : a;
        }
        return pick_nan2(a, b, s);
    }
    c = 0;
    if (flags & MINMAX_MAG) {
        c = compare_mag(&a, &b);
    }
    if (c == 0) {
        /* Signed order with -0 below +0. */
        if (a.sign != b.sign) {
            c = a.sign ? -1 : 1;
        } else {
            c = compare_mag(&a, &b);
            if (a.sign) {
                c = -c;
            }
        }
    }
    if (flags & MINMAX_MIN) {
        return c <= 0 ? a : b;
    }
    return c >= 0 ? a : b;
}

/* Convert between formats: NaN handling, then round into dst. */
static uint64_t convert_parts(FloatParts p, const FloatFmt *dst, float_status *s)
{
    if (is_nan(&p)) {
        if (!dst->has_infnan) {
            /* Arm AHP has no NaN: signed zero and Invalid. */
            float_raise(float_flag_invalid |
                        (p.cls == FC_SNAN ? float_flag_invalid_snan : 0), s);
            return (uint64_t)p.sign << (dst->exp_bits + dst->frac_bits);
        }
        p = return_nan(p, s);
    } else if (p.cls == FC_INF && !dst->has_infnan) {
        float_raise(float_flag_invalid, s);
    }
    return round_pack(p, dst, s);
}

/*
 * To integer modulo 2^bits (Arm FJCVTZS, JavaScript ToInt32): the rounded
 * integer's low bits. Out of range raises Invalid and not Inexact; NaN and
 * infinity give 0 with Invalid.
 */
static uint64_t parts_to_int_modulo(FloatParts p, FloatRoundMode rm, int bits, float_status *s)
{
    bool inexact, overflow, out_of_range;
    uint64_t m;
    int64_t v;

    switch (p.cls) {
    case FC_QNAN:
    case FC_SNAN:
    case FC_INF:
        cvt_invalid(&p, s);
        return 0;
    case FC_ZERO:
        return 0;
    case FC_NORMAL:
        break;
    }
    if (p.exp >= 127) {
        /* Every bit of the integer is above bit 63. */
        m = 0;
        inexact = false;
        out_of_range = true;
    } else if (p.exp >= 64) {
        m = p.frac << (p.exp - 63);
        inexact = false;
        out_of_range = true;
    } else {
        m = round_to_uint_mag(p.sign, p.exp, p.frac, rm, &inexact, &overflow);
        if (overflow) {
            out_of_range = true;
        } else if (bits == 64) {
            out_of_range = p.sign ? m > (1ULL << 63) : m > (uint64_t)INT64_MAX;
        } else {
            out_of_range = p.sign ? m > (1ULL << 31) : m > (uint64_t)INT32_MAX;
        }
    }
    v = (int64_t)(p.sign ? 0 - m : m);
    if (out_of_range) {
        cvt_invalid(&p, s);
    } else if (inexact) {
        float_raise(float_flag_inexact, s);
    }
    return bits == 64 ? (uint64_t)v : (uint64_t)(uint32_t)v;
}

int32_t float64_to_int32_modulo(float64 a, FloatRoundMode rmode, float_status *s)
{
    return (int32_t)(uint32_t)parts_to_int_modulo(unpack(a, &float64_fmt, s), rmode, 32, s);
}

int64_t float64_to_int64_modulo(float64 a, FloatRoundMode rmode, float_status *s)
{
    return (int64_t)parts_to_int_modulo(unpack(a, &float64_fmt, s), rmode, 64, s);
}

/*
 * float64r32: float64 operands and result, rounded once to float32's
 * precision and exponent range (PPC fadds/fmuls/fmadds/fsqrts and friends).
 * A float32 is exactly representable as a float64, so packing into
 * float32 and widening is exact after the single rounding.
 */
static float64 r32_finish(FloatParts p, float_status *s)
{
    float32 r = (float32)round_pack(p, &float32_fmt, s);
    float_status quiet = *s;

    /* A NaN comes out with its payload cut to float32 width, as PPC frsp does. */
    return round_pack(unpack_raw(r, &float32_fmt, s), &float64_fmt, &quiet);
}

float64 float64r32_add(float64 a, float64 b, float_status *s)
{
    return r32_finish(parts_addsub(unpack(a, &float64_fmt, s), unpack(b, &float64_fmt, s),
                                   false, s), s);
}

float64 float64r32_sub(float64 a, float64 b, float_status *s)
{
    return r32_finish(parts_addsub(unpack(a, &float64_fmt, s), unpack(b, &float64_fmt, s),
                                   true, s), s);
}

float64 float64r32_mul(float64 a, float64 b, float_status *s)
{
    return r32_finish(parts_mul(unpack(a, &float64_fmt, s), unpack(b, &float64_fmt, s), s), s);
}

float64 float64r32_div(float64 a, float64 b, float_status *s)
{
    return r32_finish(parts_div(unpack(a, &float64_fmt, s), unpack(b, &float64_fmt, s), s), s);
}

float64 float64r32_sqrt(float64 a, float_status *s)
{
    return r32_finish(parts_sqrt(unpack(a, &float64_fmt, s), float32_fmt.frac_bits, s), s);
}

float64 float64r32_muladd(float64 a, float64 b, float64 c, int flags, float_status *s)
{
    FloatParts r = parts_muladd(unpack(a, &float64_fmt, s), unpack(b, &float64_fmt, s),
                                unpack(c, &float64_fmt, s), flags, s);
    float64 res = r32_finish(r, s);

    if ((flags & float_muladd_negate_result) && !is_nan(&r)) {
        res = float64_chs(res);
    }
    return res;
}

/* Round a float64 to float32 precision and range, as a float64 (PPC frsp without the store). */
float64 float64r32_round_pack(float64 a, float_status *s)
{
    FloatParts p = unpack(a, &float64_fmt, s);

    if (is_nan(&p)) {
        p = return_nan(p, s);
    }
    return r32_finish(p, s);
}

/* ------------------------------------------------------------------ */
/* Conversions between formats                                         */
/* ------------------------------------------------------------------ */

float32 float16_to_float32(float16 a, bool ieee, float_status *s)
{
    return convert_parts(unpack(a, ieee ? &float16_fmt : &float16_ahp_fmt, s), &float32_fmt, s);
}

float64 float16_to_float64(float16 a, bool ieee, float_status *s)
{
    return convert_parts(unpack(a, ieee ? &float16_fmt : &float16_ahp_fmt, s), &float64_fmt, s);
}

float16 float32_to_float16(float32 a, bool ieee, float_status *s)
{
    return convert_parts(unpack(a, &float32_fmt, s), ieee ? &float16_fmt : &float16_ahp_fmt, s);
}

float16 float64_to_float16(float64 a, bool ieee, float_status *s)
{
    return convert_parts(unpack(a, &float64_fmt, s), ieee ? &float16_fmt : &float16_ahp_fmt, s);
}

float64 float32_to_float64(float32 a, float_status *s)
{
    return convert_parts(unpack(a, &float32_fmt, s), &float64_fmt, s);
}

float32 float64_to_float32(float64 a, float_status *s)
{
    return convert_parts(unpack(a, &float64_fmt, s), &float32_fmt, s);
}

float32 bfloat16_to_float32(bfloat16 a, float_status *s)
{
    return convert_parts(unpack(a, &bfloat16_fmt, s), &float32_fmt, s);
}

float64 bfloat16_to_float64(bfloat16 a, float_status *s)
{
    return convert_parts(unpack(a, &bfloat16_fmt, s), &float64_fmt, s);
}

bfloat16 float32_to_bfloat16(float32 a, float_status *s)
{
    return convert_parts(unpack(a, &float32_fmt, s), &bfloat16_fmt, s);
}

bfloat16 float64_to_bfloat16(float64 a, float_status *s)
{
    return convert_parts(unpack(a, &float64_fmt, s), &bfloat16_fmt, s);
}

bfloat16 float16_to_bfloat16(float16 a, bool ieee, float_status *s)
{
    return convert_parts(unpack(a, ieee ? &float16_fmt : &float16_ahp_fmt, s), &bfloat16_fmt, s);
}

float16 bfloat16_to_float16(bfloat16 a, bool ieee, float_status *s)
{
    return convert_parts(unpack(a, &bfloat16_fmt, s), ieee ? &float16_fmt : &float16_ahp_fmt, s);
}

/* ------------------------------------------------------------------ */
/* The per-format public functions                                     */
/* ------------------------------------------------------------------ */

#define FLOATN float16
#define FLOATN_FMT float16_fmt
#include "fpu/softfloat-ops.c.inc"
#undef FLOATN
#undef FLOATN_FMT

#define FLOATN bfloat16
#define FLOATN_FMT bfloat16_fmt
#include "fpu/softfloat-ops.c.inc"
#undef FLOATN
#undef FLOATN_FMT

#define FLOATN float32
#define FLOATN_FMT float32_fmt
#include "fpu/softfloat-ops.c.inc"
#undef FLOATN
#undef FLOATN_FMT

#define FLOATN float64
#define FLOATN_FMT float64_fmt
#include "fpu/softfloat-ops.c.inc"
#undef FLOATN
#undef FLOATN_FMT

#include "fpu/softfloat-x80.c.inc"
#include "fpu/softfloat-f128.c.inc"
