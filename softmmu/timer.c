/*
 * timer.c - the clocks (realtime, virtual, host) and QEMUTimer lists.
 *
 * One sorted singly-linked list per clock, guarded by a small mutex so
 * that a vCPU thread may arm a device timer during MMIO. Callbacks always
 * run on the main loop thread with the BQL held and the list lock dropped,
 * so a callback may re-arm its own timer.
 *
 * The virtual clock has two modes. Normally it is host monotonic time minus
 * the time the VM spent stopped (cpu_disable_ticks() freezes it). Under the
 * qtest accelerator it is "manual": it stays put until the client moves it
 * with clock_step/clock_set, which run the due timers one deadline at a
 * time so that a device sees exactly the ticks it asked for.
 */
#include "util/osdep.h"
#include "sysemu/timer.h"
#include "sysemu/main-loop.h"
#include "sysemu/runstate.h"

#include <time.h>

static GMutex timer_lock;
static QEMUTimer *active_timers[QEMU_CLOCK_MAX];

static struct {
    bool manual;            /* qtest: moves only by advance_virtual_time */
    int64_t manual_ns;
    bool ticking;           /* VM running: virtual time passes */
    int64_t offset;         /* ticking: vclock = get_clock() + offset */
    int64_t frozen_ns;      /* !ticking: the value it stopped at */
} vclock;

int64_t get_clock(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * NANOSECONDS_PER_SECOND + ts.tv_nsec;
}

int64_t get_clock_realtime(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return ts.tv_sec * NANOSECONDS_PER_SECOND + ts.tv_nsec;
}

static int64_t virtual_clock_ns(void)
{
    int64_t ns;

    g_mutex_lock(&timer_lock);
    if (vclock.manual) {
        ns = vclock.manual_ns;
    } else if (vclock.ticking) {
        ns = get_clock() + vclock.offset;
    } else {
        ns = vclock.frozen_ns;
    }
    g_mutex_unlock(&timer_lock);
    return ns;
}

int64_t qemu_clock_get_ns(QEMUClockType type)
{
    switch (type) {
    case QEMU_CLOCK_REALTIME:
        return get_clock();
    case QEMU_CLOCK_HOST:
        return get_clock_realtime();
    case QEMU_CLOCK_VIRTUAL:
    case QEMU_CLOCK_VIRTUAL_RT:
    default:
        return virtual_clock_ns();
    }
}

int64_t qemu_clock_get_us(QEMUClockType type)
{
    return qemu_clock_get_ns(type) / SCALE_US;
}

int64_t qemu_clock_get_ms(QEMUClockType type)
{
    return qemu_clock_get_ns(type) / SCALE_MS;
}

void cpu_enable_ticks(void)
{
    g_mutex_lock(&timer_lock);
    if (!vclock.ticking) {
        vclock.offset = vclock.frozen_ns - get_clock();
        vclock.ticking = true;
    }
    g_mutex_unlock(&timer_lock);
    qemu_notify_event();
}

void cpu_disable_ticks(void)
{
    g_mutex_lock(&timer_lock);
    if (vclock.ticking) {
        vclock.frozen_ns = get_clock() + vclock.offset;
        vclock.ticking = false;
    }
    g_mutex_unlock(&timer_lock);
}

void qemu_clock_set_manual(bool manual)
{
    g_mutex_lock(&timer_lock);
    if (manual && !vclock.manual) {
        /* Start the manual clock where the automatic one stood. */
        vclock.manual_ns = vclock.ticking ? get_clock() + vclock.offset
                                          : vclock.frozen_ns;
    } else if (!manual && vclock.manual) {
        vclock.frozen_ns = vclock.manual_ns;
        vclock.offset = vclock.manual_ns - get_clock();
    }
    vclock.manual = manual;
    g_mutex_unlock(&timer_lock);
}

void qemu_clock_set_virtual_frozen(int64_t ns)
{
    g_mutex_lock(&timer_lock);
    if (vclock.manual) {
        vclock.manual_ns = ns;
    } else if (vclock.ticking) {
        vclock.offset = ns - get_clock();
    } else {
        vclock.frozen_ns = ns;
    }
    g_mutex_unlock(&timer_lock);
}

bool qemu_clock_is_manual(void)
{
    return vclock.manual;
}

void timer_init_full(QEMUTimer *ts, QEMUClockType type, int scale,
                     QEMUTimerCB *cb, void *opaque)
{
    memset(ts, 0, sizeof(*ts));
    ts->type = type < QEMU_CLOCK_MAX ? type : QEMU_CLOCK_VIRTUAL;
    ts->scale = scale > 0 ? scale : SCALE_NS;
    ts->cb = cb;
    ts->opaque = opaque;
    ts->expire_time = -1;
}

QEMUTimer *timer_new(QEMUClockType type, int scale, QEMUTimerCB *cb,
                     void *opaque)
{
    QEMUTimer *ts = g_new0(QEMUTimer, 1);

    timer_init_full(ts, type, scale, cb, opaque);
    return ts;
}

/* Unlink @ts; timer_lock held. */
static void timer_del_locked(QEMUTimer *ts)
{
    QEMUTimer **pt = &active_timers[ts->type];

    while (*pt) {
        if (*pt == ts) {
            *pt = ts->next;
            break;
        }
        pt = &(*pt)->next;
    }
    ts->next = NULL;
    ts->expire_time = -1;
}

void timer_del(QEMUTimer *ts)
{
    g_mutex_lock(&timer_lock);
    if (ts->expire_time >= 0) {
        timer_del_locked(ts);
    }
    g_mutex_unlock(&timer_lock);
}

