/*
 * test-gic.c - the GICv2 model (hw/intc/arm_gic.c) driven as a guest would:
 * through MMIO in a private memory map, with recording handlers on the
 * per-CPU IRQ/FIQ outputs and the input lines driven like devices do.
 */
#include "util/osdep.h"
#include "hw/sysbus.h"
#include "hw/qdev-properties.h"
#include "hw/irq.h"
#include "hw/intc/arm_gic.h"
#include "hw/core/cpu.h"
#include "exec/memory.h"
#include "util/error.h"
#include "util/log.h"

#define DIST(c)     (0x10000000ull + (c) * 0x10000)    /* per-CPU views */
#define CPUIF(c)    (0x20000000ull + (c) * 0x10000)
#define GDIST       0x08000000ull                       /* generic regions */
#define GCPU        0x08010000ull

#define NUM_IRQ     96

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
    qemu_irq lines[2 * GIC_MAX_CPU];
    int nlines;
    int ncpu;
    int irq[GIC_MAX_CPU], fiq[GIC_MAX_CPU];
    int irq_edges[GIC_MAX_CPU];
} T;

static void out_handler(void *opaque, int n, int level)
{
    if (n >= GIC_MAX_CPU) {
        T.fiq[n - GIC_MAX_CPU] = level;
    } else {
        if (level && !T.irq[n]) {
            T.irq_edges[n]++;
        }
        T.irq[n] = level;
    }
}

