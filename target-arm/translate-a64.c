/*
 * translate-a64.c - A64 instructions to TCG ops.
 *
 * decode_a64() (generated from target-arm/a64.decode) picks the encoding
 * and calls one trans_<INSN>() below; each returns false for a reserved
 * encoding, which becomes UNDEFINED. The guest registers live in env and
 * are TCG globals (cpu_X[31] is the current SP; register number 31 means
 * XZR or SP depending on the operand, which each trans_ function says by
 * calling read_x/read_xsp and dest_x/dest_xsp).
 *
 * Flags are kept split (see CPUARMState): N and V in bit 63 of NF/VF,
 * Z as ZF == 0, C as CF in {0, 1}, so that a flag-setting add costs a few
 * plain ops and conditions test one value against zero.
 *
 * Not here: the FP/SIMD groups (see translate-a64.h for their files),
 * address translation (ptw.c),
 * system register semantics (helper-a64.c), taking exceptions (cpu.c).
 */
#include "util/osdep.h"
#include "util/log.h"
#include "target-arm/translate-a64.h"
#include "target-arm/mte.h"
#include "sysemu/sysemu.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-gen.h"

/*
 * The generated decoder: decode_a64(ctx, insn), the arg_* structs and the
 * trans_* prototypes. plus_2 is the !function of its %sys_op0 field.
 */
static int plus_2(DisasContext *s, int x)
{
    return x + 2;
}

#include "target-arm/decode-a64.c.inc"

static TCGv_i64 cpu_X[32];
static TCGv_i64 cpu_pc;
static TCGv_i64 cpu_NF, cpu_ZF, cpu_CF, cpu_VF;
static TCGv_i64 cpu_exclusive_addr, cpu_exclusive_val, cpu_exclusive_high;

void aarch64_translate_init(void)
{
    static const char *const names[32] = {
        "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7",
        "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
        "x16", "x17", "x18", "x19", "x20", "x21", "x22", "x23",
        "x24", "x25", "x26", "x27", "x28", "x29", "lr", "sp",
    };
    for (int i = 0; i < 32; i++) {
        cpu_X[i] = tcg_global_mem_new_i64(tcg_env,
                                          offsetof(CPUARMState, xregs[i]),
                                          names[i]);
    }
    cpu_pc = tcg_global_mem_new_i64(tcg_env, offsetof(CPUARMState, pc), "pc");
    cpu_NF = tcg_global_mem_new_i64(tcg_env, offsetof(CPUARMState, NF), "NF");
    cpu_ZF = tcg_global_mem_new_i64(tcg_env, offsetof(CPUARMState, ZF), "ZF");
    cpu_CF = tcg_global_mem_new_i64(tcg_env, offsetof(CPUARMState, CF), "CF");
    cpu_VF = tcg_global_mem_new_i64(tcg_env, offsetof(CPUARMState, VF), "VF");
    cpu_exclusive_addr = tcg_global_mem_new_i64(
        tcg_env, offsetof(CPUARMState, exclusive_addr), "exclusive_addr");
    cpu_exclusive_val = tcg_global_mem_new_i64(
        tcg_env, offsetof(CPUARMState, exclusive_val), "exclusive_val");
    cpu_exclusive_high = tcg_global_mem_new_i64(
        tcg_env, offsetof(CPUARMState, exclusive_high), "exclusive_high");
}

/* ---- registers ------------------------------------------------------- */

/* Xn as a source where 31 is XZR. */
TCGv_i64 read_x(DisasContext *s, int r)
{
    return r == 31 ? tcg_constant_i64(0) : cpu_X[r];
}

/* Xn as a source where 31 is SP. */
TCGv_i64 read_xsp(DisasContext *s, int r)
{
    return cpu_X[r];
}

/* Write @val to Rd (31 = XZR), truncated to 32 bits unless @sf. */
void write_x(DisasContext *s, int r, TCGv_i64 val, bool sf)
{
    if (r == 31) {
        return;
    }
    if (sf) {
        tcg_gen_mov_i64(cpu_X[r], val);
    } else {
        tcg_gen_ext32u_i64(cpu_X[r], val);
    }
}

void write_xsp(DisasContext *s, int r, TCGv_i64 val, bool sf)
{
    if (sf) {
        tcg_gen_mov_i64(cpu_X[r], val);
    } else {
        tcg_gen_ext32u_i64(cpu_X[r], val);
    }
}

/* ---- exceptions and control flow ------------------------------------- */

void gen_update_pc(DisasContext *s, uint64_t pc)
{
    tcg_gen_movi_i64(cpu_pc, pc);
}

/* Raise @excp with ELR = @pc (the insn itself or the next one). */
void gen_exception_insn(DisasContext *s, uint64_t pc, int excp,
                               uint32_t syndrome)
{
    gen_update_pc(s, pc);
    gen_helper_exception(tcg_env, tcg_constant_i32(excp),
                         tcg_constant_i32(syndrome), tcg_constant_i32(1));
    s->base.is_jmp = DISAS_NORETURN;
}

void unallocated_encoding(DisasContext *s)
{
    gen_exception_insn(s, s->pc_curr, EXCP_UDEF, syn_uncategorized());
}

static void gen_goto_tb(DisasContext *s, int n, uint64_t dest)
{
    if (translator_use_goto_tb(&s->base, dest)) {
        tcg_gen_goto_tb(n);
        gen_update_pc(s, dest);
        tcg_gen_exit_tb(s->base.tb, n);
    } else {
        gen_update_pc(s, dest);
        tcg_gen_lookup_and_goto_ptr();
    }
    s->base.is_jmp = DISAS_NORETURN;
}

void arm_test_cc(DisasCompare *c, int cc)
{
    TCGv_i64 v;
    TCGCond cond;

    switch (cc) {
    case 0: /* EQ: Z */
    case 1: /* NE: !Z */
        cond = TCG_COND_EQ;
        v = cpu_ZF;
        break;
    case 2: /* CS: C */
    case 3: /* CC: !C */
        cond = TCG_COND_NE;
        v = cpu_CF;
        break;
    case 4: /* MI: N */
    case 5: /* PL: !N */
        cond = TCG_COND_LT;
        v = cpu_NF;
        break;
    case 6: /* VS: V */
    case 7: /* VC: !V */
        cond = TCG_COND_LT;
        v = cpu_VF;
        break;
    case 8: /* HI: C && !Z */
    case 9: /* LS: !C || Z */
        cond = TCG_COND_NE;
        v = tcg_temp_new_i64();
        tcg_gen_neg_i64(v, cpu_CF);
        tcg_gen_and_i64(v, v, cpu_ZF);
        break;
    case 10: /* GE: N == V */
    case 11: /* LT: N != V */
        cond = TCG_COND_GE;
        v = tcg_temp_new_i64();
        tcg_gen_xor_i64(v, cpu_VF, cpu_NF);
        break;
    case 12: /* GT: !Z && N == V */
    case 13: /* LE: Z || N != V */
        cond = TCG_COND_NE;
        v = tcg_temp_new_i64();
        tcg_gen_xor_i64(v, cpu_VF, cpu_NF);
        tcg_gen_sari_i64(v, v, 63);
        tcg_gen_andc_i64(v, cpu_ZF, v);
        break;
    default: /* AL, NV: always */
        cond = TCG_COND_ALWAYS;
        v = cpu_ZF;
        break;
    }
    if (cc & 1 && cc != 15) {
        cond = tcg_invert_cond(cond);
    }
    c->cond = cond;
    c->value = v;
}

/* ---- flags -------------------------------------------------------------- */

void gen_set_nzcv(TCGv_i64 nzcv)
{
    tcg_gen_shli_i64(cpu_NF, nzcv, 60);
    tcg_gen_andi_i64(cpu_ZF, nzcv, 4);
    tcg_gen_xori_i64(cpu_ZF, cpu_ZF, 4);
    tcg_gen_extract_i64(cpu_CF, nzcv, 1, 1);
    tcg_gen_shli_i64(cpu_VF, nzcv, 63);
}

static void gen_logic_CC(bool sf, TCGv_i64 result)
{
    if (sf) {
        tcg_gen_mov_i64(cpu_NF, result);
        tcg_gen_mov_i64(cpu_ZF, result);
    } else {
        tcg_gen_ext32s_i64(cpu_NF, result);
        tcg_gen_ext32u_i64(cpu_ZF, result);
    }
    tcg_gen_movi_i64(cpu_CF, 0);
    tcg_gen_movi_i64(cpu_VF, 0);
}

/* dest = t0 + t1 (+ carry-in if @cin), setting NZCV. */
static void gen_add_CC(bool sf, TCGv_i64 dest, TCGv_i64 t0, TCGv_i64 t1,
                       bool cin)
{
    TCGv_i64 res = tcg_temp_new_i64();
    TCGv_i64 tmp = tcg_temp_new_i64();

    if (sf) {
        TCGv_i64 zero = tcg_constant_i64(0);
        TCGv_i64 carry = tcg_temp_new_i64();
        if (cin) {
            tcg_gen_add2_i64(res, carry, t0, zero, cpu_CF, zero);
            tcg_gen_add2_i64(res, carry, res, carry, t1, zero);
        } else {
            tcg_gen_add2_i64(res, carry, t0, zero, t1, zero);
        }
        /* V: operands of one sign, result of the other. */
        tcg_gen_xor_i64(tmp, t0, t1);
        tcg_gen_xor_i64(cpu_VF, res, t0);
        tcg_gen_andc_i64(cpu_VF, cpu_VF, tmp);
        tcg_gen_mov_i64(cpu_CF, carry);
        tcg_gen_mov_i64(cpu_NF, res);
        tcg_gen_mov_i64(cpu_ZF, res);
        tcg_gen_mov_i64(dest, res);
    } else {
        TCGv_i64 a = tcg_temp_new_i64();
        TCGv_i64 b = tcg_temp_new_i64();
        tcg_gen_ext32u_i64(a, t0);
        tcg_gen_ext32u_i64(b, t1);
        tcg_gen_add_i64(res, a, b);
        if (cin) {
            tcg_gen_add_i64(res, res, cpu_CF);
        }
        tcg_gen_xor_i64(tmp, a, b);
        tcg_gen_xor_i64(cpu_VF, res, a);
        tcg_gen_andc_i64(cpu_VF, cpu_VF, tmp);
        tcg_gen_shli_i64(cpu_VF, cpu_VF, 32);
        tcg_gen_shri_i64(cpu_CF, res, 32);
        tcg_gen_ext32s_i64(cpu_NF, res);
        tcg_gen_ext32u_i64(cpu_ZF, res);
        tcg_gen_ext32u_i64(dest, res);
    }
}

/* dest = t0 - t1, setting NZCV (C = no borrow). */
static void gen_sub_CC(bool sf, TCGv_i64 dest, TCGv_i64 t0, TCGv_i64 t1)
{
    TCGv_i64 res = tcg_temp_new_i64();
    TCGv_i64 tmp = tcg_temp_new_i64();

    if (sf) {
        tcg_gen_sub_i64(res, t0, t1);
        tcg_gen_setcond_i64(TCG_COND_GEU, cpu_CF, t0, t1);
        tcg_gen_xor_i64(tmp, t0, t1);
        tcg_gen_xor_i64(cpu_VF, res, t0);
        tcg_gen_and_i64(cpu_VF, cpu_VF, tmp);
        tcg_gen_mov_i64(cpu_NF, res);
        tcg_gen_mov_i64(cpu_ZF, res);
        tcg_gen_mov_i64(dest, res);
    } else {
        TCGv_i64 a = tcg_temp_new_i64();
        TCGv_i64 b = tcg_temp_new_i64();
        tcg_gen_ext32u_i64(a, t0);
        tcg_gen_ext32u_i64(b, t1);
        tcg_gen_sub_i64(res, a, b);
        tcg_gen_setcond_i64(TCG_COND_GEU, cpu_CF, a, b);
        tcg_gen_xor_i64(tmp, a, b);
        tcg_gen_xor_i64(cpu_VF, res, a);
        tcg_gen_and_i64(cpu_VF, cpu_VF, tmp);
        tcg_gen_shli_i64(cpu_VF, cpu_VF, 32);
        tcg_gen_ext32s_i64(cpu_NF, res);
        tcg_gen_ext32u_i64(cpu_ZF, res);
        tcg_gen_ext32u_i64(dest, res);
    }
}

void gen_subs_i64(TCGv_i64 dest, TCGv_i64 t0, TCGv_i64 t1)
{
    gen_sub_CC(true, dest, t0, t1);
}

/* ---- data processing: immediate ------------------------------------------ */

static bool trans_ADR(DisasContext *s, arg_ri *a)
{
    write_x(s, a->rd, tcg_constant_i64(s->pc_curr + a->imm), true);
    return true;
}

