/*
 * liveness.c - backward liveness over the op list of one TB.
 *
 * For every op it sets op->life: DEAD_ARG<<n when argument n is not used
 * again (the register allocator frees it), SYNC_ARG<<n when output n must
 * also be written to its memory home (globals before anything that may read
 * env or leave the TB). Ops whose outputs are all dead and that have no
 * side effects are removed. Conservative on purpose: at every basic block
 * boundary all globals and TB temps are considered in memory, which is
 * exactly what the register allocator establishes there.
 */
#include "util/osdep.h"
#include "tcg/tcg.h"

enum {
    TS_DEAD = 1,    /* value not needed any more (in a register) */
    TS_MEM = 2,     /* value must be in its memory home */
};

/*
 * State at a basic-block boundary: everything with a home lives there,
 * except temps used in a single block, which are simply dead (that keeps
 * the many short-lived temps of a frontend out of memory).
 */
static void la_bb_end(TCGContext *s)
{
    for (int i = 0; i < s->nb_temps; i++) {
        TCGTemp *ts = &s->temps[i];
        switch (ts->kind) {
        case TEMP_FIXED:
        case TEMP_GLOBAL:
            ts->state = TS_DEAD | TS_MEM;
            break;
        case TEMP_TB:
        case TEMP_EBB:
            ts->state = ts->in_one_block ? TS_DEAD : TS_DEAD | TS_MEM;
            break;
        case TEMP_CONST:
            ts->state = TS_DEAD;
            break;
        }
    }
}

/* Leaving the TB: globals in memory, temps gone. */
static void la_func_end(TCGContext *s)
{
    for (int i = 0; i < s->nb_temps; i++) {
        TCGTemp *ts = &s->temps[i];
        ts->state = (ts->kind == TEMP_GLOBAL || ts->kind == TEMP_FIXED)
                    ? TS_DEAD | TS_MEM : TS_DEAD;
    }
}

static void la_global_sync(TCGContext *s)
{
    for (int i = 0; i < s->nb_globals; i++) {
        s->temps[i].state |= TS_MEM;
    }
}

static void la_global_kill(TCGContext *s)
{
    for (int i = 0; i < s->nb_globals; i++) {
        s->temps[i].state = TS_DEAD | TS_MEM;
    }
}

static bool op_removable(const TCGOp *op)
{
    const TCGOpDef *def = &tcg_op_defs[op->opc];
    if (op->opc == INDEX_op_call) {
        const TCGHelperInfo *info = (const TCGHelperInfo *)(uintptr_t)
            op->args[op->callo + op->calli + 1];
        return op->callo > 0 && (info->flags & TCG_CALL_NO_SIDE_EFFECTS);
    }
    return def->nb_oargs > 0 &&
           !(def->flags & (TCG_OPF_SIDE_EFFECTS | TCG_OPF_BB_END));
}

/* Mark the TB/EBB temps whose every use lies in one basic block. */
static void find_block_local_temps(TCGContext *s)
{
    static int first_block[TCG_MAX_TEMPS];
    int block = 0;

    for (int i = s->nb_globals; i < s->nb_temps; i++) {
        first_block[i] = -1;
        s->temps[i].in_one_block = true;
    }
    for (TCGOp *op = s->first_op; op; op = op->next) {
        const TCGOpDef *def = &tcg_op_defs[op->opc];
        int nb_t = op->opc == INDEX_op_call ? op->callo + op->calli
                   : def->nb_oargs + def->nb_iargs;
        for (int i = 0; i < nb_t; i++) {
            TCGTemp *ts = arg_temp(op->args[i]);
            if (ts->kind != TEMP_TB && ts->kind != TEMP_EBB) {
                continue;
            }
            int idx = temp_idx(ts);
            if (first_block[idx] < 0) {
                first_block[idx] = block;
            } else if (first_block[idx] != block) {
                ts->in_one_block = false;
            }
        }
        if (def->flags & TCG_OPF_BB_END) {
            block++;
        }
    }
}

void tcg_liveness_analysis(TCGContext *s)
{
    find_block_local_temps(s);
    la_func_end(s);

    TCGOp *prev;
    for (TCGOp *op = s->last_op; op; op = prev) {
        const TCGOpDef *def = &tcg_op_defs[op->opc];
        int nb_o, nb_i;
        uint32_t life = 0;

        prev = op->prev;
        if (op->opc == INDEX_op_call) {
            nb_o = op->callo;
            nb_i = op->calli;
        } else {
            nb_o = def->nb_oargs;
            nb_i = def->nb_iargs;
        }

        if (op->opc == INDEX_op_insn_start || op->opc == INDEX_op_mb) {
            op->life = 0;
            continue;
        }
        if (op->opc == INDEX_op_discard) {
            arg_temp(op->args[0])->state = TS_DEAD;
            op->life = 0;
            continue;
        }
        if (op->opc == INDEX_op_set_label) {
            la_bb_end(s);
            op->life = 0;
            continue;
        }

        /* Remove ops whose results nobody reads. */
        if (nb_o > 0 && op_removable(op)) {
            bool all_dead = true;
            for (int i = 0; i < nb_o; i++) {
                if (arg_temp(op->args[i])->state != TS_DEAD) {
                    all_dead = false;
                    break;
                }
            }
            if (all_dead) {
                tcg_op_remove(s, op);
                continue;
            }
        }

        for (int i = 0; i < nb_o; i++) {
            TCGTemp *ts = arg_temp(op->args[i]);
            if (ts->state & TS_DEAD) {
                life |= DEAD_ARG << i;
            }
            if (ts->state & TS_MEM) {
                life |= SYNC_ARG << i;
            }
            ts->state = TS_DEAD;
        }

        if (def->flags & TCG_OPF_BB_EXIT) {
            la_func_end(s);
        } else if (def->flags & TCG_OPF_BB_END) {
            la_bb_end(s);
        } else if (op->opc == INDEX_op_call) {
            const TCGHelperInfo *info = (const TCGHelperInfo *)(uintptr_t)
                op->args[nb_o + nb_i + 1];
            if (!(info->flags & (TCG_CALL_NO_READ_GLOBALS | TCG_CALL_NO_WRITE_GLOBALS))) {
                la_global_kill(s);
            } else if (!(info->flags & TCG_CALL_NO_READ_GLOBALS)) {
                la_global_sync(s);
            }
        } else if (def->flags & TCG_OPF_SIDE_EFFECTS) {
            la_global_sync(s);
        }

        for (int i = nb_o; i < nb_o + nb_i; i++) {
            TCGTemp *ts = arg_temp(op->args[i]);
            if (ts->state & TS_DEAD) {
                life |= DEAD_ARG << i;
            }
        }
        for (int i = nb_o; i < nb_o + nb_i; i++) {
            arg_temp(op->args[i])->state &= ~TS_DEAD;
        }
        op->life = life;
    }
}
