/*
 * qdev.h - the device model: devices, buses, GPIO lines, reset.
 *
 * A device is an Object of a subtype of TYPE_DEVICE. Its life:
 *
 *     DeviceState *dev = qdev_new(TYPE_PL011);          // instance_init, defaults
 *     qdev_prop_set_chr(dev, "chardev", serial_hd(0)); // properties
 *     sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &error_fatal-like errp);
 *     sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0, 0x09000000);
 *     sysbus_connect_irq(SYS_BUS_DEVICE(dev), 0, qdev_get_gpio_in(gic, 33));
 *
 * realize() is where a device checks its properties and allocates what they
 * imply; it fails with an error naming the property. Properties can only be
 * set before realize. The cold reset (DeviceClass.reset) runs for every
 * device on the bus tree at machine start-up and on every system reset
 * (qemu_devices_reset()), parents before children.
 *
 * Where devices live in the object tree:
 *   /machine/peripheral/ID        -device ...,id=ID
 *   /machine/peripheral-anon/device[N]   -device without id
 *   /machine/unattached/device[N] created by the board without a parent
 *   /machine/unattached/sysbus    the main system bus
 */
#ifndef HW_QDEV_H
#define HW_QDEV_H

#include "util/osdep.h"
#include "qom/object.h"
#include "util/keyval.h"
#include "hw/irq.h"

#define TYPE_DEVICE "device"
#define TYPE_BUS "bus"

typedef struct Property Property;

/* Categories for -device help (QEMU's order and names). */
typedef enum DeviceCategory {
    DEVICE_CATEGORY_BRIDGE,
    DEVICE_CATEGORY_USB,
    DEVICE_CATEGORY_STORAGE,
    DEVICE_CATEGORY_NETWORK,
    DEVICE_CATEGORY_INPUT,
    DEVICE_CATEGORY_DISPLAY,
    DEVICE_CATEGORY_SOUND,
    DEVICE_CATEGORY_MISC,
    DEVICE_CATEGORY_CPU,
    DEVICE_CATEGORY_WATCHDOG,
    DEVICE_CATEGORY_MAX
} DeviceCategory;

/* QEMU's signature: failure is reported only through *errp (never NULL). */
typedef void (*DeviceRealize)(DeviceState *dev, GError **errp);
typedef void (*DeviceUnrealize)(DeviceState *dev);
typedef void (*DeviceReset)(DeviceState *dev);

typedef struct DeviceClass {
    ObjectClass parent_class;

    unsigned long categories;   /* bit DEVICE_CATEGORY_x: set_bit-like */
    const char *desc;           /* one line for -device help */
    const char *fw_name;
    /* Own properties of this class (parents' are found up the chain);
     * set with device_class_set_props(). */
    Property *props_;
    /* Can -device create it? Boards' internal parts say no. */
    bool user_creatable;
    bool hotpluggable;
    /* The bus type it plugs into; NULL = no bus (sysbus devices say so). */
    const char *bus_type;

    DeviceRealize realize;      /* NULL: nothing to check */
    DeviceUnrealize unrealize;
    DeviceReset reset;          /* cold reset; NULL: none */
    /* Migratable state (include/migration/vmstate.h); NULL: none. */
    const struct VMStateDescription *vmsd;
} DeviceClass;

typedef struct NamedGPIOList {
    char *name;                 /* NULL for the unnamed lines */
    qemu_irq *in;               /* inputs, owned */
    int num_in;
    qemu_irq **out;             /* outputs: pointers to the device's fields */
    int num_out;
    bool *in_borrowed;          /* per input: owned by another device
                                   (qdev_pass_gpios); NULL: none are */
    struct NamedGPIOList *next;
} NamedGPIOList;

typedef struct BusChild {
    DeviceState *child;
    int index;
    struct BusChild *next;
} BusChild;

struct DeviceState {
    Object parent_obj;
    char *id;                   /* -device id=, or NULL */
    char *canonical_path;       /* cached once realized */
    bool realized;
    BusState *parent_bus;
    NamedGPIOList *gpios;
    GSList *child_buses;        /* of BusState * */
    int num_child_bus;
    int instance_id_alias;
    GError *global_error;       /* private: a -global that did not apply */
};

typedef struct BusClass {
    ObjectClass parent_class;
    /* Name child devices are listed under in errors ("PCI", "System"). */
    const char *desc;
    /* Optional: may @dev plug in? */
    bool (*check_address)(BusState *bus, DeviceState *dev, GError **errp);
    void (*realize)(BusState *bus, GError **errp);
    void (*reset)(BusState *bus);
    int max_dev;                /* 0: unlimited */
} BusClass;

struct BusState {
    Object obj;
    DeviceState *parent;
    char *name;
    BusChild *children;         /* in plug order */
    int num_children;
    int max_index;
    bool realized;
};

#define DEVICE(obj) OBJECT_CHECK(DeviceState, (obj), TYPE_DEVICE)
#define DEVICE_CLASS(klass) OBJECT_CLASS_CHECK(DeviceClass, (klass), TYPE_DEVICE)
#define DEVICE_GET_CLASS(obj) OBJECT_GET_CLASS(DeviceClass, (obj), TYPE_DEVICE)
#define BUS(obj) OBJECT_CHECK(BusState, (obj), TYPE_BUS)
#define BUS_CLASS(klass) OBJECT_CLASS_CHECK(BusClass, (klass), TYPE_BUS)
#define BUS_GET_CLASS(obj) OBJECT_GET_CLASS(BusClass, (obj), TYPE_BUS)

static inline void device_class_set_category(DeviceClass *dc, DeviceCategory c)
{
    dc->categories |= 1UL << c;
}
#define set_bit_category(c, dc) device_class_set_category((dc), (c))

