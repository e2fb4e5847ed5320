/*
 * sockets.c - opening UNIX and TCP stream sockets (see util/sockets.h).
 */
#include "util/osdep.h"
#include "util/sockets.h"
#include "util/error.h"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/un.h>

int socket_unix_open(const char *path, bool server, GError **errp)
{
    struct sockaddr_un sun = { .sun_family = AF_UNIX };
    int fd;

    if (!*path || strlen(path) >= sizeof(sun.sun_path)) {
        error_setg(errp, "UNIX socket path '%s' is %s", path,
                   *path ? "too long" : "empty");
        return -1;
    }
    strcpy(sun.sun_path, path);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error_setg(errp, "Failed to create socket: %s", g_strerror(errno));
        return -1;
    }
    if (server) {
        unlink(path);
        if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0 ||
            listen(fd, 1) < 0) {
            error_setg(errp, "Failed to bind socket to %s: %s", path,
                       g_strerror(errno));
            close(fd);
            return -1;
        }
    } else if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
        error_setg(errp, "Failed to connect to '%s': %s", path,
                   g_strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

int socket_inet_open(const char *host, const char *port, bool server,
                     GError **errp)
{
    struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *res = NULL, *ai;
    int fd = -1, saved = 0, r;

    if (host && !*host) {
        host = NULL;
    }
    if (server) {
        hints.ai_flags = AI_PASSIVE;
        hints.ai_family = host ? AF_UNSPEC : AF_INET;
    }
    r = getaddrinfo(host, port, &hints, &res);
    if (r) {
        error_setg(errp, "address resolution failed for %s:%s: %s",
                   host ? host : "", port, gai_strerror(r));
        return -1;
    }
    for (ai = res; ai; ai = ai->ai_next) {
        int one = 1;

        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
                    ai->ai_protocol);
        if (fd < 0) {
            saved = errno;
            continue;
        }
        if (server) {
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
            if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
                listen(fd, 1) == 0) {
                break;
            }
        } else if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
            break;
        }
        saved = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        error_setg(errp, "Failed to %s %s:%s: %s",
                   server ? "listen on" : "connect to", host ? host : "",
                   port, g_strerror(saved));
    }
    return fd;
}

int socket_uri_open(const char *uri, bool server, GError **errp)
{
    g_autofree char *host = NULL;
    const char *rest, *colon;

    if (g_str_has_prefix(uri, "unix:")) {
        return socket_unix_open(uri + 5, server, errp);
    }
    if (!g_str_has_prefix(uri, "tcp:")) {
        error_setg(errp, "URI '%s': only unix:PATH and tcp:HOST:PORT are "
                   "supported", uri);
        return -1;
    }
    rest = uri + 4;
    if (*rest == '[') {
        const char *end = strchr(rest, ']');

        if (!end || end[1] != ':') {
            error_setg(errp, "URI '%s': expected tcp:[ADDRESS]:PORT", uri);
            return -1;
        }
        host = g_strndup(rest + 1, end - rest - 1);
        colon = end + 1;
    } else {
        colon = strrchr(rest, ':');
        if (!colon) {
            error_setg(errp, "URI '%s': expected tcp:HOST:PORT", uri);
            return -1;
        }
        host = g_strndup(rest, colon - rest);
    }
    if (!colon[1]) {
        error_setg(errp, "URI '%s': the port is missing", uri);
        return -1;
    }
    return socket_inet_open(host, colon + 1, server, errp);
}
