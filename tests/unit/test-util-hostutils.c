/*
 * test-util-hostutils.c - bit counting, 128-bit arithmetic, bit fields,
 * rotates and byte swaps (util/host-utils.h, bitops.h, bswap.h).
 * Expected values are computed independently (bit loops, long division,
 * byte arrays) rather than with the functions under test.
 */
#include "util/osdep.h"
#include "util/host-utils.h"
#include "util/bitops.h"
#include "util/bswap.h"

/* A small deterministic generator so the loops cover many values. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static int slow_clz(uint64_t v, int width)
{
    int n = 0;

    for (int i = width - 1; i >= 0 && !((v >> i) & 1); i--) {
        n++;
    }
    return n;
}

static int slow_ctz(uint64_t v, int width)
{
    int n = 0;

    for (int i = 0; i < width && !((v >> i) & 1); i++) {
        n++;
    }
    return n;
}

static int slow_pop(uint64_t v)
{
    int n = 0;

    for (; v; v >>= 1) {
        n += v & 1;
    }
    return n;
}

static void test_clz_ctz_zero(void)
{
    g_assert_cmpint(clz32(0), ==, 32);
    g_assert_cmpint(clz64(0), ==, 64);
    g_assert_cmpint(ctz32(0), ==, 32);
    g_assert_cmpint(ctz64(0), ==, 64);
    g_assert_cmpint(clo32(UINT32_MAX), ==, 32);
    g_assert_cmpint(cto64(UINT64_MAX), ==, 64);
    g_assert_cmpint(ctpop64(0), ==, 0);
}

static void test_clz_ctz_pop_random(void)
{
    for (int i = 0; i < 20000; i++) {
        uint64_t v = rnd() >> (rnd() & 63);
        uint32_t w = (uint32_t)v;

        g_assert_cmpint(clz64(v), ==, slow_clz(v, 64));
        g_assert_cmpint(ctz64(v), ==, slow_ctz(v, 64));
        g_assert_cmpint(clz32(w), ==, slow_clz(w, 32));
        g_assert_cmpint(ctz32(w), ==, slow_ctz(w, 32));
        g_assert_cmpint(ctpop64(v), ==, slow_pop(v));
        g_assert_cmpint(ctpop32(w), ==, slow_pop(w));
        g_assert_cmpint(clo64(v), ==, slow_clz(~v, 64));
        g_assert_cmpint(cto32(w), ==, slow_ctz((uint32_t)~w, 32));
    }
    g_assert_cmpint(clrsb32(0xffffffff), ==, 31);
    g_assert_cmpint(clrsb32(1), ==, 30);
    g_assert_cmpint(clrsb64(0), ==, 63);
    g_assert_cmpint(ctpop8(0xff), ==, 8);
    g_assert_cmpint(ctpop16(0x8001), ==, 2);
}

/* 128-bit product by schoolbook multiplication of 32-bit halves. */
static void slow_mul(uint64_t a, uint64_t b, uint64_t *lo, uint64_t *hi)
{
    uint64_t a0 = (uint32_t)a, a1 = a >> 32, b0 = (uint32_t)b, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;

    *lo = (mid << 32) | (uint32_t)p00;
    *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

static void test_mulu64(void)
{
    uint64_t lo, hi, elo, ehi;

    mulu64(&lo, &hi, UINT64_MAX, UINT64_MAX);
    g_assert_cmphex(lo, ==, 1);
    g_assert_cmphex(hi, ==, UINT64_MAX - 1);
    for (int i = 0; i < 20000; i++) {
        uint64_t a = rnd(), b = rnd() >> (rnd() & 63);
        mulu64(&lo, &hi, a, b);
        slow_mul(a, b, &elo, &ehi);
        g_assert_cmphex(lo, ==, elo);
        g_assert_cmphex(hi, ==, ehi);
    }
}

static void test_muls64(void)
{
    uint64_t lo, hi;

    muls64(&lo, &hi, -1, 1);
    g_assert_cmphex(lo, ==, UINT64_MAX);
    g_assert_cmphex(hi, ==, UINT64_MAX);
    muls64(&lo, &hi, INT64_MIN, -1);
    g_assert_cmphex(lo, ==, 0x8000000000000000ULL);
    g_assert_cmphex(hi, ==, 0);
    muls64(&lo, &hi, INT64_MIN, INT64_MIN);
    g_assert_cmphex(lo, ==, 0);
    g_assert_cmphex(hi, ==, 0x4000000000000000ULL);
    muls64(&lo, &hi, -3, 5);
    g_assert_cmphex(lo, ==, (uint64_t)-15);
    g_assert_cmphex(hi, ==, UINT64_MAX);
}

static void test_divu128(void)
{
    /* Divide back what mulu64 built: (a * b + r) / b == a, remainder r. */
    for (int i = 0; i < 20000; i++) {
        uint64_t a = rnd(), b = rnd() >> (rnd() & 63), r, lo, hi, rem;

        if (!b) {
            b = 1;
        }
        r = rnd() % b;
        slow_mul(a, b, &lo, &hi);
        lo += r;
        hi += lo < r;
        rem = divu128(&lo, &hi, b);
        g_assert_cmphex(lo, ==, a);
        g_assert_cmphex(hi, ==, 0);
        g_assert_cmphex(rem, ==, r);
    }
    {
        uint64_t lo = 0, hi = 1;
        g_assert_cmphex(divu128(&lo, &hi, 2), ==, 0);
        g_assert_cmphex(lo, ==, 0x8000000000000000ULL);
        g_assert_cmphex(hi, ==, 0);
    }
    {
        /* A quotient wider than 64 bits. */
        uint64_t lo = 5, hi = 6;
        g_assert_cmphex(divu128(&lo, &hi, 1), ==, 0);
        g_assert_cmphex(lo, ==, 5);
        g_assert_cmphex(hi, ==, 6);
    }
}

static void test_divs128(void)
{
    uint64_t lo = (uint64_t)-7;
    int64_t hi = -1;

    g_assert_cmpint(divs128(&lo, &hi, 2), ==, -1);
    g_assert_cmphex(lo, ==, (uint64_t)-3);
    g_assert_cmpint(hi, ==, -1);
    lo = 7;
    hi = 0;
    g_assert_cmpint(divs128(&lo, &hi, -2), ==, 1);
    g_assert_cmphex(lo, ==, (uint64_t)-3);
    g_assert_cmpint(hi, ==, -1);
    /* INT128_MIN / -1 wraps instead of trapping. */
    lo = 0;
    hi = INT64_MIN;
    g_assert_cmpint(divs128(&lo, &hi, -1), ==, 0);
    g_assert_cmphex(lo, ==, 0);
    g_assert_cmpint(hi, ==, INT64_MIN);
}

static void test_overflow_helpers(void)
{
    uint64_t r;
    int64_t s;
    bool c = true;

    g_assert_true(uadd64_overflow(UINT64_MAX, 1, &r));
    g_assert_cmphex(r, ==, 0);
    g_assert_false(uadd64_overflow(1, 2, &r));
    g_assert_true(sadd64_overflow(INT64_MAX, 1, &s));
    g_assert_true(usub64_overflow(0, 1, &r));
    g_assert_true(umul64_overflow(1ULL << 32, 1ULL << 32, &r));
    g_assert_cmphex(uadd64_carry(UINT64_MAX, 0, &c), ==, 0);
    g_assert_true(c);
    c = false;
    g_assert_cmphex(uadd64_carry(1, 2, &c), ==, 3);
    g_assert_false(c);
    g_assert_cmpuint(muldiv64(1ULL << 62, 1000, 4000), ==, 1ULL << 60);
}

static void test_pow2(void)
{
    g_assert_true(is_power_of_2(1));
    g_assert_true(is_power_of_2(1ULL << 63));
    g_assert_false(is_power_of_2(0));
    g_assert_false(is_power_of_2(6));
    g_assert_cmpuint(pow2floor(0), ==, 0);
    g_assert_cmpuint(pow2floor(1000), ==, 512);
    g_assert_cmpuint(pow2ceil(0), ==, 1);
    g_assert_cmpuint(pow2ceil(1), ==, 1);
    g_assert_cmpuint(pow2ceil(1000), ==, 1024);
    g_assert_cmpuint(pow2ceil(1024), ==, 1024);
    g_assert_cmpuint(pow2ceil((1ULL << 63) + 1), ==, 0);
}

static void test_revbit(void)
{
    g_assert_cmphex(revbit8(0x01), ==, 0x80);
    g_assert_cmphex(revbit32(0x00000001), ==, 0x80000000);
    g_assert_cmphex(revbit32(0x12345678), ==, 0x1e6a2c48);
    g_assert_cmphex(revbit64(1), ==, 1ULL << 63);
    for (int i = 0; i < 1000; i++) {
        uint64_t v = rnd();
        g_assert_cmphex(revbit64(revbit64(v)), ==, v);
        for (int b = 0; b < 64; b += 13) {
            g_assert_cmpint((revbit64(v) >> (63 - b)) & 1, ==, (v >> b) & 1);
        }
    }
}

static void test_extract_deposit(void)
{
    g_assert_cmphex(extract32(0x12345678, 4, 8), ==, 0x67);
    g_assert_cmphex(extract32(0xffffffff, 0, 32), ==, 0xffffffff);
    g_assert_cmphex(extract64(0x123456789abcdef0ULL, 60, 4), ==, 1);
    g_assert_cmphex(extract64(UINT64_MAX, 0, 64), ==, UINT64_MAX);
    g_assert_cmphex(extract8(0xa5, 4, 4), ==, 0xa);
    g_assert_cmphex(extract16(0xbeef, 8, 8), ==, 0xbe);
    g_assert_cmpint(sextract32(0x00000f00, 8, 4), ==, -1);
    g_assert_cmpint(sextract32(0x00000700, 8, 4), ==, 7);
    g_assert_cmpint(sextract64(0x8000000000000000ULL, 63, 1), ==, -1);
    g_assert_cmpint(sextract64(0xfffffffffffffffeULL, 0, 64), ==, -2);
    g_assert_cmphex(deposit32(0xffffffff, 8, 8, 0), ==, 0xffff00ff);
    g_assert_cmphex(deposit32(0, 28, 4, 0xff), ==, 0xf0000000);
    g_assert_cmphex(deposit64(0, 32, 32, 0x12345678), ==, 0x1234567800000000ULL);
    g_assert_cmphex(deposit64(UINT64_MAX, 0, 64, 5), ==, 5);
    /* deposit then extract gives the field back, and leaves the rest. */
    for (int i = 0; i < 5000; i++) {
        uint64_t v = rnd(), f = rnd();
        int start = rnd() % 64, len = 1 + rnd() % (64 - start);
        uint64_t d = deposit64(v, start, len, f);
        uint64_t mask = (len == 64 ? UINT64_MAX : ((1ULL << len) - 1)) << start;

        g_assert_cmphex(extract64(d, start, len), ==,
                        len == 64 ? f : f & ((1ULL << len) - 1));
        g_assert_cmphex(d & ~mask, ==, v & ~mask);
    }
}

static void test_rotates(void)
{
    g_assert_cmphex(rol32(0x80000001, 1), ==, 0x00000003);
    g_assert_cmphex(ror32(0x80000001, 1), ==, 0xc0000000);
    g_assert_cmphex(rol32(0x12345678, 0), ==, 0x12345678);
    g_assert_cmphex(rol32(0x12345678, 32), ==, 0x12345678);
    g_assert_cmphex(rol64(0x8000000000000001ULL, 4), ==, 0x18);
    g_assert_cmphex(ror64(0x18, 4), ==, 0x8000000000000001ULL);
    g_assert_cmphex(rol8(0x81, 1), ==, 0x03);
    g_assert_cmphex(ror16(0x0001, 1), ==, 0x8000);
    for (int i = 0; i < 1000; i++) {
        uint64_t v = rnd();
        unsigned s = rnd() % 64;
        g_assert_cmphex(ror64(rol64(v, s), s), ==, v);
        g_assert_cmphex(rol32((uint32_t)v, s), ==,
                        ror32((uint32_t)v, (32 - s % 32) % 32));
    }
}

static void test_bitmap(void)
{
    unsigned long map[BITS_TO_LONGS(130)] = { 0 };

    set_bit(0, map);
    set_bit(65, map);
    set_bit(129, map);
    g_assert_true(test_bit(65, map));
    g_assert_false(test_bit(64, map));
    g_assert_cmpuint(find_first_bit(map, 130), ==, 0);
    g_assert_cmpuint(find_next_bit(map, 130, 1), ==, 65);
    g_assert_cmpuint(find_next_bit(map, 130, 66), ==, 129);
    g_assert_cmpuint(find_next_zero_bit(map, 130, 0), ==, 1);
    g_assert_true(test_and_clear_bit(65, map));
    g_assert_false(test_and_set_bit(65, map));
    clear_bit(0, map);
    change_bit(1, map);
    g_assert_cmpuint(find_first_bit(map, 130), ==, 1);
    g_assert_cmphex(MAKE_64BIT_MASK(4, 8), ==, 0xff0);
}

static void test_bswap(void)
{
    g_assert_cmphex(bswap16(0x1234), ==, 0x3412);
    g_assert_cmphex(bswap32(0x12345678), ==, 0x78563412);
    g_assert_cmphex(bswap64(0x0102030405060708ULL), ==, 0x0807060504030201ULL);
}

static void test_ldst(void)
{
    uint8_t buf[16] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88,
                        0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x00 };
    uint8_t out[16] = { 0 };

    /* Unaligned on purpose: offset 1. */
    g_assert_cmphex(lduw_le_p(buf + 1), ==, 0x3322);
    g_assert_cmphex(lduw_be_p(buf + 1), ==, 0x2233);
    g_assert_cmphex((uint32_t)ldl_le_p(buf + 1), ==, 0x55443322);
    g_assert_cmphex((uint32_t)ldl_be_p(buf + 1), ==, 0x22334455);
    g_assert_cmphex(ldq_le_p(buf + 1), ==, 0x9988776655443322ULL);
    g_assert_cmphex(ldq_be_p(buf + 1), ==, 0x2233445566778899ULL);
    g_assert_cmpint(ldsw_le_p(buf + 9), ==, (int16_t)0xbbaa);
    g_assert_cmpint(ldsb_p(buf + 8), ==, (int8_t)0x99);
    stl_be_p(out + 3, 0xdeadbeef);
    g_assert_cmphex(out[3], ==, 0xde);
    g_assert_cmphex(out[6], ==, 0xef);
    stq_le_p(out + 7, 0x0102030405060708ULL);
    g_assert_cmphex(out[7], ==, 0x08);
    g_assert_cmphex(out[14], ==, 0x01);
    stw_le_p(out, 0xabcd);
    g_assert_cmphex(out[0], ==, 0xcd);
    for (int sz = 1; sz <= 8; sz *= 2) {
        uint64_t v = 0x0123456789abcdefULL & (sz == 8 ? UINT64_MAX
                                                      : (1ULL << (8 * sz)) - 1);
        stn_be_p(out, sz, v);
        g_assert_cmphex(ldn_be_p(out, sz), ==, v);
        g_assert_cmphex(out[0], ==, (v >> (8 * (sz - 1))) & 0xff);
        stn_le_p(out, sz, v);
        g_assert_cmphex(ldn_le_p(out, sz), ==, v);
        g_assert_cmphex(out[0], ==, v & 0xff);
    }
    g_assert_cmphex(cpu_to_be32(0x11223344), ==, 0x44332211);
    g_assert_cmphex(le64_to_cpu(0x1122334455667788ULL), ==, 0x1122334455667788ULL);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/host-utils/clz-ctz-zero", test_clz_ctz_zero);
    g_test_add_func("/host-utils/clz-ctz-pop-random", test_clz_ctz_pop_random);
    g_test_add_func("/host-utils/mulu64", test_mulu64);
    g_test_add_func("/host-utils/muls64", test_muls64);
    g_test_add_func("/host-utils/divu128", test_divu128);
    g_test_add_func("/host-utils/divs128", test_divs128);
    g_test_add_func("/host-utils/overflow", test_overflow_helpers);
    g_test_add_func("/host-utils/pow2", test_pow2);
    g_test_add_func("/host-utils/revbit", test_revbit);
    g_test_add_func("/bitops/extract-deposit", test_extract_deposit);
    g_test_add_func("/bitops/rotates", test_rotates);
    g_test_add_func("/bitops/bitmap", test_bitmap);
    g_test_add_func("/bswap/swaps", test_bswap);
    g_test_add_func("/bswap/ldst-unaligned", test_ldst);
    return g_test_run();
}
