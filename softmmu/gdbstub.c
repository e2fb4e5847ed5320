/*
 * gdbstub.c - the gdb remote stub: the GDB remote serial protocol on a
 * chardev, for every target that registered its registers
 * (include/exec/gdbstub.h).
 *
 *     plumb-system-aarch64 -M virt -kernel prog.elf -S -s
 *     gdb-multiarch prog.elf -ex 'target remote :1234'
 *
 * All-stop: when gdb stops the VM (ctrl-C, a breakpoint, a watchpoint, the
 * end of a step) every vCPU is parked through vm_stop(); resuming goes
 * through vm_start(). vCPUs are gdb's threads (thread id = cpu_index + 1).
 * Everything here runs on the main thread with the BQL held: input comes
 * from the chardev, stops are noticed through a VM change-state handler.
 *
 * Memory goes through the debug accessors (cpu_memory_rw_debug, debug
 * attribute set). Device regions are not read by default, because a read
 * can have side effects (a FIFO pops, a status bit clears) and gdb reads
 * memory on its own (stack frames, disassembly); `monitor mmio on` lets
 * 'm'/'M' of 1, 2, 4 or 8 aligned bytes reach a device as one access of
 * exactly that width. See docs/devel/gdbstub.md.
 *
 * Not for: a target's register layout (target-<arch>/ and gdbstub-<arch>.c).
 */
#include "util/osdep.h"
#include "chardev/char-fe.h"
#include "exec/exec-all.h"
#include "exec/gdbstub.h"
#include "exec/memop.h"
#include "exec/memory.h"
#include "hw/core/cpu.h"
#include "monitor/monitor.h"
#include "sysemu/main-loop.h"
#include "sysemu/runstate.h"
#include "sysemu/sysemu.h"
#include "util/error.h"
#include "util/log.h"
#include "util/module.h"

/*
 * Largest packet payload we take and send (advertised as PacketSize, in
 * hex). 16 KiB keeps 'g' of any target and an 8 KiB memory read in one
 * packet; longer input is drained and answered with an error.
 */
#define GDB_PACKET_SIZE 0x4000

#define GDB_SIGNAL_INT  2
#define GDB_SIGNAL_TRAP 5
#define GDB_SIGNAL_ABRT 6

/* Errors as gdbserver spells them (errno values in hex). */
#define GDB_EINVAL "E16"
#define GDB_EFAULT "E0e"
#define GDB_ENOENT "E02"

typedef enum {
    RS_IDLE,        /* between packets: '$', acks, ctrl-C */
    RS_GETLINE,     /* payload */
    RS_GETLINE_ESC, /* after '}' */
    RS_GETLINE_RLE, /* after '*' */
    RS_CHKSUM1,
    RS_CHKSUM2,
} GdbRxState;

typedef enum {
    GDB_BP_SW = 0,
    GDB_BP_HW = 1,
    GDB_WP_WRITE = 2,
    GDB_WP_READ = 3,
    GDB_WP_ACCESS = 4,
} GdbBpType;

/* What gdb planted, to say swbreak/hwbreak in stop replies. */
typedef struct GdbBreakpoint {
    vaddr addr;
    GdbBpType type;
} GdbBreakpoint;

typedef struct GdbState {
    bool started;
    CharBackend chr;
    const GdbTargetOps *ops;
    bool connected;

    /* Receiving. */
    GdbRxState rx;
    uint8_t line[GDB_PACKET_SIZE + 1];  /* +1: NUL for text parsing */
    size_t line_len;
    bool line_overflow;     /* payload longer than GDB_PACKET_SIZE */
    bool line_bad;          /* malformed (RLE with nothing to repeat) */
    uint8_t line_sum;
    uint8_t rx_sum;

    /* Sending. */
    bool no_ack;
    GString *last_packet;   /* resent when gdb answers '-' */

    /* Threads: continue (Hc) and general (Hg) operations. */
    CPUState *c_cpu;
    CPUState *g_cpu;
    CPUState *stop_cpu;     /* told by gdb_set_stop_cpu() */

    /* gdb resumed the VM and waits for a stop reply. */
    bool running;
    bool allow_mmio;
    GArray *bps;            /* of GdbBreakpoint */
} GdbState;

static GdbState gdb;

static const GdbTargetOps *gdb_targets[4];

void gdb_register_target(const GdbTargetOps *ops)
{
    for (size_t i = 0; i < G_N_ELEMENTS(gdb_targets); i++) {
        if (!gdb_targets[i] || !strcmp(gdb_targets[i]->target, ops->target)) {
            gdb_targets[i] = ops;
            return;
        }
    }
    g_assert_not_reached();
}

const GdbTargetOps *gdb_find_target(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(gdb_targets); i++) {
        if (gdb_targets[i] && !strcmp(gdb_targets[i]->target, name)) {
            return gdb_targets[i];
        }
    }
    return NULL;
}

void gdb_set_stop_cpu(CPUState *cpu)
{
    gdb.stop_cpu = cpu;
}

bool gdb_attached(void)
{
    return gdb.connected;
}

/* ---- encoding ---- */

static int hexval(int c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

static void hex_append(GString *s, const uint8_t *mem, size_t len)
{
    static const char digits[] = "0123456789abcdef";

    for (size_t i = 0; i < len; i++) {
        g_string_append_c(s, digits[mem[i] >> 4]);
        g_string_append_c(s, digits[mem[i] & 15]);
    }
}

/* Decode @len hex digit pairs at @hex into @mem; false on a bad digit. */
static bool hex_decode(uint8_t *mem, const char *hex, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        int hi = hexval((unsigned char)hex[2 * i]);
        int lo = hi < 0 ? -1 : hexval((unsigned char)hex[2 * i + 1]);

        if (hi < 0 || lo < 0) {
            return false;
        }
        mem[i] = hi << 4 | lo;
    }
    return true;
}

