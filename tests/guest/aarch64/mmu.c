/*
 * mmu.c - stage 1 translation with the 4K granule: 1 GiB tables, 2 MiB
 * blocks and 4 KiB pages, TTBR0 and TTBR1 ranges, top-byte-ignore, page
 * aliases, read-only and PXN pages, translation faults at each level,
 * access flag faults, AT S1E1R/W into PAR_EL1, remapping after TLBI (by
 * VA through tagged, TTBR1 and block mappings, local and IS forms), EL0
 * permissions, the implicit PXN of EL0-writable pages, the 64K granule,
 * and turning the MMU off again.
 */
#include "testlib.h"

#define MRS(reg) ({ u64 _v; __asm__ volatile("mrs %0, " reg : "=r"(_v)); _v; })
#define MSR(reg, v) __asm__ volatile("msr " reg ", %0\n\tisb" : : "r"((u64)(v)) : "memory")

#define D_VALID     1ul
#define D_TABLE     3ul
#define D_BLOCK     1ul
#define D_PAGE      3ul
#define D_ATTR(i)   ((u64)(i) << 2)
#define D_AP_RO     (2ul << 6)
#define D_AP_EL0    (1ul << 6)
#define D_SH_INNER  (3ul << 8)
#define D_AF        (1ul << 10)
#define D_PXN       (1ul << 53)
#define D_UXN       (1ul << 54)
#define NORMAL      (D_ATTR(1) | D_SH_INNER | D_AF)
#define DEVICE      (D_ATTR(0) | D_AF | D_PXN | D_UXN)

#define TEST_VA     0x40400000ul        /* the 2 MiB region mapped by pages */

static u64 l1[512] __attribute__((aligned(4096)));
static u64 l2_low[512] __attribute__((aligned(4096)));
static u64 l2_ram[512] __attribute__((aligned(4096)));
static u64 l3[512] __attribute__((aligned(4096)));

static void build_tables(void)
{
    l1[0] = (u64)l2_low | D_TABLE;
    l1[1] = (u64)l2_ram | D_TABLE;
    l2_low[0x09000000 >> 21] = 0x09000000ul | DEVICE | D_BLOCK;    /* PL011 */
    for (u64 i = 0; i < 512; i++) {
        l2_ram[i] = (0x40000000ul + (i << 21)) | NORMAL | D_BLOCK;
    }
    l2_ram[(TEST_VA >> 21) & 511] = (u64)l3 | D_TABLE;
    l3[0] = (TEST_VA + 0x0000) | NORMAL | D_PAGE;
    l3[1] = (TEST_VA + 0x2000) | NORMAL | D_PAGE;              /* alias */
    l3[2] = (TEST_VA + 0x2000) | NORMAL | D_PAGE;
    l3[3] = (TEST_VA + 0x3000) | NORMAL | D_AP_RO | D_PAGE;    /* read-only */
    /* l3[4]: invalid */
    l3[5] = (TEST_VA + 0x5000) | D_ATTR(1) | D_PAGE;           /* AF = 0 */
    l3[7] = (TEST_VA + 0x7000) | NORMAL | D_PXN | D_PAGE;      /* no exec */
    l3[8] = (TEST_VA + 0x8000) | NORMAL | D_PAGE;
    l3[6] = (TEST_VA + 0x6000) | NORMAL | D_AP_EL0 | D_PAGE;   /* EL0 RW */
}

/* 64K granule, T0SZ 25: level 2 (512 MiB blocks, 1024 entries), level 3. */
static u64 l2_64k[1024] __attribute__((aligned(65536)));
static u64 l3_64k[8192] __attribute__((aligned(65536)));

static void build_tables_64k(void)
{
    l2_64k[0] = 0x00000000ul | DEVICE | D_BLOCK;        /* 0-512M: PL011 */
    l2_64k[2] = 0x40000000ul | NORMAL | D_BLOCK;        /* RAM, the image */
    l2_64k[3] = (u64)l3_64k | D_TABLE;                  /* 0x60000000 */
    l3_64k[0] = TEST_VA | NORMAL | D_PAGE;              /* 64K page */
}

