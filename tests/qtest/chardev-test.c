/*
 * chardev-test.c - chardev back ends and monitors as a user wires them on
 * the command line: sockets in both directions, files, stdio with the
 * mon: multiplexer, testdev and help, plus the "terminating on signal"
 * message outside qtest.
 */
#include "util/osdep.h"
#include "libqtest.h"

#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <termios.h>

typedef struct {
    GPid pid;
    int in, out, err;
} Child;

static const char *binary(void)
{
    return getenv("QTEST_QEMU_BINARY");
}

static void child_spawn(Child *c, const char *args)
{
    char *cmd = g_strdup_printf("exec %s %s", binary(), args);
    char *argv[] = { (char *)"/bin/sh", (char *)"-c", cmd, NULL };
    GError *err = NULL;

    g_spawn_async_with_pipes(NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                             NULL, NULL, &c->pid, &c->in, &c->out, &c->err,
                             &err);
    g_assert_no_error(err);
    g_free(cmd);
}

/* Read @fd until @needle appears; returns everything read. */
static char *read_until(int fd, const char *needle, int timeout_ms)
{
    GString *buf = g_string_new(NULL);

    while (!strstr(buf->str, needle)) {
        struct pollfd pfd = { .fd = fd, .events = POLLIN };
        char tmp[512];
        ssize_t n;

        if (poll(&pfd, 1, timeout_ms) <= 0) {
            g_error("timeout waiting for '%s'; got '%s'", needle, buf->str);
        }
        n = read(fd, tmp, sizeof(tmp));
        if (n <= 0) {
            g_error("EOF waiting for '%s'; got '%s'", needle, buf->str);
        }
        g_string_append_len(buf, tmp, n);
    }
    return g_string_free(buf, FALSE);
}

static char *read_all(int fd)
{
    GString *buf = g_string_new(NULL);
    char tmp[512];
    ssize_t n;

    while ((n = read(fd, tmp, sizeof(tmp))) > 0) {
        g_string_append_len(buf, tmp, n);
    }
    return g_string_free(buf, FALSE);
}

/* Wait for exit; returns the wait status or fails after @ms. */
static int child_wait(Child *c, int ms)
{
    for (int t = 0; t < ms; t += 10) {
        int st;

        if (waitpid(c->pid, &st, WNOHANG) == c->pid) {
            return st;
        }
        g_usleep(10 * 1000);
    }
    kill(c->pid, SIGKILL);
    g_error("%s did not exit within %d ms", binary(), ms);
    return -1;
}

static void child_close(Child *c)
{
    if (c->in >= 0) {
        close(c->in);
    }
    close(c->out);
    close(c->err);
    g_spawn_close_pid(c->pid);
}

static int connect_unix_retry(const char *path)
{
    struct sockaddr_un sun = { .sun_family = AF_UNIX };

    strcpy(sun.sun_path, path);
    for (int i = 0; i < 500; i++) {
        int fd = socket(AF_UNIX, SOCK_STREAM, 0);

        if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0) {
            return fd;
        }
        close(fd);
        g_usleep(10 * 1000);
    }
    g_error("cannot connect to %s", path);
    return -1;
}

static void test_chardev_help_lists_testdev(void)
{
    Child c;
    char *out;
    int st;

    child_spawn(&c, "-chardev help");
    close(c.in);
    c.in = -1;
    out = read_all(c.out);
    st = child_wait(&c, 10000);
    g_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    g_assert(strstr(out, "testdev"));
    g_assert(strstr(out, "socket"));
    g_assert(strstr(out, "stdio"));
    g_free(out);
    child_close(&c);
}

static void test_bad_chardev_is_an_error(void)
{
    Child c;
    char *err;
    int st;

    child_spawn(&c, "-M none -display none -nodefaults -chardev frob,id=x");
    err = read_all(c.err);
    st = child_wait(&c, 10000);
    g_assert(WIFEXITED(st) && WEXITSTATUS(st) != 0);
    g_assert(strstr(err, "'frob' is not a valid char driver name"));
    g_free(err);
    child_close(&c);

    child_spawn(&c, "-M none -display none -nodefaults "
                "-chardev null,id=x -chardev null,id=x");
    err = read_all(c.err);
    st = child_wait(&c, 10000);
    g_assert(WIFEXITED(st) && WEXITSTATUS(st) != 0);
    g_assert(strstr(err, "'x'"));
    g_free(err);
    child_close(&c);
}

