/*
 * simd-int-crypto.c - FEAT_AES, FEAT_SHA1, FEAT_SHA256 and their ID fields:
 * whole algorithms run with the instructions against published answers
 * (FIPS-197 appendix C.1 AES-128 encryption and decryption, the FIPS 180
 * "abc" digests of SHA-1 and SHA-256), the key schedule computed with
 * AESE itself, and single-instruction results that zero nothing extra.
 */
#include "simd-int-common.h"
#include "simd-int-crypto-cases.h"

typedef struct {
    u32 w[4];
} __attribute__((aligned(16))) vec;

/* d = OP(d, n, m) for one of the crypto instructions, through memory. */
#define CRYPTO3(NAME, INSN)                                              \
static void NAME(vec *d, const vec *n, const vec *m)                     \
{                                                                        \
    __asm__ volatile(".arch_extension crypto\n\t"                        \
                     "ldr q0, [%0]\n\t"                                  \
                     "ldr q1, [%1]\n\t"                                  \
                     "ldr q2, [%2]\n\t"                                  \
                     INSN "\n\t"                                         \
                     "str q0, [%0]"                                      \
                     :: "r"(d), "r"(n), "r"(m) : "v0", "v1", "v2", "memory"); \
}

CRYPTO3(aese, "aese v0.16b, v1.16b")
CRYPTO3(aesd, "aesd v0.16b, v1.16b")
CRYPTO3(aesmc, "aesmc v0.16b, v1.16b")
CRYPTO3(aesimc, "aesimc v0.16b, v1.16b")
CRYPTO3(veor, "eor v0.16b, v0.16b, v1.16b")
CRYPTO3(vadd, "add v0.4s, v1.4s, v2.4s")
CRYPTO3(sha1c, "sha1c q0, s1, v2.4s")
CRYPTO3(sha1p, "sha1p q0, s1, v2.4s")
CRYPTO3(sha1m, "sha1m q0, s1, v2.4s")
CRYPTO3(sha1h, "sha1h s0, s1")
CRYPTO3(sha1su0, "sha1su0 v0.4s, v1.4s, v2.4s")
CRYPTO3(sha1su1, "sha1su1 v0.4s, v1.4s")
CRYPTO3(sha256h, "sha256h q0, q1, v2.4s")
CRYPTO3(sha256h2, "sha256h2 q0, q1, v2.4s")
CRYPTO3(sha256su0, "sha256su0 v0.4s, v1.4s")
CRYPTO3(sha256su1, "sha256su1 v0.4s, v1.4s, v2.4s")

static vec zero;

__attribute__((target("general-regs-only")))
static vec splat(u32 x)
{
    vec v = { { x, x, x, x } };
    return v;
}

__attribute__((target("general-regs-only")))
static u32 be32(const u8 *p)
{
    return ((u32)p[0] << 24) | ((u32)p[1] << 16) | ((u32)p[2] << 8) | p[3];
}

__attribute__((target("general-regs-only")))
static void bytes_to_vec(vec *v, const u8 *b)
{
    for (int i = 0; i < 4; i++) {
        v->w[i] = b[4 * i] | ((u32)b[4 * i + 1] << 8) |
                  ((u32)b[4 * i + 2] << 16) | ((u32)b[4 * i + 3] << 24);
    }
}

__attribute__((target("general-regs-only")))
static void check_vec_bytes(const char *name, const vec *v, const u8 *want)
{
    vec w;
    bytes_to_vec(&w, want);
    checkf(((u64)v->w[1] << 32) | v->w[0], ((u64)w.w[1] << 32) | w.w[0],
           "%s: bytes 0-7", name);
    checkf(((u64)v->w[3] << 32) | v->w[2], ((u64)w.w[3] << 32) | w.w[2],
           "%s: bytes 8-15", name);
}

/*
 * AES-128 key expansion (FIPS-197 5.2). SubWord is AESE with a zero round
 * key on a vector holding the word in all four columns, where ShiftRows
 * moves nothing.
 */
__attribute__((target("general-regs-only")))
static void aes128_expand(const u8 *key, vec rk[11])
{
    u32 w[44];
    u32 rcon = 1;

    for (int i = 0; i < 4; i++) {
        w[i] = key[4 * i] | ((u32)key[4 * i + 1] << 8) |
               ((u32)key[4 * i + 2] << 16) | ((u32)key[4 * i + 3] << 24);
    }
    for (int i = 4; i < 44; i++) {
        u32 t = w[i - 1];
        if (i % 4 == 0) {
            vec v = splat((t >> 8) | (t << 24));    /* RotWord */
            aese(&v, &zero, &zero);
            t = v.w[0] ^ rcon;
            rcon = (rcon << 1) ^ ((rcon & 0x80) ? 0x11b : 0);
        }
        w[i] = w[i - 4] ^ t;
    }
    for (int r = 0; r < 11; r++) {
        for (int j = 0; j < 4; j++) {
            rk[r].w[j] = w[4 * r + j];
        }
    }
}

