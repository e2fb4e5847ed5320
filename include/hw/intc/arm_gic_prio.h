/*
 * arm_gic_prio.h - what the GICv2 and GICv3 CPU interfaces share: the
 * stack of interrupts acknowledged and not yet priority-dropped, whose
 * lowest group priority is the running priority; the split of a priority
 * into its group (preemption) field by a binary point; and the IRQ/FIQ
 * output lines, raised or lowered only when their level changes.
 */
#ifndef HW_INTC_ARM_GIC_PRIO_H
#define HW_INTC_ARM_GIC_PRIO_H

#include "hw/irq.h"

typedef struct GICPrio {
    uint16_t irq;
    uint8_t gprio;          /* the group priority it runs at */
} GICPrio;

/* @prio's group field, bits [7:@shift] (all of it below the binary point). */
static inline uint8_t gic_group_prio(uint8_t prio, unsigned shift)
{
    return shift >= 8 ? 0 : (uint8_t)(prio & (0xff << shift));
}

/* The running priority: 0x100 (idle) when nothing is active. */
static inline unsigned gic_running_prio(const GICPrio *stack, int depth)
{
    unsigned rp = 0x100;

    for (int i = 0; i < depth; i++) {
        rp = MIN(rp, stack[i].gprio);
    }
    return rp;
}

/* Acknowledge: push @irq; a full stack (a guest nesting past every
 * priority level) keeps its entries and drops the new one. */
static inline void gic_prio_push(GICPrio *stack, int *depth, int max,
                                 unsigned irq, uint8_t gprio)
{
    if (*depth < max) {
        stack[*depth].irq = irq;
        stack[*depth].gprio = gprio;
        (*depth)++;
    }
}

/*
 * Priority drop (EOI) of @irq: the spec wants the most recent entry; any
 * is accepted, searched from the top. False if @irq is not on the stack.
 */
static inline bool gic_prio_drop(GICPrio *stack, int *depth, unsigned irq)
{
    int i;

    for (i = *depth - 1; i >= 0 && stack[i].irq != irq; i--) {
    }
    if (i < 0) {
        return false;
    }
    memmove(&stack[i], &stack[i + 1], (*depth - 1 - i) * sizeof(stack[0]));
    (*depth)--;
    return true;
}

/* Drive an output line to @level if it is not there already. */
static inline void gic_set_output(qemu_irq line, bool *cur, bool level)
{
    if (level != *cur) {
        *cur = level;
        qemu_set_irq(line, level);
    }
}

#endif
