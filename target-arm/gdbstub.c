/*
 * gdbstub.c - the AArch64 registers as gdb numbers them, for the gdb stub:
 * the "org.gnu.gdb.aarch64.core" feature (x0-x30, sp, pc, cpsr) then
 * "org.gnu.gdb.aarch64.fpu" (v0-v31, fpsr, fpcr), which is also the layout
 * gdb assumes for an aarch64 target that sends no description.
 *
 * Values travel in the target's byte order (little endian). Not for: the
 * remote protocol itself (the gdb stub in softmmu/).
 */
#include "util/osdep.h"
#include "target-arm/cpu.h"
#include "target-arm/internals.h"

static void put_le(GByteArray *buf, uint64_t v, unsigned bytes)
{
    uint8_t b[8];
    for (unsigned i = 0; i < bytes; i++) {
        b[i] = v >> (8 * i);
    }
    g_byte_array_append(buf, b, bytes);
}

static uint64_t get_le(const uint8_t *p, unsigned bytes)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < bytes; i++) {
        v |= (uint64_t)p[i] << (8 * i);
    }
    return v;
}

int arm_gdb_num_regs(void)
{
    return ARM_GDB_NUM_REGS;
}

int arm_gdb_read_register(CPUState *cs, GByteArray *buf, int n)
{
    CPUARMState *env = cpu_env(cs);

    if (n < 31) {
        put_le(buf, env->xregs[n], 8);
        return 8;
    }
    switch (n) {
    case 31:
        put_le(buf, env->xregs[31], 8);     /* the current SP */
        return 8;
    case 32:
        put_le(buf, env->pc, 8);
        return 8;
    case 33:
        put_le(buf, pstate_read(env), 4);
        return 4;
    }
    if (n >= 34 && n < 66) {
        put_le(buf, env->vregs[n - 34].d[0], 8);
        put_le(buf, env->vregs[n - 34].d[1], 8);
        return 16;
    }
    if (n == 66) {
        put_le(buf, vfp_get_fpsr(env), 4);
        return 4;
    }
    if (n == 67) {
        put_le(buf, vfp_get_fpcr(env), 4);
        return 4;
    }
    return 0;
}

int arm_gdb_write_register(CPUState *cs, const uint8_t *buf, int n)
{
    CPUARMState *env = cpu_env(cs);

    if (n < 32) {
        env->xregs[n] = get_le(buf, 8);
        return 8;
    }
    switch (n) {
    case 32:
        env->pc = get_le(buf, 8);
        return 8;
    case 33:
        aarch64_pstate_write(env, get_le(buf, 4));
        return 4;
    }
    if (n >= 34 && n < 66) {
        env->vregs[n - 34].d[0] = get_le(buf, 8);
        env->vregs[n - 34].d[1] = get_le(buf + 8, 8);
        return 16;
    }
    if (n == 66) {
        vfp_set_fpsr(env, get_le(buf, 4));
        return 4;
    }
    if (n == 67) {
        vfp_set_fpcr(env, get_le(buf, 4));
        return 4;
    }
    return 0;
}

