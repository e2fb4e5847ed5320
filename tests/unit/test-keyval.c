/*
 * test-keyval.c - the option-string parser (util/keyval.c): implied keys,
 * ",," escapes, help, flags, merging, typed getters, and the number/size
 * parsers the command line uses.
 */
#include "util/osdep.h"
#include "util/keyval.h"

static KeyValList *parse_ok(const char *s, const char *implied)
{
    GError *err = NULL;
    KeyValList *kv = keyval_parse(s, implied, &err);

    g_assert_no_error(err);
    g_assert_nonnull(kv);
    return kv;
}

static void test_implied_key_and_props(void)
{
    g_autoptr(KeyValList) kv = parse_ok("virt,gic-version=3,highmem=off",
                                        "type");

    g_assert_cmpuint(keyval_count(kv), ==, 3);
    g_assert_cmpstr(keyval_get(kv, "type"), ==, "virt");
    g_assert_cmpstr(keyval_get(kv, "gic-version"), ==, "3");
    g_assert_cmpstr(keyval_get(kv, "highmem"), ==, "off");
    g_assert_null(keyval_get(kv, "nope"));
    g_assert_false(keyval_is_help(kv));
    /* Order is the user's. */
    g_assert_cmpstr(keyval_key(kv, 0), ==, "type");
    g_assert_cmpstr(keyval_key(kv, 2), ==, "highmem");
    g_assert_cmpstr(keyval_value(kv, 1), ==, "3");
}

static void test_implied_only_first(void)
{
    g_autoptr(KeyValList) kv = parse_ok("id=x,socket", "backend");

    /* A later bare word is a flag, not the implied value. */
    g_assert_null(keyval_get(kv, "backend"));
    g_assert_cmpstr(keyval_get(kv, "socket"), ==, "on");
}

static void test_no_implied_key(void)
{
    g_autoptr(KeyValList) kv = parse_ok("flag,a=1", NULL);

    g_assert_cmpstr(keyval_get(kv, "flag"), ==, "on");
    g_assert_cmpstr(keyval_get(kv, "a"), ==, "1");
}

static void test_escaped_commas(void)
{
    g_autoptr(KeyValList) kv = parse_ok("file,id=f,path=/tmp/a,,b,,,,c,x=y",
                                        "backend");

    g_assert_cmpstr(keyval_get(kv, "path"), ==, "/tmp/a,b,,c");
    g_assert_cmpstr(keyval_get(kv, "x"), ==, "y");
    g_assert_cmpstr(keyval_get(kv, "backend"), ==, "file");
}

static void test_value_with_equals(void)
{
    g_autoptr(KeyValList) kv = parse_ok("append=console=ttyAMA0 root=/dev/vda",
                                        NULL);

    g_assert_cmpstr(keyval_get(kv, "append"), ==, "console=ttyAMA0 root=/dev/vda");
}

static void test_empty_value(void)
{
    g_autoptr(KeyValList) kv = parse_ok("a=,b=2", NULL);

    g_assert_true(keyval_has(kv, "a"));
    g_assert_cmpstr(keyval_get(kv, "a"), ==, "");
}

static void test_help_spellings(void)
{
    const char *cases[] = { "help", "?", "virt,help", "virt,?", "help,x=1" };

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        g_autoptr(KeyValList) kv = parse_ok(cases[i], "type");
        g_assert_true(keyval_is_help(kv));
        g_assert_false(keyval_has(kv, "help"));
    }
    {
        g_autoptr(KeyValList) kv = parse_ok("virt,help", "type");
        g_assert_cmpstr(keyval_get(kv, "type"), ==, "virt");
    }
    {
        /* "help" as a value is just a value. */
        g_autoptr(KeyValList) kv = parse_ok("x=help", "type");
        g_assert_false(keyval_is_help(kv));
    }
}

static void test_cpu_flags_kept(void)
{
    g_autoptr(KeyValList) kv = parse_ok("max,+sve,-pmu", "model");

    g_assert_cmpstr(keyval_get(kv, "+sve"), ==, "on");
    g_assert_cmpstr(keyval_get(kv, "-pmu"), ==, "on");
}

static void test_repeated_key_last_wins(void)
{
    g_autoptr(KeyValList) kv = parse_ok("a=1,b=2,a=3", NULL);

    g_assert_cmpuint(keyval_count(kv), ==, 2);
    g_assert_cmpstr(keyval_key(kv, 0), ==, "a");
    g_assert_cmpstr(keyval_get(kv, "a"), ==, "3");
}

static void test_malformed(void)
{
    GError *err = NULL;
    KeyValList *kv = keyval_parse("a=1,=2", NULL, &err);

    g_assert_null(kv);
    g_assert_nonnull(err);
    g_assert_nonnull(strstr(err->message, "=2"));
    g_clear_error(&err);
}

