/*
 * interp.c - the bytecode code generator and interpreter: the slow,
 * obviously-correct twin of the x86-64 backend (-accel tcg,backend=interp).
 *
 * A TB becomes an array of 64-bit words in the code buffer: per op a header
 * (opcode | type << 8 | nargs << 16) followed by its args. A temp operand
 * is a reference "base[kind] + (word >> 2)": kind 0 the frame of TB temps,
 * 1 env-relative (globals), 2 absolute (constants, pooled after the code),
 * 3 the env pointer itself. Labels are absolute word addresses, so a
 * chained goto_tb simply continues in another TB's words. Guest memory
 * goes through the same softmmu helpers as the native slow path, every
 * time: no TLB fast path here by design.
 *
 * Division by zero gives 0 (remainder: the dividend) and MIN / -1 gives MIN
 * (remainder 0), identically in the x86-64 backend; frontends implement the
 * guest's rule before reaching the op.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "tcg/tcg.h"
#include "tcg/tcg-internal.h"

enum { OPND_FRAME = 0, OPND_ENV = 1, OPND_ABS = 2, OPND_ENVPTR = 3 };

/* Host return address seen by helpers called from bytecode (for GETPC). */
__thread uintptr_t tcg_interp_retaddr;

typedef struct InterpGen {
    TCGContext *s;
    uint64_t *start, *p, *end;
    GArray *consts;     /* (word index of operand, value) pairs */
    GArray *lrelocs;    /* (word index, label) pairs */
} InterpGen;

typedef struct { size_t at; uint64_t val; } ConstFix;
typedef struct { size_t at; TCGLabel *l; } LabelFix;

static bool emit(InterpGen *g, uint64_t w)
{
    if (g->p >= g->end) {
        return false;
    }
    *g->p++ = w;
    return true;
}

static bool emit_temp(InterpGen *g, TCGTemp *ts)
{
    TCGContext *s = g->s;
    switch (ts->kind) {
    case TEMP_FIXED:
        return emit(g, OPND_ENVPTR);
    case TEMP_GLOBAL:
        return emit(g, ((uint64_t)ts->mem_offset << 2) | OPND_ENV);
    case TEMP_CONST: {
        ConstFix f = { g->p - g->start, (uint64_t)ts->val };
        g_array_append_val(g->consts, f);
        return emit(g, OPND_ABS);
    }
    default:
        return emit(g, ((uint64_t)(temp_idx(ts) - s->nb_globals) * 8) << 2 | OPND_FRAME);
    }
}

