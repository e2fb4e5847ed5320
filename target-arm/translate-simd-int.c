/*
 * translate-simd-int.c - A64 AdvSIMD integer arithmetic, logic, shifts,
 * compares, widening/narrowing and saturating forms, vector and scalar,
 * and the AES/SHA/PMULL cryptographic extensions.
 *
 * Lane-wise work that TCG's 64-bit ops express cheaply (logic, bit
 * selects, ADD/SUB as SWAR on the two 64-bit halves, element reversal,
 * the 64-bit scalar forms) is done inline; everything else is one call of
 * an out-of-line helper per instruction (helper-simd-int.h, vec_helper.c)
 * with pointers to the registers and a simd_desc() word. The scalar forms
 * reuse the vector helpers with the operation size set to one element:
 * the helpers then write element 0 and zero the rest of the register.
 */
#include "util/osdep.h"
#include "target-arm/translate-a64.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-gen.h"

#include "target-arm/decode-a64-simd-int.c.inc"

bool disas_a64_simd_int(DisasContext *s, uint32_t insn)
{
    return decode_a64_simd_int(s, insn);
}

typedef void gen_helper_si(TCGv_ptr, TCGv_ptr, TCGv_ptr, TCGv_ptr, TCGv_i32);

#define FNS_B(x)    { gen_helper_simd_##x##_b, NULL, NULL, NULL }
#define FNS_D(x)    { NULL, NULL, NULL, gen_helper_simd_##x##_d }
#define FNS_HS(x)   { NULL, gen_helper_simd_##x##_h, gen_helper_simd_##x##_s, NULL }
#define FNS_BHS(x)  { gen_helper_simd_##x##_b, gen_helper_simd_##x##_h, \
                      gen_helper_simd_##x##_s, NULL }
#define FNS_BHSD(x) { gen_helper_simd_##x##_b, gen_helper_simd_##x##_h, \
                      gen_helper_simd_##x##_s, gen_helper_simd_##x##_d }

static void gen_si(DisasContext *s, gen_helper_si *fn, int rd, int rn, int rm,
                   unsigned oprsz, int32_t data)
{
    fn(vec_full_reg_ptr(s, rd), vec_full_reg_ptr(s, rn),
       vec_full_reg_ptr(s, rm), tcg_env,
       tcg_constant_i32(simd_desc(oprsz, data)));
}

/*
 * A same-size vector op: reserved when there is no helper for the size or
 * for 64-bit lanes in a 64-bit vector.
 */
