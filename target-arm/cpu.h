/*
 * cpu.h - the AArch64 CPU: its register file (CPUARMState), the ARMCPU
 * object that wraps it, and what the machine and the translator need to
 * know about it (TB flags, MMU indexes, exception classes).
 *
 * Scope: AArch64 only, EL0 and EL1 (no EL2/EL3, no AArch32), stage 1
 * translation of the EL1&0 regime (ptw.c; flat with Device-nGnRnE data
 * semantics while SCTLR_EL1.M is 0), base integer ISA. The ID registers
 * advertise exactly that: a guest that reads them finds no FP/SIMD, no
 * SVE, no EL2/EL3, and FEAT_LSE (on max) + CRC32 present.
 *
 * A machine makes a CPU with arm_cpu_new("max" | "cortex-a57", errp),
 * sets its reset pc with arm_cpu_set_reset_pc(), and resets it.
 */
#ifndef TARGET_ARM_CPU_H
#define TARGET_ARM_CPU_H

#include "util/osdep.h"
#include "hw/core/cpu.h"
#include "fpu/softfloat-types.h"
#include "target-arm/pmu.h"

/* PSTATE bits as they appear in SPSR_ELx (AArch64 format). */
#define PSTATE_SP       (1u << 0)       /* SPSel: 1 = SP_ELx, 0 = SP_EL0 */
#define PSTATE_EL_SHIFT 2
#define PSTATE_EL_MASK  (3u << 2)
#define PSTATE_nRW      (1u << 4)       /* 0 = AArch64 */
#define PSTATE_F        (1u << 6)
#define PSTATE_I        (1u << 7)
#define PSTATE_A        (1u << 8)
#define PSTATE_D        (1u << 9)
#define PSTATE_DAIF     (PSTATE_D | PSTATE_A | PSTATE_I | PSTATE_F)
#define PSTATE_SSBS     (1u << 12)      /* FEAT_SSBS */
#define PSTATE_IL       (1u << 20)
#define PSTATE_SS       (1u << 21)
#define PSTATE_DIT      (1u << 24)      /* FEAT_DIT */
#define PSTATE_TCO      (1u << 25)      /* FEAT_MTE: tag checks override */
#define PSTATE_V        (1u << 28)
#define PSTATE_C        (1u << 29)
#define PSTATE_Z        (1u << 30)
#define PSTATE_N        (1u << 31)
#define PSTATE_NZCV     (PSTATE_N | PSTATE_Z | PSTATE_C | PSTATE_V)

/* SCTLR_EL1 bits we act on. */
#define SCTLR_M         (1ull << 0)     /* stage 1 MMU enable */
#define SCTLR_A         (1ull << 1)     /* alignment check */
#define SCTLR_SA        (1ull << 3)     /* SP alignment check at EL1 */
#define SCTLR_SA0       (1ull << 4)     /* SP alignment check at EL0 */
#define SCTLR_UMA       (1ull << 9)     /* EL0 may touch DAIF */
#define SCTLR_nTWI      (1ull << 16)
#define SCTLR_nTWE      (1ull << 18)
/* Bits that read as one on reset (RES1 in the ARMv8.0 layout). */
#define SCTLR_EL1_RES1  0x30d00800ull
/* Pointer authentication key enables (FEAT_PAuth). */
#define SCTLR_EnIA      (1ull << 31)
#define SCTLR_EnIB      (1ull << 30)
#define SCTLR_EnDA      (1ull << 27)
#define SCTLR_EnDB      (1ull << 13)

