/*
 * helper-simd-ldst.h - DEF_HELPER lines of the SIMD loads/stores, moves and permutes (translate-simd-ldst.c).
 * No include guard: target-arm/helper.h is expanded several times.
 */
