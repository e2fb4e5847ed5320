/*
 * virtio-blk.c - virtio block device backed by a raw image file.
 *
 * Requests are served synchronously from the queue kick (no thread to
 * order against: the used ring and the interrupt follow the I/O in
 * program order), with preadv/pwritev straight into guest RAM
 * (virtqueue_elem_map) and through a 64 KiB bounce buffer and the DMA API
 * for anything that is not plain RAM. A request
 * that points outside the disk, is not a whole number of sectors, or has
 * no room for its status byte is answered IOERR (and logged as a guest
 * error); a chain the core rejects breaks the device instead. Writes,
 * discards and write-zeroes on a read-only disk answer IOERR, as QEMU
 * does.
 *
 * Not for: image formats other than raw, asynchronous I/O, multiqueue.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "util/bswap.h"
#include "hw/qdev-properties.h"
#include "hw/virtio/virtio-blk.h"
#include "sysemu/blockdev.h"
#include <fcntl.h>
#include <sys/stat.h>

#define BLK_BOUNCE      (64 * 1024)
#define BLK_SEG_MAX     126
#define BLK_IOV_MAX     (BLK_SEG_MAX + 2)
#define BLK_DISCARD_MAX_SECTORS (UINT32_MAX / VIRTIO_BLK_SECTOR_SIZE)

static bool blk_range_ok(VirtIOBlock *s, uint64_t sector, uint64_t bytes)
{
    uint64_t nsec = bytes / VIRTIO_BLK_SECTOR_SIZE;

    if (bytes % VIRTIO_BLK_SECTOR_SIZE) {
        log_mask(LOG_GUEST_ERROR, "virtio-blk: %" PRIu64 " bytes is not a "
                 "whole number of sectors\n", bytes);
        return false;
    }
    if (sector > s->sectors || nsec > s->sectors - sector) {
        log_mask(LOG_GUEST_ERROR, "virtio-blk: sectors %" PRIu64 "+%" PRIu64
                 " past the end of the disk (%" PRIu64 " sectors)\n",
                 sector, nsec, s->sectors);
        return false;
    }
    return true;
}

/*
 * preadv/pwritev all of @iov (@n entries, @bytes in all) at @pos, resuming
 * after short transfers. A read that meets the end of the file zeroes the
 * rest (a file shorter than its last sector). False on an error.
 */
static bool blk_iov_rw(int fd, struct iovec *iov, int n, size_t bytes,
                       uint64_t pos, bool to_guest)
{
    size_t done = 0;

    while (done < bytes) {
        ssize_t r = to_guest ? preadv(fd, iov, n, pos + done)
                             : pwritev(fd, iov, n, pos + done);

        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r < 0 || (r == 0 && !to_guest)) {
            return false;
        }
        if (r == 0) {
            for (int i = 0; i < n; i++) {
                memset(iov[i].iov_base, 0, iov[i].iov_len);
            }
            return true;
        }
        done += r;
        /* skip what was transferred */
        while (n && (size_t)r >= iov[0].iov_len) {
            r -= iov[0].iov_len;
            iov++;
            n--;
        }
        if (n) {
            iov[0].iov_base = (uint8_t *)iov[0].iov_base + r;
            iov[0].iov_len -= r;
        }
    }
    return true;
}