int tcg_interp_gen_code(TCGContext *s, TranslationBlock *tb)
{
    InterpGen g = {
        .s = s,
        .start = (uint64_t *)s->code_buf,
        .p = (uint64_t *)s->code_buf,
        .end = (uint64_t *)s->code_end,
        .consts = g_array_new(false, false, sizeof(ConstFix)),
        .lrelocs = g_array_new(false, false, sizeof(LabelFix)),
    };
    int ret = -1;

    g_assert(((uintptr_t)g.start & 7) == 0);
    for (TCGOp *op = s->first_op; op; op = op->next) {
        const TCGOpDef *def = &tcg_op_defs[op->opc];
        int nb_t, nb_c;
        size_t off = (g.p - g.start) * 8;

        switch (op->opc) {
        case INDEX_op_insn_start:
            tcg_record_insn_start(s, op, off);
            continue;
        case INDEX_op_set_label:
            arg_label(op->args[0])->has_value = true;
            arg_label(op->args[0])->value = (uintptr_t)g.p;
            continue;
        case INDEX_op_discard:
        case INDEX_op_mb:
            continue;
        case INDEX_op_call:
            nb_t = op->callo + op->calli;
            nb_c = 2;
            break;
        default:
            nb_t = def->nb_oargs + def->nb_iargs;
            nb_c = def->nb_cargs;
            break;
        }
        uint64_t *hdr = g.p;
        if (!emit(&g, op->opc | (uint64_t)op->type << 8 |
                  (uint64_t)op->callo << 24 | (uint64_t)op->calli << 32)) {
            goto out;
        }
        for (int i = 0; i < nb_t; i++) {
            if (!emit_temp(&g, arg_temp(op->args[i]))) {
                goto out;
            }
        }
        for (int i = 0; i < nb_c; i++) {
            TCGArg a = op->args[nb_t + i];
            bool is_label = (op->opc == INDEX_op_br && i == 0) ||
                            (op->opc == INDEX_op_brcond && i == 1);
            if (is_label) {
                LabelFix f = { g.p - g.start, arg_label(a) };
                g_array_append_val(g.lrelocs, f);
            }
            if (op->opc == INDEX_op_goto_tb) {
                /* The patchable target word follows the index. */
                if (!emit(&g, a)) {
                    goto out;
                }
                tb->jmp_insn_offset[a] = (g.p - g.start) * 8;
                if (!emit(&g, 0)) {
                    goto out;
                }
                tb->jmp_reset_offset[a] = (g.p - g.start) * 8;
                continue;
            }
            if (!emit(&g, a)) {
                goto out;
            }
        }
        if (op->opc == INDEX_op_call) {
            /*
             * A native thunk inside the bytecode calls the helper, so the
             * helper's own return address (GETPC()) lies in this TB, within
             * this insn, and the exec layer unwinds it like native code:
             *     push qword [rsp+8]      ; re-push the 7th (stack) argument
             *     mov r11, [rip - 27]     ; the func word, 2 words back
             *     call r11
             *     add rsp, 8
             *     ret
             */
            static const uint8_t thunk[24] = {
                0xff, 0x74, 0x24, 0x08,
                0x4c, 0x8b, 0x1d, 0xe5, 0xff, 0xff, 0xff,
                0x41, 0xff, 0xd3,
                0x48, 0x83, 0xc4, 0x08,
                0xc3, 0xcc, 0xcc, 0xcc, 0xcc, 0xcc,
            };
            uint64_t w[3];
            memcpy(w, thunk, sizeof(w));
            for (int i = 0; i < 3; i++) {
                if (!emit(&g, w[i])) {
                    goto out;
                }
            }
        }
        /* Words of args, so the interpreter can step over the op. */
        *hdr |= (uint64_t)(g.p - hdr - 1) << 16;
    }
    tcg_record_insn_end(s, (g.p - g.start) * 8);

    for (guint i = 0; i < g.consts->len; i++) {
        ConstFix *f = &g_array_index(g.consts, ConstFix, i);
        g.start[f->at] = ((uint64_t)(uintptr_t)g.p << 2) | OPND_ABS;
        if (!emit(&g, f->val)) {
            goto out;
        }
    }
    for (guint i = 0; i < g.lrelocs->len; i++) {
        LabelFix *f = &g_array_index(g.lrelocs, LabelFix, i);
        g_assert(f->l->has_value);
        g.start[f->at] = f->l->value;
    }
    ret = (g.p - g.start) * 8;
out:
    g_array_free(g.consts, true);
    g_array_free(g.lrelocs, true);
    return ret;
}

/* -d out_asm under the interpreter: one line per bytecode op. */
void tcg_interp_disas(FILE *f, const void *code, size_t size)
{
    const uint64_t *p = code, *end = (const uint64_t *)((const char *)code + size);

    while (p < end) {
        uint64_t h = p[0];
        unsigned opc = h & 0xff, nargs = (h >> 16) & 0xff;
        if (opc >= NB_OPS || p + 1 + nargs > end) {
            /* The constant pool follows the last op. */
            fprintf(f, "  %p:  .quad 0x%" PRIx64 "\n", (const void *)p, h);
            p++;
            continue;
        }
        fprintf(f, "  %p:  %-14s", (const void *)p, tcg_op_defs[opc].name);
        for (unsigned i = 1; i <= nargs; i++) {
            fprintf(f, "%s0x%" PRIx64, i > 1 ? ", " : " ", p[i]);
        }
        fputc('\n', f);
        p += 1 + nargs;
    }
}

void tcg_interp_set_jmp_target(const TranslationBlock *tb, int n, uintptr_t jmp_rw)
{
    __atomic_store_n((uint64_t *)jmp_rw, (uint64_t)tb->jmp_target_addr[n],
                     __ATOMIC_RELEASE);
}

/* ---- the interpreter ---- */

static inline void *opnd(const uintptr_t *base, uint64_t w)
{
    return (void *)(base[w & 3] + (uintptr_t)((int64_t)w >> 2));
}

