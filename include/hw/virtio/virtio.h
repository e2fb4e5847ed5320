/*
 * virtio.h - the transport-independent virtio core: devices, virtqueues
 * (split rings, with indirect descriptors and event index), feature
 * negotiation, status and config space.
 *
 * A virtio device (virtio-blk, virtio-serial, ...) is a subtype of
 * TYPE_VIRTIO_DEVICE that plugs into a virtio bus (TYPE_VIRTIO_BUS). A
 * transport (virtio-mmio, virtio-pci) owns that bus, translates the
 * driver's register accesses into calls here, and raises the interrupt the
 * core asks for. The device side:
 *
 *     virtio_init(vdev, VIRTIO_ID_RNG, 0);
 *     s->vq = virtio_add_queue(vdev, 8, rng_handle_request);
 *     ...
 *     VirtQueueElement *e = virtqueue_pop(vq);        // NULL: empty or broken
 *     virtqueue_elem_write(vdev, e, 0, buf, n);       // device-writable part
 *     virtqueue_push(vq, e, n); g_free(e);
 *     virtio_notify(vdev, vq);
 *
 * Guest memory is only ever reached through the DMA API
 * (dma_memory_read/write on vdev->dma_as) or mapped with
 * virtqueue_elem_map (address_space_map of plain RAM, clamped to the
 * buffer): an element holds guest addresses and lengths, never host
 * pointers. A driver that breaks the
 * rules (descriptor out of range, loop, nested indirect table, buffer
 * past the end of RAM) gets a guest error logged and the device marked
 * broken (status DEVICE_NEEDS_RESET, config interrupt); the device then
 * ignores its queues until the driver resets it.
 *
 * Packed virtqueues (VIRTIO_F_RING_PACKED) are offered to modern drivers
 * when the device's "packed" property is on (off by default, as in QEMU);
 * the same calls serve both layouts.
 *
 * Not for: the register layout of a transport (virtio-mmio.h,
 * virtio-pci.h).
 */
#ifndef HW_VIRTIO_VIRTIO_H
#define HW_VIRTIO_VIRTIO_H

#include "util/osdep.h"
#include <sys/uio.h>
#include "exec/memory.h"
#include "hw/qdev.h"
#include "migration/vmstate.h"

#define TYPE_VIRTIO_DEVICE "virtio-device"
#define TYPE_VIRTIO_BUS    "virtio-bus"

/* Device IDs (virtio 1.2, section 5). */
#define VIRTIO_ID_NET      1
#define VIRTIO_ID_BLOCK    2
#define VIRTIO_ID_CONSOLE  3
#define VIRTIO_ID_RNG      4

/* Device status bits. */
#define VIRTIO_CONFIG_S_ACKNOWLEDGE     1
#define VIRTIO_CONFIG_S_DRIVER          2
#define VIRTIO_CONFIG_S_DRIVER_OK       4
#define VIRTIO_CONFIG_S_FEATURES_OK     8
#define VIRTIO_CONFIG_S_NEEDS_RESET     0x40
#define VIRTIO_CONFIG_S_FAILED          0x80

/* Transport-independent feature bits. */
#define VIRTIO_F_NOTIFY_ON_EMPTY        24
#define VIRTIO_F_ANY_LAYOUT             27
#define VIRTIO_RING_F_INDIRECT_DESC     28
#define VIRTIO_RING_F_EVENT_IDX         29
#define VIRTIO_F_VERSION_1              32
#define VIRTIO_F_ACCESS_PLATFORM        33
#define VIRTIO_F_RING_PACKED            34

/* Packed ring (virtio 1.1, 2.7): descriptor flags and event suppression. */
#define VRING_PACKED_DESC_F_AVAIL   (1 << 7)
#define VRING_PACKED_DESC_F_USED    (1 << 15)
#define VRING_PACKED_EVENT_F_WRAP_CTR 15
#define VRING_PACKED_EVENT_FLAG_ENABLE  0
#define VRING_PACKED_EVENT_FLAG_DISABLE 1
#define VRING_PACKED_EVENT_FLAG_DESC    2

