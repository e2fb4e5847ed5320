/*
 * virtio.c - the virtio core shared by every device and transport: split
 * and packed virtqueues (descriptor walk with indirect tables, used ring,
 * event index / event suppression), features, status, config space and
 * the virtio bus.
 *
 * Everything the driver controls is treated as hostile. A descriptor chain
 * is walked with a hop budget (the queue size, or the indirect table's
 * length), an indirect table inside an indirect table, a descriptor index
 * past the table, a zero-length or misaligned indirect table, an avail
 * index that jumps more than the queue size, and any buffer that does not
 * lie wholly in memory the device can reach all break the device
 * (virtio_error). Guest memory is read and written only through
 * dma_memory_* on vdev->dma_as, or through virtqueue_elem_map's mappings
 * of plain RAM clamped to checked buffers, so a bad address is a failed
 * transaction, never a host access outside guest RAM.
 *
 * Not for: transport registers (virtio-mmio.c, virtio-pci.c).
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "util/bswap.h"
#include "exec/address-spaces.h"
#include "migration/vmstate.h"
#include "hw/virtio/virtio.h"
#include "hw/qdev-properties.h"

/* ---------------------------------------------------------------- */
/* Ring field access (all little-endian: modern, and legacy on LE guests) */

static bool vring_ld16(VirtQueue *vq, dma_addr_t addr, uint16_t *v)
{
    VirtIODevice *vdev = vq->vdev;

    if (lduw_le_dma(vdev->dma_as, addr, v, vdev->dma_attrs) != MEMTX_OK) {
        virtio_error(vdev, "queue %u: ring read at 0x%" PRIx64 " failed",
                     vq->queue_index, addr);
        return false;
    }
    return true;
}

static bool vring_st16(VirtQueue *vq, dma_addr_t addr, uint16_t v)
{
    VirtIODevice *vdev = vq->vdev;

    if (stw_le_dma(vdev->dma_as, addr, v, vdev->dma_attrs) != MEMTX_OK) {
        virtio_error(vdev, "queue %u: ring write at 0x%" PRIx64 " failed",
                     vq->queue_index, addr);
        return false;
    }
    return true;
}

static bool vring_avail_idx(VirtQueue *vq, uint16_t *idx)
{
    bool ok = vring_ld16(vq, vq->avail + 2, idx);

    /* Descriptors the driver published before the index are visible. */
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    return ok;
}

static void vring_set_avail_event(VirtQueue *vq, uint16_t val)
{
    vring_st16(vq, vq->used + 4 + VRING_USED_ELEM_SIZE * vq->num, val);
}

/* ---------------------------------------------------------------- */
/* Errors */

void virtio_error(VirtIODevice *vdev, const char *fmt, ...)
{
    va_list ap;
    char *msg;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    log_mask(LOG_GUEST_ERROR, "%s: %s\n",
             vdev->name ? vdev->name : "virtio", msg);
    g_free(msg);
    if (vdev->broken) {
        return;
    }
    vdev->broken = true;
    if (!vdev->legacy || virtio_vdev_has_feature(vdev, VIRTIO_F_VERSION_1)) {
        vdev->status |= VIRTIO_CONFIG_S_NEEDS_RESET;
        virtio_notify_config(vdev);
    }
}

/* ---------------------------------------------------------------- */
/* Queues */

VirtQueue *virtio_add_queue(VirtIODevice *vdev, int queue_size,
                            VirtIOHandleOutput handle_output)
{
    unsigned int i;

    g_assert(queue_size > 0 && queue_size <= VIRTQUEUE_MAX_SIZE);
    for (i = 0; i < VIRTIO_QUEUE_MAX; i++) {
        if (vdev->vq[i].num_max == 0) {
            break;
        }
    }
    g_assert(i < VIRTIO_QUEUE_MAX);
    vdev->vq[i].num_max = queue_size;
    vdev->vq[i].num = queue_size;
    vdev->vq[i].handle_output = handle_output;
    vdev->vq[i].vector = VIRTIO_NO_VECTOR;
    return &vdev->vq[i];
}

VirtQueue *virtio_get_queue(VirtIODevice *vdev, unsigned int n)
{
    return n < VIRTIO_QUEUE_MAX ? &vdev->vq[n] : NULL;
}

unsigned int virtio_get_num_queues(VirtIODevice *vdev)
{
    unsigned int i;

    for (i = 0; i < VIRTIO_QUEUE_MAX && vdev->vq[i].num_max; i++) {
    }
    return i;
}

bool virtio_queue_ready(VirtQueue *vq)
{
    /* Legacy drivers have no ready bit: a ring address means set up. */
    return vq->num_max && vq->desc &&
           (vq->vdev->legacy ? true : vq->ready);
}

static bool packed_peek(VirtQueue *vq, uint16_t *flags);

bool virtio_queue_empty(VirtQueue *vq)
{
    uint16_t idx;

    if (vq->vdev->broken || !virtio_queue_ready(vq)) {
        return true;
    }
    if (virtio_vdev_has_feature(vq->vdev, VIRTIO_F_RING_PACKED)) {
        return !packed_peek(vq, &idx);
    }
    if (!vring_avail_idx(vq, &idx)) {
        return true;
    }
    return idx == vq->last_avail_idx;
}

/*
 * Check one descriptor's buffer: it must not wrap and must be reachable
 * in full for the access the device will make.
 */
