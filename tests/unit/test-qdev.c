/*
 * test-qdev.c - the object model and device model: types and casts,
 * init/finalize order, the object tree and path resolution, typed
 * properties with defaults and validation, realize errors, GPIO lines and
 * their qtest intercepts, buses, reset, -global and -device handling, and
 * the machine, CPU-model and accelerator registries.
 */
#include "util/osdep.h"
#include "qom/object.h"
#include "hw/qdev.h"
#include "hw/qdev-properties.h"
#include "hw/sysbus.h"
#include "hw/boards.h"
#include "hw/irq.h"
#include "sysemu/accel.h"
#include "chardev/char.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"

/* ---------------------------------------------------------------------- */
/* Test types */

#define TYPE_TEST_DEV "test-dev"
#define TYPE_TEST_SUBDEV "test-subdev"
#define TYPE_TEST_ABSTRACT "test-abstract-dev"
#define TYPE_TEST_BUS "test-bus"
#define TYPE_TEST_SLOT_BUS "test-slot-bus"
#define TYPE_TEST_BUSDEV "test-busdev"
#define TYPE_TEST_SBD "test-sbd"
#define TYPE_TEST_HIDDEN "test-hidden-dev"

typedef struct TestDev {
    DeviceState parent_obj;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    int32_t i32;
    uint64_t u64;
    int64_t i64;
    bool flag;
    char *str;
    uint64_t size;
    uint32_t bits;
    Object *peer;
    Chardev *chr;
    /* observed behaviour */
    int realize_count;
    int reset_count;
    int reset_seq;
    int in_level[3];
    int in_calls;
    int ctl_level;
    qemu_irq out[2];
    char *extra;
} TestDev;

#define TEST_DEV(obj) OBJECT_CHECK(TestDev, (obj), TYPE_TEST_DEV)

static GString *event_log;
static int reset_counter;

static void log_event(const char *what)
{
    if (!event_log) {
        event_log = g_string_new(NULL);
    }
    g_string_append(event_log, what);
    g_string_append_c(event_log, ' ');
}

static void test_dev_in(void *opaque, int n, int level)
{
    TestDev *s = opaque;

    s->in_level[n] = level;
    s->in_calls++;
}

static void test_dev_ctl(void *opaque, int n, int level)
{
    TestDev *s = opaque;

    s->ctl_level = level;
}

static void test_dev_init(Object *obj)
{
    TestDev *s = TEST_DEV(obj);

    log_event("init:dev");
    qdev_init_gpio_in(DEVICE(s), test_dev_in, 3);
    qdev_init_gpio_in_named(DEVICE(s), test_dev_ctl, "ctl", 1);
    qdev_init_gpio_out(DEVICE(s), s->out, 2);
}

static void test_dev_finalize(Object *obj)
{
    log_event("fini:dev");
}

static void test_dev_realize(DeviceState *dev, GError **errp)
{
    TestDev *s = TEST_DEV(dev);

    if (s->u32 == 0) {
        g_set_error(errp, g_quark_from_static_string("test"), 0,
                    "test-dev: u32 must not be zero");
        return;
    }
    s->realize_count++;
}

static void test_dev_reset(DeviceState *dev)
{
    TestDev *s = TEST_DEV(dev);

    s->reset_count++;
    s->reset_seq = ++reset_counter;
}

static Property test_dev_props[] = {
    DEFINE_PROP_UINT8("u8", TestDev, u8, 5),
    DEFINE_PROP_UINT16("u16", TestDev, u16, 0xbeef),
    DEFINE_PROP_UINT32("u32", TestDev, u32, 0x1000),
    DEFINE_PROP_INT32("i32", TestDev, i32, -3),
    DEFINE_PROP_UINT64("u64", TestDev, u64, 0),
    DEFINE_PROP_INT64("i64", TestDev, i64, INT64_MIN),
    DEFINE_PROP_BOOL("flag", TestDev, flag, true),
    DEFINE_PROP_STRING("str", TestDev, str),
    DEFINE_PROP_SIZE("size", TestDev, size, 4 * KiB),
    DEFINE_PROP_BIT("bit3", TestDev, bits, 3, true),
    DEFINE_PROP_BIT("bit5", TestDev, bits, 5, false),
    DEFINE_PROP_LINK("peer", TestDev, peer, TYPE_TEST_DEV, Object *),
    DEFINE_PROP_CHR("chardev", TestDev, chr),
    DEFINE_PROP_END_OF_LIST(),
};

static void test_dev_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "unit-test device";
    dc->realize = test_dev_realize;
    dc->reset = test_dev_reset;
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
    device_class_set_props(dc, test_dev_props);
}

static void test_subdev_init(Object *obj)
{
    log_event("init:sub");
}

static void test_subdev_finalize(Object *obj)
{
    log_event("fini:sub");
}

static Property test_subdev_props[] = {
    DEFINE_PROP_STRING("extra", TestDev, extra),
    DEFINE_PROP_END_OF_LIST(),
};

static void test_subdev_class_init(ObjectClass *oc, void *data)
{
    device_class_set_props(DEVICE_CLASS(oc), test_subdev_props);
}

static void test_hidden_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->user_creatable = false;
}

static void test_slot_bus_class_init(ObjectClass *oc, void *data)
{
    BUS_CLASS(oc)->max_dev = 1;
}

static void test_busdev_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->bus_type = TYPE_TEST_BUS;
    dc->desc = "unit-test bus device";
}

typedef struct TestSbd {
    SysBusDevice parent_obj;
    qemu_irq irq;
    int reset_count;
} TestSbd;

#define TEST_SBD(obj) OBJECT_CHECK(TestSbd, (obj), TYPE_TEST_SBD)

static void test_sbd_init(Object *obj)
{
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &TEST_SBD(obj)->irq);
}

static void test_sbd_reset(DeviceState *dev)
{
    TEST_SBD(dev)->reset_count++;
}

static void test_sbd_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->reset = test_sbd_reset;
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_TEST_DEV,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(TestDev),
        .instance_init = test_dev_init,
        .instance_finalize = test_dev_finalize,
        .class_init = test_dev_class_init,
    }, {
        .name = TYPE_TEST_SUBDEV,
        .parent = TYPE_TEST_DEV,
        .instance_init = test_subdev_init,
        .instance_finalize = test_subdev_finalize,
        .class_init = test_subdev_class_init,
    }, {
        .name = TYPE_TEST_ABSTRACT,
        .parent = TYPE_DEVICE,
        .abstract = true,
    }, {
        .name = TYPE_TEST_HIDDEN,
        .parent = TYPE_TEST_DEV,
        .class_init = test_hidden_class_init,
    }, {
        .name = TYPE_TEST_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(BusState),
    }, {
        .name = TYPE_TEST_SLOT_BUS,
        .parent = TYPE_TEST_BUS,
        .class_init = test_slot_bus_class_init,
    }, {
        .name = TYPE_TEST_BUSDEV,
        .parent = TYPE_TEST_DEV,
        .class_init = test_busdev_class_init,
    },
};

