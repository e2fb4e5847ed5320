/*
 * arm_gicv3_lpi.c - the LPI half of the GICv3 redistributors (IHI 0069,
 * chapter 6): GICR_CTLR.EnableLPIs, GICR_PROPBASER, GICR_PENDBASER, the LPI
 * configuration table (one byte per LPI: priority [7:2], enable [0]) and
 * the per-redistributor pending table (one bit per INTID) in guest memory.
 *
 * The pending table is the architectural state, but scanning 8 KiB of guest
 * memory on every GIC update would be slow, so each redistributor keeps a
 * bitmap that mirrors it: the table is read into the bitmap when EnableLPIs
 * goes to 1 (unless PENDBASER.PTZ said it is all zeros), and every change
 * afterwards is written through to the table, so a guest or a test that
 * looks at the table sees what the GIC holds.
 *
 * The configuration byte of an LPI is read when the LPI becomes pending
 * (also when it already was), when EnableLPIs takes the pending table in,
 * and again on INV/INVALL (gicv3_lpi_inv, gicv3_lpi_invall); in between,
 * the redistributor works from that copy, as GICs with an LPI
 * configuration cache (and QEMU's and KVM's) do. Software that changes a
 * byte must follow with INV or INVALL, as the spec says; until then the
 * old setting stands, so a disabled LPI left pending is not taken on the
 * next unrelated GIC update.
 *
 * Not for: the ITS (arm_gicv3_its.c, which calls gicv3_lpi_set_pending),
 * direct LPIs (GICR_SETLPIR and friends: GICR_TYPER.DirectLPI = 0), vLPIs.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/bitops.h"
#include "util/host-utils.h"
#include "hw/intc/arm_gicv3.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"

#define GICR_CTLR           0x0000
#define GICR_PROPBASER      0x0070
#define GICR_PENDBASER      0x0078

#define GICR_CTLR_ENABLE_LPIS   1u

/* RW fields: IDbits [4:0], InnerCache [9:7], Shareability [11:10],
 * Physical_Address [51:12], OuterCache [58:56]. */
#define PROPBASER_IDBITS        0x1full
#define PROPBASER_PA            (((1ull << 52) - 1) & ~0xfffull)
#define PROPBASER_RW            (PROPBASER_IDBITS | 0xf80ull | PROPBASER_PA | \
                                 (7ull << 56))
/* RW fields: InnerCache, Shareability, Physical_Address [51:16],
 * OuterCache; PTZ [62] is write-only. */
#define PENDBASER_PA            (((1ull << 52) - 1) & ~0xffffull)
#define PENDBASER_RW            (0xf80ull | PENDBASER_PA | (7ull << 56))
#define PENDBASER_PTZ           (1ull << 62)

#define LPI_PROP_ENABLE         1u
#define LPI_NR_LONGS            BITS_TO_LONGS(GICV3_LPI_NR_IDS)

/* The GIC's own reads and writes of its tables (no requester id). */
static MemTxAttrs lpi_attrs(void)
{
    return (MemTxAttrs) { .memory = 1 };
}

/* One past the highest LPI INTID @cpu's PROPBASER.IDbits allows. */
static uint32_t lpi_limit(GICv3State *s, int cpu)
{
    unsigned bits = (s->cpu[cpu].propbaser & PROPBASER_IDBITS) + 1;

    if (bits < 14) {
        return 0;               /* no LPI INTID fits: LPIs are off */
    }
    return 1u << MIN(bits, GICV3_LPI_IDBITS);
}

static bool lpi_config(GICv3State *s, int cpu, uint32_t intid, uint8_t *cfg)
{
    MemTxResult res;
    hwaddr a = (s->cpu[cpu].propbaser & PROPBASER_PA) +
               (intid - GICV3_LPI_INTID_START);

    *cfg = address_space_ldub(&address_space_memory, a, lpi_attrs(), &res);
    if (res != MEMTX_OK) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: LPI %u: configuration byte at "
                 "0x%" HWADDR_PRIx " cannot be read\n", intid, a);
        return false;
    }
    return true;
}

