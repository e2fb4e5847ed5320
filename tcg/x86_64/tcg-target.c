/*
 * tcg-target.c - x86-64 host code generator: the prologue/epilogue, a local
 * register allocator (values live in host registers within a basic block
 * and in their memory homes across blocks: env for globals, the prologue's
 * stack frame for TB temps), instruction selection for every IR op, the
 * inline softmmu TLB fast path with out-of-line slow paths, goto_tb
 * patching, and capstone disassembly for -d out_asm.
 *
 * Register roles: r14 holds env for the whole TB; r11 is a scratch register
 * never given to a temp; rdi/rsi are the TLB lookup scratch of qemu_ld/st
 * (their operands are kept out of them). Division by zero gives 0
 * (remainder: the dividend) and MIN / -1 gives MIN (remainder 0), exactly
 * like the interpreter, so a guest can never raise SIGFPE in the emulator.
 * Not for: IR construction or target knowledge.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "tcg/tcg.h"
#include "tcg/tcg-internal.h"
#include "exec/cpu-tlb.h"

#include <capstone.h>

enum {
    R_RAX, R_RCX, R_RDX, R_RBX, R_RSP, R_RBP, R_RSI, R_RDI,
    R_R8, R_R9, R_R10, R_R11, R_R12, R_R13, R_R14, R_R15,
};

#define R_ENV   R_R14
#define R_TMP   R_R11
#define R_L0    R_RDI
#define R_L1    R_RSI
#define RBIT(r) (1u << (r))

#define ALLOC_REGS (0xffffu & ~RBIT(R_RSP) & ~RBIT(R_ENV) & ~RBIT(R_TMP))
#define CALL_CLOBBER (RBIT(R_RAX) | RBIT(R_RCX) | RBIT(R_RDX) | RBIT(R_RSI) | \
                      RBIT(R_RDI) | RBIT(R_R8) | RBIT(R_R9) | RBIT(R_R10) | \
                      RBIT(R_R11))

/* Callee-saved registers first: values survive helper calls there. */
static const int alloc_order[] = {
    R_RBX, R_RBP, R_R12, R_R13, R_R15, R_R10, R_R9, R_R8,
    R_RDI, R_RSI, R_RCX, R_RDX, R_RAX,
};

static const int call_arg_regs[6] = { R_RDI, R_RSI, R_RDX, R_RCX, R_R8, R_R9 };

/* Stack frame below the saved registers: outgoing args, then spill slots. */
#define CALL_ARGS_SIZE 128
#define FRAME_SIZE (CALL_ARGS_SIZE + TCG_STATIC_FRAME_SIZE + 8)
BUILD_BUG_ON(FRAME_SIZE % 16 != 8);

/* Opcode flags. */
#define P_EXT     0x100       /* 0x0f escape */
#define P_EXT38   0x200       /* 0x0f 0x38 escape */
#define P_DATA16  0x400
#define P_REXW    0x1000
#define P_REXB_R  0x2000      /* byte register in the reg field */
#define P_REXB_RM 0x4000      /* byte register in the r/m field */
#define P_SIMDF3  0x10000

#define OPC_ARITH_EvIz  0x81
#define OPC_ARITH_EvIb  0x83
#define OPC_ARITH_GvEv  0x03
#define OPC_BSF        (0xbc | P_EXT)
#define OPC_BSR        (0xbd | P_EXT)
#define OPC_BSWAP      (0xc8 | P_EXT)
#define OPC_CALL_Jz     0xe8
#define OPC_CMOVCC     (0x40 | P_EXT)
#define OPC_IMUL_GvEv  (0xaf | P_EXT)
#define OPC_IMUL_GvEvIz 0x69
#define OPC_IMUL_GvEvIb 0x6b
#define OPC_JCC_long   (0x80 | P_EXT)
#define OPC_JCC_short   0x70
#define OPC_JMP_long    0xe9
#define OPC_JMP_short   0xeb
#define OPC_LEA         0x8d
#define OPC_MOVB_EvGv   0x88
#define OPC_MOVL_EvGv   0x89
#define OPC_MOVL_GvEv   0x8b
#define OPC_MOVB_EvIz   0xc6
#define OPC_MOVL_EvIz   0xc7
#define OPC_MOVL_Iv     0xb8
#define OPC_MOVSBL     (0xbe | P_EXT)
#define OPC_MOVSWL     (0xbf | P_EXT)
#define OPC_MOVSLQ     (0x63 | P_REXW)
#define OPC_MOVZBL     (0xb6 | P_EXT)
#define OPC_MOVZWL     (0xb7 | P_EXT)
#define OPC_POP_r32     0x58
#define OPC_POPCNT     (0xb8 | P_EXT | P_SIMDF3)
#define OPC_PUSH_r32    0x50
#define OPC_RET         0xc3
#define OPC_SETCC      (0x90 | P_EXT | P_REXB_RM)
#define OPC_SHIFT_Ib    0xc1
#define OPC_SHIFT_cl    0xd3
#define OPC_SHRD_Ib    (0xac | P_EXT)
#define OPC_TESTL       0x85
#define OPC_TESTi       0xf7
#define OPC_GRP3_Ev     0xf7
#define OPC_GRP5        0xff
#define OPC_XCHG_ax_r32 0x90

enum { ARITH_ADD, ARITH_OR, ARITH_ADC, ARITH_SBB, ARITH_AND, ARITH_SUB, ARITH_XOR, ARITH_CMP };
enum { SHIFT_ROL = 0, SHIFT_ROR = 1, SHIFT_SHL = 4, SHIFT_SHR = 5, SHIFT_SAR = 7 };
enum { EXT3_NOT = 2, EXT3_NEG = 3, EXT3_MUL = 4, EXT3_IMUL = 5, EXT3_DIV = 6, EXT3_IDIV = 7 };
enum { EXT5_CALLN_Ev = 2, EXT5_JMPN_Ev = 4 };

enum {
    JCC_JO = 0, JCC_JNO, JCC_JB, JCC_JAE, JCC_JE, JCC_JNE, JCC_JBE, JCC_JA,
    JCC_JS, JCC_JNS, JCC_JP, JCC_JNP, JCC_JL, JCC_JGE, JCC_JLE, JCC_JG,
};

static int tcg_cond_to_jcc(TCGCond c)
{
    switch (c) {
    case TCG_COND_EQ: case TCG_COND_TSTEQ: return JCC_JE;
    case TCG_COND_NE: case TCG_COND_TSTNE: return JCC_JNE;
    case TCG_COND_LT: return JCC_JL;
    case TCG_COND_GE: return JCC_JGE;
    case TCG_COND_LE: return JCC_JLE;
    case TCG_COND_GT: return JCC_JG;
    case TCG_COND_LTU: return JCC_JB;
    case TCG_COND_GEU: return JCC_JAE;
    case TCG_COND_LEU: return JCC_JBE;
    case TCG_COND_GTU: return JCC_JA;
    default:
        g_assert_not_reached();
    }
}

/* ---- byte emission ---- */

static inline void out8(TCGContext *s, uint8_t v)
{
    *s->code_ptr++ = v;
}

static inline void out16(TCGContext *s, uint16_t v)
{
    memcpy(s->code_ptr, &v, 2);
    s->code_ptr += 2;
}

static inline void out32(TCGContext *s, uint32_t v)
{
    memcpy(s->code_ptr, &v, 4);
    s->code_ptr += 4;
}

static inline void out64(TCGContext *s, uint64_t v)
{
    memcpy(s->code_ptr, &v, 8);
    s->code_ptr += 8;
}

static void tcg_out_opc(TCGContext *s, int opc, int r, int rm, int x)
{
    int rex = 0;

    if (opc & P_DATA16) {
        out8(s, 0x66);
    }
    if (opc & P_SIMDF3) {
        out8(s, 0xf3);
    }
    rex |= (opc & P_REXW) ? 8 : 0;
    rex |= (r & 8) >> 1;
    rex |= (x & 8) >> 2;
    rex |= (rm & 8) >> 3;
    /* spl/bpl/sil/dil need a REX prefix to mean the low byte. */
    if ((opc & P_REXB_R) && (r & 7) >= 4 && r < 8) {
        rex |= 0x40;
    }
    if ((opc & P_REXB_RM) && (rm & 7) >= 4 && rm < 8) {
        rex |= 0x40;
    }
    if (rex) {
        out8(s, 0x40 | (rex & 0xf));
    }
    if (opc & (P_EXT | P_EXT38)) {
        out8(s, 0x0f);
        if (opc & P_EXT38) {
            out8(s, 0x38);
        }
    }
    out8(s, opc & 0xff);
}

static void tcg_out_modrm(TCGContext *s, int opc, int r, int rm)
{
    tcg_out_opc(s, opc, r, rm, 0);
    out8(s, 0xc0 | ((r & 7) << 3) | (rm & 7));
}

/* [base + offset] */
static void tcg_out_modrm_offset(TCGContext *s, int opc, int r, int base, int32_t offset)
{
    int mod;

    tcg_out_opc(s, opc, r, base, 0);
    if (offset == 0 && (base & 7) != R_RBP) {
        mod = 0x00;
    } else if (offset == (int8_t)offset) {
        mod = 0x40;
    } else {
        mod = 0x80;
    }
    if ((base & 7) == R_RSP) {
        out8(s, mod | ((r & 7) << 3) | 4);
        out8(s, 0x24);
    } else {
        out8(s, mod | ((r & 7) << 3) | (base & 7));
    }
    if (mod == 0x40) {
        out8(s, offset);
    } else if (mod == 0x80) {
        out32(s, offset);
    }
}

