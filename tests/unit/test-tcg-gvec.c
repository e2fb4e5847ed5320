/*
 * test-tcg-gvec.c - vector operations (tcg-op-gvec.h) on registers in a fake
 * CPU state, for every element size, run by both code generators and
 * checked element by element against a C model in this file; also the
 * zeroing of bytes between oprsz and maxsz, in-place operation (d == a),
 * the descriptor encoding and an out-of-line helper call.
 */
#include "util/osdep.h"
#include "tcg/tcg.h"
#include "tcg/tcg-op.h"
#include "tcg/tcg-op-gvec.h"

typedef struct VecEnv {
    uint64_t x[4];
    uint8_t v[4][32];
} VecEnv;

static VecEnv env;
static TCGv_i64 X[4];

#define VOFS(n) ((uint32_t)offsetof(VecEnv, v[n]))

typedef enum {
    G_ADD, G_SUB, G_MUL, G_AND, G_OR, G_XOR, G_ANDC, G_ORC, G_NAND, G_NOR, G_EQV,
    G_SMIN, G_SMAX, G_UMIN, G_UMAX, G_SSADD, G_SSSUB, G_USADD, G_USSUB,
    G_SHLV, G_SHRV, G_SARV, G_NOT, G_NEG, G_ABS, G_ADDI, G_MULI, G_ANDI, G_XORI,
    G_SHLI, G_SHRI, G_SARI, G_ROTLI, G_CMP_LT, G_CMP_GEU, G_CMP_EQ, G_BITSEL,
    G_DUP_I64, G_DUP_MEM, G_MOV, G_COUNT
} GOp;

static const char *const gop_name[G_COUNT] = {
    "add", "sub", "mul", "and", "or", "xor", "andc", "orc", "nand", "nor", "eqv",
    "smin", "smax", "umin", "umax", "ssadd", "sssub", "usadd", "ussub",
    "shlv", "shrv", "sarv", "not", "neg", "abs", "addi", "muli", "andi", "xori",
    "shli", "shri", "sari", "rotli", "cmp_lt", "cmp_geu", "cmp_eq", "bitsel",
    "dup_i64", "dup_mem", "mov",
};

static int64_t sext(uint64_t v, unsigned bits)
{
    return bits == 64 ? (int64_t)v : (int64_t)(v << (64 - bits)) >> (64 - bits);
}

static uint64_t el(const uint8_t *p, unsigned i, unsigned vece)
{
    uint64_t v = 0;
    memcpy(&v, p + (i << vece), 1u << vece);
    return v;
}

static uint64_t ref(GOp g, unsigned vece, uint64_t a, uint64_t b, uint64_t c, int64_t imm)
{
    unsigned bits = 8u << vece;
    uint64_t m = bits == 64 ? ~0ull : (1ull << bits) - 1;
    int64_t sa = sext(a, bits), sb = sext(b, bits);
    int64_t smax = bits == 64 ? INT64_MAX : (int64_t)(m >> 1), smin = -smax - 1;
    unsigned sh = b & (bits - 1), ci = imm & (bits - 1);

    switch (g) {
    case G_ADD: return a + b;
    case G_SUB: return a - b;
    case G_MUL: return a * b;
    case G_AND: return a & b;
    case G_OR: return a | b;
    case G_XOR: return a ^ b;
    case G_ANDC: return a & ~b;
    case G_ORC: return a | ~b;
    case G_NAND: return ~(a & b);
    case G_NOR: return ~(a | b);
    case G_EQV: return ~(a ^ b);
    case G_SMIN: return sa < sb ? a : b;
    case G_SMAX: return sa > sb ? a : b;
    case G_UMIN: return a < b ? a : b;
    case G_UMAX: return a > b ? a : b;
    case G_SSADD: {
        __int128 r = (__int128)sa + sb;
        return r > smax ? smax : r < smin ? smin : (int64_t)r;
    }
    case G_SSSUB: {
        __int128 r = (__int128)sa - sb;
        return r > smax ? smax : r < smin ? smin : (int64_t)r;
    }
    case G_USADD: {
        unsigned __int128 r = (unsigned __int128)a + b;
        return r > m ? m : (uint64_t)r;
    }
    case G_USSUB: return a < b ? 0 : a - b;
    case G_SHLV: return a << sh;
    case G_SHRV: return a >> sh;
    case G_SARV: return (uint64_t)(sa >> sh);
    case G_NOT: return ~a;
    case G_NEG: return -a;
    case G_ABS: return sa < 0 ? -(uint64_t)sa : (uint64_t)sa;
    case G_ADDI: return a + imm;
    case G_MULI: return a * imm;
    case G_ANDI: return a & imm;
    case G_XORI: return a ^ imm;
    case G_SHLI: return a << ci;
    case G_SHRI: return a >> ci;
    case G_SARI: return (uint64_t)(sa >> ci);
    case G_ROTLI: return ci ? (a << ci) | (a >> (bits - ci)) : a;
    case G_CMP_LT: return sa < sb ? ~0ull : 0;
    case G_CMP_GEU: return a >= b ? ~0ull : 0;
    case G_CMP_EQ: return a == b ? ~0ull : 0;
    case G_BITSEL: return (b & a) | (c & ~a);
    default: return 0;
    }
}

