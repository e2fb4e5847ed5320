/*
 * test-pci-bridge.c - PCI-to-PCI bridges (hw/pci/pci_bridge.c,
 * hw/pci-bridge/): bus-number routing of config cycles, the three
 * forwarding windows, INTx swizzling across a bridge, DMA gated by the
 * bridge's Bus Master Enable, secondary bus reset, the PCIe root port.
 * Private memory map as in test-pci.c; edu and pci-testdev sit behind.
 */
#include "util/osdep.h"
#include "util/error.h"
#include "exec/memory.h"
#include "hw/qdev.h"
#include "hw/qdev-properties.h"
#include "hw/pci/pci.h"
#include "hw/pci/pci_bridge.h"
#include <json-glib/json-glib.h>

#define RAM_BASE 0x00100000ULL
#define RAM_SIZE (1 * MiB)

static struct {
    MemoryRegion sysmem, ram, pci_mem, pci_io;
    AddressSpace dma_as, mem_as, io_as;
    PCIBus *bus;
    int irq_level[PCI_NUM_PINS];
} F;

static void set_irq(void *opaque, int n, int level)
{
    F.irq_level[n] = level;
}

static AddressSpace *iommu(PCIBus *bus, void *opaque, int devfn)
{
    return &F.dma_as;
}

static void fixture_init(void)
{
    GError *err = NULL;

    memory_region_init(&F.sysmem, NULL, "sysmem", UINT64_MAX);
    g_assert_true(memory_region_init_ram(&F.ram, NULL, "ram", RAM_SIZE, &err));
    memory_region_add_subregion(&F.sysmem, RAM_BASE, &F.ram);
    memory_region_init(&F.pci_mem, NULL, "pci-mem", UINT64_MAX);
    memory_region_init(&F.pci_io, NULL, "pci-io", 64 * KiB);
    address_space_init(&F.dma_as, &F.sysmem, "dma");
    address_space_init(&F.mem_as, &F.pci_mem, "bus-mem");
    address_space_init(&F.io_as, &F.pci_io, "bus-io");
    F.bus = pci_root_bus_new(NULL, "bridge-test.0", &F.pci_mem, &F.pci_io, 0,
                             TYPE_PCIE_BUS);
    pci_bus_irqs(F.bus, set_irq, NULL, PCI_NUM_PINS);
    pci_bus_map_irqs(F.bus, pci_swizzle_map_irq_fn);
    pci_setup_iommu(F.bus, iommu, NULL);
}

static uint32_t cfg_read(PCIDevice *d, uint32_t addr, unsigned len)
{
    return pci_host_config_read_common(d, addr, PCIE_CONFIG_SPACE_SIZE, len);
}

static void cfg_write(PCIDevice *d, uint32_t addr, uint32_t val, unsigned len)
{
    pci_host_config_write_common(d, addr, PCIE_CONFIG_SPACE_SIZE, val, len);
}

static uint32_t mem_rd(hwaddr a, MemTxResult *res)
{
    return address_space_ldl_le(&F.mem_as, a, MEMTXATTRS_UNSPECIFIED, res);
}

static void mem_wr(hwaddr a, uint64_t v, unsigned size)
{
    MemTxResult res;

    if (size == 8) {
        address_space_stq_le(&F.mem_as, a, v, MEMTXATTRS_UNSPECIFIED, &res);
    } else {
        address_space_stl_le(&F.mem_as, a, v, MEMTXATTRS_UNSPECIFIED, &res);
    }
    g_assert_cmpuint(res, ==, MEMTX_OK);
}

static PCIDevice *bridge_new(int devfn, uint8_t chassis)
{
    PCIDevice *d = pci_new(devfn, "pci-bridge");
    GError *err = NULL;

    qdev_prop_set_uint8(DEVICE(d), "chassis_nr", chassis);
    if (!pci_realize_and_unref(d, F.bus, &err)) {
        g_error("pci-bridge: %s", err->message);
    }
    return d;
}

/* Program bus numbers and a 16 MiB memory window at @mem_base. */
static void bridge_setup(PCIDevice *br, int sec, hwaddr mem_base)
{
    cfg_write(br, PCI_PRIMARY_BUS, 0 | sec << 8 | sec << 16, 4);
    cfg_write(br, PCI_MEMORY_BASE, (mem_base >> 16) & 0xfff0, 2);
    cfg_write(br, PCI_MEMORY_LIMIT, ((mem_base + 16 * MiB - 1) >> 16) & 0xfff0,
              2);
    cfg_write(br, PCI_COMMAND, PCI_COMMAND_MEMORY | PCI_COMMAND_IO |
              PCI_COMMAND_MASTER, 2);
}

