/*
 * test-tcg-fuzz.c - random IR programs run by both code generators: the
 * bytecode interpreter (the reference) and the x86-64 backend with its
 * register allocator, inline TLB fast path and optimizer. Each program mixes
 * every op family over globals, many TB temps (to force spills),
 * constants, forward branches, helper calls with different global-access
 * flags, env loads/stores and guest memory; the final CPU state and guest
 * memory must be identical. A failure prints the seed and the op list.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "tcg/tcg.h"
#include "tcg/tcg-op.h"
#include "tcg/tcg-internal.h"
#include "exec/cpu-tlb.h"

typedef struct FuzzEnv {
    uint64_t r[12];
    uint32_t w[6];
    uint64_t scratch[8];
} FuzzEnv;

typedef struct FuzzCPU {
    CPUNegativeOffsetState neg;
    FuzzEnv env;
} FuzzCPU;

static FuzzCPU cpu;
static TCGv_i64 R[12];
static TCGv_i32 W[6];
#define NT 24
static TCGv_i64 T64[NT];
static TCGv_i32 T32[NT];

static uint8_t ram[2 * 4096];
#define GBASE 0x80000000ull
static CPUTLBEntry tlb[64];

static uint64_t rng;

static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static unsigned rn(unsigned n)
{
    return rnd() % n;
}

static const uint64_t special[] = {
    0, 1, 2, 31, 32, 63, 64, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff,
    0x7fffffff, 0x80000000, 0xffffffff, 0x7fffffffffffffffull,
    0x8000000000000000ull, ~0ull, ~1ull,
};

static uint64_t rval(void)
{
    switch (rn(4)) {
    case 0:
        return special[rn(ARRAY_SIZE(special))];
    case 1:
        return rn(100);
    case 2:
        return (int64_t)(int8_t)rnd();
    default:
        return rnd();
    }
}

static uint64_t fuzz_ld(CPUArchState *env, uint64_t addr, MemOpIdx oi, uintptr_t ra)
{
    MemOp mop = get_memop(oi);
    unsigned size = memop_size(mop);
    uint64_t v = 0;
    if (addr - GBASE + size > sizeof(ram)) {
        addr = GBASE + ((addr - GBASE) % (sizeof(ram) - 8));
    }
    for (unsigned i = 0; i < size; i++) {
        unsigned sh = (mop & MO_BSWAP) ? (size - 1 - i) * 8 : i * 8;
        v |= (uint64_t)ram[addr - GBASE + i] << sh;
    }
    return v;
}

static void fuzz_st(CPUArchState *env, uint64_t addr, uint64_t val, MemOpIdx oi, uintptr_t ra)
{
    MemOp mop = get_memop(oi);
    unsigned size = memop_size(mop);
    if (addr - GBASE + size > sizeof(ram)) {
        addr = GBASE + ((addr - GBASE) % (sizeof(ram) - 8));
    }
    for (unsigned i = 0; i < size; i++) {
        unsigned sh = (mop & MO_BSWAP) ? (size - 1 - i) * 8 : i * 8;
        ram[addr - GBASE + i] = val >> sh;
    }
}

/* Helpers with different views of globals. */
static uint64_t h_pure(uint64_t a, uint64_t b)
{
    return a * 0x9e3779b97f4a7c15ull ^ (b >> 3);
}

static uint64_t h_read(void *env, uint32_t x)
{
    FuzzEnv *e = env;
    return e->r[3] + e->w[2] + x;
}

static void h_write(void *env, uint64_t x)
{
    FuzzEnv *e = env;
    e->r[5] ^= x;
    e->w[1] += (uint32_t)x;
}

static const TCGHelperInfo i_pure = {
    .func = (void *)h_pure, .name = "pure", .flags = TCG_CALL_NO_RWG_SE,
    .typemask = 4 | 4 << 3 | 4 << 6,
};
static const TCGHelperInfo i_read = {
    .func = (void *)h_read, .name = "read", .flags = TCG_CALL_NO_WG,
    .typemask = 4 | 6 << 3 | 2 << 6,
};
static const TCGHelperInfo i_write = {
    .func = (void *)h_write, .name = "write", .flags = 0,
    .typemask = 0 | 6 << 3 | 4 << 6,
};

