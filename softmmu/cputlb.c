/*
 * cputlb.c - the softmmu TLB: filling entries from the memory map, flushing
 * them, and the one slow path every guest load/store/fetch takes when the
 * inline fast path (tag compare + addend, see exec/cpu-tlb.h) misses or
 * finds a flag.
 *
 * How a page is reached is decided once, when the entry is filled:
 *   plain RAM, whole page   direct (addend); writes flagged TLB_NOTDIRTY
 *                           while the page holds TBs
 *   ROM (read-only RAM)     direct reads; writes TLB_DISCARD_WRITE
 *   ROM device, romd mode   direct reads; writes TLB_MMIO
 *   everything else         TLB_MMIO: io, ram_device, sub-page, holes
 * TLB_MMIO accesses are re-translated per access (so a sub-page with
 * several regions is right) and reach memory_region_dispatch_* once, with
 * the guest's width, under the BQL. A page-crossing access looks up (and
 * fills) both pages before touching either, then does each part; MMIO
 * parts become naturally aligned pieces.
 *
 * Not for: TB invalidation itself (translate-all.c), the layout that
 * generated code reads (exec/cpu-tlb.h).
 */
#include "util/osdep.h"
#include "trace/trace.h"
#include "exec/exec-all.h"
#include "exec/cpu_ldst.h"
#include "exec/memory.h"
#include "sysemu/main-loop.h"
#include "util/log.h"

TLBStats tlb_stats;

/*
 * Resizing policy (per MMU index, decided at each full flush, which is
 * when the table is empty anyway). Over a window of 100 ms we keep the
 * largest number of entries that were in use at a flush.
 *  1. If that exceeds 70% of the table, double it (up to 2^16 entries):
 *     a busy guest (Linux with many processes) then misses less.
 *  2. If the window is over and the peak stayed under 30%, shrink to the
 *     smallest power of two that keeps the peak under 70% (at least 2^6),
 *     because flushing a big, mostly empty table costs time on every
 *     context switch.
 *  3. Otherwise keep the size.
 */
#define TLB_WINDOW_NS (100 * 1000 * 1000LL)

typedef struct CPUTLBDesc {
    vaddr large_page_addr;      /* -1: no large page in this TLB */
    vaddr large_page_mask;
    int64_t window_begin_ns;
    size_t window_max_entries;
    size_t n_used_entries;
    size_t vindex;              /* next victim slot (round robin) */
    CPUTLBEntry vtable[CPU_VTLB_SIZE];
    CPUTLBEntryFull vfulltlb[CPU_VTLB_SIZE];
    CPUTLBEntryFull *fulltlb;
} CPUTLBDesc;

typedef struct TLBPendingFlush {
    vaddr addr;
    vaddr len;                  /* 0: whole TLB of idxmap */
    uint16_t idxmap;
} TLBPendingFlush;

/*
 * Address space identifiers (ASIDs). A target whose page tables are tagged
 * (Arm: TTBR.ASID, non-global entries) tells us the current ASID with
 * tlb_set_asid(). Instead of flushing on every change, the TLB of the MMU
 * indexes in asid_idxmap is kept per ASID: the live one is in d[] and the
 * fast tables; up to TLB_ASID_SAVED others wait in saved[] and are swapped
 * back in when their ASID returns (least recently used one is reused).
 * Global translations are simply filled again under each ASID. A saved
 * context takes every page flush, code protection and full flush that the
 * live one takes (full flushes drop it), so it never holds an entry the
 * live TLB would not; TLBI by ASID drops just that context.
 */
#define TLB_ASID_SAVED 7

typedef struct TLBAsidContext {
    bool valid;                 /* holds entries of @asid */
    uint32_t asid;
    uint64_t last_use;
    CPUTLBDesc d[NB_MMU_MODES];
    CPUTLBDescFast f[NB_MMU_MODES];     /* table NULL: never allocated */
} TLBAsidContext;

struct CPUTLBPrivate {
    CPUState *cpu;
    CPUTLBDesc d[NB_MMU_MODES];
    /* ASID contexts (see above); asid_idxmap 0: no target ASIDs. */
    uint16_t asid_idxmap;
    uint32_t asid;
    uint64_t asid_clock;
    TLBAsidContext saved[TLB_ASID_SAVED];
    /* Flushes requested from threads that do not run this CPU. */
    GMutex lock;
    GArray *pending;            /* of TLBPendingFlush */
    volatile int has_pending;
    MemoryListener listener;
};

static inline int tlb_nb_modes(CPUState *cpu)
{
    int n = cpu->tcg_ops->nb_mmu_modes;
    return n > 0 && n <= NB_MMU_MODES ? n : NB_MMU_MODES;
}

static uint16_t all_mmuidx(CPUState *cpu);

static inline size_t tlb_n_entries_fast(const CPUTLBDescFast *fast)
{
    return (fast->mask >> CPU_TLB_ENTRY_BITS) + 1;
}

static inline uintptr_t tlb_index(CPUState *cpu, int mmu_idx, vaddr addr)
{
    const CPUTLBDescFast *fast = cpu_tlb_fast(cpu, mmu_idx);

    return (addr >> TARGET_PAGE_BITS) & (fast->mask >> CPU_TLB_ENTRY_BITS);
}

static inline CPUTLBEntry *tlb_entry(CPUState *cpu, int mmu_idx, vaddr addr)
{
    return &cpu_tlb_fast(cpu, mmu_idx)->table[tlb_index(cpu, mmu_idx, addr)];
}

static inline uint64_t tlb_read_idx(const CPUTLBEntry *e, MMUAccessType t)
{
    switch (t) {
    case MMU_DATA_LOAD:
        return e->addr_read;
    case MMU_DATA_STORE:
        return e->addr_write;
    default:
        return e->addr_code;
    }
}

/* Whether comparator @cmp maps the page of @page (flags other than invalid ignored). */
static inline bool tlb_hit_page(uint64_t cmp, vaddr page)
{
    return page == (cmp & (TARGET_PAGE_MASK | TLB_INVALID_MASK));
}

static inline bool tlb_hit_page_anyprot(const CPUTLBEntry *e, vaddr page)
{
    return tlb_hit_page(e->addr_read, page) ||
           tlb_hit_page(e->addr_write, page) ||
           tlb_hit_page(e->addr_code, page);
}

static inline bool tlb_entry_is_empty(const CPUTLBEntry *e)
{
    return e->addr_read == (uint64_t)-1 && e->addr_write == (uint64_t)-1 &&
           e->addr_code == (uint64_t)-1;
}

static void tlb_entry_clear(CPUTLBEntry *e)
{
    memset(e, -1, sizeof(*e));
}

static int cpu_watchpoint_flags_in_page(CPUState *cpu, vaddr page);

/* ---- sizing, flushing ---- */

static void tlb_alloc_table(CPUState *cpu, int mmu_idx, size_t n)
{
    CPUTLBDescFast *fast = cpu_tlb_fast(cpu, mmu_idx);
    CPUTLBDesc *desc = &cpu->tlb->d[mmu_idx];

    g_free(fast->table);
    g_free(desc->fulltlb);
    fast->mask = (n - 1) << CPU_TLB_ENTRY_BITS;
    fast->table = g_new(CPUTLBEntry, n);
    desc->fulltlb = g_new0(CPUTLBEntryFull, n);
}

static void tlb_mmu_resize(CPUState *cpu, int mmu_idx, int64_t now)
{
    CPUTLBDesc *desc = &cpu->tlb->d[mmu_idx];
    size_t old = tlb_n_entries_fast(cpu_tlb_fast(cpu, mmu_idx));
    size_t peak, want = old;
    bool window_over = now - desc->window_begin_ns > TLB_WINDOW_NS;

    if (desc->n_used_entries > desc->window_max_entries) {
        desc->window_max_entries = desc->n_used_entries;
    }
    peak = desc->window_max_entries;

    if (peak * 100 > old * 70) {
        want = MIN(old * 2, (size_t)1 << CPU_TLB_DYN_MAX_BITS);
    } else if (window_over && peak * 100 < old * 30) {
        size_t ceil = 1;
        while (ceil < peak) {
            ceil <<= 1;
        }
        if (peak * 100 > ceil * 70) {
            ceil <<= 1;
        }
        want = MAX(ceil, (size_t)1 << CPU_TLB_DYN_MIN_BITS);
    }
    if (window_over || want != old) {
        desc->window_begin_ns = now;
        desc->window_max_entries = desc->n_used_entries;
    }
    if (want != old) {
        tlb_alloc_table(cpu, mmu_idx, want);
        tlb_stats.resizes++;
    }
}

static void tlb_flush_one_mmuidx(CPUState *cpu, int mmu_idx, int64_t now)
{
    CPUTLBDesc *desc = &cpu->tlb->d[mmu_idx];
    CPUTLBDescFast *fast = cpu_tlb_fast(cpu, mmu_idx);

    tlb_mmu_resize(cpu, mmu_idx, now);
    memset(fast->table, -1, tlb_n_entries_fast(fast) * sizeof(CPUTLBEntry));
    memset(desc->vtable, -1, sizeof(desc->vtable));
    desc->n_used_entries = 0;
    desc->large_page_addr = -1;
    desc->large_page_mask = -1;
    tlb_stats.flushes++;
}

static void tlb_flush_by_mmuidx_now(CPUState *cpu, uint16_t idxmap)
{
    int64_t now = g_get_monotonic_time() * 1000;
    int n = tlb_nb_modes(cpu);

    trace_tlb_flush(cpu->cpu_index, idxmap);
    for (int i = 0; i < n; i++) {
        if (idxmap & (1u << i)) {
            tlb_flush_one_mmuidx(cpu, i, now);
        }
    }
    if (idxmap & cpu->tlb->asid_idxmap) {
        for (int k = 0; k < TLB_ASID_SAVED; k++) {
            cpu->tlb->saved[k].valid = false;
        }
    }
    tb_jmp_cache_clear(cpu);
}

