/*
 * qmp-test.c - QMP as a client sees it: the greeting, capabilities
 * negotiation, each built-in command, events, and errors (bad JSON,
 * unknown commands) that must never end the session.
 */
#include "util/osdep.h"
#include "libqtest.h"

static void assert_error_class(JsonObject *r, const char *cls)
{
    const char *got = qdict_get_str_path(r, "error.class");

    if (!got || strcmp(got, cls)) {
        JsonNode *n = json_node_init_object(json_node_alloc(), r);
        g_error("expected error class %s, got %s", cls, json_to_string(n, FALSE));
    }
    g_assert(qdict_get_str_path(r, "error.desc"));
}

static void test_greeting_and_negotiation(void)
{
    QTestState *qts = qtest_init_without_qmp_handshake("-M none");
    JsonObject *g = qtest_qmp_receive_dict(qts), *r;
    JsonObject *ver;
    JsonArray *caps;

    g_assert(g);
    ver = json_object_get_object_member(
        json_object_get_object_member(json_object_get_object_member(g, "QMP"),
                                      "version"), "qemu");
    g_assert_cmpint(json_object_get_int_member(ver, "major"), ==, 7);
    g_assert_cmpint(json_object_get_int_member(ver, "minor"), ==, 2);
    g_assert_cmpint(json_object_get_int_member(ver, "micro"), ==, 0);
    g_assert_cmpstr(qdict_get_str_path(g, "QMP.version.package"), ==,
                    "plumb 0.1.0");
    caps = json_object_get_array_member(json_object_get_object_member(g, "QMP"),
                                        "capabilities");
    g_assert_cmpuint(json_array_get_length(caps), ==, 1);
    g_assert_cmpstr(json_array_get_string_element(caps, 0), ==, "oob");
    json_object_unref(g);

    /* Before negotiation every other command is CommandNotFound. */
    r = qtest_qmp(qts, "{'execute': 'query-status'}");
    assert_error_class(r, "CommandNotFound");
    json_object_unref(r);

    r = qtest_qmp(qts, "{'execute': 'qmp_capabilities', 'id': 7}");
    g_assert(json_object_has_member(r, "return"));
    g_assert_cmpint(json_object_get_int_member(r, "id"), ==, 7);
    json_object_unref(r);

    r = qtest_qmp(qts, "{'execute': 'qmp_capabilities'}");
    assert_error_class(r, "CommandNotFound");
    json_object_unref(r);

    r = qtest_qmp(qts, "{'execute': 'query-status'}");
    g_assert(json_object_has_member(r, "return"));
    json_object_unref(r);
    qtest_quit(qts);
}

static void test_errors_keep_session(void)
{
    QTestState *qts = qtest_init("-M none");
    JsonObject *r;

    r = qtest_qmp(qts, "{'execute': 'no-such-command', 'id': 'abc'}");
    assert_error_class(r, "CommandNotFound");
    g_assert_cmpstr(json_object_get_string_member(r, "id"), ==, "abc");
    json_object_unref(r);

    r = qtest_qmp(qts, "{'execute': }");
    assert_error_class(r, "GenericError");
    json_object_unref(r);

    r = qtest_qmp(qts, "{'arguments': {}}");
    assert_error_class(r, "GenericError");
    json_object_unref(r);

    r = qtest_qmp(qts, "{'execute': 42}");
    assert_error_class(r, "GenericError");
    json_object_unref(r);

    r = qtest_qmp(qts, "{'execute': 'query-status', 'arguments': [1]}");
    assert_error_class(r, "GenericError");
    json_object_unref(r);

    r = qtest_qmp(qts, "garbage\n");
    assert_error_class(r, "GenericError");
    json_object_unref(r);

    /* Strings with braces and quotes inside do not confuse framing. */
    r = qtest_qmp(qts, "{\"execute\": \"query-status\", \"id\": \"}{'\\\"\"}");
    g_assert(json_object_has_member(r, "return"));
    g_assert_cmpstr(json_object_get_string_member(r, "id"), ==, "}{'\"");
    json_object_unref(r);

    /* Two commands in one write. */
    qtest_qmp_send(qts, "{'execute': 'query-status', 'id': 1}"
                        "{'execute': 'query-version', 'id': 2}");
    r = qtest_qmp_receive(qts);
    g_assert_cmpint(json_object_get_int_member(r, "id"), ==, 1);
    json_object_unref(r);
    r = qtest_qmp_receive(qts);
    g_assert_cmpint(json_object_get_int_member(r, "id"), ==, 2);
    json_object_unref(r);

    r = qtest_qmp(qts, "{'execute': 'query-version'}");
    g_assert_cmpint(json_object_get_int_member(
        json_object_get_object_member(
            json_object_get_object_member(r, "return"), "qemu"), "major"), ==, 7);
    json_object_unref(r);
    qtest_quit(qts);
}

