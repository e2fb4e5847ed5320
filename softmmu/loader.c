/*
 * loader.c - load guest images (ELF64, raw) into guest memory.
 *
 * Parsing is done on a copy of the whole file and checked before anything
 * is written, so a truncated or malformed file is an error with nothing
 * half-loaded. Blobs are kept and rewritten on every system reset (see
 * include/hw/loader.h). Not for: firmware flash images (pflash devices),
 * device trees.
 */
#include "util/osdep.h"
#include "util/error.h"
#include <glib/gstdio.h>
#include "hw/loader.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"
#include "sysemu/runstate.h"

/* No kernel ELF we boot comes near this; it bounds what a bad path costs. */
#define LOADER_MAX_ELF_FILE (2 * GiB)

typedef struct RomBlob {
    char *name;
    AddressSpace *as;
    hwaddr addr;
    void *data;
    size_t len;
    struct RomBlob *next;
} RomBlob;

static RomBlob *rom_blobs;
static bool rom_reset_registered;

static void rom_write(RomBlob *r)
{
    address_space_write_rom(r->as, r->addr, MEMTXATTRS_UNSPECIFIED, r->data,
                            r->len);
}

static void rom_reset(void *opaque)
{
    for (RomBlob *r = rom_blobs; r; r = r->next) {
        rom_write(r);
    }
}

static void rom_add(const char *name, AddressSpace *as, const void *data,
                    size_t len, hwaddr addr)
{
    RomBlob *r = g_new0(RomBlob, 1);
    RomBlob **tail = &rom_blobs;

    r->name = g_strdup(name);
    r->as = as ? as : &address_space_memory;
    r->addr = addr;
    r->data = g_memdup2(data, len);
    r->len = len;
    while (*tail) {
        tail = &(*tail)->next;
    }
    *tail = r;
    rom_write(r);
    if (!rom_reset_registered) {
        qemu_register_reset(rom_reset, NULL);
        rom_reset_registered = true;
    }
}

void rom_add_blob_fixed(const char *name, const void *data, size_t len,
                        hwaddr addr)
{
    rom_add(name, NULL, data, len, addr);
}

/*
 * Read at most @max bytes of @filename. Unlike g_file_get_contents this
 * terminates on endless files (/dev/zero, FIFOs) and refuses an oversized
 * file before allocating for it. Fails with a message naming @what.
 */
static bool load_file_bounded(const char *filename, const char *what,
                              uint64_t max, gchar **pbuf, gsize *psize,
                              GError **errp)
{
    FILE *f = fopen(filename, "rb");
    GStatBuf st;
    GByteArray *ba;
    uint8_t chunk[65536];
    size_t n;

    if (!f) {
        error_setg(errp, "could not load %s '%s': %s", what, filename,
                   g_strerror(errno));
        return false;
    }
    if (g_stat(filename, &st) == 0 && S_ISDIR(st.st_mode)) {
        error_setg(errp, "could not load %s '%s': is a directory", what,
                   filename);
        fclose(f);
        return false;
    }
    if (g_stat(filename, &st) == 0 && S_ISREG(st.st_mode) &&
        (uint64_t)st.st_size > max) {
        error_setg(errp, "%s '%s' is %" PRIu64 " bytes, more than the %"
                   PRIu64 " that fit", what, filename,
                   (uint64_t)st.st_size, max);
        fclose(f);
        return false;
    }
    ba = g_byte_array_new();
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        g_byte_array_append(ba, chunk, n);
        if (ba->len > max) {
            error_setg(errp, "%s '%s' is more than the %" PRIu64
                       " bytes that fit", what, filename, max);
            g_byte_array_free(ba, TRUE);
            fclose(f);
            return false;
        }
    }
    if (ferror(f)) {
        error_setg(errp, "could not read %s '%s'", what, filename);
        g_byte_array_free(ba, TRUE);
        fclose(f);
        return false;
    }
    fclose(f);
    *psize = ba->len;
    *pbuf = (gchar *)g_byte_array_free(ba, FALSE);
    return true;
}

int64_t get_image_size(const char *filename)
{
    GStatBuf st;
    if (g_stat(filename, &st) != 0) {
        return -1;
    }
    return st.st_size;
}

bool load_elf_is_elf(const char *filename)
{
    unsigned char magic[4];
    FILE *f = fopen(filename, "rb");
    bool ok;

    if (!f) {
        return false;
    }
    ok = fread(magic, 1, 4, f) == 4 && magic[0] == 0x7f && magic[1] == 'E' &&
         magic[2] == 'L' && magic[3] == 'F';
    fclose(f);
    return ok;
}

/* Field readers in the file's byte order. */
static uint64_t elf_get(const uint8_t *p, unsigned size, bool big)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++) {
        unsigned b = big ? i : size - 1 - i;
        v = (v << 8) | p[b];
    }
    return v;
}