/* target.xml: the two features above, in gdb's own register order. */
const char *arm_gdb_target_xml(void)
{
    return
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
        "<target>\n"
        "<architecture>aarch64</architecture>\n"
        "<feature name=\"org.gnu.gdb.aarch64.core\">\n"
        "<reg name=\"x0\" bitsize=\"64\"/><reg name=\"x1\" bitsize=\"64\"/>\n"
        "<reg name=\"x2\" bitsize=\"64\"/><reg name=\"x3\" bitsize=\"64\"/>\n"
        "<reg name=\"x4\" bitsize=\"64\"/><reg name=\"x5\" bitsize=\"64\"/>\n"
        "<reg name=\"x6\" bitsize=\"64\"/><reg name=\"x7\" bitsize=\"64\"/>\n"
        "<reg name=\"x8\" bitsize=\"64\"/><reg name=\"x9\" bitsize=\"64\"/>\n"
        "<reg name=\"x10\" bitsize=\"64\"/><reg name=\"x11\" bitsize=\"64\"/>\n"
        "<reg name=\"x12\" bitsize=\"64\"/><reg name=\"x13\" bitsize=\"64\"/>\n"
        "<reg name=\"x14\" bitsize=\"64\"/><reg name=\"x15\" bitsize=\"64\"/>\n"
        "<reg name=\"x16\" bitsize=\"64\"/><reg name=\"x17\" bitsize=\"64\"/>\n"
        "<reg name=\"x18\" bitsize=\"64\"/><reg name=\"x19\" bitsize=\"64\"/>\n"
        "<reg name=\"x20\" bitsize=\"64\"/><reg name=\"x21\" bitsize=\"64\"/>\n"
        "<reg name=\"x22\" bitsize=\"64\"/><reg name=\"x23\" bitsize=\"64\"/>\n"
        "<reg name=\"x24\" bitsize=\"64\"/><reg name=\"x25\" bitsize=\"64\"/>\n"
        "<reg name=\"x26\" bitsize=\"64\"/><reg name=\"x27\" bitsize=\"64\"/>\n"
        "<reg name=\"x28\" bitsize=\"64\"/><reg name=\"x29\" bitsize=\"64\"/>\n"
        "<reg name=\"x30\" bitsize=\"64\"/>\n"
        "<reg name=\"sp\" bitsize=\"64\" type=\"data_ptr\"/>\n"
        "<reg name=\"pc\" bitsize=\"64\" type=\"code_ptr\"/>\n"
        "<reg name=\"cpsr\" bitsize=\"32\"/>\n"
        "</feature>\n"
        "<feature name=\"org.gnu.gdb.aarch64.fpu\">\n"
        "<vector id=\"v2d\" type=\"uint64\" count=\"2\"/>\n"
        "<vector id=\"v4s\" type=\"uint32\" count=\"4\"/>\n"
        "<vector id=\"v16b\" type=\"uint8\" count=\"16\"/>\n"
        "<union id=\"vq\"><field name=\"d\" type=\"v2d\"/>"
        "<field name=\"s\" type=\"v4s\"/><field name=\"b\" type=\"v16b\"/>"
        "<field name=\"q\" type=\"uint128\"/></union>\n"
        "<reg name=\"v0\" bitsize=\"128\" type=\"vq\"/>"
        "<reg name=\"v1\" bitsize=\"128\" type=\"vq\"/>\n"
        "<reg name=\"v2\" bitsize=\"128\" type=\"vq\"/>"
        "<reg name=\"v3\" bitsize=\"128\" type=\"vq\"/>\n"
        "<reg name=\"v4\" bitsize=\"128\" type=\"vq\"/>"
        "<reg name=\"v5\" bitsize=\"128\" type=\"vq\"/>\n"
        "<reg name=\"v6\" bitsize=\"128\" type=\"vq\"/>"
        "<reg name=\"v7\" bitsize=\"128\" type=\"vq\"/>\n"
        "<reg name=\"v8\" bitsize=\"128\" type=\"vq\"/>"
        "<reg name=\"v9\" bitsize=\"128\" type=\"vq\"/>\n"
        "<reg name=\"v10\" bitsize=\"128\" type=\"vq\"/>"
        "<reg name=\"v11\" bitsize=\"128\" type=\"vq\"/>\n"
        "<reg name=\"v12\" bitsize=\"128\" type=\"vq\"/>"
        "<reg name=\"v13\" bitsize=\"128\" type=\"vq\"/>\n"
        "<reg name=\"v14\" bitsize=\"128\" type=\"vq\"/>"
        "<reg name=\"v15\" bitsize=\"128\" type=\"vq\"/>\n"
        "<reg name=\"v16\" bitsize=\"128\" type=\"vq\"/>"
        "<reg name=\"v17\" bitsize=\"128\" type=\"vq\"/>\n"
        "<reg name=\"v18\" bitsize=\"128\" type=\"vq\"/>"
        "<reg name=\"v19\" bitsize=\"128\" type=\"vq\"/>\n"
        "<reg name=\"v20\" bitsize=\"128\" type=\"vq\"/>"
        "<reg name=\"v21\" bitsize=\"128\" type=\"vq\"/>\n"
        "<reg name=\"v22\" bitsize=\"128\" type=\"vq\"/>"
        "<reg name=\"v23\" bitsize=\"128\" type=\"vq\"/>\n"
        "<reg name=\"v24\" bitsize=\"128\" type=\"vq\"/>"
        "<reg name=\"v25\" bitsize=\"128\" type=\"vq\"/>\n"
        "<reg name=\"v26\" bitsize=\"128\" type=\"vq\"/>"
        "<reg name=\"v27\" bitsize=\"128\" type=\"vq\"/>\n"
        "<reg name=\"v28\" bitsize=\"128\" type=\"vq\"/>"
        "<reg name=\"v29\" bitsize=\"128\" type=\"vq\"/>\n"
        "<reg name=\"v30\" bitsize=\"128\" type=\"vq\"/>"
        "<reg name=\"v31\" bitsize=\"128\" type=\"vq\"/>\n"
        "<reg name=\"fpsr\" bitsize=\"32\"/>\n"
        "<reg name=\"fpcr\" bitsize=\"32\"/>\n"
        "</feature>\n"
        "</target>\n";
}