/* Exception classes (ESR_ELx.EC). */
enum {
    EC_UNCATEGORIZED   = 0x00,
    EC_WFX_TRAP        = 0x01,
    EC_ADVSIMDFPACCESS = 0x07,
    EC_ILLEGALSTATE    = 0x0e,
    EC_AA64_SVC        = 0x15,
    EC_AA64_HVC        = 0x16,
    EC_AA64_SMC        = 0x17,
    EC_SYSTEMREGISTERTRAP = 0x18,
    EC_INSNABORT       = 0x20,
    EC_INSNABORT_SAME_EL = 0x21,
    EC_PCALIGNMENT     = 0x22,
    EC_DATAABORT       = 0x24,
    EC_DATAABORT_SAME_EL = 0x25,
    EC_SPALIGNMENT     = 0x26,
    EC_SERROR          = 0x2f,
    EC_AA64_BKPT       = 0x3c,
};
#define ESR_IL          (1u << 25)

/* Fault status codes (DFSC/IFSC) we raise. */
#define FSC_ADDRESS_SIZE_L0 0x00
#define FSC_TRANSLATION_L0  0x04
#define FSC_SYNC_EXTERNAL   0x10
#define FSC_ALIGNMENT       0x21
#define FSC_TAG_CHECK       0x11    /* synchronous tag check fault (MTE) */

/*
 * exception_index values of the Arm target (QEMU's EXCP_* numbering for
 * the ones both have). The syndrome, target EL and fault address travel in
 * env->exception.
 */
enum {
    EXCP_UDEF      = 1,     /* undefined instruction */
    EXCP_SWI       = 2,     /* SVC */
    EXCP_PREFETCH_ABORT = 3,
    EXCP_DATA_ABORT = 4,
    EXCP_IRQ       = 5,
    EXCP_FIQ       = 6,
    EXCP_BKPT      = 7,
    EXCP_HVC       = 11,
    EXCP_SMC       = 13,
    EXCP_SEMIHOST  = 21,    /* hlt #0xf000 with -semihosting */
};

/* MMU indexes: regime EL0 and EL1 (identical while the MMU is off). */
enum {
    ARMMMUIdx_E10_0 = 0,
    ARMMMUIdx_E10_1 = 1,
    ARM_MMU_MODES   = 2,
};

/*
 * TB flags: what the translator bakes in and so must be part of the TB
 * lookup key.
 */
#define TBFLAG_EL_SHIFT     0           /* 2 bits: current EL */
#define TBFLAG_EL_MASK      (3u << 0)
#define TBFLAG_ALIGN        (1u << 2)   /* every data access must be aligned */
#define TBFLAG_SS           (1u << 3)   /* software step active (debug_helper.c) */
#define TBFLAG_UMA          (1u << 4)   /* SCTLR_EL1.UMA (EL0 DAIF access) */
#define TBFLAG_IL           (1u << 5)   /* PSTATE.IL */
#define TBFLAG_FPTRAP       (1u << 6)   /* FP/SIMD access traps (CPACR_EL1.FPEN) */
#define TBFLAG_PMU_INSN     (1u << 7)   /* PMU counts instructions (pmu.c) */
#define TBFLAG_PMU_MEM      (1u << 8)   /* PMU counts memory accesses */
#define TBFLAG_PSTATE_SS    (1u << 9)   /* PSTATE.SS (with TBFLAG_SS) */
#define TBFLAG_BP           (1u << 10)  /* hardware breakpoints armed */
#define TBFLAG_MTE          (1u << 11)  /* MTE: accesses at this EL are tag checked */
#define TBFLAG_MTE0         (1u << 12)  /* MTE: unprivileged (LDTR/STTR) ones are */

typedef struct ARMVectorReg {
    uint64_t d[2];
} ARMVectorReg;

/* A 128-bit pointer authentication key: lo = KeyLo_EL1, hi = KeyHi_EL1. */
typedef struct ARMPACKey {
    uint64_t lo, hi;
} ARMPACKey;

typedef struct CPUArchState CPUARMState;

