/*
 * exec-all.h - running translated code: the exec loop, leaving it
 * (cpu_loop_exit*), the TB cache (generate, look up, invalidate, flush,
 * chain), and the softmmu TLB maintenance API targets call (tlb_set_page*,
 * tlb_flush*, probe_access*).
 *
 * Typical target use:
 *     tlb_fill hook:  tlb_set_page_with_attrs(cs, va, pa, attrs, prot, idx, sz);
 *     TLBI insn:      tlb_flush_page_by_mmuidx_all_cpus_synced(cs, va, idxmap);
 *     helper fault:   cpu_loop_exit_restore(cs, GETPC());
 * Not for: guest loads/stores (exec/cpu_ldst.h), TLB layout (exec/cpu-tlb.h).
 */
#ifndef EXEC_EXEC_ALL_H
#define EXEC_EXEC_ALL_H

#include "util/osdep.h"
#include "hw/core/cpu.h"
#include "exec/translation-block.h"

/*
 * The host return address of the current helper call, for unwinding the
 * guest state (cpu_restore_state) if the helper faults. Use it only in
 * functions called directly from generated code.
 */
#define GETPC() ((uintptr_t)__builtin_extract_return_addr(__builtin_return_address(0)))
/* A retaddr that is not in generated code (no unwind needed). */
#define GETPC_ADJ 2

/* ---- the exec loop (softmmu/cpu-exec.c) ---- */

/*
 * Run @cpu until it must leave: an exception the core handles (EXCP_HLT,
 * EXCP_DEBUG, EXCP_HALTED, EXCP_INTERRUPT, EXCP_YIELD) or an exit request.
 * Returns that EXCP_* value.
 */
int cpu_exec(CPUState *cpu);
/* Leave the current TB for the top of the exec loop; env must be in sync. */
NORETURN void cpu_loop_exit(CPUState *cpu);
/* Restore env from the TB at host @pc (if it is one), then leave. */
NORETURN void cpu_loop_exit_restore(CPUState *cpu, uintptr_t pc);
/*
 * Leave with no exception pending (exception_index = -1): the loop looks
 * the state up again. Used after invalidating the running TB.
 */
NORETURN void cpu_loop_exit_noexc(CPUState *cpu);
/*
 * Recover the guest state of the insn whose generated code contains host
 * @host_pc (a GETPC() value). True if @host_pc was in a TB (state restored),
 * false otherwise (nothing done).
 */
bool cpu_restore_state(CPUState *cpu, uintptr_t host_pc);
/*
 * (The insn_start words alone come from tcg's
 * cpu_unwind_state_data(tb, host_pc, data), include/tcg/tcg.h.)
 */

/* The TB (if any) whose host code contains @host_pc. */
TranslationBlock *tcg_tb_lookup(uintptr_t host_pc);

/* ---- the TB cache (softmmu/translate-all.c) ---- */

/*
 * Set up the code generator (tcg_init with a @tb_size byte buffer, 0 for
 * the default) and the TB cache. Idempotent; the accelerator calls it.
 */
void tcg_exec_init(size_t tb_size);
/* The cflags the next TB of @cpu gets (chaining, one-insn-per-tb, step). */
uint32_t curr_cflags(CPUState *cpu);
/* Whether the calling thread is inside generated code (a helper). */
bool tcg_in_tb_exec(void);
/* Work other threads or helpers queued; the exec loop runs these. */
void tb_run_pending_invalidations(void);
void tb_run_pending_flush(void);
/* Bumped by every flush: TB pointers from before it are stale. */
extern volatile unsigned tb_flush_count;
/*
 * goto_ptr's lookup: the host code of the TB for env's current state, or
 * the epilogue (return to the exec loop) if it is not translated yet.
 */
const void *helper_lookup_tb_ptr(CPUArchState *env);
/*
 * Wake the vCPU thread if it sleeps (all CPUs halted) and make the CPU it
 * runs now (if not @cpu) leave, so @cpu's new state is looked at soon.
 */
