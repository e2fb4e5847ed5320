/*
 * pl031.h - Arm PrimeCell real-time clock (PL031), as on QEMU's virt board.
 *
 * The board creates it with
 *     sysbus_create_simple(TYPE_PL031, 0x09010000, qdev_get_gpio_in(gic, 2));
 * (SPI 2 on virt). One MMIO region of 0x1000 bytes, one IRQ output (the
 * match interrupt). With the "addr" property set, realize maps the device
 * itself, so that `-M none -device pl031,addr=...` works in qtest.
 */
#ifndef HW_RTC_PL031_H
#define HW_RTC_PL031_H

#define TYPE_PL031 "pl031"

/* Register offsets, for boards and tests. */
#define PL031_DR        0x000   /* data: current count, seconds */
#define PL031_MR        0x004   /* match */
#define PL031_LR        0x008   /* load */
#define PL031_CR        0x00c   /* control: bit 0 starts the counter */
#define PL031_IMSC      0x010   /* interrupt mask set/clear */
#define PL031_RIS       0x014   /* raw interrupt status */
#define PL031_MIS       0x018   /* masked interrupt status */
#define PL031_ICR       0x01c   /* interrupt clear (write 1) */
#define PL031_PERIPHID0 0xfe0   /* PeriphID0..3 then PCellID0..3, a byte each */
#define PL031_MMIO_SIZE 0x1000

#endif
