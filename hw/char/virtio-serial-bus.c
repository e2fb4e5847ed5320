/*
 * virtio-serial-bus.c - the virtio console device (virtio-serial-device),
 * its port bus, and the chardev-backed ports virtconsole and
 * virtserialport.
 *
 * Data path: the guest's transmitq buffers go to the port's chardev as
 * they are popped (write_all: a slow host side stalls the vCPU, not the
 * guest's data); chardev input goes into receiveq buffers the guest
 * posted, and is held back by can_read while there are none. The control
 * queues (MULTIPORT) announce ports, say which is the console, and carry
 * open/close both ways.
 *
 * Not for: the virtio-pci wrapper (hw/virtio/virtio-pci.c).
 */
#include "util/osdep.h"
#include "util/log.h"
#include "util/error.h"
#include "util/bswap.h"
#include "hw/qdev-properties.h"
#include "hw/virtio/virtio-serial.h"

#define VSER_QUEUE_SIZE 128

/* virtio_console_config */
#define VSER_CFG_COLS       0
#define VSER_CFG_ROWS       2
#define VSER_CFG_MAX_PORTS  4
#define VSER_CFG_EMERG_WR   8
#define VSER_CFG_SIZE       12

#define VSER_CTRL_SIZE      8       /* le32 id, le16 event, le16 value */

static bool use_multiport(VirtIOSerial *s)
{
    return virtio_vdev_has_feature(VIRTIO_DEVICE(s),
                                   VIRTIO_CONSOLE_F_MULTIPORT);
}

static VirtIOSerialPort *port_by_vq(VirtIOSerial *s, VirtQueue *vq)
{
    for (unsigned int i = 0; i < VIRTIO_SERIAL_MAX_PORTS; i++) {
        VirtIOSerialPort *p = s->ports[i];

        if (p && (p->ivq == vq || p->ovq == vq)) {
            return p;
        }
    }
    return NULL;
}

static bool port_open_to_guest(VirtIOSerialPort *port)
{
    return !use_multiport(port->vser) || port->guest_connected;
}

/* ---------------------------------------------------------------- */
/* Control queue */

typedef struct CtrlMsg {
    size_t len;
    uint8_t data[];
} CtrlMsg;

static void ctrl_flush(VirtIOSerial *s)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(s);
    bool pushed = false;
    CtrlMsg *m;

    while ((m = g_queue_peek_head(&s->pending_ctrl))) {
        VirtQueueElement *e = virtqueue_pop(s->c_ivq);
        size_t n;

        if (!e) {
            break;
        }
        if (virtqueue_elem_in_size(e) < m->len) {
            virtio_error(vdev, "control buffer of %zu bytes < %zu",
                         virtqueue_elem_in_size(e), m->len);
            g_free(e);
            return;
        }
        n = virtqueue_elem_write(vdev, e, 0, m->data, m->len);
        virtqueue_push(s->c_ivq, e, n);
        g_free(e);
        g_free(g_queue_pop_head(&s->pending_ctrl));
        pushed = true;
    }
    if (pushed) {
        virtio_notify(vdev, s->c_ivq);
    }
}

static void send_ctrl(VirtIOSerial *s, uint32_t id, uint16_t event,
                      uint16_t value, const char *extra)
{
    size_t xlen = extra ? strlen(extra) + 1 : 0;
    CtrlMsg *m = g_malloc(sizeof(*m) + VSER_CTRL_SIZE + xlen);

    m->len = VSER_CTRL_SIZE + xlen;
    stl_le_p(m->data, id);
    stw_le_p(m->data + 4, event);
    stw_le_p(m->data + 6, value);
    if (xlen) {
        memcpy(m->data + VSER_CTRL_SIZE, extra, xlen);
    }
    g_queue_push_tail(&s->pending_ctrl, m);
    ctrl_flush(s);
}

static void port_set_guest_connected(VirtIOSerialPort *port, bool on)
{
    port->guest_connected = on;
    if (on && port->chr.chr) {
        qemu_chr_fe_accept_input(&port->chr);
    }
}

