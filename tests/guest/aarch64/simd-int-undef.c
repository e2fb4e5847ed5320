/*
 * simd-int-undef.c - reserved encodings of the AdvSIMD integer groups
 * (reserved element sizes, 64-bit lanes in 64-bit vectors, immh values,
 * scalar sizes that do not exist) are UNDEFINED: EC 0 synchronous aborts,
 * also when CPACR_EL1.FPEN traps FP/SIMD, while allocated encodings then
 * trap with EC 0x07. FPSR.QC is sticky: only saturation sets it.
 */
#include "simd-int-common.h"
#include "simd-int-undef-cases.h"

__attribute__((target("general-regs-only")))
int main(void)
{
    test_set_prefix("simd-int-undef: ");
    run_undefs(undef_cases, sizeof(undef_cases) / sizeof(undef_cases[0]));

    u64 fpsr;
    __asm__ volatile("movi v1.16b, #0x7f\n\t"
                     "msr fpsr, xzr\n\t"
                     "sqadd v0.16b, v1.16b, v1.16b\n\t"
                     "add v0.16b, v1.16b, v1.16b\n\t"
                     "uqsub v0.8h, v1.8h, v1.8h\n\t"
                     "mrs %0, fpsr" : "=r"(fpsr) :: "v0", "v1");
    check("QC stays set after non-saturating ops", fpsr, 1ul << 27);
    __asm__ volatile("msr fpsr, xzr");

    /* FPEN = 0: allocated encodings trap (EC 0x07), reserved ones UNDEF. */
    __asm__ volatile("msr cpacr_el1, xzr; isb");
    exc_expect(4);
    __asm__ volatile(".inst 0x4e228420" ::: "v0");  /* add v0.16b, v1.16b, v2.16b */
    checkf(last_exc.count == 1 ? last_exc.esr : ~0ul, 0x1fe00000ul,
           "FPEN=0: add v0.16b traps with EC 0x07");
    exc_expect(4);
    __asm__ volatile(".inst 0x4f0f0420" ::: "v0");  /* sshr v0.16b, v1.16b, #1 */
    checkf(last_exc.count == 1 ? last_exc.esr : ~0ul, 0x1fe00000ul,
           "FPEN=0: sshr v0.16b traps with EC 0x07");
    exc_expect(4);
    undef_cases[0].fn();
    checkf(last_exc.count == 1 ? last_exc.esr : ~0ul, 0x02000000ul,
           "FPEN=0: %s is still UNDEFINED", undef_cases[0].name);
    __asm__ volatile("msr cpacr_el1, %0; isb" :: "r"(3ul << 20));
    test_exit();
}