/* A sysbus device with one 4 KiB register window. */
#define TYPE_TEST_MMIO "test-mmio-sbd"

typedef struct TestMmio {
    SysBusDevice parent_obj;
    MemoryRegion iomem;
    uint64_t last_write;
    hwaddr last_addr;
} TestMmio;

#define TEST_MMIO(obj) OBJECT_CHECK(TestMmio, (obj), TYPE_TEST_MMIO)

static uint64_t test_mmio_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0x12340000 | addr;
}

static void test_mmio_write(void *opaque, hwaddr addr, uint64_t v,
                            unsigned size)
{
    TestMmio *s = opaque;

    s->last_addr = addr;
    s->last_write = v;
}

static const MemoryRegionOps test_mmio_ops = {
    .read = test_mmio_read,
    .write = test_mmio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

static void test_mmio_init(Object *obj)
{
    TestMmio *s = TEST_MMIO(obj);

    memory_region_init_io(&s->iomem, obj, &test_mmio_ops, s, "test-mmio",
                          0x1000);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
}

static const TypeInfo test_mmio_info = {
    .name = TYPE_TEST_MMIO,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(TestMmio),
    .instance_init = test_mmio_init,
};

static const TypeInfo test_sbd_info = {
    .name = TYPE_TEST_SBD,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(TestSbd),
    .instance_init = test_sbd_init,
    .class_init = test_sbd_class_init,
};

static void register_test_types(void)
{
    for (size_t i = 0; i < ARRAY_SIZE(test_types); i++) {
        type_register_static(&test_types[i]);
    }
    type_register_static(&test_sbd_info);
    type_register_static(&test_mmio_info);
}
type_init(register_test_types)

static TestDev *new_test_dev(const char *type)
{
    return TEST_DEV(qdev_new(type));
}

static void expect_error(GError **err, const char *needle)
{
    g_assert_nonnull(*err);
    if (!strstr((*err)->message, needle)) {
        g_error("error '%s' does not contain '%s'", (*err)->message, needle);
    }
    g_clear_error(err);
}

/* ---------------------------------------------------------------------- */
/* Types and casts */

static void test_type_lookup_and_casts(void)
{
    ObjectClass *oc = object_class_by_name(TYPE_TEST_SUBDEV);
    Object *obj;

    g_assert_nonnull(oc);
    g_assert_null(object_class_by_name("no-such-type"));
    g_assert_true(object_class_dynamic_cast(oc, TYPE_TEST_DEV) == oc);
    g_assert_true(object_class_dynamic_cast(oc, TYPE_DEVICE) == oc);
    g_assert_null(object_class_dynamic_cast(oc, TYPE_BUS));
    g_assert_null(object_class_dynamic_cast(oc, "no-such-type"));
    g_assert_cmpstr(object_class_get_name(object_class_get_parent(oc)), ==,
                    TYPE_TEST_DEV);
    g_assert_true(object_class_is_abstract(object_class_by_name(TYPE_TEST_ABSTRACT)));

    obj = object_new(TYPE_TEST_SUBDEV);
    g_assert_cmpstr(object_get_typename(obj), ==, TYPE_TEST_SUBDEV);
    g_assert_true(object_dynamic_cast(obj, TYPE_DEVICE) == obj);
    g_assert_null(object_dynamic_cast(obj, TYPE_MACHINE));
    g_assert_true((Object *)TEST_DEV(obj) == obj);
    object_unref(obj);
}

static void test_class_list(void)
{
    GSList *all = object_class_get_list(TYPE_TEST_DEV, false);
    GSList *abs = object_class_get_list(TYPE_DEVICE, true);
    bool sub = false, dev = false, found_abstract = false;

    for (GSList *l = all; l; l = l->next) {
        const char *n = object_class_get_name(l->data);
        sub |= !strcmp(n, TYPE_TEST_SUBDEV);
        dev |= !strcmp(n, TYPE_TEST_DEV);
        g_assert_false(object_class_is_abstract(l->data));
        g_assert_nonnull(object_class_dynamic_cast(l->data, TYPE_TEST_DEV));
    }
    for (GSList *l = abs; l; l = l->next) {
        found_abstract |= !strcmp(object_class_get_name(l->data),
                                  TYPE_TEST_ABSTRACT);
    }
    g_assert_true(sub && dev && found_abstract);
    /* Sorted by name. */
    for (GSList *l = all; l && l->next; l = l->next) {
        g_assert_cmpint(strcmp(object_class_get_name(l->data),
                               object_class_get_name(l->next->data)), <, 0);
    }
    g_slist_free(all);
    g_slist_free(abs);
}

static void test_init_finalize_order(void)
{
    Object *obj;

    if (event_log) {
        g_string_truncate(event_log, 0);
    }
    obj = object_new(TYPE_TEST_SUBDEV);
    object_ref(obj);
    object_unref(obj);
    g_assert_cmpstr(event_log->str, ==, "init:dev init:sub ");
    object_unref(obj);
    g_assert_cmpstr(event_log->str, ==,
                    "init:dev init:sub fini:sub fini:dev ");
}

/* ---------------------------------------------------------------------- */
/* Properties */

static void test_prop_defaults(void)
{
    TestDev *s = new_test_dev(TYPE_TEST_DEV);
    Object *o = OBJECT(s);
    GError *err = NULL;
    char *str;

    g_assert_cmpuint(s->u8, ==, 5);
    g_assert_cmpuint(s->u16, ==, 0xbeef);
    g_assert_cmpuint(s->u32, ==, 0x1000);
    g_assert_cmpint(s->i32, ==, -3);
    g_assert_cmpint(s->i64, ==, INT64_MIN);
    g_assert_true(s->flag);
    g_assert_null(s->str);
    g_assert_cmpuint(s->size, ==, 4096);
    g_assert_cmphex(s->bits, ==, 1 << 3);
    g_assert_cmpuint(object_property_get_uint(o, "u8", &err), ==, 5);
    g_assert_cmpint(object_property_get_int(o, "i32", &err), ==, -3);
    g_assert_true(object_property_get_bool(o, "flag", &err));
    g_assert_no_error(err);
    str = object_property_get_str(o, "flag", &err);
    g_assert_cmpstr(str, ==, "on");
    g_free(str);
    g_assert_cmpstr(object_property_get_type(o, "u16", &err), ==, "uint16");
    g_assert_cmpstr(object_property_get_type(o, "peer", &err), ==,
                    "link<test-dev>");
    object_unref(o);
}

static void test_prop_set_and_ranges(void)
{
    TestDev *s = new_test_dev(TYPE_TEST_DEV);
    Object *o = OBJECT(s);
    GError *err = NULL;

    g_assert_true(object_property_set_str(o, "u8", "255", &err));
    g_assert_cmpuint(s->u8, ==, 255);
    g_assert_false(object_property_set_str(o, "u8", "256", &err));
    expect_error(&err, "test-dev.u8");
    g_assert_cmpuint(s->u8, ==, 255);       /* unchanged on error */
    g_assert_true(object_property_set_str(o, "u16", "0x10", &err));
    g_assert_cmpuint(s->u16, ==, 16);
    g_assert_false(object_property_set_str(o, "u16", "-1", &err));
    expect_error(&err, "'-1'");
    g_assert_true(object_property_set_int(o, "i32", INT32_MIN, &err));
    g_assert_cmpint(s->i32, ==, INT32_MIN);
    g_assert_false(object_property_set_int(o, "i32", (int64_t)INT32_MAX + 1,
                                           &err));
    expect_error(&err, "range");
    g_assert_false(object_property_set_str(o, "u32", "12abc", &err));
    expect_error(&err, "expects uint32");
    g_assert_true(object_property_set_uint(o, "u64", UINT64_MAX, &err));
    g_assert_cmpuint(s->u64, ==, UINT64_MAX);
    g_assert_false(object_property_set_str(o, "u64", "18446744073709551616",
                                           &err));
    g_clear_error(&err);
    g_assert_true(object_property_set_bool(o, "flag", false, &err));
    g_assert_false(s->flag);
    g_assert_true(object_property_set_str(o, "flag", "yes", &err));
    g_assert_true(s->flag);
    g_assert_false(object_property_set_str(o, "flag", "maybe", &err));
    expect_error(&err, "test-dev.flag");
    g_assert_true(object_property_set_str(o, "size", "2M", &err));
    g_assert_cmpuint(s->size, ==, 2 * MiB);
    g_assert_false(object_property_set_str(o, "size", "2Q", &err));
    expect_error(&err, "test-dev.size");
    g_assert_true(object_property_set_str(o, "str", "hello", &err));
    g_assert_cmpstr(s->str, ==, "hello");
    g_assert_true(object_property_set_bool(o, "bit5", true, &err));
    g_assert_true(object_property_set_bool(o, "bit3", false, &err));
    g_assert_cmphex(s->bits, ==, 1 << 5);
    g_assert_false(object_property_set_str(o, "nope", "1", &err));
    expect_error(&err, "Property 'test-dev.nope' not found");
    g_assert_no_error(err);
    object_unref(o);   /* frees str: the sanitizer build checks that */
}

static void test_prop_subclass_inherits(void)
{
    TestDev *s = new_test_dev(TYPE_TEST_SUBDEV);
    GError *err = NULL;

    g_assert_cmpuint(s->u8, ==, 5);
    g_assert_true(object_property_set_str(OBJECT(s), "extra", "x", &err));
    g_assert_true(object_property_set_str(OBJECT(s), "u8", "7", &err));
    g_assert_cmpstr(s->extra, ==, "x");
    g_assert_nonnull(qdev_prop_find(DEVICE_GET_CLASS(s), "u8"));
    g_assert_nonnull(qdev_prop_find(DEVICE_GET_CLASS(s), "extra"));
    g_assert_null(qdev_prop_find(DEVICE_CLASS(object_class_by_name(TYPE_TEST_DEV)),
                                 "extra"));
    object_unref(s);
}

static void test_board_setters(void)
{
    TestDev *s = new_test_dev(TYPE_TEST_DEV);

    qdev_prop_set_uint8(DEVICE(s), "u8", 9);
    qdev_prop_set_uint32(DEVICE(s), "u32", 0xffffffff);
    qdev_prop_set_int32(DEVICE(s), "i32", -7);
    qdev_prop_set_bool(DEVICE(s), "flag", false);
    qdev_prop_set_string(DEVICE(s), "str", "s");
    qdev_prop_set_bit(DEVICE(s), "bit5", true);
    g_assert_cmpuint(s->u8, ==, 9);
    g_assert_cmpuint(s->u32, ==, 0xffffffff);
    g_assert_cmpint(s->i32, ==, -7);
    g_assert_false(s->flag);
    g_assert_cmpstr(s->str, ==, "s");
    g_assert_cmphex(s->bits, ==, (1 << 3) | (1 << 5));
    object_unref(s);
}

static Chardev fake_chr = { .label = (char *)"fake0" };

static Chardev *fake_chr_find(const char *id)
{
    return !strcmp(id, "fake0") ? &fake_chr : NULL;
}

static void test_prop_chardev(void)
{
    TestDev *s = new_test_dev(TYPE_TEST_DEV);
    GError *err = NULL;
    char *v;

    qdev_set_chardev_find(fake_chr_find);
    g_assert_true(object_property_set_str(OBJECT(s), "chardev", "fake0", &err));
    g_assert_true(s->chr == &fake_chr);
    v = object_property_get_str(OBJECT(s), "chardev", &err);
    g_assert_cmpstr(v, ==, "fake0");
    g_free(v);
    g_assert_false(object_property_set_str(OBJECT(s), "chardev", "nope", &err));
    expect_error(&err, "'nope'");
    qdev_prop_set_chr(DEVICE(s), "chardev", NULL);
    g_assert_null(s->chr);
    qdev_set_chardev_find(NULL);
    object_unref(s);
}

/* ---------------------------------------------------------------------- */
/* Realize, tree, links */

static void test_realize_and_tree(void)
{
    TestDev *a = new_test_dev(TYPE_TEST_DEV);
    TestDev *b = new_test_dev(TYPE_TEST_DEV);
    GError *err = NULL;
    char *path;
    bool ambiguous;

    g_assert_true(qdev_realize(DEVICE(a), NULL, &err));
    g_assert_no_error(err);
    g_assert_true(DEVICE(a)->realized);
    g_assert_cmpint(a->realize_count, ==, 1);
    path = object_get_canonical_path(OBJECT(a));
    g_assert_true(g_str_has_prefix(path, "/machine/unattached/device["));
    g_assert_true(object_resolve_path(path, NULL) == OBJECT(a));
    g_free(path);

    /* Properties are frozen once realized. */
    g_assert_false(object_property_set_str(OBJECT(a), "u8", "1", &err));
    expect_error(&err, "after it was realized");

    /* A failing realize leaves the device unrealized and out of the tree. */
    qdev_prop_set_uint32(DEVICE(b), "u32", 0);
    g_assert_false(qdev_realize(DEVICE(b), NULL, &err));
    expect_error(&err, "u32 must not be zero");
    g_assert_false(DEVICE(b)->realized);
    g_assert_null(object_get_parent(OBJECT(b)));
    object_unref(b);

    /* Partial paths: unique ones resolve, shared ones are ambiguous. */
    g_assert_true(object_resolve_path("unattached", NULL) ==
                  object_resolve_path("/machine/unattached", NULL));
    g_assert_null(object_resolve_path("/machine/no/such", &ambiguous));
    g_assert_false(ambiguous);
    object_unref(a);
}

static void test_partial_path_ambiguity(void)
{
    Object *c1 = container_get(object_get_root(), "/test-tree/a/leaf");
    Object *c2 = container_get(object_get_root(), "/test-tree/b/leaf");
    Object *only = container_get(object_get_root(), "/test-tree/b/unique-x");
    bool ambiguous = false;

    g_assert_true(c1 != c2);
    g_assert_null(object_resolve_path("leaf", &ambiguous));
    g_assert_true(ambiguous);
    g_assert_true(object_resolve_path("a/leaf", &ambiguous) == c1);
    g_assert_false(ambiguous);
    g_assert_true(object_resolve_path("unique-x", &ambiguous) == only);
    g_assert_true(object_resolve_path("/test-tree/b/leaf", NULL) == c2);
    g_assert_cmpstr(object_get_canonical_path_component(c2), ==, "leaf");
    object_unparent(object_resolve_path("/test-tree", NULL));
    g_assert_null(object_resolve_path("/test-tree/a", NULL));
}

static void test_child_lifetime(void)
{
    Object *parent = object_new(TYPE_CONTAINER);
    Object *child = object_new(TYPE_TEST_DEV);
    ObjectProperty *p;

    if (event_log) {
        g_string_truncate(event_log, 0);
    }
    p = object_property_add_child(parent, "kid[*]", child);
    g_assert_cmpstr(p->name, ==, "kid[0]");
    g_assert_cmpstr(p->type, ==, "child<test-dev>");
    object_unref(child);               /* the parent keeps it alive */
    g_assert_cmpstr(event_log->str, ==, "");
    g_assert_true(object_resolve_path_component(parent, "kid[0]") == child);
    object_unref(parent);              /* and takes it along */
    g_assert_cmpstr(event_log->str, ==, "fini:dev ");
}

static void test_link_property(void)
{
    TestDev *a = new_test_dev(TYPE_TEST_DEV);
    TestDev *b = new_test_dev(TYPE_TEST_DEV);
    Object *box = container_get(object_get_root(), "/test-links");
    Object *other = container_get(box, "not-a-dev");
    GError *err = NULL;
    char *v;

    object_property_add_child(box, "b", OBJECT(b));
    g_assert_true(object_property_set_str(OBJECT(a), "peer", "/test-links/b",
                                          &err));
    g_assert_true(a->peer == OBJECT(b));
    v = object_property_get_str(OBJECT(a), "peer", &err);
    g_assert_cmpstr(v, ==, "/test-links/b");
    g_free(v);
    g_assert_false(object_property_set_link(OBJECT(a), "peer", other, &err));
    expect_error(&err, "test-dev");
    g_assert_false(object_property_set_str(OBJECT(a), "peer", "/nowhere",
                                           &err));
    expect_error(&err, "/nowhere");
    g_assert_true(object_property_set_str(OBJECT(a), "peer", "", &err));
    g_assert_null(a->peer);
    object_unparent(box);
    object_unref(b);
    object_unref(a);
}

/* ---------------------------------------------------------------------- */
/* GPIO */

static int icpt_n = -1, icpt_level = -1, icpt_calls;
static TestDev *intercepted_dev;

static void intercept_handler(void *opaque, int n, int level)
{
    qemu_set_irq(*(qemu_irq *)opaque, level);
    icpt_n = n;
    icpt_level = level;
    icpt_calls++;
}

static void test_gpio_lines(void)
{
    TestDev *src = new_test_dev(TYPE_TEST_DEV);
    TestDev *dst = new_test_dev(TYPE_TEST_DEV);
    qemu_irq in1 = qdev_get_gpio_in(DEVICE(dst), 1);
    qemu_irq old;

    g_assert_null(intercepted_dev);

    qdev_connect_gpio_out(DEVICE(src), 0, in1);
    qdev_connect_gpio_out(DEVICE(src), 1,
                          qdev_get_gpio_in_named(DEVICE(dst), "ctl", 0));
    g_assert_true(qdev_get_gpio_out_connector(DEVICE(src), NULL, 0) == in1);
    qemu_irq_raise(src->out[0]);
    g_assert_cmpint(dst->in_level[1], ==, 1);
    g_assert_cmpint(dst->in_level[0], ==, 0);
    qemu_irq_lower(src->out[0]);
    g_assert_cmpint(dst->in_level[1], ==, 0);
    dst->in_calls = 0;
    qemu_irq_pulse(src->out[0]);
    g_assert_cmpint(dst->in_calls, ==, 2);
    g_assert_cmpint(dst->in_level[1], ==, 0);
    qemu_set_irq(src->out[1], 1);
    g_assert_cmpint(dst->ctl_level, ==, 1);
    /* An unconnected line is a no-op, not a crash. */
    qemu_set_irq(NULL, 1);

    /* irq_intercept_in: the device still sees the level, the test too. */
    {
        NamedGPIOList *ngl = qdev_get_named_gpio_list(DEVICE(dst), NULL);
        g_assert_cmpint(ngl->num_in, ==, 3);
        g_assert_cmpint(ngl->num_out, ==, 2);
        qemu_irq_intercept_in(ngl->in, intercept_handler, ngl->num_in);
    }
    qemu_irq_raise(src->out[0]);
    g_assert_cmpint(icpt_n, ==, 1);
    g_assert_cmpint(icpt_level, ==, 1);
    g_assert_cmpint(dst->in_level[1], ==, 1);

    /* irq_intercept_out: the new line sees the output, the old is returned. */
    {
        qemu_irq mine = qemu_allocate_irq(test_dev_in, dst, 2);
        old = qdev_intercept_gpio_out(DEVICE(src), mine, NULL, 0);
        g_assert_true(old == in1);
        qemu_irq_lower(src->out[0]);
        g_assert_cmpint(dst->in_level[2], ==, 0);
        qemu_irq_raise(src->out[0]);
        g_assert_cmpint(dst->in_level[2], ==, 1);
        g_assert_cmpint(icpt_level, ==, 1);     /* the old path saw nothing new */
        qemu_free_irq(mine);
    }
    {
        qemu_irq inv = qemu_irq_invert(qdev_get_gpio_in(DEVICE(dst), 0));
        g_assert_cmpint(dst->in_level[0], ==, 1);
        qemu_irq_raise(inv);
        g_assert_cmpint(dst->in_level[0], ==, 0);
        qemu_free_irq(inv);
    }
    object_unref(src);
    /* dst stays: its input lines are intercepted for good (as in qtest). */
    intercepted_dev = dst;
}

static void test_composite_device(void)
{
    TestDev *box = new_test_dev(TYPE_TEST_DEV);
    TestDev *part = new_test_dev(TYPE_TEST_DEV);
    TestDev *src = new_test_dev(TYPE_TEST_DEV);
    GError *err = NULL;

    object_property_add_child(OBJECT(box), "part", OBJECT(part));
    object_property_add_alias(OBJECT(box), "part-u8", OBJECT(part), "u8");
    g_assert_cmpstr(object_property_get_type(OBJECT(box), "part-u8", &err), ==,
                    "uint8");
    g_assert_true(object_property_set_str(OBJECT(box), "part-u8", "77", &err));
    g_assert_cmpuint(part->u8, ==, 77);
    g_assert_cmpuint(box->u8, ==, 5);
    g_assert_false(object_property_set_str(OBJECT(box), "part-u8", "300", &err));
    expect_error(&err, "test-dev.u8");
    g_assert_cmpuint(object_property_get_uint(OBJECT(box), "part-u8", &err),
                     ==, 77);

    /* The box's "ctl" input is the part's; the box's own lines stay its own. */
    qdev_pass_gpios(DEVICE(part), DEVICE(box), "ctl");
    g_assert_true(qdev_get_gpio_in_named(DEVICE(box), "ctl", 1) ==
                  qdev_get_gpio_in_named(DEVICE(part), "ctl", 0));
    qdev_connect_gpio_out(DEVICE(src), 0,
                          qdev_get_gpio_in_named(DEVICE(box), "ctl", 1));
    qemu_irq_raise(src->out[0]);
    g_assert_cmpint(part->ctl_level, ==, 1);
    g_assert_cmpint(box->ctl_level, ==, 0);
    qemu_irq_raise(qdev_get_gpio_in_named(DEVICE(box), "ctl", 0));
    g_assert_cmpint(box->ctl_level, ==, 1);
    object_unref(part);         /* the box holds it as a child */
    object_unref(src);
    object_unref(box);          /* frees both, each line once (ASan checks) */
}

/* ---------------------------------------------------------------------- */
/* Buses, sysbus, reset */

static void test_bus_and_reset(void)
{
    TestDev *host = new_test_dev(TYPE_TEST_DEV);
    TestDev *kid = TEST_DEV(qdev_new(TYPE_TEST_BUSDEV));
    TestDev *orphan = TEST_DEV(qdev_new(TYPE_TEST_BUSDEV));
    DeviceState *sbd = qdev_new(TYPE_TEST_SBD);
    BusState *bus;
    GError *err = NULL;

    qdev_prop_set_string(DEVICE(host), "str", "host");
    DEVICE(host)->id = g_strdup("bushost");
    bus = qbus_new(TYPE_TEST_BUS, DEVICE(host), NULL);
    g_assert_cmpstr(bus->name, ==, "bushost.0");
    g_assert_true(qdev_get_child_bus(DEVICE(host), "bushost.0") == bus);
    g_assert_true(qdev_realize(DEVICE(host), NULL, &err));
    g_assert_true(bus->realized);

    /* A bus device needs a bus of its type. */
    g_assert_false(qdev_realize(DEVICE(orphan), NULL, &err));
    expect_error(&err, "test-bus");
    g_assert_false(qdev_realize(DEVICE(orphan), sysbus_get_default(), &err));
    expect_error(&err, "does not support");
    object_unref(orphan);

    g_assert_true(qdev_realize_and_unref(DEVICE(kid), bus, &err));
    g_assert_true(DEVICE(kid)->parent_bus == bus);
    g_assert_true(qbus_find_by_name("bushost.0") == bus);
    g_assert_true(qbus_find_by_type(TYPE_TEST_BUS) == bus);

    g_assert_true(sysbus_realize_and_unref(SYS_BUS_DEVICE(sbd), &err));
    g_assert_true(DEVICE(sbd)->parent_bus == sysbus_get_default());

    /* One reset reaches bus-less, sysbus and child-bus devices once each,
     * a parent before the devices on its bus. */
    host->reset_count = kid->reset_count = TEST_SBD(sbd)->reset_count = 0;
    qemu_devices_reset();
    g_assert_cmpint(host->reset_count, ==, 1);
    g_assert_cmpint(kid->reset_count, ==, 1);
    g_assert_cmpint(TEST_SBD(sbd)->reset_count, ==, 1);
    g_assert_cmpint(host->reset_seq, <, kid->reset_seq);

    /* After start-up, a newly realized device is reset by realize. */
    qdev_machine_creation_done();
    {
        TestDev *late = new_test_dev(TYPE_TEST_DEV);
        g_assert_true(qdev_realize_and_unref(DEVICE(late), NULL, &err));
        g_assert_cmpint(late->reset_count, ==, 1);
        qdev_unrealize(DEVICE(late));
    }
    qdev_unrealize(DEVICE(host));
    g_assert_null(qbus_find_by_name("bushost.0"));
    object_unref(host);
}

static void test_first_free_bus(void)
{
    TestDev *owner = new_test_dev(TYPE_TEST_DEV);
    BusState *b0, *b1;
    GError *err = NULL;
    DeviceState *d0, *d1;

    DEVICE(owner)->id = g_strdup("slots");
    b0 = qbus_new(TYPE_TEST_SLOT_BUS, DEVICE(owner), NULL);
    b1 = qbus_new(TYPE_TEST_SLOT_BUS, DEVICE(owner), NULL);
    g_assert_true(qdev_realize(DEVICE(owner), NULL, &err));
    {
        g_autoptr(KeyValList) o = keyval_parse("test-busdev,id=s0", "driver",
                                               &err);
        d0 = qdev_device_add(o, &err);
        g_assert_no_error(err);
    }
    {
        g_autoptr(KeyValList) o = keyval_parse("test-busdev,id=s1", "driver",
                                               &err);
        d1 = qdev_device_add(o, &err);
        g_assert_no_error(err);
    }
    g_assert_true(d0->parent_bus == b0);
    g_assert_true(d1->parent_bus == b1);
    {
        /* Both slots taken: the third has nowhere to go. */
        g_autoptr(KeyValList) o = keyval_parse("test-busdev,bus=slots.0",
                                               "driver", &err);
        g_assert_null(qdev_device_add(o, &err));
        expect_error(&err, "Bus 'slots.0' is full");
    }
    qdev_unrealize(DEVICE(owner));
    object_unref(owner);
}

static void test_sysbus_irq(void)
{
    DeviceState *sbd = qdev_new(TYPE_TEST_SBD);
    TestDev *dst = new_test_dev(TYPE_TEST_DEV);
    GError *err = NULL;

    g_assert_true(sysbus_realize(SYS_BUS_DEVICE(sbd), &err));
    sysbus_connect_irq(SYS_BUS_DEVICE(sbd), 0, qdev_get_gpio_in(DEVICE(dst), 2));
    g_assert_true(sysbus_get_connected_irq(SYS_BUS_DEVICE(sbd), 0) ==
                  qdev_get_gpio_in(DEVICE(dst), 2));
    qemu_irq_raise(TEST_SBD(sbd)->irq);
    g_assert_cmpint(dst->in_level[2], ==, 1);
    g_assert_false(sysbus_has_mmio(SYS_BUS_DEVICE(sbd), 0));
    qdev_unrealize(sbd);
    object_unref(sbd);
    object_unref(dst);
}

static void test_sysbus_mmio_map(void)
{
    DeviceState *dev = sysbus_create_simple(TYPE_TEST_MMIO, 0x10000000, NULL);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    TestMmio *s = TEST_MMIO(dev);
    MemTxResult res = MEMTX_ERROR;
    uint32_t v;

    g_assert_true(sysbus_has_mmio(sbd, 0));
    g_assert_true(sysbus_mmio_get_region(sbd, 0) == &s->iomem);
    v = address_space_ldl_le(&address_space_memory, 0x10000008,
                             MEMTXATTRS_UNSPECIFIED, &res);
    g_assert_cmpint(res, ==, MEMTX_OK);
    g_assert_cmphex(v, ==, 0x12340008);
    address_space_stl_le(&address_space_memory, 0x10000ffc, 0xcafef00d,
                         MEMTXATTRS_UNSPECIFIED, &res);
    g_assert_cmpint(res, ==, MEMTX_OK);
    g_assert_cmphex(s->last_addr, ==, 0xffc);
    g_assert_cmphex(s->last_write, ==, 0xcafef00d);

    /* Mapping again moves the window. */
    sysbus_mmio_map(sbd, 0, 0x20000000);
    v = address_space_ldl_le(&address_space_memory, 0x20000010,
                             MEMTXATTRS_UNSPECIFIED, &res);
    g_assert_cmpint(res, ==, MEMTX_OK);
    g_assert_cmphex(v, ==, 0x12340010);
    address_space_ldl_le(&address_space_memory, 0x10000008,
                         MEMTXATTRS_UNSPECIFIED, &res);
    g_assert_cmpint(res, !=, MEMTX_OK);
    sysbus_mmio_unmap(sbd, 0);
    address_space_ldl_le(&address_space_memory, 0x20000010,
                         MEMTXATTRS_UNSPECIFIED, &res);
    g_assert_cmpint(res, !=, MEMTX_OK);
}

static bool ptr_flag;
static uint32_t ptr_u32;
static uint64_t ptr_u64;
static char *str_value;

static char *str_prop_get(Object *obj, GError **errp)
{
    return g_strdup(str_value ? str_value : "");
}

static void str_prop_set(Object *obj, const char *value, GError **errp)
{
    if (!strcmp(value, "bad")) {
        g_set_error(errp, g_quark_from_static_string("test"), 0,
                    "'bad' is refused");
        return;
    }
    g_free(str_value);
    str_value = g_strdup(value);
}

static void test_field_properties(void)
{
    Object *o = object_new(TYPE_CONTAINER);
    GError *err = NULL;

    object_property_add_bool_ptr(o, "flag", &ptr_flag, false);
    object_property_add_uint32_ptr(o, "u32", &ptr_u32, false);
    object_property_add_uint64_ptr(o, "u64", &ptr_u64, true);
    object_property_add_str(o, "s", str_prop_get, str_prop_set);
    object_property_set_description(o, "s", "a string");
    g_assert_cmpstr(object_property_find(o, "s")->description, ==, "a string");

    g_assert_true(object_property_set_bool(o, "flag", true, &err));
    g_assert_true(ptr_flag);
    g_assert_true(object_property_set_uint(o, "u32", 0xffffffff, &err));
    g_assert_cmphex(ptr_u32, ==, 0xffffffff);
    g_assert_false(object_property_set_uint(o, "u32", 0x100000000ULL, &err));
    expect_error(&err, "container.u32");
    ptr_u64 = 42;
    g_assert_cmpuint(object_property_get_uint(o, "u64", &err), ==, 42);
    g_assert_false(object_property_set_uint(o, "u64", 1, &err));
    expect_error(&err, "read-only");
    g_assert_true(object_property_set_str(o, "s", "hello", &err));
    g_assert_cmpstr(str_value, ==, "hello");
    g_assert_false(object_property_set_str(o, "s", "bad", &err));
    expect_error(&err, "'bad' is refused");
    {
        g_autofree char *v = object_property_get_str(o, "s", &err);
        g_assert_cmpstr(v, ==, "hello");
    }
    object_property_del(o, "s");
    g_assert_null(object_property_find(o, "s"));
    object_unref(o);
    g_clear_pointer(&str_value, g_free);
}

/* ---------------------------------------------------------------------- */
/* -global and -device */

static void test_globals(void)
{
    GError *err = NULL;
    TestDev *s;

    g_assert_true(qdev_add_global("test-subdev.u32=77", &err));
    g_assert_true(qdev_add_global("driver=test-subdev,property=u8,value=1",
                                  &err));
    /* Unknown drivers are fine until such a device exists (QEMU's rule). */
    g_assert_true(qdev_add_global("kvm-pit.lost_tick_policy=discard", &err));
    g_assert_false(qdev_add_global("nodot", &err));
    expect_error(&err, "DRIVER.PROPERTY=VALUE");
    s = new_test_dev(TYPE_TEST_SUBDEV);
    g_assert_cmpuint(s->u32, ==, 77);
    g_assert_cmpuint(s->u8, ==, 1);
    qdev_prop_set_uint8(DEVICE(s), "u8", 2);     /* explicit beats global */
    g_assert_cmpuint(s->u8, ==, 2);
    object_unref(s);
    s = new_test_dev(TYPE_TEST_DEV);             /* the parent type: untouched */
    g_assert_cmpuint(s->u32, ==, 0x1000);
    object_unref(s);

    /* A global that does not apply fails the device's realize. */
    g_assert_true(qdev_add_global("test-subdev.u16=70000", &err));
    s = new_test_dev(TYPE_TEST_SUBDEV);
    g_assert_false(qdev_realize(DEVICE(s), NULL, &err));
    expect_error(&err, "can't apply global test-subdev.u16=70000");
    object_unref(s);
}

static KeyValList *kv(const char *s)
{
    GError *err = NULL;
    KeyValList *l = keyval_parse(s, "driver", &err);

    g_assert_no_error(err);
    return l;
}

static void test_device_add(void)
{
    static const struct {
        const char *opts;
        const char *error;
    } bad[] = {
        { "no-such-device", "'no-such-device' is not a valid device model name" },
        { "test-abstract-dev", "is not a valid device model name" },
        { "test-dev,bogus=1", "Property 'test-dev.bogus' not found" },
        { "test-dev,u8=300", "test-dev.u8" },
        { "test-dev,u32=0", "u32 must not be zero" },
        { "test-hidden-dev", "cannot be created with -device" },
        { "test-dev,id=9bad", "Parameter 'id'" },
        { "test-busdev,bus=nobus", "Bus 'nobus' not found" },
        { "test-busdev", "No 'test-bus' bus found" },
    };
    GError *err = NULL;
    DeviceState *dev;

    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        g_autoptr(KeyValList) o = kv(bad[i].opts);
        g_assert_null(qdev_device_add(o, &err));
        if (!err || !strstr(err->message, bad[i].error)) {
            g_error("-device %s: expected error '%s', got '%s'", bad[i].opts,
                    bad[i].error, err ? err->message : "(none)");
        }
        g_clear_error(&err);
    }
    /* The check used before the kernel loads agrees on option errors. */
    for (size_t i = 0; i < 4; i++) {
        g_autoptr(KeyValList) o = kv(bad[i].opts);
        g_assert_false(qdev_device_check(o, &err));
        g_assert_nonnull(strstr(err->message, bad[i].error));
        g_clear_error(&err);
    }
    {
        g_autoptr(KeyValList) o = kv("test-dev,id=dev1,u8=42,str=a,,b");
        g_assert_true(qdev_device_check(o, &err));
        dev = qdev_device_add(o, &err);
        g_assert_no_error(err);
        g_assert_nonnull(dev);
        g_assert_cmpuint(TEST_DEV(dev)->u8, ==, 42);
        g_assert_cmpstr(TEST_DEV(dev)->str, ==, "a,b");
        g_assert_true(object_resolve_path("/machine/peripheral/dev1", NULL) ==
                      OBJECT(dev));
        g_assert_true(qdev_find_recursive_id("dev1") == dev);
    }
    {
        g_autoptr(KeyValList) o = kv("test-dev,id=dev1");
        g_assert_null(qdev_device_add(o, &err));
        expect_error(&err, "Duplicate device ID 'dev1'");
    }
    {
        g_autoptr(KeyValList) o = kv("test-dev");
        dev = qdev_device_add(o, &err);
        g_assert_nonnull(dev);
        g_autofree char *path = object_get_canonical_path(OBJECT(dev));
        g_assert_true(g_str_has_prefix(path, "/machine/peripheral-anon/device["));
    }
}

