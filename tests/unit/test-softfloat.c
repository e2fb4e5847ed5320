/*
 * test-softfloat.c - hand-picked corner cases of fpu/softfloat.c whose
 * answers follow from IEEE 754-2008 and the Arm ARM pseudocode (FPRound,
 * FPProcessNaNs, FPMulAdd, FPMin/FPMinNum, FPConvert with AHP). Each
 * expected value and flag set is worked out in the comment next to it.
 * The bulk random comparison with the host is test-softfloat-host.c; this
 * file pins the rules the host cannot show: Arm NaN choice, default NaN,
 * flush-to-zero, tininess before rounding, ties-away, round-to-odd, AHP,
 * bfloat16, saturating integer conversions.
 */
#include "util/osdep.h"
#include <math.h>
#include "fpu/softfloat.h"

enum { ARM, ARM_FZ, ARM_DN, X86, X86_FTZ, PPC, MIPS_LEGACY };

#define I  float_flag_invalid
#define Z  float_flag_divbyzero
#define O  float_flag_overflow
#define U  float_flag_underflow
#define X  float_flag_inexact
#define ID float_flag_input_denormal
#define OD float_flag_output_denormal

#define RNE float_round_nearest_even
#define RDN float_round_down
#define RUP float_round_up
#define RTZ float_round_to_zero
#define RTA float_round_ties_away
#define RTO float_round_to_odd

static float_status make_status(int preset, FloatRoundMode rm)
{
    float_status s;

    switch (preset) {
    case X86:
    case X86_FTZ:
        softfloat_status_init_x86(&s);
        break;
    case PPC:
        softfloat_status_init_ppc(&s);
        break;
    default:
        softfloat_status_init_arm(&s);
        break;
    }
    if (preset == ARM_FZ || preset == X86_FTZ) {
        s.flush_to_zero = true;
        s.flush_inputs_to_zero = true;
    }
    if (preset == ARM_DN) {
        s.default_nan_mode = true;
    }
    if (preset == MIPS_LEGACY) {
        s.snan_bit_is_one = true;
        s.default_nan_pattern = 0;
    }
    s.float_rounding_mode = rm;
    return s;
}

static unsigned checks_run;

/* The invalid causes are checked by test_invalid_causes only. */
#define CAUSES (float_flag_invalid_isi | float_flag_invalid_imz | float_flag_invalid_idi | \
                float_flag_invalid_zdz | float_flag_invalid_sqrt | float_flag_invalid_cvti | \
                float_flag_invalid_snan)
static int flag_mask = ~CAUSES;

static void check(const char *what, int line, uint64_t got, uint64_t want,
                  int got_flags, int want_flags)
{
    checks_run++;
    got_flags &= flag_mask;
    if (got != want || got_flags != want_flags) {
        g_test_message("line %d: %s: expected %#" PRIx64 " flags %#x, got %#" PRIx64
                       " flags %#x", line, what, want, want_flags, got, got_flags);
        g_test_fail();
    }
}

/* Evaluate expr (which uses `st`) on a fresh status; compare value and all flags. */
#define EXPECT(preset, rm, expr, want, flags)                                   \
    do {                                                                        \
        float_status s_ = make_status(preset, rm);                              \
        float_status *st = &s_;                                                 \
        (void)st;                                                               \
        uint64_t got_ = (uint64_t)(expr);                                       \
        check(#expr, __LINE__, got_, (uint64_t)(want), s_.float_exception_flags, \
              (flags));                                                         \
    } while (0)

/* float32 constants */
#define F32_ONE      0x3f800000u
#define F32_TWO      0x40000000u
#define F32_HALF     0x3f000000u
#define F32_MAX      0x7f7fffffu
#define F32_INF      0x7f800000u
#define F32_MINNORM  0x00800000u
#define F32_QNAN1    0x7fc00001u
#define F32_QNAN2    0x7fc00002u
#define F32_QNAN3    0x7fc00003u
#define F32_SNAN1    0x7f800001u
#define F32_SNAN2    0x7f800002u
#define F32_SNAN3    0x7f800003u

static void test_rounding_modes(void)
{
    /* 1 + 2^-24 is exactly halfway between 1 and 1 + 2^-23. */
    EXPECT(ARM, RNE, float32_add(F32_ONE, 0x33800000, st), F32_ONE, X);
    EXPECT(ARM, RTA, float32_add(F32_ONE, 0x33800000, st), 0x3f800001, X);
    EXPECT(ARM, RUP, float32_add(F32_ONE, 0x33800000, st), 0x3f800001, X);
    EXPECT(ARM, RDN, float32_add(F32_ONE, 0x33800000, st), F32_ONE, X);
    EXPECT(ARM, RTZ, float32_add(F32_ONE, 0x33800000, st), F32_ONE, X);
    EXPECT(ARM, RTO, float32_add(F32_ONE, 0x33800000, st), 0x3f800001, X);
    /* (1 + 2^-23) + 2^-24: halfway with an odd lsb, so even goes up too. */
    EXPECT(ARM, RNE, float32_add(0x3f800001, 0x33800000, st), 0x3f800002, X);
    EXPECT(ARM, RTZ, float32_add(0x3f800001, 0x33800000, st), 0x3f800001, X);
    EXPECT(ARM, RTO, float32_add(0x3f800001, 0x33800000, st), 0x3f800001, X);
    /* Negative: down moves away from zero. */
    EXPECT(ARM, RDN, float32_sub(0xbf800000, 0x33800000, st), 0xbf800001, X);
    EXPECT(ARM, RUP, float32_sub(0xbf800000, 0x33800000, st), 0xbf800000, X);
    /* 1 + 1.5 * 2^-24 is above halfway. */
    EXPECT(ARM, RNE, float32_add(F32_ONE, 0x33c00000, st), 0x3f800001, X);
    /* 1/3 = 1.0101...b * 2^-2: the bits after the 24th are 1010..., above half: up. */
    EXPECT(ARM, RNE, float32_div(F32_ONE, 0x40400000, st), 0x3eaaaaab, X);
    EXPECT(ARM, RTZ, float32_div(F32_ONE, 0x40400000, st), 0x3eaaaaaa, X);
    /* Round to odd from double: 1 + 2^-30 is inexact in float32, lsb forced to 1. */
    EXPECT(ARM, RTO, float64_to_float32(0x3ff0000004000000ULL, st), 0x3f800001, X);
    EXPECT(ARM, RTO, float64_to_float32(0x3ff0000000000000ULL, st), F32_ONE, 0);
    EXPECT(ARM, RNE, float64_to_float16(0x3ff0000000000001ULL, true, st), 0x3c00, X);
    EXPECT(ARM, RTO, float64_to_float16(0x3ff0000000000001ULL, true, st), 0x3c01, X);
}

static void test_zero_signs(void)
{
    EXPECT(ARM, RNE, float32_add(F32_ONE, 0xbf800000, st), 0x00000000, 0);
    EXPECT(ARM, RDN, float32_add(F32_ONE, 0xbf800000, st), 0x80000000, 0);
    EXPECT(ARM, RNE, float32_add(0x80000000, 0x80000000, st), 0x80000000, 0);
    EXPECT(ARM, RNE, float32_add(0x00000000, 0x80000000, st), 0x00000000, 0);
    EXPECT(ARM, RDN, float32_add(0x00000000, 0x80000000, st), 0x80000000, 0);
    EXPECT(ARM, RNE, float32_sub(0x80000000, 0x80000000, st), 0x00000000, 0);
    EXPECT(ARM, RNE, float32_mul(0x80000000, F32_ONE, st), 0x80000000, 0);
    /* sqrt(-0) = -0 (IEEE 754 5.4.1). */
    EXPECT(ARM, RNE, float32_sqrt(0x80000000, st), 0x80000000, 0);
    /* fma exact zero: +0 in nearest, -0 rounding down, then negated by negate_result. */
    EXPECT(ARM, RNE, float32_muladd(F32_ONE, F32_ONE, 0xbf800000, 0, st), 0x00000000, 0);
    EXPECT(ARM, RDN, float32_muladd(F32_ONE, F32_ONE, 0xbf800000, 0, st), 0x80000000, 0);
    EXPECT(PPC, RNE, float32_muladd(F32_ONE, F32_ONE, 0xbf800000, float_muladd_negate_result, st),
           0x80000000, 0);
    /* 0 * 5 + -0: the product is +0, the signs differ, so +0. */
    EXPECT(ARM, RNE, float32_muladd(0, 0x40a00000, 0x80000000, 0, st), 0x00000000, 0);
}