/* Move @bytes between the file at @pos and the element at @off. */
static uint8_t blk_rw(VirtIOBlock *s, VirtQueueElement *e, size_t off,
                      uint64_t pos, size_t bytes, bool to_guest,
                      size_t *moved)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(s);
    struct iovec iov[BLK_IOV_MAX], work[BLK_IOV_MAX];
    g_autofree uint8_t *buf = NULL;
    int n;

    /*
     * Guest RAM is read into / written from directly: one system call
     * per request and no copy. Anything else (MMIO, more pieces than
     * iov) goes through the bounce buffer and the DMA API, which report.
     */
    *moved = 0;
    n = bytes ? virtqueue_elem_map(vdev, e, to_guest, off, bytes, iov,
                                   BLK_IOV_MAX) : -1;
    if (n >= 0) {
        bool ok;

        memcpy(work, iov, n * sizeof(iov[0]));
        ok = blk_iov_rw(s->fd, work, n, bytes, pos, to_guest);
        /* a failed read may have written part: say all of it changed */
        virtqueue_elem_unmap(vdev, iov, n, to_guest, bytes);
        if (!ok) {
            return VIRTIO_BLK_S_IOERR;
        }
        *moved = bytes;
        return VIRTIO_BLK_S_OK;
    }
    buf = g_malloc(MIN(bytes, BLK_BOUNCE) + 1);
    while (*moved < bytes) {
        size_t chunk = MIN(bytes - *moved, BLK_BOUNCE);
        ssize_t r;

        if (to_guest) {
            r = pread(s->fd, buf, chunk, pos + *moved);
            if (r < 0) {
                return VIRTIO_BLK_S_IOERR;
            }
            /* A file shorter than its last sector reads zeros. */
            memset(buf + r, 0, chunk - r);
            if (virtqueue_elem_write(vdev, e, off + *moved, buf, chunk) !=
                chunk) {
                return VIRTIO_BLK_S_IOERR;
            }
        } else {
            if (virtqueue_elem_read(vdev, e, off + *moved, buf, chunk) !=
                chunk) {
                return VIRTIO_BLK_S_IOERR;
            }
            r = pwrite(s->fd, buf, chunk, pos + *moved);
            if (r != (ssize_t)chunk) {
                return VIRTIO_BLK_S_IOERR;
            }
        }
        *moved += chunk;
    }
    return VIRTIO_BLK_S_OK;
}

static uint8_t blk_zero(VirtIOBlock *s, uint64_t sector, uint32_t nsec,
                        bool unmap)
{
    off_t pos = sector * VIRTIO_BLK_SECTOR_SIZE;
    off_t len = (off_t)nsec * VIRTIO_BLK_SECTOR_SIZE;

    if (!blk_range_ok(s, sector, len)) {
        return VIRTIO_BLK_S_IOERR;
    }
#ifdef FALLOC_FL_PUNCH_HOLE
    if (fallocate(s->fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
                  pos, len) == 0) {
        return VIRTIO_BLK_S_OK;
    }
#endif
    (void)unmap;
    {
        g_autofree uint8_t *z = g_malloc0(BLK_BOUNCE);

        while (len > 0) {
            size_t n = MIN(len, BLK_BOUNCE);

            if (pwrite(s->fd, z, n, pos) != (ssize_t)n) {
                return VIRTIO_BLK_S_IOERR;
            }
            pos += n;
            len -= n;
        }
    }
    return VIRTIO_BLK_S_OK;
}

/* DISCARD / WRITE_ZEROES: a list of 16-byte segments after the header. */
static uint8_t blk_segments(VirtIOBlock *s, VirtQueueElement *e,
                            size_t out_size, bool discard)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(s);
    size_t nseg = (out_size - 16) / 16;

    if ((out_size - 16) % 16 || nseg == 0 || nseg > 1) {
        log_mask(LOG_GUEST_ERROR, "virtio-blk: %s with %zu bytes of "
                 "segments (one 16-byte segment supported)\n",
                 discard ? "discard" : "write-zeroes", out_size - 16);
        return VIRTIO_BLK_S_UNSUPP;
    }
    for (size_t i = 0; i < nseg; i++) {
        uint8_t seg[16];
        uint64_t sector;
        uint32_t nsec, flags;

        if (virtqueue_elem_read(vdev, e, 16 + 16 * i, seg, 16) != 16) {
            return VIRTIO_BLK_S_IOERR;
        }
        sector = ldq_le_p(seg);
        nsec = ldl_le_p(seg + 8);
        flags = ldl_le_p(seg + 12);
        if (discard && flags) {
            log_mask(LOG_GUEST_ERROR, "virtio-blk: discard flags 0x%x "
                     "must be 0\n", flags);
            return VIRTIO_BLK_S_UNSUPP;
        }
        if (flags & ~1u) {
            return VIRTIO_BLK_S_UNSUPP;
        }
        if (blk_zero(s, sector, nsec, discard || (flags & 1)) !=
            VIRTIO_BLK_S_OK) {
            return VIRTIO_BLK_S_IOERR;
        }
    }
    return VIRTIO_BLK_S_OK;
}