/* Drop the entries of page @page from saved context @c (index @mmu_idx). */
static void tlb_flush_page_saved(TLBAsidContext *c, int mmu_idx, vaddr page)
{
    CPUTLBDesc *desc = &c->d[mmu_idx];
    CPUTLBDescFast *fast = &c->f[mmu_idx];
    CPUTLBEntry *e;

    if ((page & desc->large_page_mask) == desc->large_page_addr) {
        c->valid = false;
        return;
    }
    e = &fast->table[(page >> TARGET_PAGE_BITS) &
                     (fast->mask >> CPU_TLB_ENTRY_BITS)];
    if (tlb_hit_page_anyprot(e, page)) {
        tlb_entry_clear(e);
        desc->n_used_entries--;
    }
    for (int k = 0; k < CPU_VTLB_SIZE; k++) {
        if (tlb_hit_page_anyprot(&desc->vtable[k], page)) {
            tlb_entry_clear(&desc->vtable[k]);
        }
    }
}

static void tlb_flush_page_one(CPUState *cpu, int mmu_idx, vaddr page)
{
    CPUTLBDesc *desc = &cpu->tlb->d[mmu_idx];
    CPUTLBEntry *e;

    /* A large page is tracked as one range; flushing part of it flushes all. */
    if ((page & desc->large_page_mask) == desc->large_page_addr) {
        tlb_flush_one_mmuidx(cpu, mmu_idx, g_get_monotonic_time() * 1000);
        return;
    }
    e = tlb_entry(cpu, mmu_idx, page);
    if (tlb_hit_page_anyprot(e, page)) {
        tlb_entry_clear(e);
        desc->n_used_entries--;
    }
    for (int k = 0; k < CPU_VTLB_SIZE; k++) {
        if (tlb_hit_page_anyprot(&desc->vtable[k], page)) {
            tlb_entry_clear(&desc->vtable[k]);
        }
    }
}

static void tlb_flush_range_now(CPUState *cpu, vaddr addr, vaddr len,
                                uint16_t idxmap)
{
    int n = tlb_nb_modes(cpu);
    vaddr start = addr & TARGET_PAGE_MASK;
    vaddr pages = (((addr & ~TARGET_PAGE_MASK) + len + TARGET_PAGE_SIZE - 1)
                   >> TARGET_PAGE_BITS);

    /* Flushing more than a TLB's worth of pages: a full flush is cheaper. */
    if (pages > 256) {
        tlb_flush_by_mmuidx_now(cpu, idxmap);
        return;
    }
    for (vaddr p = 0; p < pages; p++) {
        vaddr page = start + (p << TARGET_PAGE_BITS);
        for (int i = 0; i < n; i++) {
            if (idxmap & (1u << i)) {
                tlb_flush_page_one(cpu, i, page);
            }
        }
        tb_jmp_cache_clear_page(cpu, page);
    }
    /* Other ASIDs' contexts may map the pages too (global entries). */
    for (int k = 0; k < TLB_ASID_SAVED; k++) {
        TLBAsidContext *c = &cpu->tlb->saved[k];
        for (int i = 0; i < n && c->valid; i++) {
            if (idxmap & cpu->tlb->asid_idxmap & (1u << i)) {
                for (vaddr p = 0; p < pages && c->valid; p++) {
                    tlb_flush_page_saved(c, i, start + (p << TARGET_PAGE_BITS));
                }
            }
        }
    }
}

/* Swap the live TLB of the ASID-tagged MMU indexes with saved context @c. */
static void tlb_swap_context(CPUState *cpu, TLBAsidContext *c)
{
    struct CPUTLBPrivate *t = cpu->tlb;

    for (int i = 0; i < tlb_nb_modes(cpu); i++) {
        if (t->asid_idxmap & (1u << i)) {
            CPUTLBDesc d = t->d[i];
            CPUTLBDescFast f = *cpu_tlb_fast(cpu, i);
            t->d[i] = c->d[i];
            *cpu_tlb_fast(cpu, i) = c->f[i];
            c->d[i] = d;
            c->f[i] = f;
        }
    }
}

void tlb_set_asid(CPUState *cpu, uint16_t idxmap, uint32_t asid)
{
    struct CPUTLBPrivate *t = cpu->tlb;
    TLBAsidContext *c = NULL;
    int64_t now;

    if (!t) {
        return;
    }
    if (idxmap != t->asid_idxmap) {
        /* First call (or a new set of indexes): start from nothing. */
        tlb_flush_by_mmuidx_now(cpu, all_mmuidx(cpu));
        t->asid_idxmap = idxmap;
        t->asid = asid;
        return;
    }
    if (asid == t->asid) {
        return;
    }
    for (int k = 0; k < TLB_ASID_SAVED; k++) {
        if (t->saved[k].valid && t->saved[k].asid == asid) {
            c = &t->saved[k];
            break;
        }
    }
    if (c) {
        tlb_swap_context(cpu, c);
        tlb_stats.asid_switches++;
    } else {
        /* Reuse the least recently used context (its entries go). */
        c = &t->saved[0];
        for (int k = 1; k < TLB_ASID_SAVED; k++) {
            TLBAsidContext *o = &t->saved[k];
            if ((!o->valid && c->valid) ||
                (o->valid == c->valid && o->last_use < c->last_use)) {
                c = o;
            }
        }
        tlb_swap_context(cpu, c);
        now = g_get_monotonic_time() * 1000;
        for (int i = 0; i < tlb_nb_modes(cpu); i++) {
            if (idxmap & (1u << i)) {
                if (!cpu_tlb_fast(cpu, i)->table) {
                    tlb_alloc_table(cpu, i, (size_t)1 << CPU_TLB_DYN_DEFAULT_BITS);
                    t->d[i].window_begin_ns = now;
                }
                tlb_flush_one_mmuidx(cpu, i, now);
            }
        }
        tlb_stats.asid_misses++;
    }
    c->valid = true;
    c->asid = t->asid;
    c->last_use = ++t->asid_clock;
    t->asid = asid;
    /* The jump cache is keyed by virtual pc only. */
    tb_jmp_cache_clear(cpu);
}

/* Drop what the TLB holds for @asid (its non-global entries, and more). */
static void tlb_flush_asid_now(CPUState *cpu, uint32_t asid)
{
    struct CPUTLBPrivate *t = cpu->tlb;

    if (!t->asid_idxmap || !qemu_cpu_is_self(cpu)) {
        tlb_flush(cpu);
        return;
    }
    if (asid == t->asid) {
        int64_t now = g_get_monotonic_time() * 1000;
        for (int i = 0; i < tlb_nb_modes(cpu); i++) {
            if (t->asid_idxmap & (1u << i)) {
                tlb_flush_one_mmuidx(cpu, i, now);
            }
        }
        tb_jmp_cache_clear(cpu);
        return;
    }
    for (int k = 0; k < TLB_ASID_SAVED; k++) {
        if (t->saved[k].valid && t->saved[k].asid == asid) {
            t->saved[k].valid = false;
        }
    }
}

void tlb_flush_asid(CPUState *cpu, uint32_t asid)
{
    if (cpu->tlb) {
        tlb_flush_asid_now(cpu, asid);
    }
}

void tlb_flush_asid_all_cpus_synced(CPUState *src_cpu, uint32_t asid)
{
    CPUState *cpu;

    (void)src_cpu;
    CPU_FOREACH(cpu) {
        tlb_flush_asid(cpu, asid);
    }
}

/* Run the flush now if we are on the thread running @cpu, else queue it. */
static void tlb_flush_request(CPUState *cpu, vaddr addr, vaddr len,
                              uint16_t idxmap)
{
    if (!cpu->tlb) {
        return;
    }
    if (qemu_cpu_is_self(cpu)) {
        if (len) {
            tlb_flush_range_now(cpu, addr, len, idxmap);
        } else {
            tlb_flush_by_mmuidx_now(cpu, idxmap);
        }
        return;
    }
    TLBPendingFlush f = { .addr = addr, .len = len, .idxmap = idxmap };
    g_mutex_lock(&cpu->tlb->lock);
    g_array_append_val(cpu->tlb->pending, f);
    __atomic_store_n(&cpu->tlb->has_pending, 1, __ATOMIC_RELEASE);
    g_mutex_unlock(&cpu->tlb->lock);
    cpu_exit(cpu);
}

void tlb_run_pending_flushes(CPUState *cpu)
{
    struct CPUTLBPrivate *t = cpu->tlb;
    GArray *work;

    if (!t || !__atomic_load_n(&t->has_pending, __ATOMIC_ACQUIRE)) {
        return;
    }
    g_mutex_lock(&t->lock);
    work = t->pending;
    t->pending = g_array_new(FALSE, FALSE, sizeof(TLBPendingFlush));
    t->has_pending = 0;
    g_mutex_unlock(&t->lock);
    for (guint i = 0; i < work->len; i++) {
        TLBPendingFlush *f = &g_array_index(work, TLBPendingFlush, i);
        if (f->len) {
            tlb_flush_range_now(cpu, f->addr, f->len, f->idxmap);
        } else {
            tlb_flush_by_mmuidx_now(cpu, f->idxmap);
        }
    }
    g_array_free(work, TRUE);
}

static uint16_t all_mmuidx(CPUState *cpu)
{
    return (uint16_t)((1u << tlb_nb_modes(cpu)) - 1);
}

void tlb_flush_by_mmuidx(CPUState *cpu, uint16_t idxmap)
{
    tlb_flush_request(cpu, 0, 0, idxmap);
}

