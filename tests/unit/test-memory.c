/*
 * test-memory.c - the region tree and what it renders to: every region
 * kind, overlap and priority (holes, nested containers), alias chains, the
 * flat view against a naive model, listeners per transaction, IOMMU
 * translation, address_space_rw / typed loads and stores / map, the RAM
 * write hook, ops validation at start-up, and `info mtree`.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"

static const MemTxAttrs unspec = { .unspecified = 1 };

/* The leaf at @addr of @as, and the offset in it. */
static MemoryRegion *leaf_at(AddressSpace *as, hwaddr addr, hwaddr *xlat)
{
    hwaddr x, len = 1;
    MemoryRegion *mr = address_space_translate(as, addr, &x, &len, false,
                                               unspec);

    if (xlat) {
        *xlat = x;
    }
    return mr;
}

static void assert_leaf(AddressSpace *as, hwaddr addr, MemoryRegion *want,
                        hwaddr want_xlat)
{
    hwaddr xlat;
    MemoryRegion *got = leaf_at(as, addr, &xlat);

    if (got != want || (want && !memory_region_is_unassigned(want) &&
                        xlat != want_xlat)) {
        g_test_message("at 0x%" PRIx64 ": got '%s'+0x%" PRIx64
                       ", want '%s'+0x%" PRIx64, addr,
                       memory_region_name(got), xlat,
                       memory_region_name(want), want_xlat);
        g_assert_not_reached();
    }
}

static MemoryRegion *unassigned(void)
{
    MemoryRegion root;
    AddressSpace as;
    MemoryRegion *mr;

    memory_region_init(&root, NULL, "x", 16);
    address_space_init(&as, &root, "probe");
    mr = leaf_at(&as, 0, NULL);
    address_space_destroy(&as);
    memory_region_destroy(&root);
    g_assert_true(memory_region_is_unassigned(mr));
    return mr;
}

/* ------------------------------------------------------------------ */
/* Region kinds                                                        */

static void test_empty_container(void)
{
    MemoryRegion root;
    AddressSpace as;
    hwaddr xlat, len = 0x10000;
    MemoryRegion *mr;

    memory_region_init(&root, NULL, "root", UINT64_MAX);
    g_assert_cmphex(memory_region_size(&root), ==, UINT64_MAX);
    address_space_init(&as, &root, "empty");
    mr = address_space_translate(&as, 0x1234, &xlat, &len, false, unspec);
    g_assert_true(memory_region_is_unassigned(mr));
    g_assert_cmphex(len, ==, 0x10000);
    g_assert_false(memory_region_present(&root, 0x1234));
    address_space_destroy(&as);
    memory_region_destroy(&root);
}

static void test_ram_region(void)
{
    MemoryRegion root, ram;
    AddressSpace as;
    uint8_t buf[16], back[16];
    hwaddr xlat, len = 0x100000;
    uint8_t *host;
    GError *err = NULL;

    memory_region_init(&root, NULL, "root", 1ULL << 32);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x10000, &err));
    g_assert_no_error(err);
    memory_region_add_subregion(&root, 0x40000000, &ram);
    address_space_init(&as, &root, "ram-as");

    host = memory_region_get_ram_ptr(&ram);
    g_assert_nonnull(host);
    g_assert_cmpuint((uintptr_t)host % 4096, ==, 0);
    g_assert_cmpuint(host[0x1234], ==, 0);      /* zero-filled */
    for (unsigned i = 0; i < sizeof(buf); i++) {
        buf[i] = i * 7 + 1;
    }
    g_assert_cmpuint(address_space_write(&as, 0x40000ff8, unspec, buf, 16),
                     ==, MEMTX_OK);
    g_assert_cmpmem(host + 0xff8, 16, buf, 16);
    g_assert_cmpuint(address_space_read(&as, 0x40000ff8, unspec, back, 16),
                     ==, MEMTX_OK);
    g_assert_cmpmem(back, 16, buf, 16);

    g_assert_true(address_space_translate(&as, 0x40000010, &xlat, &len, true,
                                          unspec) == &ram);
    g_assert_cmphex(xlat, ==, 0x10);
    g_assert_cmphex(len, ==, 0x10000 - 0x10);
    g_assert_true(memory_region_is_ram(&ram));
    g_assert_false(memory_region_is_rom(&ram));
    g_assert_true(memory_region_is_mapped(&ram));
    g_assert_cmphex(memory_region_get_ram_addr(&ram), !=, RAM_ADDR_INVALID);
    {
        ram_addr_t off;

        g_assert_true(memory_region_from_host(host + 0x123, &off) == &ram);
        g_assert_cmphex(off, ==, 0x123);
    }
    address_space_destroy(&as);
    memory_region_destroy(&ram);
    memory_region_destroy(&root);
}

static void test_ram_alloc_failure(void)
{
    MemoryRegion ram;
    GError *err = NULL;

    /* More than the address space of the host: must fail cleanly. */
    g_assert_false(memory_region_init_ram(&ram, NULL, "huge", UINT64_MAX - 4095,
                                          &err));
    g_assert_nonnull(err);
    g_assert_nonnull(strstr(err->message, "huge"));
    g_error_free(err);
}

