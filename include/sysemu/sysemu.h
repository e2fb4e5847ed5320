/*
 * sysemu.h - start-up state shared across the emulator: which target this
 * process emulates and what the command line asked for in general
 * (display, serial ports, reboot policy). softmmu/vl.c fills these in while
 * parsing, before any machine or device exists; readers treat them as
 * read-only afterwards.
 */
#ifndef SYSEMU_SYSEMU_H
#define SYSEMU_SYSEMU_H

#include "util/osdep.h"
#include "util/keyval.h"

/* The whole program: parse argv, build the machine, run (softmmu/vl.c). */
int qemu_main(int argc, char **argv);

/* The guest architecture: "aarch64", "ppc64" or "x86_64". */
const char *target_name(void);
/* Set by vl.c from argv[0] or -target; exported for unit tests. */
bool target_set(const char *name, GError **errp);
/* Names of all targets this binary holds, NULL-terminated. */
extern const char *const target_names[];

/* Maximum number of serial ports a board may wire up. */
#define MAX_SERIAL_PORTS 4

/*
 * serial_hds[i] is the chardev of serial port i (-serial, -nographic), or
 * NULL when there is none. Boards read them through serial_hd().
 */
extern Chardev *serial_hds[MAX_SERIAL_PORTS];
Chardev *serial_hd(int i);

extern bool nographic;          /* -nographic */
extern bool no_defaults;        /* -nodefaults: no default serial/monitor */
/* no_reboot / no_shutdown (-no-reboot, -no-shutdown) are in sysemu/runstate.h. */
extern bool autostart;          /* false with -S */
extern const char *display_type;    /* "none" only (the only display we have) */
extern const char *vm_name;     /* -name, or NULL */
extern const char *incoming_uri;    /* -incoming, or NULL */
extern const char *bios_dir;    /* -L, or NULL */
extern const char *gdbstub_spec;    /* -s / -gdb, or NULL */
/*
 * The gdb stub registers how to start it (from a type_init constructor);
 * vl.c calls it with gdbstub_spec ("tcp::1234", "unix:PATH,server=on", a
 * chardev spec) once the machine and its CPUs exist, before the vCPUs
 * start. Without a registered stub, -s/-gdb only print a warning.
 */
typedef bool (*GdbstubStartFn)(const char *spec, GError **errp);
void gdbstub_register_start(GdbstubStartFn fn);
extern bool semihosting_enabled;    /* -semihosting / -semihosting-config enable=on */
extern const char *semihosting_target; /* "auto", "native", "gdb" */
extern const char *semihosting_chardev; /* -semihosting-config chardev=ID */
/* -semihosting-config arg=... values, in order, NULL-terminated (or NULL). */
extern char **semihosting_argv;
extern const char *rtc_base;       /* -rtc base=..., or NULL ("utc") */

/* The options of -netdev ...,id=@id, or NULL. */
const KeyValList *netdev_find(const char *id);

#endif
