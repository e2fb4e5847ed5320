/*
 * arm-semi.c - what an AArch64 guest asks of the "firmware" that is not
 * there: Arm semihosting through `hlt #0xf000` (with -semihosting) and
 * PSCI calls through `hvc #0` (the virt machine's conduit, with no EL2).
 *
 * Semihosting: w0 = operation, x1 = parameter (a pointer to a block of
 * 64-bit words for most operations); the result goes to x0. We implement
 * the console and exit calls that bare-metal tests use:
 *   SYS_WRITEC (0x03)  x1 -> one byte
 *   SYS_WRITE0 (0x04)  x1 -> NUL-terminated string
 *   SYS_WRITE  (0x05)  x1 -> { handle, buffer, length }; returns bytes NOT written
 *   SYS_EXIT   (0x18)  x1 -> { reason, subcode }: exit status = subcode when
 *                      reason is ADP_Stopped_ApplicationExit (0x20026), else 1
 *   SYS_EXIT_EXTENDED (0x20) same block
 * Console output goes to stderr (handle 1 to stdout), so that it never mixes
 * into the serial port's stream on stdout.
 *
 * PSCI (function id in w0, result in x0): PSCI_VERSION, CPU_ON, CPU_OFF,
 * AFFINITY_INFO, MIGRATE_INFO_TYPE, SYSTEM_OFF, SYSTEM_RESET, PSCI_FEATURES.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "target-arm/cpu.h"
#include "target-arm/internals.h"
#include "exec/exec-all.h"
#include "exec/cpu_ldst.h"
#include "sysemu/runstate.h"

#define SYS_WRITEC          0x03
#define SYS_WRITE0          0x04
#define SYS_WRITE           0x05
#define SYS_ERRNO           0x13
#define SYS_EXIT            0x18
#define SYS_EXIT_EXTENDED   0x20
#define ADP_Stopped_ApplicationExit 0x20026

#define PSCI_VERSION            0x84000000u
#define PSCI_CPU_OFF            0x84000002u
#define PSCI_CPU_ON_32          0x84000003u
#define PSCI_CPU_ON_64          0xc4000003u
#define PSCI_AFFINITY_INFO_32   0x84000004u
#define PSCI_AFFINITY_INFO_64   0xc4000004u
#define PSCI_MIGRATE_INFO_TYPE  0x84000006u
#define PSCI_SYSTEM_OFF         0x84000008u
#define PSCI_SYSTEM_RESET       0x84000009u
#define PSCI_FEATURES           0x8400000au

#define PSCI_RET_SUCCESS            0
#define PSCI_RET_NOT_SUPPORTED      (-1)
#define PSCI_RET_INVALID_PARAMS     (-2)
#define PSCI_RET_ALREADY_ON         (-4)

/* Stop this vCPU for good (after a shutdown/reset request, CPU_OFF). */
static NORETURN void arm_cpu_halt(CPUARMState *env)
{
    CPUState *cs = env_cpu(env);
    cs->halted = 1;
    cs->exception_index = EXCP_HLT;
    cpu_loop_exit(cs);
}

/* The CPU whose MPIDR affinity fields are those of @mpidr, or NULL. */
static ARMCPU *psci_find_cpu(uint64_t mpidr)
{
    CPUState *cs;
    uint64_t want = mpidr & 0xff00ffffffull;

    CPU_FOREACH(cs) {
        ARMCPU *cpu = ARM_CPU(cs);
        if (cs->tcg_ops == &arm_tcg_ops && (cpu->mpidr & 0xff00ffffffull) == want) {
            return cpu;
        }
    }
    return NULL;
}

/*
 * CPU_ON: start @target at @entry in EL1h with the MMU off and x0 =
 * @context. All vCPUs share one host thread, so the target is not running
 * while we set it up.
 */
static int64_t psci_cpu_on(uint64_t target, uint64_t entry, uint64_t context)
{
    ARMCPU *cpu = psci_find_cpu(target);
    CPUState *cs;

    if (!cpu) {
        return PSCI_RET_INVALID_PARAMS;
    }
    if (!cpu->power_off) {
        return PSCI_RET_ALREADY_ON;
    }
    cs = &cpu->parent_obj;
    cpu->power_off = false;
    cs->start_powered_off = false;
    arm_cpu_set_reset_pc(cpu, entry);
    cpu_reset(cs);
    cpu->env.xregs[0] = context;
    cs->halted = 0;
    qemu_cpu_kick(cs);
    return PSCI_RET_SUCCESS;
}

/* Read a guest byte string into a host buffer (faults become aborts). */
static void semi_write(CPUARMState *env, FILE *f, uint64_t addr, uint64_t len)
{
    char buf[256];
    while (len) {
        size_t n = len < sizeof(buf) ? len : sizeof(buf);
        for (size_t i = 0; i < n; i++) {
            buf[i] = cpu_ldub_data_ra(env, addr + i, 0);
        }
        fwrite(buf, 1, n, f);
        addr += n;
        len -= n;
    }
    fflush(f);
}