static void test_rom_region(void)
{
    MemoryRegion root, rom;
    AddressSpace as;
    uint8_t *host;
    uint32_t v = 0xa1b2c3d4;
    MemTxResult r;

    memory_region_init(&root, NULL, "root", 0x100000);
    g_assert_true(memory_region_init_rom(&rom, NULL, "flash", 0x1000, NULL));
    memory_region_add_subregion(&root, 0x8000, &rom);
    address_space_init(&as, &root, "rom-as");
    host = memory_region_get_ram_ptr(&rom);
    g_assert_true(memory_region_is_rom(&rom));

    /* Loaders can write it ... */
    g_assert_cmpuint(address_space_write_rom(&as, 0x8010, unspec, &v, 4), ==,
                     MEMTX_OK);
    g_assert_cmphex(ldl_le_phys(&as, 0x8010), ==, 0xa1b2c3d4);
    /* ... the guest cannot (ignored, no error). */
    address_space_stl_le(&as, 0x8010, 0x11111111, unspec, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    v = 0x22222222;
    g_assert_cmpuint(address_space_write(&as, 0x8010, unspec, &v, 4), ==,
                     MEMTX_OK);
    g_assert_cmphex(*(uint32_t *)(host + 0x10), ==, 0xa1b2c3d4);
    address_space_destroy(&as);
    memory_region_destroy(&rom);
    memory_region_destroy(&root);
}

static unsigned romd_reads, romd_writes;
static uint64_t romd_last_write;

static uint64_t romd_read(void *opaque, hwaddr addr, unsigned size)
{
    romd_reads++;
    return 0x90;                /* "status register" in command mode */
}

static void romd_write(void *opaque, hwaddr addr, uint64_t v, unsigned size)
{
    romd_writes++;
    romd_last_write = v;
}

static const MemoryRegionOps romd_ops = {
    .read = romd_read, .write = romd_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void test_rom_device(void)
{
    MemoryRegion root, flash;
    AddressSpace as;
    uint8_t *host;

    memory_region_init(&root, NULL, "root", 0x100000);
    g_assert_true(memory_region_init_rom_device(&flash, NULL, &romd_ops, NULL,
                                                "pflash", 0x1000, NULL));
    memory_region_add_subregion(&root, 0, &flash);
    address_space_init(&as, &root, "romd-as");
    host = memory_region_get_ram_ptr(&flash);
    host[4] = 0x42;
    romd_reads = romd_writes = 0;

    /* romd mode: reads from the array, writes are commands. */
    g_assert_true(memory_region_is_romd(&flash));
    g_assert_false(memory_region_is_ram(&flash));
    g_assert_cmphex(ldub_phys(&as, 4), ==, 0x42);
    g_assert_cmpuint(romd_reads, ==, 0);
    stb_phys(&as, 4, 0xff);
    g_assert_cmpuint(romd_writes, ==, 1);
    g_assert_cmphex(romd_last_write, ==, 0xff);
    g_assert_cmphex(host[4], ==, 0x42);

    /* I/O mode: reads go to the device too. */
    memory_region_rom_device_set_romd(&flash, false);
    g_assert_false(memory_region_is_romd(&flash));
    g_assert_cmphex(ldub_phys(&as, 4), ==, 0x90);
    g_assert_cmpuint(romd_reads, ==, 1);
    memory_region_rom_device_set_romd(&flash, true);
    g_assert_cmphex(ldub_phys(&as, 4), ==, 0x42);
    address_space_destroy(&as);
    memory_region_destroy(&flash);
    memory_region_destroy(&root);
}

static void test_ram_ptr(void)
{
    static uint8_t backing[8192] __attribute__((aligned(4096)));
    MemoryRegion root, ram;
    AddressSpace as;

    memory_region_init(&root, NULL, "root", 0x100000);
    memory_region_init_ram_ptr(&ram, NULL, "ext", sizeof(backing), backing);
    memory_region_add_subregion(&root, 0x2000, &ram);
    address_space_init(&as, &root, "ptr-as");
    stq_be_phys(&as, 0x2008, 0x0102030405060708ULL);
    g_assert_cmphex(backing[8], ==, 0x01);
    g_assert_cmphex(backing[15], ==, 0x08);
    g_assert_true(memory_region_get_ram_ptr(&ram) == backing);
    address_space_destroy(&as);
    memory_region_destroy(&ram);
    memory_region_destroy(&root);
}

/* ------------------------------------------------------------------ */
/* Overlap, priority, holes                                            */

static void test_priority_overlap(void)
{
    MemoryRegion root, low, high, same1, same2;
    AddressSpace as;
    MemoryRegion *none = unassigned();

    memory_region_init(&root, NULL, "root", 0x10000);
    g_assert_true(memory_region_init_ram(&low, NULL, "low", 0x4000, NULL));
    g_assert_true(memory_region_init_ram(&high, NULL, "high", 0x1000, NULL));
    memory_region_add_subregion(&root, 0x1000, &low);
    memory_region_add_subregion_overlap(&root, 0x2000, &high, 1);
    address_space_init(&as, &root, "prio");

    assert_leaf(&as, 0x0fff, none, 0);
    assert_leaf(&as, 0x1000, &low, 0);
    assert_leaf(&as, 0x1fff, &low, 0xfff);
    assert_leaf(&as, 0x2000, &high, 0);
    assert_leaf(&as, 0x2fff, &high, 0xfff);
    assert_leaf(&as, 0x3000, &low, 0x2000);     /* low resumes at its offset */
    assert_leaf(&as, 0x4fff, &low, 0x3fff);
    assert_leaf(&as, 0x5000, none, 0);

    /* Lower priority added later still loses. */
    memory_region_del_subregion(&root, &high);
    memory_region_add_subregion_overlap(&root, 0x2000, &high, -1);
    assert_leaf(&as, 0x2000, &low, 0x1000);

    /* Equal priority: the one added last wins. */
    g_assert_true(memory_region_init_ram(&same1, NULL, "same1", 0x100, NULL));
    g_assert_true(memory_region_init_ram(&same2, NULL, "same2", 0x100, NULL));
    memory_region_add_subregion_overlap(&root, 0x8000, &same1, 5);
    memory_region_add_subregion_overlap(&root, 0x8080, &same2, 5);
    assert_leaf(&as, 0x8000, &same1, 0);
    assert_leaf(&as, 0x8080, &same2, 0);
    assert_leaf(&as, 0x8100, &same2, 0x80);

    /* Removing the winner uncovers the other. */
    memory_region_del_subregion(&root, &same2);
    assert_leaf(&as, 0x8080, &same1, 0x80);
    assert_leaf(&as, 0x8100, none, 0);

    address_space_destroy(&as);
    memory_region_destroy(&same1);
    memory_region_destroy(&same2);
    memory_region_destroy(&high);
    memory_region_destroy(&low);
    memory_region_destroy(&root);
}

static void test_nested_containers_and_holes(void)
{
    MemoryRegion root, outer, inner, a, b, bg;
    AddressSpace as;
    MemoryRegion *none = unassigned();

    /*
     * root
     *   bg      0x0000-0xffff ram prio 0
     *   outer   0x4000-0x7fff container prio 1
     *     inner 0x1000-0x1fff container (abs 0x5000)
     *       a   0x0100-0x01ff ram (abs 0x5100)
     *     b     0x3000-0x3fff ram (abs 0x7000)
     * Holes in outer show bg; a hole inside inner shows bg too.
     */
    memory_region_init(&root, NULL, "root", 0x10000);
    g_assert_true(memory_region_init_ram(&bg, NULL, "bg", 0x10000, NULL));
    memory_region_init(&outer, NULL, "outer", 0x4000);
    memory_region_init(&inner, NULL, "inner", 0x1000);
    g_assert_true(memory_region_init_ram(&a, NULL, "a", 0x100, NULL));
    g_assert_true(memory_region_init_ram(&b, NULL, "b", 0x1000, NULL));
    memory_region_add_subregion(&root, 0, &bg);
    memory_region_add_subregion(&inner, 0x100, &a);
    memory_region_add_subregion(&outer, 0x1000, &inner);
    memory_region_add_subregion(&outer, 0x3000, &b);
    memory_region_add_subregion_overlap(&root, 0x4000, &outer, 1);
    address_space_init(&as, &root, "nest");

    assert_leaf(&as, 0x4000, &bg, 0x4000);
    assert_leaf(&as, 0x5000, &bg, 0x5000);
    assert_leaf(&as, 0x5100, &a, 0);
    assert_leaf(&as, 0x51ff, &a, 0xff);
    assert_leaf(&as, 0x5200, &bg, 0x5200);
    assert_leaf(&as, 0x7000, &b, 0);
    assert_leaf(&as, 0x8000, &bg, 0x8000);

    /* A child sticking out of its container is clipped to it. */
    memory_region_set_address(&a, 0xf80);
    assert_leaf(&as, 0x5f80, &a, 0);
    assert_leaf(&as, 0x5fff, &a, 0x7f);
    assert_leaf(&as, 0x6000, &bg, 0x6000);

    /* Disabling hides a region and what it contains. */
    memory_region_set_enabled(&inner, false);
    assert_leaf(&as, 0x5f80, &bg, 0x5f80);
    memory_region_set_enabled(&inner, true);
    assert_leaf(&as, 0x5f80, &a, 0);

    /* Moving a container moves its children. */
    memory_region_set_address(&outer, 0x8000);
    assert_leaf(&as, 0x9f80, &a, 0);
    assert_leaf(&as, 0xb000, &b, 0);
    assert_leaf(&as, 0x7000, &bg, 0x7000);

    /* Without the background, holes are unassigned. */
    memory_region_del_subregion(&root, &bg);
    assert_leaf(&as, 0x8000, none, 0);
    assert_leaf(&as, 0x9f80, &a, 0);

    address_space_destroy(&as);
    memory_region_destroy(&a);
    memory_region_destroy(&b);
    memory_region_destroy(&inner);
    memory_region_destroy(&outer);
    memory_region_destroy(&bg);
    memory_region_destroy(&root);
}

static uint64_t const_read(void *opaque, hwaddr addr, unsigned size)
{
    return (uintptr_t)opaque;
}

static void ignore_write(void *opaque, hwaddr addr, uint64_t v, unsigned size)
{
}

static const MemoryRegionOps const_ops = {
    .read = const_read, .write = ignore_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

/* An I/O region with subregions: children over it, itself in between. */
static void test_io_with_subregions(void)
{
    MemoryRegion root, bar, quirk;
    AddressSpace as;

    memory_region_init(&root, NULL, "root", 0x10000);
    memory_region_init_io(&bar, NULL, &const_ops, (void *)0x11, "bar", 0x1000);
    memory_region_init_io(&quirk, NULL, &const_ops, (void *)0x22, "quirk", 0x10);
    memory_region_add_subregion_overlap(&bar, 0x800, &quirk, 1);
    memory_region_add_subregion(&root, 0x1000, &bar);
    address_space_init(&as, &root, "bar-as");
    assert_leaf(&as, 0x1000, &bar, 0);
    assert_leaf(&as, 0x1800, &quirk, 0);
    assert_leaf(&as, 0x1810, &bar, 0x810);
    g_assert_cmphex(ldub_phys(&as, 0x1804), ==, 0x22);
    g_assert_cmphex(ldub_phys(&as, 0x1904), ==, 0x11);
    address_space_destroy(&as);
    memory_region_destroy(&quirk);
    memory_region_destroy(&bar);
    memory_region_destroy(&root);
}

/* ------------------------------------------------------------------ */
/* Aliases                                                             */

static void test_alias_chain(void)
{
    MemoryRegion root, ram, a1, a2, ro;
    AddressSpace as;
    uint8_t *host;
    bool readonly;
    hwaddr xlat, len = 0x1000;
    MemoryRegion *mr;

    memory_region_init(&root, NULL, "root", 0x100000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x10000, NULL));
    /* a1 = ram[0x4000, +0x2000); a2 = a1[0x1000, +0x800) = ram[0x5000..] */
    memory_region_init_alias(&a1, NULL, "a1", &ram, 0x4000, 0x2000);
    memory_region_init_alias(&a2, NULL, "a2", &a1, 0x1000, 0x800);
    memory_region_add_subregion(&root, 0x20000, &a2);
    address_space_init(&as, &root, "alias-as");
    host = memory_region_get_ram_ptr(&ram);

    assert_leaf(&as, 0x20000, &ram, 0x5000);
    assert_leaf(&as, 0x207ff, &ram, 0x57ff);
    assert_leaf(&as, 0x20800, unassigned(), 0);
    stl_le_phys(&as, 0x20010, 0xfeedf00d);
    g_assert_cmphex(*(uint32_t *)(host + 0x5010), ==, 0xfeedf00d);
    g_assert_true(memory_region_get_ram_ptr(&a2) == host + 0x5000);

    /* Moving the window of the inner alias moves what the outer shows. */
    memory_region_set_alias_offset(&a1, 0x8000);
    assert_leaf(&as, 0x20000, &ram, 0x9000);
    /* The unmapped target region's own address does not matter. */
    memory_region_set_address(&ram, 0x123000);
    assert_leaf(&as, 0x20000, &ram, 0x9000);

    /* A read-only alias: the view says so, writes are dropped. */
    memory_region_init_alias(&ro, NULL, "ro", &ram, 0, 0x1000);
    memory_region_set_readonly(&ro, true);
    memory_region_add_subregion(&root, 0x40000, &ro);
    mr = address_space_translate_full(&as, 0x40000, &xlat, &len, true, unspec,
                                      &readonly);
    g_assert_true(mr == &ram);
    g_assert_true(readonly);
    host[0] = 0x5a;
    stb_phys(&as, 0x40000, 0xa5);
    g_assert_cmphex(host[0], ==, 0x5a);
    g_assert_cmphex(ldub_phys(&as, 0x40000), ==, 0x5a);
    mr = address_space_translate_full(&as, 0x20000, &xlat, &len, true, unspec,
                                      &readonly);
    g_assert_false(readonly);

    address_space_destroy(&as);
    memory_region_destroy(&ro);
    memory_region_destroy(&a2);
    memory_region_destroy(&a1);
    memory_region_destroy(&ram);
    memory_region_destroy(&root);
}

/* ------------------------------------------------------------------ */
/* Flat view against a naive model                                     */

#define MODEL_SPACE 0x400
#define MODEL_REGIONS 24

typedef struct ModelNode {
    MemoryRegion mr;
    int kind;                   /* 0 container, 1 io leaf, 2 alias */
    int parent;                 /* -1: root */
    unsigned children;
} ModelNode;

static ModelNode model[MODEL_REGIONS];
static MemoryRegion model_root;

/*
 * Independent of the renderer: resolve one address by walking the tree the
 * way the rules read (children by priority, later-added first among equal
 * ones, holes fall through, aliases redirect, leaves catch what is left).
 */
static MemoryRegion *model_resolve(MemoryRegion *mr, hwaddr addr,
                                   hwaddr *off, unsigned depth)
{
    MemoryRegion *best = NULL;

    if (depth > 40 || !mr->enabled || addr >= memory_region_size(mr)) {
        return NULL;
    }
    if (mr->alias) {
        return model_resolve(mr->alias, addr + mr->alias_offset, off,
                             depth + 1);
    }
    {
        /* Gather children, sort by (priority desc, insertion order desc). */
        MemoryRegion *kids[MODEL_REGIONS + 1];
        unsigned n = 0;

        for (MemoryRegion *c = mr->subregions; c; c = c->subregions_next) {
            kids[n++] = c;
        }
        /* The list order is the core's; re-derive it from priorities only
         * through a stable sort, so a wrong insertion would show up. */
        for (unsigned i = 1; i < n; i++) {
            for (unsigned j = i; j > 0 &&
                 kids[j - 1]->priority < kids[j]->priority; j--) {
                MemoryRegion *t = kids[j];

                kids[j] = kids[j - 1];
                kids[j - 1] = t;
            }
        }
        for (unsigned i = 0; i < n && !best; i++) {
            if (addr >= kids[i]->addr) {
                best = model_resolve(kids[i], addr - kids[i]->addr, off,
                                     depth + 1);
            }
        }
    }
    if (!best && mr->terminates) {
        *off = addr;
        best = mr;
    }
    return best;
}

static void test_flatview_random_model(void)
{
    GRand *rand = g_rand_new_with_seed(20261125);
    MemoryRegion *none = unassigned();
    AddressSpace as;
    unsigned checked = 0;

    for (int round = 0; round < 40; round++) {
        memory_region_init(&model_root, NULL, "mroot", MODEL_SPACE);
        address_space_init(&as, &model_root, "model");
        memory_region_transaction_begin();
        for (int i = 0; i < MODEL_REGIONS; i++) {
            ModelNode *n = &model[i];
            uint64_t size = 0x10 * g_rand_int_range(rand, 1, 24);
            char name[16];
            MemoryRegion *parent;

            snprintf(name, sizeof(name), "r%d", i);
            n->kind = g_rand_int_range(rand, 0, 3);
            if (n->kind == 2 && i < 2) {
                n->kind = 1;
            }
            if (n->kind == 0) {
                memory_region_init(&n->mr, NULL, name, size);
            } else if (n->kind == 1) {
                memory_region_init_io(&n->mr, NULL, &const_ops,
                                      (void *)(uintptr_t)i, name, size);
            } else {
                /* Alias of an earlier non-alias region (no cycles). */
                int t = g_rand_int_range(rand, 0, i);

                while (model[t].kind == 2) {
                    t = g_rand_int_range(rand, 0, i);
                }
                memory_region_init_alias(&n->mr, NULL, name, &model[t].mr,
                                         0x10 * g_rand_int_range(rand, 0, 8),
                                         size);
            }
            /* Parent: root or an earlier container. */
            n->parent = -1;
            parent = &model_root;
            if (g_rand_boolean(rand)) {
                int p = g_rand_int_range(rand, 0, i + 1);

                if (p < i && model[p].kind == 0) {
                    n->parent = p;
                    parent = &model[p].mr;
                }
            }
            /* Aliases are never placed inside their own target chain. */
            if (n->kind == 2 && n->parent >= 0) {
                n->parent = -1;
                parent = &model_root;
            }
            memory_region_add_subregion_overlap(parent,
                    0x10 * g_rand_int_range(rand, 0, MODEL_SPACE / 0x10),
                    &n->mr, g_rand_int_range(rand, -2, 3));
            if (g_rand_int_range(rand, 0, 10) == 0) {
                memory_region_set_enabled(&n->mr, false);
            }
        }
        memory_region_transaction_commit();

        for (hwaddr addr = 0; addr < MODEL_SPACE; addr += 4) {
            hwaddr want_off = 0;
            MemoryRegion *want = model_resolve(&model_root, addr, &want_off, 0);

            assert_leaf(&as, addr, want ? want : none, want_off);
            checked++;
        }

        address_space_destroy(&as);
        for (int i = MODEL_REGIONS - 1; i >= 0; i--) {
            memory_region_destroy(&model[i].mr);
        }
        memory_region_destroy(&model_root);
    }
    g_assert_cmpuint(checked, ==, 40 * MODEL_SPACE / 4);
    g_rand_free(rand);
}

/* Many regions: lookups stay right (binary search over thousands). */
static void test_flatview_many_regions(void)
{
    enum { N = 4096 };
    MemoryRegion root, *regs = g_new0(MemoryRegion, N);
    AddressSpace as;

    memory_region_init(&root, NULL, "root", UINT64_MAX);
    memory_region_transaction_begin();
    for (unsigned i = 0; i < N; i++) {
        memory_region_init_io(&regs[i], NULL, &const_ops, (void *)(uintptr_t)i,
                              "r", 0x100);
        /* Every other page, in scrambled order. */
        memory_region_add_subregion(&root, 0x2000ULL * ((i * 2654435761u) % N),
                                    &regs[i]);
    }
    memory_region_transaction_commit();
    address_space_init(&as, &root, "many");
    for (unsigned i = 0; i < N; i++) {
        hwaddr base = 0x2000ULL * ((i * 2654435761u) % N);

        assert_leaf(&as, base + 0x80, &regs[i], 0x80);
        g_assert_true(memory_region_is_unassigned(leaf_at(&as, base + 0x100,
                                                          NULL)));
    }
    address_space_destroy(&as);
    for (unsigned i = 0; i < N; i++) {
        memory_region_destroy(&regs[i]);
    }
    memory_region_destroy(&root);
    g_free(regs);
}

/* A region covering the whole 64-bit space, and the very top byte. */
static void test_top_of_address_space(void)
{
    MemoryRegion root, io, top;
    AddressSpace as;
    hwaddr xlat, len = 16;

    memory_region_init(&root, NULL, "root", UINT64_MAX);
    memory_region_init_io(&io, NULL, &const_ops, (void *)1, "all", UINT64_MAX);
    memory_region_init_io(&top, NULL, &const_ops, (void *)2, "top", 0x1000);
    memory_region_add_subregion(&root, 0, &io);
    memory_region_add_subregion_overlap(&root, 0xfffffffffffff000ULL, &top, 1);
    address_space_init(&as, &root, "top-as");
    assert_leaf(&as, 0, &io, 0);
    assert_leaf(&as, 0xffffffffffffefffULL, &io, 0xffffffffffffefffULL);
    assert_leaf(&as, 0xffffffffffffffffULL, &top, 0xfff);
    g_assert_true(address_space_translate(&as, 0xfffffffffffffff8ULL, &xlat,
                                          &len, false, unspec) == &top);
    g_assert_cmphex(len, ==, 8);
    address_space_destroy(&as);
    memory_region_destroy(&top);
    memory_region_destroy(&io);
    memory_region_destroy(&root);
}

/* ------------------------------------------------------------------ */
/* Listeners and transactions                                          */

typedef struct CountingListener {
    MemoryListener l;
    unsigned begin, commit, add, del, nop;
    GString *events;
} CountingListener;

static void cl_begin(MemoryListener *l)
{
    CountingListener *c = container_of(l, CountingListener, l);

    c->begin++;
    g_string_append_printf(c->events, "%s:begin ", l->name);
}

static void cl_commit(MemoryListener *l)
{
    CountingListener *c = container_of(l, CountingListener, l);

    c->commit++;
    g_string_append_printf(c->events, "%s:commit ", l->name);
}

static void cl_add(MemoryListener *l, MemoryRegionSection *s)
{
    CountingListener *c = container_of(l, CountingListener, l);

    c->add++;
    g_string_append_printf(c->events, "%s:add(%s@%" PRIx64 "+%" PRIx64 ") ",
                           l->name, memory_region_name(s->mr),
                           s->offset_within_address_space, s->size);
}

static void cl_del(MemoryListener *l, MemoryRegionSection *s)
{
    CountingListener *c = container_of(l, CountingListener, l);

    c->del++;
    g_string_append_printf(c->events, "%s:del(%s@%" PRIx64 "+%" PRIx64 ") ",
                           l->name, memory_region_name(s->mr),
                           s->offset_within_address_space, s->size);
}

static void cl_nop(MemoryListener *l, MemoryRegionSection *s)
{
    CountingListener *c = container_of(l, CountingListener, l);

    c->nop++;
}

static void cl_init(CountingListener *c, const char *name, int priority)
{
    memset(c, 0, sizeof(*c));
    c->l = (MemoryListener) {
        .begin = cl_begin, .commit = cl_commit, .region_add = cl_add,
        .region_del = cl_del, .region_nop = cl_nop, .priority = priority,
        .name = name,
    };
    c->events = g_string_new("");
}

static void cl_reset(CountingListener *c)
{
    c->begin = c->commit = c->add = c->del = c->nop = 0;
    g_string_truncate(c->events, 0);
}

static void test_listener_transactions(void)
{
    MemoryRegion root, r1, r2, r3;
    AddressSpace as;
    CountingListener c;

    memory_region_init(&root, NULL, "root", 0x100000);
    g_assert_true(memory_region_init_ram(&r1, NULL, "r1", 0x1000, NULL));
    g_assert_true(memory_region_init_ram(&r2, NULL, "r2", 0x1000, NULL));
    g_assert_true(memory_region_init_ram(&r3, NULL, "r3", 0x1000, NULL));
    memory_region_add_subregion(&root, 0x1000, &r1);
    address_space_init(&as, &root, "listen");
    cl_init(&c, "L", 0);

    /* Registration replays the current view. */
    memory_listener_register(&c.l, &as);
    g_assert_cmpuint(c.begin, ==, 1);
    g_assert_cmpuint(c.add, ==, 1);
    g_assert_cmpuint(c.commit, ==, 1);
    g_assert_cmpstr(c.events->str, ==, "L:begin L:add(r1@1000+1000) L:commit ");

    /* Three changes in one transaction: told once. */
    cl_reset(&c);
    memory_region_transaction_begin();
    memory_region_add_subregion(&root, 0x4000, &r2);
    memory_region_add_subregion(&root, 0x8000, &r3);
    memory_region_set_address(&r1, 0x2000);
    /* Nothing is told, and nothing moves, until the outer commit. */
    g_assert_cmpuint(c.begin, ==, 0);
    g_assert_true(leaf_at(&as, 0x1000, NULL) == &r1);
    memory_region_transaction_commit();
    g_assert_cmpuint(c.begin, ==, 1);
    g_assert_cmpuint(c.commit, ==, 1);
    g_assert_cmpuint(c.del, ==, 1);
    g_assert_cmpuint(c.add, ==, 3);
    g_assert_cmpuint(c.nop, ==, 0);
    g_assert_cmpstr(c.events->str, ==,
                    "L:begin L:del(r1@1000+1000) L:add(r1@2000+1000) "
                    "L:add(r2@4000+1000) L:add(r3@8000+1000) L:commit ");
    g_assert_true(leaf_at(&as, 0x2000, NULL) == &r1);

    /* Nested transactions: only the outermost commit counts. */
    cl_reset(&c);
    memory_region_transaction_begin();
    memory_region_transaction_begin();
    memory_region_set_enabled(&r2, false);
    memory_region_transaction_commit();
    g_assert_cmpuint(c.begin, ==, 0);
    memory_region_transaction_commit();
    g_assert_cmpuint(c.begin, ==, 1);
    g_assert_cmpuint(c.del, ==, 1);
    g_assert_cmpuint(c.add, ==, 0);
    g_assert_cmpuint(c.nop, ==, 2);

    /* A transaction that changes nothing tells nothing. */
    cl_reset(&c);
    memory_region_transaction_begin();
    memory_region_transaction_commit();
    g_assert_cmpuint(c.begin, ==, 0);

    /* Unregistering removes every section. */
    cl_reset(&c);
    memory_listener_unregister(&c.l);
    g_assert_cmpuint(c.del, ==, 2);
    g_assert_cmpuint(c.begin, ==, 1);
    cl_reset(&c);
    memory_region_set_enabled(&r2, true);
    g_assert_cmpuint(c.begin, ==, 0);

    address_space_destroy(&as);
    memory_region_destroy(&r1);
    memory_region_destroy(&r2);
    memory_region_destroy(&r3);
    memory_region_destroy(&root);
    g_string_free(c.events, true);
}

/* Listener priority: begin/add/commit ascending, del descending. */
static void test_listener_priority_order(void)
{
    MemoryRegion root, r;
    AddressSpace as;
    CountingListener lo, hi;
    GString *shared = g_string_new("");

    memory_region_init(&root, NULL, "root", 0x10000);
    g_assert_true(memory_region_init_ram(&r, NULL, "r", 0x1000, NULL));
    address_space_init(&as, &root, "prio-listen");
    cl_init(&hi, "hi", 10);
    cl_init(&lo, "lo", -10);
    g_string_free(hi.events, true);
    g_string_free(lo.events, true);
    hi.events = lo.events = shared;
    memory_listener_register(&hi.l, &as);
    memory_listener_register(&lo.l, &as);
    g_string_truncate(shared, 0);
    memory_region_add_subregion(&root, 0, &r);
    g_assert_cmpstr(shared->str, ==,
                    "lo:begin hi:begin lo:add(r@0+1000) hi:add(r@0+1000) "
                    "lo:commit hi:commit ");
    g_string_truncate(shared, 0);
    memory_region_del_subregion(&root, &r);
    g_assert_cmpstr(shared->str, ==,
                    "lo:begin hi:begin hi:del(r@0+1000) lo:del(r@0+1000) "
                    "lo:commit hi:commit ");
    /* A listener on another address space is not told about this one. */
    {
        MemoryRegion root2;
        AddressSpace as2;
        CountingListener other;

        memory_region_init(&root2, NULL, "root2", 0x10000);
        address_space_init(&as2, &root2, "other");
        cl_init(&other, "o", 0);
        memory_listener_register(&other.l, &as2);
        cl_reset(&other);
        memory_region_add_subregion(&root, 0, &r);
        g_assert_cmpuint(other.add, ==, 0);
        g_assert_cmpuint(other.begin, ==, 1);  /* global begin/commit */
        address_space_destroy(&as2);            /* unregisters it */
        g_assert_cmpuint(other.del, ==, 0);
        memory_region_destroy(&root2);
        g_string_free(other.events, true);
        memory_region_del_subregion(&root, &r);
    }
    address_space_destroy(&as);
    memory_region_destroy(&r);
    memory_region_destroy(&root);
    g_string_free(shared, true);
}

/* romd mode and readonly changes are view changes listeners hear about. */
static void test_listener_sees_romd_toggle(void)
{
    MemoryRegion root, flash;
    AddressSpace as;
    CountingListener c;

    memory_region_init(&root, NULL, "root", 0x10000);
    g_assert_true(memory_region_init_rom_device(&flash, NULL, &romd_ops, NULL,
                                                "flash", 0x1000, NULL));
    memory_region_add_subregion(&root, 0, &flash);
    address_space_init(&as, &root, "romd-listen");
    cl_init(&c, "L", 0);
    memory_listener_register(&c.l, &as);
    cl_reset(&c);
    memory_region_rom_device_set_romd(&flash, false);
    g_assert_cmpuint(c.del, ==, 1);
    g_assert_cmpuint(c.add, ==, 1);
    memory_listener_unregister(&c.l);
    address_space_destroy(&as);
    memory_region_destroy(&flash);
    memory_region_destroy(&root);
    g_string_free(c.events, true);
}

/* ------------------------------------------------------------------ */
/* IOMMU                                                               */

static AddressSpace iommu_target_as;

/* Maps 4K page N of the IOMMU window to page N + 0x10 downstream; page 3 faults;
 * page 4 is read-only. */
static IOMMUTLBEntry test_translate(MemoryRegion *iommu, void *opaque,
                                    hwaddr addr, IOMMUAccessFlags flag,
                                    int iommu_idx)
{
    hwaddr page = addr >> 12;

    return (IOMMUTLBEntry) {
        .target_as = &iommu_target_as,
        .iova = addr & ~0xfffULL,
        .translated_addr = (page + 0x10) << 12,
        .addr_mask = 0xfff,
        .perm = page == 3 ? IOMMU_NONE : page == 4 ? IOMMU_RO : IOMMU_RW,
    };
}

static const IOMMUMemoryRegionOps test_iommu_ops = {
    .translate = test_translate,
};

static void test_iommu(void)
{
    MemoryRegion sys, ram, dev_root, iommu;
    AddressSpace dev_as;
    hwaddr xlat, len = 0x2000;
    uint8_t *host;
    MemTxResult r;
    MemoryRegion *mr;

    memory_region_init(&sys, NULL, "sys", 0x100000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x100000, NULL));
    memory_region_add_subregion(&sys, 0, &ram);
    address_space_init(&iommu_target_as, &sys, "iommu-target");
    memory_region_init(&dev_root, NULL, "dev-root", UINT64_MAX);
    memory_region_init_iommu(&iommu, NULL, &test_iommu_ops, NULL, "iommu",
                             0x10000);
    memory_region_add_subregion(&dev_root, 0, &iommu);
    address_space_init(&dev_as, &dev_root, "dev");
    host = memory_region_get_ram_ptr(&ram);
    g_assert_true(memory_region_is_iommu(&iommu));

    mr = address_space_translate(&dev_as, 0x1234, &xlat, &len, false, unspec);
    g_assert_true(mr == &ram);
    g_assert_cmphex(xlat, ==, 0x11234);
    g_assert_cmphex(len, ==, 0x1000 - 0x234);  /* clipped to the IOMMU page */

    address_space_stl_le(&dev_as, 0x2008, 0xabcdef01, unspec, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmphex(*(uint32_t *)(host + 0x12008), ==, 0xabcdef01);

    /* A DMA buffer spanning pages 5 and 6 lands in two downstream pages. */
    {
        uint8_t buf[32];

        memset(buf, 0x77, sizeof(buf));
        g_assert_cmpuint(dma_memory_write(&dev_as, 0x5ff0, buf, 32, unspec),
                         ==, MEMTX_OK);
        g_assert_cmphex(host[0x15ff0], ==, 0x77);
        g_assert_cmphex(host[0x1600f], ==, 0x77);
        g_assert_cmphex(host[0x16010], ==, 0);
    }

    log_set_mask(0);
    /* Fault and permission. */
    address_space_ldl_le(&dev_as, 0x3000, unspec, &r);
    g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);
    address_space_ldl_le(&dev_as, 0x4000, unspec, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    address_space_stl_le(&dev_as, 0x4000, 1, unspec, &r);
    g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);
    /* Dispatch on the IOMMU region itself forwards the same way. */
    {
        uint64_t v;

        g_assert_cmpuint(memory_region_dispatch_read(&iommu, 0x2008, &v,
                                                     MO_LEUL, unspec), ==,
                         MEMTX_OK);
        g_assert_cmphex(v, ==, 0xabcdef01);
        g_assert_cmpuint(memory_region_dispatch_read(&iommu, 0x3000, &v,
                                                     MO_LEUL, unspec), ==,
                         MEMTX_DECODE_ERROR);
    }

    address_space_destroy(&dev_as);
    address_space_destroy(&iommu_target_as);
    memory_region_destroy(&iommu);
    memory_region_destroy(&dev_root);
    memory_region_destroy(&ram);
    memory_region_destroy(&sys);
}

/* ------------------------------------------------------------------ */
/* address_space_rw, typed accesses, map                               */

static void test_rw_across_regions(void)
{
    MemoryRegion root, ram, io;
    AddressSpace as;
    uint8_t buf[0x30];
    uint8_t *host;
    MemTxResult r;

    memory_region_init(&root, NULL, "root", 0x10000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x1000, NULL));
    memory_region_init_io(&io, NULL, &const_ops, (void *)0xcdcdcdcd, "io", 0x10);
    memory_region_add_subregion(&root, 0, &ram);
    memory_region_add_subregion(&root, 0x1000, &io);
    /* 0x1010..0x101f is a hole */
    address_space_init(&as, &root, "span");
    host = memory_region_get_ram_ptr(&ram);
    memset(host + 0xff0, 0xaa, 0x10);
    memset(buf, 0x11, sizeof(buf));
    log_set_mask(0);
    r = address_space_read(&as, 0xff0, unspec, buf, 0x30);
    g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);     /* the hole */
    for (int i = 0; i < 0x10; i++) {
        g_assert_cmphex(buf[i], ==, 0xaa);
        g_assert_cmphex(buf[0x10 + i], ==, 0xcd);
        g_assert_cmphex(buf[0x20 + i], ==, 0);
    }
    g_assert_cmpuint(address_space_read(&as, 0xff0, unspec, buf, 0x20), ==,
                     MEMTX_OK);
    g_assert_true(address_space_access_valid(&as, 0xff0, 0x20, false, unspec));
    g_assert_false(address_space_access_valid(&as, 0xff0, 0x21, false, unspec));

    /* A typed load straddling RAM and the device. */
    host[0xffe] = 0x01;
    host[0xfff] = 0x02;
    g_assert_cmphex(address_space_ldl_le(&as, 0xffe, unspec, &r), ==,
                    0xcdcd0201);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmphex(address_space_ldl_be(&as, 0xffe, unspec, &r), ==,
                    0x0102cdcd);
    address_space_destroy(&as);
    memory_region_destroy(&io);
    memory_region_destroy(&ram);
    memory_region_destroy(&root);
}

