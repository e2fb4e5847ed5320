/*
 * tcg-op-gvec.c - vector operations on registers in the CPU state
 * (tcg-op-gvec.h), expanded to 64-bit IR: bitwise operations lane by lane
 * (8 bytes at a time, whatever the element size), everything else element
 * by element (load with the extension the operation needs, compute in 64
 * bits, store the element's width, which truncates). The destination's
 * bytes between oprsz and maxsz are zeroed. Out-of-line forms call a
 * helper with pointers into env and a simd_desc().
 */
#include "util/osdep.h"
#include "tcg/tcg.h"
#include "tcg/tcg-op.h"
#include "tcg/tcg-op-gvec.h"

uint32_t simd_desc(uint32_t oprsz, uint32_t maxsz, int32_t data)
{
    g_assert(oprsz % 8 == 0 && maxsz % 8 == 0);
    g_assert(oprsz >= 8 && oprsz <= maxsz && maxsz <= 8u << SIMD_MAXSZ_BITS);
    g_assert(data == (int16_t)data);
    return ((maxsz / 8 - 1) << SIMD_MAXSZ_SHIFT) |
           ((oprsz / 8 - 1) << SIMD_OPRSZ_SHIFT) |
           ((uint32_t)data << SIMD_DATA_SHIFT);
}

static TCGv_ptr env_ptr(uint32_t ofs)
{
    TCGv_ptr p = tcg_temp_new_ptr();
    tcg_gen_addi_ptr(p, tcg_env, ofs);
    return p;
}

static TCGv_i32 desc_arg(uint32_t oprsz, uint32_t maxsz, int32_t data)
{
    return tcg_constant_i32(simd_desc(oprsz, maxsz, data));
}

void tcg_gen_gvec_2_ool(uint32_t dofs, uint32_t aofs, uint32_t oprsz,
                        uint32_t maxsz, int32_t data, gen_helper_gvec_2 *fn)
{
    fn(env_ptr(dofs), env_ptr(aofs), desc_arg(oprsz, maxsz, data));
}

void tcg_gen_gvec_2i_ool(uint32_t dofs, uint32_t aofs, TCGv_i64 c, uint32_t oprsz,
                         uint32_t maxsz, int32_t data, gen_helper_gvec_2i *fn)
{
    fn(env_ptr(dofs), env_ptr(aofs), c, desc_arg(oprsz, maxsz, data));
}

void tcg_gen_gvec_3_ool(uint32_t dofs, uint32_t aofs, uint32_t bofs, uint32_t oprsz,
                        uint32_t maxsz, int32_t data, gen_helper_gvec_3 *fn)
{
    fn(env_ptr(dofs), env_ptr(aofs), env_ptr(bofs), desc_arg(oprsz, maxsz, data));
}

void tcg_gen_gvec_4_ool(uint32_t dofs, uint32_t aofs, uint32_t bofs, uint32_t cofs,
                        uint32_t oprsz, uint32_t maxsz, int32_t data,
                        gen_helper_gvec_4 *fn)
{
    fn(env_ptr(dofs), env_ptr(aofs), env_ptr(bofs), env_ptr(cofs),
       desc_arg(oprsz, maxsz, data));
}

void tcg_gen_gvec_5_ool(uint32_t dofs, uint32_t aofs, uint32_t bofs, uint32_t cofs,
                        uint32_t xofs, uint32_t oprsz, uint32_t maxsz, int32_t data,
                        gen_helper_gvec_5 *fn)
{
    fn(env_ptr(dofs), env_ptr(aofs), env_ptr(bofs), env_ptr(cofs), env_ptr(xofs),
       desc_arg(oprsz, maxsz, data));
}

void tcg_gen_gvec_2_ptr(uint32_t dofs, uint32_t aofs, TCGv_ptr ptr, uint32_t oprsz,
                        uint32_t maxsz, int32_t data, gen_helper_gvec_2_ptr *fn)
{
    fn(env_ptr(dofs), env_ptr(aofs), ptr, desc_arg(oprsz, maxsz, data));
}

void tcg_gen_gvec_3_ptr(uint32_t dofs, uint32_t aofs, uint32_t bofs, TCGv_ptr ptr,
                        uint32_t oprsz, uint32_t maxsz, int32_t data,
                        gen_helper_gvec_3_ptr *fn)
{
    fn(env_ptr(dofs), env_ptr(aofs), env_ptr(bofs), ptr, desc_arg(oprsz, maxsz, data));
}

