/*
 * object.c - the object model: type registry, classes, instances,
 * properties and the object tree. See include/qom/object.h.
 *
 * Types register from constructors (type_init) in link order, so nothing
 * is resolved at registration: a type's parent and class are looked up the
 * first time the type is used, after main() started.
 */
#include "util/osdep.h"
#include "qom/object.h"
#include "util/error.h"
#include "util/keyval.h"

typedef struct TypeImpl {
    const char *name;
    const TypeInfo *info;
    struct TypeImpl *parent_type;
    size_t class_size;
    size_t instance_size;
    ObjectClass *class;
    bool initializing;
} TypeImpl;

static GHashTable *type_table;    /* name -> TypeImpl * */

static GHashTable *type_table_get(void)
{
    if (!type_table) {
        type_table = g_hash_table_new(g_str_hash, g_str_equal);
    }
    return type_table;
}

Type type_register_static(const TypeInfo *info)
{
    TypeImpl *ti;

    g_assert(info->name);
    if (g_hash_table_lookup(type_table_get(), info->name)) {
        fprintf(stderr, "type '%s' registered twice\n", info->name);
        abort();
    }
    ti = g_new0(TypeImpl, 1);
    ti->name = info->name;
    ti->info = info;
    g_hash_table_insert(type_table_get(), (gpointer)ti->name, ti);
    return ti;
}

Type type_register(const TypeInfo *info)
{
    TypeInfo *copy = g_memdup2(info, sizeof(*info));

    copy->name = g_strdup(info->name);
    copy->parent = g_strdup(info->parent);
    return type_register_static(copy);
}

static TypeImpl *type_get_by_name(const char *name)
{
    return name ? g_hash_table_lookup(type_table_get(), name) : NULL;
}

static void type_initialize(TypeImpl *ti)
{
    TypeImpl *parent = NULL;

    if (ti->class) {
        return;
    }
    if (ti->initializing) {
        fprintf(stderr, "type '%s': inheritance loop\n", ti->name);
        abort();
    }
    ti->initializing = true;
    if (ti->info->parent) {
        parent = type_get_by_name(ti->info->parent);
        if (!parent) {
            fprintf(stderr, "type '%s': parent type '%s' is not registered\n",
                    ti->name, ti->info->parent);
            abort();
        }
        type_initialize(parent);
    }
    ti->parent_type = parent;
    ti->class_size = ti->info->class_size ? ti->info->class_size
                   : parent ? parent->class_size : sizeof(ObjectClass);
    ti->instance_size = ti->info->instance_size ? ti->info->instance_size
                      : parent ? parent->instance_size : sizeof(Object);
    g_assert(!parent || ti->class_size >= parent->class_size);
    g_assert(!parent || ti->instance_size >= parent->instance_size);

    ti->class = g_malloc0(ti->class_size);
    if (parent) {
        memcpy(ti->class, parent->class, parent->class_size);
    }
    ti->class->type = ti;
    if (ti->info->class_init) {
        ti->info->class_init(ti->class, ti->info->class_data);
    }
    ti->initializing = false;
}

ObjectClass *object_class_by_name(const char *typename)
{
    TypeImpl *ti = type_get_by_name(typename);

    if (!ti) {
        return NULL;
    }
    type_initialize(ti);
    return ti->class;
}

const char *object_class_get_name(ObjectClass *klass)
{
    return klass->type->name;
}

ObjectClass *object_class_get_parent(ObjectClass *klass)
{
    TypeImpl *p = klass->type->parent_type;

    return p ? p->class : NULL;
}

bool object_class_is_abstract(ObjectClass *klass)
{
    return klass->type->info->abstract;
}

ObjectClass *object_get_class(Object *obj)
{
    return obj->class;
}

const char *object_get_typename(const Object *obj)
{
    return obj->class->type->name;
}

ObjectClass *object_class_dynamic_cast(ObjectClass *klass,
                                       const char *typename)
{
    TypeImpl *target;

    if (!klass) {
        return NULL;
    }
    target = type_get_by_name(typename);
    if (!target) {
        return NULL;
    }
    for (TypeImpl *t = klass->type; t; t = t->parent_type) {
        if (t == target) {
            return klass;
        }
    }
    return NULL;
}