typedef struct GBuild {
    GOp g;
    unsigned vece;
    uint32_t oprsz, maxsz;
    int64_t imm;
    bool inplace;
} GBuild;

static void build(void *opaque)
{
    GBuild *b = opaque;
    uint32_t d = b->inplace ? VOFS(1) : VOFS(0), a = VOFS(1), bb = VOFS(2), c = VOFS(3);
    uint32_t s = b->oprsz, m = b->maxsz;
    unsigned v = b->vece;

    switch (b->g) {
    case G_ADD: tcg_gen_gvec_add(v, d, a, bb, s, m); break;
    case G_SUB: tcg_gen_gvec_sub(v, d, a, bb, s, m); break;
    case G_MUL: tcg_gen_gvec_mul(v, d, a, bb, s, m); break;
    case G_AND: tcg_gen_gvec_and(v, d, a, bb, s, m); break;
    case G_OR: tcg_gen_gvec_or(v, d, a, bb, s, m); break;
    case G_XOR: tcg_gen_gvec_xor(v, d, a, bb, s, m); break;
    case G_ANDC: tcg_gen_gvec_andc(v, d, a, bb, s, m); break;
    case G_ORC: tcg_gen_gvec_orc(v, d, a, bb, s, m); break;
    case G_NAND: tcg_gen_gvec_nand(v, d, a, bb, s, m); break;
    case G_NOR: tcg_gen_gvec_nor(v, d, a, bb, s, m); break;
    case G_EQV: tcg_gen_gvec_eqv(v, d, a, bb, s, m); break;
    case G_SMIN: tcg_gen_gvec_smin(v, d, a, bb, s, m); break;
    case G_SMAX: tcg_gen_gvec_smax(v, d, a, bb, s, m); break;
    case G_UMIN: tcg_gen_gvec_umin(v, d, a, bb, s, m); break;
    case G_UMAX: tcg_gen_gvec_umax(v, d, a, bb, s, m); break;
    case G_SSADD: tcg_gen_gvec_ssadd(v, d, a, bb, s, m); break;
    case G_SSSUB: tcg_gen_gvec_sssub(v, d, a, bb, s, m); break;
    case G_USADD: tcg_gen_gvec_usadd(v, d, a, bb, s, m); break;
    case G_USSUB: tcg_gen_gvec_ussub(v, d, a, bb, s, m); break;
    case G_SHLV: tcg_gen_gvec_shlv(v, d, a, bb, s, m); break;
    case G_SHRV: tcg_gen_gvec_shrv(v, d, a, bb, s, m); break;
    case G_SARV: tcg_gen_gvec_sarv(v, d, a, bb, s, m); break;
    case G_NOT: tcg_gen_gvec_not(v, d, a, s, m); break;
    case G_NEG: tcg_gen_gvec_neg(v, d, a, s, m); break;
    case G_ABS: tcg_gen_gvec_abs(v, d, a, s, m); break;
    case G_ADDI: tcg_gen_gvec_addi(v, d, a, b->imm, s, m); break;
    case G_MULI: tcg_gen_gvec_muli(v, d, a, b->imm, s, m); break;
    case G_ANDI: tcg_gen_gvec_andi(v, d, a, b->imm, s, m); break;
    case G_XORI: tcg_gen_gvec_xori(v, d, a, b->imm, s, m); break;
    case G_SHLI: tcg_gen_gvec_shli(v, d, a, b->imm, s, m); break;
    case G_SHRI: tcg_gen_gvec_shri(v, d, a, b->imm, s, m); break;
    case G_SARI: tcg_gen_gvec_sari(v, d, a, b->imm, s, m); break;
    case G_ROTLI: tcg_gen_gvec_rotli(v, d, a, b->imm, s, m); break;
    case G_CMP_LT: tcg_gen_gvec_cmp(TCG_COND_LT, v, d, a, bb, s, m); break;
    case G_CMP_GEU: tcg_gen_gvec_cmp(TCG_COND_GEU, v, d, a, bb, s, m); break;
    case G_CMP_EQ: tcg_gen_gvec_cmp(TCG_COND_EQ, v, d, a, bb, s, m); break;
    case G_BITSEL: tcg_gen_gvec_bitsel(v, d, a, bb, c, s, m); break;
    case G_DUP_I64: tcg_gen_gvec_dup_i64(v, d, s, m, X[1]); break;
    case G_DUP_MEM: tcg_gen_gvec_dup_mem(v, d, VOFS(2) + 8, s, m); break;
    case G_MOV: tcg_gen_gvec_mov(v, d, a, s, m); break;
    default: g_assert_not_reached();
    }
    tcg_gen_exit_tb(NULL, 0);
}

