/*
 * blockdev.h - the drives of the command line (-drive), for boards to find.
 *
 *   -drive if=pflash,format=raw,file=FILE[,unit=N][,readonly=on]
 *   -drive if=none,id=ID,format=raw,file=FILE[,readonly=on]
 *
 * vl.c parses each -drive into a DriveInfo with drive_new(); a board asks
 * for the ones of its interface with drive_get(IF_PFLASH, 0, unit), as in
 * QEMU. There is no block layer: a drive is a raw image file that the
 * device opens itself (see hw/block/pflash_cfi01.c). Not for: formats
 * other than raw, snapshots, caching modes.
 */
#ifndef SYSEMU_BLOCKDEV_H
#define SYSEMU_BLOCKDEV_H

#include "util/osdep.h"
#include "util/keyval.h"

typedef enum BlockInterfaceType {
    IF_NONE,
    IF_PFLASH,
} BlockInterfaceType;

typedef struct DriveInfo {
    BlockInterfaceType type;
    int bus;
    int unit;
    char *id;                   /* id= or "pflash0"-style default */
    char *file;
    bool read_only;
    bool claimed;               /* a device took it (drive_mark_claimed) */
} DriveInfo;

/*
 * drive_new: check and record one -drive. @kv keys: if, file, format (raw
 * only), unit, index, bus, id, readonly, read-only (alias), media=disk.
 * Returns NULL with @errp set on a bad option or a unit already taken.
 */
DriveInfo *drive_new(const KeyValList *kv, GError **errp);

/* drive_get: the drive of interface @type at @bus/@unit, or NULL. */
DriveInfo *drive_get(BlockInterfaceType type, int bus, int unit);

/* drive_get_by_id: the drive named @id, or NULL. */
DriveInfo *drive_get_by_id(const char *id);

/*
 * drive_check_orphaned: after the machine is built, a drive that no device
 * claimed is a user mistake (a pflash drive on a board without flash): true
 * when all are claimed, else false with @errp naming the first one.
 */
bool drive_check_orphaned(GError **errp);

/* drive_mark_claimed: a board or device uses @dinfo. */
void drive_mark_claimed(DriveInfo *dinfo);

/* drive_cleanup: forget every drive (tests, exit). */
void drive_cleanup(void);

#endif
