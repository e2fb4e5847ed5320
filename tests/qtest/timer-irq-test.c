/*
 * timer-irq-test.c - the virtual clock under the qtest accelerator and IRQ
 * interception, using the mmio-testdev's timer (fires IRQ 0) and its two
 * GPIO inputs.
 */
#include "util/osdep.h"
#include "libqtest.h"

#define BASE 0x10000000ULL
#define TIMER_ARM    (BASE + 0xf28)
#define TIMER_PERIOD (BASE + 0xf30)
#define TIMER_FIRED  (BASE + 0xf38)
#define TIMER_LAST   (BASE + 0xf40)
#define GPIO_IN      (BASE + 0xf48)
#define ARGS "-M none -device mmio-testdev,addr=0x10000000,id=td"
#define PATH "/machine/peripheral/td"

/* The device's registers are little-endian whatever the target. */
static void dev_writeq(QTestState *qts, uint64_t addr, uint64_t v)
{
    qtest_writeq(qts, addr, qtest_big_endian(qts) ? GUINT64_SWAP_LE_BE(v) : v);
}

static uint64_t dev_readq(QTestState *qts, uint64_t addr)
{
    uint64_t v = qtest_readq(qts, addr);

    return qtest_big_endian(qts) ? GUINT64_SWAP_LE_BE(v) : v;
}

static int64_t now_ns(QTestState *qts)
{
    return qtest_clock_step(qts, 1);
}

static void test_step_to_next_deadline(void)
{
    QTestState *qts = qtest_init(ARGS);
    int64_t t0 = now_ns(qts);

    dev_writeq(qts, TIMER_ARM, 1000);
    g_assert_cmpint(qtest_clock_step_next(qts), ==, t0 + 1000);
    g_assert_cmpuint(dev_readq(qts, TIMER_FIRED), ==, 1);
    g_assert_cmpint(dev_readq(qts, TIMER_LAST), ==, t0 + 1000);
    qtest_quit(qts);
}

static void test_step_short_of_deadline(void)
{
    QTestState *qts = qtest_init(ARGS);
    int64_t t0 = now_ns(qts);

    dev_writeq(qts, TIMER_ARM, 5000);
    g_assert_cmpint(qtest_clock_step(qts, 4999), ==, t0 + 4999);
    g_assert_cmpuint(dev_readq(qts, TIMER_FIRED), ==, 0);
    g_assert_cmpint(qtest_clock_step(qts, 1), ==, t0 + 5000);
    g_assert_cmpuint(dev_readq(qts, TIMER_FIRED), ==, 1);
    /* Stopped VM time does not matter: the clock is the test's alone. */
    g_usleep(20 * 1000);
    g_assert_cmpint(now_ns(qts), ==, t0 + 5001);
    qtest_quit(qts);
}

static void test_periodic_ticks_each_deadline(void)
{
    QTestState *qts = qtest_init(ARGS);
    int64_t t0 = now_ns(qts);

    dev_writeq(qts, TIMER_PERIOD, 100);
    dev_writeq(qts, TIMER_ARM, 100);
    g_assert_cmpint(qtest_clock_step(qts, 1050), ==, t0 + 1050);
    g_assert_cmpuint(dev_readq(qts, TIMER_FIRED), ==, 10);
    g_assert_cmpint(dev_readq(qts, TIMER_LAST), ==, t0 + 1000);
    /* clock_set runs the ticks on the way too. */
    g_assert_cmpint(qtest_clock_set(qts, t0 + 2000), ==, t0 + 2000);
    g_assert_cmpuint(dev_readq(qts, TIMER_FIRED), ==, 20);
    dev_writeq(qts, TIMER_ARM, 0);
    qtest_clock_step(qts, 1000);
    g_assert_cmpuint(dev_readq(qts, TIMER_FIRED), ==, 20);
    qtest_quit(qts);
}

static void test_irq_intercept_out(void)
{
    QTestState *qts = qtest_init(ARGS);
    char *r;

    /* Sysbus IRQs are the named output list "sysbus-irq", as in QEMU. */
    qtest_irq_intercept_out_named(qts, PATH, "sysbus-irq");
    /* Again on the same device is fine. */
    r = qtest_rsp(qts, "irq_intercept_out %s sysbus-irq", PATH);
    g_assert_cmpstr(r, ==, "OK");
    g_free(r);
    g_assert(!qtest_get_irq(qts, 0));
    dev_writeq(qts, TIMER_ARM, 10);
    qtest_clock_step(qts, 10);
    g_assert(qtest_get_irq(qts, 0));
    dev_writeq(qts, TIMER_FIRED, 0);      /* ack lowers the line */
    g_assert(!qtest_get_irq(qts, 0));
    qtest_quit(qts);
}

static void test_irq_intercept_in_and_set_irq(void)
{
    QTestState *qts = qtest_init(ARGS);
    char *r;

    /* Without interception set_irq_in drives the device directly. */
    qtest_set_irq_in(qts, PATH, NULL, 1, 1);
    g_assert_cmphex(dev_readq(qts, GPIO_IN), ==, 2);

    qtest_irq_intercept_in(qts, PATH);
    qtest_set_irq_in(qts, PATH, "unnamed-gpio-in", 0, 1);
    g_assert(qtest_get_irq(qts, 0));
    /* The intercepted line still reaches the device. */
    g_assert_cmphex(dev_readq(qts, GPIO_IN), ==, 3);
    qtest_set_irq_in(qts, PATH, NULL, 0, 0);
    g_assert(!qtest_get_irq(qts, 0));
    g_assert_cmphex(dev_readq(qts, GPIO_IN), ==, 2);

    r = qtest_rsp(qts, "set_irq_in %s unnamed-gpio-in 7 1", PATH);
    g_assert(g_str_has_prefix(r, "FAIL"));
    g_free(r);
    r = qtest_rsp(qts, "set_irq_in %s unnamed-gpio-in zero 1", PATH);
    g_assert(g_str_has_prefix(r, "FAIL"));
    g_free(r);
    qtest_quit(qts);
}

static void test_reset_stops_timer(void)
{
    QTestState *qts = qtest_init(ARGS);

    dev_writeq(qts, TIMER_ARM, 1000);
    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    qtest_qmp_eventwait(qts, "RESET");
    qtest_clock_step(qts, 2000);
    g_assert_cmpuint(dev_readq(qts, TIMER_FIRED), ==, 0);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("timer/step-to-next-deadline", test_step_to_next_deadline);
    qtest_add_func("timer/step-short-of-deadline", test_step_short_of_deadline);
    qtest_add_func("timer/periodic-ticks-each-deadline",
                   test_periodic_ticks_each_deadline);
    qtest_add_func("irq/intercept-out", test_irq_intercept_out);
    qtest_add_func("irq/intercept-in-and-set-irq",
                   test_irq_intercept_in_and_set_irq);
    qtest_add_func("timer/reset-stops-timer", test_reset_stops_timer);
    return g_test_run();
}