static inline int rexw(TCGType t)
{
    return t == TCG_TYPE_I64 ? P_REXW : 0;
}

static void tcg_out_mov(TCGContext *s, TCGType t, int dst, int src)
{
    if (dst != src) {
        tcg_out_modrm(s, OPC_MOVL_GvEv | rexw(t), dst, src);
    }
}

static void tcg_out_movi(TCGContext *s, TCGType t, int reg, int64_t v)
{
    if (t == TCG_TYPE_I32) {
        v = (uint32_t)v;
    }
    if (v == 0) {
        tcg_out_modrm(s, (ARITH_XOR << 3) | OPC_ARITH_GvEv, reg, reg);
    } else if (v == (uint32_t)v) {
        tcg_out_opc(s, OPC_MOVL_Iv + (reg & 7), 0, reg, 0);
        out32(s, v);
    } else if (v == (int32_t)v) {
        tcg_out_modrm(s, OPC_MOVL_EvIz | P_REXW, 0, reg);
        out32(s, v);
    } else {
        tcg_out_opc(s, (OPC_MOVL_Iv + (reg & 7)) | P_REXW, 0, reg, 0);
        out64(s, v);
    }
}

static void tcg_out_ld(TCGContext *s, TCGType t, int reg, int base, int32_t ofs)
{
    tcg_out_modrm_offset(s, OPC_MOVL_GvEv | rexw(t), reg, base, ofs);
}

static void tcg_out_st(TCGContext *s, TCGType t, int reg, int base, int32_t ofs)
{
    tcg_out_modrm_offset(s, OPC_MOVL_EvGv | rexw(t), reg, base, ofs);
}

static void tgen_arithr(TCGContext *s, int subop, int dst, int src, TCGType t)
{
    tcg_out_modrm(s, ((subop << 3) | OPC_ARITH_GvEv) | rexw(t), dst, src);
}

static void tgen_arithi(TCGContext *s, int subop, int reg, int64_t v, TCGType t)
{
    if (v == (int8_t)v) {
        tcg_out_modrm(s, OPC_ARITH_EvIb | rexw(t), subop, reg);
        out8(s, v);
    } else {
        tcg_out_modrm(s, OPC_ARITH_EvIz | rexw(t), subop, reg);
        out32(s, v);
    }
}

static void tcg_out_shifti(TCGContext *s, int subop, int reg, int c, TCGType t)
{
    tcg_out_modrm(s, OPC_SHIFT_Ib | rexw(t), subop, reg);
    out8(s, c);
}

static void tcg_out_jmp_abs(TCGContext *s, int opc_long, const void *target)
{
    intptr_t disp = (intptr_t)target - (intptr_t)(s->code_ptr + 5 + (opc_long & P_EXT ? 1 : 0));
    g_assert(disp == (int32_t)disp);
    tcg_out_opc(s, opc_long, 0, 0, 0);
    out32(s, disp);
}

static void tcg_out_call_abs(TCGContext *s, const void *target)
{
    intptr_t disp = (intptr_t)target - (intptr_t)(s->code_ptr + 5);
    if (disp == (int32_t)disp) {
        out8(s, OPC_CALL_Jz);
        out32(s, disp);
    } else {
        tcg_out_movi(s, TCG_TYPE_I64, R_TMP, (intptr_t)target);
        tcg_out_modrm(s, OPC_GRP5, EXT5_CALLN_Ev, R_TMP);
    }
}

/* A rel32 jump to a label: direct if bound, else patched at the end. */
static void tcg_out_jcc_label(TCGContext *s, int jcc, TCGLabel *l)
{
    if (jcc < 0) {
        out8(s, OPC_JMP_long);
    } else {
        out8(s, 0x0f);
        out8(s, 0x80 + jcc);
    }
    if (l->has_value) {
        out32(s, (int32_t)(l->value - (uintptr_t)(s->code_ptr + 4)));
    } else {
        TCGReloc r = { l, s->code_ptr - s->code_buf, 0 };
        g_array_append_val(s->relocs, r);
        out32(s, 0);
    }
}

static void tcg_out_nopn(TCGContext *s, int n)
{
    for (int i = 0; i < n; i++) {
        out8(s, 0x90);
    }
}

/* ---- register allocator ---- */

static void temp_frame_slot(TCGContext *s, TCGTemp *ts)
{
    if (s->frame_offset + 8 > s->frame_end) {
        /* Out of spill slots: the TB is retried with fewer insns. */
        s->tb_overflow = true;
        ts->mem_offset = s->frame_start;
    } else {
        ts->mem_offset = s->frame_offset;
        s->frame_offset += 8;
    }
    ts->mem_allocated = true;
}

static void temp_home(TCGContext *s, TCGTemp *ts, int *base, int32_t *ofs)
{
    if (ts->kind == TEMP_GLOBAL) {
        *base = R_ENV;
        *ofs = ts->mem_offset;
    } else {
        if (!ts->mem_allocated) {
            temp_frame_slot(s, ts);
        }
        *base = R_RSP;
        *ofs = ts->mem_offset;
    }
}

static void temp_sync(TCGContext *s, TCGTemp *ts)
{
    int base;
    int32_t ofs;

    if (temp_readonly(ts) || ts->val_type != TEMP_VAL_REG || ts->mem_coherent) {
        return;
    }
    temp_home(s, ts, &base, &ofs);
    tcg_out_st(s, ts->type, ts->reg, base, ofs);
    ts->mem_coherent = true;
}

/* The temp's register is released; its value lives on only in memory (or nowhere). */
static void temp_release(TCGContext *s, TCGTemp *ts, bool dead)
{
    if (temp_readonly(ts)) {
        return;
    }
    if (ts->val_type == TEMP_VAL_REG) {
        s->reg_to_temp[ts->reg] = NULL;
    }
    /*
     * "Dead" from liveness means "not needed in a register": at a block
     * boundary a TB temp's value lives on in its slot (liveness synced it).
     */
    if (dead && ts->kind != TEMP_GLOBAL && !ts->mem_allocated) {
        ts->val_type = TEMP_VAL_DEAD;
    } else {
        ts->val_type = TEMP_VAL_MEM;
    }
}

static void temp_save(TCGContext *s, TCGTemp *ts)
{
    temp_sync(s, ts);
    temp_release(s, ts, false);
}

static void temp_dead(TCGContext *s, TCGTemp *ts)
{
    temp_release(s, ts, true);
}

static void reg_free(TCGContext *s, int reg)
{
    TCGTemp *ts = s->reg_to_temp[reg];
    if (ts) {
        temp_save(s, ts);
    }
}

static int reg_alloc(TCGContext *s, uint32_t desired, uint32_t allocated)
{
    uint32_t ok = desired & ~allocated & ALLOC_REGS;

    for (size_t i = 0; i < ARRAY_SIZE(alloc_order); i++) {
        int r = alloc_order[i];
        if ((ok & RBIT(r)) && !s->reg_to_temp[r]) {
            return r;
        }
    }
    for (size_t i = 0; i < ARRAY_SIZE(alloc_order); i++) {
        int r = alloc_order[i];
        if (ok & RBIT(r)) {
            reg_free(s, r);
            return r;
        }
    }
    g_assert_not_reached();
}

static void temp_bind(TCGContext *s, TCGTemp *ts, int reg, bool coherent)
{
    if (ts->val_type == TEMP_VAL_REG && ts->reg != reg) {
        s->reg_to_temp[ts->reg] = NULL;
    }
    ts->val_type = TEMP_VAL_REG;
    ts->reg = reg;
    ts->mem_coherent = coherent;
    s->reg_to_temp[reg] = ts;
}

/*
 * Get @ts into a register of @desired, not in @*allocated, and add that
 * register to @*allocated. Constants and copies are unbound scratch
 * values; a temp loaded from memory becomes bound to its register.
 */
static int temp_load(TCGContext *s, TCGTemp *ts, uint32_t desired, uint32_t *allocated)
{
    int reg;

    if (ts->kind == TEMP_FIXED) {
        if (desired & RBIT(ts->reg)) {
            return ts->reg;
        }
        reg = reg_alloc(s, desired, *allocated);
        tcg_out_mov(s, TCG_TYPE_I64, reg, ts->reg);
        *allocated |= RBIT(reg);
        return reg;
    }
    if (ts->val_type == TEMP_VAL_REG) {
        if (desired & RBIT(ts->reg)) {
            *allocated |= RBIT(ts->reg);
            return ts->reg;
        }
        reg = reg_alloc(s, desired, *allocated | RBIT(ts->reg));
        tcg_out_mov(s, ts->type, reg, ts->reg);
        *allocated |= RBIT(reg);
        return reg;
    }
    reg = reg_alloc(s, desired, *allocated);
    *allocated |= RBIT(reg);
    switch (ts->val_type) {
    case TEMP_VAL_CONST:
        tcg_out_movi(s, ts->type, reg, ts->val);
        break;
    case TEMP_VAL_MEM: {
        int base;
        int32_t ofs;
        temp_home(s, ts, &base, &ofs);
        tcg_out_ld(s, ts->type, reg, base, ofs);
        temp_bind(s, ts, reg, true);
        break;
    }
    default:
        /* Reading a value never written: any value will do. */
        break;
    }
    return reg;
}