static void gic_new(int ncpu)
{
    SysBusDevice *sbd;
    GError *err = NULL;

    if (!T.as_ready) {
        memory_region_init(&T.root, NULL, "gic-test", UINT64_MAX);
        address_space_init(&T.as, &T.root, "gic-test");
        T.as_ready = true;
    }
    if (T.gic) {
        sbd = SYS_BUS_DEVICE(T.gic);
        for (int i = 0; i < 2 + 2 * T.ncpu; i++) {
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
    memset(T.irq_edges, 0, sizeof(T.irq_edges));
    T.ncpu = ncpu;
    T.gic = qdev_new(TYPE_ARM_GIC);
    qdev_prop_set_uint32(T.gic, "num-cpu", ncpu);
    qdev_prop_set_uint32(T.gic, "num-irq", NUM_IRQ);
    sbd = SYS_BUS_DEVICE(T.gic);
    g_assert_true(sysbus_realize_and_unref(sbd, &err));
    g_assert_no_error(err);
    device_cold_reset(T.gic);
    memory_region_add_subregion(&T.root, GDIST, sysbus_mmio_get_region(sbd, 0));
    memory_region_add_subregion(&T.root, GCPU, sysbus_mmio_get_region(sbd, 1));
    for (int c = 0; c < ncpu; c++) {
        memory_region_add_subregion(&T.root, CPUIF(c),
                                    sysbus_mmio_get_region(sbd, 2 + c));
        memory_region_add_subregion(&T.root, DIST(c),
                                    sysbus_mmio_get_region(sbd, 2 + ncpu + c));
        T.lines[T.nlines++] = qemu_allocate_irq(out_handler, NULL, c);
        sysbus_connect_irq(sbd, c, T.lines[T.nlines - 1]);
        T.lines[T.nlines++] = qemu_allocate_irq(out_handler, NULL, GIC_MAX_CPU + c);
        sysbus_connect_irq(sbd, ncpu + c, T.lines[T.nlines - 1]);
    }
}

static uint32_t rd(hwaddr a)
{
    MemTxResult r;
    uint32_t v = address_space_ldl_le(&T.as, a, MEMTXATTRS_UNSPECIFIED, &r);

    g_assert_cmphex(r, ==, MEMTX_OK);
    return v;
}

static void wr(hwaddr a, uint32_t v)
{
    MemTxResult r;

    address_space_stl_le(&T.as, a, v, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmphex(r, ==, MEMTX_OK);
}

static uint32_t rdb(hwaddr a)
{
    MemTxResult r;
    uint32_t v = address_space_ldub(&T.as, a, MEMTXATTRS_UNSPECIFIED, &r);

    g_assert_cmphex(r, ==, MEMTX_OK);
    return v;
}

static void wrb(hwaddr a, uint32_t v)
{
    MemTxResult r;

    address_space_stb(&T.as, a, v, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmphex(r, ==, MEMTX_OK);
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

/* Distributor and every CPU interface on, nothing masked. */
static void enable_all(void)
{
    wr(DIST(0) + 0x000, 3);
    for (int c = 0; c < T.ncpu; c++) {
        wr(CPUIF(c) + 0x00, 3);
        wr(CPUIF(c) + 0x04, 0xff);
    }
}

/* SPI id: priority, target list, enable. */
static void setup_spi(int id, uint8_t prio, uint8_t targets)
{
    wrb(DIST(0) + 0x400 + id, prio);
    wrb(DIST(0) + 0x800 + id, targets);
    wr(DIST(0) + 0x100 + (id / 32) * 4, 1u << (id % 32));
}

static void test_id_registers(void)
{
    gic_new(2);
    g_assert_cmphex(rd(DIST(0) + 0x004), ==, (NUM_IRQ / 32 - 1) | (1 << 5));
    g_assert_cmphex(rd(DIST(0) + 0x008) & 0xfff, ==, 0x43b);
    g_assert_cmphex((rd(DIST(0) + 0xfe8) >> 4) & 0xf, ==, 2);
    g_assert_cmphex((rd(CPUIF(1) + 0xfc) >> 16) & 0xf, ==, 2);
    g_assert_cmphex(rd(CPUIF(0) + 0x14), ==, 0xff);     /* RPR idle */
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, 1023);     /* nothing pending */
    /* TYPER is read-only */
    wr(DIST(0) + 0x004, 0);
    g_assert_cmphex(rd(DIST(0) + 0x004), ==, (NUM_IRQ / 32 - 1) | (1 << 5));
}

static void test_level_spi_flow(void)
{
    int id = 32 + 5;

    gic_new(2);
    enable_all();
    setup_spi(id, 0xa0, 1);
    g_assert_cmpint(T.irq[0], ==, 0);
    spi(5, 1);
    g_assert_cmpint(T.irq[0], ==, 1);
    g_assert_cmpint(T.irq[1], ==, 0);
    g_assert_cmphex(rd(DIST(0) + 0x204) & (1u << 5), !=, 0);  /* ISPENDR1 */
    g_assert_cmphex(rd(CPUIF(0) + 0x18), ==, id);           /* HPPIR */
    g_assert_cmphex(rd(CPUIF(1) + 0x0c), ==, 1023);         /* not targeted */
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, id);
    /* active and (line still high) pending; no longer signalled */
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmphex(rd(DIST(0) + 0x304) & (1u << 5), !=, 0);
    g_assert_cmphex(rd(DIST(0) + 0x204) & (1u << 5), !=, 0);
    g_assert_cmphex(rd(CPUIF(0) + 0x14), ==, 0xa0);         /* RPR */
    spi(5, 0);
    g_assert_cmphex(rd(DIST(0) + 0x204) & (1u << 5), ==, 0);
    wr(CPUIF(0) + 0x10, id);                                /* EOIR */
    g_assert_cmphex(rd(DIST(0) + 0x304) & (1u << 5), ==, 0);
    g_assert_cmphex(rd(CPUIF(0) + 0x14), ==, 0xff);
    g_assert_cmpint(T.irq[0], ==, 0);
    /* A level interrupt still high at EOI fires again. */
    spi(5, 1);
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, id);
    wr(CPUIF(0) + 0x10, id);
    g_assert_cmpint(T.irq[0], ==, 1);
    /* ICPENDR cannot clear a level that is still driven */
    wr(DIST(0) + 0x284, 1u << 5);
    g_assert_cmphex(rd(DIST(0) + 0x204) & (1u << 5), !=, 0);
    /* Disabling it drops the output */
    wr(DIST(0) + 0x184, 1u << 5);
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmphex(rd(DIST(0) + 0x104) & (1u << 5), ==, 0);
}

static void test_edge_spi(void)
{
    int id = 32 + 40;

    gic_new(1);
    enable_all();
    setup_spi(id, 0x80, 1);
    wr(DIST(0) + 0xc00 + (id / 16) * 4, 2u << ((id % 16) * 2));
    g_assert_cmphex(rd(DIST(0) + 0xc00 + (id / 16) * 4), ==,
                    2u << ((id % 16) * 2));
    spi(40, 1);
    spi(40, 0);
    g_assert_cmpint(T.irq[0], ==, 1);                       /* latched */
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, id);
    g_assert_cmphex(rd(DIST(0) + 0x208) & (1u << 8), ==, 0); /* consumed */
    /* A second edge while active: active and pending, taken after EOI. */
    spi(40, 1);
    spi(40, 0);
    g_assert_cmpint(T.irq[0], ==, 0);
    wr(CPUIF(0) + 0x10, id);
    g_assert_cmpint(T.irq[0], ==, 1);
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, id);
    wr(CPUIF(0) + 0x10, id);
    g_assert_cmpint(T.irq[0], ==, 0);
    /* ISPENDR/ICPENDR set and clear the latch. */
    wr(DIST(0) + 0x208, 1u << 8);
    g_assert_cmpint(T.irq[0], ==, 1);
    wr(DIST(0) + 0x288, 1u << 8);
    g_assert_cmpint(T.irq[0], ==, 0);
    /* SGI config is read-only edge. */
    wr(DIST(0) + 0xc00, 0);
    g_assert_cmphex(rd(DIST(0) + 0xc00), ==, 0xaaaaaaaa);
}

