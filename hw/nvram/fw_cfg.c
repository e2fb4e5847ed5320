/*
 * fw_cfg.c - QEMU's firmware configuration interface, MMIO flavour, as the
 * virt board maps it: a selector, a data register that streams the
 * selected item byte by byte, and the DMA interface that firmware and
 * Linux's qemu_fw_cfg driver prefer. The board fills the items before the
 * guest runs (include/hw/nvram/fw_cfg.h has the API and the layout).
 *
 * Not modelled: the x86 I/O-port flavour, guest-writable items (a DMA
 * write sets the error bit), and the file-callback hooks QEMU uses for
 * ACPI tables. All three registers are big-endian: whatever the guest's
 * byte order, a data read returns the item's bytes in memory order.
 *
 * For tests without a board: `-device fw_cfg,addr=0x9020000` maps it, and
 * `x-file=NAME:TEXT` adds one file with TEXT as contents.
 */
#include "util/osdep.h"
#include "util/error.h"
#include "util/log.h"
#include "util/bswap.h"
#include "hw/sysbus.h"
#include "hw/qdev-properties.h"
#include "hw/boards.h"
#include "hw/nvram/fw_cfg.h"
#include "migration/vmstate.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"

#define FW_CFG_ENTRIES      (FW_CFG_FILE_FIRST + FW_CFG_FILE_SLOTS)
#define FW_CFG_INVALID      0xffff
#define FW_CFG_DIR_ENTRY    64      /* be32 size, be16 select, be16 0, name[56] */
#define FW_CFG_DMA_DESC     16      /* be32 control, be32 length, be64 address */

typedef struct FWCfgEntry {
    uint8_t *data;
    uint32_t len;
} FWCfgEntry;

struct FWCfgState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;         /* the 0x18 bytes a board maps */
    uint64_t base;              /* property "addr": self-map when set */
    char *test_file;            /* property "x-file": NAME:TEXT */

    FWCfgEntry entries[FW_CFG_ENTRIES];
    char file_names[FW_CFG_FILE_SLOTS][FW_CFG_MAX_FILE_PATH];
    unsigned nb_files;

    uint16_t cur_entry;         /* FW_CFG_INVALID when nothing valid is selected */
    uint32_t cur_offset;
    uint64_t dma_addr;          /* the high half waits here for the low one */
};

/* The machine has one; boards and tests reach it through fw_cfg_find(). */
static FWCfgState *fw_cfg_singleton;

static void fw_cfg_set_entry(FWCfgState *s, uint16_t key, void *data, size_t len)
{
    g_assert(key < FW_CFG_ENTRIES);
    g_assert(len <= UINT32_MAX);
    g_free(s->entries[key].data);
    s->entries[key].data = data;
    s->entries[key].len = len;
}

static void fw_cfg_rebuild_dir(FWCfgState *s)
{
    size_t len = 4 + (size_t)s->nb_files * FW_CFG_DIR_ENTRY;
    uint8_t *dir = g_malloc0(len);

    stl_be_p(dir, s->nb_files);
    for (unsigned i = 0; i < s->nb_files; i++) {
        uint8_t *e = dir + 4 + i * FW_CFG_DIR_ENTRY;

        stl_be_p(e, s->entries[FW_CFG_FILE_FIRST + i].len);
        stw_be_p(e + 4, FW_CFG_FILE_FIRST + i);
        memcpy(e + 8, s->file_names[i], FW_CFG_MAX_FILE_PATH);
    }
    fw_cfg_set_entry(s, FW_CFG_FILE_DIR, dir, len);
}

void fw_cfg_add_bytes(FWCfgState *s, uint16_t key, void *data, size_t len)
{
    g_assert(key < FW_CFG_FILE_FIRST && key != FW_CFG_FILE_DIR);
    fw_cfg_set_entry(s, key, data, len);
}

