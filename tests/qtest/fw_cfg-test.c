/*
 * fw_cfg-test.c - the MMIO fw_cfg through qtest: the signature and ID
 * items streamed at every data width, the file directory, DMA reads into
 * guest RAM (select, read, skip, zero fill, error bit on bad addresses and
 * on writes), and each register refused at the widths it does not take.
 *
 * `-M none -m 16M` puts RAM at 0 for the DMA buffers; `x-file=` gives the
 * directory one file without a board.
 */
#include "util/osdep.h"
#include "libqtest.h"

#define BASE 0x09020000ULL
#define DATA (BASE + 0x00)
#define SEL  (BASE + 0x08)
#define DMA  (BASE + 0x10)

#define KEY_SIGNATURE 0x00
#define KEY_ID        0x01
#define KEY_FILE_DIR  0x19
#define KEY_FILE0     0x20

#define CTL_ERROR  0x01
#define CTL_READ   0x02
#define CTL_SKIP   0x04
#define CTL_SELECT 0x08
#define CTL_WRITE  0x10

#define DESC 0x1000ULL
#define BUF  0x2000ULL

#define FILE_NAME "opt/plumb/greeting"
#define FILE_TEXT "hello-from-fw_cfg"
#define ARGS "-M none -m 16M -device fw_cfg,addr=0x9020000,x-file=" \
             FILE_NAME ":" FILE_TEXT

/* The guest writes the selector big-endian, whatever its own byte order. */
static void select_item(QTestState *qts, uint16_t key)
{
    qtest_writew(qts, SEL, qtest_big_endian(qts) ? key
                                                 : GUINT16_SWAP_LE_BE(key));
}

/* A data read of @width bytes, stored as the guest would: memory order. */
static void data_read(QTestState *qts, unsigned width, uint8_t *out)
{
    uint64_t v;

    switch (width) {
    case 1: v = qtest_readb(qts, DATA); break;
    case 2: v = qtest_readw(qts, DATA); break;
    case 4: v = qtest_readl(qts, DATA); break;
    default: v = qtest_readq(qts, DATA); break;
    }
    for (unsigned i = 0; i < width; i++) {
        unsigned shift = qtest_big_endian(qts) ? 8 * (width - 1 - i) : 8 * i;

        out[i] = v >> shift;
    }
}

static void read_item(QTestState *qts, uint16_t key, uint8_t *out, size_t len)
{
    select_item(qts, key);
    for (size_t i = 0; i < len; i++) {
        data_read(qts, 1, out + i);
    }
}

static void test_signature_at_each_width(void)
{
    QTestState *qts = qtest_init(ARGS);
    uint8_t buf[8];

    for (unsigned width = 1; width <= 8; width *= 2) {
        memset(buf, 0xee, sizeof(buf));
        select_item(qts, KEY_SIGNATURE);
        for (unsigned off = 0; off < 4; off += width) {
            data_read(qts, width, buf + off);
        }
        g_assert_cmpmem(buf, 4, "QEMU", 4);
        if (width == 8) {
            /* Past the end of the item the stream reads zeros. */
            g_assert_cmpmem(buf + 4, 4, "\0\0\0\0", 4);
        }
    }
    qtest_quit(qts);
}

static void test_signature_selected_at_reset(void)
{
    QTestState *qts = qtest_init(ARGS);
    uint8_t buf[4];

    data_read(qts, 4, buf);
    g_assert_cmpmem(buf, 4, "QEMU", 4);
    qtest_quit(qts);
}

static void test_id_says_dma(void)
{
    QTestState *qts = qtest_init(ARGS);
    uint8_t id[4];

    read_item(qts, KEY_ID, id, 4);
    /* Little-endian u32: bit 0 traditional interface, bit 1 DMA. */
    g_assert_cmphex(id[0] | id[1] << 8 | id[2] << 16 | (uint32_t)id[3] << 24,
                    ==, 3);
    qtest_quit(qts);
}

