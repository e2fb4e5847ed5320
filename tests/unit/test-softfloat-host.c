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
 * scales the number of cases (default 120000 per operation and rounding mode),
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

#define MXCSR_DAZ 0x0040
#define MXCSR_FTZ 0x8000

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

/*
 * The arithmetic and conversion tests run each rounding mode twice: as
 * IEEE, and with MXCSR.FTZ|DAZ against flush_to_zero + flush_inputs_to_zero
 * with the x86 after-rounding flush.
 */
static bool flush_pass;

static void init_x86(float_status *st, unsigned m)
{
    softfloat_status_init_x86(st);
    st->float_rounding_mode = modes[m].sf;
    st->flush_to_zero = flush_pass;
    st->flush_inputs_to_zero = flush_pass;
}

/* Arm passes of the arithmetic tests, see arm_expectation(). */
enum { PASS_IEEE, PASS_ARM_TINY, PASS_ARM_FZ };
static int arm_pass;

static uint32_t mxcsr_for(unsigned m)
{
    if (arm_pass == PASS_ARM_FZ) {
        return MXCSR_MASKS | (modes[m].rc << 13) | MXCSR_DAZ;
    }
    return MXCSR_MASKS | (modes[m].rc << 13) | (flush_pass ? MXCSR_FTZ | MXCSR_DAZ : 0);
}

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

#define HOST_BINOP(name, insn, T)                                           \
    static T name(T a, T b, int *flags)                                     \
    {                                                                       \
        uint32_t saved = mx_get();                                          \
        mx_set(host_mxcsr);                                                 \
        asm volatile(insn " %1, %0" : "+x"(a) : "x"(b));                    \
        *flags = flags_from_mxcsr(mx_get());                                \
        mx_set(saved);                                                      \
        return a;                                                           \
    }

HOST_BINOP(h_adds, "addss", float)
HOST_BINOP(h_subs, "subss", float)
HOST_BINOP(h_muls, "mulss", float)
HOST_BINOP(h_divs, "divss", float)
HOST_BINOP(h_addd, "addsd", double)
HOST_BINOP(h_subd, "subsd", double)
HOST_BINOP(h_muld, "mulsd", double)
HOST_BINOP(h_divd, "divsd", double)

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

/*
 * F16C converts whole vectors: the operand goes in through VMOVD so that
 * the other lanes are zero and cannot raise flags of their own.
 * imm8 bit 2 = round by MXCSR.RC.
 */
static uint16_t h_cvtsh(float a, int *flags)
{
    uint32_t saved = mx_get();
    uint32_t in, r;
    float tmp;
    memcpy(&in, &a, 4);
    mx_set(host_mxcsr);
    asm volatile("vmovd %1, %0\n\tvcvtps2ph $4, %0, %0" : "=&x"(tmp) : "r"(in));
    *flags = flags_from_mxcsr(mx_get());
    mx_set(saved);
    memcpy(&r, &tmp, 4);
    return (uint16_t)r;
}