/*
 * 16K granule, T0SZ 25: level 1 (8 entries of 64 GiB), level 2 (2048
 * entries, 32 MiB blocks), level 3 (16K pages).
 */
static u64 l1_16k[8] __attribute__((aligned(16384)));
static u64 l2_16k[2048] __attribute__((aligned(16384)));
static u64 l3_16k[2048] __attribute__((aligned(16384)));

static void build_tables_16k(void)
{
    l1_16k[0] = (u64)l2_16k | D_TABLE;
    l2_16k[4] = 0x08000000ul | DEVICE | D_BLOCK;        /* 128-160M: PL011 */
    for (int i = 0; i < 4; i++) {                       /* RAM, 128 MiB */
        l2_16k[32 + i] = (0x40000000ul + ((u64)i << 25)) | NORMAL | D_BLOCK;
    }
    l2_16k[48] = (u64)l3_16k | D_TABLE;                 /* 0x60000000 */
    l3_16k[0] = TEST_VA | NORMAL | D_PAGE;              /* 16K page */
}

/* EL0 snippets: x0 = address; each ends with svc. */
extern char el0_load[], el0_store[];
__asm__(".text\n"
        "el0_load:\n\tldr x1, [x0]\n\tsvc #1\n"
        "el0_store:\n\tstr x0, [x0]\n\tsvc #2\n");

static u64 el1_resume;
static int el0_faults;
static u64 el0_esr, el0_far;

static void el0_hook(struct exc_frame *f)
{
    u64 esr;
    __asm__ volatile("mrs %0, esr_el1" : "=r"(esr));
    if ((esr >> 26) == 0x15) {
        f->elr = el1_resume;
        f->spsr = 0x3c5;
    } else {
        el0_faults++;
        el0_esr = esr;
        el0_far = last_exc.far;
        exc_expect(4);
    }
}

static void run_el0(char *entry, u64 x0)
{
    el0_faults = 0;
    el0_esr = 0;
    exc_hook = el0_hook;
    exc_expect(4);
    __asm__ volatile("adr x9, 1f\n\tstr x9, [%0]\n\tmov x0, %3\n\t"
                     "msr elr_el1, %1\n\tmsr spsr_el1, %2\n\teret\n1:"
                     : : "r"(&el1_resume), "r"(entry), "r"(0ul), "r"(x0)
                     : "x0", "x1", "x9", "x30", "memory");
    exc_hook = NULL;
}

static void mmu_on(void)
{
    u64 tcr = 25 | (1ul << 8) | (1ul << 10) | (3ul << 12) |       /* TTBR0 */
              (25ul << 16) | (1ul << 24) | (1ul << 26) | (3ul << 28) |
              (2ul << 30) |                                        /* TG1 4K */
              (5ul << 32) |                                        /* 48-bit PA */
              (1ul << 37);                                         /* TBI0 */
    MSR("mair_el1", 0xff00ul);
    MSR("tcr_el1", tcr);
    MSR("ttbr0_el1", (u64)l1);
    MSR("ttbr1_el1", (u64)l1);
    __asm__ volatile("dsb sy\n\ttlbi vmalle1\n\tdsb sy\n\tisb" ::: "memory");
    MSR("sctlr_el1", MRS("sctlr_el1") | 1 | (1ul << 2) | (1ul << 12));
}

static void expect_dabort(const char *name, u64 far, u64 dfsc, int wnr)
{
    char buf[96];
    tsnprintf(buf, sizeof(buf), "%s: one data abort", name);
    check(buf, last_exc.count == 1 && (last_exc.esr >> 26) == 0x25, 1);
    tsnprintf(buf, sizeof(buf), "%s: DFSC", name);
    check(buf, last_exc.esr & 0x3f, dfsc);
    tsnprintf(buf, sizeof(buf), "%s: FAR", name);
    check(buf, last_exc.far, far);
    if (wnr >= 0) {
        tsnprintf(buf, sizeof(buf), "%s: WnR", name);
        check(buf, (last_exc.esr >> 6) & 1, wnr);
    }
}

static u64 ld(u64 va)
{
    u64 v;
    __asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(va) : "memory");
    return v;
}

static void st(u64 va, u64 v)
{
    __asm__ volatile("str %0, [%1]" : : "r"(v), "r"(va) : "memory");
}

