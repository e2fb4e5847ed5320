/*
 * arm_gicv3_its.c - GICv3 ITS (IHI 0069 chapter 5), physical LPIs only:
 * the control registers, the command queue, and the translation of
 * GITS_TRANSLATER writes into LPIs pending in a redistributor
 * (gicv3_lpi_set_pending, hw/intc/arm_gicv3_lpi.c).
 *
 * What the guest sees (GITS_TYPER): Physical, 8-byte ITT entries, 16-bit
 * EventIDs, 16-bit DeviceIDs (a PCI requester id), 16-bit collection ids
 * (CIL = 1), PTA = 0 (a collection targets a redistributor by processor
 * number), no collections held in the ITS (HCC = 0), no SEIs.
 * GITS_BASER0 is the device table and GITS_BASER1 the collection table,
 * both with 8-byte entries, 4/16/64 KiB pages (64 KiB after reset, as
 * kvm-unit-tests expects), flat or two-level; GITS_BASER2..7 are RAZ/WI.
 *
 * The format of the table entries is ours to choose (the spec leaves it
 * IMPLEMENTATION DEFINED), all little-endian 64-bit words in guest memory:
 *   DTE: [63] valid, [51:8] ITT address, [4:0] EventID bits - 1
 *   CTE: [63] valid, [15:0] target redistributor (processor number)
 *   ITE: [63] valid, [47:16] LPI INTID, [15:0] collection id
 * Nothing of them is cached here, so a guest that rewrites a table sees
 * its change at once, and SYNC only checks its operand. INV and INVALL
 * make the redistributor read the LPI configuration again (it keeps the
 * configuration of pending LPIs from when they became pending).
 *
 * Commands are processed synchronously when GITS_CWRITER is written (or the
 * ITS is enabled), so GITS_CTLR.Quiescent always reads 1. A command with
 * bad operands is one of the spec's command errors: it is logged as a
 * guest error and skipped, one of the behaviours the spec allows for it
 * (a stall there would hang Linux and kvm-unit-tests, which post INT to an
 * unmapped device on purpose). A command or table that cannot be read or
 * written (no memory there) stalls the queue: GITS_CREADR.Stalled reads 1
 * and GITS_CREADR stays on that command until GITS_CWRITER is written with
 * Retry = 1.
 *
 * Not for: GICv4 (VLPIs, V* commands), the optional GITS_SGIR/UMSI,
 * migration of the ITS state.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "util/bswap.h"
#include "migration/vmstate.h"
#include "hw/sysbus.h"
#include "hw/qdev-properties.h"
#include "hw/intc/arm_gicv3_its.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"

/* Control frame */
#define GITS_CTLR       0x0000
#define GITS_IIDR       0x0004
#define GITS_TYPER      0x0008
#define GITS_CBASER     0x0080
#define GITS_CWRITER    0x0088
#define GITS_CREADR     0x0090
#define GITS_BASER      0x0100
#define GITS_PIDR2      0xffe8
#define GITS_IDREGS     0xffd0          /* PIDR4 .. CIDR3 */

#define GITS_CTLR_ENABLED       1u
#define GITS_CTLR_QUIESCENT     (1u << 31)

/* ARM (0x43b); product and revision 0 */
#define GITS_IIDR_VALUE         0x0000043bu

#define ITS_IDBITS      16              /* EventID bits */
#define ITS_DEVBITS     16              /* DeviceID bits */
#define ITS_CIDBITS     16              /* collection id bits */
#define ITS_ENTRY_SIZE  8               /* ITT, device and collection entries */

#define GITS_TYPER_VALUE                                                   \
    (1ull                                       /* Physical */          |  \
     (uint64_t)(ITS_ENTRY_SIZE - 1) << 4        /* ITT_entry_size */    |  \
     (uint64_t)(ITS_IDBITS - 1) << 8            /* ID_bits */           |  \
     (uint64_t)(ITS_DEVBITS - 1) << 13          /* Devbits */           |  \
     (uint64_t)(ITS_CIDBITS - 1) << 32          /* CIDbits */           |  \
     1ull << 36                                 /* CIL */)

