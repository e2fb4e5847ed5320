/*
 * helper-simd-int.h - DEF_HELPER lines of the AdvSIMD integer (translate-simd-int.c; implemented in vec_helper.c).
 * No include guard: target-arm/helper.h is expanded several times.
 */
