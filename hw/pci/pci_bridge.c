/*
 * pci_bridge.c - the common part of PCI-to-PCI bridges: the secondary
 * bus, its forwarding windows and the bridge registers' behaviour.
 * See include/hw/pci/pci_bridge.h; concrete bridges are in hw/pci-bridge/.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "exec/memory.h"
#include "hw/qdev.h"
#include "hw/pci/pci_bridge.h"

PCIBus *pci_bridge_get_sec_bus(PCIBridge *br)
{
    return br->sec_bus;
}

static void pci_bridge_window_unmap(MemoryRegion *container,
                                    MemoryRegion *alias)
{
    if (memory_region_is_mapped(alias)) {
        memory_region_del_subregion(container, alias);
    }
    memory_region_destroy(alias);
}

/*
 * (Re)create one window: an alias of the secondary space @space covering
 * [base, limit], mapped at base in the parent's @container when
 * @enabled. Aliases are rebuilt rather than resized: windows move rarely
 * (firmware and OS enumeration) and this keeps the memory core simple.
 */
static void pci_bridge_window_map(PCIBridge *br, MemoryRegion *container,
                                  MemoryRegion *alias, MemoryRegion *space,
                                  const char *name, pcibus_t base,
                                  pcibus_t limit, bool enabled)
{
    uint64_t space_size = memory_region_size(space);
    uint64_t size;

    if (!enabled || limit < base || base >= space_size) {
        memory_region_init(alias, OBJECT(br), name, 0);
        return;
    }
    /* limit - base + 1 wraps to 0 for a window reaching 2^64. */
    size = limit - base >= space_size - base ? space_size - base
                                             : limit - base + 1;
    memory_region_init_alias(alias, OBJECT(br), name, space, base, size);
    memory_region_add_subregion_overlap(container, base, alias, 1);
}

void pci_bridge_update_mappings(PCIBridge *br)
{
    PCIDevice *d = &br->parent_obj;
    PCIBus *parent = pci_get_bus(d);
    const uint8_t *c = d->config;
    uint16_t cmd = pci_get_word(c + PCI_COMMAND);

    memory_region_transaction_begin();
    if (br->windows_mapped) {
        pci_bridge_window_unmap(parent->address_space_io, &br->alias_io);
        pci_bridge_window_unmap(parent->address_space_mem, &br->alias_mem);
        pci_bridge_window_unmap(parent->address_space_mem,
                                &br->alias_pref_mem);
    }
    pci_bridge_window_map(br, parent->address_space_io, &br->alias_io,
                          &br->address_space_io, "pci_bridge_io",
                          pci_bridge_io_base(c), pci_bridge_io_limit(c),
                          cmd & PCI_COMMAND_IO);
    pci_bridge_window_map(br, parent->address_space_mem, &br->alias_mem,
                          &br->address_space_mem, "pci_bridge_mem",
                          pci_bridge_mem_base(c), pci_bridge_mem_limit(c),
                          cmd & PCI_COMMAND_MEMORY);
    pci_bridge_window_map(br, parent->address_space_mem, &br->alias_pref_mem,
                          &br->address_space_mem, "pci_bridge_pref_mem",
                          pci_bridge_pref_base(c), pci_bridge_pref_limit(c),
                          cmd & PCI_COMMAND_MEMORY);
    br->windows_mapped = true;
    memory_region_transaction_commit();
}

static bool ranges_overlap(uint32_t a, uint32_t alen, uint32_t b,
                           uint32_t blen)
{
    return a < b + blen && b < a + alen;
}

void pci_bridge_write_config(PCIDevice *d, uint32_t addr, uint32_t val,
                             int len)
{
    PCIBridge *br = PCI_BRIDGE(d);
    uint16_t old_ctl = pci_get_word(d->config + PCI_BRIDGE_CONTROL);
    uint16_t new_ctl;

    pci_default_write_config(d, addr, val, len);
    if (ranges_overlap(addr, len, PCI_COMMAND, 2) ||
        ranges_overlap(addr, len, PCI_IO_BASE, 2) ||
        ranges_overlap(addr, len, PCI_MEMORY_BASE, 20) ||
        ranges_overlap(addr, len, PCI_IO_BASE_UPPER16, 4)) {
        pci_bridge_update_mappings(br);
    }
    new_ctl = pci_get_word(d->config + PCI_BRIDGE_CONTROL);
    /* Secondary Bus Reset: the devices behind are reset as it asserts. */
    if (!(old_ctl & PCI_BRIDGE_CTL_BUS_RESET) &&
        (new_ctl & PCI_BRIDGE_CTL_BUS_RESET)) {
        pci_bus_reset(br->sec_bus);
    }
}