static void test_header_and_routing(void)
{
    PCIDevice *br = bridge_new(PCI_DEVFN(2, 0), 1);
    PCIBus *sec = pci_bridge_get_sec_bus(PCI_BRIDGE(br));
    PCIDevice *e = pci_create_simple(sec, PCI_DEVFN(3, 0), "edu");

    g_assert_cmphex(cfg_read(br, PCI_HEADER_TYPE, 1), ==, 1);
    g_assert_cmphex(cfg_read(br, PCI_CLASS_DEVICE, 2), ==, 0x0604);
    g_assert_cmphex(cfg_read(br, PCI_VENDOR_ID, 4), ==, 0x00011b36);
    g_assert_cmpuint(pci_find_capability(br, PCI_CAP_ID_SLOTID), !=, 0);
    /* Window registers: type bits read-only, address bits writable. */
    g_assert_cmphex(cfg_read(br, PCI_IO_BASE, 1) & 0xf, ==, 1);
    cfg_write(br, PCI_IO_BASE, 0xffff, 2);
    g_assert_cmphex(cfg_read(br, PCI_IO_BASE, 2), ==, 0xf1f1);
    cfg_write(br, PCI_PREF_MEMORY_BASE, 0, 4);
    g_assert_cmphex(cfg_read(br, PCI_PREF_MEMORY_BASE, 4), ==, 0x00010001);

    /* Unnumbered bridge: nothing behind it answers. */
    g_assert_null(pci_find_device(F.bus, 1, PCI_DEVFN(3, 0)));
    cfg_write(br, PCI_PRIMARY_BUS, 0x00050500, 4);
    g_assert_cmpint(pci_bus_num(sec), ==, 5);
    g_assert_true(pci_find_device(F.bus, 5, PCI_DEVFN(3, 0)) == e);
    g_assert_null(pci_find_device(F.bus, 4, PCI_DEVFN(3, 0)));
    g_assert_null(pci_find_device(F.bus, 5, PCI_DEVFN(4, 0)));
    /* Requester id carries the secondary bus number. */
    g_assert_cmphex(pci_requester_id(e), ==, 0x0518);
    /* A bus between secondary and subordinate is searched below. */
    cfg_write(br, PCI_SUBORDINATE_BUS, 9, 1);
    g_assert_true(pci_find_device(F.bus, 5, PCI_DEVFN(3, 0)) == e);
    g_assert_null(pci_find_device(F.bus, 7, PCI_DEVFN(3, 0)));
}

