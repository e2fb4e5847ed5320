/*
 * blockdev.c - the table of -drive options (include/sysemu/blockdev.h).
 *
 * Only bookkeeping: which file backs which interface/unit or node name,
 * read-only or not. The file is opened once here to check it; reading it is
 * the device's job. Global state:
 * the list of drives of this run, filled by vl.c before the machine is
 * built and read by boards and devices while it is built.
 */
#include "util/osdep.h"
#include "util/error.h"
#include "sysemu/blockdev.h"
#include <fcntl.h>

static GPtrArray *drives;       /* of DriveInfo * */

static const char *const if_names[IF_COUNT] = {
    [IF_NONE] = "none", [IF_IDE] = "ide", [IF_SCSI] = "scsi",
    [IF_FLOPPY] = "floppy", [IF_PFLASH] = "pflash", [IF_MTD] = "mtd",
    [IF_SD] = "sd", [IF_VIRTIO] = "virtio", [IF_XEN] = "xen",
};

const char *drive_if_name(BlockInterfaceType type)
{
    return type >= 0 && type < IF_COUNT ? if_names[type] : "default";
}

static void drive_free(gpointer p)
{
    DriveInfo *d = p;

    g_free(d->id);
    g_free(d->file);
    g_free(d->opt);
    g_free(d);
}

DriveInfo *drive_get(BlockInterfaceType type, int bus, int unit)
{
    for (guint i = 0; drives && i < drives->len; i++) {
        DriveInfo *d = drives->pdata[i];
        if (d->type == type && d->bus == bus && d->unit == unit) {
            return d;
        }
    }
    return NULL;
}

DriveInfo *drive_get_by_id(const char *id)
{
    for (guint i = 0; drives && i < drives->len; i++) {
        DriveInfo *d = drives->pdata[i];
        if (d->id && !strcmp(d->id, id)) {
            return d;
        }
    }
    return NULL;
}

DriveInfo *drive_get_next_unclaimed(BlockInterfaceType type)
{
    for (guint i = 0; drives && i < drives->len; i++) {
        DriveInfo *d = drives->pdata[i];
        if (d->type == type && !d->claimed) {
            return d;
        }
    }
    return NULL;
}

static bool drive_get_int(const KeyValList *kv, const char *key, int *out,
                          GError **errp)
{
    uint64_t v;

    if (!keyval_has(kv, key)) {
        return true;            /* *out keeps its default */
    }
    if (!keyval_get_u64(kv, key, 0, &v, errp)) {
        return false;
    }
    if (v > 255) {
        error_setg(errp, "-drive: %s=%" PRIu64 " is out of range", key, v);
        return false;
    }
    *out = (int)v;
    return true;
}

/*
 * Open the image once, as the device will (read-write unless read-only),
 * so that a wrong path fails at its option with QEMU's words. Without
 * format= QEMU probes; plumb has only raw, so a qcow2 image is refused
 * here instead of being shown to the guest as raw bytes.
 */
static bool drive_check_file(const char *file, bool ro, bool probe,
                             GError **errp)
{
    int fd = open(file, (ro ? O_RDONLY : O_RDWR) | O_CLOEXEC);
    uint8_t magic[4] = { 0 };

    if (fd < 0 && errno == EISDIR) {
        error_setg(errp, "Could not open '%s': Is a directory", file);
        return false;
    }
    if (fd < 0) {
        error_setg(errp, "Could not open '%s': %s", file, g_strerror(errno));
        return false;
    }
    if (probe && pread(fd, magic, 4, 0) == 4 && !memcmp(magic, "QFI\xfb", 4)) {
        close(fd);
        error_setg(errp, "'%s' is a qcow2 image: plumb reads raw images only "
                   "(qemu-img convert -O raw)", file);
        return false;
    }
    close(fd);
    return true;
}

static bool check_enum(const KeyValList *kv, const char *key,
                       const char *const *allowed, GError **errp)
{
    const char *v = keyval_get(kv, key);

    if (!v) {
        return true;
    }
    for (; *allowed; allowed++) {
        if (!strcmp(v, *allowed)) {
            return true;
        }
    }
    error_setg(errp, "Parameter '%s' does not accept value '%s'", key, v);
    return false;
}

static void drive_add(DriveInfo *d)
{
    if (!drives) {
        drives = g_ptr_array_new_with_free_func(drive_free);
    }
    g_ptr_array_add(drives, d);
}

