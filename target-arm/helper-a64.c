/*
 * helper-a64.c - the AArch64 helpers called from generated code: integer
 * corners (division, CRC32, RBIT), system registers (MRS/MSR), PSTATE
 * writes, exception return, WFI, DC ZVA and AT.
 *
 * The system register table lists every register we implement with who
 * may access it; translate-a64.c consults it at translation time, so an
 * encoding absent from it is UNDEFINED without a helper call. The ID
 * registers advertise only what translate-a64.c implements.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/bitops.h"
#include "target-arm/cpu.h"
#include "target-arm/internals.h"
#include "exec/exec-all.h"
#include "exec/cpu_ldst.h"
#include "sysemu/timer.h"
#include "hw/irq.h"
#include "hw/intc/arm_gicv3.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-proto.h"

/* ---- integer helpers -------------------------------------------------- */

uint64_t helper_udiv64(uint64_t n, uint64_t m)
{
    return m ? n / m : 0;
}

uint64_t helper_sdiv64(uint64_t n, uint64_t m)
{
    int64_t a = (int64_t)n, b = (int64_t)m;
    if (b == 0) {
        return 0;
    }
    if (a == INT64_MIN && b == -1) {
        return (uint64_t)INT64_MIN;
    }
    return (uint64_t)(a / b);
}

uint64_t helper_udiv32(uint64_t n, uint64_t m)
{
    uint32_t a = n, b = m;
    return b ? a / b : 0;
}

uint64_t helper_sdiv32(uint64_t n, uint64_t m)
{
    int32_t a = (int32_t)n, b = (int32_t)m;
    if (b == 0) {
        return 0;
    }
    if (a == INT32_MIN && b == -1) {
        return (uint32_t)INT32_MIN;
    }
    return (uint32_t)(a / b);
}

uint64_t helper_rbit64(uint64_t x)
{
    x = ((x >> 1) & 0x5555555555555555ull) | ((x & 0x5555555555555555ull) << 1);
    x = ((x >> 2) & 0x3333333333333333ull) | ((x & 0x3333333333333333ull) << 2);
    x = ((x >> 4) & 0x0f0f0f0f0f0f0f0full) | ((x & 0x0f0f0f0f0f0f0f0full) << 4);
    return __builtin_bswap64(x);
}

/*
 * The A64 CRC32 instructions: the bit-reflected CRC update of @bytes of
 * @val into @acc, with no inversion before or after (software does that).
 * Polynomials 0x04C11DB7 (CRC32) and 0x1EDC6F41 (CRC32C), reflected.
 */
uint32_t arm_crc32_update(uint32_t acc, uint64_t val, unsigned bytes,
                          bool castagnoli)
{
    uint32_t poly = castagnoli ? 0x82f63b78u : 0xedb88320u;
    for (unsigned i = 0; i < bytes * 8; i++) {
        uint32_t bit = (acc ^ (uint32_t)(val >> i)) & 1;
        acc = (acc >> 1) ^ (bit ? poly : 0);
    }
    return acc;
}

uint64_t helper_crc32(uint64_t acc, uint64_t val, uint32_t bytes)
{
    return arm_crc32_update(acc, val, bytes, false);
}

uint64_t helper_crc32c(uint64_t acc, uint64_t val, uint32_t bytes)
{
    return arm_crc32_update(acc, val, bytes, true);
}

/* ---- exceptions ----------------------------------------------------------- */

void raise_exception_ra(CPUARMState *env, int excp, uint32_t syndrome,
                        uint32_t target_el, uintptr_t ra)
{
    CPUState *cs = env_cpu(env);

    cs->exception_index = excp;
    env->exception.syndrome = syndrome;
    env->exception.target_el = target_el;
    if (ra) {
        cpu_loop_exit_restore(cs, ra);
    }
    cpu_loop_exit(cs);
}

void helper_exception(CPUARMState *env, uint32_t excp, uint32_t syndrome,
                      uint32_t target_el)
{
    raise_exception_ra(env, excp, syndrome, target_el, 0);
}

/* ---- PSTATE ------------------------------------------------------------ */

void aarch64_save_sp(CPUARMState *env)
{
    unsigned sel = (env->pstate & PSTATE_SP) ? arm_current_el(env) : 0;
    env->sp_el[sel ? 1 : 0] = env->xregs[31];
}

void aarch64_restore_sp(CPUARMState *env)
{
    unsigned sel = (env->pstate & PSTATE_SP) ? arm_current_el(env) : 0;
    env->xregs[31] = env->sp_el[sel ? 1 : 0];
}

void aarch64_pstate_write(CPUARMState *env, uint32_t val)
{
    aarch64_save_sp(env);
    pstate_write_nzcv(env, val);
    env->pstate = val & ~PSTATE_NZCV;
    aarch64_restore_sp(env);
    arm_rebuild_tb_flags(env);
}

void helper_msr_pstate(CPUARMState *env, uint32_t field, uint32_t imm)
{
    switch (field) {
    case 0x05: /* SPSel */
        aarch64_save_sp(env);
        env->pstate = (env->pstate & ~PSTATE_SP) | (imm & 1);
        aarch64_restore_sp(env);
        break;
    case 0x1e: /* DAIFSet */
        env->pstate |= (imm & 0xf) << 6;
        break;
    case 0x1f: /* DAIFClr */
        env->pstate &= ~((imm & 0xf) << 6);
        break;
    case 0x19: /* SSBS */
        env->pstate = (env->pstate & ~PSTATE_SSBS) | (imm & 1 ? PSTATE_SSBS : 0);
        break;
    case 0x1a: /* DIT */
        env->pstate = (env->pstate & ~PSTATE_DIT) | (imm & 1 ? PSTATE_DIT : 0);
        break;
    case 0x1c: /* TCO (FEAT_MTE; the translator checks for it) */
        env->pstate = (env->pstate & ~PSTATE_TCO) | ((imm & 1) ? PSTATE_TCO : 0);
        break;
    default:
        break;
    }
    arm_rebuild_tb_flags(env);
}

/*
 * CFP/DVP/CPP RCTX (FEAT_SPECRES) at EL0 trap to EL1 (EC 0x18, the
 * insn's syndrome) unless SCTLR_EL1.EnRCTX (bit 10) is set; otherwise
 * they restrict prediction that nothing here does, so they do nothing.
 */
void helper_rctx_check(CPUARMState *env, uint32_t syndrome)
{
    if (arm_current_el(env) == 0 && !(env->sctlr_el1 & (1ull << 10))) {
        raise_exception_ra(env, EXCP_UDEF, syndrome, 1, 0);
    }
}