/* GITS_CBASER: Valid, InnerCache, OuterCache, PA [51:12], Shareability, Size */
#define CBASER_VALID    (1ull << 63)
#define CBASER_PA       (((1ull << 52) - 1) & ~0xfffull)
#define CBASER_RW       (CBASER_VALID | 7ull << 59 | 7ull << 53 | CBASER_PA | \
                         3ull << 10 | 0xffull)
#define CWRITER_OFFSET  0xfffe0ull      /* [19:5] */
#define CWRITER_RETRY   1ull
#define CREADR_STALLED  1ull

/* GITS_BASER<n> */
#define BASER_VALID     (1ull << 63)
#define BASER_INDIRECT  (1ull << 62)
#define BASER_TYPE_SHIFT 56
#define BASER_ESIZE_SHIFT 48
#define BASER_PA        (((1ull << 48) - 1) & ~0xfffull)
#define BASER_PSZ_SHIFT 8
#define BASER_RW        (BASER_VALID | BASER_INDIRECT | 7ull << 59 | \
                         7ull << 53 | BASER_PA | 3ull << 10 | \
                         3ull << BASER_PSZ_SHIFT | 0xffull)
#define BASER_TYPE_DEVICE       1
#define BASER_TYPE_COLLECTION   4
#define BASER_PSZ_64K   2
#define L1_VALID        (1ull << 63)

/* Table entries (see the top of the file) */
#define ENTRY_VALID     (1ull << 63)
#define DTE_ITT         (((1ull << 52) - 1) & ~0xffull)
#define DTE_SIZE        0x1full

/* Commands: 32 bytes, four little-endian doublewords */
enum {
    ITS_MOVI = 0x01, ITS_INT = 0x03, ITS_CLEAR = 0x04, ITS_SYNC = 0x05,
    ITS_MAPD = 0x08, ITS_MAPC = 0x09, ITS_MAPTI = 0x0a, ITS_MAPI = 0x0b,
    ITS_INV = 0x0c, ITS_INVALL = 0x0d, ITS_MOVALL = 0x0e, ITS_DISCARD = 0x0f,
};
#define ITS_CMD_SIZE    32

typedef enum ItsResult {
    ITS_OK,             /* done, next command */
    ITS_SKIP,           /* command error, logged: next command */
    ITS_STALL,          /* memory error: stop on this command */
} ItsResult;

/* A translated event: where its ITE is and what it says. */
typedef struct ItsEvent {
    hwaddr ite_addr;
    uint64_t ite;
    uint32_t intid;
    uint16_t icid;
    int cpu;            /* target redistributor, -1 if the collection is unmapped */
} ItsEvent;

static MemTxAttrs its_attrs(void)
{
    return (MemTxAttrs) { .memory = 1 };
}

static ItsResult its_ldq(hwaddr a, uint64_t *v, const char *what)
{
    if (ldq_le_dma(&address_space_memory, a, v, its_attrs()) != MEMTX_OK) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: %s at 0x%" HWADDR_PRIx
                 " cannot be read: command queue stalled\n", what, a);
        return ITS_STALL;
    }
    return ITS_OK;
}

static ItsResult its_stq(hwaddr a, uint64_t v, const char *what)
{
    MemTxResult res;

    address_space_stq_le(&address_space_memory, a, v, its_attrs(), &res);
    if (res != MEMTX_OK) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: %s at 0x%" HWADDR_PRIx
                 " cannot be written: command queue stalled\n", what, a);
        return ITS_STALL;
    }
    return ITS_OK;
}

static uint64_t baser_page_size(uint64_t baser)
{
    switch ((baser >> BASER_PSZ_SHIFT) & 3) {
    case 0: return 4 * KiB;
    case 1: return 16 * KiB;
    default: return 64 * KiB;
    }
}

static hwaddr baser_addr(uint64_t baser)
{
    if (baser_page_size(baser) == 64 * KiB) {
        /* PA [51:48] sits in bits [15:12] with 64 KiB pages. */
        return (baser & BASER_PA & ~0xffffull) | ((baser >> 12) & 0xf) << 48;
    }
    return baser & BASER_PA;
}

/*
 * Where entry @id of table @n (0 devices, 1 collections) is. *@addr = 0
 * when the table is not valid, @id is past its end, or (two-level) its
 * level-2 page is not valid: the caller makes that a command error.
 */
