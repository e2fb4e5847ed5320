/*
 * virt.c - the Arm "virt" board, minimal for now: what bare-metal tests
 * need, at the addresses QEMU's virt machine uses so that the same images
 * run on both.
 *
 *   0x00000000  flash bank 0 (64 MiB, CFI, -bios or -drive if=pflash,unit=0)
 *   0x04000000  flash bank 1 (64 MiB, -drive if=pflash,unit=1)
 *   0x08000000  GIC distributor (v2: CPU interface at 0x08010000 and the
 *               GICv2m MSI frame at 0x08020000 for SPIs 48..111;
 *               v3: ITS at 0x08080000 unless its=off, redistributors at
 *               0x080a0000)
 *   0x09000000  PL011 UART (serial 0), SPI 1
 *   0x09010000  PL031 RTC, SPI 2
 *   0x09030000  PL061 GPIO, SPI 7; pin 3 is the gpio-keys power button
 *   0x09020000  fw_cfg
 *   0x0a000000  32 virtio-mmio transports, 0x200 apart, SPIs 16..47
 *   0x10000000  PCIe (gpex) MMIO, PIO at 0x3eff0000, ECAM 0x3f000000 or
 *               (highmem) 0x4010000000; INTA..D on SPIs 3..6
 *   0x40000000  RAM (-m)
 *
 * -kernel FILE: an ELF64 file is loaded at its physical addresses and
 * started at its entry point; anything else is a raw image loaded at
 * 0x40080000 (RAM + 512 KiB, the arm64 Linux Image offset) and started
 * there. x0 holds the address of the device tree blob (generated with
 * libfdt, or -dtb FILE), which sits in the last 2 MiB of RAM.
 * With firmware (-bios FILE loaded at the start of flash bank 0, or a
 * -drive if=pflash,unit=0) the CPU starts at 0 instead, all registers
 * zero, and the device tree sits at the start of RAM where firmware for
 * QEMU's virt (u-boot, EDK2) looks for it; a -kernel then goes to the
 * firmware through fw_cfg, as with QEMU.
 * CPU 0 starts at EL1h with the MMU off; the others (-smp N) are off until
 * PSCI CPU_ON. PSCI (CPU_ON/OFF, SYSTEM_OFF, SYSTEM_RESET) goes through
 * `hvc #0`, served by the CPU (target-arm/arm-semi.c).
 * The generic timers (phys NS, virt) drive PPIs 30 and 27 of their CPU.
 * With a GICv3, MRS/MSR of ICC_*_EL1 reach it (cpu->gicv3).
 */
#include "util/osdep.h"
#include "util/error.h"
#include "util/log.h"
#include "hw/boards.h"
#include "hw/sysbus.h"
#include "hw/qdev-properties.h"
#include "hw/loader.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"
#include "sysemu/sysemu.h"
#include "sysemu/runstate.h"
#include "target-arm/cpu.h"
#include "hw/irq.h"
#include "util/bswap.h"
#include "hw/rtc/pl031.h"
#include "hw/gpio/pl061.h"
#include "sysemu/timer.h"
#include "hw/nvram/fw_cfg.h"
#include "hw/virtio/virtio-mmio.h"
#include "hw/pci-host/gpex.h"
#include "hw/intc/arm_gicv3.h"
#include "hw/intc/arm_gicv3_its.h"
#include "hw/intc/arm_gicv2m.h"
#include "hw/block/flash.h"
#include "sysemu/blockdev.h"
#include <libfdt.h>
#include <sys/random.h>
#include <zlib.h>

#define VIRT_FLASH_BASE     0x00000000ull
#define VIRT_FLASH_BANK     (64 * MiB)
#define VIRT_FLASH_SECTOR   (256 * KiB)
#define VIRT_GICD_BASE      0x08000000ull
#define VIRT_GICC_BASE      0x08010000ull
#define VIRT_GIC_V2M_BASE   0x08020000ull
#define VIRT_GIC_ITS_BASE   0x08080000ull
#define VIRT_GICR_BASE      0x080a0000ull
#define VIRT_GICR_SIZE      0xf60000ull
#define VIRT_UART_BASE      0x09000000ull
#define VIRT_RTC_BASE       0x09010000ull
#define VIRT_FWCFG_BASE     0x09020000ull
#define VIRT_GPIO_BASE      0x09030000ull
#define VIRT_MMIO_BASE      0x0a000000ull
#define VIRT_MMIO_SIZE      0x200ull
#define VIRT_MMIO_COUNT     32
#define VIRT_UART_SPI       1
#define VIRT_RTC_SPI        2
#define VIRT_GPIO_SPI       7
#define VIRT_POWER_KEY_PIN  3
#define VIRT_PCIE_SPI       3
#define VIRT_MMIO_SPI       16
#define VIRT_GIC_V2M_SPI    48          /* .. 48 + VIRT_GIC_V2M_NUM - 1 */
#define VIRT_GIC_V2M_NUM    64
#define VIRT_GIC_NUM_IRQ    (32 + 256)
#define VIRT_DTB_MAX        (2 * MiB)
/* Phandles fixed as in QEMU's virt DTB, for readability of dumps. */
#define VIRT_PHANDLE_GIC    0x8001
#define VIRT_PHANDLE_CLK    0x8000
#define VIRT_PHANDLE_MSI    0x8002      /* the ITS or the GICv2m frame */
#define VIRT_PHANDLE_GPIO   0x8004
#define VIRT_RAM_BASE       0x40000000ull
#define VIRT_KERNEL_OFFSET  0x80000ull
/* QEMU's virt leaves RAM below 256 GiB of address space; we take the same. */
#define VIRT_RAM_MAX        (255 * GiB)

typedef struct VirtBoot {
    ARMCPU *cpu;
    uint64_t entry;
    uint64_t dtb_addr;          /* 0: no device tree in RAM */
    bool firmware;              /* boot from flash: x0 stays 0 */
} VirtBoot;

/* GIC output -> CPU interrupt line: n = 0 is IRQ, n = 1 is FIQ. */
static void virt_cpu_irq(void *opaque, int n, int level)
{
    CPUState *cs = opaque;
    int mask = n ? CPU_INTERRUPT_FIQ : CPU_INTERRUPT_HARD;

    if (level) {
        cpu_interrupt(cs, mask);
    } else {
        cpu_reset_interrupt(cs, mask);
    }
}

