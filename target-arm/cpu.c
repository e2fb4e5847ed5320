/*
 * cpu.c - the AArch64 CPU object: the models -cpu offers (max,
 * cortex-a57), reset state, the TCG hooks (TB flags, state restore, the
 * TLB fill through ptw.c, alignment and bus faults) and taking exceptions
 * to EL1 through VBAR_EL1.
 *
 * With SCTLR_EL1.M = 0 the Arm ARM makes every data access Device-nGnRnE,
 * so any misaligned data access faults; TBFLAG_ALIGN carries that to the
 * translator, which asks for MO_ALIGN on every access.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "util/module.h"
#include "target-arm/cpu.h"
#include "target-arm/internals.h"
#include "target-arm/mte.h"
#include "exec/exec-all.h"
#include "exec/address-spaces.h"
#include "hw/boards.h"
#include <capstone.h>

CPU_ARCH_LAYOUT_CHECK(ARMCPU);

typedef struct ARMCPUModelInfo {
    const char *name;
    void (*init)(ARMCPU *cpu);
} ARMCPUModelInfo;

/*
 * Feature registers of what the translator implements: EL0 and EL1 in
 * AArch64 only, no EL2/EL3, FP and AdvSIMD without half-precision
 * arithmetic (FEAT_FP16 is not there: field value 0), no GIC system
 * registers, CRC32, and LSE atomics on "max" only (an A57 is v8.0).
 */
static void arm_cpu_common_isar(ARMCPU *cpu)
{
    cpu->isar.id_aa64pfr0 = 0x1ull |            /* EL0: AArch64 */
                            (0x1ull << 4) |     /* EL1: AArch64 */
                            (0x0ull << 16) |    /* FP: single, double */
                            (0x0ull << 20);     /* AdvSIMD: likewise */
    cpu->isar.id_aa64pfr1 = 0;
    /* DebugVer v8; 2 breakpoints (BRPs = 1), 2 watchpoints (WRPs = 1) */
    cpu->isar.id_aa64dfr0 = 0x6 | (1u << 12) | (1u << 20) |
                            (0x1ull << 8);      /* PMUVer: PMUv3 (pmu.c) */
    cpu->isar.id_aa64isar0 = 0x1ull << 16;      /* CRC32 */
    cpu->isar.id_aa64isar1 = 0;
    /* PARange 48 bits, 16-bit ASIDs, 4K, 16K (TGran16 = 1) and 64K granules */
    cpu->isar.id_aa64mmfr0 = 0x5 | (0x2 << 4) | (0x1 << 20);
    cpu->isar.id_aa64mmfr1 = 0;
    cpu->isar.id_aa64mmfr2 = 0;
    cpu->ctr = 0x8444c004;      /* 64-byte lines, VIPT I-cache */
    cpu->clidr = 0x0a200023;
    cpu->dczid = 0x4;           /* DC ZVA allowed, 64-byte blocks */
    cpu->cntfrq = 62500000;     /* 62.5 MHz, as the virt machine's timer */
    /* The crypto extension, as an A57 with it (ISAR0 0x00011120). */
    cpu->isar.id_aa64isar0 |= (0x1ull << 12) |  /* SHA2: SHA256 */
                              (0x1ull << 8) |   /* SHA1 */
                              (0x2ull << 4);    /* AES: AES and PMULL */
}

