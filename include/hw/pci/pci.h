/*
 * pci.h - the PCI / PCIe device model: buses, functions, config space,
 * BARs, INTx, bus-master address spaces and the PCI DMA API.
 *
 * A host bridge creates a root bus over two containers (bus memory and bus
 * I/O) and says how INTx pins reach its interrupt controller:
 *
 *     PCIBus *bus = pci_root_bus_new(DEVICE(s), "pcie.0", &s->mem, &s->io,
 *                                    0, TYPE_PCIE_BUS);
 *     pci_bus_irqs(bus, my_set_irq, s, PCI_NUM_PINS);
 *     pci_bus_map_irqs(bus, pci_swizzle_map_irq_fn);
 *
 * Functions are qdev devices of a subtype of TYPE_PCI_DEVICE. Their class
 * gives the IDs and a realize hook that registers BARs and capabilities:
 *
 *     memory_region_init_io(&s->mmio, OBJECT(s), &ops, s, "regs", 4096);
 *     pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->mmio);
 *     msi_init(pdev, 0, 1, true, false, errp);
 *
 * The core then answers config cycles (pci_host_config_read/write_common),
 * keeps each BAR mapped in the bus containers at the address the guest
 * programmed while the command register enables it, routes INTx through
 * bridges with the standard swizzle, and gives every function a bus-master
 * address space that only passes DMA while Bus Master Enable is set.
 *
 * Not here: MSI / MSI-X (hw/pci/msi.h, msix.h), host bridge specifics
 * (hw/pci/pci_host.h, hw/pci-host/), bridges (hw/pci/pci_bridge.h).
 */
#ifndef HW_PCI_PCI_H
#define HW_PCI_PCI_H

#include "util/osdep.h"
#include "exec/memory.h"
#include "hw/qdev.h"
#include "hw/pci/pci_config.h"
#include "hw/pci/pci_ids.h"
#include "migration/vmstate.h"

#define PCI_DEVFN(slot, func)   ((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn)         (((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)         ((devfn) & 0x07)
#define PCI_BUILD_BDF(bus, devfn) (((bus) << 8) | (devfn))
#define PCI_BUS_MAX             256
#define PCI_SLOT_MAX            32
#define PCI_FUNC_MAX            8
#define PCI_DEVFN_MAX           256

#define TYPE_PCI_DEVICE "pci-device"
#define TYPE_PCI_BUS    "PCI"
#define TYPE_PCIE_BUS   "PCIE"

/* Bits of PCIDevice.cap_present. */
enum {
    QEMU_PCI_CAP_MSI         = 1 << 0,
    QEMU_PCI_CAP_MSIX        = 1 << 1,
    QEMU_PCI_CAP_EXPRESS     = 1 << 2,
    QEMU_PCI_CAP_MULTIFUNCTION = 1 << 3,
};

typedef void (*pci_set_irq_fn)(void *opaque, int irq_num, int level);
typedef int (*pci_map_irq_fn)(PCIDevice *pci_dev, int irq_num);
/* Where DMA from function @devfn of @bus goes (its IOMMU's view). */
typedef AddressSpace *(*PCIIOMMUFunc)(PCIBus *bus, void *opaque, int devfn);

typedef void PCIConfigReadFunc(PCIDevice *d, uint32_t addr, uint32_t *val,
                               int len);
typedef void PCIConfigWriteFunc(PCIDevice *d, uint32_t addr, uint32_t val,
                                int len);

typedef struct PCIIORegion {
    pcibus_t addr;          /* current bus address, or PCI_BAR_UNMAPPED */
    pcibus_t size;          /* 0: BAR not registered */
    uint8_t type;
    MemoryRegion *memory;
    MemoryRegion *address_space;    /* the bus container it maps into */
} PCIIORegion;

typedef struct MSIXState MSIXState;

struct PCIDevice {
    DeviceState qdev;

    /* Config space image and its per-byte masks (see pci_config.h). */
    uint8_t *config;
    uint8_t *wmask;
    uint8_t *w1cmask;
    uint8_t *cmask;
    uint8_t *used;          /* capability bytes taken, for overlap checks */