static void virt_cpu_reset(void *opaque)
{
    VirtBoot *vb = opaque;
    arm_cpu_set_reset_pc(vb->cpu, vb->entry);
    vb->cpu->power_off = false;
    cpu_reset(&vb->cpu->parent_obj);
    /*
     * Linux arm64 boot protocol: x0 = DTB, x1..x3 = 0. Firmware starts
     * like the hardware, with nothing in registers (QEMU: the same).
     */
    vb->cpu->env.xregs[0] = vb->firmware ? 0 : vb->dtb_addr;
}

/*
 * system_powerdown presses the power button of the gpio-keys node for
 * 100 ms of virtual time, as QEMU's virt does when it has no ACPI.
 */
typedef struct VirtPowerKey {
    qemu_irq pin;
    QEMUTimer release;
} VirtPowerKey;

static void virt_power_key_release(void *opaque)
{
    VirtPowerKey *k = opaque;
    qemu_set_irq(k->pin, 0);
}

static void virt_powerdown_req(void *opaque)
{
    VirtPowerKey *k = opaque;
    qemu_set_irq(k->pin, 1);
    timer_mod(&k->release, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                 100 * 1000 * 1000);
}

/* Secondary CPUs are off after every reset, until PSCI CPU_ON. */
static void virt_secondary_reset(void *opaque)
{
    ARMCPU *cpu = opaque;
    cpu->power_off = true;
    cpu->parent_obj.start_powered_off = true;
    cpu_reset(&cpu->parent_obj);
}

/* As QEMU's LOAD_IMAGE_MAX_GUNZIP_BYTES: a bound for a gzipped kernel. */
#define VIRT_GUNZIP_MAX (256u << 20)

/*
 * A gzip-compressed kernel (many distributions ship vmlinuz.gz Images):
 * inflated through zlib, at most VIRT_GUNZIP_MAX bytes. Returns the data
 * (g_free) and its size, or NULL if @file is not gzip; *errp set when it
 * is gzip but broken or too large.
 */
static uint8_t *virt_gunzip_kernel(const char *file, size_t *size,
                                   GError **errp)
{
    uint8_t magic[2];
    FILE *f = fopen(file, "rb");
    bool gz = f && fread(magic, 1, 2, f) == 2 &&
              magic[0] == 0x1f && magic[1] == 0x8b;
    gzFile z;
    uint8_t *buf;
    size_t len = 0;

    if (f) {
        fclose(f);
    }
    if (!gz) {
        return NULL;
    }
    z = gzopen(file, "rb");
    if (!z) {
        error_setg(errp, "could not load kernel '%s': %s", file,
                   g_strerror(errno));
        return NULL;
    }
    buf = g_malloc(VIRT_GUNZIP_MAX + 1);
    while (len <= VIRT_GUNZIP_MAX) {
        int n = gzread(z, buf + len, MIN(VIRT_GUNZIP_MAX + 1 - len, 1u << 20));
        if (n < 0) {
            int zerr;
            error_setg(errp, "could not load kernel '%s': bad gzip data (%s)",
                       file, gzerror(z, &zerr));
            gzclose(z);
            g_free(buf);
            return NULL;
        }
        if (n == 0) {
            int zerr;
            const char *msg = gzerror(z, &zerr);

            if (zerr != Z_OK) {     /* truncated: Z_BUF_ERROR at the end */
                error_setg(errp, "could not load kernel '%s': bad gzip data "
                           "(%s)", file, msg);
                gzclose(z);
                g_free(buf);
                return NULL;
            }
            break;
        }
        len += n;
    }
    gzclose(z);
    if (len > VIRT_GUNZIP_MAX) {
        error_setg(errp, "could not load kernel '%s': it inflates to more "
                   "than %u MiB", file, VIRT_GUNZIP_MAX >> 20);
        g_free(buf);
        return NULL;
    }
    *size = len;
    return g_realloc(buf, len ? len : 1);
}

static bool virt_load_kernel(MachineState *ms, uint64_t *entry, GError **errp)
{
    const char *file = ms->kernel_filename;
    uint64_t low, high;
    GError *gzerr = NULL;
    size_t gzlen = 0;
    g_autofree uint8_t *gzdata = NULL;

    if (load_elf_is_elf(file)) {
        if (load_elf_as(file, LOADER_EM_AARCH64, NULL, entry, &low, &high,
                        errp) < 0) {
            return false;
        }
        if (low < VIRT_RAM_BASE || high > VIRT_RAM_BASE + ms->ram_size) {
            /* Allowed (it may target flash or another RAM), but say so. */
            warn_report("kernel '%s' loads at 0x%" PRIx64 "-0x%" PRIx64
                        ", outside RAM 0x%llx-0x%llx", file, low, high,
                        VIRT_RAM_BASE, VIRT_RAM_BASE + ms->ram_size);
        }
        return true;
    }
    gzdata = virt_gunzip_kernel(file, &gzlen, &gzerr);
    if (gzerr) {
        g_propagate_error(errp, gzerr);
        return false;
    }
    if (gzdata) {
        /* Inflated: an Image at its text_offset, else raw at the default. */
        uint64_t off = VIRT_KERNEL_OFFSET;

        if (gzlen >= 64 && memcmp(gzdata + 0x38, "ARM\x64", 4) == 0 &&
            ldq_le_p(gzdata + 16) != 0) {
            off = ldq_le_p(gzdata + 8);
        }
        if (off >= ms->ram_size || gzlen > ms->ram_size - off) {
            error_setg(errp, "RAM too small for kernel '%s' (%zu bytes "
                       "inflated)", file, gzlen);
            return false;
        }
        rom_add_blob_fixed(file, gzdata, gzlen, VIRT_RAM_BASE + off);
        *entry = VIRT_RAM_BASE + off;
        return true;
    }
    {
        /*
         * A Linux arm64 Image (magic "ARM\x64" at 0x38) goes at RAM base +
         * text_offset; an old one (image_size 0) keeps 0x80000, as QEMU.
         * Only the 64-byte header is read here: the file may be huge or
         * endless, and load_image_targphys bounds what it reads.
         */
        uint8_t hdr[64];
        uint64_t off = VIRT_KERNEL_OFFSET;
        FILE *f = fopen(file, "rb");
        bool is_image = f && fread(hdr, 1, sizeof(hdr), f) == sizeof(hdr) &&
                        memcmp(hdr + 0x38, "ARM\x64", 4) == 0;

        if (f) {
            fclose(f);
        }
        if (is_image) {
            uint64_t text_offset = ldq_le_p(hdr + 8);
            uint64_t image_size = ldq_le_p(hdr + 16);

            if (image_size != 0) {
                off = text_offset;
            }
            if (off >= ms->ram_size) {
                error_setg(errp, "RAM too small for kernel '%s'", file);
                return false;
            }
            if (load_image_targphys(file, VIRT_RAM_BASE + off,
                                    ms->ram_size - off, errp) < 0) {
                return false;
            }
            *entry = VIRT_RAM_BASE + off;
            return true;
        }
    }
    if (ms->ram_size <= VIRT_KERNEL_OFFSET) {
        error_setg(errp, "RAM too small for a kernel at 0x%llx",
                   VIRT_RAM_BASE + VIRT_KERNEL_OFFSET);
        return false;
    }
    if (load_image_targphys(file, VIRT_RAM_BASE + VIRT_KERNEL_OFFSET,
                            ms->ram_size - VIRT_KERNEL_OFFSET, errp) < 0) {
        return false;
    }
    *entry = VIRT_RAM_BASE + VIRT_KERNEL_OFFSET;
    return true;
}

