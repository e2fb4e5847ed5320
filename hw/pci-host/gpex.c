/*
 * gpex.c - generic PCIe host bridge with ECAM (see include/hw/pci-host/gpex.h).
 *
 * ECAM offset = bus << 20 | devfn << 12 | register. Config accesses of 1,
 * 2 and 4 bytes go to the function's config space; an absent function
 * reads all-ones (how enumeration finds empty slots) and ignores writes.
 * 8-byte accesses follow the "ecam-8byte" property; misaligned accesses
 * are refused by the memory core (valid.unaligned is false) as a guest
 * error. The root complex itself appears as 00:00.0 (gpex-root).
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "exec/memory.h"
#include "hw/qdev-properties.h"
#include "hw/pci-host/gpex.h"
#include <libfdt.h>

static PCIDevice *gpex_ecam_device(GPEXHost *s, hwaddr addr)
{
    return pci_find_device(PCI_HOST_BRIDGE(s)->bus, (addr >> 20) & 0xff,
                           (addr >> 12) & 0xff);
}

static uint32_t gpex_ecam_read_dword(GPEXHost *s, hwaddr addr, unsigned size)
{
    PCIDevice *d = gpex_ecam_device(s, addr);

    if (!d) {
        return ~0u >> (32 - 8 * size);
    }
    return pci_host_config_read_common(d, addr & 0xfff, PCIE_CONFIG_SPACE_SIZE,
                                       size);
}

static void gpex_ecam_write_dword(GPEXHost *s, hwaddr addr, uint32_t val,
                                  unsigned size)
{
    PCIDevice *d = gpex_ecam_device(s, addr);

    if (d) {
        pci_host_config_write_common(d, addr & 0xfff, PCIE_CONFIG_SPACE_SIZE,
                                     val, size);
    }
}

static uint64_t gpex_ecam_read(void *opaque, hwaddr addr, unsigned size)
{
    GPEXHost *s = opaque;

    if (size == 8) {
        if (s->ecam_8byte == GPEX_ECAM_8BYTE_SPLIT) {
            return gpex_ecam_read_dword(s, addr, 4) |
                   (uint64_t)gpex_ecam_read_dword(s, addr + 4, 4) << 32;
        }
        log_mask(LOG_GUEST_ERROR, "gpex: 8-byte ECAM read at 0x%" HWADDR_PRIx
                 " (config requests are at most 4 bytes): all-ones\n", addr);
        return UINT64_MAX;
    }
    return gpex_ecam_read_dword(s, addr, size);
}

static void gpex_ecam_write(void *opaque, hwaddr addr, uint64_t val,
                            unsigned size)
{
    GPEXHost *s = opaque;

    if (size == 8) {
        if (s->ecam_8byte == GPEX_ECAM_8BYTE_SPLIT) {
            gpex_ecam_write_dword(s, addr, (uint32_t)val, 4);
            gpex_ecam_write_dword(s, addr + 4, (uint32_t)(val >> 32), 4);
            return;
        }
        log_mask(LOG_GUEST_ERROR, "gpex: 8-byte ECAM write of 0x%" PRIx64
                 " at 0x%" HWADDR_PRIx " dropped (config requests are at "
                 "most 4 bytes)\n", val, addr);
        return;
    }
    gpex_ecam_write_dword(s, addr, (uint32_t)val, size);
}

static const MemoryRegionOps gpex_ecam_ops = {
    .read = gpex_ecam_read,
    .write = gpex_ecam_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

static void gpex_set_irq(void *opaque, int irq_num, int level)
{
    GPEXHost *s = opaque;

    qemu_set_irq(s->irq[irq_num], level);
}

void gpex_set_irq_num(GPEXHost *s, int index, int gsi)
{
    assert(index >= 0 && index < GPEX_NUM_IRQS);
    s->irq_num[index] = gsi;
}

static void gpex_host_realize(DeviceState *dev, GError **errp)
{
    GPEXHost *s = GPEX_HOST(dev);
    PCIHostState *pci = PCI_HOST_BRIDGE(dev);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    PCIDevice *root;

    if (!s->ecam_8byte_str || !strcmp(s->ecam_8byte_str, "error")) {
        s->ecam_8byte = GPEX_ECAM_8BYTE_ERROR;
    } else if (!strcmp(s->ecam_8byte_str, "split")) {
        s->ecam_8byte = GPEX_ECAM_8BYTE_SPLIT;
    } else {
        error_setg(errp, "Property 'gpex-pcihost.ecam-8byte' doesn't take "
                   "value '%s' (expected 'error' or 'split')",
                   s->ecam_8byte_str);
        return;
    }
    memory_region_init_io(&s->ecam, OBJECT(s), &gpex_ecam_ops, s,
                          "pcie-mmcfg-mmio", PCIE_MMCFG_SIZE_MAX);
    memory_region_init(&s->io_mmio, OBJECT(s), "gpex_mmio", UINT64_MAX);
    memory_region_init(&s->io_ioport, OBJECT(s), "gpex_ioport", 64 * KiB);
    sysbus_init_mmio(sbd, &s->ecam);
    sysbus_init_mmio(sbd, &s->io_mmio);
    sysbus_init_mmio(sbd, &s->io_ioport);
    for (int i = 0; i < GPEX_NUM_IRQS; i++) {
        sysbus_init_irq(sbd, &s->irq[i]);
        s->irq_num[i] = -1;
    }

    pci->bus = pci_root_bus_new(dev, "pcie.0", &s->io_mmio, &s->io_ioport, 0,
                                TYPE_PCIE_BUS);
    pci_bus_irqs(pci->bus, gpex_set_irq, s, GPEX_NUM_IRQS);
    pci_bus_map_irqs(pci->bus, pci_swizzle_map_irq_fn);

    root = pci_new(PCI_DEVFN(0, 0), TYPE_GPEX_ROOT_DEVICE);
    pci_realize_and_unref(root, pci->bus, errp);
}

static Property gpex_host_props[] = {
    DEFINE_PROP_STRING("ecam-8byte", GPEXHost, ecam_8byte_str),
    DEFINE_PROP_END_OF_LIST(),
};

static void gpex_host_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = gpex_host_realize;
    dc->desc = "Generic PCIe host bridge with ECAM";
    /* Windows are the board's; INTx levels are re-driven by the functions. */
    dc->vmsd = &vmstate_no_state_to_migrate;
    dc->fw_name = "pci";
    device_class_set_props(dc, gpex_host_props);
}