static void arm_max_init(ARMCPU *cpu)
{
    arm_cpu_common_isar(cpu);
    /* Implementer 0 (software), architecture 0xf (ID registers) */
    cpu->midr = 0x000f0510;
    cpu->isar.id_aa64isar0 |= 0x2ull << 20;     /* Atomic: FEAT_LSE */
    /*
     * CSV2 and CSV3: a translator does not speculate, so no branch
     * predictor or faulting load can leak (FEAT_CSV2, FEAT_CSV3). Linux
     * then needs neither KPTI nor the Spectre-v2 mitigations.
     */
    cpu->isar.id_aa64pfr0 |= (0x1ull << 56) | (0x1ull << 60);
    cpu->isar.id_aa64pfr1 |= 0x1ull << 32;      /* CSV2_frac: no SCXTNUM */
    /* ECBHB likewise: there is no branch history to exploit */
    cpu->isar.id_aa64mmfr1 |= 0x1ull << 60;
    /* E0PD (ptw.c), so that Linux needs no KPTI under KASLR either */
    cpu->isar.id_aa64mmfr2 |= 0x1ull << 60;
    arm_cpu_set_pauth(cpu, true, false);
    /* Optional integer-side features of ARMv8.1-8.5 (translate-a64.c) */
    cpu->isar.id_aa64isar0 |= 0x2ull << 52;     /* TS: FlagM and FlagM2 */
    cpu->isar.id_aa64isar1 |= (0x1ull << 40) |  /* SPECRES: CFP/DVP/CPP RCTX */
                              (0x1ull << 36) |  /* SB */
                              (0x2ull << 20);   /* LRCPC: LDAPR, LDAPUR */
    cpu->isar.id_aa64pfr0 |= 0x1ull << 48;      /* DIT */
    cpu->isar.id_aa64pfr1 |= 0x2ull << 4;       /* SSBS, with MSR/MRS SSBS */
    /* Optional AdvSIMD features (translate-simd-int.c) */
    cpu->isar.id_aa64isar0 &= ~(0xfull << 12);
    cpu->isar.id_aa64isar0 |= (0x2ull << 12) |  /* SHA2: SHA256 and SHA512 */
                              (0x1ull << 28) |  /* RDM */
                              (0x1ull << 32) |  /* SHA3 */
                              (0x1ull << 44);   /* DP: SDOT/UDOT */
    cpu->isar.id_aa64isar1 |= (0x1ull << 52) |  /* I8MM */
                              (0x1ull << 32) |  /* FRINTTS (translate-fp.c) */
                              (0x1ull << 16) |  /* FCMA (translate-simd-fp.c) */
                              (0x1ull << 12);   /* JSCVT: FJCVTZS */
}

/*
 * FEAT_PAuth on or off, with the architected QARMA5 (APA = GPA = 1) or
 * the implementation-defined algorithm (API = GPI = 1); no EPAC/FPAC.
 */
void arm_cpu_set_pauth(ARMCPU *cpu, bool on, bool impdef)
{
    cpu->pauth = on;
    cpu->pauth_impdef = on && impdef;
    cpu->isar.id_aa64isar1 &= ~(0xfull << 4 | 0xfull << 8 | 0xfull << 24 |
                                0xfull << 28);
    if (on && impdef) {
        cpu->isar.id_aa64isar1 |= 0x1ull << 8 | 0x1ull << 28;   /* API, GPI */
    } else if (on) {
        cpu->isar.id_aa64isar1 |= 0x1ull << 4 | 0x1ull << 24;   /* APA, GPA */
    }
}

static void arm_cortex_a57_init(ARMCPU *cpu)
{
    arm_cpu_common_isar(cpu);
    cpu->midr = 0x411fd070;     /* Arm, r1p0, part 0xd07 */
}

/* An A72 is an ARMv8.0 core like the A57, as far as ID registers go. */
static void arm_cortex_a72_init(ARMCPU *cpu)
{
    arm_cpu_common_isar(cpu);
    cpu->midr = 0x410fd083;     /* Arm, r0p3, part 0xd08 */
}

static const ARMCPUModelInfo arm_cpu_models[] = {
    { "max", arm_max_init },
    { "cortex-a57", arm_cortex_a57_init },
    { "cortex-a72", arm_cortex_a72_init },
};

static const ARMCPUModelInfo *arm_cpu_model_find(const char *cpu_type)
{
    size_t n = strlen(cpu_type);
    const char *suffix = "-arm-cpu";
    size_t sl = strlen(suffix);

    if (n > sl && strcmp(cpu_type + n - sl, suffix) == 0) {
        n -= sl;
    }
    for (size_t i = 0; i < ARRAY_SIZE(arm_cpu_models); i++) {
        if (strlen(arm_cpu_models[i].name) == n &&
            strncmp(arm_cpu_models[i].name, cpu_type, n) == 0) {
            return &arm_cpu_models[i];
        }
    }
    return NULL;
}

