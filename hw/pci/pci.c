/*
 * pci.c - the PCI bus and function model: config cycles, capability
 * lists, BAR mapping, INTx routing, bus-master address spaces and DMA.
 *
 * Config-space arithmetic lives in pci-config.c; MSI and MSI-X in msi.c
 * and msix.c (pci_default_write_config calls their config hooks so that
 * devices need not); bridges in pci_bridge.c; host bridges in hw/pci-host.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"
#include "hw/qdev.h"
#include "hw/qdev-properties.h"
#include "hw/pci/pci.h"
#include "hw/pci/msi.h"
#include "hw/pci/msix.h"
#include "hw/pci/pci_bridge.h"
#include "monitor/monitor.h"
#include "trace/trace.h"

/* Root buses, for `info pci` and pci_find_device across hosts. */
static GSList *pci_root_buses;

static bool ranges_overlap(uint32_t a, uint32_t alen, uint32_t b, uint32_t blen)
{
    return a < b + blen && b < a + alen;
}

/* ---------------------------------------------------------------- */
/* Buses */

static void pci_do_device_reset(PCIDevice *dev);

/*
 * qdev resets each function's own state (DeviceClass.reset); the PCI
 * core's part (command register, BARs, MSI, INTx) is reset here, with
 * the bus, as on a real bus reset.
 */
static void pci_bus_reset_handler(BusState *qbus)
{
    PCIBus *bus = PCI_BUS(qbus);

    for (int devfn = 0; devfn < PCI_DEVFN_MAX; devfn++) {
        if (bus->devices[devfn]) {
            pci_do_device_reset(bus->devices[devfn]);
        }
    }
}

static void pci_bus_class_init(ObjectClass *klass, void *data)
{
    BusClass *bc = BUS_CLASS(klass);

    bc->desc = "PCI";
    bc->reset = pci_bus_reset_handler;
}

static const TypeInfo pci_bus_info = {
    .name = TYPE_PCI_BUS,
    .parent = TYPE_BUS,
    .instance_size = sizeof(PCIBus),
    .class_init = pci_bus_class_init,
};

static const TypeInfo pcie_bus_info = {
    .name = TYPE_PCIE_BUS,
    .parent = TYPE_PCI_BUS,
};

PCIBus *pci_root_bus_new(DeviceState *parent, const char *name,
                         MemoryRegion *mem, MemoryRegion *io,
                         uint8_t devfn_min, const char *typename)
{
    PCIBus *bus = PCI_BUS(qbus_new(typename, parent, name));

    bus->devfn_min = devfn_min;
    bus->address_space_mem = mem;
    bus->address_space_io = io;
    pci_root_buses = g_slist_append(pci_root_buses, bus);
    return bus;
}

void pci_bus_irqs(PCIBus *bus, pci_set_irq_fn set_irq, void *irq_opaque,
                  int nirq)
{
    bus->set_irq = set_irq;
    bus->irq_opaque = irq_opaque;
    bus->nirq = nirq;
    g_free(bus->irq_count);
    bus->irq_count = g_new0(int, nirq);
}

void pci_bus_map_irqs(PCIBus *bus, pci_map_irq_fn map_irq)
{
    bus->map_irq = map_irq;
}

int pci_swizzle_map_irq_fn(PCIDevice *pci_dev, int pin)
{
    return pci_swizzle(PCI_SLOT(pci_dev->devfn), pin);
}

void pci_setup_iommu(PCIBus *bus, PCIIOMMUFunc fn, void *opaque)
{
    bus->iommu_fn = fn;
    bus->iommu_opaque = opaque;
}

bool pci_bus_is_express(PCIBus *bus)
{
    return object_dynamic_cast(OBJECT(bus), TYPE_PCIE_BUS) != NULL;
}

bool pci_bus_is_root(PCIBus *bus)
{
    return bus->parent_dev == NULL;
}

int pci_bus_num(PCIBus *bus)
{
    if (pci_bus_is_root(bus)) {
        return bus->root_bus_num;
    }
    return bus->parent_dev->config[PCI_SECONDARY_BUS];
}

PCIBus *pci_get_bus(const PCIDevice *dev)
{
    return dev->bus;
}

static PCIBus *pci_find_bus_nr(PCIBus *bus, int bus_num)
{
    if (pci_bus_num(bus) == bus_num) {
        return bus;
    }
    /* Only bridges whose bus-number range covers @bus_num forward it. */
    for (GSList *l = bus->child_buses; l; l = l->next) {
        PCIBus *sec = l->data;
        const uint8_t *c = sec->parent_dev->config;

        if (bus_num >= c[PCI_SECONDARY_BUS] &&
            bus_num <= c[PCI_SUBORDINATE_BUS] && c[PCI_SECONDARY_BUS] != 0) {
            return pci_find_bus_nr(sec, bus_num);
        }
    }
    return NULL;
}

PCIDevice *pci_find_device(PCIBus *bus, int bus_num, uint8_t devfn)
{
    PCIBus *b = pci_find_bus_nr(bus, bus_num);

    return b ? b->devices[devfn] : NULL;
}

void pci_for_each_device_on_bus(PCIBus *bus,
                                void (*fn)(PCIBus *b, PCIDevice *d,
                                           void *opaque),
                                void *opaque)
{
    for (int devfn = 0; devfn < PCI_DEVFN_MAX; devfn++) {
        if (bus->devices[devfn]) {
            fn(bus, bus->devices[devfn], opaque);
        }
    }
}

void pci_bus_reset(PCIBus *bus)
{
    for (int devfn = 0; devfn < PCI_DEVFN_MAX; devfn++) {
        if (bus->devices[devfn]) {
            pci_device_reset(bus->devices[devfn]);
        }
    }
    for (GSList *l = bus->child_buses; l; l = l->next) {
        pci_bus_reset(l->data);
    }
}

/* ---------------------------------------------------------------- */
/* Config space */

uint32_t pci_config_size(const PCIDevice *d)
{
    return (d->cap_present & QEMU_PCI_CAP_EXPRESS) ? PCIE_CONFIG_SPACE_SIZE
                                                   : PCI_CONFIG_SPACE_SIZE;
}

static bool pci_is_bridge(const PCIDevice *d)
{
    return (d->config[PCI_HEADER_TYPE] & 0x7f) == PCI_HEADER_TYPE_BRIDGE;
}

static int pci_bar_reg(const PCIDevice *d, int region_num)
{
    if (region_num == PCI_ROM_SLOT) {
        return pci_is_bridge(d) ? PCI_ROM_ADDRESS1 : PCI_ROM_ADDRESS;
    }
    return PCI_BASE_ADDRESS_0 + region_num * 4;
}

uint32_t pci_default_read_config(PCIDevice *d, uint32_t address, int len)
{
    return pci_config_read_raw(d->config, pci_config_size(d), address, len);
}

static void pci_update_irq_disabled(PCIDevice *d, uint16_t old_cmd);
static void pci_change_irq_level(PCIDevice *d, int pin, int change);

void pci_default_write_config(PCIDevice *d, uint32_t addr, uint32_t val,
                              int len)
{
    uint16_t old_cmd = pci_get_word(d->config + PCI_COMMAND);
    int rom_reg = pci_bar_reg(d, PCI_ROM_SLOT);

    pci_config_write_masked(d->config, d->wmask, d->w1cmask,
                            pci_config_size(d), addr, val, len);

    if (ranges_overlap(addr, len, PCI_COMMAND, 2) ||
        ranges_overlap(addr, len, PCI_BASE_ADDRESS_0, 6 * 4) ||
        ranges_overlap(addr, len, rom_reg, 4)) {
        pci_update_mappings(d);
    }
    if (ranges_overlap(addr, len, PCI_COMMAND, 2)) {
        pci_update_irq_disabled(d, old_cmd);
        memory_region_set_enabled(&d->bus_master_enable_region,
                                  pci_bus_master_enabled(d));
    }
    msi_write_config(d, addr, val, len);
    msix_write_config(d, addr, val, len);
}

