/*
 * char.h - character device back ends (-chardev, -serial, -monitor, -qmp,
 * -qtest destinations).
 *
 * A Chardev is a byte stream to somewhere on the host: stdio, a file, a
 * socket (UNIX or TCP, client or server), a pty, nothing (null), or the
 * kvm-unit-tests exit device (testdev). A front end (a UART, the monitor,
 * the qtest server) attaches with a CharBackend (chardev/char-fe.h). Input
 * is read by the main loop and delivered with the BQL held.
 *
 *   -chardev socket,id=c0,path=/tmp/q[,server=on][,wait=off]
 *   -chardev socket,id=c1,host=127.0.0.1,port=4444,server=on,wait=off
 *   -chardev stdio,id=s0 | file,id=f,path=out.txt | pty,id=p | null,id=n
 *   -chardev testdev,id=ctd
 *
 * Shorthand specs (qemu_chr_new): "stdio", "mon:stdio", "null", "none",
 * "file:F", "pty", "unix:PATH[,server=on,wait=off]",
 * "tcp:HOST:PORT[,server=on,wait=off]", "chardev:ID", "vc" (= null).
 * Legacy "server"/"nowait" flags are accepted.
 */
#ifndef CHARDEV_CHAR_H
#define CHARDEV_CHAR_H

#include "util/osdep.h"
#include "util/keyval.h"

typedef enum {
    CHR_EVENT_BREAK,    /* serial break */
    CHR_EVENT_OPENED,   /* the other end is there (socket connected, ...) */
    CHR_EVENT_MUX_IN,   /* mux focus moved to this front end */
    CHR_EVENT_MUX_OUT,  /* mux focus moved away */
    CHR_EVENT_CLOSED,   /* the other end went away */
} QEMUChrEvent;

typedef struct CharBackend CharBackend;
typedef struct ChardevDriver ChardevDriver;

struct Chardev {
    char *label;                /* the id ("char0", "serial0", ...) */
    char *filename;             /* e.g. "unix:/tmp/q,server=on", for info chardev */
    const ChardevDriver *drv;
    CharBackend *be;            /* the single front end (mux has its own list) */
    bool be_open;               /* connected / open towards the host side */
    int logfd;                  /* logfile= copy of the output, or -1 */
    void *priv;                 /* driver state */
};

/*
 * Create a chardev from -chardev options. @opts holds "backend" (the implied
 * key: keyval_parse(str, "backend", ...)) and "id", plus backend options.
 * Registered under its id for qemu_chr_find(). Fails on an unknown backend,
 * a missing id, an id in use, or a socket that cannot connect/listen.
 */
Chardev *qemu_chr_new_from_opts(const KeyValList *opts, GError **errp);

/*
 * Create a chardev named @label from a shorthand @spec (see above).
 * "chardev:ID" returns the existing chardev ID. "none" returns NULL with no
 * error set. "mon:SPEC" creates a multiplexer over SPEC and attaches an HMP
 * monitor to it (the caller then attaches its own front end; Ctrl-a c
 * switches between them).
 */
Chardev *qemu_chr_new(const char *label, const char *spec, GError **errp);

/* The chardev with id @id, or NULL. */
Chardev *qemu_chr_find(const char *id);

/* -chardev help: the list of backends. */
void qemu_chr_print_help(FILE *f);
/* Is @name a known backend ("socket", "testdev", ...)? */
bool qemu_chr_backend_exists(const char *name);

/*
 * Write to the host side. Returns bytes written or -1. @write_all loops
 * until everything is written (or the host side is gone). Data written
 * while a socket is not connected is dropped.
 */
int qemu_chr_write(Chardev *s, const uint8_t *buf, int len, bool write_all);

/* Close and unregister @chr (no front end may remain attached). */
void qemu_chr_delete(Chardev *chr);

/* Restore terminal settings (stdio raw mode). Idempotent; runs at exit. */
void qemu_chr_cleanup(void);

/* Call @fn for every chardev (info chardev). */
void qemu_chr_foreach(void (*fn)(Chardev *chr, void *opaque), void *opaque);

#endif
