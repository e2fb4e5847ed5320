/*
 * test-softfloat-host.c - differential test of fpu/softfloat.c against the
 * host's x86-64 SSE/AVX/F16C hardware, which implements IEEE 754 binary32
 * and binary64 exactly.
 *
 * Each host operation is one inline-asm instruction bracketed by LDMXCSR /
 * STMXCSR, so the compiler cannot fold, reorder or widen it, and the
 * rounding mode and sticky flags are exactly those of MXCSR. softfloat runs
 * with the x86 rules (softfloat_status_init_x86: first-operand NaN,
 * default NaN 0xffc00000, tininess after rounding), so results, NaNs
 * included, and the five IEEE flags are compared bit for bit.
 *
 * Operands are seeded pseudo-random and biased toward the places where
 * rounding goes wrong: specials, denormals, the overflow and underflow
 * boundaries, halfway cases and near-cancellation. PLUMB_SOFTFLOAT_CASES
 * scales the number of cases (default 250000 per operation and rounding mode),
 * PLUMB_SOFTFLOAT_SEED changes the seed.
 */
#include "util/osdep.h"
#include "fpu/softfloat.h"

/* ---- host side ---- */

#define MXCSR_IE 0x01
#define MXCSR_ZE 0x04
#define MXCSR_OE 0x08
#define MXCSR_UE 0x10
#define MXCSR_PE 0x20
#define MXCSR_MASKS 0x1f80

static const struct {
    FloatRoundMode sf;
    uint32_t rc;
    const char *name;
} modes[] = {
    { float_round_nearest_even, 0, "nearest" },
    { float_round_down, 1, "down" },
    { float_round_up, 2, "up" },
    { float_round_to_zero, 3, "zero" },
};

static uint32_t host_mxcsr;     /* control word for the next host op */

static inline void mx_set(uint32_t v)
{
    asm volatile("ldmxcsr %0" : : "m"(v));
}

static inline uint32_t mx_get(void)
{
    uint32_t v;
    asm volatile("stmxcsr %0" : "=m"(v));
    return v;
}

static int flags_from_mxcsr(uint32_t m)
{
    int f = 0;

    f |= (m & MXCSR_IE) ? float_flag_invalid : 0;
    f |= (m & MXCSR_ZE) ? float_flag_divbyzero : 0;
    f |= (m & MXCSR_OE) ? float_flag_overflow : 0;
    f |= (m & MXCSR_UE) ? float_flag_underflow : 0;
    f |= (m & MXCSR_PE) ? float_flag_inexact : 0;
    return f;
}

#define HOST_BINOP(name, insn, T, R)                                        \
    static T name(T a, T b, int *flags)                                     \
    {                                                                       \
        uint32_t saved = mx_get();                                          \
        mx_set(host_mxcsr);                                                 \
        asm volatile(insn " %1, %0" : "+x"(a) : "x"(b));                    \
        *flags = flags_from_mxcsr(mx_get());                                \
        mx_set(saved);                                                      \
        return a;                                                           \
    }

HOST_BINOP(h_adds, "addss", float, 0)
HOST_BINOP(h_subs, "subss", float, 0)
HOST_BINOP(h_muls, "mulss", float, 0)
HOST_BINOP(h_divs, "divss", float, 0)
HOST_BINOP(h_addd, "addsd", double, 0)
HOST_BINOP(h_subd, "subsd", double, 0)
HOST_BINOP(h_muld, "mulsd", double, 0)
HOST_BINOP(h_divd, "divsd", double, 0)

static float h_sqrts(float a, int *flags)
{
    uint32_t saved = mx_get();
    float r;
    mx_set(host_mxcsr);
    asm volatile("sqrtss %1, %0" : "=x"(r) : "x"(a));
    *flags = flags_from_mxcsr(mx_get());
    mx_set(saved);
    return r;
}

static double h_sqrtd(double a, int *flags)
{
    uint32_t saved = mx_get();
    double r;
    mx_set(host_mxcsr);
    asm volatile("sqrtsd %1, %0" : "=x"(r) : "x"(a));
    *flags = flags_from_mxcsr(mx_get());
    mx_set(saved);
    return r;
}

