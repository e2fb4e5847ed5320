/*
 * test-softfloat-f128.c - float128 in fpu/softfloat.c against GCC's
 * __float128 arithmetic (libgcc's soft-fp, which on x86-64 takes its
 * rounding mode from MXCSR and reports flags through the x87/SSE status,
 * detecting tininess after rounding: the same choices as
 * softfloat_status_init_x86).
 *
 * add, sub, mul, div, compare and the conversions are compared bit for
 * bit with their flags in the four rounding modes; when both operands are
 * NaNs only "is a NaN" is compared (soft-fp picks the larger payload).
 * libgcc has no fma or sqrt, so muladd is compared where the product is
 * exact (short significands) and against a * b with c = 0, and sqrt
 * through its residual a - r*r computed by muladd.
 */
#include "util/osdep.h"
#include <fenv.h>
#include "fpu/softfloat.h"

static const struct {
    FloatRoundMode sf;
    int fe;
    const char *name;
} modes[] = {
    { float_round_nearest_even, FE_TONEAREST, "nearest" },
    { float_round_down, FE_DOWNWARD, "down" },
    { float_round_up, FE_UPWARD, "up" },
    { float_round_to_zero, FE_TOWARDZERO, "zero" },
};

static uint64_t rng_state;

static inline uint64_t rnd64(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1DULL;
}

static inline uint32_t rnd_below(uint32_t n)
{
    return (uint32_t)((rnd64() >> 32) % n);
}

static float128 gen_f128(void)
{
    uint64_t sign = rnd64() & (1ULL << 63), hi = rnd64() & 0xffffffffffffULL, lo = rnd64();
    uint64_t exp;

    switch (rnd_below(12)) {
    case 0:
        exp = 0x7fff;
        if (rnd_below(2)) {
            hi = lo = 0;
        }
        break;
    case 1:
        exp = 0;
        if (rnd_below(2)) {
            hi = lo = 0;
        } else if (rnd_below(2)) {
            hi >>= rnd_below(48);
        }
        break;
    case 2:
        exp = 1 + rnd_below(120);
        break;
    case 3:
        exp = 0x7ffe - rnd_below(120);
        break;
    case 4: case 5:         /* few bits set: ties and exact results */
        exp = 16383 - 60 + rnd_below(120);
        hi &= rnd64() & rnd64();
        lo &= rnd64() & rnd64() & rnd64();
        break;
    case 6:
        exp = 16383 + rnd_below(70);   /* integers for the conversions */
        break;
    default:
        exp = 16383 - 2000 + rnd_below(4000);
        break;
    }
    return make_float128(sign | (exp << 48) | hi, lo);
}

static inline __float128 to_q(float128 a)
{
    __float128 q;
    memcpy(&q, &a, 16);
    return q;
}

static inline float128 from_q(__float128 q)
{
    float128 a;
    memcpy(&a, &q, 16);
    return a;
}

static int host_flags(void)
{
    int e = fetestexcept(FE_ALL_EXCEPT), f = 0;

    f |= (e & FE_INVALID) ? float_flag_invalid : 0;
    f |= (e & FE_DIVBYZERO) ? float_flag_divbyzero : 0;
    f |= (e & FE_OVERFLOW) ? float_flag_overflow : 0;
    f |= (e & FE_UNDERFLOW) ? float_flag_underflow : 0;
    f |= (e & FE_INEXACT) ? float_flag_inexact : 0;
    return f;
}

#define IEEE_FLAGS (float_flag_invalid | float_flag_divbyzero | float_flag_overflow | \
                    float_flag_underflow | float_flag_inexact)

static unsigned long cases_per_mode = 40000;
static unsigned long total_cases, total_mismatches;

static void report(const char *what, const char *mode, float128 a, float128 b,
                   float128 want, int hf, float128 got, int sf)
{
    total_mismatches++;
    if (total_mismatches <= 20) {
        g_test_message("MISMATCH %s (%s) a=%016" PRIx64 "%016" PRIx64 " b=%016" PRIx64 "%016"
                       PRIx64 ": host %016" PRIx64 "%016" PRIx64 " flags %#x, softfloat %016"
                       PRIx64 "%016" PRIx64 " flags %#x", what, mode, a.high, a.low, b.high,
                       b.low, want.high, want.low, hf, got.high, got.low, sf);
    }
}