#define FDT_OK(x) do { if ((x) < 0) { goto fail; } } while (0)

static char *virt_node(const char *name, uint64_t addr)
{
    return g_strdup_printf("/%s@%" PRIx64, name, addr);
}

/* Add a node /NAME@ADDR with reg = <ADDR SIZE> (2+2 cells). */
static int virt_fdt_reg_node(void *fdt, const char *name, uint64_t addr,
                             uint64_t size)
{
    g_autofree char *unit = g_strdup_printf("%s@%" PRIx64, name, addr);
    int off = fdt_add_subnode(fdt, 0, unit);

    if (off < 0) {
        return off;
    }
    int r = fdt_appendprop_u64(fdt, off, "reg", addr);
    if (r < 0) {
        return r;
    }
    r = fdt_appendprop_u64(fdt, off, "reg", size);
    return r < 0 ? r : off;
}

static int virt_fdt_irq(void *fdt, int off, uint32_t type, uint32_t num,
                        uint32_t flags)
{
    uint32_t cells[3] = { cpu_to_fdt32(type), cpu_to_fdt32(num),
                          cpu_to_fdt32(flags) };
    return fdt_setprop(fdt, off, "interrupts", cells, sizeof(cells));
}

/*
 * The device tree QEMU 7.2's virt would give for the same options (the
 * nodes kvm-unit-tests and Linux look for). Returns NULL with @errp set.
 */
