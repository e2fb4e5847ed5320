/*
 * virt-test.c - the aarch64 virt board's memory map and device tree, as a
 * kvm-unit-tests or Linux guest probes them: GIC distributor IDs (v2 and
 * v3), PL031, fw_cfg, virtio-mmio transports, the PCIe ECAM root complex,
 * and the DTB written by -machine dumpdtb=FILE (read back with libfdt).
 */
#include "util/osdep.h"
#include "libqtest.h"
#include <glib/gstdio.h>
#include <libfdt.h>

#define GICD_BASE   0x08000000ULL
#define GICD_TYPER  0x004
/* PIDR2: GICv2 keeps the ID block at 0xfd0.., GICv3 at 0xffd0... */
#define GICD_PIDR2_V2  0xfe8
#define GICD_PIDR2_V3  0xffe8
#define PL031_BASE  0x09010000ULL
#define FWCFG_BASE  0x09020000ULL
#define MMIO_BASE   0x0a000000ULL

static QTestState *start(const char *machine_opts, unsigned smp)
{
    g_autofree char *args = g_strdup_printf("-M virt%s -smp %u -m 256M",
                                            machine_opts, smp);
    return qtest_init(args);
}

static void check_gicd(const char *opts, unsigned arch_rev)
{
    QTestState *qts = start(opts, 2);
    uint32_t typer = qtest_readl(qts, GICD_BASE + GICD_TYPER);

    /* 32 + 256 interrupts: ITLinesNumber = 288 / 32 - 1. */
    g_assert_cmpuint(typer & 0x1f, ==, 288 / 32 - 1);
    if (arch_rev == 2) {
        g_assert_cmpuint((typer >> 5) & 7, ==, 2 - 1);  /* CPUNumber */
    }
    g_assert_cmpuint((qtest_readl(qts, GICD_BASE + (arch_rev == 2 ? GICD_PIDR2_V2
                                                            : GICD_PIDR2_V3)) >> 4) & 0xf,
                     ==, arch_rev);
    qtest_quit(qts);
}

static void test_gicv2(void) { check_gicd(",gic-version=2", 2); }
static void test_gicv3(void) { check_gicd(",gic-version=3", 3); }

static void test_gic_default_is_v2(void)
{
    check_gicd("", 2);      /* QEMU 7.2 virt under TCG */
}

static void test_pl031_id(void)
{
    QTestState *qts = start("", 1);
    uint8_t id[8];

    for (int i = 0; i < 8; i++) {
        id[i] = qtest_readl(qts, PL031_BASE + 0xfe0 + 4 * i) & 0xff;
    }
    g_assert_cmphex(id[0], ==, 0x31);
    g_assert_cmphex(id[1], ==, 0x10);
    g_assert_cmphex(id[4], ==, 0x0d);   /* PrimeCell ID0 */
    g_assert_cmphex(id[7], ==, 0xb1);
    qtest_quit(qts);
}

static void fwcfg_read(QTestState *qts, uint16_t key, uint8_t *out, size_t n)
{
    qtest_writew(qts, FWCFG_BASE + 8, qtest_big_endian(qts) ? key
                                          : GUINT16_SWAP_LE_BE(key));
    for (size_t i = 0; i < n; i++) {
        out[i] = qtest_readb(qts, FWCFG_BASE);
    }
}

static void test_fw_cfg(void)
{
    QTestState *qts = start("", 3);
    uint8_t sig[4], ram[8], cpus[2];
    uint64_t ram_size = 0;

    fwcfg_read(qts, 0x00, sig, 4);
    g_assert(memcmp(sig, "QEMU", 4) == 0);
    fwcfg_read(qts, 0x03, ram, 8);           /* FW_CFG_RAM_SIZE, LE */
    for (int i = 7; i >= 0; i--) {
        ram_size = ram_size << 8 | ram[i];
    }
    g_assert_cmpuint(ram_size, ==, 256 * 1024 * 1024);
    fwcfg_read(qts, 0x05, cpus, 2);          /* FW_CFG_NB_CPUS */
    g_assert_cmpuint(cpus[0] | cpus[1] << 8, ==, 3);
    qtest_quit(qts);
}