DriveInfo *drive_new(const KeyValList *kv, const char *opt, GError **errp)
{
    static const char *const known[] = {
        "if", "file", "format", "unit", "index", "bus", "id", "readonly",
        "read-only", "media", "cache", "aio", "discard", "detect-zeroes",
        "werror", "rerror", "auto-read-only", "file.locking", "locking",
        "cache.direct", "cache.no-flush", "copy-on-read", NULL
    };
    static const char *const caches[] = {
        "none", "writeback", "writethrough", "directsync", "unsafe", NULL
    };
    static const char *const aios[] = { "threads", "native", "io_uring",
                                        NULL };
    static const char *const discards[] = { "ignore", "off", "unmap", "on",
                                            NULL };
    const char *ifname = keyval_get(kv, "if");
    const char *format = keyval_get(kv, "format");
    const char *media = keyval_get(kv, "media");
    const char *file = keyval_get(kv, "file");
    const char *id = keyval_get(kv, "id");
    BlockInterfaceType type = IF_DEFAULT;
    int bus = 0, unit = -1, index = -1;
    bool ro = false, ro2 = false;
    DriveInfo *d;

    if (!keyval_check_known(kv, known, "-drive", errp)) {
        return NULL;
    }
    if (ifname) {
        for (int i = 0; i < IF_COUNT; i++) {
            if (!strcmp(ifname, if_names[i])) {
                type = (BlockInterfaceType)i;
                break;
            }
        }
        if (type == IF_DEFAULT) {
            error_setg(errp, "unsupported bus type '%s'", ifname);
            return NULL;
        }
    }
    if (format && strcmp(format, "raw")) {
        error_setg(errp, "-drive format=%s: only raw images are supported",
                   format);
        return NULL;
    }
    if (media && strcmp(media, "disk")) {
        error_setg(errp, "-drive media=%s: only media=disk is supported",
                   media);
        return NULL;
    }
    if (!check_enum(kv, "cache", caches, errp) ||
        !check_enum(kv, "aio", aios, errp) ||
        !check_enum(kv, "discard", discards, errp)) {
        return NULL;
    }
    if (id && drive_get_by_id(id)) {
        error_setg(errp, "Duplicate ID '%s' for drive", id);
        return NULL;
    }
    if (!file || !*file) {
        error_setg(errp, type == IF_VIRTIO || type == IF_DEFAULT
                   ? "Device needs media, but drive is empty"
                   : "-drive: file= is required (an empty drive is not "
                     "supported)");
        return NULL;
    }
    if (!keyval_get_bool(kv, "readonly", false, &ro, errp) ||
        !keyval_get_bool(kv, "read-only", false, &ro2, errp) ||
        !drive_get_int(kv, "bus", &bus, errp) ||
        !drive_get_int(kv, "unit", &unit, errp) ||
        !drive_get_int(kv, "index", &index, errp)) {
        return NULL;
    }
    if (index >= 0) {
        if (unit >= 0 && unit != index) {
            error_setg(errp, "-drive: index=%d and unit=%d disagree", index,
                       unit);
            return NULL;
        }
        unit = index;       /* one unit per index, as in QEMU for these */
    }
    if (unit < 0) {
        unit = 0;
        while (drive_get(type, bus, unit)) {
            unit++;
        }
    } else if (type != IF_NONE && drive_get(type, bus, unit)) {
        error_setg(errp, "drive with bus=%d, unit=%d (index=%d) exists",
                   bus, unit, unit);
        return NULL;
    }
    if (!drive_check_file(file, ro || ro2, !format, errp)) {
        return NULL;
    }
    if (!format) {
        /* QEMU's words, on stderr, when it probes a raw image. */
        fprintf(stderr, "WARNING: Image format was not specified for '%s' "
                "and probing guessed raw.\n"
                "         Automatically detecting the format is dangerous "
                "for raw images, write operations on block 0 will be "
                "restricted.\n"
                "         Specify the 'raw' format explicitly to remove "
                "the restrictions.\n", file);
    }

    d = g_new0(DriveInfo, 1);
    d->type = type;
    d->bus = bus;
    d->unit = type == IF_NONE ? -1 : unit;
    d->id = id ? g_strdup(id) : NULL;
    d->file = g_strdup(file);
    d->opt = g_strdup(opt ? opt : "");
    d->read_only = ro || ro2;
    if (!d->id && type != IF_DEFAULT) {
        d->id = g_strdup_printf("%s%d", if_names[type], unit);
    }
    drive_add(d);
    return d;
}

void drive_set_default_type(BlockInterfaceType type)
{
    for (guint i = 0; drives && i < drives->len; i++) {
        DriveInfo *d = drives->pdata[i];

        if (d->type != IF_DEFAULT) {
            continue;
        }
        /* Units are counted among the drives of the interface it gets. */
        d->type = type;
        d->unit = -1;
        if (type != IF_NONE) {
            int unit = 0;
            while (drive_get(type, d->bus, unit)) {
                unit++;
            }
            d->unit = unit;
        }
        if (!d->id) {
            d->id = g_strdup_printf("%s%d", if_names[type],
                                    d->unit < 0 ? 0 : d->unit);
        }
    }
}

