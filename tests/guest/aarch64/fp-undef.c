/*
 * fp-undef.c - which scalar FP and FP conversion encodings are UNDEFINED:
 * ftype 10, the same-type and BF16 FCVT, FRINT opcode 101, FCMP with
 * opcode2<2:0> != 0, FMOV immediate with imm5 != 0, the 32-bit fixed-point
 * forms with scale<5> = 0, fixed-point rmode/opcode pairs that are not
 * conversions, FCVTXN with sz=0, the 64-bit vector forms with sz=1, the
 * shift-by-immediate conversions with immh 0001 or 1xxx and Q=0; the
 * half-precision forms unless ID_AA64PFR0_EL1.FP says FEAT_FP16, FJCVTZS,
 * FRINT32Z and BFCVT unless ID_AA64ISAR1_EL1 has JSCVT, FRINTTS, BF16;
 * and the CPACR_EL1.FPEN trap for allocated encodings only. The words were
 * checked with binutils' disassembler ("undefined" for the reserved ones).
 */
#include "testlib.h"

#define ESR_EC(esr) ((esr) >> 26)

/* Runs one instruction word and reports whether it was UNDEFINED. */
#define TRY(word, want_undef, what)                                         \
    do {                                                                    \
        exc_expect(4);                                                      \
        __asm__ volatile(".inst " #word ::: "x0", "v0", "memory", "cc");    \
        checkf(last_exc.count == 1 && ESR_EC(last_exc.esr) == 0,            \
               (want_undef), "%s (" #word ")", what);                       \
    } while (0)

static void set_fpen(u64 fpen)
{
    __asm__ volatile("msr cpacr_el1, %0; isb" :: "r"(fpen << 20));
}

int main(void)
{
    u64 pfr0, isar1;
    int fp16, jscvt, frintts, bf16;

    test_set_prefix("fp-undef: ");
    __asm__ volatile("mrs %0, id_aa64pfr0_el1" : "=r"(pfr0));
    __asm__ volatile("mrs %0, id_aa64isar1_el1" : "=r"(isar1));
    fp16 = ((pfr0 >> 16) & 0xf) == 1;
    jscvt = ((isar1 >> 12) & 0xf) != 0;
    frintts = ((isar1 >> 32) & 0xf) != 0;
    bf16 = ((isar1 >> 44) & 0xf) != 0;

    /* Scalar data processing. */
    TRY(0x1e202800, 0, "allocated fadd s0, s0, s0");
    TRY(0x1ea02800, 1, "UNDEF fadd ftype=10");
    TRY(0x1ea2c000, 1, "UNDEF fcvt d0 from ftype=10");
    TRY(0x1e224000, 1, "UNDEF fcvt s0, s0 (same type)");
    TRY(0x1e62c000, 1, "UNDEF fcvt d0, d0 (same type)");
    TRY(0x1ee3c000, 1, "UNDEF fcvt h0, h0 (same type)");
    /* QEMU 7.2 leaves scalar BFCVT UNDEF although its max CPU has BF16. */
    TRY(0x1e234000, !bf16, "bfcvt h0, s0: UNDEF without FEAT_BF16 (QEMU 7.2: UNDEF even with it)");
    TRY(0x1e23c000, 0, "allocated fcvt h0, s0");
    TRY(0x1ee24000, 0, "allocated fcvt s0, h0");
    TRY(0x1ee2c000, 0, "allocated fcvt d0, h0");
    TRY(0x1e63c000, 0, "allocated fcvt h0, d0");
    TRY(0x1e26c000, 1, "UNDEF frint opcode 001101");
    TRY(0x1e27c000, 0, "allocated frinti s0, s0");
    TRY(0x1e284000, !frintts, "frint32z s0, s0: UNDEF without FEAT_FRINTTS");
    TRY(0x1e202001, 1, "UNDEF fcmp opcode2<2:0>=001");
    TRY(0x1e202004, 1, "UNDEF fcmp opcode2<2:0>=100");
    TRY(0x1e202000, 0, "allocated fcmp s0, s0");
    TRY(0x1e602018, 0, "allocated fcmpe d0, #0.0");
    TRY(0x1e2e1020, 1, "UNDEF fmov s0, #imm with imm5=1");
    TRY(0x1e2e1000, 0, "allocated fmov s0, #1.0");
    /* Half-precision arithmetic and moves (FEAT_FP16). */
    TRY(0x1ee02800, !fp16, "fadd h0, h0, h0: UNDEF without FEAT_FP16");
    TRY(0x1ee04000, !fp16, "fmov h0, h0: UNDEF without FEAT_FP16");
    TRY(0x1ee0c000, !fp16, "fabs h0, h0: UNDEF without FEAT_FP16");
    TRY(0x1eee1000, !fp16, "fmov h0, #1.0: UNDEF without FEAT_FP16");
    TRY(0x1ee70000, !fp16, "fmov h0, w0: UNDEF without FEAT_FP16");
    TRY(0x1ee60000, !fp16, "fmov w0, h0: UNDEF without FEAT_FP16");
    TRY(0x1ef80000, !fp16, "fcvtzs w0, h0: UNDEF without FEAT_FP16");
    TRY(0x1ee20000, !fp16, "scvtf h0, w0: UNDEF without FEAT_FP16");
    /* Conversions between FP and integer / fixed point. */
    TRY(0x1e188000, 0, "allocated fcvtzs w0, s0, #32");
    TRY(0x1e187c00, 1, "UNDEF fcvtzs w0, s0, #33 (sf=0 scale<5>=0)");
    TRY(0x1e027c00, 1, "UNDEF scvtf s0, w0, #33 (sf=0 scale<5>=0)");
    TRY(0x9e580000, 0, "allocated fcvtzs x0, d0, #64");
    TRY(0x9e408000, 1, "UNDEF fixed-point rmode=00 opcode=000");
    TRY(0x1e2c0000, 1, "UNDEF fcvtas with rmode=01");
    TRY(0x9e600000, 0, "allocated fcvtns x0, d0");
    TRY(0x1e7e0000, !jscvt, "fjcvtzs w0, d0: UNDEF without FEAT_JSCVT");
    /* AdvSIMD two-register miscellaneous conversions. */
    TRY(0x0ee1b800, 1, "UNDEF fcvtzs v0.1d (sz=1 Q=0)");
    TRY(0x4ee1b800, 0, "allocated fcvtzs v0.2d");
    TRY(0x0e61d800, 1, "UNDEF scvtf v0.1d (sz=1 Q=0)");
    TRY(0x2e216800, 1, "UNDEF fcvtxn with sz=0");
    TRY(0x2e616800, 0, "allocated fcvtxn v0.2s, v0.2d");
    TRY(0x0e617800, 0, "allocated fcvtl v0.2d, v0.2s");
    TRY(0x6ea18800, 1, "UNDEF frint U=1 size=1x opcode 11000");
    TRY(0x4e21e800, !frintts, "frint32z v0.4s: UNDEF without FEAT_FRINTTS");
    TRY(0x0ef9b800, !fp16, "fcvtzs v0.4h: UNDEF without FEAT_FP16");
    TRY(0x0ea16800, !bf16, "bfcvtn v0.4h, v0.4s: UNDEF without FEAT_BF16");
    TRY(0x7e216800, 1, "UNDEF scalar fcvtxn with sz=0");
    TRY(0x7e616800, 0, "allocated fcvtxn s0, d0");
    TRY(0x5ea1b800, 0, "allocated fcvtzs s0, s0");
    /* Shift by immediate: the fixed-point conversions. */
    TRY(0x0f40fc00, 1, "UNDEF fcvtzs v0.1d, #64 (immh=1xxx Q=0)");
    TRY(0x4f40fc00, 0, "allocated fcvtzs v0.2d, v0.2d, #64");
    TRY(0x4f20fc00, 0, "allocated fcvtzs v0.4s, v0.4s, #32");
    TRY(0x0f10fc00, !fp16, "fcvtzs v0.4h, #16: UNDEF without FEAT_FP16");
    TRY(0x5f40fc00, 0, "allocated fcvtzs d0, d0, #64");
    TRY(0x5f08fc00, 1, "UNDEF scalar fcvtzs immh=0001");
    TRY(0x5f10e400, !fp16, "scvtf h0, h0, #16: UNDEF without FEAT_FP16");

    /* FPEN=0: an allocated encoding traps (EC 0x07), a reserved one is UNDEF. */
    set_fpen(0);
    exc_expect(4);
    __asm__ volatile(".inst 0x1e23c000" ::: "v0");         /* fcvt h0, s0 */
    check("FPEN=0: fcvt h0, s0 traps with EC 0x07",
          last_exc.count == 1 ? ESR_EC(last_exc.esr) : 0xff, 0x07);
    exc_expect(4);
    __asm__ volatile(".inst 0x4f40fc00" ::: "v0");         /* fcvtzs v0.2d, #64 */
    check("FPEN=0: fcvtzs v0.2d, #64 traps with EC 0x07",
          last_exc.count == 1 ? ESR_EC(last_exc.esr) : 0xff, 0x07);
    exc_expect(4);
    __asm__ volatile(".inst 0x1e224000" ::: "v0");         /* reserved fcvt */
    check("FPEN=0: reserved fcvt s0, s0 is UNDEF (EC 0x00)",
          last_exc.count == 1 ? ESR_EC(last_exc.esr) : 0xff, 0x00);
    set_fpen(3);
    test_exit();
}