static char *capture(void (*fn)(FILE *f, void *opaque), void *opaque)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    fn(f, opaque);
    fclose(f);
    return buf;
}

static void print_list(FILE *f, void *opaque)
{
    qdev_print_device_list(f);
}

static void print_props(FILE *f, void *opaque)
{
    g_assert_true(qdev_print_device_props(f, opaque, NULL));
}

static void test_device_help(void)
{
    char *list = capture(print_list, NULL);
    char *props = capture(print_props, (void *)TYPE_TEST_SUBDEV);
    GError *err = NULL;

    g_assert_nonnull(strstr(list, "Misc devices:\n"));
    g_assert_nonnull(strstr(list, "name \"test-dev\", desc \"unit-test device\"\n"));
    g_assert_nonnull(strstr(list, "name \"test-busdev\", bus test-bus, "
                             "desc \"unit-test bus device\"\n"));
    g_assert_null(strstr(list, "test-hidden-dev"));
    g_assert_null(strstr(list, "test-abstract-dev"));
    g_assert_nonnull(strstr(props, "test-subdev options:\n"));
    g_assert_nonnull(strstr(props, "u8=<uint8>"));
    g_assert_nonnull(strstr(props, "(default: 5)"));
    g_assert_nonnull(strstr(props, "flag=<bool>"));
    g_assert_nonnull(strstr(props, "(default: on)"));
    g_assert_nonnull(strstr(props, "extra=<str>"));
    g_assert_nonnull(strstr(props, "peer=<link>"));
    g_assert_false(qdev_print_device_props(stdout, "nope", &err));
    expect_error(&err, "not a valid device model name");
    free(list);
    free(props);
}

