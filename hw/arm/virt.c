/*
 * virt.c - the Arm "virt" board, minimal for now: what bare-metal tests
 * need, at the addresses QEMU's virt machine uses so that the same images
 * run on both.
 *
 *   0x09000000  PL011 UART (serial 0)
 *   0x40000000  RAM (-m)
 *
 * -kernel FILE: an ELF64 file is loaded at its physical addresses and
 * started at its entry point; anything else is a raw image loaded at
 * 0x40080000 (RAM + 512 KiB, the arm64 Linux Image offset) and started
 * there, with x0 = 0 (FIXME: no device tree yet, so no DTB address).
 * CPU 0 starts at EL1h with the MMU off; the others (-smp N) are off until
 * PSCI CPU_ON. PSCI (CPU_ON/OFF, SYSTEM_OFF, SYSTEM_RESET) goes through
 * `hvc #0`, served by the CPU (target-arm/arm-semi.c).
 * FIXME: no GIC, no timer interrupts, no virtio-mmio, no PCIe, no fw_cfg.
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

#define VIRT_UART_BASE      0x09000000ull
#define VIRT_RAM_BASE       0x40000000ull
#define VIRT_KERNEL_OFFSET  0x80000ull
/* QEMU's virt leaves RAM below 256 GiB of address space; we take the same. */
#define VIRT_RAM_MAX        (255 * GiB)

typedef struct VirtBoot {
    ARMCPU *cpu;
    uint64_t entry;
} VirtBoot;

static void virt_cpu_reset(void *opaque)
{
    VirtBoot *vb = opaque;
    arm_cpu_set_reset_pc(vb->cpu, vb->entry);
    vb->cpu->power_off = false;
    cpu_reset(&vb->cpu->parent_obj);
}

/* Secondary CPUs are off after every reset, until PSCI CPU_ON. */
static void virt_secondary_reset(void *opaque)
{
    ARMCPU *cpu = opaque;
    cpu->power_off = true;
    cpu->parent_obj.start_powered_off = true;
    cpu_reset(&cpu->parent_obj);
}

static bool virt_load_kernel(MachineState *ms, uint64_t *entry, GError **errp)
{
    const char *file = ms->kernel_filename;
    uint64_t low, high;

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

static void virt_init(MachineState *ms)
{
    MemoryRegion *sysmem = get_system_memory();
    GError *err = NULL;
    DeviceState *uart;
    VirtBoot *vb = g_new0(VirtBoot, 1);
    unsigned ncpus = ms->smp.cpus ? ms->smp.cpus : 1;

    if (ms->ram_size > VIRT_RAM_MAX) {
        error_report("-m: at most %llu GiB of RAM fit the virt memory map",
                     VIRT_RAM_MAX / GiB);
        exit(1);
    }
    if (ms->ram) {
        memory_region_add_subregion(sysmem, VIRT_RAM_BASE, ms->ram);
    }

    for (unsigned i = 0; i < ncpus; i++) {
        ARMCPU *cpu = arm_cpu_new(ms->cpu_type ? ms->cpu_type : "max", &err);
        if (!cpu) {
            error_exit_err(err);
        }
        if (i == 0) {
            vb->cpu = cpu;
        } else {
            /* Secondaries wait for PSCI CPU_ON. */
            qemu_register_reset(virt_secondary_reset, cpu);
            virt_secondary_reset(cpu);
        }
    }

    uart = qdev_new("pl011");
    qdev_prop_set_chr(uart, "chardev", serial_hd(0));
    if (!sysbus_realize_and_unref(SYS_BUS_DEVICE(uart), &err)) {
        error_exit_err(err);
    }
    sysbus_mmio_map(SYS_BUS_DEVICE(uart), 0, VIRT_UART_BASE);

    vb->entry = VIRT_RAM_BASE;
    if (ms->kernel_filename && !virt_load_kernel(ms, &vb->entry, &err)) {
        error_exit_err(err);
    }
    qemu_register_reset(virt_cpu_reset, vb);
    virt_cpu_reset(vb);
}

static void virt_machine_init(MachineClass *mc)
{
    mc->desc = "QEMU 8.0 ARM Virtual Machine (minimal: RAM, PL011, PSCI)";
    mc->target = "aarch64";
    mc->init = virt_init;
    mc->default_cpu_type = "cortex-a57";
    mc->default_ram_size = 128 * MiB;
    mc->max_cpus = 512;
    mc->is_default = true;
}
DEFINE_MACHINE("virt", virt_machine_init)
