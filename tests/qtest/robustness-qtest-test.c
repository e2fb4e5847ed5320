/*
 * robustness-qtest-test.c - hostile input on the qtest line protocol:
 * values at the ends of their ranges must get an answer (OK or FAIL),
 * and the session must go on. Each case here was once a crash or an
 * undefined-behaviour report under the sanitizer build.
 */
#include "util/osdep.h"
#include "libqtest.h"

/* The session still answers after whatever came before. */
static void assert_alive(QTestState *qts)
{
    char *r = qtest_rsp(qts, "endianness");

    g_assert(g_str_has_prefix(r, "OK "));
    g_free(r);
}

/*
 * A step that would run the virtual clock past INT64_MAX stops at the end
 * of time instead of wrapping (signed overflow) into the past.
 */
static void test_clock_step_saturates(void)
{
    QTestState *qts = qtest_init("-M none");
    char *r;

    r = qtest_rsp(qts, "clock_step 65536");
    g_assert_cmpstr(r, ==, "OK 65536");
    g_free(r);
    r = qtest_rsp(qts, "clock_step 9223372036854775807");
    g_assert_cmpstr(r, ==, "OK 9223372036854775807");
    g_free(r);
    /* Already at the end: nothing further to advance. */
    r = qtest_rsp(qts, "clock_step 1");
    g_assert(g_str_has_prefix(r, "FAIL"));
    g_free(r);
    assert_alive(qts);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("robustness/qtest/clock-step-saturates",
                   test_clock_step_saturates);
    return g_test_run();
}
