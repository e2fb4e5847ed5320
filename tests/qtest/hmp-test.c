/*
 * hmp-test.c - the human monitor: info commands, memory dumps at exact
 * widths on the mmio-testdev, print, run-state commands, and an
 * interactive session over a socket.
 */
#include "util/osdep.h"
#include "libqtest.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <poll.h>

#define TESTDEV_ADDR 0x10000000ULL
#define TESTDEV_ARGS "-M none -device mmio-testdev,addr=0x10000000"

/* Accesses (size, write) the device logged since the last call. */
static GArray *testdev_sizes(QTestState *qts, bool *any_write)
{
    JsonObject *r = qtest_qmp(qts, "{'execute': 'x-mmio-testdev-log', "
                              "'arguments': {'clear': true}}");
    JsonArray *a = json_object_get_array_member(r, "return");
    GArray *sizes = g_array_new(FALSE, FALSE, sizeof(int));

    *any_write = false;
    for (guint i = 0; i < json_array_get_length(a); i++) {
        JsonObject *e = json_array_get_object_element(a, i);
        int sz = json_object_get_int_member(e, "size");

        *any_write |= json_object_get_boolean_member(e, "write");
        g_array_append_val(sizes, sz);
    }
    json_object_unref(r);
    return sizes;
}

static void assert_reads(QTestState *qts, int count, int size)
{
    bool wr;
    GArray *s = testdev_sizes(qts, &wr);

    g_assert(!wr);
    if ((int)s->len != count) {
        g_error("expected %d reads of %d bytes, device saw %u accesses",
                count, size, s->len);
    }
    for (guint i = 0; i < s->len; i++) {
        g_assert_cmpint(g_array_index(s, int, i), ==, size);
    }
    g_array_free(s, TRUE);
}

/* The value of @size bytes at @b in the target's byte order. */
static uint64_t ld(const uint8_t *b, int size, bool be)
{
    uint64_t v = 0;

    for (int i = 0; i < size; i++) {
        v = v << 8 | b[be ? i : size - 1 - i];
    }
    return v;
}

static void test_xp_widths(void)
{
    static const uint8_t bytes[16] = {
        0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11,
        0x00, 0xff, 0xee, 0xdd, 0xcc, 0xbb, 0xaa, 0x99,
    };
    QTestState *qts = qtest_init(TESTDEV_ARGS);
    bool be = qtest_big_endian(qts);
    char *out, *want;
    bool wr;

    /* Byte writes: the same memory contents on every target. */
    for (int i = 0; i < 16; i++) {
        qtest_writeb(qts, TESTDEV_ADDR + i, bytes[i]);
    }
    g_array_free(testdev_sizes(qts, &wr), TRUE);

    out = qtest_hmp(qts, "xp /1g 0x%llx", TESTDEV_ADDR);
    want = g_strdup_printf("0000000010000000: 0x%016" PRIx64 "\n",
                           ld(bytes, 8, be));
    g_assert_cmpstr(out, ==, want);
    g_free(out);
    g_free(want);
    assert_reads(qts, 1, 8);

    out = qtest_hmp(qts, "xp /2w 0x%llx", TESTDEV_ADDR);
    want = g_strdup_printf("0000000010000000: 0x%08" PRIx64 " 0x%08" PRIx64 "\n",
                           ld(bytes, 4, be), ld(bytes + 4, 4, be));
    g_assert_cmpstr(out, ==, want);
    g_free(out);
    g_free(want);
    assert_reads(qts, 2, 4);

    out = qtest_hmp(qts, "xp /3h 0x%llx", TESTDEV_ADDR);
    want = g_strdup_printf("0000000010000000: 0x%04" PRIx64 " 0x%04" PRIx64
                           " 0x%04" PRIx64 "\n", ld(bytes, 2, be),
                           ld(bytes + 2, 2, be), ld(bytes + 4, 2, be));
    g_assert_cmpstr(out, ==, want);
    g_free(out);
    g_free(want);
    assert_reads(qts, 3, 2);

    out = qtest_hmp(qts, "xp /2xb 0x%llx", TESTDEV_ADDR + 1);
    g_assert_cmpstr(out, ==, "0000000010000001: 0x77 0x66\n");
    g_free(out);
    assert_reads(qts, 2, 1);

    /* 16 bytes per line. */
    out = qtest_hmp(qts, "xp /3g 0x%llx", TESTDEV_ADDR);
    want = g_strdup_printf("0000000010000000: 0x%016" PRIx64 " 0x%016" PRIx64
                           "\n0000000010000010: 0x0000000000000000\n",
                           ld(bytes, 8, be), ld(bytes + 8, 8, be));
    g_assert_cmpstr(out, ==, want);
    g_free(out);
    g_free(want);
    assert_reads(qts, 3, 8);

    /* Decimal and the remembered format. */
    qtest_writel(qts, TESTDEV_ADDR + 0x20, 0xfffffffe);
    g_array_free(testdev_sizes(qts, &wr), TRUE);
    out = qtest_hmp(qts, "xp /1dw 0x%llx", TESTDEV_ADDR + 0x20);
    g_assert_cmpstr(out, ==, "0000000010000020:         -2\n");
    g_free(out);
    out = qtest_hmp(qts, "xp 0x%llx", TESTDEV_ADDR + 0x20);
    g_assert_cmpstr(out, ==, "0000000010000020:         -2\n");
    g_free(out);
    assert_reads(qts, 2, 4);
    qtest_quit(qts);
}