static void test_file_directory(void)
{
    QTestState *qts = qtest_init(ARGS);
    uint8_t dir[4 + 64];
    uint8_t text[sizeof(FILE_TEXT) - 1 + 2];
    uint32_t count, size;
    uint16_t select;

    read_item(qts, KEY_FILE_DIR, dir, sizeof(dir));
    count = (uint32_t)dir[0] << 24 | dir[1] << 16 | dir[2] << 8 | dir[3];
    size = (uint32_t)dir[4] << 24 | dir[5] << 16 | dir[6] << 8 | dir[7];
    select = dir[8] << 8 | dir[9];
    g_assert_cmpuint(count, ==, 1);
    g_assert_cmpuint(size, ==, strlen(FILE_TEXT));
    g_assert_cmphex(select, ==, KEY_FILE0);
    g_assert_cmpuint(dir[10] | dir[11], ==, 0);
    g_assert_cmpstr((const char *)dir + 12, ==, FILE_NAME);

    read_item(qts, select, text, sizeof(text));
    g_assert_cmpmem(text, strlen(FILE_TEXT), FILE_TEXT, strlen(FILE_TEXT));
    g_assert_cmpuint(text[sizeof(text) - 2] | text[sizeof(text) - 1], ==, 0);
    qtest_quit(qts);
}

static void test_unknown_item_reads_zero(void)
{
    QTestState *qts = qtest_init(ARGS);
    uint8_t buf[4];

    read_item(qts, 0x1234, buf, 4);
    g_assert_cmpmem(buf, 4, "\0\0\0\0", 4);
    qtest_quit(qts);
}

/* ---- widths ---- */

static void test_selector_refused_widths(void)
{
    QTestState *qts = qtest_init(ARGS);
    uint8_t buf[4];

    select_item(qts, KEY_ID);
    /* Byte, word and quad writes never reach the selector. */
    qtest_writeb(qts, SEL, 0);
    qtest_writeb(qts, SEL + 1, 0);
    qtest_writel(qts, SEL, 0);
    qtest_writeq(qts, SEL, 0);
    data_read(qts, 4, buf);
    g_assert_cmpuint(buf[0], ==, 3);
    /* The selector is write-only: a 16-bit read answers 0, others refused. */
    g_assert_cmphex(qtest_readw(qts, SEL), ==, 0);
    g_assert_cmphex(qtest_readb(qts, SEL), ==, 0);
    g_assert_cmphex(qtest_readl(qts, SEL), ==, 0);
    /* ...and none of that moved the stream. */
    data_read(qts, 1, buf);
    g_assert_cmpuint(buf[0], ==, 0);
    select_item(qts, KEY_SIGNATURE);
    data_read(qts, 1, buf);
    g_assert_cmpuint(buf[0], ==, 'Q');
    qtest_quit(qts);
}

static void test_data_refused_off_start(void)
{
    QTestState *qts = qtest_init(ARGS);
    uint8_t buf[2];

    select_item(qts, KEY_SIGNATURE);
    /* Only offset 0 is the stream: reads elsewhere are refused (0). */
    g_assert_cmphex(qtest_readb(qts, DATA + 1), ==, 0);
    g_assert_cmphex(qtest_readw(qts, DATA + 2), ==, 0);
    g_assert_cmphex(qtest_readl(qts, DATA + 4), ==, 0);
    /* Writes are ignored (items are read-only). */
    qtest_writeb(qts, DATA, 'X');
    qtest_writeq(qts, DATA, 0);
    data_read(qts, 2, buf);
    g_assert_cmpmem(buf, 2, "QE", 2);
    qtest_quit(qts);
}

