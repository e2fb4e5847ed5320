/*
 * test-pci-config.c - unit tests of config-space arithmetic
 * (hw/pci/pci-config.c): per-byte masks, capability walks, BAR sizing and
 * decoding, bridge windows. No bus or device model involved.
 */
#include "util/osdep.h"
#include "hw/pci/pci_config.h"

typedef struct Space {
    uint8_t config[PCIE_CONFIG_SPACE_SIZE];
    uint8_t wmask[PCIE_CONFIG_SPACE_SIZE];
    uint8_t w1cmask[PCIE_CONFIG_SPACE_SIZE];
} Space;

static void space_write(Space *s, uint32_t addr, uint32_t val, unsigned len)
{
    pci_config_write_masked(s->config, s->wmask, s->w1cmask,
                            PCIE_CONFIG_SPACE_SIZE, addr, val, len);
}

static uint32_t space_read(Space *s, uint32_t addr, unsigned len)
{
    return pci_config_read_raw(s->config, PCIE_CONFIG_SPACE_SIZE, addr, len);
}

static void test_masks_per_byte(void)
{
    Space s = { 0 };

    /* byte 0x40: RO; 0x41: RW; 0x42: W1C; 0x43: half RW, half W1C */
    s.config[0x40] = 0x5a;
    s.wmask[0x41] = 0xff;
    s.config[0x42] = 0xf0;
    s.w1cmask[0x42] = 0xff;
    s.config[0x43] = 0xff;
    s.wmask[0x43] = 0x0f;
    s.w1cmask[0x43] = 0xf0;

    space_write(&s, 0x40, 0x30a512ff, 4);
    g_assert_cmphex(s.config[0x40], ==, 0x5a);      /* RO unchanged */
    g_assert_cmphex(s.config[0x41], ==, 0x12);      /* RW took value */
    g_assert_cmphex(s.config[0x42], ==, 0x50);      /* 0xa0 cleared */
    /* low nibble written (0), high nibble: bits 0x30 cleared */
    g_assert_cmphex(s.config[0x43], ==, 0xc0);
    g_assert_cmphex(space_read(&s, 0x40, 4), ==, 0xc050125a);

    /* Writing 0 to W1C bits leaves them alone. */
    space_write(&s, 0x42, 0, 1);
    g_assert_cmphex(s.config[0x42], ==, 0x50);

    /* A 2-byte write touches exactly two bytes. */
    space_write(&s, 0x41, 0xffff, 2);
    g_assert_cmphex(s.config[0x41], ==, 0xff);
    g_assert_cmphex(s.config[0x42], ==, 0x00);
    g_assert_cmphex(s.config[0x43], ==, 0xc0);
}

static void test_write_past_end_ignored(void)
{
    uint8_t cfg[8] = { 0 }, wm[8], w1c[8] = { 0 };

    memset(wm, 0xff, sizeof(wm));
    pci_config_write_masked(cfg, wm, w1c, sizeof(cfg), 6, 0x44332211, 4);
    g_assert_cmphex(cfg[6], ==, 0x11);
    g_assert_cmphex(cfg[7], ==, 0x22);
    g_assert_cmphex(pci_config_read_raw(cfg, sizeof(cfg), 6, 4), ==, 0x2211);
}

static void test_capability_walk(void)
{
    Space s = { 0 };
    uint8_t prev = 0;

    /* Without the status bit the list does not exist. */
    s.config[PCI_CAPABILITY_LIST] = 0x40;
    s.config[0x40] = PCI_CAP_ID_PM;
    g_assert_cmpuint(pci_config_find_capability(s.config, PCI_CAP_ID_PM,
                                                NULL), ==, 0);

    pci_set_word(s.config + PCI_STATUS, PCI_STATUS_CAP_LIST);
    s.config[0x41] = 0x50;
    s.config[0x50] = PCI_CAP_ID_MSI;
    s.config[0x51] = 0x70;
    s.config[0x70] = PCI_CAP_ID_MSIX;
    s.config[0x71] = 0;

    g_assert_cmpuint(pci_config_find_capability(s.config, PCI_CAP_ID_PM,
                                                &prev), ==, 0x40);
    g_assert_cmpuint(prev, ==, PCI_CAPABILITY_LIST);
    g_assert_cmpuint(pci_config_find_capability(s.config, PCI_CAP_ID_MSIX,
                                                &prev), ==, 0x70);
    g_assert_cmpuint(prev, ==, 0x51);
    g_assert_cmpuint(pci_config_find_capability(s.config, PCI_CAP_ID_EXP,
                                                NULL), ==, 0);

    /* A loop must end the walk, not hang. */
    s.config[0x71] = 0x40;
    g_assert_cmpuint(pci_config_find_capability(s.config, PCI_CAP_ID_EXP,
                                                NULL), ==, 0);
}

