/*
 * pci-vmstate.c - migration of what the PCI core keeps for a function:
 * config space (and so the BARs, the command register, MSI, bridge
 * windows and bus numbers), the INTx level it drives, and MSI-X (table,
 * PBA, which vectors the device uses). Devices embed it in their own
 * table with VMSTATE_PCI_DEVICE(parent_obj, MyState).
 *
 * Loading re-creates what config space implies instead of carrying it:
 * BARs are mapped where the guest put them, bus mastering is gated, the
 * bridge windows open, the INTx line is raised again through the bus
 * (whose per-line counts start from zero on a freshly reset destination).
 * Identity bytes (IDs, class, header type, BAR kinds) must be those of
 * the function here, or the load fails: same command line, same device.
 */
#include "util/osdep.h"
#include "util/error.h"
#include "util/bswap.h"
#include "migration/vmstate.h"
#include "hw/pci/pci.h"
#include "hw/pci/msix.h"
#include "hw/pci/pci_bridge.h"

/* Bytes that say which function this is: they cannot change by migrating. */
static bool pci_identity_byte(const PCIDevice *d, uint32_t i)
{
    bool bridge = (d->config[PCI_HEADER_TYPE] & 0x7f) == PCI_HEADER_TYPE_BRIDGE;

    if (i < 4 || (i >= PCI_REVISION_ID && i < PCI_CACHE_LINE_SIZE) ||
        i == PCI_HEADER_TYPE || i == PCI_CAPABILITY_LIST) {
        return true;
    }
    if (!bridge && i >= PCI_SUBSYSTEM_VENDOR_ID && i < PCI_ROM_ADDRESS) {
        return true;
    }
    /* The read-only bits of a BAR: I/O or memory, 32/64-bit, prefetch. */
    if (i >= PCI_BASE_ADDRESS_0 && i < PCI_BASE_ADDRESS_0 + (bridge ? 8 : 24)) {
        return d->cmask[i] && !d->wmask[i];
    }
    return false;
}

static void pci_config_put(GByteArray *out, void *field, void *opaque)
{
    PCIDevice *d = opaque;

    g_byte_array_append(out, d->config, pci_config_size(d));
}

static bool pci_config_get(const uint8_t *buf, size_t len, void *field,
                           void *opaque, GError **errp)
{
    PCIDevice *d = opaque;
    uint32_t size = pci_config_size(d);

    if (len != size) {
        error_setg(errp, "%s: %zu bytes of config space, %u here", d->name,
                   len, size);
        return false;
    }
    for (uint32_t i = 0; i < size; i++) {
        if (pci_identity_byte(d, i) && buf[i] != d->config[i]) {
            error_setg(errp, "%s: config byte 0x%x is 0x%02x in the stream, "
                       "0x%02x here (not the same device)", d->name, i,
                       buf[i], d->config[i]);
            return false;
        }
    }
    memcpy(d->config, buf, size);
    return true;
}

static const VMStateInfo vmstate_info_pci_config = {
    .name = "pci-config",
    .put = pci_config_put,
    .get = pci_config_get,
};

/* The level goes through pci_set_irq so that the bus counts it. */
static void pci_irq_put(GByteArray *out, void *field, void *opaque)
{
    PCIDevice *d = opaque;
    uint8_t level = d->irq_state & 1;

    g_byte_array_append(out, &level, 1);
}

static bool pci_irq_get(const uint8_t *buf, size_t len, void *field,
                        void *opaque, GError **errp)
{
    PCIDevice *d = opaque;

    if (len != 1 || buf[0] > 1) {
        error_setg(errp, "%s: bad INTx level", d->name);
        return false;
    }
    pci_set_irq(d, buf[0]);
    return true;
}

static const VMStateInfo vmstate_info_pci_irq = {
    .name = "pci-irq",
    .put = pci_irq_put,
    .get = pci_irq_get,
};

