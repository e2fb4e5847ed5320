/*
 * tcg-op.c - the frontend API (tcg-op.h): each tcg_gen_* turns into zero or
 * more IR ops. Identities that need no analysis (add 0, and -1, shift by
 * 0, ...) are applied here so the op stream stays small; everything else is
 * left to the optimizer. Both widths share one implementation taking a
 * TCGType; the typed wrappers are at the end of the file.
 */
#include "util/osdep.h"
#include "tcg/tcg.h"
#include "tcg/tcg-op.h"
#include "tcg/tcg-internal.h"

#define T(x) ((TCGTemp *)(x))

static inline unsigned width(TCGType t)
{
    return t == TCG_TYPE_I32 ? 32 : 64;
}

static inline int64_t wmask(TCGType t)
{
    return t == TCG_TYPE_I32 ? (int64_t)0xffffffffu : -1;
}

static TCGTemp *cst(TCGType t, int64_t v)
{
    return tcg_constant_internal(t, v);
}

static TCGTemp *tmp(TCGType t)
{
    return tcg_temp_new_internal(t, TEMP_EBB);
}

static TCGOp *op2(TCGOpcode opc, TCGType t, TCGTemp *a0, TCGTemp *a1)
{
    TCGOp *op = tcg_emit_op(opc, t, 2);
    op->args[0] = temp_arg(a0);
    op->args[1] = temp_arg(a1);
    return op;
}

static TCGOp *op3(TCGOpcode opc, TCGType t, TCGTemp *a0, TCGTemp *a1, TCGTemp *a2)
{
    TCGOp *op = tcg_emit_op(opc, t, 3);
    op->args[0] = temp_arg(a0);
    op->args[1] = temp_arg(a1);
    op->args[2] = temp_arg(a2);
    return op;
}

static TCGOp *op4(TCGOpcode opc, TCGType t, TCGTemp *a0, TCGTemp *a1,
                  TCGTemp *a2, TCGTemp *a3)
{
    TCGOp *op = tcg_emit_op(opc, t, 4);
    op->args[0] = temp_arg(a0);
    op->args[1] = temp_arg(a1);
    op->args[2] = temp_arg(a2);
    op->args[3] = temp_arg(a3);
    return op;
}

/* ---- basic ---- */

static void g_mov(TCGType t, TCGTemp *r, TCGTemp *a)
{
    if (r != a) {
        op2(INDEX_op_mov, t, r, a);
    }
}

static void g_movi(TCGType t, TCGTemp *r, int64_t v)
{
    g_mov(t, r, cst(t, v));
}

static void g_bin(TCGOpcode opc, TCGType t, TCGTemp *r, TCGTemp *a, TCGTemp *b)
{
    op3(opc, t, r, a, b);
}

static void g_un(TCGOpcode opc, TCGType t, TCGTemp *r, TCGTemp *a)
{
    op2(opc, t, r, a);
}

static void g_addi(TCGType t, TCGTemp *r, TCGTemp *a, int64_t v)
{
    if (v == 0) {
        g_mov(t, r, a);
    } else {
        g_bin(INDEX_op_add, t, r, a, cst(t, v));
    }
}

static void g_subi(TCGType t, TCGTemp *r, TCGTemp *a, int64_t v)
{
    if (v == 0) {
        g_mov(t, r, a);
    } else {
        g_bin(INDEX_op_sub, t, r, a, cst(t, v));
    }
}

static void g_subfi(TCGType t, TCGTemp *r, int64_t v, TCGTemp *a)
{
    if (v == 0) {
        g_un(INDEX_op_neg, t, r, a);
    } else {
        g_bin(INDEX_op_sub, t, r, cst(t, v), a);
    }
}

static void g_shifti(TCGOpcode opc, TCGType t, TCGTemp *r, TCGTemp *a, int64_t c)
{
    g_assert(c >= 0 && c < width(t));
    if (c == 0) {
        g_mov(t, r, a);
    } else {
        g_bin(opc, t, r, a, cst(t, c));
    }
}

static void g_muli(TCGType t, TCGTemp *r, TCGTemp *a, int64_t v)
{
    v &= wmask(t);
    if (v == 0) {
        g_movi(t, r, 0);
    } else if (v == 1) {
        g_mov(t, r, a);
    } else if (((uint64_t)v & ((uint64_t)v - 1)) == 0) {
        g_shifti(INDEX_op_shl, t, r, a, __builtin_ctzll(v));
    } else {
        g_bin(INDEX_op_mul, t, r, a, cst(t, v));
    }
}

static void g_andi(TCGType t, TCGTemp *r, TCGTemp *a, int64_t v)
{
    v &= wmask(t);
    if (v == 0) {
        g_movi(t, r, 0);
    } else if (v == wmask(t)) {
        g_mov(t, r, a);
    } else if (v == 0xff) {
        g_un(INDEX_op_ext8u, t, r, a);
    } else if (v == 0xffff) {
        g_un(INDEX_op_ext16u, t, r, a);
    } else if (t == TCG_TYPE_I64 && v == 0xffffffffll) {
        g_un(INDEX_op_ext32u, t, r, a);
    } else {
        g_bin(INDEX_op_and, t, r, a, cst(t, v));
    }
}

static void g_ori(TCGType t, TCGTemp *r, TCGTemp *a, int64_t v)
{
    v &= wmask(t);
    if (v == wmask(t)) {
        g_movi(t, r, -1);
    } else if (v == 0) {
        g_mov(t, r, a);
    } else {
        g_bin(INDEX_op_or, t, r, a, cst(t, v));
    }
}

static void g_xori(TCGType t, TCGTemp *r, TCGTemp *a, int64_t v)
{
    v &= wmask(t);
    if (v == 0) {
        g_mov(t, r, a);
    } else if (v == wmask(t)) {
        g_un(INDEX_op_not, t, r, a);
    } else {
        g_bin(INDEX_op_xor, t, r, a, cst(t, v));
    }
}

static void g_setcond(TCGOpcode opc, TCGType t, TCGCond c, TCGTemp *r,
                      TCGTemp *a, TCGTemp *b)
{
    if (c == TCG_COND_ALWAYS) {
        g_movi(t, r, opc == INDEX_op_setcond ? 1 : -1);
    } else if (c == TCG_COND_NEVER) {
        g_movi(t, r, 0);
    } else {
        TCGOp *op = tcg_emit_op(opc, t, 4);
        op->args[0] = temp_arg(r);
        op->args[1] = temp_arg(a);
        op->args[2] = temp_arg(b);
        op->args[3] = c;
    }
}

static void g_movcond(TCGType t, TCGCond c, TCGTemp *r, TCGTemp *c1, TCGTemp *c2,
                      TCGTemp *v1, TCGTemp *v2)
{
    if (c == TCG_COND_ALWAYS) {
        g_mov(t, r, v1);
    } else if (c == TCG_COND_NEVER) {
        g_mov(t, r, v2);
    } else {
        TCGOp *op = tcg_emit_op(INDEX_op_movcond, t, 6);
        op->args[0] = temp_arg(r);
        op->args[1] = temp_arg(c1);
        op->args[2] = temp_arg(c2);
        op->args[3] = temp_arg(v1);
        op->args[4] = temp_arg(v2);
        op->args[5] = c;
    }
}

void tcg_gen_br(TCGLabel *l)
{
    TCGOp *op = tcg_emit_op(INDEX_op_br, TCG_TYPE_I64, 1);
    op->args[0] = label_arg(l);
    l->refs++;
}

void gen_set_label(TCGLabel *l)
{
    TCGOp *op = tcg_emit_op(INDEX_op_set_label, TCG_TYPE_I64, 1);
    op->args[0] = label_arg(l);
    l->present = true;
}

