/*
 * qdev.c - devices and buses: creation, realize, the bus tree, reset,
 * GPIO lines, -global defaults, -device creation and help.
 * See include/hw/qdev.h. Property types are in qdev-properties.c, the
 * system bus in sysbus.c.
 */
#include "util/osdep.h"
#include "hw/qdev.h"
#include "hw/qdev-properties.h"
#include "hw/sysbus.h"
#include "util/error.h"
#include "util/keyval.h"
#include "qdev-internal.h"

static bool machine_creation_done;

void qdev_machine_creation_done(void)
{
    machine_creation_done = true;
}

bool qdev_machine_creation_is_done(void)
{
    return machine_creation_done;
}

Object *qdev_get_machine(void)
{
    /*
     * The machine object is created by vl.c at "/machine"; code that runs
     * without one (unit tests, -M none before creation) gets a container
     * so that paths below it still work.
     */
    return container_get(object_get_root(), "/machine");
}

/* ---------------------------------------------------------------------- */
/* -global */

typedef struct GlobalProp {
    char *driver;
    char *property;
    char *value;
} GlobalProp;

static GPtrArray *global_props;

bool qdev_add_global(const char *str, GError **errp)
{
    GlobalProp *g = g_new0(GlobalProp, 1);
    const char *eq = strchr(str, '=');
    const char *dot = strchr(str, '.');

    if (!strstr(str, "driver=") && !(dot && eq && dot < eq)) {
        error_setg(errp, "-global %s: expected DRIVER.PROPERTY=VALUE", str);
        g_free(g);
        return false;
    }
    if (dot && eq && dot < eq && !strstr(str, "driver=")) {
        /* DRIVER.PROP=VALUE */
        g->driver = g_strndup(str, dot - str);
        g->property = g_strndup(dot + 1, eq - dot - 1);
        g->value = g_strdup(eq + 1);
    } else {
        /* driver=D,property=P,value=V */
        KeyValList *kv = keyval_parse(str, NULL, errp);
        static const char *const known[] = { "driver", "property", "value",
                                             NULL };

        if (!kv || !keyval_check_known(kv, known, "-global", errp)) {
            keyval_free(kv);
            g_free(g);
            return false;
        }
        g->driver = g_strdup(keyval_get(kv, "driver"));
        g->property = g_strdup(keyval_get(kv, "property"));
        g->value = g_strdup(keyval_get(kv, "value"));
        keyval_free(kv);
    }
    if (!g->driver || !*g->driver || !g->property || !*g->property ||
        !g->value) {
        error_setg(errp, "-global %s: expected DRIVER.PROPERTY=VALUE", str);
        g_free(g->driver);
        g_free(g->property);
        g_free(g->value);
        g_free(g);
        return false;
    }
    if (!global_props) {
        global_props = g_ptr_array_new();
    }
    g_ptr_array_add(global_props, g);
    return true;
}

/* Apply matching -global values; the first failure is kept for realize. */
static void qdev_apply_globals(DeviceState *dev)
{
    for (guint i = 0; global_props && i < global_props->len; i++) {
        GlobalProp *g = g_ptr_array_index(global_props, i);
        GError *err = NULL;

        if (!object_dynamic_cast(OBJECT(dev), g->driver)) {
            continue;
        }
        if (!object_property_set_str(OBJECT(dev), g->property, g->value,
                                     &err)) {
            if (!dev->global_error) {
                dev->global_error = g_error_new(PLUMB_ERROR, 0,
                                                "can't apply global %s.%s=%s: %s",
                                                g->driver, g->property,
                                                g->value, err->message);
            }
            g_error_free(err);
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Devices */

static void device_initfn(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    dev->instance_id_alias = -1;
    qdev_add_class_properties(dev);
}

static void device_post_init(Object *obj)
{
    qdev_apply_globals(DEVICE(obj));
}

static void device_finalize(Object *obj)
{
    DeviceState *dev = DEVICE(obj);
    NamedGPIOList *ngl, *next;

    for (ngl = dev->gpios; ngl; ngl = next) {
        next = ngl->next;
        /* Lines passed from a part (qdev_pass_gpios) belong to the part. */
        for (int i = 0; i < ngl->num_in; i++) {
            if (!ngl->in_borrowed || !ngl->in_borrowed[i]) {
                qemu_free_irq(ngl->in[i]);
            }
        }
        g_free(ngl->in);
        g_free(ngl->in_borrowed);
        g_free(ngl->out);
        g_free(ngl->name);
        g_free(ngl);
    }
    g_slist_free(dev->child_buses);
    if (dev->global_error) {
        g_error_free(dev->global_error);
    }
    g_free(dev->id);
    g_free(dev->canonical_path);
}

static void device_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->user_creatable = true;
    dc->hotpluggable = true;
}

DeviceState *qdev_try_new(const char *name)
{
    ObjectClass *oc = object_class_by_name(name);

    if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE) ||
        object_class_is_abstract(oc)) {
        return NULL;
    }
    return DEVICE(object_new_with_class(oc));
}

