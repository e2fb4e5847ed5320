/*
 * test-gicv3.c - the GICv3 model (hw/intc/arm_gicv3.c): distributor and
 * redistributors through MMIO in a private memory map, the CPU interface
 * through gicv3_icc_read/write as the CPU model will call it, and the
 * per-CPU IRQ/FIQ outputs recorded.
 */
#include "util/osdep.h"
#include "hw/sysbus.h"
#include "hw/qdev-properties.h"
#include "hw/irq.h"
#include "hw/intc/arm_gicv3.h"
#include "exec/memory.h"
#include "util/error.h"
#include "util/log.h"

#define GICD        0x08000000ull
#define GICR        0x080a0000ull
#define GICR2       0x40000000ull          /* second redistributor region */
#define RD(c)       (GICR + (c) * 0x20000ull)
#define SGI(c)      (RD(c) + 0x10000)
#define NUM_IRQ     128

static char *logname;

/* Guest errors go to a temporary log file the tests read back. */
static void log_setup(void)
{
    GError *err = NULL;
    int fd = g_file_open_tmp("test-gic-XXXXXX.log", &logname, &err);

    g_assert_no_error(err);
    close(fd);
    g_assert_true(log_set_file(logname, &err));
    log_set_mask(LOG_GUEST_ERROR | LOG_UNIMP);
}

static bool log_contains(const char *needle)
{
    char *text = NULL;
    bool found;

    log_flush();
    g_assert_true(g_file_get_contents(logname, &text, NULL, NULL));
    found = strstr(text, needle) != NULL;
    g_free(text);
    return found;
}

static struct {
    MemoryRegion root;
    AddressSpace as;
    bool as_ready;
    DeviceState *gic;
    qemu_irq lines[2 * GICV3_MAX_CPU];
    int nlines;
    GICv3State *s;
    int nregions;
    int irq[GICV3_MAX_CPU], fiq[GICV3_MAX_CPU];
} T;

static void out_handler(void *opaque, int n, int level)
{
    if (n >= GICV3_MAX_CPU) {
        T.fiq[n - GICV3_MAX_CPU] = level;
    } else {
        T.irq[n] = level;
    }
}

static void gic_new(int ncpu, int region0)
{
    SysBusDevice *sbd;
    GError *err = NULL;

    if (!T.as_ready) {
        memory_region_init(&T.root, NULL, "gicv3-test", UINT64_MAX);
        address_space_init(&T.as, &T.root, "gicv3-test");
        T.as_ready = true;
    }
    if (T.gic) {
        sbd = SYS_BUS_DEVICE(T.gic);
        for (int i = 0; i < T.nregions; i++) {
            memory_region_del_subregion(&T.root, sysbus_mmio_get_region(sbd, i));
        }
        qdev_unrealize(T.gic);
        for (int i = 0; i < T.nlines; i++) {
            qemu_free_irq(T.lines[i]);
        }
        T.nlines = 0;
    }
    memset(T.irq, 0, sizeof(T.irq));
    memset(T.fiq, 0, sizeof(T.fiq));
    T.gic = qdev_new(TYPE_ARM_GICV3);
    qdev_prop_set_uint32(T.gic, "num-cpu", ncpu);
    qdev_prop_set_uint32(T.gic, "num-irq", NUM_IRQ);
    qdev_prop_set_uint32(T.gic, "redist-region-count", region0);
    sbd = SYS_BUS_DEVICE(T.gic);
    g_assert_true(sysbus_realize_and_unref(sbd, &err));
    g_assert_no_error(err);
    device_cold_reset(T.gic);
    T.s = ARM_GICV3(T.gic);
    memory_region_add_subregion(&T.root, GICD, sysbus_mmio_get_region(sbd, 0));
    memory_region_add_subregion(&T.root, GICR, sysbus_mmio_get_region(sbd, 1));
    T.nregions = 2;
    if (region0 && region0 < ncpu) {
        memory_region_add_subregion(&T.root, GICR2,
                                    sysbus_mmio_get_region(sbd, 2));
        T.nregions = 3;
    }
    for (int c = 0; c < ncpu; c++) {
        T.lines[T.nlines++] = qemu_allocate_irq(out_handler, NULL, c);
        sysbus_connect_irq(sbd, c, T.lines[T.nlines - 1]);
        T.lines[T.nlines++] = qemu_allocate_irq(out_handler, NULL, GICV3_MAX_CPU + c);
        sysbus_connect_irq(sbd, ncpu + c, T.lines[T.nlines - 1]);
    }
}

