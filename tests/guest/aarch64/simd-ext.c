/*
 * simd-ext.c - the optional AdvSIMD features of -cpu max beyond ARMv8.0:
 * their ID fields; FEAT_SHA512 by a whole SHA-512 of "abc" (FIPS 180-4's
 * published digest) with SHA512H/H2/SU0/SU1 doing the rounds and the
 * message schedule; and FEAT_RDM, FEAT_DotProd, FEAT_I8MM and FEAT_SHA3
 * instructions against C models written from the Arm ARM pseudocode, over
 * edge and pseudo-random operands (each check runs a few hundred cases and
 * reports the first that differs). Results are compared with QEMU 7.2 by
 * run-test.sh as well. Built with -march=armv8.6-a+sha3 (rules.mk).
 */
#include "testlib.h"
#include "sha512-k.h"

#define MRS(reg) ({ u64 _v; __asm__ volatile("mrs %0, " reg : "=r"(_v)); _v; })

typedef struct {
    u64 d[2];
} __attribute__((aligned(16))) vec;

/* V0 = INSN(V0, V1, V2, V3) through memory; FPSR cleared first, returned. */
#define OP(NAME, INSN)                                                   \
static u64 NAME(vec *d, const vec *n, const vec *m, const vec *a)        \
{                                                                        \
    u64 fpsr;                                                            \
    __asm__ volatile("ldr q0, [%1]\n\t"                                  \
                     "ldr q1, [%2]\n\t"                                  \
                     "ldr q2, [%3]\n\t"                                  \
                     "ldr q3, [%4]\n\t"                                  \
                     "msr fpsr, xzr\n\t"                                 \
                     INSN "\n\t"                                         \
                     "mrs %0, fpsr\n\t"                                  \
                     "str q0, [%1]"                                      \
                     : "=&r"(fpsr)                                       \
                     : "r"(d), "r"(n), "r"(m), "r"(a)                    \
                     : "v0", "v1", "v2", "v3", "memory");                \
    return fpsr;                                                         \
}

OP(sha512h, "sha512h q0, q1, v2.2d")
OP(sha512h2, "sha512h2 q0, q1, v2.2d")
OP(sha512su0, "sha512su0 v0.2d, v1.2d")
OP(sha512su1, "sha512su1 v0.2d, v1.2d, v2.2d")
OP(eor3, "eor3 v0.16b, v1.16b, v2.16b, v3.16b")
OP(bcax, "bcax v0.16b, v1.16b, v2.16b, v3.16b")
OP(rax1, "rax1 v0.2d, v1.2d, v2.2d")
OP(xar13, "xar v0.2d, v1.2d, v2.2d, #13")
OP(xar0, "xar v0.2d, v1.2d, v2.2d, #0")
OP(sqrdmlah_8h, "sqrdmlah v0.8h, v1.8h, v2.8h")
OP(sqrdmlsh_4h, "sqrdmlsh v0.4h, v1.4h, v2.4h")
OP(sqrdmlah_4s, "sqrdmlah v0.4s, v1.4s, v2.4s")
OP(sqrdmlsh_2s, "sqrdmlsh v0.2s, v1.2s, v2.2s")
OP(sqrdmlah_h_s, "sqrdmlah h0, h1, h2")
OP(sqrdmlsh_s_s, "sqrdmlsh s0, s1, s2")
OP(sqrdmlah_8h_x5, "sqrdmlah v0.8h, v1.8h, v2.h[5]")
OP(sqrdmlsh_4s_x3, "sqrdmlsh v0.4s, v1.4s, v2.s[3]")
OP(sqrdmlah_s_x1, "sqrdmlah s0, s1, v2.s[1]")
OP(sdot_4s, "sdot v0.4s, v1.16b, v2.16b")
OP(udot_2s, "udot v0.2s, v1.8b, v2.8b")
OP(usdot_4s, "usdot v0.4s, v1.16b, v2.16b")
OP(sdot_2s_x2, "sdot v0.2s, v1.8b, v2.4b[2]")
OP(udot_4s_x3, "udot v0.4s, v1.16b, v2.4b[3]")
OP(usdot_4s_x1, "usdot v0.4s, v1.16b, v2.4b[1]")
OP(sudot_2s_x0, "sudot v0.2s, v1.8b, v2.4b[0]")
OP(smmla, "smmla v0.4s, v1.16b, v2.16b")
OP(ummla, "ummla v0.4s, v1.16b, v2.16b")
OP(usmmla, "usmmla v0.4s, v1.16b, v2.16b")