void helper_eret(CPUARMState *env)
{
    uint32_t spsr = env->spsr_el1;
    unsigned new_el = (spsr & PSTATE_EL_MASK) >> PSTATE_EL_SHIFT;
    uint64_t new_pc = env->elr_el1;

    env->exclusive_addr = -1;
    if ((spsr & PSTATE_nRW) || new_el > 1 ||
        (new_el == 0 && (spsr & PSTATE_SP))) {
        /*
         * Illegal exception return: stay at this EL with PSTATE.IL set,
         * so that the next instruction raises an Illegal State exception.
         */
        log_mask(LOG_GUEST_ERROR, "aarch64: illegal exception return "
                 "(SPSR 0x%x)\n", spsr);
        aarch64_save_sp(env);
        pstate_write_nzcv(env, spsr);
        env->pstate = (env->pstate & ~(PSTATE_DAIF)) | (spsr & PSTATE_DAIF) |
                      PSTATE_IL;
        aarch64_restore_sp(env);
        env->pc = new_pc & ~3ull;
        arm_rebuild_tb_flags(env);
        return;
    }
    arm_pmu_el_change(env);
    aarch64_pstate_write(env, spsr);
    arm_debug_eret(env);
    env->pc = new_pc;
    arm_pmu_el_changed(env);
    arm_rebuild_tb_flags(env);
}

void helper_wfi(CPUARMState *env)
{
    CPUState *cs = env_cpu(env);
    cs->halted = 1;
    cs->exception_index = EXCP_HLT;
    cpu_loop_exit(cs);
}

/* YIELD/WFE: let the other vCPUs of the round-robin run (env->pc is next). */
void helper_yield(CPUARMState *env)
{
    CPUState *cs = env_cpu(env);
    cs->exception_index = EXCP_YIELD;
    cpu_loop_exit(cs);
}

void helper_hvc(CPUARMState *env)
{
    arm_psci_call(env);
}

void helper_semihosting(CPUARMState *env)
{
    arm_semihosting_call(env);
}

/*
 * DC ZVA: zero the 64-byte block (DCZID_EL0.BS = 4 words log2). On Device
 * memory, which is all data memory while the MMU is off, it is an
 * Alignment fault on the address given (Arm ARM, DC ZVA).
 */
void helper_dc_zva(CPUARMState *env, uint64_t va)
{
    uint64_t base = va & ~(uint64_t)63;
    CPUState *cs = env_cpu(env);
    void *host;

    if (!(env->sctlr_el1 & SCTLR_M)) {
        cs->tcg_ops->do_unaligned_access(cs, va, MMU_DATA_STORE,
                                         cs->tcg_ops->mmu_index(cs, false), 0);
    }
    /*
     * Linux zeroes every page it allocates with DC ZVA (Debian's kernels
     * have init_on_alloc): one probe and a memset for RAM, instead of
     * eight slow-path stores. MMIO and watchpoints take the stores.
     */
    host = probe_write(env, base, 64, cpu_mmu_index(env, false), GETPC());
    if (host) {
        memset(host, 0, 64);
        return;
    }
    for (int i = 0; i < 8; i++) {
        cpu_stq_le_data_ra(env, base + i * 8, 0, GETPC());
    }
}

/*
 * AT S1E1R (op2 0), S1E1W (1), S1E0R (2), S1E0W (3): translate without
 * faulting and report in PAR_EL1 (F=1 and the fault status on failure).
 */
void helper_sys_at(CPUARMState *env, uint32_t op, uint64_t va)
{
    ARMTranslation t;
    uint32_t fsc;
    int mmu_idx = op >= 2 ? ARMMMUIdx_E10_0 : ARMMMUIdx_E10_1;
    MMUAccessType type = (op & 1) ? MMU_DATA_STORE : MMU_DATA_LOAD;

    if (!arm_translate(env, va, type, mmu_idx, &t, &fsc)) {
        env->par_el1 = 1 | (fsc << 1);
        return;
    }
    /* SH: 0b10 (outer shareable) for Device, ATTR from MAIR */
    env->par_el1 = (t.pa & 0xfffffffff000ull) | (2u << 7) |
                   ((uint64_t)t.attr << 56);
}

/* The ASID of the EL1&0 regime: TCR_EL1.A1 picks the TTBR, AS its width. */
uint32_t arm_current_asid(CPUARMState *env)
{
    uint64_t ttbr = (env->tcr_el1 >> 22) & 1 ? env->ttbr1_el1 : env->ttbr0_el1;
    uint32_t asid = ttbr >> 48;

    return (env->tcr_el1 >> 36) & 1 ? asid : asid & 0xff;
}

/* Both EL1&0 MMU indexes use translations tagged with the ASID. */
void arm_update_asid(CPUARMState *env)
{
    tlb_set_asid(env_cpu(env),
                 (1u << ARMMMUIdx_E10_0) | (1u << ARMMMUIdx_E10_1),
                 arm_current_asid(env));
}

/*
 * TLBI. VMALLE1 and the forms we do not model (outer shareable, ranges)
 * flush everything; ASIDE1 drops one ASID's entries (helper_tlbi_asid);
 * the forms by VA flush one page under every ASID (helper_tlbi_va).
 */
void helper_tlbi_all(CPUARMState *env)
{
    CPUState *cs;

    CPU_FOREACH(cs) {
        ARM_CPU(cs)->tlb_tagged = false;
    }
    tlb_flush_all_cpus_synced(env_cpu(env));
}

/*
 * TLBI VAE1, VAAE1, VALE1, VAALE1 (@op = CRm << 3 | op2; CRm 7 local,
 * 3 Inner Shareable): Xt[43:0] is VA[55:12], whatever the ASID field.
 * The page is flushed at every MMU index (an EL1 access to a user page
 * has an entry too); large pages and blocks are handled by cputlb (a
 * flush inside one flushes all). TLB entries are keyed by the whole VA,
 * so a page also reached through tagged addresses (TBI) has entries this
 * flush would miss: then, as for the other forms, everything goes.
 * The local forms only need this CPU flushed; Linux uses them when
 * nothing else can hold the entry.
 */
void helper_tlbi_va(CPUARMState *env, uint32_t op, uint64_t xt)
{
    CPUState *self = env_cpu(env), *cs;
    bool local = (op >> 3) == 7;
    uint64_t va = sextract64(xt << 12, 0, 56);

    CPU_FOREACH(cs) {
        if ((!local || cs == self) && ARM_CPU(cs)->tlb_tagged) {
            helper_tlbi_all(env);
            return;
        }
    }
    if (local) {
        tlb_flush_page(self, va);
    } else {
        tlb_flush_page_all_cpus_synced(self, va);
    }
}

