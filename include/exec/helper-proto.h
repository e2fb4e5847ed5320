/*
 * helper-proto.h - prototypes `ret helper_name(args)` for every
 * DEF_HELPER_* line of the target's helper list (the file named by
 * HELPER_H; see exec/helper-head.h). Included by the files that define
 * helpers and, through helper-gen.h, by translators.
 */
#ifndef EXEC_HELPER_PROTO_H
#define EXEC_HELPER_PROTO_H

#include "exec/helper-head.h"

#ifndef HELPER_H
#error "define HELPER_H to the target's helper list, e.g. \"target-arm/helper.h\""
#endif

#define DEF_HELPER_FLAGS_0(name, flags, ret) \
    dh_ctype(ret) HELPER(name)(void);
#define DEF_HELPER_FLAGS_1(name, flags, ret, t1) \
    dh_ctype(ret) HELPER(name)(dh_ctype(t1));
#define DEF_HELPER_FLAGS_2(name, flags, ret, t1, t2) \
    dh_ctype(ret) HELPER(name)(dh_ctype(t1), dh_ctype(t2));
#define DEF_HELPER_FLAGS_3(name, flags, ret, t1, t2, t3) \
    dh_ctype(ret) HELPER(name)(dh_ctype(t1), dh_ctype(t2), dh_ctype(t3));
#define DEF_HELPER_FLAGS_4(name, flags, ret, t1, t2, t3, t4) \
    dh_ctype(ret) HELPER(name)(dh_ctype(t1), dh_ctype(t2), dh_ctype(t3), \
                               dh_ctype(t4));
#define DEF_HELPER_FLAGS_5(name, flags, ret, t1, t2, t3, t4, t5) \
    dh_ctype(ret) HELPER(name)(dh_ctype(t1), dh_ctype(t2), dh_ctype(t3), \
                               dh_ctype(t4), dh_ctype(t5));
#define DEF_HELPER_FLAGS_6(name, flags, ret, t1, t2, t3, t4, t5, t6) \
    dh_ctype(ret) HELPER(name)(dh_ctype(t1), dh_ctype(t2), dh_ctype(t3), \
                               dh_ctype(t4), dh_ctype(t5), dh_ctype(t6));
#define DEF_HELPER_FLAGS_7(name, flags, ret, t1, t2, t3, t4, t5, t6, t7) \
    dh_ctype(ret) HELPER(name)(dh_ctype(t1), dh_ctype(t2), dh_ctype(t3), \
                               dh_ctype(t4), dh_ctype(t5), dh_ctype(t6), \
                               dh_ctype(t7));

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
