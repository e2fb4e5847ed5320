/*
 * test-trace.c - named trace events (util/trace.c, include/trace/trace.h):
 * glob patterns and their order, events files, the -trace option parser,
 * the exact output lines (QEMU "log" back-end format, with and without the
 * pid@time prefix), silence when off, and the events fed by the memory
 * core's access hook and by the PCI core (config cycles through a gpex
 * ECAM window, BAR mapping, MSI-X messages).
 *
 * Output is captured by pointing the log at a temporary file.
 */
#include "util/osdep.h"
#include <sys/syscall.h>
#include "util/error.h"
#include "util/log.h"
#include "util/trace.h"
#include "trace/trace.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"
#include "hw/qdev.h"
#include "hw/pci/pci.h"
#include "hw/pci/pci_regs.h"
#include "hw/pci/pci_ids.h"
#include "hw/pci/msix.h"
#include "hw/pci-host/gpex.h"

#define PROBE_BOX_BASE  ((uint64_t)0x0a000000)   /* container; probe at +0x100 */
#define PROBE_OFFSET    0x100
#define DOORBELL_BASE   0x08020000ULL
#define BAR0_ADDR       (VIRT_PCIE_MMIO_BASE + 0x40000)
#define TRACE_SLOT      3

#define ECAM(bus, dev, fn, reg) \
    (VIRT_PCIE_ECAM_BASE + ((bus) << 20) + ((dev) << 15) + ((fn) << 12) + (reg))

static struct {
    char *logname;
    char *dir;
    MemoryRegion box, probe, doorbell;
    uint64_t probe_regs[8];
    GPEXHost *host;
    PCIBus *bus;
    PCIDevice *pdev;
} G;

/* ------------------------------------------------------------------ */
/* Capturing the log                                                  */

static void capture_start(void)
{
    GError *err = NULL;

    g_assert_true(log_set_file(G.logname, &err));   /* truncates */
    g_assert_no_error(err);
}

static char *capture_text(void)
{
    char *text = NULL;

    log_flush();
    g_assert_true(g_file_get_contents(G.logname, &text, NULL, NULL));
    return text;
}

/* Fresh state for each test: no patterns, all events off, log captured. */
static void fresh(void)
{
    trace_reset();
    capture_start();
}

static char *write_tmp(const char *name, const char *contents)
{
    char *path = g_build_filename(G.dir, name, NULL);

    g_assert_true(g_file_set_contents(path, contents, -1, NULL));
    return path;
}

static int count_lines_with(const char *text, const char *needle)
{
    int n = 0;

    for (const char *p = text; (p = strstr(p, needle)); p++) {
        n++;
    }
    return n;
}

/* ------------------------------------------------------------------ */
/* Patterns                                                           */

static void test_glob_enables_matching_events_only(void)
{
    fresh();
    trace_event_enable_pattern("memory_region_ops_*", true);
    g_assert_true(trace_event_enabled("memory_region_ops_read"));
    g_assert_true(trace_event_enabled("memory_region_ops_write"));
    g_assert_true(trace_events_dstate[TRACE_ID_memory_region_ops_read]);
    g_assert_false(trace_event_enabled("pci_cfg_read"));
    g_assert_false(trace_event_on(pci_cfg_read));

    trace_event_enable_pattern("pci_cfg_?ead", true);
    g_assert_true(trace_event_enabled("pci_cfg_read"));
    g_assert_false(trace_event_enabled("pci_cfg_write"));
    g_assert_true(trace_any_enabled());
    trace_reset();
}

static void test_later_pattern_wins(void)
{
    fresh();
    trace_event_enable_pattern("*", true);
    for (int i = 0; i < TRACE_EVENT_COUNT; i++) {
        g_assert_true(trace_events_dstate[i]);
    }
    trace_event_enable_pattern("-pci_*", true);
    g_assert_false(trace_event_enabled("pci_cfg_read"));
    g_assert_false(trace_event_enabled("pci_update_mappings_add"));
    g_assert_true(trace_event_enabled("exec_tb"));
    trace_event_enable_pattern("pci_cfg_write", true);
    g_assert_true(trace_event_enabled("pci_cfg_write"));
    g_assert_false(trace_event_enabled("pci_cfg_read"));
    /* enable=false turns off; a '-' then turns on again (double negation) */
    trace_event_enable_pattern("exec_tb", false);
    g_assert_false(trace_event_enabled("exec_tb"));
    trace_event_enable_pattern("-exec_tb", false);
    g_assert_true(trace_event_enabled("exec_tb"));

    trace_reset();
    for (int i = 0; i < TRACE_EVENT_COUNT; i++) {
        g_assert_false(trace_events_dstate[i]);
    }
    g_assert_false(trace_any_enabled());
}

