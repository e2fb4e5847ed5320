/*
 * arm_gic.c - Arm GICv2 (IHI 0048B) distributor and CPU interface.
 *
 * Models a GIC without the Security Extensions (so GICD_CTLR and GICC_CTLR
 * have the two group enables and IGROUPR is read/write) and without the
 * virtualization extensions. 8 priority bits. SGIs are always enabled
 * (RAO/WI, as GIC-400) and edge-triggered; PPIs and SPIs are configurable.
 * The running priority is a stack of the interrupts acknowledged and not
 * yet EOId, which is what GICC_APR summarises in hardware.
 *
 * Not for: the GICv2 virtualization interface (GICH/GICV), the secure
 * banking, GICv1 quirks. Wiring and regions: include/hw/intc/arm_gic.h.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "migration/vmstate.h"
#include "hw/sysbus.h"
#include "hw/qdev-properties.h"
#include "hw/irq.h"
#include "hw/core/cpu.h"
#include "hw/intc/arm_gic.h"
#include "exec/memory.h"
#include "util/error.h"
#include "util/host-utils.h"

/* Distributor registers */
#define GICD_CTLR       0x000
#define GICD_TYPER      0x004
#define GICD_IIDR       0x008
#define GICD_IGROUPR    0x080
#define GICD_ISENABLER  0x100
#define GICD_ICENABLER  0x180
#define GICD_ISPENDR    0x200
#define GICD_ICPENDR    0x280
#define GICD_ISACTIVER  0x300
#define GICD_ICACTIVER  0x380
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR  0x800
#define GICD_ICFGR      0xc00
#define GICD_SGIR       0xf00
#define GICD_CPENDSGIR  0xf10
#define GICD_SPENDSGIR  0xf20
#define GICD_PIDR       0xfd0

/* CPU interface registers */
#define GICC_CTLR       0x00
#define GICC_PMR        0x04
#define GICC_BPR        0x08
#define GICC_IAR        0x0c
#define GICC_EOIR       0x10
#define GICC_RPR        0x14
#define GICC_HPPIR      0x18
#define GICC_ABPR       0x1c
#define GICC_AIAR       0x20
#define GICC_AEOIR      0x24
#define GICC_AHPPIR     0x28
#define GICC_APR0       0xd0
#define GICC_IIDR       0xfc
#define GICC_DIR        0x1000

#define GICD_CTLR_MASK  0x3         /* EnableGrp0, EnableGrp1 */
#define GICC_CTLR_EN0   (1u << 0)
#define GICC_CTLR_EN1   (1u << 1)
#define GICC_CTLR_FIQEN (1u << 3)
#define GICC_CTLR_CBPR  (1u << 4)
#define GICC_CTLR_EOIMODE (1u << 9)
#define GICC_CTLR_MASK  0x3ff

/* ARM as implementer (0x43b), product 0x02: what GIC-400 reports. */
#define GIC_DIST_IIDR   0x0200143b
#define GIC_CPU_IIDR    0x0202143b

static int gic_view_cpu(GICv2View *v, const char *what)
{
    int cpu = v->cpu;

    if (cpu < 0) {
        cpu = current_cpu ? current_cpu->cpu_index : 0;
        if (cpu < 0 || cpu >= (int)v->s->num_cpu) {
            log_mask(LOG_GUEST_ERROR, "arm_gic: %s access from CPU %d, "
                     "which the GIC does not serve (using CPU 0)\n", what, cpu);
            cpu = 0;
        }
    }
    return cpu;
}

static GICv2Irq *gic_irq(GICv2State *s, int cpu, int irq)
{
    return irq < GIC_INTERNAL ? &s->banked[cpu][irq] : &s->spi[irq];
}

static bool gic_pending(GICv2State *s, int cpu, int irq)
{
    GICv2Irq *p = gic_irq(s, cpu, irq);

    if (irq < GIC_NR_SGIS) {
        return s->sgi_sources[cpu][irq] != 0;
    }
    return p->latch || (!p->edge && p->level);
}

