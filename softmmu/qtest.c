/*
 * qtest.c - the qtest accelerator and QEMU's qtest line protocol.
 *
 * A test program drives the machine over a chardev, one command per line:
 * port and memory accesses at exact widths, bulk reads/writes, the virtual
 * clock, and interception of a device's IRQ lines (reported as
 * asynchronous "IRQ raise N" / "IRQ lower N" lines). docs/devel/qtest.md
 * lists every command with its reply.
 *
 * Width: readw/writew and friends are one access of exactly that width
 * (address_space_ld* and st* functions), so a device register sees the access the test
 * names. Malformed input is answered with FAIL and the session goes on;
 * QEMU asserts instead, which turns a typo into a core dump.
 */
#include "util/osdep.h"
#include "sysemu/qtest.h"
#include "sysemu/accel.h"
#include "sysemu/main-loop.h"
#include "sysemu/timer.h"
#include "sysemu/sysemu.h"
#include "chardev/char-fe.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"
#include "hw/qdev.h"
#include "hw/irq.h"
#include "util/error.h"
#include "util/module.h"

/* The object model (hw/core/qdev.c) provides QOM paths and GPIO lists. */
#define HAVE_QDEV 1

#define MAX_IRQ 256
#define QTEST_MAX_XFER (256 * MiB)

static bool qtest_allowed;          /* the qtest accelerator is in use */
static bool qtest_server_exists;
static CharBackend qtest_chr;
static FILE *qtest_log_fp;
static GString *inbuf;
static gint64 qtest_time_base;      /* us, at OPENED */
static QTestCommandHandler qtest_command_cb;
#if HAVE_QDEV
static DeviceState *irq_intercept_dev;
#endif
static bool irq_levels[MAX_IRQ];

bool qtest_enabled(void)
{
    return qtest_allowed;
}

bool qtest_driver(void)
{
    return qtest_server_exists;
}

void qtest_set_command_cb(QTestCommandHandler cb)
{
    g_assert(!qtest_command_cb || qtest_command_cb == cb);
    qtest_command_cb = cb;
}

static bool target_big_endian(void)
{
    /* Compile-time endianness of the target, as QEMU reports it. */
    return !strcmp(target_name(), "ppc64");
}

static double elapsed_s(void)
{
    return (g_get_monotonic_time() - qtest_time_base) / 1e6;
}

static void qtest_log(const char *tag, const char *fmt, ...) PRINTF_FMT(2, 3);
static void qtest_log(const char *tag, const char *fmt, ...)
{
    va_list ap;

    if (!qtest_log_fp) {
        return;
    }
    fprintf(qtest_log_fp, "[%s +%.6f] ", tag, elapsed_s());
    va_start(ap, fmt);
    vfprintf(qtest_log_fp, fmt, ap);
    va_end(ap);
    fflush(qtest_log_fp);
}

static void qtest_send(const char *str)
{
    qtest_log("S", "%s", str);
    qemu_chr_fe_write_all(&qtest_chr, (const uint8_t *)str, strlen(str));
}

void qtest_send_reply(const char *fmt, ...)
{
    va_list ap;
    char *s, *line;

    va_start(ap, fmt);
    s = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    line = g_strconcat(s, "\n", NULL);
    qtest_send(line);
    g_free(line);
    g_free(s);
}

/* Numbers: 0x hex, 0 octal, decimal; a leading '-' wraps like strtoull. */
static bool parse_u64(const char *s, uint64_t *out)
{
    char *end;

    if (!s || !*s) {
        return false;
    }
    errno = 0;
    *out = g_ascii_strtoull(s, &end, 0);
    return errno == 0 && *end == 0;
}

static bool parse_i64(const char *s, int64_t *out)
{
    char *end;

    if (!s || !*s) {
        return false;
    }
    errno = 0;
    *out = g_ascii_strtoll(s, &end, 0);
    return errno == 0 && *end == 0;
}

static int nwords(gchar **w)
{
    int n = 0;

    while (w[n]) {
        n++;
    }
    return n;
}

#if HAVE_QDEV
static void qtest_irq_handler(void *opaque, int n, int level)
{
    qemu_irq old = *(qemu_irq *)opaque;

    qemu_set_irq(old, level);
    if (n >= 0 && n < MAX_IRQ && irq_levels[n] != !!level) {
        irq_levels[n] = !!level;
        qtest_send_reply("IRQ %s %d", level ? "raise" : "lower", n);
    }
}

