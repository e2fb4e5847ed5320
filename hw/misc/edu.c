/*
 * edu.c - the "edu" teaching device (PCI 1234:11e8), for driver bring-up
 * demos: an ID register, a liveness check, a factorial unit, an interrupt
 * raise/acknowledge pair (MSI when enabled, else INTA) and a small DMA
 * engine with a 4 KiB buffer. Register map from QEMU's docs/specs/edu.rst.
 *
 * Unlike QEMU's, factorials and DMA complete synchronously inside the
 * MMIO write that starts them: the busy bits are already clear when the
 * driver first polls, which every correct driver accepts.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "hw/qdev-properties.h"
#include "hw/pci/pci.h"
#include "hw/pci/msi.h"

#define TYPE_PCI_EDU "edu"

/* BAR0 registers */
#define EDU_ID              0x00    /* RO: 0xRRrr00ed, version 1.0 */
#define EDU_LIVENESS        0x04    /* RW: reads back ~value */
#define EDU_FACT            0x08    /* RW: n in, n! out */
#define EDU_STATUS          0x20    /* RW */
#define  EDU_STATUS_COMPUTING   0x01    /* RO */
#define  EDU_STATUS_IRQFACT     0x80    /* raise 0x1 when a factorial ends */
#define EDU_IRQ_STATUS      0x24    /* RO */
#define EDU_IRQ_RAISE       0x60    /* WO: OR into irq status, raise */
#define EDU_IRQ_ACK         0x64    /* WO: clear from irq status */
#define EDU_DMA_SRC         0x80    /* RW, 64-bit */
#define EDU_DMA_DST         0x88
#define EDU_DMA_CNT         0x90
#define EDU_DMA_CMD         0x98
#define  EDU_DMA_RUN            0x01
#define  EDU_DMA_DIR_TO_RAM     0x02    /* 0: RAM -> EDU, 1: EDU -> RAM */
#define  EDU_DMA_IRQ            0x04    /* raise 0x100 when done */

#define EDU_ID_VALUE        0x010000edu
#define EDU_FACT_IRQ        0x00000001u
#define EDU_DMA_DONE_IRQ    0x00000100u
#define EDU_DMA_START       0x40000     /* the buffer in edu's address space */
#define EDU_DMA_SIZE        4096
#define EDU_BAR_SIZE        (1 * MiB)

typedef struct EduState {
    PCIDevice pdev;
    MemoryRegion mmio;

    uint32_t addr4;
    uint32_t fact;
    uint32_t status;
    uint32_t irq_status;
    struct {
        dma_addr_t src;
        dma_addr_t dst;
        dma_addr_t cnt;
        dma_addr_t cmd;
    } dma;
    uint8_t dma_buf[EDU_DMA_SIZE];
    uint64_t dma_mask;      /* property "dma_mask" */
} EduState;

#define EDU(obj) OBJECT_CHECK(EduState, (obj), TYPE_PCI_EDU)

static void edu_raise_irq(EduState *s, uint32_t val)
{
    s->irq_status |= val;
    if (!s->irq_status) {
        return;
    }
    if (msi_enabled(&s->pdev)) {
        msi_notify(&s->pdev, 0);
    } else {
        pci_set_irq(&s->pdev, 1);
    }
}

static void edu_lower_irq(EduState *s, uint32_t val)
{
    s->irq_status &= ~val;
    if (!s->irq_status && !msi_enabled(&s->pdev)) {
        pci_set_irq(&s->pdev, 0);
    }
}

static void edu_compute_factorial(EduState *s)
{
    uint32_t ret = 1;

    /*
     * 32-bit result: large inputs wrap, as in the reference device. From
     * 34! on the product holds at least 32 factors of two, so it is 0
     * modulo 2^32: no need to let a guest spin us through 2^32 steps.
     */
    if (s->fact >= 34) {
        ret = 0;
    }
    for (uint32_t v = s->fact; v > 1 && ret; v--) {
        ret *= v;
    }
    s->fact = ret;
    s->status &= ~EDU_STATUS_COMPUTING;
    if (s->status & EDU_STATUS_IRQFACT) {
        edu_raise_irq(s, EDU_FACT_IRQ);
    }
}

