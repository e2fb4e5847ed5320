/*
 * mte_helper.c - the Memory Tagging Extension (FEAT_MTE, MTE2 and MTE3)
 * of the AArch64 CPU: where allocation tags live, the tag check that runs
 * before a Tag Checked load or store, and the tag instructions (IRG, ADDG,
 * SUBG, LDG, STG and family, LDGM/STGM/STZGM, DC GVA/GZVA).
 *
 * Tags: the board gives each CPU one tag store covering its RAM
 * (arm_cpu_set_tag_memory): 4 bits per 16-byte granule of physical
 * memory, granule 2k in the low nibble of byte k. The store is a RAM
 * block of its own that the guest cannot address, so migration carries
 * it like any other RAM. A page is tagged when its MAIR attribute is
 * 0xF0 (Tagged Normal) and its physical page has tag storage; tlb_fill
 * records that as ARM_TLB_TAGGED in the TLB entry, so a check costs a
 * TLB probe, not a walk.
 *
 * Checks: the translator emits helper_mte_check only in TBs whose flags
 * say checks can fail at that EL (ATA and TCF set, PSTATE.TCO clear);
 * everything else (TBI, TCMA, untagged pages) is decided here at run
 * time. Guests that never enable MTE get the same code as before.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "util/bitops.h"
#include "target-arm/cpu.h"
#include "target-arm/internals.h"
#include "target-arm/mte.h"
#include "exec/exec-all.h"
#include "exec/cpu_ldst.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-proto.h"

#define TAG_GRANULE 16

bool arm_cpu_set_tag_memory(ARMCPU *cpu, uint64_t base, uint64_t size,
                            uint8_t *tags, GError **errp)
{
    if (strcmp(cpu->model, "max") != 0) {
        error_setg(errp, "MTE requested, but not supported by the guest CPU");
        return false;
    }
    cpu->mte = true;
    cpu->tag_mem = tags;
    cpu->tag_base = base;
    cpu->tag_span = size;
    /* ID_AA64PFR1_EL1.MTE = 3: FEAT_MTE3 (asymmetric tag check faults). */
    cpu->isar.id_aa64pfr1 = deposit64(cpu->isar.id_aa64pfr1, 8, 4, 3);
    return true;
}

static unsigned mte_el(int mmu_idx)
{
    return mmu_idx == ARMMMUIdx_E10_0 ? 0 : 1;
}

static int mte_cur_mmu_idx(CPUARMState *env)
{
    return arm_current_el(env) ? ARMMMUIdx_E10_1 : ARMMMUIdx_E10_0;
}

/* AllocationTagAccessIsEnabled() for an access of @el. */
static bool mte_ata(CPUARMState *env, unsigned el)
{
    return env->sctlr_el1 & (el ? SCTLR_ATA : SCTLR_ATA0);
}

static unsigned mte_tcf(CPUARMState *env, unsigned el)
{
    return (env->sctlr_el1 >> (el ? SCTLR_TCF_SHIFT : SCTLR_TCF0_SHIFT)) & 3;
}

uint32_t arm_mte_tb_flags(CPUARMState *env)
{
    unsigned el = arm_current_el(env);
    uint32_t flags = 0;

    if (!env_archcpu(env)->mte || (env->pstate & PSTATE_TCO)) {
        return 0;
    }
    if (mte_ata(env, el) && mte_tcf(env, el) != MTE_TCF_NONE) {
        flags |= TBFLAG_MTE;
    }
    if (el == 1 && mte_ata(env, 0) && mte_tcf(env, 0) != MTE_TCF_NONE) {
        flags |= TBFLAG_MTE0;
    }
    return flags;
}

static uint64_t mte_addr_with_tag(uint64_t ptr, unsigned tag)
{
    return deposit64(ptr, 56, 4, tag);
}

static unsigned mte_ptr_tag(uint64_t ptr)
{
    return (ptr >> 56) & 0xf;
}

/*
 * The tag storage byte of the granule at @va and the nibble shift in it,
 * after translating @va for @type (faults are raised through @ra, as the
 * access itself would raise them). NULL if the page carries no tags.
 */