DeviceState *qdev_new(const char *name)
{
    DeviceState *dev = qdev_try_new(name);

    if (!dev) {
        fprintf(stderr, "qdev_new: unknown device type '%s'\n", name);
        abort();
    }
    return dev;
}

static void bus_add_child(BusState *bus, DeviceState *dev)
{
    BusChild *kid = g_new0(BusChild, 1), **tail;

    kid->child = dev;
    kid->index = bus->max_index++;
    for (tail = &bus->children; *tail; tail = &(*tail)->next) {
    }
    *tail = kid;
    bus->num_children++;
    dev->parent_bus = bus;
    object_ref(dev);
}

static void bus_remove_child(BusState *bus, DeviceState *dev)
{
    for (BusChild **p = &bus->children; *p; p = &(*p)->next) {
        if ((*p)->child == dev) {
            BusChild *kid = *p;
            *p = kid->next;
            g_free(kid);
            bus->num_children--;
            dev->parent_bus = NULL;
            object_unref(dev);
            return;
        }
    }
}

static void bus_realize_children_buses(DeviceState *dev)
{
    for (GSList *l = dev->child_buses; l; l = l->next) {
        BusState *bus = l->data;
        BusClass *bc = BUS_GET_CLASS(bus);

        if (bc->realize) {
            bc->realize(bus, NULL);
        }
        bus->realized = true;
    }
}

bool qdev_realize(DeviceState *dev, BusState *bus, GError **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    const char *type = object_get_typename(OBJECT(dev));
    bool parented_here = false;
    GError *err = NULL;

    g_assert(!dev->realized);
    if (dev->global_error) {
        g_propagate_error(errp, g_error_copy(dev->global_error));
        return false;
    }
    if (bus) {
        BusClass *bc = BUS_GET_CLASS(bus);

        if (!dc->bus_type || !object_dynamic_cast(OBJECT(bus), dc->bus_type)) {
            error_setg(errp, "Bus '%s' does not support device '%s'",
                       bus->name, type);
            return false;
        }
        if (bc->max_dev && bus->num_children >= bc->max_dev) {
            error_setg(errp, "Bus '%s' is full", bus->name);
            return false;
        }
        if (bc->check_address && !bc->check_address(bus, dev, errp)) {
            return false;
        }
        bus_add_child(bus, dev);
    } else if (dc->bus_type && strcmp(dc->bus_type, TYPE_SYSTEM_BUS)) {
        error_setg(errp, "device '%s' needs a '%s' bus", type, dc->bus_type);
        return false;
    }
    if (!OBJECT(dev)->parent) {
        Object *unattached = container_get(qdev_get_machine(), "unattached");

        object_property_add_child(unattached, "device[*]", OBJECT(dev));
        parented_here = true;
    }
    if (dc->realize) {
        dc->realize(dev, &err);
    }
    if (err) {
        g_propagate_error(errp, err);
        if (bus) {
            bus_remove_child(bus, dev);
        }
        if (parented_here) {
            object_unparent(OBJECT(dev));
        }
        return false;
    }
    dev->realized = true;
    g_free(dev->canonical_path);
    dev->canonical_path = object_get_canonical_path(OBJECT(dev));
    bus_realize_children_buses(dev);
    if (machine_creation_done) {
        device_cold_reset(dev);
    }
    return true;
}