/* Split ring layout. */
#define VRING_DESC_F_NEXT       1
#define VRING_DESC_F_WRITE      2
#define VRING_DESC_F_INDIRECT   4
#define VRING_AVAIL_F_NO_INTERRUPT 1
#define VRING_USED_F_NO_NOTIFY  1
#define VRING_DESC_SIZE         16
#define VRING_USED_ELEM_SIZE    8

#define VIRTQUEUE_MAX_SIZE      1024
#define VIRTIO_QUEUE_MAX        64
#define VIRTIO_NO_VECTOR        0xffff

/* ISR bits (what virtio-mmio's InterruptStatus and virtio-pci's ISR show). */
#define VIRTIO_ISR_QUEUE        1
#define VIRTIO_ISR_CONFIG       2

typedef struct VirtQueue VirtQueue;
typedef struct VirtIODevice VirtIODevice;
typedef void (*VirtIOHandleOutput)(VirtIODevice *vdev, VirtQueue *vq);

/* One guest buffer: a guest (bus) address and a length. */
typedef struct VirtQueueSeg {
    dma_addr_t addr;
    uint32_t len;
} VirtQueueSeg;

/*
 * A popped descriptor chain: @out_sg are the driver-written (device
 * reads) buffers, @in_sg the device-writable ones, in chain order. Free
 * with g_free() after virtqueue_push() or virtqueue_detach_element().
 */
typedef struct VirtQueueElement {
    unsigned int index;         /* split: head index; packed: buffer id */
    unsigned int ndescs;        /* packed: ring slots the chain took */
    unsigned int out_num;
    unsigned int in_num;
    VirtQueueSeg *out_sg;       /* point into the same allocation */
    VirtQueueSeg *in_sg;
} VirtQueueElement;

struct VirtQueue {
    VirtIODevice *vdev;
    unsigned int queue_index;
    uint16_t num_max;           /* 0: the queue does not exist */
    uint16_t num;               /* driver's size */
    bool ready;                 /* modern: QueueReady / queue_enable */
    dma_addr_t desc, avail, used;
    uint16_t last_avail_idx;    /* split: avail counter; packed: ring slot */
    uint16_t used_idx;          /* split: used counter; packed: ring slot */
    bool last_avail_wrap;       /* packed: the wrap counters (start at 1) */
    bool used_wrap;
    uint16_t signalled_used;
    bool signalled_used_valid;
    unsigned int inuse;
    uint16_t vector;            /* MSI-X vector (virtio-pci) */
    /* legacy (virtio-mmio v1) layout inputs */
    uint32_t legacy_align;
    uint32_t legacy_pfn;
    VirtIOHandleOutput handle_output;
    /* Migration: last_avail_idx less the elements a device still holds. */
    uint16_t mig_last_avail_idx;
    bool mig_last_avail_wrap;
};

/*
 * How the core reaches its transport. Set by the transport when the
 * device plugs into its bus.
 */
typedef struct VirtioTransport {
    /* Raise the interrupt for @vector (a vq's or the config vector);
     * ISR bits are already set in vdev->isr. */
    void (*notify)(void *opaque, uint16_t vector);
    void *opaque;
} VirtioTransport;

struct VirtIODevice {
    DeviceState parent_obj;
    const char *name;
    uint16_t device_id;
    uint8_t status;
    uint8_t isr;
    uint8_t generation;         /* config generation */
    bool broken;                /* NEEDS_RESET until the driver resets */
    bool legacy;                /* the transport speaks virtio 0.9.5 */
    bool packed;                /* property: offer VIRTIO_F_RING_PACKED */
    uint64_t host_features;
    uint64_t guest_features;
    size_t config_len;
    uint8_t *config;
    uint16_t config_vector;
    VirtQueue vq[VIRTIO_QUEUE_MAX];
    AddressSpace *dma_as;       /* where the rings and buffers live */
    MemTxAttrs dma_attrs;
    VirtioTransport transport;
};

