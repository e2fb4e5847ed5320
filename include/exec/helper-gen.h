/*
 * helper-gen.h - `gen_helper_name(ret, args...)` for every DEF_HELPER_*
 * line of the target's helper list (HELPER_H, see exec/helper-head.h):
 * each emits a call op through tcg_gen_callN with a static TCGHelperInfo
 * holding the function, its flags and its typemask. Translators include it
 * after defining HELPER_H.
 */
#ifndef EXEC_HELPER_GEN_H
#define EXEC_HELPER_GEN_H

#include "tcg/tcg-op.h"
#include "exec/helper-proto.h"

#define dh_arg_decl(t, n) glue(TCGv_, dh_alias(t)) glue(arg, n)
#define dh_arg(t, n) glue(glue(tcgv_, dh_alias(t)), _temp)(glue(arg, n))

#define dh_retvar_decl0_void void
#define dh_retvar_decl0_noreturn void
#define dh_retvar_decl0_i32 TCGv_i32 retval
#define dh_retvar_decl0_i64 TCGv_i64 retval
#define dh_retvar_decl0_ptr TCGv_ptr retval
#define dh_retvar_decl0(t) glue(dh_retvar_decl0_, dh_alias(t))

#define dh_retvar_decl_void
#define dh_retvar_decl_noreturn
#define dh_retvar_decl_i32 TCGv_i32 retval,
#define dh_retvar_decl_i64 TCGv_i64 retval,
#define dh_retvar_decl_ptr TCGv_ptr retval,
#define dh_retvar_decl(t) glue(dh_retvar_decl_, dh_alias(t))

#define dh_retvar_void NULL
#define dh_retvar_noreturn NULL
#define dh_retvar_i32 tcgv_i32_temp(retval)
#define dh_retvar_i64 tcgv_i64_temp(retval)
#define dh_retvar_ptr tcgv_ptr_temp(retval)
#define dh_retvar(t) glue(dh_retvar_, dh_alias(t))

#define DH_INFO(NAME, FLAGS, MASK)                                      \
    static const TCGHelperInfo info = {                                 \
        .func = (void *)HELPER(NAME), .name = #NAME,                    \
        .flags = (FLAGS), .typemask = (MASK),                           \
    }

