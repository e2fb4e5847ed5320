/*
 * physmem.c - RAM blocks and the byte-level ways into an address space:
 * address_space_rw and friends, the typed loads/stores
 * (address_space_ld* / st*, *_phys, *_dma), map/unmap with bounce buffers.
 *
 * Everything here resolves addresses with address_space_translate and then
 * either touches host RAM (aligned 2/4/8-byte transfers as one host access)
 * or goes through memory_region_dispatch_read/write, so device accesses
 * from DMA, the monitor, qtest or gdb get exactly what CPU accesses get.
 * Not here: the region tree and dispatch (memory.c), the CPU TLB (cputlb.c).
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"
#include "memory-internal.h"

#include <sys/mman.h>

/* ------------------------------------------------------------------ */
/* RAM blocks                                                          */

static GPtrArray *ram_blocks;           /* RAMBlock * */
static ram_addr_t ram_next_offset;
static PhysmemRAMWriteHook *ram_write_hook;

static size_t host_page_size(void)
{
    static size_t size;

    if (!size) {
        long s = sysconf(_SC_PAGESIZE);

        size = s > 0 ? (size_t)s : 4096;
    }
    return size;
}

static RAMBlock *ram_block_new(uint64_t size, uint8_t *host, MemoryRegion *mr)
{
    RAMBlock *block = g_new0(RAMBlock, 1);

    block->mr = mr;
    block->host = host;
    block->size = size;
    /*
     * Offsets are page aligned and never reused, so a ram_addr_t names one
     * byte of one block for the whole run (TB invalidation keys on them).
     */
    block->offset = ram_next_offset;
    ram_next_offset += ROUND_UP(MAX(size, 1), (uint64_t)host_page_size());
    if (!ram_blocks) {
        ram_blocks = g_ptr_array_new();
    }
    g_ptr_array_add(ram_blocks, block);
    return block;
}

/*
 * Anonymous mmap rather than malloc: page aligned (the TLB maps pages
 * directly), zero-filled, and untouched guest RAM costs nothing.
 */
