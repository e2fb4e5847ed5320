/*
 * cpu-models.c - the registry of CPU models per target and the -cpu
 * option parser. Targets register their models (from target-arm/ etc.); start-up
 * checks -cpu against them before anything is created, so an unknown
 * model or flag is an option error and not a guest failure.
 */
#include "util/osdep.h"
#include "hw/boards.h"
#include "util/error.h"

static GPtrArray *cpu_models;   /* of const CPUModel * */

void cpu_model_register(const CPUModel *model)
{
    if (!cpu_models) {
        cpu_models = g_ptr_array_new();
    }
    if (cpu_model_find(model->target, model->name)) {
        fprintf(stderr, "CPU model '%s' registered twice for %s\n",
                model->name, model->target);
        abort();
    }
    g_ptr_array_add(cpu_models, (gpointer)model);
}

const CPUModel *cpu_model_find(const char *target, const char *name)
{
    for (guint i = 0; cpu_models && i < cpu_models->len; i++) {
        const CPUModel *m = g_ptr_array_index(cpu_models, i);
        if (!strcmp(m->target, target) && !strcmp(m->name, name)) {
            return m;
        }
    }
    return NULL;
}

static gint model_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(((const CPUModel *)a)->name, ((const CPUModel *)b)->name);
}

GSList *cpu_model_list(const char *target)
{
    GSList *list = NULL;

    for (guint i = 0; cpu_models && i < cpu_models->len; i++) {
        const CPUModel *m = g_ptr_array_index(cpu_models, i);
        if (!strcmp(m->target, target)) {
            list = g_slist_prepend(list, (gpointer)m);
        }
    }
    return g_slist_sort(list, model_cmp);
}

void cpu_model_print_list(FILE *f, const char *target)
{
    GSList *list = cpu_model_list(target);

    fprintf(f, "Available CPUs:\n");
    if (!list) {
        fprintf(f, "  (none registered for %s yet)\n", target);
    }
    for (GSList *l = list; l; l = l->next) {
        const CPUModel *m = l->data;
        fprintf(f, "  %-20s %s\n", m->name, m->desc ? m->desc : "");
    }
    g_slist_free(list);
}

static const CPUModelProp *model_prop(const CPUModel *m, const char *name)
{
    const CPUModelProp *lists[2] = { m->props, m->common_props };

    for (int i = 0; i < 2; i++) {
        for (const CPUModelProp *p = lists[i]; p && p->name; p++) {
            if (!strcmp(p->name, name)) {
                return p;
            }
        }
    }
    return NULL;
}

bool cpu_model_parse(const char *target, const char *spec,
                     const CPUModel **model, KeyValList **opts,
                     GError **errp)
{
    KeyValList *kv = keyval_parse(spec, "model", errp);
    KeyValList *out;
    const CPUModel *m;
    const char *name;
    const char *tn;

    if (!kv) {
        return false;
    }
    name = keyval_get(kv, "model");
    if (!name) {
        error_setg(errp, "-cpu %s: no CPU model given", spec);
        keyval_free(kv);
        return false;
    }
    m = cpu_model_find(target, name);
    if (!m) {
        error_setg(errp, "unable to find CPU model '%s'", name);
        keyval_free(kv);
        return false;
    }
    tn = m->type_name ? m->type_name : m->name;
    out = keyval_new();
    for (guint i = 0; i < keyval_count(kv); i++) {
        const char *key = keyval_key(kv, i);
        const char *value = keyval_value(kv, i);
        const CPUModelProp *p;
        bool flag = false;

        if (!strcmp(key, "model")) {
            continue;
        }
        /* "+f" and "-f" are bare words, so keyval gave them the value "on". */
        if ((key[0] == '+' || key[0] == '-') && !strcmp(value, "on")) {
            value = key[0] == '+' ? "on" : "off";
            key++;
            flag = true;
        }
        p = model_prop(m, key);
        if (!p) {
            error_setg(errp, "Property '%s.%s' not found", tn, key);
            goto fail;
        }
        if (flag && strcmp(p->type, "bool")) {
            error_setg(errp, "-cpu %s: '%s' is not a feature flag (it takes "
                       "a value: %s=...)", name, key, key);
            goto fail;
        }
        if (!strcmp(p->type, "bool")) {
            bool b;
            if (!parse_bool(value, &b)) {
                error_setg(errp, "Property '%s.%s' doesn't take value '%s' "
                           "(expects on/off)", tn, key, value);
                goto fail;
            }
            value = b ? "on" : "off";
        } else if (!strcmp(p->type, "uint")) {
            uint64_t u;
            GError *err = NULL;
            if (!parse_uint64(value, &u, &err)) {
                g_error_free(err);
                error_setg(errp, "Property '%s.%s' doesn't take value '%s' "
                           "(expects a number)", tn, key, value);
                goto fail;
            }
        }
        keyval_set(out, key, value);
    }
    if (m->check && !m->check(m, out, errp)) {
        goto fail;
    }
    keyval_free(kv);
    *model = m;
    *opts = out;
    return true;

fail:
    keyval_free(kv);
    keyval_free(out);
    return false;
}
