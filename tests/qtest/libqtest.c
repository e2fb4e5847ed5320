/*
 * libqtest.c - the test side of the qtest and QMP protocols. See
 * libqtest.h. Written for plumb; the API names follow QEMU's libqtest so
 * that tests read the same.
 */
#include "util/osdep.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libqtest.h"

#define QTEST_IO_TIMEOUT_MS 60000
#define QTEST_MAX_IRQ 256

struct QTestState {
    pid_t pid;
    int qtest_fd;
    int qmp_fd;
    GString *qtest_buf;
    GString *qmp_buf;
    char *tmpdir;
    char *qtest_path;
    char *qmp_path;
    bool irq_level[QTEST_MAX_IRQ];
    bool big_endian;
    int expected_status;
    bool exited;
    int wstatus;
    GQueue *events;         /* stashed QMP events (JsonObject *) */
    bool log;
};

static const char *qemu_binary(void)
{
    const char *b = getenv("QTEST_QEMU_BINARY");

    if (!b) {
        fprintf(stderr, "Environment variable QTEST_QEMU_BINARY required\n");
        exit(1);
    }
    return b;
}

const char *qtest_get_arch(void)
{
    const char *b = qemu_binary();
    const char *end = strrchr(b, '-');

    if (!strstr(b, "-system-") || !end) {
        fprintf(stderr, "Can't determine the arch from QTEST_QEMU_BINARY (%s)\n", b);
        exit(1);
    }
    return end + 1;
}

static int listen_unix(const char *path)
{
    struct sockaddr_un sun = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

    g_assert_cmpint(fd, >=, 0);
    g_assert(strlen(path) < sizeof(sun.sun_path));
    strcpy(sun.sun_path, path);
    unlink(path);
    g_assert_cmpint(bind(fd, (struct sockaddr *)&sun, sizeof(sun)), ==, 0);
    g_assert_cmpint(listen(fd, 1), ==, 0);
    return fd;
}

/* Accept on @lfd, failing the test if the child dies or time runs out. */
static int accept_or_die(QTestState *s, int lfd, const char *what)
{
    for (int waited = 0; waited < QTEST_IO_TIMEOUT_MS; waited += 100) {
        struct pollfd pfd = { .fd = lfd, .events = POLLIN };
        int st;

        if (poll(&pfd, 1, 100) > 0) {
            int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
            if (fd >= 0) {
                return fd;
            }
        }
        if (waitpid(s->pid, &st, WNOHANG) == s->pid) {
            s->exited = true;
            s->wstatus = st;
            g_error("%s exited (status 0x%x) before connecting to the %s "
                    "socket", qemu_binary(), st, what);
        }
    }
    g_error("timeout waiting for %s to connect to the %s socket",
            qemu_binary(), what);
    return -1;
}

