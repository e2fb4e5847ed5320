/*
 * softfloat.h - plumb's software IEEE 754 arithmetic for the guest FP and
 * SIMD instructions (AArch64 first, then PPC and x86).
 *
 * Every operation takes a float_status: it reads the rounding mode and the
 * flush/NaN options from it and ORs exception flags into
 * status->float_exception_flags. Results and flags never depend on the
 * host FPU. Names and signatures follow QEMU's softfloat so that target
 * code reads as expected; the behaviour is documented in
 * docs/devel/softfloat.md. Example, an Arm FADD Sd:
 *
 *     float_status *fpst = &env->vfp.fp_status;
 *     float32 d = float32_add(n, m, fpst);
 *     env->fpsr |= arm_flags_from(get_float_exception_flags(fpst));
 *
 * Set up a status for Arm with softfloat_status_init_arm(), for x86 SSE
 * with softfloat_status_init_x86(), for PPC with softfloat_status_init_ppc().
 */
#ifndef FPU_SOFTFLOAT_H
#define FPU_SOFTFLOAT_H

#include "fpu/softfloat-types.h"

/* ---- float_status accessors ---- */

static inline void set_float_rounding_mode(FloatRoundMode m, float_status *s)
{
    s->float_rounding_mode = m;
}
static inline FloatRoundMode get_float_rounding_mode(const float_status *s)
{
    return (FloatRoundMode)s->float_rounding_mode;
}
static inline void set_float_exception_flags(int flags, float_status *s)
{
    s->float_exception_flags = flags;
}
static inline int get_float_exception_flags(const float_status *s)
{
    return s->float_exception_flags;
}
static inline void float_raise(int flags, float_status *s)
{
    s->float_exception_flags |= flags;
}
static inline void set_flush_to_zero(bool val, float_status *s)
{
    s->flush_to_zero = val;
}
static inline bool get_flush_to_zero(const float_status *s)
{
    return s->flush_to_zero;
}
static inline void set_float_ftz_after_rounding(bool val, float_status *s)
{
    s->ftz_after_rounding = val;
}
static inline void set_flush_inputs_to_zero(bool val, float_status *s)
{
    s->flush_inputs_to_zero = val;
}
static inline bool get_flush_inputs_to_zero(const float_status *s)
{
    return s->flush_inputs_to_zero;
}
static inline void set_default_nan_mode(bool val, float_status *s)
{
    s->default_nan_mode = val;
}
static inline bool get_default_nan_mode(const float_status *s)
{
    return s->default_nan_mode;
}
static inline void set_snan_bit_is_one(bool val, float_status *s)
{
    s->snan_bit_is_one = val;
}
static inline void set_float_2nan_prop_rule(Float2NaNPropRule r, float_status *s)
{
    s->float_2nan_prop_rule = r;
}
static inline void set_float_3nan_prop_rule(Float3NaNPropRule r, float_status *s)
{
    s->float_3nan_prop_rule = r;
}
static inline void set_float_infzeronan_rule(FloatInfZeroNaNRule r, float_status *s)
{
    s->float_infzeronan_rule = r;
}
static inline Float2NaNPropRule get_float_2nan_prop_rule(const float_status *s)
{
    return (Float2NaNPropRule)s->float_2nan_prop_rule;
}
static inline Float3NaNPropRule get_float_3nan_prop_rule(const float_status *s)
{
    return (Float3NaNPropRule)s->float_3nan_prop_rule;
}
static inline void set_float_default_nan_pattern(uint8_t pattern, float_status *s)
{
    s->default_nan_pattern = pattern;
}

/* Values for set_float_detect_tininess(). */
enum {
    float_tininess_after_rounding  = false,
    float_tininess_before_rounding = true,
};
static inline void set_float_detect_tininess(bool before_rounding, float_status *s)
{
    s->tininess_before_rounding = before_rounding;
}

/**
 * softfloat_status_init_arm: reset @s to the AArch64 rules with FPCR = 0:
 * round to nearest even, no flushing, NaNs propagate (s_ab / s_cab,
 * default NaN for 0*inf+qNaN), default NaN 0x7fc00000, tininess before
 * rounding. The target then applies FPCR.{RMode,FZ,DN} on top.
 */
void softfloat_status_init_arm(float_status *s);
/** softfloat_status_init_x86: MXCSR = 0x1f80 rules (SSE/AVX). */
void softfloat_status_init_x86(float_status *s);
/** softfloat_status_init_x87: FPU control word 0x037f rules (x87 NaN choice, 64-bit precision). */
void softfloat_status_init_x87(float_status *s);
/** softfloat_status_init_ppc: FPSCR = 0 rules. */
void softfloat_status_init_ppc(float_status *s);

/* ---- flags for muladd ---- */
enum {
    float_muladd_negate_c       = 1,  /* a * b - c */
    float_muladd_negate_product = 2,  /* -(a * b) + c */
    float_muladd_negate_result  = 4,  /* -(a * b + c), negated after rounding, NaNs untouched */
    float_muladd_halve_result   = 8,  /* (a * b + c) / 2 with a single rounding */
};

/* ==================== float16 (16 bits: 1 sign, 5 exponent, 10 fraction) ==================== */

#define float16_zero        make_float16(0)
#define float16_infinity    make_float16(((uint16_t)((1u << 5) - 1) << 10))
#define float16_sign_mask   ((uint16_t)1 << 15)
#define float16_exp_mask    ((uint16_t)((1u << 5) - 1) << 10)
#define float16_frac_mask   (((uint16_t)1 << 10) - 1)

static inline bool float16_is_any_nan(float16 a)
{
    return (a & ((uint16_t)((1u << 5) - 1) << 10)) == ((uint16_t)((1u << 5) - 1) << 10) && (a & (((uint16_t)1 << 10) - 1)) != 0;
}
static inline bool float16_is_infinity(float16 a)
{
    return (a & ~((uint16_t)1 << 15)) == ((uint16_t)((1u << 5) - 1) << 10);
}
static inline bool float16_is_neg(float16 a)
{
    return (a & ((uint16_t)1 << 15)) != 0;
}
static inline bool float16_is_zero(float16 a)
{
    return (a & ~((uint16_t)1 << 15)) == 0;
}
static inline bool float16_is_zero_or_denormal(float16 a)
{
    return (a & ((uint16_t)((1u << 5) - 1) << 10)) == 0;
}
static inline bool float16_is_denormal(float16 a)
{
    return (a & ((uint16_t)((1u << 5) - 1) << 10)) == 0 && (a & (((uint16_t)1 << 10) - 1)) != 0;
}
static inline bool float16_is_normal(float16 a)
{
    return (a & ((uint16_t)((1u << 5) - 1) << 10)) != 0 && (a & ((uint16_t)((1u << 5) - 1) << 10)) != ((uint16_t)((1u << 5) - 1) << 10);
}
static inline bool float16_is_zero_or_normal(float16 a)
{
    return float16_is_zero(a) || float16_is_normal(a);
}
static inline float16 float16_abs(float16 a)
{
    return a & ~((uint16_t)1 << 15);
}
static inline float16 float16_chs(float16 a)
{
    return a ^ ((uint16_t)1 << 15);
}
static inline float16 float16_set_sign(float16 a, bool sign)
{
    return (a & ~((uint16_t)1 << 15)) | (sign ? ((uint16_t)1 << 15) : 0);
}

