/*
 * pflash_cfi01.c - CFI parallel NOR flash, Intel/Sharp command set (CFI
 * primary vendor command set 0x0001), as firmware on QEMU's virt finds it.
 *
 * A bank is `width` bytes wide and made of width/device-width chips wired
 * side by side; every chip sees the same commands and answers queries in
 * its own byte lanes, so a query read returns each chip's answer repeated
 * across the bank word. Commands are taken from the low byte of what the
 * guest writes, at whatever width it writes (firmware writes them at bank
 * width, replicated per chip).
 *
 * Modelled: read array, read status, read identifier (with per-block lock
 * status), CFI query, clear status, word program, block erase, buffered
 * program (data collected and programmed on confirm), block lock, unlock
 * and lock-down, suspend/resume (no-ops: every operation completes at
 * once, so the ready bit never clears). Programming only clears bits, as
 * NOR flash does. Timings and the erase-suspend window are not modelled.
 *
 * Guest mistakes (unknown command, a broken buffered-program sequence)
 * are logged as guest errors and set the status error bits a real chip
 * sets; nothing a guest writes stops the emulator.
 * Not for: AMD/Spansion command set chips (pflash_cfi02), SPI flash.
 */
#include "util/osdep.h"
#include "util/error.h"
#include "util/log.h"
#include "util/bswap.h"
#include "util/bitops.h"
#include "util/host-utils.h"
#include "hw/sysbus.h"
#include "hw/qdev-properties.h"
#include "hw/block/flash.h"
#include "migration/vmstate.h"
#include "exec/memory.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* Commands (first cycle unless noted). */
#define CMD_READ_ARRAY      0xff
#define CMD_AMD_RESET       0xf0    /* AMD "reset", probed by CFI drivers */
#define CMD_READ_STATUS     0x70
#define CMD_CLEAR_STATUS    0x50
#define CMD_READ_ID         0x90
#define CMD_CFI_QUERY       0x98
#define CMD_PROGRAM         0x40
#define CMD_PROGRAM_ALT     0x10
#define CMD_BLOCK_ERASE     0x20
#define CMD_BLOCK_ERASE_ALT 0x28
#define CMD_WRITE_BUFFER    0xe8
#define CMD_LOCK_SETUP      0x60
#define CMD_SUSPEND         0xb0
#define CMD_CONFIRM         0xd0    /* erase/buffer confirm, unlock, resume */
#define CMD_LOCK_BLOCK      0x01    /* second cycle after 0x60 */
#define CMD_LOCK_DOWN       0x2f    /* second cycle after 0x60 */

/* Status register bits. */
#define SR_READY            0x80
#define SR_ERASE_ERR        0x20
#define SR_PROGRAM_ERR      0x10
#define SR_LOCKED           0x02
/* Both error bits together mean "improper command sequence". */
#define SR_SEQ_ERR          (SR_ERASE_ERR | SR_PROGRAM_ERR)

/* Per-chip write buffer: 2^11 bytes (CFI 0x2A), as QEMU's model says. */
#define PFLASH_WB_LOG2      11

/* What reads return while the region is not in romd (array) mode. */
typedef enum {
    READ_ARRAY,
    READ_STATUS,
    READ_ID,
    READ_CFI,
} PFlashReadMode;

/* Which cycle of a multi-cycle command the chip waits for. */
typedef enum {
    SEQ_IDLE,
    SEQ_PROGRAM,            /* after 0x40: the data */
    SEQ_ERASE,              /* after 0x20: 0xd0 at the block */
    SEQ_LOCK,               /* after 0x60: 0x01, 0xd0 or 0x2f */
    SEQ_WB_COUNT,           /* after 0xe8: word count - 1 */
    SEQ_WB_DATA,            /* the words */
    SEQ_WB_CONFIRM,         /* 0xd0 */
} PFlashSeq;

#define PFLASH_CFI_LEN      0x40

struct PFlashCFI01 {
    SysBusDevice parent_obj;

