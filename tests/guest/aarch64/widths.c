/*
 * widths.c - every A64 integer load/store form against a ram_device region
 * (hw/misc/ram-device-testdev.c), checking from the device's access log
 * that each instruction reached the device as the architecture's
 * single-copy-atomic pieces, in address order, never merged or split:
 * one access per single-register load/store of its own width, two for a
 * pair (LDP/STP), one 8-byte access for an exclusive pair of W registers
 * (it is single-copy atomic as a doubleword), a read then a write for an
 * atomic read-modify-write, and nothing at all for an access that faults.
 *
 * The MMU is off, so every data access is Device-nGnRnE and a misaligned
 * one is an Alignment fault (Arm ARM B2.5.2): the test checks the fault
 * (EC 0x25, DFSC 0x21, FAR) and that nothing reached the device.
 *
 * Needs -device ram-device-testdev,addr=0x0c000000,size=0x2000 (run-widths.sh in
 * tests/guest/aarch64-diff passes it); without the device every check
 * would fail, so the image says so once and stops.
 */
#include "testlib.h"

#define DEV_BASE    0x0c000000ul
#define DEV_SIZE    0x2000ul     /* two pages: pairs may cross */
#define WIN         (DEV_BASE + DEV_SIZE)
#define W_COUNT     0x00
#define W_INDEX     0x08
#define W_OFFSET    0x10
#define W_INFO      0x18
#define W_VALUE     0x20
#define W_LOST      0x28
#define W_BUFSIZE   0x30

#define ESR_EC(e)   (((e) >> 26) & 0x3f)
#define ESR_DFSC(e) ((e) & 0x3f)
#define ESR_WNR(e)  (((e) >> 6) & 1)
#define EC_DABT_SAME 0x25
#define DFSC_ALIGN  0x21

struct acc {
    u64 off;
    u64 size;
    u64 wr;
    u64 val;
};

#define RD(o, s, v) { (o), (s), 0, (v) }
#define WR(o, s, v) { (o), (s), 1, (v) }

static inline u64 win_rd(u64 reg)
{
    return *(volatile u64 *)(WIN + reg);
}

static inline void win_wr(u64 reg, u64 v)
{
    *(volatile u64 *)(WIN + reg) = v;
}

/* Consume an armed exc_expect() whose exception did not happen, so that a
 * later unexpected exception fails the test instead of being swallowed. */
static void exc_disarm(void)
{
    exc_expect(0);
    __asm__ volatile("svc #0" ::: "memory");
}

static void log_clear(void)
{
    win_wr(W_COUNT, 0);
    __asm__ volatile("" ::: "memory");
}

/* The bytes the buffer is filled with: high bits set so sign matters. */
static u8 pat(u64 off)
{
    return (u8)(0x81 + off * 0x1d);
}

/* Little-endian value of @size pattern bytes at @off. */
static u64 patv(u64 off, u64 size)
{
    u64 v = 0;
    for (u64 i = 0; i < size; i++) {
        v |= (u64)pat(off + i) << (8 * i);
    }
    return v;
}

static s64 sext(u64 v, int bits)
{
    return (s64)(v << (64 - bits)) >> (64 - bits);
}

static void fill(void)
{
    for (u64 o = 0; o < DEV_SIZE; o += 8) {
        *(volatile u64 *)(DEV_BASE + o) = patv(o, 8);
    }
    log_clear();
}

/* One check per form: the log must be exactly @exp[0..n). */
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
        for (u64 i = 0; i < count && i < 8; i++) {
            win_wr(W_INDEX, i);
            tprintf("#   %lu: %s size %lu off 0x%lx val 0x%lx\n", i,
                    (win_rd(W_INFO) >> 8) ? "W" : "R", win_rd(W_INFO) & 0xff,
                    win_rd(W_OFFSET), win_rd(W_VALUE));
        }
        bad = n;
    }
    log_clear();
    return checkf(bad < 0, 1, "%s reaches the device as %d piece%s", form, n,
                  n == 1 ? "" : "s");
}

#define EXPECT(form, ...) do { \
        static const struct acc e_[] = { __VA_ARGS__ }; \
        expect_log(form, e_, sizeof(e_) / sizeof(e_[0])); \
    } while (0)