bool float16_is_signaling_nan(float16 a, const float_status *s);
bool float16_is_quiet_nan(float16 a, const float_status *s);
float16 float16_silence_nan(float16 a, const float_status *s);
float16 float16_default_nan(const float_status *s);
/* Returns @a, or a signed zero (raising input_denormal) if @a is denormal and s->flush_inputs_to_zero. */
float16 float16_squash_input_denormal(float16 a, float_status *s);

float16 float16_add(float16 a, float16 b, float_status *s);
float16 float16_sub(float16 a, float16 b, float_status *s);
float16 float16_mul(float16 a, float16 b, float_status *s);
float16 float16_div(float16 a, float16 b, float_status *s);
/* IEEE remainder: a - n * b with n = a / b rounded to nearest even; always exact. */
float16 float16_rem(float16 a, float16 b, float_status *s);
/* Fused a * b + c with one rounding; @flags are float_muladd_*. */
float16 float16_muladd(float16 a, float16 b, float16 c, int flags, float_status *s);
float16 float16_sqrt(float16 a, float_status *s);
float16 float16_scalbn(float16 a, int n, float_status *s);
/* Round to an integral value in the status rounding mode; raises inexact if that changed it. */
float16 float16_round_to_int(float16 a, float_status *s);

/* Arm FMIN/FMAX: any NaN operand gives a NaN by the 2-NaN rule; -0 < +0. */
float16 float16_min(float16 a, float16 b, float_status *s);
float16 float16_max(float16 a, float16 b, float_status *s);
/* IEEE 754-2008 minNum/maxNum = Arm FMINNM/FMAXNM: a quiet NaN loses to a number, a signaling NaN gives NaN. */
float16 float16_minnum(float16 a, float16 b, float_status *s);
float16 float16_maxnum(float16 a, float16 b, float_status *s);
float16 float16_minnummag(float16 a, float16 b, float_status *s);
float16 float16_maxnummag(float16 a, float16 b, float_status *s);
/* IEEE 754-2019 minimumNumber/maximumNumber: any NaN loses to a number (sNaN still raises invalid). */
float16 float16_minimum_number(float16 a, float16 b, float_status *s);
float16 float16_maximum_number(float16 a, float16 b, float_status *s);

/* Signaling compare: invalid on any NaN. */
FloatRelation float16_compare(float16 a, float16 b, float_status *s);
/* Quiet compare: invalid only on a signaling NaN. */
FloatRelation float16_compare_quiet(float16 a, float16 b, float_status *s);

static inline bool float16_eq(float16 a, float16 b, float_status *s)
{
    return float16_compare(a, b, s) == float_relation_equal;
}
static inline bool float16_le(float16 a, float16 b, float_status *s)
{
    return float16_compare(a, b, s) <= float_relation_equal;
}
static inline bool float16_lt(float16 a, float16 b, float_status *s)
{
    return float16_compare(a, b, s) < float_relation_equal;
}
static inline bool float16_unordered(float16 a, float16 b, float_status *s)
{
    return float16_compare(a, b, s) == float_relation_unordered;
}
static inline bool float16_eq_quiet(float16 a, float16 b, float_status *s)
{
    return float16_compare_quiet(a, b, s) == float_relation_equal;
}
static inline bool float16_le_quiet(float16 a, float16 b, float_status *s)
{
    return float16_compare_quiet(a, b, s) <= float_relation_equal;
}
static inline bool float16_lt_quiet(float16 a, float16 b, float_status *s)
{
    return float16_compare_quiet(a, b, s) < float_relation_equal;
}
static inline bool float16_unordered_quiet(float16 a, float16 b, float_status *s)
{
    return float16_compare_quiet(a, b, s) == float_relation_unordered;
}

/*
 * To integer: out of range saturates and raises invalid (no inexact); a NaN
 * gives the maximum (Arm wants 0: check float*_is_any_nan first).
 * _scalbn converts a * 2^scale in @rmode (fixed-point FCVTZS #fbits).
 */
int16_t float16_to_int16_scalbn(float16 a, FloatRoundMode rmode, int scale, float_status *s);
int32_t float16_to_int32_scalbn(float16 a, FloatRoundMode rmode, int scale, float_status *s);
int64_t float16_to_int64_scalbn(float16 a, FloatRoundMode rmode, int scale, float_status *s);
uint16_t float16_to_uint16_scalbn(float16 a, FloatRoundMode rmode, int scale, float_status *s);
uint32_t float16_to_uint32_scalbn(float16 a, FloatRoundMode rmode, int scale, float_status *s);
uint64_t float16_to_uint64_scalbn(float16 a, FloatRoundMode rmode, int scale, float_status *s);
int16_t float16_to_int16(float16 a, float_status *s);
int32_t float16_to_int32(float16 a, float_status *s);
int64_t float16_to_int64(float16 a, float_status *s);
uint16_t float16_to_uint16(float16 a, float_status *s);
uint32_t float16_to_uint32(float16 a, float_status *s);
uint64_t float16_to_uint64(float16 a, float_status *s);
int16_t float16_to_int16_round_to_zero(float16 a, float_status *s);
int32_t float16_to_int32_round_to_zero(float16 a, float_status *s);
int64_t float16_to_int64_round_to_zero(float16 a, float_status *s);
uint16_t float16_to_uint16_round_to_zero(float16 a, float_status *s);
uint32_t float16_to_uint32_round_to_zero(float16 a, float_status *s);
uint64_t float16_to_uint64_round_to_zero(float16 a, float_status *s);