static void test_typed_loads_stores(void)
{
    MemoryRegion root, ram;
    AddressSpace as;
    uint8_t *h;
    MemTxResult r = 99;

    memory_region_init(&root, NULL, "root", 0x10000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x1000, NULL));
    memory_region_add_subregion(&root, 0x1000, &ram);
    address_space_init(&as, &root, "typed");
    h = memory_region_get_ram_ptr(&ram);

    address_space_stb(&as, 0x1000, 0x1ff, unspec, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmphex(h[0], ==, 0xff);
    g_assert_cmphex(h[1], ==, 0x00);
    address_space_stw_le(&as, 0x1002, 0x1234, unspec, NULL);
    g_assert_cmphex(h[2], ==, 0x34);
    address_space_stw_be(&as, 0x1004, 0x1234, unspec, NULL);
    g_assert_cmphex(h[4], ==, 0x12);
    address_space_stl_le(&as, 0x1008, 0x01020304, unspec, NULL);
    g_assert_cmphex(h[8], ==, 0x04);
    address_space_stl_be(&as, 0x100c, 0x01020304, unspec, NULL);
    g_assert_cmphex(h[0xc], ==, 0x01);
    address_space_stq_le(&as, 0x1011, 0x0102030405060708ULL, unspec, NULL);
    g_assert_cmphex(h[0x11], ==, 0x08);
    address_space_stq_be(&as, 0x1021, 0x0102030405060708ULL, unspec, NULL);
    g_assert_cmphex(h[0x21], ==, 0x01);

    g_assert_cmphex(address_space_ldub(&as, 0x1000, unspec, NULL), ==, 0xff);
    g_assert_cmphex(address_space_lduw_le(&as, 0x1002, unspec, NULL), ==, 0x1234);
    g_assert_cmphex(address_space_lduw_be(&as, 0x1002, unspec, NULL), ==, 0x3412);
    g_assert_cmphex(address_space_ldl_le(&as, 0x1008, unspec, NULL), ==,
                    0x01020304);
    g_assert_cmphex(address_space_ldl_be(&as, 0x1008, unspec, NULL), ==,
                    0x04030201);
    g_assert_cmphex(address_space_ldq_le(&as, 0x1011, unspec, NULL), ==,
                    0x0102030405060708ULL);
    g_assert_cmphex(address_space_ldq_be(&as, 0x1021, unspec, NULL), ==,
                    0x0102030405060708ULL);
    g_assert_cmphex(lduw_be_phys(&as, 0x1004), ==, 0x1234);
    g_assert_cmphex(ldl_be_phys(&as, 0x100c), ==, 0x01020304);
    g_assert_cmphex(ldq_be_phys(&as, 0x1021), ==, 0x0102030405060708ULL);
    stw_be_phys(&as, 0x1030, 0xbeef);
    stl_be_phys(&as, 0x1034, 0xdeadbeef);
    stq_le_phys(&as, 0x1038, 0x1122334455667788ULL);
    stw_le_phys(&as, 0x1040, 0xbeef);
    g_assert_cmphex(lduw_le_phys(&as, 0x1030), ==, 0xefbe);
    g_assert_cmphex(ldl_le_phys(&as, 0x1034), ==, 0xefbeadde);
    g_assert_cmphex(ldq_be_phys(&as, 0x1038), ==, 0x8877665544332211ULL);
    g_assert_cmphex(lduw_le_phys(&as, 0x1040), ==, 0xbeef);

    /* DMA flavours return the result and the value separately. */
    {
        uint16_t w;
        uint32_t l;
        uint64_t q;

        g_assert_cmpuint(stw_be_dma(&as, 0x1050, 0xa1a2, unspec), ==, MEMTX_OK);
        g_assert_cmpuint(lduw_le_dma(&as, 0x1050, &w, unspec), ==, MEMTX_OK);
        g_assert_cmphex(w, ==, 0xa2a1);
        g_assert_cmpuint(stl_le_dma(&as, 0x1054, 0xb1b2b3b4, unspec), ==, 0);
        g_assert_cmpuint(ldl_be_dma(&as, 0x1054, &l, unspec), ==, 0);
        g_assert_cmphex(l, ==, 0xb4b3b2b1);
        g_assert_cmpuint(stq_be_dma(&as, 0x1058, 0xc1c2c3c4c5c6c7c8ULL, unspec),
                         ==, 0);
        g_assert_cmpuint(ldq_le_dma(&as, 0x1058, &q, unspec), ==, 0);
        g_assert_cmphex(q, ==, 0xc8c7c6c5c4c3c2c1ULL);
        log_set_mask(0);
        g_assert_cmpuint(ldl_le_dma(&as, 0x8000, &l, unspec), ==,
                         MEMTX_DECODE_ERROR);
        g_assert_cmphex(l, ==, 0);
        g_assert_cmpuint(dma_memory_set(&as, 0x1100, 0x5e, 0x300, unspec), ==, 0);
        g_assert_cmphex(h[0x100], ==, 0x5e);
        g_assert_cmphex(h[0x3ff], ==, 0x5e);
        g_assert_cmphex(h[0x400], ==, 0);
    }
    address_space_destroy(&as);
    memory_region_destroy(&ram);
    memory_region_destroy(&root);
}

