/*
 * test-tcg-optimize.c - the optimizer and liveness passes on hand-built IR:
 * what they must remove or rewrite (constant folding, copy propagation,
 * identities, branch folding, known-zero bits, dead code) and what they
 * must keep (global writes, side effects, values a helper may change).
 * Each test also runs the TB to check the rewritten code still computes
 * the same result.
 */
#include "util/osdep.h"
#include "tcg/tcg.h"
#include "tcg/tcg-op.h"
#include "tcg/tcg-internal.h"

typedef struct OptEnv {
    uint64_t r[8];
} OptEnv;

static OptEnv env;
static TCGv_i64 R[8];

static int count_ops(TCGOpcode opc)
{
    int n = 0;
    for (TCGOp *op = tcg_ctx->first_op; op; op = op->next) {
        n += op->opc == opc;
    }
    return n;
}

static int total_ops(void)
{
    int n = 0;
    for (TCGOp *op = tcg_ctx->first_op; op; op = op->next) {
        n++;
    }
    return n;
}

static void passes(void)
{
    tcg_optimize(tcg_ctx);
    tcg_liveness_analysis(tcg_ctx);
}

/* Generate and run what is in the op list now (passes already ran: skip them). */
static void run(bool interp)
{
    TranslationBlock tb = { 0 };
    bool saved = tcg_disable_optimizer;
    tcg_use_interp = interp;
    tcg_disable_optimizer = true;
    tb.tc.ptr = tcg_ctx->code_gen_ptr;
    int n = tcg_gen_code(tcg_ctx, &tb, 0);
    g_assert_cmpint(n, >, 0);
    tcg_ctx->code_gen_ptr = (void *)ROUND_UP((uintptr_t)tcg_ctx->code_gen_ptr + n, 16);
    tcg_disable_optimizer = saved;
    tcg_qemu_tb_exec((CPUArchState *)&env, tb.tc.ptr);
}

static void test_constants_fold_to_one_store(void)
{
    tcg_func_start(tcg_ctx);
    TCGv_i64 a = tcg_temp_new_i64(), b = tcg_temp_new_i64();
    tcg_gen_movi_i64(a, 40);
    tcg_gen_addi_i64(b, a, 2);
    tcg_gen_muli_i64(b, b, 3);
    tcg_gen_shli_i64(b, b, 4);
    tcg_gen_xori_i64(b, b, 0x5);
    tcg_gen_mov_i64(R[0], b);
    tcg_gen_exit_tb(NULL, 0);
    passes();
    /* Only "mov r0, $const" and exit_tb survive. */
    g_assert_cmpint(total_ops(), ==, 2);
    g_assert_cmpint(count_ops(INDEX_op_mov), ==, 1);
    TCGOp *op = tcg_ctx->first_op;
    TCGTemp *src = arg_temp(op->args[1]);
    g_assert_true(src->kind == TEMP_CONST);
    g_assert_cmpint(src->val, ==, ((40 + 2) * 3 << 4) ^ 5);
    run(false);
    g_assert_cmpuint(env.r[0], ==, ((40 + 2) * 3 << 4) ^ 5);
}

static void test_copies_propagate_to_the_source(void)
{
    tcg_func_start(tcg_ctx);
    TCGv_i64 t = tcg_temp_new_i64(), u = tcg_temp_new_i64();
    tcg_gen_mov_i64(t, R[1]);
    tcg_gen_mov_i64(u, t);
    tcg_gen_add_i64(R[0], u, R[2]);
    tcg_gen_exit_tb(NULL, 0);
    passes();
    /* The copies are dead: the add reads r1 directly. */
    g_assert_cmpint(count_ops(INDEX_op_mov), ==, 0);
    TCGOp *op = tcg_ctx->first_op;
    g_assert_cmpint(op->opc, ==, INDEX_op_add);
    g_assert_true(arg_temp(op->args[1]) == tcgv_i64_temp(R[1]));
    env.r[1] = 5;
    env.r[2] = 7;
    run(false);
    g_assert_cmpuint(env.r[0], ==, 12);
}

