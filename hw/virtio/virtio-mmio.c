/*
 * virtio-mmio.c - the virtio-mmio transport, legacy (version 1) and
 * modern (version 2) register sets, chosen by the `force-legacy` property.
 *
 * Registers are 32-bit and must be accessed as such; the device config
 * area at 0x100 takes 1, 2 and 4-byte accesses. Legacy drivers (such as
 * kvm-unit-tests' chr-testdev driver) may never write Status nor
 * negotiate features: a queue with a ring address is served anyway.
 *
 * Not for: ring processing (virtio.c), the virt board's wiring (the board
 * calls virtio_mmio_create / virtio_mmio_fdt_add).
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "util/host-utils.h"
#include "migration/vmstate.h"
#include "hw/irq.h"
#include "hw/qdev-properties.h"
#include "hw/virtio/virtio-mmio.h"
#include <libfdt.h>

static void vmmio_update_irq(VirtIOMMIOProxy *p)
{
    qemu_set_irq(p->irq, p->vdev && p->vdev->isr != 0);
}

static void vmmio_notify(void *opaque, uint16_t vector)
{
    (void)vector;
    vmmio_update_irq(opaque);
}

static uint64_t vmmio_read(void *opaque, hwaddr addr, unsigned size)
{
    VirtIOMMIOProxy *p = opaque;
    VirtIODevice *vdev = p->vdev;
    VirtQueue *vq;

    if (addr >= VIRTIO_MMIO_CONFIG) {
        if (!vdev) {
            return 0;
        }
        return virtio_config_read(vdev, addr - VIRTIO_MMIO_CONFIG, size);
    }
    if (size != 4) {
        log_mask(LOG_GUEST_ERROR, "virtio-mmio: %u-byte read of register "
                 "0x%" HWADDR_PRIx " (32-bit only)\n", size, addr);
        return 0;
    }
    switch (addr) {
    case VIRTIO_MMIO_MAGIC_VALUE:
        return VIRTIO_MMIO_MAGIC;
    case VIRTIO_MMIO_VERSION:
        return p->legacy ? 1 : 2;
    case VIRTIO_MMIO_DEVICE_ID:
        return vdev ? vdev->device_id : 0;
    case VIRTIO_MMIO_VENDOR_ID:
        return VIRTIO_MMIO_VENDOR;
    }
    if (!vdev) {
        /* No device: the driver stops at DeviceID 0; say nothing more. */
        return 0;
    }
    vq = virtio_get_queue(vdev, p->queue_sel);
    switch (addr) {
    case VIRTIO_MMIO_DEVICE_FEATURES:
        if (p->host_features_sel > 1) {
            return 0;
        }
        return virtio_host_features(vdev) >> (32 * p->host_features_sel);
    case VIRTIO_MMIO_QUEUE_NUM_MAX:
        return vq ? vq->num_max : 0;
    case VIRTIO_MMIO_QUEUE_PFN:
        if (!p->legacy) {
            break;
        }
        return vq ? vq->legacy_pfn : 0;
    case VIRTIO_MMIO_QUEUE_READY:
        if (p->legacy) {
            break;
        }
        return vq ? vq->ready : 0;
    case VIRTIO_MMIO_INTERRUPT_STATUS:
        return vdev->isr;
    case VIRTIO_MMIO_STATUS:
        return vdev->status;
    case VIRTIO_MMIO_CONFIG_GENERATION:
        if (p->legacy) {
            break;
        }
        return vdev->generation;
    case VIRTIO_MMIO_SHM_LEN_LOW:
    case VIRTIO_MMIO_SHM_LEN_HIGH:
        if (p->legacy) {
            break;
        }
        /* No shared memory regions: length all-ones means "absent". */
        return 0xffffffff;
    case VIRTIO_MMIO_SHM_BASE_LOW:
    case VIRTIO_MMIO_SHM_BASE_HIGH:
        if (p->legacy) {
            break;
        }
        return 0xffffffff;
    case VIRTIO_MMIO_DEVICE_FEATURES_SEL:
    case VIRTIO_MMIO_DRIVER_FEATURES:
    case VIRTIO_MMIO_DRIVER_FEATURES_SEL:
    case VIRTIO_MMIO_GUEST_PAGE_SIZE:
    case VIRTIO_MMIO_QUEUE_SEL:
    case VIRTIO_MMIO_QUEUE_NUM:
    case VIRTIO_MMIO_QUEUE_ALIGN:
    case VIRTIO_MMIO_QUEUE_NOTIFY:
    case VIRTIO_MMIO_INTERRUPT_ACK:
    case VIRTIO_MMIO_QUEUE_DESC_LOW:
    case VIRTIO_MMIO_QUEUE_DESC_HIGH:
    case VIRTIO_MMIO_QUEUE_AVAIL_LOW:
    case VIRTIO_MMIO_QUEUE_AVAIL_HIGH:
    case VIRTIO_MMIO_QUEUE_USED_LOW:
    case VIRTIO_MMIO_QUEUE_USED_HIGH:
    case VIRTIO_MMIO_SHM_SEL:
        log_mask(LOG_GUEST_ERROR, "virtio-mmio: read of write-only register "
                 "0x%" HWADDR_PRIx "\n", addr);
        return 0;
    }
    log_mask(LOG_GUEST_ERROR, "virtio-mmio: read of unknown register 0x%"
             HWADDR_PRIx " (%s)\n", addr, p->legacy ? "legacy" : "version 2");
    return 0;
}