static bool desc_buffer_ok(VirtQueue *vq, uint64_t addr, uint32_t len,
                           bool is_write)
{
    VirtIODevice *vdev = vq->vdev;

    if (addr + len < addr) {
        virtio_error(vdev, "queue %u: buffer 0x%" PRIx64 "+0x%x wraps",
                     vq->queue_index, addr, len);
        return false;
    }
    if (len && !address_space_access_valid(vdev->dma_as, addr, len, is_write,
                                           vdev->dma_attrs)) {
        virtio_error(vdev, "queue %u: buffer 0x%" PRIx64 "+0x%x is not "
                     "in guest memory", vq->queue_index, addr, len);
        return false;
    }
    return true;
}

typedef struct VRingDesc {
    uint64_t addr;
    uint32_t len;
    uint16_t flags;
    uint16_t next;
} VRingDesc;

static bool read_desc(VirtQueue *vq, dma_addr_t table, unsigned int i,
                      VRingDesc *d)
{
    VirtIODevice *vdev = vq->vdev;
    uint8_t raw[VRING_DESC_SIZE];

    if (dma_memory_read(vdev->dma_as, table + (dma_addr_t)i * VRING_DESC_SIZE,
                        raw, sizeof(raw), vdev->dma_attrs) != MEMTX_OK) {
        virtio_error(vdev, "queue %u: descriptor %u at 0x%" PRIx64
                     " unreadable", vq->queue_index, i, table);
        return false;
    }
    d->addr = ldq_le_p(raw);
    d->len = ldl_le_p(raw + 8);
    d->flags = lduw_le_p(raw + 12);
    d->next = lduw_le_p(raw + 14);
    return true;
}

/*
 * Append one descriptor's buffer to a chain being collected in @segs
 * (device-readable first, then writable), checking it. False: the device
 * is broken.
 */
static bool chain_add(VirtQueue *vq, const VRingDesc *d, VirtQueueSeg *segs,
                      unsigned int *nout, unsigned int *nin, unsigned *total)
{
    VirtIODevice *vdev = vq->vdev;

    if (d->flags & VRING_DESC_F_WRITE) {
        if (!desc_buffer_ok(vq, d->addr, d->len, true)) {
            return false;
        }
        segs[*nout + (*nin)++] = (VirtQueueSeg){ d->addr, d->len };
    } else {
        if (*nin) {
            virtio_error(vdev, "queue %u: device-readable descriptor "
                         "after a writable one", vq->queue_index);
            return false;
        }
        if (!desc_buffer_ok(vq, d->addr, d->len, false)) {
            return false;
        }
        segs[(*nout)++] = (VirtQueueSeg){ d->addr, d->len };
    }
    if ((uint64_t)*total + d->len > UINT32_MAX) {
        virtio_error(vdev, "queue %u: chain longer than 4 GiB",
                     vq->queue_index);
        return false;
    }
    *total += d->len;
    return true;
}

/* The element for a collected chain. */
static VirtQueueElement *elem_new(const VirtQueueSeg *segs, unsigned int nout,
                                  unsigned int nin, unsigned int index,
                                  unsigned int ndescs)
{
    VirtQueueElement *elem = g_malloc(sizeof(*elem) +
                                      (nout + nin) * sizeof(VirtQueueSeg));

    elem->index = index;
    elem->ndescs = ndescs;
    elem->out_num = nout;
    elem->in_num = nin;
    elem->out_sg = (VirtQueueSeg *)(elem + 1);
    elem->in_sg = elem->out_sg + nout;
    memcpy(elem->out_sg, segs, (nout + nin) * sizeof(VirtQueueSeg));
    return elem;
}

/*
 * An indirect descriptor @d (already seen to be one): check the table it
 * points to; its size in entries goes to *@n.
 */
static bool indirect_ok(VirtQueue *vq, const VRingDesc *d, unsigned int *n)
{
    VirtIODevice *vdev = vq->vdev;

    if (!virtio_vdev_has_feature(vdev, VIRTIO_RING_F_INDIRECT_DESC) &&
        !vdev->legacy) {
        /* Legacy drivers may use it without negotiating (QEMU lets
         * them); a modern driver must have accepted the feature. */
        virtio_error(vdev, "queue %u: indirect descriptor not "
                     "negotiated", vq->queue_index);
        return false;
    }
    if (d->flags & VRING_DESC_F_NEXT) {
        virtio_error(vdev, "queue %u: indirect descriptor with NEXT",
                     vq->queue_index);
        return false;
    }
    if (!d->len || d->len % VRING_DESC_SIZE ||
        d->len / VRING_DESC_SIZE > VIRTQUEUE_MAX_SIZE) {
        virtio_error(vdev, "queue %u: indirect table length %u invalid",
                     vq->queue_index, d->len);
        return false;
    }
    if (!desc_buffer_ok(vq, d->addr, d->len, false)) {
        return false;
    }
    *n = d->len / VRING_DESC_SIZE;
    return true;
}

