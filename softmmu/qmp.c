/*
 * qmp.c - the QMP protocol: framing JSON objects out of the byte stream,
 * the capabilities handshake, command dispatch, replies and events, plus
 * the commands that belong to no device (status, stop/cont, reset, quit,
 * version, command list, human-monitor-command, ...).
 *
 * Framing: QEMU's JSON parser accepts single-quoted strings and resyncs on
 * a 0xff byte, and a syntax error never ends the session. json-glib parses
 * one complete value at a time, so a small scanner here tracks nesting and
 * string state to find where each top-level value ends, rewriting
 * single-quoted strings into double-quoted ones on the way.
 */
#include "util/osdep.h"
#include "monitor-internal.h"
#include "monitor/monitor.h"
#include "sysemu/runstate.h"
#include "sysemu/timer.h"
#include "hw/core/cpu.h"
#include "sysemu/sysemu.h"
#include "sysemu/accel.h"
#include "util/error.h"
#include "util/module.h"

#define HAVE_CPU_LIST 1     /* first_cpu: the exec helper's cpu.c */

static GHashTable *qmp_cmds;    /* name -> QmpCommandFunc */

GQuark qmp_error_quark(void)
{
    return g_quark_from_static_string("plumb-qmp-error-quark");
}

static const char *error_class_name(const GError *err)
{
    if (err->domain == QMP_ERROR) {
        switch (err->code) {
        case QMP_ERROR_CLASS_COMMAND_NOT_FOUND: return "CommandNotFound";
        case QMP_ERROR_CLASS_DEVICE_NOT_ACTIVE: return "DeviceNotActive";
        case QMP_ERROR_CLASS_DEVICE_NOT_FOUND: return "DeviceNotFound";
        case QMP_ERROR_CLASS_KVM_MISSING_CAP: return "KVMMissingCap";
        default: break;
        }
    }
    return "GenericError";
}

void qmp_register_command(const char *name, QmpCommandFunc fn)
{
    if (!qmp_cmds) {
        qmp_cmds = g_hash_table_new(g_str_hash, g_str_equal);
    }
    g_hash_table_replace(qmp_cmds, (gpointer)g_intern_string(name), fn);
}

/* ---- output ---- */

/* A JSON string the way QEMU writes it: non-ASCII as \uXXXX escapes. */
static void json_append_string(GString *out, const char *str)
{
    const char *p = str;

    g_string_append_c(out, '"');
    while (*p) {
        gunichar c = g_utf8_get_char_validated(p, -1);

        if (c == (gunichar)-1 || c == (gunichar)-2) {
            c = 0xfffd;     /* invalid UTF-8: replacement character */
            p++;
        } else {
            p = g_utf8_next_char(p);
        }
        switch (c) {
        case '"': g_string_append(out, "\\\""); break;
        case '\\': g_string_append(out, "\\\\"); break;
        case '\b': g_string_append(out, "\\b"); break;
        case '\f': g_string_append(out, "\\f"); break;
        case '\n': g_string_append(out, "\\n"); break;
        case '\r': g_string_append(out, "\\r"); break;
        case '\t': g_string_append(out, "\\t"); break;
        default:
            if (c < 0x20 || c == 0x7f) {
                g_string_append_printf(out, "\\u%04x", c);
            } else if (c < 0x80) {
                g_string_append_c(out, (char)c);
            } else if (c < 0x10000) {
                g_string_append_printf(out, "\\u%04x", c);
            } else {
                c -= 0x10000;
                g_string_append_printf(out, "\\u%04x\\u%04x",
                                       0xd800 | (c >> 10), 0xdc00 | (c & 0x3ff));
            }
        }
    }
    g_string_append_c(out, '"');
}

/*
 * Serialize like QEMU's compact form ({"a": 1, "b": [2, 3]}), which
 * clients that grep the stream rely on; json-glib's own compact form has
 * no spaces.
 */
