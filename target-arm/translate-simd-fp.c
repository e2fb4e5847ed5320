/*
 * translate-simd-fp.c - A64 AdvSIMD floating-point arithmetic, single and
 * double precision, vector and scalar: three same (arithmetic, fused
 * multiply-add, min/max, compares, step functions, pairwise), two-register
 * miscellaneous (abs, neg, sqrt, estimates, compares with zero), across
 * lanes, and by element.
 *
 * FABS and FNEG are sign-bit logic done inline on the 64-bit halves; every
 * other operation is one out-of-line helper call per instruction
 * (helper-simd-fp.h, vec_fp_helper.c) taking register pointers, the
 * float_status and a simd_desc() word, so FPCR and FPSR behave exactly as
 * for scalar FP. The scalar forms use the same helpers with the operation
 * size set to one element: the helper clears the rest of the register.
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
typedef void gen_helper_gvec_2_ptr(TCGv_ptr, TCGv_ptr, TCGv_ptr, TCGv_i32);
typedef void gen_helper_gvec_2(TCGv_ptr, TCGv_ptr, TCGv_i32);

/* Operation size in bytes of a vector form. */
static inline unsigned vec_oprsz(bool q)
{
    return q ? 16 : 8;
}

/* Operation size of a scalar form: one element of 4 (sz=0) or 8 bytes. */
static inline unsigned scalar_oprsz(int sz)
{
    return 4 << sz;
}

static void gen_fp3(DisasContext *s, gen_helper_gvec_3_ptr *fn, int rd,
                    int rn, int rm, unsigned oprsz, int data)
{
    fn(vec_full_reg_ptr(s, rd), vec_full_reg_ptr(s, rn),
       vec_full_reg_ptr(s, rm), fpstatus_ptr(FPST_FPCR),
       tcg_constant_i32(simd_desc(oprsz, data)));
}

static void gen_fp2(DisasContext *s, gen_helper_gvec_2_ptr *fn, int rd,
                    int rn, unsigned oprsz)
{
    fn(vec_full_reg_ptr(s, rd), vec_full_reg_ptr(s, rn),
       fpstatus_ptr(FPST_FPCR), tcg_constant_i32(simd_desc(oprsz, 0)));
}

/* ---- three same ---------------------------------------------------- */

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
    gen_fp3(s, fns[a->sz], a->rd, a->rn, a->rm, vec_oprsz(a->q), 0);
    return true;
}

static bool do_fp3_scalar(DisasContext *s, arg_rrr_sz *a,
                          gen_helper_gvec_3_ptr *const fns[2])
{
    if (!fp_access_check(s)) {
        return true;
    }
    gen_fp3(s, fns[a->sz], a->rd, a->rn, a->rm, scalar_oprsz(a->sz), 0);
    return true;
}

#define FP3_FNS(OP) \
    static gen_helper_gvec_3_ptr *const OP##_fns[2] = {                 \
        gen_helper_gvec_##OP##_s, gen_helper_gvec_##OP##_d,             \
    }

