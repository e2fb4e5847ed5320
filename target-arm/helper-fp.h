/*
 * helper-fp.h - DEF_HELPER lines of the scalar floating point and of every
 * FP conversion (translate-fp.c; implemented in target-arm/vfp_helper.c).
 * No include guard: target-arm/helper.h is expanded several times.
 *
 * Scalar helpers take their operands as f32/f64 bit patterns and the
 * float_status (fpstatus_ptr(FPST_FPCR)); those that depend on FPCR.AHP
 * take env instead. Vector helpers are (vd, vn, fpst or env, desc) with
 * one call per instruction.
 */

/* Two operands, one result: (a, b, fpst) */
DEF_HELPER_FLAGS_3(vfp_adds, TCG_CALL_NO_RWG, f32, f32, f32, ptr)
DEF_HELPER_FLAGS_3(vfp_addd, TCG_CALL_NO_RWG, f64, f64, f64, ptr)
DEF_HELPER_FLAGS_3(vfp_subs, TCG_CALL_NO_RWG, f32, f32, f32, ptr)
DEF_HELPER_FLAGS_3(vfp_subd, TCG_CALL_NO_RWG, f64, f64, f64, ptr)
DEF_HELPER_FLAGS_3(vfp_muls, TCG_CALL_NO_RWG, f32, f32, f32, ptr)
DEF_HELPER_FLAGS_3(vfp_muld, TCG_CALL_NO_RWG, f64, f64, f64, ptr)
DEF_HELPER_FLAGS_3(vfp_divs, TCG_CALL_NO_RWG, f32, f32, f32, ptr)
DEF_HELPER_FLAGS_3(vfp_divd, TCG_CALL_NO_RWG, f64, f64, f64, ptr)
DEF_HELPER_FLAGS_3(vfp_maxs, TCG_CALL_NO_RWG, f32, f32, f32, ptr)
DEF_HELPER_FLAGS_3(vfp_maxd, TCG_CALL_NO_RWG, f64, f64, f64, ptr)
DEF_HELPER_FLAGS_3(vfp_mins, TCG_CALL_NO_RWG, f32, f32, f32, ptr)
DEF_HELPER_FLAGS_3(vfp_mind, TCG_CALL_NO_RWG, f64, f64, f64, ptr)
DEF_HELPER_FLAGS_3(vfp_maxnums, TCG_CALL_NO_RWG, f32, f32, f32, ptr)
DEF_HELPER_FLAGS_3(vfp_maxnumd, TCG_CALL_NO_RWG, f64, f64, f64, ptr)
DEF_HELPER_FLAGS_3(vfp_minnums, TCG_CALL_NO_RWG, f32, f32, f32, ptr)
DEF_HELPER_FLAGS_3(vfp_minnumd, TCG_CALL_NO_RWG, f64, f64, f64, ptr)

DEF_HELPER_FLAGS_2(vfp_sqrts, TCG_CALL_NO_RWG, f32, f32, ptr)
DEF_HELPER_FLAGS_2(vfp_sqrtd, TCG_CALL_NO_RWG, f64, f64, ptr)

/* Fused n * m + a with one rounding: (n, m, a, fpst) */
DEF_HELPER_FLAGS_4(vfp_muladds, TCG_CALL_NO_RWG, f32, f32, f32, f32, ptr)
DEF_HELPER_FLAGS_4(vfp_muladdd, TCG_CALL_NO_RWG, f64, f64, f64, f64, ptr)

/* FCMP (quiet) and FCMPE (signaling): NZCV in bits [3:0] */
DEF_HELPER_FLAGS_3(vfp_cmps, TCG_CALL_NO_RWG, i32, f32, f32, ptr)
DEF_HELPER_FLAGS_3(vfp_cmpd, TCG_CALL_NO_RWG, i32, f64, f64, ptr)
DEF_HELPER_FLAGS_3(vfp_cmpes, TCG_CALL_NO_RWG, i32, f32, f32, ptr)
DEF_HELPER_FLAGS_3(vfp_cmped, TCG_CALL_NO_RWG, i32, f64, f64, ptr)

/* FRINT*: (a, mode, fpst), mode = VFP_RMODE_* | VFP_RINT_EXACT */
DEF_HELPER_FLAGS_3(vfp_rints, TCG_CALL_NO_RWG, f32, f32, i32, ptr)
DEF_HELPER_FLAGS_3(vfp_rintd, TCG_CALL_NO_RWG, f64, f64, i32, ptr)
/* FEAT_FRINTTS (desc: rounding mode | 32 or 64 << VFP_FBITS_SHIFT) */
DEF_HELPER_FLAGS_3(vfp_rint_ns, TCG_CALL_NO_RWG, f32, f32, i32, ptr)
DEF_HELPER_FLAGS_3(vfp_rint_nd, TCG_CALL_NO_RWG, f64, f64, i32, ptr)
DEF_HELPER_FLAGS_4(vfp_gvec_rint_n_s, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, i32)
DEF_HELPER_FLAGS_4(vfp_gvec_rint_n_d, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, i32)
/* FEAT_JSCVT: result in bits [31:0], Z in bit 32 */
DEF_HELPER_FLAGS_2(vfp_fjcvtzs, TCG_CALL_NO_RWG, i64, f64, ptr)

