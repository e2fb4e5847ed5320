/*
 * boards.h - machines (boards) and the CPU models a target offers.
 *
 * A machine is a class of TYPE_MACHINE named "NAME-machine"; the command
 * line's -M NAME picks it. The simple way to declare one:
 *
 *     static void virt_init(MachineState *ms) { ... build the board ... }
 *     static const MachineProp virt_props[] = {
 *         { "gic-version", "string", "GIC version (2, 3, host, max)", "3",
 *           (const char *const[]){ "2", "3", "host", "max", NULL } },
 *         { NULL }
 *     };
 *     static void virt_machine_init(MachineClass *mc)
 *     {
 *         mc->desc = "ARM Virtual Machine";
 *         mc->target = "aarch64";
 *         mc->init = virt_init;
 *         mc->default_cpu_type = "cortex-a15";
 *         mc->default_ram_size = 128 * MiB;
 *         mc->max_cpus = 512;
 *         mc->props = virt_props;
 *         mc->is_default = true;
 *     }
 *     DEFINE_MACHINE("virt", virt_machine_init)
 *
 * Boards with state of their own register a TypeInfo with parent
 * TYPE_MACHINE, instance_size = sizeof(VirtMachineState) (MachineState
 * first) and a class_init that fills MACHINE_CLASS(oc) the same way.
 *
 * Start-up (softmmu/vl.c) checks -machine properties against mc->props
 * (plus the generic ones every machine has) before anything is created,
 * allocates ms->ram (ram_size bytes, not mapped: the board maps it), then
 * calls mc->init(ms). The board reads its properties from ms->props with
 * machine_prop_get*() and creates CPUs of ms->cpu_type with ms->cpu_opts.
 *
 * CPU models: each target registers the models -cpu accepts, with the
 * properties and +/- feature flags they take, from its own files:
 *
 *     static const CPUModelProp arm_cpu_props[] = {
 *         { "pmu", "bool", "Performance Monitors Unit" },
 *         { "sve", "bool", "Scalable Vector Extension" },
 *         { "sve-max-vq", "uint", "largest SVE vector length / 128" },
 *         { NULL }
 *     };
 *     static const CPUModel cortex_a57 = {
 *         .target = "aarch64", .name = "cortex-a57",
 *         .desc = "ARM Cortex-A57", .props = arm_cpu_props,
 *     };
 *     cpu_model_register(&cortex_a57);     (from a type_init function)
 *
 * "-cpu max,sve=off,+pmu,-sve" is checked before the kernel is loaded and
 * normalised into ms->cpu_opts as sve=off,pmu=on ("+f" = f=on, "-f" = f=off).
 */
#ifndef HW_BOARDS_H
#define HW_BOARDS_H

#include "util/osdep.h"
#include "qom/object.h"
#include "util/keyval.h"

#define TYPE_MACHINE "machine"
#define TYPE_MACHINE_SUFFIX "-machine"
#define MACHINE_TYPE_NAME(machinename) (machinename TYPE_MACHINE_SUFFIX)

typedef struct MachineProp {
    const char *name;
    const char *type;           /* "bool", "uint", "size", "string" */
    const char *desc;
    const char *def;            /* shown in help; NULL: none */
    const char *const *choices; /* strings: allowed values; NULL: any */
} MachineProp;

typedef struct CpuTopology {
    unsigned int cpus;          /* present at start */
    unsigned int sockets;
    unsigned int dies;
    unsigned int clusters;
    unsigned int cores;         /* per socket (per die/cluster) */
    unsigned int threads;       /* per core */
    unsigned int max_cpus;
} CpuTopology;

typedef struct MachineClass {
    ObjectClass parent_class;

    const char *name;           /* "virt"; set from the type name if NULL */
    const char *alias;          /* another -M name for it, or NULL */
    const char *desc;           /* -M help: "ARM Virtual Machine" */
    /* The target it belongs to ("aarch64"); NULL: every target. */
    const char *target;
    void (*init)(MachineState *ms);
    /* Called by the reset path instead of only resetting devices; NULL ok. */
    void (*reset)(MachineState *ms);

    const char *default_cpu_type;       /* a CPU model name; NULL: no CPU */
    const char *const *valid_cpu_types; /* NULL: any model of the target */
    uint64_t default_ram_size;
    unsigned int min_cpus;              /* 0: 1 */
    unsigned int default_cpus;          /* 0: 1 */
    unsigned int max_cpus;              /* 0: 1 */
    bool is_default;
    /* Machine-specific -machine properties, ended by { NULL }. */
    const MachineProp *props;
    /* Board-specific checks of ms before anything is created. */
    bool (*check)(MachineState *ms, GError **errp);
    bool no_serial;                     /* the board has no serial port */
    /* -drive without if=: "virtio" (virt) or NULL (QEMU's IDE, refused). */
    const char *block_default_if;
    /* The NIC of -nic/-net nic without model=, and of the default
     * "-net nic -net user" when no network option and no -nodefaults. */
    const char *default_nic;
    /* Free-form per-board data. */
    const void *opaque;
} MachineClass;

struct MachineState {
    Object parent_obj;

    uint64_t ram_size;
    uint64_t maxram_size;
    MemoryRegion *ram;          /* allocated by vl.c; the board maps it */

