/*
 * memory.h - the memory API: regions, address spaces, flat views, listeners,
 * the device-access choke point and the typed load/store API.
 *
 * A machine describes its memory map as a tree of MemoryRegions: containers
 * hold subregions at offsets with priorities (higher wins where they
 * overlap), aliases show a window of another region, and leaves are RAM, ROM,
 * ROM devices, ram_device (host-mapped device memory), I/O (callbacks) or
 * IOMMUs. An AddressSpace is "memory as one bus master sees it": a root
 * region, rendered into a sorted, non-overlapping FlatView each time the tree
 * changes (batched by transactions). Listeners (TLB, KVM, vfio) are told the
 * differences.
 *
 *     MemoryRegion *sysmem = get_system_memory();
 *     memory_region_init_ram(&s->ram, NULL, "ram", 128 * MiB, &error_fatal);
 *     memory_region_add_subregion(sysmem, 0x40000000, &s->ram);
 *     memory_region_init_io(&s->mmio, OBJECT(s), &uart_ops, s, "uart", 0x1000);
 *     memory_region_add_subregion(sysmem, 0x09000000, &s->mmio);
 *
 *     uint32_t v = address_space_ldl_le(&address_space_memory, 0x09000018,
 *                                       MEMTXATTRS_UNSPECIFIED, &res);
 *
 * Every device access, from any initiator, goes through
 * memory_region_dispatch_read/write: it checks the access against ops->valid,
 * builds it from the sizes in ops->impl (widening, splitting, re-assembling
 * in the region's byte order), guards against a device re-entering itself,
 * traces it and returns a MemTxResult. docs/devel/memory.md has the full
 * story, including the naming grammar of the load/store functions.
 *
 * Not for: the CPU TLB (softmmu/cputlb.c, which calls
 * address_space_translate and memory_region_dispatch_*), PCI DMA helpers
 * (hw/pci), object-model lifetime (regions only store their owner pointer).
 *
 * Locking: changes to the tree, listeners and device callbacks happen under
 * the big lock (held by the callers). Translation and RAM accesses may also
 * come from vCPU threads without it (page-table walks, TLB fills): flat
 * views are reference counted and swapped under a small internal lock, so a
 * reader never sees a view freed under it. A thread that reaches an I/O
 * region must hold the big lock.
 */
#ifndef EXEC_MEMORY_H
#define EXEC_MEMORY_H

#include "util/osdep.h"
#include "exec/memop.h"
#include "exec/memattrs.h"

/* Offset in the global space of RAM blocks (what TB invalidation keys on). */
typedef uint64_t ram_addr_t;
#define RAM_ADDR_INVALID (~(ram_addr_t)0)

/* Bus addresses as seen by DMA-capable devices. */
typedef uint64_t dma_addr_t;

typedef struct RAMBlock RAMBlock;

/*
 * Byte order of a region's registers. NATIVE means the byte order of the
 * guest CPU, fixed at machine start with memory_set_native_big_endian().
 */
enum device_endian {
    DEVICE_NATIVE_ENDIAN,
    DEVICE_BIG_ENDIAN,
    DEVICE_LITTLE_ENDIAN,
};

/**
 * MemoryRegionOps: the callbacks and access rules of an I/O region.
 *
 * @read/@write: the plain callbacks; @addr is the offset in the region,
 *   @size the bytes (one of impl's sizes), values are the register value as
 *   a number (the core has already put bytes in the region's byte order).
 * @read_with_attrs/@write_with_attrs: the same, with the transaction
 *   attributes and a result. Exactly one of @read/@read_with_attrs and one of
 *   @write/@write_with_attrs must be set (a region that ignores writes says
 *   so with an empty write callback).
 * @endianness: byte order of the registers.
 * @valid: what the guest may do. Sizes are 1/2/4/8; 0 for min means 1 and 0
 *   for max means 8. @unaligned allows accesses not aligned to their size.
 *   @accepts, if set, may refuse an access. Anything else is a guest error:
 *   logged under guest_errors and answered with MEMTX_DECODE_ERROR.
 * @impl: what the callbacks accept. 0 for min means 1, 0 for max means 4.
 *   A valid access outside this range is built by the core: narrower
 *   accesses are widened to one impl.min_access_size access at an aligned
 *   offset (a read keeps the wanted bytes; a write sends zeros in the other
 *   bytes), wider or misaligned ones are split into naturally aligned pieces
 *   (any alignment if @impl.unaligned), lowest address first.
 *
 * The struct is checked when a region is created with it; an inconsistent
 * one stops the emulator with a message naming the region (it is a bug in
 * the device model, not something a guest can cause).
 */
