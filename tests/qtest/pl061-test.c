/*
 * pl061-test.c - virt's PL061 GPIO controller through qtest: the PrimeCell
 * ID that Linux's AMBA bus reads before it binds a driver, masked DATA
 * reads and writes of output pins, edge and level interrupts (RIS/MIS,
 * IC), and system_powerdown pressing pin 3 (the gpio-keys power button)
 * for 100 ms of virtual time.
 */
#include "util/osdep.h"
#include "libqtest.h"

#define BASE  0x09030000ULL
#define DATA(mask) (BASE + ((uint64_t)(mask) << 2))
#define DIR   (BASE + 0x400)
#define IS    (BASE + 0x404)
#define IBE   (BASE + 0x408)
#define IEV   (BASE + 0x40c)
#define IE    (BASE + 0x410)
#define RIS   (BASE + 0x414)
#define MIS   (BASE + 0x418)
#define IC    (BASE + 0x41c)
#define ID0   (BASE + 0xfe0)
#define KEY   (1u << 3)
#define MS    1000000LL

#define ARGS "-M virt -cpu max"

static void test_id_registers(void)
{
    QTestState *qts = qtest_init(ARGS);
    uint32_t periph = 0, pcell = 0;

    for (int i = 0; i < 4; i++) {
        periph |= qtest_readl(qts, ID0 + 4 * i) << (8 * i);
        pcell |= qtest_readl(qts, ID0 + 0x10 + 4 * i) << (8 * i);
    }
    g_assert_cmphex(periph, ==, 0x00041061);
    g_assert_cmphex(pcell, ==, 0xb105f00d);
    qtest_quit(qts);
}

static void test_masked_data(void)
{
    QTestState *qts = qtest_init(ARGS);

    qtest_writel(qts, DIR, 0x0f);           /* pins 0..3 outputs */
    qtest_writel(qts, DATA(0xff), 0xff);    /* inputs ignore the write */
    g_assert_cmphex(qtest_readl(qts, DATA(0xff)), ==, 0x0f);
    qtest_writel(qts, DATA(0x03), 0x00);    /* only pins 0 and 1 change */
    g_assert_cmphex(qtest_readl(qts, DATA(0xff)), ==, 0x0c);
    g_assert_cmphex(qtest_readl(qts, DATA(0x04)), ==, 0x04);
    g_assert_cmphex(qtest_readl(qts, DATA(0x08 | 0x01)), ==, 0x08);
    qtest_quit(qts);
}

/* An output pin's own edges raise interrupts as an input's would. */
static void test_edge_and_level(void)
{
    QTestState *qts = qtest_init(ARGS);

    qtest_writel(qts, DIR, 0x03);
    qtest_writel(qts, IEV, 0x01);           /* pin 0: rising edge */
    qtest_writel(qts, IE, 0x03);
    qtest_writel(qts, DATA(0x03), 0x02);    /* pin 1 rises: falling-only */
    g_assert_cmphex(qtest_readl(qts, RIS), ==, 0);
    qtest_writel(qts, DATA(0x03), 0x01);    /* pin 0 rises, pin 1 falls */
    g_assert_cmphex(qtest_readl(qts, RIS), ==, 0x03);
    qtest_writel(qts, IE, 0x01);
    g_assert_cmphex(qtest_readl(qts, MIS), ==, 0x01);
    qtest_writel(qts, IC, 0x03);            /* edges stay until cleared */
    g_assert_cmphex(qtest_readl(qts, RIS), ==, 0);

    qtest_writel(qts, IS, 0x01);            /* pin 0 level, high: at level */
    g_assert_cmphex(qtest_readl(qts, MIS), ==, 0x01);
    qtest_writel(qts, IC, 0x01);            /* IC does not clear a level */
    g_assert_cmphex(qtest_readl(qts, RIS), ==, 0x01);
    qtest_writel(qts, DATA(0x01), 0x00);
    g_assert_cmphex(qtest_readl(qts, RIS), ==, 0);
    qtest_quit(qts);
}

static void test_powerdown_presses_key(void)
{
    QTestState *qts = qtest_init(ARGS);

    qtest_writel(qts, IBE, KEY);            /* as Linux's gpio-keys asks */
    qtest_writel(qts, IE, KEY);
    g_assert_cmphex(qtest_readl(qts, DATA(KEY)), ==, 0);
    qtest_qmp_assert_success(qts, "{'execute': 'system_powerdown'}");
    g_assert_cmphex(qtest_readl(qts, DATA(KEY)), ==, KEY);
    g_assert_cmphex(qtest_readl(qts, MIS), ==, KEY);
    qtest_writel(qts, IC, KEY);
    qtest_clock_step(qts, 99 * MS);
    g_assert_cmphex(qtest_readl(qts, DATA(KEY)), ==, KEY);
    g_assert_cmphex(qtest_readl(qts, RIS), ==, 0);
    qtest_clock_step(qts, 2 * MS);          /* released: the other edge */
    g_assert_cmphex(qtest_readl(qts, DATA(KEY)), ==, 0);
    g_assert_cmphex(qtest_readl(qts, MIS), ==, KEY);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("/pl061/id-registers", test_id_registers);
    qtest_add_func("/pl061/masked-data", test_masked_data);
    qtest_add_func("/pl061/edge-and-level", test_edge_and_level);
    qtest_add_func("/pl061/powerdown-presses-key", test_powerdown_presses_key);
    return g_test_run();
}
