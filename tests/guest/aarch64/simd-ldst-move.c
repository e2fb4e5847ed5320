/*
 * simd-ldst-move.c - AdvSIMD data movement: DUP (element, general), INS
 * (element, general), UMOV, SMOV, scalar DUP (MOV), the modified
 * immediates (MOVI, MVNI, ORR, BIC, FMOV of every cmode), ZIP1/2, UZP1/2,
 * TRN1/2, EXT and TBL/TBX of 1-4 table registers, in every element size
 * and for Q = 0 (bits [127:64] zeroed) and 1, and the reserved encodings.
 *
 * Expected values are written from the Arm ARM's descriptions (element
 * index arithmetic on byte arrays), independently of the translator.
 */
#include "testlib.h"

#pragma GCC optimize("no-tree-vectorize")

static u8 init[4][16] __attribute__((aligned(16)));
static u8 outr[4][16] __attribute__((aligned(16)));
static u8 want[4][16];

static void fill(void)
{
    for (int r = 0; r < 4; r++) {
        for (int i = 0; i < 16; i++) {
            init[r][i] = (u8)(0x80 + r * 0x17 + i * 0x09);
        }
    }
    for (int r = 0; r < 4; r++) {
        for (int i = 0; i < 16; i++) {
            want[r][i] = init[r][i];
        }
    }
}

#define SET4 "ldr q0, [%[in]]\n\tldr q1, [%[in], #16]\n\t" \
             "ldr q2, [%[in], #32]\n\tldr q3, [%[in], #48]\n\t"
#define GET4 "\n\tstr q0, [%[out]]\n\tstr q1, [%[out], #16]\n\t" \
             "str q2, [%[out], #32]\n\tstr q3, [%[out], #48]"

/* V0..V3 = init, X %[x] = @xin, @insn, V0..V3 -> outr, %[o] -> @xout. */
#define RUNX(insn, xin, xout) \
    __asm__ volatile(SET4 insn GET4 : [o] "=&r"(xout) \
                     : [in] "r"(init), [out] "r"(outr), [x] "r"(xin) \
                     : "v0", "v1", "v2", "v3", "memory")
#define RUN(insn) do { u64 d_; RUNX(insn, 0ul, d_); (void)d_; } while (0)

static void check_regs(const char *name)
{
    int bad = -1;
    for (int i = 0; i < 64 && bad < 0; i++) {
        if (outr[i / 16][i % 16] != want[i / 16][i % 16]) {
            bad = i;
        }
    }
    if (bad >= 0) {
        tprintf("# %s: V%d byte %d is 0x%x, want 0x%x\n", name, bad / 16,
                bad % 16, outr[bad / 16][bad % 16], want[bad / 16][bad % 16]);
    }
    checkf(bad, (u64)-1, "%s", name);
}

static u64 elem(const u8 *v, int esz, int i)
{
    u64 r = 0;
    for (int b = 0; b < (1 << esz); b++) {
        r |= (u64)v[(i << esz) + b] << (8 * b);
    }
    return r;
}

static void set_elem(u8 *v, int esz, int i, u64 x)
{
    for (int b = 0; b < (1 << esz); b++) {
        v[(i << esz) + b] = (u8)(x >> (8 * b));
    }
}

/* want[0] = @x in every lane of 1 << esz bytes, Q=0 zeroes the top. */
static void want_dup(int esz, int q, u64 x)
{
    for (int i = 0; i < 16 >> esz; i++) {
        set_elem(want[0], esz, i, (i << esz) < (q ? 16 : 8) ? x : 0);
    }
}

/* ---- DUP, INS, UMOV, SMOV, MOV scalar ---- */

