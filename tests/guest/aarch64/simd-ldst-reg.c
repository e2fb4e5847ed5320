/*
 * simd-ldst-reg.c - the single-register SIMD&FP loads and stores: LDR/STR
 * of B/H/S/D/Q with unsigned offset, unscaled (LDUR/STUR), pre- and
 * post-index, register offset (LSL/UXTW/SXTW/SXTX, scaled or not), LDR
 * (literal) S/D/Q, and the pairs LDP/STP/LDNP/STNP of S/D/Q in every index
 * mode. Checks: the loaded value and the zeroed rest of the register, the
 * bytes a store changes and no others, the base writeback, and the
 * reserved encodings (UNDEFINED).
 *
 * The MMU is off, so every access must be aligned to its size (Device
 * memory); the buffers are 16-byte aligned and offsets respect that.
 */
#include "testlib.h"

#pragma GCC optimize("no-tree-vectorize")

static u8 buf[512] __attribute__((aligned(16)));

static u8 pat(int i)
{
    return (u8)(0x11 + i * 0x27);
}

static void fill(void)
{
    for (int i = 0; i < (int)sizeof(buf); i++) {
        buf[i] = pat(i);
    }
}

/* Little-endian value of @n (<= 8) pattern bytes at @off. */
static u64 patv(int off, int n)
{
    u64 v = 0;
    for (int i = 0; i < n; i++) {
        v |= (u64)pat(off + i) << (8 * i);
    }
    return v;
}

static u64 rd64(int off)
{
    u64 v = 0;
    for (int i = 0; i < 8; i++) {
        v |= (u64)buf[off + i] << (8 * i);
    }
    return v;
}

static u64 ones[2] __attribute__((aligned(16))) = { ~0ul, ~0ul };
static u64 out[4] __attribute__((aligned(16)));

/* V0 = all ones, then @insn (V0 destination, base x1), then V0 -> out. */
#define LOAD_V0(insn, base) \
    __asm__ volatile("ldr q0, [%1]\n\t" insn "\n\tstr q0, [%2]" \
                     : "+r"(base) : "r"(ones), "r"(out) : "v0", "memory")

static void check_v0(const char *name, u64 lo, u64 hi)
{
    checkf(out[0], lo, "%s: bits 63:0", name);
    checkf(out[1], hi, "%s: bits 127:64", name);
}

static void test_load_uimm(void)
{
    u64 b = (u64)buf;

    fill();
    LOAD_V0("ldr b0, [%0, #3]", b);
    check_v0("ldr b uimm", patv(3, 1), 0);
    LOAD_V0("ldr h0, [%0, #6]", b);
    check_v0("ldr h uimm", patv(6, 2), 0);
    LOAD_V0("ldr s0, [%0, #12]", b);
    check_v0("ldr s uimm", patv(12, 4), 0);
    LOAD_V0("ldr d0, [%0, #24]", b);
    check_v0("ldr d uimm", patv(24, 8), 0);
    LOAD_V0("ldr q0, [%0, #48]", b);
    check_v0("ldr q uimm", patv(48, 8), patv(56, 8));
    /* the largest scaled offsets */
    b = (u64)buf - 4095 + 100;
    LOAD_V0("ldr b0, [%0, #4095]", b);
    check_v0("ldr b uimm 4095", patv(100, 1), 0);
    b = (u64)buf - 65520 + 64;
    LOAD_V0("ldr q0, [%0, #65520]", b);
    check_v0("ldr q uimm 65520", patv(64, 8), patv(72, 8));
}

