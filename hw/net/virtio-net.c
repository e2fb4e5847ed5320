/*
 * virtio-net.c - virtio network device (virtio ID 1) with user-mode
 * networking through libslirp.
 *
 *   -netdev user,id=n0[,hostfwd=tcp::2222-:22]...
 *   -device virtio-net-device,netdev=n0[,mac=52:54:00:12:34:56]
 *   -device virtio-net-pci,netdev=n0
 *
 * The guest sees QEMU's user network: 10.0.2.0/24, gateway and host
 * 10.0.2.2, DNS 10.0.2.3, DHCP handing out 10.0.2.15 onwards. The slirp
 * instance belongs to the device (plumb has no separate net layer yet:
 * one -netdev user serves one NIC). Its sockets are polled by a GSource
 * on the main loop's context, so all of slirp runs on the main thread
 * with the BQL held, like the device's queue handlers.
 *
 * Features: MAC and STATUS (link always up); no offloads, no mergeable
 * receive buffers, no control queue. Frames from slirp wait in a short
 * queue until the guest posts receive buffers.
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "util/bswap.h"
#include "util/keyval.h"
#include "hw/qdev-properties.h"
#include "hw/virtio/virtio-net.h"
#include "sysemu/sysemu.h"
#include "sysemu/timer.h"
#include "sysemu/main-loop.h"
#include <arpa/inet.h>
#include <slirp/libslirp.h>

#define VIRTIO_NET_F_MAC        5
#define VIRTIO_NET_F_STATUS     16
#define VIRTIO_NET_S_LINK_UP    1

#define NET_CFG_MAC             0
#define NET_CFG_STATUS          6
#define NET_CFG_MAX_PAIRS       8
#define NET_CFG_SIZE            10

#define NET_RX_PENDING_MAX      256
#define NET_FRAME_MAX           65536

typedef struct SlirpSource SlirpSource;

typedef struct VirtIONet {
    VirtIODevice parent_obj;
    char *netdev;               /* property: -netdev id */
    char *mac_str;              /* property "mac" */
    uint8_t mac[6];
    VirtQueue *rx_vq, *tx_vq;
    Slirp *slirp;
    SlirpSource *src;
    GQueue rx_pending;          /* GByteArray * frames for the guest */
    bool netdev_claimed;        /* its id is in netdevs_in_use */
    /* QEMU's feature switches (mq, csum, gso, mrg_rxbuf, ...): accepted so
     * that command lines run; plumb offers none of these features, which
     * is what "off" asks for and what a guest copes with when "on". */
    bool feature_opts[21];
    uint16_t rx_queue_size, tx_queue_size;
    uint16_t host_mtu;
} VirtIONet;

/* -netdev ids that a NIC uses (QEMU: a netdev has at most one peer). */
static GHashTable *netdevs_in_use;

#define VIRTIO_NET(obj) OBJECT_CHECK(VirtIONet, (obj), TYPE_VIRTIO_NET)

static VirtioNetNetdevFind netdev_lookup = netdev_find;

void virtio_net_set_netdev_find(VirtioNetNetdevFind find)
{
    netdev_lookup = find ? find : netdev_find;
}

static size_t net_hdr_len(VirtIODevice *vdev)
{
    /* virtio_net_hdr: 10 bytes for legacy drivers, 12 (num_buffers) for
     * VERSION_1 ones. */
    return virtio_vdev_has_feature(vdev, VIRTIO_F_VERSION_1) ? 12 : 10;
}

/* ---------------------------------------------------------------- */
/* Guest side */

