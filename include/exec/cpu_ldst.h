/*
 * cpu_ldst.h - guest virtual memory loads and stores through the softmmu
 * TLB, for target helpers (C code) and for the slow path of generated code.
 *
 * Naming grammar (grep-able; see docs/devel/execution.md):
 *     cpu_{ld,st}{ub,sb,uw,sw,l,q}[_{le,be}]_{data,code}[_ra]  (mmu idx from the CPU)
 *     cpu_{ld,st}{ub,sb,uw,sw,l,q}[_{le,be}]_mmuidx_ra          (explicit mmu idx)
 *     cpu_{ld,st}{b,w,l,q}_mmu(env, addr, oi, ra)               (explicit MemOpIdx)
 *     helper_{ld,st}*_mmu                                        (called by tcg code)
 * Plain uw/l/q use the target's default data endianness
 * (TCGCPUOps.big_endian). _ra variants take the host return address of the
 * helper (GETPC()) so a fault restores the guest state exactly; without _ra
 * the caller must have synchronized env. A fault longjmps to the exec loop.
 *
 *     uint32_t v = cpu_ldl_data_ra(env, addr, GETPC());
 */
#ifndef EXEC_CPU_LDST_H
#define EXEC_CPU_LDST_H

#include "util/osdep.h"
#include "exec/memop.h"
#include "hw/core/cpu.h"

/*
 * A MemOp and an MMU index in one word: what generated code passes to the
 * slow path (QEMU's MemOpIdx).
 */
#ifndef TCG_MEMOPIDX_DEFINED
#define TCG_MEMOPIDX_DEFINED   /* same guard as include/tcg/tcg.h */
typedef uint32_t MemOpIdx;

static inline MemOpIdx make_memop_idx(MemOp op, unsigned idx)
{
    return ((unsigned)op << 4) | idx;
}

static inline MemOp get_memop(MemOpIdx oi)
{
    return (MemOp)(oi >> 4);
}

static inline unsigned get_mmuidx(MemOpIdx oi)
{
    return oi & 15;
}
#endif

/*
 * Slow paths of generated loads and stores. The MemOp in @oi gives size,
 * endianness (relative to the host: MO_BSWAP set means swap) and alignment;
 * loads return the value zero- (or, for ldsb/sw/sl, sign-) extended to 64
 * bits; stores use the low bits of @val. @retaddr is the host address in
 * the TB just after the call (for unwinding on a fault).
 */
uint64_t helper_ldub_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi,
                         uintptr_t retaddr);
uint64_t helper_lduw_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi,
                         uintptr_t retaddr);
uint64_t helper_ldul_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi,
                         uintptr_t retaddr);
uint64_t helper_ldq_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi,
                        uintptr_t retaddr);
uint64_t helper_ldsb_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi,
                         uintptr_t retaddr);
uint64_t helper_ldsw_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi,
                         uintptr_t retaddr);
uint64_t helper_ldsl_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi,
                         uintptr_t retaddr);
void helper_stb_mmu(CPUArchState *env, uint64_t addr, uint32_t val,
                    MemOpIdx oi, uintptr_t retaddr);
void helper_stw_mmu(CPUArchState *env, uint64_t addr, uint32_t val,
                    MemOpIdx oi, uintptr_t retaddr);
void helper_stl_mmu(CPUArchState *env, uint64_t addr, uint32_t val,
                    MemOpIdx oi, uintptr_t retaddr);
void helper_stq_mmu(CPUArchState *env, uint64_t addr, uint64_t val,
                    MemOpIdx oi, uintptr_t retaddr);

/* Explicit MemOpIdx (size in the MemOp must match the function). */
uint8_t cpu_ldb_mmu(CPUArchState *env, vaddr addr, MemOpIdx oi, uintptr_t ra);
uint16_t cpu_ldw_mmu(CPUArchState *env, vaddr addr, MemOpIdx oi, uintptr_t ra);
uint32_t cpu_ldl_mmu(CPUArchState *env, vaddr addr, MemOpIdx oi, uintptr_t ra);
uint64_t cpu_ldq_mmu(CPUArchState *env, vaddr addr, MemOpIdx oi, uintptr_t ra);
void cpu_stb_mmu(CPUArchState *env, vaddr addr, uint8_t val, MemOpIdx oi,
                 uintptr_t ra);
void cpu_stw_mmu(CPUArchState *env, vaddr addr, uint16_t val, MemOpIdx oi,
                 uintptr_t ra);
void cpu_stl_mmu(CPUArchState *env, vaddr addr, uint32_t val, MemOpIdx oi,
                 uintptr_t ra);
void cpu_stq_mmu(CPUArchState *env, vaddr addr, uint64_t val, MemOpIdx oi,
                 uintptr_t ra);

