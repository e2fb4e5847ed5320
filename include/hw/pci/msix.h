/*
 * msix.h - MSI-X: a table of (address, data, mask) entries and a pending
 * bit array, both in memory BARs of the function (PCI 3.0 6.8.2).
 *
 * The table and the PBA may sit in any BAR at any offset, also in a BAR
 * the device uses for its own registers (they are overlaid with higher
 * priority) and in two different BARs; vfio relocates them with this:
 *
 *     msix_init(pdev, 8, &s->bar2, 2, 0x0, &s->bar2, 2, 0x800, 0, errp);
 *     msix_vector_use(pdev, v);
 *     msix_notify(pdev, v);
 *
 * A vector is masked by its own Mask bit, by the Function Mask bit, or
 * while MSI-X is disabled; raising a masked vector sets its PBA bit and
 * the message is sent (and the bit cleared) when it becomes unmasked.
 */
#ifndef HW_PCI_MSIX_H
#define HW_PCI_MSIX_H

#include "hw/pci/msi.h"

/*
 * msix_init: @nentries vectors (1..2048). The table goes at @table_offset
 * of region @table_bar, which is (or will be) BAR @table_bar_nr; the PBA
 * at @pba_offset of @pba_bar, BAR @pba_bar_nr. Offsets must be 8-byte
 * aligned and the structures must fit in the regions. @cap_pos 0 places
 * the capability anywhere. Returns the capability offset or negative with
 * @errp set.
 */
int msix_init(PCIDevice *dev, unsigned short nentries,
              MemoryRegion *table_bar, uint8_t table_bar_nr,
              unsigned table_offset, MemoryRegion *pba_bar,
              uint8_t pba_bar_nr, unsigned pba_offset, uint8_t cap_pos,
              GError **errp);
/*
 * msix_init_exclusive_bar: a memory BAR @bar_nr of its own holding the
 * table at 0 and the PBA in the next 4 KiB page; registered here.
 */
int msix_init_exclusive_bar(PCIDevice *dev, unsigned short nentries,
                            uint8_t bar_nr, GError **errp);
void msix_uninit(PCIDevice *dev, MemoryRegion *table_bar,
                 MemoryRegion *pba_bar);
void msix_uninit_exclusive_bar(PCIDevice *dev);
/* Table masked, PBA clear, MSI-X disabled. */
void msix_reset(PCIDevice *dev);
bool msix_present(const PCIDevice *dev);
bool msix_enabled(const PCIDevice *dev);
unsigned int msix_nr_vectors_allocated(const PCIDevice *dev);
/* Masked by entry, function mask or MSI-X disable. */
bool msix_is_masked(const PCIDevice *dev, unsigned int vector);
bool msix_is_pending(const PCIDevice *dev, unsigned int vector);
MSIMessage msix_get_message(PCIDevice *dev, unsigned int vector);
/* The device will raise @vector (vectors it never uses never fire). */
int msix_vector_use(PCIDevice *dev, unsigned vector);
void msix_vector_unuse(PCIDevice *dev, unsigned vector);
void msix_unuse_all_vectors(PCIDevice *dev);
/* Raise @vector: send it, or set its pending bit while masked. */
void msix_notify(PCIDevice *dev, unsigned vector);
/* Config-write hook; pci_default_write_config calls it. */
void msix_write_config(PCIDevice *dev, uint32_t addr, uint32_t val, int len);

#endif
