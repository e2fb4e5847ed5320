/*
 * simd-ldst-struct.c - the AdvSIMD structure loads and stores: LD1-LD4 /
 * ST1-ST4 multiple structures (LD1/ST1 of 1-4 registers) in every
 * arrangement, single structure to/from one lane at low and high indexes
 * of every size, LD1R-LD4R replicate, post-index by immediate (Rm = 31)
 * and by register, register lists wrapping from V31 to V0, Q=0 zeroing
 * bits [127:64] (but not for a single-lane load, which keeps the rest of
 * the register), a fault in the middle of a transfer (no base writeback),
 * and the reserved encodings (UNDEFINED).
 *
 * Expected values come from the Arm ARM's definition, written here as
 * where each memory element goes: LDn (n > 1) puts element e of register
 * s at memory element e * n + s; LD1 of r registers puts element e of
 * register r at memory element r * elements + e.
 */
#include "testlib.h"

#pragma GCC optimize("no-tree-vectorize")

static u8 mem[256] __attribute__((aligned(16)));
static u8 init[4][16] __attribute__((aligned(16)));    /* V0..V3 before */
static u8 outr[4][16] __attribute__((aligned(16)));    /* V0..V3 after */

static u8 pat(int i)
{
    return (u8)(0x5a + i * 0x3b);
}

static u8 rpat(int r, int i)
{
    return (u8)(0xa0 + r * 0x10 + i);
}

static void fill(void)
{
    for (int i = 0; i < (int)sizeof(mem); i++) {
        mem[i] = pat(i);
    }
    for (int r = 0; r < 4; r++) {
        for (int i = 0; i < 16; i++) {
            init[r][i] = rpat(r, i);
        }
    }
}

#define SET4 "ldr q0, [%[in]]\n\tldr q1, [%[in], #16]\n\t" \
             "ldr q2, [%[in], #32]\n\tldr q3, [%[in], #48]\n\t"
#define GET4 "\n\tstr q0, [%[out]]\n\tstr q1, [%[out], #16]\n\t" \
             "str q2, [%[out], #32]\n\tstr q3, [%[out], #48]"

/* Run @insn with V0..V3 = init, base %[b]; V0..V3 -> outr. */
#define RUN(insn, base) \
    __asm__ volatile(SET4 insn GET4 : [b] "+r"(base) \
                     : [in] "r"(init), [out] "r"(outr) \
                     : "v0", "v1", "v2", "v3", "memory")

/* Compare outr with @want (4 x 16 bytes); one check. */
static void check_regs(const char *name, u8 want[4][16])
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
    checkf(bad, (u64)-1, "%s: registers", name);
}

/* ---- multiple structures (loads from mem + 16) ---- */

static void want_mult(u8 want[4][16], int selem, int rpt, int esz, int q)
{
    int eb = 1 << esz, elements = (q ? 16 : 8) >> esz;
    for (int r = 0; r < 4; r++) {
        for (int p = 0; p < 16; p++) {
            int e = p >> esz, k;
            if (r >= selem * rpt) {
                want[r][p] = init[r][p];
                continue;
            }
            if (p >= (q ? 16 : 8)) {
                want[r][p] = 0;
                continue;
            }
            k = selem == 1 ? r * elements + e : e * selem + r;
            want[r][p] = mem[16 + k * eb + (p & (eb - 1))];
        }
    }
}

static void ld_mult_check(const char *name, int selem, int rpt, int esz, int q)
{
    u8 want[4][16];
    want_mult(want, selem, rpt, esz, q);
    check_regs(name, want);
}

#define L1(t) "{v0." t "}"
#define L2(t) "{v0." t ", v1." t "}"
#define L3(t) "{v0." t ", v1." t ", v2." t "}"
#define L4(t) "{v0." t ", v1." t ", v2." t ", v3." t "}"

#define LDM(mn, list, t, selem, rpt, esz, q) do { \
        u64 b_ = (u64)mem + 16; \
        RUN(mn " " list(t) ", [%[b]]", b_); \
        ld_mult_check(mn " " list(t), selem, rpt, esz, q); \
    } while (0)