static void vmmio_set_ring_part(VirtIOMMIOProxy *p, uint32_t *pair, int half,
                                uint32_t val)
{
    VirtQueue *vq = virtio_get_queue(p->vdev, p->queue_sel);

    if (!vq || !vq->num_max) {
        log_mask(LOG_GUEST_ERROR, "virtio-mmio: ring address for queue %u "
                 "that does not exist\n", p->queue_sel);
        return;
    }
    if (vq->ready) {
        log_mask(LOG_GUEST_ERROR, "virtio-mmio: ring address written while "
                 "queue %u is ready\n", p->queue_sel);
        return;
    }
    pair[half] = val;
}

static void vmmio_write(void *opaque, hwaddr addr, uint64_t val,
                        unsigned size)
{
    VirtIOMMIOProxy *p = opaque;
    VirtIODevice *vdev = p->vdev;
    VirtQueue *vq;
    unsigned int sel;

    if (!vdev) {
        log_mask(LOG_GUEST_ERROR, "virtio-mmio: write to 0x%" HWADDR_PRIx
                 " of a transport with no device\n", addr);
        return;
    }
    if (addr >= VIRTIO_MMIO_CONFIG) {
        virtio_config_write(vdev, addr - VIRTIO_MMIO_CONFIG, val, size);
        return;
    }
    if (size != 4) {
        log_mask(LOG_GUEST_ERROR, "virtio-mmio: %u-byte write of register "
                 "0x%" HWADDR_PRIx " (32-bit only)\n", size, addr);
        return;
    }
    sel = p->queue_sel;
    vq = virtio_get_queue(vdev, sel);
    switch (addr) {
    case VIRTIO_MMIO_DEVICE_FEATURES_SEL:
        p->host_features_sel = val;
        return;
    case VIRTIO_MMIO_DRIVER_FEATURES:
        if (p->legacy) {
            /* Legacy drivers write bank 0 and never say FEATURES_OK. */
            if (p->guest_features_sel == 0) {
                virtio_set_features(vdev, (uint32_t)val);
            }
        } else if (p->guest_features_sel < 2) {
            int sh = 32 * p->guest_features_sel;

            p->guest_features_staging &= ~(0xffffffffULL << sh);
            p->guest_features_staging |= (uint64_t)(uint32_t)val << sh;
        }
        return;
    case VIRTIO_MMIO_DRIVER_FEATURES_SEL:
        p->guest_features_sel = val;
        return;
    case VIRTIO_MMIO_GUEST_PAGE_SIZE:
        if (!p->legacy) {
            break;
        }
        if (!val || (val & (val - 1))) {
            log_mask(LOG_GUEST_ERROR, "virtio-mmio: guest page size 0x%x "
                     "not a power of two\n", (uint32_t)val);
            return;
        }
        p->guest_page_shift = ctz32(val);
        return;
    case VIRTIO_MMIO_QUEUE_SEL:
        if (val >= VIRTIO_QUEUE_MAX) {
            log_mask(LOG_GUEST_ERROR, "virtio-mmio: queue %u out of range\n",
                     (uint32_t)val);
        }
        p->queue_sel = val;
        return;
    case VIRTIO_MMIO_QUEUE_NUM:
        if (!vq) {
            break;
        }
        virtio_queue_set_num(vdev, sel, val);
        if (p->legacy) {
            virtio_queue_set_legacy_addr(
                vdev, sel, (dma_addr_t)vq->legacy_pfn << p->guest_page_shift,
                vq->legacy_align);
        }
        return;
    case VIRTIO_MMIO_QUEUE_ALIGN:
        if (!p->legacy || !vq) {
            break;
        }
        if (val & (val - 1)) {
            log_mask(LOG_GUEST_ERROR, "virtio-mmio: queue align 0x%x not a "
                     "power of two\n", (uint32_t)val);
            return;
        }
        vq->legacy_align = val;
        virtio_queue_set_legacy_addr(
            vdev, sel, (dma_addr_t)vq->legacy_pfn << p->guest_page_shift,
            vq->legacy_align);
        return;
    case VIRTIO_MMIO_QUEUE_PFN:
        if (!p->legacy || !vq || !vq->num_max) {
            break;
        }
        /* 0 takes the queue away (what Linux's legacy driver does). */
        vq->legacy_pfn = val;
        if (!vq->legacy_align) {
            vq->legacy_align = 4096;
        }
        virtio_queue_set_legacy_addr(
            vdev, sel, (dma_addr_t)val << p->guest_page_shift,
            vq->legacy_align);
        if (!val) {
            vq->last_avail_idx = vq->used_idx = 0;
            vq->signalled_used_valid = false;
        }
        return;
    case VIRTIO_MMIO_QUEUE_READY:
        if (p->legacy || !vq || !vq->num_max) {
            break;
        }
        if (val & 1) {
            virtio_queue_set_rings(
                vdev, sel,
                p->vq[sel].desc[0] | (uint64_t)p->vq[sel].desc[1] << 32,
                p->vq[sel].avail[0] | (uint64_t)p->vq[sel].avail[1] << 32,
                p->vq[sel].used[0] | (uint64_t)p->vq[sel].used[1] << 32);
            vq->ready = true;
        } else {
            vq->ready = false;
        }
        return;
    case VIRTIO_MMIO_QUEUE_NOTIFY:
        virtio_queue_notify(vdev, val);
        return;
    case VIRTIO_MMIO_INTERRUPT_ACK:
        vdev->isr &= ~val;
        vmmio_update_irq(p);
        return;
    case VIRTIO_MMIO_STATUS:
        if (!p->legacy && (val & VIRTIO_CONFIG_S_FEATURES_OK) &&
            !(vdev->status & VIRTIO_CONFIG_S_FEATURES_OK)) {
            if (!virtio_set_features(vdev, p->guest_features_staging)) {
                val &= ~VIRTIO_CONFIG_S_FEATURES_OK;
            }
        }
        virtio_set_status(vdev, val);
        if (val == 0) {
            memset(p->vq, 0, sizeof(p->vq));
            p->guest_features_staging = 0;
            vmmio_update_irq(p);
        }
        return;
    case VIRTIO_MMIO_QUEUE_DESC_LOW:
    case VIRTIO_MMIO_QUEUE_DESC_HIGH:
    case VIRTIO_MMIO_QUEUE_AVAIL_LOW:
    case VIRTIO_MMIO_QUEUE_AVAIL_HIGH:
    case VIRTIO_MMIO_QUEUE_USED_LOW:
    case VIRTIO_MMIO_QUEUE_USED_HIGH:
        if (p->legacy || !vq) {
            break;
        }
        {
            int half = (addr >> 2) & 1;
            uint32_t *pair = addr < VIRTIO_MMIO_QUEUE_AVAIL_LOW ?
                p->vq[sel].desc : addr < VIRTIO_MMIO_QUEUE_USED_LOW ?
                p->vq[sel].avail : p->vq[sel].used;

            vmmio_set_ring_part(p, pair, half, val);
        }
        return;
    case VIRTIO_MMIO_SHM_SEL:
        if (p->legacy) {
            break;
        }
        return;
    case VIRTIO_MMIO_MAGIC_VALUE:
    case VIRTIO_MMIO_VERSION:
    case VIRTIO_MMIO_DEVICE_ID:
    case VIRTIO_MMIO_VENDOR_ID:
    case VIRTIO_MMIO_DEVICE_FEATURES:
    case VIRTIO_MMIO_QUEUE_NUM_MAX:
    case VIRTIO_MMIO_INTERRUPT_STATUS:
    case VIRTIO_MMIO_CONFIG_GENERATION:
        log_mask(LOG_GUEST_ERROR, "virtio-mmio: write to read-only register "
                 "0x%" HWADDR_PRIx "\n", addr);
        return;
    }
    log_mask(LOG_GUEST_ERROR, "virtio-mmio: write 0x%" PRIx64 " to bad "
             "register 0x%" HWADDR_PRIx " (%s, queue %u)\n", val, addr,
             p->legacy ? "legacy" : "version 2", sel);
}