#define FPSR_QC (1u << 27)

static u64 field(u64 reg, int shift)
{
    return (reg >> shift) & 0xf;
}

static void test_id(void)
{
    u64 isar0 = MRS("id_aa64isar0_el1");

    check("ID_AA64ISAR0.SHA2 is 2 (SHA512)", field(isar0, 12), 2);
    check("ID_AA64ISAR0.RDM is 1", field(isar0, 28), 1);
    check("ID_AA64ISAR0.SHA3 is 1", field(isar0, 32), 1);
    check("ID_AA64ISAR0.DP is 1", field(isar0, 44), 1);
    check("ID_AA64ISAR1.I8MM is 1", field(MRS("id_aa64isar1_el1"), 52), 1);
}

/* ---- SHA-512 ---- */

static vec pair(u64 lo, u64 hi)
{
    vec v = { { lo, hi } };
    return v;
}

static u64 bswap64(u64 x)
{
    return __builtin_bswap64(x);
}

/*
 * One 128-byte block. State as four pairs (a,b) (c,d) (e,f) (g,h) with the
 * first of each in lane 0; two rounds per SHA512H + SHA512H2:
 *   SHA512H  {g,h}+{KW[t+1],KW[t]}, X = {f,g}, Y = {d,e} -> {T1[t+1], T1[t]}
 *   SHA512H2 that, X = {c,d}, Y = {a,b}                  -> {a'', a'}
 * and the new {e'', e'} is {c,d} + the SHA512H result.
 */
static void sha512_block(u64 st[8], const u8 *blk)
{
    vec w[40], ab = pair(st[0], st[1]), cd = pair(st[2], st[3]);
    vec ef = pair(st[4], st[5]), gh = pair(st[6], st[7]), zero = pair(0, 0);

    for (int i = 0; i < 8; i++) {
        u64 lo, hi;
        __builtin_memcpy(&lo, blk + 16 * i, 8);
        __builtin_memcpy(&hi, blk + 16 * i + 8, 8);
        w[i] = pair(bswap64(lo), bswap64(hi));
    }
    /* W[t], W[t+1] from {W[t-16], W[t-15]} and neighbours */
    for (int i = 8; i < 40; i++) {
        vec t = w[i - 8], m7;
        sha512su0(&t, &w[i - 7], &zero, &zero);
        /* {W[t-7], W[t-6]} straddles two pairs */
        m7 = pair(w[i - 4].d[1], w[i - 3].d[0]);
        sha512su1(&t, &w[i - 1], &m7, &zero);
        w[i] = t;
    }
    for (int i = 0; i < 40; i++) {
        vec kw = pair(gh.d[0] + sha512_k[2 * i + 1] + w[i].d[1],
                      gh.d[1] + sha512_k[2 * i] + w[i].d[0]);
        vec x = pair(ef.d[1], gh.d[0]), y = pair(cd.d[1], ef.d[0]);
        vec e2;

        sha512h(&kw, &x, &y, &zero);
        e2 = pair(cd.d[0] + kw.d[0], cd.d[1] + kw.d[1]);
        sha512h2(&kw, &cd, &ab, &zero);
        gh = ef;
        ef = e2;
        cd = ab;
        ab = kw;
    }
    st[0] += ab.d[0]; st[1] += ab.d[1]; st[2] += cd.d[0]; st[3] += cd.d[1];
    st[4] += ef.d[0]; st[5] += ef.d[1]; st[6] += gh.d[0]; st[7] += gh.d[1];
}

