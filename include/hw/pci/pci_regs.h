/*
 * pci_regs.h - PCI and PCIe configuration-space register offsets and bits.
 *
 * Numbers from the PCI Local Bus 3.0, PCI-to-PCI Bridge 1.2 and PCI Express
 * Base specifications. Names follow the spellings Linux and QEMU use so that
 * code reads the same across projects. Only constants live here: no types,
 * no functions, so any file may include it.
 */
#ifndef HW_PCI_PCI_REGS_H
#define HW_PCI_PCI_REGS_H

#define PCI_CONFIG_SPACE_SIZE       0x100
#define PCIE_CONFIG_SPACE_SIZE      0x1000
#define PCI_CONFIG_HEADER_SIZE      0x40

/* Common header (types 0 and 1) */
#define PCI_VENDOR_ID               0x00    /* 16 bits */
#define PCI_DEVICE_ID               0x02    /* 16 bits */
#define PCI_COMMAND                 0x04    /* 16 bits */
#define  PCI_COMMAND_IO             0x0001
#define  PCI_COMMAND_MEMORY         0x0002
#define  PCI_COMMAND_MASTER         0x0004
#define  PCI_COMMAND_SPECIAL        0x0008
#define  PCI_COMMAND_INVALIDATE     0x0010
#define  PCI_COMMAND_VGA_PALETTE    0x0020
#define  PCI_COMMAND_PARITY         0x0040
#define  PCI_COMMAND_WAIT           0x0080
#define  PCI_COMMAND_SERR           0x0100
#define  PCI_COMMAND_FAST_BACK      0x0200
#define  PCI_COMMAND_INTX_DISABLE   0x0400
#define PCI_STATUS                  0x06    /* 16 bits */
#define  PCI_STATUS_INTERRUPT       0x0008
#define  PCI_STATUS_CAP_LIST        0x0010
#define  PCI_STATUS_66MHZ           0x0020
#define  PCI_STATUS_FAST_BACK       0x0080
#define  PCI_STATUS_PARITY          0x0100
#define  PCI_STATUS_DEVSEL_MASK     0x0600
#define  PCI_STATUS_DEVSEL_MEDIUM   0x0200
#define  PCI_STATUS_SIG_TARGET_ABORT 0x0800
#define  PCI_STATUS_REC_TARGET_ABORT 0x1000
#define  PCI_STATUS_REC_MASTER_ABORT 0x2000
#define  PCI_STATUS_SIG_SYSTEM_ERROR 0x4000
#define  PCI_STATUS_DETECTED_PARITY 0x8000
#define PCI_CLASS_REVISION          0x08
#define PCI_REVISION_ID             0x08
#define PCI_CLASS_PROG              0x09
#define PCI_CLASS_DEVICE            0x0a    /* 16 bits: base class, sub class */
#define PCI_CACHE_LINE_SIZE         0x0c
#define PCI_LATENCY_TIMER           0x0d
#define PCI_HEADER_TYPE             0x0e
#define  PCI_HEADER_TYPE_NORMAL     0x00
#define  PCI_HEADER_TYPE_BRIDGE     0x01
#define  PCI_HEADER_TYPE_CARDBUS    0x02
#define  PCI_HEADER_TYPE_MULTI_FUNCTION 0x80
#define PCI_BIST                    0x0f

#define PCI_BASE_ADDRESS_0          0x10
#define PCI_BASE_ADDRESS_1          0x14
#define PCI_BASE_ADDRESS_2          0x18
#define PCI_BASE_ADDRESS_3          0x1c
#define PCI_BASE_ADDRESS_4          0x20
#define PCI_BASE_ADDRESS_5          0x24
#define  PCI_BASE_ADDRESS_SPACE         0x01
#define  PCI_BASE_ADDRESS_SPACE_IO      0x01
#define  PCI_BASE_ADDRESS_SPACE_MEMORY  0x00
#define  PCI_BASE_ADDRESS_MEM_TYPE_MASK 0x06
#define  PCI_BASE_ADDRESS_MEM_TYPE_32   0x00
#define  PCI_BASE_ADDRESS_MEM_TYPE_1M   0x02
#define  PCI_BASE_ADDRESS_MEM_TYPE_64   0x04
#define  PCI_BASE_ADDRESS_MEM_PREFETCH  0x08
#define  PCI_BASE_ADDRESS_MEM_MASK      (~0x0fULL)
#define  PCI_BASE_ADDRESS_IO_MASK       (~0x03ULL)

/* Type 0 header */
#define PCI_CARDBUS_CIS             0x28
#define PCI_SUBSYSTEM_VENDOR_ID     0x2c
#define PCI_SUBSYSTEM_ID            0x2e
#define PCI_ROM_ADDRESS             0x30
#define  PCI_ROM_ADDRESS_ENABLE     0x01
#define  PCI_ROM_ADDRESS_MASK       (~0x7ffULL)
#define PCI_CAPABILITY_LIST         0x34
#define PCI_INTERRUPT_LINE          0x3c
#define PCI_INTERRUPT_PIN           0x3d
#define PCI_MIN_GNT                 0x3e
#define PCI_MAX_LAT                 0x3f