static float h_cvths(uint16_t h, int *flags)
{
    uint32_t saved = mx_get();
    uint32_t in = h;
    float r;
    mx_set(host_mxcsr);
    asm volatile("vmovd %1, %0\n\tvcvtph2ps %0, %0" : "=&x"(r) : "r"(in));
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

/* SSE4.1 ROUNDSS/SD, imm 4: round by MXCSR.RC and report inexact. */
static float h_rounds(float a, int *flags)
{
    uint32_t saved = mx_get();
    float r;
    mx_set(host_mxcsr);
    asm volatile("roundss $4, %1, %0" : "=x"(r) : "x"(a));
    *flags = flags_from_mxcsr(mx_get());
    mx_set(saved);
    return r;
}

static double h_roundd(double a, int *flags)
{
    uint32_t saved = mx_get();
    double r;
    mx_set(host_mxcsr);
    asm volatile("roundsd $4, %1, %0" : "=x"(r) : "x"(a));
    *flags = flags_from_mxcsr(mx_get());
    mx_set(saved);
    return r;
}

/*
 * COMISx signals invalid on any NaN, UCOMISx only on a signaling one;
 * ZF,PF,CF = 111 unordered, 000 greater, 001 less, 100 equal.
 */
#define HOST_CMP(name, insn, T)                                             \
    static FloatRelation name(T a, T b, int *flags)                         \
    {                                                                       \
        uint32_t saved = mx_get();                                          \
        uint8_t zf, pf, cf;                                                 \
        mx_set(host_mxcsr);                                                 \
        asm volatile(insn " %4, %3\n\tsetz %0\n\tsetp %1\n\tsetc %2"          \
                     : "=r"(zf), "=r"(pf), "=r"(cf) : "x"(a), "x"(b) : "cc");  \
        *flags = flags_from_mxcsr(mx_get());                                \
        mx_set(saved);                                                      \
        if (pf) {                                                           \
            return float_relation_unordered;                                \
        }                                                                   \
        return zf ? float_relation_equal : cf ? float_relation_less         \
                  : float_relation_greater;                                 \
    }

HOST_CMP(h_comiss, "comiss", float)
HOST_CMP(h_ucomiss, "ucomiss", float)
HOST_CMP(h_comisd, "comisd", double)
HOST_CMP(h_ucomisd, "ucomisd", double)

/* AVX-512F unsigned conversions. */
HOST_TOINT(h_cvtss2usi32, "vcvtss2usi", float, uint32_t)
HOST_TOINT(h_cvtsd2usi64, "vcvtsd2usi", double, uint64_t)
HOST_TOINT(h_cvttsd2usi32, "vcvttsd2usi", double, uint32_t)
HOST_TOINT(h_cvttss2usi64, "vcvttss2usi", float, uint64_t)

#define HOST_FROMUINT(name, insn, I, T)                                     \
    static T name(I a, int *flags)                                          \
    {                                                                       \
        uint32_t saved = mx_get();                                          \
        T r = 0;                                                            \
        mx_set(host_mxcsr);                                                 \
        asm volatile(insn " %1, %0, %0" : "+x"(r) : "r"(a));                \
        *flags = flags_from_mxcsr(mx_get());                                \
        mx_set(saved);                                                      \
        return r;                                                           \
    }

HOST_FROMUINT(h_cvtusi2ss64, "vcvtusi2ssq", uint64_t, float)
HOST_FROMUINT(h_cvtusi2sd64, "vcvtusi2sdq", uint64_t, double)
HOST_FROMUINT(h_cvtusi2ss32, "vcvtusi2ssl", uint32_t, float)

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
        return rnd64() >> (63 - exp_bits - frac_bits);
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
static unsigned long cases_per_mode = 120000;

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

static uint64_t host32(ArithOp op, uint32_t a, uint32_t b, uint32_t c, int *hf)
{
    switch (op) {
    case OP_ADD: return fbits(h_adds(bitsf(a), bitsf(b), hf));
    case OP_SUB: return fbits(h_subs(bitsf(a), bitsf(b), hf));
    case OP_MUL: return fbits(h_muls(bitsf(a), bitsf(b), hf));
    case OP_DIV: return fbits(h_divs(bitsf(a), bitsf(b), hf));
    case OP_SQRT: return fbits(h_sqrts(bitsf(a), hf));
    default: return fbits(h_fmas(bitsf(a), bitsf(b), bitsf(c), hf));
    }
}

static uint64_t host64(ArithOp op, uint64_t a, uint64_t b, uint64_t c, int *hf)
{
    switch (op) {
    case OP_ADD: return dbits(h_addd(bitsd(a), bitsd(b), hf));
    case OP_SUB: return dbits(h_subd(bitsd(a), bitsd(b), hf));
    case OP_MUL: return dbits(h_muld(bitsd(a), bitsd(b), hf));
    case OP_DIV: return dbits(h_divd(bitsd(a), bitsd(b), hf));
    case OP_SQRT: return dbits(h_sqrtd(bitsd(a), hf));
    default: return dbits(h_fmad(bitsd(a), bitsd(b), bitsd(c), hf));
    }
}

/*
 * Arm passes. The host rounds like Arm; only the underflow rule and FZ
 * differ, and both depend on whether the *unrounded* result is below
 * 2^emin, which the host shows too: rounded toward zero, the result is
 * below 2^emin exactly when the unrounded one is (2^emin is representable).
 * ARM_TINY: tininess before rounding, no flush. ARM_FZ: FPCR.FZ, inputs
 * flushed (host DAZ) and tiny results replaced by a signed zero that
 * raises only the flush flag.
 */
static void arm_expectation(uint64_t *want, int *hf, uint64_t rz, int rf,
                            uint64_t exp_mask, uint64_t sign_bit)
{
    bool nonzero = (rz & ~sign_bit) != 0 || (rf & float_flag_inexact);
    bool tiny = (rz & exp_mask) == 0 && nonzero && !(rf & float_flag_invalid);

    if (arm_pass == PASS_ARM_FZ && tiny) {
        *want = rz & sign_bit;
        *hf = float_flag_output_denormal;
        return;
    }
    *hf &= ~float_flag_underflow;
    if (tiny && (*hf & float_flag_inexact)) {
        *hf |= float_flag_underflow;
    }
}

static void init_arm_pass(float_status *st, unsigned m)
{
    softfloat_status_init_x86(st);      /* x86 NaN rules, so NaNs compare bit for bit */
    st->float_rounding_mode = modes[m].sf;
    st->tininess_before_rounding = true;
    if (arm_pass == PASS_ARM_FZ) {
        st->flush_to_zero = true;
        st->flush_inputs_to_zero = true;
        st->ftz_after_rounding = false;
    }
}

static void run_arith32(ArithOp op)
{
    float_status st;
    char buf[96];

    for (unsigned m = 0; m < ARRAY_SIZE(modes); m++) {
        host_mxcsr = mxcsr_for(m);
        for (unsigned long i = 0; i < cases_per_mode; i++) {
            uint32_t a = gen_f32(), b = gen_f32(), c = gen_f32();
            uint64_t want, got;
            int hf = 0, sf;

            init_x86(&st, m);
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
            if (arm_pass) {
                init_arm_pass(&st, m);
            }
            want = host32(op, a, b, c, &hf);
            if (arm_pass) {
                uint32_t saved = host_mxcsr;
                int rf;
                uint64_t rz;

                host_mxcsr = (host_mxcsr & ~(3u << 13)) | (3u << 13);
                rz = host32(op, a, b, c, &rf);
                host_mxcsr = saved;
                arm_expectation(&want, &hf, rz, rf, 0x7f800000u, 0x80000000u);
            }
            switch (op) {
            case OP_ADD: got = float32_add(a, b, &st); break;
            case OP_SUB: got = float32_sub(a, b, &st); break;
            case OP_MUL: got = float32_mul(a, b, &st); break;
            case OP_DIV: got = float32_div(a, b, &st); break;
            case OP_SQRT: got = float32_sqrt(a, &st); break;
            default: got = float32_muladd(b, a, c, 0, &st); break;
            }
            sf = st.float_exception_flags & (IEEE_FLAGS | (arm_pass ? float_flag_output_denormal : 0));
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
        host_mxcsr = mxcsr_for(m);
        for (unsigned long i = 0; i < cases_per_mode; i++) {
            uint64_t a = gen_f64(), b = gen_f64(), c = gen_f64(), want, got;
            int hf = 0, sf;

            init_x86(&st, m);
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
            if (arm_pass) {
                init_arm_pass(&st, m);
            }
            want = host64(op, a, b, c, &hf);
            if (arm_pass) {
                uint32_t saved = host_mxcsr;
                int rf;
                uint64_t rz;

                host_mxcsr = (host_mxcsr & ~(3u << 13)) | (3u << 13);
                rz = host64(op, a, b, c, &rf);
                host_mxcsr = saved;
                arm_expectation(&want, &hf, rz, rf, 0x7ff0000000000000ULL, 1ULL << 63);
            }
            switch (op) {
            case OP_ADD: got = float64_add(a, b, &st); break;
            case OP_SUB: got = float64_sub(a, b, &st); break;
            case OP_MUL: got = float64_mul(a, b, &st); break;
            case OP_DIV: got = float64_div(a, b, &st); break;
            case OP_SQRT: got = float64_sqrt(a, &st); break;
            default: got = float64_muladd(b, a, c, 0, &st); break;
            }
            sf = st.float_exception_flags & (IEEE_FLAGS | (arm_pass ? float_flag_output_denormal : 0));
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

    flush_pass = which & 0x200;
    arm_pass = (which >> 10) & 3;
    if (which & 0x100) {
        run_arith64(which & 0xff);
    } else {
        run_arith32(which & 0xff);
    }
    flush_pass = false;
    arm_pass = PASS_IEEE;
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

/* Every float16, widened: exact, so the only flag is invalid for an sNaN. */
static void test_float16_widen_exhaustive(void)
{
    unsigned long c0 = total_cases, m0 = total_mismatches;
    float_status st;
    char buf[16];

    host_mxcsr = MXCSR_MASKS;
    for (uint32_t h = 0; h < 0x10000; h++) {
        int hf = 0, hf2 = 0, sf;
        uint64_t want, got;
        float f = h_cvths(h, &hf);

        snprintf(buf, sizeof(buf), "%04x", h);
        softfloat_status_init_x86(&st);
        want = fbits(f);
        got = float16_to_float32(h, true, &st);
        sf = st.float_exception_flags & IEEE_FLAGS;
        total_cases++;
        if (want != got || hf != sf) {
            report("f16->f32", "all", buf, want, hf, got, sf);
        }
        softfloat_status_init_x86(&st);
        want = dbits(h_cvtsd(f, &hf2));
        got = float16_to_float64(h, true, &st);
        sf = st.float_exception_flags & IEEE_FLAGS;
        total_cases++;
        if (want != got || (hf | hf2) != sf) {
            report("f16->f64", "all", buf, want, hf | hf2, got, sf);
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

/*
 * float16 fma: the exact a * b + c is first rounded to odd at 53 and then
 * at 24 bits (host round-toward-zero, then the lsb set if inexact), which
 * keeps enough to round once more correctly to 11 bits in any mode
 * (Boldo and Melquiond, "Emulation of FMA and correctly rounded sums:
 * proved algorithms using rounding to odd", 2008).
 */
static void test_float16_fma(void)
{
    unsigned long c0 = total_cases, m0 = total_mismatches;
    const uint32_t rtz = MXCSR_MASKS | (3u << 13);
    float_status st;
    char buf[64];

    for (unsigned m = 0; m < ARRAY_SIZE(modes); m++) {
        for (unsigned long i = 0; i < cases_per_mode; i++) {
            uint16_t a = (uint16_t)gen_float(5, 10), b = (uint16_t)gen_float(5, 10);
            uint16_t c = (uint16_t)gen_float(5, 10), want, got;
            int fl = 0, widen = 0, f1 = 0, f2 = 0, f3 = 0, hf, sf;
            double da, db, dc, r;
            float r32;
            uint64_t rb;
            uint32_t r32b;

            host_mxcsr = rtz;
            da = h_cvtsd(h_cvths(a, &fl), &f1);
            widen |= fl;
            db = h_cvtsd(h_cvths(b, &fl), &f1);
            widen |= fl;
            if (rnd_below(8) == 0) {
                /* c near -(a * b) for cancellation; host ops only, so no stray flags. */
                int tmp;
                host_mxcsr = MXCSR_MASKS | (modes[m].rc << 13);
                c = h_cvtsh(h_cvtds(h_muld(da, db, &tmp), &tmp), &tmp) ^ 0x8000 ^ rnd_below(3);
                host_mxcsr = rtz;
            }
            dc = h_cvtsd(h_cvths(c, &fl), &f1);
            widen |= fl;
            r = h_fmad(da, db, dc, &f1);
            if ((dbits(r) << 1) == 0) {
                /* An exact zero takes its sign from the real rounding mode. */
                host_mxcsr = MXCSR_MASKS | (modes[m].rc << 13);
                r = h_fmad(da, db, dc, &f1);
                host_mxcsr = rtz;
            }
            rb = dbits(r);
            if ((f1 & float_flag_inexact) && (rb & 0x7fffffffffffffffULL) <= 0x7ff0000000000000ULL) {
                rb |= 1;
            }
            r32 = h_cvtds(bitsd(rb), &f2);
            r32b = fbits(r32);
            if ((f2 & float_flag_inexact) && (r32b & 0x7fffffffu) <= 0x7f800000u) {
                r32b |= 1;
            }
            host_mxcsr = MXCSR_MASKS | (modes[m].rc << 13);
            want = h_cvtsh(bitsf(r32b), &f3);
            hf = ((widen | f1) & float_flag_invalid) | f3;
            if ((f1 | f2) & float_flag_inexact) {
                hf |= float_flag_inexact;
            }

            softfloat_status_init_x86(&st);
            st.float_rounding_mode = modes[m].sf;
            got = float16_muladd(b, a, c, 0, &st);
            sf = st.float_exception_flags & IEEE_FLAGS;
            total_cases++;
            if (want != got || hf != sf) {
                snprintf(buf, sizeof(buf), "a=%04x b=%04x c=%04x", a, b, c);
                report("f16 fma", modes[m].name, buf, want, hf, got, sf);
            }
        }
    }
    check_no_mismatch(c0, m0);
}

/*
 * float64r32 (float64 operands, rounded once to float32): the host
 * computes in float64 toward zero, sets the lsb if inexact (round to odd,
 * 53 >= 24 + 2 bits), then converts to float32 in the real mode. Operands
 * stay within float32-ish exponents so the float64 step cannot overflow
 * or underflow.
 */
static void test_float64r32(void)
{
    unsigned long c0 = total_cases, m0 = total_mismatches;
    const uint32_t rtz = MXCSR_MASKS | (3u << 13);
    float_status st;
    char buf[96];

    for (unsigned m = 0; m < ARRAY_SIZE(modes); m++) {
        for (unsigned long i = 0; i < cases_per_mode; i++) {
            uint64_t v[3], want, got, rb;
            ArithOp op = rnd_below(6);
            int f1 = 0, f2 = 0, f3 = 0, hf, sf;
            double r;
            float r32;

            for (int k = 0; k < 3; k++) {
                v[k] = gen_f64();
                if (!((v[k] >> 52 & 0x7ff) == 0x7ff && rnd_below(4) == 0)) {
                    uint64_t e = rnd_below(4) ? 1023 - 150 + rnd_below(300) : 1023 - 8 + rnd_below(16);
                    v[k] = (v[k] & 0x800fffffffffffffULL) | (e << 52);
                }
                if (rnd_below(2)) {
                    v[k] &= ~0x1fffffffULL;     /* float32-representable */
                }
            }
            host_mxcsr = rtz;
            for (int pass = 0; pass < 2; pass++) {
                switch (op) {
                case OP_ADD: r = h_addd(bitsd(v[0]), bitsd(v[1]), &f1); break;
                case OP_SUB: r = h_subd(bitsd(v[0]), bitsd(v[1]), &f1); break;
                case OP_MUL: r = h_muld(bitsd(v[0]), bitsd(v[1]), &f1); break;
                case OP_DIV: r = h_divd(bitsd(v[0]), bitsd(v[1]), &f1); break;
                case OP_SQRT: r = h_sqrtd(bitsd(v[0]), &f1); break;
                default: r = h_fmad(bitsd(v[0]), bitsd(v[1]), bitsd(v[2]), &f1); break;
                }
                if ((dbits(r) << 1) != 0) {
                    break;
                }
                /* An exact zero takes its sign from the real rounding mode. */
                host_mxcsr = MXCSR_MASKS | (modes[m].rc << 13);
            }
            rb = dbits(r);
            if ((f1 & float_flag_inexact) && (rb & 0x7fffffffffffffffULL) < 0x7ff0000000000000ULL) {
                rb |= 1;
            }
            host_mxcsr = MXCSR_MASKS | (modes[m].rc << 13);
            r32 = h_cvtds(bitsd(rb), &f2);
            want = dbits(h_cvtsd(r32, &f3));
            hf = (f1 & (float_flag_invalid | float_flag_divbyzero)) | f2 |
                 (f1 & float_flag_inexact);

            softfloat_status_init_x86(&st);
            st.float_rounding_mode = modes[m].sf;
            switch (op) {
            case OP_ADD: got = float64r32_add(v[0], v[1], &st); break;
            case OP_SUB: got = float64r32_sub(v[0], v[1], &st); break;
            case OP_MUL: got = float64r32_mul(v[0], v[1], &st); break;
            case OP_DIV: got = float64r32_div(v[0], v[1], &st); break;
            case OP_SQRT: got = float64r32_sqrt(v[0], &st); break;
            default: got = float64r32_muladd(v[1], v[0], v[2], 0, &st); break;
            }
            sf = st.float_exception_flags & IEEE_FLAGS;
            total_cases++;
            if (want != got || hf != sf) {
                snprintf(buf, sizeof(buf), "%016" PRIx64 " %016" PRIx64 " %016" PRIx64,
                         v[0], v[1], v[2]);
                report(op_names[op], modes[m].name, buf, want, hf, got, sf);
            }
        }
    }
    check_no_mismatch(c0, m0);
}

/*
 * bfloat16 arithmetic: the host computes in float64 toward zero with the
 * lsb set when inexact, narrows to float32 the same way (two round-to-odd
 * steps, 53 and 24 >= 8 + 2 bits), and the last rounding to bfloat16 is
 * float32_to_bfloat16, itself checked against the bit-pattern definition
 * in test-softfloat.c.
 */
static void test_bfloat16_arith(void)
{
    unsigned long c0 = total_cases, m0 = total_mismatches;
    const uint32_t rtz = MXCSR_MASKS | (3u << 13);
    float_status st, ref;
    char buf[64];

    for (unsigned m = 0; m < ARRAY_SIZE(modes); m++) {
        for (unsigned long i = 0; i < cases_per_mode; i++) {
            uint16_t v[3], want, got;
            double d[3], r;
            ArithOp op = rnd_below(6);
            int fl, widen = 0, f1 = 0, f2 = 0, hf, sf;
            uint64_t rb;
            uint32_t r32b;

            host_mxcsr = rtz;
            for (int k = 0; k < 3; k++) {
                v[k] = (uint16_t)gen_float(8, 7);
                d[k] = h_cvtsd(bitsf((uint32_t)v[k] << 16), &fl);
                if (k < (op == OP_SQRT ? 1 : op == OP_FMA ? 3 : 2)) {
                    widen |= fl;
                }
            }
            for (int pass = 0; pass < 2; pass++) {
                switch (op) {
                case OP_ADD: r = h_addd(d[0], d[1], &f1); break;
                case OP_SUB: r = h_subd(d[0], d[1], &f1); break;
                case OP_MUL: r = h_muld(d[0], d[1], &f1); break;
                case OP_DIV: r = h_divd(d[0], d[1], &f1); break;
                case OP_SQRT: r = h_sqrtd(d[0], &f1); break;
                default: r = h_fmad(d[0], d[1], d[2], &f1); break;
                }
                if ((dbits(r) << 1) != 0) {
                    break;
                }
                host_mxcsr = MXCSR_MASKS | (modes[m].rc << 13);
            }
            host_mxcsr = rtz;
            rb = dbits(r);
            if ((f1 & float_flag_inexact) && (rb & 0x7fffffffffffffffULL) < 0x7ff0000000000000ULL) {
                rb |= 1;
            }
            r32b = fbits(h_cvtds(bitsd(rb), &f2));
            if ((f2 & float_flag_inexact) && (r32b & 0x7fffffffu) < 0x7f800000u) {
                r32b |= 1;
            }
            softfloat_status_init_x86(&ref);
            ref.float_rounding_mode = modes[m].sf;
            want = float32_to_bfloat16(r32b, &ref);
            /* Past the float32 range is past the bfloat16 range too (same emax). */
            hf = ((widen | f1) & (float_flag_invalid | float_flag_divbyzero)) |
                 (ref.float_exception_flags & IEEE_FLAGS) |
                 ((f1 | f2) & float_flag_inexact) | (f2 & float_flag_overflow);

            softfloat_status_init_x86(&st);
            st.float_rounding_mode = modes[m].sf;
            switch (op) {
            case OP_ADD: got = bfloat16_add(v[0], v[1], &st); break;
            case OP_SUB: got = bfloat16_sub(v[0], v[1], &st); break;
            case OP_MUL: got = bfloat16_mul(v[0], v[1], &st); break;
            case OP_DIV: got = bfloat16_div(v[0], v[1], &st); break;
            case OP_SQRT: got = bfloat16_sqrt(v[0], &st); break;
            default: got = bfloat16_muladd(v[1], v[0], v[2], 0, &st); break;
            }
            sf = st.float_exception_flags & IEEE_FLAGS;
            total_cases++;
            if (want != got || hf != sf) {
                snprintf(buf, sizeof(buf), "%04x %04x %04x", v[0], v[1], v[2]);
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
        host_mxcsr = mxcsr_for(m);
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
            init_x86(&st, m);                                                       \
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
            init_x86(&st, m);                                                       \
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

static void test_round_and_compare(void)
{
    unsigned long c0 = total_cases, m0 = total_mismatches;
    float_status st;
    char buf[96];

    for (unsigned m = 0; m < ARRAY_SIZE(modes); m++) {
        host_mxcsr = MXCSR_MASKS | (modes[m].rc << 13);
        for (unsigned long i = 0; i < cases_per_mode; i++) {
            uint32_t f = gen_f32(), g = gen_f32();
            uint64_t d = gen_f64(), e = gen_f64();
            int hf = 0, sf;
            uint64_t want, got;

            /* Values with a fraction part, and pairs that are close or equal. */
            if (rnd_below(2)) {
                f = (f & 0x807fffffu) | ((uint32_t)(127 - 2 + rnd_below(26)) << 23);
                d = (d & 0x800fffffffffffffULL) | ((uint64_t)(1023 - 2 + rnd_below(55)) << 52);
            }
            if (rnd_below(4) == 0) {
                g = f ^ rnd_below(3) ^ (rnd_below(2) << 31);
                e = d ^ rnd_below(3) ^ ((uint64_t)rnd_below(2) << 63);
            }
#define CHECK_OP(hostexpr, sfexpr, what, fmt, ...)                                  \
            softfloat_status_init_x86(&st);                                         \
            st.float_rounding_mode = modes[m].sf;                                   \
            want = (hostexpr);                                                      \
            got = (sfexpr);                                                         \
            sf = st.float_exception_flags & IEEE_FLAGS;                             \
            total_cases++;                                                          \
            if (want != got || hf != sf) {                                          \
                snprintf(buf, sizeof(buf), fmt, __VA_ARGS__);                       \
                report(what, modes[m].name, buf, want, hf, got, sf);                \
            }
            CHECK_OP(fbits(h_rounds(bitsf(f), &hf)), float32_round_to_int(f, &st),
                     "round f32", "%08x", f);
            CHECK_OP(dbits(h_roundd(bitsd(d), &hf)), float64_round_to_int(d, &st),
                     "round f64", "%016" PRIx64, d);
            CHECK_OP((uint64_t)h_comiss(bitsf(f), bitsf(g), &hf),
                     (uint64_t)float32_compare(f, g, &st), "compare f32", "%08x %08x", f, g);
            CHECK_OP((uint64_t)h_ucomiss(bitsf(f), bitsf(g), &hf),
                     (uint64_t)float32_compare_quiet(f, g, &st), "compare_quiet f32",
                     "%08x %08x", f, g);
            CHECK_OP((uint64_t)h_comisd(bitsd(d), bitsd(e), &hf),
                     (uint64_t)float64_compare(d, e, &st), "compare f64",
                     "%016" PRIx64 " %016" PRIx64, d, e);
            CHECK_OP((uint64_t)h_ucomisd(bitsd(d), bitsd(e), &hf),
                     (uint64_t)float64_compare_quiet(d, e, &st), "compare_quiet f64",
                     "%016" PRIx64 " %016" PRIx64, d, e);
        }
    }
    check_no_mismatch(c0, m0);
}

/* AVX-512F has unsigned conversions; skipped (with a message) on hosts without it. */
static void test_convert_uint(void)
{
    unsigned long c0 = total_cases, m0 = total_mismatches;
    float_status st;
    char buf[96];

    if (!__builtin_cpu_supports("avx512f")) {
        g_test_skip("host has no AVX-512F");
        return;
    }
    for (unsigned m = 0; m < ARRAY_SIZE(modes); m++) {
        host_mxcsr = MXCSR_MASKS | (modes[m].rc << 13);
        for (unsigned long i = 0; i < cases_per_mode; i++) {
            uint32_t f = gen_f32();
            uint64_t d = gen_f64();
            uint64_t u = rnd64() >> rnd_below(64);
            int hf = 0, sf;
            uint64_t want, got;

            if (rnd_below(4)) {
                f = (f & 0x807fffffu) | ((uint32_t)(127 - 2 + rnd_below(68)) << 23);
                d = (d & 0x800fffffffffffffULL) | ((uint64_t)(1023 - 2 + rnd_below(68)) << 52);
            }
            /* Out of range, x86 answers all-ones where softfloat saturates: flags only. */
#define CHECK_TOUINT(hostexpr, sfexpr, what, raw)                                   \
            softfloat_status_init_x86(&st);                                         \
            st.float_rounding_mode = modes[m].sf;                                   \
            want = (hostexpr);                                                      \
            got = (sfexpr);                                                         \
            sf = st.float_exception_flags & IEEE_FLAGS;                             \
            total_cases++;                                                          \
            if (hf & float_flag_invalid) {                                          \
                want = got;                                                         \
            }                                                                       \
            if (want != got || hf != sf) {                                          \
                snprintf(buf, sizeof(buf), "%#" PRIx64, (uint64_t)(raw));           \
                report(what, modes[m].name, buf, want, hf, got, sf);                \
            }
            CHECK_TOUINT(h_cvtss2usi32(bitsf(f), &hf), float32_to_uint32(f, &st), "f32->u32", f);
            CHECK_TOUINT(h_cvttss2usi64(bitsf(f), &hf), float32_to_uint64_round_to_zero(f, &st),
                         "f32->u64 trunc", f);
            CHECK_TOUINT(h_cvtsd2usi64(bitsd(d), &hf), float64_to_uint64(d, &st), "f64->u64", d);
            CHECK_TOUINT(h_cvttsd2usi32(bitsd(d), &hf), float64_to_uint32_round_to_zero(d, &st),
                         "f64->u32 trunc", d);
            CHECK_TOUINT(fbits(h_cvtusi2ss64(u, &hf)), uint64_to_float32(u, &st), "u64->f32", u);
            CHECK_TOUINT(dbits(h_cvtusi2sd64(u, &hf)), uint64_to_float64(u, &st), "u64->f64", u);
            CHECK_TOUINT(fbits(h_cvtusi2ss32((uint32_t)u, &hf)), uint32_to_float32((uint32_t)u, &st),
                         "u32->f32", (uint32_t)u);
        }
    }
    check_no_mismatch(c0, m0);
}

static void test_convert_int_flush(void)
{
    flush_pass = true;
    test_convert_int();
    flush_pass = false;
}

int main(int argc, char **argv)
{
    const char *env;
    uint64_t seed = 0x9e3779b97f4a7c15ULL;
    int ret;

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
        char *f32 = g_strdup_printf("/softfloat/host/float32-ftz-daz/%s", op_names[op]);
        char *f64 = g_strdup_printf("/softfloat/host/float64-ftz-daz/%s", op_names[op]);
        g_test_add_data_func(p32, GINT_TO_POINTER(op), test_arith);
        g_test_add_data_func(p64, GINT_TO_POINTER(op | 0x100), test_arith);
        g_test_add_data_func(f32, GINT_TO_POINTER(op | 0x200), test_arith);
        g_test_add_data_func(f64, GINT_TO_POINTER(op | 0x300), test_arith);
        g_free(p32);
        g_free(p64);
        g_free(f32);
        g_free(f64);
        for (int pass = PASS_ARM_TINY; pass <= PASS_ARM_FZ; pass++) {
            const char *pn = pass == PASS_ARM_TINY ? "arm-tininess" : "arm-fz";
            char *a32 = g_strdup_printf("/softfloat/host/float32-%s/%s", pn, op_names[op]);
            char *a64 = g_strdup_printf("/softfloat/host/float64-%s/%s", pn, op_names[op]);
            g_test_add_data_func(a32, GINT_TO_POINTER(op | (pass << 10)), test_arith);
            g_test_add_data_func(a64, GINT_TO_POINTER(op | 0x100 | (pass << 10)), test_arith);
            g_free(a32);
            g_free(a64);
        }
    }
    g_test_add_func("/softfloat/host/float16/widen-all", test_float16_widen_exhaustive);
    g_test_add_func("/softfloat/host/float16/arith", test_float16_arith);
    g_test_add_func("/softfloat/host/float16/fma", test_float16_fma);
    g_test_add_func("/softfloat/host/float64r32", test_float64r32);
    g_test_add_func("/softfloat/host/bfloat16/arith", test_bfloat16_arith);
    g_test_add_func("/softfloat/host/convert/float", test_convert_float);
    g_test_add_func("/softfloat/host/convert/int", test_convert_int);
    g_test_add_func("/softfloat/host/convert/int-ftz-daz", test_convert_int_flush);
    g_test_add_func("/softfloat/host/convert/uint", test_convert_uint);
    g_test_add_func("/softfloat/host/round-and-compare", test_round_and_compare);
    ret = g_test_run();
    printf("# softfloat vs host: %lu cases, %lu mismatches\n", total_cases, total_mismatches);
    return ret;
}