struct CPUArchState {
    /*
     * X0..X30, and xregs[31] = the stack pointer in use (SP_EL0 or SP_ELx
     * according to PSTATE.SP). The banked copies live in sp_el[] and are
     * swapped in aarch64_update_sp_el0/1 on every change of EL or SPSel, so
     * generated code always finds SP at xregs[31].
     */
    uint64_t xregs[32];
    uint64_t pc;
    /*
     * NZCV kept apart so that flag-setting ops cost one move each:
     * N is bit 63 of NF, Z is (ZF == 0), C is CF (0 or 1), V is bit 63
     * of VF. 32-bit ops store their results sign-extended (NF, VF) or
     * zero-extended (ZF).
     */
    uint64_t NF;
    uint64_t ZF;
    uint64_t CF;
    uint64_t VF;
    /* The rest of PSTATE (SPSR layout, NZCV bits kept at zero). */
    uint32_t pstate;

    uint64_t sp_el[2];          /* SP_EL0, SP_EL1 */
    uint64_t elr_el1;
    uint64_t spsr_el1;
    uint64_t esr_el1;
    uint64_t far_el1;
    uint64_t vbar_el1;
    uint64_t sctlr_el1;
    uint64_t cpacr_el1;
    uint64_t tcr_el1;
    uint64_t ttbr0_el1;
    uint64_t ttbr1_el1;
    uint64_t mair_el1;
    uint64_t amair_el1;
    uint64_t contextidr_el1;
    uint64_t tpidr_el0;
    uint64_t tpidrro_el0;
    uint64_t tpidr_el1;
    uint64_t par_el1;
    uint64_t afsr0_el1;
    uint64_t afsr1_el1;
    uint64_t mdscr_el1;
    uint64_t dbgbvr[2], dbgbcr[2];  /* breakpoint value/control 0..1 */
    uint64_t dbgwvr[2], dbgwcr[2];  /* watchpoint value/control 0..1 */
    uint32_t oslk;              /* OSLSR_EL1.OSLK: the OS lock (OSLAR_EL1) */
    uint64_t cntkctl_el1;
    uint64_t cntv_ctl_el0;
    uint64_t cntv_cval_el0;
    uint64_t cntp_ctl_el0;
    uint64_t cntp_cval_el0;
    uint64_t cntvoff;           /* virtual counter offset (0) */

    /*
     * FP/SIMD state. V0-V31 as two little-endian 64-bit halves (element i
     * of size 1<<n bytes lives at byte offset i<<n of the host-LE array).
     * fpsr holds QC, the NZCV of AArch32 and the cumulative flags already
     * folded in; the flags raised since then sit in the float_status
     * structs (vfp_get_fpsr() merges them). fpcr mirrors into the status
     * structs through vfp_set_fpcr() (target-arm/vfp_helper.c).
     */
    ARMVectorReg vregs[32];
    uint32_t fpcr;
    uint32_t fpsr;
    struct {
        float_status fp_status;         /* FPCR rules for single/double */
        float_status fp_status_f16;     /* FPCR with FZ16 for half precision */
        float_status standard_fp_status; /* "StandardFPSCRValue" (unused by A64 now) */
    } vfp;

    /*
     * The exclusive monitor: the address and value LDXR saw. STXR succeeds
     * iff the address matches and memory still holds the value (an atomic
     * compare-and-swap), which is how a single-host-thread emulator keeps
     * LDXR/STXR loops correct. -1 = open (no reservation).
     */
    uint64_t exclusive_addr;
    uint64_t exclusive_val;
    uint64_t exclusive_high;

    /* Pointer authentication keys (APIAKey_EL1 ...), <127:64> in hi. */
    struct {
        ARMPACKey apia, apib, apda, apdb, apga;
    } keys;

    /* The pending synchronous exception (valid while exception_index set). */
    struct {
        uint32_t syndrome;
        uint32_t target_el;
        uint64_t vaddress;      /* FAR for aborts */
    } exception;

    ARMPMUState pmu;            /* PMUv3 (pmu.c) */

