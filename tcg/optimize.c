/*
 * optimize.c - one forward pass over a TB's ops: constant propagation and
 * folding, copy propagation, algebraic identities, branch folding, and
 * known-zero bits per temp (to drop redundant masks and extensions).
 *
 * Shape: every opcode is dispatched from one switch in tcg_optimize() to
 * one fold_* function for its family; the switch lists every opcode, so a
 * new opcode fails to compile (-Wswitch) and an unexpected one asserts.
 * Knowledge about a temp lives in TempInfo and is dropped at every label
 * (several predecessors) and, for globals, at helper calls that may write
 * them. A copy is remembered as (source, source's version): writing the
 * source bumps its version, which invalidates every copy of it in O(1).
 *
 * Folded arithmetic follows the IR's documented semantics, including the
 * defined results of division by zero (see interp.c); the random
 * differential test checks it against both backends.
 */
#include "util/osdep.h"
#include "tcg/tcg.h"
#include "tcg/tcg-internal.h"

typedef struct TempInfo {
    uint32_t epoch;             /* info valid only if == ctx epoch */
    uint32_t version;           /* bumped at every write of the temp */
    bool is_const;
    uint64_t val;
    TCGTemp *copy_of;           /* another temp holding the same value */
    uint32_t copy_version;      /* copy_of's version when copied */
    uint64_t z_mask;            /* bits that may be nonzero */
} TempInfo;

static uint32_t last_epoch;

typedef struct OptContext {
    TCGContext *s;
    TempInfo *info;             /* indexed by temp index */
    uint32_t epoch;
} OptContext;

static inline uint64_t type_mask(TCGType t)
{
    return t == TCG_TYPE_I32 ? 0xffffffffull : ~0ull;
}

/* Canonical form of a value of type @t (i32 constants are sign-extended). */
static inline uint64_t canon(TCGType t, uint64_t v)
{
    return t == TCG_TYPE_I32 ? (uint64_t)(int64_t)(int32_t)v : v;
}

static TempInfo *ti(OptContext *ctx, TCGTemp *ts)
{
    TempInfo *i = &ctx->info[temp_idx(ts)];
    bool stale = i->epoch != ctx->epoch;

    if (ts->kind == TEMP_CONST) {
        i->epoch = ctx->epoch;
        i->is_const = true;
        i->val = ts->val;
        i->copy_of = NULL;
        i->z_mask = ts->val & type_mask(ts->type);
    } else if (stale) {
        i->epoch = ctx->epoch;
        i->is_const = false;
        i->copy_of = NULL;
        i->z_mask = type_mask(ts->type);
    }
    return i;
}

static bool arg_const(OptContext *ctx, TCGOp *op, int i, uint64_t *v)
{
    TempInfo *t = ti(ctx, arg_temp(op->args[i]));
    if (t->is_const) {
        *v = t->val;
        return true;
    }
    return false;
}

static uint64_t z_of(OptContext *ctx, TCGOp *op, int i)
{
    return ti(ctx, arg_temp(op->args[i]))->z_mask & type_mask(arg_temp(op->args[i])->type);
}

/* Replace an input by a constant temp or the oldest valid copy. */
static void propagate_input(OptContext *ctx, TCGOp *op, int i)
{
    TCGTemp *ts = arg_temp(op->args[i]);
    TempInfo *t = ti(ctx, ts);

    if (ts->kind == TEMP_CONST || ts->kind == TEMP_FIXED) {
        return;
    }
    if (t->is_const) {
        op->args[i] = temp_arg(tcg_constant_internal(ts->type, t->val));
        return;
    }
    if (t->copy_of) {
        TCGTemp *src = t->copy_of;
        TempInfo *si = ti(ctx, src);
        if (si->version == t->copy_version && src->type == ts->type) {
            op->args[i] = temp_arg(src);
        }
    }
}

/* An output is written: forget what we knew, keep what the op tells. */
static void set_output(OptContext *ctx, TCGTemp *ts, uint64_t z_mask)
{
    TempInfo *t = ti(ctx, ts);
    t->version++;
    t->is_const = false;
    t->copy_of = NULL;
    t->z_mask = z_mask & type_mask(ts->type);
}

static void set_output_const(OptContext *ctx, TCGTemp *ts, uint64_t v)
{
    TempInfo *t = ti(ctx, ts);
    t->version++;
    t->is_const = true;
    t->val = canon(ts->type, v);
    t->copy_of = NULL;
    t->z_mask = v & type_mask(ts->type);
}