void tlb_flush(CPUState *cpu)
{
    tlb_flush_by_mmuidx(cpu, all_mmuidx(cpu));
}

void tlb_flush_page_by_mmuidx(CPUState *cpu, vaddr addr, uint16_t idxmap)
{
    tlb_flush_request(cpu, addr & TARGET_PAGE_MASK, TARGET_PAGE_SIZE, idxmap);
}

void tlb_flush_page(CPUState *cpu, vaddr addr)
{
    tlb_flush_page_by_mmuidx(cpu, addr, all_mmuidx(cpu));
}

void tlb_flush_range_by_mmuidx(CPUState *cpu, vaddr addr, vaddr len,
                               uint16_t idxmap, unsigned bits)
{
    (void)bits;
    if (len == 0) {
        return;
    }
    tlb_flush_request(cpu, addr, len, idxmap);
}

/*
 * All vCPUs run on one thread, so when a vCPU asks for a broadcast the
 * others are not in the middle of a TB: flushing them directly is as
 * strong as QEMU's "synced" (they run no TB before the flush). Requests
 * from other threads are queued by tlb_flush_request.
 */
static void tlb_flush_all(CPUState *src, vaddr addr, vaddr len, uint16_t idxmap)
{
    CPUState *cpu;

    (void)src;
    CPU_FOREACH(cpu) {
        tlb_flush_request(cpu, addr, len, idxmap);
    }
}

void tlb_flush_all_cpus(CPUState *src_cpu)
{
    tlb_flush_all(src_cpu, 0, 0, all_mmuidx(src_cpu));
}

void tlb_flush_all_cpus_synced(CPUState *src_cpu)
{
    tlb_flush_all(src_cpu, 0, 0, all_mmuidx(src_cpu));
}

void tlb_flush_page_all_cpus(CPUState *src_cpu, vaddr addr)
{
    tlb_flush_all(src_cpu, addr & TARGET_PAGE_MASK, TARGET_PAGE_SIZE,
                  all_mmuidx(src_cpu));
}

void tlb_flush_page_all_cpus_synced(CPUState *src_cpu, vaddr addr)
{
    tlb_flush_page_all_cpus(src_cpu, addr);
}

void tlb_flush_by_mmuidx_all_cpus(CPUState *src_cpu, uint16_t idxmap)
{
    tlb_flush_all(src_cpu, 0, 0, idxmap);
}

void tlb_flush_by_mmuidx_all_cpus_synced(CPUState *src_cpu, uint16_t idxmap)
{
    tlb_flush_all(src_cpu, 0, 0, idxmap);
}

void tlb_flush_page_by_mmuidx_all_cpus(CPUState *src_cpu, vaddr addr,
                                       uint16_t idxmap)
{
    tlb_flush_all(src_cpu, addr & TARGET_PAGE_MASK, TARGET_PAGE_SIZE, idxmap);
}

void tlb_flush_page_by_mmuidx_all_cpus_synced(CPUState *src_cpu, vaddr addr,
                                              uint16_t idxmap)
{
    tlb_flush_all(src_cpu, addr & TARGET_PAGE_MASK, TARGET_PAGE_SIZE, idxmap);
}

void tlb_flush_range_by_mmuidx_all_cpus_synced(CPUState *src_cpu, vaddr addr,
                                               vaddr len, uint16_t idxmap,
                                               unsigned bits)
{
    (void)bits;
    if (len) {
        tlb_flush_all(src_cpu, addr, len, idxmap);
    }
}

/* ---- life cycle ---- */

/* The memory map changed: what every entry says may be stale. */
static void tlb_memory_commit(MemoryListener *l)
{
    struct CPUTLBPrivate *t = container_of(l, struct CPUTLBPrivate, listener);

    tlb_flush(t->cpu);
}

void tlb_init(CPUState *cpu)
{
    struct CPUTLBPrivate *t = g_new0(struct CPUTLBPrivate, 1);
    int64_t now = g_get_monotonic_time() * 1000;

    t->cpu = cpu;
    g_mutex_init(&t->lock);
    t->pending = g_array_new(FALSE, FALSE, sizeof(TLBPendingFlush));
    cpu->tlb = t;
    for (int i = 0; i < NB_MMU_MODES; i++) {
        CPUTLBDesc *desc = &t->d[i];
        tlb_alloc_table(cpu, i, (size_t)1 << CPU_TLB_DYN_DEFAULT_BITS);
        desc->window_begin_ns = now;
        tlb_flush_one_mmuidx(cpu, i, now);
    }
    tlb_stats.flushes = 0;
    if (cpu->as) {
        t->listener.commit = tlb_memory_commit;
        t->listener.name = "cputlb";
        t->listener.priority = 10;
        memory_listener_register(&t->listener, cpu->as);
    }
}

void tlb_destroy(CPUState *cpu)
{
    struct CPUTLBPrivate *t = cpu->tlb;

    if (!t) {
        return;
    }
    if (t->listener.address_space) {
        memory_listener_unregister(&t->listener);
    }
    for (int i = 0; i < NB_MMU_MODES; i++) {
        CPUTLBDescFast *fast = cpu_tlb_fast(cpu, i);
        g_free(fast->table);
        g_free(t->d[i].fulltlb);
        fast->table = NULL;
        fast->mask = 0;
    }
    for (int k = 0; k < TLB_ASID_SAVED; k++) {
        for (int i = 0; i < NB_MMU_MODES; i++) {
            g_free(t->saved[k].f[i].table);
            g_free(t->saved[k].d[i].fulltlb);
        }
    }
    g_array_free(t->pending, TRUE);
    g_mutex_clear(&t->lock);
    g_free(t);
    cpu->tlb = NULL;
}

size_t tlb_n_entries(CPUState *cpu, int mmu_idx)
{
    return tlb_n_entries_fast(cpu_tlb_fast(cpu, mmu_idx));
}

/* ---- filling ---- */

static void tlb_add_large_page(CPUTLBDesc *desc, vaddr addr, uint64_t size)
{
    vaddr lp_addr = desc->large_page_addr;
    vaddr lp_mask = ~(vaddr)(size - 1);

    if (lp_addr == (vaddr)-1) {
        lp_addr = addr;
    } else {
        /* Grow the tracked range until it covers both large pages. */
        lp_mask &= desc->large_page_mask;
        while (((lp_addr ^ addr) & lp_mask) != 0) {
            lp_mask <<= 1;
        }
    }
    desc->large_page_addr = lp_addr & lp_mask;
    desc->large_page_mask = lp_mask;
}

/*
 * The memory map may change on the main thread (BQL held) while a vCPU
 * fills its TLB, and device callbacks expect the BQL: take it around map
 * lookups and dispatch unless the caller already holds it.
 */
static inline bool tlb_map_lock(void)
{
    if (bql_locked()) {
        return false;
    }
    bql_lock();
    return true;
}

static inline void tlb_map_unlock(bool taken)
{
    if (taken) {
        bql_unlock();
    }
}

void tlb_set_page_full(CPUState *cpu, int mmu_idx, vaddr addr,
                       CPUTLBEntryFull *full)
{
    CPUTLBDesc *desc = &cpu->tlb->d[mmu_idx];
    vaddr vaddr_page = addr & TARGET_PAGE_MASK;
    hwaddr paddr_page = full->phys_addr & TARGET_PAGE_MASK;
    unsigned lg = full->lg_page_size ? full->lg_page_size : TARGET_PAGE_BITS;
    uint64_t read_flags = 0, write_flags = 0, code_flags;
    uintptr_t addend = 0;
    uint64_t ram_addr = (uint64_t)-1;
    hwaddr xlat, plen = TARGET_PAGE_SIZE;
    bool ro = false, taken;
    MemoryRegion *mr;
    CPUTLBEntry *te, tn;
    uintptr_t index;

    assert(mmu_idx >= 0 && mmu_idx < tlb_nb_modes(cpu));
    if (lg > TARGET_PAGE_BITS) {
        tlb_add_large_page(desc, vaddr_page, 1ULL << MIN(lg, 63u));
    }

    taken = tlb_map_lock();
    mr = address_space_translate_full(cpu->as, paddr_page, &xlat, &plen,
                                      false, full->attrs, &ro);
    /*
     * Direct access needs the page to be one piece of RAM whose ram_addr is
     * page aligned (code pages are tracked by ram_addr page); anything else
     * goes through dispatch, which is slower but always right.
     */
    if (plen >= TARGET_PAGE_SIZE &&
        ((memory_region_get_ram_addr(mr) + xlat) & ~TARGET_PAGE_MASK)) {
        plen = 0;
    }
    if (plen >= TARGET_PAGE_SIZE && memory_region_is_ram(mr) &&
        !memory_region_is_ram_device(mr)) {
        uint8_t *host = (uint8_t *)memory_region_get_ram_ptr(mr) + xlat;
        addend = (uintptr_t)host - (uintptr_t)vaddr_page;
        ram_addr = memory_region_get_ram_addr(mr) + xlat;
        if (memory_region_is_rom(mr) || ro) {
            write_flags |= TLB_DISCARD_WRITE;
        } else if (tb_page_is_code(ram_addr)) {
            write_flags |= TLB_NOTDIRTY;
        }
    } else if (plen >= TARGET_PAGE_SIZE && memory_region_is_romd(mr)) {
        uint8_t *host = (uint8_t *)memory_region_get_ram_ptr(mr) + xlat;
        addend = (uintptr_t)host - (uintptr_t)vaddr_page;
        ram_addr = memory_region_get_ram_addr(mr);
        if (ram_addr != (uint64_t)-1) {
            ram_addr += xlat;
        }
        write_flags |= TLB_MMIO;
    } else {
        /* io, ram_device, holes and pages shared by several regions. */
        read_flags = write_flags = TLB_MMIO;
    }
    tlb_map_unlock(taken);
    code_flags = read_flags;
    if (cpu->watchpoints && cpu->watchpoints->len) {
        int wp = cpu_watchpoint_flags_in_page(cpu, vaddr_page);
        if (wp & BP_MEM_READ) {
            read_flags |= TLB_WATCHPOINT;
        }
        if (wp & BP_MEM_WRITE) {
            write_flags |= TLB_WATCHPOINT;
        }
    }

    if (!tcg_accel_config.tlb_enabled) {
        read_flags |= TLB_FORCE_SLOW;
        write_flags |= TLB_FORCE_SLOW;
        code_flags |= TLB_FORCE_SLOW;
    }

    tn.addr_read = (full->prot & PAGE_READ) ? (vaddr_page | read_flags)
                                            : (uint64_t)-1;
    tn.addr_write = (full->prot & PAGE_WRITE) ? (vaddr_page | write_flags)
                                              : (uint64_t)-1;
    tn.addr_code = (full->prot & PAGE_EXEC) ? (vaddr_page | code_flags)
                                            : (uint64_t)-1;
    tn.addend = addend;

    index = tlb_index(cpu, mmu_idx, vaddr_page);
    te = &cpu_tlb_fast(cpu, mmu_idx)->table[index];

    /* Drop stale victim copies of this page: the new entry supersedes them. */
    for (int k = 0; k < CPU_VTLB_SIZE; k++) {
        if (tlb_hit_page_anyprot(&desc->vtable[k], vaddr_page)) {
            tlb_entry_clear(&desc->vtable[k]);
        }
    }
    /* Keep the entry we evict (another page) in the victim TLB. */
    if (!tlb_entry_is_empty(te) && !tlb_hit_page_anyprot(te, vaddr_page)) {
        size_t v = desc->vindex++ % CPU_VTLB_SIZE;
        desc->vtable[v] = *te;
        desc->vfulltlb[v] = desc->fulltlb[index];
        desc->n_used_entries--;
    }
    if (tlb_entry_is_empty(te) || !tlb_hit_page_anyprot(te, vaddr_page)) {
        desc->n_used_entries++;
    }
    desc->fulltlb[index] = *full;
    desc->fulltlb[index].phys_addr = paddr_page;
    desc->fulltlb[index].ram_addr = ram_addr;
    *te = tn;
    log_mask(LOG_MMU, "tlb_set_page: cpu %d idx %d va 0x%" VADDR_PRIx
             " pa 0x%" HWADDR_PRIx " prot %x flags r%" PRIx64 " w%" PRIx64 "\n",
             cpu->cpu_index, mmu_idx, vaddr_page, paddr_page, full->prot,
             read_flags, write_flags);
}