/*
 * Block end: every value that outlives the block to its memory home, every
 * register free. Temps used only in this block just die.
 */
static void save_all(TCGContext *s)
{
    for (int r = 0; r < 16; r++) {
        TCGTemp *ts = s->reg_to_temp[r];
        if (!ts) {
            continue;
        }
        if ((ts->kind == TEMP_TB || ts->kind == TEMP_EBB) && ts->in_one_block) {
            temp_dead(s, ts);
        } else {
            temp_save(s, ts);
        }
    }
}

/* Globals to memory; @release also frees their registers. */
static void sync_globals(TCGContext *s, bool release)
{
    for (int r = 0; r < 16; r++) {
        TCGTemp *ts = s->reg_to_temp[r];
        if (ts && ts->kind == TEMP_GLOBAL) {
            temp_sync(s, ts);
            if (release) {
                temp_release(s, ts, false);
            }
        }
    }
}

/* ---- per-op context ---- */

typedef struct OpCtx {
    TCGContext *s;
    TCGOp *op;
    TCGType t;
    uint32_t life;
    uint32_t alloc;          /* registers busy for this op */
    int nb_o, nb_i;
    int ireg[MAX_OPC_PARAM];
} OpCtx;

static inline TCGTemp *A(OpCtx *c, int i)
{
    return arg_temp(c->op->args[i]);
}

static bool arg_imm32(OpCtx *c, int i, int64_t *v)
{
    TCGTemp *ts = A(c, i);
    if (ts->kind != TEMP_CONST) {
        return false;
    }
    int64_t x = ts->val;
    if (c->t == TCG_TYPE_I32) {
        *v = (int32_t)x;
        return true;
    }
    if (x == (int32_t)x) {
        *v = x;
        return true;
    }
    return false;
}

static int in(OpCtx *c, int i, uint32_t desired)
{
    c->ireg[i] = temp_load(c->s, A(c, i), desired, &c->alloc);
    return c->ireg[i];
}

static void kill_inputs(OpCtx *c)
{
    for (int i = c->nb_o; i < c->nb_o + c->nb_i; i++) {
        if (c->life & (DEAD_ARG << i)) {
            temp_dead(c->s, A(c, i));
        }
    }
}

/*
 * A register for output @o: input @reuse's register when that input dies
 * here (so two-address x86 forms need no copy), else a fresh register not
 * holding any input of this op.
 */
static int out(OpCtx *c, int o, uint32_t desired, int reuse)
{
    TCGContext *s = c->s;
    int reg;

    if (reuse >= 0 && (c->life & (DEAD_ARG << reuse)) &&
        A(c, reuse)->kind != TEMP_FIXED && A(c, reuse)->kind != TEMP_CONST &&
        (desired & RBIT(c->ireg[reuse])) && !s->reg_to_temp[c->ireg[reuse]]) {
        reg = c->ireg[reuse];
    } else {
        reg = reg_alloc(s, desired, c->alloc);
    }
    c->alloc |= RBIT(reg);
    TCGTemp *ts = A(c, o);
    if (s->reg_to_temp[reg] && s->reg_to_temp[reg] != ts) {
        reg_free(s, reg);
    }
    temp_bind(s, ts, reg, false);
    return reg;
}

static void finish_outputs(OpCtx *c)
{
    for (int o = 0; o < c->nb_o; o++) {
        TCGTemp *ts = A(c, o);
        if (c->life & (SYNC_ARG << o)) {
            temp_sync(c->s, ts);
        }
        if (c->life & (DEAD_ARG << o)) {
            temp_dead(c->s, ts);
        }
    }
}

/* ---- op families ---- */

static void do_mov(OpCtx *c)
{
    TCGContext *s = c->s;
    TCGTemp *ots = A(c, 0), *its = A(c, 1);
    int base;
    int32_t ofs;

    /* Result only needed in memory: store straight from the source. */
    if ((c->life & (DEAD_ARG << 0)) && (c->life & (SYNC_ARG << 0))) {
        temp_home(s, ots, &base, &ofs);
        int64_t v;
        if (its->kind == TEMP_CONST && arg_imm32(c, 1, &v)) {
            tcg_out_modrm_offset(s, OPC_MOVL_EvIz | rexw(c->t), 0, base, ofs);
            out32(s, v);
        } else {
            int r = in(c, 1, ALLOC_REGS);
            tcg_out_st(s, c->t, r, base, ofs);
        }
        kill_inputs(c);
        if (ots->val_type == TEMP_VAL_REG) {
            s->reg_to_temp[ots->reg] = NULL;
        }
        ots->val_type = TEMP_VAL_MEM;
        ots->mem_coherent = true;
        return;
    }
    if (its->kind == TEMP_CONST) {
        c->ireg[1] = -1;
        int r = out(c, 0, ALLOC_REGS, -1);
        tcg_out_movi(s, c->t, r, its->val);
    } else if (its->val_type == TEMP_VAL_REG && its->kind != TEMP_FIXED &&
               (c->life & (DEAD_ARG << 1))) {
        /* The source dies: the destination takes over its register. */
        int r = its->reg;
        temp_dead(s, its);
        if (ots->val_type == TEMP_VAL_REG) {
            s->reg_to_temp[ots->reg] = NULL;
        }
        temp_bind(s, ots, r, false);
        if (c->t == TCG_TYPE_I32) {
            /* Keep the upper half clean for i32 values moved to i64 use. */
            tcg_out_mov(s, TCG_TYPE_I32, r, r);
        }
    } else {
        int ri = in(c, 1, ALLOC_REGS);
        kill_inputs(c);
        int r = out(c, 0, ALLOC_REGS, 1);
        tcg_out_mov(s, c->t, r, ri);
    }
    finish_outputs(c);
}

/* d = a op b for the ALU ops with an imm32 form. */
static void do_alu(OpCtx *c, int subop, bool commutative)
{
    TCGContext *s = c->s;
    int64_t v;

    if (commutative && A(c, 1)->kind == TEMP_CONST && A(c, 2)->kind != TEMP_CONST) {
        TCGArg x = c->op->args[1];
        c->op->args[1] = c->op->args[2];
        c->op->args[2] = x;
        uint32_t l1 = c->life & (DEAD_ARG << 1), l2 = c->life & (DEAD_ARG << 2);
        c->life = (c->life & ~((DEAD_ARG << 1) | (DEAD_ARG << 2))) | (l1 << 1) | (l2 >> 1);
    }
    int ra = in(c, 1, ALLOC_REGS);
    if (arg_imm32(c, 2, &v)) {
        kill_inputs(c);
        int d = out(c, 0, ALLOC_REGS, 1);
        if (subop == ARITH_ADD && d != ra) {
            tcg_out_modrm_offset(s, OPC_LEA | rexw(c->t), d, ra, v);
        } else {
            tcg_out_mov(s, c->t, d, ra);
            tgen_arithi(s, subop, d, v, c->t);
        }
    } else {
        int rb = in(c, 2, ALLOC_REGS);
        kill_inputs(c);
        int d = out(c, 0, ALLOC_REGS, 1);
        tcg_out_mov(s, c->t, d, ra);
        tgen_arithr(s, subop, d, rb, c->t);
    }
    finish_outputs(c);
}

/* andc, orc, eqv, nand, nor: via the scratch register. */
static void do_logic_neg(OpCtx *c, TCGOpcode opc)
{
    TCGContext *s = c->s;
    int ra = in(c, 1, ALLOC_REGS);
    int rb = in(c, 2, ALLOC_REGS);
    kill_inputs(c);
    int d = out(c, 0, ALLOC_REGS, 1);

    switch (opc) {
    case INDEX_op_andc:
    case INDEX_op_orc:
        tcg_out_mov(s, c->t, R_TMP, rb);
        tcg_out_modrm(s, OPC_GRP3_Ev | rexw(c->t), EXT3_NOT, R_TMP);
        tcg_out_mov(s, c->t, d, ra);
        tgen_arithr(s, opc == INDEX_op_andc ? ARITH_AND : ARITH_OR, d, R_TMP, c->t);
        break;
    default:
        tcg_out_mov(s, c->t, R_TMP, rb);
        tcg_out_mov(s, c->t, d, ra);
        tgen_arithr(s, opc == INDEX_op_eqv ? ARITH_XOR : opc == INDEX_op_nand
                    ? ARITH_AND : ARITH_OR, d, R_TMP, c->t);
        tcg_out_modrm(s, OPC_GRP3_Ev | rexw(c->t), EXT3_NOT, d);
        break;
    }
    finish_outputs(c);
}

static void do_mul(OpCtx *c)
{
    TCGContext *s = c->s;
    int64_t v;
    int ra = in(c, 1, ALLOC_REGS);

    if (arg_imm32(c, 2, &v)) {
        kill_inputs(c);
        int d = out(c, 0, ALLOC_REGS, 1);
        if (v == (int8_t)v) {
            tcg_out_modrm(s, OPC_IMUL_GvEvIb | rexw(c->t), d, ra);
            out8(s, v);
        } else {
            tcg_out_modrm(s, OPC_IMUL_GvEvIz | rexw(c->t), d, ra);
            out32(s, v);
        }
    } else {
        int rb = in(c, 2, ALLOC_REGS);
        kill_inputs(c);
        int d = out(c, 0, ALLOC_REGS, 1);
        tcg_out_mov(s, c->t, R_TMP, rb);
        tcg_out_mov(s, c->t, d, ra);
        tcg_out_modrm(s, OPC_IMUL_GvEv | rexw(c->t), d, R_TMP);
    }
    finish_outputs(c);
}

