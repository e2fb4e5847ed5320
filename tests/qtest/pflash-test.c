/*
 * pflash-test.c - the virt board's CFI flash banks through qtest (-M virt,
 * no CPU runs): the CFI query and identifier answers of two x16 chips
 * side by side, status, word and buffered program (at the 32-bit bank
 * width and at 16 bits, as u-boot drives it), block erase, lock/unlock,
 * read-only drives, -bios loading, and the image file being updated.
 */
#include "util/osdep.h"
#include "libqtest.h"

#include <glib/gstdio.h>
#include <fcntl.h>
#include <unistd.h>

#define BANK0       0x00000000ULL
#define BANK1       0x04000000ULL
#define BANK_SIZE   (64ULL << 20)
#define BLOCK       (256ULL << 10)

/* Both chips get the command: it sits in each 16-bit half of the bank. */
#define CMD(c)      ((uint32_t)(c) * 0x00010001u)
#define SR_READY    0x80
#define SR_ERASE    0x20
#define SR_PROG     0x10
#define SR_LOCKED   0x02

typedef struct {
    char *dir;
    char *img;
} TmpImg;

/* A sparse 64 MiB image filled with 0xff in its first two blocks. */
static void tmp_img_new(TmpImg *t, const char *name)
{
    GError *err = NULL;
    int fd;
    g_autofree uint8_t *ff = g_malloc(2 * BLOCK);

    t->dir = g_dir_make_tmp("pflash-test-XXXXXX", &err);
    g_assert_no_error(err);
    t->img = g_build_filename(t->dir, name, NULL);
    fd = open(t->img, O_RDWR | O_CREAT | O_TRUNC, 0600);
    g_assert_cmpint(fd, >=, 0);
    memset(ff, 0xff, 2 * BLOCK);
    g_assert_cmpint(pwrite(fd, ff, 2 * BLOCK, 0), ==, 2 * BLOCK);
    g_assert_cmpint(ftruncate(fd, BANK_SIZE), ==, 0);
    close(fd);
}

static void tmp_img_free(TmpImg *t)
{
    g_unlink(t->img);
    g_rmdir(t->dir);
    g_free(t->img);
    g_free(t->dir);
}

static uint32_t file_word(const char *path, uint64_t off)
{
    uint32_t v = 0;
    int fd = open(path, O_RDONLY);

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(pread(fd, &v, 4, off), ==, 4);
    close(fd);
    return GUINT32_FROM_LE(v);
}

static void test_cfi_query(void)
{
    QTestState *qts = qtest_init("-M virt");

    qtest_writel(qts, BANK0 + 0x55 * 4, CMD(0x98));
    /* "QRY" from each chip, one chip word per 4 bytes of the bank. */
    g_assert_cmphex(qtest_readl(qts, BANK0 + 0x10 * 4), ==, 0x00510051);
    g_assert_cmphex(qtest_readl(qts, BANK0 + 0x11 * 4), ==, 0x00520052);
    g_assert_cmphex(qtest_readl(qts, BANK0 + 0x12 * 4), ==, 0x00590059);
    /* Intel command set, extended table at 0x31 ("PRI"). */
    g_assert_cmphex(qtest_readl(qts, BANK0 + 0x13 * 4), ==, 0x00010001);
    g_assert_cmphex(qtest_readl(qts, BANK0 + 0x15 * 4), ==, 0x00310031);
    g_assert_cmphex(qtest_readl(qts, BANK0 + 0x31 * 4), ==, 0x00500050);
    /* Each chip: 32 MiB (2^25), 256 blocks of 128 KiB, 2 KiB buffer. */
    g_assert_cmphex(qtest_readl(qts, BANK0 + 0x27 * 4), ==, 0x00190019);
    g_assert_cmphex(qtest_readl(qts, BANK0 + 0x2a * 4), ==, 0x000b000b);
    g_assert_cmphex(qtest_readl(qts, BANK0 + 0x2c * 4), ==, 0x00010001);
    g_assert_cmphex(qtest_readl(qts, BANK0 + 0x2d * 4), ==, 0x00ff00ff);
    g_assert_cmphex(qtest_readl(qts, BANK0 + 0x2e * 4), ==, 0);
    g_assert_cmphex(qtest_readl(qts, BANK0 + 0x2f * 4), ==, 0);
    g_assert_cmphex(qtest_readl(qts, BANK0 + 0x30 * 4), ==, 0x00020002);
    /* Narrow reads see byte lanes: chip 0 low, chip 0 high, chip 1 low. */
    g_assert_cmphex(qtest_readw(qts, BANK0 + 0x40), ==, 0x0051);
    g_assert_cmphex(qtest_readb(qts, BANK0 + 0x41), ==, 0x00);
    g_assert_cmphex(qtest_readb(qts, BANK0 + 0x42), ==, 0x51);
    g_assert_cmphex(qtest_readq(qts, BANK0 + 0x40), ==, 0x0052005200510051ULL);
    /* Bank 1 is a separate device, still in read array mode. */
    g_assert_cmphex(qtest_readl(qts, BANK1 + 0x40), ==, 0);
    /* Read array again: the (empty) contents. */
    qtest_writel(qts, BANK0, CMD(0xff));
    g_assert_cmphex(qtest_readl(qts, BANK0 + 0x40), ==, 0);
    qtest_quit(qts);
}

