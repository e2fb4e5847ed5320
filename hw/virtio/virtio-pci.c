/*
 * virtio-pci.c - the modern virtio PCI transport (virtio 1.0+: vendor
 * capabilities pointing into a memory BAR, MSI-X through the PCI core)
 * and the *-pci device types that wrap a virtio device in it.
 *
 * DMA of the backend goes through the function's bus-master address
 * space, so it needs Bus Master Enable and passes any IOMMU, like every
 * other PCI DMA. Interrupts: MSI-X when the driver enabled it (a vector
 * of VIRTIO_NO_VECTOR means "no interrupt"), INTA otherwise, level held
 * while the ISR register has bits set and dropped by reading it.
 *
 * The VIRTIO_PCI_CAP_PCI_CFG capability gives firmware a window into
 * BAR4 through config space: a config access to its data field performs
 * an access of `length` (1, 2 or 4) bytes at `offset` of the BAR.
 *
 * Not for: legacy/transitional virtio-pci (no I/O BAR; drivers must be
 * virtio 1.0).
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "hw/qdev-properties.h"
#include "hw/pci/msix.h"
#include "util/host-utils.h"
#include "hw/virtio/virtio-pci.h"

#define PCI_DEVICE_ID_VIRTIO_MODERN_BASE 0x1040
#define PCI_SUBDEVICE_ID_QEMU            0x1100

static VirtQueue *sel_vq(VirtIOPCIProxy *p)
{
    VirtQueue *vq = virtio_get_queue(p->vdev, p->queue_sel);

    return vq && vq->num_max ? vq : NULL;
}

/* ---------------------------------------------------------------- */
/* Interrupts */

static void vpci_notify(void *opaque, uint16_t vector)
{
    VirtIOPCIProxy *p = opaque;
    PCIDevice *pdev = PCI_DEVICE(p);

    if (msix_enabled(pdev)) {
        if (vector != VIRTIO_NO_VECTOR && vector < p->nvectors) {
            msix_notify(pdev, vector);
        }
        return;
    }
    pci_set_irq(pdev, p->vdev && p->vdev->isr != 0);
}

static uint16_t vpci_use_vector(VirtIOPCIProxy *p, uint16_t old, uint16_t v)
{
    PCIDevice *pdev = PCI_DEVICE(p);

    if (old != VIRTIO_NO_VECTOR && old < p->nvectors) {
        msix_vector_unuse(pdev, old);
    }
    if (v == VIRTIO_NO_VECTOR) {
        return v;
    }
    if (v >= p->nvectors || msix_vector_use(pdev, v) < 0) {
        /* The driver reads back NO_VECTOR and knows it failed. */
        log_mask(LOG_GUEST_ERROR, "virtio-pci: MSI-X vector %u refused "
                 "(%u vectors)\n", v, p->nvectors);
        return VIRTIO_NO_VECTOR;
    }
    return v;
}

/* ---------------------------------------------------------------- */
/* Common configuration */

