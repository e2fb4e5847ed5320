/*
 * translate-simd-ldst.c - A64 SIMD&FP loads and stores of every form
 * (single register, pairs, LD1-LD4/ST1-ST4 multiple and single structures,
 * load and replicate) and the AdvSIMD data movement groups.
 *
 * Width fidelity: an access of 8, 16, 32 or 64 bits is one access of that
 * width; a 128-bit register access is two 64-bit accesses, low half first
 * (the architecture makes only 64-bit pieces single-copy atomic), with a
 * 16-byte alignment check when alignment is enforced.
 */
#include "util/osdep.h"
#include "target-arm/translate-a64.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-gen.h"

#include "target-arm/decode-a64-simd-ldst.c.inc"

bool disas_a64_simd_ldst(DisasContext *s, uint32_t insn)
{
    return decode_a64_simd_ldst(s, insn);
}

/* Load V<rt> (size log2 bytes, 0..4) from @addr; the rest is zeroed. */
static void do_fp_ld(DisasContext *s, int rt, TCGv_i64 addr, int size)
{
    TCGv_i64 lo = tcg_temp_new_i64();
    TCGv_i64 hi = tcg_temp_new_i64();
    MemOp mop;

    if (size < MO_128) {
        tcg_gen_qemu_ld_i64(lo, addr, s->mmu_idx, ldst_memop(s, size, false));
        tcg_gen_movi_i64(hi, 0);
    } else {
        TCGv_i64 a8 = tcg_temp_new_i64();
        mop = MO_64 | MO_LE | (s->align ? MO_ALIGN_16 : 0);
        tcg_gen_qemu_ld_i64(lo, addr, s->mmu_idx, mop);
        tcg_gen_addi_i64(a8, addr, 8);
        tcg_gen_qemu_ld_i64(hi, a8, s->mmu_idx, MO_64 | MO_LE);
    }
    tcg_gen_st_i64(lo, tcg_env, vec_full_reg_offset(rt));
    tcg_gen_st_i64(hi, tcg_env, vec_full_reg_offset(rt) + 8);
}

/* Store the low 1 << size bytes of V<rt> to @addr. */
static void do_fp_st(DisasContext *s, int rt, TCGv_i64 addr, int size)
{
    TCGv_i64 t = tcg_temp_new_i64();
    MemOp mop;

    tcg_gen_ld_i64(t, tcg_env, vec_full_reg_offset(rt));
    if (size < MO_128) {
        tcg_gen_qemu_st_i64(t, addr, s->mmu_idx, ldst_memop(s, size, false));
    } else {
        TCGv_i64 a8 = tcg_temp_new_i64();
        mop = MO_64 | MO_LE | (s->align ? MO_ALIGN_16 : 0);
        tcg_gen_qemu_st_i64(t, addr, s->mmu_idx, mop);
        tcg_gen_ld_i64(t, tcg_env, vec_full_reg_offset(rt) + 8);
        tcg_gen_addi_i64(a8, addr, 8);
        tcg_gen_qemu_st_i64(t, a8, s->mmu_idx, MO_64 | MO_LE);
    }
}

static bool trans_LDST_v_ui(DisasContext *s, arg_ldst_v *a)
{
    int size = a->size | ((a->opc & 2) << 1);   /* opc<1> makes it Q */
    bool is_load = a->opc & 1;
    TCGv_i64 addr;

    if (size > MO_128) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    addr = gen_addr(s, a->rn, (int64_t)a->imm << size);
    if (is_load) {
        do_fp_ld(s, a->rt, addr, size);
    } else {
        do_fp_st(s, a->rt, addr, size);
    }
    return true;
}
