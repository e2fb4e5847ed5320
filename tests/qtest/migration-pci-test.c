/*
 * migration-pci-test.c - PCI state across a migration between two plumb
 * processes (-M virt under qtest): the source's functions are programmed
 * through ECAM and their BARs, the source migrates to a destination
 * started with -incoming, and the destination must show the same config
 * space, answer at the same BARs (also behind a pcie-root-port, through
 * its window), keep the MSI-X table, masks and a pending PBA bit (sent
 * when the vector is unmasked there), the INTx level in the GIC (and drop
 * it when the device lowers it), and the virtio-pci transport's queue
 * setup. Also: a machine with a device that has no migration support is
 * refused with a QMP error and keeps running; a destination whose device
 * is not the source's, or that has a device the stream has no state for,
 * fails the load and exits 1.
 */
#include "util/osdep.h"
#include "libqtest.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#define ECAM            0x4010000000ULL
#define GICD            0x08000000ULL
#define RAM             0x40000000ULL

/* Functions: virtio-blk-pci 00:01.0, edu 00:02.0, root port 00:03.0,
 * pci-testdev 01:00.0 behind it. */
#define VBLK            PCI_DEVFN_(0, 1)
#define EDU             PCI_DEVFN_(0, 2)
#define RPORT           PCI_DEVFN_(0, 3)
#define TESTDEV         PCI_DEVFN_(1, 0)
#define PCI_DEVFN_(bus, slot) ((bus) << 8 | (slot) << 3)

#define VBLK_MSIX_BAR   0x10000000ULL   /* BAR1: table 0, PBA 0x800 (QEMU) */
#define VBLK_BAR4       0x10100000ULL   /* common cfg 0, notify 0x3000 */
#define EDU_BAR0        0x10200000ULL
#define TESTDEV_BAR0    0x10400000ULL   /* inside the root port's window */

#define EDU_INTID       (32 + 3 + 2)    /* slot 2 INTA: SPI 3 + (2 + 0) % 4 */
#define MSI_TARGET      (RAM + 0x200000)
#define VQ_DESC         (RAM + 0x300000)

static uint64_t cfg_addr(int bdf, int off)
{
    return ECAM + ((uint64_t)bdf << 12) + off;
}

static uint32_t cfg_readl(QTestState *q, int bdf, int off)
{
    return qtest_readl(q, cfg_addr(bdf, off));
}

static void cfg_writel(QTestState *q, int bdf, int off, uint32_t v)
{
    qtest_writel(q, cfg_addr(bdf, off), v);
}

static void cfg_writew(QTestState *q, int bdf, int off, uint16_t v)
{
    qtest_writew(q, cfg_addr(bdf, off), v);
}

static void cfg_writeb(QTestState *q, int bdf, int off, uint8_t v)
{
    qtest_writeb(q, cfg_addr(bdf, off), v);
}

/* Offset of the capability @id, walking the list as a driver would. */
static int find_cap(QTestState *q, int bdf, int id)
{
    int pos = qtest_readb(q, cfg_addr(bdf, 0x34));

    for (int hops = 0; pos && hops < 48; hops++) {
        if (qtest_readb(q, cfg_addr(bdf, pos)) == id) {
            return pos;
        }
        pos = qtest_readb(q, cfg_addr(bdf, pos + 1));
    }
    return 0;
}

static bool spi_pending(QTestState *q, int intid)
{
    return (qtest_readl(q, GICD + 0x200 + intid / 32 * 4) >> (intid % 32)) & 1;
}

static const char *machine_args =
    "-M virt -m 256M -nodefaults "
    "-device virtio-blk-pci,addr=1,drive=%s "
    "-device edu,addr=2 "
    "-device pcie-root-port,id=rp0,chassis=1,addr=3 "
    "-device pci-testdev,bus=rp0,addr=0";