static void test_empty_string(void)
{
    g_autoptr(KeyValList) kv = parse_ok("", "type");

    g_assert_cmpuint(keyval_count(kv), ==, 0);
}

static void test_merge(void)
{
    g_autoptr(KeyValList) a = parse_ok("virt,gic-version=2", "type");
    g_autoptr(KeyValList) b = parse_ok("gic-version=3,highmem=off", "type");

    keyval_merge(a, b);
    g_assert_cmpstr(keyval_get(a, "type"), ==, "virt");
    g_assert_cmpstr(keyval_get(a, "gic-version"), ==, "3");
    g_assert_cmpstr(keyval_get(a, "highmem"), ==, "off");
    g_assert_cmpuint(keyval_count(a), ==, 3);
}

static void test_copy_remove_set(void)
{
    g_autoptr(KeyValList) a = parse_ok("virt,x=1", "type");
    g_autoptr(KeyValList) c = keyval_copy(a);

    g_assert_true(keyval_remove(c, "type"));
    g_assert_false(keyval_remove(c, "type"));
    g_assert_cmpstr(keyval_get(a, "type"), ==, "virt");
    keyval_set(c, "y", "2");
    g_assert_cmpuint(keyval_count(c), ==, 2);
    g_assert_null(keyval_get(a, "y"));
}

static void test_to_string_roundtrip(void)
{
    g_autoptr(KeyValList) a = parse_ok("path=/a,,b,id=x", NULL);
    g_autofree char *s = keyval_to_string(a);
    g_autoptr(KeyValList) b = parse_ok(s, NULL);

    g_assert_cmpstr(s, ==, "path=/a,,b,id=x");
    g_assert_cmpstr(keyval_get(b, "path"), ==, "/a,b");
}

static void test_check_known(void)
{
    static const char *const known[] = { "thread", "tb-size", NULL };
    g_autoptr(KeyValList) good = parse_ok("thread=single", NULL);
    g_autoptr(KeyValList) bad = parse_ok("thread=single,foo=1", NULL);
    GError *err = NULL;

    g_assert_true(keyval_check_known(good, known, "-accel tcg", &err));
    g_assert_no_error(err);
    g_assert_false(keyval_check_known(bad, known, "-accel tcg", &err));
    g_assert_cmpstr(err->message, ==, "-accel tcg: unknown property 'foo'");
    g_clear_error(&err);
}

static void test_get_bool(void)
{
    g_autoptr(KeyValList) kv = parse_ok("a=on,b=off,c=yes,d=no,e=true,f=false,"
                                        "g=maybe", NULL);
    const char *trues[] = { "a", "c", "e" }, *falses[] = { "b", "d", "f" };
    GError *err = NULL;
    bool v;

    for (int i = 0; i < 3; i++) {
        v = false;
        g_assert_true(keyval_get_bool(kv, trues[i], false, &v, &err));
        g_assert_true(v);
        v = true;
        g_assert_true(keyval_get_bool(kv, falses[i], true, &v, &err));
        g_assert_false(v);
    }
    g_assert_true(keyval_get_bool(kv, "absent", true, &v, &err));
    g_assert_true(v);
    g_assert_false(keyval_get_bool(kv, "g", false, &v, &err));
    g_assert_nonnull(strstr(err->message, "'g'"));
    g_assert_nonnull(strstr(err->message, "maybe"));
    g_clear_error(&err);
}

static void test_get_u64_and_size(void)
{
    g_autoptr(KeyValList) kv = parse_ok("n=0x10,s=2M,bad=12q", NULL);
    GError *err = NULL;
    uint64_t v;

    g_assert_true(keyval_get_u64(kv, "n", 0, &v, &err));
    g_assert_cmpuint(v, ==, 16);
    g_assert_true(keyval_get_size(kv, "s", 0, &v, &err));
    g_assert_cmpuint(v, ==, 2 * MiB);
    g_assert_true(keyval_get_u64(kv, "absent", 7, &v, &err));
    g_assert_cmpuint(v, ==, 7);
    g_assert_false(keyval_get_u64(kv, "bad", 0, &v, &err));
    g_assert_nonnull(strstr(err->message, "'bad'"));
    g_clear_error(&err);
    g_assert_false(keyval_get_size(kv, "bad", 0, &v, &err));
    g_clear_error(&err);
}

static void test_parse_uint64(void)
{
    GError *err = NULL;
    uint64_t v;

    g_assert_true(parse_uint64("18446744073709551615", &v, &err));
    g_assert_cmpuint(v, ==, UINT64_MAX);
    g_assert_true(parse_uint64("0x7f", &v, &err));
    g_assert_cmpuint(v, ==, 0x7f);
    g_assert_false(parse_uint64("18446744073709551616", &v, &err));
    g_clear_error(&err);
    g_assert_false(parse_uint64("-1", &v, &err));
    g_clear_error(&err);
    g_assert_false(parse_uint64(" 1", &v, &err));
    g_clear_error(&err);
    g_assert_false(parse_uint64("", &v, &err));
    g_clear_error(&err);
}