static void test_overwritten_source_stops_the_copy(void)
{
    tcg_func_start(tcg_ctx);
    TCGv_i64 t = tcg_temp_new_i64();
    tcg_gen_mov_i64(t, R[1]);
    tcg_gen_addi_i64(R[1], R[1], 100);   /* r1 changes; t keeps the old value */
    tcg_gen_mov_i64(R[0], t);
    tcg_gen_exit_tb(NULL, 0);
    passes();
    env.r[1] = 5;
    run(false);
    g_assert_cmpuint(env.r[0], ==, 5);
    g_assert_cmpuint(env.r[1], ==, 105);
}

static void test_identities(void)
{
    tcg_func_start(tcg_ctx);
    tcg_gen_sub_i64(R[0], R[1], R[1]);          /* 0 */
    tcg_gen_xor_i64(R[2], R[1], R[1]);          /* 0 */
    tcg_gen_and_i64(R[3], R[1], R[1]);          /* r1 */
    tcg_gen_mul_i64(R[4], R[1], tcg_constant_i64(1));
    tcg_gen_or_i64(R[5], R[1], tcg_constant_i64(0));
    tcg_gen_exit_tb(NULL, 0);
    passes();
    g_assert_cmpint(count_ops(INDEX_op_sub), ==, 0);
    g_assert_cmpint(count_ops(INDEX_op_xor), ==, 0);
    g_assert_cmpint(count_ops(INDEX_op_and), ==, 0);
    g_assert_cmpint(count_ops(INDEX_op_mul), ==, 0);
    g_assert_cmpint(count_ops(INDEX_op_or), ==, 0);
    env.r[1] = 0x1234;
    run(true);
    g_assert_cmpuint(env.r[0], ==, 0);
    g_assert_cmpuint(env.r[2], ==, 0);
    g_assert_cmpuint(env.r[3], ==, 0x1234);
    g_assert_cmpuint(env.r[4], ==, 0x1234);
    g_assert_cmpuint(env.r[5], ==, 0x1234);
}

static void test_branches_on_constants_fold(void)
{
    tcg_func_start(tcg_ctx);
    TCGLabel *never = gen_new_label(), *always = gen_new_label();
    TCGv_i64 t = tcg_temp_new_i64();
    tcg_gen_movi_i64(t, 3);
    tcg_gen_brcondi_i64(TCG_COND_GT, t, 5, never);       /* not taken: removed */
    tcg_gen_brcondi_i64(TCG_COND_LTU, t, 5, always);     /* taken: becomes br */
    tcg_gen_movi_i64(R[0], 1);
    gen_set_label(never);
    tcg_gen_movi_i64(R[0], 2);
    gen_set_label(always);
    tcg_gen_movi_i64(R[1], 3);
    tcg_gen_exit_tb(NULL, 0);
    passes();
    g_assert_cmpint(count_ops(INDEX_op_brcond), ==, 0);
    g_assert_cmpint(count_ops(INDEX_op_br), ==, 1);
    env.r[0] = 99;
    run(false);
    g_assert_cmpuint(env.r[0], ==, 99);
    g_assert_cmpuint(env.r[1], ==, 3);
}

static void test_known_zero_bits_drop_masks(void)
{
    tcg_func_start(tcg_ctx);
    TCGv_i64 t = tcg_temp_new_i64(), u = tcg_temp_new_i64();
    tcg_gen_ext8u_i64(t, R[1]);
    tcg_gen_andi_i64(u, t, 0xfff);        /* no bit above 7 can be set: mov */
    tcg_gen_ext16u_i64(u, u);             /* likewise */
    tcg_gen_shri_i64(R[0], u, 4);
    tcg_gen_setcond_i64(TCG_COND_EQ, t, R[2], R[3]);
    tcg_gen_andi_i64(R[4], t, 1);         /* setcond is 0/1 */
    tcg_gen_exit_tb(NULL, 0);
    passes();
    g_assert_cmpint(count_ops(INDEX_op_and), ==, 0);
    g_assert_cmpint(count_ops(INDEX_op_ext16u), ==, 0);
    g_assert_cmpint(count_ops(INDEX_op_ext8u), ==, 1);
    env.r[1] = 0xabcd;
    env.r[2] = env.r[3] = 9;
    run(false);
    g_assert_cmpuint(env.r[0], ==, 0xc);
    g_assert_cmpuint(env.r[4], ==, 1);
}