static ItsResult its_table_entry(GICv3ITSState *s, int n, uint32_t id,
                                 hwaddr *addr)
{
    uint64_t b = s->baser[n];
    uint64_t psz = baser_page_size(b);
    uint64_t bytes = ((b & 0xff) + 1) * psz;
    hwaddr base = baser_addr(b);

    *addr = 0;
    if (!(b & BASER_VALID)) {
        return ITS_OK;
    }
    if (b & BASER_INDIRECT) {
        uint64_t per_page = psz / ITS_ENTRY_SIZE, l1;
        uint64_t idx = id / per_page;
        ItsResult r;

        if (idx >= bytes / 8) {
            return ITS_OK;
        }
        r = its_ldq(base + idx * 8, &l1, "level-1 table entry");
        if (r != ITS_OK || !(l1 & L1_VALID)) {
            return r;
        }
        *addr = (l1 & (((1ull << 52) - 1) & ~(psz - 1))) +
                (id % per_page) * ITS_ENTRY_SIZE;
        return ITS_OK;
    }
    if ((uint64_t)id >= bytes / ITS_ENTRY_SIZE) {
        return ITS_OK;
    }
    *addr = base + (uint64_t)id * ITS_ENTRY_SIZE;
    return ITS_OK;
}

static ItsResult its_get_dte(GICv3ITSState *s, const char *cmd, uint32_t devid,
                             uint64_t *dte)
{
    hwaddr a;
    ItsResult r;

    *dte = 0;
    if (devid >= 1u << ITS_DEVBITS) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: %s: DeviceID 0x%x is out "
                 "of range\n", cmd, devid);
        return ITS_SKIP;
    }
    r = its_table_entry(s, 0, devid, &a);
    if (r != ITS_OK) {
        return r;
    }
    if (!a) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: %s: DeviceID 0x%x has no "
                 "place in the device table\n", cmd, devid);
        return ITS_SKIP;
    }
    return its_ldq(a, dte, "device table entry");
}

/* The redistributor collection @icid targets, or -1 if it is unmapped. */
static ItsResult its_get_collection(GICv3ITSState *s, const char *cmd,
                                    uint16_t icid, int *cpu)
{
    hwaddr a;
    uint64_t cte;
    ItsResult r = its_table_entry(s, 1, icid, &a);

    *cpu = -1;
    if (r != ITS_OK) {
        return r;
    }
    if (!a) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: %s: collection %u has no "
                 "place in the collection table\n", cmd, icid);
        return ITS_SKIP;
    }
    r = its_ldq(a, &cte, "collection table entry");
    if (r == ITS_OK && (cte & ENTRY_VALID)) {
        *cpu = cte & 0xffff;
    }
    return r;
}

/*
 * DeviceID + EventID -> ITE and target. ITS_SKIP (logged) when the device
 * is not mapped, the EventID is too big for its ITT, or the event is not
 * mapped; ev->cpu is -1 when its collection is not mapped.
 */
static ItsResult its_lookup(GICv3ITSState *s, const char *cmd, uint32_t devid,
                            uint32_t eventid, ItsEvent *ev)
{
    uint64_t dte;
    ItsResult r = its_get_dte(s, cmd, devid, &dte);

    if (r != ITS_OK) {
        return r;
    }
    if (!(dte & ENTRY_VALID)) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: %s: DeviceID 0x%x is not "
                 "mapped\n", cmd, devid);
        return ITS_SKIP;
    }
    if ((uint64_t)eventid >> ((dte & DTE_SIZE) + 1)) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: %s: EventID %u is past the "
                 "%u bits DeviceID 0x%x was mapped with\n", cmd, eventid,
                 (unsigned)(dte & DTE_SIZE) + 1, devid);
        return ITS_SKIP;
    }
    ev->ite_addr = (dte & DTE_ITT) + (uint64_t)eventid * ITS_ENTRY_SIZE;
    r = its_ldq(ev->ite_addr, &ev->ite, "interrupt translation entry");
    if (r != ITS_OK) {
        return r;
    }
    if (!(ev->ite & ENTRY_VALID)) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: %s: DeviceID 0x%x EventID "
                 "%u is not mapped\n", cmd, devid, eventid);
        return ITS_SKIP;
    }
    ev->intid = (ev->ite >> 16) & 0xffffffffu;
    ev->icid = ev->ite & 0xffff;
    return its_get_collection(s, cmd, ev->icid, &ev->cpu);
}