#define EXPECT_NONE(form) expect_log(form, NULL, 0)

/* ---- single-register loads ---------------------------------------------- */

#define LOAD(mn, r, off, size, want_reg) do { \
        u64 r_; \
        log_clear(); \
        __asm__ volatile(mn " %" r "0, [%1, #" #off "]" \
                         : "=r"(r_) : "r"(DEV_BASE) : "memory"); \
        expect1(mn " " r " #" #off, off, size, 0, patv(off, size)); \
        checkf(r_, (want_reg), "%s value", mn " " r " #" #off); \
    } while (0)

static void expect1(const char *form, u64 off, u64 size, u64 wr, u64 val);

static void test_loads(void)
{
    LOAD("ldrb", "w", 0x11, 1, patv(0x11, 1));
    LOAD("ldrh", "w", 0x22, 2, patv(0x22, 2));
    LOAD("ldr", "w", 0x44, 4, patv(0x44, 4));
    LOAD("ldr", "x", 0x88, 8, patv(0x88, 8));
    LOAD("ldrsb", "w", 0x13, 1, (u32)sext(patv(0x13, 1), 8));
    LOAD("ldrsb", "x", 0x15, 1, (u64)sext(patv(0x15, 1), 8));
    LOAD("ldrsh", "w", 0x26, 2, (u32)sext(patv(0x26, 2), 16));
    LOAD("ldrsh", "x", 0x2a, 2, (u64)sext(patv(0x2a, 2), 16));
    LOAD("ldrsw", "x", 0x4c, 4, (u64)sext(patv(0x4c, 4), 32));
    LOAD("ldurb", "w", 0x31, 1, patv(0x31, 1));
    LOAD("ldurh", "w", 0x32, 2, patv(0x32, 2));
    LOAD("ldur", "w", 0x34, 4, patv(0x34, 4));
    LOAD("ldur", "x", 0x38, 8, patv(0x38, 8));
    LOAD("ldursb", "x", 0x39, 1, (u64)sext(patv(0x39, 1), 8));
    LOAD("ldursh", "w", 0x3a, 2, (u32)sext(patv(0x3a, 2), 16));
    LOAD("ldursw", "x", 0x3c, 4, (u64)sext(patv(0x3c, 4), 32));
    LOAD("ldtrb", "w", 0x41, 1, patv(0x41, 1));
    LOAD("ldtrh", "w", 0x42, 2, patv(0x42, 2));
    LOAD("ldtr", "w", 0x44, 4, patv(0x44, 4));
    LOAD("ldtr", "x", 0x48, 8, patv(0x48, 8));
    LOAD("ldtrsb", "x", 0x49, 1, (u64)sext(patv(0x49, 1), 8));
    LOAD("ldtrsh", "x", 0x4a, 2, (u64)sext(patv(0x4a, 2), 16));
    LOAD("ldtrsw", "x", 0x4c, 4, (u64)sext(patv(0x4c, 4), 32));

    /* register offset and index forms */
    {
        u64 r, base = DEV_BASE, idx = 0x20;
        __asm__ volatile("ldr %x0, [%1, %2, lsl #3]" : "=r"(r)
                         : "r"(base), "r"(idx) : "memory");
        expect1("ldr x, [xn, xm, lsl #3]", 0x100, 8, 0, patv(0x100, 8));
        check("ldr register offset value", r, patv(0x100, 8));
    }
}

/* Same as the macro above, but values depend on what was stored, so the
 * expectations are built at run time. */
static void expect1(const char *form, u64 off, u64 size, u64 wr, u64 val)
{
    struct acc e = { off, size, wr, val };
    expect_log(form, &e, 1);
}

static void expect2(const char *form, u64 off0, u64 off1, u64 size, u64 wr,
                    u64 v0, u64 v1)
{
    struct acc e[2] = { { off0, size, wr, v0 }, { off1, size, wr, v1 } };
    expect_log(form, e, 2);
}

static void test_index_forms(void)
{
    u64 r, base;

    fill();
    base = DEV_BASE + 0x200;
    __asm__ volatile("ldr %x0, [%1, #8]!" : "=r"(r), "+r"(base) : : "memory");
    expect1("ldr x, [xn, #8]!", 0x208, 8, 0, patv(0x208, 8));
    check("ldr pre-index writes back the base", base, DEV_BASE + 0x208);
    check("ldr pre-index value", r, patv(0x208, 8));

    __asm__ volatile("ldrh %w0, [%1], #-6" : "=r"(r), "+r"(base) : : "memory");
    expect1("ldrh w, [xn], #-6", 0x208, 2, 0, patv(0x208, 2));
    check("ldrh post-index writes back the base", base, DEV_BASE + 0x202);

    {
        u64 idx = 0xfffffffffffffffcul;   /* -4 as a W register: sxtw */
        base = DEV_BASE + 0x210;
        __asm__ volatile("ldrsw %x0, [%1, %w2, sxtw]" : "=r"(r)
                         : "r"(base), "r"(idx) : "memory");
        expect1("ldrsw x, [xn, wm, sxtw]", 0x20c, 4, 0, patv(0x20c, 4));
        check("ldrsw register offset value", r,
              (u64)sext(patv(0x20c, 4), 32));
        idx = 3;
        __asm__ volatile("ldrh %w0, [%1, %2, lsl #1]" : "=r"(r)
                         : "r"(base), "r"(idx) : "memory");
        expect1("ldrh w, [xn, xm, lsl #1]", 0x216, 2, 0, patv(0x216, 2));
    }
    base = DEV_BASE + 0x300;
    __asm__ volatile("strb %w1, [%0, #-1]!" : "+r"(base)
                     : "r"(0x1234567u) : "memory");
    expect1("strb w, [xn, #-1]!", 0x2ff, 1, 1, 0x67);
    __asm__ volatile("strb %w1, [%0], #16" : "+r"(base)
                     : "r"(0x0102030405060708ul) : "memory");
    expect1("strb w, [xn], #16", 0x2ff, 1, 1, 0x08);
    check("strb post-index writes back the base", base, DEV_BASE + 0x30f);
}

/* ---- single-register stores --------------------------------------------- */

#define STORE(mn, r, off, size, v) do { \
        u64 v_ = (v); \
        log_clear(); \
        __asm__ volatile(mn " %" r "0, [%1, #" #off "]" \
                         : : "r"(v_), "r"(DEV_BASE) : "memory"); \
        expect1(mn " " r " #" #off, off, size, 1, \
                size == 8 ? v_ : v_ & ((1ul << (8 * size)) - 1)); \
    } while (0)

