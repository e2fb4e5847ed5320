/*
 * pci_config.h - configuration-space arithmetic that needs no device model.
 *
 * Little-endian byte accessors for a config-space image, the per-byte
 * masked write every function's config space goes through, capability
 * list walking (classic and PCIe extended), and the BAR / bridge-window
 * decoding rules. Everything here works on plain byte arrays so it can be
 * unit-tested without a bus; hw/pci/pci.c builds the device model on top.
 *
 * The three per-byte masks of a function:
 *   wmask    bit set = the guest may write this bit (read/write)
 *   w1cmask  bit set = writing 1 clears this bit (status bits)
 *   cmask    bit set = the device fixed this bit at init (read-only
 *            constant; used to check capabilities do not overlap)
 * A bit in neither wmask nor w1cmask is read-only.
 */
#ifndef HW_PCI_PCI_CONFIG_H
#define HW_PCI_PCI_CONFIG_H

#include "hw/pci/pci_regs.h"

/* A PCI bus address (memory or I/O). */
typedef uint64_t pcibus_t;
#define FMT_PCIBUS PRIx64
/* What pci_bar_address() returns for a BAR that does not decode. */
#define PCI_BAR_UNMAPPED (~(pcibus_t)0)

#define PCI_NUM_REGIONS   7     /* 6 BARs and the expansion ROM */
#define PCI_ROM_SLOT      6
#define PCI_NUM_PINS      4     /* INTA..INTD */

static inline uint8_t pci_get_byte(const uint8_t *p)
{
    return p[0];
}

static inline void pci_set_byte(uint8_t *p, uint8_t v)
{
    p[0] = v;
}

static inline uint16_t pci_get_word(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static inline void pci_set_word(uint8_t *p, uint16_t v)
{
    p[0] = v;
    p[1] = v >> 8;
}

static inline uint32_t pci_get_long(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static inline void pci_set_long(uint8_t *p, uint32_t v)
{
    p[0] = v;
    p[1] = v >> 8;
    p[2] = v >> 16;
    p[3] = v >> 24;
}

static inline uint64_t pci_get_quad(const uint8_t *p)
{
    return pci_get_long(p) | (uint64_t)pci_get_long(p + 4) << 32;
}

static inline void pci_set_quad(uint8_t *p, uint64_t v)
{
    pci_set_long(p, (uint32_t)v);
    pci_set_long(p + 4, (uint32_t)(v >> 32));
}

/* Set / clear bits of a little-endian word or long in place. */
static inline void pci_word_set_mask(uint8_t *p, uint16_t m)
{
    pci_set_word(p, pci_get_word(p) | m);
}

static inline void pci_word_clear_mask(uint8_t *p, uint16_t m)
{
    pci_set_word(p, pci_get_word(p) & ~m);
}

static inline void pci_long_set_mask(uint8_t *p, uint32_t m)
{
    pci_set_long(p, pci_get_long(p) | m);
}

static inline void pci_long_clear_mask(uint8_t *p, uint32_t m)
{
    pci_set_long(p, pci_get_long(p) & ~m);
}

/*
 * pci_config_write_masked: apply a guest write of @len bytes (1, 2 or 4)
 * at @addr, value @val little-endian, to @config under @wmask and
 * @w1cmask. Bits outside both masks keep their value. Bytes past @size
 * are ignored (the caller has already logged the guest error).
 */
void pci_config_write_masked(uint8_t *config, const uint8_t *wmask,
                             const uint8_t *w1cmask, uint32_t size,
                             uint32_t addr, uint32_t val, unsigned len);

/* Read @len bytes (1..4) little-endian; bytes past @size read as zero. */
uint32_t pci_config_read_raw(const uint8_t *config, uint32_t size,
                             uint32_t addr, unsigned len);

/*
 * pci_config_find_capability: offset of the first classic capability with
 * @cap_id, or 0. If @prev is not NULL it receives the offset of the byte
 * pointing at the capability (PCI_CAPABILITY_LIST for the first one). A
 * looping or out-of-range list (guest-visible bytes are device-set, but
 * be robust anyway) ends the walk.
 */
uint8_t pci_config_find_capability(const uint8_t *config, uint8_t cap_id,
                                   uint8_t *prev);

/*
 * pci_config_find_ext_capability: offset (>= 0x100) of the first PCIe
 * extended capability with @cap_id, or 0. @config must be 4 KiB.
 */
uint16_t pci_config_find_ext_capability(const uint8_t *config,
                                        uint16_t cap_id, uint16_t *prev);

/*
 * pci_config_find_space: the lowest 4-byte aligned offset in
 * [PCI_CONFIG_HEADER_SIZE, PCI_CONFIG_SPACE_SIZE) where @size bytes are
 * unused according to @used (one byte per config byte, non-zero = used),
 * or 0 if none.
 */
uint8_t pci_config_find_space(const uint8_t *used, uint8_t size);

/*
 * pci_bar_init_config: write a BAR's type bits into @config and its
 * sizing mask into @wmask. @reg is the BAR's config offset
 * (PCI_BASE_ADDRESS_n or PCI_ROM_ADDRESS), @type its low bits
 * (PCI_BASE_ADDRESS_SPACE_IO or a memory type | prefetch), @size a power
 * of two. A 64-bit BAR covers 8 bytes. The ROM BAR's enable bit is
 * writable.
 */
void pci_bar_init_config(uint8_t *config, uint8_t *wmask, int reg,
                         uint8_t type, pcibus_t size, bool is_rom);

/*
 * pci_bar_address: the bus address a BAR decodes given the current
 * @config, or PCI_BAR_UNMAPPED when it does not decode: command-register
 * enable off (I/O or memory by BAR kind), ROM enable bit off, address 0,
 * region wrapping the top of its address space, or (for I/O) reaching past
 * 4 GiB. @size is the BAR's power-of-two size.
 */
pcibus_t pci_bar_address(const uint8_t *config, int reg, uint8_t type,
                         pcibus_t size, bool is_rom);

/*
 * Bridge windows (type 1 header): base and limit (inclusive) of the I/O,
 * memory and prefetchable memory windows the bridge forwards. A window
 * with base > limit forwards nothing.
 */
pcibus_t pci_bridge_io_base(const uint8_t *config);
pcibus_t pci_bridge_io_limit(const uint8_t *config);
pcibus_t pci_bridge_mem_base(const uint8_t *config);
pcibus_t pci_bridge_mem_limit(const uint8_t *config);
pcibus_t pci_bridge_pref_base(const uint8_t *config);
pcibus_t pci_bridge_pref_limit(const uint8_t *config);

/* INTx pin a device's @pin (0 = INTA) appears as on the parent side of a
 * bridge, for a device in @slot: the standard rotation. */
static inline int pci_swizzle(int slot, int pin)
{
    return (slot + pin) % PCI_NUM_PINS;
}

#endif