bool qdev_realize_and_unref(DeviceState *dev, BusState *bus, GError **errp)
{
    bool ok = qdev_realize(dev, bus, errp);

    object_unref(dev);
    return ok;
}

static void bus_unrealize_children(BusState *bus)
{
    while (bus->children) {
        qdev_unrealize(bus->children->child);
    }
}

void qdev_unrealize(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    object_ref(dev);
    for (GSList *l = dev->child_buses; l; l = l->next) {
        bus_unrealize_children(l->data);
    }
    if (dev->realized && dc->unrealize) {
        dc->unrealize(dev);
    }
    dev->realized = false;
    if (dev->parent_bus) {
        bus_remove_child(dev->parent_bus, dev);
    }
    object_unparent(OBJECT(dev));
    object_unref(dev);
}

typedef struct FindId {
    const char *id;
    DeviceState *found;
} FindId;

static int find_id_one(Object *obj, void *opaque)
{
    FindId *f = opaque;
    DeviceState *dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);

    if (dev && dev->id && !strcmp(dev->id, f->id)) {
        f->found = dev;
        return 1;
    }
    return 0;
}

DeviceState *qdev_find_recursive_id(const char *id)
{
    FindId f = { id, NULL };

    object_child_foreach_recursive(qdev_get_machine(), find_id_one, &f);
    return f.found;
}

/* ---------------------------------------------------------------------- */
/* Reset */

void device_cold_reset(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    if (dc->reset) {
        dc->reset(dev);
    }
    for (GSList *l = dev->child_buses; l; l = l->next) {
        bus_cold_reset(l->data);
    }
}

void bus_cold_reset(BusState *bus)
{
    BusClass *bc = BUS_GET_CLASS(bus);

    if (bc->reset) {
        bc->reset(bus);
    }
    for (BusChild *kid = bus->children; kid; kid = kid->next) {
        if (kid->child->realized) {
            device_cold_reset(kid->child);
        }
    }
}

static int reset_busless_one(Object *obj, void *opaque)
{
    DeviceState *dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);

    /* Devices on a bus were reset by the bus walk, with their parents. */
    if (dev && dev->realized && !dev->parent_bus) {
        DeviceClass *dc = DEVICE_GET_CLASS(dev);
        if (dc->reset) {
            dc->reset(dev);
        }
        for (GSList *l = dev->child_buses; l; l = l->next) {
            bus_cold_reset(l->data);
        }
    }
    return 0;
}

void qemu_devices_reset(void)
{
    bus_cold_reset(sysbus_get_default());
    object_child_foreach_recursive(qdev_get_machine(), reset_busless_one,
                                   NULL);
}

/* ---------------------------------------------------------------------- */
/* Buses */

static void bus_finalize(Object *obj)
{
    BusState *bus = BUS(obj);

    g_free(bus->name);
}

/* Name @bus and hang it under @parent (QEMU's naming: "ID.N" or "type.N"). */
static void bus_attach(BusState *bus, const char *typename,
                       DeviceState *parent, const char *name)
{
    int n = parent ? parent->num_child_bus : 0;

    bus->parent = parent;
    if (name) {
        bus->name = g_strdup(name);
    } else if (parent && parent->id) {
        bus->name = g_strdup_printf("%s.%d", parent->id, n);
    } else {
        char *lower = g_ascii_strdown(typename, -1);
        bus->name = g_strdup_printf("%s.%d", lower, n);
        g_free(lower);
    }
    if (parent) {
        parent->child_buses = g_slist_append(parent->child_buses, bus);
        parent->num_child_bus++;
        object_property_add_child(OBJECT(parent), bus->name, OBJECT(bus));
        /* The parent's tree entry now holds the only reference. */
        object_unref(bus);
        bus->realized = parent->realized;
    }
}

void qbus_init(void *b, size_t size, const char *typename,
               DeviceState *parent, const char *name)
{
    object_initialize(b, size, typename);
    bus_attach(b, typename, parent, name);
}

BusState *qbus_new(const char *typename, DeviceState *parent, const char *name)
{
    BusState *bus = BUS(object_new(typename));

    bus_attach(bus, typename, parent, name);
    return bus;
}

