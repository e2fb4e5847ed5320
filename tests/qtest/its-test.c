/*
 * its-test.c - the GICv3 ITS and the redistributors' LPIs on
 * -M virt,gic-version=3, driven as a guest driver would: tables and the
 * command queue in guest RAM written with qtest, commands posted through
 * GITS_CWRITER, and the result read where the architecture puts it, in the
 * redistributor's LPI pending table (the GIC writes it through). The
 * qtest accelerator runs no CPU, so taking the LPI through ICC_IAR1_EL1 is
 * the guest test's job (tests/guest/aarch64/its-lpi.c).
 *
 * Also: the ID registers, GITS_BASER/CBASER behaviour, command errors that
 * are skipped and memory errors that stall, an MSI from the edu PCI device
 * and an MSI-X from virtio-rng-pci reaching GITS_TRANSLATER with their
 * requester ids as DeviceIDs.
 */
#include "util/osdep.h"
#include "libqtest.h"

#define GICD            0x08000000ULL
#define GICR(c)         (0x080a0000ULL + (c) * 0x20000ULL)
#define ITS             0x08080000ULL
#define GITS_CTLR       (ITS + 0x00)
#define GITS_IIDR       (ITS + 0x04)
#define GITS_TYPER      (ITS + 0x08)
#define GITS_CBASER     (ITS + 0x80)
#define GITS_CWRITER    (ITS + 0x88)
#define GITS_CREADR     (ITS + 0x90)
#define GITS_BASER(n)   (ITS + 0x100 + 8 * (n))
#define GITS_PIDR2      (ITS + 0xffe8)
#define GITS_TRANSLATER (ITS + 0x10040)

#define RAM             0x40000000ULL
#define CMDQ            (RAM + 0x100000)        /* 4 KiB: 128 commands */
#define DEVTAB          (RAM + 0x200000)        /* 64 KiB */
#define COLLTAB         (RAM + 0x210000)        /* 64 KiB */
#define ITT             (RAM + 0x220000)        /* per device, 256 B apart */
#define PROPTAB         (RAM + 0x300000)
#define PENDTAB(c)      (RAM + 0x400000 + (c) * 0x10000ULL)
#define LPI_IDBITS      16

/* PCIe (highmem ECAM) and the edu device at 00:02.0 */
#define ECAM            0x4010000000ULL
#define EDU_DEVFN       0x10
#define EDU_BAR         0x10000000ULL

typedef struct Its {
    QTestState *qts;
    uint64_t cwriter;
} Its;

/* GIC and ITS registers are little-endian; so is the guest (LE AArch64). */
static void cmd_write(Its *t, uint64_t d0, uint64_t d1, uint64_t d2,
                      uint64_t d3)
{
    uint64_t c[4] = { GUINT64_TO_LE(d0), GUINT64_TO_LE(d1),
                      GUINT64_TO_LE(d2), GUINT64_TO_LE(d3) };

    qtest_memwrite(t->qts, CMDQ + t->cwriter, c, sizeof(c));
    t->cwriter = (t->cwriter + 32) % 4096;
}

static void cmd_post(Its *t)
{
    qtest_writeq(t->qts, GITS_CWRITER, t->cwriter);
}

static void mapd(Its *t, uint32_t dev, unsigned bits, bool valid)
{
    cmd_write(t, 0x08 | (uint64_t)dev << 32, bits - 1,
              (valid ? 1ull << 63 : 0) | (ITT + dev * 0x100), 0);
}

static void mapc(Its *t, uint16_t icid, unsigned cpu, bool valid)
{
    cmd_write(t, 0x09, 0, (valid ? 1ull << 63 : 0) | (uint64_t)cpu << 16 |
              icid, 0);
}

static void mapti(Its *t, uint32_t dev, uint32_t ev, uint32_t intid,
                  uint16_t icid)
{
    cmd_write(t, 0x0a | (uint64_t)dev << 32, ev | (uint64_t)intid << 32,
              icid, 0);
}

static void devev_cmd(Its *t, uint8_t op, uint32_t dev, uint32_t ev,
                      uint64_t d2)
{
    cmd_write(t, op | (uint64_t)dev << 32, ev, d2, 0);
}

static bool lpi_pending(QTestState *qts, int cpu, uint32_t intid)
{
    return (qtest_readb(qts, PENDTAB(cpu) + intid / 8) >> (intid % 8)) & 1;
}

static void lpi_config(QTestState *qts, uint32_t intid, uint8_t cfg)
{
    qtest_writeb(qts, PROPTAB + intid - 8192, cfg);
}

