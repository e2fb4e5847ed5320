/*
 * qtest-protocol-test.c - the qtest line protocol, command by command:
 * replies, number syntaxes, malformed input answered with FAIL while the
 * session goes on, and exact access widths on the mmio-testdev.
 */
#include "util/osdep.h"
#include "libqtest.h"

#define TESTDEV_ADDR 0x10000000ULL
#define TESTDEV_ARGS "-M none -device mmio-testdev,addr=0x10000000"

/* Fetch the test device's access log as (offset, size, write) triples. */
typedef struct {
    uint64_t offset;
    unsigned size;
    bool write;
    uint64_t value;
} Access;

static GArray *testdev_log(QTestState *qts, bool clear)
{
    JsonObject *r = qtest_qmp(qts, "{'execute': 'x-mmio-testdev-log', "
                              "'arguments': {'clear': %s}}",
                              clear ? "true" : "false");
    JsonArray *a;
    GArray *out = g_array_new(FALSE, TRUE, sizeof(Access));

    g_assert(json_object_has_member(r, "return"));
    a = json_object_get_array_member(r, "return");
    for (guint i = 0; i < json_array_get_length(a); i++) {
        JsonObject *e = json_array_get_object_element(a, i);
        Access acc = {
            .offset = json_object_get_int_member(e, "offset"),
            .size = json_object_get_int_member(e, "size"),
            .write = json_object_get_boolean_member(e, "write"),
            .value = g_ascii_strtoull(json_object_get_string_member(e, "value-hex"),
                                      NULL, 16),
        };
        g_array_append_val(out, acc);
    }
    json_object_unref(r);
    return out;
}

/*
 * The device is little-endian; a big-endian target's accesses reach it
 * byte-swapped, exactly as that CPU's would.
 */
static uint64_t dev_view(QTestState *qts, uint64_t v, unsigned size)
{
    if (!qtest_big_endian(qts)) {
        return v;
    }
    switch (size) {
    case 2: return GUINT16_SWAP_LE_BE((uint16_t)v);
    case 4: return GUINT32_SWAP_LE_BE((uint32_t)v);
    case 8: return GUINT64_SWAP_LE_BE(v);
    default: return v;
    }
}

static void assert_one_access(QTestState *qts, uint64_t off, unsigned size,
                              bool write, uint64_t value)
{
    GArray *log = testdev_log(qts, true);
    Access *a;

    if (log->len != 1) {
        g_error("expected exactly one %u-byte %s at +0x%" PRIx64
                ", device saw %u accesses", size, write ? "write" : "read",
                off, log->len);
    }
    a = &g_array_index(log, Access, 0);
    g_assert_cmphex(a->offset, ==, off);
    g_assert_cmpuint(a->size, ==, size);
    g_assert_cmpint(a->write, ==, write);
    g_assert_cmphex(a->value, ==, dev_view(qts, value, size));
    g_array_free(log, TRUE);
}

static void test_endianness(void)
{
    QTestState *qts = qtest_init("-M none");
    char *r = qtest_rsp(qts, "endianness");
    const char *arch = qtest_get_arch();

    g_assert_cmpstr(r, ==, !strcmp(arch, "ppc64") ? "OK big" : "OK little");
    g_free(r);
    qtest_quit(qts);
}

static void test_widths_reach_device_exactly(void)
{
    QTestState *qts = qtest_init(TESTDEV_ARGS);

    testdev_log(qts, true);
    qtest_writeb(qts, TESTDEV_ADDR + 0x10, 0xa5);
    assert_one_access(qts, 0x10, 1, true, 0xa5);
    qtest_writew(qts, TESTDEV_ADDR + 0x20, 0xbeef);
    assert_one_access(qts, 0x20, 2, true, 0xbeef);
    qtest_writel(qts, TESTDEV_ADDR + 0x40, 0xdeadbeef);
    assert_one_access(qts, 0x40, 4, true, 0xdeadbeef);
    qtest_writeq(qts, TESTDEV_ADDR + 0x80, 0x0123456789abcdefULL);
    assert_one_access(qts, 0x80, 8, true, 0x0123456789abcdefULL);

    g_assert_cmphex(qtest_readb(qts, TESTDEV_ADDR + 0x10), ==, 0xa5);
    assert_one_access(qts, 0x10, 1, false, 0xa5);
    g_assert_cmphex(qtest_readw(qts, TESTDEV_ADDR + 0x20), ==, 0xbeef);
    assert_one_access(qts, 0x20, 2, false, 0xbeef);
    g_assert_cmphex(qtest_readl(qts, TESTDEV_ADDR + 0x40), ==, 0xdeadbeef);
    assert_one_access(qts, 0x40, 4, false, 0xdeadbeef);
    g_assert_cmphex(qtest_readq(qts, TESTDEV_ADDR + 0x80), ==,
                    0x0123456789abcdefULL);
    assert_one_access(qts, 0x80, 8, false, 0x0123456789abcdefULL);

    /* Unaligned is still one access of the named width. */
    qtest_writel(qts, TESTDEV_ADDR + 0x101, 0x11223344);
    assert_one_access(qts, 0x101, 4, true, 0x11223344);
    qtest_quit(qts);
}

