/*
 * softfloat-types.h - the types of plumb's software floating point:
 * the storage types (float16, bfloat16, float32, float64 as raw bit
 * patterns) and float_status, the per-CPU "FPCR/FPSCR/MXCSR" that says how
 * to round, what to flush, how to pick a NaN, and which exception flags
 * have accumulated.
 *
 * Kept apart from softfloat.h so that CPU state structs can embed a
 * float_status without pulling in every operation prototype.
 */
#ifndef FPU_SOFTFLOAT_TYPES_H
#define FPU_SOFTFLOAT_TYPES_H

#include <stdint.h>
#include <stdbool.h>

/* Floats travel as their IEEE bit patterns; the arithmetic never uses host FP. */
typedef uint16_t float16;
typedef uint16_t bfloat16;
typedef uint32_t float32;
typedef uint64_t float64;

/* x87 80-bit extended: 1 sign + 15 exponent bits in high, explicit-integer-bit significand in low. */
typedef struct floatx80 {
    uint64_t low;
    uint16_t high;
} floatx80;

#define make_floatx80(exp, mant) ((floatx80){ .low = (mant), .high = (exp) })

/* Precision of x87 arithmetic results (FPU control word PC). */
typedef enum FloatX80RoundPrec {
    floatx80_precision_x = 0,   /* 64-bit significand */
    floatx80_precision_d,       /* 53 */
    floatx80_precision_s,       /* 24 */
} FloatX80RoundPrec;

/* IEEE binary128 as two 64-bit halves. */
typedef struct float128 {
    uint64_t low;
    uint64_t high;
} float128;

#define make_float128(high_, low_) ((float128){ .low = (low_), .high = (high_) })

#define make_float16(x) ((float16)(x))
#define make_bfloat16(x) ((bfloat16)(x))
#define make_float32(x) ((float32)(x))
#define make_float64(x) ((float64)(x))
#define float16_val(x) (x)
#define bfloat16_val(x) (x)
#define float32_val(x) (x)
#define float64_val(x) (x)

typedef enum FloatRoundMode {
    float_round_nearest_even = 0,
    float_round_down         = 1,   /* toward -infinity */
    float_round_up           = 2,   /* toward +infinity */
    float_round_to_zero      = 3,
    float_round_ties_away    = 4,   /* nearest, ties away from zero (Arm FPCR-less FRINTA, FCVTA*) */
    float_round_to_odd       = 5,   /* truncate, then set the lsb if inexact (Arm FCVTXN, PPC xscvqpdpo) */
} FloatRoundMode;

/* Exception flags accumulate in float_status.float_exception_flags. */
enum {
    float_flag_invalid         = 0x0001,
    float_flag_divbyzero       = 0x0002,
    float_flag_overflow        = 0x0004,
    float_flag_underflow       = 0x0008,
    float_flag_inexact         = 0x0010,
    /* A denormal input was replaced by zero (Arm FPSR.IDC). */
    float_flag_input_denormal  = 0x0020,
    /*
     * A denormal result was replaced by zero. Arm reports this as UFC, so
     * an Arm target folds it into FPSR.UFC; it is kept separate because
     * x86 and PPC do not have the same meaning for it.
     */
    float_flag_output_denormal = 0x0040,
    /*
     * Why invalid was raised, in addition to float_flag_invalid, for
     * targets that report the cause (PPC FPSCR.VX*). Arm and x86 ignore them.
     */
    float_flag_invalid_isi     = 0x0080,  /* inf - inf */
    float_flag_invalid_imz     = 0x0100,  /* inf * 0 */
    float_flag_invalid_idi     = 0x0200,  /* inf / inf */
    float_flag_invalid_zdz     = 0x0400,  /* 0 / 0 */
    float_flag_invalid_sqrt    = 0x0800,  /* sqrt of a negative number */
    float_flag_invalid_cvti    = 0x1000,  /* float to integer out of range or NaN */
    float_flag_invalid_snan    = 0x2000,  /* a signaling NaN operand */
};

/* The names newer QEMU uses for the two flush flags. */
#define float_flag_input_denormal_flushed  float_flag_input_denormal
#define float_flag_output_denormal_flushed float_flag_output_denormal

typedef enum FloatRelation {
    float_relation_less      = -1,
    float_relation_equal     = 0,
    float_relation_greater   = 1,
    float_relation_unordered = 2,
} FloatRelation;

