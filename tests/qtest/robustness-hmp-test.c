/*
 * robustness-hmp-test.c - HMP commands with hostile arguments, through
 * human-monitor-command: arithmetic that overflows int64 wraps instead of
 * trapping (INT64_MIN / -1 was a SIGFPE), and absurd dump counts are
 * refused at once instead of printing gigabytes while the monitor stalls.
 */
#include "util/osdep.h"
#include "libqtest.h"

static void assert_hmp(QTestState *qts, const char *cmd, const char *want)
{
    char *out = qtest_hmp(qts, "%s", cmd);

    if (strcmp(out, want)) {
        g_error("'%s': expected '%s', got '%s'", cmd, want, out);
    }
    g_free(out);
}

static void test_expression_overflow_wraps(void)
{
    QTestState *qts = qtest_init("-M none");

    assert_hmp(qts, "p -9223372036854775808/-1", "0x8000000000000000\n");
    assert_hmp(qts, "p -9223372036854775808%-1", "0\n");
    assert_hmp(qts, "p 9223372036854775807+1", "0x8000000000000000\n");
    assert_hmp(qts, "p -(-9223372036854775808)", "0x8000000000000000\n");
    assert_hmp(qts, "p 9223372036854775807*2", "0xfffffffffffffffe\n");
    assert_hmp(qts, "p 1/0", "invalid expression '1/0'\n");
    qtest_quit(qts);
}

static void test_huge_dump_count_refused(void)
{
    QTestState *qts = qtest_init("-M virt");
    gint64 t0 = g_get_monotonic_time();
    char *out;

    assert_hmp(qts, "xp/1000000000xg 0x40000000",
               "invalid format in '/1000000000xg 0x40000000'\n");
    assert_hmp(qts, "xp/99999999999999999999999xb 0x40000000",
               "invalid format in '/99999999999999999999999xb 0x40000000'\n");
    g_assert_cmpint(g_get_monotonic_time() - t0, <, 10 * G_USEC_PER_SEC);
    /* A sane count still dumps. */
    out = qtest_hmp(qts, "xp/2xw 0x40000000");
    g_assert(g_str_has_prefix(out, "0000000040000000:"));
    g_free(out);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("robustness/hmp/expression-overflow-wraps",
                   test_expression_overflow_wraps);
    qtest_add_func("robustness/hmp/huge-dump-count-refused",
                   test_huge_dump_count_refused);
    return g_test_run();
}
