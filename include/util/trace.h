/*
 * trace.h - which named trace events are on (-trace).
 *
 * -trace takes glob patterns ("memory_region_ops_*", "pci_cfg_*"); a
 * pattern with a leading '-' turns matching events off again. Events are
 * decided in order, last match wins. Trace points ask
 * trace_event_enabled("name") once (cache the answer) and print with
 * log_mask(LOG_TRACE, ...); enabling any pattern turns LOG_TRACE on.
 *
 * Known events (include/trace/trace-events.h) are switched as patterns
 * arrive, so their trace_<event>() calls test one flag (include/trace/trace.h);
 * trace_event_enabled() of a known name returns that flag.
 */
#ifndef UTIL_TRACE_H
#define UTIL_TRACE_H

#include "util/osdep.h"

/* Add @pattern (enable, or disable if @enable is false). */
void trace_event_enable_pattern(const char *pattern, bool enable);
/* Is event @name on after all patterns so far? */
bool trace_event_enabled(const char *name);
/* Any pattern given at all? */
bool trace_any_enabled(void);
/* Forget every pattern (tests). */
void trace_reset(void);

/*
 * Parse a -trace argument: "PATTERN", "enable=PATTERN", "events=FILE"
 * (patterns one per line, '#' comments), "file=FILE" (the -D file).
 * "help" (or enable=help) lists the events on stdout and exits 0.
 */
bool trace_opt_parse(const char *arg, GError **errp);
/* Apply the patterns of an events file (one a line, '-' disables, '#'). */
bool trace_events_file_load(const char *path, GError **errp);
/* The file= value of the last -trace, or NULL. */
const char *trace_get_file(void);

#endif
