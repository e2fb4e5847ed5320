/*
 * char.c - chardev core: the registry, option parsing (-chardev and the
 * "-serial unix:PATH,server=on" shorthand), the front-end API and the
 * generic fd machinery the stdio/file/pty/socket back ends share.
 *
 * Input flow control: each fd back end owns a GSource whose prepare()
 * asks the front end's can_receive() and only polls for G_IO_IN when the
 * device can take bytes, so a full UART FIFO leaves data in the kernel
 * instead of dropping it. qemu_chr_fe_accept_input() wakes the main loop
 * to re-ask.
 */
#include "util/osdep.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include "chardev-internal.h"
#include "sysemu/main-loop.h"
#include "monitor/monitor.h"
#include "util/error.h"

#include <fcntl.h>

static GHashTable *chardevs;    /* label -> Chardev */

static const ChardevDriver *const drivers[] = {
    &chardev_null_driver,
    &chardev_stdio_driver,
    &chardev_file_driver,
    &chardev_pipe_driver,
    &chardev_pty_driver,
    &chardev_serial_driver,
    &chardev_socket_driver,
    &chardev_testdev_driver,
    &chardev_ringbuf_driver,
};

static const ChardevDriver *find_driver(const char *name)
{
    for (size_t i = 0; i < ARRAY_SIZE(drivers); i++) {
        if (!strcmp(drivers[i]->name, name)) {
            return drivers[i];
        }
        if (drivers[i]->alias && !strcmp(drivers[i]->alias, name)) {
            return drivers[i];
        }
    }
    return NULL;
}

bool qemu_chr_backend_exists(const char *name)
{
    return find_driver(name) != NULL || !strcmp(name, "mux");
}

void qemu_chr_print_help(FILE *f)
{
    fprintf(f, "Available chardev backend types:\n");
    for (size_t i = 0; i < ARRAY_SIZE(drivers); i++) {
        fprintf(f, "  %-10s %s\n", drivers[i]->name, drivers[i]->help);
    }
    fprintf(f, "  %-10s %s\n", "mux", "(as mux=on on any backend) share between front ends");
}

Chardev *qemu_chr_find(const char *id)
{
    return chardevs ? g_hash_table_lookup(chardevs, id) : NULL;
}

void qemu_chr_foreach(void (*fn)(Chardev *chr, void *opaque), void *opaque)
{
    GHashTableIter it;
    gpointer k, v;

    if (!chardevs) {
        return;
    }
    g_hash_table_iter_init(&it, chardevs);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        fn(v, opaque);
    }
}

/* ---- delivering input and events to the front end ---- */

int chr_be_can_write(Chardev *chr)
{
    CharBackend *be = chr->be;

    if (chr->drv->be_can_write) {
        return chr->drv->be_can_write(chr);
    }
    if (!be || !be->chr_can_read || !be->chr_read) {
        return 0;
    }
    return be->chr_can_read(be->opaque);
}

void chr_be_write(Chardev *chr, const uint8_t *buf, int len)
{
    CharBackend *be = chr->be;

    if (chr->drv->be_write) {
        chr->drv->be_write(chr, buf, len);
        return;
    }
    if (be && be->chr_read) {
        be->chr_read(be->opaque, buf, len);
    }
}

void chr_be_event(Chardev *chr, QEMUChrEvent event)
{
    CharBackend *be = chr->be;

    if (event == CHR_EVENT_OPENED) {
        chr->be_open = true;
    } else if (event == CHR_EVENT_CLOSED) {
        chr->be_open = false;
    }
    if (chr->drv->be_event) {
        chr->drv->be_event(chr, event);
        return;
    }
    if (be && be->chr_event) {
        be->chr_event(be->opaque, event);
    }
}

/* ---- generic fd input source ---- */

typedef struct {
    GSource src;
    Chardev *chr;
    int fd;
    gpointer tag;
    GIOCondition events;        /* what the fd is polled for now */
    ChrFdReadFunc *read_cb;
} ChrFdSource;