static DeviceState *resolve_device(const char *path)
{
    Object *obj = object_resolve_path(path, NULL);

    return obj ? (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE) : NULL;
}

static void qtest_irq_intercept(gchar **w, bool out)
{
    DeviceState *dev;
    NamedGPIOList *ngl;

    if (!w[1]) {
        qtest_send_reply("FAIL missing QOM path");
        return;
    }
    dev = resolve_device(w[1]);
    if (!dev) {
        qtest_send_reply("FAIL Unknown device");
        return;
    }
    if (irq_intercept_dev) {
        qtest_send_reply(irq_intercept_dev == dev ? "OK"
                         : "FAIL IRQ intercept already enabled");
        return;
    }
    if (!out && w[2]) {
        qtest_send_reply("FAIL Interception of named in-GPIOs not yet supported");
        return;
    }
    for (ngl = dev->gpios; ngl; ngl = ngl->next) {
        if (out) {
            /* "irq_intercept_out PATH NAME" picks one named list. */
            if (w[2] ? !ngl->name || strcmp(ngl->name, w[2]) : ngl->name != NULL) {
                continue;
            }
            for (int i = 0; i < ngl->num_out; i++) {
                qemu_irq *old = g_new0(qemu_irq, 1);
                qemu_irq icpt = qemu_allocate_irq(qtest_irq_handler, old, i);

                *old = qdev_intercept_gpio_out(dev, icpt, ngl->name, i);
            }
        } else {
            if (ngl->name || !ngl->num_in) {
                continue;
            }
            qemu_irq_intercept_in(ngl->in, qtest_irq_handler, ngl->num_in);
        }
    }
    irq_intercept_dev = dev;
    qtest_send_reply("OK");
}

static void qtest_set_irq_in(gchar **w)
{
    DeviceState *dev;
    const char *name;
    NamedGPIOList *ngl;
    int64_t num, level;

    if (nwords(w) < 5 || !parse_i64(w[3], &num) || !parse_i64(w[4], &level)) {
        qtest_send_reply("FAIL usage: set_irq_in QOM-PATH NAME NUM LEVEL");
        return;
    }
    dev = resolve_device(w[1]);
    if (!dev) {
        qtest_send_reply("FAIL Unknown device");
        return;
    }
    name = strcmp(w[2], "unnamed-gpio-in") ? w[2] : NULL;
    ngl = qdev_get_named_gpio_list(dev, name);
    if (!ngl || num < 0 || num >= ngl->num_in) {
        qtest_send_reply("FAIL no input line %s[%" PRId64 "]", w[2], num);
        return;
    }
    qemu_set_irq(qdev_get_gpio_in_named(dev, name, num), level);
    qtest_send_reply("OK");
}
#endif

static uint64_t mem_load(AddressSpace *as, hwaddr addr, int size, bool be)
{
    MemTxAttrs a = MEMTXATTRS_UNSPECIFIED;

    switch (size) {
    case 1:
        return address_space_ldub(as, addr, a, NULL);
    case 2:
        return be ? address_space_lduw_be(as, addr, a, NULL)
                  : address_space_lduw_le(as, addr, a, NULL);
    case 4:
        return be ? address_space_ldl_be(as, addr, a, NULL)
                  : address_space_ldl_le(as, addr, a, NULL);
    default:
        return be ? address_space_ldq_be(as, addr, a, NULL)
                  : address_space_ldq_le(as, addr, a, NULL);
    }
}

static void mem_store(AddressSpace *as, hwaddr addr, int size, bool be,
                      uint64_t v)
{
    MemTxAttrs a = MEMTXATTRS_UNSPECIFIED;

    switch (size) {
    case 1:
        address_space_stb(as, addr, v, a, NULL);
        break;
    case 2:
        if (be) {
            address_space_stw_be(as, addr, v, a, NULL);
        } else {
            address_space_stw_le(as, addr, v, a, NULL);
        }
        break;
    case 4:
        if (be) {
            address_space_stl_be(as, addr, v, a, NULL);
        } else {
            address_space_stl_le(as, addr, v, a, NULL);
        }
        break;
    default:
        if (be) {
            address_space_stq_be(as, addr, v, a, NULL);
        } else {
            address_space_stq_le(as, addr, v, a, NULL);
        }
        break;
    }
}

static int width_of(char c)
{
    switch (c) {
    case 'b': return 1;
    case 'w': return 2;
    case 'l': return 4;
    case 'q': return 8;
    default: return 0;
    }
}