static VirtQueueElement *split_pop(VirtQueue *vq)
{
    VirtIODevice *vdev = vq->vdev;
    /* out (device-readable) first, then in: the order the chain must have */
    VirtQueueSeg segs[VIRTQUEUE_MAX_SIZE];
    unsigned int nout = 0, nin = 0;
    VirtQueueElement *elem = NULL;
    dma_addr_t table;
    unsigned int max, i, hops = 0, total = 0;
    uint16_t avail_idx, head;
    bool indirect = false;
    VRingDesc d;

    if (vdev->broken || !virtio_queue_ready(vq)) {
        return NULL;
    }
    if (!vring_avail_idx(vq, &avail_idx)) {
        return NULL;
    }
    if ((uint16_t)(avail_idx - vq->last_avail_idx) > vq->num) {
        virtio_error(vdev, "queue %u: avail idx %u is %u ahead of %u "
                     "(queue size %u)", vq->queue_index, avail_idx,
                     (uint16_t)(avail_idx - vq->last_avail_idx),
                     vq->last_avail_idx, vq->num);
        return NULL;
    }
    if (avail_idx == vq->last_avail_idx) {
        return NULL;
    }
    if (!vring_ld16(vq, vq->avail + 4 + 2 * (vq->last_avail_idx % vq->num),
                    &head)) {
        return NULL;
    }
    if (head >= vq->num) {
        virtio_error(vdev, "queue %u: head descriptor %u >= size %u",
                     vq->queue_index, head, vq->num);
        return NULL;
    }

    table = vq->desc;
    max = vq->num;
    i = head;
    if (!read_desc(vq, table, i, &d)) {
        goto fail;
    }
    if (d.flags & VRING_DESC_F_INDIRECT) {
        if (!indirect_ok(vq, &d, &max)) {
            goto fail;
        }
        table = d.addr;
        indirect = true;
        i = 0;
        if (!read_desc(vq, table, i, &d)) {
            goto fail;
        }
    }

    for (;;) {
        if (++hops > max) {
            virtio_error(vdev, "queue %u: descriptor chain from %u loops or "
                         "is longer than %u", vq->queue_index, head, max);
            goto fail;
        }
        if (d.flags & VRING_DESC_F_INDIRECT) {
            virtio_error(vdev, "queue %u: %s", vq->queue_index, indirect ?
                         "nested indirect descriptor table" :
                         "indirect descriptor inside a chain");
            goto fail;
        }
        if (!chain_add(vq, &d, segs, &nout, &nin, &total)) {
            goto fail;
        }
        if (!(d.flags & VRING_DESC_F_NEXT)) {
            break;
        }
        i = d.next;
        if (i >= max) {
            virtio_error(vdev, "queue %u: next descriptor %u >= %u",
                         vq->queue_index, i, max);
            goto fail;
        }
        if (!read_desc(vq, table, i, &d)) {
            goto fail;
        }
    }

    elem = elem_new(segs, nout, nin, head, 1);
    vq->last_avail_idx++;
    vq->inuse++;
    if (virtio_vdev_has_feature(vdev, VIRTIO_RING_F_EVENT_IDX)) {
        vring_set_avail_event(vq, vq->last_avail_idx);
        /*
         * Order this store before the next pop's load of the avail index
         * (a store-load pair the host may reorder). Otherwise a driver on
         * another vCPU can publish a buffer and read the old avail_event
         * ("no kick needed") while we read the old index ("empty"): the
         * buffer then waits for an unrelated kick (seen as virtconsole
         * output stuck until the host sent something).
         */
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
    }
fail:
    return elem;
}

/*
 * Packed ring: the descriptor at slot @i is available when its AVAIL bit
 * equals the device's wrap counter and its USED bit does not.
 */
static bool packed_desc_avail(uint16_t flags, bool wrap)
{
    return !!(flags & VRING_PACKED_DESC_F_AVAIL) == wrap &&
           !!(flags & VRING_PACKED_DESC_F_USED) != wrap;
}

static bool packed_peek(VirtQueue *vq, uint16_t *flags)
{
    if (!vring_ld16(vq, vq->desc + (dma_addr_t)vq->last_avail_idx *
                    VRING_DESC_SIZE + 14, flags)) {
        return false;
    }
    /* The rest of the descriptor is read after its flags said so. */
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    return packed_desc_avail(*flags, vq->last_avail_wrap);
}

/*
 * A packed descriptor is addr, len, id, flags: read_desc's layout with
 * flags and next (here: the id) swapped.
 */
static bool read_packed_desc(VirtQueue *vq, dma_addr_t table, unsigned int i,
                             VRingDesc *d)
{
    uint16_t id;

    if (!read_desc(vq, table, i, d)) {
        return false;
    }
    id = d->flags;
    d->flags = d->next;
    d->next = id;
    return true;
}

/*
 * A chain is consecutive slots
 * (wrapping) linked by NEXT; its buffer id is in the last one. An
 * indirect table holds a whole chain in order, NEXT unused.
 */
static VirtQueueElement *packed_pop(VirtQueue *vq)
{
    VirtIODevice *vdev = vq->vdev;
    VirtQueueSeg segs[VIRTQUEUE_MAX_SIZE];
    unsigned int nout = 0, nin = 0, total = 0, ndescs = 0, n;
    uint16_t flags, slot = vq->last_avail_idx;
    bool wrap = vq->last_avail_wrap;
    VirtQueueElement *elem;
    VRingDesc d;

    if (!packed_peek(vq, &flags)) {
        return NULL;
    }
    for (;;) {
        if (!read_packed_desc(vq, vq->desc, slot, &d)) {
            return NULL;
        }
        if (++ndescs > vq->num) {
            virtio_error(vdev, "queue %u: packed chain from slot %u is "
                         "longer than the ring (%u)", vq->queue_index,
                         vq->last_avail_idx, vq->num);
            return NULL;
        }
        if (++slot == vq->num) {
            slot = 0;
            wrap = !wrap;
        }
        if (d.flags & VRING_DESC_F_INDIRECT) {
            dma_addr_t table = d.addr;

            if (ndescs > 1) {
                virtio_error(vdev, "queue %u: indirect descriptor inside "
                             "a chain", vq->queue_index);
                return NULL;
            }
            if (!indirect_ok(vq, &d, &n)) {
                return NULL;
            }
            for (unsigned int i = 0; i < n; i++) {
                VRingDesc e;

                if (!read_packed_desc(vq, table, i, &e)) {
                    return NULL;
                }
                if (e.flags & VRING_DESC_F_INDIRECT) {
                    virtio_error(vdev, "queue %u: nested indirect "
                                 "descriptor table", vq->queue_index);
                    return NULL;
                }
                if (!chain_add(vq, &e, segs, &nout, &nin, &total)) {
                    return NULL;
                }
            }
            break;
        }
        if (!chain_add(vq, &d, segs, &nout, &nin, &total)) {
            return NULL;
        }
        if (!(d.flags & VRING_DESC_F_NEXT)) {
            break;
        }
    }
    elem = elem_new(segs, nout, nin, d.next /* the id */, ndescs);
    vq->last_avail_idx = slot;
    vq->last_avail_wrap = wrap;
    vq->inuse++;
    return elem;
}

