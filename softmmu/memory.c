/*
 * memory.c - the memory region tree, its rendering into flat views,
 * listeners, and the one function every device access goes through.
 *
 * Region tree -> FlatView: render_region() walks a root depth-first,
 * highest priority first; a leaf claims only the parts of its range that
 * nothing rendered before it claimed, so priority order *is* the overlap
 * rule. The result is sorted and adjacent pieces of one region are merged;
 * lookups are binary searches. Views are rebuilt at the outermost
 * transaction commit and listeners get the difference.
 *
 * Device accesses: memory_region_dispatch_read/write -> check against
 * ops->valid -> re-entrancy guard -> build the access from ops->impl sizes
 * (access_with_adjusted_size) -> callbacks, each reported to the trace hook.
 *
 * Not here: RAM allocation and address_space_rw & the typed loads/stores
 * (physmem.c), `info mtree` (memory-dump.c).
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"
#include "memory-internal.h"

#define U128_2_64 ((u128)1 << 64)

static unsigned transaction_depth;
static bool update_pending;
static GPtrArray *address_spaces;       /* AddressSpace * */
static GPtrArray *listeners;            /* MemoryListener *, by priority */
static MemoryRegionAccessTraceFn *access_trace_fn;
static bool native_big_endian;

AddressSpace address_space_memory;
AddressSpace address_space_io;
static MemoryRegion system_memory;
static MemoryRegion system_io;
static bool memory_map_initialised;

/* ------------------------------------------------------------------ */
/* Unassigned: what a hole answers                                     */

static uint64_t unassigned_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void unassigned_write(void *opaque, hwaddr addr, uint64_t data,
                             unsigned size)
{
}

static bool unassigned_accepts(void *opaque, hwaddr addr, unsigned size,
                               bool is_write, MemTxAttrs attrs)
{
    return false;
}

static const MemoryRegionOps unassigned_ops = {
    .read = unassigned_read,
    .write = unassigned_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid.accepts = unassigned_accepts,
    .valid.unaligned = true,
};

MemoryRegion io_mem_unassigned = {
    .name = (char *)"unassigned",
    .ops = &unassigned_ops,
    .size = U128_2_64,
    .enabled = true,
    .terminates = true,
};

/* ------------------------------------------------------------------ */
/* ram_device: exact-width host accesses                               */

/*
 * Reduced-alignment types so that an unaligned offset still becomes one
 * host load/store of the access width (x86 allows it) instead of a memcpy
 * that could be split or widened on its way to a device BAR.
 */
typedef uint16_t unaligned_u16 __attribute__((aligned(1)));
typedef uint32_t unaligned_u32 __attribute__((aligned(1)));
typedef uint64_t unaligned_u64 __attribute__((aligned(1)));

static uint64_t ram_device_read(void *opaque, hwaddr addr, unsigned size)
{
    MemoryRegion *mr = opaque;
    uint8_t *p = mr->ram_block->host + addr;

    switch (size) {
    case 1:
        return *(volatile uint8_t *)p;
    case 2:
        return *(volatile unaligned_u16 *)p;
    case 4:
        return *(volatile unaligned_u32 *)p;
    default:
        return *(volatile unaligned_u64 *)p;
    }
}

static void ram_device_write(void *opaque, hwaddr addr, uint64_t data,
                             unsigned size)
{
    MemoryRegion *mr = opaque;
    uint8_t *p = mr->ram_block->host + addr;

    switch (size) {
    case 1:
        *(volatile uint8_t *)p = data;
        break;
    case 2:
        *(volatile unaligned_u16 *)p = data;
        break;
    case 4:
        *(volatile unaligned_u32 *)p = data;
        break;
    default:
        *(volatile unaligned_u64 *)p = data;
        break;
    }
}

/* Host endian, any size, any alignment: every guest access passes as is. */
static const MemoryRegionOps ram_device_ops = {
    .read = ram_device_read,
    .write = ram_device_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
    .impl = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
};

/* ------------------------------------------------------------------ */
/* Ops validation                                                      */

static unsigned valid_min(const MemoryRegionOps *ops)
{
    return ops->valid.min_access_size ? ops->valid.min_access_size : 1;
}

static unsigned valid_max(const MemoryRegionOps *ops)
{
    return ops->valid.max_access_size ? ops->valid.max_access_size : 8;
}

static unsigned impl_min(const MemoryRegionOps *ops)
{
    return ops->impl.min_access_size ? ops->impl.min_access_size : 1;
}

static unsigned impl_max(const MemoryRegionOps *ops)
{
    return ops->impl.max_access_size ? ops->impl.max_access_size : 4;
}

static bool is_access_size(unsigned n)
{
    return n == 1 || n == 2 || n == 4 || n == 8;
}

/*
 * Why abort: an inconsistent ops table is a bug in a device model, found
 * the first time the machine is built; letting it through is how the
 * bcm2835_thermal class of bug (fabricated offsets, asserts at guest
 * time) happens. The checks:
 *  - both directions have exactly one callback (no NULL in the hot path);
 *  - every size is 0 (default) or 1/2/4/8, and min <= max;
 *  - the endianness is one of the three;
 *  - the region size is a multiple of impl.min, so that widening an access
 *    to impl.min never reaches past the end of the region.
 * Given these, access_with_adjusted_size can build every valid guest access
 * from impl sizes (widening below impl.min, splitting above impl.max or at a
 * misalignment the callbacks refuse).
 */
static void memory_region_check_ops(const char *name,
                                    const MemoryRegionOps *ops, u128 size)
{
    const char *what = NULL;

    if (!ops) {
        what = "no MemoryRegionOps";
    } else if (!ops->read == !ops->read_with_attrs) {
        what = "needs exactly one of read and read_with_attrs";
    } else if (!ops->write == !ops->write_with_attrs) {
        what = "needs exactly one of write and write_with_attrs";
    } else if ((ops->valid.min_access_size &&
                !is_access_size(ops->valid.min_access_size)) ||
               (ops->valid.max_access_size &&
                !is_access_size(ops->valid.max_access_size)) ||
               (ops->impl.min_access_size &&
                !is_access_size(ops->impl.min_access_size)) ||
               (ops->impl.max_access_size &&
                !is_access_size(ops->impl.max_access_size))) {
        what = "access sizes must be 1, 2, 4 or 8";
    } else if (valid_min(ops) > valid_max(ops)) {
        what = "valid.min_access_size > valid.max_access_size";
    } else if (impl_min(ops) > impl_max(ops)) {
        what = "impl.min_access_size > impl.max_access_size";
    } else if (ops->endianness != DEVICE_NATIVE_ENDIAN &&
               ops->endianness != DEVICE_BIG_ENDIAN &&
               ops->endianness != DEVICE_LITTLE_ENDIAN) {
        what = "unknown endianness";
    } else if (size != U128_2_64 && size % impl_min(ops) != 0) {
        what = "region size is not a multiple of impl.min_access_size";
    }
    if (what) {
        g_error("memory region '%s': invalid MemoryRegionOps: %s",
                name ? name : "(anonymous)", what);
    }
}