static unsigned hook_calls;
static ram_addr_t hook_addr, hook_len;

static void ram_write_hook(ram_addr_t addr, ram_addr_t len)
{
    hook_calls++;
    hook_addr = addr;
    hook_len = len;
}

static void test_ram_write_hook(void)
{
    MemoryRegion root, ram;
    AddressSpace as;
    uint8_t buf[20] = { 0 };
    ram_addr_t base;
    void *p;
    hwaddr len = 64;

    memory_region_init(&root, NULL, "root", 0x10000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x1000, NULL));
    memory_region_add_subregion(&root, 0x1000, &ram);
    address_space_init(&as, &root, "hook");
    base = memory_region_get_ram_addr(&ram);
    physmem_set_ram_write_hook(ram_write_hook);

    address_space_write(&as, 0x1100, unspec, buf, 20);
    g_assert_cmpuint(hook_calls, ==, 1);
    g_assert_cmphex(hook_addr, ==, base + 0x100);
    g_assert_cmphex(hook_len, ==, 20);
    stl_le_phys(&as, 0x1200, 5);
    g_assert_cmpuint(hook_calls, ==, 2);
    g_assert_cmphex(hook_addr, ==, base + 0x200);
    /* Reads do not count. */
    address_space_read(&as, 0x1100, unspec, buf, 20);
    ldl_le_phys(&as, 0x1100);
    g_assert_cmpuint(hook_calls, ==, 2);
    /* A write mapping reports what was written at unmap time. */
    p = address_space_map(&as, 0x1300, &len, true, unspec);
    g_assert_nonnull(p);
    g_assert_cmpuint(hook_calls, ==, 2);
    address_space_unmap(&as, p, len, true, 16);
    g_assert_cmpuint(hook_calls, ==, 3);
    g_assert_cmphex(hook_addr, ==, base + 0x300);
    g_assert_cmphex(hook_len, ==, 16);

    physmem_set_ram_write_hook(NULL);
    address_space_destroy(&as);
    memory_region_destroy(&ram);
    memory_region_destroy(&root);
}

