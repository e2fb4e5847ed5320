/*
 * tcg-gvec-desc.h - the 32-bit descriptor passed to out-of-line vector
 * helpers (tcg_gen_gvec_*_ool): operation size, register size and 16 bits
 * of helper-specific data. Helpers decode it with simd_oprsz/maxsz/data.
 * Sizes are multiples of 8 bytes up to 2048.
 */
#ifndef TCG_TCG_GVEC_DESC_H
#define TCG_TCG_GVEC_DESC_H

#include "util/osdep.h"

#define SIMD_MAXSZ_SHIFT  0
#define SIMD_MAXSZ_BITS   8
#define SIMD_OPRSZ_SHIFT  8
#define SIMD_OPRSZ_BITS   8
#define SIMD_DATA_SHIFT   16
#define SIMD_DATA_BITS    16

/* Build a descriptor; @data must fit in a signed 16-bit field. */
uint32_t simd_desc(uint32_t oprsz, uint32_t maxsz, int32_t data);

/* Bytes the operation covers. */
static inline intptr_t simd_oprsz(uint32_t desc)
{
    return (((desc >> SIMD_OPRSZ_SHIFT) & ((1u << SIMD_OPRSZ_BITS) - 1)) + 1) * 8;
}

/* Bytes of the destination register: [oprsz, maxsz) must be zeroed. */
static inline intptr_t simd_maxsz(uint32_t desc)
{
    return (((desc >> SIMD_MAXSZ_SHIFT) & ((1u << SIMD_MAXSZ_BITS) - 1)) + 1) * 8;
}

static inline int32_t simd_data(uint32_t desc)
{
    return (int32_t)desc >> SIMD_DATA_SHIFT;
}

#endif