/* ---------------------------------------------------------------------- */
/* Machines, CPU models, accelerators */

static const MachineProp test_machine_props[] = {
    { "gic-version", "string", "GIC version", "3",
      (const char *const[]){ "2", "3", "host", NULL } },
    { "highmem", "bool", "use high memory", "on", NULL },
    { "count", "uint", "a number", NULL, NULL },
    { NULL }
};

static void test_machine_init_fn(MachineClass *mc)
{
    mc->desc = "Unit Test Board";
    mc->target = "testarch";
    mc->props = test_machine_props;
    mc->is_default = true;
    mc->alias = "tb";
}

DEFINE_MACHINE("testboard", test_machine_init_fn)

static void print_machines(FILE *f, void *opaque)
{
    machine_print_list(f, opaque);
}

static void test_machine_registry(void)
{
    MachineClass *mc = machine_find_class("testarch", "testboard");
    char *list = capture(print_machines, (void *)"testarch");
    GError *err = NULL;

    g_assert_nonnull(mc);
    g_assert_true(machine_find_class("testarch", "tb") == mc);
    g_assert_true(machine_default_class("testarch") == mc);
    g_assert_null(machine_find_class("x86_64", "testboard"));
    /* "none" exists for every target. */
    g_assert_nonnull(machine_find_class("aarch64", "none"));
    g_assert_nonnull(machine_find_class("ppc64", "none"));
    g_assert_nonnull(machine_find_class("testarch", "none"));
    g_assert_nonnull(strstr(list, "none                 empty machine\n"));
    g_assert_nonnull(strstr(list,
                            "testboard            Unit Test Board (default)\n"));
    g_assert_nonnull(strstr(list, "tb                   Unit Test Board (alias of testboard)\n"));
    free(list);

    {
        g_autoptr(KeyValList) p = keyval_parse("gic-version=2,highmem=off,"
                                               "count=0x10,dumpdtb=x.dtb,accel=tcg",
                                               NULL, &err);
        g_assert_true(machine_check_props(mc, p, &err));
        g_assert_no_error(err);
    }
    {
        g_autoptr(KeyValList) p = keyval_parse("foo=1", NULL, &err);
        g_assert_false(machine_check_props(mc, p, &err));
        expect_error(&err, "Property 'testboard-machine.foo' not found");
    }
    {
        g_autoptr(KeyValList) p = keyval_parse("gic-version=4", NULL, &err);
        g_assert_false(machine_check_props(mc, p, &err));
        expect_error(&err, "one of: 2, 3, host");
    }
    {
        g_autoptr(KeyValList) p = keyval_parse("highmem=perhaps", NULL, &err);
        g_assert_false(machine_check_props(mc, p, &err));
        expect_error(&err, "'perhaps'");
    }
    {
        g_autoptr(KeyValList) p = keyval_parse("count=ten", NULL, &err);
        g_assert_false(machine_check_props(mc, p, &err));
        expect_error(&err, "'ten'");
    }
}