static unsigned bounce_writes;
static uint64_t bounce_regs[4];

static uint64_t bounce_read(void *opaque, hwaddr addr, unsigned size)
{
    return bounce_regs[addr / 8];
}

static void bounce_write(void *opaque, hwaddr addr, uint64_t v, unsigned size)
{
    bounce_writes++;
    bounce_regs[addr / 8] = v;
}

static const MemoryRegionOps bounce_ops = {
    .read = bounce_read, .write = bounce_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 8, .max_access_size = 8 },
    .impl = { .min_access_size = 8, .max_access_size = 8 },
};

static void test_map_unmap(void)
{
    MemoryRegion root, ram, io;
    AddressSpace as;
    hwaddr len;
    uint8_t *p, *q;

    memory_region_init(&root, NULL, "root", 0x100000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x2000, NULL));
    memory_region_init_io(&io, NULL, &bounce_ops, NULL, "io", 0x20);
    memory_region_add_subregion(&root, 0, &ram);
    memory_region_add_subregion(&root, 0x10000, &io);
    address_space_init(&as, &root, "map");

    /* RAM: direct pointer, cut at the end of the region. */
    len = 0x3000;
    p = address_space_map(&as, 0x1800, &len, false, unspec);
    g_assert_true(p == (uint8_t *)memory_region_get_ram_ptr(&ram) + 0x1800);
    g_assert_cmphex(len, ==, 0x800);
    address_space_unmap(&as, p, len, false, len);

    /* Device: bounce buffer filled on map, written back on unmap. */
    bounce_regs[0] = 0x1111111111111111ULL;
    bounce_regs[1] = 0x2222222222222222ULL;
    len = 16;
    p = address_space_map(&as, 0x10000, &len, true, unspec);
    g_assert_nonnull(p);
    g_assert_cmpuint(len, ==, 16);
    len = 16;
    q = address_space_map(&as, 0x10000, &len, false, unspec);
    g_assert_nonnull(q);             /* two bounce buffers at once */
    g_assert_cmphex(q[0], ==, 0x11);
    g_assert_cmphex(q[8], ==, 0x22);
    address_space_unmap(&as, q, 16, false, 16);
    memset(p, 0x33, 16);
    bounce_writes = 0;
    address_space_unmap(&as, p, 16, true, 16);
    g_assert_cmpuint(bounce_writes, ==, 2);
    g_assert_cmphex(bounce_regs[1], ==, 0x3333333333333333ULL);

    /* The budget: past it, nothing is mapped (caller retries later). */
    len = 16;
    as.max_bounce_buffer_size = 24;
    p = address_space_map(&as, 0x10000, &len, false, unspec);
    g_assert_nonnull(p);
    len = 16;
    q = address_space_map(&as, 0x10010, &len, false, unspec);
    g_assert_nonnull(q);
    g_assert_cmpuint(len, ==, 8);
    len = 8;
    g_assert_null(address_space_map(&as, 0x10000, &len, false, unspec));
    g_assert_cmpuint(len, ==, 0);
    address_space_unmap(&as, p, 16, false, 16);
    address_space_unmap(&as, q, 8, false, 8);
    g_assert_cmpuint(as.bounce_buffer_size, ==, 0);

    address_space_destroy(&as);
    memory_region_destroy(&io);
    memory_region_destroy(&ram);
    memory_region_destroy(&root);
}