static void test_stores(void)
{
    STORE("strb", "w", 0x101, 1, 0xa5a5a5a5a5a5a5f1ul);
    STORE("strh", "w", 0x102, 2, 0xa5a5a5a5a5a5f2f3ul);
    STORE("str", "w", 0x104, 4, 0xa5a5a5a5f4f5f6f7ul);
    STORE("str", "x", 0x108, 8, 0xf8f9fafbfcfdfefful);
    STORE("sturb", "w", 0xb1, 1, 0x11);
    STORE("sturh", "w", 0xb2, 2, 0x2222);
    STORE("stur", "w", 0xb4, 4, 0x44444444);
    STORE("stur", "x", 0xb8, 8, 0x8888888899999999ul);
    STORE("sttrb", "w", 0xc1, 1, 0x5a);
    STORE("sttrh", "w", 0xc2, 2, 0x5a5b);
    STORE("sttr", "w", 0xc4, 4, 0x5a5b5c5d);
    STORE("sttr", "x", 0xc8, 8, 0x5a5b5c5d5e5f6061ul);
    /* What a store left is what a load of another width sees, bytewise. */
    {
        u64 r;
        __asm__ volatile("ldr %x0, [%1, #0x100]" : "=r"(r) : "r"(DEV_BASE)
                         : "memory");
        check("stores of 1, 2 and 4 bytes landed at their offsets",
              r >> 8, 0xf4f5f6f7f2f3f1ul);
        log_clear();
    }
    {
        u64 base = DEV_BASE;
        u64 idx = 0x130;
        __asm__ volatile("str %w0, [%1, %2]" : : "r"(0xcafef00du), "r"(base),
                         "r"(idx) : "memory");
        expect1("str w, [xn, xm]", 0x130, 4, 1, 0xcafef00d);
    }
}