/* Turn @op into "mov d, src" (src a temp). */
static bool to_mov(OptContext *ctx, TCGOp *op, TCGTemp *src)
{
    TCGTemp *d = arg_temp(op->args[0]);

    if (d == src) {
        /* mov to itself: nothing changes. */
        tcg_op_remove(ctx->s, op);
        return true;
    }
    op->opc = INDEX_op_mov;
    op->nargs = 2;
    op->args[1] = temp_arg(src);
    TempInfo *si = ti(ctx, src);
    TempInfo *di = ti(ctx, d);
    di->version++;
    di->is_const = si->is_const;
    di->val = si->val;
    di->z_mask = si->z_mask;
    if (!si->is_const && src->kind != TEMP_FIXED) {
        /* Copies of a copy point at the original. */
        if (si->copy_of && ti(ctx, si->copy_of)->version == si->copy_version) {
            di->copy_of = si->copy_of;
            di->copy_version = si->copy_version;
        } else {
            di->copy_of = src;
            di->copy_version = si->version;
        }
    } else {
        di->copy_of = NULL;
    }
    return true;
}

static bool to_movi(OptContext *ctx, TCGOp *op, uint64_t v)
{
    TCGType t = op->type;
    TCGTemp *d = arg_temp(op->args[0]);
    op->opc = INDEX_op_mov;
    op->nargs = 2;
    op->args[1] = temp_arg(tcg_constant_internal(t, canon(t, v)));
    set_output_const(ctx, d, canon(t, v));
    return true;
}

/* ---- constant evaluation (the IR's semantics) ---- */

static uint64_t eval_div(TCGOpcode opc, TCGType t, uint64_t a, uint64_t b)
{
    bool sgn = opc == INDEX_op_div || opc == INDEX_op_rem;
    bool rem = opc == INDEX_op_rem || opc == INDEX_op_remu;
    uint64_t m = type_mask(t);

    if (sgn) {
        int64_t x = (int64_t)canon(t, a), y = (int64_t)canon(t, b);
        if (y == 0) {
            return rem ? (uint64_t)x : 0;
        }
        if (y == -1) {
            return rem ? 0 : -(uint64_t)x;
        }
        return rem ? (uint64_t)(x % y) : (uint64_t)(x / y);
    }
    a &= m;
    b &= m;
    if (b == 0) {
        return rem ? a : 0;
    }
    return rem ? a % b : a / b;
}

static bool eval_binary(TCGOpcode opc, TCGType t, uint64_t a, uint64_t b, uint64_t *r)
{
    unsigned w = t == TCG_TYPE_I32 ? 32 : 64;
    uint64_t m = type_mask(t);
    unsigned c = b & (w - 1);

    switch (opc) {
    case INDEX_op_add: *r = a + b; break;
    case INDEX_op_sub: *r = a - b; break;
    case INDEX_op_mul: *r = a * b; break;
    case INDEX_op_and: *r = a & b; break;
    case INDEX_op_or: *r = a | b; break;
    case INDEX_op_xor: *r = a ^ b; break;
    case INDEX_op_andc: *r = a & ~b; break;
    case INDEX_op_orc: *r = a | ~b; break;
    case INDEX_op_eqv: *r = ~(a ^ b); break;
    case INDEX_op_nand: *r = ~(a & b); break;
    case INDEX_op_nor: *r = ~(a | b); break;
    case INDEX_op_shl: *r = a << c; break;
    case INDEX_op_shr: *r = (a & m) >> c; break;
    case INDEX_op_sar: *r = (uint64_t)((int64_t)canon(t, a) >> c); break;
    case INDEX_op_rotl:
        a &= m;
        *r = c ? (a << c) | (a >> (w - c)) : a;
        break;
    case INDEX_op_rotr:
        a &= m;
        *r = c ? (a >> c) | (a << (w - c)) : a;
        break;
    case INDEX_op_div: case INDEX_op_divu: case INDEX_op_rem: case INDEX_op_remu:
        *r = eval_div(opc, t, a, b);
        break;
    case INDEX_op_muluh:
        *r = t == TCG_TYPE_I32 ? ((a & m) * (b & m)) >> 32
                               : (uint64_t)(((unsigned __int128)a * b) >> 64);
        break;
    case INDEX_op_mulsh:
        *r = t == TCG_TYPE_I32
             ? (uint64_t)(((int64_t)(int32_t)a * (int32_t)b) >> 32)
             : (uint64_t)(((__int128)(int64_t)a * (int64_t)b) >> 64);
        break;
    case INDEX_op_clz:
        a &= m;
        *r = a ? (uint64_t)(__builtin_clzll(a) - (64 - w)) : b;
        break;
    case INDEX_op_ctz:
        a &= m;
        *r = a ? (uint64_t)__builtin_ctzll(a) : b;
        break;
    default:
        return false;
    }
    *r = canon(t, *r);
    return true;
}