static void test_memory_region_find(void)
{
    MemoryRegion root, ram, io;
    AddressSpace as;
    MemoryRegionSection s;

    memory_region_init(&root, NULL, "root", 0x100000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x1000, NULL));
    memory_region_init_io(&io, NULL, &const_ops, NULL, "io", 0x100);
    memory_region_add_subregion(&root, 0x4000, &ram);
    memory_region_add_subregion(&root, 0x8000, &io);
    address_space_init(&as, &root, "find");
    s = memory_region_find(&root, 0x4100, 0x10);
    g_assert_true(s.mr == &ram);
    g_assert_cmphex(s.offset_within_region, ==, 0x100);
    g_assert_cmphex(s.offset_within_address_space, ==, 0x4100);
    g_assert_cmphex(s.size, ==, 0x10);
    /* Starting in a hole: the first section after it, clipped. */
    s = memory_region_find(&root, 0x7f00, 0x200);
    g_assert_true(s.mr == &io);
    g_assert_cmphex(s.offset_within_address_space, ==, 0x8000);
    g_assert_cmphex(s.size, ==, 0x100);
    s = memory_region_find(&root, 0x9000, 0x100);
    g_assert_null(s.mr);
    address_space_destroy(&as);
    memory_region_destroy(&io);
    memory_region_destroy(&ram);
    memory_region_destroy(&root);
}

static void test_system_memory(void)
{
    MemoryRegion ram, port;

    g_assert_cmphex(memory_region_size(get_system_memory()), ==, UINT64_MAX);
    g_assert_cmphex(memory_region_size(get_system_io()), ==, 0x10000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "sysram", 0x1000, NULL));
    memory_region_add_subregion(get_system_memory(), 0x80000000, &ram);
    stl_le_phys(&address_space_memory, 0x80000010, 0x12345678);
    {
        uint32_t v = 0;

        cpu_physical_memory_read(0x80000010, &v, 4);
        g_assert_cmphex(v, ==, 0x12345678);
        v = 0x9abcdef0;
        cpu_physical_memory_write(0x80000014, &v, 4);
        g_assert_cmphex(ldl_le_phys(&address_space_memory, 0x80000014), ==,
                        0x9abcdef0);
    }
    memory_region_init_io(&port, NULL, &const_ops, (void *)0x42, "port", 4);
    memory_region_add_subregion(get_system_io(), 0x60, &port);
    g_assert_cmphex(ldub_phys(&address_space_io, 0x61), ==, 0x42);
    memory_region_destroy(&port);
    memory_region_destroy(&ram);
}

/* ------------------------------------------------------------------ */
/* Ops validation (programming errors stop the emulator at start-up)   */

static const MemoryRegionOps bad_ops[] = {
    /* no read */
    { .write = ignore_write },
    /* both read flavours */
    { .read = const_read, .read_with_attrs = (void *)1, .write = ignore_write },
    /* size 3 */
    { .read = const_read, .write = ignore_write, .valid.max_access_size = 3 },
    /* impl min > max */
    { .read = const_read, .write = ignore_write,
      .impl = { .min_access_size = 8, .max_access_size = 4 } },
    /* valid min > max (the bcm2835_thermal shape: valid.min set, max 4) */
    { .read = const_read, .write = ignore_write,
      .valid = { .min_access_size = 8, .max_access_size = 4 } },
    /* 16-byte accesses are not something ops can take */
    { .read = const_read, .write = ignore_write, .impl.max_access_size = 16 },
    /* bogus endianness */
    { .read = const_read, .write = ignore_write, .endianness = 7 },
    /* region size 6 not a multiple of impl.min 4 (see bad_ops_size) */
    { .read = const_read, .write = ignore_write, .impl.min_access_size = 4,
      .impl.max_access_size = 4 },
};

static void test_ops_validation_child(gconstpointer data)
{
    unsigned i = GPOINTER_TO_UINT(data);
    MemoryRegion mr;

    memory_region_init_io(&mr, NULL, &bad_ops[i], NULL, "broken-dev",
                          i == G_N_ELEMENTS(bad_ops) - 1 ? 6 : 0x100);
}