static uint64_t rng = 88172645463325252ull;

static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void run_one(GBuild *b, bool interp)
{
    TranslationBlock tb = { 0 };
    VecEnv in;
    unsigned bits = 8u << b->vece;
    uint64_t m = bits == 64 ? ~0ull : (1ull << bits) - 1;
    /* Immediate ops require an in-range shift. */
    if (b->g >= G_SHLI && b->g <= G_ROTLI) {
        b->imm &= bits - 1;
    }
    if (b->g == G_ANDI || b->g == G_XORI) {
        b->imm = sext(b->imm & m, bits);
    }
    tcg_use_interp = interp;
    tcg_func_start(tcg_ctx);
    build(b);
    tb.tc.ptr = tcg_ctx->code_gen_ptr;
    int n = tcg_gen_code(tcg_ctx, &tb, 0);
    g_assert_cmpint(n, >, 0);
    tcg_ctx->code_gen_ptr = (void *)ROUND_UP((uintptr_t)tb.tc.ptr + n, 16);

    for (int k = 0; k < 4; k++) {
        for (int i = 0; i < 32; i++) {
            /* Mix small values, extremes and random bytes. */
            env.v[k][i] = (rnd() & 3) == 0 ? (rnd() & 1 ? 0x80 : 0x7f) : rnd();
        }
    }
    env.x[1] = rnd();
    in = env;
    tcg_qemu_tb_exec((CPUArchState *)&env, tb.tc.ptr);

    const uint8_t *dst = b->inplace ? env.v[1] : env.v[0];
    unsigned nel = b->oprsz >> b->vece;
    for (unsigned i = 0; i < nel; i++) {
        uint64_t a = el(in.v[1], i, b->vece), bb = el(in.v[2], i, b->vece);
        uint64_t c = el(in.v[3], i, b->vece);
        uint64_t exp;
        if (b->g == G_DUP_I64) {
            exp = in.x[1];
        } else if (b->g == G_DUP_MEM) {
            exp = el(in.v[2] + 8, 0, b->vece);
        } else if (b->g == G_MOV) {
            exp = a;
        } else {
            exp = ref(b->g, b->vece, a, bb, c, b->imm);
        }
        exp &= m;
        uint64_t got = el(dst, i, b->vece);
        if (got != exp) {
            g_error("gvec %s vece %u elem %u (%s%s, imm %" PRId64 "): a %#" PRIx64
                    " b %#" PRIx64 ": expected %#" PRIx64 ", got %#" PRIx64,
                    gop_name[b->g], b->vece, i, interp ? "interp" : "native",
                    b->inplace ? ", in place" : "", b->imm, a, bb, exp, got);
        }
    }
    for (uint32_t i = b->oprsz; i < b->maxsz; i++) {
        g_assert_cmpuint(dst[i], ==, 0);
    }
    for (uint32_t i = b->maxsz; i < 32; i++) {
        g_assert_cmpuint(dst[i], ==, (b->inplace ? in.v[1] : in.v[0])[i]);
    }
}