void tcg_gen_gvec_4_ptr(uint32_t dofs, uint32_t aofs, uint32_t bofs, uint32_t cofs,
                        TCGv_ptr ptr, uint32_t oprsz, uint32_t maxsz, int32_t data,
                        gen_helper_gvec_4_ptr *fn)
{
    fn(env_ptr(dofs), env_ptr(aofs), env_ptr(bofs), env_ptr(cofs), ptr,
       desc_arg(oprsz, maxsz, data));
}

/* ---- inline expansion ---- */

static void check_size(uint32_t oprsz, uint32_t maxsz)
{
    g_assert(oprsz % 8 == 0 && oprsz >= 8 && oprsz <= maxsz && maxsz % 8 == 0);
}

static void clear_tail(uint32_t dofs, uint32_t oprsz, uint32_t maxsz)
{
    for (uint32_t i = oprsz; i < maxsz; i += 8) {
        tcg_gen_st_i64(tcg_constant_i64(0), tcg_env, dofs + i);
    }
}

static void ld_elem(TCGv_i64 t, uint32_t ofs, unsigned vece, bool sign)
{
    switch (vece) {
    case MO_8:
        (sign ? tcg_gen_ld8s_i64 : tcg_gen_ld8u_i64)(t, tcg_env, ofs);
        break;
    case MO_16:
        (sign ? tcg_gen_ld16s_i64 : tcg_gen_ld16u_i64)(t, tcg_env, ofs);
        break;
    case MO_32:
        (sign ? tcg_gen_ld32s_i64 : tcg_gen_ld32u_i64)(t, tcg_env, ofs);
        break;
    default:
        tcg_gen_ld_i64(t, tcg_env, ofs);
        break;
    }
}

static void st_elem(TCGv_i64 t, uint32_t ofs, unsigned vece)
{
    switch (vece) {
    case MO_8:
        tcg_gen_st8_i64(t, tcg_env, ofs);
        break;
    case MO_16:
        tcg_gen_st16_i64(t, tcg_env, ofs);
        break;
    case MO_32:
        tcg_gen_st32_i64(t, tcg_env, ofs);
        break;
    default:
        tcg_gen_st_i64(t, tcg_env, ofs);
        break;
    }
}

/* What one element's operation needs besides its operands. */
typedef struct ElemCtx {
    unsigned vece;
    int64_t imm;
    TCGCond cond;
} ElemCtx;

typedef void GenElem3(TCGv_i64 d, TCGv_i64 a, TCGv_i64 b, const ElemCtx *e);

/*
 * All operands are loaded before anything is stored: d may be the same
 * register as a or b (element i is read and written once).
 */
static void expand_3(unsigned vece, uint32_t dofs, uint32_t aofs, uint32_t bofs,
                     uint32_t oprsz, uint32_t maxsz, bool sign, bool use_b,
                     const ElemCtx *e, GenElem3 *fn)
{
    unsigned esz = 1u << vece;
    check_size(oprsz, maxsz);
    for (uint32_t i = 0; i < oprsz; i += esz) {
        TCGv_i64 a = tcg_temp_new_i64(), b = NULL, d = tcg_temp_new_i64();
        ld_elem(a, aofs + i, vece, sign);
        if (use_b) {
            b = tcg_temp_new_i64();
            ld_elem(b, bofs + i, vece, sign);
        }
        fn(d, a, b, e);
        st_elem(d, dofs + i, vece);
    }
    clear_tail(dofs, oprsz, maxsz);
}

#define ELEM3(name, body) \
    static void e_##name(TCGv_i64 d, TCGv_i64 a, TCGv_i64 b, const ElemCtx *e) \
    { body; }