static gboolean fd_src_prepare(GSource *s, gint *timeout)
{
    ChrFdSource *cs = (ChrFdSource *)s;
    GIOCondition want = G_IO_HUP | G_IO_ERR;

    *timeout = -1;
    if (chr_be_can_write(cs->chr) > 0) {
        want |= G_IO_IN;
    }
    /*
     * Only on a change: g_source_modify_unix_fd wakes the main context,
     * so calling it in every prepare made the loop spin while an input fd
     * was open (a guest booted with stdin on a pipe ran 3x slower).
     */
    if (want != cs->events) {
        cs->events = want;
        g_source_modify_unix_fd(s, cs->tag, want);
    }
    return FALSE;
}

static gboolean fd_src_check(GSource *s)
{
    ChrFdSource *cs = (ChrFdSource *)s;

    return g_source_query_unix_fd(s, cs->tag) != 0;
}

static gboolean fd_src_dispatch(GSource *s, GSourceFunc cb, gpointer data)
{
    ChrFdSource *cs = (ChrFdSource *)s;
    GIOCondition cond = g_source_query_unix_fd(s, cs->tag);

    return cs->read_cb(cs->chr, cs->fd, cond) ? G_SOURCE_CONTINUE
                                               : G_SOURCE_REMOVE;
}

static GSourceFuncs fd_src_funcs = {
    .prepare = fd_src_prepare,
    .check = fd_src_check,
    .dispatch = fd_src_dispatch,
};

GSource *chr_fd_watch_add(Chardev *chr, int fd, ChrFdReadFunc *read_cb)
{
    GSource *s = g_source_new(&fd_src_funcs, sizeof(ChrFdSource));
    ChrFdSource *cs = (ChrFdSource *)s;

    cs->chr = chr;
    cs->fd = fd;
    cs->read_cb = read_cb;
    cs->events = G_IO_IN | G_IO_HUP | G_IO_ERR;
    cs->tag = g_source_add_unix_fd(s, fd, cs->events);
    g_source_attach(s, g_main_context_default());
    return s;
}

void chr_fd_watch_remove(GSource **src)
{
    if (*src) {
        g_source_destroy(*src);
        g_source_unref(*src);
        *src = NULL;
    }
}

int chr_fd_read_into_be(Chardev *chr, int fd)
{
    uint8_t buf[4096];
    int want = chr_be_can_write(chr);
    ssize_t n;

    if (want <= 0) {
        return 1;       /* nothing wanted; not an error */
    }
    if (want > (int)sizeof(buf)) {
        want = sizeof(buf);
    }
    do {
        n = read(fd, buf, want);
    } while (n < 0 && errno == EINTR);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        return 1;
    }
    if (n <= 0) {
        return n == 0 ? 0 : -1;
    }
    chr_be_write(chr, buf, n);
    return n;
}

int chr_fd_write_all(int fd, const uint8_t *buf, int len)
{
    int done = 0;

    while (done < len) {
        ssize_t n = write(fd, buf + done, len - done);

        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                struct pollfd pfd = { .fd = fd, .events = POLLOUT };
                poll(&pfd, 1, 100);
                continue;
            }
            return done ? done : -1;
        }
        done += n;
    }
    return done;
}

/* ---- creation ---- */

static Chardev *chr_alloc(const char *label, const ChardevDriver *drv)
{
    Chardev *chr = g_new0(Chardev, 1);

    chr->label = g_strdup(label);
    chr->drv = drv;
    chr->logfd = -1;
    return chr;
}

static void chr_free(Chardev *chr)
{
    if (chr->logfd >= 0) {
        close(chr->logfd);
    }
    g_free(chr->label);
    g_free(chr->filename);
    g_free(chr);
}

static void chr_register(Chardev *chr)
{
    if (!chardevs) {
        chardevs = g_hash_table_new(g_str_hash, g_str_equal);
    }
    g_hash_table_insert(chardevs, chr->label, chr);
}