/* From integer, value * 2^scale rounded in the status mode (SCVTF #fbits uses scale = -fbits). */
float16 int16_to_float16_scalbn(int16_t a, int scale, float_status *s);
float16 int32_to_float16_scalbn(int32_t a, int scale, float_status *s);
float16 int64_to_float16_scalbn(int64_t a, int scale, float_status *s);
float16 uint16_to_float16_scalbn(uint16_t a, int scale, float_status *s);
float16 uint32_to_float16_scalbn(uint32_t a, int scale, float_status *s);
float16 uint64_to_float16_scalbn(uint64_t a, int scale, float_status *s);
float16 int16_to_float16(int16_t a, float_status *s);
float16 int32_to_float16(int32_t a, float_status *s);
float16 int64_to_float16(int64_t a, float_status *s);
float16 uint16_to_float16(uint16_t a, float_status *s);
float16 uint32_to_float16(uint32_t a, float_status *s);
float16 uint64_to_float16(uint64_t a, float_status *s);

/* ==================== bfloat16 (16 bits: 1 sign, 8 exponent, 7 fraction) ==================== */

#define bfloat16_zero        make_bfloat16(0)
#define bfloat16_infinity    make_bfloat16(((uint16_t)((1u << 8) - 1) << 7))
#define bfloat16_sign_mask   ((uint16_t)1 << 15)
#define bfloat16_exp_mask    ((uint16_t)((1u << 8) - 1) << 7)
#define bfloat16_frac_mask   (((uint16_t)1 << 7) - 1)

static inline bool bfloat16_is_any_nan(bfloat16 a)
{
    return (a & ((uint16_t)((1u << 8) - 1) << 7)) == ((uint16_t)((1u << 8) - 1) << 7) && (a & (((uint16_t)1 << 7) - 1)) != 0;
}
static inline bool bfloat16_is_infinity(bfloat16 a)
{
    return (a & ~((uint16_t)1 << 15)) == ((uint16_t)((1u << 8) - 1) << 7);
}
static inline bool bfloat16_is_neg(bfloat16 a)
{
    return (a & ((uint16_t)1 << 15)) != 0;
}
static inline bool bfloat16_is_zero(bfloat16 a)
{
    return (a & ~((uint16_t)1 << 15)) == 0;
}
static inline bool bfloat16_is_zero_or_denormal(bfloat16 a)
{
    return (a & ((uint16_t)((1u << 8) - 1) << 7)) == 0;
}
static inline bool bfloat16_is_denormal(bfloat16 a)
{
    return (a & ((uint16_t)((1u << 8) - 1) << 7)) == 0 && (a & (((uint16_t)1 << 7) - 1)) != 0;
}
static inline bool bfloat16_is_normal(bfloat16 a)
{
    return (a & ((uint16_t)((1u << 8) - 1) << 7)) != 0 && (a & ((uint16_t)((1u << 8) - 1) << 7)) != ((uint16_t)((1u << 8) - 1) << 7);
}
static inline bool bfloat16_is_zero_or_normal(bfloat16 a)
{
    return bfloat16_is_zero(a) || bfloat16_is_normal(a);
}
static inline bfloat16 bfloat16_abs(bfloat16 a)
{
    return a & ~((uint16_t)1 << 15);
}
static inline bfloat16 bfloat16_chs(bfloat16 a)
{
    return a ^ ((uint16_t)1 << 15);
}
static inline bfloat16 bfloat16_set_sign(bfloat16 a, bool sign)
{
    return (a & ~((uint16_t)1 << 15)) | (sign ? ((uint16_t)1 << 15) : 0);
}

bool bfloat16_is_signaling_nan(bfloat16 a, const float_status *s);
bool bfloat16_is_quiet_nan(bfloat16 a, const float_status *s);
bfloat16 bfloat16_silence_nan(bfloat16 a, const float_status *s);
bfloat16 bfloat16_default_nan(const float_status *s);
/* Returns @a, or a signed zero (raising input_denormal) if @a is denormal and s->flush_inputs_to_zero. */
bfloat16 bfloat16_squash_input_denormal(bfloat16 a, float_status *s);

bfloat16 bfloat16_add(bfloat16 a, bfloat16 b, float_status *s);
bfloat16 bfloat16_sub(bfloat16 a, bfloat16 b, float_status *s);
bfloat16 bfloat16_mul(bfloat16 a, bfloat16 b, float_status *s);
bfloat16 bfloat16_div(bfloat16 a, bfloat16 b, float_status *s);
/* IEEE remainder: a - n * b with n = a / b rounded to nearest even; always exact. */
bfloat16 bfloat16_rem(bfloat16 a, bfloat16 b, float_status *s);
/* Fused a * b + c with one rounding; @flags are float_muladd_*. */
bfloat16 bfloat16_muladd(bfloat16 a, bfloat16 b, bfloat16 c, int flags, float_status *s);
bfloat16 bfloat16_sqrt(bfloat16 a, float_status *s);
bfloat16 bfloat16_scalbn(bfloat16 a, int n, float_status *s);
/* Round to an integral value in the status rounding mode; raises inexact if that changed it. */
bfloat16 bfloat16_round_to_int(bfloat16 a, float_status *s);

/* Arm FMIN/FMAX: any NaN operand gives a NaN by the 2-NaN rule; -0 < +0. */
bfloat16 bfloat16_min(bfloat16 a, bfloat16 b, float_status *s);
bfloat16 bfloat16_max(bfloat16 a, bfloat16 b, float_status *s);
/* IEEE 754-2008 minNum/maxNum = Arm FMINNM/FMAXNM: a quiet NaN loses to a number, a signaling NaN gives NaN. */
bfloat16 bfloat16_minnum(bfloat16 a, bfloat16 b, float_status *s);
bfloat16 bfloat16_maxnum(bfloat16 a, bfloat16 b, float_status *s);
bfloat16 bfloat16_minnummag(bfloat16 a, bfloat16 b, float_status *s);
bfloat16 bfloat16_maxnummag(bfloat16 a, bfloat16 b, float_status *s);
/* IEEE 754-2019 minimumNumber/maximumNumber: any NaN loses to a number (sNaN still raises invalid). */
bfloat16 bfloat16_minimum_number(bfloat16 a, bfloat16 b, float_status *s);
bfloat16 bfloat16_maximum_number(bfloat16 a, bfloat16 b, float_status *s);

/* Signaling compare: invalid on any NaN. */
FloatRelation bfloat16_compare(bfloat16 a, bfloat16 b, float_status *s);
/* Quiet compare: invalid only on a signaling NaN. */
FloatRelation bfloat16_compare_quiet(bfloat16 a, bfloat16 b, float_status *s);