static void g_brcond(TCGType t, TCGCond c, TCGTemp *a, TCGTemp *b, TCGLabel *l)
{
    if (c == TCG_COND_ALWAYS) {
        tcg_gen_br(l);
    } else if (c != TCG_COND_NEVER) {
        TCGOp *op = tcg_emit_op(INDEX_op_brcond, t, 4);
        op->args[0] = temp_arg(a);
        op->args[1] = temp_arg(b);
        op->args[2] = c;
        op->args[3] = label_arg(l);
        l->refs++;
    }
}

static void g_minmax(TCGType t, TCGCond c, TCGTemp *r, TCGTemp *a, TCGTemp *b)
{
    g_movcond(t, c, r, a, b, a, b);
}

static void g_abs(TCGType t, TCGTemp *r, TCGTemp *a)
{
    TCGTemp *s = tmp(t);
    g_bin(INDEX_op_sar, t, s, a, cst(t, width(t) - 1));
    TCGTemp *x = tmp(t);
    g_bin(INDEX_op_xor, t, x, a, s);
    g_bin(INDEX_op_sub, t, r, x, s);
}

static void g_clrsb(TCGType t, TCGTemp *r, TCGTemp *a)
{
    TCGTemp *s = tmp(t);
    g_bin(INDEX_op_sar, t, s, a, cst(t, width(t) - 1));
    g_bin(INDEX_op_xor, t, s, s, a);
    g_bin(INDEX_op_clz, t, s, s, cst(t, width(t)));
    g_subi(t, r, s, 1);
}

static void g_deposit(TCGType t, TCGTemp *r, TCGTemp *a, TCGTemp *b,
                      unsigned ofs, unsigned len)
{
    g_assert(len > 0 && ofs + len <= width(t));
    if (len == width(t)) {
        g_mov(t, r, b);
        return;
    }
    TCGOp *op = tcg_emit_op(INDEX_op_deposit, t, 5);
    op->args[0] = temp_arg(r);
    op->args[1] = temp_arg(a);
    op->args[2] = temp_arg(b);
    op->args[3] = ofs;
    op->args[4] = len;
}

static void g_extract(TCGOpcode opc, TCGType t, TCGTemp *r, TCGTemp *a,
                      unsigned ofs, unsigned len)
{
    g_assert(len > 0 && ofs + len <= width(t));
    if (ofs + len == width(t)) {
        g_shifti(opc == INDEX_op_extract ? INDEX_op_shr : INDEX_op_sar, t, r, a, ofs);
        return;
    }
    if (ofs == 0) {
        if (opc == INDEX_op_extract) {
            g_andi(t, r, a, (1ull << len) - 1);
            return;
        }
        if (len == 8 || len == 16 || (len == 32 && t == TCG_TYPE_I64)) {
            g_un(len == 8 ? INDEX_op_ext8s : len == 16 ? INDEX_op_ext16s
                 : INDEX_op_ext32s, t, r, a);
            return;
        }
    }
    TCGOp *op = tcg_emit_op(opc, t, 4);
    op->args[0] = temp_arg(r);
    op->args[1] = temp_arg(a);
    op->args[2] = ofs;
    op->args[3] = len;
}

static void g_deposit_z(TCGType t, TCGTemp *r, TCGTemp *a, unsigned ofs, unsigned len)
{
    g_assert(len > 0 && ofs + len <= width(t));
    if (ofs + len == width(t)) {
        g_shifti(INDEX_op_shl, t, r, a, ofs);
    } else if (ofs == 0) {
        g_andi(t, r, a, (1ull << len) - 1);
    } else {
        g_deposit(t, r, cst(t, 0), a, ofs, len);
    }
}

static void g_extract2(TCGType t, TCGTemp *r, TCGTemp *al, TCGTemp *ah, unsigned ofs)
{
    g_assert(ofs <= width(t));
    if (ofs == 0) {
        g_mov(t, r, al);
    } else if (ofs == width(t)) {
        g_mov(t, r, ah);
    } else {
        TCGOp *op = tcg_emit_op(INDEX_op_extract2, t, 4);
        op->args[0] = temp_arg(r);
        op->args[1] = temp_arg(al);
        op->args[2] = temp_arg(ah);
        op->args[3] = ofs;
    }
}

static void g_bswap(TCGOpcode opc, TCGType t, TCGTemp *r, TCGTemp *a, int flags)
{
    TCGOp *op = tcg_emit_op(opc, t, 3);
    op->args[0] = temp_arg(r);
    op->args[1] = temp_arg(a);
    op->args[2] = flags;
}

static void g_ldst(TCGOpcode opc, TCGType t, TCGTemp *v, TCGTemp *base, intptr_t ofs)
{
    TCGOp *op = tcg_emit_op(opc, t, 3);
    op->args[0] = temp_arg(v);
    op->args[1] = temp_arg(base);
    op->args[2] = ofs;
}

static void g_mul2(TCGOpcode opc, TCGType t, TCGTemp *rl, TCGTemp *rh,
                   TCGTemp *a, TCGTemp *b)
{
    op4(opc, t, rl, rh, a, b);
}

static void g_mulsu2(TCGType t, TCGTemp *rl, TCGTemp *rh, TCGTemp *a, TCGTemp *b)
{
    /* a signed, b unsigned: the unsigned high part minus b when a < 0. */
    TCGTemp *lo = tmp(t), *hi = tmp(t), *s = tmp(t);
    g_mul2(INDEX_op_mulu2, t, lo, hi, a, b);
    g_bin(INDEX_op_sar, t, s, a, cst(t, width(t) - 1));
    g_bin(INDEX_op_and, t, s, s, b);
    g_bin(INDEX_op_sub, t, rh, hi, s);
    g_mov(t, rl, lo);
}

static void g_addsub2(TCGOpcode opc, TCGType t, TCGTemp *rl, TCGTemp *rh,
                      TCGTemp *al, TCGTemp *ah, TCGTemp *bl, TCGTemp *bh)
{
    TCGOp *op = tcg_emit_op(opc, t, 6);
    op->args[0] = temp_arg(rl);
    op->args[1] = temp_arg(rh);
    op->args[2] = temp_arg(al);
    op->args[3] = temp_arg(ah);
    op->args[4] = temp_arg(bl);
    op->args[5] = temp_arg(bh);
}

static void g_hswap(TCGType t, TCGTemp *r, TCGTemp *a)
{
    if (t == TCG_TYPE_I32) {
        g_bin(INDEX_op_rotl, t, r, a, cst(t, 16));
        return;
    }
    /* Reverse the four halfwords: swap words, then halfwords within them. */
    TCGTemp *x = tmp(t), *hi = tmp(t), *lo = tmp(t);
    g_bin(INDEX_op_rotl, t, x, a, cst(t, 32));
    g_bin(INDEX_op_shr, t, hi, x, cst(t, 16));
    g_bin(INDEX_op_and, t, hi, hi, cst(t, 0x0000ffff0000ffffll));
    g_bin(INDEX_op_and, t, lo, x, cst(t, 0x0000ffff0000ffffll));
    g_bin(INDEX_op_shl, t, lo, lo, cst(t, 16));
    g_bin(INDEX_op_or, t, r, hi, lo);
}

static void g_ext_memop(TCGType t, TCGTemp *r, TCGTemp *a, MemOp opc)
{
    switch (opc & (MO_SIZE | MO_SIGN)) {
    case MO_UB:
        g_un(INDEX_op_ext8u, t, r, a);
        break;
    case MO_SB:
        g_un(INDEX_op_ext8s, t, r, a);
        break;
    case MO_UW:
        g_un(INDEX_op_ext16u, t, r, a);
        break;
    case MO_SW:
        g_un(INDEX_op_ext16s, t, r, a);
        break;
    case MO_UL:
        if (t == TCG_TYPE_I64) {
            g_un(INDEX_op_ext32u, t, r, a);
        } else {
            g_mov(t, r, a);
        }
        break;
    case MO_SL:
        if (t == TCG_TYPE_I64) {
            g_un(INDEX_op_ext32s, t, r, a);
        } else {
            g_mov(t, r, a);
        }
        break;
    default:
        g_mov(t, r, a);
        break;
    }
}