static void qtest_clock_cmd(gchar **w, bool set)
{
    int64_t old_ns = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ns, new_ns;

    if (!qtest_enabled()) {
        qtest_send_reply("FAIL %s needs the qtest accelerator", w[0]);
        return;
    }
    if (set) {
        if (!w[1] || !parse_i64(w[1], &ns)) {
            qtest_send_reply("FAIL usage: clock_set NS");
            return;
        }
        new_ns = qemu_clock_advance_virtual_time(ns);
        qtest_send_reply("%s %" PRIi64, new_ns == ns ? "OK" : "FAIL", new_ns);
        return;
    }
    if (w[1]) {
        if (!parse_i64(w[1], &ns) || ns < 0) {
            qtest_send_reply("FAIL usage: clock_step [NS]");
            return;
        }
    } else {
        int64_t dl = qemu_clock_next_deadline_abs(QEMU_CLOCK_VIRTUAL);

        if (dl < 0) {
            qtest_send_reply("FAIL cannot advance clock to the next deadline "
                             "because there is no pending deadline");
            return;
        }
        ns = dl > old_ns ? dl - old_ns : 0;
    }
    /* A huge step saturates at the end of time instead of wrapping. */
    new_ns = qemu_clock_advance_virtual_time(ns > INT64_MAX - old_ns ?
                                             INT64_MAX : old_ns + ns);
    if (new_ns > old_ns || (!w[1] && ns == 0)) {
        qtest_send_reply("OK %" PRIi64, new_ns);
    } else {
        qtest_send_reply("FAIL could not advance time");
    }
}