static TCGv_i64 src64(void)
{
    switch (rn(4)) {
    case 0:
        return tcg_constant_i64(rval());
    case 1:
        return R[rn(12)];
    default:
        return T64[rn(NT)];
    }
}

static TCGv_i32 src32(void)
{
    switch (rn(4)) {
    case 0:
        return tcg_constant_i32(rval());
    case 1:
        return W[rn(6)];
    default:
        return T32[rn(NT)];
    }
}

static TCGv_i64 dst64(void)
{
    return rn(3) == 0 ? R[rn(12)] : T64[rn(NT)];
}

static TCGv_i32 dst32(void)
{
    return rn(3) == 0 ? W[rn(6)] : T32[rn(NT)];
}

static TCGv_i64 reg64(void)
{
    return rn(2) ? R[rn(12)] : T64[rn(NT)];
}

typedef void (*Bin64)(TCGv_i64, TCGv_i64, TCGv_i64);
typedef void (*Bin32)(TCGv_i32, TCGv_i32, TCGv_i32);
static const Bin64 bin64[] = {
    tcg_gen_add_i64, tcg_gen_sub_i64, tcg_gen_mul_i64, tcg_gen_and_i64,
    tcg_gen_or_i64, tcg_gen_xor_i64, tcg_gen_andc_i64, tcg_gen_orc_i64,
    tcg_gen_eqv_i64, tcg_gen_nand_i64, tcg_gen_nor_i64, tcg_gen_shl_i64,
    tcg_gen_shr_i64, tcg_gen_sar_i64, tcg_gen_rotl_i64, tcg_gen_rotr_i64,
    tcg_gen_div_i64, tcg_gen_divu_i64, tcg_gen_rem_i64, tcg_gen_remu_i64,
    tcg_gen_muluh_i64, tcg_gen_mulsh_i64, tcg_gen_smin_i64, tcg_gen_umax_i64,
    tcg_gen_clz_i64, tcg_gen_ctz_i64,
};
static const Bin32 bin32[] = {
    tcg_gen_add_i32, tcg_gen_sub_i32, tcg_gen_mul_i32, tcg_gen_and_i32,
    tcg_gen_or_i32, tcg_gen_xor_i32, tcg_gen_andc_i32, tcg_gen_orc_i32,
    tcg_gen_eqv_i32, tcg_gen_nand_i32, tcg_gen_nor_i32, tcg_gen_shl_i32,
    tcg_gen_shr_i32, tcg_gen_sar_i32, tcg_gen_rotl_i32, tcg_gen_rotr_i32,
    tcg_gen_div_i32, tcg_gen_divu_i32, tcg_gen_rem_i32, tcg_gen_remu_i32,
    tcg_gen_muluh_i32, tcg_gen_mulsh_i32, tcg_gen_smax_i32, tcg_gen_umin_i32,
    tcg_gen_clz_i32, tcg_gen_ctz_i32,
};
typedef void (*Un64)(TCGv_i64, TCGv_i64);
static void bswap16s(TCGv_i64 d, TCGv_i64 a) { tcg_gen_bswap16_i64(d, a, TCG_BSWAP_OS); }
static void bswap32z(TCGv_i64 d, TCGv_i64 a) { tcg_gen_bswap32_i64(d, a, TCG_BSWAP_OZ); }
static const Un64 un64[] = {
    tcg_gen_neg_i64, tcg_gen_not_i64, tcg_gen_ext8s_i64, tcg_gen_ext8u_i64,
    tcg_gen_ext16s_i64, tcg_gen_ext16u_i64, tcg_gen_ext32s_i64, tcg_gen_ext32u_i64,
    tcg_gen_ctpop_i64, tcg_gen_bswap64_i64, tcg_gen_abs_i64, tcg_gen_mov_i64,
    bswap16s, bswap32z, tcg_gen_hswap_i64, tcg_gen_clrsb_i64,
};
static const TCGCond conds[] = {
    TCG_COND_EQ, TCG_COND_NE, TCG_COND_LT, TCG_COND_GE, TCG_COND_LE, TCG_COND_GT,
    TCG_COND_LTU, TCG_COND_GEU, TCG_COND_LEU, TCG_COND_GTU, TCG_COND_TSTEQ,
    TCG_COND_TSTNE, TCG_COND_ALWAYS, TCG_COND_NEVER,
};