BusState *qdev_get_child_bus(DeviceState *dev, const char *name)
{
    for (GSList *l = dev->child_buses; l; l = l->next) {
        BusState *bus = l->data;
        if (!strcmp(bus->name, name)) {
            return bus;
        }
    }
    return NULL;
}

void qbus_foreach_child(BusState *bus, void (*fn)(DeviceState *, void *),
                        void *opaque)
{
    for (BusChild *kid = bus->children; kid; kid = kid->next) {
        fn(kid->child, opaque);
    }
}

typedef bool BusMatch(BusState *bus, const void *what);

static BusState *bus_search(BusState *bus, BusMatch *match, const void *what)
{
    if (match(bus, what)) {
        return bus;
    }
    for (BusChild *kid = bus->children; kid; kid = kid->next) {
        for (GSList *l = kid->child->child_buses; l; l = l->next) {
            BusState *found = bus_search(l->data, match, what);
            if (found) {
                return found;
            }
        }
    }
    return NULL;
}

static bool bus_name_match(BusState *bus, const void *what)
{
    return !strcmp(bus->name, what);
}

/*
 * A bus of the type with room left: boards often provide many one-slot
 * buses (virtio-mmio transports), and -device takes the first free one.
 */
static bool bus_type_match(BusState *bus, const void *what)
{
    BusClass *bc;

    if (!object_dynamic_cast(OBJECT(bus), what)) {
        return false;
    }
    bc = BUS_GET_CLASS(bus);
    return !bc->max_dev || bus->num_children < bc->max_dev;
}

/* Buses of bus-less devices (a PCI host created without sysbus) too. */
typedef struct TreeBusSearch {
    BusMatch *match;
    const void *what;
    BusState *found;
} TreeBusSearch;

static int tree_bus_one(Object *obj, void *opaque)
{
    TreeBusSearch *s = opaque;
    BusState *bus = (BusState *)object_dynamic_cast(obj, TYPE_BUS);

    if (bus && s->match(bus, s->what)) {
        s->found = bus;
        return 1;
    }
    return 0;
}

static BusState *bus_find(BusMatch *match, const void *what)
{
    BusState *bus = bus_search(sysbus_get_default(), match, what);
    TreeBusSearch s = { match, what, NULL };

    if (bus) {
        return bus;
    }
    object_child_foreach_recursive(qdev_get_machine(), tree_bus_one, &s);
    return s.found;
}

BusState *qbus_find_by_name(const char *name)
{
    return bus_find(bus_name_match, name);
}

BusState *qbus_find_by_type(const char *typename)
{
    return bus_find(bus_type_match, typename);
}

/* ---------------------------------------------------------------------- */
/* GPIO lines */

static NamedGPIOList *gpio_list(DeviceState *dev, const char *name)
{
    NamedGPIOList *ngl, **tail;

    for (tail = &dev->gpios; (ngl = *tail); tail = &ngl->next) {
        if (g_strcmp0(ngl->name, name) == 0) {
            return ngl;
        }
    }
    ngl = g_new0(NamedGPIOList, 1);
    ngl->name = g_strdup(name);
    *tail = ngl;
    return ngl;
}

NamedGPIOList *qdev_get_named_gpio_list(DeviceState *dev, const char *name)
{
    for (NamedGPIOList *ngl = dev->gpios; ngl; ngl = ngl->next) {
        if (g_strcmp0(ngl->name, name) == 0) {
            return ngl;
        }
    }
    return NULL;
}

void qdev_init_gpio_in_named_with_opaque(DeviceState *dev,
                                         qemu_irq_handler handler,
                                         void *opaque, const char *name,
                                         int n)
{
    NamedGPIOList *ngl = gpio_list(dev, name);

    ngl->in = qemu_extend_irqs(ngl->in, ngl->num_in, handler, opaque, n);
    if (ngl->in_borrowed) {
        ngl->in_borrowed = g_renew(bool, ngl->in_borrowed, ngl->num_in + n);
        memset(ngl->in_borrowed + ngl->num_in, 0, n * sizeof(bool));
    }
    ngl->num_in += n;
}

void qdev_init_gpio_in_named(DeviceState *dev, qemu_irq_handler handler,
                             const char *name, int n)
{
    qdev_init_gpio_in_named_with_opaque(dev, handler, dev, name, n);
}