    MemoryRegion mem;
    bool mem_ready;

    /* properties */
    uint32_t nb_blocs;
    uint64_t sector_len;
    uint8_t bank_width;
    uint8_t device_width;
    uint8_t max_device_width;
    bool big_endian;
    uint16_t ident0, ident1, ident2, ident3;
    char *name;
    char *drive;                /* raw image file, or NULL */
    bool read_only;

    uint8_t *storage;           /* the ROM device's RAM */
    uint64_t total_len;
    int fd;                     /* backing file, -1 without */

    PFlashReadMode mode;
    PFlashSeq seq;
    uint8_t status;
    uint8_t cfi[PFLASH_CFI_LEN];
    uint8_t *locks;             /* per block: bit 0 locked, bit 1 locked down */

    /* buffered program */
    uint32_t wb_size;           /* bank bytes: chip buffer * chips */
    uint64_t wb_base;           /* block address of 0xe8, then buffer base */
    bool wb_first;              /* no data write yet */
    uint32_t wb_left;           /* data writes still expected */
    uint8_t *wb_data;
    uint8_t *wb_set;            /* which bytes of wb_data were written */
};

MemoryRegion *pflash_cfi01_get_memory(PFlashCFI01 *fl)
{
    return &fl->mem;
}

static unsigned pflash_chips(PFlashCFI01 *s)
{
    return s->bank_width / s->device_width;
}

/*
 * The 16 (or 8) bit word one chip drives at chip address @k in query
 * modes. CFI and identifier addresses count in chip words.
 */
static uint32_t pflash_chip_word(PFlashCFI01 *s, uint64_t bank_off)
{
    uint64_t k = bank_off / s->bank_width;
    uint64_t block;

    switch (s->mode) {
    case READ_CFI:
        return k < PFLASH_CFI_LEN ? s->cfi[k] : 0;
    case READ_ID:
        block = bank_off / s->sector_len;
        if ((k & 0xff) == 2) {
            /* Block lock configuration at word 2 of every block. */
            return s->locks[block];
        }
        switch (k & 0xff) {
        case 0:
            return s->ident0;
        case 1:
            return s->ident1;
        default:
            return 0;
        }
    case READ_STATUS:
    default:
        return s->status;
    }
}

/* One byte, as seen at bank offset @off, of the current query answer. */
static uint8_t pflash_query_byte(PFlashCFI01 *s, uint64_t off)
{
    unsigned lane = off % s->bank_width;
    unsigned b = lane % s->device_width;
    unsigned sig = s->big_endian ? s->device_width - 1 - b : b;

    return pflash_chip_word(s, off) >> (8 * sig);
}

static uint64_t pflash_read(void *opaque, hwaddr addr, unsigned size)
{
    PFlashCFI01 *s = opaque;
    uint8_t buf[8];

    for (unsigned i = 0; i < size; i++) {
        uint64_t off = addr + i;
        if (off >= s->total_len) {
            buf[i] = 0;
        } else if (s->mode == READ_ARRAY) {
            buf[i] = s->storage[off];
        } else {
            buf[i] = pflash_query_byte(s, off);
        }
    }
    return s->big_endian ? ldn_be_p(buf, size) : ldn_le_p(buf, size);
}

/* Write [off, off+len) of the contents back to the image file. */
static void pflash_persist(PFlashCFI01 *s, uint64_t off, uint64_t len)
{
    while (s->fd >= 0 && len) {
        ssize_t n = pwrite(s->fd, s->storage + off, len, off);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            error_report("%s: could not update '%s': %s", s->name, s->drive,
                         n < 0 ? strerror(errno) : "short write");
            s->status |= SR_PROGRAM_ERR;
            return;
        }
        off += n;
        len -= n;
    }
}

/*
 * May the block holding @off be changed? Otherwise set the error bits
 * of the operation (@err) and say why.
 */
