/*
 * a57-pauth.c - a CPU without FEAT_PAuth (-cpu cortex-a57): the hint-space
 * forms (PACIASP, AUTIASP, XPACLRI, PACIA1716) are NOPs, the others and the
 * key registers are UNDEFINED, and ID_AA64ISAR1 says so.
 */
#include "testlib.h"

__asm__(".arch armv8.3-a");

int main(void)
{
    u64 v, isar1;

    test_set_prefix("a57-pauth: ");
    __asm__ volatile("mrs %0, id_aa64isar1_el1" : "=r"(isar1));
    check("ID_AA64ISAR1 APA/API/GPA/GPI = 0", isar1 & 0xff000ff0UL, 0);

    __asm__ volatile("mov x30, %1\n\tmov x17, %1\n\t"
                     "paciasp\n\tautiasp\n\txpaclri\n\tpacia1716\n\t"
                     "mov %0, x30\n\tadd %0, %0, x17"
                     : "=r"(v) : "r"(0x1000UL) : "x17", "x30");
    check("hint forms are NOPs", v, 0x2000);

    exc_expect(4);
    v = 0x1000;
    __asm__ volatile("pacia %0, %1" : "+r"(v) : "r"(1UL));
    check("pacia is UNDEFINED", last_exc.count, 1);
    check("pacia: EC 0", last_exc.esr >> 26, 0);
    exc_expect(4);
    __asm__ volatile("pacga %0, %1, %2" : "=r"(v) : "r"(1UL), "r"(2UL));
    check("pacga is UNDEFINED", last_exc.count, 1);
    exc_expect(4);
    __asm__ volatile("mov x9, %0\n\tldraa x10, [x9]" :: "r"(&v) : "x9", "x10");
    check("ldraa is UNDEFINED", last_exc.count, 1);
    exc_expect(4);
    __asm__ volatile("mrs %0, apiakeylo_el1" : "=r"(v));
    check("mrs APIAKeyLo_EL1 is UNDEFINED", last_exc.count, 1);
    test_exit();
}