/* Open one back end (no mux wrapping) from parsed options. */
static Chardev *chr_open_backend(const char *label, const char *backend,
                                 const KeyValList *opts, GError **errp)
{
    const ChardevDriver *drv = find_driver(backend);
    const char *logfile = keyval_get(opts, "logfile");
    Chardev *chr;

    if (!drv) {
        error_setg(errp, "'%s' is not a valid char driver name", backend);
        return NULL;
    }
    chr = chr_alloc(label, drv);
    if (logfile) {
        bool append = false;

        if (!keyval_get_bool(opts, "logappend", false, &append, errp)) {
            chr_free(chr);
            return NULL;
        }
        chr->logfd = open(logfile, O_WRONLY | O_CREAT | O_CLOEXEC |
                          (append ? O_APPEND : O_TRUNC), 0666);
        if (chr->logfd < 0) {
            error_setg(errp, "chardev '%s': cannot open logfile '%s': %s",
                       label, logfile, g_strerror(errno));
            chr_free(chr);
            return NULL;
        }
    }
    if (!drv->open(chr, opts, errp)) {
        chr_free(chr);
        return NULL;
    }
    if (!chr->filename) {
        chr->filename = g_strdup(backend);
    }
    return chr;
}

static Chardev *chr_new_common(const char *label, const KeyValList *opts,
                               bool mux, GError **errp)
{
    const char *backend = keyval_get(opts, "backend");
    Chardev *chr, *muxchr;
    char *base_label;

    if (!backend) {
        error_setg(errp, "chardev: backend type missing (try -chardev help)");
        return NULL;
    }
    if (!label || !*label) {
        error_setg(errp, "chardev: \"id\" is required");
        return NULL;
    }
    if (qemu_chr_find(label)) {
        error_setg(errp, "attempt to add duplicate property '%s' to object "
                   "(type 'container')", label);
        return NULL;
    }
    if (!mux) {
        chr = chr_open_backend(label, backend, opts, errp);
        if (chr) {
            chr_register(chr);
        }
        return chr;
    }
    /* As QEMU: the real back end is "<id>-base", the mux takes the id. */
    base_label = g_strdup_printf("%s-base", label);
    chr = chr_open_backend(base_label, backend, opts, errp);
    g_free(base_label);
    if (!chr) {
        return NULL;
    }
    chr_register(chr);
    muxchr = chr_mux_new(label, chr, errp);
    if (!muxchr) {
        g_hash_table_remove(chardevs, chr->label);
        qemu_chr_delete(chr);
        return NULL;
    }
    chr_register(muxchr);
    return muxchr;
}

Chardev *qemu_chr_new_from_opts(const KeyValList *opts, GError **errp)
{
    bool mux = false;

    if (!keyval_get_bool(opts, "mux", false, &mux, errp)) {
        return NULL;
    }
    return chr_new_common(keyval_get(opts, "id"), opts, mux, errp);
}

/*
 * Turn the legacy flag spellings into the modern keys:
 * "server" -> server=on (keyval does that), "nowait" -> wait=off.
 */
static void fixup_legacy_socket_flags(KeyValList *kv)
{
    bool b;

    if (keyval_has(kv, "nowait")) {
        if (parse_bool(keyval_get(kv, "nowait"), &b) && b) {
            keyval_set(kv, "wait", "off");
        }
        keyval_remove(kv, "nowait");
    }
    if (keyval_has(kv, "nodelay") && !*keyval_get(kv, "nodelay")) {
        keyval_set(kv, "nodelay", "on");
    }
}