static void test_priority_and_pmr(void)
{
    gic_new(1);
    enable_all();
    setup_spi(33, 0x80, 1);
    setup_spi(34, 0x40, 1);
    setup_spi(35, 0x40, 1);
    wr(CPUIF(0) + 0x04, 0x80);              /* PMR masks priority 0x80 */
    spi(1, 1);
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, 1023);
    g_assert_cmphex(rd(CPUIF(0) + 0x18), ==, 33);   /* HPPIR ignores PMR */
    wr(CPUIF(0) + 0x04, 0x81);
    g_assert_cmpint(T.irq[0], ==, 1);
    g_assert_cmphex(rd(CPUIF(0) + 0x04), ==, 0x81);
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, 33);
    /* A higher priority one preempts the running 0x80 ... */
    spi(2, 1);
    g_assert_cmpint(T.irq[0], ==, 1);
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, 34);
    g_assert_cmphex(rd(CPUIF(0) + 0x14), ==, 0x40);
    /* ... but an equal priority one does not preempt it. */
    spi(3, 1);
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, 1023);
    spi(2, 0);
    wr(CPUIF(0) + 0x10, 34);
    g_assert_cmphex(rd(CPUIF(0) + 0x14), ==, 0x80);
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, 35);
    wr(CPUIF(0) + 0x10, 35);
    wr(CPUIF(0) + 0x10, 33);
    g_assert_cmphex(rd(CPUIF(0) + 0x14), ==, 0xff);
    /* With BPR 7 there is no preemption at all: one group. */
    spi(1, 0);
    spi(2, 0);
    spi(3, 0);
    wr(CPUIF(0) + 0x08, 7);
    g_assert_cmphex(rd(CPUIF(0) + 0x08), ==, 7);
    spi(1, 1);
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, 33);
    spi(2, 1);
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, 1023);
    /* Lowest id wins a tie */
    wr(CPUIF(0) + 0x10, 33);
    spi(1, 0);
    spi(3, 1);
    g_assert_cmphex(rd(CPUIF(0) + 0x18), ==, 34);
    /* Distributor disabled: nothing forwarded */
    wr(DIST(0) + 0x000, 0);
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, 1023);
}