    PCIBus *bus;
    int32_t devfn;          /* property "addr"; -1 = first free slot */
    bool multifunction;     /* property "multifunction" */
    char name[64];
    PCIIORegion io_regions[PCI_NUM_REGIONS];

    /* DMA: bus_master_as's root holds an alias of the IOMMU / system view,
     * enabled only while Command.Bus Master Enable is set. */
    AddressSpace bus_master_as;
    MemoryRegion bus_master_container_region;
    MemoryRegion bus_master_enable_region;
    char *bus_master_name;

    PCIConfigReadFunc *config_read;
    PCIConfigWriteFunc *config_write;

    uint32_t cap_present;
    uint8_t irq_state;      /* bit per pin: level the device drives */

    /* MSI */
    uint8_t msi_cap;

    /* MSI-X */
    uint8_t msix_cap;
    int msix_entries_nr;
    uint8_t *msix_table;
    uint8_t *msix_pba;
    unsigned *msix_entry_used;
    bool msix_function_masked;
    MemoryRegion msix_table_mmio;
    MemoryRegion msix_pba_mmio;
    MemoryRegion *msix_table_bar;
    MemoryRegion *msix_pba_bar;
    MemoryRegion msix_exclusive_bar;
    /* Option ROM (properties "romfile", "rombar"), BAR6 when loaded. */
    char *romfile;
    uint32_t rom_bar;
    MemoryRegion rom;
    bool has_rom;

    /* PCIe */
    uint8_t exp_cap;

    /* Optional: called instead of a memory write to send an MSI (e.g. a
     * KVM irqfd route); NULL uses the bus-master address space. */
    void (*msi_trigger)(PCIDevice *dev, uint64_t addr, uint32_t data);
};

typedef struct PCIDeviceClass {
    DeviceClass parent_class;

    void (*realize)(PCIDevice *dev, GError **errp);
    void (*exit)(PCIDevice *dev);
    PCIConfigReadFunc *config_read;
    PCIConfigWriteFunc *config_write;

    uint16_t vendor_id;
    uint16_t device_id;
    uint8_t revision;
    uint16_t class_id;
    uint16_t subsystem_vendor_id;   /* only for header type 0 */
    uint16_t subsystem_id;
    bool is_bridge;                 /* header type 1 */
    bool is_express;                /* 4 KiB config space */
} PCIDeviceClass;

#define PCI_DEVICE(obj) \
    OBJECT_CHECK(PCIDevice, (obj), TYPE_PCI_DEVICE)
#define PCI_DEVICE_CLASS(klass) \
    OBJECT_CLASS_CHECK(PCIDeviceClass, (klass), TYPE_PCI_DEVICE)
#define PCI_DEVICE_GET_CLASS(obj) \
    OBJECT_GET_CLASS(PCIDeviceClass, (obj), TYPE_PCI_DEVICE)

struct PCIBus {
    BusState qbus;
    uint8_t devfn_min;
    PCIDevice *devices[PCI_DEVFN_MAX];
    PCIDevice *parent_dev;      /* the bridge above, NULL on a root bus */
    MemoryRegion *address_space_mem;
    MemoryRegion *address_space_io;

    pci_set_irq_fn set_irq;     /* root bus only */
    pci_map_irq_fn map_irq;
    void *irq_opaque;
    int nirq;
    int *irq_count;

    PCIIOMMUFunc iommu_fn;      /* root bus only; NULL = system memory */
    void *iommu_opaque;
    uint8_t root_bus_num;       /* number of a root bus (0 for one host) */

    GSList *child_buses;        /* buses behind bridges on this bus */
};

#define PCI_BUS(obj) OBJECT_CHECK(PCIBus, (obj), TYPE_PCI_BUS)

/* ---------------------------------------------------------------- */
/* Buses */

/**
 * pci_root_bus_new: the root bus of a host bridge.
 * @parent: the host bridge device; @name: the bus name ("pcie.0").
 * @mem/@io: containers BARs map into (bus addresses); the host maps
 *   windows of them into system memory / I/O.
 * @devfn_min: first devfn auto-placed devices may take.
 * @typename: TYPE_PCI_BUS or TYPE_PCIE_BUS.
 */
PCIBus *pci_root_bus_new(DeviceState *parent, const char *name,
                         MemoryRegion *mem, MemoryRegion *io,
                         uint8_t devfn_min, const char *typename);
