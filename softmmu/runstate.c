/*
 * runstate.c - the VM run state and the shutdown/reset/powerdown/stop
 * requests.
 *
 * Requesters (vCPU threads, signal handlers, the monitor) only store what
 * they want in atomics and wake the main loop; main_loop_should_exit() acts
 * on it with the BQL held. That keeps signal handlers async-signal-safe and
 * means a device never resets the machine from inside its own MMIO handler.
 */
#include "util/osdep.h"
#include "sysemu/runstate.h"
#include "sysemu/main-loop.h"
#include "sysemu/timer.h"
#include "sysemu/qtest.h"
#include "sysemu/sysemu.h"
#include "monitor/monitor.h"
#include "util/error.h"
#include "util/log.h"

#include <signal.h>

/* -action and QMP set-action; QEMU 7.2's names and defaults. */
enum { REBOOT_RESET, REBOOT_SHUTDOWN };
enum { SHUTDOWN_POWEROFF, SHUTDOWN_PAUSE };
enum { PANIC_PAUSE, PANIC_SHUTDOWN, PANIC_EXIT_FAILURE, PANIC_NONE };
enum {
    WATCHDOG_RESET, WATCHDOG_SHUTDOWN, WATCHDOG_POWEROFF, WATCHDOG_INJECT_NMI,
    WATCHDOG_PAUSE, WATCHDOG_DEBUG, WATCHDOG_NONE,
};

/* int, not the enums: action_table points at them. */
static int reboot_action = REBOOT_RESET;
static int shutdown_action = SHUTDOWN_POWEROFF;
static int panic_action = PANIC_SHUTDOWN;
static int watchdog_action = WATCHDOG_RESET;   /* for a future watchdog */

static const char *const reboot_names[] = { "reset", "shutdown", NULL };
static const char *const shutdown_names[] = { "poweroff", "pause", NULL };
static const char *const panic_names[] = {
    "pause", "shutdown", "exit-failure", "none", NULL,
};
static const char *const watchdog_names[] = {
    "reset", "shutdown", "poweroff", "inject-nmi", "pause", "debug", "none",
    NULL,
};

static const struct {
    const char *name;
    const char *const *values;
    int *action;
    int def;
} action_table[] = {
    { "reboot", reboot_names, &reboot_action, REBOOT_RESET },
    { "shutdown", shutdown_names, &shutdown_action, SHUTDOWN_POWEROFF },
    { "panic", panic_names, &panic_action, PANIC_SHUTDOWN },
    { "watchdog", watchdog_names, &watchdog_action, WATCHDOG_RESET },
};

/* The index of @value among @name's values, or -1 with @errp set. */
static int action_lookup(const char *name, const char *value, int **action,
                         GError **errp)
{
    for (size_t i = 0; i < G_N_ELEMENTS(action_table); i++) {
        if (strcmp(name, action_table[i].name)) {
            continue;
        }
        for (int v = 0; action_table[i].values[v]; v++) {
            if (!strcmp(value, action_table[i].values[v])) {
                *action = action_table[i].action;
                return v;
            }
        }
        error_setg(errp, "Parameter '%s' does not accept value '%s'", name,
                   value);
        return -1;
    }
    error_setg(errp, "Invalid parameter '%s'", name);
    return -1;
}

bool runstate_check_action(const char *name, const char *value,
                           GError **errp)
{
    int *action;

    return action_lookup(name, value, &action, errp) >= 0;
}

bool runstate_set_action(const char *name, const char *value, GError **errp)
{
    int *action;
    int v = action_lookup(name, value, &action, errp);

    if (v < 0) {
        return false;
    }
    *action = v;
    return true;
}

void runstate_action_help(void)
{
    printf("action options:\n");
    for (size_t i = 0; i < G_N_ELEMENTS(action_table); i++) {
        printf("  %s=", action_table[i].name);
        for (int v = 0; action_table[i].values[v]; v++) {
            printf("%s%s", v ? "|" : "", action_table[i].values[v]);
        }
        printf(" (default %s)\n",
               action_table[i].values[action_table[i].def]);
    }
}

static RunState current_run_state = RUN_STATE_PRELAUNCH;

static volatile sig_atomic_t shutdown_requested;    /* ShutdownCause */
static volatile sig_atomic_t shutdown_signal;
static volatile sig_atomic_t shutdown_pid;
static int reset_requested;                         /* ShutdownCause */
static int powerdown_requested;
static int debug_requested;
static int vmstop_requested;                        /* RunState + 1 */
static int exit_code_requested = -1;

static void (*vcpu_pause_all)(void);
static void (*vcpu_resume_all)(void);