typedef struct MemoryRegionOps {
    uint64_t (*read)(void *opaque, hwaddr addr, unsigned size);
    void (*write)(void *opaque, hwaddr addr, uint64_t data, unsigned size);
    MemTxResult (*read_with_attrs)(void *opaque, hwaddr addr, uint64_t *data,
                                   unsigned size, MemTxAttrs attrs);
    MemTxResult (*write_with_attrs)(void *opaque, hwaddr addr, uint64_t data,
                                    unsigned size, MemTxAttrs attrs);
    enum device_endian endianness;
    struct {
        unsigned min_access_size;
        unsigned max_access_size;
        bool unaligned;
        bool (*accepts)(void *opaque, hwaddr addr, unsigned size,
                        bool is_write, MemTxAttrs attrs);
    } valid;
    struct {
        unsigned min_access_size;
        unsigned max_access_size;
        bool unaligned;
    } impl;
} MemoryRegionOps;

/* IOMMU permissions, as bits. */
typedef enum {
    IOMMU_NONE = 0,
    IOMMU_RO   = 1,
    IOMMU_WO   = 2,
    IOMMU_RW   = 3,
} IOMMUAccessFlags;

#define IOMMU_ACCESS_FLAG(r, w) (((r) ? IOMMU_RO : 0) | ((w) ? IOMMU_WO : 0))

/**
 * IOMMUTLBEntry: one translation of an IOMMU region.
 * @target_as: where translated addresses go.
 * @iova: input address, aligned to the translation's page.
 * @translated_addr: output address of that page.
 * @addr_mask: page size - 1 (0xfff for 4K).
 * @perm: what the mapping allows; IOMMU_NONE means no mapping (fault).
 */
typedef struct IOMMUTLBEntry {
    AddressSpace *target_as;
    hwaddr iova;
    hwaddr translated_addr;
    hwaddr addr_mask;
    IOMMUAccessFlags perm;
} IOMMUTLBEntry;

/**
 * IOMMUMemoryRegionOps: the translation of an IOMMU region.
 * @translate: translate @addr (offset in the region) for an access needing
 *   @flag; @iommu_idx selects among translation contexts (0 if only one).
 *   Must always return an initialised entry; perm = IOMMU_NONE for faults.
 */
typedef struct IOMMUMemoryRegionOps {
    IOMMUTLBEntry (*translate)(MemoryRegion *iommu, void *opaque, hwaddr addr,
                               IOMMUAccessFlags flag, int iommu_idx);
} IOMMUMemoryRegionOps;

/*
 * A MemoryRegion. Embed it in the device state; initialise it with one of
 * memory_region_init*() and read it through the accessor functions: fields
 * are private to softmmu/memory.c and softmmu/physmem.c.
 */
struct MemoryRegion {
    Object *owner;              /* stored only, never dereferenced here */
    char *name;
    const MemoryRegionOps *ops;
    void *opaque;
    const IOMMUMemoryRegionOps *iommu_ops;
    MemoryRegion *container;
    unsigned __int128 size;     /* 2^64 allowed: memory_region_init(.., UINT64_MAX) */
    hwaddr addr;                /* offset in the container */
    int priority;
    bool may_overlap;
    bool enabled;
    bool terminates;            /* a leaf: rendered into the flat view */
    bool ram;                   /* RAM or ROM backed by ram_block */
    bool readonly;              /* ROM, or set by memory_region_set_readonly */
    bool rom_device;            /* reads from RAM (in romd mode), writes to ops */
    bool romd_mode;
    bool ram_device;
    bool is_iommu;
    bool disable_reentrancy_guard;
    RAMBlock *ram_block;
    MemoryRegion *alias;
    hwaddr alias_offset;
    /* Subregions, highest priority first; later-added first among equals. */
    MemoryRegion *subregions;
    MemoryRegion *subregions_next;
};