static void test_every_op_every_size(void)
{
    for (int g = 0; g < G_COUNT; g++) {
        for (unsigned vece = MO_8; vece <= MO_64; vece++) {
            for (int interp = 0; interp <= 1; interp++) {
                for (int rep = 0; rep < 6; rep++) {
                    GBuild b = {
                        .g = g, .vece = vece,
                        .oprsz = rep & 1 ? 8 : 16, .maxsz = rep & 2 ? 32 : 16,
                        .imm = rnd() % 200 - 100, .inplace = rep >= 4,
                    };
                    if (b.maxsz < b.oprsz) {
                        b.maxsz = b.oprsz;
                    }
                    run_one(&b, interp);
                }
            }
        }
    }
}

static void test_desc_round_trips(void)
{
    for (uint32_t o = 8; o <= 256; o += 8) {
        for (uint32_t mx = o; mx <= 256; mx += 24) {
            for (int32_t d = -32768; d < 32768; d += 4099) {
                uint32_t desc = simd_desc(o, mx, d);
                g_assert_cmpint(simd_oprsz(desc), ==, o);
                g_assert_cmpint(simd_maxsz(desc), ==, mx);
                g_assert_cmpint(simd_data(desc), ==, d);
            }
        }
    }
}

/* An out-of-line helper: d = a + b per byte, times data; zero to maxsz. */
static void helper_vadd(void *d, void *a, void *b, uint32_t desc)
{
    intptr_t n = simd_oprsz(desc), mx = simd_maxsz(desc);
    int32_t k = simd_data(desc);
    for (intptr_t i = 0; i < n; i++) {
        ((uint8_t *)d)[i] = (((uint8_t *)a)[i] + ((uint8_t *)b)[i]) * k;
    }
    memset((uint8_t *)d + n, 0, mx - n);
}

static const TCGHelperInfo info_vadd = {
    .func = (void *)helper_vadd, .name = "vadd", .flags = TCG_CALL_NO_RWG,
    .typemask = 0 | 6 << 3 | 6 << 6 | 6 << 9 | 2 << 12,
};

static void gen_helper_vadd(TCGv_ptr d, TCGv_ptr a, TCGv_ptr b, TCGv_i32 desc)
{
    TCGTemp *args[4] = {
        tcgv_ptr_temp(d), tcgv_ptr_temp(a), tcgv_ptr_temp(b), tcgv_i32_temp(desc),
    };
    tcg_gen_callN(&info_vadd, NULL, args);
}

static void test_out_of_line_helper(void)
{
    for (int interp = 0; interp <= 1; interp++) {
        TranslationBlock tb = { 0 };
        tcg_use_interp = interp;
        tcg_func_start(tcg_ctx);
        tcg_gen_gvec_3_ool(VOFS(0), VOFS(1), VOFS(2), 16, 32, 3, gen_helper_vadd);
        tcg_gen_exit_tb(NULL, 0);
        tb.tc.ptr = tcg_ctx->code_gen_ptr;
        int n = tcg_gen_code(tcg_ctx, &tb, 0);
        g_assert_cmpint(n, >, 0);
        tcg_ctx->code_gen_ptr = (void *)ROUND_UP((uintptr_t)tb.tc.ptr + n, 16);
        for (int i = 0; i < 32; i++) {
            env.v[0][i] = 0xee;
            env.v[1][i] = i;
            env.v[2][i] = 2 * i;
        }
        tcg_qemu_tb_exec((CPUArchState *)&env, tb.tc.ptr);
        for (int i = 0; i < 16; i++) {
            g_assert_cmpuint(env.v[0][i], ==, (uint8_t)(3 * i * 3));
        }
        for (int i = 16; i < 32; i++) {
            g_assert_cmpuint(env.v[0][i], ==, 0);
        }
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    tcg_use_interp = false;
    tcg_init(32 * MiB);
    for (int i = 0; i < 4; i++) {
        X[i] = tcg_global_mem_new_i64(tcg_env, offsetof(VecEnv, x[i]), g_strdup_printf("x%d", i));
    }
    g_test_add_func("/tcg-gvec/every-op-every-element-size", test_every_op_every_size);
    g_test_add_func("/tcg-gvec/desc-round-trips", test_desc_round_trips);
    g_test_add_func("/tcg-gvec/out-of-line-helper", test_out_of_line_helper);
    return g_test_run();
}
