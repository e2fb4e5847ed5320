/*
 * helper-simd-ldst.h - DEF_HELPER lines of the SIMD loads/stores, moves and permutes (translate-simd-ldst.c; implemented in vec_ldst_helper.c).
 * No include guard: target-arm/helper.h is expanded several times.
 */

/* LD1-LD4/ST1-ST4 multiple structures: (env, addr, desc); may fault. */
DEF_HELPER_FLAGS_3(simd_ldst_multi, TCG_CALL_NO_WG, void, env, i64, i32)
/* ZIP/UZP/TRN: (vd, vn, vm, desc) */
DEF_HELPER_FLAGS_4(simd_perm, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, i32)
/* TBL/TBX: (env, desc) with the register numbers in desc */
DEF_HELPER_FLAGS_2(simd_tbl, TCG_CALL_NO_RWG, void, env, i32)