Object *object_dynamic_cast(Object *obj, const char *typename)
{
    if (obj && object_class_dynamic_cast(obj->class, typename)) {
        return obj;
    }
    return NULL;
}

Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line)
{
    if (obj && !object_dynamic_cast(obj, typename)) {
        fprintf(stderr, "%s:%d: object %p of type '%s' is not a '%s'\n",
                file, line, (void *)obj, object_get_typename(obj), typename);
        abort();
    }
    return obj;
}

ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line)
{
    if (klass && !object_class_dynamic_cast(klass, typename)) {
        fprintf(stderr, "%s:%d: class '%s' is not a '%s'\n", file, line,
                object_class_get_name(klass), typename);
        abort();
    }
    return klass;
}

static gint class_name_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(object_class_get_name((ObjectClass *)a),
                  object_class_get_name((ObjectClass *)b));
}

GSList *object_class_get_list(const char *implements_type,
                              bool include_abstract)
{
    GSList *list = NULL;
    GHashTableIter it;
    gpointer value;

    g_hash_table_iter_init(&it, type_table_get());
    while (g_hash_table_iter_next(&it, NULL, &value)) {
        TypeImpl *ti = value;

        type_initialize(ti);
        if (!include_abstract && ti->info->abstract) {
            continue;
        }
        if (implements_type &&
            !object_class_dynamic_cast(ti->class, implements_type)) {
            continue;
        }
        list = g_slist_prepend(list, ti->class);
    }
    return g_slist_sort(list, class_name_cmp);
}

void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements_type, bool include_abstract,
                          void *opaque)
{
    GSList *list = object_class_get_list(implements_type, include_abstract);

    for (GSList *l = list; l; l = l->next) {
        fn(l->data, opaque);
    }
    g_slist_free(list);
}

/* ---------------------------------------------------------------------- */
/* Instances */

static void object_init_chain(Object *obj, TypeImpl *ti)
{
    if (ti->parent_type) {
        object_init_chain(obj, ti->parent_type);
    }
    if (ti->info->instance_init) {
        ti->info->instance_init(obj);
    }
}

static void object_post_init_chain(Object *obj, TypeImpl *ti)
{
    if (ti->parent_type) {
        object_post_init_chain(obj, ti->parent_type);
    }
    if (ti->info->instance_post_init) {
        ti->info->instance_post_init(obj);
    }
}

static void object_init_with_class(Object *obj, ObjectClass *klass)
{
    TypeImpl *ti = klass->type;

    if (ti->info->abstract) {
        fprintf(stderr, "cannot create an object of abstract type '%s'\n",
                ti->name);
        abort();
    }
    obj->class = klass;
    obj->properties = g_ptr_array_new();
    obj->ref = 1;
    object_init_chain(obj, ti);
    object_post_init_chain(obj, ti);
}

Object *object_new_with_class(ObjectClass *klass)
{
    Object *obj = g_malloc0(klass->type->instance_size);

    obj->free = g_free;
    object_init_with_class(obj, klass);
    return obj;
}

void object_initialize(void *data, size_t size, const char *typename)
{
    ObjectClass *klass = object_class_by_name(typename);

    if (!klass) {
        fprintf(stderr, "object_initialize: unknown type '%s'\n", typename);
        abort();
    }
    g_assert(size >= klass->type->instance_size);
    memset(data, 0, size);
    object_init_with_class(data, klass);
}

void object_initialize_child_internal(Object *parent, const char *propname,
                                      void *child, size_t size,
                                      const char *typename)
{
    object_initialize(child, size, typename);
    object_property_add_child(parent, propname, child);
    object_unref(child);
}

Object *object_new(const char *typename)
{
    ObjectClass *klass = object_class_by_name(typename);

    if (!klass) {
        fprintf(stderr, "object_new: unknown type '%s'\n", typename);
        abort();
    }
    return object_new_with_class(klass);
}

Object *object_ref(void *o)
{
    Object *obj = o;

    if (obj) {
        g_assert(obj->ref > 0);
        obj->ref++;
    }
    return obj;
}

static void property_free(Object *obj, ObjectProperty *prop)
{
    if (prop->release) {
        prop->release(obj, prop);
    }
    g_free(prop->name);
    g_free(prop->type);
    g_free(prop->description);
    g_free(prop);
}