static void test_sha512(void)
{
    static const u64 want[8] = {
        0xddaf35a193617abaull, 0xcc417349ae204131ull, 0x12e6fa4e89a97ea2ull,
        0x0a9eeee64b55d39aull, 0x2192992a274fc1a8ull, 0x36ba3c23a3feebbdull,
        0x454d4423643ce80eull, 0x2a9ac94fa54ca49full,
    };
    u8 blk[128] = { 'a', 'b', 'c', 0x80 };
    u64 st[8];
    int ok = 1;

    blk[127] = 24;                      /* message length in bits */
    for (int i = 0; i < 8; i++) {
        st[i] = sha512_h0[i];
    }
    sha512_block(st, blk);
    for (int i = 0; i < 8; i++) {
        if (st[i] != want[i]) {
            checkf(st[i], want[i], "SHA-512(\"abc\") word %d", i);
            ok = 0;
        }
    }
    check_true("SHA-512(\"abc\") with SHA512H/H2/SU0/SU1 is FIPS 180-4's", ok);
}

/* ---- models from the pseudocode, and random operands ---- */

static u64 rng_state = 0x9e3779b97f4a7c15ull;

static u64 rnd(void)
{
    /* xorshift64*, with edge lanes mixed in now and then */
    static const u64 edges[] = { 0, ~0ull, 0x8000000080008000ull,
                                 0x7fffffff7fff7fffull, 0x8000800080008000ull,
                                 0x7fff7fff7fff7fffull, 0x0101010180808080ull };
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    u64 r = rng_state * 0x2545f4914f6cdd1dull;
    return (r & 0xf00) == 0 ? edges[(r >> 16) % 7] : r;
}

static u64 rol64(u64 x, int n)
{
    return n ? (x << n) | (x >> (64 - n)) : x;
}

static s64 elt(const vec *v, int esize, int i, int sign)
{
    u64 x = (v->d[(i * esize) / 64] >> ((i * esize) % 64));
    if (esize < 64) {
        x &= (1ull << esize) - 1;
        if (sign && (x >> (esize - 1))) {
            x |= ~0ull << esize;
        }
    }
    return (s64)x;
}

static void set_elt(vec *v, int esize, int i, u64 x)
{
    u64 mask = esize == 64 ? ~0ull : (1ull << esize) - 1;
    int sh = (i * esize) % 64;
    v->d[(i * esize) / 64] = (v->d[(i * esize) / 64] & ~(mask << sh)) |
                             ((x & mask) << sh);
}

/*
 * SQRDMLAH/SQRDMLSH: SignedSatQ(((Vd << esize) +/- 2 * n * m + (1 <<
 * (esize - 1))) >> esize); @idx < 0 for the vector form; @nelt elements,
 * the rest of the 128 bits zero.
 */
static u64 model_rdm(vec *r, const vec *d, const vec *n, const vec *m,
                     int esize, int nelt, int idx, int sub)
{
    u64 qc = 0;

    *r = pair(0, 0);
    for (int i = 0; i < nelt; i++) {
        __int128 acc = (__int128)elt(d, esize, i, 1) << esize;
        __int128 p = 2 * (__int128)elt(n, esize, i, 1) *
                     elt(m, esize, idx < 0 ? i : idx, 1);
        __int128 lim = (__int128)1 << (esize - 1);
        acc = (sub ? acc - p : acc + p) + lim;
        acc >>= esize;
        if (acc >= lim) {
            acc = lim - 1;
            qc = FPSR_QC;
        } else if (acc < -lim) {
            acc = -lim;
            qc = FPSR_QC;
        }
        set_elt(r, esize, i, (u64)acc);
    }
    return qc;
}

