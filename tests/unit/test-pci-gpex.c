/*
 * test-pci-gpex.c - the generic ECAM host (hw/pci-host/gpex.c) and the
 * test devices behind it (pci-testdev, edu), driven the way a guest does:
 * config cycles through the ECAM window, BARs through the MMIO and PIO
 * windows of QEMU virt's layout, interrupts on the host's four lines,
 * DMA into RAM of system memory. No CPU: accesses go through
 * address_space_memory.
 */
#include "util/osdep.h"
#include "util/error.h"
#include "util/log.h"
#include "util/keyval.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"
#include "hw/qdev.h"
#include "hw/qdev-properties.h"
#include "hw/sysbus.h"
#include "hw/pci/pci.h"
#include "hw/pci/msi.h"
#include "hw/pci-host/gpex.h"
#include <libfdt.h>

/* RAM below 256 MiB so that edu's default 28-bit DMA mask reaches it. */
#define RAM_BASE        0x00100000ULL
#define RAM_SIZE        (1 * MiB)
#define DOORBELL_BASE   0x08020000ULL

#define ECAM(bus, dev, fn, reg) \
    (VIRT_PCIE_ECAM_BASE + ((bus) << 20) + ((dev) << 15) + ((fn) << 12) + (reg))

static struct {
    MemoryRegion ram, doorbell;
    uint64_t doorbell_addr[16], doorbell_data[16];
    int doorbell_n;
    GPEXHost *host;
    PCIBus *bus;
    int irq_level[GPEX_NUM_IRQS];
    char *logname;
} G;

static uint64_t doorbell_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void doorbell_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
    if (G.doorbell_n < 16) {
        G.doorbell_addr[G.doorbell_n] = addr;
        G.doorbell_data[G.doorbell_n++] = val;
    }
}

static const MemoryRegionOps doorbell_ops = {
    .read = doorbell_read,
    .write = doorbell_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 4 },
};

static void irq_handler(void *opaque, int n, int level)
{
    G.irq_level[n] = level;
}

static void setup(void)
{
    GError *err = NULL;
    GPEXConfig cfg = gpex_virt_config(false);
    qemu_irq *irqs = qemu_allocate_irqs(irq_handler, NULL, GPEX_NUM_IRQS);
    MemoryRegion *sysmem = get_system_memory();
    int fd;

    g_assert_true(memory_region_init_ram(&G.ram, NULL, "ram", RAM_SIZE, &err));
    memory_region_add_subregion(sysmem, RAM_BASE, &G.ram);
    memory_region_init_io(&G.doorbell, NULL, &doorbell_ops, NULL, "doorbell",
                          4096);
    memory_region_add_subregion(sysmem, DOORBELL_BASE, &G.doorbell);
    G.host = gpex_create(sysmem, &cfg, irqs, &err);
    g_assert_no_error(err);
    g_free(irqs);       /* the lines stay connected; only the array goes */
    G.bus = gpex_get_bus(G.host);

    /* Guest errors go to a file the tests can read back. */
    fd = g_file_open_tmp("test-pci-gpex-XXXXXX.log", &G.logname, &err);
    g_assert_no_error(err);
    close(fd);
    g_assert_true(log_set_file(G.logname, &err));
    log_set_mask(LOG_GUEST_ERROR);
}

static bool log_contains(const char *needle)
{
    char *text = NULL;
    bool found;

    log_flush();
    g_assert_true(g_file_get_contents(G.logname, &text, NULL, NULL));
    found = strstr(text, needle) != NULL;
    g_free(text);
    return found;
}

static uint64_t rd(hwaddr addr, unsigned size, MemTxResult *res)
{
    uint64_t v = 0;
    MemTxResult r = 0;

    switch (size) {
    case 1:
        v = address_space_ldub(&address_space_memory, addr,
                               MEMTXATTRS_UNSPECIFIED, &r);
        break;
    case 2:
        v = address_space_lduw_le(&address_space_memory, addr,
                                  MEMTXATTRS_UNSPECIFIED, &r);
        break;
    case 4:
        v = address_space_ldl_le(&address_space_memory, addr,
                                 MEMTXATTRS_UNSPECIFIED, &r);
        break;
    case 8:
        v = address_space_ldq_le(&address_space_memory, addr,
                                 MEMTXATTRS_UNSPECIFIED, &r);
        break;
    }
    if (res) {
        *res = r;
    } else {
        g_assert_cmpuint(r, ==, MEMTX_OK);
    }
    return v;
}

