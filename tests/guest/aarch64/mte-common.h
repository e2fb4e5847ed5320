/*
 * mte-common.h - what the MTE guest tests (mte.c, mte-check.c) share: an
 * identity map with a 2 MiB Tagged Normal region (4K pages, MAIR attr
 * 0xF0, EL0 RW) and an untagged Normal one, SCTLR_EL1's MTE fields, and
 * STG/LDG wrappers. Static functions: each image includes it once.
 */
#ifndef MTE_COMMON_H
#define MTE_COMMON_H

#include "testlib.h"

#define MRS(reg) ({ u64 _v; __asm__ volatile("mrs %0, " reg : "=r"(_v)); _v; })
#define MSR(reg, v) __asm__ volatile("msr " reg ", %0\n\tisb" : : "r"((u64)(v)) : "memory")
#define MT ".arch armv8.5-a+memtag\n\t"

#define GCR_EL1     "s3_0_c1_c0_6"
#define RGSR_EL1    "s3_0_c1_c0_5"
#define TFSR_EL1    "s3_0_c5_c6_0"
#define TFSRE0_EL1  "s3_0_c5_c6_1"
#define GMID_EL1    "s3_1_c0_c0_4"
#define TCO_REG     "s3_3_c4_c2_7"

#define D_TABLE     3ul
#define D_BLOCK     1ul
#define D_ATTR(i)   ((u64)(i) << 2)
#define D_AP_EL0    (1ul << 6)
#define D_SH_INNER  (3ul << 8)
#define D_AF        (1ul << 10)
#define D_PXN       (1ul << 53)
#define D_UXN       (1ul << 54)

#define TAGGED      0x40400000ul    /* 2 MiB, MAIR attr 0xF0, EL0 RW */
#define UNTAGGED    0x40600000ul    /* 2 MiB, MAIR attr 0xFF */

#define SCTLR_ATA   (1ul << 43)
#define SCTLR_ATA0  (1ul << 42)
#define TCR_TCMA0   (1ul << 57)

static u64 l1[512] __attribute__((aligned(4096)));
static u64 l2_low[512] __attribute__((aligned(4096)));
static u64 l2_ram[512] __attribute__((aligned(4096)));
static u64 l3_tagged[512] __attribute__((aligned(4096)));

static inline void mmu_on(void)
{
    u64 tcr = 25 | (1ul << 8) | (1ul << 10) | (3ul << 12) |
              (25ul << 16) | (1ul << 23) | (2ul << 30) | (5ul << 32) |
              (1ul << 37);                                  /* TBI0 */

    l1[0] = (u64)l2_low | D_TABLE;
    l1[1] = (u64)l2_ram | D_TABLE;
    l2_low[0x09000000 >> 21] = 0x09000000ul | D_ATTR(0) | D_AF | D_BLOCK |
                               D_PXN | D_UXN;
    for (u64 i = 0; i < 512; i++) {
        l2_ram[i] = (0x40000000ul + (i << 21)) | D_ATTR(1) | D_SH_INNER |
                    D_AF | D_BLOCK;
    }
    /* The tagged region in 4K pages (3 = page descriptor). */
    for (u64 i = 0; i < 512; i++) {
        l3_tagged[i] = (TAGGED + (i << 12)) | D_ATTR(2) | D_SH_INNER | D_AF |
                       D_AP_EL0 | 3 | D_PXN | D_UXN;
    }
    l2_ram[(TAGGED >> 21) & 511] = (u64)l3_tagged | D_TABLE;
    MSR("mair_el1", 0xf0ff00ul);        /* 0 Device, 1 Normal, 2 Tagged */
    MSR("tcr_el1", tcr);
    MSR("ttbr0_el1", (u64)l1);
    __asm__ volatile("dsb sy\n\ttlbi vmalle1\n\tdsb sy\n\tisb" ::: "memory");
    MSR("sctlr_el1", MRS("sctlr_el1") | 1 | (1ul << 2) | (1ul << 12));
}

static inline u64 tagp(u64 a, u64 t)
{
    return (a & ~(0xful << 56)) | (t << 56);
}

/* SCTLR_EL1: ATA/ATA0 and TCF (EL1) / TCF0 (EL0); TFSR cleared. */
static inline void mte_mode(int ata, int ata0, u64 tcf, u64 tcf0)
{
    u64 s = MRS("sctlr_el1") & ~(SCTLR_ATA | SCTLR_ATA0 | (0xful << 38));

    s |= (ata ? SCTLR_ATA : 0) | (ata0 ? SCTLR_ATA0 : 0) | (tcf << 40) |
         (tcf0 << 38);
    MSR("sctlr_el1", s);
    MSR(TFSR_EL1, 0);
    MSR(TFSRE0_EL1, 0);
}

static inline void stg(u64 p)
{
    __asm__ volatile(MT "stg %0, [%0]" : : "r"(p) : "memory");
}

static inline u64 ldg(u64 p)
{
    u64 v = 0x1234;
    __asm__ volatile(MT "ldg %0, [%1]" : "+r"(v) : "r"(p) : "memory");
    return v;
}

static inline unsigned tag_of(u64 p)
{
    return (ldg(p) >> 56) & 0xf;
}

#endif
