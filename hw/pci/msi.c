/*
 * msi.c - the MSI capability: layout, guest writes, masking and delivery.
 *
 * Capability layout (offsets from the capability):
 *   +2 flags  +4 address low  [+8 address high]  data  [mask  pending]
 * with data at +8 (32-bit) or +12 (64-bit) and mask/pending after it.
 * Messages are DWORD memory writes through the function's bus-master
 * address space (msi_send_message), the same path DMA takes, so Bus
 * Master Enable gates them as the spec requires.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "hw/pci/msi.h"
#include "hw/pci/msix.h"

static uint16_t msi_flags(const PCIDevice *dev)
{
    return pci_get_word(dev->config + dev->msi_cap + PCI_MSI_FLAGS);
}

static bool msi_is_64(uint16_t flags)
{
    return flags & PCI_MSI_FLAGS_64BIT;
}

static unsigned msi_data_off(uint16_t flags)
{
    return msi_is_64(flags) ? PCI_MSI_DATA_64 : PCI_MSI_DATA_32;
}

static unsigned msi_mask_off(uint16_t flags)
{
    return msi_is_64(flags) ? PCI_MSI_MASK_64 : PCI_MSI_MASK_32;
}

static unsigned msi_pending_off(uint16_t flags)
{
    return msi_is_64(flags) ? PCI_MSI_PENDING_64 : PCI_MSI_PENDING_32;
}

static uint8_t msi_cap_sizeof(uint16_t flags)
{
    if (flags & PCI_MSI_FLAGS_MASKBIT) {
        return msi_is_64(flags) ? 0x18 : 0x14;
    }
    return msi_is_64(flags) ? 0x0e : 0x0a;
}

bool msi_present(const PCIDevice *dev)
{
    return dev->cap_present & QEMU_PCI_CAP_MSI;
}

bool msi_enabled(const PCIDevice *dev)
{
    return msi_present(dev) && (msi_flags(dev) & PCI_MSI_FLAGS_ENABLE);
}

int msi_init(PCIDevice *dev, uint8_t offset, unsigned int nr_vectors,
             bool msi64bit, bool msi_per_vector_mask, GError **errp)
{
    unsigned log2_vectors;
    uint16_t flags;
    int pos;

    if (nr_vectors == 0 || nr_vectors > 32 ||
        (nr_vectors & (nr_vectors - 1))) {
        error_setg(errp, "%s: MSI needs 1, 2, 4, 8, 16 or 32 vectors, not %u",
                   dev->name, nr_vectors);
        return -EINVAL;
    }
    log2_vectors = __builtin_ctz(nr_vectors);
    flags = log2_vectors << 1;
    if (msi64bit) {
        flags |= PCI_MSI_FLAGS_64BIT;
    }
    if (msi_per_vector_mask) {
        flags |= PCI_MSI_FLAGS_MASKBIT;
    }
    pos = pci_add_capability(dev, PCI_CAP_ID_MSI, offset,
                             msi_cap_sizeof(flags), errp);
    if (pos < 0) {
        return pos;
    }
    dev->msi_cap = pos;
    dev->cap_present |= QEMU_PCI_CAP_MSI;
    pci_set_word(dev->config + pos + PCI_MSI_FLAGS, flags);
    pci_set_word(dev->wmask + pos + PCI_MSI_FLAGS,
                 PCI_MSI_FLAGS_QSIZE | PCI_MSI_FLAGS_ENABLE);
    /* Message address is DWORD aligned. */
    pci_set_long(dev->wmask + pos + PCI_MSI_ADDRESS_LO, 0xfffffffc);
    if (msi64bit) {
        pci_set_long(dev->wmask + pos + PCI_MSI_ADDRESS_HI, 0xffffffff);
    }
    pci_set_word(dev->wmask + pos + msi_data_off(flags), 0xffff);
    if (msi_per_vector_mask) {
        pci_set_long(dev->wmask + pos + msi_mask_off(flags),
                     0xffffffff >> (32 - nr_vectors));
    }
    return pos;
}

void msi_uninit(PCIDevice *dev)
{
    uint16_t flags;

    if (!msi_present(dev)) {
        return;
    }
    flags = msi_flags(dev);
    pci_del_capability(dev, PCI_CAP_ID_MSI, msi_cap_sizeof(flags));
    dev->cap_present &= ~QEMU_PCI_CAP_MSI;
    dev->msi_cap = 0;
}

void msi_reset(PCIDevice *dev)
{
    uint8_t *c;
    uint16_t flags;

    if (!msi_present(dev)) {
        return;
    }
    c = dev->config + dev->msi_cap;
    flags = msi_flags(dev);
    flags &= ~(PCI_MSI_FLAGS_QSIZE | PCI_MSI_FLAGS_ENABLE);
    pci_set_word(c + PCI_MSI_FLAGS, flags);
    pci_set_long(c + PCI_MSI_ADDRESS_LO, 0);
    if (msi_is_64(flags)) {
        pci_set_long(c + PCI_MSI_ADDRESS_HI, 0);
    }
    pci_set_word(c + msi_data_off(flags), 0);
    if (flags & PCI_MSI_FLAGS_MASKBIT) {
        pci_set_long(c + msi_mask_off(flags), 0);
        pci_set_long(c + msi_pending_off(flags), 0);
    }
}