bool arm_cpu_type_valid(const char *cpu_type)
{
    return arm_cpu_model_find(cpu_type) != NULL;
}

void arm_cpu_list(FILE *f)
{
    fprintf(f, "Available CPUs:\n");
    for (size_t i = 0; i < ARRAY_SIZE(arm_cpu_models); i++) {
        fprintf(f, "  %s\n", arm_cpu_models[i].name);
    }
}

static const CPUModelProp arm_cpu_max_props[] = {
    { "pauth", "bool", "pointer authentication (FEAT_PAuth), default on" },
    { "pauth-impdef", "bool",
      "implementation-defined PAC algorithm instead of QARMA5 (faster)" },
    { NULL }
};

static const CPUModel arm_cpu_model_max = {
    .target = "aarch64", .name = "max",
    .desc = "AArch64 EL0/EL1: FP/AdvSIMD, AES/SHA, LSE, CRC32, PAuth, PMUv3, "
            "FlagM/FlagM2, LRCPC/LRCPC2, SB, SPECRES, DIT, SSBS, RDM, DotProd, I8MM, "
            "SHA512, SHA3, JSCVT, FRINTTS, FCMA",
    .props = arm_cpu_max_props,
};
static const CPUModel arm_cpu_model_a57 = {
    .target = "aarch64", .name = "cortex-a57",
    .desc = "ARM Cortex-A57 (ARMv8.0: FP/AdvSIMD, AES/SHA, CRC32, PMUv3)",
};
static const CPUModel arm_cpu_model_a72 = {
    .target = "aarch64", .name = "cortex-a72",
    .desc = "ARM Cortex-A72 (ARMv8.0: FP/AdvSIMD, AES/SHA, CRC32, PMUv3)",
};

static void arm_cpu_register_models(void)
{
    cpu_model_register(&arm_cpu_model_max);
    cpu_model_register(&arm_cpu_model_a57);
    cpu_model_register(&arm_cpu_model_a72);
}
type_init(arm_cpu_register_models)

/* ---- TCG hooks --------------------------------------------------------- */

uint32_t arm_tb_flags(CPUARMState *env)
{
    uint32_t flags = arm_current_el(env) << TBFLAG_EL_SHIFT;
    if (!(env->sctlr_el1 & SCTLR_M) || (env->sctlr_el1 & SCTLR_A)) {
        flags |= TBFLAG_ALIGN;
    }
    if (env->sctlr_el1 & SCTLR_UMA) {
        flags |= TBFLAG_UMA;
    }
    if (env->pstate & PSTATE_IL) {
        flags |= TBFLAG_IL;
    }
    /* CPACR_EL1.FPEN: 0b11 no trap, 0b01 traps EL0 only, else both ELs. */
    switch ((env->cpacr_el1 >> 20) & 3) {
    case 3:
        break;
    case 1:
        if (arm_current_el(env) == 0) {
            flags |= TBFLAG_FPTRAP;
        }
        break;
    default:
        flags |= TBFLAG_FPTRAP;
        break;
    }
    /* MTE: nothing to compute (and no call) on a CPU without it. */
    if (unlikely(env_archcpu(env)->mte)) {
        flags |= arm_mte_tb_flags(env);
    }
    return flags | arm_pmu_tb_flags(env) | arm_debug_tb_flags(env);
}

void arm_rebuild_tb_flags(CPUARMState *env)
{
    env->tb_flags = arm_tb_flags(env);
}

static void arm_get_tb_cpu_state(CPUArchState *env, vaddr *pc,
                                 uint64_t *cs_base, uint32_t *flags)
{
    *pc = env->pc;
    *cs_base = 0;
    *flags = env->tb_flags;
#ifdef CONFIG_DEBUG
    /* A write site that forgot arm_rebuild_tb_flags() shows up here. */
    g_assert(env->tb_flags == arm_tb_flags(env));
#endif
}

static void arm_restore_state_to_opc(CPUState *cs, const TranslationBlock *tb,
                                     const uint64_t *data)
{
    cpu_env(cs)->pc = data[0];
}

