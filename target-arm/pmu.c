/*
 * pmu.c - the Performance Monitors Extension, PMUv3 (ID_AA64DFR0.PMUVer
 * = 1): PMCR, the enable/overflow/interrupt set-clear pairs, PMSELR and
 * the PMXEV* window, PMEVTYPERn/PMEVCNTRn (six 32-bit counters), the
 * 64-bit cycle counter with PMCCFILTR, PMSWINC, PMUSERENR (EL0 access),
 * PMCEID0/1, and the overflow interrupt (cpu->pmu_irq, PPI 23 on virt).
 *
 * Events, and exactly these are listed in PMCEID0: SW_INCR (0x00),
 * INST_RETIRED (0x08), CPU_CYCLES (0x11), MEM_ACCESS (0x13), INST_SPEC
 * (0x1b, equal to INST_RETIRED: nothing is speculated), CHAIN (0x1e).
 * A cycle is an instruction (CPI 1), so cycle counts are deterministic.
 *
 * Counting is exact: while a counter that counts instructions (or memory
 * accesses) is enabled at the current EL, the TB carries TBFLAG_PMU_INSN
 * (TBFLAG_PMU_MEM) and every instruction (every load/store instruction)
 * starts by decrementing env->pmu.budget[src]. When it reaches zero an
 * enabled counter overflows right at that instruction: helper_pmu_budget
 * folds the events into the counters, sets PMOVS, raises the interrupt
 * and computes the next budget. Reads and writes of PMU registers, and
 * changes of EL, fold first. An instruction that takes a synchronous
 * exception other than SVC/HVC/SMC did not retire: its count is taken
 * back (arm_pmu_exception). Every PMU register write ends the TB, so the
 * flags of the next TB follow the new setup.
 *
 * Not modelled: PMUv3p1+ (16-bit event numbers, STALL_* events), the
 * 64-bit event counters and PMCR.LP of PMUv3p5, EL2/EL3 filtering bits
 * (NSK, NSU, NSH, M: no EL2 or EL3 here), the AArch32 views, PMMIR.
 * A load/store encoding that turns out UNDEFINED, and DC ZVA, are left as
 * counted memory accesses.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "target-arm/cpu.h"
#include "target-arm/internals.h"
#include "target-arm/translate-a64.h"
#include "hw/irq.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-proto.h"
#include "exec/helper-gen.h"

#define PMCR_E      (1u << 0)
#define PMCR_P      (1u << 1)
#define PMCR_C      (1u << 2)
#define PMCR_D      (1u << 3)
#define PMCR_X      (1u << 4)
#define PMCR_DP     (1u << 5)
#define PMCR_LC     (1u << 6)
#define PMCR_WMASK  (PMCR_E | PMCR_D | PMCR_X | PMCR_DP | PMCR_LC)
#define PMCR_N_SHIFT 11

#define PMUSERENR_EN (1u << 0)
#define PMUSERENR_SW (1u << 1)
#define PMUSERENR_CR (1u << 2)
#define PMUSERENR_ER (1u << 3)

/* PMEVTYPER/PMCCFILTR: P excludes EL1, U excludes EL0. */
#define EVTYPER_P       (1u << 31)
#define EVTYPER_U       (1u << 30)
#define EVTYPER_EVT     0x3ffu      /* PMUv3: 10-bit event numbers */
#define EVTYPER_WMASK   (EVTYPER_P | EVTYPER_U | EVTYPER_EVT)

#define EV_SW_INCR      0x00
#define EV_INST_RETIRED 0x08
#define EV_CPU_CYCLES   0x11
#define EV_MEM_ACCESS   0x13
#define EV_INST_SPEC    0x1b
#define EV_CHAIN        0x1e

#define PMCEID0_EVENTS  ((1u << EV_SW_INCR) | (1u << EV_INST_RETIRED) | \
                         (1u << EV_CPU_CYCLES) | (1u << EV_MEM_ACCESS) | \
                         (1u << EV_INST_SPEC) | (1u << EV_CHAIN))

#define COUNTER_MASK    (((1u << ARM_PMU_NUM_COUNTERS) - 1) | \
                         (1u << ARM_PMU_CYCLE_IDX))