static uint64_t common_read(void *opaque, hwaddr addr, unsigned size)
{
    VirtIOPCIProxy *p = opaque;
    VirtIODevice *vdev = p->vdev;
    VirtQueue *vq = sel_vq(p);

    switch (addr) {
    case VIRTIO_PCI_COMMON_DFSELECT:
        return p->dfselect;
    case VIRTIO_PCI_COMMON_DF:
        return p->dfselect < 2 ?
            (uint32_t)(virtio_host_features(vdev) >> (32 * p->dfselect)) : 0;
    case VIRTIO_PCI_COMMON_GFSELECT:
        return p->gfselect;
    case VIRTIO_PCI_COMMON_GF:
        return p->gfselect < 2 ?
            (uint32_t)(p->guest_features_staging >> (32 * p->gfselect)) : 0;
    case VIRTIO_PCI_COMMON_MSIX:
        return vdev->config_vector;
    case VIRTIO_PCI_COMMON_NUMQ:
        return virtio_get_num_queues(vdev);
    case VIRTIO_PCI_COMMON_STATUS:
        return vdev->status;
    case VIRTIO_PCI_COMMON_CFGGENERATION:
        return vdev->generation;
    case VIRTIO_PCI_COMMON_Q_SELECT:
        return p->queue_sel;
    case VIRTIO_PCI_COMMON_Q_SIZE:
        return vq ? vq->num : 0;
    case VIRTIO_PCI_COMMON_Q_MSIX:
        return vq ? vq->vector : VIRTIO_NO_VECTOR;
    case VIRTIO_PCI_COMMON_Q_ENABLE:
        return vq ? vq->ready : 0;
    case VIRTIO_PCI_COMMON_Q_NOFF:
        return p->queue_sel;
    case VIRTIO_PCI_COMMON_Q_DESCLO:
        return vq ? (uint32_t)vq->desc : 0;
    case VIRTIO_PCI_COMMON_Q_DESCHI:
        return vq ? vq->desc >> 32 : 0;
    case VIRTIO_PCI_COMMON_Q_AVAILLO:
        return vq ? (uint32_t)vq->avail : 0;
    case VIRTIO_PCI_COMMON_Q_AVAILHI:
        return vq ? vq->avail >> 32 : 0;
    case VIRTIO_PCI_COMMON_Q_USEDLO:
        return vq ? (uint32_t)vq->used : 0;
    case VIRTIO_PCI_COMMON_Q_USEDHI:
        return vq ? vq->used >> 32 : 0;
    }
    log_mask(LOG_GUEST_ERROR, "virtio-pci: %u-byte read of common config "
             "0x%" HWADDR_PRIx "\n", size, addr);
    return 0;
}

static void set_half(dma_addr_t *a, bool high, uint32_t val)
{
    if (high) {
        *a = (*a & 0xffffffffULL) | (uint64_t)val << 32;
    } else {
        *a = (*a & ~0xffffffffULL) | val;
    }
}

static void common_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
    VirtIOPCIProxy *p = opaque;
    VirtIODevice *vdev = p->vdev;
    VirtQueue *vq = sel_vq(p);

    switch (addr) {
    case VIRTIO_PCI_COMMON_DFSELECT:
        p->dfselect = val;
        return;
    case VIRTIO_PCI_COMMON_GFSELECT:
        p->gfselect = val;
        return;
    case VIRTIO_PCI_COMMON_GF:
        if (p->gfselect < 2) {
            int sh = 32 * p->gfselect;

            p->guest_features_staging &= ~(0xffffffffULL << sh);
            p->guest_features_staging |= (uint64_t)(uint32_t)val << sh;
        }
        return;
    case VIRTIO_PCI_COMMON_MSIX:
        vdev->config_vector = vpci_use_vector(p, vdev->config_vector, val);
        return;
    case VIRTIO_PCI_COMMON_STATUS:
        if ((val & VIRTIO_CONFIG_S_FEATURES_OK) &&
            !(vdev->status & VIRTIO_CONFIG_S_FEATURES_OK) &&
            !virtio_set_features(vdev, p->guest_features_staging)) {
            val &= ~VIRTIO_CONFIG_S_FEATURES_OK;
        }
        if (val == 0) {
            msix_unuse_all_vectors(PCI_DEVICE(p));
            p->guest_features_staging = 0;
        }
        virtio_set_status(vdev, val);
        return;
    case VIRTIO_PCI_COMMON_Q_SELECT:
        p->queue_sel = val;
        return;
    }
    if (!vq) {
        log_mask(LOG_GUEST_ERROR, "virtio-pci: write to common config 0x%"
                 HWADDR_PRIx " for queue %u that does not exist\n", addr,
                 p->queue_sel);
        return;
    }
    switch (addr) {
    case VIRTIO_PCI_COMMON_Q_MSIX:
        vq->vector = vpci_use_vector(p, vq->vector, val);
        return;
    case VIRTIO_PCI_COMMON_Q_ENABLE:
        if (val == 1) {
            vq->ready = true;
        } else {
            /* Spec: the driver writes only 1 (queue_reset disables). */
            log_mask(LOG_GUEST_ERROR, "virtio-pci: queue_enable = %u\n",
                     (unsigned)val);
        }
        return;
    }
    if (vq->ready) {
        log_mask(LOG_GUEST_ERROR, "virtio-pci: queue %u configuration "
                 "changed while enabled (0x%" HWADDR_PRIx ")\n",
                 p->queue_sel, addr);
        return;
    }
    switch (addr) {
    case VIRTIO_PCI_COMMON_Q_SIZE:
        virtio_queue_set_num(vdev, p->queue_sel, val);
        return;
    case VIRTIO_PCI_COMMON_Q_DESCLO:
    case VIRTIO_PCI_COMMON_Q_DESCHI:
        set_half(&vq->desc, addr == VIRTIO_PCI_COMMON_Q_DESCHI, val);
        return;
    case VIRTIO_PCI_COMMON_Q_AVAILLO:
    case VIRTIO_PCI_COMMON_Q_AVAILHI:
        set_half(&vq->avail, addr == VIRTIO_PCI_COMMON_Q_AVAILHI, val);
        return;
    case VIRTIO_PCI_COMMON_Q_USEDLO:
    case VIRTIO_PCI_COMMON_Q_USEDHI:
        set_half(&vq->used, addr == VIRTIO_PCI_COMMON_Q_USEDHI, val);
        return;
    }
    log_mask(LOG_GUEST_ERROR, "virtio-pci: %u-byte write to read-only or "
             "unknown common config 0x%" HWADDR_PRIx "\n", size, addr);
}

