/*
 * msix.c - the MSI-X capability, its vector table and pending bit array.
 *
 * The table and PBA are I/O regions laid over the BARs the device names
 * (priority 1, so they win over a register block sharing the BAR). Table
 * entries are 16 bytes: address low, address high, data, vector control
 * (bit 0 = masked); the guest may access them with 4- or 8-byte accesses.
 * Delivery shares msi_send_message with MSI.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "hw/pci/msix.h"
#include "trace/trace.h"

#define MSIX_CAP_CTRL_BYTE  (PCI_MSIX_FLAGS + 1)    /* enable, function mask */
#define MSIX_ENABLE_BYTE    (PCI_MSIX_FLAGS_ENABLE >> 8)
#define MSIX_MASKALL_BYTE   (PCI_MSIX_FLAGS_MASKALL >> 8)

bool msix_present(const PCIDevice *dev)
{
    return dev->cap_present & QEMU_PCI_CAP_MSIX;
}

bool msix_enabled(const PCIDevice *dev)
{
    return msix_present(dev) &&
           (dev->config[dev->msix_cap + MSIX_CAP_CTRL_BYTE] &
            MSIX_ENABLE_BYTE);
}

static bool msix_function_masked(const PCIDevice *dev)
{
    uint8_t ctrl = dev->config[dev->msix_cap + MSIX_CAP_CTRL_BYTE];

    return !(ctrl & MSIX_ENABLE_BYTE) || (ctrl & MSIX_MASKALL_BYTE);
}

unsigned int msix_nr_vectors_allocated(const PCIDevice *dev)
{
    return dev->msix_entries_nr;
}

static bool msix_entry_masked(const PCIDevice *dev, unsigned vector)
{
    const uint8_t *e = dev->msix_table + vector * PCI_MSIX_ENTRY_SIZE;

    return pci_get_long(e + PCI_MSIX_ENTRY_VECTOR_CTRL) &
           PCI_MSIX_ENTRY_CTRL_MASKBIT;
}

bool msix_is_masked(const PCIDevice *dev, unsigned int vector)
{
    return msix_function_masked(dev) || msix_entry_masked(dev, vector);
}

bool msix_is_pending(const PCIDevice *dev, unsigned int vector)
{
    return dev->msix_pba[vector / 8] & (1u << (vector % 8));
}

static void msix_set_pending(PCIDevice *dev, unsigned vector, bool on)
{
    if (on) {
        dev->msix_pba[vector / 8] |= 1u << (vector % 8);
    } else {
        dev->msix_pba[vector / 8] &= ~(1u << (vector % 8));
    }
}

MSIMessage msix_get_message(PCIDevice *dev, unsigned int vector)
{
    const uint8_t *e = dev->msix_table + vector * PCI_MSIX_ENTRY_SIZE;
    MSIMessage msg;

    msg.address = pci_get_quad(e + PCI_MSIX_ENTRY_LOWER_ADDR);
    msg.data = pci_get_long(e + PCI_MSIX_ENTRY_DATA);
    return msg;
}

/* Send @vector if it is pending and no longer masked. */
static void msix_handle_unmask(PCIDevice *dev, unsigned vector)
{
    if (msix_is_masked(dev, vector) || !msix_is_pending(dev, vector)) {
        return;
    }
    msix_set_pending(dev, vector, false);
    if (trace_event_on(msix_notify)) {
        MSIMessage msg = msix_get_message(dev, vector);
        trace_msix_notify(dev->name, vector, msg.address, msg.data);
    }
    msi_send_message(dev, msix_get_message(dev, vector));
}

void msix_notify(PCIDevice *dev, unsigned vector)
{
    if (!msix_present(dev) || vector >= dev->msix_entries_nr ||
        !dev->msix_entry_used[vector]) {
        return;
    }
    if (msix_is_masked(dev, vector)) {
        trace_msix_notify_masked(dev->name, vector);
        msix_set_pending(dev, vector, true);
        return;
    }
    if (trace_event_on(msix_notify)) {
        MSIMessage msg = msix_get_message(dev, vector);
        trace_msix_notify(dev->name, vector, msg.address, msg.data);
    }
    msi_send_message(dev, msix_get_message(dev, vector));
}

static uint64_t msix_table_read(void *opaque, hwaddr addr, unsigned size)
{
    PCIDevice *dev = opaque;

    return pci_get_long(dev->msix_table + addr);
}

static void msix_table_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    PCIDevice *dev = opaque;
    unsigned vector = addr / PCI_MSIX_ENTRY_SIZE;
    bool was_masked = msix_is_masked(dev, vector);

    pci_set_long(dev->msix_table + addr, (uint32_t)val);
    if (was_masked && !msix_is_masked(dev, vector)) {
        msix_handle_unmask(dev, vector);
    }
}

