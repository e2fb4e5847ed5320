/*
 * ptw.c - AArch64 stage 1 address translation for the EL1&0 regime
 * (VMSAv8-64): TTBR0/TTBR1 selection by the top VA bits (with TBI),
 * 4K/16K/64K granules, table and block/page descriptors, hierarchical
 * APTable/UXNTable/PXNTable, AP and XN permissions, access flag, output
 * address size checks, MAIR memory types, E0PD0/E0PD1.
 *
 * With SCTLR_EL1.M = 0 the translation is flat and every data access is
 * Device-nGnRnE (the translator then asks for alignment on every access).
 * ASIDs are handled by the TLB, not here: cputlb keeps the entries of a
 * few ASIDs apart (tlb_set_asid, from TTBR/TCR writes via arm_update_asid)
 * and every entry is filled under the ASID current at the walk, so the nG
 * bit needs no tracking: a global page is simply walked again under each
 * ASID. TLBI ASIDE1 drops one ASID's entries, TLBI by VA the page under
 * every ASID; a TCR/MAIR/SCTLR.M change or another TLBI flushes all.
 * Not here: stage 2, EL2/EL3 regimes, hardware AF/dirty updates,
 * alignment checks for Device pages while the MMU is on (FIXME: needs a
 * per-page TLB flag).
 */
#include "util/osdep.h"
#include "util/log.h"
#include "target-arm/cpu.h"
#include "target-arm/internals.h"
#include "exec/memory.h"

#define PA_BITS 48                      /* ID_AA64MMFR0.PARange = 5 */

/* TCR_EL1.IPS / PARange encodings to bits. */
static unsigned pa_bits_of(unsigned ips)
{
    static const unsigned bits[] = { 32, 36, 40, 42, 44, 48, 52, 52 };
    unsigned b = bits[ips & 7];
    return b > PA_BITS ? PA_BITS : b;
}

static bool out_of_pa(uint64_t pa, unsigned bits)
{
    return bits < 64 && (pa >> bits) != 0;
}

