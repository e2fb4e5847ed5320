/*
 * translate-all.c - the TB cache: generating a TB (target front end + tcg
 * code generator), finding it again (per-CPU jump cache, global hash keyed
 * by (ram_addr of pc, pc, flags, cs_base, cflags)), knowing which RAM pages
 * hold code so that writes to them drop the TBs, chaining TBs with patched
 * jumps and unchaining them on invalidation, and flushing everything.
 *
 * Threading: every vCPU runs on one thread (tcg-accel.c), which alone
 * touches these structures. Other threads (DMA on the main loop) only ask
 * for invalidations, which are queued and done before the next TB runs.
 * TB structs live until the next tb_flush, so a pointer to an invalidated
 * TB stays valid while its code may still be executing.
 *
 * Not for: the exec loop (cpu-exec.c), the translator loop (translator.c).
 */
#include "util/osdep.h"
#include "exec/exec-all.h"
#include "exec/memory.h"
#include "tcg/tcg.h"
#include "util/log.h"

TBStats tb_stats;

/* All TBs since the last flush, in allocation order = code address order. */
static GPtrArray *tb_all;
static size_t tb_live;

#define TB_HASH_BITS 16
#define TB_HASH_SIZE (1u << TB_HASH_BITS)
static TranslationBlock *tb_hash[TB_HASH_SIZE];

/*
 * Code pages: ram_addr page index -> first TB on the page, a tagged link
 * (TB pointer | which of its two pages). Guarded by page_lock because the
 * RAM write hook (any thread) asks whether a range holds code.
 */
static GHashTable *page_table;
static GMutex page_lock;

/* Invalidations asked for by threads that do not run vCPUs. */
typedef struct PendingInval {
    tb_page_addr_t start, end;
} PendingInval;
static GMutex pending_lock;
static GArray *pending_inval;
static volatile int pending_inval_flag;

/* A TB whose translation a guest fault interrupted; freed on the next one. */
static TranslationBlock *tb_in_progress;

/* Bumped by every flush; the exec loop must not chain across one. */
volatile unsigned tb_flush_count;

/* ---- jump cache ---- */

/*
 * 4096 slots. The top 6 bits of the index hash the page and the low 6 the
 * offset in it, so all TBs of one page sit in 64 consecutive slots and
 * tb_jmp_cache_clear_page is cheap.
 */
#define TB_JMP_CACHE_BITS 12
#define TB_JMP_CACHE_SIZE (1u << TB_JMP_CACHE_BITS)
#define TB_JMP_PAGE_BITS  6

struct CPUJumpCache {
    struct {
        TranslationBlock *tb;
        vaddr pc;
    } array[TB_JMP_CACHE_SIZE];
};

static inline unsigned tb_jmp_cache_page_hash(vaddr pc)
{
    vaddr page = pc >> TARGET_PAGE_BITS;

    return (unsigned)((page ^ (page >> 6) ^ (page >> 12) ^ (page >> 24)) &
                      ((1u << TB_JMP_PAGE_BITS) - 1));
}

static inline unsigned tb_jmp_cache_hash(vaddr pc)
{
    unsigned off = (unsigned)((pc ^ (pc >> 6)) & ((1u << TB_JMP_PAGE_BITS) - 1));

    return (tb_jmp_cache_page_hash(pc) << TB_JMP_PAGE_BITS) | off;
}

void tb_jmp_cache_init(CPUState *cpu)
{
    if (!cpu->tb_jmp_cache) {
        cpu->tb_jmp_cache = g_new0(struct CPUJumpCache, 1);
    }
}

void tb_jmp_cache_free(CPUState *cpu)
{
    g_free(cpu->tb_jmp_cache);
    cpu->tb_jmp_cache = NULL;
}

void tb_jmp_cache_clear(CPUState *cpu)
{
    if (cpu->tb_jmp_cache) {
        memset(cpu->tb_jmp_cache, 0, sizeof(*cpu->tb_jmp_cache));
    }
}

