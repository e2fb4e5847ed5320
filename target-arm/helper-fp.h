/*
 * helper-fp.h - DEF_HELPER lines of the scalar floating point (translate-fp.c; implemented in vfp_helper.c).
 * No include guard: target-arm/helper.h is expanded several times.
 */