static uint64_t rdn(hwaddr a, unsigned size)
{
    MemTxResult r;
    uint64_t v;

    switch (size) {
    case 1: v = address_space_ldub(&T.as, a, MEMTXATTRS_UNSPECIFIED, &r); break;
    case 4: v = address_space_ldl_le(&T.as, a, MEMTXATTRS_UNSPECIFIED, &r); break;
    default: v = address_space_ldq_le(&T.as, a, MEMTXATTRS_UNSPECIFIED, &r); break;
    }
    g_assert_cmphex(r, ==, MEMTX_OK);
    return v;
}

static void wrn(hwaddr a, uint64_t v, unsigned size)
{
    MemTxResult r;

    switch (size) {
    case 1: address_space_stb(&T.as, a, v, MEMTXATTRS_UNSPECIFIED, &r); break;
    case 4: address_space_stl_le(&T.as, a, v, MEMTXATTRS_UNSPECIFIED, &r); break;
    default: address_space_stq_le(&T.as, a, v, MEMTXATTRS_UNSPECIFIED, &r); break;
    }
    g_assert_cmphex(r, ==, MEMTX_OK);
}

#define rd(a) ((uint32_t)rdn((a), 4))
#define wr(a, v) wrn((a), (v), 4)

static uint64_t icc(int cpu, int reg)
{
    return gicv3_icc_read(T.s, cpu, reg);
}

static void icc_w(int cpu, int reg, uint64_t v)
{
    gicv3_icc_write(T.s, cpu, reg, v);
}

/* Wake every redistributor, enable Group 1 everywhere, PMR open. */
static void enable_all(int ncpu)
{
    wr(GICD + 0x0, 0x3);
    for (int c = 0; c < ncpu; c++) {
        wr(RD(c) + 0x14, 0);
        icc_w(c, GICV3_ICC_PMR, 0xff);
        icc_w(c, GICV3_ICC_IGRPEN1, 1);
        icc_w(c, GICV3_ICC_IGRPEN0, 1);
        wr(SGI(c) + 0x80, 0xffffffff);          /* SGIs/PPIs in group 1 */
        wr(SGI(c) + 0x100, 0xffff);             /* SGIs reset disabled */
    }
}

static void setup_spi(int id, uint8_t prio, int cpu)
{
    wrn(GICD + 0x400 + id, prio, 1);
    wr(GICD + 0x80 + (id / 32) * 4, rd(GICD + 0x80 + (id / 32) * 4) |
       1u << (id % 32));
    wrn(GICD + 0x6000 + id * 8, gicv3_cpu_affinity(cpu), 8);
    wr(GICD + 0x100 + (id / 32) * 4, 1u << (id % 32));
}

static void spi(int n, int level)
{
    qemu_set_irq(qdev_get_gpio_in(T.gic, n), level);
}

static void ppi(int cpu, int irq, int level)
{
    qemu_set_irq(qdev_get_gpio_in(T.gic, NUM_IRQ - 32 + cpu * 32 + irq),
                 level);
}