/* ---- guest memory ---- */

static MemOp canonicalize_memop(MemOp op, TCGType t, bool st)
{
    unsigned size = op & MO_SIZE;
    if (size == MO_8) {
        op &= ~MO_BSWAP;
    }
    if (st || size == (t == TCG_TYPE_I32 ? MO_32 : MO_64)) {
        op &= ~MO_SIGN;
    }
    if (t == TCG_TYPE_I32) {
        g_assert(size <= MO_32);
    } else {
        g_assert(size <= MO_64);
    }
    return op;
}

static void g_qemu_ldst(TCGOpcode opc, TCGType t, TCGTemp *v, TCGTemp *addr,
                        TCGArg idx, MemOp memop)
{
    memop = canonicalize_memop(memop, t, opc == INDEX_op_qemu_st);
    TCGOp *op = tcg_emit_op(opc, t, 3);
    op->args[0] = temp_arg(v);
    op->args[1] = temp_arg(addr);
    op->args[2] = make_memop_idx(memop, idx);
}

/*
 * Atomics: one TCG thread runs every vCPU and a TB is never interrupted
 * between two of its ops, so load + op + store is atomic. The result is
 * written only after the store, so a faulting store leaves ret untouched.
 */
typedef void (*AtomicOpFn)(TCGType t, TCGTemp *r, TCGTemp *a, TCGTemp *b);

static void g_atomic_op(TCGType t, TCGTemp *ret, TCGTemp *addr, TCGTemp *val,
                        TCGArg idx, MemOp memop, TCGOpcode opc, TCGCond mmc,
                        bool new_val)
{
    TCGTemp *old = tmp(t), *nv = tmp(t), *v = tmp(t);
    MemOp orig = memop;
    memop &= ~MO_SIGN;
    g_qemu_ldst(INDEX_op_qemu_ld, t, old, addr, idx, memop);
    /* Compare and operate on the values as the memory width sees them. */
    g_ext_memop(t, v, val, memop);
    if (opc == INDEX_op_mov) {
        g_mov(t, nv, v);
    } else if (opc == INDEX_op_movcond) {
        TCGTemp *a = old, *b = v;
        if (mmc == TCG_COND_LT || mmc == TCG_COND_GT) {
            a = tmp(t);
            b = tmp(t);
            g_ext_memop(t, a, old, memop | MO_SIGN);
            g_ext_memop(t, b, val, memop | MO_SIGN);
        }
        g_movcond(t, mmc, nv, a, b, old, v);
    } else {
        g_bin(opc, t, nv, old, v);
    }
    g_qemu_ldst(INDEX_op_qemu_st, t, nv, addr, idx, memop);
    g_ext_memop(t, ret, new_val ? nv : old, orig);
}

static void g_atomic_cmpxchg(TCGType t, TCGTemp *ret, TCGTemp *addr, TCGTemp *cmpv,
                             TCGTemp *newv, TCGArg idx, MemOp memop)
{
    TCGTemp *old = tmp(t), *c = tmp(t), *nv = tmp(t);
    MemOp um = memop & ~MO_SIGN;
    g_qemu_ldst(INDEX_op_qemu_ld, t, old, addr, idx, um);
    g_ext_memop(t, c, cmpv, um);
    g_movcond(t, TCG_COND_EQ, nv, old, c, newv, old);
    g_qemu_ldst(INDEX_op_qemu_st, t, nv, addr, idx, um);
    g_ext_memop(t, ret, old, memop);
}

/* ---- structure ---- */

void tcg_gen_mb(TCGBar type)
{
    TCGOp *op = tcg_emit_op(INDEX_op_mb, TCG_TYPE_I64, 1);
    op->args[0] = type;
}

void tcg_gen_insn_start(uint64_t a0, uint64_t a1, uint64_t a2)
{
    TCGOp *op = tcg_emit_op(INDEX_op_insn_start, TCG_TYPE_I64, 3);
    op->args[0] = a0;
    op->args[1] = a1;
    op->args[2] = a2;
}

void tcg_gen_exit_tb(const TranslationBlock *tb, unsigned idx)
{
    g_assert(idx <= TB_EXIT_REQUESTED);
    g_assert(tb || idx == 0);
    TCGOp *op = tcg_emit_op(INDEX_op_exit_tb, TCG_TYPE_I64, 1);
    op->args[0] = (uintptr_t)tb + idx;
}

void tcg_gen_goto_tb(unsigned idx)
{
    g_assert(idx <= 1);
    TCGOp *op = tcg_emit_op(INDEX_op_goto_tb, TCG_TYPE_I64, 1);
    op->args[0] = idx;
}

void tcg_gen_lookup_and_goto_ptr(void)
{
    /* Filled on first use: the exec layer's helper is found at tcg_init. */
    static TCGHelperInfo info = {
        .name = "lookup_tb_ptr",
        .flags = TCG_CALL_NO_WG_SE,
        .typemask = 6 | (6 << 3),
    };
    info.func = (void *)tcg_ldst_helpers.lookup_tb_ptr;
    TCGTemp *ptr = tcg_temp_new_internal(TCG_TYPE_PTR, TEMP_EBB);
    TCGTemp *env = tcgv_ptr_temp(tcg_env);
    tcg_gen_callN(&info, ptr, &env);
    TCGOp *op = tcg_emit_op(INDEX_op_goto_ptr, TCG_TYPE_PTR, 1);
    op->args[0] = temp_arg(ptr);
}

void tcg_gen_discard_i32(TCGv_i32 arg)
{
    TCGOp *op = tcg_emit_op(INDEX_op_discard, TCG_TYPE_I32, 1);
    op->args[0] = tcgv_i32_arg(arg);
}

void tcg_gen_discard_i64(TCGv_i64 arg)
{
    TCGOp *op = tcg_emit_op(INDEX_op_discard, TCG_TYPE_I64, 1);
    op->args[0] = tcgv_i64_arg(arg);
}

TCGv_i32 tcg_const_i32(int32_t val)
{
    TCGv_i32 t = tcg_temp_new_i32();
    tcg_gen_movi_i32(t, val);
    return t;
}

TCGv_i64 tcg_const_i64(int64_t val)
{
    TCGv_i64 t = tcg_temp_new_i64();
    tcg_gen_movi_i64(t, val);
    return t;
}

/* ---- i32 only / i64 only / between widths ---- */

void tcg_gen_bswap16_i32(TCGv_i32 ret, TCGv_i32 arg, int flags)
{
    g_bswap(INDEX_op_bswap16, TCG_TYPE_I32, T(ret), T(arg), flags);
}

void tcg_gen_bswap32_i32(TCGv_i32 ret, TCGv_i32 arg)
{
    g_bswap(INDEX_op_bswap32, TCG_TYPE_I32, T(ret), T(arg), 0);
}

void tcg_gen_ext32s_i64(TCGv_i64 ret, TCGv_i64 arg)
{
    g_un(INDEX_op_ext32s, TCG_TYPE_I64, T(ret), T(arg));
}

void tcg_gen_ext32u_i64(TCGv_i64 ret, TCGv_i64 arg)
{
    g_un(INDEX_op_ext32u, TCG_TYPE_I64, T(ret), T(arg));
}

void tcg_gen_bswap16_i64(TCGv_i64 ret, TCGv_i64 arg, int flags)
{
    g_bswap(INDEX_op_bswap16, TCG_TYPE_I64, T(ret), T(arg), flags);
}

