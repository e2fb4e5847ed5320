/*
 * pl011.c - Arm PrimeCell UART (PL011), the virt machine's console.
 *
 * Transmit is immediate (bytes go to the chardev at once; the TX FIFO is
 * always empty); receive has the 16-entry FIFO (1 entry with LCR_H.FEN=0)
 * with the flags, the raw/masked interrupt status and the ID registers of
 * the TRM (DDI 0183). Baud rate, line control and DMA are stored and read
 * back, nothing more. Registers are 32-bit; byte and halfword accesses at
 * the start of a register are allowed (bare-metal code does strb to DR).
 */
#include "util/osdep.h"
#include "util/log.h"
#include "migration/vmstate.h"
#include "hw/sysbus.h"
#include "hw/qdev-properties.h"
#include "hw/irq.h"
#include "exec/memory.h"
#include "chardev/char-fe.h"

#define TYPE_PL011 "pl011"

/* Registers (byte offsets) */
#define UARTDR      0x000
#define UARTRSR     0x004       /* read: RSR, write: ECR */
#define UARTFR      0x018
#define UARTILPR    0x020
#define UARTIBRD    0x024
#define UARTFBRD    0x028
#define UARTLCR_H   0x02c
#define UARTCR      0x030
#define UARTIFLS    0x034
#define UARTIMSC    0x038
#define UARTRIS     0x03c
#define UARTMIS     0x040
#define UARTICR     0x044
#define UARTDMACR   0x048
#define UARTID      0xfe0       /* PeriphID0..3, PCellID0..3 */

/* UARTFR bits */
#define FR_BUSY     (1u << 3)
#define FR_RXFE     (1u << 4)
#define FR_TXFF     (1u << 5)
#define FR_RXFF     (1u << 6)
#define FR_TXFE     (1u << 7)

/* Interrupt bits (IMSC/RIS/MIS/ICR) */
#define INT_RX      (1u << 4)
#define INT_TX      (1u << 5)
#define INT_RT      (1u << 6)
#define INT_ALL     0x7ff

#define LCR_FEN     (1u << 4)
#define PL011_FIFO_DEPTH 16

/* PL011 r1p5 identification, from the TRM. */
static const uint8_t pl011_id[8] = {
    0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1
};

typedef struct PL011State {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    CharBackend chr;
    Chardev *chardev;           /* the "chardev" property */
    qemu_irq irq;

    uint32_t rsr;
    uint32_t ilpr;
    uint32_t ibrd;
    uint32_t fbrd;
    uint32_t lcr;
    uint32_t cr;
    uint32_t ifls;
    uint32_t imsc;
    uint32_t ris;
    uint32_t dmacr;
    uint32_t rx_fifo[PL011_FIFO_DEPTH];
    int rx_pos;
    int rx_count;
} PL011State;

#define PL011(obj) OBJECT_CHECK(PL011State, (obj), TYPE_PL011)

static void pl011_update(PL011State *s)
{
    qemu_set_irq(s->irq, (s->ris & s->imsc) != 0);
}

static int pl011_fifo_depth(PL011State *s)
{
    return (s->lcr & LCR_FEN) ? PL011_FIFO_DEPTH : 1;
}

static uint32_t pl011_flags(PL011State *s)
{
    uint32_t fr = FR_TXFE;
    if (s->rx_count == 0) {
        fr |= FR_RXFE;
    }
    if (s->rx_count >= pl011_fifo_depth(s)) {
        fr |= FR_RXFF;
    }
    return fr;
}

static uint64_t pl011_read(void *opaque, hwaddr addr, unsigned size)
{
    PL011State *s = opaque;
    uint32_t v;

    if (addr & 3) {
        log_mask(LOG_GUEST_ERROR, "pl011: read at unaligned offset 0x%"
                 HWADDR_PRIx "\n", addr);
        return 0;
    }
    switch (addr) {
    case UARTDR:
        if (s->rx_count == 0) {
            return 0;
        }
        v = s->rx_fifo[s->rx_pos];
        s->rx_pos = (s->rx_pos + 1) % PL011_FIFO_DEPTH;
        s->rx_count--;
        if (s->rx_count == 0) {
            s->ris &= ~(INT_RX | INT_RT);
        }
        s->rsr = v >> 8;
        pl011_update(s);
        qemu_chr_fe_accept_input(&s->chr);
        return v;
    case UARTRSR: return s->rsr;
    case UARTFR: return pl011_flags(s);
    case UARTILPR: return s->ilpr;
    case UARTIBRD: return s->ibrd;
    case UARTFBRD: return s->fbrd;
    case UARTLCR_H: return s->lcr;
    case UARTCR: return s->cr;
    case UARTIFLS: return s->ifls;
    case UARTIMSC: return s->imsc;
    case UARTRIS: return s->ris;
    case UARTMIS: return s->ris & s->imsc;
    case UARTDMACR: return s->dmacr;
    default:
        if (addr >= UARTID && addr < UARTID + 0x20) {
            return pl011_id[(addr - UARTID) >> 2];
        }
        log_mask(LOG_GUEST_ERROR, "pl011: read of unknown register 0x%"
                 HWADDR_PRIx "\n", addr);
        return 0;
    }
}