/*
 * A piece of a flat view: @size bytes of @mr from @offset_within_region,
 * seen at @offset_within_address_space. A section that reaches the top of
 * the 64-bit space reports size 2^64 - 1 (only containers and I/O regions
 * can be that large).
 */
struct MemoryRegionSection {
    MemoryRegion *mr;
    FlatView *fv;
    hwaddr offset_within_region;
    uint64_t size;
    hwaddr offset_within_address_space;
    bool readonly;
    bool nonvolatile;
};

/**
 * MemoryListener: told how the flat view of an address space changes.
 * @begin/@commit: around each transaction that changed any flat view (and
 *   around the replay at register/unregister time).
 * @region_add/@region_del: a section appeared/disappeared. Deletions of a
 *   transaction are reported before additions.
 * @region_nop: a section survived unchanged.
 * @priority: order of calls; lower first for begin/add/commit, reverse for
 *   del.
 * @name: for debugging.
 */
struct MemoryListener {
    void (*begin)(MemoryListener *listener);
    void (*commit)(MemoryListener *listener);
    void (*region_add)(MemoryListener *listener, MemoryRegionSection *section);
    void (*region_del)(MemoryListener *listener, MemoryRegionSection *section);
    void (*region_nop)(MemoryListener *listener, MemoryRegionSection *section);
    int priority;
    const char *name;
    /* private */
    AddressSpace *address_space;
};

/*
 * An AddressSpace: a root region and its current flat view. Initialise
 * with address_space_init; fields are private.
 */
struct AddressSpace {
    char *name;
    MemoryRegion *root;
    FlatView *current_map;
    /* Bytes of bounce buffers handed out by address_space_map. */
    size_t bounce_buffer_size;
    size_t max_bounce_buffer_size;
};

/* -------------------------------------------------------------------- */
/* Creating regions                                                      */

/**
 * memory_region_init: a container region (or the root of a tree).
 * @mr: the region, zeroed or not.
 * @owner: the device that owns it (stored only), or NULL.
 * @name: for `info mtree` and logs (copied), or NULL.
 * @size: bytes; UINT64_MAX means the whole 64-bit space (2^64 bytes).
 */
void memory_region_init(MemoryRegion *mr, Object *owner, const char *name,
                        uint64_t size);

/**
 * memory_region_init_io: an I/O region served by @ops.
 * @ops: checked here (see MemoryRegionOps); must outlive the region. NULL
 *   makes a region that answers every access with MEMTX_DECODE_ERROR (a
 *   background that stops lower-priority regions from showing through).
 * @opaque: passed to the callbacks.
 */
void memory_region_init_io(MemoryRegion *mr, Object *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size);

/**
 * memory_region_init_ram: RAM allocated here (zero-filled, page aligned).
 * Returns false with @errp set if the host cannot give the memory.
 */
bool memory_region_init_ram(MemoryRegion *mr, Object *owner, const char *name,
                            uint64_t size, GError **errp);
/* Same as memory_region_init_ram (we have no migration to opt out of). */
bool memory_region_init_ram_nomigrate(MemoryRegion *mr, Object *owner,
                                      const char *name, uint64_t size,
                                      GError **errp);

/**
 * memory_region_init_rom: read-only RAM. Guest writes are discarded; load it
 * with address_space_write_rom() or through memory_region_get_ram_ptr().
 */
bool memory_region_init_rom(MemoryRegion *mr, Object *owner, const char *name,
                            uint64_t size, GError **errp);

/**
 * memory_region_init_rom_device: a ROM device (flash): in romd mode (the
 * initial mode) reads come from its RAM and writes go to @ops; out of romd
 * mode (memory_region_rom_device_set_romd(mr, false)) both go to @ops.
 */
bool memory_region_init_rom_device(MemoryRegion *mr, Object *owner,
                                   const MemoryRegionOps *ops, void *opaque,
                                   const char *name, uint64_t size,
                                   GError **errp);

/**
 * memory_region_init_ram_ptr: RAM over host memory the caller provides and
 * keeps alive (page aligned if CPUs will map it directly).
 */
void memory_region_init_ram_ptr(MemoryRegion *mr, Object *owner,
                                const char *name, uint64_t size, void *ptr);

/**
 * memory_region_init_ram_device_ptr: device memory mapped into this process
 * (a VFIO BAR, or any buffer in tests). It is never accessed directly by
 * guest code or memcpy: each access becomes exactly one host load or store
 * of the guest's width at the guest's offset, aligned or not.
 */