/* A budget when nothing overflows soon: far, but safe to subtract from. */
#define BUDGET_FAR      (INT64_C(1) << 62)

#define K(op0, op1, crn, crm, op2) ARM_SYSREG_KEY(op0, op1, crn, crm, op2)

enum {
    PMCR_EL0 = K(3, 3, 9, 12, 0),
    PMCNTENSET_EL0 = K(3, 3, 9, 12, 1),
    PMCNTENCLR_EL0 = K(3, 3, 9, 12, 2),
    PMOVSCLR_EL0 = K(3, 3, 9, 12, 3),
    PMSWINC_EL0 = K(3, 3, 9, 12, 4),
    PMSELR_EL0 = K(3, 3, 9, 12, 5),
    PMCEID0_EL0 = K(3, 3, 9, 12, 6),
    PMCEID1_EL0 = K(3, 3, 9, 12, 7),
    PMCCNTR_EL0 = K(3, 3, 9, 13, 0),
    PMXEVTYPER_EL0 = K(3, 3, 9, 13, 1),
    PMXEVCNTR_EL0 = K(3, 3, 9, 13, 2),
    PMUSERENR_EL0 = K(3, 3, 9, 14, 0),
    PMOVSSET_EL0 = K(3, 3, 9, 14, 3),
    PMINTENSET_EL1 = K(3, 0, 9, 14, 1),
    PMINTENCLR_EL1 = K(3, 0, 9, 14, 2),
    PMEVCNTR0_EL0 = K(3, 3, 14, 8, 0),      /* n in CRm[1:0]:op2 */
    PMEVTYPER0_EL0 = K(3, 3, 14, 12, 0),
    PMCCFILTR_EL0 = K(3, 3, 14, 15, 7),     /* = PMEVTYPER31 */
};

/* Counter n of PMEVCNTRn/PMEVTYPERn at @key, or -1. */
static int pmu_evreg_index(uint32_t key, uint32_t base)
{
    uint32_t n = key - base;

    if (key < base || n >= ARM_PMU_NUM_COUNTERS) {
        return -1;
    }
    return n;
}

bool arm_pmu_sysreg(uint32_t key)
{
    switch (key) {
    case PMCR_EL0: case PMCNTENSET_EL0: case PMCNTENCLR_EL0:
    case PMOVSCLR_EL0: case PMSWINC_EL0: case PMSELR_EL0:
    case PMCEID0_EL0: case PMCEID1_EL0: case PMCCNTR_EL0:
    case PMXEVTYPER_EL0: case PMXEVCNTR_EL0: case PMUSERENR_EL0:
    case PMOVSSET_EL0: case PMINTENSET_EL1: case PMINTENCLR_EL1:
    case PMCCFILTR_EL0:
        return true;
    default:
        return pmu_evreg_index(key, PMEVCNTR0_EL0) >= 0 ||
               pmu_evreg_index(key, PMEVTYPER0_EL0) >= 0;
    }
}

/* ---- counting ------------------------------------------------------------ */

static uint32_t pmu_filter_of(ARMPMUState *p, int i)
{
    return i == ARM_PMU_CYCLE_IDX ? p->ccfiltr : p->evtyper[i];
}

/* Counter @i counts at @el: PMCR.E, PMCNTENSET and the EL filter. */
static bool pmu_counter_enabled(ARMPMUState *p, int i, unsigned el)
{
    uint32_t f = pmu_filter_of(p, i);

    if (!(p->pmcr & PMCR_E) || !(p->cnten & (1u << i))) {
        return false;
    }
    return !(f & (el == 0 ? EVTYPER_U : EVTYPER_P));
}

/* The source feeding counter @i, or -1 (SW_INCR, CHAIN, unsupported). */
static int pmu_counter_source(ARMPMUState *p, int i)
{
    if (i == ARM_PMU_CYCLE_IDX) {
        return ARM_PMU_SRC_INSN;
    }
    switch (p->evtyper[i] & EVTYPER_EVT) {
    case EV_INST_RETIRED:
    case EV_INST_SPEC:
    case EV_CPU_CYCLES:
        return ARM_PMU_SRC_INSN;
    case EV_MEM_ACCESS:
        return ARM_PMU_SRC_MEM;
    default:
        return -1;
    }
}

