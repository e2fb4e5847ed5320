/*
 * helper.h - the Arm target's helpers called from generated code, as
 * DEF_HELPER lines (exec/helper-proto.h and exec/helper-gen.h expand them).
 * Implementations: target-arm/helper-a64.c and target-arm/op_helper.c.
 * The FP/SIMD groups keep theirs in the helper-*.h files included at the
 * end (no include guards: this list is expanded several times).
 */

/* Raise exception (excp, syndrome, target_el) with env->pc already set. */
DEF_HELPER_FLAGS_4(exception, TCG_CALL_NO_WG, noreturn, env, i32, i32, i32)

/* Integer corners the host would trap on or TCG leaves undefined. */
DEF_HELPER_FLAGS_2(udiv64, TCG_CALL_NO_RWG_SE, i64, i64, i64)
DEF_HELPER_FLAGS_2(sdiv64, TCG_CALL_NO_RWG_SE, i64, i64, i64)
DEF_HELPER_FLAGS_2(udiv32, TCG_CALL_NO_RWG_SE, i64, i64, i64)
DEF_HELPER_FLAGS_2(sdiv32, TCG_CALL_NO_RWG_SE, i64, i64, i64)
DEF_HELPER_FLAGS_1(rbit64, TCG_CALL_NO_RWG_SE, i64, i64)
DEF_HELPER_FLAGS_3(crc32, TCG_CALL_NO_RWG_SE, i64, i64, i64, i32)
DEF_HELPER_FLAGS_3(crc32c, TCG_CALL_NO_RWG_SE, i64, i64, i64, i32)

/* System registers and PSTATE (env->pc set to the insn before the call). */
DEF_HELPER_2(mrs, i64, env, i32)
DEF_HELPER_3(msr, void, env, i32, i64)
DEF_HELPER_3(msr_pstate, void, env, i32, i32)
DEF_HELPER_1(eret, void, env)
DEF_HELPER_1(wfi, noreturn, env)
DEF_HELPER_1(yield, noreturn, env)
DEF_HELPER_1(hvc, void, env)
DEF_HELPER_1(semihosting, void, env)
DEF_HELPER_2(dc_zva, void, env, i64)
/* FEAT_SPECRES: the EL0 trap of CFP/DVP/CPP RCTX (SCTLR_EL1.EnRCTX) */
DEF_HELPER_2(rctx_check, void, env, i32)
DEF_HELPER_3(sys_at, void, env, i32, i64)
DEF_HELPER_1(tlbi_all, void, env)
DEF_HELPER_3(tlbi_va, void, env, i32, i64)
DEF_HELPER_3(tlbi_asid, void, env, i32, i64)

/* Store-exclusive and compare-and-swap with exact device access patterns. */
DEF_HELPER_5(stxr, i64, env, i64, i64, i64, i32)
DEF_HELPER_5(cas, i64, env, i64, i64, i64, i32)
DEF_HELPER_3(casp, void, env, i64, i32)

#include "target-arm/helper-pmu.h"
#include "target-arm/helper-debug.h"
#include "target-arm/helper-fp.h"
#include "target-arm/helper-simd-ldst.h"
#include "target-arm/helper-simd-int.h"
#include "target-arm/helper-simd-fp.h"
#include "target-arm/helper-pauth.h"
#include "target-arm/helper-mte.h"