typedef struct VirtioDeviceClass {
    DeviceClass parent_class;
    /* Device realize: call virtio_init and virtio_add_queue here. */
    void (*realize)(VirtIODevice *vdev, GError **errp);
    void (*unrealize)(VirtIODevice *vdev);
    /* Features the device offers (transport bits are added by the core). */
    uint64_t (*get_features)(VirtIODevice *vdev, uint64_t features);
    /* The driver accepted @features. */
    void (*set_features)(VirtIODevice *vdev, uint64_t features);
    /* Refresh vdev->config before a read / act on it after a write. */
    void (*get_config)(VirtIODevice *vdev, uint8_t *config);
    void (*set_config)(VirtIODevice *vdev, const uint8_t *config);
    /* Device reset (queues and status are reset by the core). */
    void (*reset)(VirtIODevice *vdev);
    /* Status changed (e.g. DRIVER_OK: input may flow now). */
    void (*set_status)(VirtIODevice *vdev, uint8_t status);
} VirtioDeviceClass;

/* The bus a transport provides: one device. */
typedef struct VirtioBusState {
    BusState parent_obj;
    /* Called when a device realized on the bus; the transport sets
     * vdev->transport, dma_as and legacy here. */
    void (*plugged)(void *proxy, VirtIODevice *vdev, GError **errp);
    void (*unplugged)(void *proxy, VirtIODevice *vdev);
    void *proxy;
} VirtioBusState;

#define VIRTIO_DEVICE(obj) \
    OBJECT_CHECK(VirtIODevice, (obj), TYPE_VIRTIO_DEVICE)
#define VIRTIO_DEVICE_CLASS(klass) \
    OBJECT_CLASS_CHECK(VirtioDeviceClass, (klass), TYPE_VIRTIO_DEVICE)
#define VIRTIO_DEVICE_GET_CLASS(obj) \
    OBJECT_GET_CLASS(VirtioDeviceClass, (obj), TYPE_VIRTIO_DEVICE)
#define VIRTIO_BUS(obj) OBJECT_CHECK(VirtioBusState, (obj), TYPE_VIRTIO_BUS)

static inline bool virtio_has_feature(uint64_t features, unsigned int fbit)
{
    return (features >> fbit) & 1;
}
static inline bool virtio_vdev_has_feature(const VirtIODevice *vdev,
                                           unsigned int fbit)
{
    return virtio_has_feature(vdev->guest_features, fbit);
}

/* ---- device side ---- */

/* Set the device identity and allocate @config_size bytes of config. */
void virtio_init(VirtIODevice *vdev, uint16_t device_id, size_t config_size);
void virtio_cleanup(VirtIODevice *vdev);
/* Add the next queue (index = call order) of at most @queue_size entries. */
VirtQueue *virtio_add_queue(VirtIODevice *vdev, int queue_size,
                            VirtIOHandleOutput handle_output);
VirtQueue *virtio_get_queue(VirtIODevice *vdev, unsigned int n);
unsigned int virtio_get_num_queues(VirtIODevice *vdev);

/*
 * Take the next available chain, or NULL (queue empty, not set up, or the
 * device is broken: a bad chain breaks the device and returns NULL).
 */
VirtQueueElement *virtqueue_pop(VirtQueue *vq);
/* Return @elem to the driver with @len bytes written into its in_sg. */
void virtqueue_push(VirtQueue *vq, const VirtQueueElement *elem,
                    unsigned int len);
/* Give @elem back to the avail ring, as if never popped. */
void virtqueue_unpop(VirtQueue *vq, const VirtQueueElement *elem);
/* Does the driver offer at least one chain? */
bool virtio_queue_empty(VirtQueue *vq);
bool virtio_queue_ready(VirtQueue *vq);

/* Bytes of the device-readable / device-writable parts of @elem. */
size_t virtqueue_elem_out_size(const VirtQueueElement *elem);
size_t virtqueue_elem_in_size(const VirtQueueElement *elem);
/*
 * Copy from the device-readable buffers at byte @offset (the chain seen
 * as one stream) / into the device-writable ones. Return the bytes moved;
 * a DMA failure breaks the device and returns what was moved before.
 */
size_t virtqueue_elem_read(VirtIODevice *vdev, const VirtQueueElement *elem,
                           size_t offset, void *buf, size_t len);
size_t virtqueue_elem_write(VirtIODevice *vdev, const VirtQueueElement *elem,
                            size_t offset, const void *buf, size_t len);