static void do_shift(OpCtx *c, int subop)
{
    TCGContext *s = c->s;
    int64_t v;
    int ra = in(c, 1, ALLOC_REGS & ~RBIT(R_RCX));

    if (arg_imm32(c, 2, &v)) {
        kill_inputs(c);
        int d = out(c, 0, ALLOC_REGS, 1);
        tcg_out_mov(s, c->t, d, ra);
        v &= c->t == TCG_TYPE_I32 ? 31 : 63;
        if (v) {
            tcg_out_shifti(s, subop, d, v, c->t);
        }
    } else {
        in(c, 2, RBIT(R_RCX));
        kill_inputs(c);
        int d = out(c, 0, ALLOC_REGS & ~RBIT(R_RCX), 1);
        tcg_out_mov(s, c->t, d, ra);
        tcg_out_modrm(s, OPC_SHIFT_cl | rexw(c->t), subop, d);
    }
    finish_outputs(c);
}

static void do_unary(OpCtx *c, TCGOpcode opc)
{
    TCGContext *s = c->s;
    TCGType t = c->t;
    int ra = in(c, 1, ALLOC_REGS);
    kill_inputs(c);
    int d = out(c, 0, ALLOC_REGS, 1);

    switch (opc) {
    case INDEX_op_neg:
        tcg_out_mov(s, t, d, ra);
        tcg_out_modrm(s, OPC_GRP3_Ev | rexw(t), EXT3_NEG, d);
        break;
    case INDEX_op_not:
        tcg_out_mov(s, t, d, ra);
        tcg_out_modrm(s, OPC_GRP3_Ev | rexw(t), EXT3_NOT, d);
        break;
    case INDEX_op_ext8s:
        tcg_out_modrm(s, OPC_MOVSBL | P_REXB_RM | rexw(t), d, ra);
        break;
    case INDEX_op_ext8u:
        tcg_out_modrm(s, OPC_MOVZBL | P_REXB_RM, d, ra);
        break;
    case INDEX_op_ext16s:
        tcg_out_modrm(s, OPC_MOVSWL | rexw(t), d, ra);
        break;
    case INDEX_op_ext16u:
        tcg_out_modrm(s, OPC_MOVZWL, d, ra);
        break;
    case INDEX_op_ext32s:
    case INDEX_op_ext_i32_i64:
        tcg_out_modrm(s, OPC_MOVSLQ, d, ra);
        break;
    case INDEX_op_ext32u:
    case INDEX_op_extu_i32_i64:
    case INDEX_op_extrl_i64_i32:
        tcg_out_modrm(s, OPC_MOVL_GvEv, d, ra);
        break;
    case INDEX_op_extrh_i64_i32:
        tcg_out_mov(s, TCG_TYPE_I64, d, ra);
        tcg_out_shifti(s, SHIFT_SHR, d, 32, TCG_TYPE_I64);
        break;
    case INDEX_op_ctpop:
        tcg_out_modrm(s, OPC_POPCNT | rexw(t), d, ra);
        break;
    case INDEX_op_bswap16: {
        int flags = c->op->args[2];
        tcg_out_mov(s, t, d, ra);
        /* rol $8 on the 16-bit register swaps its two bytes */
        tcg_out_modrm(s, OPC_SHIFT_Ib | P_DATA16, SHIFT_ROL, d);
        out8(s, 8);
        if (flags & TCG_BSWAP_OS) {
            tcg_out_modrm(s, OPC_MOVSWL | rexw(t), d, d);
        } else {
            tcg_out_modrm(s, OPC_MOVZWL, d, d);
        }
        break;
    }
    case INDEX_op_bswap32: {
        int flags = c->op->args[2];
        tcg_out_mov(s, t, d, ra);
        tcg_out_opc(s, OPC_BSWAP + (d & 7), 0, d, 0);
        if (t == TCG_TYPE_I64 && (flags & TCG_BSWAP_OS)) {
            tcg_out_modrm(s, OPC_MOVSLQ, d, d);
        }
        break;
    }
    case INDEX_op_bswap64:
        tcg_out_mov(s, t, d, ra);
        tcg_out_opc(s, (OPC_BSWAP + (d & 7)) | P_REXW, 0, d, 0);
        break;
    default:
        g_assert_not_reached();
    }
    finish_outputs(c);
}

static void do_extract(OpCtx *c, bool sign)
{
    TCGContext *s = c->s;
    unsigned w = c->t == TCG_TYPE_I32 ? 32 : 64;
    unsigned ofs = c->op->args[2], len = c->op->args[3];
    int ra = in(c, 1, ALLOC_REGS);
    kill_inputs(c);
    int d = out(c, 0, ALLOC_REGS, 1);

    tcg_out_mov(s, c->t, d, ra);
    if (w - ofs - len) {
        tcg_out_shifti(s, SHIFT_SHL, d, w - ofs - len, c->t);
    }
    if (w - len) {
        tcg_out_shifti(s, sign ? SHIFT_SAR : SHIFT_SHR, d, w - len, c->t);
    }
    finish_outputs(c);
}

static void do_deposit(OpCtx *c)
{
    TCGContext *s = c->s;
    TCGType t = c->t;
    unsigned w = t == TCG_TYPE_I32 ? 32 : 64;
    unsigned ofs = c->op->args[3], len = c->op->args[4];
    int ra = in(c, 1, ALLOC_REGS);
    int rb = in(c, 2, ALLOC_REGS);
    kill_inputs(c);
    int d = out(c, 0, ALLOC_REGS, 1);

    /* Field of b, isolated at its place, in the scratch register. */
    tcg_out_mov(s, t, R_TMP, rb);
    tcg_out_shifti(s, SHIFT_SHL, R_TMP, w - len, t);
    if (w - len - ofs) {
        tcg_out_shifti(s, SHIFT_SHR, R_TMP, w - len - ofs, t);
    }
    /* a with the field cleared: rotate it to the bottom, shift out, back. */
    tcg_out_mov(s, t, d, ra);
    if (ofs) {
        tcg_out_shifti(s, SHIFT_ROR, d, ofs, t);
    }
    tcg_out_shifti(s, SHIFT_SHR, d, len, t);
    tcg_out_shifti(s, SHIFT_SHL, d, len, t);
    if (ofs) {
        tcg_out_shifti(s, SHIFT_ROL, d, ofs, t);
    }
    tgen_arithr(s, ARITH_OR, d, R_TMP, t);
    finish_outputs(c);
}

static void do_extract2(OpCtx *c)
{
    TCGContext *s = c->s;
    int rl = in(c, 1, ALLOC_REGS);
    int rh = in(c, 2, ALLOC_REGS);
    kill_inputs(c);
    int d = out(c, 0, ALLOC_REGS, 1);
    tcg_out_mov(s, c->t, R_TMP, rh);
    tcg_out_mov(s, c->t, d, rl);
    tcg_out_modrm(s, OPC_SHRD_Ib | rexw(c->t), R_TMP, d);
    out8(s, c->op->args[3]);
    finish_outputs(c);
}

static void do_clz_ctz(OpCtx *c, bool clz)
{
    TCGContext *s = c->s;
    TCGType t = c->t;
    int ra = in(c, 1, ALLOC_REGS);
    int rb = in(c, 2, ALLOC_REGS);
    kill_inputs(c);
    int d = out(c, 0, ALLOC_REGS, -1);

    if (clz) {
        tcg_out_modrm(s, OPC_BSR | rexw(t), d, ra);
        tgen_arithi(s, ARITH_XOR, d, t == TCG_TYPE_I32 ? 31 : 63, t);
    } else {
        tcg_out_modrm(s, OPC_BSF | rexw(t), d, ra);
    }
    tcg_out_modrm(s, OPC_TESTL | rexw(t), ra, ra);
    tcg_out_modrm(s, (OPC_CMOVCC | (JCC_JE)) | rexw(t), d, rb);
    finish_outputs(c);
}

/* Flags for "a cond b"; returns the jcc to test. */
static int emit_compare(OpCtx *c, TCGCond cond, int ia, int ib)
{
    TCGContext *s = c->s;
    int64_t v;
    int ra = c->ireg[ia];

    if (arg_imm32(c, ib, &v)) {
        if (is_tst_cond(cond)) {
            tcg_out_modrm(s, OPC_TESTi | rexw(c->t), 0, ra);
            out32(s, v);
        } else if (v == 0) {
            tcg_out_modrm(s, OPC_TESTL | rexw(c->t), ra, ra);
        } else {
            tgen_arithi(s, ARITH_CMP, ra, v, c->t);
        }
    } else {
        int rb = c->ireg[ib];
        if (is_tst_cond(cond)) {
            tcg_out_modrm(s, OPC_TESTL | rexw(c->t), rb, ra);
        } else {
            tgen_arithr(s, ARITH_CMP, ra, rb, c->t);
        }
    }
    return tcg_cond_to_jcc(cond);
}

static void load_cmp_args(OpCtx *c, int ia, int ib)
{
    int64_t v;
    in(c, ia, ALLOC_REGS);
    if (!arg_imm32(c, ib, &v)) {
        in(c, ib, ALLOC_REGS);
    }
}