/* INT, CLEAR and GITS_TRANSLATER: make the event's LPI pending or not. */
static ItsResult its_trigger(GICv3ITSState *s, const char *cmd, uint32_t devid,
                             uint32_t eventid, bool on)
{
    ItsEvent ev;
    ItsResult r = its_lookup(s, cmd, devid, eventid, &ev);

    if (r != ITS_OK) {
        return r;
    }
    if (ev.cpu < 0) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: %s: collection %u of "
                 "DeviceID 0x%x EventID %u is not mapped\n", cmd, ev.icid,
                 devid, eventid);
        return ITS_SKIP;
    }
    gicv3_lpi_set_pending(s->gic, ev.cpu, ev.intid, on);
    return ITS_OK;
}

static bool its_rdbase_ok(GICv3ITSState *s, const char *cmd, uint64_t rd)
{
    if (rd >= s->gic->num_cpu) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: %s: target redistributor "
                 "%" PRIu64 " does not exist\n", cmd, rd);
        return false;
    }
    return true;
}

static ItsResult its_cmd_mapd(GICv3ITSState *s, const uint64_t *c)
{
    uint32_t devid = c[0] >> 32;
    unsigned size = c[1] & DTE_SIZE;
    bool valid = c[2] >> 63;
    hwaddr a;
    ItsResult r;

    if (devid >= 1u << ITS_DEVBITS) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: MAPD: DeviceID 0x%x is out "
                 "of range\n", devid);
        return ITS_SKIP;
    }
    if (valid && size + 1 > ITS_IDBITS) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: MAPD: %u EventID bits is "
                 "more than the %d this ITS has\n", size + 1, ITS_IDBITS);
        return ITS_SKIP;
    }
    r = its_table_entry(s, 0, devid, &a);
    if (r != ITS_OK) {
        return r;
    }
    if (!a) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: MAPD: DeviceID 0x%x has no "
                 "place in the device table\n", devid);
        return ITS_SKIP;
    }
    return its_stq(a, valid ? ENTRY_VALID | (c[2] & DTE_ITT) | size : 0,
                   "device table entry");
}

static ItsResult its_cmd_mapc(GICv3ITSState *s, const uint64_t *c)
{
    uint16_t icid = c[2] & 0xffff;
    uint64_t rd = (c[2] >> 16) & ((1ull << 35) - 1);
    bool valid = c[2] >> 63;
    hwaddr a;
    ItsResult r;

    if (valid && !its_rdbase_ok(s, "MAPC", rd)) {
        return ITS_SKIP;
    }
    r = its_table_entry(s, 1, icid, &a);
    if (r != ITS_OK) {
        return r;
    }
    if (!a) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: MAPC: collection %u has no "
                 "place in the collection table\n", icid);
        return ITS_SKIP;
    }
    return its_stq(a, valid ? ENTRY_VALID | rd : 0, "collection table entry");
}

static ItsResult its_cmd_mapti(GICv3ITSState *s, const uint64_t *c, bool mapi)
{
    const char *cmd = mapi ? "MAPI" : "MAPTI";
    uint32_t devid = c[0] >> 32;
    uint32_t eventid = c[1] & 0xffffffffu;
    uint32_t intid = mapi ? eventid : c[1] >> 32;
    uint16_t icid = c[2] & 0xffff;
    uint64_t dte;
    hwaddr a;
    ItsResult r = its_get_dte(s, cmd, devid, &dte);

    if (r != ITS_OK) {
        return r;
    }
    if (!(dte & ENTRY_VALID)) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: %s: DeviceID 0x%x is not "
                 "mapped\n", cmd, devid);
        return ITS_SKIP;
    }
    if ((uint64_t)eventid >> ((dte & DTE_SIZE) + 1)) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: %s: EventID %u is past the "
                 "%u bits DeviceID 0x%x was mapped with\n", cmd, eventid,
                 (unsigned)(dte & DTE_SIZE) + 1, devid);
        return ITS_SKIP;
    }
    if (intid < GICV3_LPI_INTID_START || intid >= GICV3_LPI_NR_IDS) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: %s: INTID %u is not an LPI "
                 "this GIC has\n", cmd, intid);
        return ITS_SKIP;
    }
    /* The collection need not be mapped yet, but it must have a place. */
    r = its_table_entry(s, 1, icid, &a);
    if (r != ITS_OK) {
        return r;
    }
    if (!a) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: %s: collection %u has no "
                 "place in the collection table\n", cmd, icid);
        return ITS_SKIP;
    }
    return its_stq((dte & DTE_ITT) + (uint64_t)eventid * ITS_ENTRY_SIZE,
                   ENTRY_VALID | (uint64_t)intid << 16 | icid,
                   "interrupt translation entry");
}