static bool eval_unary(TCGOp *op, uint64_t a, uint64_t *r)
{
    TCGType t = op->type;
    uint64_t m = type_mask(t);

    switch (op->opc) {
    case INDEX_op_neg: *r = -a; break;
    case INDEX_op_not: *r = ~a; break;
    case INDEX_op_ext8s: *r = (int64_t)(int8_t)a; break;
    case INDEX_op_ext8u: *r = (uint8_t)a; break;
    case INDEX_op_ext16s: *r = (int64_t)(int16_t)a; break;
    case INDEX_op_ext16u: *r = (uint16_t)a; break;
    case INDEX_op_ext32s: *r = (int64_t)(int32_t)a; break;
    case INDEX_op_ext32u: *r = (uint32_t)a; break;
    case INDEX_op_ext_i32_i64: *r = (int64_t)(int32_t)a; break;
    case INDEX_op_extu_i32_i64: *r = (uint32_t)a; break;
    case INDEX_op_extrl_i64_i32: *r = a; break;
    case INDEX_op_extrh_i64_i32: *r = a >> 32; break;
    case INDEX_op_ctpop: *r = __builtin_popcountll(a & m); break;
    case INDEX_op_bswap16: {
        uint16_t v = __builtin_bswap16(a);
        *r = (op->args[2] & TCG_BSWAP_OS) ? (uint64_t)(int64_t)(int16_t)v : v;
        break;
    }
    case INDEX_op_bswap32: {
        uint32_t v = __builtin_bswap32(a);
        *r = (op->args[2] & TCG_BSWAP_OS) ? (uint64_t)(int64_t)(int32_t)v : v;
        break;
    }
    case INDEX_op_bswap64: *r = __builtin_bswap64(a); break;
    default:
        return false;
    }
    *r = canon(t, *r);
    return true;
}

/* ---- op families ---- */

/* Ops we only pass through: outputs unknown. */
static bool fold_outputs_unknown(OptContext *ctx, TCGOp *op)
{
    const TCGOpDef *def = &tcg_op_defs[op->opc];
    for (int i = 0; i < def->nb_oargs; i++) {
        set_output(ctx, arg_temp(op->args[i]), ~0ull);
    }
    return false;
}

static bool fold_mov(OptContext *ctx, TCGOp *op)
{
    return to_mov(ctx, op, arg_temp(op->args[1]));
}