static dma_addr_t edu_clamp_addr(EduState *s, dma_addr_t addr)
{
    dma_addr_t res = addr & s->dma_mask;

    if (res != addr) {
        log_mask(LOG_GUEST_ERROR, "edu: clamping DMA address 0x%" PRIx64
                 " to 0x%" PRIx64 " (dma_mask 0x%" PRIx64 ")\n",
                 (uint64_t)addr, (uint64_t)res, s->dma_mask);
    }
    return res;
}

/* Whether [addr, addr + len) lies inside the device's buffer. */
static bool edu_in_buffer(dma_addr_t addr, dma_addr_t len)
{
    return addr >= EDU_DMA_START && len <= EDU_DMA_SIZE &&
           addr - EDU_DMA_START <= EDU_DMA_SIZE - len;
}

static void edu_run_dma(EduState *s)
{
    bool to_ram = s->dma.cmd & EDU_DMA_DIR_TO_RAM;
    dma_addr_t buf_addr = to_ram ? s->dma.src : s->dma.dst;
    MemTxResult res;

    if (!edu_in_buffer(buf_addr, s->dma.cnt)) {
        log_mask(LOG_GUEST_ERROR, "edu: DMA %s 0x%" PRIx64 "+0x%" PRIx64
                 " is outside the buffer 0x%x+0x%x: not started\n",
                 to_ram ? "source" : "destination", (uint64_t)buf_addr,
                 (uint64_t)s->dma.cnt, EDU_DMA_START, EDU_DMA_SIZE);
        s->dma.cmd &= ~EDU_DMA_RUN;
        return;
    }
    buf_addr -= EDU_DMA_START;
    if (to_ram) {
        res = pci_dma_write(&s->pdev, edu_clamp_addr(s, s->dma.dst),
                            s->dma_buf + buf_addr, s->dma.cnt);
    } else {
        res = pci_dma_read(&s->pdev, edu_clamp_addr(s, s->dma.src),
                           s->dma_buf + buf_addr, s->dma.cnt);
    }
    if (res != MEMTX_OK) {
        log_mask(LOG_GUEST_ERROR, "edu: DMA failed (result 0x%x)\n", res);
    }
    s->dma.cmd &= ~EDU_DMA_RUN;
    if (s->dma.cmd & EDU_DMA_IRQ) {
        edu_raise_irq(s, EDU_DMA_DONE_IRQ);
    }
}

static uint64_t edu_mmio_read(void *opaque, hwaddr addr, unsigned size)
{
    EduState *s = opaque;

    /* Registers below 0x80 are 32-bit only; other widths read all-ones. */
    if (addr < EDU_DMA_SRC && size != 4) {
        return UINT64_MAX;
    }
    switch (addr) {
    case EDU_ID:
        return EDU_ID_VALUE;
    case EDU_LIVENESS:
        return s->addr4;
    case EDU_FACT:
        return s->fact;
    case EDU_STATUS:
        return s->status;
    case EDU_IRQ_STATUS:
        return s->irq_status;
    case EDU_DMA_SRC:
        return s->dma.src;
    case EDU_DMA_DST:
        return s->dma.dst;
    case EDU_DMA_CNT:
        return s->dma.cnt;
    case EDU_DMA_CMD:
        return s->dma.cmd;
    }
    return UINT64_MAX;
}