/*
 * Redistributors with LPIs on, the tables and the queue in RAM, the ITS
 * enabled. Returns with nothing mapped.
 */
static void its_setup(Its *t, QTestState *qts, int ncpu)
{
    *t = (Its) { .qts = qts };
    for (int c = 0; c < ncpu; c++) {
        qtest_writeq(qts, GICR(c) + 0x70, PROPTAB | (LPI_IDBITS - 1));
        qtest_writeq(qts, GICR(c) + 0x78, PENDTAB(c));
        qtest_writel(qts, GICR(c) + 0x0, 1);            /* EnableLPIs */
    }
    qtest_writeq(qts, GITS_BASER(0),
                 qtest_readq(qts, GITS_BASER(0)) | 1ull << 63 | DEVTAB);
    qtest_writeq(qts, GITS_BASER(1),
                 qtest_readq(qts, GITS_BASER(1)) | 1ull << 63 | COLLTAB);
    qtest_writeq(qts, GITS_CBASER, 1ull << 63 | CMDQ);   /* Size 0: 4 KiB */
    qtest_writeq(qts, GITS_CWRITER, 0);
    qtest_writel(qts, GITS_CTLR, 1);
}

static QTestState *its_start(Its *t, int ncpu, const char *extra)
{
    QTestState *qts = qtest_initf("-M virt,gic-version=3%s -smp %d -m 256M",
                                  extra, ncpu);

    its_setup(t, qts, ncpu);
    return qts;
}

static void test_id_registers(void)
{
    QTestState *qts = qtest_init("-M virt,gic-version=3");
    uint64_t typer = qtest_readq(qts, GITS_TYPER);

    g_assert_cmphex(qtest_readl(qts, GITS_PIDR2) & 0xf0, ==, 0x30);
    g_assert_cmphex(typer & 1, ==, 1);                  /* Physical */
    g_assert_cmpuint(((typer >> 4) & 0xf) + 1, ==, 8);  /* ITT entry size */
    g_assert_cmpuint(((typer >> 8) & 0x1f) + 1, ==, 16);  /* EventID bits */
    g_assert_cmpuint(((typer >> 13) & 0x1f) + 1, ==, 16); /* DeviceID bits */
    g_assert_cmphex((typer >> 19) & 1, ==, 0);          /* PTA: PE numbers */
    g_assert_cmphex((typer >> 36) & 1, ==, 1);          /* CIL */
    /* 32-bit halves give the same value; writes do nothing. */
    g_assert_cmphex(qtest_readl(qts, GITS_TYPER + 4), ==, typer >> 32);
    qtest_writel(qts, GITS_TYPER, 0);
    qtest_writel(qts, GITS_IIDR, 0);
    g_assert_cmphex(qtest_readq(qts, GITS_TYPER), ==, typer);
    g_assert_cmphex(qtest_readl(qts, GITS_IIDR) & 0xfff, ==, 0x43b);
    /* Disabled and idle: Quiescent. */
    g_assert_cmphex(qtest_readl(qts, GITS_CTLR), ==, 1u << 31);
    /* The GIC says it has LPIs, 16 INTID bits. */
    g_assert_cmphex((qtest_readl(qts, GICD + 4) >> 17) & 1, ==, 1);
    g_assert_cmpuint(((qtest_readl(qts, GICD + 4) >> 19) & 0x1f) + 1, ==, 16);
    g_assert_cmphex(qtest_readq(qts, GICR(0) + 8) & 1, ==, 1);  /* PLPIS */
    qtest_quit(qts);
}

static void test_its_off(void)
{
    QTestState *qts = qtest_init("-M virt,gic-version=3,its=off");

    /* No ITS frame (reads as a hole), and no LPIs in the GIC. */
    g_assert_cmphex(qtest_readl(qts, GITS_PIDR2), ==, 0);
    g_assert_cmphex((qtest_readl(qts, GICD + 4) >> 17) & 1, ==, 0);
    g_assert_cmphex(qtest_readq(qts, GICR(0) + 8) & 1, ==, 0);
    qtest_quit(qts);
}