VirtQueueElement *virtqueue_pop(VirtQueue *vq)
{
    VirtIODevice *vdev = vq->vdev;

    if (vdev->broken || !virtio_queue_ready(vq)) {
        return NULL;
    }
    return virtio_vdev_has_feature(vdev, VIRTIO_F_RING_PACKED) ?
           packed_pop(vq) : split_pop(vq);
}

void virtqueue_unpop(VirtQueue *vq, const VirtQueueElement *elem)
{
    if (virtio_vdev_has_feature(vq->vdev, VIRTIO_F_RING_PACKED)) {
        if (vq->last_avail_idx < elem->ndescs) {
            vq->last_avail_idx += vq->num;
            vq->last_avail_wrap = !vq->last_avail_wrap;
        }
        vq->last_avail_idx -= elem->ndescs;
    } else {
        vq->last_avail_idx--;
    }
    vq->inuse--;
}

/*
 * Packed ring: the used descriptor goes in the next used slot, id and
 * length first, then the flags (AVAIL = USED = the used wrap counter)
 * that hand it to the driver; the slot advances by the chain's length.
 */
static void packed_push(VirtQueue *vq, const VirtQueueElement *elem,
                        unsigned int len)
{
    VirtIODevice *vdev = vq->vdev;
    dma_addr_t slot = vq->desc + (dma_addr_t)vq->used_idx * VRING_DESC_SIZE;
    uint8_t idlen[6];
    uint16_t flags = vq->used_wrap ? VRING_PACKED_DESC_F_AVAIL |
                                     VRING_PACKED_DESC_F_USED : 0;

    stl_le_p(idlen, len);
    stw_le_p(idlen + 4, elem->index);
    if (dma_memory_write(vdev->dma_as, slot + 8, idlen, sizeof(idlen),
                         vdev->dma_attrs) != MEMTX_OK) {
        virtio_error(vdev, "queue %u: used descriptor at 0x%" PRIx64
                     " unwritable", vq->queue_index, slot);
        return;
    }
    __atomic_thread_fence(__ATOMIC_RELEASE);
    if (len) {
        flags |= VRING_DESC_F_WRITE;
    }
    if (!vring_st16(vq, slot + 14, flags)) {
        return;
    }
    vq->used_idx += elem->ndescs;
    if (vq->used_idx >= vq->num) {
        vq->used_idx -= vq->num;
        vq->used_wrap = !vq->used_wrap;
    }
    if (vq->inuse) {
        vq->inuse--;
    }
}

void virtqueue_push(VirtQueue *vq, const VirtQueueElement *elem,
                    unsigned int len)
{
    VirtIODevice *vdev = vq->vdev;
    uint8_t ue[VRING_USED_ELEM_SIZE];
    dma_addr_t slot;

    if (vdev->broken || !vq->desc) {
        return;
    }
    if (virtio_vdev_has_feature(vdev, VIRTIO_F_RING_PACKED)) {
        packed_push(vq, elem, len);
        return;
    }
    stl_le_p(ue, elem->index);
    stl_le_p(ue + 4, len);
    slot = vq->used + 4 + VRING_USED_ELEM_SIZE * (vq->used_idx % vq->num);
    if (dma_memory_write(vdev->dma_as, slot, ue, sizeof(ue),
                         vdev->dma_attrs) != MEMTX_OK) {
        virtio_error(vdev, "queue %u: used ring at 0x%" PRIx64
                     " unwritable", vq->queue_index, slot);
        return;
    }
    /* The element is visible before the index that publishes it. */
    __atomic_thread_fence(__ATOMIC_RELEASE);
    vq->used_idx++;
    if (vq->inuse) {
        vq->inuse--;
    }
    /* A wrapped 16-bit distance makes the old signal point meaningless. */
    if ((uint16_t)(vq->used_idx - vq->signalled_used) == 0) {
        vq->signalled_used_valid = false;
    }
    vring_st16(vq, vq->used + 2, vq->used_idx);
}

size_t virtqueue_elem_out_size(const VirtQueueElement *elem)
{
    size_t n = 0;

    for (unsigned int i = 0; i < elem->out_num; i++) {
        n += elem->out_sg[i].len;
    }
    return n;
}

size_t virtqueue_elem_in_size(const VirtQueueElement *elem)
{
    size_t n = 0;

    for (unsigned int i = 0; i < elem->in_num; i++) {
        n += elem->in_sg[i].len;
    }
    return n;
}

static size_t elem_copy(VirtIODevice *vdev, const VirtQueueSeg *sg,
                        unsigned int num, size_t offset, void *buf,
                        size_t len, bool is_write)
{
    size_t done = 0;

    for (unsigned int i = 0; i < num && done < len; i++) {
        size_t chunk;

        if (offset >= sg[i].len) {
            offset -= sg[i].len;
            continue;
        }
        chunk = MIN(sg[i].len - offset, len - done);
        if (dma_memory_rw(vdev->dma_as, sg[i].addr + offset,
                          (uint8_t *)buf + done, chunk, is_write,
                          vdev->dma_attrs) != MEMTX_OK) {
            virtio_error(vdev, "DMA %s 0x%" PRIx64 "+0x%zx failed",
                         is_write ? "to" : "from", sg[i].addr + offset,
                         chunk);
            return done;
        }
        done += chunk;
        offset = 0;
    }
    return done;
}

