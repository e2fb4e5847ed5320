/*
 * ram-device-testdev.c - a host buffer mapped as a ram_device region, with
 * a log of every access that reaches it, readable by the guest.
 *
 * It pins down the width contract from the CPU side (DESIGN.md, "How a
 * guest access flows"): a guest load or store to ram_device memory must
 * reach it as the architecture's single-copy-atomic pieces, each one host
 * access of that width, never merged, split further or memcpy'd. A guest
 * test (tests/guest/aarch64/widths.c) performs each load/store form and
 * reads the log back through a register window.
 *
 * How accesses are seen: the data region is a real ram_device region
 * (memory_region_init_ram_device_ptr), so the path under test is exactly
 * the one vfio BARs take. The memory core reports every ram_device
 * callback to the global access-trace hook (memory_region_set_access_trace)
 * and this device installs that hook and keeps the entries whose region is
 * its own. Consequence: only one user of the hook at a time; a test that
 * installs its own hook turns this log off.
 *
 *     -device ram-device-testdev,addr=0x0a100000[,size=0x1000]
 *
 * Layout: [addr, addr+size)           the ram_device buffer (size: a
 *                                     multiple of 4 KiB)
 *         [addr+size, addr+size+4K)   the log window, little endian,
 *                                     accesses of 4 or 8 bytes:
 *   0x00  LOG_COUNT   read: entries logged; write: clear the log
 *   0x08  LOG_INDEX   read/write: which entry the three below show
 *   0x10  LOG_OFFSET  offset of that entry in the buffer
 *   0x18  LOG_INFO    size in bytes | is_write << 8
 *   0x20  LOG_VALUE   value read or written
 *   0x28  LOG_LOST    entries dropped because the log was full
 *   0x30  BUF_SIZE    size of the buffer
 * Window accesses are not logged (they are a different region).
 */
#include "util/osdep.h"
#include <sys/mman.h>
#include "exec/memory.h"
#include "hw/sysbus.h"
#include "hw/qdev-properties.h"
#include "util/error.h"
#include "util/log.h"
#include "util/module.h"

#define REG_LOG_COUNT       0x00
#define REG_LOG_INDEX       0x08
#define REG_LOG_OFFSET      0x10
#define REG_LOG_INFO        0x18
#define REG_LOG_VALUE       0x20
#define REG_LOG_LOST        0x28
#define REG_BUF_SIZE        0x30
#define WINDOW_SIZE         0x1000
#define DEFAULT_SIZE        0x1000
#define LOG_MAX             4096

#define TYPE_RAM_DEVICE_TESTDEV "ram-device-testdev"

typedef struct {
    uint64_t offset;
    uint64_t value;
    uint8_t size;
    bool is_write;
} RamDevAccess;

typedef struct RamDeviceTestdev {
    SysBusDevice parent_obj;
    MemoryRegion buf_mr;        /* ram_device over @buf */
    MemoryRegion window;        /* the log registers */
    uint64_t base;              /* property "addr" */
    uint64_t size;              /* property "size" */
    void *buf;                  /* mmap'd, page aligned like a BAR */
    RamDevAccess log[LOG_MAX];
    unsigned log_count;
    uint64_t log_index;
    uint64_t log_lost;
} RamDeviceTestdev;

/* Realized instances, for the trace hook (which has no opaque). */
static GSList *ramdev_list;

static void ramdev_trace(MemoryRegion *mr, hwaddr addr, unsigned size,
                         uint64_t value, bool is_write)
{
    for (GSList *l = ramdev_list; l; l = l->next) {
        RamDeviceTestdev *s = l->data;

        if (mr != &s->buf_mr) {
            continue;
        }
        if (s->log_count < LOG_MAX) {
            s->log[s->log_count++] = (RamDevAccess) {
                .offset = addr, .value = value, .size = size,
                .is_write = is_write,
            };
        } else {
            s->log_lost++;
        }
        return;
    }
}

static uint64_t window_read(void *opaque, hwaddr off, unsigned size)
{
    RamDeviceTestdev *s = opaque;
    RamDevAccess *e = s->log_index < s->log_count ? &s->log[s->log_index]
                                                  : NULL;

    switch (off) {
    case REG_LOG_COUNT:
        return s->log_count;
    case REG_LOG_INDEX:
        return s->log_index;
    case REG_LOG_OFFSET:
        return e ? e->offset : 0;
    case REG_LOG_INFO:
        return e ? (e->size | (uint64_t)e->is_write << 8) : 0;
    case REG_LOG_VALUE:
        return e ? e->value : 0;
    case REG_LOG_LOST:
        return s->log_lost;
    case REG_BUF_SIZE:
        return s->size;
    default:
        log_mask(LOG_GUEST_ERROR, "ram-device-testdev: read of unknown "
                 "register 0x%" HWADDR_PRIx "\n", off);
        return 0;
    }
}