/*
 * TLBI ASIDE1 (@op = CRm << 3 | 2; CRm 7 local, 3 Inner Shareable):
 * Xt[63:48] is the ASID (the top 8 bits ignored with TCR_EL1.AS = 0).
 */
void helper_tlbi_asid(CPUARMState *env, uint32_t op, uint64_t xt)
{
    uint32_t asid = xt >> 48;

    if (!((env->tcr_el1 >> 36) & 1)) {
        asid &= 0xff;
    }
    if ((op >> 3) == 7) {
        tlb_flush_asid(env_cpu(env), asid);
    } else {
        tlb_flush_asid_all_cpus_synced(env_cpu(env), asid);
    }
}

/* ---- system registers --------------------------------------------------- */

#define K(op0, op1, crn, crm, op2) ARM_SYSREG_KEY(op0, op1, crn, crm, op2)

/*
 * Register keys, named once so the table and the accessors agree.
 */
enum {
    SR_MIDR = K(3, 0, 0, 0, 0),
    SR_MPIDR = K(3, 0, 0, 0, 5),
    SR_REVIDR = K(3, 0, 0, 0, 6),
    SR_ID_AA64PFR0 = K(3, 0, 0, 4, 0),
    SR_ID_AA64PFR1 = K(3, 0, 0, 4, 1),
    SR_ID_AA64DFR0 = K(3, 0, 0, 5, 0),
    SR_ID_AA64ISAR0 = K(3, 0, 0, 6, 0),
    SR_ID_AA64ISAR1 = K(3, 0, 0, 6, 1),
    SR_ID_AA64MMFR0 = K(3, 0, 0, 7, 0),
    SR_ID_AA64MMFR1 = K(3, 0, 0, 7, 1),
    SR_ID_AA64MMFR2 = K(3, 0, 0, 7, 2),
    SR_CCSIDR = K(3, 1, 0, 0, 0),
    SR_CLIDR = K(3, 1, 0, 0, 1),
    SR_CSSELR = K(3, 2, 0, 0, 0),
    SR_CTR = K(3, 3, 0, 0, 1),
    SR_DCZID = K(3, 3, 0, 0, 7),
    SR_SCTLR = K(3, 0, 1, 0, 0),
    SR_ACTLR = K(3, 0, 1, 0, 1),
    SR_CPACR = K(3, 0, 1, 0, 2),
    SR_TTBR0 = K(3, 0, 2, 0, 0),
    SR_TTBR1 = K(3, 0, 2, 0, 1),
    SR_TCR = K(3, 0, 2, 0, 2),
    /* FEAT_PAuth keys: CRm 1 = APIA/APIB, 2 = APDA/APDB, 3 = APGA. */
    SR_APIAKEYLO = K(3, 0, 2, 1, 0), SR_APIAKEYHI = K(3, 0, 2, 1, 1),
    SR_APIBKEYLO = K(3, 0, 2, 1, 2), SR_APIBKEYHI = K(3, 0, 2, 1, 3),
    SR_APDAKEYLO = K(3, 0, 2, 2, 0), SR_APDAKEYHI = K(3, 0, 2, 2, 1),
    SR_APDBKEYLO = K(3, 0, 2, 2, 2), SR_APDBKEYHI = K(3, 0, 2, 2, 3),
    SR_APGAKEYLO = K(3, 0, 2, 3, 0), SR_APGAKEYHI = K(3, 0, 2, 3, 1),
    SR_SPSR_EL1 = K(3, 0, 4, 0, 0),
    SR_ELR_EL1 = K(3, 0, 4, 0, 1),
    SR_SP_EL0 = K(3, 0, 4, 1, 0),
    SR_SPSEL = K(3, 0, 4, 2, 0),
    SR_CURRENTEL = K(3, 0, 4, 2, 2),
    SR_NZCV = K(3, 3, 4, 2, 0),
    SR_DAIF = K(3, 3, 4, 2, 1),
    SR_DIT = K(3, 3, 4, 2, 5),
    SR_SSBS = K(3, 3, 4, 2, 6),
    SR_FPCR = K(3, 3, 4, 4, 0),
    SR_FPSR = K(3, 3, 4, 4, 1),
    SR_AFSR0 = K(3, 0, 5, 1, 0),
    SR_AFSR1 = K(3, 0, 5, 1, 1),
    SR_ESR_EL1 = K(3, 0, 5, 2, 0),
    SR_FAR_EL1 = K(3, 0, 6, 0, 0),
    SR_PAR_EL1 = K(3, 0, 7, 4, 0),
    SR_MAIR = K(3, 0, 10, 2, 0),
    SR_AMAIR = K(3, 0, 10, 3, 0),
    SR_VBAR = K(3, 0, 12, 0, 0),
    SR_ISR = K(3, 0, 12, 1, 0),
    SR_CONTEXTIDR = K(3, 0, 13, 0, 1),
    SR_TPIDR_EL1 = K(3, 0, 13, 0, 4),
    SR_TPIDR_EL0 = K(3, 3, 13, 0, 2),
    SR_TPIDRRO_EL0 = K(3, 3, 13, 0, 3),
    SR_CNTKCTL = K(3, 0, 14, 1, 0),
    SR_CNTFRQ = K(3, 3, 14, 0, 0),
    SR_CNTPCT = K(3, 3, 14, 0, 1),
    SR_CNTVCT = K(3, 3, 14, 0, 2),
    SR_CNTP_TVAL = K(3, 3, 14, 2, 0),
    SR_CNTP_CTL = K(3, 3, 14, 2, 1),
    SR_CNTP_CVAL = K(3, 3, 14, 2, 2),
    SR_CNTV_TVAL = K(3, 3, 14, 3, 0),
    SR_CNTV_CTL = K(3, 3, 14, 3, 1),
    SR_CNTV_CVAL = K(3, 3, 14, 3, 2),
    SR_MDSCR = K(2, 0, 0, 2, 2),
    SR_OSLAR = K(2, 0, 1, 0, 4),
    SR_OSLSR = K(2, 0, 1, 1, 4),
    SR_OSDLR = K(2, 0, 1, 3, 4),
    /* DBG{B,W}{V,C}R<n>_EL1: op0=2 op1=0 CRn=0 CRm=n op2=4..7 */
    SR_DBGBVR0 = K(2, 0, 0, 0, 4), SR_DBGBCR0 = K(2, 0, 0, 0, 5),
    SR_DBGWVR0 = K(2, 0, 0, 0, 6), SR_DBGWCR0 = K(2, 0, 0, 0, 7),
    SR_DBGBVR1 = K(2, 0, 0, 1, 4), SR_DBGBCR1 = K(2, 0, 0, 1, 5),
    SR_DBGWVR1 = K(2, 0, 0, 1, 6), SR_DBGWCR1 = K(2, 0, 0, 1, 7),
    /* FEAT_MTE (mte_helper.c) */
    SR_GMID = K(3, 1, 0, 0, 4),
    SR_RGSR = K(3, 0, 1, 0, 5),
    SR_GCR = K(3, 0, 1, 0, 6),
    SR_TFSR = K(3, 0, 5, 6, 0),
    SR_TFSRE0 = K(3, 0, 5, 6, 1),
    SR_TCO = K(3, 3, 4, 2, 7),
};

