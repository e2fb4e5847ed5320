/*
 * trace.h - named trace events: the trace_<event>() calls.
 *
 * Each event in include/trace/trace-events.h becomes
 *
 *     static inline void trace_pci_cfg_read(const char *dev, ...);
 *
 * whose body is one test of a global flag, marked unlikely, before any
 * formatting: a disabled event costs a load and a predictable branch.
 * Enabled events print one line to the log (stderr, or -D / -trace file=)
 * in QEMU's "log" backend format:
 *
 *     memory_region_ops_read cpu 0 mr 0x55d0... addr 0x9000018 value 0x90 size 2 name 'pl011'
 *
 * prefixed by "PID@SEC.USEC:" when trace_set_message_timestamp(true)
 * (QEMU's -msg timestamp=on). Events are switched by -trace patterns
 * through include/util/trace.h.
 *
 * When computing an argument costs something, guard it:
 *
 *     if (trace_event_on(pci_cfg_read)) { ...expensive...; trace_pci_cfg_read(...); }
 */
#ifndef TRACE_TRACE_H
#define TRACE_TRACE_H

#include "util/osdep.h"

typedef enum TraceEventID {
#define TRACE_EVENT(name, params, args, fmt) TRACE_ID_##name,
#include "trace/trace-events.h"
#undef TRACE_EVENT
    TRACE_EVENT_COUNT
} TraceEventID;

/* Per-event "dynamic state": true when the event prints. Written only
 * by util/trace.c (pattern changes), read by every trace point. */
extern bool trace_events_dstate[TRACE_EVENT_COUNT];

#define TRACE_UNPAREN(...) __VA_ARGS__

/* Is event @name (a bare identifier) on? For guarding costly arguments. */
#define trace_event_on(name) unlikely(trace_events_dstate[TRACE_ID_##name])

/*
 * trace_event_emit: print one line for event @id. Only the generated
 * trace_<event>() functions call it, after checking the flag.
 */
void trace_event_emit(TraceEventID id, const char *fmt, ...) PRINTF_FMT(2, 3);

#define TRACE_EVENT(name, params, args, fmt)                    \
    static inline void trace_##name params                      \
    {                                                           \
        if (trace_event_on(name)) {                             \
            trace_event_emit(TRACE_ID_##name, fmt,              \
                             TRACE_UNPAREN args);               \
        }                                                       \
    }
#include "trace/trace-events.h"
#undef TRACE_EVENT

/* The name of event @id ("pci_cfg_read"). */
const char *trace_event_name(TraceEventID id);
/* Event id for @name, or -1 when there is no such event. */
int trace_event_find(const char *name);
/* Print every event name, one a line (-trace help). */
void trace_list_events(FILE *f);
/* Prefix lines with "PID@SEC.USEC:" (QEMU's -msg timestamp=on). */
void trace_set_message_timestamp(bool on);

#endif
