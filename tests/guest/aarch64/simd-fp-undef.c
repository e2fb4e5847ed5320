/*
 * simd-fp-undef.c - which AdvSIMD floating-point encodings are UNDEFINED:
 * the reserved field values of each class (2D with Q=0, across lanes other
 * than 4S, double by element with L=1, URECPE/URSQRTE with sz=1, the
 * unallocated opcode/U/a combinations), the half-precision forms unless
 * ID_AA64PFR0_EL1.FP says FEAT_FP16, and the CPACR_EL1.FPEN trap taking
 * precedence for the allocated ones. The reserved words were checked
 * against binutils' disassembler, which prints them as "undefined".
 */
#include "testlib.h"

#define ESR_EC(esr) ((esr) >> 26)

/* Runs one instruction word and reports whether it was UNDEFINED. */
#define TRY(word, want_undef, what)                                         \
    do {                                                                    \
        exc_expect(4);                                                      \
        __asm__ volatile(".inst " #word ::: "v0", "memory");                \
        checkf(last_exc.count == 1 && ESR_EC(last_exc.esr) == 0,            \
               (want_undef), "%s (" #word ")", what);                       \
    } while (0)

static void set_fpen(u64 fpen)
{
    __asm__ volatile("msr cpacr_el1, %0; isb" :: "r"(fpen << 20));
}

int main(void)
{
    u64 pfr0;
    int fp16;

    test_set_prefix("simd-fp-undef: ");
    __asm__ volatile("mrs %0, id_aa64pfr0_el1" : "=r"(pfr0));
    /* FP field [19:16]: 1 = FP with half precision arithmetic. */
    fp16 = ((pfr0 >> 16) & 0xf) == 1;

    /* Reserved: size:Q = 11:0 (2D in a 64-bit vector). */
    TRY(0x0e60d400, 1, "UNDEF fadd v0.1d (sz=1 Q=0)");
    TRY(0x0e60cc00, 1, "UNDEF fmla v0.1d (sz=1 Q=0)");
    TRY(0x0ee0c800, 1, "UNDEF fcmgt v0.1d, #0 (sz=1 Q=0)");
    TRY(0x0ee1c800, 1, "UNDEF urecpe sz=1 Q=0");
    TRY(0x4ee1c800, 1, "UNDEF urecpe v0.2d (sz=1)");
    TRY(0x0fc01000, 1, "UNDEF fmla v0.1d, v0.d[0] (sz=1 Q=0)");
    TRY(0x4fe01000, 1, "UNDEF fmla v0.2d, v0.d[?] (sz=1 L=1)");
    TRY(0x5fe21020, 1, "UNDEF fmla d0, d1, v2.d[?] (scalar, sz=1 L=1)");
    TRY(0x0f401000, 1, "UNDEF by element size=01");
    /* Across lanes: only 4S. */
    TRY(0x2e30c800, 1, "UNDEF fmaxnmv s0, v0.2s (Q=0)");
    TRY(0x6e70c800, 1, "UNDEF fmaxnmv d0, v0.2d (sz=1)");
    /* Unallocated opcode/U/a combinations. */
    TRY(0x2ea0dc00, 1, "UNDEF three same U=1 a=1 opcode 11011");
    TRY(0x0ea0dc00, 1, "UNDEF three same U=0 a=1 opcode 11011");
    TRY(0x0ea0e400, 1, "UNDEF three same U=0 a=1 opcode 11100");
    TRY(0x2ea0fc00, 1, "UNDEF three same U=1 a=1 opcode 11111");
    TRY(0x5ea0dc00, 1, "UNDEF scalar three same U=0 a=1 opcode 11011");
    TRY(0x7ea0dc00, 1, "UNDEF scalar three same U=1 a=1 opcode 11011");
    TRY(0x5e20d400, 1, "UNDEF scalar three same fadd (U=0 opcode 11010)");
    TRY(0x7e20d400, 1, "UNDEF scalar three same faddp (U=1 a=0 opcode 11010)");
    TRY(0x7ee1f800, 1, "UNDEF scalar two-reg misc U=1 opcode 11111 (no FRSQRTX)");
    TRY(0x0ea1f800, 1, "UNDEF two-reg misc U=0 opcode 11111 (vector FRECPX)");
    TRY(0x5ef0d800, 1, "UNDEF scalar pairwise U=0 size=11 opcode 01101");
    /* Half precision (FEAT_FP16). */
    TRY(0x4e401400, !fp16, "fadd v0.8h: UNDEF without FEAT_FP16");
    TRY(0x0e30c800, !fp16, "fmaxnmv h0, v0.4h: UNDEF without FEAT_FP16");
    TRY(0x5e30d800, !fp16, "faddp h0, v0.2h: UNDEF without FEAT_FP16");
    TRY(0x0f001000, !fp16, "fmla v0.4h, v0.4h, v0.h[0]: UNDEF without FEAT_FP16");
    /* The allocated neighbours. */
    TRY(0x4e60d400, 0, "allocated fadd v0.2d");
    TRY(0x0e20d400, 0, "allocated fadd v0.2s");
    TRY(0x6e30c800, 0, "allocated fmaxnmv s0, v0.4s");
    TRY(0x6e30f800, 0, "allocated fmaxv s0, v0.4s");
    TRY(0x4fc01000, 0, "allocated fmla v0.2d, v0.2d, v0.d[0]");
    TRY(0x4fc01800, 0, "allocated fmla v0.2d, v0.2d, v0.d[1]");
    TRY(0x0fa01800, 0, "allocated fmla v0.2s, v0.2s, v0.s[3]");
    TRY(0x5fc21020, 0, "allocated fmla d0, d1, v2.d[0]");
    TRY(0x5ea0fc00, 0, "allocated frsqrts s0, s0, s0");
    TRY(0x7e70d800, 0, "allocated faddp d0, v0.2d");
    TRY(0x7e30d800, 0, "allocated faddp s0, v0.2s");
    TRY(0x2ea1f800, 0, "allocated fsqrt v0.2s");
    TRY(0x0ea1c800, 0, "allocated urecpe v0.2s");
    TRY(0x5ea1f800, 0, "allocated frecpx s0, s0");
    TRY(0x7ee0d400, 0, "allocated fabd d0, d0, d0");

    /* FPEN=0: an allocated FP/SIMD insn traps (EC 0x07), a reserved one is UNDEF. */
    set_fpen(0);
    exc_expect(4);
    __asm__ volatile("fmul v0.4s, v1.4s, v2.4s" ::: "v0");
    check("FPEN=0: fmul v0.4s traps with EC 0x07", last_exc.count == 1 &&
          ESR_EC(last_exc.esr) == 7, 1);
    exc_expect(4);
    __asm__ volatile("fmaxnmv s0, v1.4s" ::: "v0");
    check("FPEN=0: fmaxnmv traps with EC 0x07", last_exc.count == 1 &&
          ESR_EC(last_exc.esr) == 7, 1);
    exc_expect(4);
    __asm__ volatile(".inst 0x0e60d400" ::: "v0");
    check("FPEN=0: reserved fadd v0.1d is UNDEF (EC 0)", last_exc.count == 1 &&
          ESR_EC(last_exc.esr) == 0, 1);
    set_fpen(3);
    test_exit();
}
