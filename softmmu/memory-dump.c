/*
 * memory-dump.c - `info mtree` and `info mtree -f`: the region tree of each
 * address space and the flat views they render to, in the layout QEMU's
 * monitor uses (so people and scripts used to it can read ours).
 *
 *   address-space: memory
 *     0000000000000000-ffffffffffffffff (prio 0, container): system
 *       0000000040000000-0000000047ffffff (prio 0, ram): ram
 *       0000000050000000-00000000500007ff (prio 1, ram): alias lo @ram 0000000000000800-0000000000000fff
 *
 * Not for: changing anything; this only reads the tree.
 */
#include "util/osdep.h"
#include "exec/memory.h"
#include "memory-internal.h"

/*
 * The kind column. An alias shows the kind of what it finally points at
 * (as QEMU does); the line then says "alias NAME @TARGET ...".
 */
static const char *region_kind(const MemoryRegion *mr)
{
    for (unsigned depth = 0; mr->alias && depth < 64; depth++) {
        mr = mr->alias;
    }
    if (mr->ram_device) {
        return "ramd";
    }
    if (mr->rom_device) {
        return "romd";
    }
    if (mr->is_iommu) {
        return "iommu";
    }
    if (mr->ram) {
        return mr->readonly ? "rom" : "ram";
    }
    if (!mr->terminates) {
        return "container";
    }
    return "i/o";
}

/* Last byte of a region at @start, for printing; size 0 prints start - 1. */
static hwaddr range_last(u128 start, u128 size)
{
    return (hwaddr)(start + size - 1);
}

static gint child_cmp(gconstpointer a, gconstpointer b)
{
    const MemoryRegion *x = *(MemoryRegion *const *)a;
    const MemoryRegion *y = *(MemoryRegion *const *)b;

    if (x->addr != y->addr) {
        return x->addr < y->addr ? -1 : 1;
    }
    return (y->priority > x->priority) - (y->priority < x->priority);
}

static void print_region(GString *out, MemoryRegion *mr, unsigned level,
                         u128 base, GPtrArray *alias_targets)
{
    u128 start = base + mr->addr;
    GPtrArray *children;

    g_string_append_printf(out, "%*s%016" PRIx64 "-%016" PRIx64
                           " (prio %d, %s): ", level * 2, "",
                           (uint64_t)start, range_last(start, mr->size),
                           mr->priority, region_kind(mr));
    if (mr->alias) {
        MemoryRegion *target = mr->alias;

        g_string_append_printf(out, "alias %s @%s %016" PRIx64 "-%016" PRIx64,
                               memory_region_name(mr),
                               memory_region_name(target),
                               (uint64_t)mr->alias_offset,
                               range_last(mr->alias_offset, mr->size));
        if (!g_ptr_array_find(alias_targets, target, NULL)) {
            g_ptr_array_add(alias_targets, target);
        }
    } else {
        g_string_append(out, memory_region_name(mr));
    }
    g_string_append(out, mr->enabled ? "\n" : " [disabled]\n");

    children = g_ptr_array_new();
    for (MemoryRegion *sub = mr->subregions; sub; sub = sub->subregions_next) {
        g_ptr_array_add(children, sub);
    }
    g_ptr_array_sort(children, child_cmp);
    for (guint i = 0; i < children->len; i++) {
        print_region(out, g_ptr_array_index(children, i), level + 1, start,
                     alias_targets);
    }
    g_ptr_array_free(children, true);
}

static void print_tree(GString *out)
{
    GPtrArray *spaces = memory_address_spaces();
    GPtrArray *roots = g_ptr_array_new();
    GPtrArray *alias_targets = g_ptr_array_new();

    for (guint i = 0; i < spaces->len; i++) {
        AddressSpace *as = g_ptr_array_index(spaces, i);

        if (!as->root || g_ptr_array_find(roots, as->root, NULL)) {
            continue;
        }
        g_ptr_array_add(roots, as->root);
        /* Every address space with this root, then the tree once. */
        for (guint j = i; j < spaces->len; j++) {
            AddressSpace *other = g_ptr_array_index(spaces, j);

            if (other->root == as->root) {
                g_string_append_printf(out, "address-space: %s\n", other->name);
            }
        }
        print_region(out, as->root, 1, 0, alias_targets);
        g_string_append(out, "\n");
    }
    /* Regions reached only through aliases; may discover more targets. */
    for (guint i = 0; i < alias_targets->len; i++) {
        MemoryRegion *mr = g_ptr_array_index(alias_targets, i);

        if (g_ptr_array_find(roots, mr, NULL)) {
            continue;
        }
        g_ptr_array_add(roots, mr);
        g_string_append_printf(out, "memory-region: %s\n",
                               memory_region_name(mr));
        print_region(out, mr, 1, 0 - (u128)mr->addr, alias_targets);
        g_string_append(out, "\n");
    }
    g_ptr_array_free(alias_targets, true);
    g_ptr_array_free(roots, true);
}

static void print_flatviews(GString *out)
{
    GPtrArray *spaces = memory_address_spaces();
    GPtrArray *done = g_ptr_array_new();
    unsigned n = 0;

    for (guint i = 0; i < spaces->len; i++) {
        AddressSpace *as = g_ptr_array_index(spaces, i);
        FlatView *view = address_space_to_flatview(as);

        if (g_ptr_array_find(done, as->root, NULL)) {
            continue;
        }
        g_ptr_array_add(done, as->root);
        g_string_append_printf(out, "FlatView #%u\n", n++);
        for (guint j = i; j < spaces->len; j++) {
            AddressSpace *other = g_ptr_array_index(spaces, j);

            if (other->root == as->root) {
                g_string_append_printf(out, " AS \"%s\", root: %s\n",
                                       other->name,
                                       memory_region_name(other->root));
            }
        }
        g_string_append_printf(out, " Root memory region: %s\n",
                               as->root ? memory_region_name(as->root) : "(none)");
        if (view->nr == 0) {
            g_string_append(out, "  No rendered FlatView\n");
        }
        for (unsigned k = 0; k < view->nr; k++) {
            const FlatRange *fr = &view->ranges[k];
            const char *kind = region_kind(fr->mr);

            if (fr->readonly && fr->mr->ram) {
                kind = "rom";
            }
            g_string_append_printf(out, "  %016" PRIx64 "-%016" PRIx64
                                   " (prio %d, %s): %s",
                                   (uint64_t)fr->addr,
                                   range_last(fr->addr, fr->size),
                                   fr->mr->priority, kind,
                                   memory_region_name(fr->mr));
            if (fr->offset_in_region) {
                g_string_append_printf(out, " @%016" PRIx64,
                                       (uint64_t)fr->offset_in_region);
            }
            g_string_append(out, "\n");
        }
        g_string_append(out, "\n");
    }
    g_ptr_array_free(done, true);
}

void mtree_info(GString *out, bool flatview)
{
    if (flatview) {
        print_flatviews(out);
    } else {
        print_tree(out);
    }
}