uint32_t pci_host_config_read_common(PCIDevice *d, uint32_t addr,
                                     uint32_t limit, uint32_t len)
{
    uint32_t val;

    limit = MIN(limit, pci_config_size(d));
    if (addr >= limit || len > limit - addr) {
        return ~0u >> (32 - 8 * len);
    }
    d->config_read(d, addr, &val, len);
    trace_pci_cfg_read(d->name, pci_bus_num(d->bus), PCI_SLOT(d->devfn),
                       PCI_FUNC(d->devfn), addr, val);
    return val;
}

void pci_host_config_write_common(PCIDevice *d, uint32_t addr,
                                  uint32_t limit, uint32_t val, uint32_t len)
{
    limit = MIN(limit, pci_config_size(d));
    if (addr >= limit || len > limit - addr) {
        return;
    }
    trace_pci_cfg_write(d->name, pci_bus_num(d->bus), PCI_SLOT(d->devfn),
                        PCI_FUNC(d->devfn), addr, val);
    d->config_write(d, addr, val, len);
}

static void pci_default_config_read_cb(PCIDevice *d, uint32_t addr,
                                       uint32_t *val, int len)
{
    *val = pci_default_read_config(d, addr, len);
}

static void pci_default_config_write_cb(PCIDevice *d, uint32_t addr,
                                        uint32_t val, int len)
{
    pci_default_write_config(d, addr, val, len);
}

/* ---------------------------------------------------------------- */
/* Capabilities */

int pci_add_capability(PCIDevice *pdev, uint8_t cap_id, uint8_t offset,
                       uint8_t size, GError **errp)
{
    uint8_t *c = pdev->config;

    if (!offset) {
        offset = pci_config_find_space(pdev->used, size);
        if (!offset) {
            error_setg(errp, "%s: no room in config space for capability "
                       "0x%02x (%u bytes)", pdev->name, cap_id, size);
            return -1;
        }
    } else {
        if (offset < PCI_CONFIG_HEADER_SIZE || (offset & 3) ||
            offset + size > PCI_CONFIG_SPACE_SIZE) {
            error_setg(errp, "%s: capability 0x%02x at 0x%02x does not fit",
                       pdev->name, cap_id, offset);
            return -1;
        }
        for (unsigned i = offset; i < offset + size; i++) {
            if (pdev->used[i]) {
                error_setg(errp, "%s: capability 0x%02x at 0x%02x overlaps "
                           "another capability at 0x%02x", pdev->name,
                           cap_id, offset, i);
                return -1;
            }
        }
    }
    /* New capabilities go first: the list order is not significant. */
    c[offset + PCI_CAP_LIST_ID] = cap_id;
    c[offset + PCI_CAP_LIST_NEXT] = c[PCI_CAPABILITY_LIST];
    c[PCI_CAPABILITY_LIST] = offset;
    pci_word_set_mask(c + PCI_STATUS, PCI_STATUS_CAP_LIST);
    memset(pdev->used + offset, 0xff, size);
    /* The capability's own code opens the bits the guest may write. */
    memset(pdev->wmask + offset, 0, size);
    memset(pdev->cmask + offset, 0xff, size);
    return offset;
}

void pci_del_capability(PCIDevice *pdev, uint8_t cap_id, uint8_t cap_size)
{
    uint8_t prev, offset;

    offset = pci_config_find_capability(pdev->config, cap_id, &prev);
    if (!offset) {
        return;
    }
    pdev->config[prev] = pdev->config[offset + PCI_CAP_LIST_NEXT];
    memset(pdev->wmask + offset, 0xff, cap_size);
    memset(pdev->w1cmask + offset, 0, cap_size);
    memset(pdev->cmask + offset, 0, cap_size);
    memset(pdev->used + offset, 0, cap_size);
    memset(pdev->config + offset, 0, cap_size);
    if (!pdev->config[PCI_CAPABILITY_LIST]) {
        pci_word_clear_mask(pdev->config + PCI_STATUS, PCI_STATUS_CAP_LIST);
    }
}

uint8_t pci_find_capability(PCIDevice *pdev, uint8_t cap_id)
{
    return pci_config_find_capability(pdev->config, cap_id, NULL);
}

bool pcie_add_capability(PCIDevice *dev, uint16_t cap_id, uint8_t cap_ver,
                         uint16_t offset, uint16_t size, GError **errp)
{
    uint8_t *c = dev->config;
    uint16_t last = 0, off;

    if (!(dev->cap_present & QEMU_PCI_CAP_EXPRESS)) {
        error_setg(errp, "%s: extended capability on a conventional function",
                   dev->name);
        return false;
    }
    if (offset < PCI_CONFIG_SPACE_SIZE || (offset & 3) ||
        offset + size > PCIE_CONFIG_SPACE_SIZE) {
        error_setg(errp, "%s: extended capability 0x%04x at 0x%03x does not "
                   "fit", dev->name, cap_id, offset);
        return false;
    }
    for (unsigned i = offset; i < offset + size; i++) {
        if (dev->cmask[i]) {
            error_setg(errp, "%s: extended capability 0x%04x at 0x%03x "
                       "overlaps another at 0x%03x", dev->name, cap_id,
                       offset, i);
            return false;
        }
    }
    /* Append: the first one must live at 0x100. */
    if (offset != PCI_CONFIG_SPACE_SIZE &&
        pci_get_long(c + PCI_CONFIG_SPACE_SIZE) == 0) {
        error_setg(errp, "%s: the first extended capability must be at 0x100",
                   dev->name);
        return false;
    }
    if (offset != PCI_CONFIG_SPACE_SIZE) {
        off = PCI_CONFIG_SPACE_SIZE;
        for (int budget = 1024; off && budget; budget--) {
            last = off;
            off = PCI_EXT_CAP_NEXT(pci_get_long(c + off));
        }
        pci_set_long(c + last, (pci_get_long(c + last) & 0x000fffff) |
                     (uint32_t)offset << 20);
    }
    pci_set_long(c + offset, PCI_EXT_CAP(cap_id, cap_ver, 0));
    memset(dev->wmask + offset, 0, size);
    memset(dev->w1cmask + offset, 0, size);
    memset(dev->cmask + offset, 0xff, size);
    return true;
}

uint16_t pcie_find_capability(PCIDevice *dev, uint16_t cap_id)
{
    if (!(dev->cap_present & QEMU_PCI_CAP_EXPRESS)) {
        return 0;
    }
    return pci_config_find_ext_capability(dev->config, cap_id, NULL);
}

int pcie_cap_init(PCIDevice *dev, uint8_t offset, uint8_t type, uint8_t port,
                  GError **errp)
{
    int pos = pci_add_capability(dev, PCI_CAP_ID_EXP, offset,
                                 PCI_EXP_VER2_SIZEOF, errp);
    uint8_t *c;

    if (pos < 0) {
        return pos;
    }
    dev->exp_cap = pos;
    c = dev->config + pos;
    pci_set_word(c + PCI_EXP_FLAGS, (type << 4) | 2);
    /* 128-byte max payload; link x1 at 2.5 GT/s, up. */
    pci_set_long(c + PCI_EXP_DEVCAP, 0);
    pci_set_long(c + PCI_EXP_LNKCAP, ((uint32_t)port << 24) | 0x11);
    pci_set_word(c + PCI_EXP_LNKSTA, PCI_EXP_LNKSTA_CLS_2_5GB |
                 PCI_EXP_LNKSTA_NLW_X1 |
                 (type == PCI_EXP_TYPE_ROOT_PORT ? PCI_EXP_LNKSTA_DLLLA : 0));
    /* Device control: error reporting enables, relaxed ordering, payload. */
    pci_set_word(dev->wmask + pos + PCI_EXP_DEVCTL, 0x7cff);
    pci_set_word(dev->w1cmask + pos + PCI_EXP_DEVSTA, 0x000f);
    pci_set_word(dev->wmask + pos + PCI_EXP_LNKCTL, 0x01c3);
    pci_set_word(dev->wmask + pos + PCI_EXP_DEVCTL2, 0x74ff);
    return pos;
}

