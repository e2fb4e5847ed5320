/*
 * mmio-testdev.c - a test device that records every access it receives.
 *
 * It exists to prove the width contract: a qtest "readw", an HMP "xp /1h"
 * or a guest 16-bit load must reach a device as one 2-byte access, never as
 * two byte accesses or part of a wider one. The device accepts and
 * implements sizes 1..8, so the memory core has no reason to reshape
 * anything, and it logs (offset, size, value, read/write) for each call.
 *
 * Layout of the region (default size 0x1000, little-endian):
 *   0x000 .. 0xeff  scratch bytes: reads return what was written (logged)
 *   0xf00  LOG_COUNT  read: entries logged so far; write: clear the log
 *   0xf08  LOG_INDEX  write: pick entry i for the three below
 *   0xf10  LOG_OFFSET offset of entry i
 *   0xf18  LOG_INFO   size | is_write << 8
 *   0xf20  LOG_VALUE  value of entry i
 * Accesses to 0xf00 and above are not logged. QMP x-mmio-testdev-log
 * returns the same log as a list ({"clear": true} empties it).
 *
 * Creating it: mmio_testdev_map(addr, size) from a board or test harness;
 * "-device mmio-testdev,addr=0x..." once the object model has qdev_new().
 */
#include "util/osdep.h"
#include "exec/memory.h"
#include "monitor/monitor.h"
#include "util/log.h"
#include "util/module.h"

#define MMIO_TESTDEV_SIZE   0x1000
#define REG_LOG_COUNT       0xf00
#define REG_LOG_INDEX       0xf08
#define REG_LOG_OFFSET      0xf10
#define REG_LOG_INFO        0xf18
#define REG_LOG_VALUE       0xf20
#define LOG_MAX             4096

typedef struct {
    uint64_t offset;
    uint64_t value;
    uint8_t size;
    bool is_write;
} TestdevAccess;

typedef struct MmioTestdev {
    MemoryRegion iomem;
    hwaddr base;
    uint64_t size;
    uint8_t *scratch;
    TestdevAccess log[LOG_MAX];
    unsigned log_count;
    unsigned log_index;
} MmioTestdev;

static GSList *testdevs;

static void testdev_record(MmioTestdev *s, hwaddr off, unsigned size,
                           uint64_t val, bool is_write)
{
    if (s->log_count < LOG_MAX) {
        s->log[s->log_count++] = (TestdevAccess) {
            .offset = off, .value = val, .size = size, .is_write = is_write,
        };
    }
}

static uint64_t testdev_read(void *opaque, hwaddr off, unsigned size)
{
    MmioTestdev *s = opaque;
    uint64_t val = 0;

    if (off >= REG_LOG_COUNT && off < MMIO_TESTDEV_SIZE) {
        TestdevAccess *e = s->log_index < s->log_count ? &s->log[s->log_index]
                                                       : NULL;
        switch (off) {
        case REG_LOG_COUNT: return s->log_count;
        case REG_LOG_INDEX: return s->log_index;
        case REG_LOG_OFFSET: return e ? e->offset : 0;
        case REG_LOG_INFO: return e ? (e->size | (uint64_t)e->is_write << 8) : 0;
        case REG_LOG_VALUE: return e ? e->value : 0;
        default: return 0;
        }
    }
    for (unsigned i = 0; i < size; i++) {
        if (off + i < s->size && off + i < REG_LOG_COUNT) {
            val |= (uint64_t)s->scratch[off + i] << (8 * i);
        }
    }
    testdev_record(s, off, size, val, false);
    return val;
}

static void testdev_write(void *opaque, hwaddr off, uint64_t val, unsigned size)
{
    MmioTestdev *s = opaque;

    if (off >= REG_LOG_COUNT && off < MMIO_TESTDEV_SIZE) {
        if (off == REG_LOG_COUNT) {
            s->log_count = 0;
        } else if (off == REG_LOG_INDEX) {
            s->log_index = val;
        } else {
            log_mask(LOG_GUEST_ERROR, "mmio-testdev: write to read-only "
                     "register 0x%" HWADDR_PRIx "\n", off);
        }
        return;
    }
    for (unsigned i = 0; i < size; i++) {
        if (off + i < s->size && off + i < REG_LOG_COUNT) {
            s->scratch[off + i] = val >> (8 * i);
        }
    }
    testdev_record(s, off, size, val, true);
}

static const MemoryRegionOps testdev_ops = {
    .read = testdev_read,
    .write = testdev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
    .impl = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
};

/* Create a test device and map it at @addr in system memory. */
MemoryRegion *mmio_testdev_map(hwaddr addr, uint64_t size);
MemoryRegion *mmio_testdev_map(hwaddr addr, uint64_t size)
{
    MmioTestdev *s = g_new0(MmioTestdev, 1);

    if (size < MMIO_TESTDEV_SIZE) {
        size = MMIO_TESTDEV_SIZE;
    }
    s->base = addr;
    s->size = size;
    s->scratch = g_malloc0(size);
    memory_region_init_io(&s->iomem, NULL, &testdev_ops, s, "mmio-testdev",
                          size);
    memory_region_add_subregion(get_system_memory(), addr, &s->iomem);
    testdevs = g_slist_append(testdevs, s);
    return &s->iomem;
}

static JsonNode *qmp_x_mmio_testdev_log(JsonObject *args, GError **errp)
{
    JsonArray *a = json_array_new();
    bool clear = json_object_has_member(args, "clear") &&
                 json_object_get_boolean_member(args, "clear");
    JsonNode *n;

    for (GSList *l = testdevs; l; l = l->next) {
        MmioTestdev *s = l->data;

        for (unsigned i = 0; i < s->log_count; i++) {
            JsonObject *o = json_object_new();

            json_object_set_int_member(o, "addr", s->base + s->log[i].offset);
            json_object_set_int_member(o, "offset", s->log[i].offset);
            json_object_set_int_member(o, "size", s->log[i].size);
            /* JSON numbers are doubles in many clients: also as hex text. */
            json_object_set_int_member(o, "value", (gint64)s->log[i].value);
            {
                char hex[24];
                snprintf(hex, sizeof(hex), "0x%" PRIx64, s->log[i].value);
                json_object_set_string_member(o, "value-hex", hex);
            }
            json_object_set_boolean_member(o, "write", s->log[i].is_write);
            json_array_add_object_element(a, o);
        }
        if (clear) {
            s->log_count = 0;
        }
    }
    n = json_node_init_array(json_node_alloc(), a);
    json_array_unref(a);
    return n;
}

static void mmio_testdev_register(void)
{
    qmp_register_command("x-mmio-testdev-log", qmp_x_mmio_testdev_log);
}
type_init(mmio_testdev_register)
