/*
 * pci_host.c - the abstract PCI host bridge type and CF8/CFC decoding.
 */
#include "util/osdep.h"
#include "hw/pci/pci_host.h"

#define CF8_ENABLE      0x80000000u

uint32_t pci_data_read(PCIBus *s, uint32_t addr, unsigned len)
{
    PCIDevice *d;

    if (!(addr & CF8_ENABLE)) {
        return ~0u >> (32 - 8 * len);
    }
    d = pci_find_device(s, (addr >> 16) & 0xff, (addr >> 8) & 0xff);
    if (!d) {
        return ~0u >> (32 - 8 * len);
    }
    return pci_host_config_read_common(d, addr & 0xff, PCI_CONFIG_SPACE_SIZE,
                                       len);
}

void pci_data_write(PCIBus *s, uint32_t addr, uint32_t val, unsigned len)
{
    PCIDevice *d;

    if (!(addr & CF8_ENABLE)) {
        return;
    }
    d = pci_find_device(s, (addr >> 16) & 0xff, (addr >> 8) & 0xff);
    if (d) {
        pci_host_config_write_common(d, addr & 0xff, PCI_CONFIG_SPACE_SIZE,
                                     val, len);
    }
}

static const TypeInfo pci_host_type_info = {
    .name = TYPE_PCI_HOST_BRIDGE,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(PCIHostState),
    .abstract = true,
};

static void pci_host_register_types(void)
{
    type_register_static(&pci_host_type_info);
}

type_init(pci_host_register_types)