    char *kernel_filename;      /* -kernel or NULL */
    char *initrd_filename;      /* -initrd or NULL */
    char *kernel_cmdline;       /* -append, "" when absent */
    char *dtb;                  /* -dtb or NULL */
    char *dumpdtb;              /* -machine dumpdtb=FILE or NULL */
    char *firmware;             /* -bios or NULL */

    char *cpu_type;             /* CPU model name ("max"); NULL: no CPU */
    KeyValList *cpu_opts;       /* its properties, normalised */
    CpuTopology smp;

    char *accel;                /* the accelerator in use ("tcg") */
    KeyValList *props;          /* every -machine property given */

    void *fdt;                  /* the board's device tree, if any */
    int fdt_size;
};

#define MACHINE(obj) OBJECT_CHECK(MachineState, (obj), TYPE_MACHINE)
#define MACHINE_CLASS(klass) OBJECT_CLASS_CHECK(MachineClass, (klass), TYPE_MACHINE)
#define MACHINE_GET_CLASS(obj) OBJECT_GET_CLASS(MachineClass, (obj), TYPE_MACHINE)

/* The machine being run, or NULL before it is created. */
extern MachineState *current_machine;

#define DEFINE_MACHINE(namestr, machine_initfn)                             \
    static void machine_initfn##_class_init(ObjectClass *oc, void *data)    \
    {                                                                       \
        MachineClass *mc = MACHINE_CLASS(oc);                               \
        machine_initfn(mc);                                                 \
        mc->name = (namestr);                                               \
    }                                                                       \
    static const TypeInfo machine_initfn##_typeinfo = {                     \
        .name = MACHINE_TYPE_NAME(namestr),                                 \
        .parent = TYPE_MACHINE,                                             \
        .class_init = machine_initfn##_class_init,                          \
    };                                                                      \
    static void machine_initfn##_register_types(void)                       \
    {                                                                       \
        type_register_static(&machine_initfn##_typeinfo);                   \
    }                                                                       \
    type_init(machine_initfn##_register_types)

/* The machine class -M @name selects for @target (alias too), or NULL. */
MachineClass *machine_find_class(const char *target, const char *name);
/* The default machine of @target (is_default), or NULL. */
MachineClass *machine_default_class(const char *target);
/* The machines of @target, sorted by name (g_slist_free()). */
GSList *machine_class_list(const char *target);
/* -M help. */
void machine_print_list(FILE *f, const char *target);
/* -M NAME,help: the machine's properties. */
void machine_print_props(FILE *f, MachineClass *mc);

/* Property names every machine accepts (accel, kernel, dumpdtb, ...). */
extern const MachineProp machine_generic_props[];

/*
 * Check the -machine properties @props ("type" excluded) for @mc: unknown
 * names, bad booleans/numbers/sizes, values outside ->choices.
 * Errors read "-machine virt,foo=1: Property 'virt-machine.foo' not found"-like:
 *   "Property 'virt.foo' not found (try -machine virt,help)"
 */
bool machine_check_props(MachineClass *mc, const KeyValList *props,
                         GError **errp);

/* Typed reads of ms->props for boards (defaults when absent; values were
 * checked at start-up, so a bad value here is a board bug: aborts). */
const char *machine_prop_get(MachineState *ms, const char *name,
                             const char *def);
bool machine_prop_get_bool(MachineState *ms, const char *name, bool def);
uint64_t machine_prop_get_uint(MachineState *ms, const char *name,
                               uint64_t def);

/* ---------------------------------------------------------------------- */
/* CPU models */

typedef struct CPUModelProp {
    const char *name;
    const char *type;           /* "bool" (also +name/-name), "uint", "string" */
    const char *desc;
} CPUModelProp;

typedef struct CPUModel {
    const char *target;         /* "aarch64", "ppc64", "x86_64" */
    const char *name;           /* "cortex-a57", "max", "host" */
    const char *desc;           /* -cpu help */
    /* What the target instantiates (its own naming); NULL: same as name. */
    const char *type_name;
    /* Properties and flags, ended by { NULL }. Two lists so that a model
     * can add its own to a set shared by the target. */
    const CPUModelProp *props;
    const CPUModelProp *common_props;
    /* Only usable with this accelerator ("kvm" for "host"); NULL: any. */
    const char *requires_accel;
    /* Extra semantic checks of the normalised options; NULL: none. */
    bool (*check)(const struct CPUModel *model, const KeyValList *opts,
                  GError **errp);
    const void *opaque;         /* the target's own data for this model */
} CPUModel;

/* Register @model (static storage). A duplicate (target, name) aborts. */
void cpu_model_register(const CPUModel *model);
/* The model @name of @target, or NULL. */
const CPUModel *cpu_model_find(const char *target, const char *name);
/* The models of @target sorted by name (g_slist_free()). */
GSList *cpu_model_list(const char *target);
/* -cpu help. */
void cpu_model_print_list(FILE *f, const char *target);
/*
 * Parse "-cpu MODEL[,prop=val][,+flag][,-flag]" for @target: the model
 * must exist, every property must be one it declares with a value of its
 * type. *opts receives the normalised properties. Errors:
 *   "unable to find CPU model 'foo'"
 *   "Property 'max.foo' not found (CPU model 'max'; try -cpu help)"
 */
bool cpu_model_parse(const char *target, const char *spec,
                     const CPUModel **model, KeyValList **opts,
                     GError **errp);

#endif