static void pmu_update_irq(CPUARMState *env)
{
    ARMCPU *cpu = env_archcpu(env);
    ARMPMUState *p = &env->pmu;
    bool level = (p->pmcr & PMCR_E) && (p->ovs & p->inten);

    if (cpu->pmu_irq) {
        qemu_set_irq(cpu->pmu_irq, level);
    }
}

static void pmu_add(CPUARMState *env, int i, int64_t n);

/* Counter @i (even) overflowed @wraps times: feed a CHAIN counter i + 1. */
static void pmu_chain(CPUARMState *env, int i, int64_t wraps)
{
    ARMPMUState *p = &env->pmu;
    int odd = i + 1;

    if ((i & 1) || odd >= ARM_PMU_NUM_COUNTERS ||
        (p->evtyper[odd] & EVTYPER_EVT) != EV_CHAIN ||
        !pmu_counter_enabled(p, odd, arm_current_el(env))) {
        return;
    }
    pmu_add(env, odd, wraps);
}

/* Add @n events (negative: take back, no overflow) to counter @i. */
static void pmu_add(CPUARMState *env, int i, int64_t n)
{
    ARMPMUState *p = &env->pmu;

    if (i == ARM_PMU_CYCLE_IDX) {
        uint64_t old = p->ccntr, ticks;

        if (p->pmcr & PMCR_D) {
            /* One tick every 64 cycles; the remainder waits in ccnt_frac. */
            int64_t f = (int64_t)p->ccnt_frac + n;
            int64_t t = f >= 0 ? f / 64 : -((-f + 63) / 64);

            p->ccnt_frac = (uint32_t)(f - t * 64);
            n = t;
        }
        p->ccntr = old + (uint64_t)n;
        if (n <= 0) {
            return;
        }
        ticks = n;
        if (p->pmcr & PMCR_LC) {
            if (p->ccntr < old) {
                p->ovs |= 1u << ARM_PMU_CYCLE_IDX;
            }
        } else if ((old & 0xffffffffu) + ticks > 0xffffffffu) {
            p->ovs |= 1u << ARM_PMU_CYCLE_IDX;
        }
        return;
    }
    if (n < 0) {
        p->evcntr[i] = (p->evcntr[i] + (uint64_t)n) & 0xffffffffu;
        return;
    }
    uint64_t sum = p->evcntr[i] + (uint64_t)n;

    p->evcntr[i] = sum & 0xffffffffu;
    if (sum >> 32) {
        p->ovs |= 1u << i;
        pmu_chain(env, i, sum >> 32);
    }
}

/* Events until counter @i overflows, in events of its source. */
static int64_t pmu_distance(ARMPMUState *p, int i)
{
    uint64_t d;

    if (i != ARM_PMU_CYCLE_IDX) {
        return (int64_t)(0x100000000ull - p->evcntr[i]);
    }
    if (p->pmcr & PMCR_LC) {
        d = -p->ccntr;          /* 0 means 2^64: far anyway */
        if (d == 0 || d > (uint64_t)BUDGET_FAR / 64) {
            return BUDGET_FAR;
        }
    } else {
        d = 0x100000000ull - (p->ccntr & 0xffffffffu);
    }
    if (p->pmcr & PMCR_D) {
        return (int64_t)(d * 64 - p->ccnt_frac);
    }
    return (int64_t)d;
}

/*
 * Bring the counters up to date with the events the generated code
 * counted (at the current EL and setup), then set the next budgets.
 */