static const TypeInfo gpex_host_info = {
    .name = TYPE_GPEX_HOST,
    .parent = TYPE_PCI_HOST_BRIDGE,
    .instance_size = sizeof(GPEXHost),
    .class_init = gpex_host_class_init,
};

/* 00:00.0: the root complex as the guest enumerates it. */
static void gpex_root_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->vendor_id = PCI_VENDOR_ID_REDHAT;
    k->device_id = PCI_DEVICE_ID_REDHAT_PCIE_HOST;
    k->revision = 0;
    k->class_id = PCI_CLASS_BRIDGE_HOST;
    dc->desc = "QEMU generic PCIe host bridge";
    dc->vmsd = &vmstate_pci_device;
    dc->user_creatable = false;
    device_class_set_category(dc, DEVICE_CATEGORY_BRIDGE);
}

static const TypeInfo gpex_root_info = {
    .name = TYPE_GPEX_ROOT_DEVICE,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PCIDevice),
    .class_init = gpex_root_class_init,
};

GPEXHost *gpex_create(MemoryRegion *sysmem, const GPEXConfig *cfg,
                      const qemu_irq *irqs, GError **errp)
{
    DeviceState *dev;
    GPEXHost *s;

    if (cfg->ecam_size < PCIE_MMCFG_SIZE_MIN ||
        cfg->ecam_size > PCIE_MMCFG_SIZE_MAX ||
        (cfg->ecam_size & (PCIE_MMCFG_SIZE_MIN - 1))) {
        error_setg(errp, "gpex: ECAM size 0x%" HWADDR_PRIx " is not a "
                   "multiple of 1 MiB up to 256 MiB", cfg->ecam_size);
        return NULL;
    }
    dev = qdev_new(TYPE_GPEX_HOST);
    s = GPEX_HOST(dev);
    if (!sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), errp)) {
        return NULL;
    }
    memory_region_init_alias(&s->ecam_alias, OBJECT(s), "pcie-ecam", &s->ecam,
                             0, cfg->ecam_size);
    memory_region_add_subregion(sysmem, cfg->ecam_base, &s->ecam_alias);
    if (cfg->mmio32_size) {
        memory_region_init_alias(&s->mmio32_alias, OBJECT(s), "pcie-mmio",
                                 &s->io_mmio, cfg->mmio32_base,
                                 cfg->mmio32_size);
        memory_region_add_subregion(sysmem, cfg->mmio32_base,
                                    &s->mmio32_alias);
    }
    if (cfg->mmio64_size) {
        memory_region_init_alias(&s->mmio64_alias, OBJECT(s), "pcie-mmio-high",
                                 &s->io_mmio, cfg->mmio64_base,
                                 cfg->mmio64_size);
        memory_region_add_subregion(sysmem, cfg->mmio64_base,
                                    &s->mmio64_alias);
    }
    if (cfg->pio_size) {
        memory_region_add_subregion(sysmem, cfg->pio_base, &s->io_ioport);
    }
    for (int i = 0; i < GPEX_NUM_IRQS; i++) {
        if (irqs && irqs[i]) {
            sysbus_connect_irq(SYS_BUS_DEVICE(dev), i, irqs[i]);
        }
    }
    return s;
}

/* ------------------------------------------------------------------ */
/* Device tree */

#define FDT_PCI_RANGE_IOPORT        0x01000000u
#define FDT_PCI_RANGE_MMIO          0x02000000u
#define FDT_PCI_RANGE_MMIO_64BIT    0x03000000u
#define GIC_FDT_IRQ_TYPE_SPI        0
#define GIC_FDT_IRQ_FLAGS_LEVEL_HI  4