static void test_windows(void)
{
    PCIDevice *br = bridge_new(PCI_DEVFN(4, 0), 2);
    PCIBus *sec = pci_bridge_get_sec_bus(PCI_BRIDGE(br));
    PCIDevice *e = pci_create_simple(sec, PCI_DEVFN(0, 0), "edu");
    PCIDevice *t = pci_new(PCI_DEVFN(1, 0), "pci-testdev");
    GError *err = NULL;
    MemTxResult res;

    qdev_prop_set_uint64(DEVICE(t), "membar", 1 * MiB);
    g_assert_true(pci_realize_and_unref(t, sec, &err));

    bridge_setup(br, 10, 0x20000000);
    cfg_write(e, PCI_BASE_ADDRESS_0, 0x20000000, 4);
    cfg_write(e, PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
    g_assert_cmphex(mem_rd(0x20000000, &res), ==, 0x010000ed);
    g_assert_cmpuint(res, ==, MEMTX_OK);

    /* Outside the window the BAR is unreachable from the parent. */
    cfg_write(e, PCI_BASE_ADDRESS_0, 0x21000000, 4);
    g_assert_cmphex(pci_get_bar_addr(e, 0), ==, 0x21000000);
    mem_rd(0x21000000, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
    cfg_write(e, PCI_BASE_ADDRESS_0, 0x20000000, 4);

    /* The bridge's memory enable gates the window. */
    cfg_write(br, PCI_COMMAND, PCI_COMMAND_IO, 2);
    mem_rd(0x20000000, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
    cfg_write(br, PCI_COMMAND, PCI_COMMAND_IO | PCI_COMMAND_MEMORY, 2);
    g_assert_cmphex(mem_rd(0x20000000, &res), ==, 0x010000ed);

    /* Closing the window (limit below base). */
    cfg_write(br, PCI_MEMORY_LIMIT, 0x1ff0, 2);
    mem_rd(0x20000000, &res);
    g_assert_cmpuint(res, !=, MEMTX_OK);
    cfg_write(br, PCI_MEMORY_LIMIT, 0x20f0, 2);
    g_assert_cmphex(mem_rd(0x20000000, &res), ==, 0x010000ed);

    /* I/O window: 0x3000-0x3fff. */
    cfg_write(br, PCI_IO_BASE, 0x3030, 2);
    cfg_write(t, PCI_BASE_ADDRESS_1, 0x3000, 4);
    cfg_write(t, PCI_COMMAND, PCI_COMMAND_IO | PCI_COMMAND_MEMORY, 2);
    address_space_stb(&F.io_as, 0x3000, 1, MEMTXATTRS_UNSPECIFIED, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    g_assert_cmphex(address_space_ldl_le(&F.io_as, 0x3004,
                    MEMTXATTRS_UNSPECIFIED, &res), ==, 128 + 4);

    /* 64-bit prefetchable window above 4 GiB for the membar. */
    cfg_write(br, PCI_PREF_MEMORY_BASE, 0x00000000 | 0x0001, 2);
    cfg_write(br, PCI_PREF_MEMORY_LIMIT, 0x00f0 | 0x0001, 2);
    cfg_write(br, PCI_PREF_BASE_UPPER32, 0x80, 4);
    cfg_write(br, PCI_PREF_LIMIT_UPPER32, 0x80, 4);
    cfg_write(t, PCI_BASE_ADDRESS_2, 0x00000000 | 0xc, 4);
    cfg_write(t, PCI_BASE_ADDRESS_3, 0x80, 4);
    g_assert_cmphex(pci_get_bar_addr(t, 2), ==, 0x8000000000ULL);
    mem_wr(0x8000000010ULL, 0xdeadbeef, 4);
    g_assert_cmphex(mem_rd(0x8000000010ULL, &res), ==, 0xdeadbeef);
    g_assert_cmpuint(res, ==, MEMTX_OK);
}

static void test_intx_across_bridge(void)
{
    PCIDevice *br = bridge_new(PCI_DEVFN(6, 0), 3);
    PCIBus *sec = pci_bridge_get_sec_bus(PCI_BRIDGE(br));
    PCIDevice *e = pci_create_simple(sec, PCI_DEVFN(3, 0), "edu");
    /* Pin A of slot 3 is pin D at the bridge; slot 6 pin D -> line 1. */
    int line = pci_swizzle(6, pci_swizzle(3, 0));

    g_assert_cmpint(line, ==, 1);
    bridge_setup(br, 20, 0x30000000);
    cfg_write(e, PCI_BASE_ADDRESS_0, 0x30000000, 4);
    cfg_write(e, PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
    memset(F.irq_level, 0, sizeof(F.irq_level));
    mem_wr(0x30000060, 0x1, 4);
    g_assert_cmpint(F.irq_level[line], ==, 1);
    for (int i = 0; i < PCI_NUM_PINS; i++) {
        g_assert_cmpint(F.irq_level[i], ==, i == line);
    }
    mem_wr(0x30000064, 0x1, 4);
    g_assert_cmpint(F.irq_level[line], ==, 0);
}

static void test_dma_gated_by_bridge(void)
{
    PCIDevice *br = bridge_new(PCI_DEVFN(7, 0), 4);
    PCIBus *sec = pci_bridge_get_sec_bus(PCI_BRIDGE(br));
    PCIDevice *e = pci_create_simple(sec, PCI_DEVFN(0, 0), "edu");
    uint8_t *ram = memory_region_get_ram_ptr(&F.ram);

    bridge_setup(br, 30, 0x40000000);
    cfg_write(e, PCI_BASE_ADDRESS_0, 0x40000000, 4);
    cfg_write(e, PCI_COMMAND, PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER, 2);
    memset(ram, 0x11, 64);
    memset(ram + 0x100, 0, 64);

    /* Load edu's buffer, then write it back 0x100 further on. */
    mem_wr(0x40000080, RAM_BASE, 8);
    mem_wr(0x40000088, 0x40000, 8);
    mem_wr(0x40000090, 64, 8);
    mem_wr(0x40000098, 1, 8);
    mem_wr(0x40000080, 0x40000, 8);
    mem_wr(0x40000088, RAM_BASE + 0x100, 8);
    mem_wr(0x40000098, 3, 8);
    g_assert_cmphex(ram[0x100], ==, 0x11);

    /* The bridge's own Bus Master Enable off: upstream DMA is refused. */
    memset(ram + 0x100, 0, 64);
    cfg_write(br, PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
    mem_wr(0x40000098, 3, 8);
    g_assert_cmphex(ram[0x100], ==, 0);
    cfg_write(br, PCI_COMMAND, PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER, 2);
    mem_wr(0x40000098, 3, 8);
    g_assert_cmphex(ram[0x100], ==, 0x11);
}

static void test_secondary_bus_reset(void)
{
    PCIDevice *br = bridge_new(PCI_DEVFN(8, 0), 5);
    PCIBus *sec = pci_bridge_get_sec_bus(PCI_BRIDGE(br));
    PCIDevice *e = pci_create_simple(sec, PCI_DEVFN(0, 0), "edu");

    bridge_setup(br, 40, 0x50000000);
    cfg_write(e, PCI_BASE_ADDRESS_0, 0x50000000, 4);
    cfg_write(e, PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
    mem_wr(0x50000004, 0x1234, 4);
    g_assert_cmphex(cfg_read(e, PCI_COMMAND, 2), ==, PCI_COMMAND_MEMORY);

    cfg_write(br, PCI_BRIDGE_CONTROL, PCI_BRIDGE_CTL_BUS_RESET, 2);
    cfg_write(br, PCI_BRIDGE_CONTROL, 0, 2);
    g_assert_cmphex(cfg_read(e, PCI_COMMAND, 2), ==, 0);
    g_assert_cmphex(cfg_read(e, PCI_BASE_ADDRESS_0, 4), ==, 0);
    /* The bridge itself kept its configuration. */
    g_assert_cmpuint(cfg_read(br, PCI_SECONDARY_BUS, 1), ==, 40);
    /* And edu's own registers were reset (liveness reads ~0). */
    cfg_write(e, PCI_BASE_ADDRESS_0, 0x50000000, 4);
    cfg_write(e, PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
    g_assert_cmphex(address_space_ldl_le(&F.mem_as, 0x50000004,
                    MEMTXATTRS_UNSPECIFIED, NULL), ==, 0);
}

static void test_root_port(void)
{
    PCIDevice *rp = pci_new(PCI_DEVFN(9, 0), "pcie-root-port");
    GError *err = NULL;
    PCIBus *sec, *conv;
    static MemoryRegion mem, io;    /* the bus outlives the test */
    uint8_t exp;

    qdev_prop_set_uint16(DEVICE(rp), "slot", 7);
    g_assert_true(pci_realize_and_unref(rp, F.bus, &err));
    exp = pci_find_capability(rp, PCI_CAP_ID_EXP);
    g_assert_cmpuint(exp, !=, 0);
    g_assert_cmphex(cfg_read(rp, PCI_VENDOR_ID, 4), ==, 0x000c1b36);
    g_assert_cmphex(cfg_read(rp, PCI_HEADER_TYPE, 1), ==, 1);
    g_assert_cmphex((cfg_read(rp, exp + PCI_EXP_FLAGS, 2) >> 4) & 0xf, ==,
                    PCI_EXP_TYPE_ROOT_PORT);
    g_assert_true(cfg_read(rp, exp + PCI_EXP_FLAGS, 2) & PCI_EXP_FLAGS_SLOT);
    g_assert_cmpuint(cfg_read(rp, exp + PCI_EXP_SLTCAP, 4) >> 19, ==, 7);
    g_assert_cmpuint(pci_config_size(rp), ==, PCIE_CONFIG_SPACE_SIZE);
    sec = pci_bridge_get_sec_bus(PCI_BRIDGE(rp));
    g_assert_true(pci_bus_is_express(sec));

    /* One link: only device 0 behind the port. */
    {
        PCIDevice *e = pci_new(PCI_DEVFN(1, 0), "edu");

        g_assert_false(qdev_realize(DEVICE(e), &sec->qbus, &err));
        g_assert_nonnull(strstr(err->message, "slot 0"));
        g_clear_error(&err);
        object_unref(e);
        e = pci_create_simple(sec, -1, "edu");
        g_assert_cmpint(e->devfn, ==, 0);
        e = pci_create_simple(sec, PCI_DEVFN(0, 1), "edu");
        g_assert_cmpint(e->devfn, ==, 1);
        e = pci_new(-1, "edu");
        g_assert_false(qdev_realize(DEVICE(e), &sec->qbus, &err));
        g_clear_error(&err);
        object_unref(e);
    }

    /* A root port needs a PCIe bus above it. */
    memory_region_init(&mem, NULL, "conv-mem", UINT64_MAX);
    memory_region_init(&io, NULL, "conv-io", 64 * KiB);
    conv = pci_root_bus_new(NULL, "conv.0", &mem, &io, 0, TYPE_PCI_BUS);
    rp = pci_new(-1, "pcie-root-port");
    g_assert_false(qdev_realize(DEVICE(rp), &conv->qbus, &err));
    g_assert_nonnull(strstr(err->message, "PCIe bus"));
    g_clear_error(&err);
    object_unref(rp);

    /* pci-bridge insists on a chassis number, like QEMU's. */
    rp = pci_new(-1, "pci-bridge");
    g_assert_false(qdev_realize(DEVICE(rp), &F.bus->qbus, &err));
    g_assert_nonnull(strstr(err->message, "chassis"));
    g_clear_error(&err);
    object_unref(rp);
}

static void test_info_pci(void)
{
    GString *out = g_string_new("");

    pci_info(out);
    g_assert_nonnull(strstr(out->str, "PCI bridge: PCI device 1b36:0001\n"
                            "      IRQ 0, pin A\n      BUS 0.\n"
                            "      secondary bus 5.\n"));
    /* The device behind the first bridge is listed with its bus number. */
    g_assert_nonnull(strstr(out->str, "  Bus  5, device   3, function 0:\n"
                            "    Class 0255: PCI device 1234:11e8"));
    g_string_free(out, true);
}

static void test_query_pci(void)
{
    GError *err = NULL;
    JsonNode *n = qmp_query_pci(NULL, &err);
    JsonArray *buses, *devs, *behind;
    JsonObject *br = NULL, *bus0 = NULL;
    char *text;

    g_assert_no_error(err);
    buses = json_node_get_array(n);
    for (guint i = 0; i < json_array_get_length(buses); i++) {
        JsonObject *o = json_array_get_object_element(buses, i);
        JsonArray *d = json_object_get_array_member(o, "devices");

        /* Our root bus is the one holding the chassis-1 bridge at 2.0. */
        for (guint j = 0; j < json_array_get_length(d); j++) {
            JsonObject *dev = json_array_get_object_element(d, j);
            if (json_object_get_int_member(dev, "slot") == 2 &&
                json_object_has_member(dev, "pci_bridge")) {
                bus0 = o;
                br = dev;
            }
        }
    }
    g_assert_nonnull(bus0);
    devs = json_object_get_array_member(bus0, "devices");
    g_assert_cmpuint(json_array_get_length(devs), >=, 6);
    br = json_object_get_object_member(br, "pci_bridge");
    g_assert_cmpint(json_object_get_int_member(
                    json_object_get_object_member(br, "bus"), "secondary"),
                    ==, 5);
    behind = json_object_get_array_member(br, "devices");
    g_assert_cmpuint(json_array_get_length(behind), ==, 1);
    g_assert_cmpint(json_object_get_int_member(json_object_get_object_member(
                    json_array_get_object_element(behind, 0), "id"),
                    "vendor"), ==, 0x1234);
    text = json_to_string(n, false);
    g_assert_nonnull(strstr(text, "\"type\":\"memory\",\"address\":536870912,"
                            "\"size\":1048576"));
    g_free(text);
    json_node_unref(n);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    fixture_init();
    g_test_add_func("/pci-bridge/header-and-routing", test_header_and_routing);
    g_test_add_func("/pci-bridge/windows", test_windows);
    g_test_add_func("/pci-bridge/intx-across-bridge", test_intx_across_bridge);
    g_test_add_func("/pci-bridge/dma-gated-by-bridge",
                    test_dma_gated_by_bridge);
    g_test_add_func("/pci-bridge/secondary-bus-reset",
                    test_secondary_bus_reset);
    g_test_add_func("/pci-bridge/root-port", test_root_port);
    g_test_add_func("/pci-bridge/info-pci", test_info_pci);
    g_test_add_func("/pci-bridge/query-pci", test_query_pci);
    return g_test_run();
}
