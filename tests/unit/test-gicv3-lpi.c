/*
 * test-gicv3-lpi.c - LPIs through the GICv3 CPU interface, which qtest
 * cannot reach: a GICv3 with "has-lpi" and an ITS in the system memory map
 * with RAM for the tables, LPIs made pending by GITS_TRANSLATER writes
 * that carry a requester id, and taken, preempted and ended through
 * gicv3_icc_read/write as the CPU model calls them. The IRQ outputs are
 * recorded.
 */
#include "util/osdep.h"
#include "hw/sysbus.h"
#include "hw/qdev-properties.h"
#include "hw/irq.h"
#include "hw/intc/arm_gicv3.h"
#include "hw/intc/arm_gicv3_its.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"
#include "util/error.h"
#include "util/log.h"

#define GICD        0x08000000ull
#define GICR        0x080a0000ull
#define RD(c)       (GICR + (c) * 0x20000ull)
#define ITS         0x08080000ull
#define TRANSLATER  (ITS + 0x10040)
#define NUM_IRQ     128
#define NCPU        2

#define RAM         0x40000000ull
#define RAM_SIZE    (16 * MiB)
#define CMDQ        (RAM + 0x100000)
#define DEVTAB      (RAM + 0x200000)
#define COLLTAB     (RAM + 0x210000)
#define ITT         (RAM + 0x220000)
#define PROPTAB     (RAM + 0x300000)
#define PENDTAB(c)  (RAM + 0x400000 + (c) * 0x10000ull)

static struct {
    MemoryRegion ram;
    DeviceState *gic, *its;
    GICv3State *s;
    qemu_irq lines[2 * NCPU];
    int irq[NCPU];
    uint64_t cwriter;
} T;

static void out_handler(void *opaque, int n, int level)
{
    if (n < NCPU) {
        T.irq[n] = level;
    }
}

static void wr(hwaddr a, uint64_t v, unsigned size)
{
    MemTxResult r;

    switch (size) {
    case 1:
        address_space_stb(&address_space_memory, a, v, MEMTXATTRS_UNSPECIFIED,
                          &r);
        break;
    case 4:
        address_space_stl_le(&address_space_memory, a, v,
                             MEMTXATTRS_UNSPECIFIED, &r);
        break;
    default:
        address_space_stq_le(&address_space_memory, a, v,
                             MEMTXATTRS_UNSPECIFIED, &r);
        break;
    }
    g_assert_cmphex(r, ==, MEMTX_OK);
}

static uint64_t rdq(hwaddr a)
{
    MemTxResult r;
    uint64_t v = address_space_ldq_le(&address_space_memory, a,
                                      MEMTXATTRS_UNSPECIFIED, &r);

    g_assert_cmphex(r, ==, MEMTX_OK);
    return v;
}

/* An MSI as a PCI function sends it: a DWORD with its requester id. */
static void msi(uint16_t requester, uint32_t eventid)
{
    MemTxResult r;

    address_space_stl_le(&address_space_memory, TRANSLATER, eventid,
                         (MemTxAttrs) { .requester_id = requester,
                                        .memory = 1 }, &r);
    g_assert_cmphex(r, ==, MEMTX_OK);
}

static void cmd(uint64_t d0, uint64_t d1, uint64_t d2)
{
    wr(CMDQ + T.cwriter, d0, 8);
    wr(CMDQ + T.cwriter + 8, d1, 8);
    wr(CMDQ + T.cwriter + 16, d2, 8);
    wr(CMDQ + T.cwriter + 24, 0, 8);
    T.cwriter += 32;
    wr(ITS + 0x88, T.cwriter, 8);
    g_assert_cmphex(rdq(ITS + 0x90), ==, T.cwriter);   /* consumed, no stall */
}

static void lpi_config(uint32_t intid, uint8_t cfg)
{
    wr(PROPTAB + intid - 8192, cfg, 1);
}

