/*
 * a57-features.c - run with -cpu cortex-a57 (an ARMv8.0 core): its
 * identity, and the ARMv8.1 LSE atomics are UNDEFINED while the v8.0
 * instructions (CRC32, exclusives) work.
 */
#include "testlib.h"

#define MRS(reg) ({ u64 _v; __asm__ volatile("mrs %0, " reg : "=r"(_v)); _v; })

static u64 word __attribute__((aligned(8))) = 5;

int main(void)
{
    u64 v = 0, st;

    test_set_prefix("a57: ");
    check("MIDR is Cortex-A57 r1p0", MRS("midr_el1"), 0x411fd070);
    v = MRS("id_aa64isar0_el1");
    check("ID_AA64ISAR0 Atomic is 0 (no LSE)", (v >> 20) & 0xf, 0);
    check("ID_AA64ISAR0 CRC32 is 1", (v >> 16) & 0xf, 1);

    exc_expect(4);
    __asm__ volatile("ldadd %1, %0, [%2]" : "=&r"(v) : "r"(1ul), "r"(&word)
                     : "memory");
    check("ldadd is UNDEFINED", last_exc.count == 1 && (last_exc.esr >> 26) == 0,
          1);
    check("ldadd did not touch memory", word, 5);
    exc_expect(4);
    __asm__ volatile("cas %0, %1, [%2]" : "+&r"(v) : "r"(1ul), "r"(&word)
                     : "memory");
    check("cas is UNDEFINED", last_exc.count == 1 && (last_exc.esr >> 26) == 0, 1);
    exc_expect(4);
    __asm__ volatile("swpb %w1, %w0, [%2]" : "=&r"(v) : "r"(1ul), "r"(&word)
                     : "memory");
    check("swpb is UNDEFINED", last_exc.count == 1 && (last_exc.esr >> 26) == 0,
          1);

    /* The optional features of -cpu max are absent: fields 0, UNDEFINED. */
    check("ID_AA64ISAR0 TS is 0 (no FlagM)", (v = MRS("id_aa64isar0_el1")) >> 52 & 0xf, 0);
    v = MRS("id_aa64isar1_el1");
    check("ID_AA64ISAR1 SPECRES, SB and LRCPC are 0",
          v & (0xful << 40 | 0xful << 36 | 0xful << 20), 0);
    check("ID_AA64PFR0 DIT is 0", MRS("id_aa64pfr0_el1") >> 48 & 0xf, 0);
    check("ID_AA64PFR1 SSBS is 0", MRS("id_aa64pfr1_el1") >> 4 & 0xf, 0);
    v = MRS("id_aa64isar0_el1");
    check("ID_AA64ISAR0 SHA2 is 1, no RDM, SHA3, DP",
          v & (0xful << 12 | 0xful << 28 | 0xful << 32 | 0xful << 44), 1ul << 12);
    check("ID_AA64ISAR1 I8MM, FRINTTS, FCMA, JSCVT are 0",
          MRS("id_aa64isar1_el1") & (0xful << 52 | 0xful << 32 | 0xful << 16 |
                                     0xful << 12), 0);
    {
        static const struct { const char *name; u32 insn; } undef[] = {
            { "cfinv", 0xd500401f }, { "xaflag", 0xd500403f },
            { "axflag", 0xd500405f }, { "setf8 w1", 0x3a00082d },
            { "rmif x1, #3, #2", 0xba018422 }, { "ldapr x0, [sp]", 0xf8bfc3e0 },
            { "ldapur w0, [sp, #4]", 0x994043e0 }, { "sb", 0xd50330ff },
            { "msr dit, #1", 0xd503415f }, { "msr ssbs, #1", 0xd503413f },
            { "mrs x0, ssbs", 0xd53b42c0 }, { "mrs x0, dit", 0xd53b42a0 },
            { "sqrdmlah v0.8h", 0x6e428420 }, { "sdot v0.4s", 0x4e829420 },
            { "sha512h q0, q1, v2.2d", 0xce628020 },
            { "eor3 v0.16b", 0xce020c20 }, { "smmla v0.4s", 0x4e82a420 },
            { "fjcvtzs w0, d0", 0x1e7e0000 }, { "frint32z s0, s0", 0x1e284000 },
            { "frint64x v0.4s", 0x6e21f800 },
            { "fcmla v0.4s, #0", 0x6e82c420 }, { "fcadd v0.4s, #90", 0x6e82e420 },
            { "cfp rctx, x0", 0xd50b7380 },
        };
        static u32 code[2] __attribute__((aligned(8)));

        for (unsigned i = 0; i < sizeof(undef) / sizeof(undef[0]); i++) {
            code[0] = undef[i].insn;
            code[1] = 0xd65f03c0;       /* ret */
            __asm__ volatile("dsb sy\n\tic iallu\n\tisb" ::: "memory");
            exc_expect(4);
            __asm__ volatile("blr %0" : : "r"(code) : "x0", "x30", "memory");
            checkf(last_exc.count == 1 && (last_exc.esr >> 26) == 0, 1,
                   "%s is UNDEFINED", undef[i].name);
        }
    }

    __asm__ volatile("1: ldxr %0, [%2]\n\tadd %0, %0, #1\n\t"
                     "stxr %w1, %0, [%2]\n\tcbnz %w1, 1b"
                     : "=&r"(v), "=&r"(st) : "r"(&word) : "memory");
    check("exclusives work", word, 6);
    __asm__ volatile("crc32cb %w0, %w1, %w2" : "=r"(v) : "r"(0ul), "r"(0x31ul));
    check("crc32cb works", v != 0, 1);
    return 0;
}