static void test_names_outside_the_table_use_the_patterns(void)
{
    fresh();
    trace_event_enable_pattern("vfio_region_*", true);
    g_assert_true(trace_event_enabled("vfio_region_read"));
    trace_event_enable_pattern("-vfio_region_w*", true);
    g_assert_false(trace_event_enabled("vfio_region_write"));
    g_assert_true(trace_event_enabled("vfio_region_read"));
    g_assert_false(trace_event_enabled("memory_region_ops_read"));
    trace_reset();
}

static void test_event_table_lookup(void)
{
    g_assert_cmpint(trace_event_find("tlb_flush"), ==, TRACE_ID_tlb_flush);
    g_assert_cmpstr(trace_event_name(TRACE_ID_exec_tb), ==, "exec_tb");
    g_assert_cmpint(trace_event_find("no_such_event"), ==, -1);
    g_assert_null(trace_event_name(TRACE_EVENT_COUNT));
    for (int i = 0; i < TRACE_EVENT_COUNT; i++) {
        g_assert_cmpint(trace_event_find(trace_event_name(i)), ==, i);
    }
}

/* ------------------------------------------------------------------ */
/* Events files and the -trace parser                                 */

static void test_events_file(void)
{
    GError *err = NULL;
    char *path = write_tmp("events",
        "# memory, but not reads\n"
        "memory_region_ops_*\n"
        "\n"
        "   -memory_region_ops_read   \n"
        "pci_cfg_write\n"
        "#pci_cfg_read\n");

    fresh();
    g_assert_true(trace_events_file_load(path, &err));
    g_assert_no_error(err);
    g_assert_true(trace_event_enabled("memory_region_ops_write"));
    g_assert_false(trace_event_enabled("memory_region_ops_read"));
    g_assert_true(trace_event_enabled("pci_cfg_write"));
    g_assert_false(trace_event_enabled("pci_cfg_read"));

    g_assert_false(trace_events_file_load("/nonexistent/trace-events", &err));
    g_assert_nonnull(err);
    g_assert_nonnull(strstr(err->message, "/nonexistent/trace-events"));
    g_clear_error(&err);
    g_assert_false(trace_events_file_load(G.dir, &err));     /* a directory */
    g_assert_nonnull(err);
    g_clear_error(&err);
    g_free(path);
    trace_reset();
}

