/*
 * mte.c - the tag instructions of the Memory Tagging Extension on
 * -machine virt,mte=on -cpu max: ID_AA64PFR1.MTE and GMID_EL1, the MTE
 * registers, IRG (against a model of the Arm ARM's RandomTag and
 * ChooseNonExcludedTag), GMI, ADDG/SUBG, SUBP(S), STG/STZG/ST2G/STZ2G in
 * their three addressing forms, STGP, LDG, LDGM/STGM/STZGM, DC GVA/GZVA,
 * SCTLR_EL1.ATA off and untagged memory. Tag checks: mte-check.c.
 */
#include "mte-common.h"

/* ---- the Arm ARM's tag choice, for IRG and ADDG ---- */

static unsigned model_choose(unsigned tag, unsigned offset, unsigned exclude)
{
    if ((exclude & 0xffff) == 0xffff) {
        return 0;
    }
    if (offset == 0) {
        while (exclude & (1u << tag)) {
            tag = (tag + 1) & 15;
        }
    }
    while (offset) {
        offset--;
        tag = (tag + 1) & 15;
        while (exclude & (1u << tag)) {
            tag = (tag + 1) & 15;
        }
    }
    return tag;
}

static unsigned model_random(u64 *rgsr)
{
    unsigned lfsr = (*rgsr >> 8) & 0xffff, tag = 0;

    for (int i = 0; i < 4; i++) {
        unsigned top = ((lfsr >> 5) ^ (lfsr >> 3) ^ (lfsr >> 2) ^ lfsr) & 1;
        lfsr = (top << 15) | (lfsr >> 1);
        tag |= top << i;
    }
    *rgsr = (*rgsr & ~(0xfffful << 8)) | ((u64)lfsr << 8);
    return tag;
}


static void test_ids(void)
{
    check("ID_AA64PFR1_EL1.MTE is 3 (MTE3)", (MRS("id_aa64pfr1_el1") >> 8) & 15, 3);
    check("GMID_EL1.BS", MRS(GMID_EL1) & 15, 6);
    MSR(GCR_EL1, 0x1a5a5);
    check("GCR_EL1 keeps RRND and Exclude", MRS(GCR_EL1), 0x1a5a5);
    MSR(RGSR_EL1, 0xbeef0c);
    check("RGSR_EL1 keeps SEED and TAG", MRS(RGSR_EL1), 0xbeef0c);
    MSR(TFSR_EL1, 3);
    check("TFSR_EL1 keeps TF0/TF1", MRS(TFSR_EL1), 3);
    MSR(TFSR_EL1, 0);
}

static void test_irg(void)
{
    u64 rgsr = (0xace1ul << 8) | 3, m = rgsr;

    mte_mode(1, 1, 0, 0);
    MSR(GCR_EL1, 0x0101);               /* exclude tags 0 and 8, RRND 0 */
    MSR(RGSR_EL1, rgsr);
    for (int i = 0; i < 8; i++) {
        u64 d, n = 0x0000123456789ab0ul | (u64)i << 56, x = 1ul << (i + 4);
        unsigned want;
        __asm__ volatile(MT "irg %0, %1, %2" : "=r"(d) : "r"(n), "r"(x));
        want = model_choose(m & 15, model_random(&m), 0x0101 | x);
        m = (m & ~15ul) | want;
        checkf(d, tagp(n, want), "IRG %d (exclude GCR | Xm)", i);
    }
    check("IRG advances RGSR_EL1", MRS(RGSR_EL1), m);
    {
        u64 d, n = 0x40400000ul;
        __asm__ volatile(MT "irg %0, %1, %2" : "=r"(d) : "r"(n), "r"(0xfefeul));
        check("IRG with all tags excluded gives 0", d >> 56, 0);
        mte_mode(0, 0, 0, 0);
        __asm__ volatile(MT "irg %0, %1" : "=r"(d) : "r"(tagp(n, 7)));
        check("IRG with ATA 0 gives tag 0", d, n);
    }
}