/* The group priority of @prio on @cpu's interface: the preemption field. */
/* The group priority of @prio on @cpu's interface: the preemption field. */
static uint8_t gic_gprio(GICv2State *s, int cpu, bool group1, uint8_t prio)
{
    if (group1 && !(s->cpu[cpu].ctlr & GICC_CTLR_CBPR)) {
        return gic_group_prio(prio, s->cpu[cpu].abpr);  /* [7:ABPR] */
    }
    return gic_group_prio(prio, s->cpu[cpu].bpr + 1);   /* [7:BPR+1] */
}

static unsigned gic_running(GICv2State *s, int cpu)
{
    return gic_running_prio(s->cpu[cpu].stack, s->cpu[cpu].depth);
}

/*
 * The highest priority pending interrupt @cpu could take (ignoring PMR and
 * the running priority), or GIC_SPURIOUS. Ties go to the lowest id.
 */
static int gic_hppi(GICv2State *s, int cpu)
{
    int best = GIC_SPURIOUS;
    unsigned best_prio = 0x100;

    for (int irq = 0; irq < (int)s->num_irq; irq++) {
        GICv2Irq *p = gic_irq(s, cpu, irq);
        unsigned grpbit = p->group ? 2 : 1;

        if (!p->enabled || p->active || !gic_pending(s, cpu, irq)) {
            continue;
        }
        if (irq >= GIC_INTERNAL && !(p->targets & (1u << cpu))) {
            continue;
        }
        if (!(s->ctlr & grpbit) || !(s->cpu[cpu].ctlr & grpbit)) {
            continue;
        }
        if (p->priority < best_prio) {
            best_prio = p->priority;
            best = irq;
        }
    }
    return best;
}

static bool gic_can_signal(GICv2State *s, int cpu, int irq)
{
    GICv2Irq *p = gic_irq(s, cpu, irq);

    return p->priority < s->cpu[cpu].pmr &&
           gic_gprio(s, cpu, p->group, p->priority) < gic_running(s, cpu);
}

static void gic_update(GICv2State *s)
{
    for (int cpu = 0; cpu < (int)s->num_cpu; cpu++) {
        int irq = gic_hppi(s, cpu);
        bool irq_level = false, fiq_level = false;

        if (irq != GIC_SPURIOUS && gic_can_signal(s, cpu, irq)) {
            bool grp0 = !gic_irq(s, cpu, irq)->group;

            if (grp0 && (s->cpu[cpu].ctlr & GICC_CTLR_FIQEN)) {
                fiq_level = true;
            } else {
                irq_level = true;
            }
        }
        gic_set_output(s->irq_out[cpu], &s->cpu[cpu].irq_level, irq_level);
        gic_set_output(s->fiq_out[cpu], &s->cpu[cpu].fiq_level, fiq_level);
    }
}

/* Input lines: SPIs first, then 32 lines per CPU for its PPIs. */
static void gic_set_irq(void *opaque, int n, int level)
{
    GICv2State *s = opaque;
    int nspi = s->num_irq - GIC_INTERNAL;
    GICv2Irq *p;

    if (n < nspi) {
        p = &s->spi[n + GIC_INTERNAL];
    } else {
        int cpu = (n - nspi) / GIC_INTERNAL, irq = (n - nspi) % GIC_INTERNAL;

        if (irq < GIC_NR_SGIS) {
            return;                 /* SGIs have no line */
        }
        p = &s->banked[cpu][irq];
    }
    if (level && !p->level && p->edge) {
        p->latch = true;
    }
    p->level = level != 0;
    gic_update(s);
}

/* ---------------------------------------------------------------- */
/* Acknowledge, priority drop, deactivation */