static void do_setcond(OpCtx *c, bool neg)
{
    TCGContext *s = c->s;
    TCGCond cond = c->op->args[3];
    load_cmp_args(c, 1, 2);
    kill_inputs(c);
    int d = out(c, 0, ALLOC_REGS, -1);
    /* d holds no input, so it can be cleared before the compare. */
    tcg_out_modrm(s, (ARITH_XOR << 3) | OPC_ARITH_GvEv, d, d);
    int jcc = emit_compare(c, cond, 1, 2);
    tcg_out_modrm(s, OPC_SETCC | jcc, 0, d);
    if (neg) {
        tcg_out_modrm(s, OPC_GRP3_Ev | rexw(c->t), EXT3_NEG, d);
    }
    finish_outputs(c);
}

static void do_movcond(OpCtx *c)
{
    TCGContext *s = c->s;
    TCGCond cond = c->op->args[5];
    load_cmp_args(c, 1, 2);
    int r1 = in(c, 3, ALLOC_REGS);
    int r2 = in(c, 4, ALLOC_REGS);
    kill_inputs(c);
    int d = out(c, 0, ALLOC_REGS, 4);
    tcg_out_mov(s, c->t, d, r2);
    int jcc = emit_compare(c, cond, 1, 2);
    tcg_out_modrm(s, (OPC_CMOVCC | jcc) | rexw(c->t), d, r1);
    finish_outputs(c);
}

static void do_brcond(OpCtx *c)
{
    TCGContext *s = c->s;
    TCGCond cond = c->op->args[2];
    load_cmp_args(c, 0, 1);
    kill_inputs(c);
    /* Stores only: the flags of the compare below are not disturbed. */
    save_all(s);
    int jcc = emit_compare(c, cond, 0, 1);
    tcg_out_jcc_label(s, jcc, arg_label(c->op->args[3]));
}

/* div/rem (checked), mul2, mulh: rax/rdx-bound forms. */
static void do_muldiv(OpCtx *c, TCGOpcode opc)
{
    TCGContext *s = c->s;
    TCGType t = c->t;
    bool two = opc == INDEX_op_mulu2 || opc == INDEX_op_muls2;
    int ia = two ? 2 : 1;
    uint32_t axdx = RBIT(R_RAX) | RBIT(R_RDX);

    int rb = in(c, ia + 1, ALLOC_REGS & ~axdx);
    int ra = in(c, ia, ALLOC_REGS);
    /* Evict whatever lives in rax/rdx (their values are saved to memory). */
    if (c->alloc & axdx) {
        /* ra may be rax/rdx itself: move it to the scratch register first. */
        tcg_out_mov(s, t, R_TMP, ra);
        ra = R_TMP;
    }
    reg_free(s, R_RAX);
    reg_free(s, R_RDX);
    c->alloc |= axdx;
    tcg_out_mov(s, t, R_RAX, ra);
    kill_inputs(c);

    switch (opc) {
    case INDEX_op_div:
    case INDEX_op_rem:
    case INDEX_op_divu:
    case INDEX_op_remu: {
        bool sgn = opc == INDEX_op_div || opc == INDEX_op_rem;
        bool rem = opc == INDEX_op_rem || opc == INDEX_op_remu;
        /*
         * b == 0: quotient 0, remainder a. Signed b == -1: quotient -a,
         * remainder 0 (avoids the MIN / -1 trap).
         */
        tcg_out_modrm(s, OPC_TESTL | rexw(t), rb, rb);
        uint8_t *j_zero = s->code_ptr;
        out8(s, OPC_JCC_short + JCC_JE);
        out8(s, 0);
        uint8_t *j_m1 = NULL;
        if (sgn) {
            tgen_arithi(s, ARITH_CMP, rb, -1, t);
            j_m1 = s->code_ptr;
            out8(s, OPC_JCC_short + JCC_JE);
            out8(s, 0);
        }
        if (sgn) {
            if (t == TCG_TYPE_I64) {
                out8(s, 0x48);                      /* cqo */
            }
            out8(s, 0x99);                          /* cdq */
        } else {
            tcg_out_modrm(s, (ARITH_XOR << 3) | OPC_ARITH_GvEv, R_RDX, R_RDX);
        }
        tcg_out_modrm(s, OPC_GRP3_Ev | rexw(t), sgn ? EXT3_IDIV : EXT3_DIV, rb);
        uint8_t *j_done1 = s->code_ptr;
        out8(s, OPC_JMP_short);
        out8(s, 0);
        /* b == 0 */
        j_zero[1] = s->code_ptr - (j_zero + 2);
        tcg_out_mov(s, t, R_RDX, R_RAX);
        tcg_out_modrm(s, (ARITH_XOR << 3) | OPC_ARITH_GvEv, R_RAX, R_RAX);
        uint8_t *j_done2 = NULL;
        if (sgn) {
            j_done2 = s->code_ptr;
            out8(s, OPC_JMP_short);
            out8(s, 0);
            /* b == -1 */
            j_m1[1] = s->code_ptr - (j_m1 + 2);
            tcg_out_modrm(s, OPC_GRP3_Ev | rexw(t), EXT3_NEG, R_RAX);
            tcg_out_modrm(s, (ARITH_XOR << 3) | OPC_ARITH_GvEv, R_RDX, R_RDX);
            j_done2[1] = s->code_ptr - (j_done2 + 2);
        }
        j_done1[1] = s->code_ptr - (j_done1 + 2);
        int res = rem ? R_RDX : R_RAX;
        c->alloc &= ~RBIT(res);
        int d = out(c, 0, RBIT(res), -1);
        (void)d;
        break;
    }
    case INDEX_op_mulu2:
    case INDEX_op_muls2:
    case INDEX_op_muluh:
    case INDEX_op_mulsh: {
        bool sgn = opc == INDEX_op_muls2 || opc == INDEX_op_mulsh;
        tcg_out_modrm(s, OPC_GRP3_Ev | rexw(t), sgn ? EXT3_IMUL : EXT3_MUL, rb);
        c->alloc &= ~axdx;
        if (two) {
            out(c, 0, RBIT(R_RAX), -1);
            out(c, 1, RBIT(R_RDX), -1);
        } else {
            out(c, 0, RBIT(R_RDX), -1);
        }
        break;
    }
    default:
        g_assert_not_reached();
    }
    finish_outputs(c);
}

static void do_addsub2(OpCtx *c, bool add)
{
    TCGContext *s = c->s;
    TCGType t = c->t;
    int64_t vl, vh;
    bool il = arg_imm32(c, 4, &vl), ih = arg_imm32(c, 5, &vh);
    int al = in(c, 2, ALLOC_REGS);
    int ah = in(c, 3, ALLOC_REGS);
    int bl = il ? -1 : in(c, 4, ALLOC_REGS);
    int bh = ih ? -1 : in(c, 5, ALLOC_REGS);
    kill_inputs(c);
    int dl = out(c, 0, ALLOC_REGS, -1);
    int dh = out(c, 1, ALLOC_REGS, -1);

    tcg_out_mov(s, t, dl, al);
    tcg_out_mov(s, t, dh, ah);
    if (il) {
        /* imm8/imm32 forms do not touch the flags differently from r/m. */
        tcg_out_modrm(s, OPC_ARITH_EvIz | rexw(t), add ? ARITH_ADD : ARITH_SUB, dl);
        out32(s, vl);
    } else {
        tgen_arithr(s, add ? ARITH_ADD : ARITH_SUB, dl, bl, t);
    }
    if (ih) {
        tcg_out_modrm(s, OPC_ARITH_EvIz | rexw(t), add ? ARITH_ADC : ARITH_SBB, dh);
        out32(s, vh);
    } else {
        tgen_arithr(s, add ? ARITH_ADC : ARITH_SBB, dh, bh, t);
    }
    finish_outputs(c);
}

static void do_ld(OpCtx *c, TCGOpcode opc)
{
    TCGContext *s = c->s;
    TCGType t = c->t;
    intptr_t ofs = c->op->args[2];
    int rb = in(c, 1, ALLOC_REGS | RBIT(R_ENV));
    kill_inputs(c);
    int d = out(c, 0, ALLOC_REGS, 1);
    int opcode;

    g_assert(ofs == (int32_t)ofs);
    switch (opc) {
    case INDEX_op_ld8u: opcode = OPC_MOVZBL; break;
    case INDEX_op_ld8s: opcode = OPC_MOVSBL | rexw(t); break;
    case INDEX_op_ld16u: opcode = OPC_MOVZWL; break;
    case INDEX_op_ld16s: opcode = OPC_MOVSWL | rexw(t); break;
    case INDEX_op_ld32u: opcode = OPC_MOVL_GvEv; break;
    case INDEX_op_ld32s: opcode = OPC_MOVSLQ; break;
    default: opcode = OPC_MOVL_GvEv | rexw(t); break;
    }
    tcg_out_modrm_offset(s, opcode, d, rb, ofs);
    finish_outputs(c);
}

