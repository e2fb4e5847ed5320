/*
 * monitor.c - the human monitor (HMP): line editing, command table, the
 * built-in commands (info, x/xp, p, stop/cont, reset, quit, help), and the
 * output path shared with QMP.
 *
 * Other parts add commands with hmp_register_info()/hmp_register_command()
 * from their own files; this file only holds the ones that belong to no
 * device or subsystem.
 *
 * Memory dumps (x, xp) read each unit with one access of exactly the unit's
 * width (address_space_ld*), so that a device register sees what the user
 * asked for: "xp /2h" is two 16-bit reads, never one 32-bit read or a memcpy.
 */
#include "util/osdep.h"
#include "monitor-internal.h"
#include "monitor/monitor.h"
#include "chardev/char-fe.h"
#include "sysemu/runstate.h"
#include "sysemu/main-loop.h"
#include "sysemu/sysemu.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"
#include "hw/core/cpu.h"
#include "hw/irq.h"
#include "qom/object.h"
#include "exec/exec-all.h"
#include "util/error.h"
#include "util/keyval.h"
#include "util/module.h"

/* first_cpu and cpu_dump_state come from the exec helper's cpu.c. */
#define HAVE_CPU_DUMP 1

GList *monitor_list;
static Monitor *cur_mon;

typedef struct {
    char *name;
    char *args_help;
    char *help;
    HmpCommandFunc *fn;
} HmpCmd;

static GHashTable *hmp_cmds;    /* name -> HmpCmd */
static GHashTable *hmp_infos;   /* name -> HmpCmd */

/* /fmt defaults persist between commands, as in QEMU. */
static char last_fmt = 'x';
static int last_size = 4;

Monitor *monitor_cur(void)
{
    return cur_mon;
}

void monitor_set_cur(Monitor *mon)
{
    cur_mon = mon;
}

void monitor_write_raw(Monitor *mon, const char *buf, size_t len)
{
    if (!mon) {
        return;
    }
    if (mon->capture) {
        g_string_append_len(mon->capture, buf, len);
        return;
    }
    if (!mon->is_qmp && mon->mux_out) {
        g_string_append_len(mon->held, buf, len);
        return;
    }
    qemu_chr_fe_write_all(&mon->chr, (const uint8_t *)buf, len);
}

int monitor_puts(Monitor *mon, const char *str)
{
    size_t len = strlen(str);

    if (!mon) {
        return 0;
    }
    if (mon->capture || mon->is_qmp) {
        monitor_write_raw(mon, str, len);
        return len;
    }
    /* A terminal wants CR LF. */
    for (const char *p = str; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);

        monitor_write_raw(mon, p, n);
        if (!nl) {
            break;
        }
        monitor_write_raw(mon, "\r\n", 2);
        p = nl + 1;
    }
    return len;
}

int monitor_vprintf(Monitor *mon, const char *fmt, va_list ap)
{
    char *s = g_strdup_vprintf(fmt, ap);
    int n = monitor_puts(mon, s);

    g_free(s);
    return n;
}

int monitor_printf(Monitor *mon, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = monitor_vprintf(mon, fmt, ap);
    va_end(ap);
    return n;
}

static HmpCmd *hmp_cmd_new(const char *name, const char *args_help,
                           const char *help, HmpCommandFunc *fn)
{
    HmpCmd *c = g_new0(HmpCmd, 1);

    c->name = g_strdup(name);
    c->args_help = g_strdup(args_help ? args_help : "");
    c->help = g_strdup(help ? help : "");
    c->fn = fn;
    return c;
}

void hmp_register_info(const char *name, const char *help, HmpCommandFunc *fn)
{
    if (!hmp_infos) {
        hmp_infos = g_hash_table_new(g_str_hash, g_str_equal);
    }
    g_hash_table_replace(hmp_infos, (gpointer)g_intern_string(name),
                         hmp_cmd_new(name, "", help, fn));
}