static void json_append_node(GString *out, JsonNode *node)
{
    switch (JSON_NODE_TYPE(node)) {
    case JSON_NODE_OBJECT: {
        JsonObject *o = json_node_get_object(node);
        GList *members = json_object_get_members(o);

        g_string_append_c(out, '{');
        for (GList *l = members; l; l = l->next) {
            json_append_string(out, l->data);
            g_string_append(out, ": ");
            json_append_node(out, json_object_get_member(o, l->data));
            if (l->next) {
                g_string_append(out, ", ");
            }
        }
        g_string_append_c(out, '}');
        g_list_free(members);
        break;
    }
    case JSON_NODE_ARRAY: {
        JsonArray *a = json_node_get_array(node);
        guint n = json_array_get_length(a);

        g_string_append_c(out, '[');
        for (guint i = 0; i < n; i++) {
            json_append_node(out, json_array_get_element(a, i));
            if (i + 1 < n) {
                g_string_append(out, ", ");
            }
        }
        g_string_append_c(out, ']');
        break;
    }
    case JSON_NODE_NULL:
        g_string_append(out, "null");
        break;
    case JSON_NODE_VALUE:
    default:
        switch (json_node_get_value_type(node)) {
        case G_TYPE_INT64:
            g_string_append_printf(out, "%" G_GINT64_FORMAT,
                                   json_node_get_int(node));
            break;
        case G_TYPE_BOOLEAN:
            g_string_append(out, json_node_get_boolean(node) ? "true" : "false");
            break;
        case G_TYPE_DOUBLE: {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];
            g_string_append(out, g_ascii_dtostr(buf, sizeof(buf),
                                                json_node_get_double(node)));
            break;
        }
        case G_TYPE_STRING:
            json_append_string(out, json_node_get_string(node));
            break;
        default:
            g_string_append(out, "null");
            break;
        }
        break;
    }
}

static void qmp_send_node(Monitor *mon, JsonNode *node)
{
    if (mon->pretty) {
        JsonGenerator *gen = json_generator_new();
        char *text;

        json_generator_set_pretty(gen, TRUE);
        json_generator_set_indent(gen, 4);
        json_generator_set_root(gen, node);
        text = json_generator_to_data(gen, NULL);
        monitor_write_raw(mon, text, strlen(text));
        g_free(text);
        g_object_unref(gen);
    } else {
        GString *out = g_string_new(NULL);

        json_append_node(out, node);
        monitor_write_raw(mon, out->str, out->len);
        g_string_free(out, TRUE);
    }
    monitor_write_raw(mon, "\r\n", 2);
}

static void qmp_send_object(Monitor *mon, JsonObject *obj)
{
    JsonNode *node = json_node_init_object(json_node_alloc(), obj);

    qmp_send_node(mon, node);
    json_node_unref(node);
}

static void qmp_send_error(Monitor *mon, const char *cls, const char *desc,
                           JsonNode *id)
{
    JsonObject *resp = json_object_new();
    JsonObject *err = json_object_new();

    json_object_set_string_member(err, "class", cls);
    json_object_set_string_member(err, "desc", desc);
    json_object_set_object_member(resp, "error", err);
    if (id) {
        json_object_set_member(resp, "id", json_node_copy(id));
    }
    qmp_send_object(mon, resp);
    json_object_unref(resp);
}

static JsonObject *timestamp_object(void)
{
    JsonObject *ts = json_object_new();
    int64_t now = get_clock_realtime();

    json_object_set_int_member(ts, "seconds", now / NANOSECONDS_PER_SECOND);
    json_object_set_int_member(ts, "microseconds",
                               (now % NANOSECONDS_PER_SECOND) / 1000);
    return ts;
}

void qmp_event_send(const char *name, JsonObject *data)
{
    JsonObject *ev = json_object_new();

    json_object_set_string_member(ev, "event", name);
    if (data) {
        json_object_set_object_member(ev, "data", data);
    }
    json_object_set_object_member(ev, "timestamp", timestamp_object());
    for (GList *l = monitor_list; l; l = l->next) {
        Monitor *mon = l->data;

        if (mon->is_qmp && mon->negotiated && qemu_chr_fe_backend_open(&mon->chr)) {
            qmp_send_object(mon, ev);
        }
    }
    json_object_unref(ev);
}