/*
 * vfmadd213: dst = src2 * dst + src3 with dst = a, src2 = b, src3 = c. The
 * hardware multiplies src2 * dst, and its NaN priority is src2, dst, src3:
 * so softfloat is called as muladd(b, a, c) under the abc rule, which is
 * the same number since the product is exact before the single rounding.
 */
static float h_fmas(float a, float b, float c, int *flags)
{
    uint32_t saved = mx_get();
    mx_set(host_mxcsr);
    asm volatile("vfmadd213ss %2, %1, %0" : "+x"(a) : "x"(b), "x"(c));
    *flags = flags_from_mxcsr(mx_get());
    mx_set(saved);
    return a;
}

static double h_fmad(double a, double b, double c, int *flags)
{
    uint32_t saved = mx_get();
    mx_set(host_mxcsr);
    asm volatile("vfmadd213sd %2, %1, %0" : "+x"(a) : "x"(b), "x"(c));
    *flags = flags_from_mxcsr(mx_get());
    mx_set(saved);
    return a;
}

static float h_cvtds(double a, int *flags)
{
    uint32_t saved = mx_get();
    float r;
    mx_set(host_mxcsr);
    asm volatile("cvtsd2ss %1, %0" : "=x"(r) : "x"(a));
    *flags = flags_from_mxcsr(mx_get());
    mx_set(saved);
    return r;
}

static double h_cvtsd(float a, int *flags)
{
    uint32_t saved = mx_get();
    double r;
    mx_set(host_mxcsr);
    asm volatile("cvtss2sd %1, %0" : "=x"(r) : "x"(a));
    *flags = flags_from_mxcsr(mx_get());
    mx_set(saved);
    return r;
}

/* F16C: imm8 bit 2 = round by MXCSR.RC. */
static uint16_t h_cvtsh(float a, int *flags)
{
    uint32_t saved = mx_get();
    uint32_t r;
    float tmp;
    mx_set(host_mxcsr);
    asm volatile("vcvtps2ph $4, %1, %0" : "=x"(tmp) : "x"(a));
    *flags = flags_from_mxcsr(mx_get());
    mx_set(saved);
    memcpy(&r, &tmp, 4);
    return (uint16_t)r;
}

static float h_cvths(uint16_t h, int *flags)
{
    uint32_t saved = mx_get();
    uint32_t in = h;
    float tmp, r;
    memcpy(&tmp, &in, 4);
    mx_set(host_mxcsr);
    asm volatile("vcvtph2ps %1, %0" : "=x"(r) : "x"(tmp));
    *flags = flags_from_mxcsr(mx_get());
    mx_set(saved);
    return r;
}

#define HOST_TOINT(name, insn, T, I)                                        \
    static I name(T a, int *flags)                                          \
    {                                                                       \
        uint32_t saved = mx_get();                                          \
        I r;                                                                \
        mx_set(host_mxcsr);                                                 \
        asm volatile(insn " %1, %0" : "=r"(r) : "x"(a));                    \
        *flags = flags_from_mxcsr(mx_get());                                \
        mx_set(saved);                                                      \
        return r;                                                           \
    }

HOST_TOINT(h_cvtss2si32, "cvtss2si", float, int32_t)
HOST_TOINT(h_cvtss2si64, "cvtss2siq", float, int64_t)
HOST_TOINT(h_cvttss2si32, "cvttss2si", float, int32_t)
HOST_TOINT(h_cvttss2si64, "cvttss2siq", float, int64_t)
HOST_TOINT(h_cvtsd2si32, "cvtsd2si", double, int32_t)
HOST_TOINT(h_cvtsd2si64, "cvtsd2siq", double, int64_t)
HOST_TOINT(h_cvttsd2si32, "cvttsd2si", double, int32_t)
HOST_TOINT(h_cvttsd2si64, "cvttsd2siq", double, int64_t)

#define HOST_FROMINT(name, insn, I, T)                                      \
    static T name(I a, int *flags)                                          \
    {                                                                       \
        uint32_t saved = mx_get();                                          \
        T r = 0;                                                            \
        mx_set(host_mxcsr);                                                 \
        asm volatile(insn " %1, %0" : "+x"(r) : "r"(a));                    \
        *flags = flags_from_mxcsr(mx_get());                                \
        mx_set(saved);                                                      \
        return r;                                                           \
    }

