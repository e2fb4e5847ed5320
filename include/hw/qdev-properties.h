/*
 * qdev-properties.h - typed device properties with defaults.
 *
 * A device class lists its properties once; each becomes an object
 * property of every instance, with its default stored at creation, so
 * -device, -global, QMP and board code all set it the same way:
 *
 *     static Property pl011_properties[] = {
 *         DEFINE_PROP_CHR("chardev", PL011State, chr),
 *         DEFINE_PROP_UINT32("fifo-depth", PL011State, fifo_depth, 16),
 *         DEFINE_PROP_BOOL("migrate-clk", PL011State, migrate_clk, true),
 *         DEFINE_PROP_END_OF_LIST(),
 *     };
 *     ...  device_class_set_props(dc, pl011_properties);   // in class_init
 *
 * Values are checked when set: a number out of the field's range, a bad
 * boolean, an unknown chardev id or a link to an object of the wrong type
 * is an error naming the device type and the property. Semantic checks
 * (a value that is in range but unsupported) belong in realize().
 *
 * DEFINE_PROP_CHR stores a Chardev * (NULL when unset); the device
 * attaches its front end in realize (qemu_chr_fe_init).
 */
#ifndef HW_QDEV_PROPERTIES_H
#define HW_QDEV_PROPERTIES_H

#include "hw/qdev.h"

typedef struct PropertyInfo {
    const char *name;           /* shown in -device T,help: "uint32", "bool" */
    const char *description;
    /* Parse @value into the field at @ptr. */
    bool (*parse)(Object *obj, Property *prop, void *ptr, const char *value,
                  GError **errp);
    /* The field's value as a string (g_free). */
    char *(*print)(Object *obj, Property *prop, void *ptr);
    /* Store prop->defval into the field (NULL: leave zero). */
    void (*set_default)(Object *obj, Property *prop, void *ptr);
    /* The default as shown in help (g_free), or NULL for none. */
    char *(*print_default)(Property *prop);
    /* Free what the field owns (strings). */
    void (*release)(Object *obj, Property *prop, void *ptr);
} PropertyInfo;

struct Property {
    const char *name;
    const PropertyInfo *info;
    ptrdiff_t offset;
    bool set_default;
    union {
        int64_t i;
        uint64_t u;
    } defval;
    uint8_t bitnr;              /* DEFINE_PROP_BIT / BIT64 */
    const char *link_type;      /* DEFINE_PROP_LINK */
    const char *description;    /* optional, for help */
};

extern const PropertyInfo qdev_prop_bit;
extern const PropertyInfo qdev_prop_bit64;
extern const PropertyInfo qdev_prop_bool;
extern const PropertyInfo qdev_prop_uint8;
extern const PropertyInfo qdev_prop_uint16;
extern const PropertyInfo qdev_prop_uint32;
extern const PropertyInfo qdev_prop_int32;
extern const PropertyInfo qdev_prop_uint64;
extern const PropertyInfo qdev_prop_int64;
extern const PropertyInfo qdev_prop_size;
extern const PropertyInfo qdev_prop_string;
extern const PropertyInfo qdev_prop_chr;
extern const PropertyInfo qdev_prop_link;

/* 0 when the field has type _type; a compile error (warning) otherwise. */
#define qdev_prop_type_check(_type, _state, _field) \
    ((_type *)0 - (__typeof__(((_state *)0)->_field) *)0)

#define DEFINE_PROP(_name, _state, _field, _prop, _type, ...) {        \
        .name = (_name),                                               \
        .info = &(_prop),                                              \
        .offset = offsetof(_state, _field)                             \
            + qdev_prop_type_check(_type, _state, _field),             \
        __VA_ARGS__                                                    \
    }

#define DEFINE_PROP_SIGNED(_name, _state, _field, _defval, _prop, _type) \
    DEFINE_PROP(_name, _state, _field, _prop, _type,                   \
                .set_default = true, .defval.i = (_type)(_defval))
#define DEFINE_PROP_UNSIGNED(_name, _state, _field, _defval, _prop, _type) \
    DEFINE_PROP(_name, _state, _field, _prop, _type,                   \
                .set_default = true, .defval.u = (_type)(_defval))