void fw_cfg_add_string(FWCfgState *s, uint16_t key, const char *value)
{
    fw_cfg_add_bytes(s, key, g_strdup(value), strlen(value) + 1);
}

void fw_cfg_add_i16(FWCfgState *s, uint16_t key, uint16_t value)
{
    uint8_t *p = g_malloc(2);

    stw_le_p(p, value);
    fw_cfg_add_bytes(s, key, p, 2);
}

void fw_cfg_add_i32(FWCfgState *s, uint16_t key, uint32_t value)
{
    uint8_t *p = g_malloc(4);

    stl_le_p(p, value);
    fw_cfg_add_bytes(s, key, p, 4);
}

void fw_cfg_add_i64(FWCfgState *s, uint16_t key, uint64_t value)
{
    uint8_t *p = g_malloc(8);

    stq_le_p(p, value);
    fw_cfg_add_bytes(s, key, p, 8);
}

static int fw_cfg_file_index(FWCfgState *s, const char *filename)
{
    for (unsigned i = 0; i < s->nb_files; i++) {
        if (!strcmp(s->file_names[i], filename)) {
            return i;
        }
    }
    return -1;
}

int fw_cfg_add_file(FWCfgState *s, const char *filename, void *data, size_t len)
{
    unsigned i = s->nb_files;

    if (strlen(filename) >= FW_CFG_MAX_FILE_PATH) {
        error_report("fw_cfg: file name too long: %s", filename);
        g_free(data);
        return -1;
    }
    if (fw_cfg_file_index(s, filename) >= 0) {
        error_report("fw_cfg: duplicate file name: %s", filename);
        g_free(data);
        return -1;
    }
    if (i >= FW_CFG_FILE_SLOTS) {
        error_report("fw_cfg: no free file slot for %s", filename);
        g_free(data);
        return -1;
    }
    memset(s->file_names[i], 0, FW_CFG_MAX_FILE_PATH);
    memcpy(s->file_names[i], filename, strlen(filename));
    fw_cfg_set_entry(s, FW_CFG_FILE_FIRST + i, data, len);
    s->nb_files++;
    fw_cfg_rebuild_dir(s);
    return FW_CFG_FILE_FIRST + i;
}

bool fw_cfg_modify_file(FWCfgState *s, const char *filename, void *data,
                        size_t len)
{
    int i = fw_cfg_file_index(s, filename);

    if (i < 0) {
        g_free(data);
        return false;
    }
    fw_cfg_set_entry(s, FW_CFG_FILE_FIRST + i, data, len);
    fw_cfg_rebuild_dir(s);
    return true;
}

FWCfgState *fw_cfg_find(void)
{
    return fw_cfg_singleton;
}

void fw_cfg_add_machine_items(FWCfgState *s, MachineState *ms)
{
    fw_cfg_add_i64(s, FW_CFG_RAM_SIZE, ms->ram_size);
    fw_cfg_add_i16(s, FW_CFG_NB_CPUS, ms->smp.cpus);
    fw_cfg_add_i16(s, FW_CFG_MAX_CPUS, ms->smp.max_cpus);
    fw_cfg_add_i16(s, FW_CFG_NOGRAPHIC, 1);
    if (ms->kernel_cmdline && ms->kernel_cmdline[0]) {
        fw_cfg_add_i32(s, FW_CFG_CMDLINE_SIZE, strlen(ms->kernel_cmdline) + 1);
        fw_cfg_add_string(s, FW_CFG_CMDLINE_DATA, ms->kernel_cmdline);
    }
}

/* ---- registers ---- */

static void fw_cfg_select(FWCfgState *s, uint16_t key)
{
    /* The write-channel bit is accepted and ignored, as in QEMU. */
    key &= ~FW_CFG_WRITE_CHANNEL;
    s->cur_offset = 0;
    if (key >= FW_CFG_ENTRIES) {
        /* Includes FW_CFG_ARCH_LOCAL: virt defines no arch items. */
        s->cur_entry = FW_CFG_INVALID;
        return;
    }
    s->cur_entry = key;
}

