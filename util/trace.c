/*
 * trace.c - the -trace pattern store (see include/util/trace.h).
 * Patterns are few and checked when a trace point first asks, so a list
 * scanned with g_pattern_match_simple is enough.
 */
#include "util/osdep.h"
#include "util/trace.h"
#include "util/keyval.h"
#include "util/error.h"
#include "util/log.h"

typedef struct TracePattern {
    char *glob;
    bool enable;
} TracePattern;

static GArray *patterns;     /* of TracePattern */
static char *trace_file;

void trace_event_enable_pattern(const char *pattern, bool enable)
{
    TracePattern tp;

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
    if (enable) {
        log_set_mask(log_enabled_mask | LOG_TRACE);
    }
}

bool trace_event_enabled(const char *name)
{
    bool on = false;

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
}

const char *trace_get_file(void)
{
    return trace_file;
}

static bool read_events_file(const char *path, GError **errp)
{
    char *contents;
    gchar **lines;

    if (!g_file_get_contents(path, &contents, NULL, NULL)) {
        error_setg(errp, "-trace events=%s: cannot read the file: %s", path,
                   g_strerror(errno));
        return false;
    }
    lines = g_strsplit(contents, "\n", -1);
    for (gchar **l = lines; *l; l++) {
        char *s = g_strstrip(*l);
        if (*s && *s != '#') {
            trace_event_enable_pattern(s, true);
        }
    }
    g_strfreev(lines);
    g_free(contents);
    return true;
}

bool trace_opt_parse(const char *arg, GError **errp)
{
    static const char *const known[] = { "enable", "events", "file", NULL };
    KeyValList *kv = keyval_parse(arg, "enable", errp);
    const char *v;
    bool ok = false;

    if (!kv) {
        return false;
    }
    if (!keyval_check_known(kv, known, "-trace", errp)) {
        goto out;
    }
    if ((v = keyval_get(kv, "enable"))) {
        trace_event_enable_pattern(v, true);
    }
    if ((v = keyval_get(kv, "events")) && !read_events_file(v, errp)) {
        goto out;
    }
    if ((v = keyval_get(kv, "file"))) {
        g_free(trace_file);
        trace_file = g_strdup(v);
    }
    ok = true;
out:
    keyval_free(kv);
    return ok;
}