/* Type 1 (PCI-to-PCI bridge) header */
#define PCI_PRIMARY_BUS             0x18
#define PCI_SECONDARY_BUS           0x19
#define PCI_SUBORDINATE_BUS         0x1a
#define PCI_SEC_LATENCY_TIMER       0x1b
#define PCI_IO_BASE                 0x1c
#define PCI_IO_LIMIT                0x1d
#define  PCI_IO_RANGE_TYPE_MASK     0x0f
#define  PCI_IO_RANGE_TYPE_16       0x00
#define  PCI_IO_RANGE_TYPE_32       0x01
#define  PCI_IO_RANGE_MASK          (~0x0fU)
#define PCI_SEC_STATUS              0x1e
#define PCI_MEMORY_BASE             0x20
#define PCI_MEMORY_LIMIT            0x22
#define  PCI_MEMORY_RANGE_TYPE_MASK 0x0f
#define  PCI_MEMORY_RANGE_MASK      (~0x0fU)
#define PCI_PREF_MEMORY_BASE        0x24
#define PCI_PREF_MEMORY_LIMIT       0x26
#define  PCI_PREF_RANGE_TYPE_MASK   0x0f
#define  PCI_PREF_RANGE_TYPE_32     0x00
#define  PCI_PREF_RANGE_TYPE_64     0x01
#define  PCI_PREF_RANGE_MASK        (~0x0fU)
#define PCI_PREF_BASE_UPPER32       0x28
#define PCI_PREF_LIMIT_UPPER32      0x2c
#define PCI_IO_BASE_UPPER16         0x30
#define PCI_IO_LIMIT_UPPER16        0x32
#define PCI_ROM_ADDRESS1            0x38
#define PCI_BRIDGE_CONTROL          0x3e
#define  PCI_BRIDGE_CTL_PARITY      0x01
#define  PCI_BRIDGE_CTL_SERR        0x02
#define  PCI_BRIDGE_CTL_ISA         0x04
#define  PCI_BRIDGE_CTL_VGA         0x08
#define  PCI_BRIDGE_CTL_MASTER_ABORT 0x20
#define  PCI_BRIDGE_CTL_BUS_RESET   0x40
#define  PCI_BRIDGE_CTL_FAST_BACK   0x80

/* Capability list entries: ID byte, next pointer byte */
#define PCI_CAP_LIST_ID             0
#define PCI_CAP_LIST_NEXT           1
#define PCI_CAP_FLAGS               2
#define PCI_CAP_SIZEOF              4

#define PCI_CAP_ID_PM               0x01
#define PCI_CAP_ID_AGP              0x02
#define PCI_CAP_ID_VPD              0x03
#define PCI_CAP_ID_SLOTID           0x04
#define PCI_CAP_ID_MSI              0x05
#define PCI_CAP_ID_PCIX             0x07
#define PCI_CAP_ID_HT               0x08
#define PCI_CAP_ID_VNDR             0x09
#define PCI_CAP_ID_DBG              0x0a
#define PCI_CAP_ID_SSVID            0x0d
#define PCI_CAP_ID_EXP              0x10
#define PCI_CAP_ID_MSIX             0x11
#define PCI_CAP_ID_SATA             0x12
#define PCI_CAP_ID_AF               0x13
#define PCI_CAP_ID_MAX              PCI_CAP_ID_AF

/* Power management capability */
#define PCI_PM_PMC                  2
#define PCI_PM_CTRL                 4
#define  PCI_PM_CTRL_STATE_MASK     0x0003
#define  PCI_PM_CTRL_NO_SOFT_RESET  0x0008
#define  PCI_PM_CTRL_PME_ENABLE     0x0100
#define  PCI_PM_CTRL_PME_STATUS     0x8000
#define PCI_PM_SIZEOF               8

/* MSI capability */
#define PCI_MSI_FLAGS               2       /* 16 bits */
#define  PCI_MSI_FLAGS_ENABLE       0x0001
#define  PCI_MSI_FLAGS_QMASK        0x000e  /* multiple message capable */
#define  PCI_MSI_FLAGS_QSIZE        0x0070  /* multiple message enable */
#define  PCI_MSI_FLAGS_64BIT        0x0080
#define  PCI_MSI_FLAGS_MASKBIT      0x0100
#define PCI_MSI_ADDRESS_LO          4
#define PCI_MSI_ADDRESS_HI          8       /* 64-bit only */
#define PCI_MSI_DATA_32             8
#define PCI_MSI_MASK_32             12
#define PCI_MSI_PENDING_32          16
#define PCI_MSI_DATA_64             12
#define PCI_MSI_MASK_64             16
#define PCI_MSI_PENDING_64          20

