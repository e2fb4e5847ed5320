/*
 * arm_gicv3.c - Arm GICv3 (IHI 0069) distributor, redistributors and CPU
 * interface, for one security state (GICD_CTLR.DS = 1: what a guest sees
 * without EL3) with affinity routing on (ARE = 1).
 *
 * Group 0 is signalled as FIQ, Group 1 as IRQ. 8 priority bits. SGIs are
 * edge-triggered, carry no source CPU (affinity routing) and, unlike our
 * GICv2, have read/write enables. SPIs go to the one CPU whose affinity
 * matches GICD_IROUTER (1-of-N is not offered: TYPER.No1N = 1).
 * GICR_WAKER.ProcessorSleep is kept and read back (ChildrenAsleep follows
 * it) but does not gate delivery.
 *
 * With "has-lpi" the redistributors also take LPIs (INTID 8192 and up,
 * sent by an ITS); their state and tables live in arm_gicv3_lpi.c, and this
 * file only asks it for the best pending LPI and hands it the LPI registers.
 *
 * Not for: the ITS (arm_gicv3_its.c), GICv4, the two-security-state register
 * banking, the virtual CPU interface (ICH_*). Wiring:
 * include/hw/intc/arm_gicv3.h.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "util/host-utils.h"
#include "migration/vmstate.h"
#include "hw/sysbus.h"
#include "hw/qdev-properties.h"
#include "hw/irq.h"
#include "hw/intc/arm_gicv3.h"
#include "exec/memory.h"

/* Distributor */
#define GICD_CTLR       0x0000
#define GICD_TYPER      0x0004
#define GICD_IIDR       0x0008
#define GICD_TYPER2     0x000c
#define GICD_IGROUPR    0x0080
#define GICD_ISENABLER  0x0100
#define GICD_ICENABLER  0x0180
#define GICD_ISPENDR    0x0200
#define GICD_ICPENDR    0x0280
#define GICD_ISACTIVER  0x0300
#define GICD_ICACTIVER  0x0380
#define GICD_IPRIORITYR 0x0400
#define GICD_ITARGETSR  0x0800
#define GICD_ICFGR      0x0c00
#define GICD_IGRPMODR   0x0d00
#define GICD_SGIR       0x0f00
#define GICD_IROUTER    0x6000
#define GICD_PIDR2      0xffe8

/* Redistributor RD_base */
#define GICR_CTLR       0x0000
#define GICR_IIDR       0x0004
#define GICR_TYPER      0x0008
#define GICR_WAKER      0x0014
#define GICR_PROPBASER  0x0070
#define GICR_PENDBASER  0x0078
#define GICR_PIDR2      0xffe8
/* SGI_base = RD_base + 64K; the registers keep the distributor's offsets */
#define GICR_SGI_BASE   0x10000

#define GICD_CTLR_EN_GRP0   (1u << 0)
#define GICD_CTLR_EN_GRP1   (1u << 1)
#define GICD_CTLR_ARE       (1u << 4)
#define GICD_CTLR_DS        (1u << 6)

#define WAKER_PS        (1u << 1)       /* ProcessorSleep */
#define WAKER_CA        (1u << 2)       /* ChildrenAsleep */

#define ICC_CTLR_CBPR       (1u << 0)
#define ICC_CTLR_EOIMODE    (1u << 1)
#define ICC_CTLR_PMHE       (1u << 6)
#define ICC_CTLR_PRIBITS    (7u << 8)   /* 8 priority bits */
#define ICC_CTLR_RW         (ICC_CTLR_CBPR | ICC_CTLR_EOIMODE | ICC_CTLR_PMHE)

/* ARM (0x43b), product 0x03 (GIC-500-like) */
#define GICV3_IIDR      0x0300143b

uint64_t gicv3_cpu_affinity(int cpu)
{
    return (uint64_t)(cpu / 16) << 8 | (cpu % 16);
}

/* IROUTER/SGI1R-style affinity as the MPIDR-like value above. */
static uint64_t irouter_affinity(uint64_t r)
{
    return (r & 0xffffff) | ((r >> 32) & 0xff) << 32;
}

static GICv3Irq *gicv3_irq(GICv3State *s, int cpu, int irq)
{
    return irq < GICV3_INTERNAL ? &s->banked[cpu][irq] : &s->spi[irq];
}

static bool gicv3_is_lpi(GICv3State *s, int irq)
{
    return s->has_lpi && irq >= GICV3_LPI_INTID_START;
}

/* LPIs have no GICv3Irq: their priority is in the guest's config table. */
static uint8_t gicv3_prio_of(GICv3State *s, int cpu, int irq)
{
    return gicv3_is_lpi(s, irq) ? gicv3_lpi_priority(s, cpu, irq)
                                : gicv3_irq(s, cpu, irq)->priority;
}

/* LPIs are always Group 1 (non-secure, with one security state). */
static bool gicv3_group_of(GICv3State *s, int cpu, int irq)
{
    return gicv3_is_lpi(s, irq) || gicv3_irq(s, cpu, irq)->group;
}

static bool gicv3_pending(GICv3Irq *p)
{
    return p->latch || (!p->edge && p->level);
}

static bool gicv3_targets(GICv3State *s, int cpu, int irq)
{
    return irq < GICV3_INTERNAL ||
           irouter_affinity(s->spi[irq].route) == gicv3_cpu_affinity(cpu);
}