static const MemoryRegionOps msix_table_ops = {
    .read = msix_table_read,
    .write = msix_table_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

static uint64_t msix_pba_read(void *opaque, hwaddr addr, unsigned size)
{
    PCIDevice *dev = opaque;
    uint64_t val = 0;

    for (unsigned i = 0; i < size; i++) {
        val |= (uint64_t)dev->msix_pba[addr + i] << (8 * i);
    }
    return val;
}

static void msix_pba_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
    PCIDevice *dev = opaque;

    log_mask(LOG_GUEST_ERROR, "%s: write to read-only MSI-X PBA at 0x%"
             HWADDR_PRIx "\n", dev->name, addr);
}

static const MemoryRegionOps msix_pba_ops = {
    .read = msix_pba_read,
    .write = msix_pba_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 8 },
};

static void msix_mask_all(PCIDevice *dev)
{
    for (int v = 0; v < dev->msix_entries_nr; v++) {
        pci_set_long(dev->msix_table + v * PCI_MSIX_ENTRY_SIZE +
                     PCI_MSIX_ENTRY_VECTOR_CTRL, PCI_MSIX_ENTRY_CTRL_MASKBIT);
    }
}

int msix_init(PCIDevice *dev, unsigned short nentries,
              MemoryRegion *table_bar, uint8_t table_bar_nr,
              unsigned table_offset, MemoryRegion *pba_bar,
              uint8_t pba_bar_nr, unsigned pba_offset, uint8_t cap_pos,
              GError **errp)
{
    unsigned table_size = nentries * PCI_MSIX_ENTRY_SIZE;
    unsigned pba_size = DIV_ROUND_UP(nentries, 64) * 8;
    uint8_t *c;
    int pos;

    if (nentries < 1 || nentries > PCI_MSIX_FLAGS_QSIZE + 1) {
        error_setg(errp, "%s: MSI-X needs 1..2048 vectors, not %u",
                   dev->name, nentries);
        return -EINVAL;
    }
    if (table_bar_nr > 5 || pba_bar_nr > 5 || (table_offset & 7) ||
        (pba_offset & 7) ||
        (uint64_t)table_offset + table_size > memory_region_size(table_bar) ||
        (uint64_t)pba_offset + pba_size > memory_region_size(pba_bar)) {
        error_setg(errp, "%s: MSI-X table or PBA does not fit its BAR",
                   dev->name);
        return -EINVAL;
    }
    if (table_bar == pba_bar &&
        table_offset < pba_offset + pba_size &&
        pba_offset < table_offset + table_size) {
        error_setg(errp, "%s: MSI-X table and PBA overlap", dev->name);
        return -EINVAL;
    }
    pos = pci_add_capability(dev, PCI_CAP_ID_MSIX, cap_pos,
                             PCI_CAP_MSIX_SIZEOF, errp);
    if (pos < 0) {
        return pos;
    }
    dev->msix_cap = pos;
    dev->cap_present |= QEMU_PCI_CAP_MSIX;
    dev->msix_entries_nr = nentries;
    c = dev->config + pos;
    pci_set_word(c + PCI_MSIX_FLAGS, nentries - 1);
    pci_set_long(c + PCI_MSIX_TABLE, table_offset | table_bar_nr);
    pci_set_long(c + PCI_MSIX_PBA, pba_offset | pba_bar_nr);
    dev->wmask[pos + MSIX_CAP_CTRL_BYTE] |= MSIX_ENABLE_BYTE |
                                            MSIX_MASKALL_BYTE;

    dev->msix_table = g_malloc0(table_size);
    dev->msix_pba = g_malloc0(pba_size);
    dev->msix_entry_used = g_new0(unsigned, nentries);
    msix_mask_all(dev);
    dev->msix_function_masked = true;

    memory_region_init_io(&dev->msix_table_mmio, OBJECT(dev),
                          &msix_table_ops, dev, "msix-table", table_size);
    memory_region_add_subregion_overlap(table_bar, table_offset,
                                        &dev->msix_table_mmio, 1);
    memory_region_init_io(&dev->msix_pba_mmio, OBJECT(dev), &msix_pba_ops,
                          dev, "msix-pba", pba_size);
    memory_region_add_subregion_overlap(pba_bar, pba_offset,
                                        &dev->msix_pba_mmio, 1);
    dev->msix_table_bar = table_bar;
    dev->msix_pba_bar = pba_bar;
    return pos;
}