/* Dot products: lane i of 32 bits += sum of 4 byte products, j = i or idx. */
static void model_dot(vec *r, const vec *d, const vec *n, const vec *m,
                      int nlanes, int idx, int sn, int sm)
{
    *r = pair(0, 0);
    for (int i = 0; i < nlanes; i++) {
        int j = idx < 0 ? i : idx;
        u64 acc = (u64)elt(d, 32, i, 0);
        for (int k = 0; k < 4; k++) {
            acc += (u64)(elt(n, 8, 4 * i + k, sn) * elt(m, 8, 4 * j + k, sm));
        }
        set_elt(r, 32, i, acc);
    }
}

static void model_mmla(vec *r, const vec *d, const vec *n, const vec *m,
                       int sn, int sm)
{
    for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
            u64 acc = (u64)elt(d, 32, 2 * i + j, 0);
            for (int k = 0; k < 8; k++) {
                acc += (u64)(elt(n, 8, 8 * i + k, sn) * elt(m, 8, 8 * j + k, sm));
            }
            set_elt(r, 32, 2 * i + j, acc);
        }
    }
}

enum { K_RDM, K_DOT, K_MMLA, K_SHA3 };

struct ext_form {
    const char *name;
    u64 (*fn)(vec *, const vec *, const vec *, const vec *);
    int kind;
    int esize, nelt, idx, sub;      /* RDM; DOT: nelt lanes, sub = sn | sm << 1 */
};

static const struct ext_form forms[] = {
    { "sqrdmlah v0.8h", sqrdmlah_8h, K_RDM, 16, 8, -1, 0 },
    { "sqrdmlsh v0.4h", sqrdmlsh_4h, K_RDM, 16, 4, -1, 1 },
    { "sqrdmlah v0.4s", sqrdmlah_4s, K_RDM, 32, 4, -1, 0 },
    { "sqrdmlsh v0.2s", sqrdmlsh_2s, K_RDM, 32, 2, -1, 1 },
    { "sqrdmlah h0", sqrdmlah_h_s, K_RDM, 16, 1, -1, 0 },
    { "sqrdmlsh s0", sqrdmlsh_s_s, K_RDM, 32, 1, -1, 1 },
    { "sqrdmlah v0.8h, v2.h[5]", sqrdmlah_8h_x5, K_RDM, 16, 8, 5, 0 },
    { "sqrdmlsh v0.4s, v2.s[3]", sqrdmlsh_4s_x3, K_RDM, 32, 4, 3, 1 },
    { "sqrdmlah s0, v2.s[1]", sqrdmlah_s_x1, K_RDM, 32, 1, 1, 0 },
    { "sdot v0.4s", sdot_4s, K_DOT, 32, 4, -1, 3 },
    { "udot v0.2s", udot_2s, K_DOT, 32, 2, -1, 0 },
    { "usdot v0.4s", usdot_4s, K_DOT, 32, 4, -1, 2 },
    { "sdot v0.2s, v2.4b[2]", sdot_2s_x2, K_DOT, 32, 2, 2, 3 },
    { "udot v0.4s, v2.4b[3]", udot_4s_x3, K_DOT, 32, 4, 3, 0 },
    { "usdot v0.4s, v2.4b[1]", usdot_4s_x1, K_DOT, 32, 4, 1, 2 },
    { "sudot v0.2s, v2.4b[0]", sudot_2s_x0, K_DOT, 32, 2, 0, 1 },
    { "smmla", smmla, K_MMLA, 0, 0, 0, 3 },
    { "ummla", ummla, K_MMLA, 0, 0, 0, 0 },
    { "usmmla", usmmla, K_MMLA, 0, 0, 0, 2 },
    { "eor3", eor3, K_SHA3, 0, 0, 0, 0 },
    { "bcax", bcax, K_SHA3, 0, 0, 0, 1 },
    { "rax1", rax1, K_SHA3, 0, 0, 0, 2 },
    { "xar #13", xar13, K_SHA3, 0, 0, 13, 3 },
    { "xar #0", xar0, K_SHA3, 0, 0, 0, 3 },
};