static void test_baser(void)
{
    QTestState *qts = qtest_init("-M virt,gic-version=3");
    uint64_t b0 = qtest_readq(qts, GITS_BASER(0));
    uint64_t b1 = qtest_readq(qts, GITS_BASER(1));

    /* Device table, collection table, 8-byte entries, 64 KiB pages. */
    g_assert_cmpuint((b0 >> 56) & 7, ==, 1);
    g_assert_cmpuint((b1 >> 56) & 7, ==, 4);
    g_assert_cmpuint(((b0 >> 48) & 0x1f) + 1, ==, 8);
    g_assert_cmpuint(((b1 >> 48) & 0x1f) + 1, ==, 8);
    g_assert_cmphex(b0 & 0x300, ==, 0x200);
    for (int n = 2; n < 8; n++) {
        qtest_writeq(qts, GITS_BASER(n), ~0ull);
        g_assert_cmphex(qtest_readq(qts, GITS_BASER(n)), ==, 0);
    }
    /* Type and entry size are read-only; address, size, page size stick. */
    qtest_writeq(qts, GITS_BASER(0), 0x0000123456780101ull);
    g_assert_cmphex(qtest_readq(qts, GITS_BASER(0)), ==,
                    0x0107123456780101ull);
    /* Halves: the high word alone. */
    qtest_writel(qts, GITS_BASER(0) + 4, 0x80000000);
    g_assert_cmphex(qtest_readq(qts, GITS_BASER(0)) >> 63, ==, 1);
    /* While enabled, writes are ignored. */
    qtest_writel(qts, GITS_CTLR, 1);
    qtest_writeq(qts, GITS_BASER(1), 0);
    g_assert_cmphex(qtest_readq(qts, GITS_BASER(1)), ==, b1);
    qtest_writeq(qts, GITS_CBASER, 1ull << 63 | CMDQ);
    g_assert_cmphex(qtest_readq(qts, GITS_CBASER), ==, 0);
    qtest_quit(qts);
}

static void test_translater_sets_pending(void)
{
    Its t;
    QTestState *qts = its_start(&t, 1, "");

    lpi_config(qts, 8200, 0xa0 | 1);
    mapd(&t, 0, 5, true);
    mapc(&t, 0, 0, true);
    mapti(&t, 0, 7, 8200, 0);
    cmd_write(&t, 0x05, 0, 0, 0);                       /* SYNC rd 0 */
    cmd_post(&t);
    g_assert_cmphex(qtest_readq(qts, GITS_CREADR), ==, 4 * 32);
    g_assert_false(lpi_pending(qts, 0, 8200));
    /* qtest writes carry requester id 0: DeviceID 0. */
    qtest_writel(qts, GITS_TRANSLATER, 7);
    g_assert_true(lpi_pending(qts, 0, 8200));
    g_assert_false(lpi_pending(qts, 0, 8201));
    /* An event that is not mapped, or past the ITT, changes nothing. */
    qtest_writel(qts, GITS_TRANSLATER, 6);
    qtest_writel(qts, GITS_TRANSLATER, 40);
    g_assert_cmphex(qtest_readb(qts, PENDTAB(0) + 8201 / 8), ==, 1);
    /* 16-bit writes are MSIs too. */
    devev_cmd(&t, 0x04, 0, 7, 0);                       /* CLEAR */
    cmd_post(&t);
    g_assert_false(lpi_pending(qts, 0, 8200));
    qtest_writew(qts, GITS_TRANSLATER, 7);
    g_assert_true(lpi_pending(qts, 0, 8200));
    qtest_quit(qts);
}

static void test_int_clear_discard(void)
{
    Its t;
    QTestState *qts = its_start(&t, 1, "");

    mapd(&t, 3, 4, true);
    mapc(&t, 5, 0, true);
    mapti(&t, 3, 2, 9000, 5);
    devev_cmd(&t, 0x03, 3, 2, 0);                       /* INT */
    cmd_post(&t);
    g_assert_true(lpi_pending(qts, 0, 9000));
    devev_cmd(&t, 0x04, 3, 2, 0);                       /* CLEAR */
    cmd_post(&t);
    g_assert_false(lpi_pending(qts, 0, 9000));
    devev_cmd(&t, 0x03, 3, 2, 0);
    devev_cmd(&t, 0x0f, 3, 2, 0);                       /* DISCARD */
    cmd_post(&t);
    g_assert_false(lpi_pending(qts, 0, 9000));
    /* The mapping is gone: INT does nothing now. */
    devev_cmd(&t, 0x03, 3, 2, 0);
    cmd_post(&t);
    g_assert_false(lpi_pending(qts, 0, 9000));
    /* MAPI: the EventID is the INTID. */
    mapd(&t, 4, 16, true);
    cmd_write(&t, 0x0b | 4ull << 32, 8700, 5, 0);
    devev_cmd(&t, 0x03, 4, 8700, 0);
    cmd_post(&t);
    g_assert_cmphex(qtest_readq(qts, GITS_CREADR), ==, t.cwriter);
    g_assert_true(lpi_pending(qts, 0, 8700));
    qtest_quit(qts);
}