static void test_opt_parse(void)
{
    GError *err = NULL;
    char *events = write_tmp("events2", "tlb_flush\n-exec_tb\n");
    char *arg = g_strdup_printf("events=%s", events);
    char *out = g_build_filename(G.dir, "trace-out", NULL);
    char *farg = g_strdup_printf("file=%s", out);
    char *text = NULL;

    fresh();
    g_assert_true(trace_opt_parse("pci_cfg_read", &err));
    g_assert_true(trace_opt_parse("enable=pci_cfg_write", &err));
    g_assert_true(trace_opt_parse("*mappings*", &err));
    g_assert_true(trace_opt_parse(arg, &err));
    g_assert_no_error(err);
    g_assert_true(trace_event_enabled("pci_cfg_read"));
    g_assert_true(trace_event_enabled("pci_cfg_write"));
    g_assert_true(trace_event_enabled("pci_update_mappings_del"));
    g_assert_true(trace_event_enabled("tlb_flush"));
    g_assert_false(trace_event_enabled("exec_tb"));
    g_assert_true(log_enabled(LOG_TRACE));

    /* file= sends the log (and so the trace) to the file, like QEMU. */
    g_assert_true(trace_opt_parse(farg, &err));
    g_assert_no_error(err);
    g_assert_cmpstr(trace_get_file(), ==, out);
    trace_tlb_flush(1, 0x5);
    log_flush();
    g_assert_true(g_file_get_contents(out, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, "tlb_flush cpu 1 mmu_idx_mask 0x5\n");
    g_free(text);

    g_assert_false(trace_opt_parse("bogus=1", &err));
    g_assert_cmpstr(err->message, ==, "-trace: unknown property 'bogus'");
    g_clear_error(&err);
    g_assert_false(trace_opt_parse("enable=", &err));
    g_assert_nonnull(strstr(err->message, "empty event pattern"));
    g_clear_error(&err);
    g_assert_false(trace_opt_parse("events=/nonexistent/ev", &err));
    g_assert_nonnull(strstr(err->message, "-trace events=/nonexistent/ev:"));
    g_clear_error(&err);
    g_assert_false(trace_opt_parse("file=/nonexistent/dir/out", &err));
    g_assert_nonnull(strstr(err->message, "-trace file=/nonexistent/dir/out:"));
    g_clear_error(&err);

    g_free(events);
    g_free(arg);
    g_free(out);
    g_free(farg);
    trace_reset();
}

/* ------------------------------------------------------------------ */
/* Output                                                             */

static void test_output_line_format(void)
{
    char *text;

    fresh();
    trace_event_enable_pattern("pci_cfg_*", true);
    trace_event_enable_pattern("exec_tb", true);
    trace_pci_cfg_read("edu", 0, 1, 2, 0x10, 0xabc);
    trace_pci_cfg_write("edu", 1, 0x1f, 7, 0x4, 0x6);
    trace_exec_tb((void *)0x1000, 0x40080000);
    text = capture_text();
    g_assert_cmpstr(text, ==,
                    "pci_cfg_read edu 00:01.2 @0x10 -> 0xabc\n"
                    "pci_cfg_write edu 01:1f.7 @0x4 <- 0x6\n"
                    "exec_tb tb:0x1000 pc=0x40080000\n");
    g_free(text);
    trace_reset();
}

static void test_output_timestamp_prefix(void)
{
    char *text, *want_tail;
    int pid = -1;
    unsigned long sec = 0, usec = 0;
    int used = 0;

    fresh();
    trace_event_enable_pattern("virtio_queue_notify", true);
    trace_set_message_timestamp(true);
    trace_virtio_queue_notify("virtio-blk", 2, (void *)0x2000);
    text = capture_text();
    g_assert_cmpint(sscanf(text, "%d@%lu.%6lu:%n", &pid, &sec, &usec, &used),
                    ==, 3);
    g_assert_cmpint(pid, ==, (int)syscall(SYS_gettid));
    g_assert_cmpuint(sec, >, 1600000000);    /* a wall-clock time */
    g_assert_cmpuint(usec, <, 1000000);
    g_assert_cmpint(text[used - 8], ==, '.');   /* six digits of usec */
    want_tail = g_strdup("virtio_queue_notify vdev virtio-blk n 2 vq 0x2000\n");
    g_assert_cmpstr(text + used, ==, want_tail);
    g_free(want_tail);
    g_free(text);
    trace_reset();          /* also turns the prefix off */
}

/* Every event, called while off: nothing may reach the log. */
static void test_disabled_events_are_silent(void)
{
    char *text;
    uint64_t v = 0;

    fresh();
    trace_event_enable_pattern("no_such_event_*", true);  /* LOG_TRACE on */
    trace_memory_region_ops_read(0, NULL, 0, 0, 4, "x");
    trace_memory_region_ops_write(0, NULL, 0, 0, 4, "x");
    trace_pci_update_mappings_del("d", 0, 0, 0, 0, 0, 0);
    trace_pci_update_mappings_add("d", 0, 0, 0, 0, 0, 0);
    trace_pci_cfg_read("d", 0, 0, 0, 0, 0);
    trace_pci_cfg_write("d", 0, 0, 0, 0, 0);
    trace_msix_write_config("d", true, false);
    trace_msix_notify("d", 0, 0, 0);
    trace_msix_notify_masked("d", 0);
    trace_virtio_queue_notify("d", 0, NULL);
    trace_tlb_flush(0, 0);
    trace_exec_tb(NULL, 0);
    /* and a device access: the memory hook is not even installed */
    v = address_space_ldl_le(&address_space_memory,
                             PROBE_BOX_BASE + PROBE_OFFSET,
                             MEMTXATTRS_UNSPECIFIED, NULL);
    (void)v;
    text = capture_text();
    g_assert_cmpstr(text, ==, "");
    g_free(text);

    /* switched on and off again: silent again */
    trace_event_enable_pattern("memory_region_ops_*", true);
    trace_event_enable_pattern("-memory_region_ops_*", true);
    address_space_stl_le(&address_space_memory, PROBE_BOX_BASE + PROBE_OFFSET,
                         1, MEMTXATTRS_UNSPECIFIED, NULL);
    text = capture_text();
    g_assert_cmpstr(text, ==, "");
    g_free(text);
    trace_reset();
}

/* ------------------------------------------------------------------ */
/* memory_region_ops_read/write through the memory core               */

static uint64_t probe_read(void *opaque, hwaddr addr, unsigned size)
{
    uint64_t v = 0;

    memcpy(&v, (uint8_t *)G.probe_regs + addr, size);
    return v;
}

static void probe_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    memcpy((uint8_t *)G.probe_regs + addr, &val, size);
}