static void handle_ctrl_msg(VirtIOSerial *s, uint32_t id, uint16_t event,
                            uint16_t value)
{
    VirtIOSerialPort *port;

    if (event == VIRTIO_CONSOLE_DEVICE_READY) {
        if (!value) {
            log_mask(LOG_GUEST_ERROR, "virtio-serial: driver failed to "
                     "initialize\n");
            return;
        }
        s->device_ready = true;
        for (unsigned int i = 0; i < VIRTIO_SERIAL_MAX_PORTS; i++) {
            if (s->ports[i]) {
                send_ctrl(s, s->ports[i]->id, VIRTIO_CONSOLE_DEVICE_ADD, 1,
                          NULL);
            }
        }
        return;
    }
    port = id < VIRTIO_SERIAL_MAX_PORTS ? s->ports[id] : NULL;
    if (!port) {
        log_mask(LOG_GUEST_ERROR, "virtio-serial: control event %u for "
                 "unknown port %u\n", event, id);
        return;
    }
    switch (event) {
    case VIRTIO_CONSOLE_PORT_READY:
        if (!value) {
            log_mask(LOG_GUEST_ERROR, "virtio-serial: guest failed to add "
                     "port %u\n", id);
            return;
        }
        if (port->is_console) {
            send_ctrl(s, id, VIRTIO_CONSOLE_CONSOLE_PORT, 1, NULL);
        }
        if (port->name) {
            send_ctrl(s, id, VIRTIO_CONSOLE_PORT_NAME, 1, port->name);
        }
        if (port->host_connected) {
            send_ctrl(s, id, VIRTIO_CONSOLE_PORT_OPEN, 1, NULL);
        }
        break;
    case VIRTIO_CONSOLE_PORT_OPEN:
        port_set_guest_connected(port, value != 0);
        break;
    default:
        log_mask(LOG_GUEST_ERROR, "virtio-serial: unexpected control event "
                 "%u from the guest\n", event);
        break;
    }
}

static void handle_c_ovq(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtIOSerial *s = VIRTIO_SERIAL(vdev);
    VirtQueueElement *e;

    while ((e = virtqueue_pop(vq))) {
        uint8_t msg[VSER_CTRL_SIZE];

        if (virtqueue_elem_read(vdev, e, 0, msg, sizeof(msg)) ==
            sizeof(msg)) {
            handle_ctrl_msg(s, ldl_le_p(msg), lduw_le_p(msg + 4),
                            lduw_le_p(msg + 6));
        } else if (!vdev->broken) {
            log_mask(LOG_GUEST_ERROR, "virtio-serial: short control message "
                     "(%zu bytes)\n", virtqueue_elem_out_size(e));
        }
        virtqueue_push(vq, e, 0);
        g_free(e);
    }
    virtio_notify(vdev, vq);
}

static void handle_c_ivq(VirtIODevice *vdev, VirtQueue *vq)
{
    (void)vq;
    ctrl_flush(VIRTIO_SERIAL(vdev));
}

/* ---------------------------------------------------------------- */
/* Data queues */

static void handle_ovq(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtIOSerial *s = VIRTIO_SERIAL(vdev);
    VirtIOSerialPort *port = port_by_vq(s, vq);
    VirtQueueElement *e;
    uint8_t buf[4096];

    while ((e = virtqueue_pop(vq))) {
        size_t size = virtqueue_elem_out_size(e), off = 0;

        while (off < size && !vdev->broken) {
            size_t n = virtqueue_elem_read(vdev, e, off, buf,
                                           MIN(sizeof(buf), size - off));
            if (!n) {
                break;
            }
            /* Data for a port nobody listens on is dropped, as on QEMU. */
            if (port && port->chr.chr) {
                qemu_chr_fe_write_all(&port->chr, buf, n);
            }
            off += n;
        }
        virtqueue_push(vq, e, 0);
        g_free(e);
    }
    virtio_notify(vdev, vq);
}

static void handle_ivq(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtIOSerialPort *port = port_by_vq(VIRTIO_SERIAL(vdev), vq);

    if (port && port->chr.chr) {
        qemu_chr_fe_accept_input(&port->chr);
    }
}