    /* FEAT_MTE registers (mte_helper.c). */
    uint64_t gcr_el1;
    uint64_t rgsr_el1;
    uint64_t tfsr_el1;
    uint64_t tfsre0_el1;

    /* Fields below are not cleared on reset. */
    uint64_t reset_pc;
    /*
     * arm_tb_flags() of the current state, kept up to date by
     * arm_rebuild_tb_flags() wherever one of its inputs changes (system
     * register and PSTATE writes, exception entry and return, reset,
     * migration, gdb): the TB lookup of every indirect branch reads it.
     */
    uint32_t tb_flags;
};

/* Feature registers and identity, fixed per model. */
typedef struct ARMISARegisters {
    uint64_t id_aa64pfr0;
    uint64_t id_aa64pfr1;
    uint64_t id_aa64dfr0;
    uint64_t id_aa64isar0;
    uint64_t id_aa64isar1;
    uint64_t id_aa64mmfr0;
    uint64_t id_aa64mmfr1;
    uint64_t id_aa64mmfr2;
} ARMISARegisters;

typedef struct ARMCPU {
    CPUState parent_obj;
    CPUNegativeOffsetState neg;
    CPUARMState env;

    const char *model;          /* "max", "cortex-a57" */
    uint64_t midr;
    uint64_t mpidr;
    uint64_t revidr;
    uint64_t ctr;
    uint64_t clidr;
    uint64_t dczid;
    uint64_t cntfrq;            /* Hz of the generic timer counter */
    ARMISARegisters isar;
    /*
     * A TLB entry of an address with a non-canonical top byte (TBI) may
     * exist: TLBI by VA must then flush everything (helper-a64.c).
     */
    bool tlb_tagged;
    /* PSCI power state: off until CPU_ON (secondaries) or after CPU_OFF. */
    bool power_off;
    /* Generic timer outputs (GTIMER_PHYS, GTIMER_VIRT), wired by the board. */
    qemu_irq gt_irq[2];
    QEMUTimer *gt_timer[2];
    /* PMU overflow interrupt (a level output), wired by the board. */
    qemu_irq pmu_irq;
    /*
     * FEAT_PAuth (ID_AA64ISAR1 APA/GPA = QARMA5, or API/GPI = our
     * implementation-defined algorithm with -cpu max,pauth-impdef=on).
     */
    bool pauth;
    bool pauth_impdef;
    /*
     * FEAT_MTE3 (ID_AA64PFR1.MTE = 3) once the board gave tag storage:
     * 4 bits per 16-byte granule of physical [tag_base, tag_base +
     * tag_span), two granules per byte, kept out of the guest's address
     * space (arm_cpu_set_tag_memory, target-arm/mte_helper.c).
     */
    bool mte;
    uint8_t *tag_mem;
    uint64_t tag_base, tag_span;
    /* The GICv3 serving ICC_*_EL1 (set by the board), or NULL: UNDEF. */
    struct GICv3State *gicv3;
} ARMCPU;

#define GTIMER_PHYS 0
#define GTIMER_VIRT 1

/*
 * Connect generic timer @which (GTIMER_PHYS/GTIMER_VIRT) to @irq: a
 * level output, high while CTL.ENABLE && ISTATUS && !IMASK.
 */
void arm_cpu_set_gt_irq(ARMCPU *cpu, int which, qemu_irq irq);
/* Re-evaluate both timer outputs and re-arm their deadlines. */
void arm_gt_update(ARMCPU *cpu);

typedef ARMCPU ArchCPU;

static inline ARMCPU *env_archcpu(CPUARMState *env)
{
    return container_of(env, ARMCPU, env);
}

static inline ARMCPU *ARM_CPU(CPUState *cs)
{
    return container_of(cs, ARMCPU, parent_obj);
}

/* Current exception level (0 or 1). */
static inline unsigned arm_current_el(const CPUARMState *env)
{
    return (env->pstate & PSTATE_EL_MASK) >> PSTATE_EL_SHIFT;
}