/* How the root bus raises its @nirq lines. */
void pci_bus_irqs(PCIBus *bus, pci_set_irq_fn set_irq, void *irq_opaque,
                  int nirq);
/* Pin (0..3) of a device on the bus -> line of the bus (0..nirq-1). */
void pci_bus_map_irqs(PCIBus *bus, pci_map_irq_fn map_irq);
/* The standard (slot + pin) % 4 rotation, usable as a map_irq. */
int pci_swizzle_map_irq_fn(PCIDevice *pci_dev, int pin);
/* Where DMA from this bus's devices goes (default: system memory). */
void pci_setup_iommu(PCIBus *bus, PCIIOMMUFunc fn, void *opaque);
bool pci_bus_is_express(PCIBus *bus);
bool pci_bus_is_root(PCIBus *bus);
/* Bus number: the root's, or the secondary bus number of the bridge. */
int pci_bus_num(PCIBus *bus);
PCIBus *pci_get_bus(const PCIDevice *dev);
/* The function at @bus_num:@devfn anywhere below root bus @bus, or NULL. */
PCIDevice *pci_find_device(PCIBus *bus, int bus_num, uint8_t devfn);
/* Call @fn for every function on @bus (not below bridges). */
void pci_for_each_device_on_bus(PCIBus *bus,
                                void (*fn)(PCIBus *b, PCIDevice *d,
                                           void *opaque),
                                void *opaque);
/* Reset every function on @bus and below. */
void pci_bus_reset(PCIBus *bus);

/* ---------------------------------------------------------------- */
/* Creating functions */

/* A new, unrealized function of @name at @devfn (-1: first free slot). */
PCIDevice *pci_new(int devfn, const char *name);
/* Realize @dev on @bus; drops the caller's reference. */
bool pci_realize_and_unref(PCIDevice *dev, PCIBus *bus, GError **errp);
/* pci_new + pci_realize_and_unref; aborts on failure (board code). */
PCIDevice *pci_create_simple(PCIBus *bus, int devfn, const char *name);

/* ---------------------------------------------------------------- */
/* Config space */

/* Bytes of config space: 256, or 4096 for PCIe functions. */
uint32_t pci_config_size(const PCIDevice *d);
uint32_t pci_default_read_config(PCIDevice *d, uint32_t address, int len);
void pci_default_write_config(PCIDevice *d, uint32_t address, uint32_t val,
                              int len);
/*
 * Host-side config cycles: @limit is the config size the host can reach
 * (256 for CF8/CFC, 4096 for ECAM). Out-of-range reads give all-ones,
 * writes are dropped. Dispatches to the class's config hooks.
 */
uint32_t pci_host_config_read_common(PCIDevice *d, uint32_t addr,
                                     uint32_t limit, uint32_t len);
void pci_host_config_write_common(PCIDevice *d, uint32_t addr,
                                  uint32_t limit, uint32_t val, uint32_t len);

/* Identity helpers for realize functions and tests. */
static inline void pci_config_set_vendor_id(uint8_t *c, uint16_t v)
{
    pci_set_word(c + PCI_VENDOR_ID, v);
}
static inline void pci_config_set_device_id(uint8_t *c, uint16_t v)
{
    pci_set_word(c + PCI_DEVICE_ID, v);
}
static inline void pci_config_set_class(uint8_t *c, uint16_t v)
{
    pci_set_word(c + PCI_CLASS_DEVICE, v);
}
static inline void pci_config_set_prog_interface(uint8_t *c, uint8_t v)
{
    c[PCI_CLASS_PROG] = v;
}
static inline void pci_config_set_interrupt_pin(uint8_t *c, uint8_t v)
{
    c[PCI_INTERRUPT_PIN] = v;
}

/**
 * pci_add_capability: link a classic capability of @size bytes with
 * @cap_id into the list. @offset 0 picks the lowest free 4-byte aligned
 * place. Returns the offset, or -1 with @errp set if it overlaps another
 * capability or does not fit.
 */
int pci_add_capability(PCIDevice *pdev, uint8_t cap_id, uint8_t offset,
                       uint8_t size, GError **errp);