void object_unref(void *o)
{
    Object *obj = o;

    if (!obj) {
        return;
    }
    g_assert(obj->ref > 0);
    if (--obj->ref) {
        return;
    }
    /* Properties go first, newest first, so children die before us. */
    while (obj->properties->len) {
        ObjectProperty *prop =
            g_ptr_array_remove_index(obj->properties, obj->properties->len - 1);
        property_free(obj, prop);
    }
    for (TypeImpl *t = obj->class->type; t; t = t->parent_type) {
        if (t->info->instance_finalize) {
            t->info->instance_finalize(obj);
        }
    }
    g_ptr_array_free(obj->properties, TRUE);
    g_free(obj->name_in_parent);
    if (obj->free) {
        obj->free(obj);
    }
}

/* ---------------------------------------------------------------------- */
/* Properties */

ObjectProperty *object_property_find(Object *obj, const char *name)
{
    for (guint i = 0; i < obj->properties->len; i++) {
        ObjectProperty *p = g_ptr_array_index(obj->properties, i);
        if (!strcmp(p->name, name)) {
            return p;
        }
    }
    return NULL;
}

ObjectProperty *object_property_add(Object *obj, const char *name,
                                    const char *type, ObjectPropertyGet *get,
                                    ObjectPropertySet *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque)
{
    ObjectProperty *prop;

    if (object_property_find(obj, name)) {
        fprintf(stderr, "property '%s.%s' added twice\n",
                object_get_typename(obj), name);
        abort();
    }
    prop = g_new0(ObjectProperty, 1);
    prop->name = g_strdup(name);
    prop->type = g_strdup(type);
    prop->get = get;
    prop->set = set;
    prop->release = release;
    prop->opaque = opaque;
    g_ptr_array_add(obj->properties, prop);
    return prop;
}

void object_property_del(Object *obj, const char *name)
{
    for (guint i = 0; i < obj->properties->len; i++) {
        ObjectProperty *p = g_ptr_array_index(obj->properties, i);
        if (!strcmp(p->name, name)) {
            g_ptr_array_remove_index(obj->properties, i);
            property_free(obj, p);
            return;
        }
    }
}

void object_property_set_description(Object *obj, const char *name,
                                     const char *desc)
{
    ObjectProperty *p = object_property_find(obj, name);

    g_assert(p);
    g_free(p->description);
    p->description = g_strdup(desc);
}

void object_property_foreach(Object *obj,
                             void (*fn)(Object *obj, ObjectProperty *prop,
                                        void *opaque),
                             void *opaque)
{
    for (guint i = 0; i < obj->properties->len; i++) {
        fn(obj, g_ptr_array_index(obj->properties, i), opaque);
    }
}

static ObjectProperty *prop_lookup(Object *obj, const char *name,
                                   GError **errp)
{
    ObjectProperty *p = object_property_find(obj, name);

    if (!p) {
        error_setg(errp, "Property '%s.%s' not found",
                   object_get_typename(obj), name);
    }
    return p;
}

bool object_property_set_str(Object *obj, const char *name, const char *value,
                             GError **errp)
{
    ObjectProperty *p = prop_lookup(obj, name, errp);

    if (!p) {
        return false;
    }
    if (!p->set) {
        error_setg(errp, "Property '%s.%s' is read-only",
                   object_get_typename(obj), name);
        return false;
    }
    return p->set(obj, p, value, errp);
}

bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             GError **errp)
{
    char buf[32];

    snprintf(buf, sizeof(buf), "%" PRId64, value);
    return object_property_set_str(obj, name, buf, errp);
}

bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              GError **errp)
{
    char buf[32];

    snprintf(buf, sizeof(buf), "%" PRIu64, value);
    return object_property_set_str(obj, name, buf, errp);
}

bool object_property_set_bool(Object *obj, const char *name, bool value,
                              GError **errp)
{
    return object_property_set_str(obj, name, value ? "on" : "off", errp);
}

bool object_property_set_link(Object *obj, const char *name, Object *value,
                              GError **errp)
{
    char *path = value ? object_get_canonical_path(value) : g_strdup("");
    bool ok;

    if (!path) {
        error_setg(errp, "Property '%s.%s': the target object is not in the "
                   "object tree", object_get_typename(obj), name);
        return false;
    }
    ok = object_property_set_str(obj, name, path, errp);
    g_free(path);
    return ok;
}