/* ------------------------------------------------------------------ */
/* Creating regions                                                    */

static u128 size_from_u64(uint64_t size)
{
    return size == UINT64_MAX ? U128_2_64 : size;
}

static void region_init_common(MemoryRegion *mr, Object *owner,
                               const char *name, uint64_t size)
{
    memset(mr, 0, sizeof(*mr));
    mr->owner = owner;
    mr->name = g_strdup(name);
    mr->size = size_from_u64(size);
    mr->enabled = true;
    mr->ops = &unassigned_ops;
}

void memory_region_init(MemoryRegion *mr, Object *owner, const char *name,
                        uint64_t size)
{
    region_init_common(mr, owner, name, size);
}

void memory_region_init_io(MemoryRegion *mr, Object *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size)
{
    region_init_common(mr, owner, name, size);
    if (ops) {
        memory_region_check_ops(name, ops, mr->size);
        mr->ops = ops;
    }
    /* NULL ops (as in QEMU): a terminating region where every access fails. */
    mr->opaque = opaque;
    mr->terminates = true;
}

bool memory_region_init_ram(MemoryRegion *mr, Object *owner, const char *name,
                            uint64_t size, GError **errp)
{
    region_init_common(mr, owner, name, size);
    mr->ram = true;
    mr->terminates = true;
    mr->ram_block = qemu_ram_alloc(size, mr, errp);
    if (!mr->ram_block) {
        g_free(mr->name);
        mr->name = NULL;
        return false;
    }
    return true;
}

bool memory_region_init_ram_nomigrate(MemoryRegion *mr, Object *owner,
                                      const char *name, uint64_t size,
                                      GError **errp)
{
    return memory_region_init_ram(mr, owner, name, size, errp);
}

bool memory_region_init_rom(MemoryRegion *mr, Object *owner, const char *name,
                            uint64_t size, GError **errp)
{
    if (!memory_region_init_ram(mr, owner, name, size, errp)) {
        return false;
    }
    mr->readonly = true;
    return true;
}

bool memory_region_init_rom_device(MemoryRegion *mr, Object *owner,
                                   const MemoryRegionOps *ops, void *opaque,
                                   const char *name, uint64_t size,
                                   GError **errp)
{
    region_init_common(mr, owner, name, size);
    memory_region_check_ops(name, ops, mr->size);
    mr->ops = ops;
    mr->opaque = opaque;
    mr->rom_device = true;
    mr->romd_mode = true;
    mr->terminates = true;
    mr->ram_block = qemu_ram_alloc(size, mr, errp);
    if (!mr->ram_block) {
        g_free(mr->name);
        mr->name = NULL;
        return false;
    }
    return true;
}

void memory_region_init_ram_ptr(MemoryRegion *mr, Object *owner,
                                const char *name, uint64_t size, void *ptr)
{
    region_init_common(mr, owner, name, size);
    mr->ram = true;
    mr->terminates = true;
    mr->ram_block = qemu_ram_alloc_from_ptr(size, ptr, mr);
}

void memory_region_init_ram_device_ptr(MemoryRegion *mr, Object *owner,
                                       const char *name, uint64_t size,
                                       void *ptr)
{
    region_init_common(mr, owner, name, size);
    mr->ram_device = true;
    mr->terminates = true;
    mr->ops = &ram_device_ops;
    mr->opaque = mr;
    mr->ram_block = qemu_ram_alloc_from_ptr(size, ptr, mr);
}

void memory_region_init_alias(MemoryRegion *mr, Object *owner,
                              const char *name, MemoryRegion *orig,
                              hwaddr offset, uint64_t size)
{
    region_init_common(mr, owner, name, size);
    if (!orig) {
        g_error("memory region '%s': alias of nothing", name ? name : "");
    }
    mr->alias = orig;
    mr->alias_offset = offset;
}

void memory_region_init_iommu(MemoryRegion *mr, Object *owner,
                              const IOMMUMemoryRegionOps *ops, void *opaque,
                              const char *name, uint64_t size)
{
    region_init_common(mr, owner, name, size);
    if (!ops || !ops->translate) {
        g_error("memory region '%s': IOMMU without translate", name ? name : "");
    }
    mr->iommu_ops = ops;
    mr->opaque = opaque;
    mr->is_iommu = true;
    mr->terminates = true;
}

static bool region_is_as_root(const MemoryRegion *mr)
{
    if (!address_spaces) {
        return false;
    }
    for (guint i = 0; i < address_spaces->len; i++) {
        AddressSpace *as = g_ptr_array_index(address_spaces, i);

        if (as->root == mr) {
            return true;
        }
    }
    return false;
}

void memory_region_destroy(MemoryRegion *mr)
{
    if (region_is_as_root(mr)) {
        g_error("memory region '%s' destroyed while the root of an address space",
                mr->name ? mr->name : "");
    }
    memory_region_transaction_begin();
    if (mr->container) {
        memory_region_del_subregion(mr->container, mr);
    }
    while (mr->subregions) {
        memory_region_del_subregion(mr, mr->subregions);
    }
    memory_region_transaction_commit();
    if (mr->ram_block) {
        qemu_ram_free(mr->ram_block);
        mr->ram_block = NULL;
    }
    g_free(mr->name);
    mr->name = NULL;
}

/* ------------------------------------------------------------------ */
/* Transactions and changes                                            */

static void memory_region_update(void)
{
    update_pending = true;
}

void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *subregion, int priority)
{
    MemoryRegion **link;

    if (subregion->container) {
        g_error("memory region '%s' added to '%s' while already in '%s'",
                memory_region_name(subregion), memory_region_name(mr),
                memory_region_name(subregion->container));
    }
    if (mr->alias) {
        g_error("memory region '%s': aliases cannot have subregions",
                memory_region_name(mr));
    }
    memory_region_transaction_begin();
    subregion->container = mr;
    subregion->addr = offset;
    subregion->priority = priority;
    /* Before the first of lower or equal priority: newest wins ties. */
    for (link = &mr->subregions; *link; link = &(*link)->subregions_next) {
        if (priority >= (*link)->priority) {
            break;
        }
    }
    subregion->subregions_next = *link;
    *link = subregion;
    memory_region_update();
    memory_region_transaction_commit();
}

