/*
 * pci-config.c - config-space arithmetic shared by every PCI function.
 *
 * Masked writes, capability list walks and BAR/window decoding on plain
 * byte arrays (see include/hw/pci/pci_config.h). No device model here:
 * hw/pci/pci.c calls these, and tests/unit/test-pci-config.c pins them.
 */
#include "util/osdep.h"
#include "hw/pci/pci_config.h"

void pci_config_write_masked(uint8_t *config, const uint8_t *wmask,
                             const uint8_t *w1cmask, uint32_t size,
                             uint32_t addr, uint32_t val, unsigned len)
{
    for (unsigned i = 0; i < len && addr + i < size; i++) {
        uint32_t a = addr + i;
        uint8_t v = val >> (8 * i);
        uint8_t wm = wmask[a];
        uint8_t w1c = w1cmask[a];

        config[a] = (config[a] & ~wm) | (v & wm);
        config[a] &= ~(v & w1c);
    }
}

uint32_t pci_config_read_raw(const uint8_t *config, uint32_t size,
                             uint32_t addr, unsigned len)
{
    uint32_t val = 0;

    for (unsigned i = 0; i < len && addr + i < size; i++) {
        val |= (uint32_t)config[addr + i] << (8 * i);
    }
    return val;
}

uint8_t pci_config_find_capability(const uint8_t *config, uint8_t cap_id,
                                   uint8_t *prev)
{
    uint8_t p = PCI_CAPABILITY_LIST;
    /* 48 = the most 4-byte capabilities that fit after the header. */
    int budget = (PCI_CONFIG_SPACE_SIZE - PCI_CONFIG_HEADER_SIZE) / 4;

    if (!(pci_get_word(config + PCI_STATUS) & PCI_STATUS_CAP_LIST)) {
        return 0;
    }
    for (uint8_t next = config[p] & ~3; next && budget--;
         p = next + PCI_CAP_LIST_NEXT, next = config[p] & ~3) {
        if (next < PCI_CONFIG_HEADER_SIZE) {
            break;
        }
        if (config[next + PCI_CAP_LIST_ID] == cap_id) {
            if (prev) {
                *prev = p;
            }
            return next;
        }
    }
    return 0;
}

uint16_t pci_config_find_ext_capability(const uint8_t *config,
                                        uint16_t cap_id, uint16_t *prev)
{
    uint16_t off = PCI_CONFIG_SPACE_SIZE, prev_off = 0;
    int budget = (PCIE_CONFIG_SPACE_SIZE - PCI_CONFIG_SPACE_SIZE) / 4;

    while (off >= PCI_CONFIG_SPACE_SIZE && budget--) {
        uint32_t header = pci_get_long(config + off);

        if (header == 0) {
            break;      /* an empty list has an all-zero header at 0x100 */
        }
        if (PCI_EXT_CAP_ID(header) == cap_id) {
            if (prev) {
                *prev = prev_off;
            }
            return off;
        }
        prev_off = off;
        off = PCI_EXT_CAP_NEXT(header);
    }
    return 0;
}

uint8_t pci_config_find_space(const uint8_t *used, uint8_t size)
{
    unsigned run = 0;

    for (unsigned off = PCI_CONFIG_HEADER_SIZE; off < PCI_CONFIG_SPACE_SIZE;
         off++) {
        if (used[off]) {
            run = 0;
            continue;
        }
        if (run == 0 && (off & 3)) {
            continue;
        }
        if (++run == size) {
            return off + 1 - size;
        }
    }
    return 0;
}

void pci_bar_init_config(uint8_t *config, uint8_t *wmask, int reg,
                         uint8_t type, pcibus_t size, bool is_rom)
{
    /* The guest sees the BAR's size through the bits it cannot set. */
    uint64_t mask = ~(size - 1);

    if (is_rom) {
        mask &= PCI_ROM_ADDRESS_MASK;
        mask |= PCI_ROM_ADDRESS_ENABLE;
        pci_set_long(config + reg, 0);
        pci_set_long(wmask + reg, (uint32_t)mask);
        return;
    }
    if (type & PCI_BASE_ADDRESS_SPACE_IO) {
        mask &= PCI_BASE_ADDRESS_IO_MASK;
    } else {
        mask &= PCI_BASE_ADDRESS_MEM_MASK;
    }
    pci_set_long(config + reg, type);
    if (type & PCI_BASE_ADDRESS_MEM_TYPE_64 &&
        !(type & PCI_BASE_ADDRESS_SPACE_IO)) {
        pci_set_quad(wmask + reg, mask);
        pci_set_long(config + reg + 4, 0);
    } else {
        pci_set_long(wmask + reg, (uint32_t)mask);
    }
}