void tlb_set_page_with_attrs(CPUState *cpu, vaddr addr, hwaddr paddr,
                             MemTxAttrs attrs, int prot, int mmu_idx,
                             uint64_t size)
{
    CPUTLBEntryFull full = {
        .phys_addr = paddr,
        .attrs = attrs,
        .prot = prot,
        .lg_page_size = size > TARGET_PAGE_SIZE ? 63 - __builtin_clzll(size)
                                                : TARGET_PAGE_BITS,
    };

    tlb_set_page_full(cpu, mmu_idx, addr, &full);
}

void tlb_set_page(CPUState *cpu, vaddr addr, hwaddr paddr, int prot,
                  int mmu_idx, uint64_t size)
{
    tlb_set_page_with_attrs(cpu, addr, paddr, MEMTXATTRS_UNSPECIFIED, prot,
                            mmu_idx, size);
}

static void tlb_protect_code_desc(CPUTLBDesc *desc, CPUTLBDescFast *fast,
                                  tb_page_addr_t page)
{
    size_t n = tlb_n_entries_fast(fast);

    for (size_t k = 0; k < n; k++) {
        CPUTLBEntry *e = &fast->table[k];
        if (desc->fulltlb[k].ram_addr == page &&
            !(e->addr_write & (TLB_INVALID_MASK | TLB_MMIO |
                               TLB_DISCARD_WRITE))) {
            e->addr_write |= TLB_NOTDIRTY;
        }
    }
    for (int k = 0; k < CPU_VTLB_SIZE; k++) {
        CPUTLBEntry *e = &desc->vtable[k];
        if (desc->vfulltlb[k].ram_addr == page &&
            !(e->addr_write & (TLB_INVALID_MASK | TLB_MMIO |
                               TLB_DISCARD_WRITE))) {
            e->addr_write |= TLB_NOTDIRTY;
        }
    }
}

/* Set TLB_NOTDIRTY on every write entry whose page is RAM page @page. */
void tlb_protect_code(tb_page_addr_t page)
{
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        struct CPUTLBPrivate *t = cpu->tlb;
        if (!t) {
            continue;
        }
        for (int i = 0; i < tlb_nb_modes(cpu); i++) {
            CPUTLBDescFast *fast = cpu_tlb_fast(cpu, i);
            tlb_protect_code_desc(&t->d[i], fast, page);
        }
        /* Saved ASID contexts come back without a flush: mark them too. */
        for (int k = 0; k < TLB_ASID_SAVED; k++) {
            for (int i = 0; i < tlb_nb_modes(cpu) && t->saved[k].valid; i++) {
                if (t->asid_idxmap & (1u << i)) {
                    tlb_protect_code_desc(&t->saved[k].d[i], &t->saved[k].f[i],
                                          page);
                }
            }
        }
    }
}

void tlb_unprotect_code(tb_page_addr_t page)
{
    /* Lazy: see notdirty_write. */
    (void)page;
}

/* The page at @vaddr no longer holds code: let this CPU's writes go direct. */
static void tlb_set_dirty(CPUState *cpu, vaddr addr)
{
    vaddr page = addr & TARGET_PAGE_MASK;

    for (int i = 0; i < tlb_nb_modes(cpu); i++) {
        CPUTLBEntry *e = tlb_entry(cpu, i, page);
        if (tlb_hit_page(e->addr_write, page)) {
            e->addr_write &= ~(uint64_t)TLB_NOTDIRTY;
        }
        for (int k = 0; k < CPU_VTLB_SIZE; k++) {
            e = &cpu->tlb->d[i].vtable[k];
            if (tlb_hit_page(e->addr_write, page)) {
                e->addr_write &= ~(uint64_t)TLB_NOTDIRTY;
            }
        }
    }
}

/* ---- watchpoints ---- */

static bool wp_overlaps(const CPUWatchpoint *wp, vaddr addr, vaddr len)
{
    vaddr wpend = wp->vaddr + wp->len - 1;
    vaddr end = addr + len - 1;

    return !(addr > wpend || wp->vaddr > end);
}

/* BP_MEM_* of the watchpoints that touch the page at @page. */
static int cpu_watchpoint_flags_in_page(CPUState *cpu, vaddr page)
{
    int flags = 0;

    for (guint i = 0; i < cpu->watchpoints->len; i++) {
        CPUWatchpoint *wp = g_ptr_array_index(cpu->watchpoints, i);
        if (wp_overlaps(wp, page, TARGET_PAGE_SIZE)) {
            flags |= wp->flags & BP_MEM_ACCESS;
        }
    }
    return flags;
}

int cpu_watchpoint_insert(CPUState *cpu, vaddr addr, vaddr len, int flags,
                          CPUWatchpoint **watchpoint)
{
    CPUWatchpoint *wp;

    if (len == 0 || addr + len - 1 < addr) {
        return -EINVAL;
    }
    if (!cpu->watchpoints) {
        cpu->watchpoints = g_ptr_array_new_with_free_func(g_free);
    }
    wp = g_new0(CPUWatchpoint, 1);
    wp->vaddr = addr;
    wp->len = len;
    wp->flags = flags;
    if (flags & BP_GDB) {
        g_ptr_array_insert(cpu->watchpoints, 0, wp);
    } else {
        g_ptr_array_add(cpu->watchpoints, wp);
    }
    tlb_flush_range_by_mmuidx(cpu, addr, len, all_mmuidx(cpu), 64);
    if (watchpoint) {
        *watchpoint = wp;
    }
    return 0;
}

int cpu_watchpoint_remove(CPUState *cpu, vaddr addr, vaddr len, int flags)
{
    if (!cpu->watchpoints) {
        return -ENOENT;
    }
    for (guint i = 0; i < cpu->watchpoints->len; i++) {
        CPUWatchpoint *wp = g_ptr_array_index(cpu->watchpoints, i);
        if (wp->vaddr == addr && wp->len == len &&
            flags == (wp->flags & ~BP_WATCHPOINT_HIT)) {
            if (cpu->watchpoint_hit == wp) {
                cpu->watchpoint_hit = NULL;
            }
            g_ptr_array_remove_index(cpu->watchpoints, i);
            tlb_flush_range_by_mmuidx(cpu, addr, len, all_mmuidx(cpu), 64);
            return 0;
        }
    }
    return -ENOENT;
}

void cpu_watchpoint_remove_all(CPUState *cpu, int mask)
{
    if (!cpu->watchpoints) {
        return;
    }
    for (guint i = cpu->watchpoints->len; i-- > 0;) {
        CPUWatchpoint *wp = g_ptr_array_index(cpu->watchpoints, i);
        if (wp->flags & mask) {
            vaddr a = wp->vaddr, l = wp->len;
            if (cpu->watchpoint_hit == wp) {
                cpu->watchpoint_hit = NULL;
            }
            g_ptr_array_remove_index(cpu->watchpoints, i);
            tlb_flush_range_by_mmuidx(cpu, a, l, all_mmuidx(cpu), 64);
        }
    }
}