static void test_info_mtree(void)
{
    QTestState *qts = qtest_init(TESTDEV_ARGS);
    char *out = qtest_hmp(qts, "info mtree");

    g_assert(strstr(out, "mmio-testdev"));
    g_assert(strstr(out, "0000000010000000-0000000010000fff"));
    g_free(out);
    out = qtest_hmp(qts, "info mtree -f");
    g_assert(strstr(out, "mmio-testdev"));
    g_free(out);
    qtest_quit(qts);
}

static void test_info_and_print(void)
{
    QTestState *qts = qtest_init("-M none");
    char *out;

    out = qtest_hmp(qts, "info version");
    g_assert(g_str_has_prefix(out, "7.2.0"));
    g_free(out);
    out = qtest_hmp(qts, "p 0x10 + 2 * 3");
    g_assert_cmpstr(out, ==, "0x16\n");
    g_free(out);
    out = qtest_hmp(qts, "p /d (1 << 4) - 1");
    g_assert_cmpstr(out, ==, "15\n");
    g_free(out);
    out = qtest_hmp(qts, "p 1 +");
    g_assert(strstr(out, "invalid expression"));
    g_free(out);
    out = qtest_hmp(qts, "no_such_cmd");
    g_assert_cmpstr(out, ==, "unknown command: 'no_such_cmd'\n");
    g_free(out);
    out = qtest_hmp(qts, "help");
    g_assert(strstr(out, "xp /fmt addr"));
    g_free(out);
    out = qtest_hmp(qts, "info");
    g_assert(strstr(out, "info mtree"));
    g_free(out);

    out = qtest_hmp(qts, "stop");
    g_assert_cmpstr(out, ==, "");
    g_free(out);
    qtest_qmp_eventwait(qts, "STOP");
    out = qtest_hmp(qts, "info status");
    g_assert_cmpstr(out, ==, "VM status: paused\n");
    g_free(out);
    g_free(qtest_hmp(qts, "cont"));
    out = qtest_hmp(qts, "info status");
    g_assert_cmpstr(out, ==, "VM status: running\n");
    g_free(out);
    qtest_quit(qts);
}

/* Read from @fd until @needle shows up (or fail after 10 s). */
static char *read_until(int fd, const char *needle)
{
    GString *buf = g_string_new(NULL);

    while (!strstr(buf->str, needle)) {
        struct pollfd pfd = { .fd = fd, .events = POLLIN };
        char tmp[512];
        ssize_t n;

        if (poll(&pfd, 1, 10000) <= 0) {
            g_error("timeout waiting for '%s'; got '%s'", needle, buf->str);
        }
        n = read(fd, tmp, sizeof(tmp));
        if (n <= 0) {
            g_error("EOF waiting for '%s'; got '%s'", needle, buf->str);
        }
        g_string_append_len(buf, tmp, n);
    }
    return g_string_free(buf, FALSE);
}