static bool fold_binary(OptContext *ctx, TCGOp *op)
{
    TCGOpcode opc = op->opc;
    TCGType t = op->type;
    uint64_t a, b, r, m = type_mask(t);
    bool ca = arg_const(ctx, op, 1, &a), cb = arg_const(ctx, op, 2, &b);
    TCGTemp *x = arg_temp(op->args[1]), *y = arg_temp(op->args[2]);

    if (ca && cb && eval_binary(opc, t, a, b, &r)) {
        return to_movi(ctx, op, r);
    }
    /* Constants second for commutative ops, to halve the identities below. */
    if (ca && !cb && (opc == INDEX_op_add || opc == INDEX_op_mul || opc == INDEX_op_and ||
                      opc == INDEX_op_or || opc == INDEX_op_xor || opc == INDEX_op_eqv ||
                      opc == INDEX_op_nand || opc == INDEX_op_nor)) {
        TCGArg tmp = op->args[1];
        op->args[1] = op->args[2];
        op->args[2] = tmp;
        TCGTemp *tt = x;
        x = y;
        y = tt;
        b = a;
        cb = true;
        ca = false;
    }
    if (cb) {
        b &= m;
        switch (opc) {
        case INDEX_op_add: case INDEX_op_sub: case INDEX_op_or: case INDEX_op_xor:
        case INDEX_op_shl: case INDEX_op_shr: case INDEX_op_sar:
        case INDEX_op_rotl: case INDEX_op_rotr: case INDEX_op_orc:
            if (b == 0 && opc != INDEX_op_orc) {
                return to_mov(ctx, op, x);
            }
            if (opc == INDEX_op_orc && b == m) {
                return to_mov(ctx, op, x);
            }
            if (opc == INDEX_op_or && b == m) {
                return to_movi(ctx, op, m);
            }
            break;
        case INDEX_op_and:
            if (b == 0) {
                return to_movi(ctx, op, 0);
            }
            if (b == m || (z_of(ctx, op, 1) & ~b) == 0) {
                /* The mask clears nothing that may be set. */
                return to_mov(ctx, op, x);
            }
            break;
        case INDEX_op_andc:
            if (b == 0) {
                return to_mov(ctx, op, x);
            }
            break;
        case INDEX_op_mul:
            if (b == 0) {
                return to_movi(ctx, op, 0);
            }
            if (b == 1) {
                return to_mov(ctx, op, x);
            }
            break;
        case INDEX_op_div: case INDEX_op_divu:
            if (b == 1) {
                return to_mov(ctx, op, x);
            }
            break;
        default:
            break;
        }
    }
    if (ca) {
        a &= m;
        if (a == 0 && (opc == INDEX_op_shl || opc == INDEX_op_shr || opc == INDEX_op_sar ||
                       opc == INDEX_op_rotl || opc == INDEX_op_rotr)) {
            return to_movi(ctx, op, 0);
        }
    }
    if (x == y) {
        switch (opc) {
        case INDEX_op_sub: case INDEX_op_xor: case INDEX_op_andc:
            return to_movi(ctx, op, 0);
        case INDEX_op_and: case INDEX_op_or:
            return to_mov(ctx, op, x);
        case INDEX_op_eqv: case INDEX_op_orc:
            return to_movi(ctx, op, m);
        default:
            break;
        }
    }

    /* Known-zero bits of the result. */
    uint64_t za = z_of(ctx, op, 1), zb = z_of(ctx, op, 2), z = m;
    switch (opc) {
    case INDEX_op_and:
        z = za & zb;
        break;
    case INDEX_op_or: case INDEX_op_xor:
        z = za | zb;
        break;
    case INDEX_op_andc:
        z = za;
        break;
    case INDEX_op_shr:
        if (cb) {
            z = za >> (b & (t == TCG_TYPE_I32 ? 31 : 63));
        }
        break;
    case INDEX_op_shl:
        if (cb) {
            z = za << (b & (t == TCG_TYPE_I32 ? 31 : 63));
        }
        break;
    case INDEX_op_divu: case INDEX_op_remu:
        z = (za == 0) ? 0 : ~0ull >> __builtin_clzll(za);
        if (opc == INDEX_op_remu) {
            z = m;
        }
        break;
    default:
        break;
    }
    set_output(ctx, arg_temp(op->args[0]), z);
    return false;
}

static bool fold_unary(OptContext *ctx, TCGOp *op)
{
    uint64_t a, r;
    TCGType t = op->type;
    uint64_t z = type_mask(t);

    if (arg_const(ctx, op, 1, &a) && eval_unary(op, a, &r)) {
        return to_movi(ctx, op, r);
    }
    uint64_t za = z_of(ctx, op, 1);
    switch (op->opc) {
    case INDEX_op_ext8u:
        if ((za & ~0xffull) == 0) {
            return to_mov(ctx, op, arg_temp(op->args[1]));
        }
        z = za & 0xff;
        break;
    case INDEX_op_ext16u:
        if ((za & ~0xffffull) == 0) {
            return to_mov(ctx, op, arg_temp(op->args[1]));
        }
        z = za & 0xffff;
        break;
    case INDEX_op_ext32u:
        if ((za & ~0xffffffffull) == 0) {
            return to_mov(ctx, op, arg_temp(op->args[1]));
        }
        z = za & 0xffffffff;
        break;
    case INDEX_op_extu_i32_i64:
        z = za & 0xffffffff;
        break;
    case INDEX_op_ctpop:
        z = 0x7f;
        break;
    case INDEX_op_bswap16:
        if (!(op->args[2] & TCG_BSWAP_OS)) {
            z = 0xffff;
        }
        break;
    case INDEX_op_bswap32:
        if (!(op->args[2] & TCG_BSWAP_OS)) {
            z = 0xffffffff;
        }
        break;
    case INDEX_op_extrh_i64_i32: case INDEX_op_extrl_i64_i32:
        z = 0xffffffff;
        break;
    default:
        break;
    }
    set_output(ctx, arg_temp(op->args[0]), z);
    return false;
}