static uint8_t gicv3_gprio(GICv3State *s, int cpu, bool group1, uint8_t prio)
{
    if (group1 && !(s->cpu[cpu].ctlr & ICC_CTLR_CBPR)) {
        return gic_group_prio(prio, s->cpu[cpu].bpr1);      /* [7:BPR1] */
    }
    return gic_group_prio(prio, s->cpu[cpu].bpr0 + 1);      /* [7:BPR0+1] */
}

static unsigned gicv3_running(GICv3State *s, int cpu)
{
    return gic_running_prio(s->cpu[cpu].stack, s->cpu[cpu].depth);
}

static bool gicv3_group_enabled(GICv3State *s, int cpu, bool group1)
{
    if (group1) {
        return (s->ctlr & GICD_CTLR_EN_GRP1) && s->cpu[cpu].igrpen1;
    }
    return (s->ctlr & GICD_CTLR_EN_GRP0) && s->cpu[cpu].igrpen0;
}

/* Highest priority pending interrupt for @cpu, lowest id on a tie. */
static int gicv3_hppi(GICv3State *s, int cpu)
{
    int best = GICV3_SPURIOUS;
    unsigned best_prio = 0x100;

    for (int irq = 0; irq < (int)s->num_irq; irq++) {
        GICv3Irq *p = gicv3_irq(s, cpu, irq);

        if (!p->enabled || p->active || !gicv3_pending(p) ||
            !gicv3_targets(s, cpu, irq) ||
            !gicv3_group_enabled(s, cpu, p->group)) {
            continue;
        }
        if (p->priority < best_prio) {
            best_prio = p->priority;
            best = irq;
        }
    }
    if (s->has_lpi && gicv3_group_enabled(s, cpu, true)) {
        gicv3_lpi_best(s, cpu, &best, &best_prio);
    }
    return best;
}

static bool gicv3_can_signal(GICv3State *s, int cpu, int irq)
{
    uint8_t prio = gicv3_prio_of(s, cpu, irq);

    return prio < s->cpu[cpu].pmr &&
           gicv3_gprio(s, cpu, gicv3_group_of(s, cpu, irq), prio) <
           gicv3_running(s, cpu);
}

void gicv3_update(GICv3State *s)
{
    for (int cpu = 0; cpu < (int)s->num_cpu; cpu++) {
        int irq = gicv3_hppi(s, cpu);
        bool irq_level = false, fiq_level = false;

        if (irq != GICV3_SPURIOUS && gicv3_can_signal(s, cpu, irq)) {
            if (gicv3_group_of(s, cpu, irq)) {
                irq_level = true;
            } else {
                fiq_level = true;
            }
        }
        gic_set_output(s->irq_out[cpu], &s->cpu[cpu].irq_level, irq_level);
        gic_set_output(s->fiq_out[cpu], &s->cpu[cpu].fiq_level, fiq_level);
    }
}

static void gicv3_set_irq(void *opaque, int n, int level)
{
    GICv3State *s = opaque;
    int nspi = s->num_irq - GICV3_INTERNAL;
    GICv3Irq *p;

    if (n < nspi) {
        p = &s->spi[n + GICV3_INTERNAL];
    } else {
        int cpu = (n - nspi) / GICV3_INTERNAL;
        int irq = (n - nspi) % GICV3_INTERNAL;

        if (irq < GICV3_NR_SGIS) {
            return;
        }
        p = &s->banked[cpu][irq];
    }
    if (level && !p->level && p->edge) {
        p->latch = true;
    }
    p->level = level != 0;
    gicv3_update(s);
}

/* ---------------------------------------------------------------- */
/* Bit-per-interrupt and byte-per-interrupt register banks, shared by the
 * distributor (SPIs) and the redistributors' SGI_base (SGIs and PPIs). */

static uint32_t gicv3_read_bits(GICv3State *s, int cpu, hwaddr base,
                                int irq0)
{
    uint32_t v = 0;

    for (int i = 0; i < 32 && irq0 + i < (int)s->num_irq; i++) {
        GICv3Irq *p = gicv3_irq(s, cpu, irq0 + i);
        bool b = false;

        switch (base) {
        case GICD_IGROUPR: b = p->group; break;
        case GICD_ISENABLER: case GICD_ICENABLER: b = p->enabled; break;
        case GICD_ISPENDR: case GICD_ICPENDR: b = gicv3_pending(p); break;
        case GICD_ISACTIVER: case GICD_ICACTIVER: b = p->active; break;
        }
        v |= (uint32_t)b << i;
    }
    return v;
}

static void gicv3_write_bits(GICv3State *s, int cpu, hwaddr base, int irq0,
                             uint32_t v)
{
    for (int i = 0; i < 32 && irq0 + i < (int)s->num_irq; i++) {
        GICv3Irq *p = gicv3_irq(s, cpu, irq0 + i);
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
        case GICD_ICENABLER: p->enabled = false; break;
        case GICD_ISPENDR: p->latch = true; break;
        case GICD_ICPENDR: p->latch = false; break;
        case GICD_ISACTIVER: p->active = true; break;
        case GICD_ICACTIVER: p->active = false; break;
        }
    }
}

