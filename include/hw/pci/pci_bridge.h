/*
 * pci_bridge.h - PCI-to-PCI bridges (header type 1): a secondary bus
 * behind a function, bus numbers, and the I/O, memory and prefetchable
 * windows through which the parent bus reaches the secondary one.
 *
 * Concrete bridges (pci-bridge, pcie-root-port in hw/pci-bridge/) derive
 * from TYPE_PCI_BRIDGE and call pci_bridge_initfn() from realize; the
 * bridge's config_write is pci_bridge_write_config, which keeps the
 * windows in step with what the guest programs:
 *   - a window forwards [base, limit] while base <= limit and the
 *     bridge's command register enables that kind of decode;
 *   - config cycles reach buses secondary..subordinate;
 *   - INTx from behind is swizzled by device slot; DMA from behind passes
 *     only while the bridge's own Bus Master Enable is set.
 */
#ifndef HW_PCI_PCI_BRIDGE_H
#define HW_PCI_PCI_BRIDGE_H

#include "hw/pci/pci.h"

#define TYPE_PCI_BRIDGE "base-pci-bridge"

typedef struct PCIBridge {
    PCIDevice parent_obj;

    PCIBus *sec_bus;
    /* The secondary bus's address spaces. */
    MemoryRegion address_space_mem;
    MemoryRegion address_space_io;
    /* Windows of them mapped into the parent bus's containers. */
    MemoryRegion alias_io;
    MemoryRegion alias_mem;
    MemoryRegion alias_pref_mem;
    bool windows_mapped;
    char *bus_name;
} PCIBridge;

#define PCI_BRIDGE(obj) OBJECT_CHECK(PCIBridge, (obj), TYPE_PCI_BRIDGE)

/* Create the secondary bus (of @bus_type) and its windows; from realize. */
void pci_bridge_initfn(PCIDevice *d, const char *bus_type);
/* Tear down what pci_bridge_initfn made; from exit. */
void pci_bridge_exitfn(PCIDevice *d);
/* Config writes of a bridge: default handling plus windows and resets. */
void pci_bridge_write_config(PCIDevice *d, uint32_t addr, uint32_t val,
                             int len);
/* Recompute the windows from config space. */
void pci_bridge_update_mappings(PCIBridge *br);
/* Bridge registers to their reset values (bus numbers, windows, control). */
void pci_bridge_reset(DeviceState *qdev);
PCIBus *pci_bridge_get_sec_bus(PCIBridge *br);

#endif
