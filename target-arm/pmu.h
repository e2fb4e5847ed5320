/*
 * pmu.h - the Performance Monitors Extension (PMUv3) of the AArch64 CPU:
 * its state in CPUARMState and what cpu.c, helper-a64.c and the
 * translator call (implementation and the model's rules in pmu.c).
 */
#ifndef TARGET_ARM_PMU_H
#define TARGET_ARM_PMU_H

#include "util/osdep.h"

typedef struct CPUArchState CPUARMState;

#define ARM_PMU_NUM_COUNTERS 6          /* PMCR_EL0.N, as a Cortex-A57 */
#define ARM_PMU_CYCLE_IDX    31

/*
 * Event sources the generated code counts (one budget each): instructions
 * (INST_RETIRED, INST_SPEC, CPU_CYCLES and the cycle counter, at one
 * cycle per instruction) and data memory accesses (MEM_ACCESS).
 */
enum {
    ARM_PMU_SRC_INSN,
    ARM_PMU_SRC_MEM,
    ARM_PMU_NUM_SRC,
};

typedef struct ARMPMUState {
    uint32_t pmcr;                  /* E, D, X, DP, LC as written */
    uint32_t cnten;                 /* PMCNTENSET: counters 0..N-1 and 31 */
    uint32_t ovs;                   /* PMOVSSET */
    uint32_t inten;                 /* PMINTENSET */
    uint32_t selr;                  /* PMSELR.SEL */
    uint32_t userenr;               /* PMUSERENR: EN, SW, CR, ER */
    uint32_t ccfiltr;               /* PMCCFILTR: P, U */
    uint32_t ccnt_frac;             /* cycles towards the next tick (PMCR.D) */
    uint32_t evtyper[ARM_PMU_NUM_COUNTERS];
    uint64_t evcntr[ARM_PMU_NUM_COUNTERS];  /* 32-bit counters */
    uint64_t ccntr;                 /* 64-bit cycle counter */
    /*
     * Generated code decrements budget[src] once per event and calls
     * helper_pmu_budget when it reaches zero: that is the event at which
     * the first counter fed by src overflows. Events since the last fold
     * = budget_start - budget (signed: a faulting insn is taken back).
     */
    int64_t budget[ARM_PMU_NUM_SRC];
    int64_t budget_start[ARM_PMU_NUM_SRC];
} ARMPMUState;

/* TB flags (cpu.h TBFLAG_PMU_INSN/MEM) for the current EL and PMU setup. */
uint32_t arm_pmu_tb_flags(CPUARMState *env);
/* Whether @key is a PMU register we implement. */
bool arm_pmu_sysreg(uint32_t key);
/* MRS/MSR of a PMU register, with the EL0 access checks (@rt for traps). */
uint64_t arm_pmu_read(CPUARMState *env, uint32_t key, int rt);
void arm_pmu_write(CPUARMState *env, uint32_t key, int rt, uint64_t val);
/*
 * An exception is being taken (before PSTATE changes): take back the
 * count of an instruction that did not retire, and fold the counts of
 * the EL being left. arm_pmu_el_changed() after any change of EL.
 */
void arm_pmu_exception(CPUARMState *env, int excp, uint32_t syndrome);
void arm_pmu_el_change(CPUARMState *env);
void arm_pmu_el_changed(CPUARMState *env);

#endif