static void test_id_registers(void)
{
    uint32_t typer;

    gic_new(2, 0);
    g_assert_cmphex((rd(GICD + 0xffe8) >> 4) & 0xf, ==, 3);
    g_assert_cmphex((rd(RD(1) + 0xffe8) >> 4) & 0xf, ==, 3);
    typer = rd(GICD + 0x4);
    g_assert_cmphex(typer & 0x1f, ==, NUM_IRQ / 32 - 1);
    g_assert_cmphex((typer >> 19) & 0x1f, ==, 9);
    g_assert_cmphex(rd(GICD + 0x8) & 0xfff, ==, 0x43b);
    /* ARE and DS read as one and stay so */
    wr(GICD + 0x0, 0);
    g_assert_cmphex(rd(GICD + 0x0), ==, (1u << 4) | (1u << 6));
    wr(GICD + 0x0, 3);
    g_assert_cmphex(rd(GICD + 0x0), ==, (1u << 4) | (1u << 6) | 3);
    g_assert_cmphex(icc(0, GICV3_ICC_SRE) & 1, ==, 1);
    g_assert_cmphex((icc(0, GICV3_ICC_CTLR) >> 8) & 7, ==, 7);
    g_assert_cmphex(icc(0, GICV3_ICC_RPR), ==, 0xff);
    g_assert_cmphex(icc(0, GICV3_ICC_IAR1), ==, 1023);
}

static void test_redist_typer_last(void)
{
    gic_new(4, 0);
    for (int c = 0; c < 4; c++) {
        uint64_t t = rdn(RD(c) + 0x8, 8);

        g_assert_cmphex(t >> 32, ==, gicv3_cpu_affinity(c));
        g_assert_cmphex((t >> 8) & 0xffff, ==, c);
        g_assert_cmphex((t >> 4) & 1, ==, c == 3);
        /* 32-bit halves agree with the 64-bit read */
        g_assert_cmphex(rd(RD(c) + 0x8), ==, (uint32_t)t);
        g_assert_cmphex(rd(RD(c) + 0xc), ==, t >> 32);
    }
    /* Two regions: Last on the last frame of each */
    gic_new(4, 3);
    g_assert_cmphex((rdn(RD(1) + 0x8, 8) >> 4) & 1, ==, 0);
    g_assert_cmphex((rdn(RD(2) + 0x8, 8) >> 4) & 1, ==, 1);
    g_assert_cmphex((rdn(GICR2 + 0x8, 8) >> 4) & 1, ==, 1);
    g_assert_cmphex((rdn(GICR2 + 0x8, 8) >> 8) & 0xffff, ==, 3);
    g_assert_cmphex(rdn(GICR2 + 0x8, 8) >> 32, ==, gicv3_cpu_affinity(3));
    /* CPU 17 is Aff1 = 1, Aff0 = 1, in TYPER and for SGI1R targeting */
    g_assert_cmphex(gicv3_cpu_affinity(17), ==, 0x101);
    gic_new(18, 0);
    g_assert_cmphex(rdn(RD(17) + 0x8, 8) >> 32, ==, 0x101);
    g_assert_cmphex((rdn(RD(17) + 0x8, 8) >> 4) & 1, ==, 1);
    enable_all(18);
    icc_w(0, GICV3_ICC_SGI1R, (3ull << 24) | (1ull << 16) | 0x2);
    for (int c = 0; c < 18; c++) {
        g_assert_cmpint(T.irq[c], ==, c == 17);
    }
    g_assert_cmphex(icc(17, GICV3_ICC_IAR1), ==, 3);
}

static void test_waker(void)
{
    gic_new(2, 0);
    g_assert_cmphex(rd(RD(0) + 0x14), ==, 0x6);   /* asleep at reset */
    wr(RD(0) + 0x14, 0);
    g_assert_cmphex(rd(RD(0) + 0x14), ==, 0);
    g_assert_cmphex(rd(RD(1) + 0x14), ==, 0x6);   /* per redistributor */
    wr(RD(0) + 0x14, 2);
    g_assert_cmphex(rd(RD(0) + 0x14), ==, 0x6);
    wr(RD(0) + 0x14, 4);                          /* ChildrenAsleep is RO */
    g_assert_cmphex(rd(RD(0) + 0x14), ==, 0);
}

