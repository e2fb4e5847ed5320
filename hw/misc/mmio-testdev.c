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
 *   0xf28  TIMER_ARM  write N: fire after N ns of virtual time (0: cancel)
 *   0xf30  TIMER_PERIOD  write N: re-arm every N ns after firing (0: one-shot)
 *   0xf38  TIMER_FIRED   read: times fired; write: clear and lower the IRQ
 *   0xf40  TIMER_LAST    virtual time (ns) of the last firing
 *   0xf48  GPIO_IN       bit n = level last driven into input line n
 * Accesses to 0xf00 and above are not logged. The timer raises output IRQ 0
 * ("sysbus-irq") when it fires; two unnamed GPIO inputs feed GPIO_IN. QMP
 * x-mmio-testdev-log returns the log as a list ({"clear": true} empties it).
 *
 *     -device mmio-testdev,addr=0x10000000[,size=0x1000][,id=td]
 * maps itself at addr (a test device has no board to place it).
 */
#include "util/osdep.h"
#include "exec/memory.h"
#include "hw/sysbus.h"
#include "hw/qdev-properties.h"
#include "hw/irq.h"
#include "sysemu/timer.h"
#include "monitor/monitor.h"
#include "util/error.h"
#include "util/log.h"
#include "util/module.h"

#define MMIO_TESTDEV_SIZE   0x1000
#define REG_LOG_COUNT       0xf00
#define REG_LOG_INDEX       0xf08
#define REG_LOG_OFFSET      0xf10
#define REG_LOG_INFO        0xf18
#define REG_LOG_VALUE       0xf20
#define REG_TIMER_ARM       0xf28
#define REG_TIMER_PERIOD    0xf30
#define REG_TIMER_FIRED     0xf38
#define REG_TIMER_LAST      0xf40
#define REG_GPIO_IN         0xf48
#define LOG_MAX             4096
#define NUM_GPIO_IN         2

#define TYPE_MMIO_TESTDEV "mmio-testdev"

typedef struct {
    uint64_t offset;
    uint64_t value;
    uint8_t size;
    bool is_write;
} TestdevAccess;

typedef struct MmioTestdev {
    SysBusDevice parent_obj;
    MemoryRegion iomem;
    uint64_t base;              /* property "addr" */
    uint64_t size;              /* property "size" */
    QEMUTimer *timer;
    int64_t timer_deadline;     /* ns, of the pending or last firing */
    uint64_t timer_period;
    uint64_t timer_fired;
    int64_t timer_last;
    uint64_t gpio_in;
    qemu_irq irq;
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
        case REG_TIMER_PERIOD: return s->timer_period;
        case REG_TIMER_FIRED: return s->timer_fired;
        case REG_TIMER_LAST: return s->timer_last;
        case REG_GPIO_IN: return s->gpio_in;
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
        } else if (off == REG_TIMER_ARM) {
            if (val) {
                s->timer_deadline = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) + val;
                timer_mod_ns(s->timer, s->timer_deadline);
            } else {
                timer_del(s->timer);
            }
        } else if (off == REG_TIMER_PERIOD) {
            s->timer_period = val;
        } else if (off == REG_TIMER_FIRED) {
            s->timer_fired = 0;
            qemu_irq_lower(s->irq);
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

static void testdev_timer_cb(void *opaque)
{
    MmioTestdev *s = opaque;

    s->timer_fired++;
    s->timer_last = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    /* Re-arm from the deadline, not from "now", so that no tick drifts. */
    if (s->timer_period) {
        s->timer_deadline += s->timer_period;
        timer_mod_ns(s->timer, s->timer_deadline);
    }
    qemu_irq_raise(s->irq);
}

static void testdev_gpio_in(void *opaque, int n, int level)
{
    MmioTestdev *s = opaque;

    if (level) {
        s->gpio_in |= 1ULL << n;
    } else {
        s->gpio_in &= ~(1ULL << n);
    }
}

static void testdev_init(Object *obj)
{
    MmioTestdev *s = (MmioTestdev *)obj;

    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
    qdev_init_gpio_in(DEVICE(obj), testdev_gpio_in, NUM_GPIO_IN);
}

static void testdev_realize(DeviceState *dev, GError **errp)
{
    MmioTestdev *s = (MmioTestdev *)dev;

    if (s->size < MMIO_TESTDEV_SIZE) {
        error_setg(errp, "mmio-testdev: size must be at least 0x%x",
                   MMIO_TESTDEV_SIZE);
        return;
    }
    s->scratch = g_malloc0(s->size);
    s->timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, testdev_timer_cb, s);
    memory_region_init_io(&s->iomem, OBJECT(dev), &testdev_ops, s,
                          "mmio-testdev", s->size);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->iomem);
    if (s->base != UINT64_MAX) {
        sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0, s->base);
    }
    testdevs = g_slist_append(testdevs, s);
}

static void testdev_unrealize(DeviceState *dev)
{
    MmioTestdev *s = (MmioTestdev *)dev;

    testdevs = g_slist_remove(testdevs, s);
    if (s->base != UINT64_MAX) {
        sysbus_mmio_unmap(SYS_BUS_DEVICE(dev), 0);
    }
    timer_free(s->timer);
    s->timer = NULL;
    g_free(s->scratch);
    s->scratch = NULL;
}

static void testdev_reset(DeviceState *dev)
{
    MmioTestdev *s = (MmioTestdev *)dev;

    if (s->timer) {
        timer_del(s->timer);
    }
    s->timer_period = 0;
    s->timer_fired = 0;
    s->timer_last = 0;
    qemu_irq_lower(s->irq);
}

static Property testdev_props[] = {
    DEFINE_PROP_UINT64("addr", MmioTestdev, base, UINT64_MAX),
    DEFINE_PROP_SIZE("size", MmioTestdev, size, MMIO_TESTDEV_SIZE),
    DEFINE_PROP_END_OF_LIST(),
};

static void testdev_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->desc = "records every MMIO access (width tests)";
    dc->realize = testdev_realize;
    dc->unrealize = testdev_unrealize;
    dc->reset = testdev_reset;
    dc->user_creatable = true;
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
    device_class_set_props(dc, testdev_props);
}

static const TypeInfo testdev_info = {
    .name = TYPE_MMIO_TESTDEV,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(MmioTestdev),
    .instance_init = testdev_init,
    .class_init = testdev_class_init,
};

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
    type_register_static(&testdev_info);
    qmp_register_command("x-mmio-testdev-log", qmp_x_mmio_testdev_log);
}
type_init(mmio_testdev_register)