static void test_sgi(void)
{
    gic_new(3);
    enable_all();
    /* SGIs are always enabled (RAO/WI) */
    wr(DIST(1) + 0x180, 0xffff);
    g_assert_cmphex(rd(DIST(1) + 0x100) & 0xffff, ==, 0xffff);
    /* CPU 0: SGI 3 to the list {1} */
    wr(DIST(0) + 0xf00, (0x2 << 16) | 3);
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmpint(T.irq[1], ==, 1);
    g_assert_cmpint(T.irq[2], ==, 0);
    g_assert_cmphex(rdb(DIST(1) + 0xf23), ==, 1);      /* SPENDSGIR: src 0 */
    g_assert_cmphex(rd(CPUIF(1) + 0x18), ==, 3);
    g_assert_cmphex(rd(CPUIF(1) + 0x0c), ==, 3 | 0 << 10);
    wr(CPUIF(1) + 0x10, 3);
    /* CPU 1: SGI 5 to all but self */
    wr(DIST(1) + 0xf00, (1 << 24) | 5);
    g_assert_cmpint(T.irq[0], ==, 1);
    g_assert_cmpint(T.irq[1], ==, 0);
    g_assert_cmpint(T.irq[2], ==, 1);
    g_assert_cmphex(rd(CPUIF(2) + 0x0c), ==, 5 | 1 << 10);
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, 5 | 1 << 10);
    wr(CPUIF(0) + 0x10, 5 | 1 << 10);
    wr(CPUIF(2) + 0x10, 5 | 1 << 10);
    /* CPU 2: SGI 7 to self only */
    wr(DIST(2) + 0xf00, (2 << 24) | (0x3 << 16) | 7);
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmpint(T.irq[2], ==, 1);
    g_assert_cmphex(rd(CPUIF(2) + 0x0c), ==, 7 | 2 << 10);
    wr(CPUIF(2) + 0x10, 7 | 2 << 10);
    /* Two sources of one SGI: taken one at a time, lowest source first. */
    wr(DIST(2) + 0xf00, (0x1 << 16) | 9);
    wr(DIST(1) + 0xf00, (0x1 << 16) | 9);
    g_assert_cmphex(rd(DIST(0) + 0xf28) >> 8 & 0xff, ==, 0x6);
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, 9 | 1 << 10);
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, 1023);      /* SGI 9 active */
    wr(CPUIF(0) + 0x10, 9 | 1 << 10);
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, 9 | 2 << 10);
    wr(CPUIF(0) + 0x10, 9 | 2 << 10);
    g_assert_cmpint(T.irq[0], ==, 0);
    /* SPENDSGIR / CPENDSGIR byte access, banked per CPU */
    wrb(DIST(0) + 0xf21, 0x4);                           /* SGI 1, src 2 */
    g_assert_cmphex(rdb(DIST(0) + 0xf11), ==, 0x4);
    g_assert_cmphex(rdb(DIST(1) + 0xf11), ==, 0);
    g_assert_cmpint(T.irq[0], ==, 1);
    wrb(DIST(0) + 0xf11, 0x4);
    g_assert_cmphex(rdb(DIST(0) + 0xf21), ==, 0);
    g_assert_cmpint(T.irq[0], ==, 0);
    /* ISPENDR cannot pend an SGI */
    wr(DIST(0) + 0x200, 1);
    g_assert_cmphex(rd(DIST(0) + 0x200) & 0xffff, ==, 0);
}

static void test_itargetsr(void)
{
    gic_new(2);
    /* Bytes of ITARGETSR0..7 read as the reading CPU's own bit. */
    for (int i = 0; i < 32; i++) {
        g_assert_cmphex(rdb(DIST(0) + 0x800 + i), ==, 1);
        g_assert_cmphex(rdb(DIST(1) + 0x800 + i), ==, 2);
    }
    g_assert_cmphex(rd(DIST(1) + 0x81c), ==, 0x02020202);
    wrb(DIST(0) + 0x805, 3);                /* read-only: ignored */
    g_assert_cmphex(rdb(DIST(0) + 0x805), ==, 1);
    /* SPI bytes: each byte on its own, words see them together */
    wrb(DIST(0) + 0x821, 2);
    wrb(DIST(0) + 0x823, 3);
    g_assert_cmphex(rd(DIST(0) + 0x820), ==, 0x03000200);
    g_assert_cmphex(rd(DIST(1) + 0x820), ==, 0x03000200);   /* not banked */
    wr(DIST(0) + 0x824, 0xff030201);
    g_assert_cmphex(rdb(DIST(0) + 0x827), ==, 0x03);        /* CPUs 0..1 */
    g_assert_cmphex(rdb(DIST(0) + 0x825), ==, 0x02);
    /* routing follows the byte: SPI 33 now at CPU 1 only */
    enable_all();
    setup_spi(33, 0x10, 2);
    spi(1, 1);
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmpint(T.irq[1], ==, 1);
    /* Priority bytes too */
    wrb(DIST(0) + 0x422, 0x5a);
    g_assert_cmphex(rd(DIST(0) + 0x420) & 0xff0000, ==, 0x5a0000);
}