static void arm_synchronize_from_tb(CPUState *cs, const TranslationBlock *tb)
{
    cpu_env(cs)->pc = tb->pc;
}

static void arm_set_pc(CPUState *cs, vaddr pc)
{
    cpu_env(cs)->pc = pc;
}

static vaddr arm_get_pc(CPUState *cs)
{
    return cpu_env(cs)->pc;
}

static int arm_mmu_index(CPUState *cs, bool ifetch)
{
    return arm_current_el(cpu_env(cs)) == 0 ? ARMMMUIdx_E10_0 : ARMMMUIdx_E10_1;
}

/* Raise the abort for a fault on @addr with fault status @fsc. */
static NORETURN void arm_raise_abort(CPUState *cs, vaddr addr,
                                     MMUAccessType access_type, uint32_t fsc,
                                     uintptr_t retaddr)
{
    CPUARMState *env = cpu_env(cs);
    bool same_el = arm_current_el(env) == 1;
    uint32_t syn;
    int excp;

    if (access_type == MMU_INST_FETCH) {
        syn = syn_insn_abort(same_el, fsc);
        excp = EXCP_PREFETCH_ABORT;
    } else {
        syn = syn_data_abort(same_el, access_type == MMU_DATA_STORE, fsc);
        excp = EXCP_DATA_ABORT;
    }
    env->exception.vaddress = addr;
    raise_exception_ra(env, excp, syn, 1, retaddr);
}

/*
 * Stage 1 translation (ptw.c): flat while SCTLR_EL1.M is 0 (anything
 * above the 48-bit physical range is an address size fault at level 0).
 */
static bool arm_tlb_fill(CPUState *cs, vaddr addr, int size,
                         MMUAccessType access_type, int mmu_idx, bool probe,
                         uintptr_t retaddr)
{
    ARMTranslation t = { 0 };
    uint32_t fsc;

    if (!arm_translate(cpu_env(cs), addr, access_type, mmu_idx, &t, &fsc)) {
        if (probe) {
            return false;
        }
        arm_raise_abort(cs, addr, access_type, fsc, retaddr);
    }
    if ((addr >> 56) != ((addr >> 55) & 1 ? 0xff : 0)) {
        ARM_CPU(cs)->tlb_tagged = true;
    }
    {
        ARMCPU *cpu = ARM_CPU(cs);
        CPUTLBEntryFull full = {
            .phys_addr = t.pa & TARGET_PAGE_MASK,
            .attrs = MEMTXATTRS_UNSPECIFIED,
            .prot = t.prot,
            .lg_page_size = 63 - __builtin_clzll(t.page_size),
        };
        /* MTE: Tagged Normal memory (MAIR 0xF0) where tags are stored. */
        if (t.attr == 0xf0 && cpu->tag_mem &&
            full.phys_addr - cpu->tag_base < cpu->tag_span) {
            full.extra[0] = ARM_TLB_TAGGED;
        }
        tlb_set_page_full(cs, mmu_idx, addr & TARGET_PAGE_MASK, &full);
    }
    return true;
}

static NORETURN void arm_do_unaligned_access(CPUState *cs, vaddr addr,
                                             MMUAccessType access_type,
                                             int mmu_idx, uintptr_t retaddr)
{
    arm_raise_abort(cs, addr, access_type, FSC_ALIGNMENT, retaddr);
}

/* A bus error (nothing mapped, device refused): synchronous external abort. */
static void arm_do_transaction_failed(CPUState *cs, hwaddr physaddr,
                                      vaddr addr, unsigned size,
                                      MMUAccessType access_type, int mmu_idx,
                                      MemTxAttrs attrs, MemTxResult response,
                                      uintptr_t retaddr)
{
    arm_raise_abort(cs, addr, access_type, FSC_SYNC_EXTERNAL, retaddr);
}

static bool arm_has_work(CPUState *cs)
{
    if (ARM_CPU(cs)->power_off) {
        return false;           /* only PSCI CPU_ON wakes it */
    }
    return cs->interrupt_request & (CPU_INTERRUPT_HARD | CPU_INTERRUPT_FIQ);
}

