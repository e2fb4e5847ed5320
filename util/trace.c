/*
 * trace.c - named trace events: which are on, and printing them.
 *
 * The events themselves are the X-macro table in include/trace/trace-events.h;
 * this file owns their on/off flags (trace_events_dstate), applies -trace
 * patterns to them, and prints enabled events in the format of QEMU's "log"
 * back end. Patterns are also kept in order (last match wins) so that
 * trace_event_enabled() answers for names that are not in the table.
 *
 * The two memory_region_ops_* events are fed from the memory core's single
 * access hook (memory_region_set_access_trace): the hook is installed only
 * while one of them is on, so dispatch pays nothing otherwise. That makes
 * this util/ file reach into exec/memory.h, against the layering of
 * DESIGN.md; the hook belongs in softmmu/ once someone owns a file there
 * for it (FIXME).
 */
#include "util/osdep.h"
#include <sys/syscall.h>
#include <sys/time.h>
#include "util/trace.h"
#include "trace/trace.h"
#include "util/keyval.h"
#include "util/error.h"
#include "util/log.h"
#include "exec/memory.h"
#include "hw/core/cpu.h"

bool trace_events_dstate[TRACE_EVENT_COUNT];

static const char *const trace_event_names[TRACE_EVENT_COUNT] = {
#define TRACE_EVENT(name, params, args, fmt) [TRACE_ID_##name] = #name,
#include "trace/trace-events.h"
#undef TRACE_EVENT
};

typedef struct TracePattern {
    char *glob;
    bool enable;
} TracePattern;

static GArray *patterns;     /* of TracePattern, in command-line order */
static char *trace_file;
static bool message_timestamp;
static bool mem_hook_installed;

/* ------------------------------------------------------------------ */
/* Output                                                             */

void trace_set_message_timestamp(bool on)
{
    message_timestamp = on;
}

void trace_event_emit(TraceEventID id, const char *fmt, ...)
{
    va_list ap;
    char *msg;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    /* One log_printf per line so vCPU threads do not interleave lines. */
    if (message_timestamp) {
        struct timeval now;

        gettimeofday(&now, NULL);
        log_printf("%d@%zu.%06zu:%s %s\n", (int)syscall(SYS_gettid),
                   (size_t)now.tv_sec, (size_t)now.tv_usec,
                   trace_event_names[id], msg);
    } else {
        log_printf("%s %s\n", trace_event_names[id], msg);
    }
    g_free(msg);
}

const char *trace_event_name(TraceEventID id)
{
    return (unsigned)id < TRACE_EVENT_COUNT ? trace_event_names[id] : NULL;
}

int trace_event_find(const char *name)
{
    for (int i = 0; i < TRACE_EVENT_COUNT; i++) {
        if (!strcmp(trace_event_names[i], name)) {
            return i;
        }
    }
    return -1;
}

void trace_list_events(FILE *f)
{
    for (int i = 0; i < TRACE_EVENT_COUNT; i++) {
        fprintf(f, "%s\n", trace_event_names[i]);
    }
}

/* ------------------------------------------------------------------ */
/* The memory core's hook                                             */

/* QEMU reports the address in the region's root (usually a CPU address). */
static uint64_t region_absolute_addr(const MemoryRegion *mr, hwaddr addr)
{
    uint64_t abs = addr + mr->addr;

    while (mr->container) {
        mr = mr->container;
        abs += mr->addr;
    }
    return abs;
}

static void trace_memory_access(MemoryRegion *mr, hwaddr addr, unsigned size,
                                uint64_t value, bool is_write)
{
    int cpu = current_cpu ? current_cpu->cpu_index : -1;
    const char *name = memory_region_name(mr);

    if (!name) {
        name = "";
    }
    if (is_write) {
        trace_memory_region_ops_write(cpu, mr, region_absolute_addr(mr, addr),
                                      value, size, name);
    } else {
        trace_memory_region_ops_read(cpu, mr, region_absolute_addr(mr, addr),
                                     value, size, name);
    }
}

/* Keep the hooks that feed events in step with the events' flags. */
static void trace_update_hooks(void)
{
    bool mem = trace_events_dstate[TRACE_ID_memory_region_ops_read] ||
               trace_events_dstate[TRACE_ID_memory_region_ops_write];

    if (mem && !mem_hook_installed) {
        memory_region_set_access_trace(trace_memory_access);
        mem_hook_installed = true;
    } else if (!mem && mem_hook_installed) {
        memory_region_set_access_trace(NULL);
        mem_hook_installed = false;
    }
}

/* ------------------------------------------------------------------ */
/* Patterns                                                           */

static bool is_glob(const char *s)
{
    return strpbrk(s, "*?") != NULL;
}