/* Parse a shorthand spec into -chardev options; NULL + errp on error. */
static KeyValList *parse_compat_spec(const char *spec, GError **errp)
{
    KeyValList *kv = NULL;
    const char *p;

    if (!strcmp(spec, "null") || !strcmp(spec, "vc") ||
        g_str_has_prefix(spec, "vc:")) {
        kv = keyval_new();
        keyval_set(kv, "backend", "null");
    } else if (!strcmp(spec, "stdio")) {
        kv = keyval_new();
        keyval_set(kv, "backend", "stdio");
    } else if (!strcmp(spec, "pty")) {
        kv = keyval_new();
        keyval_set(kv, "backend", "pty");
    } else if (!strcmp(spec, "testdev")) {
        kv = keyval_new();
        keyval_set(kv, "backend", "testdev");
    } else if (g_str_has_prefix(spec, "file:")) {
        kv = keyval_new();
        keyval_set(kv, "backend", "file");
        keyval_set(kv, "path", spec + 5);
    } else if (g_str_has_prefix(spec, "pipe:")) {
        kv = keyval_new();
        keyval_set(kv, "backend", "pipe");
        keyval_set(kv, "path", spec + 5);
    } else if (g_str_has_prefix(spec, "/dev/")) {
        kv = keyval_new();
        keyval_set(kv, "backend", "serial");
        keyval_set(kv, "path", spec);
    } else if (g_str_has_prefix(spec, "unix:")) {
        kv = keyval_parse(spec + 5, "path", errp);
        if (!kv) {
            return NULL;
        }
        keyval_set(kv, "backend", "socket");
        fixup_legacy_socket_flags(kv);
    } else if ((p = g_str_has_prefix(spec, "tcp:") ? spec + 4 :
                g_str_has_prefix(spec, "telnet:") ? spec + 7 : NULL)) {
        const char *comma = strchr(p, ',');
        char *hostport = comma ? g_strndup(p, comma - p) : g_strdup(p);
        char *colon = strrchr(hostport, ':');

        if (!colon) {
            error_setg(errp, "chardev: '%s': expected tcp:HOST:PORT", spec);
            g_free(hostport);
            return NULL;
        }
        *colon = 0;
        kv = comma ? keyval_parse(comma + 1, NULL, errp) : keyval_new();
        if (!kv) {
            g_free(hostport);
            return NULL;
        }
        keyval_set(kv, "backend", "socket");
        keyval_set(kv, "host", hostport);
        keyval_set(kv, "port", colon + 1);
        fixup_legacy_socket_flags(kv);
        g_free(hostport);
    } else {
        error_setg(errp, "'%s' is not a valid char driver", spec);
        return NULL;
    }
    return kv;
}

Chardev *qemu_chr_new(const char *label, const char *spec, GError **errp)
{
    KeyValList *kv;
    Chardev *chr;
    bool mon = false;

    if (!spec || !strcmp(spec, "none")) {
        return NULL;
    }
    if (g_str_has_prefix(spec, "chardev:")) {
        chr = qemu_chr_find(spec + 8);
        if (!chr) {
            error_setg(errp, "chardev '%s' not found", spec + 8);
        }
        return chr;
    }
    if (g_str_has_prefix(spec, "mon:")) {
        mon = true;
        spec += 4;
    }
    kv = parse_compat_spec(spec, errp);
    if (!kv) {
        return NULL;
    }
    /* A muxed stdio passes Ctrl-C to the guest; Ctrl-a x quits. */
    if (mon && !strcmp(keyval_get(kv, "backend"), "stdio")) {
        keyval_set(kv, "signal", "off");
    }
    chr = chr_new_common(label, kv, mon, errp);
    keyval_free(kv);
    if (chr) {
        g_free(chr->filename);
        chr->filename = g_strdup(spec);
    }
    if (chr && mon && !monitor_init_hmp(chr, errp)) {
        return NULL;
    }
    return chr;
}

int qemu_chr_write(Chardev *s, const uint8_t *buf, int len, bool write_all)
{
    int n;

    if (!s || len <= 0) {
        return len == 0 ? 0 : -1;
    }
    n = s->drv->write ? s->drv->write(s, buf, len) : len;
    if (n > 0 && s->logfd >= 0) {
        chr_fd_write_all(s->logfd, buf, n);
    }
    return n;
}