static uint32_t gic_acknowledge(GICv2State *s, int cpu)
{
    int irq = gic_hppi(s, cpu);
    GICv2Irq *p;
    uint32_t src = 0;

    if (irq == GIC_SPURIOUS || !gic_can_signal(s, cpu, irq)) {
        return GIC_SPURIOUS;
    }
    p = gic_irq(s, cpu, irq);
    if (irq < GIC_NR_SGIS) {
        /* The lowest-numbered source first; the others stay pending. */
        src = ctz32(s->sgi_sources[cpu][irq]);
        s->sgi_sources[cpu][irq] &= ~(1u << src);
    } else {
        p->latch = false;
    }
    p->active = true;
    irq_stats_count(s->irq_stats, irq);
    gic_prio_push(s->cpu[cpu].stack, &s->cpu[cpu].depth,
                  G_N_ELEMENTS(s->cpu[cpu].stack), irq,
                  gic_gprio(s, cpu, p->group, p->priority));
    gic_update(s);
    return irq | src << 10;
}

static void gic_deactivate(GICv2State *s, int cpu, int irq)
{
    gic_irq(s, cpu, irq)->active = false;
}

static void gic_eoi(GICv2State *s, int cpu, uint32_t val)
{
    int irq = val & 0x3ff;

    if (irq >= (int)s->num_irq) {
        if (irq < 1020) {
            log_mask(LOG_GUEST_ERROR, "arm_gic: EOI of unknown interrupt "
                     "%d\n", irq);
        }
        return;                     /* 1020..1023: ignored by the spec */
    }
    if (!gic_prio_drop(s->cpu[cpu].stack, &s->cpu[cpu].depth, irq)) {
        log_mask(LOG_GUEST_ERROR, "arm_gic: EOI of interrupt %d, which CPU "
                 "%d has not acknowledged\n", irq, cpu);
        return;
    }
    if (!(s->cpu[cpu].ctlr & GICC_CTLR_EOIMODE)) {
        gic_deactivate(s, cpu, irq);
    }
    gic_update(s);
}

/* ---------------------------------------------------------------- */
/* Distributor */

static void gic_send_sgi(GICv2State *s, int cpu, uint32_t val)
{
    int sgi = val & 0xf;
    unsigned targets;

    switch ((val >> 24) & 3) {
    case 0:
        targets = (val >> 16) & 0xff;
        break;
    case 1:
        targets = ((1u << s->num_cpu) - 1) & ~(1u << cpu);
        break;
    case 2:
        targets = 1u << cpu;
        break;
    default:
        log_mask(LOG_GUEST_ERROR, "arm_gic: GICD_SGIR with reserved target "
                 "list filter 3\n");
        return;
    }
    for (int t = 0; t < (int)s->num_cpu; t++) {
        if (targets & (1u << t)) {
            s->sgi_sources[t][sgi] |= 1u << cpu;
        }
    }
    gic_update(s);
}

/* One byte of IPRIORITYR/ITARGETSR/CPENDSGIR/SPENDSGIR. */
static uint32_t gic_dist_readb(GICv2State *s, int cpu, hwaddr off)
{
    if (off >= GICD_IPRIORITYR && off < GICD_IPRIORITYR + 0x400) {
        int irq = off - GICD_IPRIORITYR;

        return irq < (int)s->num_irq ? gic_irq(s, cpu, irq)->priority : 0;
    }
    if (off >= GICD_ITARGETSR && off < GICD_ITARGETSR + 0x400) {
        int irq = off - GICD_ITARGETSR;

        if (irq >= (int)s->num_irq) {
            return 0;
        }
        if (irq < GIC_INTERNAL) {
            return 1u << cpu;
        }
        return s->spi[irq].targets;
    }
    if (off >= GICD_CPENDSGIR && off < GICD_SPENDSGIR + 0x10) {
        return s->sgi_sources[cpu][(off - GICD_CPENDSGIR) & 0xf];
    }
    return 0;
}

