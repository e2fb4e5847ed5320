/*
 * pauth_helper.c - pointer authentication (FEAT_PAuth): adding a pointer
 * authentication code (PAC) to the unused top bits of a pointer,
 * authenticating and stripping it, and PACGA's generic 32-bit code.
 *
 * Two ways to compute a PAC, chosen per CPU (-cpu max,pauth-impdef=on):
 *   - the architected QARMA5 block cipher of the Arm ARM's ComputePAC()
 *     (ID_AA64ISAR1.APA/GPA = 1), which gives the same codes as hardware
 *     and QEMU for the same keys;
 *   - an implementation-defined keyed mix (API/GPI = 1): a few multiplies
 *     and xor-shifts, much cheaper to emulate. Software may not assume
 *     anything about the codes except that they depend on pointer,
 *     modifier and key; this one is not a cryptographic MAC.
 *
 * Where the code goes follows the pseudocode of AddPAC(), Auth() and
 * Strip(): bits [bottom, 54] plus [63, 56] unless top-byte-ignore is on
 * for that pointer, bottom = 64 - TnSZ of the half of the address space
 * bit 55 selects (TnSZ clamped to 16..39, as our translation does). Bit
 * 55 is kept. Only the EL1&0 regime exists here, so SCTLR_EL1.En{IA,IB,
 * DA,DB} enable the keys at EL0 and EL1 alike; with a key disabled the
 * PAC and AUT instructions leave the register unchanged. No FEAT_EPAC,
 * FEAT_PAuth2 or FEAT_FPAC: a failed authentication does not fault, it
 * returns the pointer with a 2-bit error code that makes it non-canonical,
 * so that using it faults.
 */
#include "util/osdep.h"
#include "target-arm/cpu.h"
#include "target-arm/internals.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-proto.h"

/* ---- QARMA5, as ComputePAC() in the Arm ARM ------------------------------ */

/*
 * The state is 16 cells of 4 bits, cell i at bits [4i+3:4i].
 * PACCellShuffle: output cell i is input cell pac_shuffle[i].
 */
static const uint8_t pac_shuffle[16] = {
    13, 6, 11, 0, 7, 12, 1, 10, 8, 3, 14, 5, 2, 9, 4, 15
};
/* TweakShuffle: output cell i is input cell tweak_src[i], ... */
static const uint8_t tweak_src[16] = {
    4, 5, 6, 7, 11, 2, 3, 8, 12, 13, 14, 15, 0, 1, 10, 9
};
/* ... passed through the cell LFSR for the output cells in this mask. */
#define TWEAK_ROT_CELLS ((1u << 2) | (1u << 4) | (1u << 7) | (1u << 11) | \
                         (1u << 12) | (1u << 14) | (1u << 15))

static const uint8_t pac_sbox[16] = {
    0xb, 0x6, 0x8, 0xf, 0xc, 0x0, 0x9, 0xe,
    0x3, 0x7, 0x4, 0x5, 0xd, 0x2, 0x1, 0xa
};

static const uint64_t pac_rc[5] = {
    0x0000000000000000ull, 0x13198A2E03707344ull, 0xA4093822299F31D0ull,
    0x082EFA98EC4E6C89ull, 0x452821E638D01377ull,
};
static const uint64_t pac_alpha = 0xC0AC29B7C97C50DDull;

/* The S-box and its inverse on two cells at a time. */
static uint8_t sub2[256], inv_sub2[256];

static inline unsigned cell(uint64_t x, int i)
{
    return (x >> (4 * i)) & 0xf;
}

static uint64_t pac_sub(uint64_t x, const uint8_t *t)
{
    uint64_t o = 0;

    for (int b = 0; b < 64; b += 8) {
        o |= (uint64_t)t[(x >> b) & 0xff] << b;
    }
    return o;
}

static uint64_t pac_cell_shuffle(uint64_t x)
{
    uint64_t o = 0;

    for (int i = 0; i < 16; i++) {
        o |= (uint64_t)cell(x, pac_shuffle[i]) << (4 * i);
    }
    return o;
}

