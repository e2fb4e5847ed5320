/*
 * simd-ldst-widths.c - how each SIMD&FP load/store form reaches a device
 * (hw/misc/ram-device-testdev.c's access log; see widths.c for the
 * integer forms and docs/devel/a64-difftest.md for the device):
 *
 *   LDR/STR B/H/S/D       one access of the register size
 *   LDR/STR Q             two 8-byte accesses, low half first
 *   LDP/STP S/D/Q         each register as above, in address order
 *   LD1-LD4/ST1-ST4       one access per element, of the element size, in
 *   (multiple, single,    the order of the Arm ARM's element loop (each
 *   replicate)            element is single-copy atomic, and Device-nG
 *                         memory must see the accesses the program asks
 *                         for: none are merged)
 *
 * and, the MMU being off (all data memory Device-nGnRnE): a misaligned
 * access (to the element size; 16 for Q) is an Alignment fault with
 * nothing reaching the device. A multiple-structure load that faults part
 * way (the end of RAM) leaves every destination register unchanged
 * (plumb's choice: the Arm ARM makes them UNKNOWN).
 *
 * Needs -device ram-device-testdev,addr=0x0c000000,size=0x2000 (runner:
 * tests/guest/aarch64-diff/run-widths.sh); plumb only.
 */
#include "testlib.h"

#pragma GCC optimize("no-tree-vectorize")

#define DEV_BASE    0x0c000000ul
#define DEV_SIZE    0x2000ul
#define WIN         (DEV_BASE + DEV_SIZE)
#define W_COUNT     0x00
#define W_INDEX     0x08
#define W_OFFSET    0x10
#define W_INFO      0x18
#define W_VALUE     0x20
#define W_LOST      0x28
#define W_BUFSIZE   0x30

struct acc {
    u64 off;
    u64 size;
    u64 wr;
    u64 val;
};

static inline u64 win_rd(u64 reg)
{
    return *(volatile u64 *)(WIN + reg);
}

static inline void win_wr(u64 reg, u64 v)
{
    *(volatile u64 *)(WIN + reg) = v;
}

static void log_clear(void)
{
    win_wr(W_COUNT, 0);
    __asm__ volatile("" ::: "memory");
}

static u8 pat(u64 off)
{
    return (u8)(0x81 + off * 0x1d);
}

static u64 patv(u64 off, u64 size)
{
    u64 v = 0;
    for (u64 i = 0; i < size; i++) {
        v |= (u64)pat(off + i) << (8 * i);
    }
    return v;
}

static void fill(void)
{
    for (u64 o = 0; o < DEV_SIZE; o += 8) {
        *(volatile u64 *)(DEV_BASE + o) = patv(o, 8);
    }
    log_clear();
}

static int expect_log(const char *form, const struct acc *exp, int n)
{
    u64 count = win_rd(W_COUNT);
    int bad = -1;

    if (win_rd(W_LOST)) {
        bad = 0;
    }
    for (int i = 0; bad < 0 && i < n && (u64)i < count; i++) {
        win_wr(W_INDEX, i);
        u64 off = win_rd(W_OFFSET), info = win_rd(W_INFO);
        u64 val = win_rd(W_VALUE);
        if (off != exp[i].off || (info & 0xff) != exp[i].size ||
            (info >> 8) != exp[i].wr || val != exp[i].val) {
            tprintf("# %s: access %d is %s of %lu bytes at 0x%lx value 0x%lx;"
                    " want %s of %lu bytes at 0x%lx value 0x%lx\n", form, i,
                    (info >> 8) ? "write" : "read", info & 0xff, off, val,
                    exp[i].wr ? "write" : "read", exp[i].size, exp[i].off,
                    exp[i].val);
            bad = i;
        }
    }
    if (bad < 0 && count != (u64)n) {
        tprintf("# %s: %lu accesses reached the device, want %d\n", form,
                count, n);
        bad = n;
    }
    log_clear();
    return checkf(bad < 0, 1, "%s reaches the device as %d piece%s", form, n,
                  n == 1 ? "" : "s");
}

/* Reads of @n consecutive @size-byte pieces from @off. */
static void expect_reads(const char *form, u64 off, u64 size, int n)
{
    struct acc e[64];
    for (int i = 0; i < n; i++) {
        e[i] = (struct acc){ off + i * size, size, 0, patv(off + i * size, size) };
    }
    expect_log(form, e, n);
}