static bool same(float128 a, float128 b)
{
    return a.high == b.high && a.low == b.low;
}

/* __float128 operations through volatile so they run after fesetround. */
static volatile __float128 vq_a, vq_b, vq_r;

static void test_arith(void)
{
    unsigned long c0 = total_cases, m0 = total_mismatches;
    static const char *const names[] = { "add", "sub", "mul", "div", "cmp", "cmp_quiet" };

    for (unsigned m = 0; m < ARRAY_SIZE(modes); m++) {
        for (unsigned long i = 0; i < cases_per_mode; i++) {
            float128 a = gen_f128(), b = gen_f128(), want, got;
            int op = rnd_below(6), hf, sf;
            float_status st;

            if (op < 2 && rnd_below(6) == 0) {
                b = a;
                b.low ^= rnd_below(4);
                b.high ^= (uint64_t)(op == 0) << 63;
            }
            softfloat_status_init_x86(&st);
            st.float_rounding_mode = modes[m].sf;
            fesetround(modes[m].fe);
            feclearexcept(FE_ALL_EXCEPT);
            vq_a = to_q(a);
            vq_b = to_q(b);
            switch (op) {
            case 0: vq_r = vq_a + vq_b; got = float128_add(a, b, &st); break;
            case 1: vq_r = vq_a - vq_b; got = float128_sub(a, b, &st); break;
            case 2: vq_r = vq_a * vq_b; got = float128_mul(a, b, &st); break;
            case 3: vq_r = vq_a / vq_b; got = float128_div(a, b, &st); break;
            case 4: {
                /* Ordered comparisons signal on any NaN. */
                int lt = vq_a < vq_b, gt = vq_a > vq_b, eq = !lt && !gt && vq_a >= vq_b;
                int rel = lt ? float_relation_less : gt ? float_relation_greater
                        : eq ? float_relation_equal : float_relation_unordered;
                vq_r = rel;
                got = make_float128(0, (uint64_t)(int64_t)float128_compare(a, b, &st));
                vq_r = (__float128)(int64_t)rel;
                break;
            }
            default: {
                int un = __builtin_isunordered(vq_a, vq_b);
                int eq = !un && vq_a == vq_b;
                int lt = !un && !eq && __builtin_isless(vq_a, vq_b);
                int rel = un ? float_relation_unordered : eq ? float_relation_equal
                        : lt ? float_relation_less : float_relation_greater;
                got = make_float128(0, (uint64_t)(int64_t)float128_compare_quiet(a, b, &st));
                vq_r = (__float128)(int64_t)rel;
                break;
            }
            }
            hf = host_flags();
            fesetround(FE_TONEAREST);
            want = from_q(vq_r);
            if (op >= 4) {
                /* The host relation went through a float conversion: compare the integers. */
                want = make_float128(0, (uint64_t)(int64_t)vq_r);
                hf &= float_flag_invalid;
            }
            sf = st.float_exception_flags & IEEE_FLAGS;
            total_cases++;
            if (op < 4 && float128_is_any_nan(a) && float128_is_any_nan(b)) {
                if (float128_is_any_nan(want) == float128_is_any_nan(got) && hf == sf) {
                    continue;
                }
            }
            if (!same(want, got) || hf != sf) {
                report(names[op], modes[m].name, a, b, want, hf, got, sf);
            }
        }
    }
    g_test_message("%lu cases, %lu mismatches", total_cases - c0, total_mismatches - m0);
    g_assert_cmpuint(total_mismatches - m0, ==, 0);
}