/* NZCV as the 4 top bits of a PSTATE/SPSR word. */
static inline uint32_t pstate_read_nzcv(const CPUARMState *env)
{
    uint32_t v = 0;
    v |= (env->NF >> 63) ? PSTATE_N : 0;
    v |= env->ZF == 0 ? PSTATE_Z : 0;
    v |= env->CF ? PSTATE_C : 0;
    v |= (env->VF >> 63) ? PSTATE_V : 0;
    return v;
}

static inline void pstate_write_nzcv(CPUARMState *env, uint32_t v)
{
    env->NF = (v & PSTATE_N) ? (1ull << 63) : 0;
    env->ZF = (v & PSTATE_Z) ? 0 : 1;
    env->CF = (v & PSTATE_C) ? 1 : 0;
    env->VF = (v & PSTATE_V) ? (1ull << 63) : 0;
}

/* The whole PSTATE in SPSR format. */
static inline uint32_t pstate_read(const CPUARMState *env)
{
    return (env->pstate & ~PSTATE_NZCV) | pstate_read_nzcv(env);
}

/*
 * Create an AArch64 CPU of model @cpu_type ("max", "cortex-a57", with or
 * without the "-arm-cpu" suffix). The CPU is realized (has an index, is in
 * the CPU list) but not reset. NULL + errp for an unknown model.
 */
ARMCPU *arm_cpu_new(const char *cpu_type, GError **errp);
/* Whether @cpu_type names a model we have. */
bool arm_cpu_type_valid(const char *cpu_type);
/* Print the -cpu help list. */
void arm_cpu_list(FILE *f);
/* FEAT_PAuth on/off and which algorithm (ID_AA64ISAR1 follows). */
void arm_cpu_set_pauth(ARMCPU *cpu, bool on, bool impdef);
/*
 * Give @cpu MTE tag storage @tags (arm_mte_tag_size(@size) bytes) for
 * the RAM at physical [@base, @base + @size): the CPU then has FEAT_MTE3.
 * False + errp for a model without MTE.
 */
bool arm_cpu_set_tag_memory(ARMCPU *cpu, uint64_t base, uint64_t size,
                            uint8_t *tags, GError **errp);
/* Bytes of tag storage for @ram_size bytes of RAM. */
static inline uint64_t arm_mte_tag_size(uint64_t ram_size)
{
    return (ram_size + 31) / 32;
}
/* Where the next reset starts executing (before the first cpu_reset). */
void arm_cpu_set_reset_pc(ARMCPU *cpu, uint64_t pc);

/* The TCG hooks of the Arm target (cpu.c). */
extern const TCGCPUOps arm_tcg_ops;

/* cpu.c / helper-a64.c internals shared with translate-a64.c */
void aarch64_translate_init(void);
void aarch64_translate_code(CPUState *cs, TranslationBlock *tb, int *max_insns,
                            vaddr pc, void *host_pc);
uint32_t arm_tb_flags(CPUARMState *env);
/* Recompute env->tb_flags after a change of what arm_tb_flags() reads. */
void arm_rebuild_tb_flags(CPUARMState *env);
/* Swap xregs[31] with the banked SP for the current EL/SPSel. */
void aarch64_save_sp(CPUARMState *env);
void aarch64_restore_sp(CPUARMState *env);
/* Take the exception in cs->exception_index (cpu.c). */
void arm_cpu_do_interrupt(CPUState *cs);
/*
 * Raise a synchronous exception now, from a helper: sets exception_index,
 * syndrome and target EL, unwinds the guest state to the faulting insn
 * through @ra (GETPC(), or 0 when env is already in sync) and leaves.
 */
NORETURN void raise_exception_ra(CPUARMState *env, int excp, uint32_t syndrome,
                                 uint32_t target_el, uintptr_t ra);