static bool net_rx_one(VirtIONet *n, const uint8_t *frame, size_t len)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(n);
    size_t hl = net_hdr_len(vdev);
    uint8_t hdr[12] = { 0 };
    VirtQueueElement *e;

    if (!(vdev->status & VIRTIO_CONFIG_S_DRIVER_OK) && !vdev->legacy) {
        return false;
    }
    e = virtqueue_pop(n->rx_vq);
    if (!e) {
        return false;
    }
    if (virtqueue_elem_in_size(e) < hl + len) {
        log_mask(LOG_GUEST_ERROR, "virtio-net: receive buffer of %zu bytes "
                 "for a %zu-byte frame: dropped\n",
                 virtqueue_elem_in_size(e), hl + len);
        virtqueue_push(n->rx_vq, e, 0);
        g_free(e);
        return true;
    }
    stw_le_p(hdr + 10, 1);      /* num_buffers */
    virtqueue_elem_write(vdev, e, 0, hdr, hl);
    virtqueue_elem_write(vdev, e, hl, frame, len);
    virtqueue_push(n->rx_vq, e, hl + len);
    g_free(e);
    return true;
}

static void net_rx_flush(VirtIONet *n)
{
    GByteArray *f;
    bool any = false;

    while ((f = g_queue_peek_head(&n->rx_pending))) {
        if (!net_rx_one(n, f->data, f->len)) {
            break;
        }
        g_byte_array_unref(g_queue_pop_head(&n->rx_pending));
        any = true;
    }
    if (any) {
        virtio_notify(VIRTIO_DEVICE(n), n->rx_vq);
    }
}

static void net_handle_rx(VirtIODevice *vdev, VirtQueue *vq)
{
    (void)vq;
    net_rx_flush(VIRTIO_NET(vdev));
}

static void net_handle_tx(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtIONet *n = VIRTIO_NET(vdev);
    size_t hl = net_hdr_len(vdev);
    VirtQueueElement *e;
    bool any = false;

    while ((e = virtqueue_pop(vq))) {
        size_t size = virtqueue_elem_out_size(e);

        if (size < hl || size - hl > NET_FRAME_MAX) {
            log_mask(LOG_GUEST_ERROR, "virtio-net: transmit of %zu bytes "
                     "(header %zu, max frame %d): dropped\n", size, hl,
                     NET_FRAME_MAX);
        } else if (size > hl) {
            g_autofree uint8_t *buf = g_malloc(size - hl);

            if (virtqueue_elem_read(vdev, e, hl, buf, size - hl) ==
                size - hl && n->slirp) {
                slirp_input(n->slirp, buf, size - hl);
            }
        }
        if (vdev->broken) {
            g_free(e);
            return;
        }
        virtqueue_push(vq, e, 0);
        g_free(e);
        any = true;
    }
    if (any) {
        virtio_notify(vdev, vq);
    }
}

/* ---------------------------------------------------------------- */
/* slirp callbacks */

static ssize_t net_slirp_send(const void *buf, size_t len, void *opaque)
{
    VirtIONet *n = opaque;
    GByteArray *f;

    if (g_queue_get_length(&n->rx_pending) >= NET_RX_PENDING_MAX) {
        return len;             /* a full NIC drops, like hardware */
    }
    f = g_byte_array_sized_new(len);
    g_byte_array_append(f, buf, len);
    g_queue_push_tail(&n->rx_pending, f);
    net_rx_flush(n);
    return len;
}

static void net_slirp_guest_error(const char *msg, void *opaque)
{
    log_mask(LOG_GUEST_ERROR, "virtio-net: slirp: %s\n", msg);
}

static int64_t net_slirp_clock_ns(void *opaque)
{
    return qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
}

typedef struct NetSlirpTimer {
    QEMUTimer timer;
    SlirpTimerCb cb;
    void *cb_opaque;
} NetSlirpTimer;

static void net_slirp_timer_fire(void *opaque)
{
    NetSlirpTimer *t = opaque;

    t->cb(t->cb_opaque);
}

static void *net_slirp_timer_new(SlirpTimerCb cb, void *cb_opaque,
                                 void *opaque)
{
    NetSlirpTimer *t = g_new0(NetSlirpTimer, 1);

    t->cb = cb;
    t->cb_opaque = cb_opaque;
    timer_init_ms(&t->timer, QEMU_CLOCK_VIRTUAL, net_slirp_timer_fire, t);
    return t;
}

