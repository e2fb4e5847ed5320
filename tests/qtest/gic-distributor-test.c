/*
 * gic-distributor-test - the GIC distributors of -M virt over qtest, each
 * register read and written at the widths the architecture allows and
 * refused at the others (a refused read gives 0, a refused write changes
 * nothing): GICv2 (IPRIORITYR/ITARGETSR bytes, the rest words) and GICv3
 * (IPRIORITYR bytes, IROUTER doublewords or words, the rest words).
 */
#include "util/osdep.h"
#include "libqtest.h"

#define GICD 0x08000000ULL

static void test_gicv2_widths(void)
{
    QTestState *qts = qtest_init("-M virt,gic-version=2 -accel qtest");

    /* TYPER: ITLinesNumber of virt's 256 interrupts (8 = 288 lines / 32 - 1) */
    g_assert_cmphex(qtest_readl(qts, GICD + 0x004) & 0x1f, ==, 8);
    /* IPRIORITYR: bytes and words */
    qtest_writeb(qts, GICD + 0x421, 0xa0);
    g_assert_cmphex(qtest_readb(qts, GICD + 0x421), ==, 0xa0);
    g_assert_cmphex(qtest_readl(qts, GICD + 0x420), ==, 0xa000);
    qtest_writel(qts, GICD + 0x424, 0x80706050);
    g_assert_cmphex(qtest_readb(qts, GICD + 0x426), ==, 0x70);
    /* ... never halfwords or doublewords */
    g_assert_cmphex(qtest_readw(qts, GICD + 0x420), ==, 0);
    qtest_writew(qts, GICD + 0x420, 0xffff);
    g_assert_cmphex(qtest_readl(qts, GICD + 0x420), ==, 0xa000);
    g_assert_cmphex(qtest_readq(qts, GICD + 0x420), ==, 0);
    /* ITARGETSR of an SPI: bytes */
    qtest_writeb(qts, GICD + 0x821, 0x01);
    g_assert_cmphex(qtest_readb(qts, GICD + 0x821), ==, 0x01);
    /* CTLR: words only; a byte write is refused */
    qtest_writeb(qts, GICD + 0x000, 1);
    g_assert_cmphex(qtest_readl(qts, GICD + 0x000), ==, 0);
    qtest_writel(qts, GICD + 0x000, 1);
    g_assert_cmphex(qtest_readl(qts, GICD + 0x000), ==, 1);
    g_assert_cmphex(qtest_readb(qts, GICD + 0x000), ==, 0);
    /* ISENABLER1: words; the bit reads back through ICENABLER1 */
    qtest_writel(qts, GICD + 0x104, 1u << 1);
    g_assert_cmphex(qtest_readl(qts, GICD + 0x184) & 2, ==, 2);
    qtest_writew(qts, GICD + 0x184, 0xffff);      /* refused */
    g_assert_cmphex(qtest_readl(qts, GICD + 0x104) & 2, ==, 2);
    qtest_quit(qts);
}

static void test_gicv3_widths(void)
{
    QTestState *qts = qtest_init("-M virt,gic-version=3 -accel qtest");

    g_assert_cmphex(qtest_readl(qts, GICD + 0x004) & 0x1f, ==, 8);
    /* IROUTER<33>: a doubleword, or its two words */
    qtest_writeq(qts, GICD + 0x6108, 3);
    g_assert_cmphex(qtest_readq(qts, GICD + 0x6108), ==, 3);
    qtest_writel(qts, GICD + 0x610c, 1);        /* Aff3 */
    g_assert_cmphex(qtest_readq(qts, GICD + 0x6108), ==, 0x100000003ULL);
    g_assert_cmphex(qtest_readl(qts, GICD + 0x6108), ==, 3);
    /* ... but not bytes */
    g_assert_cmphex(qtest_readb(qts, GICD + 0x6108), ==, 0);
    qtest_writeb(qts, GICD + 0x6108, 0xff);
    g_assert_cmphex(qtest_readq(qts, GICD + 0x6108), ==, 0x100000003ULL);
    /* IPRIORITYR: bytes and words, not halfwords */
    qtest_writeb(qts, GICD + 0x421, 0xa0);
    g_assert_cmphex(qtest_readb(qts, GICD + 0x421), ==, 0xa0);
    qtest_writew(qts, GICD + 0x420, 0xffff);
    g_assert_cmphex(qtest_readl(qts, GICD + 0x420), ==, 0xa000);
    g_assert_cmphex(qtest_readw(qts, GICD + 0x420), ==, 0);
    /* CTLR: a halfword read is refused */
    g_assert_cmphex(qtest_readw(qts, GICD + 0x000), ==, 0);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("gic/v2-distributor-widths", test_gicv2_widths);
    qtest_add_func("gic/v3-distributor-widths", test_gicv3_widths);
    return g_test_run();
}
