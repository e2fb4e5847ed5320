/*
 * address-spaces.h - the two global address spaces every machine has:
 * system memory (what CPUs and most DMA see) and I/O ports (x86 in/out).
 * Created by memory_map_init(), which get_system_memory()/get_system_io()
 * call on first use. Devices with their own view (behind an IOMMU, PCI bus
 * masters) use their own AddressSpace instead.
 */
#ifndef EXEC_ADDRESS_SPACES_H
#define EXEC_ADDRESS_SPACES_H

#include "exec/memory.h"

extern AddressSpace address_space_memory;
extern AddressSpace address_space_io;

#endif