static const FWCfgEntry *fw_cfg_cur(FWCfgState *s)
{
    if (s->cur_entry == FW_CFG_INVALID || !s->entries[s->cur_entry].data) {
        return NULL;
    }
    return &s->entries[s->cur_entry];
}

/* The next @size bytes of the item, first byte most significant. */
static uint64_t fw_cfg_data_read(FWCfgState *s, unsigned size)
{
    const FWCfgEntry *e = fw_cfg_cur(s);
    uint64_t v = 0;

    for (unsigned i = 0; i < size; i++) {
        uint8_t b = 0;

        if (e && s->cur_offset < e->len) {
            b = e->data[s->cur_offset++];
        }
        v = (v << 8) | b;
    }
    return v;
}

/*
 * Zero @len bytes of guest memory in pieces, so that a huge length aimed
 * at a small RAM neither allocates nor loops long: the first failure ends it.
 */
static bool fw_cfg_dma_zero(uint64_t addr, uint64_t len)
{
    static const uint8_t zeros[4096];

    while (len) {
        uint64_t n = MIN(len, sizeof(zeros));

        if (dma_memory_write(&address_space_memory, addr, zeros, n,
                             MEMTXATTRS_UNSPECIFIED) != MEMTX_OK) {
            return false;
        }
        addr += n;
        len -= n;
    }
    return true;
}

/*
 * One FWCfgDmaAccess: select, then read, skip or (refused) write; the
 * control word is written back as 0 on success or with the error bit.
 * A descriptor or buffer outside memory is a guest error, never fatal.
 */
static void fw_cfg_dma_transfer(FWCfgState *s, uint64_t desc_addr)
{
    uint8_t desc[FW_CFG_DMA_DESC];
    uint32_t control, length;
    uint64_t addr;
    bool error = false;

    if (dma_memory_read(&address_space_memory, desc_addr, desc, sizeof(desc),
                        MEMTXATTRS_UNSPECIFIED) != MEMTX_OK) {
        log_mask(LOG_GUEST_ERROR, "fw_cfg: DMA descriptor at 0x%" PRIx64
                 " is not readable\n", desc_addr);
        stl_be_dma(&address_space_memory, desc_addr, FW_CFG_DMA_CTL_ERROR,
                   MEMTXATTRS_UNSPECIFIED);
        return;
    }
    control = ldl_be_p(desc);
    length = ldl_be_p(desc + 4);
    addr = ldq_be_p(desc + 8);

    if (control & FW_CFG_DMA_CTL_SELECT) {
        fw_cfg_select(s, control >> 16);
    }
    if (control & FW_CFG_DMA_CTL_READ) {
        const FWCfgEntry *e = fw_cfg_cur(s);
        uint32_t avail = e && s->cur_offset < e->len ? e->len - s->cur_offset : 0;
        uint32_t n = MIN(length, avail);

        if (n && dma_memory_write(&address_space_memory, addr,
                                  e->data + s->cur_offset, n,
                                  MEMTXATTRS_UNSPECIFIED) != MEMTX_OK) {
            error = true;
        } else {
            s->cur_offset += n;
            /* Past the end of the item the guest gets zeros, as in QEMU. */
            if (length > n && !fw_cfg_dma_zero(addr + n, length - n)) {
                error = true;
            }
        }
    } else if (control & FW_CFG_DMA_CTL_WRITE) {
        log_mask(LOG_GUEST_ERROR, "fw_cfg: DMA write to read-only item 0x%x\n",
                 s->cur_entry);
        error = true;
    } else if (control & FW_CFG_DMA_CTL_SKIP) {
        const FWCfgEntry *e = fw_cfg_cur(s);
        uint32_t avail = e && s->cur_offset < e->len ? e->len - s->cur_offset : 0;

        s->cur_offset += MIN(length, avail);
    }
    if (error) {
        log_mask(LOG_GUEST_ERROR, "fw_cfg: DMA transfer of %u bytes at 0x%"
                 PRIx64 " failed\n", length, addr);
    }
    stl_be_dma(&address_space_memory, desc_addr,
               error ? FW_CFG_DMA_CTL_ERROR : 0, MEMTXATTRS_UNSPECIFIED);
}