void qmp_monitor_opened(Monitor *mon)
{
    JsonObject *greet = json_object_new();
    JsonObject *qmp = json_object_new();
    JsonObject *version = json_object_new();
    JsonObject *qemu = json_object_new();
    JsonArray *caps = json_array_new();
    char *pkg = g_strdup_printf("plumb %s", PLUMB_VERSION);
    unsigned major = 0, minor = 0, micro = 0;

    sscanf(QEMU_COMPAT_VERSION, "%u.%u.%u", &major, &minor, &micro);
    json_object_set_int_member(qemu, "micro", micro);
    json_object_set_int_member(qemu, "minor", minor);
    json_object_set_int_member(qemu, "major", major);
    json_object_set_object_member(version, "qemu", qemu);
    json_object_set_string_member(version, "package", pkg);
    json_object_set_object_member(qmp, "version", version);
    json_array_add_string_element(caps, "oob");
    json_object_set_array_member(qmp, "capabilities", caps);
    json_object_set_object_member(greet, "QMP", qmp);
    mon->negotiated = false;
    qmp_send_object(mon, greet);
    json_object_unref(greet);
    g_free(pkg);
}

/* ---- dispatch ---- */

static void qmp_dispatch(Monitor *mon, JsonNode *root)
{
    JsonObject *req, *args;
    JsonNode *id = NULL, *exec_node, *args_node, *ret;
    const char *cmd;
    QmpCommandFunc fn;
    GError *err = NULL;

    if (!JSON_NODE_HOLDS_OBJECT(root)) {
        qmp_send_error(mon, "GenericError", "QMP input must be a JSON object",
                       NULL);
        return;
    }
    req = json_node_get_object(root);
    id = json_object_get_member(req, "id");
    exec_node = json_object_get_member(req, "execute");
    if (!exec_node) {
        exec_node = json_object_get_member(req, "exec-oob");
    }
    if (!exec_node) {
        qmp_send_error(mon, "GenericError",
                       "QMP input lacks member 'execute'", id);
        return;
    }
    if (!JSON_NODE_HOLDS_VALUE(exec_node) ||
        json_node_get_value_type(exec_node) != G_TYPE_STRING) {
        qmp_send_error(mon, "GenericError",
                       "QMP input member 'execute' must be a string", id);
        return;
    }
    cmd = json_node_get_string(exec_node);
    args_node = json_object_get_member(req, "arguments");
    if (args_node && !JSON_NODE_HOLDS_OBJECT(args_node)) {
        qmp_send_error(mon, "GenericError",
                       "QMP input member 'arguments' must be an object", id);
        return;
    }
    {
        GList *members = json_object_get_members(req);

        for (GList *l = members; l; l = l->next) {
            const char *m = l->data;

            if (strcmp(m, "execute") && strcmp(m, "exec-oob") &&
                strcmp(m, "arguments") && strcmp(m, "id") &&
                strcmp(m, "control")) {
                char *msg = g_strdup_printf("QMP input member '%s' is "
                                            "unexpected", m);
                qmp_send_error(mon, "GenericError", msg, id);
                g_free(msg);
                g_list_free(members);
                return;
            }
        }
        g_list_free(members);
    }

    if (!mon->negotiated && strcmp(cmd, "qmp_capabilities")) {
        qmp_send_error(mon, "CommandNotFound", "Expecting capabilities "
                       "negotiation with 'qmp_capabilities'", id);
        return;
    }
    if (mon->negotiated && !strcmp(cmd, "qmp_capabilities")) {
        qmp_send_error(mon, "CommandNotFound", "Capabilities negotiation is "
                       "already complete, command ignored", id);
        return;
    }
    fn = qmp_cmds ? g_hash_table_lookup(qmp_cmds, cmd) : NULL;
    if (!fn) {
        char *msg = g_strdup_printf("The command %s has not been found", cmd);

        qmp_send_error(mon, "CommandNotFound", msg, id);
        g_free(msg);
        return;
    }

    args = args_node ? json_object_ref(json_node_get_object(args_node))
                     : json_object_new();
    monitor_set_cur(mon);
    ret = fn(args, &err);
    monitor_set_cur(NULL);
    json_object_unref(args);

    if (err) {
        qmp_send_error(mon, error_class_name(err), err->message, id);
        g_error_free(err);
        if (ret) {
            json_node_unref(ret);
        }
        return;
    }
    if (!strcmp(cmd, "qmp_capabilities")) {
        mon->negotiated = true;
    }
    {
        JsonObject *resp = json_object_new();

        if (!ret) {
            ret = json_node_init_object(json_node_alloc(), json_object_new());
        }
        json_object_set_member(resp, "return", ret);
        if (id) {
            json_object_set_member(resp, "id", json_node_copy(id));
        }
        qmp_send_object(mon, resp);
        json_object_unref(resp);
    }
}

