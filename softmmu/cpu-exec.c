/*
 * cpu-exec.c - the generic vCPU and the loop that runs translated code.
 *
 * cpu_exec(cpu) runs one CPU until something the caller must see happens:
 *
 *   sigsetjmp (guest exceptions from helpers and the TLB land here)
 *   loop: handle a pending exception (do_interrupt) or leave with EXCP_*
 *     loop: handle interrupt requests (cpu_exec_interrupt) and exit requests
 *           run queued TLB flushes / TB invalidations / TB flush
 *           key = get_tb_cpu_state(); tb = jump cache / hash / tb_gen_code
 *           chain the previous TB's exit to it; run it
 *
 * Also here: the CPU list, realize/reset, interrupt requests and kicks,
 * cpu_loop_exit*, and helper_lookup_tb_ptr (goto_ptr's lookup).
 * Not for: the vCPU thread (tcg-accel.c), the TB cache (translate-all.c).
 */
#include "util/osdep.h"
#include "trace/trace.h"
#include "exec/exec-all.h"
#include "exec/address-spaces.h"
#include "sysemu/main-loop.h"
#include "tcg/tcg.h"
#include "util/error.h"
#include "util/log.h"

CPUState *first_cpu;
__thread CPUState *current_cpu;

/* Depth of generated code on this thread (0 = in the exec loop or outside). */
static __thread int tb_exec_depth;

bool tcg_in_tb_exec(void)
{
    return tb_exec_depth > 0;
}

/* ---- the CPU list and life cycle ---- */

CPUState *qemu_get_cpu(int index)
{
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        if (cpu->cpu_index == index) {
            return cpu;
        }
    }
    return NULL;
}

bool cpu_exec_realizefn(CPUState *cpu, GError **errp)
{
    static GPtrArray *initialized_ops;
    const TCGCPUOps *ops = cpu->tcg_ops;
    CPUState **pp;
    int index = 0;

    if (!ops || !ops->translate_code || !ops->get_tb_cpu_state ||
        !ops->restore_state_to_opc || !ops->tlb_fill ||
        !ops->cpu_exec_interrupt || !ops->do_interrupt || !ops->has_work) {
        error_setg(errp, "CPU %s: incomplete TCGCPUOps (translate_code, "
                   "get_tb_cpu_state, restore_state_to_opc, tlb_fill, "
                   "cpu_exec_interrupt, do_interrupt, has_work are required)",
                   ops && ops->name ? ops->name : "?");
        return false;
    }
    if (ops->nb_mmu_modes < 1 || ops->nb_mmu_modes > NB_MMU_MODES) {
        error_setg(errp, "CPU %s: nb_mmu_modes %d not in 1..%d",
                   ops->name ? ops->name : "?", ops->nb_mmu_modes, NB_MMU_MODES);
        return false;
    }
    if (!initialized_ops) {
        initialized_ops = g_ptr_array_new();
    }
    /* Targets create their TCG globals in initialize: tcg must exist. */
    tcg_exec_init(0);
    if (!g_ptr_array_find(initialized_ops, ops, NULL)) {
        g_ptr_array_add(initialized_ops, (gpointer)ops);
        if (ops->initialize) {
            ops->initialize();
        }
    }
    /* Make sure the global address spaces exist (idempotent). */
    get_system_memory();
    if (!cpu->as) {
        cpu->as = &address_space_memory;
    }
    for (pp = &first_cpu; *pp; pp = &(*pp)->next_cpu) {
        index = MAX(index, (*pp)->cpu_index + 1);
    }
    cpu->cpu_index = index;
    cpu->next_cpu = NULL;
    *pp = cpu;
    cpu->exception_index = -1;
    cpu->cflags_next_tb = -1;
    if (cpu->nr_cores == 0) {
        cpu->nr_cores = 1;
    }
    if (cpu->nr_threads == 0) {
        cpu->nr_threads = 1;
    }
    tlb_init(cpu);
    tb_jmp_cache_init(cpu);
    cpu->created = true;
    return true;
}

void cpu_exec_unrealizefn(CPUState *cpu)
{
    CPUState **pp;

    for (pp = &first_cpu; *pp; pp = &(*pp)->next_cpu) {
        if (*pp == cpu) {
            *pp = cpu->next_cpu;
            break;
        }
    }
    tlb_destroy(cpu);
    tb_jmp_cache_free(cpu);
    if (cpu->breakpoints) {
        g_array_free(cpu->breakpoints, TRUE);
        cpu->breakpoints = NULL;
    }
    if (cpu->watchpoints) {
        g_ptr_array_free(cpu->watchpoints, TRUE);
        cpu->watchpoints = NULL;
    }
    cpu->watchpoint_hit = NULL;
    cpu->created = false;
}