static void test_dma_register_signature_and_widths(void)
{
    QTestState *qts = qtest_init(ARGS);
    uint64_t v = qtest_readq(qts, DMA);
    uint32_t hi = qtest_readl(qts, DMA), lo = qtest_readl(qts, DMA + 4);

    if (!qtest_big_endian(qts)) {
        v = GUINT64_SWAP_LE_BE(v);
        hi = GUINT32_SWAP_LE_BE(hi);
        lo = GUINT32_SWAP_LE_BE(lo);
    }
    g_assert_cmphex(v, ==, 0x51454d5520434647ULL);   /* "QEMU CFG" */
    g_assert_cmphex(hi, ==, 0x51454d55);
    g_assert_cmphex(lo, ==, 0x20434647);
    g_assert_cmphex(qtest_readb(qts, DMA), ==, 0);
    g_assert_cmphex(qtest_readw(qts, DMA), ==, 0);
    g_assert_cmphex(qtest_readl(qts, DMA + 2), ==, 0);
    qtest_quit(qts);
}

/* ---- DMA ---- */

static void put_desc(QTestState *qts, uint32_t control, uint32_t len,
                     uint64_t addr)
{
    uint8_t d[16];

    for (int i = 0; i < 4; i++) {
        d[i] = control >> (24 - 8 * i);
        d[4 + i] = len >> (24 - 8 * i);
    }
    for (int i = 0; i < 8; i++) {
        d[8 + i] = addr >> (56 - 8 * i);
    }
    qtest_memwrite(qts, DESC, d, sizeof(d));
}

static uint32_t get_control(QTestState *qts)
{
    uint8_t c[4];

    qtest_memread(qts, DESC, c, 4);
    return (uint32_t)c[0] << 24 | c[1] << 16 | c[2] << 8 | c[3];
}

static void dma_kick(QTestState *qts, uint64_t desc)
{
    qtest_writeq(qts, DMA, qtest_big_endian(qts) ? desc
                                                 : GUINT64_SWAP_LE_BE(desc));
}

/* The two-halves form: high word first, the low word starts it. */
static void dma_kick_halves(QTestState *qts, uint64_t desc)
{
    uint32_t hi = desc >> 32, lo = desc;

    if (!qtest_big_endian(qts)) {
        hi = GUINT32_SWAP_LE_BE(hi);
        lo = GUINT32_SWAP_LE_BE(lo);
    }
    qtest_writel(qts, DMA, hi);
    qtest_writel(qts, DMA + 4, lo);
}

static void test_dma_read_file(void)
{
    QTestState *qts = qtest_init(ARGS);
    size_t n = strlen(FILE_TEXT);
    uint8_t buf[64];

    qtest_memset(qts, BUF, 0xaa, sizeof(buf));
    put_desc(qts, KEY_FILE0 << 16 | CTL_SELECT | CTL_READ, n, BUF);
    dma_kick(qts, DESC);
    g_assert_cmphex(get_control(qts), ==, 0);
    qtest_memread(qts, BUF, buf, sizeof(buf));
    g_assert_cmpmem(buf, n, FILE_TEXT, n);
    g_assert_cmphex(buf[n], ==, 0xaa);          /* nothing past the length */

    /* Without SELECT it continues where it stopped: at the end, zeros. */
    put_desc(qts, CTL_READ, 4, BUF);
    dma_kick_halves(qts, DESC);
    g_assert_cmphex(get_control(qts), ==, 0);
    qtest_memread(qts, BUF, buf, 4);
    g_assert_cmpmem(buf, 4, "\0\0\0\0", 4);
    qtest_quit(qts);
}

static void test_dma_skip_then_read(void)
{
    QTestState *qts = qtest_init(ARGS);
    uint8_t buf[8];

    put_desc(qts, KEY_FILE0 << 16 | CTL_SELECT | CTL_SKIP, 6, 0);
    dma_kick(qts, DESC);
    g_assert_cmphex(get_control(qts), ==, 0);
    put_desc(qts, CTL_READ, 4, BUF);
    dma_kick(qts, DESC);
    g_assert_cmphex(get_control(qts), ==, 0);
    qtest_memread(qts, BUF, buf, 4);
    g_assert_cmpmem(buf, 4, FILE_TEXT + 6, 4);
    /* The data register follows the same offset. */
    data_read(qts, 2, buf);
    g_assert_cmpmem(buf, 2, FILE_TEXT + 10, 2);
    qtest_quit(qts);
}

