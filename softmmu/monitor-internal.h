/*
 * monitor-internal.h - what monitor.c (HMP, common output) and qmp.c (QMP)
 * share. Not for the rest of plumb: use monitor/monitor.h.
 */
#ifndef SOFTMMU_MONITOR_INTERNAL_H
#define SOFTMMU_MONITOR_INTERNAL_H

#include "util/osdep.h"
#include "monitor/monitor.h"
#include "chardev/char-fe.h"

struct Monitor {
    bool is_qmp;
    bool pretty;
    CharBackend chr;
    GString *capture;       /* non-NULL: output goes here (human-monitor-command) */

    /* HMP */
    GString *line;          /* the line being typed */
    bool last_was_cr;
    int esc_state;          /* 0 none, 1 after ESC, 2 in CSI */
    bool mux_out;           /* a mux gave the input focus to someone else */
    GString *held;          /* output held while mux_out */

    /* QMP */
    bool negotiated;
    GString *jbuf;          /* current JSON text */
    int jdepth;
    char jquote;            /* 0, '"' or '\'' while inside a string */
    bool jescape;
    bool jgarbage;          /* collecting an invalid top-level token */
};

/* All monitors, for events. */
extern GList *monitor_list;

/* Output to a monitor's chardev (or capture buffer). */
void monitor_write_raw(Monitor *mon, const char *buf, size_t len);
void monitor_set_cur(Monitor *mon);

/* qmp.c */
void qmp_monitor_opened(Monitor *mon);
void qmp_monitor_input(Monitor *mon, const uint8_t *buf, int size);

#endif
