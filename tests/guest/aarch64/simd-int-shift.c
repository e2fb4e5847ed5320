/*
 * simd-int-shift.c - AdvSIMD integer instructions (shift group), every form and
 * element size against gen-simd-int.py's reference model (edge values,
 * saturation and FPSR.QC, Q=0 and scalar forms zeroing the rest of V0).
 */
#include "simd-int-common.h"
#include "simd-int-shift-cases.h"

__attribute__((target("general-regs-only")))
int main(void)
{
    test_set_prefix("simd-int-shift: ");
    run_forms(forms, sizeof(forms) / sizeof(forms[0]));
    test_exit();
}