void pci_bridge_reset(DeviceState *qdev)
{
    PCIDevice *d = PCI_DEVICE(qdev);
    uint8_t *c = d->config;

    c[PCI_PRIMARY_BUS] = 0;
    c[PCI_SECONDARY_BUS] = 0;
    c[PCI_SUBORDINATE_BUS] = 0;
    c[PCI_SEC_LATENCY_TIMER] = 0;
    /*
     * QEMU's reset values, which `info pci` shows: PCIe ports close their
     * windows (base above limit); the conventional pci-bridge zeroes base
     * and limit (windows of 4 KiB / 1 MiB at 0, decoding only once the
     * command register enables it). Decode type bits are kept.
     */
    if (PCI_DEVICE_GET_CLASS(d)->is_express) {
        c[PCI_IO_BASE] = (c[PCI_IO_BASE] & PCI_IO_RANGE_TYPE_MASK) | 0xf0;
        pci_set_word(c + PCI_MEMORY_BASE, 0xfff0);
        pci_set_word(c + PCI_PREF_MEMORY_BASE,
                     (pci_get_word(c + PCI_PREF_MEMORY_BASE) &
                      PCI_PREF_RANGE_TYPE_MASK) | 0xfff0);
    } else {
        c[PCI_IO_BASE] &= PCI_IO_RANGE_TYPE_MASK;
        pci_set_word(c + PCI_MEMORY_BASE, 0);
        pci_set_word(c + PCI_PREF_MEMORY_BASE,
                     pci_get_word(c + PCI_PREF_MEMORY_BASE) &
                     PCI_PREF_RANGE_TYPE_MASK);
    }
    c[PCI_IO_LIMIT] &= PCI_IO_RANGE_TYPE_MASK;
    pci_set_word(c + PCI_MEMORY_LIMIT, 0);
    pci_set_word(c + PCI_PREF_MEMORY_LIMIT,
                 pci_get_word(c + PCI_PREF_MEMORY_LIMIT) &
                 PCI_PREF_RANGE_TYPE_MASK);
    pci_set_long(c + PCI_PREF_BASE_UPPER32, 0);
    pci_set_long(c + PCI_PREF_LIMIT_UPPER32, 0);
    pci_set_word(c + PCI_IO_BASE_UPPER16, 0);
    pci_set_word(c + PCI_IO_LIMIT_UPPER16, 0);
    pci_set_word(c + PCI_BRIDGE_CONTROL, 0);
    pci_set_word(c + PCI_SEC_STATUS, 0);
    pci_bridge_update_mappings(PCI_BRIDGE(d));
}

void pci_bridge_initfn(PCIDevice *d, const char *bus_type)
{
    PCIBridge *br = PCI_BRIDGE(d);
    PCIBus *parent = pci_get_bus(d);
    const char *name = br->bus_name ? br->bus_name : DEVICE(d)->id;
    PCIBus *sec;

    memory_region_init(&br->address_space_mem, OBJECT(br), "pci_bridge_pci",
                       UINT64_MAX);
    memory_region_init(&br->address_space_io, OBJECT(br), "pci_bridge_io",
                       4 * GiB);
    sec = PCI_BUS(qbus_new(bus_type, DEVICE(d), name));
    sec->parent_dev = d;
    sec->devfn_min = 0;
    sec->address_space_mem = &br->address_space_mem;
    sec->address_space_io = &br->address_space_io;
    sec->map_irq = pci_swizzle_map_irq_fn;
    br->sec_bus = sec;
    parent->child_buses = g_slist_append(parent->child_buses, sec);
    br->windows_mapped = false;
    pci_bridge_reset(DEVICE(d));
}

void pci_bridge_exitfn(PCIDevice *d)
{
    PCIBridge *br = PCI_BRIDGE(d);
    PCIBus *parent = pci_get_bus(d);
    BusState *qbus = &br->sec_bus->qbus;

    /* Devices behind go first: their BARs live in our containers. */
    while (qbus->children) {
        qdev_unrealize(qbus->children->child);
    }
    parent->child_buses = g_slist_remove(parent->child_buses, br->sec_bus);
    memory_region_transaction_begin();
    if (br->windows_mapped) {
        pci_bridge_window_unmap(parent->address_space_io, &br->alias_io);
        pci_bridge_window_unmap(parent->address_space_mem, &br->alias_mem);
        pci_bridge_window_unmap(parent->address_space_mem,
                                &br->alias_pref_mem);
        br->windows_mapped = false;
    }
    memory_region_transaction_commit();
}

static void pci_bridge_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->is_bridge = true;
    k->config_write = pci_bridge_write_config;
    dc->reset = pci_bridge_reset;
    /* Config space holds bus numbers and windows; subclasses add none. */
    dc->vmsd = &vmstate_pci_device;
    device_class_set_category(dc, DEVICE_CATEGORY_BRIDGE);
}

static const TypeInfo pci_bridge_type_info = {
    .name = TYPE_PCI_BRIDGE,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PCIBridge),
    .abstract = true,
    .class_init = pci_bridge_class_init,
};

static void pci_bridge_register_types(void)
{
    type_register_static(&pci_bridge_type_info);
}

type_init(pci_bridge_register_types)
