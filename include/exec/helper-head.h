/*
 * helper-head.h - the DEF_HELPER machinery shared by helper-proto.h and
 * helper-gen.h: how a helper type code (void, i32, s32, i64, s64, int, ptr,
 * cptr, env, f32, f64, tl, vaddr, noreturn) maps to a C type, a TCG value
 * type and a typemask code.
 *
 * A target lists its helpers once, in its helper.h:
 *     DEF_HELPER_FLAGS_3(add_cc, TCG_CALL_NO_RWG_SE, i64, env, i64, i64)
 * and gets `uint64_t helper_add_cc(CPUArchState *, uint64_t, uint64_t)`
 * from exec/helper-proto.h and `gen_helper_add_cc(TCGv_i64, TCGv_ptr,
 * TCGv_i64, TCGv_i64)` from exec/helper-gen.h. Both include the file named
 * by HELPER_H, which the target defines with a path from the tree root:
 *     #define HELPER_H "target-arm/helper.h"
 */
#ifndef EXEC_HELPER_HEAD_H
#define EXEC_HELPER_HEAD_H

#include "tcg/tcg.h"

#define xglue(a, b) a ## b
#ifndef glue
#define glue(a, b) xglue(a, b)
#endif
#ifndef stringify
#define xstringify(s) #s
#define stringify(s) xstringify(s)
#endif

#define HELPER(name) glue(helper_, name)

/* C types of helper arguments and results. */
#define dh_ctype_void void
#define dh_ctype_noreturn __attribute__((noreturn)) void
#define dh_ctype_i32 uint32_t
#define dh_ctype_s32 int32_t
#define dh_ctype_int int
#define dh_ctype_i64 uint64_t
#define dh_ctype_s64 int64_t
#define dh_ctype_f32 uint32_t
#define dh_ctype_f64 uint64_t
#define dh_ctype_tl uint64_t
#define dh_ctype_vaddr uint64_t
#define dh_ctype_ptr void *
#define dh_ctype_cptr const void *
#define dh_ctype_env CPUArchState *
#define dh_ctype(t) glue(dh_ctype_, t)

/* TCG value kind carrying each type. */
#define dh_alias_void void
#define dh_alias_noreturn noreturn
#define dh_alias_i32 i32
#define dh_alias_s32 i32
#define dh_alias_int i32
#define dh_alias_f32 i32
#define dh_alias_i64 i64
#define dh_alias_s64 i64
#define dh_alias_f64 i64
#define dh_alias_tl i64
#define dh_alias_vaddr i64
#define dh_alias_ptr ptr
#define dh_alias_cptr ptr
#define dh_alias_env ptr
#define dh_alias(t) glue(dh_alias_, t)

/* Typemask codes (see TCGHelperInfo in tcg/tcg.h). */
#define dh_typecode_void 0
#define dh_typecode_noreturn 0
#define dh_typecode_i32 2
#define dh_typecode_s32 3
#define dh_typecode_int 3
#define dh_typecode_f32 2
#define dh_typecode_i64 4
#define dh_typecode_s64 5
#define dh_typecode_f64 4
#define dh_typecode_tl 4
#define dh_typecode_vaddr 4
#define dh_typecode_ptr 6
#define dh_typecode_cptr 6
#define dh_typecode_env 6
#define dh_typecode(t) glue(dh_typecode_, t)
#define dh_typemask(t, n) (dh_typecode(t) << ((n) * 3))

#define dh_callflag_void 0
#define dh_callflag_noreturn TCG_CALL_NO_RETURN
#define dh_callflag_i32 0
#define dh_callflag_s32 0
#define dh_callflag_int 0
#define dh_callflag_f32 0
#define dh_callflag_i64 0
#define dh_callflag_s64 0
#define dh_callflag_f64 0
#define dh_callflag_tl 0
#define dh_callflag_vaddr 0
#define dh_callflag_ptr 0
#define dh_callflag_cptr 0
#define dh_callflag_env 0
#define dh_callflag(t) glue(dh_callflag_, t)

/* Unflagged spellings. */
#define DEF_HELPER_0(name, ret) DEF_HELPER_FLAGS_0(name, 0, ret)
#define DEF_HELPER_1(name, ret, t1) DEF_HELPER_FLAGS_1(name, 0, ret, t1)
#define DEF_HELPER_2(name, ret, t1, t2) DEF_HELPER_FLAGS_2(name, 0, ret, t1, t2)
#define DEF_HELPER_3(name, ret, t1, t2, t3) \
    DEF_HELPER_FLAGS_3(name, 0, ret, t1, t2, t3)
#define DEF_HELPER_4(name, ret, t1, t2, t3, t4) \
    DEF_HELPER_FLAGS_4(name, 0, ret, t1, t2, t3, t4)
#define DEF_HELPER_5(name, ret, t1, t2, t3, t4, t5) \
    DEF_HELPER_FLAGS_5(name, 0, ret, t1, t2, t3, t4, t5)
#define DEF_HELPER_6(name, ret, t1, t2, t3, t4, t5, t6) \
    DEF_HELPER_FLAGS_6(name, 0, ret, t1, t2, t3, t4, t5, t6)
#define DEF_HELPER_7(name, ret, t1, t2, t3, t4, t5, t6, t7) \
    DEF_HELPER_FLAGS_7(name, 0, ret, t1, t2, t3, t4, t5, t6, t7)

#endif
