/*
 * qmp-cmds.c - QMP and HMP commands over the object model and the board
 * registry: query-machines, qom-list-types, qom-list/get/set, device_add,
 * device_del, query-chardev, query-target, and HMP "info qtree" and
 * "info qom-tree".
 *
 * Hotplug: no bus in plumb supports it yet, so device_add and device_del
 * answer with QEMU's errors for that case ("Bus 'pcie.0' does not support
 * hotplugging", "Device 'x' can not be hotplugged on this machine") after
 * checking the arguments; devices are created with -device at start-up.
 */
#include "util/osdep.h"
#include "monitor/monitor.h"
#include "chardev/char.h"
#include "exec/memory.h"
#include "hw/qdev.h"
#include "hw/qdev-properties.h"
#include "hw/sysbus.h"
#include "hw/boards.h"
#include "qom/object.h"
#include "sysemu/sysemu.h"
#include "util/error.h"
#include "util/module.h"

static JsonNode *array_node(JsonArray *a)
{
    JsonNode *n = json_node_init_array(json_node_alloc(), a);

    json_array_unref(a);
    return n;
}

static JsonNode *object_node(JsonObject *o)
{
    JsonNode *n = json_node_init_object(json_node_alloc(), o);

    json_object_unref(o);
    return n;
}

/* A string argument, or NULL with an error if it is missing or not a string. */
static const char *arg_str(JsonObject *args, const char *name, bool required,
                           GError **errp)
{
    JsonNode *n = json_object_get_member(args, name);

    if (!n) {
        if (required) {
            error_setg(errp, "Parameter '%s' is missing", name);
        }
        return NULL;
    }
    if (!JSON_NODE_HOLDS_VALUE(n) || json_node_get_value_type(n) != G_TYPE_STRING) {
        error_setg(errp, "Invalid parameter type for '%s', expected: string",
                   name);
        return NULL;
    }
    return json_node_get_string(n);
}

static JsonNode *qmp_query_machines(JsonObject *args, GError **errp)
{
    JsonArray *a = json_array_new();
    GSList *list = machine_class_list(target_name());

    for (GSList *l = list; l; l = l->next) {
        MachineClass *mc = l->data;
        JsonObject *o = json_object_new();

        json_object_set_string_member(o, "name", mc->name);
        if (mc->alias) {
            json_object_set_string_member(o, "alias", mc->alias);
        }
        json_object_set_boolean_member(o, "is-default", mc->is_default);
        json_object_set_int_member(o, "cpu-max", mc->max_cpus ? mc->max_cpus : 1);
        json_object_set_boolean_member(o, "hotpluggable-cpus", false);
        json_object_set_boolean_member(o, "numa-mem-supported", false);
        json_object_set_boolean_member(o, "deprecated", false);
        if (mc->default_cpu_type) {
            json_object_set_string_member(o, "default-cpu-type",
                                          mc->default_cpu_type);
        }
        json_array_add_object_element(a, o);
    }
    g_slist_free(list);
    return array_node(a);
}

static JsonNode *qmp_qom_list_types(JsonObject *args, GError **errp)
{
    const char *implements = arg_str(args, "implements", false, errp);
    JsonNode *abs_node = json_object_get_member(args, "abstract");
    bool abstract = false;
    JsonArray *a;
    GSList *list;

    if (errp && *errp) {
        return NULL;
    }
    /* A wrong type is the client's error, not a GLib critical. */
    if (abs_node) {
        if (!JSON_NODE_HOLDS_VALUE(abs_node) ||
            json_node_get_value_type(abs_node) != G_TYPE_BOOLEAN) {
            error_setg(errp, "Invalid parameter type for 'abstract', "
                       "expected: boolean");
            return NULL;
        }
        abstract = json_node_get_boolean(abs_node);
    }
    if (implements && !object_class_by_name(implements)) {
        error_setg(errp, "Class '%s' not found", implements);
        return NULL;
    }
    a = json_array_new();
    list = object_class_get_list(implements, abstract);
    for (GSList *l = list; l; l = l->next) {
        ObjectClass *oc = l->data;
        ObjectClass *parent = object_class_get_parent(oc);
        JsonObject *o = json_object_new();

        json_object_set_string_member(o, "name", object_class_get_name(oc));
        if (object_class_is_abstract(oc)) {
            json_object_set_boolean_member(o, "abstract", true);
        }
        if (parent) {
            json_object_set_string_member(o, "parent",
                                          object_class_get_name(parent));
        }
        json_array_add_object_element(a, o);
    }
    g_slist_free(list);
    return array_node(a);
}