static inline bool bfloat16_eq(bfloat16 a, bfloat16 b, float_status *s)
{
    return bfloat16_compare(a, b, s) == float_relation_equal;
}
static inline bool bfloat16_le(bfloat16 a, bfloat16 b, float_status *s)
{
    return bfloat16_compare(a, b, s) <= float_relation_equal;
}
static inline bool bfloat16_lt(bfloat16 a, bfloat16 b, float_status *s)
{
    return bfloat16_compare(a, b, s) < float_relation_equal;
}
static inline bool bfloat16_unordered(bfloat16 a, bfloat16 b, float_status *s)
{
    return bfloat16_compare(a, b, s) == float_relation_unordered;
}
static inline bool bfloat16_eq_quiet(bfloat16 a, bfloat16 b, float_status *s)
{
    return bfloat16_compare_quiet(a, b, s) == float_relation_equal;
}
static inline bool bfloat16_le_quiet(bfloat16 a, bfloat16 b, float_status *s)
{
    return bfloat16_compare_quiet(a, b, s) <= float_relation_equal;
}
static inline bool bfloat16_lt_quiet(bfloat16 a, bfloat16 b, float_status *s)
{
    return bfloat16_compare_quiet(a, b, s) < float_relation_equal;
}
static inline bool bfloat16_unordered_quiet(bfloat16 a, bfloat16 b, float_status *s)
{
    return bfloat16_compare_quiet(a, b, s) == float_relation_unordered;
}

/*
 * To integer: out of range saturates and raises invalid (no inexact); a NaN
 * gives the maximum (Arm wants 0: check float*_is_any_nan first).
 * _scalbn converts a * 2^scale in @rmode (fixed-point FCVTZS #fbits).
 */
int16_t bfloat16_to_int16_scalbn(bfloat16 a, FloatRoundMode rmode, int scale, float_status *s);
int32_t bfloat16_to_int32_scalbn(bfloat16 a, FloatRoundMode rmode, int scale, float_status *s);
int64_t bfloat16_to_int64_scalbn(bfloat16 a, FloatRoundMode rmode, int scale, float_status *s);
uint16_t bfloat16_to_uint16_scalbn(bfloat16 a, FloatRoundMode rmode, int scale, float_status *s);
uint32_t bfloat16_to_uint32_scalbn(bfloat16 a, FloatRoundMode rmode, int scale, float_status *s);
uint64_t bfloat16_to_uint64_scalbn(bfloat16 a, FloatRoundMode rmode, int scale, float_status *s);
int16_t bfloat16_to_int16(bfloat16 a, float_status *s);
int32_t bfloat16_to_int32(bfloat16 a, float_status *s);
int64_t bfloat16_to_int64(bfloat16 a, float_status *s);
uint16_t bfloat16_to_uint16(bfloat16 a, float_status *s);
uint32_t bfloat16_to_uint32(bfloat16 a, float_status *s);
uint64_t bfloat16_to_uint64(bfloat16 a, float_status *s);
int16_t bfloat16_to_int16_round_to_zero(bfloat16 a, float_status *s);
int32_t bfloat16_to_int32_round_to_zero(bfloat16 a, float_status *s);
int64_t bfloat16_to_int64_round_to_zero(bfloat16 a, float_status *s);
uint16_t bfloat16_to_uint16_round_to_zero(bfloat16 a, float_status *s);
uint32_t bfloat16_to_uint32_round_to_zero(bfloat16 a, float_status *s);
uint64_t bfloat16_to_uint64_round_to_zero(bfloat16 a, float_status *s);

/* From integer, value * 2^scale rounded in the status mode (SCVTF #fbits uses scale = -fbits). */
bfloat16 int16_to_bfloat16_scalbn(int16_t a, int scale, float_status *s);
bfloat16 int32_to_bfloat16_scalbn(int32_t a, int scale, float_status *s);
bfloat16 int64_to_bfloat16_scalbn(int64_t a, int scale, float_status *s);
bfloat16 uint16_to_bfloat16_scalbn(uint16_t a, int scale, float_status *s);
bfloat16 uint32_to_bfloat16_scalbn(uint32_t a, int scale, float_status *s);
bfloat16 uint64_to_bfloat16_scalbn(uint64_t a, int scale, float_status *s);
bfloat16 int16_to_bfloat16(int16_t a, float_status *s);
bfloat16 int32_to_bfloat16(int32_t a, float_status *s);
bfloat16 int64_to_bfloat16(int64_t a, float_status *s);
bfloat16 uint16_to_bfloat16(uint16_t a, float_status *s);
bfloat16 uint32_to_bfloat16(uint32_t a, float_status *s);
bfloat16 uint64_to_bfloat16(uint64_t a, float_status *s);

/* ==================== float32 (32 bits: 1 sign, 8 exponent, 23 fraction) ==================== */

#define float32_zero        make_float32(0)
#define float32_infinity    make_float32(((uint32_t)((1u << 8) - 1) << 23))
#define float32_sign_mask   ((uint32_t)1 << 31)
#define float32_exp_mask    ((uint32_t)((1u << 8) - 1) << 23)
#define float32_frac_mask   (((uint32_t)1 << 23) - 1)

static inline bool float32_is_any_nan(float32 a)
{
    return (a & ((uint32_t)((1u << 8) - 1) << 23)) == ((uint32_t)((1u << 8) - 1) << 23) && (a & (((uint32_t)1 << 23) - 1)) != 0;
}
static inline bool float32_is_infinity(float32 a)
{
    return (a & ~((uint32_t)1 << 31)) == ((uint32_t)((1u << 8) - 1) << 23);
}
static inline bool float32_is_neg(float32 a)
{
    return (a & ((uint32_t)1 << 31)) != 0;
}
static inline bool float32_is_zero(float32 a)
{
    return (a & ~((uint32_t)1 << 31)) == 0;
}
static inline bool float32_is_zero_or_denormal(float32 a)
{
    return (a & ((uint32_t)((1u << 8) - 1) << 23)) == 0;
}
static inline bool float32_is_denormal(float32 a)
{
    return (a & ((uint32_t)((1u << 8) - 1) << 23)) == 0 && (a & (((uint32_t)1 << 23) - 1)) != 0;
}
static inline bool float32_is_normal(float32 a)
{
    return (a & ((uint32_t)((1u << 8) - 1) << 23)) != 0 && (a & ((uint32_t)((1u << 8) - 1) << 23)) != ((uint32_t)((1u << 8) - 1) << 23);
}
static inline bool float32_is_zero_or_normal(float32 a)
{
    return float32_is_zero(a) || float32_is_normal(a);
}
static inline float32 float32_abs(float32 a)
{
    return a & ~((uint32_t)1 << 31);
}
static inline float32 float32_chs(float32 a)
{
    return a ^ ((uint32_t)1 << 31);
}
static inline float32 float32_set_sign(float32 a, bool sign)
{
    return (a & ~((uint32_t)1 << 31)) | (sign ? ((uint32_t)1 << 31) : 0);
}