static uint32_t gicv3_read_icfgr(GICv3State *s, int cpu, int irq0)
{
    uint32_t v = 0;

    for (int i = 0; i < 16 && irq0 + i < (int)s->num_irq; i++) {
        v |= (uint32_t)gicv3_irq(s, cpu, irq0 + i)->edge << (2 * i + 1);
    }
    return v;
}

static void gicv3_write_icfgr(GICv3State *s, int cpu, int irq0, uint32_t v)
{
    for (int i = 0; i < 16 && irq0 + i < (int)s->num_irq; i++) {
        GICv3Irq *p = gicv3_irq(s, cpu, irq0 + i);
        bool edge = (v >> (2 * i + 1)) & 1;

        if (irq0 + i < GICV3_NR_SGIS) {
            continue;                   /* SGIs: always edge */
        }
        if (edge && !p->edge && p->level) {
            p->latch = true;
        }
        p->edge = edge;
    }
}

/*
 * The registers the distributor and SGI_base have in common. @lo/@hi: the
 * interrupt ids this frame owns (SPIs for GICD, 0..31 for GICR); other ids
 * are RAZ/WI. Returns false if @off is not one of them.
 */
static bool gicv3_common_read(GICv3State *s, int cpu, hwaddr off,
                              unsigned size, int lo, int hi, uint64_t *val)
{
    int irq0;

    if (off >= GICD_IGROUPR && off < GICD_IPRIORITYR) {
        hwaddr base = off & ~0x7f;

        irq0 = (off - base) * 8;
        *val = irq0 >= lo && irq0 < hi ? gicv3_read_bits(s, cpu, base, irq0)
                                       : 0;
        return true;
    }
    if (off >= GICD_IPRIORITYR && off < GICD_IPRIORITYR + 0x400) {
        *val = 0;
        for (unsigned i = 0; i < size; i++) {
            int irq = off - GICD_IPRIORITYR + i;

            if (irq >= lo && irq < hi && irq < (int)s->num_irq) {
                *val |= (uint64_t)gicv3_irq(s, cpu, irq)->priority << (8 * i);
            }
        }
        return true;
    }
    if (off >= GICD_ICFGR && off < GICD_ICFGR + 0x100) {
        irq0 = (off - GICD_ICFGR) * 4;
        *val = irq0 >= lo && irq0 < hi ? gicv3_read_icfgr(s, cpu, irq0) : 0;
        return true;
    }
    if (off >= GICD_IGRPMODR && off < GICD_IGRPMODR + 0x80) {
        *val = 0;                       /* one security state: RAZ/WI */
        return true;
    }
    return false;
}

static bool gicv3_common_write(GICv3State *s, int cpu, hwaddr off,
                               uint64_t val, unsigned size, int lo, int hi)
{
    int irq0;

    if (off >= GICD_IGROUPR && off < GICD_IPRIORITYR) {
        hwaddr base = off & ~0x7f;

        irq0 = (off - base) * 8;
        if (irq0 >= lo && irq0 < hi) {
            gicv3_write_bits(s, cpu, base, irq0, val);
        }
        return true;
    }
    if (off >= GICD_IPRIORITYR && off < GICD_IPRIORITYR + 0x400) {
        for (unsigned i = 0; i < size; i++) {
            int irq = off - GICD_IPRIORITYR + i;

            if (irq >= lo && irq < hi && irq < (int)s->num_irq) {
                gicv3_irq(s, cpu, irq)->priority = val >> (8 * i);
            }
        }
        return true;
    }
    if (off >= GICD_ICFGR && off < GICD_ICFGR + 0x100) {
        irq0 = (off - GICD_ICFGR) * 4;
        if (irq0 >= lo && irq0 < hi) {
            gicv3_write_icfgr(s, cpu, irq0, val);
        }
        return true;
    }
    if (off >= GICD_IGRPMODR && off < GICD_IGRPMODR + 0x80) {
        return true;
    }
    return false;
}

/* ---------------------------------------------------------------- */
/* Distributor */

static bool gicd_accepts(void *opaque, hwaddr off, unsigned size,
                         bool is_write, MemTxAttrs attrs)
{
    if (off & (size - 1)) {
        return false;
    }
    switch (size) {
    case 4:
        return true;
    case 8:
        return off >= GICD_IROUTER && off < GICD_IROUTER + 8 * 1024;
    case 1:
        return off >= GICD_IPRIORITYR && off < GICD_ICFGR;
    default:
        return false;
    }
}

static uint64_t gicd_read(void *opaque, hwaddr off, unsigned size)
{
    GICv3State *s = opaque;
    uint64_t val;

    /* With ARE the SGI/PPI words of GICD are RAZ/WI: GICR holds them. */
    if (gicv3_common_read(s, 0, off, size, GICV3_INTERNAL, s->num_irq,
                          &val)) {
        return val;
    }
    if (off >= GICD_IROUTER && off < GICD_IROUTER + 8 * 1024) {
        int irq = (off - GICD_IROUTER) / 8;

        if (irq < GICV3_INTERNAL || irq >= (int)s->num_irq) {
            return 0;
        }
        return s->spi[irq].route >> (8 * (off & 4));
    }
    if (off >= GICD_ITARGETSR && off < GICD_ICFGR) {
        return 0;                       /* RES0 under affinity routing */
    }
    switch (off) {
    case GICD_CTLR:
        return s->ctlr | GICD_CTLR_ARE | GICD_CTLR_DS;
    case GICD_TYPER:
        /*
         * IDbits = 9 (10-bit ids) or, with LPIs, GICV3_LPI_IDBITS - 1 and
         * LPIS; No1N, CPUNumber, ITLinesNumber
         */
        return (s->has_lpi ? (GICV3_LPI_IDBITS - 1u) << 19 | 1u << 17
                           : 9u << 19) | (1u << 25) |
               (MIN(s->num_cpu, 8) - 1) << 5 | (s->num_irq / 32 - 1);
    case GICD_IIDR:
        return GICV3_IIDR;
    case GICD_TYPER2:
        return 0;                       /* no vPE ids, no nASSGIcap */
    case GICD_PIDR2:
        return 0x3b;                    /* ArchRev 3 */
    }
    log_mask(LOG_GUEST_ERROR, "arm-gicv3: read of reserved distributor "
             "offset 0x%" HWADDR_PRIx "\n", off);
    return 0;
}