static void test_identifier(void)
{
    QTestState *qts = qtest_init("-M virt");

    qtest_writel(qts, BANK1, CMD(0x90));
    g_assert_cmphex(qtest_readl(qts, BANK1 + 0 * 4), ==, 0x00890089);
    g_assert_cmphex(qtest_readl(qts, BANK1 + 1 * 4), ==, 0x00180018);
    /* Block lock status at chip word 2 of each block: unlocked. */
    g_assert_cmphex(qtest_readl(qts, BANK1 + BLOCK + 2 * 4), ==, 0);
    qtest_writel(qts, BANK1 + BLOCK, CMD(0x60));
    qtest_writel(qts, BANK1 + BLOCK, CMD(0x01));
    qtest_writel(qts, BANK1, CMD(0x90));
    g_assert_cmphex(qtest_readl(qts, BANK1 + BLOCK + 2 * 4), ==, 0x00010001);
    g_assert_cmphex(qtest_readl(qts, BANK1 + 2 * 4), ==, 0);
    qtest_writel(qts, BANK1, CMD(0xff));
    qtest_quit(qts);
}

static void test_program_erase_file(void)
{
    TmpImg t;
    QTestState *qts;

    tmp_img_new(&t, "vars.img");
    qts = qtest_initf("-M virt -drive if=pflash,format=raw,unit=1,file=%s",
                      t.img);
    g_assert_cmphex(qtest_readl(qts, BANK1 + 0x100), ==, 0xffffffff);

    /* Word program: status ready in both chips afterwards. */
    qtest_writel(qts, BANK1 + 0x100, CMD(0x40));
    qtest_writel(qts, BANK1 + 0x100, 0x12345678);
    g_assert_cmphex(qtest_readl(qts, BANK1 + 0x100), ==, CMD(SR_READY));
    qtest_writel(qts, BANK1, CMD(0xff));
    g_assert_cmphex(qtest_readl(qts, BANK1 + 0x100), ==, 0x12345678);

    /* Programming only clears bits. */
    qtest_writel(qts, BANK1 + 0x100, CMD(0x40));
    qtest_writel(qts, BANK1 + 0x100, 0xffff0f0f);
    qtest_writel(qts, BANK1, CMD(0xff));
    g_assert_cmphex(qtest_readl(qts, BANK1 + 0x100), ==, 0x12340608);

    /* Program in the second block too, then erase only the first. */
    qtest_writel(qts, BANK1 + BLOCK + 8, CMD(0x40));
    qtest_writel(qts, BANK1 + BLOCK + 8, 0xa5a5a5a5);
    qtest_writel(qts, BANK1, CMD(0xff));
    g_assert_cmphex(file_word(t.img, BLOCK + 8), ==, 0xa5a5a5a5);
    g_assert_cmphex(file_word(t.img, 0x100), ==, 0x12340608);

    qtest_writel(qts, BANK1 + 0x1000, CMD(0x20));
    qtest_writel(qts, BANK1 + 0x1000, CMD(0xd0));
    g_assert_cmphex(qtest_readl(qts, BANK1), ==, CMD(SR_READY));
    qtest_writel(qts, BANK1, CMD(0xff));
    g_assert_cmphex(qtest_readl(qts, BANK1 + 0x100), ==, 0xffffffff);
    g_assert_cmphex(qtest_readl(qts, BANK1 + BLOCK - 4), ==, 0xffffffff);
    g_assert_cmphex(qtest_readl(qts, BANK1 + BLOCK + 8), ==, 0xa5a5a5a5);
    qtest_quit(qts);

    /* The file holds what the guest left, also after the run ended. */
    g_assert_cmphex(file_word(t.img, 0x100), ==, 0xffffffff);
    g_assert_cmphex(file_word(t.img, BLOCK + 8), ==, 0xa5a5a5a5);

    /* And a new run starts from it. */
    qts = qtest_initf("-M virt -drive if=pflash,format=raw,unit=1,file=%s",
                      t.img);
    g_assert_cmphex(qtest_readl(qts, BANK1 + BLOCK + 8), ==, 0xa5a5a5a5);
    qtest_quit(qts);
    tmp_img_free(&t);
}

