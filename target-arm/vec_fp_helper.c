/*
 * vec_fp_helper.c - the out-of-line AdvSIMD floating-point helpers:
 * lane-wise loops over softfloat operations with the float_status the
 * translator passes (FPCR's rules; flags accumulate there for FPSR).
 */
#include "util/osdep.h"
#include "target-arm/cpu.h"
#include "target-arm/vec_internal.h"
#include "fpu/softfloat.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-proto.h"

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

DO_3OP(gvec_fadd_s, float32_add, float32)
DO_3OP(gvec_fadd_d, float64_add, float64)