static void test_movi_movall(void)
{
    Its t;
    QTestState *qts = its_start(&t, 2, "");

    mapd(&t, 1, 8, true);
    mapc(&t, 0, 0, true);
    mapc(&t, 1, 1, true);
    mapti(&t, 1, 200, 8300, 0);
    mapti(&t, 1, 201, 8301, 0);
    devev_cmd(&t, 0x03, 1, 200, 0);
    cmd_post(&t);
    g_assert_true(lpi_pending(qts, 0, 8300));
    devev_cmd(&t, 0x01, 1, 200, 1);                     /* MOVI to icid 1 */
    cmd_post(&t);
    g_assert_false(lpi_pending(qts, 0, 8300));
    g_assert_true(lpi_pending(qts, 1, 8300));
    /* Later events of that ITE go to CPU 1. */
    devev_cmd(&t, 0x04, 1, 200, 0);
    devev_cmd(&t, 0x03, 1, 200, 0);
    devev_cmd(&t, 0x03, 1, 201, 0);
    cmd_post(&t);
    g_assert_true(lpi_pending(qts, 1, 8300));
    g_assert_true(lpi_pending(qts, 0, 8301));
    /* MOVALL 0 -> 1 */
    cmd_write(&t, 0x0e, 0, 0, 1ull << 16);
    cmd_post(&t);
    g_assert_false(lpi_pending(qts, 0, 8301));
    g_assert_true(lpi_pending(qts, 1, 8301));
    qtest_quit(qts);
}

static void test_command_errors_skip(void)
{
    Its t;
    QTestState *qts = its_start(&t, 1, "");

    mapc(&t, 0, 0, true);
    devev_cmd(&t, 0x03, 12, 0, 0);              /* INT: device not mapped */
    mapc(&t, 1, 7, true);                       /* no redistributor 7 */
    cmd_write(&t, 0x2a, 0, 0, 0);               /* not a command */
    mapd(&t, 12, 17, true);                     /* more EventID bits than 16 */
    mapd(&t, 12, 2, true);
    mapti(&t, 12, 4, 8400, 0);                  /* event past 2 bits */
    mapti(&t, 12, 3, 100, 0);                   /* not an LPI INTID */
    mapti(&t, 12, 1, 8400, 1);                  /* collection 1 unmapped */
    devev_cmd(&t, 0x03, 12, 1, 0);              /* -> INT dropped */
    mapti(&t, 12, 2, 8401, 0);
    devev_cmd(&t, 0x03, 12, 2, 0);
    cmd_post(&t);
    /* Every bad command was skipped, and the queue went on. */
    g_assert_cmphex(qtest_readq(qts, GITS_CREADR), ==, t.cwriter);
    g_assert_false(lpi_pending(qts, 0, 8400));
    g_assert_true(lpi_pending(qts, 0, 8401));
    g_assert_false(lpi_pending(qts, 0, 100));
    /* CWRITER past the end of the queue is ignored. */
    qtest_writeq(qts, GITS_CWRITER, 0x10000);
    g_assert_cmphex(qtest_readq(qts, GITS_CWRITER), ==, t.cwriter);
    qtest_quit(qts);
}

static void test_memory_error_stalls(void)
{
    Its t;
    QTestState *qts = its_start(&t, 1, "");

    /* A device table outside RAM: MAPD cannot write its entry. */
    qtest_writel(qts, GITS_CTLR, 0);
    qtest_writeq(qts, GITS_BASER(0),
                 (qtest_readq(qts, GITS_BASER(0)) & ~0xfffffffff000ull) |
                 0x20000000ull);         /* PCIe MMIO hole, nothing there */
    qtest_writel(qts, GITS_CTLR, 1);
    mapd(&t, 1, 4, true);
    mapc(&t, 0, 0, true);
    cmd_post(&t);
    g_assert_cmphex(qtest_readq(qts, GITS_CREADR), ==, 0 | 1);  /* Stalled */
    /* Fix the table, then Retry: the queue runs to its end. */
    qtest_writel(qts, GITS_CTLR, 0);
    qtest_writeq(qts, GITS_BASER(0),
                 (qtest_readq(qts, GITS_BASER(0)) & ~0xfffffffff000ull) |
                 DEVTAB);
    qtest_writel(qts, GITS_CTLR, 1);
    g_assert_cmphex(qtest_readq(qts, GITS_CREADR), ==, 1);
    qtest_writeq(qts, GITS_CWRITER, t.cwriter | 1);
    g_assert_cmphex(qtest_readq(qts, GITS_CREADR), ==, 64);
    qtest_quit(qts);
}