static bool trans_ADRP(DisasContext *s, arg_ri *a)
{
    uint64_t base = s->pc_curr & ~(uint64_t)0xfff;
    write_x(s, a->rd, tcg_constant_i64(base + ((uint64_t)(int64_t)a->imm << 12)), true);
    return true;
}

static bool do_addsub_i(DisasContext *s, arg_rri_sh *a, bool sub, bool setflags)
{
    uint64_t imm = (uint64_t)a->imm << (a->sh ? 12 : 0);
    TCGv_i64 rn = read_xsp(s, a->rn);
    TCGv_i64 res = tcg_temp_new_i64();

    if (setflags) {
        if (sub) {
            gen_sub_CC(a->sf, res, rn, tcg_constant_i64(imm));
        } else {
            gen_add_CC(a->sf, res, rn, tcg_constant_i64(imm), false);
        }
        write_x(s, a->rd, res, a->sf);
    } else {
        tcg_gen_addi_i64(res, rn, sub ? -imm : imm);
        write_xsp(s, a->rd, res, a->sf);
    }
    return true;
}

static bool trans_ADD_i(DisasContext *s, arg_rri_sh *a)
{
    return do_addsub_i(s, a, false, false);
}

static bool trans_ADDS_i(DisasContext *s, arg_rri_sh *a)
{
    return do_addsub_i(s, a, false, true);
}

static bool trans_SUB_i(DisasContext *s, arg_rri_sh *a)
{
    return do_addsub_i(s, a, true, false);
}

static bool trans_SUBS_i(DisasContext *s, arg_rri_sh *a)
{
    return do_addsub_i(s, a, true, true);
}

/*
 * DecodeBitMasks for the logical immediates: an element of 2..64 bits
 * holding a run of S+1 ones rotated right by R, replicated to 64 bits.
 * False for the reserved encodings.
 */
static bool decode_bitmask(uint64_t *result, unsigned n, unsigned imms,
                           unsigned immr)
{
    unsigned combined = (n << 6) | (~imms & 0x3f);
    unsigned len, e, levels, sv, rv;
    uint64_t mask;

    if (combined == 0) {
        return false;
    }
    len = 31 - __builtin_clz(combined);
    if (len < 1) {
        return false;
    }
    e = 1u << len;
    levels = e - 1;
    sv = imms & levels;
    rv = immr & levels;
    if (sv == levels) {
        return false;           /* all ones is not encodable */
    }
    mask = (sv + 1 == 64) ? ~0ull : (1ull << (sv + 1)) - 1;
    if (rv) {
        uint64_t emask = e == 64 ? ~0ull : (1ull << e) - 1;
        mask = ((mask >> rv) | (mask << (e - rv))) & emask;
    }
    while (e < 64) {
        mask |= mask << e;
        e *= 2;
    }
    *result = mask;
    return true;
}

static bool do_logic_i(DisasContext *s, arg_rri_sf *a, int op)
{
    unsigned n = (a->imm >> 12) & 1;
    unsigned immr = (a->imm >> 6) & 0x3f;
    unsigned imms = a->imm & 0x3f;
    uint64_t mask;
    TCGv_i64 rn = read_x(s, a->rn);
    TCGv_i64 res = tcg_temp_new_i64();

    if (!a->sf && n) {
        return false;
    }
    if (!decode_bitmask(&mask, n, imms, immr)) {
        return false;
    }
    if (!a->sf) {
        mask &= 0xffffffffull;
    }
    switch (op) {
    case 0: /* AND */
    case 3: /* ANDS */
        tcg_gen_andi_i64(res, rn, mask);
        break;
    case 1:
        tcg_gen_ori_i64(res, rn, mask);
        break;
    default:
        tcg_gen_xori_i64(res, rn, mask);
        break;
    }
    if (op == 3) {
        gen_logic_CC(a->sf, res);
        write_x(s, a->rd, res, a->sf);
    } else {
        write_xsp(s, a->rd, res, a->sf);
    }
    return true;
}

static bool trans_AND_i(DisasContext *s, arg_rri_sf *a) { return do_logic_i(s, a, 0); }
static bool trans_ORR_i(DisasContext *s, arg_rri_sf *a) { return do_logic_i(s, a, 1); }
static bool trans_EOR_i(DisasContext *s, arg_rri_sf *a) { return do_logic_i(s, a, 2); }
static bool trans_ANDS_i(DisasContext *s, arg_rri_sf *a) { return do_logic_i(s, a, 3); }

static bool trans_MOVN(DisasContext *s, arg_movw *a)
{
    uint64_t v;
    if (!a->sf && a->hw >= 2) {
        return false;
    }
    v = ~((uint64_t)a->imm << (a->hw * 16));
    write_x(s, a->rd, tcg_constant_i64(v), a->sf);
    return true;
}

static bool trans_MOVZ(DisasContext *s, arg_movw *a)
{
    if (!a->sf && a->hw >= 2) {
        return false;
    }
    write_x(s, a->rd, tcg_constant_i64((uint64_t)a->imm << (a->hw * 16)), a->sf);
    return true;
}

static bool trans_MOVK(DisasContext *s, arg_movw *a)
{
    TCGv_i64 res;
    if (!a->sf && a->hw >= 2) {
        return false;
    }
    res = tcg_temp_new_i64();
    tcg_gen_deposit_i64(res, read_x(s, a->rd), tcg_constant_i64(a->imm),
                        a->hw * 16, 16);
    write_x(s, a->rd, res, a->sf);
    return true;
}

static bool bfm_valid(arg_bfm *a, unsigned n)
{
    if (a->sf != (int)n) {
        return false;
    }
    if (!a->sf && (a->immr >= 32 || a->imms >= 32)) {
        return false;
    }
    return true;
}

/* The N bit is bit 22 of the insn; the format leaves it to us. */
static unsigned insn_n(DisasContext *s)
{
    return (s->insn >> 22) & 1;
}

static bool trans_SBFM(DisasContext *s, arg_bfm *a)
{
    unsigned bits = a->sf ? 64 : 32;
    TCGv_i64 src = read_x(s, a->rn);
    TCGv_i64 res = tcg_temp_new_i64();

    if (!bfm_valid(a, insn_n(s))) {
        return false;
    }
    if (a->imms >= a->immr) {
        /* SBFX: a field at immr of imms-immr+1 bits, sign-extended */
        tcg_gen_sextract_i64(res, src, a->immr, a->imms - a->immr + 1);
    } else {
        /* SBFIZ: the low imms+1 bits, sign-extended, moved up */
        tcg_gen_sextract_i64(res, src, 0, a->imms + 1);
        tcg_gen_shli_i64(res, res, bits - a->immr);
    }
    write_x(s, a->rd, res, a->sf);
    return true;
}

static bool trans_UBFM(DisasContext *s, arg_bfm *a)
{
    unsigned bits = a->sf ? 64 : 32;
    TCGv_i64 src = read_x(s, a->rn);
    TCGv_i64 res = tcg_temp_new_i64();

    if (!bfm_valid(a, insn_n(s))) {
        return false;
    }
    if (a->imms >= a->immr) {
        tcg_gen_extract_i64(res, src, a->immr, a->imms - a->immr + 1);
    } else {
        tcg_gen_deposit_z_i64(res, src, bits - a->immr, a->imms + 1);
    }
    write_x(s, a->rd, res, a->sf);
    return true;
}

static bool trans_BFM(DisasContext *s, arg_bfm *a)
{
    unsigned bits = a->sf ? 64 : 32;
    TCGv_i64 src = read_x(s, a->rn);
    TCGv_i64 res = tcg_temp_new_i64();
    TCGv_i64 field = tcg_temp_new_i64();

    if (!bfm_valid(a, insn_n(s))) {
        return false;
    }
    if (a->imms >= a->immr) {
        /* BFXIL */
        unsigned len = a->imms - a->immr + 1;
        tcg_gen_extract_i64(field, src, a->immr, len);
        tcg_gen_deposit_i64(res, read_x(s, a->rd), field, 0, len);
    } else {
        /* BFI */
        tcg_gen_deposit_i64(res, read_x(s, a->rd), src, bits - a->immr,
                            a->imms + 1);
    }
    write_x(s, a->rd, res, a->sf);
    return true;
}

static bool trans_EXTR(DisasContext *s, arg_EXTR *a)
{
    TCGv_i64 res = tcg_temp_new_i64();
    TCGv_i64 rn = read_x(s, a->rn);
    TCGv_i64 rm = read_x(s, a->rm);

    if (a->sf != a->n || (!a->sf && a->imms >= 32)) {
        return false;
    }
    if (a->sf) {
        if (a->imms == 0) {
            tcg_gen_mov_i64(res, rm);
        } else {
            tcg_gen_extract2_i64(res, rm, rn, a->imms);
        }
    } else {
        TCGv_i64 lo = tcg_temp_new_i64();
        tcg_gen_ext32u_i64(lo, rm);
        tcg_gen_deposit_i64(res, lo, rn, 32, 32);
        tcg_gen_shri_i64(res, res, a->imms);
    }
    write_x(s, a->rd, res, a->sf);
    return true;
}

/* ---- branches ------------------------------------------------------------- */

static bool trans_B(DisasContext *s, arg_i *a)
{
    gen_goto_tb(s, 0, s->pc_curr + (int64_t)a->imm * 4);
    return true;
}

static bool trans_BL(DisasContext *s, arg_i *a)
{
    tcg_gen_movi_i64(cpu_X[30], s->pc_curr + 4);
    gen_goto_tb(s, 0, s->pc_curr + (int64_t)a->imm * 4);
    return true;
}

/* Branch to @dest if "value cond 0", else fall through. */
static void gen_branch_cond(DisasContext *s, TCGCond cond, TCGv_i64 value,
                            uint64_t dest)
{
    TCGLabel *taken = gen_new_label();
    tcg_gen_brcondi_i64(cond, value, 0, taken);
    gen_goto_tb(s, 1, s->base.pc_next);
    gen_set_label(taken);
    gen_goto_tb(s, 0, dest);
}

static bool do_cbz(DisasContext *s, arg_cbz *a, TCGCond cond)
{
    TCGv_i64 v = read_x(s, a->rt);
    if (!a->sf) {
        TCGv_i64 t = tcg_temp_new_i64();
        tcg_gen_ext32u_i64(t, v);
        v = t;
    }
    gen_branch_cond(s, cond, v, s->pc_curr + (int64_t)a->imm * 4);
    return true;
}

static bool trans_CBZ(DisasContext *s, arg_cbz *a) { return do_cbz(s, a, TCG_COND_EQ); }
static bool trans_CBNZ(DisasContext *s, arg_cbz *a) { return do_cbz(s, a, TCG_COND_NE); }

static bool do_tbz(DisasContext *s, arg_tbz *a, TCGCond cond)
{
    TCGv_i64 t = tcg_temp_new_i64();
    tcg_gen_andi_i64(t, read_x(s, a->rt), 1ull << a->bitpos);
    gen_branch_cond(s, cond, t, s->pc_curr + (int64_t)a->imm * 4);
    return true;
}

static bool trans_TBZ(DisasContext *s, arg_tbz *a) { return do_tbz(s, a, TCG_COND_EQ); }
static bool trans_TBNZ(DisasContext *s, arg_tbz *a) { return do_tbz(s, a, TCG_COND_NE); }

static bool trans_B_cond(DisasContext *s, arg_bcond *a)
{
    uint64_t dest = s->pc_curr + (int64_t)a->imm * 4;
    DisasCompare c;

    if (a->cond >= 14) {
        gen_goto_tb(s, 0, dest);
        return true;
    }
    arm_test_cc(&c, a->cond);
    gen_branch_cond(s, c.cond, c.value, dest);
    return true;
}

static bool trans_BR(DisasContext *s, arg_r *a)
{
    tcg_gen_mov_i64(cpu_pc, read_x(s, a->rn));
    s->base.is_jmp = DISAS_JUMP;
    return true;
}

static bool trans_BLR(DisasContext *s, arg_r *a)
{
    tcg_gen_mov_i64(cpu_pc, read_x(s, a->rn));
    tcg_gen_movi_i64(cpu_X[30], s->pc_curr + 4);
    s->base.is_jmp = DISAS_JUMP;
    return true;
}

static bool trans_RET(DisasContext *s, arg_r *a)
{
    return trans_BR(s, a);
}

static bool trans_ERET(DisasContext *s, arg_ERET *a)
{
    if (s->el == 0) {
        return false;
    }
    gen_update_pc(s, s->pc_curr);
    gen_helper_eret(tcg_env);
    s->base.is_jmp = DISAS_EXIT;
    return true;
}