static const MemoryRegionOps common_ops = {
    .read = common_read,
    .write = common_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

/* ---------------------------------------------------------------- */
/* ISR, device config, notify */

static uint64_t isr_read(void *opaque, hwaddr addr, unsigned size)
{
    VirtIOPCIProxy *p = opaque;
    uint8_t v = addr == 0 ? virtio_isr_read_and_clear(p->vdev) : 0;

    /* Reading acknowledges: the INTx line drops. */
    pci_irq_deassert(PCI_DEVICE(p));
    return v;
}

static void isr_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    log_mask(LOG_GUEST_ERROR, "virtio-pci: write to the ISR register\n");
}

static const MemoryRegionOps isr_ops = {
    .read = isr_read,
    .write = isr_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

static uint64_t device_read(void *opaque, hwaddr addr, unsigned size)
{
    VirtIOPCIProxy *p = opaque;

    return virtio_config_read(p->vdev, addr, size);
}

static void device_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
    VirtIOPCIProxy *p = opaque;

    virtio_config_write(p->vdev, addr, val, size);
}

static const MemoryRegionOps device_ops = {
    .read = device_read,
    .write = device_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

static uint64_t notify_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void notify_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
    VirtIOPCIProxy *p = opaque;
    unsigned int n = addr / VIRTIO_PCI_NOTIFY_MULTIPLIER;

    if (addr % VIRTIO_PCI_NOTIFY_MULTIPLIER) {
        log_mask(LOG_GUEST_ERROR, "virtio-pci: notify at 0x%" HWADDR_PRIx
                 " not on a queue's address\n", addr);
        return;
    }
    virtio_queue_notify(p->vdev, n);
}

