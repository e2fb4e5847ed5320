/*
 * trace-events.h - the list of named trace events (an X-macro table).
 *
 * Not a normal header: include/trace/trace.h and util/trace.c include it
 * with TRACE_EVENT defined to generate the event ids, the name table and
 * one static inline trace_<name>() per event. Add an event by adding one
 * line here; nothing else needs to change.
 *
 *   TRACE_EVENT(name, (typed parameters), (argument names), "format")
 *
 * The format continues after "name " on the output line, as in QEMU's
 * trace-events files; where QEMU 7.2 has the event, the parameters and
 * format follow its field order so that scripts written for QEMU's "log"
 * backend output read ours.
 */

/* softmmu/memory.c dispatch (installed through memory_region_set_access_trace) */
TRACE_EVENT(memory_region_ops_read,
            (int cpu_index, void *mr, uint64_t addr, uint64_t value,
             unsigned size, const char *name),
            (cpu_index, mr, addr, value, size, name),
            "cpu %d mr %p addr 0x%" PRIx64 " value 0x%" PRIx64
            " size %u name '%s'")
TRACE_EVENT(memory_region_ops_write,
            (int cpu_index, void *mr, uint64_t addr, uint64_t value,
             unsigned size, const char *name),
            (cpu_index, mr, addr, value, size, name),
            "cpu %d mr %p addr 0x%" PRIx64 " value 0x%" PRIx64
            " size %u name '%s'")

/* hw/pci/pci.c */
TRACE_EVENT(pci_update_mappings_del,
            (const char *dev, uint32_t bus, uint32_t slot, uint32_t func,
             int bar, uint64_t addr, uint64_t size),
            (dev, bus, slot, func, bar, addr, size),
            "%s %02x:%02x.%x %d,0x%" PRIx64 "+0x%" PRIx64)
TRACE_EVENT(pci_update_mappings_add,
            (const char *dev, uint32_t bus, uint32_t slot, uint32_t func,
             int bar, uint64_t addr, uint64_t size),
            (dev, bus, slot, func, bar, addr, size),
            "%s %02x:%02x.%x %d,0x%" PRIx64 "+0x%" PRIx64)
TRACE_EVENT(pci_cfg_read,
            (const char *dev, uint32_t bus, uint32_t slot, uint32_t func,
             unsigned offs, unsigned val),
            (dev, bus, slot, func, offs, val),
            "%s %02x:%02x.%x @0x%x -> 0x%x")
TRACE_EVENT(pci_cfg_write,
            (const char *dev, uint32_t bus, uint32_t slot, uint32_t func,
             unsigned offs, unsigned val),
            (dev, bus, slot, func, offs, val),
            "%s %02x:%02x.%x @0x%x <- 0x%x")

/* hw/pci/msix.c */
TRACE_EVENT(msix_write_config,
            (const char *name, bool enabled, bool masked),
            (name, enabled, masked),
            "dev %s enabled %d masked %d")
/* plumb's own: QEMU has no event for the message itself */
TRACE_EVENT(msix_notify,
            (const char *name, unsigned vector, uint64_t addr, uint32_t data),
            (name, vector, addr, data),
            "dev %s vector %u addr 0x%" PRIx64 " data 0x%x")
TRACE_EVENT(msix_notify_masked,
            (const char *name, unsigned vector),
            (name, vector),
            "dev %s vector %u pending")

/* hw/virtio (QEMU prints the VirtIODevice pointer; a name says more) */
TRACE_EVENT(virtio_queue_notify,
            (const char *vdev, int n, void *vq),
            (vdev, n, vq),
            "vdev %s n %d vq %p")

/* softmmu/cputlb.c (plumb's own event) */
TRACE_EVENT(tlb_flush,
            (int cpu_index, uint32_t mmu_idx_mask),
            (cpu_index, mmu_idx_mask),
            "cpu %d mmu_idx_mask 0x%x")

/* tcg/cpu-exec.c */
TRACE_EVENT(exec_tb,
            (const void *tb, uint64_t pc),
            (tb, pc),
            "tb:%p pc=0x%" PRIx64)
