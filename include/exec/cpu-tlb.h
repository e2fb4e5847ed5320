/*
 * cpu-tlb.h - layout of the softmmu TLB, shared by the generated fast path
 * (tcg/ backends read it) and softmmu/cputlb.c (which fills and flushes it).
 *
 * The fast path is: index = (addr >> TARGET_PAGE_BITS) & (n_entries - 1);
 * compare the page tag of the access (addr & TARGET_PAGE_MASK, plus any
 * alignment bits the access requires) with the entry's comparator for the
 * access type; equal means host = addr + addend. Every exceptional condition
 * (MMIO, code page, watchpoint, discard-write, invalid, forced-slow) is a flag
 * bit in the low bits of the comparator, so the compare fails and the access
 * takes the one slow path in cputlb.c. Not for: the slow path API (see
 * exec/cpu_ldst.h) or flushing (exec/exec-all.h).
 */
#ifndef EXEC_CPU_TLB_H
#define EXEC_CPU_TLB_H

#include "util/osdep.h"

/* One page size for every guest: targets with larger pages use several entries. */
#define TARGET_PAGE_BITS   12
#define TARGET_PAGE_SIZE   (1ULL << TARGET_PAGE_BITS)
#define TARGET_PAGE_MASK   ((vaddr)-1 << TARGET_PAGE_BITS)
#define TARGET_PAGE_ALIGN(a) ROUND_UP((vaddr)(a), TARGET_PAGE_SIZE)

/* Upper bound on MMU indexes of any target (TCGCPUOps.nb_mmu_modes <= this). */
#define NB_MMU_MODES       16

/*
 * Flags in the low bits of addr_read/addr_write/addr_code. They sit just
 * below the page bits, so an access that checks N alignment bits in the fast
 * path (N <= TLB_FLAGS_LOW_BIT) still fails the compare on any flag. Backends
 * must not fold more than TLB_FLAGS_LOW_BIT alignment bits into the compare.
 */
#define TLB_INVALID_MASK   (1u << (TARGET_PAGE_BITS - 1))  /* no mapping */
#define TLB_NOTDIRTY       (1u << (TARGET_PAGE_BITS - 2))  /* page holds TBs */
#define TLB_MMIO           (1u << (TARGET_PAGE_BITS - 3))  /* io/ram_device/sub-page */
#define TLB_WATCHPOINT     (1u << (TARGET_PAGE_BITS - 4))
#define TLB_BSWAP          (1u << (TARGET_PAGE_BITS - 5))  /* reserved, unused yet */
#define TLB_DISCARD_WRITE  (1u << (TARGET_PAGE_BITS - 6))  /* ROM: writes ignored */
#define TLB_FORCE_SLOW     (1u << (TARGET_PAGE_BITS - 7))  /* always slow (tlb=off) */
#define TLB_FLAGS_LOW_BIT  (TARGET_PAGE_BITS - 7)
#define TLB_FLAGS_MASK     (TLB_INVALID_MASK | TLB_NOTDIRTY | TLB_MMIO | \
                            TLB_WATCHPOINT | TLB_BSWAP | TLB_DISCARD_WRITE | \
                            TLB_FORCE_SLOW)

/*
 * One TLB entry: 32 bytes, so an index shifts by CPU_TLB_ENTRY_BITS.
 * Do not reorder: backends load the comparators at offsetof(). A comparator
 * of -1 is an invalid entry (TLB_INVALID_MASK set, never matches).
 */
typedef struct CPUTLBEntry {
    uint64_t addr_read;
    uint64_t addr_write;
    uint64_t addr_code;
    uintptr_t addend;       /* host address = guest vaddr + addend (RAM only) */
} CPUTLBEntry;

#define CPU_TLB_ENTRY_BITS 5
BUILD_BUG_ON(sizeof(CPUTLBEntry) != (1 << CPU_TLB_ENTRY_BITS));

/*
 * The part of one MMU index's TLB that generated code reads. mask is
 * (n_entries - 1) << CPU_TLB_ENTRY_BITS, so
 *     entry = (CPUTLBEntry *)((char *)table + ((addr >> (TARGET_PAGE_BITS -
 *             CPU_TLB_ENTRY_BITS)) & mask));
 */
typedef struct CPUTLBDescFast {
    uintptr_t mask;
    CPUTLBEntry *table;
} CPUTLBDescFast;

/* Per-size dynamic TLB bounds (entries per MMU index; powers of two). */
#define CPU_TLB_DYN_MIN_BITS     6
#define CPU_TLB_DYN_DEFAULT_BITS 8
#define CPU_TLB_DYN_MAX_BITS     16

/* Victim TLB: a few recently evicted entries per MMU index. */
#define CPU_VTLB_SIZE 8

/*
 * Everything generated code reaches at a negative offset from env: the
 * fast TLB of each MMU index and the exit-request word checked at TB entry.
 * An ArchCPU places this immediately before its env (see hw/core/cpu.h).
 */
typedef struct CPUNegativeOffsetState {
    struct {
        CPUTLBDescFast f[NB_MMU_MODES];
    } tlb;
    /*
     * Loaded as a 32-bit word at the start of every TB; negative means
     * "leave to the exec loop" (cpu_exit sets u16.high to -1). Named after
     * QEMU's icount_decr; we keep no instruction counter in u16.low.
     */
    union {
        uint32_t u32;
        struct {
            uint16_t low;
            uint16_t high;
        } u16;
    } icount_decr;
    uint32_t can_do_io;     /* reserved (icount) */
    uint64_t pad;
} __attribute__((aligned(16))) CPUNegativeOffsetState;

/*
 * Offsets from env of the fields above, for target-independent tcg/ code.
 * They hold because every ArchCPU asserts (CPU_ARCH_LAYOUT_CHECK) that env
 * directly follows its CPUNegativeOffsetState.
 */
#define TLB_MASK_TABLE_OFS(idx) \
    (-(int)sizeof(CPUNegativeOffsetState) + \
     (int)offsetof(CPUNegativeOffsetState, tlb.f[idx]))
#define CPU_NEG_ICOUNT_DECR_OFS \
    (-(int)sizeof(CPUNegativeOffsetState) + \
     (int)offsetof(CPUNegativeOffsetState, icount_decr.u32))
/* Alias under the name the design notes use for the exit-request word. */
#define CPU_NEG_EXIT_REQUEST_OFS CPU_NEG_ICOUNT_DECR_OFS

#endif
