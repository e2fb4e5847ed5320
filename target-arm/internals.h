/*
 * internals.h - what the Arm target's own files share and nothing else
 * includes: the system register table and helpers between cpu.c,
 * helper-a64.c and translate-a64.c.
 */
#ifndef TARGET_ARM_INTERNALS_H
#define TARGET_ARM_INTERNALS_H

#include "target-arm/cpu.h"

/* A system register encoding packed as op0:op1:CRn:CRm:op2 (16 bits). */
#define ARM_SYSREG_KEY(op0, op1, crn, crm, op2) \
    (((op0) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2))

/* ARMSysReg.access */
#define ARM_SR_EL0_R    0x01
#define ARM_SR_EL0_W    0x02
#define ARM_SR_EL1_R    0x04
#define ARM_SR_EL1_W    0x08
#define ARM_SR_EL1_RW   (ARM_SR_EL1_R | ARM_SR_EL1_W)
#define ARM_SR_ALL_RW   (ARM_SR_EL1_RW | ARM_SR_EL0_R | ARM_SR_EL0_W)
#define ARM_SR_ALL_R    (ARM_SR_EL1_R | ARM_SR_EL0_R)

/* ARMSysReg.flags */
#define ARM_SR_END_TB   0x01    /* a write changes what the TB flags capture */
#define ARM_SR_DYNAMIC  0x02    /* access also checked at run time */
#define ARM_SR_FP       0x04    /* an FP access: traps under CPACR_EL1.FPEN */

typedef struct ARMSysReg {
    const char *name;
    uint32_t key;
    uint8_t access;
    uint8_t flags;
} ARMSysReg;

/* The register at @key, or NULL if we do not implement that encoding. */
const ARMSysReg *arm_sysreg_find(uint32_t key);

/* Bit-level operations the translator calls through helpers. */
uint32_t arm_crc32_update(uint32_t acc, uint64_t val, unsigned bytes,
                          bool castagnoli);

/* The generic timer's count (CNTPCT/CNTVCT). */
uint64_t arm_counter_value(CPUARMState *env);

/* The result of a stage 1 translation (ptw.c). */
typedef struct ARMTranslation {
    uint64_t pa;            /* physical address of the input address */
    uint64_t page_size;     /* size of the page or block that maps it */
    int prot;               /* PAGE_READ | PAGE_WRITE | PAGE_EXEC for mmu_idx */
    bool device;            /* Device memory type */
    uint8_t attr;           /* MAIR attribute byte (0 with the MMU off) */
} ARMTranslation;

/*
 * Translate @va for an access of @type from @mmu_idx. True with *res
 * filled, or false with the fault status code (DFSC/IFSC) in *fsc.
 */
bool arm_translate(CPUARMState *env, uint64_t va, MMUAccessType type,
                   int mmu_idx, ARMTranslation *res, uint32_t *fsc);

/*
 * FPCR/FPSR (vfp_helper.c). Always go through these: the cumulative
 * exception flags and the rounding/flush/NaN modes live partly in the
 * float_status structs of env->vfp.
 */
#define FPCR_IOE    (1u << 8)
#define FPCR_FZ16   (1u << 19)
#define FPCR_RMODE_SHIFT 22
#define FPCR_FZ     (1u << 24)
#define FPCR_DN     (1u << 25)
#define FPCR_AHP    (1u << 26)
#define FPCR_MASK   0x07ff9f00u
#define FPSR_IOC    (1u << 0)
#define FPSR_DZC    (1u << 1)
#define FPSR_OFC    (1u << 2)
#define FPSR_UFC    (1u << 3)
#define FPSR_IXC    (1u << 4)
#define FPSR_IDC    (1u << 7)
#define FPSR_QC     (1u << 27)
#define FPSR_MASK   0xf800009fu

uint32_t vfp_get_fpcr(CPUARMState *env);
void vfp_set_fpcr(CPUARMState *env, uint32_t val);
uint32_t vfp_get_fpsr(CPUARMState *env);
void vfp_set_fpsr(CPUARMState *env, uint32_t val);

/* A vCPU's migratable state (machine.c). */
extern const struct VMStateDescription vmstate_arm_cpu;

/* Self-hosted debug (debug_helper.c): 2 breakpoints, 2 watchpoints. */
#define ARM_DEBUG_NUM_BP 2
#define ARM_DEBUG_NUM_WP 2
bool arm_debug_enabled(CPUARMState *env);
uint32_t arm_debug_tb_flags(CPUARMState *env);
void arm_debug_eret(CPUARMState *env);
/* Re-insert the core watchpoints after a DBGWVR/DBGWCR write. */
void arm_debug_update_wp(CPUARMState *env);
void arm_debug_watchpoint_hit(CPUState *cs, vaddr addr, vaddr len,
                              bool is_write, uintptr_t ra);

/* Write a new PSTATE (EL, SP, DAIF; NZCV included) keeping SP banking right. */
void aarch64_pstate_write(CPUARMState *env, uint32_t val);
/* The current ASID (TTBR per TCR_EL1.A1, 8 or 16 bits per AS). */
uint32_t arm_current_asid(CPUARMState *env);
/* Tell the TLB the current ASID after a TTBR/TCR change (helper-a64.c). */
void arm_update_asid(CPUARMState *env);

/*
 * ComputePAC() of FEAT_PAuth (target-arm/pauth_helper.c): the architected
 * QARMA5 cipher and our implementation-defined replacement.
 */
uint64_t pauth_computepac_qarma5(uint64_t data, uint64_t modifier,
                                 ARMPACKey key);
uint64_t pauth_computepac_impdef(uint64_t data, uint64_t modifier,
                                 ARMPACKey key);
/* QARMA5 computed cell by cell, as written in the Arm ARM (slow). */
uint64_t pauth_computepac_qarma5_ref(uint64_t data, uint64_t modifier,
                                     ARMPACKey key);

#endif