/* What a driver would set up on the source. */
static void program_source(QTestState *q)
{
    int msix, msi;

    /* virtio-blk-pci: BARs, bus mastering, MSI-X with vector 0 masked. */
    cfg_writel(q, VBLK, 0x14, VBLK_MSIX_BAR);
    cfg_writel(q, VBLK, 0x20, VBLK_BAR4 | 0xc);
    cfg_writel(q, VBLK, 0x24, 0);
    cfg_writew(q, VBLK, 0x04, 0x6);
    msix = find_cap(q, VBLK, 0x11);
    g_assert(msix);
    cfg_writew(q, VBLK, msix + 2, 0x8000);
    qtest_writel(q, VBLK_MSIX_BAR + 0x00, (uint32_t)MSI_TARGET);
    qtest_writel(q, VBLK_MSIX_BAR + 0x04, 0);
    qtest_writel(q, VBLK_MSIX_BAR + 0x08, 0x1234);
    qtest_writel(q, VBLK_MSIX_BAR + 0x0c, 1);
    qtest_writel(q, VBLK_MSIX_BAR + 0x10, (uint32_t)MSI_TARGET + 0x100);
    qtest_writel(q, VBLK_MSIX_BAR + 0x14, 0);
    qtest_writel(q, VBLK_MSIX_BAR + 0x18, 0x5678);
    qtest_writel(q, VBLK_MSIX_BAR + 0x1c, 0);
    /* Transport: config vector 0, queue 0 on vector 1 at VQ_DESC. */
    qtest_writeb(q, VBLK_BAR4 + 0x14, 0x3);
    qtest_writew(q, VBLK_BAR4 + 0x10, 0);
    qtest_writew(q, VBLK_BAR4 + 0x16, 0);
    qtest_writew(q, VBLK_BAR4 + 0x1a, 1);
    qtest_writel(q, VBLK_BAR4 + 0x20, (uint32_t)VQ_DESC);
    qtest_writel(q, VBLK_BAR4 + 0x28, (uint32_t)VQ_DESC + 0x1000);
    qtest_writel(q, VBLK_BAR4 + 0x30, (uint32_t)VQ_DESC + 0x2000);
    qtest_writew(q, VBLK_BAR4 + 0x1c, 1);
    g_assert_cmpuint(qtest_readw(q, VBLK_BAR4 + 0x1a), ==, 1);
    /*
     * An avail index far past the queue size breaks the device: it sets
     * NEEDS_RESET and raises the config vector, masked, so its PBA bit.
     */
    qtest_writew(q, VQ_DESC + 0x1000 + 2, 0x200);
    qtest_writew(q, VBLK_BAR4 + 0x3000, 0);
    g_assert_cmphex(qtest_readl(q, VBLK_MSIX_BAR + 0x800), ==, 1);
    g_assert_cmphex(qtest_readb(q, VBLK_BAR4 + 0x14) & 0x40, ==, 0x40);
    g_assert_cmphex(qtest_readl(q, MSI_TARGET), ==, 0);

    /* edu: BAR0, a factorial, INTA raised; MSI programmed, not enabled. */
    cfg_writel(q, EDU, 0x10, EDU_BAR0);
    cfg_writew(q, EDU, 0x04, 0x2);
    msi = find_cap(q, EDU, 0x05);
    g_assert(msi);
    cfg_writel(q, EDU, msi + 4, 0x08020040);
    cfg_writew(q, EDU, msi + 12, 0x55);
    qtest_writel(q, EDU_BAR0 + 0x08, 5);
    qtest_writel(q, EDU_BAR0 + 0x04, 0x12345678);
    qtest_writel(q, EDU_BAR0 + 0x60, 1);
    g_assert(spi_pending(q, EDU_INTID));

    /* Root port: bus 1 behind it, a memory window for the test device. */
    cfg_writeb(q, RPORT, 0x19, 1);
    cfg_writeb(q, RPORT, 0x1a, 1);
    cfg_writew(q, RPORT, 0x20, TESTDEV_BAR0 >> 16);
    cfg_writew(q, RPORT, 0x22, TESTDEV_BAR0 >> 16);
    cfg_writew(q, RPORT, 0x04, 0x6);
    cfg_writel(q, TESTDEV, 0x10, TESTDEV_BAR0);
    cfg_writew(q, TESTDEV, 0x04, 0x2);
    qtest_writeb(q, TESTDEV_BAR0, 0);           /* select mmio test 0 */
    for (int i = 0; i < 3; i++) {
        qtest_writeb(q, TESTDEV_BAR0 + 0x800, 0xfa);
    }
    g_assert_cmpuint(qtest_readl(q, TESTDEV_BAR0 + 12), ==, 3);
}

static void read_config(QTestState *q, int bdf, uint32_t *buf, int size)
{
    for (int off = 0; off < size; off += 4) {
        buf[off / 4] = cfg_readl(q, bdf, off);
    }
}

static char *make_disk(void)
{
    char *path = g_strdup("/tmp/plumb-migpci-XXXXXX");
    int fd = mkstemp(path);

    g_assert(fd >= 0);
    g_assert(ftruncate(fd, 1 << 20) == 0);
    close(fd);
    return path;
}