static bool pflash_writable(PFlashCFI01 *s, uint64_t off, uint8_t err)
{
    if (s->read_only) {
        log_mask(LOG_GUEST_ERROR, "%s: %s at 0x%" PRIx64 " refused: the "
                 "flash is read-only\n", s->name,
                 err == SR_ERASE_ERR ? "erase" : "program", off);
        s->status |= err;
        return false;
    }
    if (s->locks[off / s->sector_len] & 1) {
        log_mask(LOG_GUEST_ERROR, "%s: %s at 0x%" PRIx64 " refused: block "
                 "is locked\n", s->name,
                 err == SR_ERASE_ERR ? "erase" : "program", off);
        s->status |= err | SR_LOCKED;
        return false;
    }
    return true;
}

/* NOR programming clears bits; it never sets one. */
static void pflash_program(PFlashCFI01 *s, uint64_t off, const uint8_t *data,
                           const uint8_t *mask, uint64_t len)
{
    uint64_t first = UINT64_MAX, last = 0;

    for (uint64_t i = 0; i < len; i++) {
        if (off + i >= s->total_len || (mask && !mask[i])) {
            continue;
        }
        s->storage[off + i] &= data[i];
        first = MIN(first, off + i);
        last = off + i;
    }
    if (first != UINT64_MAX) {
        memory_region_notify_ram_write(&s->mem, first, last - first + 1);
        pflash_persist(s, first, last - first + 1);
    }
}

static void pflash_bad_sequence(PFlashCFI01 *s, hwaddr addr, uint64_t value,
                                const char *what)
{
    log_mask(LOG_GUEST_ERROR, "%s: %s (wrote 0x%" PRIx64 " at 0x%" HWADDR_PRIx
             "); improper command sequence\n", s->name, what, value, addr);
    s->status |= SR_SEQ_ERR;
    s->seq = SEQ_IDLE;
    s->mode = READ_STATUS;
}

static void pflash_command(PFlashCFI01 *s, hwaddr addr, uint64_t value)
{
    uint8_t cmd = value;

    switch (cmd) {
    case CMD_READ_ARRAY:
    case CMD_AMD_RESET:
        s->mode = READ_ARRAY;
        break;
    case 0x00:
        /* Not a command; QEMU's model reads array after it, and so do we. */
        log_mask(LOG_GUEST_ERROR, "%s: command 0x00 at 0x%" HWADDR_PRIx
                 " is not a CFI command; back to read array\n", s->name, addr);
        s->mode = READ_ARRAY;
        break;
    case CMD_READ_STATUS:
        s->mode = READ_STATUS;
        break;
    case CMD_READ_ID:
        s->mode = READ_ID;
        break;
    case CMD_CFI_QUERY:
        s->mode = READ_CFI;
        break;
    case CMD_CLEAR_STATUS:
        /* Ready stays set (nothing is ever busy); as QEMU, read array. */
        s->status = SR_READY;
        s->mode = READ_ARRAY;
        break;
    case CMD_PROGRAM:
    case CMD_PROGRAM_ALT:
        s->seq = SEQ_PROGRAM;
        s->mode = READ_STATUS;
        break;
    case CMD_BLOCK_ERASE:
    case CMD_BLOCK_ERASE_ALT:
        s->seq = SEQ_ERASE;
        s->mode = READ_STATUS;
        break;
    case CMD_WRITE_BUFFER:
        /*
         * Reads now give status; ready bit = "a buffer is available". The
         * address names the block; the first data write places the buffer.
         */
        s->seq = SEQ_WB_COUNT;
        s->wb_base = addr;
        s->mode = READ_STATUS;
        break;
    case CMD_LOCK_SETUP:
        s->seq = SEQ_LOCK;
        s->mode = READ_STATUS;
        break;
    case CMD_SUSPEND:
        /* Nothing runs long enough to suspend. */
        s->mode = READ_STATUS;
        break;
    case CMD_CONFIRM:
        /* Resume with nothing suspended. */
        break;
    default:
        log_mask(LOG_GUEST_ERROR, "%s: unknown command 0x%02x at 0x%"
                 HWADDR_PRIx "\n", s->name, cmd, addr);
        s->mode = READ_ARRAY;
        break;
    }
}