ELEM3(add, tcg_gen_add_i64(d, a, b))
ELEM3(sub, tcg_gen_sub_i64(d, a, b))
ELEM3(mul, tcg_gen_mul_i64(d, a, b))
ELEM3(and, tcg_gen_and_i64(d, a, b))
ELEM3(or, tcg_gen_or_i64(d, a, b))
ELEM3(xor, tcg_gen_xor_i64(d, a, b))
ELEM3(andc, tcg_gen_andc_i64(d, a, b))
ELEM3(orc, tcg_gen_orc_i64(d, a, b))
ELEM3(nand, tcg_gen_nand_i64(d, a, b))
ELEM3(nor, tcg_gen_nor_i64(d, a, b))
ELEM3(eqv, tcg_gen_eqv_i64(d, a, b))
ELEM3(smin, tcg_gen_smin_i64(d, a, b))
ELEM3(smax, tcg_gen_smax_i64(d, a, b))
ELEM3(umin, tcg_gen_umin_i64(d, a, b))
ELEM3(umax, tcg_gen_umax_i64(d, a, b))
ELEM3(not, tcg_gen_not_i64(d, a))
ELEM3(neg, tcg_gen_neg_i64(d, a))
ELEM3(abs, tcg_gen_abs_i64(d, a))
ELEM3(cmp, tcg_gen_negsetcond_i64(e->cond, d, a, b))
ELEM3(addi, tcg_gen_addi_i64(d, a, e->imm))
ELEM3(muli, tcg_gen_muli_i64(d, a, e->imm))
ELEM3(shli, tcg_gen_shli_i64(d, a, e->imm))
ELEM3(shri, tcg_gen_shri_i64(d, a, e->imm))
ELEM3(sari, tcg_gen_sari_i64(d, a, e->imm))

static void e_rotli(TCGv_i64 d, TCGv_i64 a, TCGv_i64 b, const ElemCtx *e)
{
    unsigned bits = 8u << e->vece;
    TCGv_i64 t = tcg_temp_new_i64();
    /* a is zero-extended: the bits shifted out at the top come back below. */
    tcg_gen_shli_i64(t, a, e->imm);
    tcg_gen_shri_i64(d, a, bits - e->imm);
    tcg_gen_or_i64(d, d, t);
}

static void e_shiftv(TCGv_i64 d, TCGv_i64 a, TCGv_i64 b, const ElemCtx *e,
                     void (*sh)(TCGv_i64, TCGv_i64, TCGv_i64))
{
    TCGv_i64 c = tcg_temp_new_i64();
    tcg_gen_andi_i64(c, b, (8 << e->vece) - 1);
    sh(d, a, c);
}

ELEM3(shlv, e_shiftv(d, a, b, e, tcg_gen_shl_i64))
ELEM3(shrv, e_shiftv(d, a, b, e, tcg_gen_shr_i64))
ELEM3(sarv, e_shiftv(d, a, b, e, tcg_gen_sar_i64))

/* Saturating add/sub; inputs sign- or zero-extended per the operation. */
static void e_sat(TCGv_i64 d, TCGv_i64 a, TCGv_i64 b, const ElemCtx *e, bool sub, bool sgn)
{
    unsigned bits = 8u << e->vece;

    if (sub) {
        tcg_gen_sub_i64(d, a, b);
    } else {
        tcg_gen_add_i64(d, a, b);
    }
    if (bits < 64) {
        if (sgn) {
            int64_t max = (1ll << (bits - 1)) - 1;
            tcg_gen_smin_i64(d, d, tcg_constant_i64(max));
            tcg_gen_smax_i64(d, d, tcg_constant_i64(-max - 1));
        } else if (sub) {
            tcg_gen_smax_i64(d, d, tcg_constant_i64(0));
        } else {
            tcg_gen_umin_i64(d, d, tcg_constant_i64((1ll << bits) - 1));
        }
        return;
    }
    TCGv_i64 t = tcg_temp_new_i64(), u = tcg_temp_new_i64();
    if (sgn) {
        /* Overflow when the result's sign differs from what the inputs allow. */
        tcg_gen_xor_i64(t, d, a);
        if (sub) {
            tcg_gen_xor_i64(u, a, b);
        } else {
            tcg_gen_eqv_i64(u, a, b);
        }
        tcg_gen_and_i64(t, t, u);
        tcg_gen_sari_i64(u, a, 63);
        tcg_gen_xori_i64(u, u, INT64_MAX);     /* a < 0 ? MIN : MAX */
        tcg_gen_movcond_i64(TCG_COND_LT, d, t, tcg_constant_i64(0), u, d);
    } else if (sub) {
        tcg_gen_movcond_i64(TCG_COND_LTU, d, a, b, tcg_constant_i64(0), d);
    } else {
        tcg_gen_movcond_i64(TCG_COND_LTU, d, d, a, tcg_constant_i64(-1), d);
    }
}