#define DEFINE_PROP_BIT(_name, _state, _field, _bit, _defval)          \
    DEFINE_PROP(_name, _state, _field, qdev_prop_bit, uint32_t,        \
                .bitnr = (_bit), .set_default = true,                  \
                .defval.u = (bool)(_defval))
#define DEFINE_PROP_BIT64(_name, _state, _field, _bit, _defval)        \
    DEFINE_PROP(_name, _state, _field, qdev_prop_bit64, uint64_t,      \
                .bitnr = (_bit), .set_default = true,                  \
                .defval.u = (bool)(_defval))
#define DEFINE_PROP_BOOL(_name, _state, _field, _defval)               \
    DEFINE_PROP(_name, _state, _field, qdev_prop_bool, bool,           \
                .set_default = true, .defval.u = (bool)(_defval))
#define DEFINE_PROP_UINT8(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint8, uint8_t)
#define DEFINE_PROP_UINT16(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint16, uint16_t)
#define DEFINE_PROP_UINT32(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint32, uint32_t)
#define DEFINE_PROP_INT32(_n, _s, _f, _d) \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_int32, int32_t)
#define DEFINE_PROP_UINT64(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint64, uint64_t)
#define DEFINE_PROP_INT64(_n, _s, _f, _d) \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_int64, int64_t)
#define DEFINE_PROP_SIZE(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_size, uint64_t)
#define DEFINE_PROP_STRING(_n, _s, _f) \
    DEFINE_PROP(_n, _s, _f, qdev_prop_string, char *)
#define DEFINE_PROP_CHR(_n, _s, _f) \
    DEFINE_PROP(_n, _s, _f, qdev_prop_chr, Chardev *)
/* A link to an object of _type (or a subtype); _ptr_type is the field's type. */
#define DEFINE_PROP_LINK(_n, _s, _f, _type, _ptr_type) \
    DEFINE_PROP(_n, _s, _f, qdev_prop_link, _ptr_type, .link_type = (_type))
#define DEFINE_PROP_END_OF_LIST() { 0 }

/* Give @dc its own properties (an array ended by DEFINE_PROP_END_OF_LIST). */
void device_class_set_props(DeviceClass *dc, Property *props);

/* Find a property of @dc's class chain by name, or NULL. */
Property *qdev_prop_find(DeviceClass *dc, const char *name);
/* Call @fn for every property of the class chain, own ones first. */
void qdev_class_foreach_prop(DeviceClass *dc,
                             void (*fn)(Property *prop, void *opaque),
                             void *opaque);

/*
 * Board-code setters: a failure here is a bug in the board, so they print
 * the error and abort. Use object_property_set_*() for user input.
 */
void qdev_prop_set_bit(DeviceState *dev, const char *name, bool value);
void qdev_prop_set_bool(DeviceState *dev, const char *name, bool value);
void qdev_prop_set_uint8(DeviceState *dev, const char *name, uint8_t value);
void qdev_prop_set_uint16(DeviceState *dev, const char *name, uint16_t value);
void qdev_prop_set_uint32(DeviceState *dev, const char *name, uint32_t value);
void qdev_prop_set_int32(DeviceState *dev, const char *name, int32_t value);
void qdev_prop_set_uint64(DeviceState *dev, const char *name, uint64_t value);
void qdev_prop_set_int64(DeviceState *dev, const char *name, int64_t value);
void qdev_prop_set_string(DeviceState *dev, const char *name,
                          const char *value);
void qdev_prop_set_chr(DeviceState *dev, const char *name, Chardev *value);
void qdev_prop_set_link(DeviceState *dev, const char *name, Object *value);

/*
 * How DEFINE_PROP_CHR turns an id into a Chardev and back. By default the
 * chardev layer's qemu_chr_find() is used when it is linked in; unit tests
 * may install their own.
 */
typedef Chardev *(*QdevChardevFind)(const char *id);
void qdev_set_chardev_find(QdevChardevFind find);

#endif
