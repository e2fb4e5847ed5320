/*
 * main-loop.c - the main thread's event loop and the big lock.
 *
 * The loop drives GLib's default GMainContext by hand (prepare, query,
 * poll, check, dispatch) instead of g_main_context_iteration(), because the
 * BQL must be dropped exactly around the poll and held for everything that
 * is dispatched: chardev input, bottom halves, timers and the run-state
 * requests (runstate.c). The poll timeout is the earliest timer deadline.
 *
 * Wake-ups (qemu_notify_event) go through a self-pipe rather than
 * g_main_context_wakeup(), because signal handlers need one too and write()
 * is async-signal-safe.
 */
#include "util/osdep.h"
#include "sysemu/main-loop.h"
#include "sysemu/runstate.h"
#include "sysemu/timer.h"
#include "chardev/char.h"

#include <fcntl.h>
#include <glib-unix.h>
#include <poll.h>
#include <signal.h>

static GMutex bql;
static __thread bool bql_held;
static GThread *main_thread;
static int wake_pipe[2] = { -1, -1 };

struct QEMUBH {
    QEMUBHFunc *cb;
    void *opaque;
    bool scheduled;
    bool deleted;
    QEMUBH *next;
};

static GMutex bh_lock;
static QEMUBH *bh_list;
static volatile int bh_pending;

void bql_lock(void)
{
    g_assert(!bql_held);
    g_mutex_lock(&bql);
    bql_held = true;
}

void bql_unlock(void)
{
    g_assert(bql_held);
    bql_held = false;
    g_mutex_unlock(&bql);
}

bool bql_locked(void)
{
    return bql_held;
}

void qemu_cond_wait_bql(GCond *cond)
{
    g_assert(bql_held);
    bql_held = false;
    g_cond_wait(cond, &bql);
    bql_held = true;
}

bool qemu_cond_timedwait_bql(GCond *cond, int64_t timeout_ns)
{
    gint64 end = g_get_monotonic_time() + timeout_ns / 1000;
    bool ok;

    g_assert(bql_held);
    bql_held = false;
    ok = g_cond_wait_until(cond, &bql, end);
    bql_held = true;
    return ok;
}

void qemu_notify_event(void)
{
    static const char byte = 1;

    if (wake_pipe[1] >= 0) {
        /* A full pipe already means "wake up"; EAGAIN is fine. */
        ssize_t r = write(wake_pipe[1], &byte, 1);
        (void)r;
    }
}

bool qemu_in_main_thread(void)
{
    return main_thread && g_thread_self() == main_thread;
}

GMainContext *qemu_get_main_context(void)
{
    return g_main_context_default();
}

QEMUBH *qemu_bh_new(QEMUBHFunc *cb, void *opaque)
{
    QEMUBH *bh = g_new0(QEMUBH, 1);

    bh->cb = cb;
    bh->opaque = opaque;
    g_mutex_lock(&bh_lock);
    bh->next = bh_list;
    bh_list = bh;
    g_mutex_unlock(&bh_lock);
    return bh;
}

void qemu_bh_schedule(QEMUBH *bh)
{
    g_mutex_lock(&bh_lock);
    bh->scheduled = true;
    g_atomic_int_set(&bh_pending, 1);
    g_mutex_unlock(&bh_lock);
    if (!qemu_in_main_thread()) {
        qemu_notify_event();
    }
}

void qemu_bh_cancel(QEMUBH *bh)
{
    g_mutex_lock(&bh_lock);
    bh->scheduled = false;
    g_mutex_unlock(&bh_lock);
}

void qemu_bh_delete(QEMUBH *bh)
{
    /* Freed by the next bh pass, so a BH may delete itself. */
    g_mutex_lock(&bh_lock);
    bh->scheduled = false;
    bh->deleted = true;
    g_atomic_int_set(&bh_pending, 1);
    g_mutex_unlock(&bh_lock);
}