static const MemoryRegionOps probe_ops = {
    .read = probe_read,
    .write = probe_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

static char *mem_line(const char *dir, uint64_t off, uint64_t value,
                      unsigned size)
{
    return g_strdup_printf("memory_region_ops_%s cpu -1 mr %p addr 0x%" PRIx64
                           " value 0x%" PRIx64 " size %u name 'trace-probe'\n",
                           dir, (void *)&G.probe,
                           PROBE_BOX_BASE + PROBE_OFFSET + off, value, size);
}

static void test_memory_region_ops_events(void)
{
    static const struct { unsigned size; uint64_t off, value; } acc[] = {
        { 1, 0x1, 0x5a },
        { 2, 0x2, 0xbeef },
        { 4, 0x4, 0x12345678 },
        { 8, 0x8, 0x1122334455667788ULL },
    };
    GString *want = g_string_new("");
    AddressSpace *as = &address_space_memory;
    MemTxAttrs at = MEMTXATTRS_UNSPECIFIED;
    hwaddr base = PROBE_BOX_BASE + PROBE_OFFSET;
    char *text;

    fresh();
    memset(G.probe_regs, 0, sizeof(G.probe_regs));
    trace_opt_parse("memory_region_ops_*", NULL);
    for (size_t i = 0; i < ARRAY_SIZE(acc); i++) {
        hwaddr a = base + acc[i].off;
        uint64_t got = 0;
        char *l;

        switch (acc[i].size) {
        case 1:
            address_space_stb(as, a, acc[i].value, at, NULL);
            got = address_space_ldub(as, a, at, NULL);
            break;
        case 2:
            address_space_stw_le(as, a, acc[i].value, at, NULL);
            got = address_space_lduw_le(as, a, at, NULL);
            break;
        case 4:
            address_space_stl_le(as, a, acc[i].value, at, NULL);
            got = address_space_ldl_le(as, a, at, NULL);
            break;
        case 8:
            address_space_stq_le(as, a, acc[i].value, at, NULL);
            got = address_space_ldq_le(as, a, at, NULL);
            break;
        }
        g_assert_cmphex(got, ==, acc[i].value);
        l = mem_line("write", acc[i].off, acc[i].value, acc[i].size);
        g_string_append(want, l);
        g_free(l);
        l = mem_line("read", acc[i].off, acc[i].value, acc[i].size);
        g_string_append(want, l);
        g_free(l);
    }
    text = capture_text();
    g_assert_cmpstr(text, ==, want->str);
    g_free(text);

    /* Reads off: only the write shows. */
    capture_start();
    g_string_truncate(want, 0);
    trace_opt_parse("-memory_region_ops_read", NULL);
    address_space_stw_le(as, base + 0x10, 0x77, at, NULL);
    (void)address_space_lduw_le(as, base + 0x10, at, NULL);
    text = capture_text();
    {
        char *l = mem_line("write", 0x10, 0x77, 2);
        g_assert_cmpstr(text, ==, l);
        g_free(l);
    }
    g_free(text);
    g_string_free(want, TRUE);
    trace_reset();
}

/* ------------------------------------------------------------------ */
/* PCI: config cycles, BAR mapping and MSI-X                          */

#define TYPE_TRACE_PCIDEV "trace-pcidev"

static void trace_pcidev_realize(PCIDevice *pdev, GError **errp)
{
    if (msix_init_exclusive_bar(pdev, 4, 0, errp) < 0) {
        return;
    }
    for (unsigned v = 0; v < 4; v++) {
        msix_vector_use(pdev, v);
    }
}

static void trace_pcidev_class_init(ObjectClass *klass, void *data)
{
    PCIDeviceClass *pc = PCI_DEVICE_CLASS(klass);

    pc->realize = trace_pcidev_realize;
    pc->vendor_id = 0x1b36;
    pc->device_id = 0x00f1;
    pc->class_id = PCI_CLASS_OTHERS << 8;
}

static const TypeInfo trace_pcidev_info = {
    .name = TYPE_TRACE_PCIDEV,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PCIDevice),
    .class_init = trace_pcidev_class_init,
};