static void gic_dist_writeb(GICv2State *s, int cpu, hwaddr off, uint8_t v)
{
    if (off >= GICD_IPRIORITYR && off < GICD_IPRIORITYR + 0x400) {
        int irq = off - GICD_IPRIORITYR;

        if (irq < (int)s->num_irq) {
            gic_irq(s, cpu, irq)->priority = v;
        }
    } else if (off >= GICD_ITARGETSR && off < GICD_ITARGETSR + 0x400) {
        int irq = off - GICD_ITARGETSR;

        if (irq < GIC_INTERNAL) {
            log_mask(LOG_GUEST_ERROR, "arm_gic: write to read-only "
                     "GICD_ITARGETSR byte of interrupt %d\n", irq);
        } else if (irq < (int)s->num_irq) {
            /*
             * This is the multiprocessor GIC wired to num-cpu interfaces,
             * also when num-cpu is 1: the bits of absent interfaces are
             * RAZ/WI and the others hold what was written (as KVM's vGIC;
             * kvm-unit-tests' gicv2-mmio-up checks it). The spec's
             * "uniprocessor implementation" with RAZ/WI targets, which
             * QEMU models, is a GIC built for one CPU only.
             */
            s->spi[irq].targets = v & ((1u << s->num_cpu) - 1);
        }
    } else if (off >= GICD_CPENDSGIR && off < GICD_CPENDSGIR + 0x10) {
        s->sgi_sources[cpu][off - GICD_CPENDSGIR] &= ~v;
    } else if (off >= GICD_SPENDSGIR && off < GICD_SPENDSGIR + 0x10) {
        s->sgi_sources[cpu][off - GICD_SPENDSGIR] |=
            v & ((1u << s->num_cpu) - 1);
    }
}

static bool gic_byte_reg(hwaddr off)
{
    return (off >= GICD_IPRIORITYR && off < GICD_ICFGR) ||
           (off >= GICD_CPENDSGIR && off < GICD_SPENDSGIR + 0x10);
}

/* Bit @bit of a 1-bit-per-interrupt register bank starting at @irq0. */
static uint32_t gic_dist_read_bits(GICv2State *s, int cpu, hwaddr base,
                                   int irq0)
{
    uint32_t v = 0;

    for (int i = 0; i < 32 && irq0 + i < (int)s->num_irq; i++) {
        int irq = irq0 + i;
        GICv2Irq *p = gic_irq(s, cpu, irq);
        bool b = false;

        switch (base) {
        case GICD_IGROUPR: b = p->group; break;
        case GICD_ISENABLER: case GICD_ICENABLER: b = p->enabled; break;
        case GICD_ISPENDR: case GICD_ICPENDR: b = gic_pending(s, cpu, irq); break;
        case GICD_ISACTIVER: case GICD_ICACTIVER: b = p->active; break;
        }
        v |= (uint32_t)b << i;
    }
    return v;
}

static void gic_dist_write_bits(GICv2State *s, int cpu, hwaddr base,
                                int irq0, uint32_t v)
{
    for (int i = 0; i < 32 && irq0 + i < (int)s->num_irq; i++) {
        int irq = irq0 + i;
        GICv2Irq *p = gic_irq(s, cpu, irq);
        bool b = (v >> i) & 1;

        if (base == GICD_IGROUPR) {
            p->group = b;
            continue;
        }
        if (!b) {
            continue;
        }
        switch (base) {
        case GICD_ISENABLER: p->enabled = true; break;
        case GICD_ICENABLER:
            if (irq >= GIC_NR_SGIS) {
                p->enabled = false;     /* SGIs cannot be disabled */
            }
            break;
        case GICD_ISPENDR:
            if (irq >= GIC_NR_SGIS) {   /* SGIs: SPENDSGIR */
                p->latch = true;
            }
            break;
        case GICD_ICPENDR:
            if (irq >= GIC_NR_SGIS) {
                p->latch = false;
            }
            break;
        case GICD_ISACTIVER: p->active = true; break;
        case GICD_ICACTIVER: p->active = false; break;
        }
    }
}

