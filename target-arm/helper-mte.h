/*
 * helper-mte.h - DEF_HELPER lines of the Memory Tagging Extension
 * (FEAT_MTE3, target-arm/mte_helper.c). No include guard:
 * target-arm/helper.h is expanded several times.
 *
 * mte_check runs before a Tag Checked access while the TB says checks
 * are on (TBFLAG_MTE/TBFLAG_MTE0); desc is MTE_DESC() of mte.h. The tag
 * instructions take the pointer and return the new register value; the
 * ones that may fault read the guest pc from the return address.
 */
DEF_HELPER_FLAGS_3(mte_check, TCG_CALL_NO_WG, void, env, i32, i64)
DEF_HELPER_FLAGS_3(irg, TCG_CALL_NO_RWG, i64, env, i64, i64)
DEF_HELPER_FLAGS_4(addsubg, TCG_CALL_NO_RWG_SE, i64, env, i64, s32, i32)
DEF_HELPER_FLAGS_3(ldg, TCG_CALL_NO_WG, i64, env, i64, i64)
DEF_HELPER_FLAGS_4(stg, TCG_CALL_NO_WG, void, env, i64, i64, i32)
DEF_HELPER_FLAGS_2(ldgm, TCG_CALL_NO_WG, i64, env, i64)
DEF_HELPER_FLAGS_3(stgm, TCG_CALL_NO_WG, void, env, i64, i64)
DEF_HELPER_FLAGS_4(dc_gva, TCG_CALL_NO_WG, void, env, i64, i64, i32)