static void trace_pcidev_register(void)
{
    type_register_static(&trace_pcidev_info);
}
type_init(trace_pcidev_register)

static uint64_t doorbell_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void doorbell_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
}

static const MemoryRegionOps doorbell_ops = {
    .read = doorbell_read,
    .write = doorbell_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 4 },
};

static void ecam_writel(int reg, uint32_t v)
{
    address_space_stl_le(&address_space_memory, ECAM(0, TRACE_SLOT, 0, reg), v,
                         MEMTXATTRS_UNSPECIFIED, NULL);
}

static uint32_t ecam_readl(int reg)
{
    return address_space_ldl_le(&address_space_memory,
                                ECAM(0, TRACE_SLOT, 0, reg),
                                MEMTXATTRS_UNSPECIFIED, NULL);
}

static void setup_pci(void)
{
    GError *err = NULL;
    GPEXConfig cfg = gpex_virt_config(false);
    qemu_irq *irqs = qemu_allocate_irqs(NULL, NULL, GPEX_NUM_IRQS);

    memory_region_init_io(&G.doorbell, NULL, &doorbell_ops, NULL, "doorbell",
                          4096);
    memory_region_add_subregion(get_system_memory(), DOORBELL_BASE,
                                &G.doorbell);
    G.host = gpex_create(get_system_memory(), &cfg, irqs, &err);
    g_assert_no_error(err);
    g_free(irqs);
    G.bus = gpex_get_bus(G.host);
    G.pdev = pci_create_simple(G.bus, PCI_DEVFN(TRACE_SLOT, 0),
                               TYPE_TRACE_PCIDEV);
}

