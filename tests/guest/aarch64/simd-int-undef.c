/*
 * simd-int-undef.c - reserved encodings of the AdvSIMD integer groups
 * (reserved element sizes, 64-bit lanes in 64-bit vectors, immh values,
 * scalar sizes that do not exist) are UNDEFINED: EC 0 synchronous aborts.
 */
#include "simd-int-common.h"
#include "simd-int-undef-cases.h"

__attribute__((target("general-regs-only")))
int main(void)
{
    test_set_prefix("simd-int-undef: ");
    run_undefs(undef_cases, sizeof(undef_cases) / sizeof(undef_cases[0]));
    test_exit();
}