static Object *resolve_or_error(const char *path, GError **errp)
{
    bool ambiguous = false;
    Object *obj = object_resolve_path(path, &ambiguous);

    if (!obj) {
        if (ambiguous) {
            error_setg(errp, "Path '%s' is ambiguous", path);
        } else {
            qmp_error_setg(errp, QMP_ERROR_CLASS_DEVICE_NOT_FOUND,
                           "Device '%s' not found", path);
        }
    }
    return obj;
}

static void list_prop(Object *obj, ObjectProperty *prop, void *opaque)
{
    JsonObject *o = json_object_new();

    json_object_set_string_member(o, "name", prop->name);
    json_object_set_string_member(o, "type", prop->type);
    if (prop->description) {
        json_object_set_string_member(o, "description", prop->description);
    }
    json_array_add_object_element(opaque, o);
}

static JsonNode *qmp_qom_list(JsonObject *args, GError **errp)
{
    const char *path = arg_str(args, "path", true, errp);
    Object *obj;
    JsonArray *a;

    if (!path || !(obj = resolve_or_error(path, errp))) {
        return NULL;
    }
    a = json_array_new();
    object_property_foreach(obj, list_prop, a);
    return array_node(a);
}

static bool type_is_int(const char *t)
{
    return g_str_has_prefix(t, "int") || g_str_has_prefix(t, "uint") ||
           !strcmp(t, "size");
}

static JsonNode *qmp_qom_get(JsonObject *args, GError **errp)
{
    const char *path = arg_str(args, "path", true, errp);
    const char *prop = path ? arg_str(args, "property", true, errp) : NULL;
    const char *type;
    Object *obj;
    char *val;
    JsonNode *n;

    if (!prop || !(obj = resolve_or_error(path, errp))) {
        return NULL;
    }
    val = object_property_get_str(obj, prop, errp);
    if (!val) {
        return NULL;
    }
    type = object_property_get_type(obj, prop, NULL);
    n = json_node_alloc();
    if (type && !strcmp(type, "bool")) {
        json_node_init_boolean(n, !strcmp(val, "on") || !strcmp(val, "true"));
    } else if (type && type_is_int(type)) {
        char *end;
        gint64 v = g_str_has_prefix(type, "u") || !strcmp(type, "size") ?
                   (gint64)g_ascii_strtoull(val, &end, 0) :
                   g_ascii_strtoll(val, &end, 0);
        json_node_init_int(n, v);
    } else {
        json_node_init_string(n, val);
    }
    g_free(val);
    return n;
}

static JsonNode *qmp_qom_set(JsonObject *args, GError **errp)
{
    const char *path = arg_str(args, "path", true, errp);
    const char *prop = path ? arg_str(args, "property", true, errp) : NULL;
    JsonNode *v = json_object_get_member(args, "value");
    Object *obj;
    char *str;
    bool ok;

    if (!prop) {
        return NULL;
    }
    if (!v || !JSON_NODE_HOLDS_VALUE(v)) {
        error_setg(errp, "Parameter 'value' is missing");
        return NULL;
    }
    if (!(obj = resolve_or_error(path, errp))) {
        return NULL;
    }
    switch (json_node_get_value_type(v)) {
    case G_TYPE_BOOLEAN:
        str = g_strdup(json_node_get_boolean(v) ? "on" : "off");
        break;
    case G_TYPE_INT64:
        str = g_strdup_printf("%" G_GINT64_FORMAT, json_node_get_int(v));
        break;
    case G_TYPE_STRING:
        str = g_strdup(json_node_get_string(v));
        break;
    default:
        error_setg(errp, "Invalid parameter type for 'value'");
        return NULL;
    }
    ok = object_property_set_str(obj, prop, str, errp);
    g_free(str);
    (void)ok;     /* failure is in *errp */
    return NULL;
}