#define RO1 ARM_SR_EL1_R
#define RW1 ARM_SR_EL1_RW

static const ARMSysReg arm_sysregs[] = {
    { "MIDR_EL1", SR_MIDR, RO1, 0 },
    { "MPIDR_EL1", SR_MPIDR, RO1, 0 },
    { "REVIDR_EL1", SR_REVIDR, RO1, 0 },
    { "ID_AA64PFR0_EL1", SR_ID_AA64PFR0, RO1, 0 },
    { "ID_AA64PFR1_EL1", SR_ID_AA64PFR1, RO1, 0 },
    { "ID_AA64DFR0_EL1", SR_ID_AA64DFR0, RO1, 0 },
    { "ID_AA64ISAR0_EL1", SR_ID_AA64ISAR0, RO1, 0 },
    { "ID_AA64ISAR1_EL1", SR_ID_AA64ISAR1, RO1, 0 },
    { "ID_AA64MMFR0_EL1", SR_ID_AA64MMFR0, RO1, 0 },
    { "ID_AA64MMFR1_EL1", SR_ID_AA64MMFR1, RO1, 0 },
    { "ID_AA64MMFR2_EL1", SR_ID_AA64MMFR2, RO1, 0 },
    { "CCSIDR_EL1", SR_CCSIDR, RO1, 0 },
    { "CLIDR_EL1", SR_CLIDR, RO1, 0 },
    { "CSSELR_EL1", SR_CSSELR, RW1, 0 },
    { "CTR_EL0", SR_CTR, ARM_SR_ALL_R, 0 },
    { "DCZID_EL0", SR_DCZID, ARM_SR_ALL_R, 0 },
    { "SCTLR_EL1", SR_SCTLR, RW1, ARM_SR_END_TB },
    { "ACTLR_EL1", SR_ACTLR, RW1, 0 },
    { "CPACR_EL1", SR_CPACR, RW1, ARM_SR_END_TB },
    { "TTBR0_EL1", SR_TTBR0, RW1, 0 },
    { "TTBR1_EL1", SR_TTBR1, RW1, 0 },
    { "TCR_EL1", SR_TCR, RW1, 0 },
    /* Dynamic: UNDEFINED on a CPU without FEAT_PAuth. */
    { "APIAKeyLo_EL1", SR_APIAKEYLO, RW1, ARM_SR_DYNAMIC },
    { "APIAKeyHi_EL1", SR_APIAKEYHI, RW1, ARM_SR_DYNAMIC },
    { "APIBKeyLo_EL1", SR_APIBKEYLO, RW1, ARM_SR_DYNAMIC },
    { "APIBKeyHi_EL1", SR_APIBKEYHI, RW1, ARM_SR_DYNAMIC },
    { "APDAKeyLo_EL1", SR_APDAKEYLO, RW1, ARM_SR_DYNAMIC },
    { "APDAKeyHi_EL1", SR_APDAKEYHI, RW1, ARM_SR_DYNAMIC },
    { "APDBKeyLo_EL1", SR_APDBKEYLO, RW1, ARM_SR_DYNAMIC },
    { "APDBKeyHi_EL1", SR_APDBKEYHI, RW1, ARM_SR_DYNAMIC },
    { "APGAKeyLo_EL1", SR_APGAKEYLO, RW1, ARM_SR_DYNAMIC },
    { "APGAKeyHi_EL1", SR_APGAKEYHI, RW1, ARM_SR_DYNAMIC },
    { "SPSR_EL1", SR_SPSR_EL1, RW1, 0 },
    { "ELR_EL1", SR_ELR_EL1, RW1, 0 },
    { "SP_EL0", SR_SP_EL0, RW1, ARM_SR_DYNAMIC },
    { "SPSel", SR_SPSEL, RW1, ARM_SR_END_TB },
    { "CurrentEL", SR_CURRENTEL, RO1, 0 },
    { "NZCV", SR_NZCV, ARM_SR_ALL_RW, 0 },
    { "DAIF", SR_DAIF, ARM_SR_ALL_RW, ARM_SR_END_TB | ARM_SR_DYNAMIC },
    { "DIT", SR_DIT, ARM_SR_ALL_RW, ARM_SR_DYNAMIC },
    { "SSBS", SR_SSBS, ARM_SR_ALL_RW, ARM_SR_DYNAMIC },
    { "FPCR", SR_FPCR, ARM_SR_ALL_RW, ARM_SR_FP },
    { "FPSR", SR_FPSR, ARM_SR_ALL_RW, ARM_SR_FP },
    { "AFSR0_EL1", SR_AFSR0, RW1, 0 },
    { "AFSR1_EL1", SR_AFSR1, RW1, 0 },
    { "ESR_EL1", SR_ESR_EL1, RW1, 0 },
    { "FAR_EL1", SR_FAR_EL1, RW1, 0 },
    { "PAR_EL1", SR_PAR_EL1, RW1, 0 },
    { "MAIR_EL1", SR_MAIR, RW1, 0 },
    { "AMAIR_EL1", SR_AMAIR, RW1, 0 },
    { "VBAR_EL1", SR_VBAR, RW1, 0 },
    { "ISR_EL1", SR_ISR, RO1, 0 },
    { "CONTEXTIDR_EL1", SR_CONTEXTIDR, RW1, 0 },
    { "TPIDR_EL1", SR_TPIDR_EL1, RW1, 0 },
    { "TPIDR_EL0", SR_TPIDR_EL0, ARM_SR_ALL_RW, 0 },
    { "TPIDRRO_EL0", SR_TPIDRRO_EL0, RW1 | ARM_SR_EL0_R, 0 },
    { "CNTKCTL_EL1", SR_CNTKCTL, RW1, 0 },
    { "CNTFRQ_EL0", SR_CNTFRQ, RW1 | ARM_SR_EL0_R, 0 },
    { "CNTPCT_EL0", SR_CNTPCT, ARM_SR_ALL_R, ARM_SR_DYNAMIC },
    { "CNTVCT_EL0", SR_CNTVCT, ARM_SR_ALL_R, ARM_SR_DYNAMIC },
    { "CNTP_TVAL_EL0", SR_CNTP_TVAL, ARM_SR_ALL_RW, ARM_SR_DYNAMIC },
    { "CNTP_CTL_EL0", SR_CNTP_CTL, ARM_SR_ALL_RW, ARM_SR_DYNAMIC },
    { "CNTP_CVAL_EL0", SR_CNTP_CVAL, ARM_SR_ALL_RW, ARM_SR_DYNAMIC },
    { "CNTV_TVAL_EL0", SR_CNTV_TVAL, ARM_SR_ALL_RW, ARM_SR_DYNAMIC },
    { "CNTV_CTL_EL0", SR_CNTV_CTL, ARM_SR_ALL_RW, ARM_SR_DYNAMIC },
    { "CNTV_CVAL_EL0", SR_CNTV_CVAL, ARM_SR_ALL_RW, ARM_SR_DYNAMIC },
    { "MDSCR_EL1", SR_MDSCR, RW1, ARM_SR_END_TB },
    { "OSLAR_EL1", SR_OSLAR, ARM_SR_EL1_W, ARM_SR_END_TB },
    { "OSLSR_EL1", SR_OSLSR, RO1, 0 },
    { "OSDLR_EL1", SR_OSDLR, RW1, 0 },
    { "DBGBVR0_EL1", SR_DBGBVR0, RW1, 0 },
    { "DBGBCR0_EL1", SR_DBGBCR0, RW1, ARM_SR_END_TB },
    { "DBGWVR0_EL1", SR_DBGWVR0, RW1, 0 },
    { "DBGWCR0_EL1", SR_DBGWCR0, RW1, 0 },
    { "DBGBVR1_EL1", SR_DBGBVR1, RW1, 0 },
    { "DBGBCR1_EL1", SR_DBGBCR1, RW1, ARM_SR_END_TB },
    { "DBGWVR1_EL1", SR_DBGWVR1, RW1, 0 },
    { "DBGWCR1_EL1", SR_DBGWCR1, RW1, 0 },
    /* Dynamic: UNDEFINED on a CPU without FEAT_MTE. */
    { "GMID_EL1", SR_GMID, RO1, ARM_SR_DYNAMIC },
    { "RGSR_EL1", SR_RGSR, RW1, ARM_SR_DYNAMIC },
    { "GCR_EL1", SR_GCR, RW1, ARM_SR_DYNAMIC },
    { "TFSR_EL1", SR_TFSR, RW1, ARM_SR_DYNAMIC },
    { "TFSRE0_EL1", SR_TFSRE0, RW1, ARM_SR_DYNAMIC },
    { "TCO", SR_TCO, ARM_SR_ALL_RW, ARM_SR_DYNAMIC | ARM_SR_END_TB },
};

