/*
 * simd-int-regs.c - AdvSIMD integer forms with other registers than
 * V0-V2 and with aliased operands (Vd == Vn, Vd == Vm, all one register;
 * V16-V31 as by-element Vm through the M bit): every source is read
 * before the destination is written. Expected values from gen-simd-int.py.
 */
#include "simd-int-common.h"
#include "simd-int-regs-cases.h"

__attribute__((target("general-regs-only")))
int main(void)
{
    test_set_prefix("simd-int-regs: ");
    run_forms(forms, sizeof(forms) / sizeof(forms[0]));
    test_exit();
}