pcibus_t pci_bar_address(const uint8_t *config, int reg, uint8_t type,
                         pcibus_t size, bool is_rom)
{
    uint16_t cmd = pci_get_word(config + PCI_COMMAND);
    bool is_io = !is_rom && (type & PCI_BASE_ADDRESS_SPACE_IO);
    bool is_64 = !is_rom && !is_io && (type & PCI_BASE_ADDRESS_MEM_TYPE_64);
    pcibus_t addr, last;

    if (is_io) {
        if (!(cmd & PCI_COMMAND_IO)) {
            return PCI_BAR_UNMAPPED;
        }
        addr = pci_get_long(config + reg) & ~(size - 1) &
               PCI_BASE_ADDRESS_IO_MASK;
        last = addr + size - 1;
        /*
         * I/O space is 32 bits wide. Port 0 is a valid address: on
         * Arm's virt the I/O window starts at bus address 0 and guests
         * (kvm-unit-tests' pci-test) put the first I/O BAR there.
         */
        if (last <= addr || last >= UINT32_MAX) {
            return PCI_BAR_UNMAPPED;
        }
        return addr;
    }
    if (!(cmd & PCI_COMMAND_MEMORY)) {
        return PCI_BAR_UNMAPPED;
    }
    if (is_rom) {
        uint32_t v = pci_get_long(config + reg);
        if (!(v & PCI_ROM_ADDRESS_ENABLE)) {
            return PCI_BAR_UNMAPPED;
        }
        addr = v & PCI_ROM_ADDRESS_MASK & ~(size - 1);
    } else if (is_64) {
        addr = pci_get_quad(config + reg) & PCI_BASE_ADDRESS_MEM_MASK &
               ~(size - 1);
    } else {
        addr = pci_get_long(config + reg) & PCI_BASE_ADDRESS_MEM_MASK &
               ~(size - 1);
    }
    last = addr + size - 1;
    /*
     * A BAR left at 0 has not been assigned, and one whose end wraps
     * (during 64-bit sizing the top half is all-ones) must not claim the
     * top of the bus: both stay unmapped, as on real hosts. Likewise a
     * 32-bit BAR reaching the last byte below 4 GiB is a sizing value.
     */
    if (addr == 0 || last <= addr || last == PCI_BAR_UNMAPPED) {
        return PCI_BAR_UNMAPPED;
    }
    if (!is_64 && last >= UINT32_MAX) {
        return PCI_BAR_UNMAPPED;
    }
    return addr;
}

pcibus_t pci_bridge_io_base(const uint8_t *config)
{
    uint8_t b = config[PCI_IO_BASE];
    pcibus_t base = (pcibus_t)(b & PCI_IO_RANGE_MASK & 0xff) << 8;

    if ((b & PCI_IO_RANGE_TYPE_MASK) == PCI_IO_RANGE_TYPE_32) {
        base |= (pcibus_t)pci_get_word(config + PCI_IO_BASE_UPPER16) << 16;
    }
    return base;
}

pcibus_t pci_bridge_io_limit(const uint8_t *config)
{
    uint8_t b = config[PCI_IO_LIMIT];
    pcibus_t limit = ((pcibus_t)(b & PCI_IO_RANGE_MASK & 0xff) << 8) | 0xfff;

    if ((b & PCI_IO_RANGE_TYPE_MASK) == PCI_IO_RANGE_TYPE_32) {
        limit |= (pcibus_t)pci_get_word(config + PCI_IO_LIMIT_UPPER16) << 16;
    }
    return limit;
}

pcibus_t pci_bridge_mem_base(const uint8_t *config)
{
    return (pcibus_t)(pci_get_word(config + PCI_MEMORY_BASE) &
                      PCI_MEMORY_RANGE_MASK & 0xffff) << 16;
}

pcibus_t pci_bridge_mem_limit(const uint8_t *config)
{
    return ((pcibus_t)(pci_get_word(config + PCI_MEMORY_LIMIT) &
                       PCI_MEMORY_RANGE_MASK & 0xffff) << 16) | 0xfffff;
}

pcibus_t pci_bridge_pref_base(const uint8_t *config)
{
    uint16_t w = pci_get_word(config + PCI_PREF_MEMORY_BASE);
    pcibus_t base = (pcibus_t)(w & PCI_PREF_RANGE_MASK & 0xffff) << 16;

    if ((w & PCI_PREF_RANGE_TYPE_MASK) == PCI_PREF_RANGE_TYPE_64) {
        base |= (pcibus_t)pci_get_long(config + PCI_PREF_BASE_UPPER32) << 32;
    }
    return base;
}

pcibus_t pci_bridge_pref_limit(const uint8_t *config)
{
    uint16_t w = pci_get_word(config + PCI_PREF_MEMORY_LIMIT);
    pcibus_t limit = ((pcibus_t)(w & PCI_PREF_RANGE_MASK & 0xffff) << 16) |
                     0xfffff;

    if ((w & PCI_PREF_RANGE_TYPE_MASK) == PCI_PREF_RANGE_TYPE_64) {
        limit |= (pcibus_t)pci_get_long(config + PCI_PREF_LIMIT_UPPER32) << 32;
    }
    return limit;
}
