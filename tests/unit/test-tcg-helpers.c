/*
 * test-tcg-helpers.c - the DEF_HELPER machinery end to end: this file is
 * also its own helper list (HELPER_H points here; the list part is read
 * when DEF_HELPER_FLAGS_0 is defined), so exec/helper-proto.h declares the
 * helpers below and exec/helper-gen.h makes their gen_helper_* functions.
 * Checks argument types (i32, s32 sign, i64, ptr, env, cptr), results,
 * zero and seven arguments, and what the flags allow the passes to do.
 */
#ifdef DEF_HELPER_FLAGS_0

DEF_HELPER_FLAGS_0(tcgtest_tick, 0, void)
DEF_HELPER_FLAGS_2(tcgtest_widen, TCG_CALL_NO_RWG_SE, s64, s32, i32)
DEF_HELPER_FLAGS_3(tcgtest_sum3, TCG_CALL_NO_RWG_SE, i64, i64, i64, i64)
DEF_HELPER_FLAGS_2(tcgtest_read_r0, TCG_CALL_NO_WG_SE, i64, env, cptr)
DEF_HELPER_2(tcgtest_write_r0, void, env, i64)
DEF_HELPER_FLAGS_7(tcgtest_seven, TCG_CALL_NO_RWG_SE, i64, i64, i32, s32, i64, ptr, int, i64)
DEF_HELPER_FLAGS_1(tcgtest_trunc32, TCG_CALL_NO_RWG_SE, i32, i64)

#else

#include "util/osdep.h"
#include "tcg/tcg.h"
#include "tcg/tcg-op.h"
#include "tcg/tcg-internal.h"

#define HELPER_H "tests/unit/test-tcg-helpers.c"
#include "exec/helper-proto.h"
#include "exec/helper-gen.h"

typedef struct HEnv {
    uint64_t r[8];
} HEnv;

static HEnv env;
static TCGv_i64 R[8];
static int ticks;
static const uint64_t marker = 0x5eed;

void helper_tcgtest_tick(void)
{
    ticks++;
}

int64_t helper_tcgtest_widen(int32_t a, uint32_t b)
{
    return (int64_t)a * 1000 + b;
}

uint64_t helper_tcgtest_sum3(uint64_t a, uint64_t b, uint64_t c)
{
    return a + 2 * b + 3 * c;
}

uint64_t helper_tcgtest_read_r0(CPUArchState *e, const void *p)
{
    return ((HEnv *)e)->r[0] + *(const uint64_t *)p;
}

void helper_tcgtest_write_r0(CPUArchState *e, uint64_t v)
{
    ((HEnv *)e)->r[0] = v;
}

uint64_t helper_tcgtest_seven(uint64_t a, uint32_t b, int32_t c, uint64_t d, void *e,
                      int f, uint64_t g)
{
    return a ^ ((uint64_t)b << 1) ^ (uint64_t)(int64_t)c ^ (d << 2) ^
           (uint64_t)(uintptr_t)e ^ (uint64_t)(int64_t)f ^ (g << 3);
}

uint32_t helper_tcgtest_trunc32(uint64_t a)
{
    return (uint32_t)(a >> 16);
}

static int count_calls(void)
{
    int n = 0;
    for (TCGOp *op = tcg_ctx->first_op; op; op = op->next) {
        n += op->opc == INDEX_op_call;
    }
    return n;
}

static void gen_all(void)
{
    TCGv_i32 w = tcg_temp_new_i32(), w2 = tcg_temp_new_i32();
    TCGv_i64 t = tcg_temp_new_i64();

    gen_helper_tcgtest_tick();
    tcg_gen_extrl_i64_i32(w, R[1]);
    tcg_gen_extrl_i64_i32(w2, R[2]);
    gen_helper_tcgtest_widen(R[3], w, w2);
    gen_helper_tcgtest_sum3(R[4], R[1], R[2], tcg_constant_i64(7));
    /* r0 is written in a register, then read by a helper through env. */
    tcg_gen_addi_i64(R[0], R[0], 1);
    gen_helper_tcgtest_read_r0(R[5], tcg_env, tcg_constant_ptr(&marker));
    gen_helper_tcgtest_write_r0(tcg_env, tcg_constant_i64(4242));
    tcg_gen_addi_i64(R[6], R[0], 1);           /* must see 4242 */
    gen_helper_tcgtest_seven(R[7], R[1], w, w2, R[2], tcg_constant_ptr(0x1000),
                     tcg_constant_i32(-3), tcg_constant_i64(9));
    gen_helper_tcgtest_trunc32(w, R[1]);
    tcg_gen_extu_i32_i64(R[2], w);
    /* Unused results of side-effect-free helpers disappear. */
    gen_helper_tcgtest_sum3(t, R[1], R[1], R[1]);
    tcg_gen_exit_tb(NULL, 0);
}