static void test_testdev_and_null_accepted(void)
{
    QTestState *qts = qtest_init("-M none -chardev testdev,id=ctd "
                                 "-chardev null,id=n0 -chardev ringbuf,id=r0");
    char *out = qtest_hmp(qts, "info chardev");

    g_assert(strstr(out, "ctd: "));
    g_assert(strstr(out, "n0: "));
    g_assert(strstr(out, "r0: "));
    g_free(out);
    qtest_quit(qts);
}

static void test_file_chardev_monitor(void)
{
    char *path = g_strdup_printf("%s/chardev-test-%d.txt", g_get_tmp_dir(),
                                 getpid());
    QTestState *qts = qtest_initf("-M none -chardev file,id=f0,path=%s "
                                  "-mon chardev=f0,mode=readline", path);
    char *text = NULL;

    qtest_quit(qts);
    g_assert(g_file_get_contents(path, &text, NULL, NULL));
    g_assert(strstr(text, "QEMU 7.2.0 monitor - type 'help' for more information"));
    g_assert(strstr(text, "(qemu) "));
    g_free(text);
    unlink(path);
    g_free(path);
}

static void test_qmp_unix_server_nowait(void)
{
    char *dir = g_dir_make_tmp("chardev-XXXXXX", NULL);
    char *path = g_strdup_printf("%s/qmp2.sock", dir);
    /* Legacy flag spelling, as older scripts write it. */
    QTestState *qts = qtest_initf("-M none -qmp unix:%s,server,nowait", path);
    int fd = connect_unix_retry(path);
    char *out;
    const char *caps = "{\"execute\": \"qmp_capabilities\"}\n"
                       "{\"execute\": \"query-status\"}\n";

    out = read_until(fd, "\r\n", 10000);
    g_assert(g_str_has_prefix(out, "{\"QMP\": {\"version\": {\"qemu\": "));
    g_free(out);
    g_assert_cmpint(write(fd, caps, strlen(caps)), ==, strlen(caps));
    out = read_until(fd, "\"status\": \"running\"", 10000);
    g_free(out);
    close(fd);
    qtest_quit(qts);
    rmdir(dir);
    g_free(path);
    g_free(dir);
}