bool float32_is_signaling_nan(float32 a, const float_status *s);
bool float32_is_quiet_nan(float32 a, const float_status *s);
float32 float32_silence_nan(float32 a, const float_status *s);
float32 float32_default_nan(const float_status *s);
/* Returns @a, or a signed zero (raising input_denormal) if @a is denormal and s->flush_inputs_to_zero. */
float32 float32_squash_input_denormal(float32 a, float_status *s);

float32 float32_add(float32 a, float32 b, float_status *s);
float32 float32_sub(float32 a, float32 b, float_status *s);
float32 float32_mul(float32 a, float32 b, float_status *s);
float32 float32_div(float32 a, float32 b, float_status *s);
/* IEEE remainder: a - n * b with n = a / b rounded to nearest even; always exact. */
float32 float32_rem(float32 a, float32 b, float_status *s);
/* Fused a * b + c with one rounding; @flags are float_muladd_*. */
float32 float32_muladd(float32 a, float32 b, float32 c, int flags, float_status *s);
float32 float32_sqrt(float32 a, float_status *s);
float32 float32_scalbn(float32 a, int n, float_status *s);
/* Round to an integral value in the status rounding mode; raises inexact if that changed it. */
float32 float32_round_to_int(float32 a, float_status *s);

/* Arm FMIN/FMAX: any NaN operand gives a NaN by the 2-NaN rule; -0 < +0. */
float32 float32_min(float32 a, float32 b, float_status *s);
float32 float32_max(float32 a, float32 b, float_status *s);
/* IEEE 754-2008 minNum/maxNum = Arm FMINNM/FMAXNM: a quiet NaN loses to a number, a signaling NaN gives NaN. */
float32 float32_minnum(float32 a, float32 b, float_status *s);
float32 float32_maxnum(float32 a, float32 b, float_status *s);
float32 float32_minnummag(float32 a, float32 b, float_status *s);
float32 float32_maxnummag(float32 a, float32 b, float_status *s);
/* IEEE 754-2019 minimumNumber/maximumNumber: any NaN loses to a number (sNaN still raises invalid). */
float32 float32_minimum_number(float32 a, float32 b, float_status *s);
float32 float32_maximum_number(float32 a, float32 b, float_status *s);

/* Signaling compare: invalid on any NaN. */
FloatRelation float32_compare(float32 a, float32 b, float_status *s);
/* Quiet compare: invalid only on a signaling NaN. */
FloatRelation float32_compare_quiet(float32 a, float32 b, float_status *s);

static inline bool float32_eq(float32 a, float32 b, float_status *s)
{
    return float32_compare(a, b, s) == float_relation_equal;
}
static inline bool float32_le(float32 a, float32 b, float_status *s)
{
    return float32_compare(a, b, s) <= float_relation_equal;
}
static inline bool float32_lt(float32 a, float32 b, float_status *s)
{
    return float32_compare(a, b, s) < float_relation_equal;
}
static inline bool float32_unordered(float32 a, float32 b, float_status *s)
{
    return float32_compare(a, b, s) == float_relation_unordered;
}
static inline bool float32_eq_quiet(float32 a, float32 b, float_status *s)
{
    return float32_compare_quiet(a, b, s) == float_relation_equal;
}
static inline bool float32_le_quiet(float32 a, float32 b, float_status *s)
{
    return float32_compare_quiet(a, b, s) <= float_relation_equal;
}
static inline bool float32_lt_quiet(float32 a, float32 b, float_status *s)
{
    return float32_compare_quiet(a, b, s) < float_relation_equal;
}
static inline bool float32_unordered_quiet(float32 a, float32 b, float_status *s)
{
    return float32_compare_quiet(a, b, s) == float_relation_unordered;
}

/*
 * To integer: out of range saturates and raises invalid (no inexact); a NaN
 * gives the maximum (Arm wants 0: check float*_is_any_nan first).
 * _scalbn converts a * 2^scale in @rmode (fixed-point FCVTZS #fbits).
 */
int16_t float32_to_int16_scalbn(float32 a, FloatRoundMode rmode, int scale, float_status *s);
int32_t float32_to_int32_scalbn(float32 a, FloatRoundMode rmode, int scale, float_status *s);
int64_t float32_to_int64_scalbn(float32 a, FloatRoundMode rmode, int scale, float_status *s);
uint16_t float32_to_uint16_scalbn(float32 a, FloatRoundMode rmode, int scale, float_status *s);
uint32_t float32_to_uint32_scalbn(float32 a, FloatRoundMode rmode, int scale, float_status *s);
uint64_t float32_to_uint64_scalbn(float32 a, FloatRoundMode rmode, int scale, float_status *s);
int16_t float32_to_int16(float32 a, float_status *s);
int32_t float32_to_int32(float32 a, float_status *s);
int64_t float32_to_int64(float32 a, float_status *s);
uint16_t float32_to_uint16(float32 a, float_status *s);
uint32_t float32_to_uint32(float32 a, float_status *s);
uint64_t float32_to_uint64(float32 a, float_status *s);
int16_t float32_to_int16_round_to_zero(float32 a, float_status *s);
int32_t float32_to_int32_round_to_zero(float32 a, float_status *s);
int64_t float32_to_int64_round_to_zero(float32 a, float_status *s);
uint16_t float32_to_uint16_round_to_zero(float32 a, float_status *s);
uint32_t float32_to_uint32_round_to_zero(float32 a, float_status *s);
uint64_t float32_to_uint64_round_to_zero(float32 a, float_status *s);

/* From integer, value * 2^scale rounded in the status mode (SCVTF #fbits uses scale = -fbits). */
float32 int16_to_float32_scalbn(int16_t a, int scale, float_status *s);
float32 int32_to_float32_scalbn(int32_t a, int scale, float_status *s);
float32 int64_to_float32_scalbn(int64_t a, int scale, float_status *s);
float32 uint16_to_float32_scalbn(uint16_t a, int scale, float_status *s);
float32 uint32_to_float32_scalbn(uint32_t a, int scale, float_status *s);
float32 uint64_to_float32_scalbn(uint64_t a, int scale, float_status *s);
float32 int16_to_float32(int16_t a, float_status *s);
float32 int32_to_float32(int32_t a, float_status *s);
float32 int64_to_float32(int64_t a, float_status *s);
float32 uint16_to_float32(uint16_t a, float_status *s);
float32 uint32_to_float32(uint32_t a, float_status *s);
float32 uint64_to_float32(uint64_t a, float_status *s);

/* ==================== float64 (64 bits: 1 sign, 11 exponent, 52 fraction) ==================== */