void pci_del_capability(PCIDevice *pdev, uint8_t cap_id, uint8_t cap_size);
/* Offset of the capability with @cap_id, or 0. */
uint8_t pci_find_capability(PCIDevice *pdev, uint8_t cap_id);

/**
 * pcie_add_capability: append a PCIe extended capability at @offset
 * (>= 0x100, 4-byte aligned) of @size bytes. Returns false with @errp
 * set on overlap or for a conventional function.
 */
bool pcie_add_capability(PCIDevice *dev, uint16_t cap_id, uint8_t cap_ver,
                         uint16_t offset, uint16_t size, GError **errp);
uint16_t pcie_find_capability(PCIDevice *dev, uint16_t cap_id);
/* Add the PCI Express capability (v2) for a function of @type
 * (PCI_EXP_TYPE_*). Returns its offset or -1. */
int pcie_cap_init(PCIDevice *dev, uint8_t offset, uint8_t type, uint8_t port,
                  GError **errp);

/* ---------------------------------------------------------------- */
/* BARs */

/**
 * pci_register_bar: make @memory BAR @region_num (0..5, or PCI_ROM_SLOT).
 * @type: PCI_BASE_ADDRESS_SPACE_IO, or PCI_BASE_ADDRESS_SPACE_MEMORY with
 *   PCI_BASE_ADDRESS_MEM_TYPE_64 and/or PCI_BASE_ADDRESS_MEM_PREFETCH.
 * The size is memory_region_size(@memory), rounded up to a power of two
 * (and to the minimum of the kind: 4 bytes I/O, 16 memory, 2 KiB ROM).
 * A 64-bit BAR also takes the next BAR slot.
 */
void pci_register_bar(PCIDevice *pci_dev, int region_num, uint8_t type,
                      MemoryRegion *memory);
/* Bus address BAR @region_num decodes now, or PCI_BAR_UNMAPPED. */
pcibus_t pci_get_bar_addr(PCIDevice *pci_dev, int region_num);
/* Re-evaluate every BAR against config space and command register. */
void pci_update_mappings(PCIDevice *d);

/* ---------------------------------------------------------------- */
/* INTx */

/* The pin (0 = INTA) the function uses, or -1 when it has none. */
int pci_intx(PCIDevice *pci_dev);
/* Drive the function's INTx pin to @level (0 or 1). */
void pci_set_irq(PCIDevice *pci_dev, int level);
static inline void pci_irq_assert(PCIDevice *pci_dev)
{
    pci_set_irq(pci_dev, 1);
}
static inline void pci_irq_deassert(PCIDevice *pci_dev)
{
    pci_set_irq(pci_dev, 0);
}
static inline void pci_irq_pulse(PCIDevice *pci_dev)
{
    pci_set_irq(pci_dev, 1);
    pci_set_irq(pci_dev, 0);
}

/* ---------------------------------------------------------------- */
/* Reset */

/* Power-on state: command 0, BARs unassigned, MSI/MSI-X off, INTx low. */
void pci_device_reset(PCIDevice *dev);

/* ---------------------------------------------------------------- */
/* DMA */

/* The function's view of memory as a bus master (gated by BME). */
AddressSpace *pci_get_address_space(PCIDevice *dev);
/* The IOMMU's / system view DMA from @dev reaches, ignoring BME. */
AddressSpace *pci_device_iommu_address_space(PCIDevice *dev);
bool pci_bus_master_enabled(PCIDevice *dev);
/* The requester id (bus << 8 | devfn) DMA from @dev carries. */
uint16_t pci_requester_id(PCIDevice *dev);
/* Attributes of DMA from @dev (requester id set). */
MemTxAttrs pci_dma_attrs(PCIDevice *dev);

/**
 * pci_dma_rw: DMA between @buf and bus address @addr. Refused with
 * MEMTX_ACCESS_ERROR (and a guest error logged) while Bus Master Enable
 * is off. Goes through the function's IOMMU address space; aligned 2/4/8-
 * byte transfers are single accesses of that width, also into another
 * device's MMIO (peer-to-peer).
 */
MemTxResult pci_dma_rw(PCIDevice *dev, dma_addr_t addr, void *buf,
                       dma_addr_t len, bool is_write);
