/*
 * test-tcg.c - the TCG core on hand-built IR, differentially: every TB is
 * generated and run once by the bytecode interpreter and once by the
 * x86-64 backend, and each result is checked against a C reference model
 * written here (not the interpreter's code). Covers arithmetic edge cases,
 * shifts and rotates, mul2/add2, division corner cases, conditions,
 * loops, deposit/extract, byte swaps, bit counts, helper calls with up to 7
 * arguments, env loads/stores, TB exits and chaining, guest memory through
 * the softmmu slow path and the inline TLB fast path, and unwind data.
 */
#include "util/osdep.h"
#include "tcg/tcg.h"
#include "tcg/tcg-op.h"
#include "tcg/tcg-internal.h"
#include "exec/cpu-tlb.h"

typedef struct FakeEnv {
    uint64_t r[16];
    uint32_t w[8];
    uint64_t scratch[4];
} FakeEnv;

typedef struct FakeCPU {
    CPUNegativeOffsetState neg;
    FakeEnv env;
} FakeCPU;

static FakeCPU cpu;
static TCGv_i64 R[16];
static TCGv_i32 W[8];

#define ENV ((CPUArchState *)&cpu.env)

static const uint64_t vals[] = {
    0, 1, 2, 3, 7, 31, 32, 33, 63, 64, 65, 0xff, 0x100, 0x7fff, 0x8000, 0xffff,
    0x7fffffff, 0x80000000, 0x80000001, 0xffffffff, 0x100000000ull,
    0x123456789abcdef0ull, 0xfedcba9876543210ull, 0x7fffffffffffffffull,
    0x8000000000000000ull, 0xffffffffffffffffull, 0xfffffffffffffffeull,
    0xffffffff80000000ull, 0x00000000deadbeefull, 0x5555555555555555ull,
};
#define NV ARRAY_SIZE(vals)

/* Generate the ops built by @build into a TB with the chosen backend. */
static TranslationBlock *gen_tb(bool interp, void (*build)(void *), void *opaque)
{
    TranslationBlock *tb = g_new0(TranslationBlock, 1);

    tcg_use_interp = interp;
    tcg_func_start(tcg_ctx);
    build(opaque);
    tb->tc.ptr = tcg_ctx->code_gen_ptr;
    int n = tcg_gen_code(tcg_ctx, tb, 0);
    g_assert_cmpint(n, >, 0);
    tb->tc.size = n;
    tb->icount = tcg_ctx->nb_insns;
    tb->insn_end_off = g_memdup2(tcg_ctx->gen_insn_end_off, sizeof(uint32_t) * TCG_MAX_INSNS);
    tb->insn_data = g_memdup2(tcg_ctx->gen_insn_data, sizeof(tcg_ctx->gen_insn_data));
    tcg_ctx->code_gen_ptr = (void *)ROUND_UP((uintptr_t)tcg_ctx->code_gen_ptr + n,
                                             TCG_CODE_ALIGN);
    return tb;
}

static uintptr_t run_tb(TranslationBlock *tb, bool interp)
{
    tcg_use_interp = interp;
    return tcg_qemu_tb_exec(ENV, tb->tc.ptr);
}

static void free_tb(TranslationBlock *tb)
{
    g_free(tb->insn_end_off);
    g_free(tb->insn_data);
    g_free(tb);
}

/* ---- C reference model ---- */

enum { T_I32, T_I64 };

static uint64_t mask_of(int t)
{
    return t == T_I32 ? 0xffffffffull : ~0ull;
}

static uint64_t sx(uint64_t v, int t)
{
    return t == T_I32 ? (uint64_t)(int64_t)(int32_t)v : v;
}

typedef uint64_t (*RefFn)(uint64_t a, uint64_t b, int t);
typedef void (*GenBin32)(TCGv_i32, TCGv_i32, TCGv_i32);
typedef void (*GenBin64)(TCGv_i64, TCGv_i64, TCGv_i64);

static uint64_t r_add(uint64_t a, uint64_t b, int t) { return a + b; }
static uint64_t r_sub(uint64_t a, uint64_t b, int t) { return a - b; }
static uint64_t r_mul(uint64_t a, uint64_t b, int t) { return a * b; }
static uint64_t r_and(uint64_t a, uint64_t b, int t) { return a & b; }
static uint64_t r_or(uint64_t a, uint64_t b, int t) { return a | b; }
static uint64_t r_xor(uint64_t a, uint64_t b, int t) { return a ^ b; }
static uint64_t r_andc(uint64_t a, uint64_t b, int t) { return a & ~b; }
static uint64_t r_orc(uint64_t a, uint64_t b, int t) { return a | ~b; }
static uint64_t r_eqv(uint64_t a, uint64_t b, int t) { return ~(a ^ b); }
static uint64_t r_nand(uint64_t a, uint64_t b, int t) { return ~(a & b); }
static uint64_t r_nor(uint64_t a, uint64_t b, int t) { return ~(a | b); }
static unsigned wb(int t) { return t == T_I32 ? 32 : 64; }
static uint64_t r_shl(uint64_t a, uint64_t b, int t) { return a << (b & (wb(t) - 1)); }
static uint64_t r_shr(uint64_t a, uint64_t b, int t) { return (a & mask_of(t)) >> (b & (wb(t) - 1)); }
static uint64_t r_sar(uint64_t a, uint64_t b, int t) { return (uint64_t)((int64_t)sx(a, t) >> (b & (wb(t) - 1))); }
static uint64_t r_rotl(uint64_t a, uint64_t b, int t)
{
    unsigned n = wb(t), c = b & (n - 1);
    a &= mask_of(t);
    return c ? (a << c) | (a >> (n - c)) : a;
}
static uint64_t r_rotr(uint64_t a, uint64_t b, int t)
{
    unsigned n = wb(t), c = b & (n - 1);
    a &= mask_of(t);
    return c ? (a >> c) | (a << (n - c)) : a;
}
static uint64_t r_div(uint64_t a, uint64_t b, int t)
{
    int64_t x = sx(a, t), y = sx(b, t);
    int64_t min = t == T_I32 ? INT32_MIN : INT64_MIN;
    if (y == 0) {
        return 0;
    }
    if (y == -1 && x == min) {
        return x;
    }
    return x / y;
}
static uint64_t r_rem(uint64_t a, uint64_t b, int t)
{
    int64_t x = sx(a, t), y = sx(b, t);
    if (y == 0) {
        return x;
    }
    if (y == -1) {
        return 0;
    }
    return x % y;
}
static uint64_t r_divu(uint64_t a, uint64_t b, int t)
{
    a &= mask_of(t);
    b &= mask_of(t);
    return b ? a / b : 0;
}
static uint64_t r_remu(uint64_t a, uint64_t b, int t)
{
    a &= mask_of(t);
    b &= mask_of(t);
    return b ? a % b : a;
}
static uint64_t r_muluh(uint64_t a, uint64_t b, int t)
{
    if (t == T_I32) {
        return ((a & 0xffffffff) * (b & 0xffffffff)) >> 32;
    }
    return (uint64_t)(((unsigned __int128)a * b) >> 64);
}
static uint64_t r_mulsh(uint64_t a, uint64_t b, int t)
{
    if (t == T_I32) {
        return (uint64_t)(((int64_t)(int32_t)a * (int32_t)b) >> 32);
    }
    return (uint64_t)(((__int128)(int64_t)a * (int64_t)b) >> 64);
}
static uint64_t r_smin(uint64_t a, uint64_t b, int t) { return (int64_t)sx(a, t) < (int64_t)sx(b, t) ? a : b; }
static uint64_t r_smax(uint64_t a, uint64_t b, int t) { return (int64_t)sx(a, t) > (int64_t)sx(b, t) ? a : b; }
static uint64_t r_umin(uint64_t a, uint64_t b, int t) { return (a & mask_of(t)) < (b & mask_of(t)) ? a : b; }
static uint64_t r_umax(uint64_t a, uint64_t b, int t) { return (a & mask_of(t)) > (b & mask_of(t)) ? a : b; }
static uint64_t r_clz(uint64_t a, uint64_t b, int t)
{
    a &= mask_of(t);
    return a ? (uint64_t)__builtin_clzll(a) - (64 - wb(t)) : b;
}
static uint64_t r_ctz(uint64_t a, uint64_t b, int t)
{
    a &= mask_of(t);
    return a ? (uint64_t)__builtin_ctzll(a) : b;
}

