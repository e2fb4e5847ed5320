/*
 * vec_internal.h - what the out-of-line vector helpers share: decoding the
 * desc word built by simd_desc() in translate-a64.h, and clearing the
 * bytes past the operation size (a Q=0 operation zeroes bits [127:64]).
 */
#ifndef TARGET_ARM_VEC_INTERNAL_H
#define TARGET_ARM_VEC_INTERNAL_H

#include "target-arm/cpu.h"

/* Operation size in bytes: 8 or 16. */
static inline unsigned simd_oprsz(uint32_t desc)
{
    return desc & 0xff;
}

/* The insn-specific immediate (signed). */
static inline int32_t simd_data(uint32_t desc)
{
    return (int32_t)desc >> 8;
}

/* Zero the register bytes from @oprsz to 16. */
static inline void clear_tail(void *vd, unsigned oprsz)
{
    if (oprsz < 16) {
        memset((char *)vd + oprsz, 0, 16 - oprsz);
    }
}

#endif