static void test_bad_sequence(void)
{
    TmpImg t;
    g_autofree char *log = NULL;
    g_autofree char *text = NULL;
    QTestState *qts;

    tmp_img_new(&t, "vars.img");
    log = g_build_filename(t.dir, "log.txt", NULL);
    qts = qtest_initf("-M virt -drive if=pflash,format=raw,unit=1,file=%s "
                      "-d guest_errors -D %s", t.img, log);
    /* An erase without its confirm: both error bits, nothing erased. */
    qtest_writel(qts, BANK1 + 0x100, CMD(0x40));
    qtest_writel(qts, BANK1 + 0x100, 0);
    qtest_writel(qts, BANK1, CMD(0x20));
    qtest_writel(qts, BANK1, CMD(0x55));
    g_assert_cmphex(qtest_readl(qts, BANK1),
                    ==, CMD(SR_READY | SR_ERASE | SR_PROG));
    qtest_writel(qts, BANK1, CMD(0xff));
    g_assert_cmphex(qtest_readl(qts, BANK1 + 0x100), ==, 0);
    /* The error bits stay until Clear Status. */
    qtest_writel(qts, BANK1, CMD(0x70));
    g_assert_cmphex(qtest_readl(qts, BANK1),
                    ==, CMD(SR_READY | SR_ERASE | SR_PROG));
    qtest_writel(qts, BANK1, CMD(0x50));
    qtest_writel(qts, BANK1, CMD(0x70));
    g_assert_cmphex(qtest_readl(qts, BANK1), ==, CMD(SR_READY));
    /* An unknown command: logged, back to read array. */
    qtest_writel(qts, BANK1, CMD(0x77));
    g_assert_cmphex(qtest_readl(qts, BANK1 + 0x100), ==, 0);
    qtest_quit(qts);

    g_assert_true(g_file_get_contents(log, &text, NULL, NULL));
    g_assert_nonnull(strstr(text, "block erase not confirmed"));
    g_assert_nonnull(strstr(text, "unknown command 0x77"));
    g_unlink(log);
    tmp_img_free(&t);
}

