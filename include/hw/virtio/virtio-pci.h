/*
 * virtio-pci.h - the modern (virtio 1.0+) PCI transport, and the
 * *-pci devices built on it (virtio-blk-pci, virtio-serial-pci,
 * virtio-rng-pci).
 *
 * A virtio-pci function is a proxy holding the real virtio device as its
 * child "virtio-backend" on its own virtio bus; the backend's properties
 * are aliased on the proxy, so `-device virtio-blk-pci,drive=disk.img`
 * works like QEMU's. Layout (QEMU's):
 *   BAR1  MSI-X table (0x0) and PBA (0x800), nqueues + 1 vectors
 *   BAR4  64-bit prefetchable, 16 KiB: common cfg 0x0000, ISR 0x1000,
 *         device cfg 0x2000, notify 0x3000 (queue n at 4 * n)
 * IDs 1af4:(1040 + device id), revision 1, subsystem 1af4:1100.
 * Non-transitional: there is no legacy I/O BAR. A PCI_CFG capability
 * (type 5) gives config-space access to BAR4.
 */
#ifndef HW_VIRTIO_VIRTIO_PCI_H
#define HW_VIRTIO_VIRTIO_PCI_H

#include "hw/pci/pci.h"
#include "hw/virtio/virtio.h"

#define TYPE_VIRTIO_PCI "virtio-pci"

/* virtio_pci_cap cfg_type */
#define VIRTIO_PCI_CAP_COMMON_CFG   1
#define VIRTIO_PCI_CAP_NOTIFY_CFG   2
#define VIRTIO_PCI_CAP_ISR_CFG      3
#define VIRTIO_PCI_CAP_DEVICE_CFG   4
#define VIRTIO_PCI_CAP_PCI_CFG      5

/* Common configuration (virtio 1.2, 4.1.4.3) */
#define VIRTIO_PCI_COMMON_DFSELECT      0x00
#define VIRTIO_PCI_COMMON_DF            0x04
#define VIRTIO_PCI_COMMON_GFSELECT      0x08
#define VIRTIO_PCI_COMMON_GF            0x0c
#define VIRTIO_PCI_COMMON_MSIX          0x10
#define VIRTIO_PCI_COMMON_NUMQ          0x12
#define VIRTIO_PCI_COMMON_STATUS        0x14
#define VIRTIO_PCI_COMMON_CFGGENERATION 0x15
#define VIRTIO_PCI_COMMON_Q_SELECT      0x16
#define VIRTIO_PCI_COMMON_Q_SIZE        0x18
#define VIRTIO_PCI_COMMON_Q_MSIX        0x1a
#define VIRTIO_PCI_COMMON_Q_ENABLE      0x1c
#define VIRTIO_PCI_COMMON_Q_NOFF        0x1e
#define VIRTIO_PCI_COMMON_Q_DESCLO      0x20
#define VIRTIO_PCI_COMMON_Q_DESCHI      0x24
#define VIRTIO_PCI_COMMON_Q_AVAILLO     0x28
#define VIRTIO_PCI_COMMON_Q_AVAILHI     0x2c
#define VIRTIO_PCI_COMMON_Q_USEDLO      0x30
#define VIRTIO_PCI_COMMON_Q_USEDHI      0x34
#define VIRTIO_PCI_COMMON_SIZE          0x38

#define VIRTIO_PCI_BAR_MODERN           4
#define VIRTIO_PCI_BAR_MSIX             1
#define VIRTIO_PCI_COMMON_OFFSET        0x0000
#define VIRTIO_PCI_ISR_OFFSET           0x1000
#define VIRTIO_PCI_DEVICE_OFFSET        0x2000
#define VIRTIO_PCI_NOTIFY_OFFSET        0x3000
#define VIRTIO_PCI_REGION_SIZE          0x1000
#define VIRTIO_PCI_NOTIFY_MULTIPLIER    4

typedef struct VirtIOPCIProxy {
    PCIDevice parent_obj;
    VirtioBusState bus;
    VirtIODevice *vdev;         /* the "virtio-backend" child */
    MemoryRegion modern_bar;
    MemoryRegion common, isr, device, notify;
    uint32_t nvectors;          /* property "vectors"; 0: nqueues + 1 */
    /* QEMU's properties that command lines carry; see vpci_check_props */
    int32_t bootindex;
    char *disable_legacy;
    bool disable_modern;
    bool ats, iommu_platform;
    uint32_t dfselect, gfselect;
    uint64_t guest_features_staging;
    uint16_t queue_sel;
    uint8_t cfg_cap;            /* offset of the PCI_CFG capability */
} VirtIOPCIProxy;

typedef struct VirtIOPCIClass {
    PCIDeviceClass parent_class;
    const char *backend_type;   /* e.g. "virtio-blk-device" */
} VirtIOPCIClass;

#define VIRTIO_PCI(obj) OBJECT_CHECK(VirtIOPCIProxy, (obj), TYPE_VIRTIO_PCI)
#define VIRTIO_PCI_CLASS(klass) \
    OBJECT_CLASS_CHECK(VirtIOPCIClass, (klass), TYPE_VIRTIO_PCI)
#define VIRTIO_PCI_GET_CLASS(obj) \
    OBJECT_GET_CLASS(VirtIOPCIClass, (obj), TYPE_VIRTIO_PCI)

/* The backend virtio device of a *-pci function. */
VirtIODevice *virtio_pci_get_backend(PCIDevice *pdev);

#endif