static void net_slirp_timer_free(void *timer, void *opaque)
{
    NetSlirpTimer *t = timer;

    timer_del(&t->timer);
    timer_deinit(&t->timer);
    g_free(t);
}

static void net_slirp_timer_mod(void *timer, int64_t expire_ms, void *opaque)
{
    NetSlirpTimer *t = timer;

    timer_mod(&t->timer, expire_ms);
}

static void net_slirp_poll_fd(int fd, void *opaque)
{
}

static void net_slirp_notify(void *opaque)
{
    qemu_notify_event();
}

static const SlirpCb net_slirp_cb = {
    .send_packet = net_slirp_send,
    .guest_error = net_slirp_guest_error,
    .clock_get_ns = net_slirp_clock_ns,
    .timer_new = net_slirp_timer_new,
    .timer_free = net_slirp_timer_free,
    .timer_mod = net_slirp_timer_mod,
    .register_poll_fd = net_slirp_poll_fd,
    .unregister_poll_fd = net_slirp_poll_fd,
    .notify = net_slirp_notify,
};

/* ---------------------------------------------------------------- */
/* Polling slirp's sockets from the main loop */

struct SlirpSource {
    GSource source;
    VirtIONet *n;
    GArray *pfds;               /* GPollFD, registered with the source */
};

static int src_add_poll(int fd, int events, void *opaque)
{
    SlirpSource *s = opaque;
    GPollFD pfd = { .fd = fd, .events = 0 };

    if (events & SLIRP_POLL_IN) {
        pfd.events |= G_IO_IN;
    }
    if (events & SLIRP_POLL_OUT) {
        pfd.events |= G_IO_OUT;
    }
    if (events & SLIRP_POLL_PRI) {
        pfd.events |= G_IO_PRI;
    }
    if (events & SLIRP_POLL_ERR) {
        pfd.events |= G_IO_ERR;
    }
    if (events & SLIRP_POLL_HUP) {
        pfd.events |= G_IO_HUP;
    }
    g_array_append_val(s->pfds, pfd);
    return s->pfds->len - 1;
}

static int src_get_revents(int idx, void *opaque)
{
    SlirpSource *s = opaque;
    GPollFD *pfd;
    int ev = 0;

    if (idx < 0 || (guint)idx >= s->pfds->len) {
        return 0;
    }
    pfd = &g_array_index(s->pfds, GPollFD, idx);
    if (pfd->revents & G_IO_IN) {
        ev |= SLIRP_POLL_IN;
    }
    if (pfd->revents & G_IO_OUT) {
        ev |= SLIRP_POLL_OUT;
    }
    if (pfd->revents & G_IO_PRI) {
        ev |= SLIRP_POLL_PRI;
    }
    if (pfd->revents & G_IO_ERR) {
        ev |= SLIRP_POLL_ERR;
    }
    if (pfd->revents & G_IO_HUP) {
        ev |= SLIRP_POLL_HUP;
    }
    return ev;
}

static gboolean src_prepare(GSource *gs, gint *timeout)
{
    SlirpSource *s = (SlirpSource *)gs;
    uint32_t t = UINT32_MAX;

    for (guint i = 0; i < s->pfds->len; i++) {
        g_source_remove_poll(gs, &g_array_index(s->pfds, GPollFD, i));
    }
    g_array_set_size(s->pfds, 0);
    slirp_pollfds_fill(s->n->slirp, &t, src_add_poll, s);
    /* The array may have moved while growing: register after filling. */
    for (guint i = 0; i < s->pfds->len; i++) {
        g_source_add_poll(gs, &g_array_index(s->pfds, GPollFD, i));
    }
    *timeout = t == UINT32_MAX ? -1 : (gint)MIN(t, (uint32_t)G_MAXINT);
    return FALSE;
}

