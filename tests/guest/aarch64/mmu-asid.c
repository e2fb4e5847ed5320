/*
 * mmu-asid.c - ASID-tagged translations (4K granule). Two sets of tables
 * map TEST_VA to different pages with non-global (nG) entries; the checks
 * fail if a TLB entry of another ASID is used after a TTBR0 switch, if
 * TCR_EL1.A1 (ASID from TTBR1) or TCR_EL1.AS (8-bit ASIDs ignore the top
 * byte) is not honoured, or if a TLBI by ASID, by VA with an ASID, by VA
 * of all ASIDs or VMALLE1 misses entries kept for an ASID that is not the
 * current one. Nothing here relies on an entry being kept: the
 * architecture lets a TLB drop entries at any time. Also DC ZVA through
 * a page mapping (the helper zeroes RAM blocks in one go).
 */
#include "testlib.h"

#define MRS(reg) ({ u64 _v; __asm__ volatile("mrs %0, " reg : "=r"(_v)); _v; })
#define MSR(reg, v) __asm__ volatile("msr " reg ", %0\n\tisb" : : "r"((u64)(v)) : "memory")
#define TLBI(op, v) __asm__ volatile("dsb ishst\n\ttlbi " op ", %0\n\tdsb ish\n\tisb" \
                                     : : "r"((u64)(v)) : "memory")

#define D_TABLE     3ul
#define D_BLOCK     1ul
#define D_PAGE      3ul
#define D_SH_INNER  (3ul << 8)
#define D_AF        (1ul << 10)
#define D_NG        (1ul << 11)
#define NORMAL      ((1ul << 2) | D_SH_INNER | D_AF)
#define DEVICE      (D_AF | (1ul << 53) | (1ul << 54))

#define TEST_VA     0x40400000ul        /* 2 MiB region mapped by pages */
#define GLOBAL_VA   (TEST_VA + 0x1000)  /* a global page in both sets */
#define PA(n)       (TEST_VA + 0x10000 + ((u64)(n) << 12))
#define ASID(n)     ((u64)(n) << 48)

/* Table set s (0 = "A", 1 = "B"): l1 -> l2 (2 MiB blocks) -> l3 at TEST_VA. */
static u64 l1[2][512] __attribute__((aligned(4096)));
static u64 l2[2][512] __attribute__((aligned(4096)));
static u64 l2_low[512] __attribute__((aligned(4096)));
static u64 l3[2][512] __attribute__((aligned(4096)));

static void build(int s, int test_page)
{
    l1[s][0] = (u64)l2_low | D_TABLE;
    l1[s][1] = (u64)l2[s] | D_TABLE;
    for (u64 i = 0; i < 512; i++) {
        l2[s][i] = (0x40000000ul + (i << 21)) | NORMAL | D_BLOCK;
    }
    l2[s][(TEST_VA >> 21) & 511] = (u64)l3[s] | D_TABLE;
    for (u64 i = 16; i < 512; i++) {           /* identity for the rest */
        l3[s][i] = (TEST_VA + (i << 12)) | NORMAL | D_PAGE;
    }
    l3[s][0] = PA(test_page) | NORMAL | D_NG | D_PAGE;
    l3[s][1] = PA(9) | NORMAL | D_PAGE;        /* global */
}

/* Point TEST_VA of table set @s at page @n (global or not). */
static void remap(int s, int n, int global)
{
    l3[s][0] = PA(n) | NORMAL | (global ? 0 : D_NG) | D_PAGE;
    __asm__ volatile("dsb ishst" ::: "memory");
}

static u64 ld(u64 va)
{
    u64 v;
    __asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(va) : "memory");
    return v;
}

static void use(int s, u64 asid)
{
    MSR("ttbr0_el1", (u64)l1[s] | asid);
}

