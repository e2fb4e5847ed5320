/*
 * virtio-serial.h - the virtio console device (virtio ID 3) with its port
 * bus, and the ports that plug into it (virtconsole, virtserialport).
 *
 *   -device virtio-serial-device          (on a virtio-mmio transport)
 *   -device virtio-serial-pci             (a PCI function)
 *   -device virtconsole,chardev=ID[,nr=N][,name=NAME]
 *   -device virtserialport,chardev=ID[,nr=N][,name=NAME]
 *
 * Port 0 uses queues 0 (receiveq, to the guest) and 1 (transmitq); with
 * VIRTIO_CONSOLE_F_MULTIPORT the control queues are 2 and 3 and port n
 * uses 2+2n and 3+2n. A driver that negotiates nothing (kvm-unit-tests'
 * chr-testdev) sees port 0 only, always connected: that is how its
 * "<code>q" reaches `-chardev testdev`.
 */
#ifndef HW_VIRTIO_VIRTIO_SERIAL_H
#define HW_VIRTIO_VIRTIO_SERIAL_H

#include "hw/virtio/virtio.h"
#include "chardev/char-fe.h"

#define TYPE_VIRTIO_SERIAL       "virtio-serial-device"
#define TYPE_VIRTIO_SERIAL_BUS   "virtio-serial-bus"
#define TYPE_VIRTIO_SERIAL_PORT  "virtio-serial-port"
#define TYPE_VIRTCONSOLE         "virtconsole"
#define TYPE_VIRTSERIALPORT      "virtserialport"

#define VIRTIO_CONSOLE_F_SIZE        0
#define VIRTIO_CONSOLE_F_MULTIPORT   1
#define VIRTIO_CONSOLE_F_EMERG_WRITE 2

/* Control message events (virtio 1.2, 5.3.6.2). */
#define VIRTIO_CONSOLE_DEVICE_READY  0
#define VIRTIO_CONSOLE_DEVICE_ADD    1
#define VIRTIO_CONSOLE_DEVICE_REMOVE 2
#define VIRTIO_CONSOLE_PORT_READY    3
#define VIRTIO_CONSOLE_CONSOLE_PORT  4
#define VIRTIO_CONSOLE_RESIZE        5
#define VIRTIO_CONSOLE_PORT_OPEN     6
#define VIRTIO_CONSOLE_PORT_NAME     7

#define VIRTIO_SERIAL_MAX_PORTS      31
#define VIRTIO_SERIAL_BAD_ID         UINT32_MAX

typedef struct VirtIOSerial VirtIOSerial;
typedef struct VirtIOSerialPort VirtIOSerialPort;

struct VirtIOSerialPort {
    DeviceState parent_obj;
    VirtIOSerial *vser;
    uint32_t id;                /* property "nr" */
    char *name;                 /* property "name" */
    Chardev *chr_prop;          /* property "chardev" */
    CharBackend chr;
    bool is_console;
    bool guest_connected;       /* PORT_OPEN from the guest (or no multiport) */
    bool host_connected;
    VirtQueue *ivq, *ovq;
    VirtQueueElement *rx_elem;  /* receive buffer being filled */
    size_t rx_offset;
};

typedef struct VirtIOSerialPortClass {
    DeviceClass parent_class;
    bool is_console;
} VirtIOSerialPortClass;

struct VirtIOSerial {
    VirtIODevice parent_obj;
    BusState bus;
    uint32_t max_nr_ports;      /* property "max_ports" */
    VirtQueue *c_ivq, *c_ovq;
    VirtIOSerialPort *ports[VIRTIO_SERIAL_MAX_PORTS];
    GQueue pending_ctrl;        /* control messages waiting for a buffer */
    bool device_ready;
};

#define VIRTIO_SERIAL(obj) OBJECT_CHECK(VirtIOSerial, (obj), TYPE_VIRTIO_SERIAL)
#define VIRTIO_SERIAL_PORT(obj) \
    OBJECT_CHECK(VirtIOSerialPort, (obj), TYPE_VIRTIO_SERIAL_PORT)
#define VIRTIO_SERIAL_PORT_CLASS(klass) \
    OBJECT_CLASS_CHECK(VirtIOSerialPortClass, (klass), TYPE_VIRTIO_SERIAL_PORT)
#define VIRTIO_SERIAL_PORT_GET_CLASS(obj) \
    OBJECT_GET_CLASS(VirtIOSerialPortClass, (obj), TYPE_VIRTIO_SERIAL_PORT)

/*
 * Give @len bytes to the guest on @port's receive queue. Returns the bytes
 * taken (fewer when the guest has not posted enough buffers).
 */
size_t virtio_serial_write(VirtIOSerialPort *port, const uint8_t *buf,
                           size_t len);
/* How many bytes the guest can take now (0: none, or port closed). */
size_t virtio_serial_guest_ready(VirtIOSerialPort *port);

#endif