static void test_convert(void)
{
    unsigned long c0 = total_cases, m0 = total_mismatches;

    for (unsigned m = 0; m < ARRAY_SIZE(modes); m++) {
        for (unsigned long i = 0; i < cases_per_mode; i++) {
            float128 a = gen_f128(), want, got;
            uint64_t d = rnd64(), wd, gd;
            int64_t iv = (int64_t)rnd64() >> rnd_below(64);
            int hf, sf;
            float_status st;
            volatile double vd;
            volatile int64_t vi;

            softfloat_status_init_x86(&st);
            st.float_rounding_mode = modes[m].sf;
            fesetround(modes[m].fe);
            feclearexcept(FE_ALL_EXCEPT);
            vq_a = to_q(a);
            vd = (double)vq_a;
            hf = host_flags();
            memcpy(&wd, (const void *)&vd, 8);
            gd = float128_to_float64(a, &st);
            sf = st.float_exception_flags & IEEE_FLAGS;
            total_cases++;
            if (wd != gd || hf != sf) {
                report("to f64", modes[m].name, a, a, make_float128(0, wd), hf,
                       make_float128(0, gd), sf);
            }

            softfloat_status_init_x86(&st);
            st.float_rounding_mode = modes[m].sf;
            feclearexcept(FE_ALL_EXCEPT);
            memcpy((void *)&vd, &d, 8);
            vq_r = (__float128)vd;
            hf = host_flags();
            want = from_q(vq_r);
            got = float64_to_float128(d, &st);
            sf = st.float_exception_flags & IEEE_FLAGS;
            total_cases++;
            if (!same(want, got) || hf != sf) {
                report("from f64", modes[m].name, make_float128(0, d), a, want, hf, got, sf);
            }

            softfloat_status_init_x86(&st);
            st.float_rounding_mode = modes[m].sf;
            feclearexcept(FE_ALL_EXCEPT);
            vi = iv;
            vq_r = (__float128)vi;
            hf = host_flags();
            want = from_q(vq_r);
            got = int64_to_float128(iv, &st);
            sf = st.float_exception_flags & IEEE_FLAGS;
            total_cases++;
            if (!same(want, got) || hf != sf) {
                report("from i64", modes[m].name, make_float128(0, iv), a, want, hf, got, sf);
            }

            /* C casts truncate; out of range only the Invalid flag is comparable. */
            softfloat_status_init_x86(&st);
            st.float_rounding_mode = modes[m].sf;
            feclearexcept(FE_ALL_EXCEPT);
            vi = (int64_t)vq_a;
            hf = host_flags();
            gd = (uint64_t)float128_to_int64_round_to_zero(a, &st);
            sf = st.float_exception_flags & IEEE_FLAGS;
            total_cases++;
            if ((!(hf & float_flag_invalid) && (uint64_t)vi != gd) || hf != sf) {
                report("to i64 trunc", modes[m].name, a, a, make_float128(0, vi), hf,
                       make_float128(0, gd), sf);
            }
            fesetround(FE_TONEAREST);
        }
    }
    g_test_message("%lu cases, %lu mismatches", total_cases - c0, total_mismatches - m0);
    g_assert_cmpuint(total_mismatches - m0, ==, 0);
}

/*
 * muladd where a * b is exact (at most 56 significant bits each) must
 * equal the host's (a * b) + c with its one rounding; muladd(a, b, -0)
 * must equal a * b (a zero product aside). sqrt: r = sqrt(a) rounded to
 * nearest iff its residual a - r*r (exact, by muladd) is at most r * ulp(r).
 */