static void *virt_make_fdt(MachineState *ms, unsigned ncpus, int gic_version,
                           bool its, const GPEXConfig *pcfg,
                           uint64_t initrd_start,
                           uint64_t initrd_size, GError **errp)
{
    size_t size = 64 * KiB;
    void *fdt = g_malloc0(size);
    int off, cpus, r;
    const char *stdout_path;

    FDT_OK(fdt_create_empty_tree(fdt, size));
    FDT_OK(fdt_setprop_string(fdt, 0, "compatible", "linux,dummy-virt"));
    FDT_OK(fdt_setprop_string(fdt, 0, "model", "linux,dummy-virt"));
    FDT_OK(fdt_setprop_u32(fdt, 0, "#address-cells", 2));
    FDT_OK(fdt_setprop_u32(fdt, 0, "#size-cells", 2));
    FDT_OK(fdt_setprop_u32(fdt, 0, "interrupt-parent", VIRT_PHANDLE_GIC));

    /* psci: CPU_ON and friends through hvc, as served by target-arm. */
    FDT_OK(off = fdt_add_subnode(fdt, 0, "psci"));
    {
        static const char compat[] = "arm,psci-1.0\0arm,psci-0.2\0arm,psci";
        FDT_OK(fdt_setprop(fdt, off, "compatible", compat, sizeof(compat)));
    }
    FDT_OK(fdt_setprop_string(fdt, off, "method", "hvc"));
    FDT_OK(fdt_setprop_u32(fdt, off, "cpu_suspend", 0xc4000001));
    FDT_OK(fdt_setprop_u32(fdt, off, "cpu_off", 0x84000002));
    FDT_OK(fdt_setprop_u32(fdt, off, "cpu_on", 0xc4000003));
    FDT_OK(fdt_setprop_u32(fdt, off, "migrate", 0xc4000005));

    FDT_OK(off = virt_fdt_reg_node(fdt, "memory", VIRT_RAM_BASE, ms->ram_size));
    FDT_OK(fdt_setprop_string(fdt, off, "device_type", "memory"));

    /* Both flash banks in one node, as QEMU (without secure=on) does. */
    FDT_OK(off = virt_fdt_reg_node(fdt, "flash", VIRT_FLASH_BASE,
                                   VIRT_FLASH_BANK));
    FDT_OK(fdt_appendprop_u64(fdt, off, "reg", VIRT_FLASH_BASE +
                                               VIRT_FLASH_BANK));
    FDT_OK(fdt_appendprop_u64(fdt, off, "reg", VIRT_FLASH_BANK));
    FDT_OK(fdt_setprop_string(fdt, off, "compatible", "cfi-flash"));
    FDT_OK(fdt_setprop_u32(fdt, off, "bank-width", 4));

    FDT_OK(cpus = fdt_add_subnode(fdt, 0, "cpus"));
    FDT_OK(fdt_setprop_u32(fdt, cpus, "#address-cells", 1));
    FDT_OK(fdt_setprop_u32(fdt, cpus, "#size-cells", 0));
    /* Added last-first: libfdt inserts each new node first. */
    for (int i = ncpus - 1; i >= 0; i--) {
        CPUState *cs = qemu_get_cpu(i);
        ARMCPU *cpu = cs ? (ARMCPU *)cs : NULL;
        uint32_t reg = cpu ? (uint32_t)(cpu->mpidr & 0xff00ffffffull) : i;
        g_autofree char *name = g_strdup_printf("cpu@%x", reg);

        FDT_OK(off = fdt_add_subnode(fdt, cpus, name));
        FDT_OK(fdt_setprop_string(fdt, off, "device_type", "cpu"));
        FDT_OK(fdt_setprop_string(fdt, off, "compatible",
                                  ms->cpu_type && strcmp(ms->cpu_type, "max")
                                  ? "arm,cortex-a57" : "arm,arm-v8"));
        FDT_OK(fdt_setprop_u32(fdt, off, "reg", reg));
        FDT_OK(fdt_setprop_string(fdt, off, "enable-method", "psci"));
    }

    /* The generic timer: secure phys, NS phys, virt, hyp (PPI numbers). */
    FDT_OK(off = fdt_add_subnode(fdt, 0, "timer"));
    {
        static const char compat[] = "arm,armv8-timer\0arm,armv7-timer";
        uint32_t flags = gic_version == 2
            ? (((1u << ncpus) - 1) << 8) | 4 : 4;   /* level high */
        uint32_t cells[12];
        const uint32_t ppis[4] = { 13, 14, 11, 10 };

        if (gic_version == 2 && ncpus > 8) {
            flags = (0xffu << 8) | 4;
        }
        for (int k = 0; k < 4; k++) {
            cells[k * 3] = cpu_to_fdt32(1);
            cells[k * 3 + 1] = cpu_to_fdt32(ppis[k]);
            cells[k * 3 + 2] = cpu_to_fdt32(flags);
        }
        FDT_OK(fdt_setprop(fdt, off, "compatible", compat, sizeof(compat)));
        FDT_OK(fdt_setprop(fdt, off, "interrupts", cells, sizeof(cells)));
        FDT_OK(fdt_setprop(fdt, off, "always-on", NULL, 0));

        /* The PMUv3 (target-arm/pmu.c) overflow interrupt, PPI 7. */
        FDT_OK(off = fdt_add_subnode(fdt, 0, "pmu"));
        FDT_OK(fdt_setprop_string(fdt, off, "compatible", "arm,armv8-pmuv3"));
        cells[0] = cpu_to_fdt32(1);
        cells[1] = cpu_to_fdt32(7);
        cells[2] = cpu_to_fdt32(flags);
        FDT_OK(fdt_setprop(fdt, off, "interrupts", cells, 3 * sizeof(cells[0])));
    }

    FDT_OK(off = fdt_add_subnode(fdt, 0, "apb-pclk"));
    FDT_OK(fdt_setprop_string(fdt, off, "compatible", "fixed-clock"));
    FDT_OK(fdt_setprop_u32(fdt, off, "#clock-cells", 0));
    FDT_OK(fdt_setprop_u32(fdt, off, "clock-frequency", 24000000));
    FDT_OK(fdt_setprop_string(fdt, off, "clock-output-names", "clk24mhz"));
    FDT_OK(fdt_setprop_u32(fdt, off, "phandle", VIRT_PHANDLE_CLK));

    if (gic_version == 2) {
        FDT_OK(off = virt_fdt_reg_node(fdt, "intc", VIRT_GICD_BASE, 0x10000));
        FDT_OK(fdt_appendprop_u64(fdt, off, "reg", VIRT_GICC_BASE));
        FDT_OK(fdt_appendprop_u64(fdt, off, "reg", 0x10000));
        FDT_OK(fdt_setprop_string(fdt, off, "compatible", "arm,cortex-a15-gic"));
    } else {
        FDT_OK(off = virt_fdt_reg_node(fdt, "intc", VIRT_GICD_BASE, 0x10000));
        FDT_OK(fdt_appendprop_u64(fdt, off, "reg", VIRT_GICR_BASE));
        FDT_OK(fdt_appendprop_u64(fdt, off, "reg", VIRT_GICR_SIZE));
        FDT_OK(fdt_setprop_string(fdt, off, "compatible", "arm,gic-v3"));
        FDT_OK(fdt_setprop_u32(fdt, off, "#redistributor-regions", 1));
    }
    FDT_OK(fdt_setprop_u32(fdt, off, "#interrupt-cells", 3));
    FDT_OK(fdt_setprop(fdt, off, "interrupt-controller", NULL, 0));
    FDT_OK(fdt_setprop_u32(fdt, off, "#address-cells", 2));
    FDT_OK(fdt_setprop_u32(fdt, off, "#size-cells", 2));
    FDT_OK(fdt_setprop(fdt, off, "ranges", NULL, 0));
    FDT_OK(fdt_setprop_u32(fdt, off, "phandle", VIRT_PHANDLE_GIC));
    /* The MSI controller, a child of the GIC node as in QEMU. */
    if (gic_version == 2 || its) {
        g_autofree char *name = g_strdup_printf(
            gic_version == 2 ? "v2m@%llx" : "its@%llx",
            gic_version == 2 ? VIRT_GIC_V2M_BASE : VIRT_GIC_ITS_BASE);
        int msi;

        FDT_OK(msi = fdt_add_subnode(fdt, off, name));
        FDT_OK(fdt_setprop_string(fdt, msi, "compatible", gic_version == 2
                                  ? "arm,gic-v2m-frame" : "arm,gic-v3-its"));
        FDT_OK(fdt_setprop(fdt, msi, "msi-controller", NULL, 0));
        if (gic_version != 2) {
            FDT_OK(fdt_setprop_u32(fdt, msi, "#msi-cells", 1));
        }
        FDT_OK(fdt_appendprop_u64(fdt, msi, "reg", gic_version == 2
                                  ? VIRT_GIC_V2M_BASE : VIRT_GIC_ITS_BASE));
        FDT_OK(fdt_appendprop_u64(fdt, msi, "reg", gic_version == 2
                                  ? GICV2M_SIZE : GITS_SIZE));
        FDT_OK(fdt_setprop_u32(fdt, msi, "phandle", VIRT_PHANDLE_MSI));
    }

    for (int n = VIRT_MMIO_COUNT - 1; n >= 0; n--) {
        if (!virtio_mmio_fdt_add(fdt, VIRT_MMIO_BASE + n * VIRT_MMIO_SIZE,
                                 VIRT_MMIO_SPI + n, errp)) {
            g_free(fdt);
            return NULL;
        }
    }
    if (!gpex_fdt_populate(fdt, pcfg, VIRT_PHANDLE_GIC,
                           gic_version == 2 || its ? VIRT_PHANDLE_MSI : 0,
                           VIRT_PCIE_SPI, errp)) {
        g_free(fdt);
        return NULL;
    }

    FDT_OK(off = virt_fdt_reg_node(fdt, "fw-cfg", VIRT_FWCFG_BASE, 0x18));
    FDT_OK(fdt_setprop_string(fdt, off, "compatible", "qemu,fw-cfg-mmio"));
    FDT_OK(fdt_setprop(fdt, off, "dma-coherent", NULL, 0));

    {
        static const char compat[] = "arm,pl061\0arm,primecell";
        uint32_t key[3] = { cpu_to_fdt32(VIRT_PHANDLE_GPIO),
                            cpu_to_fdt32(VIRT_POWER_KEY_PIN), 0 };
        FDT_OK(off = virt_fdt_reg_node(fdt, "pl061", VIRT_GPIO_BASE, 0x1000));
        FDT_OK(fdt_setprop(fdt, off, "compatible", compat, sizeof(compat)));
        FDT_OK(virt_fdt_irq(fdt, off, 0, VIRT_GPIO_SPI, 4));
        FDT_OK(fdt_setprop(fdt, off, "gpio-controller", NULL, 0));
        FDT_OK(fdt_setprop_u32(fdt, off, "#gpio-cells", 2));
        FDT_OK(fdt_setprop_u32(fdt, off, "clocks", VIRT_PHANDLE_CLK));
        FDT_OK(fdt_setprop_string(fdt, off, "clock-names", "apb_pclk"));
        FDT_OK(fdt_setprop_u32(fdt, off, "phandle", VIRT_PHANDLE_GPIO));
        /* KEY_POWER (116) on pin 3, active high: system_powerdown. */
        FDT_OK(off = fdt_add_subnode(fdt, 0, "gpio-keys"));
        FDT_OK(fdt_setprop_string(fdt, off, "compatible", "gpio-keys"));
        FDT_OK(off = fdt_add_subnode(fdt, off, "poweroff"));
        FDT_OK(fdt_setprop_string(fdt, off, "label", "GPIO Key Poweroff"));
        FDT_OK(fdt_setprop_u32(fdt, off, "linux,code", 116));
        FDT_OK(fdt_setprop(fdt, off, "gpios", key, sizeof(key)));
    }
    {
        static const char compat[] = "arm,pl031\0arm,primecell";
        FDT_OK(off = virt_fdt_reg_node(fdt, "pl031", VIRT_RTC_BASE, 0x1000));
        FDT_OK(fdt_setprop(fdt, off, "compatible", compat, sizeof(compat)));
        FDT_OK(virt_fdt_irq(fdt, off, 0, VIRT_RTC_SPI, 4));
        FDT_OK(fdt_setprop_u32(fdt, off, "clocks", VIRT_PHANDLE_CLK));
        FDT_OK(fdt_setprop_string(fdt, off, "clock-names", "apb_pclk"));
    }
    {
        static const char compat[] = "arm,pl011\0arm,primecell";
        static const char names[] = "uartclk\0apb_pclk";
        uint32_t clks[2] = { cpu_to_fdt32(VIRT_PHANDLE_CLK),
                             cpu_to_fdt32(VIRT_PHANDLE_CLK) };
        FDT_OK(off = virt_fdt_reg_node(fdt, "pl011", VIRT_UART_BASE, 0x1000));
        FDT_OK(fdt_setprop(fdt, off, "compatible", compat, sizeof(compat)));
        FDT_OK(virt_fdt_irq(fdt, off, 0, VIRT_UART_SPI, 4));
        FDT_OK(fdt_setprop(fdt, off, "clocks", clks, sizeof(clks)));
        FDT_OK(fdt_setprop(fdt, off, "clock-names", names, sizeof(names)));
    }

    FDT_OK(off = fdt_add_subnode(fdt, 0, "chosen"));
    {
        g_autofree char *uart = virt_node("pl011", VIRT_UART_BASE);
        stdout_path = uart;
        FDT_OK(fdt_setprop_string(fdt, off, "stdout-path", stdout_path));
    }
    if (ms->kernel_cmdline && ms->kernel_cmdline[0]) {
        FDT_OK(fdt_setprop_string(fdt, off, "bootargs", ms->kernel_cmdline));
    }
    if (machine_prop_get_bool(ms, "dtb-randomness", true)) {
        /*
         * As QEMU: seeds for the kernel's RNG (its crng is ready at once)
         * and for KASLR. dtb-randomness=off keeps boots repeatable.
         */
        uint8_t seed[40];
        size_t got = 0;
        while (got < sizeof(seed)) {
            ssize_t n = getrandom(seed + got, sizeof(seed) - got, 0);
            if (n <= 0) {
                break;
            }
            got += n;
        }
        if (got == sizeof(seed)) {
            FDT_OK(fdt_setprop(fdt, off, "rng-seed", seed, 32));
            FDT_OK(fdt_setprop(fdt, off, "kaslr-seed", seed + 32, 8));
        }
    }
    if (initrd_size) {
        FDT_OK(fdt_setprop_u64(fdt, off, "linux,initrd-start", initrd_start));
        FDT_OK(fdt_setprop_u64(fdt, off, "linux,initrd-end",
                               initrd_start + initrd_size));
    }
    FDT_OK(fdt_pack(fdt));
    return fdt;

fail:
    r = -1;
    (void)r;
    error_setg(errp, "virt: building the device tree failed");
    g_free(fdt);
    return NULL;
}

