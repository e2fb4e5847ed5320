/*
 * pl031.c - Arm PrimeCell real-time clock (PL031), the virt board's RTC.
 *
 * A 32-bit seconds counter (DR) that a guest may reload (LR), and a match
 * register (MR) whose interrupt fires when the counter reaches it. The
 * counter is not a register we tick: it is derived from QEMU_CLOCK_VIRTUAL,
 * so a stopped VM (or a qtest that does not step the clock) sees no time
 * pass, and the match is a single virtual-clock timer armed for the second
 * at which DR will equal MR. The base at virtual time 0 is the host's wall
 * clock at start-up, or what `-rtc base=` says (utc, localtime, or a date
 * "YYYY-MM-DD[THH:MM:SS]" taken as UTC).
 *
 * Not modelled: the trim register of the PL031's successors, and stopping
 * the counter (CR reads 1, like QEMU's: Linux expects a running clock).
 * Registers are 32-bit only; other widths are refused by the memory core
 * as guest errors (see docs/devel/devices-virt.md).
 */
#include "util/osdep.h"
#include "util/error.h"
#include "util/log.h"
#include "hw/sysbus.h"
#include "hw/qdev-properties.h"
#include "hw/irq.h"
#include "hw/rtc/pl031.h"
#include "migration/vmstate.h"
#include "exec/memory.h"
#include "sysemu/sysemu.h"
#include "sysemu/timer.h"

#include <time.h>

#define PL031_INT_MATCH 1u

/* PeriphID 0x00041031, PCellID 0xB105F00D, one byte per word (TRM DDI 0224). */
static const uint8_t pl031_id[8] = {
    0x31, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1
};

typedef struct PL031State {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    QEMUTimer alarm;
    bool alarm_ready;
    qemu_irq irq;
    uint64_t base;              /* property "addr": self-map when set */

    /* DR = tick_offset + whole seconds of virtual time (mod 2^32). */
    uint32_t tick_offset;
    uint32_t mr;
    uint32_t lr;
    uint32_t imsc;
    uint32_t ris;
} PL031State;

#define PL031(obj) OBJECT_CHECK(PL031State, (obj), TYPE_PL031)

static int64_t pl031_now_ns(void)
{
    return qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
}

static uint32_t pl031_count_at(PL031State *s, int64_t ns)
{
    return s->tick_offset + (uint32_t)(ns / NANOSECONDS_PER_SECOND);
}

static void pl031_update(PL031State *s)
{
    qemu_set_irq(s->irq, (s->ris & s->imsc) != 0);
}

/*
 * Arm the timer for the start of the second in which DR becomes MR. When
 * they are already equal the match is now (as QEMU does: a guest that sets
 * MR = DR expects the interrupt, not one 136 years later).
 */
static void pl031_set_alarm(PL031State *s)
{
    int64_t now = pl031_now_ns();
    uint32_t ticks = s->mr - pl031_count_at(s, now);

    if (!s->alarm_ready) {
        return;
    }
    if (ticks == 0) {
        timer_del(&s->alarm);
        s->ris |= PL031_INT_MATCH;
        pl031_update(s);
        return;
    }
    timer_mod_ns(&s->alarm, (now / NANOSECONDS_PER_SECOND + (int64_t)ticks) *
                 NANOSECONDS_PER_SECOND);
}

static void pl031_alarm_cb(void *opaque)
{
    PL031State *s = opaque;

    s->ris |= PL031_INT_MATCH;
    pl031_update(s);
}

static uint64_t pl031_read(void *opaque, hwaddr addr, unsigned size)
{
    PL031State *s = opaque;

    switch (addr) {
    case PL031_DR: return pl031_count_at(s, pl031_now_ns());
    case PL031_MR: return s->mr;
    case PL031_LR: return s->lr;
    case PL031_CR: return 1;
    case PL031_IMSC: return s->imsc;
    case PL031_RIS: return s->ris;
    case PL031_MIS: return s->ris & s->imsc;
    case PL031_ICR:
        log_mask(LOG_GUEST_ERROR, "pl031: read of write-only ICR\n");
        return 0;
    default:
        if (addr >= PL031_PERIPHID0 && addr < PL031_MMIO_SIZE) {
            return pl031_id[(addr - PL031_PERIPHID0) >> 2];
        }
        log_mask(LOG_GUEST_ERROR, "pl031: read of unknown register 0x%"
                 HWADDR_PRIx "\n", addr);
        return 0;
    }
}

static void pl031_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    PL031State *s = opaque;

    switch (addr) {
    case PL031_LR:
        s->lr = val;
        s->tick_offset = (uint32_t)val -
                         (uint32_t)(pl031_now_ns() / NANOSECONDS_PER_SECOND);
        pl031_set_alarm(s);
        break;
    case PL031_MR:
        s->mr = val;
        pl031_set_alarm(s);
        break;
    case PL031_IMSC:
        s->imsc = val & PL031_INT_MATCH;
        pl031_update(s);
        break;
    case PL031_ICR:
        s->ris &= ~(val & PL031_INT_MATCH);
        pl031_update(s);
        break;
    case PL031_CR:
        /* Starting a running counter is a no-op; stopping is not modelled. */
        if (!(val & 1)) {
            log_mask(LOG_UNIMP, "pl031: stopping the counter is not modelled\n");
        }
        break;
    default:
        log_mask(LOG_GUEST_ERROR, "pl031: write to %s register 0x%"
                 HWADDR_PRIx "\n",
                 addr == PL031_DR || addr == PL031_RIS || addr == PL031_MIS ||
                 addr >= PL031_PERIPHID0 ? "read-only" : "unknown", addr);
        break;
    }
}