static void pflash_write(void *opaque, hwaddr addr, uint64_t value,
                         unsigned size)
{
    PFlashCFI01 *s = opaque;
    uint8_t cmd = value;
    uint8_t buf[8];

    if (addr + size > s->total_len) {
        log_mask(LOG_GUEST_ERROR, "%s: write beyond the end at 0x%"
                 HWADDR_PRIx "\n", s->name, addr);
        return;
    }
    if (s->big_endian) {
        stn_be_p(buf, size, value);
    } else {
        stn_le_p(buf, size, value);
    }

    switch (s->seq) {
    case SEQ_IDLE:
        pflash_command(s, addr, value);
        break;
    case SEQ_PROGRAM:
        s->seq = SEQ_IDLE;
        if (pflash_writable(s, addr, SR_PROGRAM_ERR)) {
            pflash_program(s, addr, buf, NULL, size);
        }
        break;
    case SEQ_ERASE:
        s->seq = SEQ_IDLE;
        if (cmd == CMD_READ_ARRAY) {
            s->mode = READ_ARRAY;
        } else if (cmd != CMD_CONFIRM) {
            pflash_bad_sequence(s, addr, value, "block erase not confirmed");
        } else if (pflash_writable(s, addr, SR_ERASE_ERR)) {
            uint64_t base = addr & ~(s->sector_len - 1);
            memset(s->storage + base, 0xff, s->sector_len);
            memory_region_notify_ram_write(&s->mem, base, s->sector_len);
            pflash_persist(s, base, s->sector_len);
        }
        break;
    case SEQ_LOCK: {
        uint8_t *lk = &s->locks[addr / s->sector_len];

        s->seq = SEQ_IDLE;
        if (cmd == CMD_LOCK_BLOCK) {
            *lk |= 1;
        } else if (cmd == CMD_LOCK_DOWN) {
            *lk |= 3;
        } else if (cmd == CMD_CONFIRM) {
            /* A locked-down block stays locked until reset (WP# low). */
            if (!(*lk & 2)) {
                *lk = 0;
            }
        } else if (cmd == CMD_READ_ARRAY) {
            s->mode = READ_ARRAY;
        } else {
            pflash_bad_sequence(s, addr, value, "unknown lock command");
        }
        break;
    }
    case SEQ_WB_COUNT: {
        /*
         * N - 1 words, given in chip 0's lanes. A word is one write of the
         * width the guest drives the bank at: u-boot drives this 32-bit
         * bank 16 bits at a time, as one x16 chip (QEMU counts the same).
         */
        uint64_t n = (value & MAKE_64BIT_MASK(0, 8 * s->device_width)) + 1;

        if (n * s->device_width > s->wb_size / pflash_chips(s)) {
            pflash_bad_sequence(s, addr, value,
                                "buffered program count exceeds the buffer");
            break;
        }
        s->wb_left = n;
        s->wb_first = true;
        memset(s->wb_data, 0xff, s->wb_size);
        memset(s->wb_set, 0, s->wb_size);
        s->seq = SEQ_WB_DATA;
        break;
    }
    case SEQ_WB_DATA:
        if (s->wb_first) {
            if (addr / s->sector_len != s->wb_base / s->sector_len) {
                pflash_bad_sequence(s, addr, value, "buffered program data "
                                    "outside the block given with 0xe8");
                break;
            }
            s->wb_base = addr & ~(uint64_t)(s->wb_size - 1);
            s->wb_first = false;
        }
        if (addr < s->wb_base || addr + size > s->wb_base + s->wb_size) {
            pflash_bad_sequence(s, addr, value,
                                "buffered program data outside the buffer");
            break;
        }
        for (unsigned i = 0; i < size; i++) {
            s->wb_data[addr - s->wb_base + i] &= buf[i];
            s->wb_set[addr - s->wb_base + i] = 1;
        }
        if (!--s->wb_left) {
            s->seq = SEQ_WB_CONFIRM;
        }
        break;
    case SEQ_WB_CONFIRM:
        s->seq = SEQ_IDLE;
        if (cmd != CMD_CONFIRM) {
            pflash_bad_sequence(s, addr, value,
                                "buffered program not confirmed");
        } else if (pflash_writable(s, s->wb_base, SR_PROGRAM_ERR)) {
            pflash_program(s, s->wb_base, s->wb_data, s->wb_set, s->wb_size);
        }
        break;
    }
    memory_region_rom_device_set_romd(&s->mem, s->mode == READ_ARRAY &&
                                                s->seq == SEQ_IDLE);
}