/*
 * -dtb FILE: the user's tree, with what only this run knows put in as QEMU
 * does for a kernel boot: /memory's reg (the -m size), and in /chosen
 * (created when missing) bootargs from -append and the initrd's bounds.
 * Without them the kernel of `-dtb dumped.dtb -append ... -initrd ...`
 * got neither its command line nor its initramfs. Returns a new blob.
 */
static void *virt_fixup_user_fdt(MachineState *ms, const void *user,
                                 uint64_t initrd_start, uint64_t initrd_size,
                                 GError **errp)
{
    size_t extra = 4096 + (ms->kernel_cmdline ? strlen(ms->kernel_cmdline) : 0);
    int size = fdt_totalsize(user) + extra;
    void *fdt = g_malloc0(size);
    int off, ac, sc, n = 0;
    uint32_t reg[4];
    int r;

    FDT_OK(fdt_open_into(user, fdt, size));
    ac = fdt_address_cells(fdt, 0);
    sc = fdt_size_cells(fdt, 0);
    if (ac < 1 || ac > 2 || sc < 1 || sc > 2) {
        error_setg(errp, "-dtb: the root's #address-cells/#size-cells (%d/%d) "
                   "are not 1 or 2", ac, sc);
        g_free(fdt);
        return NULL;
    }
    if (ac == 2) {
        reg[n++] = cpu_to_fdt32(VIRT_RAM_BASE >> 32);
    }
    reg[n++] = cpu_to_fdt32((uint32_t)VIRT_RAM_BASE);
    if (sc == 2) {
        reg[n++] = cpu_to_fdt32(ms->ram_size >> 32);
    } else if (ms->ram_size > UINT32_MAX) {
        error_setg(errp, "-dtb: #size-cells = 1 cannot hold -m %" PRIu64
                   " bytes", (uint64_t)ms->ram_size);
        g_free(fdt);
        return NULL;
    }
    reg[n++] = cpu_to_fdt32((uint32_t)ms->ram_size);
    off = fdt_path_offset(fdt, "/memory");
    if (off < 0) {
        g_autofree char *name = virt_node("memory", VIRT_RAM_BASE);
        FDT_OK(off = fdt_add_subnode(fdt, 0, name + 1));
        FDT_OK(fdt_setprop_string(fdt, off, "device_type", "memory"));
    }
    FDT_OK(fdt_setprop(fdt, off, "reg", reg, n * sizeof(reg[0])));

    off = fdt_path_offset(fdt, "/chosen");
    if (off < 0) {
        FDT_OK(off = fdt_add_subnode(fdt, 0, "chosen"));
    }
    if (ms->kernel_cmdline && ms->kernel_cmdline[0]) {
        FDT_OK(fdt_setprop_string(fdt, off, "bootargs", ms->kernel_cmdline));
    }
    if (initrd_size) {
        FDT_OK(fdt_setprop_u64(fdt, off, "linux,initrd-start", initrd_start));
        FDT_OK(fdt_setprop_u64(fdt, off, "linux,initrd-end",
                               initrd_start + initrd_size));
    }
    FDT_OK(fdt_pack(fdt));
    return fdt;

fail:
    r = -1;
    (void)r;
    error_setg(errp, "-dtb: updating the device tree failed (a broken tree?)");
    g_free(fdt);
    return NULL;
}