static uint8_t *mte_tag_byte(CPUARMState *env, uint64_t va,
                             MMUAccessType type, int mmu_idx, uintptr_t ra,
                             unsigned *shift)
{
    ARMCPU *cpu = env_archcpu(env);
    CPUTLBEntryFull *full;
    void *host;
    uint64_t off;

    probe_access_full(env, va, 0, type, mmu_idx, false, &host, &full, ra);
    if (!full || !(full->extra[0] & ARM_TLB_TAGGED)) {
        return NULL;
    }
    off = full->phys_addr + (va & ~TARGET_PAGE_MASK) - cpu->tag_base;
    if (off >= cpu->tag_span) {
        return NULL;
    }
    *shift = ((off >> 4) & 1) * 4;
    return cpu->tag_mem + off / (2 * TAG_GRANULE);
}

static unsigned mte_load_tag(uint8_t *p, unsigned shift)
{
    return (*p >> shift) & 0xf;
}

static void mte_store_tag(uint8_t *p, unsigned shift, unsigned tag)
{
    *p = (*p & ~(0xf << shift)) | (tag << shift);
}

/*
 * A failed check of an access of @el: a synchronous Data Abort (DFSC
 * 0b010001, FAR the first failing byte) or, asynchronously, TF0/TF1 by
 * bit 55 in TFSR_EL1 (EL1) or TFSRE0_EL1 (EL0). Asymmetric mode makes
 * reads synchronous and writes asynchronous.
 */
static void mte_check_fail(CPUARMState *env, unsigned el, unsigned tcf,
                           uint64_t fault_va, bool is_write, uintptr_t ra)
{
    bool sync = tcf == MTE_TCF_SYNC || (tcf == MTE_TCF_ASYMM && !is_write);

    if (sync) {
        env->exception.vaddress = fault_va;
        raise_exception_ra(env, EXCP_DATA_ABORT,
                           syn_data_abort(arm_current_el(env) == 1, is_write,
                                          FSC_TAG_CHECK), 1, ra);
    }
    if (el == 0) {
        env->tfsre0_el1 |= 1ull << ((fault_va >> 55) & 1);
    } else {
        env->tfsr_el1 |= 1ull << ((fault_va >> 55) & 1);
    }
}

void helper_mte_check(CPUARMState *env, uint32_t desc, uint64_t ptr)
{
    unsigned size = (desc & 0x7f) + 1;
    bool is_write = desc & 0x80;
    int mmu_idx = (desc >> 8) & 0xf;
    unsigned el = mte_el(mmu_idx);
    bool hi = (ptr >> 55) & 1;
    unsigned tcf = mte_tcf(env, el), ptag = mte_ptr_tag(ptr);
    unsigned field = (ptr >> 55) & 0x1f;
    MMUAccessType type = is_write ? MMU_DATA_STORE : MMU_DATA_LOAD;
    uint64_t g, last, start;
    uintptr_t ra = GETPC();

    /* Tag Unchecked: no TBI, TCMA with an all-zero/all-one tag, no ATA. */
    if (!(env->tcr_el1 & (hi ? TCR_TBI1 : TCR_TBI0))) {
        return;
    }
    if ((env->tcr_el1 & (hi ? TCR_TCMA1 : TCR_TCMA0)) &&
        (field == 0 || field == 0x1f)) {
        return;
    }
    if (!mte_ata(env, el) || tcf == MTE_TCF_NONE ||
        (env->pstate & PSTATE_TCO)) {
        return;
    }
    /* DC ZVA checks its whole aligned block, and reports Xt itself. */
    start = desc & MTE_DESC_BLOCK ? ptr & ~(uint64_t)(size - 1) : ptr;
    last = (start + size - 1) & ~(uint64_t)(TAG_GRANULE - 1);
    for (g = start & ~(uint64_t)(TAG_GRANULE - 1);; g += TAG_GRANULE) {
        unsigned shift;
        uint8_t *p = mte_tag_byte(env, g, type, mmu_idx, ra, &shift);

        if (p && mte_load_tag(p, shift) != ptag) {
            /* FAR: the first failing byte (g keeps ptr's top byte). */
            uint64_t at = g < ptr ? ptr : g;
            mte_check_fail(env, el, tcf, at, is_write, ra);
            return;         /* asynchronous: one report per access */
        }
        if (g == last) {
            break;
        }
    }
}

