/*
 * bitops.h - bit-field extract/deposit, rotates, and bitmap helpers
 * (QEMU's qemu/bitops.h names). All inline.
 *
 * extract/deposit take (start, length) with start + length <= width;
 * that is asserted, since a bad field is a programming error.
 */
#ifndef UTIL_BITOPS_H
#define UTIL_BITOPS_H

#include "util/osdep.h"
#include "util/host-utils.h"

#define BITS_PER_BYTE 8
#define BITS_PER_LONG (sizeof(unsigned long) * BITS_PER_BYTE)
#define BIT(nr) (1UL << (nr))
#define BIT_ULL(nr) (1ULL << (nr))
#define MAKE_64BIT_MASK(shift, length) \
    (((~0ULL) >> (64 - (length))) << (shift))
#define BIT_MASK(nr) (1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)
#define BITS_TO_LONGS(nr) DIV_ROUND_UP(nr, BITS_PER_LONG)

static inline void set_bit(long nr, unsigned long *addr)
{
    addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}

static inline void clear_bit(long nr, unsigned long *addr)
{
    addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}

static inline void change_bit(long nr, unsigned long *addr)
{
    addr[BIT_WORD(nr)] ^= BIT_MASK(nr);
}

static inline bool test_bit(long nr, const unsigned long *addr)
{
    return (addr[BIT_WORD(nr)] >> (nr % BITS_PER_LONG)) & 1;
}

static inline bool test_and_set_bit(long nr, unsigned long *addr)
{
    bool old = test_bit(nr, addr);

    set_bit(nr, addr);
    return old;
}

static inline bool test_and_clear_bit(long nr, unsigned long *addr)
{
    bool old = test_bit(nr, addr);

    clear_bit(nr, addr);
    return old;
}

/* Index of the first set bit at or after @offset, or @size if none. */
static inline unsigned long find_next_bit(const unsigned long *addr,
                                          unsigned long size,
                                          unsigned long offset)
{
    for (unsigned long i = offset; i < size; i++) {
        if (test_bit(i, addr)) {
            return i;
        }
    }
    return size;
}

static inline unsigned long find_first_bit(const unsigned long *addr,
                                           unsigned long size)
{
    return find_next_bit(addr, size, 0);
}

static inline unsigned long find_next_zero_bit(const unsigned long *addr,
                                               unsigned long size,
                                               unsigned long offset)
{
    for (unsigned long i = offset; i < size; i++) {
        if (!test_bit(i, addr)) {
            return i;
        }
    }
    return size;
}

static inline uint8_t rol8(uint8_t word, unsigned int shift)
{
    shift &= 7;
    return (uint8_t)((word << shift) | (word >> ((8 - shift) & 7)));
}

static inline uint8_t ror8(uint8_t word, unsigned int shift)
{
    shift &= 7;
    return (uint8_t)((word >> shift) | (word << ((8 - shift) & 7)));
}

static inline uint16_t rol16(uint16_t word, unsigned int shift)
{
    shift &= 15;
    return (uint16_t)((word << shift) | (word >> ((16 - shift) & 15)));
}

static inline uint16_t ror16(uint16_t word, unsigned int shift)
{
    shift &= 15;
    return (uint16_t)((word >> shift) | (word << ((16 - shift) & 15)));
}

static inline uint32_t rol32(uint32_t word, unsigned int shift)
{
    shift &= 31;
    return (word << shift) | (word >> ((32 - shift) & 31));
}

static inline uint32_t ror32(uint32_t word, unsigned int shift)
{
    shift &= 31;
    return (word >> shift) | (word << ((32 - shift) & 31));
}

static inline uint64_t rol64(uint64_t word, unsigned int shift)
{
    shift &= 63;
    return (word << shift) | (word >> ((64 - shift) & 63));
}

static inline uint64_t ror64(uint64_t word, unsigned int shift)
{
    shift &= 63;
    return (word >> shift) | (word << ((64 - shift) & 63));
}

static inline uint32_t extract32(uint32_t value, int start, int length)
{
    assert(start >= 0 && length > 0 && length <= 32 - start);
    return (value >> start) & (~0U >> (32 - length));
}

static inline uint8_t extract8(uint8_t value, int start, int length)
{
    assert(start >= 0 && length > 0 && length <= 8 - start);
    return extract32(value, start, length);
}

static inline uint16_t extract16(uint16_t value, int start, int length)
{
    assert(start >= 0 && length > 0 && length <= 16 - start);
    return extract32(value, start, length);
}

static inline uint64_t extract64(uint64_t value, int start, int length)
{
    assert(start >= 0 && length > 0 && length <= 64 - start);
    return (value >> start) & (~0ULL >> (64 - length));
}

/* Sign-extending extracts. */
static inline int32_t sextract32(uint32_t value, int start, int length)
{
    assert(start >= 0 && length > 0 && length <= 32 - start);
    /* Shift the field to the top, then arithmetic-shift it back down. */
    return ((int32_t)(value << (32 - length - start))) >> (32 - length);
}

static inline int64_t sextract64(uint64_t value, int start, int length)
{
    assert(start >= 0 && length > 0 && length <= 64 - start);
    return ((int64_t)(value << (64 - length - start))) >> (64 - length);
}

/* @value with bits [start, start+length) replaced by the low bits of @fieldval. */
static inline uint32_t deposit32(uint32_t value, int start, int length,
                                 uint32_t fieldval)
{
    uint32_t mask;

    assert(start >= 0 && length > 0 && length <= 32 - start);
    mask = (~0U >> (32 - length)) << start;
    return (value & ~mask) | ((fieldval << start) & mask);
}

static inline uint64_t deposit64(uint64_t value, int start, int length,
                                 uint64_t fieldval)
{
    uint64_t mask;

    assert(start >= 0 && length > 0 && length <= 64 - start);
    mask = (~0ULL >> (64 - length)) << start;
    return (value & ~mask) | ((fieldval << start) & mask);
}

#endif
