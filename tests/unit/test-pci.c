/*
 * test-pci.c - unit tests of the PCI core (hw/pci/pci.c, msi.c, msix.c)
 * on a private memory map: no machine, no CPU.
 *
 * The map: "sysmem" (what DMA sees) holds 1 MiB of RAM at 0x40000000, an
 * MSI doorbell that records writes at 0x08020000, a width recorder at
 * 0x09000000, and a window of the PCI memory container at 0x10000000.
 * A root PCIe bus maps BARs into its own memory and I/O containers, which
 * the tests also read directly (the "CPU" view). A test device type with
 * every BAR kind, MSI and MSI-X provides the function under test.
 */
#include "util/osdep.h"
#include "util/error.h"
#include "exec/memory.h"
#include "hw/qdev.h"
#include "hw/qdev-properties.h"
#include "hw/pci/pci.h"
#include "hw/pci/msi.h"
#include "hw/pci/msix.h"
#include "hw/pci/pci_host.h"

#define RAM_BASE        0x40000000ULL
#define RAM_SIZE        (1 * MiB)
#define DOORBELL_BASE   0x08020000ULL
#define RECORDER_BASE   0x09000000ULL
#define PCI_MMIO_BASE   0x10000000ULL
#define PCI_MMIO_SIZE   0x2eff0000ULL

/* ------------------------------------------------------------------ */
/* A region that records every access it gets */

typedef struct Access {
    hwaddr addr;
    unsigned size;
    uint64_t val;
    bool is_write;
} Access;

typedef struct Recorder {
    MemoryRegion mr;
    Access log[64];
    int n;
    uint64_t read_value;
} Recorder;

static uint64_t recorder_read(void *opaque, hwaddr addr, unsigned size)
{
    Recorder *r = opaque;

    if (r->n < (int)ARRAY_SIZE(r->log)) {
        r->log[r->n++] = (Access) { addr, size, 0, false };
    }
    return r->read_value;
}

static void recorder_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
    Recorder *r = opaque;

    if (r->n < (int)ARRAY_SIZE(r->log)) {
        r->log[r->n++] = (Access) { addr, size, val, true };
    }
}

static const MemoryRegionOps recorder_ops = {
    .read = recorder_read,
    .write = recorder_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

static void recorder_init(Recorder *r, Object *owner, const char *name,
                          uint64_t size)
{
    memset(r->log, 0, sizeof(r->log));
    r->n = 0;
    memory_region_init_io(&r->mr, owner, &recorder_ops, r, name, size);
}

/* ------------------------------------------------------------------ */
/* The test device */

#define TYPE_TEST_PCIDEV "test-pcidev"
#define TEST_VENDOR 0x1b36
#define TEST_DEVICE 0x00f0
#define TEST_MSIX_VECTORS 8

typedef struct TestPCIDev {
    PCIDevice parent_obj;
    Recorder io;            /* BAR0: I/O, 256 bytes */
    Recorder regs;          /* BAR1: 32-bit memory, 4 KiB */
    MemoryRegion pref64;    /* BAR2+3: 64-bit prefetchable RAM, 1 MiB */
    MemoryRegion msix_bar;  /* BAR4: 32-bit memory, 16 KiB container */
    MemoryRegion rom;       /* ROM: 64 KiB */
    uint32_t variant;       /* 1: MSI-X table in BAR1, PBA in BAR4;
                               2: 32-bit MSI without masking */
} TestPCIDev;

#define TEST_PCIDEV(obj) OBJECT_CHECK(TestPCIDev, (obj), TYPE_TEST_PCIDEV)

static void test_pcidev_realize(PCIDevice *pdev, GError **errp)
{
    TestPCIDev *s = TEST_PCIDEV(pdev);
    Object *o = OBJECT(s);

    pci_config_set_interrupt_pin(pdev->config, 1);
    recorder_init(&s->io, o, "test-io", 256);
    recorder_init(&s->regs, o, "test-regs", 4096);
    if (!memory_region_init_ram(&s->pref64, o, "test-pref64", 1 * MiB, errp) ||
        !memory_region_init_rom(&s->rom, o, "test-rom", 64 * KiB, errp)) {
        return;
    }
    memcpy(memory_region_get_ram_ptr(&s->rom), "\x55\xaaROM", 5);
    memory_region_init(&s->msix_bar, o, "test-msix-bar", 16 * KiB);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_IO, &s->io.mr);
    pci_register_bar(pdev, 1, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs.mr);
    pci_register_bar(pdev, 2, PCI_BASE_ADDRESS_MEM_TYPE_64 |
                     PCI_BASE_ADDRESS_MEM_PREFETCH, &s->pref64);
    pci_register_bar(pdev, 4, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->msix_bar);
    pci_register_bar(pdev, PCI_ROM_SLOT, 0, &s->rom);

    /* Variant 2: 32-bit MSI, 2 vectors, no per-vector mask. */
    if (pcie_cap_init(pdev, 0, PCI_EXP_TYPE_ENDPOINT, 0, errp) < 0 ||
        (s->variant == 2 ? msi_init(pdev, 0, 2, false, false, errp)
                         : msi_init(pdev, 0, 4, true, true, errp)) < 0) {
        return;
    }
    if (s->variant == 1) {
        if (msix_init(pdev, TEST_MSIX_VECTORS, &s->regs.mr, 1, 0x800,
                      &s->msix_bar, 4, 0x100, 0, errp) < 0) {
            return;
        }
    } else if (msix_init(pdev, TEST_MSIX_VECTORS, &s->msix_bar, 4, 0x1000,
                         &s->msix_bar, 4, 0x3000, 0, errp) < 0) {
        return;
    }
    for (int v = 0; v < TEST_MSIX_VECTORS; v++) {
        msix_vector_use(pdev, v);
    }
    if (!pcie_add_capability(pdev, PCI_EXT_CAP_ID_DSN, 1, 0x100, 12, errp) ||
        !pcie_add_capability(pdev, PCI_EXT_CAP_ID_VNDR, 1, 0x140, 8, errp)) {
        return;
    }
}

static void test_pcidev_exit(PCIDevice *pdev)
{
    TestPCIDev *s = TEST_PCIDEV(pdev);

    memory_region_destroy(&s->io.mr);
    memory_region_destroy(&s->regs.mr);
    memory_region_destroy(&s->pref64);
    memory_region_destroy(&s->msix_bar);
    memory_region_destroy(&s->rom);
}

static Property test_pcidev_props[] = {
    DEFINE_PROP_UINT32("variant", TestPCIDev, variant, 0),
    DEFINE_PROP_END_OF_LIST(),
};

static void test_pcidev_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *pc = PCI_DEVICE_CLASS(klass);

    pc->realize = test_pcidev_realize;
    pc->exit = test_pcidev_exit;
    pc->vendor_id = TEST_VENDOR;
    pc->device_id = TEST_DEVICE;
    pc->revision = 3;
    pc->class_id = PCI_CLASS_OTHERS << 8;
    pc->is_express = true;
    device_class_set_props(dc, test_pcidev_props);
}

static const TypeInfo test_pcidev_info = {
    .name = TYPE_TEST_PCIDEV,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(TestPCIDev),
    .class_init = test_pcidev_class_init,
};

static void test_pcidev_register(void)
{
    type_register_static(&test_pcidev_info);
}
type_init(test_pcidev_register)

/* ------------------------------------------------------------------ */
/* The machine-less fixture (built once) */

static struct {
    MemoryRegion sysmem, ram, pci_mem, pci_io, pci_window;
    Recorder doorbell, recorder;
    AddressSpace dma_as, mem_as, io_as;
    PCIBus *bus;
    int irq_level[PCI_NUM_PINS];
    int irq_changes;
} F;

static void fixture_set_irq(void *opaque, int irq_num, int level)
{
    F.irq_level[irq_num] = level;
    F.irq_changes++;
}

static AddressSpace *fixture_iommu(PCIBus *bus, void *opaque, int devfn)
{
    return &F.dma_as;
}

