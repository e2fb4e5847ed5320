/*
 * memattrs.h - who is accessing memory and how it went: MemTxAttrs travel
 * with every access (CPU, DMA, qtest, gdbstub, monitor) down to the device
 * callback; MemTxResult comes back up so the initiator can turn a failure into
 * its own architecture's error (data abort, machine check, all-ones, ...).
 */
#ifndef EXEC_MEMATTRS_H
#define EXEC_MEMATTRS_H

#include "util/osdep.h"

typedef struct MemTxAttrs {
    /*
     * Set by initiators that have no attributes to give (most DMA and the
     * monitor); a device that needs them must then pick a default.
     */
    unsigned int unspecified:1;
    /* Arm TrustZone Secure / x86 SMM-like "secure world" access. */
    unsigned int secure:1;
    /* Unprivileged (user-mode) access, for devices that check privilege. */
    unsigned int user:1;
    /*
     * Debugger or monitor access: devices must not change state on it where
     * they can tell (e.g. no clear-on-read). Never blocked by the
     * re-entrancy guard's logging, but still subject to it.
     */
    unsigned int debug:1;
    /* Memory (not I/O) transaction, for buses that distinguish them. */
    unsigned int memory:1;
    /* PCI requester id (bus:devfn) or other bus master id. */
    unsigned int requester_id:16;
    /* Target-defined extra bits (e.g. Arm PASID / stream ids). */
    unsigned int target_tlb_bit0:1;
    unsigned int target_tlb_bit1:1;
    unsigned int target_tlb_bit2:1;
} MemTxAttrs;

#define MEMTXATTRS_UNSPECIFIED ((MemTxAttrs) { .unspecified = 1 })

/*
 * Result of a transaction; bits, so that a split access can OR the results
 * of its parts. MEMTX_OK is 0.
 */
typedef uint32_t MemTxResult;
#define MEMTX_OK            0
#define MEMTX_ERROR         (1U << 0)   /* device answered with a bus error */
#define MEMTX_DECODE_ERROR  (1U << 1)   /* nothing there, or access shape refused */
#define MEMTX_ACCESS_ERROR  (1U << 2)   /* refused: permissions, re-entrancy */

#endif