static TCGv_i64 guest_addr(void)
{
    /* An address in the two mapped pages, sometimes near the boundary. */
    TCGv_i64 a = tcg_temp_new_i64();
    tcg_gen_andi_i64(a, reg64(), rn(4) ? 0xfff : 0x1fff);
    if (rn(3) == 0) {
        tcg_gen_ori_i64(a, a, 0xff8);
    }
    tcg_gen_addi_i64(a, a, GBASE);
    return a;
}

static void gen_one(TCGLabel **pending, int *npending)
{
    switch (rn(20)) {
    case 0: case 1: case 2:
        bin64[rn(ARRAY_SIZE(bin64))](dst64(), src64(), src64());
        break;
    case 3: case 4:
        bin32[rn(ARRAY_SIZE(bin32))](dst32(), src32(), src32());
        break;
    case 5:
        un64[rn(ARRAY_SIZE(un64))](dst64(), src64());
        break;
    case 6: {
        int w = rn(2) ? 64 : 32;
        unsigned ofs = rn(w), len = 1 + rn(w - ofs);
        if (w == 64) {
            switch (rn(4)) {
            case 0: tcg_gen_deposit_i64(dst64(), src64(), src64(), ofs, len); break;
            case 1: tcg_gen_extract_i64(dst64(), src64(), ofs, len); break;
            case 2: tcg_gen_sextract_i64(dst64(), src64(), ofs, len); break;
            default: tcg_gen_extract2_i64(dst64(), src64(), src64(), ofs); break;
            }
        } else {
            switch (rn(4)) {
            case 0: tcg_gen_deposit_i32(dst32(), src32(), src32(), ofs, len); break;
            case 1: tcg_gen_extract_i32(dst32(), src32(), ofs, len); break;
            case 2: tcg_gen_sextract_i32(dst32(), src32(), ofs, len); break;
            default: tcg_gen_extract2_i32(dst32(), src32(), src32(), ofs); break;
            }
        }
        break;
    }
    case 7: {
        TCGCond c = conds[rn(ARRAY_SIZE(conds))];
        switch (rn(5)) {
        case 0: tcg_gen_setcond_i64(c, dst64(), src64(), src64()); break;
        case 1: tcg_gen_negsetcond_i32(c, dst32(), src32(), src32()); break;
        case 2: tcg_gen_movcond_i64(c, dst64(), src64(), src64(), src64(), src64()); break;
        case 3: tcg_gen_movcond_i32(c, dst32(), src32(), src32(), src32(), src32()); break;
        default: tcg_gen_setcondi_i64(c, dst64(), src64(), rval()); break;
        }
        break;
    }
    case 8: {
        /* Double-word results into two distinct destinations. */
        TCGv_i64 lo = T64[rn(NT / 2)], hi = T64[NT / 2 + rn(NT / 2)];
        switch (rn(5)) {
        case 0: tcg_gen_mulu2_i64(lo, hi, src64(), src64()); break;
        case 1: tcg_gen_muls2_i64(lo, hi, src64(), src64()); break;
        case 2: tcg_gen_add2_i64(lo, hi, src64(), src64(), src64(), src64()); break;
        case 3: tcg_gen_sub2_i64(lo, hi, src64(), src64(), src64(), src64()); break;
        default: tcg_gen_mulsu2_i64(lo, hi, src64(), src64()); break;
        }
        break;
    }
    case 9:
        switch (rn(6)) {
        case 0: tcg_gen_extu_i32_i64(dst64(), src32()); break;
        case 1: tcg_gen_ext_i32_i64(dst64(), src32()); break;
        case 2: tcg_gen_extrl_i64_i32(dst32(), src64()); break;
        case 3: tcg_gen_extrh_i64_i32(dst32(), src64()); break;
        case 4: tcg_gen_concat_i32_i64(dst64(), src32(), src32()); break;
        default: tcg_gen_bswap32_i32(dst32(), src32()); break;
        }
        break;
    case 10: {
        intptr_t o = offsetof(FuzzEnv, scratch) + rn(56);
        switch (rn(6)) {
        case 0: tcg_gen_st_i64(src64(), tcg_env, offsetof(FuzzEnv, scratch) + 8 * rn(7)); break;
        case 1: tcg_gen_st8_i64(src64(), tcg_env, o); break;
        case 2: tcg_gen_st16_i32(src32(), tcg_env, o); break;
        case 3: tcg_gen_ld_i64(dst64(), tcg_env, offsetof(FuzzEnv, scratch) + 8 * rn(7)); break;
        case 4: tcg_gen_ld16s_i64(dst64(), tcg_env, o); break;
        default: tcg_gen_ld8u_i32(dst32(), tcg_env, o); break;
        }
        break;
    }
    case 11: {
        int which = rn(3);
        if (which == 0) {
            TCGTemp *a[2] = { tcgv_i64_temp(src64()), tcgv_i64_temp(src64()) };
            tcg_gen_callN(&i_pure, tcgv_i64_temp(dst64()), a);
        } else if (which == 1) {
            TCGTemp *a[2] = { tcgv_ptr_temp(tcg_env), tcgv_i32_temp(src32()) };
            tcg_gen_callN(&i_read, tcgv_i64_temp(dst64()), a);
        } else {
            TCGTemp *a[2] = { tcgv_ptr_temp(tcg_env), tcgv_i64_temp(src64()) };
            tcg_gen_callN(&i_write, NULL, a);
        }
        break;
    }
    case 12: {
        static const MemOp mops[] = {
            MO_UB, MO_SB, MO_LEUW, MO_BESW, MO_LEUL, MO_BEUL, MO_LESL, MO_LEUQ, MO_BEUQ,
        };
        MemOp m = mops[rn(ARRAY_SIZE(mops))];
        TCGv_i64 a = guest_addr();
        if (rn(2)) {
            tcg_gen_qemu_ld_i64(dst64(), a, rn(2), m);
        } else {
            tcg_gen_qemu_st_i64(src64(), a, rn(2), m);
        }
        break;
    }
    case 13: {
        TCGv_i64 a = guest_addr();
        switch (rn(3)) {
        case 0: tcg_gen_atomic_fetch_add_i64(dst64(), a, src64(), 0, MO_LEUL); break;
        case 1: tcg_gen_atomic_cmpxchg_i64(dst64(), a, src64(), src64(), 0, MO_LEUQ); break;
        default: tcg_gen_atomic_xchg_i32(dst32(), a, src32(), 0, MO_UW); break;
        }
        break;
    }
    case 14:
        /* A forward branch to a label placed later. */
        if (*npending < 8) {
            TCGLabel *l = gen_new_label();
            pending[(*npending)++] = l;
            if (rn(2)) {
                tcg_gen_brcond_i64(conds[rn(ARRAY_SIZE(conds))], src64(), src64(), l);
            } else {
                tcg_gen_brcondi_i32(conds[rn(ARRAY_SIZE(conds))], src32(), rval(), l);
            }
        }
        break;
    case 15:
        if (*npending) {
            int i = rn(*npending);
            gen_set_label(pending[i]);
            pending[i] = pending[--*npending];
        }
        break;
    case 16: {
        static const int sh[] = { 0, 1, 5, 31, 32, 33, 63 };
        int c = sh[rn(ARRAY_SIZE(sh))];
        switch (rn(6)) {
        case 0: tcg_gen_shli_i64(dst64(), src64(), c); break;
        case 1: tcg_gen_sari_i64(dst64(), src64(), c); break;
        case 2: tcg_gen_rotri_i64(dst64(), src64(), c); break;
        case 3: tcg_gen_shri_i32(dst32(), src32(), c & 31); break;
        case 4: tcg_gen_rotli_i32(dst32(), src32(), c & 31); break;
        default: tcg_gen_sari_i32(dst32(), src32(), c & 31); break;
        }
        break;
    }
    default:
        switch (rn(8)) {
        case 0: tcg_gen_addi_i64(dst64(), src64(), rval()); break;
        case 1: tcg_gen_andi_i64(dst64(), src64(), rval()); break;
        case 2: tcg_gen_xori_i32(dst32(), src32(), rval()); break;
        case 3: tcg_gen_muli_i64(dst64(), src64(), rval()); break;
        case 4: tcg_gen_ori_i32(dst32(), src32(), rval()); break;
        case 5: tcg_gen_subi_i64(dst64(), src64(), rval()); break;
        case 6: tcg_gen_movi_i64(dst64(), rval()); break;
        default: tcg_gen_mov_i32(dst32(), src32()); break;
        }
        break;
    }
}

