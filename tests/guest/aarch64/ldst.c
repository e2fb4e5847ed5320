/*
 * ldst.c - A64 loads and stores of every size and addressing mode:
 * unsigned offset, unscaled, pre/post-index with writeback, register
 * offset with each extend, literal, pairs (incl. LDPSW, non-temporal),
 * unprivileged, sign extension to W and X, SP as base, XZR as data.
 * All accesses are naturally aligned (the MMU is off: Device memory).
 */
#include "testlib.h"

static const u8 pat[64] __attribute__((aligned(64))) = {
    0x01, 0x82, 0x13, 0xf4, 0x25, 0x96, 0x37, 0xa8,
    0x49, 0xba, 0x5b, 0xcc, 0x6d, 0xde, 0x7f, 0xe0,
    0x80, 0x71, 0xe2, 0x53, 0xc4, 0x35, 0xa6, 0x17,
    0x88, 0xf9, 0x6a, 0xdb, 0x4c, 0xbd, 0x2e, 0x9f,
    0xff, 0xfe, 0xfd, 0xfc, 0x00, 0x00, 0x00, 0x80,
    0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe,
    0xef, 0xcd, 0xab, 0x89, 0x67, 0x45, 0x23, 0x01,
    0x7f, 0x80, 0x7f, 0x80, 0x00, 0xff, 0x00, 0xff,
};

static u64 buf[16] __attribute__((aligned(64)));

/* Little-endian value of @size bytes of pat at @off (built from bytes). */
static u64 le(int off, int size)
{
    u64 v = 0;
    for (int i = size - 1; i >= 0; i--) {
        v = (v << 8) | pat[off + i];
    }
    return v;
}

/* base + off as an integer the compiler cannot see through */
static inline u64 addr(const void *base, long off)
{
    u64 a = (u64)base;
    __asm__("" : "+r"(a));
    return a + off;
}

static s64 sext(u64 v, int bits)
{
    return (s64)(v << (64 - bits)) >> (64 - bits);
}

static void clear_buf(u64 fill)
{
    for (int i = 0; i < 16; i++) {
        buf[i] = fill;
    }
}

#define LD(name, insn, base, want) do {                                 \
        u64 _r;                                                         \
        __asm__ volatile(insn : "=&r"(_r) : "r"(base) : "memory");      \
        check(name, _r, (want));                                        \
    } while (0)

static void test_unsigned_offset(void)
{
    const u8 *p = pat;
    LD("ldrb #0", "ldrb %w0, [%1]", p, le(0, 1));
    LD("ldrb #4095 range (#63)", "ldrb %w0, [%1, #63]", p, le(63, 1));
    LD("ldrh #2", "ldrh %w0, [%1, #2]", p, le(2, 2));
    LD("ldrh #62", "ldrh %w0, [%1, #62]", p, le(62, 2));
    LD("ldr w #4", "ldr %w0, [%1, #4]", p, le(4, 4));
    LD("ldr w #60", "ldr %w0, [%1, #60]", p, le(60, 4));
    LD("ldr x #8", "ldr %0, [%1, #8]", p, le(8, 8));
    LD("ldr x #56", "ldr %0, [%1, #56]", p, le(56, 8));
    LD("ldrsb w 0x82", "ldrsb %w0, [%1, #1]", p, (u32)sext(le(1, 1), 8));
    LD("ldrsb x 0x82", "ldrsb %0, [%1, #1]", p, sext(le(1, 1), 8));
    LD("ldrsb x 0x13", "ldrsb %0, [%1, #2]", p, 0x13);
    LD("ldrsh w 0xf413", "ldrsh %w0, [%1, #2]", p, (u32)sext(le(2, 2), 16));
    LD("ldrsh x 0xf413", "ldrsh %0, [%1, #2]", p, sext(le(2, 2), 16));
    LD("ldrsh x positive", "ldrsh %0, [%1, #14]", p, sext(le(14, 2), 16));
    LD("ldrsw x negative", "ldrsw %0, [%1, #36]", p, sext(le(36, 4), 32));
    LD("ldrsw x positive", "ldrsw %0, [%1, #40]", p, le(40, 4));
    LD("ldrsw x 0x80000000", "ldrsw %0, [%1, #36]", p, 0xffffffff80000000ul);
    LD("ldr x known value", "ldr %0, [%1, #48]", p, 0x0123456789abcdeful);
    LD("ldrh known value", "ldrh %w0, [%1, #56]", p, 0x807f);
    LD("ldrsh known value", "ldrsh %0, [%1, #56]", p, 0xffffffffffff807ful);
    LD("ldrsb w clears upper", "mov %0, #-1\n\tldrsb %w0, [%1, #1]", p, 0xffffff82);
    LD("ldrb x clears upper", "mov %0, #-1\n\tldrb %w0, [%1, #1]", p, 0x82);

    clear_buf(0x1111111111111111ul);
    {
        u64 v = 0x8877665544332211ul;
        __asm__ volatile("strb %w0, [%1, #3]" : : "r"(0xabcdul), "r"(buf) : "memory");
        check("strb #3 writes one byte", buf[0], 0x11111111cd111111ul);
        __asm__ volatile("strb %w0, [%1, #7]" : : "r"(v), "r"(buf) : "memory");
        check("strb #7", buf[0], 0x11111111cd111111ul);
        __asm__ volatile("strb %w0, [%1, #6]" : : "r"(0x1ff), "r"(buf) : "memory");
        check("strb #6 truncates", buf[0], 0x11ff1111cd111111ul);
        __asm__ volatile("strh %w0, [%1, #10]" : : "r"(v), "r"(buf) : "memory");
        check("strh #10", buf[1], 0x1111111122111111ul);
        __asm__ volatile("str %w0, [%1, #20]" : : "r"(v), "r"(buf) : "memory");
        check("str w #20", buf[2], 0x4433221111111111ul);
        __asm__ volatile("str %0, [%1, #24]" : : "r"(v), "r"(buf) : "memory");
        check("str x #24", buf[3], v);
        check("str x #24 leaves neighbour", buf[4], 0x1111111111111111ul);
        __asm__ volatile("str xzr, [%0, #32]" : : "r"(buf) : "memory");
        check("str xzr stores zero", buf[4], 0);
        __asm__ volatile("strh wzr, [%0, #40]" : : "r"(buf) : "memory");
        check("strh wzr", buf[5], 0x1111111111110000ul);
    }
}