static void test_ops_validation(void)
{
    for (unsigned i = 0; i < G_N_ELEMENTS(bad_ops); i++) {
        char *path = g_strdup_printf("/memory/ops-validation/subprocess/%u", i);

        g_test_trap_subprocess(path, 0, G_TEST_SUBPROCESS_DEFAULT);
        g_test_trap_assert_failed();
        g_test_trap_assert_stderr("*broken-dev*invalid MemoryRegionOps*");
        g_free(path);
    }
    /* And a good one passes (with defaults). */
    {
        MemoryRegion mr;

        memory_region_init_io(&mr, NULL, &const_ops, NULL, "good", 6);
        memory_region_destroy(&mr);
    }
}

/* ------------------------------------------------------------------ */
/* info mtree                                                          */

static void test_mtree_output(void)
{
    MemoryRegion root, ram, rom, io, alias, cont, bar, flash, ramd;
    static uint8_t ramd_buf[0x100];
    AddressSpace as, as2;
    GString *out = g_string_new("");
    const char *want_tree =
        "address-space: mtree-test\n"
        "address-space: mtree-twin\n"
        "  0000000000000000-000000000000ffff (prio 0, container): mroot\n"
        "    0000000000000000-0000000000000fff (prio 0, ram): m.ram\n"
        "    0000000000001000-00000000000013ff (prio 0, rom): m.rom\n"
        "    0000000000002000-0000000000002fff (prio 0, container): m.cont\n"
        "      0000000000002000-00000000000020ff (prio 1, i/o): m.io\n"
        "      0000000000002800-00000000000028ff (prio 0, ramd): m.ramd [disabled]\n"
        "    0000000000004000-00000000000047ff (prio 2, ram): alias m.alias @m.ram 0000000000000800-0000000000000fff\n"
        "    0000000000008000-0000000000008fff (prio 0, romd): m.flash\n"
        "\n";
    const char *want_flat =
        "FlatView #N\n"
        " AS \"mtree-test\", root: mroot\n"
        " AS \"mtree-twin\", root: mroot\n"
        " Root memory region: mroot\n"
        "  0000000000000000-0000000000000fff (prio 0, ram): m.ram\n"
        "  0000000000001000-00000000000013ff (prio 0, rom): m.rom\n"
        "  0000000000002000-00000000000020ff (prio 1, i/o): m.io\n"
        "  0000000000004000-00000000000047ff (prio 0, ram): m.ram @0000000000000800\n"
        "  0000000000008000-0000000000008fff (prio 0, romd): m.flash\n"
        "\n";
    char *flat_section, *p;

    memory_region_init(&root, NULL, "mroot", 0x10000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "m.ram", 0x1000, NULL));
    g_assert_true(memory_region_init_rom(&rom, NULL, "m.rom", 0x400, NULL));
    memory_region_init(&cont, NULL, "m.cont", 0x1000);
    memory_region_init_io(&io, NULL, &const_ops, NULL, "m.io", 0x100);
    memory_region_init_ram_device_ptr(&ramd, NULL, "m.ramd", 0x100, ramd_buf);
    memory_region_init_alias(&alias, NULL, "m.alias", &ram, 0x800, 0x800);
    g_assert_true(memory_region_init_rom_device(&flash, NULL, &romd_ops, NULL,
                                                "m.flash", 0x1000, NULL));
    (void)bar;
    memory_region_add_subregion(&root, 0, &ram);
    memory_region_add_subregion(&root, 0x1000, &rom);
    memory_region_add_subregion(&root, 0x2000, &cont);
    memory_region_add_subregion_overlap(&cont, 0, &io, 1);
    memory_region_add_subregion(&cont, 0x800, &ramd);
    memory_region_set_enabled(&ramd, false);
    memory_region_add_subregion_overlap(&root, 0x4000, &alias, 2);
    memory_region_add_subregion(&root, 0x8000, &flash);
    address_space_init(&as, &root, "mtree-test");
    address_space_init(&as2, &root, "mtree-twin");

    mtree_info(out, false);
    if (!strstr(out->str, want_tree)) {
        g_test_message("info mtree printed:\n%s", out->str);
        g_assert_not_reached();
    }
    /* Alias targets follow the trees, as in QEMU, even if mapped too. */
    g_assert_nonnull(strstr(out->str,
                            "\n\nmemory-region: m.ram\n"
                            "  0000000000000000-0000000000000fff (prio 0, ram): m.ram\n"));
    /* ... but an address space root is never printed twice. */
    g_assert_null(strstr(out->str, "memory-region: mroot"));

    g_string_truncate(out, 0);
    mtree_info(out, true);
    p = strstr(out->str, " AS \"mtree-test\"");
    g_assert_nonnull(p);
    /* Back up to the "FlatView #" line and normalise its number. */
    while (p > out->str && p[-1] != '#') {
        p--;
    }
    flat_section = g_strdup_printf("FlatView #N\n%s", strchr(p, '\n') + 1);
    if (strncmp(flat_section, want_flat, strlen(want_flat))) {
        g_test_message("info mtree -f printed:\n%s", out->str);
        g_assert_not_reached();
    }
    g_free(flat_section);

    /* An alias to a region mapped nowhere still prints it. */
    memory_region_del_subregion(&root, &ram);
    g_string_truncate(out, 0);
    mtree_info(out, false);
    g_assert_nonnull(strstr(out->str,
                            "memory-region: m.ram\n"
                            "  0000000000000000-0000000000000fff (prio 0, ram): m.ram\n"));

    address_space_destroy(&as2);
    address_space_destroy(&as);
    memory_region_destroy(&alias);
    memory_region_destroy(&flash);
    memory_region_destroy(&ramd);
    memory_region_destroy(&io);
    memory_region_destroy(&cont);
    memory_region_destroy(&rom);
    memory_region_destroy(&ram);
    memory_region_destroy(&root);
    g_string_free(out, true);
}

static void test_destroy_detaches(void)
{
    MemoryRegion root, c, child;
    AddressSpace as;

    memory_region_init(&root, NULL, "root", 0x10000);
    memory_region_init(&c, NULL, "c", 0x1000);
    g_assert_true(memory_region_init_ram(&child, NULL, "child", 0x100, NULL));
    memory_region_add_subregion(&c, 0, &child);
    memory_region_add_subregion(&root, 0x1000, &c);
    address_space_init(&as, &root, "destroy");
    g_assert_true(leaf_at(&as, 0x1000, NULL) == &child);
    memory_region_destroy(&c);
    g_assert_false(memory_region_is_mapped(&child));
    g_assert_true(memory_region_is_unassigned(leaf_at(&as, 0x1000, NULL)));
    address_space_destroy(&as);
    memory_region_destroy(&child);
    memory_region_destroy(&root);
}

static void test_set_size(void)
{
    MemoryRegion root, io;
    AddressSpace as;

    memory_region_init(&root, NULL, "root", 0x10000);
    memory_region_init_io(&io, NULL, &const_ops, NULL, "io", 0x100);
    memory_region_add_subregion(&root, 0x1000, &io);
    address_space_init(&as, &root, "size");
    g_assert_true(memory_region_is_unassigned(leaf_at(&as, 0x1100, NULL)));
    memory_region_set_size(&io, 0x200);
    g_assert_cmphex(memory_region_size(&io), ==, 0x200);
    g_assert_true(leaf_at(&as, 0x1100, NULL) == &io);
    address_space_destroy(&as);
    memory_region_destroy(&io);
    memory_region_destroy(&root);
}

/* NULL ops: a terminating background where every access is refused. */
static void test_null_ops_background(void)
{
    MemoryRegion root, bg, ram;
    AddressSpace as;
    MemTxResult r;

    memory_region_init(&root, NULL, "root", 0x10000);
    memory_region_init_io(&bg, NULL, NULL, NULL, "pci-hole", 0x8000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x1000, NULL));
    memory_region_add_subregion_overlap(&root, 0, &bg, 1);
    memory_region_add_subregion(&root, 0x1000, &ram);
    address_space_init(&as, &root, "bg");
    /* The background hides the lower-priority RAM. */
    assert_leaf(&as, 0x1000, &bg, 0x1000);
    log_set_mask(0);
    address_space_ldl_le(&as, 0x1000, unspec, &r);
    g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);
    address_space_destroy(&as);
    memory_region_destroy(&ram);
    memory_region_destroy(&bg);
    memory_region_destroy(&root);
}

/*
 * Aligned 8-byte DMA is one host access: a reader racing a writer that
 * flips a word between all-zeros and all-ones never sees a mix. Only a
 * host with idle cores catches a split copy reliably; elsewhere this
 * checks the values.
 */
typedef struct TearState {
    AddressSpace *as;
    gint stop;
    unsigned torn;
    guint reads;
} TearState;

static gpointer tear_reader(gpointer opaque)
{
    TearState *t = opaque;

    while (!g_atomic_int_get(&t->stop)) {
        uint64_t v;

        dma_memory_read(t->as, 0x1008, &v, 8, unspec);
        if (v != 0 && v != UINT64_MAX) {
            t->torn++;
        }
        g_atomic_int_inc(&t->reads);
    }
    return NULL;
}

