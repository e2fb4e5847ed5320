/*
 * virtio-blk.h - virtio block device (virtio ID 2) over a raw image file.
 *
 *   -drive file=IMG,if=none,id=d0[,readonly=on]
 *   -device virtio-blk-pci,drive=d0[,serial=S]     (or virtio-blk-device)
 *   -drive file=IMG,if=virtio                      (virt makes the device)
 *
 * `drive` names a -drive id or -blockdev node-name (sysemu/blockdev.h);
 * plumb also takes the path of a raw image there, or in `file`, with
 * `read-only=on`. The device opens the file itself. Requests: read, write,
 * flush (fdatasync), discard (punches holes), write-zeroes, get-id.
 */
#ifndef HW_VIRTIO_VIRTIO_BLK_H
#define HW_VIRTIO_VIRTIO_BLK_H

#include "hw/virtio/virtio.h"

#define TYPE_VIRTIO_BLK "virtio-blk-device"

#define VIRTIO_BLK_F_SIZE_MAX       1
#define VIRTIO_BLK_F_SEG_MAX        2
#define VIRTIO_BLK_F_GEOMETRY       4
#define VIRTIO_BLK_F_RO             5
#define VIRTIO_BLK_F_BLK_SIZE       6
#define VIRTIO_BLK_F_FLUSH          9
#define VIRTIO_BLK_F_TOPOLOGY       10
#define VIRTIO_BLK_F_CONFIG_WCE     11
#define VIRTIO_BLK_F_DISCARD        13
#define VIRTIO_BLK_F_WRITE_ZEROES   14

#define VIRTIO_BLK_T_IN             0
#define VIRTIO_BLK_T_OUT            1
#define VIRTIO_BLK_T_FLUSH          4
#define VIRTIO_BLK_T_GET_ID         8
#define VIRTIO_BLK_T_DISCARD        11
#define VIRTIO_BLK_T_WRITE_ZEROES   13

#define VIRTIO_BLK_S_OK             0
#define VIRTIO_BLK_S_IOERR          1
#define VIRTIO_BLK_S_UNSUPP         2

#define VIRTIO_BLK_ID_BYTES         20
#define VIRTIO_BLK_SECTOR_SIZE      512

/* Config offsets (virtio_blk_config). */
#define VIRTIO_BLK_CFG_CAPACITY             0
#define VIRTIO_BLK_CFG_SIZE_MAX             8
#define VIRTIO_BLK_CFG_SEG_MAX              12
#define VIRTIO_BLK_CFG_BLK_SIZE             20
#define VIRTIO_BLK_CFG_WRITEBACK            32
#define VIRTIO_BLK_CFG_NUM_QUEUES           34
#define VIRTIO_BLK_CFG_MAX_DISCARD_SECTORS  36
#define VIRTIO_BLK_CFG_MAX_DISCARD_SEG      40
#define VIRTIO_BLK_CFG_DISCARD_ALIGN        44
#define VIRTIO_BLK_CFG_MAX_WZ_SECTORS       48
#define VIRTIO_BLK_CFG_MAX_WZ_SEG           52
#define VIRTIO_BLK_CFG_WZ_MAY_UNMAP         56
#define VIRTIO_BLK_CFG_SIZE                 60

typedef struct VirtIOBlock {
    VirtIODevice parent_obj;
    char *drive;                /* property "drive" */
    char *file;                 /* property "file" (same meaning) */
    char *serial;
    bool read_only;
    uint16_t queue_size;
    /* QEMU's properties, accepted for command lines: num-queues (one
     * queue is served whatever the count), write-cache, config-wce;
     * block sizes other than 512 and scsi=on are refused at realize. */
    uint16_t num_queues;
    char *write_cache;
    uint32_t logical_block_size, physical_block_size, discard_granularity;
    bool config_wce, scsi;
    int fd;
    uint64_t sectors;
    VirtQueue *vq;
} VirtIOBlock;

#define VIRTIO_BLK(obj) OBJECT_CHECK(VirtIOBlock, (obj), TYPE_VIRTIO_BLK)

#endif
