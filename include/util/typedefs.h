/*
 * typedefs.h - forward declarations of the types that cross layers, so that
 * headers can name them without including each other.
 */
#ifndef UTIL_TYPEDEFS_H
#define UTIL_TYPEDEFS_H

typedef struct AddressSpace AddressSpace;
typedef struct BusState BusState;
typedef struct Chardev Chardev;
typedef struct CPUState CPUState;
typedef struct DeviceState DeviceState;
typedef struct FlatView FlatView;
typedef struct IRQState *qemu_irq;
typedef struct MachineState MachineState;
typedef struct MemoryListener MemoryListener;
typedef struct MemoryRegion MemoryRegion;
typedef struct MemoryRegionSection MemoryRegionSection;
typedef struct Monitor Monitor;
typedef struct Object Object;
typedef struct ObjectClass ObjectClass;
typedef struct PCIBus PCIBus;
typedef struct PCIDevice PCIDevice;
typedef struct QEMUTimer QEMUTimer;
typedef struct SysBusDevice SysBusDevice;
typedef struct TranslationBlock TranslationBlock;

#endif
