/*
 * pl031-test.c - the PL031 RTC through qtest: ID registers, the counter
 * against the virtual clock and -rtc base, load and match registers, the
 * match interrupt (intercepted), and every register refused at the widths
 * other than 32 bits with the device state unchanged.
 */
#include "util/osdep.h"
#include "libqtest.h"

#define BASE 0x09010000ULL
#define DR   (BASE + 0x00)
#define MR   (BASE + 0x04)
#define LR   (BASE + 0x08)
#define CR   (BASE + 0x0c)
#define IMSC (BASE + 0x10)
#define RIS  (BASE + 0x14)
#define MIS  (BASE + 0x18)
#define ICR  (BASE + 0x1c)
#define ID0  (BASE + 0xfe0)
#define NS   1000000000LL

/* 2020-01-01T00:00:00Z */
#define EPOCH_2020 1577836800u
#define ARGS "-M none -rtc base=2020-01-01T00:00:00 " \
             "-device pl031,addr=0x9010000,id=rtc"

/* The device is little-endian whatever the target's byte order. */
static uint32_t rd(QTestState *qts, uint64_t addr)
{
    uint32_t v = qtest_readl(qts, addr);

    return qtest_big_endian(qts) ? GUINT32_SWAP_LE_BE(v) : v;
}

static void wr(QTestState *qts, uint64_t addr, uint32_t v)
{
    qtest_writel(qts, addr, qtest_big_endian(qts) ? GUINT32_SWAP_LE_BE(v) : v);
}

static void test_id_registers(void)
{
    QTestState *qts = qtest_init(ARGS);
    uint32_t periph = 0, pcell = 0;

    for (int i = 0; i < 4; i++) {
        periph |= rd(qts, ID0 + 4 * i) << (8 * i);
        pcell |= rd(qts, ID0 + 0x10 + 4 * i) << (8 * i);
    }
    g_assert_cmphex(periph, ==, 0x00041031);
    g_assert_cmphex(pcell, ==, 0xb105f00d);
    qtest_quit(qts);
}

static void test_counter_follows_virtual_clock(void)
{
    QTestState *qts = qtest_init(ARGS);

    /* Under -accel qtest the virtual clock starts at 0 and stands still. */
    g_assert_cmpuint(rd(qts, DR), ==, EPOCH_2020);
    g_assert_cmpuint(rd(qts, CR), ==, 1);
    qtest_clock_step(qts, 3 * NS - 1);
    g_assert_cmpuint(rd(qts, DR), ==, EPOCH_2020 + 2);
    qtest_clock_step(qts, 1);
    g_assert_cmpuint(rd(qts, DR), ==, EPOCH_2020 + 3);
    qtest_quit(qts);
}

static void test_host_time_base(void)
{
    QTestState *qts = qtest_init("-M none -device pl031,addr=0x9010000");
    int64_t before = g_get_real_time() / G_USEC_PER_SEC;
    uint32_t dr = rd(qts, DR);

    /* Taken from the host clock at start-up, within a few seconds. */
    g_assert_cmpint(dr, >=, before - 60);
    g_assert_cmpint(dr, <=, before + 1);
    qtest_quit(qts);
}

static void test_load_register(void)
{
    QTestState *qts = qtest_init(ARGS);

    qtest_clock_step(qts, NS / 2);
    wr(qts, LR, 1000);
    g_assert_cmpuint(rd(qts, LR), ==, 1000);
    g_assert_cmpuint(rd(qts, DR), ==, 1000);
    qtest_clock_step(qts, 2 * NS);
    g_assert_cmpuint(rd(qts, DR), ==, 1002);
    g_assert_cmpuint(rd(qts, LR), ==, 1000);
    qtest_quit(qts);
}

static void test_match_interrupt(void)
{
    QTestState *qts = qtest_init(ARGS);

    qtest_irq_intercept_out_named(qts, "/machine/peripheral/rtc", "sysbus-irq");
    wr(qts, LR, 500);
    wr(qts, MR, 505);
    g_assert_cmpuint(rd(qts, MR), ==, 505);
    wr(qts, IMSC, 1);
    g_assert_cmpuint(rd(qts, IMSC), ==, 1);
    qtest_clock_step(qts, 5 * NS - 1);
    g_assert_cmpuint(rd(qts, DR), ==, 504);
    g_assert_cmpuint(rd(qts, RIS), ==, 0);
    g_assert_false(qtest_get_irq(qts, 0));
    qtest_clock_step(qts, 1);
    g_assert_cmpuint(rd(qts, DR), ==, 505);
    g_assert_cmpuint(rd(qts, RIS), ==, 1);
    g_assert_cmpuint(rd(qts, MIS), ==, 1);
    g_assert_true(qtest_get_irq(qts, 0));
    wr(qts, ICR, 1);
    g_assert_cmpuint(rd(qts, RIS), ==, 0);
    g_assert_false(qtest_get_irq(qts, 0));
    qtest_quit(qts);
}