static uint64_t fw_cfg_mmio_read(void *opaque, hwaddr addr, unsigned size)
{
    FWCfgState *s = opaque;

    switch (addr) {
    case FW_CFG_MMIO_DATA:
        return fw_cfg_data_read(s, size);
    case FW_CFG_MMIO_SELECTOR:
        log_mask(LOG_GUEST_ERROR, "fw_cfg: read of the write-only selector\n");
        return 0;
    default:
        /* "QEMU CFG", so that a driver can probe for the DMA interface. */
        return size == 8 ? FW_CFG_DMA_SIGNATURE
                         : (uint32_t)(FW_CFG_DMA_SIGNATURE >>
                                      (addr == FW_CFG_MMIO_DMA ? 32 : 0));
    }
}

static void fw_cfg_mmio_write(void *opaque, hwaddr addr, uint64_t val,
                              unsigned size)
{
    FWCfgState *s = opaque;
    uint64_t desc;

    switch (addr) {
    case FW_CFG_MMIO_DATA:
        log_mask(LOG_GUEST_ERROR, "fw_cfg: write to the data register "
                 "ignored (items are read-only)\n");
        break;
    case FW_CFG_MMIO_SELECTOR:
        fw_cfg_select(s, val);
        break;
    case FW_CFG_MMIO_DMA:
        if (size == 4) {
            s->dma_addr = val << 32;
            break;
        }
        s->dma_addr = 0;
        fw_cfg_dma_transfer(s, val);
        break;
    default:                    /* the low half: it starts the transfer */
        desc = s->dma_addr | (uint32_t)val;
        s->dma_addr = 0;
        fw_cfg_dma_transfer(s, desc);
        break;
    }
}

/*
 * One region with per-register widths, rather than three regions: the
 * data register takes 1, 2, 4 or 8 bytes at its start only (the stream has
 * no byte lanes), the selector exactly 2, the DMA address 8, or 4 per half.
 * Everything else is refused by the memory core before it reaches us.
 */
static bool fw_cfg_mmio_accepts(void *opaque, hwaddr addr, unsigned size,
                                bool is_write, MemTxAttrs attrs)
{
    switch (addr) {
    case FW_CFG_MMIO_DATA:
        return true;
    case FW_CFG_MMIO_SELECTOR:
        return size == 2;
    case FW_CFG_MMIO_DMA:
        return size == 4 || size == 8;
    case FW_CFG_MMIO_DMA + 4:
        return size == 4;
    default:
        return false;
    }
}

static const MemoryRegionOps fw_cfg_mmio_ops = {
    .read = fw_cfg_mmio_read,
    .write = fw_cfg_mmio_write,
    .endianness = DEVICE_BIG_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8,
               .accepts = fw_cfg_mmio_accepts },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

/* ---- device ---- */

