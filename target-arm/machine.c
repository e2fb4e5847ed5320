/*
 * machine.c - the migratable state of an Arm vCPU (softmmu/migration.c
 * sends it as the CPU's section).
 *
 * CPUARMState up to reset_pc is plain data by convention (reset clears it
 * with one memset, so it holds no pointers), and it goes as one block:
 * registers added to env later migrate without a change here. The rest is
 * listed: PSCI power state, WFI halt. post_load recomputes what derives
 * from env: the generic timers' deadlines from CNT*_CTL/CVAL, and the
 * core watchpoints from DBGWVR/DBGWCR, and the cached TB flags.
 */
#include "util/osdep.h"
#include "target-arm/cpu.h"
#include "target-arm/internals.h"
#include "exec/exec-all.h"
#include "migration/vmstate.h"

static int arm_cpu_post_load(void *opaque, int version_id)
{
    ARMCPU *cpu = opaque;

    /* The float_status copies came with env; FPCR is their source anyway. */
    vfp_set_fpcr(&cpu->env, cpu->env.fpcr);
    arm_gt_update(cpu);
    /* The core's watchpoints follow DBGWVR/DBGWCR (breakpoints are TB flags). */
    arm_debug_update_wp(&cpu->env);
    arm_rebuild_tb_flags(&cpu->env);
    /* Entries of the source's ASIDs mean nothing here. */
    tlb_flush(&cpu->parent_obj);
    arm_update_asid(&cpu->env);
    return 0;
}

const VMStateDescription vmstate_arm_cpu = {
    .name = "cpu",
    .version_id = 1,
    .post_load = arm_cpu_post_load,
    .fields = (const VMStateField[]) {
        {
            .name = "env", .kind = VMS_BUFFER, .offset = offsetof(ARMCPU, env),
            .size = offsetof(CPUARMState, reset_pc), .num = 1,
        },
        VMSTATE_UINT32(parent_obj.halted, ARMCPU),
        VMSTATE_BOOL(power_off, ARMCPU),
        VMSTATE_END_OF_LIST()
    },
};
