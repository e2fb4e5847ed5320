/*
 * host-utils.h - bit counting, 128-bit multiply/divide and the like, on
 * the host's integers. Used by the translator, targets' helpers and
 * softfloat. All inline; names follow QEMU's qemu/host-utils.h.
 *
 * clz/ctz of 0 return the width (32 or 64), unlike the GCC builtins.
 */
#ifndef UTIL_HOST_UTILS_H
#define UTIL_HOST_UTILS_H

#include "util/osdep.h"

static inline int clz32(uint32_t v)
{
    return v ? __builtin_clz(v) : 32;
}

static inline int clo32(uint32_t v)
{
    return clz32(~v);
}

static inline int clz64(uint64_t v)
{
    return v ? __builtin_clzll(v) : 64;
}

static inline int clo64(uint64_t v)
{
    return clz64(~v);
}

static inline int ctz32(uint32_t v)
{
    return v ? __builtin_ctz(v) : 32;
}

static inline int cto32(uint32_t v)
{
    return ctz32(~v);
}

static inline int ctz64(uint64_t v)
{
    return v ? __builtin_ctzll(v) : 64;
}

static inline int cto64(uint64_t v)
{
    return ctz64(~v);
}

/* Count leading redundant sign bits (QEMU's clrsb). */
static inline int clrsb32(uint32_t v)
{
    return __builtin_clrsb((int32_t)v);
}

static inline int clrsb64(uint64_t v)
{
    return __builtin_clrsbll((int64_t)v);
}

static inline int ctpop8(uint8_t v)
{
    return __builtin_popcount(v);
}

static inline int ctpop16(uint16_t v)
{
    return __builtin_popcount(v);
}

static inline int ctpop32(uint32_t v)
{
    return __builtin_popcount(v);
}

static inline int ctpop64(uint64_t v)
{
    return __builtin_popcountll(v);
}

/* 64x64 -> 128 unsigned multiply: *phigh:*plow = a * b. */
static inline void mulu64(uint64_t *plow, uint64_t *phigh, uint64_t a,
                          uint64_t b)
{
    unsigned __int128 r = (unsigned __int128)a * b;

    *plow = (uint64_t)r;
    *phigh = (uint64_t)(r >> 64);
}

/* 64x64 -> 128 signed multiply. */
static inline void muls64(uint64_t *plow, uint64_t *phigh, int64_t a,
                          int64_t b)
{
    __int128 r = (__int128)a * b;

    *plow = (uint64_t)r;
    *phigh = (uint64_t)((unsigned __int128)r >> 64);
}

/* (a * b) / c with a 128-bit intermediate (timer scaling). */
static inline uint64_t muldiv64(uint64_t a, uint32_t b, uint32_t c)
{
    return (uint64_t)(((unsigned __int128)a * b) / c);
}

/*
 * Unsigned 128/64 division: divides *phigh:*plow by @divisor, leaving the
 * quotient in *phigh:*plow and returning the remainder. @divisor != 0.
 */
static inline uint64_t divu128(uint64_t *plow, uint64_t *phigh,
                               uint64_t divisor)
{
    unsigned __int128 n = ((unsigned __int128)*phigh << 64) | *plow;
    unsigned __int128 q = n / divisor;

    *plow = (uint64_t)q;
    *phigh = (uint64_t)(q >> 64);
    return (uint64_t)(n % divisor);
}

/*
 * Signed 128/64 division (truncating); returns the remainder, whose sign
 * follows the dividend. @divisor != 0; INT128_MIN / -1 wraps.
 */
static inline int64_t divs128(uint64_t *plow, int64_t *phigh, int64_t divisor)
{
    __int128 n = (__int128)(((unsigned __int128)(uint64_t)*phigh << 64) | *plow);
    __int128 q, r;

    if (divisor == -1) {
        q = (__int128)(0 - (unsigned __int128)n);
        r = 0;
    } else {
        q = n / divisor;
        r = n % divisor;
    }
    *plow = (uint64_t)q;
    *phigh = (int64_t)((unsigned __int128)q >> 64);
    return (int64_t)r;
}

/* Overflow-checking arithmetic: true when the result overflowed. */
static inline bool uadd64_overflow(uint64_t x, uint64_t y, uint64_t *ret)
{
    return __builtin_add_overflow(x, y, ret);
}

static inline bool sadd64_overflow(int64_t x, int64_t y, int64_t *ret)
{
    return __builtin_add_overflow(x, y, ret);
}

static inline bool usub64_overflow(uint64_t x, uint64_t y, uint64_t *ret)
{
    return __builtin_sub_overflow(x, y, ret);
}

static inline bool umul64_overflow(uint64_t x, uint64_t y, uint64_t *ret)
{
    return __builtin_mul_overflow(x, y, ret);
}

static inline bool uadd32_overflow(uint32_t x, uint32_t y, uint32_t *ret)
{
    return __builtin_add_overflow(x, y, ret);
}

static inline bool sadd32_overflow(int32_t x, int32_t y, int32_t *ret)
{
    return __builtin_add_overflow(x, y, ret);
}

/* Add with carry in and out (QEMU's uadd64_carry). */
static inline uint64_t uadd64_carry(uint64_t x, uint64_t y, bool *pcarry)
{
    uint64_t r;
    bool c1 = __builtin_add_overflow(x, y, &r);
    bool c2 = __builtin_add_overflow(r, (uint64_t)*pcarry, &r);

    *pcarry = c1 | c2;
    return r;
}

static inline bool is_power_of_2(uint64_t value)
{
    return value && !(value & (value - 1));
}

/* Round down/up to a power of 2; pow2floor(0) = 0, pow2ceil(0) = 1. */
static inline uint64_t pow2floor(uint64_t value)
{
    return value ? 1ULL << (63 - clz64(value)) : 0;
}

static inline uint64_t pow2ceil(uint64_t value)
{
    int n = clz64(value - 1);

    /* value 0 or 1 -> 1; above 2^63 there is no answer: 0. */
    if (!n) {
        return value <= 1 ? 1 : 0;
    }
    return 1ULL << (64 - n);
}

/* Reverse the bits. */
static inline uint8_t revbit8(uint8_t x)
{
    x = (uint8_t)(((x & 0xf0) >> 4) | ((x & 0x0f) << 4));
    x = (uint8_t)(((x & 0xcc) >> 2) | ((x & 0x33) << 2));
    x = (uint8_t)(((x & 0xaa) >> 1) | ((x & 0x55) << 1));
    return x;
}

static inline uint32_t revbit32(uint32_t x)
{
    x = ((x & 0xffff0000u) >> 16) | ((x & 0x0000ffffu) << 16);
    x = ((x & 0xff00ff00u) >> 8) | ((x & 0x00ff00ffu) << 8);
    x = ((x & 0xf0f0f0f0u) >> 4) | ((x & 0x0f0f0f0fu) << 4);
    x = ((x & 0xccccccccu) >> 2) | ((x & 0x33333333u) << 2);
    x = ((x & 0xaaaaaaaau) >> 1) | ((x & 0x55555555u) << 1);
    return x;
}

static inline uint64_t revbit64(uint64_t x)
{
    return ((uint64_t)revbit32((uint32_t)x) << 32) | revbit32((uint32_t)(x >> 32));
}

#endif
