/*
 * blockdev.c - the table of -drive options (include/sysemu/blockdev.h).
 *
 * Only bookkeeping: which file backs which interface/unit, read-only or
 * not. Opening and reading the file is the device's job. Global state:
 * the list of drives of this run, filled by vl.c before the machine is
 * built and read by boards and devices while it is built.
 */
#include "util/osdep.h"
#include "util/error.h"
#include "sysemu/blockdev.h"

static GPtrArray *drives;       /* of DriveInfo * */

static const char *const if_names[] = {
    [IF_NONE] = "none",
    [IF_PFLASH] = "pflash",
};

static void drive_free(gpointer p)
{
    DriveInfo *d = p;

    g_free(d->id);
    g_free(d->file);
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

DriveInfo *drive_new(const KeyValList *kv, GError **errp)
{
    static const char *const known[] = {
        "if", "file", "format", "unit", "index", "bus", "id", "readonly",
        "read-only", "media", NULL
    };
    const char *ifname = keyval_get(kv, "if");
    const char *format = keyval_get(kv, "format");
    const char *media = keyval_get(kv, "media");
    const char *file = keyval_get(kv, "file");
    BlockInterfaceType type = IF_NONE;
    int bus = 0, unit = -1, index = -1;
    bool ro = false, ro2 = false;
    DriveInfo *d;

    if (!keyval_check_known(kv, known, "-drive", errp)) {
        return NULL;
    }
    if (!ifname) {
        error_setg(errp, "-drive: give if=pflash or if=none (plumb has no "
                   "default block interface)");
        return NULL;
    }
    for (size_t i = 0; i < ARRAY_SIZE(if_names); i++) {
        if (!strcmp(ifname, if_names[i])) {
            type = (BlockInterfaceType)i;
            break;
        }
        if (i + 1 == ARRAY_SIZE(if_names)) {
            error_setg(errp, "-drive if=%s: unsupported interface (plumb has "
                       "if=pflash and if=none; use -device virtio-blk-*,"
                       "drive=FILE for disks)", ifname);
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
    if (!file || !*file) {
        error_setg(errp, "-drive: file= is required (an empty drive is not "
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
        unit = index;       /* pflash has one unit per index, as in QEMU */
    }
    if (unit < 0) {
        unit = 0;
        while (drive_get(type, bus, unit)) {
            unit++;
        }
    } else if (type != IF_NONE && drive_get(type, bus, unit)) {
        error_setg(errp, "-drive: drive with bus=%d, unit=%d (index=%d) "
                   "exists", bus, unit, unit);
        return NULL;
    }
    if (keyval_get(kv, "id") && drive_get_by_id(keyval_get(kv, "id"))) {
        error_setg(errp, "-drive: duplicate ID '%s'", keyval_get(kv, "id"));
        return NULL;
    }

    d = g_new0(DriveInfo, 1);
    d->type = type;
    d->bus = bus;
    d->unit = type == IF_NONE ? -1 : unit;
    d->id = keyval_get(kv, "id") ? g_strdup(keyval_get(kv, "id"))
                                 : g_strdup_printf("%s%d", ifname, unit);
    d->file = g_strdup(file);
    d->read_only = ro || ro2;
    if (!drives) {
        drives = g_ptr_array_new_with_free_func(drive_free);
    }
    g_ptr_array_add(drives, d);
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
        if (!d->claimed && d->type != IF_NONE) {
            error_setg(errp, "-drive if=%s,bus=%d,unit=%d,file=%s: machine "
                       "type does not support if=%s,bus=%d,unit=%d",
                       if_names[d->type], d->bus, d->unit, d->file,
                       if_names[d->type], d->bus, d->unit);
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
