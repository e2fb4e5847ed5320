/*
 * test-virtio.c - the virtio core, the virtio-mmio transport (legacy and
 * version 2) and the devices behind it (virtio-serial/virtconsole,
 * virtio-blk, virtio-rng), driven the way a guest driver does: rings
 * built in RAM of a private memory map, registers written through
 * address_space_memory, interrupts seen on the transport's line. Also
 * the hostile-driver cases: bad addresses, loops, nested indirect tables,
 * buffers past the end of RAM.
 */
#include "util/osdep.h"
#include "util/error.h"
#include "util/log.h"
#include "util/bswap.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"
#include "hw/qdev.h"
#include "hw/qdev-properties.h"
#include "hw/sysbus.h"
#include "hw/irq.h"
#include "hw/virtio/virtio.h"
#include "hw/virtio/virtio-mmio.h"
#include "hw/virtio/virtio-serial.h"
#include "hw/virtio/virtio-blk.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include "sysemu/runstate.h"
#include "hw/pci/pci.h"
#include "hw/pci-host/gpex.h"
#include "hw/virtio/virtio-pci.h"
#include "hw/virtio/virtio-net.h"
#include <libfdt.h>

#define RAM_BASE    0x40000000ULL
#define RAM_SIZE    (8 * MiB)
#define NTRANSPORTS 48

static struct {
    MemoryRegion ram;
    DeviceState *mmio[NTRANSPORTS];
    int irq_level[NTRANSPORTS];
    int next;               /* next free transport */
    char *logname;
    char *tmpdir;
    PCIBus *pcibus;
    int intx[GPEX_NUM_IRQS];
    MemoryRegion doorbell;
    uint32_t msi_data[64];
    int msi_n;
    int pci_next;
} G;

#define DOORBELL_BASE 0x08020000ULL

/* ------------------------------------------------------------------ */
/* Memory helpers */

static void irq_handler(void *opaque, int n, int level)
{
    G.irq_level[n] = level;
}