#define DUPE(t, ts, esz, q, i) do { \
        fill(); \
        want_dup(esz, q, elem(init[1], esz, i)); \
        RUN("dup v0." t ", v1." ts "[" #i "]"); \
        check_regs("dup v0." t ", v1." ts "[" #i "]"); \
    } while (0)

static void test_dup(void)
{
    u64 d;

    DUPE("8b", "b", 0, 0, 0);
    DUPE("16b", "b", 0, 1, 15);
    DUPE("16b", "b", 0, 1, 6);
    DUPE("4h", "h", 1, 0, 7);
    DUPE("8h", "h", 1, 1, 3);
    DUPE("2s", "s", 2, 0, 2);
    DUPE("4s", "s", 2, 1, 3);
    DUPE("2d", "d", 3, 1, 1);
    DUPE("2d", "d", 3, 1, 0);

    fill();
    want_dup(0, 0, 0xef);
    RUNX("dup v0.8b, %w[x]", 0x123456789abcdeful, d);
    check_regs("dup v0.8b, w");
    fill();
    want_dup(0, 1, 0xef);
    RUNX("dup v0.16b, %w[x]", 0x123456789abcdeful, d);
    check_regs("dup v0.16b, w");
    fill();
    want_dup(1, 0, 0xcdef);
    RUNX("dup v0.4h, %w[x]", 0x123456789abcdeful, d);
    check_regs("dup v0.4h, w");
    fill();
    want_dup(1, 1, 0xcdef);
    RUNX("dup v0.8h, %w[x]", 0x123456789abcdeful, d);
    check_regs("dup v0.8h, w");
    fill();
    want_dup(2, 0, 0x89abcdef);
    RUNX("dup v0.2s, %w[x]", 0x123456789abcdeful, d);
    check_regs("dup v0.2s, w");
    fill();
    want_dup(2, 1, 0x89abcdef);
    RUNX("dup v0.4s, %w[x]", 0x123456789abcdeful, d);
    check_regs("dup v0.4s, w");
    fill();
    want_dup(3, 1, 0x123456789abcdeful);
    RUNX("dup v0.2d, %x[x]", 0x123456789abcdeful, d);
    check_regs("dup v0.2d, x");
    fill();
    want_dup(3, 1, 0);
    RUN("dup v0.2d, xzr");
    check_regs("dup v0.2d, xzr");
}

static void test_ins(void)
{
    u64 d;

    fill();
    set_elem(want[0], 0, 13, 0x5a);
    RUNX("ins v0.b[13], %w[x]", 0xffffff5aul, d);
    check_regs("ins v0.b[13], w (rest kept)");
    fill();
    set_elem(want[0], 1, 2, 0xbeef);
    RUNX("mov v0.h[2], %w[x]", 0x1234beeful, d);
    check_regs("ins v0.h[2], w");
    fill();
    set_elem(want[0], 2, 3, 0xcafef00d);
    RUNX("mov v0.s[3], %w[x]", 0xcafef00dul, d);
    check_regs("ins v0.s[3], w");
    fill();
    set_elem(want[0], 3, 0, 0x0123456789abcdeful);
    RUNX("mov v0.d[0], %x[x]", 0x0123456789abcdeful, d);
    check_regs("ins v0.d[0], x (top half kept)");
    fill();
    set_elem(want[0], 3, 1, 0);
    RUN("mov v0.d[1], xzr");
    check_regs("ins v0.d[1], xzr");

    fill();
    set_elem(want[0], 0, 3, elem(init[1], 0, 14));
    RUN("ins v0.b[3], v1.b[14]");
    check_regs("ins v0.b[3], v1.b[14]");
    fill();
    set_elem(want[0], 1, 7, elem(init[2], 1, 0));
    RUN("mov v0.h[7], v2.h[0]");
    check_regs("ins v0.h[7], v2.h[0]");
    fill();
    set_elem(want[0], 2, 1, elem(init[0], 2, 2));
    RUN("mov v0.s[1], v0.s[2]");
    check_regs("ins v0.s[1], v0.s[2] (same register)");
    fill();
    set_elem(want[3], 3, 1, elem(init[1], 3, 0));
    RUN("mov v3.d[1], v1.d[0]");
    check_regs("ins v3.d[1], v1.d[0]");
}

#define MOVG(insn, want_x) do { \
        u64 x_; \
        fill(); \
        RUNX(insn, 0ul, x_); \
        checkf(x_, (want_x), "%s", insn); \
        check_regs(insn ": vector registers unchanged"); \
    } while (0)

static s64 sext(u64 v, int bits)
{
    return (s64)(v << (64 - bits)) >> (64 - bits);
}