static void blk_handle_request(VirtIOBlock *s, VirtQueueElement *e)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(s);
    size_t out_size = virtqueue_elem_out_size(e);
    size_t in_size = virtqueue_elem_in_size(e);
    size_t data_in = in_size ? in_size - 1 : 0, moved = 0;
    uint8_t hdr[16], status;
    uint32_t type;
    uint64_t sector;
    unsigned int used = 0;

    if (in_size < 1 || out_size < sizeof(hdr)) {
        virtio_error(vdev, "request without header (%zu) or status byte "
                     "(%zu)", out_size, in_size);
        return;
    }
    if (virtqueue_elem_read(vdev, e, 0, hdr, sizeof(hdr)) != sizeof(hdr)) {
        return;
    }
    type = ldl_le_p(hdr);
    sector = ldq_le_p(hdr + 8);

    switch (type) {
    case VIRTIO_BLK_T_IN:
        if (!blk_range_ok(s, sector, data_in)) {
            status = VIRTIO_BLK_S_IOERR;
            break;
        }
        status = blk_rw(s, e, 0, sector * VIRTIO_BLK_SECTOR_SIZE, data_in,
                        true, &moved);
        used = moved;
        break;
    case VIRTIO_BLK_T_OUT:
        if (s->read_only) {
            status = VIRTIO_BLK_S_IOERR;
            break;
        }
        if (!blk_range_ok(s, sector, out_size - sizeof(hdr))) {
            status = VIRTIO_BLK_S_IOERR;
            break;
        }
        status = blk_rw(s, e, sizeof(hdr), sector * VIRTIO_BLK_SECTOR_SIZE,
                        out_size - sizeof(hdr), false, &moved);
        break;
    case VIRTIO_BLK_T_FLUSH:
        status = fdatasync(s->fd) == 0 || s->read_only ? VIRTIO_BLK_S_OK
                                                        : VIRTIO_BLK_S_IOERR;
        break;
    case VIRTIO_BLK_T_GET_ID: {
        char id[VIRTIO_BLK_ID_BYTES] = { 0 };

        if (s->serial) {
            memcpy(id, s->serial, MIN(strlen(s->serial), sizeof(id)));
        }
        used = virtqueue_elem_write(vdev, e, 0, id,
                                    MIN(sizeof(id), data_in));
        status = VIRTIO_BLK_S_OK;
        break;
    }
    case VIRTIO_BLK_T_DISCARD:
    case VIRTIO_BLK_T_WRITE_ZEROES:
        if (s->read_only) {
            status = VIRTIO_BLK_S_IOERR;
            break;
        }
        status = blk_segments(s, e, out_size, type == VIRTIO_BLK_T_DISCARD);
        break;
    default:
        log_mask(LOG_GUEST_ERROR, "virtio-blk: unsupported request type "
                 "%u\n", type);
        status = VIRTIO_BLK_S_UNSUPP;
        break;
    }
    if (vdev->broken) {
        return;
    }
    virtqueue_elem_write(vdev, e, in_size - 1, &status, 1);
    virtqueue_push(s->vq, e, used + 1);
}

static void blk_handle_output(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtIOBlock *s = VIRTIO_BLK(vdev);
    VirtQueueElement *e;
    bool any = false;

    while ((e = virtqueue_pop(vq))) {
        blk_handle_request(s, e);
        g_free(e);
        any = true;
    }
    if (any) {
        virtio_notify(vdev, vq);
    }
}