static void build_program(uint64_t seed, int len)
{
    TCGLabel *pending[8];
    int npending = 0;

    rng = seed * 0x2545f4914f6cdd1dull + 1;
    tcg_func_start(tcg_ctx);
    for (int i = 0; i < NT; i++) {
        T64[i] = tcg_temp_new_i64();
        T32[i] = tcg_temp_new_i32();
        tcg_gen_movi_i64(T64[i], rval());
        tcg_gen_movi_i32(T32[i], rval());
    }
    for (int i = 0; i < len; i++) {
        if (i % 7 == 0) {
            tcg_gen_insn_start(0x1000 + i, 0, 0);
        }
        gen_one(pending, &npending);
    }
    while (npending) {
        gen_set_label(pending[--npending]);
    }
    /* Fold the temps into the visible state. */
    for (int i = 0; i < NT; i++) {
        tcg_gen_xor_i64(R[i % 12], R[i % 12], T64[i]);
        tcg_gen_add_i32(W[i % 6], W[i % 6], T32[i]);
    }
    tcg_gen_exit_tb(NULL, 0);
}

static void init_state(uint64_t seed)
{
    rng = seed * 0x9e3779b97f4a7c15ull + 7;
    for (int i = 0; i < 12; i++) {
        cpu.env.r[i] = rval();
    }
    for (int i = 0; i < 6; i++) {
        cpu.env.w[i] = rval();
    }
    for (int i = 0; i < 8; i++) {
        cpu.env.scratch[i] = rnd();
    }
    for (size_t i = 0; i < sizeof(ram); i++) {
        ram[i] = rnd();
    }
}