static void test_ext_capability_walk(void)
{
    Space s = { 0 };
    uint16_t prev = 0xffff;

    g_assert_cmpuint(pci_config_find_ext_capability(s.config,
                     PCI_EXT_CAP_ID_ERR, NULL), ==, 0);
    pci_set_long(s.config + 0x100, PCI_EXT_CAP(PCI_EXT_CAP_ID_ERR, 2, 0x140));
    pci_set_long(s.config + 0x140, PCI_EXT_CAP(PCI_EXT_CAP_ID_DSN, 1, 0));
    g_assert_cmpuint(pci_config_find_ext_capability(s.config,
                     PCI_EXT_CAP_ID_ERR, &prev), ==, 0x100);
    g_assert_cmpuint(prev, ==, 0);
    g_assert_cmpuint(pci_config_find_ext_capability(s.config,
                     PCI_EXT_CAP_ID_DSN, &prev), ==, 0x140);
    g_assert_cmpuint(prev, ==, 0x100);
    g_assert_cmpuint(pci_config_find_ext_capability(s.config,
                     PCI_EXT_CAP_ID_ARI, NULL), ==, 0);
    /* loop */
    pci_set_long(s.config + 0x140, PCI_EXT_CAP(PCI_EXT_CAP_ID_DSN, 1, 0x100));
    g_assert_cmpuint(pci_config_find_ext_capability(s.config,
                     PCI_EXT_CAP_ID_ARI, NULL), ==, 0);
}

static void test_find_space(void)
{
    uint8_t used[PCI_CONFIG_SPACE_SIZE] = { 0 };

    g_assert_cmpuint(pci_config_find_space(used, 8), ==, 0x40);
    memset(used + 0x40, 1, 10);
    g_assert_cmpuint(pci_config_find_space(used, 8), ==, 0x4c);
    memset(used + 0x50, 1, 0xb0);
    g_assert_cmpuint(pci_config_find_space(used, 8), ==, 0);
    g_assert_cmpuint(pci_config_find_space(used, 4), ==, 0x4c);
}

/* Size a BAR the way firmware does: write all-ones, read back, restore. */
static uint64_t size_bar(Space *s, int reg, bool is_64)
{
    uint32_t lo_old = space_read(s, reg, 4), hi_old = 0;
    uint64_t mask;

    space_write(s, reg, 0xffffffff, 4);
    mask = space_read(s, reg, 4);
    if (is_64) {
        hi_old = space_read(s, reg + 4, 4);
        space_write(s, reg + 4, 0xffffffff, 4);
        mask |= (uint64_t)space_read(s, reg + 4, 4) << 32;
        space_write(s, reg + 4, hi_old, 4);
    } else {
        mask |= 0xffffffff00000000ULL;
    }
    space_write(s, reg, lo_old, 4);
    if (mask & PCI_BASE_ADDRESS_SPACE_IO && !is_64 && reg != PCI_ROM_ADDRESS) {
        mask &= PCI_BASE_ADDRESS_IO_MASK;
    } else if (reg == PCI_ROM_ADDRESS) {
        mask &= PCI_ROM_ADDRESS_MASK;
    } else {
        mask &= PCI_BASE_ADDRESS_MEM_MASK;
    }
    return ~mask + 1;
}