static void test_arith(void)
{
    u64 d, nzcv;

    mte_mode(1, 1, 0, 0);
    __asm__ volatile(MT "gmi %0, %1, %2" : "=r"(d) : "r"(tagp(0x1000, 9)), "r"(0x11ul));
    check("GMI", d, 0x211);
    MSR(GCR_EL1, 1u << 6);              /* exclude tag 6 */
    __asm__ volatile(MT "addg %0, %1, #0x3f0, #3" : "=r"(d) : "r"(tagp(0x5000, 4)));
    check("ADDG skips excluded tags", d, tagp(0x53f0, 8));
    __asm__ volatile(MT "subg %0, %1, #0x10, #0" : "=r"(d) : "r"(tagp(0x5000, 6)));
    check("SUBG offset 0 moves off an excluded tag", d, tagp(0x4ff0, 7));
    __asm__ volatile(MT "addg %0, %1, #0, #15" : "=r"(d) : "r"(tagp(0x5000, 15)));
    check("ADDG wraps the tag", d, tagp(0x5000, 15));
    MSR(GCR_EL1, 0);
    mte_mode(0, 0, 0, 0);
    __asm__ volatile(MT "addg %0, %1, #16, #1" : "=r"(d) : "r"(tagp(0x5000, 4)));
    check("ADDG with ATA 0 clears the tag", d, 0x5010);
    mte_mode(1, 1, 0, 0);
    __asm__ volatile(MT "subp %0, %1, %2" : "=r"(d)
                     : "r"(0xff00000000001000ul), "r"(0x0a00000000002000ul));
    check("SUBP ignores the top byte", d, (u64)-0x1000);
    __asm__ volatile(MT "subps %0, %2, %3\n\tmrs %1, nzcv" : "=&r"(d), "=r"(nzcv)
                     : "r"(0x0080000000000000ul), "r"(0x5ul));
    check("SUBPS sign-extends bit 55", d, 0xff7ffffffffffffbul);
    check("SUBPS flags", nzcv >> 28, NZCV_N | NZCV_C);
    __asm__ volatile(MT "subps %0, %2, %2\n\tmrs %1, nzcv" : "=&r"(d), "=r"(nzcv)
                     : "r"(0x77000000000000aaul));
    check("SUBPS equal: Z and C", nzcv >> 28, NZCV_Z | NZCV_C);
}

static void test_tag_stores(void)
{
    u64 base = TAGGED + 0x1000, p, q;
    volatile u64 *m = (volatile u64 *)base;

    mte_mode(1, 1, 0, 0);
    for (int i = 0; i < 16; i++) {
        m[i] = 0x1111111111111111ul * (i + 1);
    }
    stg(tagp(base, 5));
    check("STG then LDG", ldg(base + 8), tagp(0x1234, 5));
    check("STG leaves the next granule", tag_of(base + 16), 0);
    check("STG leaves the data", m[0], 0x1111111111111111ul);
    p = tagp(base + 0x20, 6);
    __asm__ volatile(MT "stg %0, [%0], #32" : "+r"(p) : : "memory");
    check("STG post-index writeback", p, tagp(base + 0x40, 6));
    check("STG post-index tags the old address", tag_of(base + 0x20), 6);
    p = tagp(base + 0x20, 7);
    __asm__ volatile(MT "stg %0, [%0, #32]!" : "+r"(p) : : "memory");
    check("STG pre-index writeback", p, tagp(base + 0x40, 7));
    check("STG pre-index tags the new address", tag_of(base + 0x40), 7);
    p = tagp(base, 3);
    __asm__ volatile(MT "st2g %0, [%0, #0x60]" : : "r"(p) : "memory");
    check("ST2G first granule", tag_of(base + 0x60), 3);
    check("ST2G second granule", tag_of(base + 0x70), 3);
    check("ST2G no third", tag_of(base + 0x80), 0);
    __asm__ volatile(MT "stzg %0, [%0, #0x80]" : : "r"(tagp(base, 9)) : "memory");
    check("STZG tags", tag_of(base + 0x80), 9);
    check("STZG zeroes the granule", m[16] | m[17], 0);
    m[18] = m[19] = m[20] = m[21] = m[22] = 0x55;
    __asm__ volatile(MT "stz2g %0, [%0, #0x90]" : : "r"(tagp(base, 10)) : "memory");
    check("STZ2G zeroes two granules", m[18] | m[19] | m[20] | m[21], 0);
    check("STZ2G leaves the third", m[22], 0x55);
    check("STZ2G tags the second", tag_of(base + 0xa0), 10);
    q = tagp(base + 0x100, 12);
    __asm__ volatile(MT "stgp %1, %2, [%0, #16]" : : "r"(q), "r"(0xaaul), "r"(0xbbul)
                     : "memory");
    check("STGP data", m[34] + (m[35] << 8), 0xbbaa);
    check("STGP tag from the address", tag_of(base + 0x110), 12);
    q = tagp(base + 0x120, 13);
    __asm__ volatile(MT "stgp xzr, xzr, [%0], #-16" : "+r"(q) : : "memory");
    check("STGP post-index writeback", q, tagp(base + 0x110, 13));
    exc_expect(4);
    p = tagp(base + 8, 1);
    __asm__ volatile(MT "stg %0, [%0]" : : "r"(p) : "memory");
    check("STG misaligned: alignment fault", last_exc.esr & 0x3f, 0x21);
    check("STG misaligned: FAR", last_exc.far, p);
    mte_mode(0, 0, 0, 0);
    stg(tagp(base + 0x200, 4));
    check("LDG with ATA 0 reads 0", ldg(tagp(base, 15)), 0x1234);
    mte_mode(1, 1, 0, 0);
    check("STG with ATA 0 is ignored", tag_of(base + 0x200), 0);
    stg(tagp(UNTAGGED, 4));
    check("LDG of untagged memory reads 0", tag_of(UNTAGGED), 0);
}