static void fw_cfg_init(Object *obj)
{
    FWCfgState *s = FW_CFG(obj);

    memory_region_init_io(&s->iomem, obj, &fw_cfg_mmio_ops, s, "fw_cfg",
                          FW_CFG_MMIO_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
}

/* Also runs for the throw-away instance that checks -device options. */
static void fw_cfg_finalize(Object *obj)
{
    FWCfgState *s = FW_CFG(obj);

    memory_region_destroy(&s->iomem);
}

static bool fw_cfg_add_test_file(FWCfgState *s, GError **errp)
{
    const char *colon = strchr(s->test_file, ':');
    char *name;

    if (!colon || colon == s->test_file) {
        error_setg(errp, "fw_cfg: x-file must be NAME:TEXT");
        return false;
    }
    name = g_strndup(s->test_file, colon - s->test_file);
    if (fw_cfg_add_file(s, name, g_strdup(colon + 1), strlen(colon + 1)) < 0) {
        error_setg(errp, "fw_cfg: cannot add file '%s'", name);
        g_free(name);
        return false;
    }
    g_free(name);
    return true;
}

static void fw_cfg_realize(DeviceState *dev, GError **errp)
{
    FWCfgState *s = FW_CFG(dev);

    if (fw_cfg_singleton) {
        error_setg(errp, "fw_cfg: a machine has only one");
        return;
    }
    fw_cfg_set_entry(s, FW_CFG_SIGNATURE, g_memdup2("QEMU", 4), 4);
    fw_cfg_add_i32(s, FW_CFG_ID, FW_CFG_VERSION | FW_CFG_VERSION_DMA);
    fw_cfg_rebuild_dir(s);
    if (s->test_file && !fw_cfg_add_test_file(s, errp)) {
        return;
    }
    fw_cfg_singleton = s;
    if (s->base != UINT64_MAX) {
        sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0, s->base);
    }
}

static void fw_cfg_unrealize(DeviceState *dev)
{
    FWCfgState *s = FW_CFG(dev);

    if (s->base != UINT64_MAX) {
        sysbus_mmio_unmap(SYS_BUS_DEVICE(dev), 0);
    }
    for (unsigned i = 0; i < FW_CFG_ENTRIES; i++) {
        fw_cfg_set_entry(s, i, NULL, 0);
    }
    s->nb_files = 0;
    if (fw_cfg_singleton == s) {
        fw_cfg_singleton = NULL;
    }
}

static void fw_cfg_reset(DeviceState *dev)
{
    FWCfgState *s = FW_CFG(dev);

    /* QEMU selects the signature at reset, so a bare data read says "QEMU". */
    fw_cfg_select(s, FW_CFG_SIGNATURE);
    s->dma_addr = 0;
}

static Property fw_cfg_properties[] = {
    DEFINE_PROP_UINT64("addr", FWCfgState, base, UINT64_MAX),
    DEFINE_PROP_STRING("x-file", FWCfgState, test_file),
    DEFINE_PROP_END_OF_LIST(),
};

static int fw_cfg_post_load(void *opaque, int version_id)
{
    FWCfgState *s = opaque;

    if (s->cur_entry == FW_CFG_INVALID) {
        return 0;
    }
    return s->cur_entry < FW_CFG_ENTRIES &&
           s->cur_offset <= s->entries[s->cur_entry].len ? 0 : -1;
}

/*
 * The items are the board's, built from the same command line on both
 * sides; what the guest changed is which one it reads and where.
 */
static const VMStateDescription vmstate_fw_cfg = {
    .name = "fw_cfg",
    .version_id = 1,
    .post_load = fw_cfg_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT16(cur_entry, FWCfgState),
        VMSTATE_UINT32(cur_offset, FWCfgState),
        VMSTATE_UINT64(dma_addr, FWCfgState),
        VMSTATE_END_OF_LIST()
    },
};

static void fw_cfg_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "QEMU firmware configuration (MMIO)";
    dc->realize = fw_cfg_realize;
    dc->unrealize = fw_cfg_unrealize;
    dc->reset = fw_cfg_reset;
    dc->vmsd = &vmstate_fw_cfg;
    dc->user_creatable = true;
    device_class_set_props(dc, fw_cfg_properties);
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
}

static const TypeInfo fw_cfg_info = {
    .name = TYPE_FW_CFG_MEM,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(FWCfgState),
    .instance_init = fw_cfg_init,
    .instance_finalize = fw_cfg_finalize,
    .class_init = fw_cfg_class_init,
};

static void fw_cfg_register_types(void)
{
    type_register_static(&fw_cfg_info);
}
type_init(fw_cfg_register_types)