static void test_overflow(void)
{
    EXPECT(ARM, RNE, float32_add(F32_MAX, F32_MAX, st), F32_INF, O | X);
    EXPECT(ARM, RTA, float32_add(F32_MAX, F32_MAX, st), F32_INF, O | X);
    EXPECT(ARM, RTZ, float32_add(F32_MAX, F32_MAX, st), F32_MAX, O | X);
    EXPECT(ARM, RDN, float32_add(F32_MAX, F32_MAX, st), F32_MAX, O | X);
    EXPECT(ARM, RUP, float32_add(F32_MAX, F32_MAX, st), F32_INF, O | X);
    EXPECT(ARM, RTO, float32_add(F32_MAX, F32_MAX, st), F32_MAX, O | X);
    EXPECT(ARM, RUP, float32_mul(0xff7fffff, F32_TWO, st), 0xff7fffff, O | X);
    EXPECT(ARM, RDN, float32_mul(0xff7fffff, F32_TWO, st), 0xff800000, O | X);
    EXPECT(ARM, RNE, float32_scalbn(F32_ONE, 200, st), F32_INF, O | X);
    EXPECT(ARM, RNE, float32_scalbn(F32_MAX, -1, st), 0x7effffff, 0);
    EXPECT(ARM, RNE, float64_to_float32(0x47efffffffffffffULL, st), F32_INF, O | X);
    /* 65520 is halfway between 65504 (max) and 65536: even goes up to overflow. */
    EXPECT(ARM, RNE, float32_to_float16(0x477ff000, true, st), 0x7c00, O | X);
    EXPECT(ARM, RTZ, float32_to_float16(0x477ff000, true, st), 0x7bff, X);
    EXPECT(ARM, RNE, float32_to_bfloat16(F32_MAX, st), 0x7f80, O | X);
    /* Division by zero only for a finite nonzero dividend. */
    EXPECT(ARM, RNE, float32_div(F32_ONE, 0, st), F32_INF, Z);
    EXPECT(ARM, RNE, float32_div(0xbf800000, 0, st), 0xff800000, Z);
    EXPECT(ARM, RNE, float32_div(F32_INF, 0, st), F32_INF, 0);
    EXPECT(ARM, RNE, float32_div(0, 0, st), 0x7fc00000, I);
}

/*
 * (1 - 2^-25) * 2^-126 as a double, 0x380ffffff0000000, converted to
 * float32: at 24 bits it is a tie that rounds up to 2^-126 exactly. Arm
 * tests tininess on the unrounded value (FPRoundBase), so it underflows;
 * x86 tests the value rounded to full precision, which is 2^-126, so it
 * does not. Rounding toward zero gives the largest denormal either way.
 * With FPCR.FZ the unrounded value is below 2^-126, so it flushes to +0
 * and raises only the flush flag (FPSR.UFC), not inexact.
 */
static void test_underflow_and_flush(void)
{
    const uint64_t just_below = 0x380ffffff0000000ULL;

    EXPECT(ARM, RNE, float64_to_float32(just_below, st), F32_MINNORM, U | X);
    EXPECT(X86, RNE, float64_to_float32(just_below, st), F32_MINNORM, X);
    EXPECT(ARM, RTZ, float64_to_float32(just_below, st), 0x007fffff, U | X);
    EXPECT(X86, RTZ, float64_to_float32(just_below, st), 0x007fffff, U | X);
    EXPECT(ARM_FZ, RNE, float64_to_float32(just_below, st), 0, OD);
    /* x86 FTZ looks after rounding: this one becomes 2^-126 and stays. */
    EXPECT(X86_FTZ, RNE, float64_to_float32(just_below, st), F32_MINNORM, X);
    EXPECT(X86_FTZ, RTZ, float64_to_float32(just_below, st), 0, OD | U | X);
    /* An exact denormal result underflows only when it is inexact. */
    EXPECT(ARM, RNE, float32_mul(F32_MINNORM, F32_HALF, st), 0x00400000, 0);
    EXPECT(ARM_FZ, RNE, float32_mul(F32_MINNORM, F32_HALF, st), 0, OD);
    EXPECT(ARM_FZ, RNE, float32_mul(0x80800000, F32_HALF, st), 0x80000000, OD);
    /* x86 FTZ reports a flushed result, exact or not, as underflow and inexact. */
    EXPECT(X86_FTZ, RNE, float32_mul(F32_MINNORM, F32_HALF, st), 0, OD | U | X);
    /* 2^-150 is half the smallest denormal: a tie to the even zero. */
    EXPECT(ARM, RNE, int32_to_float32_scalbn(1, -150, st), 0, U | X);
    EXPECT(ARM, RUP, int32_to_float32_scalbn(1, -150, st), 1, U | X);
    EXPECT(ARM, RNE, float32_scalbn(F32_ONE, -149, st), 1, 0);
    /* 1.5 * 2^-149 ties to 2 * 2^-149. */
    EXPECT(ARM, RNE, float32_scalbn(0x3fc00000, -149, st), 2, U | X);
    EXPECT(ARM, RNE, float16_mul(0x0001, 0x3800, st), 0x0000, U | X);
    /* Input flushing: denormal operands read as zero and raise input_denormal. */
    EXPECT(ARM_FZ, RNE, float32_add(0x00000001, 0, st), 0, ID);
    EXPECT(ARM_FZ, RNE, float32_add(0x80000001, F32_ONE, st), F32_ONE, ID);
    EXPECT(ARM, RNE, float32_add(0x00000001, 0x00000001, st), 0x00000002, 0);
    EXPECT(ARM_FZ, RNE, float32_compare(0x00000001, 0x80000000, st), float_relation_equal, ID);
    EXPECT(ARM_FZ, RNE, float32_to_float64(0x80000001, st), 0x8000000000000000ULL, ID);
    EXPECT(ARM_FZ, RNE, float32_squash_input_denormal(0x80000001, st), 0x80000000, ID);
    EXPECT(ARM_FZ, RNE, float32_squash_input_denormal(F32_MINNORM, st), F32_MINNORM, 0);
    EXPECT(ARM, RNE, float32_squash_input_denormal(0x00000001, st), 0x00000001, 0);
}