static void qtest_process_command(gchar **w)
{
    const char *cmd = w[0];
    int n = nwords(w);
    bool be = target_big_endian();
    uint64_t addr, val, len;

    if (!cmd) {
        return;
    }
    if (!strcmp(cmd, "outb") || !strcmp(cmd, "outw") || !strcmp(cmd, "outl")) {
        if (n < 3 || !parse_u64(w[1], &addr) || !parse_u64(w[2], &val)) {
            qtest_send_reply("FAIL usage: %s ADDR VALUE", cmd);
            return;
        }
        if (addr > 0xffff) {
            qtest_send_reply("FAIL port address 0x%" PRIx64 " out of range", addr);
            return;
        }
        /* Port I/O is little-endian on the only target that has ports. */
        mem_store(&address_space_io, addr, width_of(cmd[3]), false, val);
        qtest_send_reply("OK");
    } else if (!strcmp(cmd, "inb") || !strcmp(cmd, "inw") || !strcmp(cmd, "inl")) {
        if (n < 2 || !parse_u64(w[1], &addr)) {
            qtest_send_reply("FAIL usage: %s ADDR", cmd);
            return;
        }
        if (addr > 0xffff) {
            qtest_send_reply("FAIL port address 0x%" PRIx64 " out of range", addr);
            return;
        }
        val = mem_load(&address_space_io, addr, width_of(cmd[2]), false);
        qtest_send_reply("OK 0x%04" PRIx64, val);
    } else if ((!strcmp(cmd, "writeb") || !strcmp(cmd, "writew") ||
                !strcmp(cmd, "writel") || !strcmp(cmd, "writeq"))) {
        if (n < 3 || !parse_u64(w[1], &addr) || !parse_u64(w[2], &val)) {
            qtest_send_reply("FAIL usage: %s ADDR VALUE", cmd);
            return;
        }
        mem_store(&address_space_memory, addr, width_of(cmd[5]), be, val);
        qtest_send_reply("OK");
    } else if ((!strcmp(cmd, "readb") || !strcmp(cmd, "readw") ||
                !strcmp(cmd, "readl") || !strcmp(cmd, "readq"))) {
        if (n < 2 || !parse_u64(w[1], &addr)) {
            qtest_send_reply("FAIL usage: %s ADDR", cmd);
            return;
        }
        val = mem_load(&address_space_memory, addr, width_of(cmd[4]), be);
        qtest_send_reply("OK 0x%016" PRIx64, val);
    } else if (!strcmp(cmd, "read") || !strcmp(cmd, "b64read")) {
        uint8_t *data;

        if (n < 3 || !parse_u64(w[1], &addr) || !parse_u64(w[2], &len)) {
            qtest_send_reply("FAIL usage: %s ADDR SIZE", cmd);
            return;
        }
        if (len == 0 || len > QTEST_MAX_XFER) {
            qtest_send_reply("FAIL invalid size %" PRIu64, len);
            return;
        }
        data = g_malloc(len);
        address_space_read(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                           data, len);
        if (cmd[0] == 'b') {
            gchar *b64 = g_base64_encode(data, len);
            qtest_send_reply("OK %s", b64);
            g_free(b64);
        } else {
            GString *s = g_string_sized_new(len * 2 + 8);

            g_string_append(s, "OK 0x");
            for (uint64_t i = 0; i < len; i++) {
                g_string_append_printf(s, "%02x", data[i]);
            }
            g_string_append_c(s, '\n');
            qtest_send(s->str);
            g_string_free(s, TRUE);
        }
        g_free(data);
    } else if (!strcmp(cmd, "write")) {
        uint8_t *data;
        size_t dlen;

        if (n < 4 || !parse_u64(w[1], &addr) || !parse_u64(w[2], &len)) {
            qtest_send_reply("FAIL usage: write ADDR SIZE 0xDATA");
            return;
        }
        dlen = strlen(w[3]);
        if (dlen < 3) {
            qtest_send_reply("ERR invalid argument size");
            return;
        }
        if (len > QTEST_MAX_XFER || strncmp(w[3], "0x", 2)) {
            qtest_send_reply("FAIL invalid size or data");
            return;
        }
        data = g_malloc0(len ? len : 1);
        for (uint64_t i = 0; i < len; i++) {
            const char *h = w[3] + 2 + i * 2;

            if ((size_t)(h - w[3]) + 1 < dlen) {
                int hi = g_ascii_xdigit_value(h[0]);
                int lo = g_ascii_xdigit_value(h[1]);

                if (hi < 0 || lo < 0) {
                    g_free(data);
                    qtest_send_reply("FAIL invalid hex data");
                    return;
                }
                data[i] = hi << 4 | lo;
            }
        }
        address_space_write(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                            data, len);
        g_free(data);
        qtest_send_reply("OK");
    } else if (!strcmp(cmd, "b64write")) {
        uint8_t *data, *buf;
        gsize out_len;

        if (n < 4 || !parse_u64(w[1], &addr) || !parse_u64(w[2], &len)) {
            qtest_send_reply("FAIL usage: b64write ADDR SIZE B64DATA");
            return;
        }
        if (strlen(w[3]) < 1) {
            qtest_send_reply("ERR invalid argument size");
            return;
        }
        if (len > QTEST_MAX_XFER) {
            qtest_send_reply("FAIL invalid size %" PRIu64, len);
            return;
        }
        data = g_base64_decode(w[3], &out_len);
        if (out_len != len) {
            qtest_log("I", "b64write: data length mismatch (told %" PRIu64
                      ", found %zu)\n", len, (size_t)out_len);
        }
        buf = g_malloc0(len ? len : 1);
        memcpy(buf, data, MIN(out_len, len));
        address_space_write(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                            buf, len);
        g_free(buf);
        g_free(data);
        qtest_send_reply("OK");
    } else if (!strcmp(cmd, "memset")) {
        uint64_t pattern;

        if (n < 4 || !parse_u64(w[1], &addr) || !parse_u64(w[2], &len) ||
            !parse_u64(w[3], &pattern)) {
            qtest_send_reply("FAIL usage: memset ADDR SIZE VALUE");
            return;
        }
        if (len > QTEST_MAX_XFER) {
            qtest_send_reply("FAIL invalid size %" PRIu64, len);
            return;
        }
        if (len) {
            uint8_t *data = g_malloc(len);

            memset(data, (int)(pattern & 0xff), len);
            address_space_write(&address_space_memory, addr,
                                MEMTXATTRS_UNSPECIFIED, data, len);
            g_free(data);
        }
        qtest_send_reply("OK");
    } else if (!strcmp(cmd, "endianness")) {
        qtest_send_reply("OK %s", be ? "big" : "little");
    } else if (!strcmp(cmd, "clock_step")) {
        qtest_clock_cmd(w, false);
    } else if (!strcmp(cmd, "clock_set")) {
        qtest_clock_cmd(w, true);
    } else if (!strcmp(cmd, "irq_intercept_in") ||
               !strcmp(cmd, "irq_intercept_out")) {
#if HAVE_QDEV
        qtest_irq_intercept(w, cmd[14] == 'o');
#else
        qtest_send_reply("FAIL Unknown device");
#endif
    } else if (!strcmp(cmd, "set_irq_in")) {
#if HAVE_QDEV
        qtest_set_irq_in(w);
#else
        qtest_send_reply("FAIL Unknown device");
#endif
    } else if (!strcmp(cmd, "module_load")) {
        qtest_send_reply("FAIL modules are not supported");
    } else if (qtest_command_cb && qtest_command_cb(w)) {
        /* handled by the target */
    } else {
        qtest_send_reply("FAIL Unknown command '%s'", cmd);
    }
}