static void gicd_write(void *opaque, hwaddr off, uint64_t val, unsigned size)
{
    GICv3State *s = opaque;

    if (gicv3_common_write(s, 0, off, val, size, GICV3_INTERNAL, s->num_irq)) {
        gicv3_update(s);
        return;
    }
    if (off >= GICD_IROUTER && off < GICD_IROUTER + 8 * 1024) {
        int irq = (off - GICD_IROUTER) / 8;
        /* Aff3.Aff2.Aff1.Aff0; IRM is RAZ/WI because No1N = 1 */
        uint64_t mask = 0xff00ffffffull;

        if (irq >= GICV3_INTERNAL && irq < (int)s->num_irq) {
            uint64_t r = s->spi[irq].route;

            if (size == 8) {
                r = val;
            } else if (off & 4) {
                r = (r & 0xffffffffull) | (val << 32);
            } else {
                r = (r & ~0xffffffffull) | (uint32_t)val;
            }
            s->spi[irq].route = r & mask;
            gicv3_update(s);
        }
        return;
    }
    if (off >= GICD_ITARGETSR && off < GICD_ICFGR) {
        return;
    }
    switch (off) {
    case GICD_CTLR:
        s->ctlr = val & (GICD_CTLR_EN_GRP0 | GICD_CTLR_EN_GRP1);
        gicv3_update(s);
        return;
    case GICD_SGIR:
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: GICD_SGIR write with affinity "
                 "routing on (use ICC_SGI1R_EL1)\n");
        return;
    case GICD_TYPER: case GICD_IIDR: case GICD_TYPER2: case GICD_PIDR2:
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: write to read-only distributor "
                 "register 0x%" HWADDR_PRIx "\n", off);
        return;
    }
    log_mask(LOG_GUEST_ERROR, "arm-gicv3: write to reserved distributor "
             "offset 0x%" HWADDR_PRIx "\n", off);
}

static const MemoryRegionOps gicd_ops = {
    .read = gicd_read,
    .write = gicd_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8,
               .accepts = gicd_accepts },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

/* ---------------------------------------------------------------- */
/* Redistributors */

static bool gicr_accepts(void *opaque, hwaddr off, unsigned size,
                         bool is_write, MemTxAttrs attrs)
{
    hwaddr f = off % GICV3_REDIST_SIZE;

    if (off & (size - 1)) {
        return false;
    }
    switch (size) {
    case 4:
        return true;
    case 8:
        return f == GICR_TYPER || f == GICR_PROPBASER || f == GICR_PENDBASER;
    case 1:
        return f >= GICR_SGI_BASE + GICD_IPRIORITYR &&
               f < GICR_SGI_BASE + GICD_IPRIORITYR + 32;
    default:
        return false;
    }
}

static uint64_t gicr_typer(GICv3State *s, GICv3RedistRegion *r, int cpu)
{
    bool last = cpu == r->first + r->count - 1;
    uint64_t aff = gicv3_cpu_affinity(cpu);

    /* Affinity_Value: Aff3.Aff2.Aff1.Aff0, one byte each, in [63:32] */
    aff = ((aff >> 32) & 0xff) << 24 | (aff & 0xffffff);
    return aff << 32 | (uint64_t)cpu << 8 |
           (uint64_t)last << 4 | s->has_lpi;       /* PLPIS */
}

static uint64_t gicr_read(void *opaque, hwaddr off, unsigned size)
{
    GICv3RedistRegion *r = opaque;
    GICv3State *s = r->s;
    int cpu = r->first + off / GICV3_REDIST_SIZE;
    hwaddr f = off % GICV3_REDIST_SIZE;
    uint64_t val;

    if (f >= GICR_SGI_BASE) {
        if (gicv3_common_read(s, cpu, f - GICR_SGI_BASE, size, 0,
                              GICV3_INTERNAL, &val)) {
            return val;
        }
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: read of reserved GICR SGI_base "
                 "offset 0x%" HWADDR_PRIx "\n", f - GICR_SGI_BASE);
        return 0;
    }
    if (s->has_lpi && gicv3_lpi_gicr_read(s, cpu, f, size, &val)) {
        return val;
    }
    switch (f) {
    case GICR_CTLR:
        return 0;
    case GICR_IIDR:
        return GICV3_IIDR;
    case GICR_TYPER:
        return gicr_typer(s, r, cpu);
    case GICR_TYPER + 4:
        return gicr_typer(s, r, cpu) >> 32;
    case GICR_WAKER:
        return s->cpu[cpu].waker;
    case GICR_PIDR2:
        return 0x3b;
    }
    log_mask(LOG_GUEST_ERROR, "arm-gicv3: read of reserved GICR offset 0x%"
             HWADDR_PRIx "\n", f);
    return 0;
}