static void test_buffered_program(void)
{
    TmpImg t;
    QTestState *qts;

    tmp_img_new(&t, "vars.img");
    qts = qtest_initf("-M virt -drive if=pflash,format=raw,unit=1,file=%s",
                      t.img);

    /* At bank width: 0xe8 at the block, count-1, 4 words, confirm. */
    qtest_writel(qts, BANK1, CMD(0xe8));
    g_assert_cmphex(qtest_readl(qts, BANK1), ==, CMD(SR_READY));
    qtest_writel(qts, BANK1, CMD(3));
    for (int i = 0; i < 4; i++) {
        qtest_writel(qts, BANK1 + 0x800 + 4 * i, 0x11111111u * (i + 1));
    }
    /* Nothing is programmed before the confirm. */
    g_assert_cmphex(file_word(t.img, 0x800), ==, 0xffffffff);
    qtest_writel(qts, BANK1, CMD(0xd0));
    g_assert_cmphex(qtest_readl(qts, BANK1), ==, CMD(SR_READY));
    qtest_writel(qts, BANK1, CMD(0xff));
    for (int i = 0; i < 4; i++) {
        g_assert_cmphex(qtest_readl(qts, BANK1 + 0x800 + 4 * i),
                        ==, 0x11111111u * (i + 1));
    }
    g_assert_cmphex(qtest_readl(qts, BANK1 + 0x810), ==, 0xffffffff);
    g_assert_cmphex(file_word(t.img, 0x80c), ==, 0x44444444);

    /* At 16 bits, as u-boot drives this bank: 3 halfwords. */
    qtest_writew(qts, BANK1 + BLOCK, 0xe8);
    qtest_writew(qts, BANK1 + BLOCK, 2);
    qtest_writew(qts, BANK1 + BLOCK + 0x20, 0xaaaa);
    qtest_writew(qts, BANK1 + BLOCK + 0x22, 0xbbbb);
    qtest_writew(qts, BANK1 + BLOCK + 0x24, 0xcccc);
    qtest_writew(qts, BANK1 + BLOCK, 0xd0);
    g_assert_cmphex(qtest_readw(qts, BANK1 + BLOCK), ==, SR_READY);
    qtest_writew(qts, BANK1, 0xff);
    g_assert_cmphex(qtest_readl(qts, BANK1 + BLOCK + 0x20), ==, 0xbbbbaaaa);
    g_assert_cmphex(qtest_readl(qts, BANK1 + BLOCK + 0x24), ==, 0xffffcccc);

    /* A count larger than the buffer (2 KiB per chip) is refused. */
    qtest_writel(qts, BANK1, CMD(0xe8));
    qtest_writel(qts, BANK1, CMD(1024));
    g_assert_cmphex(qtest_readl(qts, BANK1),
                    ==, CMD(SR_READY | SR_ERASE | SR_PROG));
    qtest_writel(qts, BANK1, CMD(0x50));

    /* Data outside the block named by 0xe8 breaks the sequence. */
    qtest_writel(qts, BANK1, CMD(0xe8));
    qtest_writel(qts, BANK1, CMD(0));
    qtest_writel(qts, BANK1 + BLOCK + 0x100, 0);
    g_assert_cmphex(qtest_readl(qts, BANK1),
                    ==, CMD(SR_READY | SR_ERASE | SR_PROG));
    qtest_writel(qts, BANK1, CMD(0xff));
    g_assert_cmphex(qtest_readl(qts, BANK1 + BLOCK + 0x100), ==, 0xffffffff);
    qtest_quit(qts);
    tmp_img_free(&t);
}

