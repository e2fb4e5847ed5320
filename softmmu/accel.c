/*
 * accel.c - the accelerator registry and its selection rules. See
 * include/sysemu/accel.h. The accelerators themselves live in their own
 * files (softmmu/tcg-accel.c, the qtest server, the KVM code).
 *
 * A "kvm" placeholder is built in so that "-accel kvm" always gets the real
 * reason it cannot run (no /dev/kvm, or no KVM support yet for this guest)
 * rather than "unknown accelerator"; a real "kvm" registration replaces it.
 */
#include "util/osdep.h"
#include <fcntl.h>
#include "sysemu/accel.h"
#include "sysemu/sysemu.h"
#include "util/error.h"

static GPtrArray *accels;            /* of const AccelOps * */
static const AccelOps *accel_current;

void accel_register(const AccelOps *ops)
{
    if (!accels) {
        accels = g_ptr_array_new();
    }
    for (guint i = 0; i < accels->len; i++) {
        const AccelOps *o = g_ptr_array_index(accels, i);
        if (!strcmp(o->name, ops->name)) {
            accels->pdata[i] = (gpointer)ops;
            return;
        }
    }
    g_ptr_array_add(accels, (gpointer)ops);
}

const AccelOps *accel_find(const char *name)
{
    for (guint i = 0; accels && i < accels->len; i++) {
        const AccelOps *o = g_ptr_array_index(accels, i);
        if (!strcmp(o->name, name)) {
            return o;
        }
    }
    return NULL;
}

static gint cmp_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static gint cmp_ops(gconstpointer a, gconstpointer b)
{
    return strcmp((*(const AccelOps *const *)a)->name,
                  (*(const AccelOps *const *)b)->name);
}

char *accel_list_names(void)
{
    GPtrArray *names = g_ptr_array_new();
    char *s;

    for (guint i = 0; accels && i < accels->len; i++) {
        g_ptr_array_add(names,
                        (gpointer)((const AccelOps *)accels->pdata[i])->name);
    }
    g_ptr_array_sort(names, cmp_names);
    g_ptr_array_add(names, NULL);
    s = g_strjoinv(", ", (char **)names->pdata);
    g_ptr_array_free(names, TRUE);
    return s;
}

const AccelOps *current_accel(void)
{
    return accel_current;
}

const char *current_accel_name(void)
{
    return accel_current ? accel_current->name : "";
}

bool accel_is(const char *name)
{
    return accel_current && !strcmp(accel_current->name, name);
}

const AccelOps *accel_select(const char *name, const KeyValList *props,
                             GError **errp)
{
    const AccelOps *ops = accel_find(name);
    GError *err = NULL;
    char *what;

    if (!ops) {
        char *names = accel_list_names();
        error_setg(errp, "-accel %s: unknown accelerator (%s)", name, names);
        g_free(names);
        return NULL;
    }
    what = g_strdup_printf("-accel %s", name);
    if (props && !keyval_check_known(props, ops->props, what, errp)) {
        g_free(what);
        return NULL;
    }
    if (props && ops->check_props && !ops->check_props(props, &err)) {
        error_setg(errp, "%s: %s", what, err->message);
        g_error_free(err);
        g_free(what);
        return NULL;
    }
    if (ops->available && !ops->available(&err)) {
        error_setg(errp, "%s: %s", what, err->message);
        g_error_free(err);
        g_free(what);
        return NULL;
    }
    g_free(what);
    return ops;
}

bool accel_init_machine(const AccelOps *ops, MachineState *ms,
                        const KeyValList *props, GError **errp)
{
    accel_current = ops;
    if (ops->init && !ops->init(ms, props, errp)) {
        g_prefix_error(errp, "-accel %s: ", ops->name);
        accel_current = NULL;
        return false;
    }
    return true;
}

void accel_print_help(FILE *f)
{
    GPtrArray *sorted = g_ptr_array_new();

    for (guint i = 0; accels && i < accels->len; i++) {
        g_ptr_array_add(sorted, accels->pdata[i]);
    }
    g_ptr_array_sort(sorted, cmp_ops);
    fprintf(f, "Accelerators supported in plumb binary:\n");
    for (guint i = 0; i < sorted->len; i++) {
        const AccelOps *o = sorted->pdata[i];
        fprintf(f, "%-10s %s\n", o->name, o->desc ? o->desc : "");
    }
    g_ptr_array_free(sorted, TRUE);
}

/* ---- the kvm placeholder ---- */

static bool kvm_placeholder_available(GError **errp)
{
    int fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);

    if (fd < 0) {
        error_setg(errp, "KVM is not available: /dev/kvm: %s",
                   g_strerror(errno));
        return false;
    }
    close(fd);
    error_setg(errp, "KVM is not available: plumb has no KVM support for "
               "%s guests yet", target_name());
    return false;
}

static const AccelOps kvm_placeholder_ops = {
    .name = "kvm",
    .desc = "Kernel-based Virtual Machine (not available in this build)",
    .available = kvm_placeholder_available,
};

/*
 * Registered from a constructor with a low priority number so that it runs
 * before the ordinary type_init() constructors; a real "kvm" then replaces it.
 */
static void __attribute__((constructor(200))) kvm_placeholder_register(void)
{
    accel_register(&kvm_placeholder_ops);
}