/* Write one pending bit through to @cpu's pending table. */
static void lpi_table_write(GICv3State *s, int cpu, uint32_t intid, bool on)
{
    hwaddr a = (s->cpu[cpu].pendbaser & PENDBASER_PA) + intid / 8;
    MemTxResult res;
    uint8_t b = address_space_ldub(&address_space_memory, a, lpi_attrs(), &res);

    if (res == MEMTX_OK) {
        b = on ? b | (1u << (intid % 8)) : b & ~(1u << (intid % 8));
        address_space_stb(&address_space_memory, a, b, lpi_attrs(), &res);
    }
    if (res != MEMTX_OK) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: redistributor %d: pending "
                 "table byte at 0x%" HWADDR_PRIx " is not accessible\n",
                 cpu, a);
    }
}

/* Refresh the cached configuration byte of @intid (disabled if unreadable). */
static void lpi_fetch_config(GICv3State *s, int cpu, uint32_t intid)
{
    uint8_t cfg;

    s->cpu[cpu].lpi_cfg[intid] = lpi_config(s, cpu, intid, &cfg) ? cfg : 0;
}

/* Change the mirror bit only; the caller writes the table if it must. */
static bool lpi_bit_set(GICv3State *s, int cpu, uint32_t intid, bool on)
{
    unsigned long *map = s->cpu[cpu].lpi_pending;

    if (on ? test_and_set_bit(intid, map) : !test_and_clear_bit(intid, map)) {
        return false;           /* no change */
    }
    if (on) {
        s->cpu[cpu].lpi_count++;
    } else {
        s->cpu[cpu].lpi_count--;
    }
    return true;
}

static void lpi_clear_all(GICv3State *s, int cpu)
{
    memset(s->cpu[cpu].lpi_pending, 0, LPI_NR_LONGS * sizeof(unsigned long));
    s->cpu[cpu].lpi_count = 0;
}

/* EnableLPIs 0 -> 1: take the pending table in. */
static void lpi_load_pending(GICv3State *s, int cpu)
{
    uint32_t limit = lpi_limit(s, cpu);
    uint32_t first = GICV3_LPI_INTID_START / 8;
    hwaddr base = s->cpu[cpu].pendbaser & PENDBASER_PA;
    g_autofree uint8_t *buf = NULL;

    lpi_clear_all(s, cpu);
    if (s->cpu[cpu].pend_ptz || limit == 0) {
        return;
    }
    buf = g_malloc(limit / 8 - first);
    if (address_space_read(&address_space_memory, base + first, lpi_attrs(),
                           buf, limit / 8 - first) != MEMTX_OK) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: redistributor %d: pending "
                 "table at 0x%" HWADDR_PRIx " cannot be read; LPIs start "
                 "with none pending\n", cpu, base);
        return;
    }
    for (uint32_t i = 0; i < limit / 8 - first; i++) {
        for (int b = 0; buf[i] && b < 8; b++) {
            if (buf[i] & (1u << b)) {
                lpi_bit_set(s, cpu, (first + i) * 8 + b, true);
                lpi_fetch_config(s, cpu, (first + i) * 8 + b);
            }
        }
    }
}

void gicv3_lpi_best(GICv3State *s, int cpu, int *best, unsigned *best_prio)
{
    const unsigned long *map = s->cpu[cpu].lpi_pending;
    uint32_t limit, seen = 0;

    if (!s->cpu[cpu].lpi_enabled || !s->cpu[cpu].lpi_count) {
        return;
    }
    limit = lpi_limit(s, cpu);
    for (uint32_t w = GICV3_LPI_INTID_START / BITS_PER_LONG;
         w < limit / BITS_PER_LONG && seen < s->cpu[cpu].lpi_count; w++) {
        unsigned long bits = map[w];

        while (bits) {
            int b = ctz64(bits);
            uint32_t intid = w * BITS_PER_LONG + b;
            uint8_t cfg = s->cpu[cpu].lpi_cfg[intid];

            bits &= bits - 1;
            seen++;
            if ((cfg & LPI_PROP_ENABLE) && (cfg & 0xfc) < *best_prio) {
                *best_prio = cfg & 0xfc;
                *best = intid;
            }
        }
    }
}