struct VMChangeStateEntry {
    VMChangeStateHandler *cb;
    void *opaque;
};
static GList *vm_change_handlers;

typedef struct {
    QEMUResetHandler *fn;
    void *opaque;
} ResetEntry;
static GArray *reset_handlers;
static GArray *powerdown_handlers;

static const char *const runstate_names[RUN_STATE__MAX] = {
    [RUN_STATE_DEBUG] = "debug",
    [RUN_STATE_INMIGRATE] = "inmigrate",
    [RUN_STATE_INTERNAL_ERROR] = "internal-error",
    [RUN_STATE_IO_ERROR] = "io-error",
    [RUN_STATE_PAUSED] = "paused",
    [RUN_STATE_POSTMIGRATE] = "postmigrate",
    [RUN_STATE_PRELAUNCH] = "prelaunch",
    [RUN_STATE_FINISH_MIGRATE] = "finish-migrate",
    [RUN_STATE_RESTORE_VM] = "restore-vm",
    [RUN_STATE_RUNNING] = "running",
    [RUN_STATE_SAVE_VM] = "save-vm",
    [RUN_STATE_SHUTDOWN] = "shutdown",
    [RUN_STATE_SUSPENDED] = "suspended",
    [RUN_STATE_WATCHDOG] = "watchdog",
    [RUN_STATE_GUEST_PANICKED] = "guest-panicked",
    [RUN_STATE_COLO] = "colo",
};

static const char *const cause_names[SHUTDOWN_CAUSE__MAX] = {
    [SHUTDOWN_CAUSE_NONE] = "none",
    [SHUTDOWN_CAUSE_HOST_ERROR] = "host-error",
    [SHUTDOWN_CAUSE_HOST_QMP_QUIT] = "host-qmp-quit",
    [SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET] = "host-qmp-system-reset",
    [SHUTDOWN_CAUSE_HOST_SIGNAL] = "host-signal",
    [SHUTDOWN_CAUSE_HOST_UI] = "host-ui",
    [SHUTDOWN_CAUSE_GUEST_SHUTDOWN] = "guest-shutdown",
    [SHUTDOWN_CAUSE_GUEST_RESET] = "guest-reset",
    [SHUTDOWN_CAUSE_GUEST_PANIC] = "guest-panic",
    [SHUTDOWN_CAUSE_SUBSYSTEM_RESET] = "subsystem-reset",
    [SHUTDOWN_CAUSE_SNAPSHOT_LOAD] = "snapshot-load",
};

const char *RunState_str(RunState state)
{
    return state < RUN_STATE__MAX ? runstate_names[state] : "unknown";
}

const char *ShutdownCause_str(ShutdownCause cause)
{
    return cause < SHUTDOWN_CAUSE__MAX ? cause_names[cause] : "unknown";
}

static bool cause_is_guest(ShutdownCause cause)
{
    return cause >= SHUTDOWN_CAUSE_GUEST_SHUTDOWN &&
           cause != SHUTDOWN_CAUSE_SNAPSHOT_LOAD;
}

RunState runstate_get(void)
{
    return current_run_state;
}

bool runstate_check(RunState state)
{
    return current_run_state == state;
}

void runstate_set(RunState state)
{
    if (state < RUN_STATE__MAX) {
        current_run_state = state;
    }
}

bool runstate_is_running(void)
{
    return current_run_state == RUN_STATE_RUNNING;
}

void qemu_register_vcpu_pause_hooks(void (*pause_all)(void),
                                    void (*resume_all)(void))
{
    vcpu_pause_all = pause_all;
    vcpu_resume_all = resume_all;
}

VMChangeStateEntry *qemu_add_vm_change_state_handler(VMChangeStateHandler *cb,
                                                     void *opaque)
{
    VMChangeStateEntry *e = g_new0(VMChangeStateEntry, 1);

    e->cb = cb;
    e->opaque = opaque;
    vm_change_handlers = g_list_append(vm_change_handlers, e);
    return e;
}

void qemu_del_vm_change_state_handler(VMChangeStateEntry *e)
{
    vm_change_handlers = g_list_remove(vm_change_handlers, e);
    g_free(e);
}

static void vm_state_notify(bool running, RunState state)
{
    if (running) {
        for (GList *l = vm_change_handlers; l; l = l->next) {
            VMChangeStateEntry *e = l->data;
            e->cb(e->opaque, running, state);
        }
    } else {
        for (GList *l = g_list_last(vm_change_handlers); l; l = l->prev) {
            VMChangeStateEntry *e = l->data;
            e->cb(e->opaque, running, state);
        }
    }
}