static void qmp_handle_text(Monitor *mon, const char *text)
{
    JsonParser *parser = json_parser_new();
    GError *err = NULL;

    if (!json_parser_load_from_data(parser, text, -1, &err)) {
        char *msg = g_strdup_printf("JSON parse error, %s",
                                    err ? err->message : "invalid input");
        qmp_send_error(mon, "GenericError", msg, NULL);
        g_free(msg);
        g_clear_error(&err);
    } else if (json_parser_get_root(parser)) {
        qmp_dispatch(mon, json_parser_get_root(parser));
    }
    g_object_unref(parser);
}

/* As QEMU's JSON streamer: deeper input is refused, not parsed. */
#define QMP_MAX_NESTING 1024

static void qmp_reset_scanner(Monitor *mon)
{
    g_string_truncate(mon->jbuf, 0);
    mon->jdepth = 0;
    mon->jquote = 0;
    mon->jescape = false;
    mon->jgarbage = false;
}

static void qmp_finish_value(Monitor *mon)
{
    char *text = g_strdup(mon->jbuf->str);

    qmp_reset_scanner(mon);
    qmp_handle_text(mon, text);
    g_free(text);
}

/*
 * Feed bytes to the scanner. Each complete top-level value (object, array,
 * or a stray token ended by whitespace) is handed to json-glib.
 */
void qmp_monitor_input(Monitor *mon, const uint8_t *buf, int size)
{
    for (int i = 0; i < size; i++) {
        char c = buf[i];

        if ((uint8_t)c == 0xff) {
            qmp_reset_scanner(mon);     /* QEMU's resync byte */
            continue;
        }
        if (mon->jgarbage) {
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
                c == '{' || c == '[') {
                qmp_finish_value(mon);
                if (c != '{' && c != '[') {
                    continue;
                }
            } else {
                g_string_append_c(mon->jbuf, c);
                continue;
            }
        }
        if (mon->jquote) {
            if (mon->jescape) {
                mon->jescape = false;
                /* \' is valid inside a single-quoted string only. */
                if (c == '\'' && mon->jquote == '\'') {
                    g_string_truncate(mon->jbuf, mon->jbuf->len - 1);
                }
                g_string_append_c(mon->jbuf, c);
            } else if (c == '\\') {
                mon->jescape = true;
                g_string_append_c(mon->jbuf, c);
            } else if (c == mon->jquote) {
                mon->jquote = 0;
                g_string_append_c(mon->jbuf, '"');
            } else if (c == '"' && mon->jquote == '\'') {
                g_string_append(mon->jbuf, "\\\"");
            } else {
                g_string_append_c(mon->jbuf, c);
            }
            continue;
        }
        if (mon->jdepth == 0) {
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                continue;
            }
            if (c != '{' && c != '[') {
                mon->jgarbage = true;
                g_string_append_c(mon->jbuf, c);
                continue;
            }
        }
        switch (c) {
        case '"':
        case '\'':
            mon->jquote = c;
            g_string_append_c(mon->jbuf, '"');
            break;
        case '{':
        case '[':
            mon->jdepth++;
            g_string_append_c(mon->jbuf, c);
            /* json-glib recurses per level; deep input would blow the stack. */
            if (mon->jdepth > QMP_MAX_NESTING) {
                qmp_send_error(mon, "GenericError",
                               "JSON parse error, nesting too deep", NULL);
                qmp_reset_scanner(mon);
            }
            break;
        case '}':
        case ']':
            mon->jdepth--;
            g_string_append_c(mon->jbuf, c);
            if (mon->jdepth == 0) {
                qmp_finish_value(mon);
            }
            break;
        default:
            g_string_append_c(mon->jbuf, c);
            break;
        }
        if (mon->jbuf->len > 1024 * 1024) {
            qmp_send_error(mon, "GenericError",
                           "JSON parse error, input too long", NULL);
            qmp_reset_scanner(mon);
        }
    }
}