/* ---------------------------------------------------------------- */
/* BARs */

static pcibus_t pci_bar_min_size(uint8_t type, bool is_rom)
{
    if (is_rom) {
        return 2 * KiB;
    }
    return (type & PCI_BASE_ADDRESS_SPACE_IO) ? 4 : 16;
}

void pci_register_bar(PCIDevice *pci_dev, int region_num, uint8_t type,
                      MemoryRegion *memory)
{
    PCIIORegion *r;
    bool is_rom = region_num == PCI_ROM_SLOT;
    pcibus_t size = memory_region_size(memory);
    int reg = pci_bar_reg(pci_dev, region_num);

    assert(region_num >= 0 && region_num < PCI_NUM_REGIONS);
    /* Header type 1 has two BARs only. */
    assert(!pci_is_bridge(pci_dev) || is_rom || region_num < 2);
    assert(is_rom || !(type & PCI_BASE_ADDRESS_MEM_TYPE_64) ||
           region_num < 5);
    size = MAX(size, pci_bar_min_size(type, is_rom));
    if (size & (size - 1)) {
        size = 1ULL << (64 - __builtin_clzll(size));
    }

    r = &pci_dev->io_regions[region_num];
    r->addr = PCI_BAR_UNMAPPED;
    r->size = size;
    r->type = is_rom ? 0 : type;
    r->memory = memory;
    r->address_space = (!is_rom && (type & PCI_BASE_ADDRESS_SPACE_IO))
                       ? pci_dev->bus->address_space_io
                       : pci_dev->bus->address_space_mem;
    pci_bar_init_config(pci_dev->config, pci_dev->wmask, reg, r->type, size,
                        is_rom);
    memset(pci_dev->cmask + reg, 0xff,
           (r->type & PCI_BASE_ADDRESS_MEM_TYPE_64) ? 8 : 4);
}

pcibus_t pci_get_bar_addr(PCIDevice *pci_dev, int region_num)
{
    return pci_dev->io_regions[region_num].addr;
}

void pci_update_mappings(PCIDevice *d)
{
    memory_region_transaction_begin();
    for (int i = 0; i < PCI_NUM_REGIONS; i++) {
        PCIIORegion *r = &d->io_regions[i];
        pcibus_t new_addr;

        if (!r->size) {
            continue;
        }
        new_addr = pci_bar_address(d->config, pci_bar_reg(d, i), r->type,
                                   r->size, i == PCI_ROM_SLOT);
        if (new_addr == r->addr) {
            continue;
        }
        if (r->addr != PCI_BAR_UNMAPPED) {
            trace_pci_update_mappings_del(d->name, pci_bus_num(d->bus),
                                          PCI_SLOT(d->devfn),
                                          PCI_FUNC(d->devfn), i, r->addr,
                                          r->size);
            memory_region_del_subregion(r->address_space, r->memory);
        }
        r->addr = new_addr;
        if (r->addr != PCI_BAR_UNMAPPED) {
            trace_pci_update_mappings_add(d->name, pci_bus_num(d->bus),
                                          PCI_SLOT(d->devfn),
                                          PCI_FUNC(d->devfn), i, r->addr,
                                          r->size);
            /* Above the bridge windows and anything the host put there. */
            memory_region_add_subregion_overlap(r->address_space, r->addr,
                                                r->memory, 1);
        }
    }
    memory_region_transaction_commit();
}

/* ---------------------------------------------------------------- */
/* INTx */

int pci_intx(PCIDevice *pci_dev)
{
    int pin = pci_dev->config[PCI_INTERRUPT_PIN];

    return (pin >= 1 && pin <= PCI_NUM_PINS) ? pin - 1 : -1;
}

/*
 * Walk up through bridges, swizzling the pin at each bus, and count
 * asserted sources per root line so that shared lines stay up while any
 * device holds them.
 */
static void pci_change_irq_level(PCIDevice *d, int pin, int change)
{
    PCIBus *bus;

    for (;;) {
        bus = d->bus;
        if (bus->map_irq) {
            pin = bus->map_irq(d, pin);
        }
        if (pci_bus_is_root(bus)) {
            break;
        }
        d = bus->parent_dev;
    }
    if (!bus->set_irq || pin < 0 || pin >= bus->nirq) {
        return;
    }
    bus->irq_count[pin] += change;
    bus->set_irq(bus->irq_opaque, pin, bus->irq_count[pin] != 0);
}

static bool pci_irq_disabled(PCIDevice *d)
{
    return pci_get_word(d->config + PCI_COMMAND) & PCI_COMMAND_INTX_DISABLE;
}

void pci_set_irq(PCIDevice *pci_dev, int level)
{
    int pin = pci_intx(pci_dev);
    int old;

    if (pin < 0) {
        return;     /* no INTx pin: the device uses MSI only */
    }
    level = !!level;
    old = pci_dev->irq_state & 1;
    if (level == old) {
        return;
    }
    pci_dev->irq_state = level;
    /* Status.Interrupt shows the pin's state even when INTx is disabled. */
    if (level) {
        pci_word_set_mask(pci_dev->config + PCI_STATUS, PCI_STATUS_INTERRUPT);
    } else {
        pci_word_clear_mask(pci_dev->config + PCI_STATUS,
                            PCI_STATUS_INTERRUPT);
    }
    if (pci_irq_disabled(pci_dev)) {
        return;
    }
    pci_change_irq_level(pci_dev, pin, level - old);
}

static void pci_update_irq_disabled(PCIDevice *d, uint16_t old_cmd)
{
    bool was = old_cmd & PCI_COMMAND_INTX_DISABLE;
    bool now = pci_irq_disabled(d);
    int pin = pci_intx(d);

    if (was == now || pin < 0 || !(d->irq_state & 1)) {
        return;
    }
    pci_change_irq_level(d, pin, now ? -1 : 1);
}

/* ---------------------------------------------------------------- */
/* DMA */

AddressSpace *pci_device_iommu_address_space(PCIDevice *dev)
{
    PCIBus *bus = dev->bus;
    int devfn = dev->devfn;

    /*
     * The root bus's IOMMU hook decides for the whole hierarchy; it gets
     * the device's own bus and the devfn of its upstream-most bridge (the
     * slot it occupies on the root bus).
     */
    while (!pci_bus_is_root(bus)) {
        devfn = bus->parent_dev->devfn;
        bus = bus->parent_dev->bus;
    }
    if (bus->iommu_fn) {
        return bus->iommu_fn(dev->bus, bus->iommu_opaque, devfn);
    }
    memory_map_init();      /* system memory exists before the first DMA */
    return &address_space_memory;
}

AddressSpace *pci_get_address_space(PCIDevice *dev)
{
    return &dev->bus_master_as;
}

bool pci_bus_master_enabled(PCIDevice *dev)
{
    return pci_get_word(dev->config + PCI_COMMAND) & PCI_COMMAND_MASTER;
}

uint16_t pci_requester_id(PCIDevice *dev)
{
    return PCI_BUILD_BDF(pci_bus_num(dev->bus), dev->devfn);
}

MemTxAttrs pci_dma_attrs(PCIDevice *dev)
{
    return (MemTxAttrs) { .requester_id = pci_requester_id(dev),
                          .memory = 1 };
}