static void test_dma_aligned_is_atomic(void)
{
    MemoryRegion root, ram;
    AddressSpace as;
    TearState t = { .as = &as };
    GThread *reader;
    gint64 deadline;

    memory_region_init(&root, NULL, "root", 0x10000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x1000, NULL));
    memory_region_add_subregion(&root, 0x1000, &ram);
    address_space_init(&as, &root, "tear");
    reader = g_thread_new("tear-reader", tear_reader, &t);
    /*
     * On a loaded host the reader may not run at all during a fixed
     * number of writes: write on until it has read a good number of
     * times (or 20 s have passed, and the assertion below fails).
     */
    deadline = g_get_monotonic_time() + 20 * G_USEC_PER_SEC;
    for (unsigned i = 0;
         i < 200000 || (g_atomic_int_get(&t.reads) < 10000 &&
                        g_get_monotonic_time() < deadline); i++) {
        uint64_t v = (i & 1) ? UINT64_MAX : 0;

        dma_memory_write(&as, 0x1008, &v, 8, unspec);
    }
    g_atomic_int_set(&t.stop, 1);
    g_thread_join(reader);
    g_test_message("reads %u torn %u", t.reads, t.torn);
    g_assert_cmpuint(t.reads, >, 0);
    g_assert_cmpuint(t.torn, ==, 0);
    address_space_destroy(&as);
    memory_region_destroy(&ram);
    memory_region_destroy(&root);
}

/*
 * What the TLB relies on (docs/devel/memory.md, "What the CPU TLB uses"):
 * a page is direct only if translating its first byte for a page's length
 * returns RAM and the whole length; romd pages read directly, and the
 * dispatch of each kind does what a direct access would.
 */
static void test_tlb_contract(void)
{
    MemoryRegion root, ram, io, flash, rom;
    AddressSpace as;
    hwaddr xlat, len;
    MemoryRegion *mr;
    uint64_t v;

    memory_region_init(&root, NULL, "root", 0x100000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x1800, NULL));
    memory_region_init_io(&io, NULL, &const_ops, (void *)0x77, "io", 0x800);
    g_assert_true(memory_region_init_rom_device(&flash, NULL, &romd_ops, NULL,
                                                "flash", 0x1000, NULL));
    g_assert_true(memory_region_init_rom(&rom, NULL, "rom", 0x1000, NULL));
    memory_region_add_subregion(&root, 0, &ram);            /* page 0, half of 1 */
    memory_region_add_subregion(&root, 0x1800, &io);        /* other half of 1 */
    memory_region_add_subregion(&root, 0x4000, &flash);
    memory_region_add_subregion(&root, 0x6000, &rom);
    address_space_init(&as, &root, "tlb");

    len = 0x1000;
    mr = address_space_translate(&as, 0x0, &xlat, &len, false, unspec);
    g_assert_true(mr == &ram && len == 0x1000);          /* whole RAM page */
    len = 0x1000;
    mr = address_space_translate(&as, 0x1000, &xlat, &len, false, unspec);
    g_assert_true(mr == &ram);
    g_assert_cmphex(len, ==, 0x800);                      /* sub-page */
    len = 0x1000;
    mr = address_space_translate(&as, 0x3000, &xlat, &len, false, unspec);
    g_assert_true(memory_region_is_unassigned(mr));
    g_assert_cmphex(len, ==, 0x1000);                     /* whole hole page */
    len = 0x1000;
    mr = address_space_translate(&as, 0x4000, &xlat, &len, false, unspec);
    g_assert_true(mr == &flash && memory_region_is_romd(mr));
    len = 0x1000;
    mr = address_space_translate(&as, 0x6000, &xlat, &len, true, unspec);
    g_assert_true(memory_region_is_rom(mr));

    /* Dispatch on each kind, as the TLB slow path would call it. */
    romd_reads = romd_writes = 0;
    ((uint8_t *)memory_region_get_ram_ptr(&flash))[0x10] = 0x3c;
    g_assert_cmpuint(memory_region_dispatch_read(&flash, 0x10, &v, MO_8,
                                                 unspec), ==, MEMTX_OK);
    g_assert_cmphex(v, ==, 0x3c);
    g_assert_cmpuint(romd_reads, ==, 0);
    memory_region_dispatch_write(&flash, 0x10, 0x70, MO_8, unspec);
    g_assert_cmpuint(romd_writes, ==, 1);
    g_assert_cmpuint(memory_region_dispatch_read(&io, 0x7ff, &v, MO_8,
                                                 unspec), ==, MEMTX_OK);
    g_assert_cmphex(v, ==, 0x77);
    address_space_destroy(&as);
    memory_region_destroy(&rom);
    memory_region_destroy(&flash);
    memory_region_destroy(&io);
    memory_region_destroy(&ram);
    memory_region_destroy(&root);
}

/* Disabling an alias target hides it through the alias too. */
static void test_alias_disabled_target(void)
{
    MemoryRegion root, ram, alias;
    AddressSpace as;

    memory_region_init(&root, NULL, "root", 0x10000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x1000, NULL));
    memory_region_init_alias(&alias, NULL, "win", &ram, 0, 0x1000);
    memory_region_add_subregion(&root, 0x2000, &alias);
    address_space_init(&as, &root, "alias-dis");
    assert_leaf(&as, 0x2000, &ram, 0);
    memory_region_set_enabled(&ram, false);
    g_assert_true(memory_region_is_unassigned(leaf_at(&as, 0x2000, NULL)));
    memory_region_set_enabled(&ram, true);
    assert_leaf(&as, 0x2000, &ram, 0);
    address_space_destroy(&as);
    memory_region_destroy(&alias);
    memory_region_destroy(&ram);
    memory_region_destroy(&root);
}

/* Setting what is already set is not a change listeners hear about. */
static void test_listener_quiet_on_no_change(void)
{
    MemoryRegion root, r;
    AddressSpace as;
    CountingListener c;

    memory_region_init(&root, NULL, "root", 0x10000);
    g_assert_true(memory_region_init_ram(&r, NULL, "r", 0x1000, NULL));
    memory_region_add_subregion(&root, 0x1000, &r);
    address_space_init(&as, &root, "quiet");
    cl_init(&c, "L", 0);
    memory_listener_register(&c.l, &as);
    cl_reset(&c);
    memory_region_set_enabled(&r, true);
    memory_region_set_address(&r, 0x1000);
    memory_region_set_readonly(&r, false);
    memory_region_set_size(&r, 0x1000);
    g_assert_cmpuint(c.begin, ==, 0);
    /* A real change still is. */
    memory_region_set_size(&r, 0x800);
    g_assert_cmpuint(c.begin, ==, 1);
    g_assert_cmpuint(c.del, ==, 1);
    g_assert_cmpuint(c.add, ==, 1);
    memory_listener_unregister(&c.l);
    address_space_destroy(&as);
    memory_region_destroy(&r);
    memory_region_destroy(&root);
    g_string_free(c.events, true);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/region/empty-container", test_empty_container);
    g_test_add_func("/memory/region/ram", test_ram_region);
    g_test_add_func("/memory/region/ram-alloc-failure", test_ram_alloc_failure);
    g_test_add_func("/memory/region/rom", test_rom_region);
    g_test_add_func("/memory/region/rom-device", test_rom_device);
    g_test_add_func("/memory/region/ram-ptr", test_ram_ptr);
    g_test_add_func("/memory/region/io-with-subregions", test_io_with_subregions);
    g_test_add_func("/memory/region/destroy-detaches", test_destroy_detaches);
    g_test_add_func("/memory/region/set-size", test_set_size);
    g_test_add_func("/memory/region/null-ops-background",
                    test_null_ops_background);
    g_test_add_func("/memory/rw/dma-aligned-is-atomic",
                    test_dma_aligned_is_atomic);
    g_test_add_func("/memory/overlap/priority", test_priority_overlap);
    g_test_add_func("/memory/overlap/nested-containers-and-holes",
                    test_nested_containers_and_holes);
    g_test_add_func("/memory/alias/chain", test_alias_chain);
    g_test_add_func("/memory/alias/disabled-target", test_alias_disabled_target);
    g_test_add_func("/memory/listener/quiet-on-no-change",
                    test_listener_quiet_on_no_change);
    g_test_add_func("/memory/flatview/random-model", test_flatview_random_model);
    g_test_add_func("/memory/flatview/many-regions", test_flatview_many_regions);
    g_test_add_func("/memory/flatview/top-of-address-space",
                    test_top_of_address_space);
    g_test_add_func("/memory/listener/transactions", test_listener_transactions);
    g_test_add_func("/memory/listener/priority-order",
                    test_listener_priority_order);
    g_test_add_func("/memory/listener/romd-toggle",
                    test_listener_sees_romd_toggle);
    g_test_add_func("/memory/iommu/translate", test_iommu);
    g_test_add_func("/memory/tlb-contract", test_tlb_contract);
    g_test_add_func("/memory/rw/across-regions", test_rw_across_regions);
    g_test_add_func("/memory/rw/typed-loads-stores", test_typed_loads_stores);
    g_test_add_func("/memory/rw/ram-write-hook", test_ram_write_hook);
    g_test_add_func("/memory/rw/map-unmap", test_map_unmap);
    g_test_add_func("/memory/find", test_memory_region_find);
    g_test_add_func("/memory/system-memory", test_system_memory);
    g_test_add_func("/memory/ops-validation", test_ops_validation);
    for (unsigned i = 0; i < G_N_ELEMENTS(bad_ops); i++) {
        char *path = g_strdup_printf("/memory/ops-validation/subprocess/%u", i);

        g_test_add_data_func(path, GUINT_TO_POINTER(i),
                             test_ops_validation_child);
        g_free(path);
    }
    g_test_add_func("/memory/mtree/output", test_mtree_output);
    return g_test_run();
}