void hmp_register_command(const char *name, const char *args_help,
                          const char *help, HmpCommandFunc *fn)
{
    if (!hmp_cmds) {
        hmp_cmds = g_hash_table_new(g_str_hash, g_str_equal);
    }
    g_hash_table_replace(hmp_cmds, (gpointer)g_intern_string(name),
                         hmp_cmd_new(name, args_help, help, fn));
}

static gint cmd_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(((const HmpCmd *)a)->name, ((const HmpCmd *)b)->name);
}

static GList *sorted_cmds(GHashTable *t)
{
    return t ? g_list_sort(g_hash_table_get_values(t), cmd_cmp) : NULL;
}

/* Split "cmd rest" into the command word and the trimmed rest. */
static char *split_word(const char *line, const char **rest)
{
    const char *p = line, *start;

    while (*p == ' ' || *p == '\t') {
        p++;
    }
    start = p;
    while (*p && *p != ' ' && *p != '\t' && *p != '/') {
        p++;
    }
    char *word = g_strndup(start, p - start);
    while (*p == ' ' || *p == '\t') {
        p++;
    }
    *rest = p;
    return word;
}

static void hmp_execute(Monitor *mon, const char *line)
{
    const char *rest;
    char *word = split_word(line, &rest);
    HmpCmd *c;
    Monitor *saved = cur_mon;

    if (!*word) {
        g_free(word);
        return;
    }
    c = hmp_cmds ? g_hash_table_lookup(hmp_cmds, word) : NULL;
    cur_mon = mon;
    if (!c) {
        monitor_printf(mon, "unknown command: '%s'\n", word);
    } else {
        char *args = g_strchomp(g_strdup(rest));
        c->fn(mon, args);
        g_free(args);
    }
    cur_mon = saved;
    g_free(word);
}

char *hmp_run_command(const char *cmdline)
{
    Monitor mon = { .is_qmp = false };

    mon.capture = g_string_new(NULL);
    hmp_execute(&mon, cmdline);
    return g_string_free(mon.capture, FALSE);
}

/* ---- readline-ish line editing for an interactive HMP ---- */

static void hmp_prompt(Monitor *mon)
{
    monitor_write_raw(mon, "(qemu) ", 7);
}

static void hmp_input_byte(Monitor *mon, uint8_t c)
{
    if (mon->esc_state == 1) {
        mon->esc_state = (c == '[' || c == 'O') ? 2 : 0;
        return;
    }
    if (mon->esc_state == 2) {
        if (c >= 0x40 && c <= 0x7e) {
            mon->esc_state = 0;     /* arrow keys etc.: ignored */
        }
        return;
    }
    if (c == '\n' && mon->last_was_cr) {
        mon->last_was_cr = false;
        return;
    }
    mon->last_was_cr = (c == '\r');
    switch (c) {
    case 27:
        mon->esc_state = 1;
        break;
    case '\r':
    case '\n': {
        char *line = g_strdup(mon->line->str);

        monitor_write_raw(mon, "\r\n", 2);
        g_string_truncate(mon->line, 0);
        hmp_execute(mon, line);
        g_free(line);
        hmp_prompt(mon);
        break;
    }
    case 8:
    case 127:
        if (mon->line->len) {
            g_string_truncate(mon->line, mon->line->len - 1);
            monitor_write_raw(mon, "\b \b", 3);
        }
        break;
    case 21:    /* Ctrl-U: kill line */
        while (mon->line->len) {
            g_string_truncate(mon->line, mon->line->len - 1);
            monitor_write_raw(mon, "\b \b", 3);
        }
        break;
    default:
        if (c >= 32 && c < 127 && mon->line->len < 4096) {
            char ch = c;

            g_string_append_c(mon->line, ch);
            monitor_write_raw(mon, &ch, 1);
        }
        break;
    }
}

static int hmp_can_read(void *opaque)
{
    return 256;
}

static void hmp_read(void *opaque, const uint8_t *buf, int size)
{
    Monitor *mon = opaque;

    for (int i = 0; i < size; i++) {
        hmp_input_byte(mon, buf[i]);
    }
}