static gboolean src_check(GSource *gs)
{
    return TRUE;
}

static gboolean src_dispatch(GSource *gs, GSourceFunc cb, gpointer data)
{
    SlirpSource *s = (SlirpSource *)gs;

    slirp_pollfds_poll(s->n->slirp, 0, src_get_revents, s);
    return G_SOURCE_CONTINUE;
}

static void src_finalize(GSource *gs)
{
    SlirpSource *s = (SlirpSource *)gs;

    g_array_free(s->pfds, TRUE);
}

static GSourceFuncs slirp_source_funcs = {
    .prepare = src_prepare,
    .check = src_check,
    .dispatch = src_dispatch,
    .finalize = src_finalize,
};

/* ---------------------------------------------------------------- */
/* -netdev user options */

static bool parse_addr_port(const char *s, struct in_addr *addr, int *port,
                            struct in_addr def)
{
    const char *colon = strrchr(s, ':');
    g_autofree char *a = NULL;
    char *end;
    long p;

    if (!colon) {
        return false;
    }
    a = g_strndup(s, colon - s);
    if (!*a) {
        *addr = def;
    } else if (!inet_aton(a, addr)) {
        return false;
    }
    p = strtol(colon + 1, &end, 10);
    if (end == colon + 1 || *end || p < 0 || p > 65535) {
        return false;
    }
    *port = p;
    return true;
}

/*
 * net=ADDR[/MASK] (default 10.0.2.0/24), host= (default .2), dns= (.3),
 * dhcpstart= (.15): QEMU's defaults, and its rule that they sit inside
 * the network.
 */
static bool net_slirp_addresses(const KeyValList *kv, SlirpConfig *cfg,
                                GError **errp)
{
    const char *net = keyval_get(kv, "net");
    uint32_t addr = 0x0a000200, mask = 0xffffff00;
    struct {
        const char *key;
        uint32_t def_host;
        struct in_addr *out;
    } parts[] = {
        { "host", 2, &cfg->vhost },
        { "dns", 3, &cfg->vnameserver },
        { "dhcpstart", 15, &cfg->vdhcp_start },
    };

    if (net) {
        g_autofree char *a = g_strdup(net);
        char *slash = strchr(a, '/');
        struct in_addr ia;

        if (slash) {
            char *end;
            long bits;

            *slash++ = 0;
            bits = strtol(slash, &end, 10);
            if (*end == 0 && bits >= 0 && bits <= 32 && end != slash) {
                mask = bits ? ~0u << (32 - bits) : 0;
            } else if (inet_aton(slash, &ia)) {
                mask = ntohl(ia.s_addr);
            } else {
                error_setg(errp, "Invalid netmask provided (must be in range "
                           "0-32)");
                return false;
            }
        }
        if (!inet_aton(a, &ia)) {
            error_setg(errp, "Invalid IP address '%s'", a);
            return false;
        }
        addr = ntohl(ia.s_addr) & mask;
    }
    cfg->vnetwork.s_addr = htonl(addr);
    cfg->vnetmask.s_addr = htonl(mask);
    for (size_t i = 0; i < ARRAY_SIZE(parts); i++) {
        const char *v = keyval_get(kv, parts[i].key);
        struct in_addr ia;

        if (v) {
            if (!inet_aton(v, &ia)) {
                error_setg(errp, "Invalid %s address '%s'", parts[i].key, v);
                return false;
            }
            if ((ntohl(ia.s_addr) & mask) != addr) {
                error_setg(errp, "%s '%s' must be in the guest network",
                           parts[i].key, v);
                return false;
            }
        } else {
            ia.s_addr = htonl(addr | parts[i].def_host);
        }
        *parts[i].out = ia;
    }
    return true;
}