RAMBlock *qemu_ram_alloc(uint64_t size, MemoryRegion *mr, GError **errp)
{
    size_t map_size;
    void *host;
    RAMBlock *block;

    if (size == 0 || size > (uint64_t)SIZE_MAX - host_page_size()) {
        error_setg(errp, "memory region '%s': cannot allocate %" PRIu64
                   " bytes of RAM", memory_region_name(mr), size);
        return NULL;
    }
    map_size = ROUND_UP((size_t)size, host_page_size());
    host = mmap(NULL, map_size, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (host == MAP_FAILED) {
        error_setg(errp, "memory region '%s': cannot allocate %" PRIu64
                   " bytes of RAM: %s", memory_region_name(mr), size,
                   g_strerror(errno));
        return NULL;
    }
    block = ram_block_new(size, host, mr);
    block->mapped_size = map_size;
    return block;
}

RAMBlock *qemu_ram_alloc_from_ptr(uint64_t size, void *host, MemoryRegion *mr)
{
    if (!host) {
        g_error("memory region '%s': RAM from a NULL pointer",
                memory_region_name(mr));
    }
    return ram_block_new(size, host, mr);
}

void qemu_ram_free(RAMBlock *block)
{
    if (!block) {
        return;
    }
    if (ram_blocks) {
        g_ptr_array_remove(ram_blocks, block);
    }
    if (block->mapped_size) {
        munmap(block->host, block->mapped_size);
    }
    g_free(block);
}

int qemu_ram_foreach_block(int (*fn)(RAMBlock *block, void *opaque), void *opaque)
{
    for (guint i = 0; ram_blocks && i < ram_blocks->len; i++) {
        int r = fn(g_ptr_array_index(ram_blocks, i), opaque);
        if (r) {
            return r;
        }
    }
    return 0;
}

MemoryRegion *memory_region_from_host(void *ptr, ram_addr_t *offset)
{
    uint8_t *p = ptr;

    for (guint i = 0; ram_blocks && i < ram_blocks->len; i++) {
        RAMBlock *block = g_ptr_array_index(ram_blocks, i);

        if (p >= block->host && p < block->host + block->size) {
            if (offset) {
                *offset = p - block->host;
            }
            return block->mr;
        }
    }
    return NULL;
}

void physmem_set_ram_write_hook(PhysmemRAMWriteHook *fn)
{
    ram_write_hook = fn;
}

void physmem_notify_ram_write(RAMBlock *block, hwaddr offset, hwaddr len)
{
    if (ram_write_hook && len) {
        ram_write_hook(block->offset + offset, len);
    }
}

void memory_region_notify_ram_write(MemoryRegion *mr, hwaddr offset,
                                    hwaddr len)
{
    if (mr->ram_block) {
        physmem_notify_ram_write(mr->ram_block, offset, len);
    }
}

/* ------------------------------------------------------------------ */
/* address_space_rw                                                    */

/*
 * The access size for device region @mr at @addr with @l bytes left: the
 * widest it declares valid that is naturally aligned there (any alignment if
 * it accepts unaligned accesses), at most 8 bytes.
 */
static unsigned device_access_size(MemoryRegion *mr, hwaddr addr, hwaddr l)
{
    const MemoryRegionOps *ops = mr->ops;
    unsigned max = ops->valid.max_access_size ? ops->valid.max_access_size : 4;
    unsigned n = 8;

    if (max > 8) {
        max = 8;
    }
    while (n > 1 && (n > max || n > l ||
                     (!ops->valid.unaligned && (addr & (n - 1))))) {
        n >>= 1;
    }
    return n;
}

/* Copy @l bytes to/from RAM, as one host access when aligned and 2/4/8. */
static void ram_copy(uint8_t *host, void *buf, hwaddr l, bool is_write)
{
    if ((l == 2 || l == 4 || l == 8) && ((uintptr_t)host & (l - 1)) == 0) {
        uint64_t v = 0;

        if (is_write) {
            memcpy(&v, buf, l);
            ram_store(host, l, v);
        } else {
            v = ram_load(host, l);
            memcpy(buf, &v, l);
        }
    } else if (is_write) {
        memcpy(host, buf, l);
    } else {
        memcpy(buf, host, l);
    }
}

/*
 * The loop behind address_space_rw and address_space_write_rom.
 * @rom_write: write into ROM/ROM-device backing too and skip devices.
 */
static MemTxResult flatview_rw(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                               uint8_t *buf, hwaddr len, bool is_write,
                               bool rom_write)
{
    MemTxResult result = MEMTX_OK;

    /*
     * Each piece is translated in the view current at that moment: a device
     * callback may remap things, and the next piece must see it.
     */
    while (len > 0) {
        hwaddr l = len, xlat;
        bool readonly = false;
        MemoryRegion *mr = address_space_translate_full(as, addr, &xlat, &l,
                                                        is_write, attrs,
                                                        &readonly);

        if (l == 0) {
            /* An IOMMU mapping ending at our address: nothing to move. */
            l = 1;
        }
        if (memory_region_is_unassigned(mr)) {
            if (rom_write) {
                /* Loaders skip holes silently; the caller checks the map. */
            } else {
                log_mask(LOG_GUEST_ERROR | LOG_INVALID_MEM,
                         "Invalid %s at addr 0x%" HWADDR_PRIx ", size %"
                         PRIu64 ": nothing mapped\n",
                         is_write ? "write" : "read", addr, (uint64_t)l);
                result |= MEMTX_DECODE_ERROR;
            }
            if (!is_write) {
                memset(buf, 0, l);
            }
        } else if (rom_write) {
            if (mr->ram_block && !mr->ram_device) {
                memcpy(mr->ram_block->host + xlat, buf, l);
                physmem_notify_ram_write(mr->ram_block, xlat, l);
            }
        } else if (memory_access_is_direct(mr, is_write) &&
                   !(is_write && readonly)) {
            ram_copy(mr->ram_block->host + xlat, buf, l, is_write);
            if (is_write) {
                physmem_notify_ram_write(mr->ram_block, xlat, l);
            }
        } else if (is_write && (mr->ram || readonly) && !mr->rom_device &&
                   !mr->ram_device && !mr->is_iommu) {
            log_mask(LOG_GUEST_ERROR, "write to ROM '%s' at 0x%" HWADDR_PRIx
                     " ignored\n", memory_region_name(mr), xlat);
        } else {
            /* Device: one dispatch of the widest allowed size. */
            unsigned n = device_access_size(mr, xlat, l);
            uint64_t v = 0;

            l = n;
            if (is_write) {
                memcpy(&v, buf, n);
                result |= memory_region_dispatch_write(mr, xlat, v,
                                                       size_memop(n) | MO_LE,
                                                       attrs);
            } else {
                result |= memory_region_dispatch_read(mr, xlat, &v,
                                                      size_memop(n) | MO_LE,
                                                      attrs);
                memcpy(buf, &v, n);
            }
        }
        buf += l;
        addr += l;
        len -= l;
    }
    return result;
}

MemTxResult address_space_rw(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                             void *buf, hwaddr len, bool is_write)
{
    return flatview_rw(as, addr, attrs, buf, len, is_write, false);
}

MemTxResult address_space_read(AddressSpace *as, hwaddr addr,
                               MemTxAttrs attrs, void *buf, hwaddr len)
{
    return flatview_rw(as, addr, attrs, buf, len, false, false);
}

MemTxResult address_space_read_full(AddressSpace *as, hwaddr addr,
                                    MemTxAttrs attrs, void *buf, hwaddr len)
{
    return flatview_rw(as, addr, attrs, buf, len, false, false);
}

MemTxResult address_space_write(AddressSpace *as, hwaddr addr,
                                MemTxAttrs attrs, const void *buf, hwaddr len)
{
    return flatview_rw(as, addr, attrs, (uint8_t *)buf, len, true, false);
}

MemTxResult address_space_write_rom(AddressSpace *as, hwaddr addr,
                                    MemTxAttrs attrs, const void *buf,
                                    hwaddr len)
{
    return flatview_rw(as, addr, attrs, (uint8_t *)buf, len, true, true);
}

bool address_space_access_valid(AddressSpace *as, hwaddr addr, hwaddr len,
                                bool is_write, MemTxAttrs attrs)
{
    while (len > 0) {
        hwaddr l = len, xlat;
        MemoryRegion *mr = address_space_translate(as, addr, &xlat, &l,
                                                   is_write, attrs);

        if (memory_region_is_unassigned(mr) || l == 0) {
            return false;
        }
        if (!memory_access_is_direct(mr, is_write) && !mr->ram) {
            const MemoryRegionOps *ops = mr->ops;
            unsigned n = device_access_size(mr, xlat, l);

            if (ops->valid.accepts &&
                !ops->valid.accepts(mr->opaque, xlat, n, is_write, attrs)) {
                return false;
            }
        }
        addr += l;
        len -= l;
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Typed loads and stores                                              */

static uint64_t address_space_ld_internal(AddressSpace *as, hwaddr addr,
                                          MemTxAttrs attrs,
                                          MemTxResult *result, MemOp op)
{
    unsigned size = memop_size(op);
    hwaddr l = size, xlat;
    MemoryRegion *mr = address_space_translate(as, addr, &xlat, &l, false,
                                               attrs);
    MemTxResult r;
    uint64_t v = 0;

    if (l < size) {
        /* Straddles sections: let address_space_read split it. */
        uint8_t buf[8];

        r = address_space_read(as, addr, attrs, buf, size);
        for (unsigned k = 0; k < size; k++) {
            unsigned shift = 8 * (memop_big_endian(op) ? size - 1 - k : k);

            v |= (uint64_t)buf[k] << shift;
        }
    } else if (memory_access_is_direct(mr, false)) {
        v = ram_load(mr->ram_block->host + xlat, size);
        if (memop_big_endian(op)) {
            v = bswap_size(v, size);
        }
        r = MEMTX_OK;
    } else {
        r = memory_region_dispatch_read(mr, xlat, &v, op, attrs);
    }
    if (result) {
        *result = r;
    }
    return v;
}

static void address_space_st_internal(AddressSpace *as, hwaddr addr,
                                      uint64_t val, MemTxAttrs attrs,
                                      MemTxResult *result, MemOp op)
{
    unsigned size = memop_size(op);
    hwaddr l = size, xlat;
    bool readonly = false;
    MemoryRegion *mr = address_space_translate_full(as, addr, &xlat, &l, true,
                                                    attrs, &readonly);
    MemTxResult r;

    if (l < size) {
        uint8_t buf[8];

        for (unsigned k = 0; k < size; k++) {
            unsigned shift = 8 * (memop_big_endian(op) ? size - 1 - k : k);

            buf[k] = val >> shift;
        }
        r = address_space_write(as, addr, attrs, buf, size);
    } else if (memory_access_is_direct(mr, true) && !readonly) {
        ram_store(mr->ram_block->host + xlat, size,
                  memop_big_endian(op) ? bswap_size(val, size) : val);
        physmem_notify_ram_write(mr->ram_block, xlat, size);
        r = MEMTX_OK;
    } else if (readonly && mr->ram) {
        log_mask(LOG_GUEST_ERROR, "write to ROM '%s' at 0x%" HWADDR_PRIx
                 " ignored\n", memory_region_name(mr), xlat);
        r = MEMTX_OK;
    } else {
        r = memory_region_dispatch_write(mr, xlat, val, op, attrs);
    }
    if (result) {
        *result = r;
    }
}

#define DEFINE_LD(name, type, op)                                           \
    type address_space_##name(AddressSpace *as, hwaddr addr,                \
                              MemTxAttrs attrs, MemTxResult *result)        \
    {                                                                       \
        return address_space_ld_internal(as, addr, attrs, result, op);      \
    }                                                                       \
    type name##_phys(AddressSpace *as, hwaddr addr)                         \
    {                                                                       \
        return address_space_ld_internal(as, addr, MEMTXATTRS_UNSPECIFIED,  \
                                         NULL, op);                         \
    }

#define DEFINE_ST(name, type, op)                                           \
    void address_space_##name(AddressSpace *as, hwaddr addr, type val,      \
                              MemTxAttrs attrs, MemTxResult *result)        \
    {                                                                       \
        address_space_st_internal(as, addr, val, attrs, result, op);        \
    }                                                                       \
    void name##_phys(AddressSpace *as, hwaddr addr, type val)               \
    {                                                                       \
        address_space_st_internal(as, addr, val, MEMTXATTRS_UNSPECIFIED,    \
                                  NULL, op);                                \
    }

DEFINE_LD(ldub, uint32_t, MO_UB)
DEFINE_LD(lduw_le, uint32_t, MO_LEUW)
DEFINE_LD(lduw_be, uint32_t, MO_BEUW)
DEFINE_LD(ldl_le, uint32_t, MO_LEUL)
DEFINE_LD(ldl_be, uint32_t, MO_BEUL)
DEFINE_LD(ldq_le, uint64_t, MO_LEUQ)
DEFINE_LD(ldq_be, uint64_t, MO_BEUQ)
DEFINE_ST(stb, uint32_t, MO_UB)
DEFINE_ST(stw_le, uint32_t, MO_LEUW)
DEFINE_ST(stw_be, uint32_t, MO_BEUW)
DEFINE_ST(stl_le, uint32_t, MO_LEUL)
DEFINE_ST(stl_be, uint32_t, MO_BEUL)
DEFINE_ST(stq_le, uint64_t, MO_LEUQ)
DEFINE_ST(stq_be, uint64_t, MO_BEUQ)

void cpu_physical_memory_read(hwaddr addr, void *buf, hwaddr len)
{
    address_space_read(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                       buf, len);
}

void cpu_physical_memory_write(hwaddr addr, const void *buf, hwaddr len)
{
    address_space_write(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                        buf, len);
}

void cpu_physical_memory_rw(hwaddr addr, void *buf, hwaddr len, bool is_write)
{
    address_space_rw(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                     buf, len, is_write);
}

/* ------------------------------------------------------------------ */
/* DMA                                                                 */

MemTxResult dma_memory_rw(AddressSpace *as, dma_addr_t addr, void *buf,
                          dma_addr_t len, bool is_write, MemTxAttrs attrs)
{
    return flatview_rw(as, addr, attrs, buf, len, is_write, false);
}

MemTxResult dma_memory_read(AddressSpace *as, dma_addr_t addr, void *buf,
                            dma_addr_t len, MemTxAttrs attrs)
{
    return flatview_rw(as, addr, attrs, buf, len, false, false);
}

MemTxResult dma_memory_write(AddressSpace *as, dma_addr_t addr,
                             const void *buf, dma_addr_t len, MemTxAttrs attrs)
{
    return flatview_rw(as, addr, attrs, (uint8_t *)buf, len, true, false);
}

MemTxResult dma_memory_set(AddressSpace *as, dma_addr_t addr, uint8_t c,
                           dma_addr_t len, MemTxAttrs attrs)
{
    uint8_t fill[512];
    MemTxResult r = MEMTX_OK;

    memset(fill, c, sizeof(fill));
    while (len > 0) {
        dma_addr_t l = MIN(len, (dma_addr_t)sizeof(fill));

        r |= flatview_rw(as, addr, attrs, fill, l, true, false);
        addr += l;
        len -= l;
    }
    return r;
}

#define DEFINE_LD_DMA(name, type, op)                                       \
    MemTxResult name##_dma(AddressSpace *as, dma_addr_t addr, type *pval,   \
                           MemTxAttrs attrs)                                \
    {                                                                       \
        MemTxResult r;                                                      \
        *pval = address_space_ld_internal(as, addr, attrs, &r, op);         \
        return r;                                                           \
    }

