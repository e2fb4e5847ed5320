/*
 * translate-fp.c - A64 scalar floating point: data processing with one,
 * two and three sources, compares, conditional select, immediates, and
 * the conversions between FP formats, integers and fixed point.
 *
 * Arithmetic goes through out-of-line helpers (helper-fp.h, vfp_helper.c)
 * on softfloat with env->vfp's float_status, so rounding, flushing, NaN
 * propagation and the FPSR flags follow FPCR exactly.
 */
#include "util/osdep.h"
#include "target-arm/translate-a64.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-gen.h"

#include "target-arm/decode-a64-fp.c.inc"

bool disas_a64_fp(DisasContext *s, uint32_t insn)
{
    return decode_a64_fp(s, insn);
}

/* The scalar size of @ftype as a MemOp, or -1 if not implemented. */
static int fp_ftype_size(DisasContext *s, int ftype)
{
    switch (ftype) {
    case 0:
        return MO_32;
    case 1:
        return MO_64;
    default:
        return -1;      /* 3 = half precision needs FEAT_FP16 */
    }
}

static bool trans_FMOV_r(DisasContext *s, arg_rr_t *a)
{
    int size = fp_ftype_size(s, a->ftype);

    if (size < 0) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    if (size == MO_64) {
        write_fp_dreg(s, a->rd, read_fp_dreg(s, a->rn));
    } else {
        write_fp_sreg(s, a->rd, read_fp_sreg(s, a->rn));
    }
    return true;
}

/* FMOV between a general register and (part of) a vector register. */
static bool do_fmov_to_gp(DisasContext *s, arg_rr *a, int ofs, MemOp size)
{
    TCGv_i64 t;

    if (!fp_access_check(s)) {
        return true;
    }
    t = tcg_temp_new_i64();
    if (size == MO_64) {
        tcg_gen_ld_i64(t, tcg_env, vec_full_reg_offset(a->rn) + ofs);
    } else {
        tcg_gen_ld32u_i64(t, tcg_env, vec_full_reg_offset(a->rn) + ofs);
    }
    write_x(s, a->rd, t, true);
    return true;
}

static bool trans_FMOV_ws(DisasContext *s, arg_rr *a)
{
    return do_fmov_to_gp(s, a, 0, MO_32);
}

static bool trans_FMOV_xd(DisasContext *s, arg_rr *a)
{
    return do_fmov_to_gp(s, a, 0, MO_64);
}

static bool trans_FMOV_xv1(DisasContext *s, arg_rr *a)
{
    return do_fmov_to_gp(s, a, 8, MO_64);
}

static bool trans_FMOV_sw(DisasContext *s, arg_rr *a)
{
    TCGv_i64 t;

    if (!fp_access_check(s)) {
        return true;
    }
    t = tcg_temp_new_i64();
    tcg_gen_ext32u_i64(t, read_x(s, a->rn));
    write_fp_dreg(s, a->rd, t);
    return true;
}

static bool trans_FMOV_dx(DisasContext *s, arg_rr *a)
{
    if (!fp_access_check(s)) {
        return true;
    }
    write_fp_dreg(s, a->rd, read_x(s, a->rn));
    return true;
}

/* Writes only bits [127:64]; the low half is kept. */
static bool trans_FMOV_v1x(DisasContext *s, arg_rr *a)
{
    if (!fp_access_check(s)) {
        return true;
    }
    tcg_gen_st_i64(read_x(s, a->rn), tcg_env, vec_full_reg_offset(a->rd) + 8);
    return true;
}