/*
 * GICv3 CPU interface (ICC_*_EL1): served by the board's GIC through
 * cpu->gicv3; UNDEF at run time when the board has none. A write may
 * change which interrupt is pending, so it ends the TB.
 */
static const ARMSysReg arm_sysreg_icc = {
    "ICC (GICv3)", 0, RW1, ARM_SR_DYNAMIC | ARM_SR_END_TB
};

static int sysreg_icc_reg(uint32_t key)
{
    return gicv3_icc_reg_from_encoding(key >> 14, (key >> 11) & 7,
                                       (key >> 7) & 0xf, (key >> 3) & 0xf,
                                       key & 7);
}

/* Unnamed encodings in the ID register space read as zero (RAZ). */
static const ARMSysReg arm_sysreg_id_raz = { "ID (reserved)", 0, RO1, 0 };

/* The PMU registers (pmu.c checks EL0 access and read-only ones itself). */
static const ARMSysReg arm_sysreg_pmu = {
    "PMU", 0, ARM_SR_ALL_RW, ARM_SR_DYNAMIC | ARM_SR_END_TB
};

/*
 * Every MRS/MSR looks its register up at run time (Linux reads TPIDR_EL1
 * for each per-CPU access): an index from the 16-bit key to 1 + the
 * table position, built once, instead of a walk of the table.
 */
static uint16_t *arm_sysreg_index;

const ARMSysReg *arm_sysreg_find(uint32_t key)
{
    uint16_t pos;

    if (g_once_init_enter(&arm_sysreg_index)) {
        uint16_t *idx = g_new0(uint16_t, 1u << 16);

        for (size_t i = ARRAY_SIZE(arm_sysregs); i-- > 0;) {
            /* walked backwards so that the first of duplicates wins */
            idx[arm_sysregs[i].key & 0xffff] = i + 1;
        }
        g_once_init_leave(&arm_sysreg_index, idx);
    }
    pos = key <= 0xffff ? arm_sysreg_index[key] : 0;
    if (pos) {
        return &arm_sysregs[pos - 1];
    }
    /* op0=3 op1=0 CRn=0 CRm=1..7: the feature ID space */
    if ((key & ~(uint32_t)0x7) >= K(3, 0, 0, 1, 0) &&
        (key & ~(uint32_t)0x7) <= K(3, 0, 0, 7, 0)) {
        return &arm_sysreg_id_raz;
    }
    if (sysreg_icc_reg(key) >= 0) {
        return &arm_sysreg_icc;
    }
    if (arm_pmu_sysreg(key)) {
        return &arm_sysreg_pmu;
    }
    return NULL;
}

uint64_t arm_counter_value(CPUARMState *env)
{
    ARMCPU *cpu = env_archcpu(env);
    uint64_t ns = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    /* ticks = ns * freq / 1e9, without overflowing for years of uptime */
    return (uint64_t)((unsigned __int128)ns * cpu->cntfrq / 1000000000u);
}

static void arm_gt_tick(void *opaque)
{
    arm_gt_update(opaque);
}

void arm_cpu_set_gt_irq(ARMCPU *cpu, int which, qemu_irq irq)
{
    cpu->gt_irq[which] = irq;
    if (!cpu->gt_timer[which]) {
        cpu->gt_timer[which] = timer_new_ns(QEMU_CLOCK_VIRTUAL, arm_gt_tick,
                                            cpu);
    }
    arm_gt_update(cpu);
}