static void test_unscaled(void)
{
    const u8 *p = pat + 32;
    LD("ldurb -1", "ldurb %w0, [%1, #-1]", p, le(31, 1));
    LD("ldurb -256", "ldurb %w0, [%1, #-32]", p, le(0, 1));
    LD("ldurh -2", "ldurh %w0, [%1, #-2]", p, le(30, 2));
    LD("ldur w -4", "ldur %w0, [%1, #-4]", p, le(28, 4));
    LD("ldur x -8", "ldur %0, [%1, #-8]", p, le(24, 8));
    LD("ldur x +24", "ldur %0, [%1, #24]", p, le(56, 8));
    LD("ldursb x", "ldursb %0, [%1, #-1]", p, sext(le(31, 1), 8));
    LD("ldursb w", "ldursb %w0, [%1, #-1]", p, (u32)sext(le(31, 1), 8));
    LD("ldursh x", "ldursh %0, [%1, #-2]", p, sext(le(30, 2), 16));
    LD("ldursh w", "ldursh %w0, [%1, #-2]", p, (u32)sext(le(30, 2), 16));
    LD("ldursw", "ldursw %0, [%1, #4]", p, sext(le(36, 4), 32));
    clear_buf(0);
    __asm__ volatile("stur %0, [%1, #-8]" : : "r"(0x1122334455667788ul),
                     "r"(&buf[2]) : "memory");
    check("stur x -8", buf[1], 0x1122334455667788ul);
    __asm__ volatile("sturh %w0, [%1, #-2]" : : "r"(0xbeeful), "r"(&buf[3])
                     : "memory");
    check("sturh -2", buf[2], 0xbeef000000000000ul);
    __asm__ volatile("sturb %w0, [%1, #255]" : : "r"(0x5aul),
                     "r"(addr(buf, 24 - 255)) : "memory");
    check("sturb +255", buf[3], 0x5a);
    __asm__ volatile("stur %w0, [%1, #-256]" : : "r"(0xcafef00dul),
                     "r"(addr(buf, 256 + 32)) : "memory");
    check("stur w -256", buf[4], 0xcafef00d);
}