static void test_spi_flow_and_irouter(void)
{
    int id = 40;

    gic_new(2, 0);
    enable_all(2);
    setup_spi(id, 0x80, 1);
    g_assert_cmphex(rdn(GICD + 0x6000 + id * 8, 8), ==, gicv3_cpu_affinity(1));
    spi(id - 32, 1);
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmpint(T.irq[1], ==, 1);
    g_assert_cmphex(icc(0, GICV3_ICC_IAR1), ==, 1023);
    g_assert_cmphex(icc(1, GICV3_ICC_HPPIR1), ==, id);
    g_assert_cmphex(icc(1, GICV3_ICC_IAR1), ==, id);
    g_assert_cmpint(T.irq[1], ==, 0);
    g_assert_cmphex(icc(1, GICV3_ICC_RPR), ==, 0x80);
    /* preemption level 0x80 >> 1 = 64: AP1R2 bit 0 */
    g_assert_cmphex(icc(1, GICV3_ICC_AP1R0 + 2), ==, 1);
    g_assert_cmphex(icc(1, GICV3_ICC_AP1R0), ==, 0);
    spi(id - 32, 0);
    icc_w(1, GICV3_ICC_EOIR1, id);
    g_assert_cmphex(icc(1, GICV3_ICC_RPR), ==, 0xff);
    g_assert_cmphex(rd(GICD + 0x304) & (1u << 8), ==, 0);
    /* Re-route to CPU 0 with a 32-bit write of the low half */
    wr(GICD + 0x6000 + id * 8, gicv3_cpu_affinity(0));
    spi(id - 32, 1);
    g_assert_cmpint(T.irq[0], ==, 1);
    g_assert_cmpint(T.irq[1], ==, 0);
    /* Routed to an affinity no CPU has: nobody sees it */
    wrn(GICD + 0x6000 + id * 8, 0x0000000500000000ull, 8);
    g_assert_cmphex(rdn(GICD + 0x6000 + id * 8, 8), ==, 0x500000000ull);
    g_assert_cmpint(T.irq[0], ==, 0);
    /* SPI words of GICD; the SGI/PPI word is RAZ/WI with ARE */
    wr(GICD + 0x100, 0xffffffff);
    g_assert_cmphex(rd(GICD + 0x100), ==, 0);
    g_assert_cmphex(rd(SGI(0) + 0x100), ==, 0xffff);   /* untouched */
    /* Group 0 goes out as FIQ */
    setup_spi(41, 0x10, 0);
    wr(GICD + 0x84, rd(GICD + 0x84) & ~(1u << 9));
    spi(41 - 32, 1);
    g_assert_cmpint(T.fiq[0], ==, 1);
    g_assert_cmphex(icc(0, GICV3_ICC_IAR1), ==, 1023);  /* not group 1 */
    g_assert_cmphex(icc(0, GICV3_ICC_IAR0), ==, 41);
    g_assert_cmpint(T.fiq[0], ==, 0);
}

static void test_sgi_via_icc(void)
{
    gic_new(4, 0);
    enable_all(4);
    /* SGI 2 from CPU 0 to targets {1, 3} (Aff0 list, Aff1 = 0) */
    icc_w(0, GICV3_ICC_SGI1R, (2ull << 24) | 0xa);
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmpint(T.irq[1], ==, 1);
    g_assert_cmpint(T.irq[2], ==, 0);
    g_assert_cmpint(T.irq[3], ==, 1);
    g_assert_cmphex(rd(SGI(1) + 0x200) & 0xffff, ==, 1u << 2);
    g_assert_cmphex(icc(1, GICV3_ICC_IAR1), ==, 2);    /* no source bits */
    icc_w(1, GICV3_ICC_EOIR1, 2);
    g_assert_cmphex(icc(3, GICV3_ICC_IAR1), ==, 2);
    icc_w(3, GICV3_ICC_EOIR1, 2);
    /* IRM: everyone but the sender */
    icc_w(2, GICV3_ICC_SGI1R, (5ull << 24) | (1ull << 40));
    g_assert_cmpint(T.irq[0], ==, 1);
    g_assert_cmpint(T.irq[1], ==, 1);
    g_assert_cmpint(T.irq[2], ==, 0);
    g_assert_cmpint(T.irq[3], ==, 1);
    for (int c = 0; c < 4; c++) {
        if (c != 2) {
            g_assert_cmphex(icc(c, GICV3_ICC_IAR1), ==, 5);
            icc_w(c, GICV3_ICC_EOIR1, 5);
        }
    }
    /* Aff1 = 1 matches nobody here */
    icc_w(0, GICV3_ICC_SGI1R, (6ull << 24) | (1ull << 16) | 0xf);
    for (int c = 0; c < 4; c++) {
        g_assert_cmpint(T.irq[c], ==, 0);
    }
    /* A disabled SGI stays pending, not signalled */
    wr(SGI(0) + 0x180, 1u << 7);
    icc_w(1, GICV3_ICC_SGI1R, (7ull << 24) | 1);
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmphex(rd(SGI(0) + 0x200) & (1u << 7), !=, 0);
    wr(SGI(0) + 0x100, 1u << 7);
    g_assert_cmpint(T.irq[0], ==, 1);
    /* SGI0R only reaches group 0 SGIs */
    icc_w(0, GICV3_ICC_EOIR1, icc(0, GICV3_ICC_IAR1));
    icc_w(1, GICV3_ICC_SGI0R, (8ull << 24) | 1);
    g_assert_cmphex(rd(SGI(0) + 0x200) & (1u << 8), ==, 0);
    /* SGIs are always edge: ICFGR0 read-only */
    wr(SGI(0) + 0xc00, 0);
    g_assert_cmphex(rd(SGI(0) + 0xc00), ==, 0xaaaaaaaa);
}

