/*
 * vec_helper.c - the out-of-line AdvSIMD integer helpers (helper-simd-int.h):
 * lane-wise loops for the three-same, three-different, two-register misc,
 * across-lanes, shift-by-immediate and by-element groups, vector and
 * scalar, plus the AES and SHA instructions.
 *
 * Each element is widened to a 128-bit integer so that the Arm ARM's
 * "infinite precision, then saturate or truncate" arithmetic (SignedSatQ,
 * UnsignedSatQ, rounding shifts) is computed exactly, for 64-bit lanes too.
 * Results go to a local array first: the destination may be a source.
 */
#include "util/osdep.h"
#include "target-arm/cpu.h"
#include "target-arm/internals.h"
#include "target-arm/vec_internal.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-proto.h"

/* Let GCC vectorize the fixed-length lane loops on the host's SSE. */
#pragma GCC optimize("tree-vectorize", "vect-cost-model=dynamic")

typedef __int128 i128;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;
typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;

/* Write the oprsz result bytes, zero the rest, and record saturation. */
static inline void finish(void *vd, const void *r, unsigned oprsz,
                          CPUARMState *env, bool qc)
{
    /*
     * Constant sizes for the vector forms: plain moves, no memcpy call.
     * The 16 bytes go as two 8-byte moves through general registers:
     * GCC's vectorized loops often fill r[] with two 8-byte stores, and a
     * 16-byte reload of those cannot be store-forwarded (a stall of a
     * dozen cycles or more, which was most of the time of the widening
     * and shift helpers).
     */
    if (oprsz == 16) {
        uint64_t lo, hi;
        memcpy(&lo, r, 8);
        memcpy(&hi, (const char *)r + 8, 8);
        __asm__("" : "+r"(lo), "+r"(hi));
        memcpy(vd, &lo, 8);
        memcpy((char *)vd + 8, &hi, 8);
    } else if (oprsz == 8) {
        memcpy(vd, r, 8);
        memset((char *)vd + 8, 0, 8);
    } else {
        memcpy(vd, r, oprsz);
        clear_tail(vd, oprsz);
    }
    if (qc) {
        env->fpsr |= FPSR_QC;
    }
}

/*
 * The element arithmetic exists for two "wide" types: s64 (lanes of up to
 * 32 bits, whose sums and shifted values fit) and i128 (64-bit lanes and
 * products of 32-bit lanes); _Generic picks by the operand's type, so one
 * expression serves every element size.
 */
#define DEF_WIDE_FNS(SUF, W)                                                 \
/* SignedSatQ(v, bits): clamp, noting saturation in *qc. */                  \
static inline W sat_s_##SUF(W v, int bits, unsigned *qc)                         \
{                                                                            \
    W max = ((W)1 << (bits - 1)) - 1;                                        \
    W min = -max - 1;                                                        \
    W r = v > max ? max : v < min ? min : v;                                 \
    *qc |= r != v;                                                           \
    return r;                                                                \
}                                                                            \
/* UnsignedSatQ(v, bits). */                                                 \
static inline W sat_u_##SUF(W v, int bits, unsigned *qc)                         \
{                                                                            \
    W max = ((W)1 << bits) - 1;                                              \
    W r = v > max ? max : v < 0 ? 0 : v;                                     \
    *qc |= r != v;                                                           \
    return r;                                                                \
}                                                                            \
/*                                                                           \
 * n shifted left by sh (right by -sh when negative), as the register        \
 * shifts' pseudocode: right shifts optionally round, left shifts            \
 * optionally saturate to @bits (signed or unsigned result).                 \
 */                                                                          \
static inline W shift_elt_##SUF(W n, int sh, int bits, bool round, int sat,  \
                                unsigned *qc)                                    \
{                                                                            \
    if (sh >= 0) {                                                           \
        if (sat == SAT_NONE) {                                               \
            return sh >= bits ? 0 : n * ((W)1 << sh);                        \
        }                                                                    \
        if (sh >= bits) {                                                    \
            n = n < 0 ? -((W)1 << (bits + 2)) : n > 0 ? ((W)1 << (bits + 2)) : 0; \
        } else {                                                             \
            n *= (W)1 << sh;                                                 \
        }                                                                    \
    } else {                                                                 \
        int r = -sh > bits + 1 ? bits + 1 : -sh;                             \
        if (round) {                                                         \
            n += (W)1 << (r - 1);                                            \
        }                                                                    \
        n >>= r;                                                             \
    }                                                                        \
    if (sat == SAT_S) {                                                      \
        return sat_s_##SUF(n, bits, qc);                                     \
    }                                                                        \
    if (sat == SAT_U) {                                                      \
        return sat_u_##SUF(n, bits, qc);                                     \
    }                                                                        \
    return n;                                                                \
}                                                                            \
/* The low @bits of n as a signed value. */                                  \
static inline W sext_##SUF(W n, int bits)                                    \
{                                                                            \
    W sign = (W)1 << (bits - 1);                                             \
    return ((n & ((sign << 1) - 1)) ^ sign) - sign;                          \
}                                                                            \
static inline W absdiff_##SUF(W a, W b)                                      \
{                                                                            \
    return a > b ? a - b : b - a;                                            \
}                                                                            \
/* 2 * n * m, saturated to 2 * bits (SQDMULL's product). */                  \
static inline W sqdmull_elt_##SUF(W n, W m, int bits, unsigned *qc)              \
{                                                                            \
    return sat_s_##SUF(2 * n * m, 2 * bits, qc);                             \
}                                                                            \
/* SQDMULH / SQRDMULH of one element. */                                     \
static inline W sqdmulh_elt_##SUF(W n, W m, int bits, bool round, unsigned *qc)  \
{                                                                            \
    W p = 2 * n * m;                                                         \
    if (round) {                                                             \
        p += (W)1 << (bits - 1);                                             \
    }                                                                        \
    return sat_s_##SUF(p >> bits, bits, qc);                                 \
}

enum { SAT_NONE, SAT_S, SAT_U };

DEF_WIDE_FNS(32, s32)
DEF_WIDE_FNS(64, s64)
DEF_WIDE_FNS(128, i128)

#define WIDE_FN(f, v) _Generic((v), s32: f##_32, i128: f##_128, default: f##_64)
#define sat_s(v, ...) WIDE_FN(sat_s, v)(v, __VA_ARGS__)
#define sat_u(v, ...) WIDE_FN(sat_u, v)(v, __VA_ARGS__)
#define shift_elt(v, ...) WIDE_FN(shift_elt, v)(v, __VA_ARGS__)
#define sext(v, ...) WIDE_FN(sext, v)(v, __VA_ARGS__)
#define absdiff(v, ...) WIDE_FN(absdiff, v)(v, __VA_ARGS__)
#define sqdmull_elt(v, ...) WIDE_FN(sqdmull_elt, v)(v, __VA_ARGS__)
#define sqdmulh_elt(v, ...) WIDE_FN(sqdmulh_elt, v)(v, __VA_ARGS__)