void tb_jmp_cache_clear_page(CPUState *cpu, vaddr addr)
{
    struct CPUJumpCache *jc = cpu->tb_jmp_cache;

    if (!jc) {
        return;
    }
    /* A TB starting on the previous page may run into this one. */
    for (int k = 0; k < 2; k++) {
        vaddr page = (addr & TARGET_PAGE_MASK) - k * TARGET_PAGE_SIZE;
        unsigned base = tb_jmp_cache_page_hash(page) << TB_JMP_PAGE_BITS;
        memset(&jc->array[base], 0, sizeof(jc->array[0]) << TB_JMP_PAGE_BITS);
    }
}

static void tb_jmp_cache_remove(TranslationBlock *tb)
{
    unsigned h = tb_jmp_cache_hash(tb->pc);
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        struct CPUJumpCache *jc = cpu->tb_jmp_cache;
        if (jc && jc->array[h].tb == tb) {
            jc->array[h].tb = NULL;
        }
    }
}

/* ---- set-up ---- */

static void tb_ram_write_hook(ram_addr_t addr, ram_addr_t len);

static void tb_cache_init(void)
{
    if (tb_all) {
        return;
    }
    tb_all = g_ptr_array_new();
    page_table = g_hash_table_new(g_direct_hash, g_direct_equal);
    pending_inval = g_array_new(FALSE, FALSE, sizeof(PendingInval));
    physmem_set_ram_write_hook(tb_ram_write_hook);
}

void tcg_exec_init(size_t tb_size)
{
    static bool done;

    if (!done) {
        tcg_init(tb_size);
        done = true;
    }
    tb_cache_init();
}

size_t tb_count(void)
{
    return tb_live;
}

/* ---- hash ---- */

static inline uint32_t tb_hash_func(tb_page_addr_t phys_pc, vaddr pc,
                                    uint32_t flags, uint64_t cs_base,
                                    uint32_t cflags)
{
    uint64_t h = phys_pc * 0x9e3779b97f4a7c15ull;

    h ^= (pc + 0x632be59bd9b4e019ull) * 0xc2b2ae3d27d4eb4full;
    h ^= ((uint64_t)flags << 32 | (cflags & CF_HASH_MASK)) * 0x165667b19e3779f9ull;
    h ^= cs_base * 0x27d4eb2f165667c5ull;
    h ^= h >> 29;
    return (uint32_t)(h >> (64 - TB_HASH_BITS));
}

static void tb_hash_insert(TranslationBlock *tb)
{
    uint32_t h = tb_hash_func(tb->page_addr[0], tb->pc, tb->flags, tb->cs_base,
                              tb->cflags);

    tb->hash = h;
    tb->hash_next = tb_hash[h];
    tb_hash[h] = tb;
}

static void tb_hash_remove(TranslationBlock *tb)
{
    TranslationBlock **pp = &tb_hash[tb->hash];

    while (*pp) {
        if (*pp == tb) {
            *pp = tb->hash_next;
            tb->hash_next = NULL;
            return;
        }
        pp = &(*pp)->hash_next;
    }
}

TranslationBlock *tb_htable_lookup(CPUState *cpu, vaddr pc, uint64_t cs_base,
                                   uint32_t flags, uint32_t cflags)
{
    CPUArchState *env = cpu_env(cpu);
    tb_page_addr_t phys_pc;
    TranslationBlock *tb;

    if (!tb_all) {
        return NULL;
    }
    phys_pc = get_page_addr_code(env, pc);
    if (phys_pc == (tb_page_addr_t)-1) {
        return NULL;
    }
    cflags &= CF_HASH_MASK;
    for (tb = tb_hash[tb_hash_func(phys_pc, pc, flags, cs_base, cflags)]; tb;
         tb = tb->hash_next) {
        if (tb->pc != pc || tb->page_addr[0] != phys_pc ||
            tb->cs_base != cs_base || tb->flags != flags ||
            (tb->cflags & CF_HASH_MASK) != cflags ||
            (tb->cflags & CF_INVALID)) {
            continue;
        }
        if (tb->page_addr[1] != (tb_page_addr_t)-1) {
            /* The second page's mapping may have changed since. */
            vaddr page2 = (pc & TARGET_PAGE_MASK) + TARGET_PAGE_SIZE;
            tb_page_addr_t phys2 = get_page_addr_code(env, page2);
            if (phys2 == (tb_page_addr_t)-1 ||
                (phys2 & TARGET_PAGE_MASK) != tb->page_addr[1]) {
                continue;
            }
        }
        return tb;
    }
    return NULL;
}