static uint64_t pac_cell_inv_shuffle(uint64_t x)
{
    uint64_t o = 0;

    for (int i = 0; i < 16; i++) {
        o |= (uint64_t)cell(x, i) << (4 * pac_shuffle[i]);
    }
    return o;
}

/* The LFSR on one tweak cell: (b3 b2 b1 b0) -> (b0^b1 b3 b2 b1). */
static unsigned tweak_cell_rot(unsigned c)
{
    return (c >> 1) | (((c ^ (c >> 1)) & 1) << 3);
}

static unsigned tweak_cell_inv_rot(unsigned c)
{
    return ((c << 1) & 0xe) | ((c ^ (c >> 3)) & 1);
}

static uint64_t tweak_shuffle(uint64_t x)
{
    uint64_t o = 0;

    for (int i = 0; i < 16; i++) {
        unsigned c = cell(x, tweak_src[i]);
        if (TWEAK_ROT_CELLS & (1u << i)) {
            c = tweak_cell_rot(c);
        }
        o |= (uint64_t)c << (4 * i);
    }
    return o;
}

static uint64_t tweak_inv_shuffle(uint64_t x)
{
    uint64_t o = 0;

    for (int i = 0; i < 16; i++) {
        unsigned c = cell(x, i);
        if (TWEAK_ROT_CELLS & (1u << i)) {
            c = tweak_cell_inv_rot(c);
        }
        o |= (uint64_t)c << (4 * tweak_src[i]);
    }
    return o;
}

/* RotCell: rotate a cell left by @n. */
static inline unsigned rot_cell(unsigned c, int n)
{
    return ((c << n) | (c >> (4 - n))) & 0xf;
}

/* PACMult: the involutory MixColumns of QARMA on each of 4 columns. */
static uint64_t pac_mult(uint64_t x)
{
    uint64_t o = 0;

    for (int i = 0; i < 4; i++) {
        unsigned a = cell(x, i), b = cell(x, i + 4);
        unsigned c = cell(x, i + 8), d = cell(x, i + 12);

        o |= (uint64_t)(rot_cell(d, 1) ^ rot_cell(c, 2) ^ rot_cell(b, 1))
             << (4 * i);
        o |= (uint64_t)(rot_cell(d, 2) ^ rot_cell(c, 1) ^ rot_cell(a, 1))
             << (4 * (i + 4));
        o |= (uint64_t)(rot_cell(d, 1) ^ rot_cell(b, 1) ^ rot_cell(a, 2))
             << (4 * (i + 8));
        o |= (uint64_t)(rot_cell(c, 1) ^ rot_cell(b, 2) ^ rot_cell(a, 1))
             << (4 * (i + 12));
    }
    return o;
}

/*
 * The cell functions above are the readable definition; the cipher runs
 * on tables built from them. Every layer but the S-box is linear over
 * GF(2), so a layer is the XOR of one table entry per input byte:
 * L(x) = T[0][x<7:0>] ^ ... ^ T[7][x<63:56>], T[j][b] = L(b << 8j).
 * Composed layers get one table: 5 of 16 KiB, built at start-up.
 */
typedef uint64_t LinTable[8][256];
static LinTable t_shuf_mult;        /* PACMult(PACCellShuffle(x)) */
static LinTable t_mult_invshuf;     /* PACCellInvShuffle(PACMult(x)) */
static LinTable t_invshuf;          /* PACCellInvShuffle(x) */
static LinTable t_tweak;            /* TweakShuffle(x) */
static LinTable t_tweak_inv;        /* TweakInvShuffle(x) */

static void lin_table_build(LinTable t, uint64_t (*f)(uint64_t),
                            uint64_t (*g)(uint64_t))
{
    for (int j = 0; j < 8; j++) {
        for (int b = 0; b < 256; b++) {
            uint64_t v = f((uint64_t)b << (8 * j));
            t[j][b] = g ? g(v) : v;
        }
    }
}