static void test_pci_events(void)
{
    PCIDevice *d = G.pdev;
    char *text, *want;
    uint32_t id;
    hwaddr table = BAR0_ADDR;
    MemTxAttrs at = MEMTXATTRS_UNSPECIFIED;

    fresh();
    trace_opt_parse("pci_*", NULL);
    id = ecam_readl(PCI_VENDOR_ID);
    g_assert_cmphex(id, ==, 0x00f11b36);
    ecam_writel(PCI_BASE_ADDRESS_0, BAR0_ADDR);
    ecam_writel(PCI_COMMAND, PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
    ecam_writel(PCI_COMMAND, 0);
    text = capture_text();
    want = g_strdup_printf(
        "pci_cfg_read %s 00:%02x.0 @0x0 -> 0xf11b36\n"
        "pci_cfg_write %s 00:%02x.0 @0x10 <- 0x%x\n"
        "pci_cfg_write %s 00:%02x.0 @0x4 <- 0x6\n"
        "pci_update_mappings_add %s 00:%02x.0 0,0x%" PRIx64 "+0x1000\n"
        "pci_cfg_write %s 00:%02x.0 @0x4 <- 0x0\n"
        "pci_update_mappings_del %s 00:%02x.0 0,0x%" PRIx64 "+0x1000\n",
        d->name, TRACE_SLOT, d->name, TRACE_SLOT, (unsigned)BAR0_ADDR,
        d->name, TRACE_SLOT, d->name, TRACE_SLOT, (uint64_t)BAR0_ADDR,
        d->name, TRACE_SLOT, d->name, TRACE_SLOT, (uint64_t)BAR0_ADDR);
    g_assert_cmpstr(text, ==, want);
    g_free(text);
    g_free(want);

    /* MSI-X: only msix events now. */
    trace_reset();
    capture_start();
    trace_opt_parse("msix_*", NULL);
    ecam_writel(PCI_COMMAND, PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
    address_space_stl_le(&address_space_memory, table + PCI_MSIX_ENTRY_LOWER_ADDR,
                         DOORBELL_BASE + 0x40, at, NULL);
    address_space_stl_le(&address_space_memory, table + PCI_MSIX_ENTRY_UPPER_ADDR,
                         0, at, NULL);
    address_space_stl_le(&address_space_memory, table + PCI_MSIX_ENTRY_DATA,
                         0x31, at, NULL);
    address_space_stl_le(&address_space_memory,
                         table + PCI_MSIX_ENTRY_VECTOR_CTRL, 0, at, NULL);
    /* vector 1 stays masked (the reset state) */
    ecam_writel(d->msix_cap, (uint32_t)PCI_MSIX_FLAGS_ENABLE << 16);
    msix_notify(d, 0);
    msix_notify(d, 1);
    text = capture_text();
    want = g_strdup_printf(
        "msix_write_config dev %s enabled 1 masked 0\n"
        "msix_notify dev %s vector 0 addr 0x%" PRIx64 " data 0x31\n"
        "msix_notify_masked dev %s vector 1 pending\n",
        d->name, d->name, (uint64_t)DOORBELL_BASE + 0x40, d->name);
    g_assert_cmpstr(text, ==, want);
    g_assert_cmpint(count_lines_with(text, "\n"), ==, 3);
    g_free(text);
    g_free(want);
    ecam_writel(d->msix_cap, 0);
    ecam_writel(PCI_COMMAND, 0);
    trace_reset();
}

/* ------------------------------------------------------------------ */

static void setup(void)
{
    GError *err = NULL;
    int fd;

    G.dir = g_dir_make_tmp("test-trace-XXXXXX", &err);
    g_assert_no_error(err);
    fd = g_file_open_tmp("test-trace-XXXXXX.log", &G.logname, &err);
    g_assert_no_error(err);
    close(fd);

    memory_region_init(&G.box, NULL, "trace-box", 0x1000);
    memory_region_init_io(&G.probe, NULL, &probe_ops, NULL, "trace-probe",
                          0x100);
    memory_region_add_subregion(&G.box, PROBE_OFFSET, &G.probe);
    memory_region_add_subregion(get_system_memory(), PROBE_BOX_BASE, &G.box);
    setup_pci();
}

static void cleanup(void)
{
    char *cmd = g_strdup_printf("rm -rf '%s'", G.dir);

    log_set_file(NULL, NULL);
    unlink(G.logname);
    g_assert_cmpint(system(cmd), ==, 0);
    g_free(cmd);
    g_free(G.logname);
    g_free(G.dir);
}

int main(int argc, char **argv)
{
    int r;

    g_test_init(&argc, &argv, NULL);
    setup();
    g_test_add_func("/trace/pattern/glob-enables-matching-events-only",
                    test_glob_enables_matching_events_only);
    g_test_add_func("/trace/pattern/later-pattern-wins", test_later_pattern_wins);
    g_test_add_func("/trace/pattern/names-outside-the-table",
                    test_names_outside_the_table_use_the_patterns);
    g_test_add_func("/trace/table/lookup", test_event_table_lookup);
    g_test_add_func("/trace/events-file", test_events_file);
    g_test_add_func("/trace/opt-parse", test_opt_parse);
    g_test_add_func("/trace/output/line-format", test_output_line_format);
    g_test_add_func("/trace/output/timestamp-prefix",
                    test_output_timestamp_prefix);
    g_test_add_func("/trace/output/disabled-events-are-silent",
                    test_disabled_events_are_silent);
    g_test_add_func("/trace/memory/ops-read-write-each-width",
                    test_memory_region_ops_events);
    g_test_add_func("/trace/pci/cfg-mappings-msix", test_pci_events);
    r = g_test_run();
    cleanup();
    return r;
}