static bool arm_cpu_exec_interrupt(CPUState *cs, int interrupt_request)
{
    CPUARMState *env = cpu_env(cs);

    if ((interrupt_request & CPU_INTERRUPT_FIQ) && !(env->pstate & PSTATE_F)) {
        cs->exception_index = EXCP_FIQ;
        arm_cpu_do_interrupt(cs);
        return true;
    }
    if ((interrupt_request & CPU_INTERRUPT_HARD) && !(env->pstate & PSTATE_I)) {
        cs->exception_index = EXCP_IRQ;
        arm_cpu_do_interrupt(cs);
        return true;
    }
    return false;
}

void arm_cpu_do_interrupt(CPUState *cs)
{
    CPUARMState *env = cpu_env(cs);
    unsigned el = arm_current_el(env);
    uint64_t offset;
    uint32_t syndrome = env->exception.syndrome;
    int excp = cs->exception_index;

    arm_pmu_exception(env, excp, syndrome);
    if (el == 0) {
        offset = 0x400;                         /* lower EL, AArch64 */
    } else {
        offset = (env->pstate & PSTATE_SP) ? 0x200 : 0x000;
    }
    switch (excp) {
    case EXCP_IRQ:
        offset += 0x80;
        break;
    case EXCP_FIQ:
        offset += 0x100;
        break;
    case EXCP_DATA_ABORT:
    case EXCP_PREFETCH_ABORT:
        if ((syndrome >> 26) == EC_PCALIGNMENT) {
            env->far_el1 = env->pc;
        } else {
            env->far_el1 = env->exception.vaddress;
        }
        env->esr_el1 = syndrome;
        break;
    default:
        env->esr_el1 = syndrome;
        break;
    }
    if (log_enabled(LOG_INT)) {
        log_printf("aarch64: exception %d EC 0x%x at pc 0x%" PRIx64
                   " EL%u -> EL1 vector 0x%" PRIx64 "\n", excp, syndrome >> 26,
                   env->pc, el, env->vbar_el1 + offset);
    }
    env->spsr_el1 = pstate_read(env);
    env->elr_el1 = env->pc;
    aarch64_save_sp(env);
    /*
     * PSTATE.DIT is kept across exception entry; PSTATE.SSBS takes
     * SCTLR_EL1.DSSBS (bit 44).
     */
    env->pstate = (1u << PSTATE_EL_SHIFT) | PSTATE_SP | PSTATE_DAIF |
                  (env->pstate & PSTATE_DIT) |
                  (((env_archcpu(env)->isar.id_aa64pfr1 >> 4) & 0xf) &&
                   (env->sctlr_el1 & (1ull << 44)) ? PSTATE_SSBS : 0) |
                  (arm_cpu_has_mte(ARM_CPU(cs)) ? PSTATE_TCO : 0);
    aarch64_restore_sp(env);
    env->exclusive_addr = -1;
    env->pc = env->vbar_el1 + offset;
    cs->exception_index = -1;
    arm_pmu_el_changed(env);
    arm_rebuild_tb_flags(env);
}

static void arm_cpu_reset(CPUState *cs)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t reset_pc = env->reset_pc;

    memset(env, 0, offsetof(CPUARMState, reset_pc));
    cpu_watchpoint_remove_all(cs, BP_CPU);      /* DBGWCR_EL1 are now 0 */
    env->reset_pc = reset_pc;
    vfp_set_fpcr(env, 0);
    /* EL1h, all of DAIF masked */
    env->pstate = (1u << PSTATE_EL_SHIFT) | PSTATE_SP | PSTATE_DAIF;
    env->ZF = 1;
    env->pc = reset_pc;
    env->sctlr_el1 = SCTLR_EL1_RES1;
    env->exclusive_addr = -1;
    arm_rebuild_tb_flags(env);
    arm_update_asid(env);
}