void tcg_gen_bswap32_i64(TCGv_i64 ret, TCGv_i64 arg, int flags)
{
    g_bswap(INDEX_op_bswap32, TCG_TYPE_I64, T(ret), T(arg), flags);
}

void tcg_gen_bswap64_i64(TCGv_i64 ret, TCGv_i64 arg)
{
    g_bswap(INDEX_op_bswap64, TCG_TYPE_I64, T(ret), T(arg), 0);
}

void tcg_gen_wswap_i64(TCGv_i64 ret, TCGv_i64 arg)
{
    g_bin(INDEX_op_rotl, TCG_TYPE_I64, T(ret), T(arg), cst(TCG_TYPE_I64, 32));
}

void tcg_gen_ext_i64(TCGv_i64 ret, TCGv_i64 val, MemOp opc)
{
    g_ext_memop(TCG_TYPE_I64, T(ret), T(val), opc);
}

void tcg_gen_ext_i32(TCGv_i32 ret, TCGv_i32 val, MemOp opc)
{
    g_ext_memop(TCG_TYPE_I32, T(ret), T(val), opc);
}

void tcg_gen_extu_i32_i64(TCGv_i64 ret, TCGv_i32 arg)
{
    g_un(INDEX_op_extu_i32_i64, TCG_TYPE_I64, T(ret), T(arg));
}

void tcg_gen_ext_i32_i64(TCGv_i64 ret, TCGv_i32 arg)
{
    g_un(INDEX_op_ext_i32_i64, TCG_TYPE_I64, T(ret), T(arg));
}

void tcg_gen_extrl_i64_i32(TCGv_i32 ret, TCGv_i64 arg)
{
    g_un(INDEX_op_extrl_i64_i32, TCG_TYPE_I32, T(ret), T(arg));
}

void tcg_gen_extrh_i64_i32(TCGv_i32 ret, TCGv_i64 arg)
{
    g_un(INDEX_op_extrh_i64_i32, TCG_TYPE_I32, T(ret), T(arg));
}

void tcg_gen_extr_i64_i32(TCGv_i32 lo, TCGv_i32 hi, TCGv_i64 arg)
{
    TCGTemp *a = tmp(TCG_TYPE_I64);
    g_mov(TCG_TYPE_I64, a, T(arg));
    g_un(INDEX_op_extrl_i64_i32, TCG_TYPE_I32, T(lo), a);
    g_un(INDEX_op_extrh_i64_i32, TCG_TYPE_I32, T(hi), a);
}

void tcg_gen_concat_i32_i64(TCGv_i64 dest, TCGv_i32 low, TCGv_i32 high)
{
    TCGTemp *l = tmp(TCG_TYPE_I64), *h = tmp(TCG_TYPE_I64);
    g_un(INDEX_op_extu_i32_i64, TCG_TYPE_I64, l, T(low));
    g_un(INDEX_op_extu_i32_i64, TCG_TYPE_I64, h, T(high));
    g_deposit(TCG_TYPE_I64, T(dest), l, h, 32, 32);
}

void tcg_gen_concat32_i64(TCGv_i64 dest, TCGv_i64 low, TCGv_i64 high)
{
    g_deposit(TCG_TYPE_I64, T(dest), T(low), T(high), 32, 32);
}

void tcg_gen_extr32_i64(TCGv_i64 lo, TCGv_i64 hi, TCGv_i64 arg)
{
    TCGTemp *a = tmp(TCG_TYPE_I64);
    g_mov(TCG_TYPE_I64, a, T(arg));
    g_un(INDEX_op_ext32u, TCG_TYPE_I64, T(lo), a);
    g_bin(INDEX_op_shr, TCG_TYPE_I64, T(hi), a, cst(TCG_TYPE_I64, 32));
}

/* ---- i128 ---- */

void tcg_gen_extr_i128_i64(TCGv_i64 lo, TCGv_i64 hi, TCGv_i128 arg)
{
    TCGTemp *a = T(arg);
    TCGTemp *l = tmp(TCG_TYPE_I64), *h = tmp(TCG_TYPE_I64);
    g_mov(TCG_TYPE_I64, l, a);
    g_mov(TCG_TYPE_I64, h, a + 1);
    g_mov(TCG_TYPE_I64, T(lo), l);
    g_mov(TCG_TYPE_I64, T(hi), h);
}

void tcg_gen_concat_i64_i128(TCGv_i128 ret, TCGv_i64 lo, TCGv_i64 hi)
{
    TCGTemp *r = T(ret);
    TCGTemp *l = tmp(TCG_TYPE_I64), *h = tmp(TCG_TYPE_I64);
    g_mov(TCG_TYPE_I64, l, T(lo));
    g_mov(TCG_TYPE_I64, h, T(hi));
    g_mov(TCG_TYPE_I64, r, l);
    g_mov(TCG_TYPE_I64, r + 1, h);
}

void tcg_gen_mov_i128(TCGv_i128 dst, TCGv_i128 src)
{
    g_mov(TCG_TYPE_I64, T(dst), T(src));
    g_mov(TCG_TYPE_I64, T(dst) + 1, T(src) + 1);
}

/*
 * 16 bytes as two 8-byte accesses at addr and addr + 8; the half at the
 * lower address is the low half for little-endian. 16-byte alignment is
 * checked by the first access.
 */
static void g_ldst_i128(bool st, TCGTemp *val, TCGTemp *addr, TCGArg idx, MemOp memop)
{
    bool be = (memop & MO_BSWAP) != 0;
    MemOp m = (memop & ~(MO_SIZE | MO_SIGN | MO_ATOM_MASK)) | MO_64;
    MemOp m0 = m, m1 = m & ~MO_AMASK;
    if ((memop & MO_AMASK) == MO_ALIGN || (memop & MO_AMASK) == MO_ALIGN_16) {
        m0 = (m & ~MO_AMASK) | MO_ALIGN_16;
    }
    TCGTemp *a1 = tmp(TCG_TYPE_I64);
    TCGTemp *first = be ? val + 1 : val, *second = be ? val : val + 1;
    g_bin(INDEX_op_add, TCG_TYPE_I64, a1, addr, cst(TCG_TYPE_I64, 8));
    if (st) {
        g_qemu_ldst(INDEX_op_qemu_st, TCG_TYPE_I64, first, addr, idx, m0);
        g_qemu_ldst(INDEX_op_qemu_st, TCG_TYPE_I64, second, a1, idx, m1);
    } else {
        TCGTemp *t0 = tmp(TCG_TYPE_I64), *t1 = tmp(TCG_TYPE_I64);
        g_qemu_ldst(INDEX_op_qemu_ld, TCG_TYPE_I64, t0, addr, idx, m0);
        g_qemu_ldst(INDEX_op_qemu_ld, TCG_TYPE_I64, t1, a1, idx, m1);
        g_mov(TCG_TYPE_I64, first, t0);
        g_mov(TCG_TYPE_I64, second, t1);
    }
}

void tcg_gen_qemu_ld_i128(TCGv_i128 val, TCGv_i64 addr, TCGArg idx, MemOp memop)
{
    g_ldst_i128(false, T(val), T(addr), idx, memop);
}

void tcg_gen_qemu_st_i128(TCGv_i128 val, TCGv_i64 addr, TCGArg idx, MemOp memop)
{
    g_ldst_i128(true, T(val), T(addr), idx, memop);
}