__attribute__((target("general-regs-only")))
static void test_aes(void)
{
    static const u8 key[16] = {
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
        0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
    };
    static const u8 pt[16] = {
        0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
        0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff,
    };
    static const u8 ct[16] = {
        0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30,
        0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a,
    };
    /* FIPS-197 A.1 style check of the schedule: round 10 key of C.1. */
    static const u8 rk10[16] = {
        0x13, 0x11, 0x1d, 0x7f, 0xe3, 0x94, 0x4a, 0x17,
        0xf3, 0x07, 0xa7, 0x8b, 0x4d, 0x2b, 0x30, 0xc5,
    };
    static vec rk[11];
    vec v, t;

    aes128_expand(key, rk);
    check_vec_bytes("AES-128 key schedule round 10", &rk[10], rk10);

    bytes_to_vec(&v, pt);
    for (int r = 0; r < 9; r++) {
        aese(&v, &rk[r], &zero);
        aesmc(&v, &v, &zero);
    }
    aese(&v, &rk[9], &zero);
    veor(&v, &rk[10], &zero);
    check_vec_bytes("AES-128 FIPS-197 C.1 encrypt (AESE, AESMC)", &v, ct);

    /* The equivalent inverse cipher: round keys through InvMixColumns. */
    aesd(&v, &rk[10], &zero);
    aesimc(&v, &v, &zero);
    for (int r = 9; r >= 1; r--) {
        aesimc(&t, &rk[r], &zero);
        aesd(&v, &t, &zero);
        if (r > 1) {
            aesimc(&v, &v, &zero);
        }
    }
    veor(&v, &rk[0], &zero);
    check_vec_bytes("AES-128 FIPS-197 C.1 decrypt (AESD, AESIMC)", &v, pt);

    /* AESMC then AESIMC is the identity on any state. */
    bytes_to_vec(&v, ct);
    aesmc(&t, &v, &zero);
    aesimc(&t, &t, &zero);
    check_vec_bytes("AESIMC(AESMC(x)) == x", &t, ct);
}

/* "abc" padded to one 512-bit block, as big-endian words. */
__attribute__((target("general-regs-only")))
static void abc_block(vec m[4])
{
    static const u8 msg[3] = { 'a', 'b', 'c' };
    u8 blk[64];

    for (int i = 0; i < 64; i++) {
        blk[i] = 0;
    }
    for (int i = 0; i < 3; i++) {
        blk[i] = msg[i];
    }
    blk[3] = 0x80;
    blk[63] = 24;           /* length in bits */
    for (int i = 0; i < 16; i++) {
        m[i / 4].w[i % 4] = be32(blk + 4 * i);
    }
}

__attribute__((target("general-regs-only")))
static void test_sha1(void)
{
    static const u32 h0[5] = {
        0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0,
    };
    static const u32 want[5] = {
        0xa9993e36, 0x4706816a, 0xba3e2571, 0x7850c26c, 0x9cd0d89d,
    };
    static const u32 kt[4] = { 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6 };
    static vec m[4];
    vec abcd = { { h0[0], h0[1], h0[2], h0[3] } };
    vec e = { { h0[4], 0, 0, 0 } };
    vec wk, k, en;

    abc_block(m);
    for (int i = 0; i < 20; i++) {
        k = splat(kt[i / 5]);
        vadd(&wk, &m[i % 4], &k);
        sha1h(&en, &abcd, &zero);
        if (i < 5) {
            sha1c(&abcd, &e, &wk);
        } else if (i < 10 || i >= 15) {
            sha1p(&abcd, &e, &wk);
        } else {
            sha1m(&abcd, &e, &wk);
        }
        e = en;
        if (i < 16) {
            sha1su0(&m[i % 4], &m[(i + 1) % 4], &m[(i + 2) % 4]);
            sha1su1(&m[i % 4], &m[(i + 3) % 4], &zero);
        }
    }
    for (int i = 0; i < 4; i++) {
        checkf(h0[i] + abcd.w[i], want[i], "SHA-1(\"abc\") word %d", i);
    }
    checkf(h0[4] + e.w[0], want[4], "SHA-1(\"abc\") word 4");
    checkf(e.w[1] | e.w[2] | e.w[3], 0, "SHA1H zeroes bits [127:32]");
}

__attribute__((target("general-regs-only")))
static void test_sha256(void)
{
    static const u32 want[8] = {
        0xba7816bf, 0x8f01cfea, 0x414140de, 0x5dae2223,
        0xb00361a3, 0x96177a9c, 0xb410ff61, 0xf20015ad,
    };
    static vec m[4];
    vec s0 = { { sha256_h0[0], sha256_h0[1], sha256_h0[2], sha256_h0[3] } };
    vec s1 = { { sha256_h0[4], sha256_h0[5], sha256_h0[6], sha256_h0[7] } };
    vec wk, k, t;

    abc_block(m);
    for (int i = 0; i < 16; i++) {
        for (int j = 0; j < 4; j++) {
            k.w[j] = sha256_k[4 * i + j];
        }
        vadd(&wk, &m[i % 4], &k);
        t = s0;
        sha256h(&s0, &s1, &wk);
        sha256h2(&s1, &t, &wk);
        if (i < 12) {
            sha256su0(&m[i % 4], &m[(i + 1) % 4], &zero);
            sha256su1(&m[i % 4], &m[(i + 2) % 4], &m[(i + 3) % 4]);
        }
    }
    for (int i = 0; i < 4; i++) {
        checkf(sha256_h0[i] + s0.w[i], want[i], "SHA-256(\"abc\") word %d", i);
        checkf(sha256_h0[i + 4] + s1.w[i], want[i + 4],
               "SHA-256(\"abc\") word %d", i + 4);
    }
}

__attribute__((target("general-regs-only")))
int main(void)
{
    u64 isar0;

    test_set_prefix("simd-int-crypto: ");
    __asm__ volatile("mrs %0, id_aa64isar0_el1" : "=r"(isar0));
    check("ID_AA64ISAR0.AES is 2 (AES and PMULL)", (isar0 >> 4) & 0xf, 2);
    check("ID_AA64ISAR0.SHA1 is 1", (isar0 >> 8) & 0xf, 1);
    check("ID_AA64ISAR0.SHA2 is 2 (SHA256 and SHA512)", (isar0 >> 12) & 0xf, 2);
    test_aes();
    test_sha1();
    test_sha256();
    test_exit();
}