/* Map (@dev, @ev) to @intid on CPU @cpu (collection = cpu). */
static void map_event(uint16_t dev, uint32_t ev, uint32_t intid, int cpu)
{
    cmd(0x08 | (uint64_t)dev << 32, 16 - 1, 1ull << 63 | (ITT + dev * 0x1000));
    cmd(0x09, 0, 1ull << 63 | (uint64_t)cpu << 16 | cpu);
    cmd(0x0a | (uint64_t)dev << 32, ev | (uint64_t)intid << 32, cpu);
}

static uint64_t icc(int cpu, int reg)
{
    return gicv3_icc_read(T.s, cpu, reg);
}

static void icc_w(int cpu, int reg, uint64_t v)
{
    gicv3_icc_write(T.s, cpu, reg, v);
}

static bool pend_bit(int cpu, uint32_t intid)
{
    uint8_t b = address_space_ldub(&address_space_memory,
                                   PENDTAB(cpu) + intid / 8,
                                   MEMTXATTRS_UNSPECIFIED, NULL);

    return (b >> (intid % 8)) & 1;
}

static void setup(void)
{
    SysBusDevice *sbd;
    GError *err = NULL;
    MemoryRegion *sys = get_system_memory();

    if (T.gic) {
        for (int i = 0; i < 2; i++) {
            memory_region_del_subregion(sys, sysbus_mmio_get_region(
                                                 SYS_BUS_DEVICE(T.gic), i));
        }
        memory_region_del_subregion(sys, sysbus_mmio_get_region(
                                             SYS_BUS_DEVICE(T.its), 0));
        qdev_unrealize(T.its);
        qdev_unrealize(T.gic);
        for (int i = 0; i < 2 * NCPU; i++) {
            qemu_free_irq(T.lines[i]);
        }
    } else {
        g_assert_true(memory_region_init_ram(&T.ram, NULL, "ram", RAM_SIZE,
                                             &err));
        memory_region_add_subregion(sys, RAM, &T.ram);
    }
    memset(memory_region_get_ram_ptr(&T.ram), 0, RAM_SIZE);
    memset(T.irq, 0, sizeof(T.irq));
    T.cwriter = 0;

    T.gic = qdev_new(TYPE_ARM_GICV3);
    qdev_prop_set_uint32(T.gic, "num-cpu", NCPU);
    qdev_prop_set_uint32(T.gic, "num-irq", NUM_IRQ);
    qdev_prop_set_bit(T.gic, "has-lpi", true);
    sbd = SYS_BUS_DEVICE(T.gic);
    g_assert_true(sysbus_realize_and_unref(sbd, &err));
    g_assert_no_error(err);
    device_cold_reset(T.gic);
    T.s = ARM_GICV3(T.gic);
    memory_region_add_subregion(sys, GICD, sysbus_mmio_get_region(sbd, 0));
    memory_region_add_subregion(sys, GICR, sysbus_mmio_get_region(sbd, 1));
    for (int i = 0; i < 2 * NCPU; i++) {
        T.lines[i] = qemu_allocate_irq(out_handler, NULL, i);
        sysbus_connect_irq(sbd, i, T.lines[i]);
    }

    T.its = qdev_new(TYPE_ARM_GICV3_ITS);
    qdev_prop_set_link(T.its, "parent-gicv3", OBJECT(T.gic));
    g_assert_true(sysbus_realize_and_unref(SYS_BUS_DEVICE(T.its), &err));
    device_cold_reset(T.its);
    memory_region_add_subregion(sys, ITS, sysbus_mmio_get_region(
                                              SYS_BUS_DEVICE(T.its), 0));

    /* Group 1 on, CPU interfaces open, LPIs on in both redistributors. */
    wr(GICD, 0x2, 4);
    for (int c = 0; c < NCPU; c++) {
        wr(RD(c) + 0x14, 0, 4);
        icc_w(c, GICV3_ICC_PMR, 0xff);
        icc_w(c, GICV3_ICC_IGRPEN1, 1);
        wr(RD(c) + 0x70, PROPTAB | 15, 8);
        wr(RD(c) + 0x78, PENDTAB(c), 8);
        wr(RD(c), 1, 4);
    }
    wr(ITS + 0x100, rdq(ITS + 0x100) | 1ull << 63 | DEVTAB, 8);
    wr(ITS + 0x108, rdq(ITS + 0x108) | 1ull << 63 | COLLTAB, 8);
    wr(ITS + 0x80, 1ull << 63 | CMDQ, 8);
    wr(ITS, 1, 4);
}

