/*
 * tcg-internal.h - what the pieces of tcg/ share among themselves and with
 * their unit tests: the two code generators (bytecode interpreter and
 * x86-64), the code buffer helpers, and the interpreter's entry. Not for
 * frontends or the exec layer (they use tcg.h / tcg-op.h).
 */
#ifndef TCG_TCG_INTERNAL_H
#define TCG_TCG_INTERNAL_H

#include "tcg/tcg.h"

/* Bytecode generator and interpreter (tcg/interp.c). */
int tcg_interp_gen_code(TCGContext *s, TranslationBlock *tb);
uintptr_t tcg_interp_exec(CPUArchState *env, const void *tb_ptr);
void tcg_interp_set_jmp_target(const TranslationBlock *tb, int n, uintptr_t jmp_rw);
void tcg_interp_disas(FILE *f, const void *code, size_t size);

/* "a cond b" on values of type @t, the IR's definition (interp, optimizer). */
bool tcg_cond_eval(TCGCond c, uint64_t a, uint64_t b, TCGType t);

/* x86-64 generator (tcg/x86_64/tcg-target.c). */
int tcg_x86_gen_code(TCGContext *s, TranslationBlock *tb);
void tcg_x86_gen_prologue(TCGContext *s);
void tcg_x86_set_jmp_target(const TranslationBlock *tb, int n,
                            uintptr_t jmp_rx, uintptr_t jmp_rw);
void tcg_x86_disas(FILE *f, const void *code, size_t size);

/* Record insn i's end offset / data while emitting (both generators). */
void tcg_record_insn_start(TCGContext *s, const TCGOp *op, uintptr_t code_off);
void tcg_record_insn_end(TCGContext *s, uintptr_t code_off);

/*
 * Softmmu slow-path entry points (softmmu/cputlb.c). Weak: tcg/ links and
 * its unit tests run before the exec layer provides them; a test may
 * install its own through tcg_ldst_helpers.
 */
typedef uint64_t (*TCGLdHelper)(CPUArchState *env, uint64_t addr,
                                MemOpIdx oi, uintptr_t ra);
typedef void (*TCGStHelper)(CPUArchState *env, uint64_t addr, uint64_t val,
                            MemOpIdx oi, uintptr_t ra);
typedef struct TCGLdstHelpers {
    TCGLdHelper ld[4];      /* by MO_SIZE: ub, uw, ul, uq (zero-extended) */
    TCGStHelper st[4];      /* b, w, l, q */
    const void *(*lookup_tb_ptr)(CPUArchState *env);
} TCGLdstHelpers;
extern TCGLdstHelpers tcg_ldst_helpers;
/* Fill tcg_ldst_helpers from the exec layer's symbols where they exist. */
void tcg_ldst_helpers_init(void);

/* Tests can force the generator used by the next tcg_gen_code. */
uintptr_t tcg_native_exec(CPUArchState *env, const void *tb_ptr);

#endif
