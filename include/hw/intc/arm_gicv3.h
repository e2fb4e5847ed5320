/*
 * arm_gicv3.h - the Arm GICv3 interrupt controller: distributor,
 * redistributors (MMIO) and the CPU interface (system registers, reached
 * through gicv3_icc_read/write). One security state (GICD_CTLR.DS = 1),
 * affinity routing always on (ARE = 1), no LPIs and no ITS.
 *
 * Board wiring (QEMU's virt conventions):
 *
 *     DeviceState *gic = qdev_new(TYPE_ARM_GICV3);
 *     qdev_prop_set_uint32(gic, "num-cpu", smp_cpus);
 *     qdev_prop_set_uint32(gic, "num-irq", 32 + 256);
 *     sysbus_realize_and_unref(SYS_BUS_DEVICE(gic), &error_fatal);
 *     sysbus_mmio_map(sbd, 0, 0x08000000);      // GICD, 64 KiB
 *     sysbus_mmio_map(sbd, 1, 0x080a0000);      // GICR, 128 KiB per CPU
 *     for (i = 0; i < smp_cpus; i++) {
 *         sysbus_connect_irq(sbd, i, <cpu i IRQ input>);
 *         sysbus_connect_irq(sbd, i + smp_cpus, <cpu i FIQ input>);
 *     }
 *     // SPI n (INTID 32 + n):  qdev_get_gpio_in(gic, n)
 *     // PPI p of cpu c:        qdev_get_gpio_in(gic, num_irq - 32 + c * 32 + p)
 *
 * CPU i has affinity gicv3_cpu_affinity(i) (Aff1 = i / 16, Aff0 = i % 16,
 * what QEMU's virt gives MPIDR_EL1 with a GICv3); the CPU model must report
 * the same MPIDR_EL1. "redist-region-count" (0 = all in one) is how many
 * redistributors the first region (mmio 1) holds; the rest go to a second
 * region (mmio 2). GICR_TYPER.Last marks the last frame of each region.
 *
 * "has-lpi" (off by default; the board sets it when it adds an ITS) gives
 * the redistributors LPIs: GICD_TYPER.LPIS with 16 INTID bits,
 * GICR_TYPER.PLPIS, GICR_CTLR.EnableLPIs, GICR_PROPBASER/PENDBASER, and the
 * LPI configuration and pending tables in guest memory (read and written
 * through address_space_memory; the configuration of a pending LPI is read
 * when it becomes pending and on INV/INVALL). An ITS (arm_gicv3_its.h) makes LPIs
 * pending with gicv3_lpi_set_pending(); the CPU acknowledges them through
 * ICC_IAR1_EL1 like any Group 1 interrupt.
 */
#ifndef HW_INTC_ARM_GICV3_H
#define HW_INTC_ARM_GICV3_H

#include "hw/sysbus.h"
#include "hw/intc/arm_gic_prio.h"
#include "exec/memory.h"

#define TYPE_ARM_GICV3 "arm-gicv3"

#define GICV3_MAX_CPU       32
#define GICV3_MAXIRQ        1020
#define GICV3_INTERNAL      32
#define GICV3_NR_SGIS       16
#define GICV3_SPURIOUS      1023
#define GICV3_DIST_SIZE     0x10000
#define GICV3_REDIST_SIZE   0x20000     /* RD_base + SGI_base frames */
#define GICV3_LPI_INTID_START 8192
#define GICV3_LPI_IDBITS    16          /* INTID bits with LPIs */
#define GICV3_LPI_NR_IDS    (1u << GICV3_LPI_IDBITS)

/* CPU interface registers for gicv3_icc_read/write. */
enum {
    GICV3_ICC_PMR,
    GICV3_ICC_IAR0,
    GICV3_ICC_IAR1,
    GICV3_ICC_EOIR0,
    GICV3_ICC_EOIR1,
    GICV3_ICC_HPPIR0,
    GICV3_ICC_HPPIR1,
    GICV3_ICC_BPR0,
    GICV3_ICC_BPR1,
    GICV3_ICC_DIR,
    GICV3_ICC_RPR,
    GICV3_ICC_CTLR,
    GICV3_ICC_SRE,
    GICV3_ICC_IGRPEN0,
    GICV3_ICC_IGRPEN1,
    GICV3_ICC_SGI0R,
    GICV3_ICC_SGI1R,
    GICV3_ICC_ASGI1R,
    GICV3_ICC_AP0R0,            /* AP0R0..3 */
    GICV3_ICC_AP1R0 = GICV3_ICC_AP0R0 + 4,  /* AP1R0..3 */
    GICV3_ICC_NUM = GICV3_ICC_AP1R0 + 4,
};

typedef struct GICv3State GICv3State;

typedef struct GICv3Irq {
    uint8_t priority;
    bool enabled, latch, level, edge, active, group;
    uint64_t route;             /* SPIs: GICD_IROUTER */
} GICv3Irq;

/* One redistributor region: frames for CPUs first .. first + count - 1. */
typedef struct GICv3RedistRegion {
    GICv3State *s;
    int first, count;
} GICv3RedistRegion;