/*
 * Which NaN an operation with two NaN-or-number operands returns.
 * "s_" rules look for a signaling NaN first (in the given order), then a
 * quiet one; the others take the first NaN in order, whatever its kind.
 */
typedef enum Float2NaNPropRule {
    float_2nan_prop_s_ab = 0,   /* Arm (FPProcessNaNs) -- the default */
    float_2nan_prop_s_ba,
    float_2nan_prop_ab,         /* x86 SSE/AVX (first source), PPC (FRA before FRB) */
    float_2nan_prop_ba,
    float_2nan_prop_x87,        /* x87: quiet over signaling, then larger significand */
} Float2NaNPropRule;

/* The same for fused multiply-add muladd(a, b, c) = a * b + c. */
typedef enum Float3NaNPropRule {
    float_3nan_prop_s_cab = 0,  /* Arm (FPProcessNaNs3 with the addend first) -- the default */
    float_3nan_prop_s_abc,
    float_3nan_prop_s_acb,
    float_3nan_prop_s_bac,
    float_3nan_prop_s_bca,
    float_3nan_prop_s_cba,
    float_3nan_prop_abc,        /* x86 FMA: the target passes (a, b, c) in the NaN order of the form */
    float_3nan_prop_acb,        /* PPC: muladd(FRA, FRC, FRB) takes FRA, FRB, FRC */
    float_3nan_prop_bac,
    float_3nan_prop_bca,
    float_3nan_prop_cab,
    float_3nan_prop_cba,
} Float3NaNPropRule;

/*
 * What 0 * inf + c returns when c is a NaN. IEEE 754-2008 7.2(c) leaves it
 * to the implementation whether this raises invalid when c is quiet: Arm
 * does (FPMulAdd), x86 does not (checked against the host by
 * tests/unit/test-softfloat-host.c) -- OR float_infzeronan_suppress_invalid
 * into the rule for the latter. A signaling c always raises invalid.
 */
typedef enum FloatInfZeroNaNRule {
    float_infzeronan_dnan_if_qnan = 0, /* Arm FPMulAdd: default NaN if c is quiet, else c quieted */
    float_infzeronan_dnan_never,       /* x86, PPC: propagate c by the 3-NaN rule */
    float_infzeronan_dnan_always,
    float_infzeronan_suppress_invalid = 0x80,
} FloatInfZeroNaNRule;

typedef struct float_status {
    uint16_t float_exception_flags;
    uint8_t float_rounding_mode;        /* FloatRoundMode */
    uint8_t float_2nan_prop_rule;       /* Float2NaNPropRule */
    uint8_t float_3nan_prop_rule;       /* Float3NaNPropRule */
    uint8_t float_infzeronan_rule;      /* FloatInfZeroNaNRule */
    uint8_t floatx80_rounding_precision; /* FloatX80RoundPrec, floatx80 add/sub/mul/div/sqrt only */
    /*
     * Default NaN as 8 bits: bit 7 the sign, bits 6..0 the top of the
     * fraction; bit 0 is repeated into the rest of the fraction.
     * 0 means 0x40 (Arm/PPC: +qNaN 0x7fc00000); x86 uses 0xc0.
     */
    uint8_t default_nan_pattern;
    /* Flush denormal results to zero (Arm FPCR.FZ, x86 MXCSR.FTZ). */
    bool flush_to_zero;
    /*
     * How flush_to_zero decides and reports. false (Arm): a result whose
     * unrounded value is below the normal range becomes a signed zero and
     * raises only float_flag_output_denormal. true (x86 FTZ): a result that
     * is still tiny after rounding becomes a signed zero and raises
     * output_denormal, underflow and inexact; one that rounds up to the
     * smallest normal is kept.
     */
    bool ftz_after_rounding;
    /* Treat denormal inputs as zero (Arm FPCR.FZ, x86 MXCSR.DAZ). */
    bool flush_inputs_to_zero;
    /* Every NaN result is the default NaN (Arm FPCR.DN). */
    bool default_nan_mode;
    /* Legacy MIPS/HPPA encoding: a set fraction msb means signaling. */
    bool snan_bit_is_one;
    /*
     * IEEE 754 lets an implementation call a result tiny either before or
     * after rounding. Arm (FPRoundBase: the Underflow test looks at the
     * exponent of the unrounded value) and PPC detect it before rounding;
     * x86 SSE/x87 after rounding (checked by tests/unit/test-softfloat.c
     * against the host).
     */
    bool tininess_before_rounding;
} float_status;

#endif