size_t virtqueue_elem_read(VirtIODevice *vdev, const VirtQueueElement *elem,
                           size_t offset, void *buf, size_t len)
{
    return elem_copy(vdev, elem->out_sg, elem->out_num, offset, buf, len,
                     false);
}

size_t virtqueue_elem_write(VirtIODevice *vdev, const VirtQueueElement *elem,
                            size_t offset, const void *buf, size_t len)
{
    return elem_copy(vdev, elem->in_sg, elem->in_num, offset, (void *)buf,
                     len, true);
}

int virtqueue_elem_map(VirtIODevice *vdev, const VirtQueueElement *elem,
                       bool in, size_t offset, size_t len,
                       struct iovec *iov, int max)
{
    const VirtQueueSeg *sg = in ? elem->in_sg : elem->out_sg;
    unsigned int num = in ? elem->in_num : elem->out_num;
    int n = 0;

    for (unsigned int i = 0; i < num && len; i++) {
        dma_addr_t addr;
        size_t left;

        if (offset >= sg[i].len) {
            offset -= sg[i].len;
            continue;
        }
        addr = sg[i].addr + offset;
        left = MIN(sg[i].len - offset, len);
        offset = 0;
        while (left) {
            hwaddr l = left;
            void *p;

            if (n == max) {
                goto fail;
            }
            p = address_space_map(vdev->dma_as, addr, &l, in, vdev->dma_attrs);
            if (!p) {
                goto fail;
            }
            if (!memory_region_from_host(p, NULL)) {
                /* a bounce buffer: let the copying path do it, and report */
                address_space_unmap(vdev->dma_as, p, l, false, 0);
                goto fail;
            }
            iov[n].iov_base = p;
            iov[n].iov_len = l;
            n++;
            addr += l;
            left -= l;
            len -= l;
        }
    }
    if (len) {
        goto fail;
    }
    return n;
fail:
    virtqueue_elem_unmap(vdev, iov, n, false, 0);
    return -1;
}

void virtqueue_elem_unmap(VirtIODevice *vdev, struct iovec *iov, int n,
                          bool in, size_t done)
{
    for (int i = 0; i < n; i++) {
        size_t l = MIN(done, iov[i].iov_len);

        address_space_unmap(vdev->dma_as, iov[i].iov_base, iov[i].iov_len,
                            in, l);
        done -= l;
    }
}

/* ---------------------------------------------------------------- */
/* Interrupts */

static bool vring_need_event(uint16_t event, uint16_t new, uint16_t old)
{
    return (uint16_t)(new - event - 1) < (uint16_t)(new - old);
}

/*
 * Packed ring: the driver's event suppression structure (at the driver
 * area): off_wrap (slot and wrap counter) and flags ENABLE, DISABLE or
 * DESC (interrupt once the used slot passes off_wrap; EVENT_IDX only).
 * An event slot of the other lap is moved back by the ring size; when the
 * used slot itself wrapped since the last interrupt the 16-bit distance is
 * huge and the answer errs towards interrupting.
 */
static bool packed_should_notify(VirtIODevice *vdev, VirtQueue *vq)
{
    uint16_t off_wrap, flags, off, old, new;
    bool valid = vq->signalled_used_valid;

    old = vq->signalled_used;
    new = vq->signalled_used = vq->used_idx;
    vq->signalled_used_valid = true;
    if (!vring_ld16(vq, vq->avail + 2, &flags)) {
        return false;
    }
    if (flags == VRING_PACKED_EVENT_FLAG_DISABLE) {
        return false;
    }
    if (flags != VRING_PACKED_EVENT_FLAG_DESC ||
        !virtio_vdev_has_feature(vdev, VIRTIO_RING_F_EVENT_IDX)) {
        return true;
    }
    if (!vring_ld16(vq, vq->avail, &off_wrap)) {
        return false;
    }
    off = off_wrap & ~(1u << VRING_PACKED_EVENT_F_WRAP_CTR);
    if (!!(off_wrap >> VRING_PACKED_EVENT_F_WRAP_CTR) != vq->used_wrap) {
        off -= vq->num;
    }
    return !valid || vring_need_event(off, new, old);
}

static bool virtio_should_notify(VirtIODevice *vdev, VirtQueue *vq)
{
    uint16_t flags, event, old, new;
    bool valid;

    if (virtio_vdev_has_feature(vdev, VIRTIO_F_RING_PACKED)) {
        return packed_should_notify(vdev, vq);
    }

    if (virtio_vdev_has_feature(vdev, VIRTIO_F_NOTIFY_ON_EMPTY) &&
        !vq->inuse && virtio_queue_empty(vq)) {
        return true;
    }
    if (!virtio_vdev_has_feature(vdev, VIRTIO_RING_F_EVENT_IDX)) {
        if (!vring_ld16(vq, vq->avail, &flags)) {
            return false;
        }
        return !(flags & VRING_AVAIL_F_NO_INTERRUPT);
    }
    valid = vq->signalled_used_valid;
    old = vq->signalled_used;
    new = vq->signalled_used = vq->used_idx;
    vq->signalled_used_valid = true;
    if (!vring_ld16(vq, vq->avail + 4 + 2 * vq->num, &event)) {
        return false;
    }
    return !valid || vring_need_event(event, new, old);
}