void arm_gt_update(ARMCPU *cpu)
{
    CPUARMState *env = &cpu->env;
    uint64_t now = arm_counter_value(env);

    for (int which = 0; which < 2; which++) {
        uint64_t ctl = which == GTIMER_PHYS ? env->cntp_ctl_el0
                                            : env->cntv_ctl_el0;
        uint64_t cval = which == GTIMER_PHYS ? env->cntp_cval_el0
                                             : env->cntv_cval_el0;
        uint64_t count = which == GTIMER_PHYS ? now : now - env->cntvoff;
        bool istatus = (ctl & 1) && count >= cval;

        if (!cpu->gt_timer[which]) {
            continue;
        }
        qemu_set_irq(cpu->gt_irq[which], istatus && !(ctl & 2));
        if ((ctl & 1) && !istatus && cpu->cntfrq) {
            /* Ticks to go -> ns, rounded up so the tick finds ISTATUS set. */
            unsigned __int128 ns = (unsigned __int128)(cval - count) *
                                   1000000000u;
            uint64_t delta = (uint64_t)((ns + cpu->cntfrq - 1) / cpu->cntfrq);
            int64_t base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
            int64_t when = delta > (uint64_t)(INT64_MAX - base)
                           ? INT64_MAX : base + (int64_t)delta;
            timer_mod(cpu->gt_timer[which], when);
        } else {
            timer_del(cpu->gt_timer[which]);
        }
    }
}

static void sysreg_undef(CPUARMState *env)
{
    raise_exception_ra(env, EXCP_UDEF, syn_uncategorized(), 1, 0);
}

/*
 * Run-time access checks of the ARM_SR_DYNAMIC registers; a trap to EL1
 * reports the register's encoding and Rt in the syndrome (EC 0x18).
 */
static NORETURN void sysreg_trap(CPUARMState *env, uint32_t key, int rt,
                                 bool isread)
{
    raise_exception_ra(env, EXCP_UDEF,
                       syn_aa64_sysregtrap(key >> 14, (key >> 11) & 7, key & 7,
                                           (key >> 7) & 0xf, (key >> 3) & 0xf,
                                           rt, isread), 1, 0);
}

static void sysreg_check(CPUARMState *env, uint32_t key, int rt, bool isread)
{
    unsigned el = arm_current_el(env);

    switch (key) {
    case SR_APIAKEYLO ... SR_APIAKEYHI + 2:
    case SR_APDAKEYLO ... SR_APDAKEYHI + 2:
    case SR_APGAKEYLO:
    case SR_APGAKEYHI:
        if (!env_archcpu(env)->pauth) {
            sysreg_undef(env);
        }
        break;
    case SR_GMID: case SR_RGSR: case SR_GCR: case SR_TFSR: case SR_TFSRE0:
    case SR_TCO:
        if (!env_archcpu(env)->mte) {
            sysreg_undef(env);
        }
        break;
    case SR_SP_EL0:
        /* Only while SP_EL1 is the stack pointer in use. */
        if (!(env->pstate & PSTATE_SP)) {
            sysreg_undef(env);
        }
        break;
    case SR_DIT:
        if (!((env_archcpu(env)->isar.id_aa64pfr0 >> 48) & 0xf)) {
            sysreg_undef(env);
        }
        break;
    case SR_SSBS:
        /* The register form is FEAT_SSBS2 (ID_AA64PFR1.SSBS >= 2). */
        if (((env_archcpu(env)->isar.id_aa64pfr1 >> 4) & 0xf) < 2) {
            sysreg_undef(env);
        }
        break;
    case SR_DAIF:
        if (el == 0 && !(env->sctlr_el1 & SCTLR_UMA)) {
            sysreg_trap(env, key, rt, isread);
        }
        break;
    case SR_CNTP_TVAL:
    case SR_CNTP_CTL:
    case SR_CNTP_CVAL:
    case SR_CNTV_TVAL:
    case SR_CNTV_CTL:
    case SR_CNTV_CVAL: {
        /* EL0PTEN (bit 9) for the physical timer, EL0VTEN (bit 8) virtual */
        bool phys = ((key >> 3) & 0xf) == 2;
        if (el == 0 && !(env->cntkctl_el1 & (phys ? 1u << 9 : 1u << 8))) {
            sysreg_trap(env, key, rt, isread);
        }
        break;
    }
    case SR_CNTPCT:
    case SR_CNTVCT:
        if (el == 0 &&
            !(env->cntkctl_el1 & (key == SR_CNTPCT ? 1 : 2))) {
            sysreg_trap(env, key, rt, isread);
        }
        break;
    default:
        break;
    }
}

/*
 * CNT{P,V}_CTL: ENABLE (bit 0) and IMASK (bit 1) as written, ISTATUS
 * (bit 2) computed: the timer condition is met while enabled and the
 * counter has reached the compare value (IMASK does not hide it).
 */
static uint64_t gt_ctl_read(uint64_t ctl, uint64_t count, uint64_t cval)
{
    if ((ctl & 1) && count >= cval) {
        ctl |= 4;
    }
    return ctl;
}

/*
 * A guest that sees ISTATUS set must also find the interrupt asserted,
 * even when the host has not yet run the timer's callback (a loaded
 * host runs it late): raise the output now (kvm-unit-tests' timer test
 * polls ISTATUS, then expects the IRQ to have been taken).
 */
static uint64_t gt_ctl_read_sync(ARMCPU *cpu, uint64_t ctl, uint64_t count,
                                 uint64_t cval)
{
    uint64_t v = gt_ctl_read(ctl, count, cval);

    if ((v & 4) && !(v & 2)) {
        arm_gt_update(cpu);
    }
    return v;
}