static void gicr_write(void *opaque, hwaddr off, uint64_t val, unsigned size)
{
    GICv3RedistRegion *r = opaque;
    GICv3State *s = r->s;
    int cpu = r->first + off / GICV3_REDIST_SIZE;
    hwaddr f = off % GICV3_REDIST_SIZE;

    if (f >= GICR_SGI_BASE) {
        if (gicv3_common_write(s, cpu, f - GICR_SGI_BASE, val, size, 0,
                               GICV3_INTERNAL)) {
            gicv3_update(s);
            return;
        }
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: write to reserved GICR "
                 "SGI_base offset 0x%" HWADDR_PRIx "\n", f - GICR_SGI_BASE);
        return;
    }
    if (s->has_lpi && gicv3_lpi_gicr_write(s, cpu, f, val, size)) {
        return;
    }
    switch (f) {
    case GICR_CTLR:
        if (val & 1) {
            log_mask(LOG_UNIMP, "arm-gicv3: GICR_CTLR.EnableLPIs: no LPIs\n");
        }
        return;
    case GICR_WAKER:
        /* ChildrenAsleep follows ProcessorSleep at once: no quiescing. */
        s->cpu[cpu].waker = (val & WAKER_PS) ? WAKER_PS | WAKER_CA : 0;
        return;
    case GICR_IIDR: case GICR_TYPER: case GICR_TYPER + 4: case GICR_PIDR2:
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: write to read-only GICR "
                 "register 0x%" HWADDR_PRIx "\n", f);
        return;
    }
    log_mask(LOG_GUEST_ERROR, "arm-gicv3: write to reserved GICR offset 0x%"
             HWADDR_PRIx "\n", f);
}

static const MemoryRegionOps gicr_ops = {
    .read = gicr_read,
    .write = gicr_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8,
               .accepts = gicr_accepts },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

/* ---------------------------------------------------------------- */
/* CPU interface */

static bool gicv3_cpu_ok(GICv3State *s, int cpu)
{
    if (cpu < 0 || cpu >= (int)s->num_cpu) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: CPU interface access for CPU "
                 "%d, which the GIC does not serve\n", cpu);
        return false;
    }
    return true;
}

static uint32_t gicv3_acknowledge(GICv3State *s, int cpu, bool group1)
{
    int irq = gicv3_hppi(s, cpu);
    GICv3Irq *p;

    if (irq == GICV3_SPURIOUS) {
        return GICV3_SPURIOUS;
    }
    if (gicv3_group_of(s, cpu, irq) != group1 ||
        !gicv3_can_signal(s, cpu, irq)) {
        return GICV3_SPURIOUS;
    }
    gic_prio_push(s->cpu[cpu].stack, &s->cpu[cpu].depth,
                  G_N_ELEMENTS(s->cpu[cpu].stack), irq,
                  gicv3_gprio(s, cpu, group1, gicv3_prio_of(s, cpu, irq)));
    if (gicv3_is_lpi(s, irq)) {
        gicv3_lpi_acknowledge(s, cpu, irq);     /* no active state */
    } else {
        p = gicv3_irq(s, cpu, irq);
        p->latch = false;
        p->active = true;
        irq_stats_count(s->irq_stats, irq);
    }
    gicv3_update(s);
    return irq;
}

static void gicv3_eoi(GICv3State *s, int cpu, uint32_t irq)
{
    irq &= 0xffffff;
    if (irq >= s->num_irq && !gicv3_is_lpi(s, irq)) {
        if (irq < 1020 || irq > 1023) {
            log_mask(LOG_GUEST_ERROR, "arm-gicv3: EOI of unknown interrupt "
                     "%u\n", irq);
        }
        return;
    }
    if (!gic_prio_drop(s->cpu[cpu].stack, &s->cpu[cpu].depth, irq)) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: EOI of interrupt %u, which CPU "
                 "%d has not acknowledged\n", irq, cpu);
        return;
    }
    if (!(s->cpu[cpu].ctlr & ICC_CTLR_EOIMODE) && irq < s->num_irq) {
        gicv3_irq(s, cpu, irq)->active = false;
    }
    gicv3_update(s);
}

/*
 * ICC_SGI0R/SGI1R/ASGI1R: INTID [27:24], TargetList [15:0] (Aff0 values),
 * Aff1 [23:16], Aff2 [39:32], IRM [40] (all but self), Aff3 [55:48].
 * With one security state an SGI reaches a target only if its group there
 * is the one the register generates.
 */
static void gicv3_send_sgi(GICv3State *s, int cpu, uint64_t val, bool group1)
{
    int sgi = (val >> 24) & 0xf;
    bool irm = (val >> 40) & 1;
    uint64_t upper = (((val >> 16) & 0xff) << 8) | (((val >> 32) & 0xff) << 16) |
                     (((val >> 48) & 0xff) << 32);

    for (int t = 0; t < (int)s->num_cpu; t++) {
        uint64_t aff = gicv3_cpu_affinity(t);
        GICv3Irq *p = &s->banked[t][sgi];

        if (irm) {
            if (t == cpu) {
                continue;
            }
        } else if ((aff & ~0xffull) != upper ||
                   !((val >> (aff & 0xff)) & 1) || (aff & 0xff) > 15) {
            continue;
        }
        if (p->group == group1) {
            p->latch = true;
        }
    }
    gicv3_update(s);
}