/*
 * An access to a page with TLB_WATCHPOINT. On a hit: remember it, go back
 * to the start of the insn and run it alone with no interrupt check; when
 * this function sees the hit again (during that re-run) it lets the access
 * through and raises CPU_INTERRUPT_DEBUG, which stops the CPU right after
 * the insn. BP_STOP_BEFORE_ACCESS stops before instead.
 */
static void cpu_check_watchpoint(CPUState *cpu, vaddr addr, vaddr len,
                                 MemTxAttrs attrs, int flags, uintptr_t ra)
{
    if (!cpu->watchpoints) {
        return;
    }
    if (cpu->watchpoint_hit) {
        if (!(cpu->interrupt_request & CPU_INTERRUPT_DEBUG)) {
            cpu_interrupt(cpu, CPU_INTERRUPT_DEBUG);
        }
        return;
    }
    for (guint i = 0; i < cpu->watchpoints->len; i++) {
        CPUWatchpoint *wp = g_ptr_array_index(cpu->watchpoints, i);
        if (!wp_overlaps(wp, addr, len) || !(wp->flags & flags)) {
            continue;
        }
        if (wp->flags & BP_CPU) {
            /* The guest's own watchpoint: the target's architecture rules. */
            if (cpu->tcg_ops->debug_watchpoint_hit) {
                cpu->tcg_ops->debug_watchpoint_hit(cpu, addr, len,
                                                   flags == BP_MEM_WRITE, ra);
            }
            continue;
        }
        wp->flags |= flags == BP_MEM_READ ? BP_WATCHPOINT_HIT_READ
                                          : BP_WATCHPOINT_HIT_WRITE;
        wp->hitaddr = MAX(addr, wp->vaddr);
        wp->hitattrs = attrs;
        cpu->watchpoint_hit = wp;
        if (wp->flags & BP_STOP_BEFORE_ACCESS) {
            cpu->exception_index = EXCP_DEBUG;
            cpu_loop_exit_restore(cpu, ra);
        }
        cpu_restore_state(cpu, ra);
        cpu->cflags_next_tb = 1 | CF_NOIRQ | curr_cflags(cpu);
        cpu_loop_exit_noexc(cpu);
    }
}

/* ---- lookup ---- */

/* Swap a victim entry that maps @page into the main table. */
static bool victim_tlb_hit(CPUState *cpu, int mmu_idx, uintptr_t index,
                           MMUAccessType type, vaddr page)
{
    CPUTLBDesc *desc = &cpu->tlb->d[mmu_idx];

    for (int k = 0; k < CPU_VTLB_SIZE; k++) {
        CPUTLBEntry *vtlb = &desc->vtable[k];
        if (tlb_hit_page(tlb_read_idx(vtlb, type), page)) {
            CPUTLBEntry *te = &cpu_tlb_fast(cpu, mmu_idx)->table[index];
            CPUTLBEntry tmp = *te;
            CPUTLBEntryFull tmpf = desc->fulltlb[index];
            if (tlb_entry_is_empty(te)) {
                desc->n_used_entries++;     /* the slot gains a page */
            }
            *te = *vtlb;
            *vtlb = tmp;
            desc->fulltlb[index] = desc->vfulltlb[k];
            desc->vfulltlb[k] = tmpf;
            tlb_stats.victim_hits++;
            return true;
        }
    }
    return false;
}

/* What the slow path knows about one page of an access. */
typedef struct MMULookupPage {
    CPUTLBEntryFull full;   /* a copy: a later fill may evict the entry */
    uint64_t flags;         /* TLB_* of the entry for this access type */
    uint8_t *haddr;         /* host address of the first byte, if direct */
    vaddr addr;
    int size;
} MMULookupPage;

/*
 * Find (filling if needed) the page of [addr, addr+size) for @type. May
 * longjmp out through tlb_fill with the guest's fault. With @probe, returns
 * false instead of faulting.
 */
static bool mmu_lookup1(CPUState *cpu, MMULookupPage *p, int mmu_idx,
                        MMUAccessType type, bool probe, uintptr_t ra)
{
    vaddr page = p->addr & TARGET_PAGE_MASK;
    uintptr_t index = tlb_index(cpu, mmu_idx, page);
    CPUTLBEntry *e = &cpu_tlb_fast(cpu, mmu_idx)->table[index];
    uint64_t cmp = tlb_read_idx(e, type);

    if (!tlb_hit_page(cmp, page)) {
        if (!victim_tlb_hit(cpu, mmu_idx, index, type, page)) {
            tlb_stats.fills++;
            if (!cpu->tcg_ops->tlb_fill(cpu, p->addr, p->size, type, mmu_idx,
                                        probe, ra)) {
                assert(probe);
                return false;
            }
            /* tlb_fill may have resized the table by flushing. */
            index = tlb_index(cpu, mmu_idx, page);
            e = &cpu_tlb_fast(cpu, mmu_idx)->table[index];
        }
        cmp = tlb_read_idx(e, type);
        if (cmp == (uint64_t)-1 || (cmp & TARGET_PAGE_MASK) != page) {
            /*
             * The target filled an entry that does not allow this access
             * (a bug in its tlb_fill): say so rather than loop.
             */
            log_mask(LOG_GUEST_ERROR, "cputlb: tlb_fill left va 0x%" VADDR_PRIx
                     " unmapped for access type %d\n", p->addr, type);
            if (probe) {
                return false;
            }
            /* Never write through a permission the target did not give. */
            cmp = page | (type == MMU_DATA_STORE ? TLB_DISCARD_WRITE | TLB_MMIO
                                                 : TLB_MMIO);
        }
    }
    p->flags = cmp & TLB_FLAGS_MASK & ~(uint64_t)TLB_INVALID_MASK;
    p->full = cpu->tlb->d[mmu_idx].fulltlb[index];
    p->haddr = (p->flags & TLB_MMIO) ? NULL
             : (uint8_t *)(uintptr_t)(p->addr + e->addend);
    return true;
}

static void cpu_unaligned_access(CPUState *cpu, vaddr addr, MMUAccessType type,
                                 int mmu_idx, uintptr_t ra)
{
    if (cpu->tcg_ops->do_unaligned_access) {
        cpu->tcg_ops->do_unaligned_access(cpu, addr, type, mmu_idx, ra);
    }
    log_mask(LOG_UNIMP, "cputlb: misaligned access at 0x%" VADDR_PRIx
             " and no do_unaligned_access hook: access done\n", addr);
}

/* ---- MMIO ---- */

static void io_failed(CPUState *cpu, const MMULookupPage *p, hwaddr paddr,
                      vaddr addr, unsigned size, MMUAccessType type,
                      int mmu_idx, MemTxResult r, uintptr_t ra)
{
    if (r != MEMTX_OK && cpu->tcg_ops->do_transaction_failed) {
        cpu->tcg_ops->do_transaction_failed(cpu, paddr, addr, size, type,
                                            mmu_idx, p->full.attrs, r, ra);
    }
}

/*
 * One device read of @size bytes (power of two, within the page) at @addr,
 * value in the byte order of @op. The map is looked up per access since a
 * page may hold several regions.
 */
static uint64_t io_readx(CPUState *cpu, const MMULookupPage *p, vaddr addr,
                         unsigned size, MemOp op, MMUAccessType type,
                         int mmu_idx, uintptr_t ra)
{
    hwaddr paddr = p->full.phys_addr + (addr & ~TARGET_PAGE_MASK);
    hwaddr xlat, len = size;
    uint64_t val = 0;
    MemTxResult r;
    MemoryRegion *mr;
    bool taken;

    taken = tlb_map_lock();
    mr = address_space_translate(cpu->as, paddr, &xlat, &len, false,
                                 p->full.attrs);
    if (len < size) {
        /* The access straddles two regions of a sub-page: bytes, in order. */
        r = MEMTX_OK;
        for (unsigned i = 0; i < size; i++) {
            uint64_t b = 0;
            hwaddr l1 = 1;
            MemoryRegion *m1 = address_space_translate(cpu->as, paddr + i, &xlat,
                                                       &l1, false, p->full.attrs);
            r |= memory_region_dispatch_read(m1, xlat, &b, MO_8, p->full.attrs);
            if (memop_big_endian(op)) {
                val |= (b & 0xff) << (8 * (size - 1 - i));
            } else {
                val |= (b & 0xff) << (8 * i);
            }
        }
    } else {
        r = memory_region_dispatch_read(mr, xlat, &val,
                                        (op & MO_BSWAP) | size_memop(size),
                                        p->full.attrs);
    }
    tlb_stats.mmio_accesses++;
    tlb_map_unlock(taken);
    io_failed(cpu, p, paddr, addr, size, type, mmu_idx, r, ra);
    return val;
}

static void io_writex(CPUState *cpu, const MMULookupPage *p, vaddr addr,
                      unsigned size, uint64_t val, MemOp op, int mmu_idx,
                      uintptr_t ra)
{
    hwaddr paddr = p->full.phys_addr + (addr & ~TARGET_PAGE_MASK);
    hwaddr xlat, len = size;
    MemTxResult r;
    MemoryRegion *mr;
    bool taken;

    taken = tlb_map_lock();
    mr = address_space_translate(cpu->as, paddr, &xlat, &len, true,
                                 p->full.attrs);
    if (len < size) {
        r = MEMTX_OK;
        for (unsigned i = 0; i < size; i++) {
            hwaddr l1 = 1;
            unsigned sh = memop_big_endian(op) ? 8 * (size - 1 - i) : 8 * i;
            MemoryRegion *m1 = address_space_translate(cpu->as, paddr + i, &xlat,
                                                       &l1, true, p->full.attrs);
            r |= memory_region_dispatch_write(m1, xlat, (val >> sh) & 0xff,
                                              MO_8, p->full.attrs);
        }
    } else {
        r = memory_region_dispatch_write(mr, xlat, val,
                                         (op & MO_BSWAP) | size_memop(size),
                                         p->full.attrs);
    }
    tlb_stats.mmio_accesses++;
    tlb_map_unlock(taken);
    io_failed(cpu, p, paddr, addr, size, MMU_DATA_STORE, mmu_idx, r, ra);
}