void arm_semihosting_call(CPUARMState *env)
{
    uint32_t op = env->xregs[0];
    uint64_t arg = env->xregs[1];
    uint64_t ret = 0;

    switch (op) {
    case SYS_WRITEC:
        semi_write(env, stderr, arg, 1);
        break;
    case SYS_WRITE0: {
        uint64_t len = 0;
        while (cpu_ldub_data_ra(env, arg + len, 0) != 0) {
            len++;
        }
        semi_write(env, stderr, arg, len);
        break;
    }
    case SYS_WRITE: {
        uint64_t handle = cpu_ldq_le_data_ra(env, arg, 0);
        uint64_t buf = cpu_ldq_le_data_ra(env, arg + 8, 0);
        uint64_t len = cpu_ldq_le_data_ra(env, arg + 16, 0);
        semi_write(env, handle == 1 ? stdout : stderr, buf, len);
        ret = 0;
        break;
    }
    case SYS_ERRNO:
        ret = 0;
        break;
    case SYS_EXIT:
    case SYS_EXIT_EXTENDED: {
        uint64_t reason = cpu_ldq_le_data_ra(env, arg, 0);
        uint64_t code = cpu_ldq_le_data_ra(env, arg + 8, 0);
        int status = reason == ADP_Stopped_ApplicationExit ? (int)code : 1;
        qemu_system_shutdown_request_with_code(status);
        env->pc += 4;
        arm_cpu_halt(env);
    }
    default:
        log_mask(LOG_UNIMP, "aarch64: semihosting operation 0x%x "
                 "not implemented\n", op);
        ret = (uint64_t)-1;
        break;
    }
    env->xregs[0] = ret;
    env->pc += 4;
}

static bool psci_known(uint32_t fn)
{
    switch (fn) {
    case PSCI_VERSION:
    case PSCI_CPU_OFF:
    case PSCI_CPU_ON_32:
    case PSCI_CPU_ON_64:
    case PSCI_AFFINITY_INFO_32:
    case PSCI_AFFINITY_INFO_64:
    case PSCI_MIGRATE_INFO_TYPE:
    case PSCI_SYSTEM_OFF:
    case PSCI_SYSTEM_RESET:
    case PSCI_FEATURES:
        return true;
    default:
        return false;
    }
}

bool arm_psci_call(CPUARMState *env)
{
    uint32_t fn = env->xregs[0];
    int64_t ret;

    switch (fn) {
    case PSCI_VERSION:
        ret = 0x00010001;                   /* PSCI 1.1 */
        break;
    /*
     * SYSTEM_OFF/RESET do not return: the CPU stays off (an interrupt must
     * not resume it after the HVC before the main loop acts on the request;
     * Linux would print "Reboot failed") until the machine reset.
     */
    case PSCI_SYSTEM_OFF:
        qemu_system_shutdown_request(SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
        env_archcpu(env)->power_off = true;
        arm_cpu_halt(env);
    case PSCI_SYSTEM_RESET:
        qemu_system_reset_request(SHUTDOWN_CAUSE_GUEST_RESET);
        env_archcpu(env)->power_off = true;
        arm_cpu_halt(env);
    case PSCI_CPU_OFF:
        env_archcpu(env)->power_off = true;
        arm_cpu_halt(env);
    case PSCI_CPU_ON_32:
        ret = psci_cpu_on((uint32_t)env->xregs[1], (uint32_t)env->xregs[2],
                          (uint32_t)env->xregs[3]);
        break;
    case PSCI_CPU_ON_64:
        ret = psci_cpu_on(env->xregs[1], env->xregs[2], env->xregs[3]);
        break;
    case PSCI_AFFINITY_INFO_32:
    case PSCI_AFFINITY_INFO_64: {
        ARMCPU *cpu = psci_find_cpu(fn == PSCI_AFFINITY_INFO_32 ?
                                    (uint32_t)env->xregs[1] : env->xregs[1]);
        /* Only level 0 (a single core) is supported. */
        if (!cpu || env->xregs[2] != 0) {
            ret = PSCI_RET_INVALID_PARAMS;
        } else {
            ret = cpu->power_off ? 1 /* OFF */ : 0 /* ON */;
        }
        break;
    }
    case PSCI_MIGRATE_INFO_TYPE:
        ret = 2;                            /* no Trusted OS to migrate */
        break;
    case PSCI_FEATURES:
        ret = psci_known(env->xregs[1]) ? PSCI_RET_SUCCESS
                                        : PSCI_RET_NOT_SUPPORTED;
        break;
    default:
        log_mask(LOG_GUEST_ERROR, "aarch64: unknown PSCI function 0x%x\n", fn);
        env->xregs[0] = (uint64_t)(int64_t)PSCI_RET_NOT_SUPPORTED;
        return false;
    }
    env->xregs[0] = (uint64_t)ret;
    return true;
}