char *object_property_get_str(Object *obj, const char *name, GError **errp)
{
    ObjectProperty *p = prop_lookup(obj, name, errp);

    if (!p) {
        return NULL;
    }
    if (!p->get) {
        error_setg(errp, "Property '%s.%s' is write-only",
                   object_get_typename(obj), name);
        return NULL;
    }
    return p->get(obj, p, errp);
}

int64_t object_property_get_int(Object *obj, const char *name, GError **errp)
{
    char *s = object_property_get_str(obj, name, errp);
    char *end;
    int64_t v;

    if (!s) {
        return -1;
    }
    errno = 0;
    v = strtoll(s, &end, 0);
    if (!*s || *end || errno) {
        error_setg(errp, "Property '%s.%s' is not an integer ('%s')",
                   object_get_typename(obj), name, s);
        v = -1;
    }
    g_free(s);
    return v;
}

uint64_t object_property_get_uint(Object *obj, const char *name,
                                  GError **errp)
{
    char *s = object_property_get_str(obj, name, errp);
    uint64_t v = 0;
    GError *err = NULL;

    if (!s) {
        return 0;
    }
    if (!parse_uint64(s, &v, &err)) {
        error_setg(errp, "Property '%s.%s' is not an unsigned integer ('%s')",
                   object_get_typename(obj), name, s);
        g_error_free(err);
        v = 0;
    }
    g_free(s);
    return v;
}

bool object_property_get_bool(Object *obj, const char *name, GError **errp)
{
    char *s = object_property_get_str(obj, name, errp);
    bool v = false;

    if (!s) {
        return false;
    }
    if (!parse_bool(s, &v)) {
        error_setg(errp, "Property '%s.%s' is not a boolean ('%s')",
                   object_get_typename(obj), name, s);
        v = false;
    }
    g_free(s);
    return v;
}

Object *object_property_get_link(Object *obj, const char *name, GError **errp)
{
    char *s = object_property_get_str(obj, name, errp);
    Object *target = NULL;

    if (s && *s) {
        target = object_resolve_path(s, NULL);
    }
    g_free(s);
    return target;
}

const char *object_property_get_type(Object *obj, const char *name,
                                     GError **errp)
{
    ObjectProperty *p = prop_lookup(obj, name, errp);

    return p ? p->type : NULL;
}

/* Field-backed helpers. */

static char *bool_ptr_get(Object *obj, ObjectProperty *prop, GError **errp)
{
    return g_strdup(*(bool *)prop->opaque ? "on" : "off");
}

static bool bool_ptr_set(Object *obj, ObjectProperty *prop, const char *value,
                         GError **errp)
{
    if (!parse_bool(value, prop->opaque)) {
        error_setg(errp, "Property '%s.%s' doesn't take value '%s' "
                   "(expected on/off)", object_get_typename(obj), prop->name,
                   value);
        return false;
    }
    return true;
}

ObjectProperty *object_property_add_bool_ptr(Object *obj, const char *name,
                                             bool *v, bool read_only)
{
    return object_property_add(obj, name, "bool", bool_ptr_get,
                               read_only ? NULL : bool_ptr_set, NULL, v);
}

static char *u32_ptr_get(Object *obj, ObjectProperty *prop, GError **errp)
{
    return g_strdup_printf("%" PRIu32, *(uint32_t *)prop->opaque);
}

static char *u64_ptr_get(Object *obj, ObjectProperty *prop, GError **errp)
{
    return g_strdup_printf("%" PRIu64, *(uint64_t *)prop->opaque);
}

static bool uint_ptr_set(Object *obj, ObjectProperty *prop, const char *value,
                         GError **errp, uint64_t max, uint64_t *out)
{
    GError *err = NULL;

    if (!parse_uint64(value, out, &err) || *out > max) {
        error_setg(errp, "Property '%s.%s' doesn't take value '%s' "
                   "(expected %s)", object_get_typename(obj), prop->name,
                   value, prop->type);
        g_clear_error(&err);
        return false;
    }
    return true;
}

static bool u32_ptr_set(Object *obj, ObjectProperty *prop, const char *value,
                        GError **errp)
{
    uint64_t v;

    if (!uint_ptr_set(obj, prop, value, errp, UINT32_MAX, &v)) {
        return false;
    }
    *(uint32_t *)prop->opaque = v;
    return true;
}