void cpu_reset(CPUState *cpu)
{
    cpu->interrupt_request = 0;
    cpu->halted = cpu->start_powered_off;
    cpu->exception_index = -1;
    cpu->exit_request = 0;
    cpu->cflags_next_tb = -1;
    cpu->crash_occurred = false;
    __atomic_store_n(&cpu_neg(cpu)->icount_decr.u32, 0, __ATOMIC_SEQ_CST);
    if (cpu->tlb) {
        tlb_flush(cpu);
    }
    tb_jmp_cache_clear(cpu);
    if (cpu->tcg_ops && cpu->tcg_ops->cpu_reset) {
        cpu->tcg_ops->cpu_reset(cpu);
    }
}

void cpu_dump_state(CPUState *cpu, FILE *f, int flags)
{
    if (cpu->tcg_ops && cpu->tcg_ops->dump_state) {
        cpu->tcg_ops->dump_state(cpu, f, flags);
    } else {
        fprintf(f, "CPU#%d: no register dump for this target\n", cpu->cpu_index);
    }
}

/* ---- requests from other threads ---- */

bool qemu_cpu_is_self(CPUState *cpu)
{
    (void)cpu;
    return tcg_vcpu_thread == NULL || g_thread_self() == tcg_vcpu_thread;
}

void cpu_exit(CPUState *cpu)
{
    __atomic_store_n(&cpu->exit_request, 1, __ATOMIC_SEQ_CST);
    /* Seen by the check at the start of every TB. */
    __atomic_store_n(&cpu_neg(cpu)->icount_decr.u16.high, 0xffff,
                     __ATOMIC_SEQ_CST);
}

void qemu_cpu_kick(CPUState *cpu)
{
    /* Leave the current TB soon to look at interrupt_request ... */
    __atomic_store_n(&cpu_neg(cpu)->icount_decr.u16.high, 0xffff,
                     __ATOMIC_SEQ_CST);
    /* ... and wake or reschedule the thread that runs the CPUs. */
    tcg_kick_vcpu_thread(cpu);
}

void cpu_interrupt(CPUState *cpu, int mask)
{
    __atomic_or_fetch(&cpu->interrupt_request, (uint32_t)mask, __ATOMIC_SEQ_CST);
    qemu_cpu_kick(cpu);
}

void cpu_reset_interrupt(CPUState *cpu, int mask)
{
    __atomic_and_fetch(&cpu->interrupt_request, ~(uint32_t)mask, __ATOMIC_SEQ_CST);
}

bool cpu_has_work(CPUState *cpu)
{
    return cpu->tcg_ops->has_work(cpu);
}

bool cpu_is_stopped(CPUState *cpu)
{
    return cpu->stopped;
}

/* ---- leaving generated code ---- */

void cpu_loop_exit(CPUState *cpu)
{
    siglongjmp(cpu->jmp_env, 1);
}

void cpu_loop_exit_restore(CPUState *cpu, uintptr_t pc)
{
    if (pc) {
        cpu_restore_state(cpu, pc);
    }
    cpu_loop_exit(cpu);
}

void cpu_loop_exit_noexc(CPUState *cpu)
{
    cpu->exception_index = -1;
    cpu_loop_exit(cpu);
}

uint32_t curr_cflags(CPUState *cpu)
{
    uint32_t cflags = 0;

    if (!tcg_accel_config.chaining) {
        cflags |= CF_NO_GOTO_TB | CF_NO_GOTO_PTR;
    }
    if (cpu->singlestep_enabled) {
        cflags |= CF_NO_GOTO_TB | CF_NO_GOTO_PTR | CF_SINGLE_STEP | 1;
    } else if (tcg_accel_config.one_insn_per_tb) {
        cflags |= CF_NO_GOTO_TB | 1;
    }
    return cflags;
}

/* ---- breakpoints and single step ---- */

