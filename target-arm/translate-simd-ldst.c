/*
 * translate-simd-ldst.c - A64 SIMD&FP loads and stores of every form
 * (single register, pairs, LD1-LD4/ST1-ST4 multiple and single structures,
 * load and replicate) and the AdvSIMD data movement groups (copy, modified
 * immediate, permutes, EXT, TBL/TBX).
 *
 * Width fidelity: an access of 8, 16, 32 or 64 bits is one access of that
 * width; a 128-bit register access is two 64-bit accesses, low half first
 * (the architecture makes only 64-bit pieces single-copy atomic), with a
 * 16-byte alignment check when alignment is enforced. Multiple-structure
 * transfers reach a device as one access per element, of the element size
 * (helper_simd_ldst_multi, vec_ldst_helper.c), except LD1/ST1 of 64-bit
 * elements, which are inline 64-bit accesses. Single-structure and
 * replicate forms are inline accesses of the element size.
 *
 * Loads of several registers or halves compute every value into temps
 * before writing any register, so a fault part way leaves the registers
 * as they were (the Arm ARM allows UNKNOWN values there; this is simpler
 * to reason about and what QEMU does too).
 */
#include "util/osdep.h"
#include "target-arm/translate-a64.h"
#include "util/host-utils.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-gen.h"

#include "target-arm/decode-a64-simd-ldst.c.inc"

bool disas_a64_simd_ldst(DisasContext *s, uint32_t insn)
{
    return decode_a64_simd_ldst(s, insn);
}

/* @imm (an element of 1 << esz bytes) repeated over 64 bits. */
static uint64_t rep64(int esz, uint64_t imm)
{
    switch (esz) {
    case MO_8: return (uint8_t)imm * 0x0101010101010101ull;
    case MO_16: return (uint16_t)imm * 0x0001000100010001ull;
    case MO_32: return (uint32_t)imm * 0x0000000100000001ull;
    default: return imm;
    }
}

/* Write @v (64 bits) to both halves of V<rd>, or the low one and zero. */
static void write_vreg_dup64(int rd, bool q, TCGv_i64 v)
{
    tcg_gen_st_i64(v, tcg_env, vec_full_reg_offset(rd));
    tcg_gen_st_i64(q ? v : tcg_constant_i64(0), tcg_env,
                   vec_full_reg_offset(rd) + 8);
}

/* V<rd> = the low 1 << esz bytes of @v in every lane (Q=0: the low half). */
static void gen_dup_i64(int esz, int rd, bool q, TCGv_i64 v)
{
    TCGv_i64 t = tcg_temp_new_i64();

    switch (esz) {
    case MO_8:
        tcg_gen_ext8u_i64(t, v);
        tcg_gen_muli_i64(t, t, 0x0101010101010101ll);
        break;
    case MO_16:
        tcg_gen_ext16u_i64(t, v);
        tcg_gen_muli_i64(t, t, 0x0001000100010001ll);
        break;
    case MO_32:
        tcg_gen_deposit_i64(t, v, v, 32, 32);
        break;
    default:
        tcg_gen_mov_i64(t, v);
        break;
    }
    write_vreg_dup64(rd, q, t);
}

/* ---- single registers ------------------------------------------------- */

/* MemOp of the first (or only) access of a 1 << size byte register. */
static MemOp fp_memop(DisasContext *s, int size)
{
    if (size < MO_128) {
        return ldst_memop(s, size, false);
    }
    return MO_64 | MO_LE | (s->align ? MO_ALIGN_16 : 0);
}

/* Load 1 << size bytes at @addr into @lo/@hi (hi is 0 below 16 bytes). */
static void do_fp_ld_tmp(DisasContext *s, TCGv_i64 lo, TCGv_i64 hi,
                         TCGv_i64 addr, int size)
{
    tcg_gen_qemu_ld_i64(lo, addr, s->mmu_idx, fp_memop(s, size));
    if (size < MO_128) {
        tcg_gen_movi_i64(hi, 0);
    } else {
        TCGv_i64 a8 = tcg_temp_new_i64();
        tcg_gen_addi_i64(a8, addr, 8);
        tcg_gen_qemu_ld_i64(hi, a8, s->mmu_idx, MO_64 | MO_LE);
    }
}