static void arm_dump_state(CPUState *cs, FILE *f, int flags)
{
    CPUARMState *env = cpu_env(cs);
    uint32_t ps = pstate_read(env);

    fprintf(f, " PC=%016" PRIx64 " ", env->pc);
    for (int i = 0; i < 32; i++) {
        if (i == 31) {
            fprintf(f, " SP=%016" PRIx64 "\n", env->xregs[31]);
        } else {
            fprintf(f, "X%02d=%016" PRIx64 "%s", i, env->xregs[i],
                    (i + 2) % 3 ? " " : "\n");
        }
    }
    fprintf(f, "PSTATE=%08x %c%c%c%c EL%u%c\n", ps,
            ps & PSTATE_N ? 'N' : '-', ps & PSTATE_Z ? 'Z' : '-',
            ps & PSTATE_C ? 'C' : '-', ps & PSTATE_V ? 'V' : '-',
            arm_current_el(env), ps & PSTATE_SP ? 'h' : 't');
}

const TCGCPUOps arm_tcg_ops = {
    .name = "aarch64",
    .vmsd = &vmstate_arm_cpu,
    .nb_mmu_modes = ARM_MMU_MODES,
    .insn_start_words = 1,
    .big_endian = false,
    .disas_cs_arch = CS_ARCH_ARM64,
    .disas_cs_mode = CS_MODE_LITTLE_ENDIAN,
    .initialize = aarch64_translate_init,
    .translate_code = aarch64_translate_code,
    .synchronize_from_tb = arm_synchronize_from_tb,
    .restore_state_to_opc = arm_restore_state_to_opc,
    .get_tb_cpu_state = arm_get_tb_cpu_state,
    .set_pc = arm_set_pc,
    .get_pc = arm_get_pc,
    .cpu_exec_interrupt = arm_cpu_exec_interrupt,
    .do_interrupt = arm_cpu_do_interrupt,
    .has_work = arm_has_work,
    .mmu_index = arm_mmu_index,
    .tlb_fill = arm_tlb_fill,
    .do_unaligned_access = arm_do_unaligned_access,
    .do_transaction_failed = arm_do_transaction_failed,
    .debug_watchpoint_hit = arm_debug_watchpoint_hit,
    .dump_state = arm_dump_state,
    .cpu_reset = arm_cpu_reset,
};

ARMCPU *arm_cpu_new(const char *cpu_type, GError **errp)
{
    const ARMCPUModelInfo *info = arm_cpu_model_find(cpu_type);
    ARMCPU *cpu;
    CPUState *cs;

    if (!info) {
        error_setg(errp, "unable to find CPU model '%s'", cpu_type);
        return NULL;
    }
    cpu = g_malloc0(sizeof(*cpu));
    cs = &cpu->parent_obj;
    cpu->model = info->name;
    info->init(cpu);
    /* -cpu max,pauth=,pauth-impdef= (checked against the model's props). */
    if (current_machine && current_machine->cpu_opts &&
        current_machine->cpu_type &&
        arm_cpu_model_find(current_machine->cpu_type) == info) {
        const KeyValList *o = current_machine->cpu_opts;
        bool on = cpu->pauth, impdef = false;

        if (!keyval_get_bool(o, "pauth", on, &on, errp) ||
            !keyval_get_bool(o, "pauth-impdef", false, &impdef, errp)) {
            g_free(cpu);
            return NULL;
        }
        if (impdef && !on) {
            error_setg(errp, "cannot enable pauth-impdef without pauth");
            g_free(cpu);
            return NULL;
        }
        if (cpu->pauth || on) {
            arm_cpu_set_pauth(cpu, on, impdef);
        }
    }
    cs->tcg_ops = &arm_tcg_ops;
    cs->as = &address_space_memory;
    if (!cpu_exec_realizefn(cs, errp)) {
        g_free(cpu);
        return NULL;
    }
    /* Aff0 = the CPU index; bit 31 is RES1 */
    cpu->mpidr = 0x80000000u | (cs->cpu_index & 0xff) |
                 ((uint64_t)(cs->cpu_index >> 8) << 8);
    return cpu;
}

void arm_cpu_set_reset_pc(ARMCPU *cpu, uint64_t pc)
{
    cpu->env.reset_pc = pc;
}
