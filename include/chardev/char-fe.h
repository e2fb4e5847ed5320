/*
 * char-fe.h - the front-end side of a chardev (what UARTs, the monitor
 * and the qtest server use). Mirrors QEMU's CharBackend API.
 *
 *     qemu_chr_fe_init(&s->chr, chr, errp);
 *     qemu_chr_fe_set_handlers(&s->chr, uart_can_receive, uart_receive,
 *                              uart_event, NULL, s, NULL, true);
 *     qemu_chr_fe_write_all(&s->chr, &byte, 1);
 *
 * Handlers run on the main thread with the BQL held. can_receive returns
 * how many bytes the device can take now; when it returns 0, input is held
 * back until the device calls qemu_chr_fe_accept_input().
 */
#ifndef CHARDEV_CHAR_FE_H
#define CHARDEV_CHAR_FE_H

#include "util/osdep.h"
#include "chardev/char.h"

typedef int IOCanReadHandler(void *opaque);
typedef void IOReadHandler(void *opaque, const uint8_t *buf, int size);
typedef void IOEventHandler(void *opaque, QEMUChrEvent event);
typedef int BackendChangeHandler(void *opaque);

struct CharBackend {
    Chardev *chr;
    IOEventHandler *chr_event;
    IOCanReadHandler *chr_can_read;
    IOReadHandler *chr_read;
    BackendChangeHandler *chr_be_change;
    void *opaque;
    int tag;                    /* index in a mux */
    bool fe_is_open;
};

/*
 * Attach @b to @s. A chardev takes one front end, except a mux (mon:stdio)
 * which takes up to 4. @s may be NULL (a device with no chardev: writes
 * are dropped). Fails if @s is already in use.
 */
bool qemu_chr_fe_init(CharBackend *b, Chardev *s, GError **errp);
/* Detach; with @del also delete the chardev. */
void qemu_chr_fe_deinit(CharBackend *b, bool del);

/*
 * Install handlers (NULLs detach input). @context must be NULL (the main
 * context). With @set_open, a chardev that is already connected delivers
 * CHR_EVENT_OPENED right away (from this call).
 */
void qemu_chr_fe_set_handlers(CharBackend *b,
                              IOCanReadHandler *fd_can_read,
                              IOReadHandler *fd_read,
                              IOEventHandler *fd_event,
                              BackendChangeHandler *be_change,
                              void *opaque,
                              GMainContext *context,
                              bool set_open);

/* Write @len bytes; returns bytes written, 0 if none, -1 on error/no chardev. */
int qemu_chr_fe_write(CharBackend *be, const uint8_t *buf, int len);
int qemu_chr_fe_write_all(CharBackend *be, const uint8_t *buf, int len);
void qemu_chr_fe_printf(CharBackend *be, const char *fmt, ...) PRINTF_FMT(2, 3);

/* The device can take input again (its can_receive would now be > 0). */
void qemu_chr_fe_accept_input(CharBackend *be);

Chardev *qemu_chr_fe_get_driver(CharBackend *be);
/* Is a chardev attached? */
bool qemu_chr_fe_backend_connected(CharBackend *be);
/* Is the host side open (socket peer connected)? */
bool qemu_chr_fe_backend_open(CharBackend *be);
/* Drop a socket connection (server goes back to listening). */
void qemu_chr_fe_disconnect(CharBackend *be);

#endif