static const char *status_of(QTestState *qts, bool *running)
{
    static char buf[64];
    JsonObject *r = qtest_qmp(qts, "{'execute': 'query-status'}");
    JsonObject *ret = json_object_get_object_member(r, "return");

    *running = json_object_get_boolean_member(ret, "running");
    g_strlcpy(buf, json_object_get_string_member(ret, "status"), sizeof(buf));
    json_object_unref(r);
    return buf;
}

static void test_stop_cont_events(void)
{
    QTestState *qts = qtest_init("-M none");
    JsonObject *ev;
    bool running;

    g_assert_cmpstr(status_of(qts, &running), ==, "running");
    g_assert(running);

    qtest_qmp_assert_success(qts, "{'execute': 'stop'}");
    ev = qtest_qmp_eventwait_ref(qts, "STOP");
    g_assert(qdict_has_path(ev, "timestamp.seconds"));
    g_assert(qdict_has_path(ev, "timestamp.microseconds"));
    json_object_unref(ev);
    g_assert_cmpstr(status_of(qts, &running), ==, "paused");
    g_assert(!running);

    qtest_qmp_assert_success(qts, "{'execute': 'cont'}");
    qtest_qmp_eventwait(qts, "RESUME");
    g_assert_cmpstr(status_of(qts, &running), ==, "running");

    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    ev = qtest_qmp_eventwait_ref(qts, "RESET");
    g_assert_cmpstr(qdict_get_str_path(ev, "data.reason"), ==,
                    "host-qmp-system-reset");
    json_object_unref(ev);

    qtest_qmp_assert_success(qts, "{'execute': 'system_powerdown'}");
    qtest_qmp_eventwait(qts, "POWERDOWN");
    qtest_quit(qts);
}

static void test_quit(void)
{
    QTestState *qts = qtest_init("-M none");
    JsonObject *ev;
    int st;

    qtest_qmp_assert_success(qts, "{'execute': 'quit'}");
    ev = qtest_qmp_eventwait_ref(qts, "SHUTDOWN");
    g_assert_cmpstr(qdict_get_str_path(ev, "data.reason"), ==, "host-qmp-quit");
    json_object_unref(ev);
    st = qtest_wait_exit(qts, 5000);
    g_assert_cmpint(st, !=, -1);
    g_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    qtest_quit(qts);
}

static bool has_command(JsonArray *a, const char *name)
{
    for (guint i = 0; i < json_array_get_length(a); i++) {
        JsonObject *o = json_array_get_object_element(a, i);
        if (!strcmp(json_object_get_string_member(o, "name"), name)) {
            return true;
        }
    }
    return false;
}

static void test_query_commands(void)
{
    QTestState *qts = qtest_init("-M none");
    JsonObject *r = qtest_qmp(qts, "{'execute': 'query-commands'}");
    JsonArray *a = json_object_get_array_member(r, "return");
    static const char *const want[] = {
        "qmp_capabilities", "query-status", "stop", "cont", "system_reset",
        "system_powerdown", "quit", "query-version", "query-commands",
        "query-cpus-fast", "human-monitor-command",
    };

    for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
        if (!has_command(a, want[i])) {
            g_error("query-commands lacks %s", want[i]);
        }
    }
    g_assert(!has_command(a, "no-such-command"));
    json_object_unref(r);

    r = qtest_qmp(qts, "{'execute': 'query-cpus-fast'}");
    g_assert(JSON_NODE_HOLDS_ARRAY(json_object_get_member(r, "return")));
    json_object_unref(r);
    qtest_quit(qts);
}

static void test_human_monitor_command(void)
{
    QTestState *qts = qtest_init("-M none");
    char *out = qtest_hmp(qts, "info status");
    JsonObject *r;

    g_assert_cmpstr(out, ==, "VM status: running\n");
    g_free(out);
    r = qtest_qmp(qts, "{'execute': 'human-monitor-command'}");
    assert_error_class(r, "GenericError");
    json_object_unref(r);
    qtest_quit(qts);
}

static bool array_has_name(JsonArray *a, const char *name)
{
    for (guint i = 0; i < json_array_get_length(a); i++) {
        JsonObject *o = json_array_get_object_element(a, i);
        if (!strcmp(json_object_get_string_member(o, "name"), name)) {
            return true;
        }
    }
    return false;
}