static void test_umov_smov(void)
{
    fill();
    MOVG("umov %w[o], v1.b[15]", elem(init[1], 0, 15));
    MOVG("umov %w[o], v1.b[0]", elem(init[1], 0, 0));
    MOVG("umov %w[o], v2.h[5]", elem(init[2], 1, 5));
    MOVG("mov %w[o], v3.s[3]", elem(init[3], 2, 3));
    MOVG("mov %x[o], v3.d[1]", elem(init[3], 3, 1));
    MOVG("smov %w[o], v1.b[3]", (u32)sext(elem(init[1], 0, 3), 8));
    MOVG("smov %x[o], v1.b[9]", (u64)sext(elem(init[1], 0, 9), 8));
    MOVG("smov %w[o], v2.h[6]", (u32)sext(elem(init[2], 1, 6), 16));
    MOVG("smov %x[o], v2.h[1]", (u64)sext(elem(init[2], 1, 1), 16));
    MOVG("smov %x[o], v0.s[2]", (u64)sext(elem(init[0], 2, 2), 32));
    /* a positive element: sign extension gives zeroes */
    init[1][2] = 0x7f;
    {
        u64 x;
        __asm__ volatile("ldr q1, [%1]\n\tsmov %0, v1.b[2]" : "=r"(x)
                         : "r"(init[1]) : "v1");
        check("smov x, v1.b[2] of 0x7f", x, 0x7f);
    }
}

static void test_mov_scalar(void)
{
    fill();
    for (int i = 0; i < 16; i++) {
        want[0][i] = 0;
    }
    want[0][0] = init[1][11];
    RUN("mov b0, v1.b[11]");
    check_regs("mov b0, v1.b[11] (scalar dup)");
    fill();
    for (int i = 0; i < 16; i++) {
        want[0][i] = 0;
    }
    set_elem(want[0], 1, 0, elem(init[2], 1, 7));
    RUN("dup h0, v2.h[7]");
    check_regs("dup h0, v2.h[7]");
    fill();
    for (int i = 0; i < 16; i++) {
        want[0][i] = 0;
    }
    set_elem(want[0], 2, 0, elem(init[0], 2, 3));
    RUN("mov s0, v0.s[3]");
    check_regs("mov s0, v0.s[3] (same register)");
    fill();
    for (int i = 0; i < 16; i++) {
        want[0][i] = 0;
    }
    set_elem(want[0], 3, 0, elem(init[3], 3, 1));
    RUN("mov d0, v3.d[1]");
    check_regs("mov d0, v3.d[1]");
}

/* ---- modified immediate ---- */

static void want_imm64(int q, u64 v)
{
    set_elem(want[0], 3, 0, v);
    set_elem(want[0], 3, 1, q ? v : 0);
}

#define IMM(insn, q, v) do { \
        fill(); \
        want_imm64(q, v); \
        RUN(insn); \
        check_regs(insn); \
    } while (0)

/* ORR/BIC on V0 = init[0] */
#define IMM_OP(insn, q, orv, bicv) do { \
        fill(); \
        want_imm64(q, (elem(init[0], 3, 0) | (orv)) & ~(u64)(bicv)); \
        if (q) { \
            set_elem(want[0], 3, 1, (elem(init[0], 3, 1) | (orv)) & ~(u64)(bicv)); \
        } \
        RUN(insn); \
        check_regs(insn); \
    } while (0)