unsigned int msi_nr_vectors_allocated(const PCIDevice *dev)
{
    return 1u << ((msi_flags(dev) & PCI_MSI_FLAGS_QSIZE) >> 4);
}

bool msi_is_masked(const PCIDevice *dev, unsigned int vector)
{
    uint16_t flags = msi_flags(dev);

    if (!(flags & PCI_MSI_FLAGS_MASKBIT)) {
        return false;
    }
    return pci_get_long(dev->config + dev->msi_cap + msi_mask_off(flags)) &
           (1u << vector);
}

bool msi_is_pending(const PCIDevice *dev, unsigned int vector)
{
    uint16_t flags = msi_flags(dev);

    if (!(flags & PCI_MSI_FLAGS_MASKBIT)) {
        return false;
    }
    return pci_get_long(dev->config + dev->msi_cap + msi_pending_off(flags)) &
           (1u << vector);
}

MSIMessage msi_get_message(PCIDevice *dev, unsigned int vector)
{
    const uint8_t *c = dev->config + dev->msi_cap;
    uint16_t flags = msi_flags(dev);
    unsigned nr = msi_nr_vectors_allocated(dev);
    MSIMessage msg;

    msg.address = pci_get_long(c + PCI_MSI_ADDRESS_LO);
    if (msi_is_64(flags)) {
        msg.address |= (uint64_t)pci_get_long(c + PCI_MSI_ADDRESS_HI) << 32;
    }
    msg.data = pci_get_word(c + msi_data_off(flags));
    /* With N vectors enabled the device owns the low log2(N) data bits. */
    msg.data = (msg.data & ~(nr - 1)) | (vector & (nr - 1));
    return msg;
}

void msi_send_message(PCIDevice *dev, MSIMessage msg)
{
    MemTxResult res;

    if (dev->msi_trigger) {
        dev->msi_trigger(dev, msg.address, msg.data);
        return;
    }
    address_space_stl_le(&dev->bus_master_as, msg.address, msg.data,
                         pci_dma_attrs(dev), &res);
    if (res != MEMTX_OK) {
        log_mask(LOG_GUEST_ERROR, "%s: MSI write of 0x%x to 0x%" PRIx64
                 " failed%s\n", dev->name, msg.data, msg.address,
                 pci_bus_master_enabled(dev) ? ""
                 : " (bus mastering disabled)");
    }
}

void msi_notify(PCIDevice *dev, unsigned int vector)
{
    uint16_t flags;

    if (!msi_enabled(dev)) {
        return;
    }
    flags = msi_flags(dev);
    if (vector >= msi_nr_vectors_allocated(dev)) {
        /* The guest enabled fewer vectors than the device wants. */
        vector &= msi_nr_vectors_allocated(dev) - 1;
    }
    if (msi_is_masked(dev, vector)) {
        pci_long_set_mask(dev->config + dev->msi_cap + msi_pending_off(flags),
                          1u << vector);
        return;
    }
    msi_send_message(dev, msi_get_message(dev, vector));
}

void msi_write_config(PCIDevice *dev, uint32_t addr, uint32_t val, int len)
{
    uint16_t flags;
    unsigned pos, qmask, qsize, nr;
    uint8_t *c;

    if (!msi_present(dev)) {
        return;
    }
    pos = dev->msi_cap;
    flags = msi_flags(dev);
    if (addr + len <= pos || addr >= pos + msi_cap_sizeof(flags)) {
        return;
    }
    c = dev->config + pos;
    /* Multiple Message Enable may not exceed Multiple Message Capable. */
    qmask = (flags & PCI_MSI_FLAGS_QMASK) >> 1;
    qsize = (flags & PCI_MSI_FLAGS_QSIZE) >> 4;
    if (qsize > qmask) {
        flags = (flags & ~PCI_MSI_FLAGS_QSIZE) | (qmask << 4);
        pci_set_word(c + PCI_MSI_FLAGS, flags);
    }
    if (!(flags & PCI_MSI_FLAGS_ENABLE)) {
        return;
    }
    /* MSI and INTx are exclusive: enabling MSI drops a raised pin. */
    pci_set_irq(dev, 0);
    if (!(flags & PCI_MSI_FLAGS_MASKBIT)) {
        return;
    }
    nr = msi_nr_vectors_allocated(dev);
    for (unsigned v = 0; v < nr; v++) {
        if (msi_is_pending(dev, v) && !msi_is_masked(dev, v)) {
            pci_long_clear_mask(c + msi_pending_off(flags), 1u << v);
            msi_send_message(dev, msi_get_message(dev, v));
        }
    }
}
