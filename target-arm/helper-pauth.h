/*
 * helper-pauth.h - DEF_HELPER lines of pointer authentication (FEAT_PAuth,
 * target-arm/pauth_helper.c). No include guard: target-arm/helper.h is
 * expanded several times.
 *
 * The PAC and AUT helpers take (env, pointer, modifier) and return the
 * signed or authenticated pointer (unchanged while SCTLR_EL1.En<key> is
 * 0); the XPAC ones strip the code; pacga returns the 32-bit code in the
 * top half.
 */
DEF_HELPER_FLAGS_3(pacia, TCG_CALL_NO_WG, i64, env, i64, i64)
DEF_HELPER_FLAGS_3(pacib, TCG_CALL_NO_WG, i64, env, i64, i64)
DEF_HELPER_FLAGS_3(pacda, TCG_CALL_NO_WG, i64, env, i64, i64)
DEF_HELPER_FLAGS_3(pacdb, TCG_CALL_NO_WG, i64, env, i64, i64)
DEF_HELPER_FLAGS_3(autia, TCG_CALL_NO_WG, i64, env, i64, i64)
DEF_HELPER_FLAGS_3(autib, TCG_CALL_NO_WG, i64, env, i64, i64)
DEF_HELPER_FLAGS_3(autda, TCG_CALL_NO_WG, i64, env, i64, i64)
DEF_HELPER_FLAGS_3(autdb, TCG_CALL_NO_WG, i64, env, i64, i64)
DEF_HELPER_FLAGS_3(pacga, TCG_CALL_NO_WG, i64, env, i64, i64)
DEF_HELPER_FLAGS_2(xpaci, TCG_CALL_NO_WG, i64, env, i64)
DEF_HELPER_FLAGS_2(xpacd, TCG_CALL_NO_WG, i64, env, i64)
/* ERETAA/ERETAB: an exception return to an already authenticated ELR. */
DEF_HELPER_2(eret_pauth, void, env, i64)