static ItsResult its_cmd_discard(GICv3ITSState *s, const uint64_t *c)
{
    uint32_t devid = c[0] >> 32, eventid = c[1] & 0xffffffffu;
    ItsEvent ev;
    ItsResult r = its_lookup(s, "DISCARD", devid, eventid, &ev);

    if (r != ITS_OK) {
        return r;
    }
    if (ev.cpu >= 0 && gicv3_lpi_is_pending(s->gic, ev.cpu, ev.intid)) {
        gicv3_lpi_set_pending(s->gic, ev.cpu, ev.intid, false);
    }
    return its_stq(ev.ite_addr, 0, "interrupt translation entry");
}

static ItsResult its_cmd_movi(GICv3ITSState *s, const uint64_t *c)
{
    uint32_t devid = c[0] >> 32, eventid = c[1] & 0xffffffffu;
    uint16_t icid = c[2] & 0xffff;
    ItsEvent ev;
    int to;
    ItsResult r = its_lookup(s, "MOVI", devid, eventid, &ev);

    if (r != ITS_OK) {
        return r;
    }
    r = its_get_collection(s, "MOVI", icid, &to);
    if (r != ITS_OK) {
        return r;
    }
    if (ev.cpu < 0 || to < 0) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: MOVI: collection %u is not "
                 "mapped\n", ev.cpu < 0 ? ev.icid : icid);
        return ITS_SKIP;
    }
    if (ev.cpu != to && gicv3_lpi_is_pending(s->gic, ev.cpu, ev.intid)) {
        gicv3_lpi_set_pending(s->gic, ev.cpu, ev.intid, false);
        gicv3_lpi_set_pending(s->gic, to, ev.intid, true);
    }
    return its_stq(ev.ite_addr, (ev.ite & ~0xffffull) | icid,
                   "interrupt translation entry");
}

static ItsResult its_process_one(GICv3ITSState *s, const uint64_t *c)
{
    uint32_t devid = c[0] >> 32, eventid = c[1] & 0xffffffffu;
    ItsEvent ev;
    ItsResult r;
    int cpu;

    switch (c[0] & 0xff) {
    case ITS_MAPD:
        return its_cmd_mapd(s, c);
    case ITS_MAPC:
        return its_cmd_mapc(s, c);
    case ITS_MAPTI:
        return its_cmd_mapti(s, c, false);
    case ITS_MAPI:
        return its_cmd_mapti(s, c, true);
    case ITS_INT:
        return its_trigger(s, "INT", devid, eventid, true);
    case ITS_CLEAR:
        return its_trigger(s, "CLEAR", devid, eventid, false);
    case ITS_DISCARD:
        return its_cmd_discard(s, c);
    case ITS_MOVI:
        return its_cmd_movi(s, c);
    case ITS_INV:
        /* The redistributor reads the LPI's configuration byte again. */
        r = its_lookup(s, "INV", devid, eventid, &ev);
        if (r == ITS_OK && ev.cpu < 0) {
            log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: INV: collection %u is "
                     "not mapped\n", ev.icid);
            return ITS_SKIP;
        }
        if (r == ITS_OK) {
            gicv3_lpi_inv(s->gic, ev.cpu, ev.intid);
        }
        return r;
    case ITS_INVALL:
        r = its_get_collection(s, "INVALL", c[2] & 0xffff, &cpu);
        if (r == ITS_OK && cpu < 0) {
            log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: INVALL: collection %u "
                     "is not mapped\n", (unsigned)(c[2] & 0xffff));
            return ITS_SKIP;
        }
        if (r == ITS_OK) {
            gicv3_lpi_invall(s->gic, cpu);
        }
        return r;
    case ITS_SYNC:
        /* Every effect is already visible: only the operand is checked. */
        return its_rdbase_ok(s, "SYNC", (c[2] >> 16) & ((1ull << 35) - 1))
               ? ITS_OK : ITS_SKIP;
    case ITS_MOVALL: {
        uint64_t from = (c[2] >> 16) & ((1ull << 35) - 1);
        uint64_t to = (c[3] >> 16) & ((1ull << 35) - 1);

        if (!its_rdbase_ok(s, "MOVALL", from) ||
            !its_rdbase_ok(s, "MOVALL", to)) {
            return ITS_SKIP;
        }
        gicv3_lpi_move_all(s->gic, from, to);
        return ITS_OK;
    }
    }
    log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: command 0x%02x is not one this "
             "ITS has (physical LPIs only): skipped\n",
             (unsigned)(c[0] & 0xff));
    return ITS_SKIP;
}