/* FCVT between formats; the half-precision ones read FPCR.AHP from env */
DEF_HELPER_FLAGS_2(vfp_fcvt_s_to_d, TCG_CALL_NO_RWG, f64, f32, ptr)
DEF_HELPER_FLAGS_2(vfp_fcvt_d_to_s, TCG_CALL_NO_RWG, f32, f64, ptr)
DEF_HELPER_FLAGS_2(vfp_fcvtxn, TCG_CALL_NO_RWG, f32, f64, ptr)
DEF_HELPER_FLAGS_2(vfp_fcvt_h_to_s, TCG_CALL_NO_RWG, f32, i32, env)
DEF_HELPER_FLAGS_2(vfp_fcvt_h_to_d, TCG_CALL_NO_RWG, f64, i32, env)
DEF_HELPER_FLAGS_2(vfp_fcvt_s_to_h, TCG_CALL_NO_RWG, i32, f32, env)
DEF_HELPER_FLAGS_2(vfp_fcvt_d_to_h, TCG_CALL_NO_RWG, i32, f64, env)

/*
 * FP to (fixed-point) integer: (a, desc, fpst), desc = rounding mode |
 * fbits << 8; the result is zero-extended from the integer's width.
 */
DEF_HELPER_FLAGS_3(vfp_f32_to_s32, TCG_CALL_NO_RWG, i64, f32, i32, ptr)
DEF_HELPER_FLAGS_3(vfp_f32_to_u32, TCG_CALL_NO_RWG, i64, f32, i32, ptr)
DEF_HELPER_FLAGS_3(vfp_f32_to_s64, TCG_CALL_NO_RWG, i64, f32, i32, ptr)
DEF_HELPER_FLAGS_3(vfp_f32_to_u64, TCG_CALL_NO_RWG, i64, f32, i32, ptr)
DEF_HELPER_FLAGS_3(vfp_f64_to_s32, TCG_CALL_NO_RWG, i64, f64, i32, ptr)
DEF_HELPER_FLAGS_3(vfp_f64_to_u32, TCG_CALL_NO_RWG, i64, f64, i32, ptr)
DEF_HELPER_FLAGS_3(vfp_f64_to_s64, TCG_CALL_NO_RWG, i64, f64, i32, ptr)
DEF_HELPER_FLAGS_3(vfp_f64_to_u64, TCG_CALL_NO_RWG, i64, f64, i32, ptr)

/* (fixed-point) integer to FP under FPCR: (value, fbits, fpst) */
DEF_HELPER_FLAGS_3(vfp_s64_to_f32, TCG_CALL_NO_RWG, f32, i64, i32, ptr)
DEF_HELPER_FLAGS_3(vfp_u64_to_f32, TCG_CALL_NO_RWG, f32, i64, i32, ptr)
DEF_HELPER_FLAGS_3(vfp_s64_to_f64, TCG_CALL_NO_RWG, f64, i64, i32, ptr)
DEF_HELPER_FLAGS_3(vfp_u64_to_f64, TCG_CALL_NO_RWG, f64, i64, i32, ptr)

/* Vector, lane-wise: (vd, vn, fpst, desc) */
DEF_HELPER_FLAGS_4(vfp_gvec_rint_s, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, i32)
DEF_HELPER_FLAGS_4(vfp_gvec_rint_d, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, i32)
DEF_HELPER_FLAGS_4(vfp_gvec_f32_to_s32, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, i32)
DEF_HELPER_FLAGS_4(vfp_gvec_f32_to_u32, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, i32)
DEF_HELPER_FLAGS_4(vfp_gvec_f64_to_s64, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, i32)
DEF_HELPER_FLAGS_4(vfp_gvec_f64_to_u64, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, i32)
DEF_HELPER_FLAGS_4(vfp_gvec_s32_to_f32, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, i32)
DEF_HELPER_FLAGS_4(vfp_gvec_u32_to_f32, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, i32)
DEF_HELPER_FLAGS_4(vfp_gvec_s64_to_f64, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, i32)
DEF_HELPER_FLAGS_4(vfp_gvec_u64_to_f64, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, i32)

/* Widening/narrowing: (vd, vn, env, desc), desc data = Q (which half) */
DEF_HELPER_FLAGS_4(vfp_gvec_fcvtl_h, TCG_CALL_NO_RWG, void, ptr, ptr, env, i32)
DEF_HELPER_FLAGS_4(vfp_gvec_fcvtl_s, TCG_CALL_NO_RWG, void, ptr, ptr, env, i32)
DEF_HELPER_FLAGS_4(vfp_gvec_fcvtn_s, TCG_CALL_NO_RWG, void, ptr, ptr, env, i32)
DEF_HELPER_FLAGS_4(vfp_gvec_fcvtn_d, TCG_CALL_NO_RWG, void, ptr, ptr, env, i32)
DEF_HELPER_FLAGS_4(vfp_gvec_fcvtxn, TCG_CALL_NO_RWG, void, ptr, ptr, env, i32)