/* ELF64 header and program header offsets (System V gABI). */
#define EI_CLASS 4
#define EI_DATA 5
#define ELFCLASS64 2
#define ELFDATA2LSB 1
#define ELFDATA2MSB 2
#define E_MACHINE 18
#define E_ENTRY 24
#define E_PHOFF 32
#define E_PHENTSIZE 54
#define E_PHNUM 56
#define EHDR64_SIZE 64
#define PHDR64_SIZE 56
#define PT_LOAD 1
#define P_TYPE 0
#define P_OFFSET 8
#define P_PADDR 24
#define P_FILESZ 32
#define P_MEMSZ 40

int64_t load_elf_as(const char *filename, int elf_machine, AddressSpace *as,
                    uint64_t *pentry, uint64_t *plow, uint64_t *phigh,
                    GError **errp)
{
    gchar *buf = NULL;
    gsize size = 0;
    const uint8_t *p;
    bool big;
    uint64_t phoff, entry, low = UINT64_MAX, high = 0, total = 0;
    unsigned phentsize, phnum, machine;
    int64_t ret = -1;

    if (!load_file_bounded(filename, "kernel", LOADER_MAX_ELF_FILE, &buf,
                           &size, errp)) {
        return -1;
    }
    p = (const uint8_t *)buf;
    if (size < EHDR64_SIZE || memcmp(p, "\x7f" "ELF", 4) != 0) {
        error_setg(errp, "'%s' is not an ELF file", filename);
        goto out;
    }
    if (p[EI_CLASS] != ELFCLASS64) {
        error_setg(errp, "'%s' is not a 64-bit ELF file", filename);
        goto out;
    }
    if (p[EI_DATA] != ELFDATA2LSB && p[EI_DATA] != ELFDATA2MSB) {
        error_setg(errp, "'%s': unknown ELF byte order %u", filename,
                   p[EI_DATA]);
        goto out;
    }
    big = p[EI_DATA] == ELFDATA2MSB;
    machine = elf_get(p + E_MACHINE, 2, big);
    if (elf_machine && machine != (unsigned)elf_machine) {
        error_setg(errp, "'%s' is for ELF machine %u, this target needs %d",
                   filename, machine, elf_machine);
        goto out;
    }
    entry = elf_get(p + E_ENTRY, 8, big);
    phoff = elf_get(p + E_PHOFF, 8, big);
    phentsize = elf_get(p + E_PHENTSIZE, 2, big);
    phnum = elf_get(p + E_PHNUM, 2, big);
    if (phentsize < PHDR64_SIZE || phoff > size ||
        (uint64_t)phnum * phentsize > size - phoff) {
        error_setg(errp, "'%s': program headers out of the file", filename);
        goto out;
    }

    /* First pass: validate every segment. */
    for (unsigned i = 0; i < phnum; i++) {
        const uint8_t *ph = p + phoff + (uint64_t)i * phentsize;
        uint64_t off, filesz, memsz, paddr;
        if (elf_get(ph + P_TYPE, 4, big) != PT_LOAD) {
            continue;
        }
        off = elf_get(ph + P_OFFSET, 8, big);
        paddr = elf_get(ph + P_PADDR, 8, big);
        filesz = elf_get(ph + P_FILESZ, 8, big);
        memsz = elf_get(ph + P_MEMSZ, 8, big);
        if (filesz > memsz || off > size || filesz > size - off ||
            paddr + memsz < paddr) {
            error_setg(errp, "'%s': bad PT_LOAD segment %u", filename, i);
            goto out;
        }
        if (memsz == 0) {
            continue;
        }
        low = MIN(low, paddr);
        high = MAX(high, paddr + memsz);
        total += memsz;
    }
    if (total == 0) {
        error_setg(errp, "'%s': no loadable segment", filename);
        goto out;
    }

    /* Second pass: write them, file bytes then zeroes. */
    for (unsigned i = 0; i < phnum; i++) {
        const uint8_t *ph = p + phoff + (uint64_t)i * phentsize;
        uint64_t off, filesz, memsz, paddr;
        uint8_t *seg;
        char *name;
        if (elf_get(ph + P_TYPE, 4, big) != PT_LOAD) {
            continue;
        }
        off = elf_get(ph + P_OFFSET, 8, big);
        paddr = elf_get(ph + P_PADDR, 8, big);
        filesz = elf_get(ph + P_FILESZ, 8, big);
        memsz = elf_get(ph + P_MEMSZ, 8, big);
        if (memsz == 0) {
            continue;
        }
        seg = g_malloc0(memsz);
        memcpy(seg, p + off, filesz);
        name = g_strdup_printf("%s/segment%u", filename, i);
        rom_add(name, as, seg, memsz, paddr);
        g_free(name);
        g_free(seg);
    }
    if (pentry) {
        *pentry = entry;
    }
    if (plow) {
        *plow = low;
    }
    if (phigh) {
        *phigh = high;
    }
    ret = total;
out:
    g_free(buf);
    return ret;
}

int64_t load_image_targphys(const char *filename, hwaddr addr, uint64_t max_sz,
                            GError **errp)
{
    gchar *buf = NULL;
    gsize size = 0;

    if (!load_file_bounded(filename, "image", max_sz, &buf, &size, errp)) {
        return -1;
    }
    rom_add(filename, NULL, buf, size, addr);
    g_free(buf);
    return size;
}