void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *subregion)
{
    memory_region_add_subregion_overlap(mr, offset, subregion, 0);
}

void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *subregion)
{
    MemoryRegion **link;

    if (subregion->container != mr) {
        g_error("memory region '%s' removed from '%s', which does not hold it",
                memory_region_name(subregion), memory_region_name(mr));
    }
    memory_region_transaction_begin();
    for (link = &mr->subregions; *link; link = &(*link)->subregions_next) {
        if (*link == subregion) {
            *link = subregion->subregions_next;
            break;
        }
    }
    subregion->subregions_next = NULL;
    subregion->container = NULL;
    memory_region_update();
    memory_region_transaction_commit();
}

void memory_region_set_enabled(MemoryRegion *mr, bool enabled)
{
    if (mr->enabled == enabled) {
        return;
    }
    memory_region_transaction_begin();
    mr->enabled = enabled;
    memory_region_update();
    memory_region_transaction_commit();
}

void memory_region_set_address(MemoryRegion *mr, hwaddr addr)
{
    MemoryRegion *container = mr->container;
    int priority = mr->priority;

    if (mr->addr == addr) {
        return;
    }
    if (!container) {
        /* Only an address-space root's own address shows in a view. */
        memory_region_transaction_begin();
        mr->addr = addr;
        memory_region_update();
        memory_region_transaction_commit();
        return;
    }
    /* Re-insert so that it takes its place among equal priorities anew. */
    memory_region_transaction_begin();
    memory_region_del_subregion(container, mr);
    memory_region_add_subregion_overlap(container, addr, mr, priority);
    memory_region_transaction_commit();
}

void memory_region_set_alias_offset(MemoryRegion *mr, hwaddr offset)
{
    if (mr->alias_offset == offset) {
        return;
    }
    memory_region_transaction_begin();
    mr->alias_offset = offset;
    memory_region_update();
    memory_region_transaction_commit();
}

void memory_region_set_size(MemoryRegion *mr, uint64_t size)
{
    u128 s = size_from_u64(size);

    if (mr->size == s) {
        return;
    }
    if (mr->ram_block && s > mr->ram_block->size) {
        g_error("memory region '%s': cannot grow past its RAM block",
                memory_region_name(mr));
    }
    if (mr->ops && mr->terminates && !mr->ram && !mr->is_iommu) {
        memory_region_check_ops(mr->name, mr->ops, s);
    }
    memory_region_transaction_begin();
    mr->size = s;
    memory_region_update();
    memory_region_transaction_commit();
}

void memory_region_set_readonly(MemoryRegion *mr, bool readonly)
{
    if (mr->readonly == readonly) {
        return;
    }
    memory_region_transaction_begin();
    mr->readonly = readonly;
    memory_region_update();
    memory_region_transaction_commit();
}

void memory_region_rom_device_set_romd(MemoryRegion *mr, bool romd_mode)
{
    if (mr->romd_mode == romd_mode) {
        return;
    }
    memory_region_transaction_begin();
    mr->romd_mode = romd_mode;
    memory_region_update();
    memory_region_transaction_commit();
}

void memory_region_disable_reentrancy_guard(MemoryRegion *mr)
{
    mr->disable_reentrancy_guard = true;
}

/* ------------------------------------------------------------------ */
/* Rendering                                                           */

static FlatView *flatview_new(MemoryRegion *root)
{
    FlatView *view = g_new0(FlatView, 1);

    view->ref = 1;
    view->root = root;
    return view;
}

/*
 * Views are swapped under the big lock, but read without it by vCPU
 * threads (page-table walks, TLB fills). The pointer is read and
 * referenced under flatview_lock so that a swap cannot free a view between
 * the two; the count itself is atomic so that readers drop references
 * without the lock.
 */
static GMutex flatview_lock;

void flatview_ref(FlatView *view)
{
    __atomic_add_fetch(&view->ref, 1, __ATOMIC_RELAXED);
}

void flatview_unref(FlatView *view)
{
    if (view && __atomic_sub_fetch(&view->ref, 1, __ATOMIC_ACQ_REL) == 0) {
        g_free(view->ranges);
        g_free(view);
    }
}

/* Replace @as's view with @new; returns the old one (caller unrefs). */
static FlatView *address_space_swap_flatview(AddressSpace *as, FlatView *new)
{
    FlatView *old;

    g_mutex_lock(&flatview_lock);
    old = as->current_map;
    as->current_map = new;
    g_mutex_unlock(&flatview_lock);
    return old;
}

static void flatview_insert(FlatView *view, unsigned pos, const FlatRange *fr)
{
    if (view->nr == view->nr_allocated) {
        view->nr_allocated = MAX(16u, view->nr_allocated * 2);
        view->ranges = g_renew(FlatRange, view->ranges, view->nr_allocated);
    }
    memmove(&view->ranges[pos + 1], &view->ranges[pos],
            (view->nr - pos) * sizeof(FlatRange));
    view->ranges[pos] = *fr;
    view->nr++;
}

typedef __int128 s128;

static s128 s128_min(s128 a, s128 b)
{
    return a < b ? a : b;
}

static s128 s128_max(s128 a, s128 b)
{
    return a > b ? a : b;
}

/*
 * Render @mr, whose container starts at @base, clipped to
 * [@clip_start, @clip_end). Signed arithmetic because an alias moves the
 * base of its target below zero when its offset exceeds its own address.
 */
static void render_region(FlatView *view, MemoryRegion *mr, s128 base,
                          s128 clip_start, s128 clip_end, bool readonly,
                          unsigned depth)
{
    s128 start, end, pos, remain;
    hwaddr offset_in_region;
    FlatRange fr;

    if (!mr->enabled) {
        return;
    }
    if (depth > 64) {
        /* An alias cycle is a board bug; do not recurse forever on it. */
        error_report("memory region '%s': alias/container nesting too deep",
                     memory_region_name(mr));
        return;
    }
    base += mr->addr;
    start = s128_max(base, clip_start);
    end = s128_min(base + (s128)mr->size, clip_end);
    if (start >= end) {
        return;
    }
    readonly |= mr->readonly;

    if (mr->alias) {
        render_region(view, mr->alias,
                      base - (s128)mr->alias->addr - (s128)mr->alias_offset,
                      start, end, readonly, depth + 1);
        return;
    }
    for (MemoryRegion *sub = mr->subregions; sub; sub = sub->subregions_next) {
        render_region(view, sub, base, start, end, readonly, depth + 1);
    }
    if (!mr->terminates) {
        return;
    }

    /* Fill the gaps that higher-priority regions left in [start, end). */
    fr.mr = mr;
    fr.readonly = readonly;
    fr.romd_mode = mr->romd_mode;
    pos = start;
    remain = end - start;
    offset_in_region = (hwaddr)(start - base);
    unsigned i = 0;
    for (; i < view->nr && remain > 0; i++) {
        s128 r_start = (s128)view->ranges[i].addr;
        s128 r_end = r_start + (s128)view->ranges[i].size;
        s128 now;

        if (pos >= r_end) {
            continue;
        }
        if (pos < r_start) {
            now = s128_min(remain, r_start - pos);
            fr.addr = (u128)pos;
            fr.size = (u128)now;
            fr.offset_in_region = offset_in_region;
            flatview_insert(view, i, &fr);
            i++;
            pos += now;
            offset_in_region += (hwaddr)now;
            remain -= now;
        }
        /* Skip what range i already covers. */
        now = s128_min(pos + remain, r_end) - pos;
        if (now > 0) {
            pos += now;
            offset_in_region += (hwaddr)now;
            remain -= now;
        }
    }
    if (remain > 0) {
        fr.addr = (u128)pos;
        fr.size = (u128)remain;
        fr.offset_in_region = offset_in_region;
        flatview_insert(view, i, &fr);
    }
}