/* ChooseNonExcludedTag() of the Arm ARM. */
static unsigned mte_choose_tag(unsigned tag, unsigned offset, uint16_t exclude)
{
    if (exclude == 0xffff) {
        return 0;
    }
    if (offset == 0) {
        while (exclude & (1u << tag)) {
            tag = (tag + 1) & 0xf;
        }
    }
    while (offset) {
        offset--;
        tag = (tag + 1) & 0xf;
        while (exclude & (1u << tag)) {
            tag = (tag + 1) & 0xf;
        }
    }
    return tag;
}

/* RandomTag(): four steps of the LFSR in RGSR_EL1.SEED (bits 23:8). */
static unsigned mte_random_tag(CPUARMState *env)
{
    unsigned lfsr = (env->rgsr_el1 >> 8) & 0xffff, tag = 0;

    for (int i = 0; i < 4; i++) {
        unsigned top = ((lfsr >> 5) ^ (lfsr >> 3) ^ (lfsr >> 2) ^ lfsr) & 1;
        lfsr = (top << 15) | (lfsr >> 1);
        tag |= top << i;
    }
    env->rgsr_el1 = deposit64(env->rgsr_el1, 8, 16, lfsr);
    return tag;
}

uint64_t helper_irg(CPUARMState *env, uint64_t rn, uint64_t rm)
{
    uint16_t exclude = (rm | env->gcr_el1) & 0xffff;
    unsigned rtag = 0;

    if (mte_ata(env, arm_current_el(env))) {
        if (env->gcr_el1 & (1u << 16)) {
            /* GCR_EL1.RRND: an implementation-defined random choice. */
            rtag = mte_choose_tag(g_random_int_range(0, 16), 0, exclude);
        } else {
            unsigned start = env->rgsr_el1 & 0xf;
            rtag = mte_choose_tag(start, mte_random_tag(env), exclude);
            env->rgsr_el1 = deposit64(env->rgsr_el1, 0, 4, rtag);
        }
    }
    return mte_addr_with_tag(rn, rtag);
}

/* ADDG/SUBG: @offset already signed, @tag_offset the uimm4. */
uint64_t helper_addsubg(CPUARMState *env, uint64_t ptr, int32_t offset,
                        uint32_t tag_offset)
{
    unsigned rtag = 0;

    if (mte_ata(env, arm_current_el(env))) {
        rtag = mte_choose_tag(mte_ptr_tag(ptr), tag_offset,
                              env->gcr_el1 & 0xffff);
    }
    return mte_addr_with_tag(ptr + (int64_t)offset, rtag);
}

/* LDG: Xt with bits 59:56 replaced by the tag of the granule at @ptr. */
uint64_t helper_ldg(CPUARMState *env, uint64_t ptr, uint64_t xt)
{
    unsigned tag = 0, shift;

    if (mte_ata(env, arm_current_el(env))) {
        uint8_t *p = mte_tag_byte(env, ptr, MMU_DATA_LOAD,
                                  mte_cur_mmu_idx(env), GETPC(), &shift);
        if (p) {
            tag = mte_load_tag(p, shift);
        }
    }
    return mte_addr_with_tag(xt, tag);
}

static void mte_check_aligned(CPUARMState *env, uint64_t ptr, unsigned align,
                              uintptr_t ra)
{
    if (ptr & (align - 1)) {
        env->exception.vaddress = ptr;
        raise_exception_ra(env, EXCP_DATA_ABORT,
                           syn_data_abort(arm_current_el(env) == 1, true,
                                          FSC_ALIGNMENT), 1, ra);
    }
}

/* Zero [ptr, ptr + len) as plain (Tag Unchecked) stores. */
static void mte_zero(CPUARMState *env, uint64_t ptr, unsigned len,
                     uintptr_t ra)
{
    for (unsigned i = 0; i < len; i += 8) {
        cpu_stq_le_data_ra(env, ptr + i, 0, ra);
    }
}

/*
 * STG, STZG, ST2G, STZ2G (tag from Xt<59:56>) and the tag half of STGP
 * (tag from the address): @ptr must be granule aligned.
 */