/*
 * One 64 MiB flash bank as QEMU's virt builds it: two x16 chips making a
 * 32-bit bank, 256 KiB blocks, Intel ids 0x89/0x18. @unit's -drive, if
 * any, backs it.
 */
static PFlashCFI01 *virt_flash_create(int unit, hwaddr base)
{
    DeviceState *dev = qdev_new(TYPE_PFLASH_CFI01);
    DriveInfo *dinfo = drive_get(IF_PFLASH, 0, unit);
    g_autofree char *name = g_strdup_printf("virt.flash%d", unit);
    GError *err = NULL;

    qdev_prop_set_uint32(dev, "num-blocks", VIRT_FLASH_BANK /
                                            VIRT_FLASH_SECTOR);
    qdev_prop_set_uint64(dev, "sector-length", VIRT_FLASH_SECTOR);
    qdev_prop_set_uint8(dev, "width", 4);
    qdev_prop_set_uint8(dev, "device-width", 2);
    qdev_prop_set_uint16(dev, "id0", 0x89);
    qdev_prop_set_uint16(dev, "id1", 0x18);
    qdev_prop_set_string(dev, "name", name);
    if (dinfo) {
        qdev_prop_set_string(dev, "drive", dinfo->file);
        qdev_prop_set_bit(dev, "read-only", dinfo->read_only);
        drive_mark_claimed(dinfo);
    }
    if (!sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &err)) {
        error_prepend(&err, "-drive if=pflash,unit=%d: ", unit);
        error_exit_err(err);
    }
    sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0, base);
    return PFLASH_CFI01(dev);
}

/* -kernel/-initrd/-append behind firmware: handed over through fw_cfg. */
static void virt_fw_cfg_kernel(FWCfgState *fw, MachineState *ms)
{
    const struct {
        const char *file;
        uint16_t size_key, data_key;
    } items[] = {
        { ms->kernel_filename, FW_CFG_KERNEL_SIZE, FW_CFG_KERNEL_DATA },
        { ms->initrd_filename, FW_CFG_INITRD_SIZE, FW_CFG_INITRD_DATA },
    };

    for (size_t i = 0; i < ARRAY_SIZE(items); i++) {
        gchar *data;
        gsize len;
        GError *err = NULL;

        if (!items[i].file) {
            continue;
        }
        if (get_image_size(items[i].file) > (int64_t)(2 * GiB) ||
            !g_file_get_contents(items[i].file, &data, &len, &err)) {
            if (!err) {
                error_setg(&err, "'%s' is too large for fw_cfg",
                           items[i].file);
            }
            error_exit_err(err);
        }
        fw_cfg_add_i32(fw, items[i].size_key, len);
        fw_cfg_add_bytes(fw, items[i].data_key, data, len);
    }
}

static int virt_gic_version(MachineState *ms)
{
    const char *v = machine_prop_get(ms, "gic-version", "2");

    if (!strcmp(v, "host")) {
        error_report("gic-version=host requires KVM");
        exit(1);
    }
    return !strcmp(v, "2") ? 2 : 3;    /* "max" is 3 under TCG */
}