uint8_t gicv3_lpi_priority(GICv3State *s, int cpu, int intid)
{
    if (intid < 0 || intid >= (int)GICV3_LPI_NR_IDS) {
        return 0xff;
    }
    return s->cpu[cpu].lpi_cfg[intid] & 0xfc;
}

void gicv3_lpi_acknowledge(GICv3State *s, int cpu, int intid)
{
    if (lpi_bit_set(s, cpu, intid, false)) {
        lpi_table_write(s, cpu, intid, false);
    }
}

static bool lpi_check(GICv3State *s, int cpu, uint32_t intid)
{
    if (cpu < 0 || cpu >= (int)s->num_cpu) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: LPI %u for redistributor %d, "
                 "which does not exist\n", intid, cpu);
        return false;
    }
    if (!s->cpu[cpu].lpi_enabled) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: LPI %u for redistributor %d, "
                 "whose GICR_CTLR.EnableLPIs is 0: dropped\n", intid, cpu);
        return false;
    }
    if (intid < GICV3_LPI_INTID_START || intid >= lpi_limit(s, cpu)) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3: LPI %u is outside the range "
                 "GICR_PROPBASER.IDbits gives redistributor %d: dropped\n",
                 intid, cpu);
        return false;
    }
    return true;
}

bool gicv3_lpi_set_pending(GICv3State *s, int cpu, uint32_t intid, bool on)
{
    bool changed;

    if (!lpi_check(s, cpu, intid)) {
        return false;
    }
    changed = lpi_bit_set(s, cpu, intid, on);
    if (changed) {
        lpi_table_write(s, cpu, intid, on);
    }
    if (on) {
        uint8_t old = s->cpu[cpu].lpi_cfg[intid];

        lpi_fetch_config(s, cpu, intid);
        changed |= old != s->cpu[cpu].lpi_cfg[intid];
    }
    if (changed) {
        gicv3_update(s);
    }
    return true;
}

void gicv3_lpi_inv(GICv3State *s, int cpu, uint32_t intid)
{
    if (gicv3_lpi_is_pending(s, cpu, intid)) {
        lpi_fetch_config(s, cpu, intid);
        gicv3_update(s);
    }
}

void gicv3_lpi_invall(GICv3State *s, int cpu)
{
    uint32_t limit;

    if (cpu < 0 || cpu >= (int)s->num_cpu || !s->cpu[cpu].lpi_enabled) {
        return;
    }
    limit = lpi_limit(s, cpu);
    for (uint32_t i = GICV3_LPI_INTID_START; i < limit; i++) {
        if (test_bit(i, s->cpu[cpu].lpi_pending)) {
            lpi_fetch_config(s, cpu, i);
        }
    }
    gicv3_update(s);
}

bool gicv3_lpi_is_pending(GICv3State *s, int cpu, uint32_t intid)
{
    return cpu >= 0 && cpu < (int)s->num_cpu && s->cpu[cpu].lpi_enabled &&
           intid < GICV3_LPI_NR_IDS && test_bit(intid, s->cpu[cpu].lpi_pending);
}

void gicv3_lpi_move_all(GICv3State *s, int from, int to)
{
    uint32_t limit;

    if (from == to || !s->cpu[from].lpi_enabled) {
        return;
    }
    limit = lpi_limit(s, from);
    for (uint32_t i = GICV3_LPI_INTID_START; i < limit &&
         s->cpu[from].lpi_count; i++) {
        if (test_bit(i, s->cpu[from].lpi_pending)) {
            gicv3_lpi_set_pending(s, from, i, false);
            gicv3_lpi_set_pending(s, to, i, true);
        }
    }
}

/* 64-bit register, or one 32-bit half of it at @f & 4. */
static uint64_t lpi_merge(uint64_t old, hwaddr f, uint64_t val, unsigned size)
{
    if (size == 8) {
        return val;
    }
    if (f & 4) {
        return (old & 0xffffffffull) | (val << 32);
    }
    return (old & ~0xffffffffull) | (uint32_t)val;
}