static void hmp_event(void *opaque, QEMUChrEvent ev)
{
    Monitor *mon = opaque;

    switch (ev) {
    case CHR_EVENT_OPENED:
        monitor_printf(mon, "QEMU %s monitor - type 'help' for more "
                       "information\n", QEMU_COMPAT_VERSION);
        g_string_truncate(mon->line, 0);
        hmp_prompt(mon);
        break;
    case CHR_EVENT_MUX_IN:
        mon->mux_out = false;
        if (mon->held->len) {
            monitor_write_raw(mon, mon->held->str, mon->held->len);
            g_string_truncate(mon->held, 0);
        }
        break;
    case CHR_EVENT_MUX_OUT:
        mon->mux_out = true;
        break;
    default:
        break;
    }
}

static Monitor *monitor_new(Chardev *chr, bool qmp, GError **errp)
{
    Monitor *mon = g_new0(Monitor, 1);

    mon->is_qmp = qmp;
    mon->line = g_string_new(NULL);
    mon->held = g_string_new(NULL);
    mon->jbuf = g_string_new(NULL);
    if (!qemu_chr_fe_init(&mon->chr, chr, errp)) {
        g_string_free(mon->line, TRUE);
        g_string_free(mon->held, TRUE);
        g_string_free(mon->jbuf, TRUE);
        g_free(mon);
        return NULL;
    }
    monitor_list = g_list_append(monitor_list, mon);
    return mon;
}

bool monitor_init_hmp(Chardev *chr, GError **errp)
{
    Monitor *mon = monitor_new(chr, false, errp);

    if (!mon) {
        return false;
    }
    qemu_chr_fe_set_handlers(&mon->chr, hmp_can_read, hmp_read, hmp_event,
                             NULL, mon, NULL, true);
    return true;
}

static int qmp_can_read(void *opaque)
{
    return 4096;
}

static void qmp_read(void *opaque, const uint8_t *buf, int size)
{
    qmp_monitor_input(opaque, buf, size);
}

static void qmp_event_cb(void *opaque, QEMUChrEvent ev)
{
    Monitor *mon = opaque;

    if (ev == CHR_EVENT_OPENED) {
        qmp_monitor_opened(mon);
    } else if (ev == CHR_EVENT_CLOSED) {
        /* A new client starts a new session. */
        mon->negotiated = false;
        g_string_truncate(mon->jbuf, 0);
        mon->jdepth = 0;
        mon->jquote = 0;
        mon->jescape = false;
        mon->jgarbage = false;
    }
}

bool monitor_init_qmp(Chardev *chr, bool pretty, GError **errp)
{
    Monitor *mon = monitor_new(chr, true, errp);

    if (!mon) {
        return false;
    }
    mon->pretty = pretty;
    qemu_chr_fe_set_handlers(&mon->chr, qmp_can_read, qmp_read, qmp_event_cb,
                             NULL, mon, NULL, true);
    return true;
}

bool monitor_init_opts(const KeyValList *opts, GError **errp)
{
    const char *id = keyval_get(opts, "chardev");
    const char *mode = keyval_get(opts, "mode");
    bool pretty = false;
    Chardev *chr;

    if (!id) {
        error_setg(errp, "-mon: 'chardev' is required");
        return false;
    }
    chr = qemu_chr_find(id);
    if (!chr) {
        error_setg(errp, "-mon: chardev \"%s\" not found", id);
        return false;
    }
    if (!keyval_get_bool(opts, "pretty", false, &pretty, errp)) {
        return false;
    }
    if (!mode || !strcmp(mode, "readline")) {
        if (pretty) {
            error_setg(errp, "-mon: 'pretty' is only valid for mode=control");
            return false;
        }
        return monitor_init_hmp(chr, errp);
    }
    if (!strcmp(mode, "control")) {
        return monitor_init_qmp(chr, pretty, errp);
    }
    error_setg(errp, "-mon: mode '%s' is invalid (control, readline)", mode);
    return false;
}

/* ---- built-in commands ---- */

