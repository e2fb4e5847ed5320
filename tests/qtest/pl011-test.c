/*
 * pl011-test.c - the virt board's PL011 through qtest (-M virt -accel
 * qtest, no CPU runs): ID registers, flags, registers at the widths the
 * UART takes (1, 2, 4 at a register's start) and the 8-byte accesses it
 * refuses, transmit to a file chardev, and receive through a socket
 * chardev with the RX interrupt intercepted.
 */
#include "util/osdep.h"
#include "libqtest.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

#define BASE    0x09000000ULL
#define DR      (BASE + 0x000)
#define FR      (BASE + 0x018)
#define IBRD    (BASE + 0x024)
#define LCR_H   (BASE + 0x02c)
#define IMSC    (BASE + 0x038)
#define RIS     (BASE + 0x03c)
#define MIS     (BASE + 0x040)
#define ICR     (BASE + 0x044)
#define ID0     (BASE + 0xfe0)

#define FR_RXFE (1u << 4)
#define FR_TXFE (1u << 7)
#define INT_RX  (1u << 4)
#define INT_TX  (1u << 5)

/* The test's own socket: plumb's chardev connects to it as a client. */
typedef struct {
    char *dir;
    char *path;
    int listen_fd;
    int fd;
} Sock;

static void sock_listen(Sock *s)
{
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    GError *err = NULL;

    s->dir = g_dir_make_tmp("pl011-test-XXXXXX", &err);
    g_assert_no_error(err);
    s->path = g_build_filename(s->dir, "serial.sock", NULL);
    g_assert_cmpuint(strlen(s->path), <, sizeof(a.sun_path));
    strcpy(a.sun_path, s->path);
    s->listen_fd = socket(AF_UNIX, SOCK_STREAM, 0);
    g_assert_cmpint(s->listen_fd, >=, 0);
    g_assert_cmpint(bind(s->listen_fd, (struct sockaddr *)&a, sizeof(a)), ==, 0);
    g_assert_cmpint(listen(s->listen_fd, 1), ==, 0);
    s->fd = -1;
}

static void sock_accept(Sock *s)
{
    struct pollfd p = { .fd = s->listen_fd, .events = POLLIN };

    g_assert_cmpint(poll(&p, 1, 5000), ==, 1);
    s->fd = accept(s->listen_fd, NULL, NULL);
    g_assert_cmpint(s->fd, >=, 0);
}

static void sock_close(Sock *s)
{
    if (s->fd >= 0) {
        close(s->fd);
    }
    close(s->listen_fd);
    unlink(s->path);
    rmdir(s->dir);
    g_free(s->path);
    g_free(s->dir);
}

/* QEMU's virt has no name for its UART: find the pl011 child by type. */
static char *find_pl011(QTestState *qts)
{
    JsonObject *r = qtest_qmp(qts, "{'execute': 'qom-list', 'arguments': "
                                   "{'path': '/machine/unattached'}}");
    JsonArray *a;
    char *path = NULL;

    g_assert_true(json_object_has_member(r, "return"));
    a = json_object_get_array_member(r, "return");
    for (guint i = 0; i < json_array_get_length(a); i++) {
        JsonObject *o = json_array_get_object_element(a, i);

        if (!strcmp(json_object_get_string_member(o, "type"), "child<pl011>")) {
            g_assert_null(path);
            path = g_strdup_printf("/machine/unattached/%s",
                                   json_object_get_string_member(o, "name"));
        }
    }
    json_object_unref(r);
    g_assert_nonnull(path);
    return path;
}

static void test_id_registers(void)
{
    QTestState *qts = qtest_init("-M virt");
    static const uint8_t id[8] = { 0x11, 0x10, 0x14, 0x00,
                                   0x0d, 0xf0, 0x05, 0xb1 };

    for (int i = 0; i < 8; i++) {
        g_assert_cmphex(qtest_readl(qts, ID0 + 4 * i), ==, id[i]);
    }
    qtest_quit(qts);
}

static void test_flags_after_reset(void)
{
    QTestState *qts = qtest_init("-M virt");

    /* Nothing received, transmit FIFO empty, not busy. */
    g_assert_cmphex(qtest_readl(qts, FR), ==, FR_TXFE | FR_RXFE);
    g_assert_cmphex(qtest_readl(qts, IMSC), ==, 0);
    qtest_quit(qts);
}

static void test_widths(void)
{
    QTestState *qts = qtest_init("-M virt");

    qtest_writel(qts, IBRD, 0x1234);
    g_assert_cmphex(qtest_readl(qts, IBRD), ==, 0x1234);
    /* Byte and halfword at a register's start are real accesses... */
    g_assert_cmphex(qtest_readb(qts, IBRD), ==, 0x34);
    g_assert_cmphex(qtest_readw(qts, IBRD), ==, 0x1234);
    g_assert_cmphex(qtest_readb(qts, FR), ==, FR_TXFE | FR_RXFE);
    qtest_writew(qts, IBRD, 0x0042);
    g_assert_cmphex(qtest_readl(qts, IBRD), ==, 0x42);
    qtest_writeb(qts, IMSC, INT_RX);
    g_assert_cmphex(qtest_readl(qts, IMSC), ==, INT_RX);
    /* ...8 bytes are refused by the memory core: reads 0, writes dropped. */
    g_assert_cmphex(qtest_readq(qts, IBRD), ==, 0);
    g_assert_cmphex(qtest_readq(qts, IMSC), ==, 0);
    qtest_writeq(qts, IBRD, 0x7777);
    qtest_writeq(qts, IMSC, 0);
    g_assert_cmphex(qtest_readl(qts, IBRD), ==, 0x42);
    g_assert_cmphex(qtest_readl(qts, IMSC), ==, INT_RX);
    /* Inside a register (not its start) the UART ignores the access. */
    g_assert_cmphex(qtest_readb(qts, IBRD + 1), ==, 0);
    qtest_writeb(qts, IBRD + 1, 0x55);
    g_assert_cmphex(qtest_readl(qts, IBRD), ==, 0x42);
    qtest_quit(qts);
}