static bool flatrange_mergeable(const FlatRange *a, const FlatRange *b)
{
    return a->mr == b->mr && a->readonly == b->readonly &&
           a->romd_mode == b->romd_mode &&
           a->addr + a->size == b->addr &&
           (u128)a->offset_in_region + a->size == b->offset_in_region;
}

static void flatview_simplify(FlatView *view)
{
    unsigned out = 0;

    for (unsigned i = 0; i < view->nr; i++) {
        if (out > 0 && flatrange_mergeable(&view->ranges[out - 1],
                                           &view->ranges[i])) {
            view->ranges[out - 1].size += view->ranges[i].size;
        } else {
            view->ranges[out++] = view->ranges[i];
        }
    }
    view->nr = out;
}

static FlatView *generate_flatview(MemoryRegion *root)
{
    FlatView *view = flatview_new(root);

    if (root) {
        render_region(view, root, 0, 0, (s128)U128_2_64, false, 0);
    }
    flatview_simplify(view);
    return view;
}

/*
 * Index of the range holding @addr, or -1; then *@hole_len is the distance
 * to the next range (or to the end of the space, capped to HWADDR_MAX).
 */
static int flatview_find(FlatView *view, hwaddr addr, hwaddr *hole_len)
{
    unsigned lo = 0, hi = view->nr;

    /* First range with start > addr. */
    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;

        if (view->ranges[mid].addr <= addr) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo > 0) {
        const FlatRange *fr = &view->ranges[lo - 1];

        if ((u128)addr < fr->addr + fr->size) {
            return lo - 1;
        }
    }
    if (hole_len) {
        u128 next = lo < view->nr ? view->ranges[lo].addr : U128_2_64;
        u128 len = next - addr;

        *hole_len = len > HWADDR_MAX ? HWADDR_MAX : (hwaddr)len;
    }
    return -1;
}

MemoryRegionSection flatrange_section(FlatView *fv, const FlatRange *fr)
{
    return (MemoryRegionSection) {
        .mr = fr->mr,
        .fv = fv,
        .offset_within_region = fr->offset_in_region,
        .size = fr->size > HWADDR_MAX ? HWADDR_MAX : (uint64_t)fr->size,
        .offset_within_address_space = (hwaddr)fr->addr,
        .readonly = fr->readonly,
    };
}

static bool flatrange_equal(const FlatRange *a, const FlatRange *b)
{
    return a->mr == b->mr && a->addr == b->addr && a->size == b->size &&
           a->offset_in_region == b->offset_in_region &&
           a->readonly == b->readonly && a->romd_mode == b->romd_mode;
}

/* ------------------------------------------------------------------ */
/* Listeners                                                           */

typedef enum { LISTENER_ADD, LISTENER_DEL, LISTENER_NOP } ListenerCall;

static void listener_call(MemoryListener *l, ListenerCall what,
                          FlatView *fv, const FlatRange *fr)
{
    MemoryRegionSection section = flatrange_section(fv, fr);

    switch (what) {
    case LISTENER_ADD:
        if (l->region_add) {
            l->region_add(l, &section);
        }
        break;
    case LISTENER_DEL:
        if (l->region_del) {
            l->region_del(l, &section);
        }
        break;
    case LISTENER_NOP:
        if (l->region_nop) {
            l->region_nop(l, &section);
        }
        break;
    }
}

/* Call @what for @fr on the listeners of @as: forward, or reverse for del. */
static void as_listeners_call(AddressSpace *as, ListenerCall what,
                              FlatView *fv, const FlatRange *fr)
{
    if (!listeners) {
        return;
    }
    if (what == LISTENER_DEL) {
        for (guint i = listeners->len; i-- > 0;) {
            MemoryListener *l = g_ptr_array_index(listeners, i);

            if (l->address_space == as) {
                listener_call(l, what, fv, fr);
            }
        }
    } else {
        for (guint i = 0; i < listeners->len; i++) {
            MemoryListener *l = g_ptr_array_index(listeners, i);

            if (l->address_space == as) {
                listener_call(l, what, fv, fr);
            }
        }
    }
}

static void listeners_begin(void)
{
    for (guint i = 0; listeners && i < listeners->len; i++) {
        MemoryListener *l = g_ptr_array_index(listeners, i);

        if (l->begin) {
            l->begin(l);
        }
    }
}

static void listeners_commit(void)
{
    for (guint i = 0; listeners && i < listeners->len; i++) {
        MemoryListener *l = g_ptr_array_index(listeners, i);

        if (l->commit) {
            l->commit(l);
        }
    }
}

/*
 * Tell @as's listeners how @old became @new. Both are sorted, so one merge
 * walk finds what went away (first pass) and what appeared (second pass).
 */
static void address_space_update_topology_pass(AddressSpace *as,
                                               FlatView *old, FlatView *new,
                                               bool adding)
{
    unsigned i = 0, j = 0;

    while (i < old->nr || j < new->nr) {
        FlatRange *fo = i < old->nr ? &old->ranges[i] : NULL;
        FlatRange *fn = j < new->nr ? &new->ranges[j] : NULL;

        if (fo && (!fn || fo->addr < fn->addr ||
                   (fo->addr == fn->addr && !flatrange_equal(fo, fn)))) {
            if (!adding) {
                as_listeners_call(as, LISTENER_DEL, old, fo);
            }
            i++;
        } else if (fo && fn && flatrange_equal(fo, fn)) {
            if (adding) {
                as_listeners_call(as, LISTENER_NOP, new, fn);
            }
            i++;
            j++;
        } else {
            if (adding) {
                as_listeners_call(as, LISTENER_ADD, new, fn);
            }
            j++;
        }
    }
}