static void test_virtio_mmio(void)
{
    QTestState *qts = start("", 1);

    for (int n = 0; n < 32; n += 31) {
        uint64_t base = MMIO_BASE + 0x200 * n;
        g_assert_cmphex(qtest_readl(qts, base), ==, 0x74726976); /* "virt" */
        g_assert_cmpuint(qtest_readl(qts, base + 4), ==, 1);    /* legacy */
        g_assert_cmpuint(qtest_readl(qts, base + 8), ==, 0);    /* no dev */
    }
    /* Past the last transport: nothing answers with the magic. */
    g_assert_cmphex(qtest_readl(qts, MMIO_BASE + 0x200 * 32), !=, 0x74726976);
    qtest_quit(qts);
}

static void check_ecam(const char *opts, uint64_t ecam, uint64_t other)
{
    QTestState *qts = start(opts, 1);

    g_assert_cmphex(qtest_readl(qts, ecam), ==, 0x00081b36);
    g_assert_cmphex(qtest_readl(qts, other), !=, 0x00081b36);
    qtest_quit(qts);
}

static void test_ecam_highmem(void)
{
    check_ecam("", 0x4010000000ULL, 0x3f000000ULL);
}

static void test_ecam_lowmem(void)
{
    check_ecam(",highmem=off", 0x3f000000ULL, 0x4010000000ULL);
}

/* Run the emulator with dumpdtb=FILE and return the blob (asserts rc 0). */
static void *dump_dtb(const char *opts)
{
    g_autoptr(GError) err = NULL;
    g_autofree char *dir = g_dir_make_tmp("virt-test-XXXXXX", &err);
    g_autofree char *file = NULL, *machine = NULL;
    gchar *blob = NULL;
    gsize len;
    int status;

    g_assert_no_error(err);
    file = g_build_filename(dir, "virt.dtb", NULL);
    machine = g_strdup_printf("virt%s,dumpdtb=%s", opts, file);
    const char *argv[] = { getenv("QTEST_QEMU_BINARY"), "-M", machine,
                           "-smp", "2", "-m", "256M", "-append",
                           "console=ttyAMA0 quiet", "-display", "none",
                           NULL };
    g_assert(g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL,
                          NULL, NULL, NULL, &status, &err));
    g_assert_no_error(err);
    g_assert(g_spawn_check_wait_status(status, NULL));
    g_assert(g_file_get_contents(file, &blob, &len, &err));
    g_assert_no_error(err);
    g_assert_cmpint(fdt_check_header(blob), ==, 0);
    g_assert_cmpuint(fdt_totalsize(blob), <=, len);
    g_unlink(file);
    g_rmdir(dir);
    return blob;
}

static int node_compat(void *fdt, const char *path, const char *compat)
{
    int off = fdt_path_offset(fdt, path);

    g_assert_cmpint(off, >=, 0);
    return fdt_node_check_compatible(fdt, off, compat);
}