void tcg_gen_atomic_cmpxchg_i128(TCGv_i128 retv, TCGv_i64 addr, TCGv_i128 cmpv,
                                 TCGv_i128 newv, TCGArg idx, MemOp memop)
{
    TCGType t = TCG_TYPE_I64;
    TCGTemp *old = tcgv_i128_temp(tcg_temp_new_i128());
    TCGTemp *nv = tcgv_i128_temp(tcg_temp_new_i128());
    TCGTemp *eq = tmp(t), *eh = tmp(t);

    g_ldst_i128(false, old, T(addr), idx, memop);
    g_setcond(INDEX_op_setcond, t, TCG_COND_EQ, eq, old, T(cmpv));
    g_setcond(INDEX_op_setcond, t, TCG_COND_EQ, eh, old + 1, T(cmpv) + 1);
    g_bin(INDEX_op_and, t, eq, eq, eh);
    g_movcond(t, TCG_COND_NE, nv, eq, cst(t, 0), T(newv), old);
    g_movcond(t, TCG_COND_NE, nv + 1, eq, cst(t, 0), T(newv) + 1, old + 1);
    g_ldst_i128(true, nv, T(addr), idx, memop);
    g_mov(t, T(retv), old);
    g_mov(t, T(retv) + 1, old + 1);
}

/* ---- typed wrappers ---- */
void tcg_gen_movi_i32(TCGv_i32 ret, int32_t arg)
{
    g_movi(TCG_TYPE_I32, T(ret), arg);
}

void tcg_gen_mov_i32(TCGv_i32 ret, TCGv_i32 arg)
{
    g_mov(TCG_TYPE_I32, T(ret), T(arg));
}

void tcg_gen_neg_i32(TCGv_i32 ret, TCGv_i32 arg)
{
    g_un(INDEX_op_neg, TCG_TYPE_I32, T(ret), T(arg));
}

void tcg_gen_not_i32(TCGv_i32 ret, TCGv_i32 arg)
{
    g_un(INDEX_op_not, TCG_TYPE_I32, T(ret), T(arg));
}

void tcg_gen_abs_i32(TCGv_i32 ret, TCGv_i32 arg)
{
    g_abs(TCG_TYPE_I32, T(ret), T(arg));
}

void tcg_gen_ctpop_i32(TCGv_i32 ret, TCGv_i32 arg)
{
    g_un(INDEX_op_ctpop, TCG_TYPE_I32, T(ret), T(arg));
}

void tcg_gen_clrsb_i32(TCGv_i32 ret, TCGv_i32 arg)
{
    g_clrsb(TCG_TYPE_I32, T(ret), T(arg));
}

void tcg_gen_ext8s_i32(TCGv_i32 ret, TCGv_i32 arg)
{
    g_un(INDEX_op_ext8s, TCG_TYPE_I32, T(ret), T(arg));
}

void tcg_gen_ext8u_i32(TCGv_i32 ret, TCGv_i32 arg)
{
    g_un(INDEX_op_ext8u, TCG_TYPE_I32, T(ret), T(arg));
}

void tcg_gen_ext16s_i32(TCGv_i32 ret, TCGv_i32 arg)
{
    g_un(INDEX_op_ext16s, TCG_TYPE_I32, T(ret), T(arg));
}

void tcg_gen_ext16u_i32(TCGv_i32 ret, TCGv_i32 arg)
{
    g_un(INDEX_op_ext16u, TCG_TYPE_I32, T(ret), T(arg));
}

void tcg_gen_hswap_i32(TCGv_i32 ret, TCGv_i32 arg)
{
    g_hswap(TCG_TYPE_I32, T(ret), T(arg));
}

void tcg_gen_add_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_add, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_sub_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_sub, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_mul_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_mul, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_div_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_div, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_divu_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_divu, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_rem_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_rem, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_remu_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_remu, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_and_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_and, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_or_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_or, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_xor_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_xor, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_andc_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_andc, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_orc_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_orc, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_eqv_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_eqv, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_nand_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_nand, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_nor_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_nor, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_shl_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_shl, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_shr_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_shr, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_sar_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_sar, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_rotl_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_rotl, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_rotr_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_rotr, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_muluh_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_muluh, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_mulsh_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_mulsh, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_smin_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_minmax(TCG_TYPE_I32, TCG_COND_LT, T(ret), T(arg1), T(arg2));
}

void tcg_gen_smax_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_minmax(TCG_TYPE_I32, TCG_COND_GT, T(ret), T(arg1), T(arg2));
}

void tcg_gen_umin_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_minmax(TCG_TYPE_I32, TCG_COND_LTU, T(ret), T(arg1), T(arg2));
}

void tcg_gen_umax_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_minmax(TCG_TYPE_I32, TCG_COND_GTU, T(ret), T(arg1), T(arg2));
}

void tcg_gen_clz_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_clz, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_ctz_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_bin(INDEX_op_ctz, TCG_TYPE_I32, T(ret), T(arg1), T(arg2));
}

void tcg_gen_addi_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2)
{
    g_addi(TCG_TYPE_I32, T(ret), T(arg1), arg2);
}

void tcg_gen_subi_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2)
{
    g_subi(TCG_TYPE_I32, T(ret), T(arg1), arg2);
}

void tcg_gen_muli_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2)
{
    g_muli(TCG_TYPE_I32, T(ret), T(arg1), arg2);
}

void tcg_gen_andi_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2)
{
    g_andi(TCG_TYPE_I32, T(ret), T(arg1), arg2);
}

void tcg_gen_ori_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2)
{
    g_ori(TCG_TYPE_I32, T(ret), T(arg1), arg2);
}

void tcg_gen_xori_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2)
{
    g_xori(TCG_TYPE_I32, T(ret), T(arg1), arg2);
}

void tcg_gen_shli_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2)
{
    g_shifti(INDEX_op_shl, TCG_TYPE_I32, T(ret), T(arg1), arg2);
}

void tcg_gen_shri_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2)
{
    g_shifti(INDEX_op_shr, TCG_TYPE_I32, T(ret), T(arg1), arg2);
}

void tcg_gen_sari_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2)
{
    g_shifti(INDEX_op_sar, TCG_TYPE_I32, T(ret), T(arg1), arg2);
}

void tcg_gen_rotli_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2)
{
    g_shifti(INDEX_op_rotl, TCG_TYPE_I32, T(ret), T(arg1), arg2);
}

void tcg_gen_rotri_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2)
{
    g_shifti(INDEX_op_rotr, TCG_TYPE_I32, T(ret), T(arg1), arg2);
}

void tcg_gen_subfi_i32(TCGv_i32 ret, int32_t arg1, TCGv_i32 arg2)
{
    g_subfi(TCG_TYPE_I32, T(ret), arg1, T(arg2));
}

void tcg_gen_clzi_i32(TCGv_i32 ret, TCGv_i32 arg1, uint32_t arg2)
{
    g_bin(INDEX_op_clz, TCG_TYPE_I32, T(ret), T(arg1), cst(TCG_TYPE_I32, arg2));
}

void tcg_gen_ctzi_i32(TCGv_i32 ret, TCGv_i32 arg1, uint32_t arg2)
{
    g_bin(INDEX_op_ctz, TCG_TYPE_I32, T(ret), T(arg1), cst(TCG_TYPE_I32, arg2));
}

void tcg_gen_mulu2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_mul2(INDEX_op_mulu2, TCG_TYPE_I32, T(rl), T(rh), T(arg1), T(arg2));
}

void tcg_gen_muls2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_mul2(INDEX_op_muls2, TCG_TYPE_I32, T(rl), T(rh), T(arg1), T(arg2));
}

void tcg_gen_mulsu2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_mulsu2(TCG_TYPE_I32, T(rl), T(rh), T(arg1), T(arg2));
}

void tcg_gen_add2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 al, TCGv_i32 ah, TCGv_i32 bl, TCGv_i32 bh)
{
    g_addsub2(INDEX_op_add2, TCG_TYPE_I32, T(rl), T(rh), T(al), T(ah), T(bl), T(bh));
}

void tcg_gen_sub2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 al, TCGv_i32 ah, TCGv_i32 bl, TCGv_i32 bh)
{
    g_addsub2(INDEX_op_sub2, TCG_TYPE_I32, T(rl), T(rh), T(al), T(ah), T(bl), T(bh));
}