static void test_load_9(void)
{
    u64 b;

    fill();
    b = (u64)buf + 64;
    LOAD_V0("ldur b0, [%0, #-1]", b);
    check_v0("ldur b -1", patv(63, 1), 0);
    b = (u64)buf + 300;
    LOAD_V0("ldur h0, [%0, #-256]", b);     /* imm9 minimum */
    check_v0("ldur h -256", patv(44, 2), 0);
    b = (u64)buf + 64;
    LOAD_V0("ldur h0, [%0, #-2]", b);
    check_v0("ldur h -2", patv(62, 2), 0);
    LOAD_V0("ldur s0, [%0, #4]", b);
    check_v0("ldur s +4", patv(68, 4), 0);
    LOAD_V0("ldur d0, [%0, #-8]", b);
    check_v0("ldur d -8", patv(56, 8), 0);
    LOAD_V0("ldur q0, [%0, #-16]", b);
    check_v0("ldur q -16", patv(48, 8), patv(56, 8));
    check("ldur does not write back", b, (u64)buf + 64);

    LOAD_V0("ldr q0, [%0, #16]!", b);
    check_v0("ldr q pre-index", patv(80, 8), patv(88, 8));
    check("ldr q pre-index writeback", b, (u64)buf + 80);
    LOAD_V0("ldr s0, [%0], #-12", b);
    check_v0("ldr s post-index", patv(80, 4), 0);
    check("ldr s post-index writeback", b, (u64)buf + 68);
    LOAD_V0("ldr b0, [%0, #-3]!", b);
    check_v0("ldr b pre-index -3", patv(65, 1), 0);
    check("ldr b pre-index writeback", b, (u64)buf + 65);
    LOAD_V0("ldr b0, [%0], #255", b);
    check("ldr b post-index +255 writeback", b, (u64)buf + 320);
    b = (u64)buf + 128;
    LOAD_V0("ldr h0, [%0, #2]!", b);
    check_v0("ldr h pre-index", patv(130, 2), 0);
    check("ldr h pre-index writeback", b, (u64)buf + 130);
    b = (u64)buf + 128;
    LOAD_V0("ldr d0, [%0], #-24", b);
    check_v0("ldr d post-index", patv(128, 8), 0);
    check("ldr d post-index writeback", b, (u64)buf + 104);
}

/* register offset: x1 = base, x2 = index */
#define LOAD_R(insn, base, idx) \
    __asm__ volatile("ldr q0, [%1]\n\t" insn "\n\tstr q0, [%2]" \
                     : : "r"(base), "r"(ones), "r"(out), "r"(idx) \
                     : "v0", "memory")

static void test_load_reg(void)
{
    u64 b = (u64)buf + 256;

    fill();
    LOAD_R("ldr b0, [%0, %3]", b, (u64)-5);
    check_v0("ldr b [x, x]", patv(251, 1), 0);
    LOAD_R("ldr b0, [%0, %3, lsl #0]", b, 7ul);
    check_v0("ldr b [x, x, lsl #0]", patv(263, 1), 0);
    LOAD_R("ldr h0, [%0, %3, lsl #1]", b, 3ul);
    check_v0("ldr h [x, x, lsl #1]", patv(262, 2), 0);
    LOAD_R("ldr h0, [%0, %3]", b, 6ul);
    check_v0("ldr h [x, x] unscaled", patv(262, 2), 0);
    LOAD_R("ldr s0, [%0, %w3, uxtw #2]", b, 0xffffffff00000003ul);
    check_v0("ldr s [x, w, uxtw #2]", patv(268, 4), 0);
    LOAD_R("ldr s0, [%0, %w3, sxtw #2]", b, 0x00000000fffffffeul);
    check_v0("ldr s [x, w, sxtw #2]", patv(248, 4), 0);
    LOAD_R("ldr d0, [%0, %w3, sxtw]", b, 0x00000000fffffff0ul);
    check_v0("ldr d [x, w, sxtw]", patv(240, 8), 0);
    LOAD_R("ldr d0, [%0, %3, sxtx #3]", b, (u64)-3);
    check_v0("ldr d [x, x, sxtx #3]", patv(232, 8), 0);
    LOAD_R("ldr q0, [%0, %3, lsl #4]", b, (u64)-2);
    check_v0("ldr q [x, x, lsl #4]", patv(224, 8), patv(232, 8));
    LOAD_R("ldr q0, [%0, %w3, uxtw]", b, 0x1234567800000020ul);
    check_v0("ldr q [x, w, uxtw]", patv(288, 8), patv(296, 8));
}

static void test_literal(void)
{
    __asm__ volatile("ldr q0, [%0]\n\t"
                     "ldr s0, 1f\n\t"
                     "str q0, [%1]\n\t"
                     "b 2f\n\t"
                     ".balign 16\n"
                     "1: .quad 0x8765432112345678, 0x0fedcba987654321\n"
                     "2:" : : "r"(ones), "r"(out) : "v0", "memory");
    check_v0("ldr s literal", 0x12345678, 0);
    __asm__ volatile("ldr q0, [%0]\n\t"
                     "ldr d0, 1f\n\t"
                     "str q0, [%1]\n\t"
                     "b 2f\n\t"
                     ".balign 16\n"
                     "1: .quad 0x8765432112345678, 0x0fedcba987654321\n"
                     "2:" : : "r"(ones), "r"(out) : "v0", "memory");
    check_v0("ldr d literal", 0x8765432112345678ul, 0);
    __asm__ volatile("b 2f\n\t"
                     ".balign 16\n"
                     "1: .quad 0x8765432112345678, 0x0fedcba987654321\n"
                     "2: ldr q0, [%0]\n\t"
                     "ldr q0, 1b\n\t"
                     "str q0, [%1]\n\t"
                     : : "r"(ones), "r"(out) : "v0", "memory");
    check_v0("ldr q literal (backwards)", 0x8765432112345678ul,
             0x0fedcba987654321ul);
}

