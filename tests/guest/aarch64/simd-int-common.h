/*
 * simd-int-common.h - the driver shared by the simd-int-* guest tests: each
 * generated table (gen-simd-int.py) lists instruction forms, each with
 * cases of V0/V1/V2 inputs and the expected V0 and FPSR. One check per
 * form: it fails with the first case whose V0 or FPSR differs.
 */
#ifndef SIMD_INT_COMMON_H
#define SIMD_INT_COMMON_H

#include "testlib.h"

struct simd_case {
    u64 in[6];          /* V0, V1, V2 as low/high halves */
    u64 want[2];        /* V0 after the instruction */
    u32 fpsr;           /* FPSR after it (QC, from FPSR = 0) */
};

struct simd_form {
    const char *name;
    void (*fn)(const u64 *in, u64 *out);
    const struct simd_case *cases;
    int n;
};

struct undef_case {
    const char *name;
    void (*fn)(void);
};

/* Load V0-V2 from in[], clear FPSR, run INSN, store V0 and FPSR to out[]. */
#define RUN(INSN)                                                       \
    __asm__ volatile(".arch_extension crypto\n\t"                       \
                     "ldr q0, [%0]\n\t"                                 \
                     "ldr q1, [%0, #16]\n\t"                            \
                     "ldr q2, [%0, #32]\n\t"                            \
                     "msr fpsr, xzr\n\t"                                \
                     INSN "\n\t"                                        \
                     "mrs x9, fpsr\n\t"                                 \
                     "str q0, [%1]\n\t"                                 \
                     "str x9, [%1, #16]"                                \
                     :: "r"(in), "r"(out)                               \
                     : "v0", "v1", "v2", "x9", "memory")

static u64 simd_in[6] __attribute__((aligned(16)));
static u64 simd_out[4] __attribute__((aligned(16)));

/* The check name: the form's assembly without '#' (TAP's directive mark). */
__attribute__((target("general-regs-only")))
static void simd_form_name(char *buf, int size, const char *s)
{
    int j = 0;

    for (; *s && j < size - 1; s++) {
        if (*s != '#') {
            buf[j++] = *s;
        }
    }
    buf[j] = 0;
}

__attribute__((target("general-regs-only")))
__attribute__((unused)) static void run_forms(const struct simd_form *forms, int nforms)
{
    char name[96];

    for (int f = 0; f < nforms; f++) {
        const struct simd_form *fm = &forms[f];
        int bad = -1;
        simd_form_name(name, sizeof(name), fm->name);
        for (int c = 0; c < fm->n && bad < 0; c++) {
            const struct simd_case *k = &fm->cases[c];
            for (int i = 0; i < 6; i++) {
                simd_in[i] = k->in[i];
            }
            fm->fn(simd_in, simd_out);
            if (simd_out[0] != k->want[0] || simd_out[1] != k->want[1] ||
                simd_out[2] != k->fpsr) {
                bad = c;
            }
        }
        if (bad < 0) {
            check_true(name, 1);
            continue;
        }
        const struct simd_case *k = &fm->cases[bad];
        tprintf("# %s: case %d: V0=%016lx:%016lx V1=%016lx:%016lx "
                "V2=%016lx:%016lx -> %016lx:%016lx FPSR %lx\n", name, bad,
                k->in[1], k->in[0], k->in[3], k->in[2], k->in[5], k->in[4],
                simd_out[1], simd_out[0], simd_out[2]);
        if (simd_out[0] != k->want[0]) {
            check(name, simd_out[0], k->want[0]);
        } else if (simd_out[1] != k->want[1]) {
            check(name, simd_out[1], k->want[1]);
        } else {
            check(name, simd_out[2], k->fpsr);
        }
    }
}

__attribute__((target("general-regs-only")))
__attribute__((unused)) static void run_undefs(const struct undef_case *cases, int n)
{
    for (int i = 0; i < n; i++) {
        exc_expect(4);
        cases[i].fn();
        checkf(last_exc.count == 1 ? last_exc.esr : ~0ul, 0x02000000ul,
               "%s is UNDEFINED (EC 0)", cases[i].name);
    }
}

#endif