#define DEFINE_ST_DMA(name, type, op)                                       \
    MemTxResult name##_dma(AddressSpace *as, dma_addr_t addr, type val,     \
                           MemTxAttrs attrs)                                \
    {                                                                       \
        MemTxResult r;                                                      \
        address_space_st_internal(as, addr, val, attrs, &r, op);            \
        return r;                                                           \
    }

DEFINE_LD_DMA(lduw_le, uint16_t, MO_LEUW)
DEFINE_LD_DMA(lduw_be, uint16_t, MO_BEUW)
DEFINE_LD_DMA(ldl_le, uint32_t, MO_LEUL)
DEFINE_LD_DMA(ldl_be, uint32_t, MO_BEUL)
DEFINE_LD_DMA(ldq_le, uint64_t, MO_LEUQ)
DEFINE_LD_DMA(ldq_be, uint64_t, MO_BEUQ)
DEFINE_ST_DMA(stw_le, uint16_t, MO_LEUW)
DEFINE_ST_DMA(stw_be, uint16_t, MO_BEUW)
DEFINE_ST_DMA(stl_le, uint32_t, MO_LEUL)
DEFINE_ST_DMA(stl_be, uint32_t, MO_BEUL)
DEFINE_ST_DMA(stq_le, uint64_t, MO_LEUQ)
DEFINE_ST_DMA(stq_be, uint64_t, MO_BEUQ)