static bool fold_bitfield(OptContext *ctx, TCGOp *op)
{
    TCGType t = op->type;
    uint64_t a, b, m = type_mask(t);

    switch (op->opc) {
    case INDEX_op_extract: {
        unsigned ofs = op->args[2], len = op->args[3];
        uint64_t fm = len == 64 ? ~0ull : (1ull << len) - 1;
        if (arg_const(ctx, op, 1, &a)) {
            return to_movi(ctx, op, ((a & m) >> ofs) & fm);
        }
        set_output(ctx, arg_temp(op->args[0]), (z_of(ctx, op, 1) >> ofs) & fm);
        return false;
    }
    case INDEX_op_sextract: {
        unsigned ofs = op->args[2], len = op->args[3];
        if (arg_const(ctx, op, 1, &a)) {
            return to_movi(ctx, op, (uint64_t)((int64_t)(a << (64 - ofs - len)) >> (64 - len)));
        }
        break;
    }
    case INDEX_op_deposit: {
        unsigned ofs = op->args[3], len = op->args[4];
        uint64_t fm = (len == 64 ? ~0ull : (1ull << len) - 1) << ofs;
        if (arg_const(ctx, op, 1, &a) && arg_const(ctx, op, 2, &b)) {
            return to_movi(ctx, op, (a & ~fm) | ((b << ofs) & fm));
        }
        set_output(ctx, arg_temp(op->args[0]),
                   (z_of(ctx, op, 1) & ~fm) | ((z_of(ctx, op, 2) << ofs) & fm));
        return false;
    }
    case INDEX_op_extract2: {
        unsigned ofs = op->args[3], w = t == TCG_TYPE_I32 ? 32 : 64;
        if (arg_const(ctx, op, 1, &a) && arg_const(ctx, op, 2, &b)) {
            return to_movi(ctx, op, ((a & m) >> ofs) | (b << (w - ofs)));
        }
        break;
    }
    default:
        g_assert_not_reached();
    }
    set_output(ctx, arg_temp(op->args[0]), ~0ull);
    return false;
}

/* Evaluate a condition on known values: 1 true, 0 false, -1 unknown. */
static int eval_cond(OptContext *ctx, TCGOp *op, TCGCond c, int ia, int ib)
{
    uint64_t a, b;
    if (c == TCG_COND_ALWAYS) {
        return 1;
    }
    if (c == TCG_COND_NEVER) {
        return 0;
    }
    if (arg_const(ctx, op, ia, &a) && arg_const(ctx, op, ib, &b)) {
        return tcg_cond_eval(c, a, b, op->type);
    }
    if (arg_temp(op->args[ia]) == arg_temp(op->args[ib])) {
        switch (c) {
        case TCG_COND_EQ: case TCG_COND_GE: case TCG_COND_LE:
        case TCG_COND_GEU: case TCG_COND_LEU:
            return 1;
        case TCG_COND_NE: case TCG_COND_LT: case TCG_COND_GT:
        case TCG_COND_LTU: case TCG_COND_GTU:
            return 0;
        default:
            break;
        }
    }
    return -1;
}

static bool fold_setcond(OptContext *ctx, TCGOp *op)
{
    bool neg = op->opc == INDEX_op_negsetcond;
    int r = eval_cond(ctx, op, op->args[3], 1, 2);
    if (r >= 0) {
        return to_movi(ctx, op, neg ? -(uint64_t)r : (uint64_t)r);
    }
    set_output(ctx, arg_temp(op->args[0]), neg ? ~0ull : 1);
    return false;
}

static bool fold_movcond(OptContext *ctx, TCGOp *op)
{
    int r = eval_cond(ctx, op, op->args[5], 1, 2);
    if (r >= 0) {
        return to_mov(ctx, op, arg_temp(op->args[r ? 3 : 4]));
    }
    if (arg_temp(op->args[3]) == arg_temp(op->args[4])) {
        return to_mov(ctx, op, arg_temp(op->args[3]));
    }
    set_output(ctx, arg_temp(op->args[0]), z_of(ctx, op, 3) | z_of(ctx, op, 4));
    return false;
}