/* Writes of @n consecutive @size-byte pieces from @off whose values are
 * the bytes of @src in order. */
static void expect_writes(const char *form, u64 off, u64 size, int n,
                          const u8 *src)
{
    struct acc e[64];
    for (int i = 0; i < n; i++) {
        u64 v = 0;
        for (u64 b = 0; b < size; b++) {
            v |= (u64)src[i * size + b] << (8 * b);
        }
        e[i] = (struct acc){ off + i * size, size, 1, v };
    }
    expect_log(form, e, n);
}

static u8 regs[4][16] __attribute__((aligned(16)));
static u8 outr[4][16] __attribute__((aligned(16)));

static void set_regs(void)
{
    for (int r = 0; r < 4; r++) {
        for (int i = 0; i < 16; i++) {
            regs[r][i] = (u8)(0x10 * (r + 1) + i);
        }
    }
}

#define SET4 "ldr q0, [%[in]]\n\tldr q1, [%[in], #16]\n\t" \
             "ldr q2, [%[in], #32]\n\tldr q3, [%[in], #48]\n\t"
#define GET4 "\n\tstr q0, [%[out]]\n\tstr q1, [%[out], #16]\n\t" \
             "str q2, [%[out], #32]\n\tstr q3, [%[out], #48]"
#define RUN(insn, addr) do { \
        u64 a_ = (addr); \
        log_clear(); \
        __asm__ volatile(SET4 insn GET4 : [b] "+r"(a_) \
                         : [in] "r"(regs), [out] "r"(outr) \
                         : "v0", "v1", "v2", "v3", "memory"); \
    } while (0)

/* ---- single registers and pairs ---- */

static void test_single_regs(void)
{
    u8 lo[16];

    fill();
    set_regs();
    RUN("ldr b0, [%[b], #0x11]", DEV_BASE);
    expect_reads("ldr b", 0x11, 1, 1);
    RUN("ldr h0, [%[b], #0x22]", DEV_BASE);
    expect_reads("ldr h", 0x22, 2, 1);
    RUN("ldr s0, [%[b], #0x44]", DEV_BASE);
    expect_reads("ldr s", 0x44, 4, 1);
    RUN("ldr d0, [%[b], #0x88]", DEV_BASE);
    expect_reads("ldr d", 0x88, 8, 1);
    RUN("ldr q0, [%[b], #0x90]", DEV_BASE);
    expect_reads("ldr q (two doublewords, low first)", 0x90, 8, 2);
    check("ldr q value low", ((u64 *)outr[0])[0], patv(0x90, 8));
    check("ldr q value high", ((u64 *)outr[0])[1], patv(0x98, 8));
    RUN("ldur q0, [%[b], #-16]", DEV_BASE + 0x110);
    expect_reads("ldur q", 0x100, 8, 2);
    RUN("ldr s0, [%[b], #4]!", DEV_BASE + 0x100);
    expect_reads("ldr s pre-index", 0x104, 4, 1);
    RUN("ldr h0, [%[b]], #2", DEV_BASE + 0x102);
    expect_reads("ldr h post-index", 0x102, 2, 1);
    {
        u64 idx = 3;
        log_clear();
        __asm__ volatile("ldr d0, [%0, %1, lsl #3]" : : "r"(DEV_BASE),
                         "r"(idx) : "v0", "memory");
        expect_reads("ldr d register offset", 0x18, 8, 1);
    }

    for (int i = 0; i < 16; i++) {
        lo[i] = regs[0][i];
    }
    RUN("str b0, [%[b], #0x201]", DEV_BASE);
    expect_writes("str b", 0x201, 1, 1, lo);
    RUN("str h0, [%[b], #0x202]", DEV_BASE);
    expect_writes("str h", 0x202, 2, 1, lo);
    RUN("str s0, [%[b], #0x204]", DEV_BASE);
    expect_writes("str s", 0x204, 4, 1, lo);
    RUN("str d0, [%[b], #0x208]", DEV_BASE);
    expect_writes("str d", 0x208, 8, 1, lo);
    RUN("str q0, [%[b], #0x210]", DEV_BASE);
    expect_writes("str q (two doublewords, low first)", 0x210, 8, 2, lo);
    RUN("stur q0, [%[b], #-32]", DEV_BASE + 0x240);
    expect_writes("stur q", 0x220, 8, 2, lo);
}

