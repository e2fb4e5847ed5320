/*
 * char-fd.c - chardev back ends that are plain file descriptors (stdio,
 * file, pipe, pty, host serial device) and the ones with no host side at
 * all (null, ringbuf, testdev).
 */
#include "util/osdep.h"
#include "chardev-internal.h"
#include "sysemu/runstate.h"
#include "util/error.h"
#include "util/log.h"

#include <fcntl.h>
#include <termios.h>

typedef struct {
    int infd;       /* -1: no input */
    int outfd;
    bool own_fds;   /* close them on delete */
    bool nonblock_out;   /* drop output the host side does not take (pty) */
    int keep_fd;    /* pty: our own slave fd, so the master never sees EIO */
    GSource *src;
} FdChardev;

static bool fd_read_cb(Chardev *chr, int fd, GIOCondition cond)
{
    FdChardev *s = chr->priv;

    if (cond & G_IO_IN) {
        if (chr_fd_read_into_be(chr, fd) > 0) {
            return true;
        }
    } else if (!(cond & (G_IO_HUP | G_IO_ERR))) {
        return true;
    }
    /* EOF or error: stop reading; the output side stays usable. */
    g_source_unref(s->src);
    s->src = NULL;
    chr_be_event(chr, CHR_EVENT_CLOSED);
    return false;
}

static void fd_setup(Chardev *chr, int infd, int outfd, bool own)
{
    FdChardev *s = g_new0(FdChardev, 1);

    s->infd = infd;
    s->outfd = outfd;
    s->own_fds = own;
    s->keep_fd = -1;
    chr->priv = s;
    chr->be_open = true;
    if (infd >= 0) {
        s->src = chr_fd_watch_add(chr, infd, fd_read_cb);
    }
}

static int fd_write(Chardev *chr, const uint8_t *buf, int len)
{
    FdChardev *s = chr->priv;

    if (s->outfd < 0) {
        return len;
    }
    if (s->nonblock_out) {
        ssize_t n = write(s->outfd, buf, len);
        /* Nobody reading a pty must not stall the guest: drop the rest. */
        return n < 0 ? len : len;
    }
    return chr_fd_write_all(s->outfd, buf, len);
}

static void fd_close(Chardev *chr)
{
    FdChardev *s = chr->priv;

    chr_fd_watch_remove(&s->src);
    if (s->own_fds) {
        if (s->infd >= 0) {
            close(s->infd);
        }
        if (s->outfd >= 0 && s->outfd != s->infd) {
            close(s->outfd);
        }
    }
    if (s->keep_fd >= 0) {
        close(s->keep_fd);
    }
    g_free(s);
    chr->priv = NULL;
}

static void fd_accept_input(Chardev *chr)
{
    /* The watch re-asks can_receive in prepare(); waking the loop is enough. */
}

/* ---- stdio ---- */

static bool stdio_in_use;
static bool stdio_tty_saved;
static struct termios stdio_saved_tty;

void chr_stdio_restore_tty(void)
{
    if (stdio_tty_saved) {
        tcsetattr(0, TCSANOW, &stdio_saved_tty);
    }
}

static bool stdio_open(Chardev *chr, const KeyValList *opts, GError **errp)
{
    bool sig = true;

    if (!keyval_get_bool(opts, "signal", true, &sig, errp)) {
        return false;
    }
    if (stdio_in_use) {
        error_setg(errp, "cannot use stdio by multiple character devices");
        return false;
    }
    stdio_in_use = true;
    /* Raw mode only on a terminal; pipes and files are left alone. */
    if (isatty(0) && tcgetattr(0, &stdio_saved_tty) == 0) {
        struct termios tty = stdio_saved_tty;

        stdio_tty_saved = true;
        tty.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR |
                         ICRNL | IXON);
        tty.c_oflag |= OPOST;
        tty.c_lflag &= ~(ECHO | ECHONL | ICANON | IEXTEN);
        if (!sig) {
            tty.c_lflag &= ~ISIG;
        }
        tty.c_cflag &= ~(CSIZE | PARENB);
        tty.c_cflag |= CS8;
        tty.c_cc[VMIN] = 1;
        tty.c_cc[VTIME] = 0;
        tcsetattr(0, TCSANOW, &tty);
    }
    fd_setup(chr, 0, 1, false);
    return true;
}

static void stdio_close(Chardev *chr)
{
    chr_stdio_restore_tty();
    stdio_in_use = false;
    fd_close(chr);
}

const ChardevDriver chardev_stdio_driver = {
    .name = "stdio",
    .help = "standard input/output of the emulator (signal=on|off)",
    .open = stdio_open,
    .write = fd_write,
    .close = stdio_close,
    .accept_input = fd_accept_input,
};