static uint32_t rd32(hwaddr a)
{
    MemTxResult r;
    uint32_t v = address_space_ldl_le(&address_space_memory, a,
                                      MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    return v;
}

static void wr32(hwaddr a, uint32_t v)
{
    MemTxResult r;

    address_space_stl_le(&address_space_memory, a, v, MEMTXATTRS_UNSPECIFIED,
                         &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
}

static uint16_t ram16(hwaddr a)
{
    return lduw_le_phys(&address_space_memory, a);
}

static void ram_w16(hwaddr a, uint16_t v)
{
    stw_le_phys(&address_space_memory, a, v);
}

static void ram_write(hwaddr a, const void *buf, size_t len)
{
    g_assert_cmpuint(address_space_write(&address_space_memory, a,
                                         MEMTXATTRS_UNSPECIFIED, buf, len),
                     ==, MEMTX_OK);
}

static void ram_read(hwaddr a, void *buf, size_t len)
{
    g_assert_cmpuint(address_space_read(&address_space_memory, a,
                                        MEMTXATTRS_UNSPECIFIED, buf, len),
                     ==, MEMTX_OK);
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

/* ------------------------------------------------------------------ */
/* A small guest driver */

typedef struct TQueue {
    hwaddr desc, avail, used;
    uint16_t num;
    uint16_t avail_idx;     /* driver's shadow */
    uint16_t used_seen;
    uint16_t next_desc;
} TQueue;

typedef struct TDev TDev;
typedef struct TTransport {
    void (*setup_queue)(TDev *d, int qi);
    void (*kick)(TDev *d, int qi);
    uint32_t (*cfg_read)(TDev *d, unsigned off, unsigned size);
    uint8_t (*status)(TDev *d);
    bool (*irq)(TDev *d);
    void (*ack)(TDev *d);
} TTransport;

struct TDev {
    const TTransport *t;
    PCIDevice *pdev;
    hwaddr ecam;
    uint8_t cap[6];         /* config offset of each cfg_type's cap;
                             * [0]: MSI-X */
    hwaddr base;            /* mmio window */
    int slot;
    bool legacy;
    hwaddr mem_next;        /* bump allocator in RAM */
    TQueue q[8];
    VirtIODevice *vdev;
};

static hwaddr talloc(TDev *d, size_t size, size_t align)
{
    hwaddr a = (d->mem_next + align - 1) & ~(hwaddr)(align - 1);

    d->mem_next = a + size;
    g_assert_cmpuint(d->mem_next, <=, RAM_BASE + RAM_SIZE);
    return a;
}

/* virtio-mmio */

static void mmio_setup_queue(TDev *d, int qi)
{
    TQueue *q = &d->q[qi];
    uint32_t max;

    wr32(d->base + VIRTIO_MMIO_QUEUE_SEL, qi);
    max = rd32(d->base + VIRTIO_MMIO_QUEUE_NUM_MAX);
    g_assert_cmpuint(max, >=, 8);
    q->num = 8;
    if (d->legacy) {
        g_assert_cmpuint(rd32(d->base + VIRTIO_MMIO_QUEUE_PFN), ==, 0);
        q->desc = talloc(d, 2 * 4096, 4096);
        q->avail = q->desc + 16 * q->num;
        q->used = (q->avail + 6 + 2 * q->num + 4095) & ~4095ULL;
        wr32(d->base + VIRTIO_MMIO_QUEUE_NUM, q->num);
        wr32(d->base + VIRTIO_MMIO_QUEUE_ALIGN, 4096);
        wr32(d->base + VIRTIO_MMIO_QUEUE_PFN, q->desc >> 12);
    } else {
        q->desc = talloc(d, 16 * q->num, 16);
        q->avail = talloc(d, 6 + 2 * q->num, 2);
        q->used = talloc(d, 6 + 8 * q->num, 4);
        wr32(d->base + VIRTIO_MMIO_QUEUE_NUM, q->num);
        wr32(d->base + VIRTIO_MMIO_QUEUE_DESC_LOW, q->desc);
        wr32(d->base + VIRTIO_MMIO_QUEUE_DESC_HIGH, q->desc >> 32);
        wr32(d->base + VIRTIO_MMIO_QUEUE_AVAIL_LOW, q->avail);
        wr32(d->base + VIRTIO_MMIO_QUEUE_AVAIL_HIGH, q->avail >> 32);
        wr32(d->base + VIRTIO_MMIO_QUEUE_USED_LOW, q->used);
        wr32(d->base + VIRTIO_MMIO_QUEUE_USED_HIGH, q->used >> 32);
        wr32(d->base + VIRTIO_MMIO_QUEUE_READY, 1);
        g_assert_cmpuint(rd32(d->base + VIRTIO_MMIO_QUEUE_READY), ==, 1);
    }
    q->avail_idx = q->used_seen = q->next_desc = 0;
}

static void mmio_kick(TDev *d, int qi)
{
    wr32(d->base + VIRTIO_MMIO_QUEUE_NOTIFY, qi);
}

static uint32_t mmio_cfg_read(TDev *d, unsigned off, unsigned size)
{
    MemTxResult r;
    hwaddr a = d->base + VIRTIO_MMIO_CONFIG + off;

    switch (size) {
    case 1:
        return address_space_ldub(&address_space_memory, a,
                                  MEMTXATTRS_UNSPECIFIED, &r);
    case 2:
        return address_space_lduw_le(&address_space_memory, a,
                                     MEMTXATTRS_UNSPECIFIED, &r);
    default:
        return rd32(a);
    }
}

static uint8_t mmio_status(TDev *d)
{
    return rd32(d->base + VIRTIO_MMIO_STATUS);
}

static bool mmio_irq(TDev *d)
{
    return G.irq_level[d->slot];
}

static void mmio_ack(TDev *d)
{
    wr32(d->base + VIRTIO_MMIO_INTERRUPT_ACK,
         rd32(d->base + VIRTIO_MMIO_INTERRUPT_STATUS));
}

static const TTransport mmio_transport = {
    mmio_setup_queue, mmio_kick, mmio_cfg_read, mmio_status, mmio_irq,
    mmio_ack,
};

/*
 * Plug @vdev_type into the next free transport (legacy or not), and bring
 * it up as a driver does; @features are the driver's (modern only).
 */
static TDev *mmio_dev_new(const char *vdev_type, bool legacy,
                          uint64_t features, void (*props)(DeviceState *),
                          int nqueues)
{
    TDev *d = g_new0(TDev, 1);
    DeviceState *dev;
    GError *err = NULL;
    uint64_t host;

    g_test_queue_free(d);
    g_assert_cmpint(G.next, <, NTRANSPORTS - 2);
    d->slot = G.next++;
    d->base = VIRT_VIRTIO_MMIO_BASE + d->slot * VIRTIO_MMIO_SIZE;
    d->legacy = legacy;
    d->t = &mmio_transport;
    d->mem_next = RAM_BASE + d->slot * (RAM_SIZE / NTRANSPORTS);
    G.mmio[d->slot] = virtio_mmio_create(d->base,
                                         qemu_allocate_irq(irq_handler, NULL,
                                                           d->slot),
                                         legacy);

    dev = qdev_new(vdev_type);
    if (props) {
        props(dev);
    }
    g_assert_true(qdev_realize_and_unref(dev,
                                         virtio_mmio_get_bus(G.mmio[d->slot]),
                                         &err));
    g_assert_no_error(err);
    d->vdev = VIRTIO_DEVICE(dev);

    g_assert_cmphex(rd32(d->base + VIRTIO_MMIO_MAGIC_VALUE), ==, 0x74726976);
    g_assert_cmpuint(rd32(d->base + VIRTIO_MMIO_VERSION), ==, legacy ? 1 : 2);
    g_assert_cmphex(rd32(d->base + VIRTIO_MMIO_VENDOR_ID), ==, 0x554d4551);
    if (legacy) {
        /* kvm-unit-tests' way: page size, then queues; no Status. */
        wr32(d->base + VIRTIO_MMIO_GUEST_PAGE_SIZE, 4096);
    } else {
        wr32(d->base + VIRTIO_MMIO_STATUS, 0);
        wr32(d->base + VIRTIO_MMIO_STATUS, VIRTIO_CONFIG_S_ACKNOWLEDGE);
        wr32(d->base + VIRTIO_MMIO_STATUS, VIRTIO_CONFIG_S_ACKNOWLEDGE |
             VIRTIO_CONFIG_S_DRIVER);
        wr32(d->base + VIRTIO_MMIO_DEVICE_FEATURES_SEL, 1);
        host = (uint64_t)rd32(d->base + VIRTIO_MMIO_DEVICE_FEATURES) << 32;
        wr32(d->base + VIRTIO_MMIO_DEVICE_FEATURES_SEL, 0);
        host |= rd32(d->base + VIRTIO_MMIO_DEVICE_FEATURES);
        g_assert_true(host & (1ULL << VIRTIO_F_VERSION_1));
        features &= host;
        features |= 1ULL << VIRTIO_F_VERSION_1;
        wr32(d->base + VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
        wr32(d->base + VIRTIO_MMIO_DRIVER_FEATURES, features);
        wr32(d->base + VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
        wr32(d->base + VIRTIO_MMIO_DRIVER_FEATURES, features >> 32);
        wr32(d->base + VIRTIO_MMIO_STATUS, VIRTIO_CONFIG_S_ACKNOWLEDGE |
             VIRTIO_CONFIG_S_DRIVER | VIRTIO_CONFIG_S_FEATURES_OK);
        g_assert_true(rd32(d->base + VIRTIO_MMIO_STATUS) &
                      VIRTIO_CONFIG_S_FEATURES_OK);
    }
    for (int i = 0; i < nqueues; i++) {
        d->t->setup_queue(d, i);
    }
    if (!legacy) {
        wr32(d->base + VIRTIO_MMIO_STATUS, VIRTIO_CONFIG_S_ACKNOWLEDGE |
             VIRTIO_CONFIG_S_DRIVER | VIRTIO_CONFIG_S_FEATURES_OK |
             VIRTIO_CONFIG_S_DRIVER_OK);
    }
    return d;
}

typedef struct TSeg {
    hwaddr addr;
    uint32_t len;
    bool write;
} TSeg;

static void tdesc(TDev *d, int qi, uint16_t i, hwaddr addr, uint32_t len,
                  uint16_t flags, uint16_t next)
{
    uint8_t raw[16];

    stq_le_p(raw, addr);
    stl_le_p(raw + 8, len);
    stw_le_p(raw + 12, flags);
    stw_le_p(raw + 14, next);
    ram_write(d->q[qi].desc + 16 * i, raw, 16);
}

static void tpublish(TDev *d, int qi, uint16_t head)
{
    TQueue *q = &d->q[qi];

    ram_w16(q->avail + 4 + 2 * (q->avail_idx % q->num), head);
    q->avail_idx++;
    ram_w16(q->avail + 2, q->avail_idx);
}

/* Add a chain of @n buffers and publish it (not kicked). */
static uint16_t tadd(TDev *d, int qi, const TSeg *segs, int n)
{
    TQueue *q = &d->q[qi];
    uint16_t head = q->next_desc;

    g_assert_cmpint(n, <=, q->num);
    for (int i = 0; i < n; i++) {
        uint16_t idx = (head + i) % q->num;

        tdesc(d, qi, idx, segs[i].addr, segs[i].len,
              (segs[i].write ? VRING_DESC_F_WRITE : 0) |
              (i + 1 < n ? VRING_DESC_F_NEXT : 0), (idx + 1) % q->num);
    }
    q->next_desc = (head + n) % q->num;
    tpublish(d, qi, head);
    return head;
}

/* Next used element: true and *id, *len if there is one. */
static bool tused(TDev *d, int qi, uint32_t *id, uint32_t *len)
{
    TQueue *q = &d->q[qi];
    uint8_t e[8];

    if (ram16(q->used + 2) == q->used_seen) {
        return false;
    }
    ram_read(q->used + 4 + 8 * (q->used_seen % q->num), e, 8);
    q->used_seen++;
    if (id) {
        *id = ldl_le_p(e);
    }
    if (len) {
        *len = ldl_le_p(e + 4);
    }
    return true;
}


/* virtio-pci behind gpex */

static void pci_intx_handler(void *opaque, int n, int level)
{
    G.intx[n] = level;
}

static uint64_t doorbell_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void doorbell_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
    if (G.msi_n < 64) {
        G.msi_data[G.msi_n++] = val;
    }
}

static const MemoryRegionOps doorbell_ops = {
    .read = doorbell_read,
    .write = doorbell_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 4 },
};

static void wr16(hwaddr a, uint16_t v)
{
    MemTxResult r;

    address_space_stw_le(&address_space_memory, a, v, MEMTXATTRS_UNSPECIFIED,
                         &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
}

static uint16_t rd16(hwaddr a)
{
    MemTxResult r;
    uint16_t v = address_space_lduw_le(&address_space_memory, a,
                                       MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    return v;
}

static uint8_t rd8(hwaddr a)
{
    MemTxResult r;
    uint8_t v = address_space_ldub(&address_space_memory, a,
                                   MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    return v;
}

static void wr8(hwaddr a, uint8_t v)
{
    MemTxResult r;

    address_space_stb(&address_space_memory, a, v, MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
}

#define COMMON(d, reg) ((d)->base + VIRTIO_PCI_COMMON_OFFSET + (reg))

static void pci_setup_queue(TDev *d, int qi)
{
    TQueue *q = &d->q[qi];

    wr16(COMMON(d, VIRTIO_PCI_COMMON_Q_SELECT), qi);
    g_assert_cmpuint(rd16(COMMON(d, VIRTIO_PCI_COMMON_Q_SIZE)), >=, 8);
    q->num = 8;
    q->desc = talloc(d, 16 * q->num, 16);
    q->avail = talloc(d, 6 + 2 * q->num, 2);
    q->used = talloc(d, 6 + 8 * q->num, 4);
    wr16(COMMON(d, VIRTIO_PCI_COMMON_Q_SIZE), q->num);
    wr32(COMMON(d, VIRTIO_PCI_COMMON_Q_DESCLO), q->desc);
    wr32(COMMON(d, VIRTIO_PCI_COMMON_Q_DESCHI), q->desc >> 32);
    wr32(COMMON(d, VIRTIO_PCI_COMMON_Q_AVAILLO), q->avail);
    wr32(COMMON(d, VIRTIO_PCI_COMMON_Q_AVAILHI), q->avail >> 32);
    wr32(COMMON(d, VIRTIO_PCI_COMMON_Q_USEDLO), q->used);
    wr32(COMMON(d, VIRTIO_PCI_COMMON_Q_USEDHI), q->used >> 32);
    /* vector qi + 1: vector 0 is the config vector */
    wr16(COMMON(d, VIRTIO_PCI_COMMON_Q_MSIX), qi + 1);
    g_assert_cmpuint(rd16(COMMON(d, VIRTIO_PCI_COMMON_Q_MSIX)), ==, qi + 1);
    wr16(COMMON(d, VIRTIO_PCI_COMMON_Q_ENABLE), 1);
    q->avail_idx = q->used_seen = q->next_desc = 0;
}

static void pci_kick(TDev *d, int qi)
{
    uint16_t off;

    wr16(COMMON(d, VIRTIO_PCI_COMMON_Q_SELECT), qi);
    off = rd16(COMMON(d, VIRTIO_PCI_COMMON_Q_NOFF));
    wr16(d->base + VIRTIO_PCI_NOTIFY_OFFSET + off * 4, qi);
}

static uint32_t pci_cfg_read(TDev *d, unsigned off, unsigned size)
{
    hwaddr a = d->base + VIRTIO_PCI_DEVICE_OFFSET + off;

    return size == 1 ? rd8(a) : size == 2 ? rd16(a) : rd32(a);
}

static uint8_t pci_status(TDev *d)
{
    return rd8(COMMON(d, VIRTIO_PCI_COMMON_STATUS));
}

static bool pci_irq_seen(TDev *d)
{
    bool seen = G.msi_n > 0;

    (void)d;
    return seen;
}

static void pci_ack(TDev *d)
{
    (void)d;
    G.msi_n = 0;
}

static const TTransport pci_transport = {
    pci_setup_queue, pci_kick, pci_cfg_read, pci_status, pci_irq_seen,
    pci_ack,
};

static void ecam_w32(TDev *d, unsigned reg, uint32_t v)
{
    wr32(d->ecam + reg, v);
}

static void ecam_w16(TDev *d, unsigned reg, uint16_t v)
{
    wr16(d->ecam + reg, v);
}

static TDev *pci_dev_new(const char *type, uint64_t features,
                         void (*props)(DeviceState *), int nqueues)
{
    TDev *d = g_new0(TDev, 1);
    GError *err = NULL;
    PCIDevice *pdev;
    hwaddr bar1;
    uint8_t pos;
    int slot = ++G.pci_next;     /* slot 0 is the root complex */
    uint64_t host;

    g_test_queue_free(d);
    d->t = &pci_transport;
    d->slot = -1;
    d->mem_next = RAM_BASE + RAM_SIZE / 2 + slot * (RAM_SIZE / 16);
    pdev = pci_new(PCI_DEVFN(slot, 0), type);
    if (props) {
        props(DEVICE(pdev));
    }
    g_assert_true(pci_realize_and_unref(pdev, G.pcibus, &err));
    g_assert_no_error(err);
    d->pdev = pdev;
    d->vdev = virtio_pci_get_backend(pdev);
    d->ecam = VIRT_PCIE_ECAM_BASE + (slot << 15);
    g_assert_cmphex(rd16(d->ecam + 0), ==, 0x1af4);
    g_assert_cmphex(rd16(d->ecam + 2), ==, 0x1040 + d->vdev->device_id);
    g_assert_cmpuint(rd8(d->ecam + 8), ==, 1);

    /* the driver's capability walk */
    for (pos = rd8(d->ecam + PCI_CAPABILITY_LIST); pos;
         pos = rd8(d->ecam + pos + 1)) {
        if (rd8(d->ecam + pos) == PCI_CAP_ID_VNDR) {
            uint8_t type_ = rd8(d->ecam + pos + 3);

            g_assert_cmpuint(type_, <, 6);
            g_assert_cmpuint(rd8(d->ecam + pos + 4), ==, 4);
            d->cap[type_] = pos;
        } else if (rd8(d->ecam + pos) == PCI_CAP_ID_MSIX) {
            d->cap[0] = pos;
        }
    }
    for (int i = 0; i < 5; i++) {
        g_assert_cmpuint(d->cap[i], !=, 0);
    }
    g_assert_cmpuint(rd32(d->ecam + d->cap[VIRTIO_PCI_CAP_NOTIFY_CFG] + 16),
                     ==, 4);

    d->base = VIRT_PCIE_MMIO_BASE + slot * 0x100000;
    bar1 = d->base + 0x80000;
    ecam_w32(d, PCI_BASE_ADDRESS_0 + 4 * 4, d->base);
    ecam_w32(d, PCI_BASE_ADDRESS_0 + 5 * 4, 0);
    ecam_w32(d, PCI_BASE_ADDRESS_0 + 1 * 4, bar1);
    ecam_w16(d, PCI_COMMAND, PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
    /* MSI-X on, every vector to the doorbell with data 0x100 + n */
    ecam_w16(d, d->cap[0] + PCI_MSIX_FLAGS, PCI_MSIX_FLAGS_ENABLE);
    for (int v = 0; v < 4 && v <= (int)virtio_get_num_queues(d->vdev); v++) {
        wr32(bar1 + 16 * v, DOORBELL_BASE);
        wr32(bar1 + 16 * v + 4, 0);
        wr32(bar1 + 16 * v + 8, 0x100 + v);
        wr32(bar1 + 16 * v + 12, 0);
    }

    wr8(COMMON(d, VIRTIO_PCI_COMMON_STATUS), 0);
    wr8(COMMON(d, VIRTIO_PCI_COMMON_STATUS), VIRTIO_CONFIG_S_ACKNOWLEDGE |
        VIRTIO_CONFIG_S_DRIVER);
    wr32(COMMON(d, VIRTIO_PCI_COMMON_DFSELECT), 1);
    host = (uint64_t)rd32(COMMON(d, VIRTIO_PCI_COMMON_DF)) << 32;
    wr32(COMMON(d, VIRTIO_PCI_COMMON_DFSELECT), 0);
    host |= rd32(COMMON(d, VIRTIO_PCI_COMMON_DF));
    g_assert_true(host & (1ULL << VIRTIO_F_VERSION_1));
    features = (features & host) | (1ULL << VIRTIO_F_VERSION_1);
    wr32(COMMON(d, VIRTIO_PCI_COMMON_GFSELECT), 0);
    wr32(COMMON(d, VIRTIO_PCI_COMMON_GF), features);
    wr32(COMMON(d, VIRTIO_PCI_COMMON_GFSELECT), 1);
    wr32(COMMON(d, VIRTIO_PCI_COMMON_GF), features >> 32);
    wr8(COMMON(d, VIRTIO_PCI_COMMON_STATUS), VIRTIO_CONFIG_S_ACKNOWLEDGE |
        VIRTIO_CONFIG_S_DRIVER | VIRTIO_CONFIG_S_FEATURES_OK);
    g_assert_true(pci_status(d) & VIRTIO_CONFIG_S_FEATURES_OK);
    wr16(COMMON(d, VIRTIO_PCI_COMMON_MSIX), 0);
    g_assert_cmpuint(rd16(COMMON(d, VIRTIO_PCI_COMMON_MSIX)), ==, 0);
    g_assert_cmpuint(rd16(COMMON(d, VIRTIO_PCI_COMMON_NUMQ)), ==,
                     virtio_get_num_queues(d->vdev));
    for (int i = 0; i < nqueues; i++) {
        pci_setup_queue(d, i);
    }
    wr8(COMMON(d, VIRTIO_PCI_COMMON_STATUS), VIRTIO_CONFIG_S_ACKNOWLEDGE |
        VIRTIO_CONFIG_S_DRIVER | VIRTIO_CONFIG_S_FEATURES_OK |
        VIRTIO_CONFIG_S_DRIVER_OK);
    G.msi_n = 0;
    return d;
}

/* ------------------------------------------------------------------ */
/* Setup */

static void setup(void)
{
    GError *err = NULL;
    int fd;

    g_assert_true(memory_region_init_ram(&G.ram, NULL, "ram", RAM_SIZE,
                                         &err));
    memory_region_add_subregion(get_system_memory(), RAM_BASE, &G.ram);
    /* The last two transports: one stays empty, one for the failing
     * realize; the others are made as tests need them. */
    for (int i = NTRANSPORTS - 2; i < NTRANSPORTS; i++) {
        G.mmio[i] = virtio_mmio_create(
            VIRT_VIRTIO_MMIO_BASE + i * VIRTIO_MMIO_SIZE,
            qemu_allocate_irq(irq_handler, NULL, i), -1);
    }
    {
        GPEXConfig cfg = gpex_virt_config(false);
        qemu_irq *irqs = qemu_allocate_irqs(pci_intx_handler, NULL,
                                            GPEX_NUM_IRQS);
        GPEXHost *host = gpex_create(get_system_memory(), &cfg, irqs, &err);

        g_assert_no_error(err);
        g_free(irqs);
        G.pcibus = gpex_get_bus(host);
        memory_region_init_io(&G.doorbell, NULL, &doorbell_ops, NULL,
                              "doorbell", 4096);
        memory_region_add_subregion(get_system_memory(), DOORBELL_BASE,
                                    &G.doorbell);
    }
    fd = g_file_open_tmp("test-virtio-XXXXXX.log", &G.logname, &err);
    g_assert_no_error(err);
    close(fd);
    g_assert_true(log_set_file(G.logname, &err));
    log_set_mask(LOG_GUEST_ERROR);
    G.tmpdir = g_dir_make_tmp("test-virtio-XXXXXX", &err);
    g_assert_no_error(err);
}

/* ------------------------------------------------------------------ */
/* Transport basics */

static void test_mmio_empty_transport(void)
{
    /* The last transport stays empty: DeviceID 0 tells drivers to skip. */
    hwaddr b = VIRT_VIRTIO_MMIO_BASE + (NTRANSPORTS - 1) * VIRTIO_MMIO_SIZE;

    g_assert_cmphex(rd32(b + VIRTIO_MMIO_MAGIC_VALUE), ==, VIRTIO_MMIO_MAGIC);
    g_assert_cmpuint(rd32(b + VIRTIO_MMIO_VERSION), ==, 1);
    g_assert_cmpuint(rd32(b + VIRTIO_MMIO_DEVICE_ID), ==, 0);
}

static void test_mmio_fdt_node(void)
{
    uint8_t fdt[4096];
    GError *err = NULL;
    const fdt32_t *p;
    int node, len;

    g_assert_cmpint(fdt_create_empty_tree(fdt, sizeof(fdt)), ==, 0);
    g_assert_true(virtio_mmio_fdt_add(fdt, 0x0a003e00, 16 + 31, &err));
    node = fdt_path_offset(fdt, "/virtio_mmio@a003e00");
    g_assert_cmpint(node, >=, 0);
    g_assert_cmpstr(fdt_getprop(fdt, node, "compatible", NULL), ==,
                    "virtio,mmio");
    p = fdt_getprop(fdt, node, "reg", &len);
    g_assert_cmpint(len, ==, 16);
    g_assert_cmphex(fdt32_to_cpu(p[1]), ==, 0x0a003e00);
    g_assert_cmphex(fdt32_to_cpu(p[3]), ==, 0x200);
    p = fdt_getprop(fdt, node, "interrupts", &len);
    g_assert_cmpint(len, ==, 12);
    g_assert_cmpuint(fdt32_to_cpu(p[1]), ==, 47);
    g_assert_cmpuint(fdt32_to_cpu(p[2]), ==, 1);
}

/* ------------------------------------------------------------------ */
/* Console */

typedef struct ConsoleFixture {
    TDev *d;
    Chardev *chr;
    char *outpath;
} ConsoleFixture;

static ConsoleFixture console_new(bool legacy, uint64_t features)
{
    ConsoleFixture f = { 0 };
    GError *err = NULL;
    DeviceState *port;
    char *spec, *label;
    static int n;

    f.outpath = g_strdup_printf("%s/console%d.out", G.tmpdir, n);
    spec = g_strdup_printf("file:%s", f.outpath);
    label = g_strdup_printf("con%d", n++);
    f.chr = qemu_chr_new(label, spec, &err);
    g_assert_no_error(err);
    g_free(spec);
    g_free(label);
    g_test_queue_free(f.outpath);
    f.d = mmio_dev_new(TYPE_VIRTIO_SERIAL, legacy, features, NULL, 0);
    port = qdev_new(TYPE_VIRTCONSOLE);
    qdev_prop_set_chr(port, "chardev", f.chr);
    g_assert_true(qdev_realize_and_unref(
                      port, &VIRTIO_SERIAL(f.d->vdev)->bus, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(VIRTIO_SERIAL_PORT(port)->id, ==, 0);
    g_assert_cmpuint(rd32(f.d->base + VIRTIO_MMIO_DEVICE_ID), ==,
                     VIRTIO_ID_CONSOLE);
    f.d->t->setup_queue(f.d, 0);
    f.d->t->setup_queue(f.d, 1);
    return f;
}

static char *file_text(const char *path)
{
    char *text = NULL;

    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    return text;
}

static void console_tx_rx(bool legacy)
{
    ConsoleFixture f = console_new(legacy, 0);
    hwaddr buf = talloc(f.d, 64, 16), rxbuf = talloc(f.d, 16, 16);
    TSeg s = { buf, 7, false };
    CharBackend *be = f.chr->be;
    uint32_t id, len;
    char got[16] = { 0 }, *text;
    int room;

    /* TX: guest -> chardev */
    ram_write(buf, "hello\r\n", 7);
    tadd(f.d, 1, &s, 1);
    f.d->t->kick(f.d, 1);
    g_assert_true(tused(f.d, 1, &id, &len));
    g_assert_cmpuint(id, ==, 0);
    g_assert_true(f.d->t->irq(f.d));
    f.d->t->ack(f.d);
    g_assert_false(f.d->t->irq(f.d));
    text = file_text(f.outpath);
    g_assert_cmpstr(text, ==, "hello\r\n");
    g_free(text);

    /* RX: nothing posted -> the chardev is told to hold back */
    g_assert_nonnull(be);
    g_assert_cmpint(be->chr_can_read(be->opaque), ==, 0);
    s = (TSeg){ rxbuf, 16, true };
    tadd(f.d, 0, &s, 1);
    f.d->t->kick(f.d, 0);
    room = be->chr_can_read(be->opaque);
    g_assert_cmpint(room, ==, 16);
    be->chr_read(be->opaque, (const uint8_t *)"ls -l\n", 6);
    g_assert_true(tused(f.d, 0, &id, &len));
    g_assert_cmpuint(len, ==, 6);
    ram_read(rxbuf, got, 6);
    g_assert_cmpstr(got, ==, "ls -l\n");
    g_assert_cmpint(be->chr_can_read(be->opaque), ==, 0);
}

static void test_console_legacy(void)
{
    console_tx_rx(true);
}

static void test_console_modern(void)
{
    console_tx_rx(false);
}


/*
 * kvm-unit-tests' exit path: legacy virtio-mmio, no Status write, no
 * features, virtconsole on -chardev testdev; "5q" on the transmit queue
 * asks for process exit status (5 << 1) | 1.
 */
static void test_console_testdev_exit(void)
{
    TDev *d = mmio_dev_new(TYPE_VIRTIO_SERIAL, true, 0, NULL, 0);
    GError *err = NULL;
    Chardev *chr = qemu_chr_new("ctd", "testdev", &err);
    DeviceState *port;
    hwaddr buf = talloc(d, 16, 16);
    TSeg s = { buf, 2, false };
    int status = -1;

    g_assert_no_error(err);
    port = qdev_new(TYPE_VIRTCONSOLE);
    qdev_prop_set_chr(port, "chardev", chr);
    g_assert_true(qdev_realize_and_unref(port, &VIRTIO_SERIAL(d->vdev)->bus,
                                         &err));
    g_assert_no_error(err);
    d->t->setup_queue(d, 0);
    d->t->setup_queue(d, 1);
    g_assert_cmpuint(d->t->status(d), ==, 0);
    g_assert_false(main_loop_should_exit(&status));
    ram_write(buf, "5q", 2);
    tadd(d, 1, &s, 1);
    d->t->kick(d, 1);
    g_assert_true(tused(d, 1, NULL, NULL));
    g_assert_true(main_loop_should_exit(&status));
    g_assert_cmpint(status, ==, 11);
}

static void test_console_multiport(void)
{
    ConsoleFixture f = console_new(false, 1ULL << VIRTIO_CONSOLE_F_MULTIPORT);
    hwaddr ctl_in = talloc(f.d, 8 * 64, 16), ctl_out = talloc(f.d, 8, 16);
    uint8_t msg[8];
    uint32_t id, len;
    TSeg s;

    g_assert_cmpuint(f.d->t->cfg_read(f.d, 4, 4), ==, 31);
    f.d->t->setup_queue(f.d, 2);
    f.d->t->setup_queue(f.d, 3);
    for (int i = 0; i < 4; i++) {
        s = (TSeg){ ctl_in + 64 * i, 64, true };
        tadd(f.d, 2, &s, 1);
    }
    f.d->t->kick(f.d, 2);
    /* DEVICE_READY -> DEVICE_ADD for port 0 */
    stl_le_p(msg, 0);
    stw_le_p(msg + 4, VIRTIO_CONSOLE_DEVICE_READY);
    stw_le_p(msg + 6, 1);
    ram_write(ctl_out, msg, 8);
    s = (TSeg){ ctl_out, 8, false };
    tadd(f.d, 3, &s, 1);
    f.d->t->kick(f.d, 3);
    g_assert_true(tused(f.d, 2, &id, &len));
    g_assert_cmpuint(len, ==, 8);
    ram_read(ctl_in, msg, 8);
    g_assert_cmpuint(ldl_le_p(msg), ==, 0);
    g_assert_cmpuint(lduw_le_p(msg + 4), ==, VIRTIO_CONSOLE_DEVICE_ADD);
    /* PORT_READY -> CONSOLE_PORT */
    stl_le_p(msg, 0);
    stw_le_p(msg + 4, VIRTIO_CONSOLE_PORT_READY);
    stw_le_p(msg + 6, 1);
    ram_write(ctl_out, msg, 8);
    tadd(f.d, 3, &s, 1);
    f.d->t->kick(f.d, 3);
    g_assert_true(tused(f.d, 2, &id, &len));
    ram_read(ctl_in + 64 * id, msg, 8);
    g_assert_cmpuint(lduw_le_p(msg + 4), ==, VIRTIO_CONSOLE_CONSOLE_PORT);
}

/* ------------------------------------------------------------------ */
/* Block */

static char *blk_path;
static bool blk_ro;

static void set_blk_props(DeviceState *dev)
{
    qdev_prop_set_string(dev, "drive", blk_path);
    qdev_prop_set_bool(dev, "read-only", blk_ro);
}

static char *make_image(size_t size, uint8_t fill)
{
    static int n;
    char *path = g_strdup_printf("%s/disk%d.img", G.tmpdir, n++);
    g_autofree uint8_t *data = g_malloc(size);
    GError *err = NULL;

    for (size_t i = 0; i < size; i++) {
        data[i] = fill + i / 512;
    }
    g_assert_true(g_file_set_contents(path, (char *)data, size, &err));
    g_test_queue_free(path);
    return path;
}

/* One request: header, optional data out, data in of @in_len, status. */
static uint8_t blk_req(TDev *d, uint32_t type, uint64_t sector,
                       hwaddr data, uint32_t data_len, bool data_in,
                       uint32_t *used_len)
{
    hwaddr hdr = talloc(d, 16, 16), st = talloc(d, 1, 1);
    uint8_t h[16] = { 0 }, status = 0xaa;
    TSeg s[3];
    int n = 0;
    uint32_t id;

    stl_le_p(h, type);
    stq_le_p(h + 8, sector);
    ram_write(hdr, h, 16);
    ram_write(st, &status, 1);
    s[n++] = (TSeg){ hdr, 16, false };
    if (data_len) {
        s[n++] = (TSeg){ data, data_len, data_in };
    }
    s[n++] = (TSeg){ st, 1, true };
    tadd(d, 0, s, n);
    d->t->kick(d, 0);
    g_assert_true(tused(d, 0, &id, used_len));
    ram_read(st, &status, 1);
    return status;
}

static void blk_rw_flush_discard(bool legacy)
{
    uint64_t f = (1ULL << VIRTIO_BLK_F_FLUSH) | (1ULL << VIRTIO_BLK_F_DISCARD)
                 | (1ULL << VIRTIO_RING_F_EVENT_IDX);
    TDev *d;
    hwaddr buf;
    uint8_t data[1024], back[1024];
    uint32_t used;
    char *file;
    gsize flen;

    blk_path = make_image(64 * 1024, 1);
    blk_ro = false;
    d = mmio_dev_new(TYPE_VIRTIO_BLK, legacy, f, set_blk_props, 1);
    buf = talloc(d, 4096, 4096);
    g_assert_cmpuint(d->t->cfg_read(d, 0, 4), ==, 128);   /* capacity */
    g_assert_cmpuint(d->t->cfg_read(d, 4, 4), ==, 0);

    /* read sector 3: the image holds 1 + sector number in every byte */
    g_assert_cmpuint(blk_req(d, VIRTIO_BLK_T_IN, 3, buf, 1024, true, &used),
                     ==, VIRTIO_BLK_S_OK);
    g_assert_cmpuint(used, ==, 1025);
    ram_read(buf, back, 1024);
    g_assert_cmpuint(back[0], ==, 4);
    g_assert_cmpuint(back[1023], ==, 5);

    /* write sector 10..11, flush, read back through the file */
    for (int i = 0; i < 1024; i++) {
        data[i] = i * 7;
    }
    ram_write(buf, data, 1024);
    g_assert_cmpuint(blk_req(d, VIRTIO_BLK_T_OUT, 10, buf, 1024, false, &used),
                     ==, VIRTIO_BLK_S_OK);
    g_assert_cmpuint(blk_req(d, VIRTIO_BLK_T_FLUSH, 0, 0, 0, false, &used),
                     ==, VIRTIO_BLK_S_OK);
    g_assert_true(g_file_get_contents(blk_path, &file, &flen, NULL));
    g_assert_cmpuint(flen, ==, 64 * 1024);
    g_assert_cmpmem(file + 10 * 512, 1024, data, 1024);
    g_free(file);

    /* discard sectors 20..21: they read back as zeros */
    {
        uint8_t seg[16];
        hwaddr segaddr = talloc(d, 16, 16);

        stq_le_p(seg, 20);
        stl_le_p(seg + 8, 2);
        stl_le_p(seg + 12, 0);
        ram_write(segaddr, seg, 16);
        g_assert_cmpuint(blk_req(d, VIRTIO_BLK_T_DISCARD, 0, segaddr, 16,
                                 false, &used), ==, VIRTIO_BLK_S_OK);
        g_assert_true(g_file_get_contents(blk_path, &file, &flen, NULL));
        for (int i = 20 * 512; i < 22 * 512; i++) {
            g_assert_cmpuint((uint8_t)file[i], ==, 0);
        }
        g_assert_cmpuint((uint8_t)file[22 * 512], ==, 23);
        g_free(file);
    }

    /* past the end, and a partial sector: IOERR, device still fine */
    g_assert_cmpuint(blk_req(d, VIRTIO_BLK_T_IN, 127, buf, 1024, true, &used),
                     ==, VIRTIO_BLK_S_IOERR);
    g_assert_cmpuint(blk_req(d, VIRTIO_BLK_T_IN, 0, buf, 100, true, &used),
                     ==, VIRTIO_BLK_S_IOERR);
    g_assert_cmpuint(blk_req(d, 99, 0, 0, 0, false, &used), ==,
                     VIRTIO_BLK_S_UNSUPP);
    g_assert_false(d->vdev->broken);
    g_assert_true(log_contains("past the end of the disk"));
}

static void test_blk_legacy(void)
{
    blk_rw_flush_discard(true);
}

static void test_blk_modern(void)
{
    blk_rw_flush_discard(false);
}

static void test_blk_read_only(void)
{
    TDev *d;
    hwaddr buf;
    uint32_t used;
    uint8_t back[512];

    blk_path = make_image(8192, 9);
    blk_ro = true;
    d = mmio_dev_new(TYPE_VIRTIO_BLK, false, 1ULL << VIRTIO_BLK_F_RO,
                     set_blk_props, 1);
    g_assert_true(d->vdev->guest_features & (1ULL << VIRTIO_BLK_F_RO));
    buf = talloc(d, 512, 16);
    memset(back, 0x55, sizeof(back));
    ram_write(buf, back, 512);
    g_assert_cmpuint(blk_req(d, VIRTIO_BLK_T_OUT, 0, buf, 512, false, &used),
                     ==, VIRTIO_BLK_S_IOERR);
    g_assert_cmpuint(blk_req(d, VIRTIO_BLK_T_IN, 0, buf, 512, true, &used),
                     ==, VIRTIO_BLK_S_OK);
    ram_read(buf, back, 512);
    g_assert_cmpuint(back[0], ==, 9);
    blk_ro = false;
}

/* A device region that takes DMA of any width: virtio-blk must copy. */
static uint8_t sink_mem[4096];

static uint64_t sink_read(void *opaque, hwaddr addr, unsigned size)
{
    return ldn_le_p(sink_mem + addr, size);
}

static void sink_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    stn_le_p(sink_mem + addr, size, val);
}

static const MemoryRegionOps sink_ops = {
    .read = sink_read,
    .write = sink_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
};

static GArray *ram_writes;      /* (start, len) pairs the RAM hook heard */

static void record_ram_write(ram_addr_t addr, ram_addr_t len)
{
    uint64_t r[2] = { addr, len };

    g_array_append_vals(ram_writes, r, 2);
}

/* Was every byte of guest RAM [@gpa, @gpa + @len) reported written? */
static bool ram_write_heard(hwaddr gpa, hwaddr len)
{
    ram_addr_t base = memory_region_get_ram_addr(&G.ram);

    for (hwaddr a = gpa; a < gpa + len; a++) {
        bool seen = false;

        for (guint i = 0; i + 1 < ram_writes->len && !seen; i += 2) {
            uint64_t start = g_array_index(ram_writes, uint64_t, i) -
                             base + RAM_BASE;
            seen = a >= start &&
                   a < start + g_array_index(ram_writes, uint64_t, i + 1);
        }
        if (!seen) {
            return false;
        }
    }
    return true;
}

/*
 * The direct path (preadv/pwritev into mapped guest RAM) with chains of
 * odd-sized pieces, a buffer in device memory (the copying path), and a
 * file that shrank under the device (the end reads as zeros).
 */
static void test_blk_scatter_direct(void)
{
    TDev *d;
    hwaddr hdr, st, a, b, c, sink = 0x08030000ULL;
    MemoryRegion sink_mr;
    uint8_t h[16] = { 0 }, status, back[1048], w[1024];
    uint32_t used;
    char *file;
    gsize flen;
    TSeg s[5];

    blk_path = make_image(64 * 1024, 1);
    blk_ro = false;
    d = mmio_dev_new(TYPE_VIRTIO_BLK, false, 0, set_blk_props, 1);
    hdr = talloc(d, 16, 16);
    st = talloc(d, 1, 1);
    a = talloc(d, 1000, 8);
    b = talloc(d, 1048, 4096) + 4096 - 24;     /* crosses a page */
    talloc(d, 4096, 1);
    c = talloc(d, 1024, 1) + 3;
    talloc(d, 8, 1);

    /* read sectors 5..10 (6 x 512 = 1000 + 1048 + 1024) */
    stl_le_p(h, VIRTIO_BLK_T_IN);
    stq_le_p(h + 8, 5);
    ram_write(hdr, h, 16);
    s[0] = (TSeg){ hdr, 16, false };
    s[1] = (TSeg){ a, 1000, true };
    s[2] = (TSeg){ b, 1048, true };
    s[3] = (TSeg){ c, 1024, true };
    s[4] = (TSeg){ st, 1, true };
    ram_writes = g_array_new(false, false, sizeof(uint64_t));
    physmem_set_ram_write_hook(record_ram_write);
    tadd(d, 0, s, 5);
    d->t->kick(d, 0);
    physmem_set_ram_write_hook(NULL);
    g_assert_true(tused(d, 0, NULL, &used));
    g_assert_cmpuint(used, ==, 3073);
    ram_read(st, &status, 1);
    g_assert_cmpuint(status, ==, VIRTIO_BLK_S_OK);
    /* byte k of the 3072 is in sector 5 + k / 512, which holds 6 + that */
    ram_read(a, back, 1000);
    g_assert_cmpuint(back[0], ==, 6);
    g_assert_cmpuint(back[511], ==, 6);
    g_assert_cmpuint(back[512], ==, 7);
    g_assert_cmpuint(back[999], ==, 7);
    ram_read(b, back, 1048);
    g_assert_cmpuint(back[0], ==, 7);       /* byte 1000 */
    g_assert_cmpuint(back[23], ==, 7);      /* 1023, the last before the page */
    g_assert_cmpuint(back[24], ==, 8);      /* 1024 */
    g_assert_cmpuint(back[1047], ==, 9);    /* 2047 */
    ram_read(c, back, 1024);
    g_assert_cmpuint(back[0], ==, 10);
    g_assert_cmpuint(back[1023], ==, 11);
    /* guest RAM written behind the CPU's back is reported (code, dirty) */
    g_assert_true(ram_write_heard(a, 1000));
    g_assert_true(ram_write_heard(b, 1048));
    g_assert_true(ram_write_heard(c, 1024));
    g_array_free(ram_writes, true);

    /* write sectors 40..41 from two pieces */
    for (int i = 0; i < 1024; i++) {
        w[i] = i * 13 + 1;
    }
    ram_write(a, w, 700);
    ram_write(c, w + 700, 324);
    stl_le_p(h, VIRTIO_BLK_T_OUT);
    stq_le_p(h + 8, 40);
    ram_write(hdr, h, 16);
    s[1] = (TSeg){ a, 700, false };
    s[2] = (TSeg){ c, 324, false };
    s[3] = (TSeg){ st, 1, true };
    tadd(d, 0, s, 4);
    d->t->kick(d, 0);
    g_assert_true(tused(d, 0, NULL, &used));
    ram_read(st, &status, 1);
    g_assert_cmpuint(status, ==, VIRTIO_BLK_S_OK);
    g_assert_true(g_file_get_contents(blk_path, &file, &flen, NULL));
    g_assert_cmpmem(file + 40 * 512, 1024, w, 1024);
    g_free(file);

    /* a buffer in device memory: copied through the DMA API */
    memory_region_init_io(&sink_mr, NULL, &sink_ops, NULL, "sink",
                          sizeof(sink_mem));
    memory_region_add_subregion(get_system_memory(), sink, &sink_mr);
    memset(sink_mem, 0xee, sizeof(sink_mem));
    g_assert_cmpuint(blk_req(d, VIRTIO_BLK_T_IN, 3, sink + 8, 1024, true,
                             &used), ==, VIRTIO_BLK_S_OK);
    g_assert_cmpuint(used, ==, 1025);
    g_assert_cmpuint(sink_mem[7], ==, 0xee);
    g_assert_cmpuint(sink_mem[8], ==, 4);
    g_assert_cmpuint(sink_mem[8 + 1023], ==, 5);
    g_assert_cmpuint(sink_mem[8 + 1024], ==, 0xee);
    memory_region_destroy(&sink_mr);       /* takes it out of the map too */

    /* the file loses its tail after realize: what is gone reads as 0 */
    g_assert_cmpint(truncate(blk_path, 10 * 512 + 100), ==, 0);
    memset(back, 0x77, 1024);
    ram_write(a, back, 1024);
    g_assert_cmpuint(blk_req(d, VIRTIO_BLK_T_IN, 10, a, 1024, true, &used),
                     ==, VIRTIO_BLK_S_OK);
    ram_read(a, back, 1024);
    g_assert_cmpuint(back[0], ==, 11);
    g_assert_cmpuint(back[99], ==, 11);
    g_assert_cmpuint(back[100], ==, 0);
    g_assert_cmpuint(back[1023], ==, 0);
    g_assert_false(d->vdev->broken);
}

static void test_blk_missing_file(void)
{
    DeviceState *dev = qdev_new(TYPE_VIRTIO_BLK);
    GError *err = NULL;
    int slot = NTRANSPORTS - 2;

    qdev_prop_set_string(dev, "drive", "/nonexistent/disk.img");
    g_assert_false(qdev_realize(dev, virtio_mmio_get_bus(G.mmio[slot]),
                                &err));
    g_assert_nonnull(err);
    g_assert_nonnull(strstr(err->message, "could not open "
                            "'/nonexistent/disk.img'"));
    g_assert_nonnull(strstr(err->message, "No such file"));
    g_error_free(err);
    object_unref(dev);
    /* The transport is still free. */
    g_assert_cmpuint(rd32(VIRT_VIRTIO_MMIO_BASE + slot * VIRTIO_MMIO_SIZE +
                          VIRTIO_MMIO_DEVICE_ID), ==, 0);
}

/* ------------------------------------------------------------------ */
/* RNG */

static void test_rng(void)
{
    TDev *d = mmio_dev_new("virtio-rng-device", false, 0, NULL, 1);
    hwaddr buf = talloc(d, 64, 16);
    uint8_t zero[64] = { 0 }, a[64], b[64];
    TSeg s = { buf, 64, true };
    uint32_t len;

    ram_write(buf, zero, 64);
    tadd(d, 0, &s, 1);
    d->t->kick(d, 0);
    g_assert_true(tused(d, 0, NULL, &len));
    g_assert_cmpuint(len, ==, 64);
    ram_read(buf, a, 64);
    ram_write(buf, zero, 64);
    tadd(d, 0, &s, 1);
    d->t->kick(d, 0);
    g_assert_true(tused(d, 0, NULL, &len));
    ram_read(buf, b, 64);
    /* 2^-512 odds of a false failure */
    g_assert_true(memcmp(a, zero, 64) != 0);
    g_assert_true(memcmp(a, b, 64) != 0);
}

/* ------------------------------------------------------------------ */
/* Hostile drivers: each breaks the device, nothing crashes */

typedef void (*BadRing)(TDev *d, hwaddr buf);

static void bad_desc_addr(TDev *d, hwaddr buf)
{
    TSeg s = { 0xdead0000000ULL, 64, true };

    (void)buf;
    tadd(d, 0, &s, 1);
}

static void bad_past_ram_end(TDev *d, hwaddr buf)
{
    TSeg s = { RAM_BASE + RAM_SIZE - 16, 64, true };

    (void)buf;
    tadd(d, 0, &s, 1);
}

static void bad_loop(TDev *d, hwaddr buf)
{
    tdesc(d, 0, 0, buf, 16, VRING_DESC_F_WRITE | VRING_DESC_F_NEXT, 1);
    tdesc(d, 0, 1, buf, 16, VRING_DESC_F_WRITE | VRING_DESC_F_NEXT, 0);
    tpublish(d, 0, 0);
}

static void bad_next_out_of_range(TDev *d, hwaddr buf)
{
    tdesc(d, 0, 0, buf, 16, VRING_DESC_F_WRITE | VRING_DESC_F_NEXT, 200);
    tpublish(d, 0, 0);
}

static void bad_head_out_of_range(TDev *d, hwaddr buf)
{
    (void)buf;
    tpublish(d, 0, 999);
}

static void bad_nested_indirect(TDev *d, hwaddr buf)
{
    hwaddr table = talloc(d, 32, 16);
    uint8_t raw[16];

    /* the indirect table's entry is itself indirect, pointing at itself */
    stq_le_p(raw, table);
    stl_le_p(raw + 8, 16);
    stw_le_p(raw + 12, VRING_DESC_F_INDIRECT);
    stw_le_p(raw + 14, 0);
    ram_write(table, raw, 16);
    tdesc(d, 0, 0, table, 16, VRING_DESC_F_INDIRECT, 0);
    (void)buf;
    tpublish(d, 0, 0);
}

static void bad_indirect_loop(TDev *d, hwaddr buf)
{
    hwaddr table = talloc(d, 32, 16);
    uint8_t raw[32];

    stq_le_p(raw, buf);
    stl_le_p(raw + 8, 8);
    stw_le_p(raw + 12, VRING_DESC_F_WRITE | VRING_DESC_F_NEXT);
    stw_le_p(raw + 14, 1);
    stq_le_p(raw + 16, buf);
    stl_le_p(raw + 24, 8);
    stw_le_p(raw + 28, VRING_DESC_F_WRITE | VRING_DESC_F_NEXT);
    stw_le_p(raw + 30, 0);
    ram_write(table, raw, 32);
    tdesc(d, 0, 0, table, 32, VRING_DESC_F_INDIRECT, 0);
    tpublish(d, 0, 0);
}

static void bad_avail_jump(TDev *d, hwaddr buf)
{
    (void)buf;
    ram_w16(d->q[0].avail + 2, 5000);
}

static void bad_huge_len(TDev *d, hwaddr buf)
{
    TSeg s = { buf, 0xfffffff0u, true };

    tadd(d, 0, &s, 1);
}

static void bad_ring_outside_ram(TDev *d, hwaddr buf)
{
    (void)buf;
    /* move the avail ring where there is nothing */
    d->vdev->vq[0].avail = 0x7000000000ULL;
}

/* A buffer on the transport's own QueueNotify register: the device must
 * not kick itself (the memory core's re-entrancy guard refuses it). */
static void bad_dma_into_own_registers(TDev *d, hwaddr buf)
{
    TSeg s = { d->base + VIRTIO_MMIO_QUEUE_NOTIFY, 4, true };

    (void)buf;
    tadd(d, 0, &s, 1);
}

static void hostile(BadRing bad, const char *expect, bool check_status)
{
    TDev *d = mmio_dev_new("virtio-rng-device", false,
                           1ULL << VIRTIO_RING_F_INDIRECT_DESC, NULL, 1);
    hwaddr buf = talloc(d, 64, 16);
    TSeg s = { buf, 8, true };

    bad(d, buf);
    d->t->kick(d, 0);
    g_assert_true(d->vdev->broken);
    if (check_status) {
        g_assert_true(d->t->status(d) & VIRTIO_CONFIG_S_NEEDS_RESET);
        /* the config interrupt tells the driver */
        g_assert_true(d->t->irq(d));
    }
    g_assert_true(log_contains(expect));
    /* Further kicks are ignored until reset */
    d->t->kick(d, 0);
    g_assert_false(tused(d, 0, NULL, NULL));
    /* Reset brings it back */
    wr32(d->base + VIRTIO_MMIO_STATUS, 0);
    g_assert_false(d->vdev->broken);
    g_assert_cmpuint(d->t->status(d), ==, 0);
    wr32(d->base + VIRTIO_MMIO_STATUS, VIRTIO_CONFIG_S_ACKNOWLEDGE |
         VIRTIO_CONFIG_S_DRIVER);
    wr32(d->base + VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
    wr32(d->base + VIRTIO_MMIO_DRIVER_FEATURES, 1);
    wr32(d->base + VIRTIO_MMIO_STATUS, VIRTIO_CONFIG_S_ACKNOWLEDGE |
         VIRTIO_CONFIG_S_DRIVER | VIRTIO_CONFIG_S_FEATURES_OK);
    d->t->setup_queue(d, 0);
    wr32(d->base + VIRTIO_MMIO_STATUS, VIRTIO_CONFIG_S_ACKNOWLEDGE |
         VIRTIO_CONFIG_S_DRIVER | VIRTIO_CONFIG_S_FEATURES_OK |
         VIRTIO_CONFIG_S_DRIVER_OK);
    tadd(d, 0, &s, 1);
    d->t->kick(d, 0);
    g_assert_true(tused(d, 0, NULL, NULL));
}

static void test_bad_desc_addr(void)
{
    hostile(bad_desc_addr, "is not in guest memory", true);
}

static void test_bad_past_ram_end(void)
{
    hostile(bad_past_ram_end, "is not in guest memory", true);
}

static void test_bad_loop(void)
{
    hostile(bad_loop, "loops or is longer", true);
}

static void test_bad_next(void)
{
    hostile(bad_next_out_of_range, "next descriptor 200", true);
}

static void test_bad_head(void)
{
    hostile(bad_head_out_of_range, "head descriptor", true);
}

static void test_bad_nested_indirect(void)
{
    hostile(bad_nested_indirect, "nested indirect descriptor table", true);
}

static void test_bad_indirect_loop(void)
{
    hostile(bad_indirect_loop, "loops or is longer than 2", true);
}

static void test_bad_avail_jump(void)
{
    hostile(bad_avail_jump, "avail idx 5000", true);
}

static void test_bad_huge_len(void)
{
    hostile(bad_huge_len, "0xfffffff0 is not in guest memory", true);
}

static void test_bad_ring_outside_ram(void)
{
    hostile(bad_ring_outside_ram, "ring read at 0x7000000002", true);
}

static void test_bad_dma_into_own_registers(void)
{
    hostile(bad_dma_into_own_registers, "DMA to 0xa", true);
}

static void test_bad_registers(void)
{
    TDev *d = mmio_dev_new("virtio-rng-device", false, 0, NULL, 1);
    MemTxResult r;

    /* 16-bit register access, queue size not a power of two, queue past
     * the end, notify of a queue that does not exist: all logged */
    address_space_lduw_le(&address_space_memory, d->base + 0x70,
                          MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_true(log_contains("2-byte read of register 0x70"));
    wr32(d->base + VIRTIO_MMIO_QUEUE_SEL, 0);
    g_assert_cmpuint(rd32(d->base + VIRTIO_MMIO_QUEUE_READY), ==, 1);
    wr32(d->base + VIRTIO_MMIO_QUEUE_SEL, 1000);
    g_assert_cmpuint(rd32(d->base + VIRTIO_MMIO_QUEUE_NUM_MAX), ==, 0);
    wr32(d->base + VIRTIO_MMIO_QUEUE_NUM, 4);
    wr32(d->base + VIRTIO_MMIO_QUEUE_READY, 1);
    wr32(d->base + VIRTIO_MMIO_QUEUE_NOTIFY, 1000);
    g_assert_true(log_contains("notify of queue 1000"));
    wr32(d->base + VIRTIO_MMIO_QUEUE_SEL, 0);
    wr32(d->base + VIRTIO_MMIO_QUEUE_READY, 0);
    wr32(d->base + VIRTIO_MMIO_QUEUE_NUM, 3);
    g_assert_true(log_contains("size 3 invalid"));
    /* legacy-only register on a version 2 transport */
    wr32(d->base + VIRTIO_MMIO_QUEUE_PFN, 1);
    g_assert_true(log_contains("bad register 0x40"));
    g_assert_false(d->vdev->broken);
}

static void test_features_not_offered(void)
{
    TDev *d = mmio_dev_new("virtio-rng-device", false, 0, NULL, 0);

    wr32(d->base + VIRTIO_MMIO_STATUS, 0);
    wr32(d->base + VIRTIO_MMIO_STATUS, 3);
    wr32(d->base + VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
    wr32(d->base + VIRTIO_MMIO_DRIVER_FEATURES, 1 | (1u << 30));
    wr32(d->base + VIRTIO_MMIO_STATUS, 3 | VIRTIO_CONFIG_S_FEATURES_OK);
    g_assert_false(rd32(d->base + VIRTIO_MMIO_STATUS) &
                   VIRTIO_CONFIG_S_FEATURES_OK);
    g_assert_true(log_contains("not offered"));
    /* without VERSION_1 a modern transport refuses FEATURES_OK too */
    wr32(d->base + VIRTIO_MMIO_STATUS, 0);
    wr32(d->base + VIRTIO_MMIO_STATUS, 3);
    wr32(d->base + VIRTIO_MMIO_DRIVER_FEATURES, 0);
    wr32(d->base + VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
    wr32(d->base + VIRTIO_MMIO_DRIVER_FEATURES, 0);
    wr32(d->base + VIRTIO_MMIO_STATUS, 3 | VIRTIO_CONFIG_S_FEATURES_OK);
    g_assert_false(rd32(d->base + VIRTIO_MMIO_STATUS) &
                   VIRTIO_CONFIG_S_FEATURES_OK);
}

/* Event index: the device interrupts only when used passes used_event. */
static void test_event_idx(void)
{
    TDev *d = mmio_dev_new("virtio-rng-device", false,
                           1ULL << VIRTIO_RING_F_EVENT_IDX, NULL, 1);
    hwaddr buf = talloc(d, 64, 16);
    TSeg s = { buf, 8, true };
    hwaddr used_event = d->q[0].avail + 4 + 2 * d->q[0].num;
    hwaddr avail_event = d->q[0].used + 4 + 8 * d->q[0].num;

    g_assert_true(virtio_vdev_has_feature(d->vdev, VIRTIO_RING_F_EVENT_IDX));
    /* ask for an interrupt only after the 3rd used entry (idx 2) */
    ram_w16(used_event, 2);
    tadd(d, 0, &s, 1);
    d->t->kick(d, 0);
    g_assert_true(d->t->irq(d));      /* first signal: always sent */
    d->t->ack(d);
    tadd(d, 0, &s, 1);
    d->t->kick(d, 0);
    g_assert_false(d->t->irq(d));
    tadd(d, 0, &s, 1);
    d->t->kick(d, 0);
    g_assert_true(d->t->irq(d));
    /* the device publishes how far it read */
    g_assert_cmpuint(ram16(avail_event), ==, 3);
}


/* ------------------------------------------------------------------ */
/* Packed virtqueues (virtio 1.1, 2.7): the driver side, for queue 0 */

typedef struct TPacked {
    uint16_t avail_slot, used_slot;
    bool avail_wrap, used_wrap;
    uint16_t ndescs[64];        /* ring slots each buffer id took */
} TPacked;

static void packed_init(TPacked *p)
{
    memset(p, 0, sizeof(*p));
    p->avail_wrap = p->used_wrap = true;
}

static void pdesc(TDev *d, uint16_t slot, hwaddr addr, uint32_t len,
                  uint16_t id, uint16_t flags)
{
    uint8_t raw[16];

    stq_le_p(raw, addr);
    stl_le_p(raw + 8, len);
    stw_le_p(raw + 12, id);
    stw_le_p(raw + 14, flags);
    ram_write(d->q[0].desc + 16 * slot, raw, 16);
}

/* The avail flags of a descriptor for the driver's current lap. */
static uint16_t pavail(TPacked *p)
{
    return p->avail_wrap ? VRING_PACKED_DESC_F_AVAIL : VRING_PACKED_DESC_F_USED;
}

/*
 * Make a chain of @n buffers available as buffer @id: the descriptors
 * after the head first, the head's flags last (then it is the driver's
 * publication). @indirect_len: the head is an indirect table instead.
 */
static void padd(TDev *d, TPacked *p, const TSeg *segs, int n, uint16_t id,
                 uint32_t indirect_len)
{
    uint16_t head = p->avail_slot, head_flags = 0;
    uint16_t num = d->q[0].num;

    for (int i = 0; i < n; i++) {
        uint16_t f = pavail(p) | (segs[i].write ? VRING_DESC_F_WRITE : 0) |
                     (i + 1 < n ? VRING_DESC_F_NEXT : 0);

        if (indirect_len) {
            f = pavail(p) | VRING_DESC_F_INDIRECT;
        }
        if (i == 0) {
            head_flags = f;
            f = 0;              /* not available yet */
        }
        pdesc(d, p->avail_slot, segs[i].addr,
              indirect_len ? indirect_len : segs[i].len, id, f);
        if (++p->avail_slot == num) {
            p->avail_slot = 0;
            p->avail_wrap = !p->avail_wrap;
        }
    }
    p->ndescs[id] = n;
    ram_w16(d->q[0].desc + 16 * head + 14, head_flags);
}

static bool pused(TDev *d, TPacked *p, uint16_t *id, uint32_t *len)
{
    uint8_t raw[16];
    uint16_t flags;

    ram_read(d->q[0].desc + 16 * p->used_slot, raw, 16);
    flags = lduw_le_p(raw + 14);
    if (!!(flags & VRING_PACKED_DESC_F_AVAIL) != p->used_wrap ||
        !!(flags & VRING_PACKED_DESC_F_USED) != p->used_wrap) {
        return false;
    }
    *id = lduw_le_p(raw + 12);
    *len = ldl_le_p(raw + 8);
    g_assert_cmpuint(*id, <, 64);
    p->used_slot += p->ndescs[*id];
    if (p->used_slot >= d->q[0].num) {
        p->used_slot -= d->q[0].num;
        p->used_wrap = !p->used_wrap;
    }
    return true;
}

static void set_packed(DeviceState *dev)
{
    qdev_prop_set_bool(dev, "packed", true);
}

static void set_blk_packed(DeviceState *dev)
{
    set_blk_props(dev);
    set_packed(dev);
}

/*
 * virtio-blk over a packed ring of 8 slots: 3-slot requests wrap it
 * several times, reads and writes alternate, buffer ids are the driver's
 * own (returned as given), one request goes through an indirect table;
 * a descriptor whose flags are not yet published is not taken.
 */
static void test_packed_blk(void)
{
    uint64_t f = (1ULL << VIRTIO_F_RING_PACKED) |
                 (1ULL << VIRTIO_RING_F_INDIRECT_DESC);
    TDev *d;
    TPacked p;
    hwaddr hdr, st, buf, table;
    uint8_t h[16] = { 0 }, status, data[512], back[512], raw[48];
    uint16_t id;
    uint32_t len;
    char *file;
    gsize flen;

    blk_path = make_image(32 * 1024, 1);
    blk_ro = false;
    /* without the property the ring layout is not offered */
    d = mmio_dev_new(TYPE_VIRTIO_BLK, false, f, set_blk_props, 1);
    g_assert_false(virtio_vdev_has_feature(d->vdev, VIRTIO_F_RING_PACKED));
    d = mmio_dev_new(TYPE_VIRTIO_BLK, false, f, set_blk_packed, 1);
    g_assert_true(virtio_vdev_has_feature(d->vdev, VIRTIO_F_RING_PACKED));
    packed_init(&p);
    hdr = talloc(d, 16, 16);
    st = talloc(d, 1, 1);
    buf = talloc(d, 512, 16);
    table = talloc(d, 48, 16);

    for (int r = 0; r < 12; r++) {
        bool rd = r % 2 == 0;
        uint16_t want_id = 40 + r % 5;
        TSeg s[3] = {
            { hdr, 16, false }, { buf, 512, rd }, { st, 1, true },
        };

        stl_le_p(h, rd ? VIRTIO_BLK_T_IN : VIRTIO_BLK_T_OUT);
        stq_le_p(h + 8, r);
        ram_write(hdr, h, 16);
        for (int i = 0; i < 512; i++) {
            data[i] = r * 31 + i;
        }
        ram_write(buf, data, 512);
        status = 0xaa;
        ram_write(st, &status, 1);
        padd(d, &p, s, 3, want_id, 0);
        d->t->kick(d, 0);
        g_assert_true(pused(d, &p, &id, &len));
        g_assert_cmpuint(id, ==, want_id);
        g_assert_cmpuint(len, ==, rd ? 513 : 1);
        ram_read(st, &status, 1);
        g_assert_cmpuint(status, ==, VIRTIO_BLK_S_OK);
        if (rd) {
            ram_read(buf, back, 512);
            g_assert_cmpuint(back[0], ==, 1 + r);      /* 1 + sector */
            g_assert_cmpuint(back[511], ==, 1 + r);
        }
        g_assert_false(pused(d, &p, &id, &len));
    }
    g_assert_true(g_file_get_contents(blk_path, &file, &flen, NULL));
    for (int r = 1; r < 12; r += 2) {
        g_assert_cmpuint((uint8_t)file[r * 512 + 7], ==, (uint8_t)(r * 31 + 7));
    }
    g_free(file);
    g_assert_false(p.avail_wrap == true && p.avail_slot == 0);   /* wrapped */

    /* an indirect table holding the whole request: one ring slot */
    stl_le_p(h, VIRTIO_BLK_T_IN);
    stq_le_p(h + 8, 20);
    ram_write(hdr, h, 16);
    memset(raw, 0, sizeof(raw));
    stq_le_p(raw, hdr);
    stl_le_p(raw + 8, 16);
    stq_le_p(raw + 16, buf);
    stl_le_p(raw + 24, 512);
    stw_le_p(raw + 30, VRING_DESC_F_WRITE);
    stq_le_p(raw + 32, st);
    stl_le_p(raw + 40, 1);
    stw_le_p(raw + 46, VRING_DESC_F_WRITE);
    ram_write(table, raw, 48);
    {
        TSeg s = { table, 48, false };

        padd(d, &p, &s, 1, 7, 48);
    }
    d->t->kick(d, 0);
    g_assert_true(pused(d, &p, &id, &len));
    g_assert_cmpuint(id, ==, 7);
    g_assert_cmpuint(len, ==, 513);
    ram_read(buf, back, 512);
    g_assert_cmpuint(back[100], ==, 21);

    /* written but not published (head flags still 0): not taken */
    pdesc(d, p.avail_slot, hdr, 16, 9, 0);
    d->t->kick(d, 0);
    g_assert_false(pused(d, &p, &id, &len));
    g_assert_false(d->vdev->broken);
}

/* Driver event suppression: DISABLE, ENABLE, and DESC at a slot. */
static void test_packed_event_suppression(void)
{
    TDev *d = mmio_dev_new("virtio-rng-device", false,
                           (1ULL << VIRTIO_F_RING_PACKED) |
                           (1ULL << VIRTIO_RING_F_EVENT_IDX), set_packed, 1);
    hwaddr buf = talloc(d, 64, 16), drv = d->q[0].avail;
    TSeg s = { buf, 8, true };
    TPacked p;
    uint16_t id;
    uint32_t len;

    packed_init(&p);
    g_assert_true(virtio_vdev_has_feature(d->vdev, VIRTIO_F_RING_PACKED));
    ram_w16(drv + 2, VRING_PACKED_EVENT_FLAG_DISABLE);
    padd(d, &p, &s, 1, 0, 0);
    d->t->kick(d, 0);
    g_assert_true(pused(d, &p, &id, &len));
    g_assert_cmpuint(len, ==, 8);
    g_assert_false(d->t->irq(d));
    ram_w16(drv + 2, VRING_PACKED_EVENT_FLAG_ENABLE);
    padd(d, &p, &s, 1, 1, 0);
    d->t->kick(d, 0);
    g_assert_true(pused(d, &p, &id, &len));
    g_assert_true(d->t->irq(d));
    d->t->ack(d);
    /* interrupt once the used descriptor at slot 4 of this lap (wrap 1)
     * is written: buffers 2 and 3 (slots 2, 3) pass quietly */
    ram_w16(drv, 4 | 1u << VRING_PACKED_EVENT_F_WRAP_CTR);
    ram_w16(drv + 2, VRING_PACKED_EVENT_FLAG_DESC);
    for (int i = 2; i < 4; i++) {
        padd(d, &p, &s, 1, i, 0);
        d->t->kick(d, 0);
        g_assert_true(pused(d, &p, &id, &len));
        g_assert_false(d->t->irq(d));
    }
    padd(d, &p, &s, 1, 4, 0);
    d->t->kick(d, 0);
    g_assert_true(pused(d, &p, &id, &len));
    g_assert_true(d->t->irq(d));
    d->t->ack(d);
    /* slot 1 of the next lap (wrap 0): slots 5, 6, 7 and 0 pass quietly,
     * across the wrap */
    ram_w16(drv, 1);
    for (int i = 5; i < 9; i++) {
        padd(d, &p, &s, 1, i, 0);
        d->t->kick(d, 0);
        g_assert_true(pused(d, &p, &id, &len));
        g_assert_false(d->t->irq(d));
    }
    padd(d, &p, &s, 1, 9, 0);
    d->t->kick(d, 0);
    g_assert_true(pused(d, &p, &id, &len));
    g_assert_true(d->t->irq(d));
}

typedef void (*BadPacked)(TDev *d, TPacked *p, hwaddr buf);

static void bad_packed_ring_loop(TDev *d, TPacked *p, hwaddr buf)
{
    /* every slot available and chained to the next: no end */
    for (uint16_t i = 1; i < d->q[0].num; i++) {
        pdesc(d, i, buf, 8, 0, VRING_PACKED_DESC_F_AVAIL |
              VRING_DESC_F_WRITE | VRING_DESC_F_NEXT);
    }
    pdesc(d, 0, buf, 8, 0, VRING_PACKED_DESC_F_AVAIL | VRING_DESC_F_WRITE |
          VRING_DESC_F_NEXT);
}

static void bad_packed_addr(TDev *d, TPacked *p, hwaddr buf)
{
    TSeg s = { RAM_BASE + RAM_SIZE - 4, 8, true };

    padd(d, p, &s, 1, 0, 0);
}

static void bad_packed_indirect_len(TDev *d, TPacked *p, hwaddr buf)
{
    TSeg s = { buf, 20, false };

    padd(d, p, &s, 1, 0, 20);
}

static void bad_packed_nested(TDev *d, TPacked *p, hwaddr buf)
{
    uint8_t raw[16] = { 0 };
    TSeg s = { buf, 16, false };

    stq_le_p(raw, buf);
    stl_le_p(raw + 8, 16);
    stw_le_p(raw + 14, VRING_DESC_F_INDIRECT);
    ram_write(buf, raw, 16);
    padd(d, p, &s, 1, 0, 16);
}

static void bad_packed_indirect_in_chain(TDev *d, TPacked *p, hwaddr buf)
{
    TSeg s[2] = { { buf, 8, false }, { buf, 16, false } };

    padd(d, p, s, 2, 0, 0);
    /* turn the second into an indirect descriptor */
    ram_w16(d->q[0].desc + 16 * 1 + 14, VRING_PACKED_DESC_F_AVAIL |
            VRING_DESC_F_INDIRECT);
}

static void packed_hostile(BadPacked bad, const char *expect)
{
    TDev *d = mmio_dev_new("virtio-rng-device", false,
                           (1ULL << VIRTIO_F_RING_PACKED) |
                           (1ULL << VIRTIO_RING_F_INDIRECT_DESC),
                           set_packed, 1);
    hwaddr buf = talloc(d, 64, 16);
    TSeg s = { buf, 8, true };
    TPacked p;
    uint16_t id;
    uint32_t len;

    packed_init(&p);
    bad(d, &p, buf);
    d->t->kick(d, 0);
    g_assert_true(d->vdev->broken);
    g_assert_true(d->t->status(d) & VIRTIO_CONFIG_S_NEEDS_RESET);
    g_assert_true(log_contains(expect));
    g_assert_false(pused(d, &p, &id, &len));
    /* reset and set up again: it works */
    wr32(d->base + VIRTIO_MMIO_STATUS, 0);
    g_assert_false(d->vdev->broken);
    wr32(d->base + VIRTIO_MMIO_STATUS, VIRTIO_CONFIG_S_ACKNOWLEDGE |
         VIRTIO_CONFIG_S_DRIVER);
    wr32(d->base + VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
    wr32(d->base + VIRTIO_MMIO_DRIVER_FEATURES,
         (1u << (VIRTIO_F_VERSION_1 - 32)) | (1u << (VIRTIO_F_RING_PACKED - 32)));
    wr32(d->base + VIRTIO_MMIO_STATUS, VIRTIO_CONFIG_S_ACKNOWLEDGE |
         VIRTIO_CONFIG_S_DRIVER | VIRTIO_CONFIG_S_FEATURES_OK);
    d->t->setup_queue(d, 0);
    wr32(d->base + VIRTIO_MMIO_STATUS, VIRTIO_CONFIG_S_ACKNOWLEDGE |
         VIRTIO_CONFIG_S_DRIVER | VIRTIO_CONFIG_S_FEATURES_OK |
         VIRTIO_CONFIG_S_DRIVER_OK);
    g_assert_true(virtio_vdev_has_feature(d->vdev, VIRTIO_F_RING_PACKED));
    packed_init(&p);
    for (uint16_t i = 0; i < d->q[0].num; i++) {
        pdesc(d, i, 0, 0, 0, 0);
    }
    padd(d, &p, &s, 1, 3, 0);
    d->t->kick(d, 0);
    g_assert_true(pused(d, &p, &id, &len));
    g_assert_cmpuint(id, ==, 3);
}

static void test_packed_bad_loop(void)
{
    packed_hostile(bad_packed_ring_loop, "longer than the ring");
}

static void test_packed_bad_addr(void)
{
    packed_hostile(bad_packed_addr, "is not in guest memory");
}

static void test_packed_bad_indirect_len(void)
{
    packed_hostile(bad_packed_indirect_len, "indirect table length 20");
}

static void test_packed_bad_nested(void)
{
    packed_hostile(bad_packed_nested, "nested indirect descriptor table");
}

static void test_packed_bad_indirect_in_chain(void)
{
    packed_hostile(bad_packed_indirect_in_chain,
                   "indirect descriptor inside a chain");
}


/* ------------------------------------------------------------------ */
/* virtio-pci */

static void test_pci_blk(void)
{
    uint64_t f = 1ULL << VIRTIO_BLK_F_FLUSH;
    TDev *d;
    hwaddr buf;
    uint8_t data[512], back[512];
    uint32_t used;

    blk_path = make_image(32 * 1024, 3);
    blk_ro = false;
    d = pci_dev_new("virtio-blk-pci", f, set_blk_props, 1);
    g_assert_cmpuint(d->t->cfg_read(d, 0, 4), ==, 64);
    buf = talloc(d, 512, 16);
    for (int i = 0; i < 512; i++) {
        data[i] = 255 - i;
    }
    ram_write(buf, data, 512);
    g_assert_cmpuint(blk_req(d, VIRTIO_BLK_T_OUT, 5, buf, 512, false, &used),
                     ==, VIRTIO_BLK_S_OK);
    /* MSI-X vector 1 (queue 0's) went to the doorbell */
    g_assert_cmpint(G.msi_n, ==, 1);
    g_assert_cmphex(G.msi_data[0], ==, 0x101);
    memset(back, 0, sizeof(back));
    ram_write(buf, back, 512);
    g_assert_cmpuint(blk_req(d, VIRTIO_BLK_T_IN, 5, buf, 512, true, &used),
                     ==, VIRTIO_BLK_S_OK);
    ram_read(buf, back, 512);
    g_assert_cmpmem(back, 512, data, 512);
    g_assert_cmpuint(blk_req(d, VIRTIO_BLK_T_FLUSH, 0, 0, 0, false, &used),
                     ==, VIRTIO_BLK_S_OK);

    /* the PCI_CFG window: capacity (64 sectors) through config space */
    g_assert_cmpuint(d->cap[VIRTIO_PCI_CAP_PCI_CFG], !=, 0);
    wr8(d->ecam + d->cap[VIRTIO_PCI_CAP_PCI_CFG] + 4, 4);
    wr32(d->ecam + d->cap[VIRTIO_PCI_CAP_PCI_CFG] + 8,
         VIRTIO_PCI_DEVICE_OFFSET);
    wr32(d->ecam + d->cap[VIRTIO_PCI_CAP_PCI_CFG] + 12, 4);
    g_assert_cmpuint(rd32(d->ecam + d->cap[VIRTIO_PCI_CAP_PCI_CFG] + 16), ==,
                     64);
    /* an unaligned window is refused, not performed */
    wr32(d->ecam + d->cap[VIRTIO_PCI_CAP_PCI_CFG] + 8,
         VIRTIO_PCI_DEVICE_OFFSET + 2);
    rd32(d->ecam + d->cap[VIRTIO_PCI_CAP_PCI_CFG] + 16);
    g_assert_true(log_contains("PCI_CFG window bar 4 offset 0x2002"));
}

/* -device virtio-blk-pci,drive=... reaches the backend's property. */
static void test_pci_props_aliased(void)
{
    GError *err = NULL;
    KeyValList *kv = keyval_parse("virtio-blk-pci,drive=/x.img,read-only=on,"
                                  "serial=abc", "driver", &err);
    DeviceState *dev;
    VirtIODevice *vdev;

    g_assert_no_error(err);
    g_assert_true(qdev_device_check(kv, &err));
    g_assert_no_error(err);
    keyval_free(kv);
    kv = keyval_parse("virtio-blk-pci,bogus=1", "driver", &err);
    g_assert_false(qdev_device_check(kv, &err));
    g_assert_nonnull(err);
    g_clear_error(&err);
    keyval_free(kv);

    dev = qdev_new("virtio-blk-pci");
    g_assert_true(object_property_set_str(OBJECT(dev), "drive", "/y.img",
                                          &err));
    vdev = virtio_pci_get_backend(PCI_DEVICE(dev));
    g_assert_cmpstr(VIRTIO_BLK(vdev)->drive, ==, "/y.img");
    object_unref(dev);
}

static void test_pci_intx_fallback(void)
{
    TDev *d = pci_dev_new("virtio-rng-pci", 0, NULL, 1);
    hwaddr buf = talloc(d, 16, 16);
    TSeg s = { buf, 16, true };
    int line;

    /* MSI-X off: INTA, level until the ISR is read */
    ecam_w16(d, d->cap[0] + PCI_MSIX_FLAGS, 0);
    tadd(d, 0, &s, 1);
    d->t->kick(d, 0);
    g_assert_true(tused(d, 0, NULL, NULL));
    g_assert_cmpint(G.msi_n, ==, 0);
    line = (PCI_SLOT(d->pdev->devfn) + 0) % 4;
    g_assert_cmpint(G.intx[line], ==, 1);
    g_assert_cmpuint(rd8(d->base + VIRTIO_PCI_ISR_OFFSET), ==,
                     VIRTIO_ISR_QUEUE);
    g_assert_cmpint(G.intx[line], ==, 0);
    g_assert_cmpuint(rd8(d->base + VIRTIO_PCI_ISR_OFFSET), ==, 0);
}

static void test_pci_bus_master_off(void)
{
    TDev *d = pci_dev_new("virtio-rng-pci", 0, NULL, 1);
    hwaddr buf = talloc(d, 16, 16);
    TSeg s = { buf, 16, true };

    /* without Bus Master Enable the rings are out of reach */
    ecam_w16(d, PCI_COMMAND, PCI_COMMAND_MEMORY);
    tadd(d, 0, &s, 1);
    d->t->kick(d, 0);
    g_assert_true(d->vdev->broken);
    g_assert_false(tused(d, 0, NULL, NULL));
    ecam_w16(d, PCI_COMMAND, PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
    g_assert_true(pci_status(d) & VIRTIO_CONFIG_S_NEEDS_RESET);
    /* the config-change vector (0) was raised when it broke... but the
     * MSI write itself needs bus mastering, so it stayed pending */
}

static void test_pci_console(void)
{
    TDev *d;
    DeviceState *port;
    GError *err = NULL;
    char *path = g_strdup_printf("%s/pcicon.out", G.tmpdir), *spec, *text;
    Chardev *chr;
    hwaddr buf;
    TSeg s;

    spec = g_strdup_printf("file:%s", path);
    chr = qemu_chr_new("pcicon", spec, &err);
    g_assert_no_error(err);
    d = pci_dev_new("virtio-serial-pci", 0, NULL, 2);
    g_assert_cmpuint(d->vdev->device_id, ==, VIRTIO_ID_CONSOLE);
    port = qdev_new(TYPE_VIRTCONSOLE);
    qdev_prop_set_chr(port, "chardev", chr);
    g_assert_true(qdev_realize_and_unref(
                      port, &VIRTIO_SERIAL(d->vdev)->bus, &err));
    g_assert_no_error(err);
    buf = talloc(d, 16, 16);
    ram_write(buf, "pci!", 4);
    s = (TSeg){ buf, 4, false };
    tadd(d, 1, &s, 1);
    d->t->kick(d, 1);
    g_assert_true(tused(d, 1, NULL, NULL));
    g_assert_cmphex(G.msi_data[0], ==, 0x102);
    text = file_text(path);
    g_assert_cmpstr(text, ==, "pci!");
    g_free(text);
    g_free(spec);
    g_free(path);
}

/* ------------------------------------------------------------------ */
/* virtio-net over libslirp */

static const KeyValList *test_netdev_find(const char *id)
{
    static KeyValList *kv;

    if (strcmp(id, "n0")) {
        return NULL;
    }
    if (!kv) {
        kv = keyval_new();
        keyval_set(kv, "type", "user");
        keyval_set(kv, "id", "n0");
    }
    return kv;
}

static void set_net_props(DeviceState *dev)
{
    qdev_prop_set_string(dev, "netdev", "n0");
    qdev_prop_set_string(dev, "mac", "52:54:00:aa:bb:cc");
}

static void test_net_arp_through_slirp(void)
{
    TDev *d;
    hwaddr tx = 0, rx = 0;
    uint8_t frame[12 + 42] = { 0 }, reply[12 + 64];
    static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0xaa, 0xbb, 0xcc };
    static const uint8_t gw_mac[6] = { 0x52, 0x55, 0x0a, 0x00, 0x02, 0x02 };
    uint8_t *eth = frame + 12, *arp = eth + 14;
    uint32_t len;
    TSeg s;

    virtio_net_set_netdev_find(test_netdev_find);
    d = mmio_dev_new("virtio-net-device", false, 1ULL << 5, set_net_props, 2);
    for (int i = 0; i < 6; i++) {
        g_assert_cmphex(d->t->cfg_read(d, i, 1), ==, mac[i]);
    }
    g_assert_cmphex(d->t->cfg_read(d, 6, 2), ==, 1);     /* link up */
    rx = talloc(d, sizeof(reply), 16);
    tx = talloc(d, sizeof(frame), 16);
    s = (TSeg){ rx, sizeof(reply), true };
    tadd(d, 0, &s, 1);
    d->t->kick(d, 0);

    /* who has 10.0.2.2? tell 10.0.2.15 */
    memset(eth, 0xff, 6);
    memcpy(eth + 6, mac, 6);
    eth[12] = 0x08, eth[13] = 0x06;
    arp[1] = 1;                 /* Ethernet */
    arp[2] = 0x08;              /* IPv4 */
    arp[4] = 6, arp[5] = 4;
    arp[7] = 1;                 /* request */
    memcpy(arp + 8, mac, 6);
    arp[14] = 10, arp[15] = 0, arp[16] = 2, arp[17] = 15;
    arp[24] = 10, arp[25] = 0, arp[26] = 2, arp[27] = 2;
    ram_write(tx, frame, sizeof(frame));
    s = (TSeg){ tx, sizeof(frame), false };
    tadd(d, 1, &s, 1);
    d->t->kick(d, 1);
    g_assert_true(tused(d, 1, NULL, NULL));

    /* slirp answers at once, from the gateway's MAC */
    g_assert_true(tused(d, 0, NULL, &len));
    g_assert_cmpuint(len, >=, 12 + 42);
    ram_read(rx, reply, sizeof(reply));
    g_assert_cmpuint(lduw_le_p(reply + 10), ==, 1);      /* num_buffers */
    g_assert_cmpmem(reply + 12, 6, mac, 6);
    g_assert_cmpmem(reply + 12 + 6, 6, gw_mac, 6);
    g_assert_cmpuint(reply[12 + 12], ==, 0x08);
    g_assert_cmpuint(reply[12 + 13], ==, 0x06);
    g_assert_cmpuint(reply[12 + 14 + 7], ==, 2);        /* reply */
    g_assert_cmpuint(reply[12 + 14 + 17], ==, 2);       /* 10.0.2.2 */
    virtio_net_set_netdev_find(NULL);
}

static void test_net_missing_netdev(void)
{
    DeviceState *dev = qdev_new("virtio-net-device");
    GError *err = NULL;
    int slot = NTRANSPORTS - 2;

    qdev_prop_set_string(dev, "netdev", "nope");
    g_assert_false(qdev_realize(dev, virtio_mmio_get_bus(G.mmio[slot]),
                                &err));
    g_assert_nonnull(strstr(err->message, "Property 'virtio-net-device.netdev' "
                            "can't find value 'nope'"));
    g_error_free(err);
    object_unref(dev);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    setup();
    g_test_add_func("/virtio/mmio/empty-transport", test_mmio_empty_transport);
    g_test_add_func("/virtio/mmio/fdt-node", test_mmio_fdt_node);
    g_test_add_func("/virtio/console/legacy-tx-rx", test_console_legacy);
    g_test_add_func("/virtio/console/modern-tx-rx", test_console_modern);
    g_test_add_func("/virtio/console/testdev-exit",
                    test_console_testdev_exit);
    g_test_add_func("/virtio/console/multiport-control",
                    test_console_multiport);
    g_test_add_func("/virtio/blk/legacy-rw-flush-discard", test_blk_legacy);
    g_test_add_func("/virtio/blk/modern-rw-flush-discard", test_blk_modern);
    g_test_add_func("/virtio/blk/read-only", test_blk_read_only);
    g_test_add_func("/virtio/blk/missing-file", test_blk_missing_file);
    g_test_add_func("/virtio/blk/scatter-direct", test_blk_scatter_direct);
    g_test_add_func("/virtio/rng", test_rng);
    g_test_add_func("/virtio/event-idx", test_event_idx);
    g_test_add_func("/virtio/packed/blk", test_packed_blk);
    g_test_add_func("/virtio/packed/event-suppression",
                    test_packed_event_suppression);
    g_test_add_func("/virtio/packed/bad-loop", test_packed_bad_loop);
    g_test_add_func("/virtio/packed/bad-addr", test_packed_bad_addr);
    g_test_add_func("/virtio/packed/bad-indirect-len",
                    test_packed_bad_indirect_len);
    g_test_add_func("/virtio/packed/bad-nested", test_packed_bad_nested);
    g_test_add_func("/virtio/packed/bad-indirect-in-chain",
                    test_packed_bad_indirect_in_chain);
    g_test_add_func("/virtio/bad/registers", test_bad_registers);
    g_test_add_func("/virtio/bad/features-not-offered",
                    test_features_not_offered);
    g_test_add_func("/virtio/bad/desc-addr", test_bad_desc_addr);
    g_test_add_func("/virtio/bad/past-ram-end", test_bad_past_ram_end);
    g_test_add_func("/virtio/bad/loop", test_bad_loop);
    g_test_add_func("/virtio/bad/next-out-of-range", test_bad_next);
    g_test_add_func("/virtio/bad/head-out-of-range", test_bad_head);
    g_test_add_func("/virtio/bad/nested-indirect", test_bad_nested_indirect);
    g_test_add_func("/virtio/bad/indirect-loop", test_bad_indirect_loop);
    g_test_add_func("/virtio/bad/avail-jump", test_bad_avail_jump);
    g_test_add_func("/virtio/bad/huge-len", test_bad_huge_len);
    g_test_add_func("/virtio/bad/ring-outside-ram", test_bad_ring_outside_ram);
    g_test_add_func("/virtio/bad/dma-into-own-registers",
                    test_bad_dma_into_own_registers);
    g_test_add_func("/virtio/pci/blk-msix", test_pci_blk);
    g_test_add_func("/virtio/pci/props-aliased", test_pci_props_aliased);
    g_test_add_func("/virtio/pci/intx-fallback", test_pci_intx_fallback);
    g_test_add_func("/virtio/pci/bus-master-off", test_pci_bus_master_off);
    g_test_add_func("/virtio/pci/console", test_pci_console);
    g_test_add_func("/virtio/net/arp-through-slirp",
                    test_net_arp_through_slirp);
    g_test_add_func("/virtio/net/missing-netdev", test_net_missing_netdev);
    ret = g_test_run();

    {
        GDir *dir = g_dir_open(G.tmpdir, 0, NULL);
        const char *name;

        while (dir && (name = g_dir_read_name(dir))) {
            char *path = g_build_filename(G.tmpdir, name, NULL);

            unlink(path);
            g_free(path);
        }
        if (dir) {
            g_dir_close(dir);
        }
        rmdir(G.tmpdir);
        unlink(G.logname);
    }
    return ret;
}