/* env field accesses may be unaligned (ld16 at an odd offset). */
#define LDP(T, N) static inline T ldp_##N(uintptr_t a) { T v; memcpy(&v, (void *)a, sizeof(v)); return v; } \
    static inline void stp_##N(uintptr_t a, T v) { memcpy((void *)a, &v, sizeof(v)); }
LDP(uint8_t, uint8) LDP(int8_t, int8) LDP(uint16_t, uint16) LDP(int16_t, int16)
LDP(uint32_t, uint32) LDP(int32_t, int32) LDP(uint64_t, uint64)

static uint64_t div_s(int64_t a, int64_t b, bool rem, TCGType t)
{
    if (t == TCG_TYPE_I32) {
        int32_t x = a, y = b;
        if (y == 0) {
            return rem ? (uint32_t)x : 0;
        }
        if (y == -1) {
            return rem ? 0 : (uint32_t)-(uint32_t)x;
        }
        return (uint32_t)(rem ? x % y : x / y);
    }
    if (b == 0) {
        return rem ? a : 0;
    }
    if (b == -1) {
        return rem ? 0 : -(uint64_t)a;
    }
    return rem ? a % b : a / b;
}

static uint64_t div_u(uint64_t a, uint64_t b, bool rem, TCGType t)
{
    if (t == TCG_TYPE_I32) {
        a = (uint32_t)a;
        b = (uint32_t)b;
    }
    if (b == 0) {
        return rem ? a : 0;
    }
    return rem ? a % b : a / b;
}

bool tcg_cond_eval(TCGCond c, uint64_t a, uint64_t b, TCGType t)
{
    if (t == TCG_TYPE_I32) {
        a = (uint32_t)a;
        b = (uint32_t)b;
    }
    int64_t sa = t == TCG_TYPE_I32 ? (int32_t)a : (int64_t)a;
    int64_t sb = t == TCG_TYPE_I32 ? (int32_t)b : (int64_t)b;
    switch (c) {
    case TCG_COND_NEVER: return false;
    case TCG_COND_ALWAYS: return true;
    case TCG_COND_EQ: return a == b;
    case TCG_COND_NE: return a != b;
    case TCG_COND_TSTEQ: return (a & b) == 0;
    case TCG_COND_TSTNE: return (a & b) != 0;
    case TCG_COND_LT: return sa < sb;
    case TCG_COND_GE: return sa >= sb;
    case TCG_COND_LE: return sa <= sb;
    case TCG_COND_GT: return sa > sb;
    case TCG_COND_LTU: return a < b;
    case TCG_COND_GEU: return a >= b;
    case TCG_COND_LEU: return a <= b;
    case TCG_COND_GTU: return a > b;
    }
    g_assert_not_reached();
}

/* Offset of the helper's return address within the call thunk. */
#define INTERP_THUNK_RA 14

typedef uint64_t (*HelperFn)(uint64_t, uint64_t, uint64_t, uint64_t,
                             uint64_t, uint64_t, uint64_t);

uintptr_t tcg_interp_exec(CPUArchState *env, const void *tb_ptr)
{
    uint64_t frame[TCG_MAX_TEMPS];
    uintptr_t env_val = (uintptr_t)env;
    const uintptr_t base[4] = {
        (uintptr_t)frame, (uintptr_t)env, 0, (uintptr_t)&env_val,
    };
    const uint64_t *pc = tb_ptr;

#define RD(i) (is32 ? (uint64_t)*(uint32_t *)opnd(base, pc[i]) \
                    : *(uint64_t *)opnd(base, pc[i]))