/* ---- commands ---- */

static JsonNode *node_object(JsonObject *o)
{
    JsonNode *n = json_node_init_object(json_node_alloc(), o);

    json_object_unref(o);
    return n;
}

static JsonNode *qmp_qmp_capabilities(JsonObject *args, GError **errp)
{
    JsonNode *en = json_object_get_member(args, "enable");

    if (en) {
        JsonArray *a = JSON_NODE_HOLDS_ARRAY(en) ? json_node_get_array(en) : NULL;

        for (guint i = 0; a && i < json_array_get_length(a); i++) {
            const char *cap = json_array_get_string_element(a, i);

            if (!cap || strcmp(cap, "oob")) {
                error_setg(errp, "Capability '%s' not available",
                           cap ? cap : "?");
                return NULL;
            }
        }
        if (!a) {
            error_setg(errp, "Invalid parameter type for 'enable', "
                       "expected: array");
            return NULL;
        }
    }
    return NULL;
}

static JsonNode *qmp_query_status(JsonObject *args, GError **errp)
{
    JsonObject *o = json_object_new();

    json_object_set_boolean_member(o, "running", runstate_is_running());
    json_object_set_boolean_member(o, "singlestep", false);
    json_object_set_string_member(o, "status", RunState_str(runstate_get()));
    return node_object(o);
}

static JsonNode *qmp_stop(JsonObject *args, GError **errp)
{
    vm_stop(RUN_STATE_PAUSED);
    return NULL;
}

static JsonNode *qmp_cont(JsonObject *args, GError **errp)
{
    if (runstate_check(RUN_STATE_SHUTDOWN) ||
        runstate_check(RUN_STATE_INTERNAL_ERROR)) {
        error_setg(errp, "Resetting the Virtual Machine is required");
        return NULL;
    }
    vm_start();
    return NULL;
}

