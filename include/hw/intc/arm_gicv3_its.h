/*
 * arm_gicv3_its.h - the GICv3 Interrupt Translation Service (IHI 0069,
 * chapter 5): turns an MSI write (DeviceID from the writer's requester id,
 * EventID = the data) into an LPI pending in one redistributor, through the
 * device, interrupt translation and collection tables the guest keeps in
 * its memory and fills with commands.
 *
 * Board wiring (QEMU's virt places it at 0x08080000, 128 KiB):
 *
 *     qdev_prop_set_bit(gic, "has-lpi", true);       // before realizing gic
 *     DeviceState *its = qdev_new(TYPE_ARM_GICV3_ITS);
 *     qdev_prop_set_link(its, "parent-gicv3", OBJECT(gic));
 *     sysbus_realize_and_unref(SYS_BUS_DEVICE(its), &error_fatal);
 *     sysbus_mmio_map(SYS_BUS_DEVICE(its), 0, 0x08080000);
 *     // DT: /intc/its@8080000, compatible "arm,gic-v3-its", msi-controller,
 *     //     #msi-cells = 1; the PCIe host gets msi-map = <0 &its 0 0x10000>.
 *
 * Region 0 is the control frame (64 KiB: GITS_CTLR .. GITS_BASER<n>, the
 * ID registers) followed by the translation frame (64 KiB: GITS_TRANSLATER
 * at 0x10040). A PCI function's MSI is an ordinary DWORD write into it
 * (msi_send_message), and MemTxAttrs.requester_id is the DeviceID.
 */
#ifndef HW_INTC_ARM_GICV3_ITS_H
#define HW_INTC_ARM_GICV3_ITS_H

#include "hw/sysbus.h"
#include "exec/memory.h"
#include "hw/intc/arm_gicv3.h"

#define TYPE_ARM_GICV3_ITS "arm-gicv3-its"

#define GITS_SIZE           0x20000
#define GITS_TRANSLATER     0x10040     /* offset in region 0 */
#define GITS_NR_BASER       8

typedef struct GICv3ITSState {
    SysBusDevice parent_obj;
    MemoryRegion iomem;
    GICv3State *gic;                /* property "parent-gicv3" */

    uint32_t ctlr;                  /* GITS_CTLR.Enabled */
    uint64_t cbaser, cwriter, creadr;
    uint64_t baser[GITS_NR_BASER];
    bool stalled;                   /* GITS_CREADR.Stalled */
} GICv3ITSState;

#define ARM_GICV3_ITS(obj) \
    OBJECT_CHECK(GICv3ITSState, (obj), TYPE_ARM_GICV3_ITS)

#endif
