/*
 * gdbstub-aarch64.c - registers the AArch64 target with the gdb stub.
 *
 * The core (x0-x30, sp, pc, cpsr) and FP/SIMD (v0-v31, fpsr, fpcr)
 * registers, numbered 0..67, and their target.xml come from
 * target-arm/gdbstub.c (arm_gdb_read_register & co.). This file adds a
 * third feature, org.plumb.gdb.aarch64.sysregs, numbered from 68: the
 * system registers one looks at first when bringing up exception vectors
 * and the MMU (CurrentEL, SCTLR/VBAR/ESR/FAR/ELR/SPSR_EL1, the banked SPs,
 * translation registers, MIDR/MPIDR). It runs from a constructor, so the
 * Arm CPU code never calls the stub. Not for: the protocol (gdbstub.c).
 */
#include "util/osdep.h"
#include "exec/gdbstub.h"
#include "util/module.h"
#include "target-arm/cpu.h"

#define GDB_REG_SYS0    ARM_GDB_NUM_REGS

typedef enum {
    SYSREG_FIELD,       /* a uint64_t in CPUARMState at @offset */
    SYSREG_CURRENTEL,   /* derived from PSTATE, read-only */
    SYSREG_SP_EL0,      /* banked SP: xregs[31] may hold the live copy */
    SYSREG_SP_EL1,
    SYSREG_CPU_FIELD,   /* a uint64_t in ARMCPU at @offset, read-only */
} SysregKind;

typedef struct ArmGdbSysreg {
    const char *name;
    SysregKind kind;
    size_t offset;
} ArmGdbSysreg;

#define ENV_REG(n, f) { n, SYSREG_FIELD, offsetof(CPUARMState, f) }
#define CPU_REG(n, f) { n, SYSREG_CPU_FIELD, offsetof(ARMCPU, f) }

/* The registers a bring-up engineer looks at first (exceptions, MMU). */
static const ArmGdbSysreg arm_gdb_sysregs[] = {
    { "CurrentEL", SYSREG_CURRENTEL, 0 },
    ENV_REG("SCTLR_EL1", sctlr_el1),
    ENV_REG("VBAR_EL1", vbar_el1),
    ENV_REG("ESR_EL1", esr_el1),
    ENV_REG("FAR_EL1", far_el1),
    ENV_REG("ELR_EL1", elr_el1),
    ENV_REG("SPSR_EL1", spsr_el1),
    { "SP_EL0", SYSREG_SP_EL0, 0 },
    { "SP_EL1", SYSREG_SP_EL1, 0 },
    ENV_REG("TCR_EL1", tcr_el1),
    ENV_REG("TTBR0_EL1", ttbr0_el1),
    ENV_REG("TTBR1_EL1", ttbr1_el1),
    ENV_REG("MAIR_EL1", mair_el1),
    ENV_REG("CPACR_EL1", cpacr_el1),
    ENV_REG("PAR_EL1", par_el1),
    ENV_REG("CONTEXTIDR_EL1", contextidr_el1),
    ENV_REG("TPIDR_EL0", tpidr_el0),
    ENV_REG("TPIDRRO_EL0", tpidrro_el0),
    ENV_REG("TPIDR_EL1", tpidr_el1),
    ENV_REG("MDSCR_EL1", mdscr_el1),
    CPU_REG("MIDR_EL1", midr),
    CPU_REG("MPIDR_EL1", mpidr),
};

#define AARCH64_GDB_NUM_REGS (GDB_REG_SYS0 + (int)G_N_ELEMENTS(arm_gdb_sysregs))

static void append_le(GByteArray *buf, uint64_t v, int bytes)
{
    uint8_t b[8];

    for (int i = 0; i < bytes; i++) {
        b[i] = v >> (8 * i);
    }
    g_byte_array_append(buf, b, bytes);
}

static uint64_t load_le(const uint8_t *mem, int bytes)
{
    uint64_t v = 0;

    for (int i = 0; i < bytes; i++) {
        v |= (uint64_t)mem[i] << (8 * i);
    }
    return v;
}

/* The live SP of @el, wherever it is kept right now. */
static uint64_t arm_gdb_sp_el(CPUARMState *env, int el)
{
    aarch64_save_sp(env);
    return env->sp_el[el];
}