void qdev_init_gpio_in(DeviceState *dev, qemu_irq_handler handler, int n)
{
    qdev_init_gpio_in_named(dev, handler, NULL, n);
}

void qdev_init_gpio_out_named(DeviceState *dev, qemu_irq *pins,
                              const char *name, int n)
{
    NamedGPIOList *ngl = gpio_list(dev, name);

    ngl->out = g_renew(qemu_irq *, ngl->out, ngl->num_out + n);
    for (int i = 0; i < n; i++) {
        ngl->out[ngl->num_out + i] = &pins[i];
    }
    ngl->num_out += n;
}

void qdev_init_gpio_out(DeviceState *dev, qemu_irq *pins, int n)
{
    qdev_init_gpio_out_named(dev, pins, NULL, n);
}

static NamedGPIOList *gpio_list_checked(DeviceState *dev, const char *name,
                                        int n, bool in)
{
    NamedGPIOList *ngl = qdev_get_named_gpio_list(dev, name);

    if (!ngl || n < 0 || n >= (in ? ngl->num_in : ngl->num_out)) {
        fprintf(stderr, "%s: device '%s' has no GPIO %s line %s[%d]\n",
                in ? "qdev_get_gpio_in" : "qdev_connect_gpio_out",
                object_get_typename(OBJECT(dev)), in ? "input" : "output",
                name ? name : "", n);
        abort();
    }
    return ngl;
}

void qdev_pass_gpios(DeviceState *dev, DeviceState *container,
                     const char *name)
{
    NamedGPIOList *from = qdev_get_named_gpio_list(dev, name);
    NamedGPIOList *to;

    if (!from) {
        return;
    }
    to = gpio_list(container, name);
    if (from->num_in) {
        to->in = g_renew(qemu_irq, to->in, to->num_in + from->num_in);
        memcpy(to->in + to->num_in, from->in, from->num_in * sizeof(qemu_irq));
        if (to->in_borrowed) {
            to->in_borrowed = g_renew(bool, to->in_borrowed,
                                      to->num_in + from->num_in);
        } else {
            to->in_borrowed = g_new0(bool, to->num_in + from->num_in);
        }
        for (int i = 0; i < from->num_in; i++) {
            to->in_borrowed[to->num_in + i] = true;
        }
        to->num_in += from->num_in;
    }
    if (from->num_out) {
        to->out = g_renew(qemu_irq *, to->out, to->num_out + from->num_out);
        memcpy(to->out + to->num_out, from->out,
               from->num_out * sizeof(qemu_irq *));
    }
    to->num_out += from->num_out;
}

qemu_irq qdev_get_gpio_in_named(DeviceState *dev, const char *name, int n)
{
    return gpio_list_checked(dev, name, n, true)->in[n];
}

qemu_irq qdev_get_gpio_in(DeviceState *dev, int n)
{
    return qdev_get_gpio_in_named(dev, NULL, n);
}

void qdev_connect_gpio_out_named(DeviceState *dev, const char *name, int n,
                                 qemu_irq pin)
{
    *gpio_list_checked(dev, name, n, false)->out[n] = pin;
}

void qdev_connect_gpio_out(DeviceState *dev, int n, qemu_irq pin)
{
    qdev_connect_gpio_out_named(dev, NULL, n, pin);
}

qemu_irq qdev_get_gpio_out_connector(DeviceState *dev, const char *name,
                                     int n)
{
    return *gpio_list_checked(dev, name, n, false)->out[n];
}

qemu_irq qdev_intercept_gpio_out(DeviceState *dev, qemu_irq icpt,
                                 const char *name, int n)
{
    qemu_irq *slot = gpio_list_checked(dev, name, n, false)->out[n];
    qemu_irq old = *slot;

    *slot = icpt;
    return old;
}

/* ---------------------------------------------------------------------- */
/* -device help and creation */

