/*
 * pci_host.h - the common part of PCI host bridges: a sysbus device that
 * owns a root PCI bus, plus the CF8/CFC ("configuration mechanism #1")
 * address decoding that x86 hosts (i440fx, q35) share.
 *
 * Specific hosts (gpex, q35, the pseries PHB) derive from
 * TYPE_PCI_HOST_BRIDGE and create their root bus in realize.
 */
#ifndef HW_PCI_PCI_HOST_H
#define HW_PCI_PCI_HOST_H

#include "hw/sysbus.h"
#include "hw/pci/pci.h"

#define TYPE_PCI_HOST_BRIDGE "pci-host-bridge"

typedef struct PCIHostState {
    SysBusDevice busdev;
    PCIBus *bus;
    uint32_t config_reg;        /* the CF8 latch */
} PCIHostState;

#define PCI_HOST_BRIDGE(obj) \
    OBJECT_CHECK(PCIHostState, (obj), TYPE_PCI_HOST_BRIDGE)

/*
 * CF8/CFC: @addr is the value latched in CF8 (bit 31 enable, bus in
 * 23:16, devfn in 15:8, register in 7:2) plus the byte offset of the CFC
 * access in bits 1:0. Disabled or absent functions read all-ones;
 * writes to them are dropped.
 */
uint32_t pci_data_read(PCIBus *s, uint32_t addr, unsigned len);
void pci_data_write(PCIBus *s, uint32_t addr, uint32_t val, unsigned len);

#endif