static void test_dead_code_goes_but_stores_stay(void)
{
    tcg_func_start(tcg_ctx);
    TCGv_i64 t = tcg_temp_new_i64();
    tcg_gen_mul_i64(t, R[1], R[2]);        /* never read: removed */
    tcg_gen_add_i64(t, R[1], R[2]);
    tcg_gen_st_i64(t, tcg_env, offsetof(OptEnv, r[7]));   /* side effect: kept */
    tcg_gen_mov_i64(R[0], R[1]);           /* global write: kept */
    tcg_gen_exit_tb(NULL, 0);
    passes();
    g_assert_cmpint(count_ops(INDEX_op_mul), ==, 0);
    g_assert_cmpint(count_ops(INDEX_op_st), ==, 1);
    g_assert_cmpint(count_ops(INDEX_op_mov), ==, 1);
    env.r[1] = 3;
    env.r[2] = 4;
    run(false);
    g_assert_cmpuint(env.r[7], ==, 7);
    g_assert_cmpuint(env.r[0], ==, 3);
}

static void clobber_r1(void *e)
{
    ((OptEnv *)e)->r[1] = 1000;
}

static const TCGHelperInfo info_clobber = {
    .func = (void *)clobber_r1, .name = "clobber_r1", .flags = 0,
    .typemask = 6 << 3,
};

static void test_helper_may_change_globals(void)
{
    tcg_func_start(tcg_ctx);
    TCGTemp *args[1] = { tcgv_ptr_temp(tcg_env) };
    tcg_gen_movi_i64(R[1], 5);
    tcg_gen_callN(&info_clobber, NULL, args);
    tcg_gen_addi_i64(R[0], R[1], 1);       /* must not fold to 6 */
    tcg_gen_exit_tb(NULL, 0);
    passes();
    g_assert_cmpint(count_ops(INDEX_op_add), ==, 1);
    run(false);
    g_assert_cmpuint(env.r[0], ==, 1001);
}

static void test_liveness_marks_last_use(void)
{
    tcg_func_start(tcg_ctx);
    TCGv_i64 t = tcg_temp_new_i64();
    tcg_gen_add_i64(t, R[1], R[2]);
    tcg_gen_add_i64(R[0], t, t);
    tcg_gen_exit_tb(NULL, 0);
    tcg_liveness_analysis(tcg_ctx);
    TCGOp *first = tcg_ctx->first_op, *second = first->next;
    /* t is born in the first op and dies in the second; r0 must reach env. */
    g_assert_false(first->life & (DEAD_ARG << 0));
    g_assert_true(second->life & (DEAD_ARG << 1));
    g_assert_true(second->life & (SYNC_ARG << 0));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    tcg_use_interp = false;
    tcg_init(8 * MiB);
    for (int i = 0; i < 8; i++) {
        R[i] = tcg_global_mem_new_i64(tcg_env, offsetof(OptEnv, r[i]), g_strdup_printf("r%d", i));
    }
    g_test_add_func("/tcg-optimize/constants-fold-to-one-store", test_constants_fold_to_one_store);
    g_test_add_func("/tcg-optimize/copies-propagate-to-the-source", test_copies_propagate_to_the_source);
    g_test_add_func("/tcg-optimize/overwritten-source-stops-the-copy", test_overwritten_source_stops_the_copy);
    g_test_add_func("/tcg-optimize/algebraic-identities", test_identities);
    g_test_add_func("/tcg-optimize/branches-on-constants-fold", test_branches_on_constants_fold);
    g_test_add_func("/tcg-optimize/known-zero-bits-drop-masks", test_known_zero_bits_drop_masks);
    g_test_add_func("/tcg-optimize/dead-code-goes-but-stores-stay", test_dead_code_goes_but_stores_stay);
    g_test_add_func("/tcg-optimize/helper-may-change-globals", test_helper_may_change_globals);
    g_test_add_func("/tcg-optimize/liveness-marks-last-use", test_liveness_marks_last_use);
    return g_test_run();
}
