/*
 * gicv2m-test.c - the GICv2m MSI frame of -M virt (GICv2, the default):
 * MSI_TYPER names SPIs 48..111 (INTIDs 80..143) as QEMU's virt does, a
 * write of an INTID to MSI_SETSPI_NS makes that edge-triggered SPI pending
 * in the distributor (GICD_ISPENDR), INTIDs outside the frame do nothing,
 * and an MSI from the edu PCI device lands there through its bus-master
 * address space.
 */
#include "util/osdep.h"
#include "libqtest.h"

#define GICD            0x08000000ULL
#define V2M             0x08020000ULL
#define MSI_TYPER       (V2M + 0x008)
#define MSI_SETSPI_NS   (V2M + 0x040)
#define MSI_IIDR        (V2M + 0xfcc)
#define FIRST_INTID     80
#define NUM_SPI         64

#define ECAM            0x4010000000ULL
#define EDU_DEVFN       0x10
#define EDU_BAR         0x10000000ULL

static void set_edge(QTestState *qts, int intid)
{
    uint64_t r = GICD + 0xc00 + intid / 16 * 4;

    qtest_writel(qts, r, qtest_readl(qts, r) | 2u << (2 * (intid % 16)));
}

static bool spi_pending(QTestState *qts, int intid)
{
    return (qtest_readl(qts, GICD + 0x200 + intid / 32 * 4) >>
            (intid % 32)) & 1;
}

static void clear_pending(QTestState *qts, int intid)
{
    qtest_writel(qts, GICD + 0x280 + intid / 32 * 4, 1u << (intid % 32));
}

static void test_typer(void)
{
    QTestState *qts = qtest_init("-M virt");

    g_assert_cmphex(qtest_readl(qts, MSI_TYPER), ==,
                    FIRST_INTID << 16 | NUM_SPI);
    g_assert_cmphex(qtest_readl(qts, MSI_IIDR), ==, 0x51u << 20);
    /* Read-only. */
    qtest_writel(qts, MSI_TYPER, 0);
    g_assert_cmphex(qtest_readl(qts, MSI_TYPER), ==,
                    FIRST_INTID << 16 | NUM_SPI);
    qtest_quit(qts);
}

static void test_no_frame_with_gicv3(void)
{
    QTestState *qts = qtest_init("-M virt,gic-version=3");

    g_assert_cmphex(qtest_readl(qts, MSI_TYPER), ==, 0);
    qtest_quit(qts);
}

static void test_setspi(void)
{
    QTestState *qts = qtest_init("-M virt");
    int last = FIRST_INTID + NUM_SPI - 1;

    set_edge(qts, FIRST_INTID);
    set_edge(qts, last);
    set_edge(qts, FIRST_INTID + 1);
    g_assert_false(spi_pending(qts, FIRST_INTID));
    qtest_writel(qts, MSI_SETSPI_NS, FIRST_INTID);
    g_assert_true(spi_pending(qts, FIRST_INTID));
    g_assert_false(spi_pending(qts, FIRST_INTID + 1));
    qtest_writel(qts, MSI_SETSPI_NS, last);
    g_assert_true(spi_pending(qts, last));
    /* A 16-bit MSI payload works too. */
    qtest_writew(qts, MSI_SETSPI_NS, FIRST_INTID + 1);
    g_assert_true(spi_pending(qts, FIRST_INTID + 1));
    /* The second MSI of an edge SPI sets pending again after a clear. */
    clear_pending(qts, FIRST_INTID);
    g_assert_false(spi_pending(qts, FIRST_INTID));
    qtest_writel(qts, MSI_SETSPI_NS, FIRST_INTID);
    g_assert_true(spi_pending(qts, FIRST_INTID));
    qtest_quit(qts);
}

static void test_outside_frame(void)
{
    QTestState *qts = qtest_init("-M virt");

    set_edge(qts, FIRST_INTID - 1);
    set_edge(qts, FIRST_INTID + NUM_SPI);
    qtest_writel(qts, MSI_SETSPI_NS, FIRST_INTID - 1);
    qtest_writel(qts, MSI_SETSPI_NS, FIRST_INTID + NUM_SPI);
    g_assert_false(spi_pending(qts, FIRST_INTID - 1));
    g_assert_false(spi_pending(qts, FIRST_INTID + NUM_SPI));
    qtest_quit(qts);
}

static uint64_t cfg(int devfn, int reg)
{
    return ECAM + ((uint64_t)devfn << 12) + reg;
}

static void test_edu_msi(void)
{
    QTestState *qts = qtest_init("-M virt -device edu,addr=2");
    uint8_t cap = qtest_readb(qts, cfg(EDU_DEVFN, 0x34));

    while (cap && qtest_readb(qts, cfg(EDU_DEVFN, cap)) != 0x05) {
        cap = qtest_readb(qts, cfg(EDU_DEVFN, cap + 1));
    }
    g_assert_cmphex(cap, !=, 0);
    qtest_writel(qts, cfg(EDU_DEVFN, cap + 4), (uint32_t)MSI_SETSPI_NS);
    qtest_writel(qts, cfg(EDU_DEVFN, cap + 8), 0);
    qtest_writew(qts, cfg(EDU_DEVFN, cap + 12), FIRST_INTID + 7);
    qtest_writew(qts, cfg(EDU_DEVFN, cap + 2),
                 qtest_readw(qts, cfg(EDU_DEVFN, cap + 2)) | 1);
    qtest_writel(qts, cfg(EDU_DEVFN, 0x10), (uint32_t)EDU_BAR);
    qtest_writew(qts, cfg(EDU_DEVFN, 4), 0x6);          /* MEM | MASTER */
    set_edge(qts, FIRST_INTID + 7);

    qtest_writel(qts, EDU_BAR + 0x60, 1);               /* raise: MSI */
    g_assert_true(spi_pending(qts, FIRST_INTID + 7));
    /* The INTx line of the device stays quiet (SPIs 3..6). */
    g_assert_cmphex(qtest_readl(qts, GICD + 0x200) & 0x780, ==, 0);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    if (!strcmp(qtest_get_arch(), "aarch64")) {
        qtest_add_func("/gicv2m/typer", test_typer);
        qtest_add_func("/gicv2m/no-frame-with-gicv3",
                       test_no_frame_with_gicv3);
        qtest_add_func("/gicv2m/setspi", test_setspi);
        qtest_add_func("/gicv2m/outside-frame", test_outside_frame);
        qtest_add_func("/gicv2m/edu-msi", test_edu_msi);
    }
    return g_test_run();
}
