/*
 * translate-mte.c - the A64 instructions of the Memory Tagging Extension
 * (FEAT_MTE): IRG, GMI, SUBP(S), ADDG/SUBG, the tag loads and stores
 * (LDG, STG, STZG, ST2G, STZ2G, STGP, LDGM, STGM, STZGM). Helpers are in
 * mte_helper.c; without MTE on the CPU every encoding is UNDEFINED.
 */
#include "util/osdep.h"
#include "target-arm/translate-a64.h"
#include "target-arm/mte.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-gen.h"

#include "target-arm/decode-a64-mte.c.inc"

bool disas_a64_mte(DisasContext *s, uint32_t insn)
{
    return s->mte && decode_a64_mte(s, insn);
}

static bool trans_IRG(DisasContext *s, arg_IRG *a)
{
    TCGv_i64 d = tcg_temp_new_i64();

    gen_helper_irg(d, tcg_env, read_xsp(s, a->rn), read_x(s, a->rm));
    write_xsp(s, a->rd, d, true);
    return true;
}

/* GMI: Xd = Xm | 1 << Xn|SP<59:56>. */
static bool trans_GMI(DisasContext *s, arg_GMI *a)
{
    TCGv_i64 t = tcg_temp_new_i64();
    TCGv_i64 d = tcg_temp_new_i64();

    tcg_gen_extract_i64(t, read_xsp(s, a->rn), 56, 4);
    tcg_gen_shl_i64(t, tcg_constant_i64(1), t);
    tcg_gen_or_i64(d, read_x(s, a->rm), t);
    write_x(s, a->rd, d, true);
    return true;
}

/* SUBP(S): the 56-bit addresses sign-extended, subtracted. */
static bool trans_SUBP(DisasContext *s, arg_SUBP *a)
{
    TCGv_i64 n = tcg_temp_new_i64();
    TCGv_i64 m = tcg_temp_new_i64();
    TCGv_i64 d = tcg_temp_new_i64();

    tcg_gen_sextract_i64(n, read_xsp(s, a->rn), 0, 56);
    tcg_gen_sextract_i64(m, read_xsp(s, a->rm), 0, 56);
    if (a->s) {
        gen_subs_i64(d, n, m);
    } else {
        tcg_gen_sub_i64(d, n, m);
    }
    write_x(s, a->rd, d, true);
    return true;
}

/* ADDG/SUBG Xd|SP, Xn|SP, #uimm6 * 16, #uimm4 */
static bool trans_ADDG(DisasContext *s, arg_ADDG *a)
{
    TCGv_i64 d = tcg_temp_new_i64();
    int32_t off = a->uimm6 << 4;

    gen_helper_addsubg(d, tcg_env, read_xsp(s, a->rn),
                       tcg_constant_i32(a->sub ? -off : off),
                       tcg_constant_i32(a->uimm4));
    write_xsp(s, a->rd, d, true);
    return true;
}

/* Xn|SP after a post (idx 1) or pre (idx 3) indexed access at @addr. */
static void gen_tag_wback(DisasContext *s, int rn, int idx, TCGv_i64 addr,
                          int64_t off)
{
    if (idx == 1) {
        tcg_gen_addi_i64(addr, addr, off);
    }
    if (idx == 1 || idx == 3) {
        write_xsp(s, rn, addr, true);
    }
}

static bool trans_LDST_TAG(DisasContext *s, arg_LDST_TAG *a)
{
    int64_t off = (int64_t)a->imm * 16;
    TCGv_i64 addr, v;

    if (a->idx == 0) {
        switch (a->opc) {
        case 1:     /* LDG Xt, [Xn|SP, #simm] */
            v = tcg_temp_new_i64();
            gen_helper_ldg(v, tcg_env, gen_addr(s, a->rn, off),
                           read_x(s, a->rt));
            write_x(s, a->rt, v, true);
            return true;
        case 0:     /* STZGM, STGM, LDGM: EL1 only, no offset */
        case 2:
        case 3:
            if (a->imm != 0 || s->el == 0) {
                return false;
            }
            addr = read_xsp(s, a->rn);
            if (a->opc == 0) {
                gen_helper_dc_gva(tcg_env, addr, read_x(s, a->rt),
                                  tcg_constant_i32(3));
            } else if (a->opc == 2) {
                gen_helper_stgm(tcg_env, addr, read_x(s, a->rt));
            } else {
                v = tcg_temp_new_i64();
                gen_helper_ldgm(v, tcg_env, addr);
                write_x(s, a->rt, v, true);
            }
            return true;
        }
    }
    /* STG (opc 0), STZG (1), ST2G (2), STZ2G (3); the tag is Xt|SP's. */
    addr = gen_addr(s, a->rn, a->idx == 1 ? 0 : off);
    gen_helper_stg(tcg_env, addr, read_xsp(s, a->rt),
                   tcg_constant_i32((a->opc & 1 ? MTE_STG_ZERO : 0) |
                                    (a->opc & 2 ? MTE_STG_TWO : 0)));
    gen_tag_wback(s, a->rn, a->idx, addr, off);
    return true;
}

/* STGP Xt, Xt2, [Xn|SP...]: the address's tag, then 16 unchecked bytes. */
static bool trans_STGP(DisasContext *s, arg_STGP *a)
{
    int64_t off = (int64_t)a->imm * 16;
    TCGv_i64 addr, addr2;

    if (a->idx == 0) {
        return false;
    }
    addr = gen_addr(s, a->rn, a->idx == 1 ? 0 : off);
    addr2 = tcg_temp_new_i64();
    gen_helper_stg(tcg_env, addr, tcg_constant_i64(0),
                   tcg_constant_i32(MTE_STG_ADDR));
    tcg_gen_addi_i64(addr2, addr, 8);
    tcg_gen_qemu_st_i64(read_x(s, a->rt), addr, s->mmu_idx,
                        ldst_memop(s, MO_64, false));
    tcg_gen_qemu_st_i64(read_x(s, a->rt2), addr2, s->mmu_idx,
                        ldst_memop(s, MO_64, false));
    gen_tag_wback(s, a->rn, a->idx, addr, off);
    return true;
}