/* ---- pointer authentication (FEAT_PAuth, helpers in pauth_helper.c) ---- */

static bool have_pauth(DisasContext *s)
{
    return env_archcpu(s->env)->pauth;
}

typedef void PAuthGen(TCGv_i64, TCGv_ptr, TCGv_i64, TCGv_i64);

/* [aut][d][b] */
static PAuthGen *const pauth_gen[2][2][2] = {
    { { gen_helper_pacia, gen_helper_pacib },
      { gen_helper_pacda, gen_helper_pacdb } },
    { { gen_helper_autia, gen_helper_autib },
      { gen_helper_autda, gen_helper_autdb } },
};

/* A new temp: @ptr signed (aut = 0) or authenticated with @mod. */
static TCGv_i64 gen_pauth(bool aut, bool data, bool keyb, TCGv_i64 ptr,
                          TCGv_i64 mod)
{
    TCGv_i64 res = tcg_temp_new_i64();
    pauth_gen[aut][data][keyb](res, tcg_env, ptr, mod);
    return res;
}

/* PACIA ... AUTDZB: Xd = sign/auth(Xd, Xn|SP or zero). */
static bool trans_PACAUT(DisasContext *s, arg_PACAUT *a)
{
    TCGv_i64 mod;

    if (!have_pauth(s) || (a->z && a->rn != 31)) {
        return false;
    }
    mod = a->z ? tcg_constant_i64(0) : read_xsp(s, a->rn);
    write_x(s, a->rd, gen_pauth(a->aut, a->d, a->b, read_x(s, a->rd), mod),
            true);
    return true;
}

static bool trans_XPAC(DisasContext *s, arg_XPAC *a)
{
    TCGv_i64 res;

    if (!have_pauth(s)) {
        return false;
    }
    res = tcg_temp_new_i64();
    if (a->d) {
        gen_helper_xpacd(res, tcg_env, read_x(s, a->rd));
    } else {
        gen_helper_xpaci(res, tcg_env, read_x(s, a->rd));
    }
    write_x(s, a->rd, res, true);
    return true;
}

static bool trans_PACGA(DisasContext *s, arg_PACGA *a)
{
    TCGv_i64 res;

    if (!have_pauth(s)) {
        return false;
    }
    res = tcg_temp_new_i64();
    gen_helper_pacga(res, tcg_env, read_x(s, a->rn), read_xsp(s, a->rm));
    write_x(s, a->rd, res, true);
    return true;
}

/* The hint-space forms are NOPs on a CPU without FEAT_PAuth. */
static bool trans_XPACLRI(DisasContext *s, arg_XPACLRI *a)
{
    if (have_pauth(s)) {
        gen_helper_xpaci(cpu_X[30], tcg_env, cpu_X[30]);
    }
    return true;
}

static bool trans_PAC1716(DisasContext *s, arg_PAC1716 *a)
{
    if (have_pauth(s)) {
        tcg_gen_mov_i64(cpu_X[17], gen_pauth(a->aut, false, a->b, cpu_X[17],
                                             cpu_X[16]));
    }
    return true;
}

static bool trans_PACHINT(DisasContext *s, arg_PACHINT *a)
{
    if (have_pauth(s)) {
        TCGv_i64 mod = a->sp ? cpu_X[31] : tcg_constant_i64(0);
        tcg_gen_mov_i64(cpu_X[30], gen_pauth(a->aut, false, a->b, cpu_X[30],
                                             mod));
    }
    return true;
}

/* The authenticated branch target; with @link, X30 = the return address. */
static void gen_branch_auth(DisasContext *s, bool keyb, TCGv_i64 target,
                            TCGv_i64 mod, bool link)
{
    TCGv_i64 dst = gen_pauth(true, false, keyb, target, mod);

    if (link) {
        tcg_gen_movi_i64(cpu_X[30], s->pc_curr + 4);
    }
    tcg_gen_mov_i64(cpu_pc, dst);
    s->base.is_jmp = DISAS_JUMP;
}

static bool trans_BRAZ(DisasContext *s, arg_BRAZ *a)
{
    if (!have_pauth(s)) {
        return false;
    }
    gen_branch_auth(s, a->m, read_x(s, a->rn), tcg_constant_i64(0), false);
    return true;
}

static bool trans_BLRAZ(DisasContext *s, arg_BLRAZ *a)
{
    if (!have_pauth(s)) {
        return false;
    }
    gen_branch_auth(s, a->m, read_x(s, a->rn), tcg_constant_i64(0), true);
    return true;
}

static bool trans_BRA(DisasContext *s, arg_BRA *a)
{
    if (!have_pauth(s)) {
        return false;
    }
    gen_branch_auth(s, a->m, read_x(s, a->rn), read_xsp(s, a->rm), false);
    return true;
}

static bool trans_BLRA(DisasContext *s, arg_BLRA *a)
{
    if (!have_pauth(s)) {
        return false;
    }
    gen_branch_auth(s, a->m, read_x(s, a->rn), read_xsp(s, a->rm), true);
    return true;
}

static bool trans_RETA(DisasContext *s, arg_RETA *a)
{
    if (!have_pauth(s)) {
        return false;
    }
    gen_branch_auth(s, a->m, cpu_X[30], cpu_X[31], false);
    return true;
}

static bool trans_ERETA(DisasContext *s, arg_ERETA *a)
{
    TCGv_i64 elr;

    if (!have_pauth(s) || s->el == 0) {
        return false;
    }
    elr = tcg_temp_new_i64();
    tcg_gen_ld_i64(elr, tcg_env, offsetof(CPUARMState, elr_el1));
    gen_update_pc(s, s->pc_curr);
    gen_helper_eret_pauth(tcg_env, gen_pauth(true, false, a->m, elr,
                                             cpu_X[31]));
    s->base.is_jmp = DISAS_EXIT;
    return true;
}

/* ---- exception generation and hints ------------------------------------ */

static bool trans_SVC(DisasContext *s, arg_i *a)
{
    gen_exception_insn(s, s->base.pc_next, EXCP_SWI, syn_aa64_svc(a->imm));
    return true;
}

static bool trans_HVC(DisasContext *s, arg_i *a)
{
    if (s->el == 0) {
        return false;
    }
    /*
     * No EL2: the virt machine's PSCI conduit is HVC, so the call is
     * served here like firmware would (see arm_psci_call).
     */
    gen_update_pc(s, s->base.pc_next);
    gen_helper_hvc(tcg_env);
    s->base.is_jmp = DISAS_EXIT;
    return true;
}

static bool trans_SMC(DisasContext *s, arg_i *a)
{
    return false;       /* no EL3 */
}

static bool trans_BRK(DisasContext *s, arg_i *a)
{
    gen_exception_insn(s, s->pc_curr, EXCP_BKPT, syn_aa64_bkpt(a->imm));
    return true;
}

static bool trans_HLT(DisasContext *s, arg_i *a)
{
    if (a->imm == 0xf000 && semihosting_enabled) {
        gen_update_pc(s, s->pc_curr);
        gen_helper_semihosting(tcg_env);
        s->base.is_jmp = DISAS_UPDATE_EXIT;
        return true;
    }
    return false;       /* halting debug is off: UNDEFINED */
}

static bool trans_NOP(DisasContext *s, arg_NOP *a) { return true; }
static bool trans_HINT(DisasContext *s, arg_HINT *a) { return true; }
static bool trans_SEV(DisasContext *s, arg_SEV *a) { return true; }
static bool trans_SEVL(DisasContext *s, arg_SEVL *a) { return true; }

/* Give the other vCPUs a turn: spin-wait loops use YIELD and WFE. */
static void gen_yield(DisasContext *s)
{
    gen_update_pc(s, s->base.pc_next);
    gen_helper_yield(tcg_env);
    s->base.is_jmp = DISAS_NORETURN;
}

static bool trans_YIELD(DisasContext *s, arg_YIELD *a)
{
    gen_yield(s);
    return true;
}

static bool trans_WFE(DisasContext *s, arg_WFE *a)
{
    /* No event register modelled: a WFE is a yield. */
    gen_yield(s);
    return true;
}

static bool trans_WFI(DisasContext *s, arg_WFI *a)
{
    if (s->el == 0 && !(s->env->sctlr_el1 & SCTLR_nTWI)) {
        gen_exception_insn(s, s->pc_curr, EXCP_UDEF, syn_wfx(1, 0xe, 0));
        return true;
    }
    gen_update_pc(s, s->base.pc_next);
    gen_helper_wfi(tcg_env);
    s->base.is_jmp = DISAS_NORETURN;
    return true;
}

static bool trans_CLREX(DisasContext *s, arg_CLREX *a)
{
    tcg_gen_movi_i64(cpu_exclusive_addr, -1);
    return true;
}

static bool trans_DSB(DisasContext *s, arg_DSB *a)
{
    tcg_gen_mb(TCG_MO_ALL | TCG_BAR_SC);
    return true;
}

static bool trans_DMB(DisasContext *s, arg_DMB *a)
{
    tcg_gen_mb(TCG_MO_ALL | TCG_BAR_SC);
    return true;
}

static bool trans_ISB(DisasContext *s, arg_ISB *a)
{
    /* End the TB so that context changes and new code are seen. */
    s->base.is_jmp = DISAS_UPDATE_EXIT;
    return true;
}

static bool trans_SB(DisasContext *s, arg_SB *a)
{
    /* FEAT_SB: nothing here speculates, so the barrier is a no-op. */
    return a64_id(s, id_aa64isar1, 36) >= 1;
}

/* ---- system registers and PSTATE ----------------------------------------- */

/*
 * CFINV (FEAT_FlagM), XAFLAG and AXFLAG (FEAT_FlagM2): NZCV as N (bit 63
 * of NF), Z (ZF == 0), C (CF 0/1), V (bit 63 of VF).
 */
static bool gen_flagm_op(DisasContext *s, int op)
{
    TCGv_i64 z, t;

    if (a64_id(s, id_aa64isar0, 52) < (op == 0 ? 1 : 2)) {
        return false;
    }
    if (op == 0) {
        tcg_gen_xori_i64(cpu_CF, cpu_CF, 1);
        return true;
    }
    z = tcg_temp_new_i64();
    t = tcg_temp_new_i64();
    tcg_gen_setcondi_i64(TCG_COND_EQ, z, cpu_ZF, 0);
    if (op == 1) {
        /* XAFLAG: N = !C & !Z, Z = Z & C, C = C | Z, V = !C & Z */
        tcg_gen_or_i64(t, cpu_CF, z);
        tcg_gen_subi_i64(cpu_NF, t, 1);         /* bit 63 set iff !(C|Z) */
        tcg_gen_andc_i64(cpu_VF, z, cpu_CF);
        tcg_gen_neg_i64(cpu_VF, cpu_VF);
        tcg_gen_and_i64(cpu_ZF, z, cpu_CF);
        tcg_gen_xori_i64(cpu_ZF, cpu_ZF, 1);
        tcg_gen_mov_i64(cpu_CF, t);
    } else {
        /* AXFLAG: Z = Z | V, C = C & !V, N = V = 0 */
        tcg_gen_shri_i64(t, cpu_VF, 63);
        tcg_gen_or_i64(cpu_ZF, z, t);
        tcg_gen_xori_i64(cpu_ZF, cpu_ZF, 1);
        tcg_gen_andc_i64(cpu_CF, cpu_CF, t);
        tcg_gen_movi_i64(cpu_NF, 0);
        tcg_gen_movi_i64(cpu_VF, 0);
    }
    return true;
}

static bool trans_RMIF(DisasContext *s, arg_RMIF *a)
{
    TCGv_i64 t;

    if (a64_id(s, id_aa64isar0, 52) < 1) {
        return false;
    }
    t = tcg_temp_new_i64();
    tcg_gen_rotri_i64(t, read_x(s, a->rn), a->imm);
    if (a->mask & 8) {
        tcg_gen_shli_i64(cpu_NF, t, 60);
    }
    if (a->mask & 4) {
        tcg_gen_andi_i64(cpu_ZF, t, 4);
        tcg_gen_xori_i64(cpu_ZF, cpu_ZF, 4);
    }
    if (a->mask & 2) {
        tcg_gen_extract_i64(cpu_CF, t, 1, 1);
    }
    if (a->mask & 1) {
        tcg_gen_shli_i64(cpu_VF, t, 63);
    }
    return true;
}

