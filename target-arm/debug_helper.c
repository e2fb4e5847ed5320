/*
 * debug_helper.c - self-hosted debug of the AArch64 CPU: software step
 * (MDSCR_EL1.SS with PSTATE.SS), hardware breakpoints (DBGBVR/DBGBCR,
 * unlinked address match) and watchpoints (DBGWVR/DBGWCR through the
 * core's BP_CPU watchpoints), gated by the OS lock, MDSCR_EL1.KDE/MDE
 * and PSTATE.D as the Arm ARM says for a PE with EL0 and EL1 only (every
 * debug exception targets EL1).
 *
 * The translator asks arm_debug_tb_flags() what the next TB must do:
 * TBFLAG_SS (step active) with TBFLAG_PSTATE_SS clear is "active-pending":
 * the TB is just the Software Step exception; with it set the TB holds one
 * insn and then helper_ss_complete. TBFLAG_BP makes each insn call
 * helper_check_bp first (so no TB depends on the breakpoint values).
 * Writes to MDSCR_EL1, OSLAR_EL1, DBGBCR and DAIF end the TB.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "target-arm/cpu.h"
#include "target-arm/internals.h"
#include "target-arm/translate-a64.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-proto.h"
#include "exec/helper-gen.h"

#define MDSCR_SS    (1u << 0)
#define MDSCR_KDE   (1u << 13)
#define MDSCR_MDE   (1u << 15)

#define EC_BREAKPOINT       0x30    /* +1: taken from the same EL */
#define EC_SOFTWARESTEP     0x32
#define EC_WATCHPOINT       0x34
#define FSC_DEBUG           0x22

/* Debug exceptions (to EL1) are enabled from the current EL. */
bool arm_debug_enabled(CPUARMState *env)
{
    if (env->oslk) {
        return false;
    }
    if (arm_current_el(env) == 0) {
        return true;            /* the target EL is higher */
    }
    return (env->mdscr_el1 & MDSCR_KDE) && !(env->pstate & PSTATE_D);
}

/* DBGBCR/DBGWCR.PMC (bits 2:1) selects EL1 (bit 1) and/or EL0 (bit 2). */
static bool debug_pmc_matches(uint64_t ctrl, unsigned el)
{
    return (ctrl >> 1) & (el == 0 ? 2 : 1);
}

uint32_t arm_debug_tb_flags(CPUARMState *env)
{
    uint32_t flags = 0;
    unsigned el = arm_current_el(env);

    if (!arm_debug_enabled(env)) {
        return 0;
    }
    if (env->mdscr_el1 & MDSCR_SS) {
        flags |= TBFLAG_SS;
        if (env->pstate & PSTATE_SS) {
            flags |= TBFLAG_PSTATE_SS;
        }
    }
    if (env->mdscr_el1 & MDSCR_MDE) {
        for (int i = 0; i < ARM_DEBUG_NUM_BP; i++) {
            if ((env->dbgbcr[i] & 1) && debug_pmc_matches(env->dbgbcr[i], el)) {
                flags |= TBFLAG_BP;
            }
        }
    }
    return flags;
}

/* After ERET: PSTATE.SS keeps SPSR.SS only if stepping is active there. */
void arm_debug_eret(CPUARMState *env)
{
    if (!(env->mdscr_el1 & MDSCR_SS) || !arm_debug_enabled(env)) {
        env->pstate &= ~PSTATE_SS;
    }
}

static uint32_t debug_syn(CPUARMState *env, uint32_t ec, uint32_t iss)
{
    bool same_el = arm_current_el(env) == 1;

    return ((ec + same_el) << 26) | ESR_IL | iss;
}

/* The Software Step exception: ELR = env->pc, PSTATE.SS already clear. */
static NORETURN void debug_raise_ss(CPUARMState *env)
{
    raise_exception_ra(env, EXCP_BKPT,
                       debug_syn(env, EC_SOFTWARESTEP,
                                 (1u << 24) | FSC_DEBUG), 1, 0);
}

void helper_ss_pending(CPUARMState *env)
{
    debug_raise_ss(env);
}

/* The stepped insn completed (env->pc is the next one). */
void helper_ss_complete(CPUARMState *env)
{
    env->pstate &= ~PSTATE_SS;
    arm_rebuild_tb_flags(env);
    if ((env->mdscr_el1 & MDSCR_SS) && arm_debug_enabled(env)) {
        debug_raise_ss(env);
    }
}

/* Before the insn at @pc (env->pc set): an enabled breakpoint on it. */
void helper_check_bp(CPUARMState *env, uint64_t pc)
{
    unsigned el = arm_current_el(env);

    for (int i = 0; i < ARM_DEBUG_NUM_BP; i++) {
        uint64_t ctrl = env->dbgbcr[i];

        /* BT (bits 23:20) 0: unlinked instruction address match. */
        if (!(ctrl & 1) || ((ctrl >> 20) & 0xf) != 0 ||
            !debug_pmc_matches(ctrl, el)) {
            continue;
        }
        if ((env->dbgbvr[i] & ~3ull) == pc) {
            raise_exception_ra(env, EXCP_BKPT,
                               debug_syn(env, EC_BREAKPOINT, FSC_DEBUG), 1, 0);
        }
    }
}

