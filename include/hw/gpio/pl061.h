/*
 * pl061.h - Arm PrimeCell GPIO controller (PL061), as on QEMU's virt board
 * at 0x09030000 (SPI 7), where pin 3 is the gpio-keys power button that
 * system_powerdown presses.
 *
 * One MMIO region of 0x1000 bytes, one IRQ output (the combined GPIOINTR),
 * eight GPIO inputs (qdev_get_gpio_in(dev, n): the level an external
 * circuit drives on pin n) and eight outputs (what the guest drives on the
 * pins it set as outputs).
 */
#ifndef HW_GPIO_PL061_H
#define HW_GPIO_PL061_H

#define TYPE_PL061 "pl061"

#define PL061_DATA      0x000   /* 0x000..0x3fc: address bits 9:2 mask */
#define PL061_DIR       0x400   /* 1 = output */
#define PL061_IS        0x404   /* interrupt sense: 1 = level */
#define PL061_IBE       0x408   /* both edges */
#define PL061_IEV       0x40c   /* event: 1 = rising edge / high level */
#define PL061_IE        0x410   /* interrupt mask: 1 = enabled */
#define PL061_RIS       0x414
#define PL061_MIS       0x418
#define PL061_IC        0x41c   /* write 1 to clear an edge interrupt */
#define PL061_AFSEL     0x420
#define PL061_PERIPHID0 0xfe0
#define PL061_MMIO_SIZE 0x1000

#endif