static bool pci_dma_allowed(PCIDevice *dev, dma_addr_t addr, dma_addr_t len,
                            bool is_write)
{
    if (pci_bus_master_enabled(dev)) {
        return true;
    }
    log_mask(LOG_GUEST_ERROR, "%s: DMA %s of %" PRIu64 " bytes at 0x%"
             PRIx64 " with bus mastering disabled\n", dev->name,
             is_write ? "write" : "read", (uint64_t)len, (uint64_t)addr);
    return false;
}

MemTxResult pci_dma_rw(PCIDevice *dev, dma_addr_t addr, void *buf,
                       dma_addr_t len, bool is_write)
{
    if (!pci_dma_allowed(dev, addr, len, is_write)) {
        if (!is_write) {
            memset(buf, 0xff, len);
        }
        return MEMTX_ACCESS_ERROR;
    }
    return dma_memory_rw(&dev->bus_master_as, addr, buf, len, is_write,
                         pci_dma_attrs(dev));
}

MemTxResult pci_dma_read(PCIDevice *dev, dma_addr_t addr, void *buf,
                         dma_addr_t len)
{
    return pci_dma_rw(dev, addr, buf, len, false);
}

MemTxResult pci_dma_write(PCIDevice *dev, dma_addr_t addr, const void *buf,
                          dma_addr_t len)
{
    return pci_dma_rw(dev, addr, (void *)buf, len, true);
}

MemTxResult ldub_pci_dma(PCIDevice *dev, dma_addr_t addr, uint8_t *val)
{
    return pci_dma_read(dev, addr, val, 1);
}

MemTxResult stb_pci_dma(PCIDevice *dev, dma_addr_t addr, uint8_t val)
{
    return pci_dma_write(dev, addr, &val, 1);
}

/* One access of the size through the typed DMA API (atomic if aligned). */
#define PCI_DMA_LD(name, type, size)                                        \
MemTxResult name##_pci_dma(PCIDevice *dev, dma_addr_t addr, type *val)      \
{                                                                           \
    if (!pci_dma_allowed(dev, addr, size, false)) {                         \
        *val = (type)~(type)0;                                              \
        return MEMTX_ACCESS_ERROR;                                          \
    }                                                                       \
    return name##_dma(&dev->bus_master_as, addr, val, pci_dma_attrs(dev));  \
}
#define PCI_DMA_ST(name, type, size)                                        \
MemTxResult name##_pci_dma(PCIDevice *dev, dma_addr_t addr, type val)       \
{                                                                           \
    if (!pci_dma_allowed(dev, addr, size, true)) {                          \
        return MEMTX_ACCESS_ERROR;                                          \
    }                                                                       \
    return name##_dma(&dev->bus_master_as, addr, val, pci_dma_attrs(dev));  \
}

PCI_DMA_LD(lduw_le, uint16_t, 2)
PCI_DMA_LD(lduw_be, uint16_t, 2)
PCI_DMA_LD(ldl_le, uint32_t, 4)
PCI_DMA_LD(ldl_be, uint32_t, 4)
PCI_DMA_LD(ldq_le, uint64_t, 8)
PCI_DMA_LD(ldq_be, uint64_t, 8)
PCI_DMA_ST(stw_le, uint16_t, 2)
PCI_DMA_ST(stw_be, uint16_t, 2)
PCI_DMA_ST(stl_le, uint32_t, 4)
PCI_DMA_ST(stl_be, uint32_t, 4)
PCI_DMA_ST(stq_le, uint64_t, 8)
PCI_DMA_ST(stq_be, uint64_t, 8)

void pci_dma_sglist_init(PCIDMASGList *qsg, int alloc_hint)
{
    qsg->nalloc = MAX(alloc_hint, 1);
    qsg->sg = g_new(PCIDMASGEntry, qsg->nalloc);
    qsg->nsg = 0;
    qsg->size = 0;
}

void pci_dma_sglist_add(PCIDMASGList *qsg, dma_addr_t base, dma_addr_t len)
{
    if (qsg->nsg == qsg->nalloc) {
        qsg->nalloc *= 2;
        qsg->sg = g_renew(PCIDMASGEntry, qsg->sg, qsg->nalloc);
    }
    qsg->sg[qsg->nsg].base = base;
    qsg->sg[qsg->nsg].len = len;
    qsg->nsg++;
    qsg->size += len;
}

void pci_dma_sglist_destroy(PCIDMASGList *qsg)
{
    g_free(qsg->sg);
    memset(qsg, 0, sizeof(*qsg));
}

MemTxResult pci_dma_sglist_rw(PCIDevice *dev, PCIDMASGList *qsg, void *buf,
                              dma_addr_t len, bool is_write)
{
    uint8_t *p = buf;

    for (int i = 0; i < qsg->nsg && len; i++) {
        dma_addr_t n = MIN(len, qsg->sg[i].len);
        MemTxResult r = pci_dma_rw(dev, qsg->sg[i].base, p, n, is_write);

        if (r != MEMTX_OK) {
            return r;
        }
        p += n;
        len -= n;
    }
    return MEMTX_OK;
}

/* ---------------------------------------------------------------- */
/* Registration and reset */

static void pci_init_wmask(PCIDevice *d)
{
    d->config[PCI_HEADER_TYPE] &= ~PCI_HEADER_TYPE_MULTI_FUNCTION;
    pci_set_word(d->wmask + PCI_COMMAND,
                 PCI_COMMAND_IO | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER |
                 PCI_COMMAND_PARITY | PCI_COMMAND_SERR |
                 PCI_COMMAND_INTX_DISABLE);
    pci_set_word(d->w1cmask + PCI_STATUS,
                 PCI_STATUS_PARITY | PCI_STATUS_SIG_TARGET_ABORT |
                 PCI_STATUS_REC_TARGET_ABORT | PCI_STATUS_REC_MASTER_ABORT |
                 PCI_STATUS_SIG_SYSTEM_ERROR | PCI_STATUS_DETECTED_PARITY);
    d->wmask[PCI_CACHE_LINE_SIZE] = 0xff;
    d->wmask[PCI_LATENCY_TIMER] = 0xff;
    d->wmask[PCI_INTERRUPT_LINE] = 0xff;
    /*
     * Device-specific space after the header is scratch the guest may
     * write until a capability claims it (drivers probe it).
     */
    memset(d->wmask + PCI_CONFIG_HEADER_SIZE, 0xff,
           PCI_CONFIG_SPACE_SIZE - PCI_CONFIG_HEADER_SIZE);
}

