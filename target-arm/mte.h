/*
 * mte.h - what the Memory Tagging Extension (target-arm/mte_helper.c)
 * shares with the rest of the Arm target: the SCTLR_EL1/TCR_EL1 fields
 * it acts on, the TLB bit that marks Tagged Normal pages, the check
 * descriptor the translator passes to helper_mte_check, and the hooks
 * cpu.c and helper-a64.c call.
 */
#ifndef TARGET_ARM_MTE_H
#define TARGET_ARM_MTE_H

#include "target-arm/cpu.h"

#define SCTLR_ATA       (1ull << 43)    /* allocation tag access at EL1 */
#define SCTLR_ATA0      (1ull << 42)    /* ... at EL0 */
#define SCTLR_TCF_SHIFT  40             /* 2 bits: tag check fault mode, EL1 */
#define SCTLR_TCF0_SHIFT 38             /* ... EL0 */
#define SCTLR_ITFSB     (1ull << 37)

#define TCR_TBI0        (1ull << 37)
#define TCR_TBI1        (1ull << 38)
#define TCR_TCMA0       (1ull << 57)
#define TCR_TCMA1       (1ull << 58)

/* SCTLR_ELx.TCF values. */
#define MTE_TCF_NONE    0
#define MTE_TCF_SYNC    1
#define MTE_TCF_ASYNC   2
#define MTE_TCF_ASYMM   3               /* FEAT_MTE3: loads sync, stores async */

/* CPUTLBEntryFull.extra[0]: the page is Tagged Normal memory with tag storage. */
#define ARM_TLB_TAGGED  0x01

/* GMID_EL1.BS: LDGM/STGM move 2^6 tags (256 bytes). */
#define MTE_GMID_BS     6

/*
 * helper_mte_check's descriptor: access size in bytes (1..64), write,
 * MMU index of the access (LDTR/STTR check as EL0), bits 8-11.
 */
#define MTE_DESC(size, is_write, mmu_idx) \
    ((uint32_t)((size) - 1) | ((is_write) ? 0x80u : 0) | ((uint32_t)(mmu_idx) << 8))
/* With MTE_DESC: check the whole naturally aligned block of @size (DC ZVA). */
#define MTE_DESC_BLOCK  0x1000u

/* STG family (helper_stg desc) and DC GVA family (helper_dc_gva desc). */
#define MTE_STG_ZERO    1               /* STZG, STZ2G: zero the data too */
#define MTE_STG_TWO     2               /* ST2G, STZ2G: two granules */
#define MTE_STG_ADDR    4               /* STGP: the tag comes from the address */

/* TBFLAG_MTE / TBFLAG_MTE0 for the current state (cpu.c arm_tb_flags). */
uint32_t arm_mte_tb_flags(CPUARMState *env);

/* PSTATE on exception entry gets TCO set when the CPU has MTE. */
static inline bool arm_cpu_has_mte(const ARMCPU *cpu)
{
    return cpu->mte;
}

#endif
