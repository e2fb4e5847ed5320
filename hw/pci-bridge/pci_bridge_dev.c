/*
 * pci_bridge_dev.c - "pci-bridge": a conventional PCI-to-PCI bridge
 * (1b36:0001) with a Slot ID capability naming its chassis. No SHPC
 * hot-plug controller: devices behind it are cold-plugged.
 */
#include "util/osdep.h"
#include "util/error.h"
#include "hw/qdev-properties.h"
#include "hw/pci/pci_bridge.h"

#define TYPE_PCI_BRIDGE_DEV "pci-bridge"

#define SLOTID_EXPANSION_SLOT   2   /* bit 5: first in chassis, 4:0 slots */
#define SLOTID_CHASSIS          3
#define SLOTID_FIRST_IN_CHASSIS 0x20

typedef struct PCIBridgeDev {
    PCIBridge parent_obj;
    uint8_t chassis_nr;     /* property "chassis_nr" */
} PCIBridgeDev;

#define PCI_BRIDGE_DEV(obj) OBJECT_CHECK(PCIBridgeDev, (obj), TYPE_PCI_BRIDGE_DEV)

static void pci_bridge_dev_realize(PCIDevice *d, GError **errp)
{
    PCIBridgeDev *s = PCI_BRIDGE_DEV(d);
    int pos;

    if (!s->chassis_nr) {
        error_setg(errp, "Bridge chassis not specified. Each bridge is "
                   "required to be assigned a unique chassis id > 0.");
        return;
    }
    pos = pci_add_capability(d, PCI_CAP_ID_SLOTID, 0, 4, errp);
    if (pos < 0) {
        return;
    }
    /* 32 slots behind us, numbered from the first slot of the chassis. */
    d->config[pos + SLOTID_EXPANSION_SLOT] = SLOTID_FIRST_IN_CHASSIS | 0;
    d->config[pos + SLOTID_CHASSIS] = s->chassis_nr;
    pci_config_set_interrupt_pin(d->config, 1);
    pci_bridge_initfn(d, TYPE_PCI_BUS);
}

static void pci_bridge_dev_exit(PCIDevice *d)
{
    pci_bridge_exitfn(d);
}

static Property pci_bridge_dev_props[] = {
    DEFINE_PROP_UINT8("chassis_nr", PCIBridgeDev, chassis_nr, 0),
    DEFINE_PROP_END_OF_LIST(),
};

static void pci_bridge_dev_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pci_bridge_dev_realize;
    k->exit = pci_bridge_dev_exit;
    k->vendor_id = PCI_VENDOR_ID_REDHAT;
    k->device_id = PCI_DEVICE_ID_REDHAT_BRIDGE;
    k->revision = 0;
    k->class_id = PCI_CLASS_BRIDGE_PCI;
    dc->desc = "Standard PCI Bridge";
    device_class_set_props(dc, pci_bridge_dev_props);
}

static const TypeInfo pci_bridge_dev_info = {
    .name = TYPE_PCI_BRIDGE_DEV,
    .parent = TYPE_PCI_BRIDGE,
    .instance_size = sizeof(PCIBridgeDev),
    .class_init = pci_bridge_dev_class_init,
};

static void pci_bridge_dev_register(void)
{
    type_register_static(&pci_bridge_dev_info);
}

type_init(pci_bridge_dev_register)