static void test_qmp_tcp_client(void)
{
    struct sockaddr_in sin = { .sin_family = AF_INET,
                               .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof(sin);
    int lfd = socket(AF_INET, SOCK_STREAM, 0), fd;
    QTestState *qts;
    char *out;

    g_assert_cmpint(bind(lfd, (struct sockaddr *)&sin, sizeof(sin)), ==, 0);
    g_assert_cmpint(listen(lfd, 1), ==, 0);
    g_assert_cmpint(getsockname(lfd, (struct sockaddr *)&sin, &len), ==, 0);
    /* We connect out as a client, like the qtest socket. */
    qts = qtest_initf("-M none -chardev socket,id=t0,host=127.0.0.1,port=%d "
                      "-mon chardev=t0,mode=control", ntohs(sin.sin_port));
    fd = accept(lfd, NULL, NULL);
    g_assert_cmpint(fd, >=, 0);
    out = read_until(fd, "\"capabilities\": [\"oob\"]}}\r\n", 10000);
    g_free(out);
    close(fd);
    close(lfd);
    qtest_quit(qts);
}

static void test_mon_stdio_mux(void)
{
    Child c;
    char *out;
    int st;

    child_spawn(&c, "-M none -display none -nodefaults -serial mon:stdio");
    /* No serial port on "none": the monitor has the input. */
    g_assert_cmpint(write(c.in, "info status\n", 12), ==, 12);
    out = read_until(c.out, "VM status: running", 10000);
    g_free(out);
    /* Ctrl-a x quits. */
    g_assert_cmpint(write(c.in, "\001x", 2), ==, 2);
    out = read_until(c.out, "QEMU: Terminated", 10000);
    g_free(out);
    st = child_wait(&c, 5000);
    g_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    child_close(&c);
}

static void test_signal_message_outside_qtest(void)
{
    char *dir = g_dir_make_tmp("chardev-XXXXXX", NULL);
    char *path = g_strdup_printf("%s/q.sock", dir);
    char *args = g_strdup_printf("-M none -display none -nodefaults "
                                 "-qmp unix:%s,server=on,wait=off", path);
    char *err, *want;
    Child c;
    int st, fd;
    gint64 t0;

    child_spawn(&c, args);
    fd = connect_unix_retry(path);      /* it is up once it listens */
    g_free(read_until(fd, "\r\n", 10000));
    t0 = g_get_monotonic_time();
    kill(c.pid, SIGTERM);
    st = child_wait(&c, 5000);
    g_assert_cmpint(g_get_monotonic_time() - t0, <, G_USEC_PER_SEC);
    g_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    err = read_all(c.err);
    want = g_strdup_printf("terminating on signal 15 from pid %d", getpid());
    if (!strstr(err, want)) {
        g_error("stderr lacks '%s': '%s'", want, err);
    }
    g_free(want);
    g_free(err);
    close(fd);
    child_close(&c);
    unlink(path);
    rmdir(dir);
    g_free(args);
    g_free(path);
    g_free(dir);
}

static void test_pty_monitor(void)
{
    char *errfile = g_strdup_printf("%s/chardev-pty-%d.txt", g_get_tmp_dir(),
                                    getpid());
    QTestState *qts = qtest_init_full("-M none -chardev pty,id=p0 "
                                      "-mon chardev=p0,mode=readline",
                                      true, errfile);
    char *err = NULL, *name, *out;
    const char *p;
    int fd;

    g_assert(g_file_get_contents(errfile, &err, NULL, NULL));
    p = strstr(err, "char device redirected to ");
    g_assert(p);
    p += strlen("char device redirected to ");
    name = g_strndup(p, strcspn(p, " "));
    g_assert(strstr(p, "(label p0)"));
    fd = open(name, O_RDWR | O_NOCTTY);
    g_assert_cmpint(fd, >=, 0);
    /* The banner went out before we opened it; a command gets an answer. */
    g_assert_cmpint(write(fd, "info status\r", 12), ==, 12);
    out = read_until(fd, "VM status: running", 10000);
    g_free(out);
    close(fd);
    qtest_quit(qts);
    unlink(errfile);
    g_free(name);
    g_free(err);
    g_free(errfile);
}

/* -serial stdio on a terminal: raw while running, restored at exit. */
static void test_stdio_tty_raw_and_restored(void)
{
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    struct termios before, during, after;
    char *cmd, *slave_name;
    int slave, st;
    pid_t pid;

    g_assert_cmpint(master, >=, 0);
    g_assert_cmpint(grantpt(master), ==, 0);
    g_assert_cmpint(unlockpt(master), ==, 0);
    slave_name = g_strdup(ptsname(master));
    slave = open(slave_name, O_RDWR | O_NOCTTY);
    g_assert_cmpint(slave, >=, 0);
    g_assert_cmpint(tcgetattr(slave, &before), ==, 0);
    g_assert(before.c_lflag & ICANON);

    cmd = g_strdup_printf("exec %s -M none -display none -nodefaults "
                          "-monitor stdio", binary());
    pid = fork();
    g_assert_cmpint(pid, >=, 0);
    if (pid == 0) {
        dup2(slave, 0);
        dup2(slave, 1);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    g_free(read_until(master, "(qemu) ", 10000));
    g_assert_cmpint(tcgetattr(slave, &during), ==, 0);
    g_assert(!(during.c_lflag & ICANON));
    g_assert(!(during.c_lflag & ECHO));
    kill(pid, SIGTERM);
    g_assert_cmpint(waitpid(pid, &st, 0), ==, pid);
    g_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    g_assert_cmpint(tcgetattr(slave, &after), ==, 0);
    g_assert_cmphex(after.c_lflag, ==, before.c_lflag);
    g_assert_cmphex(after.c_iflag, ==, before.c_iflag);
    close(slave);
    close(master);
    g_free(cmd);
    g_free(slave_name);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("chardev/help-lists-testdev", test_chardev_help_lists_testdev);
    qtest_add_func("chardev/bad-chardev-is-an-error", test_bad_chardev_is_an_error);
    qtest_add_func("chardev/testdev-and-null-accepted",
                   test_testdev_and_null_accepted);
    qtest_add_func("chardev/file-monitor", test_file_chardev_monitor);
    qtest_add_func("chardev/qmp-unix-server-nowait", test_qmp_unix_server_nowait);
    qtest_add_func("chardev/qmp-tcp-client", test_qmp_tcp_client);
    qtest_add_func("chardev/mon-stdio-mux", test_mon_stdio_mux);
    qtest_add_func("chardev/pty-monitor", test_pty_monitor);
    qtest_add_func("chardev/stdio-tty-raw-and-restored",
                   test_stdio_tty_raw_and_restored);
    qtest_add_func("chardev/signal-message-outside-qtest",
                   test_signal_message_outside_qtest);
    return g_test_run();
}