/* Carry-less product of the low @bits of a and b. */
static inline u64 clmul(u64 a, u64 b, int bits)
{
    u64 r = 0;

    for (int i = 0; i < bits; i++) {
        if ((b >> i) & 1) {
            r ^= a << i;
        }
    }
    return r;
}

/* Leading zeros of the low @bits of x. */
static inline int clz_bits(u64 x, int bits)
{
    return x ? __builtin_clzll(x) - (64 - bits) : bits;
}

/*
 * Same-size lane-wise loops. In EXPR: n, m, d are the elements of Vn, Vm
 * (or Vm[data] for by-element forms) and Vd, loaded signed or unsigned as
 * the macro's ST says; B is the element size in bits, data the immediate,
 * qc the saturation flag.
 */
#define DO_3(NAME, ST, UT, WT, GETM, EXPR)                                   \
static inline __attribute__((always_inline)) unsigned                        \
NAME##_loop(UT *r, const ST *N, const ST *M, const ST *D, int32_t data,      \
            unsigned cnt)                                                    \
{                                                                            \
    typedef UT elt_u;                                                        \
    typedef WT elt_w;                                                        \
    unsigned qc = 0;                                                         \
    (void)data; (void)M; (void)D;                                            \
    for (unsigned i = 0; i < cnt; i++) {                                     \
        const int B = sizeof(UT) * 8;                                        \
        elt_w n = N[i], m = GETM, d = D[i];                                  \
        (void)B; (void)n; (void)m; (void)d;                                  \
        r[i] = (elt_u)(EXPR);                                                \
    }                                                                        \
    return qc;                                                               \
}                                                                            \
void HELPER(NAME)(void *vd, void *vn, void *vm, CPUARMState *env,            \
                  uint32_t desc)                                             \
{                                                                            \
    unsigned oprsz = simd_oprsz(desc);                                       \
    int32_t data = simd_data(desc);                                          \
    UT r[16 / sizeof(UT)];                                                   \
    unsigned qc;                                                             \
    /* Constant trip counts let the compiler unroll and vectorize. */        \
    if (oprsz == 16) {                                                       \
        qc = NAME##_loop(r, vn, vm, vd, data, 16 / sizeof(UT));              \
    } else if (oprsz == 8) {                                                 \
        qc = NAME##_loop(r, vn, vm, vd, data, 8 / sizeof(UT));               \
    } else {                                                                 \
        qc = NAME##_loop(r, vn, vm, vd, data, 1);                            \
    }                                                                        \
    finish(vd, r, oprsz, env, qc);                                           \
}

/*
 * Byte and halfword lanes compute in s32 (sums and differences of two
 * lanes fit, and SSE2 vectorizes it), 32-bit lanes in s64, 64-bit lanes
 * in i128. The _W forms (left shifts) use s64 for the narrow lanes too.
 */
