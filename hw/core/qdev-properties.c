/*
 * qdev-properties.c - the property types of DEFINE_PROP_* and the bridge
 * that turns a class's Property array into object properties of each
 * instance. See include/hw/qdev-properties.h.
 */
#include "util/osdep.h"
#include "hw/qdev-properties.h"
#include "qdev-internal.h"
#include "chardev/char.h"
#include "util/error.h"
#include "util/keyval.h"

/*
 * The chardev layer may not be linked into every test program; a weak
 * reference lets qdev use qemu_chr_find() when it exists without making
 * the object model depend on it.
 */
#pragma weak qemu_chr_find

static QdevChardevFind chardev_find_hook;

void qdev_set_chardev_find(QdevChardevFind find)
{
    chardev_find_hook = find;
}

static Chardev *chardev_find(const char *id)
{
    if (chardev_find_hook) {
        return chardev_find_hook(id);
    }
    if (qemu_chr_find) {
        return qemu_chr_find(id);
    }
    return NULL;
}

static void *prop_ptr(Object *obj, Property *prop)
{
    return (char *)obj + prop->offset;
}

static bool bad_value(Object *obj, Property *prop, const char *value,
                      GError **errp)
{
    error_setg(errp, "Property '%s.%s' doesn't take value '%s' (expects %s)",
               object_get_typename(obj), prop->name, value, prop->info->name);
    return false;
}

/* ---- unsigned and signed integers ---- */

static bool parse_unsigned(Object *obj, Property *prop, const char *value,
                           uint64_t max, uint64_t *out, GError **errp)
{
    GError *err = NULL;

    if (!parse_uint64(value, out, &err)) {
        g_error_free(err);
        return bad_value(obj, prop, value, errp);
    }
    if (*out > max) {
        error_setg(errp, "Property '%s.%s' doesn't take value '%s' "
                   "(%s: the maximum is %" PRIu64 ")",
                   object_get_typename(obj), prop->name, value,
                   prop->info->name, max);
        return false;
    }
    return true;
}

static bool parse_signed(Object *obj, Property *prop, const char *value,
                         int64_t min, int64_t max, int64_t *out, GError **errp)
{
    char *end;
    long long v;

    errno = 0;
    v = strtoll(value, &end, 0);
    if (!*value || *end || g_ascii_isspace(*value) || errno == ERANGE) {
        return bad_value(obj, prop, value, errp);
    }
    if (v < min || v > max) {
        error_setg(errp, "Property '%s.%s' doesn't take value '%s' "
                   "(%s: the range is %" PRId64 " to %" PRId64 ")",
                   object_get_typename(obj), prop->name, value,
                   prop->info->name, min, max);
        return false;
    }
    *out = v;
    return true;
}