static void hmp_help(Monitor *mon, const char *args)
{
    GList *l = sorted_cmds(hmp_cmds);

    for (GList *i = l; i; i = i->next) {
        HmpCmd *c = i->data;

        if (*args && strcmp(args, c->name)) {
            continue;
        }
        monitor_printf(mon, "%s%s%s -- %s\n", c->name, *c->args_help ? " " : "",
                       c->args_help, c->help);
    }
    g_list_free(l);
    if (!strcmp(args, "info")) {
        l = sorted_cmds(hmp_infos);
        for (GList *i = l; i; i = i->next) {
            HmpCmd *c = i->data;
            monitor_printf(mon, "info %s -- %s\n", c->name, c->help);
        }
        g_list_free(l);
    }
}

static void hmp_info(Monitor *mon, const char *args)
{
    const char *rest;
    char *word = split_word(args, &rest);
    HmpCmd *c = hmp_infos ? g_hash_table_lookup(hmp_infos, word) : NULL;

    if (!*word) {
        GList *l = sorted_cmds(hmp_infos);

        for (GList *i = l; i; i = i->next) {
            HmpCmd *ic = i->data;
            monitor_printf(mon, "info %s -- %s\n", ic->name, ic->help);
        }
        g_list_free(l);
    } else if (!c) {
        monitor_printf(mon, "unknown info command: '%s'\n", word);
    } else {
        c->fn(mon, rest);
    }
    g_free(word);
}

static void hmp_info_status(Monitor *mon, const char *args)
{
    RunState st = runstate_get();
    bool running = runstate_is_running();

    monitor_printf(mon, "VM status: %s", running ? "running" : "paused");
    if (!running && st != RUN_STATE_PAUSED) {
        monitor_printf(mon, " (%s)", RunState_str(st));
    }
    monitor_printf(mon, "\n");
}

static void hmp_info_version(Monitor *mon, const char *args)
{
    monitor_printf(mon, "%s (plumb %s)\n", QEMU_COMPAT_VERSION, PLUMB_VERSION);
}

static void hmp_info_mtree(Monitor *mon, const char *args)
{
    GString *out = g_string_new(NULL);
    bool flat = strstr(args, "-f") != NULL;

    mtree_info(out, flat);
    monitor_puts(mon, out->str);
    g_string_free(out, TRUE);
}

static void chardev_print(Chardev *chr, void *opaque)
{
    monitor_printf(opaque, "%s: filename=%s\n", chr->label,
                   chr->filename ? chr->filename : "");
}

/* QEMU's format: a header per controller, then "N: count" for each non-zero. */
static void hmp_info_irq_one(IRQStats *st, void *opaque)
{
    Monitor *mon = opaque;

    monitor_printf(mon, "IRQ statistics for %s:\n",
                   object_get_typename(st->owner));
    for (unsigned i = 0; i < st->n; i++) {
        if (st->counts[i]) {
            monitor_printf(mon, "%2u: %" PRIu64 "\n", i, st->counts[i]);
        }
    }
}

static void hmp_info_irq(Monitor *mon, const char *args)
{
    irq_stats_foreach(hmp_info_irq_one, mon);
}

static void hmp_info_chardev(Monitor *mon, const char *args)
{
    qemu_chr_foreach(chardev_print, mon);
}

#if HAVE_CPU_DUMP
static void dump_cpu_registers(CPUState *cpu, FILE *f)
{
    cpu_dump_state(cpu, f, 0);
}

/*
 * Print what @dump writes about the first CPU (QEMU's "current" CPU; -a for
 * all is not done). A running vCPU changes its state under us, so it is
 * parked for the dump.
 */
static void hmp_dump_cpu(Monitor *mon, void (*dump)(CPUState *, FILE *))
{
    CPUState *cpu = first_cpu;
    char *buf = NULL;
    size_t len = 0;
    FILE *f;

    if (!cpu) {
        monitor_printf(mon, "No CPU available\n");
        return;
    }
    f = open_memstream(&buf, &len);
    if (!f) {
        monitor_printf(mon, "out of memory\n");
        return;
    }
    if (runstate_is_running()) {
        pause_all_vcpus();
        dump(cpu, f);
        resume_all_vcpus();
    } else {
        dump(cpu, f);
    }
    fclose(f);
    monitor_puts(mon, buf);
    free(buf);
}
#endif

