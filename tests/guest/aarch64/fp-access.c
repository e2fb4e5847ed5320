/*
 * fp-access.c - the FP/SIMD register file and its CPACR_EL1.FPEN trap:
 * scalar FMOV, Q-register loads/stores, vector logic and FP add, the
 * 64-bit forms zeroing bits [127:64], FPCR/FPSR round trips, and EC 0x07
 * traps when FPEN disables FP/SIMD (ESR CV=1, COND=0xe as for any A64 trap).
 */
#include "testlib.h"

static u64 vbuf[6] __attribute__((aligned(16)));

static void set_fpen(u64 fpen)
{
    __asm__ volatile("msr cpacr_el1, %0; isb" :: "r"(fpen << 20));
}

int main(void)
{
    u64 v;

    test_set_prefix("fp-access: ");
    vbuf[0] = 0x0123456789abcdefUL;
    vbuf[1] = 0xfedcba9876543210UL;
    __asm__ volatile("ldr q1, [%0]\n\t"
                     "fmov d2, d1\n\t"
                     "str q2, [%0, #16]" :: "r"(vbuf) : "v1", "v2", "memory");
    check("fmov d2, d1: low half", vbuf[2], 0x0123456789abcdefUL);
    check("fmov d2, d1: high half zeroed", vbuf[3], 0);

    __asm__ volatile("ldr q1, [%0]\n\t"
                     "ldr q2, [%0]\n\t"
                     "eor v3.8b, v1.8b, v2.8b\n\t"
                     "orr v4.16b, v1.16b, v1.16b\n\t"
                     "str q3, [%0, #32]\n\t"
                     "str q4, [%0, #16]" :: "r"(vbuf) : "v1", "v2", "v3", "v4", "memory");
    check("eor 8b: low", vbuf[4], 0);
    check("eor 8b: high zeroed", vbuf[5], 0);
    check("orr 16b: low", vbuf[2], vbuf[0]);
    check("orr 16b: high", vbuf[3], vbuf[1]);

    vbuf[0] = 0x400000003f800000UL;     /* 2.0f, 1.0f */
    vbuf[1] = 0xc0400000bf800000UL;     /* -3.0f, -1.0f */
    __asm__ volatile("ldr q1, [%0]\n\t"
                     "fadd v2.4s, v1.4s, v1.4s\n\t"
                     "str q2, [%0, #16]" :: "r"(vbuf) : "v1", "v2", "memory");
    check("fadd 4s: lanes 0,1", vbuf[2], 0x4080000040000000UL);
    check("fadd 4s: lanes 2,3", vbuf[3], 0xc0c00000c0000000UL);

    __asm__ volatile("msr fpcr, %0" :: "r"(0x03c00000UL));
    __asm__ volatile("mrs %0, fpcr" : "=r"(v));
    check("fpcr round trip (DN, RMode=RZ)", v, 0x03c00000UL);
    __asm__ volatile("msr fpcr, xzr; msr fpsr, %0" :: "r"(0x9fUL));
    __asm__ volatile("mrs %0, fpsr" : "=r"(v));
    check("fpsr round trip (cumulative flags)", v, 0x9f);
    __asm__ volatile("msr fpsr, xzr");

    set_fpen(0);
    exc_expect(4);
    __asm__ volatile("fmov d0, d1" ::: "v0");
    check("FPEN=0: fmov traps", last_exc.count, 1);
    check("FPEN=0: ESR is EC 0x07, IL, CV, COND=0xe", last_exc.esr, 0x1fe00000UL);
    exc_expect(4);
    __asm__ volatile("mrs %0, fpcr" : "=r"(v));
    check("FPEN=0: mrs fpcr traps", last_exc.count, 1);
    set_fpen(1);
    exc_expect(4);
    __asm__ volatile("fmov d0, d1" ::: "v0");
    check("FPEN=1: fmov at EL1 does not trap", last_exc.count, 0);
    set_fpen(3);
    test_exit();
}