void tcg_kick_vcpu_thread(CPUState *cpu);
/*
 * Whether the calling thread may touch TB and CPU structures now: it is
 * the vCPU thread, or none was started, or it holds the BQL while the vCPU
 * thread is parked (paused VM).
 */
bool tcg_vcpus_quiescent(void);
/* `info jit`: TB cache and TLB counters, appended to @buf. */
void dump_exec_info(GString *buf);

/* Translate and insert a TB for the given key; longjmps on guest faults. */
TranslationBlock *tb_gen_code(CPUState *cpu, vaddr pc, uint64_t cs_base,
                              uint32_t flags, int cflags);
/* Look a TB up in the per-CPU jump cache, then the global hash. */
TranslationBlock *tb_lookup(CPUState *cpu, vaddr pc, uint64_t cs_base,
                            uint32_t flags, uint32_t cflags);
/* Global lookup by key (physical pc from the current MMU state). */
TranslationBlock *tb_htable_lookup(CPUState *cpu, vaddr pc, uint64_t cs_base,
                                   uint32_t flags, uint32_t cflags);
/*
 * Drop every TB whose code overlaps ram_addr [start, end] (inclusive) and
 * unchain them. Returns the number of TBs invalidated. From a thread that
 * does not run vCPUs (DMA on the main loop) the range is queued and done
 * before the vCPUs run their next TB.
 */
int tb_invalidate_phys_range(tb_page_addr_t start, tb_page_addr_t end);
void tb_invalidate_phys_page(tb_page_addr_t addr);
/*
 * A guest write hit a code page at ram_addr [addr, addr+len). Invalidates the TBs
 * there. If the TB currently executing (found from @retaddr) is among them,
 * restores state and exits with cpu_loop_exit_noexc so the rest of it is
 * retranslated; otherwise returns.
 */
void tb_invalidate_phys_range_fast(CPUState *cpu, hwaddr addr, unsigned len,
                                   uintptr_t retaddr);
/* Whether the RAM page (ram_addr) holds translated code. */
bool tb_page_is_code(tb_page_addr_t page);
/* Remove one TB from the caches and unchain it. */
void tb_phys_invalidate(TranslationBlock *tb, tb_page_addr_t page_addr);
/* Throw away every TB and the generated code (all CPUs). */
void tb_flush(CPUState *cpu);
/* Chain: patch jump @n of @tb to go to @tb_next (no-op if chaining is off). */
void tb_add_jump(TranslationBlock *tb, int n, TranslationBlock *tb_next);
/* Forget @cpu's jump cache (after a change that alters TB lookup). */
void tb_jmp_cache_clear(CPUState *cpu);
/* Forget the jump cache entries of TBs that may start in the pages at
 * @addr and the one before it (after a TLB flush of that page). */
void tb_jmp_cache_clear_page(CPUState *cpu, vaddr addr);
/* Allocate a CPU's jump cache (cpu_exec_realizefn) and free it. */
void tb_jmp_cache_init(CPUState *cpu);
void tb_jmp_cache_free(CPUState *cpu);

/*
 * The ram_addr of the code at @addr for TB lookup, filling the TLB
 * if needed (may raise the guest's instruction abort). Returns -1 if the
 * page is not RAM/ROM (execution from MMIO: translated one insn at a time
 * with no caching). *hostp gets the host pointer of @addr or NULL.
 */
tb_page_addr_t get_page_addr_code_hostp(CPUArchState *env, vaddr addr,
                                        void **hostp);
static inline tb_page_addr_t get_page_addr_code(CPUArchState *env, vaddr addr)
{
    return get_page_addr_code_hostp(env, addr, NULL);
}

/*
 * The thread that runs the vCPUs (round-robin, one for all), or NULL when
 * none was started (unit tests run CPUs on the calling thread).
 */
extern GThread *tcg_vcpu_thread;