TranslationBlock *tb_lookup(CPUState *cpu, vaddr pc, uint64_t cs_base,
                            uint32_t flags, uint32_t cflags)
{
    struct CPUJumpCache *jc = cpu->tb_jmp_cache;
    unsigned h = tb_jmp_cache_hash(pc);
    TranslationBlock *tb = jc ? jc->array[h].tb : NULL;

    if (tb && jc->array[h].pc == pc && tb->cs_base == cs_base &&
        tb->flags == flags &&
        (tb->cflags & CF_HASH_MASK) == (cflags & CF_HASH_MASK) &&
        !(tb->cflags & CF_INVALID)) {
        tb_stats.lookups_fast++;
        return tb;
    }
    tb = tb_htable_lookup(cpu, pc, cs_base, flags, cflags);
    if (tb) {
        tb_stats.lookups_hash++;
        if (jc) {
            jc->array[h].tb = tb;
            jc->array[h].pc = pc;
        }
    }
    return tb;
}

/* ---- code pages ---- */

static inline gpointer page_key(tb_page_addr_t addr)
{
    return GSIZE_TO_POINTER((gsize)(addr >> TARGET_PAGE_BITS));
}

bool tb_page_is_code(tb_page_addr_t page)
{
    bool r;

    if (!page_table || page == (tb_page_addr_t)-1) {
        return false;
    }
    g_mutex_lock(&page_lock);
    r = g_hash_table_contains(page_table, page_key(page));
    g_mutex_unlock(&page_lock);
    return r;
}

static void tb_page_add(TranslationBlock *tb, int n, tb_page_addr_t addr)
{
    gpointer key = page_key(addr);
    uintptr_t first;
    bool was_empty;

    g_mutex_lock(&page_lock);
    first = (uintptr_t)g_hash_table_lookup(page_table, key);
    was_empty = first == 0;
    tb->page_next[n] = first;
    g_hash_table_insert(page_table, key, (gpointer)((uintptr_t)tb | n));
    g_mutex_unlock(&page_lock);
    if (was_empty) {
        tlb_protect_code(addr & TARGET_PAGE_MASK);
    }
}

static void tb_page_remove(TranslationBlock *tb, int n, tb_page_addr_t addr)
{
    gpointer key = page_key(addr);
    uintptr_t want = (uintptr_t)tb | n;
    uintptr_t head, link, prev = 0;

    g_mutex_lock(&page_lock);
    head = (uintptr_t)g_hash_table_lookup(page_table, key);
    for (link = head; link; ) {
        TranslationBlock *t = (TranslationBlock *)(link & ~(uintptr_t)1);
        int tn = link & 1;
        if (link == want) {
            if (prev) {
                TranslationBlock *p = (TranslationBlock *)(prev & ~(uintptr_t)1);
                p->page_next[prev & 1] = t->page_next[tn];
            } else if (t->page_next[tn]) {
                g_hash_table_insert(page_table, key, (gpointer)t->page_next[tn]);
            } else {
                g_hash_table_remove(page_table, key);
            }
            break;
        }
        prev = link;
        link = t->page_next[tn];
    }
    g_mutex_unlock(&page_lock);
}

/* The ram_addr range [*start, *end) a TB's code covers on its page @n. */
static void tb_page_range(const TranslationBlock *tb, int n,
                          tb_page_addr_t *start, tb_page_addr_t *end)
{
    if (n == 0) {
        *start = tb->page_addr[0];
        *end = *start + tb->size;
        if (((*end - 1) ^ *start) & TARGET_PAGE_MASK) {
            *end = (*start & TARGET_PAGE_MASK) + TARGET_PAGE_SIZE;
        }
    } else {
        *start = tb->page_addr[1];
        *end = *start + ((tb->page_addr[0] + tb->size) & ~TARGET_PAGE_MASK);
    }
}

/* The TBs of the page at @page overlapping [start, end]. */
static GPtrArray *tb_collect(tb_page_addr_t page, tb_page_addr_t start,
                             tb_page_addr_t end)
{
    GPtrArray *found = NULL;
    uintptr_t link;

    g_mutex_lock(&page_lock);
    link = (uintptr_t)g_hash_table_lookup(page_table, page_key(page));
    while (link) {
        TranslationBlock *tb = (TranslationBlock *)(link & ~(uintptr_t)1);
        int n = link & 1;
        tb_page_addr_t s, e;

        tb_page_range(tb, n, &s, &e);
        if (!(e <= start || s > end)) {
            if (!found) {
                found = g_ptr_array_new();
            }
            g_ptr_array_add(found, tb);
        }
        link = tb->page_next[n];
    }
    g_mutex_unlock(&page_lock);
    return found;
}

