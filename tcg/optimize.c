/*
 * optimize.c - forward pass over one TB's ops (placeholder: the real
 * constant folding / copy propagation pass replaces this).
 */
#include "util/osdep.h"
#include "tcg/tcg.h"

void tcg_optimize(TCGContext *s)
{
    (void)s;
}