#define LDM_ALL(mn, list, selem, rpt) do { \
        LDM(mn, list, "8b", selem, rpt, 0, 0); \
        LDM(mn, list, "16b", selem, rpt, 0, 1); \
        LDM(mn, list, "4h", selem, rpt, 1, 0); \
        LDM(mn, list, "8h", selem, rpt, 1, 1); \
        LDM(mn, list, "2s", selem, rpt, 2, 0); \
        LDM(mn, list, "4s", selem, rpt, 2, 1); \
        LDM(mn, list, "2d", selem, rpt, 3, 1); \
    } while (0)

static void test_ld_mult(void)
{
    fill();
    LDM_ALL("ld1", L1, 1, 1);
    LDM("ld1", L1, "1d", 1, 1, 3, 0);
    LDM_ALL("ld1", L2, 1, 2);
    LDM("ld1", L2, "1d", 1, 2, 3, 0);
    LDM_ALL("ld1", L3, 1, 3);
    LDM("ld1", L3, "1d", 1, 3, 3, 0);
    LDM_ALL("ld1", L4, 1, 4);
    LDM("ld1", L4, "1d", 1, 4, 3, 0);
    LDM_ALL("ld2", L2, 2, 1);
    LDM_ALL("ld3", L3, 3, 1);
    LDM_ALL("ld4", L4, 4, 1);
}

/* Memory after a store of selem * rpt registers from init. */
static void check_st_mult(const char *name, int selem, int rpt, int esz, int q,
                          int off)
{
    int eb = 1 << esz, elements = (q ? 16 : 8) >> esz;
    int total = selem * rpt * (q ? 16 : 8);
    int bad = -1;
    for (int i = 0; i < (int)sizeof(mem) && bad < 0; i++) {
        u8 want = pat(i);
        int k = (i - off) / eb;
        if (i >= off && i < off + total) {
            int r, e;
            if (selem == 1) {
                r = k / elements;
                e = k % elements;
            } else {
                r = k % selem;
                e = k / selem;
            }
            want = init[r][e * eb + (i - off) % eb];
        }
        if (mem[i] != want) {
            tprintf("# %s: byte %d is 0x%x, want 0x%x\n", name, i - off,
                    mem[i], want);
            bad = i;
        }
    }
    checkf(bad, (u64)-1, "%s: memory", name);
    fill();
}

#define STM(mn, list, t, selem, rpt, esz, q) do { \
        u64 b_ = (u64)mem + 32; \
        RUN(mn " " list(t) ", [%[b]]", b_); \
        check_st_mult(mn " " list(t), selem, rpt, esz, q, 32); \
    } while (0)

#define STM_ALL(mn, list, selem, rpt) do { \
        STM(mn, list, "8b", selem, rpt, 0, 0); \
        STM(mn, list, "16b", selem, rpt, 0, 1); \
        STM(mn, list, "4h", selem, rpt, 1, 0); \
        STM(mn, list, "8h", selem, rpt, 1, 1); \
        STM(mn, list, "2s", selem, rpt, 2, 0); \
        STM(mn, list, "4s", selem, rpt, 2, 1); \
        STM(mn, list, "2d", selem, rpt, 3, 1); \
    } while (0)

static void test_st_mult(void)
{
    fill();
    STM_ALL("st1", L1, 1, 1);
    STM("st1", L1, "1d", 1, 1, 3, 0);
    STM_ALL("st1", L2, 1, 2);
    STM_ALL("st1", L3, 1, 3);
    STM("st1", L3, "1d", 1, 3, 3, 0);
    STM_ALL("st1", L4, 1, 4);
    STM_ALL("st2", L2, 2, 1);
    STM_ALL("st3", L3, 3, 1);
    STM_ALL("st4", L4, 4, 1);
}

