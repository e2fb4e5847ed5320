/*
 * accel.h - the accelerator registry: tcg, qtest, kvm.
 *
 * An accelerator is the thing that runs the vCPUs of a machine. Each one
 * registers an AccelOps from its own file:
 *
 *     static const char *const tcg_props[] = { "thread", "tb-size", NULL };
 *     static const AccelOps tcg_accel_ops = {
 *         .name = "tcg",
 *         .init = tcg_accel_init,            // may read "thread=single"
 *         .start_vcpus = tcg_start_vcpus,
 *         .props = tcg_props,
 *     };
 *     static void tcg_accel_register(void) { accel_register(&tcg_accel_ops); }
 *     accel_init(tcg_accel_register)
 *
 * Start-up (softmmu/vl.c) picks the accelerator from -accel, -machine accel=
 * (a ':'-separated fallback list) or -enable-kvm; the default is "qtest"
 * when -qtest is given, else "tcg". The order is:
 *   1. accel_find() + props checked against ->props (names) and
 *      ->check_props (values), ->available()
 *      (all before the kernel is loaded, so the kvm-unit-tests probe sees
 *      the real reason);
 *   2. ->init(ms, props) after the machine object exists but before
 *      MachineClass.init (so the board can ask current_accel_name());
 *   3. MachineClass.init creates CPUs, memory, devices;
 *   4. ->start_vcpus(ms) once everything is realized;
 *   5. the main loop runs.
 */
#ifndef SYSEMU_ACCEL_H
#define SYSEMU_ACCEL_H

#include "util/osdep.h"
#include "util/keyval.h"
#include "util/module.h"

typedef struct AccelOps {
    const char *name;                 /* "tcg", "qtest", "kvm" */
    const char *desc;                 /* one line for -accel help; may be NULL */
    /* Can this accelerator run here (host, target)? NULL = always. */
    bool (*available)(GError **errp);
    /* Set up; @props are the -accel properties minus "accel" itself. */
    bool (*init)(MachineState *ms, const KeyValList *props, GError **errp);
    /* Start the vCPUs of ms (ms->cpus / first_cpu); NULL = none to start. */
    void (*start_vcpus)(MachineState *ms);
    /* NULL-terminated list of property names -accel NAME,prop=.. accepts. */
    const char *const *props;
    /*
     * Optional: check the property values (not only the names) before
     * anything is created or loaded, so that "-accel tcg,thread=bogus" is
     * reported before a missing kernel. NULL: init() checks them.
     */
    bool (*check_props)(const KeyValList *props, GError **errp);
} AccelOps;

/* Register @ops (kept by reference; static storage). A second registration
 * of the same name replaces the first. */
void accel_register(const AccelOps *ops);

/* The accelerator called @name, or NULL. */
const AccelOps *accel_find(const char *name);

/* Registered names, sorted, comma separated ("kvm, qtest, tcg"). g_free() it. */
char *accel_list_names(void);

/* The accelerator in use (NULL before start-up chose one). */
const AccelOps *current_accel(void);
/* Its name, or "" before start-up chose one. */
const char *current_accel_name(void);
/* Convenience: is @name the accelerator in use? */
bool accel_is(const char *name);

/*
 * Used by vl.c: check @name exists, its properties are known and it is
 * available. Errors read "-accel NAME: ..." ("-accel foo: unknown
 * accelerator (kvm, qtest, tcg)", "-accel kvm: KVM is not available: ...").
 */
const AccelOps *accel_select(const char *name, const KeyValList *props,
                             GError **errp);
/* Make @ops current and call its init. */
bool accel_init_machine(const AccelOps *ops, MachineState *ms,
                        const KeyValList *props, GError **errp);
/* Print the list for -accel help. */
void accel_print_help(FILE *f);

#endif
