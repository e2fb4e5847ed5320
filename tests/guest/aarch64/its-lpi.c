/*
 * its-lpi: an LPI end to end on -M virt,gic-version=3 (run with it): the
 * redistributor's LPI tables, the ITS command queue (MAPD, MAPC, MAPTI,
 * INT, INV, SYNC), an MSI written to GITS_TRANSLATER by the CPU (DeviceID
 * 0), and the LPI taken through ICC_IAR1_EL1. The table sizes come from
 * GITS_TYPER and GITS_BASER<n>, so the same image runs under QEMU, whose
 * ITS has other entry sizes. A configuration change is followed by INV and
 * SYNC, as a GIC that caches the LPI configuration (QEMU's) requires.
 */
#include "testlib.h"

#define GICD        0x08000000UL
#define GICR        0x080a0000UL
#define ITS         0x08080000UL
#define GITS_CTLR   (ITS + 0x00)
#define GITS_TYPER  (ITS + 0x08)
#define GITS_CBASER (ITS + 0x80)
#define GITS_CWRITER (ITS + 0x88)
#define GITS_CREADR (ITS + 0x90)
#define GITS_BASER  (ITS + 0x100)
#define GITS_TRANSLATER (ITS + 0x10040)

/* Tables in RAM, far above the image (RAM is 0x40000000 + 128 MiB). */
#define CMDQ        0x44000000UL        /* 64 KiB */
#define DEVTAB      0x44010000UL
#define COLLTAB     0x44020000UL
#define ITT         0x44030000UL
#define PROPTAB     0x44100000UL        /* 64 KiB - 8 KiB used */
#define PENDTAB     0x44110000UL        /* 8 KiB, 64 KiB aligned */

#define LPI         8292u
#define EVENT       3u

#define W8(a, v)  (*(volatile u8 *)(a) = (v))
#define R8(a)     (*(volatile u8 *)(a))
#define W32(a, v) (*(volatile u32 *)(a) = (v))
#define R32(a)    (*(volatile u32 *)(a))
#define W64(a, v) (*(volatile u64 *)(a) = (v))
#define R64(a)    (*(volatile u64 *)(a))

static u64 cwriter;
static volatile u64 got_irq, nirqs;

static void hook(struct exc_frame *f)
{
    u64 iar;
    (void)f;
    __asm__ volatile("mrs %0, S3_0_C12_C12_0" : "=r"(iar));     /* IAR1 */
    got_irq = iar;
    nirqs++;
    __asm__ volatile("msr S3_0_C12_C12_1, %0" :: "r"(iar));     /* EOIR1 */
}

static void zero(u64 addr, u64 len)
{
    for (u64 i = 0; i < len; i += 8) {
        W64(addr + i, 0);
    }
}

static void cmd(u64 d0, u64 d1, u64 d2, u64 d3)
{
    W64(CMDQ + cwriter, d0);
    W64(CMDQ + cwriter + 8, d1);
    W64(CMDQ + cwriter + 16, d2);
    W64(CMDQ + cwriter + 24, d3);
    cwriter += 32;
}

/* Post the queued commands and wait for the ITS to have read them all. */
static int post(void)
{
    __asm__ volatile("dsb sy");
    W64(GITS_CWRITER, cwriter);
    for (int i = 0; i < 1000000; i++) {
        if (R64(GITS_CREADR) == cwriter) {
            return 1;
        }
    }
    return 0;
}

/* Wait (IRQs unmasked) until an interrupt was taken or time is up. */
static u64 wait_irq(void)
{
    got_irq = 0;
    exc_expect(0);
    __asm__ volatile("msr daifclr, #2; isb");
    for (int i = 0; i < 200000 && !got_irq; i++) {
        __asm__ volatile("nop");
    }
    __asm__ volatile("msr daifset, #2; isb");
    return got_irq;
}