/* SETF8/SETF16: N = Wn<msb>, Z = (Wn<msb:0> == 0), V = Wn<msb+1> ^ Wn<msb> */
static bool trans_SETF(DisasContext *s, arg_SETF *a)
{
    int bits = a->sz ? 16 : 8;
    TCGv_i64 n = read_x(s, a->rn);

    if (a64_id(s, id_aa64isar0, 52) < 1) {
        return false;
    }
    tcg_gen_shli_i64(cpu_VF, n, 1);
    tcg_gen_xor_i64(cpu_VF, cpu_VF, n);
    tcg_gen_shli_i64(cpu_VF, cpu_VF, 63 - bits);
    tcg_gen_shli_i64(cpu_NF, n, 64 - bits);
    tcg_gen_andi_i64(cpu_ZF, n, (1u << bits) - 1);
    return true;
}

static bool trans_MSR_i(DisasContext *s, arg_MSR_i *a)
{
    int field = (a->op1 << 3) | a->op2;

    switch (field) {
    case 0x00: /* CFINV */
    case 0x01: /* XAFLAG */
    case 0x02: /* AXFLAG */
        return a->imm == 0 && gen_flagm_op(s, field);
    case 0x19: /* SSBS (FEAT_SSBS) */
        if (a64_id(s, id_aa64pfr1, 4) < 1) {
            return false;
        }
        break;
    case 0x1a: /* DIT (FEAT_DIT) */
        if (a64_id(s, id_aa64pfr0, 48) < 1) {
            return false;
        }
        break;
    case 0x05: /* SPSel */
        if (s->el == 0) {
            return false;
        }
        break;
    case 0x1c: /* TCO (FEAT_MTE), from EL0 too */
        if (!s->mte) {
            return false;
        }
        break;
    case 0x1e: /* DAIFSet */
    case 0x1f: /* DAIFClr */
        if (s->el == 0 && !s->uma) {
            gen_exception_insn(s, s->pc_curr, EXCP_UDEF,
                               syn_aa64_sysregtrap(0, a->op1, a->op2, 4, a->imm,
                                                   31, 0));
            return true;
        }
        break;
    default:
        return false;
    }
    gen_update_pc(s, s->pc_curr);
    gen_helper_msr_pstate(tcg_env, tcg_constant_i32(field),
                          tcg_constant_i32(a->imm));
    /* Unmasked interrupts and a new SP must be seen at once. */
    s->base.is_jmp = DISAS_UPDATE_EXIT;
    return true;
}

static bool trans_MSR_MRS(DisasContext *s, arg_sys *a)
{
    uint32_t key = ARM_SYSREG_KEY(a->op0, a->op1, a->crn, a->crm, a->op2);
    const ARMSysReg *ri = arm_sysreg_find(key);
    uint8_t need;

    if (!ri) {
        log_mask(LOG_UNIMP, "aarch64: %s of unknown system register "
                 "S%d_%d_C%d_C%d_%d at 0x%" PRIx64 "\n",
                 a->l ? "read" : "write", a->op0, a->op1, a->crn, a->crm,
                 a->op2, s->pc_curr);
        return false;
    }
    if (a->l) {
        need = s->el == 0 ? ARM_SR_EL0_R : ARM_SR_EL1_R;
    } else {
        need = s->el == 0 ? ARM_SR_EL0_W : ARM_SR_EL1_W;
    }
    if (!(ri->access & need)) {
        /*
         * The Arm ARM makes an EL1-only register UNDEFINED at EL0 (EC 0);
         * only registers with an enable bit (DAIF, the counters) trap
         * with EC 0x18, which helper_mrs/msr decide at run time.
         */
        return false;
    }
    if ((ri->flags & ARM_SR_FP) && !fp_access_check(s)) {
        return true;
    }
    gen_update_pc(s, s->pc_curr);
    /* Rt rides above the key for the syndrome of a run-time trap. */
    if (a->l) {
        TCGv_i64 v = tcg_temp_new_i64();
        gen_helper_mrs(v, tcg_env, tcg_constant_i32(key | (a->rt << 16)));
        write_x(s, a->rt, v, true);
    } else {
        gen_helper_msr(tcg_env, tcg_constant_i32(key | (a->rt << 16)),
                       read_x(s, a->rt));
        if (ri->flags & ARM_SR_END_TB) {
            s->base.is_jmp = DISAS_UPDATE_EXIT;
        }
    }
    return true;
}

static bool trans_SYS(DisasContext *s, arg_sys *a)
{
    if (a->l) {
        return false;   /* SYSL: nothing implemented */
    }
    /* DC ZVA: op1=3 CRn=7 CRm=4 op2=1 */
    if (a->op1 == 3 && a->crn == 7 && a->crm == 4 && a->op2 == 1) {
        gen_update_pc(s, s->pc_curr);
        if (s->mte_active) {
            /* A Tag Checked store of the whole block (MTE). */
            gen_helper_mte_check(tcg_env,
                tcg_constant_i32(MTE_DESC(4 << (env_archcpu(s->env)->dczid & 0xf),
                                          true, s->mmu_idx) | MTE_DESC_BLOCK),
                read_x(s, a->rt));
        }
        gen_helper_dc_zva(tcg_env, read_x(s, a->rt));
        return true;
    }
    /* DC GVA (op2=3), DC GZVA (op2=4): FEAT_MTE tags of a DC ZVA block */
    if (a->op1 == 3 && a->crn == 7 && a->crm == 4 && (a->op2 == 3 || a->op2 == 4)) {
        if (!s->mte) {
            return false;
        }
        gen_helper_dc_gva(tcg_env, read_x(s, a->rt), read_x(s, a->rt),
                          tcg_constant_i32(a->op2 == 4));
        return true;
    }
    /* AT S1E1R/W, S1E0R/W: op1=0 CRn=7 CRm=8 op2=0..3 */
    if (a->op1 == 0 && a->crn == 7 && a->crm == 8 && a->op2 <= 3) {
        if (s->el == 0) {
            return false;
        }
        gen_helper_sys_at(tcg_env, tcg_constant_i32(a->op2), read_x(s, a->rt));
        return true;
    }
    /*
     * CFP/DVP/CPP RCTX (op1=3 CRn=7 CRm=3 op2=4/5/7, FEAT_SPECRES):
     * nothing to restrict; EL0 may trap (SCTLR_EL1.EnRCTX). COSP (op2=6)
     * is FEAT_SPECRES2, not here.
     */
    if (a->op1 == 3 && a->crn == 7 && a->crm == 3) {
        if (a64_id(s, id_aa64isar1, 40) < 1 ||
            (a->op2 != 4 && a->op2 != 5 && a->op2 != 7)) {
            return false;
        }
        if (s->el == 0) {
            gen_update_pc(s, s->pc_curr);
            gen_helper_rctx_check(tcg_env, tcg_constant_i32(
                syn_aa64_sysregtrap(1, 3, a->op2, 7, 3, a->rt, 0)));
        }
        return true;
    }
    /*
     * Cache maintenance (CRn=7) and TLB invalidation (CRn=8): with no
     * caches and the MMU off there is nothing to do. EL0 may only clean
     * or invalidate by VA to the point of unification/coherency (op1=3).
     */
    if (a->crn == 7 || a->crn == 8) {
        if (s->el == 0 && a->op1 != 3) {
            return false;
        }
        if (a->crn == 8) {
            /* TLBI VAE1, VAAE1, VALE1, VAALE1 and their IS forms by page */
            if (a->op1 == 0 && (a->crm == 3 || a->crm == 7) && (a->op2 & 1)) {
                gen_helper_tlbi_va(tcg_env,
                                   tcg_constant_i32(a->crm << 3 | a->op2),
                                   read_x(s, a->rt));
            } else if (a->op1 == 0 && (a->crm == 3 || a->crm == 7) &&
                       a->op2 == 2) {
                /* TLBI ASIDE1(IS) */
                gen_helper_tlbi_asid(tcg_env,
                                     tcg_constant_i32(a->crm << 3 | a->op2),
                                     read_x(s, a->rt));
            } else {
                gen_helper_tlbi_all(tcg_env);
            }
            /* New translations may differ: end the TB. */
            s->base.is_jmp = DISAS_UPDATE_EXIT;
        }
        return true;
    }
    return false;
}

/* ---- loads and stores ------------------------------------------------ */

MemOp ldst_memop(DisasContext *s, int size, bool sign)
{
    MemOp mop = (MemOp)size | MO_LE;
    if (sign) {
        mop |= MO_SIGN;
    }
    if (s->align) {
        mop |= MO_ALIGN;
    }
    return mop;
}

/* Base address Xn|SP + offset. */
TCGv_i64 gen_addr(DisasContext *s, int rn, int64_t offset)
{
    TCGv_i64 addr = tcg_temp_new_i64();
    tcg_gen_addi_i64(addr, read_xsp(s, rn), offset);
    return addr;
}

void gen_mte_check(DisasContext *s, TCGv_i64 addr, bool is_write,
                   bool checked, unsigned size, int mmu_idx)
{
    bool unpriv = mmu_idx == ARMMMUIdx_E10_0 && s->el != 0;

    if (!checked || !(unpriv ? s->mte_active0 : s->mte_active)) {
        return;
    }
    gen_helper_mte_check(tcg_env,
                         tcg_constant_i32(MTE_DESC(size, is_write, mmu_idx)),
                         addr);
}

/*
 * One single-register load or store: @addr, size log2 bytes, @is_signed
 * (load sign-extends), @ext32 (the destination is W: sign-extend to 32
 * bits only).
 */
static void do_gpr_ld(DisasContext *s, int rt, TCGv_i64 addr, int size,
                      bool is_signed, bool ext32, int mmu_idx, bool checked)
{
    TCGv_i64 v = tcg_temp_new_i64();
    gen_mte_check(s, addr, false, checked, 1 << size, mmu_idx);
    tcg_gen_qemu_ld_i64(v, addr, mmu_idx, ldst_memop(s, size, is_signed));
    write_x(s, rt, v, !ext32);
}

static void do_gpr_st(DisasContext *s, int rt, TCGv_i64 addr, int size,
                      int mmu_idx, bool checked)
{
    gen_mte_check(s, addr, true, checked, 1 << size, mmu_idx);
    tcg_gen_qemu_st_i64(read_x(s, rt), addr, mmu_idx, ldst_memop(s, size, false));
}

/*
 * The opc/size combination of the single-register forms: @opc 0 store,
 * 1 load, 2 load signed to X, 3 load signed to W. False if reserved.
 */
static bool ldst_check(int size, int opc)
{
    if (opc == 2 && size == 3) {
        return false;       /* the PRFM slot, handled by its own pattern */
    }
    if (opc == 3 && size >= 2) {
        return false;
    }
    return true;
}

static void do_ldst_one(DisasContext *s, int rt, TCGv_i64 addr, int size,
                        int opc, int mmu_idx, bool checked)
{
    switch (opc) {
    case 0:
        do_gpr_st(s, rt, addr, size, mmu_idx, checked);
        break;
    case 1:
        do_gpr_ld(s, rt, addr, size, false, false, mmu_idx, checked);
        break;
    case 2:
        do_gpr_ld(s, rt, addr, size, true, false, mmu_idx, checked);
        break;
    default:
        do_gpr_ld(s, rt, addr, size, true, true, mmu_idx, checked);
        break;
    }
}

static bool do_ldst_i(DisasContext *s, arg_ldst *a, int opc)
{
    if (!ldst_check(a->size, opc)) {
        return false;
    }
    do_ldst_one(s, a->rt, gen_addr(s, a->rn, (int64_t)((uint64_t)a->imm << a->size)),
                a->size, opc, s->mmu_idx, a->rn != 31);
    return true;
}

static bool trans_STR_i(DisasContext *s, arg_ldst *a) { return do_ldst_i(s, a, 0); }
static bool trans_LDR_i(DisasContext *s, arg_ldst *a) { return do_ldst_i(s, a, 1); }
static bool trans_LDRS_i(DisasContext *s, arg_ldst *a) { return do_ldst_i(s, a, 2 + a->ext); }

/* LDRAA/LDRAB: a 64-bit load from the authenticated Xn|SP + offset. */
static bool trans_LDRA(DisasContext *s, arg_LDRA *a)
{
    /* S:imm9 is a 10-bit signed count of doublewords. */
    int64_t off = ((int64_t)(a->s ? a->imm - 512 : a->imm)) * 8;
    TCGv_i64 addr;

    if (!have_pauth(s)) {
        return false;
    }
    addr = gen_pauth(true, true, a->m, read_xsp(s, a->rn),
                     tcg_constant_i64(0));
    tcg_gen_addi_i64(addr, addr, off);
    do_gpr_ld(s, a->rt, addr, 3, false, false, s->mmu_idx, a->w || a->rn != 31);
    if (a->w) {
        tcg_gen_mov_i64(cpu_X[a->rn], addr);
    }
    return true;
}