static JsonNode *qmp_device_add(JsonObject *args, GError **errp)
{
    const char *driver = arg_str(args, "driver", true, errp);
    const char *bus_name;
    ObjectClass *oc;
    DeviceClass *dc;
    BusState *bus = NULL;

    if (!driver) {
        return NULL;
    }
    oc = object_class_by_name(driver);
    if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE) ||
        object_class_is_abstract(oc)) {
        error_setg(errp, "'%s' is not a valid device model name", driver);
        return NULL;
    }
    dc = DEVICE_CLASS(oc);
    if (!dc->user_creatable) {
        error_setg(errp, "Parameter 'driver' expects a pluggable device type");
        return NULL;
    }
    if (json_object_has_member(args, "id")) {
        const char *id = arg_str(args, "id", false, errp);

        if (!id) {
            return NULL;
        }
        if (qdev_find_recursive_id(id)) {
            error_setg(errp, "Duplicate device ID '%s'", id);
            return NULL;
        }
    }
    bus_name = json_object_has_member(args, "bus") ?
               arg_str(args, "bus", false, errp) : NULL;
    if (errp && *errp) {
        return NULL;
    }
    if (bus_name) {
        bus = qbus_find_by_name(bus_name);
        if (!bus) {
            qmp_error_setg(errp, QMP_ERROR_CLASS_DEVICE_NOT_FOUND,
                           "Bus '%s' not found", bus_name);
            return NULL;
        }
    } else if (dc->bus_type) {
        bus = qbus_find_by_type(dc->bus_type);
        if (!bus) {
            error_setg(errp, "No '%s' bus found for device '%s'",
                       dc->bus_type, driver);
            return NULL;
        }
    }
    /* FIXME: hotplug needs a hotplug-capable bus (BusClass flag) first. */
    if (!bus) {
        error_setg(errp, "Device '%s' can not be hotplugged on this machine",
                   driver);
    } else if (!dc->hotpluggable) {
        error_setg(errp, "Device '%s' does not support hotplugging", driver);
    } else {
        error_setg(errp, "Bus '%s' does not support hotplugging", bus->name);
    }
    return NULL;
}

static JsonNode *qmp_device_del(JsonObject *args, GError **errp)
{
    const char *id = arg_str(args, "id", true, errp);
    DeviceState *dev;

    if (!id) {
        return NULL;
    }
    dev = qdev_find_recursive_id(id);
    if (!dev) {
        Object *obj = id[0] == '/' ? object_resolve_path(id, NULL) : NULL;

        dev = obj ? (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE) : NULL;
    }
    if (!dev) {
        qmp_error_setg(errp, QMP_ERROR_CLASS_DEVICE_NOT_FOUND,
                       "Device '%s' not found", id);
        return NULL;
    }
    if (!DEVICE_GET_CLASS(dev)->hotpluggable) {
        error_setg(errp, "Device '%s' does not support hotplugging", id);
    } else if (dev->parent_bus) {
        error_setg(errp, "Bus '%s' does not support hotplugging",
                   dev->parent_bus->name);
    } else {
        error_setg(errp, "Device '%s' can not be hotplugged on this machine", id);
    }
    return NULL;
}

static void chardev_info(Chardev *chr, void *opaque)
{
    JsonObject *o = json_object_new();

    json_object_set_string_member(o, "label", chr->label);
    json_object_set_string_member(o, "filename", chr->filename ? chr->filename : "");
    json_object_set_boolean_member(o, "frontend-open", chr->be != NULL);
    json_array_add_object_element(opaque, o);
}

static JsonNode *qmp_query_chardev(JsonObject *args, GError **errp)
{
    JsonArray *a = json_array_new();

    qemu_chr_foreach(chardev_info, a);
    return array_node(a);
}

static JsonNode *qmp_query_target(JsonObject *args, GError **errp)
{
    JsonObject *o = json_object_new();

    json_object_set_string_member(o, "arch", target_name());
    return object_node(o);
}

/* ---- HMP ---- */

static void print_dev(Monitor *mon, DeviceState *dev, int indent);

static void print_bus(Monitor *mon, BusState *bus, int indent)
{
    monitor_printf(mon, "%*sbus: %s\n", indent, "", bus->name);
    monitor_printf(mon, "%*stype %s\n", indent + 2, "",
                   object_get_typename(OBJECT(bus)));
    for (BusChild *c = bus->children; c; c = c->next) {
        print_dev(mon, c->child, indent + 2);
    }
}

typedef struct {
    Monitor *mon;
    DeviceState *dev;
    int indent;
} PropPrint;