static void test_index(void)
{
    u64 base, v;
    const u8 *p = pat;

    __asm__ volatile("ldr %0, [%1, #8]!" : "=&r"(v), "=&r"(base) : "1"(p));
    check("ldr x pre-index value", v, le(8, 8));
    check("ldr x pre-index writeback", base, (u64)p + 8);
    __asm__ volatile("ldr %0, [%1], #16" : "=&r"(v), "=&r"(base) : "1"(p));
    check("ldr x post-index value", v, le(0, 8));
    check("ldr x post-index writeback", base, (u64)p + 16);
    __asm__ volatile("ldrb %w0, [%1, #-1]!" : "=&r"(v), "=&r"(base) : "1"(p + 10));
    check("ldrb pre-index -1 value", v, le(9, 1));
    check("ldrb pre-index -1 writeback", base, (u64)p + 9);
    __asm__ volatile("ldrsh %0, [%1], #-256" : "=&r"(v), "=&r"(base) : "1"(p + 2));
    check("ldrsh post-index -256 value", v, sext(le(2, 2), 16));
    check("ldrsh post-index -256 writeback", base, (u64)p + 2 - 256);
    __asm__ volatile("ldrsw %0, [%1, #4]!" : "=&r"(v), "=&r"(base) : "1"(p + 32));
    check("ldrsw pre-index value", v, sext(le(36, 4), 32));
    check("ldrsw pre-index writeback", base, (u64)p + 36);
    __asm__ volatile("ldr %w0, [%1], #255" : "=&r"(v), "=&r"(base) : "1"(p + 4));
    check("ldr w post-index +255 value", v, le(4, 4));
    check("ldr w post-index +255 writeback", base, (u64)p + 4 + 255);

    clear_buf(0);
    __asm__ volatile("str %2, [%0, #16]!" : "=&r"(base) : "0"(buf),
                     "r"(0xaaul) : "memory");
    check("str x pre-index stores", buf[2], 0xaa);
    check("str x pre-index writeback", base, (u64)&buf[2]);
    __asm__ volatile("strh %w2, [%0], #2" : "=&r"(base) : "0"(&buf[3]),
                     "r"(0x1234ul) : "memory");
    check("strh post-index stores at old base", buf[3], 0x1234);
    check("strh post-index writeback", base, (u64)&buf[3] + 2);
    __asm__ volatile("strb %w2, [%0, #-1]!" : "=&r"(base) : "0"(&buf[5]),
                     "r"(0x99ul) : "memory");
    check("strb pre-index -1", buf[4], 0x9900000000000000ul);
    check("strb pre-index -1 writeback", base, (u64)&buf[5] - 1);

    /* SP as the base, with writeback */
    {
        u64 sp0, sp1, sp2, got;
        __asm__ volatile("mov %0, sp\n\t"
                         "str %4, [sp, #-16]!\n\t"
                         "mov %1, sp\n\t"
                         "ldr %3, [sp], #16\n\t"
                         "mov %2, sp"
                         : "=&r"(sp0), "=&r"(sp1), "=&r"(sp2), "=&r"(got)
                         : "r"(0x5555aaaa5555aaaaul) : "memory");
        check("str [sp, #-16]! moves sp", sp1, sp0 - 16);
        check("ldr [sp], #16 restores sp", sp2, sp0);
        check("value through the stack", got, 0x5555aaaa5555aaaaul);
    }
}

static void test_register_offset(void)
{
    const u8 *p = pat;
    u64 v;

#define LDR2(name, insn, idx, want) do {                                \
        __asm__ volatile(insn : "=&r"(v) : "r"(p), "r"((u64)(idx)));    \
        check(name, v, (want));                                         \
    } while (0)
    LDR2("ldr x [x, x]", "ldr %0, [%1, %2]", 16, le(16, 8));
    LDR2("ldr x [x, x, lsl #3]", "ldr %0, [%1, %2, lsl #3]", 3, le(24, 8));
    LDR2("ldr w [x, x, lsl #2]", "ldr %w0, [%1, %2, lsl #2]", 5, le(20, 4));
    LDR2("ldrh [x, x, lsl #1]", "ldrh %w0, [%1, %2, lsl #1]", 7, le(14, 2));
    LDR2("ldrb [x, x]", "ldrb %w0, [%1, %2]", 63, le(63, 1));
    LDR2("ldrb [x, x, lsl #0]", "ldrb %w0, [%1, %2, lsl #0]", 33, le(33, 1));
    LDR2("ldr x [x, w, uxtw #3]", "ldr %0, [%1, %w2, uxtw #3]",
         0xffffffff00000002ul, le(16, 8));
    LDR2("ldr w [x, w, sxtw #2]", "ldr %w0, [%1, %w2, sxtw #2]", 0x3ul, le(12, 4));
    LDR2("ldrsb x [x, x, sxtx]", "ldrsb %0, [%1, %2, sxtx]", 1, sext(le(1, 1), 8));
    LDR2("ldrsh w [x, w, uxtw #1]", "ldrsh %w0, [%1, %w2, uxtw #1]", 1,
         (u32)sext(le(2, 2), 16));
    LDR2("ldrsw [x, x, lsl #2]", "ldrsw %0, [%1, %2, lsl #2]", 9,
         sext(le(36, 4), 32));
    /* negative index via sxtw: base past the data */
    __asm__ volatile("ldr %0, [%1, %w2, sxtw #3]" : "=&r"(v)
                     : "r"(p + 64), "r"((u64)0xfffffffful));
    check("ldr x [x, w, sxtw #3] negative", v, le(56, 8));
    __asm__ volatile("ldr %0, [%1, %2, sxtx #3]" : "=&r"(v)
                     : "r"(p + 64), "r"((u64)-2));
    check("ldr x [x, x, sxtx #3] negative", v, le(48, 8));

    clear_buf(0);
    __asm__ volatile("str %0, [%1, %2, lsl #3]" : : "r"(0x77ul), "r"(buf),
                     "r"(5ul) : "memory");
    check("str x [x, x, lsl #3]", buf[5], 0x77);
    __asm__ volatile("strh %w0, [%1, %w2, uxtw #1]" : : "r"(0x6666ul), "r"(buf),
                     "r"(0x100000004ul) : "memory");
    check("strh [x, w, uxtw #1]", buf[1], 0x6666);
    __asm__ volatile("strb %w0, [%1, %w2, sxtw]" : : "r"(0x44ul), "r"(&buf[3]),
                     "r"(0xfffffffful) : "memory");
    check("strb [x, w, sxtw] -1", buf[2], 0x4400000000000000ul);
}