static bool run_bottom_halves(void)
{
    bool ran = false;

    while (g_atomic_int_get(&bh_pending)) {
        QEMUBH **pbh;

        g_atomic_int_set(&bh_pending, 0);
        g_mutex_lock(&bh_lock);
        pbh = &bh_list;
        while (*pbh) {
            QEMUBH *bh = *pbh;

            if (bh->deleted) {
                *pbh = bh->next;
                g_free(bh);
                continue;
            }
            if (bh->scheduled) {
                bh->scheduled = false;
                g_mutex_unlock(&bh_lock);
                bh->cb(bh->opaque);
                ran = true;
                g_mutex_lock(&bh_lock);
                /* The list may have changed under the callback: rescan. */
                pbh = &bh_list;
                continue;
            }
            pbh = &bh->next;
        }
        g_mutex_unlock(&bh_lock);
    }
    return ran;
}

static void termsig_handler(int sig, siginfo_t *info, void *ctx)
{
    qemu_system_killed(sig, info ? info->si_pid : 0);
}

static gboolean wake_pipe_read(gint fd, GIOCondition cond, gpointer opaque)
{
    char buf[64];

    while (read(fd, buf, sizeof(buf)) > 0) {
        /* drain */
    }
    return G_SOURCE_CONTINUE;
}

static void main_loop_atexit(void)
{
    qemu_chr_cleanup();
}

void main_loop_init(void)
{
    struct sigaction act;

    if (main_thread) {
        return;
    }
    main_thread = g_thread_self();
    if (pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) < 0) {
        perror("pipe2");
        exit(1);
    }
    g_unix_fd_add(wake_pipe[0], G_IO_IN, wake_pipe_read, NULL);

    memset(&act, 0, sizeof(act));
    act.sa_sigaction = termsig_handler;
    act.sa_flags = SA_SIGINFO;
    sigaction(SIGTERM, &act, NULL);
    sigaction(SIGINT, &act, NULL);
    sigaction(SIGHUP, &act, NULL);
    signal(SIGPIPE, SIG_IGN);
    atexit(main_loop_atexit);

    bql_lock();
}

/* One iteration: sleep until I/O, a timer deadline or a wake-up; dispatch. */
static void main_loop_wait(bool nonblocking)
{
    static GPollFD *fds;
    static gint nfds_alloc;
    GMainContext *ctx = g_main_context_default();
    gint max_priority, glib_timeout, n;
    int64_t timeout_ns, dl;
    struct timespec ts;

    g_main_context_prepare(ctx, &max_priority);
    while ((n = g_main_context_query(ctx, max_priority, &glib_timeout,
                                     fds, nfds_alloc)) > nfds_alloc) {
        nfds_alloc = n;
        fds = g_renew(GPollFD, fds, nfds_alloc);
    }

    timeout_ns = glib_timeout < 0 ? -1 : (int64_t)glib_timeout * SCALE_MS;
    dl = qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL);
    if (dl >= 0 && (timeout_ns < 0 || dl < timeout_ns)) {
        timeout_ns = dl;
    }
    if (nonblocking || g_atomic_int_get(&bh_pending)) {
        timeout_ns = 0;
    }

    bql_unlock();
    if (timeout_ns >= 0) {
        ts.tv_sec = timeout_ns / NANOSECONDS_PER_SECOND;
        ts.tv_nsec = timeout_ns % NANOSECONDS_PER_SECOND;
    }
    /* GPollFD has struct pollfd's layout on every Unix GLib supports. */
    if (ppoll((struct pollfd *)fds, n, timeout_ns >= 0 ? &ts : NULL, NULL) < 0
        && errno != EINTR) {
        perror("ppoll");
    }
    bql_lock();

    if (g_main_context_check(ctx, max_priority, fds, n)) {
        g_main_context_dispatch(ctx);
    }
    run_bottom_halves();
    qemu_clock_run_all_timers();
    run_bottom_halves();
}

int main_loop_run(void)
{
    GMainContext *ctx = g_main_context_default();
    int status = 0;

    if (!main_thread) {
        main_loop_init();
    }
    g_main_context_acquire(ctx);
    while (!main_loop_should_exit(&status)) {
        main_loop_wait(false);
    }
    g_main_context_release(ctx);
    vm_shutdown();
    qemu_chr_cleanup();
    fflush(stdout);
    fflush(stderr);
    return status;
}

void main_loop_poll_once(bool nonblocking)
{
    GMainContext *ctx = g_main_context_default();

    /* prepare/query/check need the context owned; acquire is recursive. */
    g_main_context_acquire(ctx);
    main_loop_wait(nonblocking);
    g_main_context_release(ctx);
}