void helper_stg(CPUARMState *env, uint64_t ptr, uint64_t xt, uint32_t desc)
{
    uintptr_t ra = GETPC();
    unsigned n = desc & MTE_STG_TWO ? 2 : 1;
    unsigned tag = mte_ptr_tag(desc & MTE_STG_ADDR ? ptr : xt);

    mte_check_aligned(env, ptr, TAG_GRANULE, ra);
    if (mte_ata(env, arm_current_el(env))) {
        for (unsigned i = 0; i < n; i++) {
            unsigned shift;
            uint8_t *p = mte_tag_byte(env, ptr + i * TAG_GRANULE,
                                      MMU_DATA_STORE, mte_cur_mmu_idx(env),
                                      ra, &shift);
            if (p) {
                mte_store_tag(p, shift, tag);
            }
        }
    }
    if (desc & MTE_STG_ZERO) {
        mte_zero(env, ptr, n * TAG_GRANULE, ra);
    }
}

/*
 * LDGM/STGM: the 2^GMID_EL1.BS tags of the aligned 256-byte block, tag i
 * in bits 4i+3:4i. Nothing is accessed while tag access is disabled.
 */
uint64_t helper_ldgm(CPUARMState *env, uint64_t ptr)
{
    unsigned block = 4u << MTE_GMID_BS, shift;   /* BS counts words */
    uint64_t base = ptr & ~(uint64_t)(block - 1), v = 0;
    uint8_t *p;

    if (!mte_ata(env, 1)) {
        return 0;
    }
    p = mte_tag_byte(env, base, MMU_DATA_LOAD, ARMMMUIdx_E10_1, GETPC(),
                     &shift);
    if (p) {
        for (unsigned i = 0; i < block / (2 * TAG_GRANULE); i++) {
            v |= (uint64_t)p[i] << (8 * i);
        }
    }
    return v;
}

void helper_stgm(CPUARMState *env, uint64_t ptr, uint64_t val)
{
    unsigned block = 4u << MTE_GMID_BS, shift;   /* BS counts words */
    uint64_t base = ptr & ~(uint64_t)(block - 1);
    uint8_t *p;

    if (!mte_ata(env, 1)) {
        return;
    }
    p = mte_tag_byte(env, base, MMU_DATA_STORE, ARMMMUIdx_E10_1, GETPC(),
                     &shift);
    if (p) {
        for (unsigned i = 0; i < block / (2 * TAG_GRANULE); i++) {
            p[i] = val >> (8 * i);
        }
    }
}

/*
 * DC GVA (@zero 0) and DC GZVA (1), and STZGM (@zero 1, the tag in
 * @tag_from_low's Xt<3:0> instead of Xt<59:56>): the DCZID_EL0 block
 * (64 bytes) at @ptr gets the tag; with @zero its data is zeroed too.
 * desc: bit 0 zero, bit 1 tag from Xt<3:0>.
 */
void helper_dc_gva(CPUARMState *env, uint64_t ptr, uint64_t xt, uint32_t desc)
{
    uintptr_t ra = GETPC();
    unsigned block = 4u << (env_archcpu(env)->dczid & 0xf);
    uint64_t base = ptr & ~(uint64_t)(block - 1);
    unsigned tag = desc & 2 ? xt & 0xf : mte_ptr_tag(xt);
    CPUState *cs = env_cpu(env);

    if (!(env->sctlr_el1 & SCTLR_M)) {
        /* All data memory is Device while the MMU is off (as DC ZVA). */
        cs->tcg_ops->do_unaligned_access(cs, ptr, MMU_DATA_STORE,
                                         mte_cur_mmu_idx(env), ra);
    }
    if (mte_ata(env, arm_current_el(env))) {
        for (unsigned off = 0; off < block; off += TAG_GRANULE) {
            unsigned shift;
            uint8_t *p = mte_tag_byte(env, base + off, MMU_DATA_STORE,
                                      mte_cur_mmu_idx(env), ra, &shift);
            if (!p) {
                break;      /* one page: none of the block is tagged */
            }
            mte_store_tag(p, shift, tag);
        }
    }
    if (desc & 1) {
        mte_zero(env, base, block, ra);
    }
}
