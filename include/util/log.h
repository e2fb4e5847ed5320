/*
 * log.h - the -d categories and the -D log file.
 *
 * Emulator diagnostics go through log_mask(): zero cost when the category is
 * off (one load and test). Guest mistakes are LOG_GUEST_ERROR, features we do
 * not model are LOG_UNIMP; neither ever aborts the emulator.
 *
 *     log_mask(LOG_GUEST_ERROR, "pl011: write to RO register 0x%x\n", off);
 */
#ifndef UTIL_LOG_H
#define UTIL_LOG_H

#include "util/osdep.h"

enum {
    LOG_IN_ASM       = 1 << 0,
    LOG_OUT_ASM      = 1 << 1,
    LOG_OP           = 1 << 2,
    LOG_OP_OPT       = 1 << 3,
    LOG_INT          = 1 << 4,
    LOG_EXEC         = 1 << 5,
    LOG_CPU          = 1 << 6,
    LOG_MMU          = 1 << 7,
    LOG_GUEST_ERROR  = 1 << 8,
    LOG_UNIMP        = 1 << 9,
    LOG_PAGE         = 1 << 10,
    LOG_NOCHAIN      = 1 << 11,
    LOG_INVALID_MEM  = 1 << 12,
    LOG_STRACE       = 1 << 13,
    LOG_TRACE        = 1 << 14,   /* named trace events (-trace) */
};

extern int log_enabled_mask;

static inline bool log_enabled(int mask)
{
    return (log_enabled_mask & mask) != 0;
}

/* Write to the log (stderr unless -D gave a file). */
void log_printf(const char *fmt, ...) PRINTF_FMT(1, 2);
void log_vprintf(const char *fmt, va_list ap);
FILE *log_file(void);
void log_flush(void);

#define log_mask(mask, ...) do {            \
        if (unlikely(log_enabled(mask))) {  \
            log_printf(__VA_ARGS__);        \
        }                                   \
    } while (0)

/*
 * Parse a -d argument ("guest_errors,unimp", "help" prints the list).
 * Returns the mask, or -1 with *errp set.
 */
int log_parse_items(const char *str, GError **errp);
/* Print the categories to @f for -d help. */
void log_print_items(FILE *f);
/* Direct the log to @filename (-D). NULL means stderr. */
bool log_set_file(const char *filename, GError **errp);
void log_set_mask(int mask);

#endif