static const MemoryRegionOps pflash_ops_le = {
    .read = pflash_read,
    .write = pflash_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
    .impl = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
};

static const MemoryRegionOps pflash_ops_be = {
    .read = pflash_read,
    .write = pflash_write,
    .endianness = DEVICE_BIG_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
    .impl = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
};

/*
 * The CFI query table of one chip (JEDEC JESD68 layout; the values are
 * those of QEMU's model so that firmware sizes things the same way).
 */
static void pflash_fill_cfi(PFlashCFI01 *s)
{
    unsigned chips = pflash_chips(s);
    uint64_t chip_sector = s->sector_len / chips;
    uint64_t chip_len = chip_sector * s->nb_blocs;
    uint8_t *t = s->cfi;

    memset(t, 0, PFLASH_CFI_LEN);
    t[0x10] = 'Q';
    t[0x11] = 'R';
    t[0x12] = 'Y';
    t[0x13] = 0x01;                 /* primary command set: Intel/Sharp */
    t[0x15] = 0x31;                 /* primary extended table at 0x31 */
    t[0x1b] = 0x45;                 /* Vcc min 4.5 V */
    t[0x1c] = 0x55;                 /* Vcc max 5.5 V */
    t[0x1f] = 0x07;                 /* typical word program 2^7 us */
    t[0x20] = 0x07;                 /* typical buffer program 2^7 us */
    t[0x21] = 0x0a;                 /* typical block erase 2^10 ms */
    t[0x23] = 0x04;                 /* max word program 2^4 x typical */
    t[0x24] = 0x04;                 /* max buffer program */
    t[0x25] = 0x04;                 /* max block erase */
    t[0x27] = ctz64(chip_len);      /* chip size 2^n bytes */
    t[0x28] = 0x02;                 /* interface: x8/x16 */
    t[0x2a] = s->bank_width == 1 ? 8 : PFLASH_WB_LOG2; /* buffer 2^n bytes */
    t[0x2c] = 0x01;                 /* one erase block region */
    t[0x2d] = (s->nb_blocs - 1) & 0xff;
    t[0x2e] = (s->nb_blocs - 1) >> 8;
    t[0x2f] = (chip_sector >> 8) & 0xff;    /* block size / 256 */
    t[0x30] = chip_sector >> 16;
    t[0x31] = 'P';
    t[0x32] = 'R';
    t[0x33] = 'I';
    t[0x34] = '1';                  /* extended table version 1.0 */
    t[0x35] = '0';
    t[0x3f] = 0x01;                 /* protection fields */
    s->wb_size = (1u << t[0x2a]) * chips;
}

