/*
 * robustness-qmp-test.c - QMP arguments of the wrong JSON type must come
 * back as a GenericError naming the parameter, with the session going on
 * and nothing printed on stderr (json-glib criticals were, once).
 */
#include "util/osdep.h"
#include "libqtest.h"

static void assert_type_error(QTestState *qts, const char *cmd,
                              const char *param)
{
    JsonObject *r = qtest_qmp(qts, "%s", cmd);
    const char *desc = qdict_get_str_path(r, "error.desc");

    g_assert_cmpstr(qdict_get_str_path(r, "error.class"), ==, "GenericError");
    g_assert(desc && strstr(desc, param));
    json_object_unref(r);
}

static void test_wrong_argument_types(void)
{
    char *errpath = g_strdup_printf("/tmp/robustness-qmp-%d.err", getpid());
    QTestState *qts = qtest_init_full("-M none", true, errpath);
    char *errtext = NULL;
    JsonObject *r;

    assert_type_error(qts, "{'execute': 'qom-list-types', "
                      "'arguments': {'abstract': {}}}", "abstract");
    assert_type_error(qts, "{'execute': 'qom-list-types', "
                      "'arguments': {'abstract': 1}}", "abstract");
    assert_type_error(qts, "{'execute': 'human-monitor-command', "
                      "'arguments': {'command-line': [1]}}", "command-line");
    assert_type_error(qts, "{'execute': 'human-monitor-command', "
                      "'arguments': {'command-line': {'a': 1}}}",
                      "command-line");
    r = qtest_qmp(qts, "{'execute': 'qom-list-types', "
                  "'arguments': {'abstract': true}}");
    g_assert(json_object_has_member(r, "return"));
    json_object_unref(r);
    qtest_quit(qts);

    g_assert(g_file_get_contents(errpath, &errtext, NULL, NULL));
    if (strstr(errtext, "CRITICAL")) {
        g_error("expected a quiet stderr, got: %s", errtext);
    }
    g_free(errtext);
    unlink(errpath);
    g_free(errpath);
}

/*
 * Deep nesting (100000 levels) once overflowed the stack in the JSON parser;
 * now the scanner refuses past 1024 levels and the session goes on. (4000
 * here: libqtest itself parses what it sends.)
 */
static void test_deep_nesting_refused(void)
{
    QTestState *qts = qtest_init("-M none");
    GString *deep = g_string_new("{'execute': 'query-status', 'arguments': ");
    JsonObject *r;

    for (int i = 0; i < 4000; i++) {
        g_string_append(deep, "{'a': ");
    }
    g_string_append(deep, "1");
    for (int i = 0; i < 4000; i++) {
        g_string_append_c(deep, '}');
    }
    g_string_append(deep, "}\n");
    qtest_qmp_send(qts, "%s", deep->str);
    g_string_free(deep, TRUE);
    r = qtest_qmp_receive_dict(qts);
    g_assert_cmpstr(qdict_get_str_path(r, "error.desc"), ==,
                    "JSON parse error, nesting too deep");
    json_object_unref(r);
    /* Each refused 1024 levels and the tail draw errors; then it answers. */
    for (int tries = 0;; tries++) {
        g_assert_cmpint(tries, <, 100);
        r = qtest_qmp(qts, "{'execute': 'query-status', 'id': 'alive'}");
        if (json_object_has_member(r, "return")) {
            json_object_unref(r);
            break;
        }
        json_object_unref(r);
    }
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("robustness/qmp/wrong-argument-types",
                   test_wrong_argument_types);
    qtest_add_func("robustness/qmp/deep-nesting-refused",
                   test_deep_nesting_refused);
    return g_test_run();
}
