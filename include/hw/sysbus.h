/*
 * sysbus.h - the system bus: devices reached by plain MMIO addresses and
 * wired with IRQ lines, placed by the board (no discovery).
 *
 * A sysbus device declares its MMIO regions and IRQ outputs in realize or
 * instance_init; the board maps them:
 *
 *     sysbus_init_mmio(sbd, &s->iomem);       // region 0
 *     sysbus_init_irq(sbd, &s->irq);          // irq 0
 *     ...
 *     DeviceState *d = sysbus_create_simple(TYPE_PL011, 0x09000000,
 *                                           qdev_get_gpio_in(gic, 33));
 */
#ifndef HW_SYSBUS_H
#define HW_SYSBUS_H

#include "hw/qdev.h"

#define TYPE_SYSTEM_BUS "System"
#define TYPE_SYS_BUS_DEVICE "sys-bus-device"
#define QDEV_MAX_MMIO 32
#define QDEV_MAX_PIO 32
/* The GPIO list name sysbus IRQs use (QEMU's). */
#define SYSBUS_DEVICE_GPIO_IRQ "sysbus-irq"

typedef struct SysBusDeviceClass {
    DeviceClass parent_class;
} SysBusDeviceClass;

struct SysBusDevice {
    DeviceState parent_obj;
    int num_mmio;
    struct {
        hwaddr addr;            /* -1 when unmapped */
        MemoryRegion *memory;
    } mmio[QDEV_MAX_MMIO];
    int num_pio;
    uint32_t pio[QDEV_MAX_PIO];
};

#define SYS_BUS_DEVICE(obj) \
    OBJECT_CHECK(SysBusDevice, (obj), TYPE_SYS_BUS_DEVICE)
#define SYS_BUS_DEVICE_CLASS(klass) \
    OBJECT_CLASS_CHECK(SysBusDeviceClass, (klass), TYPE_SYS_BUS_DEVICE)

/* The main system bus ("/machine/unattached/sysbus", named "main-system-bus"). */
BusState *sysbus_get_default(void);

/* Declare the next MMIO region (index = order of calls). */
void sysbus_init_mmio(SysBusDevice *dev, MemoryRegion *memory);
MemoryRegion *sysbus_mmio_get_region(SysBusDevice *dev, int n);
bool sysbus_has_mmio(SysBusDevice *dev, unsigned int n);
/* Map region @n at @addr in system memory (moves it if mapped already). */
void sysbus_mmio_map(SysBusDevice *dev, int n, hwaddr addr);
void sysbus_mmio_map_overlap(SysBusDevice *dev, int n, hwaddr addr,
                             int priority);
void sysbus_mmio_unmap(SysBusDevice *dev, int n);

/* Declare the next IRQ output; @p is the device's field it drives. */
void sysbus_init_irq(SysBusDevice *dev, qemu_irq *p);
void sysbus_connect_irq(SysBusDevice *dev, int n, qemu_irq irq);
qemu_irq sysbus_get_connected_irq(SysBusDevice *dev, int n);

/* Plug into the main system bus and realize. */
bool sysbus_realize(SysBusDevice *dev, GError **errp);
bool sysbus_realize_and_unref(SysBusDevice *dev, GError **errp);

/*
 * Create @name, realize it (aborting on failure: board code), map region
 * 0 at @addr (unless addr == (hwaddr)-1) and connect IRQs 0.. to the
 * NULL-terminated list of lines.
 */
DeviceState *sysbus_create_varargs(const char *name, hwaddr addr, ...);
static inline DeviceState *sysbus_create_simple(const char *name, hwaddr addr,
                                                qemu_irq irq)
{
    return sysbus_create_varargs(name, addr, irq, NULL);
}

#endif