/*
 * Parse a hex number at *@p (at least one digit, at most 16) and move *@p
 * past it.
 */
static bool parse_hex(const char **p, uint64_t *val)
{
    const char *s = *p;
    uint64_t v = 0;
    int n = 0;

    while (hexval((unsigned char)*s) >= 0) {
        if (++n > 16) {
            return false;
        }
        v = v << 4 | hexval((unsigned char)*s);
        s++;
    }
    if (n == 0) {
        return false;
    }
    *p = s;
    *val = v;
    return true;
}

/* "ADDR,LEN" then @end (a char, or 0 for end of string). */
static bool parse_addr_len(const char **p, uint64_t *addr, uint64_t *len,
                           char end)
{
    if (!parse_hex(p, addr) || **p != ',') {
        return false;
    }
    (*p)++;
    if (!parse_hex(p, len) || **p != end) {
        return false;
    }
    if (end) {
        (*p)++;
    }
    return true;
}

/* ---- sending ---- */

static void gdb_write(const char *buf, size_t len)
{
    qemu_chr_fe_write_all(&gdb.chr, (const uint8_t *)buf, len);
}

/* Send a packet whose payload is already escaped where needed. */
static void gdb_put_packet_len(const char *data, size_t len)
{
    GString *pkt = g_string_sized_new(len + 4);
    uint8_t sum = 0;

    g_string_append_c(pkt, '$');
    for (size_t i = 0; i < len; i++) {
        sum += (uint8_t)data[i];
    }
    g_string_append_len(pkt, data, len);
    g_string_append_printf(pkt, "#%02x", sum);
    gdb_write(pkt->str, pkt->len);
    if (gdb.last_packet) {
        g_string_free(gdb.last_packet, TRUE);
    }
    gdb.last_packet = gdb.no_ack ? (g_string_free(pkt, TRUE), NULL) : pkt;
}

static void gdb_put_packet(const char *data)
{
    gdb_put_packet_len(data, strlen(data));
}

static void gdb_put_gstring(GString *s)
{
    gdb_put_packet_len(s->str, s->len);
}

/* Append binary data with the protocol's escapes ('$', '#', '}', '*'). */
static void binary_append(GString *s, const uint8_t *mem, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (mem[i] == '$' || mem[i] == '#' || mem[i] == '}' || mem[i] == '*') {
            g_string_append_c(s, '}');
            g_string_append_c(s, mem[i] ^ 0x20);
        } else {
            g_string_append_c(s, mem[i]);
        }
    }
}

/* ---- threads ---- */

static int gdb_thread_id(CPUState *cpu)
{
    return cpu->cpu_index + 1;
}

/*
 * A thread id: "-1" (all), "0" (any), "N", or multiprocess "pP.N". @tid is
 * set to -1, 0 or N. Moves *@p past it.
 */
static bool parse_thread_id(const char **p, int64_t *tid)
{
    uint64_t v;

    if (**p == 'p') {
        (*p)++;
        if (!strncmp(*p, "-1", 2)) {
            *p += 2;
        } else if (!parse_hex(p, &v)) {
            return false;
        }
        if (**p != '.') {
            *tid = -1;
            return true;
        }
        (*p)++;
    }
    if (!strncmp(*p, "-1", 2)) {
        *p += 2;
        *tid = -1;
        return true;
    }
    if (!parse_hex(p, &v) || v > INT32_MAX) {
        return false;
    }
    *tid = v;
    return true;
}

/* The CPU of thread @tid (0 or -1: the first), or NULL. */
static CPUState *gdb_cpu_of(int64_t tid)
{
    if (tid <= 0) {
        return first_cpu;
    }
    return qemu_get_cpu(tid - 1);
}

/* ---- breakpoints ---- */

static int gdb_wp_flags(GdbBpType type)
{
    switch (type) {
    case GDB_WP_WRITE:
        return BP_GDB | BP_MEM_WRITE;
    case GDB_WP_READ:
        return BP_GDB | BP_MEM_READ;
    default:
        return BP_GDB | BP_MEM_ACCESS;
    }
}

static int gdb_bp_insert(GdbBpType type, vaddr addr, vaddr len)
{
    CPUState *cpu;
    int err = 0;

    CPU_FOREACH(cpu) {
        if (type == GDB_BP_SW || type == GDB_BP_HW) {
            err = cpu_breakpoint_insert(cpu, addr, BP_GDB, NULL);
        } else {
            err = cpu_watchpoint_insert(cpu, addr, len, gdb_wp_flags(type),
                                        NULL);
        }
        if (err) {
            /* Take back what the CPUs before this one got. */
            CPUState *undo;
            CPU_FOREACH(undo) {
                if (undo == cpu) {
                    break;
                }
                if (type == GDB_BP_SW || type == GDB_BP_HW) {
                    cpu_breakpoint_remove(undo, addr, BP_GDB);
                } else {
                    cpu_watchpoint_remove(undo, addr, len, gdb_wp_flags(type));
                }
            }
            return err;
        }
    }
    if (type == GDB_BP_SW || type == GDB_BP_HW) {
        GdbBreakpoint bp = { .addr = addr, .type = type };
        g_array_append_val(gdb.bps, bp);
    }
    return 0;
}