static void wr(hwaddr addr, uint64_t val, unsigned size)
{
    MemTxResult r = 0;

    switch (size) {
    case 1:
        address_space_stb(&address_space_memory, addr, val,
                          MEMTXATTRS_UNSPECIFIED, &r);
        break;
    case 2:
        address_space_stw_le(&address_space_memory, addr, val,
                             MEMTXATTRS_UNSPECIFIED, &r);
        break;
    case 4:
        address_space_stl_le(&address_space_memory, addr, val,
                             MEMTXATTRS_UNSPECIFIED, &r);
        break;
    case 8:
        address_space_stq_le(&address_space_memory, addr, val,
                             MEMTXATTRS_UNSPECIFIED, &r);
        break;
    }
    g_assert_cmpuint(r, ==, MEMTX_OK);
}

static uint8_t *ram(hwaddr addr)
{
    return (uint8_t *)memory_region_get_ram_ptr(&G.ram) + (addr - RAM_BASE);
}

/* ------------------------------------------------------------------ */

static void test_root_and_absent(void)
{
    MemTxResult res;

    /* 00:00.0 is the host bridge. */
    g_assert_cmphex(rd(ECAM(0, 0, 0, PCI_VENDOR_ID), 4, NULL), ==,
                    PCI_DEVICE_ID_REDHAT_PCIE_HOST << 16 | PCI_VENDOR_ID_REDHAT);
    g_assert_cmphex(rd(ECAM(0, 0, 0, PCI_CLASS_DEVICE), 2, NULL), ==,
                    PCI_CLASS_BRIDGE_HOST);
    /* Empty slots and functions read all-ones at every width. */
    g_assert_cmphex(rd(ECAM(0, 30, 0, 0), 4, NULL), ==, 0xffffffff);
    g_assert_cmphex(rd(ECAM(0, 30, 0, 2), 2, NULL), ==, 0xffff);
    g_assert_cmphex(rd(ECAM(0, 0, 5, 0), 1, NULL), ==, 0xff);
    g_assert_cmphex(rd(ECAM(7, 0, 0, 0), 4, NULL), ==, 0xffffffff);
    /* Writes to them go nowhere and do no harm. */
    wr(ECAM(0, 30, 0, PCI_COMMAND), 0x7, 2);
    /* The low ECAM window covers 16 buses only. */
    rd(VIRT_PCIE_ECAM_BASE + VIRT_PCIE_ECAM_SIZE, 4, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
}

static void test_ecam_widths(void)
{
    PCIDevice *d = pci_create_simple(G.bus, PCI_DEVFN(1, 0), "pci-testdev");
    MemTxResult res;

    g_assert_nonnull(d);
    /* Every width reads the same bytes. */
    g_assert_cmphex(rd(ECAM(0, 1, 0, 0), 4, NULL), ==, 0x00051b36);
    g_assert_cmphex(rd(ECAM(0, 1, 0, 0), 2, NULL), ==, 0x1b36);
    g_assert_cmphex(rd(ECAM(0, 1, 0, 2), 2, NULL), ==, 0x0005);
    g_assert_cmphex(rd(ECAM(0, 1, 0, 0), 1, NULL), ==, 0x36);
    g_assert_cmphex(rd(ECAM(0, 1, 0, 1), 1, NULL), ==, 0x1b);
    g_assert_cmphex(rd(ECAM(0, 1, 0, 3), 1, NULL), ==, 0x00);
    g_assert_cmphex(rd(ECAM(0, 1, 0, PCI_CLASS_DEVICE), 2, NULL), ==, 0x00ff);

    /* Writes of each width reach exactly their bytes. */
    wr(ECAM(0, 1, 0, PCI_INTERRUPT_LINE), 0x2a, 1);
    g_assert_cmphex(rd(ECAM(0, 1, 0, PCI_INTERRUPT_LINE), 1, NULL), ==, 0x2a);
    wr(ECAM(0, 1, 0, PCI_BASE_ADDRESS_0), 0x10000000, 4);
    g_assert_cmphex(rd(ECAM(0, 1, 0, PCI_BASE_ADDRESS_0), 4, NULL), ==,
                    0x10000000);
    wr(ECAM(0, 1, 0, PCI_BASE_ADDRESS_0 + 2), 0x1001, 2);
    g_assert_cmphex(rd(ECAM(0, 1, 0, PCI_BASE_ADDRESS_0), 4, NULL), ==,
                    0x10010000);
    wr(ECAM(0, 1, 0, PCI_BASE_ADDRESS_0 + 3), 0x11, 1);
    g_assert_cmphex(rd(ECAM(0, 1, 0, PCI_BASE_ADDRESS_0), 4, NULL), ==,
                    0x11010000);
    wr(ECAM(0, 1, 0, PCI_COMMAND), PCI_COMMAND_MEMORY, 2);
    g_assert_cmphex(pci_get_bar_addr(d, 0), ==, 0x11010000);
    wr(ECAM(0, 1, 0, PCI_COMMAND), 0, 2);

    /* Misaligned config accesses are refused as a guest error. */
    rd(ECAM(0, 1, 0, 1), 2, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
    rd(ECAM(0, 1, 0, 2), 4, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
}

static void test_ecam_8byte_default(void)
{
    PCIDevice *d = pci_find_device(G.bus, 0, PCI_DEVFN(1, 0));

    wr(ECAM(0, 1, 0, PCI_BASE_ADDRESS_0), 0x10000000, 4);
    wr(ECAM(0, 1, 0, PCI_BASE_ADDRESS_1), 0x1000, 4);
    /* Read: all-ones, whatever the bytes hold. */
    g_assert_cmphex(rd(ECAM(0, 1, 0, 0), 8, NULL), ==, UINT64_MAX);
    g_assert_true(log_contains("8-byte ECAM read"));
    /* Write: no part of it lands. */
    wr(ECAM(0, 1, 0, PCI_BASE_ADDRESS_0), 0x0000200020000000ULL, 8);
    g_assert_cmphex(pci_get_long(d->config + PCI_BASE_ADDRESS_0), ==,
                    0x10000000);
    g_assert_cmphex(pci_get_long(d->config + PCI_BASE_ADDRESS_1), ==, 0x1001);
    g_assert_true(log_contains("8-byte ECAM write"));
}

static void test_ecam_8byte_split(void)
{
    DeviceState *dev = qdev_new(TYPE_GPEX_HOST);
    GError *err = NULL;
    MemoryRegion *ecam;
    PCIBus *bus;
    PCIDevice *e;
    uint64_t v;

    qdev_prop_set_string(dev, "ecam-8byte", "split");
    g_assert_true(sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &err));
    ecam = sysbus_mmio_get_region(SYS_BUS_DEVICE(dev), 0);
    bus = PCI_HOST_BRIDGE(dev)->bus;
    e = pci_create_simple(bus, PCI_DEVFN(3, 0), "edu");

    g_assert_cmpuint(memory_region_dispatch_read(ecam, 3 << 15, &v, MO_64 |
                     MO_LE, MEMTXATTRS_UNSPECIFIED), ==, MEMTX_OK);
    /* IDs, then command (0) and status (capability list). */
    g_assert_cmphex(v, ==, 0x0010000011e81234ULL);
    g_assert_cmpuint(memory_region_dispatch_write(ecam, (3 << 15) +
                     PCI_BASE_ADDRESS_0, 0xfffffff0fff00000ULL, MO_64 | MO_LE,
                     MEMTXATTRS_UNSPECIFIED), ==, MEMTX_OK);
    /* Both halves landed: BAR0 took its part, BAR1 is unimplemented. */
    g_assert_cmphex(pci_get_long(e->config + PCI_BASE_ADDRESS_0), ==,
                    0xfff00000);

    /* A value other than error/split is refused at realize. */
    dev = qdev_new(TYPE_GPEX_HOST);
    qdev_prop_set_string(dev, "ecam-8byte", "bogus");
    g_assert_false(sysbus_realize(SYS_BUS_DEVICE(dev), &err));
    g_assert_nonnull(strstr(err->message, "ecam-8byte"));
    g_clear_error(&err);
    object_unref(dev);
}

/* kvm-unit-tests' lib/pci-testdev.c flow, for one BAR at @base. */
static int testdev_run(hwaddr base, int first_test)
{
    int passed = 0;

    for (int t = 0; t < 3; t++) {
        uint32_t offset, count;
        uint8_t width, data;
        char name[32];
        int i;

        wr(base, t, 1);
        g_assert_cmpuint(rd(base, 1, NULL), ==, first_test + t);
        width = rd(base + 1, 1, NULL);
        offset = rd(base + 4, 4, NULL);
        data = rd(base + 8, 1, NULL);
        count = rd(base + 12, 4, NULL);
        g_assert_cmpuint(count, ==, 0);
        g_assert_cmpuint(width, ==, 1);
        for (i = 0; i < (int)sizeof(name) - 1; i++) {
            name[i] = rd(base + 16 + i, 1, NULL);
            if (!name[i]) {
                break;
            }
        }
        name[i] = 0;
        for (i = 0; i < 16; i++) {
            wr(base + offset, data, width);
        }
        /* Wrong data never counts for the matching tests. */
        wr(base + offset, data ^ 1, width);
        count = rd(base + 12, 4, NULL);
        g_assert_cmpuint(count, ==, t == 1 ? 17 : 16);
        g_assert_true(g_str_has_suffix(name, t == 0 ? "no-eventfd" :
                                             t == 1 ? "wildcard-eventfd" :
                                                      "datamatch-eventfd"));
        passed++;
    }
    return passed;
}

static void test_pci_testdev(void)
{
    PCIDevice *d = pci_create_simple(G.bus, PCI_DEVFN(4, 0), "pci-testdev");
    hwaddr mmio = VIRT_PCIE_MMIO_BASE + 0x100000;
    char name[32];
    int i;

    g_assert_cmphex(rd(ECAM(0, 4, 0, PCI_INTERRUPT_PIN), 1, NULL), ==, 0);
    wr(ECAM(0, 4, 0, PCI_BASE_ADDRESS_0), mmio, 4);
    wr(ECAM(0, 4, 0, PCI_BASE_ADDRESS_1), 0x2000, 4);
    wr(ECAM(0, 4, 0, PCI_COMMAND), PCI_COMMAND_MEMORY | PCI_COMMAND_IO, 2);
    g_assert_cmphex(pci_get_bar_addr(d, 1), ==, 0x2000);

    g_assert_cmpint(testdev_run(mmio, 0), ==, 3);
    g_assert_cmpint(testdev_run(VIRT_PCIE_PIO_BASE + 0x2000, 3), ==, 3);

    /* Names as QEMU spells them. */
    wr(mmio, 2, 4);                 /* a wide select write works too */
    for (i = 0; i < 31 && (name[i] = rd(mmio + 16 + i, 1, NULL)); i++) {
    }
    name[i] = 0;
    g_assert_cmpstr(name, ==, "mmio-datamatch-eventfd");
    g_assert_cmphex(rd(mmio + 4, 4, NULL), ==, 2048 + 2);
    g_assert_cmphex(rd(mmio + 8, 1, NULL), ==, 0xfa);
    /* An out-of-range test number deselects. */
    wr(mmio, 9, 1);
    g_assert_cmphex(rd(mmio + 4, 4, NULL), ==, 0);
}

static void test_edu(void)
{
    PCIDevice *d = pci_create_simple(G.bus, PCI_DEVFN(6, 0), "edu");
    hwaddr bar = VIRT_PCIE_MMIO_BASE + 0x200000;
    uint8_t msi = pci_find_capability(d, PCI_CAP_ID_MSI);
    MemTxResult res;
    int line = pci_swizzle(6, 0);

    g_assert_cmphex(rd(ECAM(0, 6, 0, 0), 4, NULL), ==, 0x11e81234);
    wr(ECAM(0, 6, 0, PCI_BASE_ADDRESS_0), 0xffffffff, 4);
    g_assert_cmphex(rd(ECAM(0, 6, 0, PCI_BASE_ADDRESS_0), 4, NULL), ==,
                    0xfff00000);      /* 1 MiB */
    wr(ECAM(0, 6, 0, PCI_BASE_ADDRESS_0), bar, 4);
    wr(ECAM(0, 6, 0, PCI_COMMAND), PCI_COMMAND_MEMORY, 2);

    g_assert_cmphex(rd(bar + 0x00, 4, NULL), ==, 0x010000ed);
    wr(bar + 0x04, 0x12345678, 4);
    g_assert_cmphex(rd(bar + 0x04, 4, NULL), ==, 0xedcba987);
    /* Registers below 0x80 are 32-bit only. */
    rd(bar + 0x04, 2, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);

    /* Factorial, polled. */
    wr(bar + 0x08, 5, 4);
    while (rd(bar + 0x20, 4, NULL) & 1) {
    }
    g_assert_cmpuint(rd(bar + 0x08, 4, NULL), ==, 120);
    wr(bar + 0x08, 12, 4);
    g_assert_cmpuint(rd(bar + 0x08, 4, NULL), ==, 479001600);
    wr(bar + 0x08, 0, 4);
    g_assert_cmpuint(rd(bar + 0x08, 4, NULL), ==, 1);
    /* 32-bit wrap-around: 13! and 33! mod 2^32, and 0 from 34! on. */
    wr(bar + 0x08, 13, 4);
    g_assert_cmpuint(rd(bar + 0x08, 4, NULL), ==, (uint32_t)6227020800ULL);
    wr(bar + 0x08, 33, 4);
    g_assert_cmphex(rd(bar + 0x08, 4, NULL), ==, 0x80000000);
    wr(bar + 0x08, 0xffffffff, 4);
    g_assert_cmpuint(rd(bar + 0x08, 4, NULL), ==, 0);

    /* Factorial with interrupt: INTA on line (6 + 0) % 4. */
    wr(bar + 0x20, 0x80, 4);
    wr(bar + 0x08, 3, 4);
    g_assert_cmpuint(rd(bar + 0x08, 4, NULL), ==, 6);
    g_assert_cmphex(rd(bar + 0x24, 4, NULL), ==, 0x1);
    g_assert_cmpint(G.irq_level[line], ==, 1);
    wr(bar + 0x64, 0x1, 4);
    g_assert_cmpint(G.irq_level[line], ==, 0);
    wr(bar + 0x20, 0, 4);

    /* Raise / ack. */
    wr(bar + 0x60, 0x40, 4);
    g_assert_cmpint(G.irq_level[line], ==, 1);
    wr(bar + 0x60, 0x2, 4);
    wr(bar + 0x64, 0x40, 4);
    g_assert_cmpint(G.irq_level[line], ==, 1);     /* 0x2 still pending */
    wr(bar + 0x64, 0x2, 4);
    g_assert_cmpint(G.irq_level[line], ==, 0);

    /* DMA RAM -> EDU -> RAM, with bus mastering. */
    for (int i = 0; i < 100; i++) {
        ram(RAM_BASE)[i] = i * 7 + 1;
    }
    memset(ram(RAM_BASE + 0x1000), 0, 100);
    wr(ECAM(0, 6, 0, PCI_COMMAND), PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER, 2);
    wr(bar + 0x80, RAM_BASE, 8);
    wr(bar + 0x88, 0x40000, 8);
    wr(bar + 0x90, 100, 8);
    wr(bar + 0x98, 1, 8);
    while (rd(bar + 0x98, 8, NULL) & 1) {
    }
    wr(bar + 0x80, 0x40000, 8);
    wr(bar + 0x88, RAM_BASE + 0x1000, 8);
    wr(bar + 0x98, 3 | 4, 8);
    while (rd(bar + 0x98, 8, NULL) & 1) {
    }
    g_assert_cmpmem(ram(RAM_BASE + 0x1000), 100, ram(RAM_BASE), 100);
    g_assert_cmphex(rd(bar + 0x24, 4, NULL), ==, 0x100);
    g_assert_cmpint(G.irq_level[line], ==, 1);
    wr(bar + 0x64, 0x100, 4);

    /* Addresses above the 28-bit DMA mask are clamped (and logged). */
    memset(ram(RAM_BASE + 0x2000), 0, 16);
    wr(bar + 0x88, 0x40000000ULL + RAM_BASE + 0x2000, 8);
    wr(bar + 0x90, 16, 8);
    wr(bar + 0x98, 3, 8);
    g_assert_cmpmem(ram(RAM_BASE + 0x2000), 16, ram(RAM_BASE), 16);
    g_assert_true(log_contains("edu: clamping DMA address"));

    /* Outside the 4 KiB buffer: refused, RAM untouched. */
    memset(ram(RAM_BASE + 0x3000), 0x5a, 16);
    wr(bar + 0x80, 0x40000 + 4090, 8);
    wr(bar + 0x88, RAM_BASE + 0x3000, 8);
    wr(bar + 0x98, 3, 8);
    g_assert_cmphex(ram(RAM_BASE + 0x3000)[0], ==, 0x5a);
    g_assert_cmphex(rd(bar + 0x98, 8, NULL) & 1, ==, 0);
    g_assert_true(log_contains("outside the buffer"));

    /* Bus mastering off: the DMA does not reach RAM. */
    wr(ECAM(0, 6, 0, PCI_COMMAND), PCI_COMMAND_MEMORY, 2);
    wr(bar + 0x80, 0x40000, 8);
    wr(bar + 0x98, 3, 8);
    g_assert_cmphex(ram(RAM_BASE + 0x3000)[0], ==, 0x5a);
    g_assert_true(log_contains("bus mastering disabled"));

    /*
     * DMA into edu's own BAR from inside its MMIO write: the memory core's
     * re-entrancy guard refuses it; the device logs a failed DMA.
     */
    wr(ECAM(0, 6, 0, PCI_COMMAND), PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER, 2);
    wr(bar + 0x04, 0, 4);
    wr(bar + 0x80, 0x40000, 8);
    wr(bar + 0x88, bar + 0x04, 8);
    wr(bar + 0x90, 4, 8);
    wr(bar + 0x98, 3, 8);
    g_assert_cmphex(rd(bar + 0x04, 4, NULL), ==, 0xffffffff);
    g_assert_true(log_contains("edu: DMA failed"));

    /* MSI: the raise becomes a write of the message to the doorbell. */
    wr(ECAM(0, 6, 0, PCI_COMMAND), PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER, 2);
    wr(ECAM(0, 6, 0, msi + PCI_MSI_ADDRESS_LO), DOORBELL_BASE + 0x40, 4);
    wr(ECAM(0, 6, 0, msi + PCI_MSI_ADDRESS_HI), 0, 4);
    wr(ECAM(0, 6, 0, msi + PCI_MSI_DATA_64), 0x55, 2);
    wr(ECAM(0, 6, 0, msi + PCI_MSI_FLAGS), PCI_MSI_FLAGS_ENABLE, 2);
    G.doorbell_n = 0;
    wr(bar + 0x60, 0x8, 4);
    g_assert_cmpint(G.doorbell_n, ==, 1);
    g_assert_cmphex(G.doorbell_addr[0], ==, 0x40);
    g_assert_cmphex(G.doorbell_data[0], ==, 0x55);
    g_assert_cmpint(G.irq_level[line], ==, 0);
    wr(bar + 0x64, 0x8, 4);
}

/* The -device path: bus found by type or name, QEMU's addr syntax. */
static void test_device_add(void)
{
    static const char *const lines[] = {
        "pci-testdev,addr=0a.0,id=td0",
        "edu,bus=pcie.0,addr=b,dma_mask=0xffffffff",
        "pcie-root-port,id=rp0,chassis=1,slot=2,addr=0c",
        "edu,bus=rp0",
    };
    GError *err = NULL;
    PCIDevice *d;

    for (size_t i = 0; i < ARRAY_SIZE(lines); i++) {
        KeyValList *kv = keyval_parse(lines[i], "driver", &err);

        g_assert_no_error(err);
        if (!qdev_device_add(kv, &err)) {
            g_error("-device %s: %s", lines[i], err->message);
        }
        keyval_free(kv);
    }
    d = pci_find_device(G.bus, 0, PCI_DEVFN(0xa, 0));
    g_assert_nonnull(d);
    g_assert_cmpstr(DEVICE(d)->id, ==, "td0");
    g_assert_cmphex(pci_get_word(d->config + PCI_DEVICE_ID), ==, 0x0005);
    d = pci_find_device(G.bus, 0, PCI_DEVFN(0xb, 0));
    g_assert_nonnull(d);
    g_assert_cmphex(pci_get_word(d->config + PCI_DEVICE_ID), ==, 0x11e8);
    /* Behind the root port once the guest numbers it: bus 1, slot 0. */
    wr(ECAM(0, 0xc, 0, PCI_PRIMARY_BUS), 0x00010100, 4);
    g_assert_cmphex(rd(ECAM(1, 0, 0, PCI_VENDOR_ID), 4, NULL), ==,
                    0x11e81234);

    /* Errors name the problem. */
    {
        KeyValList *kv = keyval_parse("edu,addr=0a.0", "driver", &err);

        g_assert_null(qdev_device_add(kv, &err));
        g_assert_nonnull(strstr(err->message, "in use"));
        g_clear_error(&err);
        keyval_free(kv);
        kv = keyval_parse("edu,addr=zz", "driver", &err);
        g_assert_null(qdev_device_add(kv, &err));
        g_assert_nonnull(strstr(err->message, "addr"));
        g_clear_error(&err);
        keyval_free(kv);
    }
}

static void test_info_and_fdt(void)
{
    GString *out = g_string_new("");
    GPEXConfig cfg = gpex_virt_config(true);
    GError *err = NULL;
    void *fdt = g_malloc0(64 * KiB);
    const fdt32_t *p;
    int node, len;

    pci_info(out);
    g_assert_nonnull(strstr(out->str, "Bus  0, device   0, function 0:\n"
                            "    Host bridge: PCI device 1b36:0008"));
    g_assert_nonnull(strstr(out->str, "Class 0255: PCI device 1234:11e8"));
    g_assert_nonnull(strstr(out->str, "      IRQ 0, pin A\n"));
    g_string_free(out, true);

    g_assert_cmpint(fdt_create_empty_tree(fdt, 64 * KiB), ==, 0);
    g_assert_true(gpex_fdt_populate(fdt, &cfg, 0x8001, 0x8002, VIRT_PCIE_IRQ,
                                    &err));
    node = fdt_path_offset(fdt, "/pcie@4010000000");
    g_assert_cmpint(node, >=, 0);
    g_assert_cmpstr(fdt_getprop(fdt, node, "compatible", NULL), ==,
                    "pci-host-ecam-generic");
    p = fdt_getprop(fdt, node, "bus-range", &len);
    g_assert_cmpint(len, ==, 8);
    g_assert_cmpuint(fdt32_to_cpu(p[1]), ==, 255);
    p = fdt_getprop(fdt, node, "ranges", &len);
    g_assert_cmpint(len, ==, 3 * 7 * 4);
    g_assert_cmphex(fdt32_to_cpu(p[0]), ==, 0x01000000);
    g_assert_cmphex(fdt32_to_cpu(p[4]), ==, (uint32_t)VIRT_PCIE_PIO_BASE);
    g_assert_cmphex(fdt32_to_cpu(p[14]), ==, 0x03000000);
    p = fdt_getprop(fdt, node, "interrupt-map", &len);
    g_assert_cmpint(len, ==, 16 * 10 * 4);
    /* Slot 1, INTB -> SPI 3 + (1 + 1) % 4. */
    g_assert_cmphex(fdt32_to_cpu(p[5 * 10 + 0]), ==, PCI_DEVFN(1, 0) << 8);
    g_assert_cmpuint(fdt32_to_cpu(p[5 * 10 + 3]), ==, 2);
    g_assert_cmpuint(fdt32_to_cpu(p[5 * 10 + 4]), ==, 0x8001);
    g_assert_cmpuint(fdt32_to_cpu(p[5 * 10 + 8]), ==, VIRT_PCIE_IRQ + 2);
    /* QEMU 7.2: msi-map = <rid-base msi-controller msi-base length>. */
    p = fdt_getprop(fdt, node, "msi-map", &len);
    g_assert_cmpint(len, ==, 4 * 4);
    g_assert_cmphex(fdt32_to_cpu(p[0]), ==, 0);
    g_assert_cmphex(fdt32_to_cpu(p[1]), ==, 0x8002);
    g_assert_cmphex(fdt32_to_cpu(p[2]), ==, 0);
    g_assert_cmphex(fdt32_to_cpu(p[3]), ==, 0x10000);
    g_assert_null(fdt_getprop(fdt, node, "msi-parent", NULL));
    g_free(fdt);
}

/*
 * Guest-triggerable conditions never abort: random config cycles of every
 * width at every offset of every function (bridges included), then random
 * accesses in the MMIO and PIO windows, must leave a working host.
 */
static void test_random_guest_survives(void)
{
    static const int slots[] = { 0, 1, 4, 6, 0xa, 0xb, 0xc, 0x1f };
    static const unsigned sizes[] = { 1, 2, 4, 8 };
    GRand *r = g_rand_new_with_seed(0x9c1);
    MemTxResult res;

    log_set_mask(0);        /* thousands of guest errors are expected */
    for (int i = 0; i < 20000; i++) {
        unsigned size = sizes[g_rand_int_range(r, 0, 4)];
        uint64_t val = (uint64_t)g_rand_int(r) << 32 | g_rand_int(r);
        hwaddr a;

        switch (g_rand_int_range(r, 0, 4)) {
        case 0:
        case 1:
            a = ECAM(g_rand_int_range(r, 0, 3),
                     slots[g_rand_int_range(r, 0, ARRAY_SIZE(slots))],
                     g_rand_int_range(r, 0, 2),
                     g_rand_int_range(r, 0, 0x1000) & ~(size - 1));
            if (g_rand_boolean(r)) {
                address_space_write(&address_space_memory, a,
                                    MEMTXATTRS_UNSPECIFIED, &val, size);
            } else {
                address_space_read(&address_space_memory, a,
                                   MEMTXATTRS_UNSPECIFIED, &val, size);
            }
            break;
        case 2:
            a = VIRT_PCIE_MMIO_BASE + (g_rand_int(r) & 0x00ffffff & ~(size - 1));
            if (g_rand_boolean(r)) {
                address_space_write(&address_space_memory, a,
                                    MEMTXATTRS_UNSPECIFIED, &val, size);
            } else {
                address_space_read(&address_space_memory, a,
                                   MEMTXATTRS_UNSPECIFIED, &val, size);
            }
            break;
        default:
            a = VIRT_PCIE_PIO_BASE + (g_rand_int(r) & 0xffff & ~(size - 1));
            address_space_write(&address_space_memory, a,
                                MEMTXATTRS_UNSPECIFIED, &val, size);
            break;
        }
    }
    g_rand_free(r);
    log_set_mask(LOG_GUEST_ERROR);

    /* Still a host: reset and enumerate again. */
    pci_bus_reset(G.bus);
    g_assert_cmphex(rd(ECAM(0, 0, 0, PCI_VENDOR_ID), 4, &res), ==,
                    PCI_DEVICE_ID_REDHAT_PCIE_HOST << 16 | PCI_VENDOR_ID_REDHAT);
    g_assert_cmphex(rd(ECAM(0, 6, 0, PCI_VENDOR_ID), 4, &res), ==, 0x11e81234);
    g_assert_cmphex(rd(ECAM(0, 6, 0, PCI_COMMAND), 2, &res), ==, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    setup();
    g_test_add_func("/gpex/root-and-absent", test_root_and_absent);
    g_test_add_func("/gpex/ecam-widths", test_ecam_widths);
    g_test_add_func("/gpex/ecam-8byte-default", test_ecam_8byte_default);
    g_test_add_func("/gpex/ecam-8byte-split", test_ecam_8byte_split);
    g_test_add_func("/gpex/pci-testdev", test_pci_testdev);
    g_test_add_func("/gpex/edu", test_edu);
    g_test_add_func("/gpex/device-add", test_device_add);
    g_test_add_func("/gpex/info-and-fdt", test_info_and_fdt);
    g_test_add_func("/gpex/random-guest-survives", test_random_guest_survives);
    return g_test_run();
}