static void address_spaces_update(void)
{
    listeners_begin();
    for (guint k = 0; address_spaces && k < address_spaces->len; k++) {
        AddressSpace *as = g_ptr_array_index(address_spaces, k);
        FlatView *new = generate_flatview(as->root);
        FlatView *old = address_space_swap_flatview(as, new);

        if (old) {
            address_space_update_topology_pass(as, old, new, false);
            address_space_update_topology_pass(as, old, new, true);
        } else {
            FlatView empty = { .ref = 1 };

            address_space_update_topology_pass(as, &empty, new, true);
        }
        flatview_unref(old);
    }
    listeners_commit();
}

void memory_region_transaction_begin(void)
{
    transaction_depth++;
}

void memory_region_transaction_commit(void)
{
    assert(transaction_depth > 0);
    if (--transaction_depth == 0 && update_pending) {
        update_pending = false;
        address_spaces_update();
    }
}

static gint listener_cmp(gconstpointer a, gconstpointer b)
{
    const MemoryListener *la = *(MemoryListener *const *)a;
    const MemoryListener *lb = *(MemoryListener *const *)b;

    return (la->priority > lb->priority) - (la->priority < lb->priority);
}

void memory_listener_register(MemoryListener *listener, AddressSpace *as)
{
    FlatView *view = address_space_to_flatview(as);

    if (!listeners) {
        listeners = g_ptr_array_new();
    }
    listener->address_space = as;
    g_ptr_array_add(listeners, listener);
    /* Stable for equal priorities: registration order is kept. */
    g_ptr_array_sort(listeners, listener_cmp);

    if (listener->begin) {
        listener->begin(listener);
    }
    for (unsigned i = 0; i < view->nr; i++) {
        listener_call(listener, LISTENER_ADD, view, &view->ranges[i]);
    }
    if (listener->commit) {
        listener->commit(listener);
    }
}

void memory_listener_unregister(MemoryListener *listener)
{
    AddressSpace *as = listener->address_space;

    if (!as || !listeners) {
        return;
    }
    if (listener->begin) {
        listener->begin(listener);
    }
    if (as->current_map) {
        FlatView *view = as->current_map;

        for (unsigned i = view->nr; i-- > 0;) {
            listener_call(listener, LISTENER_DEL, view, &view->ranges[i]);
        }
    }
    if (listener->commit) {
        listener->commit(listener);
    }
    g_ptr_array_remove(listeners, listener);
    listener->address_space = NULL;
}

/* ------------------------------------------------------------------ */
/* Address spaces                                                      */

GPtrArray *memory_address_spaces(void)
{
    if (!address_spaces) {
        address_spaces = g_ptr_array_new();
    }
    return address_spaces;
}

void address_space_init(AddressSpace *as, MemoryRegion *root,
                        const char *name)
{
    memset(as, 0, sizeof(*as));
    as->root = root;
    as->name = g_strdup(name ? name : "anonymous");
    as->max_bounce_buffer_size = 4096;
    memory_region_transaction_begin();
    g_ptr_array_add(memory_address_spaces(), as);
    memory_region_update();
    memory_region_transaction_commit();
}

void address_space_destroy(AddressSpace *as)
{
    while (listeners) {
        MemoryListener *found = NULL;

        for (guint i = 0; i < listeners->len; i++) {
            MemoryListener *l = g_ptr_array_index(listeners, i);

            if (l->address_space == as) {
                found = l;
                break;
            }
        }
        if (!found) {
            break;
        }
        memory_listener_unregister(found);
    }
    if (address_spaces) {
        g_ptr_array_remove(address_spaces, as);
    }
    flatview_unref(address_space_swap_flatview(as, NULL));
    g_free(as->name);
    as->name = NULL;
    as->root = NULL;
}

void memory_map_init(void)
{
    if (memory_map_initialised) {
        return;
    }
    memory_map_initialised = true;
    memory_region_init(&system_memory, NULL, "system", UINT64_MAX);
    address_space_init(&address_space_memory, &system_memory, "memory");
    memory_region_init(&system_io, NULL, "io", 65536);
    address_space_init(&address_space_io, &system_io, "I/O");
}

MemoryRegion *get_system_memory(void)
{
    memory_map_init();
    return &system_memory;
}

MemoryRegion *get_system_io(void)
{
    memory_map_init();
    return &system_io;
}

static FlatView empty_view = { .ref = 1 };

FlatView *address_space_to_flatview(AddressSpace *as)
{
    if (!as->current_map &&
        (as == &address_space_memory || as == &address_space_io)) {
        memory_map_init();
    }
    if (!as->current_map) {
        /* An AddressSpace used before address_space_init: nothing mapped. */
        return &empty_view;
    }
    return as->current_map;
}

FlatView *address_space_get_flatview(AddressSpace *as)
{
    FlatView *view;

    if (!memory_map_initialised &&
        (as == &address_space_memory || as == &address_space_io)) {
        memory_map_init();
    }
    g_mutex_lock(&flatview_lock);
    view = as->current_map ? as->current_map : &empty_view;
    flatview_ref(view);
    g_mutex_unlock(&flatview_lock);
    return view;
}

/* ------------------------------------------------------------------ */
/* Looking at regions                                                  */

uint64_t memory_region_size(MemoryRegion *mr)
{
    return mr->size >= U128_2_64 ? UINT64_MAX : (uint64_t)mr->size;
}

const char *memory_region_name(const MemoryRegion *mr)
{
    return mr->name ? mr->name : "";
}

Object *memory_region_owner(const MemoryRegion *mr)
{
    return mr->owner;
}

bool memory_region_is_ram(const MemoryRegion *mr)
{
    return mr->ram;
}

bool memory_region_is_ram_device(const MemoryRegion *mr)
{
    return mr->ram_device;
}

bool memory_region_is_rom(const MemoryRegion *mr)
{
    return mr->ram && mr->readonly;
}

bool memory_region_is_romd(const MemoryRegion *mr)
{
    return mr->rom_device && mr->romd_mode;
}

bool memory_region_is_iommu(const MemoryRegion *mr)
{
    return mr->is_iommu;
}

bool memory_region_is_unassigned(const MemoryRegion *mr)
{
    return mr == &io_mem_unassigned;
}

bool memory_region_is_mapped(const MemoryRegion *mr)
{
    return mr->container != NULL || region_is_as_root(mr);
}

bool memory_region_is_enabled(const MemoryRegion *mr)
{
    return mr->enabled;
}

hwaddr memory_region_get_address(const MemoryRegion *mr)
{
    return mr->addr;
}