static void virt_init(MachineState *ms)
{
    MemoryRegion *sysmem = get_system_memory();
    GError *err = NULL;
    DeviceState *uart, *gic;
    VirtBoot *vb = g_new0(VirtBoot, 1);
    unsigned ncpus = ms->smp.cpus ? ms->smp.cpus : 1;
    int gic_version = virt_gic_version(ms);
    bool highmem = machine_prop_get_bool(ms, "highmem", true);
    bool its = gic_version == 3 && machine_prop_get_bool(ms, "its", true);
    GPEXConfig pcfg = gpex_virt_config(highmem);
    qemu_irq pirqs[GPEX_NUM_IRQS];
    ARMCPU **cpus = g_new0(ARMCPU *, ncpus);
    uint64_t initrd_start = 0, initrd_size = 0;
    void *fdt = NULL;
    size_t fdt_size = 0;
    FWCfgState *fwcfg;

    bool mte = machine_prop_get_bool(ms, "mte", false);
    MemoryRegion *tag_ram = NULL;

    for (const char *const *p = (const char *const[]){ "virtualization",
                                                      "secure", NULL };
         *p; p++) {
        if (machine_prop_get_bool(ms, *p, false)) {
            error_report("mach-virt: %s=on is not supported by this emulator "
                         "(not implemented)", *p);
            exit(1);
        }
    }
    if (ms->ram_size > VIRT_RAM_MAX) {
        error_report("-m: at most %llu GiB of RAM fit the virt memory map",
                     VIRT_RAM_MAX / GiB);
        exit(1);
    }
    if (gic_version == 2 && ncpus > 8) {
        error_report("mach-virt: GICv2 supports at most 8 CPUs; use "
                     "gic-version=3");
        exit(1);
    }
    if (ms->ram) {
        memory_region_add_subregion(sysmem, VIRT_RAM_BASE, ms->ram);
    }
    if (mte && ms->ram) {
        /*
         * MTE tag storage: 4 bits per 16-byte granule of RAM, in a RAM
         * block of its own that no address space maps (the CPUs reach
         * it directly; migration sends it with the other RAM blocks).
         */
        tag_ram = g_new0(MemoryRegion, 1);
        if (!memory_region_init_ram(tag_ram, NULL, "mach-virt.tag",
                                    arm_mte_tag_size(ms->ram_size), &err)) {
            error_exit_err(err);
        }
    }

    for (unsigned i = 0; i < ncpus; i++) {
        ARMCPU *cpu = arm_cpu_new(ms->cpu_type ? ms->cpu_type : "max", &err);
        if (!cpu) {
            error_exit_err(err);
        }
        cpus[i] = cpu;
        if (mte && (!tag_ram ||
                    !arm_cpu_set_tag_memory(cpu, VIRT_RAM_BASE, ms->ram_size,
                                            memory_region_get_ram_ptr(tag_ram),
                                            &err))) {
            if (!err) {
                error_setg(&err, "mach-virt: mte=on needs RAM");
            }
            error_exit_err(err);
        }
        if (gic_version == 3) {
            cpu->mpidr = (1ull << 31) | gicv3_cpu_affinity(i);
        }
        if (i == 0) {
            vb->cpu = cpu;
        } else {
            /* Secondaries wait for PSCI CPU_ON. */
            qemu_register_reset(virt_secondary_reset, cpu);
            virt_secondary_reset(cpu);
        }
    }

    gic = qdev_new(gic_version == 2 ? "arm_gic" : TYPE_ARM_GICV3);
    qdev_prop_set_uint32(gic, "num-cpu", ncpus);
    qdev_prop_set_uint32(gic, "num-irq", VIRT_GIC_NUM_IRQ);
    if (its) {
        qdev_prop_set_bit(gic, "has-lpi", true);
    }
    if (!sysbus_realize_and_unref(SYS_BUS_DEVICE(gic), &err)) {
        error_exit_err(err);
    }
    sysbus_mmio_map(SYS_BUS_DEVICE(gic), 0, VIRT_GICD_BASE);
    sysbus_mmio_map(SYS_BUS_DEVICE(gic), 1,
                    gic_version == 2 ? VIRT_GICC_BASE : VIRT_GICR_BASE);
    for (unsigned i = 0; i < ncpus; i++) {
        CPUState *cs = &cpus[i]->parent_obj;
        sysbus_connect_irq(SYS_BUS_DEVICE(gic), i,
                           qemu_allocate_irq(virt_cpu_irq, cs, 0));
        sysbus_connect_irq(SYS_BUS_DEVICE(gic), i + ncpus,
                           qemu_allocate_irq(virt_cpu_irq, cs, 1));
        if (gic_version == 3) {
            /* System register interface: ID_AA64PFR0_EL1.GIC = 1. */
            cpus[i]->gicv3 = ARM_GICV3(gic);
            cpus[i]->isar.id_aa64pfr0 |= 1ull << 24;
        }
        /* PPI p of CPU i is GPIO num-irq - 32 + 32 * i + p (gic.md). */
        int ppibase = VIRT_GIC_NUM_IRQ - 32 + 32 * i;
        arm_cpu_set_gt_irq(cpus[i], GTIMER_PHYS,
                           qdev_get_gpio_in(gic, ppibase + 30));
        arm_cpu_set_gt_irq(cpus[i], GTIMER_VIRT,
                           qdev_get_gpio_in(gic, ppibase + 27));
        /* PMU overflow: PPI 7 in the DT, INTID 23 (as QEMU's virt). */
        cpus[i]->pmu_irq = qdev_get_gpio_in(gic, ppibase + 23);
    }

    /* MSIs: the ITS (GICv3) or the GICv2m frame (GICv2), as QEMU's virt. */
    if (its) {
        DeviceState *itsdev = qdev_new(TYPE_ARM_GICV3_ITS);

        qdev_prop_set_link(itsdev, "parent-gicv3", OBJECT(gic));
        if (!sysbus_realize_and_unref(SYS_BUS_DEVICE(itsdev), &err)) {
            error_exit_err(err);
        }
        sysbus_mmio_map(SYS_BUS_DEVICE(itsdev), 0, VIRT_GIC_ITS_BASE);
    } else if (gic_version == 2) {
        DeviceState *v2m = qdev_new(TYPE_ARM_GICV2M);

        qdev_prop_set_uint32(v2m, "base-spi", VIRT_GIC_V2M_SPI);
        qdev_prop_set_uint32(v2m, "num-spi", VIRT_GIC_V2M_NUM);
        if (!sysbus_realize_and_unref(SYS_BUS_DEVICE(v2m), &err)) {
            error_exit_err(err);
        }
        sysbus_mmio_map(SYS_BUS_DEVICE(v2m), 0, VIRT_GIC_V2M_BASE);
        for (int n = 0; n < VIRT_GIC_V2M_NUM; n++) {
            sysbus_connect_irq(SYS_BUS_DEVICE(v2m), n,
                               qdev_get_gpio_in(gic, VIRT_GIC_V2M_SPI + n));
        }
    }

    uart = qdev_new("pl011");
    qdev_prop_set_chr(uart, "chardev", serial_hd(0));
    if (!sysbus_realize_and_unref(SYS_BUS_DEVICE(uart), &err)) {
        error_exit_err(err);
    }
    sysbus_mmio_map(SYS_BUS_DEVICE(uart), 0, VIRT_UART_BASE);
    sysbus_connect_irq(SYS_BUS_DEVICE(uart), 0,
                       qdev_get_gpio_in(gic, VIRT_UART_SPI));

    sysbus_create_simple(TYPE_PL031, VIRT_RTC_BASE,
                         qdev_get_gpio_in(gic, VIRT_RTC_SPI));
    {
        DeviceState *gpio = sysbus_create_simple(TYPE_PL061, VIRT_GPIO_BASE,
                                qdev_get_gpio_in(gic, VIRT_GPIO_SPI));
        VirtPowerKey *key = g_new0(VirtPowerKey, 1);
        key->pin = qdev_get_gpio_in(gpio, VIRT_POWER_KEY_PIN);
        timer_init_ns(&key->release, QEMU_CLOCK_VIRTUAL,
                      virt_power_key_release, key);
        qemu_register_powerdown_notifier(virt_powerdown_req, key);
    }
    fwcfg = FW_CFG(sysbus_create_simple(TYPE_FW_CFG_MEM, VIRT_FWCFG_BASE,
                                        NULL));
    fw_cfg_add_machine_items(fwcfg, ms);
    for (int n = 0; n < VIRT_MMIO_COUNT; n++) {
        virtio_mmio_create(VIRT_MMIO_BASE + n * VIRT_MMIO_SIZE,
                           qdev_get_gpio_in(gic, VIRT_MMIO_SPI + n), -1);
    }
    for (int n = 0; n < GPEX_NUM_IRQS; n++) {
        pirqs[n] = qdev_get_gpio_in(gic, VIRT_PCIE_SPI + n);
    }
    {
        GPEXHost *pcie = gpex_create(sysmem, &pcfg, pirqs, &err);
        if (!pcie) {
            error_exit_err(err);
        }
        for (int n = 0; n < GPEX_NUM_IRQS; n++) {
            gpex_set_irq_num(pcie, n, VIRT_PCIE_SPI + n);
        }
    }

    virt_flash_create(0, VIRT_FLASH_BASE);
    virt_flash_create(1, VIRT_FLASH_BASE + VIRT_FLASH_BANK);
    vb->firmware = ms->firmware || drive_get(IF_PFLASH, 0, 0);
    if (ms->firmware && drive_get(IF_PFLASH, 0, 0)) {
        error_report("The contents of the first flash device may be "
                     "specified with -bios or with -drive if=pflash... but "
                     "you cannot use both options at once");
        exit(1);
    }
    if (ms->firmware &&
        load_image_targphys(ms->firmware, VIRT_FLASH_BASE, VIRT_FLASH_BANK,
                            &err) < 0) {
        error_prepend(&err, "Could not load ROM image '%s': ", ms->firmware);
        error_exit_err(err);
    }

    vb->entry = VIRT_RAM_BASE;
    if (vb->firmware) {
        vb->entry = VIRT_FLASH_BASE;
        virt_fw_cfg_kernel(fwcfg, ms);
    } else if (ms->kernel_filename &&
               !virt_load_kernel(ms, &vb->entry, &err)) {
        error_exit_err(err);
    }
    if (ms->initrd_filename && !vb->firmware) {
        /* Half-way into RAM: above any test image, below the DTB. */
        int64_t n;
        initrd_start = VIRT_RAM_BASE + ((ms->ram_size / 2) & ~(2 * MiB - 1));
        n = load_image_targphys(ms->initrd_filename, initrd_start,
                                VIRT_RAM_BASE + ms->ram_size - VIRT_DTB_MAX -
                                initrd_start, &err);
        if (n < 0) {
            error_exit_err(err);
        }
        initrd_size = n;
    }

    if (ms->dtb) {
        gchar *data;
        gsize len;
        if (!g_file_get_contents(ms->dtb, &data, &len, &err)) {
            error_exit_err(err);
        }
        if (len < 40 || fdt_check_header(data) != 0 ||
            fdt_totalsize(data) > len) {
            error_report("-dtb '%s': not a device tree blob", ms->dtb);
            exit(1);
        }
        fdt = virt_fixup_user_fdt(ms, data, initrd_start, initrd_size, &err);
        g_free(data);
        if (!fdt) {
            error_exit_err(err);
        }
        fdt_size = fdt_totalsize(fdt);
    } else {
        fdt = virt_make_fdt(ms, ncpus, gic_version, its, &pcfg, initrd_start,
                            initrd_size, &err);
        if (!fdt) {
            error_exit_err(err);
        }
        fdt_size = fdt_totalsize(fdt);
    }
    if (ms->dumpdtb) {
        if (!g_file_set_contents(ms->dumpdtb, fdt, fdt_size, &err)) {
            error_exit_err(err);
        }
        info_report("dtb dumped to %s. Exiting.", ms->dumpdtb);
        exit(0);
    }
    if (vb->firmware) {
        /* Where u-boot and EDK2 for QEMU's virt look: the start of RAM. */
        if (fdt_size > ms->ram_size / 2) {
            error_report("RAM too small for the device tree");
            exit(1);
        }
        vb->dtb_addr = VIRT_RAM_BASE;
        rom_add_blob_fixed("dtb", fdt, fdt_size, vb->dtb_addr);
    } else if (ms->ram_size >= 4 * VIRT_DTB_MAX &&
               fdt_size <= VIRT_DTB_MAX) {
        vb->dtb_addr = VIRT_RAM_BASE + ms->ram_size - VIRT_DTB_MAX;
        rom_add_blob_fixed("dtb", fdt, fdt_size, vb->dtb_addr);
    }
    g_free(fdt);
    g_free(cpus);

    qemu_register_reset(virt_cpu_reset, vb);
    virt_cpu_reset(vb);
}