static int gdb_bp_remove(GdbBpType type, vaddr addr, vaddr len)
{
    CPUState *cpu;
    int err = 0;

    CPU_FOREACH(cpu) {
        int r;
        if (type == GDB_BP_SW || type == GDB_BP_HW) {
            r = cpu_breakpoint_remove(cpu, addr, BP_GDB);
        } else {
            r = cpu_watchpoint_remove(cpu, addr, len, gdb_wp_flags(type));
        }
        if (r) {
            err = r;
        }
    }
    if (type == GDB_BP_SW || type == GDB_BP_HW) {
        for (guint i = 0; i < gdb.bps->len; i++) {
            GdbBreakpoint *bp = &g_array_index(gdb.bps, GdbBreakpoint, i);
            if (bp->addr == addr && bp->type == type) {
                g_array_remove_index(gdb.bps, i);
                break;
            }
        }
    }
    return err;
}

static void gdb_bp_remove_all(void)
{
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        cpu_breakpoint_remove_all(cpu, BP_GDB);
        cpu_watchpoint_remove_all(cpu, BP_GDB);
        cpu_single_step(cpu, 0);
    }
    g_array_set_size(gdb.bps, 0);
}

/* The kind of breakpoint gdb planted at @pc, or -1. */
static int gdb_bp_type_at(vaddr pc)
{
    for (guint i = 0; i < gdb.bps->len; i++) {
        GdbBreakpoint *bp = &g_array_index(gdb.bps, GdbBreakpoint, i);
        if (bp->addr == pc) {
            return bp->type;
        }
    }
    return -1;
}

/* ---- memory ---- */

/*
 * Whether [@addr, @addr + @len) of @cpu's virtual memory is all RAM or ROM
 * (reached directly); false if any part is unmapped, a hole or a device.
 * On a device region, @dev, @dev_xlat and @dev_attrs say where it is.
 */
static bool gdb_mem_is_direct(CPUState *cpu, vaddr addr, size_t len,
                              bool is_write, MemoryRegion **dev,
                              hwaddr *dev_xlat, MemTxAttrs *dev_attrs)
{
    *dev = NULL;
    while (len) {
        MemTxAttrs attrs;
        hwaddr pa = cpu_get_phys_page_attrs_debug(cpu, addr, &attrs);
        size_t l = MIN(len, TARGET_PAGE_SIZE - (addr & ~TARGET_PAGE_MASK));
        hwaddr xlat, plen = l;
        MemoryRegion *mr;

        if (pa == (hwaddr)-1) {
            return false;
        }
        attrs.debug = 1;
        mr = address_space_translate(cpu->as, pa, &xlat, &plen, is_write,
                                     attrs);
        if (memory_region_is_unassigned(mr)) {
            return false;
        }
        if (!(memory_region_is_ram(mr) && !memory_region_is_ram_device(mr)) &&
            !(!is_write && memory_region_is_romd(mr))) {
            *dev = mr;
            *dev_xlat = xlat;
            *dev_attrs = attrs;
            return false;
        }
        if (plen == 0) {
            return false;
        }
        l = MIN(l, plen);
        addr += l;
        len -= l;
    }
    return true;
}

/*
 * Read or write guest virtual memory for gdb. RAM and ROM: any length.
 * Device regions: only with `monitor mmio on`, and only as one access of
 * 1, 2, 4 or 8 naturally aligned bytes, which the device gets as exactly
 * that access. Returns 0 or -1.
 */
static int gdb_memory_rw(CPUState *cpu, vaddr addr, uint8_t *buf, size_t len,
                         bool is_write)
{
    MemoryRegion *dev;
    hwaddr xlat;
    MemTxAttrs attrs;
    bool be = cpu->tcg_ops && cpu->tcg_ops->big_endian;
    MemOp op;
    uint64_t v = 0;

    if (len == 0) {
        return 0;
    }
    if (gdb_mem_is_direct(cpu, addr, len, is_write, &dev, &xlat, &attrs)) {
        return cpu_memory_rw_debug(cpu, addr, buf, len, is_write);
    }
    if (!dev || !gdb.allow_mmio || (len != 1 && len != 2 && len != 4 &&
                                     len != 8) || (addr & (len - 1))) {
        return -1;
    }
    op = size_memop(len) | (be ? MO_BE : MO_LE);
    if (is_write) {
        for (size_t i = 0; i < len; i++) {
            v |= (uint64_t)buf[i] << (8 * (be ? len - 1 - i : i));
        }
        return memory_region_dispatch_write(dev, xlat, v, op, attrs) ==
               MEMTX_OK ? 0 : -1;
    }
    if (memory_region_dispatch_read(dev, xlat, &v, op, attrs) != MEMTX_OK) {
        return -1;
    }
    for (size_t i = 0; i < len; i++) {
        buf[i] = v >> (8 * (be ? len - 1 - i : i));
    }
    return 0;
}

/* ---- stop and resume ---- */

/* Which CPU a debug stop belongs to, when the exec loop did not say. */
static CPUState *gdb_find_stop_cpu(void)
{
    CPUState *cpu;

    if (gdb.stop_cpu) {
        return gdb.stop_cpu;
    }
    CPU_FOREACH(cpu) {
        if (cpu->watchpoint_hit) {
            return cpu;
        }
    }
    CPU_FOREACH(cpu) {
        if (cpu->singlestep_enabled) {
            return cpu;
        }
    }
    CPU_FOREACH(cpu) {
        if (cpu->tcg_ops && cpu->tcg_ops->get_pc &&
            cpu_breakpoint_test(cpu, cpu->tcg_ops->get_pc(cpu), BP_GDB)) {
            return cpu;
        }
    }
    return gdb.c_cpu ? gdb.c_cpu : first_cpu;
}