/* ------------------------------------------------------------------ */
/* Map / unmap                                                         */

/*
 * A bounce buffer stands in for memory that cannot be pointed at (devices,
 * ram_device, holes behind it). The header remembers where it goes back to.
 * Several may be live at once, up to as->max_bounce_buffer_size bytes per
 * address space, because multi-descriptor DMA maps several ranges together.
 */
typedef struct BounceBuffer {
    uint64_t magic;
    AddressSpace *as;
    hwaddr addr;
    hwaddr len;
    MemTxAttrs attrs;
    uint8_t data[] __attribute__((aligned(16)));
} BounceBuffer;

#define BOUNCE_MAGIC 0x626f756e63656221ULL

void *address_space_map(AddressSpace *as, hwaddr addr, hwaddr *plen,
                        bool is_write, MemTxAttrs attrs)
{
    hwaddr len = *plen, l = len, xlat;
    bool readonly = false;
    MemoryRegion *mr;
    BounceBuffer *bb;

    if (len == 0) {
        return NULL;
    }
    mr = address_space_translate_full(as, addr, &xlat, &l, is_write, attrs,
                                      &readonly);
    if (memory_access_is_direct(mr, is_write) && !(is_write && readonly) &&
        l > 0) {
        *plen = l;
        return mr->ram_block->host + xlat;
    }
    /* Bounce: one region's worth at most, within the budget. */
    l = MIN(l ? l : len, (hwaddr)(as->max_bounce_buffer_size -
                                  MIN(as->bounce_buffer_size,
                                      as->max_bounce_buffer_size)));
    if (l == 0) {
        *plen = 0;
        return NULL;
    }
    bb = g_malloc0(sizeof(*bb) + l);
    bb->magic = BOUNCE_MAGIC;
    bb->as = as;
    bb->addr = addr;
    bb->len = l;
    bb->attrs = attrs;
    as->bounce_buffer_size += l;
    if (!is_write) {
        address_space_read(as, addr, attrs, bb->data, l);
    }
    *plen = l;
    return bb->data;
}

void address_space_unmap(AddressSpace *as, void *buffer, hwaddr len,
                         bool is_write, hwaddr access_len)
{
    ram_addr_t offset;
    MemoryRegion *mr = memory_region_from_host(buffer, &offset);

    if (mr) {
        if (is_write && access_len) {
            physmem_notify_ram_write(mr->ram_block, offset, access_len);
        }
        return;
    }
    {
        BounceBuffer *bb = container_of(buffer, BounceBuffer, data);

        if (bb->magic != BOUNCE_MAGIC || bb->as != as) {
            g_error("address_space_unmap: %p was not mapped from '%s'",
                    buffer, as->name);
        }
        if (is_write) {
            address_space_write(as, bb->addr, bb->attrs, bb->data,
                                MIN(access_len, bb->len));
        }
        as->bounce_buffer_size -= bb->len;
        bb->magic = 0;
        g_free(bb);
    }
}