static bool run_one(uint64_t seed, int len, bool interp, bool opt, FuzzEnv *env_out,
                    uint8_t *ram_out)
{
    TranslationBlock tb = { 0 };
    tcg_use_interp = interp;
    tcg_disable_optimizer = !opt;
    build_program(seed, len);
    tb.tc.ptr = tcg_ctx->code_gen_ptr;
    int n = tcg_gen_code(tcg_ctx, &tb, 0);
    if (n == -2) {
        return false;
    }
    g_assert_cmpint(n, >, 0);
    if ((char *)tcg_ctx->code_gen_ptr + n + 65536 > (char *)tcg_ctx->code_gen_highwater) {
        tcg_region_reset_all();
        tb.tc.ptr = tcg_ctx->code_gen_ptr;
        build_program(seed, len);
        n = tcg_gen_code(tcg_ctx, &tb, 0);
    }
    tcg_ctx->code_gen_ptr = (void *)ROUND_UP((uintptr_t)tcg_ctx->code_gen_ptr + n,
                                             TCG_CODE_ALIGN);
    init_state(seed);
    tcg_qemu_tb_exec((CPUArchState *)&cpu.env, tb.tc.ptr);
    *env_out = cpu.env;
    memcpy(ram_out, ram, sizeof(ram));
    return true;
}

static void dump_program(uint64_t seed, int len)
{
    tcg_disable_optimizer = true;
    build_program(seed, len);
    tcg_dump_ops(tcg_ctx, stderr, false);
}

static void set_tlb(bool on)
{
    memset(tlb, 0xff, sizeof(tlb));
    if (on) {
        for (int p = 0; p < 2; p++) {
            uint64_t va = GBASE + p * 4096;
            CPUTLBEntry *te = &tlb[(va >> TARGET_PAGE_BITS) & 63];
            te->addr_read = te->addr_write = va;
            te->addend = (uintptr_t)ram - GBASE;
        }
    }
}

