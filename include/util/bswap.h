/*
 * bswap.h - byte swaps and endian loads/stores from unaligned host
 * memory (QEMU's qemu/bswap.h names: ldl_le_p, stq_be_p, ...).
 *
 * The _p accessors use memcpy, so any alignment is fine and the compiler
 * turns them into single loads on x86-64. Not for guest memory: that goes
 * through the memory API (exec/cpu_ldst.h, address_space_*).
 */
#ifndef UTIL_BSWAP_H
#define UTIL_BSWAP_H

#include "util/osdep.h"

static inline uint16_t bswap16(uint16_t x)
{
    return __builtin_bswap16(x);
}

static inline uint32_t bswap32(uint32_t x)
{
    return __builtin_bswap32(x);
}

static inline uint64_t bswap64(uint64_t x)
{
    return __builtin_bswap64(x);
}

static inline void bswap16s(uint16_t *s)
{
    *s = bswap16(*s);
}

static inline void bswap32s(uint32_t *s)
{
    *s = bswap32(*s);
}

static inline void bswap64s(uint64_t *s)
{
    *s = bswap64(*s);
}

#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define HOST_BIG_ENDIAN 1
#else
#define HOST_BIG_ENDIAN 0
#endif

#define PLUMB_ENDIAN_FNS(bits)                                              \
static inline uint##bits##_t cpu_to_le##bits(uint##bits##_t v)              \
{ return HOST_BIG_ENDIAN ? bswap##bits(v) : v; }                            \
static inline uint##bits##_t cpu_to_be##bits(uint##bits##_t v)              \
{ return HOST_BIG_ENDIAN ? v : bswap##bits(v); }                            \
static inline uint##bits##_t le##bits##_to_cpu(uint##bits##_t v)            \
{ return HOST_BIG_ENDIAN ? bswap##bits(v) : v; }                            \
static inline uint##bits##_t be##bits##_to_cpu(uint##bits##_t v)            \
{ return HOST_BIG_ENDIAN ? v : bswap##bits(v); }

PLUMB_ENDIAN_FNS(16)
PLUMB_ENDIAN_FNS(32)
PLUMB_ENDIAN_FNS(64)
#undef PLUMB_ENDIAN_FNS

static inline int ldub_p(const void *ptr)
{
    return *(const uint8_t *)ptr;
}

static inline int ldsb_p(const void *ptr)
{
    return *(const int8_t *)ptr;
}

static inline void stb_p(void *ptr, uint8_t v)
{
    *(uint8_t *)ptr = v;
}

#define PLUMB_LDST(sz, bits, e)                                             \
static inline uint##bits##_t ld##sz##_##e##_p_u(const void *ptr)           \
{ uint##bits##_t v; memcpy(&v, ptr, sizeof(v)); return e##bits##_to_cpu(v); } \
static inline void st##sz##_##e##_p(void *ptr, uint##bits##_t v)           \
{ v = cpu_to_##e##bits(v); memcpy(ptr, &v, sizeof(v)); }

PLUMB_LDST(w, 16, le)
PLUMB_LDST(w, 16, be)
PLUMB_LDST(l, 32, le)
PLUMB_LDST(l, 32, be)
PLUMB_LDST(q, 64, le)
PLUMB_LDST(q, 64, be)
#undef PLUMB_LDST

/* QEMU's return types: lduw = zero-extended int, ldsw = sign-extended. */
static inline int lduw_le_p(const void *ptr) { return ldw_le_p_u(ptr); }
static inline int lduw_be_p(const void *ptr) { return ldw_be_p_u(ptr); }
static inline int ldsw_le_p(const void *ptr) { return (int16_t)ldw_le_p_u(ptr); }
static inline int ldsw_be_p(const void *ptr) { return (int16_t)ldw_be_p_u(ptr); }
static inline int ldl_le_p(const void *ptr) { return (int)ldl_le_p_u(ptr); }
static inline int ldl_be_p(const void *ptr) { return (int)ldl_be_p_u(ptr); }
static inline uint64_t ldq_le_p(const void *ptr) { return ldq_le_p_u(ptr); }
static inline uint64_t ldq_be_p(const void *ptr) { return ldq_be_p_u(ptr); }

/* Host-endian (for buffers we produce and consume ourselves). */
static inline int lduw_he_p(const void *ptr)
{
    uint16_t v;

    memcpy(&v, ptr, sizeof(v));
    return v;
}

static inline int ldl_he_p(const void *ptr)
{
    int32_t v;

    memcpy(&v, ptr, sizeof(v));
    return v;
}

static inline uint64_t ldq_he_p(const void *ptr)
{
    uint64_t v;

    memcpy(&v, ptr, sizeof(v));
    return v;
}

static inline void stw_he_p(void *ptr, uint16_t v)
{
    memcpy(ptr, &v, sizeof(v));
}

static inline void stl_he_p(void *ptr, uint32_t v)
{
    memcpy(ptr, &v, sizeof(v));
}

static inline void stq_he_p(void *ptr, uint64_t v)
{
    memcpy(ptr, &v, sizeof(v));
}

/* Sized access by byte count (1, 2, 4, 8), little/big endian. */
static inline uint64_t ldn_le_p(const void *ptr, int sz)
{
    switch (sz) {
    case 1: return ldub_p(ptr);
    case 2: return (uint16_t)lduw_le_p(ptr);
    case 4: return (uint32_t)ldl_le_p(ptr);
    case 8: return ldq_le_p(ptr);
    }
    g_assert_not_reached();
}

static inline uint64_t ldn_be_p(const void *ptr, int sz)
{
    switch (sz) {
    case 1: return ldub_p(ptr);
    case 2: return (uint16_t)lduw_be_p(ptr);
    case 4: return (uint32_t)ldl_be_p(ptr);
    case 8: return ldq_be_p(ptr);
    }
    g_assert_not_reached();
}

static inline void stn_le_p(void *ptr, int sz, uint64_t v)
{
    switch (sz) {
    case 1: stb_p(ptr, v); return;
    case 2: stw_le_p(ptr, v); return;
    case 4: stl_le_p(ptr, v); return;
    case 8: stq_le_p(ptr, v); return;
    }
    g_assert_not_reached();
}

static inline void stn_be_p(void *ptr, int sz, uint64_t v)
{
    switch (sz) {
    case 1: stb_p(ptr, v); return;
    case 2: stw_be_p(ptr, v); return;
    case 4: stl_be_p(ptr, v); return;
    case 8: stq_be_p(ptr, v); return;
    }
    g_assert_not_reached();
}

#endif
