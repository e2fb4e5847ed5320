/*
 * vfp_helper.c - FPCR and FPSR for A64: how the architectural control and
 * status registers map onto softfloat's float_status, and back.
 *
 * FPSR's cumulative exception bits are not updated by every FP insn: the
 * float_status structs accumulate softfloat's flags and vfp_get_fpsr()
 * folds them in when software (MRS, gdb, migration) looks. Writing FPSR
 * clears what the status structs hold so the register reads back exactly.
 */
#include "util/osdep.h"
#include "target-arm/cpu.h"
#include "target-arm/internals.h"
#include "fpu/softfloat.h"

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