static void pci_init_wmask_bridge(PCIDevice *d)
{
    d->wmask[PCI_PRIMARY_BUS] = 0xff;
    d->wmask[PCI_SECONDARY_BUS] = 0xff;
    d->wmask[PCI_SUBORDINATE_BUS] = 0xff;
    d->wmask[PCI_SEC_LATENCY_TIMER] = 0xff;
    d->wmask[PCI_IO_BASE] = PCI_IO_RANGE_MASK & 0xff;
    d->wmask[PCI_IO_LIMIT] = PCI_IO_RANGE_MASK & 0xff;
    pci_set_word(d->wmask + PCI_MEMORY_BASE, PCI_MEMORY_RANGE_MASK & 0xffff);
    pci_set_word(d->wmask + PCI_MEMORY_LIMIT, PCI_MEMORY_RANGE_MASK & 0xffff);
    pci_set_word(d->wmask + PCI_PREF_MEMORY_BASE,
                 PCI_PREF_RANGE_MASK & 0xffff);
    pci_set_word(d->wmask + PCI_PREF_MEMORY_LIMIT,
                 PCI_PREF_RANGE_MASK & 0xffff);
    pci_set_long(d->wmask + PCI_PREF_BASE_UPPER32, 0xffffffff);
    pci_set_long(d->wmask + PCI_PREF_LIMIT_UPPER32, 0xffffffff);
    pci_set_word(d->wmask + PCI_IO_BASE_UPPER16, 0xffff);
    pci_set_word(d->wmask + PCI_IO_LIMIT_UPPER16, 0xffff);
    pci_set_word(d->wmask + PCI_BRIDGE_CONTROL,
                 PCI_BRIDGE_CTL_PARITY | PCI_BRIDGE_CTL_SERR |
                 PCI_BRIDGE_CTL_ISA | PCI_BRIDGE_CTL_VGA |
                 PCI_BRIDGE_CTL_MASTER_ABORT | PCI_BRIDGE_CTL_BUS_RESET);
    pci_set_word(d->w1cmask + PCI_SEC_STATUS,
                 PCI_STATUS_PARITY | PCI_STATUS_SIG_TARGET_ABORT |
                 PCI_STATUS_REC_TARGET_ABORT | PCI_STATUS_REC_MASTER_ABORT |
                 PCI_STATUS_SIG_SYSTEM_ERROR | PCI_STATUS_DETECTED_PARITY);
    /* 32-bit I/O and 64-bit prefetchable decode. */
    d->config[PCI_IO_BASE] = PCI_IO_RANGE_TYPE_32;
    d->config[PCI_IO_LIMIT] = PCI_IO_RANGE_TYPE_32;
    pci_set_word(d->config + PCI_PREF_MEMORY_BASE, PCI_PREF_RANGE_TYPE_64);
    pci_set_word(d->config + PCI_PREF_MEMORY_LIMIT, PCI_PREF_RANGE_TYPE_64);
}

/* Function 0 says "multi-function" as soon as its slot has others. */
static void pci_update_multifunction(PCIBus *bus, int slot)
{
    PCIDevice *f0 = bus->devices[PCI_DEVFN(slot, 0)];
    bool multi = false;

    if (!f0) {
        return;
    }
    for (int fn = 1; fn < PCI_FUNC_MAX; fn++) {
        multi |= bus->devices[PCI_DEVFN(slot, fn)] != NULL;
    }
    if (multi || f0->multifunction) {
        f0->config[PCI_HEADER_TYPE] |= PCI_HEADER_TYPE_MULTI_FUNCTION;
    } else {
        f0->config[PCI_HEADER_TYPE] &= ~PCI_HEADER_TYPE_MULTI_FUNCTION;
    }
}

/*
 * A PCIe root or downstream port has one link: config requests below it
 * reach device 0 only, so a device elsewhere would be invisible.
 */
static bool pci_bus_is_port_link(PCIBus *bus)
{
    PCIDevice *port = bus->parent_dev;
    unsigned type;

    if (!port || !port->exp_cap) {
        return false;
    }
    type = (pci_get_word(port->config + port->exp_cap + PCI_EXP_FLAGS) &
            PCI_EXP_FLAGS_TYPE) >> 4;
    return type == PCI_EXP_TYPE_ROOT_PORT || type == PCI_EXP_TYPE_DOWNSTREAM;
}

static bool do_pci_register_device(PCIDevice *d, PCIBus *bus, GError **errp)
{
    PCIDeviceClass *pc = PCI_DEVICE_GET_CLASS(d);
    int devfn = d->devfn;
    uint32_t size;
    AddressSpace *dma_as;
    MemoryRegion *dma_root;

    if (devfn < 0) {
        for (devfn = bus->devfn_min; devfn < PCI_DEVFN_MAX;
             devfn += PCI_FUNC_MAX) {
            if (!bus->devices[devfn]) {
                break;
            }
        }
        if (devfn >= PCI_DEVFN_MAX) {
            error_setg(errp, "PCI: no free slot on bus %s for %s",
                       bus->qbus.name, object_get_typename(OBJECT(d)));
            return false;
        }
    } else if (devfn >= PCI_DEVFN_MAX) {
        error_setg(errp, "PCI: devfn 0x%x out of range", devfn);
        return false;
    } else if (bus->devices[devfn]) {
        error_setg(errp, "PCI: slot %d function %d not available for %s, in "
                   "use by %s", PCI_SLOT(devfn), PCI_FUNC(devfn),
                   object_get_typename(OBJECT(d)),
                   bus->devices[devfn]->name);
        return false;
    }
    if (PCI_SLOT(devfn) != 0 && pci_bus_is_port_link(bus)) {
        error_setg(errp, "PCI: slot %d is not valid for %s, parent device "
                   "only allows plugging into slot 0", PCI_SLOT(devfn),
                   object_get_typename(OBJECT(d)));
        return false;
    }
    d->devfn = devfn;
    d->bus = bus;
    snprintf(d->name, sizeof(d->name), "%s", object_get_typename(OBJECT(d)));

    if (pc->is_express) {
        d->cap_present |= QEMU_PCI_CAP_EXPRESS;
    }
    size = pci_config_size(d);
    d->config = g_malloc0(size);
    d->wmask = g_malloc0(size);
    d->w1cmask = g_malloc0(size);
    d->cmask = g_malloc0(size);
    d->used = g_malloc0(size);
    memset(d->used, 0xff, PCI_CONFIG_HEADER_SIZE);

    pci_config_set_vendor_id(d->config, pc->vendor_id);
    pci_config_set_device_id(d->config, pc->device_id);
    d->config[PCI_REVISION_ID] = pc->revision;
    pci_config_set_class(d->config, pc->class_id);
    if (pc->is_bridge) {
        d->config[PCI_HEADER_TYPE] = PCI_HEADER_TYPE_BRIDGE;
    } else {
        pci_set_word(d->config + PCI_SUBSYSTEM_VENDOR_ID,
                     pc->subsystem_vendor_id ? pc->subsystem_vendor_id
                                             : PCI_SUBVENDOR_ID_REDHAT_QUMRANET);
        pci_set_word(d->config + PCI_SUBSYSTEM_ID,
                     pc->subsystem_id ? pc->subsystem_id
                                      : PCI_SUBDEVICE_ID_QEMU);
    }
    memset(d->cmask, 0xff, PCI_CONFIG_HEADER_SIZE);
    pci_init_wmask(d);
    if (pc->is_bridge) {
        pci_init_wmask_bridge(d);
    }
    /* No INTx pin unless the device's realize gives one (as in QEMU). */

    d->config_read = pc->config_read ? pc->config_read
                                     : pci_default_config_read_cb;
    d->config_write = pc->config_write ? pc->config_write
                                       : pci_default_config_write_cb;
    for (int i = 0; i < PCI_NUM_REGIONS; i++) {
        d->io_regions[i].addr = PCI_BAR_UNMAPPED;
    }

    /* The bus-master view: a 2^64 container holding a switchable alias. */
    dma_as = pci_device_iommu_address_space(d);
    d->bus_master_name = g_strdup_printf("bus master %02x:%02x.%d %s",
                                         pci_bus_num(bus), PCI_SLOT(devfn),
                                         PCI_FUNC(devfn), d->name);
    memory_region_init(&d->bus_master_container_region, OBJECT(d),
                       "bus master container", UINT64_MAX);
    /*
     * Behind a bridge, DMA goes upstream through the bridge's own
     * bus-master view, so the bridge's Bus Master Enable gates it too.
     */
    dma_root = pci_bus_is_root(bus) ? dma_as->root
               : &bus->parent_dev->bus_master_container_region;
    memory_region_init_alias(&d->bus_master_enable_region, OBJECT(d),
                             "bus master", dma_root, 0,
                             memory_region_size(dma_root));
    memory_region_set_enabled(&d->bus_master_enable_region, false);
    memory_region_add_subregion(&d->bus_master_container_region, 0,
                                &d->bus_master_enable_region);
    address_space_init(&d->bus_master_as, &d->bus_master_container_region,
                       d->bus_master_name);

    bus->devices[devfn] = d;
    pci_update_multifunction(bus, PCI_SLOT(devfn));
    return true;
}