DriveInfo *blockdev_new(const KeyValList *kv, const char *opt, GError **errp)
{
    static const char *const known[] = {
        "driver", "node-name", "file", "filename", "file.driver",
        "file.filename", "read-only", "auto-read-only", "discard", "cache.direct",
        "cache.no-flush", "detect-zeroes", "aio", "locking", "file.locking",
        "file.aio", "file.cache.direct", "file.discard", "file.auto-read-only",
        "file.node-name", "force-share", NULL
    };
    const char *driver = keyval_get(kv, "driver");
    const char *node = keyval_get(kv, "node-name");
    const char *file = NULL;
    bool ro = false;
    DriveInfo *d;

    if (!keyval_check_known(kv, known, "-blockdev", errp)) {
        return NULL;
    }
    if (!driver) {
        error_setg(errp, "Parameter 'driver' is missing");
        return NULL;
    }
    if (!node) {
        error_setg(errp, "A block device must be given a name (node-name) "
                   "in plumb");
        return NULL;
    }
    if (drive_get_by_id(node)) {
        error_setg(errp, "Duplicate nodes with node-name='%s'", node);
        return NULL;
    }
    if (!keyval_get_bool(kv, "read-only", false, &ro, errp)) {
        return NULL;
    }
    if (!strcmp(driver, "file") || !strcmp(driver, "host_device")) {
        file = keyval_get(kv, "filename");
        if (!file) {
            error_setg(errp, "Parameter 'filename' is missing");
            return NULL;
        }
    } else if (!strcmp(driver, "raw")) {
        const char *child = keyval_get(kv, "file");
        const char *fdrv = keyval_get(kv, "file.driver");

        if (child) {
            DriveInfo *c = drive_get_by_id(child);

            if (!c || !c->is_blockdev) {
                error_setg(errp, "Cannot find device='' nor node-name='%s'",
                           child);
                return NULL;
            }
            file = c->file;
            /* The format node stands for its file node from now on. */
            c->claimed = true;
            ro = ro || c->read_only;
        } else if (fdrv) {
            if (strcmp(fdrv, "file") && strcmp(fdrv, "host_device")) {
                error_setg(errp, "-blockdev file.driver=%s: only 'file' and "
                           "'host_device' are supported", fdrv);
                return NULL;
            }
            file = keyval_get(kv, "file.filename");
            if (!file) {
                error_setg(errp, "Parameter 'file.filename' is missing");
                return NULL;
            }
        } else {
            error_setg(errp, "Parameter 'file' is missing");
            return NULL;
        }
    } else {
        error_setg(errp, "-blockdev driver=%s: plumb supports driver=raw and "
                   "driver=file only", driver);
        return NULL;
    }
    if (!drive_check_file(file, ro, false, errp)) {
        return NULL;
    }
    d = g_new0(DriveInfo, 1);
    d->type = IF_NONE;
    d->unit = -1;
    d->id = g_strdup(node);
    d->file = g_strdup(file);
    d->opt = g_strdup(opt ? opt : "");
    d->read_only = ro;
    d->is_blockdev = true;
    drive_add(d);
    return d;
}

DriveInfo *drive_claim(const char *name, const char *prop, GError **errp)
{
    DriveInfo *d = drive_get_by_id(name);

    if (!d) {
        error_setg(errp, "Property '%s' can't find value '%s'", prop, name);
        return NULL;
    }
    if (d->claimed) {
        error_setg(errp, d->is_blockdev
                   ? "Permission conflict on node '%s': the node is already "
                     "used by another device"
                   : "Drive '%s' is already in use by another device", name);
        return NULL;
    }
    d->claimed = true;
    return d;
}

void drive_mark_claimed(DriveInfo *dinfo)
{
    dinfo->claimed = true;
}

bool drive_check_orphaned(GError **errp)
{
    for (guint i = 0; drives && i < drives->len; i++) {
        DriveInfo *d = drives->pdata[i];
        if (!d->claimed && d->type != IF_NONE && !d->is_blockdev) {
            error_setg(errp, "-drive %s: machine type does not support "
                       "if=%s,bus=%d,unit=%d", d->opt, drive_if_name(d->type),
                       d->bus, d->unit);
            return false;
        }
    }
    return true;
}

void drive_cleanup(void)
{
    if (drives) {
        g_ptr_array_free(drives, true);
        drives = NULL;
    }
}
