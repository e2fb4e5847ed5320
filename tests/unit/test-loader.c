/*
 * test-loader.c - softmmu/loader.c: ELF64 images (both byte orders,
 * several segments, zero-filled tails, entry point, machine check),
 * malformed files rejected with nothing written, raw images with size
 * limits, and blobs written again on a system reset.
 */
#include "util/osdep.h"
#include "util/error.h"
#include "hw/loader.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"
#include "sysemu/runstate.h"

#define RAM_BASE 0x40000000ull
#define RAM_SIZE 0x100000ull

static MemoryRegion root, ram;
static AddressSpace as;

static void setup(void)
{
    static bool done;
    if (done) {
        return;
    }
    memory_region_init(&root, NULL, "loader-root", 1ull << 40);
    g_assert_true(memory_region_init_ram(&ram, NULL, "loader-ram", RAM_SIZE,
                                         NULL));
    memory_region_add_subregion(&root, RAM_BASE, &ram);
    address_space_init(&as, &root, "loader-test");
    done = true;
}

static void fill_ram(uint8_t v)
{
    uint8_t *buf = g_malloc(RAM_SIZE);
    memset(buf, v, RAM_SIZE);
    address_space_write(&as, RAM_BASE, MEMTXATTRS_UNSPECIFIED, buf, RAM_SIZE);
    g_free(buf);
}

static uint8_t ram_byte(uint64_t addr)
{
    uint8_t b = 0;
    address_space_read(&as, addr, MEMTXATTRS_UNSPECIFIED, &b, 1);
    return b;
}

typedef struct Seg {
    uint32_t type;
    uint64_t paddr;
    const uint8_t *data;
    uint64_t filesz;
    uint64_t memsz;
} Seg;

static void put(GByteArray *b, size_t off, uint64_t v, unsigned size, bool big)
{
    for (unsigned i = 0; i < size; i++) {
        unsigned shift = big ? (size - 1 - i) * 8 : i * 8;
        b->data[off + i] = v >> shift;
    }
}

/* An ELF64 file: header, program headers, then the segments' bytes. */
static GByteArray *build_elf(bool big, unsigned machine, uint64_t entry,
                             const Seg *segs, int nseg)
{
    GByteArray *b = g_byte_array_new();
    size_t off = 64 + 56 * nseg;

    g_byte_array_set_size(b, off);
    memset(b->data, 0, off);
    memcpy(b->data, "\x7f" "ELF", 4);
    b->data[4] = 2;                     /* ELFCLASS64 */
    b->data[5] = big ? 2 : 1;
    b->data[6] = 1;                     /* EV_CURRENT */
    put(b, 16, 2, 2, big);              /* ET_EXEC */
    put(b, 18, machine, 2, big);
    put(b, 20, 1, 4, big);
    put(b, 24, entry, 8, big);
    put(b, 32, 64, 8, big);             /* e_phoff */
    put(b, 52, 64, 2, big);             /* e_ehsize */
    put(b, 54, 56, 2, big);             /* e_phentsize */
    put(b, 56, nseg, 2, big);
    for (int i = 0; i < nseg; i++) {
        size_t ph = 64 + 56 * i;
        put(b, ph, segs[i].type, 4, big);
        put(b, ph + 8, b->len, 8, big);
        put(b, ph + 16, segs[i].paddr, 8, big);
        put(b, ph + 24, segs[i].paddr, 8, big);
        put(b, ph + 32, segs[i].filesz, 8, big);
        put(b, ph + 40, segs[i].memsz, 8, big);
        g_byte_array_append(b, segs[i].data, segs[i].filesz);
    }
    return b;
}

static char *write_tmp(const void *data, size_t len)
{
    GError *err = NULL;
    char *path = NULL;
    int fd = g_file_open_tmp("plumb-loader-XXXXXX", &path, &err);
    g_assert_no_error(err);
    g_assert_cmpint(write(fd, data, len), ==, (ssize_t)len);
    close(fd);
    return path;
}

static const uint8_t text[] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88 };
static const uint8_t data[] = { 0xa1, 0xa2, 0xa3 };