bool gicv3_lpi_gicr_read(GICv3State *s, int cpu, hwaddr f, unsigned size,
                         uint64_t *val)
{
    switch (f & ~4ull) {
    case GICR_CTLR:
        if (f & 4) {
            return false;       /* GICR_IIDR */
        }
        *val = s->cpu[cpu].lpi_enabled ? GICR_CTLR_ENABLE_LPIS : 0;
        return true;
    case GICR_PROPBASER:
        *val = s->cpu[cpu].propbaser >> (8 * (f & 4));
        return true;
    case GICR_PENDBASER:
        *val = s->cpu[cpu].pendbaser >> (8 * (f & 4));
        return true;
    }
    return false;
}

bool gicv3_lpi_gicr_write(GICv3State *s, int cpu, hwaddr f, uint64_t val,
                          unsigned size)
{
    bool enable;

    switch (f & ~4ull) {
    case GICR_CTLR:
        if (f & 4) {
            return false;       /* GICR_IIDR */
        }
        enable = val & GICR_CTLR_ENABLE_LPIS;
        if (enable == s->cpu[cpu].lpi_enabled) {
            return true;
        }
        s->cpu[cpu].lpi_enabled = enable;
        if (enable) {
            lpi_load_pending(s, cpu);
            s->cpu[cpu].pend_ptz = false;
        } else {
            /* The table holds the state; the mirror is rebuilt on enable. */
            lpi_clear_all(s, cpu);
        }
        gicv3_update(s);
        return true;
    case GICR_PROPBASER:
    case GICR_PENDBASER:
        if (s->cpu[cpu].lpi_enabled) {
            log_mask(LOG_GUEST_ERROR, "arm-gicv3: redistributor %d: %s "
                     "written while EnableLPIs is 1: ignored\n", cpu,
                     (f & ~4ull) == GICR_PROPBASER ? "GICR_PROPBASER"
                                                   : "GICR_PENDBASER");
            return true;
        }
        if ((f & ~4ull) == GICR_PROPBASER) {
            s->cpu[cpu].propbaser =
                lpi_merge(s->cpu[cpu].propbaser, f, val, size) & PROPBASER_RW;
        } else {
            uint64_t v = lpi_merge(s->cpu[cpu].pendbaser, f, val, size);

            /* PTZ is in the high half: a low-half write leaves it alone. */
            if (size == 8 || (f & 4)) {
                s->cpu[cpu].pend_ptz = v & PENDBASER_PTZ;
            }
            s->cpu[cpu].pendbaser = v & PENDBASER_RW;
        }
        return true;
    }
    return false;
}

void gicv3_lpi_post_load(GICv3State *s)
{
    for (unsigned cpu = 0; cpu < s->num_cpu; cpu++) {
        lpi_clear_all(s, cpu);
        if (s->cpu[cpu].lpi_enabled) {
            lpi_load_pending(s, cpu);
        }
    }
}

void gicv3_lpi_reset(GICv3State *s)
{
    for (unsigned c = 0; c < s->num_cpu; c++) {
        s->cpu[c].propbaser = 0;
        s->cpu[c].pendbaser = 0;
        s->cpu[c].lpi_enabled = false;
        s->cpu[c].pend_ptz = false;
        lpi_clear_all(s, c);
    }
}

void gicv3_lpi_realize(GICv3State *s)
{
    for (unsigned c = 0; c < s->num_cpu; c++) {
        s->cpu[c].lpi_pending = g_new0(unsigned long, LPI_NR_LONGS);
        s->cpu[c].lpi_cfg = g_new0(uint8_t, GICV3_LPI_NR_IDS);
        s->cpu[c].lpi_count = 0;
    }
}

void gicv3_lpi_unrealize(GICv3State *s)
{
    for (unsigned c = 0; c < s->num_cpu; c++) {
        g_free(s->cpu[c].lpi_pending);
        s->cpu[c].lpi_pending = NULL;
        g_free(s->cpu[c].lpi_cfg);
        s->cpu[c].lpi_cfg = NULL;
    }
}