static void test_lock(void)
{
    TmpImg t;
    QTestState *qts;

    tmp_img_new(&t, "vars.img");
    qts = qtest_initf("-M virt -drive if=pflash,format=raw,unit=1,file=%s",
                      t.img);
    qtest_writel(qts, BANK1, CMD(0x60));
    qtest_writel(qts, BANK1, CMD(0x01));
    qtest_writel(qts, BANK1 + 0x10, CMD(0x40));
    qtest_writel(qts, BANK1 + 0x10, 0);
    g_assert_cmphex(qtest_readl(qts, BANK1),
                    ==, CMD(SR_READY | SR_PROG | SR_LOCKED));
    qtest_writel(qts, BANK1, CMD(0x50));
    qtest_writel(qts, BANK1, CMD(0x20));
    qtest_writel(qts, BANK1, CMD(0xd0));
    g_assert_cmphex(qtest_readl(qts, BANK1),
                    ==, CMD(SR_READY | SR_ERASE | SR_LOCKED));
    qtest_writel(qts, BANK1, CMD(0x50));
    g_assert_cmphex(qtest_readl(qts, BANK1 + 0x10), ==, 0xffffffff);

    /* Unlock, and the same program goes through. */
    qtest_writel(qts, BANK1, CMD(0x60));
    qtest_writel(qts, BANK1, CMD(0xd0));
    qtest_writel(qts, BANK1 + 0x10, CMD(0x40));
    qtest_writel(qts, BANK1 + 0x10, 0);
    g_assert_cmphex(qtest_readl(qts, BANK1), ==, CMD(SR_READY));
    qtest_writel(qts, BANK1, CMD(0xff));
    g_assert_cmphex(qtest_readl(qts, BANK1 + 0x10), ==, 0);

    /* Lock-down: unlock is ignored until reset, which unlocks all. */
    qtest_writel(qts, BANK1, CMD(0x60));
    qtest_writel(qts, BANK1, CMD(0x2f));
    qtest_writel(qts, BANK1, CMD(0x60));
    qtest_writel(qts, BANK1, CMD(0xd0));
    qtest_writel(qts, BANK1, CMD(0x90));
    g_assert_cmphex(qtest_readl(qts, BANK1 + 8), ==, 0x00030003);
    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    qtest_writel(qts, BANK1, CMD(0x90));
    g_assert_cmphex(qtest_readl(qts, BANK1 + 8), ==, 0);
    qtest_quit(qts);
    tmp_img_free(&t);
}

static void test_read_only(void)
{
    TmpImg t;
    QTestState *qts;

    tmp_img_new(&t, "code.img");
    qts = qtest_initf("-M virt -drive if=pflash,format=raw,unit=0,"
                      "readonly=on,file=%s", t.img);
    qtest_writel(qts, BANK0, CMD(0x20));
    qtest_writel(qts, BANK0, CMD(0xd0));
    g_assert_cmphex(qtest_readl(qts, BANK0), ==, CMD(SR_READY | SR_ERASE));
    qtest_writel(qts, BANK0 + 0x40, CMD(0x40));
    qtest_writel(qts, BANK0 + 0x40, 0);
    g_assert_cmphex(qtest_readl(qts, BANK0),
                    ==, CMD(SR_READY | SR_ERASE | SR_PROG));
    qtest_writel(qts, BANK0, CMD(0xff));
    g_assert_cmphex(qtest_readl(qts, BANK0 + 0x40), ==, 0xffffffff);
    qtest_quit(qts);
    g_assert_cmphex(file_word(t.img, 0x40), ==, 0xffffffff);
    tmp_img_free(&t);
}

static void test_bios(void)
{
    TmpImg t;
    QTestState *qts;
    g_autofree char *bios = NULL;
    static const uint8_t code[8] = { 0x01, 0x02, 0x03, 0x04,
                                     0xaa, 0xbb, 0xcc, 0xdd };
    GError *err = NULL;

    tmp_img_new(&t, "unused.img");
    bios = g_build_filename(t.dir, "bios.bin", NULL);
    g_assert_true(g_file_set_contents(bios, (const char *)code, sizeof(code),
                                      &err));
    qts = qtest_initf("-M virt -bios %s", bios);
    g_assert_cmphex(qtest_readq(qts, BANK0), ==, 0xddccbbaa04030201ULL);
    g_assert_cmphex(qtest_readl(qts, BANK0 + 8), ==, 0);
    /* The device tree goes to the start of RAM for firmware. */
    g_assert_cmphex(qtest_readl(qts, 0x40000000), ==, 0xedfe0dd0);
    /* The bank is still a flash: it answers a CFI query. */
    qtest_writel(qts, BANK0 + 0x55 * 4, CMD(0x98));
    g_assert_cmphex(qtest_readl(qts, BANK0 + 0x40), ==, 0x00510051);
    qtest_quit(qts);
    g_unlink(bios);
    tmp_img_free(&t);
}