typedef struct BinCase {
    const char *name;
    RefFn ref;
    GenBin32 g32;
    GenBin64 g64;
} BinCase;

#define BC(n) { #n, r_##n, tcg_gen_##n##_i32, tcg_gen_##n##_i64 }
static const BinCase bin_cases[] = {
    BC(add), BC(sub), BC(mul), BC(and), BC(or), BC(xor), BC(andc), BC(orc),
    BC(eqv), BC(nand), BC(nor), BC(shl), BC(shr), BC(sar), BC(rotl), BC(rotr),
    BC(div), BC(divu), BC(rem), BC(remu), BC(muluh), BC(mulsh),
    BC(smin), BC(smax), BC(umin), BC(umax), BC(clz), BC(ctz),
};

typedef struct BinBuild {
    const BinCase *c;
    int t;
    int cmode;          /* 0: both regs, 1: b constant, 2: a constant */
    uint64_t a, b;
} BinBuild;

static void build_bin(void *opaque)
{
    BinBuild *bb = opaque;
    if (bb->t == T_I64) {
        TCGv_i64 a = bb->cmode == 2 ? tcg_constant_i64(bb->a) : R[1];
        TCGv_i64 b = bb->cmode == 1 ? tcg_constant_i64(bb->b) : R[2];
        TCGv_i64 d = tcg_temp_new_i64();
        bb->c->g64(d, a, b);
        tcg_gen_mov_i64(R[0], d);
        /* The same op with the output aliasing an input. */
        tcg_gen_mov_i64(R[3], R[1]);
        bb->c->g64(R[3], R[3], b);
    } else {
        TCGv_i32 a = bb->cmode == 2 ? tcg_constant_i32(bb->a) : W[1];
        TCGv_i32 b = bb->cmode == 1 ? tcg_constant_i32(bb->b) : W[2];
        TCGv_i32 d = tcg_temp_new_i32();
        bb->c->g32(d, a, b);
        tcg_gen_mov_i32(W[0], d);
        tcg_gen_mov_i32(W[3], W[1]);
        bb->c->g32(W[3], W[3], b);
    }
    tcg_gen_exit_tb(NULL, 0);
}

static void check_bin_one(BinBuild *bb, TranslationBlock *tb, bool interp,
                          uint64_t a, uint64_t b)
{
    uint64_t m = mask_of(bb->t);
    uint64_t exp = bb->c->ref(a, b, bb->t) & m;
    uint64_t exp3 = exp;
    uint64_t got, got3;

    memset(&cpu.env, 0xa5, sizeof(cpu.env));
    if (bb->cmode == 2) {
        /* a is a constant: R[3] path still uses the register a. */
        exp3 = bb->c->ref(a, b, bb->t) & m;
    }
    if (bb->t == T_I64) {
        cpu.env.r[1] = a;
        cpu.env.r[2] = b;
    } else {
        cpu.env.w[1] = a;
        cpu.env.w[2] = b;
    }
    g_assert_cmpuint(run_tb(tb, interp), ==, 0);
    if (bb->t == T_I64) {
        got = cpu.env.r[0];
        got3 = cpu.env.r[3];
    } else {
        got = cpu.env.w[0];
        got3 = cpu.env.w[3];
    }
    if (got != exp || got3 != exp3) {
        g_error("%s_i%d(%#" PRIx64 ", %#" PRIx64 ") [%s, cmode %d]: expected %#"
                PRIx64 ", got %#" PRIx64 " (aliased: %#" PRIx64 ")",
                bb->c->name, bb->t == T_I32 ? 32 : 64, a & m, b & m,
                interp ? "interp" : "native", bb->cmode, exp, got, got3);
    }
}

static void test_binary_ops(void)
{
    for (size_t ci = 0; ci < ARRAY_SIZE(bin_cases); ci++) {
        for (int t = T_I32; t <= T_I64; t++) {
            for (int interp = 0; interp <= 1; interp++) {
                BinBuild bb = { &bin_cases[ci], t, 0 };
                TranslationBlock *tb = gen_tb(interp, build_bin, &bb);
                for (size_t i = 0; i < NV; i++) {
                    for (size_t j = 0; j < NV; j++) {
                        check_bin_one(&bb, tb, interp, vals[i], vals[j]);
                    }
                }
                free_tb(tb);
                /* Constant second operand, then constant first operand. */
                for (int cm = 1; cm <= 2; cm++) {
                    for (size_t j = 0; j < NV; j += 3) {
                        bb.cmode = cm;
                        bb.a = vals[j];
                        bb.b = vals[j];
                        tb = gen_tb(interp, build_bin, &bb);
                        for (size_t i = 0; i < NV; i += 2) {
                            if (cm == 1) {
                                check_bin_one(&bb, tb, interp, vals[i], vals[j]);
                            }
                        }
                        free_tb(tb);
                    }
                }
            }
        }
    }
}

/* Constant-first-operand results are checked through R[0] only. */
static void build_bin_constfirst(void *opaque)
{
    BinBuild *bb = opaque;
    if (bb->t == T_I64) {
        bb->c->g64(R[0], tcg_constant_i64(bb->a), R[2]);
    } else {
        bb->c->g32(W[0], tcg_constant_i32(bb->a), W[2]);
    }
    tcg_gen_exit_tb(NULL, 0);
}

static void test_binary_const_first(void)
{
    for (size_t ci = 0; ci < ARRAY_SIZE(bin_cases); ci++) {
        for (int t = T_I32; t <= T_I64; t++) {
            for (int interp = 0; interp <= 1; interp++) {
                for (size_t i = 0; i < NV; i += 2) {
                    BinBuild bb = { &bin_cases[ci], t, 2, vals[i], 0 };
                    TranslationBlock *tb = gen_tb(interp, build_bin_constfirst, &bb);
                    for (size_t j = 0; j < NV; j++) {
                        uint64_t m = mask_of(t);
                        cpu.env.r[2] = vals[j];
                        cpu.env.w[2] = vals[j];
                        run_tb(tb, interp);
                        uint64_t got = t == T_I64 ? cpu.env.r[0] : cpu.env.w[0];
                        uint64_t exp = bin_cases[ci].ref(vals[i], vals[j], t) & m;
                        if (got != exp) {
                            g_error("%s_i%d($%#" PRIx64 ", %#" PRIx64 ") [%s]: expected %#"
                                    PRIx64 ", got %#" PRIx64, bin_cases[ci].name,
                                    t == T_I32 ? 32 : 64, vals[i] & m, vals[j] & m,
                                    interp ? "interp" : "native", exp, got);
                        }
                    }
                    free_tb(tb);
                }
            }
        }
    }
}

/* ---- unary ops ---- */

typedef struct UnCase {
    const char *name;
    int t;
    void (*gen)(TCGv_i64 d, TCGv_i64 a, TCGv_i32 dw, TCGv_i32 aw);
    uint64_t (*ref)(uint64_t a);
} UnCase;

#define UN64(nm, ...) \
    static void g_##nm(TCGv_i64 d, TCGv_i64 a, TCGv_i32 dw, TCGv_i32 aw) { __VA_ARGS__; } \
    static uint64_t r_##nm(uint64_t a)
#define UN32 UN64