/* Global TCG switches (set by the accelerator from -accel tcg,...). */
typedef struct TCGAccelConfig {
    bool one_insn_per_tb;   /* one-insn-per-tb=on */
    bool chaining;          /* chaining=on (default) */
    bool tlb_enabled;       /* tlb=on (default); off forces every access slow */
    bool interp;            /* backend=interp */
} TCGAccelConfig;
extern TCGAccelConfig tcg_accel_config;

/* Counters for `info jit` and tests. */
typedef struct TBStats {
    uint64_t translated;        /* TBs generated */
    uint64_t invalidated;       /* TBs dropped by writes/flushes of pages */
    uint64_t flushes;           /* tb_flush calls that did work */
    uint64_t chained;           /* jumps patched */
    uint64_t lookups_fast;      /* hits in the jump cache */
    uint64_t lookups_hash;      /* hits in the global hash */
} TBStats;
extern TBStats tb_stats;
/* The number of TBs now in the cache. */
size_t tb_count(void);

/* ---- the softmmu TLB (softmmu/cputlb.c) ---- */

/* Create/destroy a CPU's TLB (from cpu_exec_realizefn). */
void tlb_init(CPUState *cpu);
void tlb_destroy(CPUState *cpu);

/*
 * Install a translation for one page of @mmu_idx (the target's tlb_fill).
 * @size is the target page size (>= TARGET_PAGE_SIZE; larger pages are
 * remembered so that flushing any address in them flushes the whole).
 * The memory map decides how the page is reached: plain RAM direct;
 * ROM/romd direct for reads only; io, ram_device and sub-page regions
 * always through MMIO dispatch; code pages with TLB_NOTDIRTY.
 */
void tlb_set_page_full(CPUState *cpu, int mmu_idx, vaddr addr,
                       CPUTLBEntryFull *full);
void tlb_set_page_with_attrs(CPUState *cpu, vaddr addr, hwaddr paddr,
                             MemTxAttrs attrs, int prot, int mmu_idx,
                             uint64_t size);
void tlb_set_page(CPUState *cpu, vaddr addr, hwaddr paddr, int prot,
                  int mmu_idx, uint64_t size);

/* Flushes of this CPU's TLB (run now; call from @cpu's own thread). */
void tlb_flush(CPUState *cpu);
void tlb_flush_page(CPUState *cpu, vaddr addr);
void tlb_flush_by_mmuidx(CPUState *cpu, uint16_t idxmap);
void tlb_flush_page_by_mmuidx(CPUState *cpu, vaddr addr, uint16_t idxmap);
/* Flush pages [addr, addr+len) of @idxmap; bits: significant va bits (ignored). */
void tlb_flush_range_by_mmuidx(CPUState *cpu, vaddr addr, vaddr len,
                               uint16_t idxmap, unsigned bits);
/*
 * Broadcast variants: flush every CPU. On other CPUs the flush is queued and
 * runs before that CPU executes another TB; the _synced variants also make
 * @src_cpu leave its TB so its own flush is done before it continues.
 */
void tlb_flush_all_cpus(CPUState *src_cpu);
void tlb_flush_all_cpus_synced(CPUState *src_cpu);
void tlb_flush_page_all_cpus(CPUState *src_cpu, vaddr addr);
void tlb_flush_page_all_cpus_synced(CPUState *src_cpu, vaddr addr);
void tlb_flush_by_mmuidx_all_cpus(CPUState *src_cpu, uint16_t idxmap);
void tlb_flush_by_mmuidx_all_cpus_synced(CPUState *src_cpu, uint16_t idxmap);
void tlb_flush_page_by_mmuidx_all_cpus(CPUState *src_cpu, vaddr addr,
                                       uint16_t idxmap);
void tlb_flush_page_by_mmuidx_all_cpus_synced(CPUState *src_cpu, vaddr addr,
                                              uint16_t idxmap);
void tlb_flush_range_by_mmuidx_all_cpus_synced(CPUState *src_cpu, vaddr addr,
                                               vaddr len, uint16_t idxmap,
                                               unsigned bits);