static void pci_unmap_bars(PCIDevice *d)
{
    memory_region_transaction_begin();
    for (int i = 0; i < PCI_NUM_REGIONS; i++) {
        PCIIORegion *r = &d->io_regions[i];

        if (r->size && r->addr != PCI_BAR_UNMAPPED) {
            memory_region_del_subregion(r->address_space, r->memory);
        }
        r->addr = PCI_BAR_UNMAPPED;
        r->size = 0;
    }
    memory_region_transaction_commit();
}

static void do_pci_unregister_device(PCIDevice *d)
{
    PCIBus *bus = d->bus;

    pci_set_irq(d, 0);
    pci_unmap_bars(d);
    address_space_destroy(&d->bus_master_as);
    memory_region_del_subregion(&d->bus_master_container_region,
                                &d->bus_master_enable_region);
    memory_region_destroy(&d->bus_master_enable_region);
    memory_region_destroy(&d->bus_master_container_region);
    g_free(d->bus_master_name);
    d->bus_master_name = NULL;
    bus->devices[d->devfn] = NULL;
    pci_update_multifunction(bus, PCI_SLOT(d->devfn));
    g_free(d->config);
    g_free(d->wmask);
    g_free(d->w1cmask);
    g_free(d->cmask);
    g_free(d->used);
    d->config = d->wmask = d->w1cmask = d->cmask = d->used = NULL;
}

static void pci_do_device_reset(PCIDevice *dev)
{
    uint8_t *c = dev->config;

    pci_set_irq(dev, 0);
    pci_word_clear_mask(c + PCI_COMMAND, pci_get_word(dev->wmask + PCI_COMMAND));
    pci_word_clear_mask(c + PCI_STATUS, pci_get_word(dev->w1cmask + PCI_STATUS));
    c[PCI_CACHE_LINE_SIZE] = 0;
    c[PCI_INTERRUPT_LINE] = 0;
    for (int i = 0; i < PCI_NUM_REGIONS; i++) {
        PCIIORegion *r = &dev->io_regions[i];
        int reg = pci_bar_reg(dev, i);

        if (!r->size) {
            continue;
        }
        if (!(r->type & PCI_BASE_ADDRESS_SPACE_IO) &&
            (r->type & PCI_BASE_ADDRESS_MEM_TYPE_64)) {
            pci_set_quad(c + reg, r->type);
        } else {
            pci_set_long(c + reg, r->type);
        }
    }
    msi_reset(dev);
    msix_reset(dev);
    memory_region_set_enabled(&dev->bus_master_enable_region, false);
    pci_update_mappings(dev);
    if (object_dynamic_cast(OBJECT(dev), TYPE_PCI_BRIDGE)) {
        /* Command cleared: the windows close too. */
        pci_bridge_update_mappings(PCI_BRIDGE(dev));
    }
}

void pci_device_reset(PCIDevice *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    /* The device's own state first, then what the PCI core owns. */
    if (dc->reset) {
        dc->reset(DEVICE(dev));
    }
    pci_do_device_reset(dev);
}

/*
 * romfile=NAME (a path, or a file under /usr/share/qemu as QEMU's data
 * directory) becomes the expansion ROM BAR, sized to a power of two;
 * romfile= (empty) or rombar=0 means none, as in QEMU.
 */
static bool pci_add_option_rom(PCIDevice *d, GError **errp)
{
    g_autofree char *path = NULL;
    g_autofree char *data = NULL;
    gsize len = 0;
    uint64_t size = 4096;
    GError *local = NULL;

    if (!d->romfile || !*d->romfile || !d->rom_bar) {
        return true;
    }
    path = strchr(d->romfile, '/') ? g_strdup(d->romfile)
           : g_build_filename("/usr/share/qemu", d->romfile, NULL);
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
        error_setg(errp, "failed to find romfile \"%s\"", d->romfile);
        return false;
    }
    if (!g_file_get_contents(path, &data, &len, &local)) {
        error_setg(errp, "failed to load romfile \"%s\": %s", d->romfile,
                   local->message);
        g_error_free(local);
        return false;
    }
    if (len > 16 * MiB) {
        error_setg(errp, "romfile \"%s\" is larger than 16 MiB", d->romfile);
        return false;
    }
    while (size < len) {
        size <<= 1;
    }
    if (!memory_region_init_rom(&d->rom, OBJECT(d), "pci-rom", size, errp)) {
        return false;
    }
    memcpy(memory_region_get_ram_ptr(&d->rom), data, len);
    d->has_rom = true;
    pci_register_bar(d, PCI_ROM_SLOT, PCI_BASE_ADDRESS_SPACE_MEMORY, &d->rom);
    return true;
}

static void pci_qdev_realize(DeviceState *qdev, GError **errp)
{
    PCIDevice *d = PCI_DEVICE(qdev);
    PCIDeviceClass *pc = PCI_DEVICE_GET_CLASS(d);
    BusState *qbus = qdev->parent_bus;
    GError *local = NULL;

    if (!qbus || !object_dynamic_cast(OBJECT(qbus), TYPE_PCI_BUS)) {
        error_setg(errp, "%s: a PCI device needs a PCI bus",
                   object_get_typename(OBJECT(d)));
        return;
    }
    if (!do_pci_register_device(d, PCI_BUS(qbus), errp)) {
        return;
    }
    if (pc->realize) {
        pc->realize(d, &local);
    }
    if (!local && !d->io_regions[PCI_ROM_SLOT].size &&
        !pci_add_option_rom(d, &local)) {
        /* The device itself came up: let it undo that. */
        pci_unmap_bars(d);
        if (pc->exit) {
            pc->exit(d);
        }
    }
    if (local) {
        g_propagate_error(errp, local);
        msix_uninit(d, d->msix_table_bar, d->msix_pba_bar);
        msi_uninit(d);
        do_pci_unregister_device(d);
        return;
    }
}

static void pci_qdev_unrealize(DeviceState *qdev)
{
    PCIDevice *d = PCI_DEVICE(qdev);
    PCIDeviceClass *pc = PCI_DEVICE_GET_CLASS(d);

    /* Unmap first: the device's exit may destroy its BAR regions. */
    pci_set_irq(d, 0);
    pci_unmap_bars(d);
    msix_uninit(d, d->msix_table_bar, d->msix_pba_bar);
    msi_uninit(d);
    if (pc->exit) {
        pc->exit(d);
    }
    if (d->has_rom) {
        memory_region_destroy(&d->rom);
        d->has_rom = false;
    }
    do_pci_unregister_device(d);
}

PCIDevice *pci_new(int devfn, const char *name)
{
    PCIDevice *d = PCI_DEVICE(qdev_new(name));

    /* The field directly: the "addr" property parses QEMU's "slot.fn". */
    d->devfn = devfn;
    return d;
}

bool pci_realize_and_unref(PCIDevice *dev, PCIBus *bus, GError **errp)
{
    return qdev_realize_and_unref(DEVICE(dev), &bus->qbus, errp);
}

PCIDevice *pci_create_simple(PCIBus *bus, int devfn, const char *name)
{
    PCIDevice *d = pci_new(devfn, name);
    GError *err = NULL;

    if (!pci_realize_and_unref(d, bus, &err)) {
        error_exit_err(err);
    }
    return d;
}

/*
 * "addr": QEMU's syntax, slot and optional function in hex ("3", "1f.2"),
 * or -1 for the first free slot.
 */
