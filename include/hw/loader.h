/*
 * loader.h - putting guest images into guest memory: ELF64 executables
 * (segments at their physical addresses, entry point reported) and raw
 * images at a given address.
 *
 * Every loaded blob is remembered and written again on each system reset,
 * so a guest that rebooted (PSCI SYSTEM_RESET) starts from pristine code
 * and data, as QEMU's ROM blobs do.
 *
 *     uint64_t entry;
 *     if (load_elf_is_elf(path)) {
 *         if (load_elf_as(path, EM_AARCH64, NULL, &entry, NULL, NULL, errp) < 0) ...
 *     } else if (load_image_targphys(path, 0x40080000, ram_left, errp) < 0) ...
 */
#ifndef HW_LOADER_H
#define HW_LOADER_H

#include "util/osdep.h"

/* ELF machine numbers callers pass (same values as <elf.h>). */
#define LOADER_EM_PPC64    21
#define LOADER_EM_X86_64   62
#define LOADER_EM_AARCH64  183

/* Whether @filename starts with the ELF magic (false if unreadable). */
bool load_elf_is_elf(const char *filename);

/*
 * Load the PT_LOAD segments of the ELF64 file @filename (either byte
 * order) at their physical addresses in @as (NULL: system memory),
 * zero-filling the part of each segment beyond its file size. @elf_machine
 * (0: any) must match e_machine. On success returns the number of bytes
 * of memory covered and sets *pentry, *plow, *phigh (each may be NULL) to
 * the entry point and the lowest / one-past-highest loaded addresses; on
 * failure returns -1 and sets @errp (nothing is written to memory).
 */
int64_t load_elf_as(const char *filename, int elf_machine, AddressSpace *as,
                    uint64_t *pentry, uint64_t *plow, uint64_t *phigh,
                    GError **errp);

/*
 * Load the whole file @filename at @addr of system memory; at most
 * @max_sz bytes. Returns its size, or -1 with @errp set (too big,
 * unreadable).
 */
int64_t load_image_targphys(const char *filename, hwaddr addr, uint64_t max_sz,
                            GError **errp);

/* Write @len bytes of @data at @addr now and again on every reset. */
void rom_add_blob_fixed(const char *name, const void *data, size_t len,
                        hwaddr addr);

/* Size of @filename in bytes, or -1. */
int64_t get_image_size(const char *filename);

#endif