size_t virtio_serial_guest_ready(VirtIOSerialPort *port)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(port->vser);

    if (!port->ivq || vdev->broken || !port_open_to_guest(port)) {
        return 0;
    }
    if (!port->rx_elem) {
        port->rx_elem = virtqueue_pop(port->ivq);
        port->rx_offset = 0;
        if (!port->rx_elem) {
            return 0;
        }
    }
    return virtqueue_elem_in_size(port->rx_elem) - port->rx_offset;
}

size_t virtio_serial_write(VirtIOSerialPort *port, const uint8_t *buf,
                           size_t len)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(port->vser);
    size_t done = 0;

    while (done < len) {
        size_t room = virtio_serial_guest_ready(port), n;

        if (!room) {
            break;
        }
        n = virtqueue_elem_write(vdev, port->rx_elem, port->rx_offset,
                                 buf + done, MIN(room, len - done));
        if (!n) {
            break;
        }
        done += n;
        /* Hand each chunk over at once: consoles want low latency. */
        virtqueue_push(port->ivq, port->rx_elem, port->rx_offset + n);
        g_free(port->rx_elem);
        port->rx_elem = NULL;
    }
    if (done) {
        virtio_notify(vdev, port->ivq);
    }
    return done;
}

/* ---------------------------------------------------------------- */
/* The device */

static uint64_t vser_get_features(VirtIODevice *vdev, uint64_t f)
{
    VirtIOSerial *s = VIRTIO_SERIAL(vdev);

    if (s->max_nr_ports > 1) {
        f |= 1ULL << VIRTIO_CONSOLE_F_MULTIPORT;
    }
    return f | (1ULL << VIRTIO_CONSOLE_F_EMERG_WRITE);
}

static void vser_get_config(VirtIODevice *vdev, uint8_t *config)
{
    VirtIOSerial *s = VIRTIO_SERIAL(vdev);

    stw_le_p(config + VSER_CFG_COLS, 0);
    stw_le_p(config + VSER_CFG_ROWS, 0);
    stl_le_p(config + VSER_CFG_MAX_PORTS, s->max_nr_ports);
    stl_le_p(config + VSER_CFG_EMERG_WR, 0);
}

static void vser_set_config(VirtIODevice *vdev, const uint8_t *config)
{
    VirtIOSerial *s = VIRTIO_SERIAL(vdev);
    uint32_t c = ldl_le_p(config + VSER_CFG_EMERG_WR);
    VirtIOSerialPort *port = s->ports[0];

    /* Emergency write: one character to port 0, whatever its state. */
    if (c && port && port->chr.chr) {
        uint8_t b = c;

        qemu_chr_fe_write_all(&port->chr, &b, 1);
    }
    stl_le_p(vdev->config + VSER_CFG_EMERG_WR, 0);
}

static void vser_reset(VirtIODevice *vdev)
{
    VirtIOSerial *s = VIRTIO_SERIAL(vdev);
    CtrlMsg *m;

    while ((m = g_queue_pop_head(&s->pending_ctrl))) {
        g_free(m);
    }
    s->device_ready = false;
    for (unsigned int i = 0; i < VIRTIO_SERIAL_MAX_PORTS; i++) {
        VirtIOSerialPort *p = s->ports[i];

        if (p) {
            g_free(p->rx_elem);
            p->rx_elem = NULL;
            p->guest_connected = false;
        }
    }
}

static void vser_set_status(VirtIODevice *vdev, uint8_t status)
{
    VirtIOSerial *s = VIRTIO_SERIAL(vdev);

    /* Without MULTIPORT, port 0 is open as soon as the driver is. */
    if ((status & VIRTIO_CONFIG_S_DRIVER_OK) && s->ports[0] &&
        s->ports[0]->chr.chr) {
        qemu_chr_fe_accept_input(&s->ports[0]->chr);
    }
}