static uint64_t its_queue_size(GICv3ITSState *s)
{
    return ((s->cbaser & 0xff) + 1) * 4 * KiB;
}

static void its_process_queue(GICv3ITSState *s)
{
    uint64_t qsize = its_queue_size(s);

    if (!(s->ctlr & GITS_CTLR_ENABLED) || !(s->cbaser & CBASER_VALID)) {
        return;
    }
    while (!s->stalled && s->creadr != s->cwriter) {
        hwaddr a = (s->cbaser & CBASER_PA) + s->creadr;
        uint8_t raw[ITS_CMD_SIZE];
        uint64_t c[4];

        if (dma_memory_read(&address_space_memory, a, raw, sizeof(raw),
                            its_attrs()) != MEMTX_OK) {
            log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: command at 0x%"
                     HWADDR_PRIx " cannot be read: command queue stalled\n",
                     a);
            s->stalled = true;
            break;
        }
        for (int i = 0; i < 4; i++) {
            c[i] = ldq_le_p(raw + 8 * i);
        }
        if (its_process_one(s, c) == ITS_STALL) {
            s->stalled = true;
            break;
        }
        s->creadr = (s->creadr + ITS_CMD_SIZE) % qsize;
    }
}

/* GITS_TRANSLATER: DeviceID is who wrote, EventID what. */
static void its_translate(GICv3ITSState *s, uint32_t devid, uint32_t eventid)
{
    if (!(s->ctlr & GITS_CTLR_ENABLED)) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: GITS_TRANSLATER write "
                 "(DeviceID 0x%x, EventID %u) while the ITS is disabled: "
                 "ignored\n", devid, eventid);
        return;
    }
    if (its_trigger(s, "GITS_TRANSLATER", devid, eventid, true) == ITS_STALL) {
        /* A table it could not read: the write is lost, the queue is not. */
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: GITS_TRANSLATER write "
                 "(DeviceID 0x%x, EventID %u) dropped\n", devid, eventid);
    }
}

/* ---------------------------------------------------------------- */
/* Registers */

static bool its_is_baser(hwaddr off)
{
    return off >= GITS_BASER && off < GITS_BASER + 8 * GITS_NR_BASER;
}

static bool its_accepts(void *opaque, hwaddr off, unsigned size,
                        bool is_write, MemTxAttrs attrs)
{
    if (off & (size - 1)) {
        return false;
    }
    if (off >= 0x10000) {
        /* Translation frame: GITS_TRANSLATER takes 16- and 32-bit writes. */
        return size == 4 || (size == 2 && off == GITS_TRANSLATER);
    }
    switch (size) {
    case 4:
        return true;
    case 8:
        return off == GITS_TYPER || off == GITS_CBASER ||
               off == GITS_CWRITER || off == GITS_CREADR || its_is_baser(off);
    default:
        return false;
    }
}

static uint64_t its_merge(uint64_t old, hwaddr off, uint64_t val,
                          unsigned size)
{
    if (size == 8) {
        return val;
    }
    if (off & 4) {
        return (old & 0xffffffffull) | (val << 32);
    }
    return (old & ~0xffffffffull) | (uint32_t)val;
}