void tcg_gen_setcond_i32(TCGCond cond, TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_setcond(INDEX_op_setcond, TCG_TYPE_I32, cond, T(ret), T(arg1), T(arg2));
}

void tcg_gen_setcondi_i32(TCGCond cond, TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2)
{
    g_setcond(INDEX_op_setcond, TCG_TYPE_I32, cond, T(ret), T(arg1), cst(TCG_TYPE_I32, arg2));
}

void tcg_gen_negsetcond_i32(TCGCond cond, TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2)
{
    g_setcond(INDEX_op_negsetcond, TCG_TYPE_I32, cond, T(ret), T(arg1), T(arg2));
}

void tcg_gen_negsetcondi_i32(TCGCond cond, TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2)
{
    g_setcond(INDEX_op_negsetcond, TCG_TYPE_I32, cond, T(ret), T(arg1), cst(TCG_TYPE_I32, arg2));
}

void tcg_gen_movcond_i32(TCGCond cond, TCGv_i32 ret, TCGv_i32 c1, TCGv_i32 c2, TCGv_i32 v1, TCGv_i32 v2)
{
    g_movcond(TCG_TYPE_I32, cond, T(ret), T(c1), T(c2), T(v1), T(v2));
}

void tcg_gen_brcond_i32(TCGCond cond, TCGv_i32 arg1, TCGv_i32 arg2, TCGLabel *l)
{
    g_brcond(TCG_TYPE_I32, cond, T(arg1), T(arg2), l);
}

void tcg_gen_brcondi_i32(TCGCond cond, TCGv_i32 arg1, int32_t arg2, TCGLabel *l)
{
    g_brcond(TCG_TYPE_I32, cond, T(arg1), cst(TCG_TYPE_I32, arg2), l);
}

void tcg_gen_deposit_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2, unsigned ofs, unsigned len)
{
    g_deposit(TCG_TYPE_I32, T(ret), T(arg1), T(arg2), ofs, len);
}

void tcg_gen_deposit_z_i32(TCGv_i32 ret, TCGv_i32 arg, unsigned ofs, unsigned len)
{
    g_deposit_z(TCG_TYPE_I32, T(ret), T(arg), ofs, len);
}

void tcg_gen_extract_i32(TCGv_i32 ret, TCGv_i32 arg, unsigned ofs, unsigned len)
{
    g_extract(INDEX_op_extract, TCG_TYPE_I32, T(ret), T(arg), ofs, len);
}

void tcg_gen_sextract_i32(TCGv_i32 ret, TCGv_i32 arg, unsigned ofs, unsigned len)
{
    g_extract(INDEX_op_sextract, TCG_TYPE_I32, T(ret), T(arg), ofs, len);
}

void tcg_gen_extract2_i32(TCGv_i32 ret, TCGv_i32 al, TCGv_i32 ah, unsigned ofs)
{
    g_extract2(TCG_TYPE_I32, T(ret), T(al), T(ah), ofs);
}

void tcg_gen_ld8u_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_ld8u, TCG_TYPE_I32, T(ret), T(base), offset);
}

void tcg_gen_ld8s_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_ld8s, TCG_TYPE_I32, T(ret), T(base), offset);
}

void tcg_gen_ld16u_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_ld16u, TCG_TYPE_I32, T(ret), T(base), offset);
}

void tcg_gen_ld16s_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_ld16s, TCG_TYPE_I32, T(ret), T(base), offset);
}

void tcg_gen_ld_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_ld, TCG_TYPE_I32, T(ret), T(base), offset);
}

void tcg_gen_st8_i32(TCGv_i32 arg, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_st8, TCG_TYPE_I32, T(arg), T(base), offset);
}

void tcg_gen_st16_i32(TCGv_i32 arg, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_st16, TCG_TYPE_I32, T(arg), T(base), offset);
}

void tcg_gen_st_i32(TCGv_i32 arg, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_st, TCG_TYPE_I32, T(arg), T(base), offset);
}

void tcg_gen_qemu_ld_i32(TCGv_i32 val, TCGv_i64 addr, TCGArg idx, MemOp memop)
{
    g_qemu_ldst(INDEX_op_qemu_ld, TCG_TYPE_I32, T(val), T(addr), idx, memop);
}

void tcg_gen_qemu_st_i32(TCGv_i32 val, TCGv_i64 addr, TCGArg idx, MemOp memop)
{
    g_qemu_ldst(INDEX_op_qemu_st, TCG_TYPE_I32, T(val), T(addr), idx, memop);
}

void tcg_gen_atomic_cmpxchg_i32(TCGv_i32 retv, TCGv_i64 addr, TCGv_i32 cmpv, TCGv_i32 newv, TCGArg idx, MemOp memop)
{
    g_atomic_cmpxchg(TCG_TYPE_I32, T(retv), T(addr), T(cmpv), T(newv), idx, memop);
}

void tcg_gen_atomic_xchg_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I32, T(ret), T(addr), T(val), idx, memop, INDEX_op_mov, TCG_COND_NEVER, false);
}

void tcg_gen_atomic_fetch_add_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I32, T(ret), T(addr), T(val), idx, memop, INDEX_op_add, TCG_COND_NEVER, false);
}

void tcg_gen_atomic_fetch_and_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I32, T(ret), T(addr), T(val), idx, memop, INDEX_op_and, TCG_COND_NEVER, false);
}

void tcg_gen_atomic_fetch_or_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I32, T(ret), T(addr), T(val), idx, memop, INDEX_op_or, TCG_COND_NEVER, false);
}

void tcg_gen_atomic_fetch_xor_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I32, T(ret), T(addr), T(val), idx, memop, INDEX_op_xor, TCG_COND_NEVER, false);
}

void tcg_gen_atomic_fetch_smin_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I32, T(ret), T(addr), T(val), idx, memop, INDEX_op_movcond, TCG_COND_LT, false);
}

void tcg_gen_atomic_fetch_smax_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I32, T(ret), T(addr), T(val), idx, memop, INDEX_op_movcond, TCG_COND_GT, false);
}

void tcg_gen_atomic_fetch_umin_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I32, T(ret), T(addr), T(val), idx, memop, INDEX_op_movcond, TCG_COND_LTU, false);
}

void tcg_gen_atomic_fetch_umax_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I32, T(ret), T(addr), T(val), idx, memop, INDEX_op_movcond, TCG_COND_GTU, false);
}

void tcg_gen_atomic_add_fetch_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I32, T(ret), T(addr), T(val), idx, memop, INDEX_op_add, TCG_COND_NEVER, true);
}

void tcg_gen_atomic_and_fetch_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I32, T(ret), T(addr), T(val), idx, memop, INDEX_op_and, TCG_COND_NEVER, true);
}

void tcg_gen_atomic_or_fetch_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I32, T(ret), T(addr), T(val), idx, memop, INDEX_op_or, TCG_COND_NEVER, true);
}

void tcg_gen_atomic_xor_fetch_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I32, T(ret), T(addr), T(val), idx, memop, INDEX_op_xor, TCG_COND_NEVER, true);
}

void tcg_gen_atomic_smin_fetch_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I32, T(ret), T(addr), T(val), idx, memop, INDEX_op_movcond, TCG_COND_LT, true);
}

void tcg_gen_atomic_smax_fetch_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I32, T(ret), T(addr), T(val), idx, memop, INDEX_op_movcond, TCG_COND_GT, true);
}

void tcg_gen_atomic_umin_fetch_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I32, T(ret), T(addr), T(val), idx, memop, INDEX_op_movcond, TCG_COND_LTU, true);
}

void tcg_gen_atomic_umax_fetch_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I32, T(ret), T(addr), T(val), idx, memop, INDEX_op_movcond, TCG_COND_GTU, true);
}