static void pmu_fold(CPUARMState *env)
{
    ARMPMUState *p = &env->pmu;
    unsigned el = arm_current_el(env);
    int64_t delta[ARM_PMU_NUM_SRC], next[ARM_PMU_NUM_SRC];

    for (int s = 0; s < ARM_PMU_NUM_SRC; s++) {
        delta[s] = p->budget_start[s] - p->budget[s];
        next[s] = BUDGET_FAR;
    }
    for (int i = 0; i < 32; i++) {
        int src;

        if (!(COUNTER_MASK & (1u << i)) || !pmu_counter_enabled(p, i, el)) {
            continue;
        }
        src = pmu_counter_source(p, i);
        if (src >= 0 && delta[src]) {
            pmu_add(env, i, delta[src]);
        }
    }
    /* Distances after all additions (a CHAIN counter may have moved). */
    for (int i = 0; i < 32; i++) {
        int src;

        if (!(COUNTER_MASK & (1u << i)) || !pmu_counter_enabled(p, i, el)) {
            continue;
        }
        src = pmu_counter_source(p, i);
        if (src >= 0) {
            next[src] = MIN(next[src], pmu_distance(p, i));
        }
    }
    for (int s = 0; s < ARM_PMU_NUM_SRC; s++) {
        p->budget[s] = p->budget_start[s] = next[s];
    }
    pmu_update_irq(env);
}

uint32_t arm_pmu_tb_flags(CPUARMState *env)
{
    ARMPMUState *p = &env->pmu;
    unsigned el = arm_current_el(env);
    uint32_t flags = 0;

    if (!(p->pmcr & PMCR_E)) {
        return 0;
    }
    for (int i = 0; i < 32; i++) {
        if (!(COUNTER_MASK & (1u << i)) || !pmu_counter_enabled(p, i, el)) {
            continue;
        }
        switch (pmu_counter_source(p, i)) {
        case ARM_PMU_SRC_INSN:
            flags |= TBFLAG_PMU_INSN;
            break;
        case ARM_PMU_SRC_MEM:
            flags |= TBFLAG_PMU_MEM;
            break;
        default:
            break;
        }
    }
    return flags;
}

void helper_pmu_budget(CPUARMState *env)
{
    pmu_fold(env);
}

/* Decrement budget[src]; at zero, call the helper. */
static void gen_pmu_event(int src)
{
    TCGv_i64 t = tcg_temp_new_i64();
    TCGLabel *skip = gen_new_label();
    int off = offsetof(CPUARMState, pmu.budget[src]);

    tcg_gen_ld_i64(t, tcg_env, off);
    tcg_gen_subi_i64(t, t, 1);
    tcg_gen_st_i64(t, tcg_env, off);
    tcg_gen_brcondi_i64(TCG_COND_NE, t, 0, skip);
    gen_helper_pmu_budget(tcg_env);
    gen_set_label(skip);
}

void arm_pmu_gen_insn(DisasContext *s)
{
    uint32_t flags = s->base.tb->flags;

    if (flags & TBFLAG_PMU_INSN) {
        gen_pmu_event(ARM_PMU_SRC_INSN);
    }
    /* Loads and stores: op0 = x1x0 (bits 27 and 25). */
    if ((flags & TBFLAG_PMU_MEM) && (s->insn & 0x0a000000) == 0x08000000) {
        gen_pmu_event(ARM_PMU_SRC_MEM);
    }
}

void arm_pmu_exception(CPUARMState *env, int excp, uint32_t syndrome)
{
    ARMPMUState *p = &env->pmu;
    uint32_t flags, ec = syndrome >> 26;

    if (excp == EXCP_IRQ || excp == EXCP_FIQ) {
        pmu_fold(env);
        return;
    }
    flags = arm_pmu_tb_flags(env);
    switch (ec) {
    case EC_AA64_SVC:
    case EC_AA64_HVC:
    case EC_AA64_SMC:
    case EC_INSNABORT:          /* raised while translating: not counted */
    case EC_INSNABORT_SAME_EL:
    case EC_PCALIGNMENT:
    case EC_ILLEGALSTATE:
    case 0x32:                  /* software step: the insn completed, or */
    case 0x33:                  /* none ran (active-pending) */
        break;
    case EC_DATAABORT:
    case EC_DATAABORT_SAME_EL:
    case 0x34:                  /* watchpoint: before the access */
    case 0x35:
        if (flags & TBFLAG_PMU_MEM) {
            p->budget[ARM_PMU_SRC_MEM]++;
        }
        /* fall through */
    default:
        if (flags & TBFLAG_PMU_INSN) {
            p->budget[ARM_PMU_SRC_INSN]++;
        }
        break;
    }
    pmu_fold(env);
}

void arm_pmu_el_change(CPUARMState *env)
{
    pmu_fold(env);
}

