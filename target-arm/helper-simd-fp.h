/*
 * helper-simd-fp.h - DEF_HELPER lines of the AdvSIMD floating point (translate-simd-fp.c; implemented in vec_fp_helper.c).
 * No include guard: target-arm/helper.h is expanded several times.
 */

/* d = n op m lane-wise: (vd, vn, vm, fpst, desc) */
DEF_HELPER_FLAGS_5(gvec_fadd_s, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, ptr, i32)
DEF_HELPER_FLAGS_5(gvec_fadd_d, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, ptr, i32)