void *memory_region_get_ram_ptr(MemoryRegion *mr)
{
    hwaddr offset = 0;

    for (unsigned depth = 0; mr->alias && depth < 64; depth++) {
        offset += mr->alias_offset;
        mr = mr->alias;
    }
    if (!mr->ram_block) {
        return NULL;
    }
    return mr->ram_block->host + offset;
}

ram_addr_t memory_region_get_ram_addr(MemoryRegion *mr)
{
    return mr->ram_block ? mr->ram_block->offset : RAM_ADDR_INVALID;
}

MemoryRegionSection memory_region_find(MemoryRegion *mr, hwaddr addr,
                                       uint64_t size)
{
    MemoryRegionSection ret = { 0 };
    MemoryRegion *root = mr;
    AddressSpace *as = NULL;
    u128 abs = addr;
    u128 end;
    FlatView *view;
    hwaddr hole;
    int idx;

    for (; root->container; root = root->container) {
        abs += root->addr;
    }
    for (guint i = 0; address_spaces && i < address_spaces->len; i++) {
        AddressSpace *a = g_ptr_array_index(address_spaces, i);

        if (a->root == root) {
            as = a;
            break;
        }
    }
    if (!as || abs >= U128_2_64) {
        return ret;
    }
    view = address_space_to_flatview(as);
    end = abs + (size ? size : 1);
    idx = flatview_find(view, (hwaddr)abs, &hole);
    if (idx < 0) {
        if (abs + hole >= end || hole == 0) {
            return ret;
        }
        idx = flatview_find(view, (hwaddr)(abs + hole), NULL);
        if (idx < 0) {
            return ret;
        }
    }
    {
        const FlatRange *fr = &view->ranges[idx];
        u128 s = abs > fr->addr ? abs : fr->addr;
        u128 e = end < fr->addr + fr->size ? end : fr->addr + fr->size;

        ret = flatrange_section(view, fr);
        ret.offset_within_region = fr->offset_in_region + (hwaddr)(s - fr->addr);
        ret.offset_within_address_space = (hwaddr)s;
        ret.size = e - s > HWADDR_MAX ? HWADDR_MAX : (uint64_t)(e - s);
    }
    return ret;
}

/*
 * The leaf of @mr at *@addr, walking the tree (containers and aliases) as
 * rendering would; NULL in a hole. *@addr becomes the offset in the leaf.
 */
static MemoryRegion *resolve_leaf(MemoryRegion *mr, hwaddr *addr,
                                  bool *readonly, unsigned depth)
{
    if (!mr->enabled || (u128)*addr >= mr->size || depth > 64) {
        return NULL;
    }
    if (mr->readonly) {
        *readonly = true;
    }
    if (mr->alias) {
        hwaddr a = *addr + mr->alias_offset;
        MemoryRegion *leaf = resolve_leaf(mr->alias, &a, readonly, depth + 1);

        if (leaf) {
            *addr = a;
        }
        return leaf;
    }
    for (MemoryRegion *sub = mr->subregions; sub; sub = sub->subregions_next) {
        if (*addr >= sub->addr) {
            hwaddr a = *addr - sub->addr;
            bool ro = *readonly;
            MemoryRegion *leaf = resolve_leaf(sub, &a, &ro, depth + 1);

            if (leaf) {
                *addr = a;
                *readonly = ro;
                return leaf;
            }
        }
    }
    return mr->terminates ? mr : NULL;
}

bool memory_region_present(MemoryRegion *container, hwaddr addr)
{
    bool ro = false;

    return resolve_leaf(container, &addr, &ro, 0) != NULL;
}

/* ------------------------------------------------------------------ */
/* Translation                                                         */

MemoryRegion *address_space_translate_full(AddressSpace *as, hwaddr addr,
                                           hwaddr *xlat, hwaddr *plen,
                                           bool is_write, MemTxAttrs attrs,
                                           bool *readonly)
{
    hwaddr len = *plen;
    MemoryRegion *mr = &io_mem_unassigned;
    bool ro = false;

    for (unsigned depth = 0;; depth++) {
        FlatView *view = address_space_get_flatview(as);
        hwaddr hole_len = 0;
        int idx = flatview_find(view, addr, &hole_len);
        FlatRange fr;
        IOMMUTLBEntry entry;
        u128 remain;
        hwaddr off;

        if (idx < 0) {
            flatview_unref(view);
            mr = &io_mem_unassigned;
            *xlat = addr;
            len = MIN(len, hole_len);
            break;
        }
        fr = view->ranges[idx];
        flatview_unref(view);
        off = addr - (hwaddr)fr.addr;
        remain = fr.size - off;
        if (remain < len) {
            len = (hwaddr)remain;
        }
        mr = fr.mr;
        ro |= fr.readonly;
        *xlat = fr.offset_in_region + off;
        if (!mr->is_iommu) {
            break;
        }
        if (depth >= 16) {
            log_mask(LOG_GUEST_ERROR,
                     "IOMMU '%s': translation chain too deep at 0x%" HWADDR_PRIx "\n",
                     memory_region_name(mr), addr);
            mr = &io_mem_unassigned;
            break;
        }
        entry = mr->iommu_ops->translate(mr, mr->opaque, *xlat,
                                         is_write ? IOMMU_WO : IOMMU_RO, 0);
        if (!(entry.perm & (is_write ? IOMMU_WO : IOMMU_RO)) ||
            !entry.target_as) {
            mr = &io_mem_unassigned;
            break;
        }
        addr = (entry.translated_addr & ~entry.addr_mask) |
               (*xlat & entry.addr_mask);
        /* Cut at the end of the IOMMU page (written to not overflow). */
        if (len > 0 && len - 1 > ((addr | entry.addr_mask) - addr)) {
            len = (addr | entry.addr_mask) - addr + 1;
        }
        as = entry.target_as;
    }
    *plen = len;
    if (readonly) {
        *readonly = ro;
    }
    return mr;
}

MemoryRegion *address_space_translate(AddressSpace *as, hwaddr addr,
                                      hwaddr *xlat, hwaddr *plen,
                                      bool is_write, MemTxAttrs attrs)
{
    return address_space_translate_full(as, addr, xlat, plen, is_write,
                                        attrs, NULL);
}

/* ------------------------------------------------------------------ */
/* Dispatch                                                            */

void memory_region_set_access_trace(MemoryRegionAccessTraceFn *fn)
{
    access_trace_fn = fn;
}

void memory_set_native_big_endian(bool big_endian)
{
    native_big_endian = big_endian;
}

bool memory_native_is_big_endian(void)
{
    return native_big_endian;
}

