/*
 * tcg-cond.h - comparison conditions of the TCG IR (brcond, setcond,
 * movcond) and the small algebra on them (invert, swap operands,
 * signedness). Values and names follow QEMU's TCGCond so frontends written
 * against QEMU read the same. Not for: host condition codes (backend-local).
 */
#ifndef TCG_TCG_COND_H
#define TCG_TCG_COND_H

#include "util/osdep.h"

/*
 * Bit layout (why the odd numbering): bit 0 inverts, bit 1 marks
 * unsigned-ness for the ordered compares, so invert/unsigned are one op.
 */
typedef enum TCGCond {
    TCG_COND_NEVER  = 0 | 0 | 0 | 0,
    TCG_COND_ALWAYS = 0 | 0 | 0 | 1,
    TCG_COND_EQ     = 8 | 0 | 0 | 0,
    TCG_COND_NE     = 8 | 0 | 0 | 1,
    TCG_COND_TSTEQ  = 4 | 0 | 0 | 0,   /* (a & b) == 0 */
    TCG_COND_TSTNE  = 4 | 0 | 0 | 1,   /* (a & b) != 0 */
    TCG_COND_LT     = 0 | 0 | 2 | 0,
    TCG_COND_GE     = 0 | 0 | 2 | 1,
    TCG_COND_LE     = 8 | 0 | 2 | 0,
    TCG_COND_GT     = 8 | 0 | 2 | 1,
    TCG_COND_LTU    = 0 | 4 | 2 | 0,
    TCG_COND_GEU    = 0 | 4 | 2 | 1,
    TCG_COND_LEU    = 8 | 4 | 2 | 0,
    TCG_COND_GTU    = 8 | 4 | 2 | 1,
} TCGCond;

/* a cond b  <=>  !(a inv(cond) b) */
static inline TCGCond tcg_invert_cond(TCGCond c)
{
    return (TCGCond)(c ^ 1);
}

/* a cond b  <=>  b swap(cond) a */
static inline TCGCond tcg_swap_cond(TCGCond c)
{
    return (c & 2) ? (TCGCond)(c ^ 9) : c;
}

static inline bool is_unsigned_cond(TCGCond c)
{
    return (c & 6) == 6;
}

static inline bool is_signed_cond(TCGCond c)
{
    return (c & 6) == 2;
}

static inline bool is_tst_cond(TCGCond c)
{
    return (c & 6) == 4;
}

/* LT -> LTU etc.; conditions without a sign are returned unchanged. */
static inline TCGCond tcg_unsigned_cond(TCGCond c)
{
    return (c & 6) == 2 ? (TCGCond)(c | 4) : c;
}

static inline TCGCond tcg_signed_cond(TCGCond c)
{
    return (c & 6) == 6 ? (TCGCond)(c & ~4) : c;
}

/* Map TSTEQ/TSTNE to EQ/NE (used after the AND has been made explicit). */
static inline TCGCond tcg_tst_eqne_cond(TCGCond c)
{
    return is_tst_cond(c) ? (TCGCond)(c ^ 12) : c;
}

#endif