static bool fold_brcond(OptContext *ctx, TCGOp *op)
{
    int r = eval_cond(ctx, op, op->args[2], 0, 1);
    TCGLabel *l = arg_label(op->args[3]);

    if (r == 0) {
        l->refs--;
        tcg_op_remove(ctx->s, op);
        return true;
    }
    if (r == 1) {
        op->opc = INDEX_op_br;
        op->nargs = 1;
        op->args[0] = label_arg(l);
        return true;
    }
    return false;
}

static bool fold_double(OptContext *ctx, TCGOp *op)
{
    TCGType t = op->type;
    uint64_t a, b;

    if ((op->opc == INDEX_op_mulu2 || op->opc == INDEX_op_muls2) &&
        arg_const(ctx, op, 2, &a) && arg_const(ctx, op, 3, &b)) {
        uint64_t lo, hi;
        if (t == TCG_TYPE_I32) {
            uint64_t p = op->opc == INDEX_op_muls2
                ? (uint64_t)((int64_t)(int32_t)a * (int32_t)b)
                : (uint64_t)(uint32_t)a * (uint32_t)b;
            lo = p;
            hi = p >> 32;
        } else {
            unsigned __int128 p = op->opc == INDEX_op_muls2
                ? (unsigned __int128)((__int128)(int64_t)a * (int64_t)b)
                : (unsigned __int128)a * b;
            lo = p;
            hi = p >> 64;
        }
        /* Emit the high half as a separate mov before this op becomes the low one. */
        TCGTemp *rh = arg_temp(op->args[1]);
        TCGOp *mh = tcg_op_insert_after(ctx->s, op, INDEX_op_mov, t, 2);
        mh->args[0] = temp_arg(rh);
        mh->args[1] = temp_arg(tcg_constant_internal(t, canon(t, hi)));
        to_movi(ctx, op, lo);
        set_output_const(ctx, rh, canon(t, hi));
        /* The inserted mov is visited next and keeps rh constant. */
        return true;
    }
    set_output(ctx, arg_temp(op->args[0]), ~0ull);
    set_output(ctx, arg_temp(op->args[1]), ~0ull);
    return false;
}

static bool fold_ld(OptContext *ctx, TCGOp *op)
{
    uint64_t z = ~0ull;
    switch (op->opc) {
    case INDEX_op_ld8u: z = 0xff; break;
    case INDEX_op_ld16u: z = 0xffff; break;
    case INDEX_op_ld32u: z = 0xffffffff; break;
    default: break;
    }
    set_output(ctx, arg_temp(op->args[0]), z);
    return false;
}

static bool fold_qemu_ld(OptContext *ctx, TCGOp *op)
{
    MemOp mop = get_memop(op->args[2]);
    unsigned size = mop & MO_SIZE;
    uint64_t z = ~0ull;
    if (!(mop & MO_SIGN) && size < MO_64) {
        z = (1ull << (8 << size)) - 1;
    }
    set_output(ctx, arg_temp(op->args[0]), z);
    return false;
}

/*
 * A new epoch makes every TempInfo stale: the next look at a temp resets
 * it, copy links included, so nothing else needs touching.
 */
static void forget_everything(OptContext *ctx)
{
    ctx->epoch = ++last_epoch;
}

/* A helper may have written globals: they, and copies of them, are unknown. */
static void forget_globals(OptContext *ctx)
{
    for (int i = 0; i < ctx->s->nb_globals; i++) {
        ctx->info[i].epoch = 0;
        ctx->info[i].version++;
    }
}

static bool fold_call(OptContext *ctx, TCGOp *op)
{
    const TCGHelperInfo *info = (const TCGHelperInfo *)(uintptr_t)
        op->args[op->callo + op->calli + 1];
    if (!(info->flags & (TCG_CALL_NO_WRITE_GLOBALS | TCG_CALL_NO_READ_GLOBALS))) {
        forget_globals(ctx);
    }
    for (unsigned i = 0; i < op->callo; i++) {
        set_output(ctx, arg_temp(op->args[i]), ~0ull);
    }
    return false;
}

static bool fold_label(OptContext *ctx, TCGOp *op)
{
    forget_everything(ctx);
    return false;
}

static bool fold_nothing(OptContext *ctx, TCGOp *op)
{
    return false;
}