static void fuzz(int nprog, int len, bool opt_ref, bool opt_native)
{
    FuzzEnv e_ref, e_nat;
    static uint8_t ram_ref[sizeof(ram)], ram_nat[sizeof(ram)];

    for (int tlb_on = 0; tlb_on <= 1; tlb_on++) {
        set_tlb(tlb_on);
        for (int seed = 1; seed <= nprog; seed++) {
            uint64_t sd = seed + tlb_on * 1000003ull + len * 7919ull;
            if (!run_one(sd, len, true, opt_ref, &e_ref, ram_ref)) {
                continue;
            }
            g_assert_true(run_one(sd, len, false, opt_native, &e_nat, ram_nat));
            if (memcmp(&e_ref, &e_nat, sizeof(e_ref)) || memcmp(ram_ref, ram_nat, sizeof(ram))) {
                for (int i = 0; i < 12; i++) {
                    if (e_ref.r[i] != e_nat.r[i]) {
                        fprintf(stderr, "r%d: interp %#" PRIx64 " native %#" PRIx64 "\n",
                                i, e_ref.r[i], e_nat.r[i]);
                    }
                }
                for (int i = 0; i < 6; i++) {
                    if (e_ref.w[i] != e_nat.w[i]) {
                        fprintf(stderr, "w%d: interp %#x native %#x\n", i, e_ref.w[i], e_nat.w[i]);
                    }
                }
                for (int i = 0; i < 8; i++) {
                    if (e_ref.scratch[i] != e_nat.scratch[i]) {
                        fprintf(stderr, "scratch%d differs\n", i);
                    }
                }
                if (memcmp(ram_ref, ram_nat, sizeof(ram))) {
                    fprintf(stderr, "guest memory differs\n");
                }
                dump_program(sd, len);
                g_error("seed %" PRIu64 " len %d (tlb %s, opt %d/%d): interpreter and native "
                        "backend disagree", sd, len, tlb_on ? "on" : "off", opt_ref, opt_native);
            }
        }
    }
}

static void test_fuzz_short(void)
{
    fuzz(3000, 12, false, false);
}

static void test_fuzz_long(void)
{
    fuzz(800, 120, false, false);
}

static void test_fuzz_optimized_native(void)
{
    fuzz(1500, 40, false, true);
}

static void test_fuzz_optimized_both(void)
{
    fuzz(800, 60, true, true);
}

/* FUZZ_SEED=n FUZZ_LEN=m: rerun one program with op and host code logging. */
static void test_one_seed(void)
{
    FuzzEnv e_ref, e_nat;
    static uint8_t ram_ref[sizeof(ram)], ram_nat[sizeof(ram)];
    uint64_t sd = g_ascii_strtoull(getenv("FUZZ_SEED"), NULL, 0);
    int len = atoi(getenv("FUZZ_LEN") ? getenv("FUZZ_LEN") : "12");
    set_tlb(sd % 1000003 != sd - len * 7919ull);
    run_one(sd, len, true, false, &e_ref, ram_ref);
    log_set_mask(LOG_OP_OPT | LOG_OUT_ASM);
    run_one(sd, len, false, false, &e_nat, ram_nat);
    log_set_mask(0);
    for (int i = 0; i < 12; i++) {
        fprintf(stderr, "r%d: interp %#" PRIx64 " native %#" PRIx64 "\n",
                i, e_ref.r[i], e_nat.r[i]);
    }
    for (size_t i = 0; i < sizeof(ram); i++) {
        if (ram_ref[i] != ram_nat[i]) {
            fprintf(stderr, "ram[%#zx]: interp %#x native %#x\n", i, ram_ref[i], ram_nat[i]);
        }
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    tcg_use_interp = false;
    tcg_init(64 * MiB);
    for (int i = 0; i < 12; i++) {
        R[i] = tcg_global_mem_new_i64(tcg_env, offsetof(FuzzEnv, r[i]), g_strdup_printf("r%d", i));
    }
    for (int i = 0; i < 6; i++) {
        W[i] = tcg_global_mem_new_i32(tcg_env, offsetof(FuzzEnv, w[i]), g_strdup_printf("w%d", i));
    }
    for (int i = 0; i < 4; i++) {
        tcg_ldst_helpers.ld[i] = fuzz_ld;
        tcg_ldst_helpers.st[i] = fuzz_st;
    }
    for (int i = 0; i < NB_MMU_MODES; i++) {
        cpu.neg.tlb.f[i].mask = (ARRAY_SIZE(tlb) - 1) << CPU_TLB_ENTRY_BITS;
        cpu.neg.tlb.f[i].table = tlb;
    }
    if (getenv("FUZZ_SEED")) {
        g_test_add_func("/tcg-fuzz/one-seed", test_one_seed);
        return g_test_run();
    }
    g_test_add_func("/tcg-fuzz/short-programs-interp-equals-native", test_fuzz_short);
    g_test_add_func("/tcg-fuzz/long-programs-with-spills", test_fuzz_long);
    g_test_add_func("/tcg-fuzz/optimizer-preserves-semantics", test_fuzz_optimized_native);
    g_test_add_func("/tcg-fuzz/optimized-both-backends", test_fuzz_optimized_both);
    return g_test_run();
}