/*
 * 32-bit accesses only, except byte reads of the ID registers at their
 * start: EDK2's PL031 driver identifies the device with MmioRead8 (QEMU
 * takes any width), and an APB peripheral returns the addressed lane.
 */
static bool pl031_accepts(void *opaque, hwaddr addr, unsigned size,
                          bool is_write, MemTxAttrs attrs)
{
    if (size == 1) {
        return !is_write && addr >= PL031_PERIPHID0 && !(addr & 3);
    }
    return size == 4;
}

static const MemoryRegionOps pl031_ops = {
    .read = pl031_read,
    .write = pl031_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4,
               .accepts = pl031_accepts },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

/* Seconds since the epoch that DR shows at virtual time 0. */
static bool pl031_base_seconds(int64_t *secs, GError **errp)
{
    const char *b = rtc_base;
    int64_t now = get_clock_realtime() / NANOSECONDS_PER_SECOND;
    struct tm tm = { 0 };
    char tail;
    int n;

    if (!b || !strcmp(b, "utc")) {
        *secs = now;
        return true;
    }
    if (!strcmp(b, "localtime")) {
        time_t t = now;
        struct tm lt;

        localtime_r(&t, &lt);
        *secs = now + lt.tm_gmtoff;
        return true;
    }
    n = sscanf(b, "%d-%d-%dT%d:%d:%d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
               &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &tail);
    if (n != 6 && !(n == 3 && sscanf(b, "%*d-%*d-%*d%c", &tail) != 1)) {
        error_setg(errp, "pl031: invalid -rtc base '%s' (expected utc, "
                   "localtime or YYYY-MM-DD[THH:MM:SS])", b);
        return false;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    *secs = timegm(&tm);
    return true;
}

static void pl031_init(Object *obj)
{
    PL031State *s = PL031(obj);

    memory_region_init_io(&s->iomem, obj, &pl031_ops, s, "pl031",
                          PL031_MMIO_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
}

/* Also runs for the throw-away instance that checks -device options. */
static void pl031_finalize(Object *obj)
{
    PL031State *s = PL031(obj);

    memory_region_destroy(&s->iomem);
}

static void pl031_realize(DeviceState *dev, GError **errp)
{
    PL031State *s = PL031(dev);
    int64_t base;

    if (!pl031_base_seconds(&base, errp)) {
        return;
    }
    s->tick_offset = (uint32_t)base -
                     (uint32_t)(pl031_now_ns() / NANOSECONDS_PER_SECOND);
    timer_init_ns(&s->alarm, QEMU_CLOCK_VIRTUAL, pl031_alarm_cb, s);
    s->alarm_ready = true;
    if (s->base != UINT64_MAX) {
        sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0, s->base);
    }
}

static void pl031_unrealize(DeviceState *dev)
{
    PL031State *s = PL031(dev);

    if (s->base != UINT64_MAX) {
        sysbus_mmio_unmap(SYS_BUS_DEVICE(dev), 0);
    }
    if (s->alarm_ready) {
        timer_deinit(&s->alarm);
        s->alarm_ready = false;
    }
}

/* Reset clears the interrupt state; the time of day survives, as on a board. */
static void pl031_reset(DeviceState *dev)
{
    PL031State *s = PL031(dev);

    if (s->alarm_ready) {
        timer_del(&s->alarm);
    }
    s->mr = 0;
    s->lr = 0;
    s->imsc = 0;
    s->ris = 0;
    pl031_update(s);
}

static int pl031_post_load(void *opaque, int version_id)
{
    pl031_update(opaque);
    return 0;
}

/*
 * DR follows the virtual clock, which migrates: the guest's time of day
 * goes on from where the source stopped (no wall-clock catch-up).
 */
static const VMStateDescription vmstate_pl031 = {
    .name = "pl031",
    .version_id = 1,
    .post_load = pl031_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(tick_offset, PL031State),
        VMSTATE_UINT32(mr, PL031State),
        VMSTATE_UINT32(lr, PL031State),
        VMSTATE_UINT32(imsc, PL031State),
        VMSTATE_UINT32(ris, PL031State),
        VMSTATE_TIMER(alarm, PL031State),
        VMSTATE_END_OF_LIST()
    },
};

static Property pl031_properties[] = {
    DEFINE_PROP_UINT64("addr", PL031State, base, UINT64_MAX),
    DEFINE_PROP_END_OF_LIST(),
};

static void pl031_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "Arm PrimeCell PL031 real-time clock";
    dc->realize = pl031_realize;
    dc->unrealize = pl031_unrealize;
    dc->reset = pl031_reset;
    dc->vmsd = &vmstate_pl031;
    /* With addr= it places itself; a board uses sysbus_mmio_map instead. */
    dc->user_creatable = true;
    device_class_set_props(dc, pl031_properties);
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
}

static const TypeInfo pl031_info = {
    .name = TYPE_PL031,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(PL031State),
    .instance_init = pl031_init,
    .instance_finalize = pl031_finalize,
    .class_init = pl031_class_init,
};

static void pl031_register_types(void)
{
    type_register_static(&pl031_info);
}
type_init(pl031_register_types)