static void event_with_cause(const char *name, ShutdownCause cause)
{
    JsonObject *data = json_object_new();

    json_object_set_boolean_member(data, "guest", cause_is_guest(cause));
    json_object_set_string_member(data, "reason", ShutdownCause_str(cause));
    qmp_event_send(name, data);
}

void vm_start(void)
{
    if (runstate_is_running()) {
        return;
    }
    cpu_enable_ticks();
    runstate_set(RUN_STATE_RUNNING);
    vm_state_notify(true, RUN_STATE_RUNNING);
    if (vcpu_resume_all) {
        vcpu_resume_all();
    }
    qmp_event_send("RESUME", NULL);
}

int vm_stop(RunState state)
{
    if (!runstate_is_running()) {
        runstate_set(state);
        return 0;
    }
    if (vcpu_pause_all) {
        vcpu_pause_all();
    }
    cpu_disable_ticks();
    runstate_set(state);
    vm_state_notify(false, state);
    qmp_event_send("STOP", NULL);
    return 0;
}

void vm_shutdown(void)
{
    /* No STOP event: the process is going away (QEMU does the same). */
    if (runstate_is_running()) {
        if (vcpu_pause_all) {
            vcpu_pause_all();
        }
        cpu_disable_ticks();
        vm_state_notify(false, RUN_STATE_SHUTDOWN);
    }
}

void qemu_register_reset(QEMUResetHandler *func, void *opaque)
{
    ResetEntry e = { func, opaque };

    if (!reset_handlers) {
        reset_handlers = g_array_new(FALSE, FALSE, sizeof(ResetEntry));
    }
    g_array_append_val(reset_handlers, e);
}

void qemu_unregister_reset(QEMUResetHandler *func, void *opaque)
{
    for (guint i = 0; reset_handlers && i < reset_handlers->len; i++) {
        ResetEntry *e = &g_array_index(reset_handlers, ResetEntry, i);

        if (e->fn == func && e->opaque == opaque) {
            g_array_remove_index(reset_handlers, i);
            return;
        }
    }
}

void qemu_system_reset(ShutdownCause reason)
{
    /* Index loop: a handler may register another (it then runs too). */
    for (guint i = 0; reset_handlers && i < reset_handlers->len; i++) {
        ResetEntry e = g_array_index(reset_handlers, ResetEntry, i);
        e.fn(e.opaque);
    }
    if (reason != SHUTDOWN_CAUSE_NONE &&
        reason != SHUTDOWN_CAUSE_SUBSYSTEM_RESET) {
        event_with_cause("RESET", reason);
    }
}

void qemu_register_powerdown_notifier(QEMUPowerdownHandler *func, void *opaque)
{
    ResetEntry e = { func, opaque };

    if (!powerdown_handlers) {
        powerdown_handlers = g_array_new(FALSE, FALSE, sizeof(ResetEntry));
    }
    g_array_append_val(powerdown_handlers, e);
}

void qemu_system_reset_request(ShutdownCause reason)
{
    if (reboot_action == REBOOT_SHUTDOWN &&
        reason != SHUTDOWN_CAUSE_SUBSYSTEM_RESET) {
        shutdown_requested = reason;
    } else {
        g_atomic_int_set(&reset_requested, reason);
    }
    qemu_notify_event();
}

void qemu_system_shutdown_request(ShutdownCause reason)
{
    shutdown_requested = reason;
    qemu_notify_event();
}

void qemu_system_shutdown_request_with_code(int exit_status)
{
    g_atomic_int_set(&exit_code_requested, exit_status);
    shutdown_requested = SHUTDOWN_CAUSE_GUEST_SHUTDOWN;
    qemu_notify_event();
}

void qemu_system_powerdown_request(void)
{
    g_atomic_int_set(&powerdown_requested, 1);
    qemu_notify_event();
}

/*
 * A guest told a panic device it crashed. The panic action decides: pause
 * in RUN_STATE_GUEST_PANICKED (also "shutdown" when shutdown=pause, as
 * -no-shutdown asks), power off (exit-failure: with exit status 1), or
 * report only ("none"). GUEST_PANICKED says which, as QEMU's does.
 */
