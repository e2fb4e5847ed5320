/*
 * translation-block.h - the TranslationBlock: one run of guest code
 * translated to host code, how it is found again (pc, cs_base, flags,
 * physical pages), how it is chained to its successors, and how its
 * guest state is recovered at any host pc inside it.
 *
 * Filled by softmmu/translate-all.c (tb_gen_code) together with the tcg
 * code generator, which writes the jump offsets and insn boundaries. Not for:
 * the cache and lookup functions (exec/exec-all.h).
 */
#ifndef EXEC_TRANSLATION_BLOCK_H
#define EXEC_TRANSLATION_BLOCK_H

#include "util/osdep.h"

/*
 * Where code lives, as a ram_addr_t (offset in the global RAM block space,
 * see exec/memory.h), so that aliases of one RAM and DMA writes (reported
 * by ram_addr) find the same TBs. -1 when the code is not in RAM/ROM.
 */
typedef uint64_t tb_page_addr_t;
#define TB_PAGE_ADDR_FMT "%" PRIx64

/* cflags: how a TB was (or must be) generated. Part of the lookup key. */
#define CF_COUNT_MASK    0x000001ff  /* max insns (0 = default of TCG_MAX_INSNS) */
#define CF_NO_GOTO_TB    0x00000200  /* do not chain with goto_tb */
#define CF_NO_GOTO_PTR   0x00000400  /* do not chain with goto_ptr */
#define CF_SINGLE_STEP   0x00000800  /* gdbstub single-step: 1 insn, debug exit */
#define CF_MEMI_ONLY     0x00001000  /* only instrument memory (unused) */
#define CF_USE_ICOUNT    0x00002000  /* reserved */
#define CF_NOCACHE       0x00010000  /* run once, never cached (code in MMIO) */
#define CF_INVALID       0x00040000  /* TB is stale; do not run or chain to it */
#define CF_PARALLEL      0x00080000  /* reserved (we run vCPUs on one thread) */
#define CF_NOIRQ         0x00100000  /* generate without an exit check at entry */
#define CF_PCREL         0x00200000  /* reserved */
#define CF_CLUSTER_MASK  0xff000000
#define CF_CLUSTER_SHIFT 24
/* The cflags bits that are part of the hash key. */
#define CF_HASH_MASK     (CF_COUNT_MASK | CF_NO_GOTO_TB | CF_NO_GOTO_PTR | \
                          CF_SINGLE_STEP | CF_NOIRQ)

/* The largest number of guest instructions in one TB. */
#define TCG_MAX_INSNS 512

/* Words of insn_start data per guest instruction (pc + target extras). */
#define TARGET_INSN_START_WORDS_MAX 3

/* Return value of tcg_qemu_tb_exec: last TB pointer | exit index. */
#define TB_EXIT_MASK      3
#define TB_EXIT_IDX0      0
#define TB_EXIT_IDX1      1
#define TB_EXIT_IDXMAX    1
#define TB_EXIT_REQUESTED 3

struct tb_tc {
    const void *ptr;    /* host code (execute view) */
    size_t size;        /* bytes of host code */
};

struct TranslationBlock {
    /* The lookup key. */
    vaddr pc;               /* guest virtual pc of the first insn */
    uint64_t cs_base;       /* target-specific (x86 CS base, else 0) */
    uint32_t flags;         /* target-specific state bits (el, thumb, ...) */
    uint32_t cflags;        /* CF_* */

    uint16_t size;          /* bytes of guest code */
    uint16_t icount;        /* number of guest insns */

    struct tb_tc tc;

    /*
     * RAM pages (ram_addr) the code lies on; page_addr[1] is -1 unless the
     * TB crosses a page. page_next links TBs of one page: the low bit of
     * each link says which of that TB's two pages the chain continues on.
     */
    tb_page_addr_t page_addr[2];
    uintptr_t page_next[2];

    /*
     * Chaining. The tcg code generator fills jmp_reset_offset[n] (offset of
     * the code after goto_tb n, the unchained target) and jmp_insn_offset[n]
     * (offset of the patchable jump), or leaves them at TB_JMP_OFFSET_INVALID
     * when the TB has no goto_tb n. jmp_dest[n] is the TB jump n goes to
     * (0 if unchained); jmp_list_head/next list the TBs jumping into this
     * one, each link tagged in its low bit with the jump index.
     */
#define TB_JMP_OFFSET_INVALID 0xffff
    uint16_t jmp_reset_offset[2];
    uint16_t jmp_insn_offset[2];
    uintptr_t jmp_target_addr[2];   /* used by backends that jump indirectly */
    uintptr_t jmp_list_head;
    uintptr_t jmp_list_next[2];
    uintptr_t jmp_dest[2];

    /*
     * Unwind data: for insn i, the host code offset just past it
     * (insn_end_off[i]) and its insn_start words
     * (insn_data[i * TARGET_INSN_START_WORDS_MAX + k]). Copied from the
     * tcg context by tb_gen_code; used by cpu_restore_state.
     */
    uint32_t *insn_end_off;
    uint64_t *insn_data;

    /* Private to translate-all.c: hash chain and the "in the cache" mark. */
    TranslationBlock *hash_next;
    uint32_t hash;
};

static inline uint32_t tb_cflags(const TranslationBlock *tb)
{
    return tb->cflags;
}

/* The host code address of a TB (what prologue/exec jumps to). */
static inline const void *tb_code_ptr(const TranslationBlock *tb)
{
    return tb->tc.ptr;
}

#endif