static void test_disabled_its_and_rdist(void)
{
    Its t;
    QTestState *qts = its_start(&t, 2, "");

    mapd(&t, 0, 4, true);
    mapc(&t, 0, 1, true);
    mapti(&t, 0, 1, 8500, 0);
    cmd_post(&t);
    /* Commands wait while the ITS is disabled, and run when enabled. */
    qtest_writel(qts, GITS_CTLR, 0);
    devev_cmd(&t, 0x03, 0, 1, 0);
    cmd_post(&t);
    g_assert_false(lpi_pending(qts, 1, 8500));
    qtest_writel(qts, GITS_TRANSLATER, 1);              /* ignored */
    g_assert_false(lpi_pending(qts, 1, 8500));
    qtest_writel(qts, GITS_CTLR, 1);
    g_assert_true(lpi_pending(qts, 1, 8500));
    devev_cmd(&t, 0x04, 0, 1, 0);
    cmd_post(&t);
    g_assert_false(lpi_pending(qts, 1, 8500));
    /* A redistributor with EnableLPIs = 0 drops the LPI. */
    qtest_writel(qts, GICR(1), 0);
    g_assert_cmphex(qtest_readl(qts, GICR(1)), ==, 0);
    qtest_writel(qts, GITS_TRANSLATER, 1);
    g_assert_false(lpi_pending(qts, 1, 8500));
    /* Pending bits written while disabled are taken in on enable. */
    qtest_writeb(qts, PENDTAB(1) + 8501 / 8, 1u << (8501 % 8));
    qtest_writel(qts, GICR(1), 1);
    mapti(&t, 0, 2, 8501, 0);
    devev_cmd(&t, 0x04, 0, 2, 0);                       /* CLEAR sees it */
    cmd_post(&t);
    g_assert_false(lpi_pending(qts, 1, 8501));
    qtest_quit(qts);
}

static void test_rdist_registers(void)
{
    QTestState *qts = qtest_init("-M virt,gic-version=3 -m 256M");

    qtest_writeq(qts, GICR(0) + 0x70, 0xffffffffffffffffull);
    /* IDbits, caches, shareability and PA [51:12] are kept. */
    g_assert_cmphex(qtest_readq(qts, GICR(0) + 0x70), ==,
                    0x070fffffffffff9full);
    qtest_writel(qts, GICR(0) + 0x78, 0x40410000);
    qtest_writel(qts, GICR(0) + 0x7c, 0x40000000);      /* PTZ: reads 0 */
    g_assert_cmphex(qtest_readq(qts, GICR(0) + 0x78), ==, 0x40410000);
    qtest_writel(qts, GICR(0) + 0x70, PROPTAB | 15);
    qtest_writel(qts, GICR(0) + 0x74, 0);
    qtest_writel(qts, GICR(0), 1);
    g_assert_cmphex(qtest_readl(qts, GICR(0)), ==, 1);
    /* Fixed once LPIs are on. */
    qtest_writeq(qts, GICR(0) + 0x70, 0);
    g_assert_cmphex(qtest_readq(qts, GICR(0) + 0x70), ==, PROPTAB | 15);
    qtest_quit(qts);
}

/* ECAM config access to bus 0 */
static uint64_t cfg(int devfn, int reg)
{
    return ECAM + ((uint64_t)devfn << 12) + reg;
}

