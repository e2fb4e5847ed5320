/*
 * main-loop.h - the main loop, the big lock (BQL) and bottom halves.
 *
 * The main thread runs one GLib GMainContext (the default one). Chardev I/O,
 * timers on every clock and bottom halves are dispatched there, always with
 * the BQL held, so device code never needs a lock of its own. vCPU threads
 * take the BQL around anything that touches devices (MMIO dispatch, IRQ
 * delivery) and release it while they run translated code or sleep.
 *
 * Start-up (softmmu/vl.c):
 *
 *     main_loop_init();       // the main thread now holds the BQL
 *     ... build the machine, chardevs, monitors, qtest ...
 *     return main_loop_run(); // returns the process exit status
 *
 * A halted vCPU sleeps on its own GCond with qemu_cond_wait_bql() (or the
 * timed variant); whoever raises its interrupt signals that GCond while
 * holding the BQL. Timers still fire on the main thread meanwhile.
 */
#ifndef SYSEMU_MAIN_LOOP_H
#define SYSEMU_MAIN_LOOP_H

#include "util/osdep.h"

/*
 * Set up the main loop: the GMainContext, the wake-up channel, the
 * SIGTERM/SIGINT/SIGHUP handlers (see qemu_system_killed()) and SIGPIPE
 * ignored. The calling thread becomes the main thread and holds the BQL on
 * return. Call once, before creating chardevs, monitors or timers.
 */
void main_loop_init(void);

/*
 * Run until a shutdown request is processed. Expects the BQL held by the
 * caller (as main_loop_init() left it). Returns the process exit status
 * (0 for a normal quit or a signal; the code given to
 * qemu_system_shutdown_request_with_code() for a guest exit device).
 */
int main_loop_run(void);

/* The big QEMU lock. Not recursive: bql_lock() twice in a thread aborts. */
void bql_lock(void);
void bql_unlock(void);
/* Does the calling thread hold the BQL? */
bool bql_locked(void);

/*
 * Wait on @cond, releasing the BQL while waiting (the caller holds it and
 * holds it again on return). Spurious wake-ups happen: re-check state.
 */
void qemu_cond_wait_bql(GCond *cond);
/*
 * As above but give up after @timeout_ns nanoseconds of host time. Returns
 * false on timeout.
 */
bool qemu_cond_timedwait_bql(GCond *cond, int64_t timeout_ns);

/*
 * Wake the main loop from any thread (or a signal handler), so that it
 * re-evaluates timers and pending requests. Cheap; may be called often.
 */
void qemu_notify_event(void);

/*
 * Run one main-loop iteration (for unit tests and for blocking start-up
 * waits): with @nonblocking, do not sleep. Main thread, BQL held.
 */
void main_loop_poll_once(bool nonblocking);

/* Is the caller the main loop thread? */
bool qemu_in_main_thread(void);

/* The GMainContext the main loop dispatches (GLib's default context). */
GMainContext *qemu_get_main_context(void);

/*
 * Bottom halves: a callback run once by the main loop, with the BQL held,
 * soon after qemu_bh_schedule(). Scheduling twice before it runs runs it
 * once. Safe to schedule from any thread.
 */
typedef struct QEMUBH QEMUBH;
typedef void QEMUBHFunc(void *opaque);

QEMUBH *qemu_bh_new(QEMUBHFunc *cb, void *opaque);
void qemu_bh_schedule(QEMUBH *bh);
void qemu_bh_cancel(QEMUBH *bh);
void qemu_bh_delete(QEMUBH *bh);

#endif