static void vser_realize(VirtIODevice *vdev, GError **errp)
{
    VirtIOSerial *s = VIRTIO_SERIAL(vdev);

    if (s->max_nr_ports < 1 || s->max_nr_ports > VIRTIO_SERIAL_MAX_PORTS) {
        error_setg(errp, "virtio-serial-device: max_ports must be 1..%d, "
                   "not %u", VIRTIO_SERIAL_MAX_PORTS, s->max_nr_ports);
        return;
    }
    virtio_init(vdev, VIRTIO_ID_CONSOLE, VSER_CFG_SIZE);
    /* Queue order is fixed by the spec: port 0, control, ports 1.. */
    virtio_add_queue(vdev, VSER_QUEUE_SIZE, handle_ivq);
    virtio_add_queue(vdev, VSER_QUEUE_SIZE, handle_ovq);
    if (s->max_nr_ports > 1) {
        s->c_ivq = virtio_add_queue(vdev, 32, handle_c_ivq);
        s->c_ovq = virtio_add_queue(vdev, 32, handle_c_ovq);
        for (unsigned int i = 1; i < s->max_nr_ports; i++) {
            virtio_add_queue(vdev, VSER_QUEUE_SIZE, handle_ivq);
            virtio_add_queue(vdev, VSER_QUEUE_SIZE, handle_ovq);
        }
    }
    g_queue_init(&s->pending_ctrl);
    qbus_init(&s->bus, sizeof(s->bus), TYPE_VIRTIO_SERIAL_BUS, DEVICE(s),
              NULL);
}

static void vser_unrealize(VirtIODevice *vdev)
{
    vser_reset(vdev);
}

static Property vser_props[] = {
    DEFINE_PROP_UINT32("max_ports", VirtIOSerial, max_nr_ports,
                       VIRTIO_SERIAL_MAX_PORTS),
    DEFINE_PROP_END_OF_LIST(),
};

/* ---------------------------------------------------------------- */
/* Migration */

/* Control messages waiting for a guest buffer: u32 count, (u32 len, bytes)*. */
static void vser_ctrl_put(GByteArray *out, void *field, void *opaque)
{
    VirtIOSerial *s = opaque;
    uint8_t le[4];

    stl_le_p(le, g_queue_get_length(&s->pending_ctrl));
    g_byte_array_append(out, le, 4);
    for (GList *l = s->pending_ctrl.head; l; l = l->next) {
        CtrlMsg *m = l->data;

        stl_le_p(le, m->len);
        g_byte_array_append(out, le, 4);
        g_byte_array_append(out, m->data, m->len);
    }
}

static bool vser_ctrl_get(const uint8_t *buf, size_t len, void *field,
                          void *opaque, GError **errp)
{
    VirtIOSerial *s = opaque;
    const uint8_t *end = buf + len;
    uint32_t count;

    if (len < 4) {
        goto bad;
    }
    count = ldl_le_p(buf);
    buf += 4;
    for (uint32_t i = 0; i < count; i++) {
        uint32_t mlen;
        CtrlMsg *m;

        if (end - buf < 4 || (mlen = ldl_le_p(buf)) < VSER_CTRL_SIZE ||
            mlen > 4096 || (size_t)(end - buf - 4) < mlen) {
            goto bad;
        }
        m = g_malloc(sizeof(*m) + mlen);
        m->len = mlen;
        memcpy(m->data, buf + 4, mlen);
        g_queue_push_tail(&s->pending_ctrl, m);
        buf += 4 + mlen;
    }
    if (buf == end) {
        return true;
    }
bad:
    error_setg(errp, "virtio-serial: malformed control message queue");
    return false;
}

static const VMStateInfo vmstate_info_vser_ctrl = {
    .name = "virtio-serial-ctrl",
    .put = vser_ctrl_put,
    .get = vser_ctrl_get,
};

/*
 * A port's receive buffer is pushed as soon as data is written into it,
 * so one held at a stop is still empty: the core hands it back to the
 * avail ring (see virtio.c) and the port pops it again.
 */
static const VMStateDescription vmstate_virtio_serial = {
    .name = "virtio-serial",
    .version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_VIRTIO_DEVICE(parent_obj, VirtIOSerial),
        VMSTATE_BOOL(device_ready, VirtIOSerial),
        VMSTATE_CUSTOM("pending_ctrl", vmstate_info_vser_ctrl),
        VMSTATE_END_OF_LIST()
    },
};