void memory_region_init_ram_device_ptr(MemoryRegion *mr, Object *owner,
                                       const char *name, uint64_t size,
                                       void *ptr);

/**
 * memory_region_init_alias: a window of @size bytes of @orig starting at
 * @offset. Aliases may point at aliases; the chain must end in a region.
 */
void memory_region_init_alias(MemoryRegion *mr, Object *owner,
                              const char *name, MemoryRegion *orig,
                              hwaddr offset, uint64_t size);

/**
 * memory_region_init_iommu: a region whose accesses are translated by
 * @ops->translate and sent on to the entry's target_as.
 */
void memory_region_init_iommu(MemoryRegion *mr, Object *owner,
                              const IOMMUMemoryRegionOps *ops, void *opaque,
                              const char *name, uint64_t size);

/**
 * memory_region_destroy: release what a region holds (name, RAM it
 * allocated). It must not be mapped; its subregions are detached.
 */
void memory_region_destroy(MemoryRegion *mr);

/* -------------------------------------------------------------------- */
/* Building and changing the tree                                        */

/**
 * memory_region_add_subregion: map @subregion at @offset in container @mr
 * with priority 0. A subregion has one container at a time.
 */
void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *subregion);
/**
 * memory_region_add_subregion_overlap: same, with @priority: where
 * subregions overlap the highest priority is seen; among equal priorities
 * the one added last. Holes in a higher-priority container let lower ones
 * show through.
 */
void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *subregion,
                                         int priority);
/**
 * memory_region_del_subregion: unmap @subregion from container @mr (it must
 * be there). The region itself is untouched and can be mapped again.
 */
void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *subregion);

/**
 * memory_region_set_enabled: show or hide @mr (and all below it) wherever
 * it is mapped, without unmapping it (BAR decode enables, PAM, SMRAM).
 */
void memory_region_set_enabled(MemoryRegion *mr, bool enabled);
/**
 * memory_region_set_address: move @mr to @addr in its container, keeping
 * its priority (it becomes the newest among equal priorities).
 */
void memory_region_set_address(MemoryRegion *mr, hwaddr addr);
/* memory_region_set_alias_offset: move the window of alias @mr in its target. */
void memory_region_set_alias_offset(MemoryRegion *mr, hwaddr offset);
/**
 * memory_region_set_size: resize @mr (UINT64_MAX: 2^64). RAM cannot grow past
 * its allocation; I/O regions are re-checked against their ops.
 */
void memory_region_set_size(MemoryRegion *mr, uint64_t size);
/**
 * memory_region_set_readonly: make @mr (and what it shows, for an alias or a
 * container) read-only in the views: writes are discarded.
 */
void memory_region_set_readonly(MemoryRegion *mr, bool readonly);
/**
 * memory_region_rom_device_set_romd: switch a ROM device between romd mode
 * (reads from its RAM) and I/O mode (reads go to its ops too).
 */
void memory_region_rom_device_set_romd(MemoryRegion *mr, bool romd_mode);
/*
 * Opt a region out of the re-entrancy guard. Say in a comment at the call
 * which access path legitimately re-enters the device.
 */
void memory_region_disable_reentrancy_guard(MemoryRegion *mr);

/**
 * memory_region_transaction_begin/commit: batch changes. Flat views are
 * re-rendered and listeners told once, at the outermost commit.
 */
void memory_region_transaction_begin(void);
void memory_region_transaction_commit(void);

/* -------------------------------------------------------------------- */
/* Looking at regions                                                    */

/* Size in bytes; a 2^64-byte region reports UINT64_MAX. */
uint64_t memory_region_size(MemoryRegion *mr);
/* The name given at init ("" if none). */
const char *memory_region_name(const MemoryRegion *mr);
/* The owner given at init (may be NULL). */
Object *memory_region_owner(const MemoryRegion *mr);
/* RAM or ROM (not ram_device, not a ROM device). */
bool memory_region_is_ram(const MemoryRegion *mr);
bool memory_region_is_ram_device(const MemoryRegion *mr);
/* Read-only RAM (ROM, or RAM made read-only). */
bool memory_region_is_rom(const MemoryRegion *mr);
/* A ROM device currently in romd mode (reads may go directly to RAM). */
bool memory_region_is_romd(const MemoryRegion *mr);
/* Created with memory_region_init_iommu. */
bool memory_region_is_iommu(const MemoryRegion *mr);
/* The region returned for addresses where nothing is mapped. */
bool memory_region_is_unassigned(const MemoryRegion *mr);
/* In a container, or the root of an address space. */
bool memory_region_is_mapped(const MemoryRegion *mr);
/* Not disabled with memory_region_set_enabled (says nothing of containers). */
bool memory_region_is_enabled(const MemoryRegion *mr);
/* Offset of @mr in its container. */
hwaddr memory_region_get_address(const MemoryRegion *mr);