int main(void)
{
    u64 typer = R64(GITS_TYPER);
    u64 ite_size = ((typer >> 4) & 0xf) + 1;
    u64 hppir;

    check("GITS_TYPER.Physical", typer & 1, 1);
    check("GICD_TYPER.LPIS", (R32(GICD + 4) >> 17) & 1, 1);
    check("GICR_TYPER.PLPIS", R64(GICR + 8) & 1, 1);

    /* Distributor and redistributor as timer-gicv3 sets them. */
    W32(GICD + 0x0, 0x12);                      /* ARE_NS | EnableGrp1NS */
    W32(GICR + 0x14, R32(GICR + 0x14) & ~2u);   /* WAKER.ProcessorSleep=0 */

    /* LPI configuration: priority 0xa0, enabled. Pending table zero. */
    zero(PROPTAB, 0x10000);
    zero(PENDTAB, 0x2000);
    W8(PROPTAB + LPI - 8192, 0xa0 | 1);
    W64(GICR + 0x70, PROPTAB | 15);             /* IDbits: 16 bits */
    W64(GICR + 0x78, PENDTAB);
    __asm__ volatile("dsb sy");
    W32(GICR + 0x0, 1);                         /* EnableLPIs */
    check("GICR_CTLR.EnableLPIs", R32(GICR) & 1, 1);

    /* ITS tables: one 64 KiB page each, flat; a 64 KiB command queue. */
    zero(DEVTAB, 0x10000);
    zero(COLLTAB, 0x10000);
    zero(ITT, 0x1000);
    zero(CMDQ, 0x10000);
    for (int n = 0; n < 8; n++) {
        u64 b = R64(GITS_BASER + 8 * n);
        u64 type = (b >> 56) & 7;

        if (type == 1 || type == 4) {
            /* 64 KiB pages (bits [9:8] = 2), Size 0: one page. */
            b = (b & ~0xfffffffff3ffUL) | (2UL << 8) |
                (type == 1 ? DEVTAB : COLLTAB) | 1UL << 63;
            W64(GITS_BASER + 8 * n, b);
        }
    }
    W64(GITS_CBASER, 1UL << 63 | CMDQ | (0x10000 / 0x1000 - 1));
    W64(GITS_CWRITER, 0);
    W32(GITS_CTLR, 1);

    /* DeviceID 0, 4 EventID bits -> ITT; collection 0 -> PE 0;
     * (0, EVENT) -> LPI in collection 0. */
    cmd(0x08, 4 - 1, 1UL << 63 | ITT, 0);                   /* MAPD */
    cmd(0x09, 0, 1UL << 63 | 0 << 16 | 0, 0);               /* MAPC */
    cmd(0x0a, EVENT | (u64)LPI << 32, 0, 0);                /* MAPTI */
    cmd(0x05, 0, 0, 0);                                     /* SYNC */
    check("mapping commands consumed (GITS_CREADR)", post(), 1);
    check("ITT of 16 events fits our 4 KiB", ite_size >= 8 &&
          16 * ite_size <= 0x1000, 1);

    /* CPU interface. */
    __asm__ volatile("msr S3_0_C12_C12_5, %0; isb" :: "r"(7ul));  /* SRE */
    __asm__ volatile("msr S3_0_C4_C6_0, %0" :: "r"(0xfful));      /* PMR */
    __asm__ volatile("msr S3_0_C12_C12_7, %0; isb" :: "r"(1ul));  /* IGRPEN1 */
    exc_hook = hook;

    /* An MSI: the CPU writes the EventID to GITS_TRANSLATER. */
    W32(GITS_TRANSLATER, EVENT);
    check("MSI through GITS_TRANSLATER: ICC_IAR1 gives the LPI",
          wait_irq(), LPI);
    check("taken at the IRQ vector", last_exc.vector, 5);
    check("pending table bit clear after the acknowledge",
          (R8(PENDTAB + LPI / 8) >> (LPI % 8)) & 1, 0);

    /* INT command: the same LPI once more. */
    cmd(0x03, EVENT, 0, 0);                                 /* INT (dev 0) */
    post();
    check("INT command: LPI taken", wait_irq(), LPI);

    /* Masked by priority: pending, not taken, HPPIR1 names it. */
    __asm__ volatile("msr S3_0_C4_C6_0, %0" :: "r"(0x80ul));      /* PMR */
    W32(GITS_TRANSLATER, EVENT);
    check("LPI priority 0xa0 is not taken with PMR 0x80", wait_irq(), 0);
    __asm__ volatile("mrs %0, S3_0_C12_C12_2" : "=r"(hppir));     /* HPPIR1 */
    check("ICC_HPPIR1 shows the pending LPI", hppir, LPI);
    __asm__ volatile("msr S3_0_C4_C6_0, %0" :: "r"(0xfful));
    check("taken once PMR allows it", wait_irq(), LPI);

    /* Disabled in the configuration table (+ INV): stays pending. */
    W8(PROPTAB + LPI - 8192, 0xa0);
    cmd(0x0c, EVENT, 0, 0);                                 /* INV */
    cmd(0x05, 0, 0, 0);                                     /* SYNC */
    post();
    W32(GITS_TRANSLATER, EVENT);
    check("disabled LPI is not taken", wait_irq(), 0);
    W8(PROPTAB + LPI - 8192, 0xa0 | 1);
    cmd(0x0c, EVENT, 0, 0);
    cmd(0x05, 0, 0, 0);
    post();
    check("re-enabled LPI is taken (it stayed pending)", wait_irq(), LPI);
    check("one interrupt per acknowledged LPI", nirqs, 4);

    /* An event that is not mapped makes no interrupt. */
    W32(GITS_TRANSLATER, EVENT + 1);
    check("unmapped EventID: nothing", wait_irq(), 0);
    return 0;
}