static void test_match_masked(void)
{
    QTestState *qts = qtest_init(ARGS);

    qtest_irq_intercept_out_named(qts, "/machine/peripheral/rtc", "sysbus-irq");
    wr(qts, MR, EPOCH_2020 + 2);
    qtest_clock_step(qts, 2 * NS);
    /* Raw status latches; with IMSC clear the line stays low. */
    g_assert_cmpuint(rd(qts, RIS), ==, 1);
    g_assert_cmpuint(rd(qts, MIS), ==, 0);
    g_assert_false(qtest_get_irq(qts, 0));
    /* Unmasking a pending match raises it at once. */
    wr(qts, IMSC, 1);
    g_assert_true(qtest_get_irq(qts, 0));
    wr(qts, IMSC, 0);
    g_assert_false(qtest_get_irq(qts, 0));
    qtest_quit(qts);
}

static void test_read_only_registers_ignore_writes(void)
{
    QTestState *qts = qtest_init(ARGS);

    wr(qts, DR, 7);
    g_assert_cmpuint(rd(qts, DR), ==, EPOCH_2020);
    wr(qts, ID0, 0xff);
    g_assert_cmpuint(rd(qts, ID0), ==, 0x31);
    qtest_quit(qts);
}

/*
 * Byte, halfword and doubleword accesses are refused by the memory core
 * (valid sizes 4..4): a refused read answers 0, a refused write does not
 * reach the device.
 */
static void test_refused_widths(void)
{
    QTestState *qts = qtest_init(ARGS);
    static const uint64_t regs[] = { DR, MR, LR, CR, IMSC, RIS, MIS };

    wr(qts, MR, 0x11223344);
    wr(qts, LR, 0x55667788);
    wr(qts, IMSC, 1);
    for (size_t i = 0; i < G_N_ELEMENTS(regs); i++) {
        g_assert_cmphex(qtest_readb(qts, regs[i]), ==, 0);
        g_assert_cmphex(qtest_readw(qts, regs[i]), ==, 0);
        g_assert_cmphex(qtest_readq(qts, regs[i]), ==, 0);
    }
    /* ID registers: 32 bits, or a byte read at the start (EDK2). */
    g_assert_cmphex(qtest_readb(qts, ID0), ==, 0x31);
    g_assert_cmphex(qtest_readb(qts, ID0 + 0x1c), ==, 0xb1);
    g_assert_cmphex(qtest_readb(qts, ID0 + 1), ==, 0);
    g_assert_cmphex(qtest_readw(qts, ID0), ==, 0);
    g_assert_cmphex(qtest_readq(qts, ID0), ==, 0);
    qtest_writeb(qts, MR, 0xaa);
    qtest_writew(qts, MR, 0xaaaa);
    qtest_writeq(qts, MR, 0xaaaaaaaaaaaaaaaaULL);
    qtest_writeb(qts, LR, 0);
    qtest_writew(qts, LR, 0);
    qtest_writeq(qts, LR, 0);
    qtest_writeb(qts, IMSC, 0);
    qtest_writew(qts, IMSC, 0);
    qtest_writeq(qts, IMSC, 0);
    g_assert_cmphex(rd(qts, MR), ==, 0x11223344);
    g_assert_cmphex(rd(qts, LR), ==, 0x55667788);
    g_assert_cmphex(rd(qts, DR), ==, 0x55667788);
    g_assert_cmphex(rd(qts, IMSC), ==, 1);

    /* ICR likewise: a pending match survives clears of the wrong width. */
    wr(qts, MR, rd(qts, DR));
    g_assert_cmphex(rd(qts, RIS), ==, 1);
    qtest_writeb(qts, ICR, 1);
    qtest_writew(qts, ICR, qtest_big_endian(qts) ? 0x100 : 1);
    qtest_writeq(qts, ICR, qtest_big_endian(qts) ? 1ULL << 56 : 1);
    g_assert_cmphex(rd(qts, RIS), ==, 1);
    g_assert_cmphex(qtest_readb(qts, ICR), ==, 0);
    wr(qts, ICR, 1);
    g_assert_cmphex(rd(qts, RIS), ==, 0);
    qtest_quit(qts);
}

static void test_bad_rtc_base_refused(void)
{
    const char *argv[] = {
        getenv("QTEST_QEMU_BINARY"), "-M", "none", "-accel", "qtest",
        "-rtc", "base=yesterday", "-device", "pl031,addr=0x9010000", NULL
    };
    char *out = NULL, *err = NULL;
    int status = 0;
    GError *gerr = NULL;

    g_assert_nonnull(argv[0]);
    g_assert_true(g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_DEFAULT,
                               NULL, NULL, &out, &err, &status, &gerr));
    g_assert_no_error(gerr);
    g_assert_false(g_spawn_check_wait_status(status, NULL));
    g_assert_nonnull(strstr(err, "invalid -rtc base 'yesterday'"));
    g_free(out);
    g_free(err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("/pl031/id-registers", test_id_registers);
    qtest_add_func("/pl031/counter-follows-virtual-clock",
                   test_counter_follows_virtual_clock);
    qtest_add_func("/pl031/host-time-base", test_host_time_base);
    qtest_add_func("/pl031/load-register", test_load_register);
    qtest_add_func("/pl031/match-interrupt", test_match_interrupt);
    qtest_add_func("/pl031/match-masked", test_match_masked);
    qtest_add_func("/pl031/read-only-registers-ignore-writes",
                   test_read_only_registers_ignore_writes);
    qtest_add_func("/pl031/refused-widths", test_refused_widths);
    qtest_add_func("/pl031/bad-rtc-base-refused", test_bad_rtc_base_refused);
    return g_test_run();
}