/*
 * Map @len bytes of the device-writable (@in) or device-readable part of
 * @elem from byte @offset into host iovecs for preadv/pwritev, at most
 * @max of them. Only plain guest RAM is mapped: returns the iovec count,
 * or -1 (nothing stays mapped) when some byte is not directly mappable
 * (MMIO, a bounce would be needed, the range is past the chain); the
 * caller then copies with virtqueue_elem_read/write, which report errors.
 * The buffers were checked at pop time; the mapping is clamped to them.
 */
int virtqueue_elem_map(VirtIODevice *vdev, const VirtQueueElement *elem,
                       bool in, size_t offset, size_t len,
                       struct iovec *iov, int max);
/* Release @n iovecs of virtqueue_elem_map; @done bytes were written to
 * guest memory (@in): code and dirty tracking hear of them. */
void virtqueue_elem_unmap(VirtIODevice *vdev, struct iovec *iov, int n,
                          bool in, size_t done);

/* Interrupt the driver for @vq unless it asked not to (flags/event idx). */
void virtio_notify(VirtIODevice *vdev, VirtQueue *vq);
/* Config changed: bump the generation and raise the config interrupt. */
void virtio_notify_config(VirtIODevice *vdev);
/*
 * The driver broke a rule: log a guest error, set NEEDS_RESET (modern
 * drivers) and stop using the queues until reset.
 */
void virtio_error(VirtIODevice *vdev, const char *fmt, ...) PRINTF_FMT(2, 3);

/*
 * Migration: the core's state (status, features, queues). Every device
 * type has its own table that embeds it, so that a type whose own state
 * is not described has no table and refuses to migrate:
 *     VMSTATE_VIRTIO_DEVICE(parent_obj, VirtIOBlock),
 */
extern const VMStateDescription vmstate_virtio_device;
#define VMSTATE_VIRTIO_DEVICE(f, S) \
    VMSTATE_STRUCT(f, S, vmstate_virtio_device, VirtIODevice)

/* ---- transport side ---- */

/* Back to power-on state (status 0, no features, queues unset). */
void virtio_reset(VirtIODevice *vdev);
/* Features offered: device's plus the core's (and VERSION_1 unless legacy). */
uint64_t virtio_host_features(VirtIODevice *vdev);
/* Accept the driver's features; false (nothing changes) if not a subset. */
bool virtio_set_features(VirtIODevice *vdev, uint64_t features);
void virtio_set_status(VirtIODevice *vdev, uint8_t status);
/* The driver kicked queue @n. */
void virtio_queue_notify(VirtIODevice *vdev, unsigned int n);
/* Set the driver's ring addresses and size (modern layout). */
void virtio_queue_set_rings(VirtIODevice *vdev, unsigned int n,
                            dma_addr_t desc, dma_addr_t avail,
                            dma_addr_t used);
bool virtio_queue_set_num(VirtIODevice *vdev, unsigned int n, uint32_t num);
/* Legacy layout: desc at @pa, avail after it, used at the next @align. */
void virtio_queue_set_legacy_addr(VirtIODevice *vdev, unsigned int n,
                                  dma_addr_t pa, uint32_t align);
/* Config space accessors (@addr bytes into it; little-endian). */
uint32_t virtio_config_read(VirtIODevice *vdev, uint32_t addr, unsigned size);
void virtio_config_write(VirtIODevice *vdev, uint32_t addr, uint32_t val,
                         unsigned size);
/* Clear ISR bits the driver acknowledged, return the old value. */
uint8_t virtio_isr_read_and_clear(VirtIODevice *vdev);

/*
 * Initialize @bus as the virtio bus of transport @proxy (embedded in it).
 * @plugged is called when a device is realized on it.
 */
void virtio_bus_init(VirtioBusState *bus, DeviceState *proxy,
                     const char *name,
                     void (*plugged)(void *proxy, VirtIODevice *vdev,
                                     GError **errp),
                     void (*unplugged)(void *proxy, VirtIODevice *vdev));
/* The device on @bus, or NULL. */
VirtIODevice *virtio_bus_get_device(VirtioBusState *bus);

#endif