static const MemoryRegionOps vmmio_ops = {
    .read = vmmio_read,
    .write = vmmio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

static void vmmio_plugged(void *proxy, VirtIODevice *vdev, GError **errp)
{
    VirtIOMMIOProxy *p = VIRTIO_MMIO(proxy);

    (void)errp;
    p->vdev = vdev;
    vdev->legacy = p->legacy;
    vdev->transport.notify = vmmio_notify;
    vdev->transport.opaque = p;
}

static void vmmio_unplugged(void *proxy, VirtIODevice *vdev)
{
    VirtIOMMIOProxy *p = VIRTIO_MMIO(proxy);

    (void)vdev;
    p->vdev = NULL;
    qemu_set_irq(p->irq, 0);
}

static void vmmio_reset(DeviceState *dev)
{
    VirtIOMMIOProxy *p = VIRTIO_MMIO(dev);

    p->host_features_sel = 0;
    p->guest_features_sel = 0;
    p->guest_features_staging = 0;
    p->guest_page_shift = 0;
    p->queue_sel = 0;
    memset(p->vq, 0, sizeof(p->vq));
}

static void vmmio_instance_init(Object *obj)
{
    VirtIOMMIOProxy *p = VIRTIO_MMIO(obj);
    SysBusDevice *sbd = SYS_BUS_DEVICE(obj);

    memory_region_init_io(&p->iomem, obj, &vmmio_ops, p, "virtio-mmio",
                          VIRTIO_MMIO_SIZE);
    sysbus_init_mmio(sbd, &p->iomem);
    sysbus_init_irq(sbd, &p->irq);
}

static void vmmio_realize(DeviceState *dev, GError **errp)
{
    VirtIOMMIOProxy *p = VIRTIO_MMIO(dev);

    (void)errp;
    virtio_bus_init(&p->bus, dev, NULL, vmmio_plugged, vmmio_unplugged);
}

static Property vmmio_props[] = {
    DEFINE_PROP_BOOL("force-legacy", VirtIOMMIOProxy, legacy, true),
    DEFINE_PROP_END_OF_LIST(),
};

/* The interrupt line follows the device's ISR; drive it after a load. */
static int vmmio_post_load(void *opaque, int version_id)
{
    VirtIOMMIOProxy *p = opaque;

    if (p->queue_sel >= VIRTIO_QUEUE_MAX) {
        return -1;
    }
    qemu_set_irq(p->irq, p->vdev && p->vdev->isr != 0);
    return 0;
}

static const VMStateDescription vmstate_vmmio = {
    .name = "virtio-mmio",
    .version_id = 1,
    .post_load = vmmio_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(host_features_sel, VirtIOMMIOProxy),
        VMSTATE_UINT32(guest_features_sel, VirtIOMMIOProxy),
        VMSTATE_UINT32(guest_page_shift, VirtIOMMIOProxy),
        VMSTATE_UINT32(queue_sel, VirtIOMMIOProxy),
        VMSTATE_UINT64(guest_features_staging, VirtIOMMIOProxy),
        VMSTATE_BUFFER(vq, VirtIOMMIOProxy),
        VMSTATE_END_OF_LIST()
    },
};