static bool do_vec(DisasContext *s, bool q, int esz, int rd, int rn, int rm,
                   gen_helper_si *const fns[4], int32_t data)
{
    if (!fns[esz] || (esz == 3 && !q)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    gen_si(s, fns[esz], rd, rn, rm, q ? 16 : 8, data);
    return true;
}

/* The scalar form: one element of 1 << esz bytes. */
static bool do_scalar(DisasContext *s, int esz, int rd, int rn, int rm,
                      gen_helper_si *const fns[4], int32_t data)
{
    if (!fns[esz]) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    gen_si(s, fns[esz], rd, rn, rm, 1 << esz, data);
    return true;
}

#define TRANS_V3(NAME, FNS)                                                 \
static bool trans_##NAME##_v(DisasContext *s, arg_qrrr_e *a)                \
{                                                                           \
    static gen_helper_si *const f[4] = FNS;                                 \
    return do_vec(s, a->q, a->esz, a->rd, a->rn, a->rm, f, 0);              \
}

#define TRANS_S3(NAME, FNS)                                                 \
static bool trans_##NAME##_s(DisasContext *s, arg_rrr_e *a)                 \
{                                                                           \
    static gen_helper_si *const f[4] = FNS;                                 \
    return do_scalar(s, a->esz, a->rd, a->rn, a->rm, f, 0);                 \
}

#define TRANS_V2(NAME, FNS)                                                 \
static bool trans_##NAME##_v(DisasContext *s, arg_qrr_e *a)                 \
{                                                                           \
    static gen_helper_si *const f[4] = FNS;                                 \
    return do_vec(s, a->q, a->esz, a->rd, a->rn, a->rn, f, 0);              \
}

#define TRANS_S2(NAME, FNS)                                                 \
static bool trans_##NAME##_s(DisasContext *s, arg_rr_e *a)                  \
{                                                                           \
    static gen_helper_si *const f[4] = FNS;                                 \
    return do_scalar(s, a->esz, a->rd, a->rn, a->rn, f, 0);                 \
}

/* ---- inline forms on the two 64-bit halves ---- */

/* d = fn(n, m) on each 64-bit half (one half when !q, the top cleared). */
static bool do_logic_v(DisasContext *s, arg_qrrr_e *a,
                       void (*fn)(TCGv_i64, TCGv_i64, TCGv_i64))
{
    if (!fp_access_check(s)) {
        return true;
    }
    for (int i = 0; i < (a->q ? 2 : 1); i++) {
        TCGv_i64 n = tcg_temp_new_i64();
        TCGv_i64 m = tcg_temp_new_i64();
        read_vec_element(s, n, a->rn, i, MO_64);
        read_vec_element(s, m, a->rm, i, MO_64);
        fn(n, n, m);
        write_vec_element(s, n, a->rd, i, MO_64);
    }
    clear_vec_high(s, a->q, a->rd);
    return true;
}

static bool trans_AND_v(DisasContext *s, arg_qrrr_e *a)
{
    return do_logic_v(s, a, tcg_gen_and_i64);
}

static bool trans_BIC_v(DisasContext *s, arg_qrrr_e *a)
{
    return do_logic_v(s, a, tcg_gen_andc_i64);
}

static bool trans_ORR_v(DisasContext *s, arg_qrrr_e *a)
{
    return do_logic_v(s, a, tcg_gen_or_i64);
}

static bool trans_ORN_v(DisasContext *s, arg_qrrr_e *a)
{
    return do_logic_v(s, a, tcg_gen_orc_i64);
}

static bool trans_EOR_v(DisasContext *s, arg_qrrr_e *a)
{
    return do_logic_v(s, a, tcg_gen_xor_i64);
}

/*
 * BSL, BIT, BIF: d = x ^ ((x ^ y) & sel), with (x, y, sel) = (m, n, d),
 * (d, n, m) and (d, n, ~m).
 */
static bool do_bitsel_v(DisasContext *s, arg_qrrr_e *a, int which)
{
    if (!fp_access_check(s)) {
        return true;
    }
    for (int i = 0; i < (a->q ? 2 : 1); i++) {
        TCGv_i64 d = tcg_temp_new_i64();
        TCGv_i64 n = tcg_temp_new_i64();
        TCGv_i64 m = tcg_temp_new_i64();
        TCGv_i64 t = tcg_temp_new_i64();
        read_vec_element(s, d, a->rd, i, MO_64);
        read_vec_element(s, n, a->rn, i, MO_64);
        read_vec_element(s, m, a->rm, i, MO_64);
        switch (which) {
        case 0:     /* BSL */
            tcg_gen_xor_i64(t, m, n);
            tcg_gen_and_i64(t, t, d);
            tcg_gen_xor_i64(d, m, t);
            break;
        case 1:     /* BIT */
            tcg_gen_xor_i64(t, d, n);
            tcg_gen_and_i64(t, t, m);
            tcg_gen_xor_i64(d, d, t);
            break;
        default:    /* BIF */
            tcg_gen_xor_i64(t, d, n);
            tcg_gen_andc_i64(t, t, m);
            tcg_gen_xor_i64(d, d, t);
            break;
        }
        write_vec_element(s, d, a->rd, i, MO_64);
    }
    clear_vec_high(s, a->q, a->rd);
    return true;
}

static bool trans_BSL_v(DisasContext *s, arg_qrrr_e *a)
{
    return do_bitsel_v(s, a, 0);
}

static bool trans_BIT_v(DisasContext *s, arg_qrrr_e *a)
{
    return do_bitsel_v(s, a, 1);
}

static bool trans_BIF_v(DisasContext *s, arg_qrrr_e *a)
{
    return do_bitsel_v(s, a, 2);
}

/* The top bit of each element of size 1 << esz in a 64-bit half. */
static uint64_t esz_top_bits(int esz)
{
    static const uint64_t h[4] = {
        0x8080808080808080ull, 0x8000800080008000ull,
        0x8000000080000000ull, 0x8000000000000000ull,
    };
    return h[esz];
}

/*
 * ADD/SUB on each 64-bit half as SWAR: the lanes' top bits are kept out
 * of the carry chain and put back with an XOR.
 */
static bool do_addsub_v(DisasContext *s, arg_qrrr_e *a, bool sub)
{
    uint64_t h = esz_top_bits(a->esz);

    if (a->esz == 3 && !a->q) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    for (int i = 0; i < (a->q ? 2 : 1); i++) {
        TCGv_i64 n = tcg_temp_new_i64();
        TCGv_i64 m = tcg_temp_new_i64();
        read_vec_element(s, n, a->rn, i, MO_64);
        read_vec_element(s, m, a->rm, i, MO_64);
        if (a->esz == 3) {
            (sub ? tcg_gen_sub_i64 : tcg_gen_add_i64)(n, n, m);
        } else {
            TCGv_i64 t = tcg_temp_new_i64();
            TCGv_i64 u = tcg_temp_new_i64();
            if (sub) {
                tcg_gen_eqv_i64(t, n, m);           /* n ^ ~m */
                tcg_gen_ori_i64(n, n, h);
                tcg_gen_andi_i64(u, m, ~h);
                tcg_gen_sub_i64(n, n, u);
            } else {
                tcg_gen_xor_i64(t, n, m);
                tcg_gen_andi_i64(n, n, ~h);
                tcg_gen_andi_i64(u, m, ~h);
                tcg_gen_add_i64(n, n, u);
            }
            tcg_gen_andi_i64(t, t, h);
            tcg_gen_xor_i64(n, n, t);
        }
        write_vec_element(s, n, a->rd, i, MO_64);
    }
    clear_vec_high(s, a->q, a->rd);
    return true;
}

static bool trans_ADD_v(DisasContext *s, arg_qrrr_e *a)
{
    return do_addsub_v(s, a, false);
}

static bool trans_SUB_v(DisasContext *s, arg_qrrr_e *a)
{
    return do_addsub_v(s, a, true);
}

/* Scalar D-only ops done inline: d = fn(n, m). */
static bool do_scalar_d_inline(DisasContext *s, int esz, int rd, int rn,
                               int rm, void (*fn)(TCGv_i64, TCGv_i64, TCGv_i64))
{
    if (esz != 3) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    TCGv_i64 n = read_fp_dreg(s, rn);
    TCGv_i64 m = read_fp_dreg(s, rm);
    fn(n, n, m);
    write_fp_dreg(s, rd, n);
    return true;
}

static bool trans_ADD_s(DisasContext *s, arg_rrr_e *a)
{
    return do_scalar_d_inline(s, a->esz, a->rd, a->rn, a->rm, tcg_gen_add_i64);
}

static bool trans_SUB_s(DisasContext *s, arg_rrr_e *a)
{
    return do_scalar_d_inline(s, a->esz, a->rd, a->rn, a->rm, tcg_gen_sub_i64);
}

/* ---- three same ---- */

TRANS_V3(SHADD, FNS_BHS(shadd))
TRANS_V3(UHADD, FNS_BHS(uhadd))
TRANS_V3(SRHADD, FNS_BHS(srhadd))
TRANS_V3(URHADD, FNS_BHS(urhadd))
TRANS_V3(SHSUB, FNS_BHS(shsub))
TRANS_V3(UHSUB, FNS_BHS(uhsub))
TRANS_V3(SQADD, FNS_BHSD(sqadd))
TRANS_V3(UQADD, FNS_BHSD(uqadd))
TRANS_V3(SQSUB, FNS_BHSD(sqsub))
TRANS_V3(UQSUB, FNS_BHSD(uqsub))
TRANS_V3(CMGT, FNS_BHSD(cmgt))
TRANS_V3(CMHI, FNS_BHSD(cmhi))
TRANS_V3(CMGE, FNS_BHSD(cmge))
TRANS_V3(CMHS, FNS_BHSD(cmhs))
TRANS_V3(CMTST, FNS_BHSD(cmtst))
TRANS_V3(CMEQ, FNS_BHSD(cmeq))
TRANS_V3(SSHL, FNS_BHSD(sshl))
TRANS_V3(USHL, FNS_BHSD(ushl))
TRANS_V3(SQSHL, FNS_BHSD(sqshl))
TRANS_V3(UQSHL, FNS_BHSD(uqshl))
TRANS_V3(SRSHL, FNS_BHSD(srshl))
TRANS_V3(URSHL, FNS_BHSD(urshl))
TRANS_V3(SQRSHL, FNS_BHSD(sqrshl))
TRANS_V3(UQRSHL, FNS_BHSD(uqrshl))
TRANS_V3(SMAX, FNS_BHS(smax))
TRANS_V3(UMAX, FNS_BHS(umax))
TRANS_V3(SMIN, FNS_BHS(smin))
TRANS_V3(UMIN, FNS_BHS(umin))
TRANS_V3(SABD, FNS_BHS(sabd))
TRANS_V3(UABD, FNS_BHS(uabd))
TRANS_V3(SABA, FNS_BHS(saba))
TRANS_V3(UABA, FNS_BHS(uaba))
TRANS_V3(MLA, FNS_BHS(mla))
TRANS_V3(MLS, FNS_BHS(mls))
TRANS_V3(MUL, FNS_BHS(mul))
TRANS_V3(PMUL, FNS_B(pmul))
TRANS_V3(SMAXP, FNS_BHS(smaxp))
TRANS_V3(UMAXP, FNS_BHS(umaxp))
TRANS_V3(SMINP, FNS_BHS(sminp))
TRANS_V3(UMINP, FNS_BHS(uminp))
TRANS_V3(ADDP, FNS_BHSD(addp))
TRANS_V3(SQDMULH, FNS_HS(sqdmulh))
TRANS_V3(SQRDMULH, FNS_HS(sqrdmulh))

TRANS_S3(SQADD, FNS_BHSD(sqadd))
TRANS_S3(UQADD, FNS_BHSD(uqadd))
TRANS_S3(SQSUB, FNS_BHSD(sqsub))
TRANS_S3(UQSUB, FNS_BHSD(uqsub))
TRANS_S3(CMGT, FNS_D(cmgt))
TRANS_S3(CMHI, FNS_D(cmhi))
TRANS_S3(CMGE, FNS_D(cmge))
TRANS_S3(CMHS, FNS_D(cmhs))
TRANS_S3(CMTST, FNS_D(cmtst))
TRANS_S3(CMEQ, FNS_D(cmeq))
TRANS_S3(SSHL, FNS_D(sshl))
TRANS_S3(USHL, FNS_D(ushl))
TRANS_S3(SQSHL, FNS_BHSD(sqshl))
TRANS_S3(UQSHL, FNS_BHSD(uqshl))
TRANS_S3(SRSHL, FNS_D(srshl))
TRANS_S3(URSHL, FNS_D(urshl))
TRANS_S3(SQRSHL, FNS_BHSD(sqrshl))
TRANS_S3(UQRSHL, FNS_BHSD(uqrshl))
TRANS_S3(SQDMULH, FNS_HS(sqdmulh))
TRANS_S3(SQRDMULH, FNS_HS(sqrdmulh))

/* ---- three different ---- */

/* Widening from the low (Q=0) or high (Q=1, the "2" forms) source half. */
#define TRANS_WIDE(NAME, FNS)                                               \
static bool trans_##NAME##_v(DisasContext *s, arg_qrrr_e *a)                \
{                                                                           \
    static gen_helper_si *const f[4] = FNS;                                 \
    if (!f[a->esz]) {                                                       \
        return false;                                                       \
    }                                                                       \
    if (!fp_access_check(s)) {                                              \
        return true;                                                        \
    }                                                                       \
    gen_si(s, f[a->esz], a->rd, a->rn, a->rm, 16, a->q);                    \
    return true;                                                            \
}

/* Narrowing to the low half (top zeroed) or the high half (bottom kept). */
#define TRANS_NARROW3(NAME, FNS)                                            \
static bool trans_##NAME##_v(DisasContext *s, arg_qrrr_e *a)                \
{                                                                           \
    static gen_helper_si *const f[4] = FNS;                                 \
    if (!f[a->esz]) {                                                       \
        return false;                                                       \
    }                                                                       \
    if (!fp_access_check(s)) {                                              \
        return true;                                                        \
    }                                                                       \
    gen_si(s, f[a->esz], a->rd, a->rn, a->rm, 8, a->q);                     \
    return true;                                                            \
}

TRANS_WIDE(SADDL, FNS_BHS(saddl))
TRANS_WIDE(UADDL, FNS_BHS(uaddl))
TRANS_WIDE(SADDW, FNS_BHS(saddw))
TRANS_WIDE(UADDW, FNS_BHS(uaddw))
TRANS_WIDE(SSUBL, FNS_BHS(ssubl))
TRANS_WIDE(USUBL, FNS_BHS(usubl))
TRANS_WIDE(SSUBW, FNS_BHS(ssubw))
TRANS_WIDE(USUBW, FNS_BHS(usubw))
TRANS_WIDE(SABAL, FNS_BHS(sabal))
TRANS_WIDE(UABAL, FNS_BHS(uabal))
TRANS_WIDE(SABDL, FNS_BHS(sabdl))
TRANS_WIDE(UABDL, FNS_BHS(uabdl))
TRANS_WIDE(SMLAL, FNS_BHS(smlal))
TRANS_WIDE(UMLAL, FNS_BHS(umlal))
TRANS_WIDE(SMLSL, FNS_BHS(smlsl))
TRANS_WIDE(UMLSL, FNS_BHS(umlsl))
TRANS_WIDE(SMULL, FNS_BHS(smull))
TRANS_WIDE(UMULL, FNS_BHS(umull))
TRANS_WIDE(SQDMLAL, FNS_HS(sqdmlal))
TRANS_WIDE(SQDMLSL, FNS_HS(sqdmlsl))
TRANS_WIDE(SQDMULL, FNS_HS(sqdmull))
TRANS_NARROW3(ADDHN, FNS_BHS(addhn))
TRANS_NARROW3(RADDHN, FNS_BHS(raddhn))
TRANS_NARROW3(SUBHN, FNS_BHS(subhn))
TRANS_NARROW3(RSUBHN, FNS_BHS(rsubhn))

/* ID_AA64ISAR0 field at @shift (AES 4, SHA1 8, SHA2 12) of this CPU. */
static unsigned isar0_field(DisasContext *s, int shift)
{
    return (env_archcpu(s->env)->isar.id_aa64isar0 >> shift) & 0xf;
}

static bool trans_PMULL_v(DisasContext *s, arg_qrrr_e *a)
{
    gen_helper_si *fn;

    if (a->esz == 0) {
        fn = gen_helper_simd_pmull_b;
    } else if (a->esz == 3 && isar0_field(s, 4) >= 2) {
        fn = gen_helper_simd_pmull_d;
    } else {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    gen_si(s, fn, a->rd, a->rn, a->rm, 16, a->q);
    return true;
}

/* Scalar SQDMLAL/SQDMLSL/SQDMULL: a 2 << esz byte result. */
#define TRANS_WIDE_S(NAME, FNS)                                             \
static bool trans_##NAME##_s(DisasContext *s, arg_rrr_e *a)                 \
{                                                                           \
    static gen_helper_si *const f[4] = FNS;                                 \
    if (!f[a->esz]) {                                                       \
        return false;                                                       \
    }                                                                       \
    if (!fp_access_check(s)) {                                              \
        return true;                                                        \
    }                                                                       \
    gen_si(s, f[a->esz], a->rd, a->rn, a->rm, 2 << a->esz, 0);              \
    return true;                                                            \
}

TRANS_WIDE_S(SQDMLAL, FNS_HS(sqdmlal))
TRANS_WIDE_S(SQDMLSL, FNS_HS(sqdmlsl))
TRANS_WIDE_S(SQDMULL, FNS_HS(sqdmull))

/* ---- two-register miscellaneous ---- */

/*
 * REV16/REV32/REV64: reverse the elements of size 1 << esz inside each
 * container of 1 << (cont) bytes, as shifts and masks on 64-bit halves.
 */
static void gen_swap_lanes(TCGv_i64 x, int lane_bits, uint64_t lo_mask)
{
    TCGv_i64 t = tcg_temp_new_i64();

    tcg_gen_shri_i64(t, x, lane_bits);
    tcg_gen_andi_i64(t, t, lo_mask);
    tcg_gen_andi_i64(x, x, lo_mask);
    tcg_gen_shli_i64(x, x, lane_bits);
    tcg_gen_or_i64(x, x, t);
}

static bool do_rev(DisasContext *s, arg_qrr_e *a, int cont)
{
    static const uint64_t masks[3] = {
        0x00ff00ff00ff00ffull, 0x0000ffff0000ffffull, 0x00000000ffffffffull,
    };

    if (a->esz >= cont) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    for (int i = 0; i < (a->q ? 2 : 1); i++) {
        TCGv_i64 x = tcg_temp_new_i64();
        read_vec_element(s, x, a->rn, i, MO_64);
        /* Swap adjacent lanes at every level from the container down. */
        for (int lvl = cont - 1; lvl >= a->esz; lvl--) {
            if (lvl == 2) {
                tcg_gen_rotli_i64(x, x, 32);
            } else {
                gen_swap_lanes(x, 8 << lvl, masks[lvl]);
            }
        }
        write_vec_element(s, x, a->rd, i, MO_64);
    }
    clear_vec_high(s, a->q, a->rd);
    return true;
}

static bool trans_REV64_v(DisasContext *s, arg_qrr_e *a)
{
    return do_rev(s, a, 3);
}

static bool trans_REV32_v(DisasContext *s, arg_qrr_e *a)
{
    return do_rev(s, a, 2);
}

static bool trans_REV16_v(DisasContext *s, arg_qrr_e *a)
{
    return do_rev(s, a, 1);
}

static bool trans_NOT_v(DisasContext *s, arg_qrr_e *a)
{
    if (!fp_access_check(s)) {
        return true;
    }
    for (int i = 0; i < (a->q ? 2 : 1); i++) {
        TCGv_i64 x = tcg_temp_new_i64();
        read_vec_element(s, x, a->rn, i, MO_64);
        tcg_gen_not_i64(x, x);
        write_vec_element(s, x, a->rd, i, MO_64);
    }
    clear_vec_high(s, a->q, a->rd);
    return true;
}

/* RBIT's size field (01) selects the operation: the lanes are bytes. */
static bool trans_RBIT_v(DisasContext *s, arg_qrr_e *a)
{
    static gen_helper_si *const f[4] = FNS_B(rbit);
    return do_vec(s, a->q, 0, a->rd, a->rn, a->rn, f, 0);
}

TRANS_V2(SUQADD, FNS_BHSD(suqadd))
TRANS_V2(USQADD, FNS_BHSD(usqadd))
TRANS_V2(CLS, FNS_BHS(cls))
TRANS_V2(CLZ, FNS_BHS(clz))
TRANS_V2(CNT, FNS_B(cnt))
TRANS_V2(SQABS, FNS_BHSD(sqabs))
TRANS_V2(SQNEG, FNS_BHSD(sqneg))
TRANS_V2(CMGT0, FNS_BHSD(cmgt0))
TRANS_V2(CMGE0, FNS_BHSD(cmge0))
TRANS_V2(CMEQ0, FNS_BHSD(cmeq0))
TRANS_V2(CMLE0, FNS_BHSD(cmle0))
TRANS_V2(CMLT0, FNS_BHSD(cmlt0))
TRANS_V2(ABS, FNS_BHSD(abs))
TRANS_V2(NEG, FNS_BHSD(neg))

TRANS_S2(SUQADD, FNS_BHSD(suqadd))
TRANS_S2(USQADD, FNS_BHSD(usqadd))
TRANS_S2(SQABS, FNS_BHSD(sqabs))
TRANS_S2(SQNEG, FNS_BHSD(sqneg))
TRANS_S2(CMGT0, FNS_D(cmgt0))
TRANS_S2(CMGE0, FNS_D(cmge0))
TRANS_S2(CMEQ0, FNS_D(cmeq0))
TRANS_S2(CMLE0, FNS_D(cmle0))
TRANS_S2(CMLT0, FNS_D(cmlt0))
TRANS_S2(ABS, FNS_D(abs))
TRANS_S2(NEG, FNS_D(neg))

/* SADDLP and friends: source size esz, results of twice that, Q bytes. */
#define TRANS_PAIRL(NAME, FNS)                                              \
static bool trans_##NAME##_v(DisasContext *s, arg_qrr_e *a)                 \
{                                                                           \
    static gen_helper_si *const f[4] = FNS;                                 \
    if (!f[a->esz]) {                                                       \
        return false;                                                       \
    }                                                                       \
    if (!fp_access_check(s)) {                                              \
        return true;                                                        \
    }                                                                       \
    gen_si(s, f[a->esz], a->rd, a->rn, a->rn, a->q ? 16 : 8, 0);            \
    return true;                                                            \
}

TRANS_PAIRL(SADDLP, FNS_BHS(saddlp))
TRANS_PAIRL(UADDLP, FNS_BHS(uaddlp))
TRANS_PAIRL(SADALP, FNS_BHS(sadalp))
TRANS_PAIRL(UADALP, FNS_BHS(uadalp))

/* XTN and the saturating narrows: esz is the result size. */
#define TRANS_NARROW2(NAME, FNS)                                            \
static bool trans_##NAME##_v(DisasContext *s, arg_qrr_e *a)                 \
{                                                                           \
    static gen_helper_si *const f[4] = FNS;                                 \
    if (!f[a->esz]) {                                                       \
        return false;                                                       \
    }                                                                       \
    if (!fp_access_check(s)) {                                              \
        return true;                                                        \
    }                                                                       \
    gen_si(s, f[a->esz], a->rd, a->rn, a->rn, 8, a->q);                     \
    return true;                                                            \
}                                                                           \
static bool trans_##NAME##_s(DisasContext *s, arg_rr_e *a)                  \
{                                                                           \
    static gen_helper_si *const f[4] = FNS;                                 \
    if (!f[a->esz]) {                                                       \
        return false;                                                       \
    }                                                                       \
    if (!fp_access_check(s)) {                                              \
        return true;                                                        \
    }                                                                       \
    gen_si(s, f[a->esz], a->rd, a->rn, a->rn, 1 << a->esz, 0);              \
    return true;                                                            \
}

TRANS_NARROW2(SQXTUN, FNS_BHS(sqxtun))
TRANS_NARROW2(SQXTN, FNS_BHS(sqxtn))
TRANS_NARROW2(UQXTN, FNS_BHS(uqxtn))

static bool trans_XTN_v(DisasContext *s, arg_qrr_e *a)
{
    static gen_helper_si *const f[4] = FNS_BHS(xtn);

    if (!f[a->esz]) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    gen_si(s, f[a->esz], a->rd, a->rn, a->rn, 8, a->q);
    return true;
}

/* SHLL: USHLL by the element size. */
static bool trans_SHLL_v(DisasContext *s, arg_qrr_e *a)
{
    static gen_helper_si *const f[4] = FNS_BHS(ushll);

    if (!f[a->esz]) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    gen_si(s, f[a->esz], a->rd, a->rn, a->rn, 16, a->q | ((8 << a->esz) << 1));
    return true;
}

/* ---- across lanes ---- */

/* Reserved: 64-bit lanes, and 32-bit lanes in a 64-bit vector (2 lanes). */
#define TRANS_ACROSS(NAME, FNS)                                             \
static bool trans_##NAME(DisasContext *s, arg_qrr_e *a)                     \
{                                                                           \
    static gen_helper_si *const f[4] = FNS;                                 \
    if (!f[a->esz] || (a->esz == 2 && !a->q)) {                             \
        return false;                                                       \
    }                                                                       \
    if (!fp_access_check(s)) {                                              \
        return true;                                                        \
    }                                                                       \
    gen_si(s, f[a->esz], a->rd, a->rn, a->rn, a->q ? 16 : 8, 0);            \
    return true;                                                            \
}

TRANS_ACROSS(ADDV, FNS_BHS(addv))
TRANS_ACROSS(SADDLV, FNS_BHS(saddlv))
TRANS_ACROSS(UADDLV, FNS_BHS(uaddlv))
TRANS_ACROSS(SMAXV, FNS_BHS(smaxv))
TRANS_ACROSS(UMAXV, FNS_BHS(umaxv))
TRANS_ACROSS(SMINV, FNS_BHS(sminv))
TRANS_ACROSS(UMINV, FNS_BHS(uminv))

/* Scalar ADDP: Dd = Vn.D[0] + Vn.D[1]. */
static bool trans_ADDP_s(DisasContext *s, arg_rr_e *a)
{
    if (a->esz != 3) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    TCGv_i64 lo = tcg_temp_new_i64();
    TCGv_i64 hi = tcg_temp_new_i64();
    read_vec_element(s, lo, a->rn, 0, MO_64);
    read_vec_element(s, hi, a->rn, 1, MO_64);
    tcg_gen_add_i64(lo, lo, hi);
    write_fp_dreg(s, a->rd, lo);
    return true;
}

/* ---- shift by immediate ---- */

/* Element size from immh (non-zero): the highest set bit. */
static int shift_esz(int immh)
{
    return 31 - __builtin_clz(immh);
}

/* Right shifts: 2 * esize - immh:immb, 1..esize. */
static int shift_right(int immh, int immb)
{
    return (16 << shift_esz(immh)) - ((immh << 3) | immb);
}

/* Left shifts: immh:immb - esize, 0..esize-1. */
static int shift_left(int immh, int immb)
{
    return ((immh << 3) | immb) - (8 << shift_esz(immh));
}

static bool do_shift_v(DisasContext *s, arg_qshi *a,
                       gen_helper_si *const fns[4], bool right)
{
    if (a->immh == 0) {
        return false;
    }
    return do_vec(s, a->q, shift_esz(a->immh), a->rd, a->rn, a->rn, fns,
                  right ? shift_right(a->immh, a->immb)
                        : shift_left(a->immh, a->immb));
}

/* Scalar: @d_only forms exist for 64-bit elements only (immh<3> set). */
static bool do_shift_s(DisasContext *s, arg_shi *a,
                       gen_helper_si *const fns[4], bool right, bool d_only)
{
    if (a->immh == 0 || (d_only && !(a->immh & 8))) {
        return false;
    }
    return do_scalar(s, shift_esz(a->immh), a->rd, a->rn, a->rn, fns,
                     right ? shift_right(a->immh, a->immb)
                           : shift_left(a->immh, a->immb));
}

#define TRANS_SHIFT(NAME, FNS, RIGHT, D_ONLY)                               \
static bool trans_##NAME##_v(DisasContext *s, arg_qshi *a)                  \
{                                                                           \
    static gen_helper_si *const f[4] = FNS;                                 \
    return do_shift_v(s, a, f, RIGHT);                                      \
}                                                                           \
static bool trans_##NAME##_s(DisasContext *s, arg_shi *a)                   \
{                                                                           \
    static gen_helper_si *const f[4] = FNS;                                 \
    return do_shift_s(s, a, f, RIGHT, D_ONLY);                              \
}

TRANS_SHIFT(SSHR, FNS_BHSD(sshr), true, true)
TRANS_SHIFT(USHR, FNS_BHSD(ushr), true, true)
TRANS_SHIFT(SSRA, FNS_BHSD(ssra), true, true)
TRANS_SHIFT(USRA, FNS_BHSD(usra), true, true)
TRANS_SHIFT(SRSHR, FNS_BHSD(srshr), true, true)
TRANS_SHIFT(URSHR, FNS_BHSD(urshr), true, true)
TRANS_SHIFT(SRSRA, FNS_BHSD(srsra), true, true)
TRANS_SHIFT(URSRA, FNS_BHSD(ursra), true, true)
TRANS_SHIFT(SRI, FNS_BHSD(sri), true, true)
TRANS_SHIFT(SHL, FNS_BHSD(shl), false, true)
TRANS_SHIFT(SLI, FNS_BHSD(sli), false, true)
TRANS_SHIFT(SQSHLU, FNS_BHSD(sqshlui), false, false)
TRANS_SHIFT(SQSHLI, FNS_BHSD(sqshli), false, false)
TRANS_SHIFT(UQSHLI, FNS_BHSD(uqshli), false, false)

/*
 * Narrowing right shifts: immh gives the result size (immh<3> reserved),
 * the shift is 1..esize of the result.
 */
static bool do_shift_narrow(DisasContext *s, int q, int immh, int immb,
                            int rd, int rn, gen_helper_si *const fns[4],
                            bool scalar)
{
    if (immh == 0 || (immh & 8)) {
        return false;
    }
    int esz = shift_esz(immh);
    if (!fp_access_check(s)) {
        return true;
    }
    gen_si(s, fns[esz], rd, rn, rn, scalar ? 1 << esz : 8,
           (shift_right(immh, immb) << 1) | q);
    return true;
}

#define TRANS_SHIFT_NARROW(NAME, X)                                         \
static bool trans_##NAME##_v(DisasContext *s, arg_qshi *a)                  \
{                                                                           \
    static gen_helper_si *const f[4] = FNS_BHS(X);                          \
    return do_shift_narrow(s, a->q, a->immh, a->immb, a->rd, a->rn, f,      \
                           false);                                          \
}
#define TRANS_SHIFT_NARROW_S(NAME, X)                                       \
TRANS_SHIFT_NARROW(NAME, X)                                                 \
static bool trans_##NAME##_s(DisasContext *s, arg_shi *a)                   \
{                                                                           \
    static gen_helper_si *const f[4] = FNS_BHS(X);                          \
    return do_shift_narrow(s, 0, a->immh, a->immb, a->rd, a->rn, f, true);  \
}

TRANS_SHIFT_NARROW(SHRN, shrn)
TRANS_SHIFT_NARROW(RSHRN, rshrn)
TRANS_SHIFT_NARROW_S(SQSHRN, sqshrn)
TRANS_SHIFT_NARROW_S(SQRSHRN, sqrshrn)
TRANS_SHIFT_NARROW_S(UQSHRN, uqshrn)
TRANS_SHIFT_NARROW_S(UQRSHRN, uqrshrn)
TRANS_SHIFT_NARROW_S(SQSHRUN, sqshrun)
TRANS_SHIFT_NARROW_S(SQRSHRUN, sqrshrun)

/* SSHLL/USHLL: immh gives the source size (immh<3> reserved). */
static bool do_shll(DisasContext *s, arg_qshi *a, gen_helper_si *const fns[4])
{
    if (a->immh == 0 || (a->immh & 8)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    gen_si(s, fns[shift_esz(a->immh)], a->rd, a->rn, a->rn, 16,
           (shift_left(a->immh, a->immb) << 1) | a->q);
    return true;
}

static bool trans_SSHLL_v(DisasContext *s, arg_qshi *a)
{
    static gen_helper_si *const f[4] = FNS_BHS(sshll);
    return do_shll(s, a, f);
}

static bool trans_USHLL_v(DisasContext *s, arg_qshi *a)
{
    static gen_helper_si *const f[4] = FNS_BHS(ushll);
    return do_shll(s, a, f);
}

/* ---- by element ---- */

#define TRANS_IDX(NAME, FNS)                                                \
static bool trans_##NAME##_vx(DisasContext *s, arg_qrrx_e *a)               \
{                                                                           \
    static gen_helper_si *const f[4] = FNS;                                 \
    return do_vec(s, a->q, a->esz, a->rd, a->rn, a->rm, f, a->idx);         \
}

TRANS_IDX(MLA, FNS_HS(mla_idx))
TRANS_IDX(MLS, FNS_HS(mls_idx))
TRANS_IDX(MUL, FNS_HS(mul_idx))
TRANS_IDX(SQDMULH, FNS_HS(sqdmulh_idx))
TRANS_IDX(SQRDMULH, FNS_HS(sqrdmulh_idx))

static bool trans_SQDMULH_sx(DisasContext *s, arg_rrx_e *a)
{
    static gen_helper_si *const f[4] = FNS_HS(sqdmulh_idx);
    return do_scalar(s, a->esz, a->rd, a->rn, a->rm, f, a->idx);
}

static bool trans_SQRDMULH_sx(DisasContext *s, arg_rrx_e *a)
{
    static gen_helper_si *const f[4] = FNS_HS(sqrdmulh_idx);
    return do_scalar(s, a->esz, a->rd, a->rn, a->rm, f, a->idx);
}

#define TRANS_IDX_WIDE(NAME, FNS)                                           \
static bool trans_##NAME##_vx(DisasContext *s, arg_qrrx_e *a)               \
{                                                                           \
    static gen_helper_si *const f[4] = FNS;                                 \
    if (!fp_access_check(s)) {                                              \
        return true;                                                        \
    }                                                                       \
    gen_si(s, f[a->esz], a->rd, a->rn, a->rm, 16, (a->idx << 1) | a->q);    \
    return true;                                                            \
}

TRANS_IDX_WIDE(SMLAL, FNS_HS(smlal_idx))
TRANS_IDX_WIDE(UMLAL, FNS_HS(umlal_idx))
TRANS_IDX_WIDE(SMLSL, FNS_HS(smlsl_idx))
TRANS_IDX_WIDE(UMLSL, FNS_HS(umlsl_idx))
TRANS_IDX_WIDE(SMULL, FNS_HS(smull_idx))
TRANS_IDX_WIDE(UMULL, FNS_HS(umull_idx))
TRANS_IDX_WIDE(SQDMLAL, FNS_HS(sqdmlal_idx))
TRANS_IDX_WIDE(SQDMLSL, FNS_HS(sqdmlsl_idx))
TRANS_IDX_WIDE(SQDMULL, FNS_HS(sqdmull_idx))

#define TRANS_IDX_WIDE_S(NAME, FNS)                                         \
static bool trans_##NAME##_sx(DisasContext *s, arg_rrx_e *a)                \
{                                                                           \
    static gen_helper_si *const f[4] = FNS;                                 \
    if (!fp_access_check(s)) {                                              \
        return true;                                                        \
    }                                                                       \
    gen_si(s, f[a->esz], a->rd, a->rn, a->rm, 2 << a->esz, a->idx << 1);    \
    return true;                                                            \
}

TRANS_IDX_WIDE_S(SQDMLAL, FNS_HS(sqdmlal_idx))
TRANS_IDX_WIDE_S(SQDMLSL, FNS_HS(sqdmlsl_idx))
TRANS_IDX_WIDE_S(SQDMULL, FNS_HS(sqdmull_idx))

/* ---- cryptography ---- */

static bool do_crypto(DisasContext *s, int feature_shift, unsigned min,
                      gen_helper_si *fn, int rd, int rn, int rm)
{
    if (isar0_field(s, feature_shift) < min) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    gen_si(s, fn, rd, rn, rm, 16, 0);
    return true;
}

#define TRANS_CRYPTO2(NAME, SHIFT, FN)                                      \
static bool trans_##NAME(DisasContext *s, arg_rr *a)                        \
{                                                                           \
    return do_crypto(s, SHIFT, 1, FN, a->rd, a->rn, a->rn);                 \
}
#define TRANS_CRYPTO3(NAME, SHIFT, FN)                                      \
static bool trans_##NAME(DisasContext *s, arg_rrr *a)                       \
{                                                                           \
    return do_crypto(s, SHIFT, 1, FN, a->rd, a->rn, a->rm);                 \
}

TRANS_CRYPTO2(AESE, 4, gen_helper_crypto_aese)
TRANS_CRYPTO2(AESD, 4, gen_helper_crypto_aesd)
TRANS_CRYPTO2(AESMC, 4, gen_helper_crypto_aesmc)
TRANS_CRYPTO2(AESIMC, 4, gen_helper_crypto_aesimc)
TRANS_CRYPTO3(SHA1C, 8, gen_helper_crypto_sha1c)
TRANS_CRYPTO3(SHA1P, 8, gen_helper_crypto_sha1p)
TRANS_CRYPTO3(SHA1M, 8, gen_helper_crypto_sha1m)
TRANS_CRYPTO3(SHA1SU0, 8, gen_helper_crypto_sha1su0)
TRANS_CRYPTO2(SHA1H, 8, gen_helper_crypto_sha1h)
TRANS_CRYPTO2(SHA1SU1, 8, gen_helper_crypto_sha1su1)
TRANS_CRYPTO3(SHA256H, 12, gen_helper_crypto_sha256h)
TRANS_CRYPTO3(SHA256H2, 12, gen_helper_crypto_sha256h2)
TRANS_CRYPTO3(SHA256SU1, 12, gen_helper_crypto_sha256su1)
TRANS_CRYPTO2(SHA256SU0, 12, gen_helper_crypto_sha256su0)

/* ---- optional features of ARMv8.1-8.6 (ID fields checked per insn) ---- */

static bool have_rdm(DisasContext *s)
{
    return isar0_field(s, 28) >= 1;         /* ID_AA64ISAR0.RDM */
}

#define TRANS_RDM(NAME, FN)                                                 \
static bool trans_##NAME##_v(DisasContext *s, arg_qrrr_e *a)                \
{                                                                           \
    static gen_helper_si *const f[4] = FNS_HS(FN);                          \
    return have_rdm(s) && do_vec(s, a->q, a->esz, a->rd, a->rn, a->rm, f, 0); \
}                                                                           \
static bool trans_##NAME##_s(DisasContext *s, arg_rrr_e *a)                 \
{                                                                           \
    static gen_helper_si *const f[4] = FNS_HS(FN);                          \
    return have_rdm(s) && do_scalar(s, a->esz, a->rd, a->rn, a->rm, f, 0);  \
}                                                                           \
static bool trans_##NAME##_vx(DisasContext *s, arg_qrrx_e *a)               \
{                                                                           \
    static gen_helper_si *const f[4] = FNS_HS(FN##_idx);                    \
    return have_rdm(s) &&                                                   \
           do_vec(s, a->q, a->esz, a->rd, a->rn, a->rm, f, a->idx);         \
}                                                                           \
static bool trans_##NAME##_sx(DisasContext *s, arg_rrx_e *a)                \
{                                                                           \
    static gen_helper_si *const f[4] = FNS_HS(FN##_idx);                    \
    return have_rdm(s) &&                                                   \
           do_scalar(s, a->esz, a->rd, a->rn, a->rm, f, a->idx);            \
}

TRANS_RDM(SQRDMLAH, sqrdmlah)
TRANS_RDM(SQRDMLSH, sqrdmlsh)

/*
 * Dot products and matrix multiplies: 32-bit lanes only (size 10; the
 * by-element patterns fix the size themselves), MMLA with Q=1 only.
 */
static bool do_dot(DisasContext *s, bool have, bool q, int esz, int rd,
                   int rn, int rm, gen_helper_si *fn, int32_t data)
{
    if (!have || esz != 2) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    gen_si(s, fn, rd, rn, rm, q ? 16 : 8, data);
    return true;
}

static bool have_dotprod(DisasContext *s)
{
    return isar0_field(s, 44) >= 1;         /* ID_AA64ISAR0.DP */
}

static bool have_i8mm(DisasContext *s)
{
    return a64_id(s, id_aa64isar1, 52) >= 1;
}

#define TRANS_DOT(NAME, HAVE, FN)                                           \
static bool trans_##NAME##_v(DisasContext *s, arg_qrrr_e *a)                \
{                                                                           \
    return do_dot(s, HAVE(s), a->q, a->esz, a->rd, a->rn, a->rm,            \
                  gen_helper_simd_##FN, 0);                                 \
}
#define TRANS_DOT_IDX(NAME, HAVE, FN)                                       \
static bool trans_##NAME##_vx(DisasContext *s, arg_qrrx_e *a)               \
{                                                                           \
    return do_dot(s, HAVE(s), a->q, a->esz, a->rd, a->rn, a->rm,            \
                  gen_helper_simd_##FN##_idx, a->idx);                      \
}
#define TRANS_MMLA(NAME, FN)                                                \
static bool trans_##NAME##_v(DisasContext *s, arg_qrrr_e *a)                \
{                                                                           \
    return do_dot(s, have_i8mm(s) && a->q, 1, a->esz, a->rd, a->rn, a->rm,  \
                  gen_helper_simd_##FN, 0);                                 \
}

TRANS_DOT(SDOT, have_dotprod, sdot)
TRANS_DOT(UDOT, have_dotprod, udot)
TRANS_DOT(USDOT, have_i8mm, usdot)
TRANS_DOT_IDX(SDOT, have_dotprod, sdot)
TRANS_DOT_IDX(UDOT, have_dotprod, udot)
TRANS_DOT_IDX(USDOT, have_i8mm, usdot)
TRANS_DOT_IDX(SUDOT, have_i8mm, sudot)
TRANS_MMLA(SMMLA, smmla)
TRANS_MMLA(UMMLA, ummla)
TRANS_MMLA(USMMLA, usmmla)

/* FEAT_SHA512 (ID_AA64ISAR0.SHA2 = 2) */
static bool trans_SHA512H(DisasContext *s, arg_rrr *a)
{
    return do_crypto(s, 12, 2, gen_helper_crypto_sha512h, a->rd, a->rn, a->rm);
}

static bool trans_SHA512H2(DisasContext *s, arg_rrr *a)
{
    return do_crypto(s, 12, 2, gen_helper_crypto_sha512h2, a->rd, a->rn, a->rm);
}

static bool trans_SHA512SU1(DisasContext *s, arg_rrr *a)
{
    return do_crypto(s, 12, 2, gen_helper_crypto_sha512su1, a->rd, a->rn, a->rm);
}

static bool trans_SHA512SU0(DisasContext *s, arg_rr *a)
{
    return do_crypto(s, 12, 2, gen_helper_crypto_sha512su0, a->rd, a->rn, a->rn);
}

/*
 * FEAT_SHA3 (ID_AA64ISAR0.SHA3): bitwise operations on the two 64-bit
 * lanes, inline. Each half depends only on the same half of the sources,
 * so writing half 0 first is safe when Vd is also a source.
 */
static bool do_sha3(DisasContext *s, int rd, int rn, int rm, int ra, int op,
                    int imm)
{
    if (isar0_field(s, 32) < 1) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    for (int i = 0; i < 2; i++) {
        TCGv_i64 n = tcg_temp_new_i64();
        TCGv_i64 m = tcg_temp_new_i64();
        TCGv_i64 x = tcg_temp_new_i64();

        read_vec_element(s, n, rn, i, MO_64);
        read_vec_element(s, m, rm, i, MO_64);
        switch (op) {
        case 0: /* EOR3: n ^ m ^ a */
            read_vec_element(s, x, ra, i, MO_64);
            tcg_gen_xor_i64(n, n, m);
            tcg_gen_xor_i64(n, n, x);
            break;
        case 1: /* BCAX: n ^ (m & ~a) */
            read_vec_element(s, x, ra, i, MO_64);
            tcg_gen_andc_i64(m, m, x);
            tcg_gen_xor_i64(n, n, m);
            break;
        case 2: /* RAX1: n ^ rol(m, 1) */
            tcg_gen_rotli_i64(m, m, 1);
            tcg_gen_xor_i64(n, n, m);
            break;
        default: /* XAR: ror(n ^ m, imm) */
            tcg_gen_xor_i64(n, n, m);
            tcg_gen_rotri_i64(n, n, imm);
            break;
        }
        write_vec_element(s, n, rd, i, MO_64);
    }
    return true;
}

static bool trans_EOR3(DisasContext *s, arg_EOR3 *a)
{
    return do_sha3(s, a->rd, a->rn, a->rm, a->ra, 0, 0);
}

static bool trans_BCAX(DisasContext *s, arg_BCAX *a)
{
    return do_sha3(s, a->rd, a->rn, a->rm, a->ra, 1, 0);
}

static bool trans_RAX1(DisasContext *s, arg_rrr *a)
{
    return do_sha3(s, a->rd, a->rn, a->rm, 0, 2, 0);
}

static bool trans_XAR(DisasContext *s, arg_XAR *a)
{
    return do_sha3(s, a->rd, a->rn, a->rm, 0, 3, a->imm);
}