static const MemoryRegionOps notify_ops = {
    .read = notify_read,
    .write = notify_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

/* ---------------------------------------------------------------- */
/* Capabilities, realize */

static int add_vndr_cap(PCIDevice *pdev, uint8_t type, uint32_t offset,
                        uint32_t length, uint32_t multiplier, GError **errp)
{
    uint8_t len = multiplier || type == VIRTIO_PCI_CAP_PCI_CFG ? 20 : 16;
    int pos = pci_add_capability(pdev, PCI_CAP_ID_VNDR, 0, len, errp);
    uint8_t *c;

    if (pos < 0) {
        return 0;
    }
    c = pdev->config + pos;
    c[2] = len;
    c[3] = type;
    c[4] = VIRTIO_PCI_BAR_MODERN;
    c[5] = 0;
    pci_set_long(c + 8, offset);
    pci_set_long(c + 12, length);
    if (multiplier) {
        pci_set_long(c + 16, multiplier);
    }
    return pos;
}

/* ---------------------------------------------------------------- */
/* The PCI_CFG access window */

#define CFG_CAP_DATA 16

static bool cfg_window_hit(VirtIOPCIProxy *p, uint32_t addr, int len)
{
    uint32_t data = p->cfg_cap + CFG_CAP_DATA;

    return p->cfg_cap && addr < data + 4 && addr + len > data;
}

/* Check the window the driver set up; false (logged) if it is unusable. */
static bool cfg_window(VirtIOPCIProxy *p, uint32_t *off, uint32_t *len)
{
    uint8_t *c = PCI_DEVICE(p)->config + p->cfg_cap;

    *off = pci_get_long(c + 8);
    *len = pci_get_long(c + 12);
    if (c[4] != VIRTIO_PCI_BAR_MODERN ||
        (*len != 1 && *len != 2 && *len != 4) || *off % *len ||
        *off >= memory_region_size(&p->modern_bar) ||
        *len > memory_region_size(&p->modern_bar) - *off) {
        log_mask(LOG_GUEST_ERROR, "virtio-pci: PCI_CFG window bar %u "
                 "offset 0x%x length %u unusable\n", c[4], *off, *len);
        return false;
    }
    return true;
}

static void vpci_config_read(PCIDevice *pdev, uint32_t addr, uint32_t *val,
                             int len)
{
    VirtIOPCIProxy *p = VIRTIO_PCI(pdev);
    uint32_t off, wlen;
    uint64_t v = 0;

    if (cfg_window_hit(p, addr, len) && cfg_window(p, &off, &wlen)) {
        memory_region_dispatch_read(&p->modern_bar, off, &v,
                                    ctz32(wlen) | MO_LE,
                                    MEMTXATTRS_UNSPECIFIED);
        pci_set_long(pdev->config + p->cfg_cap + CFG_CAP_DATA, v);
    }
    *val = pci_default_read_config(pdev, addr, len);
}

static void vpci_config_write(PCIDevice *pdev, uint32_t addr, uint32_t val,
                              int len)
{
    VirtIOPCIProxy *p = VIRTIO_PCI(pdev);
    uint32_t off, wlen;

    pci_default_write_config(pdev, addr, val, len);
    if (cfg_window_hit(p, addr, len) && cfg_window(p, &off, &wlen)) {
        uint32_t v = pci_get_long(pdev->config + p->cfg_cap + CFG_CAP_DATA);

        memory_region_dispatch_write(&p->modern_bar, off, v,
                                     ctz32(wlen) | MO_LE,
                                     MEMTXATTRS_UNSPECIFIED);
    }
}

static void vpci_plugged(void *proxy, VirtIODevice *vdev, GError **errp)
{
    VirtIOPCIProxy *p = VIRTIO_PCI(proxy);
    PCIDevice *pdev = PCI_DEVICE(p);

    (void)errp;
    p->vdev = vdev;
    vdev->legacy = false;
    vdev->dma_as = pci_get_address_space(pdev);
    vdev->dma_attrs = pci_dma_attrs(pdev);
    vdev->transport.notify = vpci_notify;
    vdev->transport.opaque = p;
}

static uint16_t class_for(uint16_t device_id)
{
    switch (device_id) {
    case VIRTIO_ID_NET:
        return PCI_CLASS_NETWORK_ETHERNET;
    case VIRTIO_ID_BLOCK:
        return PCI_CLASS_STORAGE_SCSI;
    case VIRTIO_ID_CONSOLE:
        return PCI_CLASS_COMMUNICATION_OTHER;
    default:
        return PCI_CLASS_OTHERS;
    }
}

/*
 * Properties libvirt and users put on virtio-*-pci: bootindex (firmware
 * boot order; plumb's firmware paths do not read it), ats and
 * iommu_platform (no IOMMU here: no effect). plumb's transport is
 * modern-only, so disable-legacy may be on or auto and disable-modern
 * off; the opposite is refused rather than silently ignored.
 */
static bool vpci_check_props(VirtIOPCIProxy *p, GError **errp)
{
    const char *dl = p->disable_legacy;

    if (dl && strcmp(dl, "on") && strcmp(dl, "auto") && strcmp(dl, "true") &&
        strcmp(dl, "yes")) {
        if (strcmp(dl, "off") && strcmp(dl, "false") && strcmp(dl, "no")) {
            error_setg(errp, "Property '%s.disable-legacy' doesn't take value "
                       "'%s'", object_get_typename(OBJECT(p)), dl);
        } else {
            error_setg(errp, "disable-legacy=off: plumb's virtio-pci devices "
                       "are modern-only (virtio 1.0, device IDs 1af4:1040+)");
        }
        return false;
    }
    if (p->disable_modern) {
        error_setg(errp, "disable-modern=on: plumb's virtio-pci devices are "
                   "modern-only (no legacy interface)");
        return false;
    }
    return true;
}

static void vpci_realize(PCIDevice *pdev, GError **errp)
{
    VirtIOPCIProxy *p = VIRTIO_PCI(pdev);
    VirtIODevice *vdev = p->vdev;
    unsigned int nq;

    if (!vpci_check_props(p, errp)) {
        return;
    }

    virtio_bus_init(&p->bus, DEVICE(p), NULL, vpci_plugged, NULL);
    if (!qdev_realize(DEVICE(vdev), BUS(&p->bus), errp)) {
        return;
    }
    nq = virtio_get_num_queues(vdev);
    if (!p->nvectors) {
        p->nvectors = nq + 1;
    }
    if (p->nvectors > 2048) {
        error_setg(errp, "%s: vectors must be at most 2048",
                   object_get_typename(OBJECT(p)));
        return;
    }

    pci_config_set_device_id(pdev->config, PCI_DEVICE_ID_VIRTIO_MODERN_BASE +
                             vdev->device_id);
    pci_config_set_class(pdev->config, class_for(vdev->device_id));
    pdev->config[PCI_REVISION_ID] = 1;
    pci_set_word(pdev->config + PCI_SUBSYSTEM_VENDOR_ID,
                 PCI_SUBVENDOR_ID_REDHAT_QUMRANET);
    pci_set_word(pdev->config + PCI_SUBSYSTEM_ID, PCI_SUBDEVICE_ID_QEMU);
    pci_config_set_interrupt_pin(pdev->config, 1);

    memory_region_init(&p->modern_bar, OBJECT(p), "virtio-pci", 0x4000);
    memory_region_init_io(&p->common, OBJECT(p), &common_ops, p,
                          "virtio-pci-common", VIRTIO_PCI_REGION_SIZE);
    memory_region_init_io(&p->isr, OBJECT(p), &isr_ops, p, "virtio-pci-isr",
                          VIRTIO_PCI_REGION_SIZE);
    memory_region_init_io(&p->device, OBJECT(p), &device_ops, p,
                          "virtio-pci-device", VIRTIO_PCI_REGION_SIZE);
    memory_region_init_io(&p->notify, OBJECT(p), &notify_ops, p,
                          "virtio-pci-notify", VIRTIO_PCI_REGION_SIZE);
    memory_region_add_subregion(&p->modern_bar, VIRTIO_PCI_COMMON_OFFSET,
                                &p->common);
    memory_region_add_subregion(&p->modern_bar, VIRTIO_PCI_ISR_OFFSET,
                                &p->isr);
    memory_region_add_subregion(&p->modern_bar, VIRTIO_PCI_DEVICE_OFFSET,
                                &p->device);
    memory_region_add_subregion(&p->modern_bar, VIRTIO_PCI_NOTIFY_OFFSET,
                                &p->notify);
    pci_register_bar(pdev, VIRTIO_PCI_BAR_MODERN,
                     PCI_BASE_ADDRESS_SPACE_MEMORY |
                     PCI_BASE_ADDRESS_MEM_TYPE_64 |
                     PCI_BASE_ADDRESS_MEM_PREFETCH, &p->modern_bar);

    if (msix_init_exclusive_bar(pdev, p->nvectors, VIRTIO_PCI_BAR_MSIX,
                                errp) < 0) {
        return;
    }
    if (!add_vndr_cap(pdev, VIRTIO_PCI_CAP_COMMON_CFG,
                      VIRTIO_PCI_COMMON_OFFSET, VIRTIO_PCI_REGION_SIZE, 0,
                      errp) ||
        !add_vndr_cap(pdev, VIRTIO_PCI_CAP_ISR_CFG, VIRTIO_PCI_ISR_OFFSET,
                      VIRTIO_PCI_REGION_SIZE, 0, errp) ||
        !add_vndr_cap(pdev, VIRTIO_PCI_CAP_DEVICE_CFG,
                      VIRTIO_PCI_DEVICE_OFFSET, VIRTIO_PCI_REGION_SIZE, 0,
                      errp) ||
        !add_vndr_cap(pdev, VIRTIO_PCI_CAP_NOTIFY_CFG,
                      VIRTIO_PCI_NOTIFY_OFFSET, VIRTIO_PCI_REGION_SIZE,
                      VIRTIO_PCI_NOTIFY_MULTIPLIER, errp)) {
        return;
    }
    p->cfg_cap = add_vndr_cap(pdev, VIRTIO_PCI_CAP_PCI_CFG, 0, 0, 0, errp);
    if (!p->cfg_cap) {
        return;
    }
    /* bar, offset, length and data are the driver's to write */
    memset(pdev->wmask + p->cfg_cap + 4, 0xff, 1);
    memset(pdev->wmask + p->cfg_cap + 8, 0xff, 12);
}

static void vpci_exit(PCIDevice *pdev)
{
    VirtIOPCIProxy *p = VIRTIO_PCI(pdev);

    if (msix_present(pdev)) {
        msix_uninit_exclusive_bar(pdev);
    }
    (void)p;
}

static void vpci_reset(DeviceState *dev)
{
    VirtIOPCIProxy *p = VIRTIO_PCI(dev);

    p->dfselect = p->gfselect = 0;
    p->guest_features_staging = 0;
    p->queue_sel = 0;
    if (p->vdev) {
        virtio_reset(p->vdev);
    }
}

/* Alias the backend's own properties on the proxy. */
static void alias_prop(Property *prop, void *opaque)
{
    Object *proxy = opaque;
    VirtIOPCIProxy *p = VIRTIO_PCI(proxy);

    if (!object_property_find(proxy, prop->name)) {
        object_property_add_alias(proxy, prop->name, OBJECT(p->vdev),
                                  prop->name);
    }
}

static void vpci_instance_init(Object *obj)
{
    VirtIOPCIClass *k = VIRTIO_PCI_GET_CLASS(obj);
    VirtIOPCIProxy *p = VIRTIO_PCI(obj);
    Object *backend;

    if (!k->backend_type) {
        return;
    }
    backend = object_new(k->backend_type);
    object_property_add_child(obj, "virtio-backend", backend);
    object_unref(backend);
    p->vdev = VIRTIO_DEVICE(backend);
    qdev_class_foreach_prop(DEVICE_GET_CLASS(backend), alias_prop, obj);
}

VirtIODevice *virtio_pci_get_backend(PCIDevice *pdev)
{
    return VIRTIO_PCI(pdev)->vdev;
}

static Property vpci_props[] = {
    DEFINE_PROP_UINT32("vectors", VirtIOPCIProxy, nvectors, 0),
    DEFINE_PROP_INT32("bootindex", VirtIOPCIProxy, bootindex, -1),
    DEFINE_PROP_STRING("disable-legacy", VirtIOPCIProxy, disable_legacy),
    DEFINE_PROP_BOOL("disable-modern", VirtIOPCIProxy, disable_modern, false),
    DEFINE_PROP_BOOL("ats", VirtIOPCIProxy, ats, false),
    DEFINE_PROP_BOOL("iommu_platform", VirtIOPCIProxy, iommu_platform, false),
    DEFINE_PROP_END_OF_LIST(),
};

/*
 * The transport's own registers; the PCI core part brings config space,
 * the BAR mappings and MSI-X (with the vectors the queues use). The
 * backend (queue addresses, vectors, status) is its own device section.
 */
static const VMStateDescription vmstate_virtio_pci = {
    .name = "virtio-pci",
    .version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_PCI_DEVICE(parent_obj, VirtIOPCIProxy),
        VMSTATE_UINT32(dfselect, VirtIOPCIProxy),
        VMSTATE_UINT32(gfselect, VirtIOPCIProxy),
        VMSTATE_UINT64(guest_features_staging, VirtIOPCIProxy),
        VMSTATE_UINT16(queue_sel, VirtIOPCIProxy),
        VMSTATE_END_OF_LIST()
    },
};