void trace_event_enable_pattern(const char *pattern, bool enable)
{
    TracePattern tp;
    GPatternSpec *spec;
    bool matched = false;

    if (!patterns) {
        patterns = g_array_new(FALSE, FALSE, sizeof(TracePattern));
    }
    if (*pattern == '-') {
        pattern++;
        enable = !enable;
    }
    tp.glob = g_strdup(pattern);
    tp.enable = enable;
    g_array_append_val(patterns, tp);

    spec = g_pattern_spec_new(pattern);
    for (int i = 0; i < TRACE_EVENT_COUNT; i++) {
        if (g_pattern_spec_match_string(spec, trace_event_names[i])) {
            trace_events_dstate[i] = enable;
            matched = true;
        }
    }
    g_pattern_spec_free(spec);
    if (!matched && !is_glob(pattern)) {
        /* QEMU warns and goes on; a typo should not stop a run. */
        warn_report("trace event '%s' does not exist", pattern);
    }
    if (enable) {
        log_set_mask(log_enabled_mask | LOG_TRACE);
    }
    trace_update_hooks();
}

bool trace_event_enabled(const char *name)
{
    int id = trace_event_find(name);
    bool on = false;

    if (id >= 0) {
        return trace_events_dstate[id];
    }
    for (guint i = 0; patterns && i < patterns->len; i++) {
        TracePattern *tp = &g_array_index(patterns, TracePattern, i);
        if (g_pattern_match_simple(tp->glob, name)) {
            on = tp->enable;
        }
    }
    return on;
}

bool trace_any_enabled(void)
{
    for (int i = 0; i < TRACE_EVENT_COUNT; i++) {
        if (trace_events_dstate[i]) {
            return true;
        }
    }
    for (guint i = 0; patterns && i < patterns->len; i++) {
        if (g_array_index(patterns, TracePattern, i).enable) {
            return true;
        }
    }
    return false;
}

void trace_reset(void)
{
    for (guint i = 0; patterns && i < patterns->len; i++) {
        g_free(g_array_index(patterns, TracePattern, i).glob);
    }
    if (patterns) {
        g_array_set_size(patterns, 0);
    }
    memset(trace_events_dstate, 0, sizeof(trace_events_dstate));
    message_timestamp = false;
    trace_update_hooks();
}

const char *trace_get_file(void)
{
    return trace_file;
}

/* ------------------------------------------------------------------ */
/* -trace                                                             */

bool trace_events_file_load(const char *path, GError **errp)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;

    if (!f) {
        error_setg(errp, "-trace events=%s: cannot open the file: %s", path,
                   g_strerror(errno));
        return false;
    }
    while (getline(&line, &cap, f) >= 0) {
        char *s = g_strstrip(line);
        if (*s && *s != '#') {
            trace_event_enable_pattern(s, true);
        }
    }
    free(line);
    if (ferror(f)) {
        error_setg(errp, "-trace events=%s: cannot read the file: %s", path,
                   g_strerror(errno));
        fclose(f);
        return false;
    }
    fclose(f);
    return true;
}

static bool is_help(const char *s)
{
    return !strcmp(s, "help") || !strcmp(s, "?");
}

bool trace_opt_parse(const char *arg, GError **errp)
{
    static const char *const known[] = { "enable", "events", "file", NULL };
    KeyValList *kv;
    const char *v;
    bool ok = false;

    if (is_help(arg)) {
        /* As QEMU: list and leave before anything else starts. */
        trace_list_events(stdout);
        exit(0);
    }
    kv = keyval_parse(arg, "enable", errp);
    if (!kv) {
        return false;
    }
    if (!keyval_check_known(kv, known, "-trace", errp)) {
        goto out;
    }
    if ((v = keyval_get(kv, "enable"))) {
        if (is_help(v)) {
            keyval_free(kv);
            trace_list_events(stdout);
            exit(0);
        }
        if (!*v || !strcmp(v, "-")) {
            error_setg(errp, "-trace %s: empty event pattern", arg);
            goto out;
        }
    }
    if ((v = keyval_get(kv, "file"))) {
        GError *local = NULL;

        /* QEMU's log back end writes where -D does: file= is the log. */
        if (!log_set_file(v, &local)) {
            error_setg(errp, "-trace file=%s: %s", v,
                       g_str_has_prefix(local->message, "-D: ")
                       ? local->message + 4 : local->message);
            g_error_free(local);
            goto out;
        }
        g_free(trace_file);
        trace_file = g_strdup(v);
    }
    if ((v = keyval_get(kv, "events")) && !trace_events_file_load(v, errp)) {
        goto out;
    }
    if ((v = keyval_get(kv, "enable"))) {
        trace_event_enable_pattern(v, true);
    }
    ok = true;
out:
    keyval_free(kv);
    return ok;
}