static void test_object_model_commands(void)
{
    QTestState *qts = qtest_init("-M none -device mmio-testdev,addr=0x10000000,id=td");
    JsonObject *r;
    char *out;

    r = qtest_qmp(qts, "{'execute': 'query-machines'}");
    g_assert(array_has_name(json_object_get_array_member(r, "return"), "none"));
    json_object_unref(r);

    r = qtest_qmp(qts, "{'execute': 'qom-list-types', 'arguments': "
                  "{'implements': 'device', 'abstract': false}}");
    g_assert(array_has_name(json_object_get_array_member(r, "return"),
                            "mmio-testdev"));
    g_assert(!array_has_name(json_object_get_array_member(r, "return"),
                             "machine"));
    json_object_unref(r);

    r = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments': "
                  "{'path': '/machine/peripheral/td', 'property': 'addr'}}");
    g_assert_cmpint(json_object_get_int_member(r, "return"), ==, 0x10000000);
    json_object_unref(r);

    r = qtest_qmp(qts, "{'execute': 'qom-list', 'arguments': "
                  "{'path': '/machine/peripheral/td'}}");
    g_assert(array_has_name(json_object_get_array_member(r, "return"), "size"));
    json_object_unref(r);

    r = qtest_qmp(qts, "{'execute': 'device_add', 'arguments': "
                  "{'driver': 'no-such-device'}}");
    assert_error_class(r, "GenericError");
    g_assert(strstr(qdict_get_str_path(r, "error.desc"), "no-such-device"));
    json_object_unref(r);

    /* No bus here supports hotplug: refused, and nothing was created. */
    r = qtest_qmp(qts, "{'execute': 'device_add', 'arguments': "
                  "{'driver': 'mmio-testdev', 'id': 'late'}}");
    assert_error_class(r, "GenericError");
    g_assert(strstr(qdict_get_str_path(r, "error.desc"), "hotplug"));
    json_object_unref(r);
    r = qtest_qmp(qts, "{'execute': 'qom-list', 'arguments': "
                  "{'path': '/machine/peripheral/late'}}");
    assert_error_class(r, "DeviceNotFound");
    json_object_unref(r);

    r = qtest_qmp(qts, "{'execute': 'device_del', 'arguments': {'id': 'zz'}}");
    assert_error_class(r, "DeviceNotFound");
    json_object_unref(r);
    r = qtest_qmp(qts, "{'execute': 'device_del', 'arguments': {'id': 'td'}}");
    assert_error_class(r, "GenericError");
    json_object_unref(r);

    out = qtest_hmp(qts, "info qtree");
    g_assert(strstr(out, "dev: mmio-testdev, id \"td\""));
    g_assert(strstr(out, "mmio 0000000010000000/0000000000001000"));
    g_free(out);
    qtest_quit(qts);
}

/* Bad migrate arguments are errors that leave the VM running. */
static void test_migrate_bad_input(void)
{
    QTestState *qts = qtest_init("-M none");
    static const char *const bad[] = {
        "{'execute': 'migrate'}",
        "{'execute': 'migrate', 'arguments': {'uri': 7}}",
        "{'execute': 'migrate', 'arguments': {'uri': ['unix:/x']}}",
        "{'execute': 'migrate', 'arguments': {'uri': 'tcp:localhost:1'}}",
        "{'execute': 'migrate', 'arguments': {'uri': 'tcp:localhost'}}",
        "{'execute': 'migrate', 'arguments': {'uri': 'exec:cat'}}",
        "{'execute': 'migrate', 'arguments': {'uri': 'unix:/nonexistent/dir/s'}}",
    };
    JsonObject *r;
    bool running;

    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        r = qtest_qmp(qts, bad[i]);
        assert_error_class(r, "GenericError");
        json_object_unref(r);
    }
    g_assert_cmpstr(status_of(qts, &running), ==, "running");
    r = qtest_qmp(qts, "{'execute': 'query-migrate'}");
    g_assert(!qdict_get_str_path(r, "return.status"));   /* none attempted */
    json_object_unref(r);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("qmp/greeting-and-negotiation", test_greeting_and_negotiation);
    qtest_add_func("qmp/errors-keep-session", test_errors_keep_session);
    qtest_add_func("qmp/stop-cont-events", test_stop_cont_events);
    qtest_add_func("qmp/quit", test_quit);
    qtest_add_func("qmp/query-commands", test_query_commands);
    qtest_add_func("qmp/human-monitor-command", test_human_monitor_command);
    qtest_add_func("qmp/object-model-commands", test_object_model_commands);
    qtest_add_func("qmp/migrate-bad-input", test_migrate_bad_input);
    return g_test_run();
}