static size_t msix_table_bytes(const PCIDevice *d)
{
    return (size_t)d->msix_entries_nr * PCI_MSIX_ENTRY_SIZE;
}

static size_t msix_pba_bytes(const PCIDevice *d)
{
    return DIV_ROUND_UP(d->msix_entries_nr, 64) * 8;
}

/* u32 vectors, the table, the PBA, then each vector's use count. */
static void pci_msix_put(GByteArray *out, void *field, void *opaque)
{
    PCIDevice *d = opaque;
    uint32_t n = msix_present(d) ? d->msix_entries_nr : 0;
    uint8_t le[4];

    stl_le_p(le, n);
    g_byte_array_append(out, le, 4);
    if (!n) {
        return;
    }
    g_byte_array_append(out, d->msix_table, msix_table_bytes(d));
    g_byte_array_append(out, d->msix_pba, msix_pba_bytes(d));
    for (uint32_t v = 0; v < n; v++) {
        stl_le_p(le, d->msix_entry_used[v]);
        g_byte_array_append(out, le, 4);
    }
}

static bool pci_msix_get(const uint8_t *buf, size_t len, void *field,
                         void *opaque, GError **errp)
{
    PCIDevice *d = opaque;
    uint32_t here = msix_present(d) ? d->msix_entries_nr : 0;
    uint32_t n;

    if (len < 4) {
        goto bad;
    }
    n = ldl_le_p(buf);
    if (n != here) {
        error_setg(errp, "%s: %u MSI-X vectors in the stream, %u here",
                   d->name, n, here);
        return false;
    }
    if (!n) {
        return len == 4 ? true : (error_setg(errp, "%s: bad MSI-X state",
                                             d->name), false);
    }
    if (len != 4 + msix_table_bytes(d) + msix_pba_bytes(d) + 4 * n) {
        goto bad;
    }
    buf += 4;
    memcpy(d->msix_table, buf, msix_table_bytes(d));
    buf += msix_table_bytes(d);
    memcpy(d->msix_pba, buf, msix_pba_bytes(d));
    buf += msix_pba_bytes(d);
    for (uint32_t v = 0; v < n; v++) {
        d->msix_entry_used[v] = ldl_le_p(buf + 4 * v);
    }
    return true;
bad:
    error_setg(errp, "%s: MSI-X state of %zu bytes does not fit %u vectors",
               d->name, len, here);
    return false;
}

static const VMStateInfo vmstate_info_pci_msix = {
    .name = "pci-msix",
    .put = pci_msix_put,
    .get = pci_msix_get,
};

static int pci_device_post_load(void *opaque, int version_id)
{
    PCIDevice *d = opaque;

    pci_update_mappings(d);
    memory_region_set_enabled(&d->bus_master_enable_region,
                              pci_bus_master_enabled(d));
    if (msix_present(d)) {
        uint16_t flags = pci_get_word(d->config + d->msix_cap +
                                      PCI_MSIX_FLAGS);

        d->msix_function_masked = !(flags & PCI_MSIX_FLAGS_ENABLE) ||
                                  (flags & PCI_MSIX_FLAGS_MASKALL);
    }
    if (object_dynamic_cast(OBJECT(d), TYPE_PCI_BRIDGE)) {
        pci_bridge_update_mappings(PCI_BRIDGE(d));
    }
    return 0;
}

const VMStateDescription vmstate_pci_device = {
    .name = "PCIDevice",
    .version_id = 1,
    .post_load = pci_device_post_load,
    .fields = (const VMStateField[]) {
        /* Config first: the INTx re-drive reads its command register. */
        VMSTATE_CUSTOM("config", vmstate_info_pci_config),
        VMSTATE_CUSTOM("irq_state", vmstate_info_pci_irq),
        VMSTATE_CUSTOM("msix", vmstate_info_pci_msix),
        VMSTATE_END_OF_LIST()
    },
};
