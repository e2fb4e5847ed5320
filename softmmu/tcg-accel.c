/*
 * tcg-accel.c - the "tcg" accelerator: its -accel properties and the one
 * thread that runs every vCPU, round robin.
 *
 *     -accel tcg,backend=native|interp,one-insn-per-tb=on|off,
 *               chaining=on|off,tlb=on|off,tb-size=N(MiB)
 *
 * backend=interp, one-insn-per-tb=on, chaining=off and tlb=off are the slow,
 * obviously-correct twins of the fast paths (STYLE.md 8): a guest must
 * behave identically under any combination.
 *
 * The thread holds the BQL except while it runs guest code (cpu_exec) or
 * sleeps. A CPU runs until it leaves cpu_exec (exception for the core,
 * halt, exit request); with several CPUs a 10 ms kick (host time, from a
 * small thread) makes the running one leave so the others get their turn. When every CPU is
 * halted without work (WFI), the thread sleeps on tcg_halt_cond until
 * cpu_interrupt/qemu_cpu_kick signal it: no host CPU is burnt.
 *
 * Not for: the exec loop itself (cpu-exec.c).
 */
#include "util/osdep.h"
#include "exec/exec-all.h"
#include "sysemu/accel.h"
#include "sysemu/main-loop.h"
#include "sysemu/runstate.h"
#include "exec/gdbstub.h"
#include "tcg/tcg.h"
#include "util/error.h"
#include "util/keyval.h"
#include "util/log.h"

TCGAccelConfig tcg_accel_config = {
    .one_insn_per_tb = false,
    .chaining = true,
    .tlb_enabled = true,
    .interp = false,
};

GThread *tcg_vcpu_thread;

/* The gdbstub may not be linked in (unit tests): call it only if present. */
void gdb_set_stop_cpu(CPUState *cpu) __attribute__((weak));

/* State shared with other threads; all under the BQL. */
static GCond tcg_halt_cond;         /* the vCPU thread sleeps here */
static GCond tcg_parked_cond;       /* pause_all_vcpus waits here */
static bool tcg_pause_requested;
static bool tcg_parked;
static bool tcg_shutdown;
static bool tcg_thread_done;
static CPUState *volatile tcg_current_rr_cpu;
static GThread *tcg_kick_thread;

/* Time slice of one vCPU when several share the thread. */
#define TCG_KICK_PERIOD_US (10 * 1000)

bool tcg_vcpus_quiescent(void)
{
    if (!tcg_vcpu_thread || g_thread_self() == tcg_vcpu_thread) {
        return true;
    }
    /* Parked and unable to leave: it needs the BQL we hold to wake up. */
    return bql_locked() && (tcg_parked || tcg_thread_done);
}

void tcg_kick_vcpu_thread(CPUState *cpu)
{
    CPUState *running = tcg_current_rr_cpu;

    if (running && running != cpu) {
        cpu_exit(running);
    }
    g_cond_broadcast(&tcg_halt_cond);
}

/*
 * Time slicing: a host thread that makes the running vCPU leave every
 * 10 ms, so the next one gets its turn. (A timer on the main loop would
 * stall with it; this needs nothing but the flag it writes.)
 */
static gpointer tcg_kick_thread_fn(gpointer opaque)
{
    (void)opaque;
    while (!__atomic_load_n(&tcg_shutdown, __ATOMIC_ACQUIRE)) {
        CPUState *running;

        g_usleep(TCG_KICK_PERIOD_US);
        running = tcg_current_rr_cpu;
        if (running) {
            cpu_exit(running);
        }
    }
    return NULL;
}

/* ---- pause / resume (vm_stop, vm_start, reset) ---- */

static void tcg_exit_running(void)
{
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        cpu_exit(cpu);
    }
    g_cond_broadcast(&tcg_halt_cond);
}