static void do_st(OpCtx *c, TCGOpcode opc)
{
    TCGContext *s = c->s;
    TCGType t = c->t;
    intptr_t ofs = c->op->args[2];
    int64_t v;
    int size = opc == INDEX_op_st8 ? 1 : opc == INDEX_op_st16 ? 2
             : opc == INDEX_op_st32 ? 4 : (t == TCG_TYPE_I32 ? 4 : 8);
    int rb = in(c, 1, ALLOC_REGS | RBIT(R_ENV));

    g_assert(ofs == (int32_t)ofs);
    if (A(c, 0)->kind == TEMP_CONST && (arg_imm32(c, 0, &v) || size < 8)) {
        v = A(c, 0)->val;
        switch (size) {
        case 1:
            tcg_out_modrm_offset(s, OPC_MOVB_EvIz, 0, rb, ofs);
            out8(s, v);
            break;
        case 2:
            tcg_out_modrm_offset(s, OPC_MOVL_EvIz | P_DATA16, 0, rb, ofs);
            out16(s, v);
            break;
        case 4:
            tcg_out_modrm_offset(s, OPC_MOVL_EvIz, 0, rb, ofs);
            out32(s, v);
            break;
        default:
            tcg_out_modrm_offset(s, OPC_MOVL_EvIz | P_REXW, 0, rb, ofs);
            out32(s, v);
            break;
        }
    } else {
        int rv = in(c, 0, ALLOC_REGS);
        switch (size) {
        case 1:
            tcg_out_modrm_offset(s, OPC_MOVB_EvGv | P_REXB_R, rv, rb, ofs);
            break;
        case 2:
            tcg_out_modrm_offset(s, OPC_MOVL_EvGv | P_DATA16, rv, rb, ofs);
            break;
        case 4:
            tcg_out_modrm_offset(s, OPC_MOVL_EvGv, rv, rb, ofs);
            break;
        default:
            tcg_out_modrm_offset(s, OPC_MOVL_EvGv | P_REXW, rv, rb, ofs);
            break;
        }
    }
    kill_inputs(c);
}

/* ---- helper calls ---- */

static void do_call(OpCtx *c)
{
    TCGContext *s = c->s;
    TCGOp *op = c->op;
    int nb_o = op->callo, nb_i = op->calli;
    const TCGHelperInfo *info = (const TCGHelperInfo *)(uintptr_t)op->args[nb_o + nb_i + 1];
    void *func = (void *)(uintptr_t)op->args[nb_o + nb_i];

    /* Stack arguments first (they use only the scratch register). */
    for (int i = 6; i < nb_i; i++) {
        TCGTemp *ts = A(c, nb_o + i);
        int r;
        if (ts->kind == TEMP_CONST) {
            tcg_out_movi(s, TCG_TYPE_I64, R_TMP, ts->val);
            r = R_TMP;
        } else {
            uint32_t dummy = c->alloc;
            r = temp_load(s, ts, ALLOC_REGS, &dummy);
        }
        tcg_out_st(s, TCG_TYPE_I64, r, R_RSP, (i - 6) * 8);
    }
    /* Register arguments: evict each argument register, then fill it. */
    for (int i = 0; i < nb_i && i < 6; i++) {
        int areg = call_arg_regs[i];
        TCGTemp *ts = A(c, nb_o + i);
        unsigned code = (info->typemask >> (3 * (i + 1))) & 7;
        TCGType at = (code == 2 || code == 3) ? TCG_TYPE_I32 : TCG_TYPE_I64;

        if (s->reg_to_temp[areg] != ts || ts->kind == TEMP_FIXED) {
            reg_free(s, areg);
        }
        if (ts->kind == TEMP_CONST) {
            tcg_out_movi(s, at, areg, code == 3 ? (int32_t)ts->val : ts->val);
        } else if (ts->kind == TEMP_FIXED) {
            tcg_out_mov(s, TCG_TYPE_I64, areg, ts->reg);
        } else if (ts->val_type == TEMP_VAL_REG) {
            tcg_out_mov(s, TCG_TYPE_I64, areg, ts->reg);
        } else if (ts->val_type == TEMP_VAL_MEM) {
            int base;
            int32_t ofs;
            temp_home(s, ts, &base, &ofs);
            tcg_out_ld(s, at, areg, base, ofs);
        }
        if (code == 3) {
            tcg_out_modrm(s, OPC_MOVSLQ, areg, areg);
        }
        c->alloc |= RBIT(areg);
    }
    kill_inputs(c);

    /* Call-clobbered registers lose their values. */
    for (int r = 0; r < 16; r++) {
        if ((CALL_CLOBBER & RBIT(r)) && s->reg_to_temp[r]) {
            /* Argument registers were evicted above; save anything else. */
            reg_free(s, r);
        }
    }
    if (!(info->flags & TCG_CALL_NO_READ_GLOBALS)) {
        sync_globals(s, !(info->flags & TCG_CALL_NO_WRITE_GLOBALS));
    }
    tcg_out_call_abs(s, func);

    if (nb_o) {
        c->alloc = 0;
        TCGTemp *ots = A(c, 0);
        if (ots->val_type == TEMP_VAL_REG) {
            s->reg_to_temp[ots->reg] = NULL;
        }
        temp_bind(s, ots, R_RAX, false);
        c->nb_o = nb_o;
        finish_outputs(c);
    }
}

/* ---- guest memory: inline TLB lookup + out-of-line slow path ---- */

typedef struct LdstSlow {
    bool is_ld;
    TCGType type;
    MemOpIdx oi;
    int addr_reg, data_reg;
    uint32_t jmp_patch;         /* offset of the jne rel32 to patch */
    uint32_t raddr;             /* offset of the continuation */
    uint32_t save_mask;         /* live call-clobbered registers to preserve */
} LdstSlow;

static void tcg_out_push(TCGContext *s, int r)
{
    tcg_out_opc(s, OPC_PUSH_r32 + (r & 7), 0, r, 0);
}

static void tcg_out_pop(TCGContext *s, int r)
{
    tcg_out_opc(s, OPC_POP_r32 + (r & 7), 0, r, 0);
}

static void emit_host_load(TCGContext *s, TCGType t, MemOp mop, int d, int base)
{
    unsigned size = mop & MO_SIZE;
    bool bswap = mop & MO_BSWAP, sign = mop & MO_SIGN;

    switch (size) {
    case MO_8:
        tcg_out_modrm_offset(s, sign ? OPC_MOVSBL | rexw(t) : OPC_MOVZBL, d, base, 0);
        break;
    case MO_16:
        if (bswap) {
            tcg_out_modrm_offset(s, OPC_MOVZWL, d, base, 0);
            tcg_out_modrm(s, OPC_SHIFT_Ib | P_DATA16, SHIFT_ROL, d);
            out8(s, 8);
            if (sign) {
                tcg_out_modrm(s, OPC_MOVSWL | rexw(t), d, d);
            }
        } else {
            tcg_out_modrm_offset(s, sign ? OPC_MOVSWL | rexw(t) : OPC_MOVZWL, d, base, 0);
        }
        break;
    case MO_32:
        tcg_out_modrm_offset(s, OPC_MOVL_GvEv, d, base, 0);
        if (bswap) {
            tcg_out_opc(s, OPC_BSWAP + (d & 7), 0, d, 0);
        }
        if (sign && t == TCG_TYPE_I64) {
            tcg_out_modrm(s, OPC_MOVSLQ, d, d);
        }
        break;
    default:
        tcg_out_modrm_offset(s, OPC_MOVL_GvEv | P_REXW, d, base, 0);
        if (bswap) {
            tcg_out_opc(s, (OPC_BSWAP + (d & 7)) | P_REXW, 0, d, 0);
        }
        break;
    }
}

static void emit_host_store(TCGContext *s, MemOp mop, int v, int base)
{
    unsigned size = mop & MO_SIZE;

    if ((mop & MO_BSWAP) && size > MO_8) {
        /* Swap in rdi (free once the TLB entry has been read). */
        tcg_out_mov(s, TCG_TYPE_I64, R_L0, v);
        if (size == MO_16) {
            tcg_out_modrm(s, OPC_SHIFT_Ib | P_DATA16, SHIFT_ROL, R_L0);
            out8(s, 8);
        } else {
            tcg_out_opc(s, (OPC_BSWAP + (R_L0 & 7)) | (size == MO_64 ? P_REXW : 0),
                        0, R_L0, 0);
        }
        v = R_L0;
    }
    switch (size) {
    case MO_8:
        tcg_out_modrm_offset(s, OPC_MOVB_EvGv | P_REXB_R, v, base, 0);
        break;
    case MO_16:
        tcg_out_modrm_offset(s, OPC_MOVL_EvGv | P_DATA16, v, base, 0);
        break;
    case MO_32:
        tcg_out_modrm_offset(s, OPC_MOVL_EvGv, v, base, 0);
        break;
    default:
        tcg_out_modrm_offset(s, OPC_MOVL_EvGv | P_REXW, v, base, 0);
        break;
    }
}