static void vmmio_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->vmsd = &vmstate_vmmio;
    dc->realize = vmmio_realize;
    dc->reset = vmmio_reset;
    dc->desc = "virtio-mmio transport";
    dc->user_creatable = false;
    dc->bus_type = TYPE_SYSTEM_BUS;
    device_class_set_props(dc, vmmio_props);
}

static const TypeInfo vmmio_info = {
    .name = TYPE_VIRTIO_MMIO,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(VirtIOMMIOProxy),
    .instance_init = vmmio_instance_init,
    .class_init = vmmio_class_init,
};

static void vmmio_register_types(void)
{
    type_register_static(&vmmio_info);
}

type_init(vmmio_register_types)

/* ---------------------------------------------------------------- */
/* Board helpers */

DeviceState *virtio_mmio_create(hwaddr base, qemu_irq irq, int legacy)
{
    DeviceState *dev = qdev_new(TYPE_VIRTIO_MMIO);
    GError *err = NULL;

    if (legacy >= 0) {
        qdev_prop_set_bool(dev, "force-legacy", legacy);
    }
    if (!sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &err)) {
        error_report_err(err);
        abort();
    }
    sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0, base);
    sysbus_connect_irq(SYS_BUS_DEVICE(dev), 0, irq);
    return dev;
}