static bool trans_PRFM_i(DisasContext *s, arg_PRFM_i *a) { return true; }
static bool trans_PRFUM(DisasContext *s, arg_PRFUM *a) { return true; }
static bool trans_PRFM_r(DisasContext *s, arg_PRFM_r *a) { return true; }
static bool trans_PRFM_lit(DisasContext *s, arg_PRFM_lit *a) { return true; }

/* The 9-bit signed offset forms: unscaled, post, unprivileged, pre. */
static bool do_ldst_9(DisasContext *s, arg_ldst *a, int opc)
{
    bool post = a->idx == 1, pre = a->idx == 3;
    int mmu_idx = s->mmu_idx;
    TCGv_i64 addr;

    if (!ldst_check(a->size, opc)) {
        return false;
    }
    if (a->idx == 2 && s->el == 1) {
        mmu_idx = ARMMMUIdx_E10_0;      /* LDTR/STTR: as if from EL0 */
    }
    addr = gen_addr(s, a->rn, post ? 0 : a->imm);
    do_ldst_one(s, a->rt, addr, a->size, opc, mmu_idx,
                post || pre || a->rn != 31);
    if (post || pre) {
        if (post) {
            tcg_gen_addi_i64(addr, addr, a->imm);
        }
        tcg_gen_mov_i64(cpu_X[a->rn], addr);
    }
    return true;
}

static bool trans_STR_9(DisasContext *s, arg_ldst *a) { return do_ldst_9(s, a, 0); }
static bool trans_LDR_9(DisasContext *s, arg_ldst *a) { return do_ldst_9(s, a, 1); }
static bool trans_LDRS_9(DisasContext *s, arg_ldst *a) { return do_ldst_9(s, a, 2 + a->ext); }

/* Rm extended by @option and shifted left by @shift. */
static void gen_extend_reg(TCGv_i64 dest, TCGv_i64 src, int option, int shift)
{
    switch (option) {
    case 0: tcg_gen_ext8u_i64(dest, src); break;
    case 1: tcg_gen_ext16u_i64(dest, src); break;
    case 2: tcg_gen_ext32u_i64(dest, src); break;
    case 4: tcg_gen_ext8s_i64(dest, src); break;
    case 5: tcg_gen_ext16s_i64(dest, src); break;
    case 6: tcg_gen_ext32s_i64(dest, src); break;
    default: tcg_gen_mov_i64(dest, src); break;
    }
    if (shift) {
        tcg_gen_shli_i64(dest, dest, shift);
    }
}

static bool do_ldst_r(DisasContext *s, arg_ldst_r *a, int opc)
{
    TCGv_i64 addr, off;

    if (!(a->option & 2) || !ldst_check(a->size, opc)) {
        return false;
    }
    off = tcg_temp_new_i64();
    gen_extend_reg(off, read_x(s, a->rm), a->option, a->s ? a->size : 0);
    addr = tcg_temp_new_i64();
    tcg_gen_add_i64(addr, read_xsp(s, a->rn), off);
    do_ldst_one(s, a->rt, addr, a->size, opc, s->mmu_idx, true);
    return true;
}

static bool trans_STR_r(DisasContext *s, arg_ldst_r *a) { return do_ldst_r(s, a, 0); }
static bool trans_LDR_r(DisasContext *s, arg_ldst_r *a) { return do_ldst_r(s, a, 1); }
static bool trans_LDRS_r(DisasContext *s, arg_ldst_r *a) { return do_ldst_r(s, a, 2 + a->ext); }

static bool trans_LDR_lit(DisasContext *s, arg_LDR_lit *a)
{
    TCGv_i64 addr = tcg_constant_i64(s->pc_curr + (int64_t)a->imm * 4);
    do_gpr_ld(s, a->rt, addr, a->sf ? 3 : 2, false, false, s->mmu_idx, false);
    return true;
}

static bool trans_LDRSW_lit(DisasContext *s, arg_lit *a)
{
    TCGv_i64 addr = tcg_constant_i64(s->pc_curr + (int64_t)a->imm * 4);
    do_gpr_ld(s, a->rt, addr, 2, true, false, s->mmu_idx, false);
    return true;
}

/* Pairs: idx 0 non-temporal offset, 1 post, 2 offset, 3 pre. */
static bool do_ldstp(DisasContext *s, arg_ldp *a, bool is_load, bool sign)
{
    int size = sign ? 2 : (a->sf ? 3 : 2);
    int64_t off = (int64_t)((uint64_t)(int64_t)a->imm << size);
    bool post = a->idx == 1, wback = a->idx == 1 || a->idx == 3;
    TCGv_i64 addr = gen_addr(s, a->rn, post ? 0 : off);
    TCGv_i64 addr2 = tcg_temp_new_i64();

    if (a->idx == 0 && sign) {
        return false;       /* no LDNPSW */
    }
    tcg_gen_addi_i64(addr2, addr, 1 << size);
    gen_mte_check(s, addr, !is_load, wback || a->rn != 31, 2 << size,
                  s->mmu_idx);
    if (is_load) {
        TCGv_i64 v1 = tcg_temp_new_i64();
        TCGv_i64 v2 = tcg_temp_new_i64();
        tcg_gen_qemu_ld_i64(v1, addr, s->mmu_idx, ldst_memop(s, size, sign));
        tcg_gen_qemu_ld_i64(v2, addr2, s->mmu_idx, ldst_memop(s, size, sign));
        if (wback) {
            if (post) {
                tcg_gen_addi_i64(addr, addr, off);
            }
            tcg_gen_mov_i64(cpu_X[a->rn], addr);
        }
        write_x(s, a->rt, v1, sign || a->sf);
        write_x(s, a->rt2, v2, sign || a->sf);
    } else {
        tcg_gen_qemu_st_i64(read_x(s, a->rt), addr, s->mmu_idx,
                            ldst_memop(s, size, false));
        tcg_gen_qemu_st_i64(read_x(s, a->rt2), addr2, s->mmu_idx,
                            ldst_memop(s, size, false));
        if (wback) {
            if (post) {
                tcg_gen_addi_i64(addr, addr, off);
            }
            tcg_gen_mov_i64(cpu_X[a->rn], addr);
        }
    }
    return true;
}

static bool trans_STP(DisasContext *s, arg_ldp *a) { return do_ldstp(s, a, false, false); }
static bool trans_LDP(DisasContext *s, arg_ldp *a) { return do_ldstp(s, a, true, false); }
static bool trans_LDPSW(DisasContext *s, arg_ldp *a) { return do_ldstp(s, a, true, true); }

/* ---- exclusives, acquire/release, atomics ------------------------------- */

static void gen_load_exclusive(DisasContext *s, int rt, int rt2, TCGv_i64 addr,
                               int size, bool pair, int rn)
{
    gen_mte_check(s, addr, false, rn != 31, (1 << size) << pair, s->mmu_idx);
    if (!pair) {
        TCGv_i64 v = tcg_temp_new_i64();
        tcg_gen_qemu_ld_i64(v, addr, s->mmu_idx, (MemOp)size | MO_LE | MO_ALIGN);
        tcg_gen_mov_i64(cpu_exclusive_val, v);
        write_x(s, rt, v, true);
    } else if (size == 2) {
        /* Two words: one aligned doubleword access. */
        TCGv_i64 v = tcg_temp_new_i64();
        TCGv_i64 hi = tcg_temp_new_i64();
        tcg_gen_qemu_ld_i64(v, addr, s->mmu_idx, MO_64 | MO_LE | MO_ALIGN);
        tcg_gen_mov_i64(cpu_exclusive_val, v);
        tcg_gen_shri_i64(hi, v, 32);
        write_x(s, rt, v, false);
        write_x(s, rt2, hi, false);
    } else {
        TCGv_i128 t = tcg_temp_new_i128();
        TCGv_i64 lo = tcg_temp_new_i64();
        TCGv_i64 hi = tcg_temp_new_i64();
        tcg_gen_qemu_ld_i128(t, addr, s->mmu_idx, MO_128 | MO_LE | MO_ALIGN);
        tcg_gen_extr_i128_i64(lo, hi, t);
        tcg_gen_mov_i64(cpu_exclusive_val, lo);
        tcg_gen_mov_i64(cpu_exclusive_high, hi);
        write_x(s, rt, lo, true);
        write_x(s, rt2, hi, true);
    }
    tcg_gen_mov_i64(cpu_exclusive_addr, addr);
}

/* The desc word of helper_stxr/cas/casp (see target-arm/op_helper.c). */
static uint32_t ldst_desc(DisasContext *s, int size, bool pair, int rs, int rt)
{
    return size | (pair << 3) | (s->mmu_idx << 4) | (rs << 8) | (rt << 13);
}

/*
 * Store-exclusive: helper_stxr decides from the monitor (and, on RAM, from
 * memory still holding what the load-exclusive saw) and stores.
 */
static void gen_store_exclusive(DisasContext *s, int rs, int rt, int rt2,
                                TCGv_i64 addr, int size, bool pair,
                                int rn_of_excl)
{
    TCGv_i64 status = tcg_temp_new_i64();

    gen_mte_check(s, addr, true, rn_of_excl != 31, (1 << size) << pair,
                  s->mmu_idx);
    gen_helper_stxr(status, tcg_env, addr, read_x(s, rt),
                    pair ? read_x(s, rt2) : tcg_constant_i64(0),
                    tcg_constant_i32(ldst_desc(s, size, pair, rs, rt)));
    write_x(s, rs, status, true);
}

static bool trans_LDXR(DisasContext *s, arg_excl *a)
{
    gen_load_exclusive(s, a->rt, 0, read_xsp(s, a->rn), a->size, false, a->rn);
    return true;
}

static bool trans_LDAXR(DisasContext *s, arg_excl *a)
{
    trans_LDXR(s, a);
    tcg_gen_mb(TCG_MO_ALL | TCG_BAR_LDAQ);
    return true;
}

static bool trans_STXR(DisasContext *s, arg_excl *a)
{
    TCGv_i64 addr = tcg_temp_new_i64();
    tcg_gen_mov_i64(addr, read_xsp(s, a->rn));
    gen_store_exclusive(s, a->rs, a->rt, 0, addr, a->size, false, a->rn);
    return true;
}

static bool trans_STLXR(DisasContext *s, arg_excl *a)
{
    tcg_gen_mb(TCG_MO_ALL | TCG_BAR_STRL);
    return trans_STXR(s, a);
}

static bool trans_LDXP(DisasContext *s, arg_excl *a)
{
    gen_load_exclusive(s, a->rt, a->rt2, read_xsp(s, a->rn), 2 + (a->size & 1),
                       true, a->rn);
    return true;
}

static bool trans_LDAXP(DisasContext *s, arg_excl *a)
{
    trans_LDXP(s, a);
    tcg_gen_mb(TCG_MO_ALL | TCG_BAR_LDAQ);
    return true;
}

static bool trans_STXP(DisasContext *s, arg_excl *a)
{
    TCGv_i64 addr = tcg_temp_new_i64();
    tcg_gen_mov_i64(addr, read_xsp(s, a->rn));
    gen_store_exclusive(s, a->rs, a->rt, a->rt2, addr, 2 + (a->size & 1), true,
                        a->rn);
    return true;
}

static bool trans_STLXP(DisasContext *s, arg_excl *a)
{
    tcg_gen_mb(TCG_MO_ALL | TCG_BAR_STRL);
    return trans_STXP(s, a);
}

static bool trans_LDAR(DisasContext *s, arg_excl *a)
{
    TCGv_i64 v = tcg_temp_new_i64();
    gen_mte_check(s, read_xsp(s, a->rn), false, a->rn != 31, 1 << a->size,
                  s->mmu_idx);
    tcg_gen_qemu_ld_i64(v, read_xsp(s, a->rn), s->mmu_idx,
                        (MemOp)a->size | MO_LE | MO_ALIGN);
    tcg_gen_mb(TCG_MO_ALL | TCG_BAR_LDAQ);
    write_x(s, a->rt, v, true);
    return true;
}

static bool trans_STLR(DisasContext *s, arg_excl *a)
{
    tcg_gen_mb(TCG_MO_ALL | TCG_BAR_STRL);
    gen_mte_check(s, read_xsp(s, a->rn), true, a->rn != 31, 1 << a->size,
                  s->mmu_idx);
    tcg_gen_qemu_st_i64(read_x(s, a->rt), read_xsp(s, a->rn), s->mmu_idx,
                        (MemOp)a->size | MO_LE | MO_ALIGN);
    return true;
}

/*
 * FEAT_LRCPC's LDAPR: a load-acquire that only orders against later
 * accesses (RCpc), which a load plus an acquire barrier satisfies.
 */
static bool trans_LDAPR(DisasContext *s, arg_LDAPR *a)
{
    if (a64_id(s, id_aa64isar1, 20) < 1) {
        return false;
    }
    return trans_LDAR(s, &(arg_excl){ .rt = a->rt, .rn = a->rn,
                                      .size = a->size });
}