static bool u64_ptr_set(Object *obj, ObjectProperty *prop, const char *value,
                        GError **errp)
{
    uint64_t v;

    if (!uint_ptr_set(obj, prop, value, errp, UINT64_MAX, &v)) {
        return false;
    }
    *(uint64_t *)prop->opaque = v;
    return true;
}

ObjectProperty *object_property_add_uint32_ptr(Object *obj, const char *name,
                                               uint32_t *v, bool read_only)
{
    return object_property_add(obj, name, "uint32", u32_ptr_get,
                               read_only ? NULL : u32_ptr_set, NULL, v);
}

ObjectProperty *object_property_add_uint64_ptr(Object *obj, const char *name,
                                               uint64_t *v, bool read_only)
{
    return object_property_add(obj, name, "uint64", u64_ptr_get,
                               read_only ? NULL : u64_ptr_set, NULL, v);
}

typedef struct StrAccessors {
    char *(*get)(Object *, GError **);
    void (*set)(Object *, const char *, GError **);
} StrAccessors;

static char *str_get(Object *obj, ObjectProperty *prop, GError **errp)
{
    StrAccessors *a = prop->opaque;

    return a->get(obj, errp);
}

static bool str_set(Object *obj, ObjectProperty *prop, const char *value,
                    GError **errp)
{
    StrAccessors *a = prop->opaque;
    GError *err = NULL;

    a->set(obj, value, &err);
    if (err) {
        g_propagate_error(errp, err);
        return false;
    }
    return true;
}

static void str_release(Object *obj, ObjectProperty *prop)
{
    g_free(prop->opaque);
}

ObjectProperty *object_property_add_str(Object *obj, const char *name,
                                        char *(*get)(Object *, GError **),
                                        void (*set)(Object *, const char *,
                                                    GError **))
{
    StrAccessors *a = g_new0(StrAccessors, 1);

    a->get = get;
    a->set = set;
    return object_property_add(obj, name, "str", get ? str_get : NULL,
                               set ? str_set : NULL, str_release, a);
}

typedef struct AliasProp {
    Object *target;
    char *target_name;
} AliasProp;

static char *alias_get(Object *obj, ObjectProperty *prop, GError **errp)
{
    AliasProp *ap = prop->opaque;

    return object_property_get_str(ap->target, ap->target_name, errp);
}

static bool alias_set(Object *obj, ObjectProperty *prop, const char *value,
                      GError **errp)
{
    AliasProp *ap = prop->opaque;

    return object_property_set_str(ap->target, ap->target_name, value, errp);
}

static void alias_release(Object *obj, ObjectProperty *prop)
{
    AliasProp *ap = prop->opaque;

    g_free(ap->target_name);
    g_free(ap);
}

ObjectProperty *object_property_add_alias(Object *obj, const char *name,
                                          Object *target,
                                          const char *target_name)
{
    ObjectProperty *tp = object_property_find(target, target_name);
    ObjectProperty *p;
    AliasProp *ap;

    if (!tp) {
        fprintf(stderr, "object_property_add_alias: '%s.%s' does not exist\n",
                object_get_typename(target), target_name);
        abort();
    }
    ap = g_new0(AliasProp, 1);
    /* The target is usually a child of @obj, so no reference is taken. */
    ap->target = target;
    ap->target_name = g_strdup(target_name);
    p = object_property_add(obj, name, tp->type, tp->get ? alias_get : NULL,
                            tp->set ? alias_set : NULL, alias_release, ap);
    if (tp->description) {
        p->description = g_strdup(tp->description);
    }
    return p;
}

/* ---------------------------------------------------------------------- */
/* The tree */

static bool prop_is_child(const ObjectProperty *p)
{
    return g_str_has_prefix(p->type, "child<");
}

static bool prop_is_link(const ObjectProperty *p)
{
    return g_str_has_prefix(p->type, "link<");
}

static char *child_get(Object *obj, ObjectProperty *prop, GError **errp)
{
    char *path = object_get_canonical_path(prop->opaque);

    return path ? path : g_strdup("");
}

static void child_release(Object *obj, ObjectProperty *prop)
{
    Object *child = prop->opaque;

    child->parent = NULL;
    g_free(child->name_in_parent);
    child->name_in_parent = NULL;
    object_unref(child);
}

