/*
 * pvpanic-test.c - the pvpanic-pci device and the actions it triggers:
 * its config header and event register as QEMU 7.2 has them, and for a
 * guest panic each -action panic= choice (shutdown, pause, exit-failure,
 * none, and shutdown turned into pause by -no-shutdown), the
 * GUEST_PANICKED / GUEST_CRASHLOADED events, QMP set-action (all-or-
 * nothing), and -action reboot=shutdown for a reset request.
 */
#include "util/osdep.h"
#include "libqtest.h"

#define ECAM        0x4010000000ULL
#define DEVFN       (3 << 3)            /* 00:03.0 */
#define BAR         0x10000000ULL       /* in virt's 32-bit MMIO window */

static uint64_t cfg(int reg)
{
    return ECAM + ((uint64_t)DEVFN << 12) + reg;
}

/* Start a virt machine with pvpanic-pci at 00:03.0, BAR0 mapped at BAR. */
static QTestState *start(const char *extra)
{
    QTestState *qts = qtest_initf("-M virt -device pvpanic-pci,addr=3 %s",
                                  extra);

    qtest_writel(qts, cfg(0x10), (uint32_t)BAR);
    qtest_writew(qts, cfg(0x04), 0x2);          /* memory space on */
    return qts;
}

static char *status(QTestState *qts)
{
    JsonObject *r = qtest_qmp(qts, "{'execute': 'query-status'}");
    char *s = g_strdup(qdict_get_str_path(r, "return.status"));

    json_object_unref(r);
    return s;
}

static void assert_status(QTestState *qts, const char *want)
{
    char *s = status(qts);

    g_assert_cmpstr(s, ==, want);
    g_free(s);
}

/* Panic; the GUEST_PANICKED event must name @action. */
static void panic_expect(QTestState *qts, const char *action)
{
    JsonObject *ev;

    qtest_writeb(qts, BAR, 1);
    ev = qtest_qmp_eventwait_ref(qts, "GUEST_PANICKED");
    g_assert_cmpstr(qdict_get_str_path(ev, "data.action"), ==, action);
    json_object_unref(ev);
}

static void test_config(void)
{
    QTestState *qts = qtest_init("-M virt -device pvpanic-pci,addr=3");
    uint32_t mask;

    g_assert_cmphex(qtest_readl(qts, cfg(0x00)), ==, 0x00111b36);
    g_assert_cmphex(qtest_readl(qts, cfg(0x08)), ==, 0x08800001);
    g_assert_cmphex(qtest_readl(qts, cfg(0x2c)), ==, 0x11001af4);
    g_assert_cmphex(qtest_readb(qts, cfg(0x3d)), ==, 0);    /* no INTx */
    /* BAR0: 32-bit memory, sizing shows a small power-of-two window. */
    qtest_writel(qts, cfg(0x10), 0xffffffff);
    mask = qtest_readl(qts, cfg(0x10));
    g_assert_cmphex(mask & 0xf, ==, 0);
    g_assert_cmphex(mask & 0xfffff000, ==, 0xfffff000);
    g_assert_cmphex(mask & (~mask + 1), ==, ~mask + 1); /* one size */
    qtest_writel(qts, cfg(0x10), (uint32_t)BAR);
    /* Memory decoding off: the BAR is not there. */
    g_assert_cmphex(qtest_readb(qts, BAR), !=, 3);
    qtest_writew(qts, cfg(0x04), 0x2);
    g_assert_cmphex(qtest_readb(qts, BAR), ==, 3);
    g_assert_cmphex(qtest_readb(qts, BAR + 1), ==, 3);
    qtest_quit(qts);

    qts = start("-global pvpanic-pci.events=1");
    g_assert_cmphex(qtest_readb(qts, BAR), ==, 1);
    /* CRASH_LOADED is not offered: writing it does nothing. */
    qtest_writeb(qts, BAR, 2);
    assert_status(qts, "running");
    qtest_quit(qts);
}

static void test_panic_shutdown(void)
{
    QTestState *qts = start("");

    panic_expect(qts, "poweroff");
    qtest_qmp_eventwait(qts, "SHUTDOWN");
    g_assert_cmpint(qtest_wait_exit(qts, 10000), >=, 0);
    qtest_quit(qts);            /* asserts exit status 0 */
}