static void fixture_init(void)
{
    GError *err = NULL;

    memory_region_init(&F.sysmem, NULL, "test-sysmem", UINT64_MAX);
    g_assert_true(memory_region_init_ram(&F.ram, NULL, "test-ram", RAM_SIZE,
                                         &err));
    memory_region_add_subregion(&F.sysmem, RAM_BASE, &F.ram);
    recorder_init(&F.doorbell, NULL, "test-doorbell", 4096);
    memory_region_add_subregion(&F.sysmem, DOORBELL_BASE, &F.doorbell.mr);
    recorder_init(&F.recorder, NULL, "test-recorder", 4096);
    memory_region_add_subregion(&F.sysmem, RECORDER_BASE, &F.recorder.mr);

    memory_region_init(&F.pci_mem, NULL, "test-pci-mem", UINT64_MAX);
    memory_region_init(&F.pci_io, NULL, "test-pci-io", 64 * KiB);
    memory_region_init_alias(&F.pci_window, NULL, "test-pci-window",
                             &F.pci_mem, PCI_MMIO_BASE, PCI_MMIO_SIZE);
    memory_region_add_subregion(&F.sysmem, PCI_MMIO_BASE, &F.pci_window);

    address_space_init(&F.dma_as, &F.sysmem, "test-dma");
    address_space_init(&F.mem_as, &F.pci_mem, "test-bus-mem");
    address_space_init(&F.io_as, &F.pci_io, "test-bus-io");

    F.bus = pci_root_bus_new(NULL, "test-pcie.0", &F.pci_mem, &F.pci_io, 0,
                             TYPE_PCIE_BUS);
    pci_bus_irqs(F.bus, fixture_set_irq, NULL, PCI_NUM_PINS);
    pci_bus_map_irqs(F.bus, pci_swizzle_map_irq_fn);
    pci_setup_iommu(F.bus, fixture_iommu, NULL);
}

static PCIDevice *new_dev(PCIBus *bus, int devfn, const char *type,
                          uint32_t variant)
{
    PCIDevice *d = pci_new(devfn, type);
    GError *err = NULL;

    if (variant) {
        qdev_prop_set_uint32(DEVICE(d), "variant", variant);
    }
    if (!pci_realize_and_unref(d, bus, &err)) {
        g_error("realize %s: %s", type, err->message);
    }
    return d;
}

static uint32_t cfg_read(PCIDevice *d, uint32_t addr, unsigned len)
{
    return pci_host_config_read_common(d, addr, PCIE_CONFIG_SPACE_SIZE, len);
}

static void cfg_write(PCIDevice *d, uint32_t addr, uint32_t val, unsigned len)
{
    pci_host_config_write_common(d, addr, PCIE_CONFIG_SPACE_SIZE, val, len);
}

static uint32_t mem_read32(hwaddr addr, MemTxResult *res)
{
    return address_space_ldl_le(&F.mem_as, addr, MEMTXATTRS_UNSPECIFIED, res);
}