QTestState *qtest_init_full(const char *extra_args, bool handshake,
                            const char *stderr_path)
{
    QTestState *s = g_new0(QTestState, 1);
    int qlfd, mlfd;
    char *cmd;
    GError *err = NULL;

    s->tmpdir = g_dir_make_tmp("qtest-XXXXXX", &err);
    g_assert_no_error(err);
    s->qtest_path = g_strdup_printf("%s/qtest.sock", s->tmpdir);
    s->qmp_path = g_strdup_printf("%s/qmp.sock", s->tmpdir);
    s->qtest_buf = g_string_new(NULL);
    s->qmp_buf = g_string_new(NULL);
    s->events = g_queue_new();
    s->log = getenv("QTEST_LOG") != NULL;
    qlfd = listen_unix(s->qtest_path);
    mlfd = listen_unix(s->qmp_path);

    cmd = g_strdup_printf("exec %s -qtest unix:%s -qtest-log %s "
                          "-chardev socket,path=%s,id=char0 "
                          "-mon chardev=char0,mode=control -display none "
                          "%s -accel qtest",
                          qemu_binary(), s->qtest_path,
                          s->log ? "/dev/fd/2" : "/dev/null", s->qmp_path,
                          extra_args ? extra_args : "");
    if (s->log) {
        fprintf(stderr, "starting: %s\n", cmd);
    }
    s->pid = fork();
    g_assert_cmpint(s->pid, >=, 0);
    if (s->pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (stderr_path) {
            int fd = open(stderr_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd >= 0) {
                dup2(fd, 2);
                close(fd);
            }
        }
        execlp("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    g_free(cmd);

    s->qtest_fd = accept_or_die(s, qlfd, "qtest");
    s->qmp_fd = accept_or_die(s, mlfd, "QMP");
    close(qlfd);
    close(mlfd);
    unlink(s->qtest_path);
    unlink(s->qmp_path);

    {
        char *r = qtest_rsp(s, "endianness");
        s->big_endian = !strcmp(r, "OK big");
        g_free(r);
    }
    if (handshake) {
        JsonObject *greet = qtest_qmp_receive_dict(s);

        g_assert(greet && json_object_has_member(greet, "QMP"));
        json_object_unref(greet);
        qtest_qmp_assert_success(s, "{'execute': 'qmp_capabilities'}");
    }
    return s;
}

QTestState *qtest_init(const char *extra_args)
{
    return qtest_init_full(extra_args, true, NULL);
}

QTestState *qtest_init_without_qmp_handshake(const char *extra_args)
{
    return qtest_init_full(extra_args, false, NULL);
}

QTestState *qtest_initf(const char *fmt, ...)
{
    va_list ap;
    char *args;
    QTestState *s;

    va_start(ap, fmt);
    args = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    s = qtest_init(args);
    g_free(args);
    return s;
}

pid_t qtest_pid(QTestState *s)
{
    return s->pid;
}

void qtest_set_expected_status(QTestState *s, int status)
{
    s->expected_status = status;
}

int qtest_wait_exit(QTestState *s, int timeout_ms)
{
    for (int t = 0; t <= timeout_ms; t += 10) {
        int st;

        if (s->exited) {
            return s->wstatus;
        }
        if (waitpid(s->pid, &st, WNOHANG) == s->pid) {
            s->exited = true;
            s->wstatus = st;
            return st;
        }
        g_usleep(10 * 1000);
    }
    return -1;
}

void qtest_quit(QTestState *s)
{
    if (!s->exited) {
        kill(s->pid, SIGTERM);
        if (qtest_wait_exit(s, 30000) < 0) {
            kill(s->pid, SIGKILL);
            waitpid(s->pid, &s->wstatus, 0);
            s->exited = true;
            g_error("%s did not exit within 30 s of SIGTERM", qemu_binary());
        }
        if (!WIFEXITED(s->wstatus) ||
            WEXITSTATUS(s->wstatus) != s->expected_status) {
            g_error("%s: expected exit status %d, got wait status 0x%x",
                    qemu_binary(), s->expected_status, s->wstatus);
        }
    }
    close(s->qtest_fd);
    close(s->qmp_fd);
    rmdir(s->tmpdir);
    g_free(s->tmpdir);
    g_free(s->qtest_path);
    g_free(s->qmp_path);
    g_string_free(s->qtest_buf, TRUE);
    g_string_free(s->qmp_buf, TRUE);
    g_queue_free_full(s->events, (GDestroyNotify)json_object_unref);
    g_free(s);
}

static void write_all(int fd, const char *buf, size_t len)
{
    while (len) {
        ssize_t n = write(fd, buf, len);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        g_assert_cmpint(n, >, 0);
        buf += n;
        len -= n;
    }
}

/* Read one '\n'-terminated line from @fd (without the newline); NULL on EOF. */
static char *read_line(int fd, GString *buf)
{
    for (;;) {
        char *nl = memchr(buf->str, '\n', buf->len);
        char tmp[4096];
        struct pollfd pfd = { .fd = fd, .events = POLLIN };
        ssize_t n;

        if (nl) {
            char *line = g_strndup(buf->str, nl - buf->str);

            g_string_erase(buf, 0, nl - buf->str + 1);
            return line;
        }
        if (poll(&pfd, 1, QTEST_IO_TIMEOUT_MS) <= 0) {
            g_error("timeout reading from %s", qemu_binary());
        }
        n = read(fd, tmp, sizeof(tmp));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return NULL;
        }
        g_string_append_len(buf, tmp, n);
    }
}

void qtest_send_raw(QTestState *s, const char *data)
{
    if (s->log) {
        fprintf(stderr, "[qtest >] %s", data);
    }
    write_all(s->qtest_fd, data, strlen(data));
}

char *qtest_rsp(QTestState *s, const char *fmt, ...)
{
    va_list ap;
    char *cmd, *line;

    va_start(ap, fmt);
    cmd = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    line = g_strconcat(cmd, "\n", NULL);
    qtest_send_raw(s, line);
    g_free(line);
    g_free(cmd);

    for (;;) {
        char *r = read_line(s->qtest_fd, s->qtest_buf);

        if (!r) {
            g_error("%s closed the qtest socket", qemu_binary());
        }
        if (s->log) {
            fprintf(stderr, "[qtest <] %s\n", r);
        }
        if (g_str_has_prefix(r, "IRQ ")) {
            int n = -1;

            if (sscanf(r, "IRQ raise %d", &n) == 1 && n >= 0 && n < QTEST_MAX_IRQ) {
                s->irq_level[n] = true;
            } else if (sscanf(r, "IRQ lower %d", &n) == 1 && n >= 0 &&
                       n < QTEST_MAX_IRQ) {
                s->irq_level[n] = false;
            }
            g_free(r);
            continue;
        }
        return r;
    }
}

/* Send, require "OK", return the text after "OK " (or ""). */
static char *qtest_ok(QTestState *s, char *rsp)
{
    char *rest;

    if (strncmp(rsp, "OK", 2)) {
        g_error("qtest: expected OK, got '%s'", rsp);
    }
    rest = g_strdup(rsp[2] == ' ' ? rsp + 3 : "");
    g_free(rsp);
    return rest;
}

static uint64_t qtest_ok_u64(QTestState *s, char *rsp)
{
    char *v = qtest_ok(s, rsp);
    uint64_t r = g_ascii_strtoull(v, NULL, 0);

    g_free(v);
    return r;
}

bool qtest_big_endian(QTestState *s)
{
    return s->big_endian;
}

#define DEF_OUT(sfx, type) \
void qtest_out##sfx(QTestState *s, uint16_t addr, type value) \
{ \
    g_free(qtest_ok(s, qtest_rsp(s, "out" #sfx " 0x%x 0x%x", addr, \
                                 (unsigned)value))); \
}
DEF_OUT(b, uint8_t)
DEF_OUT(w, uint16_t)
DEF_OUT(l, uint32_t)

uint8_t qtest_inb(QTestState *s, uint16_t addr)
{
    return qtest_ok_u64(s, qtest_rsp(s, "inb 0x%x", addr));
}

uint16_t qtest_inw(QTestState *s, uint16_t addr)
{
    return qtest_ok_u64(s, qtest_rsp(s, "inw 0x%x", addr));
}

uint32_t qtest_inl(QTestState *s, uint16_t addr)
{
    return qtest_ok_u64(s, qtest_rsp(s, "inl 0x%x", addr));
}

#define DEF_WRITE(sfx, type) \
void qtest_write##sfx(QTestState *s, uint64_t addr, type value) \
{ \
    g_free(qtest_ok(s, qtest_rsp(s, "write" #sfx " 0x%" G_GINT64_MODIFIER "x 0x%" \
                                 G_GINT64_MODIFIER "x", addr, (uint64_t)value))); \
}
DEF_WRITE(b, uint8_t)
DEF_WRITE(w, uint16_t)
DEF_WRITE(l, uint32_t)
DEF_WRITE(q, uint64_t)

#define DEF_READ(sfx, type) \
type qtest_read##sfx(QTestState *s, uint64_t addr) \
{ \
    return qtest_ok_u64(s, qtest_rsp(s, "read" #sfx " 0x%" G_GINT64_MODIFIER "x", \
                                     addr)); \
}
DEF_READ(b, uint8_t)
DEF_READ(w, uint16_t)
DEF_READ(l, uint32_t)
DEF_READ(q, uint64_t)

void qtest_memread(QTestState *s, uint64_t addr, void *data, size_t size)
{
    char *hex;
    uint8_t *p = data;

    if (!size) {
        return;
    }
    hex = qtest_ok(s, qtest_rsp(s, "read 0x%" G_GINT64_MODIFIER "x 0x%zx",
                                addr, size));
    g_assert(g_str_has_prefix(hex, "0x"));
    g_assert_cmpuint(strlen(hex), ==, 2 + size * 2);
    for (size_t i = 0; i < size; i++) {
        p[i] = g_ascii_xdigit_value(hex[2 + 2 * i]) << 4 |
               g_ascii_xdigit_value(hex[3 + 2 * i]);
    }
    g_free(hex);
}

void qtest_memwrite(QTestState *s, uint64_t addr, const void *data, size_t size)
{
    GString *hex = g_string_new("0x");
    const uint8_t *p = data;

    if (!size) {
        g_string_free(hex, TRUE);
        return;
    }
    for (size_t i = 0; i < size; i++) {
        g_string_append_printf(hex, "%02x", p[i]);
    }
    g_free(qtest_ok(s, qtest_rsp(s, "write 0x%" G_GINT64_MODIFIER "x 0x%zx %s",
                                 addr, size, hex->str)));
    g_string_free(hex, TRUE);
}

void qtest_bufread(QTestState *s, uint64_t addr, void *data, size_t size)
{
    char *b64 = qtest_ok(s, qtest_rsp(s, "b64read 0x%" G_GINT64_MODIFIER "x 0x%zx",
                                      addr, size));
    gsize len;
    guchar *bin = g_base64_decode(b64, &len);

    g_assert_cmpuint(len, ==, size);
    memcpy(data, bin, size);
    g_free(bin);
    g_free(b64);
}

void qtest_bufwrite(QTestState *s, uint64_t addr, const void *data, size_t size)
{
    gchar *b64 = g_base64_encode(data, size);

    g_free(qtest_ok(s, qtest_rsp(s, "b64write 0x%" G_GINT64_MODIFIER "x 0x%zx %s",
                                 addr, size, b64)));
    g_free(b64);
}

void qtest_memset(QTestState *s, uint64_t addr, uint8_t patt, size_t size)
{
    g_free(qtest_ok(s, qtest_rsp(s, "memset 0x%" G_GINT64_MODIFIER "x 0x%zx 0x%02x",
                                 addr, size, patt)));
}

int64_t qtest_clock_step(QTestState *s, int64_t step)
{
    return qtest_ok_u64(s, qtest_rsp(s, "clock_step %" G_GINT64_FORMAT, step));
}

int64_t qtest_clock_step_next(QTestState *s)
{
    return qtest_ok_u64(s, qtest_rsp(s, "clock_step"));
}

int64_t qtest_clock_set(QTestState *s, int64_t val)
{
    return qtest_ok_u64(s, qtest_rsp(s, "clock_set %" G_GINT64_FORMAT, val));
}

void qtest_irq_intercept_in(QTestState *s, const char *qom_path)
{
    g_free(qtest_ok(s, qtest_rsp(s, "irq_intercept_in %s", qom_path)));
}

void qtest_irq_intercept_out(QTestState *s, const char *qom_path)
{
    g_free(qtest_ok(s, qtest_rsp(s, "irq_intercept_out %s", qom_path)));
}

void qtest_irq_intercept_out_named(QTestState *s, const char *qom_path,
                                   const char *name)
{
    g_free(qtest_ok(s, qtest_rsp(s, "irq_intercept_out %s %s", qom_path, name)));
}

void qtest_set_irq_in(QTestState *s, const char *qom_path, const char *name,
                      int num, int level)
{
    g_free(qtest_ok(s, qtest_rsp(s, "set_irq_in %s %s %d %d", qom_path,
                                 name ? name : "unnamed-gpio-in", num, level)));
}

bool qtest_get_irq(QTestState *s, int num)
{
    /* A dummy command flushes the IRQ lines that arrived before it. */
    g_free(qtest_rsp(s, "inb 0"));
    g_assert(num >= 0 && num < QTEST_MAX_IRQ);
    return s->irq_level[num];
}

/* ---- QMP ---- */

static JsonObject *parse_object(const char *text)
{
    JsonParser *p = json_parser_new();
    GError *err = NULL;
    JsonObject *o = NULL;

    if (json_parser_load_from_data(p, text, -1, &err) &&
        JSON_NODE_HOLDS_OBJECT(json_parser_get_root(p))) {
        o = json_object_ref(json_node_get_object(json_parser_get_root(p)));
    } else {
        g_error("QMP: cannot parse '%s': %s", text, err ? err->message : "not an object");
    }
    g_object_unref(p);
    return o;
}

JsonObject *qtest_qmp_receive_dict(QTestState *s)
{
    for (;;) {
        char *line = read_line(s->qmp_fd, s->qmp_buf);
        JsonObject *o;

        if (!line) {
            return NULL;
        }
        g_strchomp(line);
        if (!*line) {
            g_free(line);
            continue;
        }
        if (s->log) {
            fprintf(stderr, "[qmp <] %s\n", line);
        }
        o = parse_object(line);
        g_free(line);
        return o;
    }
}

JsonObject *qtest_qmp_receive(QTestState *s)
{
    for (;;) {
        JsonObject *o = qtest_qmp_receive_dict(s);

        if (!o) {
            g_error("%s closed the QMP socket", qemu_binary());
        }
        if (json_object_has_member(o, "event")) {
            g_queue_push_tail(s->events, o);
            continue;
        }
        return o;
    }
}

static void qmp_vsend(QTestState *s, const char *fmt, va_list ap)
{
    char *text = g_strdup_vprintf(fmt, ap);

    if (s->log) {
        fprintf(stderr, "[qmp >] %s\n", text);
    }
    write_all(s->qmp_fd, text, strlen(text));
    g_free(text);
}

void qtest_qmp_send(QTestState *s, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    qmp_vsend(s, fmt, ap);
    va_end(ap);
}

JsonObject *qtest_qmp(QTestState *s, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    qmp_vsend(s, fmt, ap);
    va_end(ap);
    return qtest_qmp_receive(s);
}

void qtest_qmp_assert_success(QTestState *s, const char *fmt, ...)
{
    va_list ap;
    JsonObject *r;

    va_start(ap, fmt);
    qmp_vsend(s, fmt, ap);
    va_end(ap);
    r = qtest_qmp_receive(s);
    if (!json_object_has_member(r, "return")) {
        JsonNode *n = json_node_init_object(json_node_alloc(), r);
        char *txt = json_to_string(n, FALSE);
        g_error("QMP command failed: %s", txt);
    }
    json_object_unref(r);
}

JsonObject *qtest_qmp_eventwait_ref(QTestState *s, const char *event)
{
    for (;;) {
        JsonObject *o;

        while ((o = g_queue_pop_head(s->events))) {
            if (!strcmp(json_object_get_string_member(o, "event"), event)) {
                return o;
            }
            json_object_unref(o);
        }
        o = qtest_qmp_receive_dict(s);
        if (!o) {
            g_error("QMP closed while waiting for event %s", event);
        }
        g_queue_push_tail(s->events, o);
    }
}

void qtest_qmp_eventwait(QTestState *s, const char *event)
{
    json_object_unref(qtest_qmp_eventwait_ref(s, event));
}

char *qtest_hmp(QTestState *s, const char *fmt, ...)
{
    va_list ap;
    char *cmd, *out;
    JsonObject *r;
    JsonNode *n;
    JsonGenerator *gen;

    va_start(ap, fmt);
    cmd = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    /* Build the request with json-glib so that quotes in @cmd survive. */
    {
        JsonObject *req = json_object_new(), *args = json_object_new();
        char *text;

        json_object_set_string_member(req, "execute", "human-monitor-command");
        json_object_set_string_member(args, "command-line", cmd);
        json_object_set_object_member(req, "arguments", args);
        n = json_node_init_object(json_node_alloc(), req);
        gen = json_generator_new();
        json_generator_set_root(gen, n);
        text = json_generator_to_data(gen, NULL);
        qtest_qmp_send(s, "%s", text);
        g_free(text);
        g_object_unref(gen);
        json_node_unref(n);
        json_object_unref(req);
    }
    g_free(cmd);
    r = qtest_qmp_receive(s);
    g_assert(json_object_has_member(r, "return"));
    out = g_strdup(json_object_get_string_member(r, "return"));
    json_object_unref(r);
    return out;
}

static JsonNode *lookup_path(JsonObject *o, const char *path)
{
    gchar **parts = g_strsplit(path, ".", -1);
    JsonNode *n = NULL;

    for (int i = 0; parts[i]; i++) {
        if (!o || !json_object_has_member(o, parts[i])) {
            n = NULL;
            break;
        }
        n = json_object_get_member(o, parts[i]);
        o = JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n) : NULL;
    }
    g_strfreev(parts);
    return n;
}

const char *qdict_get_str_path(JsonObject *o, const char *path)
{
    JsonNode *n = lookup_path(o, path);

    return n && JSON_NODE_HOLDS_VALUE(n) &&
           json_node_get_value_type(n) == G_TYPE_STRING ?
           json_node_get_string(n) : NULL;
}

bool qdict_has_path(JsonObject *o, const char *path)
{
    return lookup_path(o, path) != NULL;
}

void qtest_add_func(const char *str, void (*fn)(void))
{
    char *path = g_strdup_printf("/%s/%s", qtest_get_arch(), str);

    g_test_add_func(path, fn);
    g_free(path);
}

void qtest_add_data_func(const char *str, const void *data,
                         void (*fn)(const void *))
{
    char *path = g_strdup_printf("/%s/%s", qtest_get_arch(), str);

    g_test_add_data_func(path, data, fn);
    g_free(path);
}