static uint32_t gic_dist_readl(GICv2State *s, int cpu, hwaddr off)
{
    if (off == GICD_CTLR) {
        return s->ctlr;
    }
    if (off == GICD_TYPER) {
        return (s->num_irq / 32 - 1) | (s->num_cpu - 1) << 5;
    }
    if (off == GICD_IIDR) {
        return GIC_DIST_IIDR;
    }
    if (off >= GICD_IGROUPR && off < GICD_IPRIORITYR) {
        hwaddr base = off & ~0x7f;

        return gic_dist_read_bits(s, cpu, base, (off - base) * 8);
    }
    if (off >= GICD_ICFGR && off < GICD_ICFGR + 0x100) {
        int irq0 = (off - GICD_ICFGR) * 4;
        uint32_t v = 0;

        for (int i = 0; i < 16 && irq0 + i < (int)s->num_irq; i++) {
            v |= (uint32_t)gic_irq(s, cpu, irq0 + i)->edge << (2 * i + 1);
        }
        return v;
    }
    if (off >= GICD_PIDR) {
        /* PIDR4..7, PIDR0..3, CIDR0..3: ArchRev 2 in PIDR2 */
        static const uint8_t id[12] = {
            0x04, 0, 0, 0, 0x90, 0xb4, 0x2b, 0x00, 0x0d, 0xf0, 0x05, 0xb1,
        };
        return id[(off - GICD_PIDR) / 4];
    }
    if (gic_byte_reg(off)) {
        uint32_t v = 0;

        for (int i = 0; i < 4; i++) {
            v |= gic_dist_readb(s, cpu, off + i) << (8 * i);
        }
        return v;
    }
    if (off == GICD_SGIR) {
        log_mask(LOG_GUEST_ERROR, "arm_gic: read of write-only GICD_SGIR\n");
    } else {
        log_mask(LOG_GUEST_ERROR, "arm_gic: read of reserved distributor "
                 "offset 0x%" HWADDR_PRIx "\n", off);
    }
    return 0;
}

static void gic_dist_writel(GICv2State *s, int cpu, hwaddr off, uint32_t v)
{
    if (off == GICD_CTLR) {
        s->ctlr = v & GICD_CTLR_MASK;
    } else if (off >= GICD_IGROUPR && off < GICD_IPRIORITYR) {
        hwaddr base = off & ~0x7f;

        gic_dist_write_bits(s, cpu, base, (off - base) * 8, v);
    } else if (off >= GICD_ICFGR && off < GICD_ICFGR + 0x100) {
        int irq0 = (off - GICD_ICFGR) * 4;

        for (int i = 0; i < 16 && irq0 + i < (int)s->num_irq; i++) {
            if (irq0 + i >= GIC_NR_SGIS) {      /* SGIs: always edge */
                GICv2Irq *p = gic_irq(s, cpu, irq0 + i);
                bool edge = (v >> (2 * i + 1)) & 1;

                if (edge && !p->edge && p->level) {
                    p->latch = true;    /* keep what the level showed */
                }
                p->edge = edge;
            }
        }
    } else if (gic_byte_reg(off)) {
        for (int i = 0; i < 4; i++) {
            gic_dist_writeb(s, cpu, off + i, v >> (8 * i));
        }
    } else if (off == GICD_SGIR) {
        gic_send_sgi(s, cpu, v);
        return;
    } else if (off == GICD_TYPER || off == GICD_IIDR || off >= GICD_PIDR) {
        log_mask(LOG_GUEST_ERROR, "arm_gic: write to read-only distributor "
                 "register 0x%" HWADDR_PRIx "\n", off);
        return;
    } else {
        log_mask(LOG_GUEST_ERROR, "arm_gic: write to reserved distributor "
                 "offset 0x%" HWADDR_PRIx "\n", off);
        return;
    }
    gic_update(s);
}

/* IPRIORITYR, ITARGETSR and the SGI pending bytes take bytes; the rest words. */
static bool gic_dist_accepts(void *opaque, hwaddr off, unsigned size,
                             bool is_write, MemTxAttrs attrs)
{
    if (size == 4) {
        return (off & 3) == 0;
    }
    return size == 1 && gic_byte_reg(off);
}

static MemTxResult gic_dist_read(void *opaque, hwaddr off, uint64_t *data,
                                 unsigned size, MemTxAttrs attrs)
{
    GICv2View *v = opaque;
    int cpu = gic_view_cpu(v, "distributor");

    *data = size == 1 ? gic_dist_readb(v->s, cpu, off)
                      : gic_dist_readl(v->s, cpu, off);
    return MEMTX_OK;
}