static const MachineProp virt_props[] = {
    { "gic-version", "string", "GIC version", "2",
      (const char *const[]){ "2", "3", "host", "max", NULL } },
    { "highmem", "bool", "use addresses above 4 GiB (PCIe high ECAM)", "on",
      NULL },
    { "its", "bool", "GICv3 ITS for MSIs (gic-version=3)", "on", NULL },
    { "dtb-randomness", "bool", "kaslr-seed and rng-seed in /chosen", "on",
      NULL },
    { "mte", "bool", "Set on/off to enable/disable emulating a guest CPU "
      "which implements the ARM Memory Tagging Extension", "off",
      NULL },
    { "virtualization", "bool", "EL2 (not implemented)", "off", NULL },
    { "secure", "bool", "EL3 and Secure world (not implemented)", "off",
      NULL },
    { NULL }
};

static void virt_machine_init(MachineClass *mc)
{
    mc->desc = "QEMU 7.2 ARM Virtual Machine";
    mc->block_default_if = "virtio";
    mc->default_nic = "virtio-net-pci";
    mc->target = "aarch64";
    mc->init = virt_init;
    mc->default_cpu_type = "cortex-a57";
    mc->default_ram_size = 128 * MiB;
    mc->max_cpus = 512;
    mc->props = virt_props;
    mc->is_default = true;
}
DEFINE_MACHINE("virt", virt_machine_init)