#define float64_zero        make_float64(0)
#define float64_infinity    make_float64(((uint64_t)((1u << 11) - 1) << 52))
#define float64_sign_mask   ((uint64_t)1 << 63)
#define float64_exp_mask    ((uint64_t)((1u << 11) - 1) << 52)
#define float64_frac_mask   (((uint64_t)1 << 52) - 1)

static inline bool float64_is_any_nan(float64 a)
{
    return (a & ((uint64_t)((1u << 11) - 1) << 52)) == ((uint64_t)((1u << 11) - 1) << 52) && (a & (((uint64_t)1 << 52) - 1)) != 0;
}
static inline bool float64_is_infinity(float64 a)
{
    return (a & ~((uint64_t)1 << 63)) == ((uint64_t)((1u << 11) - 1) << 52);
}
static inline bool float64_is_neg(float64 a)
{
    return (a & ((uint64_t)1 << 63)) != 0;
}
static inline bool float64_is_zero(float64 a)
{
    return (a & ~((uint64_t)1 << 63)) == 0;
}
static inline bool float64_is_zero_or_denormal(float64 a)
{
    return (a & ((uint64_t)((1u << 11) - 1) << 52)) == 0;
}
static inline bool float64_is_denormal(float64 a)
{
    return (a & ((uint64_t)((1u << 11) - 1) << 52)) == 0 && (a & (((uint64_t)1 << 52) - 1)) != 0;
}
static inline bool float64_is_normal(float64 a)
{
    return (a & ((uint64_t)((1u << 11) - 1) << 52)) != 0 && (a & ((uint64_t)((1u << 11) - 1) << 52)) != ((uint64_t)((1u << 11) - 1) << 52);
}
static inline bool float64_is_zero_or_normal(float64 a)
{
    return float64_is_zero(a) || float64_is_normal(a);
}
static inline float64 float64_abs(float64 a)
{
    return a & ~((uint64_t)1 << 63);
}
static inline float64 float64_chs(float64 a)
{
    return a ^ ((uint64_t)1 << 63);
}
static inline float64 float64_set_sign(float64 a, bool sign)
{
    return (a & ~((uint64_t)1 << 63)) | (sign ? ((uint64_t)1 << 63) : 0);
}

bool float64_is_signaling_nan(float64 a, const float_status *s);
bool float64_is_quiet_nan(float64 a, const float_status *s);
float64 float64_silence_nan(float64 a, const float_status *s);
float64 float64_default_nan(const float_status *s);
/* Returns @a, or a signed zero (raising input_denormal) if @a is denormal and s->flush_inputs_to_zero. */
float64 float64_squash_input_denormal(float64 a, float_status *s);

float64 float64_add(float64 a, float64 b, float_status *s);
float64 float64_sub(float64 a, float64 b, float_status *s);
float64 float64_mul(float64 a, float64 b, float_status *s);
float64 float64_div(float64 a, float64 b, float_status *s);
/* IEEE remainder: a - n * b with n = a / b rounded to nearest even; always exact. */
float64 float64_rem(float64 a, float64 b, float_status *s);
/* Fused a * b + c with one rounding; @flags are float_muladd_*. */
float64 float64_muladd(float64 a, float64 b, float64 c, int flags, float_status *s);
float64 float64_sqrt(float64 a, float_status *s);
float64 float64_scalbn(float64 a, int n, float_status *s);
/* Round to an integral value in the status rounding mode; raises inexact if that changed it. */
float64 float64_round_to_int(float64 a, float_status *s);

/* Arm FMIN/FMAX: any NaN operand gives a NaN by the 2-NaN rule; -0 < +0. */
float64 float64_min(float64 a, float64 b, float_status *s);
float64 float64_max(float64 a, float64 b, float_status *s);
/* IEEE 754-2008 minNum/maxNum = Arm FMINNM/FMAXNM: a quiet NaN loses to a number, a signaling NaN gives NaN. */
float64 float64_minnum(float64 a, float64 b, float_status *s);
float64 float64_maxnum(float64 a, float64 b, float_status *s);
float64 float64_minnummag(float64 a, float64 b, float_status *s);
float64 float64_maxnummag(float64 a, float64 b, float_status *s);
/* IEEE 754-2019 minimumNumber/maximumNumber: any NaN loses to a number (sNaN still raises invalid). */
float64 float64_minimum_number(float64 a, float64 b, float_status *s);
float64 float64_maximum_number(float64 a, float64 b, float_status *s);

/* Signaling compare: invalid on any NaN. */
FloatRelation float64_compare(float64 a, float64 b, float_status *s);
/* Quiet compare: invalid only on a signaling NaN. */
FloatRelation float64_compare_quiet(float64 a, float64 b, float_status *s);

static inline bool float64_eq(float64 a, float64 b, float_status *s)
{
    return float64_compare(a, b, s) == float_relation_equal;
}
static inline bool float64_le(float64 a, float64 b, float_status *s)
{
    return float64_compare(a, b, s) <= float_relation_equal;
}
static inline bool float64_lt(float64 a, float64 b, float_status *s)
{
    return float64_compare(a, b, s) < float_relation_equal;
}
static inline bool float64_unordered(float64 a, float64 b, float_status *s)
{
    return float64_compare(a, b, s) == float_relation_unordered;
}
static inline bool float64_eq_quiet(float64 a, float64 b, float_status *s)
{
    return float64_compare_quiet(a, b, s) == float_relation_equal;
}
static inline bool float64_le_quiet(float64 a, float64 b, float_status *s)
{
    return float64_compare_quiet(a, b, s) <= float_relation_equal;
}
static inline bool float64_lt_quiet(float64 a, float64 b, float_status *s)
{
    return float64_compare_quiet(a, b, s) < float_relation_equal;
}
static inline bool float64_unordered_quiet(float64 a, float64 b, float_status *s)
{
    return float64_compare_quiet(a, b, s) == float_relation_unordered;
}

/*
 * To integer: out of range saturates and raises invalid (no inexact); a NaN
 * gives the maximum (Arm wants 0: check float*_is_any_nan first).
 * _scalbn converts a * 2^scale in @rmode (fixed-point FCVTZS #fbits).
 */