/* ---- RAM helpers ---- */

static inline uint64_t ld_host(const uint8_t *h, unsigned size, bool be)
{
    uint64_t v;

    switch (size) {
    case 1:
        return *h;
    case 2: {
        uint16_t x;
        memcpy(&x, h, 2);
        v = be ? __builtin_bswap16(x) : x;
        return v;
    }
    case 4: {
        uint32_t x;
        memcpy(&x, h, 4);
        return be ? __builtin_bswap32(x) : x;
    }
    default: {
        uint64_t x;
        memcpy(&x, h, 8);
        return be ? __builtin_bswap64(x) : x;
    }
    }
}

static inline void st_host(uint8_t *h, unsigned size, uint64_t v, bool be)
{
    switch (size) {
    case 1:
        *h = (uint8_t)v;
        break;
    case 2: {
        uint16_t x = be ? __builtin_bswap16((uint16_t)v) : (uint16_t)v;
        memcpy(h, &x, 2);
        break;
    }
    case 4: {
        uint32_t x = be ? __builtin_bswap32((uint32_t)v) : (uint32_t)v;
        memcpy(h, &x, 4);
        break;
    }
    default: {
        uint64_t x = be ? __builtin_bswap64(v) : v;
        memcpy(h, &x, 8);
        break;
    }
    }
}

/*
 * A write to a page that holds TBs: invalidate the code it overlaps (which
 * may not return, when it hits the TB running now), then let later writes
 * from this CPU go direct if the page has no code left.
 */
static void notdirty_write(CPUState *cpu, const MMULookupPage *p, vaddr addr,
                           unsigned size, uintptr_t ra)
{
    uint64_t ram = p->full.ram_addr;

    if (ram == (uint64_t)-1) {
        return;
    }
    ram += addr & ~TARGET_PAGE_MASK;
    tb_invalidate_phys_range_fast(cpu, ram, size, ra);
    if (!tb_page_is_code(ram & TARGET_PAGE_MASK)) {
        tlb_set_dirty(cpu, addr);
    }
}

/* ---- the slow path ---- */

/* Read @n bytes in memory order from one page into @buf. */
static void ld_bytes(CPUState *cpu, const MMULookupPage *p, vaddr addr,
                     uint8_t *buf, unsigned n, MMUAccessType type, int mmu_idx,
                     uintptr_t ra)
{
    if (!(p->flags & TLB_MMIO)) {
        memcpy(buf, p->haddr + (addr - p->addr), n);
        return;
    }
    /* Device side of a page-crossing access: naturally aligned pieces. */
    while (n) {
        unsigned chunk = 8;
        while (chunk > n || (addr & (chunk - 1))) {
            chunk >>= 1;
        }
        uint64_t v = io_readx(cpu, p, addr, chunk, MO_LE, type, mmu_idx, ra);
        for (unsigned i = 0; i < chunk; i++) {
            buf[i] = (uint8_t)(v >> (8 * i));
        }
        buf += chunk;
        addr += chunk;
        n -= chunk;
    }
}

static void st_bytes(CPUState *cpu, const MMULookupPage *p, vaddr addr,
                     const uint8_t *buf, unsigned n, int mmu_idx, uintptr_t ra)
{
    if (p->flags & TLB_DISCARD_WRITE) {
        return;
    }
    if (p->flags & TLB_MMIO) {
        while (n) {
            unsigned chunk = 8;
            uint64_t v = 0;
            while (chunk > n || (addr & (chunk - 1))) {
                chunk >>= 1;
            }
            for (unsigned i = 0; i < chunk; i++) {
                v |= (uint64_t)buf[i] << (8 * i);
            }
            io_writex(cpu, p, addr, chunk, v, MO_LE, mmu_idx, ra);
            buf += chunk;
            addr += chunk;
            n -= chunk;
        }
        return;
    }
    memcpy(p->haddr + (addr - p->addr), buf, n);
}

static uint64_t do_ld_mmu(CPUState *cpu, vaddr addr, MemOpIdx oi,
                          uintptr_t ra, MMUAccessType type)
{
    MemOp op = get_memop(oi);
    int mmu_idx = get_mmuidx(oi);
    unsigned size = memop_size(op);
    unsigned a_bits = memop_alignment_bits(op);
    bool be = memop_big_endian(op);
    unsigned off = addr & ~TARGET_PAGE_MASK;
    uint64_t val;

    if (addr & ((1u << a_bits) - 1)) {
        cpu_unaligned_access(cpu, addr, type, mmu_idx, ra);
    }
    if (off + size <= TARGET_PAGE_SIZE) {
        MMULookupPage p = { .addr = addr, .size = size };
        mmu_lookup1(cpu, &p, mmu_idx, type, false, ra);
        if (unlikely(p.flags & TLB_WATCHPOINT) && type != MMU_INST_FETCH) {
            cpu_check_watchpoint(cpu, addr, size, p.full.attrs, BP_MEM_READ, ra);
        }
        if (p.flags & TLB_MMIO) {
            val = io_readx(cpu, &p, addr, size, op, type, mmu_idx, ra);
        } else {
            val = ld_host(p.haddr, size, be);
        }
    } else {
        unsigned size1 = TARGET_PAGE_SIZE - off;
        MMULookupPage p1 = { .addr = addr, .size = size1 };
        MMULookupPage p2 = { .addr = addr + size1, .size = size - size1 };
        uint8_t buf[8];

        /* Both pages first: a fault on the second must come before any access. */
        mmu_lookup1(cpu, &p1, mmu_idx, type, false, ra);
        mmu_lookup1(cpu, &p2, mmu_idx, type, false, ra);
        if (unlikely((p1.flags | p2.flags) & TLB_WATCHPOINT) &&
            type != MMU_INST_FETCH) {
            cpu_check_watchpoint(cpu, addr, size, p1.full.attrs, BP_MEM_READ, ra);
        }
        ld_bytes(cpu, &p1, p1.addr, buf, size1, type, mmu_idx, ra);
        ld_bytes(cpu, &p2, p2.addr, buf + size1, size - size1, type, mmu_idx, ra);
        val = 0;
        for (unsigned i = 0; i < size; i++) {
            unsigned sh = be ? 8 * (size - 1 - i) : 8 * i;
            val |= (uint64_t)buf[i] << sh;
        }
    }
    if (op & MO_SIGN) {
        unsigned bits = 8 * size;
        if (bits < 64) {
            val = (uint64_t)((int64_t)(val << (64 - bits)) >> (64 - bits));
        }
    }
    return val;
}

static void do_st_mmu(CPUState *cpu, vaddr addr, uint64_t val, MemOpIdx oi,
                      uintptr_t ra)
{
    MemOp op = get_memop(oi);
    int mmu_idx = get_mmuidx(oi);
    unsigned size = memop_size(op);
    unsigned a_bits = memop_alignment_bits(op);
    bool be = memop_big_endian(op);
    unsigned off = addr & ~TARGET_PAGE_MASK;

    if (addr & ((1u << a_bits) - 1)) {
        cpu_unaligned_access(cpu, addr, MMU_DATA_STORE, mmu_idx, ra);
    }
    if (off + size <= TARGET_PAGE_SIZE) {
        MMULookupPage p = { .addr = addr, .size = size };
        mmu_lookup1(cpu, &p, mmu_idx, MMU_DATA_STORE, false, ra);
        if (unlikely(p.flags & TLB_WATCHPOINT)) {
            cpu_check_watchpoint(cpu, addr, size, p.full.attrs, BP_MEM_WRITE, ra);
        }
        if (p.flags & TLB_DISCARD_WRITE) {
            return;
        }
        if (p.flags & TLB_MMIO) {
            io_writex(cpu, &p, addr, size, val, op, mmu_idx, ra);
            return;
        }
        if (p.flags & TLB_NOTDIRTY) {
            notdirty_write(cpu, &p, addr, size, ra);
        }
        st_host(p.haddr, size, val, be);
    } else {
        unsigned size1 = TARGET_PAGE_SIZE - off;
        MMULookupPage p1 = { .addr = addr, .size = size1 };
        MMULookupPage p2 = { .addr = addr + size1, .size = size - size1 };
        uint8_t buf[8];

        mmu_lookup1(cpu, &p1, mmu_idx, MMU_DATA_STORE, false, ra);
        mmu_lookup1(cpu, &p2, mmu_idx, MMU_DATA_STORE, false, ra);
        if (unlikely((p1.flags | p2.flags) & TLB_WATCHPOINT)) {
            cpu_check_watchpoint(cpu, addr, size, p1.full.attrs, BP_MEM_WRITE, ra);
        }
        for (unsigned i = 0; i < size; i++) {
            unsigned sh = be ? 8 * (size - 1 - i) : 8 * i;
            buf[i] = (uint8_t)(val >> sh);
        }
        if ((p1.flags & (TLB_NOTDIRTY | TLB_MMIO)) == TLB_NOTDIRTY) {
            notdirty_write(cpu, &p1, p1.addr, size1, ra);
        }
        if ((p2.flags & (TLB_NOTDIRTY | TLB_MMIO)) == TLB_NOTDIRTY) {
            notdirty_write(cpu, &p2, p2.addr, size - size1, ra);
        }
        st_bytes(cpu, &p1, p1.addr, buf, size1, mmu_idx, ra);
        st_bytes(cpu, &p2, p2.addr, buf + size1, size - size1, mmu_idx, ra);
    }
}

/* ---- entry points for generated code ---- */