static void write_vreg_pair(int rt, TCGv_i64 lo, TCGv_i64 hi)
{
    tcg_gen_st_i64(lo, tcg_env, vec_full_reg_offset(rt));
    tcg_gen_st_i64(hi, tcg_env, vec_full_reg_offset(rt) + 8);
}

/* Load V<rt> (size log2 bytes, 0..4) from @addr; the rest is zeroed. */
static void do_fp_ld(DisasContext *s, int rt, TCGv_i64 addr, int size)
{
    TCGv_i64 lo = tcg_temp_new_i64();
    TCGv_i64 hi = tcg_temp_new_i64();

    do_fp_ld_tmp(s, lo, hi, addr, size);
    write_vreg_pair(rt, lo, hi);
}

/* Store the low 1 << size bytes of V<rt> to @addr. */
static void do_fp_st(DisasContext *s, int rt, TCGv_i64 addr, int size)
{
    TCGv_i64 t = tcg_temp_new_i64();

    tcg_gen_ld_i64(t, tcg_env, vec_full_reg_offset(rt));
    tcg_gen_qemu_st_i64(t, addr, s->mmu_idx, fp_memop(s, size));
    if (size == MO_128) {
        TCGv_i64 a8 = tcg_temp_new_i64();
        tcg_gen_ld_i64(t, tcg_env, vec_full_reg_offset(rt) + 8);
        tcg_gen_addi_i64(a8, addr, 8);
        tcg_gen_qemu_st_i64(t, a8, s->mmu_idx, MO_64 | MO_LE);
    }
}

/* size:opc<1> of a single-register form as log2 bytes; -1 if reserved. */
static int fp_ldst_size(int size, int opc)
{
    if (opc & 2) {
        return size == 0 ? MO_128 : -1;
    }
    return size;
}

static void do_fp_ldst(DisasContext *s, int rt, TCGv_i64 addr, int size,
                       bool is_load, bool checked)
{
    gen_mte_check(s, addr, !is_load, checked, 1 << size, s->mmu_idx);
    if (is_load) {
        do_fp_ld(s, rt, addr, size);
    } else {
        do_fp_st(s, rt, addr, size);
    }
}

static bool trans_LDST_v_ui(DisasContext *s, arg_ldst_v *a)
{
    int size = fp_ldst_size(a->size, a->opc);

    if (size < 0) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    do_fp_ldst(s, a->rt, gen_addr(s, a->rn, (int64_t)a->imm << size), size,
               a->opc & 1, a->rn != 31);
    return true;
}

/* idx 00 unscaled (LDUR/STUR), 01 post-index, 11 pre-index. */
static bool trans_LDST_v_9(DisasContext *s, arg_ldst_v *a)
{
    int size = fp_ldst_size(a->size, a->opc);
    bool post = a->idx == 1;
    TCGv_i64 addr;

    if (size < 0 || a->idx == 2) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    addr = gen_addr(s, a->rn, post ? 0 : a->imm);
    do_fp_ldst(s, a->rt, addr, size, a->opc & 1, (a->idx & 1) || a->rn != 31);
    if (a->idx & 1) {
        if (post) {
            tcg_gen_addi_i64(addr, addr, a->imm);
        }
        write_xsp(s, a->rn, addr, true);
    }
    return true;
}

