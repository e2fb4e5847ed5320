/*
 * ram-device-testdev-test.c - the ram-device-testdev's log, driven over
 * qtest without a CPU: each width of access to the ram_device buffer is
 * logged once with its offset, size and value (aligned or not), bulk
 * accesses are split into pieces of at most 8 bytes that cover the range
 * exactly once, in order, and the log window (count, index, lost,
 * buffer size) behaves as hw/misc/ram-device-testdev.c documents. The
 * guest-side twin of this test is tests/guest/aarch64/widths.c.
 */
#include "util/osdep.h"
#include "libqtest.h"

#define BUF 0x10000000ULL
#define BUF_SIZE 0x2000ULL
#define WIN (BUF + BUF_SIZE)
#define ARGS "-M none -device ram-device-testdev,addr=0x10000000,size=0x2000"

#define W_COUNT 0x00
#define W_INDEX 0x08
#define W_OFFSET 0x10
#define W_INFO 0x18
#define W_VALUE 0x20
#define W_LOST 0x28
#define W_BUFSIZE 0x30

typedef struct {
    uint64_t off, size, write, value;
} Entry;

static uint64_t log_count(QTestState *qts)
{
    return qtest_readq(qts, WIN + W_COUNT);
}

static Entry log_entry(QTestState *qts, uint64_t i)
{
    Entry e;
    uint64_t info;

    qtest_writeq(qts, WIN + W_INDEX, i);
    info = qtest_readq(qts, WIN + W_INFO);
    e.off = qtest_readq(qts, WIN + W_OFFSET);
    e.size = info & 0xff;
    e.write = info >> 8;
    e.value = qtest_readq(qts, WIN + W_VALUE);
    return e;
}

static void log_clear(QTestState *qts)
{
    qtest_writeq(qts, WIN + W_COUNT, 0);
}

static void assert_one(QTestState *qts, uint64_t off, uint64_t size,
                       bool write, uint64_t value)
{
    uint64_t n = log_count(qts);
    Entry e;

    if (n != 1) {
        g_error("%s of %" PRIu64 " bytes at +0x%" PRIx64 ": the device saw %"
                PRIu64 " accesses, want 1", write ? "write" : "read", size,
                off, n);
    }
    e = log_entry(qts, 0);
    g_assert_cmphex(e.off, ==, off);
    g_assert_cmpuint(e.size, ==, size);
    g_assert_cmpuint(e.write, ==, write);
    g_assert_cmphex(e.value, ==, value);
    log_clear(qts);
}

static void test_each_width_once(void)
{
    QTestState *qts = qtest_init(ARGS);
    /* Aligned and misaligned offsets: ram_device takes both as they are. */
    static const uint64_t offs[] = { 0x100, 0x203, 0x1ff9 };

    g_assert_cmphex(qtest_readq(qts, WIN + W_BUFSIZE), ==, BUF_SIZE);
    log_clear(qts);
    for (unsigned k = 0; k < G_N_ELEMENTS(offs); k++) {
        uint64_t o = offs[k];

        qtest_writeb(qts, BUF + o, 0xa5);
        assert_one(qts, o, 1, true, 0xa5);
        qtest_writew(qts, BUF + o, 0xbeef);
        assert_one(qts, o, 2, true, 0xbeef);
        qtest_writel(qts, BUF + o, 0xdeadbeef);
        assert_one(qts, o, 4, true, 0xdeadbeef);
        if (o + 8 <= BUF_SIZE) {
            qtest_writeq(qts, BUF + o, 0x0123456789abcdefULL);
            assert_one(qts, o, 8, true, 0x0123456789abcdefULL);
            g_assert_cmphex(qtest_readq(qts, BUF + o), ==, 0x0123456789abcdefULL);
            assert_one(qts, o, 8, false, 0x0123456789abcdefULL);
        }
        /* Bytes ef cd ab 89 .. (quadword) or ef be ad de (word) at o. */
        g_assert_cmphex(qtest_readw(qts, BUF + o + 1), ==,
                        o + 8 <= BUF_SIZE ? 0xabcd : 0xadbe);
        assert_one(qts, o + 1, 2, false, o + 8 <= BUF_SIZE ? 0xabcd : 0xadbe);
        g_assert_cmphex(qtest_readb(qts, BUF + o), ==, 0xef);
        assert_one(qts, o, 1, false, 0xef);
    }
    qtest_quit(qts);
}

/*
 * Bulk accesses: pieces of 1, 2, 4 or 8 bytes, in address order, covering
 * the range exactly once. (Not necessarily naturally aligned: ram_device
 * accepts any alignment and physmem takes the widest piece that fits.)
 */
static void check_bulk(QTestState *qts, uint64_t off, size_t len, bool write)
{
    uint64_t n = log_count(qts), next = off;

    g_assert_cmpuint(n, >, 0);
    for (uint64_t i = 0; i < n; i++) {
        Entry e = log_entry(qts, i);

        g_assert_cmpuint(e.write, ==, write);
        g_assert_cmphex(e.off, ==, next);
        g_assert_true(e.size == 1 || e.size == 2 || e.size == 4 || e.size == 8);
        next += e.size;
    }
    g_assert_cmphex(next, ==, off + len);
    log_clear(qts);
}

static void test_bulk_pieces(void)
{
    QTestState *qts = qtest_init(ARGS);
    uint8_t out[37], in[37];

    for (unsigned i = 0; i < sizeof(out); i++) {
        out[i] = 0x30 + i;
    }
    log_clear(qts);
    qtest_memwrite(qts, BUF + 0x403, out, sizeof(out));
    check_bulk(qts, 0x403, sizeof(out), true);
    qtest_memread(qts, BUF + 0x403, in, sizeof(in));
    check_bulk(qts, 0x403, sizeof(in), false);
    g_assert_cmpmem(in, sizeof(in), out, sizeof(out));
    qtest_quit(qts);
}

static void test_log_window(void)
{
    QTestState *qts = qtest_init(ARGS);

    log_clear(qts);
    g_assert_cmpuint(log_count(qts), ==, 0);
    /* Window accesses are not logged; an index past the end reads 0. */
    qtest_writeq(qts, WIN + W_INDEX, 5);
    g_assert_cmphex(qtest_readq(qts, WIN + W_OFFSET), ==, 0);
    g_assert_cmphex(qtest_readq(qts, WIN + W_INFO), ==, 0);
    g_assert_cmpuint(log_count(qts), ==, 0);
    /* A full log counts what it drops; clearing resets both. */
    for (unsigned i = 0; i < 4096 + 3; i++) {
        qtest_writeb(qts, BUF + (i & 0xfff), i);
    }
    g_assert_cmpuint(log_count(qts), ==, 4096);
    g_assert_cmpuint(qtest_readq(qts, WIN + W_LOST), ==, 3);
    log_clear(qts);
    g_assert_cmpuint(log_count(qts), ==, 0);
    g_assert_cmpuint(qtest_readq(qts, WIN + W_LOST), ==, 0);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("/ram-device-testdev/each-width-once", test_each_width_once);
    qtest_add_func("/ram-device-testdev/bulk-pieces", test_bulk_pieces);
    qtest_add_func("/ram-device-testdev/log-window", test_log_window);
    return g_test_run();
}