/* ---- pairs ---------------------------------------------------------------- */

static void test_pairs(void)
{
    u64 a, b, base;

    fill();
    __asm__ volatile("ldp %w0, %w1, [%2, #0x40]" : "=r"(a), "=r"(b)
                     : "r"(DEV_BASE) : "memory");
    expect2("ldp w", 0x40, 0x44, 4, 0, patv(0x40, 4), patv(0x44, 4));
    check("ldp w first", a, patv(0x40, 4));
    check("ldp w second", b, patv(0x44, 4));
    __asm__ volatile("ldp %x0, %x1, [%2, #0x50]" : "=r"(a), "=r"(b)
                     : "r"(DEV_BASE) : "memory");
    expect2("ldp x", 0x50, 0x58, 8, 0, patv(0x50, 8), patv(0x58, 8));
    check("ldp x second", b, patv(0x58, 8));
    __asm__ volatile("ldpsw %x0, %x1, [%2, #0x60]" : "=r"(a), "=r"(b)
                     : "r"(DEV_BASE) : "memory");
    expect2("ldpsw", 0x60, 0x64, 4, 0, patv(0x60, 4), patv(0x64, 4));
    check("ldpsw sign-extends", b, (u64)sext(patv(0x64, 4), 32));
    __asm__ volatile("ldnp %x0, %x1, [%2, #0x70]" : "=r"(a), "=r"(b)
                     : "r"(DEV_BASE) : "memory");
    expect2("ldnp x", 0x70, 0x78, 8, 0, patv(0x70, 8), patv(0x78, 8));
    base = DEV_BASE + 0x80;
    __asm__ volatile("ldp %w0, %w1, [%2], #8" : "=r"(a), "=r"(b), "+r"(base)
                     : : "memory");
    expect2("ldp w post-index", 0x80, 0x84, 4, 0, patv(0x80, 4),
            patv(0x84, 4));
    __asm__ volatile("ldp %x0, %x1, [%2, #-8]!" : "=r"(a), "=r"(b), "+r"(base)
                     : : "memory");
    expect2("ldp x pre-index", 0x80, 0x88, 8, 0, patv(0x80, 8),
            patv(0x88, 8));
    check("ldp pre-index writes back", base, DEV_BASE + 0x80);

    __asm__ volatile("stp %w0, %w1, [%2, #0xe0]" : : "r"(0x11111111u),
                     "r"(0x22222222u), "r"(DEV_BASE) : "memory");
    expect2("stp w", 0xe0, 0xe4, 4, 1, 0x11111111, 0x22222222);
    __asm__ volatile("stp %x0, %x1, [%2, #0x150]" : : "r"(0x3333333344444444ul),
                     "r"(0x5555555566666666ul), "r"(DEV_BASE) : "memory");
    expect2("stp x", 0x150, 0x158, 8, 1, 0x3333333344444444ul,
            0x5555555566666666ul);
    __asm__ volatile("stnp %w0, %w1, [%2, #0xf0]" : : "r"(1u), "r"(2u),
                     "r"(DEV_BASE) : "memory");
    expect2("stnp w", 0xf0, 0xf4, 4, 1, 1, 2);
    base = DEV_BASE + 0x170;
    __asm__ volatile("stp %x1, %x2, [%0, #16]!" : "+r"(base) : "r"(7ul),
                     "r"(8ul) : "memory");
    expect2("stp x pre-index", 0x180, 0x188, 8, 1, 7, 8);
    /* Both registers the same: still two accesses. */
    __asm__ volatile("stp %x0, %x0, [%1, #0x190]" : : "r"(9ul), "r"(DEV_BASE)
                     : "memory");
    expect2("stp x, x (same register)", 0x190, 0x198, 8, 1, 9, 9);
}

/*
 * A pair whose two elements sit in different pages: still two accesses of
 * the element size, first page first (the TLB looks up each page).
 */
