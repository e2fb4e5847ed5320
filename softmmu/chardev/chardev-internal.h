/*
 * chardev-internal.h - what the chardev back ends share with char.c.
 * Not for front ends: they use chardev/char-fe.h.
 */
#ifndef SOFTMMU_CHARDEV_INTERNAL_H
#define SOFTMMU_CHARDEV_INTERNAL_H

#include "util/osdep.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include <poll.h>

struct ChardevDriver {
    const char *name;
    const char *alias;
    const char *help;
    /* Parse @opts and open; may set chr->filename and chr->be_open. */
    bool (*open)(Chardev *chr, const KeyValList *opts, GError **errp);
    /* Write everything (blocking) or drop; returns bytes taken or -1. */
    int (*write)(Chardev *chr, const uint8_t *buf, int len);
    void (*close)(Chardev *chr);
    void (*disconnect)(Chardev *chr);
    void (*accept_input)(Chardev *chr);
    /* Overrides for back ends that are themselves front-end multiplexers. */
    bool (*fe_attach)(Chardev *chr, CharBackend *b, GError **errp);
    void (*fe_detach)(Chardev *chr, CharBackend *b);
    void (*fe_handlers_changed)(Chardev *chr, CharBackend *b);
    int (*be_can_write)(Chardev *chr);
    void (*be_write)(Chardev *chr, const uint8_t *buf, int len);
    void (*be_event)(Chardev *chr, QEMUChrEvent event);
};

extern const ChardevDriver chardev_null_driver;
extern const ChardevDriver chardev_stdio_driver;
extern const ChardevDriver chardev_file_driver;
extern const ChardevDriver chardev_pipe_driver;
extern const ChardevDriver chardev_pty_driver;
extern const ChardevDriver chardev_serial_driver;
extern const ChardevDriver chardev_socket_driver;
extern const ChardevDriver chardev_testdev_driver;
extern const ChardevDriver chardev_ringbuf_driver;
extern const ChardevDriver chardev_mux_driver;

/* Input towards the front end (honours can_receive). */
int chr_be_can_write(Chardev *chr);
void chr_be_write(Chardev *chr, const uint8_t *buf, int len);
/* OPENED/CLOSED also update chr->be_open. */
void chr_be_event(Chardev *chr, QEMUChrEvent event);

/*
 * A main-loop watch on @fd that polls for input only while the front end
 * can take some. @read_cb returns false to remove the watch.
 */
typedef bool ChrFdReadFunc(Chardev *chr, int fd, GIOCondition cond);
GSource *chr_fd_watch_add(Chardev *chr, int fd, ChrFdReadFunc *read_cb);
void chr_fd_watch_remove(GSource **src);
/* Read what the front end wants and deliver it: >0 bytes, 0 EOF, -1 error,
 * 1 also when nothing was wanted or EAGAIN. */
int chr_fd_read_into_be(Chardev *chr, int fd);
/* Blocking write of everything; returns bytes written or -1. */
int chr_fd_write_all(int fd, const uint8_t *buf, int len);

/* Wrap @base (already registered) in a multiplexer called @label. */
Chardev *chr_mux_new(const char *label, Chardev *base, GError **errp);
/* Undo stdio raw mode. */
void chr_stdio_restore_tty(void);

#endif