/* ---- file ---- */

static bool file_open(Chardev *chr, const KeyValList *opts, GError **errp)
{
    const char *path = keyval_get(opts, "path");
    const char *in = keyval_get(opts, "input-path");
    bool append = false;
    int fd, infd = -1;

    if (!path) {
        error_setg(errp, "chardev: file: 'path' is required");
        return false;
    }
    if (!keyval_get_bool(opts, "append", false, &append, errp)) {
        return false;
    }
    fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC |
              (append ? O_APPEND : O_TRUNC), 0666);
    if (fd < 0) {
        error_setg(errp, "Could not open '%s': %s", path, g_strerror(errno));
        return false;
    }
    if (in) {
        infd = open(in, O_RDONLY | O_CLOEXEC);
        if (infd < 0) {
            error_setg(errp, "Could not open '%s': %s", in, g_strerror(errno));
            close(fd);
            return false;
        }
    }
    fd_setup(chr, infd, fd, true);
    chr->filename = g_strdup_printf("file:%s", path);
    return true;
}

const ChardevDriver chardev_file_driver = {
    .name = "file",
    .help = "write to a file (path=, append=on, input-path=)",
    .open = file_open,
    .write = fd_write,
    .close = fd_close,
    .accept_input = fd_accept_input,
};

/* ---- pipe: PATH.in/PATH.out, or PATH both ways ---- */

static bool pipe_open(Chardev *chr, const KeyValList *opts, GError **errp)
{
    const char *path = keyval_get(opts, "path");
    char *pin, *pout;
    int infd, outfd;

    if (!path) {
        error_setg(errp, "chardev: pipe: 'path' is required");
        return false;
    }
    pin = g_strdup_printf("%s.in", path);
    pout = g_strdup_printf("%s.out", path);
    infd = open(pin, O_RDWR | O_CLOEXEC);
    outfd = open(pout, O_RDWR | O_CLOEXEC);
    g_free(pin);
    g_free(pout);
    if (infd < 0 || outfd < 0) {
        if (infd >= 0) {
            close(infd);
        }
        if (outfd >= 0) {
            close(outfd);
        }
        infd = outfd = open(path, O_RDWR | O_CLOEXEC);
        if (infd < 0) {
            error_setg(errp, "Could not open '%s': %s", path, g_strerror(errno));
            return false;
        }
    }
    fd_setup(chr, infd, outfd, true);
    return true;
}

const ChardevDriver chardev_pipe_driver = {
    .name = "pipe",
    .help = "named pipe(s) PATH.in/PATH.out or PATH (path=)",
    .open = pipe_open,
    .write = fd_write,
    .close = fd_close,
    .accept_input = fd_accept_input,
};

/* ---- host serial device / tty ---- */

static bool serial_open(Chardev *chr, const KeyValList *opts, GError **errp)
{
    const char *path = keyval_get(opts, "path");
    int fd;

    if (!path) {
        error_setg(errp, "chardev: serial: 'path' is required");
        return false;
    }
    fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        error_setg(errp, "Could not open '%s': %s", path, g_strerror(errno));
        return false;
    }
    fd_setup(chr, fd, fd, true);
    return true;
}

const ChardevDriver chardev_serial_driver = {
    .name = "serial",
    .alias = "tty",
    .help = "host serial device or tty (path=)",
    .open = serial_open,
    .write = fd_write,
    .close = fd_close,
    .accept_input = fd_accept_input,
};

/* ---- pty ---- */

static bool pty_open(Chardev *chr, const KeyValList *opts, GError **errp)
{
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    const char *name;
    struct termios tty;
    int slave;

    if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0 ||
        !(name = ptsname(master))) {
        error_setg(errp, "chardev: cannot create a pty: %s", g_strerror(errno));
        if (master >= 0) {
            close(master);
        }
        return false;
    }
    slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (slave >= 0 && tcgetattr(slave, &tty) == 0) {
        cfmakeraw(&tty);
        tcsetattr(slave, TCSANOW, &tty);
    }
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    fd_setup(chr, master, master, true);
    ((FdChardev *)chr->priv)->keep_fd = slave;
    ((FdChardev *)chr->priv)->nonblock_out = true;
    chr->filename = g_strdup_printf("pty:%s", name);
    /* QEMU's message; scripts grep for it to find the pty. */
    fprintf(stderr, "char device redirected to %s (label %s)\n",
            name, chr->label);
    return true;
}