/* "tcp:[haddr]:hport-[gaddr]:gport" (proto optional, default tcp) */
static bool add_hostfwd(Slirp *slirp, const char *spec,
                        struct in_addr guest_def, GError **errp)
{
    const char *p = spec, *dash;
    struct in_addr any = { .s_addr = INADDR_ANY }, ha, ga;
    g_autofree char *host = NULL;
    bool udp = false;
    int hp, gp;

    if (g_str_has_prefix(p, "tcp:")) {
        p += 4;
    } else if (g_str_has_prefix(p, "udp:")) {
        udp = true;
        p += 4;
    } else if (*p == ':') {
        p += 1;
    }
    dash = strchr(p, '-');
    if (!dash) {
        goto bad;
    }
    host = g_strndup(p, dash - p);
    /* "::2222" style: host part is ":PORT" after the protocol colon */
    if (!parse_addr_port(host, &ha, &hp, any) ||
        !parse_addr_port(dash + 1, &ga, &gp, guest_def)) {
        goto bad;
    }
    if (slirp_add_hostfwd(slirp, udp, ha, hp, ga, gp) < 0) {
        error_setg(errp, "-netdev user: could not set up host forwarding "
                   "rule '%s'", spec);
        return false;
    }
    return true;
bad:
    error_setg(errp, "-netdev user: invalid host forwarding rule '%s'", spec);
    return false;
}

static bool net_slirp_start(VirtIONet *n, const KeyValList *kv,
                            GError **errp)
{
    SlirpConfig cfg = { 0 };
    bool restrict_ = false;

    cfg.version = 1;
    cfg.in_enabled = true;
    if (!net_slirp_addresses(kv, &cfg, errp) ||
        !keyval_get_bool(kv, "restrict", false, &restrict_, errp)) {
        return false;
    }
    cfg.restricted = restrict_;
    cfg.vhostname = keyval_get(kv, "hostname");
    cfg.vdomainname = keyval_get(kv, "domainname");
    cfg.tftp_path = keyval_get(kv, "tftp");
    cfg.bootfile = keyval_get(kv, "bootfile");
    cfg.tftp_server_name = keyval_get(kv, "tftp-server-name");
    n->slirp = slirp_new(&cfg, &net_slirp_cb, n);
    if (!n->slirp) {
        error_setg(errp, "-netdev user: could not start the user network");
        return false;
    }
    /* vl.c stores repeated rules as hostfwd, hostfwd.1, ... */
    for (guint i = 0; i < keyval_count(kv); i++) {
        if (g_str_has_prefix(keyval_key(kv, i), "hostfwd") &&
            !add_hostfwd(n->slirp, keyval_value(kv, i), cfg.vdhcp_start, errp)) {
            return false;
        }
    }
    n->src = (SlirpSource *)g_source_new(&slirp_source_funcs,
                                         sizeof(SlirpSource));
    n->src->n = n;
    n->src->pfds = g_array_new(FALSE, FALSE, sizeof(GPollFD));
    g_source_attach(&n->src->source, NULL);
    return true;
}

/* ---------------------------------------------------------------- */
/* The device */

static uint64_t net_get_features(VirtIODevice *vdev, uint64_t f)
{
    return f | (1ULL << VIRTIO_NET_F_MAC) | (1ULL << VIRTIO_NET_F_STATUS);
}

static void net_get_config(VirtIODevice *vdev, uint8_t *c)
{
    VirtIONet *n = VIRTIO_NET(vdev);

    memcpy(c + NET_CFG_MAC, n->mac, 6);
    stw_le_p(c + NET_CFG_STATUS, VIRTIO_NET_S_LINK_UP);
    stw_le_p(c + NET_CFG_MAX_PAIRS, 1);
}

static void net_set_config(VirtIODevice *vdev, const uint8_t *c)
{
    /* Legacy drivers may set the MAC through config space. */
    if (vdev->legacy && !virtio_vdev_has_feature(vdev, VIRTIO_F_VERSION_1)) {
        memcpy(VIRTIO_NET(vdev)->mac, c + NET_CFG_MAC, 6);
    }
}