/* ---- chaining ---- */

static void tb_reset_jump(TranslationBlock *tb, int n)
{
    uintptr_t addr = (uintptr_t)tb->tc.ptr + tb->jmp_reset_offset[n];

    tb->jmp_target_addr[n] = addr;
    tb_target_set_jmp_target(tb, n, (uintptr_t)tb->tc.ptr + tb->jmp_insn_offset[n],
                             (uintptr_t)tb->tc.ptr + tb->jmp_insn_offset[n]);
}

void tb_add_jump(TranslationBlock *tb, int n, TranslationBlock *tb_next)
{
    if (!tcg_accel_config.chaining || n < 0 || n > 1 ||
        tb->jmp_insn_offset[n] == TB_JMP_OFFSET_INVALID ||
        ((tb->cflags | tb_next->cflags) & CF_INVALID) ||
        (tb->cflags & CF_NO_GOTO_TB) || tb->jmp_dest[n] ||
        tb->page_addr[0] == (tb_page_addr_t)-1 ||
        tb_next->page_addr[0] == (tb_page_addr_t)-1) {
        return;
    }
    tb->jmp_dest[n] = (uintptr_t)tb_next;
    tb->jmp_list_next[n] = tb_next->jmp_list_head;
    tb_next->jmp_list_head = (uintptr_t)tb | n;
    tb->jmp_target_addr[n] = (uintptr_t)tb_next->tc.ptr;
    tb_target_set_jmp_target(tb, n, (uintptr_t)tb->tc.ptr + tb->jmp_insn_offset[n],
                             (uintptr_t)tb->tc.ptr + tb->jmp_insn_offset[n]);
    tb_stats.chained++;
    log_mask(LOG_EXEC, "Linking TBs %p index %d -> %p [%016" VADDR_PRIx "]\n",
             tb->tc.ptr, n, tb_next->tc.ptr, tb_next->pc);
}

/* Take jump @n of @tb off its destination's incoming list. */
static void tb_remove_from_jmp_list(TranslationBlock *tb, int n)
{
    TranslationBlock *dest = (TranslationBlock *)tb->jmp_dest[n];
    uintptr_t *pp;

    if (!dest) {
        return;
    }
    pp = &dest->jmp_list_head;
    while (*pp) {
        TranslationBlock *t = (TranslationBlock *)(*pp & ~(uintptr_t)1);
        int tn = *pp & 1;
        if (t == tb && tn == n) {
            *pp = t->jmp_list_next[tn];
            break;
        }
        pp = &t->jmp_list_next[tn];
    }
    tb->jmp_dest[n] = 0;
}

/* Make every TB that jumps straight into @tb go back through the exec loop. */
static void tb_jmp_unlink(TranslationBlock *dest)
{
    uintptr_t link = dest->jmp_list_head;

    while (link) {
        TranslationBlock *tb = (TranslationBlock *)(link & ~(uintptr_t)1);
        int n = link & 1;
        link = tb->jmp_list_next[n];
        tb_reset_jump(tb, n);
        tb->jmp_dest[n] = 0;
        tb->jmp_list_next[n] = 0;
    }
    dest->jmp_list_head = 0;
}

/* ---- invalidation ---- */

void tb_phys_invalidate(TranslationBlock *tb, tb_page_addr_t page_addr)
{
    (void)page_addr;
    if (tb->cflags & CF_INVALID) {
        return;
    }
    tb->cflags |= CF_INVALID;
    if (tb->page_addr[0] != (tb_page_addr_t)-1) {
        tb_hash_remove(tb);
        tb_page_remove(tb, 0, tb->page_addr[0]);
        if (tb->page_addr[1] != (tb_page_addr_t)-1) {
            tb_page_remove(tb, 1, tb->page_addr[1]);
        }
    }
    tb_jmp_cache_remove(tb);
    tb_remove_from_jmp_list(tb, 0);
    tb_remove_from_jmp_list(tb, 1);
    tb_jmp_unlink(tb);
    tb_live--;
    tb_stats.invalidated++;
}

