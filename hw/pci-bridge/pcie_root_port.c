/*
 * pcie_root_port.c - "pcie-root-port": the generic PCIe root port
 * (1b36:000c). A type 1 function with a PCI Express capability of type
 * Root Port and an implemented slot; its secondary bus is a PCIe bus
 * with one device (slot 0) behind it. No hot-plug events yet: the slot
 * reports presence of what was cold-plugged.
 */
#include "util/osdep.h"
#include "util/error.h"
#include "hw/qdev-properties.h"
#include "hw/pci/pci_bridge.h"

#define TYPE_PCIE_ROOT_PORT "pcie-root-port"

typedef struct PCIERootPort {
    PCIBridge parent_obj;
    uint8_t chassis;        /* properties */
    uint16_t slot;
    uint8_t port;
} PCIERootPort;

#define PCIE_ROOT_PORT(obj) OBJECT_CHECK(PCIERootPort, (obj), TYPE_PCIE_ROOT_PORT)

static void pcie_root_port_realize(PCIDevice *d, GError **errp)
{
    PCIERootPort *s = PCIE_ROOT_PORT(d);
    int pos;

    if (!pci_bus_is_express(pci_get_bus(d))) {
        error_setg(errp, "pcie-root-port must be plugged into a PCIe bus");
        return;
    }
    pos = pcie_cap_init(d, 0, PCI_EXP_TYPE_ROOT_PORT, s->port, errp);
    if (pos < 0) {
        return;
    }
    pci_word_set_mask(d->config + pos + PCI_EXP_FLAGS, PCI_EXP_FLAGS_SLOT);
    /* Physical slot number in bits 31:19 of Slot Capabilities. */
    pci_set_long(d->config + pos + PCI_EXP_SLTCAP, (uint32_t)s->slot << 19);
    pci_set_word(d->config + pos + PCI_EXP_SLTSTA, PCI_EXP_SLTSTA_PDS);
    pci_set_word(d->wmask + pos + PCI_EXP_RTCTL, 0x001f);
    pci_config_set_interrupt_pin(d->config, 1);
    pci_bridge_initfn(d, TYPE_PCIE_BUS);
}

static void pcie_root_port_exit(PCIDevice *d)
{
    pci_bridge_exitfn(d);
}

static Property pcie_root_port_props[] = {
    DEFINE_PROP_UINT8("chassis", PCIERootPort, chassis, 0),
    DEFINE_PROP_UINT16("slot", PCIERootPort, slot, 0),
    DEFINE_PROP_UINT8("port", PCIERootPort, port, 0),
    DEFINE_PROP_END_OF_LIST(),
};

static void pcie_root_port_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pcie_root_port_realize;
    k->exit = pcie_root_port_exit;
    k->vendor_id = PCI_VENDOR_ID_REDHAT;
    k->device_id = PCI_DEVICE_ID_REDHAT_PCIE_RP;
    k->revision = 0;
    k->class_id = PCI_CLASS_BRIDGE_PCI;
    k->is_express = true;
    dc->desc = "PCI Express Root Port";
    device_class_set_props(dc, pcie_root_port_props);
}

static const TypeInfo pcie_root_port_info = {
    .name = TYPE_PCIE_ROOT_PORT,
    .parent = TYPE_PCI_BRIDGE,
    .instance_size = sizeof(PCIERootPort),
    .class_init = pcie_root_port_class_init,
};

static void pcie_root_port_register(void)
{
    type_register_static(&pcie_root_port_info);
}

type_init(pcie_root_port_register)