static void test_post_index(void)
{
    u64 b, step;

    fill();
    b = (u64)mem + 16;
    RUN("ld1 {v0.16b, v1.16b}, [%[b]], #32", b);
    ld_mult_check("ld1 2 regs post-index #32", 1, 2, 0, 1);
    check("ld1 post-index #32 writeback", b, (u64)mem + 48);
    b = (u64)mem + 16;
    RUN("ld4 {v0.4h, v1.4h, v2.4h, v3.4h}, [%[b]], #32", b);
    ld_mult_check("ld4 4h post-index #32", 4, 1, 1, 0);
    check("ld4 post-index #32 writeback", b, (u64)mem + 48);
    b = (u64)mem + 16;
    RUN("ld1 {v0.1d}, [%[b]], #8", b);
    check("ld1 1d post-index #8 writeback", b, (u64)mem + 24);
    b = (u64)mem + 16;
    step = (u64)-40;
    __asm__ volatile(SET4 "ld3 {v0.2s, v1.2s, v2.2s}, [%[b]], %[s]" GET4
                     : [b] "+r"(b) : [in] "r"(init), [out] "r"(outr),
                       [s] "r"(step) : "v0", "v1", "v2", "v3", "memory");
    ld_mult_check("ld3 2s post-index by register", 3, 1, 2, 0);
    check("ld3 post-index by register writeback", b, (u64)mem + 16 - 40);
    b = (u64)mem + 32;
    step = 5;
    __asm__ volatile(SET4 "st2 {v0.8h, v1.8h}, [%[b]], %[s]" GET4
                     : [b] "+r"(b) : [in] "r"(init), [out] "r"(outr),
                       [s] "r"(step) : "v0", "v1", "v2", "v3", "memory");
    check("st2 post-index by register writeback", b, (u64)mem + 37);
    check_st_mult("st2 8h post-index by register", 2, 1, 1, 1, 32);
    b = (u64)mem + 32;
    RUN("st1 {v0.2d, v1.2d, v2.2d}, [%[b]], #48", b);
    check("st1 2d post-index #48 writeback", b, (u64)mem + 80);
    check_st_mult("st1 2d x3 post-index", 1, 3, 3, 1, 32);
    b = (u64)mem + 32;
    RUN("st4 {v0.8b, v1.8b, v2.8b, v3.8b}, [%[b]], #32", b);
    check("st4 8b post-index #32 writeback", b, (u64)mem + 64);
    check_st_mult("st4 8b post-index", 4, 1, 0, 0, 32);
}

/* V30, V31, V0, V1: register numbers wrap modulo 32. */
static void test_wrap(void)
{
    u8 want[4][16];
    u64 b = (u64)mem + 16;

    fill();
    __asm__ volatile("ldr q30, [%[in]]\n\tldr q31, [%[in], #16]\n\t"
                     "ldr q0, [%[in], #32]\n\tldr q1, [%[in], #48]\n\t"
                     "ld4 {v30.8h, v31.8h, v0.8h, v1.8h}, [%[b]]\n\t"
                     "str q30, [%[out]]\n\tstr q31, [%[out], #16]\n\t"
                     "str q0, [%[out], #32]\n\tstr q1, [%[out], #48]"
                     : : [b] "r"(b), [in] "r"(init), [out] "r"(outr)
                     : "v0", "v1", "v30", "v31", "memory");
    want_mult(want, 4, 1, 1, 1);
    check_regs("ld4 {v30-v1} wraps", want);
    b = (u64)mem + 32;
    __asm__ volatile("ldr q31, [%[in]]\n\tldr q0, [%[in], #16]\n\t"
                     "st1 {v31.16b, v0.16b}, [%[b]]"
                     : : [b] "r"(b), [in] "r"(init)
                     : "v0", "v31", "memory");
    check_st_mult("st1 {v31, v0} wraps", 1, 2, 0, 1, 32);
}

/* ---- single structures ---- */

/* Lane @idx of registers 0..selem-1 loaded from memory at @off. */
static void check_ld_single(const char *name, int selem, int esz, int idx,
                            int off)
{
    u8 want[4][16];
    int eb = 1 << esz;
    for (int r = 0; r < 4; r++) {
        for (int p = 0; p < 16; p++) {
            want[r][p] = init[r][p];
            if (r < selem && p >= idx * eb && p < (idx + 1) * eb) {
                want[r][p] = mem[off + r * eb + (p - idx * eb)];
            }
        }
    }
    check_regs(name, want);
}