static uint64_t gicv3_ap_read(GICv3State *s, int cpu, bool group1, int n)
{
    uint64_t v = 0;

    /* Preemption level = group priority >> 1 (128 levels: AP*R0..3). */
    for (int i = 0; i < s->cpu[cpu].depth; i++) {
        GICPrio *e = &s->cpu[cpu].stack[i];
        unsigned lvl = e->gprio >> 1;

        if (gicv3_group_of(s, cpu, e->irq) == group1 && lvl / 32 == n) {
            v |= 1u << (lvl % 32);
        }
    }
    return v;
}

uint64_t gicv3_icc_read(GICv3State *s, int cpu, int reg)
{
    int irq;

    if (!gicv3_cpu_ok(s, cpu)) {
        return 0;
    }
    switch (reg) {
    case GICV3_ICC_PMR: return s->cpu[cpu].pmr;
    case GICV3_ICC_IAR0: return gicv3_acknowledge(s, cpu, false);
    case GICV3_ICC_IAR1: return gicv3_acknowledge(s, cpu, true);
    case GICV3_ICC_HPPIR0:
    case GICV3_ICC_HPPIR1:
        irq = gicv3_hppi(s, cpu);
        if (irq != GICV3_SPURIOUS &&
            gicv3_group_of(s, cpu, irq) != (reg == GICV3_ICC_HPPIR1)) {
            irq = GICV3_SPURIOUS;
        }
        return irq;
    case GICV3_ICC_BPR0: return s->cpu[cpu].bpr0;
    case GICV3_ICC_BPR1:
        if (s->cpu[cpu].ctlr & ICC_CTLR_CBPR) {
            return MIN(s->cpu[cpu].bpr0 + 1, 7);
        }
        return s->cpu[cpu].bpr1;
    case GICV3_ICC_RPR: {
        unsigned rp = gicv3_running(s, cpu);

        return rp > 0xff ? 0xff : rp;
    }
    case GICV3_ICC_CTLR: return s->cpu[cpu].ctlr | ICC_CTLR_PRIBITS;
    case GICV3_ICC_SRE: return 0x7;     /* SRE, DFB, DIB: RAO/WI */
    case GICV3_ICC_IGRPEN0: return s->cpu[cpu].igrpen0;
    case GICV3_ICC_IGRPEN1: return s->cpu[cpu].igrpen1;
    case GICV3_ICC_AP0R0 ... GICV3_ICC_AP0R0 + 3:
        return gicv3_ap_read(s, cpu, false, reg - GICV3_ICC_AP0R0);
    case GICV3_ICC_AP1R0 ... GICV3_ICC_AP1R0 + 3:
        return gicv3_ap_read(s, cpu, true, reg - GICV3_ICC_AP1R0);
    case GICV3_ICC_EOIR0: case GICV3_ICC_EOIR1: case GICV3_ICC_DIR:
    case GICV3_ICC_SGI0R: case GICV3_ICC_SGI1R: case GICV3_ICC_ASGI1R:
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: read of write-only ICC "
                 "register %d\n", reg);
        return 0;
    }
    log_mask(LOG_GUEST_ERROR, "arm-gicv3: read of unknown ICC register %d\n",
             reg);
    return 0;
}

void gicv3_icc_write(GICv3State *s, int cpu, int reg, uint64_t val)
{
    if (!gicv3_cpu_ok(s, cpu)) {
        return;
    }
    switch (reg) {
    case GICV3_ICC_PMR: s->cpu[cpu].pmr = val & 0xff; break;
    case GICV3_ICC_EOIR0: case GICV3_ICC_EOIR1:
        gicv3_eoi(s, cpu, val);
        return;
    case GICV3_ICC_DIR: {
        uint32_t irq = val & 0xffffff;

        if (!(s->cpu[cpu].ctlr & ICC_CTLR_EOIMODE)) {
            log_mask(LOG_GUEST_ERROR, "arm-gicv3: ICC_DIR_EL1 write with "
                     "EOImode 0\n");
        } else if (irq < s->num_irq) {
            gicv3_irq(s, cpu, irq)->active = false;
        }
        break;
    }
    case GICV3_ICC_BPR0: s->cpu[cpu].bpr0 = val & 7; break;
    case GICV3_ICC_BPR1:
        if (!(s->cpu[cpu].ctlr & ICC_CTLR_CBPR)) {
            s->cpu[cpu].bpr1 = MAX(val & 7, 1);
        }
        break;
    case GICV3_ICC_CTLR: s->cpu[cpu].ctlr = val & ICC_CTLR_RW; break;
    case GICV3_ICC_SRE: break;
    case GICV3_ICC_IGRPEN0: s->cpu[cpu].igrpen0 = val & 1; break;
    case GICV3_ICC_IGRPEN1: s->cpu[cpu].igrpen1 = val & 1; break;
    case GICV3_ICC_SGI0R: gicv3_send_sgi(s, cpu, val, false); return;
    case GICV3_ICC_SGI1R: case GICV3_ICC_ASGI1R:
        gicv3_send_sgi(s, cpu, val, true);
        return;
    case GICV3_ICC_AP0R0 ... GICV3_ICC_AP1R0 + 3:
        log_mask(LOG_UNIMP, "arm-gicv3: ICC_AP<n>R<m> writes are ignored "
                 "(active priorities follow the acknowledged interrupts)\n");
        return;
    case GICV3_ICC_IAR0: case GICV3_ICC_IAR1: case GICV3_ICC_HPPIR0:
    case GICV3_ICC_HPPIR1: case GICV3_ICC_RPR:
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: write to read-only ICC "
                 "register %d\n", reg);
        return;
    default:
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: write to unknown ICC register "
                 "%d\n", reg);
        return;
    }
    gicv3_update(s);
}