static const u64 lit_quad __attribute__((used)) = 0;

static void test_literal(void)
{
    u64 v;
    __asm__ volatile("ldr %0, 1f\n\tb 2f\n\t.align 3\n1:\t.quad 0xfedcba9876543210\n2:"
                     : "=r"(v));
    check("ldr x literal", v, 0xfedcba9876543210ul);
    __asm__ volatile("ldr %w0, 1f\n\tb 2f\n\t.align 2\n1:\t.word 0x89abcdef\n2:"
                     : "=r"(v));
    check("ldr w literal", v, 0x89abcdef);
    __asm__ volatile("ldrsw %0, 1f\n\tb 2f\n\t.align 2\n1:\t.word 0x89abcdef\n2:"
                     : "=r"(v));
    check("ldrsw literal", v, 0xffffffff89abcdeful);
    __asm__ volatile("b 2f\n\t.align 3\n1:\t.quad 0x1111222233334444\n2:\t"
                     "ldr %0, 1b" : "=r"(v));
    check("ldr x literal backwards", v, 0x1111222233334444ul);
    __asm__ volatile("prfm pldl1keep, 1f\n\tmov %0, #7\n1:" : "=r"(v));
    check("prfm literal is a no-op", v, 7);
}

static void test_pairs(void)
{
    u64 a, b, base;
    const u8 *p = pat;

    __asm__ volatile("ldp %0, %1, [%2, #16]" : "=&r"(a), "=&r"(b) : "r"(p));
    check("ldp x offset first", a, le(16, 8));
    check("ldp x offset second", b, le(24, 8));
    __asm__ volatile("ldp %w0, %w1, [%2, #-8]" : "=&r"(a), "=&r"(b) : "r"(p + 16));
    check("ldp w negative offset first", a, le(8, 4));
    check("ldp w negative offset second", b, le(12, 4));
    __asm__ volatile("ldp %0, %1, [%2, #32]!" : "=&r"(a), "=&r"(b), "=&r"(base)
                     : "2"(p));
    check("ldp x pre-index first", a, le(32, 8));
    check("ldp x pre-index second", b, le(40, 8));
    check("ldp x pre-index writeback", base, (u64)p + 32);
    __asm__ volatile("ldp %w0, %w1, [%2], #-16" : "=&r"(a), "=&r"(b), "=&r"(base)
                     : "2"(p + 48));
    check("ldp w post-index first", a, le(48, 4));
    check("ldp w post-index second", b, le(52, 4));
    check("ldp w post-index writeback", base, (u64)p + 32);
    __asm__ volatile("ldpsw %0, %1, [%2, #32]" : "=&r"(a), "=&r"(b) : "r"(p));
    check("ldpsw first (negative)", a, sext(le(32, 4), 32));
    check("ldpsw second", b, sext(le(36, 4), 32));
    __asm__ volatile("ldpsw %0, %1, [%2], #8" : "=&r"(a), "=&r"(b), "=&r"(base)
                     : "2"(p + 56));
    check("ldpsw post-index first", a, sext(le(56, 4), 32));
    check("ldpsw post-index second", b, sext(le(60, 4), 32));
    check("ldpsw post-index writeback", base, (u64)p + 64);
    __asm__ volatile("ldnp %0, %1, [%2, #48]" : "=&r"(a), "=&r"(b) : "r"(p));
    check("ldnp x first", a, le(48, 8));
    check("ldnp x second", b, le(56, 8));
    __asm__ volatile("ldp %0, %1, [%2, #504]" : "=&r"(a), "=&r"(b) : "r"(addr(p, -504)));
    check("ldp x offset +504 first", a, le(0, 8));
    __asm__ volatile("ldp %0, %1, [%2, #-512]" : "=&r"(a), "=&r"(b) : "r"(addr(p, 512)));
    check("ldp x offset -512 second", b, le(8, 8));

    clear_buf(0x9999999999999999ul);
    __asm__ volatile("stp %0, %1, [%2, #8]" : : "r"(1ul), "r"(2ul), "r"(buf)
                     : "memory");
    check("stp x first", buf[1], 1);
    check("stp x second", buf[2], 2);
    check("stp x leaves neighbour", buf[3], 0x9999999999999999ul);
    __asm__ volatile("stp %w1, %w2, [%0, #-8]!" : "=&r"(base)
                     : "r"(0xaaaaaaaa00000003ul), "r"(0x4ul), "0"(&buf[5])
                     : "memory");
    check("stp w pre-index", buf[4], 0x0000000400000003ul);
    check("stp w pre-index writeback", base, (u64)&buf[4]);
    __asm__ volatile("stp %1, %2, [%0], #32" : "=&r"(base)
                     : "r"(5ul), "r"(6ul), "0"(&buf[6]) : "memory");
    check("stp x post-index first", buf[6], 5);
    check("stp x post-index second", buf[7], 6);
    check("stp x post-index writeback", base, (u64)&buf[10]);
    __asm__ volatile("stp xzr, xzr, [%0]" : : "r"(&buf[8]) : "memory");
    check("stp xzr, xzr", buf[8] | buf[9], 0);
    __asm__ volatile("stnp %0, %1, [%2]" : : "r"(7ul), "r"(8ul), "r"(&buf[10])
                     : "memory");
    check("stnp x", buf[10] + (buf[11] << 8), 7 + (8 << 8));
    {
        u64 sp0, sp1, x, y;
        __asm__ volatile("mov %0, sp\n\t"
                         "stp %4, %5, [sp, #-32]!\n\t"
                         "mov %1, sp\n\t"
                         "ldp %2, %3, [sp], #32"
                         : "=&r"(sp0), "=&r"(sp1), "=&r"(x), "=&r"(y)
                         : "r"(0x1010ul), "r"(0x2020ul) : "memory");
        check("stp [sp, #-32]! moves sp", sp1, sp0 - 32);
        check("ldp [sp], #32 pair", x + (y << 16), 0x1010 + (0x2020ul << 16));
    }
}