/* MSI-X capability */
#define PCI_MSIX_FLAGS              2       /* 16 bits */
#define  PCI_MSIX_FLAGS_QSIZE       0x07ff  /* table size - 1 */
#define  PCI_MSIX_FLAGS_MASKALL     0x4000
#define  PCI_MSIX_FLAGS_ENABLE      0x8000
#define PCI_MSIX_TABLE              4       /* BIR in bits 2:0, offset above */
#define  PCI_MSIX_FLAGS_BIRMASK     0x00000007
#define PCI_MSIX_PBA                8
#define PCI_CAP_MSIX_SIZEOF         12
#define PCI_MSIX_ENTRY_SIZE         16
#define  PCI_MSIX_ENTRY_LOWER_ADDR  0
#define  PCI_MSIX_ENTRY_UPPER_ADDR  4
#define  PCI_MSIX_ENTRY_DATA        8
#define  PCI_MSIX_ENTRY_VECTOR_CTRL 12
#define   PCI_MSIX_ENTRY_CTRL_MASKBIT 0x00000001

/* Bridge subsystem vendor capability */
#define PCI_SSVID_VENDOR_ID         4
#define PCI_SSVID_DEVICE_ID         6

/* PCI Express capability */
#define PCI_EXP_FLAGS               2       /* 16 bits */
#define  PCI_EXP_FLAGS_VERS         0x000f
#define  PCI_EXP_FLAGS_TYPE         0x00f0
#define  PCI_EXP_FLAGS_SLOT         0x0100
#define  PCI_EXP_FLAGS_IRQ          0x3e00
#define  PCI_EXP_TYPE_ENDPOINT      0x0
#define  PCI_EXP_TYPE_LEG_END       0x1
#define  PCI_EXP_TYPE_ROOT_PORT     0x4
#define  PCI_EXP_TYPE_UPSTREAM      0x5
#define  PCI_EXP_TYPE_DOWNSTREAM    0x6
#define  PCI_EXP_TYPE_PCI_BRIDGE    0x7
#define  PCI_EXP_TYPE_RC_END        0x9
#define PCI_EXP_DEVCAP              4
#define PCI_EXP_DEVCTL              8
#define PCI_EXP_DEVSTA              10
#define  PCI_EXP_DEVSTA_CED         0x0001
#define  PCI_EXP_DEVSTA_NFED        0x0002
#define  PCI_EXP_DEVSTA_FED         0x0004
#define  PCI_EXP_DEVSTA_URD         0x0008
#define PCI_EXP_LNKCAP              12
#define PCI_EXP_LNKCTL              16
#define PCI_EXP_LNKSTA              18
#define  PCI_EXP_LNKSTA_CLS_2_5GB   0x0001
#define  PCI_EXP_LNKSTA_NLW_X1      0x0010
#define  PCI_EXP_LNKSTA_DLLLA       0x2000
#define PCI_EXP_SLTCAP              20
#define PCI_EXP_SLTCTL              24
#define PCI_EXP_SLTSTA              26
#define  PCI_EXP_SLTSTA_PDS         0x0040
#define PCI_EXP_RTCTL               28
#define PCI_EXP_RTCAP               30
#define PCI_EXP_RTSTA               32
#define PCI_EXP_DEVCAP2             36
#define PCI_EXP_DEVCTL2             40
#define PCI_EXP_LNKCAP2             44
#define PCI_EXP_LNKCTL2             48
#define PCI_EXP_LNKSTA2             50
#define PCI_EXP_VER2_SIZEOF         0x3c
#define PCI_EXP_ENDPOINT_SIZEOF     0x3c

/* PCIe extended capabilities (config offsets 0x100..0xfff) */
#define PCI_EXT_CAP_ID(header)      ((header) & 0x0000ffff)
#define PCI_EXT_CAP_VER(header)     (((header) >> 16) & 0xf)
#define PCI_EXT_CAP_NEXT(header)    (((header) >> 20) & 0xffc)
#define PCI_EXT_CAP(id, ver, next)  ((id) | ((ver) << 16) | ((next) << 20))
#define PCI_EXT_CAP_ID_ERR          0x01
#define PCI_EXT_CAP_ID_VC           0x02
#define PCI_EXT_CAP_ID_DSN          0x03
#define PCI_EXT_CAP_ID_VNDR         0x0b
#define PCI_EXT_CAP_ID_ACS          0x0d
#define PCI_EXT_CAP_ID_ARI          0x0e
#define PCI_EXT_CAP_ID_SRIOV        0x10
#define PCI_EXT_CAP_ID_MAX          0x2f
#define PCI_EXT_CAP_DSN_SIZEOF      12

#endif
