/*
 * error.c - user-facing error messages. See util/error.h.
 */
#include "util/osdep.h"
#include "util/error.h"

const char *error_progname = "plumb";

GQuark plumb_error_quark(void)
{
    return g_quark_from_static_string("plumb-error-quark");
}

static void report(const char *prefix, const char *fmt, va_list ap)
{
    fprintf(stderr, "%s: %s", error_progname, prefix);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void error_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report("", fmt, ap);
    va_end(ap);
}

void warn_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report("warning: ", fmt, ap);
    va_end(ap);
}

void info_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report("info: ", fmt, ap);
    va_end(ap);
}

void error_report_err(GError *err)
{
    error_report("%s", err->message);
    g_error_free(err);
}

void error_exit_err(GError *err)
{
    error_report_err(err);
    exit(1);
}