/* Run plumb expecting failure; returns its stderr. */
static char *run_failing(const char *const *extra)
{
    GPtrArray *argv = g_ptr_array_new();
    char *err_out = NULL;
    int status = 0;

    g_ptr_array_add(argv, (char *)getenv("QTEST_QEMU_BINARY"));
    g_ptr_array_add(argv, (char *)"-M");
    g_ptr_array_add(argv, (char *)"virt");
    g_ptr_array_add(argv, (char *)"-accel");
    g_ptr_array_add(argv, (char *)"qtest");
    g_ptr_array_add(argv, (char *)"-display");
    g_ptr_array_add(argv, (char *)"none");
    for (; *extra; extra++) {
        g_ptr_array_add(argv, (char *)*extra);
    }
    g_ptr_array_add(argv, NULL);
    g_assert_true(g_spawn_sync(NULL, (char **)argv->pdata, NULL,
                               G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                               &err_out, &status, NULL));
    g_assert_false(g_spawn_check_wait_status(status, NULL));
    g_ptr_array_free(argv, true);
    return err_out;
}

static void test_refused(void)
{
    TmpImg t;
    g_autofree char *small = NULL;
    g_autofree char *d_small = NULL;
    g_autofree char *d_unit0 = NULL;
    g_autofree char *d_unit2 = NULL;
    char *e;

    tmp_img_new(&t, "vars.img");
    small = g_build_filename(t.dir, "small.img", NULL);
    g_assert_true(g_file_set_contents(small, "abcd", 4, NULL));

    d_small = g_strdup_printf("if=pflash,format=raw,file=%s", small);
    e = run_failing((const char *const[]){ "-drive", d_small, NULL });
    g_assert_nonnull(strstr(e, "device requires 67108864 bytes"));
    g_free(e);

    d_unit0 = g_strdup_printf("if=pflash,unit=0,file=%s", t.img);
    e = run_failing((const char *const[]){ "-bios", small, "-drive",
                                           d_unit0, NULL });
    g_assert_nonnull(strstr(e, "cannot use both"));
    g_free(e);

    d_unit2 = g_strdup_printf("if=pflash,unit=2,file=%s", t.img);
    e = run_failing((const char *const[]){ "-drive", d_unit2, NULL });
    g_assert_nonnull(strstr(e, "does not support if=pflash,bus=0,unit=2"));
    g_free(e);

    e = run_failing((const char *const[]){ "-drive", "if=pflash,format=qcow2,"
                                           "file=x.qcow2", NULL });
    g_assert_nonnull(strstr(e, "only raw"));
    g_free(e);

    e = run_failing((const char *const[]){ "-drive", "if=pflash,file=/nonexistent/f",
                                           NULL });
    g_assert_nonnull(strstr(e, "Could not open '/nonexistent/f'"));
    g_free(e);

    g_unlink(small);
    tmp_img_free(&t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    if (!strcmp(qtest_get_arch(), "aarch64")) {
        qtest_add_func("/pflash/cfi-query", test_cfi_query);
        qtest_add_func("/pflash/identifier-and-lock-status", test_identifier);
        qtest_add_func("/pflash/program-erase-file", test_program_erase_file);
        qtest_add_func("/pflash/bad-sequence-status", test_bad_sequence);
        qtest_add_func("/pflash/buffered-program", test_buffered_program);
        qtest_add_func("/pflash/lock-unlock-lockdown", test_lock);
        qtest_add_func("/pflash/read-only-drive", test_read_only);
        qtest_add_func("/pflash/bios-and-dtb", test_bios);
        qtest_add_func("/pflash/refused-options", test_refused);
    }
    return g_test_run();
}
