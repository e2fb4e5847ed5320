/*
 * libqtest.h - drive a plumb (or QEMU) process over the qtest and QMP
 * protocols from a GLib test program.
 *
 *     QTestState *qts = qtest_init("-M none -device mmio-testdev,addr=0x10000000");
 *     qtest_writel(qts, 0x10000000, 0x12345678);
 *     g_assert_cmphex(qtest_readl(qts, 0x10000000), ==, 0x12345678);
 *     JsonObject *r = qtest_qmp(qts, "{'execute': 'query-status'}");
 *     json_object_unref(r);
 *     qtest_quit(qts);
 *
 * As in QEMU's libqtest, the test is the server: it listens on two UNIX
 * sockets and starts $QTEST_QEMU_BINARY with "-qtest unix:SOCK
 * -chardev socket,path=QMPSOCK,id=char0 -mon chardev=char0,mode=control
 * -accel qtest", which connects to both. QTEST_LOG=1 shows the traffic.
 * This file is ours; only the function names follow QEMU's.
 */
#ifndef TESTS_QTEST_LIBQTEST_H
#define TESTS_QTEST_LIBQTEST_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <glib.h>
#include <json-glib/json-glib.h>

typedef struct QTestState QTestState;

/* Start the binary with @extra_args; does the QMP handshake. */
QTestState *qtest_init(const char *extra_args);
QTestState *qtest_initf(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
/* Same, but leave the greeting unread and capabilities not negotiated. */
QTestState *qtest_init_without_qmp_handshake(const char *extra_args);
/*
 * Full control: @stderr_path (NULL: inherit) receives the child's stderr,
 * so a test can check that it stays clean.
 */
QTestState *qtest_init_full(const char *extra_args, bool handshake,
                            const char *stderr_path);

/* SIGTERM, wait (30 s, then SIGKILL), check the exit status (default 0). */
void qtest_quit(QTestState *s);
void qtest_set_expected_status(QTestState *s, int status);
pid_t qtest_pid(QTestState *s);
/*
 * Wait up to @timeout_ms for the child to exit by itself. Returns its
 * waitpid status, or -1 on timeout. After this, qtest_quit only cleans up.
 */
int qtest_wait_exit(QTestState *s, int timeout_ms);

/* The arch from $QTEST_QEMU_BINARY ("aarch64"). */
const char *qtest_get_arch(void);
bool qtest_big_endian(QTestState *s);

/* Raw qtest: send a line (printf format, "\n" added), return the reply
 * ("OK ...", "FAIL ...", "ERR ..."), skipping async IRQ lines. g_free it. */
char *qtest_rsp(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* Send raw bytes on the qtest socket (no newline added). */
void qtest_send_raw(QTestState *s, const char *data);

void qtest_outb(QTestState *s, uint16_t addr, uint8_t value);
void qtest_outw(QTestState *s, uint16_t addr, uint16_t value);
void qtest_outl(QTestState *s, uint16_t addr, uint32_t value);
uint8_t qtest_inb(QTestState *s, uint16_t addr);
uint16_t qtest_inw(QTestState *s, uint16_t addr);
uint32_t qtest_inl(QTestState *s, uint16_t addr);
void qtest_writeb(QTestState *s, uint64_t addr, uint8_t value);
void qtest_writew(QTestState *s, uint64_t addr, uint16_t value);
void qtest_writel(QTestState *s, uint64_t addr, uint32_t value);
void qtest_writeq(QTestState *s, uint64_t addr, uint64_t value);
uint8_t qtest_readb(QTestState *s, uint64_t addr);
uint16_t qtest_readw(QTestState *s, uint64_t addr);
uint32_t qtest_readl(QTestState *s, uint64_t addr);
uint64_t qtest_readq(QTestState *s, uint64_t addr);
void qtest_memread(QTestState *s, uint64_t addr, void *data, size_t size);
void qtest_memwrite(QTestState *s, uint64_t addr, const void *data, size_t size);
void qtest_bufread(QTestState *s, uint64_t addr, void *data, size_t size);
void qtest_bufwrite(QTestState *s, uint64_t addr, const void *data, size_t size);
void qtest_memset(QTestState *s, uint64_t addr, uint8_t patt, size_t size);

/* Virtual clock (qtest accelerator only). Return the new time in ns. */
int64_t qtest_clock_step(QTestState *s, int64_t step);
int64_t qtest_clock_step_next(QTestState *s);
int64_t qtest_clock_set(QTestState *s, int64_t val);

void qtest_irq_intercept_in(QTestState *s, const char *qom_path);
void qtest_irq_intercept_out(QTestState *s, const char *qom_path);
/* Output list @name ("sysbus-irq" for a sysbus device's IRQs). */
void qtest_irq_intercept_out_named(QTestState *s, const char *qom_path,
                                   const char *name);
void qtest_set_irq_in(QTestState *s, const char *qom_path, const char *name,
                      int num, int level);
/* Level of intercepted line @num as last reported by "IRQ raise/lower". */
bool qtest_get_irq(QTestState *s, int num);

/*
 * QMP. @fmt is printf-formatted JSON (single quotes allowed). Returns the
 * response object (transfer full: json_object_unref); events that arrive
 * meanwhile are kept for qtest_qmp_eventwait.
 */
JsonObject *qtest_qmp(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
void qtest_qmp_send(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* The next message of any kind (response or event), NULL on EOF. */
JsonObject *qtest_qmp_receive_dict(QTestState *s);
/* The next response (events are stashed). */
JsonObject *qtest_qmp_receive(QTestState *s);
/* Wait for @event (stashed or new); returns it (transfer full). */
JsonObject *qtest_qmp_eventwait_ref(QTestState *s, const char *event);
void qtest_qmp_eventwait(QTestState *s, const char *event);
/* Assert {"return": ...} and drop it. */
void qtest_qmp_assert_success(QTestState *s, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);
/* Run an HMP command through human-monitor-command; returns its output. */
char *qtest_hmp(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* Small helpers for reading responses. */
/* "error.class" style dotted lookup of a string member, or NULL. */
const char *qdict_get_str_path(JsonObject *o, const char *path);
bool qdict_has_path(JsonObject *o, const char *path);

/* g_test_add_func with the "/<arch>" prefix, as QEMU does. */
void qtest_add_func(const char *str, void (*fn)(void));
void qtest_add_data_func(const char *str, const void *data,
                         void (*fn)(const void *));

#endif