static u64 model(const struct ext_form *f, vec *r, const vec *d, const vec *n,
                 const vec *m, const vec *a)
{
    switch (f->kind) {
    case K_RDM:
        return model_rdm(r, d, n, m, f->esize, f->nelt, f->idx, f->sub);
    case K_DOT:
        model_dot(r, d, n, m, f->nelt, f->idx, f->sub & 1, f->sub >> 1);
        return 0;
    case K_MMLA:
        model_mmla(r, d, n, m, f->sub & 1, f->sub >> 1);
        return 0;
    default:
        for (int h = 0; h < 2; h++) {
            u64 x = n->d[h], y = m->d[h], z = a->d[h];
            r->d[h] = f->sub == 0 ? x ^ y ^ z :
                      f->sub == 1 ? x ^ (y & ~z) :
                      f->sub == 2 ? x ^ rol64(y, 1) :
                      rol64(x ^ y, (64 - f->idx) % 64);
        }
        return 0;
    }
}

static void test_forms(void)
{
    for (unsigned k = 0; k < sizeof(forms) / sizeof(forms[0]); k++) {
        const struct ext_form *f = &forms[k];
        int bad = -1;
        vec d, n, m, a, want, got;
        u64 qc = 0, wqc = 0;

        for (int c = 0; c < 300 && bad < 0; c++) {
            d = pair(rnd(), rnd());
            n = pair(rnd(), rnd());
            m = c % 7 == 3 ? n : pair(rnd(), rnd());
            a = pair(rnd(), rnd());
            got = d;
            wqc = model(f, &want, &d, &n, &m, &a);
            qc = f->fn(&got, &n, &m, &a);
            if (got.d[0] != want.d[0] || got.d[1] != want.d[1] || qc != wqc) {
                bad = c;
            }
        }
        if (bad < 0) {
            checkf(0, 0, "%s: 300 cases", f->name);
        } else {
            checkf(got.d[0], want.d[0], "%s case %d: V0 lo (n %lx:%lx m %lx:%lx d %lx:%lx)",
                   f->name, bad, n.d[1], n.d[0], m.d[1], m.d[0], d.d[1], d.d[0]);
            checkf(got.d[1], want.d[1], "%s case %d: V0 hi", f->name, bad);
            checkf(qc, wqc, "%s case %d: FPSR", f->name, bad);
        }
    }
}

/* QC is sticky: a non-saturating SQRDMLAH leaves a set QC alone. */
static void test_qc_sticky(void)
{
    u64 fpsr;

    __asm__ volatile("mov x9, #(1 << 27)\n\tmsr fpsr, x9\n\t"
                     "movi v0.8h, #1\n\tmovi v1.8h, #2\n\tmovi v2.8h, #3\n\t"
                     "sqrdmlah v0.8h, v1.8h, v2.8h\n\tmrs %0, fpsr"
                     : "=r"(fpsr) : : "x9", "v0", "v1", "v2");
    check("sqrdmlah keeps a set FPSR.QC", fpsr & FPSR_QC, FPSR_QC);
    __asm__ volatile("msr fpsr, xzr\n\tmovi v0.8h, #0x7f, lsl #8\n\t"
                     "mvni v1.8h, #0x80, lsl #8\n\tmov v2.16b, v1.16b\n\t"
                     "sqrdmlah v0.8h, v1.8h, v2.8h\n\tmrs %0, fpsr"
                     : "=r"(fpsr) : : "v0", "v1", "v2");
    check("sqrdmlah 0x7f00 + 0x7fff^2 saturates (QC)", fpsr & FPSR_QC, FPSR_QC);
}

int main(void)
{
    test_set_prefix("simd-ext: ");
    test_id();
    test_sha512();
    test_forms();
    test_qc_sticky();
    return 0;
}