HOST_FROMINT(h_cvtsi2ss32, "cvtsi2ssl", int32_t, float)
HOST_FROMINT(h_cvtsi2ss64, "cvtsi2ssq", int64_t, float)
HOST_FROMINT(h_cvtsi2sd64, "cvtsi2sdq", int64_t, double)

static inline uint32_t fbits(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

static inline float bitsf(uint32_t u)
{
    float f;
    memcpy(&f, &u, 4);
    return f;
}

static inline uint64_t dbits(double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

static inline double bitsd(uint64_t u)
{
    double d;
    memcpy(&d, &u, 8);
    return d;
}

/* ---- operand generator ---- */

static uint64_t rng_state;

static inline uint64_t rnd64(void)
{
    /* xorshift64* */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1DULL;
}

static inline uint32_t rnd_below(uint32_t n)
{
    return (uint32_t)((rnd64() >> 32) % n);
}

/* A random value of a format with exp_bits/frac_bits, biased toward hard cases. */
static uint64_t gen_float(int exp_bits, int frac_bits)
{
    const uint64_t frac_mask = (1ULL << frac_bits) - 1;
    const uint32_t emax = (1u << exp_bits) - 1;
    const uint32_t bias = emax >> 1;
    uint64_t sign = rnd64() & 1, frac, exp;

    switch (rnd_below(16)) {
    case 0: case 1: case 2: case 3:
        return rnd64() & ((1ULL << (1 + exp_bits + frac_bits)) - 1);
    case 4:             /* specials */
        switch (rnd_below(8)) {
        case 0: exp = 0; frac = 0; break;                           /* zero */
        case 1: exp = emax; frac = 0; break;                        /* inf */
        case 2: exp = emax; frac = 1ULL << (frac_bits - 1); break;  /* default-ish qNaN */
        case 3: exp = emax; frac = (rnd64() & frac_mask) | 1; break; /* any NaN */
        case 4: exp = emax; frac = (rnd64() & (frac_mask >> 1)) | 1; break; /* sNaN */
        case 5: exp = 0; frac = 1; break;                           /* min denormal */
        case 6: exp = emax - 1; frac = frac_mask; break;            /* max */
        default: exp = 1; frac = 0; break;                          /* min normal */
        }
        break;
    case 5: case 6:     /* denormals and the normal boundary */
        exp = rnd_below(3);
        frac = rnd64() & frac_mask;
        break;
    case 7:             /* near overflow */
        exp = emax - 1 - rnd_below(3);
        frac = rnd64() & frac_mask;
        break;
    case 8: case 9:     /* few fraction bits: exact results and halfway cases */
        exp = bias - 8 + rnd_below(17);
        frac = (rnd64() & rnd64() & rnd64()) & frac_mask;
        break;
    case 10:            /* fraction all ones or nearly */
        exp = 1 + rnd_below(emax - 1);
        frac = frac_mask ^ (rnd64() & 7);
        break;
    case 11:            /* around 1.0: exponents that make products/quotients tiny or huge */
        exp = rnd_below(2) ? rnd_below(bias / 2 + 1) : emax - 1 - rnd_below(bias / 2);
        frac = rnd64() & frac_mask;
        break;
    default:
        exp = 1 + rnd_below(emax - 1);
        frac = rnd64() & frac_mask;
        break;
    }
    return (sign << (exp_bits + frac_bits)) | (exp << frac_bits) | frac;
}

static inline uint32_t gen_f32(void)
{
    return (uint32_t)gen_float(8, 23);
}

static inline uint64_t gen_f64(void)
{
    return gen_float(11, 52);
}

/* ---- the comparison loop ---- */

static unsigned long total_cases, total_mismatches;
static unsigned long cases_per_mode = 250000;

static void report(const char *what, const char *mode, const char *ops,
                   uint64_t want, int want_flags, uint64_t got, int got_flags)
{
    total_mismatches++;
    if (total_mismatches <= 20) {
        g_test_message("MISMATCH %s (%s) %s: host %#" PRIx64 " flags %#x, softfloat %#"
                       PRIx64 " flags %#x", what, mode, ops, want, want_flags, got, got_flags);
    }
}

#define IEEE_FLAGS (float_flag_invalid | float_flag_divbyzero | float_flag_overflow | \
                    float_flag_underflow | float_flag_inexact)

typedef enum { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT, OP_FMA } ArithOp;
static const char *const op_names[] = { "add", "sub", "mul", "div", "sqrt", "fma" };

static void run_arith32(ArithOp op)
{
    float_status st;
    char buf[96];

    for (unsigned m = 0; m < ARRAY_SIZE(modes); m++) {
        host_mxcsr = MXCSR_MASKS | (modes[m].rc << 13);
        for (unsigned long i = 0; i < cases_per_mode; i++) {
            uint32_t a = gen_f32(), b = gen_f32(), c = gen_f32(), want, got;
            int hf = 0, sf;

            softfloat_status_init_x86(&st);
            st.float_rounding_mode = modes[m].sf;
            /* Near-cancellation: b or c close to minus what a (or a*b) gives. */
            if (rnd_below(8) == 0) {
                int tmp;
                if (op == OP_FMA) {
                    c = fbits(-h_muls(bitsf(a), bitsf(b), &tmp)) ^ rnd_below(4);
                } else if (op == OP_ADD) {
                    b = (a ^ 0x80000000u) ^ rnd_below(4);
                } else if (op == OP_SUB) {
                    b = a ^ rnd_below(4);
                }
            }
            switch (op) {
            case OP_ADD: want = fbits(h_adds(bitsf(a), bitsf(b), &hf)); got = float32_add(a, b, &st); break;
            case OP_SUB: want = fbits(h_subs(bitsf(a), bitsf(b), &hf)); got = float32_sub(a, b, &st); break;
            case OP_MUL: want = fbits(h_muls(bitsf(a), bitsf(b), &hf)); got = float32_mul(a, b, &st); break;
            case OP_DIV: want = fbits(h_divs(bitsf(a), bitsf(b), &hf)); got = float32_div(a, b, &st); break;
            case OP_SQRT: want = fbits(h_sqrts(bitsf(a), &hf)); got = float32_sqrt(a, &st); break;
            default:
                want = fbits(h_fmas(bitsf(a), bitsf(b), bitsf(c), &hf));
                got = float32_muladd(b, a, c, 0, &st);
                break;
            }
            sf = st.float_exception_flags & IEEE_FLAGS;
            total_cases++;
            if (want != got || hf != sf) {
                snprintf(buf, sizeof(buf), "a=%08x b=%08x c=%08x", a, b, c);
                report(op_names[op], modes[m].name, buf, want, hf, got, sf);
            }
        }
    }
}

static void run_arith64(ArithOp op)
{
    float_status st;
    char buf[96];

    for (unsigned m = 0; m < ARRAY_SIZE(modes); m++) {
        host_mxcsr = MXCSR_MASKS | (modes[m].rc << 13);
        for (unsigned long i = 0; i < cases_per_mode; i++) {
            uint64_t a = gen_f64(), b = gen_f64(), c = gen_f64(), want, got;
            int hf = 0, sf;

            softfloat_status_init_x86(&st);
            st.float_rounding_mode = modes[m].sf;
            if (rnd_below(8) == 0) {
                int tmp;
                if (op == OP_FMA) {
                    c = dbits(-h_muld(bitsd(a), bitsd(b), &tmp)) ^ rnd_below(4);
                } else if (op == OP_ADD) {
                    b = (a ^ (1ULL << 63)) ^ rnd_below(4);
                } else if (op == OP_SUB) {
                    b = a ^ rnd_below(4);
                }
            }
            switch (op) {
            case OP_ADD: want = dbits(h_addd(bitsd(a), bitsd(b), &hf)); got = float64_add(a, b, &st); break;
            case OP_SUB: want = dbits(h_subd(bitsd(a), bitsd(b), &hf)); got = float64_sub(a, b, &st); break;
            case OP_MUL: want = dbits(h_muld(bitsd(a), bitsd(b), &hf)); got = float64_mul(a, b, &st); break;
            case OP_DIV: want = dbits(h_divd(bitsd(a), bitsd(b), &hf)); got = float64_div(a, b, &st); break;
            case OP_SQRT: want = dbits(h_sqrtd(bitsd(a), &hf)); got = float64_sqrt(a, &st); break;
            default:
                want = dbits(h_fmad(bitsd(a), bitsd(b), bitsd(c), &hf));
                got = float64_muladd(b, a, c, 0, &st);
                break;
            }
            sf = st.float_exception_flags & IEEE_FLAGS;
            total_cases++;
            if (want != got || hf != sf) {
                snprintf(buf, sizeof(buf), "a=%016" PRIx64 " b=%016" PRIx64 " c=%016" PRIx64,
                         a, b, c);
                report(op_names[op], modes[m].name, buf, want, hf, got, sf);
            }
        }
    }
}

static void check_no_mismatch(unsigned long before_cases, unsigned long before_mm)
{
    g_test_message("%lu cases, %lu mismatches", total_cases - before_cases,
                   total_mismatches - before_mm);
    g_assert_cmpuint(total_cases - before_cases, >, 0);
    g_assert_cmpuint(total_mismatches - before_mm, ==, 0);
}

static void test_arith(gconstpointer data)
{
    int which = GPOINTER_TO_INT(data);
    unsigned long c0 = total_cases, m0 = total_mismatches;

    if (which & 0x100) {
        run_arith64(which & 0xff);
    } else {
        run_arith32(which & 0xff);
    }
    check_no_mismatch(c0, m0);
}

static void test_convert_float(void)
{
    unsigned long c0 = total_cases, m0 = total_mismatches;
    float_status st;
    char buf[64];

    for (unsigned m = 0; m < ARRAY_SIZE(modes); m++) {
        host_mxcsr = MXCSR_MASKS | (modes[m].rc << 13);
        for (unsigned long i = 0; i < cases_per_mode; i++) {
            uint64_t d = gen_f64(), want, got;
            uint32_t f = gen_f32();
            uint16_t h = (uint16_t)gen_float(5, 10);
            int hf = 0, sf;

            /* Doubles that land near the float32 range edges. */
            if (rnd_below(2)) {
                uint64_t e = 1023 - 150 + rnd_below(30);
                if (rnd_below(2)) {
                    e = 1023 + 120 + rnd_below(10);
                } else if (rnd_below(2)) {
                    e = 1023 - 30 + rnd_below(60);
                }
                d = (d & 0x800fffffffffffffULL) | (e << 52);
            }
            softfloat_status_init_x86(&st);
            st.float_rounding_mode = modes[m].sf;
            want = fbits(h_cvtds(bitsd(d), &hf));
            got = float64_to_float32(d, &st);
            sf = st.float_exception_flags & IEEE_FLAGS;
            total_cases++;
            if (want != got || hf != sf) {
                snprintf(buf, sizeof(buf), "%016" PRIx64, d);
                report("f64->f32", modes[m].name, buf, want, hf, got, sf);
            }

            softfloat_status_init_x86(&st);
            st.float_rounding_mode = modes[m].sf;
            want = dbits(h_cvtsd(bitsf(f), &hf));
            got = float32_to_float64(f, &st);
            sf = st.float_exception_flags & IEEE_FLAGS;
            total_cases++;
            if (want != got || hf != sf) {
                snprintf(buf, sizeof(buf), "%08x", f);
                report("f32->f64", modes[m].name, buf, want, hf, got, sf);
            }

            /* float32 -> float16, with exponents steered into the half range. */
            if (rnd_below(2)) {
                uint32_t e = 127 - 30 + rnd_below(50);
                f = (f & 0x807fffffu) | (e << 23);
            }
            softfloat_status_init_x86(&st);
            st.float_rounding_mode = modes[m].sf;
            want = h_cvtsh(bitsf(f), &hf);
            got = float32_to_float16(f, true, &st);
            sf = st.float_exception_flags & IEEE_FLAGS;
            total_cases++;
            if (want != got || hf != sf) {
                snprintf(buf, sizeof(buf), "%08x", f);
                report("f32->f16", modes[m].name, buf, want, hf, got, sf);
            }

            softfloat_status_init_x86(&st);
            st.float_rounding_mode = modes[m].sf;
            want = fbits(h_cvths(h, &hf));
            got = float16_to_float32(h, true, &st);
            sf = st.float_exception_flags & IEEE_FLAGS;
            total_cases++;
            if (want != got || hf != sf) {
                snprintf(buf, sizeof(buf), "%04x", h);
                report("f16->f32", modes[m].name, buf, want, hf, got, sf);
            }
        }
    }
    check_no_mismatch(c0, m0);
}

/*
 * float16 arithmetic has no host instruction, but float32 has more than
 * 2 * 11 + 2 bits, so rounding the float32 result of +, -, *, /, sqrt again
 * to float16 equals rounding the exact result once (no double-rounding
 * error); the float32 step on half-precision inputs never underflows or
 * overflows, so the flags are those of the conversion plus its inexact.
 */
static void test_float16_arith(void)
{
    unsigned long c0 = total_cases, m0 = total_mismatches;
    float_status st;
    char buf[64];

    for (unsigned m = 0; m < ARRAY_SIZE(modes); m++) {
        host_mxcsr = MXCSR_MASKS | (modes[m].rc << 13);
        for (unsigned long i = 0; i < cases_per_mode; i++) {
            uint16_t a = (uint16_t)gen_float(5, 10), b = (uint16_t)gen_float(5, 10);
            uint16_t want, got;
            int fa_flags = 0, fb_flags = 0, f2 = 0, f3 = 0, hf, sf;
            ArithOp op = rnd_below(5);
            float fa = h_cvths(a, &fa_flags), fb = h_cvths(b, &fb_flags), r;

            softfloat_status_init_x86(&st);
            st.float_rounding_mode = modes[m].sf;
            switch (op) {
            case OP_ADD: r = h_adds(fa, fb, &f2); got = float16_add(a, b, &st); break;
            case OP_SUB: r = h_subs(fa, fb, &f2); got = float16_sub(a, b, &st); break;
            case OP_MUL: r = h_muls(fa, fb, &f2); got = float16_mul(a, b, &st); break;
            case OP_DIV: r = h_divs(fa, fb, &f2); got = float16_div(a, b, &st); break;
            default:
                fb_flags = 0;
                r = h_sqrts(fa, &f2);
                got = float16_sqrt(a, &st);
                break;
            }
            want = h_cvtsh(r, &f3);
            /* An sNaN operand was quieted, and flagged, by the widening step. */
            hf = f2 | f3 | ((fa_flags | fb_flags) & float_flag_invalid);
            sf = st.float_exception_flags & IEEE_FLAGS;
            total_cases++;
            if (want != got || hf != sf) {
                snprintf(buf, sizeof(buf), "a=%04x b=%04x", a, b);
                report(op_names[op], modes[m].name, buf, want, hf, got, sf);
            }
        }
    }
    check_no_mismatch(c0, m0);
}

static void test_convert_int(void)
{
    unsigned long c0 = total_cases, m0 = total_mismatches;
    float_status st;
    char buf[64];

    for (unsigned m = 0; m < ARRAY_SIZE(modes); m++) {
        host_mxcsr = MXCSR_MASKS | (modes[m].rc << 13);
        for (unsigned long i = 0; i < cases_per_mode; i++) {
            uint32_t f = gen_f32();
            uint64_t d = gen_f64();
            int64_t want, got;
            int64_t iv = (int64_t)rnd64() >> rnd_below(64);
            int hf = 0, sf;

            /* Steer into and around the integer ranges. */
            if (rnd_below(4)) {
                f = (f & 0x807fffffu) | ((uint32_t)(127 - 2 + rnd_below(66)) << 23);
                d = (d & 0x800fffffffffffffULL) | ((uint64_t)(1023 - 2 + rnd_below(66)) << 52);
            }
#define CHECK_TOINT(hostfn, sffn, x, raw, what)                              \
            softfloat_status_init_x86(&st);                                         \
            st.float_rounding_mode = modes[m].sf;                                   \
            want = hostfn(x, &hf);                                                  \
            got = sffn;                                                             \
            sf = st.float_exception_flags & IEEE_FLAGS;                             \
            total_cases++;                                                          \
            /* x86 answers "integer indefinite" where softfloat saturates. */       \
            if (hf & float_flag_invalid) {                                          \
                want = got;                                                         \
            }                                                                       \
            if (want != got || hf != sf) {                                          \
                snprintf(buf, sizeof(buf), "%#" PRIx64, (uint64_t)(raw));           \
                report(what, modes[m].name, buf, want, hf, got, sf);                \
            }
            CHECK_TOINT(h_cvtss2si32, float32_to_int32(f, &st), bitsf(f), f, "f32->i32");
            CHECK_TOINT(h_cvtss2si64, float32_to_int64(f, &st), bitsf(f), f, "f32->i64");
            CHECK_TOINT(h_cvttss2si32, float32_to_int32_round_to_zero(f, &st), bitsf(f), f, "f32->i32 trunc");
            CHECK_TOINT(h_cvttss2si64, float32_to_int64_round_to_zero(f, &st), bitsf(f), f, "f32->i64 trunc");
            CHECK_TOINT(h_cvtsd2si32, float64_to_int32(d, &st), bitsd(d), d, "f64->i32");
            CHECK_TOINT(h_cvtsd2si64, float64_to_int64(d, &st), bitsd(d), d, "f64->i64");
            CHECK_TOINT(h_cvttsd2si32, float64_to_int32_round_to_zero(d, &st), bitsd(d), d, "f64->i32 trunc");
            CHECK_TOINT(h_cvttsd2si64, float64_to_int64_round_to_zero(d, &st), bitsd(d), d, "f64->i64 trunc");
#undef CHECK_TOINT

#define CHECK_FROMINT(hostfn, bitsfn, sffn, v, what)                                \
            softfloat_status_init_x86(&st);                                         \
            st.float_rounding_mode = modes[m].sf;                                   \
            want = bitsfn(hostfn(v, &hf));                                          \
            got = sffn;                                                             \
            sf = st.float_exception_flags & IEEE_FLAGS;                             \
            total_cases++;                                                          \
            if (want != got || hf != sf) {                                          \
                snprintf(buf, sizeof(buf), "%" PRId64, (int64_t)(v));               \
                report(what, modes[m].name, buf, want, hf, got, sf);                \
            }
            CHECK_FROMINT(h_cvtsi2ss32, fbits, int32_to_float32((int32_t)iv, &st), (int32_t)iv, "i32->f32");
            CHECK_FROMINT(h_cvtsi2ss64, fbits, int64_to_float32(iv, &st), iv, "i64->f32");
            CHECK_FROMINT(h_cvtsi2sd64, dbits, int64_to_float64(iv, &st), iv, "i64->f64");
#undef CHECK_FROMINT
        }
    }
    check_no_mismatch(c0, m0);
}

int main(int argc, char **argv)
{
    const char *env;
    uint64_t seed = 0x9e3779b97f4a7c15ULL;

    g_test_init(&argc, &argv, NULL);
    g_test_set_nonfatal_assertions();
    env = g_getenv("PLUMB_SOFTFLOAT_CASES");
    if (env) {
        cases_per_mode = strtoul(env, NULL, 0);
    }
    env = g_getenv("PLUMB_SOFTFLOAT_SEED");
    if (env) {
        seed = strtoull(env, NULL, 0);
    }
    rng_state = seed ? seed : 1;

    if (!__builtin_cpu_supports("fma") || !__builtin_cpu_supports("f16c")) {
        g_test_message("host lacks FMA or F16C");
    }
    for (int op = OP_ADD; op <= OP_FMA; op++) {
        char *p32 = g_strdup_printf("/softfloat/host/float32/%s", op_names[op]);
        char *p64 = g_strdup_printf("/softfloat/host/float64/%s", op_names[op]);
        g_test_add_data_func(p32, GINT_TO_POINTER(op), test_arith);
        g_test_add_data_func(p64, GINT_TO_POINTER(op | 0x100), test_arith);
        g_free(p32);
        g_free(p64);
    }
    g_test_add_func("/softfloat/host/float16/arith", test_float16_arith);
    g_test_add_func("/softfloat/host/convert/float", test_convert_float);
    g_test_add_func("/softfloat/host/convert/int", test_convert_int);
    return g_test_run();
}
