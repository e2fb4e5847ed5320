/*
 * helper-debug.h - DEF_HELPER lines of self-hosted debug (debug_helper.c):
 * software step and breakpoint checks (env->pc set before each call).
 * No include guard: target-arm/helper.h is expanded several times.
 */
DEF_HELPER_1(ss_pending, noreturn, env)
DEF_HELPER_1(ss_complete, void, env)
DEF_HELPER_2(check_bp, void, env, i64)
