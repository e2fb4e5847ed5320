/*
 * error.h - GError-based error reporting.
 *
 * Functions that can fail take a trailing `GError **errp` and return false
 * (or NULL / negative) on failure. Errors that reach the user end as one line
 * on stderr, prefixed with the program name, and a non-zero exit.
 */
#ifndef UTIL_ERROR_H
#define UTIL_ERROR_H

#include "util/osdep.h"

#define PLUMB_ERROR plumb_error_quark()
GQuark plumb_error_quark(void);

#define error_setg(errp, ...) \
    g_set_error((errp), PLUMB_ERROR, 0, __VA_ARGS__)
#define error_prepend(errp, ...) g_prefix_error((errp), __VA_ARGS__)

/* The name errors are prefixed with ("plumb-system-aarch64"). */
extern const char *error_progname;

/* Print "progname: message" to stderr. */
void error_report(const char *fmt, ...) PRINTF_FMT(1, 2);
void warn_report(const char *fmt, ...) PRINTF_FMT(1, 2);
/* "progname: info: message", for what QEMU reports with info_report(). */
void info_report(const char *fmt, ...) PRINTF_FMT(1, 2);
/* Print @err as above and free it. */
void error_report_err(GError *err);
/* Report @err and exit(1). For start-up paths only. */
NORETURN void error_exit_err(GError *err);

#endif