static QTestState *start_destination(const char *args, const char *sock)
{
    return qtest_initf("%s -incoming unix:%s", args, sock);
}

/* QMP migrate from @src to @sock; the source stops (postmigrate). */
static void migrate(QTestState *src, const char *sock)
{
    JsonObject *r = qtest_qmp(src, "{'execute': 'migrate', 'arguments': "
                              "{'uri': 'unix:%s'}}", sock);

    g_assert(json_object_has_member(r, "return"));
    json_object_unref(r);
    r = qtest_qmp(src, "{'execute': 'query-migrate'}");
    g_assert_cmpstr(qdict_get_str_path(r, "return.status"), ==, "completed");
    json_object_unref(r);
}

static void wait_running(QTestState *q)
{
    for (int i = 0; i < 200; i++) {
        JsonObject *r = qtest_qmp(q, "{'execute': 'query-status'}");
        bool running = !g_strcmp0(qdict_get_str_path(r, "return.status"),
                                  "running");

        json_object_unref(r);
        if (running) {
            return;
        }
        g_usleep(50 * 1000);
    }
    g_assert_not_reached();
}

static void test_pci_round_trip(void)
{
    static const struct { int bdf, size; } fns[] = {
        { 0, 4096 }, { VBLK, 4096 }, { EDU, 4096 }, { RPORT, 4096 },
        { TESTDEV, 4096 },
    };
    char *disk = make_disk();
    char *args = g_strdup_printf(machine_args, disk);
    char *dir = g_dir_make_tmp("plumb-migpci-XXXXXX", NULL);
    char *sock = g_strdup_printf("%s/mig.sock", dir);
    uint32_t before[G_N_ELEMENTS(fns)][1024], after[1024];
    uint32_t table[8], pba;
    QTestState *src, *dst;
    int msix;

    src = qtest_init(args);
    program_source(src);
    for (size_t i = 0; i < G_N_ELEMENTS(fns); i++) {
        read_config(src, fns[i].bdf, before[i], fns[i].size);
    }
    for (int i = 0; i < 8; i++) {
        table[i] = qtest_readl(src, VBLK_MSIX_BAR + 4 * i);
    }
    pba = qtest_readl(src, VBLK_MSIX_BAR + 0x800);

    dst = start_destination(args, sock);
    migrate(src, sock);
    wait_running(dst);

    /* Config space: every byte of every function, bridges included. */
    for (size_t i = 0; i < G_N_ELEMENTS(fns); i++) {
        read_config(dst, fns[i].bdf, after, fns[i].size);
        for (int w = 0; w < fns[i].size / 4; w++) {
            if (after[w] != before[i][w]) {
                g_error("function %04x: config 0x%03x is 0x%08x, was 0x%08x",
                        fns[i].bdf, 4 * w, after[w], before[i][w]);
            }
        }
    }
    /* MSI-X: table (addresses, data, masks) and the pending bit. */
    for (int i = 0; i < 8; i++) {
        g_assert_cmphex(qtest_readl(dst, VBLK_MSIX_BAR + 4 * i), ==, table[i]);
    }
    g_assert_cmphex(qtest_readl(dst, VBLK_MSIX_BAR + 0x800), ==, pba);
    /* The transport: queue 0's vector and rings, config vector, status. */
    g_assert_cmpuint(qtest_readw(dst, VBLK_BAR4 + 0x16), ==, 0);
    g_assert_cmpuint(qtest_readw(dst, VBLK_BAR4 + 0x1a), ==, 1);
    g_assert_cmpuint(qtest_readw(dst, VBLK_BAR4 + 0x10), ==, 0);
    g_assert_cmphex(qtest_readl(dst, VBLK_BAR4 + 0x20), ==, (uint32_t)VQ_DESC);
    g_assert_cmphex(qtest_readl(dst, VBLK_BAR4 + 0x30), ==,
                    (uint32_t)VQ_DESC + 0x2000);
    g_assert_cmpuint(qtest_readw(dst, VBLK_BAR4 + 0x1c), ==, 1);
    g_assert_cmphex(qtest_readb(dst, VBLK_BAR4 + 0x14), ==, 0x43);
    /* BARs answer where the guest put them, also behind the bridge. */
    g_assert_cmphex(qtest_readl(dst, EDU_BAR0), ==, 0x010000ed);
    g_assert_cmphex(qtest_readl(dst, EDU_BAR0 + 0x08), ==, 120);
    g_assert_cmphex(qtest_readl(dst, EDU_BAR0 + 0x04), ==, ~0x12345678u);
    g_assert_cmpuint(qtest_readl(dst, TESTDEV_BAR0 + 12), ==, 3);
    qtest_writeb(dst, TESTDEV_BAR0 + 0x800, 0xfa);
    g_assert_cmpuint(qtest_readl(dst, TESTDEV_BAR0 + 12), ==, 4);

    /* INTx: still asserted, and lowering it drops the line there. */
    g_assert(spi_pending(dst, EDU_INTID));
    qtest_writel(dst, EDU_BAR0 + 0x64, 1);
    g_assert(!spi_pending(dst, EDU_INTID));

    /* Unmasking the pending vector sends its message (to RAM here). */
    msix = find_cap(dst, VBLK, 0x11);
    g_assert(msix);
    g_assert_cmphex(qtest_readl(dst, MSI_TARGET), ==, 0);
    qtest_writel(dst, VBLK_MSIX_BAR + 0x0c, 0);
    g_assert_cmphex(qtest_readl(dst, MSI_TARGET), ==, 0x1234);
    g_assert_cmphex(qtest_readl(dst, VBLK_MSIX_BAR + 0x800), ==, 0);

    qtest_quit(dst);
    qtest_quit(src);
    unlink(disk);
    rmdir(dir);
    g_free(sock);
    g_free(dir);
    g_free(args);
    g_free(disk);
}