static void gdb_append_stop_reason(GString *s, CPUState *cpu, int sig)
{
    CPUWatchpoint *wp = cpu->watchpoint_hit;

    g_string_append_printf(s, "T%02xthread:%02x;", sig, gdb_thread_id(cpu));
    if (sig != GDB_SIGNAL_TRAP) {
        return;
    }
    if (wp) {
        const char *kind = "";
        if ((wp->flags & BP_MEM_ACCESS) == BP_MEM_ACCESS) {
            kind = "a";
        } else if (wp->flags & BP_MEM_READ) {
            kind = "r";
        }
        g_string_append_printf(s, "%swatch:%" PRIx64 ";", kind,
                               (uint64_t)wp->hitaddr);
    } else if (!cpu->singlestep_enabled && cpu->tcg_ops &&
               cpu->tcg_ops->get_pc) {
        int t = gdb_bp_type_at(cpu->tcg_ops->get_pc(cpu));
        if (t == GDB_BP_SW) {
            g_string_append(s, "swbreak:;");
        } else if (t == GDB_BP_HW) {
            g_string_append(s, "hwbreak:;");
        }
    }
}

static void gdb_vm_state_change(void *opaque, bool running, RunState state)
{
    GString *s;
    CPUState *cpu;
    int sig;

    (void)opaque;
    if (running || !gdb.connected) {
        return;
    }
    if (state == RUN_STATE_SHUTDOWN) {
        /* The VM is going away (guest exit, quit): as QEMU, status 0. */
        if (gdb.running) {
            gdb.running = false;
            gdb_put_packet("W00");
        }
        return;
    }
    if (!gdb.running) {
        return;     /* stopped while gdb already knew it was stopped */
    }
    gdb.running = false;
    cpu = gdb_find_stop_cpu();
    gdb.stop_cpu = NULL;
    switch (state) {
    case RUN_STATE_DEBUG:
        sig = GDB_SIGNAL_TRAP;
        break;
    case RUN_STATE_PAUSED:
        sig = GDB_SIGNAL_INT;
        break;
    default:
        sig = GDB_SIGNAL_ABRT;
        break;
    }
    s = g_string_new(NULL);
    gdb_append_stop_reason(s, cpu, sig);
    gdb_put_gstring(s);
    g_string_free(s, TRUE);
    gdb.c_cpu = gdb.g_cpu = cpu;
    CPU_FOREACH(cpu) {
        cpu_single_step(cpu, 0);
    }
}

/*
 * Resume: CPUs with @step[i] single-step, with @run[i] run, the others stay
 * parked. NULL arrays: every CPU runs. Main thread, BQL held, so the vCPU
 * thread cannot start any CPU before the parked ones are marked.
 */
static void gdb_resume(const bool *run, const bool *step)
{
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        if (cpu->watchpoint_hit) {
            cpu->watchpoint_hit->flags &= ~BP_WATCHPOINT_HIT;
            cpu->watchpoint_hit = NULL;
        }
        if (step && step[cpu->cpu_index]) {
            cpu_single_step(cpu, SSTEP_ENABLE | SSTEP_NOIRQ | SSTEP_NOTIMER);
        }
    }
    gdb.running = true;
    gdb.stop_cpu = NULL;
    vm_start();
    if (run) {
        CPU_FOREACH(cpu) {
            if (!run[cpu->cpu_index] && !step[cpu->cpu_index]) {
                cpu->stop = true;
            }
        }
    }
}

static int gdb_nr_cpus(void)
{
    CPUState *cpu;
    int n = 0;

    CPU_FOREACH(cpu) {
        n = MAX(n, cpu->cpu_index + 1);
    }
    return n;
}

/* Optional "ADDR" after c/s: resume there. */
static bool gdb_set_resume_pc(const char *p)
{
    uint64_t addr;

    if (!*p) {
        return true;
    }
    if (!parse_hex(&p, &addr) || *p) {
        return false;
    }
    if (gdb.c_cpu->tcg_ops && gdb.c_cpu->tcg_ops->set_pc) {
        gdb.c_cpu->tcg_ops->set_pc(gdb.c_cpu, addr);
    }
    return true;
}

/* vCont;ACTION[:TID][;ACTION[:TID]]... (c, C sig, s, S sig, t). */
static void gdb_handle_vcont(const char *p)
{
    int n = gdb_nr_cpus();
    bool *run = g_new0(bool, n), *step = g_new0(bool, n);
    bool *done = g_new0(bool, n);
    bool any = false;

    while (*p == ';') {
        char act = p[1];
        int64_t tid = -1;

        p += 2;
        if (act == 'C' || act == 'S') {
            uint64_t sig;
            if (!parse_hex(&p, &sig)) {
                goto bad;
            }
            act = act == 'C' ? 'c' : 's';
        } else if (act != 'c' && act != 's' && act != 't') {
            goto bad;
        }
        if (*p == ':') {
            p++;
            if (!parse_thread_id(&p, &tid)) {
                goto bad;
            }
        }
        if (*p && *p != ';') {
            goto bad;
        }
        for (int i = 0; i < n; i++) {
            if (done[i] || (tid > 0 && tid - 1 != i) || !qemu_get_cpu(i)) {
                continue;
            }
            done[i] = true;
            run[i] = act == 'c';
            step[i] = act == 's';
            any |= act != 't';
        }
        if (tid > 0 && !qemu_get_cpu(tid - 1)) {
            goto bad;
        }
    }
    if (*p || !any) {
        goto bad;
    }
    for (int i = 0; i < n; i++) {
        if (step[i]) {
            gdb.c_cpu = qemu_get_cpu(i);
        }
    }
    gdb_resume(run, step);
    goto out;
bad:
    gdb_put_packet(GDB_EINVAL);
out:
    g_free(run);
    g_free(step);
    g_free(done);
}

/* ---- monitor commands (qRcmd) ---- */