static void test_generated_helpers(void)
{
    for (int interp = 0; interp <= 1; interp++) {
        TranslationBlock tb = { 0 };
        tcg_use_interp = interp;
        tcg_func_start(tcg_ctx);
        gen_all();
        g_assert_cmpint(count_calls(), ==, 8);
        tb.tc.ptr = tcg_ctx->code_gen_ptr;
        int n = tcg_gen_code(tcg_ctx, &tb, 0);
        g_assert_cmpint(n, >, 0);
        g_assert_cmpint(count_calls(), ==, 7);
        tcg_ctx->code_gen_ptr = (void *)ROUND_UP((uintptr_t)tb.tc.ptr + n, 16);

        uint64_t a = 0xfedcba9880000005ull, b = 0x00000001fffffff0ull;
        env.r[0] = 100;
        env.r[1] = a;
        env.r[2] = b;
        ticks = 0;
        tcg_qemu_tb_exec((CPUArchState *)&env, tb.tc.ptr);
        g_assert_cmpint(ticks, ==, 1);
        g_assert_cmpint((int64_t)env.r[3], ==, (int64_t)(int32_t)a * 1000 + (uint32_t)b);
        g_assert_cmphex(env.r[4], ==, a + 2 * b + 21);
        g_assert_cmphex(env.r[5], ==, 101 + marker);
        g_assert_cmphex(env.r[0], ==, 4242);
        g_assert_cmphex(env.r[6], ==, 4243);
        g_assert_cmphex(env.r[7], ==, helper_tcgtest_seven(a, (uint32_t)a, (int32_t)b, b,
                                                   (void *)0x1000, -3, 9));
        g_assert_cmphex(env.r[2], ==, (uint32_t)(a >> 16));
    }
}

static void test_typemask_and_flags(void)
{
    /* The typemask of widen: s64 result, s32 and i32 arguments. */
    tcg_func_start(tcg_ctx);
    TCGv_i32 w = tcg_temp_new_i32();
    gen_helper_tcgtest_widen(R[0], w, w);
    gen_helper_tcgtest_tick();
    TCGOp *op = tcg_ctx->first_op;
    const TCGHelperInfo *info = (const TCGHelperInfo *)(uintptr_t)op->args[op->callo + op->calli + 1];
    g_assert_cmpstr(info->name, ==, "tcgtest_widen");
    g_assert_cmpuint(info->typemask, ==, 5 | 3 << 3 | 2 << 6);
    g_assert_cmpuint(info->flags, ==, TCG_CALL_NO_RWG_SE);
    g_assert_cmpint(tcg_helper_nargs(info->typemask), ==, 2);
    g_assert_true(info->func == (void *)helper_tcgtest_widen);
    op = op->next;
    info = (const TCGHelperInfo *)(uintptr_t)op->args[op->callo + op->calli + 1];
    g_assert_cmpuint(info->typemask, ==, 0);
    g_assert_cmpint(op->callo, ==, 0);
    g_assert_cmpint(op->calli, ==, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    tcg_use_interp = false;
    tcg_init(8 * MiB);
    for (int i = 0; i < 8; i++) {
        R[i] = tcg_global_mem_new_i64(tcg_env, offsetof(HEnv, r[i]), g_strdup_printf("r%d", i));
    }
    g_test_add_func("/tcg-helpers/generated-gen-helpers-run", test_generated_helpers);
    g_test_add_func("/tcg-helpers/typemask-and-flags", test_typemask_and_flags);
    return g_test_run();
}

#endif
