/*
 * helper-simd-fp.h - DEF_HELPER lines of the AdvSIMD floating point
 * (translate-simd-fp.c; implemented in vec_fp_helper.c). Operation size and
 * immediate come in a simd_desc() word; a scalar form passes one element's
 * size and the helper zeroes the rest of Vd.
 * No include guard: target-arm/helper.h is expanded several times.
 */

#define DEF_SIMD_FP3(NAME) \
    DEF_HELPER_FLAGS_5(gvec_##NAME##_s, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, ptr, i32) \
    DEF_HELPER_FLAGS_5(gvec_##NAME##_d, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, ptr, i32)
#define DEF_SIMD_FP2(NAME) \
    DEF_HELPER_FLAGS_4(gvec_##NAME##_s, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, i32) \
    DEF_HELPER_FLAGS_4(gvec_##NAME##_d, TCG_CALL_NO_RWG, void, ptr, ptr, ptr, i32)

/* d = n op m lane-wise (FMLA/FMLS also read d): (vd, vn, vm, fpst, desc) */
DEF_SIMD_FP3(fadd)
DEF_SIMD_FP3(fsub)
DEF_SIMD_FP3(fmul)
DEF_SIMD_FP3(fdiv)
DEF_SIMD_FP3(fmax)
DEF_SIMD_FP3(fmin)
DEF_SIMD_FP3(fmaxnm)
DEF_SIMD_FP3(fminnm)
DEF_SIMD_FP3(fmla)
DEF_SIMD_FP3(fmls)
DEF_SIMD_FP3(fabd)
DEF_SIMD_FP3(fmulx)
DEF_SIMD_FP3(frecps)
DEF_SIMD_FP3(frsqrts)
DEF_SIMD_FP3(fceq)
DEF_SIMD_FP3(fcge)
DEF_SIMD_FP3(fcgt)
DEF_SIMD_FP3(facge)
DEF_SIMD_FP3(facgt)
/* Pairwise over the concatenation Vm:Vn */
DEF_SIMD_FP3(faddp)
DEF_SIMD_FP3(fmaxp)
DEF_SIMD_FP3(fminp)
DEF_SIMD_FP3(fmaxnmp)
DEF_SIMD_FP3(fminnmp)
/* By element: the element index of Vm is simd_data(desc) */
DEF_SIMD_FP3(fmul_idx)
DEF_SIMD_FP3(fmla_idx)
DEF_SIMD_FP3(fmls_idx)
DEF_SIMD_FP3(fmulx_idx)

/* d = op(n) lane-wise: (vd, vn, fpst, desc) */
DEF_SIMD_FP2(fsqrt)
DEF_SIMD_FP2(frecpe)
DEF_SIMD_FP2(frsqrte)
DEF_SIMD_FP2(frecpx)
DEF_SIMD_FP2(fcgt0)
DEF_SIMD_FP2(fcge0)
DEF_SIMD_FP2(fceq0)
DEF_SIMD_FP2(fcle0)
DEF_SIMD_FP2(fclt0)
/* Reductions of the first oprsz bytes of Vn to element 0 of Vd */
DEF_SIMD_FP2(faddv)
DEF_SIMD_FP2(fmaxv)
DEF_SIMD_FP2(fminv)
DEF_SIMD_FP2(fmaxnmv)
DEF_SIMD_FP2(fminnmv)

/* URECPE, URSQRTE on 32-bit lanes: (vd, vn, desc) */
DEF_HELPER_FLAGS_3(gvec_urecpe_s, TCG_CALL_NO_RWG, void, ptr, ptr, i32)
DEF_HELPER_FLAGS_3(gvec_ursqrte_s, TCG_CALL_NO_RWG, void, ptr, ptr, i32)

/* FEAT_FCMA: desc data = rot (FCADD: 0 = 90, 1 = 270) | index << 2 | by-element << 4 */
DEF_SIMD_FP3(fcadd)
DEF_SIMD_FP3(fcmla)

#undef DEF_SIMD_FP3
#undef DEF_SIMD_FP2
