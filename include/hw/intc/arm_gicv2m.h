/*
 * arm_gicv2m.h - GICv2m MSI frame (Arm SBSA, "GICv2m"): lets a GICv2 system
 * take MSIs. A DWORD write of an SPI's INTID to MSI_SETSPI_NS pulses that
 * SPI; MSI_TYPER tells the guest which SPIs the frame owns.
 *
 * Board wiring (QEMU's virt with gic-version=2: 0x08020000, SPIs 48..111):
 *
 *     DeviceState *v2m = qdev_new(TYPE_ARM_GICV2M);
 *     qdev_prop_set_uint32(v2m, "base-spi", 48);    // SPI number, not INTID
 *     qdev_prop_set_uint32(v2m, "num-spi", 64);
 *     sysbus_realize_and_unref(SYS_BUS_DEVICE(v2m), &error_fatal);
 *     sysbus_mmio_map(SYS_BUS_DEVICE(v2m), 0, 0x08020000);
 *     for (i = 0; i < 64; i++)
 *         sysbus_connect_irq(SYS_BUS_DEVICE(v2m), i,
 *                            qdev_get_gpio_in(gic, 48 + i));
 *     // DT: /intc/v2m@8020000, compatible "arm,gic-v2m-frame",
 *     //     msi-controller, reg; the PCIe host gets msi-map.
 */
#ifndef HW_INTC_ARM_GICV2M_H
#define HW_INTC_ARM_GICV2M_H

#include "hw/sysbus.h"
#include "exec/memory.h"

#define TYPE_ARM_GICV2M "arm-gicv2m"
#define GICV2M_NUM_SPI_MAX  128
#define GICV2M_SIZE         0x1000
#define GICV2M_SETSPI_NS    0x040

typedef struct ARMGICv2mState {
    SysBusDevice parent_obj;
    MemoryRegion iomem;
    qemu_irq spi[GICV2M_NUM_SPI_MAX];
    uint32_t base_spi;          /* property: first SPI (INTID - 32) */
    uint32_t num_spi;           /* property */
} ARMGICv2mState;

#define ARM_GICV2M(obj) OBJECT_CHECK(ARMGICv2mState, (obj), TYPE_ARM_GICV2M)

#endif
