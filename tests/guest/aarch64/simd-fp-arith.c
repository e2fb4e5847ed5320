/*
 * simd-fp-arith.c - AdvSIMD floating-point arithmetic against a reference
 * model: every form (vector Q=1/Q=0, scalar, pairwise, across lanes, by
 * element with each index, single and double) runs its cases from
 * simd-fp-cases.h (gen-simd-fp.py: operands, FPCR, expected Vd and FPSR).
 * The operands cover NaNs (quiet/signaling, both signs), infinities, zeros,
 * denormals, the extremes and random values; FPCR varies rounding mode,
 * FZ and DN. Vd starts with garbage, so a Q=0 or scalar form must zero
 * bits above its result. Every case runs again right after an inexact
 * FMUL (IXC already pending, where plumb takes host fast paths). One check
 * per form; the first failing cases are printed as comments.
 */
#include "testlib.h"

struct sfp_case {
    u32 fpcr;
    u32 fpsr;
    u64 n[2], m[2], d[2];
    u64 want[2];
};

typedef u64 sfp_stub(u64 *b, u64 fpcr, u64 inexact_first);

struct sfp_form {
    const char *name;
    sfp_stub *run;
    int first, count;
};

#include "simd-fp-cases.h"

#define FPSR_CUMULATIVE 0x9fUL
#define FPSR_IXC 0x10UL

/* Vn, Vm, Vd, and 1.1f twice: an inexact FMUL sets IXC before the case. */
static u64 buf[8] __attribute__((aligned(16)));

int main(void)
{
    int nforms = sizeof(sfp_forms) / sizeof(sfp_forms[0]);
    int total = 0;

    test_set_prefix("simd-fp-arith: ");
    for (int f = 0; f < nforms; f++) {
        const struct sfp_form *form = &sfp_forms[f];
        int bad = 0;

        /*
         * Each case runs twice: from a clear FPSR, and after an inexact
         * FMUL (the emulator may then take a faster path: the result must
         * not change, and the flags are the same plus IXC).
         */
        for (int i = form->first; i < form->first + form->count; i++) {
            const struct sfp_case *c = &sfp_cases[i];

            for (int pre = 0; pre < 2; pre++) {
                u64 fpsr_in = pre ? FPSR_IXC : 0;
                u64 fpsr;

                buf[0] = c->n[0];
                buf[1] = c->n[1];
                buf[2] = c->m[0];
                buf[3] = c->m[1];
                buf[4] = c->d[0];
                buf[5] = c->d[1];
                buf[6] = 0x3f8ccccd3f8ccccdUL;
                fpsr = form->run(buf, c->fpcr, pre) & FPSR_CUMULATIVE;
                if (buf[4] == c->want[0] && buf[5] == c->want[1] &&
                    fpsr == (c->fpsr | fpsr_in)) {
                    continue;
                }
                if (bad < 3) {
                    tprintf("# %s case %d fpcr %x fpsr_in %lx: n %016lx:%016lx "
                            "m %016lx:%016lx d %016lx:%016lx -> %016lx:%016lx "
                            "fpsr %lx, want %016lx:%016lx fpsr %x\n", form->name,
                            i - form->first, c->fpcr, fpsr_in, c->n[1], c->n[0],
                            c->m[1], c->m[0], c->d[1], c->d[0], buf[5], buf[4],
                            fpsr, c->want[1], c->want[0], c->fpsr);
                }
                bad++;
            }
        }
        total += form->count;
        checkf(bad, 0, "%s (%d cases)", form->name, form->count);
    }
    tprintf("# %d cases in %d forms\n", total, nforms);
    test_exit();
}