/* ---- translator side ---------------------------------------------------- */

/* Active-pending step: the TB is the exception alone. True: TB ends. */
bool arm_debug_gen_pending_step(DisasContext *s)
{
    uint32_t flags = s->base.tb->flags;

    if (!(flags & TBFLAG_SS) || (flags & TBFLAG_PSTATE_SS)) {
        return false;
    }
    gen_update_pc(s, s->pc_curr);
    gen_helper_ss_pending(tcg_env);
    s->base.is_jmp = DISAS_NORETURN;
    return true;
}

void arm_debug_gen_insn(DisasContext *s)
{
    if (s->base.tb->flags & TBFLAG_BP) {
        gen_update_pc(s, s->pc_curr);
        gen_helper_check_bp(tcg_env, tcg_constant_i64(s->pc_curr));
    }
}

/*
 * After the one insn of an active-not-pending TB: put the next pc in
 * env->pc for the insns that leave it elsewhere, then complete the step.
 */
void arm_debug_gen_step_end(DisasContext *s)
{
    uint32_t flags = s->base.tb->flags;

    if (!(flags & TBFLAG_SS) || !(flags & TBFLAG_PSTATE_SS) ||
        s->base.is_jmp == DISAS_NORETURN) {
        return;
    }
    switch (s->base.is_jmp) {
    case DISAS_JUMP:
    case DISAS_EXIT:
        break;          /* cpu_pc already holds the next pc */
    default:
        gen_update_pc(s, s->base.pc_next);
        break;
    }
    gen_helper_ss_complete(tcg_env);
}

/* ---- watchpoints ------------------------------------------------------------ */

/*
 * The bytes watchpoint @i covers: [*lo, *lo + *len). DBGWVR bits [2:0]
 * are RES0; BAS (bits 12:5) picks bytes of that doubleword, or MASK
 * (bits 28:24, from 3) a naturally aligned power-of-two range.
 */
static bool debug_wp_range(CPUARMState *env, int i, uint64_t *lo,
                           uint64_t *len)
{
    uint64_t ctrl = env->dbgwcr[i], base = env->dbgwvr[i] & ~7ull;
    unsigned mask = (ctrl >> 24) & 0x1f, bas = (ctrl >> 5) & 0xff;

    if (!(ctrl & 1)) {
        return false;
    }
    if (mask >= 3) {
        *len = 1ull << mask;
        *lo = env->dbgwvr[i] & ~(*len - 1);
        return true;
    }
    if (!bas) {
        return false;
    }
    *lo = base + __builtin_ctz(bas);
    *len = (unsigned)(32 - __builtin_clz(bas)) - __builtin_ctz(bas);
    return true;
}

/* One core BP_CPU watchpoint per enabled DBGWCR: the pages to watch. */
void arm_debug_update_wp(CPUARMState *env)
{
    CPUState *cs = env_cpu(env);

    cpu_watchpoint_remove_all(cs, BP_CPU);
    for (int i = 0; i < ARM_DEBUG_NUM_WP; i++) {
        uint64_t lo, len, alen = 8, abase;

        if (!debug_wp_range(env, i, &lo, &len)) {
            continue;
        }
        /* The core wants aligned powers of two: cover the range. */
        while (alen < len || (lo & ~(alen - 1)) + alen < lo + len) {
            alen <<= 1;
        }
        abase = lo & ~(alen - 1);
        cpu_watchpoint_insert(cs, abase, alen, BP_CPU | BP_MEM_ACCESS, NULL);
    }
}

/* TCGCPUOps.debug_watchpoint_hit: the Arm rules for a data access. */
void arm_debug_watchpoint_hit(CPUState *cs, vaddr addr, vaddr len,
                              bool is_write, uintptr_t ra)
{
    CPUARMState *env = cpu_env(cs);
    unsigned el = arm_current_el(env);

    if (!(env->mdscr_el1 & MDSCR_MDE) || !arm_debug_enabled(env)) {
        return;
    }
    for (int i = 0; i < ARM_DEBUG_NUM_WP; i++) {
        uint64_t ctrl = env->dbgwcr[i], lo, wlen;
        unsigned lsc = (ctrl >> 3) & 3;     /* 1 load, 2 store, 3 both */

        if (!debug_wp_range(env, i, &lo, &wlen) ||
            !debug_pmc_matches(ctrl, el) ||
            !(lsc & (is_write ? 2 : 1)) ||
            addr + len <= lo || addr >= lo + wlen) {
            continue;
        }
        env->exception.vaddress = addr;
        raise_exception_ra(env, EXCP_DATA_ABORT,
                           debug_syn(env, EC_WATCHPOINT,
                                     (is_write ? 1u << 6 : 0) | FSC_DEBUG),
                           1, ra);
    }
}