static void put_cells(fdt32_t **p, int n, uint64_t v)
{
    if (n == 2) {
        *(*p)++ = cpu_to_fdt32(v >> 32);
    }
    *(*p)++ = cpu_to_fdt32((uint32_t)v);
}

bool gpex_fdt_populate(void *fdt, const GPEXConfig *cfg,
                       uint32_t gic_phandle, uint32_t msi_phandle,
                       int first_spi, GError **errp)
{
    char name[48];
    fdt32_t reg[4], ranges[3 * 7], map[4 * 4 * 10], *p;
    fdt32_t mask[4] = { cpu_to_fdt32(0x1800), 0, 0, cpu_to_fdt32(7) };
    fdt32_t bus_range[2] = { 0, cpu_to_fdt32(cfg->ecam_size / MiB - 1) };
    int node, err = 0;

    snprintf(name, sizeof(name), "pcie@%" HWADDR_PRIx, cfg->ecam_base);
    node = fdt_add_subnode(fdt, 0, name);
    if (node < 0) {
        err = node;
        goto fail;
    }
    p = reg;
    put_cells(&p, 2, cfg->ecam_base);
    put_cells(&p, 2, cfg->ecam_size);
    p = ranges;
    if (cfg->pio_size) {
        put_cells(&p, 1, FDT_PCI_RANGE_IOPORT);
        put_cells(&p, 2, 0);
        put_cells(&p, 2, cfg->pio_base);
        put_cells(&p, 2, cfg->pio_size);
    }
    if (cfg->mmio32_size) {
        put_cells(&p, 1, FDT_PCI_RANGE_MMIO);
        put_cells(&p, 2, cfg->mmio32_base);
        put_cells(&p, 2, cfg->mmio32_base);
        put_cells(&p, 2, cfg->mmio32_size);
    }
    if (cfg->mmio64_size) {
        put_cells(&p, 1, FDT_PCI_RANGE_MMIO_64BIT);
        put_cells(&p, 2, cfg->mmio64_base);
        put_cells(&p, 2, cfg->mmio64_base);
        put_cells(&p, 2, cfg->mmio64_size);
    }
    err = fdt_setprop_string(fdt, node, "compatible", "pci-host-ecam-generic");
    err = err ?: fdt_setprop_string(fdt, node, "device_type", "pci");
    err = err ?: fdt_setprop_u32(fdt, node, "#address-cells", 3);
    err = err ?: fdt_setprop_u32(fdt, node, "#size-cells", 2);
    err = err ?: fdt_setprop_u32(fdt, node, "linux,pci-domain", 0);
    err = err ?: fdt_setprop(fdt, node, "bus-range", bus_range,
                             sizeof(bus_range));
    err = err ?: fdt_setprop(fdt, node, "dma-coherent", NULL, 0);
    err = err ?: fdt_setprop(fdt, node, "reg", reg, sizeof(reg));
    err = err ?: fdt_setprop(fdt, node, "ranges", ranges,
                             (p - ranges) * sizeof(fdt32_t));
    if (msi_phandle) {
        /* QEMU 7.2: every requester id maps 1:1 to a DeviceID/MSI. */
        fdt32_t msi_map[4] = { 0, cpu_to_fdt32(msi_phandle), 0,
                               cpu_to_fdt32(0x10000) };

        err = err ?: fdt_setprop(fdt, node, "msi-map", msi_map,
                                 sizeof(msi_map));
    }
    /* Slots 0..3 x INTA..INTD: the swizzle repeats every 4 slots. */
    p = map;
    for (int slot = 0; slot < 4; slot++) {
        for (int pin = 0; pin < PCI_NUM_PINS; pin++) {
            *p++ = cpu_to_fdt32(PCI_DEVFN(slot, 0) << 8);
            *p++ = 0;
            *p++ = 0;
            *p++ = cpu_to_fdt32(pin + 1);
            *p++ = cpu_to_fdt32(gic_phandle);
            *p++ = 0;           /* GIC #address-cells = 2 */
            *p++ = 0;
            *p++ = cpu_to_fdt32(GIC_FDT_IRQ_TYPE_SPI);
            *p++ = cpu_to_fdt32(first_spi + pci_swizzle(slot, pin));
            *p++ = cpu_to_fdt32(GIC_FDT_IRQ_FLAGS_LEVEL_HI);
        }
    }
    err = err ?: fdt_setprop_u32(fdt, node, "#interrupt-cells", 1);
    err = err ?: fdt_setprop(fdt, node, "interrupt-map", map, sizeof(map));
    err = err ?: fdt_setprop(fdt, node, "interrupt-map-mask", mask,
                             sizeof(mask));
    if (!err) {
        return true;
    }
fail:
    error_setg(errp, "gpex: cannot build the %s device tree node: %s", name,
               fdt_strerror(err));
    return false;
}

static void gpex_register_types(void)
{
    type_register_static(&gpex_host_info);
    type_register_static(&gpex_root_info);
}

type_init(gpex_register_types)