#define DEF_HELPER_FLAGS_0(name, flags, ret)                            \
static inline void glue(gen_helper_, name)(dh_retvar_decl0(ret))        \
{                                                                       \
    DH_INFO(name, (flags) | dh_callflag(ret), dh_typemask(ret, 0));     \
    tcg_gen_callN(&info, dh_retvar(ret), NULL);                         \
}
#define DEF_HELPER_FLAGS_1(name, flags, ret, t1)                        \
static inline void glue(gen_helper_, name)(dh_retvar_decl(ret)          \
                                           dh_arg_decl(t1, 1))          \
{                                                                       \
    DH_INFO(name, (flags) | dh_callflag(ret),                           \
            dh_typemask(ret, 0) | dh_typemask(t1, 1));                  \
    TCGTemp *args[1] = { dh_arg(t1, 1) };                               \
    tcg_gen_callN(&info, dh_retvar(ret), args);                         \
}
#define DEF_HELPER_FLAGS_2(name, flags, ret, t1, t2)                    \
static inline void glue(gen_helper_, name)(dh_retvar_decl(ret)          \
    dh_arg_decl(t1, 1), dh_arg_decl(t2, 2))                             \
{                                                                       \
    DH_INFO(name, (flags) | dh_callflag(ret),                           \
            dh_typemask(ret, 0) | dh_typemask(t1, 1) | dh_typemask(t2, 2)); \
    TCGTemp *args[2] = { dh_arg(t1, 1), dh_arg(t2, 2) };                \
    tcg_gen_callN(&info, dh_retvar(ret), args);                         \
}
#define DEF_HELPER_FLAGS_3(name, flags, ret, t1, t2, t3)                \
static inline void glue(gen_helper_, name)(dh_retvar_decl(ret)          \
    dh_arg_decl(t1, 1), dh_arg_decl(t2, 2), dh_arg_decl(t3, 3))         \
{                                                                       \
    DH_INFO(name, (flags) | dh_callflag(ret),                           \
            dh_typemask(ret, 0) | dh_typemask(t1, 1) | dh_typemask(t2, 2) | \
            dh_typemask(t3, 3));                                        \
    TCGTemp *args[3] = { dh_arg(t1, 1), dh_arg(t2, 2), dh_arg(t3, 3) }; \
    tcg_gen_callN(&info, dh_retvar(ret), args);                         \
}
#define DEF_HELPER_FLAGS_4(name, flags, ret, t1, t2, t3, t4)            \
static inline void glue(gen_helper_, name)(dh_retvar_decl(ret)          \
    dh_arg_decl(t1, 1), dh_arg_decl(t2, 2), dh_arg_decl(t3, 3),         \
    dh_arg_decl(t4, 4))                                                 \
{                                                                       \
    DH_INFO(name, (flags) | dh_callflag(ret),                           \
            dh_typemask(ret, 0) | dh_typemask(t1, 1) | dh_typemask(t2, 2) | \
            dh_typemask(t3, 3) | dh_typemask(t4, 4));                   \
    TCGTemp *args[4] = { dh_arg(t1, 1), dh_arg(t2, 2), dh_arg(t3, 3),   \
                         dh_arg(t4, 4) };                               \
    tcg_gen_callN(&info, dh_retvar(ret), args);                         \
}
#define DEF_HELPER_FLAGS_5(name, flags, ret, t1, t2, t3, t4, t5)        \
static inline void glue(gen_helper_, name)(dh_retvar_decl(ret)          \
    dh_arg_decl(t1, 1), dh_arg_decl(t2, 2), dh_arg_decl(t3, 3),         \
    dh_arg_decl(t4, 4), dh_arg_decl(t5, 5))                             \
{                                                                       \
    DH_INFO(name, (flags) | dh_callflag(ret),                           \
            dh_typemask(ret, 0) | dh_typemask(t1, 1) | dh_typemask(t2, 2) | \
            dh_typemask(t3, 3) | dh_typemask(t4, 4) | dh_typemask(t5, 5)); \
    TCGTemp *args[5] = { dh_arg(t1, 1), dh_arg(t2, 2), dh_arg(t3, 3),   \
                         dh_arg(t4, 4), dh_arg(t5, 5) };                \
    tcg_gen_callN(&info, dh_retvar(ret), args);                         \
}
#define DEF_HELPER_FLAGS_6(name, flags, ret, t1, t2, t3, t4, t5, t6)    \
static inline void glue(gen_helper_, name)(dh_retvar_decl(ret)          \
    dh_arg_decl(t1, 1), dh_arg_decl(t2, 2), dh_arg_decl(t3, 3),         \
    dh_arg_decl(t4, 4), dh_arg_decl(t5, 5), dh_arg_decl(t6, 6))         \
{                                                                       \
    DH_INFO(name, (flags) | dh_callflag(ret),                           \
            dh_typemask(ret, 0) | dh_typemask(t1, 1) | dh_typemask(t2, 2) | \
            dh_typemask(t3, 3) | dh_typemask(t4, 4) | dh_typemask(t5, 5) | \
            dh_typemask(t6, 6));                                        \
    TCGTemp *args[6] = { dh_arg(t1, 1), dh_arg(t2, 2), dh_arg(t3, 3),   \
                         dh_arg(t4, 4), dh_arg(t5, 5), dh_arg(t6, 6) }; \
    tcg_gen_callN(&info, dh_retvar(ret), args);                         \
}
#define DEF_HELPER_FLAGS_7(name, flags, ret, t1, t2, t3, t4, t5, t6, t7) \
static inline void glue(gen_helper_, name)(dh_retvar_decl(ret)          \
    dh_arg_decl(t1, 1), dh_arg_decl(t2, 2), dh_arg_decl(t3, 3),         \
    dh_arg_decl(t4, 4), dh_arg_decl(t5, 5), dh_arg_decl(t6, 6),         \
    dh_arg_decl(t7, 7))                                                 \
{                                                                       \
    DH_INFO(name, (flags) | dh_callflag(ret),                           \
            dh_typemask(ret, 0) | dh_typemask(t1, 1) | dh_typemask(t2, 2) | \
            dh_typemask(t3, 3) | dh_typemask(t4, 4) | dh_typemask(t5, 5) | \
            dh_typemask(t6, 6) | dh_typemask(t7, 7));                   \
    TCGTemp *args[7] = { dh_arg(t1, 1), dh_arg(t2, 2), dh_arg(t3, 3),   \
                         dh_arg(t4, 4), dh_arg(t5, 5), dh_arg(t6, 6),   \
                         dh_arg(t7, 7) };                               \
    tcg_gen_callN(&info, dh_retvar(ret), args);                         \
}

#include HELPER_H

#undef DEF_HELPER_FLAGS_0
#undef DEF_HELPER_FLAGS_1
#undef DEF_HELPER_FLAGS_2
#undef DEF_HELPER_FLAGS_3
#undef DEF_HELPER_FLAGS_4
#undef DEF_HELPER_FLAGS_5
#undef DEF_HELPER_FLAGS_6
#undef DEF_HELPER_FLAGS_7

#endif