static void test_bar_sizing_every_kind(void)
{
    Space s = { 0 };

    pci_bar_init_config(s.config, s.wmask, PCI_BASE_ADDRESS_0,
                        PCI_BASE_ADDRESS_SPACE_IO, 256, false);
    pci_bar_init_config(s.config, s.wmask, PCI_BASE_ADDRESS_1,
                        PCI_BASE_ADDRESS_SPACE_MEMORY, 4096, false);
    pci_bar_init_config(s.config, s.wmask, PCI_BASE_ADDRESS_2,
                        PCI_BASE_ADDRESS_MEM_TYPE_64 |
                        PCI_BASE_ADDRESS_MEM_PREFETCH, 8 * GiB, false);
    pci_bar_init_config(s.config, s.wmask, PCI_BASE_ADDRESS_4,
                        PCI_BASE_ADDRESS_MEM_PREFETCH, 1 * MiB, false);
    pci_bar_init_config(s.config, s.wmask, PCI_ROM_ADDRESS, 0, 64 * KiB, true);

    /* Type bits read back and survive sizing writes. */
    g_assert_cmphex(space_read(&s, PCI_BASE_ADDRESS_0, 4), ==, 0x1);
    g_assert_cmphex(space_read(&s, PCI_BASE_ADDRESS_2, 4), ==, 0xc);
    g_assert_cmphex(space_read(&s, PCI_BASE_ADDRESS_4, 4), ==, 0x8);

    g_assert_cmpuint(size_bar(&s, PCI_BASE_ADDRESS_0, false), ==, 256);
    g_assert_cmpuint(size_bar(&s, PCI_BASE_ADDRESS_1, false), ==, 4096);
    g_assert_cmpuint(size_bar(&s, PCI_BASE_ADDRESS_2, true), ==, 8 * GiB);
    g_assert_cmpuint(size_bar(&s, PCI_BASE_ADDRESS_4, false), ==, 1 * MiB);
    g_assert_cmpuint(size_bar(&s, PCI_ROM_ADDRESS, false), ==, 64 * KiB);

    space_write(&s, PCI_BASE_ADDRESS_0, 0xffffffff, 4);
    g_assert_cmphex(space_read(&s, PCI_BASE_ADDRESS_0, 4), ==, 0xffffff01);
    space_write(&s, PCI_ROM_ADDRESS, 0xffffffff, 4);
    g_assert_cmphex(space_read(&s, PCI_ROM_ADDRESS, 4), ==, 0xffff0001);
}