static const char *const category_names[DEVICE_CATEGORY_MAX] = {
    [DEVICE_CATEGORY_BRIDGE] = "Controller/Bridge/Hub devices",
    [DEVICE_CATEGORY_USB] = "USB devices",
    [DEVICE_CATEGORY_STORAGE] = "Storage devices",
    [DEVICE_CATEGORY_NETWORK] = "Network devices",
    [DEVICE_CATEGORY_INPUT] = "Input devices",
    [DEVICE_CATEGORY_DISPLAY] = "Display devices",
    [DEVICE_CATEGORY_SOUND] = "Sound devices",
    [DEVICE_CATEGORY_MISC] = "Misc devices",
    [DEVICE_CATEGORY_CPU] = "CPU devices",
    [DEVICE_CATEGORY_WATCHDOG] = "Watchdog devices",
};

static void print_devinfo(FILE *f, DeviceClass *dc)
{
    fprintf(f, "name \"%s\"", object_class_get_name(OBJECT_CLASS(dc)));
    if (dc->bus_type) {
        fprintf(f, ", bus %s", dc->bus_type);
    }
    if (dc->desc) {
        fprintf(f, ", desc \"%s\"", dc->desc);
    }
    fputc('\n', f);
}

void qdev_print_device_list(FILE *f)
{
    GSList *list = object_class_get_list(TYPE_DEVICE, false);
    bool first = true;

    for (int cat = 0; cat <= DEVICE_CATEGORY_MAX; cat++) {
        bool header = false;

        for (GSList *l = list; l; l = l->next) {
            DeviceClass *dc = DEVICE_CLASS(l->data);
            bool in_cat = cat < DEVICE_CATEGORY_MAX
                ? (dc->categories >> cat) & 1 : dc->categories == 0;

            if (!dc->user_creatable || !in_cat) {
                continue;
            }
            if (!header) {
                fprintf(f, "%s%s:\n", first ? "" : "\n",
                        cat < DEVICE_CATEGORY_MAX ? category_names[cat]
                                                  : "Uncategorized devices");
                header = true;
                first = false;
            }
            print_devinfo(f, dc);
        }
    }
    g_slist_free(list);
}

typedef struct PropLine {
    char *left;
    char *right;
} PropLine;

static void collect_prop(Property *prop, void *opaque)
{
    GPtrArray *lines = opaque;
    PropLine *pl;
    char *def = NULL;
    const char *type = prop->info == &qdev_prop_link ? "link" : prop->info->name;
    const char *desc = prop->description ? prop->description
                                         : prop->info->description;

    for (guint i = 0; i < lines->len; i++) {
        if (g_str_has_prefix(((PropLine *)lines->pdata[i])->left, prop->name) &&
            ((PropLine *)lines->pdata[i])->left[strlen(prop->name)] == '=') {
            return;     /* redefined by a subclass */
        }
    }
    if (prop->set_default && prop->info->print_default) {
        def = prop->info->print_default(prop);
    }
    pl = g_new0(PropLine, 1);
    pl->left = g_strdup_printf("%s=<%s>", prop->name, type);
    pl->right = g_strdup_printf("%s%s%s%s", desc ? desc : "",
                                def ? (desc ? " (default: " : "(default: ") : "",
                                def ? def : "", def ? ")" : "");
    g_free(def);
    g_ptr_array_add(lines, pl);
}

static gint propline_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp((*(PropLine *const *)a)->left, (*(PropLine *const *)b)->left);
}

bool qdev_print_device_props(FILE *f, const char *type, GError **errp)
{
    ObjectClass *oc = object_class_by_name(type);
    GPtrArray *lines;

    if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE) ||
        object_class_is_abstract(oc)) {
        error_setg(errp, "'%s' is not a valid device model name", type);
        return false;
    }
    lines = g_ptr_array_new();
    qdev_class_foreach_prop(DEVICE_CLASS(oc), collect_prop, lines);
    g_ptr_array_sort(lines, propline_cmp);
    if (!lines->len) {
        fprintf(f, "There are no options for %s.\n", type);
    } else {
        fprintf(f, "%s options:\n", type);
    }
    for (guint i = 0; i < lines->len; i++) {
        PropLine *pl = lines->pdata[i];
        fprintf(f, "  %-24s - %s\n", pl->left, pl->right);
        g_free(pl->left);
        g_free(pl->right);
        g_free(pl);
    }
    g_ptr_array_free(lines, TRUE);
    return true;
}