static void test_elf_little(void)
{
    Seg segs[] = {
        { 1, RAM_BASE + 0x1000, text, sizeof(text), sizeof(text) },
        { 4, RAM_BASE + 0x9000, data, sizeof(data), sizeof(data) }, /* PT_NOTE */
        { 1, RAM_BASE + 0x2000, data, sizeof(data), 0x10 },         /* + bss */
    };
    GByteArray *elf;
    char *path;
    uint64_t entry = 0, low = 0, high = 0;
    GError *err = NULL;

    setup();
    fill_ram(0xee);
    elf = build_elf(false, LOADER_EM_AARCH64, RAM_BASE + 0x1004, segs, 3);
    path = write_tmp(elf->data, elf->len);
    g_assert_true(load_elf_is_elf(path));
    g_assert_cmpint(load_elf_as(path, LOADER_EM_AARCH64, &as, &entry, &low,
                                &high, &err), ==, sizeof(text) + 0x10);
    g_assert_no_error(err);
    g_assert_cmphex(entry, ==, RAM_BASE + 0x1004);
    g_assert_cmphex(low, ==, RAM_BASE + 0x1000);
    g_assert_cmphex(high, ==, RAM_BASE + 0x2010);
    for (unsigned i = 0; i < sizeof(text); i++) {
        g_assert_cmphex(ram_byte(RAM_BASE + 0x1000 + i), ==, text[i]);
    }
    g_assert_cmphex(ram_byte(RAM_BASE + 0x1008), ==, 0xee);   /* untouched */
    g_assert_cmphex(ram_byte(RAM_BASE + 0x2002), ==, 0xa3);
    g_assert_cmphex(ram_byte(RAM_BASE + 0x2003), ==, 0);      /* bss zeroed */
    g_assert_cmphex(ram_byte(RAM_BASE + 0x200f), ==, 0);
    g_assert_cmphex(ram_byte(RAM_BASE + 0x2010), ==, 0xee);
    g_assert_cmphex(ram_byte(RAM_BASE + 0x9000), ==, 0xee);   /* not PT_LOAD */
    unlink(path);
    g_free(path);
    g_byte_array_unref(elf);
}

static void test_elf_big_endian(void)
{
    Seg segs[] = { { 1, RAM_BASE + 0x3000, text, sizeof(text), sizeof(text) } };
    GByteArray *elf;
    char *path;
    uint64_t entry = 0;
    GError *err = NULL;

    setup();
    fill_ram(0);
    elf = build_elf(true, LOADER_EM_PPC64, 0x123456789abcull, segs, 1);
    path = write_tmp(elf->data, elf->len);
    g_assert_cmpint(load_elf_as(path, 0, &as, &entry, NULL, NULL, &err), ==,
                    sizeof(text));
    g_assert_no_error(err);
    g_assert_cmphex(entry, ==, 0x123456789abcull);
    g_assert_cmphex(ram_byte(RAM_BASE + 0x3007), ==, 0x88);
    unlink(path);
    g_free(path);
    g_byte_array_unref(elf);
}

/* A file that must be refused, with its message, and RAM untouched. */
static void expect_refused(GByteArray *elf, int machine, const char *msg)
{
    char *path = write_tmp(elf->data, elf->len);
    GError *err = NULL;
    uint64_t entry = 0x5555;

    fill_ram(0x77);
    g_assert_cmpint(load_elf_as(path, machine, &as, &entry, NULL, NULL, &err),
                    ==, -1);
    g_assert_nonnull(err);
    if (!strstr(err->message, msg)) {
        g_test_message("expected '%s' in '%s'", msg, err->message);
        g_assert_not_reached();
    }
    g_error_free(err);
    g_assert_cmphex(entry, ==, 0x5555);
    g_assert_cmphex(ram_byte(RAM_BASE + 0x1000), ==, 0x77);
    unlink(path);
    g_free(path);
}