static void test_bar_decode(void)
{
    Space s = { 0 };
    int r0 = PCI_BASE_ADDRESS_0, r1 = PCI_BASE_ADDRESS_1;
    int r2 = PCI_BASE_ADDRESS_2;

    pci_bar_init_config(s.config, s.wmask, r0, PCI_BASE_ADDRESS_SPACE_IO,
                        64, false);
    pci_bar_init_config(s.config, s.wmask, r1, 0, 4096, false);
    pci_bar_init_config(s.config, s.wmask, r2, PCI_BASE_ADDRESS_MEM_TYPE_64,
                        64 * KiB, false);
    pci_bar_init_config(s.config, s.wmask, PCI_ROM_ADDRESS, 0, 4096, true);
    pci_set_word(s.wmask + PCI_COMMAND, 0xffff);

    space_write(&s, r0, 0x1040, 4);
    space_write(&s, r1, 0x10002000, 4);
    space_write(&s, r2, 0x00010000, 4);
    space_write(&s, r2 + 4, 0x80, 4);
    space_write(&s, PCI_ROM_ADDRESS, 0x20000000, 4);

    /* Nothing decodes with the command register clear. */
    g_assert_cmphex(pci_bar_address(s.config, r0, 1, 64, false), ==,
                    PCI_BAR_UNMAPPED);
    g_assert_cmphex(pci_bar_address(s.config, r1, 0, 4096, false), ==,
                    PCI_BAR_UNMAPPED);

    space_write(&s, PCI_COMMAND, PCI_COMMAND_IO, 2);
    g_assert_cmphex(pci_bar_address(s.config, r0, 1, 64, false), ==, 0x1040);
    g_assert_cmphex(pci_bar_address(s.config, r1, 0, 4096, false), ==,
                    PCI_BAR_UNMAPPED);

    /* An I/O BAR at port 0 decodes (the virt I/O window starts there). */
    space_write(&s, r0, 0x0001, 4);
    g_assert_cmphex(pci_bar_address(s.config, r0, 1, 64, false), ==, 0);
    space_write(&s, r0, 0x1040, 4);

    space_write(&s, PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
    g_assert_cmphex(pci_bar_address(s.config, r0, 1, 64, false), ==,
                    PCI_BAR_UNMAPPED);
    g_assert_cmphex(pci_bar_address(s.config, r1, 0, 4096, false), ==,
                    0x10002000);
    g_assert_cmphex(pci_bar_address(s.config, r2, PCI_BASE_ADDRESS_MEM_TYPE_64,
                                    64 * KiB, false), ==, 0x8000010000ULL);
    /* ROM needs its own enable bit too. */
    g_assert_cmphex(pci_bar_address(s.config, PCI_ROM_ADDRESS, 0, 4096, true),
                    ==, PCI_BAR_UNMAPPED);
    space_write(&s, PCI_ROM_ADDRESS, 0x20000001, 4);
    g_assert_cmphex(pci_bar_address(s.config, PCI_ROM_ADDRESS, 0, 4096, true),
                    ==, 0x20000000);

    /* Sizing in progress (all-ones) must not decode. */
    space_write(&s, r1, 0xffffffff, 4);
    g_assert_cmphex(pci_bar_address(s.config, r1, 0, 4096, false), ==,
                    PCI_BAR_UNMAPPED);
    space_write(&s, r2 + 4, 0xffffffff, 4);
    space_write(&s, r2, 0xffffffff, 4);
    g_assert_cmphex(pci_bar_address(s.config, r2, PCI_BASE_ADDRESS_MEM_TYPE_64,
                                    64 * KiB, false), ==, PCI_BAR_UNMAPPED);
    /* A memory BAR at address 0 is "unassigned". */
    space_write(&s, r1, 0, 4);
    g_assert_cmphex(pci_bar_address(s.config, r1, 0, 4096, false), ==,
                    PCI_BAR_UNMAPPED);
}

static void test_bridge_windows(void)
{
    uint8_t c[PCI_CONFIG_SPACE_SIZE] = { 0 };

    c[PCI_IO_BASE] = 0x21;          /* 32-bit I/O decode */
    c[PCI_IO_LIMIT] = 0x31;
    pci_set_word(c + PCI_IO_BASE_UPPER16, 0x0001);
    pci_set_word(c + PCI_IO_LIMIT_UPPER16, 0x0001);
    pci_set_word(c + PCI_MEMORY_BASE, 0x1000);
    pci_set_word(c + PCI_MEMORY_LIMIT, 0x10f0);
    pci_set_word(c + PCI_PREF_MEMORY_BASE, 0x8001);
    pci_set_word(c + PCI_PREF_MEMORY_LIMIT, 0x9ff1);
    pci_set_long(c + PCI_PREF_BASE_UPPER32, 0x80);
    pci_set_long(c + PCI_PREF_LIMIT_UPPER32, 0x80);

    g_assert_cmphex(pci_bridge_io_base(c), ==, 0x12000);
    g_assert_cmphex(pci_bridge_io_limit(c), ==, 0x13fff);
    g_assert_cmphex(pci_bridge_mem_base(c), ==, 0x10000000);
    g_assert_cmphex(pci_bridge_mem_limit(c), ==, 0x10ffffff);
    g_assert_cmphex(pci_bridge_pref_base(c), ==, 0x8080000000ULL);
    g_assert_cmphex(pci_bridge_pref_limit(c), ==, 0x809fffffffULL);

    /* 16-bit I/O decode ignores the upper halves. */
    c[PCI_IO_BASE] = 0x20;
    g_assert_cmphex(pci_bridge_io_base(c), ==, 0x2000);
}

static void test_swizzle(void)
{
    /* Device in slot 1 pin INTA appears as INTB upstream, INTD -> INTA. */
    g_assert_cmpint(pci_swizzle(1, 0), ==, 1);
    g_assert_cmpint(pci_swizzle(1, 3), ==, 0);
    g_assert_cmpint(pci_swizzle(6, 2), ==, 0);
    g_assert_cmpint(pci_swizzle(0, 2), ==, 2);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pci-config/masks-per-byte", test_masks_per_byte);
    g_test_add_func("/pci-config/write-past-end", test_write_past_end_ignored);
    g_test_add_func("/pci-config/capability-walk", test_capability_walk);
    g_test_add_func("/pci-config/ext-capability-walk",
                    test_ext_capability_walk);
    g_test_add_func("/pci-config/find-space", test_find_space);
    g_test_add_func("/pci-config/bar-sizing-every-kind",
                    test_bar_sizing_every_kind);
    g_test_add_func("/pci-config/bar-decode", test_bar_decode);
    g_test_add_func("/pci-config/bridge-windows", test_bridge_windows);
    g_test_add_func("/pci-config/swizzle", test_swizzle);
    return g_test_run();
}