static void test_ppi_banked_priority_pmr(void)
{
    gic_new(2, 0);
    enable_all(2);
    wr(SGI(1) + 0x100, 1u << 27);
    wrn(SGI(1) + 0x400 + 27, 0xa0, 1);
    g_assert_cmphex(rdn(SGI(0) + 0x400 + 27, 1), ==, 0);
    g_assert_cmphex(rd(SGI(1) + 0x418) >> 24, ==, 0xa0);
    ppi(1, 27, 1);
    g_assert_cmpint(T.irq[1], ==, 1);
    g_assert_cmpint(T.irq[0], ==, 0);
    /* PMR at the priority masks it */
    icc_w(1, GICV3_ICC_PMR, 0xa0);
    g_assert_cmpint(T.irq[1], ==, 0);
    g_assert_cmphex(icc(1, GICV3_ICC_IAR1), ==, 1023);
    g_assert_cmphex(icc(1, GICV3_ICC_HPPIR1), ==, 27);
    icc_w(1, GICV3_ICC_PMR, 0xf0);
    g_assert_cmpint(T.irq[1], ==, 1);
    g_assert_cmphex(icc(1, GICV3_ICC_IAR1), ==, 27);
    /* a higher priority PPI preempts; an equal one does not */
    wr(SGI(1) + 0x100, (1u << 26) | (1u << 25));
    wrn(SGI(1) + 0x400 + 26, 0x40, 1);
    wrn(SGI(1) + 0x400 + 25, 0xa0, 1);
    ppi(1, 25, 1);
    g_assert_cmpint(T.irq[1], ==, 0);
    ppi(1, 26, 1);
    g_assert_cmpint(T.irq[1], ==, 1);
    g_assert_cmphex(icc(1, GICV3_ICC_IAR1), ==, 26);
    g_assert_cmphex(icc(1, GICV3_ICC_RPR), ==, 0x40);
    ppi(1, 26, 0);
    icc_w(1, GICV3_ICC_EOIR1, 26);
    ppi(1, 27, 0);
    icc_w(1, GICV3_ICC_EOIR1, 27);
    g_assert_cmphex(icc(1, GICV3_ICC_IAR1), ==, 25);
    icc_w(1, GICV3_ICC_EOIR1, 25);
    g_assert_cmpint(T.irq[1], ==, 1);                  /* level still high */
    ppi(1, 25, 0);
    g_assert_cmpint(T.irq[1], ==, 0);
    /* edge PPI via ICFGR1 */
    wr(SGI(1) + 0xc04, 2u << ((27 - 16) * 2));
    ppi(1, 27, 1);
    ppi(1, 27, 0);
    g_assert_cmpint(T.irq[1], ==, 1);
    g_assert_cmphex(icc(1, GICV3_ICC_IAR1), ==, 27);
    g_assert_cmpint(T.irq[1], ==, 0);
    /* EOImode: EOIR drops priority, DIR deactivates */
    icc_w(1, GICV3_ICC_CTLR, 2);
    icc_w(1, GICV3_ICC_EOIR1, 27);
    g_assert_cmphex(icc(1, GICV3_ICC_RPR), ==, 0xff);
    g_assert_cmphex(rd(SGI(1) + 0x300) & (1u << 27), !=, 0);
    icc_w(1, GICV3_ICC_DIR, 27);
    g_assert_cmphex(rd(SGI(1) + 0x300) & (1u << 27), ==, 0);
}

