/*
 * object.h - plumb's small object model: types with single inheritance,
 * a class/instance split, named string-typed properties, reference
 * counting, and a tree of objects addressed by paths ("/machine/...").
 *
 * It mirrors the part of QEMU's QOM that devices, machines, QMP (qom-get,
 * qom-set, qom-list) and qtest (irq_intercept_in /machine/...) rely on, with
 * QEMU's names. Not here: interfaces, class properties, visitors, user
 * creatable objects (-object).
 *
 * Defining a type:
 *
 *     #define TYPE_PL011 "pl011"
 *     OBJECT_DECLARE_SIMPLE_TYPE(PL011State, PL011)   // PL011(obj) cast
 *     struct PL011State { SysBusDevice parent_obj; ... };
 *
 *     static const TypeInfo pl011_info = {
 *         .name = TYPE_PL011,
 *         .parent = TYPE_SYS_BUS_DEVICE,
 *         .instance_size = sizeof(PL011State),
 *         .instance_init = pl011_init,
 *         .class_init = pl011_class_init,
 *     };
 *     static void pl011_register_types(void) { type_register_static(&pl011_info); }
 *     type_init(pl011_register_types)
 *
 * Properties are accessed as strings at the bottom ("42", "on", a path for
 * links) with a type name ("uint32", "bool", "str", "child<pl011>",
 * "link<pci-device>") so that the command line, QMP and the monitor share
 * one mechanism; the typed helpers (object_property_set_int ...) format and
 * parse for you.
 */
#ifndef QOM_OBJECT_H
#define QOM_OBJECT_H

#include "util/osdep.h"
#include "util/module.h"

#define TYPE_OBJECT "object"
#define TYPE_CONTAINER "container"

typedef struct TypeImpl *Type;
typedef struct ObjectProperty ObjectProperty;

struct ObjectClass {
    Type type;                  /* private */
};

struct Object {
    ObjectClass *class;         /* private, use object_get_class() */
    GPtrArray *properties;      /* private: ObjectProperty *, in add order */
    int ref;                    /* private */
    Object *parent;             /* private: the tree parent, or NULL */
    char *name_in_parent;       /* private */
    void (*free)(void *obj);    /* private: g_free, or NULL when embedded */
};

typedef struct TypeInfo {
    const char *name;
    const char *parent;
    size_t instance_size;       /* 0: the parent's */
    /* Called parent-first on a zeroed instance. Must not fail. */
    void (*instance_init)(Object *obj);
    /* After every instance_init of the chain ran (class defaults set). */
    void (*instance_post_init)(Object *obj);
    /* Called child-first when the last reference goes. */
    void (*instance_finalize)(Object *obj);
    bool abstract;
    size_t class_size;          /* 0: the parent's */
    /* Called once, on a copy of the parent's class. */
    void (*class_init)(ObjectClass *klass, void *data);
    void *class_data;
} TypeInfo;

/* Register a type. @info must be static (it is kept by reference). */
Type type_register_static(const TypeInfo *info);
/* Same, copying @info. */
Type type_register(const TypeInfo *info);

/* Create an object of a concrete type; aborts on an unknown or abstract
 * type (an internal error: check object_class_by_name() for user input). */
Object *object_new(const char *typename);
Object *object_new_with_class(ObjectClass *klass);

/*
 * Initialize an object embedded in a bigger struct (@size bytes at @data,
 * at least the type's instance size). Its memory is not freed when the
 * last reference goes.
 */
void object_initialize(void *data, size_t size, const char *typename);
/* Same, then make it a child of @parent under @propname (the tree then
 * holds the only reference). */
void object_initialize_child_internal(Object *parent, const char *propname,
                                      void *child, size_t size,
                                      const char *typename);
#define object_initialize_child(parent, propname, child, type) \
    object_initialize_child_internal(OBJECT(parent), (propname), (child), \
                                     sizeof(*(child)), (type))

Object *object_ref(void *obj);
void object_unref(void *obj);

/* The class of @typename, or NULL when no such type exists. */
ObjectClass *object_class_by_name(const char *typename);
ObjectClass *object_get_class(Object *obj);
const char *object_get_typename(const Object *obj);
const char *object_class_get_name(ObjectClass *klass);
ObjectClass *object_class_get_parent(ObjectClass *klass);
bool object_class_is_abstract(ObjectClass *klass);