int cpu_breakpoint_insert(CPUState *cpu, vaddr pc, int flags,
                          CPUBreakpoint **breakpoint)
{
    CPUBreakpoint bp = { .pc = pc, .flags = flags };

    if (!cpu->breakpoints) {
        cpu->breakpoints = g_array_new(FALSE, FALSE, sizeof(CPUBreakpoint));
    }
    /* gdb's breakpoints go first, so they are found first. */
    if (flags & BP_GDB) {
        g_array_prepend_val(cpu->breakpoints, bp);
    } else {
        g_array_append_val(cpu->breakpoints, bp);
    }
    if (breakpoint) {
        *breakpoint = NULL;     /* the array may move; do not keep pointers */
    }
    /* TBs already cover @pc (and chain into each other): start afresh. */
    tb_flush(cpu);
    return 0;
}

int cpu_breakpoint_remove(CPUState *cpu, vaddr pc, int flags)
{
    if (!cpu->breakpoints) {
        return -ENOENT;
    }
    for (guint i = 0; i < cpu->breakpoints->len; i++) {
        CPUBreakpoint *bp = &g_array_index(cpu->breakpoints, CPUBreakpoint, i);
        if (bp->pc == pc && bp->flags == flags) {
            g_array_remove_index(cpu->breakpoints, i);
            tb_flush(cpu);
            return 0;
        }
    }
    return -ENOENT;
}

void cpu_breakpoint_remove_all(CPUState *cpu, int mask)
{
    bool removed = false;

    if (!cpu->breakpoints) {
        return;
    }
    for (guint i = cpu->breakpoints->len; i-- > 0;) {
        if (g_array_index(cpu->breakpoints, CPUBreakpoint, i).flags & mask) {
            g_array_remove_index(cpu->breakpoints, i);
            removed = true;
        }
    }
    if (removed) {
        tb_flush(cpu);
    }
}

bool cpu_breakpoint_test(CPUState *cpu, vaddr pc, int mask)
{
    if (!cpu->breakpoints) {
        return false;
    }
    for (guint i = 0; i < cpu->breakpoints->len; i++) {
        CPUBreakpoint *bp = &g_array_index(cpu->breakpoints, CPUBreakpoint, i);
        if (bp->pc == pc && (bp->flags & mask)) {
            return true;
        }
    }
    return false;
}

void cpu_single_step(CPUState *cpu, int enabled)
{
    if (cpu->singlestep_enabled != enabled) {
        cpu->singlestep_enabled = enabled;
        tb_flush(cpu);
    }
}

/*
 * Before looking up the TB at @pc: stop for a breakpoint there, and run
 * pages with breakpoints one insn per TB so none is jumped over.
 */
static bool check_for_breakpoints(CPUState *cpu, vaddr pc, uint32_t *cflags)
{
    bool same_page = false;

    if (likely(!cpu->breakpoints || cpu->breakpoints->len == 0)) {
        return false;
    }
    /* Stepping stops after every insn anyway, breakpoint or not. */
    if (cpu->singlestep_enabled) {
        return false;
    }
    for (guint i = 0; i < cpu->breakpoints->len; i++) {
        CPUBreakpoint *bp = &g_array_index(cpu->breakpoints, CPUBreakpoint, i);
        if (bp->pc == pc) {
            if (bp->flags & BP_GDB) {
                cpu->exception_index = EXCP_DEBUG;
                return true;
            }
            log_mask(LOG_UNIMP, "cpu %d: architectural breakpoint at 0x%"
                     VADDR_PRIx " not modelled\n", cpu->cpu_index, pc);
        }
        if (((bp->pc ^ pc) & TARGET_PAGE_MASK) == 0) {
            same_page = true;
        }
    }
    if (same_page) {
        *cflags = (*cflags & ~CF_COUNT_MASK) | CF_NO_GOTO_TB | 1;
    }
    return false;
}

/* ---- the loop ---- */

static void log_cpu_exec_slow(CPUState *cpu, const TranslationBlock *tb)
{
    if (log_enabled(LOG_EXEC)) {
        log_printf("Trace %d: %p [%016" PRIx64 "/%016" VADDR_PRIx "/%08x/%08x]\n",
                   cpu->cpu_index, tb->tc.ptr, tb->cs_base, tb->pc, tb->flags,
                   tb->cflags);
    }
    if (log_enabled(LOG_CPU)) {
        cpu_dump_state(cpu, log_file(), 0);
    }
}

static inline void log_cpu_exec(CPUState *cpu, const TranslationBlock *tb)
{
    /* Chained TBs do not pass here: -d nochain shows every TB. */
    trace_exec_tb(tb, tb->pc);
    if (unlikely(log_enabled(LOG_EXEC | LOG_CPU))) {
        log_cpu_exec_slow(cpu, tb);
    }
}