static void net_reset(VirtIODevice *vdev)
{
    VirtIONet *n = VIRTIO_NET(vdev);
    GByteArray *f;

    while ((f = g_queue_pop_head(&n->rx_pending))) {
        g_byte_array_unref(f);
    }
}

static void net_release_netdev(VirtIONet *n)
{
    if (n->netdev_claimed) {
        g_hash_table_remove(netdevs_in_use, n->netdev);
        n->netdev_claimed = false;
    }
}

static void net_realize(VirtIODevice *vdev, GError **errp)
{
    VirtIONet *n = VIRTIO_NET(vdev);
    const KeyValList *kv = NULL;
    static uint8_t next_mac = 0x56;

    if (n->mac_str) {
        unsigned int m[6];
        char tail;

        if (sscanf(n->mac_str, "%x:%x:%x:%x:%x:%x%c", &m[0], &m[1], &m[2],
                   &m[3], &m[4], &m[5], &tail) != 6) {
            error_setg(errp, "Property 'virtio-net-device.mac' doesn't take "
                       "value '%s'", n->mac_str);
            return;
        }
        for (int i = 0; i < 6; i++) {
            if (m[i] > 0xff) {
                error_setg(errp, "Property 'virtio-net-device.mac' doesn't "
                           "take value '%s'", n->mac_str);
                return;
            }
            n->mac[i] = m[i];
        }
    } else {
        /* QEMU's default: 52:54:00:12:34:56, then :57, ... */
        uint8_t def[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, next_mac++ };

        memcpy(n->mac, def, 6);
    }
    if (n->netdev) {
        kv = netdev_lookup(n->netdev);
        if (!kv) {
            error_setg(errp, "Property 'virtio-net-device.netdev' can't find "
                       "value '%s'", n->netdev);
            return;
        }
        /* One -netdev user serves one NIC (it owns the slirp instance). */
        if (!netdevs_in_use) {
            netdevs_in_use = g_hash_table_new_full(g_str_hash, g_str_equal,
                                                   g_free, NULL);
        }
        if (g_hash_table_contains(netdevs_in_use, n->netdev)) {
            error_setg(errp, "Property 'virtio-net-device.netdev' can't take "
                       "value '%s', it's in use", n->netdev);
            return;
        }
        g_hash_table_add(netdevs_in_use, g_strdup(n->netdev));
        n->netdev_claimed = true;
    }
    g_queue_init(&n->rx_pending);
    virtio_init(vdev, VIRTIO_ID_NET, NET_CFG_SIZE);
    n->rx_vq = virtio_add_queue(vdev, 256, net_handle_rx);
    n->tx_vq = virtio_add_queue(vdev, 256, net_handle_tx);
    if (kv && !net_slirp_start(n, kv, errp)) {
        if (n->slirp) {
            slirp_cleanup(n->slirp);
            n->slirp = NULL;
        }
        net_release_netdev(n);
    }
}

static void net_unrealize(VirtIODevice *vdev)
{
    VirtIONet *n = VIRTIO_NET(vdev);

    net_release_netdev(n);
    if (n->src) {
        g_source_destroy(&n->src->source);
        g_source_unref(&n->src->source);
        n->src = NULL;
    }
    if (n->slirp) {
        slirp_cleanup(n->slirp);
        n->slirp = NULL;
    }
    net_reset(vdev);
}

/* ---------------------------------------------------------------- */
/* Migration */

/* Frames slirp produced that no receive buffer took yet: u32 count, then
 * each as u32 length + bytes. */
static void net_rx_pending_put(GByteArray *out, void *field, void *opaque)
{
    VirtIONet *n = opaque;
    uint8_t le[4];

    stl_le_p(le, g_queue_get_length(&n->rx_pending));
    g_byte_array_append(out, le, 4);
    for (GList *l = n->rx_pending.head; l; l = l->next) {
        GByteArray *f = l->data;

        stl_le_p(le, f->len);
        g_byte_array_append(out, le, 4);
        g_byte_array_append(out, f->data, f->len);
    }
}