void arm_pmu_el_changed(CPUARMState *env)
{
    pmu_fold(env);
}

/* ---- registers ----------------------------------------------------------- */

static NORETURN void pmu_undef(CPUARMState *env)
{
    raise_exception_ra(env, EXCP_UDEF, syn_uncategorized(), 1, 0);
}

static NORETURN void pmu_trap(CPUARMState *env, uint32_t key, int rt,
                              bool isread)
{
    raise_exception_ra(env, EXCP_UDEF,
                       syn_aa64_sysregtrap(key >> 14, (key >> 11) & 7, key & 7,
                                           (key >> 7) & 0xf, (key >> 3) & 0xf,
                                           rt, isread), 1, 0);
}

/* EL0 access as PMUSERENR_EL0 allows; EL1-only registers are UNDEFINED. */
static void pmu_check_el0(CPUARMState *env, uint32_t key, int rt, bool isread)
{
    uint32_t u = env->pmu.userenr;
    bool ok;

    if (arm_current_el(env) != 0) {
        return;
    }
    switch (key) {
    case PMUSERENR_EL0:
        if (!isread) {
            pmu_undef(env);
        }
        return;
    case PMINTENSET_EL1:
    case PMINTENCLR_EL1:
        pmu_undef(env);
    case PMSWINC_EL0:
        ok = u & (PMUSERENR_EN | PMUSERENR_SW);
        break;
    case PMCCNTR_EL0:
        ok = (u & PMUSERENR_EN) || (isread && (u & PMUSERENR_CR));
        break;
    case PMSELR_EL0:
        ok = u & (PMUSERENR_EN | PMUSERENR_ER);
        break;
    case PMXEVCNTR_EL0:
        ok = (u & PMUSERENR_EN) || (isread && (u & PMUSERENR_ER));
        break;
    default:
        if (pmu_evreg_index(key, PMEVCNTR0_EL0) >= 0) {
            ok = (u & PMUSERENR_EN) || (isread && (u & PMUSERENR_ER));
        } else {
            ok = u & PMUSERENR_EN;
        }
        break;
    }
    if (!ok) {
        pmu_trap(env, key, rt, isread);
    }
}

static uint32_t pmu_pmcr_read(CPUARMState *env)
{
    ARMCPU *cpu = env_archcpu(env);
    uint32_t imp = (cpu->midr >> 24) & 0xff;

    return (imp << 24) | (ARM_PMU_NUM_COUNTERS << PMCR_N_SHIFT) |
           (env->pmu.pmcr & PMCR_WMASK);
}

uint64_t arm_pmu_read(CPUARMState *env, uint32_t key, int rt)
{
    ARMPMUState *p = &env->pmu;
    int n;

    pmu_check_el0(env, key, rt, true);
    pmu_fold(env);
    switch (key) {
    case PMCR_EL0: return pmu_pmcr_read(env);
    case PMCNTENSET_EL0:
    case PMCNTENCLR_EL0: return p->cnten;
    case PMOVSSET_EL0:
    case PMOVSCLR_EL0: return p->ovs;
    case PMINTENSET_EL1:
    case PMINTENCLR_EL1: return p->inten;
    case PMSELR_EL0: return p->selr;
    case PMCEID0_EL0: return PMCEID0_EVENTS;
    case PMCEID1_EL0: return 0;
    case PMCCNTR_EL0: return p->ccntr;
    case PMCCFILTR_EL0: return p->ccfiltr;
    case PMUSERENR_EL0: return p->userenr;
    case PMSWINC_EL0:
        pmu_undef(env);         /* write-only */
    case PMXEVTYPER_EL0:
        if (p->selr == ARM_PMU_CYCLE_IDX) {
            return p->ccfiltr;
        }
        if (p->selr < ARM_PMU_NUM_COUNTERS) {
            return p->evtyper[p->selr];
        }
        log_mask(LOG_GUEST_ERROR, "aarch64: PMXEVTYPER_EL0 read with "
                 "PMSELR_EL0.SEL %u (no such counter)\n", p->selr);
        return 0;
    case PMXEVCNTR_EL0:
        if (p->selr < ARM_PMU_NUM_COUNTERS) {
            return p->evcntr[p->selr];
        }
        log_mask(LOG_GUEST_ERROR, "aarch64: PMXEVCNTR_EL0 read with "
                 "PMSELR_EL0.SEL %u (no such counter)\n", p->selr);
        return 0;
    default:
        if ((n = pmu_evreg_index(key, PMEVCNTR0_EL0)) >= 0) {
            return p->evcntr[n];
        }
        if ((n = pmu_evreg_index(key, PMEVTYPER0_EL0)) >= 0) {
            return p->evtyper[n];
        }
        pmu_undef(env);
    }
}

