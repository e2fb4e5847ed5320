/*
 * char-mux.c - one host chardev shared by several front ends ("mon:stdio",
 * -nographic, mux=on). Output from every front end goes through; input
 * goes to the focused one. Ctrl-a is the escape:
 *   Ctrl-a c  switch focus (serial <-> monitor)
 *   Ctrl-a x  quit the emulator
 *   Ctrl-a b  send a break
 *   Ctrl-a h  help
 *   Ctrl-a Ctrl-a  a literal Ctrl-a
 */
#include "util/osdep.h"
#include "chardev-internal.h"
#include "sysemu/runstate.h"
#include "sysemu/main-loop.h"
#include "util/error.h"

#define MUX_MAX 4
#define MUX_ESCAPE 0x01

typedef struct {
    Chardev *base;
    CharBackend base_be;        /* our front-end handle on the base */
    CharBackend *fes[MUX_MAX];
    int count;
    int focus;                  /* -1: none yet */
    int focus_pending;          /* who gets focus when start-up is over */
    QEMUBH *focus_bh;
    bool got_escape;
} MuxChardev;

static void mux_print(MuxChardev *m, const char *s)
{
    qemu_chr_write(m->base, (const uint8_t *)s, strlen(s), true);
}

static void mux_send_event(CharBackend *b, QEMUChrEvent ev)
{
    if (b && b->chr_event) {
        b->chr_event(b->opaque, ev);
    }
}

static void mux_set_focus(MuxChardev *m, int focus)
{
    if (focus < 0 || focus >= m->count || focus == m->focus) {
        return;
    }
    if (m->focus >= 0) {
        mux_send_event(m->fes[m->focus], CHR_EVENT_MUX_OUT);
    }
    m->focus = focus;
    mux_send_event(m->fes[focus], CHR_EVENT_MUX_IN);
}

static int mux_can_read(void *opaque)
{
    Chardev *chr = opaque;
    MuxChardev *m = chr->priv;
    CharBackend *b = m->focus >= 0 ? m->fes[m->focus] : NULL;

    if (m->focus_bh) {
        return 0;       /* start-up: keep input until someone has the focus */
    }
    if (!b || !b->chr_can_read) {
        /* Still swallow bytes so that the escape keys work. */
        return 1;
    }
    return b->chr_can_read(b->opaque) > 0 ? 1 : 0;
}

/* Returns true if @ch was an escape sequence consumed by the mux. */
static bool mux_proc_byte(Chardev *chr, MuxChardev *m, uint8_t ch)
{
    if (!m->got_escape) {
        if (ch == MUX_ESCAPE) {
            m->got_escape = true;
            return true;
        }
        return false;
    }
    m->got_escape = false;
    switch (ch) {
    case 'h':
    case '?':
        mux_print(m, "\r\nC-a h    print this help\r\n"
                     "C-a x    exit emulator\r\n"
                     "C-a b    send break (magic sysrq)\r\n"
                     "C-a c    switch between console and monitor\r\n"
                     "C-a C-a  sends C-a\r\n");
        return true;
    case 'x':
        mux_print(m, "QEMU: Terminated\r\n");
        qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_UI);
        return true;
    case 'b':
        if (m->focus >= 0) {
            mux_send_event(m->fes[m->focus], CHR_EVENT_BREAK);
        }
        return true;
    case 'c':
        if (m->count > 0) {
            mux_set_focus(m, (m->focus + 1) % m->count);
        }
        return true;
    case MUX_ESCAPE:
        return false;   /* deliver a literal Ctrl-a */
    default:
        return true;
    }
}

static void mux_read(void *opaque, const uint8_t *buf, int size)
{
    Chardev *chr = opaque;
    MuxChardev *m = chr->priv;

    for (int i = 0; i < size; i++) {
        CharBackend *b;

        if (mux_proc_byte(chr, m, buf[i])) {
            continue;
        }
        b = m->focus >= 0 ? m->fes[m->focus] : NULL;
        if (b && b->chr_read) {
            b->chr_read(b->opaque, &buf[i], 1);
        }
    }
}