static JsonNode *qmp_system_reset(JsonObject *args, GError **errp)
{
    qemu_system_reset_request(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
    return NULL;
}

static JsonNode *qmp_system_powerdown(JsonObject *args, GError **errp)
{
    qemu_system_powerdown_request();
    return NULL;
}

/* set-action: like -action; nothing changes unless every member is valid. */
static JsonNode *qmp_set_action(JsonObject *args, GError **errp)
{
    GList *members = json_object_get_members(args);
    bool ok = true;

    for (GList *l = members; l && ok; l = l->next) {
        JsonNode *v = json_object_get_member(args, l->data);

        if (!JSON_NODE_HOLDS_VALUE(v) ||
            json_node_get_value_type(v) != G_TYPE_STRING) {
            error_setg(errp, "Invalid parameter type for '%s', expected: "
                       "string", (const char *)l->data);
            ok = false;
        } else if (!runstate_check_action(l->data, json_node_get_string(v),
                                          errp)) {
            ok = false;
        }
    }
    for (GList *l = members; l && ok; l = l->next) {
        runstate_set_action(l->data,
                            json_object_get_string_member(args, l->data),
                            NULL);
    }
    g_list_free(members);
    return NULL;
}

static JsonNode *qmp_quit(JsonObject *args, GError **errp)
{
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
    return NULL;
}

static JsonNode *qmp_query_version(JsonObject *args, GError **errp)
{
    JsonObject *o = json_object_new(), *q = json_object_new();
    unsigned major = 0, minor = 0, micro = 0;

    sscanf(QEMU_COMPAT_VERSION, "%u.%u.%u", &major, &minor, &micro);
    json_object_set_int_member(q, "micro", micro);
    json_object_set_int_member(q, "minor", minor);
    json_object_set_int_member(q, "major", major);
    json_object_set_object_member(o, "qemu", q);
    json_object_set_string_member(o, "package", "plumb " PLUMB_VERSION);
    return node_object(o);
}

static JsonNode *qmp_query_commands(JsonObject *args, GError **errp)
{
    JsonArray *a = json_array_new();
    GList *names = g_list_sort(g_hash_table_get_keys(qmp_cmds),
                               (GCompareFunc)strcmp);
    JsonNode *n;

    for (GList *l = names; l; l = l->next) {
        JsonObject *o = json_object_new();

        json_object_set_string_member(o, "name", l->data);
        json_array_add_object_element(a, o);
    }
    g_list_free(names);
    n = json_node_init_array(json_node_alloc(), a);
    json_array_unref(a);
    return n;
}

static JsonNode *qmp_query_cpus_fast(JsonObject *args, GError **errp)
{
    JsonArray *a = json_array_new();
    JsonNode *n;
#if HAVE_CPU_LIST
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        JsonObject *o = json_object_new();

        /* CPUs are not QOM objects here, so there is no qom-path to give. */
        json_object_set_int_member(o, "cpu-index", cpu->cpu_index);
        json_object_set_string_member(o, "target", target_name());
        json_array_add_object_element(a, o);
    }
#endif
    n = json_node_init_array(json_node_alloc(), a);
    json_array_unref(a);
    return n;
}

static JsonNode *qmp_human_monitor_command(JsonObject *args, GError **errp)
{
    JsonNode *arg = json_object_get_member(args, "command-line");
    const char *line;
    char *out;
    JsonNode *n;

    if (!arg) {
        error_setg(errp, "Parameter 'command-line' is missing");
        return NULL;
    }
    /* Objects and arrays would make json-glib print a critical. */
    line = JSON_NODE_HOLDS_VALUE(arg) &&
           json_node_get_value_type(arg) == G_TYPE_STRING ?
           json_node_get_string(arg) : NULL;
    if (!line) {
        error_setg(errp, "Invalid parameter type for 'command-line', "
                   "expected: string");
        return NULL;
    }
    out = hmp_run_command(line);
    n = json_node_init_string(json_node_alloc(), out);
    g_free(out);
    return n;
}

static JsonNode *qmp_query_name(JsonObject *args, GError **errp)
{
    return node_object(json_object_new());
}

static JsonNode *qmp_query_kvm(JsonObject *args, GError **errp)
{
    JsonObject *o = json_object_new();

    json_object_set_boolean_member(o, "enabled", accel_is("kvm"));
    json_object_set_boolean_member(o, "present", access("/dev/kvm", R_OK) == 0);
    return node_object(o);
}

static void qmp_register_builtins(void)
{
    qmp_register_command("qmp_capabilities", qmp_qmp_capabilities);
    qmp_register_command("query-status", qmp_query_status);
    qmp_register_command("stop", qmp_stop);
    qmp_register_command("cont", qmp_cont);
    qmp_register_command("set-action", qmp_set_action);
    qmp_register_command("system_reset", qmp_system_reset);
    qmp_register_command("system_powerdown", qmp_system_powerdown);
    qmp_register_command("quit", qmp_quit);
    qmp_register_command("query-version", qmp_query_version);
    qmp_register_command("query-commands", qmp_query_commands);
    qmp_register_command("query-cpus-fast", qmp_query_cpus_fast);
    qmp_register_command("human-monitor-command", qmp_human_monitor_command);
    qmp_register_command("query-name", qmp_query_name);
    qmp_register_command("query-kvm", qmp_query_kvm);
}
type_init(qmp_register_builtins)