static void test_read_reply_format(void)
{
    QTestState *qts = qtest_init(TESTDEV_ARGS);
    char *r;

    qtest_writel(qts, TESTDEV_ADDR, 0x1234);
    r = qtest_rsp(qts, "readl 0x%llx", TESTDEV_ADDR);
    g_assert_cmpstr(r, ==, "OK 0x0000000000001234");
    g_free(r);
    r = qtest_rsp(qts, "inb 0");
    g_assert(g_str_has_prefix(r, "OK 0x"));
    g_assert_cmpuint(strlen(r), >=, 7);
    g_free(r);
    qtest_quit(qts);
}

static void test_number_syntaxes(void)
{
    QTestState *qts = qtest_init(TESTDEV_ARGS);
    char *r;

    /* Address in decimal, value in octal; then read back in hex. */
    r = qtest_rsp(qts, "writel %llu 0377", TESTDEV_ADDR + 8);
    g_assert_cmpstr(r, ==, "OK");
    g_free(r);
    g_assert_cmphex(qtest_readl(qts, TESTDEV_ADDR + 8), ==, 0xff);
    r = qtest_rsp(qts, "writew 0%llo 0x1234", TESTDEV_ADDR + 12);
    g_assert_cmpstr(r, ==, "OK");
    g_free(r);
    g_assert_cmphex(qtest_readw(qts, TESTDEV_ADDR + 12), ==, 0x1234);
    qtest_quit(qts);
}

static void test_bulk_read_write(void)
{
    QTestState *qts = qtest_init(TESTDEV_ARGS);
    uint8_t in[16], out[16];
    char *r;

    for (int i = 0; i < 16; i++) {
        in[i] = 0x30 + i * 7;
    }
    qtest_memwrite(qts, TESTDEV_ADDR + 0x200, in, sizeof(in));
    qtest_memread(qts, TESTDEV_ADDR + 0x200, out, sizeof(out));
    g_assert(memcmp(in, out, sizeof(in)) == 0);

    memset(out, 0, sizeof(out));
    in[3] ^= 0xff;
    qtest_bufwrite(qts, TESTDEV_ADDR + 0x300, in, sizeof(in));
    qtest_bufread(qts, TESTDEV_ADDR + 0x300, out, sizeof(out));
    g_assert(memcmp(in, out, sizeof(in)) == 0);

    qtest_memset(qts, TESTDEV_ADDR + 0x400, 0x5a, 8);
    g_assert_cmphex(qtest_readq(qts, TESTDEV_ADDR + 0x400), ==,
                    0x5a5a5a5a5a5a5a5aULL);
    r = qtest_rsp(qts, "memset 0x%llx 0 0x11", TESTDEV_ADDR);
    g_assert_cmpstr(r, ==, "OK");
    g_free(r);

    /* Short hex data is zero-filled. */
    r = qtest_rsp(qts, "write 0x%llx 4 0xff", TESTDEV_ADDR + 0x500);
    g_assert_cmpstr(r, ==, "OK");
    g_free(r);
    g_assert_cmphex(qtest_readl(qts, TESTDEV_ADDR + 0x500), ==,
                    qtest_big_endian(qts) ? 0xff000000 : 0xff);
    r = qtest_rsp(qts, "read 0x%llx 2", TESTDEV_ADDR + 0x500);
    g_assert_cmpstr(r, ==, "OK 0xff00");
    g_free(r);
    qtest_quit(qts);
}