static bool pci_devfn_parse(Object *obj, Property *prop, void *ptr,
                            const char *value, GError **errp)
{
    int32_t *devfn = ptr;
    unsigned long slot, fn = 0;
    char *end;

    if (!strcmp(value, "-1")) {
        *devfn = -1;
        return true;
    }
    errno = 0;
    slot = strtoul(value, &end, 16);
    if (end == value || errno) {
        goto invalid;
    }
    if (*end == '.') {
        const char *f = end + 1;
        fn = strtoul(f, &end, 16);
        if (end == f) {
            goto invalid;
        }
    }
    if (*end || slot >= PCI_SLOT_MAX || fn >= PCI_FUNC_MAX) {
        goto invalid;
    }
    *devfn = PCI_DEVFN(slot, fn);
    return true;

invalid:
    error_setg(errp, "Property '%s.%s' doesn't take value '%s' (expected "
               "SLOT[.FN] in hex, slot < 0x20, function < 8)",
               object_get_typename(obj), prop->name, value);
    return false;
}

static char *pci_devfn_print(Object *obj, Property *prop, void *ptr)
{
    int32_t devfn = *(int32_t *)ptr;

    if (devfn < 0) {
        return g_strdup("-1");
    }
    return g_strdup_printf("%02x.%x", PCI_SLOT(devfn), PCI_FUNC(devfn));
}

static void pci_devfn_set_default(Object *obj, Property *prop, void *ptr)
{
    *(int32_t *)ptr = (int32_t)prop->defval.i;
}

static char *pci_devfn_print_default(Property *prop)
{
    return g_strdup("-1");
}

static const PropertyInfo qdev_prop_pci_devfn = {
    .name = "int32",
    .description = "Slot and optional function number, example: 06.0 or 06",
    .parse = pci_devfn_parse,
    .print = pci_devfn_print,
    .set_default = pci_devfn_set_default,
    .print_default = pci_devfn_print_default,
};

#define DEFINE_PROP_PCI_DEVFN(_n, _s, _f, _d) \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_pci_devfn, int32_t)

static Property pci_props[] = {
    DEFINE_PROP_PCI_DEVFN("addr", PCIDevice, devfn, -1),
    DEFINE_PROP_BOOL("multifunction", PCIDevice, multifunction, false),
    DEFINE_PROP_STRING("romfile", PCIDevice, romfile),
    DEFINE_PROP_UINT32("rombar", PCIDevice, rom_bar, 1),
    DEFINE_PROP_END_OF_LIST(),
};

static void pci_device_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = pci_qdev_realize;
    dc->unrealize = pci_qdev_unrealize;
    dc->bus_type = TYPE_PCI_BUS;
    dc->user_creatable = true;      /* -device; board-only types say no */
    device_class_set_props(dc, pci_props);
}

static const TypeInfo pci_device_type_info = {
    .name = TYPE_PCI_DEVICE,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(PCIDevice),
    .abstract = true,
    .class_size = sizeof(PCIDeviceClass),
    .class_init = pci_device_class_init,
};

/* ---------------------------------------------------------------- */
/* info pci */

static const char *pci_class_name(uint16_t class_id)
{
    static const struct { uint16_t id; const char *name; } names[] = {
        { PCI_CLASS_STORAGE_SCSI, "SCSI controller" },
        { PCI_CLASS_STORAGE_OTHER, "Storage controller" },
        { PCI_CLASS_NETWORK_ETHERNET, "Ethernet controller" },
        { PCI_CLASS_NETWORK_OTHER, "Network controller" },
        { PCI_CLASS_DISPLAY_VGA, "VGA controller" },
        { PCI_CLASS_MEMORY_RAM, "RAM controller" },
        { PCI_CLASS_BRIDGE_HOST, "Host bridge" },
        { PCI_CLASS_BRIDGE_ISA, "ISA bridge" },
        { PCI_CLASS_BRIDGE_PCI, "PCI bridge" },
        { PCI_CLASS_COMMUNICATION_OTHER, "Communication controller" },
        { PCI_CLASS_SYSTEM_OTHER, "System peripheral" },
        { PCI_CLASS_OTHERS << 8 | 0xff, "Unclassified device" },
    };

    for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
        if (names[i].id == class_id) {
            return names[i].name;
        }
    }
    return NULL;
}

static void pci_info_device(GString *out, PCIBus *bus, PCIDevice *d);

static void pci_info_bus(GString *out, PCIBus *bus)
{
    for (int devfn = 0; devfn < PCI_DEVFN_MAX; devfn++) {
        if (bus->devices[devfn]) {
            pci_info_device(out, bus, bus->devices[devfn]);
        }
    }
}

static void pci_info_device(GString *out, PCIBus *bus, PCIDevice *d)
{
    const uint8_t *c = d->config;
    uint16_t class_id = pci_get_word(c + PCI_CLASS_DEVICE);
    const char *cname = pci_class_name(class_id);

    g_string_append_printf(out, "  Bus %2d, device %3d, function %d:\n",
                           pci_bus_num(bus), PCI_SLOT(d->devfn),
                           PCI_FUNC(d->devfn));
    if (cname) {
        g_string_append_printf(out, "    %s: ", cname);
    } else {
        /* Decimal, as QEMU's monitor prints it. */
        g_string_append_printf(out, "    Class %04d: ", class_id);
    }
    g_string_append_printf(out, "PCI device %04x:%04x\n",
                           pci_get_word(c + PCI_VENDOR_ID),
                           pci_get_word(c + PCI_DEVICE_ID));
    if (!pci_is_bridge(d)) {
        g_string_append_printf(out, "      PCI subsystem %04x:%04x\n",
                               pci_get_word(c + PCI_SUBSYSTEM_VENDOR_ID),
                               pci_get_word(c + PCI_SUBSYSTEM_ID));
    }
    if (pci_intx(d) >= 0) {
        g_string_append_printf(out, "      IRQ %d, pin %c\n",
                               c[PCI_INTERRUPT_LINE], 'A' + pci_intx(d));
    }
    if (pci_is_bridge(d)) {
        g_string_append_printf(out, "      BUS %d.\n      secondary bus %d.\n"
                               "      subordinate bus %d.\n",
                               c[PCI_PRIMARY_BUS], c[PCI_SECONDARY_BUS],
                               c[PCI_SUBORDINATE_BUS]);
        g_string_append_printf(out, "      IO range [0x%04" PRIx64 ", 0x%04"
                               PRIx64 "]\n", pci_bridge_io_base(c),
                               pci_bridge_io_limit(c));
        g_string_append_printf(out, "      memory range [0x%08" PRIx64
                               ", 0x%08" PRIx64 "]\n", pci_bridge_mem_base(c),
                               pci_bridge_mem_limit(c));
        g_string_append_printf(out, "      prefetchable memory range [0x%08"
                               PRIx64 ", 0x%08" PRIx64 "]\n",
                               pci_bridge_pref_base(c),
                               pci_bridge_pref_limit(c));
    }
    /*
     * QEMU's layout exactly: an unmapped BAR is at address -1, and its
     * "end" is printed as that plus size - 1 (wrapping), which tools and
     * people compare against. The ROM is BAR6, a 32-bit memory BAR.
     */
    for (int i = 0; i < PCI_NUM_REGIONS; i++) {
        const PCIIORegion *r = &d->io_regions[i];
        uint64_t addr = r->addr;

        if (!r->size) {
            continue;
        }
        g_string_append_printf(out, "      BAR%d: ", i);
        if (i != PCI_ROM_SLOT && (r->type & PCI_BASE_ADDRESS_SPACE_IO)) {
            g_string_append_printf(out, "I/O at 0x%04" PRIx64 " [0x%04"
                                   PRIx64 "].\n", addr, addr + r->size - 1);
        } else {
            bool m64 = i != PCI_ROM_SLOT &&
                       (r->type & PCI_BASE_ADDRESS_MEM_TYPE_64);
            bool pref = i != PCI_ROM_SLOT &&
                        (r->type & PCI_BASE_ADDRESS_MEM_PREFETCH);

            g_string_append_printf(out, "%d bit%s memory at 0x%08" PRIx64
                                   " [0x%08" PRIx64 "].\n", m64 ? 64 : 32,
                                   pref ? " prefetchable" : "", addr,
                                   addr + r->size - 1);
        }
    }
    g_string_append_printf(out, "      id \"%s\"\n",
                           DEVICE(d)->id ? DEVICE(d)->id : "");
    /* QEMU finds the devices behind by the secondary bus number: none
     * until the guest (or firmware) numbers the bus. */
    if (pci_is_bridge(d) && c[PCI_SECONDARY_BUS]) {
        for (GSList *l = bus->child_buses; l; l = l->next) {
            PCIBus *sec = l->data;
            if (sec->parent_dev == d) {
                pci_info_bus(out, sec);
            }
        }
    }
}

