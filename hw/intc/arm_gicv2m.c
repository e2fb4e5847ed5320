/*
 * arm_gicv2m.c - GICv2m MSI frame (Arm SBSA v2.x, the non-secure frame
 * only): MSI_TYPER (base INTID [25:16], SPI count [9:0]), MSI_SETSPI_NS
 * (write an INTID: its SPI gets a rising edge, a one-shot pulse on our
 * output line, which the GIC latches if the guest configured the SPI as
 * edge-triggered, as Linux does), MSI_IIDR, and the optional ID registers
 * (RAZ, as QEMU's frame has them).
 *
 * Reads are 32-bit; MSI_SETSPI_NS also takes 16-bit writes (a 16-bit MSI
 * data payload), as QEMU's frame does. A write of an INTID the frame does
 * not own is a logged guest error.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "hw/sysbus.h"
#include "hw/irq.h"
#include "hw/qdev-properties.h"
#include "hw/intc/arm_gicv2m.h"
#include "migration/vmstate.h"

#define V2M_MSI_TYPER       0x008
#define V2M_MSI_IIDR        0xfcc
#define V2M_IDREGS          0xfd0       /* .. 0xffc */

/* Implementer 0 (none claimed), product 'Q' as QEMU's frame reports. */
#define V2M_IIDR_VALUE      (0x51u << 20)

static bool gicv2m_accepts(void *opaque, hwaddr off, unsigned size,
                           bool is_write, MemTxAttrs attrs)
{
    if (off & (size - 1)) {
        return false;
    }
    return size == 4 || (size == 2 && is_write && off == GICV2M_SETSPI_NS);
}

static uint64_t gicv2m_read(void *opaque, hwaddr off, unsigned size)
{
    ARMGICv2mState *s = opaque;

    switch (off) {
    case V2M_MSI_TYPER:
        return (s->base_spi + 32) << 16 | s->num_spi;
    case V2M_MSI_IIDR:
        return V2M_IIDR_VALUE;
    case GICV2M_SETSPI_NS:
        log_mask(LOG_GUEST_ERROR, "arm-gicv2m: read of write-only "
                 "MSI_SETSPI_NS\n");
        return 0;
    }
    if (off >= V2M_IDREGS) {
        return 0;
    }
    log_mask(LOG_GUEST_ERROR, "arm-gicv2m: read of reserved offset 0x%"
             HWADDR_PRIx "\n", off);
    return 0;
}

static void gicv2m_write(void *opaque, hwaddr off, uint64_t val,
                         unsigned size)
{
    ARMGICv2mState *s = opaque;
    uint32_t intid = val & 0x3ff;

    if (off != GICV2M_SETSPI_NS) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv2m: write to %s offset 0x%"
                 HWADDR_PRIx "\n", off == V2M_MSI_TYPER ||
                 off == V2M_MSI_IIDR || off >= V2M_IDREGS ? "read-only"
                                                          : "reserved", off);
        return;
    }
    if (intid < s->base_spi + 32 || intid >= s->base_spi + 32 + s->num_spi) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv2m: MSI for INTID %u, outside "
                 "the frame's %u..%u: dropped\n", intid, s->base_spi + 32,
                 s->base_spi + 32 + s->num_spi - 1);
        return;
    }
    qemu_irq_pulse(s->spi[intid - 32 - s->base_spi]);
}

static const MemoryRegionOps gicv2m_ops = {
    .read = gicv2m_read,
    .write = gicv2m_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 2, .max_access_size = 4,
               .accepts = gicv2m_accepts },
    .impl = { .min_access_size = 2, .max_access_size = 4 },
};

static void gicv2m_realize(DeviceState *dev, GError **errp)
{
    ARMGICv2mState *s = ARM_GICV2M(dev);

    if (s->num_spi < 1 || s->num_spi > GICV2M_NUM_SPI_MAX) {
        error_setg(errp, "arm-gicv2m: num-spi %u is out of range 1..%d",
                   s->num_spi, GICV2M_NUM_SPI_MAX);
        return;
    }
    if (s->base_spi + 32 + s->num_spi > 1020) {
        error_setg(errp, "arm-gicv2m: SPIs %u..%u go past INTID 1019",
                   s->base_spi, s->base_spi + s->num_spi - 1);
        return;
    }
    for (unsigned i = 0; i < s->num_spi; i++) {
        sysbus_init_irq(SYS_BUS_DEVICE(dev), &s->spi[i]);
    }
    memory_region_init_io(&s->iomem, OBJECT(dev), &gicv2m_ops, s, "gicv2m",
                          GICV2M_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->iomem);
}

static void gicv2m_unrealize(DeviceState *dev)
{
    memory_region_destroy(&ARM_GICV2M(dev)->iomem);
}

static Property gicv2m_properties[] = {
    DEFINE_PROP_UINT32("base-spi", ARMGICv2mState, base_spi, 0),
    DEFINE_PROP_UINT32("num-spi", ARMGICv2mState, num_spi, 64),
    DEFINE_PROP_END_OF_LIST(),
};

static void gicv2m_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "Arm GICv2m MSI frame";
    /* A doorbell: each MSI is an edge pulsed into the GIC, which keeps it. */
    dc->vmsd = &vmstate_no_state_to_migrate;
    dc->realize = gicv2m_realize;
    dc->unrealize = gicv2m_unrealize;
    device_class_set_props(dc, gicv2m_properties);
}

static const TypeInfo gicv2m_info = {
    .name = TYPE_ARM_GICV2M,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(ARMGICv2mState),
    .class_init = gicv2m_class_init,
};

static void gicv2m_register_types(void)
{
    type_register_static(&gicv2m_info);
}
type_init(gicv2m_register_types)
