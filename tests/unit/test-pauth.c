/*
 * test-pauth.c - ComputePAC of FEAT_PAuth (target-arm/pauth_helper.c):
 * QARMA5 against the published QARMA-64 test vector (Avanzi, "The QARMA
 * block cipher family", ToSC 2017: sigma2, 5 rounds), the table-driven
 * cipher against the cell-by-cell reference on random inputs, and the
 * implementation-defined algorithm's dependence on every input.
 */
#include "util/osdep.h"
#include "target-arm/cpu.h"
#include "target-arm/internals.h"

static const ARMPACKey vec_key = {
    .hi = 0x84be85ce9804e94bull,    /* w0: key<127:64> */
    .lo = 0xec2802d4e0a488e9ull,    /* k0: key<63:0> */
};

static void test_qarma5_vector(void)
{
    g_assert_cmphex(pauth_computepac_qarma5(0xfb623599da6e8127ull,
                                            0x477d469dec0b8762ull, vec_key),
                    ==, 0xc003b93999b33765ull);
    g_assert_cmphex(pauth_computepac_qarma5_ref(0xfb623599da6e8127ull,
                                                0x477d469dec0b8762ull,
                                                vec_key),
                    ==, 0xc003b93999b33765ull);
}

static void test_qarma5_tables_match_reference(void)
{
    GRand *r = g_rand_new_with_seed(0x9a0e);

    for (int i = 0; i < 2000; i++) {
        uint64_t d = (uint64_t)g_rand_int(r) << 32 | g_rand_int(r);
        uint64_t m = (uint64_t)g_rand_int(r) << 32 | g_rand_int(r);
        ARMPACKey k = {
            (uint64_t)g_rand_int(r) << 32 | g_rand_int(r),
            (uint64_t)g_rand_int(r) << 32 | g_rand_int(r),
        };
        uint64_t fast = pauth_computepac_qarma5(d, m, k);
        uint64_t ref = pauth_computepac_qarma5_ref(d, m, k);
        if (fast != ref) {
            g_test_message("data %016" PRIx64 " mod %016" PRIx64, d, m);
        }
        g_assert_cmphex(fast, ==, ref);
    }
    g_rand_free(r);
}

static void test_impdef_depends_on_inputs(void)
{
    uint64_t base = pauth_computepac_impdef(0x40001000, 0x1234, vec_key);
    ARMPACKey k2 = vec_key;

    k2.hi ^= 1ull << 63;
    g_assert_cmphex(pauth_computepac_impdef(0x40001000, 0x1234, vec_key),
                    ==, base);
    g_assert_cmphex(pauth_computepac_impdef(0x40001001, 0x1234, vec_key),
                    !=, base);
    g_assert_cmphex(pauth_computepac_impdef(0x40001000, 0x1235, vec_key),
                    !=, base);
    g_assert_cmphex(pauth_computepac_impdef(0x40001000, 0x1234, k2),
                    !=, base);
    g_assert_cmphex(base, !=, pauth_computepac_qarma5(0x40001000, 0x1234,
                                                      vec_key));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pauth/qarma5-test-vector", test_qarma5_vector);
    g_test_add_func("/pauth/qarma5-tables-match-reference",
                    test_qarma5_tables_match_reference);
    g_test_add_func("/pauth/impdef-depends-on-inputs",
                    test_impdef_depends_on_inputs);
    return g_test_run();
}