uint64_t helper_mrs(CPUARMState *env, uint32_t key_rt)
{
    ARMCPU *cpu = env_archcpu(env);
    uint32_t key = key_rt & 0xffff;
    const ARMSysReg *ri = arm_sysreg_find(key);

    if (ri && (ri->flags & ARM_SR_DYNAMIC)) {
        sysreg_check(env, key, key_rt >> 16, true);
    }
    switch (key) {
    case SR_MIDR: return cpu->midr;
    case SR_MPIDR: return cpu->mpidr;
    case SR_REVIDR: return cpu->revidr;
    case SR_ID_AA64PFR0: return cpu->isar.id_aa64pfr0;
    case SR_ID_AA64PFR1: return cpu->isar.id_aa64pfr1;
    case SR_ID_AA64DFR0: return cpu->isar.id_aa64dfr0;
    case SR_ID_AA64ISAR0: return cpu->isar.id_aa64isar0;
    case SR_ID_AA64ISAR1: return cpu->isar.id_aa64isar1;
    case SR_ID_AA64MMFR0: return cpu->isar.id_aa64mmfr0;
    case SR_ID_AA64MMFR1: return cpu->isar.id_aa64mmfr1;
    case SR_ID_AA64MMFR2: return cpu->isar.id_aa64mmfr2;
    case SR_CCSIDR: return 0;
    case SR_CLIDR: return cpu->clidr;
    case SR_CSSELR: return 0;
    case SR_CTR: return cpu->ctr;
    case SR_DCZID: return cpu->dczid;
    case SR_SCTLR: return env->sctlr_el1;
    case SR_ACTLR: return 0;
    case SR_CPACR: return env->cpacr_el1;
    case SR_TTBR0: return env->ttbr0_el1;
    case SR_TTBR1: return env->ttbr1_el1;
    case SR_TCR: return env->tcr_el1;
    case SR_SPSR_EL1: return env->spsr_el1;
    case SR_ELR_EL1: return env->elr_el1;
    case SR_SP_EL0: return env->sp_el[0];
    case SR_SPSEL: return env->pstate & PSTATE_SP;
    case SR_CURRENTEL: return arm_current_el(env) << 2;
    case SR_NZCV: return pstate_read_nzcv(env);
    case SR_DAIF: return env->pstate & PSTATE_DAIF;
    case SR_DIT: return env->pstate & PSTATE_DIT;
    case SR_SSBS: return env->pstate & PSTATE_SSBS;
    case SR_FPCR: return vfp_get_fpcr(env);
    case SR_FPSR: return vfp_get_fpsr(env);
    case SR_AFSR0: return env->afsr0_el1;
    case SR_AFSR1: return env->afsr1_el1;
    case SR_ESR_EL1: return env->esr_el1;
    case SR_FAR_EL1: return env->far_el1;
    case SR_PAR_EL1: return env->par_el1;
    case SR_MAIR: return env->mair_el1;
    case SR_AMAIR: return env->amair_el1;
    case SR_VBAR: return env->vbar_el1;
    case SR_ISR: {
        /* The pending lines the board's interrupt controller drives. */
        int req = env_cpu(env)->interrupt_request;
        return (req & CPU_INTERRUPT_HARD ? 1u << 7 : 0) |
               (req & CPU_INTERRUPT_FIQ ? 1u << 6 : 0);
    }
    case SR_CONTEXTIDR: return env->contextidr_el1;
    case SR_TPIDR_EL1: return env->tpidr_el1;
    case SR_TPIDR_EL0: return env->tpidr_el0;
    case SR_TPIDRRO_EL0: return env->tpidrro_el0;
    case SR_CNTKCTL: return env->cntkctl_el1;
    case SR_CNTFRQ: return cpu->cntfrq;
    case SR_CNTPCT: return arm_counter_value(env);
    case SR_CNTVCT: return arm_counter_value(env) - env->cntvoff;
    case SR_CNTP_CTL:
        return gt_ctl_read_sync(cpu, env->cntp_ctl_el0, arm_counter_value(env),
                                env->cntp_cval_el0);
    case SR_CNTP_CVAL: return env->cntp_cval_el0;
    case SR_CNTP_TVAL:
        return (uint32_t)(env->cntp_cval_el0 - arm_counter_value(env));
    case SR_CNTV_CTL:
        return gt_ctl_read_sync(cpu, env->cntv_ctl_el0,
                                arm_counter_value(env) - env->cntvoff,
                                env->cntv_cval_el0);
    case SR_CNTV_CVAL: return env->cntv_cval_el0;
    case SR_CNTV_TVAL:
        return (uint32_t)(env->cntv_cval_el0 -
                          (arm_counter_value(env) - env->cntvoff));
    case SR_APIAKEYLO: return env->keys.apia.lo;
    case SR_APIAKEYHI: return env->keys.apia.hi;
    case SR_APIBKEYLO: return env->keys.apib.lo;
    case SR_APIBKEYHI: return env->keys.apib.hi;
    case SR_APDAKEYLO: return env->keys.apda.lo;
    case SR_APDAKEYHI: return env->keys.apda.hi;
    case SR_APDBKEYLO: return env->keys.apdb.lo;
    case SR_APDBKEYHI: return env->keys.apdb.hi;
    case SR_APGAKEYLO: return env->keys.apga.lo;
    case SR_APGAKEYHI: return env->keys.apga.hi;
    case SR_MDSCR: return env->mdscr_el1;
    case SR_OSLSR: return 0x8 | (env->oslk << 1);  /* OSLM = 0b10, OSLK */
    case SR_OSDLR: return 0;
    case SR_GMID: return 6;             /* BS: LDGM/STGM move 64 tags */
    case SR_RGSR: return env->rgsr_el1;
    case SR_GCR: return env->gcr_el1;
    case SR_TFSR: return env->tfsr_el1;
    case SR_TFSRE0: return env->tfsre0_el1;
    case SR_TCO: return env->pstate & PSTATE_TCO;
    case SR_DBGBVR0: case SR_DBGBVR1:
        return env->dbgbvr[(key >> 3) & 1];
    case SR_DBGBCR0: case SR_DBGBCR1:
        return env->dbgbcr[(key >> 3) & 1];
    case SR_DBGWVR0: case SR_DBGWVR1:
        return env->dbgwvr[(key >> 3) & 1];
    case SR_DBGWCR0: case SR_DBGWCR1:
        return env->dbgwcr[(key >> 3) & 1];
    default:
        if (ri == &arm_sysreg_icc) {
            if (!cpu->gicv3) {
                sysreg_undef(env);
            }
            return gicv3_icc_read(cpu->gicv3, env_cpu(env)->cpu_index,
                                  sysreg_icc_reg(key));
        }
        if (ri == &arm_sysreg_pmu) {
            return arm_pmu_read(env, key, key_rt >> 16);
        }
        return 0;               /* the RAZ ID space */
    }
}

