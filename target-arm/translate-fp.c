/*
 * translate-fp.c - A64 scalar floating point: data processing with one,
 * two and three sources, compares, conditional select, immediates, and
 * the conversions between FP formats, integers and fixed point, scalar
 * and AdvSIMD (vector and scalar) forms alike.
 *
 * Arithmetic goes through out-of-line helpers (helper-fp.h, vfp_helper.c)
 * on softfloat with env->vfp's float_status, so rounding, flushing, NaN
 * propagation and the FPSR flags follow FPCR exactly.
 */
#include "util/osdep.h"
#include "target-arm/translate-a64.h"
#include "target-arm/fp-internal.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-gen.h"

#include "target-arm/decode-a64-fp.c.inc"

bool disas_a64_fp(DisasContext *s, uint32_t insn)
{
    return decode_a64_fp(s, insn);
}

/* The scalar size of @ftype as a MemOp, or -1 if not implemented. */
static int fp_ftype_size(int ftype)
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

/* FPCR.RMode / insn rounding field (0 N, 1 P, 2 M, 3 Z), 4 = ties away. */
static const FloatRoundMode arm_rmode[5] = {
    float_round_nearest_even, float_round_up, float_round_down,
    float_round_to_zero, float_round_ties_away,
};

typedef void gen_fp1_s(TCGv_i32, TCGv_i32, TCGv_ptr);
typedef void gen_fp1_d(TCGv_i64, TCGv_i64, TCGv_ptr);
typedef void gen_fp2_s(TCGv_i32, TCGv_i32, TCGv_i32, TCGv_ptr);
typedef void gen_fp2_d(TCGv_i64, TCGv_i64, TCGv_i64, TCGv_ptr);

/* ---- data processing, 1 source ---- */