/* Explicit MMU index. */
uint32_t cpu_ldub_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx, uintptr_t ra);
int cpu_ldsb_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx, uintptr_t ra);
uint32_t cpu_lduw_le_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx, uintptr_t ra);
uint32_t cpu_lduw_be_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx, uintptr_t ra);
int cpu_ldsw_le_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx, uintptr_t ra);
int cpu_ldsw_be_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx, uintptr_t ra);
uint32_t cpu_ldl_le_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx, uintptr_t ra);
uint32_t cpu_ldl_be_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx, uintptr_t ra);
uint64_t cpu_ldq_le_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx, uintptr_t ra);
uint64_t cpu_ldq_be_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx, uintptr_t ra);
void cpu_stb_mmuidx_ra(CPUArchState *env, vaddr addr, uint32_t val, int mmu_idx,
                       uintptr_t ra);
void cpu_stw_le_mmuidx_ra(CPUArchState *env, vaddr addr, uint32_t val, int mmu_idx,
                          uintptr_t ra);
void cpu_stw_be_mmuidx_ra(CPUArchState *env, vaddr addr, uint32_t val, int mmu_idx,
                          uintptr_t ra);
void cpu_stl_le_mmuidx_ra(CPUArchState *env, vaddr addr, uint32_t val, int mmu_idx,
                          uintptr_t ra);
void cpu_stl_be_mmuidx_ra(CPUArchState *env, vaddr addr, uint32_t val, int mmu_idx,
                          uintptr_t ra);
void cpu_stq_le_mmuidx_ra(CPUArchState *env, vaddr addr, uint64_t val, int mmu_idx,
                          uintptr_t ra);
void cpu_stq_be_mmuidx_ra(CPUArchState *env, vaddr addr, uint64_t val, int mmu_idx,
                          uintptr_t ra);

/* MMU index of the current data accesses (TCGCPUOps.mmu_index). */
int cpu_mmu_index(CPUArchState *env, bool ifetch);

/* Data accesses with the current MMU index. */
uint32_t cpu_ldub_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra);
int cpu_ldsb_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra);
uint32_t cpu_lduw_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra);
int cpu_ldsw_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra);
uint32_t cpu_ldl_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra);
uint64_t cpu_ldq_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra);
uint32_t cpu_lduw_le_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra);
uint32_t cpu_lduw_be_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra);
uint32_t cpu_ldl_le_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra);
uint32_t cpu_ldl_be_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra);
uint64_t cpu_ldq_le_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra);
uint64_t cpu_ldq_be_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra);
void cpu_stb_data_ra(CPUArchState *env, vaddr addr, uint32_t val, uintptr_t ra);
void cpu_stw_data_ra(CPUArchState *env, vaddr addr, uint32_t val, uintptr_t ra);
void cpu_stl_data_ra(CPUArchState *env, vaddr addr, uint32_t val, uintptr_t ra);
void cpu_stq_data_ra(CPUArchState *env, vaddr addr, uint64_t val, uintptr_t ra);
void cpu_stw_le_data_ra(CPUArchState *env, vaddr addr, uint32_t val, uintptr_t ra);
void cpu_stw_be_data_ra(CPUArchState *env, vaddr addr, uint32_t val, uintptr_t ra);
void cpu_stl_le_data_ra(CPUArchState *env, vaddr addr, uint32_t val, uintptr_t ra);
void cpu_stl_be_data_ra(CPUArchState *env, vaddr addr, uint32_t val, uintptr_t ra);
void cpu_stq_le_data_ra(CPUArchState *env, vaddr addr, uint64_t val, uintptr_t ra);
void cpu_stq_be_data_ra(CPUArchState *env, vaddr addr, uint64_t val, uintptr_t ra);

/* Without _ra: env must be in sync (callers outside generated code). */
uint32_t cpu_ldub_data(CPUArchState *env, vaddr addr);
uint32_t cpu_lduw_data(CPUArchState *env, vaddr addr);
uint32_t cpu_ldl_data(CPUArchState *env, vaddr addr);
uint64_t cpu_ldq_data(CPUArchState *env, vaddr addr);
void cpu_stb_data(CPUArchState *env, vaddr addr, uint32_t val);
void cpu_stw_data(CPUArchState *env, vaddr addr, uint32_t val);
void cpu_stl_data(CPUArchState *env, vaddr addr, uint32_t val);
void cpu_stq_data(CPUArchState *env, vaddr addr, uint64_t val);

/*
 * Code fetch with the ifetch MMU index, target endianness. Faults raise
 * the instruction abort with no unwind (called at translation time).
 */
uint32_t cpu_ldub_code(CPUArchState *env, vaddr addr);
uint32_t cpu_lduw_code(CPUArchState *env, vaddr addr);
uint32_t cpu_ldl_code(CPUArchState *env, vaddr addr);
uint64_t cpu_ldq_code(CPUArchState *env, vaddr addr);

#endif