static void test_pairs_across_pages(void)
{
    u64 a, b;

    fill();
    __asm__ volatile("ldp %x0, %x1, [%2]" : "=r"(a), "=r"(b)
                     : "r"(DEV_BASE + 0xff8) : "memory");
    expect2("ldp x across a page boundary", 0xff8, 0x1000, 8, 0,
            patv(0xff8, 8), patv(0x1000, 8));
    check("ldp x across pages, second register", b, patv(0x1000, 8));
    __asm__ volatile("ldp %w0, %w1, [%2]" : "=r"(a), "=r"(b)
                     : "r"(DEV_BASE + 0xffc) : "memory");
    expect2("ldp w across a page boundary", 0xffc, 0x1000, 4, 0,
            patv(0xffc, 4), patv(0x1000, 4));
    __asm__ volatile("stp %x0, %x1, [%2]" : : "r"(0x1111222233334444ul),
                     "r"(0x5555666677778888ul), "r"(DEV_BASE + 0xff8)
                     : "memory");
    expect2("stp x across a page boundary", 0xff8, 0x1000, 8, 1,
            0x1111222233334444ul, 0x5555666677778888ul);
}

/* ---- acquire/release and exclusives --------------------------------------- */

static void test_acqrel(void)
{
    u64 r, p;

    fill();
    p = DEV_BASE + 0x21;
    __asm__ volatile("ldarb %w0, [%1]" : "=r"(r) : "r"(p) : "memory");
    expect1("ldarb", 0x21, 1, 0, patv(0x21, 1));
    p = DEV_BASE + 0x22;
    __asm__ volatile("ldarh %w0, [%1]" : "=r"(r) : "r"(p) : "memory");
    expect1("ldarh", 0x22, 2, 0, patv(0x22, 2));
    p = DEV_BASE + 0x24;
    __asm__ volatile("ldar %w0, [%1]" : "=r"(r) : "r"(p) : "memory");
    expect1("ldar w", 0x24, 4, 0, patv(0x24, 4));
    p = DEV_BASE + 0x28;
    __asm__ volatile("ldar %x0, [%1]" : "=r"(r) : "r"(p) : "memory");
    expect1("ldar x", 0x28, 8, 0, patv(0x28, 8));
    check("ldar x value", r, patv(0x28, 8));
    p = DEV_BASE + 0x1a1;
    __asm__ volatile("stlrb %w0, [%1]" : : "r"(0xabu), "r"(p) : "memory");
    expect1("stlrb", 0x1a1, 1, 1, 0xab);
    p = DEV_BASE + 0x1a2;
    __asm__ volatile("stlrh %w0, [%1]" : : "r"(0xabcdu), "r"(p) : "memory");
    expect1("stlrh", 0x1a2, 2, 1, 0xabcd);
    p = DEV_BASE + 0x1a4;
    __asm__ volatile("stlr %w0, [%1]" : : "r"(0xabcdef01u), "r"(p) : "memory");
    expect1("stlr w", 0x1a4, 4, 1, 0xabcdef01);
    p = DEV_BASE + 0x1a8;
    __asm__ volatile("stlr %x0, [%1]" : : "r"(0x0123456789abcdeful), "r"(p)
                     : "memory");
    expect1("stlr x", 0x1a8, 8, 1, 0x0123456789abcdeful);
}

/*
 * A load-exclusive is one read; a successful store-exclusive is one write
 * and nothing else (a device with read side effects must not see a read
 * from it). A failed one does not access memory.
 */
#define EXCL(ld, st, reg, off, size, newv) do { \
        u64 r_, st_ = 9, p_ = DEV_BASE + (off); \
        __asm__ volatile(ld " %" reg "0, [%2]\n\t" \
                         st " %w1, %" reg "3, [%2]" \
                         : "=&r"(r_), "=&r"(st_) : "r"(p_), "r"((u64)(newv)) \
                         : "memory"); \
        struct acc e_[2] = { RD(off, size, patv(off, size)), \
                             WR(off, size, (u64)(newv) & \
                                (size == 8 ? ~0ul : (1ul << 8 * size) - 1)) }; \
        expect_log(ld "/" st, e_, 2); \
        check(st " succeeds", st_, 0); \
        check(ld " value", r_, patv(off, size)); \
    } while (0)