/**
 * memory_region_get_ram_ptr: host address of offset 0 of a RAM, ROM, ROM
 * device or ram_device region (through aliases), or NULL for other kinds.
 * For ram_device regions use dispatch, never the pointer, for guest data.
 */
void *memory_region_get_ram_ptr(MemoryRegion *mr);

/**
 * memory_region_notify_ram_write: a device changed @len bytes at @offset of
 * the RAM of its RAM-backed region @mr through memory_region_get_ram_ptr()
 * (a flash being programmed): translated code from those bytes is dropped,
 * as after a guest store.
 */
void memory_region_notify_ram_write(MemoryRegion *mr, hwaddr offset,
                                    hwaddr len);
/* ram_addr_t of offset 0 of a RAM-backed region, or RAM_ADDR_INVALID. */
ram_addr_t memory_region_get_ram_addr(MemoryRegion *mr);
/*
 * The RAM-backed region holding host address @ptr, with the offset in it,
 * or NULL.
 */
MemoryRegion *memory_region_from_host(void *ptr, ram_addr_t *offset);

/**
 * memory_region_find: the first section of @mr's address space that
 * intersects [@addr, @addr + @size). @mr must be the root of an address
 * space (or inside one; then @addr is relative to @mr). Returns a section
 * with .mr == NULL if nothing is there.
 */
MemoryRegionSection memory_region_find(MemoryRegion *mr, hwaddr addr,
                                       uint64_t size);
/* Whether anything is mapped at @addr of container @container. */
bool memory_region_present(MemoryRegion *container, hwaddr addr);

/* Region lifetime follows the owner; these exist for code written for QEMU. */
static inline void memory_region_ref(MemoryRegion *mr) { (void)mr; }
static inline void memory_region_unref(MemoryRegion *mr) { (void)mr; }

/* -------------------------------------------------------------------- */
/* The device-access choke point                                         */

/**
 * memory_region_dispatch_read: read from a region as a device access.
 * @mr: any region; containers and aliases are resolved to the leaf at
 *   @addr, holes read as unassigned.
 * @addr: offset in @mr.
 * @pval: where the value goes, zero-extended (sign-extended if @op has
 *   MO_SIGN); always written, 0 on failure.
 * @op: size (MO_8..MO_64) and the byte order the initiator wants the value
 *   in (MO_LE / MO_BE); alignment bits are not checked here (the TLB raises
 *   the target's alignment fault before calling).
 * @attrs: transaction attributes.
 *
 * For I/O regions (and ROM devices out of romd mode, and ram_device): checks
 * the access against ops->valid (and that it lies inside the region), then
 * calls the callbacks with sizes from ops->impl, widening/splitting and
 * re-assembling in the region's byte order; reports each callback to the
 * access trace hook. A device whose callback leads back into its own regions
 * gets MEMTX_ACCESS_ERROR (re-entrancy guard). Refused accesses are logged
 * under guest_errors and return MEMTX_DECODE_ERROR; nothing a guest does
 * here aborts. RAM and ROM are read directly.
 *
 * Returns MEMTX_OK or the OR of the errors of the parts.
 */
MemTxResult memory_region_dispatch_read(MemoryRegion *mr, hwaddr addr,
                                        uint64_t *pval, MemOp op,
                                        MemTxAttrs attrs);

/**
 * memory_region_dispatch_write: write to a region as a device access.
 * @data: the value in the byte order given by @op; bits above the access
 *   size are ignored.
 *
 * Same rules as memory_region_dispatch_read. Writes to ROM (and to RAM
 * regions made read-only) are discarded and return MEMTX_OK; writes to a
 * ROM device go to its ops in either mode.
 */