static void print_prop(Property *prop, void *opaque)
{
    PropPrint *pp = opaque;
    char *v = object_property_get_str(OBJECT(pp->dev), prop->name, NULL);
    const char *t = object_property_get_type(OBJECT(pp->dev), prop->name, NULL);

    if (!v) {
        return;
    }
    if (t && !strcmp(t, "str")) {
        monitor_printf(pp->mon, "%*s%s = \"%s\"\n", pp->indent, "", prop->name, v);
    } else {
        monitor_printf(pp->mon, "%*s%s = %s\n", pp->indent, "", prop->name, v);
    }
    g_free(v);
}

static void print_dev(Monitor *mon, DeviceState *dev, int indent)
{
    SysBusDevice *sbd = (SysBusDevice *)object_dynamic_cast(OBJECT(dev),
                                                           TYPE_SYS_BUS_DEVICE);
    PropPrint pp = { mon, dev, indent + 2 };

    monitor_printf(mon, "%*sdev: %s, id \"%s\"\n", indent, "",
                   object_get_typename(OBJECT(dev)), dev->id ? dev->id : "");
    for (NamedGPIOList *g = dev->gpios; g; g = g->next) {
        if (g->num_in) {
            monitor_printf(mon, "%*sgpio-in \"%s\" %d\n", indent + 2, "",
                           g->name ? g->name : "", g->num_in);
        }
        if (g->num_out) {
            monitor_printf(mon, "%*sgpio-out \"%s\" %d\n", indent + 2, "",
                           g->name ? g->name : "", g->num_out);
        }
    }
    qdev_class_foreach_prop(DEVICE_GET_CLASS(dev), print_prop, &pp);
    for (int i = 0; sbd && i < sbd->num_mmio; i++) {
        monitor_printf(mon, "%*smmio %016" PRIx64 "/%016" PRIx64 "\n",
                       indent + 2, "", (uint64_t)sbd->mmio[i].addr,
                       memory_region_size(sbd->mmio[i].memory));
    }
    for (GSList *l = dev->child_buses; l; l = l->next) {
        print_bus(mon, l->data, indent + 2);
    }
}

typedef struct {
    Monitor *mon;
    int indent;
} TreeWalk;

/* Devices without a parent bus (sysbus devices here) hang off the tree. */
static int print_busless(Object *obj, void *opaque)
{
    TreeWalk *w = opaque;
    DeviceState *dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);

    if (dev && dev->realized && !dev->parent_bus) {
        print_dev(w->mon, dev, w->indent);
    }
    return 0;
}

static void hmp_info_qtree(Monitor *mon, const char *args)
{
    BusState *sysbus = sysbus_get_default();
    TreeWalk w = { mon, 2 };

    print_bus(mon, sysbus, 0);
    object_child_foreach_recursive(object_get_root(), print_busless, &w);
}

static int print_qom_node(Object *obj, void *opaque)
{
    TreeWalk *w = opaque;
    TreeWalk child = { w->mon, w->indent + 2 };
    const char *name = object_get_canonical_path_component(obj);

    monitor_printf(w->mon, "%*s%s (%s)\n", w->indent, "", name ? name : "?",
                   object_get_typename(obj));
    object_child_foreach(obj, print_qom_node, &child);
    return 0;
}

static void hmp_info_qom_tree(Monitor *mon, const char *args)
{
    Object *root = object_get_root();
    TreeWalk w = { mon, 2 };

    monitor_printf(mon, "/ (%s)\n", object_get_typename(root));
    object_child_foreach(root, print_qom_node, &w);
}

static void qmp_cmds_register(void)
{
    qmp_register_command("query-machines", qmp_query_machines);
    qmp_register_command("qom-list-types", qmp_qom_list_types);
    qmp_register_command("qom-list", qmp_qom_list);
    qmp_register_command("qom-get", qmp_qom_get);
    qmp_register_command("qom-set", qmp_qom_set);
    qmp_register_command("device_add", qmp_device_add);
    qmp_register_command("device_del", qmp_device_del);
    qmp_register_command("query-chardev", qmp_query_chardev);
    qmp_register_command("query-target", qmp_query_target);
    hmp_register_info("qtree", "show device tree", hmp_info_qtree);
    hmp_register_info("qom-tree", "show QOM composition tree",
                      hmp_info_qom_tree);
}
type_init(qmp_cmds_register)