int gicv3_icc_reg_from_encoding(int op0, int op1, int crn, int crm, int op2)
{
    if (op0 != 3 || op1 != 0) {
        return -1;
    }
    if (crn == 4 && crm == 6 && op2 == 0) {
        return GICV3_ICC_PMR;
    }
    if (crn != 12) {
        return -1;
    }
    switch (crm << 3 | op2) {
    case 8 << 3 | 0: return GICV3_ICC_IAR0;
    case 8 << 3 | 1: return GICV3_ICC_EOIR0;
    case 8 << 3 | 2: return GICV3_ICC_HPPIR0;
    case 8 << 3 | 3: return GICV3_ICC_BPR0;
    case 8 << 3 | 4: case 8 << 3 | 5: case 8 << 3 | 6: case 8 << 3 | 7:
        return GICV3_ICC_AP0R0 + op2 - 4;
    case 9 << 3 | 0: case 9 << 3 | 1: case 9 << 3 | 2: case 9 << 3 | 3:
        return GICV3_ICC_AP1R0 + op2;
    case 11 << 3 | 1: return GICV3_ICC_DIR;
    case 11 << 3 | 3: return GICV3_ICC_RPR;
    case 11 << 3 | 5: return GICV3_ICC_SGI1R;
    case 11 << 3 | 6: return GICV3_ICC_ASGI1R;
    case 11 << 3 | 7: return GICV3_ICC_SGI0R;
    case 12 << 3 | 0: return GICV3_ICC_IAR1;
    case 12 << 3 | 1: return GICV3_ICC_EOIR1;
    case 12 << 3 | 2: return GICV3_ICC_HPPIR1;
    case 12 << 3 | 3: return GICV3_ICC_BPR1;
    case 12 << 3 | 4: return GICV3_ICC_CTLR;
    case 12 << 3 | 5: return GICV3_ICC_SRE;
    case 12 << 3 | 6: return GICV3_ICC_IGRPEN0;
    case 12 << 3 | 7: return GICV3_ICC_IGRPEN1;
    }
    return -1;
}

/* ---------------------------------------------------------------- */

static void gicv3_reset(DeviceState *dev)
{
    GICv3State *s = ARM_GICV3(dev);

    s->ctlr = 0;
    for (int c = 0; c < GICV3_MAX_CPU; c++) {
        for (int i = 0; i < GICV3_INTERNAL; i++) {
            bool level = s->banked[c][i].level;

            s->banked[c][i] = (GICv3Irq) { .level = level,
                                           .edge = i < GICV3_NR_SGIS };
        }
        s->cpu[c].waker = WAKER_PS | WAKER_CA;
        s->cpu[c].ctlr = 0;
        s->cpu[c].pmr = 0;
        s->cpu[c].bpr0 = 0;
        s->cpu[c].bpr1 = 1;
        s->cpu[c].igrpen0 = 0;
        s->cpu[c].igrpen1 = 0;
        s->cpu[c].depth = 0;
    }
    for (int i = GICV3_INTERNAL; i < GICV3_MAXIRQ; i++) {
        bool level = s->spi[i].level;

        s->spi[i] = (GICv3Irq) { .level = level };
    }
    if (s->has_lpi) {
        gicv3_lpi_reset(s);
    }
    gicv3_update(s);
}

static void gicv3_realize(DeviceState *dev, GError **errp)
{
    GICv3State *s = ARM_GICV3(dev);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    int n0;

    if (s->num_cpu < 1 || s->num_cpu > GICV3_MAX_CPU) {
        error_setg(errp, "arm-gicv3: num-cpu %u is out of range 1..%d",
                   s->num_cpu, GICV3_MAX_CPU);
        return;
    }
    if (s->num_irq < 32 || s->num_irq > 1024 || s->num_irq % 32) {
        error_setg(errp, "arm-gicv3: num-irq %u must be a multiple of 32 in "
                   "32..1024", s->num_irq);
        return;
    }
    if (s->redist_region_count > s->num_cpu) {
        error_setg(errp, "arm-gicv3: redist-region-count %u is more than "
                   "num-cpu %u", s->redist_region_count, s->num_cpu);
        return;
    }
    if (s->num_irq == 1024) {
        s->num_irq = GICV3_MAXIRQ;
    }
    qdev_init_gpio_in(dev, gicv3_set_irq,
                      s->num_irq - GICV3_INTERNAL +
                      GICV3_INTERNAL * s->num_cpu);
    s->irq_stats = irq_stats_new(OBJECT(dev), s->num_irq);
    for (unsigned i = 0; i < s->num_cpu; i++) {
        sysbus_init_irq(sbd, &s->irq_out[i]);
    }
    for (unsigned i = 0; i < s->num_cpu; i++) {
        sysbus_init_irq(sbd, &s->fiq_out[i]);
    }
    memory_region_init_io(&s->dist_iomem, OBJECT(dev), &gicd_ops, s,
                          "gicv3_dist", GICV3_DIST_SIZE);
    sysbus_init_mmio(sbd, &s->dist_iomem);
    n0 = s->redist_region_count ? (int)s->redist_region_count
                                : (int)s->num_cpu;
    s->redist_region[0] = (GICv3RedistRegion) { s, 0, n0 };
    s->redist_region[1] = (GICv3RedistRegion) { s, n0, s->num_cpu - n0 };
    for (int i = 0; i < 2 && s->redist_region[i].count; i++) {
        memory_region_init_io(&s->redist_iomem[i], OBJECT(dev), &gicr_ops,
                              &s->redist_region[i], "gicv3_redist",
                              (uint64_t)s->redist_region[i].count *
                              GICV3_REDIST_SIZE);
        sysbus_init_mmio(sbd, &s->redist_iomem[i]);
    }
    if (s->has_lpi) {
        gicv3_lpi_realize(s);
    }
}