/* Semihosting call (hlt #0xf000): x0 = op, x1 = parameter; result in x0. */
void arm_semihosting_call(CPUARMState *env);
/* PSCI call through HVC/SMC #0: true if @fn was a PSCI function. */
bool arm_psci_call(CPUARMState *env);

/*
 * gdb stub (target-arm/gdbstub.c): registers in gdb's aarch64 numbering,
 * 0-30 x0-x30, 31 sp, 32 pc, 33 cpsr, 34-65 v0-v31, 66 fpsr, 67 fpcr.
 * read appends the value to @buf and returns its size (0: no such
 * register); write takes it from @buf and returns its size.
 */
#define ARM_GDB_NUM_REGS 68
int arm_gdb_num_regs(void);
int arm_gdb_read_register(CPUState *cs, GByteArray *buf, int n);
int arm_gdb_write_register(CPUState *cs, const uint8_t *buf, int n);
/* The target description (target.xml) matching that numbering. */
const char *arm_gdb_target_xml(void);

/* Syndromes. */
static inline uint32_t syn_uncategorized(void)
{
    return ((uint32_t)EC_UNCATEGORIZED << 26) | ESR_IL;
}

static inline uint32_t syn_aa64_svc(uint32_t imm16)
{
    return ((uint32_t)EC_AA64_SVC << 26) | ESR_IL | (imm16 & 0xffff);
}

static inline uint32_t syn_aa64_hvc(uint32_t imm16)
{
    return ((uint32_t)EC_AA64_HVC << 26) | ESR_IL | (imm16 & 0xffff);
}

static inline uint32_t syn_aa64_smc(uint32_t imm16)
{
    return ((uint32_t)EC_AA64_SMC << 26) | ESR_IL | (imm16 & 0xffff);
}

static inline uint32_t syn_aa64_bkpt(uint32_t imm16)
{
    return ((uint32_t)EC_AA64_BKPT << 26) | ESR_IL | (imm16 & 0xffff);
}

static inline uint32_t syn_wfx(int cv, int cond, int ti)
{
    return ((uint32_t)EC_WFX_TRAP << 26) | ESR_IL | (cv << 24) | (cond << 20) | ti;
}

/* FP/SIMD access trapped by CPACR_EL1.FPEN: A64 reports CV=1, COND=0xe. */
static inline uint32_t syn_fp_access_trap(void)
{
    return ((uint32_t)EC_ADVSIMDFPACCESS << 26) | ESR_IL | (1u << 24) | (0xeu << 20);
}

static inline uint32_t syn_illegalstate(void)
{
    return ((uint32_t)EC_ILLEGALSTATE << 26) | ESR_IL;
}

static inline uint32_t syn_pcalignment(void)
{
    return ((uint32_t)EC_PCALIGNMENT << 26) | ESR_IL;
}

static inline uint32_t syn_spalignment(void)
{
    return ((uint32_t)EC_SPALIGNMENT << 26) | ESR_IL;
}

/* Data abort syndrome: @same_el, write-not-read, fault status code. */
static inline uint32_t syn_data_abort(bool same_el, bool wnr, uint32_t fsc)
{
    return ((uint32_t)(same_el ? EC_DATAABORT_SAME_EL : EC_DATAABORT) << 26) | ESR_IL |
           (wnr ? (1u << 6) : 0) | fsc;
}

static inline uint32_t syn_insn_abort(bool same_el, uint32_t fsc)
{
    return ((uint32_t)(same_el ? EC_INSNABORT_SAME_EL : EC_INSNABORT) << 26) | ESR_IL |
           fsc;
}

static inline uint32_t syn_aa64_sysregtrap(int op0, int op1, int op2, int crn,
                                           int crm, int rt, int isread)
{
    return ((uint32_t)EC_SYSTEMREGISTERTRAP << 26) | ESR_IL | (op0 << 20) | (op2 << 17) |
           (op1 << 14) | (crn << 10) | (rt << 5) | (crm << 1) | isread;
}

#endif