static uint64_t blk_get_features(VirtIODevice *vdev, uint64_t f)
{
    VirtIOBlock *s = VIRTIO_BLK(vdev);

    f |= (1ULL << VIRTIO_BLK_F_SEG_MAX) | (1ULL << VIRTIO_BLK_F_BLK_SIZE) |
         (1ULL << VIRTIO_BLK_F_FLUSH);
    if (s->read_only) {
        f |= 1ULL << VIRTIO_BLK_F_RO;
    } else {
        f |= (1ULL << VIRTIO_BLK_F_DISCARD) |
             (1ULL << VIRTIO_BLK_F_WRITE_ZEROES);
    }
    return f;
}

static void blk_get_config(VirtIODevice *vdev, uint8_t *c)
{
    VirtIOBlock *s = VIRTIO_BLK(vdev);

    memset(c, 0, VIRTIO_BLK_CFG_SIZE);
    stq_le_p(c + VIRTIO_BLK_CFG_CAPACITY, s->sectors);
    stl_le_p(c + VIRTIO_BLK_CFG_SEG_MAX, BLK_SEG_MAX);
    stl_le_p(c + VIRTIO_BLK_CFG_BLK_SIZE, VIRTIO_BLK_SECTOR_SIZE);
    c[VIRTIO_BLK_CFG_WRITEBACK] = 1;
    stw_le_p(c + VIRTIO_BLK_CFG_NUM_QUEUES, 1);
    stl_le_p(c + VIRTIO_BLK_CFG_MAX_DISCARD_SECTORS, BLK_DISCARD_MAX_SECTORS);
    stl_le_p(c + VIRTIO_BLK_CFG_MAX_DISCARD_SEG, 1);
    stl_le_p(c + VIRTIO_BLK_CFG_DISCARD_ALIGN, 1);
    stl_le_p(c + VIRTIO_BLK_CFG_MAX_WZ_SECTORS, BLK_DISCARD_MAX_SECTORS);
    stl_le_p(c + VIRTIO_BLK_CFG_MAX_WZ_SEG, 1);
    c[VIRTIO_BLK_CFG_WZ_MAY_UNMAP] = 1;
}