static void test_dtb(void)
{
    void *fdt = dump_dtb(",gic-version=3");
    const char *s;
    const fdt32_t *p;
    int len, off, ncpus = 0, nmmio = 0;

    g_assert_cmpint(node_compat(fdt, "/intc@8000000", "arm,gic-v3"), ==, 0);
    g_assert_cmpint(node_compat(fdt, "/pl011@9000000", "arm,pl011"), ==, 0);
    g_assert_cmpint(node_compat(fdt, "/pl011@9000000", "arm,primecell"), ==, 0);
    g_assert_cmpint(node_compat(fdt, "/pl031@9010000", "arm,pl031"), ==, 0);
    g_assert_cmpint(node_compat(fdt, "/fw-cfg@9020000", "qemu,fw-cfg-mmio"),
                    ==, 0);
    g_assert_cmpint(node_compat(fdt, "/timer", "arm,armv8-timer"), ==, 0);
    g_assert_cmpint(node_compat(fdt, "/psci", "arm,psci-0.2"), ==, 0);
    g_assert_cmpint(node_compat(fdt, "/pcie@4010000000",
                                "pci-host-ecam-generic"), ==, 0);
    g_assert_cmpint(node_compat(fdt, "/apb-pclk", "fixed-clock"), ==, 0);

    off = fdt_path_offset(fdt, "/psci");
    s = fdt_getprop(fdt, off, "method", NULL);
    g_assert_cmpstr(s, ==, "hvc");

    /* Timer PPIs in QEMU's order: secure phys, phys, virt, hyp. */
    p = fdt_getprop(fdt, fdt_path_offset(fdt, "/timer"), "interrupts", &len);
    g_assert_cmpint(len, ==, 12 * 4);
    g_assert_cmpuint(fdt32_to_cpu(p[1]), ==, 13);
    g_assert_cmpuint(fdt32_to_cpu(p[4]), ==, 14);
    g_assert_cmpuint(fdt32_to_cpu(p[7]), ==, 11);
    g_assert_cmpuint(fdt32_to_cpu(p[10]), ==, 10);

    p = fdt_getprop(fdt, fdt_path_offset(fdt, "/memory@40000000"), "reg", &len);
    g_assert_cmpint(len, ==, 16);
    g_assert_cmphex(fdt32_to_cpu(p[1]), ==, 0x40000000);
    g_assert_cmphex(fdt32_to_cpu(p[3]), ==, 256 * 1024 * 1024);

    fdt_for_each_subnode(off, fdt, fdt_path_offset(fdt, "/cpus")) {
        s = fdt_getprop(fdt, off, "enable-method", NULL);
        g_assert_cmpstr(s, ==, "psci");
        ncpus++;
    }
    g_assert_cmpint(ncpus, ==, 2);

    fdt_for_each_subnode(off, fdt, 0) {
        if (fdt_node_check_compatible(fdt, off, "virtio,mmio") == 0) {
            nmmio++;
        }
    }
    g_assert_cmpint(nmmio, ==, 32);

    off = fdt_path_offset(fdt, "/chosen");
    g_assert_cmpstr(fdt_getprop(fdt, off, "bootargs", NULL), ==,
                    "console=ttyAMA0 quiet");
    g_assert_cmpstr(fdt_getprop(fdt, off, "stdout-path", NULL), ==,
                    "/pl011@9000000");
    g_free(fdt);

    fdt = dump_dtb(",gic-version=2,highmem=off");
    g_assert_cmpint(node_compat(fdt, "/intc@8000000", "arm,cortex-a15-gic"),
                    ==, 0);
    g_assert_cmpint(node_compat(fdt, "/pcie@3f000000",
                                "pci-host-ecam-generic"), ==, 0);
    g_free(fdt);
}

/* Options plumb cannot honour must fail loudly, not be ignored. */
static void check_refused(const char *machine, const char *why)
{
    g_autoptr(GError) err = NULL;
    g_autofree char *out = NULL, *errout = NULL;
    int status;
    const char *argv[] = { getenv("QTEST_QEMU_BINARY"), "-M", machine,
                           "-display", "none", "-S", NULL };

    g_assert(g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL,
                          NULL, &out, &errout, &status, &err));
    g_assert_no_error(err);
    g_assert_false(g_spawn_check_wait_status(status, NULL));
    g_assert_nonnull(strstr(errout, why));
}

static void test_refused(void)
{
    /* The default CPU (cortex-a57) has no MTE; -cpu max has (mte.c). */
    check_refused("virt,mte=on", "MTE requested, but not supported by the guest CPU");
    check_refused("virt,virtualization=on", "virtualization");
    check_refused("virt,secure=on", "secure");
    check_refused("virt,gic-version=host", "KVM");
    check_refused("virt,gic-version=4", "gic-version");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/virt/gic/v2", test_gicv2);
    g_test_add_func("/virt/gic/v3", test_gicv3);
    g_test_add_func("/virt/gic/default-v2", test_gic_default_is_v2);
    g_test_add_func("/virt/pl031/id", test_pl031_id);
    g_test_add_func("/virt/fw_cfg/items", test_fw_cfg);
    g_test_add_func("/virt/virtio-mmio/magic", test_virtio_mmio);
    g_test_add_func("/virt/pcie/ecam-highmem", test_ecam_highmem);
    g_test_add_func("/virt/pcie/ecam-lowmem", test_ecam_lowmem);
    g_test_add_func("/virt/dtb", test_dtb);
    g_test_add_func("/virt/refused", test_refused);
    return g_test_run();
}
