/*
 * fw_cfg.h - QEMU's firmware configuration device, MMIO flavour (virt).
 *
 * Firmware (u-boot, EDK2) and Linux's qemu_fw_cfg driver read named items
 * through it: the machine adds them once, before the guest runs. A board:
 *
 *     DeviceState *dev = sysbus_create_simple(TYPE_FW_CFG_MEM, 0x09020000, NULL);
 *     FWCfgState *fw = FW_CFG(dev);
 *     fw_cfg_add_machine_items(fw, ms);            // RAM size, CPU counts
 *     fw_cfg_add_file(fw, "etc/foo", g_memdup2(d, n), n);
 *
 * Registers (region of 0x18 bytes, all big-endian):
 *   +0x00 data       width 1, 2, 4 or 8: the next bytes of the selected item,
 *                    first byte in the most significant position
 *   +0x08 selector   16-bit write only
 *   +0x10 DMA        64-bit address of an FWCfgDmaAccess in guest memory;
 *                    writing the low 32 bits (offset +0x14, or the whole
 *                    8 bytes) starts the transfer. Reads give "QEMU CFG".
 * Numbers added with fw_cfg_add_i16/i32/i64 are stored little-endian, as
 * in QEMU; the file directory is big-endian.
 */
#ifndef HW_NVRAM_FW_CFG_H
#define HW_NVRAM_FW_CFG_H

#include "util/osdep.h"
#include "qom/object.h"

#define TYPE_FW_CFG_MEM "fw_cfg"

/* Item selectors (QEMU's numbering). */
#define FW_CFG_SIGNATURE        0x00
#define FW_CFG_ID               0x01
#define FW_CFG_UUID             0x02
#define FW_CFG_RAM_SIZE         0x03
#define FW_CFG_NOGRAPHIC        0x04
#define FW_CFG_NB_CPUS          0x05
#define FW_CFG_MACHINE_ID       0x06
#define FW_CFG_KERNEL_ADDR      0x07
#define FW_CFG_KERNEL_SIZE      0x08
#define FW_CFG_KERNEL_CMDLINE   0x09
#define FW_CFG_INITRD_ADDR      0x0a
#define FW_CFG_INITRD_SIZE      0x0b
#define FW_CFG_BOOT_DEVICE      0x0c
#define FW_CFG_NUMA             0x0d
#define FW_CFG_BOOT_MENU        0x0e
#define FW_CFG_MAX_CPUS         0x0f
#define FW_CFG_KERNEL_ENTRY     0x10
#define FW_CFG_KERNEL_DATA      0x11
#define FW_CFG_INITRD_DATA      0x12
#define FW_CFG_CMDLINE_ADDR     0x13
#define FW_CFG_CMDLINE_SIZE     0x14
#define FW_CFG_CMDLINE_DATA     0x15
#define FW_CFG_SETUP_ADDR       0x16
#define FW_CFG_SETUP_SIZE       0x17
#define FW_CFG_SETUP_DATA       0x18
#define FW_CFG_FILE_DIR         0x19
#define FW_CFG_FILE_FIRST       0x20
#define FW_CFG_FILE_SLOTS       0x100   /* files 0x20 .. 0x11f */
#define FW_CFG_WRITE_CHANNEL    0x4000  /* selector flag, ignored */
#define FW_CFG_ARCH_LOCAL       0x8000
#define FW_CFG_MAX_FILE_PATH    56

/* FW_CFG_ID bits */
#define FW_CFG_VERSION          0x01    /* traditional data register */
#define FW_CFG_VERSION_DMA      0x02

/* FWCfgDmaAccess.control bits (the struct is {be32 control, length; be64 address}) */
#define FW_CFG_DMA_CTL_ERROR    0x01
#define FW_CFG_DMA_CTL_READ     0x02
#define FW_CFG_DMA_CTL_SKIP     0x04
#define FW_CFG_DMA_CTL_SELECT   0x08
#define FW_CFG_DMA_CTL_WRITE    0x10

/* Register offsets */
#define FW_CFG_MMIO_DATA        0x00
#define FW_CFG_MMIO_SELECTOR    0x08
#define FW_CFG_MMIO_DMA         0x10
#define FW_CFG_MMIO_SIZE        0x18
/* What a read of the DMA register returns: "QEMU CFG". */
#define FW_CFG_DMA_SIGNATURE    0x51454d5520434647ULL

typedef struct FWCfgState FWCfgState;

#define FW_CFG(obj) OBJECT_CHECK(FWCfgState, (obj), TYPE_FW_CFG_MEM)

/*
 * Add an item. The device takes ownership of @data (g_malloc'd; freed with
 * the device) and the guest reads it as is. Re-adding a key replaces it.
 * A key outside 0..FW_CFG_FILE_FIRST-1 is a programming error.
 */
void fw_cfg_add_bytes(FWCfgState *s, uint16_t key, void *data, size_t len);
/* Copies @value, with its NUL (as QEMU does). */
void fw_cfg_add_string(FWCfgState *s, uint16_t key, const char *value);
/* Little-endian numbers. */
void fw_cfg_add_i16(FWCfgState *s, uint16_t key, uint16_t value);
void fw_cfg_add_i32(FWCfgState *s, uint16_t key, uint32_t value);
void fw_cfg_add_i64(FWCfgState *s, uint16_t key, uint64_t value);
/*
 * Add a named file ("etc/...", at most 55 characters) and list it in the
 * directory; takes ownership of @data. Returns its selector, or -1 (with an
 * error_report) when the name is too long, taken, or the slots are full.
 */
int fw_cfg_add_file(FWCfgState *s, const char *filename, void *data,
                    size_t len);
/* Replace the contents of a file added before; false if there is none. */
bool fw_cfg_modify_file(FWCfgState *s, const char *filename, void *data,
                        size_t len);
/* The one fw_cfg device of the machine, or NULL. */
FWCfgState *fw_cfg_find(void);
/*
 * The items every board sets from the command line: FW_CFG_RAM_SIZE
 * (i64), FW_CFG_NB_CPUS and FW_CFG_MAX_CPUS (i16), FW_CFG_NOGRAPHIC (i16 1)
 * and, when -append is given, FW_CFG_CMDLINE_SIZE/DATA.
 */
void fw_cfg_add_machine_items(FWCfgState *s, MachineState *ms);

#endif
