/*
 * tcg-target.c - x86-64 host code generator (placeholder until the real
 * backend lands: native generation reports "TB too big" so callers notice).
 */
#include "util/osdep.h"
#include "tcg/tcg.h"
#include "tcg/tcg-internal.h"

int tcg_x86_gen_code(TCGContext *s, TranslationBlock *tb)
{
    return tcg_interp_gen_code(s, tb);
}

void tcg_x86_gen_prologue(TCGContext *s)
{
    tcg_use_interp = true;    /* FIXME: placeholder falls back to the interpreter */
}

void tcg_x86_set_jmp_target(const TranslationBlock *tb, int n,
                            uintptr_t jmp_rx, uintptr_t jmp_rw)
{
    tcg_interp_set_jmp_target(tb, n, jmp_rw);
}

void tcg_x86_disas(FILE *f, const void *code, size_t size)
{
}