ObjectProperty *object_property_add_child(Object *parent, const char *name,
                                          Object *child)
{
    g_autofree char *type = NULL;
    g_autofree char *real_name = NULL;
    ObjectProperty *prop;

    g_assert(!child->parent);
    if (g_str_has_suffix(name, "[*]")) {
        size_t base = strlen(name) - 3;
        for (int i = 0;; i++) {
            g_free(real_name);
            real_name = g_strdup_printf("%.*s[%d]", (int)base, name, i);
            if (!object_property_find(parent, real_name)) {
                break;
            }
        }
    } else {
        real_name = g_strdup(name);
    }
    type = g_strdup_printf("child<%s>", object_get_typename(child));
    prop = object_property_add(parent, real_name, type, child_get, NULL,
                               child_release, child);
    object_ref(child);
    child->parent = parent;
    child->name_in_parent = g_strdup(real_name);
    return prop;
}

typedef struct LinkProp {
    Object **targetp;
    char *type;
} LinkProp;

static char *link_get(Object *obj, ObjectProperty *prop, GError **errp)
{
    LinkProp *lp = prop->opaque;
    char *path;

    if (!*lp->targetp) {
        return g_strdup("");
    }
    path = object_get_canonical_path(*lp->targetp);
    return path ? path : g_strdup("");
}

static bool link_set(Object *obj, ObjectProperty *prop, const char *value,
                     GError **errp)
{
    LinkProp *lp = prop->opaque;
    bool ambiguous = false;
    Object *target;

    if (!*value) {
        *lp->targetp = NULL;
        return true;
    }
    target = object_resolve_path(value, &ambiguous);
    if (!target) {
        if (ambiguous) {
            error_setg(errp, "Path '%s' is ambiguous", value);
        } else {
            error_setg(errp, "Could not find object '%s' (for property "
                       "'%s.%s')", value, object_get_typename(obj),
                       prop->name);
        }
        return false;
    }
    if (!object_dynamic_cast(target, lp->type)) {
        error_setg(errp, "Object '%s' is not a '%s' (for property '%s.%s')",
                   value, lp->type, object_get_typename(obj), prop->name);
        return false;
    }
    *lp->targetp = target;
    return true;
}

static void link_release(Object *obj, ObjectProperty *prop)
{
    LinkProp *lp = prop->opaque;

    g_free(lp->type);
    g_free(lp);
}

ObjectProperty *object_property_add_link(Object *obj, const char *name,
                                         const char *type, Object **targetp)
{
    LinkProp *lp = g_new0(LinkProp, 1);
    g_autofree char *ptype = g_strdup_printf("link<%s>", type);

    lp->targetp = targetp;
    lp->type = g_strdup(type);
    return object_property_add(obj, name, ptype, link_get, link_set,
                               link_release, lp);
}

void object_unparent(Object *obj)
{
    if (obj->parent) {
        object_property_del(obj->parent, obj->name_in_parent);
    }
}

Object *object_get_parent(Object *obj)
{
    return obj->parent;
}

const char *object_get_canonical_path_component(const Object *obj)
{
    return obj->name_in_parent;
}

char *object_get_canonical_path(const Object *obj)
{
    Object *root = object_get_root();
    GPtrArray *parts = g_ptr_array_new();
    GString *s;

    while (obj != root) {
        if (!obj->parent) {
            g_ptr_array_free(parts, TRUE);
            return NULL;
        }
        g_ptr_array_add(parts, obj->name_in_parent);
        obj = obj->parent;
    }
    if (!parts->len) {
        g_ptr_array_free(parts, TRUE);
        return g_strdup("/");
    }
    s = g_string_new(NULL);
    for (guint i = parts->len; i-- > 0;) {
        g_string_append_c(s, '/');
        g_string_append(s, parts->pdata[i]);
    }
    g_ptr_array_free(parts, TRUE);
    return g_string_free(s, FALSE);
}

int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque)
{
    /* Copy first: @fn may unparent the child it is given. */
    GPtrArray *children = g_ptr_array_new();
    int ret = 0;

    for (guint i = 0; i < obj->properties->len; i++) {
        ObjectProperty *p = g_ptr_array_index(obj->properties, i);
        if (prop_is_child(p)) {
            g_ptr_array_add(children, object_ref(p->opaque));
        }
    }
    for (guint i = 0; i < children->len; i++) {
        if (!ret) {
            ret = fn(children->pdata[i], opaque);
        }
        object_unref(children->pdata[i]);
    }
    g_ptr_array_free(children, TRUE);
    return ret;
}