static void test_muladd_sqrt(void)
{
    unsigned long c0 = total_cases, m0 = total_mismatches;

    for (unsigned m = 0; m < ARRAY_SIZE(modes); m++) {
        for (unsigned long i = 0; i < cases_per_mode; i++) {
            float128 a = gen_f128(), b = gen_f128(), c = gen_f128(), want, got;
            int hf, sf;
            float_status st;

            a.low &= ~0ULL << 56;
            b.low &= ~0ULL << 56;
            softfloat_status_init_x86(&st);
            st.float_rounding_mode = modes[m].sf;
            fesetround(modes[m].fe);
            feclearexcept(FE_ALL_EXCEPT);
            vq_a = to_q(a);
            vq_b = to_q(b);
            vq_r = vq_a * vq_b;
            hf = host_flags();
            if (!(hf & (float_flag_inexact | float_flag_invalid)) && !float128_is_any_nan(c) &&
                !float128_is_zero(from_q(vq_r))) {
                feclearexcept(FE_ALL_EXCEPT);
                vq_r = vq_r + to_q(c);
                hf = host_flags();
                want = from_q(vq_r);
                got = float128_muladd(a, b, c, 0, &st);
                sf = st.float_exception_flags & IEEE_FLAGS;
                total_cases++;
                if (float128_is_any_nan(a) && float128_is_any_nan(b)) {
                    /* soft-fp keeps the larger payload: compare the kind only. */
                    bool both = float128_is_any_nan(want) && float128_is_any_nan(got);
                    want = make_float128(0, 1);
                    got = make_float128(0, both);
                }
                if (!same(want, got) || hf != sf) {
                    report("muladd exact product", modes[m].name, a, b, want, hf, got, sf);
                }
            }

            a = gen_f128();
            b = gen_f128();
            softfloat_status_init_x86(&st);
            st.float_rounding_mode = modes[m].sf;
            feclearexcept(FE_ALL_EXCEPT);
            vq_a = to_q(a);
            vq_b = to_q(b);
            vq_r = vq_a * vq_b;
            hf = host_flags();
            want = from_q(vq_r);
            got = float128_muladd(a, b, make_float128(1ULL << 63, 0), 0, &st);
            sf = st.float_exception_flags & IEEE_FLAGS;
            total_cases++;
            if (!(float128_is_any_nan(a) && float128_is_any_nan(b)) && !float128_is_zero(want) &&
                (!same(want, got) || hf != sf)) {
                report("muladd(a, b, -0)", modes[m].name, a, b, want, hf, got, sf);
            }
            fesetround(FE_TONEAREST);
        }
    }

    /* sqrt in round-to-nearest, by its residual. */
    for (unsigned long i = 0; i < cases_per_mode; i++) {
        float128 a = float128_abs(gen_f128()), r, res, ulp_r, bound;
        float_status st;

        softfloat_status_init_x86(&st);
        if (float128_is_any_nan(a) || float128_is_infinity(a) || float128_is_zero(a)) {
            continue;
        }
        r = float128_sqrt(a, &st);
        /* ulp(r) as a float128: same exponent, fraction 1 (r is never denormal here). */
        res = float128_muladd(float128_chs(r), r, a, 0, &st);
        ulp_r = float128_sub(make_float128(r.high, r.low | 1), make_float128(r.high, r.low & ~1ULL), &st);
        bound = float128_mul(r, ulp_r, &st);
        total_cases++;
        if (float128_compare_quiet(float128_abs(res), bound, &st) == float_relation_greater) {
            report("sqrt residual", "nearest", a, r, res, 0, bound, 0);
        }
    }
    g_test_message("%lu cases, %lu mismatches", total_cases - c0, total_mismatches - m0);
    g_assert_cmpuint(total_mismatches - m0, ==, 0);
}

int main(int argc, char **argv)
{
    const char *env;
    int ret;

    g_test_init(&argc, &argv, NULL);
    g_test_set_nonfatal_assertions();
    env = g_getenv("PLUMB_SOFTFLOAT_CASES");
    if (env) {
        cases_per_mode = strtoul(env, NULL, 0) / 3 + 1;
    }
    env = g_getenv("PLUMB_SOFTFLOAT_SEED");
    rng_state = env ? strtoull(env, NULL, 0) | 1 : 0x13198a2e03707344ULL;

    g_test_add_func("/softfloat/f128/arith-compare", test_arith);
    g_test_add_func("/softfloat/f128/convert", test_convert);
    g_test_add_func("/softfloat/f128/muladd-sqrt", test_muladd_sqrt);
    ret = g_test_run();
    printf("# softfloat float128 vs libgcc __float128: %lu cases, %lu mismatches\n",
           total_cases, total_mismatches);
    return ret;
}
