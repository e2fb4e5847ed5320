/*
 * translate-simd-int.c - A64 AdvSIMD integer arithmetic, logic, shifts,
 * compares, widening/narrowing and saturating forms, vector and scalar.
 *
 * Lane-wise work that TCG's 64-bit ops express cheaply is done inline on
 * the two 64-bit halves; the rest calls out-of-line helpers
 * (helper-simd-int.h, vec_helper.c) with pointers to the registers and a
 * simd_desc() word.
 */
#include "util/osdep.h"
#include "target-arm/translate-a64.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-gen.h"

#include "target-arm/decode-a64-simd-int.c.inc"

bool disas_a64_simd_int(DisasContext *s, uint32_t insn)
{
    return decode_a64_simd_int(s, insn);
}

/* d = fn(n, m) on each 64-bit half (one half when !q, the top cleared). */
static bool do_logic_v(DisasContext *s, arg_qrrr_e *a,
                       void (*fn)(TCGv_i64, TCGv_i64, TCGv_i64))
{
    if (!fp_access_check(s)) {
        return true;
    }
    for (int i = 0; i < (a->q ? 2 : 1); i++) {
        TCGv_i64 n = tcg_temp_new_i64();
        TCGv_i64 m = tcg_temp_new_i64();
        read_vec_element(s, n, a->rn, i, MO_64);
        read_vec_element(s, m, a->rm, i, MO_64);
        fn(n, n, m);
        write_vec_element(s, n, a->rd, i, MO_64);
    }
    clear_vec_high(s, a->q, a->rd);
    return true;
}

static bool trans_AND_v(DisasContext *s, arg_qrrr_e *a)
{
    return do_logic_v(s, a, tcg_gen_and_i64);
}

static bool trans_BIC_v(DisasContext *s, arg_qrrr_e *a)
{
    return do_logic_v(s, a, tcg_gen_andc_i64);
}

static bool trans_ORR_v(DisasContext *s, arg_qrrr_e *a)
{
    return do_logic_v(s, a, tcg_gen_or_i64);
}

static bool trans_ORN_v(DisasContext *s, arg_qrrr_e *a)
{
    return do_logic_v(s, a, tcg_gen_orc_i64);
}

static bool trans_EOR_v(DisasContext *s, arg_qrrr_e *a)
{
    return do_logic_v(s, a, tcg_gen_xor_i64);
}
