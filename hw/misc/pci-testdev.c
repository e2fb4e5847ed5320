/*
 * pci-testdev.c - the PCI test device (1b36:0005) that kvm-unit-tests and
 * exit-cost benchmarks drive, register-compatible with QEMU's.
 *
 * BAR0 (memory, 4 KiB) and BAR1 (I/O, 256 bytes) each offer three tests.
 * Writing a test number (0..2) to offset 0 selects a test of that BAR and
 * zeroes its counter; reads then return the test's header byte by byte:
 *
 *   0  u8  test      the selected test's global index (0..5)
 *   1  u8  width     access width the test expects (1)
 *   4  u32 offset    where to write: BAR size / 2 + index
 *   8  u8  data      value to write (0xfa; 0xce for the wildcard test)
 *  12  u32 count     writes seen at offset that matched
 *  16  char name[]   "mmio-no-eventfd", "portio-wildcard-eventfd", ...
 *
 * A write at `offset` counts when the test does not match data
 * ("wildcard") or when it has the expected width and value. The eventfd
 * flavours exist for KVM ioeventfd in QEMU; here all three are counted by
 * the device model, which is what the guest can observe.
 *
 * Property "membar" adds BAR2: 64-bit prefetchable RAM of that size.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "hw/qdev-properties.h"
#include "hw/pci/pci.h"

#define TYPE_PCI_TEST_DEV "pci-testdev"

#define IOTEST_MEMSIZE      2048    /* BAR0 is twice this */
#define IOTEST_IOSIZE       128     /* BAR1 is twice this */
#define IOTEST_DATAMATCH    0xfa
#define IOTEST_NOMATCH      0xce
#define IOTEST_WIDTH        1
#define IOTEST_NUM_TESTS    3       /* per BAR */
#define IOTEST_NUM_TYPES    2       /* mmio, portio */

#define HDR_TEST    0
#define HDR_WIDTH   1
#define HDR_OFFSET  4
#define HDR_DATA    8
#define HDR_COUNT   12
#define HDR_NAME    16

static const char *const iotest_test_names[IOTEST_NUM_TESTS] = {
    "no-eventfd", "wildcard-eventfd", "datamatch-eventfd",
};
static const char *const iotest_type_names[IOTEST_NUM_TYPES] = {
    "mmio", "portio",
};

typedef struct IOTest {
    uint8_t *hdr;       /* the header as the guest reads it, little-endian */
    unsigned hdr_len;   /* header + name + NUL */
    bool match_data;
} IOTest;

typedef struct PCITestDevState {
    PCIDevice parent_obj;
    MemoryRegion mmio;
    MemoryRegion portio;
    MemoryRegion membar;
    uint64_t membar_size;   /* property "membar" */
    IOTest tests[IOTEST_NUM_TESTS * IOTEST_NUM_TYPES];
    int current;            /* index into tests, or -1 */
} PCITestDevState;

#define PCI_TEST_DEV(obj) \
    OBJECT_CHECK(PCITestDevState, (obj), TYPE_PCI_TEST_DEV)

static void pci_testdev_select(PCITestDevState *d, int type, uint64_t val)
{
    IOTest *t;

    d->current = -1;
    if (val >= IOTEST_NUM_TESTS) {
        return;
    }
    d->current = type * IOTEST_NUM_TESTS + val;
    t = &d->tests[d->current];
    pci_set_long(t->hdr + HDR_COUNT, 0);
}

static void pci_testdev_write(PCITestDevState *d, int type, hwaddr addr,
                              uint64_t val, unsigned size)
{
    IOTest *t;

    if (addr == HDR_TEST) {
        pci_testdev_select(d, type, val);
        return;
    }
    if (d->current < 0) {
        return;
    }
    t = &d->tests[d->current];
    if (addr != pci_get_long(t->hdr + HDR_OFFSET)) {
        return;
    }
    if (t->match_data &&
        (size != IOTEST_WIDTH || val != t->hdr[HDR_DATA])) {
        return;
    }
    pci_set_long(t->hdr + HDR_COUNT, pci_get_long(t->hdr + HDR_COUNT) + 1);
}

static uint64_t pci_testdev_read(void *opaque, hwaddr addr, unsigned size)
{
    PCITestDevState *d = opaque;
    IOTest *t;

    if (d->current < 0) {
        return 0;
    }
    t = &d->tests[d->current];
    /* The trailing NUL and anything past it read as zero. */
    if (addr + size >= t->hdr_len) {
        return 0;
    }
    return t->hdr[addr];
}

static void pci_testdev_mmio_write(void *opaque, hwaddr addr, uint64_t val,
                                   unsigned size)
{
    pci_testdev_write(opaque, 0, addr, val, size);
}

static void pci_testdev_pio_write(void *opaque, hwaddr addr, uint64_t val,
                                  unsigned size)
{
    pci_testdev_write(opaque, 1, addr, val, size);
}

