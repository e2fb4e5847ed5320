/*
 * log.c - -d categories and the -D log file. See util/log.h.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"

int log_enabled_mask;
static FILE *log_fp;

static const struct {
    int mask;
    const char *name;
    const char *help;
} log_items[] = {
    { LOG_IN_ASM, "in_asm", "show guest code as it is translated" },
    { LOG_OUT_ASM, "out_asm", "show generated host code" },
    { LOG_OP, "op", "show TCG IR before optimization" },
    { LOG_OP_OPT, "op_opt", "show TCG IR after optimization" },
    { LOG_INT, "int", "show interrupts and exceptions" },
    { LOG_EXEC, "exec", "show each translation block executed" },
    { LOG_CPU, "cpu", "show CPU registers before each translation block" },
    { LOG_MMU, "mmu", "log MMU-related activity" },
    { LOG_GUEST_ERROR, "guest_errors", "log when the guest does something invalid" },
    { LOG_UNIMP, "unimp", "log unimplemented functionality" },
    { LOG_PAGE, "page", "dump pages at beginning of user mode emulation" },
    { LOG_NOCHAIN, "nochain", "do not chain translated blocks" },
    { LOG_INVALID_MEM, "invalid_mem", "log accesses to unmapped memory" },
    { LOG_STRACE, "strace", "log system calls (unused in system mode)" },
    { LOG_TRACE, "trace", "log trace events" },
};

FILE *log_file(void)
{
    return log_fp ? log_fp : stderr;
}

void log_vprintf(const char *fmt, va_list ap)
{
    vfprintf(log_file(), fmt, ap);
}

void log_printf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    log_vprintf(fmt, ap);
    va_end(ap);
}

void log_flush(void)
{
    fflush(log_file());
}

void log_set_mask(int mask)
{
    log_enabled_mask = mask;
}

int log_parse_items(const char *str, GError **errp)
{
    int mask = 0;
    gchar **parts = g_strsplit(str, ",", -1);

    for (gchar **p = parts; *p; p++) {
        bool found = false;

        if (!**p) {
            continue;
        }
        if (!strcmp(*p, "all")) {
            for (size_t i = 0; i < ARRAY_SIZE(log_items); i++) {
                mask |= log_items[i].mask;
            }
            continue;
        }
        for (size_t i = 0; i < ARRAY_SIZE(log_items); i++) {
            if (!strcmp(*p, log_items[i].name)) {
                mask |= log_items[i].mask;
                found = true;
                break;
            }
        }
        if (!found) {
            error_setg(errp, "-d: unknown log item '%s' (try -d help)", *p);
            g_strfreev(parts);
            return -1;
        }
    }
    g_strfreev(parts);
    return mask;
}

void log_print_items(FILE *f)
{
    fprintf(f, "Log items (comma separated):\n");
    for (size_t i = 0; i < ARRAY_SIZE(log_items); i++) {
        fprintf(f, "%-15s %s\n", log_items[i].name, log_items[i].help);
    }
}

bool log_set_file(const char *filename, GError **errp)
{
    FILE *fp = stderr;

    if (filename) {
        fp = fopen(filename, "w");
        if (!fp) {
            error_setg(errp, "-D: cannot open log file '%s': %s",
                       filename, g_strerror(errno));
            return false;
        }
        setvbuf(fp, NULL, _IOLBF, 0);
    }
    if (log_fp && log_fp != stderr) {
        fclose(log_fp);
    }
    log_fp = fp;
    return true;
}