int main(void)
{
    u64 tcr = 25 | (1ul << 8) | (1ul << 10) | (3ul << 12) |       /* T0 */
              (1ul << 23) |                                        /* EPD1 */
              (2ul << 30) | (5ul << 32) | (1ul << 36);             /* AS 16 */

    test_set_prefix("mmu-asid: ");
    l2_low[0x09000000 >> 21] = 0x09000000ul | DEVICE | D_BLOCK;    /* PL011 */
    build(0, 1);
    build(1, 2);
    for (int n = 1; n < 8; n++) {
        *(volatile u64 *)PA(n) = 0x1111111111111111ul * n;
    }
    *(volatile u64 *)PA(9) = 0x9999999999999999ul;
    MSR("mair_el1", 0xff00ul);
    MSR("tcr_el1", tcr);
    use(0, ASID(1));
    __asm__ volatile("dsb sy\n\ttlbi vmalle1\n\tdsb sy\n\tisb" ::: "memory");
    MSR("sctlr_el1", MRS("sctlr_el1") | 1 | (1ul << 2) | (1ul << 12));

    check("ASID 1, tables A", ld(TEST_VA), 0x1111111111111111ul);
    use(1, ASID(2));
    check("ASID 2, tables B: no entry of ASID 1 used", ld(TEST_VA),
          0x2222222222222222ul);
    use(0, ASID(1));
    check("back to ASID 1", ld(TEST_VA), 0x1111111111111111ul);
    use(1, ASID(2));
    check("back to ASID 2", ld(TEST_VA), 0x2222222222222222ul);

    /* TLBI by ASID of an ASID that is not the current one. */
    remap(0, 3, 0);
    TLBI("aside1is", ASID(1));
    use(0, ASID(1));
    check("TLBI ASIDE1IS of another ASID reaches its entries", ld(TEST_VA),
          0x3333333333333333ul);
    use(1, ASID(2));
    check("ASID 2 still right", ld(TEST_VA), 0x2222222222222222ul);
    remap(0, 4, 0);
    TLBI("aside1", ASID(1));
    use(0, ASID(1));
    check("TLBI ASIDE1 (local) of another ASID", ld(TEST_VA),
          0x4444444444444444ul);

    /* TLBI of the current ASID. */
    remap(0, 5, 0);
    TLBI("aside1is", ASID(1));
    check("TLBI ASIDE1IS of the current ASID", ld(TEST_VA),
          0x5555555555555555ul);

    /* By VA with an ASID, by VA of all ASIDs, everything: from ASID 2. */
    use(1, ASID(2));
    ld(TEST_VA);
    remap(0, 6, 0);
    TLBI("vae1is", ASID(1) | (TEST_VA >> 12));
    use(0, ASID(1));
    check("TLBI VAE1IS with another ASID", ld(TEST_VA), 0x6666666666666666ul);
    use(1, ASID(2));
    remap(0, 7, 0);
    TLBI("vale1", ASID(1) | (TEST_VA >> 12));
    use(0, ASID(1));
    check("TLBI VALE1 with another ASID", ld(TEST_VA), 0x7777777777777777ul);
    use(1, ASID(2));
    remap(0, 1, 0);
    TLBI("vaae1is", TEST_VA >> 12);
    use(0, ASID(1));
    check("TLBI VAAE1IS reaches another ASID", ld(TEST_VA),
          0x1111111111111111ul);
    use(1, ASID(2));
    remap(0, 2, 0);
    __asm__ volatile("dsb ishst\n\ttlbi vmalle1is\n\tdsb ish\n\tisb" ::: "memory");
    use(0, ASID(1));
    check("TLBI VMALLE1IS reaches another ASID", ld(TEST_VA),
          0x2222222222222222ul);

    /*
     * A global page seen under ASIDs 1 and 2, remapped, then TLBI VAE1
     * naming ASID 2: global entries match whatever the ASID.
     */
    check("global page under ASID 1", ld(GLOBAL_VA), 0x9999999999999999ul);
    use(0, ASID(2));
    check("global page under ASID 2", ld(GLOBAL_VA), 0x9999999999999999ul);
    l3[0][1] = PA(3) | NORMAL | D_PAGE;
    TLBI("vae1is", ASID(2) | (GLOBAL_VA >> 12));
    use(0, ASID(1));
    check("TLBI VAE1IS (ASID 2) drops the global entry of every ASID",
          ld(GLOBAL_VA), 0x3333333333333333ul);

    /* TCR_EL1.AS = 0: 8-bit ASIDs, TTBR0.ASID[15:8] and Xt[63:56] ignored. */
    MSR("tcr_el1", tcr & ~(1ul << 36));
    use(0, ASID(0x0105));
    remap(0, 4, 0);
    __asm__ volatile("dsb sy\n\ttlbi vmalle1\n\tdsb sy\n\tisb" ::: "memory");
    check("8-bit ASID 0x05", ld(TEST_VA), 0x4444444444444444ul);
    remap(0, 5, 0);
    TLBI("aside1is", ASID(0x0205));
    check("8-bit ASIDs: TLBI ASIDE1 ignores the top byte", ld(TEST_VA),
          0x5555555555555555ul);
    use(1, ASID(0x0105));
    ld(TEST_VA);
    use(0, ASID(0x0305));
    remap(0, 6, 0);
    TLBI("vae1is", ASID(0x0405) | (TEST_VA >> 12));
    check("8-bit ASIDs: TLBI VAE1 ignores the top byte", ld(TEST_VA),
          0x6666666666666666ul);

    /*
     * TCR_EL1.A1 = 1: the ASID comes from TTBR1. Changing TTBR1's ASID
     * switches ASID; with TTBR0 now pointing at other tables, an entry of
     * the old ASID must not be used.
     */
    MSR("tcr_el1", tcr | (1ul << 22));
    MSR("ttbr1_el1", ASID(7));
    use(0, ASID(9));
    __asm__ volatile("dsb sy\n\ttlbi vmalle1\n\tdsb sy\n\tisb" ::: "memory");
    check("A1: ASID 7 from TTBR1, tables A", ld(TEST_VA), 0x6666666666666666ul);
    use(1, ASID(9));
    MSR("ttbr1_el1", ASID(8));
    check("A1: ASID 8 from TTBR1, tables B", ld(TEST_VA), 0x2222222222222222ul);
    MSR("ttbr1_el1", ASID(7));
    use(0, ASID(10));
    remap(0, 3, 0);
    TLBI("aside1is", ASID(7));
    check("A1: TLBI ASIDE1 of TTBR1's ASID", ld(TEST_VA), 0x3333333333333333ul);

    /* DC ZVA through a page: the aligned 64-byte block, nothing else. */
    for (int i = 0; i < 32; i++) {
        *(volatile u64 *)(TEST_VA + 0x30 + i * 8) = 0x5a5a5a5a5a5a5a5aul + i;
    }
    __asm__ volatile("dc zva, %0" : : "r"(TEST_VA + 0x48) : "memory");
    {
        int zero = 0, kept = 0;
        for (int i = 0; i < 32; i++) {
            u64 a = TEST_VA + 0x30 + i * 8;
            u64 v = ld(a);
            if (a >= TEST_VA + 0x40 && a < TEST_VA + 0x80) {
                zero += v == 0;
            } else {
                kept += v == 0x5a5a5a5a5a5a5a5aul + i;
            }
        }
        check("DC ZVA zeroes its 64-byte block (8 words)", zero, 8);
        check("DC ZVA leaves the words around it (24)", kept, 24);
    }

    MSR("sctlr_el1", MRS("sctlr_el1") & ~1ul);
    check("MMU off again: flat", ld(PA(3)), 0x3333333333333333ul);
    return 0;
}
