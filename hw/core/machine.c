/*
 * machine.c - the machine base type, the machine registry, -machine
 * property checks and the "none" board every target has.
 * See include/hw/boards.h.
 */
#include "util/osdep.h"
#include "hw/boards.h"
#include "exec/memory.h"
#include "util/error.h"

MachineState *current_machine;

/* Properties every machine accepts (QEMU's generic machine properties). */
const MachineProp machine_generic_props[] = {
    { "type", "string", "the machine (the implied first item)", NULL, NULL },
    { "accel", "string", "accelerator list, e.g. kvm:tcg (legacy; use -accel)",
      NULL, NULL },
    { "kernel", "string", "Linux kernel image file (like -kernel)", NULL, NULL },
    { "initrd", "string", "Linux initial ramdisk file (like -initrd)", NULL,
      NULL },
    { "append", "string", "Linux kernel command line (like -append)", NULL,
      NULL },
    { "dtb", "string", "Linux kernel device tree file (like -dtb)", NULL, NULL },
    { "firmware", "string", "firmware image (like -bios)", NULL, NULL },
    { "dumpdtb", "string", "dump the board's device tree to a file and exit",
      NULL, NULL },
    { "dump-guest-core", "bool", "include guest memory in a core dump", "on",
      NULL },
    { "mem-merge", "bool", "enable memory merge support", "on", NULL },
    { "usb", "bool", "set on/off to enable/disable usb", "off", NULL },
    { "graphics", "bool", "set on/off to enable/disable graphics emulation",
      "on", NULL },
    { "suppress-vmdesc", "bool", "leave the VM description out of migration "
      "streams", "off", NULL },
    { "memory-backend", "string", "ID of the memory backend object", NULL,
      NULL },
    { "kernel-irqchip", "string", "use the KVM in-kernel irqchip", NULL,
      (const char *const[]){ "on", "off", "split", NULL } },
    { NULL }
};

static const char *mc_name(MachineClass *mc)
{
    if (!mc->name) {
        const char *tn = object_class_get_name(OBJECT_CLASS(mc));
        size_t len = strlen(tn), sl = strlen(TYPE_MACHINE_SUFFIX);

        if (len > sl && !strcmp(tn + len - sl, TYPE_MACHINE_SUFFIX)) {
            mc->name = g_strndup(tn, len - sl);
        } else {
            mc->name = tn;
        }
    }
    return mc->name;
}

static bool mc_for_target(MachineClass *mc, const char *target)
{
    return !mc->target || !target || !strcmp(mc->target, target);
}

static gint mc_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(mc_name((MachineClass *)a), mc_name((MachineClass *)b));
}

GSList *machine_class_list(const char *target)
{
    GSList *all = object_class_get_list(TYPE_MACHINE, false), *out = NULL;

    for (GSList *l = all; l; l = l->next) {
        MachineClass *mc = MACHINE_CLASS(l->data);
        if (mc_for_target(mc, target)) {
            out = g_slist_prepend(out, mc);
        }
    }
    g_slist_free(all);
    return g_slist_sort(out, mc_cmp);
}

MachineClass *machine_find_class(const char *target, const char *name)
{
    GSList *list = machine_class_list(target);
    MachineClass *found = NULL;

    for (GSList *l = list; l && !found; l = l->next) {
        MachineClass *mc = l->data;
        if (!strcmp(mc_name(mc), name) || (mc->alias && !strcmp(mc->alias, name))) {
            found = mc;
        }
    }
    g_slist_free(list);
    return found;
}

MachineClass *machine_default_class(const char *target)
{
    GSList *list = machine_class_list(target);
    MachineClass *found = NULL;

    for (GSList *l = list; l && !found; l = l->next) {
        MachineClass *mc = l->data;
        /* A board for all targets cannot be the default of one. */
        if (mc->is_default && mc->target) {
            found = mc;
        }
    }
    g_slist_free(list);
    return found;
}

void machine_print_list(FILE *f, const char *target)
{
    GSList *list = machine_class_list(target);

    fprintf(f, "Supported machines are:\n");
    for (GSList *l = list; l; l = l->next) {
        MachineClass *mc = l->data;

        if (mc->alias) {
            fprintf(f, "%-20s %s (alias of %s)\n", mc->alias,
                    mc->desc ? mc->desc : "", mc_name(mc));
        }
        fprintf(f, "%-20s %s%s\n", mc_name(mc), mc->desc ? mc->desc : "",
                mc->is_default && mc->target ? " (default)" : "");
    }
    g_slist_free(list);
}

static void print_prop(FILE *f, const MachineProp *p)
{
    g_autofree char *left = g_strdup_printf("%s=<%s>", p->name, p->type);

    fprintf(f, "  %-24s - %s", left, p->desc ? p->desc : "");
    if (p->choices) {
        fprintf(f, " (");
        for (const char *const *c = p->choices; *c; c++) {
            fprintf(f, "%s%s", c == p->choices ? "" : ", ", *c);
        }
        fprintf(f, ")");
    }
    if (p->def) {
        fprintf(f, " (default: %s)", p->def);
    }
    fputc('\n', f);
}

