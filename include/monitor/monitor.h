/*
 * monitor.h - the human monitor (HMP) and QMP, and how other parts of
 * plumb add commands to them.
 *
 * Monitors sit on chardevs: "-monitor stdio", "-qmp unix:PATH,server=on,
 * wait=off", "-mon chardev=ID,mode=control|readline[,pretty=on]". QMP
 * speaks QEMU's protocol (greeting, qmp_capabilities, {"execute": ...},
 * {"return": ...} / {"error": {"class", "desc"}}, events with timestamps),
 * parsed with json-glib.
 *
 * Adding commands (call from a type_init() constructor or at realize):
 *
 *     static void hmp_info_pci(Monitor *mon, const char *args)
 *     {
 *         monitor_printf(mon, "  Bus  0, device   0, function 0:\n");
 *     }
 *     hmp_register_info("pci", "show PCI info", hmp_info_pci);
 *
 *     static JsonNode *qmp_query_pci(JsonObject *args, GError **errp)
 *     {
 *         ...return a JsonNode (transfer full), or NULL with *errp set;
 *         NULL without an error means {"return": {}}.
 *     }
 *     qmp_register_command("query-pci", qmp_query_pci);
 *
 * Commands run on the main thread with the BQL held.
 */
#ifndef MONITOR_MONITOR_H
#define MONITOR_MONITOR_H

#include "util/osdep.h"
#include "util/keyval.h"
#include <json-glib/json-glib.h>

/* Start an HMP (readline) monitor on @chr (prints the banner and prompt). */
bool monitor_init_hmp(Chardev *chr, GError **errp);
/* Start a QMP monitor on @chr; @pretty indents the JSON replies. */
bool monitor_init_qmp(Chardev *chr, bool pretty, GError **errp);
/* -mon chardev=ID[,mode=control|readline][,pretty=on] (mode defaults to readline). */
bool monitor_init_opts(const KeyValList *opts, GError **errp);

/* Output to the monitor running the current command (HMP text). */
int monitor_printf(Monitor *mon, const char *fmt, ...) PRINTF_FMT(2, 3);
int monitor_vprintf(Monitor *mon, const char *fmt, va_list ap);
int monitor_puts(Monitor *mon, const char *str);

/* The monitor whose command is running (NULL outside a command). */
Monitor *monitor_cur(void);

/* HMP: "info NAME [args]" and plain commands "NAME [args]". */
typedef void HmpCommandFunc(Monitor *mon, const char *args);
void hmp_register_info(const char *name, const char *help, HmpCommandFunc *fn);
void hmp_register_command(const char *name, const char *args_help,
                          const char *help, HmpCommandFunc *fn);

/*
 * Run one HMP command line and return what it printed (g_free() it).
 * This is what QMP's human-monitor-command does.
 */
char *hmp_run_command(const char *cmdline);

/* QMP error classes; GError domain QMP_ERROR, code = class. */
typedef enum {
    QMP_ERROR_CLASS_GENERIC_ERROR,      /* "GenericError" */
    QMP_ERROR_CLASS_COMMAND_NOT_FOUND,  /* "CommandNotFound" */
    QMP_ERROR_CLASS_DEVICE_NOT_ACTIVE,  /* "DeviceNotActive" */
    QMP_ERROR_CLASS_DEVICE_NOT_FOUND,   /* "DeviceNotFound" */
    QMP_ERROR_CLASS_KVM_MISSING_CAP,    /* "KVMMissingCap" */
} QmpErrorClass;
#define QMP_ERROR qmp_error_quark()
GQuark qmp_error_quark(void);
/* Set an error of a given class (error_setg() gives GenericError). */
#define qmp_error_setg(errp, cls, ...) \
    g_set_error((errp), QMP_ERROR, (cls), __VA_ARGS__)

/*
 * A QMP command: @args is the "arguments" object (never NULL; empty when
 * absent). Return the "return" value (transfer full), or NULL with *errp
 * set, or NULL without error for {"return": {}}.
 */
typedef JsonNode *(*QmpCommandFunc)(JsonObject *args, GError **errp);
void qmp_register_command(const char *name, QmpCommandFunc fn);

/*
 * Emit event @name to every QMP monitor past capabilities negotiation, with
 * @data (transfer full; NULL for none) and the current timestamp. Any
 * thread holding the BQL.
 */
void qmp_event_send(const char *name, JsonObject *data);

#endif