static const CPUModelProp test_cpu_common[] = {
    { "pmu", "bool", "PMU" },
    { "sve", "bool", "SVE" },
    { NULL }
};

static const CPUModelProp test_cpu_own[] = {
    { "vq", "uint", "vector quadwords" },
    { NULL }
};

static const CPUModel test_cpu_max = {
    .target = "testarch", .name = "tmax", .desc = "test max CPU",
    .type_name = "tmax-test-cpu",
    .props = test_cpu_own, .common_props = test_cpu_common,
};

static const CPUModel test_cpu_small = {
    .target = "testarch", .name = "tsmall", .common_props = test_cpu_common,
};

static void register_test_cpus(void)
{
    cpu_model_register(&test_cpu_max);
    cpu_model_register(&test_cpu_small);
}
type_init(register_test_cpus)

static void test_cpu_models(void)
{
    const CPUModel *m = NULL;
    KeyValList *opts = NULL;
    GError *err = NULL;
    GSList *list = cpu_model_list("testarch");

    g_assert_cmpuint(g_slist_length(list), ==, 2);
    g_assert_true(list->data == &test_cpu_max);
    g_slist_free(list);
    g_assert_true(cpu_model_find("testarch", "tsmall") == &test_cpu_small);
    g_assert_null(cpu_model_find("aarch64", "tsmall"));

    g_assert_true(cpu_model_parse("testarch", "tmax,+sve,-pmu,vq=4", &m, &opts,
                                  &err));
    g_assert_true(m == &test_cpu_max);
    g_assert_cmpstr(keyval_get(opts, "sve"), ==, "on");
    g_assert_cmpstr(keyval_get(opts, "pmu"), ==, "off");
    g_assert_cmpstr(keyval_get(opts, "vq"), ==, "4");
    keyval_free(opts);
    g_assert_true(cpu_model_parse("testarch", "tsmall,sve=yes", &m, &opts,
                                  &err));
    g_assert_cmpstr(keyval_get(opts, "sve"), ==, "on");
    keyval_free(opts);

    g_assert_false(cpu_model_parse("testarch", "nope", &m, &opts, &err));
    expect_error(&err, "unable to find CPU model 'nope'");
    g_assert_false(cpu_model_parse("testarch", "tmax,+foo", &m, &opts, &err));
    expect_error(&err, "Property 'tmax-test-cpu.foo' not found");
    g_assert_false(cpu_model_parse("testarch", "tsmall,vq=4", &m, &opts, &err));
    expect_error(&err, "Property 'tsmall.vq' not found");
    g_assert_false(cpu_model_parse("testarch", "tmax,+vq", &m, &opts, &err));
    expect_error(&err, "not a feature flag");
    g_assert_false(cpu_model_parse("testarch", "tmax,vq=x", &m, &opts, &err));
    expect_error(&err, "'x'");
    g_assert_false(cpu_model_parse("testarch", "tmax,sve=2", &m, &opts, &err));
    expect_error(&err, "'2'");
}