static void test_nan_propagation(void)
{
    /* Arm FPProcessNaNs: first sNaN, then first qNaN; the result is quieted. */
    EXPECT(ARM, RNE, float32_add(F32_QNAN1, F32_SNAN2, st), F32_QNAN2, I);
    EXPECT(ARM, RNE, float32_add(F32_SNAN1, F32_SNAN2, st), F32_QNAN1, I);
    EXPECT(ARM, RNE, float32_add(F32_QNAN1, F32_QNAN2, st), F32_QNAN1, 0);
    EXPECT(ARM, RNE, float32_mul(F32_ONE, F32_QNAN2, st), F32_QNAN2, 0);
    /* x86 SSE and PPC take the first NaN operand whatever its kind. */
    EXPECT(X86, RNE, float32_add(F32_QNAN1, F32_SNAN2, st), F32_QNAN1, I);
    EXPECT(PPC, RNE, float32_add(F32_QNAN1, F32_SNAN2, st), F32_QNAN1, I);
    /* FPCR.DN: the default NaN, flags unchanged. */
    EXPECT(ARM_DN, RNE, float32_add(F32_QNAN1, F32_SNAN2, st), 0x7fc00000, I);
    EXPECT(ARM_DN, RNE, float32_add(F32_QNAN1, F32_ONE, st), 0x7fc00000, 0);
    /* A NaN keeps its sign, also through a subtraction. */
    EXPECT(ARM, RNE, float32_add(F32_ONE, 0xffc00003, st), 0xffc00003, 0);
    EXPECT(ARM, RNE, float32_sub(F32_ONE, F32_QNAN3, st), F32_QNAN3, 0);
    /* Invalid operations give the default NaN: 0x7fc00000 on Arm, 0xffc00000 on x86. */
    EXPECT(ARM, RNE, float32_add(F32_INF, 0xff800000, st), 0x7fc00000, I);
    EXPECT(X86, RNE, float32_add(F32_INF, 0xff800000, st), 0xffc00000, I);
    EXPECT(ARM, RNE, float32_mul(F32_INF, 0, st), 0x7fc00000, I);
    EXPECT(ARM, RNE, float32_sqrt(0xbf800000, st), 0x7fc00000, I);
    EXPECT(ARM, RNE, float32_sqrt(0xff800000, st), 0x7fc00000, I);
    EXPECT(ARM, RNE, float32_sqrt(F32_SNAN1, st), F32_QNAN1, I);
    EXPECT(ARM, RNE, float64_default_nan(st), 0x7ff8000000000000ULL, 0);
    EXPECT(X86, RNE, float64_default_nan(st), 0xfff8000000000000ULL, 0);
    EXPECT(ARM, RNE, float16_default_nan(st), 0x7e00, 0);
    EXPECT(ARM, RNE, bfloat16_default_nan(st), 0x7fc0, 0);
    EXPECT(ARM, RNE, float32_silence_nan(F32_SNAN1, st), F32_QNAN1, 0);
    EXPECT(ARM, RNE, float32_is_signaling_nan(F32_SNAN1, st), true, 0);
    EXPECT(ARM, RNE, float32_is_signaling_nan(F32_QNAN1, st), false, 0);
    EXPECT(ARM, RNE, float32_is_quiet_nan(F32_QNAN1, st), true, 0);
    EXPECT(ARM, RNE, float32_is_quiet_nan(F32_INF, st), false, 0);
    /* Legacy MIPS encoding: the set msb marks a signaling NaN. */
    EXPECT(MIPS_LEGACY, RNE, float32_is_signaling_nan(0x7fc00000, st), true, 0);
    EXPECT(MIPS_LEGACY, RNE, float32_is_quiet_nan(0x7fa00000, st), true, 0);
    EXPECT(MIPS_LEGACY, RNE, float32_default_nan(st), 0x7fbfffff, 0);
    EXPECT(MIPS_LEGACY, RNE, float32_add(0x7fc00000, F32_ONE, st), 0x7fbfffff, I);
    /* Conversions keep the top of the payload and quiet a signaling NaN. */
    EXPECT(ARM, RNE, float16_to_float32(0x7c01, true, st), 0x7fc02000, I);
    EXPECT(ARM, RNE, float32_to_float64(0xffc00001, st), 0xfff8000020000000ULL, 0);
    EXPECT(ARM, RNE, float64_to_float32(0x7ff0000020000000ULL, st), F32_QNAN1, I);
    EXPECT(ARM, RNE, bfloat16_to_float32(0x7f81, st), 0x7fc10000, I);
    EXPECT(ARM_DN, RNE, float32_to_float64(F32_QNAN1, st), 0x7ff8000000000000ULL, 0);
}

static void test_fma(void)
{
    /* (1 + 2^-23)(1 - 2^-23) - 1 = -2^-46 exactly: one rounding keeps it. */
    EXPECT(ARM, RNE, float32_muladd(0x3f800001, 0x3f7ffffe, 0xbf800000, 0, st), 0xa8800000, 0);
    /* ...where a separate multiply rounds the product to 1 first. */
    EXPECT(ARM, RNE, float32_add(float32_mul(0x3f800001, 0x3f7ffffe, st), 0xbf800000, st), 0, X);
    /* 2 * 3 + 1 with every flag. */
    EXPECT(ARM, RNE, float32_muladd(F32_TWO, 0x40400000, F32_ONE, 0, st), 0x40e00000, 0);
    EXPECT(ARM, RNE, float32_muladd(F32_TWO, 0x40400000, F32_ONE, float_muladd_negate_product, st),
           0xc0a00000, 0);
    EXPECT(ARM, RNE, float32_muladd(F32_TWO, 0x40400000, F32_ONE, float_muladd_negate_c, st),
           0x40a00000, 0);
    EXPECT(ARM, RNE, float32_muladd(F32_TWO, 0x40400000, F32_ONE, float_muladd_negate_result, st),
           0xc0e00000, 0);
    EXPECT(ARM, RNE, float32_muladd(F32_TWO, 0x40400000, F32_ONE, float_muladd_halve_result, st),
           0x40600000, 0);
    /* Arm FPMulAdd: 0 * inf + qNaN is the default NaN with Invalid... */
    EXPECT(ARM, RNE, float32_muladd(F32_INF, 0, F32_QNAN3, 0, st), 0x7fc00000, I);
    EXPECT(ARM, RNE, float32_muladd(0, 0xff800000, F32_QNAN3, 0, st), 0x7fc00000, I);
    /* ...but an sNaN addend is processed first and comes back quieted. */
    EXPECT(ARM, RNE, float32_muladd(0, F32_INF, F32_SNAN3, 0, st), F32_QNAN3, I);
    /* x86 returns the qNaN addend and raises nothing. */
    EXPECT(X86, RNE, float32_muladd(F32_INF, 0, F32_QNAN3, 0, st), F32_QNAN3, 0);
    /* Without a NaN, 0 * inf + c is invalid everywhere. */
    EXPECT(X86, RNE, float32_muladd(F32_INF, 0, F32_ONE, 0, st), 0xffc00000, I);
    EXPECT(ARM, RNE, float32_muladd(F32_INF, F32_ONE, 0xff800000, 0, st), 0x7fc00000, I);
    /* Arm NaN order: sNaN in c, a, b order, then qNaN in the same order. */
    EXPECT(ARM, RNE, float32_muladd(F32_SNAN1, F32_QNAN2, F32_SNAN3, 0, st), F32_QNAN3, I);
    EXPECT(ARM, RNE, float32_muladd(F32_SNAN1, F32_ONE, F32_QNAN3, 0, st), F32_QNAN1, I);
    EXPECT(ARM, RNE, float32_muladd(F32_QNAN1, F32_QNAN2, F32_QNAN3, 0, st), F32_QNAN3, 0);
    EXPECT(ARM, RNE, float32_muladd(F32_QNAN1, F32_QNAN2, F32_ONE, 0, st), F32_QNAN1, 0);
    /* PPC takes FRA, FRB, FRC = muladd's a, c, b. */
    EXPECT(PPC, RNE, float32_muladd(F32_ONE, F32_QNAN2, F32_QNAN3, 0, st), F32_QNAN3, 0);
    EXPECT(PPC, RNE, float32_muladd(F32_QNAN1, F32_QNAN2, F32_QNAN3, 0, st), F32_QNAN1, 0);
    /* NaN results are not negated by negate_result. */
    EXPECT(ARM, RNE, float32_muladd(F32_QNAN1, F32_ONE, F32_ONE, float_muladd_negate_result, st),
           F32_QNAN1, 0);
    /* float64: huge product minus itself-ish: (2^52+1)^2 - 2^104 = 2^53 + 1. */
    EXPECT(ARM, RNE, float64_muladd(0x4330000000000001ULL, 0x4330000000000001ULL,
                                    0xc670000000000000ULL, 0, st), 0x4340000000000000ULL, X);
    EXPECT(ARM, RUP, float64_muladd(0x4330000000000001ULL, 0x4330000000000001ULL,
                                    0xc670000000000000ULL, 0, st), 0x4340000000000001ULL, X);
}

static void test_sqrt_div_rem(void)
{
    EXPECT(ARM, RNE, float64_sqrt(0x4000000000000000ULL, st), 0x3ff6a09e667f3bcdULL, X);
    EXPECT(ARM, RNE, float32_sqrt(F32_TWO, st), 0x3fb504f3, X);
    EXPECT(ARM, RNE, float32_sqrt(0x40800000, st), F32_TWO, 0);
    EXPECT(ARM, RNE, float32_sqrt(F32_INF, st), F32_INF, 0);
    /* sqrt(2^-149) = 2^-74.5: odd exponent path. */
    EXPECT(ARM, RNE, float32_sqrt(1, st), 0x1a3504f3, X);
    /* IEEE remainder: n = a / b rounded to nearest even. */
    EXPECT(ARM, RNE, float64_rem(0x4014000000000000ULL, 0x4008000000000000ULL, st),
           0xbff0000000000000ULL, 0);                   /* 5 rem 3 = -1 */
    EXPECT(ARM, RNE, float64_rem(0x4008000000000000ULL, 0x4000000000000000ULL, st),
           0xbff0000000000000ULL, 0);                   /* 3 rem 2 = -1 (1.5 -> 2) */
    EXPECT(ARM, RNE, float64_rem(0x4014000000000000ULL, 0x4000000000000000ULL, st),
           0x3ff0000000000000ULL, 0);                   /* 5 rem 2 = 1 (2.5 -> 2) */
    EXPECT(ARM, RNE, float64_rem(0xc014000000000000ULL, 0x4000000000000000ULL, st),
           0xbff0000000000000ULL, 0);                   /* -5 rem 2 = -1 */
    EXPECT(ARM, RNE, float64_rem(0x401c000000000000ULL, 0x4000000000000000ULL, st),
           0xbff0000000000000ULL, 0);                   /* 7 rem 2 = -1 (3.5 -> 4) */
    EXPECT(ARM, RNE, float64_rem(0xc018000000000000ULL, 0x4008000000000000ULL, st),
           0x8000000000000000ULL, 0);                   /* -6 rem 3 = -0 */
    EXPECT(ARM, RNE, float64_rem(0x3ff0000000000000ULL, 0x7ff0000000000000ULL, st),
           0x3ff0000000000000ULL, 0);
    EXPECT(ARM, RNE, float64_rem(0x7ff0000000000000ULL, 0x3ff0000000000000ULL, st),
           0x7ff8000000000000ULL, I);
    EXPECT(ARM, RNE, float64_rem(0x3ff0000000000000ULL, 0, st), 0x7ff8000000000000ULL, I);
    /* 0.75 rem 1 = -0.25; 0.5 rem 1 = 0.5 (0.5 -> 0). */
    EXPECT(ARM, RNE, float32_rem(0x3f400000, F32_ONE, st), 0xbe800000, 0);
    EXPECT(ARM, RNE, float32_rem(F32_HALF, F32_ONE, st), F32_HALF, 0);
}