#define S1(t, i) "{v0." t "}[" #i "]"
#define S2(t, i) "{v0." t ", v1." t "}[" #i "]"
#define S3(t, i) "{v0." t ", v1." t ", v2." t "}[" #i "]"
#define S4(t, i) "{v0." t ", v1." t ", v2." t ", v3." t "}[" #i "]"

#define LDS(n, list, t, esz, i) do { \
        u64 b_ = (u64)mem + 64; \
        RUN("ld" #n " " list(t, i) ", [%[b]]", b_); \
        check_ld_single("ld" #n " " list(t, i), n, esz, i, 64); \
    } while (0)

#define LDS_N(n, list) do { \
        LDS(n, list, "b", 0, 0); \
        LDS(n, list, "b", 0, 5); \
        LDS(n, list, "b", 0, 15); \
        LDS(n, list, "h", 1, 2); \
        LDS(n, list, "h", 1, 7); \
        LDS(n, list, "s", 2, 1); \
        LDS(n, list, "s", 2, 3); \
        LDS(n, list, "d", 3, 0); \
        LDS(n, list, "d", 3, 1); \
    } while (0)

static void check_st_single(const char *name, int selem, int esz, int idx,
                            int off)
{
    int eb = 1 << esz, bad = -1;
    for (int i = 0; i < (int)sizeof(mem) && bad < 0; i++) {
        u8 want = pat(i);
        if (i >= off && i < off + selem * eb) {
            want = init[(i - off) / eb][idx * eb + (i - off) % eb];
        }
        if (mem[i] != want) {
            bad = i;
        }
    }
    checkf(bad, (u64)-1, "%s: memory", name);
    fill();
}

#define STS(n, list, t, esz, i) do { \
        u64 b_ = (u64)mem + 64; \
        RUN("st" #n " " list(t, i) ", [%[b]]", b_); \
        check_st_single("st" #n " " list(t, i), n, esz, i, 64); \
    } while (0)

#define STS_N(n, list) do { \
        STS(n, list, "b", 0, 0); \
        STS(n, list, "b", 0, 9); \
        STS(n, list, "h", 1, 0); \
        STS(n, list, "h", 1, 5); \
        STS(n, list, "s", 2, 2); \
        STS(n, list, "d", 3, 1); \
    } while (0)

static void test_single(void)
{
    u64 b, step;

    fill();
    LDS_N(1, S1);
    LDS_N(2, S2);
    LDS_N(3, S3);
    LDS_N(4, S4);
    STS_N(1, S1);
    STS_N(2, S2);
    STS_N(3, S3);
    STS_N(4, S4);

    b = (u64)mem + 64;
    RUN("ld3 {v0.h, v1.h, v2.h}[6], [%[b]], #6", b);
    check_ld_single("ld3 h[6] post-index #6", 3, 1, 6, 64);
    check("ld3 single post-index #6 writeback", b, (u64)mem + 70);
    b = (u64)mem + 64;
    step = 0x100;
    __asm__ volatile(SET4 "ld1 {v0.d}[1], [%[b]], %[s]" GET4
                     : [b] "+r"(b) : [in] "r"(init), [out] "r"(outr),
                       [s] "r"(step) : "v0", "v1", "v2", "v3", "memory");
    check_ld_single("ld1 d[1] post-index by register", 1, 3, 1, 64);
    check("ld1 single post-index by register writeback", b, (u64)mem + 0x140);
    b = (u64)mem + 64;
    RUN("st4 {v0.s, v1.s, v2.s, v3.s}[3], [%[b]], #16", b);
    check("st4 single post-index #16 writeback", b, (u64)mem + 80);
    check_st_single("st4 s[3] post-index", 4, 2, 3, 64);
    b = (u64)mem + 64;
    step = (u64)-64;
    __asm__ volatile(SET4 "st2 {v0.b, v1.b}[13], [%[b]], %[s]" GET4
                     : [b] "+r"(b) : [in] "r"(init), [out] "r"(outr),
                       [s] "r"(step) : "v0", "v1", "v2", "v3", "memory");
    check("st2 single post-index by register writeback", b, (u64)mem);
    check_st_single("st2 b[13] post-index by register", 2, 0, 13, 64);
}