static MemTxResult gic_dist_write(void *opaque, hwaddr off, uint64_t data,
                                  unsigned size, MemTxAttrs attrs)
{
    GICv2View *v = opaque;
    int cpu = gic_view_cpu(v, "distributor");

    if (size == 1) {
        gic_dist_writeb(v->s, cpu, off, data);
        gic_update(v->s);
    } else {
        gic_dist_writel(v->s, cpu, off, data);
    }
    return MEMTX_OK;
}

static const MemoryRegionOps gic_dist_ops = {
    .read_with_attrs = gic_dist_read,
    .write_with_attrs = gic_dist_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4,
               .accepts = gic_dist_accepts },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

/* ---------------------------------------------------------------- */
/* CPU interface */

static MemTxResult gic_cpu_read(void *opaque, hwaddr off, uint64_t *data,
                                unsigned size, MemTxAttrs attrs)
{
    GICv2View *v = opaque;
    GICv2State *s = v->s;
    int cpu = gic_view_cpu(v, "CPU interface");
    uint32_t val = 0;

    switch (off) {
    case GICC_CTLR: val = s->cpu[cpu].ctlr; break;
    case GICC_PMR: val = s->cpu[cpu].pmr; break;
    case GICC_BPR: val = s->cpu[cpu].bpr; break;
    case GICC_ABPR: val = s->cpu[cpu].abpr; break;
    case GICC_IAR:
        val = attrs.debug ? GIC_SPURIOUS : gic_acknowledge(s, cpu);
        break;
    case GICC_RPR: {
        unsigned rp = gic_running(s, cpu);

        val = rp > 0xff ? 0xff : rp;
        break;
    }
    case GICC_HPPIR: {
        int irq = gic_hppi(s, cpu);

        val = irq;
        if (irq < GIC_NR_SGIS) {
            val |= ctz32(s->sgi_sources[cpu][irq]) << 10;
        }
        break;
    }
    case GICC_APR0: {
        /* One bit per preemption level in use: group priority >> 1. */
        for (int i = 0; i < s->cpu[cpu].depth; i++) {
            unsigned lvl = s->cpu[cpu].stack[i].gprio >> 1;

            if (lvl < 32) {
                val |= 1u << lvl;
            }
        }
        break;
    }
    case GICC_APR0 + 4: case GICC_APR0 + 8: case GICC_APR0 + 12:
        break;
    case GICC_IIDR: val = GIC_CPU_IIDR; break;
    case GICC_AIAR: case GICC_AHPPIR:
        log_mask(LOG_UNIMP, "arm_gic: GICC_AIAR/AHPPIR (alias registers) "
                 "read as spurious\n");
        val = GIC_SPURIOUS;
        break;
    case GICC_EOIR: case GICC_AEOIR: case GICC_DIR:
        log_mask(LOG_GUEST_ERROR, "arm_gic: read of write-only CPU interface "
                 "register 0x%" HWADDR_PRIx "\n", off);
        break;
    default:
        log_mask(LOG_GUEST_ERROR, "arm_gic: read of reserved CPU interface "
                 "offset 0x%" HWADDR_PRIx "\n", off);
        break;
    }
    *data = val;
    return MEMTX_OK;
}