static void test_pairs(void)
{
    u8 two[32];

    fill();
    set_regs();
    RUN("ldp s0, s1, [%[b], #0x40]", DEV_BASE);
    expect_reads("ldp s", 0x40, 4, 2);
    RUN("ldp d0, d1, [%[b], #0x50]", DEV_BASE);
    expect_reads("ldp d", 0x50, 8, 2);
    RUN("ldp q0, q1, [%[b], #0x60]", DEV_BASE);
    expect_reads("ldp q (four doublewords in address order)", 0x60, 8, 4);
    RUN("ldnp q0, q1, [%[b]]", DEV_BASE + 0xff0);
    expect_reads("ldnp q across a page boundary", 0xff0, 8, 4);
    check("ldnp q across pages: second register high",
          ((u64 *)outr[1])[1], patv(0x1008, 8));
    for (int i = 0; i < 16; i++) {
        two[i] = regs[0][i];
        two[16 + i] = regs[1][i];
    }
    RUN("stp q0, q1, [%[b], #0x300]", DEV_BASE);
    expect_writes("stp q", 0x300, 8, 4, two);
    for (int i = 0; i < 4; i++) {
        two[i] = regs[0][i];
        two[4 + i] = regs[1][i];
    }
    RUN("stp s0, s1, [%[b], #-8]!", DEV_BASE + 0x330);
    expect_writes("stp s pre-index", 0x328, 4, 2, two);
    for (int i = 0; i < 8; i++) {
        two[i] = regs[0][i];
        two[8 + i] = regs[1][i];
    }
    RUN("stnp d0, d1, [%[b], #0x40]", DEV_BASE + 0x300);
    expect_writes("stnp d", 0x340, 8, 2, two);
}

/* ---- structures: one access per element ---- */

