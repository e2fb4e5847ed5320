/*
 * pl061.c - Arm PrimeCell GPIO controller (PL061, TRM DDI 0190).
 *
 * On virt it carries one input that matters: pin 3, the power button of
 * the gpio-keys node in the device tree, which system_powerdown presses
 * (hw/arm/virt.c). Linux probes every AMBA device of the tree by reading
 * its PrimeCell ID, so a tree dumped from QEMU (which has this device)
 * needs it to be present: reading an empty address is a bus error.
 *
 * The pin levels are what the inputs drive (outputs: what the guest
 * wrote); undriven inputs read 0. Edge interrupts latch in RIS until
 * written to IC; level interrupts follow the pin. AFSEL is stored only
 * (no alternate functions on virt).
 */
#include "util/osdep.h"
#include "util/log.h"
#include "migration/vmstate.h"
#include "hw/sysbus.h"
#include "hw/irq.h"
#include "hw/gpio/pl061.h"
#include "exec/memory.h"

/* PeriphID 0x00041061, PCellID 0xB105F00D, one byte per word. */
static const uint8_t pl061_id[8] = {
    0x61, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1
};

typedef struct PL061State {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    qemu_irq irq;
    qemu_irq out[8];

    uint32_t data;      /* what the guest wrote (driven where DIR is 1) */
    uint32_t in;        /* what the inputs drive */
    uint32_t old_level; /* pin levels at the last update, for edges */
    uint32_t dir;
    uint32_t is;
    uint32_t ibe;
    uint32_t iev;
    uint32_t ie;
    uint32_t ris;
    uint32_t afsel;
} PL061State;

#define PL061(obj) OBJECT_CHECK(PL061State, (obj), TYPE_PL061)

static uint32_t pl061_levels(PL061State *s)
{
    return ((s->data & s->dir) | (s->in & ~s->dir)) & 0xff;
}

/* Recompute the pins, latch edges, drive the outputs and the interrupt. */
static void pl061_update(PL061State *s)
{
    uint32_t level = pl061_levels(s);
    uint32_t changed = level ^ s->old_level;
    uint32_t edge = ~s->is & 0xff;
    uint32_t rising = changed & level, falling = changed & ~level;
    uint32_t hit = (changed & s->ibe) |
                   (rising & s->iev & ~s->ibe) | (falling & ~s->iev & ~s->ibe);

    s->ris |= hit & edge;
    /* Level-sensitive pins: RIS shows whether the pin is at its level. */
    s->ris = (s->ris & edge) | (~(level ^ s->iev) & s->is & 0xff);
    for (int n = 0; n < 8; n++) {
        if (changed & s->dir & (1u << n)) {
            qemu_set_irq(s->out[n], (level >> n) & 1);
        }
    }
    s->old_level = level;
    qemu_set_irq(s->irq, (s->ris & s->ie) != 0);
}

static uint64_t pl061_read(void *opaque, hwaddr addr, unsigned size)
{
    PL061State *s = opaque;

    if (addr < 0x400) {
        return pl061_levels(s) & (addr >> 2);
    }
    switch (addr) {
    case PL061_DIR: return s->dir;
    case PL061_IS: return s->is;
    case PL061_IBE: return s->ibe;
    case PL061_IEV: return s->iev;
    case PL061_IE: return s->ie;
    case PL061_RIS: return s->ris;
    case PL061_MIS: return s->ris & s->ie;
    case PL061_AFSEL: return s->afsel;
    default:
        if (addr >= PL061_PERIPHID0 && !(addr & 3)) {
            return pl061_id[(addr - PL061_PERIPHID0) >> 2];
        }
        log_mask(LOG_GUEST_ERROR, "pl061: read of %s register 0x%"
                 HWADDR_PRIx "\n", addr == PL061_IC ? "write-only" : "unknown",
                 addr);
        return 0;
    }
}

static void pl061_write(void *opaque, hwaddr addr, uint64_t val,
                        unsigned size)
{
    PL061State *s = opaque;

    val &= 0xff;
    if (addr < 0x400) {
        uint32_t mask = (addr >> 2) & s->dir;
        s->data = (s->data & ~mask) | (val & mask);
        pl061_update(s);
        return;
    }
    switch (addr) {
    case PL061_DIR: s->dir = val; break;
    case PL061_IS: s->is = val; break;
    case PL061_IBE: s->ibe = val; break;
    case PL061_IEV: s->iev = val; break;
    case PL061_IE: s->ie = val; break;
    case PL061_IC: s->ris &= ~(val & ~s->is); break;
    case PL061_AFSEL: s->afsel = val; break;
    default:
        log_mask(LOG_GUEST_ERROR, "pl061: write to %s register 0x%"
                 HWADDR_PRIx "\n",
                 addr == PL061_RIS || addr == PL061_MIS ||
                 addr >= PL061_PERIPHID0 ? "read-only" : "unknown", addr);
        return;
    }
    pl061_update(s);
}

static const MemoryRegionOps pl061_ops = {
    .read = pl061_read,
    .write = pl061_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

static void pl061_set_input(void *opaque, int n, int level)
{
    PL061State *s = opaque;

    if (level) {
        s->in |= 1u << n;
    } else {
        s->in &= ~(1u << n);
    }
    pl061_update(s);
}

static void pl061_init(Object *obj)
{
    PL061State *s = PL061(obj);

    memory_region_init_io(&s->iomem, obj, &pl061_ops, s, "pl061",
                          PL061_MMIO_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
    qdev_init_gpio_in(DEVICE(obj), pl061_set_input, 8);
    qdev_init_gpio_out(DEVICE(obj), s->out, 8);
}

static void pl061_finalize(Object *obj)
{
    PL061State *s = PL061(obj);

    memory_region_destroy(&s->iomem);
}

/* Everything input, no interrupts; what the inputs drive is kept. */
static void pl061_reset(DeviceState *dev)
{
    PL061State *s = PL061(dev);

    s->data = s->dir = s->is = s->ibe = s->iev = s->ie = 0;
    s->ris = s->afsel = 0;
    s->old_level = pl061_levels(s);
    qemu_set_irq(s->irq, 0);
}

static const VMStateDescription vmstate_pl061 = {
    .name = "pl061",
    .version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(data, PL061State),
        VMSTATE_UINT32(in, PL061State),
        VMSTATE_UINT32(old_level, PL061State),
        VMSTATE_UINT32(dir, PL061State),
        VMSTATE_UINT32(is, PL061State),
        VMSTATE_UINT32(ibe, PL061State),
        VMSTATE_UINT32(iev, PL061State),
        VMSTATE_UINT32(ie, PL061State),
        VMSTATE_UINT32(ris, PL061State),
        VMSTATE_UINT32(afsel, PL061State),
        VMSTATE_END_OF_LIST()
    },
};

static void pl061_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "Arm PrimeCell PL061 GPIO controller";
    dc->vmsd = &vmstate_pl061;
    dc->reset = pl061_reset;
}

static const TypeInfo pl061_info = {
    .name = TYPE_PL061,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(PL061State),
    .instance_init = pl061_init,
    .instance_finalize = pl061_finalize,
    .class_init = pl061_class_init,
};

static void pl061_register_types(void)
{
    type_register_static(&pl061_info);
}
type_init(pl061_register_types)