#define HELPER_LD(name, szop)                                              \
uint64_t helper_##name##_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi, \
                             uintptr_t retaddr)                            \
{                                                                          \
    assert((get_memop(oi) & MO_SIZE) == (szop));                           \
    return do_ld_mmu(env_cpu(env), addr, oi, retaddr, MMU_DATA_LOAD);      \
}

HELPER_LD(ldub, MO_8)
HELPER_LD(lduw, MO_16)
HELPER_LD(ldul, MO_32)
HELPER_LD(ldq, MO_64)

#define HELPER_LDS(name, szop)                                             \
uint64_t helper_##name##_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi, \
                             uintptr_t retaddr)                            \
{                                                                          \
    assert((get_memop(oi) & MO_SIZE) == (szop));                           \
    return do_ld_mmu(env_cpu(env), addr,                                   \
                     make_memop_idx(get_memop(oi) | MO_SIGN, get_mmuidx(oi)), \
                     retaddr, MMU_DATA_LOAD);                              \
}

HELPER_LDS(ldsb, MO_8)
HELPER_LDS(ldsw, MO_16)
HELPER_LDS(ldsl, MO_32)

void helper_stb_mmu(CPUArchState *env, uint64_t addr, uint32_t val,
                    MemOpIdx oi, uintptr_t retaddr)
{
    do_st_mmu(env_cpu(env), addr, val, oi, retaddr);
}

void helper_stw_mmu(CPUArchState *env, uint64_t addr, uint32_t val,
                    MemOpIdx oi, uintptr_t retaddr)
{
    do_st_mmu(env_cpu(env), addr, val, oi, retaddr);
}

void helper_stl_mmu(CPUArchState *env, uint64_t addr, uint32_t val,
                    MemOpIdx oi, uintptr_t retaddr)
{
    do_st_mmu(env_cpu(env), addr, val, oi, retaddr);
}

void helper_stq_mmu(CPUArchState *env, uint64_t addr, uint64_t val,
                    MemOpIdx oi, uintptr_t retaddr)
{
    do_st_mmu(env_cpu(env), addr, val, oi, retaddr);
}

/* ---- the C API for target helpers ---- */

static inline MemOpIdx oi_of(MemOp op, int mmu_idx)
{
    return make_memop_idx(op, mmu_idx);
}

uint8_t cpu_ldb_mmu(CPUArchState *env, vaddr addr, MemOpIdx oi, uintptr_t ra)
{
    return do_ld_mmu(env_cpu(env), addr, oi, ra, MMU_DATA_LOAD);
}

uint16_t cpu_ldw_mmu(CPUArchState *env, vaddr addr, MemOpIdx oi, uintptr_t ra)
{
    return do_ld_mmu(env_cpu(env), addr, oi, ra, MMU_DATA_LOAD);
}

uint32_t cpu_ldl_mmu(CPUArchState *env, vaddr addr, MemOpIdx oi, uintptr_t ra)
{
    return do_ld_mmu(env_cpu(env), addr, oi, ra, MMU_DATA_LOAD);
}

uint64_t cpu_ldq_mmu(CPUArchState *env, vaddr addr, MemOpIdx oi, uintptr_t ra)
{
    return do_ld_mmu(env_cpu(env), addr, oi, ra, MMU_DATA_LOAD);
}

void cpu_stb_mmu(CPUArchState *env, vaddr addr, uint8_t val, MemOpIdx oi,
                 uintptr_t ra)
{
    do_st_mmu(env_cpu(env), addr, val, oi, ra);
}

void cpu_stw_mmu(CPUArchState *env, vaddr addr, uint16_t val, MemOpIdx oi,
                 uintptr_t ra)
{
    do_st_mmu(env_cpu(env), addr, val, oi, ra);
}

void cpu_stl_mmu(CPUArchState *env, vaddr addr, uint32_t val, MemOpIdx oi,
                 uintptr_t ra)
{
    do_st_mmu(env_cpu(env), addr, val, oi, ra);
}

void cpu_stq_mmu(CPUArchState *env, vaddr addr, uint64_t val, MemOpIdx oi,
                 uintptr_t ra)
{
    do_st_mmu(env_cpu(env), addr, val, oi, ra);
}

uint32_t cpu_ldub_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx, uintptr_t ra)
{
    return do_ld_mmu(env_cpu(env), addr, oi_of(MO_UB, mmu_idx), ra, MMU_DATA_LOAD);
}

int cpu_ldsb_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx, uintptr_t ra)
{
    return (int)do_ld_mmu(env_cpu(env), addr, oi_of(MO_SB, mmu_idx), ra,
                          MMU_DATA_LOAD);
}

#define CPU_LD_MMUIDX(name, rtype, op)                                      \
rtype cpu_##name##_mmuidx_ra(CPUArchState *env, vaddr addr, int mmu_idx,   \
                             uintptr_t ra)                                  \
{                                                                           \
    return (rtype)do_ld_mmu(env_cpu(env), addr, oi_of(op, mmu_idx), ra,     \
                            MMU_DATA_LOAD);                                 \
}

CPU_LD_MMUIDX(lduw_le, uint32_t, MO_LEUW)
CPU_LD_MMUIDX(lduw_be, uint32_t, MO_BEUW)
CPU_LD_MMUIDX(ldsw_le, int, MO_LESW)
CPU_LD_MMUIDX(ldsw_be, int, MO_BESW)
CPU_LD_MMUIDX(ldl_le, uint32_t, MO_LEUL)
CPU_LD_MMUIDX(ldl_be, uint32_t, MO_BEUL)
CPU_LD_MMUIDX(ldq_le, uint64_t, MO_LEUQ)
CPU_LD_MMUIDX(ldq_be, uint64_t, MO_BEUQ)

#define CPU_ST_MMUIDX(name, vtype, op)                                      \
void cpu_##name##_mmuidx_ra(CPUArchState *env, vaddr addr, vtype val,      \
                            int mmu_idx, uintptr_t ra)                      \
{                                                                           \
    do_st_mmu(env_cpu(env), addr, val, oi_of(op, mmu_idx), ra);             \
}

CPU_ST_MMUIDX(stb, uint32_t, MO_UB)
CPU_ST_MMUIDX(stw_le, uint32_t, MO_LEUW)
CPU_ST_MMUIDX(stw_be, uint32_t, MO_BEUW)
CPU_ST_MMUIDX(stl_le, uint32_t, MO_LEUL)
CPU_ST_MMUIDX(stl_be, uint32_t, MO_BEUL)
CPU_ST_MMUIDX(stq_le, uint64_t, MO_LEUQ)
CPU_ST_MMUIDX(stq_be, uint64_t, MO_BEUQ)

int cpu_mmu_index(CPUArchState *env, bool ifetch)
{
    CPUState *cpu = env_cpu(env);

    return cpu->tcg_ops->mmu_index ? cpu->tcg_ops->mmu_index(cpu, ifetch) : 0;
}

static inline bool cpu_data_be(CPUArchState *env)
{
    return env_cpu(env)->tcg_ops->big_endian;
}

#define CPU_LD_DATA(name, rtype, op)                                        \
rtype cpu_##name##_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra)     \
{                                                                           \
    return (rtype)do_ld_mmu(env_cpu(env), addr,                             \
                            oi_of(op, cpu_mmu_index(env, false)), ra,       \
                            MMU_DATA_LOAD);                                 \
}

CPU_LD_DATA(ldub, uint32_t, MO_UB)
CPU_LD_DATA(ldsb, int, MO_SB)
CPU_LD_DATA(lduw_le, uint32_t, MO_LEUW)
CPU_LD_DATA(lduw_be, uint32_t, MO_BEUW)
CPU_LD_DATA(ldl_le, uint32_t, MO_LEUL)
CPU_LD_DATA(ldl_be, uint32_t, MO_BEUL)
CPU_LD_DATA(ldq_le, uint64_t, MO_LEUQ)
CPU_LD_DATA(ldq_be, uint64_t, MO_BEUQ)

#define CPU_ST_DATA(name, vtype, op)                                        \
void cpu_##name##_data_ra(CPUArchState *env, vaddr addr, vtype val,        \
                          uintptr_t ra)                                     \
{                                                                           \
    do_st_mmu(env_cpu(env), addr, val, oi_of(op, cpu_mmu_index(env, false)), \
              ra);                                                          \
}

CPU_ST_DATA(stb, uint32_t, MO_UB)
CPU_ST_DATA(stw_le, uint32_t, MO_LEUW)
CPU_ST_DATA(stw_be, uint32_t, MO_BEUW)
CPU_ST_DATA(stl_le, uint32_t, MO_LEUL)
CPU_ST_DATA(stl_be, uint32_t, MO_BEUL)
CPU_ST_DATA(stq_le, uint64_t, MO_LEUQ)
CPU_ST_DATA(stq_be, uint64_t, MO_BEUQ)

uint32_t cpu_lduw_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra)
{
    return cpu_data_be(env) ? cpu_lduw_be_data_ra(env, addr, ra)
                            : cpu_lduw_le_data_ra(env, addr, ra);
}

int cpu_ldsw_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra)
{
    return (int16_t)cpu_lduw_data_ra(env, addr, ra);
}

uint32_t cpu_ldl_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra)
{
    return cpu_data_be(env) ? cpu_ldl_be_data_ra(env, addr, ra)
                            : cpu_ldl_le_data_ra(env, addr, ra);
}

uint64_t cpu_ldq_data_ra(CPUArchState *env, vaddr addr, uintptr_t ra)
{
    return cpu_data_be(env) ? cpu_ldq_be_data_ra(env, addr, ra)
                            : cpu_ldq_le_data_ra(env, addr, ra);
}

