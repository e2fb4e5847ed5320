/*
 * char-socket.c - the socket chardev: UNIX or TCP, client or server.
 *
 * A client connects once, at creation (that is how -qtest unix:PATH and
 * libqtest's QMP socket work: the test listens, we connect). A server
 * listens; with wait=on (the default) creation blocks until the first
 * client arrives, with wait=off clients are accepted by the main loop. One
 * client at a time; when it leaves, the server listens again. Output while
 * nobody is connected is dropped, as in QEMU.
 */
#include "util/osdep.h"
#include "chardev-internal.h"
#include "util/error.h"
#include "util/sockets.h"
#include "sysemu/runstate.h"

#include <fcntl.h>
#include <glib-unix.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/un.h>

typedef struct {
    bool is_unix;
    bool server;
    bool nodelay;
    char *path;
    char *host;
    char *port;
    int listen_fd;
    int fd;                 /* the connection, or -1 */
    GSource *listen_src;
    GSource *src;
} SocketChardev;

static void socket_connected(Chardev *chr, int fd);
static void socket_start_listen_watch(Chardev *chr);

static char *socket_desc(SocketChardev *s)
{
    if (s->is_unix) {
        return g_strdup_printf("unix:%s%s", s->path, s->server ? ",server=on" : "");
    }
    return g_strdup_printf("tcp:%s:%s%s", s->host, s->port,
                           s->server ? ",server=on" : "");
}

static void socket_disconnect(Chardev *chr)
{
    SocketChardev *s = chr->priv;

    if (s->fd < 0) {
        return;
    }
    chr_fd_watch_remove(&s->src);
    close(s->fd);
    s->fd = -1;
    chr_be_event(chr, CHR_EVENT_CLOSED);
    if (s->server) {
        socket_start_listen_watch(chr);
    }
}

static bool socket_read_cb(Chardev *chr, int fd, GIOCondition cond)
{
    SocketChardev *s = chr->priv;

    if (cond & G_IO_IN) {
        if (chr_fd_read_into_be(chr, fd) > 0) {
            return true;
        }
    } else if (!(cond & (G_IO_HUP | G_IO_ERR))) {
        return true;
    }
    /* The source is being removed by returning false: forget it first. */
    g_source_unref(s->src);
    s->src = NULL;
    close(s->fd);
    s->fd = -1;
    chr_be_event(chr, CHR_EVENT_CLOSED);
    if (s->server) {
        socket_start_listen_watch(chr);
    }
    return false;
}

static void socket_connected(Chardev *chr, int fd)
{
    SocketChardev *s = chr->priv;

    if (!s->is_unix && s->nodelay) {
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    }
    s->fd = fd;
    s->src = chr_fd_watch_add(chr, fd, socket_read_cb);
    chr_be_event(chr, CHR_EVENT_OPENED);
}

static gboolean socket_accept_cb(gint lfd, GIOCondition cond, gpointer opaque)
{
    Chardev *chr = opaque;
    SocketChardev *s = chr->priv;
    int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);

    if (fd < 0) {
        return G_SOURCE_CONTINUE;
    }
    /* One client at a time: stop accepting until this one leaves. */
    s->listen_src = NULL;
    socket_connected(chr, fd);
    return G_SOURCE_REMOVE;
}

static void socket_start_listen_watch(Chardev *chr)
{
    SocketChardev *s = chr->priv;
    guint id;

    if (s->listen_src || s->listen_fd < 0) {
        return;
    }
    id = g_unix_fd_add(s->listen_fd, G_IO_IN, socket_accept_cb, chr);
    s->listen_src = g_main_context_find_source_by_id(NULL, id);
}

static bool socket_open(Chardev *chr, const KeyValList *opts, GError **errp)
{
    SocketChardev *s;
    const char *path = keyval_get(opts, "path");
    const char *host = keyval_get(opts, "host");
    const char *port = keyval_get(opts, "port");
    bool server = false, wait = true, nodelay = false;
    int fd;

    if (!keyval_get_bool(opts, "server", false, &server, errp) ||
        !keyval_get_bool(opts, "wait", true, &wait, errp) ||
        !keyval_get_bool(opts, "nodelay", false, &nodelay, errp)) {
        return false;
    }
    if (!path && !port) {
        error_setg(errp, "chardev: socket: need either path= or host=/port=");
        return false;
    }
    if (path && port) {
        error_setg(errp, "chardev: socket: path= and port= are exclusive");
        return false;
    }
    s = g_new0(SocketChardev, 1);
    s->is_unix = path != NULL;
    s->server = server;
    s->nodelay = nodelay;
    s->path = g_strdup(path);
    s->host = g_strdup(host ? host : "");
    s->port = g_strdup(port);
    s->fd = -1;
    s->listen_fd = -1;
    chr->priv = s;
    chr->filename = socket_desc(s);

    fd = s->is_unix ? socket_unix_open(s->path, s->server, errp)
                   : socket_inet_open(s->host, s->port, s->server, errp);
    if (fd < 0) {
        goto fail;
    }
    if (!server) {
        socket_connected(chr, fd);
        return true;
    }
    s->listen_fd = fd;
    if (wait) {
        int cfd;

        fprintf(stderr, "QEMU waiting for connection on: disconnected:%s\n",
                chr->filename);
        do {
            cfd = accept4(fd, NULL, NULL, SOCK_CLOEXEC);
            if (cfd < 0 && errno == EINTR) {
                qemu_exit_if_killed();      /* SIGTERM while waiting */
            }
        } while (cfd < 0 && errno == EINTR);
        if (cfd < 0) {
            error_setg(errp, "chardev: accept failed: %s", g_strerror(errno));
            goto fail;
        }
        socket_connected(chr, cfd);
    } else {
        socket_start_listen_watch(chr);
    }
    return true;

fail:
    if (s->listen_fd >= 0) {
        close(s->listen_fd);
    }
    g_free(s->path);
    g_free(s->host);
    g_free(s->port);
    g_free(s);
    chr->priv = NULL;
    return false;
}

static int socket_write(Chardev *chr, const uint8_t *buf, int len)
{
    SocketChardev *s = chr->priv;
    int n;

    if (s->fd < 0) {
        return len;     /* nobody there: dropped */
    }
    n = chr_fd_write_all(s->fd, buf, len);
    if (n < 0) {
        /* EPIPE and friends: the read side notices the hang-up. */
        return len;
    }
    return n;
}

static void socket_close(Chardev *chr)
{
    SocketChardev *s = chr->priv;

    chr_fd_watch_remove(&s->src);
    if (s->fd >= 0) {
        close(s->fd);
    }
    if (s->listen_src) {
        g_source_destroy(s->listen_src);
    }
    if (s->listen_fd >= 0) {
        close(s->listen_fd);
        if (s->is_unix) {
            unlink(s->path);
        }
    }
    g_free(s->path);
    g_free(s->host);
    g_free(s->port);
    g_free(s);
}

const ChardevDriver chardev_socket_driver = {
    .name = "socket",
    .help = "UNIX (path=) or TCP (host=,port=) socket; server=on|off, wait=on|off",
    .open = socket_open,
    .write = socket_write,
    .close = socket_close,
    .disconnect = socket_disconnect,
};