/*
 * Per-temp info for every temp index the TB may reach (folding creates
 * constants as it goes); entries from earlier TBs or blocks are recognised
 * by their epoch, so nothing is cleared per TB.
 */
static TempInfo *temp_infos;

void tcg_optimize(TCGContext *s)
{
    if (!temp_infos) {
        temp_infos = g_new0(TempInfo, TCG_MAX_TEMPS);
    }
    OptContext ctx = {
        .s = s,
        .info = temp_infos,
        .epoch = ++last_epoch,
    };
    TCGOp *next;

    for (TCGOp *op = s->first_op; op; op = next) {
        const TCGOpDef *def = &tcg_op_defs[op->opc];
        int nb_o, nb_i;

        next = op->next;
        if (op->opc == INDEX_op_call) {
            nb_o = op->callo;
            nb_i = op->calli;
        } else {
            nb_o = def->nb_oargs;
            nb_i = def->nb_iargs;
        }
        for (int i = nb_o; i < nb_o + nb_i; i++) {
            propagate_input(&ctx, op, i);
        }

        switch (op->opc) {
        case INDEX_op_mov:
            fold_mov(&ctx, op);
            break;
        case INDEX_op_add: case INDEX_op_sub: case INDEX_op_mul:
        case INDEX_op_div: case INDEX_op_divu: case INDEX_op_rem: case INDEX_op_remu:
        case INDEX_op_and: case INDEX_op_or: case INDEX_op_xor: case INDEX_op_andc:
        case INDEX_op_orc: case INDEX_op_eqv: case INDEX_op_nand: case INDEX_op_nor:
        case INDEX_op_shl: case INDEX_op_shr: case INDEX_op_sar: case INDEX_op_rotl:
        case INDEX_op_rotr: case INDEX_op_clz: case INDEX_op_ctz:
        case INDEX_op_muluh: case INDEX_op_mulsh:
            fold_binary(&ctx, op);
            break;
        case INDEX_op_neg: case INDEX_op_not: case INDEX_op_ctpop:
        case INDEX_op_ext8s: case INDEX_op_ext8u: case INDEX_op_ext16s:
        case INDEX_op_ext16u: case INDEX_op_ext32s: case INDEX_op_ext32u:
        case INDEX_op_ext_i32_i64: case INDEX_op_extu_i32_i64:
        case INDEX_op_extrl_i64_i32: case INDEX_op_extrh_i64_i32:
        case INDEX_op_bswap16: case INDEX_op_bswap32: case INDEX_op_bswap64:
            fold_unary(&ctx, op);
            break;
        case INDEX_op_deposit: case INDEX_op_extract: case INDEX_op_sextract:
        case INDEX_op_extract2:
            fold_bitfield(&ctx, op);
            break;
        case INDEX_op_setcond: case INDEX_op_negsetcond:
            fold_setcond(&ctx, op);
            break;
        case INDEX_op_movcond:
            fold_movcond(&ctx, op);
            break;
        case INDEX_op_brcond:
            fold_brcond(&ctx, op);
            break;
        case INDEX_op_add2: case INDEX_op_sub2: case INDEX_op_mulu2: case INDEX_op_muls2:
            fold_double(&ctx, op);
            break;
        case INDEX_op_ld8u: case INDEX_op_ld8s: case INDEX_op_ld16u: case INDEX_op_ld16s:
        case INDEX_op_ld32u: case INDEX_op_ld32s: case INDEX_op_ld:
            fold_ld(&ctx, op);
            break;
        case INDEX_op_qemu_ld:
            fold_qemu_ld(&ctx, op);
            break;
        case INDEX_op_call:
            fold_call(&ctx, op);
            break;
        case INDEX_op_set_label:
            fold_label(&ctx, op);
            break;
        case INDEX_op_discard:
            fold_outputs_unknown(&ctx, op);
            break;
        case INDEX_op_st8: case INDEX_op_st16: case INDEX_op_st32: case INDEX_op_st:
        case INDEX_op_qemu_st: case INDEX_op_br: case INDEX_op_mb:
        case INDEX_op_insn_start: case INDEX_op_exit_tb: case INDEX_op_goto_tb:
        case INDEX_op_goto_ptr:
            fold_nothing(&ctx, op);
            break;
        case NB_OPS:
            g_assert_not_reached();
        }
    }
}
