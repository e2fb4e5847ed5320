/*
 * translate-simd-fp.c - A64 AdvSIMD floating point: lane-wise arithmetic,
 * compares, pairwise and across-lane reductions, by-element forms,
 * conversions and rounding, estimates, vector and scalar.
 *
 * Every operation is an out-of-line helper (helper-simd-fp.h,
 * vec_fp_helper.c) taking register pointers, the float_status and a
 * simd_desc() word, so FPCR and FPSR behave exactly as for scalar FP.
 */
#include "util/osdep.h"
#include "target-arm/translate-a64.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-gen.h"

#include "target-arm/decode-a64-simd-fp.c.inc"

bool disas_a64_simd_fp(DisasContext *s, uint32_t insn)
{
    return decode_a64_simd_fp(s, insn);
}

typedef void gen_helper_gvec_3_ptr(TCGv_ptr, TCGv_ptr, TCGv_ptr, TCGv_ptr,
                                   TCGv_i32);

/* d = fn(n, m) lane-wise under FPCR; @fns indexed by sz (single, double). */
static bool do_fp3_vector(DisasContext *s, arg_qrrr_sz *a,
                          gen_helper_gvec_3_ptr *const fns[2])
{
    if (a->sz && !a->q) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    fns[a->sz](vec_full_reg_ptr(s, a->rd), vec_full_reg_ptr(s, a->rn),
               vec_full_reg_ptr(s, a->rm), fpstatus_ptr(FPST_FPCR),
               tcg_constant_i32(simd_desc(a->q ? 16 : 8, 0)));
    return true;
}

static bool trans_FADD_v(DisasContext *s, arg_qrrr_sz *a)
{
    static gen_helper_gvec_3_ptr *const fns[2] = {
        gen_helper_gvec_fadd_s, gen_helper_gvec_fadd_d,
    };
    return do_fp3_vector(s, a, fns);
}