static void test_unprivileged(void)
{
    u64 v;
    __asm__ volatile("ldtr %0, [%1, #8]" : "=r"(v) : "r"(pat));
    check("ldtr x at EL1 (MMU off)", v, le(8, 8));
    __asm__ volatile("ldtrsb %0, [%1, #1]" : "=r"(v) : "r"(pat));
    check("ldtrsb x", v, sext(le(1, 1), 8));
    __asm__ volatile("ldtrh %w0, [%1, #-2]" : "=r"(v) : "r"(pat + 4));
    check("ldtrh w -2", v, le(2, 2));
    clear_buf(0);
    __asm__ volatile("sttr %w0, [%1, #4]" : : "r"(0xdddddddd), "r"(buf) : "memory");
    check("sttr w", buf[0], 0xdddddddd00000000ul);
    __asm__ volatile("sttrb %w0, [%1]" : : "r"(0xee), "r"(&buf[1]) : "memory");
    check("sttrb", buf[1], 0xee);
}

static void test_prefetch(void)
{
    u64 v = 1;
    __asm__ volatile("prfm pldl1keep, [%0]\n\t"
                     "prfm pstl2strm, [%0, #8]\n\t"
                     "prfum pldl1keep, [%0, #-3]\n\t"
                     "prfm plil1keep, [%0, %1]"
                     : : "r"(0x123ul), "r"(v) : "memory");
    check("prfm forms never fault, even on odd addresses", 1, 1);
}

int main(void)
{
    test_set_prefix("ldst: ");
    test_unsigned_offset();
    test_unscaled();
    test_index();
    test_register_offset();
    test_literal();
    test_pairs();
    test_unprivileged();
    test_prefetch();
    return 0;
}