static void edu_mmio_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
    EduState *s = opaque;

    if (addr < EDU_DMA_SRC && size != 4) {
        log_mask(LOG_GUEST_ERROR, "edu: %u-byte write to 0x%" HWADDR_PRIx
                 " ignored (32-bit register)\n", size, addr);
        return;
    }
    switch (addr) {
    case EDU_LIVENESS:
        s->addr4 = ~(uint32_t)val;
        break;
    case EDU_FACT:
        if (!(s->status & EDU_STATUS_COMPUTING)) {
            s->fact = val;
            s->status |= EDU_STATUS_COMPUTING;
            edu_compute_factorial(s);
        }
        break;
    case EDU_STATUS:
        if (val & EDU_STATUS_IRQFACT) {
            s->status |= EDU_STATUS_IRQFACT;
        } else {
            s->status &= ~EDU_STATUS_IRQFACT;
        }
        break;
    case EDU_IRQ_RAISE:
        edu_raise_irq(s, val);
        break;
    case EDU_IRQ_ACK:
        edu_lower_irq(s, val);
        break;
    case EDU_DMA_SRC:
        s->dma.src = size == 4 ? (s->dma.src & ~0xffffffffULL) | (uint32_t)val
                               : val;
        break;
    case EDU_DMA_DST:
        s->dma.dst = size == 4 ? (s->dma.dst & ~0xffffffffULL) | (uint32_t)val
                               : val;
        break;
    case EDU_DMA_CNT:
        s->dma.cnt = val;
        break;
    case EDU_DMA_CMD:
        if (!(s->dma.cmd & EDU_DMA_RUN)) {
            s->dma.cmd = val;
            if (val & EDU_DMA_RUN) {
                edu_run_dma(s);
            }
        }
        break;
    default:
        log_mask(LOG_GUEST_ERROR, "edu: write to unknown register 0x%"
                 HWADDR_PRIx "\n", addr);
        break;
    }
}

static const MemoryRegionOps edu_mmio_ops = {
    .read = edu_mmio_read,
    .write = edu_mmio_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 8 },
};

static void edu_reset(DeviceState *dev)
{
    EduState *s = EDU(dev);

    s->addr4 = 0;
    s->fact = 0;
    s->status = 0;
    s->irq_status = 0;
    memset(&s->dma, 0, sizeof(s->dma));
}

static void edu_realize(PCIDevice *pdev, GError **errp)
{
    EduState *s = EDU(pdev);

    pci_config_set_interrupt_pin(pdev->config, 1);
    if (msi_init(pdev, 0, 1, true, false, errp) < 0) {
        return;
    }
    memory_region_init_io(&s->mmio, OBJECT(s), &edu_mmio_ops, s, "edu-mmio",
                          EDU_BAR_SIZE);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->mmio);
}

static void edu_exit(PCIDevice *pdev)
{
    EduState *s = EDU(pdev);

    memory_region_destroy(&s->mmio);
}

/* Factorials and DMA complete inside the MMIO write: nothing is under way. */
static const VMStateDescription vmstate_edu = {
    .name = "edu",
    .version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_PCI_DEVICE(pdev, EduState),
        VMSTATE_UINT32(addr4, EduState),
        VMSTATE_UINT32(fact, EduState),
        VMSTATE_UINT32(status, EduState),
        VMSTATE_UINT32(irq_status, EduState),
        VMSTATE_UINT64(dma.src, EduState),
        VMSTATE_UINT64(dma.dst, EduState),
        VMSTATE_UINT64(dma.cnt, EduState),
        VMSTATE_UINT64(dma.cmd, EduState),
        VMSTATE_UINT8_ARRAY(dma_buf, EduState),
        VMSTATE_END_OF_LIST()
    },
};

static Property edu_props[] = {
    DEFINE_PROP_UINT64("dma_mask", EduState, dma_mask, (1ULL << 28) - 1),
    DEFINE_PROP_END_OF_LIST(),
};

static void edu_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = edu_realize;
    k->exit = edu_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = PCI_DEVICE_ID_QEMU_EDU;
    k->revision = 0x10;
    k->class_id = PCI_CLASS_OTHERS;     /* 0x00ff, as QEMU shows it */
    dc->desc = "Educational PCI device (factorial, IRQs, DMA)";
    dc->reset = edu_reset;
    dc->vmsd = &vmstate_edu;
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
    device_class_set_props(dc, edu_props);
}

static const TypeInfo edu_info = {
    .name = TYPE_PCI_EDU,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(EduState),
    .class_init = edu_class_init,
};

static void edu_register_types(void)
{
    type_register_static(&edu_info);
}

type_init(edu_register_types)