/*
 * Every virtio device type over virtio-pci, behind a root port too, and
 * over virtio-mmio: the machine migrates and the destination runs (each
 * type's table loads what the source's saved).
 */
static void test_virtio_types(void)
{
    char *disk = make_disk();
    char *dir = g_dir_make_tmp("plumb-migpci-XXXXXX", NULL);
    char *sock = g_strdup_printf("%s/mig.sock", dir);
    char *args = g_strdup_printf(
        "-M virt,gic-version=3 -nodefaults -netdev user,id=n0 "
        "-device virtio-net-pci,netdev=n0 -device virtio-rng-pci "
        "-device pcie-root-port,id=rp0,chassis=1 "
        "-device virtio-serial-pci,bus=rp0 -chardev null,id=c0 "
        "-device virtconsole,chardev=c0 -device virtio-blk-device,drive=%s",
        disk);
    QTestState *src = qtest_init(args), *dst = start_destination(args, sock);
    JsonObject *r;

    migrate(src, sock);
    wait_running(dst);
    r = qtest_qmp(src, "{'execute': 'query-status'}");
    g_assert_cmpstr(qdict_get_str_path(r, "return.status"), ==, "postmigrate");
    json_object_unref(r);
    qtest_quit(dst);
    qtest_quit(src);
    unlink(disk);
    rmdir(dir);
    g_free(args);
    g_free(sock);
    g_free(dir);
    g_free(disk);
}

/* A device with no migration support: QMP error, the VM goes on. */
static void test_refused(void)
{
    QTestState *q = qtest_init("-M virt -nodefaults -device edu "
                               "-device mmio-testdev,addr=0x0a100000,id=td0");
    JsonObject *r;
    const char *desc;

    r = qtest_qmp(q, "{'execute': 'migrate', 'arguments': "
                  "{'uri': 'unix:/nonexistent/plumb-mig.sock'}}");
    desc = qdict_get_str_path(r, "error.desc");
    g_assert(desc);
    g_assert(strstr(desc, "non-migratable device 'td0' (mmio-testdev)"));
    g_assert(!strstr(desc, "edu"));
    json_object_unref(r);
    r = qtest_qmp(q, "{'execute': 'query-status'}");
    g_assert_cmpstr(qdict_get_str_path(r, "return.status"), ==, "running");
    json_object_unref(r);
    r = qtest_qmp(q, "{'execute': 'query-migrate'}");
    g_assert(!qdict_get_str_path(r, "return.status"));
    json_object_unref(r);
    /* The device still works. */
    qtest_writel(q, 0x0a100000, 0x5a5a5a5a);
    g_assert_cmphex(qtest_readl(q, 0x0a100000), ==, 0x5a5a5a5a);
    qtest_quit(q);
}