static u64 src[2] __attribute__((aligned(16))) = {
    0x8877665544332211ul, 0x00ffeeddccbbaa99ul
};

/* Store V0 (= src) with @insn at base %0, buffer pre-filled. */
#define STORE_V0(insn, base) \
    __asm__ volatile("ldr q0, [%1]\n\t" insn \
                     : "+r"(base) : "r"(src) : "v0", "memory")

/* Every byte of buf equals the fill pattern except [off, off + n), which
 * must hold the low n bytes of src. */
static void check_store(const char *name, int off, int n)
{
    int bad = -1;
    for (int i = 0; i < (int)sizeof(buf); i++) {
        u8 want = (i >= off && i < off + n) ? (u8)(((i - off) < 8 ? src[0] >> 8 * (i - off)
                                                     : src[1] >> 8 * (i - off - 8)))
                                            : pat(i);
        if (buf[i] != want) {
            bad = i;
            break;
        }
    }
    checkf(bad, (u64)-1, "%s: bytes [%d, %d) stored, nothing else", name, off,
           off + n);
    fill();
}

static void test_stores(void)
{
    u64 b = (u64)buf;

    fill();
    STORE_V0("str b0, [%0, #5]", b);
    check_store("str b uimm", 5, 1);
    STORE_V0("str h0, [%0, #10]", b);
    check_store("str h uimm", 10, 2);
    STORE_V0("str s0, [%0, #20]", b);
    check_store("str s uimm", 20, 4);
    STORE_V0("str d0, [%0, #40]", b);
    check_store("str d uimm", 40, 8);
    STORE_V0("str q0, [%0, #96]", b);
    check_store("str q uimm", 96, 16);
    b = (u64)buf + 128;
    STORE_V0("stur b0, [%0, #-7]", b);
    check_store("stur b -7", 121, 1);
    STORE_V0("stur h0, [%0, #-30]", b);
    check_store("stur h -30", 98, 2);
    STORE_V0("stur s0, [%0, #12]", b);
    check_store("stur s +12", 140, 4);
    STORE_V0("stur d0, [%0, #-128]", b);
    check_store("stur d -128", 0, 8);
    STORE_V0("stur q0, [%0, #-16]", b);
    check_store("stur q -16", 112, 16);
    STORE_V0("str q0, [%0, #-32]!", b);
    check_store("str q pre-index", 96, 16);
    check("str q pre-index writeback", b, (u64)buf + 96);
    STORE_V0("str d0, [%0], #40", b);
    check_store("str d post-index", 96, 8);
    check("str d post-index writeback", b, (u64)buf + 136);
    STORE_V0("str h0, [%0, #-2]!", b);
    check_store("str h pre-index", 134, 2);
    STORE_V0("str b0, [%0], #-1", b);
    check_store("str b post-index", 134, 1);
    check("str b post-index writeback", b, (u64)buf + 133);
    b = (u64)buf + 200;
    {
        u64 idx = (u64)-2;
        __asm__ volatile("ldr q0, [%1]\n\tstr s0, [%0, %2, lsl #2]"
                         : : "r"(b), "r"(src), "r"(idx) : "v0", "memory");
        check_store("str s [x, x, lsl #2]", 192, 4);
        idx = 0xfffffff8ul;
        __asm__ volatile("ldr q0, [%1]\n\tstr q0, [%0, %w2, sxtw]"
                         : : "r"(b), "r"(src), "r"(idx) : "v0", "memory");
        check_store("str q [x, w, sxtw]", 192, 16);
        idx = 3;
        __asm__ volatile("ldr q0, [%1]\n\tstr d0, [%0, %w2, uxtw #3]"
                         : : "r"(b), "r"(src), "r"(idx) : "v0", "memory");
        check_store("str d [x, w, uxtw #3]", 224, 8);
        idx = 1;
        __asm__ volatile("ldr q0, [%1]\n\tstr b0, [%0, %2]"
                         : : "r"(b), "r"(src), "r"(idx) : "v0", "memory");
        check_store("str b [x, x]", 201, 1);
        __asm__ volatile("ldr q0, [%1]\n\tstr h0, [%0, %2, lsl #1]"
                         : : "r"(b), "r"(src), "r"(idx) : "v0", "memory");
        check_store("str h [x, x, lsl #1]", 202, 2);
    }
}