static void qtest_process_line(char *line)
{
    gchar **raw, **w;
    int k = 0;

    /* Split on spaces; runs of spaces do not make empty words. */
    raw = g_strsplit(line, " ", -1);
    w = g_new0(gchar *, g_strv_length(raw) + 1);
    for (int i = 0; raw[i]; i++) {
        if (*raw[i]) {
            w[k++] = raw[i];
        }
    }
    if (qtest_log_fp && k) {
        fprintf(qtest_log_fp, "[R +%.6f]", elapsed_s());
        for (int i = 0; i < k; i++) {
            fprintf(qtest_log_fp, " %s", w[i]);
        }
        fprintf(qtest_log_fp, "\n");
    }
    qtest_process_command(w);
    g_free(w);
    g_strfreev(raw);
}

static int qtest_can_read(void *opaque)
{
    return 4096;
}

static void qtest_read(void *opaque, const uint8_t *buf, int size)
{
    char *nl;

    g_string_append_len(inbuf, (const char *)buf, size);
    while ((nl = memchr(inbuf->str, '\n', inbuf->len))) {
        size_t linelen = nl - inbuf->str;
        char *line = g_strndup(inbuf->str, linelen);

        g_string_erase(inbuf, 0, linelen + 1);
        g_strchomp(line);   /* tolerate CR LF */
        qtest_process_line(line);
        g_free(line);
    }
    if (inbuf->len > 512 * MiB) {
        g_string_truncate(inbuf, 0);
    }
}

static void qtest_event(void *opaque, QEMUChrEvent ev)
{
    switch (ev) {
    case CHR_EVENT_OPENED:
        /* As QEMU (since it stopped resetting here): forget IRQ levels only. */
        memset(irq_levels, 0, sizeof(irq_levels));
        qtest_time_base = g_get_monotonic_time();
        if (qtest_log_fp) {
            fprintf(qtest_log_fp, "[I %.6f] OPENED\n",
                    g_get_real_time() / 1e6);
            fflush(qtest_log_fp);
        }
        break;
    case CHR_EVENT_CLOSED:
        if (qtest_log_fp) {
            fprintf(qtest_log_fp, "[I +%.6f] CLOSED\n", elapsed_s());
            fflush(qtest_log_fp);
        }
        break;
    default:
        break;
    }
}

bool qtest_server_init(const char *spec, const char *logfile, GError **errp)
{
    Chardev *chr;

    if (qtest_server_exists) {
        error_setg(errp, "-qtest: only one qtest server may be started");
        return false;
    }
    chr = qemu_chr_new("qtest", spec, errp);
    if (!chr) {
        if (errp && !*errp) {
            error_setg(errp, "-qtest: no chardev in '%s'", spec);
        }
        if (errp && *errp) {
            g_prefix_error(errp, "-qtest %s: ", spec);
        }
        return false;
    }
    if (!logfile) {
        qtest_log_fp = stderr;
    } else if (strcmp(logfile, "none")) {
        qtest_log_fp = fopen(logfile, "w");
        if (!qtest_log_fp) {
            error_setg(errp, "-qtest-log %s: %s", logfile, g_strerror(errno));
            return false;
        }
    }
    inbuf = g_string_new(NULL);
    qtest_time_base = g_get_monotonic_time();
    if (!qemu_chr_fe_init(&qtest_chr, chr, errp)) {
        return false;
    }
    qtest_server_exists = true;
    qemu_chr_fe_set_handlers(&qtest_chr, qtest_can_read, qtest_read,
                             qtest_event, NULL, NULL, NULL, true);
    return true;
}

/* ---- the accelerator ---- */

static bool qtest_accel_init(MachineState *ms, const KeyValList *props,
                             GError **errp)
{
    qtest_allowed = true;
    qemu_clock_set_manual(true);
    return true;
}

static const AccelOps qtest_accel_ops = {
    .name = "qtest",
    .desc = "no vCPU runs; devices are driven over the qtest protocol",
    .init = qtest_accel_init,
};

static void qtest_accel_register(void)
{
    accel_register(&qtest_accel_ops);
}
accel_init(qtest_accel_register)