static uint64_t its_baser_reset(int n)
{
    uint64_t type = n == 0 ? BASER_TYPE_DEVICE
                  : n == 1 ? BASER_TYPE_COLLECTION : 0;

    if (!type) {
        return 0;
    }
    return type << BASER_TYPE_SHIFT |
           (uint64_t)(ITS_ENTRY_SIZE - 1) << BASER_ESIZE_SHIFT |
           (uint64_t)BASER_PSZ_64K << BASER_PSZ_SHIFT;
}

static MemTxResult its_read(void *opaque, hwaddr off, uint64_t *data,
                            unsigned size, MemTxAttrs attrs)
{
    GICv3ITSState *s = opaque;
    uint64_t v;

    if (off >= 0x10000) {
        *data = 0;                      /* the translation frame is WO */
        if (off != GITS_TRANSLATER) {
            log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: read of reserved "
                     "translation frame offset 0x%" HWADDR_PRIx "\n", off);
        }
        return MEMTX_OK;
    }
    if (its_is_baser(off)) {
        v = s->baser[(off - GITS_BASER) / 8];
    } else {
        switch (off & ~4ull) {
        case GITS_CTLR:
            if (off & 4) {
                *data = GITS_IIDR_VALUE;
                return MEMTX_OK;
            }
            /* Commands run to completion at once: always quiescent. */
            *data = s->ctlr | GITS_CTLR_QUIESCENT;
            return MEMTX_OK;
        case GITS_TYPER:
            v = GITS_TYPER_VALUE;
            break;
        case GITS_CBASER:
            v = s->cbaser;
            break;
        case GITS_CWRITER:
            v = s->cwriter;
            break;
        case GITS_CREADR:
            v = s->creadr | (s->stalled ? CREADR_STALLED : 0);
            break;
        default:
            if (off == GITS_PIDR2) {
                *data = 0x3b;           /* ArchRev 3 (Linux checks it) */
            } else if (off >= GITS_IDREGS) {
                *data = 0;
            } else {
                log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: read of reserved "
                         "offset 0x%" HWADDR_PRIx "\n", off);
                *data = 0;
            }
            return MEMTX_OK;
        }
    }
    *data = size == 8 ? v : (uint32_t)(v >> (8 * (off & 4)));
    return MEMTX_OK;
}

static MemTxResult its_write(void *opaque, hwaddr off, uint64_t val,
                             unsigned size, MemTxAttrs attrs)
{
    GICv3ITSState *s = opaque;
    bool enabled = s->ctlr & GITS_CTLR_ENABLED;

    if (off >= 0x10000) {
        if (off == GITS_TRANSLATER) {
            its_translate(s, attrs.requester_id, (uint32_t)val);
        } else {
            log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: write to reserved "
                     "translation frame offset 0x%" HWADDR_PRIx "\n", off);
        }
        return MEMTX_OK;
    }
    if (its_is_baser(off)) {
        int n = (off - GITS_BASER) / 8;
        uint64_t v;

        if (!its_baser_reset(n)) {
            return MEMTX_OK;            /* unimplemented: RAZ/WI */
        }
        if (enabled) {
            log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: GITS_BASER%d written "
                     "while the ITS is enabled: ignored\n", n);
            return MEMTX_OK;
        }
        v = its_merge(s->baser[n], off, val, size) & BASER_RW;
        if (((v >> BASER_PSZ_SHIFT) & 3) == 3) {
            /* Reserved page size: keep the one we had. */
            v = (v & ~(3ull << BASER_PSZ_SHIFT)) |
                (s->baser[n] & (3ull << BASER_PSZ_SHIFT));
        }
        s->baser[n] = v | (its_baser_reset(n) & ~(3ull << BASER_PSZ_SHIFT));
        return MEMTX_OK;
    }
    switch (off & ~4ull) {
    case GITS_CTLR:
        if (off & 4) {
            break;                      /* GITS_IIDR */
        }
        s->ctlr = val & GITS_CTLR_ENABLED;
        its_process_queue(s);
        return MEMTX_OK;
    case GITS_CBASER:
        if (enabled) {
            log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: GITS_CBASER written "
                     "while the ITS is enabled: ignored\n");
            return MEMTX_OK;
        }
        s->cbaser = its_merge(s->cbaser, off, val, size) & CBASER_RW;
        s->creadr = 0;                  /* as the spec says */
        s->stalled = false;
        return MEMTX_OK;
    case GITS_CWRITER:
        if (off & 4) {
            return MEMTX_OK;            /* [63:20] are RES0 */
        }
        if ((val & CWRITER_OFFSET) >= its_queue_size(s)) {
            log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: GITS_CWRITER 0x%" PRIx64
                     " is past the end of the %" PRIu64 "-byte command "
                     "queue: ignored\n", (uint64_t)(val & CWRITER_OFFSET),
                     its_queue_size(s));
            return MEMTX_OK;
        }
        s->cwriter = val & CWRITER_OFFSET;
        if (val & CWRITER_RETRY) {
            s->stalled = false;
        }
        its_process_queue(s);
        return MEMTX_OK;
    }
    if (off == GITS_TYPER || off == GITS_TYPER + 4 || off == GITS_IIDR ||
        (off & ~4ull) == GITS_CREADR || off >= GITS_IDREGS) {
        log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: write to read-only "
                 "register 0x%" HWADDR_PRIx "\n", off);
        return MEMTX_OK;
    }
    log_mask(LOG_GUEST_ERROR, "arm-gicv3-its: write to reserved offset 0x%"
             HWADDR_PRIx "\n", off);
    return MEMTX_OK;
}