void machine_print_props(FILE *f, MachineClass *mc)
{
    fprintf(f, "%s options:\n", object_class_get_name(OBJECT_CLASS(mc)));
    for (const MachineProp *p = mc->props; p && p->name; p++) {
        print_prop(f, p);
    }
    for (const MachineProp *p = machine_generic_props; p->name; p++) {
        if (strcmp(p->name, "type")) {
            print_prop(f, p);
        }
    }
}

static const MachineProp *find_prop(MachineClass *mc, const char *name)
{
    for (const MachineProp *p = mc->props; p && p->name; p++) {
        if (!strcmp(p->name, name)) {
            return p;
        }
    }
    for (const MachineProp *p = machine_generic_props; p->name; p++) {
        if (!strcmp(p->name, name)) {
            return p;
        }
    }
    return NULL;
}

static bool check_value(MachineClass *mc, const MachineProp *p,
                        const char *value, GError **errp)
{
    const char *tn = object_class_get_name(OBJECT_CLASS(mc));
    GError *err = NULL;
    uint64_t u;
    bool b;

    if (!strcmp(p->type, "bool")) {
        if (!parse_bool(value, &b)) {
            error_setg(errp, "Property '%s.%s' doesn't take value '%s' "
                       "(expects on/off)", tn, p->name, value);
            return false;
        }
    } else if (!strcmp(p->type, "uint")) {
        if (!parse_uint64(value, &u, &err)) {
            error_setg(errp, "Property '%s.%s' doesn't take value '%s' "
                       "(expects a number)", tn, p->name, value);
            g_error_free(err);
            return false;
        }
    } else if (!strcmp(p->type, "size")) {
        if (!parse_size(value, &u, &err)) {
            error_setg(errp, "Property '%s.%s': %s", tn, p->name, err->message);
            g_error_free(err);
            return false;
        }
    }
    if (p->choices) {
        GString *s;

        for (const char *const *c = p->choices; *c; c++) {
            if (!strcmp(*c, value)) {
                return true;
            }
        }
        s = g_string_new(NULL);
        for (const char *const *c = p->choices; *c; c++) {
            g_string_append_printf(s, "%s%s", c == p->choices ? "" : ", ", *c);
        }
        error_setg(errp, "Property '%s.%s' doesn't take value '%s' "
                   "(one of: %s)", tn, p->name, value, s->str);
        g_string_free(s, TRUE);
        return false;
    }
    return true;
}

bool machine_check_props(MachineClass *mc, const KeyValList *props,
                         GError **errp)
{
    for (guint i = 0; i < keyval_count(props); i++) {
        const char *key = keyval_key(props, i);
        const MachineProp *p = find_prop(mc, key);

        if (!p) {
            error_setg(errp, "Property '%s.%s' not found (try -machine %s,help)",
                       object_class_get_name(OBJECT_CLASS(mc)), key,
                       mc_name(mc));
            return false;
        }
        if (!check_value(mc, p, keyval_value(props, i), errp)) {
            return false;
        }
    }
    return true;
}

const char *machine_prop_get(MachineState *ms, const char *name,
                             const char *def)
{
    const char *v = ms->props ? keyval_get(ms->props, name) : NULL;

    return v ? v : def;
}

bool machine_prop_get_bool(MachineState *ms, const char *name, bool def)
{
    const char *v = machine_prop_get(ms, name, NULL);
    bool b;

    if (!v) {
        return def;
    }
    if (!parse_bool(v, &b)) {
        fprintf(stderr, "machine property '%s': '%s' is not a boolean\n",
                name, v);
        abort();
    }
    return b;
}

uint64_t machine_prop_get_uint(MachineState *ms, const char *name,
                               uint64_t def)
{
    const char *v = machine_prop_get(ms, name, NULL);
    uint64_t u;

    if (!v) {
        return def;
    }
    if (!parse_size(v, &u, NULL)) {
        fprintf(stderr, "machine property '%s': '%s' is not a number\n",
                name, v);
        abort();
    }
    return u;
}

static void machine_finalize(Object *obj)
{
    MachineState *ms = MACHINE(obj);

    g_free(ms->kernel_filename);
    g_free(ms->initrd_filename);
    g_free(ms->kernel_cmdline);
    g_free(ms->dtb);
    g_free(ms->dumpdtb);
    g_free(ms->firmware);
    g_free(ms->cpu_type);
    keyval_free(ms->cpu_opts);
    g_free(ms->accel);
    keyval_free(ms->props);
}

static const TypeInfo machine_info = {
    .name = TYPE_MACHINE,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(MachineState),
    .instance_finalize = machine_finalize,
    .class_size = sizeof(MachineClass),
    .abstract = true,
};

/* ---- "none": an empty board, for qtest and for probing options ---- */

static void machine_none_init(MachineState *ms)
{
    /* RAM, when -m asked for some, sits at address 0 (QEMU's choice). */
    if (ms->ram) {
        memory_region_add_subregion(get_system_memory(), 0, ms->ram);
    }
}

static void machine_none_machine_init(MachineClass *mc)
{
    mc->desc = "empty machine";
    mc->init = machine_none_init;
    mc->max_cpus = 1;
    mc->default_ram_size = 0;
    mc->no_serial = true;
}

DEFINE_MACHINE("none", machine_none_machine_init)

static void machine_register_types(void)
{
    type_register_static(&machine_info);
}
type_init(machine_register_types)