static void hmp_info_registers(Monitor *mon, const char *args)
{
#if HAVE_CPU_DUMP
    hmp_dump_cpu(mon, dump_cpu_registers);
#else
    monitor_printf(mon, "No CPU available\n");
#endif
}

static void hmp_info_tlb(Monitor *mon, const char *args)
{
#if HAVE_CPU_DUMP
    hmp_dump_cpu(mon, tlb_dump);
#else
    monitor_printf(mon, "No CPU available\n");
#endif
}

static void hmp_info_jit(Monitor *mon, const char *args)
{
#if HAVE_CPU_DUMP
    GString *out = g_string_new(NULL);

    dump_exec_info(out);
    monitor_puts(mon, out->str);
    g_string_free(out, TRUE);
#else
    monitor_printf(mon, "No translator in this build\n");
#endif
}

static void hmp_info_cpus(Monitor *mon, const char *args)
{
#if HAVE_CPU_DUMP
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        monitor_printf(mon, "%c CPU #%d:%s\n", cpu == first_cpu ? '*' : ' ',
                       cpu->cpu_index, cpu->halted ? " (halted)" : "");
    }
#endif
}

static void hmp_stop(Monitor *mon, const char *args)
{
    vm_stop(RUN_STATE_PAUSED);
}

static void hmp_cont(Monitor *mon, const char *args)
{
    if (runstate_check(RUN_STATE_SHUTDOWN) ||
        runstate_check(RUN_STATE_INTERNAL_ERROR)) {
        monitor_printf(mon, "Resetting the Virtual Machine is required\n");
        return;
    }
    vm_start();
}