typedef struct RecurseData {
    int (*fn)(Object *child, void *opaque);
    void *opaque;
} RecurseData;

static int recurse_one(Object *child, void *opaque)
{
    RecurseData *d = opaque;
    int ret = d->fn(child, d->opaque);

    if (ret) {
        return ret;
    }
    return object_child_foreach(child, recurse_one, d);
}

int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque)
{
    RecurseData d = { fn, opaque };

    return object_child_foreach(obj, recurse_one, &d);
}

Object *object_resolve_path_component(Object *parent, const char *part)
{
    ObjectProperty *p = object_property_find(parent, part);

    if (!p) {
        return NULL;
    }
    if (prop_is_child(p)) {
        return p->opaque;
    }
    if (prop_is_link(p)) {
        return *((LinkProp *)p->opaque)->targetp;
    }
    return NULL;
}

static Object *resolve_parts(Object *obj, gchar **parts)
{
    for (; obj && *parts; parts++) {
        if (!**parts) {
            continue;   /* "a//b" and a trailing '/' */
        }
        obj = object_resolve_path_component(obj, *parts);
    }
    return obj;
}

typedef struct PartialSearch {
    gchar **parts;
    const char *typename;
    GHashTable *found;          /* set of distinct matches */
    Object *last;
} PartialSearch;

static void partial_try(PartialSearch *ps, Object *from)
{
    Object *o = resolve_parts(from, ps->parts);

    if (o && (!ps->typename || object_dynamic_cast(o, ps->typename))) {
        g_hash_table_add(ps->found, o);
        ps->last = o;
    }
}

static int partial_one(Object *obj, void *opaque)
{
    partial_try(opaque, obj);
    return 0;
}

Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguous)
{
    gchar **parts;
    Object *obj = NULL;

    if (ambiguous) {
        *ambiguous = false;
    }
    if (!path || !*path) {
        return NULL;
    }
    if (path[0] == '/') {
        parts = g_strsplit(path + 1, "/", -1);
        obj = resolve_parts(object_get_root(), parts);
        if (obj && typename && !object_dynamic_cast(obj, typename)) {
            obj = NULL;
        }
    } else {
        /*
         * A partial path names the last components of a full one: try it
         * from every object in the tree and count the distinct results.
         */
        PartialSearch ps = { 0 };

        parts = g_strsplit(path, "/", -1);
        ps.parts = parts;
        ps.typename = typename;
        ps.found = g_hash_table_new(NULL, NULL);
        partial_try(&ps, object_get_root());
        object_child_foreach_recursive(object_get_root(), partial_one, &ps);
        if (g_hash_table_size(ps.found) == 1) {
            obj = ps.last;
        } else if (g_hash_table_size(ps.found) > 1 && ambiguous) {
            *ambiguous = true;
        }
        g_hash_table_destroy(ps.found);
    }
    g_strfreev(parts);
    return obj;
}

Object *object_resolve_path(const char *path, bool *ambiguous)
{
    return object_resolve_path_type(path, NULL, ambiguous);
}

static Object *root_object;

Object *object_get_root(void)
{
    if (!root_object) {
        root_object = object_new(TYPE_CONTAINER);
    }
    return root_object;
}

Object *container_get(Object *root, const char *path)
{
    gchar **parts = g_strsplit(path, "/", -1);
    Object *obj = root;

    for (gchar **p = parts; *p; p++) {
        Object *child;

        if (!**p) {
            continue;
        }
        child = object_resolve_path_component(obj, *p);
        if (!child) {
            child = object_new(TYPE_CONTAINER);
            object_property_add_child(obj, *p, child);
            object_unref(child);
        }
        obj = child;
    }
    g_strfreev(parts);
    return obj;
}

static const TypeInfo object_info = {
    .name = TYPE_OBJECT,
    .instance_size = sizeof(Object),
    .class_size = sizeof(ObjectClass),
    .abstract = true,
};

static const TypeInfo container_info = {
    .name = TYPE_CONTAINER,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(Object),
};

static void object_register_types(void)
{
    type_register_static(&object_info);
    type_register_static(&container_info);
}
type_init(object_register_types)