struct GICv3State {
    SysBusDevice parent_obj;
    IRQStats *irq_stats;        /* deliveries per INTID, for info irq */
    MemoryRegion dist_iomem, redist_iomem[2];
    GICv3RedistRegion redist_region[2];
    qemu_irq irq_out[GICV3_MAX_CPU], fiq_out[GICV3_MAX_CPU];

    uint32_t num_cpu;               /* property */
    uint32_t num_irq;               /* property */
    uint32_t redist_region_count;   /* property: redistributors in region 0 */
    bool has_lpi;                   /* property: LPIs (an ITS is present) */

    uint32_t ctlr;                  /* GICD_CTLR enables */
    GICv3Irq banked[GICV3_MAX_CPU][GICV3_INTERNAL];
    GICv3Irq spi[GICV3_MAXIRQ];

    struct {
        uint32_t waker;
        uint32_t ctlr, pmr, bpr0, bpr1, igrpen0, igrpen1;
        GICPrio stack[256];
        int depth;
        bool irq_level, fiq_level;
        /* LPIs (arm_gicv3_lpi.c) */
        uint64_t propbaser, pendbaser;
        bool lpi_enabled;           /* GICR_CTLR.EnableLPIs */
        bool pend_ptz;              /* last PENDBASER write had PTZ set */
        unsigned long *lpi_pending; /* GICV3_LPI_NR_IDS bits, mirrors table */
        uint32_t lpi_count;         /* bits set in lpi_pending */
        uint8_t *lpi_cfg;           /* config bytes of pending LPIs, cached */
    } cpu[GICV3_MAX_CPU];
};

#define ARM_GICV3(obj) OBJECT_CHECK(GICv3State, (obj), TYPE_ARM_GICV3)

/* The affinity (Aff3.Aff2.Aff1.Aff0 as in MPIDR_EL1 bits [39:32,23:0]). */
uint64_t gicv3_cpu_affinity(int cpu);

/**
 * gicv3_icc_read/gicv3_icc_write: the CPU interface system registers of
 * @cpu (ICC_*_EL1; @reg is a GICV3_ICC_* value). Reads of IAR0/IAR1
 * acknowledge; writes to read-only registers are logged guest errors.
 */
uint64_t gicv3_icc_read(GICv3State *s, int cpu, int reg);
void gicv3_icc_write(GICv3State *s, int cpu, int reg, uint64_t val);

/**
 * gicv3_icc_reg_from_encoding: the GICV3_ICC_* register an MRS/MSR with
 * this encoding names (op0=3), or -1 if it is not an EL1 CPU interface
 * register. For the CPU model's system register decoder.
 */
int gicv3_icc_reg_from_encoding(int op0, int op1, int crn, int crm, int op2);

/* Re-evaluate every CPU's IRQ/FIQ output (after any change of state). */
void gicv3_update(GICv3State *s);

/*
 * LPIs (hw/intc/arm_gicv3_lpi.c), used by arm_gicv3.c and by the ITS.
 * @cpu is a redistributor index (= CPU index = GICR_TYPER.Processor_Number).
 */
void gicv3_lpi_realize(GICv3State *s);
void gicv3_lpi_unrealize(GICv3State *s);
void gicv3_lpi_reset(GICv3State *s);
/* After migration: rebuild the LPI caches from the pending tables in RAM. */
void gicv3_lpi_post_load(GICv3State *s);
/* GICR_CTLR, GICR_PROPBASER, GICR_PENDBASER; false if @f is another one. */
bool gicv3_lpi_gicr_read(GICv3State *s, int cpu, hwaddr f, unsigned size,
                         uint64_t *val);
bool gicv3_lpi_gicr_write(GICv3State *s, int cpu, hwaddr f, uint64_t val,
                          unsigned size);
/* If a pending, enabled LPI of @cpu beats *@best_prio, make it *@best. */
void gicv3_lpi_best(GICv3State *s, int cpu, int *best, unsigned *best_prio);
/* The priority of pending LPI @intid (its cached configuration byte). */
uint8_t gicv3_lpi_priority(GICv3State *s, int cpu, int intid);
/* The CPU took @intid: it is no longer pending (LPIs have no active state). */
void gicv3_lpi_acknowledge(GICv3State *s, int cpu, int intid);
/**
 * gicv3_lpi_set_pending: make LPI @intid pending (or not) on redistributor
 * @cpu, in its state and its pending table, and update the outputs. An LPI
 * for a redistributor whose EnableLPIs is 0, or outside its PROPBASER.IDbits,
 * is dropped with a guest error. Returns false then.
 */
bool gicv3_lpi_set_pending(GICv3State *s, int cpu, uint32_t intid, bool on);
bool gicv3_lpi_is_pending(GICv3State *s, int cpu, uint32_t intid);
/* INV / INVALL: read the configuration of one / every pending LPI again. */
void gicv3_lpi_inv(GICv3State *s, int cpu, uint32_t intid);
void gicv3_lpi_invall(GICv3State *s, int cpu);
/* MOVALL: every LPI pending on @from becomes pending on @to instead. */
void gicv3_lpi_move_all(GICv3State *s, int from, int to);

#endif
