/*
 * gpex.h - the generic PCIe host bridge with ECAM ("pci-host-ecam-generic"
 * in the device tree), as on QEMU's Arm virt machine.
 *
 * The host is a sysbus device with three MMIO regions and four IRQs:
 *   region 0  ECAM: 256 MiB of config space (1 MiB per bus, 4 KiB per
 *             function); a board maps a window of it (16 or 256 buses)
 *   region 1  the PCI memory space (2^64 container): boards map windows
 *             of it at the same CPU address (32-bit and 64-bit windows)
 *   region 2  the PCI I/O space (64 KiB): boards map it at the PIO base
 *   IRQ 0..3  INTA..INTD after the (slot + pin) % 4 swizzle
 * MSIs are memory writes from the devices and reach whatever doorbell
 * (GICv2m, ITS) the board maps in system memory.
 *
 * For a board, gpex_create() does all of it:
 *
 *     GPEXConfig cfg = gpex_virt_config(true);      // high ECAM
 *     qemu_irq irqs[GPEX_NUM_IRQS];
 *     for (i = 0; i < GPEX_NUM_IRQS; i++)
 *         irqs[i] = qdev_get_gpio_in(gic, VIRT_PCIE_IRQ + i);
 *     GPEXHost *pcie = gpex_create(get_system_memory(), &cfg, irqs, errp);
 *     PCIBus *bus = gpex_get_bus(pcie);             // "pcie.0"
 *     gpex_fdt_populate(fdt, &cfg, gic_phandle, msi_phandle, VIRT_PCIE_IRQ,
 *                       errp);
 *
 * -device ... finds the bus by type (TYPE_PCIE_BUS) or bus=pcie.0.
 */
#ifndef HW_PCI_HOST_GPEX_H
#define HW_PCI_HOST_GPEX_H

#include "hw/sysbus.h"
#include "hw/pci/pci_host.h"

#define TYPE_GPEX_HOST          "gpex-pcihost"
#define TYPE_GPEX_ROOT_DEVICE   "gpex-root"
#define GPEX_NUM_IRQS           4
#define PCIE_MMCFG_SIZE_MAX     (256 * MiB)
#define PCIE_MMCFG_SIZE_MIN     (1 * MiB)

/* QEMU virt's PCIe layout (hw/arm/virt.c memmap). */
#define VIRT_PCIE_MMIO_BASE         0x10000000ULL
#define VIRT_PCIE_MMIO_SIZE         0x2eff0000ULL
#define VIRT_PCIE_PIO_BASE          0x3eff0000ULL
#define VIRT_PCIE_PIO_SIZE          0x00010000ULL
#define VIRT_PCIE_ECAM_BASE         0x3f000000ULL   /* low: 16 buses */
#define VIRT_PCIE_ECAM_SIZE         0x01000000ULL
#define VIRT_PCIE_ECAM_HIGH_BASE    0x4010000000ULL /* high: 256 buses */
#define VIRT_PCIE_ECAM_HIGH_SIZE    0x10000000ULL
#define VIRT_PCIE_HIGH_MMIO_BASE    0x8000000000ULL /* 512 GiB */
#define VIRT_PCIE_HIGH_MMIO_SIZE    0x8000000000ULL
#define VIRT_PCIE_IRQ               3               /* first of 4 SPIs */

/*
 * How an 8-byte ECAM access is treated. PCIe config requests are at most
 * a DWORD; a host that cannot split a QWORD access must not perform a
 * partial write, and returns all-ones for a read.
 */
typedef enum GPEXEcam8Byte {
    GPEX_ECAM_8BYTE_ERROR,      /* default: no write, all-ones, guest error */
    GPEX_ECAM_8BYTE_SPLIT,      /* two DWORD accesses, low address first */
} GPEXEcam8Byte;

typedef struct GPEXHost {
    PCIHostState parent_obj;

    MemoryRegion ecam;          /* region 0 */
    MemoryRegion io_mmio;       /* region 1 */
    MemoryRegion io_ioport;     /* region 2 */
    qemu_irq irq[GPEX_NUM_IRQS];
    int irq_num[GPEX_NUM_IRQS]; /* GIC SPI numbers, for KVM irq routing */

    /* Property "ecam-8byte": "error" (default) or "split". */
    char *ecam_8byte_str;
    GPEXEcam8Byte ecam_8byte;

    /* Windows gpex_create() maps into the board's system memory. */
    MemoryRegion ecam_alias;
    MemoryRegion mmio32_alias;
    MemoryRegion mmio64_alias;
} GPEXHost;

#define GPEX_HOST(obj) OBJECT_CHECK(GPEXHost, (obj), TYPE_GPEX_HOST)

/* A board's windows. A size of 0 leaves that window out. */
typedef struct GPEXConfig {
    hwaddr ecam_base, ecam_size;        /* ecam_size: 1..256 MiB, 1 MiB units */
    hwaddr mmio32_base, mmio32_size;    /* bus address == CPU address */
    hwaddr mmio64_base, mmio64_size;
    hwaddr pio_base, pio_size;          /* bus I/O 0 at pio_base */
} GPEXConfig;

/* QEMU virt's windows; @high_ecam picks the 256-bus ECAM above 4 GiB. */
static inline GPEXConfig gpex_virt_config(bool high_ecam)
{
    GPEXConfig c = {
        .ecam_base = high_ecam ? VIRT_PCIE_ECAM_HIGH_BASE : VIRT_PCIE_ECAM_BASE,
        .ecam_size = high_ecam ? VIRT_PCIE_ECAM_HIGH_SIZE : VIRT_PCIE_ECAM_SIZE,
        .mmio32_base = VIRT_PCIE_MMIO_BASE,
        .mmio32_size = VIRT_PCIE_MMIO_SIZE,
        .mmio64_base = VIRT_PCIE_HIGH_MMIO_BASE,
        .mmio64_size = VIRT_PCIE_HIGH_MMIO_SIZE,
        .pio_base = VIRT_PCIE_PIO_BASE,
        .pio_size = VIRT_PCIE_PIO_SIZE,
    };
    return c;
}

/*
 * gpex_create: create and realize a gpex host, map its windows from @cfg
 * into @sysmem and connect its INTA..INTD outputs to @irqs (entries may
 * be NULL). Returns NULL with @errp set on failure.
 */
GPEXHost *gpex_create(MemoryRegion *sysmem, const GPEXConfig *cfg,
                      const qemu_irq *irqs, GError **errp);
/* Record which GIC SPI output @index drives (for irq routing). */
void gpex_set_irq_num(GPEXHost *s, int index, int gsi);
static inline PCIBus *gpex_get_bus(GPEXHost *s)
{
    return PCI_HOST_BRIDGE(s)->bus;
}

/*
 * gpex_fdt_populate: add the "pcie@<ecam_base>" node under / of @fdt for
 * @cfg: compatible "pci-host-ecam-generic", reg, bus-range, ranges
 * (I/O, 32-bit and 64-bit memory), interrupt-map for 4 slots x 4 pins to
 * GIC SPIs VIRT_PCIE_IRQ.. (3 interrupt cells, level high) through
 * @gic_phandle, and msi-map = <0 @msi_phandle 0 0x10000> when @msi_phandle
 * is non-zero (requester id = DeviceID, as QEMU 7.2's virt). Returns
 * false with @errp set when libfdt fails.
 */
bool gpex_fdt_populate(void *fdt, const GPEXConfig *cfg,
                       uint32_t gic_phandle, uint32_t msi_phandle,
                       int first_spi, GError **errp);

#endif