static bool never_available(GError **errp)
{
    g_set_error(errp, g_quark_from_static_string("test"), 0,
                "the test accelerator is never available");
    return false;
}

static const char *const test_accel_props[] = { "thread", NULL };

static bool test_accel_check(const KeyValList *props, GError **errp)
{
    const char *t = keyval_get(props, "thread");

    if (t && strcmp(t, "single") && strcmp(t, "multi")) {
        g_set_error(errp, g_quark_from_static_string("test"), 0,
                    "thread=%s: expected single or multi", t);
        return false;
    }
    return true;
}

static const AccelOps test_accel_ok = {
    .name = "testaccel", .props = test_accel_props,
    .check_props = test_accel_check,
};

static const AccelOps test_accel_never = {
    .name = "testnever", .available = never_available,
};

static void test_accels(void)
{
    GError *err = NULL;
    g_autoptr(KeyValList) good = keyval_parse("thread=single", NULL, &err);
    g_autoptr(KeyValList) bad = keyval_parse("foo=1", NULL, &err);
    char *names;

    accel_register(&test_accel_ok);
    accel_register(&test_accel_never);
    names = accel_list_names();
    g_assert_nonnull(strstr(names, "testaccel"));
    g_assert_nonnull(strstr(names, "kvm"));     /* the placeholder */
    g_free(names);
    g_assert_true(accel_select("testaccel", good, &err) == &test_accel_ok);
    g_assert_null(accel_select("testaccel", bad, &err));
    expect_error(&err, "-accel testaccel: unknown property 'foo'");
    {
        g_autoptr(KeyValList) badval = keyval_parse("thread=triple", NULL, &err);
        g_assert_null(accel_select("testaccel", badval, &err));
        expect_error(&err, "-accel testaccel: thread=triple: expected single "
                     "or multi");
    }
    g_assert_null(accel_select("testnever", NULL, &err));
    expect_error(&err, "-accel testnever: the test accelerator is never "
                 "available");
    g_assert_null(accel_select("foo", NULL, &err));
    g_assert_nonnull(err);
    g_assert_true(g_str_has_prefix(err->message, "-accel foo: unknown "
                                   "accelerator ("));
    g_assert_nonnull(strstr(err->message, "testaccel"));
    g_clear_error(&err);
    g_assert_true(accel_init_machine(&test_accel_ok, NULL, good, &err));
    g_assert_true(accel_is("testaccel"));
    g_assert_cmpstr(current_accel_name(), ==, "testaccel");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qom/type-lookup-and-casts", test_type_lookup_and_casts);
    g_test_add_func("/qom/class-list", test_class_list);
    g_test_add_func("/qom/init-finalize-order", test_init_finalize_order);
    g_test_add_func("/qom/partial-path-ambiguity", test_partial_path_ambiguity);
    g_test_add_func("/qom/child-lifetime", test_child_lifetime);
    g_test_add_func("/qdev/prop-defaults", test_prop_defaults);
    g_test_add_func("/qdev/prop-set-and-ranges", test_prop_set_and_ranges);
    g_test_add_func("/qdev/prop-subclass-inherits", test_prop_subclass_inherits);
    g_test_add_func("/qdev/board-setters", test_board_setters);
    g_test_add_func("/qdev/prop-chardev", test_prop_chardev);
    g_test_add_func("/qdev/realize-and-tree", test_realize_and_tree);
    g_test_add_func("/qdev/link-property", test_link_property);
    g_test_add_func("/qdev/gpio-lines", test_gpio_lines);
    g_test_add_func("/qdev/sysbus-irq", test_sysbus_irq);
    g_test_add_func("/qdev/composite-device", test_composite_device);
    g_test_add_func("/qdev/sysbus-mmio-map", test_sysbus_mmio_map);
    g_test_add_func("/qom/field-properties", test_field_properties);
    g_test_add_func("/qdev/globals", test_globals);
    g_test_add_func("/qdev/device-add", test_device_add);
    g_test_add_func("/qdev/device-help", test_device_help);
    g_test_add_func("/qdev/bus-and-reset", test_bus_and_reset);
    g_test_add_func("/qdev/first-free-bus", test_first_free_bus);
    g_test_add_func("/machine/registry", test_machine_registry);
    g_test_add_func("/machine/cpu-models", test_cpu_models);
    g_test_add_func("/accel/registry", test_accels);
    return g_test_run();
}
