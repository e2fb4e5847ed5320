/*
 * translator.h - the generic translation loop every target's front end
 * runs in: it decides when a TB ends (branch, page end, insn limit,
 * single-step), emits the exit check at TB entry, fetches code through
 * translator_ld* (which records the pages a TB spans), and logs -d in_asm.
 *
 * A target wraps DisasContextBase in its own context and supplies the ops:
 *
 *     typedef struct DisasContext { DisasContextBase base; ... } DisasContext;
 *     static const TranslatorOps arm_tr_ops = { .translate_insn = ..., ... };
 *     void arm_translate_code(CPUState *cs, TranslationBlock *tb,
 *                             int *max_insns, vaddr pc, void *host_pc)
 *     {
 *         DisasContext dc;
 *         translator_loop(cs, tb, max_insns, pc, host_pc, &arm_tr_ops, &dc.base);
 *     }
 *
 * Not for: code generation itself (tcg/), the TB cache (exec/exec-all.h).
 */
#ifndef EXEC_TRANSLATOR_H
#define EXEC_TRANSLATOR_H

#include "util/osdep.h"
#include "hw/core/cpu.h"
#include "exec/translation-block.h"

/*
 * How translation of the current insn ended. DISAS_NEXT: continue;
 * DISAS_TOO_MANY: the loop stopped (limit, page end); the TB falls through
 * to the next pc; DISAS_NORETURN: the insn ended the TB itself (exception,
 * goto_tb/exit_tb emitted). Targets add their own from DISAS_TARGET_0.
 */
typedef enum DisasJumpType {
    DISAS_NEXT,
    DISAS_TOO_MANY,
    DISAS_NORETURN,
    DISAS_TARGET_0,
    DISAS_TARGET_1,
    DISAS_TARGET_2,
    DISAS_TARGET_3,
    DISAS_TARGET_4,
    DISAS_TARGET_5,
    DISAS_TARGET_6,
    DISAS_TARGET_7,
    DISAS_TARGET_8,
    DISAS_TARGET_9,
    DISAS_TARGET_10,
    DISAS_TARGET_11,
} DisasJumpType;

typedef struct DisasContextBase {
    TranslationBlock *tb;
    vaddr pc_first;         /* guest pc of the first insn */
    vaddr pc_next;          /* guest pc of the next insn to translate */
    DisasJumpType is_jmp;
    int num_insns;
    int max_insns;
    bool singlestep_enabled;
    bool plugin_enabled;    /* always false */
    /* Code fetch state (translator_ld*): host pointers of the TB's pages. */
    void *host_addr[2];
    /* Where the saved code bytes for -d in_asm start (pc_first). */
    vaddr save_base;
} DisasContextBase;

typedef struct TranslatorOps {
    /* Set up the target's context from tb->flags and env. */
    void (*init_disas_context)(DisasContextBase *db, CPUState *cpu);
    /* Emit anything that precedes the first insn. */
    void (*tb_start)(DisasContextBase *db, CPUState *cpu);
    /* Emit insn_start for the insn at db->pc_next (tcg_gen_insn_start). */
    void (*insn_start)(DisasContextBase *db, CPUState *cpu);
    /* Translate one insn and advance db->pc_next; may set db->is_jmp. */
    void (*translate_insn)(DisasContextBase *db, CPUState *cpu);
    /* Emit the end of the TB according to db->is_jmp. */
    void (*tb_stop)(DisasContextBase *db, CPUState *cpu);
    /* Optional: print the guest code for -d in_asm; true if it did. */
    bool (*disas_log)(const DisasContextBase *db, CPUState *cpu, FILE *f);
} TranslatorOps;

/*
 * Run the translation of one TB: init_disas_context, tb_start, then per
 * insn insn_start + translate_insn until is_jmp != DISAS_NEXT, the insn
 * limit (*max_insns, or 1 when single-stepping / one-insn-per-tb), the
 * TCG op buffer fills, or the next insn would start on another page than
 * the TB's first (a TB spans at most two pages); then tb_stop. Sets
 * tb->size and tb->icount; *max_insns gets the number of insns translated.
 */
void translator_loop(CPUState *cpu, TranslationBlock *tb, int *max_insns,
                     vaddr pc, void *host_pc, const TranslatorOps *ops,
                     DisasContextBase *db);

/*
 * Whether a direct jump to @dest may be chained with goto_tb: only within
 * the TB's first page (a page-crossing jump must re-check the mapping),
 * and not when chaining is off (CF_NO_GOTO_TB) or single-stepping.
 */
bool translator_use_goto_tb(DisasContextBase *db, vaddr dest);

/*
 * Whether the insn at db->pc_next is the first translated; a target's
 * translate_insn uses it to decide whether a fault belongs to this TB.
 */
static inline bool translator_is_first_insn(const DisasContextBase *db)
{
    return db->num_insns == 1;
}

/*
 * Fetch guest code at @pc for the TB being translated. Records the page(s)
 * in the TB (for invalidation on write) and raises the target's
 * instruction abort if @pc is not executable. Values in host order of the
 * target's code endianness (_swap variants byte-swap when @do_swap).
 */
uint8_t translator_ldub(CPUArchState *env, DisasContextBase *db, vaddr pc);
uint16_t translator_lduw(CPUArchState *env, DisasContextBase *db, vaddr pc);
uint32_t translator_ldl(CPUArchState *env, DisasContextBase *db, vaddr pc);
uint64_t translator_ldq(CPUArchState *env, DisasContextBase *db, vaddr pc);
static inline uint16_t translator_lduw_swap(CPUArchState *env, DisasContextBase *db,
                                            vaddr pc, bool do_swap)
{
    uint16_t v = translator_lduw(env, db, pc);
    return do_swap ? __builtin_bswap16(v) : v;
}
static inline uint32_t translator_ldl_swap(CPUArchState *env, DisasContextBase *db,
                                           vaddr pc, bool do_swap)
{
    uint32_t v = translator_ldl(env, db, pc);
    return do_swap ? __builtin_bswap32(v) : v;
}
static inline uint64_t translator_ldq_swap(CPUArchState *env, DisasContextBase *db,
                                           vaddr pc, bool do_swap)
{
    uint64_t v = translator_ldq(env, db, pc);
    return do_swap ? __builtin_bswap64(v) : v;
}

/* Mark that the next insn does I/O (no-op without icount; kept for targets). */
static inline bool translator_io_start(DisasContextBase *db)
{
    (void)db;
    return false;
}

#endif
