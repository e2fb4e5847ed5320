/*
 * gdbstub.h - the gdb remote stub (softmmu/gdbstub.c) and how a target
 * gives it its registers.
 *
 * The stub speaks the GDB remote serial protocol on a chardev (-s, -S,
 * -gdb tcp::PORT | unix:PATH,server=on | chardev:ID). It knows no target:
 * each target registers, from a type_init() constructor in its own
 * target-<arch>/gdbstub.c, the target description XML and two accessors:
 *
 *     static const GdbTargetOps arm_gdb_ops = {
 *         .target = "aarch64",            // matches target_name()
 *         .xml = aarch64_target_xml,      // whole target.xml
 *         .num_regs = 90,                 // numbered 0..num_regs-1 in the XML
 *         .num_g_regs = 34,               // what the 'g' packet carries
 *         .read_reg = arm_gdb_read_reg,
 *         .write_reg = arm_gdb_write_reg,
 *     };
 *     static void arm_gdb_register(void) { gdb_register_target(&arm_gdb_ops); }
 *     type_init(arm_gdb_register)
 *
 * The target's code never has to call the stub. See docs/devel/gdbstub.md.
 */
#ifndef EXEC_GDBSTUB_H
#define EXEC_GDBSTUB_H

#include "util/osdep.h"

typedef struct GdbTargetOps {
    /* The target_name() this describes ("aarch64"). */
    const char *target;
    /* The complete target.xml (features inline), served by qXfer. */
    const char *xml;
    /* Registers are numbered 0..num_regs-1, in the XML's order. */
    int num_regs;
    /* The first num_g_regs of them make up the 'g'/'G' packets. */
    int num_g_regs;
    /*
     * Append register @n of @cpu to @buf in target byte order; return the
     * number of bytes appended, 0 if there is no such register.
     */
    int (*read_reg)(CPUState *cpu, GByteArray *buf, int n);
    /*
     * Set register @n of @cpu from @len bytes at @mem (target byte order);
     * return the bytes the register takes (consumed even when the value is
     * ignored, e.g. a read-only register), 0 if there is no such register
     * or @len is too short.
     */
    int (*write_reg)(CPUState *cpu, const uint8_t *mem, int len, int n);
} GdbTargetOps;

/* Called from a target's type_init() constructor; one per target name. */
void gdb_register_target(const GdbTargetOps *ops);

/* The ops registered for @target_name, or NULL. */
const GdbTargetOps *gdb_find_target(const char *target_name);

/*
 * Start the stub on @spec ("tcp::1234", "tcp:HOST:PORT", "unix:PATH[,...]",
 * "chardev:ID", "stdio"): tcp and unix get server=on,wait=off unless the
 * spec says otherwise. Main thread, BQL held, after the CPUs exist. This is
 * what vl.c calls through gdbstub_register_start() for -s/-gdb.
 */
bool gdbserver_start(const char *spec, GError **errp);

/*
 * Tell the stub which vCPU stopped with EXCP_DEBUG (the exec thread calls
 * it before qemu_system_debug_request()). Optional: without it the stub
 * finds the CPU from watchpoint hits, single-step state and breakpoints.
 */
void gdb_set_stop_cpu(CPUState *cpu);

/* Whether a debugger is attached (for code that behaves differently then). */
bool gdb_attached(void);

#endif