/* The host side's connection is this side's chardev's, not migrated. */
static const VMStateDescription vmstate_virtio_serial_port = {
    .name = "virtio-serial-port",
    .version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_BOOL(guest_connected, VirtIOSerialPort),
        VMSTATE_END_OF_LIST()
    },
};

static void vser_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_CLASS(klass);

    dc->desc = "virtio serial/console device";
    device_class_set_category(dc, DEVICE_CATEGORY_INPUT);
    device_class_set_props(dc, vser_props);
    dc->vmsd = &vmstate_virtio_serial;
    vdc->realize = vser_realize;
    vdc->unrealize = vser_unrealize;
    vdc->get_features = vser_get_features;
    vdc->get_config = vser_get_config;
    vdc->set_config = vser_set_config;
    vdc->reset = vser_reset;
    vdc->set_status = vser_set_status;
}

/* ---------------------------------------------------------------- */
/* Ports */

static int port_can_read(void *opaque)
{
    VirtIOSerialPort *port = opaque;

    return MIN(virtio_serial_guest_ready(port), 4096);
}

static void port_read(void *opaque, const uint8_t *buf, int size)
{
    VirtIOSerialPort *port = opaque;
    size_t n = virtio_serial_write(port, buf, size);

    if (n < (size_t)size) {
        log_mask(LOG_GUEST_ERROR, "virtio-serial: port %u dropped %zu "
                 "bytes (no receive buffer)\n", port->id, size - n);
    }
}

static void port_event(void *opaque, QEMUChrEvent event)
{
    VirtIOSerialPort *port = opaque;
    VirtIOSerial *s = port->vser;
    bool open;

    if (event != CHR_EVENT_OPENED && event != CHR_EVENT_CLOSED) {
        return;
    }
    open = event == CHR_EVENT_OPENED;
    if (port->host_connected == open) {
        return;
    }
    port->host_connected = open;
    if (use_multiport(s) && s->device_ready) {
        send_ctrl(s, port->id, VIRTIO_CONSOLE_PORT_OPEN, open, NULL);
    }
}

static bool port_id_free(VirtIOSerial *s, uint32_t id)
{
    return id < s->max_nr_ports && !s->ports[id];
}

static void port_realize(DeviceState *dev, GError **errp)
{
    VirtIOSerialPort *port = VIRTIO_SERIAL_PORT(dev);
    VirtIOSerialPortClass *pc = VIRTIO_SERIAL_PORT_GET_CLASS(port);
    VirtIOSerial *s;
    VirtIODevice *vdev;

    if (!dev->parent_bus || !dev->parent_bus->parent) {
        error_setg(errp, "%s: needs a virtio-serial bus",
                   object_get_typename(OBJECT(dev)));
        return;
    }
    s = VIRTIO_SERIAL(dev->parent_bus->parent);
    vdev = VIRTIO_DEVICE(s);
    port->is_console = pc->is_console;
    if (port->id == VIRTIO_SERIAL_BAD_ID) {
        /* Port 0 is kept for a console, as QEMU does. */
        if (port->is_console && port_id_free(s, 0)) {
            port->id = 0;
        } else {
            for (uint32_t i = 1; i < s->max_nr_ports; i++) {
                if (port_id_free(s, i)) {
                    port->id = i;
                    break;
                }
            }
        }
        if (port->id == VIRTIO_SERIAL_BAD_ID) {
            error_setg(errp, "%s: no free port on virtio-serial (max_ports "
                       "%u)", object_get_typename(OBJECT(dev)),
                       s->max_nr_ports);
            return;
        }
    } else if (!port_id_free(s, port->id)) {
        error_setg(errp, "%s: port nr %u is in use or >= max_ports %u",
                   object_get_typename(OBJECT(dev)), port->id,
                   s->max_nr_ports);
        return;
    }
    for (uint32_t i = 0; port->name && i < VIRTIO_SERIAL_MAX_PORTS; i++) {
        if (s->ports[i] && s->ports[i]->name &&
            !strcmp(s->ports[i]->name, port->name)) {
            error_setg(errp, "%s: a port named '%s' exists already",
                       object_get_typename(OBJECT(dev)), port->name);
            return;
        }
    }
    if (!qemu_chr_fe_init(&port->chr, port->chr_prop, errp)) {
        return;
    }
    port->vser = s;
    port->ivq = virtio_get_queue(vdev, port->id ? 2 + 2 * port->id : 0);
    port->ovq = virtio_get_queue(vdev, port->id ? 3 + 2 * port->id : 1);
    s->ports[port->id] = port;
    if (port->chr.chr) {
        qemu_chr_fe_set_handlers(&port->chr, port_can_read, port_read,
                                 port_event, NULL, port, NULL, true);
    }
    if (s->device_ready) {
        send_ctrl(s, port->id, VIRTIO_CONSOLE_DEVICE_ADD, 1, NULL);
    }
}