#define DO_3_B(NAME, SG, EXPR)  DO_3(NAME##_b, SG##8, u8, s32, M[i], EXPR)
#define DO_3_HS(NAME, SG, EXPR)                                              \
    DO_3(NAME##_h, SG##16, u16, s32, M[i], EXPR)                             \
    DO_3(NAME##_s, SG##32, u32, s64, M[i], EXPR)
#define DO_3_BHS(NAME, SG, EXPR) DO_3_B(NAME, SG, EXPR) DO_3_HS(NAME, SG, EXPR)
#define DO_3_BHSD(NAME, SG, EXPR)                                            \
    DO_3_BHS(NAME, SG, EXPR) DO_3(NAME##_d, SG##64, u64, i128, M[i], EXPR)
#define DO_3W_BHSD(NAME, SG, EXPR)                                           \
    DO_3(NAME##_b, SG##8, u8, s64, M[i], EXPR)                               \
    DO_3(NAME##_h, SG##16, u16, s64, M[i], EXPR)                             \
    DO_3(NAME##_s, SG##32, u32, s64, M[i], EXPR)                             \
    DO_3(NAME##_d, SG##64, u64, i128, M[i], EXPR)
/* Products modulo the lane size: u64 arithmetic. */
#define DO_3M_BHS(NAME, EXPR)                                                \
    DO_3(NAME##_b, u8, u8, u64, M[i], EXPR)                                  \
    DO_3(NAME##_h, u16, u16, u64, M[i], EXPR)                                \
    DO_3(NAME##_s, u32, u32, u64, M[i], EXPR)
#define DO_3M_IDX_HS(NAME, EXPR)                                             \
    DO_3(NAME##_h, u16, u16, u64, M[data], EXPR)                             \
    DO_3(NAME##_s, u32, u32, u64, M[data], EXPR)
/* Doubling products of 32-bit lanes need i128. */
#define DO_3Q_HS(NAME, GETM, EXPR)                                           \
    DO_3(NAME##_h, s16, u16, s64, GETM, EXPR)                                \
    DO_3(NAME##_s, s32, u32, i128, GETM, EXPR)

DO_3_BHS(simd_shadd, s, (n + m) >> 1)
DO_3_BHS(simd_uhadd, u, (n + m) >> 1)
DO_3_BHS(simd_srhadd, s, (n + m + 1) >> 1)
DO_3_BHS(simd_urhadd, u, (n + m + 1) >> 1)
DO_3_BHS(simd_shsub, s, (n - m) >> 1)
DO_3_BHS(simd_uhsub, u, (n - m) >> 1)
DO_3_BHSD(simd_sqadd, s, sat_s(n + m, B, &qc))
DO_3_BHSD(simd_uqadd, u, sat_u(n + m, B, &qc))
DO_3_BHSD(simd_sqsub, s, sat_s(n - m, B, &qc))
DO_3_BHSD(simd_uqsub, u, sat_u(n - m, B, &qc))
DO_3_BHSD(simd_cmgt, s, -(elt_w)(n > m))
DO_3_BHSD(simd_cmhi, u, -(elt_w)(n > m))
DO_3_BHSD(simd_cmge, s, -(elt_w)(n >= m))
DO_3_BHSD(simd_cmhs, u, -(elt_w)(n >= m))
DO_3_BHSD(simd_cmtst, u, -(elt_w)((n & m) != 0))
DO_3_BHSD(simd_cmeq, u, -(elt_w)(n == m))
/* The register shifts take the shift from the bottom byte of Vm's element. */
DO_3W_BHSD(simd_sshl, s, shift_elt(n, (s8)m, B, false, SAT_NONE, &qc))
DO_3W_BHSD(simd_ushl, u, shift_elt(n, (s8)m, B, false, SAT_NONE, &qc))
DO_3W_BHSD(simd_sqshl, s, shift_elt(n, (s8)m, B, false, SAT_S, &qc))
DO_3W_BHSD(simd_uqshl, u, shift_elt(n, (s8)m, B, false, SAT_U, &qc))
DO_3W_BHSD(simd_srshl, s, shift_elt(n, (s8)m, B, true, SAT_NONE, &qc))
DO_3W_BHSD(simd_urshl, u, shift_elt(n, (s8)m, B, true, SAT_NONE, &qc))
DO_3W_BHSD(simd_sqrshl, s, shift_elt(n, (s8)m, B, true, SAT_S, &qc))
DO_3W_BHSD(simd_uqrshl, u, shift_elt(n, (s8)m, B, true, SAT_U, &qc))
DO_3_BHS(simd_smax, s, n > m ? n : m)
DO_3_BHS(simd_umax, u, n > m ? n : m)
DO_3_BHS(simd_smin, s, n < m ? n : m)
DO_3_BHS(simd_umin, u, n < m ? n : m)
DO_3_BHS(simd_sabd, s, absdiff(n, m))
DO_3_BHS(simd_uabd, u, absdiff(n, m))
DO_3_BHS(simd_saba, s, d + absdiff(n, m))
DO_3_BHS(simd_uaba, u, d + absdiff(n, m))
DO_3M_BHS(simd_mla, d + n * m)
DO_3M_BHS(simd_mls, d - n * m)
DO_3M_BHS(simd_mul, n * m)
DO_3_B(simd_pmul, u, clmul(n, m, 8))
DO_3Q_HS(simd_sqdmulh, M[i], sqdmulh_elt(n, m, B, false, &qc))
DO_3Q_HS(simd_sqrdmulh, M[i], sqdmulh_elt(n, m, B, true, &qc))
DO_3M_IDX_HS(simd_mla_idx, d + n * m)
DO_3M_IDX_HS(simd_mls_idx, d - n * m)
DO_3M_IDX_HS(simd_mul_idx, n * m)
DO_3Q_HS(simd_sqdmulh_idx, M[data], sqdmulh_elt(n, m, B, false, &qc))
DO_3Q_HS(simd_sqrdmulh_idx, M[data], sqdmulh_elt(n, m, B, true, &qc))

/* Shift by immediate: data is the shift amount (1..B right, 0..B-1 left). */
DO_3_BHSD(simd_sshr, s, n >> (data >= B ? B - 1 : data))
DO_3_BHSD(simd_ushr, u, data >= B ? 0 : n >> data)
DO_3_BHSD(simd_srshr, s, shift_elt(n, -data, B, true, SAT_NONE, &qc))
DO_3_BHSD(simd_urshr, u, shift_elt(n, -data, B, true, SAT_NONE, &qc))
DO_3_BHSD(simd_ssra, s, d + (n >> (data >= B ? B - 1 : data)))
DO_3_BHSD(simd_usra, u, d + (data >= B ? 0 : n >> data))
DO_3_BHSD(simd_srsra, s, d + shift_elt(n, -data, B, true, SAT_NONE, &qc))
DO_3_BHSD(simd_ursra, u, d + shift_elt(n, -data, B, true, SAT_NONE, &qc))
/* SRI keeps Vd's top @data bits; SLI its bottom @data bits. */
DO_3_BHSD(simd_sri, u, data >= B ? d :
          (d & ~(elt_w)((~(u64)0 >> (64 - B)) >> data)) | (n >> data))
DO_3W_BHSD(simd_shl, u, n << data)
DO_3W_BHSD(simd_sli, u, (d & (((elt_w)1 << data) - 1)) | (n << data))
DO_3W_BHSD(simd_sqshli, s, shift_elt(n, data, B, false, SAT_S, &qc))
DO_3W_BHSD(simd_uqshli, u, shift_elt(n, data, B, false, SAT_U, &qc))
DO_3W_BHSD(simd_sqshlui, s, shift_elt(n, data, B, false, SAT_U, &qc))

/* Two-register misc, one source (Vm unused). */
DO_3_BHSD(simd_suqadd, s, sat_s(d + (elt_w)(elt_u)n, B, &qc))
DO_3_BHSD(simd_usqadd, u, sat_u(d + sext(n, B), B, &qc))
DO_3_BHSD(simd_sqabs, s, sat_s(n < 0 ? -n : n, B, &qc))
DO_3_BHSD(simd_sqneg, s, sat_s(-n, B, &qc))
DO_3_BHSD(simd_abs, s, n < 0 ? -n : n)
DO_3_BHSD(simd_neg, s, -n)
DO_3_BHSD(simd_cmgt0, s, -(elt_w)(n > 0))
DO_3_BHSD(simd_cmge0, s, -(elt_w)(n >= 0))
DO_3_BHSD(simd_cmeq0, s, -(elt_w)(n == 0))
DO_3_BHSD(simd_cmle0, s, -(elt_w)(n <= 0))
DO_3_BHSD(simd_cmlt0, s, -(elt_w)(n < 0))
DO_3_BHS(simd_cls, s, clz_bits((elt_u)(n ^ (n >> 1)), B) - 1)
DO_3_BHS(simd_clz, u, clz_bits(n, B))
DO_3_B(simd_cnt, u, __builtin_popcount((unsigned)n))
DO_3_B(simd_rbit, u, (u8)(((n * 0x0202020202ULL) & 0x010884422010ULL) % 1023))

/* Pairwise: Vn's adjacent pairs, then Vm's. */
#define DO_PAIR(NAME, ST, UT, WT, EXPR)                                          \
void HELPER(NAME)(void *vd, void *vn, void *vm, CPUARMState *env,            \
                  uint32_t desc)                                             \
{                                                                            \
    unsigned oprsz = simd_oprsz(desc);                                       \
    unsigned half = MIN(oprsz, 16u) / sizeof(UT) / 2;                        \
    const ST *N = vn, *M = vm;                                               \
    UT r[16 / sizeof(UT)];                                                   \
    for (unsigned i = 0; i < half; i++) {                                    \
        WT a = N[2 * i], b = N[2 * i + 1];                                 \
        r[i] = (UT)(EXPR);                                                   \
    }                                                                        \
    for (unsigned i = 0; i < half; i++) {                                    \
        WT a = M[2 * i], b = M[2 * i + 1];                                 \
        r[half + i] = (UT)(EXPR);                                            \
    }                                                                        \
    finish(vd, r, oprsz, env, false);                                        \
}
#define DO_PAIR_BHS(NAME, SG, EXPR)                                          \
    DO_PAIR(NAME##_b, SG##8, u8, s64, EXPR)                                  \
    DO_PAIR(NAME##_h, SG##16, u16, s64, EXPR)                                \
    DO_PAIR(NAME##_s, SG##32, u32, s64, EXPR)

DO_PAIR_BHS(simd_smaxp, s, a > b ? a : b)
DO_PAIR_BHS(simd_umaxp, u, a > b ? a : b)
DO_PAIR_BHS(simd_sminp, s, a < b ? a : b)
DO_PAIR_BHS(simd_uminp, u, a < b ? a : b)
DO_PAIR_BHS(simd_addp, u, a + b)
DO_PAIR(simd_addp_d, u64, u64, u64, a + b)

/* Pairwise long (SADDLP, SADALP): oprsz / wide size results. */
#define DO_PAIRL(NAME, ST, WT, ACC)                                          \
void HELPER(NAME)(void *vd, void *vn, void *vm, CPUARMState *env,            \
                  uint32_t desc)                                             \
{                                                                            \
    unsigned oprsz = simd_oprsz(desc);                                       \
    const ST *N = vn;                                                        \
    WT *D = vd;                                                              \
    WT r[16 / sizeof(WT)];                                                   \
    (void)vm;                                                                \
    for (unsigned i = 0; i < oprsz / sizeof(WT); i++) {                      \
        r[i] = (WT)((ACC ? D[i] : 0) + (u64)(s64)N[2 * i] +                  \
                    (u64)(s64)N[2 * i + 1]);                                 \
    }                                                                        \
    finish(vd, r, oprsz, env, false);                                        \
}
DO_PAIRL(simd_saddlp_b, s8, u16, 0)
DO_PAIRL(simd_saddlp_h, s16, u32, 0)
DO_PAIRL(simd_saddlp_s, s32, u64, 0)
DO_PAIRL(simd_uaddlp_b, u8, u16, 0)
DO_PAIRL(simd_uaddlp_h, u16, u32, 0)
DO_PAIRL(simd_uaddlp_s, u32, u64, 0)
DO_PAIRL(simd_sadalp_b, s8, u16, 1)
DO_PAIRL(simd_sadalp_h, s16, u32, 1)
DO_PAIRL(simd_sadalp_s, s32, u64, 1)
DO_PAIRL(simd_uadalp_b, u8, u16, 1)
DO_PAIRL(simd_uadalp_h, u16, u32, 1)
DO_PAIRL(simd_uadalp_s, u32, u64, 1)

/* Across lanes: fold EXPR(acc, n) over Vn, result of type RT in element 0. */
#define DO_ACROSS(NAME, ST, RT, EXPR)                                        \
static inline __attribute__((always_inline)) s64                             \
NAME##_loop(const ST *N, unsigned cnt)                                       \
{                                                                            \
    s64 acc = N[0];                                                          \
    for (unsigned i = 1; i < cnt; i++) {                                     \
        s64 n = N[i];                                                        \
        acc = EXPR;                                                          \
    }                                                                        \
    return acc;                                                              \
}                                                                            \
void HELPER(NAME)(void *vd, void *vn, void *vm, CPUARMState *env,            \
                  uint32_t desc)                                             \
{                                                                            \
    RT r = (RT)(simd_oprsz(desc) == 16 ?                                     \
                NAME##_loop(vn, 16 / sizeof(ST)) :                           \
                NAME##_loop(vn, 8 / sizeof(ST)));                            \
    (void)vm;                                                                \
    finish(vd, &r, sizeof(RT), env, false);                                  \
}
#define DO_ACROSS_BHS(NAME, SG, WIDEN, EXPR)                                 \
    DO_ACROSS(NAME##_b, SG##8, WIDEN(8), EXPR)                               \
    DO_ACROSS(NAME##_h, SG##16, WIDEN(16), EXPR)                             \
    DO_ACROSS(NAME##_s, SG##32, WIDEN(32), EXPR)
#define SAME_U(b) u##b
#define WIDE_U(b) WIDE_U_##b
#define WIDE_U_8 u16
#define WIDE_U_16 u32
#define WIDE_U_32 u64

DO_ACROSS_BHS(simd_addv, u, SAME_U, acc + n)
DO_ACROSS_BHS(simd_saddlv, s, WIDE_U, acc + n)
DO_ACROSS_BHS(simd_uaddlv, u, WIDE_U, acc + n)
DO_ACROSS_BHS(simd_smaxv, s, SAME_U, acc > n ? acc : n)
DO_ACROSS_BHS(simd_umaxv, u, SAME_U, acc > n ? acc : n)
DO_ACROSS_BHS(simd_sminv, s, SAME_U, acc < n ? acc : n)
DO_ACROSS_BHS(simd_uminv, u, SAME_U, acc < n ? acc : n)

/*
 * Widening: oprsz / wide size results. In EXPR: n and m are the narrow
 * source elements (n is wide for the "W" forms), d the wide destination
 * element, B the narrow size in bits, x = data >> 1 (shift or index).
 */
#define DO_WIDE(NAME, NT, WST, WUT, WT, GETN, GETM, EXPR)                    \
static inline __attribute__((always_inline)) unsigned                        \
NAME##_loop(WUT *r, const void *vn, const void *vm, const void *vd,          \
            int32_t data, unsigned cnt)                                      \
{                                                                            \
    unsigned part = (data & 1) * (8 / sizeof(NT));                           \
    int32_t x = data >> 1;                                                   \
    const NT *N = vn, *M = vm;                                               \
    const WST *NW = vn, *D = vd;                                             \
    unsigned qc = 0;                                                         \
    (void)x; (void)N; (void)NW; (void)M; (void)part;                         \
    for (unsigned i = 0; i < cnt; i++) {                                     \
        const int B = sizeof(NT) * 8;                                        \
        typedef WT elt_w;                                                    \
        elt_w n = GETN, m = GETM, d = D[i];                                  \
        (void)B; (void)m; (void)d;                                           \
        r[i] = (WUT)(EXPR);                                                  \
    }                                                                        \
    return qc;                                                               \
}                                                                            \
void HELPER(NAME)(void *vd, void *vn, void *vm, CPUARMState *env,            \
                  uint32_t desc)                                             \
{                                                                            \
    unsigned oprsz = simd_oprsz(desc);                                       \
    int32_t data = simd_data(desc);                                          \
    WUT r[16 / sizeof(WUT)];                                                 \
    unsigned qc = oprsz == 16 ?                                              \
        NAME##_loop(r, vn, vm, vd, data, 16 / sizeof(WUT)) :                 \
        NAME##_loop(r, vn, vm, vd, data, 1);                                 \
    finish(vd, r, oprsz, env, qc);                                           \
}
/*
 * Byte sources compute in s32: every EXPR here (sums, differences,
 * products, accumulations of 8-bit values into 16-bit lanes) stays far
 * inside it, and 32-bit lanes are what SSE2 vectorizes well.
 */
#define DO_WIDE_ALL(NAME, SG, GETN, GETM, EXPR)                              \
    DO_WIDE(NAME##_b, SG##8, SG##16, u16, s32, GETN, GETM, EXPR)             \
    DO_WIDE(NAME##_h, SG##16, SG##32, u32, s64, GETN, GETM, EXPR)            \
    DO_WIDE(NAME##_s, SG##32, SG##64, u64, i128, GETN, GETM, EXPR)
/* SSHLL/USHLL: a 16-bit value shifted by at most 15 fits s32 as well. */
#define DO_WIDE_SHLL(NAME, SG, EXPR)                                         \
    DO_WIDE(NAME##_b, SG##8, SG##16, u16, s32, NPART, MPART, EXPR)           \
    DO_WIDE(NAME##_h, SG##16, SG##32, u32, s32, NPART, MPART, EXPR)          \
    DO_WIDE(NAME##_s, SG##32, SG##64, u64, i128, NPART, MPART, EXPR)
#define DO_WIDE_HS(NAME, SG, GETN, GETM, EXPR)                               \
    DO_WIDE(NAME##_h, SG##16, SG##32, u32, s64, GETN, GETM, EXPR)            \
    DO_WIDE(NAME##_s, SG##32, SG##64, u64, i128, GETN, GETM, EXPR)
#define NPART N[i + part]
#define MPART M[i + part]
#define NWIDE NW[i]
#define MIDX M[x]

DO_WIDE_ALL(simd_saddl, s, NPART, MPART, n + m)
DO_WIDE_ALL(simd_uaddl, u, NPART, MPART, n + m)
DO_WIDE_ALL(simd_ssubl, s, NPART, MPART, n - m)
DO_WIDE_ALL(simd_usubl, u, NPART, MPART, n - m)
DO_WIDE_ALL(simd_saddw, s, NWIDE, MPART, n + m)
DO_WIDE_ALL(simd_uaddw, u, NWIDE, MPART, n + m)
DO_WIDE_ALL(simd_ssubw, s, NWIDE, MPART, n - m)
DO_WIDE_ALL(simd_usubw, u, NWIDE, MPART, n - m)
DO_WIDE_ALL(simd_sabdl, s, NPART, MPART, absdiff(n, m))
DO_WIDE_ALL(simd_uabdl, u, NPART, MPART, absdiff(n, m))
DO_WIDE_ALL(simd_sabal, s, NPART, MPART, d + absdiff(n, m))
DO_WIDE_ALL(simd_uabal, u, NPART, MPART, d + absdiff(n, m))
DO_WIDE_ALL(simd_smull, s, NPART, MPART, n * m)
DO_WIDE_ALL(simd_umull, u, NPART, MPART, n * m)
DO_WIDE_ALL(simd_smlal, s, NPART, MPART, d + n * m)
DO_WIDE_ALL(simd_umlal, u, NPART, MPART, d + n * m)
DO_WIDE_ALL(simd_smlsl, s, NPART, MPART, d - n * m)
DO_WIDE_ALL(simd_umlsl, u, NPART, MPART, d - n * m)
DO_WIDE_HS(simd_sqdmull, s, NPART, MPART, sqdmull_elt(n, m, B, &qc))
DO_WIDE_HS(simd_sqdmlal, s, NPART, MPART,
           sat_s(d + sqdmull_elt(n, m, B, &qc), 2 * B, &qc))
DO_WIDE_HS(simd_sqdmlsl, s, NPART, MPART,
           sat_s(d - sqdmull_elt(n, m, B, &qc), 2 * B, &qc))
DO_WIDE_HS(simd_smull_idx, s, NPART, MIDX, n * m)
DO_WIDE_HS(simd_umull_idx, u, NPART, MIDX, n * m)
DO_WIDE_HS(simd_smlal_idx, s, NPART, MIDX, d + n * m)
DO_WIDE_HS(simd_umlal_idx, u, NPART, MIDX, d + n * m)
DO_WIDE_HS(simd_smlsl_idx, s, NPART, MIDX, d - n * m)
DO_WIDE_HS(simd_umlsl_idx, u, NPART, MIDX, d - n * m)
DO_WIDE_HS(simd_sqdmull_idx, s, NPART, MIDX, sqdmull_elt(n, m, B, &qc))
DO_WIDE_HS(simd_sqdmlal_idx, s, NPART, MIDX,
           sat_s(d + sqdmull_elt(n, m, B, &qc), 2 * B, &qc))
DO_WIDE_HS(simd_sqdmlsl_idx, s, NPART, MIDX,
           sat_s(d - sqdmull_elt(n, m, B, &qc), 2 * B, &qc))
/* SSHLL/USHLL (and SHLL, whose shift is the element size). */
DO_WIDE_SHLL(simd_sshll, s, n * ((elt_w)1 << x))
DO_WIDE_SHLL(simd_ushll, u, n * ((elt_w)1 << x))
DO_WIDE(simd_pmull_b, u8, u16, u16, u64, NPART, MPART, clmul(n, m, 8))

/* PMULL/PMULL2 .1Q: the 128-bit carry-less product of two 64-bit lanes. */
void HELPER(simd_pmull_d)(void *vd, void *vn, void *vm, CPUARMState *env,
                          uint32_t desc)
{
    unsigned part = simd_data(desc) & 1;
    u64 a = ((u64 *)vn)[part], b = ((u64 *)vm)[part];
    u64 r[2] = { 0, 0 };

    (void)env;
    for (int i = 0; i < 64; i++) {
        if ((b >> i) & 1) {
            r[0] ^= a << i;
            r[1] ^= i ? a >> (64 - i) : 0;
        }
    }
    memcpy(vd, r, 16);
}

/*
 * Narrowing: oprsz bytes of narrow results (8 for vectors), written to
 * bits [63:0] with the top zeroed, or for the "2" forms (data bit 0) to
 * bits [127:64] keeping the bottom. In EXPR: n and m are the wide source
 * elements, B the narrow size in bits, sh = data >> 1.
 */
#define DO_NARROW(NAME, UT, WT, CT, EXPR)                                    \
static inline __attribute__((always_inline)) unsigned                        \
NAME##_loop(UT *r, const WT *N, const WT *M, int sh, unsigned cnt)           \
{                                                                            \
    unsigned qc = 0;                                                         \
    (void)sh; (void)M;                                                       \
    for (unsigned i = 0; i < cnt; i++) {                                     \
        const int B = sizeof(UT) * 8;                                        \
        typedef CT elt_w;                                                    \
        elt_w n = N[i], m = M[i];                                            \
        (void)B; (void)m;                                                    \
        r[i] = (UT)(EXPR);                                                   \
    }                                                                        \
    return qc;                                                               \
}                                                                            \
void HELPER(NAME)(void *vd, void *vn, void *vm, CPUARMState *env,            \
                  uint32_t desc)                                             \
{                                                                            \
    unsigned oprsz = simd_oprsz(desc);                                       \
    int32_t data = simd_data(desc);                                          \
    UT r[16 / sizeof(UT)] = { 0 };                                           \
    unsigned qc = oprsz == 8 ?                                               \
        NAME##_loop(r, vn, vm, data >> 1, 8 / sizeof(UT)) :                  \
        NAME##_loop(r, vn, vm, data >> 1, 1);                                \
    if (data & 1) {                                                          \
        memcpy((char *)vd + 8, r, 8);                                        \
    } else {                                                                 \
        finish(vd, r, oprsz, env, false);                                    \
    }                                                                        \
    if (qc) {                                                                \
        env->fpsr |= FPSR_QC;                                                \
    }                                                                        \
}
#define DO_NARROW_ALL(NAME, SG, EXPR)                                        \
    DO_NARROW(NAME##_b, u8, SG##16, s64, EXPR)                               \
    DO_NARROW(NAME##_h, u16, SG##32, s64, EXPR)                              \
    DO_NARROW(NAME##_s, u32, SG##64, i128, EXPR)

DO_NARROW_ALL(simd_xtn, u, n)
DO_NARROW_ALL(simd_sqxtn, s, sat_s(n, B, &qc))
DO_NARROW_ALL(simd_uqxtn, u, sat_u(n, B, &qc))
DO_NARROW_ALL(simd_sqxtun, s, sat_u(n, B, &qc))
/* The high-half ops work modulo the wide size, as the wide sum wraps. */
DO_NARROW_ALL(simd_addhn, u, ((n + m) & ((((elt_w)1) << (2 * B)) - 1)) >> B)
DO_NARROW_ALL(simd_raddhn, u,
              ((n + m + ((elt_w)1 << (B - 1))) & ((((elt_w)1) << (2 * B)) - 1)) >> B)
DO_NARROW_ALL(simd_subhn, u, ((n - m) & ((((elt_w)1) << (2 * B)) - 1)) >> B)
DO_NARROW_ALL(simd_rsubhn, u,
              ((n - m + ((elt_w)1 << (B - 1))) & ((((elt_w)1) << (2 * B)) - 1)) >> B)
DO_NARROW_ALL(simd_shrn, u, n >> sh)
DO_NARROW_ALL(simd_rshrn, u, (n + ((elt_w)1 << (sh - 1))) >> sh)
DO_NARROW_ALL(simd_sqshrn, s, sat_s(n >> sh, B, &qc))
DO_NARROW_ALL(simd_sqrshrn, s, sat_s((n + ((elt_w)1 << (sh - 1))) >> sh, B, &qc))
DO_NARROW_ALL(simd_uqshrn, u, sat_u(n >> sh, B, &qc))
DO_NARROW_ALL(simd_uqrshrn, u, sat_u((n + ((elt_w)1 << (sh - 1))) >> sh, B, &qc))
DO_NARROW_ALL(simd_sqshrun, s, sat_u(n >> sh, B, &qc))
DO_NARROW_ALL(simd_sqrshrun, s,
              sat_u((n + ((elt_w)1 << (sh - 1))) >> sh, B, &qc))

/* ---- AES (FIPS-197), in the Arm ARM's column order ---- */

static u8 aes_sbox[256], aes_inv_sbox[256];

/* Multiply in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1. */
static u8 gf_mul(u8 a, u8 b)
{
    u8 r = 0;

    while (b) {
        if (b & 1) {
            r ^= a;
        }
        a = (u8)((a << 1) ^ ((a & 0x80) ? 0x1b : 0));
        b >>= 1;
    }
    return r;
}

/*
 * The S-box from its definition: inverse in GF(2^8), then the affine map
 * (computed once at startup, before any vCPU runs).
 */
static void __attribute__((constructor)) aes_init_sbox(void)
{
    for (int x = 0; x < 256; x++) {
        u8 inv = 0;
        for (int y = 1; x && y < 256; y++) {
            if (gf_mul((u8)x, (u8)y) == 1) {
                inv = (u8)y;
                break;
            }
        }
        u8 s = inv;
        u8 r = inv;
        for (int k = 0; k < 4; k++) {
            r = (u8)((r << 1) | (r >> 7));
            s ^= r;
        }
        s ^= 0x63;
        aes_sbox[x] = s;
        aes_inv_sbox[s] = (u8)x;
    }
}

/* AESE/AESD: AddRoundKey, then (Inv)ShiftRows and (Inv)SubBytes. */
static void aes_round(void *vd, void *vn, bool decrypt)
{
    u8 st[16], r[16];
    const u8 *d = vd, *n = vn;

    for (int i = 0; i < 16; i++) {
        st[i] = d[i] ^ n[i];
    }
    /* Byte i is row i % 4, column i / 4; ShiftRows rotates row r left by r. */
    for (int i = 0; i < 16; i++) {
        int row = i % 4, col = i / 4;
        int src = decrypt ? ((col - row + 4) % 4) * 4 + row
                          : ((col + row) % 4) * 4 + row;
        r[i] = decrypt ? aes_inv_sbox[st[src]] : aes_sbox[st[src]];
    }
    memcpy(vd, r, 16);
}

static void aes_mix(void *vd, void *vn, bool inverse)
{
    static const u8 fwd[4] = { 2, 3, 1, 1 }, inv[4] = { 14, 11, 13, 9 };
    const u8 *c = inverse ? inv : fwd;
    const u8 *n = vn;
    u8 r[16];

    for (int col = 0; col < 4; col++) {
        for (int row = 0; row < 4; row++) {
            u8 v = 0;
            for (int k = 0; k < 4; k++) {
                v ^= gf_mul(c[(k - row + 4) % 4], n[col * 4 + k]);
            }
            r[col * 4 + row] = v;
        }
    }
    memcpy(vd, r, 16);
}

void HELPER(crypto_aese)(void *vd, void *vn, void *vm, CPUARMState *env,
                         uint32_t desc)
{
    (void)vm; (void)env; (void)desc;
    aes_round(vd, vn, false);
}

void HELPER(crypto_aesd)(void *vd, void *vn, void *vm, CPUARMState *env,
                         uint32_t desc)
{
    (void)vm; (void)env; (void)desc;
    aes_round(vd, vn, true);
}

void HELPER(crypto_aesmc)(void *vd, void *vn, void *vm, CPUARMState *env,
                          uint32_t desc)
{
    (void)vm; (void)env; (void)desc;
    aes_mix(vd, vn, false);
}

void HELPER(crypto_aesimc)(void *vd, void *vn, void *vm, CPUARMState *env,
                           uint32_t desc)
{
    (void)vm; (void)env; (void)desc;
    aes_mix(vd, vn, true);
}

/* ---- SHA-1 and SHA-256 (FIPS 180-4), as the Arm ARM's pseudocode ---- */

static inline u32 rol32(u32 x, int n)
{
    return (x << n) | (x >> (32 - n));
}

static inline u32 ror32(u32 x, int n)
{
    return (x >> n) | (x << (32 - n));
}

static inline u32 sha_choose(u32 x, u32 y, u32 z)
{
    return ((y ^ z) & x) ^ z;
}

static inline u32 sha_parity(u32 x, u32 y, u32 z)
{
    return x ^ y ^ z;
}

static inline u32 sha_majority(u32 x, u32 y, u32 z)
{
    return (x & y) | ((x | y) & z);
}

/* SHA1C/P/M: four rounds; Vd = {a,b,c,d} hash, Sn = e, Vm = 4 words wk. */
static void sha1_rounds(void *vd, void *vn, void *vm,
                        u32 (*f)(u32, u32, u32))
{
    u32 x[4], w[4];
    u32 y = *(u32 *)vn;

    memcpy(x, vd, 16);
    memcpy(w, vm, 16);
    for (int i = 0; i < 4; i++) {
        u32 t = f(x[1], x[2], x[3]);
        y = y + rol32(x[0], 5) + t + w[i];
        x[1] = rol32(x[1], 30);
        /* X:Y is rotated left by 32 bits: Y takes X<127:96>. */
        u32 top = x[3];
        x[3] = x[2];
        x[2] = x[1];
        x[1] = x[0];
        x[0] = y;
        y = top;
    }
    memcpy(vd, x, 16);
}

void HELPER(crypto_sha1c)(void *vd, void *vn, void *vm, CPUARMState *env,
                          uint32_t desc)
{
    (void)env; (void)desc;
    sha1_rounds(vd, vn, vm, sha_choose);
}

void HELPER(crypto_sha1p)(void *vd, void *vn, void *vm, CPUARMState *env,
                          uint32_t desc)
{
    (void)env; (void)desc;
    sha1_rounds(vd, vn, vm, sha_parity);
}

void HELPER(crypto_sha1m)(void *vd, void *vn, void *vm, CPUARMState *env,
                          uint32_t desc)
{
    (void)env; (void)desc;
    sha1_rounds(vd, vn, vm, sha_majority);
}

void HELPER(crypto_sha1su0)(void *vd, void *vn, void *vm, CPUARMState *env,
                            uint32_t desc)
{
    u64 d[2], n[2], m[2], r[2];

    (void)env; (void)desc;
    memcpy(d, vd, 16);
    memcpy(n, vn, 16);
    memcpy(m, vm, 16);
    /* result = (Vn<63:0> : Vd<127:64>) ^ Vd ^ Vm */
    r[0] = d[1] ^ d[0] ^ m[0];
    r[1] = n[0] ^ d[1] ^ m[1];
    memcpy(vd, r, 16);
}

void HELPER(crypto_sha1h)(void *vd, void *vn, void *vm, CPUARMState *env,
                          uint32_t desc)
{
    u32 r[4] = { rol32(*(u32 *)vn, 30), 0, 0, 0 };

    (void)vm; (void)env; (void)desc;
    memcpy(vd, r, 16);
}

void HELPER(crypto_sha1su1)(void *vd, void *vn, void *vm, CPUARMState *env,
                            uint32_t desc)
{
    u32 d[4], n[4], t[4];

    (void)vm; (void)env; (void)desc;
    memcpy(d, vd, 16);
    memcpy(n, vn, 16);
    /* T = Vd ^ (Vn >> 32) */
    t[0] = d[0] ^ n[1];
    t[1] = d[1] ^ n[2];
    t[2] = d[2] ^ n[3];
    t[3] = d[3];
    d[0] = rol32(t[0], 1);
    d[1] = rol32(t[1], 1);
    d[2] = rol32(t[2], 1);
    d[3] = rol32(t[3], 1) ^ rol32(t[0], 2);
    memcpy(vd, d, 16);
}

static inline u32 sha256_s0(u32 x)
{
    return ror32(x, 2) ^ ror32(x, 13) ^ ror32(x, 22);
}

static inline u32 sha256_s1(u32 x)
{
    return ror32(x, 6) ^ ror32(x, 11) ^ ror32(x, 25);
}

/* Four SHA-256 rounds; x = {a,b,c,d}, y = {e,f,g,h}. */
static void sha256_rounds(u32 x[4], u32 y[4], const u32 w[4])
{
    for (int i = 0; i < 4; i++) {
        u32 chs = sha_choose(y[0], y[1], y[2]);
        u32 maj = sha_majority(x[0], x[1], x[2]);
        u32 t = y[3] + sha256_s1(y[0]) + chs + w[i];
        x[3] = t + x[3];
        y[3] = t + sha256_s0(x[0]) + maj;
        /* Y:X rotated left by 32 bits. */
        u32 ytop = y[3], xtop = x[3];
        y[3] = y[2];
        y[2] = y[1];
        y[1] = y[0];
        y[0] = xtop;
        x[3] = x[2];
        x[2] = x[1];
        x[1] = x[0];
        x[0] = ytop;
    }
}

void HELPER(crypto_sha256h)(void *vd, void *vn, void *vm, CPUARMState *env,
                            uint32_t desc)
{
    u32 x[4], y[4], w[4];

    (void)env; (void)desc;
    memcpy(x, vd, 16);
    memcpy(y, vn, 16);
    memcpy(w, vm, 16);
    sha256_rounds(x, y, w);
    memcpy(vd, x, 16);
}

void HELPER(crypto_sha256h2)(void *vd, void *vn, void *vm, CPUARMState *env,
                             uint32_t desc)
{
    u32 x[4], y[4], w[4];

    (void)env; (void)desc;
    memcpy(x, vn, 16);
    memcpy(y, vd, 16);
    memcpy(w, vm, 16);
    sha256_rounds(x, y, w);
    memcpy(vd, y, 16);
}

void HELPER(crypto_sha256su0)(void *vd, void *vn, void *vm, CPUARMState *env,
                              uint32_t desc)
{
    u32 d[4], n[4], t[4];

    (void)vm; (void)env; (void)desc;
    memcpy(d, vd, 16);
    memcpy(n, vn, 16);
    /* T = Vn<31:0> : Vd<127:32> */
    t[0] = d[1];
    t[1] = d[2];
    t[2] = d[3];
    t[3] = n[0];
    for (int i = 0; i < 4; i++) {
        u32 e = t[i];
        d[i] += ror32(e, 7) ^ ror32(e, 18) ^ (e >> 3);
    }
    memcpy(vd, d, 16);
}

void HELPER(crypto_sha256su1)(void *vd, void *vn, void *vm, CPUARMState *env,
                              uint32_t desc)
{
    u32 d[4], n[4], m[4], t0[4], r[4];

    (void)env; (void)desc;
    memcpy(d, vd, 16);
    memcpy(n, vn, 16);
    memcpy(m, vm, 16);
    /* T0 = Vm<31:0> : Vn<127:32> */
    t0[0] = n[1];
    t0[1] = n[2];
    t0[2] = n[3];
    t0[3] = m[0];
    for (int i = 0; i < 2; i++) {
        u32 e = m[i + 2];
        u32 s1 = ror32(e, 17) ^ ror32(e, 19) ^ (e >> 10);
        r[i] = d[i] + t0[i] + s1;
    }
    for (int i = 2; i < 4; i++) {
        u32 e = r[i - 2];
        u32 s1 = ror32(e, 17) ^ ror32(e, 19) ^ (e >> 10);
        r[i] = d[i] + t0[i] + s1;
    }
    memcpy(vd, r, 16);
}

/* ---- FEAT_RDM ---- */

/*
 * SQRDMLAH/SQRDMLSH: (Vd << esize) +/- 2 * Vn * Vm + rounding constant,
 * then the high half saturated. The multiply by 1 << B is the left
 * shift of a possibly negative accumulator.
 */
#define RDM_ELT(sub) \
    sat_s((d * ((elt_w)1 << B) + (sub ? -2 : 2) * n * m + ((elt_w)1 << (B - 1))) >> B, \
          B, &qc)
DO_3Q_HS(simd_sqrdmlah, M[i], RDM_ELT(0))
DO_3Q_HS(simd_sqrdmlsh, M[i], RDM_ELT(1))
DO_3Q_HS(simd_sqrdmlah_idx, M[data], RDM_ELT(0))
DO_3Q_HS(simd_sqrdmlsh_idx, M[data], RDM_ELT(1))

/* ---- FEAT_DotProd and FEAT_I8MM ---- */

/*
 * Each 32-bit lane i of Vd adds the four byte products of Vn's bytes
 * 4i..4i+3 with Vm's bytes 4j..4j+3, j = i or the index; modulo 2^32.
 */
#define DO_DOT(NAME, TN, TM, IDX)                                            \
void HELPER(NAME)(void *vd, void *vn, void *vm, CPUARMState *env,            \
                  uint32_t desc)                                             \
{                                                                            \
    unsigned oprsz = simd_oprsz(desc);                                       \
    const TN *N = vn;                                                        \
    const TM *M = vm;                                                        \
    const u32 *D = vd;                                                       \
    u32 r[4];                                                                \
    for (unsigned i = 0; i < oprsz / 4; i++) {                               \
        unsigned j = IDX ? (unsigned)simd_data(desc) : i;                    \
        s32 sum = 0;                                                         \
        for (unsigned k = 0; k < 4; k++) {                                   \
            sum += (s32)N[4 * i + k] * (s32)M[4 * j + k];                    \
        }                                                                    \
        r[i] = D[i] + (u32)sum;                                              \
    }                                                                        \
    finish(vd, r, oprsz, env, false);                                        \
}
DO_DOT(simd_sdot, s8, s8, false)
DO_DOT(simd_udot, u8, u8, false)
DO_DOT(simd_usdot, u8, s8, false)
DO_DOT(simd_sdot_idx, s8, s8, true)
DO_DOT(simd_udot_idx, u8, u8, true)
DO_DOT(simd_usdot_idx, u8, s8, true)
DO_DOT(simd_sudot_idx, s8, u8, true)

/*
 * SMMLA/UMMLA/USMMLA: Vd is a 2x2 matrix of 32-bit lanes (row-major), Vn
 * a 2x8 and Vm a 2x8 matrix of bytes; Vd += Vn * transpose(Vm).
 */
#define DO_MMLA(NAME, TN, TM)                                                \
void HELPER(NAME)(void *vd, void *vn, void *vm, CPUARMState *env,            \
                  uint32_t desc)                                             \
{                                                                            \
    const TN *N = vn;                                                        \
    const TM *M = vm;                                                        \
    const u32 *D = vd;                                                       \
    u32 r[4];                                                                \
    for (unsigned i = 0; i < 2; i++) {                                       \
        for (unsigned j = 0; j < 2; j++) {                                   \
            s32 sum = 0;                                                     \
            for (unsigned k = 0; k < 8; k++) {                               \
                sum += (s32)N[8 * i + k] * (s32)M[8 * j + k];                \
            }                                                                \
            r[2 * i + j] = D[2 * i + j] + (u32)sum;                          \
        }                                                                    \
    }                                                                        \
    finish(vd, r, simd_oprsz(desc), env, false);                             \
}
DO_MMLA(simd_smmla, s8, s8)
DO_MMLA(simd_ummla, u8, u8)
DO_MMLA(simd_usmmla, u8, s8)

/* ---- FEAT_SHA512: the Arm ARM's SHA512H/H2/SU0/SU1 on 64-bit lanes ---- */

static inline u64 rotr64(u64 x, int n)
{
    return (x >> n) | (x << (64 - n));
}

static inline u64 sha512_s1(u64 x)     /* Sigma1 */
{
    return rotr64(x, 14) ^ rotr64(x, 18) ^ rotr64(x, 41);
}

static inline u64 sha512_s0(u64 x)     /* Sigma0 */
{
    return rotr64(x, 28) ^ rotr64(x, 34) ^ rotr64(x, 39);
}

static inline u64 sha512_ch(u64 x, u64 y, u64 z)
{
    return (x & y) ^ (~x & z);
}

static inline u64 sha512_maj(u64 x, u64 y, u64 z)
{
    return (x & y) ^ (x & z) ^ (y & z);
}

void HELPER(crypto_sha512h)(void *vd, void *vn, void *vm, CPUARMState *env,
                            uint32_t desc)
{
    u64 w[2], x[2], y[2], hi, tmp;

    (void)env; (void)desc;
    memcpy(w, vd, 16);
    memcpy(x, vn, 16);
    memcpy(y, vm, 16);
    hi = w[1] + sha512_s1(y[1]) + sha512_ch(y[1], x[0], x[1]);
    tmp = hi + y[0];
    w[0] += sha512_s1(tmp) + sha512_ch(tmp, y[1], x[0]);
    w[1] = hi;
    memcpy(vd, w, 16);
}

void HELPER(crypto_sha512h2)(void *vd, void *vn, void *vm, CPUARMState *env,
                             uint32_t desc)
{
    u64 w[2], x[2], y[2], hi;

    (void)env; (void)desc;
    memcpy(w, vd, 16);
    memcpy(x, vn, 16);
    memcpy(y, vm, 16);
    hi = w[1] + sha512_s0(y[0]) + sha512_maj(x[0], y[1], y[0]);
    w[0] += sha512_s0(hi) + sha512_maj(hi, y[0], y[1]);
    w[1] = hi;
    memcpy(vd, w, 16);
}

/* sigma0 of the message schedule */
static inline u64 sha512_sig0(u64 x)
{
    return rotr64(x, 1) ^ rotr64(x, 8) ^ (x >> 7);
}

/* sigma1 of the message schedule */
static inline u64 sha512_sig1(u64 x)
{
    return rotr64(x, 19) ^ rotr64(x, 61) ^ (x >> 6);
}

void HELPER(crypto_sha512su0)(void *vd, void *vn, void *vm, CPUARMState *env,
                              uint32_t desc)
{
    u64 w[2], x[2], r[2];

    (void)vm; (void)env; (void)desc;
    memcpy(w, vd, 16);
    memcpy(x, vn, 16);
    r[0] = w[0] + sha512_sig0(w[1]);
    r[1] = w[1] + sha512_sig0(x[0]);
    memcpy(vd, r, 16);
}

void HELPER(crypto_sha512su1)(void *vd, void *vn, void *vm, CPUARMState *env,
                              uint32_t desc)
{
    u64 w[2], x[2], y[2];

    (void)env; (void)desc;
    memcpy(w, vd, 16);
    memcpy(x, vn, 16);
    memcpy(y, vm, 16);
    w[0] += sha512_sig1(x[0]) + y[0];
    w[1] += sha512_sig1(x[1]) + y[1];
    memcpy(vd, w, 16);
}