static void pl011_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    PL011State *s = opaque;

    if (addr & 3) {
        log_mask(LOG_GUEST_ERROR, "pl011: write at unaligned offset 0x%"
                 HWADDR_PRIx "\n", addr);
        return;
    }
    switch (addr) {
    case UARTDR: {
        uint8_t ch = val;
        /* Transmission completes at once: TX FIFO empty, TX interrupt up. */
        qemu_chr_fe_write_all(&s->chr, &ch, 1);
        s->ris |= INT_TX;
        pl011_update(s);
        break;
    }
    case UARTRSR: s->rsr = 0; break;      /* ECR: clear errors */
    case UARTILPR: s->ilpr = val & 0xff; break;
    case UARTIBRD: s->ibrd = val & 0xffff; break;
    case UARTFBRD: s->fbrd = val & 0x3f; break;
    case UARTLCR_H:
        if ((s->lcr ^ val) & LCR_FEN) {
            /* Changing FIFO mode empties the FIFO. */
            s->rx_count = 0;
            s->rx_pos = 0;
        }
        s->lcr = val & 0xff;
        break;
    case UARTCR: s->cr = val & 0xffff; break;
    case UARTIFLS: s->ifls = val & 0x3f; break;
    case UARTIMSC: s->imsc = val & INT_ALL; pl011_update(s); break;
    case UARTICR: s->ris &= ~val; pl011_update(s); break;
    case UARTDMACR:
        s->dmacr = val & 7;
        if (val & 3) {
            log_mask(LOG_UNIMP, "pl011: DMA not implemented\n");
        }
        break;
    default:
        log_mask(LOG_GUEST_ERROR, "pl011: write to %s register 0x%"
                 HWADDR_PRIx "\n",
                 addr == UARTFR || addr == UARTRIS || addr == UARTMIS ||
                 addr >= UARTID ? "read-only" : "unknown", addr);
        break;
    }
}

static const MemoryRegionOps pl011_ops = {
    .read = pl011_read,
    .write = pl011_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

static int pl011_can_receive(void *opaque)
{
    PL011State *s = opaque;
    return pl011_fifo_depth(s) - s->rx_count;
}

static void pl011_receive(void *opaque, const uint8_t *buf, int size)
{
    PL011State *s = opaque;

    for (int i = 0; i < size; i++) {
        if (s->rx_count >= pl011_fifo_depth(s)) {
            s->rsr |= 8;        /* overrun */
            break;
        }
        s->rx_fifo[(s->rx_pos + s->rx_count) % PL011_FIFO_DEPTH] = buf[i];
        s->rx_count++;
    }
    s->ris |= INT_RX;
    pl011_update(s);
}

static void pl011_reset(DeviceState *dev)
{
    PL011State *s = PL011(dev);

    s->rsr = 0;
    s->ilpr = s->ibrd = s->fbrd = 0;
    s->lcr = 0;
    s->cr = 0x300;              /* TXE | RXE */
    s->ifls = 0x12;             /* both FIFOs half full */
    s->imsc = 0;
    s->ris = 0;
    s->dmacr = 0;
    s->rx_pos = s->rx_count = 0;
    pl011_update(s);
}

static void pl011_init(Object *obj)
{
    PL011State *s = PL011(obj);

    memory_region_init_io(&s->iomem, obj, &pl011_ops, s, "pl011", 0x1000);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
}

static void pl011_realize(DeviceState *dev, GError **errp)
{
    PL011State *s = PL011(dev);

    if (s->chardev) {
        if (!qemu_chr_fe_init(&s->chr, s->chardev, errp)) {
            return;
        }
        qemu_chr_fe_set_handlers(&s->chr, pl011_can_receive, pl011_receive,
                                 NULL, NULL, s, NULL, true);
    }
}

static Property pl011_properties[] = {
    DEFINE_PROP_CHR("chardev", PL011State, chardev),
    DEFINE_PROP_END_OF_LIST(),
};

static int pl011_post_load(void *opaque, int version_id)
{
    PL011State *s = opaque;

    if (s->rx_pos < 0 || s->rx_pos >= PL011_FIFO_DEPTH ||
        s->rx_count < 0 || s->rx_count > PL011_FIFO_DEPTH) {
        return -1;
    }
    pl011_update(s);
    return 0;
}

static const VMStateDescription vmstate_pl011 = {
    .name = "pl011",
    .version_id = 1,
    .post_load = pl011_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(rsr, PL011State),
        VMSTATE_UINT32(ilpr, PL011State),
        VMSTATE_UINT32(ibrd, PL011State),
        VMSTATE_UINT32(fbrd, PL011State),
        VMSTATE_UINT32(lcr, PL011State),
        VMSTATE_UINT32(cr, PL011State),
        VMSTATE_UINT32(ifls, PL011State),
        VMSTATE_UINT32(imsc, PL011State),
        VMSTATE_UINT32(ris, PL011State),
        VMSTATE_UINT32(dmacr, PL011State),
        VMSTATE_UINT32_ARRAY(rx_fifo, PL011State),
        VMSTATE_INT32(rx_pos, PL011State),
        VMSTATE_INT32(rx_count, PL011State),
        VMSTATE_END_OF_LIST()
    },
};

static void pl011_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->vmsd = &vmstate_pl011;
    dc->desc = "Arm PrimeCell PL011 UART";
    dc->realize = pl011_realize;
    dc->reset = pl011_reset;
    device_class_set_props(dc, pl011_properties);
}

static const TypeInfo pl011_info = {
    .name = TYPE_PL011,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(PL011State),
    .instance_init = pl011_init,
    .class_init = pl011_class_init,
};

static void pl011_register_types(void)
{
    type_register_static(&pl011_info);
}
type_init(pl011_register_types)