static void hmp_system_reset(Monitor *mon, const char *args)
{
    qemu_system_reset_request(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
}

static void hmp_system_powerdown(Monitor *mon, const char *args)
{
    qemu_system_powerdown_request();
}

static void hmp_quit(Monitor *mon, const char *args)
{
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
}

/* Units one x/xp/memsave-style dump may print (QEMU has no cap). */
#define HMP_MAX_DUMP_COUNT (64 * 1024)

/*
 * Parse "/[count][fmt][size]" (any order of fmt/size letters after the
 * count). Updates the persistent defaults. Returns false on bad syntax.
 */
static bool parse_fmt(const char **pp, long *count, char *fmt, int *size)
{
    const char *p = *pp;
    bool size_given = false;

    *count = 1;
    *fmt = last_fmt;
    *size = last_size;
    if (*p != '/') {
        return true;
    }
    p++;
    if (g_ascii_isdigit(*p)) {
        errno = 0;
        *count = strtol(p, (char **)&p, 10);
        /*
         * A dump is printed while the monitor waits; a billion units would
         * hold it (and SIGTERM) for minutes and gigabytes of output.
         */
        if (errno || *count > HMP_MAX_DUMP_COUNT) {
            return false;
        }
    }
    while (*p && *p != ' ' && *p != '\t') {
        switch (*p) {
        case 'x': case 'd': case 'u': case 'o': case 'c': case 'i': case 'a':
            *fmt = *p;
            break;
        case 'b': *size = 1; size_given = true; break;
        case 'h': *size = 2; size_given = true; break;
        case 'w': *size = 4; size_given = true; break;
        case 'g': *size = 8; size_given = true; break;
        default:
            return false;
        }
        p++;
    }
    if (*fmt == 'c' && !size_given) {
        *size = 1;
    }
    if (*fmt == 'a' && !size_given) {
        *size = 8;
    }
    last_fmt = *fmt;
    last_size = *size;
    while (*p == ' ' || *p == '\t') {
        p++;
    }
    *pp = p;
    return true;
}

/*
 * A small expression evaluator for x/xp/p: numbers (0x.., 0.., decimal),
 * + - * / % & | ^ << >> ~ and parentheses.
 */
typedef struct {
    const char *p;
    bool err;
} ExprState;

static int64_t expr_sum(ExprState *e);

static void expr_skip(ExprState *e)
{
    while (*e->p == ' ' || *e->p == '\t') {
        e->p++;
    }
}

static int64_t expr_unary(ExprState *e)
{
    expr_skip(e);
    if (*e->p == '-') {
        e->p++;
        /* Wraps like the guest's registers do; -INT64_MIN is INT64_MIN. */
        return (int64_t)(0 - (uint64_t)expr_unary(e));
    }
    if (*e->p == '+') {
        e->p++;
        return expr_unary(e);
    }
    if (*e->p == '~') {
        e->p++;
        return ~expr_unary(e);
    }
    if (*e->p == '(') {
        int64_t v;

        e->p++;
        v = expr_sum(e);
        expr_skip(e);
        if (*e->p != ')') {
            e->err = true;
            return 0;
        }
        e->p++;
        return v;
    }
    if (g_ascii_isdigit(*e->p)) {
        char *end;
        uint64_t v = g_ascii_strtoull(e->p, &end, 0);

        e->p = end;
        return (int64_t)v;
    }
    e->err = true;
    return 0;
}

static int64_t expr_prod(ExprState *e)
{
    int64_t v = expr_unary(e);

    for (;;) {
        char op;
        int64_t r;

        expr_skip(e);
        op = *e->p;
        if (op != '*' && op != '/' && op != '%' && op != '&') {
            return v;
        }
        e->p++;
        r = expr_unary(e);
        if ((op == '/' || op == '%') && r == 0) {
            e->err = true;
            return 0;
        }
        if ((op == '/' || op == '%') && r == -1) {
            /* INT64_MIN / -1 traps on x86; the answer wraps instead. */
            v = op == '/' ? (int64_t)(0 - (uint64_t)v) : 0;
            continue;
        }
        v = op == '*' ? (int64_t)((uint64_t)v * (uint64_t)r) :
            op == '/' ? v / r : op == '%' ? v % r : v & r;
    }
}

static int64_t expr_sum(ExprState *e)
{
    int64_t v = expr_prod(e);

    for (;;) {
        expr_skip(e);
        if (*e->p == '+' || *e->p == '-' || *e->p == '|' || *e->p == '^') {
            char op = *e->p++;
            int64_t r = expr_prod(e);

            v = op == '+' ? (int64_t)((uint64_t)v + (uint64_t)r) :
                op == '-' ? (int64_t)((uint64_t)v - (uint64_t)r) :
                op == '|' ? v | r : v ^ r;
        } else if ((e->p[0] == '<' && e->p[1] == '<') ||
                   (e->p[0] == '>' && e->p[1] == '>')) {
            bool left = e->p[0] == '<';
            int64_t r;

            e->p += 2;
            r = expr_prod(e);
            v = left ? (int64_t)((uint64_t)v << (r & 63))
                     : (int64_t)((uint64_t)v >> (r & 63));
        } else {
            return v;
        }
    }
}

static bool parse_expr(Monitor *mon, const char *s, int64_t *out)
{
    ExprState e = { .p = s };

    *out = expr_sum(&e);
    expr_skip(&e);
    if (e.err || *e.p || !*s) {
        monitor_printf(mon, "invalid expression '%s'\n", s);
        return false;
    }
    return true;
}

static void print_char(Monitor *mon, int c)
{
    switch (c) {
    case '\'': monitor_printf(mon, "'\\''"); break;
    case '\\': monitor_printf(mon, "'\\\\'"); break;
    case '\n': monitor_printf(mon, "'\\n'"); break;
    case '\r': monitor_printf(mon, "'\\r'"); break;
    default:
        if (c >= 32 && c <= 126) {
            monitor_printf(mon, "'%c'", c);
        } else {
            monitor_printf(mon, "'\\x%02x'", c);
        }
    }
}

static void print_value(Monitor *mon, char fmt, int size, uint64_t v,
                        int digits)
{
    int bits = size * 8;
    int64_t sv = bits < 64 ? (int64_t)(v << (64 - bits)) >> (64 - bits)
                           : (int64_t)v;

    switch (fmt) {
    case 'o':
        monitor_printf(mon, "%#*" PRIo64, digits, v);
        break;
    case 'u':
        monitor_printf(mon, "%*" PRIu64, digits, v);
        break;
    case 'd':
        monitor_printf(mon, "%*" PRId64, digits, sv);
        break;
    case 'c':
        print_char(mon, (int)(v & 0xff));
        break;
    case 'x':
    case 'a':
    default:
        monitor_printf(mon, "0x%0*" PRIx64, digits, v);
        break;
    }
}

/* One load of exactly @size bytes, in the guest's byte order. */
static uint64_t load_exact(hwaddr addr, int size, MemTxResult *res)
{
    AddressSpace *as = &address_space_memory;
    MemTxAttrs attrs = MEMTXATTRS_UNSPECIFIED;
    /* The target's byte order, as QEMU's x/xp and our qtest use. */
    bool be = !strcmp(target_name(), "ppc64");

    switch (size) {
    case 1:
        return address_space_ldub(as, addr, attrs, res);
    case 2:
        return be ? address_space_lduw_be(as, addr, attrs, res)
                  : address_space_lduw_le(as, addr, attrs, res);
    case 4:
        return be ? address_space_ldl_be(as, addr, attrs, res)
                  : address_space_ldl_le(as, addr, attrs, res);
    default:
        return be ? address_space_ldq_be(as, addr, attrs, res)
                  : address_space_ldq_le(as, addr, attrs, res);
    }
}

/*
 * Translate @addr through @cpu's MMU for a @size-byte unit. Returns -1 if
 * unmapped, or if the unit straddles two pages that are not physically
 * adjacent (then it cannot be one access).
 */
static hwaddr virt_to_phys(CPUState *cpu, vaddr addr, int size)
{
    MemTxAttrs attrs;
    hwaddr pa = cpu_get_phys_page_attrs_debug(cpu, addr, &attrs);
    hwaddr pa_end;

    if (pa == (hwaddr)-1 || size == 1) {
        return pa;
    }
    pa_end = cpu_get_phys_page_attrs_debug(cpu, addr + size - 1, &attrs);
    return pa_end == pa + size - 1 ? pa : (hwaddr)-1;
}

/* @cpu NULL: @addr is physical (xp); else virtual through @cpu (x). */
static void memory_dump(Monitor *mon, CPUState *cpu, long count, char fmt,
                        int size, uint64_t addr)
{
    int digits, per_line;
    long n;

    if (fmt == 'i') {
        monitor_printf(mon, "format 'i' (disassembly) is not supported yet\n");
        return;
    }
    switch (fmt) {
    case 'o': digits = DIV_ROUND_UP(size * 8, 3); break;
    case 'u':
    case 'd': digits = DIV_ROUND_UP(size * 8 * 10, 33); break;
    case 'c': digits = 0; break;
    default: digits = size * 2; break;
    }
    per_line = 16 / size;
    if (count < 0) {
        count = 1;
    }
    for (n = 0; n < count; n++) {
        MemTxResult res = MEMTX_OK;
        hwaddr pa = addr;
        uint64_t v;

        if (n % per_line == 0) {
            if (n) {
                monitor_printf(mon, "\n");
            }
            monitor_printf(mon, "%016" PRIx64 ":", addr);
        }
        if (cpu) {
            pa = virt_to_phys(cpu, addr, size);
            if (pa == (hwaddr)-1) {
                monitor_printf(mon, "\nCannot access memory at 0x%" PRIx64
                               "\n", addr);
                return;
            }
        }
        v = load_exact(pa, size, &res);
        if (res != MEMTX_OK) {
            monitor_printf(mon, "\nCannot access memory at 0x%" PRIx64 "\n",
                           addr);
            return;
        }
        monitor_printf(mon, " ");
        print_value(mon, fmt, size, v, digits);
        addr += size;
    }
    monitor_printf(mon, "\n");
}

static void hmp_xp(Monitor *mon, const char *args)
{
    const char *p = args;
    long count;
    char fmt;
    int size;
    int64_t addr;

    if (!parse_fmt(&p, &count, &fmt, &size)) {
        monitor_printf(mon, "invalid format in '%s'\n", args);
        return;
    }
    if (!parse_expr(mon, p, &addr)) {
        return;
    }
    memory_dump(mon, NULL, count, fmt, size, addr);
}

static void hmp_x(Monitor *mon, const char *args)
{
    const char *p = args;
    long count;
    char fmt;
    int size;
    int64_t addr;

    if (!first_cpu) {
        monitor_printf(mon, "No CPU available\n");
        return;
    }
    if (!parse_fmt(&p, &count, &fmt, &size)) {
        monitor_printf(mon, "invalid format in '%s'\n", args);
        return;
    }
    if (!parse_expr(mon, p, &addr)) {
        return;
    }
    /*
     * QEMU uses the monitor's current CPU; ours is the first one. The page
     * walk fills that CPU's TLB, so the vCPUs must not run meanwhile.
     */
    if (runstate_is_running()) {
        pause_all_vcpus();
        memory_dump(mon, first_cpu, count, fmt, size, addr);
        resume_all_vcpus();
    } else {
        memory_dump(mon, first_cpu, count, fmt, size, addr);
    }
}

static void hmp_print(Monitor *mon, const char *args)
{
    const char *p = args;
    long count;
    char fmt;
    int size;
    int64_t v;

    if (!parse_fmt(&p, &count, &fmt, &size)) {
        monitor_printf(mon, "invalid format in '%s'\n", args);
        return;
    }
    if (!parse_expr(mon, p, &v)) {
        return;
    }
    switch (fmt) {
    case 'o': monitor_printf(mon, "%#" PRIo64 "\n", (uint64_t)v); break;
    case 'd': monitor_printf(mon, "%" PRId64 "\n", v); break;
    case 'u': monitor_printf(mon, "%" PRIu64 "\n", (uint64_t)v); break;
    case 'c': print_char(mon, (int)(v & 0xff)); monitor_printf(mon, "\n"); break;
    default: monitor_printf(mon, "%#" PRIx64 "\n", (uint64_t)v); break;
    }
}

static void hmp_register_builtins(void)
{
    hmp_register_command("help", "[cmd]", "show the help", hmp_help);
    hmp_register_command("?", "[cmd]", "show the help", hmp_help);
    hmp_register_command("info", "[subcommand]", "show various information "
                         "about the system state", hmp_info);
    hmp_register_command("stop", "", "stop emulation", hmp_stop);
    hmp_register_command("cont", "", "resume emulation", hmp_cont);
    hmp_register_command("c", "", "resume emulation", hmp_cont);
    hmp_register_command("system_reset", "", "reset the system",
                         hmp_system_reset);
    hmp_register_command("system_powerdown", "", "send system power down event",
                         hmp_system_powerdown);
    hmp_register_command("quit", "", "quit the emulator", hmp_quit);
    hmp_register_command("q", "", "quit the emulator", hmp_quit);
    hmp_register_command("xp", "/fmt addr", "physical memory dump starting "
                         "at 'addr'", hmp_xp);
    hmp_register_command("x", "/fmt addr", "virtual memory dump starting "
                         "at 'addr'", hmp_x);
    hmp_register_command("p", "/fmt expr", "print expression value", hmp_print);
    hmp_register_command("print", "/fmt expr", "print expression value",
                         hmp_print);
    hmp_register_info("status", "show the current VM status (running|paused)",
                      hmp_info_status);
    hmp_register_info("version", "show the version of QEMU", hmp_info_version);
    hmp_register_info("mtree", "show memory tree (-f: flat views)",
                      hmp_info_mtree);
    hmp_register_info("chardev", "show the character devices", hmp_info_chardev);
    hmp_register_info("irq", "show the interrupts each controller delivered",
                      hmp_info_irq);
    hmp_register_info("registers", "show the cpu registers",
                      hmp_info_registers);
    hmp_register_info("cpus", "show infos for each CPU", hmp_info_cpus);
    hmp_register_info("tlb", "show virtual to physical memory mappings",
                      hmp_info_tlb);
    hmp_register_info("jit", "show dynamic compiler info", hmp_info_jit);
}
type_init(hmp_register_builtins)