void pci_info(GString *out)
{
    for (GSList *l = pci_root_buses; l; l = l->next) {
        pci_info_bus(out, l->data);
    }
}

/* ---------------------------------------------------------------- */
/* query-pci (QEMU's PciInfo / PciDeviceInfo layout) */

static void pci_query_range(JsonBuilder *b, const char *name, pcibus_t base,
                            pcibus_t limit)
{
    json_builder_set_member_name(b, name);
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "base");
    json_builder_add_int_value(b, base);
    json_builder_set_member_name(b, "limit");
    json_builder_add_int_value(b, limit);
    json_builder_end_object(b);
}

static void pci_query_devices(JsonBuilder *b, PCIBus *bus);

static void pci_query_device(JsonBuilder *b, PCIBus *bus, PCIDevice *d)
{
    const uint8_t *c = d->config;
    const char *cname = pci_class_name(pci_get_word(c + PCI_CLASS_DEVICE));

    json_builder_begin_object(b);
    json_builder_set_member_name(b, "bus");
    json_builder_add_int_value(b, pci_bus_num(bus));
    json_builder_set_member_name(b, "slot");
    json_builder_add_int_value(b, PCI_SLOT(d->devfn));
    json_builder_set_member_name(b, "function");
    json_builder_add_int_value(b, PCI_FUNC(d->devfn));
    json_builder_set_member_name(b, "class_info");
    json_builder_begin_object(b);
    if (cname) {
        json_builder_set_member_name(b, "desc");
        json_builder_add_string_value(b, cname);
    }
    json_builder_set_member_name(b, "class");
    json_builder_add_int_value(b, pci_get_word(c + PCI_CLASS_DEVICE));
    json_builder_end_object(b);
    json_builder_set_member_name(b, "id");
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "device");
    json_builder_add_int_value(b, pci_get_word(c + PCI_DEVICE_ID));
    json_builder_set_member_name(b, "vendor");
    json_builder_add_int_value(b, pci_get_word(c + PCI_VENDOR_ID));
    if (!pci_is_bridge(d)) {
        json_builder_set_member_name(b, "subsystem");
        json_builder_add_int_value(b, pci_get_word(c + PCI_SUBSYSTEM_ID));
        json_builder_set_member_name(b, "subsystem-vendor");
        json_builder_add_int_value(b,
                                   pci_get_word(c + PCI_SUBSYSTEM_VENDOR_ID));
    }
    json_builder_end_object(b);
    if (pci_intx(d) >= 0) {
        json_builder_set_member_name(b, "irq");
        json_builder_add_int_value(b, c[PCI_INTERRUPT_LINE]);
    }
    json_builder_set_member_name(b, "irq_pin");
    json_builder_add_int_value(b, c[PCI_INTERRUPT_PIN]);
    json_builder_set_member_name(b, "qdev_id");
    json_builder_add_string_value(b, DEVICE(d)->id ? DEVICE(d)->id : "");
    if (pci_is_bridge(d)) {
        json_builder_set_member_name(b, "pci_bridge");
        json_builder_begin_object(b);
        json_builder_set_member_name(b, "bus");
        json_builder_begin_object(b);
        json_builder_set_member_name(b, "number");
        json_builder_add_int_value(b, c[PCI_PRIMARY_BUS]);
        json_builder_set_member_name(b, "secondary");
        json_builder_add_int_value(b, c[PCI_SECONDARY_BUS]);
        json_builder_set_member_name(b, "subordinate");
        json_builder_add_int_value(b, c[PCI_SUBORDINATE_BUS]);
        pci_query_range(b, "io_range", pci_bridge_io_base(c),
                        pci_bridge_io_limit(c));
        pci_query_range(b, "memory_range", pci_bridge_mem_base(c),
                        pci_bridge_mem_limit(c));
        pci_query_range(b, "prefetchable_range", pci_bridge_pref_base(c),
                        pci_bridge_pref_limit(c));
        json_builder_end_object(b);
        for (GSList *l = bus->child_buses; l && c[PCI_SECONDARY_BUS];
             l = l->next) {
            PCIBus *sec = l->data;
            if (sec->parent_dev == d) {
                json_builder_set_member_name(b, "devices");
                pci_query_devices(b, sec);
            }
        }
        json_builder_end_object(b);
    }
    json_builder_set_member_name(b, "regions");
    json_builder_begin_array(b);
    for (int i = 0; i < PCI_NUM_REGIONS; i++) {
        const PCIIORegion *r = &d->io_regions[i];
        bool io = i != PCI_ROM_SLOT && (r->type & PCI_BASE_ADDRESS_SPACE_IO);

        if (!r->size) {
            continue;
        }
        json_builder_begin_object(b);
        json_builder_set_member_name(b, "bar");
        json_builder_add_int_value(b, i);
        json_builder_set_member_name(b, "type");
        json_builder_add_string_value(b, io ? "io" : "memory");
        json_builder_set_member_name(b, "address");
        json_builder_add_int_value(b, (int64_t)r->addr);
        json_builder_set_member_name(b, "size");
        json_builder_add_int_value(b, r->size);
        if (!io) {
            json_builder_set_member_name(b, "prefetch");
            json_builder_add_boolean_value(b,
                r->type & PCI_BASE_ADDRESS_MEM_PREFETCH);
            json_builder_set_member_name(b, "mem_type_64");
            json_builder_add_boolean_value(b,
                r->type & PCI_BASE_ADDRESS_MEM_TYPE_64);
        }
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_end_object(b);
}

static void pci_query_devices(JsonBuilder *b, PCIBus *bus)
{
    json_builder_begin_array(b);
    for (int devfn = 0; devfn < PCI_DEVFN_MAX; devfn++) {
        if (bus->devices[devfn]) {
            pci_query_device(b, bus, bus->devices[devfn]);
        }
    }
    json_builder_end_array(b);
}

JsonNode *qmp_query_pci(JsonObject *args, GError **errp)
{
    JsonBuilder *b = json_builder_new();
    JsonNode *root;

    json_builder_begin_array(b);
    for (GSList *l = pci_root_buses; l; l = l->next) {
        PCIBus *bus = l->data;

        json_builder_begin_object(b);
        json_builder_set_member_name(b, "bus");
        json_builder_add_int_value(b, pci_bus_num(bus));
        json_builder_set_member_name(b, "devices");
        pci_query_devices(b, bus);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    root = json_builder_get_root(b);
    g_object_unref(b);
    return root;
}

static void hmp_info_pci(Monitor *mon, const char *args)
{
    GString *out = g_string_new("");

    pci_info(out);
    monitor_puts(mon, out->str);
    g_string_free(out, true);
}

static void pci_register_types(void)
{
    hmp_register_info("pci", "show PCI info", hmp_info_pci);
    qmp_register_command("query-pci", qmp_query_pci);
    type_register_static(&pci_bus_info);
    type_register_static(&pcie_bus_info);
    type_register_static(&pci_device_type_info);
}

type_init(pci_register_types)