static u64 q2[4] __attribute__((aligned(16)));

static void test_pairs(void)
{
    u64 b;

    fill();
    b = (u64)buf + 64;
    __asm__ volatile("ldr q0, [%1]\n\tldr q1, [%1]\n\t"
                     "ldp s0, s1, [%0, #-8]\n\t"
                     "str q0, [%2]\n\tstr q1, [%2, #16]"
                     : "+r"(b) : "r"(ones), "r"(q2) : "v0", "v1", "memory");
    check("ldp s first", q2[0], patv(56, 4));
    check("ldp s first high zero", q2[1], 0);
    check("ldp s second", q2[2], patv(60, 4));
    check("ldp s second high zero", q2[3], 0);
    __asm__ volatile("ldp d0, d1, [%0, #16]!\n\t"
                     "str q0, [%1]\n\tstr q1, [%1, #16]"
                     : "+r"(b) : "r"(q2) : "v0", "v1", "memory");
    check("ldp d pre-index first", q2[0], patv(80, 8));
    check("ldp d pre-index second", q2[2], patv(88, 8));
    check("ldp d pre-index high zero", q2[3], 0);
    check("ldp d pre-index writeback", b, (u64)buf + 80);
    __asm__ volatile("ldp q0, q1, [%0], #-64\n\t"
                     "str q0, [%1]\n\tstr q1, [%1, #16]"
                     : "+r"(b) : "r"(q2) : "v0", "v1", "memory");
    check("ldp q post-index first lo", q2[0], patv(80, 8));
    check("ldp q post-index first hi", q2[1], patv(88, 8));
    check("ldp q post-index second lo", q2[2], patv(96, 8));
    check("ldp q post-index second hi", q2[3], patv(104, 8));
    check("ldp q post-index writeback", b, (u64)buf + 16);
    __asm__ volatile("ldnp q0, q1, [%0, #32]\n\t"
                     "str q0, [%1]\n\tstr q1, [%1, #16]"
                     : "+r"(b) : "r"(q2) : "v0", "v1", "memory");
    check("ldnp q first", q2[0], patv(48, 8));
    check("ldnp q second hi", q2[3], patv(72, 8));
    check("ldnp no writeback", b, (u64)buf + 16);
    __asm__ volatile("ldnp d0, d1, [%0, #-16]\n\t"
                     "str q0, [%1]\n\tstr q1, [%1, #16]"
                     : "+r"(b) : "r"(q2) : "v0", "v1", "memory");
    check("ldnp d second", q2[2], patv(8, 8));
    __asm__ volatile("ldnp s0, s1, [%0, #252]\n\t"
                     "str q0, [%1]\n\tstr q1, [%1, #16]"
                     : "+r"(b) : "r"(q2) : "v0", "v1", "memory");
    check("ldnp s +252 (imm7 maximum)", q2[2], patv(16 + 256, 4));
    b = (u64)buf + 1024;
    __asm__ volatile("ldp q0, q1, [%0, #-1024]\n\t"
                     "str q0, [%1]\n\tstr q1, [%1, #16]"
                     : "+r"(b) : "r"(q2) : "v0", "v1", "memory");
    check("ldp q -1024 (imm7 minimum)", q2[2], patv(16, 8));
    /* Rt == Rt2 for a load is CONSTRAINED UNPREDICTABLE: not tested. */

    /* stores: V0 = src, V1 = src with its halves swapped */
    b = (u64)buf + 64;
    q2[0] = src[1];
    q2[1] = src[0];
    __asm__ volatile("ldr q0, [%1]\n\tldr q1, [%2]\n\t"
                     "stp s0, s1, [%0, #8]"
                     : "+r"(b) : "r"(src), "r"(q2) : "v0", "v1", "memory");
    check("stp s first", rd64(72), (src[1] & 0xffffffff) << 32 |
                                   (src[0] & 0xffffffff));
    check("stp s neighbour untouched", rd64(64), patv(64, 8));
    check("stp s neighbour after untouched", rd64(80), patv(80, 8));
    fill();
    __asm__ volatile("ldr q0, [%1]\n\tldr q1, [%2]\n\t"
                     "stp d0, d1, [%0, #-16]!"
                     : "+r"(b) : "r"(src), "r"(q2) : "v0", "v1", "memory");
    check("stp d pre-index first", rd64(48), src[0]);
    check("stp d pre-index second", rd64(56), src[1]);
    check("stp d pre-index writeback", b, (u64)buf + 48);
    check("stp d neighbour untouched", rd64(64), patv(64, 8));
    __asm__ volatile("ldr q0, [%1]\n\tldr q1, [%2]\n\t"
                     "stp q0, q1, [%0], #48"
                     : "+r"(b) : "r"(src), "r"(q2) : "v0", "v1", "memory");
    check("stp q post-index 0", rd64(48), src[0]);
    check("stp q post-index 1", rd64(56), src[1]);
    check("stp q post-index 2", rd64(64), src[1]);
    check("stp q post-index 3", rd64(72), src[0]);
    check("stp q neighbour untouched", rd64(80), patv(80, 8));
    check("stp q post-index writeback", b, (u64)buf + 96);
    __asm__ volatile("ldr q0, [%1]\n\tldr q1, [%2]\n\t"
                     "stnp q1, q0, [%0, #32]"
                     : "+r"(b) : "r"(src), "r"(q2) : "v0", "v1", "memory");
    check("stnp q 0", rd64(128), src[1]);
    check("stnp q 3", rd64(152), src[1]);
    __asm__ volatile("ldr q0, [%1]\n\tldr q1, [%2]\n\t"
                     "stnp s1, s0, [%0, #-4]"
                     : "+r"(b) : "r"(src), "r"(q2) : "v0", "v1", "memory");
    check("stnp s", rd64(88), (src[1] & 0xffffffff) << 32 | (u32)patv(88, 4));
    check("stnp s second", rd64(96) & 0xffffffff, src[0] & 0xffffffff);
    __asm__ volatile("ldr q0, [%1]\n\tldr q1, [%2]\n\t"
                     "stp d1, d1, [%0, #-96]"
                     : "+r"(b) : "r"(src), "r"(q2) : "v0", "v1", "memory");
    check("stp d same register twice 0", rd64(0), src[1]);
    check("stp d same register twice 1", rd64(8), src[1]);
}