MemTxResult memory_region_dispatch_write(MemoryRegion *mr, hwaddr addr,
                                         uint64_t data, MemOp op,
                                         MemTxAttrs attrs);

/**
 * memory_region_dispatch_reset_guard: forget which devices this thread is
 * inside a callback of. Only for code that longjmps out of a device
 * callback (cpu_loop_exit reached from inside MMIO): call it where the
 * longjmp lands, or the interrupted device would stay blocked.
 */
void memory_region_dispatch_reset_guard(void);

/**
 * memory_region_reentrancy_guard_hits: how many accesses the re-entrancy
 * guard has refused since start-up. A guard hit in a test run is either a
 * device bug or a missing, commented opt-out: tests can check this stays 0.
 */
uint64_t memory_region_reentrancy_guard_hits(void);

/*
 * Reports one device callback: the region, the offset, the size in bytes,
 * the value (as the device saw or returned it) and the direction. Called
 * for I/O, ROM-device and ram_device accesses only.
 */
typedef void MemoryRegionAccessTraceFn(MemoryRegion *mr, hwaddr addr,
                                       unsigned size, uint64_t value,
                                       bool is_write);
/**
 * memory_region_set_access_trace: install the global access trace hook
 * (NULL removes it). Used by -trace and by tests.
 */
void memory_region_set_access_trace(MemoryRegionAccessTraceFn *fn);

/**
 * memory_set_native_big_endian: byte order of DEVICE_NATIVE_ENDIAN regions
 * (the guest CPU's); set once by the machine before the guest runs.
 * Default little endian.
 */
void memory_set_native_big_endian(bool big_endian);
/* The byte order set by memory_set_native_big_endian. */
bool memory_native_is_big_endian(void);

/* -------------------------------------------------------------------- */
/* Address spaces                                                        */

/**
 * address_space_init: an address space whose memory is @root (a container
 * or any region); @name is shown by `info mtree`.
 */
void address_space_init(AddressSpace *as, MemoryRegion *root,
                        const char *name);
/* Tear down; listeners still registered on it are unregistered first. */
void address_space_destroy(AddressSpace *as);

/* The root of system memory ("system", 2^64 bytes) and of I/O ports ("io", 64K). */
MemoryRegion *get_system_memory(void);
MemoryRegion *get_system_io(void);
/* Create system memory/io and their address spaces (idempotent). */
void memory_map_init(void);

/**
 * memory_listener_register: start telling @listener about @as. It is told
 * about the current view at once (begin, region_add per section, commit).
 */
void memory_listener_register(MemoryListener *listener, AddressSpace *as);
/* Stop; region_del is called for every section of the current view. */
void memory_listener_unregister(MemoryListener *listener);

/**
 * address_space_translate: where @addr of @as leads.
 * @xlat: set to the offset of @addr within the returned region.
 * @plen: in: bytes wanted; out: clamped so that [@addr, @addr + *@plen)
 *   stays inside one section (one region, contiguous), or inside one hole.
 * @is_write, @attrs: for IOMMU translation (permissions, requester).
 *
 * Follows IOMMU regions to their target address spaces. Returns the leaf
 * region: RAM / ROM (direct host access possible, see
 * memory_region_get_ram_ptr + @xlat), ROM device (memory_region_is_romd for
 * direct reads), ram_device / I/O (must go through
 * memory_region_dispatch_*), or the unassigned region
 * (memory_region_is_unassigned) for holes and IOMMU faults. Never NULL.
 *
 * For the TLB: a page is whole iff a translate of its first byte with
 * *plen = page size comes back with *plen unchanged; otherwise it is a
 * sub-page and every access must go through address_space_read/write or be
 * translated per access. Use address_space_translate_full to also learn
 * whether the view makes the section read-only (an alias marked read-only):
 * writes there must be discarded.
 */
MemoryRegion *address_space_translate(AddressSpace *as, hwaddr addr,
                                      hwaddr *xlat, hwaddr *plen,
                                      bool is_write, MemTxAttrs attrs);
/* address_space_translate that also reports the section's read-only flag. */
MemoryRegion *address_space_translate_full(AddressSpace *as, hwaddr addr,
                                           hwaddr *xlat, hwaddr *plen,
                                           bool is_write, MemTxAttrs attrs,
                                           bool *readonly);