const ChardevDriver chardev_pty_driver = {
    .name = "pty",
    .help = "a new pseudo-terminal (its name is printed on stderr)",
    .open = pty_open,
    .write = fd_write,
    .close = fd_close,
    .accept_input = fd_accept_input,
};

/* ---- null ---- */

static bool null_open(Chardev *chr, const KeyValList *opts, GError **errp)
{
    chr->be_open = true;
    return true;
}

static int null_write(Chardev *chr, const uint8_t *buf, int len)
{
    return len;
}

const ChardevDriver chardev_null_driver = {
    .name = "null",
    .help = "discard output, never any input",
    .open = null_open,
    .write = null_write,
};

/* ---- ringbuf: keeps the last size= bytes of output ---- */

typedef struct {
    uint8_t *buf;
    size_t size, head, count;
} RingbufChardev;

static bool ringbuf_open(Chardev *chr, const KeyValList *opts, GError **errp)
{
    RingbufChardev *r;
    uint64_t size;

    if (!keyval_get_size(opts, "size", 65536, &size, errp)) {
        return false;
    }
    if (size == 0 || (size & (size - 1)) || size > 64 * MiB) {
        error_setg(errp, "chardev: ringbuf: size must be a power of 2 up to 64M");
        return false;
    }
    r = g_new0(RingbufChardev, 1);
    r->size = size;
    r->buf = g_malloc0(size);
    chr->priv = r;
    chr->be_open = true;
    return true;
}

static int ringbuf_write(Chardev *chr, const uint8_t *buf, int len)
{
    RingbufChardev *r = chr->priv;

    for (int i = 0; i < len; i++) {
        r->buf[(r->head + r->count) & (r->size - 1)] = buf[i];
        if (r->count < r->size) {
            r->count++;
        } else {
            r->head = (r->head + 1) & (r->size - 1);
        }
    }
    return len;
}

static void ringbuf_close(Chardev *chr)
{
    RingbufChardev *r = chr->priv;

    g_free(r->buf);
    g_free(r);
}

const ChardevDriver chardev_ringbuf_driver = {
    .name = "ringbuf",
    .alias = "memory",
    .help = "keep the last size= bytes written (default 64K)",
    .open = ringbuf_open,
    .write = ringbuf_write,
    .close = ringbuf_close,
};

/* ---- testdev: kvm-unit-tests' exit channel ---- */

/*
 * The guest writes "<decimal code>q" (whitespace allowed around the number)
 * through a virtconsole; we exit with (code << 1) | 1, like isa-debug-exit.
 * Bytes accumulate until a packet is complete.
 */
typedef struct {
    GString *in;
} TestdevChardev;

static bool testdev_open(Chardev *chr, const KeyValList *opts, GError **errp)
{
    TestdevChardev *t = g_new0(TestdevChardev, 1);

    t->in = g_string_new(NULL);
    chr->priv = t;
    chr->be_open = true;
    return true;
}

/* Consume one packet from @t->in; returns bytes eaten, 0 if incomplete. */
static size_t testdev_eat_packet(TestdevChardev *t)
{
    const char *p = t->in->str, *end = p + t->in->len;
    long code = 0;

    while (p < end && g_ascii_isspace(*p)) {
        p++;
    }
    while (p < end && g_ascii_isdigit(*p)) {
        code = code * 10 + (*p - '0');
        if (code > 0x3fffffff) {
            code = 0x3fffffff;
        }
        p++;
    }
    while (p < end && g_ascii_isspace(*p)) {
        p++;
    }
    if (p == end) {
        return 0;
    }
    if (*p == 'q') {
        qemu_system_shutdown_request_with_code((int)((code << 1) | 1) & 0xff);
    } else {
        log_mask(LOG_GUEST_ERROR, "chardev testdev: unknown command '%c'\n", *p);
    }
    return p + 1 - t->in->str;
}

static int testdev_write(Chardev *chr, const uint8_t *buf, int len)
{
    TestdevChardev *t = chr->priv;
    size_t n;

    g_string_append_len(t->in, (const char *)buf, len);
    while (t->in->len && (n = testdev_eat_packet(t)) > 0) {
        g_string_erase(t->in, 0, n);
    }
    if (t->in->len > 4096) {
        g_string_truncate(t->in, 0);
    }
    return len;
}

static void testdev_close(Chardev *chr)
{
    TestdevChardev *t = chr->priv;

    g_string_free(t->in, TRUE);
    g_free(t);
}

const ChardevDriver chardev_testdev_driver = {
    .name = "testdev",
    .help = "kvm-unit-tests exit device (guest writes \"<code>q\")",
    .open = testdev_open,
    .write = testdev_write,
    .close = testdev_close,
};
