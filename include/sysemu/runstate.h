/*
 * runstate.h - the VM's run state and the requests that change it
 * (shutdown, reset, powerdown, stop/cont, signals).
 *
 * Requests may come from any thread (a vCPU writing to an exit device, a
 * signal handler, the monitor): they only record what was asked and wake
 * the main loop, which carries them out with the BQL held, emits the QMP
 * events (SHUTDOWN, RESET, POWERDOWN, STOP, RESUME) and decides the exit
 * status.
 */
#ifndef SYSEMU_RUNSTATE_H
#define SYSEMU_RUNSTATE_H

#include "util/osdep.h"
#include <sys/types.h>

/* QEMU's RunState, with the same spellings in query-status. */
typedef enum RunState {
    RUN_STATE_DEBUG,
    RUN_STATE_INMIGRATE,
    RUN_STATE_INTERNAL_ERROR,
    RUN_STATE_IO_ERROR,
    RUN_STATE_PAUSED,
    RUN_STATE_POSTMIGRATE,
    RUN_STATE_PRELAUNCH,
    RUN_STATE_FINISH_MIGRATE,
    RUN_STATE_RESTORE_VM,
    RUN_STATE_RUNNING,
    RUN_STATE_SAVE_VM,
    RUN_STATE_SHUTDOWN,
    RUN_STATE_SUSPENDED,
    RUN_STATE_WATCHDOG,
    RUN_STATE_GUEST_PANICKED,
    RUN_STATE_COLO,
    RUN_STATE__MAX
} RunState;

/* Why a shutdown or reset happened (QEMU's ShutdownCause). */
typedef enum ShutdownCause {
    SHUTDOWN_CAUSE_NONE,
    SHUTDOWN_CAUSE_HOST_ERROR,
    SHUTDOWN_CAUSE_HOST_QMP_QUIT,
    SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET,
    SHUTDOWN_CAUSE_HOST_SIGNAL,
    SHUTDOWN_CAUSE_HOST_UI,
    SHUTDOWN_CAUSE_GUEST_SHUTDOWN,
    SHUTDOWN_CAUSE_GUEST_RESET,
    SHUTDOWN_CAUSE_GUEST_PANIC,
    SHUTDOWN_CAUSE_SUBSYSTEM_RESET,
    SHUTDOWN_CAUSE_SNAPSHOT_LOAD,
    SHUTDOWN_CAUSE__MAX
} ShutdownCause;

/* "running", "paused", "prelaunch", ... */
const char *RunState_str(RunState state);
/* "host-qmp-quit", "guest-reset", ... */
const char *ShutdownCause_str(ShutdownCause cause);

RunState runstate_get(void);
bool runstate_check(RunState state);
void runstate_set(RunState state);
bool runstate_is_running(void);

/*
 * Start the VM: enable the virtual clock, tell the change-state handlers
 * (the accelerator resumes its vCPUs), emit RESUME. No-op when running.
 * Main thread, BQL held.
 */
void vm_start(void);
/*
 * Stop the VM in @state (RUN_STATE_PAUSED for "stop"): change-state
 * handlers run (the accelerator parks its vCPUs before this returns), the
 * virtual clock stops, STOP is emitted. Returns 0. Main thread, BQL held.
 * From a vCPU thread use qemu_system_vmstop_request().
 */
int vm_stop(RunState state);
/*
 * Park the vCPUs before the process exits (main_loop_run does it), so no
 * vCPU thread runs guest code while atexit handlers tear things down.
 */
void vm_shutdown(void);
/* Ask the main loop to vm_stop(@state); any thread. */
void qemu_system_vmstop_request(RunState state);

typedef void VMChangeStateHandler(void *opaque, bool running, RunState state);
typedef struct VMChangeStateEntry VMChangeStateEntry;
/* Called (BQL held) on every vm_start/vm_stop. Start: in order; stop: reverse. */
VMChangeStateEntry *qemu_add_vm_change_state_handler(VMChangeStateHandler *cb,
                                                     void *opaque);
void qemu_del_vm_change_state_handler(VMChangeStateEntry *e);

/*
 * Reset handlers, run in registration order by qemu_system_reset() (at
 * start-up by vl.c, then on every reset request). Machines register their
 * device-tree reset here; CPUs register theirs.
 */
typedef void QEMUResetHandler(void *opaque);
void qemu_register_reset(QEMUResetHandler *func, void *opaque);
void qemu_unregister_reset(QEMUResetHandler *func, void *opaque);
/* Run the reset handlers now (main thread, BQL held); emits RESET unless
 * @reason is SHUTDOWN_CAUSE_NONE (the cold reset at start-up). */
void qemu_system_reset(ShutdownCause reason);

/* Powerdown notifiers: an ACPI/PSCI/RTAS device tells the guest. */
typedef void QEMUPowerdownHandler(void *opaque);
void qemu_register_powerdown_notifier(QEMUPowerdownHandler *func, void *opaque);

/* Requests: any thread; carried out by the main loop. */
void qemu_system_reset_request(ShutdownCause reason);
void qemu_system_shutdown_request(ShutdownCause reason);
/*
 * Shut down and make the process exit with @exit_status (guest exit
 * devices: isa-debug-exit/testdev write v -> (v << 1) | 1; semihosting
 * SYS_EXIT). Not subject to -no-shutdown.
 */
void qemu_system_shutdown_request_with_code(int exit_status);
void qemu_system_powerdown_request(void);
/* A panic device fired: GUEST_PANICKED, then the -action panic= action. */
void qemu_system_guest_panicked(void);
/* A panic device says a crash kernel took over: GUEST_CRASHLOADED only. */
void qemu_system_guest_crashloaded(void);
/* gdbstub: stop in RUN_STATE_DEBUG from a vCPU thread. */
void qemu_system_debug_request(void);

/*
 * Async-signal-safe: called from the SIGTERM/SIGINT/SIGHUP handler. The
 * main loop then prints "terminating on signal N from pid P (cmd)" to
 * stderr (unless a qtest client drives us: then stderr stays clean) and
 * exits 0.
 */
void qemu_system_killed(int signal, pid_t pid);
/*
 * For blocking waits before the main loop runs (a chardev server with
 * wait=on): if a terminating signal arrived, report it as the main loop
 * would and exit(0). Returns otherwise.
 */
void qemu_exit_if_killed(void);

/*
 * The accelerator's way to park and restart its vCPUs. pause_all() is
 * called by the main thread with the BQL held and must return only when no
 * vCPU runs guest code or touches devices (it waits with
 * qemu_cond_wait_bql()); resume_all() lets them go again. Used by vm_stop,
 * vm_start and around a system reset.
 */
void qemu_register_vcpu_pause_hooks(void (*pause_all)(void),
                                    void (*resume_all)(void));

/* main-loop.c only: carry out pending requests; true means exit(*status). */
bool main_loop_should_exit(int *status);

/*
 * -action NAME=VALUE and QMP set-action: what a guest reboot (reset |
 * shutdown), guest shutdown (poweroff | pause), panic (pause | shutdown |
 * exit-failure | none) or watchdog expiry does. -no-reboot is
 * reboot=shutdown, -no-shutdown is shutdown=pause. Host requests (QMP quit,
 * signals) always exit.
 */
bool runstate_set_action(const char *name, const char *value, GError **errp);
/* Whether runstate_set_action() would accept it (QMP checks all first). */
bool runstate_check_action(const char *name, const char *value,
                           GError **errp);
/* -action help */
void runstate_action_help(void);

#endif