static bool net_rx_pending_get(const uint8_t *buf, size_t len, void *field,
                               void *opaque, GError **errp)
{
    VirtIONet *n = opaque;
    const uint8_t *end = buf + len;
    uint32_t count;

    if (len < 4 || (count = ldl_le_p(buf)) > NET_RX_PENDING_MAX) {
        goto bad;
    }
    buf += 4;
    for (uint32_t i = 0; i < count; i++) {
        uint32_t flen;
        GByteArray *f;

        if (end - buf < 4 || (flen = ldl_le_p(buf)) > NET_FRAME_MAX ||
            (size_t)(end - buf - 4) < flen) {
            goto bad;
        }
        f = g_byte_array_sized_new(flen);
        g_byte_array_append(f, buf + 4, flen);
        g_queue_push_tail(&n->rx_pending, f);
        buf += 4 + flen;
    }
    if (buf == end) {
        return true;
    }
bad:
    error_setg(errp, "virtio-net: malformed queue of received frames");
    return false;
}

static const VMStateInfo vmstate_info_net_rx_pending = {
    .name = "virtio-net-rx-pending",
    .put = net_rx_pending_put,
    .get = net_rx_pending_get,
};

typedef struct NetSlirpReader {
    const uint8_t *p, *end;
} NetSlirpReader;

static ssize_t net_slirp_state_write(const void *buf, size_t len, void *opaque)
{
    g_byte_array_append(opaque, buf, len);
    return len;
}

static ssize_t net_slirp_state_read(void *buf, size_t len, void *opaque)
{
    NetSlirpReader *r = opaque;

    if ((size_t)(r->end - r->p) < len) {
        return -1;
    }
    memcpy(buf, r->p, len);
    r->p += len;
    return len;
}

/*
 * libslirp's own state (DHCP leases, IP ids; not the guest's TCP
 * connections, whose host sockets stay with the source): u32 present,
 * u32 slirp's state version, its bytes.
 */
static void net_slirp_put(GByteArray *out, void *field, void *opaque)
{
    VirtIONet *n = opaque;
    uint8_t le[4];

    stl_le_p(le, n->slirp != NULL);
    g_byte_array_append(out, le, 4);
    if (n->slirp) {
        stl_le_p(le, slirp_state_version());
        g_byte_array_append(out, le, 4);
        slirp_state_save(n->slirp, net_slirp_state_write, out);
    }
}

static bool net_slirp_get(const uint8_t *buf, size_t len, void *field,
                          void *opaque, GError **errp)
{
    VirtIONet *n = opaque;
    NetSlirpReader r = { buf + 8, buf + len };
    int ret;

    if (len < 4 || ldl_le_p(buf) != (n->slirp != NULL)) {
        error_setg(errp, "virtio-net: -netdev user on one side only");
        return false;
    }
    if (!n->slirp) {
        return len == 4 ||
               (error_setg(errp, "virtio-net: malformed slirp state"), false);
    }
    if (len < 8) {
        error_setg(errp, "virtio-net: malformed slirp state");
        return false;
    }
    ret = slirp_state_load(n->slirp, ldl_le_p(buf + 4), net_slirp_state_read,
                           &r);
    if (ret < 0 || r.p != r.end) {
        error_setg(errp, "virtio-net: libslirp refused its state (%d)", ret);
        return false;
    }
    return true;
}

static const VMStateInfo vmstate_info_net_slirp = {
    .name = "virtio-net-slirp",
    .put = net_slirp_put,
    .get = net_slirp_get,
};