bool arm_translate(CPUARMState *env, uint64_t va, MMUAccessType type,
                   int mmu_idx, ARMTranslation *res, uint32_t *fsc)
{
    CPUState *cs = env_cpu(env);
    uint64_t tcr = env->tcr_el1;
    bool hi = (va >> 55) & 1;
    bool tbi = hi ? (tcr >> 38) & 1 : (tcr >> 37) & 1;
    unsigned tsz, tg, grain, stride, inputsize, level, pabits;
    uint64_t base, desc = 0, top;
    bool ap_el0_no = false, ap_ro = false, xn_tab = false, pxn_tab = false;
    int prot = 0;

    if (!(env->sctlr_el1 & SCTLR_M)) {
        if (va >> PA_BITS) {
            *fsc = FSC_ADDRESS_SIZE_L0;
            return false;
        }
        res->pa = va;
        res->prot = PAGE_RWX;
        res->page_size = TARGET_PAGE_SIZE;
        res->device = true;
        return true;
    }

    if (hi) {
        tsz = (tcr >> 16) & 0x3f;
        tg = (tcr >> 30) & 3;       /* TG1: 1 = 16K, 2 = 4K, 3 = 64K */
        grain = tg == 1 ? 14 : tg == 3 ? 16 : 12;
        if ((tcr >> 23) & 1) {      /* EPD1: walks disabled */
            *fsc = FSC_TRANSLATION_L0;
            return false;
        }
    } else {
        tsz = tcr & 0x3f;
        tg = (tcr >> 14) & 3;       /* TG0: 0 = 4K, 1 = 64K, 2 = 16K */
        grain = tg == 2 ? 14 : tg == 1 ? 16 : 12;
        if ((tcr >> 7) & 1) {       /* EPD0 */
            *fsc = FSC_TRANSLATION_L0;
            return false;
        }
    }
    /*
     * FEAT_E0PD: TCR_EL1.E0PD1 (bit 56) / E0PD0 (bit 55) make every EL0
     * access (and LDTR/STTR) to that half a level 0 translation fault.
     */
    if (mmu_idx == ARMMMUIdx_E10_0 && ((tcr >> (hi ? 56 : 55)) & 1) &&
        (env_archcpu(env)->isar.id_aa64mmfr2 >> 60) != 0) {
        *fsc = FSC_TRANSLATION_L0;
        return false;
    }
    /* Out-of-range TxSZ values are CONSTRAINED UNPREDICTABLE: clamp. */
    tsz = tsz < 16 ? 16 : tsz > 39 ? 39 : tsz;
    inputsize = 64 - tsz;
    /* The bits above the input size must all equal the range's bit. */
    top = tbi ? (va << 8) >> (8 + inputsize) : va >> inputsize;
    {
        unsigned topbits = (tbi ? 56 : 64) - inputsize;
        uint64_t ones = topbits >= 64 ? ~0ull : (1ull << topbits) - 1;
        if (top != (hi ? ones : 0)) {
            *fsc = FSC_TRANSLATION_L0;
            return false;
        }
    }
    stride = grain - 3;
    level = 4 - (inputsize - grain + stride - 1) / stride;
    pabits = pa_bits_of(tcr >> 32);
    base = (hi ? env->ttbr1_el1 : env->ttbr0_el1) & 0x0000fffffffffffeull;
    base &= ~7ull;
    if (out_of_pa(base, pabits)) {
        *fsc = FSC_ADDRESS_SIZE_L0 + level;
        return false;
    }

    for (;; level++) {
        unsigned shift = grain + (3 - level) * stride;
        unsigned bits = (inputsize - shift) < stride ? inputsize - shift : stride;
        uint64_t index = (va >> shift) & ((1ull << bits) - 1);
        MemTxResult r = MEMTX_OK;

        desc = address_space_ldq_le(cs->as, base + index * 8,
                                    MEMTXATTRS_UNSPECIFIED, &r);
        if (r != MEMTX_OK) {
            *fsc = 0x14 + level;    /* external abort on the table walk */
            return false;
        }
        if (!(desc & 1)) {
            *fsc = FSC_TRANSLATION_L0 + level;
            return false;
        }
        if (level < 3 && (desc & 2)) {
            /* table descriptor */
            base = desc & 0x0000ffffffffffffull & ~((1ull << grain) - 1);
            if (out_of_pa(base, pabits)) {
                *fsc = FSC_ADDRESS_SIZE_L0 + level;
                return false;
            }
            pxn_tab |= (desc >> 59) & 1;
            xn_tab |= (desc >> 60) & 1;
            ap_el0_no |= (desc >> 61) & 1;
            ap_ro |= (desc >> 62) & 1;
            continue;
        }
        if (level == 3 ? !(desc & 2) :
            (grain == 12 ? level < 1 : level < 2)) {
            /* reserved at level 3, or a block where none may be */
            *fsc = FSC_TRANSLATION_L0 + level;
            return false;
        }
        res->page_size = 1ull << shift;
        res->pa = (desc & 0x0000ffffffffffffull & ~(res->page_size - 1)) |
                  (va & (res->page_size - 1));
        if (out_of_pa(res->pa, pabits)) {
            *fsc = FSC_ADDRESS_SIZE_L0 + level;
            return false;
        }
        break;
    }

    if (!((desc >> 10) & 1)) {
        *fsc = 0x08 + level;        /* access flag fault (no FEAT_HAFDBS) */
        return false;
    }
    {
        unsigned ap = (desc >> 6) & 3;     /* AP[2:1] */
        bool el0_ok = (ap & 1) && !ap_el0_no;
        bool ro = (ap & 2) || ap_ro;
        bool uxn = ((desc >> 54) & 1) || xn_tab;
        bool pxn = ((desc >> 53) & 1) || pxn_tab;
        bool el0_writable = el0_ok && !ro;
        bool wxn = (env->sctlr_el1 >> 19) & 1;

        if (mmu_idx == ARMMMUIdx_E10_0) {
            if (el0_ok) {
                prot |= PAGE_READ | (ro ? 0 : PAGE_WRITE);
            }
            if (!uxn && !(wxn && el0_writable)) {
                prot |= PAGE_EXEC;
            }
        } else {
            prot |= PAGE_READ | (ro ? 0 : PAGE_WRITE);
            /* Memory writable at EL0 is never executable at EL1. */
            if (!pxn && !el0_writable && !(wxn && !ro)) {
                prot |= PAGE_EXEC;
            }
        }
    }
    {
        unsigned idx = (desc >> 2) & 7;
        uint8_t attr = env->mair_el1 >> (8 * idx);
        res->device = (attr & 0xf0) == 0;
        res->attr = attr;
    }
    res->prot = prot;
    {
        int need = type == MMU_DATA_STORE ? PAGE_WRITE :
                   type == MMU_INST_FETCH ? PAGE_EXEC : PAGE_READ;
        if (!(prot & need)) {
            *fsc = 0x0c + level;    /* permission fault */
            return false;
        }
    }
    return true;
}