static bool check_for_breakpoints(CPUState *cpu, vaddr pc, uint32_t *cflags);

const void *helper_lookup_tb_ptr(CPUArchState *env)
{
    CPUState *cpu = env_cpu(env);
    TranslationBlock *tb;
    uint64_t cs_base;
    uint32_t flags, cflags = curr_cflags(cpu);
    vaddr pc;

    cpu->tcg_ops->get_tb_cpu_state(env, &pc, &cs_base, &flags);
    /* The pc is in env already (goto_ptr follows a write of it). */
    if (check_for_breakpoints(cpu, pc, &cflags)) {
        cpu_loop_exit(cpu);
    }
    tb = tb_lookup(cpu, pc, cs_base, flags, cflags);
    if (tb == NULL) {
        return tcg_ctx->code_gen_epilogue;
    }
    log_cpu_exec(cpu, tb);
    return tb->tc.ptr;
}

static bool cpu_handle_halt(CPUState *cpu)
{
    if (cpu->halted) {
        bool wake = cpu->tcg_ops->cpu_exec_halt ? cpu->tcg_ops->cpu_exec_halt(cpu)
                                                : cpu_has_work(cpu);
        if (!wake) {
            return true;
        }
        cpu->halted = 0;
    }
    return false;
}

static bool cpu_handle_exception(CPUState *cpu, int *ret)
{
    if (cpu->exception_index < 0) {
        return false;
    }
    if (cpu->exception_index >= EXCP_INTERRUPT) {
        /* Core-level exits: give them to the caller. */
        *ret = cpu->exception_index;
        cpu->exception_index = -1;
        return true;
    }
    log_mask(LOG_INT, "cpu %d: exception %d\n", cpu->cpu_index,
             cpu->exception_index);
    bql_lock();
    cpu->tcg_ops->do_interrupt(cpu);
    bql_unlock();
    cpu->exception_index = -1;
    if (cpu->singlestep_enabled) {
        *ret = EXCP_DEBUG;
        return true;
    }
    return false;
}

static bool cpu_handle_interrupt(CPUState *cpu, TranslationBlock **last_tb)
{
    /* We are about to look at every request: rearm the TB-entry check. */
    __atomic_store_n(&cpu_neg(cpu)->icount_decr.u16.high, 0, __ATOMIC_SEQ_CST);

    if (unlikely(__atomic_load_n(&cpu->interrupt_request, __ATOMIC_ACQUIRE))) {
        uint32_t req;

        bql_lock();
        req = cpu->interrupt_request;
        if (cpu->singlestep_enabled & SSTEP_NOIRQ) {
            req &= ~CPU_INTERRUPT_SSTEP_MASK;
        }
        if (req & CPU_INTERRUPT_DEBUG) {
            cpu->interrupt_request &= ~CPU_INTERRUPT_DEBUG;
            cpu->exception_index = EXCP_DEBUG;
            bql_unlock();
            return true;
        }
        if (req & CPU_INTERRUPT_HALT) {
            cpu->interrupt_request &= ~CPU_INTERRUPT_HALT;
            cpu->halted = 1;
            cpu->exception_index = EXCP_HLT;
            bql_unlock();
            return true;
        }
        if (req & CPU_INTERRUPT_RESET) {
            cpu->interrupt_request &= ~CPU_INTERRUPT_RESET;
            bql_unlock();
            cpu_reset(cpu);
            *last_tb = NULL;
            return false;
        }
        if (req & ~(CPU_INTERRUPT_EXITTB)) {
            if (cpu->tcg_ops->cpu_exec_interrupt(cpu, req)) {
                /* The target entered its handler: state changed under us. */
                log_mask(LOG_INT, "cpu %d: took interrupt (request %#x)\n",
                         cpu->cpu_index, req);
                cpu->exception_index = -1;
                *last_tb = NULL;
            }
        }
        if (cpu->interrupt_request & CPU_INTERRUPT_EXITTB) {
            cpu->interrupt_request &= ~CPU_INTERRUPT_EXITTB;
            *last_tb = NULL;
        }
        bql_unlock();
    }
    if (unlikely(__atomic_load_n(&cpu->exit_request, __ATOMIC_ACQUIRE))) {
        __atomic_store_n(&cpu->exit_request, 0, __ATOMIC_SEQ_CST);
        if (cpu->exception_index == -1) {
            cpu->exception_index = EXCP_INTERRUPT;
        }
        return true;
    }
    return false;
}