/*
 * What kvm-unit-tests' gicv2-mmio-up checks on a one-CPU GIC: the bit of
 * CPU 0 is stored (reset 1), the bits of absent CPUs are RAZ/WI, at word
 * and byte width, and delivery follows it.
 */
static void test_itargetsr_uniprocessor(void)
{
    gic_new(1);
    g_assert_cmphex(rd(DIST(0) + 0x820), ==, 0x01010101);
    wr(DIST(0) + 0x820, 0xffffffff);
    g_assert_cmphex(rd(DIST(0) + 0x820), ==, 0x01010101);
    wr(DIST(0) + 0x820, 0x0103020f);
    g_assert_cmphex(rd(DIST(0) + 0x820), ==, 0x01010001);
    g_assert_cmphex(rdb(DIST(0) + 0x821), ==, 0x00);
    g_assert_cmphex(rdb(DIST(0) + 0x823), ==, 0x01);
    wrb(DIST(0) + 0x822, 0x1f);
    g_assert_cmphex(rd(DIST(0) + 0x820), ==, 0x01010001);
    wrb(DIST(0) + 0x822, 0x1e);
    g_assert_cmphex(rd(DIST(0) + 0x820), ==, 0x01000001);
    g_assert_cmphex(rd(DIST(0) + 0x800), ==, 0x01010101);
    /* SPI 33 (byte 0x821) targets nobody: not delivered until it does */
    enable_all();
    wrb(DIST(0) + 0x400 + 33, 0x10);
    wr(DIST(0) + 0x100 + 4, 1u << 1);
    spi(1, 1);
    g_assert_cmpint(T.irq[0], ==, 0);
    wrb(DIST(0) + 0x821, 1);
    g_assert_cmpint(T.irq[0], ==, 1);
    /* beyond the implemented interrupts: RAZ/WI */
    g_assert_cmphex(rd(DIST(0) + 0x800 + NUM_IRQ), ==, 0);
    wr(DIST(0) + 0x800 + NUM_IRQ, 0xffffffff);
    g_assert_cmphex(rd(DIST(0) + 0x800 + NUM_IRQ), ==, 0);
    g_assert_cmphex(rd(DIST(0) + 0x400 + NUM_IRQ), ==, 0);
    wr(DIST(0) + 0x400 + NUM_IRQ, 0xffffffff);
    g_assert_cmphex(rd(DIST(0) + 0x400 + NUM_IRQ), ==, 0);
    /* all eight priority bits are implemented, bytes consistent */
    wr(DIST(0) + 0x420, 0xffffffff);
    g_assert_cmphex(rd(DIST(0) + 0x420), ==, 0xffffffff);
    wr(DIST(0) + 0x420, 0xff7fbf3f);
    g_assert_cmphex(rd(DIST(0) + 0x420), ==, 0xff7fbf3f);
}

static void test_ppi_banked(void)
{
    gic_new(2);
    enable_all();
    /* Enable PPI 27 on CPU 1 only, through CPU 1's banked ISENABLER0 */
    wr(DIST(1) + 0x100, 1u << 27);
    g_assert_cmphex(rd(DIST(1) + 0x100) & (1u << 27), !=, 0);
    g_assert_cmphex(rd(DIST(0) + 0x100) & (1u << 27), ==, 0);
    wrb(DIST(1) + 0x400 + 27, 0x20);
    g_assert_cmphex(rdb(DIST(0) + 0x400 + 27), ==, 0);      /* banked */
    ppi(0, 27, 1);                          /* CPU 0's line: disabled there */
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmpint(T.irq[1], ==, 0);
    g_assert_cmphex(rd(DIST(0) + 0x200) & (1u << 27), !=, 0);
    g_assert_cmphex(rd(DIST(1) + 0x200) & (1u << 27), ==, 0);
    ppi(1, 27, 1);
    g_assert_cmpint(T.irq[1], ==, 1);
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmphex(rd(CPUIF(1) + 0x0c), ==, 27);
    g_assert_cmphex(rd(DIST(1) + 0x300) & (1u << 27), !=, 0);
    g_assert_cmphex(rd(DIST(0) + 0x300) & (1u << 27), ==, 0);
    ppi(1, 27, 0);
    wr(CPUIF(1) + 0x10, 27);
    g_assert_cmphex(rd(DIST(1) + 0x300), ==, 0);
    /* The generic regions act as CPU 0 outside a vCPU */
    g_assert_cmphex(rd(GDIST + 0x100) & (1u << 27), ==, 0);
    g_assert_cmphex(rdb(GDIST + 0x800), ==, 1);
    g_assert_cmphex(rd(GCPU + 0x04), ==, 0xff);
}