void pause_all_vcpus(void)
{
    CPUState *cpu;

    tcg_pause_requested = true;
    CPU_FOREACH(cpu) {
        cpu->stop = true;
    }
    if (!tcg_vcpu_thread || g_thread_self() == tcg_vcpu_thread) {
        /* Nothing runs concurrently: the thread parks when it gets back. */
        tcg_exit_running();
        return;
    }
    tcg_exit_running();
    while (!tcg_parked && !tcg_thread_done) {
        qemu_cond_timedwait_bql(&tcg_parked_cond, 100 * 1000 * 1000);
        tcg_exit_running();
    }
    CPU_FOREACH(cpu) {
        cpu->stopped = true;
    }
}

void resume_all_vcpus(void)
{
    CPUState *cpu;

    tcg_pause_requested = false;
    CPU_FOREACH(cpu) {
        cpu->stop = false;
        cpu->stopped = false;
    }
    g_cond_broadcast(&tcg_halt_cond);
}

void cpu_stop(CPUState *cpu)
{
    cpu->stop = true;
    cpu_exit(cpu);
}

void cpu_resume(CPUState *cpu)
{
    cpu->stop = false;
    cpu->stopped = false;
    g_cond_broadcast(&tcg_halt_cond);
}

/* ---- the thread ---- */

static bool tcg_cpu_can_run(CPUState *cpu)
{
    if (cpu->stop) {
        cpu->stopped = true;
        return false;
    }
    return !cpu->stopped;
}

static gpointer tcg_rr_thread_fn(gpointer opaque)
{
    (void)opaque;
    bql_lock();
    while (!tcg_shutdown) {
        bool ran = false;
        CPUState *cpu;

        if (tcg_pause_requested || !runstate_is_running()) {
            tcg_parked = true;
            g_cond_broadcast(&tcg_parked_cond);
            qemu_cond_timedwait_bql(&tcg_halt_cond, 100 * 1000 * 1000);
            continue;
        }
        tcg_parked = false;

        CPU_FOREACH(cpu) {
            int r;

            if (tcg_pause_requested || tcg_shutdown) {
                break;
            }
            if (!tcg_cpu_can_run(cpu)) {
                continue;
            }
            if (cpu->halted && !cpu_has_work(cpu)) {
                continue;
            }
            tcg_current_rr_cpu = cpu;
            bql_unlock();
            r = cpu_exec(cpu);
            bql_lock();
            tcg_current_rr_cpu = NULL;
            switch (r) {
            case EXCP_DEBUG:
                /* gdbstub: stop everything and report (DEBUG run state). */
                if (gdb_set_stop_cpu) {
                    gdb_set_stop_cpu(cpu);
                }
                qemu_system_debug_request();
                cpu->stop = true;
                break;
            case EXCP_HALTED:
                break;
            default:
                ran = true;
                break;
            }
        }
        if (!ran && !tcg_pause_requested && !tcg_shutdown) {
            /*
             * Every CPU is halted, stopped or waiting: sleep until a kick
             * (interrupts are raised with the BQL held, so none is lost
             * between the checks above and the wait). The timeout only
             * bounds the damage of a kick that forgot the BQL.
             */
            bool any_work = false;
            CPU_FOREACH(cpu) {
                if (tcg_cpu_can_run(cpu) && (!cpu->halted || cpu_has_work(cpu))) {
                    any_work = true;
                }
            }
            if (!any_work) {
                qemu_cond_timedwait_bql(&tcg_halt_cond, 100 * 1000 * 1000);
            }
        }
    }
    tcg_thread_done = true;
    g_cond_broadcast(&tcg_parked_cond);
    bql_unlock();
    return NULL;
}

/* At exit: ask the thread to finish and wait for it (bounded). */
static void tcg_vcpu_thread_stop(void)
{
    bool had_bql;

    if (!tcg_vcpu_thread || g_thread_self() == tcg_vcpu_thread) {
        return;
    }
    had_bql = bql_locked();
    if (!had_bql) {
        bql_lock();
    }
    __atomic_store_n(&tcg_shutdown, true, __ATOMIC_RELEASE);
    tcg_exit_running();
    for (int i = 0; i < 20 && !tcg_thread_done; i++) {
        qemu_cond_timedwait_bql(&tcg_parked_cond, 50 * 1000 * 1000);
        tcg_exit_running();
    }
    if (!had_bql) {
        bql_unlock();
    }
    if (tcg_thread_done) {
        if (had_bql) {
            /* The thread needs no lock to finish; join without holding it. */
            bql_unlock();
            g_thread_join(tcg_vcpu_thread);
            bql_lock();
        } else {
            g_thread_join(tcg_vcpu_thread);
        }
        tcg_vcpu_thread = NULL;
    }
    if (tcg_kick_thread) {
        g_thread_join(tcg_kick_thread);
        tcg_kick_thread = NULL;
    }
}