/* SW_INCR: each counter named in @val that counts it, if enabled. */
static void pmu_swinc(CPUARMState *env, uint64_t val)
{
    ARMPMUState *p = &env->pmu;
    unsigned el = arm_current_el(env);

    for (int i = 0; i < ARM_PMU_NUM_COUNTERS; i++) {
        if ((val & (1u << i)) &&
            (p->evtyper[i] & EVTYPER_EVT) == EV_SW_INCR &&
            pmu_counter_enabled(p, i, el)) {
            pmu_add(env, i, 1);
        }
    }
}

void arm_pmu_write(CPUARMState *env, uint32_t key, int rt, uint64_t val)
{
    ARMPMUState *p = &env->pmu;
    uint32_t v = (uint32_t)val;
    int n;

    pmu_check_el0(env, key, rt, false);
    pmu_fold(env);
    switch (key) {
    case PMCR_EL0:
        if (v & PMCR_P) {
            memset(p->evcntr, 0, sizeof(p->evcntr));
        }
        if (v & PMCR_C) {
            p->ccntr = 0;
            p->ccnt_frac = 0;
        }
        p->pmcr = v & PMCR_WMASK;
        break;
    case PMCNTENSET_EL0: p->cnten |= v & COUNTER_MASK; break;
    case PMCNTENCLR_EL0: p->cnten &= ~v; break;
    case PMOVSSET_EL0: p->ovs |= v & COUNTER_MASK; break;
    case PMOVSCLR_EL0: p->ovs &= ~v; break;
    case PMINTENSET_EL1: p->inten |= v & COUNTER_MASK; break;
    case PMINTENCLR_EL1: p->inten &= ~v; break;
    case PMSELR_EL0: p->selr = v & 0x1f; break;
    case PMCCNTR_EL0: p->ccntr = val; break;
    case PMCCFILTR_EL0: p->ccfiltr = v & (EVTYPER_P | EVTYPER_U); break;
    case PMUSERENR_EL0: p->userenr = v & 0xf; break;
    case PMSWINC_EL0: pmu_swinc(env, v); break;
    case PMCEID0_EL0:
    case PMCEID1_EL0:
        pmu_undef(env);         /* read-only */
    case PMXEVTYPER_EL0:
        if (p->selr == ARM_PMU_CYCLE_IDX) {
            p->ccfiltr = v & (EVTYPER_P | EVTYPER_U);
        } else if (p->selr < ARM_PMU_NUM_COUNTERS) {
            p->evtyper[p->selr] = v & EVTYPER_WMASK;
        } else {
            log_mask(LOG_GUEST_ERROR, "aarch64: PMXEVTYPER_EL0 write with "
                     "PMSELR_EL0.SEL %u (no such counter)\n", p->selr);
        }
        break;
    case PMXEVCNTR_EL0:
        if (p->selr < ARM_PMU_NUM_COUNTERS) {
            p->evcntr[p->selr] = v;
        } else {
            log_mask(LOG_GUEST_ERROR, "aarch64: PMXEVCNTR_EL0 write with "
                     "PMSELR_EL0.SEL %u (no such counter)\n", p->selr);
        }
        break;
    default:
        if ((n = pmu_evreg_index(key, PMEVCNTR0_EL0)) >= 0) {
            p->evcntr[n] = v;
        } else if ((n = pmu_evreg_index(key, PMEVTYPER0_EL0)) >= 0) {
            p->evtyper[n] = v & EVTYPER_WMASK;
        } else {
            pmu_undef(env);
        }
        break;
    }
    /* New values, enables or filters: budgets and the line follow. */
    pmu_fold(env);
}