static void mux_event(void *opaque, QEMUChrEvent ev)
{
    Chardev *chr = opaque;
    MuxChardev *m = chr->priv;

    if (ev == CHR_EVENT_OPENED) {
        chr->be_open = true;
    } else if (ev == CHR_EVENT_CLOSED) {
        chr->be_open = false;
    }
    for (int i = 0; i < m->count; i++) {
        mux_send_event(m->fes[i], ev);
    }
}

Chardev *chr_mux_new(const char *label, Chardev *base, GError **errp)
{
    Chardev *chr = g_new0(Chardev, 1);
    MuxChardev *m = g_new0(MuxChardev, 1);

    chr->label = g_strdup(label);
    chr->filename = g_strdup_printf("mux:%s", base->label);
    chr->drv = &chardev_mux_driver;
    chr->logfd = -1;
    chr->priv = m;
    m->base = base;
    m->focus = -1;
    if (!qemu_chr_fe_init(&m->base_be, base, errp)) {
        g_free(m);
        g_free(chr->label);
        g_free(chr->filename);
        g_free(chr);
        return NULL;
    }
    chr->be_open = base->be_open;
    qemu_chr_fe_set_handlers(&m->base_be, mux_can_read, mux_read, mux_event,
                             NULL, chr, NULL, false);
    return chr;
}

static bool mux_fe_attach(Chardev *chr, CharBackend *b, GError **errp)
{
    MuxChardev *m = chr->priv;

    if (m->count >= MUX_MAX) {
        error_setg(errp, "Too many uses of multiplexed chardev '%s'",
                   chr->label);
        return false;
    }
    b->tag = m->count;
    m->fes[m->count++] = b;
    return true;
}

static void mux_fe_detach(Chardev *chr, CharBackend *b)
{
    MuxChardev *m = chr->priv;

    if (b->tag >= 0 && b->tag < m->count && m->fes[b->tag] == b) {
        m->fes[b->tag] = NULL;
    }
    if (m->focus == b->tag) {
        m->focus = -1;
    }
}

static void mux_focus_bh(void *opaque)
{
    Chardev *chr = opaque;
    MuxChardev *m = chr->priv;

    qemu_bh_delete(m->focus_bh);
    m->focus_bh = NULL;
    mux_set_focus(m, m->focus_pending);
}

static void mux_fe_handlers_changed(Chardev *chr, CharBackend *b)
{
    MuxChardev *m = chr->priv;

    if (!b->fe_is_open) {
        return;
    }
    /*
     * The front end attached last (the serial port, after the monitor) gets
     * the input, as in QEMU. During start-up nobody has the focus yet, so
     * everyone starts "out" and the winner is picked once the main loop
     * runs: the monitor's banner then waits for Ctrl-a c instead of landing
     * in the middle of the guest's console output.
     */
    if (m->focus < 0) {
        mux_send_event(b, CHR_EVENT_MUX_OUT);
    }
    if (chr->be_open && b->chr_event) {
        b->chr_event(b->opaque, CHR_EVENT_OPENED);
    }
    if (m->focus < 0) {
        m->focus_pending = b->tag;
        if (!m->focus_bh) {
            m->focus_bh = qemu_bh_new(mux_focus_bh, chr);
            qemu_bh_schedule(m->focus_bh);
        }
    } else {
        mux_set_focus(m, b->tag);
    }
}

static int mux_write(Chardev *chr, const uint8_t *buf, int len)
{
    MuxChardev *m = chr->priv;

    return qemu_chr_write(m->base, buf, len, true);
}

static void mux_close(Chardev *chr)
{
    MuxChardev *m = chr->priv;

    if (m->focus_bh) {
        qemu_bh_delete(m->focus_bh);
    }
    qemu_chr_fe_deinit(&m->base_be, false);
    g_free(m);
}

static void mux_accept_input(Chardev *chr)
{
    MuxChardev *m = chr->priv;

    qemu_chr_fe_accept_input(&m->base_be);
}

const ChardevDriver chardev_mux_driver = {
    .name = "mux",
    .help = "multiplexer (internal)",
    .write = mux_write,
    .close = mux_close,
    .accept_input = mux_accept_input,
    .fe_attach = mux_fe_attach,
    .fe_detach = mux_fe_detach,
    .fe_handlers_changed = mux_fe_handlers_changed,
};
