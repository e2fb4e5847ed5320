/*
 * msi.h - Message Signalled Interrupts (the MSI capability, PCI 3.0 6.8.1).
 *
 * A function with MSI writes a 16-bit message, OR-ed with the vector
 * number when several vectors are enabled, to the address the guest put
 * in the capability; the write goes through the function's bus-master
 * address space, so it reaches whatever doorbell (GICv2m frame, ITS
 * translater, x86 APIC window) the machine maps there.
 *
 *     msi_init(pdev, 0, 1, true, false, errp);    // 64-bit, 1 vector
 *     if (msi_enabled(pdev)) msi_notify(pdev, 0); else pci_set_irq(pdev, 1);
 *
 * With per-vector masking, a vector raised while masked sets its pending
 * bit and is sent when the guest unmasks it.
 */
#ifndef HW_PCI_MSI_H
#define HW_PCI_MSI_H

#include "hw/pci/pci.h"

typedef struct MSIMessage {
    uint64_t address;
    uint32_t data;
} MSIMessage;

/*
 * msi_init: add the MSI capability at @offset (0: anywhere) with
 * @nr_vectors (1, 2, 4, .. 32), 64-bit addresses if @msi64bit, mask and
 * pending registers if @msi_per_vector_mask. Returns the capability offset
 * or a negative value with @errp set.
 */
int msi_init(PCIDevice *dev, uint8_t offset, unsigned int nr_vectors,
             bool msi64bit, bool msi_per_vector_mask, GError **errp);
void msi_uninit(PCIDevice *dev);
/* Capability back to its reset state (disabled, zeroed). */
void msi_reset(PCIDevice *dev);
bool msi_present(const PCIDevice *dev);
bool msi_enabled(const PCIDevice *dev);
/* Vectors the guest enabled (1 << Multiple Message Enable). */
unsigned int msi_nr_vectors_allocated(const PCIDevice *dev);
bool msi_is_masked(const PCIDevice *dev, unsigned int vector);
/* Whether @vector's pending bit is set (per-vector masking only). */
bool msi_is_pending(const PCIDevice *dev, unsigned int vector);
/* The message @vector would send now. */
MSIMessage msi_get_message(PCIDevice *dev, unsigned int vector);
/* Raise @vector: send it, or mark it pending while it is masked. */
void msi_notify(PCIDevice *dev, unsigned int vector);
/* Write @msg as a DWORD memory write from @dev (MSI and MSI-X share it). */
void msi_send_message(PCIDevice *dev, MSIMessage msg);
/* Config-write hook; pci_default_write_config calls it. */
void msi_write_config(PCIDevice *dev, uint32_t addr, uint32_t val, int len);

#endif