static bool pflash_open_drive(PFlashCFI01 *s, GError **errp)
{
    struct stat st;
    uint64_t done = 0;

    s->fd = open(s->drive, (s->read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC);
    if (s->fd < 0) {
        error_setg(errp, "Could not open '%s': %s", s->drive,
                   strerror(errno));
        return false;
    }
    if (fstat(s->fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        error_setg(errp, "'%s' is not a regular file", s->drive);
        return false;
    }
    if ((uint64_t)st.st_size != s->total_len) {
        error_setg(errp, "device requires %" PRIu64 " bytes, block backend "
                   "provides %" PRIu64 " bytes", s->total_len,
                   (uint64_t)st.st_size);
        return false;
    }
    while (done < s->total_len) {
        ssize_t n = pread(s->fd, s->storage + done, s->total_len - done, done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            error_setg(errp, "Could not read '%s': %s", s->drive,
                       n < 0 ? strerror(errno) : "unexpected end of file");
            return false;
        }
        done += n;
    }
    return true;
}

static void pflash_realize(DeviceState *dev, GError **errp)
{
    PFlashCFI01 *s = PFLASH_CFI01(dev);

    if (!s->sector_len || (s->sector_len & (s->sector_len - 1))) {
        error_setg(errp, "attribute \"sector-length\" not specified, zero or "
                   "not a power of two");
        return;
    }
    if (!s->nb_blocs) {
        error_setg(errp, "attribute \"num-blocks\" not specified or zero.");
        return;
    }
    if (!s->name) {
        error_setg(errp, "attribute \"name\" not specified.");
        return;
    }
    if (s->bank_width != 1 && s->bank_width != 2 && s->bank_width != 4 &&
        s->bank_width != 8) {
        error_setg(errp, "attribute \"width\" must be 1, 2, 4 or 8");
        return;
    }
    if (!s->device_width) {
        s->device_width = s->bank_width;
    }
    if (!s->max_device_width) {
        s->max_device_width = s->device_width;
    }
    if ((s->device_width != 1 && s->device_width != 2 &&
         s->device_width != 4) || s->bank_width % s->device_width) {
        error_setg(errp, "attribute \"device-width\" must be 1, 2 or 4 and "
                   "divide \"width\"");
        return;
    }
    if (s->max_device_width != s->device_width) {
        error_setg(errp, "chips used below their maximum width "
                   "(max-device-width) are not modelled");
        return;
    }
    if (s->sector_len % pflash_chips(s) ||
        s->nb_blocs > UINT64_MAX / s->sector_len) {
        error_setg(errp, "bad flash geometry");
        return;
    }
    s->total_len = s->sector_len * s->nb_blocs;
    if (!memory_region_init_rom_device(&s->mem, OBJECT(dev),
                                       s->big_endian ? &pflash_ops_be
                                                     : &pflash_ops_le,
                                       s, s->name, s->total_len, errp)) {
        return;
    }
    s->mem_ready = true;
    s->storage = memory_region_get_ram_ptr(&s->mem);
    if (s->drive && !pflash_open_drive(s, errp)) {
        return;
    }
    pflash_fill_cfi(s);
    s->locks = g_malloc0(s->nb_blocs);
    s->wb_data = g_malloc(s->wb_size);
    s->wb_set = g_malloc(s->wb_size);
    s->mode = READ_ARRAY;
    s->seq = SEQ_IDLE;
    s->status = SR_READY;
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->mem);
}

static void pflash_unrealize(DeviceState *dev)
{
    PFlashCFI01 *s = PFLASH_CFI01(dev);

    if (s->fd >= 0) {
        close(s->fd);
        s->fd = -1;
    }
    g_clear_pointer(&s->locks, g_free);
    g_clear_pointer(&s->wb_data, g_free);
    g_clear_pointer(&s->wb_set, g_free);
}

static void pflash_init(Object *obj)
{
    PFlashCFI01 *s = PFLASH_CFI01(obj);

    s->fd = -1;
}

static void pflash_finalize(Object *obj)
{
    PFlashCFI01 *s = PFLASH_CFI01(obj);

    if (s->fd >= 0) {
        close(s->fd);
        s->fd = -1;
    }
    g_clear_pointer(&s->locks, g_free);
    g_clear_pointer(&s->wb_data, g_free);
    g_clear_pointer(&s->wb_set, g_free);
    if (s->mem_ready) {
        memory_region_destroy(&s->mem);
    }
}

/*
 * Reset returns to read array with a clean status and unlocks every block
 * (QEMU's model has no locks; firmware written for it expects writable
 * blocks after power-on). The contents stay.
 */
static void pflash_reset(DeviceState *dev)
{
    PFlashCFI01 *s = PFLASH_CFI01(dev);

    if (!s->mem_ready || !s->locks) {
        return;
    }
    s->mode = READ_ARRAY;
    s->seq = SEQ_IDLE;
    s->status = SR_READY;
    memset(s->locks, 0, s->nb_blocs);
    memory_region_rom_device_set_romd(&s->mem, true);
}

static int pflash_post_load(void *opaque, int version_id)
{
    PFlashCFI01 *s = opaque;

    if (s->mode > READ_CFI || s->seq > SEQ_WB_CONFIRM ||
        s->wb_left > s->wb_size) {
        return -1;
    }
    memory_region_rom_device_set_romd(&s->mem, s->mode == READ_ARRAY &&
                                                s->seq == SEQ_IDLE);
    return 0;
}

/*
 * The contents are the ROM device's RAM block (its own stream section)
 * and the backing file both sides share; this is the command state
 * machine, the block locks and a buffered program under way.
 */
static const VMStateDescription vmstate_pflash = {
    .name = "pflash_cfi01",
    .version_id = 1,
    .post_load = pflash_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(mode, PFlashCFI01),
        VMSTATE_UINT32(seq, PFlashCFI01),
        VMSTATE_UINT8(status, PFlashCFI01),
        VMSTATE_VARRAY_UINT32(locks, PFlashCFI01, nb_blocs, 1),
        VMSTATE_UINT64(wb_base, PFlashCFI01),
        VMSTATE_BOOL(wb_first, PFlashCFI01),
        VMSTATE_UINT32(wb_left, PFlashCFI01),
        VMSTATE_VARRAY_UINT32(wb_data, PFlashCFI01, wb_size, 1),
        VMSTATE_VARRAY_UINT32(wb_set, PFlashCFI01, wb_size, 1),
        VMSTATE_END_OF_LIST()
    },
};