/*
 * Invalidate the TBs overlapping [start, end]; report whether @current
 * (the TB now running, if any) was among them and more than one insn.
 */
static int tb_invalidate_range_current(tb_page_addr_t start, tb_page_addr_t end,
                                       TranslationBlock *current,
                                       bool *current_modified)
{
    int count = 0;

    if (!tb_all || end < start) {
        return 0;
    }
    for (tb_page_addr_t page = start & TARGET_PAGE_MASK; page <= end;
         page += TARGET_PAGE_SIZE) {
        GPtrArray *found = tb_collect(page, start, end);
        if (found) {
            for (guint i = 0; i < found->len; i++) {
                TranslationBlock *tb = g_ptr_array_index(found, i);
                if (tb == current && (tb->cflags & CF_COUNT_MASK) != 1) {
                    *current_modified = true;
                }
                tb_phys_invalidate(tb, -1);
                count++;
            }
            g_ptr_array_free(found, TRUE);
        }
        if (page + TARGET_PAGE_SIZE < page) {
            break;      /* wrapped */
        }
    }
    return count;
}

int tb_invalidate_phys_range(tb_page_addr_t start, tb_page_addr_t end)
{
    bool dummy = false;

    return tb_invalidate_range_current(start, end, NULL, &dummy);
}

void tb_invalidate_phys_page(tb_page_addr_t addr)
{
    addr &= TARGET_PAGE_MASK;
    tb_invalidate_phys_range(addr, addr + TARGET_PAGE_SIZE - 1);
}

void tb_invalidate_phys_range_fast(CPUState *cpu, hwaddr addr, unsigned len,
                                   uintptr_t retaddr)
{
    TranslationBlock *current = retaddr ? tcg_tb_lookup(retaddr) : NULL;
    bool modified = false;

    tb_invalidate_range_current(addr, addr + len - 1, current, &modified);
    if (modified) {
        /*
         * The store rewrote the TB we are in. Go back to the state before
         * the storing insn and run it alone in a fresh TB (with no exit
         * check, so it cannot be interrupted before it completes); the
         * next TB is translated from the new code.
         */
        cpu_restore_state(cpu, retaddr);
        cpu->cflags_next_tb = 1 | CF_NOIRQ | curr_cflags(cpu);
        cpu_loop_exit_noexc(cpu);
    }
}

/* Any thread: RAM was written by something other than translated code. */
static void tb_ram_write_hook(ram_addr_t addr, ram_addr_t len)
{
    bool any = false;
    CPUState *cpu;

    if (len == 0) {
        return;
    }
    g_mutex_lock(&page_lock);
    for (ram_addr_t p = addr & TARGET_PAGE_MASK; p < addr + len;
         p += TARGET_PAGE_SIZE) {
        if (g_hash_table_contains(page_table, page_key(p))) {
            any = true;
            break;
        }
    }
    g_mutex_unlock(&page_lock);
    if (!any) {
        return;
    }
    if (tcg_vcpu_thread == NULL || g_thread_self() == tcg_vcpu_thread) {
        tb_invalidate_phys_range(addr, addr + len - 1);
        return;
    }
    PendingInval pi = { addr, addr + len - 1 };
    g_mutex_lock(&pending_lock);
    g_array_append_val(pending_inval, pi);
    __atomic_store_n(&pending_inval_flag, 1, __ATOMIC_RELEASE);
    g_mutex_unlock(&pending_lock);
    CPU_FOREACH(cpu) {
        cpu_exit(cpu);
    }
}

void tb_run_pending_invalidations(void)
{
    GArray *work;

    if (!__atomic_load_n(&pending_inval_flag, __ATOMIC_ACQUIRE)) {
        return;
    }
    g_mutex_lock(&pending_lock);
    work = pending_inval;
    pending_inval = g_array_new(FALSE, FALSE, sizeof(PendingInval));
    pending_inval_flag = 0;
    g_mutex_unlock(&pending_lock);
    for (guint i = 0; i < work->len; i++) {
        PendingInval *pi = &g_array_index(work, PendingInval, i);
        tb_invalidate_phys_range(pi->start, pi->end);
    }
    g_array_free(work, TRUE);
}