static const MemoryRegionOps its_ops = {
    .read_with_attrs = its_read,
    .write_with_attrs = its_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 2, .max_access_size = 8,
               .accepts = its_accepts },
    .impl = { .min_access_size = 2, .max_access_size = 8 },
};

/* ---------------------------------------------------------------- */

static void its_reset(DeviceState *dev)
{
    GICv3ITSState *s = ARM_GICV3_ITS(dev);

    s->ctlr = 0;
    s->cbaser = 0;
    s->cwriter = 0;
    s->creadr = 0;
    s->stalled = false;
    for (int n = 0; n < GITS_NR_BASER; n++) {
        s->baser[n] = its_baser_reset(n);
    }
}

static void its_realize(DeviceState *dev, GError **errp)
{
    GICv3ITSState *s = ARM_GICV3_ITS(dev);

    if (!s->gic) {
        error_setg(errp, "arm-gicv3-its: the 'parent-gicv3' link is not set");
        return;
    }
    if (!s->gic->has_lpi) {
        error_setg(errp, "arm-gicv3-its: the GICv3 must have 'has-lpi' set");
        return;
    }
    memory_region_init_io(&s->iomem, OBJECT(dev), &its_ops, s,
                          "gicv3-its", GITS_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->iomem);
}

static void its_unrealize(DeviceState *dev)
{
    memory_region_destroy(&ARM_GICV3_ITS(dev)->iomem);
}

static Property its_properties[] = {
    DEFINE_PROP_LINK("parent-gicv3", GICv3ITSState, gic, TYPE_ARM_GICV3,
                     GICv3State *),
    DEFINE_PROP_END_OF_LIST(),
};

/* The tables live in guest RAM; the ITS itself holds only its registers. */
static const VMStateDescription vmstate_its = {
    .name = "arm-gicv3-its",
    .version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(ctlr, GICv3ITSState),
        VMSTATE_UINT64(cbaser, GICv3ITSState),
        VMSTATE_UINT64(cwriter, GICv3ITSState),
        VMSTATE_UINT64(creadr, GICv3ITSState),
        VMSTATE_UINT64_ARRAY(baser, GICv3ITSState),
        VMSTATE_BOOL(stalled, GICv3ITSState),
        VMSTATE_END_OF_LIST()
    },
};

static void its_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->vmsd = &vmstate_its;
    dc->desc = "Arm GICv3 Interrupt Translation Service";
    dc->realize = its_realize;
    dc->unrealize = its_unrealize;
    dc->reset = its_reset;
    device_class_set_props(dc, its_properties);
}

static const TypeInfo its_info = {
    .name = TYPE_ARM_GICV3_ITS,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(GICv3ITSState),
    .class_init = its_class_init,
};

static void its_register_types(void)
{
    type_register_static(&its_info);
}
type_init(its_register_types)