void helper_msr(CPUARMState *env, uint32_t key_rt, uint64_t val)
{
    ARMCPU *cpu = env_archcpu(env);
    uint32_t key = key_rt & 0xffff;
    const ARMSysReg *ri = arm_sysreg_find(key);

    if (ri && (ri->flags & ARM_SR_DYNAMIC)) {
        sysreg_check(env, key, key_rt >> 16, false);
    }
    switch (key) {
    case SR_SCTLR:
        if ((val ^ env->sctlr_el1) & (SCTLR_M | (1ull << 19) /* WXN */)) {
            tlb_flush(env_cpu(env));
        }
        env->sctlr_el1 = val;
        break;
    case SR_CSSELR:
    case SR_ACTLR:
        break;
    case SR_OSLAR:
        env->oslk = val & 1;
        break;
    case SR_OSDLR:
        break;
    case SR_CPACR: env->cpacr_el1 = val & (3u << 20); break;
    /*
     * A new table base with the same ASID needs no flush: software must
     * TLBI before relying on it (QEMU does the same). A new ASID switches
     * the TLB to that ASID's entries.
     */
    case SR_TTBR0:
        env->ttbr0_el1 = val;
        arm_update_asid(env);
        break;
    case SR_TTBR1:
        env->ttbr1_el1 = val;
        arm_update_asid(env);
        break;
    case SR_TCR:
        env->tcr_el1 = val;
        tlb_flush(env_cpu(env));
        arm_update_asid(env);
        break;
    case SR_APIAKEYLO: env->keys.apia.lo = val; break;
    case SR_APIAKEYHI: env->keys.apia.hi = val; break;
    case SR_APIBKEYLO: env->keys.apib.lo = val; break;
    case SR_APIBKEYHI: env->keys.apib.hi = val; break;
    case SR_APDAKEYLO: env->keys.apda.lo = val; break;
    case SR_APDAKEYHI: env->keys.apda.hi = val; break;
    case SR_APDBKEYLO: env->keys.apdb.lo = val; break;
    case SR_APDBKEYHI: env->keys.apdb.hi = val; break;
    case SR_APGAKEYLO: env->keys.apga.lo = val; break;
    case SR_APGAKEYHI: env->keys.apga.hi = val; break;
    case SR_SPSR_EL1:
        /* DIT (bit 24) is RES0 without FEAT_DIT, TCO (25) without MTE */
        env->spsr_el1 = val & (0xf03fffffu |
            ((env_archcpu(env)->isar.id_aa64pfr0 >> 48) & 0xf ? PSTATE_DIT : 0) |
            (cpu->mte ? PSTATE_TCO : 0));
        break;
    case SR_ELR_EL1: env->elr_el1 = val; break;
    case SR_SP_EL0: env->sp_el[0] = val; break;
    case SR_SPSEL: helper_msr_pstate(env, 0x05, val & 1); break;
    case SR_NZCV: pstate_write_nzcv(env, val); break;
    case SR_DIT:
        env->pstate = (env->pstate & ~PSTATE_DIT) | (val & PSTATE_DIT);
        break;
    case SR_SSBS:
        env->pstate = (env->pstate & ~PSTATE_SSBS) | (val & PSTATE_SSBS);
        break;
    case SR_DAIF:
        env->pstate = (env->pstate & ~PSTATE_DAIF) | (val & PSTATE_DAIF);
        break;
    case SR_FPCR: vfp_set_fpcr(env, val); break;
    case SR_FPSR: vfp_set_fpsr(env, val); break;
    case SR_AFSR0: env->afsr0_el1 = val; break;
    case SR_AFSR1: env->afsr1_el1 = val; break;
    case SR_ESR_EL1: env->esr_el1 = (uint32_t)val; break;
    case SR_FAR_EL1: env->far_el1 = val; break;
    case SR_PAR_EL1: env->par_el1 = val; break;
    case SR_MAIR:
        env->mair_el1 = val;
        tlb_flush(env_cpu(env));
        break;
    case SR_AMAIR: env->amair_el1 = val; break;
    case SR_VBAR: env->vbar_el1 = val & ~(uint64_t)0x7ff; break;
    case SR_CONTEXTIDR: env->contextidr_el1 = (uint32_t)val; break;
    case SR_TPIDR_EL1: env->tpidr_el1 = val; break;
    case SR_TPIDR_EL0: env->tpidr_el0 = val; break;
    case SR_TPIDRRO_EL0: env->tpidrro_el0 = val; break;
    case SR_CNTKCTL: env->cntkctl_el1 = val & 0x3ff; break;
    case SR_CNTFRQ: cpu->cntfrq = (uint32_t)val; break;
    case SR_CNTP_CTL:
        env->cntp_ctl_el0 = val & 3;
        arm_gt_update(cpu);
        break;
    case SR_CNTP_CVAL:
        env->cntp_cval_el0 = val;
        arm_gt_update(cpu);
        break;
    case SR_CNTP_TVAL:
        env->cntp_cval_el0 = arm_counter_value(env) + (int32_t)val;
        arm_gt_update(cpu);
        break;
    case SR_CNTV_CTL:
        env->cntv_ctl_el0 = val & 3;
        arm_gt_update(cpu);
        break;
    case SR_CNTV_CVAL:
        env->cntv_cval_el0 = val;
        arm_gt_update(cpu);
        break;
    case SR_CNTV_TVAL:
        env->cntv_cval_el0 = arm_counter_value(env) - env->cntvoff +
                             (int32_t)val;
        arm_gt_update(cpu);
        break;
    case SR_MDSCR: env->mdscr_el1 = val; break;
    case SR_RGSR: env->rgsr_el1 = val & 0xffff0f; break;  /* SEED, TAG */
    case SR_GCR: env->gcr_el1 = val & 0x1ffff; break;     /* RRND, Exclude */
    case SR_TFSR: env->tfsr_el1 = val & 3; break;
    case SR_TFSRE0: env->tfsre0_el1 = val & 3; break;
    case SR_TCO:
        env->pstate = (env->pstate & ~PSTATE_TCO) | (val & PSTATE_TCO);
        break;
    /* Breakpoints and watchpoints act through debug_helper.c. */
    case SR_DBGBVR0: case SR_DBGBVR1:
        env->dbgbvr[(key >> 3) & 1] = val;
        break;
    case SR_DBGBCR0: case SR_DBGBCR1:
    case SR_DBGWCR0: case SR_DBGWCR1:
        if ((key & 7) == 5) {
            env->dbgbcr[(key >> 3) & 1] = val & 0x00ffe1e7u;
        } else {
            env->dbgwcr[(key >> 3) & 1] = val & 0x1f1fffffu;
            arm_debug_update_wp(env);
        }
        break;
    case SR_DBGWVR0: case SR_DBGWVR1:
        env->dbgwvr[(key >> 3) & 1] = val;
        arm_debug_update_wp(env);
        break;
    default:
        if (ri == &arm_sysreg_icc) {
            if (!cpu->gicv3) {
                sysreg_undef(env);
            }
            gicv3_icc_write(cpu->gicv3, env_cpu(env)->cpu_index,
                            sysreg_icc_reg(key), val);
            break;
        }
        if (ri == &arm_sysreg_pmu) {
            arm_pmu_write(env, key, key_rt >> 16, val);
            break;
        }
        log_mask(LOG_GUEST_ERROR, "aarch64: write to read-only system "
                 "register 0x%x ignored\n", key);
        break;
    }
    /* SCTLR, CPACR, DAIF, SPSel, MDSCR, OSLAR, DBGBCR, PMU: TB flags. */
    arm_rebuild_tb_flags(env);
}