/* ---- flush ---- */

static void do_tb_flush(void)
{
    CPUState *cpu;

    if (!tb_all) {
        return;
    }
    for (guint i = 0; i < tb_all->len; i++) {
        TranslationBlock *tb = g_ptr_array_index(tb_all, i);
        g_free(tb->insn_end_off);
        g_free(tb->insn_data);
        g_free(tb);
    }
    g_ptr_array_set_size(tb_all, 0);
    memset(tb_hash, 0, sizeof(tb_hash));
    g_mutex_lock(&page_lock);
    g_hash_table_remove_all(page_table);
    g_mutex_unlock(&page_lock);
    CPU_FOREACH(cpu) {
        tb_jmp_cache_clear(cpu);
    }
    tcg_region_reset_all();
    tb_live = 0;
    tb_flush_count++;
    tb_stats.flushes++;
    log_mask(LOG_EXEC, "tb_flush: code buffer reset\n");
}

static volatile int tb_flush_pending;

void tb_flush(CPUState *cpu)
{
    CPUState *c;

    /*
     * Inside a TB (a helper asked), or from another thread while the vCPUs
     * run, the code and TB structs are in use: do it when the exec loop
     * regains control.
     */
    if (tcg_in_tb_exec() || !tcg_vcpus_quiescent()) {
        tb_flush_pending = 1;
        CPU_FOREACH(c) {
            cpu_exit(c);
        }
        return;
    }
    (void)cpu;
    do_tb_flush();
}

void tb_run_pending_flush(void)
{
    if (tb_flush_pending) {
        tb_flush_pending = 0;
        do_tb_flush();
    }
}

/* ---- host pc -> TB ---- */