static void setup_spi(int id, uint8_t prio)
{
    wr(GICD + 0x400 + id, prio, 1);
    wr(GICD + 0x80 + (id / 32) * 4, 1u << (id % 32), 4);   /* group 1 */
    wr(GICD + 0x6000 + id * 8, 0, 8);                      /* CPU 0 */
    wr(GICD + 0x100 + (id / 32) * 4, 1u << (id % 32), 4);  /* enable */
}

static void test_ack_eoi(void)
{
    setup();
    lpi_config(8192, 0x80 | 1);
    map_event(0x42, 5, 8192, 0);
    g_assert_cmpint(T.irq[0], ==, 0);
    msi(0x42, 5);
    g_assert_cmpint(T.irq[0], ==, 1);
    g_assert_cmpint(T.irq[1], ==, 0);
    g_assert_true(pend_bit(0, 8192));
    g_assert_cmpuint(icc(0, GICV3_ICC_HPPIR1), ==, 8192);
    g_assert_cmpuint(icc(0, GICV3_ICC_IAR1), ==, 8192);
    /* No active state: the pending bit is gone, the line drops. */
    g_assert_false(pend_bit(0, 8192));
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmpuint(icc(0, GICV3_ICC_RPR), ==, 0x80);
    /* Preemption level 0x80 >> 1 = 64: AP1R2 bit 0. */
    g_assert_cmphex(icc(0, GICV3_ICC_AP1R0 + 2), ==, 1);
    /* Another MSI while it runs: pending, but no preemption at 0x80. */
    msi(0x42, 5);
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_true(pend_bit(0, 8192));
    icc_w(0, GICV3_ICC_EOIR1, 8192);
    g_assert_cmpuint(icc(0, GICV3_ICC_RPR), ==, 0xff);
    g_assert_cmpint(T.irq[0], ==, 1);
    g_assert_cmpuint(icc(0, GICV3_ICC_IAR1), ==, 8192);
    icc_w(0, GICV3_ICC_EOIR1, 8192);
    g_assert_cmpuint(icc(0, GICV3_ICC_IAR1), ==, GICV3_SPURIOUS);
}

static void test_requester_id_is_device_id(void)
{
    setup();
    lpi_config(8300, 0x80 | 1);
    map_event(0x0108, 1, 8300, 1);          /* 01:01.0 */
    msi(0x0109, 1);                         /* another function */
    msi(0x0000, 1);
    g_assert_cmpint(T.irq[1], ==, 0);
    g_assert_false(pend_bit(1, 8300));
    msi(0x0108, 1);
    g_assert_cmpint(T.irq[1], ==, 1);
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmpuint(icc(1, GICV3_ICC_IAR1), ==, 8300);
}