static const VMStateDescription vmstate_virtio_net = {
    .name = "virtio-net",
    .version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_VIRTIO_DEVICE(parent_obj, VirtIONet),
        VMSTATE_UINT8_ARRAY(mac, VirtIONet),
        VMSTATE_CUSTOM("rx_pending", vmstate_info_net_rx_pending),
        VMSTATE_CUSTOM("slirp", vmstate_info_net_slirp),
        VMSTATE_END_OF_LIST()
    },
};

static Property net_props[] = {
    DEFINE_PROP_STRING("netdev", VirtIONet, netdev),
    DEFINE_PROP_STRING("mac", VirtIONet, mac_str),
    DEFINE_PROP_BOOL("mq", VirtIONet, feature_opts[0], false),
    DEFINE_PROP_BOOL("csum", VirtIONet, feature_opts[1], true),
    DEFINE_PROP_BOOL("guest_csum", VirtIONet, feature_opts[2], true),
    DEFINE_PROP_BOOL("gso", VirtIONet, feature_opts[3], true),
    DEFINE_PROP_BOOL("guest_tso4", VirtIONet, feature_opts[4], true),
    DEFINE_PROP_BOOL("guest_tso6", VirtIONet, feature_opts[5], true),
    DEFINE_PROP_BOOL("guest_ecn", VirtIONet, feature_opts[6], true),
    DEFINE_PROP_BOOL("guest_ufo", VirtIONet, feature_opts[7], true),
    DEFINE_PROP_BOOL("guest_announce", VirtIONet, feature_opts[8], true),
    DEFINE_PROP_BOOL("host_tso4", VirtIONet, feature_opts[9], true),
    DEFINE_PROP_BOOL("host_tso6", VirtIONet, feature_opts[10], true),
    DEFINE_PROP_BOOL("host_ecn", VirtIONet, feature_opts[11], true),
    DEFINE_PROP_BOOL("host_ufo", VirtIONet, feature_opts[12], true),
    DEFINE_PROP_BOOL("mrg_rxbuf", VirtIONet, feature_opts[13], true),
    DEFINE_PROP_BOOL("ctrl_vq", VirtIONet, feature_opts[14], true),
    DEFINE_PROP_BOOL("ctrl_rx", VirtIONet, feature_opts[15], true),
    DEFINE_PROP_BOOL("ctrl_vlan", VirtIONet, feature_opts[16], true),
    DEFINE_PROP_BOOL("ctrl_rx_extra", VirtIONet, feature_opts[17], true),
    DEFINE_PROP_BOOL("ctrl_mac_addr", VirtIONet, feature_opts[18], true),
    DEFINE_PROP_BOOL("status", VirtIONet, feature_opts[19], true),
    DEFINE_PROP_BOOL("failover", VirtIONet, feature_opts[20], false),
    DEFINE_PROP_UINT16("rx_queue_size", VirtIONet, rx_queue_size, 256),
    DEFINE_PROP_UINT16("tx_queue_size", VirtIONet, tx_queue_size, 256),
    DEFINE_PROP_UINT16("host_mtu", VirtIONet, host_mtu, 0),
    DEFINE_PROP_END_OF_LIST(),
};

static void net_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_CLASS(klass);

    dc->desc = "virtio network device (netdev=ID of -netdev user)";
    device_class_set_category(dc, DEVICE_CATEGORY_NETWORK);
    device_class_set_props(dc, net_props);
    dc->vmsd = &vmstate_virtio_net;
    vdc->realize = net_realize;
    vdc->unrealize = net_unrealize;
    vdc->get_features = net_get_features;
    vdc->get_config = net_get_config;
    vdc->set_config = net_set_config;
    vdc->reset = net_reset;
}

static const TypeInfo net_info = {
    .name = TYPE_VIRTIO_NET,
    .parent = TYPE_VIRTIO_DEVICE,
    .instance_size = sizeof(VirtIONet),
    .class_init = net_class_init,
};

static void net_register_types(void)
{
    type_register_static(&net_info);
}

type_init(net_register_types)
