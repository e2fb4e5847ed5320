/*
 * pci_ids.h - PCI vendor, device and class codes used by plumb's devices.
 *
 * Only the identities our devices present to guests. Values are the ones
 * guests' drivers match on (the PCI-SIG class code list and the IDs that
 * QEMU's devices carry, so that existing drivers and tests bind to ours).
 */
#ifndef HW_PCI_PCI_IDS_H
#define HW_PCI_PCI_IDS_H

/* Class codes: base class << 8 | sub class */
#define PCI_CLASS_NOT_DEFINED            0x0000
#define PCI_CLASS_STORAGE_SCSI           0x0100
#define PCI_CLASS_STORAGE_OTHER          0x0180
#define PCI_CLASS_NETWORK_ETHERNET       0x0200
#define PCI_CLASS_NETWORK_OTHER          0x0280
#define PCI_CLASS_DISPLAY_VGA            0x0300
#define PCI_CLASS_DISPLAY_OTHER          0x0380
#define PCI_CLASS_MEMORY_RAM             0x0500
#define PCI_CLASS_BRIDGE_HOST            0x0600
#define PCI_CLASS_BRIDGE_ISA             0x0601
#define PCI_CLASS_BRIDGE_PCI             0x0604
#define PCI_CLASS_BRIDGE_OTHER           0x0680
#define PCI_CLASS_COMMUNICATION_SERIAL   0x0700
#define PCI_CLASS_COMMUNICATION_OTHER    0x0780
#define PCI_CLASS_SYSTEM_OTHER           0x0880
#define PCI_CLASS_INPUT_OTHER            0x0980
#define PCI_CLASS_PROCESSOR_CO           0x0b40
#define PCI_CLASS_SERIAL_USB             0x0c03
#define PCI_CLASS_OTHERS                 0xff

/* Vendors */
#define PCI_VENDOR_ID_REDHAT_QUMRANET    0x1af4   /* virtio */
#define PCI_SUBVENDOR_ID_REDHAT_QUMRANET 0x1af4
#define PCI_SUBDEVICE_ID_QEMU            0x1100
#define PCI_VENDOR_ID_REDHAT             0x1b36
#define PCI_VENDOR_ID_QEMU               0x1234
#define PCI_VENDOR_ID_INTEL              0x8086

/* Red Hat / QEMU device IDs */
#define PCI_DEVICE_ID_REDHAT_BRIDGE      0x0001
#define PCI_DEVICE_ID_REDHAT_TEST        0x0005
#define PCI_DEVICE_ID_REDHAT_PCIE_HOST   0x0008
#define PCI_DEVICE_ID_REDHAT_PCIE_RP     0x000c
#define PCI_DEVICE_ID_REDHAT_PVPANIC     0x0011
#define PCI_DEVICE_ID_QEMU_EDU           0x11e8

#endif