/* Rm extended by @option (UXTW 010, LSL 011, SXTW 110, SXTX 111) << shift. */
static bool trans_LDST_v_r(DisasContext *s, arg_ldst_vr *a)
{
    int size = fp_ldst_size(a->size, a->opc);
    TCGv_i64 off, addr;

    if (size < 0 || !(a->option & 2)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    off = tcg_temp_new_i64();
    if (a->option & 1) {
        tcg_gen_mov_i64(off, read_x(s, a->rm));
    } else if (a->option & 4) {
        tcg_gen_ext32s_i64(off, read_x(s, a->rm));
    } else {
        tcg_gen_ext32u_i64(off, read_x(s, a->rm));
    }
    if (a->s) {
        tcg_gen_shli_i64(off, off, size);
    }
    addr = tcg_temp_new_i64();
    tcg_gen_add_i64(addr, read_xsp(s, a->rn), off);
    do_fp_ldst(s, a->rt, addr, size, a->opc & 1, true);
    return true;
}

static bool trans_LDR_v_lit(DisasContext *s, arg_lit_v *a)
{
    if (a->opc == 3) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    do_fp_ld(s, a->rt, tcg_constant_i64(s->pc_curr + (int64_t)a->imm * 4),
             2 + a->opc);
    return true;
}

/* LDP/STP/LDNP/STNP of S, D, Q: two accesses of the register size. */
static bool trans_LDSTP_v(DisasContext *s, arg_ldp_v *a)
{
    int size = 2 + a->opc;
    int64_t off;
    bool post = a->idx == 1, wback = a->idx == 1 || a->idx == 3;
    TCGv_i64 addr, addr2;

    if (a->opc == 3) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    off = (int64_t)a->imm * (1 << size);
    addr = gen_addr(s, a->rn, post ? 0 : off);
    addr2 = tcg_temp_new_i64();
    tcg_gen_addi_i64(addr2, addr, 1 << size);
    gen_mte_check(s, addr, !a->l, wback || a->rn != 31, 2 << size, s->mmu_idx);
    if (a->l) {
        TCGv_i64 lo1 = tcg_temp_new_i64(), hi1 = tcg_temp_new_i64();
        TCGv_i64 lo2 = tcg_temp_new_i64(), hi2 = tcg_temp_new_i64();
        do_fp_ld_tmp(s, lo1, hi1, addr, size);
        do_fp_ld_tmp(s, lo2, hi2, addr2, size);
        /* Rt == Rt2 is CONSTRAINED UNPREDICTABLE: the second one wins. */
        write_vreg_pair(a->rt, lo1, hi1);
        write_vreg_pair(a->rt2, lo2, hi2);
    } else {
        do_fp_st(s, a->rt, addr, size);
        do_fp_st(s, a->rt2, addr2, size);
    }
    if (wback) {
        if (post) {
            tcg_gen_addi_i64(addr, addr, off);
        }
        write_xsp(s, a->rn, addr, true);
    }
    return true;
}

/* ---- structures ------------------------------------------------------- */

/* Post-index writeback: Xn += Xm, or the transfer size when Rm is 31. */
static void gen_struct_wback(DisasContext *s, int rn, int rm, TCGv_i64 addr,
                             int bytes)
{
    if (rm == 31) {
        tcg_gen_addi_i64(addr, addr, bytes);
    } else {
        tcg_gen_add_i64(addr, addr, read_x(s, rm));
    }
    write_xsp(s, rn, addr, true);
}

/* desc of helper_simd_ldst_multi (decoded in vec_ldst_helper.c) */
static uint32_t simd_ldst_desc(int rt, int esz, bool q, int selem, int rpt,
                               bool is_load, bool align, int mmu_idx)
{
    return rt | esz << 5 | q << 7 | selem << 8 | rpt << 11 | is_load << 14 |
           align << 15 | mmu_idx << 16;
}

static bool trans_LDST_mult(DisasContext *s, arg_ldst_mult *a)
{
    int rpt, selem, bytes;
    TCGv_i64 addr;

    switch (a->opcode) {
    case 0x0: rpt = 1; selem = 4; break;    /* LD4/ST4 */
    case 0x2: rpt = 4; selem = 1; break;    /* LD1/ST1, 4 registers */
    case 0x4: rpt = 1; selem = 3; break;    /* LD3/ST3 */
    case 0x6: rpt = 3; selem = 1; break;    /* LD1/ST1, 3 registers */
    case 0x7: rpt = 1; selem = 1; break;    /* LD1/ST1, 1 register */
    case 0x8: rpt = 1; selem = 2; break;    /* LD2/ST2 */
    case 0xa: rpt = 2; selem = 1; break;    /* LD1/ST1, 2 registers */
    default:
        return false;
    }
    if (a->size == 3 && !a->q && selem > 1) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    bytes = rpt * selem * (a->q ? 16 : 8);
    addr = gen_addr(s, a->rn, 0);
    gen_mte_check(s, addr, !a->l, a->p || a->rn != 31, bytes, s->mmu_idx);
    if (selem == 1 && a->size == 3) {
        /* 64-bit elements: inline accesses, each the element size. */
        int n = bytes / 8;
        TCGv_i64 v[8], ea = tcg_temp_new_i64();
        for (int i = 0; i < n; i++) {
            int reg = (a->rt + i / (a->q ? 2 : 1)) & 31;
            int half = a->q ? i & 1 : 0;
            tcg_gen_addi_i64(ea, addr, i * 8);
            v[i] = tcg_temp_new_i64();
            if (a->l) {
                tcg_gen_qemu_ld_i64(v[i], ea, s->mmu_idx,
                                    ldst_memop(s, MO_64, false));
            } else {
                tcg_gen_ld_i64(v[i], tcg_env,
                               vec_full_reg_offset(reg) + 8 * half);
                tcg_gen_qemu_st_i64(v[i], ea, s->mmu_idx,
                                    ldst_memop(s, MO_64, false));
            }
        }
        if (a->l) {
            for (int i = 0; i < n; i++) {
                int reg = (a->rt + i / (a->q ? 2 : 1)) & 31;
                int half = a->q ? i & 1 : 0;
                tcg_gen_st_i64(v[i], tcg_env,
                               vec_full_reg_offset(reg) + 8 * half);
                clear_vec_high(s, a->q, reg);
            }
        }
    } else {
        gen_helper_simd_ldst_multi(tcg_env, addr,
            tcg_constant_i32(simd_ldst_desc(a->rt, a->size, a->q, selem, rpt,
                                            a->l, s->align, s->mmu_idx)));
    }
    if (a->p) {
        gen_struct_wback(s, a->rn, a->rm, addr, bytes);
    }
    return true;
}

/*
 * LD1-LD4/ST1-ST4 (single structure, one lane of selem consecutive
 * registers) and LD1R-LD4R (replicate to all lanes).
 */
static bool trans_LDST_single(DisasContext *s, arg_ldst_single *a)
{
    int scale = a->opcode >> 1;
    int selem = ((a->opcode & 1) << 1 | a->r) + 1;
    bool replicate = false;
    int index = 0, ebytes;
    TCGv_i64 addr, ea, v[4];

    switch (scale) {
    case 3:
        if (!a->l || a->s) {
            return false;
        }
        scale = a->size;
        replicate = true;
        break;
    case 0:
        index = a->q << 3 | a->s << 2 | a->size;
        break;
    case 1:
        if (a->size & 1) {
            return false;
        }
        index = a->q << 2 | a->s << 1 | a->size >> 1;
        break;
    case 2:
        if (a->size & 2) {
            return false;
        }
        if (a->size & 1) {
            if (a->s) {
                return false;
            }
            index = a->q;
            scale = 3;
        } else {
            index = a->q << 1 | a->s;
        }
        break;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    ebytes = 1 << scale;
    addr = gen_addr(s, a->rn, 0);
    gen_mte_check(s, addr, !a->l, a->p || a->rn != 31, selem * ebytes,
                  s->mmu_idx);
    ea = tcg_temp_new_i64();
    for (int k = 0; k < selem; k++) {
        int reg = (a->rt + k) & 31;
        tcg_gen_addi_i64(ea, addr, k * ebytes);
        v[k] = tcg_temp_new_i64();
        if (a->l) {
            tcg_gen_qemu_ld_i64(v[k], ea, s->mmu_idx,
                                ldst_memop(s, scale, false));
        } else {
            read_vec_element(s, v[k], reg, index, scale);
            tcg_gen_qemu_st_i64(v[k], ea, s->mmu_idx,
                                ldst_memop(s, scale, false));
        }
    }
    if (a->l) {
        for (int k = 0; k < selem; k++) {
            int reg = (a->rt + k) & 31;
            if (replicate) {
                gen_dup_i64(scale, reg, a->q, v[k]);
            } else {
                write_vec_element(s, v[k], reg, index, scale);
            }
        }
    }
    if (a->p) {
        gen_struct_wback(s, a->rn, a->rm, addr, selem * ebytes);
    }
    return true;
}

/* ---- copy ------------------------------------------------------------- */

/* Element size (log2) from imm5's lowest set bit; -1 for x0000. */
static int copy_esz(int imm5)
{
    return (imm5 & 0xf) ? ctz32(imm5) : -1;
}

static bool trans_DUP_elem(DisasContext *s, arg_copy *a)
{
    int esz = copy_esz(a->imm5);
    TCGv_i64 t;

    if (esz < 0 || (esz == 3 && !a->q)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    t = tcg_temp_new_i64();
    read_vec_element(s, t, a->rn, a->imm5 >> (esz + 1), esz);
    gen_dup_i64(esz, a->rd, a->q, t);
    return true;
}

static bool trans_DUP_gen(DisasContext *s, arg_copy *a)
{
    int esz = copy_esz(a->imm5);

    if (esz < 0 || (esz == 3 && !a->q)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    gen_dup_i64(esz, a->rd, a->q, read_x(s, a->rn));
    return true;
}

static bool trans_INS_gen(DisasContext *s, arg_copy *a)
{
    int esz = copy_esz(a->imm5);

    if (esz < 0) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    write_vec_element(s, read_x(s, a->rn), a->rd, a->imm5 >> (esz + 1), esz);
    return true;
}

static bool trans_INS_elem(DisasContext *s, arg_copy *a)
{
    int esz = copy_esz(a->imm5);
    TCGv_i64 t;

    if (esz < 0) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    t = tcg_temp_new_i64();
    read_vec_element(s, t, a->rn, a->imm4 >> esz, esz);
    write_vec_element(s, t, a->rd, a->imm5 >> (esz + 1), esz);
    return true;
}

/* SMOV/UMOV: Q selects X (1) or W (0) as the destination. */
static bool do_mov_to_gpr(DisasContext *s, arg_copy *a, bool is_signed)
{
    int esz = copy_esz(a->imm5);
    TCGv_i64 t;

    if (esz < 0) {
        return false;
    }
    if (is_signed ? esz >= (a->q ? 3 : 2)
                  : (a->q ? esz != 3 : esz == 3)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    t = tcg_temp_new_i64();
    read_vec_element(s, t, a->rn, a->imm5 >> (esz + 1),
                     esz | (is_signed ? MO_SIGN : 0));
    write_x(s, a->rd, t, a->q);
    return true;
}

static bool trans_SMOV(DisasContext *s, arg_copy *a)
{
    return do_mov_to_gpr(s, a, true);
}

static bool trans_UMOV(DisasContext *s, arg_copy *a)
{
    return do_mov_to_gpr(s, a, false);
}

static bool trans_DUP_scalar(DisasContext *s, arg_copy *a)
{
    int esz = copy_esz(a->imm5);
    TCGv_i64 t;

    if (esz < 0) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    t = tcg_temp_new_i64();
    read_vec_element(s, t, a->rn, a->imm5 >> (esz + 1), esz);
    write_fp_dreg(s, a->rd, t);
    return true;
}

/* ---- modified immediate ------------------------------------------------- */

/* The Arm ARM's AdvSIMDExpandImm(op, cmode, imm8). */
static uint64_t advsimd_expand_imm(int op, int cmode, uint64_t imm8)
{
    switch (cmode >> 1) {
    case 0: return rep64(MO_32, imm8);
    case 1: return rep64(MO_32, imm8 << 8);
    case 2: return rep64(MO_32, imm8 << 16);
    case 3: return rep64(MO_32, imm8 << 24);
    case 4: return rep64(MO_16, imm8);
    case 5: return rep64(MO_16, imm8 << 8);
    case 6:
        return rep64(MO_32, cmode & 1 ? imm8 << 16 | 0xffff
                                          : imm8 << 8 | 0xff);
    default:
        break;
    }
    if (!(cmode & 1)) {
        if (!op) {
            return rep64(MO_8, imm8);
        }
        uint64_t r = 0;
        for (int i = 0; i < 8; i++) {
            if (imm8 & (1u << i)) {
                r |= 0xffull << (8 * i);
            }
        }
        return r;
    }
    if (!op) {
        /* single: a:NOT(b):bbbbb:cdefgh:Zeros(19) */
        uint32_t f = (imm8 & 0x80) << 24 | (imm8 & 0x40 ? 0x3e000000 : 0x40000000)
                     | (imm8 & 0x3f) << 19;
        return rep64(MO_32, f);
    }
    /* double: a:NOT(b):bbbbbbbb:cdefgh:Zeros(48) */
    return (imm8 & 0x80) << 56 | (imm8 & 0x40 ? 0x3fc0000000000000ull
                                              : 0x4000000000000000ull)
           | (imm8 & 0x3f) << 48;
}

/* MOVI, MVNI, ORR/BIC (vector, immediate), FMOV (vector, immediate). */
static bool trans_MOVI(DisasContext *s, arg_modimm *a)
{
    uint64_t imm;
    bool orr_bic = (a->cmode & 1) && a->cmode < 12;
    int rd = a->rd;

    /* o2 = 1 is FMOV (half precision) with FEAT_FP16, not implemented. */
    if (a->o2 || (a->cmode == 15 && a->op && !a->q)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    imm = advsimd_expand_imm(a->op, a->cmode, a->abc << 5 | a->defgh);
    if (orr_bic) {
        for (int i = 0; i < (a->q ? 2 : 1); i++) {
            TCGv_i64 t = tcg_temp_new_i64();
            int off = vec_full_reg_offset(rd) + 8 * i;
            tcg_gen_ld_i64(t, tcg_env, off);
            if (a->op) {
                tcg_gen_andi_i64(t, t, ~imm);
            } else {
                tcg_gen_ori_i64(t, t, imm);
            }
            tcg_gen_st_i64(t, tcg_env, off);
        }
        clear_vec_high(s, a->q, rd);
        return true;
    }
    /* MVNI inverts, except for cmode 111x (MOVI 64-bit, FMOV double). */
    if (a->op && a->cmode < 14) {
        imm = ~imm;
    }
    write_vreg_dup64(rd, a->q, tcg_constant_i64(imm));
    return true;
}

/* ---- permutes, EXT, TBL/TBX ---------------------------------------------- */

static bool trans_PERM(DisasContext *s, arg_perm *a)
{
    if ((a->opcode & 3) == 0 || (a->size == 3 && !a->q)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    gen_helper_simd_perm(vec_full_reg_ptr(s, a->rd), vec_full_reg_ptr(s, a->rn),
                         vec_full_reg_ptr(s, a->rm),
                         tcg_constant_i32(simd_desc(a->q ? 16 : 8,
                                                    a->opcode | a->size << 3)));
    return true;
}

/* EXT: bytes imm4.. of the concatenation Vm:Vn. */
static bool trans_EXT(DisasContext *s, arg_ext *a)
{
    TCGv_i64 w[4], lo, hi;
    int i, sh;

    if (!a->q && (a->imm4 & 8)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    if (!a->q) {
        w[0] = read_fp_dreg(s, a->rn);
        w[1] = read_fp_dreg(s, a->rm);
    } else {
        for (i = 0; i < 4; i++) {
            w[i] = tcg_temp_new_i64();
            tcg_gen_ld_i64(w[i], tcg_env,
                           vec_full_reg_offset(i < 2 ? a->rn : a->rm) + 8 * (i & 1));
        }
    }
    i = a->imm4 >> 3;
    sh = (a->imm4 & 7) * 8;
    lo = tcg_temp_new_i64();
    if (sh) {
        tcg_gen_extract2_i64(lo, w[i], w[i + 1], sh);
    } else {
        tcg_gen_mov_i64(lo, w[i]);
    }
    if (!a->q) {
        write_fp_dreg(s, a->rd, lo);
        return true;
    }
    hi = tcg_temp_new_i64();
    if (sh) {
        tcg_gen_extract2_i64(hi, w[i + 1], w[i + 2], sh);
    } else {
        tcg_gen_mov_i64(hi, w[i + 1]);
    }
    write_vreg_pair(a->rd, lo, hi);
    return true;
}

static bool trans_TBL(DisasContext *s, arg_tbl *a)
{
    if (!fp_access_check(s)) {
        return true;
    }
    gen_helper_simd_tbl(tcg_env, tcg_constant_i32(a->rd | a->rn << 5 |
                                                  a->rm << 10 | a->len << 15 |
                                                  a->op << 17 | a->q << 18));
    return true;
}