static void gicv3_unrealize(DeviceState *dev)
{
    GICv3State *s = ARM_GICV3(dev);

    irq_stats_free(s->irq_stats);
    s->irq_stats = NULL;
    memory_region_destroy(&s->dist_iomem);
    for (int i = 0; i < 2 && s->redist_region[i].count; i++) {
        memory_region_destroy(&s->redist_iomem[i]);
    }
    if (s->has_lpi) {
        gicv3_lpi_unrealize(s);
    }
}

static Property gicv3_properties[] = {
    DEFINE_PROP_UINT32("num-cpu", GICv3State, num_cpu, 1),
    DEFINE_PROP_UINT32("num-irq", GICv3State, num_irq, 32),
    DEFINE_PROP_UINT32("redist-region-count", GICv3State,
                       redist_region_count, 0),
    DEFINE_PROP_BOOL("has-lpi", GICv3State, has_lpi, false),
    DEFINE_PROP_END_OF_LIST(),
};

typedef __typeof__(((GICv3State *)0)->cpu[0]) GICv3CPUState;

static const VMStateDescription vmstate_gicv3_cpu = {
    .name = "arm-gicv3/cpu",
    .version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(waker, GICv3CPUState),
        VMSTATE_UINT32(ctlr, GICv3CPUState),
        VMSTATE_UINT32(pmr, GICv3CPUState),
        VMSTATE_UINT32(bpr0, GICv3CPUState),
        VMSTATE_UINT32(bpr1, GICv3CPUState),
        VMSTATE_UINT32(igrpen0, GICv3CPUState),
        VMSTATE_UINT32(igrpen1, GICv3CPUState),
        VMSTATE_BUFFER(stack, GICv3CPUState),
        VMSTATE_INT32(depth, GICv3CPUState),
        VMSTATE_BOOL(irq_level, GICv3CPUState),
        VMSTATE_BOOL(fiq_level, GICv3CPUState),
        VMSTATE_UINT64(propbaser, GICv3CPUState),
        VMSTATE_UINT64(pendbaser, GICv3CPUState),
        VMSTATE_BOOL(lpi_enabled, GICv3CPUState),
        VMSTATE_BOOL(pend_ptz, GICv3CPUState),
        VMSTATE_END_OF_LIST()
    },
};

static int gicv3_post_load(void *opaque, int version_id)
{
    GICv3State *s = opaque;

    for (unsigned cpu = 0; cpu < s->num_cpu; cpu++) {
        if (s->cpu[cpu].depth < 0 ||
            s->cpu[cpu].depth > (int)G_N_ELEMENTS(s->cpu[cpu].stack)) {
            return -1;
        }
    }
    if (s->has_lpi) {
        /* The LPI caches mirror the pending tables, which came with RAM. */
        gicv3_lpi_post_load(s);
    }
    gicv3_update(s);
    for (unsigned cpu = 0; cpu < s->num_cpu; cpu++) {
        qemu_set_irq(s->irq_out[cpu], s->cpu[cpu].irq_level);
        qemu_set_irq(s->fiq_out[cpu], s->cpu[cpu].fiq_level);
    }
    return 0;
}

static const VMStateDescription vmstate_gicv3 = {
    .name = "arm-gicv3",
    .version_id = 1,
    .post_load = gicv3_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(ctlr, GICv3State),
        VMSTATE_BUFFER(banked, GICv3State),
        VMSTATE_BUFFER(spi, GICv3State),
        VMSTATE_STRUCT_ARRAY(cpu, GICv3State, vmstate_gicv3_cpu, GICv3CPUState),
        VMSTATE_END_OF_LIST()
    },
};

static void gicv3_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->vmsd = &vmstate_gicv3;
    dc->desc = "Arm GICv3 interrupt controller";
    dc->realize = gicv3_realize;
    dc->unrealize = gicv3_unrealize;
    dc->reset = gicv3_reset;
    device_class_set_props(dc, gicv3_properties);
}

static const TypeInfo gicv3_info = {
    .name = TYPE_ARM_GICV3,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(GICv3State),
    .class_init = gicv3_class_init,
};

static void gicv3_register_types(void)
{
    type_register_static(&gicv3_info);
}
type_init(gicv3_register_types)