static void test_modimm(void)
{
    IMM("movi v0.2s, #0xa5", 0, 0x000000a5000000a5ul);
    IMM("movi v0.4s, #0xa5, lsl #8", 1, 0x0000a5000000a500ul);
    IMM("movi v0.4s, #0xa5, lsl #16", 1, 0x00a5000000a50000ul);
    IMM("movi v0.2s, #0xa5, lsl #24", 0, 0xa5000000a5000000ul);
    IMM("movi v0.4h, #0x3c", 0, 0x003c003c003c003cul);
    IMM("movi v0.8h, #0x3c, lsl #8", 1, 0x3c003c003c003c00ul);
    IMM("movi v0.4s, #0x12, msl #8", 1, 0x000012ff000012fful);
    IMM("movi v0.2s, #0x12, msl #16", 0, 0x0012ffff0012fffful);
    IMM("movi v0.8b, #0x81", 0, 0x8181818181818181ul);
    IMM("movi v0.16b, #0x7e", 1, 0x7e7e7e7e7e7e7e7eul);
    IMM("movi d0, #0xff00ff0000ffff00", 0, 0xff00ff0000ffff00ul);
    IMM("movi v0.2d, #0x00ff00ffff0000ff", 1, 0x00ff00ffff0000fful);
    IMM("movi v0.2d, #0", 1, 0);
    IMM("mvni v0.2s, #0xa5", 0, 0xffffff5affffff5aul);
    IMM("mvni v0.4s, #0xa5, lsl #8", 1, 0xffff5affffff5afful);
    IMM("mvni v0.4s, #0xa5, lsl #16", 1, 0xff5affffff5afffful);
    IMM("mvni v0.4s, #0xa5, lsl #24", 1, 0x5affffff5afffffful);
    IMM("mvni v0.4h, #0x3c", 0, 0xffc3ffc3ffc3ffc3ul);
    IMM("mvni v0.8h, #0x3c, lsl #8", 1, 0xc3ffc3ffc3ffc3fful);
    IMM("mvni v0.2s, #0x12, msl #8", 0, 0xffffed00ffffed00ul);
    IMM("mvni v0.4s, #0x12, msl #16", 1, 0xffed0000ffed0000ul);
    IMM("fmov v0.2s, #1.0", 0, 0x3f8000003f800000ul);
    IMM("fmov v0.4s, #-31.0", 1, 0xc1f80000c1f80000ul);
    IMM("fmov v0.4s, #0.125", 1, 0x3e0000003e000000ul);
    IMM("fmov v0.2d, #2.5", 1, 0x4004000000000000ul);
    IMM("fmov v0.2d, #-0.1875", 1, 0xbfc8000000000000ul);
    IMM("fmov v0.2d, #31.0", 1, 0x403f000000000000ul);
    IMM_OP("orr v0.2s, #0x55", 0, 0x0000005500000055ul, 0);
    IMM_OP("orr v0.4s, #0x55, lsl #24", 1, 0x5500000055000000ul, 0);
    IMM_OP("orr v0.8h, #0x80, lsl #8", 1, 0x8000800080008000ul, 0);
    IMM_OP("orr v0.4h, #0x01", 0, 0x0001000100010001ul, 0);
    IMM_OP("bic v0.4s, #0xff", 1, 0, 0x000000ff000000fful);
    IMM_OP("bic v0.2s, #0xf0, lsl #16", 0, 0, 0x00f0000000f00000ul);
    IMM_OP("bic v0.8h, #0x0f", 1, 0, 0x000f000f000f000ful);
    IMM_OP("bic v0.4h, #0xc3, lsl #8", 0, 0, 0xc300c300c300c300ul);
}

/* ---- permutes ---- */

/* V0 = op(V1, V2) with op 1 UZP1 2 TRN1 3 ZIP1 5 UZP2 6 TRN2 7 ZIP2. */
static void want_perm(int op, int esz, int q)
{
    int n = (q ? 16 : 8) >> esz, part = op >> 2;
    const u8 *src[2] = { init[1], init[2] };
    for (int i = 0; i < 16 >> esz; i++) {
        u64 v;
        if ((i << esz) >= (q ? 16 : 8)) {
            v = 0;
        } else if ((op & 3) == 1) {
            int k = 2 * i + part;
            v = k < n ? elem(src[0], esz, k) : elem(src[1], esz, k - n);
        } else if ((op & 3) == 2) {
            v = elem(src[i & 1], esz, (i & ~1) + part);
        } else {
            v = elem(src[i & 1], esz, i / 2 + part * n / 2);
        }
        set_elem(want[0], esz, i, v);
    }
}

#define PERM(mn, op, t, esz, q) do { \
        fill(); \
        want_perm(op, esz, q); \
        RUN(mn " v0." t ", v1." t ", v2." t); \
        check_regs(mn " v0." t ", v1." t ", v2." t); \
    } while (0)

#define PERM_ALL(mn, op) do { \
        PERM(mn, op, "8b", 0, 0); \
        PERM(mn, op, "16b", 0, 1); \
        PERM(mn, op, "4h", 1, 0); \
        PERM(mn, op, "8h", 1, 1); \
        PERM(mn, op, "2s", 2, 0); \
        PERM(mn, op, "4s", 2, 1); \
        PERM(mn, op, "2d", 3, 1); \
    } while (0)