static void test_rem_vs_libm(void)
{
    /* remainder() is exact by definition, so libm is a reference for any input. */
    uint64_t r = 0x243f6a8885a308d3ULL;
    unsigned n = 0;

    for (int i = 0; i < 200000; i++) {
        uint64_t a, b, want, got;
        double da, db, dr;
        float_status s = make_status(ARM, RNE);

        r ^= r << 13; r ^= r >> 7; r ^= r << 17;
        a = r;
        r ^= r << 13; r ^= r >> 7; r ^= r << 17;
        b = (i & 1) ? r : (r & 0x800fffffffffffffULL) | ((a & 0x7ff0000000000000ULL) -
                                                        ((r >> 60) << 52));
        memcpy(&da, &a, 8);
        memcpy(&db, &b, 8);
        if (isnan(da) || isnan(db)) {
            continue;
        }
        dr = remainder(da, db);
        memcpy(&want, &dr, 8);
        got = float64_rem(a, b, &s);
        if (isnan(dr)) {
            want = 0x7ff8000000000000ULL;
        }
        n++;
        if (got != want) {
            g_test_message("float64_rem(%#" PRIx64 ", %#" PRIx64 ") = %#" PRIx64 ", libm %#"
                           PRIx64, a, b, got, want);
            g_test_fail();
            return;
        }
    }
    g_test_message("%u float64_rem cases agree with libm remainder()", n);
    g_assert_cmpuint(n, >, 100000);

    n = 0;
    for (int i = 0; i < 200000; i++) {
        uint32_t a, b, want, got;
        float fa, fb, fr;
        float_status s = make_status(ARM, RNE);

        r ^= r << 13; r ^= r >> 7; r ^= r << 17;
        a = (uint32_t)r;
        b = (i & 1) ? (uint32_t)(r >> 32)
                    : (uint32_t)((r >> 32) & 0x807fffffu) |
                      ((a & 0x7f800000u) - (((uint32_t)(r >> 60) & 7) << 23));
        memcpy(&fa, &a, 4);
        memcpy(&fb, &b, 4);
        if (isnan(fa) || isnan(fb)) {
            continue;
        }
        fr = remainderf(fa, fb);
        memcpy(&want, &fr, 4);
        if (isnan(fr)) {
            want = 0x7fc00000;
        }
        got = float32_rem(a, b, &s);
        n++;
        if (got != want) {
            g_test_message("float32_rem(%#x, %#x) = %#x, libm %#x", a, b, got, want);
            g_test_fail();
            return;
        }
    }
    g_test_message("%u float32_rem cases agree with libm remainderf()", n);
    g_assert_cmpuint(n, >, 100000);
}

static void test_compare(void)
{
    EXPECT(ARM, RNE, float32_compare(F32_ONE, F32_TWO, st), float_relation_less, 0);
    EXPECT(ARM, RNE, float32_compare(F32_TWO, F32_ONE, st), float_relation_greater, 0);
    EXPECT(ARM, RNE, float32_compare(0x80000000, 0, st), float_relation_equal, 0);
    EXPECT(ARM, RNE, float32_compare(F32_INF, F32_MAX, st), float_relation_greater, 0);
    EXPECT(ARM, RNE, float32_compare(0xff800000, 0xff7fffff, st), float_relation_less, 0);
    EXPECT(ARM, RNE, float32_compare(0xbf800000, 0xbf000000, st), float_relation_less, 0);
    EXPECT(ARM, RNE, float32_compare(0x00000001, 0x80000001, st), float_relation_greater, 0);
    EXPECT(ARM, RNE, float32_compare(F32_QNAN1, F32_ONE, st), float_relation_unordered, I);
    EXPECT(ARM, RNE, float32_compare_quiet(F32_QNAN1, F32_ONE, st), float_relation_unordered, 0);
    EXPECT(ARM, RNE, float32_compare_quiet(F32_ONE, F32_SNAN1, st), float_relation_unordered, I);
    EXPECT(ARM, RNE, float32_eq(F32_QNAN1, F32_QNAN1, st), false, I);
    EXPECT(ARM, RNE, float32_eq_quiet(F32_QNAN1, F32_QNAN1, st), false, 0);
    EXPECT(ARM, RNE, float32_le(F32_ONE, F32_ONE, st), true, 0);
    EXPECT(ARM, RNE, float32_lt(F32_ONE, F32_ONE, st), false, 0);
    EXPECT(ARM, RNE, float32_lt_quiet(0xbf800000, 0xbf000000, st), true, 0);
    EXPECT(ARM, RNE, float32_unordered_quiet(F32_ONE, F32_QNAN1, st), true, 0);
    EXPECT(ARM, RNE, float64_compare(0x0000000000000001ULL, 0, st), float_relation_greater, 0);
    EXPECT(ARM, RNE, float16_compare(0x3c00, 0x3c01, st), float_relation_less, 0);
    EXPECT(ARM, RNE, bfloat16_compare(0xbf80, 0x3f80, st), float_relation_less, 0);
}

static void test_minmax(void)
{
    /* Arm FPMax/FPMin on zeros: the most positive / most negative sign. */
    EXPECT(ARM, RNE, float32_max(0, 0x80000000, st), 0, 0);
    EXPECT(ARM, RNE, float32_max(0x80000000, 0, st), 0, 0);
    EXPECT(ARM, RNE, float32_min(0, 0x80000000, st), 0x80000000, 0);
    EXPECT(ARM, RNE, float32_min(0x80000000, 0, st), 0x80000000, 0);
    EXPECT(ARM, RNE, float32_max(F32_ONE, F32_TWO, st), F32_TWO, 0);
    EXPECT(ARM, RNE, float32_min(0xff800000, F32_TWO, st), 0xff800000, 0);
    /* FMAX/FMIN: a NaN wins. */
    EXPECT(ARM, RNE, float32_max(F32_ONE, F32_QNAN1, st), F32_QNAN1, 0);
    EXPECT(ARM, RNE, float32_min(F32_SNAN1, F32_ONE, st), F32_QNAN1, I);
    /* FMAXNM/FMINNM (754-2008 maxNum/minNum): a quiet NaN loses... */
    EXPECT(ARM, RNE, float32_minnum(F32_QNAN1, F32_ONE, st), F32_ONE, 0);
    EXPECT(ARM, RNE, float32_maxnum(F32_ONE, F32_QNAN1, st), F32_ONE, 0);
    EXPECT(ARM, RNE, float32_maxnum(F32_QNAN1, F32_QNAN2, st), F32_QNAN1, 0);
    /* ...a signaling one gives a quiet NaN and Invalid. */
    EXPECT(ARM, RNE, float32_minnum(F32_SNAN1, F32_ONE, st), F32_QNAN1, I);
    EXPECT(ARM, RNE, float32_maxnum(F32_ONE, F32_SNAN2, st), F32_QNAN2, I);
    EXPECT(ARM, RNE, float32_minnum(0, 0x80000000, st), 0x80000000, 0);
    /* 754-2019 minimumNumber: even an sNaN loses to a number, but raises Invalid. */
    EXPECT(ARM, RNE, float32_minimum_number(F32_SNAN1, F32_ONE, st), F32_ONE, I);
    EXPECT(ARM, RNE, float32_maximum_number(F32_QNAN1, F32_ONE, st), F32_ONE, 0);
    /* By magnitude, ties broken by value. */
    EXPECT(ARM, RNE, float32_minnummag(0xc0000000, F32_ONE, st), F32_ONE, 0);
    EXPECT(ARM, RNE, float32_maxnummag(0xc0000000, F32_ONE, st), 0xc0000000, 0);
    EXPECT(ARM, RNE, float32_minnummag(0xbf800000, F32_ONE, st), 0xbf800000, 0);
    EXPECT(ARM, RNE, float32_maxnummag(0xbf800000, F32_ONE, st), F32_ONE, 0);
    EXPECT(ARM, RNE, float64_max(0x3ff0000000000000ULL, 0xbff0000000000000ULL, st),
           0x3ff0000000000000ULL, 0);
    EXPECT(ARM, RNE, float16_minnum(0x7e00, 0xbc00, st), 0xbc00, 0);
    EXPECT(ARM_FZ, RNE, float32_max(0x00000001, 0x80000000, st), 0, ID);
}