static void test_structs(void)
{
    u8 img[64];

    fill();
    set_regs();
    RUN("ld1 {v0.16b}, [%[b]]", DEV_BASE + 0x400);
    expect_reads("ld1 {v0.16b} (16 bytes)", 0x400, 1, 16);
    check("ld1 {v0.16b} value", ((u64 *)outr[0])[1], patv(0x408, 8));
    RUN("ld1 {v0.8b}, [%[b]]", DEV_BASE + 0x401);
    expect_reads("ld1 {v0.8b} at an odd address (8 bytes)", 0x401, 1, 8);
    RUN("ld1 {v0.8h, v1.8h}, [%[b]]", DEV_BASE + 0x420);
    expect_reads("ld1 {v0.8h, v1.8h} (16 halfwords)", 0x420, 2, 16);
    RUN("ld1 {v0.4s, v1.4s, v2.4s}, [%[b]], #48", DEV_BASE + 0x440);
    expect_reads("ld1 {3 x .4s} post-index (12 words)", 0x440, 4, 12);
    RUN("ld1 {v0.2d, v1.2d, v2.2d, v3.2d}, [%[b]]", DEV_BASE + 0x480);
    expect_reads("ld1 {4 x .2d} (8 doublewords)", 0x480, 8, 8);
    RUN("ld1 {v0.1d}, [%[b]]", DEV_BASE + 0x4c8);
    expect_reads("ld1 {v0.1d}", 0x4c8, 8, 1);
    RUN("ld2 {v0.16b, v1.16b}, [%[b]]", DEV_BASE + 0x500);
    expect_reads("ld2 {.16b} (32 bytes)", 0x500, 1, 32);
    RUN("ld3 {v0.4h, v1.4h, v2.4h}, [%[b]]", DEV_BASE + 0x530);
    expect_reads("ld3 {.4h} (12 halfwords)", 0x530, 2, 12);
    RUN("ld4 {v0.4s, v1.4s, v2.4s, v3.4s}, [%[b]]", DEV_BASE + 0x580);
    expect_reads("ld4 {.4s} (16 words)", 0x580, 4, 16);
    check("ld4 {.4s} de-interleaves: v1.s[2]", ((u32 *)outr[1])[2],
          patv(0x580 + 4 * (2 * 4 + 1), 4));
    RUN("ld4 {v0.2d, v1.2d, v2.2d, v3.2d}, [%[b]]", DEV_BASE + 0xfe0);
    expect_reads("ld4 {.2d} across a page boundary (8 doublewords)", 0xfe0, 8, 8);
    RUN("ld1 {v0.16b}, [%[b]]", DEV_BASE + 0xff9);
    expect_reads("ld1 {v0.16b} across a page boundary (16 bytes)", 0xff9, 1, 16);

    /* stores: memory image of the elements in element-loop order */
    for (int i = 0; i < 16; i++) {
        img[i] = regs[0][i];
    }
    RUN("st1 {v0.16b}, [%[b]]", DEV_BASE + 0x600);
    expect_writes("st1 {v0.16b} (16 bytes)", 0x600, 1, 16, img);
    RUN("st1 {v0.2s}, [%[b]]", DEV_BASE + 0x610);
    expect_writes("st1 {v0.2s} (2 words)", 0x610, 4, 2, img);
    for (int e = 0; e < 4; e++) {
        for (int r = 0; r < 2; r++) {
            for (int b = 0; b < 4; b++) {
                img[(e * 2 + r) * 4 + b] = regs[r][e * 4 + b];
            }
        }
    }
    RUN("st2 {v0.4s, v1.4s}, [%[b]]", DEV_BASE + 0x620);
    expect_writes("st2 {.4s} (8 words, interleaved)", 0x620, 4, 8, img);
    for (int e = 0; e < 8; e++) {
        for (int r = 0; r < 4; r++) {
            img[e * 4 + r] = regs[r][e];
        }
    }
    RUN("st4 {v0.8b, v1.8b, v2.8b, v3.8b}, [%[b]], #32", DEV_BASE + 0x640);
    expect_writes("st4 {.8b} post-index (32 bytes, interleaved)", 0x640, 1, 32,
                  img);
    for (int r = 0; r < 2; r++) {
        for (int i = 0; i < 16; i++) {
            img[r * 16 + i] = regs[r][i];
        }
    }
    RUN("st1 {v0.2d, v1.2d}, [%[b]]", DEV_BASE + 0x680);
    expect_writes("st1 {2 x .2d} (4 doublewords)", 0x680, 8, 4, img);

    /* single structures and replicate: one access per element */
    RUN("ld1 {v0.s}[3], [%[b]]", DEV_BASE + 0x704);
    expect_reads("ld1 {v0.s}[3]", 0x704, 4, 1);
    RUN("ld3 {v0.h, v1.h, v2.h}[5], [%[b]]", DEV_BASE + 0x712);
    expect_reads("ld3 {.h}[5] (3 halfwords)", 0x712, 2, 3);
    RUN("ld4 {v0.d, v1.d, v2.d, v3.d}[1], [%[b]]", DEV_BASE + 0x720);
    expect_reads("ld4 {.d}[1] (4 doublewords)", 0x720, 8, 4);
    RUN("ld2r {v0.8h, v1.8h}, [%[b]]", DEV_BASE + 0x742);
    expect_reads("ld2r {.8h} (2 halfwords)", 0x742, 2, 2);
    RUN("ld1r {v0.16b}, [%[b]]", DEV_BASE + 0x747);
    expect_reads("ld1r {.16b} (1 byte)", 0x747, 1, 1);
    RUN("ld4r {v0.2s, v1.2s, v2.2s, v3.2s}, [%[b]]", DEV_BASE + 0x750);
    expect_reads("ld4r {.2s} (4 words)", 0x750, 4, 4);
    for (int r = 0; r < 2; r++) {
        for (int b = 0; b < 2; b++) {
            img[r * 2 + b] = regs[r][6 * 2 + b];
        }
    }
    RUN("st2 {v0.h, v1.h}[6], [%[b]]", DEV_BASE + 0x780);
    expect_writes("st2 {.h}[6] (2 halfwords)", 0x780, 2, 2, img);
    for (int r = 0; r < 3; r++) {
        img[r] = regs[r][9];
    }
    RUN("st3 {v0.b, v1.b, v2.b}[9], [%[b]]", DEV_BASE + 0x791);
    expect_writes("st3 {.b}[9] (3 bytes)", 0x791, 1, 3, img);
}

/* ---- misaligned: Alignment fault, nothing reaches the device ---- */