static void test_panic_exit_failure(void)
{
    QTestState *qts = start("-action panic=exit-failure");

    qtest_set_expected_status(qts, 1);
    panic_expect(qts, "poweroff");
    g_assert_cmpint(qtest_wait_exit(qts, 10000), >=, 0);
    qtest_quit(qts);
}

static void test_panic_pause(void)
{
    const char *const args[] = { "-action panic=pause", "-no-shutdown" };

    for (size_t i = 0; i < G_N_ELEMENTS(args); i++) {
        QTestState *qts = start(args[i]);

        panic_expect(qts, "pause");
        qtest_qmp_eventwait(qts, "STOP");
        assert_status(qts, "guest-panicked");
        qtest_qmp_assert_success(qts, "{'execute': 'cont'}");
        assert_status(qts, "running");
        qtest_quit(qts);
    }
}

static void test_panic_none_and_crashloaded(void)
{
    QTestState *qts = start("-action panic=none");
    JsonObject *ev;

    panic_expect(qts, "run");
    assert_status(qts, "running");
    qtest_writeb(qts, BAR, 2);
    ev = qtest_qmp_eventwait_ref(qts, "GUEST_CRASHLOADED");
    g_assert_cmpstr(qdict_get_str_path(ev, "data.action"), ==, "run");
    json_object_unref(ev);
    assert_status(qts, "running");
    qtest_quit(qts);
}

static void expect_error(QTestState *qts, const char *cmd, const char *msg)
{
    JsonObject *r = qtest_qmp(qts, "%s", cmd);

    g_assert_cmpstr(qdict_get_str_path(r, "error.class"), ==, "GenericError");
    g_assert_nonnull(strstr(qdict_get_str_path(r, "error.desc"), msg));
    json_object_unref(r);
}

static void test_set_action(void)
{
    QTestState *qts = start("");

    /* A bad member makes the whole command fail: panic stays "shutdown". */
    expect_error(qts, "{'execute': 'set-action', 'arguments': "
                 "{'panic': 'pause', 'shutdown': 'sleep'}}",
                 "'shutdown' does not accept value 'sleep'");
    expect_error(qts, "{'execute': 'set-action', 'arguments': "
                 "{'panic': 'pause', 'bogus': 'x'}}", "'bogus'");
    expect_error(qts, "{'execute': 'set-action', 'arguments': "
                 "{'panic': 1}}", "expected: string");
    qtest_qmp_assert_success(qts, "{'execute': 'set-action', 'arguments': "
                             "{'panic': 'none'}}");
    panic_expect(qts, "run");
    assert_status(qts, "running");
    qtest_qmp_assert_success(qts, "{'execute': 'set-action', 'arguments': "
                             "{'panic': 'pause'}}");
    panic_expect(qts, "pause");
    qtest_qmp_eventwait(qts, "STOP");
    assert_status(qts, "guest-panicked");
    qtest_quit(qts);
}

static void test_reboot_shutdown(void)
{
    QTestState *qts = qtest_init("-M virt -action reboot=shutdown");
    JsonObject *ev;

    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    ev = qtest_qmp_eventwait_ref(qts, "SHUTDOWN");
    g_assert_cmpstr(qdict_get_str_path(ev, "data.reason"), ==,
                    "host-qmp-system-reset");
    json_object_unref(ev);
    g_assert_cmpint(qtest_wait_exit(qts, 10000), >=, 0);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    if (!strcmp(qtest_get_arch(), "aarch64")) {
        qtest_add_func("/pvpanic/config", test_config);
        qtest_add_func("/pvpanic/panic-shutdown", test_panic_shutdown);
        qtest_add_func("/pvpanic/panic-exit-failure", test_panic_exit_failure);
        qtest_add_func("/pvpanic/panic-pause", test_panic_pause);
        qtest_add_func("/pvpanic/panic-none-crashloaded",
                       test_panic_none_and_crashloaded);
        qtest_add_func("/pvpanic/set-action", test_set_action);
        qtest_add_func("/pvpanic/reboot-shutdown", test_reboot_shutdown);
    }
    return g_test_run();
}