static void test_multi(void)
{
    u64 blk = TAGGED + 0x2000, v;
    u64 bs = 4ul << (MRS("dczid_el0") & 15);   /* DC ZVA block bytes */
    u64 zb = TAGGED + 0x4000;
    volatile u64 *m = (volatile u64 *)zb;
    unsigned n = bs / 8;

    mte_mode(1, 1, 0, 0);
    __asm__ volatile(MT "stgm %0, [%1]" : : "r"(0xfedcba9876543210ul),
                     "r"(blk + 0x55) : "memory");
    check("STGM tags granule 1", tag_of(blk + 0x10), 1);
    check("STGM tags granule 15", tag_of(blk + 0xf0), 15);
    check("STGM stays in its block", tag_of(blk + 0x100), 0);
    check("STGM stays in its block (below)", tag_of(blk - 0x10), 0);
    stg(tagp(blk + 0x30, 0xa));
    __asm__ volatile(MT "ldgm %0, [%1]" : "=r"(v) : "r"(blk + 0xff) : "memory");
    check("LDGM", v, 0xfedcba987654a210ul);
    for (unsigned i = 0; i < 2 * n + 2; i++) {
        m[i] = ~0ul;
    }
    __asm__ volatile(MT "stzgm %0, [%1]" : : "r"(0x7ul), "r"(zb + 8) : "memory");
    check("STZGM zeroes the DCZID block", m[0] | m[n - 1], 0);
    check("STZGM leaves the next block", m[n], ~0ul);
    check("STZGM tags from Xt<3:0>", tag_of(zb + bs - 16), 7);
    check("STZGM tags no further", tag_of(zb + bs), 0);
    for (unsigned i = 0; i < 2 * n + 2; i++) {
        m[i] = ~0ul;
    }
    __asm__ volatile(MT "dc gva, %0" : : "r"(tagp(zb + 0x10, 0xb)) : "memory");
    check("DC GVA tags the block", tag_of(zb) + tag_of(zb + bs - 16), 0x16);
    check("DC GVA keeps the data", m[0], ~0ul);
    __asm__ volatile(MT "dc gzva, %0" : : "r"(tagp(zb + bs + 8, 0xc)) : "memory");
    check("DC GZVA tags", tag_of(zb + 2 * bs - 16), 0xc);
    check("DC GZVA zeroes", m[n] | m[2 * n - 1], 0);
    check("DC GZVA leaves the previous block", m[n - 1], ~0ul);
    check("DC GZVA leaves the next block", m[2 * n], ~0ul);
}

int main(void)
{
    test_set_prefix("mte: ");
    mmu_on();
    test_ids();
    test_irg();
    test_arith();
    test_tag_stores();
    test_multi();
    return 0;
}