static bool region_big_endian(const MemoryRegion *mr)
{
    switch (mr->ops->endianness) {
    case DEVICE_BIG_ENDIAN:
        return true;
    case DEVICE_NATIVE_ENDIAN:
        return native_big_endian;
    default:
        return false;
    }
}

/*
 * Devices currently inside one of their callbacks (keyed by owner, so that
 * all regions of one device form one domain). Per thread because the guard
 * is about a call chain, not about other vCPUs.
 */
#define MAX_IO_NESTING 32
static __thread const void *engaged_in_io[MAX_IO_NESTING];
static __thread unsigned engaged_depth;

static uint64_t guard_hits;

uint64_t memory_region_reentrancy_guard_hits(void)
{
    return __atomic_load_n(&guard_hits, __ATOMIC_RELAXED);
}

void memory_region_dispatch_reset_guard(void)
{
    engaged_depth = 0;
}

static const void *reentrancy_key(const MemoryRegion *mr)
{
    return mr->owner ? (const void *)mr->owner : (const void *)mr;
}

static bool reentrancy_engaged(const void *key)
{
    for (unsigned i = 0; i < engaged_depth; i++) {
        if (engaged_in_io[i] == key) {
            return true;
        }
    }
    return false;
}

static MemTxResult call_read(MemoryRegion *mr, hwaddr addr, uint64_t *v,
                             unsigned size, MemTxAttrs attrs)
{
    MemTxResult r = MEMTX_OK;

    *v = 0;
    if (mr->ops->read) {
        *v = mr->ops->read(mr->opaque, addr, size);
    } else {
        r = mr->ops->read_with_attrs(mr->opaque, addr, v, size, attrs);
    }
    *v &= size_mask(size);
    if (unlikely(access_trace_fn)) {
        access_trace_fn(mr, addr, size, *v, false);
    }
    return r;
}

static MemTxResult call_write(MemoryRegion *mr, hwaddr addr, uint64_t v,
                              unsigned size, MemTxAttrs attrs)
{
    v &= size_mask(size);
    if (unlikely(access_trace_fn)) {
        access_trace_fn(mr, addr, size, v, true);
    }
    if (mr->ops->write) {
        mr->ops->write(mr->opaque, addr, v, size);
        return MEMTX_OK;
    }
    return mr->ops->write_with_attrs(mr->opaque, addr, v, size, attrs);
}

/* Byte @k of an @n-byte value, in address order for the given byte order. */
static void value_to_lanes(uint64_t v, uint8_t *lanes, unsigned n, bool big)
{
    for (unsigned k = 0; k < n; k++) {
        unsigned shift = 8 * (big ? n - 1 - k : k);

        lanes[k] = v >> shift;
    }
}

static uint64_t lanes_to_value(const uint8_t *lanes, unsigned n, bool big)
{
    uint64_t v = 0;

    for (unsigned k = 0; k < n; k++) {
        unsigned shift = 8 * (big ? n - 1 - k : k);

        v |= (uint64_t)lanes[k] << shift;
    }
    return v;
}

/*
 * Build the @size-byte access at @addr from accesses the callbacks take.
 * @value is in the region's byte order (as a number).
 *
 * Walk the bytes lowest first. At each position take the widest access
 * that fits what is left, is at most impl.max and (unless impl.unaligned)
 * is naturally aligned there. If that is narrower than impl.min, widen
 * instead: one impl.min access at the impl.min-aligned offset around the
 * position, keeping only our bytes (reads) or sending zeros in the others
 * (writes). Every access therefore has an impl size, sits at an offset the
 * device accepts and lies inside [addr & ~7, end rounded up to 8); nothing
 * is fabricated past the guest's bytes except by widening, which the region
 * size (a multiple of impl.min) keeps inside the region.
 */
static MemTxResult access_with_adjusted_size(MemoryRegion *mr, hwaddr addr,
                                             uint64_t *value, unsigned size,
                                             bool is_write, MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;
    unsigned imin = impl_min(ops), imax = impl_max(ops);
    bool big = region_big_endian(mr);
    uint8_t window[24];
    hwaddr wbase = addr & ~(hwaddr)7;
    hwaddr pos = addr, end = addr + size;
    MemTxResult r = MEMTX_OK;

    if (size >= imin && size <= imax &&
        (ops->impl.unaligned || (addr & (size - 1)) == 0)) {
        return is_write ? call_write(mr, addr, *value, size, attrs)
                        : call_read(mr, addr, value, size, attrs);
    }

    memset(window, 0, sizeof(window));
    if (is_write) {
        value_to_lanes(*value, window + (addr - wbase), size, big);
    }
    while (pos < end) {
        unsigned n = 8;
        hwaddr at, take_end;
        uint64_t v;

        while (n > end - pos || n > imax ||
               (!ops->impl.unaligned && (pos & (n - 1)))) {
            n >>= 1;
        }
        if (n >= imin) {
            at = pos;
            take_end = pos + n;
        } else {
            n = imin;
            at = pos & ~(hwaddr)(n - 1);
            take_end = MIN(at + n, end);
        }
        if (is_write) {
            r |= call_write(mr, at, lanes_to_value(window + (at - wbase), n, big),
                            n, attrs);
        } else {
            uint8_t lanes[8];

            r |= call_read(mr, at, &v, n, attrs);
            value_to_lanes(v, lanes, n, big);
            memcpy(window + (pos - wbase), lanes + (pos - at), take_end - pos);
        }
        pos = take_end;
    }
    if (!is_write) {
        *value = lanes_to_value(window + (addr - wbase), size, big);
    }
    return r;
}

static bool access_valid(MemoryRegion *mr, hwaddr addr, unsigned size,
                         bool is_write, MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;
    const char *reason = NULL;

    if (size < valid_min(ops) || size > valid_max(ops)) {
        reason = "invalid size";
    } else if (!ops->valid.unaligned && (addr & (size - 1))) {
        reason = "unaligned";
    } else if ((u128)addr + size > mr->size) {
        reason = "beyond the end of the region";
    } else if (ops->valid.accepts &&
               !ops->valid.accepts(mr->opaque, addr, size, is_write, attrs)) {
        reason = "rejected by the device";
    }
    if (reason) {
        log_mask(LOG_GUEST_ERROR,
                 "Invalid %s at addr 0x%" HWADDR_PRIx ", size %u, region '%s', "
                 "reason: %s (valid sizes %u..%u%s)\n",
                 is_write ? "write" : "read", addr, size, memory_region_name(mr),
                 reason, valid_min(ops), valid_max(ops),
                 ops->valid.unaligned ? ", unaligned ok" : "");
        return false;
    }
    return true;
}

