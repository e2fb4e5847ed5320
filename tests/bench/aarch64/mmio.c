/*
 * mmio.c - the MMIO round trip for `make bench`: a bare-metal loop of
 * byte writes (MMIO_KERNEL 0) or byte reads (1) to pci-testdev's BAR0,
 * the device both plumb and QEMU put on virt's PCIe host bridge with the
 * same registers. Run with -M virt,highmem=off -device pci-testdev (ECAM
 * at 0x3f000000); the guest finds the device on bus 0 (QEMU puts its
 * default NIC first) and assigns BAR0 itself.
 *
 * Writes: test 0 (mmio-no-eventfd) is selected, then 0xfa is written to
 * the test's offset MMIO_OPS times; the device counts matching writes and
 * the guest reads the count back, so the result line proves that every
 * write reached the device. Reads: the test header's width byte is read
 * MMIO_OPS times and summed. Either way the emulator's cost per access is
 * (CPU time - the empty image's) / MMIO_OPS (bench-vs-qemu.sh, BENCH_OPS),
 * and the guest also times the loop with CNTVCT_EL0 (wall clock).
 */
#include "testlib.h"

#ifndef BENCH_ROUNDS
#define BENCH_ROUNDS 8
#endif
#ifndef MMIO_KERNEL
#define MMIO_KERNEL 0
#endif
/* accesses per round; the runner multiplies by BENCH_ROUNDS the same way */
#define MMIO_PER_ROUND 131072u
#define MMIO_OPS ((u64)BENCH_ROUNDS * MMIO_PER_ROUND)

#define ECAM        0x3f000000ul
#define BAR0_ADDR   0x10000000ul                /* bottom of the MMIO window */

static inline u64 ticks(void)
{
    u64 t;
    __asm__ volatile("isb\n\tmrs %0, cntvct_el0" : "=r"(t) :: "memory");
    return t;
}

static u64 dev_cfg;     /* the device's ECAM config space */

static inline u32 cfg_rd32(unsigned off)
{
    return *(volatile u32 *)(dev_cfg + off);
}

static inline void cfg_wr32(unsigned off, u32 v)
{
    *(volatile u32 *)(dev_cfg + off) = v;
}

static inline u8 bar_rd8(unsigned off)
{
    return *(volatile u8 *)(BAR0_ADDR + off);
}

static inline void bar_wr8(unsigned off, u8 v)
{
    *(volatile u8 *)(BAR0_ADDR + off) = v;
}

static u32 bar_rd32_bytes(unsigned off)
{
    return bar_rd8(off) | (u32)bar_rd8(off + 1) << 8 |
           (u32)bar_rd8(off + 2) << 16 | (u32)bar_rd8(off + 3) << 24;
}

int main(void)
{
    u32 target;
    u8 data;
    u64 t, sum = 0;

    for (u64 dev = 0; dev < 32 && !dev_cfg; dev++) {
        if (*(volatile u32 *)(ECAM + (dev << 15)) == 0x00051b36) {
            dev_cfg = ECAM + (dev << 15);
        }
    }
    if (!dev_cfg) {
        tprintf("mmio bench: no pci-testdev on bus 0: run with "
                "-M virt,highmem=off -device pci-testdev\n");
        semihosting_exit(1);
    }
    cfg_wr32(0x10, BAR0_ADDR);                  /* BAR0 */
    cfg_wr32(0x04, cfg_rd32(0x04) | 2);         /* memory space enable */
    bar_wr8(0, 0);                              /* select test 0 */
    target = bar_rd32_bytes(4);
    data = bar_rd8(8);
    if (target < 16 || target >= 4096 || bar_rd8(1) != 1) {
        tprintf("mmio bench: unexpected test header (offset %u width %u)\n",
                target, bar_rd8(1));
        semihosting_exit(1);
    }

    t = ticks();
    for (u32 r = 0; r < BENCH_ROUNDS; r++) {
        if (MMIO_KERNEL == 0) {
            for (u32 i = 0; i < MMIO_PER_ROUND; i++) {
                bar_wr8(target, data);
            }
        } else {
            for (u32 i = 0; i < MMIO_PER_ROUND; i++) {
                sum += bar_rd8(1);
            }
        }
    }
    t = ticks() - t;
    if (MMIO_KERNEL == 0) {
        sum = bar_rd32_bytes(12);           /* the device's count */
    }
    if (sum != MMIO_OPS) {
        tprintf("mmio bench: %lu accesses counted, %lu made\n", sum, MMIO_OPS);
        semihosting_exit(1);
    }
    tprintf("bench-kernel %s %lu\n", MMIO_KERNEL ? "read" : "write", t);
    if (sum) {
        u64 freq;
        __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(freq));
        tprintf("mmio: %lu ns per %s by the guest timer (wall clock)\n",
                t * 1000000000ul / freq / sum, MMIO_KERNEL ? "read" : "write");
    }
    tprintf("bench-result %s %lu\n", MMIO_KERNEL ? "reads" : "writes", sum);
    semihosting_exit(0);
}