static void vpci_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = vpci_realize;
    k->exit = vpci_exit;
    k->config_read = vpci_config_read;
    k->config_write = vpci_config_write;
    k->vendor_id = PCI_VENDOR_ID_REDHAT_QUMRANET;
    k->device_id = PCI_DEVICE_ID_VIRTIO_MODERN_BASE;
    k->revision = 1;
    k->class_id = PCI_CLASS_OTHERS;
    dc->reset = vpci_reset;
    dc->vmsd = &vmstate_virtio_pci;
    device_class_set_props(dc, vpci_props);
}

typedef struct VirtIOPCIType {
    const char *name;
    const char *backend;
    const char *desc;
    DeviceCategory category;
} VirtIOPCIType;

static const VirtIOPCIType vpci_types[] = {
    { "virtio-blk-pci", "virtio-blk-device",
      "virtio block device over PCI (drive=raw image file)",
      DEVICE_CATEGORY_STORAGE },
    { "virtio-serial-pci", "virtio-serial-device",
      "virtio serial/console device over PCI", DEVICE_CATEGORY_INPUT },
    { "virtio-net-pci", "virtio-net-device",
      "virtio network device over PCI (netdev=ID)", DEVICE_CATEGORY_NETWORK },
    { "virtio-rng-pci", "virtio-rng-device",
      "virtio entropy source over PCI", DEVICE_CATEGORY_MISC },
};

static void vpci_concrete_class_init(ObjectClass *klass, void *data)
{
    const VirtIOPCIType *t = data;
    DeviceClass *dc = DEVICE_CLASS(klass);

    VIRTIO_PCI_CLASS(klass)->backend_type = t->backend;
    dc->desc = t->desc;
    dc->user_creatable = true;
    device_class_set_category(dc, t->category);
}

static const TypeInfo vpci_info = {
    .name = TYPE_VIRTIO_PCI,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(VirtIOPCIProxy),
    .instance_init = vpci_instance_init,
    .abstract = true,
    .class_size = sizeof(VirtIOPCIClass),
    .class_init = vpci_class_init,
};

static void vpci_register_types(void)
{
    type_register_static(&vpci_info);
    for (size_t i = 0; i < ARRAY_SIZE(vpci_types); i++) {
        TypeInfo ti = {
            .name = vpci_types[i].name,
            .parent = TYPE_VIRTIO_PCI,
            .class_init = vpci_concrete_class_init,
            .class_data = (void *)&vpci_types[i],
        };
        type_register(&ti);
    }
}

type_init(vpci_register_types)