static MemTxResult gic_cpu_write(void *opaque, hwaddr off, uint64_t data,
                                 unsigned size, MemTxAttrs attrs)
{
    GICv2View *v = opaque;
    GICv2State *s = v->s;
    int cpu = gic_view_cpu(v, "CPU interface");

    switch (off) {
    case GICC_CTLR: s->cpu[cpu].ctlr = data & GICC_CTLR_MASK; break;
    case GICC_PMR: s->cpu[cpu].pmr = data & 0xff; break;
    case GICC_BPR: s->cpu[cpu].bpr = data & 7; break;
    case GICC_ABPR: s->cpu[cpu].abpr = MAX(data & 7, 1); break;
    case GICC_EOIR: gic_eoi(s, cpu, data); return MEMTX_OK;
    case GICC_DIR: {
        int irq = data & 0x3ff;

        if (!(s->cpu[cpu].ctlr & GICC_CTLR_EOIMODE)) {
            log_mask(LOG_GUEST_ERROR, "arm_gic: GICC_DIR write with "
                     "EOImode 0\n");
        } else if (irq < (int)s->num_irq) {
            gic_deactivate(s, cpu, irq);
        }
        break;
    }
    case GICC_APR0: case GICC_APR0 + 4: case GICC_APR0 + 8:
    case GICC_APR0 + 12:
        log_mask(LOG_UNIMP, "arm_gic: GICC_APRn writes are ignored (the "
                 "active priorities come from the acknowledged interrupts)\n");
        break;
    case GICC_AEOIR:
        log_mask(LOG_UNIMP, "arm_gic: GICC_AEOIR ignored\n");
        break;
    case GICC_IAR: case GICC_RPR: case GICC_HPPIR: case GICC_IIDR:
    case GICC_AIAR: case GICC_AHPPIR:
        log_mask(LOG_GUEST_ERROR, "arm_gic: write to read-only CPU interface "
                 "register 0x%" HWADDR_PRIx "\n", off);
        break;
    default:
        log_mask(LOG_GUEST_ERROR, "arm_gic: write to reserved CPU interface "
                 "offset 0x%" HWADDR_PRIx "\n", off);
        break;
    }
    gic_update(s);
    return MEMTX_OK;
}