static inline uint64_t lin(const LinTable t, uint64_t x)
{
    return t[0][x & 0xff] ^ t[1][(x >> 8) & 0xff] ^
           t[2][(x >> 16) & 0xff] ^ t[3][(x >> 24) & 0xff] ^
           t[4][(x >> 32) & 0xff] ^ t[5][(x >> 40) & 0xff] ^
           t[6][(x >> 48) & 0xff] ^ t[7][x >> 56];
}

static void __attribute__((constructor)) pauth_init_tables(void)
{
    uint8_t inv[16];

    for (int i = 0; i < 16; i++) {
        inv[pac_sbox[i]] = i;
    }
    for (int i = 0; i < 256; i++) {
        sub2[i] = pac_sbox[i & 15] | pac_sbox[i >> 4] << 4;
        inv_sub2[i] = inv[i & 15] | inv[i >> 4] << 4;
    }
    lin_table_build(t_shuf_mult, pac_cell_shuffle, pac_mult);
    lin_table_build(t_mult_invshuf, pac_mult, pac_cell_inv_shuffle);
    lin_table_build(t_invshuf, pac_cell_inv_shuffle, NULL);
    lin_table_build(t_tweak, tweak_shuffle, NULL);
    lin_table_build(t_tweak_inv, tweak_inv_shuffle, NULL);
}

/* ComputePAC(data, modifier, key<127:64>, key<63:0>). */
uint64_t pauth_computepac_qarma5(uint64_t data, uint64_t modifier,
                                 ARMPACKey key)
{
    uint64_t k0 = key.hi, k1 = key.lo;
    uint64_t modk0 = (k0 << 63) | ((k0 >> 1) ^ (k0 >> 63));
    uint64_t mod = modifier;
    uint64_t w = data ^ k0;

    for (int i = 0; i <= 4; i++) {
        w ^= k1 ^ mod ^ pac_rc[i];
        if (i > 0) {
            w = lin(t_shuf_mult, w);
        }
        w = pac_sub(w, sub2);
        mod = lin(t_tweak, mod);
    }
    w ^= modk0 ^ mod;
    w = pac_sub(lin(t_shuf_mult, w), sub2);
    w = lin(t_shuf_mult, w);
    w ^= k1;
    w = lin(t_mult_invshuf, pac_sub(lin(t_invshuf, w), inv_sub2));
    w ^= k0 ^ mod;
    for (int i = 0; i <= 4; i++) {
        w = pac_sub(w, inv_sub2);
        if (i < 4) {
            w = lin(t_mult_invshuf, w);
        }
        mod = lin(t_tweak_inv, mod);
        w ^= pac_rc[4 - i] ^ k1 ^ mod ^ pac_alpha;
    }
    return w ^ modk0;
}

/* The same from the cell functions, step by step (the slow twin). */
uint64_t pauth_computepac_qarma5_ref(uint64_t data, uint64_t modifier,
                                     ARMPACKey key)
{
    uint64_t k0 = key.hi, k1 = key.lo;
    uint64_t modk0 = (k0 << 63) | ((k0 >> 1) ^ (k0 >> 63));
    uint64_t mod = modifier;
    uint64_t w = data ^ k0;

    for (int i = 0; i <= 4; i++) {
        w ^= k1 ^ mod ^ pac_rc[i];
        if (i > 0) {
            w = pac_mult(pac_cell_shuffle(w));
        }
        w = pac_sub(w, sub2);
        mod = tweak_shuffle(mod);
    }
    w ^= modk0 ^ mod;
    w = pac_sub(pac_mult(pac_cell_shuffle(w)), sub2);
    w = pac_mult(pac_cell_shuffle(w));
    w ^= k1;
    w = pac_mult(pac_sub(pac_cell_inv_shuffle(w), inv_sub2));
    w = pac_cell_inv_shuffle(w);
    w ^= k0 ^ mod;
    for (int i = 0; i <= 4; i++) {
        w = pac_sub(w, inv_sub2);
        if (i < 4) {
            w = pac_cell_inv_shuffle(pac_mult(w));
        }
        mod = tweak_inv_shuffle(mod);
        w ^= pac_rc[4 - i] ^ k1 ^ mod ^ pac_alpha;
    }
    return w ^ modk0;
}

