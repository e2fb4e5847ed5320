/*
 * memory-internal.h - what softmmu/memory.c, physmem.c and memory-dump.c
 * share and nobody else should see: flat views, RAM blocks, host RAM access
 * helpers. Everything public is in include/exec/memory.h.
 */
#ifndef SOFTMMU_MEMORY_INTERNAL_H
#define SOFTMMU_MEMORY_INTERNAL_H

#include "exec/memory.h"

typedef unsigned __int128 u128;

/* One non-overlapping piece of a rendered address space. */
typedef struct FlatRange {
    u128 addr;                  /* start in the address space */
    u128 size;
    MemoryRegion *mr;           /* the leaf */
    hwaddr offset_in_region;
    bool readonly;
    bool romd_mode;
} FlatRange;

/* The rendered view of an address space, sorted by address. */
struct FlatView {
    unsigned ref;
    FlatRange *ranges;
    unsigned nr;
    unsigned nr_allocated;
    MemoryRegion *root;
};

void flatview_ref(FlatView *view);
void flatview_unref(FlatView *view);
/*
 * The current view of @as (rendering system memory on first use), for code
 * under the big lock, which is the only place views are replaced.
 */
FlatView *address_space_to_flatview(AddressSpace *as);
/* The current view with a reference, safe from any thread; flatview_unref it. */
FlatView *address_space_get_flatview(AddressSpace *as);
/* Every address space, in creation order. */
GPtrArray *memory_address_spaces(void);
/* Section of @fr in @fv as listeners see it. */
MemoryRegionSection flatrange_section(FlatView *fv, const FlatRange *fr);

/* Where nothing is mapped. Its accesses log and fail. */
extern MemoryRegion io_mem_unassigned;

/* A block of host memory behind RAM, ROM, ROM-device or ram_device regions. */
struct RAMBlock {
    MemoryRegion *mr;
    uint8_t *host;
    ram_addr_t offset;          /* in the global ram_addr_t space */
    uint64_t size;
    size_t mapped_size;         /* bytes we mmap()ed, 0 if the caller owns host */
};

RAMBlock *qemu_ram_alloc(uint64_t size, MemoryRegion *mr, GError **errp);
RAMBlock *qemu_ram_alloc_from_ptr(uint64_t size, void *host, MemoryRegion *mr);
void qemu_ram_free(RAMBlock *block);
/* Call @fn on each RAM block in allocation order; stops at a non-zero return. */
int qemu_ram_foreach_block(int (*fn)(RAMBlock *block, void *opaque), void *opaque);
/* Report a non-CPU write to RAM to the TB-invalidation hook. */
void physmem_notify_ram_write(RAMBlock *block, hwaddr offset, hwaddr len);

/*
 * Host RAM access of 1..8 bytes in host (little-endian) byte order. Aligned
 * accesses are single atomic host accesses (a guest on another vCPU, or a
 * device DMA, never sees half of one); unaligned ones are byte copies.
 */
static inline uint64_t ram_load(const void *p, unsigned size)
{
    bool aligned = ((uintptr_t)p & (size - 1)) == 0;
    uint64_t v = 0;

    if (aligned) {
        switch (size) {
        case 1:
            return __atomic_load_n((const uint8_t *)p, __ATOMIC_RELAXED);
        case 2:
            return __atomic_load_n((const uint16_t *)p, __ATOMIC_RELAXED);
        case 4:
            return __atomic_load_n((const uint32_t *)p, __ATOMIC_RELAXED);
        case 8:
            return __atomic_load_n((const uint64_t *)p, __ATOMIC_RELAXED);
        }
    }
    memcpy(&v, p, size);
    return v;
}

static inline void ram_store(void *p, unsigned size, uint64_t v)
{
    bool aligned = ((uintptr_t)p & (size - 1)) == 0;

    if (aligned) {
        switch (size) {
        case 1:
            __atomic_store_n((uint8_t *)p, (uint8_t)v, __ATOMIC_RELAXED);
            return;
        case 2:
            __atomic_store_n((uint16_t *)p, (uint16_t)v, __ATOMIC_RELAXED);
            return;
        case 4:
            __atomic_store_n((uint32_t *)p, (uint32_t)v, __ATOMIC_RELAXED);
            return;
        case 8:
            __atomic_store_n((uint64_t *)p, v, __ATOMIC_RELAXED);
            return;
        }
    }
    memcpy(p, &v, size);
}

static inline uint64_t size_mask(unsigned size)
{
    return size >= 8 ? UINT64_MAX : (1ULL << (size * 8)) - 1;
}

static inline uint64_t bswap_size(uint64_t v, unsigned size)
{
    switch (size) {
    case 2:
        return __builtin_bswap16((uint16_t)v);
    case 4:
        return __builtin_bswap32((uint32_t)v);
    case 8:
        return __builtin_bswap64(v);
    default:
        return v;
    }
}

/* Accesses going straight to host memory (the region's RAM block). */
static inline bool memory_access_is_direct(const MemoryRegion *mr,
                                           bool is_write)
{
    if (mr->ram_device || !mr->ram_block) {
        return false;
    }
    if (is_write) {
        return mr->ram && !mr->readonly && !mr->rom_device;
    }
    return mr->ram || (mr->rom_device && mr->romd_mode);
}

#endif