/* @obj (or @klass) if it is of type @typename or a subtype, else NULL. */
Object *object_dynamic_cast(Object *obj, const char *typename);
ObjectClass *object_class_dynamic_cast(ObjectClass *klass,
                                       const char *typename);
/* Same, but aborting with a message naming both types on a mismatch. */
Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line);
ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line);

/*
 * The classes of every type that is @implements_type or a subtype
 * (NULL: all), abstract ones only when @include_abstract. Sorted by name.
 * g_slist_free() the list, not the classes.
 */
GSList *object_class_get_list(const char *implements_type,
                              bool include_abstract);
void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements_type, bool include_abstract,
                          void *opaque);

#define OBJECT(obj) ((Object *)(obj))
#define OBJECT_CLASS(klass) ((ObjectClass *)(klass))

#define OBJECT_CHECK(type, obj, name) \
    ((type *)object_dynamic_cast_assert(OBJECT(obj), (name), __FILE__, __LINE__))
#define OBJECT_CLASS_CHECK(class_type, klass, name) \
    ((class_type *)object_class_dynamic_cast_assert(OBJECT_CLASS(klass), \
                                                    (name), __FILE__, __LINE__))
#define OBJECT_GET_CLASS(class_type, obj, name) \
    OBJECT_CLASS_CHECK(class_type, object_get_class(OBJECT(obj)), name)

/*
 * OBJECT_DECLARE_TYPE(PCIDevice, PCIDeviceClass, PCI_DEVICE) gives
 * PCI_DEVICE(obj), PCI_DEVICE_CLASS(klass), PCI_DEVICE_GET_CLASS(obj),
 * all checked against TYPE_PCI_DEVICE. The _SIMPLE_ variant has no class
 * of its own (only the cast).
 */
