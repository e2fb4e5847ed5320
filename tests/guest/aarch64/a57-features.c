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

    __asm__ volatile("1: ldxr %0, [%2]\n\tadd %0, %0, #1\n\t"
                     "stxr %w1, %0, [%2]\n\tcbnz %w1, 1b"
                     : "=&r"(v), "=&r"(st) : "r"(&word) : "memory");
    check("exclusives work", word, 6);
    __asm__ volatile("crc32cb %w0, %w1, %w2" : "=r"(v) : "r"(0ul), "r"(0x31ul));
    check("crc32cb works", v != 0, 1);
    return 0;
}