UN64(neg64, tcg_gen_neg_i64(d, a)) { return -a; }
UN64(not64, tcg_gen_not_i64(d, a)) { return ~a; }
UN64(abs64, tcg_gen_abs_i64(d, a)) { return (int64_t)a < 0 ? -a : a; }
UN64(ctpop64, tcg_gen_ctpop_i64(d, a)) { return __builtin_popcountll(a); }
UN64(ext8s64, tcg_gen_ext8s_i64(d, a)) { return (int64_t)(int8_t)a; }
UN64(ext8u64, tcg_gen_ext8u_i64(d, a)) { return (uint8_t)a; }
UN64(ext16s64, tcg_gen_ext16s_i64(d, a)) { return (int64_t)(int16_t)a; }
UN64(ext16u64, tcg_gen_ext16u_i64(d, a)) { return (uint16_t)a; }
UN64(ext32s64, tcg_gen_ext32s_i64(d, a)) { return (int64_t)(int32_t)a; }
UN64(ext32u64, tcg_gen_ext32u_i64(d, a)) { return (uint32_t)a; }
UN64(bswap64, tcg_gen_bswap64_i64(d, a)) { return __builtin_bswap64(a); }
UN64(bswap32oz, tcg_gen_bswap32_i64(d, a, TCG_BSWAP_OZ)) { return __builtin_bswap32(a); }
UN64(bswap32os, tcg_gen_bswap32_i64(d, a, TCG_BSWAP_OS)) { return (int64_t)(int32_t)__builtin_bswap32(a); }
UN64(bswap16oz, tcg_gen_bswap16_i64(d, a, TCG_BSWAP_OZ)) { return __builtin_bswap16(a); }
UN64(bswap16os, tcg_gen_bswap16_i64(d, a, TCG_BSWAP_OS)) { return (int64_t)(int16_t)__builtin_bswap16(a); }
UN64(hswap64, tcg_gen_hswap_i64(d, a))
{
    return (a >> 48) | ((a >> 16) & 0xffff0000ull) | ((a << 16) & 0xffff00000000ull) | (a << 48);
}
UN64(wswap64, tcg_gen_wswap_i64(d, a)) { return (a >> 32) | (a << 32); }
UN64(clrsb64, tcg_gen_clrsb_i64(d, a))
{
    uint64_t x = a ^ (uint64_t)((int64_t)a >> 63);
    return (x ? __builtin_clzll(x) : 64) - 1;
}
UN64(extract64, tcg_gen_extract_i64(d, a, 13, 21)) { return (a >> 13) & 0x1fffff; }
UN64(sextract64, tcg_gen_sextract_i64(d, a, 7, 40)) { return (uint64_t)((int64_t)(a << 17) >> 24); }
UN64(extract64hi, tcg_gen_extract_i64(d, a, 40, 24)) { return a >> 40; }
UN64(depz64, tcg_gen_deposit_z_i64(d, a, 8, 12)) { return (a & 0xfff) << 8; }
UN64(ext_i32, { TCGv_i32 t = tcg_temp_new_i32(); tcg_gen_extrl_i64_i32(t, a);
                tcg_gen_ext_i32_i64(d, t); }) { return (int64_t)(int32_t)a; }
UN64(extu_i32, { TCGv_i32 t = tcg_temp_new_i32(); tcg_gen_extrh_i64_i32(t, a);
                 tcg_gen_extu_i32_i64(d, t); }) { return a >> 32; }
UN64(concat, { TCGv_i32 l = tcg_temp_new_i32(), h = tcg_temp_new_i32();
               tcg_gen_extr_i64_i32(l, h, a); tcg_gen_concat_i32_i64(d, h, l); })
{ return (a >> 32) | (a << 32); }
UN32(neg32, tcg_gen_neg_i32(dw, aw)) { return -(uint32_t)a; }
UN32(not32, tcg_gen_not_i32(dw, aw)) { return ~(uint32_t)a; }
UN32(ctpop32, tcg_gen_ctpop_i32(dw, aw)) { return __builtin_popcount((uint32_t)a); }
UN32(bswap32, tcg_gen_bswap32_i32(dw, aw)) { return __builtin_bswap32(a); }
UN32(bswap16_32, tcg_gen_bswap16_i32(dw, aw, TCG_BSWAP_OS)) { return (uint32_t)(int32_t)(int16_t)__builtin_bswap16(a); }
UN32(ext8s32, tcg_gen_ext8s_i32(dw, aw)) { return (uint32_t)(int32_t)(int8_t)a; }
UN32(ext16u32, tcg_gen_ext16u_i32(dw, aw)) { return (uint16_t)a; }
UN32(extract32, tcg_gen_extract_i32(dw, aw, 3, 9)) { return ((uint32_t)a >> 3) & 0x1ff; }
UN32(sextract32, tcg_gen_sextract_i32(dw, aw, 4, 20)) { return (uint32_t)((int32_t)((uint32_t)a << 8) >> 12); }
UN32(abs32, tcg_gen_abs_i32(dw, aw)) { return (int32_t)a < 0 ? -(uint32_t)a : (uint32_t)a; }
UN32(hswap32, tcg_gen_hswap_i32(dw, aw)) { return (uint32_t)((uint32_t)a >> 16 | (uint32_t)a << 16); }

#define UC64(n) { #n, T_I64, g_##n, r_##n }
#define UC32(n) { #n, T_I32, g_##n, r_##n }
static const UnCase un_cases[] = {
    UC64(neg64), UC64(not64), UC64(abs64), UC64(ctpop64), UC64(ext8s64),
    UC64(ext8u64), UC64(ext16s64), UC64(ext16u64), UC64(ext32s64), UC64(ext32u64),
    UC64(bswap64), UC64(bswap32oz), UC64(bswap32os), UC64(bswap16oz),
    UC64(bswap16os), UC64(hswap64), UC64(wswap64), UC64(clrsb64),
    UC64(extract64), UC64(sextract64), UC64(extract64hi), UC64(depz64),
    UC64(ext_i32), UC64(extu_i32), UC64(concat),
    UC32(neg32), UC32(not32), UC32(ctpop32), UC32(bswap32), UC32(bswap16_32),
    UC32(ext8s32), UC32(ext16u32), UC32(extract32), UC32(sextract32), UC32(abs32),
    UC32(hswap32),
};