/* The destination's function is another device: the load fails, exit 1. */
static void test_wrong_device(void)
{
    char *dir = g_dir_make_tmp("plumb-migpci-XXXXXX", NULL);
    char *sock = g_strdup_printf("%s/mig.sock", dir);
    char *err = g_strdup_printf("%s/dst.err", dir);
    char *dargs = g_strdup_printf("-M virt -nodefaults -device pci-testdev,addr=2 "
                                  "-incoming unix:%s", sock);
    QTestState *src = qtest_init("-M virt -nodefaults -device edu,addr=2");
    QTestState *dst = qtest_init_full(dargs, true, err);
    g_autofree char *log = NULL;
    JsonObject *r;
    int status;

    cfg_writel(src, EDU, 0x10, EDU_BAR0);
    cfg_writew(src, EDU, 0x04, 0x2);
    r = qtest_qmp(src, "{'execute': 'migrate', 'arguments': "
                  "{'uri': 'unix:%s'}}", sock);
    json_object_unref(r);
    status = qtest_wait_exit(dst, 10000);
    g_assert(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 1);
    g_assert(g_file_get_contents(err, &log, NULL, NULL));
    g_assert(strstr(log, "load of migration failed"));
    qtest_quit(dst);
    qtest_quit(src);
    unlink(err);
    rmdir(dir);
    g_free(dargs);
    g_free(err);
    g_free(sock);
    g_free(dir);
}

/* The destination has a device whose state the stream lacks: exit 1. */
static void test_missing_device(void)
{
    char *dir = g_dir_make_tmp("plumb-migpci-XXXXXX", NULL);
    char *sock = g_strdup_printf("%s/mig.sock", dir);
    char *err = g_strdup_printf("%s/dst.err", dir);
    char *dargs = g_strdup_printf("-M virt -nodefaults -device edu,addr=2 "
                                  "-device edu,addr=3,id=extra "
                                  "-incoming unix:%s", sock);
    QTestState *src = qtest_init("-M virt -nodefaults -device edu,addr=2");
    QTestState *dst = qtest_init_full(dargs, true, err);
    g_autofree char *log = NULL;
    JsonObject *r;
    int status;

    r = qtest_qmp(src, "{'execute': 'migrate', 'arguments': "
                  "{'uri': 'unix:%s'}}", sock);
    json_object_unref(r);
    status = qtest_wait_exit(dst, 10000);
    g_assert(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 1);
    g_assert(g_file_get_contents(err, &log, NULL, NULL));
    g_assert(strstr(log, "the stream has no state for"));
    g_assert(strstr(log, "/machine/peripheral/extra"));
    qtest_quit(dst);
    qtest_quit(src);
    unlink(err);
    rmdir(dir);
    g_free(dargs);
    g_free(err);
    g_free(sock);
    g_free(dir);
}

/* A TCP port that was free a moment ago (bind to port 0, read it back). */
static int free_tcp_port(void)
{
    struct sockaddr_in sin = { .sin_family = AF_INET,
                               .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof(sin);
    int fd = socket(AF_INET, SOCK_STREAM, 0), port;

    g_assert(fd >= 0);
    g_assert(bind(fd, (struct sockaddr *)&sin, sizeof(sin)) == 0);
    g_assert(getsockname(fd, (struct sockaddr *)&sin, &len) == 0);
    port = ntohs(sin.sin_port);
    close(fd);
    return port;
}

/* tcp:HOST:PORT works as unix: does: RAM and a PCI function arrive. */
static void test_tcp(void)
{
    const char *args = "-M virt -nodefaults -device edu,addr=2";
    int port = free_tcp_port();
    QTestState *src = qtest_init(args), *dst;
    JsonObject *r;

    qtest_writel(src, 0x40001000, 0xfeedc0de);
    cfg_writel(src, EDU, 0x10, 0x10100000);
    dst = qtest_initf("%s -incoming tcp:127.0.0.1:%d", args, port);
    r = qtest_qmp(src, "{'execute': 'migrate', 'arguments': "
                  "{'uri': 'tcp:127.0.0.1:%d'}}", port);
    g_assert(json_object_has_member(r, "return"));
    json_object_unref(r);
    wait_running(dst);
    g_assert_cmphex(qtest_readl(dst, 0x40001000), ==, 0xfeedc0de);
    g_assert_cmphex(cfg_readl(dst, EDU, 0x10), ==, 0x10100000);
    qtest_quit(src);
    qtest_quit(dst);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("migration/pci/round-trip", test_pci_round_trip);
    qtest_add_func("migration/virtio/types", test_virtio_types);
    qtest_add_func("migration/refused", test_refused);
    qtest_add_func("migration/pci/wrong-device", test_wrong_device);
    qtest_add_func("migration/missing-device", test_missing_device);
    qtest_add_func("migration/tcp", test_tcp);
    return g_test_run();
}