/* Run @tb (and what it chains to); false if it left before its first insn. */
static bool cpu_loop_exec_tb(CPUState *cpu, TranslationBlock *tb,
                             TranslationBlock **last_tb, int *tb_exit)
{
    bool ran = true;

    uintptr_t ret;
    TranslationBlock *last;

    log_cpu_exec(cpu, tb);
    tb_exec_depth++;
    ret = tcg_qemu_tb_exec(cpu_env(cpu), tb->tc.ptr);
    tb_exec_depth--;
    last = (TranslationBlock *)(ret & ~(uintptr_t)TB_EXIT_MASK);
    *tb_exit = ret & TB_EXIT_MASK;
    if (last && *tb_exit > TB_EXIT_IDXMAX) {
        /* Left at the entry check of @last, before any of its insns. */
        if (cpu->tcg_ops->synchronize_from_tb) {
            cpu->tcg_ops->synchronize_from_tb(cpu, last);
        } else if (cpu->tcg_ops->set_pc) {
            cpu->tcg_ops->set_pc(cpu, last->pc);
        }
        log_mask(LOG_EXEC, "Stopped execution of TB chain before %p [%016"
                 VADDR_PRIx "]\n", last->tc.ptr, last->pc);
        ran = last != tb;
        last = NULL;
    }
    *last_tb = last;
    return ran;
}

static void cpu_run_pending(CPUState *cpu)
{
    tlb_run_pending_flushes(cpu);
    tb_run_pending_invalidations();
    tb_run_pending_flush();
}

static int cpu_exec_loop(CPUState *cpu)
{
    CPUArchState *env = cpu_env(cpu);
    int ret = EXCP_INTERRUPT;

    while (!cpu_handle_exception(cpu, &ret)) {
        TranslationBlock *last_tb = NULL;
        int tb_exit = 0;
        unsigned gen = tb_flush_count;

        while (!cpu_handle_interrupt(cpu, &last_tb)) {
            TranslationBlock *tb;
            uint64_t cs_base;
            uint32_t flags, cflags;
            vaddr pc;

            cpu_run_pending(cpu);
            cpu->tcg_ops->get_tb_cpu_state(env, &pc, &cs_base, &flags);
            cflags = cpu->cflags_next_tb;
            if (cflags == (uint32_t)-1) {
                cflags = curr_cflags(cpu);
            } else {
                cpu->cflags_next_tb = -1;
            }
            if (check_for_breakpoints(cpu, pc, &cflags)) {
                break;
            }
            tb = tb_lookup(cpu, pc, cs_base, flags, cflags);
            if (tb == NULL) {
                tb = tb_gen_code(cpu, pc, cs_base, flags, cflags);
            }
            if (gen != tb_flush_count) {
                /* A flush freed the TB we came from. */
                last_tb = NULL;
                gen = tb_flush_count;
            }
            if (last_tb) {
                tb_add_jump(last_tb, tb_exit, tb);
            }
            if (cpu_loop_exec_tb(cpu, tb, &last_tb, &tb_exit) &&
                (tb->cflags & CF_SINGLE_STEP)) {
                /* gdb's step: report after the one insn ran. */
                cpu->exception_index = EXCP_DEBUG;
                break;
            }
        }
    }
    return ret;
}

/*
 * Separate so that no local of cpu_exec_loop is live across sigsetjmp; the
 * CPU comes back from current_cpu (thread-local), not from a register.
 */
static int cpu_exec_setjmp(void)
{
    if (sigsetjmp(current_cpu->jmp_env, 0) != 0) {
        /* A guest exception or exit longjmp'd out of generated code. */
        tb_exec_depth = 0;
        if (bql_locked()) {
            bql_unlock();
        }
    }
    return cpu_exec_loop(current_cpu);
}

int cpu_exec(CPUState *cpu)
{
    int ret;

    if (cpu_handle_halt(cpu)) {
        return EXCP_HALTED;
    }
    current_cpu = cpu;
    if (cpu->tcg_ops->cpu_exec_enter) {
        cpu->tcg_ops->cpu_exec_enter(cpu);
    }
    ret = cpu_exec_setjmp();
    if (cpu->tcg_ops->cpu_exec_exit) {
        cpu->tcg_ops->cpu_exec_exit(cpu);
    }
    return ret;
}
