/*
 * sockets.h - stream sockets for the chardev socket backend and migration:
 * one place that opens a UNIX or TCP socket, listening or connected, and
 * words the errors as QEMU does.
 */
#ifndef UTIL_SOCKETS_H
#define UTIL_SOCKETS_H

#include "util/osdep.h"

/*
 * A UNIX stream socket on @path: listening (backlog 1; a stale socket file
 * left by an earlier run is replaced) when @server, else connected.
 * Returns the fd (close-on-exec), or -1 with @errp set.
 */
int socket_unix_open(const char *path, bool server, GError **errp);

/*
 * A TCP socket: listening on @host:@port (@host NULL or "": every IPv4
 * address, SO_REUSEADDR) when @server, else connected to the first address
 * of @host that accepts. Returns the fd, or -1 with @errp set.
 */
int socket_inet_open(const char *host, const char *port, bool server,
                     GError **errp);

/*
 * A URI as QEMU's migration takes it: "unix:PATH" or "tcp:HOST:PORT"
 * ("tcp::PORT" listens on every address, "tcp:[ADDR]:PORT" for IPv6).
 */
int socket_uri_open(const char *uri, bool server, GError **errp);

#endif