static void test_round_to_int(void)
{
    EXPECT(ARM, RNE, float32_round_to_int(0x40200000, st), F32_TWO, X);        /* 2.5 -> 2 */
    EXPECT(ARM, RNE, float32_round_to_int(0x40600000, st), 0x40800000, X);     /* 3.5 -> 4 */
    EXPECT(ARM, RTA, float32_round_to_int(0xc0200000, st), 0xc0400000, X);     /* -2.5 -> -3 */
    EXPECT(ARM, RTO, float32_round_to_int(0x40200000, st), 0x40400000, X);     /* 2.5 -> 3 */
    EXPECT(ARM, RNE, float32_round_to_int(0xbe99999a, st), 0x80000000, X);     /* -0.3 -> -0 */
    EXPECT(ARM, RUP, float32_round_to_int(F32_HALF, st), F32_ONE, X);
    EXPECT(ARM, RUP, float32_round_to_int(0xbf000000, st), 0x80000000, X);     /* -0.5 -> -0 */
    EXPECT(ARM, RDN, float32_round_to_int(0x00000001, st), 0, X);
    EXPECT(ARM, RDN, float32_round_to_int(0x80000001, st), 0xbf800000, X);
    EXPECT(ARM, RNE, float32_round_to_int(F32_ONE, st), F32_ONE, 0);
    EXPECT(ARM, RNE, float32_round_to_int(0x4afffffd, st), 0x4afffffc, X);     /* 8388606.5 */
    EXPECT(ARM, RNE, float32_round_to_int(0x4b000001, st), 0x4b000001, 0);     /* 2^23 + 1 */
    EXPECT(ARM, RNE, float32_round_to_int(F32_INF, st), F32_INF, 0);
    EXPECT(ARM, RNE, float32_round_to_int(F32_SNAN1, st), F32_QNAN1, I);
    EXPECT(ARM, RNE, float64_round_to_int(0x4330000000000001ULL, st), 0x4330000000000001ULL, 0);
    EXPECT(ARM, RNE, float64_round_to_int(0x432fffffffffffffULL, st), 0x4330000000000000ULL, X);
    EXPECT(ARM, RNE, float16_round_to_int(0x3e00, st), 0x4000, X);            /* 1.5 -> 2 */
    EXPECT(ARM, RNE, bfloat16_round_to_int(0x3fc0, st), 0x4000, X);           /* 1.5 -> 2 */
}

static void test_int_conversions(void)
{
    EXPECT(ARM, RNE, float32_to_int32(0x4f000000, st), INT32_MAX, I);          /* 2^31 */
    EXPECT(ARM, RNE, float32_to_int32(0xcf000000, st), INT32_MIN, 0);          /* -2^31 */
    EXPECT(ARM, RNE, float32_to_int32(0x40200000, st), 2, X);
    EXPECT(ARM, RTA, float32_to_int32(0x40200000, st), 3, X);
    EXPECT(ARM, RNE, float32_to_int32_round_to_zero(0xc02ccccd, st), -2, X);   /* -2.7 */
    EXPECT(ARM, RDN, float32_to_int32(0xc02ccccd, st), -3, X);
    EXPECT(ARM, RNE, float32_to_uint32(0xbecccccd, st), 0, X);                 /* -0.4 -> 0 */
    EXPECT(ARM, RNE, float32_to_uint32(0xbf800000, st), 0, I);                 /* -1 */
    EXPECT(ARM, RNE, float32_to_uint32(0x80000000, st), 0, 0);
    EXPECT(ARM, RNE, float32_to_uint32(0x4f7fffff, st), 0xffffff00u, 0);
    EXPECT(ARM, RNE, float32_to_uint32(0x4f800000, st), UINT32_MAX, I);        /* 2^32 */
    EXPECT(ARM, RNE, float32_to_int32(F32_QNAN1, st), INT32_MAX, I);
    EXPECT(ARM, RNE, float32_to_int64(0xff800000, st), INT64_MIN, I);
    EXPECT(ARM, RNE, float32_to_uint64(F32_INF, st), UINT64_MAX, I);
    EXPECT(ARM, RNE, float64_to_uint64(0x43efffffffffffffULL, st), 0xfffffffffffff800ULL, 0);
    EXPECT(ARM, RNE, float64_to_uint64(0x43f0000000000000ULL, st), UINT64_MAX, I);
    EXPECT(ARM, RNE, float64_to_int64(0xc3e0000000000000ULL, st), INT64_MIN, 0);
    EXPECT(ARM, RNE, float64_to_int16(0x40dfffe000000000ULL, st), INT16_MAX, I); /* 32767.5 */
    EXPECT(ARM, RTZ, float64_to_int16(0x40dfffe000000000ULL, st), INT16_MAX, X);
    EXPECT(ARM, RNE, float64_to_uint16(0x40efffe000000000ULL, st), UINT16_MAX, 0); /* 65535 */
    /* Fixed point: FCVTZS with 4 fraction bits, SCVTF with 1. */
    EXPECT(ARM, RNE, float32_to_int32_scalbn(0x3fc00000, RTZ, 4, st), 24, 0);
    EXPECT(ARM, RNE, float32_to_int32_scalbn(0x3fc00000, RTZ, -1, st), 0, X);
    EXPECT(ARM, RNE, int32_to_float32_scalbn(3, -1, st), 0x3fc00000, 0);
    EXPECT(ARM, RNE, uint64_to_float64_scalbn(1, -1074, st), 1, 0);
    EXPECT(ARM, RNE, uint64_to_float32(UINT64_MAX, st), 0x5f800000, X);
    EXPECT(ARM, RTZ, uint64_to_float32(UINT64_MAX, st), 0x5f7fffff, X);
    EXPECT(ARM, RNE, int32_to_float32(16777217, st), 0x4b800000, X);
    EXPECT(ARM, RNE, int64_to_float64(INT64_MIN, st), 0xc3e0000000000000ULL, 0);
    EXPECT(ARM, RNE, int32_to_float32(0, st), 0, 0);
    EXPECT(ARM, RNE, uint32_to_float16(65520, st), 0x7c00, O | X);
    EXPECT(ARM, RNE, int16_to_float16(-2048, st), 0xe800, 0);
    EXPECT(ARM, RNE, int32_to_bfloat16(257, st), 0x4380, X);                  /* 257 -> 256 */
    EXPECT(ARM, RNE, float16_to_int32(0x7bff, st), 65504, 0);
    EXPECT(ARM, RNE, bfloat16_to_int32(0xc2f7, st), -124, X);                 /* -123.5 -> -124 */
}