static void test_edu_msi_through_its(void)
{
    Its t;
    QTestState *qts = its_start(&t, 1, " -device edu,addr=2");
    uint8_t cap;

    /* The MSI targets GITS_TRANSLATER, data = EventID. */
    g_assert_cmphex(qtest_readl(qts, cfg(EDU_DEVFN, 0)), ==, 0x11e81234);
    cap = qtest_readb(qts, cfg(EDU_DEVFN, 0x34));
    while (cap && qtest_readb(qts, cfg(EDU_DEVFN, cap)) != 0x05) {
        cap = qtest_readb(qts, cfg(EDU_DEVFN, cap + 1));
    }
    g_assert_cmphex(cap, !=, 0);
    qtest_writel(qts, cfg(EDU_DEVFN, cap + 4), (uint32_t)GITS_TRANSLATER);
    qtest_writel(qts, cfg(EDU_DEVFN, cap + 8), 0);
    qtest_writew(qts, cfg(EDU_DEVFN, cap + 12), 5);
    qtest_writew(qts, cfg(EDU_DEVFN, cap + 2),
                 qtest_readw(qts, cfg(EDU_DEVFN, cap + 2)) | 1);
    qtest_writel(qts, cfg(EDU_DEVFN, 0x10), (uint32_t)EDU_BAR);
    qtest_writew(qts, cfg(EDU_DEVFN, 4), 0x6);          /* MEM | MASTER */

    /* DeviceID = requester id 00:02.0 = 0x10; DeviceID 0 gets a decoy. */
    mapd(&t, EDU_DEVFN, 4, true);
    mapd(&t, 0, 4, true);
    mapc(&t, 0, 0, true);
    mapti(&t, EDU_DEVFN, 5, 8600, 0);
    mapti(&t, 0, 5, 8601, 0);
    cmd_post(&t);
    qtest_writel(qts, EDU_BAR + 0x60, 1);               /* raise: MSI */
    g_assert_true(lpi_pending(qts, 0, 8600));
    g_assert_false(lpi_pending(qts, 0, 8601));
    /* Without bus mastering the MSI cannot leave the function. */
    devev_cmd(&t, 0x04, EDU_DEVFN, 5, 0);
    cmd_post(&t);
    qtest_writel(qts, EDU_BAR + 0x64, 1);               /* ack */
    qtest_writew(qts, cfg(EDU_DEVFN, 4), 0x2);
    qtest_writel(qts, EDU_BAR + 0x60, 1);
    g_assert_false(lpi_pending(qts, 0, 8600));
    qtest_quit(qts);
}

/*
 * MSI-X: virtio-rng-pci at 00:03.0 (DeviceID 0x18) fills a buffer on its
 * queue 0 and signals MSI-X vector 0, whose table entry points at
 * GITS_TRANSLATER. While the vector is masked the MSI waits in the PBA and
 * goes out when unmasked.
 */
#define VRNG_DEVFN      0x18
#define VRNG_BAR1       0x10100000ULL           /* MSI-X table + PBA */
#define VRNG_BAR4       0x10200000ULL           /* modern virtio regions */
#define VQ_DESC         (RAM + 0x500000)
#define VQ_AVAIL        (RAM + 0x501000)
#define VQ_USED         (RAM + 0x502000)
#define VQ_BUF          (RAM + 0x503000)

static void vrng_request(QTestState *qts, uint16_t idx)
{
    /* One 16-byte device-writable buffer per request, ring slot = idx. */
    qtest_writeq(qts, VQ_DESC + 16 * (idx % 8), VQ_BUF + 16 * (idx % 8));
    qtest_writel(qts, VQ_DESC + 16 * (idx % 8) + 8, 16);
    qtest_writew(qts, VQ_DESC + 16 * (idx % 8) + 12, 2);        /* WRITE */
    qtest_writew(qts, VQ_AVAIL + 4 + 2 * (idx % 8), idx % 8);
    qtest_writew(qts, VQ_AVAIL + 2, idx + 1);
    qtest_writew(qts, VRNG_BAR4 + 0x3000 +
                 4 * qtest_readw(qts, VRNG_BAR4 + 0x1e), 0);    /* notify */
}

