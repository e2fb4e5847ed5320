/*
 * blockdev.h - the drives of the command line (-drive, -blockdev), for
 * boards and devices to find.
 *
 *   -drive if=pflash,format=raw,file=FILE[,unit=N][,readonly=on]
 *   -drive if=none,id=ID,format=raw,file=FILE[,readonly=on]
 *   -drive file=FILE[,format=raw][,if=virtio]   (virt: a virtio-blk-pci)
 *   -blockdev driver=raw,file.driver=file,file.filename=FILE,node-name=N
 *   -blockdev driver=file,filename=FILE,node-name=F
 *   -blockdev driver=raw,file=F,node-name=N
 *
 * vl.c parses each option into a DriveInfo with drive_new() or
 * blockdev_new(); the file is opened once there to check it (QEMU's
 * "Could not open" error comes at the option, not at the device). A board
 * asks for the drives of its interface with drive_get(IF_PFLASH, 0, unit);
 * a device given drive=NAME takes one with drive_claim(). There is no block
 * layer: a drive is a raw image file that the device opens itself (see
 * hw/block/pflash_cfi01.c, hw/block/virtio-blk.c). Not for: formats other
 * than raw, snapshots, backing chains.
 */
#ifndef SYSEMU_BLOCKDEV_H
#define SYSEMU_BLOCKDEV_H

#include "util/osdep.h"
#include "util/keyval.h"

/* QEMU's list, in QEMU's order; a board supports only some of them. */
typedef enum BlockInterfaceType {
    IF_DEFAULT = -1,            /* if= not given: the machine's default */
    IF_NONE = 0,
    IF_IDE, IF_SCSI, IF_FLOPPY, IF_PFLASH, IF_MTD, IF_SD, IF_VIRTIO, IF_XEN,
    IF_COUNT
} BlockInterfaceType;

typedef struct DriveInfo {
    BlockInterfaceType type;
    int bus;
    int unit;
    char *id;                   /* id= / node-name=, or "virtio0"-style */
    char *file;
    char *opt;                  /* the option as typed, for error messages */
    bool read_only;
    bool is_blockdev;           /* from -blockdev (never a board's) */
    bool claimed;               /* a device took it (drive_mark_claimed) */
} DriveInfo;

/*
 * drive_new: check and record one -drive. @kv keys: if, file, format (raw
 * only), unit, index, bus, id, readonly, read-only (alias), media=disk,
 * and cache/aio/discard/detect-zeroes/werror/rerror (accepted, no
 * effect). @opt is the option text. Returns NULL with @errp set on a bad
 * option, a file that cannot be opened, or a unit already taken.
 */
DriveInfo *drive_new(const KeyValList *kv, const char *opt, GError **errp);

/*
 * blockdev_new: one -blockdev (driver=raw or driver=file; node-name
 * required; file= names another node or file.driver=file,file.filename=
 * gives the file inline).
 */
DriveInfo *blockdev_new(const KeyValList *kv, const char *opt,
                        GError **errp);

/* drive_get: the drive of interface @type at @bus/@unit, or NULL. */
DriveInfo *drive_get(BlockInterfaceType type, int bus, int unit);

/* drive_get_by_id: the drive (or -blockdev node) named @id, or NULL. */
DriveInfo *drive_get_by_id(const char *id);

/* drive_get_next_unclaimed: the first unclaimed drive of @type, or NULL. */
DriveInfo *drive_get_next_unclaimed(BlockInterfaceType type);

/*
 * drive_set_default_type: give the drives without if= the machine's
 * default interface (IF_VIRTIO on virt, IF_IDE where QEMU has IDE).
 */
void drive_set_default_type(BlockInterfaceType type);

/*
 * drive_claim: the drive named @name for a device's drive= property
 * @prop ("virtio-blk-device.drive"): NULL with QEMU's error when there is
 * none ("can't find value") or another device has it ("already in use").
 */
DriveInfo *drive_claim(const char *name, const char *prop, GError **errp);

/*
 * drive_check_orphaned: after the machine is built, a drive that no device
 * claimed is a user mistake (a pflash drive on a board without flash): true
 * when all are claimed, else false with @errp naming the first one.
 */
bool drive_check_orphaned(GError **errp);

/* drive_mark_claimed: a board or device uses @dinfo. */
void drive_mark_claimed(DriveInfo *dinfo);

/* drive_if_name: "virtio", "pflash", ... */
const char *drive_if_name(BlockInterfaceType type);

/* drive_cleanup: forget every drive (tests, exit). */
void drive_cleanup(void);

#endif