static MemTxResult unassigned_access(hwaddr addr, unsigned size, bool is_write)
{
    log_mask(LOG_GUEST_ERROR | LOG_INVALID_MEM,
             "Invalid %s at addr 0x%" HWADDR_PRIx ", size %u: nothing mapped\n",
             is_write ? "write" : "read", addr, size);
    return MEMTX_DECODE_ERROR;
}

/*
 * The common part of read and write. @value is in the initiator's byte
 * order (@op) on entry for writes and on return for reads.
 */
static MemTxResult dispatch(MemoryRegion *mr, hwaddr addr, uint64_t *value,
                            MemOp op, MemTxAttrs attrs, bool is_write)
{
    unsigned size = memop_size(op);
    bool readonly = false;
    MemoryRegion *leaf;
    hwaddr leaf_addr = addr;
    const void *key;
    MemTxResult r;

    if (size > 8) {
        log_mask(LOG_GUEST_ERROR, "memory: %u-byte access to region '%s' "
                 "not supported by dispatch\n", size, memory_region_name(mr));
        return MEMTX_ERROR;
    }
    if (mr == &io_mem_unassigned) {
        return unassigned_access(addr, size, is_write);
    }
    if (!mr->terminates || mr->subregions) {
        /* A container (or alias): find the leaf as the flat view would. */
        leaf = resolve_leaf(mr, &leaf_addr, &readonly, 0);
        if (!leaf) {
            return unassigned_access(addr, size, is_write);
        }
        mr = leaf;
        addr = leaf_addr;
    }

    if (mr->is_iommu) {
        /* Send the access on through the translation, as DMA would go. */
        hwaddr len = size, xlat;
        IOMMUTLBEntry entry = mr->iommu_ops->translate(mr, mr->opaque, addr,
                                     is_write ? IOMMU_WO : IOMMU_RO, 0);
        hwaddr out = (entry.translated_addr & ~entry.addr_mask) |
                     (addr & entry.addr_mask);
        AddressSpace *as = entry.target_as;

        if (!(entry.perm & (is_write ? IOMMU_WO : IOMMU_RO)) || !as ||
            (out & entry.addr_mask) + size - 1 > entry.addr_mask) {
            log_mask(LOG_GUEST_ERROR, "IOMMU '%s': no %s translation for "
                     "0x%" HWADDR_PRIx "\n", memory_region_name(mr),
                     is_write ? "write" : "read", addr);
            return MEMTX_DECODE_ERROR;
        }
        leaf = address_space_translate_full(as, out, &xlat, &len, is_write,
                                            attrs, &readonly);
        if (len < size) {
            /* Straddles two sections behind the IOMMU: go byte-wise. */
            uint8_t buf[8];
            bool big = memop_big_endian(op);

            if (is_write) {
                value_to_lanes(*value, buf, size, big);
                return address_space_write(as, out, attrs, buf, size);
            }
            r = address_space_read(as, out, attrs, buf, size);
            *value = lanes_to_value(buf, size, big);
            return r;
        }
        if (is_write && readonly && !leaf->rom_device) {
            return MEMTX_OK;
        }
        return dispatch(leaf, xlat, value, op, attrs, is_write);
    }

    if (memory_access_is_direct(mr, is_write) ||
        (is_write && mr->ram && mr->ram_block)) {
        /* RAM, ROM, romd reads: memory is little endian like the host. */
        if ((u128)addr + size > mr->size) {
            log_mask(LOG_GUEST_ERROR, "Invalid %s at addr 0x%" HWADDR_PRIx
                     ", size %u, region '%s', reason: beyond the end of the "
                     "region\n", is_write ? "write" : "read", addr, size,
                     memory_region_name(mr));
            return MEMTX_DECODE_ERROR;
        }
        if (is_write) {
            if (mr->readonly || readonly) {
                log_mask(LOG_GUEST_ERROR, "write to ROM '%s' at 0x%" HWADDR_PRIx
                         " ignored\n", memory_region_name(mr), addr);
                return MEMTX_OK;
            }
            ram_store(mr->ram_block->host + addr, size,
                      memop_big_endian(op) ? bswap_size(*value, size) : *value);
            physmem_notify_ram_write(mr->ram_block, addr, size);
        } else {
            uint64_t v = ram_load(mr->ram_block->host + addr, size);

            *value = memop_big_endian(op) ? bswap_size(v, size) : v;
        }
        return MEMTX_OK;
    }

    if (!access_valid(mr, addr, size, is_write, attrs)) {
        return MEMTX_DECODE_ERROR;
    }
    key = reentrancy_key(mr);
    if (!mr->disable_reentrancy_guard && reentrancy_engaged(key)) {
        __atomic_add_fetch(&guard_hits, 1, __ATOMIC_RELAXED);
        log_mask(LOG_GUEST_ERROR, "Blocked re-entrant IO on MemoryRegion: "
                 "'%s' %s at addr 0x%" HWADDR_PRIx ", size %u\n",
                 memory_region_name(mr), is_write ? "write" : "read", addr,
                 size);
        return MEMTX_ACCESS_ERROR;
    }
    if (engaged_depth >= MAX_IO_NESTING) {
        log_mask(LOG_GUEST_ERROR, "memory: device access chain too deep at "
                 "'%s'\n", memory_region_name(mr));
        return MEMTX_ACCESS_ERROR;
    }

    uint64_t v = *value & size_mask(size);
    bool swap = memop_big_endian(op) != region_big_endian(mr);

    if (is_write && swap) {
        v = bswap_size(v, size);
    }
    engaged_in_io[engaged_depth++] = key;
    r = access_with_adjusted_size(mr, addr, &v, size, is_write, attrs);
    engaged_depth--;
    if (!is_write) {
        *value = swap ? bswap_size(v, size) : v;
    }
    return r;
}

MemTxResult memory_region_dispatch_read(MemoryRegion *mr, hwaddr addr,
                                        uint64_t *pval, MemOp op,
                                        MemTxAttrs attrs)
{
    uint64_t v = 0;
    MemTxResult r = dispatch(mr, addr, &v, op, attrs, false);
    unsigned size = memop_size(op);

    if (r != MEMTX_OK && (r & (MEMTX_DECODE_ERROR | MEMTX_ACCESS_ERROR))) {
        v = 0;
    }
    v &= size_mask(size);
    if ((op & MO_SIGN) && size < 8) {
        unsigned shift = 64 - 8 * size;

        v = (uint64_t)((int64_t)(v << shift) >> shift);
    }
    *pval = v;
    return r;
}

MemTxResult memory_region_dispatch_write(MemoryRegion *mr, hwaddr addr,
                                         uint64_t data, MemOp op,
                                         MemTxAttrs attrs)
{
    return dispatch(mr, addr, &data, op, attrs, true);
}