static void test_parse_size_values(void)
{
    static const struct {
        const char *s;
        uint64_t v;
    } good[] = {
        { "256", 256 }, { "0", 0 }, { "1k", KiB }, { "1K", KiB },
        { "2048M", 2048 * MiB }, { "1g", GiB }, { "4G", 4 * GiB },
        { "1T", 1024 * GiB }, { "2P", 2ULL << 50 }, { "1E", 1ULL << 60 },
        { "0x1000", 0x1000 }, { "0x10M", 16 * MiB }, { "0x1e", 0x1e },
        { "1.5G", 3 * GiB / 2 }, { "0.5k", 512 }, { "100b", 100 },
        { "15E", 15ULL << 60 },
    };
    GError *err = NULL;

    for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
        uint64_t v = 12345;
        if (!parse_size(good[i].s, &v, &err)) {
            g_error("parse_size('%s') failed: %s", good[i].s, err->message);
        }
        if (v != good[i].v) {
            g_error("parse_size('%s') = %" PRIu64 ", expected %" PRIu64,
                    good[i].s, v, good[i].v);
        }
    }
}

static void test_parse_size_errors(void)
{
    const char *bad[] = { "abc", "", "-1", "1x", "1MB", "1.5", "16E",
                          "18446744073709551616", "99999999999999999999999",
                          "0x", "1 G", "G", "0x1ffffffffffffffffff" };
    GError *err = NULL;
    uint64_t v;

    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        if (parse_size(bad[i], &v, &err)) {
            g_error("parse_size('%s') accepted it as %" PRIu64, bad[i], v);
        }
        g_assert_nonnull(err);
        /* The message names the input so the user sees what was wrong. */
        if (*bad[i]) {
            g_assert_nonnull(strstr(err->message, bad[i]));
        }
        g_clear_error(&err);
    }
    g_assert_false(parse_size("16E", &v, &err));
    g_assert_nonnull(strstr(err->message, "too large"));
    g_clear_error(&err);
}

static void test_parse_size_unit(void)
{
    GError *err = NULL;
    uint64_t v;

    g_assert_true(parse_size_unit("256", MiB, &v, &err));
    g_assert_cmpuint(v, ==, 256 * MiB);
    g_assert_true(parse_size_unit("256k", MiB, &v, &err));
    g_assert_cmpuint(v, ==, 256 * KiB);
    g_assert_true(parse_size_unit("4g", MiB, &v, &err));
    g_assert_cmpuint(v, ==, 4 * GiB);
    /* A plain number in MiB can still overflow. */
    g_assert_false(parse_size_unit("17592186044416", MiB, &v, &err));
    g_clear_error(&err);
}

static void test_parse_bool(void)
{
    bool v;

    g_assert_true(parse_bool("on", &v) && v);
    g_assert_true(parse_bool("off", &v) && !v);
    g_assert_false(parse_bool("On", &v));
    g_assert_false(parse_bool("1", &v));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/keyval/implied-key-and-props", test_implied_key_and_props);
    g_test_add_func("/keyval/implied-only-first", test_implied_only_first);
    g_test_add_func("/keyval/no-implied-key", test_no_implied_key);
    g_test_add_func("/keyval/escaped-commas", test_escaped_commas);
    g_test_add_func("/keyval/value-with-equals", test_value_with_equals);
    g_test_add_func("/keyval/empty-value", test_empty_value);
    g_test_add_func("/keyval/help-spellings", test_help_spellings);
    g_test_add_func("/keyval/cpu-flags-kept", test_cpu_flags_kept);
    g_test_add_func("/keyval/repeated-key-last-wins", test_repeated_key_last_wins);
    g_test_add_func("/keyval/malformed", test_malformed);
    g_test_add_func("/keyval/empty-string", test_empty_string);
    g_test_add_func("/keyval/merge", test_merge);
    g_test_add_func("/keyval/copy-remove-set", test_copy_remove_set);
    g_test_add_func("/keyval/to-string-roundtrip", test_to_string_roundtrip);
    g_test_add_func("/keyval/check-known", test_check_known);
    g_test_add_func("/keyval/get-bool", test_get_bool);
    g_test_add_func("/keyval/get-u64-and-size", test_get_u64_and_size);
    g_test_add_func("/parse/uint64", test_parse_uint64);
    g_test_add_func("/parse/size-values", test_parse_size_values);
    g_test_add_func("/parse/size-errors", test_parse_size_errors);
    g_test_add_func("/parse/size-unit", test_parse_size_unit);
    g_test_add_func("/parse/bool", test_parse_bool);
    return g_test_run();
}