static void test_exclusives(void)
{
    u64 a, b, st, p;

    fill();
    EXCL("ldxrb", "stxrb", "w", 0x201, 1, 0x5a);
    EXCL("ldxrh", "stxrh", "w", 0x202, 2, 0x5a5b);
    EXCL("ldxr", "stxr", "w", 0x204, 4, 0x5a5b5c5d);
    EXCL("ldxr", "stxr", "x", 0x208, 8, 0x5a5b5c5d5e5f6061ul);
    EXCL("ldaxr", "stlxr", "x", 0x210, 8, 0x1122334455667788ul);
    EXCL("ldaxrh", "stlxrh", "w", 0x21a, 2, 0x7788);

    /* Exclusive pair of W registers: one doubleword, single-copy atomic. */
    p = DEV_BASE + 0x220;
    __asm__ volatile("ldxp %w0, %w1, [%3]\n\t"
                     "stxp %w2, %w4, %w5, [%3]"
                     : "=&r"(a), "=&r"(b), "=&r"(st)
                     : "r"(p), "r"(0x99999999u), "r"(0xaaaaaaaau) : "memory");
    {
        struct acc e[2] = { RD(0x220, 8, patv(0x220, 8)),
                            WR(0x220, 8, 0xaaaaaaaa99999999ul) };
        expect_log("ldxp w/stxp w (one doubleword each)", e, 2);
    }
    check("stxp w succeeds", st, 0);
    check("ldxp w second register", b, patv(0x224, 4));

    /* Exclusive pair of X registers: two doublewords, in address order. */
    p = DEV_BASE + 0x230;
    __asm__ volatile("ldxp %x0, %x1, [%3]\n\t"
                     "stxp %w2, %x4, %x5, [%3]"
                     : "=&r"(a), "=&r"(b), "=&r"(st)
                     : "r"(p), "r"(0x1111ul), "r"(0x2222ul) : "memory");
    {
        struct acc e[4] = { RD(0x230, 8, patv(0x230, 8)),
                            RD(0x238, 8, patv(0x238, 8)),
                            WR(0x230, 8, 0x1111), WR(0x238, 8, 0x2222) };
        expect_log("ldxp x/stxp x (two doublewords each)", e, 4);
    }
    check("stxp x succeeds", st, 0);
    check("ldxp x second register", b, patv(0x238, 8));

    /* A store-exclusive without the monitor: fails, no access. */
    p = DEV_BASE + 0x240;
    __asm__ volatile("clrex\n\tstxr %w0, %x1, [%2]" : "=&r"(st)
                     : "r"(0x77ul), "r"(p) : "memory");
    EXPECT_NONE("stxr after clrex");
    check("stxr after clrex fails", st, 1);
}

/* ---- LSE atomics: a read, then (if it changes memory) a write ------------ */

static void test_atomics(void)
{
    u64 old, p;

    fill();
    p = DEV_BASE + 0x300;
    __asm__ volatile(".arch_extension lse\n\tldadd %x1, %x0, [%2]"
                     : "=r"(old) : "r"(5ul), "r"(p) : "memory");
    {
        struct acc e[2] = { RD(0x300, 8, patv(0x300, 8)),
                            WR(0x300, 8, patv(0x300, 8) + 5) };
        expect_log("ldadd x (read then write)", e, 2);
    }
    check("ldadd x old value", old, patv(0x300, 8));
    p = DEV_BASE + 0x308;
    __asm__ volatile(".arch_extension lse\n\tswph %w1, %w0, [%2]"
                     : "=r"(old) : "r"(0xbeefu), "r"(p) : "memory");
    {
        struct acc e[2] = { RD(0x308, 2, patv(0x308, 2)), WR(0x308, 2, 0xbeef) };
        expect_log("swph", e, 2);
    }
    p = DEV_BASE + 0x310;
    {
        u64 cmp = patv(0x310, 4);
        __asm__ volatile(".arch_extension lse\n\tcas %w0, %w1, [%2]"
                         : "+r"(cmp) : "r"(0x600dcafeu), "r"(p) : "memory");
        struct acc e[2] = { RD(0x310, 4, patv(0x310, 4)),
                            WR(0x310, 4, 0x600dcafe) };
        expect_log("cas w (compare succeeds)", e, 2);
        check("cas w returns the old value", cmp, patv(0x310, 4));
        cmp = 0;
        __asm__ volatile(".arch_extension lse\n\tcasb %w0, %w1, [%2]"
                         : "+r"(cmp) : "r"(0x12u), "r"(DEV_BASE + 0x318)
                         : "memory");
        expect1("casb (compare fails: read only)", 0x318, 1, 0,
                patv(0x318, 1));
    }
}