static void test_priority_against_spi(void)
{
    setup();
    setup_spi(40, 0x90);
    lpi_config(8200, 0x80 | 1);
    lpi_config(8201, 0xa0 | 1);
    lpi_config(8202, 0x90 | 1);
    map_event(1, 0, 8200, 0);
    cmd(0x0a | 1ull << 32, 1 | 8201ull << 32, 0);
    cmd(0x0a | 1ull << 32, 2 | 8202ull << 32, 0);
    qemu_set_irq(qdev_get_gpio_in(T.gic, 40 - 32), 1);     /* SPI 40 */
    msi(1, 1);
    msi(1, 2);
    msi(1, 0);
    /* 0x80 LPI, then the 0x90 tie goes to the lower INTID (SPI 40). */
    g_assert_cmpuint(icc(0, GICV3_ICC_IAR1), ==, 8200);
    icc_w(0, GICV3_ICC_EOIR1, 8200);
    g_assert_cmpuint(icc(0, GICV3_ICC_IAR1), ==, 40);
    /* SPI 40 active at 0x90: LPI 8202 (0x90) and 8201 (0xa0) wait. */
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmpuint(icc(0, GICV3_ICC_HPPIR1), ==, 8202);
    /* A higher-priority LPI preempts the running SPI. */
    lpi_config(8203, 0x40 | 1);
    cmd(0x0a | 1ull << 32, 3 | 8203ull << 32, 0);
    msi(1, 3);
    g_assert_cmpint(T.irq[0], ==, 1);
    g_assert_cmpuint(icc(0, GICV3_ICC_IAR1), ==, 8203);
    icc_w(0, GICV3_ICC_EOIR1, 8203);
    qemu_set_irq(qdev_get_gpio_in(T.gic, 40 - 32), 0);
    icc_w(0, GICV3_ICC_EOIR1, 40);
    g_assert_cmpuint(icc(0, GICV3_ICC_IAR1), ==, 8202);
    icc_w(0, GICV3_ICC_EOIR1, 8202);
    g_assert_cmpuint(icc(0, GICV3_ICC_IAR1), ==, 8201);
    icc_w(0, GICV3_ICC_EOIR1, 8201);
    g_assert_cmpuint(icc(0, GICV3_ICC_IAR1), ==, GICV3_SPURIOUS);
}

static void test_config_cached_until_inv(void)
{
    setup();
    lpi_config(8400, 0x80);                 /* disabled */
    map_event(2, 0, 8400, 0);
    msi(2, 0);
    g_assert_true(pend_bit(0, 8400));
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmpuint(icc(0, GICV3_ICC_HPPIR1), ==, GICV3_SPURIOUS);
    /* Enabled in the table: nothing until INV (an unrelated update). */
    lpi_config(8400, 0x80 | 1);
    qemu_set_irq(qdev_get_gpio_in(T.gic, 1), 1);           /* SPI 33 */
    g_assert_cmpint(T.irq[0], ==, 0);
    cmd(0x0c | 2ull << 32, 0, 0);                          /* INV */
    g_assert_cmpint(T.irq[0], ==, 1);
    /* Disabled + INVALL: the line drops, the LPI stays pending. */
    lpi_config(8400, 0x80);
    cmd(0x0d, 0, 0);                                       /* INVALL 0 */
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_true(pend_bit(0, 8400));
}

static void test_enable_lpis_and_idbits(void)
{
    setup();
    lpi_config(8500, 0x80 | 1);
    map_event(3, 0, 8500, 0);
    msi(3, 0);
    g_assert_cmpint(T.irq[0], ==, 1);
    /* EnableLPIs off: not signalled, the state stays in the table. */
    wr(RD(0), 0, 4);
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_true(pend_bit(0, 8500));
    g_assert_cmpuint(icc(0, GICV3_ICC_IAR1), ==, GICV3_SPURIOUS);
    /* On again: taken in from the table. */
    wr(RD(0), 1, 4);
    g_assert_cmpint(T.irq[0], ==, 1);
    g_assert_cmpuint(icc(0, GICV3_ICC_IAR1), ==, 8500);
    icc_w(0, GICV3_ICC_EOIR1, 8500);
    /* PROPBASER.IDbits = 13: LPIs 8192..16383 only. */
    wr(RD(1), 0, 4);
    wr(RD(1) + 0x70, PROPTAB | 13, 8);
    wr(RD(1), 1, 4);
    lpi_config(16384, 0x80 | 1);
    map_event(4, 0, 16384, 1);
    msi(4, 0);
    g_assert_false(pend_bit(1, 16384));
    g_assert_cmpint(T.irq[1], ==, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/gic/v3-lpi/ack-eoi", test_ack_eoi);
    g_test_add_func("/gic/v3-lpi/requester-id-is-device-id",
                    test_requester_id_is_device_id);
    g_test_add_func("/gic/v3-lpi/priority-against-spi",
                    test_priority_against_spi);
    g_test_add_func("/gic/v3-lpi/config-cached-until-inv",
                    test_config_cached_until_inv);
    g_test_add_func("/gic/v3-lpi/enable-lpis-and-idbits",
                    test_enable_lpis_and_idbits);
    return g_test_run();
}