void timer_deinit(QEMUTimer *ts)
{
    timer_del(ts);
    ts->cb = NULL;
}

void timer_free(QEMUTimer *ts)
{
    if (ts) {
        timer_del(ts);
        g_free(ts);
    }
}

void timer_mod_ns(QEMUTimer *ts, int64_t expire_time)
{
    QEMUTimer **pt;
    bool first;

    if (expire_time < 0) {
        expire_time = 0;
    }
    g_mutex_lock(&timer_lock);
    if (ts->expire_time >= 0) {
        timer_del_locked(ts);
    }
    /* Insert after timers with the same deadline: they fire in arming order. */
    pt = &active_timers[ts->type];
    while (*pt && (*pt)->expire_time <= expire_time) {
        pt = &(*pt)->next;
    }
    ts->expire_time = expire_time;
    ts->next = *pt;
    *pt = ts;
    first = (pt == &active_timers[ts->type]);
    g_mutex_unlock(&timer_lock);

    /* A new earliest deadline: the main loop may be sleeping past it. */
    if (first && !qemu_in_main_thread()) {
        qemu_notify_event();
    }
}

void timer_mod(QEMUTimer *ts, int64_t expire_time)
{
    /* Saturate instead of overflowing for "far future" deadlines. */
    if (expire_time > INT64_MAX / ts->scale) {
        timer_mod_ns(ts, INT64_MAX);
    } else {
        timer_mod_ns(ts, expire_time * ts->scale);
    }
}

void timer_mod_anticipate_ns(QEMUTimer *ts, int64_t expire_time)
{
    int64_t cur = timer_expire_time_ns(ts);

    if (cur < 0 || expire_time < cur) {
        timer_mod_ns(ts, expire_time);
    }
}

void timer_mod_anticipate(QEMUTimer *ts, int64_t expire_time)
{
    if (expire_time > INT64_MAX / ts->scale) {
        timer_mod_anticipate_ns(ts, INT64_MAX);
    } else {
        timer_mod_anticipate_ns(ts, expire_time * ts->scale);
    }
}

bool timer_pending(QEMUTimer *ts)
{
    return ts->expire_time >= 0;
}

bool timer_expired(QEMUTimer *ts, int64_t current_time)
{
    int64_t exp = ts->expire_time;

    return exp >= 0 && exp <= current_time * ts->scale;
}

int64_t timer_expire_time_ns(QEMUTimer *ts)
{
    return ts->expire_time;
}

static bool clock_runs(QEMUClockType type)
{
    if (type == QEMU_CLOCK_VIRTUAL || type == QEMU_CLOCK_VIRTUAL_RT) {
        return vclock.manual || vclock.ticking;
    }
    return true;
}

bool qemu_clock_run_timers(QEMUClockType type)
{
    bool ran = false;
    int64_t now;

    if (!clock_runs(type)) {
        return false;
    }
    now = qemu_clock_get_ns(type);
    for (;;) {
        QEMUTimer *ts;
        QEMUTimerCB *cb;
        void *opaque;

        g_mutex_lock(&timer_lock);
        ts = active_timers[type];
        if (!ts || ts->expire_time > now) {
            g_mutex_unlock(&timer_lock);
            break;
        }
        active_timers[type] = ts->next;
        ts->next = NULL;
        ts->expire_time = -1;
        cb = ts->cb;
        opaque = ts->opaque;
        g_mutex_unlock(&timer_lock);
        if (cb) {
            cb(opaque);
        }
        ran = true;
    }
    return ran;
}

bool qemu_clock_run_all_timers(void)
{
    bool ran = false;

    for (int t = 0; t < QEMU_CLOCK_MAX; t++) {
        ran |= qemu_clock_run_timers(t);
    }
    return ran;
}

int64_t qemu_clock_next_deadline_abs(QEMUClockType type)
{
    int64_t d;

    g_mutex_lock(&timer_lock);
    d = active_timers[type] ? active_timers[type]->expire_time : -1;
    g_mutex_unlock(&timer_lock);
    return d;
}

int64_t qemu_clock_deadline_ns(QEMUClockType type)
{
    int64_t abs, now;

    /* A clock that does not move with host time has no deadline to sleep to. */
    if (!clock_runs(type) ||
        (vclock.manual && (type == QEMU_CLOCK_VIRTUAL ||
                           type == QEMU_CLOCK_VIRTUAL_RT))) {
        return -1;
    }
    abs = qemu_clock_next_deadline_abs(type);
    if (abs < 0) {
        return -1;
    }
    now = qemu_clock_get_ns(type);
    return abs > now ? abs - now : 0;
}

int64_t qemu_clock_deadline_ns_all(QEMUClockType type)
{
    int64_t best = -1;

    for (int t = 0; t < QEMU_CLOCK_MAX; t++) {
        int64_t d = qemu_clock_deadline_ns(t);

        if (d >= 0 && (best < 0 || d < best)) {
            best = d;
        }
    }
    return best;
}

int64_t qemu_clock_advance_virtual_time(int64_t dest)
{
    for (;;) {
        int64_t next = qemu_clock_next_deadline_abs(QEMU_CLOCK_VIRTUAL);

        if (next < 0 || next > dest) {
            break;
        }
        g_mutex_lock(&timer_lock);
        if (next > vclock.manual_ns) {
            vclock.manual_ns = next;
        }
        g_mutex_unlock(&timer_lock);
        qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
    }
    g_mutex_lock(&timer_lock);
    if (dest > vclock.manual_ns) {
        vclock.manual_ns = dest;
    }
    g_mutex_unlock(&timer_lock);
    qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
    return qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
}