static bool trans_FMOV_r(DisasContext *s, arg_rr_t *a)
{
    int size = fp_ftype_size(a->ftype);

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

/* FABS/FNEG are sign-bit operations (FPAbs, FPNeg): no flags, NaNs too. */
static bool do_fp_sign(DisasContext *s, arg_rr_t *a, bool neg)
{
    int size = fp_ftype_size(a->ftype);

    if (size < 0) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    if (size == MO_64) {
        TCGv_i64 t = read_fp_dreg(s, a->rn);
        if (neg) {
            tcg_gen_xori_i64(t, t, INT64_MIN);
        } else {
            tcg_gen_andi_i64(t, t, INT64_MAX);
        }
        write_fp_dreg(s, a->rd, t);
    } else {
        TCGv_i32 t = read_fp_sreg(s, a->rn);
        if (neg) {
            tcg_gen_xori_i32(t, t, INT32_MIN);
        } else {
            tcg_gen_andi_i32(t, t, INT32_MAX);
        }
        write_fp_sreg(s, a->rd, t);
    }
    return true;
}

static bool trans_FABS(DisasContext *s, arg_rr_t *a)
{
    return do_fp_sign(s, a, false);
}

static bool trans_FNEG(DisasContext *s, arg_rr_t *a)
{
    return do_fp_sign(s, a, true);
}

static bool do_fp1(DisasContext *s, arg_rr_t *a, gen_fp1_s *fs, gen_fp1_d *fd)
{
    int size = fp_ftype_size(a->ftype);

    if (size < 0) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    if (size == MO_64) {
        TCGv_i64 t = read_fp_dreg(s, a->rn);
        fd(t, t, fpstatus_ptr(FPST_FPCR));
        write_fp_dreg(s, a->rd, t);
    } else {
        TCGv_i32 t = read_fp_sreg(s, a->rn);
        fs(t, t, fpstatus_ptr(FPST_FPCR));
        write_fp_sreg(s, a->rd, t);
    }
    return true;
}

static bool trans_FSQRT(DisasContext *s, arg_rr_t *a)
{
    return do_fp1(s, a, gen_helper_vfp_sqrts, gen_helper_vfp_sqrtd);
}

/* FCVT between single (0), double (1) and half (3) precision. */
static bool trans_FCVT(DisasContext *s, arg_rr_tt *a)
{
    int from = a->ftype, to = a->opc;

    if (from == to || from == 2 || to == 2) {
        return false;   /* to == 2 is BFCVT (FEAT_BF16) */
    }
    if (!fp_access_check(s)) {
        return true;
    }
    switch (from * 4 + to) {
    case 0 * 4 + 1: {           /* single to double */
        TCGv_i64 d = tcg_temp_new_i64();
        gen_helper_vfp_fcvt_s_to_d(d, read_fp_sreg(s, a->rn),
                                   fpstatus_ptr(FPST_FPCR));
        write_fp_dreg(s, a->rd, d);
        break;
    }
    case 1 * 4 + 0: {           /* double to single */
        TCGv_i32 d = tcg_temp_new_i32();
        gen_helper_vfp_fcvt_d_to_s(d, read_fp_dreg(s, a->rn),
                                   fpstatus_ptr(FPST_FPCR));
        write_fp_sreg(s, a->rd, d);
        break;
    }
    case 0 * 4 + 3: {           /* single to half */
        TCGv_i32 d = tcg_temp_new_i32();
        gen_helper_vfp_fcvt_s_to_h(d, read_fp_sreg(s, a->rn), tcg_env);
        write_fp_hreg(s, a->rd, d);
        break;
    }
    case 1 * 4 + 3: {           /* double to half */
        TCGv_i32 d = tcg_temp_new_i32();
        gen_helper_vfp_fcvt_d_to_h(d, read_fp_dreg(s, a->rn), tcg_env);
        write_fp_hreg(s, a->rd, d);
        break;
    }
    case 3 * 4 + 0: {           /* half to single */
        TCGv_i32 d = tcg_temp_new_i32();
        gen_helper_vfp_fcvt_h_to_s(d, read_fp_hreg(s, a->rn), tcg_env);
        write_fp_sreg(s, a->rd, d);
        break;
    }
    default: {                  /* half to double */
        TCGv_i64 d = tcg_temp_new_i64();
        gen_helper_vfp_fcvt_h_to_d(d, read_fp_hreg(s, a->rn), tcg_env);
        write_fp_dreg(s, a->rd, d);
        break;
    }
    }
    return true;
}

/* The helper immediate of FRINT{N,P,M,Z,A,-,X,I} (opc 5 unallocated). */
static int frint_mode(int opc)
{
    switch (opc) {
    case 5:
        return -1;
    case 6:
        return VFP_RMODE_FPCR | VFP_RINT_EXACT;
    case 7:
        return VFP_RMODE_FPCR;
    default:
        return arm_rmode[opc];
    }
}

static bool trans_FRINT(DisasContext *s, arg_rr_tt *a)
{
    int size = fp_ftype_size(a->ftype);
    int mode = frint_mode(a->opc);

    if (size < 0 || mode < 0) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    if (size == MO_64) {
        TCGv_i64 t = read_fp_dreg(s, a->rn);
        gen_helper_vfp_rintd(t, t, tcg_constant_i32(mode),
                             fpstatus_ptr(FPST_FPCR));
        write_fp_dreg(s, a->rd, t);
    } else {
        TCGv_i32 t = read_fp_sreg(s, a->rn);
        gen_helper_vfp_rints(t, t, tcg_constant_i32(mode),
                             fpstatus_ptr(FPST_FPCR));
        write_fp_sreg(s, a->rd, t);
    }
    return true;
}

/* FRINT32Z/32X/64Z/64X (FEAT_FRINTTS, ID_AA64ISAR1.FRINTTS) */
static bool have_frintts(DisasContext *s)
{
    return a64_id(s, id_aa64isar1, 32) >= 1;
}

static int frintts_desc(bool x, bool b64)
{
    return (x ? VFP_RMODE_FPCR : float_round_to_zero) |
           (b64 ? 64 : 32) << VFP_FBITS_SHIFT;
}

static bool trans_FRINTTS(DisasContext *s, arg_FRINTTS *a)
{
    int size = fp_ftype_size(a->ftype);
    TCGv_i32 desc = tcg_constant_i32(frintts_desc(a->op & 1, a->op & 2));

    if (size < 0 || !have_frintts(s)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    if (size == MO_64) {
        TCGv_i64 t = read_fp_dreg(s, a->rn);
        gen_helper_vfp_rint_nd(t, t, desc, fpstatus_ptr(FPST_FPCR));
        write_fp_dreg(s, a->rd, t);
    } else {
        TCGv_i32 t = read_fp_sreg(s, a->rn);
        gen_helper_vfp_rint_ns(t, t, desc, fpstatus_ptr(FPST_FPCR));
        write_fp_sreg(s, a->rd, t);
    }
    return true;
}

/* ---- compares, conditional compare and select ---- */

/* NZCV = FPCompare(Vn, Vm or +0.0), signaling for FCMPE. */
static void gen_fcmp(DisasContext *s, int size, int rn, int rm, bool zero,
                     bool signal)
{
    TCGv_i32 nzcv = tcg_temp_new_i32();
    TCGv_i64 t = tcg_temp_new_i64();

    if (size == MO_64) {
        TCGv_i64 m = zero ? tcg_constant_i64(0) : read_fp_dreg(s, rm);
        (signal ? gen_helper_vfp_cmped : gen_helper_vfp_cmpd)
            (nzcv, read_fp_dreg(s, rn), m, fpstatus_ptr(FPST_FPCR));
    } else {
        TCGv_i32 m = zero ? tcg_constant_i32(0) : read_fp_sreg(s, rm);
        (signal ? gen_helper_vfp_cmpes : gen_helper_vfp_cmps)
            (nzcv, read_fp_sreg(s, rn), m, fpstatus_ptr(FPST_FPCR));
    }
    tcg_gen_extu_i32_i64(t, nzcv);
    gen_set_nzcv(t);
}

static bool trans_FCMP(DisasContext *s, arg_fcmp *a)
{
    int size = fp_ftype_size(a->ftype);

    if (size < 0 || a->opc != 0) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    gen_fcmp(s, size, a->rn, a->rm, a->z, a->e);
    return true;
}

/* FCCMP{E}: the compare (and its exceptions) only if cond holds. */
static bool trans_FCCMP(DisasContext *s, arg_fccmp *a)
{
    int size = fp_ftype_size(a->ftype);
    TCGLabel *skip, *done;
    DisasCompare c;

    if (size < 0) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    arm_test_cc(&c, a->cond);
    if (c.cond == TCG_COND_ALWAYS) {
        gen_fcmp(s, size, a->rn, a->rm, false, a->e);
        return true;
    }
    skip = gen_new_label();
    done = gen_new_label();
    tcg_gen_brcondi_i64(tcg_invert_cond(c.cond), c.value, 0, skip);
    gen_fcmp(s, size, a->rn, a->rm, false, a->e);
    tcg_gen_br(done);
    gen_set_label(skip);
    gen_set_nzcv(tcg_constant_i64(a->nzcv));
    gen_set_label(done);
    return true;
}

static bool trans_FCSEL(DisasContext *s, arg_fcsel *a)
{
    int size = fp_ftype_size(a->ftype);
    TCGv_i64 n, m;
    DisasCompare c;

    if (size < 0) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    n = tcg_temp_new_i64();
    m = tcg_temp_new_i64();
    /* The zero-extended 32-bit values write Sd with bits [127:32] clear. */
    read_vec_element(s, n, a->rn, 0, size);
    read_vec_element(s, m, a->rm, 0, size);
    arm_test_cc(&c, a->cond);
    if (c.cond != TCG_COND_ALWAYS) {
        tcg_gen_movcond_i64(c.cond, n, c.value, tcg_constant_i64(0), n, m);
    }
    write_fp_dreg(s, a->rd, n);
    return true;
}

/* VFPExpandImm: imm8 = a:b:cdefgh -> sign a, exponent NOT(b):b...b:cd, fraction efgh0...0. */
static uint64_t vfp_expand_imm(int size, uint8_t imm8)
{
    uint64_t sign = imm8 >> 7, b = (imm8 >> 6) & 1, cd = (imm8 >> 4) & 3;
    uint64_t efgh = imm8 & 0xf;

    if (size == MO_64) {
        uint64_t exp = ((b ^ 1) << 10) | ((b ? 0xffu : 0) << 2) | cd;
        return (sign << 63) | (exp << 52) | (efgh << 48);
    } else {
        uint64_t exp = ((b ^ 1) << 7) | ((b ? 0x1fu : 0) << 2) | cd;
        return (sign << 31) | (exp << 23) | (efgh << 19);
    }
}

static bool trans_FMOV_i(DisasContext *s, arg_fimm *a)
{
    int size = fp_ftype_size(a->ftype);

    if (size < 0) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    write_fp_dreg(s, a->rd, tcg_constant_i64(vfp_expand_imm(size, a->imm)));
    return true;
}

/* ---- data processing, 2 and 3 sources ---- */

/* d = fn(n, m), then FPNeg for FNMUL (negation after the rounding). */
static bool do_fp2(DisasContext *s, arg_rrr_t *a, gen_fp2_s *fs,
                   gen_fp2_d *fd, bool neg)
{
    int size = fp_ftype_size(a->ftype);

    if (size < 0) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    if (size == MO_64) {
        TCGv_i64 t = read_fp_dreg(s, a->rn);
        fd(t, t, read_fp_dreg(s, a->rm), fpstatus_ptr(FPST_FPCR));
        if (neg) {
            tcg_gen_xori_i64(t, t, INT64_MIN);
        }
        write_fp_dreg(s, a->rd, t);
    } else {
        TCGv_i32 t = read_fp_sreg(s, a->rn);
        fs(t, t, read_fp_sreg(s, a->rm), fpstatus_ptr(FPST_FPCR));
        if (neg) {
            tcg_gen_xori_i32(t, t, INT32_MIN);
        }
        write_fp_sreg(s, a->rd, t);
    }
    return true;
}

#define TRANS_FP2(NAME, FN, NEG)                                            static bool trans_##NAME(DisasContext *s, arg_rrr_t *a)                     {                                                                               return do_fp2(s, a, gen_helper_vfp_##FN##s, gen_helper_vfp_##FN##d, NEG); }

TRANS_FP2(FMUL, mul, false)
TRANS_FP2(FDIV, div, false)
TRANS_FP2(FADD, add, false)
TRANS_FP2(FSUB, sub, false)
TRANS_FP2(FMAX, max, false)
TRANS_FP2(FMIN, min, false)
TRANS_FP2(FMAXNM, maxnum, false)
TRANS_FP2(FMINNM, minnum, false)
TRANS_FP2(FNMUL, mul, true)

/*
 * FPMulAdd(Va, Vn, Vm) with FPNeg applied first to Va (o1) and to Vn
 * (o0 != o1): FMADD, FMSUB, FNMADD, FNMSUB. The sign flips are on the
 * operands' bits, so a NaN operand propagates negated as on hardware.
 */
static bool do_fmadd(DisasContext *s, arg_rrrr_t *a, bool neg_a, bool neg_n)
{
    int size = fp_ftype_size(a->ftype);

    if (size < 0) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    if (size == MO_64) {
        TCGv_i64 n = read_fp_dreg(s, a->rn), ra = read_fp_dreg(s, a->ra);
        if (neg_n) {
            tcg_gen_xori_i64(n, n, INT64_MIN);
        }
        if (neg_a) {
            tcg_gen_xori_i64(ra, ra, INT64_MIN);
        }
        gen_helper_vfp_muladdd(n, n, read_fp_dreg(s, a->rm), ra,
                               fpstatus_ptr(FPST_FPCR));
        write_fp_dreg(s, a->rd, n);
    } else {
        TCGv_i32 n = read_fp_sreg(s, a->rn), ra = read_fp_sreg(s, a->ra);
        if (neg_n) {
            tcg_gen_xori_i32(n, n, INT32_MIN);
        }
        if (neg_a) {
            tcg_gen_xori_i32(ra, ra, INT32_MIN);
        }
        gen_helper_vfp_muladds(n, n, read_fp_sreg(s, a->rm), ra,
                               fpstatus_ptr(FPST_FPCR));
        write_fp_sreg(s, a->rd, n);
    }
    return true;
}

static bool trans_FMADD(DisasContext *s, arg_rrrr_t *a)
{
    return do_fmadd(s, a, false, false);
}

static bool trans_FMSUB(DisasContext *s, arg_rrrr_t *a)
{
    return do_fmadd(s, a, false, true);
}

static bool trans_FNMADD(DisasContext *s, arg_rrrr_t *a)
{
    return do_fmadd(s, a, true, true);
}

static bool trans_FNMSUB(DisasContext *s, arg_rrrr_t *a)
{
    return do_fmadd(s, a, true, false);
}

/* ---- conversions between FP and (fixed-point) integers ---- */

typedef void gen_toint_s(TCGv_i64, TCGv_i32, TCGv_i32, TCGv_ptr);
typedef void gen_toint_d(TCGv_i64, TCGv_i64, TCGv_i32, TCGv_ptr);

/* The FP value of size @size in V<rn> to an integer of 32 << sf64 bits. */
static TCGv_i64 gen_fp_to_int(DisasContext *s, int size, int rn, bool sf64,
                              bool is_unsigned, int rmode, int fbits)
{
    static gen_toint_s *const fns_s[4] = {
        gen_helper_vfp_f32_to_s32, gen_helper_vfp_f32_to_u32,
        gen_helper_vfp_f32_to_s64, gen_helper_vfp_f32_to_u64,
    };
    static gen_toint_d *const fns_d[4] = {
        gen_helper_vfp_f64_to_s32, gen_helper_vfp_f64_to_u32,
        gen_helper_vfp_f64_to_s64, gen_helper_vfp_f64_to_u64,
    };
    TCGv_i64 r = tcg_temp_new_i64();
    TCGv_i32 desc = tcg_constant_i32(rmode | (fbits << VFP_FBITS_SHIFT));
    int i = sf64 * 2 + is_unsigned;

    if (size == MO_64) {
        fns_d[i](r, read_fp_dreg(s, rn), desc, fpstatus_ptr(FPST_FPCR));
    } else {
        fns_s[i](r, read_fp_sreg(s, rn), desc, fpstatus_ptr(FPST_FPCR));
    }
    return r;
}

/* The integer @v (already extended to 64 bits) to V<rd> of size @size. */
static void gen_int_to_fp(DisasContext *s, int size, int rd, TCGv_i64 v,
                          bool is_signed, int fbits)
{
    TCGv_i32 fb = tcg_constant_i32(fbits);

    if (size == MO_64) {
        TCGv_i64 d = tcg_temp_new_i64();
        (is_signed ? gen_helper_vfp_s64_to_f64 : gen_helper_vfp_u64_to_f64)
            (d, v, fb, fpstatus_ptr(FPST_FPCR));
        write_fp_dreg(s, rd, d);
    } else {
        TCGv_i32 d = tcg_temp_new_i32();
        (is_signed ? gen_helper_vfp_s64_to_f32 : gen_helper_vfp_u64_to_f32)
            (d, v, fb, fpstatus_ptr(FPST_FPCR));
        write_fp_sreg(s, rd, d);
    }
}

/* FCVT*{S,U} Wd/Xd, Sn/Dn (#fbits): the fixed-point forms have rmode 3. */
static bool do_cvt_to_gp(DisasContext *s, arg_fcvt_gp *a, bool is_unsigned)
{
    int size = fp_ftype_size(a->ftype);
    int fbits = 64 - a->scale;     /* scale is 64 for the integer forms */

    if (size < 0 || (!a->sf && a->scale < 32)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    write_x(s, a->rd, gen_fp_to_int(s, size, a->rn, a->sf, is_unsigned,
                                    arm_rmode[a->rmode], fbits), a->sf);
    return true;
}

/* SCVTF/UCVTF Sd/Dd, Wn/Xn (#fbits) under FPCR. */
static bool do_cvt_from_gp(DisasContext *s, arg_fcvt_gp *a, bool is_signed)
{
    int size = fp_ftype_size(a->ftype);
    int fbits = 64 - a->scale;     /* scale is 64 for the integer forms */
    TCGv_i64 v;

    if (size < 0 || (!a->sf && a->scale < 32)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    v = tcg_temp_new_i64();
    if (a->sf) {
        tcg_gen_mov_i64(v, read_x(s, a->rn));
    } else if (is_signed) {
        tcg_gen_ext32s_i64(v, read_x(s, a->rn));
    } else {
        tcg_gen_ext32u_i64(v, read_x(s, a->rn));
    }
    gen_int_to_fp(s, size, a->rd, v, is_signed, fbits);
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

/* FJCVTZS (FEAT_JSCVT): Wd from the helper's low half, NZCV = 0Z00 */
static bool trans_FJCVTZS(DisasContext *s, arg_rr *a)
{
    TCGv_i64 t, z;

    if (a64_id(s, id_aa64isar1, 12) < 1) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    t = read_fp_dreg(s, a->rn);
    z = tcg_temp_new_i64();
    gen_helper_vfp_fjcvtzs(t, t, fpstatus_ptr(FPST_FPCR));
    tcg_gen_extract_i64(z, t, 32, 1);
    tcg_gen_shli_i64(z, z, 2);
    gen_set_nzcv(z);
    write_x(s, a->rd, t, false);
    return true;
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

static bool trans_SCVTF_fix(DisasContext *s, arg_fcvt_gp *a)
{
    return do_cvt_from_gp(s, a, true);
}

static bool trans_UCVTF_fix(DisasContext *s, arg_fcvt_gp *a)
{
    return do_cvt_from_gp(s, a, false);
}

static bool trans_FCVTZS_fix(DisasContext *s, arg_fcvt_gp *a)
{
    return do_cvt_to_gp(s, a, false);
}

static bool trans_FCVTZU_fix(DisasContext *s, arg_fcvt_gp *a)
{
    return do_cvt_to_gp(s, a, true);
}

static bool trans_FCVTxS(DisasContext *s, arg_fcvt_gp *a)
{
    return do_cvt_to_gp(s, a, false);
}

static bool trans_FCVTxU(DisasContext *s, arg_fcvt_gp *a)
{
    return do_cvt_to_gp(s, a, true);
}

static bool trans_FCVTAS(DisasContext *s, arg_fcvt_gp *a)
{
    return do_cvt_to_gp(s, a, false);
}

static bool trans_FCVTAU(DisasContext *s, arg_fcvt_gp *a)
{
    return do_cvt_to_gp(s, a, true);
}

static bool trans_SCVTF_int(DisasContext *s, arg_fcvt_gp *a)
{
    return do_cvt_from_gp(s, a, true);
}

static bool trans_UCVTF_int(DisasContext *s, arg_fcvt_gp *a)
{
    return do_cvt_from_gp(s, a, false);
}

/* ---- AdvSIMD vector conversions and rounding ---- */

typedef void gen_helper_gvec_2_ptr(TCGv_ptr, TCGv_ptr, TCGv_ptr, TCGv_i32);

/* Lane-wise Vd = fn(Vn) with sz 0 single / 1 double; sz=1 && !q reserved. */
static bool do_vec_unary(DisasContext *s, arg_qrr_sz *a,
                         gen_helper_gvec_2_ptr *const fns[2], int data)
{
    if (a->sz && !a->q) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    fns[a->sz](vec_full_reg_ptr(s, a->rd), vec_full_reg_ptr(s, a->rn),
               fpstatus_ptr(FPST_FPCR),
               tcg_constant_i32(simd_desc(a->q ? 16 : 8, data)));
    return true;
}

static gen_helper_gvec_2_ptr *const vfp_rint_fns[2] = {
    gen_helper_vfp_gvec_rint_s, gen_helper_vfp_gvec_rint_d,
};
static gen_helper_gvec_2_ptr *const vfp_tos_fns[2] = {
    gen_helper_vfp_gvec_f32_to_s32, gen_helper_vfp_gvec_f64_to_s64,
};
static gen_helper_gvec_2_ptr *const vfp_tou_fns[2] = {
    gen_helper_vfp_gvec_f32_to_u32, gen_helper_vfp_gvec_f64_to_u64,
};
static gen_helper_gvec_2_ptr *const vfp_sto_fns[2] = {
    gen_helper_vfp_gvec_s32_to_f32, gen_helper_vfp_gvec_s64_to_f64,
};
static gen_helper_gvec_2_ptr *const vfp_uto_fns[2] = {
    gen_helper_vfp_gvec_u32_to_f32, gen_helper_vfp_gvec_u64_to_f64,
};

#define TRANS_VEC_UNARY(NAME, FNS, DATA)                                    \
static bool trans_##NAME(DisasContext *s, arg_qrr_sz *a)                    \
{                                                                           \
    return do_vec_unary(s, a, FNS, DATA);                                   \
}

static bool trans_FRINTTS_v(DisasContext *s, arg_FRINTTS_v *a)
{
    static gen_helper_gvec_2_ptr *const fns[2] = {
        gen_helper_vfp_gvec_rint_n_s, gen_helper_vfp_gvec_rint_n_d,
    };
    arg_qrr_sz q = { .rd = a->rd, .rn = a->rn, .q = a->q, .sz = a->sz };

    if (!have_frintts(s)) {
        return false;
    }
    return do_vec_unary(s, &q, fns, frintts_desc(a->u, a->b64));
}

TRANS_VEC_UNARY(FRINTN_v, vfp_rint_fns, float_round_nearest_even)
TRANS_VEC_UNARY(FRINTM_v, vfp_rint_fns, float_round_down)
TRANS_VEC_UNARY(FRINTP_v, vfp_rint_fns, float_round_up)
TRANS_VEC_UNARY(FRINTZ_v, vfp_rint_fns, float_round_to_zero)
TRANS_VEC_UNARY(FRINTA_v, vfp_rint_fns, float_round_ties_away)
TRANS_VEC_UNARY(FRINTX_v, vfp_rint_fns, VFP_RMODE_FPCR | VFP_RINT_EXACT)
TRANS_VEC_UNARY(FRINTI_v, vfp_rint_fns, VFP_RMODE_FPCR)
TRANS_VEC_UNARY(FCVTNS_v, vfp_tos_fns, float_round_nearest_even)
TRANS_VEC_UNARY(FCVTMS_v, vfp_tos_fns, float_round_down)
TRANS_VEC_UNARY(FCVTAS_v, vfp_tos_fns, float_round_ties_away)
TRANS_VEC_UNARY(FCVTPS_v, vfp_tos_fns, float_round_up)
TRANS_VEC_UNARY(FCVTZS_v, vfp_tos_fns, float_round_to_zero)
TRANS_VEC_UNARY(FCVTNU_v, vfp_tou_fns, float_round_nearest_even)
TRANS_VEC_UNARY(FCVTMU_v, vfp_tou_fns, float_round_down)
TRANS_VEC_UNARY(FCVTAU_v, vfp_tou_fns, float_round_ties_away)
TRANS_VEC_UNARY(FCVTPU_v, vfp_tou_fns, float_round_up)
TRANS_VEC_UNARY(FCVTZU_v, vfp_tou_fns, float_round_to_zero)
TRANS_VEC_UNARY(SCVTF_v, vfp_sto_fns, 0)
TRANS_VEC_UNARY(UCVTF_v, vfp_uto_fns, 0)

typedef void gen_helper_gvec_2_env(TCGv_ptr, TCGv_ptr, TCGv_ptr, TCGv_i32);

/* FCVTN/FCVTXN/FCVTL{2}: Q picks the half of Vd (narrow) or Vn (widen). */
static bool do_vec_cvt_half(DisasContext *s, arg_qrr_sz *a,
                            gen_helper_gvec_2_env *fn)
{
    if (!fp_access_check(s)) {
        return true;
    }
    fn(vec_full_reg_ptr(s, a->rd), vec_full_reg_ptr(s, a->rn), tcg_env,
       tcg_constant_i32(simd_desc(16, a->q)));
    return true;
}

static bool trans_FCVTN_v(DisasContext *s, arg_qrr_sz *a)
{
    return do_vec_cvt_half(s, a, a->sz ? gen_helper_vfp_gvec_fcvtn_d
                                       : gen_helper_vfp_gvec_fcvtn_s);
}

static bool trans_FCVTXN_v(DisasContext *s, arg_qrr_sz *a)
{
    if (!a->sz) {
        return false;
    }
    return do_vec_cvt_half(s, a, gen_helper_vfp_gvec_fcvtxn);
}

static bool trans_FCVTL_v(DisasContext *s, arg_qrr_sz *a)
{
    return do_vec_cvt_half(s, a, a->sz ? gen_helper_vfp_gvec_fcvtl_s
                                       : gen_helper_vfp_gvec_fcvtl_h);
}

/* ---- AdvSIMD scalar conversions (two-register misc, shift by imm) ---- */

/* FCVT*{S,U} Sd, Sn / Dd, Dn (#fbits): the integer in the FP register. */
static bool do_scalar_to_int(DisasContext *s, int rd, int rn, int sz,
                             bool is_unsigned, int rmode, int fbits)
{
    if (!fp_access_check(s)) {
        return true;
    }
    /* The helper zero-extends a 32-bit result: Dd gets Sd and zeros. */
    write_fp_dreg(s, rd, gen_fp_to_int(s, sz ? MO_64 : MO_32, rn, sz,
                                       is_unsigned, rmode, fbits));
    return true;
}

/* SCVTF/UCVTF Sd, Sn / Dd, Dn (#fbits). */
static bool do_scalar_from_int(DisasContext *s, int rd, int rn, int sz,
                               bool is_signed, int fbits)
{
    TCGv_i64 v;

    if (!fp_access_check(s)) {
        return true;
    }
    v = tcg_temp_new_i64();
    read_vec_element(s, v, rn, 0, (sz ? MO_64 : MO_32) | (is_signed ? MO_SIGN : 0));
    gen_int_to_fp(s, sz ? MO_64 : MO_32, rd, v, is_signed, fbits);
    return true;
}

#define TRANS_SCALAR_TOINT(NAME, UNS, RMODE)                                \
static bool trans_##NAME(DisasContext *s, arg_qrr_sz *a)                    \
{                                                                           \
    return do_scalar_to_int(s, a->rd, a->rn, a->sz, UNS, RMODE, 0);         \
}

TRANS_SCALAR_TOINT(FCVTNS_s, false, float_round_nearest_even)
TRANS_SCALAR_TOINT(FCVTMS_s, false, float_round_down)
TRANS_SCALAR_TOINT(FCVTAS_s, false, float_round_ties_away)
TRANS_SCALAR_TOINT(FCVTPS_s, false, float_round_up)
TRANS_SCALAR_TOINT(FCVTZS_s, false, float_round_to_zero)
TRANS_SCALAR_TOINT(FCVTNU_s, true, float_round_nearest_even)
TRANS_SCALAR_TOINT(FCVTMU_s, true, float_round_down)
TRANS_SCALAR_TOINT(FCVTAU_s, true, float_round_ties_away)
TRANS_SCALAR_TOINT(FCVTPU_s, true, float_round_up)
TRANS_SCALAR_TOINT(FCVTZU_s, true, float_round_to_zero)

static bool trans_SCVTF_s(DisasContext *s, arg_qrr_sz *a)
{
    return do_scalar_from_int(s, a->rd, a->rn, a->sz, true, 0);
}

static bool trans_UCVTF_s(DisasContext *s, arg_qrr_sz *a)
{
    return do_scalar_from_int(s, a->rd, a->rn, a->sz, false, 0);
}

/* FCVTXN Sd, Dn (sz=0 reserved). */
static bool trans_FCVTXN_s(DisasContext *s, arg_qrr_sz *a)
{
    TCGv_i32 d;

    if (!a->sz) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    d = tcg_temp_new_i32();
    gen_helper_vfp_fcvtxn(d, read_fp_dreg(s, a->rn), fpstatus_ptr(FPST_FPCR));
    write_fp_sreg(s, a->rd, d);
    return true;
}

/*
 * The element size (sz 0 single, 1 double) and fbits of the fixed-point
 * shift-by-immediate forms; false for immh 001x (half precision, FEAT_FP16)
 * and 000x (reserved, or another group's encoding).
 */
static bool shri_fixed(arg_shri *a, int *sz, int *fbits)
{
    int immhb = a->immh << 3 | a->immb;

    if (a->immh & 8) {
        if (!a->q) {
            return false;
        }
        *sz = 1;
        *fbits = 128 - immhb;
        return true;
    }
    if (a->immh & 4) {
        *sz = 0;
        *fbits = 64 - immhb;
        return true;
    }
    return false;
}

static bool do_vec_fixed(DisasContext *s, arg_shri *a,
                         gen_helper_gvec_2_ptr *const fns[2], int rmode)
{
    int sz, fbits;

    if (!shri_fixed(a, &sz, &fbits)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    fns[sz](vec_full_reg_ptr(s, a->rd), vec_full_reg_ptr(s, a->rn),
            fpstatus_ptr(FPST_FPCR),
            tcg_constant_i32(simd_desc(a->q ? 16 : 8,
                                       rmode | fbits << VFP_FBITS_SHIFT)));
    return true;
}

static bool trans_SCVTF_vi(DisasContext *s, arg_shri *a)
{
    int sz, fbits;

    if (!shri_fixed(a, &sz, &fbits)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    vfp_sto_fns[sz](vec_full_reg_ptr(s, a->rd), vec_full_reg_ptr(s, a->rn),
                    fpstatus_ptr(FPST_FPCR),
                    tcg_constant_i32(simd_desc(a->q ? 16 : 8, fbits)));
    return true;
}

static bool trans_UCVTF_vi(DisasContext *s, arg_shri *a)
{
    int sz, fbits;

    if (!shri_fixed(a, &sz, &fbits)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    vfp_uto_fns[sz](vec_full_reg_ptr(s, a->rd), vec_full_reg_ptr(s, a->rn),
                    fpstatus_ptr(FPST_FPCR),
                    tcg_constant_i32(simd_desc(a->q ? 16 : 8, fbits)));
    return true;
}

static bool trans_FCVTZS_vi(DisasContext *s, arg_shri *a)
{
    return do_vec_fixed(s, a, vfp_tos_fns, float_round_to_zero);
}

static bool trans_FCVTZU_vi(DisasContext *s, arg_shri *a)
{
    return do_vec_fixed(s, a, vfp_tou_fns, float_round_to_zero);
}

static bool trans_SCVTF_si(DisasContext *s, arg_shri *a)
{
    int sz, fbits;

    return shri_fixed(a, &sz, &fbits) &&
           do_scalar_from_int(s, a->rd, a->rn, sz, true, fbits);
}

static bool trans_UCVTF_si(DisasContext *s, arg_shri *a)
{
    int sz, fbits;

    return shri_fixed(a, &sz, &fbits) &&
           do_scalar_from_int(s, a->rd, a->rn, sz, false, fbits);
}

static bool trans_FCVTZS_si(DisasContext *s, arg_shri *a)
{
    int sz, fbits;

    return shri_fixed(a, &sz, &fbits) &&
           do_scalar_to_int(s, a->rd, a->rn, sz, false, float_round_to_zero,
                            fbits);
}

static bool trans_FCVTZU_si(DisasContext *s, arg_shri *a)
{
    int sz, fbits;

    return shri_fixed(a, &sz, &fbits) &&
           do_scalar_to_int(s, a->rd, a->rn, sz, true, float_round_to_zero,
                            fbits);
}