/* ---- load and replicate ---- */

static void check_ldr(const char *name, int selem, int esz, int q, int off)
{
    u8 want[4][16];
    int eb = 1 << esz;
    for (int r = 0; r < 4; r++) {
        for (int p = 0; p < 16; p++) {
            if (r >= selem) {
                want[r][p] = init[r][p];
            } else if (p >= (q ? 16 : 8)) {
                want[r][p] = 0;
            } else {
                want[r][p] = mem[off + r * eb + p % eb];
            }
        }
    }
    check_regs(name, want);
}

#define LDR_R(n, list, t, esz, q) do { \
        u64 b_ = (u64)mem + 128; \
        RUN("ld" #n "r " list(t) ", [%[b]]", b_); \
        check_ldr("ld" #n "r " list(t), n, esz, q, 128); \
    } while (0)

#define LDR_ALL(n, list) do { \
        LDR_R(n, list, "8b", 0, 0); \
        LDR_R(n, list, "16b", 0, 1); \
        LDR_R(n, list, "4h", 1, 0); \
        LDR_R(n, list, "8h", 1, 1); \
        LDR_R(n, list, "2s", 2, 0); \
        LDR_R(n, list, "4s", 2, 1); \
        LDR_R(n, list, "1d", 3, 0); \
        LDR_R(n, list, "2d", 3, 1); \
    } while (0)

static void test_replicate(void)
{
    u64 b, step;

    fill();
    LDR_ALL(1, L1);
    LDR_ALL(2, L2);
    LDR_ALL(3, L3);
    LDR_ALL(4, L4);
    b = (u64)mem + 128;
    RUN("ld2r {v0.4s, v1.4s}, [%[b]], #8", b);
    check_ldr("ld2r 4s post-index #8", 2, 2, 1, 128);
    check("ld2r post-index #8 writeback", b, (u64)mem + 136);
    b = (u64)mem + 128;
    step = 3;
    __asm__ volatile(SET4 "ld4r {v0.8b, v1.8b, v2.8b, v3.8b}, [%[b]], %[s]" GET4
                     : [b] "+r"(b) : [in] "r"(init), [out] "r"(outr),
                       [s] "r"(step) : "v0", "v1", "v2", "v3", "memory");
    check_ldr("ld4r 8b post-index by register", 4, 0, 0, 128);
    check("ld4r post-index by register writeback", b, (u64)mem + 131);
}

/* ---- a fault part way through: past the end of RAM (128 MiB) ---- */

#define RAM_END 0x48000000ul

static void test_fault(void)
{
    u64 b = RAM_END - 32;

    for (int i = 0; i < 32; i++) {
        ((volatile u8 *)b)[i] = (u8)i;
    }
    fill();
    exc_expect(4);
    RUN("ld1 {v0.16b, v1.16b, v2.16b, v3.16b}, [%[b]], #64", b);
    check("ld1 x4 across the end of RAM faults", last_exc.count, 1);
    check("ld1 x4 fault: data abort, external (EC 0x25 DFSC 0x10)",
          last_exc.esr & 0xfc00003ful, 0x94000010ul);
    check("ld1 x4 fault: FAR is the first byte past RAM", last_exc.far,
          RAM_END);
    check("ld1 x4 fault: no base writeback", b, RAM_END - 32);
    exc_expect(4);
    RUN("st2 {v0.4s, v1.4s}, [%[b]], #32", b);
    check("st2 ending at the end of RAM does not fault", last_exc.count, 0);
    exc_expect(0);
    __asm__ volatile("svc #0");
    b = RAM_END - 6;
    exc_expect(4);
    RUN("ld4r {v0.8h, v1.8h, v2.8h, v3.8h}, [%[b]], #8", b);
    check("ld4r across the end of RAM faults", last_exc.count, 1);
    check("ld4r fault: FAR", last_exc.far, RAM_END);
    check("ld4r fault: no base writeback", b, RAM_END - 6);
    b = RAM_END - 8;
    exc_expect(4);
    RUN("st3 {v0.s, v1.s, v2.s}[1], [%[b]], #12", b);
    check("st3 single across the end of RAM faults", last_exc.count, 1);
    check("st3 single fault: FAR", last_exc.far, RAM_END);
    check("st3 single fault: no base writeback", b, RAM_END - 8);
}