void cpu_stw_data_ra(CPUArchState *env, vaddr addr, uint32_t val, uintptr_t ra)
{
    if (cpu_data_be(env)) {
        cpu_stw_be_data_ra(env, addr, val, ra);
    } else {
        cpu_stw_le_data_ra(env, addr, val, ra);
    }
}

void cpu_stl_data_ra(CPUArchState *env, vaddr addr, uint32_t val, uintptr_t ra)
{
    if (cpu_data_be(env)) {
        cpu_stl_be_data_ra(env, addr, val, ra);
    } else {
        cpu_stl_le_data_ra(env, addr, val, ra);
    }
}

void cpu_stq_data_ra(CPUArchState *env, vaddr addr, uint64_t val, uintptr_t ra)
{
    if (cpu_data_be(env)) {
        cpu_stq_be_data_ra(env, addr, val, ra);
    } else {
        cpu_stq_le_data_ra(env, addr, val, ra);
    }
}

uint32_t cpu_ldub_data(CPUArchState *env, vaddr addr)
{
    return cpu_ldub_data_ra(env, addr, 0);
}

uint32_t cpu_lduw_data(CPUArchState *env, vaddr addr)
{
    return cpu_lduw_data_ra(env, addr, 0);
}

uint32_t cpu_ldl_data(CPUArchState *env, vaddr addr)
{
    return cpu_ldl_data_ra(env, addr, 0);
}

uint64_t cpu_ldq_data(CPUArchState *env, vaddr addr)
{
    return cpu_ldq_data_ra(env, addr, 0);
}

void cpu_stb_data(CPUArchState *env, vaddr addr, uint32_t val)
{
    cpu_stb_data_ra(env, addr, val, 0);
}

void cpu_stw_data(CPUArchState *env, vaddr addr, uint32_t val)
{
    cpu_stw_data_ra(env, addr, val, 0);
}

void cpu_stl_data(CPUArchState *env, vaddr addr, uint32_t val)
{
    cpu_stl_data_ra(env, addr, val, 0);
}

void cpu_stq_data(CPUArchState *env, vaddr addr, uint64_t val)
{
    cpu_stq_data_ra(env, addr, val, 0);
}

static uint64_t cpu_ld_code(CPUArchState *env, vaddr addr, MemOp op)
{
    MemOp end = cpu_data_be(env) ? MO_BE : MO_LE;

    if ((op & MO_SIZE) == MO_8) {
        end = MO_LE;
    }
    return do_ld_mmu(env_cpu(env), addr, oi_of(op | end, cpu_mmu_index(env, true)),
                     0, MMU_INST_FETCH);
}

uint32_t cpu_ldub_code(CPUArchState *env, vaddr addr)
{
    return cpu_ld_code(env, addr, MO_8);
}

uint32_t cpu_lduw_code(CPUArchState *env, vaddr addr)
{
    return cpu_ld_code(env, addr, MO_16);
}

uint32_t cpu_ldl_code(CPUArchState *env, vaddr addr)
{
    return cpu_ld_code(env, addr, MO_32);
}

uint64_t cpu_ldq_code(CPUArchState *env, vaddr addr)
{
    return cpu_ld_code(env, addr, MO_64);
}

/* ---- probes ---- */

int probe_access_full(CPUArchState *env, vaddr addr, int size,
                      MMUAccessType access_type, int mmu_idx, bool nonfault,
                      void **phost, CPUTLBEntryFull **pfull, uintptr_t retaddr)
{
    CPUState *cpu = env_cpu(env);
    MMULookupPage p = { .addr = addr, .size = size ? size : 1 };
    static __thread CPUTLBEntryFull probe_full;

    if (!mmu_lookup1(cpu, &p, mmu_idx, access_type, nonfault, retaddr)) {
        *phost = NULL;
        if (pfull) {
            *pfull = NULL;
        }
        return TLB_INVALID_MASK;
    }
    if (access_type == MMU_DATA_STORE && size &&
        (p.flags & (TLB_NOTDIRTY | TLB_MMIO)) == TLB_NOTDIRTY) {
        notdirty_write(cpu, &p, addr, size, retaddr);
        p.flags &= ~(uint64_t)TLB_NOTDIRTY;
    }
    probe_full = p.full;
    if (pfull) {
        *pfull = &probe_full;
    }
    *phost = (p.flags & (TLB_MMIO | TLB_DISCARD_WRITE)) &&
             access_type == MMU_DATA_STORE ? NULL : (void *)p.haddr;
    if (p.flags & TLB_MMIO) {
        *phost = NULL;
    }
    return (int)(p.flags & ~(uint64_t)TLB_FORCE_SLOW);
}

int probe_access_flags(CPUArchState *env, vaddr addr, int size,
                       MMUAccessType access_type, int mmu_idx, bool nonfault,
                       void **phost, uintptr_t retaddr)
{
    return probe_access_full(env, addr, size, access_type, mmu_idx, nonfault,
                             phost, NULL, retaddr);
}

void *probe_access(CPUArchState *env, vaddr addr, int size,
                   MMUAccessType access_type, int mmu_idx, uintptr_t retaddr)
{
    void *host;
    int flags = probe_access_full(env, addr, size, access_type, mmu_idx,
                                  false, &host, NULL, retaddr);

    return flags & (TLB_MMIO | TLB_DISCARD_WRITE | TLB_WATCHPOINT) ? NULL : host;
}

void *tlb_vaddr_to_host(CPUArchState *env, vaddr addr,
                        MMUAccessType access_type, int mmu_idx)
{
    void *host;
    int flags = probe_access_full(env, addr, 0, access_type, mmu_idx, true,
                                  &host, NULL, 0);

    if (flags & (TLB_INVALID_MASK | TLB_MMIO | TLB_DISCARD_WRITE |
                 TLB_NOTDIRTY)) {
        return NULL;
    }
    return host;
}

/* ---- debugger access ---- */

hwaddr cpu_get_phys_page_attrs_debug(CPUState *cpu, vaddr addr,
                                     MemTxAttrs *attrs)
{
    CPUArchState *env = cpu_env(cpu);
    CPUTLBEntryFull *full;
    void *host;
    int flags;

    *attrs = MEMTXATTRS_UNSPECIFIED;
    if (cpu->tcg_ops->get_phys_page_attrs_debug) {
        return cpu->tcg_ops->get_phys_page_attrs_debug(cpu, addr, attrs);
    }
    if (!cpu->tlb) {
        return -1;
    }
    flags = probe_access_full(env, addr, 0, MMU_DATA_LOAD,
                              cpu_mmu_index(env, false), true, &host, &full, 0);
    if ((flags & TLB_INVALID_MASK) || !full) {
        /* Not readable as data: code-only pages are still worth showing. */
        flags = probe_access_full(env, addr, 0, MMU_INST_FETCH,
                                  cpu_mmu_index(env, true), true, &host, &full, 0);
        if ((flags & TLB_INVALID_MASK) || !full) {
            return -1;
        }
    }
    *attrs = full->attrs;
    return (full->phys_addr & TARGET_PAGE_MASK) | (addr & ~TARGET_PAGE_MASK);
}

hwaddr cpu_get_phys_page_debug(CPUState *cpu, vaddr addr)
{
    MemTxAttrs attrs;

    return cpu_get_phys_page_attrs_debug(cpu, addr, &attrs);
}

int cpu_memory_rw_debug(CPUState *cpu, vaddr addr, void *buf, size_t len,
                        bool is_write)
{
    uint8_t *p = buf;

    while (len) {
        MemTxAttrs attrs;
        hwaddr pa = cpu_get_phys_page_attrs_debug(cpu, addr, &attrs);
        size_t l = MIN(len, TARGET_PAGE_SIZE - (addr & ~TARGET_PAGE_MASK));
        MemTxResult r;

        if (pa == (hwaddr)-1) {
            return -1;
        }
        attrs.debug = 1;
        if (is_write) {
            /* Like a loader: gdb may plant breakpoints in ROM. */
            r = address_space_write_rom(cpu->as, pa, attrs, p, l);
        } else {
            r = address_space_read(cpu->as, pa, attrs, p, l);
        }
        if (r != MEMTX_OK) {
            return -1;
        }
        p += l;
        addr += l;
        len -= l;
    }
    return 0;
}

/* ---- code ---- */

tb_page_addr_t get_page_addr_code_hostp(CPUArchState *env, vaddr addr,
                                        void **hostp)
{
    CPUState *cpu = env_cpu(env);
    MMULookupPage p = { .addr = addr, .size = 1 };

    mmu_lookup1(cpu, &p, cpu_mmu_index(env, true), MMU_INST_FETCH, false, 0);
    if (p.flags & TLB_MMIO || p.full.ram_addr == (uint64_t)-1) {
        if (hostp) {
            *hostp = NULL;
        }
        return -1;
    }
    if (hostp) {
        *hostp = p.haddr;
    }
    return p.full.ram_addr + (addr & ~TARGET_PAGE_MASK);
}

/* ---- debugging ---- */

void tlb_dump(CPUState *cpu, FILE *f)
{
    for (int i = 0; i < tlb_nb_modes(cpu); i++) {
        CPUTLBDescFast *fast = cpu_tlb_fast(cpu, i);
        size_t n = tlb_n_entries_fast(fast);
        for (size_t k = 0; k < n; k++) {
            CPUTLBEntry *e = &fast->table[k];
            if (tlb_entry_is_empty(e)) {
                continue;
            }
            fprintf(f, "idx %d [%4zu] r %016" PRIx64 " w %016" PRIx64
                    " x %016" PRIx64 " pa %016" PRIx64 "\n", i, k,
                    e->addr_read, e->addr_write, e->addr_code,
                    (uint64_t)cpu->tlb->d[i].fulltlb[k].phys_addr);
        }
    }
}