static void test_malformed_input_keeps_session(void)
{
    QTestState *qts = qtest_init(TESTDEV_ARGS);
    static const char *const bad[] = {
        "frobnicate 1 2",
        "readl",
        "readl zzz",
        "writel 0x10000000",
        "writel 0x10000000 12junk",
        "read 0x10000000 0",
        "outb 0x10000 1",
        "clock_step -5",
        "clock_set",
        "module_load foo bar",
    };

    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        char *r = qtest_rsp(qts, "%s", bad[i]);

        if (!g_str_has_prefix(r, "FAIL")) {
            g_error("'%s': expected FAIL, got '%s'", bad[i], r);
        }
        g_free(r);
    }
    {
        char *r = qtest_rsp(qts, "frobnicate");
        g_assert_cmpstr(r, ==, "FAIL Unknown command 'frobnicate'");
        g_free(r);
        r = qtest_rsp(qts, "write 0x10000000 4 0");
        g_assert_cmpstr(r, ==, "ERR invalid argument size");
        g_free(r);
    }
    /* Still alive and correct. */
    qtest_writel(qts, TESTDEV_ADDR, 0xcafe);
    g_assert_cmphex(qtest_readl(qts, TESTDEV_ADDR), ==, 0xcafe);
    qtest_quit(qts);
}

static void test_clock(void)
{
    QTestState *qts = qtest_init("-M none");
    int64_t t0, t1;
    char *r;

    t0 = qtest_clock_step(qts, 0 + 1000);
    g_assert_cmpint(t0, >=, 1000);
    t1 = qtest_clock_step(qts, 123456);
    g_assert_cmpint(t1, ==, t0 + 123456);
    g_assert_cmpint(qtest_clock_set(qts, t1 + 1000000), ==, t1 + 1000000);
    /* The clock never goes backwards. */
    r = qtest_rsp(qts, "clock_set %" PRId64, t1);
    g_assert(g_str_has_prefix(r, "FAIL"));
    g_free(r);
    /* No timer pending on a bare machine: nothing to step to. */
    r = qtest_rsp(qts, "clock_step");
    g_assert(g_str_has_prefix(r, "FAIL"));
    g_free(r);
    qtest_quit(qts);
}

static void test_irq_intercept_unknown_device(void)
{
    QTestState *qts = qtest_init("-M none");
    char *r = qtest_rsp(qts, "irq_intercept_in /machine/no-such-device");

    g_assert_cmpstr(r, ==, "FAIL Unknown device");
    g_free(r);
    r = qtest_rsp(qts, "set_irq_in /machine/no-such-device unnamed-gpio-in 0 1");
    g_assert_cmpstr(r, ==, "FAIL Unknown device");
    g_free(r);
    qtest_quit(qts);
}

static void test_sigterm_exits_cleanly(void)
{
    char *errfile = g_strdup_printf("%s/qtest-stderr-%d.txt", g_get_tmp_dir(),
                                    getpid());
    QTestState *qts = qtest_init_full("-M none", true, errfile);
    pid_t pid = qtest_pid(qts);
    char *err = NULL;
    int st;
    gint64 t0;

    kill(pid, SIGTERM);
    t0 = g_get_monotonic_time();
    st = qtest_wait_exit(qts, 5000);
    g_assert_cmpint(st, !=, -1);
    g_assert_cmpint(g_get_monotonic_time() - t0, <, G_USEC_PER_SEC);
    g_assert(WIFEXITED(st));
    g_assert_cmpint(WEXITSTATUS(st), ==, 0);
    qtest_quit(qts);
    g_assert(g_file_get_contents(errfile, &err, NULL, NULL));
    g_assert_cmpstr(err, ==, "");
    g_free(err);
    unlink(errfile);
    g_free(errfile);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("qtest/endianness", test_endianness);
    qtest_add_func("qtest/widths-reach-device-exactly",
                   test_widths_reach_device_exactly);
    qtest_add_func("qtest/read-reply-format", test_read_reply_format);
    qtest_add_func("qtest/number-syntaxes", test_number_syntaxes);
    qtest_add_func("qtest/bulk-read-write", test_bulk_read_write);
    qtest_add_func("qtest/malformed-input-keeps-session",
                   test_malformed_input_keeps_session);
    qtest_add_func("qtest/clock", test_clock);
    qtest_add_func("qtest/irq-intercept-unknown-device",
                   test_irq_intercept_unknown_device);
    qtest_add_func("qtest/sigterm-exits-cleanly", test_sigterm_exits_cleanly);
    return g_test_run();
}
