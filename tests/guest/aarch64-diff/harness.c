/*
 * harness.c - runs the blocks of random A64 instructions that
 * scripts/a64-difftest-gen.py generated and prints, per block, the state
 * they left: X0-X28, NZCV, a checksum of the scratch buffer, and the
 * exception the block took if any. The same image runs under plumb and
 * qemu-system-aarch64; scripts/a64-difftest-compare.py compares the lines.
 *
 * Output, one line per block (hex):
 *     B <block> <x0> .. <x28> <nzcv> <csum> <exc> <esr> <far> <afc> <afar>
 * exc/esr/far: how many exceptions other than Alignment faults, the first
 * one's syndrome and, for an abort, its FAR (FAR is UNKNOWN after other
 * exceptions); afc/afar: Alignment faults and the first one's address,
 * apart because QEMU 7.2 does not raise those with the MMU off.
 * Images generated with --fpsimd add, after each B line,
 *     V <block> <v0 lo> <v0 hi> .. <v31 hi> <fpsr> <fpcr>
 * then "E <blocks>".
 *
 * The control record difftest_ctl lets the comparison script narrow a
 * difference down to one instruction without rebuilding: it patches the
 * ELF file so that only block <block> runs, with a branch to the block's
 * end written over instruction <stop> before the block is first executed.
 */
#include "testlib.h"

struct difftest_block {
    void (*fn)(u64 *out);
    u32 *body;
    u32 *end;
    u64 fill_seed;
};

extern const struct difftest_block difftest_blocks[];
extern const u64 difftest_nblocks;
extern const u64 difftest_fpsimd;

#define SCRATCH_WORDS 1024
u64 scratch[SCRATCH_WORDS] __attribute__((aligned(4096)));

/* Found in the ELF by its magic; see scripts/a64-difftest-compare.py. */
struct difftest_ctl {
    char magic[16];
    u64 block;          /* ~0: run every block */
    u64 stop;           /* ~0: no patch */
};
volatile struct difftest_ctl difftest_ctl = {
    "A64DIFFTEST-CTL", ~0ul, ~0ul,
};

static u64 lcg(u64 *s)
{
    *s = *s * 6364136223846793005ul + 1442695040888963407ul;
    return *s ^ (*s >> 29);
}

static void fill_scratch(u64 seed)
{
    u64 s = seed;
    for (int i = 0; i < SCRATCH_WORDS; i++) {
        scratch[i] = lcg(&s);
    }
}

static u64 scratch_sum(void)
{
    u64 h = 0xcbf29ce484222325ul;
    for (int i = 0; i < SCRATCH_WORDS; i++) {
        h = (h ^ scratch[i]) * 0x100000001b3ul;
        h ^= h >> 31;
    }
    return h;
}

/*
 * Replace instructions @stop.. of block @b with "b end" (before the block
 * ever ran), so that whatever path the block takes, it stops at the first
 * of them it reaches: its state is that of its first @stop instructions.
 */
static void patch_stop(const struct difftest_block *b, u64 stop)
{
    for (volatile u32 *insn = (volatile u32 *)(b->body + stop);
         (u64)insn < (u64)b->end; insn++) {
        s64 delta = (s64)((u64)b->end - (u64)insn) >> 2;
        *insn = 0x14000000u | ((u32)delta & 0x03ffffffu);
    }
    __asm__ volatile("dsb ish\n\tic iallu\n\tdsb ish\n\tisb" ::: "memory");
}

/* Every exception of a block: counted, the first one's syndrome kept. */
static u64 blk_exc_count, blk_exc_esr, blk_exc_far, blk_af_count, blk_af_far;

static void count_exc(struct exc_frame *f)
{
    u64 esr = last_exc.esr, ec = esr >> 26;
    int abort = ec == 0x20 || ec == 0x21 || ec == 0x24 || ec == 0x25;

    (void)f;
    if (abort && (esr & 0x3f) == 0x21) {
        if (!blk_af_count++) {
            blk_af_far = last_exc.far;
        }
    } else if (!blk_exc_count++) {
        blk_exc_esr = esr;
        blk_exc_far = abort ? last_exc.far : 0;
    }
    exc_expect(4);      /* the next one is expected too */
}

int main(void)
{
    static u64 out[32 + 64 + 2] __attribute__((aligned(16)));
    u64 only = difftest_ctl.block, stop = difftest_ctl.stop;

    tprintf("# a64-difftest: %lu blocks\n", difftest_nblocks);
    for (u64 i = 0; i < difftest_nblocks; i++) {
        const struct difftest_block *b = &difftest_blocks[i];
        if (only != ~0ul && i != only) {
            continue;
        }
        if (only != ~0ul && stop != ~0ul) {
            patch_stop(b, stop);
        }
        fill_scratch(b->fill_seed);
        for (int r = 0; r < 32 + 64 + 2; r++) {
            out[r] = 0;
        }
        blk_exc_count = blk_exc_esr = blk_exc_far = 0;
        blk_af_count = blk_af_far = 0;
        exc_hook = count_exc;
        exc_expect(4);
        b->fn(out);
        tprintf("B %lu", i);
        for (int r = 0; r < 29; r++) {
            tprintf(" %lx", out[r]);
        }
        tprintf(" %lx %lx %lx %lx %lx %lx %lx\n", out[29] >> 28, scratch_sum(),
                blk_exc_count, blk_exc_esr, blk_exc_far, blk_af_count,
                blk_af_far);
        if (difftest_fpsimd) {
            tprintf("V %lu", i);
            for (int r = 32; r < 32 + 64 + 2; r++) {
                tprintf(" %lx", out[r]);
            }
            tprintf("\n");
        }
    }
    tprintf("E %lu\n", difftest_nblocks);
    return 0;
}