/*
 * FEAT_LRCPC2: STLUR/LDAPUR/LDAPURS with a 9-bit unscaled offset. Like
 * LDAR/STLR they must be aligned (no FEAT_LSE2 here).
 */
static bool trans_LDAPR_STLR_9(DisasContext *s, arg_LDAPR_STLR_9 *a)
{
    MemOp mop = (MemOp)a->size | MO_LE | MO_ALIGN;
    TCGv_i64 addr, v;

    if (a64_id(s, id_aa64isar1, 20) < 2 ||
        (a->opc == 2 && a->size == 3) || (a->opc == 3 && a->size >= 2)) {
        return false;
    }
    addr = gen_addr(s, a->rn, a->imm);
    gen_mte_check(s, addr, a->opc == 0, a->rn != 31, 1 << a->size, s->mmu_idx);
    if (a->opc == 0) {
        tcg_gen_mb(TCG_MO_ALL | TCG_BAR_STRL);
        tcg_gen_qemu_st_i64(read_x(s, a->rt), addr, s->mmu_idx, mop);
        return true;
    }
    v = tcg_temp_new_i64();
    tcg_gen_qemu_ld_i64(v, addr, s->mmu_idx, mop | (a->opc >= 2 ? MO_SIGN : 0));
    tcg_gen_mb(TCG_MO_ALL | TCG_BAR_LDAQ);
    write_x(s, a->rt, v, a->opc != 3);
    return true;
}

static bool trans_CAS(DisasContext *s, arg_CAS *a)
{
    TCGv_i64 old = tcg_temp_new_i64();

    if (!s->lse) {
        return false;
    }
    if (a->l) {
        tcg_gen_mb(TCG_MO_ALL | TCG_BAR_STRL);
    }
    gen_mte_check(s, read_xsp(s, a->rn), true, a->rn != 31, 1 << a->size,
                  s->mmu_idx);
    gen_helper_cas(old, tcg_env, read_xsp(s, a->rn), read_x(s, a->rs),
                   read_x(s, a->rt),
                   tcg_constant_i32(ldst_desc(s, a->size, false, a->rs, a->rt)));
    if (a->o0) {
        tcg_gen_mb(TCG_MO_ALL | TCG_BAR_LDAQ);
    }
    write_x(s, a->rs, old, true);
    return true;
}

static bool trans_CASP(DisasContext *s, arg_CASP *a)
{
    if (!s->lse || (a->rs & 1) || (a->rt & 1)) {
        return false;
    }
    if (a->l) {
        tcg_gen_mb(TCG_MO_ALL | TCG_BAR_STRL);
    }
    gen_mte_check(s, read_xsp(s, a->rn), true, a->rn != 31, a->sz ? 16 : 8,
                  s->mmu_idx);
    gen_helper_casp(tcg_env, read_xsp(s, a->rn),
                    tcg_constant_i32(ldst_desc(s, a->sz ? 3 : 2, true, a->rs,
                                               a->rt)));
    if (a->o0) {
        tcg_gen_mb(TCG_MO_ALL | TCG_BAR_LDAQ);
    }
    return true;
}

typedef void AtomicFn(TCGv_i64, TCGv_i64, TCGv_i64, TCGArg, MemOp);

static bool do_atomic(DisasContext *s, arg_atomic *a, AtomicFn *fn,
                      bool invert, bool sign)
{
    MemOp mop = (MemOp)a->size | MO_LE | MO_ALIGN | (sign ? MO_SIGN : 0);
    TCGv_i64 val = tcg_temp_new_i64();
    TCGv_i64 old = tcg_temp_new_i64();

    if (!s->lse) {
        return false;
    }
    if (a->r) {
        tcg_gen_mb(TCG_MO_ALL | TCG_BAR_STRL);
    }
    if (invert) {
        tcg_gen_not_i64(val, read_x(s, a->rs));
    } else if (sign) {
        tcg_gen_ext_i64(val, read_x(s, a->rs), (MemOp)a->size | MO_SIGN);
    } else {
        tcg_gen_mov_i64(val, read_x(s, a->rs));
    }
    /* Checked as the read (WnR 0; synchronous in asymmetric mode), as QEMU. */
    gen_mte_check(s, read_xsp(s, a->rn), false, a->rn != 31, 1 << a->size,
                  s->mmu_idx);
    fn(old, read_xsp(s, a->rn), val, s->mmu_idx, mop);
    if (a->a) {
        tcg_gen_mb(TCG_MO_ALL | TCG_BAR_LDAQ);
    }
    /* The old value is written zero-extended from its size. */
    tcg_gen_ext_i64(old, old, (MemOp)a->size);
    write_x(s, a->rt, old, true);
    return true;
}

static bool trans_LDADD(DisasContext *s, arg_atomic *a)
{
    return do_atomic(s, a, tcg_gen_atomic_fetch_add_i64, false, false);
}

static bool trans_LDCLR(DisasContext *s, arg_atomic *a)
{
    return do_atomic(s, a, tcg_gen_atomic_fetch_and_i64, true, false);
}

static bool trans_LDEOR(DisasContext *s, arg_atomic *a)
{
    return do_atomic(s, a, tcg_gen_atomic_fetch_xor_i64, false, false);
}

static bool trans_LDSET(DisasContext *s, arg_atomic *a)
{
    return do_atomic(s, a, tcg_gen_atomic_fetch_or_i64, false, false);
}

static bool trans_LDSMAX(DisasContext *s, arg_atomic *a)
{
    return do_atomic(s, a, tcg_gen_atomic_fetch_smax_i64, false, true);
}

static bool trans_LDSMIN(DisasContext *s, arg_atomic *a)
{
    return do_atomic(s, a, tcg_gen_atomic_fetch_smin_i64, false, true);
}

static bool trans_LDUMAX(DisasContext *s, arg_atomic *a)
{
    return do_atomic(s, a, tcg_gen_atomic_fetch_umax_i64, false, false);
}

static bool trans_LDUMIN(DisasContext *s, arg_atomic *a)
{
    return do_atomic(s, a, tcg_gen_atomic_fetch_umin_i64, false, false);
}

static bool trans_SWP(DisasContext *s, arg_atomic *a)
{
    return do_atomic(s, a, tcg_gen_atomic_xchg_i64, false, false);
}

/* ---- data processing: register ---------------------------------------- */

/* Rm shifted by an immediate: 0 LSL, 1 LSR, 2 ASR, 3 ROR. */
static TCGv_i64 gen_shifted_rm(DisasContext *s, int rm, bool sf, int shift,
                               int amount)
{
    TCGv_i64 v = tcg_temp_new_i64();
    TCGv_i64 src = read_x(s, rm);

    if (sf) {
        switch (shift) {
        case 0: tcg_gen_shli_i64(v, src, amount); break;
        case 1: tcg_gen_shri_i64(v, src, amount); break;
        case 2: tcg_gen_sari_i64(v, src, amount); break;
        default: tcg_gen_rotri_i64(v, src, amount); break;
        }
    } else {
        switch (shift) {
        case 0:
            tcg_gen_shli_i64(v, src, amount);
            break;
        case 1:
            tcg_gen_ext32u_i64(v, src);
            tcg_gen_shri_i64(v, v, amount);
            break;
        case 2:
            tcg_gen_ext32s_i64(v, src);
            tcg_gen_sari_i64(v, v, amount);
            break;
        default: {
            TCGv_i32 t = tcg_temp_new_i32();
            tcg_gen_extrl_i64_i32(t, src);
            tcg_gen_rotri_i32(t, t, amount);
            tcg_gen_extu_i32_i64(v, t);
            break;
        }
        }
        tcg_gen_ext32u_i64(v, v);
    }
    return v;
}

/* op: 0 AND, 1 ORR, 2 EOR, 3 ANDS; @invert applies NOT to Rm (BIC ...). */
static bool do_logic_r(DisasContext *s, arg_rrr_shift *a, int op, bool invert)
{
    TCGv_i64 rm, rn = read_x(s, a->rn);
    TCGv_i64 res = tcg_temp_new_i64();

    if (!a->sf && a->sa >= 32) {
        return false;
    }
    rm = gen_shifted_rm(s, a->rm, a->sf, a->shift, a->sa);
    switch (op) {
    case 0:
    case 3:
        if (invert) {
            tcg_gen_andc_i64(res, rn, rm);
        } else {
            tcg_gen_and_i64(res, rn, rm);
        }
        break;
    case 1:
        if (invert) {
            tcg_gen_orc_i64(res, rn, rm);
        } else {
            tcg_gen_or_i64(res, rn, rm);
        }
        break;
    default:
        if (invert) {
            tcg_gen_eqv_i64(res, rn, rm);
        } else {
            tcg_gen_xor_i64(res, rn, rm);
        }
        break;
    }
    if (!a->sf) {
        tcg_gen_ext32u_i64(res, res);
    }
    if (op == 3) {
        gen_logic_CC(a->sf, res);
    }
    write_x(s, a->rd, res, a->sf);
    return true;
}

static bool trans_AND_r(DisasContext *s, arg_rrr_shift *a) { return do_logic_r(s, a, 0, false); }
static bool trans_BIC_r(DisasContext *s, arg_rrr_shift *a) { return do_logic_r(s, a, 0, true); }
static bool trans_ORR_r(DisasContext *s, arg_rrr_shift *a) { return do_logic_r(s, a, 1, false); }
static bool trans_ORN_r(DisasContext *s, arg_rrr_shift *a) { return do_logic_r(s, a, 1, true); }
static bool trans_EOR_r(DisasContext *s, arg_rrr_shift *a) { return do_logic_r(s, a, 2, false); }
static bool trans_EON_r(DisasContext *s, arg_rrr_shift *a) { return do_logic_r(s, a, 2, true); }
static bool trans_ANDS_r(DisasContext *s, arg_rrr_shift *a) { return do_logic_r(s, a, 3, false); }
static bool trans_BICS_r(DisasContext *s, arg_rrr_shift *a) { return do_logic_r(s, a, 3, true); }

static void gen_addsub(DisasContext *s, bool sf, bool sub, bool setflags,
                       TCGv_i64 res, TCGv_i64 rn, TCGv_i64 rm)
{
    if (setflags) {
        if (sub) {
            gen_sub_CC(sf, res, rn, rm);
        } else {
            gen_add_CC(sf, res, rn, rm, false);
        }
    } else if (sub) {
        tcg_gen_sub_i64(res, rn, rm);
    } else {
        tcg_gen_add_i64(res, rn, rm);
    }
}

static bool do_addsub_r(DisasContext *s, arg_rrr_shift *a, bool sub,
                        bool setflags)
{
    TCGv_i64 res = tcg_temp_new_i64();

    if (a->shift == 3 || (!a->sf && a->sa >= 32)) {
        return false;
    }
    gen_addsub(s, a->sf, sub, setflags, res, read_x(s, a->rn),
               gen_shifted_rm(s, a->rm, a->sf, a->shift, a->sa));
    write_x(s, a->rd, res, a->sf);
    return true;
}

static bool trans_ADD_r(DisasContext *s, arg_rrr_shift *a) { return do_addsub_r(s, a, false, false); }
static bool trans_ADDS_r(DisasContext *s, arg_rrr_shift *a) { return do_addsub_r(s, a, false, true); }
static bool trans_SUB_r(DisasContext *s, arg_rrr_shift *a) { return do_addsub_r(s, a, true, false); }
static bool trans_SUBS_r(DisasContext *s, arg_rrr_shift *a) { return do_addsub_r(s, a, true, true); }

static bool do_addsub_x(DisasContext *s, arg_rrr_ext *a, bool sub,
                        bool setflags)
{
    TCGv_i64 res = tcg_temp_new_i64();
    TCGv_i64 rm = tcg_temp_new_i64();

    if (a->sa > 4) {
        return false;
    }
    gen_extend_reg(rm, read_x(s, a->rm), a->option, a->sa);
    gen_addsub(s, a->sf, sub, setflags, res, read_xsp(s, a->rn), rm);
    if (setflags) {
        write_x(s, a->rd, res, a->sf);
    } else {
        write_xsp(s, a->rd, res, a->sf);
    }
    return true;
}

static bool trans_ADD_x(DisasContext *s, arg_rrr_ext *a) { return do_addsub_x(s, a, false, false); }
static bool trans_ADDS_x(DisasContext *s, arg_rrr_ext *a) { return do_addsub_x(s, a, false, true); }
static bool trans_SUB_x(DisasContext *s, arg_rrr_ext *a) { return do_addsub_x(s, a, true, false); }
static bool trans_SUBS_x(DisasContext *s, arg_rrr_ext *a) { return do_addsub_x(s, a, true, true); }