/* ---- misaligned: Alignment fault, nothing reaches the device ------------- */

static void check_align_fault(const char *form, u64 addr, int is_write)
{
    check(form, last_exc.count, 1);
    if (last_exc.count) {
        checkf(ESR_EC(last_exc.esr), EC_DABT_SAME, "%s: data abort", form);
        checkf(ESR_DFSC(last_exc.esr), DFSC_ALIGN, "%s: alignment fault",
               form);
        checkf(ESR_WNR(last_exc.esr), is_write, "%s: WnR", form);
        checkf(last_exc.far, addr, "%s: FAR", form);
    }
    EXPECT_NONE(form);
}

#define MISALIGNED_LD(mn, r, off) do { \
        u64 r_ = 0; \
        exc_expect(4); \
        __asm__ volatile(mn " %" r "0, [%1]" : "+r"(r_) : "r"(DEV_BASE + (off)) \
                         : "memory"); \
        check_align_fault(mn " " r " at +" #off " faults", DEV_BASE + (off), 0); \
    } while (0)

#define MISALIGNED_ST(mn, r, off) do { \
        exc_expect(4); \
        __asm__ volatile(mn " %" r "0, [%1]" : : "r"(0x1234ul), \
                         "r"(DEV_BASE + (off)) : "memory"); \
        check_align_fault(mn " " r " at +" #off " faults", DEV_BASE + (off), 1); \
    } while (0)

static void test_misaligned(void)
{
    fill();
    MISALIGNED_LD("ldrh", "w", 0x401);
    MISALIGNED_LD("ldr", "w", 0x402);
    MISALIGNED_LD("ldr", "x", 0x404);
    MISALIGNED_LD("ldrsh", "x", 0x403);
    MISALIGNED_LD("ldrsw", "x", 0x406);
    MISALIGNED_LD("ldar", "w", 0x409);
    MISALIGNED_LD("ldxr", "x", 0x40c);
    MISALIGNED_ST("strh", "w", 0x411);
    MISALIGNED_ST("str", "w", 0x412);
    MISALIGNED_ST("str", "x", 0x41c);
    MISALIGNED_ST("stlr", "x", 0x424);
    /* Pairs: the first element's alignment is the element size. */
    {
        u64 a = 0, b = 0;
        exc_expect(4);
        __asm__ volatile("ldp %x0, %x1, [%2]" : "+r"(a), "+r"(b)
                         : "r"(DEV_BASE + 0x434) : "memory");
        check_align_fault("ldp x misaligned faults", DEV_BASE + 0x434, 0);
        exc_expect(4);
        __asm__ volatile("stp %w0, %w1, [%2]" : : "r"(a), "r"(b),
                         "r"(DEV_BASE + 0x442) : "memory");
        check_align_fault("stp w misaligned faults", DEV_BASE + 0x442, 1);
    }
    /* Misaligned across a page boundary: one fault, no piece in either page. */
    MISALIGNED_LD("ldr", "x", 0xffc);
    MISALIGNED_ST("str", "w", 0xffe);
    /* DC ZVA to Device memory is an Alignment fault whatever the address. */
    exc_expect(4);
    __asm__ volatile("dc zva, %0" : : "r"(DEV_BASE + 0x440) : "memory");
    check_align_fault("dc zva to Device memory faults", DEV_BASE + 0x440, 1);
}

int main(void)
{
    test_set_prefix("widths: ");
    /* No device: the window reads as nothing useful; one failure, stop. */
    exc_expect(4);
    {
        u64 sz = win_rd(W_BUFSIZE);
        if (last_exc.count || sz != DEV_SIZE) {
            check("ram-device-testdev present at 0x0c000000 (-device "
                  "ram-device-testdev,addr=0x0c000000,size=0x2000)", 0, 1);
            return 1;
        }
    }
    exc_disarm();
    fill();
    test_loads();
    test_index_forms();
    test_stores();
    test_pairs();
    test_pairs_across_pages();
    test_acqrel();
    test_exclusives();
    test_atomics();
    test_misaligned();
    return 0;
}