static void blk_realize(VirtIODevice *vdev, GError **errp)
{
    VirtIOBlock *s = VIRTIO_BLK(vdev);
    const char *path = s->drive ? s->drive : s->file;
    DriveInfo *di = NULL;
    struct stat st;

    if (!path) {
        error_setg(errp, "drive property not set");
        return;
    }
    if ((s->logical_block_size && s->logical_block_size != 512) ||
        (s->physical_block_size && s->physical_block_size != 512)) {
        error_setg(errp, "virtio-blk: only 512-byte logical and physical "
                   "blocks are supported");
        return;
    }
    if (s->scsi) {
        error_setg(errp, "Please set scsi=off for virtio-blk devices in "
                   "order to use virtio 1.0");
        return;
    }
    /*
     * drive= names a -drive id or a -blockdev node-name, as in QEMU. A
     * path (file=, or a drive= with a '/', which no id has, or naming an
     * existing file) is plumb's shorthand, kept for its own tests.
     */
    if (s->drive && (drive_get_by_id(s->drive) ||
                     (!strchr(s->drive, '/') &&
                      !g_file_test(s->drive, G_FILE_TEST_IS_REGULAR)))) {
        di = drive_claim(s->drive, "virtio-blk-device.drive", errp);
        if (!di) {
            return;
        }
        path = di->file;
        s->read_only |= di->read_only;
    }
    if (s->queue_size < 2 || s->queue_size > VIRTQUEUE_MAX_SIZE ||
        (s->queue_size & (s->queue_size - 1))) {
        error_setg(errp, "virtio-blk: queue-size must be a power of two "
                   "in 2..%d", VIRTQUEUE_MAX_SIZE);
        return;
    }
    s->fd = open(path, (s->read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC);
    if (s->fd < 0) {
        error_setg(errp, "virtio-blk: could not open '%s': %s", path,
                   g_strerror(errno));
        return;
    }
    if (fstat(s->fd, &st) < 0 ||
        !(S_ISREG(st.st_mode) || S_ISBLK(st.st_mode))) {
        error_setg(errp, "virtio-blk: '%s' is not a regular file or block "
                   "device", path);
        close(s->fd);
        s->fd = -1;
        return;
    }
    if (S_ISBLK(st.st_mode)) {
        off_t end = lseek(s->fd, 0, SEEK_END);

        s->sectors = end > 0 ? end / VIRTIO_BLK_SECTOR_SIZE : 0;
    } else {
        s->sectors = st.st_size / VIRTIO_BLK_SECTOR_SIZE;
    }
    virtio_init(vdev, VIRTIO_ID_BLOCK, VIRTIO_BLK_CFG_SIZE);
    s->vq = virtio_add_queue(vdev, s->queue_size, blk_handle_output);
}

static void blk_unrealize(VirtIODevice *vdev)
{
    VirtIOBlock *s = VIRTIO_BLK(vdev);

    if (s->fd >= 0) {
        close(s->fd);
        s->fd = -1;
    }
}

static void blk_instance_init(Object *obj)
{
    VIRTIO_BLK(obj)->fd = -1;
}

static Property blk_props[] = {
    DEFINE_PROP_STRING("drive", VirtIOBlock, drive),
    DEFINE_PROP_STRING("file", VirtIOBlock, file),
    DEFINE_PROP_STRING("serial", VirtIOBlock, serial),
    DEFINE_PROP_BOOL("read-only", VirtIOBlock, read_only, false),
    DEFINE_PROP_UINT16("queue-size", VirtIOBlock, queue_size, 256),
    DEFINE_PROP_UINT16("num-queues", VirtIOBlock, num_queues, 1),
    DEFINE_PROP_STRING("write-cache", VirtIOBlock, write_cache),
    DEFINE_PROP_UINT32("logical_block_size", VirtIOBlock, logical_block_size,
                       0),
    DEFINE_PROP_UINT32("physical_block_size", VirtIOBlock,
                       physical_block_size, 0),
    DEFINE_PROP_UINT32("discard_granularity", VirtIOBlock,
                       discard_granularity, 0),
    DEFINE_PROP_BOOL("config-wce", VirtIOBlock, config_wce, true),
    DEFINE_PROP_BOOL("scsi", VirtIOBlock, scsi, false),
    DEFINE_PROP_END_OF_LIST(),
};

/*
 * Requests are served to completion inside the queue kick, so a stopped
 * VM has none in flight: the core's queue state is all there is (the
 * disk's contents are the shared image file).
 */
static const VMStateDescription vmstate_virtio_blk = {
    .name = "virtio-blk",
    .version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_VIRTIO_DEVICE(parent_obj, VirtIOBlock),
        VMSTATE_END_OF_LIST()
    },
};

static void blk_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_CLASS(klass);

    dc->desc = "virtio block device (drive=raw image file)";
    device_class_set_category(dc, DEVICE_CATEGORY_STORAGE);
    device_class_set_props(dc, blk_props);
    dc->vmsd = &vmstate_virtio_blk;
    vdc->realize = blk_realize;
    vdc->unrealize = blk_unrealize;
    vdc->get_features = blk_get_features;
    vdc->get_config = blk_get_config;
}

static const TypeInfo blk_info = {
    .name = TYPE_VIRTIO_BLK,
    .parent = TYPE_VIRTIO_DEVICE,
    .instance_size = sizeof(VirtIOBlock),
    .instance_init = blk_instance_init,
    .class_init = blk_class_init,
};

static void blk_register_types(void)
{
    type_register_static(&blk_info);
}

type_init(blk_register_types)