static int aarch64_gdb_read_reg(CPUState *cs, GByteArray *buf, int n)
{
    ARMCPU *cpu = ARM_CPU(cs);
    CPUARMState *env = &cpu->env;
    const ArmGdbSysreg *r;
    uint64_t v = 0;

    if (n >= 0 && n < GDB_REG_SYS0) {
        return arm_gdb_read_register(cs, buf, n);
    }
    if (n < GDB_REG_SYS0 || n >= AARCH64_GDB_NUM_REGS) {
        return 0;
    }
    r = &arm_gdb_sysregs[n - GDB_REG_SYS0];
    switch (r->kind) {
    case SYSREG_FIELD:
        v = *(uint64_t *)((char *)env + r->offset);
        break;
    case SYSREG_CPU_FIELD:
        v = *(uint64_t *)((char *)cpu + r->offset);
        break;
    case SYSREG_CURRENTEL:
        v = env->pstate & PSTATE_EL_MASK;
        break;
    case SYSREG_SP_EL0:
        v = arm_gdb_sp_el(env, 0);
        break;
    case SYSREG_SP_EL1:
        v = arm_gdb_sp_el(env, 1);
        break;
    }
    append_le(buf, v, 8);
    return 8;
}

/* Sizes of registers 0..67 (the core and fpu features). */
static int aarch64_gdb_core_size(int n)
{
    return n < 33 ? 8 : n == 33 ? 4 : n < 66 ? 16 : 4;
}

static int aarch64_gdb_write_reg(CPUState *cs, const uint8_t *mem, int len,
                                 int n)
{
    ARMCPU *cpu = ARM_CPU(cs);
    CPUARMState *env = &cpu->env;
    const ArmGdbSysreg *r;
    uint64_t v;

    if (n >= 0 && n < GDB_REG_SYS0) {
        if (len < aarch64_gdb_core_size(n)) {
            return 0;
        }
        return arm_gdb_write_register(cs, mem, n);
    }
    if (n < GDB_REG_SYS0 || n >= AARCH64_GDB_NUM_REGS || len < 8) {
        return 0;
    }
    v = load_le(mem, 8);
    r = &arm_gdb_sysregs[n - GDB_REG_SYS0];
    switch (r->kind) {
    case SYSREG_FIELD:
        *(uint64_t *)((char *)env + r->offset) = v;
        arm_rebuild_tb_flags(env);      /* SCTLR, CPACR, MDSCR */
        break;
    case SYSREG_SP_EL0:
    case SYSREG_SP_EL1:
        /* Update the banked copy, and xregs[31] if it is the live one. */
        aarch64_save_sp(env);
        env->sp_el[r->kind == SYSREG_SP_EL1] = v;
        aarch64_restore_sp(env);
        break;
    case SYSREG_CURRENTEL:
    case SYSREG_CPU_FIELD:
        /* Derived or identification values: writes are ignored. */
        break;
    }
    return 8;
}

/* target.xml: target-arm's core and fpu features, then ours. */
static char *aarch64_gdb_build_xml(void)
{
    const char *base = arm_gdb_target_xml();
    const char *end = strstr(base, "</target>");
    GString *x = g_string_new_len(base, end ? end - base : (gssize)strlen(base));

    g_string_append(x, "<feature name=\"org.plumb.gdb.aarch64.sysregs\">\n");
    for (size_t i = 0; i < G_N_ELEMENTS(arm_gdb_sysregs); i++) {
        g_string_append_printf(x, "<reg name=\"%s\" bitsize=\"64\" "
                               "type=\"uint64\" group=\"system\" "
                               "regnum=\"%d\"/>\n", arm_gdb_sysregs[i].name,
                               GDB_REG_SYS0 + (int)i);
    }
    g_string_append(x, "</feature>\n</target>\n");
    return g_string_free(x, FALSE);
}

static GdbTargetOps aarch64_gdb_ops = {
    .target = "aarch64",
    .num_regs = AARCH64_GDB_NUM_REGS,
    .num_g_regs = 34,           /* x0-x30, sp, pc, cpsr */
    .read_reg = aarch64_gdb_read_reg,
    .write_reg = aarch64_gdb_write_reg,
};

static void aarch64_gdb_register(void)
{
    /* Built once; lives as long as the process, like the ops. */
    aarch64_gdb_ops.xml = aarch64_gdb_build_xml();
    gdb_register_target(&aarch64_gdb_ops);
}
type_init(aarch64_gdb_register)