static void window_write(void *opaque, hwaddr off, uint64_t val,
                         unsigned size)
{
    RamDeviceTestdev *s = opaque;

    switch (off) {
    case REG_LOG_COUNT:
        s->log_count = 0;
        s->log_lost = 0;
        break;
    case REG_LOG_INDEX:
        s->log_index = val;
        break;
    default:
        log_mask(LOG_GUEST_ERROR, "ram-device-testdev: write to read-only "
                 "or unknown register 0x%" HWADDR_PRIx "\n", off);
        break;
    }
}

static const MemoryRegionOps window_ops = {
    .read = window_read,
    .write = window_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 8 },
};

static void ramdev_realize(DeviceState *dev, GError **errp)
{
    RamDeviceTestdev *s = (RamDeviceTestdev *)dev;
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);

    if (s->size == 0 || s->size % 0x1000 || s->size > (1ull << 30)) {
        error_setg(errp, "ram-device-testdev: size must be a non-zero "
                   "multiple of 0x1000 up to 1 GiB");
        return;
    }
    s->buf = mmap(NULL, s->size, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (s->buf == MAP_FAILED) {
        s->buf = NULL;
        error_setg(errp, "ram-device-testdev: cannot map 0x%" PRIx64
                   " bytes: %s", s->size, g_strerror(errno));
        return;
    }
    memory_region_init_ram_device_ptr(&s->buf_mr, OBJECT(dev),
                                      "ram-device-testdev.buf", s->size,
                                      s->buf);
    memory_region_init_io(&s->window, OBJECT(dev), &window_ops, s,
                          "ram-device-testdev.log", WINDOW_SIZE);
    sysbus_init_mmio(sbd, &s->buf_mr);
    sysbus_init_mmio(sbd, &s->window);
    if (s->base != UINT64_MAX) {
        sysbus_mmio_map(sbd, 0, s->base);
        sysbus_mmio_map(sbd, 1, s->base + s->size);
    }
    ramdev_list = g_slist_append(ramdev_list, s);
    memory_region_set_access_trace(ramdev_trace);
}

static void ramdev_unrealize(DeviceState *dev)
{
    RamDeviceTestdev *s = (RamDeviceTestdev *)dev;

    ramdev_list = g_slist_remove(ramdev_list, s);
    if (!ramdev_list) {
        memory_region_set_access_trace(NULL);
    }
    if (s->base != UINT64_MAX) {
        sysbus_mmio_unmap(SYS_BUS_DEVICE(dev), 1);
        sysbus_mmio_unmap(SYS_BUS_DEVICE(dev), 0);
    }
    /* The regions still point at buf until the object goes: see finalize. */
}

static void ramdev_finalize(Object *obj)
{
    RamDeviceTestdev *s = (RamDeviceTestdev *)obj;

    if (s->buf) {
        munmap(s->buf, s->size);
        s->buf = NULL;
    }
}

static void ramdev_reset(DeviceState *dev)
{
    RamDeviceTestdev *s = (RamDeviceTestdev *)dev;

    s->log_count = 0;
    s->log_index = 0;
    s->log_lost = 0;
}

static Property ramdev_props[] = {
    DEFINE_PROP_UINT64("addr", RamDeviceTestdev, base, UINT64_MAX),
    DEFINE_PROP_SIZE("size", RamDeviceTestdev, size, DEFAULT_SIZE),
    DEFINE_PROP_END_OF_LIST(),
};

static void ramdev_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->desc = "ram_device buffer that logs each access (width tests)";
    dc->realize = ramdev_realize;
    dc->unrealize = ramdev_unrealize;
    dc->reset = ramdev_reset;
    dc->user_creatable = true;
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
    device_class_set_props(dc, ramdev_props);
}

static const TypeInfo ramdev_info = {
    .name = TYPE_RAM_DEVICE_TESTDEV,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(RamDeviceTestdev),
    .instance_finalize = ramdev_finalize,
    .class_init = ramdev_class_init,
};

static void ram_device_testdev_register(void)
{
    type_register_static(&ramdev_info);
}
type_init(ram_device_testdev_register)