static void test_perm(void)
{
    PERM_ALL("uzp1", 1);
    PERM_ALL("trn1", 2);
    PERM_ALL("zip1", 3);
    PERM_ALL("uzp2", 5);
    PERM_ALL("trn2", 6);
    PERM_ALL("zip2", 7);
    /* destination is a source */
    fill();
    {
        u8 a[16], b[16];
        for (int i = 0; i < 16; i++) {
            a[i] = init[0][i];
            b[i] = init[1][i];
        }
        for (int i = 0; i < 8; i++) {
            want[0][2 * i] = a[i];
            want[0][2 * i + 1] = b[i];
        }
    }
    RUN("zip1 v0.16b, v0.16b, v1.16b");
    check_regs("zip1 v0.16b, v0.16b, v1.16b (d = n)");
}

/* ---- EXT ---- */

#define EXT(t, q, i) do { \
        fill(); \
        for (int k_ = 0; k_ < 16; k_++) { \
            int j_ = k_ + (i); \
            int w_ = (q) ? 16 : 8; \
            want[0][k_] = k_ >= w_ ? 0 : j_ < w_ ? init[1][j_] : init[2][j_ - w_]; \
        } \
        RUN("ext v0." t ", v1." t ", v2." t ", #" #i); \
        check_regs("ext v0." t ", v1." t ", v2." t ", #" #i); \
    } while (0)

static void test_ext(void)
{
    EXT("8b", 0, 0);
    EXT("8b", 0, 1);
    EXT("8b", 0, 5);
    EXT("8b", 0, 7);
    EXT("16b", 1, 0);
    EXT("16b", 1, 3);
    EXT("16b", 1, 8);
    EXT("16b", 1, 9);
    EXT("16b", 1, 15);
    fill();
    for (int k = 0; k < 16; k++) {
        want[0][k] = k + 4 < 16 ? init[0][k + 4] : init[0][k - 12];
    }
    RUN("ext v0.16b, v0.16b, v0.16b, #4");
    check_regs("ext v0.16b, v0.16b, v0.16b, #4 (rotate)");
}

/* ---- TBL / TBX ---- */

static const u8 idx_bytes[16] = {
    0, 17, 63, 64, 255, 5, 31, 32, 47, 48, 16, 15, 200, 33, 1, 62
};

/* V0 = tbl/tbx(table V1.., index V3 = idx_bytes) */
static void want_tbl(int nt, int tbx, int q, const u8 tab[4][16])
{
    for (int i = 0; i < 16; i++) {
        int k = idx_bytes[i];
        if (i >= (q ? 16 : 8)) {
            want[0][i] = 0;
        } else if (k < 16 * nt) {
            want[0][i] = tab[k / 16][k % 16];
        } else if (!tbx) {
            want[0][i] = 0;
        }
    }
}

/* Tables of 1 and 2 registers: V1, V2 (init); index in V3. */
static u8 tab34[2][16] __attribute__((aligned(16)));

#define TBLM(mn, list, nt, tbx, ty, q) do { \
        u8 tab_[4][16]; \
        fill(); \
        for (int i_ = 0; i_ < 16; i_++) { \
            init[3][i_] = idx_bytes[i_]; \
            want[3][i_] = idx_bytes[i_]; \
            tab_[0][i_] = init[1][i_]; \
            tab_[1][i_] = init[2][i_]; \
            tab_[2][i_] = tab34[0][i_]; \
            tab_[3][i_] = tab34[1][i_]; \
        } \
        want_tbl(nt, tbx, q, (const u8 (*)[16])tab_); \
        __asm__ volatile(SET4 "ldr q4, [%[tb]]\n\tldr q5, [%[tb], #16]\n\t" \
                         mn " v0." ty ", " list ", v3." ty GET4 \
                         : : [in] "r"(init), [out] "r"(outr), [tb] "r"(tab34) \
                         : "v0", "v1", "v2", "v3", "v4", "v5", "memory"); \
        check_regs(mn " v0." ty ", " list); \
    } while (0)