#define RD64(i) (*(uint64_t *)opnd(base, pc[i]))
#define RD32(i) ((uint64_t)*(uint32_t *)opnd(base, pc[i]))
#define WR(i, v) do {                                           \
        uint64_t v_ = (v);                                      \
        if (is32) {                                             \
            *(uint32_t *)opnd(base, pc[i]) = v_;                \
        } else {                                                \
            *(uint64_t *)opnd(base, pc[i]) = v_;                \
        }                                                       \
    } while (0)

    for (;;) {
        uint64_t h = pc[0];
        TCGOpcode opc = h & 0xff;
        TCGType type = (h >> 8) & 0xf;
        unsigned nargs = (h >> 16) & 0xff;
        bool is32 = type == TCG_TYPE_I32;
        unsigned bits = is32 ? 32 : 64;
        uint64_t m = is32 ? 0xffffffffull : ~0ull;
        const uint64_t *next = pc + 1 + nargs;
        pc++;   /* pc[i] is now arg i */

        switch (opc) {
        case INDEX_op_mov:
            WR(0, RD(1));
            break;
        case INDEX_op_br:
            next = (const uint64_t *)(uintptr_t)pc[0];
            break;
        case INDEX_op_brcond:
            if (tcg_cond_eval(pc[2], RD(0), RD(1), type)) {
                next = (const uint64_t *)(uintptr_t)pc[3];
            }
            break;
        case INDEX_op_setcond:
            WR(0, tcg_cond_eval(pc[3], RD(1), RD(2), type));
            break;
        case INDEX_op_negsetcond:
            WR(0, -(uint64_t)tcg_cond_eval(pc[3], RD(1), RD(2), type));
            break;
        case INDEX_op_movcond:
            WR(0, tcg_cond_eval(pc[5], RD(1), RD(2), type) ? RD(3) : RD(4));
            break;
        case INDEX_op_exit_tb:
            return pc[0];
        case INDEX_op_goto_tb:
            if (pc[1]) {
                next = (const uint64_t *)(uintptr_t)pc[1];
            }
            break;
        case INDEX_op_goto_ptr: {
            const void *p = (const void *)(uintptr_t)RD64(0);
            if (!p || p == tcg_ctx->code_gen_epilogue) {
                return 0;
            }
            next = p;
            break;
        }
        case INDEX_op_call: {
            unsigned no = (h >> 24) & 3, ni = (h >> 32) & 63;
            const TCGHelperInfo *info = (const TCGHelperInfo *)(uintptr_t)pc[no + ni + 1];
            uint64_t a[7] = { 0 };
            for (unsigned i = 0; i < ni; i++) {
                unsigned code = (info->typemask >> (3 * (i + 1))) & 7;
                uint64_t w = pc[no + i];
                if (code == 2) {
                    a[i] = RD32(no + i);
                } else if (code == 3) {
                    a[i] = (int64_t)(int32_t)RD32(no + i);
                } else {
                    a[i] = *(uint64_t *)opnd(base, w);
                }
            }
            HelperFn thunk = (HelperFn)(uintptr_t)&pc[no + ni + 2];
            tcg_interp_retaddr = (uintptr_t)thunk + INTERP_THUNK_RA;
            uint64_t r = thunk(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
            if (no) {
                unsigned code = info->typemask & 7;
                if (code == 2 || code == 3) {
                    *(uint32_t *)opnd(base, pc[0]) = r;
                } else {
                    *(uint64_t *)opnd(base, pc[0]) = r;
                }
            }
            break;
        }
        case INDEX_op_ld8u:
            WR(0, ldp_uint8(RD64(1) + pc[2]));
            break;
        case INDEX_op_ld8s:
            WR(0, (int64_t)ldp_int8(RD64(1) + pc[2]));
            break;
        case INDEX_op_ld16u:
            WR(0, ldp_uint16(RD64(1) + pc[2]));
            break;
        case INDEX_op_ld16s:
            WR(0, (int64_t)ldp_int16(RD64(1) + pc[2]));
            break;
        case INDEX_op_ld32u:
            WR(0, ldp_uint32(RD64(1) + pc[2]));
            break;
        case INDEX_op_ld32s:
            WR(0, (int64_t)ldp_int32(RD64(1) + pc[2]));
            break;
        case INDEX_op_ld:
            if (is32) {
                WR(0, ldp_uint32(RD64(1) + pc[2]));
            } else {
                WR(0, ldp_uint64(RD64(1) + pc[2]));
            }
            break;
        case INDEX_op_st8:
            stp_uint8(RD64(1) + pc[2], RD(0));
            break;
        case INDEX_op_st16:
            stp_uint16(RD64(1) + pc[2], RD(0));
            break;
        case INDEX_op_st32:
            stp_uint32(RD64(1) + pc[2], RD(0));
            break;
        case INDEX_op_st:
            if (is32) {
                stp_uint32(RD64(1) + pc[2], RD(0));
            } else {
                stp_uint64(RD64(1) + pc[2], RD(0));
            }
            break;
        case INDEX_op_add:
            WR(0, RD(1) + RD(2));
            break;
        case INDEX_op_sub:
            WR(0, RD(1) - RD(2));
            break;
        case INDEX_op_mul:
            WR(0, RD(1) * RD(2));
            break;
        case INDEX_op_div:
            WR(0, div_s(RD(1), RD(2), false, type));
            break;
        case INDEX_op_rem:
            WR(0, div_s(RD(1), RD(2), true, type));
            break;
        case INDEX_op_divu:
            WR(0, div_u(RD(1), RD(2), false, type));
            break;
        case INDEX_op_remu:
            WR(0, div_u(RD(1), RD(2), true, type));
            break;
        case INDEX_op_and:
            WR(0, RD(1) & RD(2));
            break;
        case INDEX_op_or:
            WR(0, RD(1) | RD(2));
            break;
        case INDEX_op_xor:
            WR(0, RD(1) ^ RD(2));
            break;
        case INDEX_op_andc:
            WR(0, RD(1) & ~RD(2));
            break;
        case INDEX_op_orc:
            WR(0, RD(1) | ~RD(2));
            break;
        case INDEX_op_eqv:
            WR(0, ~(RD(1) ^ RD(2)));
            break;
        case INDEX_op_nand:
            WR(0, ~(RD(1) & RD(2)));
            break;
        case INDEX_op_nor:
            WR(0, ~(RD(1) | RD(2)));
            break;
        case INDEX_op_shl:
            WR(0, RD(1) << (RD(2) & (bits - 1)));
            break;
        case INDEX_op_shr:
            WR(0, RD(1) >> (RD(2) & (bits - 1)));
            break;
        case INDEX_op_sar:
            if (is32) {
                WR(0, (int32_t)RD(1) >> (RD(2) & 31));
            } else {
                WR(0, (int64_t)RD(1) >> (RD(2) & 63));
            }
            break;
        case INDEX_op_rotl:
        case INDEX_op_rotr: {
            uint64_t v = RD(1);
            unsigned c = RD(2) & (bits - 1);
            if (opc == INDEX_op_rotr) {
                c = (bits - c) & (bits - 1);
            }
            WR(0, c ? ((v << c) | (v >> (bits - c))) & m : v);
            break;
        }
        case INDEX_op_neg:
            WR(0, -RD(1));
            break;
        case INDEX_op_not:
            WR(0, ~RD(1));
            break;
        case INDEX_op_clz: {
            uint64_t v = RD(1);
            WR(0, v ? (uint64_t)(__builtin_clzll(v) - (64 - bits)) : RD(2));
            break;
        }
        case INDEX_op_ctz: {
            uint64_t v = RD(1);
            WR(0, v ? (uint64_t)__builtin_ctzll(v) : RD(2));
            break;
        }
        case INDEX_op_ctpop:
            WR(0, __builtin_popcountll(RD(1)));
            break;
        case INDEX_op_deposit: {
            unsigned ofs = pc[3], len = pc[4];
            uint64_t fm = (len == 64 ? ~0ull : ((1ull << len) - 1)) << ofs;
            WR(0, (RD(1) & ~fm) | ((RD(2) << ofs) & fm));
            break;
        }
        case INDEX_op_extract: {
            unsigned ofs = pc[2], len = pc[3];
            WR(0, (RD(1) >> ofs) & (len == 64 ? ~0ull : (1ull << len) - 1));
            break;
        }
        case INDEX_op_sextract: {
            unsigned ofs = pc[2], len = pc[3];
            WR(0, (uint64_t)((int64_t)(RD(1) << (64 - ofs - len)) >> (64 - len)));
            break;
        }
        case INDEX_op_extract2: {
            unsigned ofs = pc[3];
            WR(0, (RD(1) >> ofs) | (RD(2) << (bits - ofs)));
            break;
        }
        case INDEX_op_ext8s:
            WR(0, (int64_t)(int8_t)RD(1));
            break;
        case INDEX_op_ext8u:
            WR(0, (uint8_t)RD(1));
            break;
        case INDEX_op_ext16s:
            WR(0, (int64_t)(int16_t)RD(1));
            break;
        case INDEX_op_ext16u:
            WR(0, (uint16_t)RD(1));
            break;
        case INDEX_op_ext32s:
            WR(0, (int64_t)(int32_t)RD(1));
            break;
        case INDEX_op_ext32u:
            WR(0, (uint32_t)RD(1));
            break;
        case INDEX_op_ext_i32_i64:
            WR(0, (int64_t)(int32_t)RD32(1));
            break;
        case INDEX_op_extu_i32_i64:
            WR(0, RD32(1));
            break;
        case INDEX_op_extrl_i64_i32:
            WR(0, RD64(1));
            break;
        case INDEX_op_extrh_i64_i32:
            WR(0, RD64(1) >> 32);
            break;
        case INDEX_op_bswap16: {
            uint16_t v = __builtin_bswap16(RD(1));
            WR(0, (pc[2] & TCG_BSWAP_OS) ? (uint64_t)(int64_t)(int16_t)v : v);
            break;
        }
        case INDEX_op_bswap32: {
            uint32_t v = __builtin_bswap32(RD(1));
            WR(0, (pc[2] & TCG_BSWAP_OS) ? (uint64_t)(int64_t)(int32_t)v : v);
            break;
        }
        case INDEX_op_bswap64:
            WR(0, __builtin_bswap64(RD(1)));
            break;
        case INDEX_op_add2:
        case INDEX_op_sub2: {
            uint64_t al = RD(2), ah = RD(3), bl = RD(4), bh = RD(5), l, hh;
            if (is32) {
                uint64_t a = al | ah << 32, b = bl | bh << 32;
                uint64_t r = opc == INDEX_op_add2 ? a + b : a - b;
                l = (uint32_t)r;
                hh = r >> 32;
            } else if (opc == INDEX_op_add2) {
                l = al + bl;
                hh = ah + bh + (l < al);
            } else {
                l = al - bl;
                hh = ah - bh - (al < bl);
            }
            WR(0, l);
            WR(1, hh);
            break;
        }
        case INDEX_op_mulu2:
        case INDEX_op_muls2:
        case INDEX_op_muluh:
        case INDEX_op_mulsh: {
            bool sgn = opc == INDEX_op_muls2 || opc == INDEX_op_mulsh;
            bool two = opc == INDEX_op_mulu2 || opc == INDEX_op_muls2;
            int ia = two ? 2 : 1;
            uint64_t a = RD(ia), b = RD(ia + 1), l, hh;
            if (is32) {
                uint64_t r = sgn ? (uint64_t)((int64_t)(int32_t)a * (int32_t)b)
                                 : a * b;
                l = (uint32_t)r;
                hh = r >> 32;
            } else {
                unsigned __int128 r = sgn ? (unsigned __int128)((__int128)(int64_t)a * (int64_t)b)
                                          : (unsigned __int128)a * b;
                l = (uint64_t)r;
                hh = (uint64_t)(r >> 64);
            }
            if (two) {
                WR(0, l);
                WR(1, hh);
            } else {
                WR(0, hh);
            }
            break;
        }
        case INDEX_op_qemu_ld: {
            MemOpIdx oi = pc[2];
            MemOp mop = get_memop(oi);
            unsigned size = mop & MO_SIZE;
            uint64_t addr = RD64(1);
            tcg_interp_retaddr = (uintptr_t)next;
            uint64_t v = tcg_ldst_helpers.ld[size]((CPUArchState *)env, addr, oi,
                                                   (uintptr_t)next);
            if ((mop & MO_SIGN) && size < MO_64) {
                unsigned sh = 64 - (8u << size);
                v = (uint64_t)((int64_t)(v << sh) >> sh);
            }
            WR(0, v);
            break;
        }
        case INDEX_op_qemu_st: {
            MemOpIdx oi = pc[2];
            MemOp mop = get_memop(oi);
            unsigned size = mop & MO_SIZE;
            uint64_t v = RD(0);
            if (size < MO_64) {
                v &= (1ull << (8u << size)) - 1;
            }
            tcg_interp_retaddr = (uintptr_t)next;
            tcg_ldst_helpers.st[size]((CPUArchState *)env, RD64(1), v, oi,
                                      (uintptr_t)next);
            break;
        }
        default:
            fprintf(stderr, "tcg interp: bad opcode %d\n", opc);
            abort();
        }
        pc = next;
    }
#undef RD
#undef RD64
#undef RD32
#undef WR
}
