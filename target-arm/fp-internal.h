/*
 * fp-internal.h - what translate-fp.c and vfp_helper.c agree on beyond the
 * helper signatures: how the rounding mode of FRINT* and of the FP to
 * integer conversions travels in a helper's immediate argument.
 */
#ifndef TARGET_ARM_FP_INTERNAL_H
#define TARGET_ARM_FP_INTERNAL_H

#include "fpu/softfloat-types.h"

/*
 * Bits [2:0]: a FloatRoundMode, or VFP_RMODE_FPCR for "the status's mode"
 * (FPCR.RMode). Bit 3 (FRINT* only): keep the Inexact flag (FRINTX).
 * Bits [15:8] (conversions to integer only): fbits.
 */
#define VFP_RMODE_FPCR      7
#define VFP_RMODE_MASK      7
#define VFP_RINT_EXACT      8
#define VFP_FBITS_SHIFT     8

#endif