static void gdb_console_output(const char *text)
{
    size_t len = strlen(text);
    /* Each byte takes two hex digits after the 'O'. */
    size_t chunk = (GDB_PACKET_SIZE - 1) / 2;

    for (size_t off = 0; off < len; off += chunk) {
        GString *s = g_string_new("O");
        hex_append(s, (const uint8_t *)text + off, MIN(chunk, len - off));
        gdb_put_gstring(s);
        g_string_free(s, TRUE);
    }
}

static void gdb_handle_rcmd(const char *hex)
{
    size_t n = strlen(hex);
    char *cmd;
    char *out = NULL;

    if (n % 2) {
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    cmd = g_malloc0(n / 2 + 1);
    if (!hex_decode((uint8_t *)cmd, hex, n / 2) || strlen(cmd) != n / 2) {
        g_free(cmd);
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    g_strstrip(cmd);
    if (!strcmp(cmd, "mmio on")) {
        gdb.allow_mmio = true;
        out = g_strdup("gdb: device (MMIO) regions: reads and writes of "
                       "1/2/4/8 aligned bytes allowed\n");
    } else if (!strcmp(cmd, "mmio off")) {
        gdb.allow_mmio = false;
        out = g_strdup("gdb: device (MMIO) regions: refused\n");
    } else if (!strcmp(cmd, "mmio")) {
        out = g_strdup_printf("gdb: device (MMIO) regions: %s\n",
                              gdb.allow_mmio ? "allowed" : "refused");
    } else if (!strncmp(cmd, "gdbserver", 9)) {
        /* It would close the connection this command came on. */
        out = g_strdup("gdb: 'gdbserver' cannot be used from gdb\n");
    } else {
        out = hmp_run_command(cmd);
    }
    if (out && *out) {
        gdb_console_output(out);
    }
    g_free(out);
    g_free(cmd);
    gdb_put_packet("OK");
}

/* ---- packets ---- */

static void gdb_handle_qxfer(const char *p)
{
    const char *prefix = "features:read:";
    const char *annex, *colon;
    uint64_t off, len;
    const char *xml = gdb.ops->xml;
    size_t xml_len = strlen(xml);
    GString *s;

    if (strncmp(p, prefix, strlen(prefix))) {
        gdb_put_packet("");
        return;
    }
    annex = p + strlen(prefix);
    colon = strchr(annex, ':');
    if (!colon) {
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    if ((size_t)(colon - annex) != strlen("target.xml") ||
        strncmp(annex, "target.xml", colon - annex)) {
        gdb_put_packet(GDB_ENOENT);
        return;
    }
    p = colon + 1;
    if (!parse_addr_len(&p, &off, &len, 0)) {
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    if (off >= xml_len) {
        gdb_put_packet("l");
        return;
    }
    /* Escapes may double a byte: keep within the packet size. */
    len = MIN(len, (GDB_PACKET_SIZE - 1) / 2);
    len = MIN(len, xml_len - off);
    s = g_string_new(off + len < xml_len ? "m" : "l");
    binary_append(s, (const uint8_t *)xml + off, len);
    gdb_put_gstring(s);
    g_string_free(s, TRUE);
}

static void gdb_handle_query(const char *p)
{
    if (!strncmp(p, "qSupported", 10)) {
        GString *s = g_string_new(NULL);
        g_string_append_printf(s, "PacketSize=%x;qXfer:features:read+;"
                               "vContSupported+;QStartNoAckMode+;"
                               "swbreak+;hwbreak+", GDB_PACKET_SIZE);
        gdb_put_gstring(s);
        g_string_free(s, TRUE);
    } else if (!strcmp(p, "qC")) {
        char buf[32];
        snprintf(buf, sizeof(buf), "QC%02x", gdb_thread_id(gdb.g_cpu));
        gdb_put_packet(buf);
    } else if (!strcmp(p, "qfThreadInfo")) {
        GString *s = g_string_new("m");
        CPUState *cpu;
        CPU_FOREACH(cpu) {
            g_string_append_printf(s, "%s%02x", s->len > 1 ? "," : "",
                                   gdb_thread_id(cpu));
        }
        gdb_put_gstring(s);
        g_string_free(s, TRUE);
    } else if (!strcmp(p, "qsThreadInfo")) {
        gdb_put_packet("l");
    } else if (!strncmp(p, "qThreadExtraInfo,", 17)) {
        const char *q = p + 17;
        int64_t tid;
        CPUState *cpu;
        char *text;
        GString *s;

        if (!parse_thread_id(&q, &tid) || *q || tid <= 0 ||
            !(cpu = gdb_cpu_of(tid))) {
            gdb_put_packet(GDB_EINVAL);
            return;
        }
        text = g_strdup_printf("CPU#%d [%s]", cpu->cpu_index,
                               cpu->halted ? "halted " : "running");
        s = g_string_new(NULL);
        hex_append(s, (const uint8_t *)text, strlen(text));
        gdb_put_gstring(s);
        g_string_free(s, TRUE);
        g_free(text);
    } else if (!strncmp(p, "qAttached", 9)) {
        gdb_put_packet("1");
    } else if (!strncmp(p, "qXfer:", 6)) {
        gdb_handle_qxfer(p + 6);
    } else if (!strncmp(p, "qRcmd,", 6)) {
        gdb_handle_rcmd(p + 6);
    } else if (!strncmp(p, "qSymbol:", 8)) {
        gdb_put_packet("OK");
    } else {
        gdb_put_packet("");
    }
}

static void gdb_handle_g(void)
{
    GByteArray *regs = g_byte_array_new();
    GString *s = g_string_new(NULL);

    for (int i = 0; i < gdb.ops->num_g_regs; i++) {
        gdb.ops->read_reg(gdb.g_cpu, regs, i);
    }
    hex_append(s, regs->data, regs->len);
    gdb_put_gstring(s);
    g_string_free(s, TRUE);
    g_byte_array_free(regs, TRUE);
}

static void gdb_handle_G(const char *hex)
{
    size_t n = strlen(hex);
    uint8_t *mem;
    size_t off = 0;

    if (n % 2) {
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    mem = g_malloc(n / 2 + 1);
    if (!hex_decode(mem, hex, n / 2)) {
        g_free(mem);
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    for (int i = 0; i < gdb.ops->num_g_regs && off < n / 2; i++) {
        int r = gdb.ops->write_reg(gdb.g_cpu, mem + off, n / 2 - off, i);
        if (r <= 0) {
            break;
        }
        off += r;
    }
    g_free(mem);
    gdb_put_packet("OK");
}

static void gdb_handle_p(const char *p)
{
    uint64_t n;
    GByteArray *val;
    GString *s;

    if (!parse_hex(&p, &n) || *p || n >= (uint64_t)gdb.ops->num_regs) {
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    val = g_byte_array_new();
    if (gdb.ops->read_reg(gdb.g_cpu, val, n) <= 0) {
        gdb_put_packet(GDB_EINVAL);
    } else {
        s = g_string_new(NULL);
        hex_append(s, val->data, val->len);
        gdb_put_gstring(s);
        g_string_free(s, TRUE);
    }
    g_byte_array_free(val, TRUE);
}

static void gdb_handle_P(const char *p)
{
    uint64_t n;
    size_t len;
    uint8_t *mem;
    int r;

    if (!parse_hex(&p, &n) || *p != '=' || n >= (uint64_t)gdb.ops->num_regs) {
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    p++;
    len = strlen(p);
    if (len % 2 || len == 0) {
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    mem = g_malloc(len / 2);
    if (!hex_decode(mem, p, len / 2)) {
        g_free(mem);
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    r = gdb.ops->write_reg(gdb.g_cpu, mem, len / 2, n);
    g_free(mem);
    gdb_put_packet(r > 0 ? "OK" : GDB_EINVAL);
}

static void gdb_handle_m(const char *p)
{
    uint64_t addr, len;
    uint8_t *mem;
    GString *s;

    if (!parse_addr_len(&p, &addr, &len, 0)) {
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    if (len > GDB_PACKET_SIZE / 2) {
        /* gdb asks for no more than PacketSize allows; clip like gdbserver. */
        len = GDB_PACKET_SIZE / 2;
    }
    mem = g_malloc(len + 1);
    if (gdb_memory_rw(gdb.g_cpu, addr, mem, len, false)) {
        gdb_put_packet(GDB_EFAULT);
    } else {
        s = g_string_new(NULL);
        hex_append(s, mem, len);
        gdb_put_gstring(s);
        g_string_free(s, TRUE);
    }
    g_free(mem);
}

/* M addr,len:HEX and X addr,len:BINARY (already unescaped). */
static void gdb_handle_write_mem(const char *p, size_t plen, bool binary)
{
    const char *start = p;
    uint64_t addr, len;
    size_t data_len;
    uint8_t *mem;
    int r;

    if (!parse_addr_len(&p, &addr, &len, ':')) {
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    data_len = plen - (p - start);
    if (binary ? data_len != len : data_len != 2 * len) {
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    mem = g_malloc(len + 1);
    if (binary) {
        memcpy(mem, p, len);
    } else if (!hex_decode(mem, p, len)) {
        g_free(mem);
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    r = gdb_memory_rw(gdb.g_cpu, addr, mem, len, true);
    g_free(mem);
    gdb_put_packet(r ? GDB_EFAULT : "OK");
}

/* Z/z TYPE,ADDR,KIND[;cond...]. */
static void gdb_handle_z(const char *p, bool insert)
{
    uint64_t type, addr, kind;
    int r;

    if (!parse_hex(&p, &type) || *p != ',') {
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    p++;
    if (!parse_hex(&p, &addr) || *p != ',' || (p++, !parse_hex(&p, &kind)) ||
        (*p && *p != ';')) {
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    if (type > GDB_WP_ACCESS) {
        gdb_put_packet("");     /* not supported */
        return;
    }
    if (type >= GDB_WP_WRITE && (kind == 0 || addr + kind - 1 < addr)) {
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    r = insert ? gdb_bp_insert(type, addr, kind) : gdb_bp_remove(type, addr, kind);
    gdb_put_packet(r == 0 ? "OK" : r == -ENOENT ? GDB_ENOENT : GDB_EINVAL);
}

static void gdb_handle_H(const char *p)
{
    char op = *p++;
    int64_t tid;
    CPUState *cpu;

    if ((op != 'g' && op != 'c') || !parse_thread_id(&p, &tid) || *p) {
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    cpu = gdb_cpu_of(tid);
    if (!cpu) {
        gdb_put_packet(GDB_EINVAL);
        return;
    }
    if (op == 'g') {
        gdb.g_cpu = cpu;
    } else {
        gdb.c_cpu = cpu;
    }
    gdb_put_packet("OK");
}

static void gdb_kill(void)
{
    error_report("gdb: killed by the debugger");
    gdb_bp_remove_all();
    qemu_system_shutdown_request_with_code(0);
}

static void gdb_handle_packet(const char *p, size_t len)
{
    switch (p[0]) {
    case '?':
        /* A (re)connecting gdb starts from a clean slate. */
        gdb_bp_remove_all();
        {
            GString *s = g_string_new(NULL);
            g_string_append_printf(s, "T%02xthread:%02x;", GDB_SIGNAL_TRAP,
                                   gdb_thread_id(gdb.c_cpu));
            gdb_put_gstring(s);
            g_string_free(s, TRUE);
        }
        break;
    case 'c':
    case 's':
        if (!gdb_set_resume_pc(p + 1)) {
            gdb_put_packet(GDB_EINVAL);
            break;
        }
        if (p[0] == 's') {
            int n = gdb_nr_cpus();
            bool *run = g_new(bool, n), *step = g_new0(bool, n);
            for (int i = 0; i < n; i++) {
                run[i] = true;
            }
            step[gdb.c_cpu->cpu_index] = true;
            run[gdb.c_cpu->cpu_index] = false;
            gdb_resume(run, step);
            g_free(run);
            g_free(step);
        } else {
            gdb_resume(NULL, NULL);
        }
        break;
    case 'C':
        gdb_resume(NULL, NULL);     /* the signal means nothing to a VM */
        break;
    case 'D':
        gdb_put_packet("OK");
        gdb_bp_remove_all();
        gdb.running = false;
        vm_start();
        break;
    case 'k':
        gdb_kill();
        break;
    case 'g':
        gdb_handle_g();
        break;
    case 'G':
        gdb_handle_G(p + 1);
        break;
    case 'p':
        gdb_handle_p(p + 1);
        break;
    case 'P':
        gdb_handle_P(p + 1);
        break;
    case 'm':
        gdb_handle_m(p + 1);
        break;
    case 'M':
        gdb_handle_write_mem(p + 1, len - 1, false);
        break;
    case 'X':
        gdb_handle_write_mem(p + 1, len - 1, true);
        break;
    case 'Z':
    case 'z':
        gdb_handle_z(p + 1, p[0] == 'Z');
        break;
    case 'H':
        gdb_handle_H(p + 1);
        break;
    case 'T': {
        const char *q = p + 1;
        int64_t tid;
        gdb_put_packet(parse_thread_id(&q, &tid) && !*q && tid > 0 &&
                       gdb_cpu_of(tid) ? "OK" : GDB_EINVAL);
        break;
    }
    case 'q':
        gdb_handle_query(p);
        break;
    case 'Q':
        if (!strcmp(p, "QStartNoAckMode")) {
            gdb_put_packet("OK");
            gdb.no_ack = true;
        } else {
            gdb_put_packet("");
        }
        break;
    case 'v':
        if (!strcmp(p, "vCont?")) {
            gdb_put_packet("vCont;c;C;s;S;t");
        } else if (!strncmp(p, "vCont;", 6)) {
            gdb_handle_vcont(p + 5);
        } else if (!strncmp(p, "vKill", 5)) {
            gdb_put_packet("OK");
            gdb_kill();
        } else {
            /* vMustReplyEmpty and whatever we do not know. */
            gdb_put_packet("");
        }
        break;
    default:
        gdb_put_packet("");
        break;
    }
}

/* ---- receiving ---- */

static void gdb_line_add(uint8_t c)
{
    if (gdb.line_len < GDB_PACKET_SIZE) {
        gdb.line[gdb.line_len++] = c;
    } else {
        gdb.line_overflow = true;
    }
}

static void gdb_interrupt(void)
{
    if (gdb.running && runstate_is_running()) {
        vm_stop(RUN_STATE_PAUSED);
    }
}

static void gdb_read_byte(uint8_t c)
{
    switch (gdb.rx) {
    case RS_IDLE:
        if (c == '$') {
            gdb.line_len = 0;
            gdb.line_sum = 0;
            gdb.line_overflow = false;
            gdb.line_bad = false;
            gdb.rx = RS_GETLINE;
        } else if (c == 0x03) {
            gdb_interrupt();
        } else if (c == '-' && gdb.last_packet) {
            gdb_write(gdb.last_packet->str, gdb.last_packet->len);
        }
        /* '+' and noise between packets: nothing to do. */
        break;
    case RS_GETLINE:
        if (c == '$') {
            /* A new packet: whatever came before was lost in transit. */
            gdb.line_len = 0;
            gdb.line_sum = 0;
            gdb.line_overflow = false;
            gdb.line_bad = false;
        } else if (c == '#') {
            gdb.rx = RS_CHKSUM1;
        } else {
            gdb.line_sum += c;
            if (c == '}') {
                gdb.rx = RS_GETLINE_ESC;
            } else if (c == '*') {
                gdb.rx = RS_GETLINE_RLE;
            } else {
                gdb_line_add(c);
            }
        }
        break;
    case RS_GETLINE_ESC:
        gdb.line_sum += c;
        gdb_line_add(c ^ 0x20);
        gdb.rx = RS_GETLINE;
        break;
    case RS_GETLINE_RLE:
        gdb.line_sum += c;
        /* "X*N": X repeated N - 29 more times. */
        if (c < 32 || gdb.line_len == 0) {
            gdb.line_bad = true;
        } else {
            uint8_t prev = gdb.line[gdb.line_len - 1];
            for (int i = 0; i < c - 29; i++) {
                gdb_line_add(prev);
            }
        }
        gdb.rx = RS_GETLINE;
        break;
    case RS_CHKSUM1:
        if (hexval(c) < 0) {
            gdb.line_bad = true;
            gdb.rx_sum = 0;
        } else {
            gdb.rx_sum = hexval(c) << 4;
        }
        gdb.rx = RS_CHKSUM2;
        break;
    case RS_CHKSUM2:
        gdb.rx = RS_IDLE;
        if (hexval(c) < 0 || gdb.rx_sum + hexval(c) != gdb.line_sum ||
            gdb.line_bad) {
            if (!gdb.no_ack) {
                gdb_write("-", 1);
            }
            log_mask(LOG_UNIMP, "gdb: dropped a packet with a bad checksum "
                     "or encoding\n");
            break;
        }
        if (!gdb.no_ack) {
            gdb_write("+", 1);
        }
        if (gdb.line_overflow) {
            gdb_put_packet("E22");
            break;
        }
        /*
         * Registers and memory are only touched with every vCPU parked: a
         * packet that arrives while the VM runs (the monitor's "cont", a
         * client that does not wait for the stop reply) stops it first.
         */
        if (runstate_is_running()) {
            vm_stop(RUN_STATE_PAUSED);
        }
        gdb.line[gdb.line_len] = 0;
        if (gdb.line_len == 0) {
            gdb_put_packet("");
            break;
        }
        gdb_handle_packet((const char *)gdb.line, gdb.line_len);
        break;
    }
}

static int gdb_can_receive(void *opaque)
{
    (void)opaque;
    return 4096;
}

static void gdb_receive(void *opaque, const uint8_t *buf, int size)
{
    (void)opaque;
    for (int i = 0; i < size; i++) {
        gdb_read_byte(buf[i]);
    }
}

static void gdb_chr_event(void *opaque, QEMUChrEvent event)
{
    (void)opaque;
    switch (event) {
    case CHR_EVENT_OPENED:
        gdb.connected = true;
        gdb.rx = RS_IDLE;
        gdb.no_ack = false;
        gdb.running = false;
        gdb.allow_mmio = false;
        gdb.c_cpu = gdb.g_cpu = first_cpu;
        if (gdb.last_packet) {
            g_string_free(gdb.last_packet, TRUE);
            gdb.last_packet = NULL;
        }
        /* gdb expects a stopped target when it attaches. */
        if (runstate_is_running()) {
            vm_stop(RUN_STATE_PAUSED);
        }
        break;
    case CHR_EVENT_CLOSED:
        gdb.connected = false;
        gdb.running = false;
        gdb_bp_remove_all();
        break;
    default:
        break;
    }
}

/* ---- start ---- */

/* tcp and unix listen without blocking start-up, unless told otherwise. */
static char *gdb_chardev_spec(const char *spec)
{
    GString *s = g_string_new(spec);

    if (!strncmp(spec, "tcp:", 4) || !strncmp(spec, "unix:", 5)) {
        if (!strstr(spec, "server")) {
            g_string_append(s, ",server=on");
        }
        if (!strstr(spec, "wait")) {
            g_string_append(s, ",wait=off");
        }
    }
    return g_string_free(s, FALSE);
}

/* Stop listening: forget breakpoints, close the chardev. */
static void gdbserver_stop(void)
{
    if (!gdb.started) {
        return;
    }
    gdb_bp_remove_all();
    qemu_chr_fe_set_handlers(&gdb.chr, NULL, NULL, NULL, NULL, NULL, NULL,
                             false);
    qemu_chr_fe_deinit(&gdb.chr, true);
    gdb.connected = false;
    gdb.running = false;
    gdb.started = false;
}

bool gdbserver_start(const char *spec, GError **errp)
{
    const GdbTargetOps *ops = gdb_find_target(target_name());
    Chardev *chr;
    char *full;

    if (!ops) {
        error_setg(errp, "the gdb stub has no registers for target %s",
                   target_name());
        return false;
    }
    if (!first_cpu) {
        error_setg(errp, "the machine has no CPU to debug");
        return false;
    }
    if (gdb.started) {
        error_setg(errp, "the gdb stub is already running");
        return false;
    }
    full = gdb_chardev_spec(spec);
    chr = qemu_chr_new("gdb", full, errp);
    g_free(full);
    if (!chr) {
        if (errp && !*errp) {
            error_setg(errp, "'%s' is not a chardev the gdb stub can use",
                       spec);
        }
        return false;
    }
    if (!qemu_chr_fe_init(&gdb.chr, chr, errp)) {
        return false;
    }
    gdb.ops = ops;
    gdb.started = true;
    if (!gdb.bps) {
        gdb.bps = g_array_new(FALSE, FALSE, sizeof(GdbBreakpoint));
        qemu_add_vm_change_state_handler(gdb_vm_state_change, NULL);
    }
    gdb.c_cpu = gdb.g_cpu = first_cpu;
    qemu_chr_fe_set_handlers(&gdb.chr, gdb_can_receive, gdb_receive,
                             gdb_chr_event, NULL, NULL, NULL, true);
    return true;
}

/* HMP "gdbserver [DEV|none]": start the stub (tcp::1234 by default), or stop it. */
static void hmp_gdbserver(Monitor *mon, const char *args)
{
    GError *err = NULL;
    const char *spec = args && *args ? args : "tcp::1234";

    if (!strcmp(spec, "none")) {
        if (gdb.started) {
            gdbserver_stop();
            monitor_printf(mon, "Disabled gdbserver\n");
        } else {
            monitor_printf(mon, "gdbserver is not running\n");
        }
        return;
    }
    if (gdb.started) {
        gdbserver_stop();
    }
    if (!gdbserver_start(spec, &err)) {
        monitor_printf(mon, "Could not open gdbserver on device '%s': %s\n",
                       spec, err->message);
        g_error_free(err);
        return;
    }
    monitor_printf(mon, "Waiting for gdb connection on device '%s'\n", spec);
}

static void gdbstub_register(void)
{
    gdbstub_register_start(gdbserver_start);
    hmp_register_command("gdbserver", "[device]",
                         "start the gdb stub on device (default tcp::1234), "
                         "or stop it with 'none'", hmp_gdbserver);
}
type_init(gdbstub_register)