/*
 * Encodings with V=1 that the Arm ARM leaves unallocated; Rn is x1, which
 * points at buf so that a wrong implementation stays harmless.
 */
#define UNDEF(name, insn) do { \
        exc_expect(4); \
        __asm__ volatile("mov x1, %0\n\t.inst " #insn \
                         : : "r"(buf) : "x1", "v0", "v1", "memory"); \
        checkf(last_exc.count, 1, "%s (%s) is UNDEFINED", name, #insn); \
        checkf(last_exc.esr >> 26, 0, "%s: EC 0 (unknown reason)", name); \
    } while (0)

static void test_undef(void)
{
    UNDEF("ldr (imm) size 01 opc 11", 0x7dc00020);
    UNDEF("str (imm) size 11 opc 10", 0xfd800020);
    UNDEF("ldur size 10 opc 11", 0xbcc00020);
    UNDEF("ldtr b (no SIMD&FP unprivileged form)", 0x3c400820);
    UNDEF("sttr q (no SIMD&FP unprivileged form)", 0x3c800820);
    UNDEF("ldr (register) option 000", 0x3c620820);
    UNDEF("ldr (register) option 100", 0x3c628820);
    UNDEF("str (register) size 01 opc 10", 0x7ca26820);
    UNDEF("ldr (literal) opc 11", 0xdc000000);
    UNDEF("ldp opc 11", 0xed400420);
    UNDEF("stnp opc 11", 0xec000420);
}

static void set_fpen(u64 fpen)
{
    __asm__ volatile("msr cpacr_el1, %0; isb" :: "r"(fpen << 20));
}

static void test_trap(void)
{
    u64 b = (u64)buf + 64;

    set_fpen(0);
    exc_expect(4);
    __asm__ volatile("ldr q0, [%0, #16]!" : "+r"(b) : : "v0", "memory");
    check("FPEN=0: ldr q pre-index traps", last_exc.count, 1);
    check("FPEN=0: EC 0x07", last_exc.esr >> 26, 7);
    check("FPEN=0: the trapped pre-index does not write back", b,
          (u64)buf + 64);
    exc_expect(4);
    __asm__ volatile("stp d0, d1, [%0], #16" : "+r"(b) : : "memory");
    check("FPEN=0: stp d post-index traps", last_exc.count, 1);
    check("FPEN=0: the trapped post-index does not write back", b,
          (u64)buf + 64);
    set_fpen(3);
}

int main(void)
{
    test_set_prefix("simd-ldst-reg: ");
    test_load_uimm();
    test_load_9();
    test_load_reg();
    test_literal();
    test_stores();
    test_pairs();
    test_undef();
    test_trap();
    test_exit();
}