static void mem_write32(hwaddr addr, uint32_t val)
{
    MemTxResult res;

    address_space_stl_le(&F.mem_as, addr, val, MEMTXATTRS_UNSPECIFIED, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
}

static uint8_t *ram_ptr(hwaddr addr)
{
    return (uint8_t *)memory_region_get_ram_ptr(&F.ram) + (addr - RAM_BASE);
}

/* ------------------------------------------------------------------ */
/* Config space */

static void test_identity_and_header(void)
{
    PCIDevice *d = new_dev(F.bus, PCI_DEVFN(1, 0), TYPE_TEST_PCIDEV, 0);

    g_assert_cmphex(cfg_read(d, PCI_VENDOR_ID, 2), ==, TEST_VENDOR);
    g_assert_cmphex(cfg_read(d, PCI_DEVICE_ID, 2), ==, TEST_DEVICE);
    g_assert_cmphex(cfg_read(d, PCI_VENDOR_ID, 4), ==,
                    TEST_DEVICE << 16 | TEST_VENDOR);
    g_assert_cmphex(cfg_read(d, PCI_REVISION_ID, 1), ==, 3);
    g_assert_cmphex(cfg_read(d, PCI_CLASS_DEVICE, 2), ==, 0xff00);
    g_assert_cmphex(cfg_read(d, PCI_HEADER_TYPE, 1), ==, 0);
    g_assert_cmphex(cfg_read(d, PCI_INTERRUPT_PIN, 1), ==, 1);
    g_assert_cmpuint(pci_config_size(d), ==, PCIE_CONFIG_SPACE_SIZE);
    /* The config hooks see the function's devfn and bus. */
    g_assert_true(pci_find_device(F.bus, 0, PCI_DEVFN(1, 0)) == d);
    g_assert_null(pci_find_device(F.bus, 0, PCI_DEVFN(1, 1)));
    g_assert_null(pci_find_device(F.bus, 1, PCI_DEVFN(1, 0)));
}

static void test_config_masks(void)
{
    PCIDevice *d = new_dev(F.bus, PCI_DEVFN(2, 0), TYPE_TEST_PCIDEV, 0);
    uint8_t msi = pci_find_capability(d, PCI_CAP_ID_MSI);

    /* Read-only: IDs, class, header type, interrupt pin. */
    cfg_write(d, PCI_VENDOR_ID, 0xffffffff, 4);
    g_assert_cmphex(cfg_read(d, PCI_VENDOR_ID, 4), ==,
                    TEST_DEVICE << 16 | TEST_VENDOR);
    cfg_write(d, PCI_CLASS_REVISION, 0, 4);
    g_assert_cmphex(cfg_read(d, PCI_CLASS_REVISION, 4), ==, 0xff000003);
    cfg_write(d, PCI_INTERRUPT_PIN, 4, 1);
    g_assert_cmphex(cfg_read(d, PCI_INTERRUPT_PIN, 1), ==, 1);

    /* Read-write subset of the command register. */
    cfg_write(d, PCI_COMMAND, 0xffff, 2);
    g_assert_cmphex(cfg_read(d, PCI_COMMAND, 2), ==,
                    PCI_COMMAND_IO | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER |
                    PCI_COMMAND_PARITY | PCI_COMMAND_SERR |
                    PCI_COMMAND_INTX_DISABLE);
    cfg_write(d, PCI_COMMAND, 0, 2);
    g_assert_cmphex(cfg_read(d, PCI_COMMAND, 2), ==, 0);
    /* Interrupt line: plain read-write byte. */
    cfg_write(d, PCI_INTERRUPT_LINE, 0x2a, 1);
    g_assert_cmphex(cfg_read(d, PCI_INTERRUPT_LINE, 1), ==, 0x2a);

    /* Write-1-to-clear status bits, one byte-lane at a time. */
    pci_word_set_mask(d->config + PCI_STATUS, PCI_STATUS_REC_MASTER_ABORT |
                      PCI_STATUS_SIG_TARGET_ABORT);
    cfg_write(d, PCI_STATUS, 0, 2);
    g_assert_cmphex(cfg_read(d, PCI_STATUS, 2) & 0xf900, ==,
                    PCI_STATUS_REC_MASTER_ABORT | PCI_STATUS_SIG_TARGET_ABORT);
    cfg_write(d, PCI_STATUS, PCI_STATUS_REC_MASTER_ABORT, 2);
    g_assert_cmphex(cfg_read(d, PCI_STATUS, 2) & 0xf900, ==,
                    PCI_STATUS_SIG_TARGET_ABORT);
    /* Cap-list bit is read-only even when written with 1. */
    cfg_write(d, PCI_STATUS, 0xffff, 2);
    g_assert_cmphex(cfg_read(d, PCI_STATUS, 2), ==, PCI_STATUS_CAP_LIST);

    /* A 4-byte write at COMMAND updates command (RW) and status (W1C). */
    pci_word_set_mask(d->config + PCI_STATUS, PCI_STATUS_DETECTED_PARITY);
    cfg_write(d, PCI_COMMAND, 0x80000000 | PCI_COMMAND_SERR, 4);
    g_assert_cmphex(cfg_read(d, PCI_COMMAND, 4), ==,
                    PCI_STATUS_CAP_LIST << 16 | PCI_COMMAND_SERR);

    /* Inside a capability: MSI flags' capability bits are read-only,
     * the address' low two bits too. */
    g_assert_cmpuint(msi, !=, 0);
    cfg_write(d, msi + PCI_MSI_FLAGS, 0, 2);
    g_assert_cmphex(cfg_read(d, msi + PCI_MSI_FLAGS, 2), ==,
                    PCI_MSI_FLAGS_MASKBIT | PCI_MSI_FLAGS_64BIT | (2 << 1));
    cfg_write(d, msi + PCI_MSI_ADDRESS_LO, 0xffffffff, 4);
    g_assert_cmphex(cfg_read(d, msi + PCI_MSI_ADDRESS_LO, 4), ==, 0xfffffffc);
    /* The pending register belongs to the device. */
    cfg_write(d, msi + PCI_MSI_PENDING_64, 0xf, 4);
    g_assert_cmphex(cfg_read(d, msi + PCI_MSI_PENDING_64, 4), ==, 0);

    /* Past the end of config space: all-ones, writes dropped. */
    g_assert_cmphex(pci_host_config_read_common(d, 0x100, 0x100, 4), ==,
                    0xffffffff);
    g_assert_cmphex(cfg_read(d, 0xffe, 2), ==, 0);
    g_assert_cmphex(pci_host_config_read_common(d, 0xffe, 0x1000, 4), ==,
                    0xffffffff);
}

static void test_capability_lists(void)
{
    PCIDevice *d = new_dev(F.bus, PCI_DEVFN(3, 0), TYPE_TEST_PCIDEV, 0);
    GError *err = NULL;
    unsigned seen = 0, count = 0;
    uint32_t off, hdr;

    /* Walk as a guest does: through config reads only. */
    g_assert_true(cfg_read(d, PCI_STATUS, 2) & PCI_STATUS_CAP_LIST);
    for (off = cfg_read(d, PCI_CAPABILITY_LIST, 1); off && count < 48;
         off = cfg_read(d, off + PCI_CAP_LIST_NEXT, 1), count++) {
        uint8_t id = cfg_read(d, off, 1);

        g_assert_cmpuint(off, >=, PCI_CONFIG_HEADER_SIZE);
        g_assert_cmpuint(off & 3, ==, 0);
        seen |= 1u << id;
        if (id == PCI_CAP_ID_MSI) {
            g_assert_cmpuint(off, ==, pci_find_capability(d, PCI_CAP_ID_MSI));
        }
    }
    g_assert_cmpuint(count, ==, 3);
    g_assert_cmphex(seen, ==, 1u << PCI_CAP_ID_MSI | 1u << PCI_CAP_ID_MSIX |
                    1u << PCI_CAP_ID_EXP);
    g_assert_cmpuint(pci_find_capability(d, PCI_CAP_ID_PM), ==, 0);

    /* Overlap and misplacement are refused. */
    off = pci_find_capability(d, PCI_CAP_ID_MSIX);
    g_assert_cmpint(pci_add_capability(d, PCI_CAP_ID_VNDR, off + 4, 8, &err),
                    <, 0);
    g_assert_nonnull(err);
    g_clear_error(&err);
    g_assert_cmpint(pci_add_capability(d, PCI_CAP_ID_VNDR, 0x3c, 4, &err),
                    <, 0);
    g_clear_error(&err);
    /* Free placement finds room and links it in; deleting unlinks. */
    off = pci_add_capability(d, PCI_CAP_ID_VNDR, 0, 8, &err);
    g_assert_no_error(err);
    g_assert_cmpuint(pci_find_capability(d, PCI_CAP_ID_VNDR), ==, off);
    pci_del_capability(d, PCI_CAP_ID_VNDR, 8);
    g_assert_cmpuint(pci_find_capability(d, PCI_CAP_ID_VNDR), ==, 0);
    g_assert_cmpuint(pci_find_capability(d, PCI_CAP_ID_MSI), !=, 0);

    /* Extended capabilities from 0x100. */
    hdr = cfg_read(d, 0x100, 4);
    g_assert_cmphex(PCI_EXT_CAP_ID(hdr), ==, PCI_EXT_CAP_ID_DSN);
    g_assert_cmphex(PCI_EXT_CAP_NEXT(hdr), ==, 0x140);
    hdr = cfg_read(d, 0x140, 4);
    g_assert_cmphex(PCI_EXT_CAP_ID(hdr), ==, PCI_EXT_CAP_ID_VNDR);
    g_assert_cmphex(PCI_EXT_CAP_NEXT(hdr), ==, 0);
    g_assert_cmpuint(pcie_find_capability(d, PCI_EXT_CAP_ID_VNDR), ==, 0x140);
    g_assert_false(pcie_add_capability(d, PCI_EXT_CAP_ID_ARI, 1, 0x144, 8,
                                       &err));
    g_clear_error(&err);
    /* Header is read-only to the guest. */
    cfg_write(d, 0x100, 0, 4);
    g_assert_cmphex(PCI_EXT_CAP_ID(cfg_read(d, 0x100, 4)), ==,
                    PCI_EXT_CAP_ID_DSN);
}

/* ------------------------------------------------------------------ */
/* BARs */

static uint32_t size_probe(PCIDevice *d, int reg)
{
    uint32_t old = cfg_read(d, reg, 4), v;

    cfg_write(d, reg, 0xffffffff, 4);
    v = cfg_read(d, reg, 4);
    cfg_write(d, reg, old, 4);
    return v;
}

static void test_bar_sizing(void)
{
    PCIDevice *d = new_dev(F.bus, PCI_DEVFN(4, 0), TYPE_TEST_PCIDEV, 0);

    /* Type bits before sizing. */
    g_assert_cmphex(cfg_read(d, PCI_BASE_ADDRESS_0, 4), ==, 0x1);
    g_assert_cmphex(cfg_read(d, PCI_BASE_ADDRESS_1, 4), ==, 0x0);
    g_assert_cmphex(cfg_read(d, PCI_BASE_ADDRESS_2, 4), ==, 0xc);
    g_assert_cmphex(cfg_read(d, PCI_BASE_ADDRESS_3, 4), ==, 0x0);

    g_assert_cmphex(size_probe(d, PCI_BASE_ADDRESS_0), ==, 0xffffff01);
    g_assert_cmphex(size_probe(d, PCI_BASE_ADDRESS_1), ==, 0xfffff000);
    g_assert_cmphex(size_probe(d, PCI_BASE_ADDRESS_2), ==, 0xfff0000c);
    g_assert_cmphex(size_probe(d, PCI_BASE_ADDRESS_3), ==, 0xffffffff);
    g_assert_cmphex(size_probe(d, PCI_BASE_ADDRESS_4), ==, 0xffffc000);
    /* BAR5 is not implemented: hard-wired zero. */
    g_assert_cmphex(size_probe(d, PCI_BASE_ADDRESS_5), ==, 0);
    /* ROM: size mask plus the writable enable bit. */
    g_assert_cmphex(size_probe(d, PCI_ROM_ADDRESS), ==, 0xffff0001);
    /* Restored afterwards. */
    g_assert_cmphex(cfg_read(d, PCI_BASE_ADDRESS_2, 4), ==, 0xc);
    g_assert_cmphex(cfg_read(d, PCI_ROM_ADDRESS, 4), ==, 0);
}

static void test_bar_mapping(void)
{
    PCIDevice *d = new_dev(F.bus, PCI_DEVFN(5, 0), TYPE_TEST_PCIDEV, 0);
    TestPCIDev *s = TEST_PCIDEV(d);
    MemTxResult res;
    uint8_t buf[4];

    s->regs.read_value = 0x12345678;
    s->io.read_value = 0xabcd;
    cfg_write(d, PCI_BASE_ADDRESS_0, 0x1000, 4);
    cfg_write(d, PCI_BASE_ADDRESS_1, 0x20000000, 4);
    cfg_write(d, PCI_BASE_ADDRESS_2, 0x00000000, 4);
    cfg_write(d, PCI_BASE_ADDRESS_3, 0x00000080, 4);     /* 512 GiB */
    cfg_write(d, PCI_ROM_ADDRESS, 0x20100000, 4);

    /* Programmed but not enabled: nothing decodes. */
    g_assert_cmphex(pci_get_bar_addr(d, 1), ==, PCI_BAR_UNMAPPED);
    mem_read32(0x20000000, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);

    cfg_write(d, PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
    g_assert_cmphex(pci_get_bar_addr(d, 1), ==, 0x20000000);
    g_assert_cmphex(pci_get_bar_addr(d, 0), ==, PCI_BAR_UNMAPPED);
    g_assert_cmphex(mem_read32(0x20000010, &res), ==, 0x12345678);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    g_assert_cmphex(s->regs.log[s->regs.n - 1].addr, ==, 0x10);
    /* Through the host window too (0x10000000 + offset in sysmem). */
    g_assert_cmphex(address_space_ldl_le(&F.dma_as, 0x20000010,
                    MEMTXATTRS_UNSPECIFIED, &res), ==, 0x12345678);

    /* 64-bit BAR above 4 GiB. */
    g_assert_cmphex(pci_get_bar_addr(d, 2), ==, 0x8000000000ULL);
    address_space_stl_le(&F.mem_as, 0x8000000040ULL, 0xfeedf00d,
                         MEMTXATTRS_UNSPECIFIED, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    g_assert_cmphex(pci_get_long((uint8_t *)memory_region_get_ram_ptr(
                    &s->pref64) + 0x40), ==, 0xfeedf00d);

    /* ROM needs its enable bit as well. */
    g_assert_cmphex(pci_get_bar_addr(d, PCI_ROM_SLOT), ==, PCI_BAR_UNMAPPED);
    cfg_write(d, PCI_ROM_ADDRESS, 0x20100001, 4);
    g_assert_cmphex(pci_get_bar_addr(d, PCI_ROM_SLOT), ==, 0x20100000);
    g_assert_cmpuint(address_space_read(&F.mem_as, 0x20100000,
                     MEMTXATTRS_UNSPECIFIED, buf, 2), ==, MEMTX_OK);
    g_assert_cmphex(buf[0], ==, 0x55);
    g_assert_cmphex(buf[1], ==, 0xaa);

    /* I/O decode follows its own enable. */
    cfg_write(d, PCI_COMMAND, PCI_COMMAND_MEMORY | PCI_COMMAND_IO, 2);
    g_assert_cmphex(pci_get_bar_addr(d, 0), ==, 0x1000);
    g_assert_cmphex(address_space_lduw_le(&F.io_as, 0x1004,
                    MEMTXATTRS_UNSPECIFIED, &res), ==, 0xabcd);
    g_assert_cmphex(s->io.log[s->io.n - 1].addr, ==, 4);
    g_assert_cmpuint(s->io.log[s->io.n - 1].size, ==, 2);

    /* Moving a BAR unmaps the old place. */
    cfg_write(d, PCI_BASE_ADDRESS_1, 0x20200000, 4);
    g_assert_cmphex(pci_get_bar_addr(d, 1), ==, 0x20200000);
    mem_read32(0x20000010, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
    g_assert_cmphex(mem_read32(0x20200010, &res), ==, 0x12345678);

    /* Memory enable off: all memory BARs go, I/O stays. */
    cfg_write(d, PCI_COMMAND, PCI_COMMAND_IO, 2);
    g_assert_cmphex(pci_get_bar_addr(d, 1), ==, PCI_BAR_UNMAPPED);
    g_assert_cmphex(pci_get_bar_addr(d, 2), ==, PCI_BAR_UNMAPPED);
    g_assert_cmphex(pci_get_bar_addr(d, PCI_ROM_SLOT), ==, PCI_BAR_UNMAPPED);
    mem_read32(0x20200010, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
    g_assert_cmphex(pci_get_bar_addr(d, 0), ==, 0x1000);

    /* Sizing while enabled must not map at the all-ones address. */
    cfg_write(d, PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
    cfg_write(d, PCI_BASE_ADDRESS_1, 0xffffffff, 4);
    g_assert_cmphex(pci_get_bar_addr(d, 1), ==, PCI_BAR_UNMAPPED);

    /* Reset: BARs and command cleared, nothing mapped. */
    cfg_write(d, PCI_BASE_ADDRESS_1, 0x20000000, 4);
    g_assert_cmphex(pci_get_bar_addr(d, 1), ==, 0x20000000);
    pci_device_reset(d);
    g_assert_cmphex(cfg_read(d, PCI_COMMAND, 2), ==, 0);
    g_assert_cmphex(cfg_read(d, PCI_BASE_ADDRESS_1, 4), ==, 0);
    g_assert_cmphex(cfg_read(d, PCI_BASE_ADDRESS_2, 4), ==, 0xc);
    g_assert_cmphex(pci_get_bar_addr(d, 1), ==, PCI_BAR_UNMAPPED);
    mem_read32(0x20000010, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
}

/* ------------------------------------------------------------------ */
/* INTx */

static void test_intx_swizzle(void)
{
    /* Slots 8..11, pin A: lines (slot + 0) % 4 = 0, 1, 2, 3. */
    PCIDevice *d[4];

    for (int i = 0; i < 4; i++) {
        d[i] = new_dev(F.bus, PCI_DEVFN(8 + i, 0), TYPE_TEST_PCIDEV, 0);
    }
    memset(F.irq_level, 0, sizeof(F.irq_level));
    for (int i = 0; i < 4; i++) {
        pci_set_irq(d[i], 1);
        g_assert_cmpint(F.irq_level[i], ==, 1);
        g_assert_true(cfg_read(d[i], PCI_STATUS, 2) & PCI_STATUS_INTERRUPT);
        pci_set_irq(d[i], 0);
        g_assert_cmpint(F.irq_level[i], ==, 0);
        g_assert_false(cfg_read(d[i], PCI_STATUS, 2) & PCI_STATUS_INTERRUPT);
    }
    /* Pin B of slot 9 lands on line 2, like pin A of slot 10. */
    d[1]->config[PCI_INTERRUPT_PIN] = 2;
    g_assert_cmpint(pci_intx(d[1]), ==, 1);
    pci_set_irq(d[1], 1);
    g_assert_cmpint(F.irq_level[2], ==, 1);
    /* Shared line: stays up until both sources drop. */
    pci_set_irq(d[2], 1);
    pci_set_irq(d[1], 0);
    g_assert_cmpint(F.irq_level[2], ==, 1);
    pci_set_irq(d[2], 0);
    g_assert_cmpint(F.irq_level[2], ==, 0);
    d[1]->config[PCI_INTERRUPT_PIN] = 1;

    /* INTx Disable masks the line but not Status.Interrupt. */
    pci_set_irq(d[3], 1);
    g_assert_cmpint(F.irq_level[3], ==, 1);
    cfg_write(d[3], PCI_COMMAND, PCI_COMMAND_INTX_DISABLE, 2);
    g_assert_cmpint(F.irq_level[3], ==, 0);
    g_assert_true(cfg_read(d[3], PCI_STATUS, 2) & PCI_STATUS_INTERRUPT);
    cfg_write(d[3], PCI_COMMAND, 0, 2);
    g_assert_cmpint(F.irq_level[3], ==, 1);
    pci_set_irq(d[3], 0);
    g_assert_cmpint(F.irq_level[3], ==, 0);
    /* Raising twice counts once. */
    pci_set_irq(d[0], 1);
    pci_set_irq(d[0], 1);
    pci_set_irq(d[0], 0);
    g_assert_cmpint(F.irq_level[0], ==, 0);
}

/* ------------------------------------------------------------------ */
/* MSI */

static void doorbell_clear(void)
{
    F.doorbell.n = 0;
}

static void test_msi(void)
{
    PCIDevice *d = new_dev(F.bus, PCI_DEVFN(12, 0), TYPE_TEST_PCIDEV, 0);
    uint8_t msi = pci_find_capability(d, PCI_CAP_ID_MSI);

    cfg_write(d, msi + PCI_MSI_ADDRESS_LO, DOORBELL_BASE + 0x40, 4);
    cfg_write(d, msi + PCI_MSI_ADDRESS_HI, 0, 4);
    cfg_write(d, msi + PCI_MSI_DATA_64, 0x4a0, 2);

    /* Disabled: nothing happens. */
    doorbell_clear();
    msi_notify(d, 0);
    g_assert_cmpint(F.doorbell.n, ==, 0);

    /* Enabled with 4 vectors (Multiple Message Enable = 2). */
    cfg_write(d, msi + PCI_MSI_FLAGS, PCI_MSI_FLAGS_ENABLE | (2 << 4), 2);
    g_assert_true(msi_enabled(d));
    g_assert_cmpuint(msi_nr_vectors_allocated(d), ==, 4);
    /* Bus mastering off: MSI is a memory write and may not go out. */
    msi_notify(d, 0);
    g_assert_cmpint(F.doorbell.n, ==, 0);

    cfg_write(d, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    msi_notify(d, 3);
    g_assert_cmpint(F.doorbell.n, ==, 1);
    g_assert_true(F.doorbell.log[0].is_write);
    g_assert_cmphex(F.doorbell.log[0].addr, ==, 0x40);
    g_assert_cmpuint(F.doorbell.log[0].size, ==, 4);
    g_assert_cmphex(F.doorbell.log[0].val, ==, 0x4a3);

    /* Per-vector mask: raised while masked -> pending, sent on unmask. */
    doorbell_clear();
    cfg_write(d, msi + PCI_MSI_MASK_64, 0x2, 4);
    msi_notify(d, 1);
    g_assert_cmpint(F.doorbell.n, ==, 0);
    g_assert_true(msi_is_pending(d, 1));
    g_assert_cmphex(cfg_read(d, msi + PCI_MSI_PENDING_64, 4), ==, 0x2);
    msi_notify(d, 2);                   /* other vectors unaffected */
    g_assert_cmpint(F.doorbell.n, ==, 1);
    g_assert_cmphex(F.doorbell.log[0].val, ==, 0x4a2);
    cfg_write(d, msi + PCI_MSI_MASK_64, 0x0, 4);
    g_assert_cmpint(F.doorbell.n, ==, 2);
    g_assert_cmphex(F.doorbell.log[1].val, ==, 0x4a1);
    g_assert_false(msi_is_pending(d, 1));

    /* Multiple Message Enable above the capability is clamped. */
    cfg_write(d, msi + PCI_MSI_FLAGS, PCI_MSI_FLAGS_ENABLE | (5 << 4), 2);
    g_assert_cmpuint(msi_nr_vectors_allocated(d), ==, 4);

    /* 64-bit address. */
    doorbell_clear();
    cfg_write(d, msi + PCI_MSI_ADDRESS_HI, 0x1, 4);
    msi_notify(d, 0);
    g_assert_cmpint(F.doorbell.n, ==, 0);   /* 0x1_0802_0040: nothing there */
    cfg_write(d, msi + PCI_MSI_ADDRESS_HI, 0, 4);

    /* Reset disables MSI. */
    pci_device_reset(d);
    g_assert_false(msi_enabled(d));
    g_assert_cmphex(cfg_read(d, msi + PCI_MSI_ADDRESS_LO, 4), ==, 0);
}

static void test_msi_32bit(void)
{
    PCIDevice *d = new_dev(F.bus, PCI_DEVFN(15, 0), TYPE_TEST_PCIDEV, 2);
    uint8_t msi = pci_find_capability(d, PCI_CAP_ID_MSI);

    /* 32-bit layout: data right after the address, no mask registers. */
    g_assert_cmphex(cfg_read(d, msi + PCI_MSI_FLAGS, 2), ==, 1 << 1);
    cfg_write(d, msi + PCI_MSI_ADDRESS_LO, DOORBELL_BASE + 0x80, 4);
    cfg_write(d, msi + PCI_MSI_DATA_32, 0x7710, 2);
    g_assert_cmphex(cfg_read(d, msi + PCI_MSI_DATA_32, 2), ==, 0x7710);
    cfg_write(d, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    cfg_write(d, msi + PCI_MSI_FLAGS, PCI_MSI_FLAGS_ENABLE | (1 << 4), 2);
    g_assert_cmpuint(msi_nr_vectors_allocated(d), ==, 2);
    g_assert_false(msi_is_masked(d, 1));
    doorbell_clear();
    msi_notify(d, 1);
    msi_notify(d, 0);
    g_assert_cmpint(F.doorbell.n, ==, 2);
    g_assert_cmphex(F.doorbell.log[0].addr, ==, 0x80);
    g_assert_cmphex(F.doorbell.log[0].val, ==, 0x7711);
    g_assert_cmphex(F.doorbell.log[1].val, ==, 0x7710);
    /* One vector enabled: the data is sent unmodified whatever the vector. */
    cfg_write(d, msi + PCI_MSI_FLAGS, PCI_MSI_FLAGS_ENABLE, 2);
    msi_notify(d, 1);
    g_assert_cmpint(F.doorbell.n, ==, 3);
    g_assert_cmphex(F.doorbell.log[2].val, ==, 0x7710);
}

/* ------------------------------------------------------------------ */
/* MSI-X */

static void msix_program(hwaddr table, int v, uint64_t addr, uint32_t data,
                         bool masked)
{
    hwaddr e = table + v * PCI_MSIX_ENTRY_SIZE;

    mem_write32(e + PCI_MSIX_ENTRY_LOWER_ADDR, (uint32_t)addr);
    mem_write32(e + PCI_MSIX_ENTRY_UPPER_ADDR, addr >> 32);
    mem_write32(e + PCI_MSIX_ENTRY_DATA, data);
    mem_write32(e + PCI_MSIX_ENTRY_VECTOR_CTRL, masked);
}

static void check_msix(int slot, uint32_t variant, hwaddr table, hwaddr pba)
{
    PCIDevice *d = new_dev(F.bus, PCI_DEVFN(slot, 0), TYPE_TEST_PCIDEV,
                           variant);
    uint8_t cap = pci_find_capability(d, PCI_CAP_ID_MSIX);
    MemTxResult res;

    g_assert_cmpuint(cap, !=, 0);
    g_assert_cmphex(cfg_read(d, cap + PCI_MSIX_FLAGS, 2), ==,
                    TEST_MSIX_VECTORS - 1);
    cfg_write(d, PCI_BASE_ADDRESS_1, 0x30000000, 4);
    cfg_write(d, PCI_BASE_ADDRESS_4, 0x30010000, 4);
    cfg_write(d, PCI_COMMAND, PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER, 2);

    /* The table is where the capability says, entries start masked. */
    g_assert_cmphex(cfg_read(d, cap + PCI_MSIX_TABLE, 4), ==,
                    variant == 1 ? 0x801 : 0x1004);
    g_assert_cmphex(cfg_read(d, cap + PCI_MSIX_PBA, 4), ==,
                    variant == 1 ? 0x104 : 0x3004);
    g_assert_cmphex(mem_read32(table + PCI_MSIX_ENTRY_VECTOR_CTRL, &res), ==,
                    1);
    for (int v = 0; v < TEST_MSIX_VECTORS; v++) {
        msix_program(table, v, DOORBELL_BASE + 0x100, 0x30 + v, v == 5);
    }
    g_assert_cmphex(mem_read32(table + 5 * 16 + PCI_MSIX_ENTRY_DATA, &res),
                    ==, 0x35);
    /* An 8-byte access to the table is allowed. */
    g_assert_cmphex(address_space_ldq_le(&F.mem_as, table + 16,
                    MEMTXATTRS_UNSPECIFIED, &res), ==, DOORBELL_BASE + 0x100);
    g_assert_cmpuint(res, ==, MEMTX_OK);

    /* Disabled: the vector is masked (pending). */
    doorbell_clear();
    msix_notify(d, 0);
    g_assert_cmpint(F.doorbell.n, ==, 0);
    g_assert_true(msix_is_pending(d, 0));
    g_assert_cmphex(mem_read32(pba, &res), ==, 0x1);

    /* Enable with the function mask: still held, another one pends. */
    cfg_write(d, cap + PCI_MSIX_FLAGS,
              PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL, 2);
    msix_notify(d, 2);
    g_assert_cmpint(F.doorbell.n, ==, 0);
    g_assert_cmphex(mem_read32(pba, &res), ==, 0x5);
    /* The PBA is read-only. */
    address_space_stl_le(&F.mem_as, pba, 0, MEMTXATTRS_UNSPECIFIED, &res);
    g_assert_cmphex(mem_read32(pba, &res), ==, 0x5);

    /* Clearing the function mask delivers both, lowest vector first. */
    cfg_write(d, cap + PCI_MSIX_FLAGS, PCI_MSIX_FLAGS_ENABLE, 2);
    g_assert_cmpint(F.doorbell.n, ==, 2);
    g_assert_cmphex(F.doorbell.log[0].val, ==, 0x30);
    g_assert_cmphex(F.doorbell.log[1].val, ==, 0x32);
    g_assert_cmphex(F.doorbell.log[1].addr, ==, 0x100);
    g_assert_cmpuint(F.doorbell.log[1].size, ==, 4);
    g_assert_cmphex(mem_read32(pba, &res), ==, 0);

    /* Unmasked vector goes straight out. */
    doorbell_clear();
    msix_notify(d, 7);
    g_assert_cmpint(F.doorbell.n, ==, 1);
    g_assert_cmphex(F.doorbell.log[0].val, ==, 0x37);

    /* Per-vector mask: pending until the entry is unmasked. */
    doorbell_clear();
    msix_notify(d, 5);
    g_assert_cmpint(F.doorbell.n, ==, 0);
    g_assert_cmphex(mem_read32(pba, &res), ==, 0x20);
    mem_write32(table + 5 * 16 + PCI_MSIX_ENTRY_VECTOR_CTRL, 0);
    g_assert_cmpint(F.doorbell.n, ==, 1);
    g_assert_cmphex(F.doorbell.log[0].val, ==, 0x35);
    g_assert_cmphex(mem_read32(pba, &res), ==, 0);

    /* A vector the device gave up never fires and loses its pending bit. */
    doorbell_clear();
    mem_write32(table + 6 * 16 + PCI_MSIX_ENTRY_VECTOR_CTRL, 1);
    msix_notify(d, 6);
    g_assert_true(msix_is_pending(d, 6));
    msix_vector_unuse(d, 6);
    g_assert_false(msix_is_pending(d, 6));
    msix_notify(d, 6);
    mem_write32(table + 6 * 16 + PCI_MSIX_ENTRY_VECTOR_CTRL, 0);
    g_assert_cmpint(F.doorbell.n, ==, 0);

    /* Bus mastering off: nothing reaches the doorbell. */
    cfg_write(d, PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
    msix_notify(d, 7);
    g_assert_cmpint(F.doorbell.n, ==, 0);

    /* Reset: disabled, entries masked again. */
    pci_device_reset(d);
    g_assert_false(msix_enabled(d));
    g_assert_true(msix_is_masked(d, 0));
}

static void test_msix_same_bar(void)
{
    check_msix(13, 0, 0x30010000 + 0x1000, 0x30010000 + 0x3000);
}

static void test_msix_split_bars(void)
{
    /* Table in the register BAR (overlaid), PBA in another BAR. */
    PCIDevice *d;
    TestPCIDev *s;
    MemTxResult res;

    check_msix(14, 1, 0x30000000 + 0x800, 0x30010000 + 0x100);
    /* The register block below the table still answers. */
    d = pci_find_device(F.bus, 0, PCI_DEVFN(14, 0));
    s = TEST_PCIDEV(d);
    cfg_write(d, PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
    cfg_write(d, PCI_BASE_ADDRESS_1, 0x30000000, 4);
    s->regs.read_value = 0x600d;
    g_assert_cmphex(mem_read32(0x30000000 + 0x7fc, &res), ==, 0x600d);
    g_assert_cmphex(mem_read32(0x30000000 + 0x800 + 12, &res), ==, 1);
}

/* ------------------------------------------------------------------ */
/* DMA */

static void test_dma_bus_master(void)
{
    PCIDevice *d = new_dev(F.bus, PCI_DEVFN(16, 0), TYPE_TEST_PCIDEV, 0);
    uint8_t buf[16] = "bus-master-test";
    uint8_t back[16];
    uint32_t v = 0;

    memset(ram_ptr(RAM_BASE + 0x100), 0xee, 16);
    g_assert_cmpuint(pci_dma_write(d, RAM_BASE + 0x100, buf, 16), ==,
                     MEMTX_ACCESS_ERROR);
    g_assert_cmphex(ram_ptr(RAM_BASE + 0x100)[0], ==, 0xee);
    g_assert_cmpuint(pci_dma_read(d, RAM_BASE + 0x100, back, 16), ==,
                     MEMTX_ACCESS_ERROR);
    g_assert_cmpuint(stl_le_pci_dma(d, RAM_BASE + 0x100, 1), ==,
                     MEMTX_ACCESS_ERROR);
    g_assert_cmpuint(ldl_le_pci_dma(d, RAM_BASE + 0x100, &v), ==,
                     MEMTX_ACCESS_ERROR);
    g_assert_cmphex(ram_ptr(RAM_BASE + 0x100)[0], ==, 0xee);
    /* The raw bus-master address space refuses too. */
    g_assert_cmpuint(address_space_write(pci_get_address_space(d),
                     RAM_BASE + 0x100, MEMTXATTRS_UNSPECIFIED, buf, 16), !=,
                     MEMTX_OK);
    g_assert_cmphex(ram_ptr(RAM_BASE + 0x100)[0], ==, 0xee);

    cfg_write(d, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    g_assert_cmpuint(pci_dma_write(d, RAM_BASE + 0x100, buf, 16), ==,
                     MEMTX_OK);
    g_assert_cmpmem(ram_ptr(RAM_BASE + 0x100), 16, buf, 16);
    g_assert_cmpuint(pci_dma_read(d, RAM_BASE + 0x100, back, 16), ==,
                     MEMTX_OK);
    g_assert_cmpmem(back, 16, buf, 16);
    /* Unbacked bus address: a decode error, not a crash. */
    g_assert_cmpuint(pci_dma_write(d, 0x7000000000ULL, buf, 4), !=, MEMTX_OK);
    /* Off again. */
    cfg_write(d, PCI_COMMAND, 0, 2);
    g_assert_cmpuint(pci_dma_write(d, RAM_BASE + 0x100, buf, 1), ==,
                     MEMTX_ACCESS_ERROR);
}

static void test_dma_endianness(void)
{
    PCIDevice *d = new_dev(F.bus, PCI_DEVFN(17, 0), TYPE_TEST_PCIDEV, 0);
    uint8_t *p = ram_ptr(RAM_BASE + 0x200);
    uint16_t w;
    uint32_t l;
    uint64_t q;

    cfg_write(d, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    g_assert_cmpuint(stl_be_pci_dma(d, RAM_BASE + 0x200, 0x11223344), ==, 0);
    g_assert_cmphex(p[0], ==, 0x11);
    g_assert_cmphex(p[3], ==, 0x44);
    g_assert_cmpuint(ldl_le_pci_dma(d, RAM_BASE + 0x200, &l), ==, 0);
    g_assert_cmphex(l, ==, 0x44332211);
    g_assert_cmpuint(stq_le_pci_dma(d, RAM_BASE + 0x208,
                                    0x0102030405060708ULL), ==, 0);
    g_assert_cmphex(p[8], ==, 0x08);
    g_assert_cmpuint(ldq_be_pci_dma(d, RAM_BASE + 0x208, &q), ==, 0);
    g_assert_cmphex(q, ==, 0x0807060504030201ULL);
    g_assert_cmpuint(stw_be_pci_dma(d, RAM_BASE + 0x210, 0xa1b2), ==, 0);
    g_assert_cmpuint(lduw_le_pci_dma(d, RAM_BASE + 0x210, &w), ==, 0);
    g_assert_cmphex(w, ==, 0xb2a1);
}

static void test_dma_width_into_mmio(void)
{
    PCIDevice *a = new_dev(F.bus, PCI_DEVFN(18, 0), TYPE_TEST_PCIDEV, 0);
    PCIDevice *b = new_dev(F.bus, PCI_DEVFN(19, 0), TYPE_TEST_PCIDEV, 0);
    TestPCIDev *sb = TEST_PCIDEV(b);
    uint8_t buf[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    uint32_t l;

    cfg_write(a, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    F.recorder.n = 0;
    g_assert_cmpuint(stw_le_pci_dma(a, RECORDER_BASE + 0x10, 0xbeef), ==, 0);
    g_assert_cmpuint(stl_be_pci_dma(a, RECORDER_BASE + 0x20, 0x11223344), ==,
                     0);
    g_assert_cmpuint(stq_le_pci_dma(a, RECORDER_BASE + 0x28,
                                    0x8877665544332211ULL), ==, 0);
    g_assert_cmpuint(pci_dma_write(a, RECORDER_BASE + 0x40, buf, 8), ==, 0);
    F.recorder.read_value = 0xcafef00d;
    g_assert_cmpuint(ldl_le_pci_dma(a, RECORDER_BASE + 0x50, &l), ==, 0);
    g_assert_cmpint(F.recorder.n, ==, 5);
    g_assert_cmpuint(F.recorder.log[0].size, ==, 2);
    g_assert_cmphex(F.recorder.log[0].val, ==, 0xbeef);
    g_assert_cmpuint(F.recorder.log[1].size, ==, 4);
    /* Big-endian store: the device (little-endian) sees swapped bytes. */
    g_assert_cmphex(F.recorder.log[1].val, ==, 0x44332211);
    g_assert_cmpuint(F.recorder.log[2].size, ==, 8);
    g_assert_cmphex(F.recorder.log[2].val, ==, 0x8877665544332211ULL);
    /* An aligned 8-byte buffer is one 8-byte access. */
    g_assert_cmpuint(F.recorder.log[3].size, ==, 8);
    g_assert_cmphex(F.recorder.log[3].val, ==, 0x0807060504030201ULL);
    g_assert_false(F.recorder.log[4].is_write);
    g_assert_cmpuint(F.recorder.log[4].size, ==, 4);
    g_assert_cmphex(l, ==, 0xcafef00d);

    /* Peer-to-peer: a's DMA reaches b's BAR1 with the width intact. */
    cfg_write(b, PCI_BASE_ADDRESS_1, 0x21000000, 4);
    cfg_write(b, PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
    sb->regs.n = 0;
    g_assert_cmpuint(stl_le_pci_dma(a, 0x21000008, 0x5a5a1234), ==, 0);
    g_assert_cmpuint(stw_le_pci_dma(a, 0x21000006, 0x77), ==, 0);
    g_assert_cmpint(sb->regs.n, ==, 2);
    g_assert_cmphex(sb->regs.log[0].addr, ==, 8);
    g_assert_cmpuint(sb->regs.log[0].size, ==, 4);
    g_assert_cmphex(sb->regs.log[0].val, ==, 0x5a5a1234);
    g_assert_cmphex(sb->regs.log[1].addr, ==, 6);
    g_assert_cmpuint(sb->regs.log[1].size, ==, 2);
    /* b's memory decode off: the peer write fails. */
    cfg_write(b, PCI_COMMAND, 0, 2);
    g_assert_cmpuint(stl_le_pci_dma(a, 0x21000008, 1), !=, MEMTX_OK);
    g_assert_cmpint(sb->regs.n, ==, 2);
}

/*
 * Atomicity into RAM: a second thread watches an aligned 8-byte word with
 * atomic loads while DMA stores alternate two patterns; a torn store would
 * show a mix. (The watcher reads host memory directly: the memory API is
 * driven from one thread, as under the big lock.)
 */
typedef struct Watch {
    uint64_t *p;
    int stop;               /* accessed with __atomic builtins */
    uint64_t torn, seen_a, seen_b;
} Watch;

#define PAT_A 0x0000000000000000ULL
#define PAT_B 0xffffffffffffffffULL

static void *watcher(void *opaque)
{
    Watch *w = opaque;

    while (!__atomic_load_n(&w->stop, __ATOMIC_ACQUIRE)) {
        uint64_t v = __atomic_load_n(w->p, __ATOMIC_RELAXED);

        if (v == PAT_A) {
            w->seen_a++;
        } else if (v == PAT_B) {
            w->seen_b++;
        } else {
            w->torn++;
        }
    }
    return NULL;
}

static void *flipper(void *opaque)
{
    Watch *w = opaque;

    for (uint64_t i = 0; !__atomic_load_n(&w->stop, __ATOMIC_ACQUIRE); i++) {
        __atomic_store_n(w->p, (i & 1) ? PAT_B : PAT_A, __ATOMIC_RELAXED);
    }
    return NULL;
}

static void test_dma_atomicity(void)
{
    PCIDevice *d = new_dev(F.bus, PCI_DEVFN(20, 0), TYPE_TEST_PCIDEV, 0);
    Watch w = { .p = (uint64_t *)ram_ptr(RAM_BASE + 0x1000) };
    uint64_t torn_reads = 0;
    GThread *t;

    cfg_write(d, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    *w.p = PAT_A;
    t = g_thread_new("watcher", watcher, &w);
    for (int i = 0; i < 200000; i++) {
        uint64_t pat = (i & 1) ? PAT_B : PAT_A;

        if (i & 2) {
            stq_le_pci_dma(d, RAM_BASE + 0x1000, pat);
        } else {
            pci_dma_write(d, RAM_BASE + 0x1000, &pat, 8);
        }
    }
    __atomic_store_n(&w.stop, 1, __ATOMIC_RELEASE);
    g_thread_join(t);
    g_assert_cmpuint(w.torn, ==, 0);

    /* Loads: another thread flips the word, DMA reads must not tear. */
    __atomic_store_n(&w.stop, 0, __ATOMIC_RELEASE);
    t = g_thread_new("flipper", flipper, &w);
    for (int i = 0; i < 200000; i++) {
        uint64_t v;

        if (i & 1) {
            ldq_le_pci_dma(d, RAM_BASE + 0x1000, &v);
        } else {
            pci_dma_read(d, RAM_BASE + 0x1000, &v, 8);
        }
        torn_reads += v != PAT_A && v != PAT_B;
    }
    __atomic_store_n(&w.stop, 1, __ATOMIC_RELEASE);
    g_thread_join(t);
    g_assert_cmpuint(torn_reads, ==, 0);
}

static void test_sglist(void)
{
    PCIDevice *d = new_dev(F.bus, PCI_DEVFN(21, 0), TYPE_TEST_PCIDEV, 0);
    PCIDMASGList sg;
    char out[12] = "hello world", in[12] = { 0 };

    cfg_write(d, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    pci_dma_sglist_init(&sg, 1);
    pci_dma_sglist_add(&sg, RAM_BASE + 0x3000, 5);
    pci_dma_sglist_add(&sg, RAM_BASE + 0x2000, 7);
    g_assert_cmpuint(sg.size, ==, 12);
    g_assert_cmpuint(pci_dma_sglist_rw(d, &sg, out, 12, true), ==, 0);
    g_assert_cmpmem(ram_ptr(RAM_BASE + 0x3000), 5, "hello", 5);
    g_assert_cmpmem(ram_ptr(RAM_BASE + 0x2000), 7, " world", 7);
    g_assert_cmpuint(pci_dma_sglist_rw(d, &sg, in, 12, false), ==, 0);
    g_assert_cmpstr(in, ==, out);
    pci_dma_sglist_destroy(&sg);
}

/*
 * DMA through an IOMMU: a second root bus whose devices see an IOMMU
 * region mapping one 4 KiB page read-write (iova 0x1000 -> RAM + 0x4000)
 * and one read-only (iova 0x2000 -> RAM + 0x5000); the rest faults.
 */
static struct {
    MemoryRegion iommu_mr, mem, io;
    AddressSpace iommu_as;
    PCIBus *bus;
    int translations;
} IO;

static IOMMUTLBEntry test_iommu_translate(MemoryRegion *iommu, void *opaque,
                                         hwaddr addr, IOMMUAccessFlags flag,
                                         int iommu_idx)
{
    IOMMUTLBEntry e = {
        .target_as = &F.dma_as,
        .iova = addr & ~0xfffULL,
        .addr_mask = 0xfff,
        .perm = IOMMU_NONE,
    };

    IO.translations++;
    if (e.iova == 0x1000) {
        e.translated_addr = RAM_BASE + 0x4000;
        e.perm = IOMMU_RW;
    } else if (e.iova == 0x2000) {
        e.translated_addr = RAM_BASE + 0x5000;
        e.perm = IOMMU_RO;
    }
    return e;
}

static const IOMMUMemoryRegionOps test_iommu_ops = {
    .translate = test_iommu_translate,
};

static AddressSpace *iommu_bus_as(PCIBus *bus, void *opaque, int devfn)
{
    return &IO.iommu_as;
}

static void test_dma_through_iommu(void)
{
    PCIDevice *d;
    uint32_t v = 0;

    memory_region_init_iommu(&IO.iommu_mr, NULL, &test_iommu_ops, NULL,
                             "test-iommu", UINT64_MAX);
    address_space_init(&IO.iommu_as, &IO.iommu_mr, "test-iommu-as");
    memory_region_init(&IO.mem, NULL, "iommu-bus-mem", UINT64_MAX);
    memory_region_init(&IO.io, NULL, "iommu-bus-io", 64 * KiB);
    IO.bus = pci_root_bus_new(NULL, "test-iommu.0", &IO.mem, &IO.io, 0,
                              TYPE_PCIE_BUS);
    pci_setup_iommu(IO.bus, iommu_bus_as, NULL);
    d = new_dev(IO.bus, PCI_DEVFN(1, 0), TYPE_TEST_PCIDEV, 0);
    g_assert_true(pci_device_iommu_address_space(d) == &IO.iommu_as);
    cfg_write(d, PCI_COMMAND, PCI_COMMAND_MASTER, 2);

    memset(ram_ptr(RAM_BASE + 0x4000), 0, 16);
    pci_set_long(ram_ptr(RAM_BASE + 0x5010), 0x600dcafe);
    g_assert_cmpuint(stl_le_pci_dma(d, 0x1008, 0xa5a5a5a5), ==, MEMTX_OK);
    g_assert_cmphex(pci_get_long(ram_ptr(RAM_BASE + 0x4008)), ==, 0xa5a5a5a5);
    g_assert_cmpint(IO.translations, >, 0);
    /* Read-only page: reads pass, writes are refused. */
    g_assert_cmpuint(ldl_le_pci_dma(d, 0x2010, &v), ==, MEMTX_OK);
    g_assert_cmphex(v, ==, 0x600dcafe);
    g_assert_cmpuint(stl_le_pci_dma(d, 0x2010, 0), !=, MEMTX_OK);
    g_assert_cmphex(pci_get_long(ram_ptr(RAM_BASE + 0x5010)), ==, 0x600dcafe);
    /* Unmapped iova: a fault, nothing written anywhere. */
    g_assert_cmpuint(stl_le_pci_dma(d, 0x3000, 1), !=, MEMTX_OK);
    /* The untranslated address would have been RAM: not reached. */
    g_assert_cmpuint(stl_le_pci_dma(d, RAM_BASE + 0x4000, 0xffffffff), !=,
                     MEMTX_OK);
    g_assert_cmphex(pci_get_long(ram_ptr(RAM_BASE + 0x4000)), ==, 0);
    /* Bus mastering still gates it. */
    cfg_write(d, PCI_COMMAND, 0, 2);
    g_assert_cmpuint(stl_le_pci_dma(d, 0x1008, 0), ==, MEMTX_ACCESS_ERROR);
    g_assert_cmphex(pci_get_long(ram_ptr(RAM_BASE + 0x4008)), ==, 0xa5a5a5a5);
}

/* CF8/CFC decoding, as x86 hosts use it. */
static void test_cf8_cfc(void)
{
    PCIDevice *d = new_dev(F.bus, PCI_DEVFN(22, 5), TYPE_TEST_PCIDEV, 0);
    uint32_t base = 0x80000000u | PCI_DEVFN(22, 5) << 8;

    g_assert_cmphex(pci_data_read(F.bus, base | PCI_VENDOR_ID, 4), ==,
                    TEST_DEVICE << 16 | TEST_VENDOR);
    /* Byte offset in bits 1:0 selects the lane. */
    g_assert_cmphex(pci_data_read(F.bus, base | 2, 2), ==, TEST_DEVICE);
    g_assert_cmphex(pci_data_read(F.bus, base | 3, 1), ==, TEST_DEVICE >> 8);
    /* Enable bit clear, absent function, other bus: all-ones. */
    g_assert_cmphex(pci_data_read(F.bus, base & ~0x80000000u, 4), ==,
                    0xffffffff);
    g_assert_cmphex(pci_data_read(F.bus, 0x80000000u | PCI_DEVFN(22, 4) << 8,
                                  2), ==, 0xffff);
    g_assert_cmphex(pci_data_read(F.bus, base | 1 << 16, 4), ==, 0xffffffff);
    pci_data_write(F.bus, base | PCI_INTERRUPT_LINE, 0x33, 1);
    g_assert_cmphex(d->config[PCI_INTERRUPT_LINE], ==, 0x33);
    /* Disabled cycles write nothing. */
    pci_data_write(F.bus, (base & ~0x80000000u) | PCI_INTERRUPT_LINE, 0x44, 1);
    g_assert_cmphex(d->config[PCI_INTERRUPT_LINE], ==, 0x33);
}

/* ------------------------------------------------------------------ */
/* Placement, multi-function, info pci */

static void test_placement(void)
{
    PCIDevice *a = new_dev(F.bus, PCI_DEVFN(24, 0), TYPE_TEST_PCIDEV, 0);
    PCIDevice *b, *c;
    GError *err = NULL;
    GString *info = g_string_new("");

    /* Occupied devfn is refused with an error naming the user. */
    c = pci_new(PCI_DEVFN(24, 0), TYPE_TEST_PCIDEV);
    g_assert_false(qdev_realize(DEVICE(c), &F.bus->qbus, &err));
    g_assert_nonnull(err);
    g_assert_nonnull(strstr(err->message, "in use"));
    g_clear_error(&err);
    object_unref(c);

    /* A second function makes function 0 multi-function. */
    g_assert_cmphex(cfg_read(a, PCI_HEADER_TYPE, 1), ==, 0);
    b = new_dev(F.bus, PCI_DEVFN(24, 3), TYPE_TEST_PCIDEV, 0);
    g_assert_cmphex(cfg_read(a, PCI_HEADER_TYPE, 1), ==, 0x80);
    g_assert_cmphex(cfg_read(b, PCI_HEADER_TYPE, 1), ==, 0);

    /* "addr" parses QEMU's slot[.fn] syntax. */
    c = PCI_DEVICE(qdev_new(TYPE_TEST_PCIDEV));
    g_assert_true(object_property_set_str(OBJECT(c), "addr", "1a.2", &err));
    g_assert_cmpint(c->devfn, ==, PCI_DEVFN(0x1a, 2));
    g_assert_false(object_property_set_str(OBJECT(c), "addr", "20", &err));
    g_clear_error(&err);
    g_assert_false(object_property_set_str(OBJECT(c), "addr", "1.8", &err));
    g_clear_error(&err);
    g_assert_true(qdev_realize_and_unref(DEVICE(c), &F.bus->qbus, &err));
    g_assert_true(pci_find_device(F.bus, 0, PCI_DEVFN(0x1a, 2)) == c);

    /* Removal frees the slot and updates function 0. */
    qdev_unrealize(DEVICE(b));
    g_assert_null(pci_find_device(F.bus, 0, PCI_DEVFN(24, 3)));
    g_assert_cmphex(cfg_read(a, PCI_HEADER_TYPE, 1), ==, 0);

    /* info pci lists the function and its BARs. */
    cfg_write(a, PCI_BASE_ADDRESS_1, 0x22000000, 4);
    cfg_write(a, PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
    pci_info(info);
    g_assert_nonnull(strstr(info->str, "device  24, function 0:"));
    g_assert_nonnull(strstr(info->str, "PCI device 1b36:00f0\n"
                            "      PCI subsystem 1af4:1100\n"));
    g_assert_nonnull(strstr(info->str,
                            "BAR1: 32 bit memory at 0x22000000 [0x22000fff]."));
    g_assert_nonnull(strstr(info->str,
                            "BAR2: 64 bit prefetchable memory at "
                            "0xffffffffffffffff [0x"));
    g_assert_nonnull(strstr(info->str,
                            "BAR0: I/O at 0xffffffffffffffff [0x00fe]."));
    g_string_free(info, true);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    fixture_init();
    g_test_add_func("/pci/identity-and-header", test_identity_and_header);
    g_test_add_func("/pci/config-masks", test_config_masks);
    g_test_add_func("/pci/capability-lists", test_capability_lists);
    g_test_add_func("/pci/bar-sizing", test_bar_sizing);
    g_test_add_func("/pci/bar-mapping", test_bar_mapping);
    g_test_add_func("/pci/intx-swizzle", test_intx_swizzle);
    g_test_add_func("/pci/msi", test_msi);
    g_test_add_func("/pci/msi-32bit", test_msi_32bit);
    g_test_add_func("/pci/msix-same-bar", test_msix_same_bar);
    g_test_add_func("/pci/msix-split-bars", test_msix_split_bars);
    g_test_add_func("/pci/dma-bus-master", test_dma_bus_master);
    g_test_add_func("/pci/dma-endianness", test_dma_endianness);
    g_test_add_func("/pci/dma-width-into-mmio", test_dma_width_into_mmio);
    g_test_add_func("/pci/dma-atomicity", test_dma_atomicity);
    g_test_add_func("/pci/dma-sglist", test_sglist);
    g_test_add_func("/pci/dma-through-iommu", test_dma_through_iommu);
    g_test_add_func("/pci/cf8-cfc", test_cf8_cfc);
    g_test_add_func("/pci/placement", test_placement);
    return g_test_run();
}