#define UNSIGNED_PROP(bits, type_name)                                      \
static bool parse_u##bits(Object *obj, Property *prop, void *ptr,           \
                          const char *value, GError **errp)                 \
{                                                                           \
    uint64_t v;                                                             \
    if (!parse_unsigned(obj, prop, value, UINT##bits##_MAX, &v, errp)) {    \
        return false;                                                       \
    }                                                                       \
    *(uint##bits##_t *)ptr = v;                                             \
    return true;                                                            \
}                                                                           \
static char *print_u##bits(Object *obj, Property *prop, void *ptr)          \
{                                                                           \
    return g_strdup_printf("%" PRIu64, (uint64_t)*(uint##bits##_t *)ptr);   \
}                                                                           \
static void default_u##bits(Object *obj, Property *prop, void *ptr)         \
{                                                                           \
    *(uint##bits##_t *)ptr = prop->defval.u;                                \
}                                                                           \
const PropertyInfo qdev_prop_uint##bits = {                                 \
    .name = type_name,                                                      \
    .parse = parse_u##bits,                                                 \
    .print = print_u##bits,                                                 \
    .set_default = default_u##bits,                                         \
    .print_default = print_default_unsigned,                                \
};

static char *print_default_unsigned(Property *prop)
{
    return g_strdup_printf("%" PRIu64, prop->defval.u);
}

static char *print_default_signed(Property *prop)
{
    return g_strdup_printf("%" PRId64, prop->defval.i);
}

UNSIGNED_PROP(8, "uint8")
UNSIGNED_PROP(16, "uint16")
UNSIGNED_PROP(32, "uint32")
UNSIGNED_PROP(64, "uint64")

#define SIGNED_PROP(bits, type_name)                                        \
static bool parse_i##bits(Object *obj, Property *prop, void *ptr,           \
                          const char *value, GError **errp)                 \
{                                                                           \
    int64_t v;                                                              \
    if (!parse_signed(obj, prop, value, INT##bits##_MIN, INT##bits##_MAX,   \
                      &v, errp)) {                                          \
        return false;                                                       \
    }                                                                       \
    *(int##bits##_t *)ptr = v;                                              \
    return true;                                                            \
}                                                                           \
static char *print_i##bits(Object *obj, Property *prop, void *ptr)          \
{                                                                           \
    return g_strdup_printf("%" PRId64, (int64_t)*(int##bits##_t *)ptr);     \
}                                                                           \
static void default_i##bits(Object *obj, Property *prop, void *ptr)         \
{                                                                           \
    *(int##bits##_t *)ptr = prop->defval.i;                                 \
}                                                                           \
const PropertyInfo qdev_prop_int##bits = {                                  \
    .name = type_name,                                                      \
    .parse = parse_i##bits,                                                 \
    .print = print_i##bits,                                                 \
    .set_default = default_i##bits,                                         \
    .print_default = print_default_signed,                                  \
};

SIGNED_PROP(32, "int32")
SIGNED_PROP(64, "int64")

/* ---- size ---- */

static bool parse_sz(Object *obj, Property *prop, void *ptr, const char *value,
                     GError **errp)
{
    GError *err = NULL;

    if (!parse_size(value, ptr, &err)) {
        error_setg(errp, "Property '%s.%s' doesn't take value '%s' (%s)",
                   object_get_typename(obj), prop->name, value, err->message);
        g_error_free(err);
        return false;
    }
    return true;
}

const PropertyInfo qdev_prop_size = {
    .name = "size",
    .parse = parse_sz,
    .print = print_u64,
    .set_default = default_u64,
    .print_default = print_default_unsigned,
};

/* ---- booleans and bits ---- */

static bool parse_boolean(Object *obj, Property *prop, const char *value,
                          bool *out, GError **errp)
{
    if (!parse_bool(value, out)) {
        return bad_value(obj, prop, value, errp);
    }
    return true;
}

static bool parse_bool_prop(Object *obj, Property *prop, void *ptr,
                            const char *value, GError **errp)
{
    return parse_boolean(obj, prop, value, ptr, errp);
}

static char *print_bool(Object *obj, Property *prop, void *ptr)
{
    return g_strdup(*(bool *)ptr ? "on" : "off");
}

static void default_bool(Object *obj, Property *prop, void *ptr)
{
    *(bool *)ptr = prop->defval.u;
}

static char *print_default_bool(Property *prop)
{
    return g_strdup(prop->defval.u ? "on" : "off");
}

const PropertyInfo qdev_prop_bool = {
    .name = "bool",
    .parse = parse_bool_prop,
    .print = print_bool,
    .set_default = default_bool,
    .print_default = print_default_bool,
};

static bool parse_bit(Object *obj, Property *prop, void *ptr,
                      const char *value, GError **errp)
{
    bool v;

    if (!parse_boolean(obj, prop, value, &v, errp)) {
        return false;
    }
    if (v) {
        *(uint32_t *)ptr |= 1u << prop->bitnr;
    } else {
        *(uint32_t *)ptr &= ~(1u << prop->bitnr);
    }
    return true;
}

static char *print_bit(Object *obj, Property *prop, void *ptr)
{
    return g_strdup((*(uint32_t *)ptr >> prop->bitnr) & 1 ? "on" : "off");
}

static void default_bit(Object *obj, Property *prop, void *ptr)
{
    parse_bit(obj, prop, ptr, prop->defval.u ? "on" : "off", NULL);
}

const PropertyInfo qdev_prop_bit = {
    .name = "bool",
    .parse = parse_bit,
    .print = print_bit,
    .set_default = default_bit,
    .print_default = print_default_bool,
};

static bool parse_bit64(Object *obj, Property *prop, void *ptr,
                        const char *value, GError **errp)
{
    bool v;

    if (!parse_boolean(obj, prop, value, &v, errp)) {
        return false;
    }
    if (v) {
        *(uint64_t *)ptr |= 1ull << prop->bitnr;
    } else {
        *(uint64_t *)ptr &= ~(1ull << prop->bitnr);
    }
    return true;
}

static char *print_bit64(Object *obj, Property *prop, void *ptr)
{
    return g_strdup((*(uint64_t *)ptr >> prop->bitnr) & 1 ? "on" : "off");
}

static void default_bit64(Object *obj, Property *prop, void *ptr)
{
    parse_bit64(obj, prop, ptr, prop->defval.u ? "on" : "off", NULL);
}

const PropertyInfo qdev_prop_bit64 = {
    .name = "bool",
    .parse = parse_bit64,
    .print = print_bit64,
    .set_default = default_bit64,
    .print_default = print_default_bool,
};

/* ---- strings ---- */

static bool parse_string(Object *obj, Property *prop, void *ptr,
                         const char *value, GError **errp)
{
    char **p = ptr;

    g_free(*p);
    *p = g_strdup(value);
    return true;
}

static char *print_string(Object *obj, Property *prop, void *ptr)
{
    return g_strdup(*(char **)ptr ? *(char **)ptr : "");
}

static void release_string(Object *obj, Property *prop, void *ptr)
{
    char **p = ptr;

    g_free(*p);
    *p = NULL;
}

const PropertyInfo qdev_prop_string = {
    .name = "str",
    .parse = parse_string,
    .print = print_string,
    .release = release_string,
};

/* ---- chardevs ---- */

static bool parse_chr(Object *obj, Property *prop, void *ptr,
                      const char *value, GError **errp)
{
    Chardev **p = ptr;
    Chardev *chr;

    if (!*value) {
        *p = NULL;
        return true;
    }
    chr = chardev_find(value);
    if (!chr) {
        error_setg(errp, "Property '%s.%s' can't find value '%s' "
                   "(no chardev with that id)", object_get_typename(obj),
                   prop->name, value);
        return false;
    }
    *p = chr;
    return true;
}

static char *print_chr(Object *obj, Property *prop, void *ptr)
{
    Chardev *chr = *(Chardev **)ptr;

    return g_strdup(chr && chr->label ? chr->label : "");
}

const PropertyInfo qdev_prop_chr = {
    .name = "str",
    .description = "ID of a chardev to use as a backend",
    .parse = parse_chr,
    .print = print_chr,
};

/* ---- links ---- */

static bool parse_link(Object *obj, Property *prop, void *ptr,
                       const char *value, GError **errp)
{
    Object **p = ptr;
    Object *target;
    bool ambiguous = false;

    if (!*value) {
        *p = NULL;
        return true;
    }
    target = object_resolve_path_type(value, prop->link_type, &ambiguous);
    if (!target) {
        error_setg(errp, "Property '%s.%s' can't find value '%s' "
                   "(%s of type '%s')", object_get_typename(obj), prop->name,
                   value, ambiguous ? "ambiguous path to an object"
                                    : "no object", prop->link_type);
        return false;
    }
    *p = target;
    return true;
}

static char *print_link(Object *obj, Property *prop, void *ptr)
{
    Object *target = *(Object **)ptr;
    char *path = target ? object_get_canonical_path(target) : NULL;

    return path ? path : g_strdup("");
}

const PropertyInfo qdev_prop_link = {
    .name = "link",
    .parse = parse_link,
    .print = print_link,
};

/* ---------------------------------------------------------------------- */
/* Class property lists */

void device_class_set_props(DeviceClass *dc, Property *props)
{
    dc->props_ = props;
}

/*
 * A class's own list is props_ when it differs from its parent's: class
 * structs are copied from the parent, so an untouched props_ is inherited.
 */
static Property *class_own_props(DeviceClass *dc)
{
    ObjectClass *parent = object_class_get_parent(OBJECT_CLASS(dc));

    if (parent && object_class_dynamic_cast(parent, TYPE_DEVICE) &&
        DEVICE_CLASS(parent)->props_ == dc->props_) {
        return NULL;
    }
    return dc->props_;
}

void qdev_class_foreach_prop(DeviceClass *dc,
                             void (*fn)(Property *prop, void *opaque),
                             void *opaque)
{
    for (ObjectClass *oc = OBJECT_CLASS(dc);
         oc && object_class_dynamic_cast(oc, TYPE_DEVICE);
         oc = object_class_get_parent(oc)) {
        Property *p = class_own_props(DEVICE_CLASS(oc));

        for (; p && p->name; p++) {
            fn(p, opaque);
        }
    }
}

typedef struct FindProp {
    const char *name;
    Property *found;
} FindProp;

static void find_one(Property *prop, void *opaque)
{
    FindProp *fp = opaque;

    if (!fp->found && !strcmp(prop->name, fp->name)) {
        fp->found = prop;
    }
}

Property *qdev_prop_find(DeviceClass *dc, const char *name)
{
    FindProp fp = { name, NULL };

    qdev_class_foreach_prop(dc, find_one, &fp);
    return fp.found;
}

/* ---- the object-property bridge (used by device instance_init) ---- */

static char *qdev_prop_get(Object *obj, ObjectProperty *op, GError **errp)
{
    Property *prop = op->opaque;

    return prop->info->print(obj, prop, prop_ptr(obj, prop));
}

static bool qdev_prop_set(Object *obj, ObjectProperty *op, const char *value,
                          GError **errp)
{
    Property *prop = op->opaque;
    DeviceState *dev = DEVICE(obj);

    if (dev->realized) {
        error_setg(errp, "Attempt to set property '%s' on device '%s' "
                   "(type '%s') after it was realized", prop->name,
                   dev->id ? dev->id : "<anon>", object_get_typename(obj));
        return false;
    }
    return prop->info->parse(obj, prop, prop_ptr(obj, prop), value, errp);
}

static void qdev_prop_release(Object *obj, ObjectProperty *op)
{
    Property *prop = op->opaque;

    if (prop->info->release) {
        prop->info->release(obj, prop, prop_ptr(obj, prop));
    }
}

static void add_one(Property *prop, void *opaque)
{
    Object *obj = opaque;
    g_autofree char *type = NULL;
    ObjectProperty *op;

    /* A subclass may redefine a parent's property: the first (own) wins. */
    if (object_property_find(obj, prop->name)) {
        return;
    }
    if (prop->info == &qdev_prop_link) {
        type = g_strdup_printf("link<%s>", prop->link_type);
    } else {
        type = g_strdup(prop->info->name);
    }
    if (prop->set_default && prop->info->set_default) {
        prop->info->set_default(obj, prop, prop_ptr(obj, prop));
    }
    op = object_property_add(obj, prop->name, type, qdev_prop_get,
                             qdev_prop_set, qdev_prop_release, prop);
    if (prop->description || prop->info->description) {
        op->description = g_strdup(prop->description ? prop->description
                                                     : prop->info->description);
    }
}

void qdev_add_class_properties(DeviceState *dev)
{
    qdev_class_foreach_prop(DEVICE_GET_CLASS(dev), add_one, dev);
}

/* ---------------------------------------------------------------------- */
/* Board-code setters */

static void set_or_abort(DeviceState *dev, const char *name,
                         const char *value)
{
    GError *err = NULL;

    if (!object_property_set_str(OBJECT(dev), name, value, &err)) {
        fprintf(stderr, "qdev_prop_set: %s\n", err->message);
        abort();
    }
}

void qdev_prop_set_bit(DeviceState *dev, const char *name, bool value)
{
    set_or_abort(dev, name, value ? "on" : "off");
}

void qdev_prop_set_bool(DeviceState *dev, const char *name, bool value)
{
    set_or_abort(dev, name, value ? "on" : "off");
}

static void set_unsigned(DeviceState *dev, const char *name, uint64_t value)
{
    char buf[32];

    snprintf(buf, sizeof(buf), "%" PRIu64, value);
    set_or_abort(dev, name, buf);
}

static void set_signed(DeviceState *dev, const char *name, int64_t value)
{
    char buf[32];

    snprintf(buf, sizeof(buf), "%" PRId64, value);
    set_or_abort(dev, name, buf);
}

void qdev_prop_set_uint8(DeviceState *dev, const char *name, uint8_t value)
{
    set_unsigned(dev, name, value);
}

void qdev_prop_set_uint16(DeviceState *dev, const char *name, uint16_t value)
{
    set_unsigned(dev, name, value);
}

void qdev_prop_set_uint32(DeviceState *dev, const char *name, uint32_t value)
{
    set_unsigned(dev, name, value);
}

void qdev_prop_set_int32(DeviceState *dev, const char *name, int32_t value)
{
    set_signed(dev, name, value);
}

void qdev_prop_set_uint64(DeviceState *dev, const char *name, uint64_t value)
{
    set_unsigned(dev, name, value);
}

void qdev_prop_set_int64(DeviceState *dev, const char *name, int64_t value)
{
    set_signed(dev, name, value);
}

void qdev_prop_set_string(DeviceState *dev, const char *name,
                          const char *value)
{
    set_or_abort(dev, name, value ? value : "");
}

void qdev_prop_set_chr(DeviceState *dev, const char *name, Chardev *value)
{
    /*
     * Store the pointer directly: board code passes serial_hd(i), which
     * may have no id the lookup could find (and may be NULL).
     */
    Property *prop = qdev_prop_find(DEVICE_GET_CLASS(dev), name);

    if (!prop || prop->info != &qdev_prop_chr) {
        fprintf(stderr, "qdev_prop_set_chr: '%s.%s' is not a chardev "
                "property\n", object_get_typename(OBJECT(dev)), name);
        abort();
    }
    g_assert(!dev->realized);
    *(Chardev **)prop_ptr(OBJECT(dev), prop) = value;
}

void qdev_prop_set_link(DeviceState *dev, const char *name, Object *value)
{
    Property *prop = qdev_prop_find(DEVICE_GET_CLASS(dev), name);

    if (prop && prop->info == &qdev_prop_link) {
        /* Links set by boards may point at objects not yet in the tree. */
        if (value && !object_dynamic_cast(value, prop->link_type)) {
            fprintf(stderr, "qdev_prop_set_link: '%s.%s' needs a '%s', "
                    "got a '%s'\n", object_get_typename(OBJECT(dev)), name,
                    prop->link_type, object_get_typename(value));
            abort();
        }
        g_assert(!dev->realized);
        *(Object **)prop_ptr(OBJECT(dev), prop) = value;
        return;
    }
    {
        GError *err = NULL;
        if (!object_property_set_link(OBJECT(dev), name, value, &err)) {
            fprintf(stderr, "qdev_prop_set_link: %s\n", err->message);
            abort();
        }
    }
}