/* ---- the implementation-defined algorithm -------------------------------- */

static inline uint64_t mix64(uint64_t x)
{
    x ^= x >> 31;
    x *= 0x7fb5d329728ea185ull;
    x ^= x >> 27;
    x *= 0x81dadef4bc2dd44dull;
    x ^= x >> 33;
    return x;
}

/*
 * Two keyed multiply-xorshift rounds over pointer and modifier: every
 * input bit reaches every output bit, in a handful of host instructions.
 */
uint64_t pauth_computepac_impdef(uint64_t data, uint64_t modifier,
                                 ARMPACKey key)
{
    uint64_t h = mix64(data ^ key.lo);

    h = mix64(h ^ modifier ^ key.hi);
    return mix64(h + key.lo);
}

/* ---- AddPAC, Auth, Strip ------------------------------------------------- */

static uint64_t pauth_computepac(CPUARMState *env, uint64_t data,
                                 uint64_t modifier, ARMPACKey key)
{
    if (env_archcpu(env)->pauth_impdef) {
        return pauth_computepac_impdef(data, modifier, key);
    }
    return pauth_computepac_qarma5(data, modifier, key);
}

typedef struct PAuthLayout {
    int bottom;     /* lowest PAC bit: 64 - TnSZ */
    bool tbi;       /* top byte ignored for this pointer (and insn/data) */
} PAuthLayout;

/*
 * CalculateBottomPACBit() and EffectiveTBI() for the EL1&0 regime: bit 55
 * picks TTBR0's or TTBR1's half (TCR_EL1 T0SZ/TBI0/TBID0 or T1SZ/TBI1/
 * TBID1); TBIDn takes top-byte-ignore away from instruction addresses.
 */
static PAuthLayout pauth_layout(CPUARMState *env, uint64_t ptr, bool data)
{
    uint64_t tcr = env->tcr_el1;
    bool hi = (ptr >> 55) & 1;
    unsigned tsz = hi ? (tcr >> 16) & 0x3f : tcr & 0x3f;
    bool tbi = (tcr >> (hi ? 38 : 37)) & 1;
    bool tbid = (tcr >> (hi ? 52 : 51)) & 1;
    PAuthLayout l;

    tsz = tsz < 16 ? 16 : tsz > 39 ? 39 : tsz;
    l.bottom = 64 - tsz;
    l.tbi = tbi && (data || !tbid);
    return l;
}

/* Bits [lo, hi] (inclusive) set. */
static inline uint64_t bits(int hi, int lo)
{
    return (~0ull >> (63 - hi)) & (~0ull << lo);
}

/* The pointer with every PAC bit a copy of bit 55 (Strip). */
static uint64_t pauth_original_ptr(uint64_t ptr, PAuthLayout l)
{
    uint64_t ext = bits(l.tbi ? 55 : 63, l.bottom);

    return (ptr >> 55) & 1 ? ptr | ext : ptr & ~ext;
}

static uint64_t pauth_addpac(CPUARMState *env, uint64_t ptr, uint64_t mod,
                             const ARMPACKey *key, bool data)
{
    PAuthLayout l = pauth_layout(env, ptr, data);
    int top = l.tbi ? 55 : 63;
    uint64_t ext = ptr & bits(top, l.bottom);
    uint64_t pac = pauth_computepac(env, pauth_original_ptr(ptr, l), mod,
                                    *key);
    uint64_t field = bits(54, l.bottom) | (l.tbi ? 0 : bits(63, 56));

    /* A pointer that was not canonical gets a PAC that cannot match. */
    if (ext != 0 && ext != bits(top, l.bottom)) {
        pac ^= 1ull << (top - 1);
    }
    return (ptr & ~field) | (pac & field);
}