static void test_virtio_msix_through_its(void)
{
    Its t;
    QTestState *qts = its_start(&t, 1, " -device virtio-rng-pci,addr=3");
    uint8_t cap;
    uint32_t table;
    uint64_t vec0;

    cap = qtest_readb(qts, cfg(VRNG_DEVFN, 0x34));
    while (cap && qtest_readb(qts, cfg(VRNG_DEVFN, cap)) != 0x11) {
        cap = qtest_readb(qts, cfg(VRNG_DEVFN, cap + 1));
    }
    g_assert_cmphex(cap, !=, 0);
    qtest_writel(qts, cfg(VRNG_DEVFN, 0x14), (uint32_t)VRNG_BAR1);
    qtest_writel(qts, cfg(VRNG_DEVFN, 0x20), (uint32_t)VRNG_BAR4);
    qtest_writel(qts, cfg(VRNG_DEVFN, 0x24), 0);
    qtest_writew(qts, cfg(VRNG_DEVFN, 4), 0x6);         /* MEM | MASTER */
    table = qtest_readl(qts, cfg(VRNG_DEVFN, cap + 4));
    g_assert_cmpuint(table & 7, ==, 1);                 /* in BAR1 */
    vec0 = VRNG_BAR1 + (table & ~7u);
    qtest_writel(qts, vec0 + 0, (uint32_t)GITS_TRANSLATER);
    qtest_writel(qts, vec0 + 4, 0);
    qtest_writel(qts, vec0 + 8, 9);                     /* EventID */
    qtest_writel(qts, vec0 + 12, 1);                    /* masked */
    qtest_writew(qts, cfg(VRNG_DEVFN, cap + 2), 0x8000);    /* MSI-X on */

    /* virtio 1.0 driver set-up of queue 0, vector 0. */
    qtest_writeb(qts, VRNG_BAR4 + 0x14, 0);
    qtest_writeb(qts, VRNG_BAR4 + 0x14, 1 | 2);         /* ACK | DRIVER */
    qtest_writel(qts, VRNG_BAR4 + 0x08, 1);
    qtest_writel(qts, VRNG_BAR4 + 0x0c, 1);             /* VERSION_1 */
    qtest_writeb(qts, VRNG_BAR4 + 0x14, 1 | 2 | 8);     /* FEATURES_OK */
    qtest_writew(qts, VRNG_BAR4 + 0x16, 0);
    qtest_writew(qts, VRNG_BAR4 + 0x18, 8);
    qtest_writew(qts, VRNG_BAR4 + 0x1a, 0);             /* queue vector 0 */
    g_assert_cmpuint(qtest_readw(qts, VRNG_BAR4 + 0x1a), ==, 0);
    /* 64-bit addresses as two 32-bit halves (the common config is 1..4). */
    qtest_writel(qts, VRNG_BAR4 + 0x20, (uint32_t)VQ_DESC);
    qtest_writel(qts, VRNG_BAR4 + 0x24, 0);
    qtest_writel(qts, VRNG_BAR4 + 0x28, (uint32_t)VQ_AVAIL);
    qtest_writel(qts, VRNG_BAR4 + 0x2c, 0);
    qtest_writel(qts, VRNG_BAR4 + 0x30, (uint32_t)VQ_USED);
    qtest_writel(qts, VRNG_BAR4 + 0x34, 0);
    qtest_writew(qts, VRNG_BAR4 + 0x1c, 1);
    qtest_writeb(qts, VRNG_BAR4 + 0x14, 1 | 2 | 8 | 4); /* DRIVER_OK */

    mapd(&t, VRNG_DEVFN, 4, true);
    mapc(&t, 0, 0, true);
    mapti(&t, VRNG_DEVFN, 9, 8800, 0);
    cmd_post(&t);

    /* Masked: the buffer is used, the MSI waits in the PBA. */
    vrng_request(qts, 0);
    g_assert_cmpuint(qtest_readw(qts, VQ_USED + 2), ==, 1);
    g_assert_false(lpi_pending(qts, 0, 8800));
    g_assert_cmphex(qtest_readl(qts, VRNG_BAR1 +
                                (qtest_readl(qts, cfg(VRNG_DEVFN, cap + 8)) &
                                 ~7u)) & 1, ==, 1);
    qtest_writel(qts, vec0 + 12, 0);                    /* unmask: sent */
    g_assert_true(lpi_pending(qts, 0, 8800));

    /* Unmasked: the next used buffer signals at once. */
    devev_cmd(&t, 0x04, VRNG_DEVFN, 9, 0);              /* CLEAR */
    cmd_post(&t);
    g_assert_false(lpi_pending(qts, 0, 8800));
    vrng_request(qts, 1);
    g_assert_cmpuint(qtest_readw(qts, VQ_USED + 2), ==, 2);
    g_assert_true(lpi_pending(qts, 0, 8800));
    qtest_quit(qts);
}

/*
 * Guest-triggerable conditions never crash: random commands (real opcodes
 * with random operands, and junk) through tables that are partly valid,
 * random register writes to the ITS and the LPI registers, with LPIs
 * enabled and disabled under it. The emulator must answer afterwards and
 * a clean mapping must still work.
 */