/**
 * address_space_rw: copy @len bytes between @buf and @as at @addr.
 * RAM is copied (aligned 2/4/8-byte transfers as one host access); device
 * regions get accesses of the widest size they allow at each alignment,
 * lowest address first, through memory_region_dispatch_*. Holes read as 0.
 * Returns the OR of every part's result.
 */
MemTxResult address_space_rw(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                             void *buf, hwaddr len, bool is_write);
/* address_space_rw reading into @buf. */
MemTxResult address_space_read(AddressSpace *as, hwaddr addr,
                               MemTxAttrs attrs, void *buf, hwaddr len);
/* address_space_rw writing from @buf. */
MemTxResult address_space_write(AddressSpace *as, hwaddr addr,
                                MemTxAttrs attrs, const void *buf, hwaddr len);
/* address_space_read, for code written against QEMU's name. */
MemTxResult address_space_read_full(AddressSpace *as, hwaddr addr,
                                    MemTxAttrs attrs, void *buf, hwaddr len);
/**
 * address_space_write_rom: write into RAM, ROM and ROM-device memory
 * (loaders, firmware images); other regions are skipped.
 */
MemTxResult address_space_write_rom(AddressSpace *as, hwaddr addr,
                                    MemTxAttrs attrs, const void *buf,
                                    hwaddr len);
/* Whether every byte of the range is mapped and accepts the access. */
bool address_space_access_valid(AddressSpace *as, hwaddr addr, hwaddr len,
                                bool is_write, MemTxAttrs attrs);

/**
 * address_space_map: a host pointer to [@addr, @addr + *@plen) for direct
 * access. For RAM, *@plen is cut to the contiguous part. For anything else
 * a bounce buffer is used (read filled at map time when !@is_write, written
 * back at unmap when @is_write), limited per address space; NULL with
 * *@plen = 0 when nothing can be mapped now.
 */
void *address_space_map(AddressSpace *as, hwaddr addr, hwaddr *plen,
                        bool is_write, MemTxAttrs attrs);
/* Release a mapping; @access_len bytes were really accessed. */
void address_space_unmap(AddressSpace *as, void *buffer, hwaddr len,
                         bool is_write, hwaddr access_len);

/*
 * Typed loads and stores: address_space_{ld,st}<size>[_<endian>]. Sizes:
 * ub (8 bit), uw (16), l (32), q (64); endian: le, be. Loads return the
 * value (0 on failure), stores take it; @result may be NULL.
 */
uint32_t address_space_ldub(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                            MemTxResult *result);
uint32_t address_space_lduw_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                               MemTxResult *result);
uint32_t address_space_lduw_be(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                               MemTxResult *result);
uint32_t address_space_ldl_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result);
uint32_t address_space_ldl_be(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result);
uint64_t address_space_ldq_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result);
uint64_t address_space_ldq_be(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result);
void address_space_stb(AddressSpace *as, hwaddr addr, uint32_t val,
                       MemTxAttrs attrs, MemTxResult *result);