static void test_modulo_and_r32(void)
{
    /* FJCVTZS: low 32 bits of the truncated integer; out of range is Invalid only. */
    EXPECT(ARM, RNE, float64_to_int32_modulo(0x41f0000000500000ULL, RTZ, st), 5, I); /* 2^32 + 5 */
    EXPECT(ARM, RNE, float64_to_int32_modulo(0xbff8000000000000ULL, RTZ, st), -1, X); /* -1.5 */
    EXPECT(ARM, RNE, float64_to_int32_modulo(0x41e0000000000000ULL, RTZ, st), INT32_MIN, I); /* 2^31 */
    EXPECT(ARM, RNE, float64_to_int32_modulo(0xc1e0000000000000ULL, RTZ, st), INT32_MIN, 0);
    EXPECT(ARM, RNE, float64_to_int32_modulo(0x7ff8000000000000ULL, RTZ, st), 0, I);
    EXPECT(ARM, RNE, float64_to_int32_modulo(0xfff0000000000000ULL, RTZ, st), 0, I);
    EXPECT(ARM, RNE, float64_to_int32_modulo(0x4630000000000000ULL, RTZ, st), 0, I);  /* 2^100 */
    EXPECT(ARM, RNE, float64_to_int32_modulo(0x43f0000000000001ULL, RTZ, st), 4096, I); /* 2^64+2^12 */
    EXPECT(ARM, RNE, float64_to_int64_modulo(0x43f0000000000001ULL, RTZ, st), 4096, I);
    EXPECT(ARM, RNE, float64_to_int64_modulo(0x43e0000000000000ULL, RTZ, st), INT64_MIN, I);
    EXPECT(ARM, RNE, float64_to_int64_modulo(0x7e37e43c8800759cULL, RTZ, st), 0, I);  /* 1e300 */
    /* float64r32: one rounding to float32 precision, result as float64. */
    EXPECT(PPC, RNE, float64r32_add(0x3ff0000000000000ULL, 0x3e10000000000000ULL, st),
           0x3ff0000000000000ULL, X);                      /* 1 + 2^-30 */
    EXPECT(PPC, RNE, float64r32_mul(0x47efffffe0000000ULL, 0x4000000000000000ULL, st),
           0x7ff0000000000000ULL, O | X);                  /* FLT_MAX * 2 */
    EXPECT(PPC, RNE, float64r32_round_pack(0x3ff0000010000000ULL, st),
           0x3ff0000000000000ULL, X);                      /* 1 + 2^-24: tie to even */
    EXPECT(PPC, RNE, float64r32_round_pack(0x3ff0000010000001ULL, st),
           0x3ff0000020000000ULL, X);
    EXPECT(PPC, RNE, float64r32_round_pack(0x7ff8000000000001ULL, st), 0x7ff8000000000000ULL, 0);
    EXPECT(PPC, RNE, float64r32_sqrt(0x4000000000000000ULL, st), 0x3ff6a09e60000000ULL, X);
    EXPECT(PPC, RNE, float64r32_mul(0x3810000000000000ULL, 0x3fe0000000000000ULL, st),
           0x3800000000000000ULL, 0);                      /* 2^-127, exact denormal */
    EXPECT(PPC, RNE, float64r32_muladd(0x3ff0000020000000ULL, 0x3fefffffc0000000ULL,
                                       0xbff0000000000000ULL, 0, st),
           0xbd10000000000000ULL, 0);                      /* -2^-46 */
}

static void test_half_and_bfloat(void)
{
    EXPECT(ARM, RNE, float16_add(0x3c00, 0x3c00, st), 0x4000, 0);
    EXPECT(ARM, RNE, float16_muladd(0x3c01, 0x3bfe, 0xbc00, 0, st), 0x8010, 0); /* -2^-20, denormal */
    EXPECT(ARM, RNE, float16_to_float64(0x0001, true, st), 0x3e70000000000000ULL, 0); /* 2^-24 */
    /* Arm alternative half precision: exponent 31 is an ordinary exponent. */
    EXPECT(ARM, RNE, float32_to_float16(0x477ff000, false, st), 0x7c00, X);  /* 65520 -> 65536 */
    EXPECT(ARM, RNE, float16_to_float32(0x7c00, false, st), 0x47800000, 0);  /* 65536 */
    EXPECT(ARM, RNE, float16_to_float32(0x7fff, false, st), 0x47ffe000, 0);  /* 131008 */
    EXPECT(ARM, RNE, float16_to_float32(0xfe00, false, st), 0xc7c00000, 0);
    /* ...no Inf or NaN: saturate or zero, with Invalid and nothing else. */
    EXPECT(ARM, RNE, float32_to_float16(0x49742400, false, st), 0x7fff, I);  /* 1e6 */
    EXPECT(ARM, RNE, float32_to_float16(F32_INF, false, st), 0x7fff, I);
    EXPECT(ARM, RNE, float32_to_float16(0xff800000, false, st), 0xffff, I);
    EXPECT(ARM, RNE, float32_to_float16(F32_QNAN1, false, st), 0x0000, I);
    EXPECT(ARM, RNE, float32_to_float16(0xffc00000, false, st), 0x8000, I);
    /* bfloat16 rounding from float32. */
    EXPECT(ARM, RNE, float32_to_bfloat16(0x3f808000, st), 0x3f80, X);
    EXPECT(ARM, RNE, float32_to_bfloat16(0x3f818000, st), 0x3f82, X);
    EXPECT(ARM, RNE, float32_to_bfloat16(0x3f808001, st), 0x3f81, X);
    EXPECT(ARM, RTO, float32_to_bfloat16(0x3f808000, st), 0x3f81, X);
    EXPECT(ARM, RNE, bfloat16_to_float32(0x3f80, st), F32_ONE, 0);
    EXPECT(ARM, RNE, bfloat16_add(0x3f80, 0x3f80, st), 0x4000, 0);
    EXPECT(ARM, RNE, bfloat16_mul(0x3f81, 0x3f81, st), 0x3f82, X);    /* (1+2^-7)^2 */
    EXPECT(ARM, RNE, float64_to_bfloat16(0x3ff0100000000001ULL, st), 0x3f81, X);
    /* float16 1 + 2^-8 + 2^-10 -> bfloat16: above half an ulp (2^-8), up. */
    EXPECT(ARM, RNE, float16_to_bfloat16(0x3c05, true, st), 0x3f81, X);
    EXPECT(ARM, RNE, bfloat16_to_float16(0x4780, true, st), 0x7c00, O | X);  /* 65536 */
    EXPECT(ARM, RNE, bfloat16_to_float16(0x4780, false, st), 0x7c00, 0);     /* AHP: exact */
}

/*
 * float32 -> bfloat16 has no host instruction: check every upper half with
 * the lower halves that decide rounding against round-half-even done on
 * the bit pattern (and Arm's before-rounding tininess for the flags).
 */
static void test_bfloat16_exhaustive_low(void)
{
    static const uint16_t lows[] = { 0, 1, 0x7fff, 0x8000, 0x8001, 0xffff, 0x1234, 0xc000 };
    unsigned n = 0;

    for (uint32_t hi = 0; hi < 0x10000; hi++) {
        for (unsigned li = 0; li < ARRAY_SIZE(lows); li++) {
            uint32_t lo = lows[li];
            uint32_t f = (hi << 16) | lo;
            float_status s = make_status(ARM, RNE);
            uint16_t got = float32_to_bfloat16(f, &s), want;
            int want_flags = 0;

            if ((f & 0x7f800000) == 0x7f800000 && (f & 0x7fffff)) {
                want = (f >> 16) | 0x40;
                want_flags = (f & 0x400000) ? 0 : I;
            } else {
                /* Round half to even on the bit pattern: carries move into the exponent. */
                uint32_t rounded = f + 0x7fff + ((f >> 16) & 1);
                want = rounded >> 16;
                if (lo) {
                    want_flags = X;
                    if ((want & 0x7f80) == 0x7f80) {
                        want_flags |= O;
                    } else if ((f & 0x7f800000) == 0) {
                        want_flags |= U;
                    }
                }
            }
            n++;
            if (got != want || (s.float_exception_flags & ~CAUSES) != want_flags) {
                g_test_message("float32_to_bfloat16(%#x) = %#x flags %#x, expected %#x flags %#x",
                               f, got, s.float_exception_flags, want, want_flags);
                g_test_fail();
                return;
            }
        }
    }
    g_test_message("%u float32_to_bfloat16 cases", n);
}

/*
 * Arm estimates, worked through the Arm ARM pseudocode by hand:
 * RecipEstimate(256) = (2^19 / 513 + 1) / 2 = 511, so FRECPE(1.0) has
 * fraction 0xff and exponent 253 - 127 = 126: 0x3f7f8000.
 */