static void test_tbl(void)
{
    for (int i = 0; i < 16; i++) {
        tab34[0][i] = (u8)(0x40 + 3 * i);
        tab34[1][i] = (u8)(0xc0 + 5 * i);
    }
    TBLM("tbl", "{v1.16b}", 1, 0, "8b", 0);
    TBLM("tbl", "{v1.16b}", 1, 0, "16b", 1);
    TBLM("tbl", "{v1.16b, v2.16b}", 2, 0, "16b", 1);
    TBLM("tbl", "{v1.16b, v2.16b}", 2, 0, "8b", 0);
    TBLM("tbx", "{v1.16b}", 1, 1, "16b", 1);
    TBLM("tbx", "{v1.16b}", 1, 1, "8b", 0);
    TBLM("tbx", "{v1.16b, v2.16b}", 2, 1, "16b", 1);
    TBLM("tbx", "{v1.16b, v2.16b}", 2, 1, "8b", 0);
}

/* Tables of 3 and 4 registers, V4..V7, index in V3; and a list V31, V0. */
static void test_tbl_big(void)
{
    static u8 tabs[4][16] __attribute__((aligned(16)));
    for (int r = 0; r < 4; r++) {
        for (int i = 0; i < 16; i++) {
            tabs[r][i] = (u8)(0x11 * (r + 1) + 7 * i);
        }
    }
    for (int nt = 3; nt <= 4; nt++) {
        for (int tbx = 0; tbx < 2; tbx++) {
            for (int q = 0; q < 2; q++) {
                fill();
                for (int i = 0; i < 16; i++) {
                    init[3][i] = idx_bytes[i];
                    want[3][i] = idx_bytes[i];
                }
                want_tbl(nt, tbx, q, (const u8 (*)[16])tabs);
                switch (nt * 4 + tbx * 2 + q) {
#define TB(n, x, qq, insn) case n * 4 + x * 2 + qq: \
                    __asm__ volatile(SET4 "ldr q4, [%[t]]\n\tldr q5, [%[t], #16]\n\t" \
                                     "ldr q6, [%[t], #32]\n\tldr q7, [%[t], #48]\n\t" \
                                     insn GET4 \
                                     : : [in] "r"(init), [out] "r"(outr), [t] "r"(tabs) \
                                     : "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", \
                                       "memory"); \
                    check_regs(insn); \
                    break;
                TB(3, 0, 0, "tbl v0.8b, {v4.16b, v5.16b, v6.16b}, v3.8b")
                TB(3, 0, 1, "tbl v0.16b, {v4.16b, v5.16b, v6.16b}, v3.16b")
                TB(3, 1, 0, "tbx v0.8b, {v4.16b, v5.16b, v6.16b}, v3.8b")
                TB(3, 1, 1, "tbx v0.16b, {v4.16b, v5.16b, v6.16b}, v3.16b")
                TB(4, 0, 0, "tbl v0.8b, {v4.16b, v5.16b, v6.16b, v7.16b}, v3.8b")
                TB(4, 0, 1, "tbl v0.16b, {v4.16b, v5.16b, v6.16b, v7.16b}, v3.16b")
                TB(4, 1, 0, "tbx v0.8b, {v4.16b, v5.16b, v6.16b, v7.16b}, v3.8b")
                TB(4, 1, 1, "tbx v0.16b, {v4.16b, v5.16b, v6.16b, v7.16b}, v3.16b")
#undef TB
                }
            }
        }
    }
    /* A list wrapping from V31 to V0, with the index also the destination. */
    fill();
    {
        u8 tab2[2][16];
        for (int i = 0; i < 16; i++) {
            tab2[0][i] = tabs[0][i];
            tab2[1][i] = init[0][i];
            init[3][i] = idx_bytes[i];
        }
        for (int i = 0; i < 16; i++) {
            int k = idx_bytes[i];
            want[3][i] = k < 32 ? tab2[k / 16][k % 16] : 0;
        }
        __asm__ volatile(SET4 "ldr q31, [%[t]]\n\t"
                         "tbl v3.16b, {v31.16b, v0.16b}, v3.16b" GET4
                         : : [in] "r"(init), [out] "r"(outr), [t] "r"(tabs)
                         : "v0", "v1", "v2", "v3", "v31", "memory");
        check_regs("tbl v3.16b, {v31.16b, v0.16b}, v3.16b (wrap, d = m)");
    }
}