#define OBJECT_DECLARE_TYPE(InstanceType, ClassType, MODULE_OBJ_NAME)      \
    typedef struct InstanceType InstanceType;                             \
    typedef struct ClassType ClassType;                                   \
    G_GNUC_UNUSED static inline InstanceType *MODULE_OBJ_NAME(const void *obj) \
    { return OBJECT_CHECK(InstanceType, obj, TYPE_##MODULE_OBJ_NAME); }  \
    G_GNUC_UNUSED static inline ClassType *MODULE_OBJ_NAME##_CLASS(const void *klass) \
    { return OBJECT_CLASS_CHECK(ClassType, klass, TYPE_##MODULE_OBJ_NAME); } \
    G_GNUC_UNUSED static inline ClassType *MODULE_OBJ_NAME##_GET_CLASS(const void *obj) \
    { return OBJECT_GET_CLASS(ClassType, obj, TYPE_##MODULE_OBJ_NAME); }

#define OBJECT_DECLARE_SIMPLE_TYPE(InstanceType, MODULE_OBJ_NAME)         \
    typedef struct InstanceType InstanceType;                             \
    G_GNUC_UNUSED static inline InstanceType *MODULE_OBJ_NAME(const void *obj) \
    { return OBJECT_CHECK(InstanceType, obj, TYPE_##MODULE_OBJ_NAME); }

/* ---------------------------------------------------------------------- */
/* Properties */

/* Return the value as a newly allocated string, or NULL with *errp set. */
typedef char *ObjectPropertyGet(Object *obj, ObjectProperty *prop,
                                GError **errp);
/* Parse and store @value. */
typedef bool ObjectPropertySet(Object *obj, ObjectProperty *prop,
                               const char *value, GError **errp);
typedef void ObjectPropertyRelease(Object *obj, ObjectProperty *prop);

struct ObjectProperty {
    char *name;
    char *type;                 /* "uint32", "bool", "str", "child<T>", "link<T>" */
    char *description;
    ObjectPropertyGet *get;     /* NULL: write-only */
    ObjectPropertySet *set;     /* NULL: read-only */
    ObjectPropertyRelease *release;
    void *opaque;
};

/* Add a property; aborts if @name exists already (a programming error). */
ObjectProperty *object_property_add(Object *obj, const char *name,
                                    const char *type, ObjectPropertyGet *get,
                                    ObjectPropertySet *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque);
void object_property_del(Object *obj, const char *name);
ObjectProperty *object_property_find(Object *obj, const char *name);
void object_property_set_description(Object *obj, const char *name,
                                     const char *desc);
/* Call @fn for every property, in the order they were added. */
void object_property_foreach(Object *obj,
                             void (*fn)(Object *obj, ObjectProperty *prop,
                                        void *opaque),
                             void *opaque);

/*
 * Errors: "Property 'TYPE.NAME' not found", "Property 'TYPE.NAME' is
 * read-only", and whatever the setter says about the value.
 */
bool object_property_set_str(Object *obj, const char *name, const char *value,
                             GError **errp);
bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             GError **errp);
bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              GError **errp);
bool object_property_set_bool(Object *obj, const char *name, bool value,
                              GError **errp);
bool object_property_set_link(Object *obj, const char *name, Object *value,
                              GError **errp);
/* g_free() the result. */
char *object_property_get_str(Object *obj, const char *name, GError **errp);
int64_t object_property_get_int(Object *obj, const char *name, GError **errp);
uint64_t object_property_get_uint(Object *obj, const char *name,
                                  GError **errp);
bool object_property_get_bool(Object *obj, const char *name, GError **errp);
Object *object_property_get_link(Object *obj, const char *name, GError **errp);
/* The property's type name, or NULL. */
const char *object_property_get_type(Object *obj, const char *name,
                                     GError **errp);

/*
 * A property of @obj that is @target's property @target_name under another
 * name (same type; gets and sets go through to the target). A board uses
 * it to expose a part's property on the whole ("serial0" -> uart.chardev).
 */
ObjectProperty *object_property_add_alias(Object *obj, const char *name,
                                          Object *target,
                                          const char *target_name);

/* Convenience: a property backed by a field of the instance. */
ObjectProperty *object_property_add_bool_ptr(Object *obj, const char *name,
                                             bool *v, bool read_only);
ObjectProperty *object_property_add_uint32_ptr(Object *obj, const char *name,
                                               uint32_t *v, bool read_only);
ObjectProperty *object_property_add_uint64_ptr(Object *obj, const char *name,
                                               uint64_t *v, bool read_only);
/* Getter/setter properties for strings (QEMU's object_property_add_str). */
ObjectProperty *object_property_add_str(Object *obj, const char *name,
                                        char *(*get)(Object *, GError **),
                                        void (*set)(Object *, const char *,
                                                    GError **));

/* ---------------------------------------------------------------------- */
/* The tree */

/*
 * Make @child a child of @parent under @name (adds a "child<TYPE>"
 * property, takes a reference). "device[*]" picks the first free index:
 * "device[0]", "device[1]" ...
 */
ObjectProperty *object_property_add_child(Object *parent, const char *name,
                                          Object *child);
/*
 * A link property: its value is the path of an object of @type (or a
 * subtype) stored in *@targetp. Setting checks the type. Holds no reference.
 */
ObjectProperty *object_property_add_link(Object *obj, const char *name,
                                         const char *type, Object **targetp);

/* Remove @obj from its parent (drops the parent's reference). */
void object_unparent(Object *obj);
Object *object_get_parent(Object *obj);
/* The name of @obj in its parent, or NULL at the root or when unparented. */
const char *object_get_canonical_path_component(const Object *obj);
/* "/machine/peripheral/uart0"; "/" for the root. g_free(). NULL if detached. */
char *object_get_canonical_path(const Object *obj);
/* Call @fn for every child in order; stops when it returns non-zero. */
int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque);
/* Same, depth-first through the whole subtree (children before grandchildren). */
int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque);
Object *object_resolve_path_component(Object *parent, const char *part);

/* The root container "/". */
Object *object_get_root(void);
/*
 * Resolve @path. Absolute ("/machine/unattached/device[3]") walks children
 * (and links); a relative path ("uart0", "peripheral/uart0") matches an
 * object whose path ends with it, if exactly one does (*ambiguous is set
 * when several do). Returns NULL when nothing matches.
 */
Object *object_resolve_path(const char *path, bool *ambiguous);
Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguous);
/* The container at @path under @root, creating missing ones. */
Object *container_get(Object *root, const char *path);

#endif