static void port_unrealize(DeviceState *dev)
{
    VirtIOSerialPort *port = VIRTIO_SERIAL_PORT(dev);

    if (!port->vser) {
        return;
    }
    if (port->vser->device_ready) {
        send_ctrl(port->vser, port->id, VIRTIO_CONSOLE_DEVICE_REMOVE, 1,
                  NULL);
    }
    port->vser->ports[port->id] = NULL;
    g_free(port->rx_elem);
    port->rx_elem = NULL;
    qemu_chr_fe_deinit(&port->chr, false);
    port->vser = NULL;
}

static Property port_props[] = {
    DEFINE_PROP_UINT32("nr", VirtIOSerialPort, id, VIRTIO_SERIAL_BAD_ID),
    DEFINE_PROP_STRING("name", VirtIOSerialPort, name),
    DEFINE_PROP_CHR("chardev", VirtIOSerialPort, chr_prop),
    DEFINE_PROP_END_OF_LIST(),
};

static void port_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = port_realize;
    dc->unrealize = port_unrealize;
    dc->bus_type = TYPE_VIRTIO_SERIAL_BUS;
    dc->vmsd = &vmstate_virtio_serial_port;
    device_class_set_props(dc, port_props);
}

static void virtconsole_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    VIRTIO_SERIAL_PORT_CLASS(klass)->is_console = true;
    dc->desc = "virtio console port (chardev=ID)";
    dc->user_creatable = true;
    device_class_set_category(dc, DEVICE_CATEGORY_INPUT);
}

static void virtserialport_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->desc = "virtio serial port (chardev=ID)";
    dc->user_creatable = true;
    device_class_set_category(dc, DEVICE_CATEGORY_INPUT);
}

static void vser_bus_class_init(ObjectClass *klass, void *data)
{
    BusClass *bc = BUS_CLASS(klass);

    bc->desc = "virtio-serial";
    bc->max_dev = VIRTIO_SERIAL_MAX_PORTS;
}

static const TypeInfo vser_info = {
    .name = TYPE_VIRTIO_SERIAL,
    .parent = TYPE_VIRTIO_DEVICE,
    .instance_size = sizeof(VirtIOSerial),
    .class_init = vser_class_init,
};

static const TypeInfo vser_bus_info = {
    .name = TYPE_VIRTIO_SERIAL_BUS,
    .parent = TYPE_BUS,
    .instance_size = sizeof(BusState),
    .class_init = vser_bus_class_init,
};

static const TypeInfo port_info = {
    .name = TYPE_VIRTIO_SERIAL_PORT,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(VirtIOSerialPort),
    .abstract = true,
    .class_size = sizeof(VirtIOSerialPortClass),
    .class_init = port_class_init,
};

static const TypeInfo virtconsole_info = {
    .name = TYPE_VIRTCONSOLE,
    .parent = TYPE_VIRTIO_SERIAL_PORT,
    .class_init = virtconsole_class_init,
};

static const TypeInfo virtserialport_info = {
    .name = TYPE_VIRTSERIALPORT,
    .parent = TYPE_VIRTIO_SERIAL_PORT,
    .class_init = virtserialport_class_init,
};

static void vser_register_types(void)
{
    type_register_static(&vser_info);
    type_register_static(&vser_bus_info);
    type_register_static(&port_info);
    type_register_static(&virtconsole_info);
    type_register_static(&virtserialport_info);
}

type_init(vser_register_types)