static uint64_t pauth_auth(CPUARMState *env, uint64_t ptr, uint64_t mod,
                           const ARMPACKey *key, bool data, int keynumber)
{
    PAuthLayout l = pauth_layout(env, ptr, data);
    uint64_t orig = pauth_original_ptr(ptr, l);
    uint64_t pac = pauth_computepac(env, orig, mod, *key);
    uint64_t field = bits(54, l.bottom) | (l.tbi ? 0 : bits(63, 56));
    /* keynumber:NOT(keynumber): 0b01 for the A keys, 0b10 for B. */
    uint64_t error_code = keynumber ? 2 : 1;

    if (!((pac ^ ptr) & field)) {
        return orig;
    }
    if (l.tbi) {
        return (orig & ~bits(54, 53)) | error_code << 53;
    }
    return (orig & ~bits(62, 61)) | error_code << 61;
}

static bool pauth_key_enabled(CPUARMState *env, uint64_t en_bit)
{
    return (env->sctlr_el1 & en_bit) != 0;
}

uint64_t helper_pacia(CPUARMState *env, uint64_t x, uint64_t y)
{
    if (!pauth_key_enabled(env, SCTLR_EnIA)) {
        return x;
    }
    return pauth_addpac(env, x, y, &env->keys.apia, false);
}

uint64_t helper_pacib(CPUARMState *env, uint64_t x, uint64_t y)
{
    if (!pauth_key_enabled(env, SCTLR_EnIB)) {
        return x;
    }
    return pauth_addpac(env, x, y, &env->keys.apib, false);
}

uint64_t helper_pacda(CPUARMState *env, uint64_t x, uint64_t y)
{
    if (!pauth_key_enabled(env, SCTLR_EnDA)) {
        return x;
    }
    return pauth_addpac(env, x, y, &env->keys.apda, true);
}

uint64_t helper_pacdb(CPUARMState *env, uint64_t x, uint64_t y)
{
    if (!pauth_key_enabled(env, SCTLR_EnDB)) {
        return x;
    }
    return pauth_addpac(env, x, y, &env->keys.apdb, true);
}

uint64_t helper_autia(CPUARMState *env, uint64_t x, uint64_t y)
{
    if (!pauth_key_enabled(env, SCTLR_EnIA)) {
        return x;
    }
    return pauth_auth(env, x, y, &env->keys.apia, false, 0);
}

uint64_t helper_autib(CPUARMState *env, uint64_t x, uint64_t y)
{
    if (!pauth_key_enabled(env, SCTLR_EnIB)) {
        return x;
    }
    return pauth_auth(env, x, y, &env->keys.apib, false, 1);
}

uint64_t helper_autda(CPUARMState *env, uint64_t x, uint64_t y)
{
    if (!pauth_key_enabled(env, SCTLR_EnDA)) {
        return x;
    }
    return pauth_auth(env, x, y, &env->keys.apda, true, 0);
}

uint64_t helper_autdb(CPUARMState *env, uint64_t x, uint64_t y)
{
    if (!pauth_key_enabled(env, SCTLR_EnDB)) {
        return x;
    }
    return pauth_auth(env, x, y, &env->keys.apdb, true, 1);
}

/* PACGA has no enable bit: the generic key always works. */
uint64_t helper_pacga(CPUARMState *env, uint64_t x, uint64_t y)
{
    return pauth_computepac(env, x, y, env->keys.apga) & bits(63, 32);
}

uint64_t helper_xpaci(CPUARMState *env, uint64_t a)
{
    return pauth_original_ptr(a, pauth_layout(env, a, false));
}

uint64_t helper_xpacd(CPUARMState *env, uint64_t a)
{
    return pauth_original_ptr(a, pauth_layout(env, a, true));
}

/*
 * ERETAA/ERETAB return to the authenticated ELR_EL1 while ELR_EL1 itself
 * keeps the signed value: helper_eret() reads it, so lend it the target.
 */
void helper_eret_pauth(CPUARMState *env, uint64_t target)
{
    uint64_t elr = env->elr_el1;

    env->elr_el1 = target;
    helper_eret(env);
    env->elr_el1 = elr;
}