static const MemoryRegionOps gic_cpu_ops = {
    .read_with_attrs = gic_cpu_read,
    .write_with_attrs = gic_cpu_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

/* ---------------------------------------------------------------- */

static void gic_reset(DeviceState *dev)
{
    GICv2State *s = ARM_GIC(dev);

    s->ctlr = 0;
    for (int c = 0; c < GIC_MAX_CPU; c++) {
        for (int i = 0; i < GIC_INTERNAL; i++) {
            GICv2Irq *p = &s->banked[c][i];
            bool level = p->level;

            *p = (GICv2Irq) { .level = level };
            p->enabled = i < GIC_NR_SGIS;
            p->edge = i < GIC_NR_SGIS;
        }
        memset(s->sgi_sources[c], 0, sizeof(s->sgi_sources[c]));
        s->cpu[c].ctlr = 0;
        s->cpu[c].pmr = 0;
        s->cpu[c].bpr = 0;
        s->cpu[c].abpr = 1;
        s->cpu[c].depth = 0;
    }
    for (int i = GIC_INTERNAL; i < GIC_MAXIRQ; i++) {
        bool level = s->spi[i].level;

        s->spi[i] = (GICv2Irq) { .level = level };
        /* With one interface, SPIs reach it until the guest says not. */
        s->spi[i].targets = s->num_cpu == 1;
    }
    gic_update(s);
}

static void gic_realize(DeviceState *dev, GError **errp)
{
    GICv2State *s = ARM_GIC(dev);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    Object *obj = OBJECT(dev);

    if (s->num_cpu < 1 || s->num_cpu > GIC_MAX_CPU) {
        error_setg(errp, "arm_gic: num-cpu %u is out of range 1..%d",
                   s->num_cpu, GIC_MAX_CPU);
        return;
    }
    if (s->num_irq < 32 || s->num_irq > 1024 || s->num_irq % 32) {
        error_setg(errp, "arm_gic: num-irq %u must be a multiple of 32 in "
                   "32..1024", s->num_irq);
        return;
    }
    if (s->num_irq == 1024) {
        s->num_irq = GIC_MAXIRQ;    /* ids 1020..1023 are special */
    }
    qdev_init_gpio_in(dev, gic_set_irq,
                      s->num_irq - GIC_INTERNAL + GIC_INTERNAL * s->num_cpu);
    s->irq_stats = irq_stats_new(obj, s->num_irq);
    for (unsigned i = 0; i < s->num_cpu; i++) {
        sysbus_init_irq(sbd, &s->irq_out[i]);
    }
    for (unsigned i = 0; i < s->num_cpu; i++) {
        sysbus_init_irq(sbd, &s->fiq_out[i]);
    }
    s->dist_view = (GICv2View) { s, -1 };
    s->cpu_view = (GICv2View) { s, -1 };
    memory_region_init_io(&s->dist_iomem, obj, &gic_dist_ops, &s->dist_view,
                          "gic_dist", GIC_DIST_SIZE);
    memory_region_init_io(&s->cpu_iomem, obj, &gic_cpu_ops, &s->cpu_view,
                          "gic_cpu", GIC_CPU_SIZE);
    sysbus_init_mmio(sbd, &s->dist_iomem);
    sysbus_init_mmio(sbd, &s->cpu_iomem);
    for (unsigned i = 0; i < s->num_cpu; i++) {
        s->cpu_view_n[i] = (GICv2View) { s, i };
        memory_region_init_io(&s->cpu_views[i], obj, &gic_cpu_ops,
                              &s->cpu_view_n[i], "gic_cpu_n", GIC_CPU_SIZE);
        sysbus_init_mmio(sbd, &s->cpu_views[i]);
    }
    for (unsigned i = 0; i < s->num_cpu; i++) {
        s->dist_view_n[i] = (GICv2View) { s, i };
        memory_region_init_io(&s->dist_views[i], obj, &gic_dist_ops,
                              &s->dist_view_n[i], "gic_dist_n", GIC_DIST_SIZE);
        sysbus_init_mmio(sbd, &s->dist_views[i]);
    }
}

static void gic_unrealize(DeviceState *dev)
{
    GICv2State *s = ARM_GIC(dev);

    irq_stats_free(s->irq_stats);
    s->irq_stats = NULL;
    memory_region_destroy(&s->dist_iomem);
    memory_region_destroy(&s->cpu_iomem);
    for (unsigned i = 0; i < s->num_cpu; i++) {
        memory_region_destroy(&s->cpu_views[i]);
        memory_region_destroy(&s->dist_views[i]);
    }
}

static Property gic_properties[] = {
    DEFINE_PROP_UINT32("num-cpu", GICv2State, num_cpu, 1),
    DEFINE_PROP_UINT32("num-irq", GICv2State, num_irq, 32),
    DEFINE_PROP_END_OF_LIST(),
};

static int gic_post_load(void *opaque, int version_id)
{
    GICv2State *s = opaque;

    for (unsigned cpu = 0; cpu < s->num_cpu; cpu++) {
        if (s->cpu[cpu].depth < 0 ||
            s->cpu[cpu].depth > (int)G_N_ELEMENTS(s->cpu[cpu].stack)) {
            return -1;
        }
    }
    gic_update(s);
    /* The CPUs' interrupt lines are not state of their own: drive them. */
    for (unsigned cpu = 0; cpu < s->num_cpu; cpu++) {
        qemu_set_irq(s->irq_out[cpu], s->cpu[cpu].irq_level);
        qemu_set_irq(s->fiq_out[cpu], s->cpu[cpu].fiq_level);
    }
    return 0;
}

/* Everything from ctlr on is plain data (no pointers). */
static const VMStateDescription vmstate_gic = {
    .name = "arm_gic",
    .version_id = 1,
    .post_load = gic_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(ctlr, GICv2State),
        VMSTATE_BUFFER(banked, GICv2State),
        VMSTATE_BUFFER(spi, GICv2State),
        VMSTATE_BUFFER(sgi_sources, GICv2State),
        VMSTATE_BUFFER(cpu, GICv2State),
        VMSTATE_END_OF_LIST()
    },
};

static void gic_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->vmsd = &vmstate_gic;
    dc->desc = "Arm GICv2 interrupt controller";
    dc->realize = gic_realize;
    dc->unrealize = gic_unrealize;
    dc->reset = gic_reset;
    device_class_set_props(dc, gic_properties);
}

static const TypeInfo gic_info = {
    .name = TYPE_ARM_GIC,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(GICv2State),
    .class_init = gic_class_init,
};

static void gic_register_types(void)
{
    type_register_static(&gic_info);
}
type_init(gic_register_types)