static void tcg_start_vcpus(MachineState *ms)
{
    CPUState *cpu;
    int n = 0;

    (void)ms;
    if (tcg_vcpu_thread) {
        return;
    }
    CPU_FOREACH(cpu) {
        n++;
    }
    if (n == 0) {
        return;
    }
    tcg_vcpu_thread = g_thread_new("CPU/TCG", tcg_rr_thread_fn, NULL);
    if (n > 1) {
        tcg_kick_thread = g_thread_new("CPU/TCG-kick", tcg_kick_thread_fn, NULL);
    }
    atexit(tcg_vcpu_thread_stop);
}

/* ---- -accel tcg,... ---- */

static const char *const tcg_props[] = {
    "backend", "one-insn-per-tb", "chaining", "tlb", "tb-size", "thread", NULL
};

/*
 * Parse -accel tcg,... into @cfg. Used twice: by check_props, so that a bad
 * value is reported before the kernel is loaded (the kvm-unit-tests harness
 * relies on that order), and by init, which applies the result.
 */
static bool tcg_accel_parse_props(const KeyValList *props,
                                  TCGAccelConfig *cfg, uint64_t *tb_size_mb,
                                  GError **errp)
{
    const char *backend = props ? keyval_get(props, "backend") : NULL;
    const char *thread = props ? keyval_get(props, "thread") : NULL;

    if (backend) {
        if (!strcmp(backend, "native")) {
            cfg->interp = false;
        } else if (!strcmp(backend, "interp")) {
            cfg->interp = true;
        } else {
            error_setg(errp, "backend '%s' is not 'native' or 'interp'",
                       backend);
            return false;
        }
    }
    if (thread && strcmp(thread, "single") != 0) {
        error_setg(errp, "thread=%s is not supported "
                   "(all vCPUs run on one thread: thread=single)", thread);
        return false;
    }
    *tb_size_mb = 0;
    if (props &&
        (!keyval_get_bool(props, "one-insn-per-tb", false,
                          &cfg->one_insn_per_tb, errp) ||
         !keyval_get_bool(props, "chaining", true, &cfg->chaining, errp) ||
         !keyval_get_bool(props, "tlb", true, &cfg->tlb_enabled, errp) ||
         !keyval_get_u64(props, "tb-size", 0, tb_size_mb, errp))) {
        return false;
    }
    return true;
}

static bool tcg_accel_check_props(const KeyValList *props, GError **errp)
{
    TCGAccelConfig cfg = tcg_accel_config;
    uint64_t tb_size_mb;

    return tcg_accel_parse_props(props, &cfg, &tb_size_mb, errp);
}

static bool tcg_accel_init(MachineState *ms, const KeyValList *props,
                           GError **errp)
{
    uint64_t tb_size_mb;

    (void)ms;
    if (!tcg_accel_parse_props(props, &tcg_accel_config, &tb_size_mb, errp)) {
        return false;
    }
    if (log_enabled(LOG_NOCHAIN)) {
        tcg_accel_config.chaining = false;
    }
    tcg_use_interp = tcg_accel_config.interp;
    tcg_exec_init(tb_size_mb * MiB);
    qemu_register_vcpu_pause_hooks(pause_all_vcpus, resume_all_vcpus);
    return true;
}

static const AccelOps tcg_accel_ops = {
    .name = "tcg",
    .desc = "tiny code generator (dynamic translation)",
    .check_props = tcg_accel_check_props,
    .init = tcg_accel_init,
    .start_vcpus = tcg_start_vcpus,
    .props = tcg_props,
};

static void tcg_accel_register(void)
{
    accel_register(&tcg_accel_ops);
}
accel_init(tcg_accel_register)