static void test_dma_errors_set_error_bit(void)
{
    QTestState *qts = qtest_init(ARGS);
    uint8_t buf[4];

    /* A buffer where nothing is mapped. */
    put_desc(qts, KEY_SIGNATURE << 16 | CTL_SELECT | CTL_READ, 4,
             0x40000000ULL);
    dma_kick(qts, DESC);
    g_assert_cmphex(get_control(qts), ==, CTL_ERROR);
    /* A buffer on the device's own registers (re-entrancy guard). */
    put_desc(qts, KEY_SIGNATURE << 16 | CTL_SELECT | CTL_READ, 4, BASE);
    dma_kick(qts, DESC);
    g_assert_cmphex(get_control(qts), ==, CTL_ERROR);
    /* A zero fill that runs off the end of RAM. */
    put_desc(qts, KEY_SIGNATURE << 16 | CTL_SELECT | CTL_READ, 0xffffffffu, BUF);
    dma_kick(qts, DESC);
    g_assert_cmphex(get_control(qts), ==, CTL_ERROR);
    /* Items are read-only. */
    put_desc(qts, KEY_FILE0 << 16 | CTL_SELECT | CTL_WRITE, 4, BUF);
    dma_kick(qts, DESC);
    g_assert_cmphex(get_control(qts), ==, CTL_ERROR);
    /* A descriptor where nothing is mapped: logged, nothing else. */
    dma_kick(qts, 0x50000000ULL);
    /* The device still works. */
    read_item(qts, KEY_SIGNATURE, buf, 4);
    g_assert_cmpmem(buf, 4, "QEMU", 4);
    qtest_quit(qts);
}

static void test_dma_refused_widths_do_not_start(void)
{
    QTestState *qts = qtest_init(ARGS);

    put_desc(qts, KEY_FILE0 << 16 | CTL_SELECT | CTL_READ, 4, BUF);
    qtest_memset(qts, BUF, 0xaa, 4);
    /* Byte and halfword writes of the low address bytes are refused. */
    qtest_writeb(qts, DMA + 7, (uint8_t)DESC);
    qtest_writew(qts, DMA + 6, qtest_big_endian(qts) ? (uint16_t)DESC
                                 : GUINT16_SWAP_LE_BE((uint16_t)DESC));
    g_assert_cmphex(get_control(qts), ==, KEY_FILE0 << 16 | CTL_SELECT | CTL_READ);
    {
        uint8_t b;

        qtest_memread(qts, BUF, &b, 1);
        g_assert_cmphex(b, ==, 0xaa);
    }
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("/fw_cfg/signature-at-each-width",
                   test_signature_at_each_width);
    qtest_add_func("/fw_cfg/signature-selected-at-reset",
                   test_signature_selected_at_reset);
    qtest_add_func("/fw_cfg/id-says-dma", test_id_says_dma);
    qtest_add_func("/fw_cfg/file-directory", test_file_directory);
    qtest_add_func("/fw_cfg/unknown-item-reads-zero",
                   test_unknown_item_reads_zero);
    qtest_add_func("/fw_cfg/selector-refused-widths",
                   test_selector_refused_widths);
    qtest_add_func("/fw_cfg/data-refused-off-start",
                   test_data_refused_off_start);
    qtest_add_func("/fw_cfg/dma-register-signature-and-widths",
                   test_dma_register_signature_and_widths);
    qtest_add_func("/fw_cfg/dma-read-file", test_dma_read_file);
    qtest_add_func("/fw_cfg/dma-skip-then-read", test_dma_skip_then_read);
    qtest_add_func("/fw_cfg/dma-errors-set-error-bit",
                   test_dma_errors_set_error_bit);
    qtest_add_func("/fw_cfg/dma-refused-widths-do-not-start",
                   test_dma_refused_widths_do_not_start);
    return g_test_run();
}