static void test_arm_estimates(void)
{
    EXPECT(ARM, RNE, float32_arm_recpe(F32_ONE, st), 0x3f7f8000, 0);
    EXPECT(ARM, RNE, float32_arm_recpe(F32_TWO, st), 0x3eff8000, 0);
    /* -3.0: scaled = 384, (2^19 / 769 + 1) / 2 = 341 = 0x155, exponent 125. */
    EXPECT(ARM, RNE, float32_arm_recpe(0xc0400000, st), 0xbeaa8000, 0);
    EXPECT(ARM, RNE, float64_arm_recpe(0x3ff0000000000000ULL, st), 0x3feff00000000000ULL, 0);
    EXPECT(ARM, RNE, float16_arm_recpe(0x3c00, st), 0x3bfc, 0);
    EXPECT(ARM, RNE, float32_arm_recpe(0, st), F32_INF, Z);
    EXPECT(ARM, RNE, float32_arm_recpe(0x80000000, st), 0xff800000, Z);
    EXPECT(ARM, RNE, float32_arm_recpe(0xff800000, st), 0x80000000, 0);
    EXPECT(ARM, RNE, float32_arm_recpe(F32_SNAN1, st), F32_QNAN1, I);
    EXPECT(ARM_DN, RNE, float32_arm_recpe(F32_QNAN1, st), 0x7fc00000, 0);
    /* Below 2^-128 the reciprocal overflows: infinity or the maximum by rounding mode. */
    EXPECT(ARM, RNE, float32_arm_recpe(0x00000001, st), F32_INF, O | X);
    EXPECT(ARM, RTZ, float32_arm_recpe(0x00000001, st), F32_MAX, O | X);
    EXPECT(ARM, RDN, float32_arm_recpe(0x00000001, st), F32_MAX, O | X);
    EXPECT(ARM, RDN, float32_arm_recpe(0x80000001, st), 0xff800000, O | X);
    /* 2^-127: normalized, result exponent 253. */
    EXPECT(ARM, RNE, float32_arm_recpe(0x00400000, st), 0x7eff8000, 0);
    /* 2^126 and 2^127 give denormal results, or zero with FZ (UFC only). */
    EXPECT(ARM, RNE, float32_arm_recpe(0x7e800000, st), 0x007fc000, 0);
    EXPECT(ARM, RNE, float32_arm_recpe(0x7f000000, st), 0x003fe000, 0);
    EXPECT(ARM_FZ, RNE, float32_arm_recpe(0x7e800000, st), 0, U);
    EXPECT(ARM_FZ, RNE, float32_arm_recpe(0x00400000, st), F32_INF, ID | Z);

    /* RecipSqrtEstimate(128) = 511 (odd exponent), RecipSqrtEstimate(256) = 361. */
    EXPECT(ARM, RNE, float32_arm_rsqrte(F32_ONE, st), 0x3f7f8000, 0);
    EXPECT(ARM, RNE, float32_arm_rsqrte(F32_TWO, st), 0x3f348000, 0);
    EXPECT(ARM, RNE, float32_arm_rsqrte(0x40800000, st), 0x3eff8000, 0);
    EXPECT(ARM, RNE, float64_arm_rsqrte(0x3ff0000000000000ULL, st), 0x3feff00000000000ULL, 0);
    /* 2^-149: normalized to exponent -22 (even), result exponent (380 + 22) / 2 = 201. */
    EXPECT(ARM, RNE, float32_arm_rsqrte(0x00000001, st), 0x64b48000, 0);
    EXPECT(ARM, RNE, float32_arm_rsqrte(0xbf800000, st), 0x7fc00000, I);
    EXPECT(ARM, RNE, float32_arm_rsqrte(0xff800000, st), 0x7fc00000, I);
    EXPECT(ARM, RNE, float32_arm_rsqrte(0x80000000, st), 0xff800000, Z);
    EXPECT(ARM, RNE, float32_arm_rsqrte(F32_INF, st), 0, 0);

    /* FRECPX: the exponent field inverted, fraction cleared; zero/denormal -> max exponent. */
    EXPECT(ARM, RNE, float32_arm_recpx(F32_ONE, st), 0x40000000, 0);
    EXPECT(ARM, RNE, float32_arm_recpx(0x40400000, st), F32_ONE, 0);
    EXPECT(ARM, RNE, float32_arm_recpx(0, st), 0x7f000000, 0);
    EXPECT(ARM, RNE, float32_arm_recpx(0x80000001, st), 0xff000000, 0);
    EXPECT(ARM_FZ, RNE, float32_arm_recpx(0x80000001, st), 0xff000000, ID);
    EXPECT(ARM, RNE, float32_arm_recpx(F32_INF, st), 0, 0);
    EXPECT(ARM, RNE, float32_arm_recpx(F32_SNAN1, st), F32_QNAN1, I);

    /* FRECPS = 2 - a*b, FRSQRTS = (3 - a*b) / 2, 0 * inf exact 2.0 / 1.5. */
    EXPECT(ARM, RNE, float32_arm_recps(F32_INF, 0, st), F32_TWO, 0);
    EXPECT(ARM, RNE, float32_arm_recps(F32_ONE, F32_ONE, st), F32_ONE, 0);
    EXPECT(ARM, RNE, float32_arm_recps(0x3fc00000, 0x3fc00000, st), 0xbe800000, 0);
    EXPECT(ARM, RNE, float32_arm_recps(F32_INF, F32_TWO, st), 0xff800000, 0);
    EXPECT(ARM, RNE, float32_arm_recps(F32_QNAN1, F32_ONE, st), 0xffc00001, 0);
    EXPECT(ARM, RNE, float32_arm_rsqrts(F32_INF, 0, st), 0x3fc00000, 0);
    EXPECT(ARM, RNE, float32_arm_rsqrts(F32_ONE, F32_ONE, st), F32_ONE, 0);
    EXPECT(ARM, RNE, float32_arm_rsqrts(F32_TWO, 0x3fc00000, st), 0, 0);
    EXPECT(ARM, RDN, float32_arm_rsqrts(F32_TWO, 0x3fc00000, st), 0x80000000, 0);
    EXPECT(ARM, RNE, float64_arm_recps(0x3ff8000000000000ULL, 0x3ff8000000000000ULL, st),
           0xbfd0000000000000ULL, 0);

    EXPECT(ARM, RNE, arm_urecpe_u32(0x80000000u), 0xff800000u, 0);
    EXPECT(ARM, RNE, arm_urecpe_u32(0x7fffffffu), 0xffffffffu, 0);
    EXPECT(ARM, RNE, arm_ursqrte_u32(0x40000000u), 0xff800000u, 0);
    EXPECT(ARM, RNE, arm_ursqrte_u32(0x80000000u), 0xb4800000u, 0);
    EXPECT(ARM, RNE, arm_ursqrte_u32(0x3fffffffu), 0xffffffffu, 0);
}

/*
 * A property that holds whatever the table details: the estimates are
 * within 2^-8 of the true reciprocal and reciprocal square root, for every
 * 9-bit fraction prefix at several exponents (the host's double arithmetic
 * only measures the error here).
 */
static void test_arm_estimate_accuracy(void)
{
    static const int exps[] = { 1, 2, 100, 126, 127, 128, 129, 200, 252 };
    unsigned n = 0;

    for (unsigned e = 0; e < ARRAY_SIZE(exps); e++) {
        for (uint32_t top = 0; top < 512; top++) {
            uint32_t x = ((uint32_t)exps[e] << 23) | (top << 14) | 0x1234;
            float_status s = make_status(ARM, RNE);
            uint32_t r = float32_arm_recpe(x, &s), q = float32_arm_rsqrte(x, &s);
            float fx, fr, fq;
            double err_r, err_q;

            memcpy(&fx, &x, 4);
            memcpy(&fr, &r, 4);
            memcpy(&fq, &q, 4);
            err_r = fabs((double)fr * fx - 1.0);
            err_q = fabs((double)fq * fq * fx - 1.0);
            n++;
            if (err_r > 1.0 / 256 || err_q > 1.0 / 128 || s.float_exception_flags) {
                g_test_message("x=%#x recpe=%#x (err %g) rsqrte=%#x (err %g) flags %#x",
                               x, r, err_r, q, err_q, s.float_exception_flags);
                g_test_fail();
                return;
            }
        }
    }
    g_test_message("%u estimates within bounds", n);
}