static void test_bad_widths(void)
{
    MemTxResult r;

    gic_new(1, 0);
    address_space_ldq_le(&T.as, GICD + 0x100, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmphex(r, !=, MEMTX_OK);
    address_space_stb(&T.as, GICD + 0x0, 3, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmphex(r, !=, MEMTX_OK);
    g_assert_cmphex(rd(GICD + 0x0) & 3, ==, 0);
    address_space_stw_le(&T.as, SGI(0) + 0x400, 0xffff,
                         MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmphex(r, !=, MEMTX_OK);
    g_assert_cmphex(rd(SGI(0) + 0x400), ==, 0);
    address_space_ldq_le(&T.as, RD(0) + 0x10, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmphex(r, !=, MEMTX_OK);
    address_space_ldl_le(&T.as, GICD + 0x6002, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmphex(r, !=, MEMTX_OK);
    /* read-only and unknown registers are logged, not fatal */
    wrn(RD(0) + 0x8, 0, 8);
    g_assert_cmphex((rdn(RD(0) + 0x8, 8) >> 4) & 1, ==, 1);
    g_assert_true(log_contains("write to read-only GICR register 0x8"));
    icc_w(0, GICV3_ICC_RPR, 0);
    g_assert_true(log_contains("write to read-only ICC register"));
    wr(GICD + 0xf00, 0x10001);
    g_assert_true(log_contains("GICD_SGIR write with affinity routing"));
    g_assert_cmphex(icc(5, GICV3_ICC_PMR), ==, 0);     /* no such CPU */
}

static void test_encodings(void)
{
    g_assert_cmpint(gicv3_icc_reg_from_encoding(3, 0, 4, 6, 0), ==,
                    GICV3_ICC_PMR);
    g_assert_cmpint(gicv3_icc_reg_from_encoding(3, 0, 12, 12, 0), ==,
                    GICV3_ICC_IAR1);
    g_assert_cmpint(gicv3_icc_reg_from_encoding(3, 0, 12, 11, 5), ==,
                    GICV3_ICC_SGI1R);
    g_assert_cmpint(gicv3_icc_reg_from_encoding(3, 0, 12, 12, 7), ==,
                    GICV3_ICC_IGRPEN1);
    g_assert_cmpint(gicv3_icc_reg_from_encoding(3, 0, 12, 9, 2), ==,
                    GICV3_ICC_AP1R0 + 2);
    g_assert_cmpint(gicv3_icc_reg_from_encoding(3, 0, 12, 13, 0), ==, -1);
    g_assert_cmpint(gicv3_icc_reg_from_encoding(3, 4, 12, 9, 5), ==, -1);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    log_setup();
    g_test_add_func("/gic/v3/id-registers", test_id_registers);
    g_test_add_func("/gic/v3/redist-typer-last", test_redist_typer_last);
    g_test_add_func("/gic/v3/redist-waker", test_waker);
    g_test_add_func("/gic/v3/spi-irouter-flow", test_spi_flow_and_irouter);
    g_test_add_func("/gic/v3/sgi-via-icc", test_sgi_via_icc);
    g_test_add_func("/gic/v3/ppi-banked-priority-pmr",
                    test_ppi_banked_priority_pmr);
    g_test_add_func("/gic/v3/bad-widths", test_bad_widths);
    g_test_add_func("/gic/v3/icc-encodings", test_encodings);
    {
        int ret = g_test_run();

        unlink(logname);
        g_free(logname);
        return ret;
    }
}