static void test_tx_to_file_chardev(void)
{
    char *dir = g_dir_make_tmp("pl011-test-XXXXXX", NULL);
    char *out = g_build_filename(dir, "out.txt", NULL);
    char *text = NULL;
    QTestState *qts;

    g_assert_nonnull(dir);
    qts = qtest_initf("-M virt -chardev file,id=c0,path=%s -serial chardev:c0",
                      out);
    qtest_writel(qts, DR, 'p');
    qtest_writeb(qts, DR, 'l');         /* strb, as bare-metal code does */
    qtest_writew(qts, DR, 'u');
    g_assert_cmphex(qtest_readl(qts, RIS) & INT_TX, ==, INT_TX);
    g_assert_cmphex(qtest_readl(qts, FR) & FR_TXFE, ==, FR_TXFE);
    qtest_writeq(qts, DR, 'X');         /* refused: never sent */
    qtest_quit(qts);
    g_assert_true(g_file_get_contents(out, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, "plu");
    g_free(text);
    unlink(out);
    rmdir(dir);
    g_free(out);
    g_free(dir);
}

/* Poll FR until RXFE clears: the byte crosses a socket and the main loop. */
static bool wait_rx(QTestState *qts)
{
    for (int i = 0; i < 500; i++) {
        if (!(qtest_readl(qts, FR) & FR_RXFE)) {
            return true;
        }
        g_usleep(10 * 1000);
    }
    return false;
}

static void test_rx_socket_and_interrupt(void)
{
    Sock s;
    QTestState *qts;
    char *path;

    sock_listen(&s);
    qts = qtest_initf("-M virt -chardev socket,id=c0,path=%s "
                      "-serial chardev:c0", s.path);
    sock_accept(&s);
    path = find_pl011(qts);
    qtest_irq_intercept_out_named(qts, path, "sysbus-irq");
    g_assert_false(qtest_get_irq(qts, 0));

    /* TX goes out through the same socket. */
    qtest_writel(qts, DR, 'T');
    {
        struct pollfd p = { .fd = s.fd, .events = POLLIN };
        char c = 0;

        g_assert_cmpint(poll(&p, 1, 5000), ==, 1);
        g_assert_cmpint(read(s.fd, &c, 1), ==, 1);
        g_assert_cmpint(c, ==, 'T');
    }
    qtest_writel(qts, ICR, INT_TX);

    /* RX with the interrupt masked: status only. */
    g_assert_cmpint(write(s.fd, "a", 1), ==, 1);
    g_assert_true(wait_rx(qts));
    g_assert_cmphex(qtest_readl(qts, RIS) & INT_RX, ==, INT_RX);
    g_assert_cmphex(qtest_readl(qts, MIS), ==, 0);
    g_assert_false(qtest_get_irq(qts, 0));
    /* Unmasking raises the line; reading DR drains and lowers it. */
    qtest_writel(qts, IMSC, INT_RX);
    g_assert_true(qtest_get_irq(qts, 0));
    g_assert_cmphex(qtest_readl(qts, DR) & 0xff, ==, 'a');
    g_assert_cmphex(qtest_readl(qts, FR) & FR_RXFE, ==, FR_RXFE);
    g_assert_false(qtest_get_irq(qts, 0));

    /* RX with the interrupt enabled raises it on arrival. */
    g_assert_cmpint(write(s.fd, "b", 1), ==, 1);
    g_assert_true(wait_rx(qts));
    g_assert_true(qtest_get_irq(qts, 0));
    g_assert_cmphex(qtest_readl(qts, MIS), ==, INT_RX);
    g_assert_cmphex(qtest_readb(qts, DR), ==, 'b');
    g_assert_false(qtest_get_irq(qts, 0));

    g_free(path);
    qtest_quit(qts);
    sock_close(&s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    /* The virt board and its UART are AArch64's. */
    if (!strcmp(qtest_get_arch(), "aarch64")) {
        qtest_add_func("/pl011/id-registers", test_id_registers);
        qtest_add_func("/pl011/flags-after-reset", test_flags_after_reset);
        qtest_add_func("/pl011/widths", test_widths);
        qtest_add_func("/pl011/tx-to-file-chardev", test_tx_to_file_chardev);
        qtest_add_func("/pl011/rx-socket-and-interrupt",
                       test_rx_socket_and_interrupt);
    }
    return g_test_run();
}