#define TRANS_FP3_V(NAME, OP)                                           \
    static bool trans_##NAME##_v(DisasContext *s, arg_qrrr_sz *a)       \
    {                                                                   \
        return do_fp3_vector(s, a, OP##_fns);                           \
    }

#define TRANS_FP3_S(NAME, OP)                                           \
    static bool trans_##NAME##_s(DisasContext *s, arg_rrr_sz *a)        \
    {                                                                   \
        return do_fp3_scalar(s, a, OP##_fns);                           \
    }

FP3_FNS(fadd);
FP3_FNS(fsub);
FP3_FNS(fmul);
FP3_FNS(fdiv);
FP3_FNS(fmax);
FP3_FNS(fmin);
FP3_FNS(fmaxnm);
FP3_FNS(fminnm);
FP3_FNS(fmla);
FP3_FNS(fmls);
FP3_FNS(fabd);
FP3_FNS(fmulx);
FP3_FNS(frecps);
FP3_FNS(frsqrts);
FP3_FNS(fceq);
FP3_FNS(fcge);
FP3_FNS(fcgt);
FP3_FNS(facge);
FP3_FNS(facgt);
FP3_FNS(faddp);
FP3_FNS(fmaxp);
FP3_FNS(fminp);
FP3_FNS(fmaxnmp);
FP3_FNS(fminnmp);

TRANS_FP3_V(FADD, fadd)
TRANS_FP3_V(FSUB, fsub)
TRANS_FP3_V(FMUL, fmul)
TRANS_FP3_V(FDIV, fdiv)
TRANS_FP3_V(FMAX, fmax)
TRANS_FP3_V(FMIN, fmin)
TRANS_FP3_V(FMAXNM, fmaxnm)
TRANS_FP3_V(FMINNM, fminnm)
TRANS_FP3_V(FMLA, fmla)
TRANS_FP3_V(FMLS, fmls)
TRANS_FP3_V(FABD, fabd)
TRANS_FP3_V(FMULX, fmulx)
TRANS_FP3_V(FRECPS, frecps)
TRANS_FP3_V(FRSQRTS, frsqrts)
TRANS_FP3_V(FCMEQ, fceq)
TRANS_FP3_V(FCMGE, fcge)
TRANS_FP3_V(FCMGT, fcgt)
TRANS_FP3_V(FACGE, facge)
TRANS_FP3_V(FACGT, facgt)
TRANS_FP3_V(FADDP, faddp)
TRANS_FP3_V(FMAXP, fmaxp)
TRANS_FP3_V(FMINP, fminp)
TRANS_FP3_V(FMAXNMP, fmaxnmp)
TRANS_FP3_V(FMINNMP, fminnmp)

TRANS_FP3_S(FABD, fabd)
TRANS_FP3_S(FMULX, fmulx)
TRANS_FP3_S(FRECPS, frecps)
TRANS_FP3_S(FRSQRTS, frsqrts)
TRANS_FP3_S(FCMEQ, fceq)
TRANS_FP3_S(FCMGE, fcge)
TRANS_FP3_S(FCMGT, fcgt)
TRANS_FP3_S(FACGE, facge)
TRANS_FP3_S(FACGT, facgt)

/* ---- two-register miscellaneous ------------------------------------ */

static bool do_fp2_vector(DisasContext *s, arg_qrr_sz *a,
                          gen_helper_gvec_2_ptr *const fns[2])
{
    if (a->sz && !a->q) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    gen_fp2(s, fns[a->sz], a->rd, a->rn, vec_oprsz(a->q));
    return true;
}

static bool do_fp2_scalar(DisasContext *s, arg_rr_sz *a,
                          gen_helper_gvec_2_ptr *const fns[2])
{
    if (!fp_access_check(s)) {
        return true;
    }
    gen_fp2(s, fns[a->sz], a->rd, a->rn, scalar_oprsz(a->sz));
    return true;
}

#define FP2_FNS(OP) \
    static gen_helper_gvec_2_ptr *const OP##_fns[2] = {                 \
        gen_helper_gvec_##OP##_s, gen_helper_gvec_##OP##_d,             \
    }

#define TRANS_FP2_V(NAME, OP)                                           \
    static bool trans_##NAME##_v(DisasContext *s, arg_qrr_sz *a)        \
    {                                                                   \
        return do_fp2_vector(s, a, OP##_fns);                           \
    }

#define TRANS_FP2_S(NAME, OP)                                           \
    static bool trans_##NAME##_s(DisasContext *s, arg_rr_sz *a)         \
    {                                                                   \
        return do_fp2_scalar(s, a, OP##_fns);                           \
    }

FP2_FNS(fsqrt);
FP2_FNS(frecpe);
FP2_FNS(frsqrte);
FP2_FNS(frecpx);
FP2_FNS(fcgt0);
FP2_FNS(fcge0);
FP2_FNS(fceq0);
FP2_FNS(fcle0);
FP2_FNS(fclt0);

TRANS_FP2_V(FSQRT, fsqrt)
TRANS_FP2_V(FRECPE, frecpe)
TRANS_FP2_V(FRSQRTE, frsqrte)
TRANS_FP2_V(FCMGT0, fcgt0)
TRANS_FP2_V(FCMGE0, fcge0)
TRANS_FP2_V(FCMEQ0, fceq0)
TRANS_FP2_V(FCMLE0, fcle0)
TRANS_FP2_V(FCMLT0, fclt0)

TRANS_FP2_S(FRECPE, frecpe)
TRANS_FP2_S(FRSQRTE, frsqrte)
TRANS_FP2_S(FRECPX, frecpx)
TRANS_FP2_S(FCMGT0, fcgt0)
TRANS_FP2_S(FCMGE0, fcge0)
TRANS_FP2_S(FCMEQ0, fceq0)
TRANS_FP2_S(FCMLE0, fcle0)
TRANS_FP2_S(FCMLT0, fclt0)

/*
 * FABS and FNEG only touch sign bits (no exception, NaNs included), so
 * they are an AND or XOR of each 64-bit half with the lanes' sign mask.
 */
static bool do_fp_signop(DisasContext *s, arg_qrr_sz *a, bool neg)
{
    uint64_t sign = a->sz ? 0x8000000000000000ULL : 0x8000000080000000ULL;

    if (a->sz && !a->q) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    for (int i = 0; i < (a->q ? 2 : 1); i++) {
        TCGv_i64 t = tcg_temp_new_i64();
        read_vec_element(s, t, a->rn, i, MO_64);
        if (neg) {
            tcg_gen_xori_i64(t, t, sign);
        } else {
            tcg_gen_andi_i64(t, t, ~sign);
        }
        write_vec_element(s, t, a->rd, i, MO_64);
    }
    clear_vec_high(s, a->q, a->rd);
    return true;
}

static bool trans_FABS_v(DisasContext *s, arg_qrr_sz *a)
{
    return do_fp_signop(s, a, false);
}

static bool trans_FNEG_v(DisasContext *s, arg_qrr_sz *a)
{
    return do_fp_signop(s, a, true);
}

/* URECPE, URSQRTE: 32-bit unsigned fixed-point lanes only (sz=0). */
static bool do_urecpe(DisasContext *s, arg_qrr_sz *a, gen_helper_gvec_2 *fn)
{
    if (a->sz) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    fn(vec_full_reg_ptr(s, a->rd), vec_full_reg_ptr(s, a->rn),
       tcg_constant_i32(simd_desc(vec_oprsz(a->q), 0)));
    return true;
}

static bool trans_URECPE_v(DisasContext *s, arg_qrr_sz *a)
{
    return do_urecpe(s, a, gen_helper_gvec_urecpe_s);
}

static bool trans_URSQRTE_v(DisasContext *s, arg_qrr_sz *a)
{
    return do_urecpe(s, a, gen_helper_gvec_ursqrte_s);
}

/* ---- across lanes and scalar pairwise: reductions to one element ---- */

/*
 * The reduce helpers fold oprsz bytes of Vn in the order of the Arm ARM's
 * Reduce() (halves first, then the two results) and write one element.
 */
static bool do_fp_reduce(DisasContext *s, int rd, int rn, unsigned oprsz,
                         gen_helper_gvec_2_ptr *fn)
{
    if (!fp_access_check(s)) {
        return true;
    }
    gen_fp2(s, fn, rd, rn, oprsz);
    return true;
}

/* Only 4S is allocated: sz=1 and Q=0 are reserved. */
#define TRANS_ACROSS(NAME, OP)                                          \
    static bool trans_##NAME(DisasContext *s, arg_qrr_sz *a)            \
    {                                                                   \
        if (a->sz || !a->q) {                                           \
            return false;                                               \
        }                                                               \
        return do_fp_reduce(s, a->rd, a->rn, 16,                        \
                            gen_helper_gvec_##OP##_s);                  \
    }

TRANS_ACROSS(FMAXNMV, fmaxnmv)
TRANS_ACROSS(FMINNMV, fminnmv)
TRANS_ACROSS(FMAXV, fmaxv)
TRANS_ACROSS(FMINV, fminv)

/* Scalar pairwise: the two elements of the low 8 (2S) or 16 (2D) bytes. */
#define TRANS_PAIR_S(NAME, OP)                                          \
    static bool trans_##NAME##_s(DisasContext *s, arg_rr_sz *a)         \
    {                                                                   \
        return do_fp_reduce(s, a->rd, a->rn, 8 << a->sz,                \
                            a->sz ? gen_helper_gvec_##OP##_d            \
                                  : gen_helper_gvec_##OP##_s);          \
    }

TRANS_PAIR_S(FADDP, faddv)
TRANS_PAIR_S(FMAXP, fmaxv)
TRANS_PAIR_S(FMINP, fminv)
TRANS_PAIR_S(FMAXNMP, fmaxnmv)
TRANS_PAIR_S(FMINNMP, fminnmv)

/* ---- by element ---------------------------------------------------- */

/*
 * Vm[index] with every lane of Vn (and Vd for FMLA/FMLS). Single: index
 * H:L, Rm = M:Rm. Double: index H, L=1 reserved, and 2D needs Q=1.
 */
static bool do_fp_idx(DisasContext *s, arg_qrrx_sz *a, bool scalar,
                      gen_helper_gvec_3_ptr *const fns[2])
{
    int idx;
    unsigned oprsz;

    if (a->sz) {
        if (a->l || (!scalar && !a->q)) {
            return false;
        }
        idx = a->h;
    } else {
        idx = (a->h << 1) | a->l;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    oprsz = scalar ? scalar_oprsz(a->sz) : vec_oprsz(a->q);
    gen_fp3(s, fns[a->sz], a->rd, a->rn, a->rm, oprsz, idx);
    return true;
}

FP3_FNS(fmul_idx);
FP3_FNS(fmla_idx);
FP3_FNS(fmls_idx);
FP3_FNS(fmulx_idx);

#define TRANS_IDX(NAME, OP)                                             \
    static bool trans_##NAME##_vi(DisasContext *s, arg_qrrx_sz *a)      \
    {                                                                   \
        return do_fp_idx(s, a, false, OP##_fns);                        \
    }                                                                   \
    static bool trans_##NAME##_si(DisasContext *s, arg_qrrx_sz *a)      \
    {                                                                   \
        return do_fp_idx(s, a, true, OP##_fns);                         \
    }

TRANS_IDX(FMUL, fmul_idx)
TRANS_IDX(FMLA, fmla_idx)
TRANS_IDX(FMLS, fmls_idx)
TRANS_IDX(FMULX, fmulx_idx)

/* ---- FEAT_FCMA (ID_AA64ISAR1.FCMA) ---- */

static bool do_fcma(DisasContext *s, int q, int esz, int rd, int rn, int rm,
                    gen_helper_gvec_3_ptr *const fns[2], int data)
{
    /* single (10) or double (11, Q=1 only); half precision is FEAT_FP16 */
    if (a64_id(s, id_aa64isar1, 16) < 1 || esz < 2 || (esz == 3 && !q)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    gen_fp3(s, fns[esz - 2], rd, rn, rm, vec_oprsz(q), data);
    return true;
}

static bool trans_FCADD_v(DisasContext *s, arg_FCADD_v *a)
{
    static gen_helper_gvec_3_ptr *const fns[2] = {
        gen_helper_gvec_fcadd_s, gen_helper_gvec_fcadd_d,
    };
    return do_fcma(s, a->q, a->esz, a->rd, a->rn, a->rm, fns, a->rot);
}

static gen_helper_gvec_3_ptr *const fcmla_fns[2] = {
    gen_helper_gvec_fcmla_s, gen_helper_gvec_fcmla_d,
};

static bool trans_FCMLA_v(DisasContext *s, arg_FCMLA_v *a)
{
    return do_fcma(s, a->q, a->esz, a->rd, a->rn, a->rm, fcmla_fns, a->rot);
}

/* By element: single precision only, index H, L=1 and Q=0 reserved. */
static bool trans_FCMLA_vx(DisasContext *s, arg_FCMLA_vx *a)
{
    if (a->esz != 2 || a->l || !a->q) {
        return false;
    }
    return do_fcma(s, a->q, a->esz, a->rd, a->rn, a->rm, fcmla_fns,
                   a->rot | a->h << 2 | 16);
}