static void do_qemu_ldst(OpCtx *c, bool is_ld)
{
    TCGContext *s = c->s;
    TCGType t = c->t;
    MemOpIdx oi = c->op->args[2];
    MemOp mop = get_memop(oi);
    unsigned mmu_idx = get_mmuidx(oi);
    unsigned s_bits = mop & MO_SIZE;
    unsigned a_bits = memop_alignment_bits(mop);
    uint32_t not_l = ALLOC_REGS & ~(RBIT(R_L0) | RBIT(R_L1));
    int addr, data;

    if (is_ld) {
        addr = in(c, 1, not_l);
    } else {
        data = in(c, 0, not_l);
        addr = in(c, 1, not_l);
    }
    /*
     * rdi/rsi are the lookup scratch: nothing may live there. Values in
     * other call-clobbered registers stay: the slow path saves around its
     * call the ones still bound to a temp (the result register excepted).
     */
    kill_inputs(c);
    reg_free(s, R_L0);
    reg_free(s, R_L1);
    c->alloc |= RBIT(R_L0) | RBIT(R_L1);
    if (is_ld) {
        data = out(c, 0, not_l, -1);
    }

    LdstSlow ls = {
        .is_ld = is_ld, .type = t, .oi = oi, .addr_reg = addr, .data_reg = data,
    };
    for (int r = 0; r < 16; r++) {
        if ((CALL_CLOBBER & RBIT(r)) && s->reg_to_temp[r] && !(is_ld && r == data)) {
            ls.save_mask |= RBIT(r);
        }
    }

    if (a_bits > TLB_FLAGS_LOW_BIT) {
        /* Alignment we cannot fold into the compare: always the slow path. */
        out8(s, OPC_JMP_long);
        ls.jmp_patch = s->code_ptr - s->code_buf;
        out32(s, 0);
    } else {
        int32_t mask_ofs = TLB_MASK_TABLE_OFS(mmu_idx) + offsetof(CPUTLBDescFast, mask);
        int32_t table_ofs = TLB_MASK_TABLE_OFS(mmu_idx) + offsetof(CPUTLBDescFast, table);
        int32_t cmp_ofs = is_ld ? offsetof(CPUTLBEntry, addr_read)
                                : offsetof(CPUTLBEntry, addr_write);
        int32_t s_mask = (1 << s_bits) - 1, a_mask = (1 << a_bits) - 1;

        /* rdi = &table[(addr >> (PAGE_BITS - ENTRY_BITS)) & mask] */
        tcg_out_mov(s, TCG_TYPE_I64, R_L0, addr);
        tcg_out_shifti(s, SHIFT_SHR, R_L0, TARGET_PAGE_BITS - CPU_TLB_ENTRY_BITS, TCG_TYPE_I64);
        tcg_out_modrm_offset(s, ((ARITH_AND << 3) | OPC_ARITH_GvEv) | P_REXW, R_L0, R_ENV, mask_ofs);
        tcg_out_modrm_offset(s, ((ARITH_ADD << 3) | OPC_ARITH_GvEv) | P_REXW, R_L0, R_ENV, table_ofs);
        /*
         * rsi = page of the access's last byte (so a page-crossing access
         * misses), keeping the alignment bits that must be zero.
         */
        if (a_bits < s_bits) {
            tcg_out_modrm_offset(s, OPC_LEA | P_REXW, R_L1, addr, s_mask - a_mask);
        } else {
            tcg_out_mov(s, TCG_TYPE_I64, R_L1, addr);
        }
        tgen_arithi(s, ARITH_AND, R_L1, (int32_t)(TARGET_PAGE_MASK | a_mask), TCG_TYPE_I64);
        tcg_out_modrm_offset(s, ((ARITH_CMP << 3) | OPC_ARITH_GvEv) | P_REXW, R_L1, R_L0, cmp_ofs);
        out8(s, 0x0f);
        out8(s, 0x80 + JCC_JNE);
        ls.jmp_patch = s->code_ptr - s->code_buf;
        out32(s, 0);
        /* Hit: host address = addr + addend. */
        tcg_out_ld(s, TCG_TYPE_I64, R_L1, R_L0, offsetof(CPUTLBEntry, addend));
        tgen_arithr(s, ARITH_ADD, R_L1, addr, TCG_TYPE_I64);
        if (is_ld) {
            emit_host_load(s, t, mop, data, R_L1);
        } else {
            emit_host_store(s, mop, data, R_L1);
        }
    }
    ls.raddr = s->code_ptr - s->code_buf;
    g_array_append_val(s->ldst_slow, ls);
    if (is_ld) {
        finish_outputs(c);
    }
}

static bool emit_slow_paths(TCGContext *s)
{
    for (guint i = 0; i < s->ldst_slow->len; i++) {
        LdstSlow *ls = &g_array_index(s->ldst_slow, LdstSlow, i);
        MemOp mop = get_memop(ls->oi);
        unsigned size = mop & MO_SIZE;
        uint8_t *patch = s->code_buf + ls->jmp_patch;
        uintptr_t raddr = (uintptr_t)s->code_buf + ls->raddr;
        int32_t disp = s->code_ptr - (patch + 4);

        if (s->code_ptr + 256 > s->code_end) {
            return false;
        }
        memcpy(patch, &disp, 4);
        /* Save live registers; keep rsp 16-byte aligned for the call. */
        int nsave = __builtin_popcount(ls->save_mask);
        for (int r = 0; r < 16; r++) {
            if (ls->save_mask & RBIT(r)) {
                tcg_out_push(s, r);
            }
        }
        if (nsave & 1) {
            tcg_out_push(s, R_RAX);
        }
        tcg_out_mov(s, TCG_TYPE_I64, R_RSI, ls->addr_reg);
        if (ls->is_ld) {
            tcg_out_mov(s, TCG_TYPE_I64, R_RDI, R_ENV);
            tcg_out_movi(s, TCG_TYPE_I32, R_RDX, ls->oi);
            tcg_out_movi(s, TCG_TYPE_I64, R_RCX, raddr);
            tcg_out_call_abs(s, (void *)tcg_ldst_helpers.ld[size]);
            int d = ls->data_reg;
            if (mop & MO_SIGN) {
                switch (size) {
                case MO_8:
                    tcg_out_modrm(s, OPC_MOVSBL | rexw(ls->type), d, R_RAX);
                    break;
                case MO_16:
                    tcg_out_modrm(s, OPC_MOVSWL | rexw(ls->type), d, R_RAX);
                    break;
                case MO_32:
                    tcg_out_modrm(s, ls->type == TCG_TYPE_I64 ? OPC_MOVSLQ
                                  : OPC_MOVL_GvEv, d, R_RAX);
                    break;
                default:
                    tcg_out_mov(s, TCG_TYPE_I64, d, R_RAX);
                    break;
                }
            } else {
                tcg_out_mov(s, ls->type, d, R_RAX);
            }
        } else {
            tcg_out_mov(s, TCG_TYPE_I64, R_RDX, ls->data_reg);
            tcg_out_mov(s, TCG_TYPE_I64, R_RDI, R_ENV);
            tcg_out_movi(s, TCG_TYPE_I32, R_RCX, ls->oi);
            tcg_out_movi(s, TCG_TYPE_I64, R_R8, raddr);
            tcg_out_call_abs(s, (void *)tcg_ldst_helpers.st[size]);
        }
        /* The result is in place (never a saved register): restore the rest. */
        if (nsave & 1) {
            tcg_out_modrm(s, OPC_ARITH_EvIb | P_REXW, ARITH_ADD, R_RSP);
            out8(s, 8);
        }
        for (int r = 15; r >= 0; r--) {
            if (ls->save_mask & RBIT(r)) {
                tcg_out_pop(s, r);
            }
        }
        tcg_out_jmp_abs(s, OPC_JMP_long, (void *)raddr);
    }
    return true;
}

/* ---- TB exits ---- */

static void do_exit_tb(TCGContext *s, uintptr_t val)
{
    if (val == 0) {
        tcg_out_jmp_abs(s, OPC_JMP_long, s->code_gen_epilogue);
    } else {
        tcg_out_movi(s, TCG_TYPE_I64, R_RAX, val);
        tcg_out_jmp_abs(s, OPC_JMP_long, s->tb_ret_addr);
    }
}

static void do_goto_tb(TCGContext *s, TranslationBlock *tb, int n)
{
    /* The rel32 must be 4-byte aligned so patching it is one atomic store. */
    int pad = (4 - (((uintptr_t)s->code_ptr + 1) & 3)) & 3;
    tcg_out_nopn(s, pad);
    tb->jmp_insn_offset[n] = s->code_ptr - s->code_buf;
    out8(s, OPC_JMP_long);
    out32(s, 0);
    tb->jmp_reset_offset[n] = s->code_ptr - s->code_buf;
}

void tcg_x86_set_jmp_target(const TranslationBlock *tb, int n,
                            uintptr_t jmp_rx, uintptr_t jmp_rw)
{
    uintptr_t addr = tb->jmp_target_addr[n];
    int32_t disp = addr - (jmp_rx + 5);
    __atomic_store_n((int32_t *)(jmp_rw + 1), disp, __ATOMIC_RELEASE);
}

/* ---- prologue ---- */

static const int saved_regs[] = { R_RBP, R_RBX, R_R12, R_R13, R_R14, R_R15 };

void tcg_x86_gen_prologue(TCGContext *s)
{
    s->code_ptr = s->code_gen_ptr;
    s->code_buf = s->code_ptr;

    /* prologue(env = rdi, tb code = rsi) */
    for (size_t i = 0; i < ARRAY_SIZE(saved_regs); i++) {
        tcg_out_opc(s, OPC_PUSH_r32 + (saved_regs[i] & 7), 0, saved_regs[i], 0);
    }
    tcg_out_mov(s, TCG_TYPE_I64, R_ENV, R_RDI);
    tcg_out_modrm(s, OPC_ARITH_EvIz | P_REXW, ARITH_SUB, R_RSP);
    out32(s, FRAME_SIZE);
    tcg_out_modrm(s, OPC_GRP5, EXT5_JMPN_Ev, R_RSI);

    /* goto_ptr / exit_tb(NULL): return 0. */
    s->code_gen_epilogue = s->code_ptr;
    tcg_out_modrm(s, (ARITH_XOR << 3) | OPC_ARITH_GvEv, R_RAX, R_RAX);
    /* exit_tb(x): return rax. */
    s->tb_ret_addr = s->code_ptr;
    tcg_out_modrm(s, OPC_ARITH_EvIz | P_REXW, ARITH_ADD, R_RSP);
    out32(s, FRAME_SIZE);
    for (int i = ARRAY_SIZE(saved_regs) - 1; i >= 0; i--) {
        tcg_out_opc(s, OPC_POP_r32 + (saved_regs[i] & 7), 0, saved_regs[i], 0);
    }
    out8(s, OPC_RET);
    s->code_gen_ptr = s->code_ptr;
    if (!s->ldst_slow) {
        s->ldst_slow = g_array_new(false, false, sizeof(LdstSlow));
    }
}