void virtio_notify(VirtIODevice *vdev, VirtQueue *vq)
{
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (vdev->broken || !virtio_should_notify(vdev, vq)) {
        return;
    }
    vdev->isr |= VIRTIO_ISR_QUEUE;
    if (vdev->transport.notify) {
        vdev->transport.notify(vdev->transport.opaque, vq->vector);
    }
}

void virtio_notify_config(VirtIODevice *vdev)
{
    if (!(vdev->status & VIRTIO_CONFIG_S_DRIVER_OK) &&
        !(vdev->status & VIRTIO_CONFIG_S_NEEDS_RESET)) {
        return;
    }
    vdev->generation++;
    vdev->isr |= VIRTIO_ISR_CONFIG;
    if (vdev->transport.notify) {
        vdev->transport.notify(vdev->transport.opaque, vdev->config_vector);
    }
}

uint8_t virtio_isr_read_and_clear(VirtIODevice *vdev)
{
    uint8_t isr = vdev->isr;

    vdev->isr = 0;
    return isr;
}

/* ---------------------------------------------------------------- */
/* Transport side: features, status, rings, config */

uint64_t virtio_host_features(VirtIODevice *vdev)
{
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_GET_CLASS(vdev);
    uint64_t f = (1ULL << VIRTIO_RING_F_INDIRECT_DESC) |
                 (1ULL << VIRTIO_RING_F_EVENT_IDX);

    if (!vdev->legacy) {
        f |= 1ULL << VIRTIO_F_VERSION_1;
        if (vdev->packed) {
            f |= 1ULL << VIRTIO_F_RING_PACKED;
        }
    } else {
        f |= (1ULL << VIRTIO_F_NOTIFY_ON_EMPTY) | (1ULL << VIRTIO_F_ANY_LAYOUT);
    }
    if (vdc->get_features) {
        f = vdc->get_features(vdev, f);
    }
    return f;
}

bool virtio_set_features(VirtIODevice *vdev, uint64_t features)
{
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_GET_CLASS(vdev);
    uint64_t host = virtio_host_features(vdev);

    if (vdev->status & VIRTIO_CONFIG_S_FEATURES_OK) {
        log_mask(LOG_GUEST_ERROR, "%s: features written after FEATURES_OK\n",
                 vdev->name);
        return false;
    }
    if (features & ~host) {
        log_mask(LOG_GUEST_ERROR, "%s: driver features 0x%" PRIx64
                 " not offered (offered 0x%" PRIx64 ")\n", vdev->name,
                 features, host);
        features &= host;
        vdev->guest_features = features;
        if (vdc->set_features) {
            vdc->set_features(vdev, features);
        }
        return false;
    }
    vdev->guest_features = features;
    if (vdc->set_features) {
        vdc->set_features(vdev, features);
    }
    return true;
}

void virtio_set_status(VirtIODevice *vdev, uint8_t val)
{
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_GET_CLASS(vdev);

    if (val == 0) {
        virtio_reset(vdev);
        return;
    }
    if ((val & VIRTIO_CONFIG_S_FEATURES_OK) &&
        !(vdev->status & VIRTIO_CONFIG_S_FEATURES_OK) && !vdev->legacy &&
        !virtio_vdev_has_feature(vdev, VIRTIO_F_VERSION_1)) {
        /* A modern transport needs a modern driver: refuse FEATURES_OK. */
        log_mask(LOG_GUEST_ERROR, "%s: FEATURES_OK without VERSION_1\n",
                 vdev->name);
        val &= ~VIRTIO_CONFIG_S_FEATURES_OK;
    }
    /* NEEDS_RESET is the device's to set; keep it while broken. */
    val &= ~VIRTIO_CONFIG_S_NEEDS_RESET;
    vdev->status = val | (vdev->status & VIRTIO_CONFIG_S_NEEDS_RESET);
    if (vdc->set_status) {
        vdc->set_status(vdev, vdev->status);
    }
}

void virtio_reset(VirtIODevice *vdev)
{
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_GET_CLASS(vdev);

    if (vdc->reset) {
        vdc->reset(vdev);
    }
    vdev->status = 0;
    vdev->isr = 0;
    vdev->broken = false;
    vdev->guest_features = 0;
    vdev->config_vector = VIRTIO_NO_VECTOR;
    for (unsigned int i = 0; i < VIRTIO_QUEUE_MAX; i++) {
        VirtQueue *vq = &vdev->vq[i];

        vq->num = vq->num_max;
        vq->ready = false;
        vq->desc = vq->avail = vq->used = 0;
        vq->last_avail_idx = vq->used_idx = 0;
        vq->last_avail_wrap = vq->used_wrap = true;
        vq->signalled_used = 0;
        vq->signalled_used_valid = false;
        vq->inuse = 0;
        vq->vector = VIRTIO_NO_VECTOR;
        vq->legacy_align = 0;
        vq->legacy_pfn = 0;
    }
    if (vdev->transport.notify) {
        /* Drop a level-triggered line the ISR held up. */
        vdev->transport.notify(vdev->transport.opaque, VIRTIO_NO_VECTOR);
    }
}

void virtio_queue_notify(VirtIODevice *vdev, unsigned int n)
{
    VirtQueue *vq;

    if (n >= VIRTIO_QUEUE_MAX || !vdev->vq[n].num_max) {
        log_mask(LOG_GUEST_ERROR, "%s: notify of queue %u that does not "
                 "exist\n", vdev->name, n);
        return;
    }
    vq = &vdev->vq[n];
    if (vdev->broken || !virtio_queue_ready(vq) || !vq->handle_output) {
        return;
    }
    vq->handle_output(vdev, vq);
}