int msix_init_exclusive_bar(PCIDevice *dev, unsigned short nentries,
                            uint8_t bar_nr, GError **errp)
{
    /*
     * QEMU's layout, which guests and `info pci` see: one 4 KiB BAR with
     * the table at 0 and the PBA at 2 KiB (or right after a larger
     * table), grown to the next power of two when they do not fit.
     */
    uint64_t table_size = (uint64_t)nentries * PCI_MSIX_ENTRY_SIZE;
    uint64_t pba_size = ROUND_UP(nentries, 64) / 8;
    uint64_t pba_offset = MAX(table_size, 2048);
    uint64_t bar_size = MAX(pba_offset + pba_size, 4096);
    char *name;
    int ret;

    if (bar_size & (bar_size - 1)) {
        bar_size = 1ULL << (64 - __builtin_clzll(bar_size));
    }
    name = g_strdup_printf("%s-msix", dev->name);
    memory_region_init(&dev->msix_exclusive_bar, OBJECT(dev), name, bar_size);
    g_free(name);
    ret = msix_init(dev, nentries, &dev->msix_exclusive_bar, bar_nr, 0,
                    &dev->msix_exclusive_bar, bar_nr, pba_offset, 0, errp);
    if (ret < 0) {
        memory_region_destroy(&dev->msix_exclusive_bar);
        return ret;
    }
    pci_register_bar(dev, bar_nr, PCI_BASE_ADDRESS_SPACE_MEMORY,
                     &dev->msix_exclusive_bar);
    return ret;
}

void msix_uninit(PCIDevice *dev, MemoryRegion *table_bar,
                 MemoryRegion *pba_bar)
{
    if (!msix_present(dev)) {
        return;
    }
    pci_del_capability(dev, PCI_CAP_ID_MSIX, PCI_CAP_MSIX_SIZEOF);
    memory_region_del_subregion(table_bar, &dev->msix_table_mmio);
    memory_region_del_subregion(pba_bar, &dev->msix_pba_mmio);
    memory_region_destroy(&dev->msix_table_mmio);
    memory_region_destroy(&dev->msix_pba_mmio);
    g_free(dev->msix_table);
    g_free(dev->msix_pba);
    g_free(dev->msix_entry_used);
    dev->msix_table = dev->msix_pba = NULL;
    dev->msix_entry_used = NULL;
    dev->msix_entries_nr = 0;
    dev->msix_cap = 0;
    dev->msix_table_bar = dev->msix_pba_bar = NULL;
    dev->cap_present &= ~QEMU_PCI_CAP_MSIX;
}

void msix_uninit_exclusive_bar(PCIDevice *dev)
{
    if (msix_present(dev)) {
        msix_uninit(dev, &dev->msix_exclusive_bar, &dev->msix_exclusive_bar);
    }
}

void msix_reset(PCIDevice *dev)
{
    if (!msix_present(dev)) {
        return;
    }
    dev->config[dev->msix_cap + MSIX_CAP_CTRL_BYTE] &=
        ~(MSIX_ENABLE_BYTE | MSIX_MASKALL_BYTE);
    memset(dev->msix_table, 0, dev->msix_entries_nr * PCI_MSIX_ENTRY_SIZE);
    memset(dev->msix_pba, 0, DIV_ROUND_UP(dev->msix_entries_nr, 64) * 8);
    msix_mask_all(dev);
    dev->msix_function_masked = true;
}

int msix_vector_use(PCIDevice *dev, unsigned vector)
{
    if (vector >= dev->msix_entries_nr) {
        return -EINVAL;
    }
    dev->msix_entry_used[vector]++;
    return 0;
}

void msix_vector_unuse(PCIDevice *dev, unsigned vector)
{
    if (vector >= dev->msix_entries_nr || !dev->msix_entry_used[vector]) {
        return;
    }
    if (--dev->msix_entry_used[vector] == 0) {
        msix_set_pending(dev, vector, false);
    }
}

void msix_unuse_all_vectors(PCIDevice *dev)
{
    if (!msix_present(dev)) {
        return;
    }
    for (int v = 0; v < dev->msix_entries_nr; v++) {
        dev->msix_entry_used[v] = 0;
        msix_set_pending(dev, v, false);
    }
}

void msix_write_config(PCIDevice *dev, uint32_t addr, uint32_t val, int len)
{
    unsigned ctrl = dev->msix_cap + MSIX_CAP_CTRL_BYTE;
    bool was_masked;

    if (!msix_present(dev) || addr > ctrl || addr + len <= ctrl) {
        return;
    }
    was_masked = dev->msix_function_masked;
    dev->msix_function_masked = msix_function_masked(dev);
    trace_msix_write_config(dev->name, msix_enabled(dev),
                            dev->msix_function_masked);
    if (msix_enabled(dev)) {
        /* MSI-X and INTx are exclusive. */
        pci_set_irq(dev, 0);
    }
    if (was_masked && !dev->msix_function_masked) {
        for (int v = 0; v < dev->msix_entries_nr; v++) {
            msix_handle_unmask(dev, v);
        }
    }
}