void qemu_chr_delete(Chardev *chr)
{
    if (!chr) {
        return;
    }
    if (chardevs && g_hash_table_lookup(chardevs, chr->label) == chr) {
        g_hash_table_remove(chardevs, chr->label);
    }
    if (chr->drv->close) {
        chr->drv->close(chr);
    }
    chr_free(chr);
}

void qemu_chr_cleanup(void)
{
    chr_stdio_restore_tty();
}

/* ---- front end ---- */

bool qemu_chr_fe_init(CharBackend *b, Chardev *s, GError **errp)
{
    memset(b, 0, sizeof(*b));
    if (!s) {
        return true;
    }
    if (s->drv->fe_attach) {
        if (!s->drv->fe_attach(s, b, errp)) {
            return false;
        }
    } else {
        if (s->be) {
            error_setg(errp, "Device '%s' is in use", s->label);
            return false;
        }
        s->be = b;
    }
    b->chr = s;
    return true;
}

void qemu_chr_fe_deinit(CharBackend *b, bool del)
{
    Chardev *s = b->chr;

    if (!s) {
        return;
    }
    qemu_chr_fe_set_handlers(b, NULL, NULL, NULL, NULL, NULL, NULL, false);
    if (s->drv->fe_detach) {
        s->drv->fe_detach(s, b);
    } else if (s->be == b) {
        s->be = NULL;
    }
    b->chr = NULL;
    if (del) {
        qemu_chr_delete(s);
    }
}

void qemu_chr_fe_set_handlers(CharBackend *b,
                              IOCanReadHandler *fd_can_read,
                              IOReadHandler *fd_read,
                              IOEventHandler *fd_event,
                              BackendChangeHandler *be_change,
                              void *opaque,
                              GMainContext *context,
                              bool set_open)
{
    Chardev *s = b->chr;

    if (!s) {
        return;
    }
    b->chr_can_read = fd_can_read;
    b->chr_read = fd_read;
    b->chr_event = fd_event;
    b->chr_be_change = be_change;
    b->opaque = opaque;
    b->fe_is_open = fd_can_read || fd_read || fd_event;
    if (s->drv->fe_handlers_changed) {
        s->drv->fe_handlers_changed(s, b);
    }
    if (set_open && fd_event && s->be_open && !s->drv->fe_handlers_changed) {
        fd_event(opaque, CHR_EVENT_OPENED);
    }
    qemu_notify_event();
}

int qemu_chr_fe_write(CharBackend *be, const uint8_t *buf, int len)
{
    return be->chr ? qemu_chr_write(be->chr, buf, len, false) : -1;
}

int qemu_chr_fe_write_all(CharBackend *be, const uint8_t *buf, int len)
{
    return be->chr ? qemu_chr_write(be->chr, buf, len, true) : -1;
}

void qemu_chr_fe_printf(CharBackend *be, const char *fmt, ...)
{
    va_list ap;
    char *s;

    va_start(ap, fmt);
    s = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    qemu_chr_fe_write_all(be, (const uint8_t *)s, strlen(s));
    g_free(s);
}

void qemu_chr_fe_accept_input(CharBackend *be)
{
    Chardev *s = be->chr;

    if (s && s->drv->accept_input) {
        s->drv->accept_input(s);
    }
    qemu_notify_event();
}

Chardev *qemu_chr_fe_get_driver(CharBackend *be)
{
    return be->chr;
}

bool qemu_chr_fe_backend_connected(CharBackend *be)
{
    return be->chr != NULL;
}

bool qemu_chr_fe_backend_open(CharBackend *be)
{
    return be->chr && be->chr->be_open;
}

void qemu_chr_fe_disconnect(CharBackend *be)
{
    Chardev *s = be->chr;

    if (s && s->drv->disconnect) {
        s->drv->disconnect(s);
    }
}