static bool do_adc(DisasContext *s, arg_rrr_sf *a, bool sub, bool setflags)
{
    TCGv_i64 res = tcg_temp_new_i64();
    TCGv_i64 rm = read_x(s, a->rm);

    if (sub) {
        TCGv_i64 inv = tcg_temp_new_i64();
        tcg_gen_not_i64(inv, rm);
        rm = inv;
    }
    if (setflags) {
        gen_add_CC(a->sf, res, read_x(s, a->rn), rm, true);
    } else {
        tcg_gen_add_i64(res, read_x(s, a->rn), rm);
        tcg_gen_add_i64(res, res, cpu_CF);
    }
    write_x(s, a->rd, res, a->sf);
    return true;
}

static bool trans_ADC(DisasContext *s, arg_rrr_sf *a) { return do_adc(s, a, false, false); }
static bool trans_ADCS(DisasContext *s, arg_rrr_sf *a) { return do_adc(s, a, false, true); }
static bool trans_SBC(DisasContext *s, arg_rrr_sf *a) { return do_adc(s, a, true, false); }
static bool trans_SBCS(DisasContext *s, arg_rrr_sf *a) { return do_adc(s, a, true, true); }

/* CCMP/CCMN: flags of the compare if cond holds, else #nzcv. */
static void do_ccmp(DisasContext *s, int sf, int rn, TCGv_i64 rm, int cond,
                    int nzcv, bool sub)
{
    TCGLabel *skip = gen_new_label();
    TCGLabel *done = gen_new_label();
    TCGv_i64 discard = tcg_temp_new_i64();
    DisasCompare c;

    arm_test_cc(&c, cond);
    if (c.cond != TCG_COND_ALWAYS) {
        tcg_gen_brcondi_i64(tcg_invert_cond(c.cond), c.value, 0, skip);
    }
    if (sub) {
        gen_sub_CC(sf, discard, read_x(s, rn), rm);
    } else {
        gen_add_CC(sf, discard, read_x(s, rn), rm, false);
    }
    tcg_gen_br(done);
    gen_set_label(skip);
    tcg_gen_movi_i64(cpu_NF, (nzcv & 8) ? -1 : 0);
    tcg_gen_movi_i64(cpu_ZF, (nzcv & 4) ? 0 : 1);
    tcg_gen_movi_i64(cpu_CF, (nzcv & 2) ? 1 : 0);
    tcg_gen_movi_i64(cpu_VF, (nzcv & 1) ? -1 : 0);
    gen_set_label(done);
}

static bool trans_CCMN(DisasContext *s, arg_ccmp *a)
{
    do_ccmp(s, a->sf, a->rn, read_x(s, a->rm), a->cond, a->nzcv, false);
    return true;
}

static bool trans_CCMP(DisasContext *s, arg_ccmp *a)
{
    do_ccmp(s, a->sf, a->rn, read_x(s, a->rm), a->cond, a->nzcv, true);
    return true;
}

static bool trans_CCMN_i(DisasContext *s, arg_ccmp_i *a)
{
    do_ccmp(s, a->sf, a->rn, tcg_constant_i64(a->imm), a->cond, a->nzcv, false);
    return true;
}

static bool trans_CCMP_i(DisasContext *s, arg_ccmp_i *a)
{
    do_ccmp(s, a->sf, a->rn, tcg_constant_i64(a->imm), a->cond, a->nzcv, true);
    return true;
}

/* op: 0 CSEL, 1 CSINC, 2 CSINV, 3 CSNEG */
static bool do_csel(DisasContext *s, arg_csel *a, int op)
{
    TCGv_i64 res = tcg_temp_new_i64();
    TCGv_i64 other = tcg_temp_new_i64();
    TCGv_i64 rm = read_x(s, a->rm);
    DisasCompare c;

    switch (op) {
    case 0: tcg_gen_mov_i64(other, rm); break;
    case 1: tcg_gen_addi_i64(other, rm, 1); break;
    case 2: tcg_gen_not_i64(other, rm); break;
    default: tcg_gen_neg_i64(other, rm); break;
    }
    arm_test_cc(&c, a->cond);
    if (c.cond == TCG_COND_ALWAYS) {
        tcg_gen_mov_i64(res, read_x(s, a->rn));
    } else {
        tcg_gen_movcond_i64(c.cond, res, c.value, tcg_constant_i64(0),
                            read_x(s, a->rn), other);
    }
    write_x(s, a->rd, res, a->sf);
    return true;
}

static bool trans_CSEL(DisasContext *s, arg_csel *a) { return do_csel(s, a, 0); }
static bool trans_CSINC(DisasContext *s, arg_csel *a) { return do_csel(s, a, 1); }
static bool trans_CSINV(DisasContext *s, arg_csel *a) { return do_csel(s, a, 2); }
static bool trans_CSNEG(DisasContext *s, arg_csel *a) { return do_csel(s, a, 3); }

static bool do_madd(DisasContext *s, arg_rrrr *a, bool sub)
{
    TCGv_i64 prod = tcg_temp_new_i64();
    TCGv_i64 res = tcg_temp_new_i64();

    tcg_gen_mul_i64(prod, read_x(s, a->rn), read_x(s, a->rm));
    if (sub) {
        tcg_gen_sub_i64(res, read_x(s, a->ra), prod);
    } else {
        tcg_gen_add_i64(res, read_x(s, a->ra), prod);
    }
    write_x(s, a->rd, res, a->sf);
    return true;
}

static bool trans_MADD(DisasContext *s, arg_rrrr *a) { return do_madd(s, a, false); }
static bool trans_MSUB(DisasContext *s, arg_rrrr *a) { return do_madd(s, a, true); }

/* 32x32->64 widening multiply-add. */
static bool do_maddl(DisasContext *s, arg_rrrr *a, bool sign, bool sub)
{
    TCGv_i64 n = tcg_temp_new_i64();
    TCGv_i64 m = tcg_temp_new_i64();
    TCGv_i64 res = tcg_temp_new_i64();

    if (sign) {
        tcg_gen_ext32s_i64(n, read_x(s, a->rn));
        tcg_gen_ext32s_i64(m, read_x(s, a->rm));
    } else {
        tcg_gen_ext32u_i64(n, read_x(s, a->rn));
        tcg_gen_ext32u_i64(m, read_x(s, a->rm));
    }
    tcg_gen_mul_i64(n, n, m);
    if (sub) {
        tcg_gen_sub_i64(res, read_x(s, a->ra), n);
    } else {
        tcg_gen_add_i64(res, read_x(s, a->ra), n);
    }
    write_x(s, a->rd, res, true);
    return true;
}

static bool trans_SMADDL(DisasContext *s, arg_rrrr *a) { return do_maddl(s, a, true, false); }
static bool trans_SMSUBL(DisasContext *s, arg_rrrr *a) { return do_maddl(s, a, true, true); }
static bool trans_UMADDL(DisasContext *s, arg_rrrr *a) { return do_maddl(s, a, false, false); }
static bool trans_UMSUBL(DisasContext *s, arg_rrrr *a) { return do_maddl(s, a, false, true); }

static bool trans_SMULH(DisasContext *s, arg_rrrr *a)
{
    TCGv_i64 lo = tcg_temp_new_i64();
    TCGv_i64 hi = tcg_temp_new_i64();
    tcg_gen_muls2_i64(lo, hi, read_x(s, a->rn), read_x(s, a->rm));
    write_x(s, a->rd, hi, true);
    return true;
}

static bool trans_UMULH(DisasContext *s, arg_rrrr *a)
{
    TCGv_i64 lo = tcg_temp_new_i64();
    TCGv_i64 hi = tcg_temp_new_i64();
    tcg_gen_mulu2_i64(lo, hi, read_x(s, a->rn), read_x(s, a->rm));
    write_x(s, a->rd, hi, true);
    return true;
}

static bool trans_UDIV(DisasContext *s, arg_rrr_sf *a)
{
    TCGv_i64 res = tcg_temp_new_i64();
    if (a->sf) {
        gen_helper_udiv64(res, read_x(s, a->rn), read_x(s, a->rm));
    } else {
        gen_helper_udiv32(res, read_x(s, a->rn), read_x(s, a->rm));
    }
    write_x(s, a->rd, res, a->sf);
    return true;
}

static bool trans_SDIV(DisasContext *s, arg_rrr_sf *a)
{
    TCGv_i64 res = tcg_temp_new_i64();
    if (a->sf) {
        gen_helper_sdiv64(res, read_x(s, a->rn), read_x(s, a->rm));
    } else {
        gen_helper_sdiv32(res, read_x(s, a->rn), read_x(s, a->rm));
    }
    write_x(s, a->rd, res, a->sf);
    return true;
}

/* Shift by register: the count is Rm modulo the register width. */
static bool do_shiftv(DisasContext *s, arg_rrr_sf *a, int type)
{
    TCGv_i64 cnt = tcg_temp_new_i64();
    TCGv_i64 res = tcg_temp_new_i64();
    TCGv_i64 rn = read_x(s, a->rn);

    tcg_gen_andi_i64(cnt, read_x(s, a->rm), a->sf ? 63 : 31);
    if (a->sf) {
        switch (type) {
        case 0: tcg_gen_shl_i64(res, rn, cnt); break;
        case 1: tcg_gen_shr_i64(res, rn, cnt); break;
        case 2: tcg_gen_sar_i64(res, rn, cnt); break;
        default: tcg_gen_rotr_i64(res, rn, cnt); break;
        }
    } else {
        switch (type) {
        case 0:
            tcg_gen_shl_i64(res, rn, cnt);
            break;
        case 1:
            tcg_gen_ext32u_i64(res, rn);
            tcg_gen_shr_i64(res, res, cnt);
            break;
        case 2:
            tcg_gen_ext32s_i64(res, rn);
            tcg_gen_sar_i64(res, res, cnt);
            break;
        default: {
            TCGv_i32 t = tcg_temp_new_i32();
            TCGv_i32 c = tcg_temp_new_i32();
            tcg_gen_extrl_i64_i32(t, rn);
            tcg_gen_extrl_i64_i32(c, cnt);
            tcg_gen_rotr_i32(t, t, c);
            tcg_gen_extu_i32_i64(res, t);
            break;
        }
        }
    }
    write_x(s, a->rd, res, a->sf);
    return true;
}

static bool trans_LSLV(DisasContext *s, arg_rrr_sf *a) { return do_shiftv(s, a, 0); }
static bool trans_LSRV(DisasContext *s, arg_rrr_sf *a) { return do_shiftv(s, a, 1); }
static bool trans_ASRV(DisasContext *s, arg_rrr_sf *a) { return do_shiftv(s, a, 2); }
static bool trans_RORV(DisasContext *s, arg_rrr_sf *a) { return do_shiftv(s, a, 3); }

static bool trans_CRC32(DisasContext *s, arg_CRC32 *a)
{
    TCGv_i64 res = tcg_temp_new_i64();
    TCGv_i64 acc = tcg_temp_new_i64();

    if ((a->sz == 3) != (a->sf == 1)) {
        return false;
    }
    tcg_gen_ext32u_i64(acc, read_x(s, a->rn));
    if (a->c) {
        gen_helper_crc32c(res, acc, read_x(s, a->rm),
                          tcg_constant_i32(1 << a->sz));
    } else {
        gen_helper_crc32(res, acc, read_x(s, a->rm),
                         tcg_constant_i32(1 << a->sz));
    }
    write_x(s, a->rd, res, false);
    return true;
}

static bool trans_RBIT(DisasContext *s, arg_rr_sf *a)
{
    TCGv_i64 res = tcg_temp_new_i64();
    gen_helper_rbit64(res, read_x(s, a->rn));
    if (!a->sf) {
        tcg_gen_shri_i64(res, res, 32);
    }
    write_x(s, a->rd, res, a->sf);
    return true;
}

static bool trans_REV16(DisasContext *s, arg_rr_sf *a)
{
    TCGv_i64 res = tcg_temp_new_i64();
    TCGv_i64 t = tcg_temp_new_i64();
    TCGv_i64 rn = read_x(s, a->rn);
    uint64_t mask = 0x00ff00ff00ff00ffull;

    tcg_gen_shri_i64(t, rn, 8);
    tcg_gen_andi_i64(t, t, mask);
    tcg_gen_andi_i64(res, rn, mask);
    tcg_gen_shli_i64(res, res, 8);
    tcg_gen_or_i64(res, res, t);
    write_x(s, a->rd, res, a->sf);
    return true;
}