static void test_random_guest_survives(void)
{
    static const uint8_t ops[] = { 0x01, 0x03, 0x04, 0x05, 0x08, 0x09, 0x0a,
                                   0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x00, 0x2a };
    static const uint64_t regs[] = { 0x0, 0x4, 0x8, 0x80, 0x84, 0x88, 0x90,
                                     0x100, 0x104, 0x108, 0x10c, 0x110,
                                     0xffe8, 0x10040, 0x10044 };
    Its t;
    QTestState *qts = its_start(&t, 2, "");
    GRand *r = g_rand_new_with_seed(g_test_rand_int());

    for (int round = 0; round < 20; round++) {
        for (int i = 0; i < 40; i++) {
            uint64_t d0 = ops[g_rand_int_range(r, 0, sizeof(ops))] |
                          (uint64_t)g_rand_int_range(r, 0, 20) << 32;
            uint64_t d1 = g_rand_int_range(r, 0, 40) |
                          (uint64_t)g_rand_int_range(r, 8180, 8300) << 32 |
                          (g_rand_boolean(r) ? (uint64_t)g_rand_int(r) : 0);
            uint64_t d2 = (g_rand_boolean(r) ? 1ull << 63 : 0) |
                          (uint64_t)g_rand_int_range(r, 0, 3) << 16 |
                          g_rand_int_range(r, 0, 4) |
                          (g_rand_boolean(r) ? ITT : (uint64_t)g_rand_int(r)
                           << 8);
            uint64_t d3 = (uint64_t)g_rand_int_range(r, 0, 3) << 16;

            cmd_write(&t, d0, d1, d2, d3);
        }
        cmd_post(&t);
        /* A stalled queue is let go again. */
        qtest_writeq(qts, GITS_CWRITER, t.cwriter | 1);
        for (int i = 0; i < 10; i++) {
            uint64_t off = regs[g_rand_int_range(r, 0, G_N_ELEMENTS(regs))];
            uint64_t v = (uint64_t)g_rand_int(r) << 32 | g_rand_int(r);

            if (off == 0x0 || off == 0x80) {
                /* keep the queue mostly usable */
                v = off == 0x0 ? (v & 1) : (1ull << 63 | CMDQ);
            }
            if (off & 4) {
                qtest_writel(qts, ITS + off, v);
            } else if (off >= 0x10000) {
                qtest_writel(qts, ITS + off, v & 0xff);
            } else {
                qtest_writeq(qts, ITS + off, v);
            }
        }
        qtest_writel(qts, GICR(round & 1), round & 2 ? 0 : 1);
        if (g_rand_boolean(r)) {
            qtest_writeq(qts, GICR(round & 1) + 0x70,
                          g_rand_boolean(r) ? (PROPTAB | 15)
                                            : (uint64_t)g_rand_int(r) << 12 |
                                              g_rand_int_range(r, 0, 32));
        }
        qtest_writel(qts, GITS_TRANSLATER, g_rand_int_range(r, 0, 40));
    }
    g_rand_free(r);

    /* Still alive; after a reset everything is back and works. */
    g_assert_cmphex(qtest_readl(qts, GITS_PIDR2), ==, 0x3b);
    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    qtest_qmp_eventwait(qts, "RESET");
    g_assert_cmphex(qtest_readl(qts, GITS_CTLR), ==, 1u << 31);
    g_assert_cmphex(qtest_readq(qts, GITS_CREADR), ==, 0);
    g_assert_cmphex(qtest_readl(qts, GICR(0)), ==, 0);
    g_assert_cmphex(qtest_readq(qts, GICR(1) + 0x70), ==, 0);
    qtest_memset(qts, PENDTAB(0), 0, 0x2000);
    qtest_memset(qts, DEVTAB, 0, 0x20000);
    its_setup(&t, qts, 2);
    mapd(&t, 0, 4, true);
    mapc(&t, 0, 0, true);
    mapti(&t, 0, 1, 8192, 0);
    cmd_post(&t);
    qtest_writel(qts, GITS_TRANSLATER, 1);
    g_assert_true(lpi_pending(qts, 0, 8192));
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    if (!strcmp(qtest_get_arch(), "aarch64")) {
        qtest_add_func("/its/id-registers", test_id_registers);
        qtest_add_func("/its/its-off", test_its_off);
        qtest_add_func("/its/baser", test_baser);
        qtest_add_func("/its/rdist-registers", test_rdist_registers);
        qtest_add_func("/its/translater-sets-pending",
                       test_translater_sets_pending);
        qtest_add_func("/its/int-clear-discard", test_int_clear_discard);
        qtest_add_func("/its/movi-movall", test_movi_movall);
        qtest_add_func("/its/command-errors-skip", test_command_errors_skip);
        qtest_add_func("/its/memory-error-stalls", test_memory_error_stalls);
        qtest_add_func("/its/disabled-its-and-rdist",
                       test_disabled_its_and_rdist);
        qtest_add_func("/its/edu-msi", test_edu_msi_through_its);
        qtest_add_func("/its/virtio-msix", test_virtio_msix_through_its);
        qtest_add_func("/its/random-guest-survives",
                       test_random_guest_survives);
    }
    return g_test_run();
}