void tcg_gen_movi_i64(TCGv_i64 ret, int64_t arg)
{
    g_movi(TCG_TYPE_I64, T(ret), arg);
}

void tcg_gen_mov_i64(TCGv_i64 ret, TCGv_i64 arg)
{
    g_mov(TCG_TYPE_I64, T(ret), T(arg));
}

void tcg_gen_neg_i64(TCGv_i64 ret, TCGv_i64 arg)
{
    g_un(INDEX_op_neg, TCG_TYPE_I64, T(ret), T(arg));
}

void tcg_gen_not_i64(TCGv_i64 ret, TCGv_i64 arg)
{
    g_un(INDEX_op_not, TCG_TYPE_I64, T(ret), T(arg));
}

void tcg_gen_abs_i64(TCGv_i64 ret, TCGv_i64 arg)
{
    g_abs(TCG_TYPE_I64, T(ret), T(arg));
}

void tcg_gen_ctpop_i64(TCGv_i64 ret, TCGv_i64 arg)
{
    g_un(INDEX_op_ctpop, TCG_TYPE_I64, T(ret), T(arg));
}

void tcg_gen_clrsb_i64(TCGv_i64 ret, TCGv_i64 arg)
{
    g_clrsb(TCG_TYPE_I64, T(ret), T(arg));
}

void tcg_gen_ext8s_i64(TCGv_i64 ret, TCGv_i64 arg)
{
    g_un(INDEX_op_ext8s, TCG_TYPE_I64, T(ret), T(arg));
}

void tcg_gen_ext8u_i64(TCGv_i64 ret, TCGv_i64 arg)
{
    g_un(INDEX_op_ext8u, TCG_TYPE_I64, T(ret), T(arg));
}

void tcg_gen_ext16s_i64(TCGv_i64 ret, TCGv_i64 arg)
{
    g_un(INDEX_op_ext16s, TCG_TYPE_I64, T(ret), T(arg));
}

void tcg_gen_ext16u_i64(TCGv_i64 ret, TCGv_i64 arg)
{
    g_un(INDEX_op_ext16u, TCG_TYPE_I64, T(ret), T(arg));
}

void tcg_gen_hswap_i64(TCGv_i64 ret, TCGv_i64 arg)
{
    g_hswap(TCG_TYPE_I64, T(ret), T(arg));
}

void tcg_gen_add_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_add, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_sub_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_sub, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_mul_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_mul, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_div_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_div, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_divu_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_divu, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_rem_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_rem, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_remu_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_remu, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_and_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_and, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_or_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_or, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_xor_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_xor, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_andc_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_andc, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_orc_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_orc, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_eqv_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_eqv, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_nand_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_nand, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_nor_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_nor, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_shl_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_shl, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_shr_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_shr, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_sar_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_sar, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_rotl_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_rotl, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_rotr_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_rotr, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_muluh_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_muluh, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_mulsh_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_mulsh, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_smin_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_minmax(TCG_TYPE_I64, TCG_COND_LT, T(ret), T(arg1), T(arg2));
}

void tcg_gen_smax_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_minmax(TCG_TYPE_I64, TCG_COND_GT, T(ret), T(arg1), T(arg2));
}

void tcg_gen_umin_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_minmax(TCG_TYPE_I64, TCG_COND_LTU, T(ret), T(arg1), T(arg2));
}

void tcg_gen_umax_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_minmax(TCG_TYPE_I64, TCG_COND_GTU, T(ret), T(arg1), T(arg2));
}

void tcg_gen_clz_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_clz, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_ctz_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_bin(INDEX_op_ctz, TCG_TYPE_I64, T(ret), T(arg1), T(arg2));
}

void tcg_gen_addi_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2)
{
    g_addi(TCG_TYPE_I64, T(ret), T(arg1), arg2);
}

void tcg_gen_subi_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2)
{
    g_subi(TCG_TYPE_I64, T(ret), T(arg1), arg2);
}

void tcg_gen_muli_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2)
{
    g_muli(TCG_TYPE_I64, T(ret), T(arg1), arg2);
}

void tcg_gen_andi_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2)
{
    g_andi(TCG_TYPE_I64, T(ret), T(arg1), arg2);
}

void tcg_gen_ori_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2)
{
    g_ori(TCG_TYPE_I64, T(ret), T(arg1), arg2);
}

void tcg_gen_xori_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2)
{
    g_xori(TCG_TYPE_I64, T(ret), T(arg1), arg2);
}

void tcg_gen_shli_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2)
{
    g_shifti(INDEX_op_shl, TCG_TYPE_I64, T(ret), T(arg1), arg2);
}

void tcg_gen_shri_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2)
{
    g_shifti(INDEX_op_shr, TCG_TYPE_I64, T(ret), T(arg1), arg2);
}

void tcg_gen_sari_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2)
{
    g_shifti(INDEX_op_sar, TCG_TYPE_I64, T(ret), T(arg1), arg2);
}

void tcg_gen_rotli_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2)
{
    g_shifti(INDEX_op_rotl, TCG_TYPE_I64, T(ret), T(arg1), arg2);
}

void tcg_gen_rotri_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2)
{
    g_shifti(INDEX_op_rotr, TCG_TYPE_I64, T(ret), T(arg1), arg2);
}

void tcg_gen_subfi_i64(TCGv_i64 ret, int64_t arg1, TCGv_i64 arg2)
{
    g_subfi(TCG_TYPE_I64, T(ret), arg1, T(arg2));
}

void tcg_gen_clzi_i64(TCGv_i64 ret, TCGv_i64 arg1, uint64_t arg2)
{
    g_bin(INDEX_op_clz, TCG_TYPE_I64, T(ret), T(arg1), cst(TCG_TYPE_I64, arg2));
}

void tcg_gen_ctzi_i64(TCGv_i64 ret, TCGv_i64 arg1, uint64_t arg2)
{
    g_bin(INDEX_op_ctz, TCG_TYPE_I64, T(ret), T(arg1), cst(TCG_TYPE_I64, arg2));
}

void tcg_gen_mulu2_i64(TCGv_i64 rl, TCGv_i64 rh, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_mul2(INDEX_op_mulu2, TCG_TYPE_I64, T(rl), T(rh), T(arg1), T(arg2));
}

void tcg_gen_muls2_i64(TCGv_i64 rl, TCGv_i64 rh, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_mul2(INDEX_op_muls2, TCG_TYPE_I64, T(rl), T(rh), T(arg1), T(arg2));
}

void tcg_gen_mulsu2_i64(TCGv_i64 rl, TCGv_i64 rh, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_mulsu2(TCG_TYPE_I64, T(rl), T(rh), T(arg1), T(arg2));
}

void tcg_gen_add2_i64(TCGv_i64 rl, TCGv_i64 rh, TCGv_i64 al, TCGv_i64 ah, TCGv_i64 bl, TCGv_i64 bh)
{
    g_addsub2(INDEX_op_add2, TCG_TYPE_I64, T(rl), T(rh), T(al), T(ah), T(bl), T(bh));
}

void tcg_gen_sub2_i64(TCGv_i64 rl, TCGv_i64 rh, TCGv_i64 al, TCGv_i64 ah, TCGv_i64 bl, TCGv_i64 bh)
{
    g_addsub2(INDEX_op_sub2, TCG_TYPE_I64, T(rl), T(rh), T(al), T(ah), T(bl), T(bh));
}

void tcg_gen_setcond_i64(TCGCond cond, TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_setcond(INDEX_op_setcond, TCG_TYPE_I64, cond, T(ret), T(arg1), T(arg2));
}

void tcg_gen_setcondi_i64(TCGCond cond, TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2)
{
    g_setcond(INDEX_op_setcond, TCG_TYPE_I64, cond, T(ret), T(arg1), cst(TCG_TYPE_I64, arg2));
}