static void test_interactive_socket(void)
{
    char *dir = g_dir_make_tmp("hmp-XXXXXX", NULL);
    char *path = g_strdup_printf("%s/hmp.sock", dir);
    QTestState *qts = qtest_initf("-M none -chardev socket,id=hmp0,path=%s,"
                                  "server=on,wait=off -mon chardev=hmp0,"
                                  "mode=readline", path);
    struct sockaddr_un sun = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    char *out;

    strcpy(sun.sun_path, path);
    g_assert_cmpint(connect(fd, (struct sockaddr *)&sun, sizeof(sun)), ==, 0);
    out = read_until(fd, "(qemu) ");
    g_assert(strstr(out, "QEMU 7.2.0 monitor - type 'help' for more information"));
    g_free(out);
    /* Typing with a backspace: the line editor echoes and edits. */
    {
        static const char typed[] = "info statuz\x7fs\r";
        g_assert_cmpint(write(fd, typed, strlen(typed)), ==, strlen(typed));
    }
    out = read_until(fd, "VM status: running\r\n(qemu) ");
    g_free(out);
    close(fd);

    /* A second client gets a fresh banner. */
    fd = socket(AF_UNIX, SOCK_STREAM, 0);
    g_assert_cmpint(connect(fd, (struct sockaddr *)&sun, sizeof(sun)), ==, 0);
    out = read_until(fd, "(qemu) ");
    g_free(out);
    close(fd);

    qtest_quit(qts);
    unlink(path);
    rmdir(dir);
    g_free(path);
    g_free(dir);
}

static bool has_machine(QTestState *qts, const char *name)
{
    JsonObject *r = qtest_qmp(qts, "{'execute': 'query-machines'}");
    JsonArray *a = json_object_get_array_member(r, "return");
    bool found = false;

    for (guint i = 0; a && i < json_array_get_length(a); i++) {
        JsonObject *o = json_array_get_object_element(a, i);
        found |= !strcmp(json_object_get_string_member(o, "name"), name);
    }
    json_object_unref(r);
    return found;
}

static void test_x_through_cpu_mmu(void)
{
    QTestState *qts = qtest_init("-M none");
    char *out;

    if (strcmp(qtest_get_arch(), "aarch64") || !has_machine(qts, "virt")) {
        qtest_quit(qts);
        g_test_skip("needs the aarch64 virt machine");
        return;
    }
    out = qtest_hmp(qts, "x /1w 0x1000");
    g_assert_cmpstr(out, ==, "No CPU available\n");
    g_free(out);
    qtest_quit(qts);

    /* With the MMU off after reset, virtual == physical. */
    qts = qtest_init("-M virt");
    qtest_writel(qts, 0x40000010, 0xfeedf00d);
    out = qtest_hmp(qts, "x /1wx 0x40000010");
    g_assert_cmpstr(out, ==, "0000000040000010: 0xfeedf00d\n");
    g_free(out);
    out = qtest_hmp(qts, "x /1g 0xffff000000000000");
    g_assert(strstr(out, "Cannot access memory at 0xffff000000000000"));
    g_free(out);
    qtest_quit(qts);
}

/*
 * info irq: a GICv2 SGI sent through GICD_SGIR and acknowledged through
 * GICC_IAR shows up once under the GIC's type name; nothing else does.
 */
static void test_info_irq(void)
{
    QTestState *qts = qtest_init("-M virt,gic-version=2 -accel qtest");
    const uint64_t gicd = 0x08000000, gicc = 0x08010000;
    char *out;

    out = qtest_hmp(qts, "info irq");
    g_assert(strstr(out, "IRQ statistics for arm_gic:"));
    g_assert(!strstr(out, ": 1"));
    g_free(out);

    qtest_writel(qts, gicd + 0x000, 1);             /* GICD_CTLR */
    qtest_writel(qts, gicc + 0x000, 1);             /* GICC_CTLR */
    qtest_writel(qts, gicc + 0x004, 0xff);          /* GICC_PMR */
    qtest_writel(qts, gicd + 0xf00, (1u << 16) | 5); /* SGI 5 to CPU 0 */
    g_assert_cmphex(qtest_readl(qts, gicc + 0x00c) & 0x3ff, ==, 5); /* IAR */
    qtest_writel(qts, gicc + 0x010, 5);             /* EOIR */
    g_assert_cmphex(qtest_readl(qts, gicc + 0x00c) & 0x3ff, ==, 1023);

    out = qtest_hmp(qts, "info irq");
    g_assert(strstr(out, "IRQ statistics for arm_gic:\n 5: 1\n"));
    g_free(out);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("hmp/xp-widths", test_xp_widths);
    qtest_add_func("hmp/info-mtree", test_info_mtree);
    qtest_add_func("hmp/info-and-print", test_info_and_print);
    qtest_add_func("hmp/interactive-socket", test_interactive_socket);
    qtest_add_func("hmp/x-through-cpu-mmu", test_x_through_cpu_mmu);
    qtest_add_func("hmp/info-irq", test_info_irq);
    return g_test_run();
}