/*
 * ASID-tagged TLBs: the translations of the MMU indexes in @idxmap depend
 * on an address space identifier, now @asid. Changing it keeps the old
 * ASID's entries aside (a few ASIDs are kept) instead of flushing them.
 * Call from @cpu's thread. tlb_flush_asid drops the entries of @asid
 * (global ones it holds may go too, as the architecture allows); page
 * flushes reach every ASID's entries.
 */
void tlb_set_asid(CPUState *cpu, uint16_t idxmap, uint32_t asid);
void tlb_flush_asid(CPUState *cpu, uint32_t asid);
void tlb_flush_asid_all_cpus_synced(CPUState *src_cpu, uint32_t asid);
/* Run flushes other CPUs queued for @cpu (the exec loop calls this). */
void tlb_run_pending_flushes(CPUState *cpu);

/*
 * Mark the TLB entries that map RAM page @page (a ram_addr) as code:
 * writes then take the slow path (TLB_NOTDIRTY) and invalidate TBs.
 * Called by translate-all when a page gains its first TB. Unprotecting is
 * lazy: the slow path clears TLB_NOTDIRTY once the page has no code.
 */
void tlb_protect_code(tb_page_addr_t page);
void tlb_unprotect_code(tb_page_addr_t page);

/*
 * Make sure [addr, addr+size) (within one page) is accessible for
 * @access_type, filling the TLB (faults raise the guest exception using
 * @retaddr). Returns a host pointer if the page is plain RAM (direct
 * access allowed), else NULL. A write to a code page invalidates its TBs.
 */
void *probe_access(CPUArchState *env, vaddr addr, int size,
                   MMUAccessType access_type, int mmu_idx, uintptr_t retaddr);
static inline void *probe_write(CPUArchState *env, vaddr addr, int size,
                                int mmu_idx, uintptr_t retaddr)
{
    return probe_access(env, addr, size, MMU_DATA_STORE, mmu_idx, retaddr);
}
static inline void *probe_read(CPUArchState *env, vaddr addr, int size,
                               int mmu_idx, uintptr_t retaddr)
{
    return probe_access(env, addr, size, MMU_DATA_LOAD, mmu_idx, retaddr);
}
/*
 * Non-faulting probe: returns TLB_* flags (TLB_INVALID_MASK if the page is
 * not accessible, with @nonfault) and the host pointer in *phost; *pfull
 * gets the page's full entry.
 */
int probe_access_full(CPUArchState *env, vaddr addr, int size,
                      MMUAccessType access_type, int mmu_idx, bool nonfault,
                      void **phost, CPUTLBEntryFull **pfull, uintptr_t retaddr);
int probe_access_flags(CPUArchState *env, vaddr addr, int size,
                       MMUAccessType access_type, int mmu_idx, bool nonfault,
                       void **phost, uintptr_t retaddr);
/* The host address of guest RAM at @addr, or NULL (no fault raised). */
void *tlb_vaddr_to_host(CPUArchState *env, vaddr addr,
                        MMUAccessType access_type, int mmu_idx);

/* -d mmu / info tlb: print the valid entries of @cpu. */
void tlb_dump(CPUState *cpu, FILE *f);

/* TLB statistics (tests, info jit). */
typedef struct TLBStats {
    uint64_t fills;         /* tlb_fill calls from the slow path */
    uint64_t victim_hits;
    uint64_t mmio_accesses; /* memory_region_dispatch_* calls made */
    uint64_t flushes;       /* full flushes of one mmu idx */
    uint64_t resizes;
    uint64_t asid_switches; /* tlb_set_asid found the ASID's entries kept */
    uint64_t asid_misses;   /* ... or started it empty */
} TLBStats;
extern TLBStats tlb_stats;
/* Entries currently allocated for @cpu / @mmu_idx (dynamic sizing). */
size_t tlb_n_entries(CPUState *cpu, int mmu_idx);

#endif