/* opc 10: REV for W, REV32 for X. */
static bool trans_REV32(DisasContext *s, arg_rr_sf *a)
{
    TCGv_i64 res = tcg_temp_new_i64();

    if (a->sf) {
        tcg_gen_bswap64_i64(res, read_x(s, a->rn));
        tcg_gen_rotri_i64(res, res, 32);
    } else {
        tcg_gen_bswap32_i64(res, read_x(s, a->rn), 0);
    }
    write_x(s, a->rd, res, a->sf);
    return true;
}

static bool trans_REV64(DisasContext *s, arg_rr_sf *a)
{
    TCGv_i64 res;
    if (!a->sf) {
        return false;
    }
    res = tcg_temp_new_i64();
    tcg_gen_bswap64_i64(res, read_x(s, a->rn));
    write_x(s, a->rd, res, true);
    return true;
}

static bool trans_CLZ(DisasContext *s, arg_rr_sf *a)
{
    TCGv_i64 res = tcg_temp_new_i64();
    if (a->sf) {
        tcg_gen_clzi_i64(res, read_x(s, a->rn), 64);
    } else {
        tcg_gen_ext32u_i64(res, read_x(s, a->rn));
        tcg_gen_clzi_i64(res, res, 64);
        tcg_gen_subi_i64(res, res, 32);
    }
    write_x(s, a->rd, res, a->sf);
    return true;
}

static bool trans_CLS(DisasContext *s, arg_rr_sf *a)
{
    TCGv_i64 res = tcg_temp_new_i64();
    if (a->sf) {
        tcg_gen_clrsb_i64(res, read_x(s, a->rn));
    } else {
        /* Sign-extend, count in 64 bits, minus the 32 copies added. */
        tcg_gen_ext32s_i64(res, read_x(s, a->rn));
        tcg_gen_clrsb_i64(res, res);
        tcg_gen_subi_i64(res, res, 32);
    }
    write_x(s, a->rd, res, a->sf);
    return true;
}


/* ---- FP/SIMD registers (shared with the FP/SIMD files) ------------- */

bool fp_access_check(DisasContext *s)
{
    /* Called twice for one insn would raise the trap twice in the IR. */
    g_assert(!s->fp_access_checked);
    s->fp_access_checked = true;
    if (s->fp_trap) {
        gen_exception_insn(s, s->pc_curr, EXCP_UDEF, syn_fp_access_trap());
        return false;
    }
    return true;
}

TCGv_ptr vec_full_reg_ptr(DisasContext *s, int regno)
{
    TCGv_ptr p = tcg_temp_new_ptr();
    tcg_gen_addi_ptr(p, tcg_env, vec_full_reg_offset(regno));
    return p;
}

void read_vec_element(DisasContext *s, TCGv_i64 dst, int regno, int element,
                      MemOp memop)
{
    int off = vec_reg_offset(regno, element, memop);

    switch (memop & (MO_SIZE | MO_SIGN)) {
    case MO_8:  tcg_gen_ld8u_i64(dst, tcg_env, off); break;
    case MO_16: tcg_gen_ld16u_i64(dst, tcg_env, off); break;
    case MO_32: tcg_gen_ld32u_i64(dst, tcg_env, off); break;
    case MO_8 | MO_SIGN:  tcg_gen_ld8s_i64(dst, tcg_env, off); break;
    case MO_16 | MO_SIGN: tcg_gen_ld16s_i64(dst, tcg_env, off); break;
    case MO_32 | MO_SIGN: tcg_gen_ld32s_i64(dst, tcg_env, off); break;
    case MO_64:
    case MO_64 | MO_SIGN:
        tcg_gen_ld_i64(dst, tcg_env, off);
        break;
    default:
        g_assert_not_reached();
    }
}

void read_vec_element_i32(DisasContext *s, TCGv_i32 dst, int regno,
                          int element, MemOp memop)
{
    int off = vec_reg_offset(regno, element, memop);

    switch (memop & (MO_SIZE | MO_SIGN)) {
    case MO_8:  tcg_gen_ld8u_i32(dst, tcg_env, off); break;
    case MO_16: tcg_gen_ld16u_i32(dst, tcg_env, off); break;
    case MO_8 | MO_SIGN:  tcg_gen_ld8s_i32(dst, tcg_env, off); break;
    case MO_16 | MO_SIGN: tcg_gen_ld16s_i32(dst, tcg_env, off); break;
    case MO_32:
    case MO_32 | MO_SIGN:
        tcg_gen_ld_i32(dst, tcg_env, off);
        break;
    default:
        g_assert_not_reached();
    }
}

void write_vec_element(DisasContext *s, TCGv_i64 src, int regno, int element,
                       MemOp size)
{
    int off = vec_reg_offset(regno, element, size);

    switch (size & MO_SIZE) {
    case MO_8:  tcg_gen_st8_i64(src, tcg_env, off); break;
    case MO_16: tcg_gen_st16_i64(src, tcg_env, off); break;
    case MO_32: tcg_gen_st32_i64(src, tcg_env, off); break;
    case MO_64: tcg_gen_st_i64(src, tcg_env, off); break;
    default:
        g_assert_not_reached();
    }
}

void write_vec_element_i32(DisasContext *s, TCGv_i32 src, int regno,
                           int element, MemOp size)
{
    int off = vec_reg_offset(regno, element, size);

    switch (size & MO_SIZE) {
    case MO_8:  tcg_gen_st8_i32(src, tcg_env, off); break;
    case MO_16: tcg_gen_st16_i32(src, tcg_env, off); break;
    case MO_32: tcg_gen_st_i32(src, tcg_env, off); break;
    default:
        g_assert_not_reached();
    }
}

void clear_vec_high(DisasContext *s, bool is_q, int rd)
{
    if (!is_q) {
        tcg_gen_st_i64(tcg_constant_i64(0), tcg_env,
                       vec_full_reg_offset(rd) + 8);
    }
}

void clear_vec(DisasContext *s, int rd)
{
    tcg_gen_st_i64(tcg_constant_i64(0), tcg_env, vec_full_reg_offset(rd));
    tcg_gen_st_i64(tcg_constant_i64(0), tcg_env, vec_full_reg_offset(rd) + 8);
}

TCGv_i64 read_fp_dreg(DisasContext *s, int reg)
{
    TCGv_i64 v = tcg_temp_new_i64();
    tcg_gen_ld_i64(v, tcg_env, vec_full_reg_offset(reg));
    return v;
}

TCGv_i32 read_fp_sreg(DisasContext *s, int reg)
{
    TCGv_i32 v = tcg_temp_new_i32();
    tcg_gen_ld_i32(v, tcg_env, vec_full_reg_offset(reg));
    return v;
}

TCGv_i32 read_fp_hreg(DisasContext *s, int reg)
{
    TCGv_i32 v = tcg_temp_new_i32();
    tcg_gen_ld16u_i32(v, tcg_env, vec_full_reg_offset(reg));
    return v;
}

void write_fp_dreg(DisasContext *s, int reg, TCGv_i64 v)
{
    tcg_gen_st_i64(v, tcg_env, vec_full_reg_offset(reg));
    tcg_gen_st_i64(tcg_constant_i64(0), tcg_env, vec_full_reg_offset(reg) + 8);
}

void write_fp_sreg(DisasContext *s, int reg, TCGv_i32 v)
{
    TCGv_i64 t = tcg_temp_new_i64();
    tcg_gen_extu_i32_i64(t, v);
    write_fp_dreg(s, reg, t);
}

void write_fp_hreg(DisasContext *s, int reg, TCGv_i32 v)
{
    TCGv_i64 t = tcg_temp_new_i64();
    tcg_gen_extu_i32_i64(t, v);
    tcg_gen_ext16u_i64(t, t);
    write_fp_dreg(s, reg, t);
}

TCGv_ptr fpstatus_ptr(ARMFPStatusFlavour flavour)
{
    TCGv_ptr p = tcg_temp_new_ptr();
    int off;

    switch (flavour) {
    case FPST_FPCR:
        off = offsetof(CPUARMState, vfp.fp_status);
        break;
    case FPST_FPCR_F16:
        off = offsetof(CPUARMState, vfp.fp_status_f16);
        break;
    case FPST_STD:
        off = offsetof(CPUARMState, vfp.standard_fp_status);
        break;
    default:
        g_assert_not_reached();
    }
    tcg_gen_addi_ptr(p, tcg_env, off);
    return p;
}

/* ---- the translator loop hooks --------------------------------------- */

static void aarch64_tr_init_disas_context(DisasContextBase *db, CPUState *cs)
{
    DisasContext *s = container_of(db, DisasContext, base);
    uint32_t flags = db->tb->flags;

    s->env = cpu_env(cs);
    s->el = (flags & TBFLAG_EL_MASK) >> TBFLAG_EL_SHIFT;
    s->mmu_idx = s->el == 0 ? ARMMMUIdx_E10_0 : ARMMMUIdx_E10_1;
    s->align = (flags & TBFLAG_ALIGN) != 0;
    s->uma = (flags & TBFLAG_UMA) != 0;
    s->il = (flags & TBFLAG_IL) != 0;
    s->lse = ((env_archcpu(s->env)->isar.id_aa64isar0 >> 20) & 0xf) >= 2;
    s->fp_trap = (flags & TBFLAG_FPTRAP) != 0;
    s->mte = env_archcpu(s->env)->mte;
    s->mte_active = (flags & TBFLAG_MTE) != 0;
    s->mte_active0 = (flags & TBFLAG_MTE0) != 0;
    if (flags & TBFLAG_SS) {
        db->max_insns = 1;      /* software step: one insn, then the step */
    }
}

static void aarch64_tr_tb_start(DisasContextBase *db, CPUState *cs)
{
}

static void aarch64_tr_insn_start(DisasContextBase *db, CPUState *cs)
{
    tcg_gen_insn_start(db->pc_next, 0, 0);
}

static void aarch64_tr_translate_insn(DisasContextBase *db, CPUState *cs)
{
    DisasContext *s = container_of(db, DisasContext, base);
    uint64_t pc = db->pc_next;

    s->pc_curr = pc;
    if (arm_debug_gen_pending_step(s)) {
        db->pc_next = pc + 4;
        return;
    }
    if (pc & 3) {
        /*
         * A misaligned PC faults before any fetch (EC 0x22), with FAR
         * holding the PC. Checked here because only a branch gets us here.
         */
        gen_helper_exception(tcg_env, tcg_constant_i32(EXCP_PREFETCH_ABORT),
                             tcg_constant_i32(syn_pcalignment()),
                             tcg_constant_i32(1));
        db->is_jmp = DISAS_NORETURN;
        db->pc_next = ROUND_UP(pc, 4);
        return;
    }
    s->insn = translator_ldl(cpu_env(cs), db, pc);
    db->pc_next = pc + 4;
    if (s->il) {
        /* After an illegal exception return (see helper_eret). */
        gen_exception_insn(s, pc, EXCP_UDEF, syn_illegalstate());
        return;
    }
    s->fp_access_checked = false;
    arm_pmu_gen_insn(s);
    arm_debug_gen_insn(s);
    if (!decode_a64(s, s->insn) &&
        !disas_a64_mte(s, s->insn) &&
        !disas_a64_fp(s, s->insn) &&
        !disas_a64_simd_ldst(s, s->insn) &&
        !disas_a64_simd_int(s, s->insn) &&
        !disas_a64_simd_fp(s, s->insn)) {
        unallocated_encoding(s);
    }
}

static void aarch64_tr_tb_stop(DisasContextBase *db, CPUState *cs)
{
    DisasContext *s = container_of(db, DisasContext, base);

    arm_debug_gen_step_end(s);
    switch (db->is_jmp) {
    case DISAS_NEXT:
    case DISAS_TOO_MANY:
        gen_goto_tb(s, 1, db->pc_next);
        break;
    case DISAS_JUMP:
        tcg_gen_lookup_and_goto_ptr();
        break;
    case DISAS_UPDATE_EXIT:
        gen_update_pc(s, db->pc_next);
        tcg_gen_exit_tb(NULL, 0);
        break;
    case DISAS_EXIT:
        tcg_gen_exit_tb(NULL, 0);
        break;
    default: /* DISAS_NORETURN */
        break;
    }
}

static const TranslatorOps aarch64_translator_ops = {
    .init_disas_context = aarch64_tr_init_disas_context,
    .tb_start = aarch64_tr_tb_start,
    .insn_start = aarch64_tr_insn_start,
    .translate_insn = aarch64_tr_translate_insn,
    .tb_stop = aarch64_tr_tb_stop,
};

void aarch64_translate_code(CPUState *cs, TranslationBlock *tb, int *max_insns,
                            vaddr pc, void *host_pc)
{
    DisasContext dc = { 0 };
    translator_loop(cs, tb, max_insns, pc, host_pc, &aarch64_translator_ops,
                    &dc.base);
}