static void test_elf_malformed(void)
{
    Seg good = { 1, RAM_BASE + 0x1000, text, sizeof(text), sizeof(text) };
    Seg two[] = { good, { 1, RAM_BASE + 0x4000, data, sizeof(data), 2 } };
    GByteArray *elf;

    setup();
    elf = build_elf(false, LOADER_EM_X86_64, 0, &good, 1);
    expect_refused(elf, LOADER_EM_AARCH64, "ELF machine 62");
    g_byte_array_unref(elf);

    elf = build_elf(false, LOADER_EM_AARCH64, 0, &good, 1);
    elf->data[4] = 1;                   /* ELFCLASS32 */
    expect_refused(elf, LOADER_EM_AARCH64, "not a 64-bit ELF");
    g_byte_array_unref(elf);

    elf = build_elf(false, LOADER_EM_AARCH64, 0, &good, 1);
    g_byte_array_set_size(elf, 40);     /* cut inside the header */
    expect_refused(elf, 0, "not an ELF file");
    g_byte_array_unref(elf);

    elf = build_elf(false, LOADER_EM_AARCH64, 0, &good, 1);
    g_byte_array_set_size(elf, elf->len - 2);   /* segment runs past the end */
    expect_refused(elf, 0, "bad PT_LOAD segment 0");
    g_byte_array_unref(elf);

    /* The second segment is bad (filesz > memsz): nothing of the first. */
    elf = build_elf(false, LOADER_EM_AARCH64, 0, two, 2);
    expect_refused(elf, 0, "bad PT_LOAD segment 1");
    g_byte_array_unref(elf);

    elf = build_elf(false, LOADER_EM_AARCH64, 0, &good, 1);
    put(elf, 56, 1000, 2, false);       /* e_phnum beyond the file */
    expect_refused(elf, 0, "program headers out of the file");
    g_byte_array_unref(elf);

    elf = build_elf(false, LOADER_EM_AARCH64, 0, NULL, 0);
    expect_refused(elf, 0, "no loadable segment");
    g_byte_array_unref(elf);

    {
        GError *err = NULL;
        g_assert_cmpint(load_elf_as("/nonexistent/kernel", 0, &as, NULL, NULL,
                                    NULL, &err), ==, -1);
        g_assert_nonnull(err);
        g_error_free(err);
        g_assert_false(load_elf_is_elf("/nonexistent/kernel"));
    }
}

static void test_raw_and_reset(void)
{
    static MemoryRegion sysram;
    static bool mapped;
    uint8_t img[100];
    uint8_t b = 0;
    char *path;
    GError *err = NULL;

    if (!mapped) {
        g_assert_true(memory_region_init_ram(&sysram, NULL, "loader-sysram",
                                             0x10000, NULL));
        memory_region_add_subregion(get_system_memory(), 0x80000000ull, &sysram);
        mapped = true;
    }
    for (unsigned i = 0; i < sizeof(img); i++) {
        img[i] = i * 3 + 1;
    }
    path = write_tmp(img, sizeof(img));
    g_assert_false(load_elf_is_elf(path));
    g_assert_cmpint(get_image_size(path), ==, sizeof(img));
    g_assert_cmpint(load_image_targphys(path, 0x80000100ull, 99, &err), ==, -1);
    g_assert_nonnull(err);
    g_assert_nonnull(strstr(err->message, "more than the 99"));
    g_clear_error(&err);
    g_assert_cmpint(load_image_targphys(path, 0x80000100ull, 100, &err), ==,
                    sizeof(img));
    g_assert_no_error(err);
    address_space_read(&address_space_memory, 0x80000100ull + 99,
                       MEMTXATTRS_UNSPECIFIED, &b, 1);
    g_assert_cmphex(b, ==, img[99]);

    /* The guest overwrites its image; a system reset restores it. */
    b = 0;
    address_space_write(&address_space_memory, 0x80000100ull + 5,
                        MEMTXATTRS_UNSPECIFIED, &b, 1);
    qemu_system_reset(SHUTDOWN_CAUSE_GUEST_RESET);
    address_space_read(&address_space_memory, 0x80000100ull + 5,
                       MEMTXATTRS_UNSPECIFIED, &b, 1);
    g_assert_cmphex(b, ==, img[5]);
    unlink(path);
    g_free(path);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/loader/elf/little-endian-segments", test_elf_little);
    g_test_add_func("/loader/elf/big-endian", test_elf_big_endian);
    g_test_add_func("/loader/elf/malformed-refused-untouched", test_elf_malformed);
    g_test_add_func("/loader/raw/limit-and-reload-on-reset", test_raw_and_reset);
    return g_test_run();
}
