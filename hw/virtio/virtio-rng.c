/*
 * virtio-rng.c - virtio entropy device (virtio ID 4): every buffer the
 * guest posts is filled from the host's getrandom().
 *
 *   -device virtio-rng-device | virtio-rng-pci [,max-bytes=N,period=MS]
 *
 * max-bytes/period are accepted for command-line compatibility with QEMU;
 * no rate limit is applied (FIXME if a guest ever needs throttling).
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "hw/qdev-properties.h"
#include "hw/virtio/virtio.h"
#include <sys/random.h>

#define TYPE_VIRTIO_RNG "virtio-rng-device"

typedef struct VirtIORNG {
    VirtIODevice parent_obj;
    VirtQueue *vq;
    uint64_t max_bytes;
    uint32_t period_ms;
} VirtIORNG;

#define VIRTIO_RNG(obj) OBJECT_CHECK(VirtIORNG, (obj), TYPE_VIRTIO_RNG)

static void rng_fill(uint8_t *buf, size_t len)
{
    size_t done = 0;

    while (done < len) {
        ssize_t r = getrandom(buf + done, len - done, 0);

        if (r <= 0) {
            /* Never hand the guest predictable bytes silently. */
            g_error("virtio-rng: getrandom failed: %s", g_strerror(errno));
        }
        done += r;
    }
}

static void rng_handle_request(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtQueueElement *e;
    bool any = false;

    while ((e = virtqueue_pop(vq))) {
        size_t want = MIN(virtqueue_elem_in_size(e), 64 * 1024), n;
        g_autofree uint8_t *buf = g_malloc(want + 1);

        rng_fill(buf, want);
        n = virtqueue_elem_write(vdev, e, 0, buf, want);
        if (vdev->broken) {
            g_free(e);
            return;
        }
        virtqueue_push(vq, e, n);
        g_free(e);
        any = true;
    }
    if (any) {
        virtio_notify(vdev, vq);
    }
}

static void rng_realize(VirtIODevice *vdev, GError **errp)
{
    VirtIORNG *s = VIRTIO_RNG(vdev);

    (void)errp;
    virtio_init(vdev, VIRTIO_ID_RNG, 0);
    s->vq = virtio_add_queue(vdev, 8, rng_handle_request);
}

static Property rng_props[] = {
    DEFINE_PROP_UINT64("max-bytes", VirtIORNG, max_bytes, INT64_MAX),
    DEFINE_PROP_UINT32("period", VirtIORNG, period_ms, 1 << 16),
    DEFINE_PROP_END_OF_LIST(),
};

/* Entropy is drawn per request; only the core's queue state remains. */
static const VMStateDescription vmstate_virtio_rng = {
    .name = "virtio-rng",
    .version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_VIRTIO_DEVICE(parent_obj, VirtIORNG),
        VMSTATE_END_OF_LIST()
    },
};

static void rng_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_CLASS(klass);

    dc->desc = "virtio entropy source";
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
    device_class_set_props(dc, rng_props);
    dc->vmsd = &vmstate_virtio_rng;
    vdc->realize = rng_realize;
}

static const TypeInfo rng_info = {
    .name = TYPE_VIRTIO_RNG,
    .parent = TYPE_VIRTIO_DEVICE,
    .instance_size = sizeof(VirtIORNG),
    .class_init = rng_class_init,
};

static void rng_register_types(void)
{
    type_register_static(&rng_info);
}

type_init(rng_register_types)
