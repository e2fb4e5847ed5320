/*
 * memop.h - MemOp: how one memory access is shaped (size, sign, byte order,
 * required alignment, atomicity).
 *
 * Shared by the TCG front ends and helpers (what a guest instruction asks
 * for) and the memory core (memory_region_dispatch_read/write take a MemOp
 * so that the width and byte order the guest used reach the device intact).
 * Not for: what an access may do (that is MemTxAttrs, exec/memattrs.h).
 *
 *     MemOp op = MO_32 | MO_BE | MO_ALIGN;   // aligned big-endian 32-bit
 *     unsigned bytes = memop_size(op);       // 4
 *
 * The host is little endian (x86_64), so MO_LE is 0 and MO_BE == MO_BSWAP.
 */
#ifndef EXEC_MEMOP_H
#define EXEC_MEMOP_H

#include "util/osdep.h"

typedef enum MemOp {
    MO_8     = 0,
    MO_16    = 1,
    MO_32    = 2,
    MO_64    = 3,
    MO_128   = 4,
    MO_256   = 5,
    MO_512   = 6,
    MO_1024  = 7,
    MO_SIZE  = 0x07,            /* log2 of the access size in bytes */

    MO_SIGN  = 0x08,            /* sign-extend loads */

    MO_BSWAP = 0x10,            /* byte order differs from the host's */
    MO_LE    = 0,               /* host is little endian */
    MO_BE    = MO_BSWAP,
    MO_HE    = MO_LE,           /* host endian */
#ifdef TARGET_BIG_ENDIAN
    MO_TE    = MO_BE,
#else
    /*
     * One binary holds every target, so "target endian" cannot be a
     * compile-time constant for all of them: MO_TE is little endian here and
     * big-endian (or bi-endian) targets must say MO_BE/MO_LE explicitly.
     */
    MO_TE    = MO_LE,
#endif

    /*
     * Required alignment, as log2 of bytes in bits 5..7: 0 means none
     * (MO_UNALN), MO_ALIGN means "aligned to the access size", and
     * MO_ALIGN_N asks for N-byte alignment whatever the size.
     */
    MO_ASHIFT   = 5,
    MO_AMASK    = 0x7 << MO_ASHIFT,
    MO_UNALN    = 0,
    MO_ALIGN_2  = 1 << MO_ASHIFT,
    MO_ALIGN_4  = 2 << MO_ASHIFT,
    MO_ALIGN_8  = 3 << MO_ASHIFT,
    MO_ALIGN_16 = 4 << MO_ASHIFT,
    MO_ALIGN_32 = 5 << MO_ASHIFT,
    MO_ALIGN_64 = 6 << MO_ASHIFT,
    MO_ALIGN    = MO_AMASK,

    /*
     * Atomicity the guest architecture requires of the access (bits 8..10).
     * The memory core performs aligned 2/4/8-byte RAM accesses as single
     * host accesses whatever these say; the TCG helpers use them to decide
     * when a split is allowed.
     */
    MO_ATOM_SHIFT         = 8,
    MO_ATOM_IFALIGN       = 0 << MO_ATOM_SHIFT,
    MO_ATOM_IFALIGN_PAIR  = 1 << MO_ATOM_SHIFT,
    MO_ATOM_WITHIN16      = 2 << MO_ATOM_SHIFT,
    MO_ATOM_WITHIN16_PAIR = 3 << MO_ATOM_SHIFT,
    MO_ATOM_SUBALIGN      = 4 << MO_ATOM_SHIFT,
    MO_ATOM_NONE          = 5 << MO_ATOM_SHIFT,
    MO_ATOM_MASK          = 7 << MO_ATOM_SHIFT,

    /* Shorthands: U/S = unsigned/signed, B/W/L/Q = 1/2/4/8 bytes. */
    MO_UB   = MO_8,
    MO_UW   = MO_16,
    MO_UL   = MO_32,
    MO_UQ   = MO_64,
    MO_UO   = MO_128,
    MO_SB   = MO_SIGN | MO_8,
    MO_SW   = MO_SIGN | MO_16,
    MO_SL   = MO_SIGN | MO_32,
    MO_SQ   = MO_SIGN | MO_64,

    MO_LEUW = MO_LE | MO_UW,
    MO_LEUL = MO_LE | MO_UL,
    MO_LEUQ = MO_LE | MO_UQ,
    MO_LESW = MO_LE | MO_SW,
    MO_LESL = MO_LE | MO_SL,
    MO_LESQ = MO_LE | MO_SQ,
    MO_BEUW = MO_BE | MO_UW,
    MO_BEUL = MO_BE | MO_UL,
    MO_BEUQ = MO_BE | MO_UQ,
    MO_BESW = MO_BE | MO_SW,
    MO_BESL = MO_BE | MO_SL,
    MO_BESQ = MO_BE | MO_SQ,
    MO_TEUW = MO_TE | MO_UW,
    MO_TEUL = MO_TE | MO_UL,
    MO_TEUQ = MO_TE | MO_UQ,
    MO_TESW = MO_TE | MO_SW,
    MO_TESL = MO_TE | MO_SL,
    MO_TESQ = MO_TE | MO_SQ,

    MO_SSIZE = MO_SIZE | MO_SIGN,
} MemOp;

/* Access size in bytes. */
static inline unsigned memop_size(MemOp op)
{
    return 1u << (op & MO_SIZE);
}

/* The MemOp size field for @size bytes; @size must be a power of two <= 1024. */
static inline MemOp size_memop(unsigned size)
{
    assert(size != 0 && (size & (size - 1)) == 0 && size <= 1024);
    return (MemOp)__builtin_ctz(size);
}

/* @op with its byte order flipped. */
static inline MemOp memop_bswap(MemOp op)
{
    return (MemOp)(op ^ MO_BSWAP);
}

static inline bool memop_big_endian(MemOp op)
{
    return (op & MO_BSWAP) == MO_BE;
}

/*
 * log2 of the alignment in bytes the access requires (0: none).
 * MO_ALIGN means the access's own size.
 */
static inline unsigned memop_alignment_bits(MemOp op)
{
    unsigned a = op & MO_AMASK;

    if (a == MO_ALIGN) {
        return op & MO_SIZE;
    }
    return a >> MO_ASHIFT;
}

#endif