/* ---- the per-TB driver ---- */

int tcg_x86_gen_code(TCGContext *s, TranslationBlock *tb)
{
    if (!s->ldst_slow) {
        s->ldst_slow = g_array_new(false, false, sizeof(LdstSlow));
    }
    g_array_set_size(s->relocs, 0);
    g_array_set_size(s->ldst_slow, 0);
    memset(s->reg_to_temp, 0, sizeof(s->reg_to_temp));
    s->frame_start = CALL_ARGS_SIZE;
    s->frame_end = CALL_ARGS_SIZE + TCG_STATIC_FRAME_SIZE;
    s->frame_offset = s->frame_start;

    for (int i = 0; i < s->nb_temps; i++) {
        TCGTemp *ts = &s->temps[i];
        switch (ts->kind) {
        case TEMP_GLOBAL:
            ts->val_type = TEMP_VAL_MEM;
            ts->mem_coherent = true;
            break;
        case TEMP_FIXED:
            ts->val_type = TEMP_VAL_REG;
            break;
        case TEMP_CONST:
            ts->val_type = TEMP_VAL_CONST;
            break;
        default:
            ts->val_type = TEMP_VAL_DEAD;
            ts->mem_allocated = false;
            break;
        }
    }

    for (TCGOp *op = s->first_op; op; op = op->next) {
        const TCGOpDef *def = &tcg_op_defs[op->opc];
        OpCtx c = {
            .s = s, .op = op, .t = op->type, .life = op->life,
            .nb_o = def->nb_oargs, .nb_i = def->nb_iargs,
        };
        TCGOpcode opc = op->opc;

        if (s->code_ptr + 4096 > s->code_end) {
            return -1;
        }
        switch (opc) {
        case INDEX_op_insn_start:
            tcg_record_insn_start(s, op, s->code_ptr - s->code_buf);
            break;
        case INDEX_op_discard: {
            TCGTemp *ts = A(&c, 0);
            temp_dead(s, ts);
            break;
        }
        case INDEX_op_mb:
            /* One host thread runs every vCPU: no fence needed. */
            break;
        case INDEX_op_set_label: {
            TCGLabel *l = arg_label(op->args[0]);
            save_all(s);
            /* After a label, every TB temp that has a home lives there. */
            for (int i = s->nb_globals; i < s->nb_temps; i++) {
                TCGTemp *ts = &s->temps[i];
                if (ts->kind == TEMP_TB || ts->kind == TEMP_EBB) {
                    ts->val_type = ts->mem_allocated ? TEMP_VAL_MEM : TEMP_VAL_DEAD;
                }
            }
            l->has_value = true;
            l->value = (uintptr_t)s->code_ptr;
            break;
        }
        case INDEX_op_br:
            save_all(s);
            tcg_out_jcc_label(s, -1, arg_label(op->args[0]));
            break;
        case INDEX_op_brcond:
            do_brcond(&c);
            break;
        case INDEX_op_exit_tb:
            sync_globals(s, true);
            do_exit_tb(s, op->args[0]);
            break;
        case INDEX_op_goto_tb:
            sync_globals(s, true);
            do_goto_tb(s, tb, op->args[0]);
            break;
        case INDEX_op_goto_ptr: {
            int r = in(&c, 0, ALLOC_REGS);
            kill_inputs(&c);
            sync_globals(s, true);
            tcg_out_modrm(s, OPC_TESTL | P_REXW, r, r);
            tcg_out_jmp_abs(s, OPC_JCC_long | JCC_JE, s->code_gen_epilogue);
            tcg_out_modrm(s, OPC_GRP5, EXT5_JMPN_Ev, r);
            break;
        }
        case INDEX_op_call:
            c.nb_o = op->callo;
            c.nb_i = op->calli;
            do_call(&c);
            break;
        case INDEX_op_mov:
            do_mov(&c);
            break;
        case INDEX_op_add:
            do_alu(&c, ARITH_ADD, true);
            break;
        case INDEX_op_sub:
            do_alu(&c, ARITH_SUB, false);
            break;
        case INDEX_op_and:
            do_alu(&c, ARITH_AND, true);
            break;
        case INDEX_op_or:
            do_alu(&c, ARITH_OR, true);
            break;
        case INDEX_op_xor:
            do_alu(&c, ARITH_XOR, true);
            break;
        case INDEX_op_andc:
        case INDEX_op_orc:
        case INDEX_op_eqv:
        case INDEX_op_nand:
        case INDEX_op_nor:
            do_logic_neg(&c, opc);
            break;
        case INDEX_op_mul:
            do_mul(&c);
            break;
        case INDEX_op_shl:
            do_shift(&c, SHIFT_SHL);
            break;
        case INDEX_op_shr:
            do_shift(&c, SHIFT_SHR);
            break;
        case INDEX_op_sar:
            do_shift(&c, SHIFT_SAR);
            break;
        case INDEX_op_rotl:
            do_shift(&c, SHIFT_ROL);
            break;
        case INDEX_op_rotr:
            do_shift(&c, SHIFT_ROR);
            break;
        case INDEX_op_div:
        case INDEX_op_divu:
        case INDEX_op_rem:
        case INDEX_op_remu:
        case INDEX_op_mulu2:
        case INDEX_op_muls2:
        case INDEX_op_muluh:
        case INDEX_op_mulsh:
            do_muldiv(&c, opc);
            break;
        case INDEX_op_add2:
            do_addsub2(&c, true);
            break;
        case INDEX_op_sub2:
            do_addsub2(&c, false);
            break;
        case INDEX_op_neg:
        case INDEX_op_not:
        case INDEX_op_ext8s:
        case INDEX_op_ext8u:
        case INDEX_op_ext16s:
        case INDEX_op_ext16u:
        case INDEX_op_ext32s:
        case INDEX_op_ext32u:
        case INDEX_op_ext_i32_i64:
        case INDEX_op_extu_i32_i64:
        case INDEX_op_extrl_i64_i32:
        case INDEX_op_extrh_i64_i32:
        case INDEX_op_ctpop:
        case INDEX_op_bswap16:
        case INDEX_op_bswap32:
        case INDEX_op_bswap64:
            do_unary(&c, opc);
            break;
        case INDEX_op_clz:
            do_clz_ctz(&c, true);
            break;
        case INDEX_op_ctz:
            do_clz_ctz(&c, false);
            break;
        case INDEX_op_extract:
            do_extract(&c, false);
            break;
        case INDEX_op_sextract:
            do_extract(&c, true);
            break;
        case INDEX_op_deposit:
            do_deposit(&c);
            break;
        case INDEX_op_extract2:
            do_extract2(&c);
            break;
        case INDEX_op_setcond:
            do_setcond(&c, false);
            break;
        case INDEX_op_negsetcond:
            do_setcond(&c, true);
            break;
        case INDEX_op_movcond:
            do_movcond(&c);
            break;
        case INDEX_op_ld8u:
        case INDEX_op_ld8s:
        case INDEX_op_ld16u:
        case INDEX_op_ld16s:
        case INDEX_op_ld32u:
        case INDEX_op_ld32s:
        case INDEX_op_ld:
            do_ld(&c, opc);
            break;
        case INDEX_op_st8:
        case INDEX_op_st16:
        case INDEX_op_st32:
        case INDEX_op_st:
            do_st(&c, opc);
            break;
        case INDEX_op_qemu_ld:
            do_qemu_ldst(&c, true);
            break;
        case INDEX_op_qemu_st:
            do_qemu_ldst(&c, false);
            break;
        case NB_OPS:
            g_assert_not_reached();
        }
    }
    tcg_record_insn_end(s, s->code_ptr - s->code_buf);

    if (!emit_slow_paths(s) || s->code_ptr + 64 > s->code_end) {
        return -1;
    }
    for (guint i = 0; i < s->relocs->len; i++) {
        TCGReloc *r = &g_array_index(s->relocs, TCGReloc, i);
        g_assert(r->label->has_value);
        int32_t disp = r->label->value - (uintptr_t)(s->code_buf + r->offset + 4);
        memcpy(s->code_buf + r->offset, &disp, 4);
    }
    return s->code_ptr - s->code_buf;
}

/* ---- -d out_asm ---- */

void tcg_x86_disas(FILE *f, const void *code, size_t size)
{
    csh h;
    cs_insn *insn;

    if (cs_open(CS_ARCH_X86, CS_MODE_64, &h) != CS_ERR_OK) {
        fprintf(f, "  (capstone unavailable)\n");
        return;
    }
    size_t n = cs_disasm(h, code, size, (uintptr_t)code, 0, &insn);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "  0x%08" PRIx64 ":  %-8s %s\n", insn[i].address,
                insn[i].mnemonic, insn[i].op_str);
    }
    if (n) {
        cs_free(insn, n);
    }
    cs_close(&h);
}