TranslationBlock *tcg_tb_lookup(uintptr_t host_pc)
{
    guint lo = 0, hi;

    if (!tb_all || tb_all->len == 0) {
        return NULL;
    }
    hi = tb_all->len;
    /* Last TB whose code starts at or below host_pc. */
    while (hi - lo > 1) {
        guint mid = (lo + hi) / 2;
        TranslationBlock *tb = g_ptr_array_index(tb_all, mid);
        if ((uintptr_t)tb->tc.ptr <= host_pc) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    TranslationBlock *tb = g_ptr_array_index(tb_all, lo);
    if (host_pc >= (uintptr_t)tb->tc.ptr &&
        host_pc <= (uintptr_t)tb->tc.ptr + tb->tc.size) {
        return tb;
    }
    return NULL;
}

bool cpu_restore_state(CPUState *cpu, uintptr_t host_pc)
{
    uint64_t data[TARGET_INSN_START_WORDS_MAX];
    TranslationBlock *tb;

    if (host_pc < GETPC_ADJ) {
        return false;
    }
    tb = tcg_tb_lookup(host_pc);
    if (!tb || !cpu_unwind_state_data(tb, host_pc, data)) {
        return false;
    }
    cpu->tcg_ops->restore_state_to_opc(cpu, tb, data);
    return true;
}

/* ---- generation ---- */

TranslationBlock *tb_gen_code(CPUState *cpu, vaddr pc, uint64_t cs_base,
                              uint32_t flags, int cflags)
{
    CPUArchState *env = cpu_env(cpu);
    TranslationBlock *tb;
    tb_page_addr_t phys_pc;
    void *host_pc;
    int max_insns, n;

    tcg_exec_init(0);
    if (tb_in_progress) {
        g_free(tb_in_progress);
        tb_in_progress = NULL;
    }
    phys_pc = get_page_addr_code_hostp(env, pc, &host_pc);
    if (phys_pc == (tb_page_addr_t)-1) {
        /* Code in MMIO: one insn at a time, never cached or chained. */
        cflags = (cflags & ~CF_COUNT_MASK) | 1 | CF_NO_GOTO_TB;
    }
    max_insns = cflags & CF_COUNT_MASK;
    if (max_insns == 0) {
        max_insns = TCG_MAX_INSNS;
    }

    tb = g_new0(TranslationBlock, 1);
    tb->pc = pc;
    tb->cs_base = cs_base;
    tb->flags = flags;
    tb->cflags = cflags;
    tb->page_addr[0] = phys_pc;
    tb->page_addr[1] = -1;
    tb_in_progress = tb;

    for (;;) {
        int want = max_insns;

        tcg_func_start(tcg_ctx);
        /* IR emitters look at the TB's cflags (CF_NO_GOTO_PTR, ...). */
        tcg_ctx->gen_tb = tb;
        tb->tc.ptr = tcg_ctx->code_gen_ptr;
        tb->page_addr[1] = -1;
        cpu->tcg_ops->translate_code(cpu, tb, &want, pc, host_pc);
        n = tcg_gen_code(tcg_ctx, tb, pc);
        if (n == -1) {
            /* Code buffer full: start again from an empty one. */
            do_tb_flush();
            continue;
        }
        if (n == -2) {
            /* One insn that does not fit is a bug in a front end. */
            g_assert(max_insns > 1);
            max_insns = MAX(1, max_insns / 2);
            continue;
        }
        break;
    }
    tb_in_progress = NULL;

    tb->tc.size = n;
    {
        unsigned icount = MIN((unsigned)tb->icount, (unsigned)TCG_MAX_INSNS);
        tb->insn_end_off = g_memdup2(tcg_ctx->gen_insn_end_off,
                                     icount * sizeof(uint32_t));
        tb->insn_data = g_memdup2(tcg_ctx->gen_insn_data,
                                  icount * TARGET_INSN_START_WORDS_MAX *
                                  sizeof(uint64_t));
    }
    for (int k = 0; k < 2; k++) {
        if (tb->jmp_reset_offset[k] != TB_JMP_OFFSET_INVALID) {
            tb->jmp_target_addr[k] = (uintptr_t)tb->tc.ptr + tb->jmp_reset_offset[k];
        }
    }
    tcg_ctx->code_gen_ptr = (void *)ROUND_UP((uintptr_t)tb->tc.ptr + n,
                                             TCG_CODE_ALIGN);
    g_ptr_array_add(tb_all, tb);
    tb_live++;
    tb_stats.translated++;

    if (phys_pc != (tb_page_addr_t)-1 && !(tb->cflags & CF_NOCACHE)) {
        tb_page_add(tb, 0, phys_pc);
        if (tb->page_addr[1] != (tb_page_addr_t)-1) {
            tb_page_add(tb, 1, tb->page_addr[1]);
        }
        tb_hash_insert(tb);
        if (cpu->tb_jmp_cache) {
            unsigned h = tb_jmp_cache_hash(pc);
            cpu->tb_jmp_cache->array[h].tb = tb;
            cpu->tb_jmp_cache->array[h].pc = pc;
        }
    } else {
        /* Not findable again: run once, then it is dead. */
        tb->cflags |= CF_INVALID;
        tb_live--;
    }
    return tb;
}

void dump_exec_info(GString *buf)
{
    g_string_append_printf(buf, "Translation buffer state:\n");
    g_string_append_printf(buf, "gen code size       %zu/%zu\n",
                           tb_all ? tcg_code_size() : 0,
                           tb_all ? tcg_code_capacity() : 0);
    g_string_append_printf(buf, "TB count            %zu\n", tb_live);
    g_string_append_printf(buf, "TBs translated      %" PRIu64 "\n",
                           tb_stats.translated);
    g_string_append_printf(buf, "TBs invalidated     %" PRIu64 "\n",
                           tb_stats.invalidated);
    g_string_append_printf(buf, "TB flush count      %" PRIu64 "\n",
                           tb_stats.flushes);
    g_string_append_printf(buf, "direct jumps made   %" PRIu64 "\n",
                           tb_stats.chained);
    g_string_append_printf(buf, "lookups: jump cache %" PRIu64 ", hash %" PRIu64
                           "\n", tb_stats.lookups_fast, tb_stats.lookups_hash);
    g_string_append_printf(buf, "TLB fills           %" PRIu64 "\n", tlb_stats.fills);
    g_string_append_printf(buf, "TLB victim hits     %" PRIu64 "\n",
                           tlb_stats.victim_hits);
    g_string_append_printf(buf, "TLB full flushes    %" PRIu64 "\n", tlb_stats.flushes);
    g_string_append_printf(buf, "TLB resizes         %" PRIu64 "\n", tlb_stats.resizes);
    g_string_append_printf(buf, "MMIO accesses       %" PRIu64 "\n",
                           tlb_stats.mmio_accesses);
}