BusState *virtio_mmio_get_bus(DeviceState *proxy)
{
    return BUS(&VIRTIO_MMIO(proxy)->bus);
}

bool virtio_mmio_fdt_add(void *fdt, hwaddr base, unsigned int spi,
                         GError **errp)
{
    char name[48];
    fdt32_t reg[4] = {
        cpu_to_fdt32(base >> 32), cpu_to_fdt32((uint32_t)base),
        0, cpu_to_fdt32(VIRTIO_MMIO_SIZE),
    };
    fdt32_t irq[3] = { 0, cpu_to_fdt32(spi), cpu_to_fdt32(1) };
    int node, err;

    snprintf(name, sizeof(name), "virtio_mmio@%" PRIx64, (uint64_t)base);
    node = fdt_add_subnode(fdt, 0, name);
    if (node < 0) {
        error_setg(errp, "virtio-mmio: device tree node %s: %s", name,
                   fdt_strerror(node));
        return false;
    }
    err = fdt_setprop_string(fdt, node, "compatible", "virtio,mmio");
    if (!err) {
        err = fdt_setprop(fdt, node, "reg", reg, sizeof(reg));
    }
    if (!err) {
        err = fdt_setprop(fdt, node, "interrupts", irq, sizeof(irq));
    }
    if (!err) {
        err = fdt_setprop(fdt, node, "dma-coherent", NULL, 0);
    }
    if (err) {
        error_setg(errp, "virtio-mmio: device tree node %s: %s", name,
                   fdt_strerror(err));
        return false;
    }
    return true;
}
