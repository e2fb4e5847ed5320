/*
 * flash.h - CFI parallel NOR flash with the Intel/Sharp command set
 * (QEMU's "cfi.pflash01"), as the virt board's two firmware banks.
 *
 *     DeviceState *dev = qdev_new(TYPE_PFLASH_CFI01);
 *     qdev_prop_set_uint32(dev, "num-blocks", 64 * MiB / (256 * KiB));
 *     qdev_prop_set_uint64(dev, "sector-length", 256 * KiB);
 *     qdev_prop_set_uint8(dev, "width", 4);          bank width in bytes
 *     qdev_prop_set_uint8(dev, "device-width", 2);   two x16 chips side by side
 *     qdev_prop_set_uint16(dev, "id0", 0x89);        manufacturer
 *     qdev_prop_set_uint16(dev, "id1", 0x18);        device
 *     qdev_prop_set_string(dev, "name", "virt.flash0");
 *     qdev_prop_set_string(dev, "drive", "vars.fd"); optional raw image file
 *     qdev_prop_set_bit(dev, "read-only", true);     refuse program/erase
 *     sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &err);
 *     sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0, base);
 *
 * The contents are a ROM device region: in read-array mode reads go
 * straight to memory (code runs from it); any command takes the region
 * out of that mode until the guest returns to read array. A backing file
 * must be exactly the flash's size; every program or erase is written
 * back to it at once. See docs/devel/devices-virt.md for the command set.
 */
#ifndef HW_BLOCK_FLASH_H
#define HW_BLOCK_FLASH_H

#include "hw/sysbus.h"
#include "exec/memory.h"

#define TYPE_PFLASH_CFI01 "cfi.pflash01"

typedef struct PFlashCFI01 PFlashCFI01;

#define PFLASH_CFI01(obj) OBJECT_CHECK(PFlashCFI01, (obj), TYPE_PFLASH_CFI01)

/* The flash contents region (for a board that loads -bios into it). */
MemoryRegion *pflash_cfi01_get_memory(PFlashCFI01 *fl);

#endif