static Property pflash_properties[] = {
    DEFINE_PROP_STRING("drive", PFlashCFI01, drive),
    DEFINE_PROP_BOOL("read-only", PFlashCFI01, read_only, false),
    DEFINE_PROP_UINT32("num-blocks", PFlashCFI01, nb_blocs, 0),
    DEFINE_PROP_UINT64("sector-length", PFlashCFI01, sector_len, 0),
    DEFINE_PROP_UINT8("width", PFlashCFI01, bank_width, 0),
    DEFINE_PROP_UINT8("device-width", PFlashCFI01, device_width, 0),
    DEFINE_PROP_UINT8("max-device-width", PFlashCFI01, max_device_width, 0),
    DEFINE_PROP_BOOL("big-endian", PFlashCFI01, big_endian, false),
    DEFINE_PROP_UINT16("id0", PFlashCFI01, ident0, 0),
    DEFINE_PROP_UINT16("id1", PFlashCFI01, ident1, 0),
    DEFINE_PROP_UINT16("id2", PFlashCFI01, ident2, 0),
    DEFINE_PROP_UINT16("id3", PFlashCFI01, ident3, 0),
    DEFINE_PROP_STRING("name", PFlashCFI01, name),
    DEFINE_PROP_END_OF_LIST(),
};

static void pflash_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "CFI parallel flash, Intel command set";
    dc->realize = pflash_realize;
    dc->unrealize = pflash_unrealize;
    dc->reset = pflash_reset;
    dc->vmsd = &vmstate_pflash;
    device_class_set_props(dc, pflash_properties);
    device_class_set_category(dc, DEVICE_CATEGORY_STORAGE);
}

static const TypeInfo pflash_info = {
    .name = TYPE_PFLASH_CFI01,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(PFlashCFI01),
    .instance_init = pflash_init,
    .instance_finalize = pflash_finalize,
    .class_init = pflash_class_init,
};

static void pflash_register_types(void)
{
    type_register_static(&pflash_info);
}
type_init(pflash_register_types)