static DeviceClass *device_class_for_user(const char *driver, GError **errp)
{
    ObjectClass *oc;
    DeviceClass *dc;

    if (!driver) {
        error_setg(errp, "Parameter 'driver' is missing");
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
        error_setg(errp, "'%s' cannot be created with -device (it is part "
                   "of a board)", driver);
        return NULL;
    }
    return dc;
}

static bool is_special_key(const char *key)
{
    return !strcmp(key, "driver") || !strcmp(key, "id") || !strcmp(key, "bus");
}

static bool set_user_props(DeviceState *dev, const KeyValList *opts,
                           GError **errp)
{
    for (guint i = 0; i < keyval_count(opts); i++) {
        const char *key = keyval_key(opts, i);

        if (is_special_key(key)) {
            continue;
        }
        if (!object_property_set_str(OBJECT(dev), key, keyval_value(opts, i),
                                     errp)) {
            return false;
        }
    }
    return true;
}

static bool check_id(const char *id, GError **errp)
{
    if (!id) {
        return true;
    }
    if (!*id || !g_ascii_isalpha(*id)) {
        error_setg(errp, "Parameter 'id' expects an identifier (a letter "
                   "first), not '%s'", id);
        return false;
    }
    for (const char *p = id; *p; p++) {
        if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_' && *p != '.') {
            error_setg(errp, "Parameter 'id' expects an identifier, not '%s'",
                       id);
            return false;
        }
    }
    return true;
}

bool qdev_device_check(const KeyValList *opts, GError **errp)
{
    const char *driver = keyval_get(opts, "driver");
    DeviceClass *dc = device_class_for_user(driver, errp);
    DeviceState *dev;
    bool ok;

    if (!dc || !check_id(keyval_get(opts, "id"), errp)) {
        return false;
    }
    /* Set the properties on a throw-away instance: it checks names and
     * values exactly as the real creation will. */
    dev = qdev_new(driver);
    ok = set_user_props(dev, opts, errp);
    if (ok && dev->global_error) {
        g_propagate_error(errp, g_error_copy(dev->global_error));
        ok = false;
    }
    object_unref(dev);
    return ok;
}

DeviceState *qdev_device_add(const KeyValList *opts, GError **errp)
{
    const char *driver = keyval_get(opts, "driver");
    const char *id = keyval_get(opts, "id");
    const char *bus_name = keyval_get(opts, "bus");
    DeviceClass *dc = device_class_for_user(driver, errp);
    BusState *bus = NULL;
    DeviceState *dev;
    Object *parent;

    if (!dc || !check_id(id, errp)) {
        return NULL;
    }
    if (id && qdev_find_recursive_id(id)) {
        error_setg(errp, "Duplicate device ID '%s'", id);
        return NULL;
    }
    if (bus_name) {
        bus = qbus_find_by_name(bus_name);
        if (!bus) {
            error_setg(errp, "Bus '%s' not found", bus_name);
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
    dev = qdev_new(driver);
    if (!set_user_props(dev, opts, errp)) {
        object_unref(dev);
        return NULL;
    }
    dev->id = g_strdup(id);
    if (id) {
        parent = container_get(qdev_get_machine(), "peripheral");
        object_property_add_child(parent, id, OBJECT(dev));
    } else {
        parent = container_get(qdev_get_machine(), "peripheral-anon");
        object_property_add_child(parent, "device[*]", OBJECT(dev));
    }
    if (!qdev_realize(dev, bus, errp)) {
        object_unparent(OBJECT(dev));
        object_unref(dev);
        return NULL;
    }
    object_unref(dev);      /* the tree holds it */
    return dev;
}

/* ---------------------------------------------------------------------- */

static const TypeInfo device_type_info = {
    .name = TYPE_DEVICE,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(DeviceState),
    .instance_init = device_initfn,
    .instance_post_init = device_post_init,
    .instance_finalize = device_finalize,
    .class_size = sizeof(DeviceClass),
    .class_init = device_class_init,
    .abstract = true,
};

static const TypeInfo bus_info = {
    .name = TYPE_BUS,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(BusState),
    .instance_finalize = bus_finalize,
    .class_size = sizeof(BusClass),
    .abstract = true,
};

static void qdev_register_types(void)
{
    type_register_static(&device_type_info);
    type_register_static(&bus_info);
}
type_init(qdev_register_types)