int16_t float64_to_int16_scalbn(float64 a, FloatRoundMode rmode, int scale, float_status *s);
int32_t float64_to_int32_scalbn(float64 a, FloatRoundMode rmode, int scale, float_status *s);
int64_t float64_to_int64_scalbn(float64 a, FloatRoundMode rmode, int scale, float_status *s);
uint16_t float64_to_uint16_scalbn(float64 a, FloatRoundMode rmode, int scale, float_status *s);
uint32_t float64_to_uint32_scalbn(float64 a, FloatRoundMode rmode, int scale, float_status *s);
uint64_t float64_to_uint64_scalbn(float64 a, FloatRoundMode rmode, int scale, float_status *s);
int16_t float64_to_int16(float64 a, float_status *s);
int32_t float64_to_int32(float64 a, float_status *s);
int64_t float64_to_int64(float64 a, float_status *s);
uint16_t float64_to_uint16(float64 a, float_status *s);
uint32_t float64_to_uint32(float64 a, float_status *s);
uint64_t float64_to_uint64(float64 a, float_status *s);
int16_t float64_to_int16_round_to_zero(float64 a, float_status *s);
int32_t float64_to_int32_round_to_zero(float64 a, float_status *s);
int64_t float64_to_int64_round_to_zero(float64 a, float_status *s);
uint16_t float64_to_uint16_round_to_zero(float64 a, float_status *s);
uint32_t float64_to_uint32_round_to_zero(float64 a, float_status *s);
uint64_t float64_to_uint64_round_to_zero(float64 a, float_status *s);

/* From integer, value * 2^scale rounded in the status mode (SCVTF #fbits uses scale = -fbits). */
float64 int16_to_float64_scalbn(int16_t a, int scale, float_status *s);
float64 int32_to_float64_scalbn(int32_t a, int scale, float_status *s);
float64 int64_to_float64_scalbn(int64_t a, int scale, float_status *s);
float64 uint16_to_float64_scalbn(uint16_t a, int scale, float_status *s);
float64 uint32_to_float64_scalbn(uint32_t a, int scale, float_status *s);
float64 uint64_to_float64_scalbn(uint64_t a, int scale, float_status *s);
float64 int16_to_float64(int16_t a, float_status *s);
float64 int32_to_float64(int32_t a, float_status *s);
float64 int64_to_float64(int64_t a, float_status *s);
float64 uint16_to_float64(uint16_t a, float_status *s);
float64 uint32_to_float64(uint32_t a, float_status *s);
float64 uint64_to_float64(uint64_t a, float_status *s);

/* ==================== conversions between formats ==================== */
/*
 * A signaling NaN input raises invalid and comes out quiet; a NaN keeps the
 * top bits of its payload (Arm FPConvertNaN), unless default_nan_mode.
 * @ieee false selects Arm's alternative half precision (FPCR.AHP): no
 * infinities or NaNs, exponent 31 is normal; converting a NaN to it gives a
 * signed zero, an infinity or overflow the signed maximum, both with
 * invalid and without inexact/overflow.
 */
float32 float16_to_float32(float16 a, bool ieee, float_status *s);
float64 float16_to_float64(float16 a, bool ieee, float_status *s);
float16 float32_to_float16(float32 a, bool ieee, float_status *s);
float16 float64_to_float16(float64 a, bool ieee, float_status *s);
float64 float32_to_float64(float32 a, float_status *s);
float32 float64_to_float32(float64 a, float_status *s);
float32 bfloat16_to_float32(bfloat16 a, float_status *s);
float64 bfloat16_to_float64(bfloat16 a, float_status *s);
bfloat16 float32_to_bfloat16(float32 a, float_status *s);
bfloat16 float64_to_bfloat16(float64 a, float_status *s);
bfloat16 float16_to_bfloat16(float16 a, bool ieee, float_status *s);
float16 bfloat16_to_float16(bfloat16 a, bool ieee, float_status *s);

/*
 * The integer's low 32/64 bits, Invalid (and no Inexact) when it does not
 * fit, 0 with Invalid for NaN and infinity (Arm FJCVTZS with float_round_to_zero).
 */
int32_t float64_to_int32_modulo(float64 a, FloatRoundMode rmode, float_status *s);
int64_t float64_to_int64_modulo(float64 a, FloatRoundMode rmode, float_status *s);

/*
 * float64 in and out, rounded once to float32 precision and range (PPC
 * single-precision arithmetic on its 64-bit FPRs). A NaN result keeps the
 * float32-width top of its payload.
 */
float64 float64r32_add(float64 a, float64 b, float_status *s);
float64 float64r32_sub(float64 a, float64 b, float_status *s);
float64 float64r32_mul(float64 a, float64 b, float_status *s);
float64 float64r32_div(float64 a, float64 b, float_status *s);
float64 float64r32_sqrt(float64 a, float_status *s);
float64 float64r32_muladd(float64 a, float64 b, float64 c, int flags, float_status *s);
float64 float64r32_round_pack(float64 a, float_status *s);

/* ==================== floatx80 (x87 extended precision) ==================== */
/*
 * add/sub/mul/div/sqrt round to status->floatx80_rounding_precision (the
 * x87 PC field) with the extended exponent range; everything else is exact
 * or rounds to its destination. Unnormal, pseudo-NaN and pseudo-infinity
 * operands (floatx80_invalid_encoding) raise Invalid and give the default
 * NaN (0xffff c000000000000000 with the x86 preset).
 */
static inline bool floatx80_is_any_nan(floatx80 a)
{
    return (a.high & 0x7fff) == 0x7fff && (a.low << 1) != 0;
}
static inline bool floatx80_is_infinity(floatx80 a)
{
    return (a.high & 0x7fff) == 0x7fff && (a.low << 1) == 0;
}
static inline bool floatx80_is_zero(floatx80 a)
{
    return (a.high & 0x7fff) == 0 && a.low == 0;
}
static inline bool floatx80_is_neg(floatx80 a)
{
    return a.high >> 15;
}
static inline floatx80 floatx80_chs(floatx80 a)
{
    a.high ^= 0x8000;
    return a;
}
static inline floatx80 floatx80_abs(floatx80 a)
{
    a.high &= 0x7fff;
    return a;
}
static inline void set_floatx80_rounding_precision(FloatX80RoundPrec p, float_status *s)
{
    s->floatx80_rounding_precision = p;
}

bool floatx80_invalid_encoding(floatx80 a);
bool floatx80_is_signaling_nan(floatx80 a, const float_status *s);
bool floatx80_is_quiet_nan(floatx80 a, const float_status *s);
floatx80 floatx80_silence_nan(floatx80 a, const float_status *s);
floatx80 floatx80_default_nan(const float_status *s);
floatx80 floatx80_add(floatx80 a, floatx80 b, float_status *s);
floatx80 floatx80_sub(floatx80 a, floatx80 b, float_status *s);
floatx80 floatx80_mul(floatx80 a, floatx80 b, float_status *s);
floatx80 floatx80_div(floatx80 a, floatx80 b, float_status *s);
floatx80 floatx80_sqrt(floatx80 a, float_status *s);
floatx80 floatx80_round_to_int(floatx80 a, float_status *s);
/*
 * Exact remainder with the quotient rounded to nearest even (rem, FPREM1)
 * or truncated (mod, FPREM); *quotient gets the low 64 bits of |quotient|.
 * The x87's partial remainder for exponent differences of 64 and more is
 * the target's loop.
 */