/* ---- reserved encodings (Rn = x1 -> mem, Rt = v0) ---- */

#define UNDEF(name, insn) do { \
        exc_expect(4); \
        __asm__ volatile("mov x1, %0\n\t.inst " #insn \
                         : : "r"(mem) : "x1", "v0", "v1", "v2", "v3", "memory"); \
        checkf(last_exc.count, 1, "%s (%s) is UNDEFINED", name, #insn); \
        checkf(last_exc.esr >> 26, 0, "%s: EC 0", name); \
    } while (0)

static void test_undef(void)
{
    UNDEF("ld multiple opcode 0001", 0x0c401020);
    UNDEF("ld multiple opcode 1111", 0x0c40f020);
    UNDEF("ld4 .1d (size 11, Q 0)", 0x0c400c20);
    UNDEF("st2 .1d (size 11, Q 0)", 0x0c008c20);
    UNDEF("ld1 multiple, no offset, bits 20:16 not zero", 0x0c417020);
    UNDEF("ld1 multiple post-index with bit 21 set", 0x0ce07020);
    UNDEF("ld1 single .h with size<0> set", 0x0d404420);
    UNDEF("ld1 single scale 2 size 10", 0x0d408820);
    UNDEF("ld1 single .d with S set", 0x0d409420);
    UNDEF("ld1r with S set", 0x0d40d020);
    UNDEF("st1r (replicate store)", 0x0d00c020);
    UNDEF("ld1 single, no offset, bits 20:16 not zero", 0x0d430020);
}

static void set_fpen(u64 fpen)
{
    __asm__ volatile("msr cpacr_el1, %0; isb" :: "r"(fpen << 20));
}

/* CPACR_EL1.FPEN = 0: the allocated forms trap (EC 0x07) before any
 * access or writeback; a reserved one is still UNDEFINED. */
static void test_trap(void)
{
    u64 b = (u64)mem + 64, m = 16;

    set_fpen(0);
    exc_expect(4);
    __asm__ volatile("ld1 {v0.16b, v1.16b}, [%0], #32" : "+r"(b) : : "v0",
                     "v1", "memory");
    check("FPEN=0: ld1 multiple traps (EC 0x07)", last_exc.esr >> 26, 7);
    check("FPEN=0: ld1 multiple, no writeback", b, (u64)mem + 64);
    exc_expect(4);
    __asm__ volatile("st4 {v0.s, v1.s, v2.s, v3.s}[1], [%0], %1" : "+r"(b)
                     : "r"(m) : "memory");
    check("FPEN=0: st4 single traps (EC 0x07)", last_exc.esr >> 26, 7);
    check("FPEN=0: st4 single, no writeback", b, (u64)mem + 64);
    exc_expect(4);
    __asm__ volatile("ld3r {v0.4s, v1.4s, v2.4s}, [%0]" : : "r"(b)
                     : "v0", "v1", "v2", "memory");
    check("FPEN=0: ld3r traps (EC 0x07)", last_exc.esr >> 26, 7);
    exc_expect(4);
    __asm__ volatile("mov x1, %0\n\t.inst 0x0c400c20" : : "r"(mem)
                     : "x1", "v0", "memory");
    check("FPEN=0: reserved ld4 .1d is UNDEFINED, not trapped",
          last_exc.esr >> 26, 0);
    set_fpen(3);
}

int main(void)
{
    test_set_prefix("simd-ldst-struct: ");
    test_ld_mult();
    test_st_mult();
    test_post_index();
    test_wrap();
    test_single();
    test_replicate();
    test_fault();
    test_undef();
    test_trap();
    test_exit();
}
