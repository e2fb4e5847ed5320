/*
 * virtio-net.h - virtio network device with libslirp user networking
 * (hw/net/virtio-net.c).
 *
 *   -netdev user,id=n0[,hostfwd=tcp::2222-:22][,hostname=H]
 *   -device virtio-net-device,netdev=n0[,mac=52:54:00:12:34:56]
 *   -device virtio-net-pci,netdev=n0
 */
#ifndef HW_VIRTIO_VIRTIO_NET_H
#define HW_VIRTIO_VIRTIO_NET_H

#include "util/keyval.h"
#include "hw/virtio/virtio.h"

#define TYPE_VIRTIO_NET "virtio-net-device"

/*
 * How netdev=ID is looked up. The default is vl.c's netdev_find() (the
 * -netdev options); unit tests install their own.
 */
typedef const KeyValList *(*VirtioNetNetdevFind)(const char *id);
void virtio_net_set_netdev_find(VirtioNetNetdevFind find);

#endif