/* The generic regions bank by the running vCPU (current_cpu). */
static void test_generic_regions_follow_current_cpu(void)
{
    CPUState *fake = g_new0(CPUState, 1);

    gic_new(2);
    enable_all();
    fake->cpu_index = 1;
    current_cpu = fake;
    g_assert_cmphex(rdb(GDIST + 0x800), ==, 2);         /* CPU 1's bit */
    wr(GDIST + 0x100, 1u << 20);                        /* CPU 1's PPI 20 */
    wr(GDIST + 0xf00, (2 << 24) | 4);                   /* SGI 4 to self */
    current_cpu = NULL;
    g_assert_cmphex(rd(DIST(1) + 0x100) & (1u << 20), !=, 0);
    g_assert_cmphex(rd(DIST(0) + 0x100) & (1u << 20), ==, 0);
    g_assert_cmpint(T.irq[1], ==, 1);
    g_assert_cmpint(T.irq[0], ==, 0);
    current_cpu = fake;
    g_assert_cmphex(rd(GCPU + 0x0c), ==, 4 | 1 << 10);  /* from CPU 1 */
    wr(GCPU + 0x10, 4 | 1 << 10);
    /* a vCPU the GIC does not serve is logged and treated as CPU 0 */
    fake->cpu_index = 5;
    g_assert_cmphex(rdb(GDIST + 0x800), ==, 1);
    g_assert_true(log_contains("access from CPU 5"));
    current_cpu = NULL;
    g_assert_cmpint(T.irq[1], ==, 0);
    g_free(fake);
}

static void test_fiq_and_groups(void)
{
    gic_new(1);
    enable_all();
    setup_spi(33, 0x10, 1);
    setup_spi(34, 0x20, 1);
    wr(DIST(0) + 0x084, 1u << 2);           /* 34 in group 1 */
    g_assert_cmphex(rd(DIST(0) + 0x084), ==, 1u << 2);
    wr(CPUIF(0) + 0x00, 3 | (1 << 3));      /* FIQEn: group 0 as FIQ */
    spi(1, 1);
    g_assert_cmpint(T.fiq[0], ==, 1);
    g_assert_cmpint(T.irq[0], ==, 0);
    spi(1, 0);
    spi(2, 1);
    g_assert_cmpint(T.fiq[0], ==, 0);
    g_assert_cmpint(T.irq[0], ==, 1);
    /* Group 1 disabled in the distributor: not forwarded */
    wr(DIST(0) + 0x000, 1);
    g_assert_cmpint(T.irq[0], ==, 0);
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, 1023);
}

static void test_eoimode_dir(void)
{
    gic_new(1);
    enable_all();
    setup_spi(33, 0x10, 1);
    wr(CPUIF(0) + 0x00, 3 | (1 << 9));      /* EOImode: EOI drops only */
    spi(1, 1);
    g_assert_cmphex(rd(CPUIF(0) + 0x0c), ==, 33);
    spi(1, 0);
    wr(CPUIF(0) + 0x10, 33);
    g_assert_cmphex(rd(CPUIF(0) + 0x14), ==, 0xff);    /* priority dropped */
    g_assert_cmphex(rd(DIST(0) + 0x304) & 2, ==, 2);    /* still active */
    spi(1, 1);
    g_assert_cmpint(T.irq[0], ==, 0);                   /* active: not taken */
    wr(CPUIF(0) + 0x1000, 33);                          /* DIR */
    g_assert_cmphex(rd(DIST(0) + 0x304) & 2, ==, 0);
    g_assert_cmpint(T.irq[0], ==, 1);
}

