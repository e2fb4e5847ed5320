/*
 * qtest.h - the qtest accelerator and the qtest protocol server.
 *
 * "-accel qtest" (or -machine accel=qtest) registers as an accelerator
 * that runs no vCPU and puts the virtual clock under the client's control.
 * "-qtest unix:PATH" / "-qtest stdio" starts the line-protocol server on a
 * chardev (QEMU's protocol: outb/inb/readl/writeq/read/write/b64read/
 * memset/clock_step/irq_intercept_in/... see docs/devel/qtest.md).
 */
#ifndef SYSEMU_QTEST_H
#define SYSEMU_QTEST_H

#include "util/osdep.h"

/* Is the qtest accelerator in use (no vCPU runs, manual virtual clock)? */
bool qtest_enabled(void);
/* Is a qtest client attached (a -qtest server exists)? */
bool qtest_driver(void);

/*
 * Start the qtest server on chardev spec @spec ("unix:PATH" connects out as
 * a client, like QEMU; "stdio"; "chardev:ID"). @logfile: NULL logs to
 * stderr, "none" disables logging, anything else is a file (truncated).
 * Call after main_loop_init() and after the machine exists (so QOM paths
 * resolve), before main_loop_run().
 */
bool qtest_server_init(const char *spec, const char *logfile, GError **errp);

/*
 * A target may add commands (pseries: "rtas"). @cb returns false if it does
 * not know words[0]; it replies itself with qtest_send_reply().
 */
typedef bool (*QTestCommandHandler)(gchar **words);
void qtest_set_command_cb(QTestCommandHandler cb);
/* Send "@fmt\n" as a reply to the client (used by command handlers). */
void qtest_send_reply(const char *fmt, ...) PRINTF_FMT(1, 2);

#endif