void qemu_system_guest_panicked(void)
{
    JsonObject *data = json_object_new();
    bool pause = panic_action == PANIC_PAUSE ||
                 (panic_action == PANIC_SHUTDOWN &&
                  shutdown_action == SHUTDOWN_PAUSE);

    log_mask(LOG_GUEST_ERROR, "Guest crashed\n");
    json_object_set_string_member(data, "action",
                                  pause ? "pause" :
                                  panic_action == PANIC_NONE ? "run"
                                                             : "poweroff");
    qmp_event_send("GUEST_PANICKED", data);
    if (pause) {
        qemu_system_vmstop_request(RUN_STATE_GUEST_PANICKED);
    } else if (panic_action != PANIC_NONE) {
        if (panic_action == PANIC_EXIT_FAILURE) {
            g_atomic_int_set(&exit_code_requested, EXIT_FAILURE);
        }
        qemu_system_shutdown_request(SHUTDOWN_CAUSE_GUEST_PANIC);
    }
}

/* The guest loaded a crash kernel after a panic: reported, never acted on. */
void qemu_system_guest_crashloaded(void)
{
    JsonObject *data = json_object_new();

    log_mask(LOG_GUEST_ERROR, "Guest crash loaded\n");
    json_object_set_string_member(data, "action", "run");
    qmp_event_send("GUEST_CRASHLOADED", data);
}

void qemu_system_debug_request(void)
{
    g_atomic_int_set(&debug_requested, 1);
    qemu_notify_event();
}

void qemu_system_vmstop_request(RunState state)
{
    g_atomic_int_set(&vmstop_requested, (int)state + 1);
    qemu_notify_event();
}

void qemu_system_killed(int signal, pid_t pid)
{
    shutdown_signal = signal;
    shutdown_pid = pid;
    shutdown_requested = SHUTDOWN_CAUSE_HOST_SIGNAL;
    qemu_notify_event();
}

/*
 * QEMU's wording, which kvm-unit-tests' scripts look for. Silent under a
 * qtest client, whose harness treats any stderr output as a failure.
 */
static void kill_report(void)
{
    char *cmd = NULL;

    if (!shutdown_signal || qtest_driver()) {
        return;
    }
    if (shutdown_pid == 0) {
        error_report("terminated by signal %d", (int)shutdown_signal);
    } else {
        char *path = g_strdup_printf("/proc/%d/cmdline", (int)shutdown_pid);
        gsize len = 0;

        /* /proc cmdline is NUL-separated: "%s" prints the program only. */
        g_file_get_contents(path, &cmd, &len, NULL);
        error_report("terminating on signal %d from pid %d (%s)",
                     (int)shutdown_signal, (int)shutdown_pid,
                     cmd && *cmd ? cmd : "<unknown process>");
        g_free(path);
    }
    g_free(cmd);
    shutdown_signal = 0;
}

void qemu_exit_if_killed(void)
{
    if (shutdown_requested == SHUTDOWN_CAUSE_HOST_SIGNAL) {
        kill_report();
        exit(0);
    }
}

bool main_loop_should_exit(int *status)
{
    int r;

    if (g_atomic_int_get(&debug_requested)) {
        g_atomic_int_set(&debug_requested, 0);
        vm_stop(RUN_STATE_DEBUG);
    }
    r = shutdown_requested;
    if (r) {
        int code = g_atomic_int_get(&exit_code_requested);

        shutdown_requested = 0;
        kill_report();
        event_with_cause("SHUTDOWN", r);
        if (code >= 0) {
            *status = code;
            return true;
        }
        if (shutdown_action == SHUTDOWN_PAUSE && cause_is_guest(r)) {
            vm_stop(RUN_STATE_SHUTDOWN);
        } else {
            *status = r == SHUTDOWN_CAUSE_HOST_ERROR ? 1 : 0;
            return true;
        }
    }
    r = g_atomic_int_get(&reset_requested);
    if (r) {
        bool paused = runstate_is_running() && vcpu_pause_all;

        g_atomic_int_set(&reset_requested, 0);
        if (paused) {
            vcpu_pause_all();
        }
        qemu_system_reset(r);
        if (paused && vcpu_resume_all) {
            vcpu_resume_all();
        }
        if (!runstate_is_running() && !runstate_check(RUN_STATE_INMIGRATE) &&
            !runstate_check(RUN_STATE_FINISH_MIGRATE)) {
            runstate_set(RUN_STATE_PRELAUNCH);
        }
    }
    if (g_atomic_int_get(&powerdown_requested)) {
        g_atomic_int_set(&powerdown_requested, 0);
        qmp_event_send("POWERDOWN", NULL);
        for (guint i = 0; powerdown_handlers && i < powerdown_handlers->len; i++) {
            ResetEntry e = g_array_index(powerdown_handlers, ResetEntry, i);
            e.fn(e.opaque);
        }
    }
    r = g_atomic_int_get(&vmstop_requested);
    if (r) {
        g_atomic_int_set(&vmstop_requested, 0);
        vm_stop((RunState)(r - 1));
    }
    return false;
}
