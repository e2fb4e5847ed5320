/*
 * timer.h - clocks and timers (QEMU's QEMUTimer API).
 *
 * Clocks:
 *   QEMU_CLOCK_REALTIME  host monotonic time; runs while the VM is stopped.
 *   QEMU_CLOCK_VIRTUAL   guest time. Under TCG/KVM: host monotonic time
 *                        minus the time spent stopped (frozen while the VM is
 *                        stopped). Under the qtest accelerator it only moves
 *                        with clock_step/clock_set (qemu_clock_advance_virtual_time).
 *   QEMU_CLOCK_HOST      host wall-clock time (RTC base).
 *   QEMU_CLOCK_VIRTUAL_RT same as VIRTUAL here (no icount).
 *
 * Every timer callback runs on the main loop thread with the BQL held.
 * timer_mod()/timer_del() may be called from any thread that holds the BQL
 * (e.g. a vCPU doing MMIO); an earlier deadline wakes the main loop.
 *
 *     s->timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, mydev_tick, s);
 *     timer_mod(s->timer, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) + period_ns);
 */
#ifndef SYSEMU_TIMER_H
#define SYSEMU_TIMER_H

#include "util/osdep.h"

typedef enum {
    QEMU_CLOCK_REALTIME = 0,
    QEMU_CLOCK_VIRTUAL = 1,
    QEMU_CLOCK_HOST = 2,
    QEMU_CLOCK_VIRTUAL_RT = 3,
    QEMU_CLOCK_MAX
} QEMUClockType;

#define SCALE_MS 1000000
#define SCALE_US 1000
#define SCALE_NS 1

#define NANOSECONDS_PER_SECOND 1000000000LL

typedef void QEMUTimerCB(void *opaque);

/* Public so that devices may embed one (timer_init_*); fields are private. */
struct QEMUTimer {
    int64_t expire_time;        /* in ns; -1 when not pending */
    QEMUClockType type;
    int scale;
    QEMUTimerCB *cb;
    void *opaque;
    QEMUTimer *next;
};

/* Current time of @type in ns / us / ms. */
int64_t qemu_clock_get_ns(QEMUClockType type);
int64_t qemu_clock_get_us(QEMUClockType type);
int64_t qemu_clock_get_ms(QEMUClockType type);
/* Host monotonic time in ns (for measuring, not for guest time). */
int64_t get_clock(void);
/* Host wall-clock time in ns since the epoch. */
int64_t get_clock_realtime(void);

void timer_init_full(QEMUTimer *ts, QEMUClockType type, int scale,
                     QEMUTimerCB *cb, void *opaque);
static inline void timer_init_ns(QEMUTimer *ts, QEMUClockType type,
                                 QEMUTimerCB *cb, void *opaque)
{
    timer_init_full(ts, type, SCALE_NS, cb, opaque);
}
static inline void timer_init_us(QEMUTimer *ts, QEMUClockType type,
                                 QEMUTimerCB *cb, void *opaque)
{
    timer_init_full(ts, type, SCALE_US, cb, opaque);
}
static inline void timer_init_ms(QEMUTimer *ts, QEMUClockType type,
                                 QEMUTimerCB *cb, void *opaque)
{
    timer_init_full(ts, type, SCALE_MS, cb, opaque);
}

QEMUTimer *timer_new(QEMUClockType type, int scale, QEMUTimerCB *cb,
                     void *opaque);
static inline QEMUTimer *timer_new_ns(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new(type, SCALE_NS, cb, opaque);
}
static inline QEMUTimer *timer_new_us(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new(type, SCALE_US, cb, opaque);
}
static inline QEMUTimer *timer_new_ms(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new(type, SCALE_MS, cb, opaque);
}

/* Delete (if pending) and forget an embedded timer. */
void timer_deinit(QEMUTimer *ts);
/* Delete (if pending) and free a timer from timer_new*(). NULL is fine. */
void timer_free(QEMUTimer *ts);

/* Arm @ts to fire at @expire_time, in units of the timer's scale. */
void timer_mod(QEMUTimer *ts, int64_t expire_time);
void timer_mod_ns(QEMUTimer *ts, int64_t expire_time_ns);
/* Arm only if not pending or if @expire_time is earlier. */
void timer_mod_anticipate(QEMUTimer *ts, int64_t expire_time);
void timer_mod_anticipate_ns(QEMUTimer *ts, int64_t expire_time_ns);
void timer_del(QEMUTimer *ts);
bool timer_pending(QEMUTimer *ts);
/* Pending and due at @current_time (in the timer's scale)? */
bool timer_expired(QEMUTimer *ts, int64_t current_time);
/* Expiry in ns, or -1 when not pending. */
int64_t timer_expire_time_ns(QEMUTimer *ts);

/*
 * Run the expired timers of @type; returns whether any ran. Main thread,
 * BQL held. VIRTUAL timers do not run while the VM is stopped.
 */
bool qemu_clock_run_timers(QEMUClockType type);
bool qemu_clock_run_all_timers(void);

/*
 * Nanoseconds until the earliest deadline on @type (0 if overdue, -1 if
 * none). The _all variant looks at every clock (@type is the clock the
 * caller would sleep on; QEMU's name kept).
 */
int64_t qemu_clock_deadline_ns(QEMUClockType type);
int64_t qemu_clock_deadline_ns_all(QEMUClockType type);
/* Absolute expiry (ns) of the earliest pending timer of @type, or -1. */
int64_t qemu_clock_next_deadline_abs(QEMUClockType type);

/*
 * Virtual-clock control.
 * qemu_clock_set_manual(true) (the qtest accelerator) freezes the virtual
 * clock so that only qemu_clock_advance_virtual_time() moves it.
 */
void qemu_clock_set_manual(bool manual);
/* Migration: the stopped virtual clock resumes from @ns (VM not running). */
void qemu_clock_set_virtual_frozen(int64_t ns);
bool qemu_clock_is_manual(void);
/*
 * Move the manual virtual clock forward to @dest ns, running every timer
 * that falls due on the way at its own deadline (so a timer re-armed by its
 * callback fires again if still before @dest). Returns the new time. A @dest
 * in the past is ignored. Main thread, BQL held.
 */
int64_t qemu_clock_advance_virtual_time(int64_t dest);

/* vm_start/vm_stop: (un)freeze the virtual clock (runstate.c calls these). */
void cpu_enable_ticks(void);
void cpu_disable_ticks(void);

#endif