static u64 resume_lr;

static void resume_at_lr(struct exc_frame *f)
{
    f->elr = resume_lr;
}

int main(void)
{
    u64 v;

    test_set_prefix("mmu: ");
    build_tables();
    /* with the MMU off, write the data the mappings will show */
    *(volatile u64 *)(TEST_VA + 0x2000) = 0x2222222222222222ul;
    *(volatile u64 *)(TEST_VA + 0x3000) = 0x3333333333333333ul;
    *(volatile u64 *)(TEST_VA + 0x3040) = 0x3333333333333040ul;
    *(volatile u64 *)(TEST_VA + 0x8000) = 0x8888888888888888ul;
    mmu_on();
    check("MMU on: SCTLR_EL1.M", MRS("sctlr_el1") & 1, 1);

    check("read through a 4K page", ld(TEST_VA + 0x2000), 0x2222222222222222ul);
    check("alias page maps to another PA", ld(TEST_VA + 0x1000),
          0x2222222222222222ul);
    st(TEST_VA + 0x1000, 0xabcdul);
    check("write through the alias lands at the PA", ld(TEST_VA + 0x2000), 0xabcd);
    check("read-only page reads", ld(TEST_VA + 0x3000), 0x3333333333333333ul);
    check("2M block read", ld((u64)&l3[0]), l3[0]);
    check("TTBR1 range maps the same tables", ld(0xffffff8000000000ul +
                                                 TEST_VA + 0x2000), 0xabcd);
    check("top byte ignored (TBI0)", ld(0x5a00000000000000ul | (TEST_VA + 0x2000)),
          0xabcd);

    exc_expect(4);
    st(TEST_VA + 0x3000, 1);
    expect_dabort("write to a read-only page", TEST_VA + 0x3000, 0x0f, 1);
    check("read-only page unchanged", ld(TEST_VA + 0x3000), 0x3333333333333333ul);

    /* DC ZVA zeroes the aligned 64-byte block through the mapping, only it */
    for (u64 off = 0x100; off < 0x200; off += 8) {
        st(TEST_VA + 0x2000 + off, 0x5a5a000000000000ul | off);
    }
    __asm__ volatile("dc zva, %0" : : "r"(TEST_VA + 0x1000 + 0x148) : "memory");
    v = 0;
    for (u64 off = 0x140; off < 0x180; off += 8) {
        v |= ld(TEST_VA + 0x2000 + off);
    }
    check("dc zva through the alias zeroes the 64-byte block", v, 0);
    check("dc zva: the word before the block kept", ld(TEST_VA + 0x2138),
          0x5a5a000000000138ul);
    check("dc zva: the word after the block kept", ld(TEST_VA + 0x2180),
          0x5a5a000000000180ul);
    exc_expect(4);
    __asm__ volatile("dc zva, %0" : : "r"(TEST_VA + 0x3040) : "memory");
    expect_dabort("dc zva to a read-only page", TEST_VA + 0x3040, 0x0f, 1);
    check("dc zva: read-only page unchanged", ld(TEST_VA + 0x3040),
          0x3333333333333040ul);
    exc_expect(4);
    v = ld(TEST_VA + 0x4010);
    expect_dabort("invalid level 3 entry", TEST_VA + 0x4010, 0x07, 0);
    exc_expect(4);
    v = ld(TEST_VA + 0x5000);
    expect_dabort("access flag 0", TEST_VA + 0x5000, 0x0b, 0);
    exc_expect(4);
    v = ld(0x20000000ul);
    expect_dabort("invalid level 2 entry", 0x20000000ul, 0x06, 0);
    exc_expect(4);
    v = ld(0x80000000ul);
    expect_dabort("invalid level 1 entry", 0x80000000ul, 0x05, 0);
    exc_expect(4);
    v = ld(0x8000000000ul);
    expect_dabort("VA above the TTBR0 range", 0x8000000000ul, 0x04, 0);
    exc_expect(4);
    v = ld(0x00ff000040402000ul);
    expect_dabort("VA between the ranges", 0x00ff000040402000ul, 0x04, 0);

    /* PXN: executing from the page is a permission fault (instruction abort) */
    st(TEST_VA + 0x7000, 0xd65f03c0d65f03c0ul);        /* ret; ret */
    exc_hook = resume_at_lr;
    exc_expect(0);
    __asm__ volatile("adr x9, 1f\n\tstr x9, [%1]\n\tblr %0\n1:"
                     : : "r"(TEST_VA + 0x7000), "r"(&resume_lr)
                     : "x9", "x30", "memory");
    exc_hook = NULL;
    check("exec from a PXN page: instruction abort", last_exc.esr >> 26, 0x21);
    check("exec from a PXN page: IFSC permission L3", last_exc.esr & 0x3f, 0x0f);
    check("exec from a PXN page: FAR", last_exc.far, TEST_VA + 0x7000);
    check("exec from a PXN page: ELR", last_exc.elr, TEST_VA + 0x7000);

    /* AT */
    __asm__ volatile("at s1e1r, %0\n\tisb" : : "r"(TEST_VA + 0x1008));
    v = MRS("par_el1");
    check("AT S1E1R alias: F=0", v & 1, 0);
    check("AT S1E1R alias: PA", v & 0xfffffffff000ul, TEST_VA + 0x2000);
    check("AT S1E1R alias: ATTR from MAIR", v >> 56, 0xff);
    __asm__ volatile("at s1e1w, %0\n\tisb" : : "r"(TEST_VA + 0x3000));
    v = MRS("par_el1");
    check("AT S1E1W read-only: F=1", v & 1, 1);
    check("AT S1E1W read-only: FST permission L3", (v >> 1) & 0x3f, 0x0f);
    __asm__ volatile("at s1e1r, %0\n\tisb" : : "r"(TEST_VA + 0x4000));
    v = MRS("par_el1");
    check("AT S1E1R invalid: FST translation L3", (v >> 1) & 0x3f, 0x07);
    __asm__ volatile("at s1e0r, %0\n\tisb" : : "r"(TEST_VA));
    v = MRS("par_el1");
    check("AT S1E0R of an EL1-only page: permission fault", (v >> 1) & 0x3f, 0x0f);

    /* remap the alias and invalidate */
    l3[1] = (TEST_VA + 0x8000) | NORMAL | D_PAGE;
    __asm__ volatile("dsb ishst\n\ttlbi vae1is, %0\n\tdsb ish\n\tisb"
                     : : "r"((TEST_VA + 0x1000) >> 12) : "memory");
    check("after TLBI the alias shows the new page", ld(TEST_VA + 0x1000),
          0x8888888888888888ul);

    /*
     * TLBI by VA must reach every way the page was used: through a tagged
     * address (TBI0), through TTBR1, and any address inside a block
     * whatever address the TLBI names. Local (vae1) and IS forms.
     */
    {
        u64 tagged = 0x5a00000000000000ul | (TEST_VA + 0x1000);
        u64 hi = 0xffffff8000000000ul + TEST_VA + 0x1000;
        u64 blk = 0x46000000ul, other = 0x46200000ul;

        check("TTBR1 alias before remap", ld(hi), 0x8888888888888888ul);
        /* nothing between the tagged access and the TLBI may evict it */
        v = ld(tagged);
        l3[1] = (TEST_VA + 0x2000) | NORMAL | D_PAGE;
        __asm__ volatile("dsb ishst\n\ttlbi vale1is, %0\n\tdsb ish\n\tisb"
                         : : "r"((TEST_VA + 0x1000) >> 12) : "memory");
        check("tagged alias before remap", v, 0x8888888888888888ul);
        check("TLBI VALE1IS by the untagged VA: tagged access remapped",
              ld(tagged), 0xabcd);
        check("TLBI VALE1IS: untagged access remapped", ld(TEST_VA + 0x1000),
              0xabcd);
        l3[1] = (TEST_VA + 0x8000) | NORMAL | D_PAGE;
        __asm__ volatile("dsb ishst\n\ttlbi vaae1is, %0\n\tdsb ish\n\tisb"
                         : : "r"((hi >> 12) & ((1ul << 44) - 1)) : "memory");
        check("TLBI VAAE1IS by a TTBR1 VA: TTBR1 access remapped", ld(hi),
              0x8888888888888888ul);
        l3[1] = (TEST_VA + 0x2000) | NORMAL | D_PAGE;
        __asm__ volatile("dsb ishst\n\ttlbi vmalle1is\n\tdsb ish\n\tisb"
                         ::: "memory");
        v = ld(tagged);
        l3[1] = (TEST_VA + 0x8000) | NORMAL | D_PAGE;
        __asm__ volatile("dsb nshst\n\ttlbi vae1, %0\n\tdsb nsh\n\tisb"
                         : : "r"((TEST_VA + 0x1000) >> 12) : "memory");
        check("tagged access before the local TLBI", v, 0xabcd);
        check("TLBI VAE1 (local): tagged access remapped", ld(tagged),
              0x8888888888888888ul);
        check("TLBI VAE1 (local): untagged access remapped",
              ld(TEST_VA + 0x1000), 0x8888888888888888ul);

        /* a 2 MiB block, invalidated through its first page */
        *(volatile u64 *)(blk + 0x1000) = 0x1111;
        *(volatile u64 *)(other + 0x1000) = 0x2222;
        __asm__ volatile("dsb sy" ::: "memory");
        check("2M block before remap", ld(blk + 0x1000), 0x1111);
        l2_ram[(blk >> 21) & 511] = other | NORMAL | D_BLOCK;
        __asm__ volatile("dsb ishst\n\ttlbi vae1is, %0\n\tdsb ish\n\tisb"
                         : : "r"(blk >> 12) : "memory");
        check("TLBI VAE1IS of a block's first page: the block is remapped",
              ld(blk + 0x1000), 0x2222);
        l2_ram[(blk >> 21) & 511] = blk | NORMAL | D_BLOCK;
        __asm__ volatile("dsb ishst\n\ttlbi vae1is, %0\n\tdsb ish\n\tisb"
                         : : "r"((blk + 0x1ff000) >> 12) : "memory");
        check("TLBI VAE1IS of a block's last page: the block is remapped",
              ld(blk + 0x1000), 0x1111);
    }

    /* Normal memory with the MMU on: misaligned loads are allowed */
    exc_expect(4);
    __asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(TEST_VA + 0x8001) : "memory");
    check("misaligned load from Normal memory does not fault", last_exc.count, 0);
    check("misaligned load value", v, 0x0088888888888888ul);

    /* EL0: AP decides data access; execution of this image (AP=00, UXN=0) */
    run_el0(el0_load, TEST_VA + 0x6000);
    check("EL0 load from an AP=01 page", el0_faults, 0);
    run_el0(el0_store, TEST_VA + 0x6008);
    check("EL0 store to an AP=01 page", el0_faults, 0);
    check("EL0 store landed", ld(TEST_VA + 0x6008), TEST_VA + 0x6008);
    run_el0(el0_load, TEST_VA);
    check("EL0 load from an EL1-only page: data abort from EL0", el0_esr >> 26,
          0x24);
    check("EL0 load from an EL1-only page: permission L3", el0_esr & 0x3f, 0x0f);
    check("EL0 load from an EL1-only page: FAR", el0_far, TEST_VA);
    run_el0(el0_store, TEST_VA + 0x3000);
    check("EL0 store to an EL1 read-only page: permission L3", el0_esr & 0x3f,
          0x0f);

    /*
     * FEAT_E0PD (max): TCR_EL1.E0PD1 makes EL0 accesses to the TTBR1 half
     * level 0 translation faults, whatever the descriptors allow; EL1
     * accesses are not affected.
     */
    if ((MRS("id_aa64mmfr2_el1") >> 60) != 0) {
        u64 hi = 0xffffff8000000000ul + TEST_VA + 0x6000;
        run_el0(el0_load, hi);
        check("EL0 load from an AP=01 page through TTBR1", el0_faults, 0);
        MSR("tcr_el1", MRS("tcr_el1") | (1ul << 56));
        __asm__ volatile("isb" ::: "memory");
        run_el0(el0_load, hi);
        check("E0PD1: EL0 load through TTBR1: data abort from EL0",
              el0_esr >> 26, 0x24);
        check("E0PD1: EL0 load through TTBR1: translation fault L0",
              el0_esr & 0x3f, 0x04);
        check("E0PD1: EL0 load through TTBR1: FAR", el0_far, hi);
        check("E0PD1: EL1 load through TTBR1", ld(hi), ld(TEST_VA + 0x6000));
        run_el0(el0_load, TEST_VA + 0x6000);
        check("E0PD1: EL0 load through TTBR0 unaffected", el0_faults, 0);
        MSR("tcr_el1", MRS("tcr_el1") & ~(1ul << 56));
        __asm__ volatile("isb" ::: "memory");
    }

    /* EL1 may not execute what EL0 may write */
    st(TEST_VA + 0x6000, 0xd65f03c0d65f03c0ul);
    exc_hook = resume_at_lr;
    exc_expect(0);
    __asm__ volatile("adr x9, 1f\n\tstr x9, [%1]\n\tblr %0\n1:"
                     : : "r"(TEST_VA + 0x6000), "r"(&resume_lr)
                     : "x9", "x30", "memory");
    exc_hook = NULL;
    check("EL1 exec from an EL0-writable page: instruction abort",
          last_exc.esr >> 26, 0x21);
    check("EL1 exec from an EL0-writable page: permission L3",
          last_exc.esr & 0x3f, 0x0f);

    /* 64K granule */
    /*
     * 64K granule. The switch is made with the MMU off: changing the
     * tables under the running code would let either the old (cached) or
     * the new translations be used, which the architecture leaves open.
     */
    build_tables_64k();
    MSR("sctlr_el1", MRS("sctlr_el1") & ~1ul);
    MSR("ttbr0_el1", (u64)l2_64k);
    MSR("tcr_el1", (MRS("tcr_el1") & ~(3ul << 14)) | (1ul << 14));   /* TG0 64K */
    __asm__ volatile("dsb sy\n\ttlbi vmalle1\n\tdsb sy\n\tisb" ::: "memory");
    MSR("sctlr_el1", MRS("sctlr_el1") | 1);
    check("64K granule: page read", ld(0x60002000ul), 0xabcd);
    check("64K granule: 512M block read", ld(TEST_VA + 0x8000),
          0x8888888888888888ul);
    exc_expect(4);
    v = ld(0x60010000ul);
    expect_dabort("64K granule: invalid level 3 entry", 0x60010000ul, 0x07, 0);
    exc_expect(4);
    v = ld(0x20000000ul);
    expect_dabort("64K granule: invalid level 2 entry", 0x20000000ul, 0x06, 0);

    /* 16K granule (ID_AA64MMFR0.TGran16 says it is there) */
    check("ID_AA64MMFR0.TGran16 is 1: 16K granule (QEMU max says 2: with FEAT_LPA2)",
          (MRS("id_aa64mmfr0_el1") >> 20) & 0xf, 1);
    build_tables_16k();
    MSR("sctlr_el1", MRS("sctlr_el1") & ~1ul);
    MSR("ttbr0_el1", (u64)l1_16k);
    MSR("tcr_el1", (MRS("tcr_el1") & ~(3ul << 14)) | (2ul << 14));   /* TG0 16K */
    __asm__ volatile("dsb sy\n\ttlbi vmalle1\n\tdsb sy\n\tisb" ::: "memory");
    MSR("sctlr_el1", MRS("sctlr_el1") | 1);
    check("16K granule: page read", ld(0x60002000ul), 0xabcd);
    check("16K granule: 32M block read", ld(TEST_VA + 0x8000),
          0x8888888888888888ul);
    exc_expect(4);
    v = ld(0x60004000ul);
    expect_dabort("16K granule: invalid level 3 entry", 0x60004000ul, 0x07, 0);
    exc_expect(4);
    v = ld(0x20000000ul);
    expect_dabort("16K granule: invalid level 2 entry", 0x20000000ul, 0x06, 0);

    MSR("sctlr_el1", MRS("sctlr_el1") & ~1ul);
    check("MMU off again: flat", ld(TEST_VA + 0x1000), 0);
    check("MMU off again: PA 0x...2000", ld(TEST_VA + 0x2000), 0xabcd);
    (void)v;
    return 0;
}