void tcg_gen_negsetcond_i64(TCGCond cond, TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2)
{
    g_setcond(INDEX_op_negsetcond, TCG_TYPE_I64, cond, T(ret), T(arg1), T(arg2));
}

void tcg_gen_negsetcondi_i64(TCGCond cond, TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2)
{
    g_setcond(INDEX_op_negsetcond, TCG_TYPE_I64, cond, T(ret), T(arg1), cst(TCG_TYPE_I64, arg2));
}

void tcg_gen_movcond_i64(TCGCond cond, TCGv_i64 ret, TCGv_i64 c1, TCGv_i64 c2, TCGv_i64 v1, TCGv_i64 v2)
{
    g_movcond(TCG_TYPE_I64, cond, T(ret), T(c1), T(c2), T(v1), T(v2));
}

void tcg_gen_brcond_i64(TCGCond cond, TCGv_i64 arg1, TCGv_i64 arg2, TCGLabel *l)
{
    g_brcond(TCG_TYPE_I64, cond, T(arg1), T(arg2), l);
}

void tcg_gen_brcondi_i64(TCGCond cond, TCGv_i64 arg1, int64_t arg2, TCGLabel *l)
{
    g_brcond(TCG_TYPE_I64, cond, T(arg1), cst(TCG_TYPE_I64, arg2), l);
}

void tcg_gen_deposit_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2, unsigned ofs, unsigned len)
{
    g_deposit(TCG_TYPE_I64, T(ret), T(arg1), T(arg2), ofs, len);
}

void tcg_gen_deposit_z_i64(TCGv_i64 ret, TCGv_i64 arg, unsigned ofs, unsigned len)
{
    g_deposit_z(TCG_TYPE_I64, T(ret), T(arg), ofs, len);
}

void tcg_gen_extract_i64(TCGv_i64 ret, TCGv_i64 arg, unsigned ofs, unsigned len)
{
    g_extract(INDEX_op_extract, TCG_TYPE_I64, T(ret), T(arg), ofs, len);
}

void tcg_gen_sextract_i64(TCGv_i64 ret, TCGv_i64 arg, unsigned ofs, unsigned len)
{
    g_extract(INDEX_op_sextract, TCG_TYPE_I64, T(ret), T(arg), ofs, len);
}

void tcg_gen_extract2_i64(TCGv_i64 ret, TCGv_i64 al, TCGv_i64 ah, unsigned ofs)
{
    g_extract2(TCG_TYPE_I64, T(ret), T(al), T(ah), ofs);
}

void tcg_gen_ld8u_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_ld8u, TCG_TYPE_I64, T(ret), T(base), offset);
}

void tcg_gen_ld8s_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_ld8s, TCG_TYPE_I64, T(ret), T(base), offset);
}

void tcg_gen_ld16u_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_ld16u, TCG_TYPE_I64, T(ret), T(base), offset);
}

void tcg_gen_ld16s_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_ld16s, TCG_TYPE_I64, T(ret), T(base), offset);
}

void tcg_gen_ld32u_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_ld32u, TCG_TYPE_I64, T(ret), T(base), offset);
}

void tcg_gen_ld32s_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_ld32s, TCG_TYPE_I64, T(ret), T(base), offset);
}

void tcg_gen_ld_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_ld, TCG_TYPE_I64, T(ret), T(base), offset);
}

void tcg_gen_st8_i64(TCGv_i64 arg, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_st8, TCG_TYPE_I64, T(arg), T(base), offset);
}

void tcg_gen_st16_i64(TCGv_i64 arg, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_st16, TCG_TYPE_I64, T(arg), T(base), offset);
}

void tcg_gen_st32_i64(TCGv_i64 arg, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_st32, TCG_TYPE_I64, T(arg), T(base), offset);
}

void tcg_gen_st_i64(TCGv_i64 arg, TCGv_ptr base, intptr_t offset)
{
    g_ldst(INDEX_op_st, TCG_TYPE_I64, T(arg), T(base), offset);
}

void tcg_gen_qemu_ld_i64(TCGv_i64 val, TCGv_i64 addr, TCGArg idx, MemOp memop)
{
    g_qemu_ldst(INDEX_op_qemu_ld, TCG_TYPE_I64, T(val), T(addr), idx, memop);
}

void tcg_gen_qemu_st_i64(TCGv_i64 val, TCGv_i64 addr, TCGArg idx, MemOp memop)
{
    g_qemu_ldst(INDEX_op_qemu_st, TCG_TYPE_I64, T(val), T(addr), idx, memop);
}

void tcg_gen_atomic_cmpxchg_i64(TCGv_i64 retv, TCGv_i64 addr, TCGv_i64 cmpv, TCGv_i64 newv, TCGArg idx, MemOp memop)
{
    g_atomic_cmpxchg(TCG_TYPE_I64, T(retv), T(addr), T(cmpv), T(newv), idx, memop);
}

void tcg_gen_atomic_xchg_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I64, T(ret), T(addr), T(val), idx, memop, INDEX_op_mov, TCG_COND_NEVER, false);
}

void tcg_gen_atomic_fetch_add_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I64, T(ret), T(addr), T(val), idx, memop, INDEX_op_add, TCG_COND_NEVER, false);
}

void tcg_gen_atomic_fetch_and_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I64, T(ret), T(addr), T(val), idx, memop, INDEX_op_and, TCG_COND_NEVER, false);
}

void tcg_gen_atomic_fetch_or_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I64, T(ret), T(addr), T(val), idx, memop, INDEX_op_or, TCG_COND_NEVER, false);
}

void tcg_gen_atomic_fetch_xor_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I64, T(ret), T(addr), T(val), idx, memop, INDEX_op_xor, TCG_COND_NEVER, false);
}

void tcg_gen_atomic_fetch_smin_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I64, T(ret), T(addr), T(val), idx, memop, INDEX_op_movcond, TCG_COND_LT, false);
}

void tcg_gen_atomic_fetch_smax_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I64, T(ret), T(addr), T(val), idx, memop, INDEX_op_movcond, TCG_COND_GT, false);
}

void tcg_gen_atomic_fetch_umin_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I64, T(ret), T(addr), T(val), idx, memop, INDEX_op_movcond, TCG_COND_LTU, false);
}

void tcg_gen_atomic_fetch_umax_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I64, T(ret), T(addr), T(val), idx, memop, INDEX_op_movcond, TCG_COND_GTU, false);
}

void tcg_gen_atomic_add_fetch_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I64, T(ret), T(addr), T(val), idx, memop, INDEX_op_add, TCG_COND_NEVER, true);
}

void tcg_gen_atomic_and_fetch_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I64, T(ret), T(addr), T(val), idx, memop, INDEX_op_and, TCG_COND_NEVER, true);
}

void tcg_gen_atomic_or_fetch_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I64, T(ret), T(addr), T(val), idx, memop, INDEX_op_or, TCG_COND_NEVER, true);
}

void tcg_gen_atomic_xor_fetch_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I64, T(ret), T(addr), T(val), idx, memop, INDEX_op_xor, TCG_COND_NEVER, true);
}

void tcg_gen_atomic_smin_fetch_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I64, T(ret), T(addr), T(val), idx, memop, INDEX_op_movcond, TCG_COND_LT, true);
}

void tcg_gen_atomic_smax_fetch_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I64, T(ret), T(addr), T(val), idx, memop, INDEX_op_movcond, TCG_COND_GT, true);
}

void tcg_gen_atomic_umin_fetch_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I64, T(ret), T(addr), T(val), idx, memop, INDEX_op_movcond, TCG_COND_LTU, true);
}

void tcg_gen_atomic_umax_fetch_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop)
{
    g_atomic_op(TCG_TYPE_I64, T(ret), T(addr), T(val), idx, memop, INDEX_op_movcond, TCG_COND_GTU, true);
}