MemTxResult pci_dma_read(PCIDevice *dev, dma_addr_t addr, void *buf,
                         dma_addr_t len);
MemTxResult pci_dma_write(PCIDevice *dev, dma_addr_t addr, const void *buf,
                          dma_addr_t len);

/*
 * Typed DMA: ld{uw,l,q}_{le,be}_pci_dma(dev, addr, &val) and
 * st{w,l,q}_{le,be}_pci_dma(dev, addr, val). One access of the size,
 * atomic when aligned; MEMTX_ACCESS_ERROR while bus mastering is off.
 */
MemTxResult ldub_pci_dma(PCIDevice *dev, dma_addr_t addr, uint8_t *val);
MemTxResult lduw_le_pci_dma(PCIDevice *dev, dma_addr_t addr, uint16_t *val);
MemTxResult lduw_be_pci_dma(PCIDevice *dev, dma_addr_t addr, uint16_t *val);
MemTxResult ldl_le_pci_dma(PCIDevice *dev, dma_addr_t addr, uint32_t *val);
MemTxResult ldl_be_pci_dma(PCIDevice *dev, dma_addr_t addr, uint32_t *val);
MemTxResult ldq_le_pci_dma(PCIDevice *dev, dma_addr_t addr, uint64_t *val);
MemTxResult ldq_be_pci_dma(PCIDevice *dev, dma_addr_t addr, uint64_t *val);
MemTxResult stb_pci_dma(PCIDevice *dev, dma_addr_t addr, uint8_t val);
MemTxResult stw_le_pci_dma(PCIDevice *dev, dma_addr_t addr, uint16_t val);
MemTxResult stw_be_pci_dma(PCIDevice *dev, dma_addr_t addr, uint16_t val);
MemTxResult stl_le_pci_dma(PCIDevice *dev, dma_addr_t addr, uint32_t val);
MemTxResult stl_be_pci_dma(PCIDevice *dev, dma_addr_t addr, uint32_t val);
MemTxResult stq_le_pci_dma(PCIDevice *dev, dma_addr_t addr, uint64_t val);
MemTxResult stq_be_pci_dma(PCIDevice *dev, dma_addr_t addr, uint64_t val);

/*
 * Scatter-gather: a list of (bus address, length) pieces a device reads
 * or writes as one buffer.
 */
typedef struct PCIDMASGEntry {
    dma_addr_t base;
    dma_addr_t len;
} PCIDMASGEntry;
typedef struct PCIDMASGList {
    PCIDMASGEntry *sg;
    int nsg;
    int nalloc;
    dma_addr_t size;
} PCIDMASGList;
void pci_dma_sglist_init(PCIDMASGList *qsg, int alloc_hint);
void pci_dma_sglist_add(PCIDMASGList *qsg, dma_addr_t base, dma_addr_t len);
void pci_dma_sglist_destroy(PCIDMASGList *qsg);
/* Copy between @buf (@len bytes) and the list, in order; stops at the
 * first failing piece and returns its result. */
MemTxResult pci_dma_sglist_rw(PCIDevice *dev, PCIDMASGList *qsg, void *buf,
                              dma_addr_t len, bool is_write);

/* ---------------------------------------------------------------- */
/* Migration (hw/pci/pci-vmstate.c) */

/*
 * The PCI core's state of a function (config space, INTx level, MSI-X);
 * loading maps the BARs and bridge windows config space describes. A
 * device embeds it: VMSTATE_PCI_DEVICE(parent_obj, MyState).
 */
extern const VMStateDescription vmstate_pci_device;
#define VMSTATE_PCI_DEVICE(f, S) VMSTATE_STRUCT(f, S, vmstate_pci_device, PCIDevice)

/* ---------------------------------------------------------------- */
/* Monitor */

/* Append `info pci`: every function of every registered root bus. */
void pci_info(GString *out);
/*
 * QMP query-pci: QEMU's PciInfo list (bus, devices with class_info, id,
 * irq, regions, pci_bridge with nested devices). @args is unused.
 * Registered with the monitor by this module.
 */
typedef struct _JsonNode JsonNode;
typedef struct _JsonObject JsonObject;
JsonNode *qmp_query_pci(JsonObject *args, GError **errp);

#endif