static void build_un(void *opaque)
{
    const UnCase *c = opaque;
    c->gen(R[0], R[1], W[0], W[1]);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_unary_ops(void)
{
    for (size_t ci = 0; ci < ARRAY_SIZE(un_cases); ci++) {
        const UnCase *c = &un_cases[ci];
        for (int interp = 0; interp <= 1; interp++) {
            TranslationBlock *tb = gen_tb(interp, build_un, (void *)c);
            for (size_t i = 0; i < NV; i++) {
                uint64_t m = mask_of(c->t);
                cpu.env.r[1] = vals[i];
                cpu.env.w[1] = vals[i];
                cpu.env.r[0] = 0x5a5a5a5a;
                cpu.env.w[0] = 0x5a5a5a5a;
                run_tb(tb, interp);
                uint64_t got = c->t == T_I64 ? cpu.env.r[0] : cpu.env.w[0];
                uint64_t exp = c->ref(vals[i]) & m;
                if (got != exp) {
                    g_error("%s(%#" PRIx64 ") [%s]: expected %#" PRIx64 ", got %#" PRIx64,
                            c->name, vals[i], interp ? "interp" : "native", exp, got);
                }
            }
            free_tb(tb);
        }
    }
}

/* ---- conditions ---- */

static bool r_cond(TCGCond c, uint64_t a, uint64_t b, int t)
{
    uint64_t m = mask_of(t);
    int64_t sa = sx(a, t), sb = sx(b, t);
    a &= m;
    b &= m;
    switch (c) {
    case TCG_COND_NEVER: return false;
    case TCG_COND_ALWAYS: return true;
    case TCG_COND_EQ: return a == b;
    case TCG_COND_NE: return a != b;
    case TCG_COND_TSTEQ: return !(a & b);
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
    return false;
}

static const TCGCond all_conds[] = {
    TCG_COND_NEVER, TCG_COND_ALWAYS, TCG_COND_EQ, TCG_COND_NE, TCG_COND_TSTEQ,
    TCG_COND_TSTNE, TCG_COND_LT, TCG_COND_GE, TCG_COND_LE, TCG_COND_GT,
    TCG_COND_LTU, TCG_COND_GEU, TCG_COND_LEU, TCG_COND_GTU,
};

typedef struct CondBuild {
    TCGCond c;
    int t;
    bool cst;
    uint64_t b;
} CondBuild;

static void build_cond(void *opaque)
{
    CondBuild *cb = opaque;
    TCGLabel *l = gen_new_label();
    if (cb->t == T_I64) {
        TCGv_i64 b = cb->cst ? tcg_constant_i64(cb->b) : R[2];
        tcg_gen_setcond_i64(cb->c, R[0], R[1], b);
        tcg_gen_negsetcond_i64(cb->c, R[3], R[1], b);
        tcg_gen_movcond_i64(cb->c, R[4], R[1], b, R[5], R[6]);
        tcg_gen_movi_i64(R[7], 1);
        tcg_gen_brcond_i64(cb->c, R[1], b, l);
        tcg_gen_movi_i64(R[7], 0);
    } else {
        TCGv_i32 b = cb->cst ? tcg_constant_i32(cb->b) : W[2];
        tcg_gen_setcond_i32(cb->c, W[0], W[1], b);
        tcg_gen_negsetcond_i32(cb->c, W[3], W[1], b);
        tcg_gen_movcond_i32(cb->c, W[4], W[1], b, W[5], W[6]);
        tcg_gen_movi_i64(R[7], 1);
        tcg_gen_brcond_i32(cb->c, W[1], b, l);
        tcg_gen_movi_i64(R[7], 0);
    }
    gen_set_label(l);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_conditions(void)
{
    for (size_t ci = 0; ci < ARRAY_SIZE(all_conds); ci++) {
        for (int t = T_I32; t <= T_I64; t++) {
            for (int interp = 0; interp <= 1; interp++) {
                for (int cst = 0; cst <= 1; cst++) {
                    for (size_t j = 0; j < NV; j += (cst ? 4 : NV)) {
                        CondBuild cb = { all_conds[ci], t, cst, vals[j] };
                        TranslationBlock *tb = gen_tb(interp, build_cond, &cb);
                        for (size_t i = 0; i < NV; i++) {
                            for (size_t k = 0; k < NV; k += (cst ? NV : 1)) {
                                uint64_t a = vals[i], b = cst ? vals[j] : vals[k];
                                uint64_t m = mask_of(t);
                                FakeEnv *e = &cpu.env;
                                e->r[1] = a; e->w[1] = a;
                                e->r[2] = b; e->w[2] = b;
                                e->r[5] = 0x1111; e->w[5] = 0x1111;
                                e->r[6] = 0x2222; e->w[6] = 0x2222;
                                run_tb(tb, interp);
                                bool r = r_cond(cb.c, a, b, t);
                                uint64_t got0 = t == T_I64 ? e->r[0] : e->w[0];
                                uint64_t got3 = t == T_I64 ? e->r[3] : e->w[3];
                                uint64_t got4 = t == T_I64 ? e->r[4] : e->w[4];
                                if (got0 != r || got3 != (-(uint64_t)r & m) ||
                                    got4 != (r ? 0x1111u : 0x2222u) || e->r[7] != r) {
                                    g_error("cond %d i%d (%#" PRIx64 ", %#" PRIx64 ") [%s%s]:"
                                            " expected %d, got set %#" PRIx64 " neg %#"
                                            PRIx64 " mov %#" PRIx64 " br %" PRIu64,
                                            cb.c, wb(t), a & m, b & m,
                                            interp ? "interp" : "native",
                                            cst ? ", const" : "", r, got0, got3,
                                            got4, e->r[7]);
                                }
                            }
                        }
                        free_tb(tb);
                    }
                }
            }
        }
    }
}

/* ---- double-word ops ---- */

static void build_dw(void *opaque)
{
    tcg_gen_mulu2_i64(R[0], R[1], R[8], R[9]);
    tcg_gen_muls2_i64(R[2], R[3], R[8], R[9]);
    tcg_gen_add2_i64(R[4], R[5], R[8], R[9], R[10], R[11]);
    tcg_gen_sub2_i64(R[6], R[7], R[8], R[9], R[10], R[11]);
    tcg_gen_mulu2_i32(W[0], W[1], W[4], W[5]);
    tcg_gen_muls2_i32(W[2], W[3], W[4], W[5]);
    tcg_gen_mulsu2_i64(R[12], R[13], R[8], R[9]);
    tcg_gen_extract2_i64(R[14], R[8], R[9], 12);
    tcg_gen_deposit_i64(R[15], R[8], R[9], 20, 30);
    tcg_gen_add2_i32(W[6], W[7], W[4], W[5], W[4], W[5]);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_double_word(void)
{
    for (int interp = 0; interp <= 1; interp++) {
        TranslationBlock *tb = gen_tb(interp, build_dw, NULL);
        for (size_t i = 0; i < NV; i++) {
            for (size_t j = 0; j < NV; j++) {
                FakeEnv *e = &cpu.env;
                uint64_t a = vals[i], b = vals[j], c = vals[(i + j) % NV], d = vals[(i * 7 + j) % NV];
                e->r[8] = a; e->r[9] = b; e->r[10] = c; e->r[11] = d;
                e->w[4] = a; e->w[5] = b;
                run_tb(tb, interp);
                unsigned __int128 pu = (unsigned __int128)a * b;
                __int128 ps = (__int128)(int64_t)a * (int64_t)b;
                unsigned __int128 x = ((unsigned __int128)b << 64) | a;
                unsigned __int128 y = ((unsigned __int128)d << 64) | c;
                unsigned __int128 s = x + y, df = x - y;
                __int128 psu = (__int128)(int64_t)a * (__int128)(unsigned __int128)b;
                uint64_t pu32 = (uint64_t)(uint32_t)a * (uint32_t)b;
                int64_t ps32 = (int64_t)(int32_t)a * (int32_t)b;
                uint64_t s32 = ((uint64_t)(uint32_t)b << 32 | (uint32_t)a) * 2;
                uint64_t dep = (a & ~(0x3fffffffull << 20)) | ((b & 0x3fffffff) << 20);
                g_assert_cmphex(e->r[0], ==, (uint64_t)pu);
                g_assert_cmphex(e->r[1], ==, (uint64_t)(pu >> 64));
                g_assert_cmphex(e->r[2], ==, (uint64_t)ps);
                g_assert_cmphex(e->r[3], ==, (uint64_t)((unsigned __int128)ps >> 64));
                g_assert_cmphex(e->r[4], ==, (uint64_t)s);
                g_assert_cmphex(e->r[5], ==, (uint64_t)(s >> 64));
                g_assert_cmphex(e->r[6], ==, (uint64_t)df);
                g_assert_cmphex(e->r[7], ==, (uint64_t)(df >> 64));
                g_assert_cmphex(e->w[0], ==, (uint32_t)pu32);
                g_assert_cmphex(e->w[1], ==, (uint32_t)(pu32 >> 32));
                g_assert_cmphex(e->w[2], ==, (uint32_t)ps32);
                g_assert_cmphex(e->w[3], ==, (uint32_t)((uint64_t)ps32 >> 32));
                g_assert_cmphex(e->r[12], ==, (uint64_t)psu);
                g_assert_cmphex(e->r[13], ==, (uint64_t)((unsigned __int128)psu >> 64));
                g_assert_cmphex(e->r[14], ==, (a >> 12) | (b << 52));
                g_assert_cmphex(e->r[15], ==, dep);
                g_assert_cmphex(e->w[6], ==, (uint32_t)s32);
                g_assert_cmphex(e->w[7], ==, (uint32_t)(s32 >> 32));
            }
        }
        free_tb(tb);
    }
}

/* ---- loops, TB temps across blocks ---- */

static void build_loop(void *opaque)
{
    /* r0 = sum of i*i for i in [0, r1); r2 = number of odd i (TB temps live across labels) */
    TCGv_i64 i = tcg_temp_new_i64(), sum = tcg_temp_new_i64(), odd = tcg_temp_new_i64();
    TCGv_i64 t = tcg_temp_new_i64();
    TCGLabel *top = gen_new_label(), *done = gen_new_label(), *even = gen_new_label();
    tcg_gen_movi_i64(i, 0);
    tcg_gen_movi_i64(sum, 0);
    tcg_gen_movi_i64(odd, 0);
    gen_set_label(top);
    tcg_gen_brcond_i64(TCG_COND_GEU, i, R[1], done);
    tcg_gen_mul_i64(t, i, i);
    tcg_gen_add_i64(sum, sum, t);
    tcg_gen_andi_i64(t, i, 1);
    tcg_gen_brcondi_i64(TCG_COND_EQ, t, 0, even);
    tcg_gen_addi_i64(odd, odd, 1);
    gen_set_label(even);
    tcg_gen_addi_i64(i, i, 1);
    tcg_gen_br(top);
    gen_set_label(done);
    tcg_gen_mov_i64(R[0], sum);
    tcg_gen_mov_i64(R[2], odd);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_loop(void)
{
    for (int interp = 0; interp <= 1; interp++) {
        TranslationBlock *tb = gen_tb(interp, build_loop, NULL);
        for (uint64_t n = 0; n < 300; n += 37) {
            uint64_t exp = 0;
            for (uint64_t k = 0; k < n; k++) {
                exp += k * k;
            }
            cpu.env.r[1] = n;
            run_tb(tb, interp);
            g_assert_cmpuint(cpu.env.r[0], ==, exp);
            g_assert_cmpuint(cpu.env.r[2], ==, n / 2);
        }
        free_tb(tb);
    }
}

/* ---- helper calls ---- */

static uint64_t helper_seven(uint64_t a, uint32_t b, int32_t c, uint64_t d,
                             void *e, uint32_t f, uint64_t g)
{
    return a * 3 + b * 5 + (int64_t)c * 7 + d * 11 + ((FakeEnv *)e)->r[15] * 13 +
           f * 17 + g * 19;
}

static uint32_t helper_sub32(uint32_t a, uint32_t b)
{
    return a - b;
}

static int helper_calls;

static void helper_count(void)
{
    helper_calls++;
}

static uint64_t helper_read_r1(void *env)
{
    return ((FakeEnv *)env)->r[1];
}

static void helper_write_r1(void *env, uint64_t v)
{
    ((FakeEnv *)env)->r[1] = v;
}

static const TCGHelperInfo info_seven = {
    .func = (void *)helper_seven, .name = "seven", .flags = TCG_CALL_NO_WG,
    .typemask = 4 | 4 << 3 | 2 << 6 | 3 << 9 | 4 << 12 | 6 << 15 | 2 << 18 | 4 << 21,
};
static const TCGHelperInfo info_sub32 = {
    .func = (void *)helper_sub32, .name = "sub32", .flags = TCG_CALL_NO_RWG_SE,
    .typemask = 2 | 2 << 3 | 2 << 6,
};
static const TCGHelperInfo info_count = {
    .func = (void *)helper_count, .name = "count", .flags = 0, .typemask = 0,
};
static const TCGHelperInfo info_read_r1 = {
    .func = (void *)helper_read_r1, .name = "read_r1", .flags = TCG_CALL_NO_WG,
    .typemask = 4 | 6 << 3,
};
static const TCGHelperInfo info_write_r1 = {
    .func = (void *)helper_write_r1, .name = "write_r1", .flags = 0,
    .typemask = 0 | 6 << 3 | 4 << 6,
};

static void build_calls(void *opaque)
{
    TCGv_i64 t = tcg_temp_new_i64();
    TCGv_i32 w = tcg_temp_new_i32();
    TCGTemp *args[7] = {
        tcgv_i64_temp(R[1]), tcgv_i32_temp(W[1]), tcgv_i32_temp(W[2]),
        tcgv_i64_temp(tcg_constant_i64(0x1000000001ll)), tcgv_ptr_temp(tcg_env),
        tcgv_i32_temp(tcg_constant_i32(-5)), tcgv_i64_temp(R[2]),
    };
    /* Keep values live in registers across the calls. */
    tcg_gen_addi_i64(t, R[3], 100);
    tcg_gen_addi_i32(w, W[3], 200);
    tcg_gen_callN(&info_seven, tcgv_i64_temp(R[0]), args);
    TCGTemp *a2[2] = { tcgv_i32_temp(W[1]), tcgv_i32_temp(W[2]) };
    tcg_gen_callN(&info_sub32, tcgv_i32_temp(W[0]), a2);
    tcg_gen_callN(&info_count, NULL, NULL);
    /* A global modified in a register must reach env before the helper reads it. */
    tcg_gen_addi_i64(R[1], R[1], 1);
    TCGTemp *a3[1] = { tcgv_ptr_temp(tcg_env) };
    tcg_gen_callN(&info_read_r1, tcgv_i64_temp(R[4]), a3);
    /* A helper that writes a global: later reads must see the new value. */
    TCGTemp *a4[2] = { tcgv_ptr_temp(tcg_env), tcgv_i64_temp(tcg_constant_i64(77)) };
    tcg_gen_callN(&info_write_r1, NULL, a4);
    tcg_gen_addi_i64(R[5], R[1], 1);
    tcg_gen_mov_i64(R[6], t);
    tcg_gen_mov_i32(W[6], w);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_helper_calls(void)
{
    for (int interp = 0; interp <= 1; interp++) {
        TranslationBlock *tb = gen_tb(interp, build_calls, NULL);
        for (size_t i = 0; i < NV; i += 3) {
            FakeEnv *e = &cpu.env;
            uint64_t a = vals[i], b = vals[(i + 5) % NV];
            e->r[1] = a; e->w[1] = b; e->w[2] = a; e->r[2] = b; e->r[15] = a ^ b;
            e->r[3] = b; e->w[3] = a;
            helper_calls = 0;
            run_tb(tb, interp);
            uint64_t exp = helper_seven(a, b, a, 0x1000000001ll, &e->r[0] - 0, -5, b);
            /* helper_seven read r[15] through the env pointer. */
            exp = a * 3 + (uint32_t)b * 5 + (int64_t)(int32_t)a * 7 + 0x1000000001ll * 11 +
                  (a ^ b) * 13 + (uint32_t)-5 * 17 + b * 19;
            g_assert_cmphex(e->r[0], ==, exp);
            g_assert_cmphex(e->w[0], ==, (uint32_t)(b - a));
            g_assert_cmpint(helper_calls, ==, 1);
            g_assert_cmphex(e->r[4], ==, a + 1);
            g_assert_cmphex(e->r[1], ==, 77);
            g_assert_cmphex(e->r[5], ==, 78);
            g_assert_cmphex(e->r[6], ==, b + 100);
            g_assert_cmphex(e->w[6], ==, (uint32_t)(a + 200));
        }
        free_tb(tb);
    }
}

/* ---- env loads and stores ---- */

static void build_ldst(void *opaque)
{
    TCGv_i64 t = tcg_temp_new_i64();
    TCGv_i32 w = tcg_temp_new_i32();
    intptr_t s = offsetof(FakeEnv, scratch);
    tcg_gen_st_i64(R[1], tcg_env, s);
    tcg_gen_ld8u_i64(R[0], tcg_env, s + 1);
    tcg_gen_ld8s_i64(R[2], tcg_env, s + 2);
    tcg_gen_ld16u_i64(R[3], tcg_env, s + 3);
    tcg_gen_ld16s_i64(R[4], tcg_env, s + 4);
    tcg_gen_ld32u_i64(R[5], tcg_env, s + 1);
    tcg_gen_ld32s_i64(R[6], tcg_env, s + 4);
    tcg_gen_ld_i32(W[0], tcg_env, s + 2);
    tcg_gen_ld16s_i32(W[1], tcg_env, s + 6);
    tcg_gen_movi_i64(t, 0);
    tcg_gen_st_i64(t, tcg_env, s + 8);
    tcg_gen_st8_i64(R[1], tcg_env, s + 8);
    tcg_gen_st16_i64(R[1], tcg_env, s + 10);
    tcg_gen_st32_i64(R[1], tcg_env, s + 12);
    tcg_gen_ld_i64(R[7], tcg_env, s + 8);
    tcg_gen_extrl_i64_i32(w, R[1]);
    tcg_gen_st_i32(w, tcg_env, s + 16);
    tcg_gen_st16_i32(tcg_constant_i32(0x1234), tcg_env, s + 20);
    tcg_gen_st8_i32(tcg_constant_i32(0x56), tcg_env, s + 22);
    tcg_gen_st8_i32(tcg_constant_i32(0x78), tcg_env, s + 23);
    tcg_gen_ld_i64(R[8], tcg_env, s + 16);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_env_ldst(void)
{
    for (int interp = 0; interp <= 1; interp++) {
        TranslationBlock *tb = gen_tb(interp, build_ldst, NULL);
        for (size_t i = 0; i < NV; i++) {
            FakeEnv *e = &cpu.env;
            uint64_t a = vals[i];
            e->r[1] = a;
            run_tb(tb, interp);
            g_assert_cmphex(e->r[0], ==, (uint8_t)(a >> 8));
            g_assert_cmphex(e->r[2], ==, (uint64_t)(int64_t)(int8_t)(a >> 16));
            g_assert_cmphex(e->r[3], ==, (uint16_t)(a >> 24));
            g_assert_cmphex(e->r[4], ==, (uint64_t)(int64_t)(int16_t)(a >> 32));
            g_assert_cmphex(e->r[5], ==, (uint32_t)(a >> 8));
            g_assert_cmphex(e->r[6], ==, (uint64_t)(int64_t)(int32_t)(a >> 32));
            g_assert_cmphex(e->w[0], ==, (uint32_t)(a >> 16));
            g_assert_cmphex(e->w[1], ==, (uint32_t)(int32_t)(int16_t)(a >> 48));
            g_assert_cmphex(e->r[7], ==, (a & 0xff) | (a & 0xffff) << 16 | (a & 0xffffffff) << 32);
            g_assert_cmphex(e->r[8], ==, (uint32_t)a | 0x7856123400000000ull);
        }
        free_tb(tb);
    }
}

/* ---- TB exits and chaining ---- */

static void build_exit(void *opaque)
{
    TranslationBlock *self = opaque;
    TCGLabel *l = gen_new_label();
    tcg_gen_brcondi_i64(TCG_COND_EQ, R[1], 0, l);
    tcg_gen_goto_tb(0);
    tcg_gen_movi_i64(R[0], 100);
    tcg_gen_exit_tb(self, 0);
    gen_set_label(l);
    tcg_gen_goto_tb(1);
    tcg_gen_movi_i64(R[0], 200);
    tcg_gen_exit_tb(self, 1);
}

static void build_target(void *opaque)
{
    tcg_gen_addi_i64(R[0], R[1], 1000);
    tcg_gen_exit_tb(opaque, TB_EXIT_REQUESTED);
}

static void test_exit_and_chain(void)
{
    for (int interp = 0; interp <= 1; interp++) {
        static TranslationBlock fake_self;
        TranslationBlock *tb = gen_tb(interp, build_exit, &fake_self);
        TranslationBlock *tgt = gen_tb(interp, build_target, &fake_self);
        g_assert_cmpuint(tb->jmp_insn_offset[0], !=, TB_JMP_OFFSET_INVALID);
        g_assert_cmpuint(tb->jmp_reset_offset[1], !=, TB_JMP_OFFSET_INVALID);

        cpu.env.r[1] = 5;
        g_assert_cmphex(run_tb(tb, interp), ==, (uintptr_t)&fake_self);
        g_assert_cmpuint(cpu.env.r[0], ==, 100);
        cpu.env.r[1] = 0;
        g_assert_cmphex(run_tb(tb, interp), ==, (uintptr_t)&fake_self + 1);
        g_assert_cmpuint(cpu.env.r[0], ==, 200);

        /* Chain jump 0 to the target TB, then reset it. */
        tcg_use_interp = interp;
        tb->jmp_target_addr[0] = (uintptr_t)tgt->tc.ptr;
        uintptr_t rx = (uintptr_t)tb->tc.ptr + tb->jmp_insn_offset[0];
        tb_target_set_jmp_target(tb, 0, rx, rx);
        cpu.env.r[1] = 5;
        g_assert_cmphex(run_tb(tb, interp), ==, (uintptr_t)&fake_self + TB_EXIT_REQUESTED);
        g_assert_cmpuint(cpu.env.r[0], ==, 1005);
        cpu.env.r[1] = 0;
        g_assert_cmphex(run_tb(tb, interp), ==, (uintptr_t)&fake_self + 1);
        tb->jmp_target_addr[0] = (uintptr_t)tb->tc.ptr + tb->jmp_reset_offset[0];
        tcg_use_interp = interp;
        tb_target_set_jmp_target(tb, 0, rx, rx);
        cpu.env.r[1] = 5;
        g_assert_cmphex(run_tb(tb, interp), ==, (uintptr_t)&fake_self);
        g_assert_cmpuint(cpu.env.r[0], ==, 100);
        free_tb(tb);
        free_tb(tgt);
    }
}

/* ---- guest memory through the softmmu helpers ---- */

static uint8_t guest_ram[2 * 4096];
static int slow_calls;
static uintptr_t last_ra;
#define GUEST_BASE 0x40000000ull

static uint64_t fake_ld(CPUArchState *env, uint64_t addr, MemOpIdx oi, uintptr_t ra)
{
    MemOp mop = get_memop(oi);
    unsigned size = memop_size(mop);
    uint64_t v = 0;
    slow_calls++;
    last_ra = ra;
    g_assert_cmpuint(addr - GUEST_BASE + size, <=, sizeof(guest_ram));
    for (unsigned i = 0; i < size; i++) {
        unsigned sh = (mop & MO_BSWAP) ? (size - 1 - i) * 8 : i * 8;
        v |= (uint64_t)guest_ram[addr - GUEST_BASE + i] << sh;
    }
    return v;
}

static void fake_st(CPUArchState *env, uint64_t addr, uint64_t val, MemOpIdx oi, uintptr_t ra)
{
    MemOp mop = get_memop(oi);
    unsigned size = memop_size(mop);
    slow_calls++;
    last_ra = ra;
    g_assert_cmpuint(addr - GUEST_BASE + size, <=, sizeof(guest_ram));
    for (unsigned i = 0; i < size; i++) {
        unsigned sh = (mop & MO_BSWAP) ? (size - 1 - i) * 8 : i * 8;
        guest_ram[addr - GUEST_BASE + i] = val >> sh;
    }
}

static CPUTLBEntry fake_tlb[256];

static void install_fake_mmu(bool fast)
{
    for (int i = 0; i < 4; i++) {
        tcg_ldst_helpers.ld[i] = fake_ld;
        tcg_ldst_helpers.st[i] = fake_st;
    }
    memset(fake_tlb, 0xff, sizeof(fake_tlb));
    for (int i = 0; i < NB_MMU_MODES; i++) {
        cpu.neg.tlb.f[i].mask = (ARRAY_SIZE(fake_tlb) - 1) << CPU_TLB_ENTRY_BITS;
        cpu.neg.tlb.f[i].table = fake_tlb;
    }
    if (fast) {
        /* Map both pages of guest_ram as plain RAM for the fast path. */
        for (int p = 0; p < 2; p++) {
            uint64_t va = GUEST_BASE + p * 4096;
            CPUTLBEntry *te = &fake_tlb[(va >> TARGET_PAGE_BITS) & 255];
            te->addr_read = te->addr_write = va;
            te->addend = (uintptr_t)guest_ram - GUEST_BASE;
        }
    }
}

typedef struct MemBuild {
    MemOp mop;
    int t;
} MemBuild;

static void build_mem(void *opaque)
{
    MemBuild *mb = opaque;
    if (mb->t == T_I64) {
        tcg_gen_qemu_ld_i64(R[0], R[1], 1, mb->mop);
        tcg_gen_qemu_st_i64(R[2], R[3], 1, mb->mop);
        tcg_gen_qemu_ld_i64(R[4], R[3], 1, mb->mop);
    } else {
        tcg_gen_qemu_ld_i32(W[0], R[1], 1, mb->mop);
        tcg_gen_qemu_st_i32(W[2], R[3], 1, mb->mop);
        tcg_gen_qemu_ld_i32(W[4], R[3], 1, mb->mop);
    }
    tcg_gen_exit_tb(NULL, 0);
}

static uint64_t ref_load(uint64_t addr, MemOp mop, int t)
{
    unsigned size = memop_size(mop);
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++) {
        unsigned sh = (mop & MO_BSWAP) ? (size - 1 - i) * 8 : i * 8;
        v |= (uint64_t)guest_ram[addr - GUEST_BASE + i] << sh;
    }
    if ((mop & MO_SIGN) && size < 8) {
        v = (uint64_t)((int64_t)(v << (64 - size * 8)) >> (64 - size * 8));
    }
    return v & mask_of(t);
}

static void test_guest_memory(void)
{
    static const MemOp mops[] = {
        MO_UB, MO_SB, MO_LEUW, MO_BEUW, MO_LESW, MO_BESW, MO_LEUL, MO_BEUL,
        MO_LESL, MO_BESL, MO_LEUQ, MO_BEUQ,
    };
    for (int fast = 0; fast <= 1; fast++) {
        install_fake_mmu(fast);
        for (size_t mi = 0; mi < ARRAY_SIZE(mops); mi++) {
            for (int t = T_I32; t <= T_I64; t++) {
                MemOp mop = mops[mi];
                if (t == T_I32 && (mop & MO_SIZE) == MO_64) {
                    continue;
                }
                for (int interp = 0; interp <= 1; interp++) {
                    MemBuild mb = { mop, t };
                    TranslationBlock *tb = gen_tb(interp, build_mem, &mb);
                    /* Offsets include a page-crossing access near 4096. */
                    static const uint64_t offs[] = { 0, 1, 8, 100, 4093, 4095, 4100 };
                    for (size_t oi = 0; oi < ARRAY_SIZE(offs); oi++) {
                        for (size_t i = 0; i < sizeof(guest_ram); i++) {
                            guest_ram[i] = i * 37 + 11;
                        }
                        FakeEnv *e = &cpu.env;
                        uint64_t la = GUEST_BASE + offs[oi];
                        uint64_t sa = GUEST_BASE + offs[(oi + 3) % ARRAY_SIZE(offs)];
                        uint64_t sv = 0x8899aabbccddeeffull;
                        e->r[1] = la; e->r[3] = sa; e->r[2] = sv; e->w[2] = sv;
                        uint64_t exp_ld = ref_load(la, mop, t);
                        slow_calls = 0;
                        run_tb(tb, interp);
                        uint64_t got0 = t == T_I64 ? e->r[0] : e->w[0];
                        uint64_t got4 = t == T_I64 ? e->r[4] : e->w[4];
                        unsigned size = memop_size(mop);
                        uint64_t exp_st = ref_load(sa, mop, t);
                        uint64_t svm = size == 8 ? sv : sv & ((1ull << (size * 8)) - 1);
                        uint64_t exp_back = mop & MO_SIGN
                            ? (uint64_t)((int64_t)(svm << (64 - size * 8)) >> (64 - size * 8)) & mask_of(t)
                            : svm;
                        if (got0 != exp_ld || got4 != exp_st || exp_st != exp_back) {
                            g_error("memop %#x i%u at +%" PRIu64 " [%s, %s]: load expected %#"
                                    PRIx64 " got %#" PRIx64 "; store/reload expected %#"
                                    PRIx64 " got %#" PRIx64 " (mem %#" PRIx64 ")",
                                    mop, wb(t), offs[oi], interp ? "interp" : "native",
                                    fast ? "tlb hit" : "tlb miss", exp_ld, got0,
                                    exp_back, got4, exp_st);
                        }
                        if (interp || !fast) {
                            g_assert_cmpint(slow_calls, ==, 3);
                        } else {
                            /* The fast path serves every access that stays in a page. */
                            bool cross_l = (la & 4095) + size > 4096;
                            bool cross_s = (sa & 4095) + size > 4096;
                            g_assert_cmpint(slow_calls, ==, cross_l + 2 * cross_s);
                        }
                    }
                    free_tb(tb);
                }
            }
        }
    }
    tcg_ldst_helpers_init();
}

/* ---- unwinding: host return address -> guest insn ---- */

static uintptr_t seen_ra;

static void helper_note_ra(void)
{
    /* Plain GETPC(): the interpreter calls helpers through a thunk in the TB. */
    seen_ra = (uintptr_t)__builtin_return_address(0);
}

static const TCGHelperInfo info_note_ra = {
    .func = (void *)helper_note_ra, .name = "note_ra", .flags = 0, .typemask = 0,
};

static void build_unwind(void *opaque)
{
    int which = *(int *)opaque;
    for (int i = 0; i < 5; i++) {
        tcg_gen_insn_start(0x1000 + i * 4, i, 0xa0 + i);
        tcg_gen_addi_i64(R[0], R[0], 1);
        if (i == which) {
            tcg_gen_callN(&info_note_ra, NULL, NULL);
        }
        if (i == which + 1) {
            /* A second kind of exit from an insn: a guest load. */
            tcg_gen_qemu_ld_i64(R[5], R[1], 0, MO_LEUQ);
        }
    }
    tcg_gen_exit_tb(NULL, 0);
}

static void test_unwind(void)
{
    install_fake_mmu(false);
    for (int interp = 0; interp <= 1; interp++) {
        for (int which = 0; which < 4; which++) {
            TranslationBlock *tb = gen_tb(interp, build_unwind, &which);
            uint64_t data[TARGET_INSN_START_WORDS_MAX];
            g_assert_cmpuint(tb->icount, ==, 5);
            cpu.env.r[1] = GUEST_BASE;
            run_tb(tb, interp);
            g_assert_true(cpu_unwind_state_data(tb, seen_ra, data));
            g_assert_cmphex(data[0], ==, 0x1000 + which * 4);
            g_assert_cmphex(data[1], ==, which);
            g_assert_cmphex(data[2], ==, 0xa0 + which);
            g_assert_true(cpu_unwind_state_data(tb, last_ra, data));
            g_assert_cmphex(data[0], ==, 0x1000 + (which + 1) * 4);
            g_assert_false(cpu_unwind_state_data(tb, (uintptr_t)tb->tc.ptr, data));
            free_tb(tb);
        }
    }
    tcg_ldst_helpers_init();
}

/* ---- limits ---- */

static void build_huge(void *opaque)
{
    for (int i = 0; i < TCG_MAX_TEMPS + 10; i++) {
        TCGv_i64 t = tcg_temp_new_i64();
        tcg_gen_addi_i64(t, R[1], i);
    }
}

static void test_overflow_reports_too_big(void)
{
    TranslationBlock tb = { 0 };
    tcg_func_start(tcg_ctx);
    build_huge(NULL);
    g_assert_true(tcg_op_buf_full());
    tb.tc.ptr = tcg_ctx->code_gen_ptr;
    g_assert_cmpint(tcg_gen_code(tcg_ctx, &tb, 0), ==, -2);
}

/* ---- code buffer full ---- */

static void build_big(void *opaque)
{
    for (int i = 0; i < 200; i++) {
        tcg_gen_insn_start(i, 0, 0);
        tcg_gen_qemu_ld_i64(R[i % 8], R[8 + i % 8], 0, MO_LEUQ);
        tcg_gen_mul_i64(R[i % 16], R[(i + 1) % 16], R[(i + 2) % 16]);
    }
    tcg_gen_exit_tb(NULL, 0);
}

static void test_buffer_full_then_reset(void)
{
    for (int interp = 0; interp <= 1; interp++) {
        int full = 0, made = 0;
        while (full < 2 && made < 100000) {
            TranslationBlock tb = { 0 };
            tcg_use_interp = interp;
            tcg_func_start(tcg_ctx);
            build_big(NULL);
            tb.tc.ptr = tcg_ctx->code_gen_ptr;
            int n = tcg_gen_code(tcg_ctx, &tb, 0);
            if (n == -1) {
                /* Nothing may have been written past the usable end. */
                g_assert_cmpuint((uintptr_t)tcg_ctx->code_gen_ptr, <=,
                                 (uintptr_t)tcg_ctx->code_gen_highwater);
                tcg_region_reset_all();
                full++;
                continue;
            }
            g_assert_cmpint(n, >, 0);
            g_assert_cmpuint((uintptr_t)tb.tc.ptr + n, <=,
                             (uintptr_t)tcg_ctx->code_gen_highwater);
            tcg_ctx->code_gen_ptr = (void *)ROUND_UP((uintptr_t)tb.tc.ptr + n, TCG_CODE_ALIGN);
            made++;
        }
        g_assert_cmpint(full, ==, 2);
        /* After a reset, code still runs. */
        TranslationBlock *tb = gen_tb(interp, build_loop, NULL);
        cpu.env.r[1] = 10;
        run_tb(tb, interp);
        g_assert_cmpuint(cpu.env.r[0], ==, 285);
        free_tb(tb);
    }
}

/* ---- i128 and atomics ---- */

static void build_i128_atomic(void *opaque)
{
    TCGv_i128 v = tcg_temp_new_i128();
    TCGv_i64 lo = tcg_temp_new_i64(), hi = tcg_temp_new_i64();
    tcg_gen_qemu_ld_i128(v, R[1], 0, MO_LE | MO_128 | MO_ALIGN);
    tcg_gen_extr_i128_i64(lo, hi, v);
    tcg_gen_mov_i64(R[2], lo);
    tcg_gen_mov_i64(R[3], hi);
    tcg_gen_concat_i64_i128(v, hi, lo);
    tcg_gen_qemu_st_i128(v, R[4], 0, MO_BE | MO_128);
    tcg_gen_atomic_fetch_add_i64(R[5], R[6], R[7], 0, MO_LESL);
    tcg_gen_atomic_cmpxchg_i32(W[0], R[8], W[1], W[2], 0, MO_LEUW);
    tcg_gen_atomic_umax_fetch_i64(R[9], R[10], R[11], 0, MO_UB);
    tcg_gen_atomic_xchg_i64(R[12], R[13], R[14], 0, MO_BEUQ);
    /* 16-byte compare-and-swap at 0x700: compare with (r15, ~r15). */
    TCGv_i128 cmp = tcg_temp_new_i128(), nv = tcg_temp_new_i128(), old = tcg_temp_new_i128();
    TCGv_i64 ncmp = tcg_temp_new_i64(), a7 = tcg_temp_new_i64();
    tcg_gen_not_i64(ncmp, R[15]);
    tcg_gen_concat_i64_i128(cmp, R[15], ncmp);
    tcg_gen_concat_i64_i128(nv, tcg_constant_i64(0x1111), tcg_constant_i64(0x2222));
    tcg_gen_movi_i64(a7, GUEST_BASE + 0x700);
    tcg_gen_atomic_cmpxchg_i128(old, a7, cmp, nv, 0, MO_LE | MO_128 | MO_ALIGN);
    tcg_gen_extr_i128_i64(R[0], R[8], old);
    tcg_gen_exit_tb(NULL, 0);
}

static uint64_t ram_ld(uint64_t a, int n, bool be)
{
    uint64_t v = 0;
    for (int i = 0; i < n; i++) {
        v |= (uint64_t)guest_ram[a - GUEST_BASE + i] << (be ? (n - 1 - i) * 8 : i * 8);
    }
    return v;
}

static void test_i128_and_atomics(void)
{
    for (int fast = 0; fast <= 1; fast++) {
        install_fake_mmu(fast);
        for (int interp = 0; interp <= 1; interp++) {
            TranslationBlock *tb = gen_tb(interp, build_i128_atomic, NULL);
            for (int round = 0; round < 2; round++) {
                FakeEnv *e = &cpu.env;
                for (size_t i = 0; i < sizeof(guest_ram); i++) {
                    guest_ram[i] = i * 13 + round;
                }
                uint64_t l0 = ram_ld(GUEST_BASE + 0x100, 8, false);
                uint64_t h0 = ram_ld(GUEST_BASE + 0x108, 8, false);
                uint64_t m0 = ram_ld(GUEST_BASE + 0x300, 4, false);
                uint64_t c0 = ram_ld(GUEST_BASE + 0x402, 2, false);
                uint64_t b0 = ram_ld(GUEST_BASE + 0x503, 1, false);
                uint64_t x0 = ram_ld(GUEST_BASE + 0x608, 8, true);
                uint64_t q0 = ram_ld(GUEST_BASE + 0x700, 8, false);
                uint64_t q1 = ram_ld(GUEST_BASE + 0x708, 8, false);
                e->r[15] = round ? q0 : q0 + 1;     /* round 1: (q0, ~q0) vs (q0, q1) */
                if (round) {
                    for (int k = 0; k < 8; k++) {
                        guest_ram[0x708 + k] = ~q0 >> (8 * k);
                    }
                    q1 = ~q0;
                }
                e->r[1] = GUEST_BASE + 0x100;
                e->r[4] = GUEST_BASE + 0x200;
                e->r[6] = GUEST_BASE + 0x300;
                e->r[7] = 0x80000001;
                e->r[8] = GUEST_BASE + 0x402;
                e->w[1] = round ? c0 : c0 + 1;      /* round 1: compare matches */
                e->w[2] = 0xbeef;
                e->r[10] = GUEST_BASE + 0x503;
                e->r[11] = 0x7f;
                e->r[13] = GUEST_BASE + 0x608;
                e->r[14] = 0x1122334455667788ull;
                run_tb(tb, interp);
                g_assert_cmphex(e->r[2], ==, l0);
                g_assert_cmphex(e->r[3], ==, h0);
                /* Stored big-endian as (hi=l0, lo=h0): bytes of l0 first. */
                g_assert_cmphex(ram_ld(GUEST_BASE + 0x200, 8, true), ==, l0);
                g_assert_cmphex(ram_ld(GUEST_BASE + 0x208, 8, true), ==, h0);
                g_assert_cmphex(e->r[5], ==, (uint64_t)(int64_t)(int32_t)m0);
                g_assert_cmphex(ram_ld(GUEST_BASE + 0x300, 4, false), ==,
                                (uint32_t)(m0 + 0x80000001));
                g_assert_cmphex(e->w[0], ==, c0);
                g_assert_cmphex(ram_ld(GUEST_BASE + 0x402, 2, false), ==, round ? 0xbeef : c0);
                g_assert_cmphex(e->r[9], ==, MAX(b0, 0x7f));
                g_assert_cmphex(ram_ld(GUEST_BASE + 0x503, 1, false), ==, MAX(b0, 0x7f));
                g_assert_cmphex(e->r[12], ==, x0);
                g_assert_cmphex(ram_ld(GUEST_BASE + 0x608, 8, true), ==, 0x1122334455667788ull);
                g_assert_cmphex(e->r[0], ==, q0);
                g_assert_cmphex(e->r[8], ==, q1);
                g_assert_cmphex(ram_ld(GUEST_BASE + 0x700, 8, false), ==, round ? 0x1111 : q0);
                g_assert_cmphex(ram_ld(GUEST_BASE + 0x708, 8, false), ==, round ? 0x2222 : q1);
            }
            free_tb(tb);
        }
    }
    tcg_ldst_helpers_init();
}

/* ---- a CPU (globals) created after translation started ---- */

static TCGv_i64 late_global;

static void build_late(void *opaque)
{
    tcg_gen_addi_i64(late_global, R[1], 5);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_global_created_after_tbs(void)
{
    /* Earlier tests left a translated TB's temps behind. */
    g_assert_cmpint(tcg_ctx->nb_temps, >, tcg_ctx->nb_globals);
    late_global = tcg_global_mem_new_i64(tcg_env, offsetof(FakeEnv, scratch[3]), "late");
    for (int interp = 0; interp <= 1; interp++) {
        TranslationBlock *tb = gen_tb(interp, build_late, NULL);
        cpu.env.r[1] = 37;
        run_tb(tb, interp);
        g_assert_cmpuint(cpu.env.scratch[3], ==, 42);
        free_tb(tb);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    tcg_use_interp = false;
    tcg_init(32 * MiB);
    for (int i = 0; i < 16; i++) {
        R[i] = tcg_global_mem_new_i64(tcg_env, offsetof(FakeEnv, r[i]), g_strdup_printf("r%d", i));
    }
    for (int i = 0; i < 8; i++) {
        W[i] = tcg_global_mem_new_i32(tcg_env, offsetof(FakeEnv, w[i]), g_strdup_printf("w%d", i));
    }

    g_test_add_func("/tcg/binary-ops-match-reference", test_binary_ops);
    g_test_add_func("/tcg/binary-ops-with-constant-first-operand", test_binary_const_first);
    g_test_add_func("/tcg/unary-ops-match-reference", test_unary_ops);
    g_test_add_func("/tcg/conditions-setcond-movcond-brcond", test_conditions);
    g_test_add_func("/tcg/double-word-mul-add-sub", test_double_word);
    g_test_add_func("/tcg/loop-with-tb-temps-across-labels", test_loop);
    g_test_add_func("/tcg/helper-calls-args-and-global-sync", test_helper_calls);
    g_test_add_func("/tcg/env-loads-and-stores", test_env_ldst);
    g_test_add_func("/tcg/exit-tb-and-goto-tb-chaining", test_exit_and_chain);
    g_test_add_func("/tcg/guest-memory-fast-and-slow-path", test_guest_memory);
    g_test_add_func("/tcg/unwind-host-pc-to-insn", test_unwind);
    g_test_add_func("/tcg/temp-overflow-reports-tb-too-big", test_overflow_reports_too_big);
    g_test_add_func("/tcg/i128-and-atomics", test_i128_and_atomics);
    g_test_add_func("/tcg/buffer-full-returns-minus-one-then-reset", test_buffer_full_then_reset);
    g_test_add_func("/tcg/global-created-after-tbs", test_global_created_after_tbs);
    return g_test_run();
}