static void test_invalid_causes(void)
{
    flag_mask = ~0;
    EXPECT(PPC, RNE, float64_add(0x7ff0000000000000ULL, 0xfff0000000000000ULL, st),
           0x7ff8000000000000ULL, I | float_flag_invalid_isi);
    EXPECT(PPC, RNE, float64_mul(0x7ff0000000000000ULL, 0, st), 0x7ff8000000000000ULL,
           I | float_flag_invalid_imz);
    EXPECT(PPC, RNE, float64_div(0x7ff0000000000000ULL, 0x7ff0000000000000ULL, st),
           0x7ff8000000000000ULL, I | float_flag_invalid_idi);
    EXPECT(PPC, RNE, float64_div(0, 0, st), 0x7ff8000000000000ULL, I | float_flag_invalid_zdz);
    EXPECT(PPC, RNE, float64_sqrt(0xbff0000000000000ULL, st), 0x7ff8000000000000ULL,
           I | float_flag_invalid_sqrt);
    EXPECT(PPC, RNE, float64_to_int32(0x7ff0000000000000ULL, st), INT32_MAX,
           I | float_flag_invalid_cvti);
    EXPECT(PPC, RNE, float64_to_int32(0x7ff0000000000001ULL, st), INT32_MAX,
           I | float_flag_invalid_cvti | float_flag_invalid_snan);
    EXPECT(PPC, RNE, float64_add(0x7ff0000000000001ULL, 0, st), 0x7ff8000000000001ULL,
           I | float_flag_invalid_snan);
    EXPECT(PPC, RNE, float64_muladd(0x7ff0000000000000ULL, 0, 0x3ff0000000000000ULL, 0, st),
           0x7ff8000000000000ULL, I | float_flag_invalid_imz);
    EXPECT(PPC, RNE, float64_muladd(0x7ff0000000000000ULL, 0x3ff0000000000000ULL,
                                    0xfff0000000000000ULL, 0, st),
           0x7ff8000000000000ULL, I | float_flag_invalid_isi);
    EXPECT(PPC, RNE, float64_compare(0x7ff8000000000000ULL, 0, st), float_relation_unordered, I);
    flag_mask = ~CAUSES;
}

static void test_floatx80_basics(void)
{
    float_status s;
    floatx80 one = make_floatx80(0x3fff, 1ULL << 63), r;

    softfloat_status_init_x87(&s);
    r = floatx80_add(one, one, &s);
    g_assert_cmphex(r.high, ==, 0x4000);
    g_assert_cmphex(r.low, ==, 1ULL << 63);
    g_assert_cmpint(s.float_exception_flags, ==, 0);
    /* 1 + 2^-30 at 24-bit precision: rounds back to 1, inexact. */
    s.floatx80_rounding_precision = floatx80_precision_s;
    r = floatx80_add(one, make_floatx80(0x3fff - 30, 1ULL << 63), &s);
    g_assert_cmphex(r.high, ==, 0x3fff);
    g_assert_cmphex(r.low, ==, 1ULL << 63);
    g_assert_cmpint(s.float_exception_flags, ==, float_flag_inexact);
    /* The x87 default NaN, and an unnormal operand. */
    softfloat_status_init_x87(&s);
    r = floatx80_default_nan(&s);
    g_assert_cmphex(r.high, ==, 0xffff);
    g_assert_cmphex(r.low, ==, 0xc000000000000000ULL);
    g_assert_true(floatx80_invalid_encoding(make_floatx80(0x3fff, 1)));
    r = floatx80_mul(make_floatx80(0x3fff, 1), one, &s);
    g_assert_cmphex(r.low, ==, 0xc000000000000000ULL);
    g_assert_cmpint(s.float_exception_flags, ==, float_flag_invalid);
    /* float64 -> floatx80 -> float64 is the identity. */
    r = float64_to_floatx80(0x3fb999999999999aULL, &s);
    g_assert_cmphex(floatx80_to_float64(r, &s), ==, 0x3fb999999999999aULL);
}

/*
 * float16 <-> bfloat16 directly must equal the route through float32,
 * where the widening is exact and the narrowing the only rounding: all
 * 65,536 inputs each way, in every rounding mode, value and flags.
 */
static void test_half_bfloat_exhaustive(void)
{
    static const FloatRoundMode rms[] = { RNE, RDN, RUP, RTZ, RTA, RTO };

    for (unsigned r = 0; r < ARRAY_SIZE(rms); r++) {
        for (uint32_t v = 0; v < 0x10000; v++) {
            float_status s1 = make_status(ARM, rms[r]), s2 = make_status(ARM, rms[r]);
            uint16_t direct = float16_to_bfloat16(v, true, &s1);
            uint16_t via = float32_to_bfloat16(float16_to_float32(v, true, &s2), &s2);

            if (direct != via || s1.float_exception_flags != s2.float_exception_flags) {
                g_test_message("float16_to_bfloat16(%#x) mode %d: %#x flags %#x, via float32 %#x "
                               "flags %#x", v, rms[r], direct, s1.float_exception_flags, via,
                               s2.float_exception_flags);
                g_test_fail();
                return;
            }
            s1 = make_status(ARM, rms[r]);
            s2 = make_status(ARM, rms[r]);
            direct = bfloat16_to_float16(v, true, &s1);
            via = float32_to_float16(bfloat16_to_float32(v, &s2), true, &s2);
            if (direct != via || s1.float_exception_flags != s2.float_exception_flags) {
                g_test_message("bfloat16_to_float16(%#x) mode %d: %#x flags %#x, via float32 %#x "
                               "flags %#x", v, rms[r], direct, s1.float_exception_flags, via,
                               s2.float_exception_flags);
                g_test_fail();
                return;
            }
        }
    }
}

static void test_inline_predicates(void)
{
    g_assert_true(float32_is_any_nan(F32_QNAN1));
    g_assert_true(float32_is_any_nan(F32_SNAN1));
    g_assert_false(float32_is_any_nan(F32_INF));
    g_assert_true(float32_is_infinity(0xff800000));
    g_assert_true(float32_is_zero(0x80000000));
    g_assert_true(float32_is_denormal(0x00000001));
    g_assert_false(float32_is_denormal(0));
    g_assert_true(float32_is_zero_or_denormal(0));
    g_assert_true(float32_is_normal(F32_MINNORM));
    g_assert_false(float32_is_normal(F32_INF));
    g_assert_true(float32_is_neg(0x80000000));
    g_assert_cmphex(float32_chs(F32_ONE), ==, 0xbf800000);
    g_assert_cmphex(float32_abs(0xbf800000), ==, F32_ONE);
    g_assert_cmphex(float64_chs(0), ==, 0x8000000000000000ULL);
    g_assert_true(float16_is_any_nan(0x7c01));
    g_assert_false(float16_is_any_nan(0x7c00));
    g_assert_true(bfloat16_is_infinity(0xff80));
    g_assert_true(float64_is_denormal(1));
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/softfloat/rounding-modes", test_rounding_modes);
    g_test_add_func("/softfloat/zero-signs", test_zero_signs);
    g_test_add_func("/softfloat/overflow", test_overflow);
    g_test_add_func("/softfloat/underflow-and-flush", test_underflow_and_flush);
    g_test_add_func("/softfloat/nan-propagation", test_nan_propagation);
    g_test_add_func("/softfloat/fma", test_fma);
    g_test_add_func("/softfloat/sqrt-div-rem", test_sqrt_div_rem);
    g_test_add_func("/softfloat/rem-vs-libm", test_rem_vs_libm);
    g_test_add_func("/softfloat/compare", test_compare);
    g_test_add_func("/softfloat/minmax", test_minmax);
    g_test_add_func("/softfloat/round-to-int", test_round_to_int);
    g_test_add_func("/softfloat/int-conversions", test_int_conversions);
    g_test_add_func("/softfloat/half-and-bfloat16", test_half_and_bfloat);
    g_test_add_func("/softfloat/int-modulo-and-float64r32", test_modulo_and_r32);
    g_test_add_func("/softfloat/bfloat16-from-float32", test_bfloat16_exhaustive_low);
    g_test_add_func("/softfloat/arm-estimates", test_arm_estimates);
    g_test_add_func("/softfloat/arm-estimate-accuracy", test_arm_estimate_accuracy);
    g_test_add_func("/softfloat/invalid-causes", test_invalid_causes);
    g_test_add_func("/softfloat/floatx80-basics", test_floatx80_basics);
    g_test_add_func("/softfloat/half-bfloat16-exhaustive", test_half_bfloat_exhaustive);
    g_test_add_func("/softfloat/inline-predicates", test_inline_predicates);
    ret = g_test_run();
    printf("# %u hand-picked softfloat checks\n", checks_run);
    return ret;
}