/* ---------------------------------------------------------------------- */
/* Creation */

/* Create a device of @name (must exist: an internal error otherwise). */
DeviceState *qdev_new(const char *name);
/* NULL if no such device type. */
DeviceState *qdev_try_new(const char *name);
/*
 * Plug @dev into @bus (may be NULL for bus-less devices) and realize it.
 * On failure @dev stays unrealized, unplugged, and the caller still owns
 * its reference.
 */
bool qdev_realize(DeviceState *dev, BusState *bus, GError **errp);
/* Same, then drop the caller's reference (the tree keeps the device). */
bool qdev_realize_and_unref(DeviceState *dev, BusState *bus, GError **errp);
/* Unrealize and remove from the tree (QEMU's object_unparent on a device). */
void qdev_unrealize(DeviceState *dev);

/* The machine object "/machine" (created on first use). */
Object *qdev_get_machine(void);
/* The device with id @id among -device-created devices, or NULL. */
DeviceState *qdev_find_recursive_id(const char *id);

/*
 * Start-up is over (the first reset ran): devices realized from now on are
 * hot-plugged and get their cold reset at realize.
 */
void qdev_machine_creation_done(void);
bool qdev_machine_creation_is_done(void);

/* Reset @dev and everything on its child buses (cold reset). */
void device_cold_reset(DeviceState *dev);
void bus_cold_reset(BusState *bus);
/*
 * Reset every device reachable from the main system bus, then every
 * realized bus-less device in the tree. Called by the reset path
 * (qemu_system_reset) and at start-up.
 */
void qemu_devices_reset(void);

/* ---------------------------------------------------------------------- */
/* Buses */

/* Create a bus of @typename, child of @parent, named @name (NULL: "TYPE.N"). */
BusState *qbus_new(const char *typename, DeviceState *parent, const char *name);
/* Same for a bus embedded in the parent's state (@bus points at it). */
void qbus_init(void *bus, size_t size, const char *typename,
               DeviceState *parent, const char *name);
/* The child bus of @dev called @name, or NULL. */
BusState *qdev_get_child_bus(DeviceState *dev, const char *name);
/* Call @fn for each device on @bus, in plug order. */
void qbus_foreach_child(BusState *bus, void (*fn)(DeviceState *, void *),
                        void *opaque);
/* Find a bus by name anywhere under the main system bus ("pcie.0"). */
BusState *qbus_find_by_name(const char *name);
/* Find the first bus of @typename with room for one more device (for
 * -device without bus=), or NULL. */
BusState *qbus_find_by_type(const char *typename);

/* ---------------------------------------------------------------------- */
/* GPIO lines */

/* @n input lines calling @handler(dev, i, level). */
void qdev_init_gpio_in(DeviceState *dev, qemu_irq_handler handler, int n);
void qdev_init_gpio_in_named(DeviceState *dev, qemu_irq_handler handler,
                             const char *name, int n);
void qdev_init_gpio_in_named_with_opaque(DeviceState *dev,
                                         qemu_irq_handler handler,
                                         void *opaque, const char *name,
                                         int n);
/* @n output lines: @pins[i] is the field the device drives. */
void qdev_init_gpio_out(DeviceState *dev, qemu_irq *pins, int n);
void qdev_init_gpio_out_named(DeviceState *dev, qemu_irq *pins,
                              const char *name, int n);

/* Input line @n (aborts if out of range: a board bug). */
qemu_irq qdev_get_gpio_in(DeviceState *dev, int n);
qemu_irq qdev_get_gpio_in_named(DeviceState *dev, const char *name, int n);
/* Connect output @n to @pin (NULL disconnects). */
void qdev_connect_gpio_out(DeviceState *dev, int n, qemu_irq pin);
void qdev_connect_gpio_out_named(DeviceState *dev, const char *name, int n,
                                 qemu_irq pin);
/* What output @n is connected to. */
qemu_irq qdev_get_gpio_out_connector(DeviceState *dev, const char *name,
                                     int n);
/*
 * qtest's irq_intercept_out: connect output @n of list @name to @icpt and
 * return what it was connected to before.
 */
qemu_irq qdev_intercept_gpio_out(DeviceState *dev, qemu_irq icpt,
                                 const char *name, int n);
/*
 * Make @container's GPIO list @name (NULL: unnamed) the same lines as
 * @dev's, appended after any it has: a composite device exposes a part's
 * inputs and outputs as its own. @dev keeps owning the lines.
 */
void qdev_pass_gpios(DeviceState *dev, DeviceState *container,
                     const char *name);

/* The list @name (NULL: unnamed), or NULL when the device has none. */
NamedGPIOList *qdev_get_named_gpio_list(DeviceState *dev, const char *name);

/* ---------------------------------------------------------------------- */
/* -device help */

/* "-device help": user-creatable devices by category. */
void qdev_print_device_list(FILE *f);
/* "-device TYPE,help": properties with types and defaults. false if no TYPE. */
bool qdev_print_device_props(FILE *f, const char *type, GError **errp);

/*
 * Create a device from a -device option list (@opts holds "driver" = the
 * type, plus "id", "bus" and properties); realizes it on the bus it names
 * or the first bus of the type the device needs. Errors name the option:
 *   "'foo' is not a valid device model name"
 *   "Property 'pl011.bar' not found"
 */
DeviceState *qdev_device_add(const KeyValList *opts, GError **errp);
/* Same checks without creating anything (used before the kernel loads). */
bool qdev_device_check(const KeyValList *opts, GError **errp);

/*
 * -global DRIVER.PROP=VALUE: defaults applied to every device of type DRIVER
 * created later. Unknown drivers are accepted (like QEMU) and only checked
 * when such a device is created.
 */
bool qdev_add_global(const char *str, GError **errp);

#endif