static void test_bad_widths(void)
{
    MemTxResult r;

    gic_new(1);
    address_space_stw_le(&T.as, DIST(0) + 0x400, 0xffff,
                         MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmphex(r, !=, MEMTX_OK);
    g_assert_cmphex(rd(DIST(0) + 0x400), ==, 0);
    address_space_lduw_le(&T.as, DIST(0) + 0x800, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmphex(r, !=, MEMTX_OK);
    address_space_stb(&T.as, DIST(0) + 0x000, 1, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmphex(r, !=, MEMTX_OK);
    g_assert_cmphex(rd(DIST(0) + 0x000), ==, 0);
    address_space_ldub(&T.as, DIST(0) + 0x100, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmphex(r, !=, MEMTX_OK);
    address_space_stb(&T.as, CPUIF(0) + 0x04, 0xff, MEMTXATTRS_UNSPECIFIED,
                      &r);
    g_assert_cmphex(r, !=, MEMTX_OK);
    g_assert_cmphex(rd(CPUIF(0) + 0x04), ==, 0);
    address_space_ldq_le(&T.as, CPUIF(0) + 0x0c, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmphex(r, !=, MEMTX_OK);
    address_space_ldl_le(&T.as, DIST(0) + 0x402, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmphex(r, !=, MEMTX_OK);
    /* the guest-visible bugs are logged, never fatal: reserved offsets */
    g_assert_cmphex(rd(DIST(0) + 0xe00), ==, 0);
    g_assert_true(log_contains("read of reserved distributor offset 0xe00"));
    wr(CPUIF(0) + 0x40, 1);
    g_assert_true(log_contains("write to reserved CPU interface offset 0x40"));
    wr(DIST(0) + 0x004, 0);
    g_assert_true(log_contains("write to read-only distributor register 0x4"));
    wr(CPUIF(0) + 0x10, 77);
    g_assert_true(log_contains("EOI of interrupt 77, which CPU 0 has not"));
    wrb(DIST(0) + 0x803, 2);
    g_assert_true(log_contains("read-only GICD_ITARGETSR byte of interrupt 3"));
}

static void test_bad_properties(void)
{
    DeviceState *d = qdev_new(TYPE_ARM_GIC);
    GError *err = NULL;

    qdev_prop_set_uint32(d, "num-irq", 40);
    g_assert_false(sysbus_realize(SYS_BUS_DEVICE(d), &err));
    g_assert_nonnull(err);
    g_assert_nonnull(strstr(err->message, "num-irq"));
    g_clear_error(&err);
    object_unref(OBJECT(d));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    log_setup();
    g_test_add_func("/gic/v2/id-registers", test_id_registers);
    g_test_add_func("/gic/v2/level-spi-ack-eoi", test_level_spi_flow);
    g_test_add_func("/gic/v2/edge-spi", test_edge_spi);
    g_test_add_func("/gic/v2/priority-pmr-preemption", test_priority_and_pmr);
    g_test_add_func("/gic/v2/sgi-targets-sources", test_sgi);
    g_test_add_func("/gic/v2/itargetsr-bytes", test_itargetsr);
    g_test_add_func("/gic/v2/itargetsr-uniprocessor",
                    test_itargetsr_uniprocessor);
    g_test_add_func("/gic/v2/ppi-banked", test_ppi_banked);
    g_test_add_func("/gic/v2/generic-regions-current-cpu",
                    test_generic_regions_follow_current_cpu);
    g_test_add_func("/gic/v2/fiq-groups", test_fiq_and_groups);
    g_test_add_func("/gic/v2/eoimode-dir", test_eoimode_dir);
    g_test_add_func("/gic/v2/bad-widths", test_bad_widths);
    g_test_add_func("/gic/v2/bad-properties", test_bad_properties);
    {
        int ret = g_test_run();

        unlink(logname);
        g_free(logname);
        return ret;
    }
}