floatx80 floatx80_modrem(floatx80 a, floatx80 b, bool mod, uint64_t *quotient, float_status *s);
floatx80 floatx80_rem(floatx80 a, floatx80 b, float_status *s);
floatx80 floatx80_mod(floatx80 a, floatx80 b, float_status *s);
floatx80 floatx80_scalbn(floatx80 a, int n, float_status *s);
FloatRelation floatx80_compare(floatx80 a, floatx80 b, float_status *s);
FloatRelation floatx80_compare_quiet(floatx80 a, floatx80 b, float_status *s);
float32 floatx80_to_float32(floatx80 a, float_status *s);
float64 floatx80_to_float64(floatx80 a, float_status *s);
floatx80 float32_to_floatx80(float32 a, float_status *s);
floatx80 float64_to_floatx80(float64 a, float_status *s);
floatx80 int32_to_floatx80(int32_t a, float_status *s);
floatx80 int64_to_floatx80(int64_t a, float_status *s);
int32_t floatx80_to_int32(floatx80 a, float_status *s);
int64_t floatx80_to_int64(floatx80 a, float_status *s);
int32_t floatx80_to_int32_round_to_zero(floatx80 a, float_status *s);
int64_t floatx80_to_int64_round_to_zero(floatx80 a, float_status *s);

/* ==================== float128 (IEEE binary128) ==================== */
static inline bool float128_is_any_nan(float128 a)
{
    return ((a.high >> 48) & 0x7fff) == 0x7fff && ((a.high << 16) | a.low) != 0;
}
static inline bool float128_is_infinity(float128 a)
{
    return (a.high & ~(1ULL << 63)) == 0x7fff000000000000ULL && a.low == 0;
}
static inline bool float128_is_zero(float128 a)
{
    return (a.high << 1) == 0 && a.low == 0;
}
static inline bool float128_is_neg(float128 a)
{
    return a.high >> 63;
}
static inline float128 float128_chs(float128 a)
{
    a.high ^= 1ULL << 63;
    return a;
}
static inline float128 float128_abs(float128 a)
{
    a.high &= ~(1ULL << 63);
    return a;
}
bool float128_is_signaling_nan(float128 a, const float_status *s);
bool float128_is_quiet_nan(float128 a, const float_status *s);
float128 float128_silence_nan(float128 a, const float_status *s);
float128 float128_default_nan(const float_status *s);
float128 float128_add(float128 a, float128 b, float_status *s);
float128 float128_sub(float128 a, float128 b, float_status *s);
float128 float128_mul(float128 a, float128 b, float_status *s);
float128 float128_div(float128 a, float128 b, float_status *s);
float128 float128_sqrt(float128 a, float_status *s);
float128 float128_muladd(float128 a, float128 b, float128 c, int flags, float_status *s);
float128 float128_round_to_int(float128 a, float_status *s);
FloatRelation float128_compare(float128 a, float128 b, float_status *s);
FloatRelation float128_compare_quiet(float128 a, float128 b, float_status *s);
float128 float32_to_float128(float32 a, float_status *s);
float128 float64_to_float128(float64 a, float_status *s);
float128 floatx80_to_float128(floatx80 a, float_status *s);
float32 float128_to_float32(float128 a, float_status *s);
float64 float128_to_float64(float128 a, float_status *s);
floatx80 float128_to_floatx80(float128 a, float_status *s);
float128 int32_to_float128(int32_t a, float_status *s);
float128 int64_to_float128(int64_t a, float_status *s);
float128 uint64_to_float128(uint64_t a, float_status *s);
int32_t float128_to_int32(float128 a, float_status *s);
int64_t float128_to_int64(float128 a, float_status *s);
int32_t float128_to_int32_round_to_zero(float128 a, float_status *s);
int64_t float128_to_int64_round_to_zero(float128 a, float_status *s);
uint32_t float128_to_uint32(float128 a, float_status *s);
uint64_t float128_to_uint64(float128 a, float_status *s);
uint64_t float128_to_uint64_round_to_zero(float128 a, float_status *s);

/* ==================== Arm estimate and step operations (fpu/softfloat-arm.c) ==================== */
/*
 * Bit-exact Arm ARM FPRecipEstimate / FPRSqrtEstimate / FPRecpX /
 * FPRecipStepFused / FPRSqrtStepFused with 8-bit estimates. @s carries
 * FPCR: rounding mode (for the overflow of FRECPE), flush_to_zero and
 * flush_inputs_to_zero (FZ, or FZ16 for float16), default_nan_mode (DN).
 * FRECPS/FRSQRTS negate a first, like the pseudocode's FPNeg, so a NaN a
 * comes back with its sign flipped.
 */
float16 float16_arm_recpe(float16 a, float_status *s);
float32 float32_arm_recpe(float32 a, float_status *s);
float64 float64_arm_recpe(float64 a, float_status *s);
float16 float16_arm_rsqrte(float16 a, float_status *s);
float32 float32_arm_rsqrte(float32 a, float_status *s);
float64 float64_arm_rsqrte(float64 a, float_status *s);
float16 float16_arm_recpx(float16 a, float_status *s);
float32 float32_arm_recpx(float32 a, float_status *s);
float64 float64_arm_recpx(float64 a, float_status *s);
float16 float16_arm_recps(float16 a, float16 b, float_status *s);
float32 float32_arm_recps(float32 a, float32 b, float_status *s);
float64 float64_arm_recps(float64 a, float64 b, float_status *s);
float16 float16_arm_rsqrts(float16 a, float16 b, float_status *s);
float32 float32_arm_rsqrts(float32 a, float32 b, float_status *s);
float64 float64_arm_rsqrts(float64 a, float64 b, float_status *s);
/* URECPE / URSQRTE on one 32-bit element. */
uint32_t arm_urecpe_u32(uint32_t a);
uint32_t arm_ursqrte_u32(uint32_t a);

#define float16_one     make_float16(0x3c00)
#define float16_half    make_float16(0x3800)
#define bfloat16_one    make_bfloat16(0x3f80)
#define bfloat16_half   make_bfloat16(0x3f00)
#define float32_one     make_float32(0x3f800000)
#define float32_half    make_float32(0x3f000000)
#define float32_two     make_float32(0x40000000)
#define float64_one     make_float64(0x3ff0000000000000ULL)
#define float64_half    make_float64(0x3fe0000000000000ULL)
#define float64_two     make_float64(0x4000000000000000ULL)

#endif
