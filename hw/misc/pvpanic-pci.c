/*
 * pvpanic-pci.c - the paravirtual panic device on PCI (1b36:0011), with
 * QEMU 7.2's interface, which Linux's pvpanic-pci driver speaks.
 *
 * BAR0 is memory; every byte of it reads as the set of events the device
 * reports (property "events", default PANICKED | CRASH_LOADED) and a write
 * reports the events whose bits are set:
 *   bit 0  PANICKED      the guest panicked: GUEST_PANICKED, then the
 *                        -action panic= action (pause, shutdown, ...)
 *   bit 1  CRASH_LOADED  a crash kernel took over: GUEST_CRASHLOADED only
 * Bits the device does not report are ignored (and logged as guest errors).
 * Panic tooling (CI of kernels, libvirt) watches for these events.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "hw/qdev-properties.h"
#include "hw/pci/pci.h"
#include "sysemu/runstate.h"

#define TYPE_PVPANIC_PCI "pvpanic-pci"

#define PVPANIC_PANICKED        (1u << 0)
#define PVPANIC_CRASH_LOADED    (1u << 1)
#define PVPANIC_EVENTS          (PVPANIC_PANICKED | PVPANIC_CRASH_LOADED)

#define PVPANIC_PCI_SIZE        2   /* QEMU's BAR0 size; the core rounds up */

typedef struct PVPanicPCIState {
    PCIDevice parent_obj;
    MemoryRegion mmio;
    uint8_t events;         /* property "events" */
} PVPanicPCIState;

#define PVPANIC_PCI(obj) OBJECT_CHECK(PVPanicPCIState, (obj), TYPE_PVPANIC_PCI)

static uint64_t pvpanic_read(void *opaque, hwaddr addr, unsigned size)
{
    PVPanicPCIState *s = opaque;

    return s->events;
}

static void pvpanic_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
    PVPanicPCIState *s = opaque;

    if (val & ~(uint64_t)s->events) {
        log_mask(LOG_GUEST_ERROR, "pvpanic: unknown event 0x%" PRIx64
                      " ignored\n", val & ~(uint64_t)s->events);
    }
    val &= s->events;
    if (val & PVPANIC_PANICKED) {
        qemu_system_guest_panicked();
    }
    if (val & PVPANIC_CRASH_LOADED) {
        qemu_system_guest_crashloaded();
    }
}

static const MemoryRegionOps pvpanic_ops = {
    .read = pvpanic_read,
    .write = pvpanic_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

static void pvpanic_pci_realize(PCIDevice *pdev, GError **errp)
{
    PVPanicPCIState *s = PVPANIC_PCI(pdev);

    if (s->events & ~PVPANIC_EVENTS) {
        error_setg(errp, "pvpanic-pci: property 'events' 0x%x has bits the "
                   "device does not know (it knows 0x%x)", s->events,
                   PVPANIC_EVENTS);
        return;
    }
    pci_config_set_interrupt_pin(pdev->config, 0);
    memory_region_init_io(&s->mmio, OBJECT(s), &pvpanic_ops, s, "pvpanic",
                          PVPANIC_PCI_SIZE);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->mmio);
}

static void pvpanic_pci_exit(PCIDevice *pdev)
{
    memory_region_destroy(&PVPANIC_PCI(pdev)->mmio);
}

/* Events are acted on as the guest writes them: only the PCI core's state. */
static const VMStateDescription vmstate_pvpanic_pci = {
    .name = "pvpanic-pci",
    .version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_PCI_DEVICE(parent_obj, PVPanicPCIState),
        VMSTATE_END_OF_LIST()
    },
};

static Property pvpanic_pci_props[] = {
    DEFINE_PROP_UINT8("events", PVPanicPCIState, events, PVPANIC_EVENTS),
    DEFINE_PROP_END_OF_LIST(),
};

static void pvpanic_pci_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pvpanic_pci_realize;
    k->exit = pvpanic_pci_exit;
    k->vendor_id = PCI_VENDOR_ID_REDHAT;
    k->device_id = PCI_DEVICE_ID_REDHAT_PVPANIC;
    k->revision = 1;
    k->class_id = PCI_CLASS_SYSTEM_OTHER;
    dc->desc = "pvpanic device";
    dc->vmsd = &vmstate_pvpanic_pci;
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
    device_class_set_props(dc, pvpanic_pci_props);
}

static const TypeInfo pvpanic_pci_info = {
    .name = TYPE_PVPANIC_PCI,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PVPanicPCIState),
    .class_init = pvpanic_pci_class_init,
};

static void pvpanic_pci_register_types(void)
{
    type_register_static(&pvpanic_pci_info);
}

type_init(pvpanic_pci_register_types)