/* Byte-wide callbacks: the core splits wider guest accesses. */
static const MemoryRegionOps pci_testdev_mmio_ops = {
    .read = pci_testdev_read,
    .write = pci_testdev_mmio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

static const MemoryRegionOps pci_testdev_pio_ops = {
    .read = pci_testdev_read,
    .write = pci_testdev_pio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

static void pci_testdev_reset(DeviceState *dev)
{
    PCI_TEST_DEV(dev)->current = -1;
}

static void pci_testdev_realize(PCIDevice *pdev, GError **errp)
{
    PCITestDevState *d = PCI_TEST_DEV(pdev);

    if (d->membar_size & (d->membar_size - 1)) {
        error_setg(errp, "Property 'pci-testdev.membar' must be a power of "
                   "two, not 0x%" PRIx64, d->membar_size);
        return;
    }
    pci_config_set_interrupt_pin(pdev->config, 0);
    memory_region_init_io(&d->mmio, OBJECT(d), &pci_testdev_mmio_ops, d,
                          "pci-testdev-mmio", IOTEST_MEMSIZE * 2);
    memory_region_init_io(&d->portio, OBJECT(d), &pci_testdev_pio_ops, d,
                          "pci-testdev-portio", IOTEST_IOSIZE * 2);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &d->mmio);
    pci_register_bar(pdev, 1, PCI_BASE_ADDRESS_SPACE_IO, &d->portio);
    if (d->membar_size) {
        if (!memory_region_init_ram(&d->membar, OBJECT(d), "pci-testdev-membar",
                                    d->membar_size, errp)) {
            return;
        }
        pci_register_bar(pdev, 2, PCI_BASE_ADDRESS_SPACE_MEMORY |
                         PCI_BASE_ADDRESS_MEM_PREFETCH |
                         PCI_BASE_ADDRESS_MEM_TYPE_64, &d->membar);
    }

    d->current = -1;
    for (int i = 0; i < IOTEST_NUM_TESTS * IOTEST_NUM_TYPES; i++) {
        IOTest *t = &d->tests[i];
        int test = i % IOTEST_NUM_TESTS, type = i / IOTEST_NUM_TESTS;
        char *name = g_strdup_printf("%s-%s", iotest_type_names[type],
                                     iotest_test_names[test]);
        unsigned bar_half = type == 0 ? IOTEST_MEMSIZE : IOTEST_IOSIZE;

        t->hdr_len = HDR_NAME + strlen(name) + 1;
        t->hdr = g_malloc0(t->hdr_len);
        memcpy(t->hdr + HDR_NAME, name, strlen(name) + 1);
        g_free(name);
        t->match_data = test != 1;      /* all but the wildcard test */
        t->hdr[HDR_TEST] = i;
        t->hdr[HDR_WIDTH] = IOTEST_WIDTH;
        pci_set_long(t->hdr + HDR_OFFSET, bar_half + i * IOTEST_WIDTH);
        t->hdr[HDR_DATA] = t->match_data ? IOTEST_DATAMATCH : IOTEST_NOMATCH;
    }
}

static void pci_testdev_exit(PCIDevice *pdev)
{
    PCITestDevState *d = PCI_TEST_DEV(pdev);

    for (int i = 0; i < IOTEST_NUM_TESTS * IOTEST_NUM_TYPES; i++) {
        g_free(d->tests[i].hdr);
        d->tests[i].hdr = NULL;
    }
    memory_region_destroy(&d->mmio);
    memory_region_destroy(&d->portio);
    if (d->membar_size) {
        memory_region_destroy(&d->membar);
    }
}

/* Each test's hit counter (the rest of its header is fixed at realize). */
static void pci_testdev_counts_put(GByteArray *out, void *field, void *opaque)
{
    PCITestDevState *d = opaque;

    for (int i = 0; i < IOTEST_NUM_TESTS * IOTEST_NUM_TYPES; i++) {
        g_byte_array_append(out, d->tests[i].hdr + HDR_COUNT, 4);
    }
}

static bool pci_testdev_counts_get(const uint8_t *buf, size_t len,
                                   void *field, void *opaque, GError **errp)
{
    PCITestDevState *d = opaque;

    if (len != 4 * IOTEST_NUM_TESTS * IOTEST_NUM_TYPES) {
        error_setg(errp, "pci-testdev: %zu bytes of counters", len);
        return false;
    }
    for (int i = 0; i < IOTEST_NUM_TESTS * IOTEST_NUM_TYPES; i++) {
        memcpy(d->tests[i].hdr + HDR_COUNT, buf + 4 * i, 4);
    }
    return true;
}

static const VMStateInfo vmstate_info_pci_testdev_counts = {
    .name = "pci-testdev-counts",
    .put = pci_testdev_counts_put,
    .get = pci_testdev_counts_get,
};

static int pci_testdev_post_load(void *opaque, int version_id)
{
    PCITestDevState *d = opaque;

    return d->current >= -1 &&
           d->current < IOTEST_NUM_TESTS * IOTEST_NUM_TYPES ? 0 : -1;
}

/* BAR2's RAM (membar) is a RAM block of the stream. */
static const VMStateDescription vmstate_pci_testdev = {
    .name = "pci-testdev",
    .version_id = 1,
    .post_load = pci_testdev_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_PCI_DEVICE(parent_obj, PCITestDevState),
        VMSTATE_INT32(current, PCITestDevState),
        VMSTATE_CUSTOM("counts", vmstate_info_pci_testdev_counts),
        VMSTATE_END_OF_LIST()
    },
};

static Property pci_testdev_props[] = {
    DEFINE_PROP_SIZE("membar", PCITestDevState, membar_size, 0),
    DEFINE_PROP_END_OF_LIST(),
};

static void pci_testdev_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pci_testdev_realize;
    k->exit = pci_testdev_exit;
    k->vendor_id = PCI_VENDOR_ID_REDHAT;
    k->device_id = PCI_DEVICE_ID_REDHAT_TEST;
    k->revision = 0;
    k->class_id = PCI_CLASS_OTHERS;     /* 0x00ff, as QEMU shows it */
    dc->desc = "PCI Test Device";
    dc->reset = pci_testdev_reset;
    dc->vmsd = &vmstate_pci_testdev;
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
    device_class_set_props(dc, pci_testdev_props);
}

static const TypeInfo pci_testdev_info = {
    .name = TYPE_PCI_TEST_DEV,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PCITestDevState),
    .class_init = pci_testdev_class_init,
};

static void pci_testdev_register_types(void)
{
    type_register_static(&pci_testdev_info);
}

type_init(pci_testdev_register_types)
