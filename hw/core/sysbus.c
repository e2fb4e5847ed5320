/*
 * sysbus.c - the system bus and SysBusDevice (see include/hw/sysbus.h).
 * MMIO mapping goes straight into system memory; this bus has no address
 * decoding of its own.
 */
#include "util/osdep.h"
#include "hw/sysbus.h"
#include "exec/memory.h"
#include "util/error.h"

static BusState *main_system_bus;

BusState *sysbus_get_default(void)
{
    if (!main_system_bus) {
        Object *unattached = container_get(qdev_get_machine(), "unattached");

        main_system_bus = qbus_new(TYPE_SYSTEM_BUS, NULL, "main-system-bus");
        object_property_add_child(unattached, "sysbus",
                                  OBJECT(main_system_bus));
        object_unref(main_system_bus);
        main_system_bus->realized = true;
    }
    return main_system_bus;
}

static void sysbus_device_init(Object *obj)
{
    SysBusDevice *dev = SYS_BUS_DEVICE(obj);

    for (int i = 0; i < QDEV_MAX_MMIO; i++) {
        dev->mmio[i].addr = (hwaddr)-1;
    }
}

void sysbus_init_mmio(SysBusDevice *dev, MemoryRegion *memory)
{
    g_assert(dev->num_mmio < QDEV_MAX_MMIO);
    dev->mmio[dev->num_mmio].addr = (hwaddr)-1;
    dev->mmio[dev->num_mmio].memory = memory;
    dev->num_mmio++;
}

bool sysbus_has_mmio(SysBusDevice *dev, unsigned int n)
{
    return n < (unsigned)dev->num_mmio;
}

MemoryRegion *sysbus_mmio_get_region(SysBusDevice *dev, int n)
{
    g_assert(n >= 0 && n < dev->num_mmio);
    return dev->mmio[n].memory;
}

static void mmio_map(SysBusDevice *dev, int n, hwaddr addr, bool overlap,
                     int priority)
{
    MemoryRegion *sysmem = get_system_memory();

    g_assert(n >= 0 && n < dev->num_mmio);
    if (dev->mmio[n].addr == addr) {
        return;
    }
    if (dev->mmio[n].addr != (hwaddr)-1) {
        memory_region_del_subregion(sysmem, dev->mmio[n].memory);
    }
    dev->mmio[n].addr = addr;
    if (overlap) {
        memory_region_add_subregion_overlap(sysmem, addr, dev->mmio[n].memory,
                                            priority);
    } else {
        memory_region_add_subregion(sysmem, addr, dev->mmio[n].memory);
    }
}

void sysbus_mmio_map(SysBusDevice *dev, int n, hwaddr addr)
{
    mmio_map(dev, n, addr, false, 0);
}

void sysbus_mmio_map_overlap(SysBusDevice *dev, int n, hwaddr addr,
                             int priority)
{
    mmio_map(dev, n, addr, true, priority);
}

void sysbus_mmio_unmap(SysBusDevice *dev, int n)
{
    g_assert(n >= 0 && n < dev->num_mmio);
    if (dev->mmio[n].addr != (hwaddr)-1) {
        memory_region_del_subregion(get_system_memory(), dev->mmio[n].memory);
        dev->mmio[n].addr = (hwaddr)-1;
    }
}

void sysbus_init_irq(SysBusDevice *dev, qemu_irq *p)
{
    qdev_init_gpio_out_named(DEVICE(dev), p, SYSBUS_DEVICE_GPIO_IRQ, 1);
}

void sysbus_connect_irq(SysBusDevice *dev, int n, qemu_irq irq)
{
    qdev_connect_gpio_out_named(DEVICE(dev), SYSBUS_DEVICE_GPIO_IRQ, n, irq);
}

qemu_irq sysbus_get_connected_irq(SysBusDevice *dev, int n)
{
    return qdev_get_gpio_out_connector(DEVICE(dev), SYSBUS_DEVICE_GPIO_IRQ, n);
}

bool sysbus_realize(SysBusDevice *dev, GError **errp)
{
    return qdev_realize(DEVICE(dev), sysbus_get_default(), errp);
}

bool sysbus_realize_and_unref(SysBusDevice *dev, GError **errp)
{
    return qdev_realize_and_unref(DEVICE(dev), sysbus_get_default(), errp);
}

DeviceState *sysbus_create_varargs(const char *name, hwaddr addr, ...)
{
    DeviceState *dev = qdev_new(name);
    SysBusDevice *s = SYS_BUS_DEVICE(dev);
    GError *err = NULL;
    va_list ap;
    qemu_irq irq;
    int n = 0;

    if (!sysbus_realize_and_unref(s, &err)) {
        fprintf(stderr, "sysbus_create_varargs: %s: %s\n", name, err->message);
        abort();
    }
    if (addr != (hwaddr)-1) {
        sysbus_mmio_map(s, 0, addr);
    }
    va_start(ap, addr);
    while ((irq = va_arg(ap, qemu_irq))) {
        sysbus_connect_irq(s, n++, irq);
    }
    va_end(ap);
    return dev;
}

static void sysbus_device_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->bus_type = TYPE_SYSTEM_BUS;
    /* Sysbus devices need a board to place them (QEMU's rule too). */
    dc->user_creatable = false;
}

static const TypeInfo system_bus_info = {
    .name = TYPE_SYSTEM_BUS,
    .parent = TYPE_BUS,
    .instance_size = sizeof(BusState),
};

static const TypeInfo sysbus_device_info = {
    .name = TYPE_SYS_BUS_DEVICE,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(SysBusDevice),
    .instance_init = sysbus_device_init,
    .class_size = sizeof(SysBusDeviceClass),
    .class_init = sysbus_device_class_init,
    .abstract = true,
};

static void sysbus_register_types(void)
{
    type_register_static(&system_bus_info);
    type_register_static(&sysbus_device_info);
}
type_init(sysbus_register_types)