void virtio_queue_set_rings(VirtIODevice *vdev, unsigned int n,
                            dma_addr_t desc, dma_addr_t avail,
                            dma_addr_t used)
{
    VirtQueue *vq = &vdev->vq[n];

    vq->desc = desc;
    vq->avail = avail;
    vq->used = used;
}

bool virtio_queue_set_num(VirtIODevice *vdev, unsigned int n, uint32_t num)
{
    VirtQueue *vq = &vdev->vq[n];

    if (!vq->num_max) {
        return false;
    }
    /* A packed ring may have any size; a split one a power of two. */
    if (num == 0 || num > vq->num_max ||
        (!virtio_vdev_has_feature(vdev, VIRTIO_F_RING_PACKED) &&
         (num & (num - 1)))) {
        log_mask(LOG_GUEST_ERROR, "%s: queue %u size %u invalid (max %u%s)\n",
                 vdev->name, n, num, vq->num_max,
                 virtio_vdev_has_feature(vdev, VIRTIO_F_RING_PACKED) ? "" :
                 ", power of two");
        return false;
    }
    vq->num = num;
    return true;
}

void virtio_queue_set_legacy_addr(VirtIODevice *vdev, unsigned int n,
                                  dma_addr_t pa, uint32_t align)
{
    VirtQueue *vq = &vdev->vq[n];
    dma_addr_t avail, used;

    if (!pa) {
        virtio_queue_set_rings(vdev, n, 0, 0, 0);
        return;
    }
    avail = pa + (dma_addr_t)vq->num * VRING_DESC_SIZE;
    used = avail + 4 + 2 * vq->num + 2;
    if (align) {
        used = (used + align - 1) & ~((dma_addr_t)align - 1);
    }
    virtio_queue_set_rings(vdev, n, pa, avail, used);
}

uint32_t virtio_config_read(VirtIODevice *vdev, uint32_t addr, unsigned size)
{
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_GET_CLASS(vdev);

    if (addr + size > vdev->config_len || addr + size < addr) {
        log_mask(LOG_GUEST_ERROR, "%s: config read at 0x%x+%u past %zu\n",
                 vdev->name, addr, size, vdev->config_len);
        return 0;
    }
    if (vdc->get_config) {
        vdc->get_config(vdev, vdev->config);
    }
    switch (size) {
    case 1:
        return vdev->config[addr];
    case 2:
        return lduw_le_p(vdev->config + addr);
    default:
        return ldl_le_p(vdev->config + addr);
    }
}

void virtio_config_write(VirtIODevice *vdev, uint32_t addr, uint32_t val,
                         unsigned size)
{
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_GET_CLASS(vdev);

    if (addr + size > vdev->config_len || addr + size < addr) {
        log_mask(LOG_GUEST_ERROR, "%s: config write at 0x%x+%u past %zu\n",
                 vdev->name, addr, size, vdev->config_len);
        return;
    }
    switch (size) {
    case 1:
        vdev->config[addr] = val;
        break;
    case 2:
        stw_le_p(vdev->config + addr, val);
        break;
    default:
        stl_le_p(vdev->config + addr, val);
        break;
    }
    if (vdc->set_config) {
        vdc->set_config(vdev, vdev->config);
    }
}

/* ---------------------------------------------------------------- */
/* Device life */

void virtio_init(VirtIODevice *vdev, uint16_t device_id, size_t config_size)
{
    vdev->device_id = device_id;
    vdev->config_len = config_size;
    vdev->config = config_size ? g_malloc0(config_size) : NULL;
    vdev->config_vector = VIRTIO_NO_VECTOR;
    vdev->name = object_get_typename(OBJECT(vdev));
    for (unsigned int i = 0; i < VIRTIO_QUEUE_MAX; i++) {
        vdev->vq[i].last_avail_wrap = vdev->vq[i].used_wrap = true;
        vdev->vq[i].vdev = vdev;
        vdev->vq[i].queue_index = i;
        vdev->vq[i].vector = VIRTIO_NO_VECTOR;
    }
}

void virtio_cleanup(VirtIODevice *vdev)
{
    g_free(vdev->config);
    vdev->config = NULL;
}

static void virtio_device_realize(DeviceState *dev, GError **errp)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(dev);
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_GET_CLASS(vdev);
    VirtioBusState *bus;
    GError *err = NULL;

    if (!dev->parent_bus) {
        error_setg(errp, "%s: needs a virtio bus (a virtio-mmio or "
                   "virtio-pci transport)", object_get_typename(OBJECT(dev)));
        return;
    }
    bus = VIRTIO_BUS(dev->parent_bus);
    vdev->dma_as = &address_space_memory;
    vdev->dma_attrs = MEMTXATTRS_UNSPECIFIED;
    if (vdc->realize) {
        vdc->realize(vdev, &err);
        if (err) {
            g_propagate_error(errp, err);
            return;
        }
    }
    if (bus->plugged) {
        bus->plugged(bus->proxy, vdev, &err);
        if (err) {
            if (vdc->unrealize) {
                vdc->unrealize(vdev);
            }
            g_propagate_error(errp, err);
        }
    }
}

static void virtio_device_unrealize(DeviceState *dev)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(dev);
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_GET_CLASS(vdev);
    VirtioBusState *bus = dev->parent_bus ? VIRTIO_BUS(dev->parent_bus) : NULL;

    if (bus && bus->unplugged) {
        bus->unplugged(bus->proxy, vdev);
    }
    if (vdc->unrealize) {
        vdc->unrealize(vdev);
    }
    virtio_cleanup(vdev);
}

static void virtio_device_reset(DeviceState *dev)
{
    virtio_reset(VIRTIO_DEVICE(dev));
}