void address_space_stw_le(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stw_be(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stl_le(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stl_be(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stq_le(AddressSpace *as, hwaddr addr, uint64_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stq_be(AddressSpace *as, hwaddr addr, uint64_t val,
                          MemTxAttrs attrs, MemTxResult *result);

/*
 * _phys shorthands: unspecified attributes, result ignored (failures are
 * still logged by the memory core). For board code and firmware set-up, not
 * for device DMA (which must look at the result).
 */
uint32_t ldub_phys(AddressSpace *as, hwaddr addr);
uint32_t lduw_le_phys(AddressSpace *as, hwaddr addr);
uint32_t lduw_be_phys(AddressSpace *as, hwaddr addr);
uint32_t ldl_le_phys(AddressSpace *as, hwaddr addr);
uint32_t ldl_be_phys(AddressSpace *as, hwaddr addr);
uint64_t ldq_le_phys(AddressSpace *as, hwaddr addr);
uint64_t ldq_be_phys(AddressSpace *as, hwaddr addr);
void stb_phys(AddressSpace *as, hwaddr addr, uint32_t val);
void stw_le_phys(AddressSpace *as, hwaddr addr, uint32_t val);
void stw_be_phys(AddressSpace *as, hwaddr addr, uint32_t val);
void stl_le_phys(AddressSpace *as, hwaddr addr, uint32_t val);
void stl_be_phys(AddressSpace *as, hwaddr addr, uint32_t val);
void stq_le_phys(AddressSpace *as, hwaddr addr, uint64_t val);
void stq_be_phys(AddressSpace *as, hwaddr addr, uint64_t val);

/* address_space_read/write on address_space_memory, unspecified attrs. */
void cpu_physical_memory_read(hwaddr addr, void *buf, hwaddr len);
void cpu_physical_memory_write(hwaddr addr, const void *buf, hwaddr len);
void cpu_physical_memory_rw(hwaddr addr, void *buf, hwaddr len, bool is_write);

/*
 * DMA from a device: address_space_read/write with the device's attrs.
 * Aligned 2/4/8-byte transfers into RAM are single atomic host accesses.
 */
MemTxResult dma_memory_read(AddressSpace *as, dma_addr_t addr, void *buf,
                            dma_addr_t len, MemTxAttrs attrs);
MemTxResult dma_memory_write(AddressSpace *as, dma_addr_t addr,
                             const void *buf, dma_addr_t len,
                             MemTxAttrs attrs);
MemTxResult dma_memory_rw(AddressSpace *as, dma_addr_t addr, void *buf,
                          dma_addr_t len, bool is_write, MemTxAttrs attrs);
/* Fill @len bytes with @c. */
MemTxResult dma_memory_set(AddressSpace *as, dma_addr_t addr, uint8_t c,
                           dma_addr_t len, MemTxAttrs attrs);
/* Typed DMA: ld{uw,l,q}_{le,be}_dma return the result and fill *pval. */
MemTxResult lduw_le_dma(AddressSpace *as, dma_addr_t addr, uint16_t *pval,
                        MemTxAttrs attrs);
MemTxResult lduw_be_dma(AddressSpace *as, dma_addr_t addr, uint16_t *pval,
                        MemTxAttrs attrs);
MemTxResult ldl_le_dma(AddressSpace *as, dma_addr_t addr, uint32_t *pval,
                       MemTxAttrs attrs);
MemTxResult ldl_be_dma(AddressSpace *as, dma_addr_t addr, uint32_t *pval,
                       MemTxAttrs attrs);
MemTxResult ldq_le_dma(AddressSpace *as, dma_addr_t addr, uint64_t *pval,
                       MemTxAttrs attrs);
MemTxResult ldq_be_dma(AddressSpace *as, dma_addr_t addr, uint64_t *pval,
                       MemTxAttrs attrs);
MemTxResult stw_le_dma(AddressSpace *as, dma_addr_t addr, uint16_t val,
                       MemTxAttrs attrs);
MemTxResult stw_be_dma(AddressSpace *as, dma_addr_t addr, uint16_t val,
                       MemTxAttrs attrs);
MemTxResult stl_le_dma(AddressSpace *as, dma_addr_t addr, uint32_t val,
                       MemTxAttrs attrs);
MemTxResult stl_be_dma(AddressSpace *as, dma_addr_t addr, uint32_t val,
                       MemTxAttrs attrs);
MemTxResult stq_le_dma(AddressSpace *as, dma_addr_t addr, uint64_t val,
                       MemTxAttrs attrs);
MemTxResult stq_be_dma(AddressSpace *as, dma_addr_t addr, uint64_t val,
                       MemTxAttrs attrs);

/**
 * physmem_set_ram_write_hook: called with the ram_addr_t range each time
 * RAM is written by anything but translated guest code (address_space_rw,
 * stores, DMA, unmap of a write mapping), so that the TB cache can drop
 * code translated from it. One hook; NULL removes it.
 */
typedef void PhysmemRAMWriteHook(ram_addr_t addr, ram_addr_t len);
void physmem_set_ram_write_hook(PhysmemRAMWriteHook *fn);

/* -------------------------------------------------------------------- */
/* Monitor                                                               */

/**
 * mtree_info: append `info mtree` to @out: the region tree of every address
 * space (address spaces sharing a root are listed together), then the
 * regions reached only through aliases; with @flatview, the rendered flat
 * views instead. Lines look like
 *   "  0000000000001000-0000000000001fff (prio 0, i/o): uart"
 */
void mtree_info(GString *out, bool flatview);

#endif