ELEM3(ssadd, e_sat(d, a, b, e, false, true))
ELEM3(sssub, e_sat(d, a, b, e, true, true))
ELEM3(usadd, e_sat(d, a, b, e, false, false))
ELEM3(ussub, e_sat(d, a, b, e, true, false))

#define GVEC_3_ELEM(name, sign)                                                 \
void tcg_gen_gvec_##name(unsigned vece, uint32_t dofs, uint32_t aofs,           \
                         uint32_t bofs, uint32_t oprsz, uint32_t maxsz)         \
{                                                                               \
    ElemCtx e = { .vece = vece };                                               \
    expand_3(vece, dofs, aofs, bofs, oprsz, maxsz, sign, true, &e, e_##name);   \
}
/* Bitwise ops do not care about elements: 8 bytes at a time. */
#define GVEC_3_LANE(name)                                                       \
void tcg_gen_gvec_##name(unsigned vece, uint32_t dofs, uint32_t aofs,           \
                         uint32_t bofs, uint32_t oprsz, uint32_t maxsz)         \
{                                                                               \
    ElemCtx e = { .vece = MO_64 };                                              \
    expand_3(MO_64, dofs, aofs, bofs, oprsz, maxsz, false, true, &e, e_##name); \
}

GVEC_3_ELEM(add, false)
GVEC_3_ELEM(sub, false)
GVEC_3_ELEM(mul, false)
GVEC_3_ELEM(smin, true)
GVEC_3_ELEM(smax, true)
GVEC_3_ELEM(umin, false)
GVEC_3_ELEM(umax, false)
GVEC_3_ELEM(ssadd, true)
GVEC_3_ELEM(sssub, true)
GVEC_3_ELEM(usadd, false)
GVEC_3_ELEM(ussub, false)
GVEC_3_ELEM(shlv, false)
GVEC_3_ELEM(shrv, false)
GVEC_3_ELEM(sarv, true)
GVEC_3_LANE(and)
GVEC_3_LANE(or)
GVEC_3_LANE(xor)
GVEC_3_LANE(andc)
GVEC_3_LANE(orc)
GVEC_3_LANE(nand)
GVEC_3_LANE(nor)
GVEC_3_LANE(eqv)

void tcg_gen_gvec_not(unsigned vece, uint32_t dofs, uint32_t aofs,
                      uint32_t oprsz, uint32_t maxsz)
{
    ElemCtx e = { .vece = MO_64 };
    expand_3(MO_64, dofs, aofs, 0, oprsz, maxsz, false, false, &e, e_not);
}

void tcg_gen_gvec_neg(unsigned vece, uint32_t dofs, uint32_t aofs,
                      uint32_t oprsz, uint32_t maxsz)
{
    ElemCtx e = { .vece = vece };
    expand_3(vece, dofs, aofs, 0, oprsz, maxsz, false, false, &e, e_neg);
}

void tcg_gen_gvec_abs(unsigned vece, uint32_t dofs, uint32_t aofs,
                      uint32_t oprsz, uint32_t maxsz)
{
    ElemCtx e = { .vece = vece };
    expand_3(vece, dofs, aofs, 0, oprsz, maxsz, true, false, &e, e_abs);
}

static void gvec_imm(unsigned vece, uint32_t dofs, uint32_t aofs, int64_t c,
                     uint32_t oprsz, uint32_t maxsz, bool sign, GenElem3 *fn)
{
    ElemCtx e = { .vece = vece, .imm = c };
    expand_3(vece, dofs, aofs, 0, oprsz, maxsz, sign, false, &e, fn);
}

void tcg_gen_gvec_addi(unsigned vece, uint32_t dofs, uint32_t aofs, int64_t c,
                       uint32_t oprsz, uint32_t maxsz)
{
    gvec_imm(vece, dofs, aofs, c, oprsz, maxsz, false, e_addi);
}

void tcg_gen_gvec_subi(unsigned vece, uint32_t dofs, uint32_t aofs, int64_t c,
                       uint32_t oprsz, uint32_t maxsz)
{
    gvec_imm(vece, dofs, aofs, -(uint64_t)c, oprsz, maxsz, false, e_addi);
}

void tcg_gen_gvec_muli(unsigned vece, uint32_t dofs, uint32_t aofs, int64_t c,
                       uint32_t oprsz, uint32_t maxsz)
{
    gvec_imm(vece, dofs, aofs, c, oprsz, maxsz, false, e_muli);
}

/* Replicate the low element of @c over 64 bits. */
static uint64_t dup_const(unsigned vece, uint64_t c)
{
    switch (vece) {
    case MO_8:
        return 0x0101010101010101ull * (uint8_t)c;
    case MO_16:
        return 0x0001000100010001ull * (uint16_t)c;
    case MO_32:
        return 0x0000000100000001ull * (uint32_t)c;
    default:
        return c;
    }
}

static void gvec_lane_imm(unsigned vece, uint32_t dofs, uint32_t aofs, int64_t c,
                          uint32_t oprsz, uint32_t maxsz,
                          void (*op)(TCGv_i64, TCGv_i64, int64_t))
{
    uint64_t v = dup_const(vece, c);
    check_size(oprsz, maxsz);
    for (uint32_t i = 0; i < oprsz; i += 8) {
        TCGv_i64 t = tcg_temp_new_i64();
        tcg_gen_ld_i64(t, tcg_env, aofs + i);
        op(t, t, v);
        tcg_gen_st_i64(t, tcg_env, dofs + i);
    }
    clear_tail(dofs, oprsz, maxsz);
}

void tcg_gen_gvec_andi(unsigned vece, uint32_t dofs, uint32_t aofs, int64_t c,
                       uint32_t oprsz, uint32_t maxsz)
{
    gvec_lane_imm(vece, dofs, aofs, c, oprsz, maxsz, tcg_gen_andi_i64);
}

void tcg_gen_gvec_ori(unsigned vece, uint32_t dofs, uint32_t aofs, int64_t c,
                      uint32_t oprsz, uint32_t maxsz)
{
    gvec_lane_imm(vece, dofs, aofs, c, oprsz, maxsz, tcg_gen_ori_i64);
}

void tcg_gen_gvec_xori(unsigned vece, uint32_t dofs, uint32_t aofs, int64_t c,
                       uint32_t oprsz, uint32_t maxsz)
{
    gvec_lane_imm(vece, dofs, aofs, c, oprsz, maxsz, tcg_gen_xori_i64);
}

static void gvec_shift_imm(unsigned vece, uint32_t dofs, uint32_t aofs, int64_t c,
                           uint32_t oprsz, uint32_t maxsz, bool sign, GenElem3 *fn)
{
    g_assert(c >= 0 && c < (8 << vece));
    if (c == 0) {
        tcg_gen_gvec_mov(vece, dofs, aofs, oprsz, maxsz);
        return;
    }
    gvec_imm(vece, dofs, aofs, c, oprsz, maxsz, sign, fn);
}

void tcg_gen_gvec_shli(unsigned vece, uint32_t dofs, uint32_t aofs, int64_t c,
                       uint32_t oprsz, uint32_t maxsz)
{
    gvec_shift_imm(vece, dofs, aofs, c, oprsz, maxsz, false, e_shli);
}

void tcg_gen_gvec_shri(unsigned vece, uint32_t dofs, uint32_t aofs, int64_t c,
                       uint32_t oprsz, uint32_t maxsz)
{
    gvec_shift_imm(vece, dofs, aofs, c, oprsz, maxsz, false, e_shri);
}

void tcg_gen_gvec_sari(unsigned vece, uint32_t dofs, uint32_t aofs, int64_t c,
                       uint32_t oprsz, uint32_t maxsz)
{
    gvec_shift_imm(vece, dofs, aofs, c, oprsz, maxsz, true, e_sari);
}

void tcg_gen_gvec_rotli(unsigned vece, uint32_t dofs, uint32_t aofs, int64_t c,
                        uint32_t oprsz, uint32_t maxsz)
{
    gvec_shift_imm(vece, dofs, aofs, c, oprsz, maxsz, false, e_rotli);
}

void tcg_gen_gvec_rotri(unsigned vece, uint32_t dofs, uint32_t aofs, int64_t c,
                        uint32_t oprsz, uint32_t maxsz)
{
    unsigned bits = 8u << vece;
    g_assert(c >= 0 && c < bits);
    tcg_gen_gvec_rotli(vece, dofs, aofs, c ? bits - c : 0, oprsz, maxsz);
}

void tcg_gen_gvec_cmp(TCGCond cond, unsigned vece, uint32_t dofs, uint32_t aofs,
                      uint32_t bofs, uint32_t oprsz, uint32_t maxsz)
{
    ElemCtx e = { .vece = vece, .cond = cond };
    expand_3(vece, dofs, aofs, bofs, oprsz, maxsz, is_signed_cond(cond), true, &e, e_cmp);
}

void tcg_gen_gvec_bitsel(unsigned vece, uint32_t dofs, uint32_t aofs, uint32_t bofs,
                         uint32_t cofs, uint32_t oprsz, uint32_t maxsz)
{
    check_size(oprsz, maxsz);
    for (uint32_t i = 0; i < oprsz; i += 8) {
        TCGv_i64 a = tcg_temp_new_i64(), b = tcg_temp_new_i64(), c = tcg_temp_new_i64();
        tcg_gen_ld_i64(a, tcg_env, aofs + i);
        tcg_gen_ld_i64(b, tcg_env, bofs + i);
        tcg_gen_ld_i64(c, tcg_env, cofs + i);
        tcg_gen_and_i64(b, b, a);
        tcg_gen_andc_i64(c, c, a);
        tcg_gen_or_i64(b, b, c);
        tcg_gen_st_i64(b, tcg_env, dofs + i);
    }
    clear_tail(dofs, oprsz, maxsz);
}

/* ---- moves and duplicates ---- */

void tcg_gen_gvec_mov(unsigned vece, uint32_t dofs, uint32_t aofs,
                      uint32_t oprsz, uint32_t maxsz)
{
    check_size(oprsz, maxsz);
    if (dofs != aofs) {
        for (uint32_t i = 0; i < oprsz; i += 8) {
            TCGv_i64 t = tcg_temp_new_i64();
            tcg_gen_ld_i64(t, tcg_env, aofs + i);
            tcg_gen_st_i64(t, tcg_env, dofs + i);
        }
    }
    clear_tail(dofs, oprsz, maxsz);
}

static void dup_store(uint32_t dofs, uint32_t oprsz, uint32_t maxsz, TCGv_i64 v)
{
    check_size(oprsz, maxsz);
    for (uint32_t i = 0; i < oprsz; i += 8) {
        tcg_gen_st_i64(v, tcg_env, dofs + i);
    }
    clear_tail(dofs, oprsz, maxsz);
}

void tcg_gen_gvec_dup_imm(unsigned vece, uint32_t dofs, uint32_t oprsz,
                          uint32_t maxsz, uint64_t imm)
{
    dup_store(dofs, oprsz, maxsz, tcg_constant_i64(dup_const(vece, imm)));
}

/* Spread the zero-extended element in @t over 64 bits. */
static void dup_reg(unsigned vece, TCGv_i64 t)
{
    switch (vece) {
    case MO_8:
        tcg_gen_ext8u_i64(t, t);
        tcg_gen_muli_i64(t, t, 0x0101010101010101ll);
        break;
    case MO_16:
        tcg_gen_ext16u_i64(t, t);
        tcg_gen_muli_i64(t, t, 0x0001000100010001ll);
        break;
    case MO_32:
        tcg_gen_deposit_i64(t, t, t, 32, 32);
        break;
    default:
        break;
    }
}

void tcg_gen_gvec_dup_i64(unsigned vece, uint32_t dofs, uint32_t oprsz,
                          uint32_t maxsz, TCGv_i64 in)
{
    TCGv_i64 t = tcg_temp_new_i64();
    tcg_gen_mov_i64(t, in);
    dup_reg(vece, t);
    dup_store(dofs, oprsz, maxsz, t);
}

void tcg_gen_gvec_dup_i32(unsigned vece, uint32_t dofs, uint32_t oprsz,
                          uint32_t maxsz, TCGv_i32 in)
{
    TCGv_i64 t = tcg_temp_new_i64();
    g_assert(vece <= MO_32);
    tcg_gen_extu_i32_i64(t, in);
    dup_reg(vece, t);
    dup_store(dofs, oprsz, maxsz, t);
}

void tcg_gen_gvec_dup_mem(unsigned vece, uint32_t dofs, uint32_t aofs,
                          uint32_t oprsz, uint32_t maxsz)
{
    TCGv_i64 t = tcg_temp_new_i64();
    ld_elem(t, aofs, vece, false);
    dup_reg(vece, t);
    dup_store(dofs, oprsz, maxsz, t);
}