static void check_align_fault(const char *form, u64 addr, int is_write)
{
    checkf(last_exc.count, 1, "%s faults", form);
    if (last_exc.count) {
        checkf(last_exc.esr >> 26, 0x25, "%s: data abort", form);
        checkf(last_exc.esr & 0x3f, 0x21, "%s: alignment fault", form);
        checkf((last_exc.esr >> 6) & 1, is_write, "%s: WnR", form);
        checkf(last_exc.far, addr, "%s: FAR", form);
    }
    expect_log(form, NULL, 0);
}

#define MISALIGNED(insn, off, is_write) do { \
        exc_expect(4); \
        RUN(insn, DEV_BASE + (off)); \
        check_align_fault(insn " at +" #off, DEV_BASE + (off), is_write); \
    } while (0)

static void test_misaligned(void)
{
    fill();
    set_regs();
    MISALIGNED("ldr h0, [%[b]]", 0x801, 0);
    MISALIGNED("ldr s0, [%[b]]", 0x802, 0);
    MISALIGNED("ldr d0, [%[b]]", 0x804, 0);
    MISALIGNED("ldr q0, [%[b]]", 0x808, 0);
    MISALIGNED("str q0, [%[b]]", 0x818, 1);
    MISALIGNED("ldp q0, q1, [%[b]]", 0x828, 0);
    MISALIGNED("stp s0, s1, [%[b]]", 0x832, 1);
    MISALIGNED("ld1 {v0.8h}, [%[b]]", 0x841, 0);
    MISALIGNED("ld1 {v0.2d, v1.2d}, [%[b]]", 0x844, 0);
    MISALIGNED("ld4 {v0.4s, v1.4s, v2.4s, v3.4s}, [%[b]]", 0x852, 0);
    MISALIGNED("st2 {v0.8h, v1.8h}, [%[b]]", 0x861, 1);
    MISALIGNED("st1 {v0.1d}, [%[b]]", 0x86c, 1);
    MISALIGNED("ld1 {v0.s}[1], [%[b]]", 0x871, 0);
    MISALIGNED("ld2r {v0.4h, v1.4h}, [%[b]]", 0x883, 0);
    MISALIGNED("st1 {v0.d}[0], [%[b]]", 0x894, 1);
}

/* ---- a load that faults part way leaves its registers alone ---- */

#define RAM_END 0x48000000ul

static void test_partial_fault(void)
{
    u64 b = RAM_END - 32;
    int same = 1;

    set_regs();
    for (int i = 0; i < 32; i++) {
        ((volatile u8 *)b)[i] = (u8)(0xe0 + i);
    }
    exc_expect(4);
    RUN("ld1 {v0.16b, v1.16b, v2.16b, v3.16b}, [%[b]]", b);
    check("ld1 x4 across the end of RAM faults", last_exc.count, 1);
    for (int i = 0; i < 64; i++) {
        same &= outr[i / 16][i % 16] == regs[i / 16][i % 16];
    }
    check_true("ld1 x4 faulting part way: no register changed", same);
    exc_expect(4);
    RUN("ld2 {v0.2d, v1.2d}, [%[b]]", RAM_END - 16);
    check("ld2 .2d across the end of RAM faults", last_exc.count, 1);
    same = 1;
    for (int i = 0; i < 64; i++) {
        same &= outr[i / 16][i % 16] == regs[i / 16][i % 16];
    }
    check_true("ld2 faulting part way: no register changed", same);
    exc_expect(4);
    RUN("ldp q0, q1, [%[b]]", RAM_END - 16);
    check("ldp q across the end of RAM faults", last_exc.count, 1);
    same = 1;
    for (int i = 0; i < 64; i++) {
        same &= outr[i / 16][i % 16] == regs[i / 16][i % 16];
    }
    check_true("ldp q faulting on the second register: no register changed",
               same);
}

int main(void)
{
    test_set_prefix("simd-ldst-widths: ");
    exc_expect(4);
    {
        u64 sz = win_rd(W_BUFSIZE);
        if (last_exc.count || sz != DEV_SIZE) {
            check("ram-device-testdev present at 0x0c000000 (-device "
                  "ram-device-testdev,addr=0x0c000000,size=0x2000)", 0, 1);
            test_exit();
        }
    }
    exc_expect(0);
    __asm__ volatile("svc #0" ::: "memory");
    test_single_regs();
    test_pairs();
    test_structs();
    test_misaligned();
    test_partial_fault();
    test_exit();
}
