/*
 * virtio-mmio.h - the virtio-mmio transport (a sysbus device: one 0x200
 * register window, one interrupt line, one virtio bus).
 *
 * `force-legacy` (default on, as QEMU's virt) selects the register set:
 * on = version 1 (legacy: GuestPageSize, QueuePFN, QueueAlign; what
 * kvm-unit-tests' chr-testdev driver speaks), off = version 2 (virtio
 * 1.0+: QueueReady, 64-bit ring addresses, FEATURES_OK).
 *
 * A board creates 32 transports at QEMU virt's addresses with
 *
 *     for (n = 0; n < VIRT_VIRTIO_MMIO_COUNT; n++)
 *         virtio_mmio_create(VIRT_VIRTIO_MMIO_BASE + n * 0x200,
 *                            qdev_get_gpio_in(gic, 16 + n), NULL);
 *
 * and describes them with virtio_mmio_fdt_add(); `-device
 * virtio-serial-device` (any *-device virtio type) then plugs into the
 * first transport whose bus is free.
 */
#ifndef HW_VIRTIO_VIRTIO_MMIO_H
#define HW_VIRTIO_VIRTIO_MMIO_H

#include "hw/sysbus.h"
#include "hw/virtio/virtio.h"

#define TYPE_VIRTIO_MMIO "virtio-mmio"
#define VIRTIO_MMIO_SIZE 0x200

/* QEMU virt's layout: 32 transports from 0x0a000000, SPIs 16..47. */
#define VIRT_VIRTIO_MMIO_BASE   0x0a000000ULL
#define VIRT_VIRTIO_MMIO_COUNT  32
#define VIRT_VIRTIO_MMIO_SPI    16

/* Registers (virtio 1.2, 4.2.2; legacy ones 4.2.4). */
#define VIRTIO_MMIO_MAGIC_VALUE         0x000
#define VIRTIO_MMIO_VERSION             0x004
#define VIRTIO_MMIO_DEVICE_ID           0x008
#define VIRTIO_MMIO_VENDOR_ID           0x00c
#define VIRTIO_MMIO_DEVICE_FEATURES     0x010
#define VIRTIO_MMIO_DEVICE_FEATURES_SEL 0x014
#define VIRTIO_MMIO_DRIVER_FEATURES     0x020
#define VIRTIO_MMIO_DRIVER_FEATURES_SEL 0x024
#define VIRTIO_MMIO_GUEST_PAGE_SIZE     0x028   /* legacy */
#define VIRTIO_MMIO_QUEUE_SEL           0x030
#define VIRTIO_MMIO_QUEUE_NUM_MAX       0x034
#define VIRTIO_MMIO_QUEUE_NUM           0x038
#define VIRTIO_MMIO_QUEUE_ALIGN         0x03c   /* legacy */
#define VIRTIO_MMIO_QUEUE_PFN           0x040   /* legacy */
#define VIRTIO_MMIO_QUEUE_READY         0x044
#define VIRTIO_MMIO_QUEUE_NOTIFY        0x050
#define VIRTIO_MMIO_INTERRUPT_STATUS    0x060
#define VIRTIO_MMIO_INTERRUPT_ACK       0x064
#define VIRTIO_MMIO_STATUS              0x070
#define VIRTIO_MMIO_QUEUE_DESC_LOW      0x080
#define VIRTIO_MMIO_QUEUE_DESC_HIGH     0x084
#define VIRTIO_MMIO_QUEUE_AVAIL_LOW     0x090
#define VIRTIO_MMIO_QUEUE_AVAIL_HIGH    0x094
#define VIRTIO_MMIO_QUEUE_USED_LOW      0x0a0
#define VIRTIO_MMIO_QUEUE_USED_HIGH     0x0a4
#define VIRTIO_MMIO_SHM_SEL             0x0ac
#define VIRTIO_MMIO_SHM_LEN_LOW         0x0b0
#define VIRTIO_MMIO_SHM_LEN_HIGH        0x0b4
#define VIRTIO_MMIO_SHM_BASE_LOW        0x0b8
#define VIRTIO_MMIO_SHM_BASE_HIGH       0x0bc
#define VIRTIO_MMIO_CONFIG_GENERATION   0x0fc
#define VIRTIO_MMIO_CONFIG              0x100

#define VIRTIO_MMIO_MAGIC   0x74726976      /* "virt" */
#define VIRTIO_MMIO_VENDOR  0x554d4551      /* "QEMU" */

typedef struct VirtIOMMIOProxy {
    SysBusDevice parent_obj;
    MemoryRegion iomem;
    qemu_irq irq;
    VirtioBusState bus;
    VirtIODevice *vdev;         /* plugged device, or NULL */
    bool legacy;                /* property force-legacy */
    uint32_t host_features_sel;
    uint32_t guest_features_sel;
    uint32_t guest_page_shift;
    uint32_t queue_sel;
    uint64_t guest_features_staging;    /* version 2: until FEATURES_OK */
    struct {
        uint32_t desc[2], avail[2], used[2];
    } vq[VIRTIO_QUEUE_MAX];
} VirtIOMMIOProxy;

#define VIRTIO_MMIO(obj) OBJECT_CHECK(VirtIOMMIOProxy, (obj), TYPE_VIRTIO_MMIO)

/*
 * Create, realize and map a transport at @base with its interrupt on @irq.
 * @legacy: -1 keeps the property default (legacy), 0/1 force it.
 * Board code: aborts on failure.
 */
DeviceState *virtio_mmio_create(hwaddr base, qemu_irq irq, int legacy);

/* The virtio bus of a transport (to plug a board-made device into). */
BusState *virtio_mmio_get_bus(DeviceState *proxy);

/*
 * Add QEMU virt's device-tree node for a transport under the root:
 * virtio_mmio@BASE { compatible = "virtio,mmio"; reg = <BASE 0x200>;
 * interrupts = <0 SPI 1> (SPI, edge rising); dma-coherent; }. The GIC
 * node must be the interrupt parent of the root (as on virt). Returns
 * false with *errp set on a libfdt error.
 */
bool virtio_mmio_fdt_add(void *fdt, hwaddr base, unsigned int spi,
                         GError **errp);

#endif
