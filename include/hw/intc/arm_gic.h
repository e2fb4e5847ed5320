/*
 * arm_gic.h - the Arm GICv2 interrupt controller (distributor + CPU
 * interface, no Security Extensions, no virtualization extensions).
 *
 * Board wiring (QEMU's conventions, so that board code reads the same):
 *
 *     DeviceState *gic = qdev_new(TYPE_ARM_GIC);
 *     qdev_prop_set_uint32(gic, "num-cpu", smp_cpus);
 *     qdev_prop_set_uint32(gic, "num-irq", 32 + 256);
 *     sysbus_realize_and_unref(SYS_BUS_DEVICE(gic), &error_fatal);
 *     sysbus_mmio_map(SYS_BUS_DEVICE(gic), 0, 0x08000000);  // GICD
 *     sysbus_mmio_map(SYS_BUS_DEVICE(gic), 1, 0x08010000);  // GICC
 *     for (i = 0; i < smp_cpus; i++) {
 *         sysbus_connect_irq(sbd, i, <cpu i IRQ input>);
 *         sysbus_connect_irq(sbd, i + smp_cpus, <cpu i FIQ input>);
 *     }
 *     // SPI n (interrupt id 32 + n):  qdev_get_gpio_in(gic, n)
 *     // PPI p of cpu c (id 16..31):   qdev_get_gpio_in(gic, num_irq - 32 + c * 32 + p)
 *
 * MMIO regions: 0 distributor and 1 CPU interface, both banked by the
 * calling vCPU (current_cpu; CPU 0 when no vCPU is running, e.g. the
 * monitor). Then 2..2+n-1 the CPU interface as seen by CPU i, and
 * 2+n..2+2n-1 the distributor as seen by CPU i (tests, and boards that
 * give each CPU its own view).
 */
#ifndef HW_INTC_ARM_GIC_H
#define HW_INTC_ARM_GIC_H

#include "hw/sysbus.h"
#include "hw/intc/arm_gic_prio.h"
#include "exec/memory.h"

#define TYPE_ARM_GIC "arm_gic"

#define GIC_MAX_CPU         8
#define GIC_MAXIRQ          1020
#define GIC_NR_SGIS         16
#define GIC_INTERNAL        32      /* SGIs + PPIs, banked per CPU */
#define GIC_SPURIOUS        1023
#define GIC_DIST_SIZE       0x1000
#define GIC_CPU_SIZE        0x2000

typedef struct GICv2State GICv2State;

typedef struct GICv2Irq {
    uint8_t priority;
    uint8_t targets;        /* SPIs only: ITARGETSR byte */
    bool enabled;
    bool latch;             /* pending set by an edge or ISPENDR */
    bool level;             /* input line level */
    bool edge;              /* ICFGR: edge-triggered */
    bool active;
    bool group;             /* IGROUPR bit: 1 = group 1 */
} GICv2Irq;

/* A region's view: which CPU its banked registers belong to. */
typedef struct GICv2View {
    GICv2State *s;
    int cpu;                /* -1: the calling vCPU */
} GICv2View;

struct GICv2State {
    SysBusDevice parent_obj;
    IRQStats *irq_stats;        /* deliveries per INTID, for info irq */
    MemoryRegion dist_iomem, cpu_iomem;
    MemoryRegion cpu_views[GIC_MAX_CPU], dist_views[GIC_MAX_CPU];
    GICv2View dist_view, cpu_view;
    GICv2View cpu_view_n[GIC_MAX_CPU], dist_view_n[GIC_MAX_CPU];
    qemu_irq irq_out[GIC_MAX_CPU], fiq_out[GIC_MAX_CPU];

    uint32_t num_cpu;       /* property */
    uint32_t num_irq;       /* property: SGIs+PPIs+SPIs, multiple of 32 */

    uint32_t ctlr;                              /* GICD_CTLR */
    GICv2Irq banked[GIC_MAX_CPU][GIC_INTERNAL];
    GICv2Irq spi[GIC_MAXIRQ];                   /* index = interrupt id */
    uint8_t sgi_sources[GIC_MAX_CPU][GIC_NR_SGIS]; /* pending, bit = source */

    struct {
        uint32_t ctlr, pmr, bpr, abpr;
        GICPrio stack[GIC_MAXIRQ + 1];        /* acknowledged, not EOId */
        int depth;
        uint32_t apr;                           /* GICC_APR0 shadow */
        bool irq_level, fiq_level;
    } cpu[GIC_MAX_CPU];
};

#define ARM_GIC(obj) OBJECT_CHECK(GICv2State, (obj), TYPE_ARM_GIC)

#endif
