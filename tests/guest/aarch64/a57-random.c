/*
 * a57-random.c - differential test of random data-processing encodings
 * (see gen-random.py), run with -cpu cortex-a57 so that both emulators
 * implement exactly ARMv8.0 there. Each slot prints
 *     # diff: rnd<N>/<insn> <hash of X0-X15, NZCV and the syndrome>
 * and run-test.sh checks plumb's lines against qemu-system-aarch64's.
 */
#include "testlib.h"
#include "random-cases.h"

static u64 fnv(u64 h, u64 v)
{
    for (int i = 0; i < 8; i++) {
        h ^= (v >> (8 * i)) & 0xff;
        h *= 0x100000001b3ul;
    }
    return h;
}

int main(void)
{
    static u64 out[17];
    int undef = 0;

    test_set_prefix("random: ");
    for (int i = 0; i < RANDOM_COUNT; i++) {
        u64 h = 0xcbf29ce484222325ul;
        for (int r = 0; r < 17; r++) {
            out[r] = 0xdeadbeefdeadbeeful;
        }
        exc_expect(4);
        random_slots[i](random_inputs[i], out);
        for (int r = 0; r < 17; r++) {
            h = fnv(h, out[r]);
        }
        if (last_exc.count) {
            h = fnv(h, last_exc.esr);
            undef++;
        }
        tprintf("# diff: rnd%04d/%08x %016lx%s\n", i, random_insns[i], h,
                last_exc.count ? " undef" : "");
    }
    /* Sanity of the generator: both kinds occur. */
    check("some random words are UNDEFINED", undef > 0, 1);
    check("most random words execute", undef < RANDOM_COUNT / 2, 1);
    return 0;
}