/*
 * Migration of the core state every virtio device shares. Elements a
 * device popped and still holds (an RX buffer waiting for input) are not
 * state of the stream: the destination sees them as not yet taken and
 * pops them again (stop-and-copy leaves none half-processed).
 */
static int virtio_device_pre_save(void *opaque)
{
    VirtIODevice *vdev = opaque;

    for (int i = 0; i < VIRTIO_QUEUE_MAX; i++) {
        VirtQueue *vq = &vdev->vq[i];

        if (virtio_vdev_has_feature(vdev, VIRTIO_F_RING_PACKED)) {
            /* Devices complete in order: the first held element is the
             * one the next used slot will return. */
            vq->mig_last_avail_idx = vq->inuse ? vq->used_idx
                                               : vq->last_avail_idx;
            vq->mig_last_avail_wrap = vq->inuse ? vq->used_wrap
                                                : vq->last_avail_wrap;
        } else {
            vq->mig_last_avail_idx = vq->last_avail_idx - vq->inuse;
            vq->mig_last_avail_wrap = true;
        }
    }
    return 0;
}

static int virtio_device_post_load(void *opaque, int version_id)
{
    VirtIODevice *vdev = opaque;

    for (int i = 0; i < VIRTIO_QUEUE_MAX; i++) {
        VirtQueue *vq = &vdev->vq[i];
        vq->last_avail_idx = vq->mig_last_avail_idx;
        vq->last_avail_wrap = vq->mig_last_avail_wrap;
        vq->inuse = 0;
        if (vq->num > vq->num_max) {
            return -1;
        }
    }
    return 0;
}

static const VMStateDescription vmstate_virtqueue = {
    .name = "virtqueue",
    .version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT16(num, VirtQueue),
        VMSTATE_BOOL(ready, VirtQueue),
        VMSTATE_UINT64(desc, VirtQueue),
        VMSTATE_UINT64(avail, VirtQueue),
        VMSTATE_UINT64(used, VirtQueue),
        VMSTATE_UINT16(mig_last_avail_idx, VirtQueue),
        VMSTATE_UINT16(used_idx, VirtQueue),
        VMSTATE_UINT16(signalled_used, VirtQueue),
        VMSTATE_BOOL(signalled_used_valid, VirtQueue),
        VMSTATE_UINT16(vector, VirtQueue),
        VMSTATE_UINT32(legacy_align, VirtQueue),
        VMSTATE_UINT32(legacy_pfn, VirtQueue),
        VMSTATE_BOOL(mig_last_avail_wrap, VirtQueue),
        VMSTATE_BOOL(used_wrap, VirtQueue),
        VMSTATE_END_OF_LIST()
    },
};

/* Each device type embeds it in its own table (VMSTATE_VIRTIO_DEVICE). */
const VMStateDescription vmstate_virtio_device = {
    .name = "virtio",
    .version_id = 1,
    .pre_save = virtio_device_pre_save,
    .post_load = virtio_device_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8(status, VirtIODevice),
        VMSTATE_UINT8(isr, VirtIODevice),
        VMSTATE_UINT8(generation, VirtIODevice),
        VMSTATE_BOOL(broken, VirtIODevice),
        VMSTATE_UINT64(guest_features, VirtIODevice),
        VMSTATE_UINT16(config_vector, VirtIODevice),
        VMSTATE_STRUCT_ARRAY(vq, VirtIODevice, vmstate_virtqueue, VirtQueue),
        VMSTATE_END_OF_LIST()
    },
};

static Property virtio_device_props[] = {
    DEFINE_PROP_BOOL("packed", VirtIODevice, packed, false),
    DEFINE_PROP_END_OF_LIST(),
};

static void virtio_device_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    device_class_set_props(dc, virtio_device_props);
    dc->realize = virtio_device_realize;
    dc->unrealize = virtio_device_unrealize;
    dc->reset = virtio_device_reset;
    dc->bus_type = TYPE_VIRTIO_BUS;
    dc->user_creatable = true;
}

/* ---------------------------------------------------------------- */
/* The bus */

void virtio_bus_init(VirtioBusState *bus, DeviceState *proxy,
                     const char *name,
                     void (*plugged)(void *proxy, VirtIODevice *vdev,
                                     GError **errp),
                     void (*unplugged)(void *proxy, VirtIODevice *vdev))
{
    qbus_init(bus, sizeof(*bus), TYPE_VIRTIO_BUS, proxy, name);
    bus->plugged = plugged;
    bus->unplugged = unplugged;
    bus->proxy = proxy;
}

VirtIODevice *virtio_bus_get_device(VirtioBusState *bus)
{
    BusState *b = BUS(bus);

    return b->children ? VIRTIO_DEVICE(b->children->child) : NULL;
}

static void virtio_bus_class_init(ObjectClass *klass, void *data)
{
    BusClass *bc = BUS_CLASS(klass);

    bc->desc = "virtio";
    bc->max_dev = 1;
}

static const TypeInfo virtio_device_info = {
    .name = TYPE_VIRTIO_DEVICE,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(VirtIODevice),
    .abstract = true,
    .class_size = sizeof(VirtioDeviceClass),
    .class_init = virtio_device_class_init,
};

static const TypeInfo virtio_bus_info = {
    .name = TYPE_VIRTIO_BUS,
    .parent = TYPE_BUS,
    .instance_size = sizeof(VirtioBusState),
    .class_init = virtio_bus_class_init,
};

static void virtio_register_types(void)
{
    type_register_static(&virtio_device_info);
    type_register_static(&virtio_bus_info);
}

type_init(virtio_register_types)