/* ---- reserved encodings (Rn = v1 / x1, Rd = v0, Rm = v2) ---- */

#define UNDEF(name, insn) do { \
        exc_expect(4); \
        __asm__ volatile(".inst " #insn ::: "v0", "memory"); \
        checkf(last_exc.count, 1, "%s (%s) is UNDEFINED", name, #insn); \
        checkf(last_exc.esr >> 26, 0, "%s: EC 0", name); \
    } while (0)

static void test_undef(void)
{
    UNDEF("dup (element) imm5 00000", 0x0e000420);
    UNDEF("dup (element) .1d (Q 0, size 3)", 0x0e080420);
    UNDEF("dup (general) .1d (Q 0, size 3)", 0x0e080c20);
    UNDEF("dup (general) imm5 x0000", 0x4e100c20);
    UNDEF("smov w from .s", 0x0e042c20);
    UNDEF("smov x from .d", 0x4e082c20);
    UNDEF("umov x from .b", 0x4e013c20);
    UNDEF("umov w from .d", 0x0e083c20);
    UNDEF("ins (element) with Q 0", 0x2e010420);
    UNDEF("ins (general) with Q 0", 0x0e011c20);
    UNDEF("copy imm4 0010", 0x0e011420);
    UNDEF("copy imm4 1111", 0x0e017c20);
    UNDEF("ins (general) imm5 x0000", 0x4e001c20);
    UNDEF("scalar dup imm5 00000", 0x5e000420);
    UNDEF("scalar copy imm4 0001", 0x5e010c20);
    UNDEF("scalar copy op 1", 0x7e010420);
    UNDEF("fmov (vector, immediate) .2d with Q 0", 0x2f00f400);
    UNDEF("fmov .h (o2 1): plumb has no FEAT_FP16; QEMU max has it and runs it", 0x0f00fc00);
    UNDEF("modified immediate o2 1, cmode 0000", 0x0f000c00);
    UNDEF("permute opcode 000", 0x0e020820);
    UNDEF("permute opcode 100", 0x4e024820);
    UNDEF("zip1 .1d (Q 0, size 3)", 0x0ec23820);
    UNDEF("ext .8b with imm4<3> set", 0x2e024020);
    UNDEF("ext op2 01", 0x2e420020);
    UNDEF("tbl op2 01", 0x0e420020);
}

static void set_fpen(u64 fpen)
{
    __asm__ volatile("msr cpacr_el1, %0; isb" :: "r"(fpen << 20));
}

static void test_trap(void)
{
    u64 x = 0x1234;

    set_fpen(0);
    exc_expect(4);
    __asm__ volatile("umov %w0, v1.h[3]" : "+r"(x));
    check("FPEN=0: umov traps (EC 0x07)", last_exc.esr >> 26, 7);
    check("FPEN=0: umov leaves its X register", x, 0x1234);
    exc_expect(4);
    __asm__ volatile("dup v0.4s, %w0" : : "r"(x) : "v0");
    check("FPEN=0: dup (general) traps", last_exc.esr >> 26, 7);
    exc_expect(4);
    __asm__ volatile("movi v0.2d, #0" : : : "v0");
    check("FPEN=0: movi traps", last_exc.esr >> 26, 7);
    exc_expect(4);
    __asm__ volatile("tbl v0.16b, {v1.16b}, v2.16b" : : : "v0");
    check("FPEN=0: tbl traps", last_exc.esr >> 26, 7);
    exc_expect(4);
    __asm__ volatile("zip2 v0.4s, v1.4s, v2.4s" : : : "v0");
    check("FPEN=0: zip2 traps", last_exc.esr >> 26, 7);
    exc_expect(4);
    __asm__ volatile(".inst 0x0e020820" : : : "v0");
    check("FPEN=0: reserved permute is UNDEFINED, not trapped",
          last_exc.esr >> 26, 0);
    set_fpen(3);
}

int main(void)
{
    test_set_prefix("simd-ldst-move: ");
    test_dup();
    test_ins();
    test_umov_smov();
    test_mov_scalar();
    test_modimm();
    test_perm();
    test_ext();
    test_tbl();
    test_tbl_big();
    test_undef();
    test_trap();
    test_exit();
}
