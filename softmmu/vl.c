/*
 * vl.c - the command line and machine start-up: qemu_main().
 *
 * The command line is QEMU's (so kvm-unit-tests, libvirt-style scripts and
 * people's fingers work unchanged). Start-up runs in three phases:
 *
 *   1. parse: every option is read into `cfg`; syntax errors stop here.
 *      Help requests (-M help, -device help, -cpu help ...) are answered
 *      after the whole line is read, then we exit 0.
 *   2. check: machine and its properties, -m, -smp, CPU model and flags,
 *      accelerator, chardevs, monitors, devices: everything that can be
 *      wrong in the options is found now, before any file is loaded. Then
 *      the kernel, initrd, dtb and firmware files are checked. (The
 *      kvm-unit-tests harness relies on this order: it runs each command
 *      line with a missing kernel and expects the kernel error only when
 *      everything else is fine.)
 *   3. build and run: accelerator init, RAM, MachineClass.init, -device,
 *      reset, vCPUs, then the main loop, whose result is the exit status.
 *
 * Not here: the main loop, signals, chardev back ends, monitors, qtest
 * (softmmu/main-loop.c, runstate.c, chardev/, monitor.c, qtest.c).
 */
#include "util/osdep.h"
#include <fcntl.h>
#include <json-glib/json-glib.h>
#include "sysemu/sysemu.h"
#include "sysemu/accel.h"
#include "sysemu/main-loop.h"
#include "migration/migration.h"
#include "sysemu/runstate.h"
#include "sysemu/qtest.h"
#include "chardev/char.h"
#include "monitor/monitor.h"
#include "hw/boards.h"
#include "hw/qdev.h"
#include "exec/memory.h"
#include "util/error.h"
#include "util/keyval.h"
#include "util/log.h"
#include "trace/trace.h"
#include "util/trace.h"
#include "sysemu/blockdev.h"
#include "hw/pci/pci.h"

/* ---------------------------------------------------------------------- */
/* Globals of sysemu.h */

const char *const target_names[] = { "aarch64", "ppc64", "x86_64", NULL };
static const char *cur_target = "aarch64";

Chardev *serial_hds[MAX_SERIAL_PORTS];
bool nographic;
bool no_defaults;
bool autostart = true;
const char *display_type;
const char *vm_name;
const char *incoming_uri;
const char *bios_dir;
const char *gdbstub_spec;
bool semihosting_enabled;
const char *semihosting_target = "auto";
const char *semihosting_chardev;
char **semihosting_argv;
const char *rtc_base;

static GdbstubStartFn gdbstub_start_fn;

void gdbstub_register_start(GdbstubStartFn fn)
{
    gdbstub_start_fn = fn;
}

const char *target_name(void)
{
    return cur_target;
}

bool target_set(const char *name, GError **errp)
{
    for (const char *const *t = target_names; *t; t++) {
        if (!strcmp(*t, name)) {
            cur_target = *t;
            return true;
        }
    }
    error_setg(errp, "unknown target '%s' (aarch64, ppc64, x86_64)", name);
    return false;
}

Chardev *serial_hd(int i)
{
    return i >= 0 && i < MAX_SERIAL_PORTS ? serial_hds[i] : NULL;
}

/* ---------------------------------------------------------------------- */
/* What the command line asked for */

typedef struct AccelRequest {
    char *name;
    KeyValList *props;
} AccelRequest;

static struct {
    KeyValList *machine;            /* merged -machine options */
    KeyValList *mprops;             /* the same without "type" */
    char *cpu;                      /* -cpu spec */
    char *mem;                      /* -m spec */
    char *smp;                      /* -smp spec */
    char *kernel, *initrd, *append, *dtb, *bios;
    GPtrArray *serials;             /* of char * */
    GPtrArray *monitors;            /* of char *: -monitor specs */
    GPtrArray *mons;                /* of KeyValList *: -mon */
    GPtrArray *qmps;                /* of char *, "P" prefix = pretty */
    GPtrArray *chardevs;            /* of KeyValList * */
    GPtrArray *devices;             /* of KeyValList * */
    GPtrArray *device_opts;         /* of char *: each -device as typed */
    GPtrArray *nics;                /* of KeyValList *: -nic, -net nic */
    GPtrArray *net_users;           /* of char *: netdev ids of -net user */
    bool any_net_option;            /* -net/-nic/-netdev: no default NIC */
    GPtrArray *accels;              /* of AccelRequest * */
    GPtrArray *netdevs;             /* of KeyValList * */
    bool enable_kvm;
    char *qtest, *qtest_log;
    char *pidfile;
    /* help requests, answered after parsing */
    bool help_machine, help_machine_list, help_cpu, help_device, help_chardev, help_accel;
    bool help_log, help_display;
    char *help_device_type;
    int log_mask;
} cfg;

static const char *progname(void)
{
    return error_progname;
}

static NORETURN PRINTF_FMT(1, 2) void die(const char *fmt, ...)
{
    va_list ap;
    char *msg;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    error_report("%s", msg);
    g_free(msg);
    exit(1);
}

static NORETURN void die_err(const char *prefix, GError *err)
{
    if (prefix) {
        error_report("%s: %s", prefix, err->message);
    } else {
        error_report("%s", err->message);
    }
    g_error_free(err);
    exit(1);
}

const KeyValList *netdev_find(const char *id)
{
    for (guint i = 0; cfg.netdevs && i < cfg.netdevs->len; i++) {
        const KeyValList *kv = g_ptr_array_index(cfg.netdevs, i);
        const char *nid = keyval_get(kv, "id");
        if (nid && !strcmp(nid, id)) {
            return kv;
        }
    }
    return NULL;
}

/* ---------------------------------------------------------------------- */
/* The option table: names, whether they take an argument, and -help text */

typedef enum {
    OPT_HELP, OPT_VERSION, OPT_TARGET,
    OPT_MACHINE, OPT_CPU, OPT_M, OPT_SMP, OPT_ACCEL, OPT_ENABLE_KVM,
    OPT_KERNEL, OPT_INITRD, OPT_APPEND, OPT_DTB, OPT_BIOS, OPT_L,
    OPT_NOGRAPHIC, OPT_DISPLAY, OPT_VGA, OPT_SERIAL, OPT_PARALLEL,
    OPT_MONITOR, OPT_MON, OPT_QMP, OPT_QMP_PRETTY, OPT_CHARDEV,
    OPT_DEVICE, OPT_DRIVE, OPT_BLOCKDEV, OPT_GLOBAL, OPT_NET, OPT_NETDEV,
    OPT_NIC,
    OPT_NODEFAULTS, OPT_NO_USER_CONFIG, OPT_NO_REBOOT, OPT_NO_SHUTDOWN,
    OPT_ACTION,
    OPT_D, OPT_DFILE, OPT_TRACE, OPT_S_GDB, OPT_S_STOP, OPT_GDB,
    OPT_QTEST, OPT_QTEST_LOG, OPT_SEMIHOSTING, OPT_SEMIHOSTING_CONFIG,
    OPT_INCOMING, OPT_NAME, OPT_RTC, OPT_ICOUNT, OPT_OVERCOMMIT,
    OPT_PIDFILE, OPT_BOOT, OPT_MSG, OPT_VNC, OPT_NO_ACPI, OPT_NO_HPET,
} OptIndex;

typedef struct OptDef {
    const char *name;
    bool has_arg;
    OptIndex index;
    const char *arg_help;       /* NULL: not listed in -help */
    const char *help;
} OptDef;

static const OptDef options[] = {
    { "h", false, OPT_HELP, "", "print this help and exit" },
    { "help", false, OPT_HELP, NULL, NULL },
    { "version", false, OPT_VERSION, "", "print the version and exit" },
    { "target", true, OPT_TARGET, "ARCH",
      "guest architecture for the plain 'plumb' binary: aarch64 (default), "
      "ppc64, x86_64" },
    { "machine", true, OPT_MACHINE, "TYPE[,prop=value...]",
      "select the board; 'help' lists boards, 'TYPE,help' its properties;\n"
      "repeated -machine options merge (accel=, kernel=, dumpdtb= too)" },
    { "M", true, OPT_MACHINE, "TYPE[,prop=value...]", "same as -machine" },
    { "cpu", true, OPT_CPU, "MODEL[,prop=value][,+flag][,-flag]",
      "select the CPU model ('help' lists the models)" },
    { "m", true, OPT_M, "[size=]SIZE[,slots=n,maxmem=size]",
      "guest RAM; a plain number is MiB, suffixes k/M/G/T are accepted" },
    { "smp", true, OPT_SMP,
      "[cpus=]N[,maxcpus=,sockets=,dies=,clusters=,cores=,threads=]",
      "number of CPUs and their topology" },
    { "accel", true, OPT_ACCEL, "NAME[,prop=value...]",
      "accelerator: tcg (default), qtest (default with -qtest), kvm;\n"
      "several -accel options are tried in order ('help' lists them)" },
    { "enable-kvm", false, OPT_ENABLE_KVM, "", "same as -accel kvm" },
    { "kernel", true, OPT_KERNEL, "FILE", "kernel (or bare-metal test) image" },
    { "initrd", true, OPT_INITRD, "FILE", "initial ram disk" },
    { "append", true, OPT_APPEND, "CMDLINE", "kernel command line" },
    { "dtb", true, OPT_DTB, "FILE", "device tree blob given to the kernel" },
    { "bios", true, OPT_BIOS, "FILE", "firmware image (searched in -L too)" },
    { "L", true, OPT_L, "DIR", "directory to look for firmware in" },
    { "nographic", false, OPT_NOGRAPHIC, "",
      "no display; serial port (muxed with the monitor) on stdio" },
    { "display", true, OPT_DISPLAY, "none", "display back end (only 'none')" },
    { "vga", true, OPT_VGA, "none", "graphics card (only 'none')" },
    { "serial", true, OPT_SERIAL, "DEV",
      "next serial port: stdio, mon:stdio, null, none, file:F, pty,\n"
      "unix:PATH[,server=on,wait=off], tcp:HOST:PORT[,...], chardev:ID" },
    { "parallel", true, OPT_PARALLEL, "none", "parallel port (only 'none')" },
    { "monitor", true, OPT_MONITOR, "DEV", "human monitor (HMP) on DEV" },
    { "mon", true, OPT_MON, "[chardev=]ID[,mode=readline|control][,pretty=on]",
      "monitor on an existing -chardev" },
    { "qmp", true, OPT_QMP, "DEV", "QMP monitor on DEV" },
    { "qmp-pretty", true, OPT_QMP_PRETTY, "DEV",
      "QMP monitor on DEV, pretty-printed" },
    { "chardev", true, OPT_CHARDEV, "BACKEND,id=ID[,...]",
      "character device ('help' lists the back ends)" },
    { "device", true, OPT_DEVICE, "DRIVER[,prop=value...]",
      "add a device ('help' lists them, 'DRIVER,help' its properties)" },
    { "drive", true, OPT_DRIVE,
      "[file=]FILE[,if=virtio|pflash|none][,format=raw][,id=ID][,readonly=on]",
      "a raw image: a virtio disk (if=virtio, virt's default), a flash\n"
      "bank (if=pflash), or for -device ...,drive=ID (if=none)" },
    { "blockdev", true, OPT_BLOCKDEV,
      "driver=raw,file.driver=file,file.filename=FILE,node-name=N",
      "a raw image node for -device ...,drive=N (also driver=file)" },
    { "global", true, OPT_GLOBAL, "DRIVER.PROP=VALUE",
      "default property value for every device of type DRIVER" },
    { "net", true, OPT_NET, "nic[,model=M][,macaddr=MAC]|user[,...]|none",
      "legacy network options (-net nic -net user)" },
    { "netdev", true, OPT_NETDEV, "user,id=ID[,hostfwd=RULE...][,...]",
      "network back end" },
    { "nic", true, OPT_NIC, "user[,model=virtio-net-pci][,mac=MAC][,...]|none",
      "a NIC and its user-mode back end in one option" },
    { "nodefaults", false, OPT_NODEFAULTS, "",
      "no default devices (no default serial port or monitor)" },
    { "no-user-config", false, OPT_NO_USER_CONFIG, NULL, NULL },
    { "no-reboot", false, OPT_NO_REBOOT, "", "exit instead of rebooting" },
    { "no-shutdown", false, OPT_NO_SHUTDOWN, "",
      "stop (do not exit) when the guest shuts down" },
    { "action", true, OPT_ACTION,
      "reboot=reset|shutdown,shutdown=poweroff|pause,panic=pause|shutdown|"
      "exit-failure|none,watchdog=...",
      "what a guest reboot, shutdown, panic or watchdog expiry does" },
    { "d", true, OPT_D, "ITEM,...", "log items ('-d help' lists them)" },
    { "D", true, OPT_DFILE, "FILE", "write the log to FILE instead of stderr" },
    { "trace", true, OPT_TRACE, "[enable=]PATTERN|events=FILE|file=FILE",
      "enable trace events matching PATTERN" },
    { "s", false, OPT_S_GDB, "", "same as -gdb tcp::1234" },
    { "S", false, OPT_S_STOP, "", "do not start the CPUs (use 'cont')" },
    { "gdb", true, OPT_GDB, "DEV", "gdb remote stub on DEV" },
    { "qtest", true, OPT_QTEST, "DEV", "qtest protocol server on DEV" },
    { "qtest-log", true, OPT_QTEST_LOG, "FILE", "log the qtest protocol" },
    { "semihosting", false, OPT_SEMIHOSTING, "", "enable semihosting" },
    { "semihosting-config", true, OPT_SEMIHOSTING_CONFIG,
      "[enable=on][,target=native|gdb|auto][,chardev=ID][,arg=STR...]",
      "semihosting settings" },
    { "incoming", true, OPT_INCOMING, "URI", "wait for an incoming migration" },
    { "name", true, OPT_NAME, "[guest=]NAME", "the guest's name" },
    { "rtc", true, OPT_RTC, "[base=utc|localtime|DATE][,clock=..][,driftfix=..]",
      "real-time clock settings" },
    { "icount", true, OPT_ICOUNT, "[shift=N|auto][,...]",
      "instruction counting (not modelled: a warning; rr= is refused)" },
    { "overcommit", true, OPT_OVERCOMMIT, "[mem-lock=on|off][,cpu-pm=on|off]",
      "accepted and ignored" },
    { "pidfile", true, OPT_PIDFILE, "FILE", "write the process id to FILE" },
    { "boot", true, OPT_BOOT, NULL, NULL },
    { "msg", true, OPT_MSG, NULL, NULL },
    { "vnc", true, OPT_VNC, NULL, NULL },
    { "no-acpi", false, OPT_NO_ACPI, NULL, NULL },
    { "no-hpet", false, OPT_NO_HPET, NULL, NULL },
};

static const char *version_line(void)
{
    return "QEMU emulator version " QEMU_COMPAT_VERSION
           " (plumb " PLUMB_VERSION ")";
}

static void print_version(void)
{
    printf("%s\n", version_line());
    printf("plumb is a system emulator that speaks QEMU's command line; "
           "see docs/user.md.\n");
}

static void print_help(void)
{
    printf("%s\n", version_line());
    printf("usage: %s [options]\n", progname());
    printf("The guest architecture comes from the program name "
           "(plumb-system-aarch64, -ppc64, -x86_64);\n"
           "plain 'plumb' emulates aarch64 unless -target is given. "
           "This binary: %s.\n\n", target_name());
    for (size_t i = 0; i < ARRAY_SIZE(options); i++) {
        const OptDef *o = &options[i];
        char *left;
        gchar **lines;

        if (!o->arg_help) {
            continue;
        }
        left = g_strdup_printf("-%s%s%s", o->name, *o->arg_help ? " " : "",
                               o->arg_help);
        lines = g_strsplit(o->help, "\n", -1);
        if (strlen(left) > 30) {
            printf("%s\n%-31s %s\n", left, "", lines[0]);
        } else {
            printf("%-31s %s\n", left, lines[0]);
        }
        for (gchar **l = lines + 1; *l; l++) {
            printf("%-31s %s\n", "", *l);
        }
        g_strfreev(lines);
        g_free(left);
    }
    printf("\nOptions are also accepted with two dashes (--machine). "
           "Exit status: 0 on a normal\nexit, 1 on an option error, "
           "(code << 1) | 1 when a guest test device asks to exit.\n");
}

static const OptDef *find_option(const char *name)
{
    for (size_t i = 0; i < ARRAY_SIZE(options); i++) {
        if (!strcmp(options[i].name, name)) {
            return &options[i];
        }
    }
    return NULL;
}

/* ---------------------------------------------------------------------- */
/* Phase 1: parse */

static KeyValList *parse_kv(const char *opt, const char *arg,
                            const char *implied)
{
    GError *err = NULL;
    KeyValList *kv = keyval_parse(arg, implied, &err);

    if (!kv) {
        die("-%s: %s", opt, err->message);
    }
    return kv;
}

/*
 * QEMU 7.2 also takes -device and -blockdev as JSON objects (libvirt
 * writes them that way): {"driver":"pci-testdev","id":"t0","addr":"0x4"}.
 * Nested objects become dotted keys ({"file":{"driver":"file"}} ->
 * file.driver), as QEMU's keyval flattens them.
 */
static void json_flatten(const char *opt, const char *prefix,
                         JsonObject *obj, KeyValList *kv)
{
    GList *members = json_object_get_members(obj);

    for (GList *l = members; l; l = l->next) {
        const char *key = l->data;
        JsonNode *v = json_object_get_member(obj, key);
        char *full = prefix ? g_strdup_printf("%s.%s", prefix, key)
                            : g_strdup(key);
        char *str = NULL;

        if (JSON_NODE_HOLDS_OBJECT(v)) {
            json_flatten(opt, full, json_node_get_object(v), kv);
            g_free(full);
            continue;
        }
        if (!JSON_NODE_HOLDS_VALUE(v)) {
            die("-%s: JSON member '%s' must be a string, number, boolean or "
                "object", opt, full);
        }
        if (json_node_get_value_type(v) == G_TYPE_BOOLEAN) {
            str = g_strdup(json_node_get_boolean(v) ? "on" : "off");
        } else if (json_node_get_value_type(v) == G_TYPE_INT64) {
            str = g_strdup_printf("%" G_GINT64_FORMAT, json_node_get_int(v));
        } else if (json_node_get_value_type(v) == G_TYPE_DOUBLE) {
            str = g_strdup_printf("%.17g", json_node_get_double(v));
        } else {
            str = g_strdup(json_node_get_string(v));
        }
        keyval_set(kv, full, str ? str : "");
        g_free(str);
        g_free(full);
    }
    g_list_free(members);
}

static KeyValList *parse_json_kv(const char *opt, const char *arg)
{
    GError *err = NULL;
    JsonNode *root = json_from_string(arg, &err);
    KeyValList *kv;

    if (!root) {
        die("-%s %s: invalid JSON: %s", opt, arg, err->message);
    }
    if (!JSON_NODE_HOLDS_OBJECT(root)) {
        die("-%s %s: expected a JSON object", opt, arg);
    }
    kv = keyval_new();
    json_flatten(opt, NULL, json_node_get_object(root), kv);
    json_node_unref(root);
    return kv;
}

static void check_known(const char *opt, const KeyValList *kv,
                        const char *const *known)
{
    GError *err = NULL;
    char *what = g_strdup_printf("-%s", opt);

    if (!keyval_check_known(kv, known, what, &err)) {
        die_err(NULL, err);
    }
    g_free(what);
}

static void add_accel(const char *name, KeyValList *props)
{
    AccelRequest *r = g_new0(AccelRequest, 1);

    r->name = g_strdup(name);
    r->props = props ? props : keyval_new();
    g_ptr_array_add(cfg.accels, r);
}

/*
 * -netdev user / -nic user / -net user options. hostfwd= and guestfwd=
 * may repeat (QEMU adds every rule), which keyval alone would collapse:
 * they are stored as hostfwd, hostfwd.1, ... (virtio-net reads them all).
 * @extra: keys that the option itself owns (-nic's model, mac).
 */
static KeyValList *parse_netdev_kv(const char *opt, const char *arg,
                                   const char *implied,
                                   const char *const *extra)
{
    static const char *const known[] = {
        "type", "id", "hostfwd", "guestfwd", "net", "host", "dhcpstart",
        "dns", "hostname", "restrict", "ipv4", "ipv6", "ipv6-net",
        "ipv6-prefix", "ipv6-prefixlen", "ipv6-host", "ipv6-dns",
        "domainname", "dnssearch", "tftp", "bootfile", "tftp-server-name",
        NULL
    };
    KeyValList *kv = parse_kv(opt, arg, implied);
    gchar **items;
    unsigned nfwd = 0;

    for (guint i = 0; i < keyval_count(kv); i++) {
        const char *k = keyval_key(kv, i);
        bool ok = false;

        for (const char *const *p = known; *p && !ok; p++) {
            ok = !strcmp(k, *p);
        }
        for (const char *const *p = extra; p && *p && !ok; p++) {
            ok = !strcmp(k, *p);
        }
        if (!ok) {
            die("-%s %s: Invalid parameter '%s'", opt, arg, k);
        }
    }
    if (keyval_get(kv, "type") && strcmp(keyval_get(kv, "type"), "user")) {
        die("-%s %s: network back end '%s' is not supported (only 'user')",
            opt, arg, keyval_get(kv, "type"));
    }
    if (keyval_has(kv, "guestfwd")) {
        die("-%s %s: guestfwd= is not supported", opt, arg);
    }
    keyval_remove(kv, "hostfwd");
    items = g_strsplit(arg, ",", -1);
    for (gchar **it = items; *it; it++) {
        if (g_str_has_prefix(*it, "hostfwd=")) {
            char *key = nfwd ? g_strdup_printf("hostfwd.%u", nfwd)
                             : g_strdup("hostfwd");
            keyval_set(kv, key, *it + 8);
            g_free(key);
            nfwd++;
        }
    }
    g_strfreev(items);
    return kv;
}

static void parse_nic(const char *arg)
{
    static const char *const extra[] = { "model", "mac", NULL };
    KeyValList *kv;
    char *id;

    cfg.any_net_option = true;
    if (!strcmp(arg, "none")) {
        return;
    }
    kv = parse_netdev_kv("nic", arg, "type", extra);
    if (keyval_is_help(kv) || !g_strcmp0(keyval_get(kv, "model"), "help")) {
        printf("Supported NIC models:\nvirtio-net-pci\n");
        exit(0);
    }
    if (!keyval_get(kv, "type")) {
        keyval_set(kv, "type", "user");
    }
    id = keyval_get(kv, "id") ? g_strdup(keyval_get(kv, "id"))
         : g_strdup_printf("__org.qemu.nic%u", cfg.nics->len);
    keyval_set(kv, "id", id);
    g_free(id);
    g_ptr_array_add(cfg.netdevs, kv);
    g_ptr_array_add(cfg.nics, keyval_copy(kv));
}

/*
 * Legacy -net: "-net nic[,model=][,macaddr=]" and "-net user[,...]" on
 * QEMU's hub 0. Each NIC takes the user back end of the same position
 * (the usual single pair: -net nic -net user,hostfwd=...).
 */
static void parse_net(const char *arg)
{
    static const char *const nic_known[] = { "type", "model", "macaddr",
                                             "name", "id", "netdev", "vlan",
                                             NULL };
    KeyValList *kv;

    cfg.any_net_option = true;
    if (!strcmp(arg, "none")) {
        return;
    }
    if (g_str_has_prefix(arg, "nic") && (arg[3] == ',' || !arg[3])) {
        kv = parse_kv("net", arg, "type");
        check_known("net", kv, nic_known);
        if (!g_strcmp0(keyval_get(kv, "model"), "help")) {
            printf("Supported NIC models:\nvirtio-net-pci\n");
            exit(0);
        }
        if (keyval_get(kv, "macaddr")) {
            keyval_set(kv, "mac", keyval_get(kv, "macaddr"));
        }
        keyval_set(kv, "type", "nic");
        g_ptr_array_add(cfg.nics, kv);
        return;
    }
    if (g_str_has_prefix(arg, "user") && (arg[4] == ',' || !arg[4])) {
        static const char *const extra[] = { "vlan", "name", NULL };
        char *id;

        kv = parse_netdev_kv("net", arg, "type", extra);
        id = g_strdup_printf("hub0port%u", cfg.net_users->len);
        keyval_set(kv, "id", id);
        g_ptr_array_add(cfg.net_users, id);
        g_ptr_array_add(cfg.netdevs, kv);
        return;
    }
    die("-net %s: only -net nic, -net user and -net none are supported",
        arg);
}

static void parse_option(const OptDef *o, const char *arg)
{
    GError *err = NULL;
    KeyValList *kv;

    switch (o->index) {
    case OPT_HELP:
        print_help();
        exit(0);
    case OPT_VERSION:
        print_version();
        exit(0);
    case OPT_TARGET:
        /* Handled before parsing (it changes what other options mean). */
        break;
    case OPT_MACHINE:
        kv = parse_kv(o->name, arg, "type");
        if (keyval_is_help(kv)) {
            cfg.help_machine = true;
            /* "-machine help" lists boards even after "-machine virt";
             * "-machine virt,help" shows virt's properties. */
            cfg.help_machine_list |= !keyval_get(kv, "type");
        }
        keyval_merge(cfg.machine, kv);
        keyval_free(kv);
        break;
    case OPT_CPU:
        g_free(cfg.cpu);
        cfg.cpu = g_strdup(arg);
        kv = parse_kv(o->name, arg, "model");
        if (keyval_is_help(kv)) {
            cfg.help_cpu = true;
        }
        keyval_free(kv);
        break;
    case OPT_M:
        g_free(cfg.mem);
        cfg.mem = g_strdup(arg);
        break;
    case OPT_SMP:
        g_free(cfg.smp);
        cfg.smp = g_strdup(arg);
        break;
    case OPT_ACCEL:
        kv = parse_kv(o->name, arg, "accel");
        if (keyval_is_help(kv)) {
            cfg.help_accel = true;
            keyval_free(kv);
            break;
        }
        if (!keyval_get(kv, "accel")) {
            die("-accel %s: no accelerator named", arg);
        }
        {
            char *name = g_strdup(keyval_get(kv, "accel"));
            keyval_remove(kv, "accel");
            add_accel(name, kv);
            g_free(name);
        }
        break;
    case OPT_ENABLE_KVM:
        cfg.enable_kvm = true;
        break;
    case OPT_KERNEL:
        g_free(cfg.kernel);
        cfg.kernel = g_strdup(arg);
        break;
    case OPT_INITRD:
        g_free(cfg.initrd);
        cfg.initrd = g_strdup(arg);
        break;
    case OPT_APPEND:
        g_free(cfg.append);
        cfg.append = g_strdup(arg);
        break;
    case OPT_DTB:
        g_free(cfg.dtb);
        cfg.dtb = g_strdup(arg);
        break;
    case OPT_BIOS:
        g_free(cfg.bios);
        cfg.bios = g_strdup(arg);
        break;
    case OPT_L:
        bios_dir = arg;
        break;
    case OPT_NOGRAPHIC:
        nographic = true;
        display_type = "none";
        break;
    case OPT_DISPLAY:
        kv = parse_kv(o->name, arg, "type");
        if (keyval_is_help(kv)) {
            cfg.help_display = true;
        } else if (g_strcmp0(keyval_get(kv, "type"), "none")) {
            die("-display %s: plumb has no graphical display "
                "(only -display none)", arg);
        }
        display_type = "none";
        keyval_free(kv);
        break;
    case OPT_VGA:
        if (strcmp(arg, "none")) {
            die("-vga %s: plumb has no graphics cards (only -vga none)", arg);
        }
        break;
    case OPT_SERIAL:
        if (cfg.serials->len >= MAX_SERIAL_PORTS) {
            die("-serial %s: too many serial ports (at most %d)", arg,
                MAX_SERIAL_PORTS);
        }
        g_ptr_array_add(cfg.serials, g_strdup(arg));
        break;
    case OPT_PARALLEL:
        if (strcmp(arg, "none")) {
            die("-parallel %s: plumb has no parallel ports "
                "(only -parallel none)", arg);
        }
        break;
    case OPT_MONITOR:
        g_ptr_array_add(cfg.monitors, g_strdup(arg));
        break;
    case OPT_MON: {
        static const char *const known[] = { "chardev", "mode", "pretty",
                                             "id", NULL };
        kv = parse_kv(o->name, arg, "chardev");
        check_known(o->name, kv, known);
        if (!keyval_get(kv, "chardev")) {
            die("-mon %s: Parameter 'chardev' is missing", arg);
        }
        if (keyval_get(kv, "mode") && strcmp(keyval_get(kv, "mode"), "readline")
            && strcmp(keyval_get(kv, "mode"), "control")) {
            die("-mon %s: mode must be 'readline' or 'control'", arg);
        }
        g_ptr_array_add(cfg.mons, kv);
        break;
    }
    case OPT_QMP:
        g_ptr_array_add(cfg.qmps, g_strconcat("-", arg, NULL));
        break;
    case OPT_QMP_PRETTY:
        g_ptr_array_add(cfg.qmps, g_strconcat("P", arg, NULL));
        break;
    case OPT_CHARDEV:
        kv = parse_kv(o->name, arg, "backend");
        if (keyval_is_help(kv)) {
            cfg.help_chardev = true;
            keyval_free(kv);
            break;
        }
        if (!keyval_get(kv, "id")) {
            die("-chardev %s: Parameter 'id' is missing", arg);
        }
        g_ptr_array_add(cfg.chardevs, kv);
        break;
    case OPT_DEVICE:
        kv = arg[0] == '{' ? parse_json_kv(o->name, arg)
                           : parse_kv(o->name, arg, "driver");
        if (keyval_is_help(kv)) {
            cfg.help_device = true;
            if (keyval_get(kv, "driver")) {
                g_free(cfg.help_device_type);
                cfg.help_device_type = g_strdup(keyval_get(kv, "driver"));
            }
            keyval_free(kv);
            break;
        }
        if (!keyval_get(kv, "driver")) {
            die("-device %s: Parameter 'driver' is missing", arg);
        }
        g_ptr_array_add(cfg.devices, kv);
        g_ptr_array_add(cfg.device_opts, g_strdup(arg));
        break;
    case OPT_DRIVE:
        kv = parse_kv(o->name, arg, "file");
        if (!drive_new(kv, arg, &err)) {
            die("-drive %s: %s", arg, err->message);
        }
        keyval_free(kv);
        break;
    case OPT_BLOCKDEV:
        kv = arg[0] == '{' ? parse_json_kv(o->name, arg)
                           : parse_kv(o->name, arg, "driver");
        if (!blockdev_new(kv, arg, &err)) {
            die("-blockdev %s: %s", arg, err->message);
        }
        keyval_free(kv);
        break;
    case OPT_GLOBAL:
        if (!qdev_add_global(arg, &err)) {
            die_err(NULL, err);
        }
        break;
    case OPT_NET:
        parse_net(arg);
        break;
    case OPT_NETDEV:
        cfg.any_net_option = true;
        kv = parse_netdev_kv(o->name, arg, "type", NULL);
        if (!keyval_get(kv, "id")) {
            die("-netdev %s: Parameter 'id' is missing", arg);
        }
        if (netdev_find(keyval_get(kv, "id"))) {
            die("-netdev %s: Duplicate ID '%s' for netdev", arg,
                keyval_get(kv, "id"));
        }
        g_ptr_array_add(cfg.netdevs, kv);
        break;
    case OPT_NIC:
        parse_nic(arg);
        break;
    case OPT_NODEFAULTS:
        no_defaults = true;
        break;
    case OPT_NO_USER_CONFIG:
    case OPT_NO_ACPI:
    case OPT_NO_HPET:
        break;
    case OPT_NO_REBOOT:
        runstate_set_action("reboot", "shutdown", NULL);
        break;
    case OPT_NO_SHUTDOWN:
        runstate_set_action("shutdown", "pause", NULL);
        break;
    case OPT_ACTION:
        kv = parse_kv("action", arg, NULL);
        if (keyval_is_help(kv)) {
            runstate_action_help();
            exit(0);
        }
        for (guint i = 0; i < keyval_count(kv); i++) {
            if (!runstate_set_action(keyval_key(kv, i), keyval_value(kv, i),
                                     &err)) {
                die("-action %s: %s", arg, err->message);
            }
        }
        keyval_free(kv);
        break;
    case OPT_D:
        if (!strcmp(arg, "help") || !strcmp(arg, "?")) {
            cfg.help_log = true;
            break;
        }
        {
            int mask = log_parse_items(arg, &err);
            if (mask < 0) {
                die_err(NULL, err);
            }
            cfg.log_mask |= mask;
        }
        break;
    case OPT_DFILE:
        if (!log_set_file(arg, &err)) {
            die_err(NULL, err);
        }
        break;
    case OPT_TRACE:
        if (!trace_opt_parse(arg, &err)) {
            die_err(NULL, err);
        }
        break;
    case OPT_S_GDB:
        gdbstub_spec = "tcp::1234";
        break;
    case OPT_S_STOP:
        autostart = false;
        break;
    case OPT_GDB:
        gdbstub_spec = arg;
        break;
    case OPT_QTEST:
        g_free(cfg.qtest);
        cfg.qtest = g_strdup(arg);
        break;
    case OPT_QTEST_LOG:
        g_free(cfg.qtest_log);
        cfg.qtest_log = g_strdup(arg);
        break;
    case OPT_SEMIHOSTING:
        semihosting_enabled = true;
        break;
    case OPT_SEMIHOSTING_CONFIG: {
        /* arg= repeats, so this one is split by hand. */
        gchar **items;
        GPtrArray *args = g_ptr_array_new();
        bool enable = true;

        kv = parse_kv(o->name, arg, "enable");
        keyval_free(kv);
        items = g_strsplit(arg, ",", -1);
        for (gchar **it = items; *it; it++) {
            if (g_str_has_prefix(*it, "arg=")) {
                g_ptr_array_add(args, g_strdup(*it + 4));
            } else if (g_str_has_prefix(*it, "target=")) {
                const char *t = *it + 7;
                if (strcmp(t, "native") && strcmp(t, "gdb") &&
                    strcmp(t, "auto")) {
                    die("-semihosting-config: target must be native, gdb or "
                        "auto, not '%s'", t);
                }
                semihosting_target = g_intern_string(t);
            } else if (g_str_has_prefix(*it, "chardev=")) {
                semihosting_chardev = g_intern_string(*it + 8);
            } else if (g_str_has_prefix(*it, "enable=")) {
                if (!parse_bool(*it + 7, &enable)) {
                    die("-semihosting-config: enable must be on or off");
                }
            } else if (!strcmp(*it, "enable") || !strcmp(*it, "on")) {
                enable = true;
            } else if (!strcmp(*it, "off")) {
                enable = false;
            } else if (g_str_has_prefix(*it, "userspace=")) {
                /* accepted: we have no user mode to restrict */
            } else if (**it) {
                die("-semihosting-config: unknown property '%s'", *it);
            }
        }
        g_strfreev(items);
        semihosting_enabled = enable;
        if (args->len) {
            g_ptr_array_add(args, NULL);
            g_strfreev(semihosting_argv);
            semihosting_argv = (char **)g_ptr_array_free(args, FALSE);
        } else {
            g_ptr_array_free(args, TRUE);
        }
        break;
    }
    case OPT_INCOMING:
        incoming_uri = arg;
        break;
    case OPT_NAME: {
        static const char *const known[] = { "guest", "process",
                                             "debug-threads", NULL };
        kv = parse_kv(o->name, arg, "guest");
        check_known(o->name, kv, known);
        vm_name = g_strdup(keyval_get(kv, "guest"));
        keyval_free(kv);
        break;
    }
    case OPT_RTC: {
        static const char *const known[] = { "base", "clock", "driftfix",
                                             NULL };
        kv = parse_kv(o->name, arg, NULL);
        check_known(o->name, kv, known);
        if (keyval_get(kv, "base")) {
            rtc_base = g_strdup(keyval_get(kv, "base"));
        }
        keyval_free(kv);
        break;
    }
    case OPT_ICOUNT: {
        /*
         * Instruction counting is not modelled: say so rather than run
         * with a clock the user did not ask for. Record/replay cannot be
         * approximated at all, so it is refused.
         */
        static const char *const known[] = { "shift", "align", "sleep", "rr",
                                             "rrfile", "rrsnapshot", NULL };

        kv = parse_kv(o->name, arg, "shift");
        check_known(o->name, kv, known);
        if (keyval_get(kv, "rr")) {
            die("-icount %s: record/replay is not supported", arg);
        }
        keyval_free(kv);
        warn_report("-icount %s: instruction counting is not implemented; "
                    "guest time follows the host clock", arg);
        break;
    }
    case OPT_MSG: {
        /* -msg timestamp=on: QEMU's "PID@SEC.USEC:" prefix on trace lines. */
        static const char *const known[] = { "timestamp", "guest-name",
                                             NULL };
        bool ts = false;
        GError *msg_err = NULL;

        kv = parse_kv(o->name, arg, "timestamp");
        check_known(o->name, kv, known);
        if (!keyval_get_bool(kv, "timestamp", false, &ts, &msg_err)) {
            die_err("-msg", msg_err);
        }
        trace_set_message_timestamp(ts);
        keyval_free(kv);
        break;
    }
    case OPT_OVERCOMMIT:
    case OPT_BOOT:
        break;
    case OPT_VNC:
        if (strcmp(arg, "none")) {
            die("-vnc %s: plumb has no VNC server (only -vnc none)", arg);
        }
        break;
    case OPT_PIDFILE:
        g_free(cfg.pidfile);
        cfg.pidfile = g_strdup(arg);
        break;
    }
}

static void parse_command_line(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const OptDef *o;

        if (a[0] != '-' || !a[1]) {
            die("%s: unexpected argument (disk images are not supported; "
                "try -help)", a);
        }
        a++;
        if (a[0] == '-' && a[1]) {
            a++;            /* --machine is -machine */
        }
        o = find_option(a);
        if (!o) {
            die("-%s: invalid option", a);
        }
        if (o->has_arg) {
            if (i + 1 >= argc) {
                die("-%s: requires an argument", a);
            }
            parse_option(o, argv[++i]);
        } else {
            parse_option(o, NULL);
        }
    }
}

/* argv[0] and -target pick the guest architecture. */
static void pick_target(int argc, char **argv)
{
    g_autofree char *base = g_path_get_basename(argv[0] ? argv[0] : "plumb");
    static const char *const prefixes[] = { "plumb-system-", "qemu-system-",
                                            NULL };
    GError *err = NULL;

    error_progname = g_strdup(base);
    for (const char *const *p = prefixes; *p; p++) {
        if (g_str_has_prefix(base, *p) &&
            !target_set(base + strlen(*p), &err)) {
            die_err(NULL, err);
        }
    }
    for (int i = 1; i < argc - 1; i++) {
        if (!strcmp(argv[i], "-target") || !strcmp(argv[i], "--target")) {
            if (!target_set(argv[i + 1], &err)) {
                die_err("-target", err);
            }
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Help answers */

static MachineClass *select_machine_class(void)
{
    const char *type = keyval_get(cfg.machine, "type");
    MachineClass *mc;

    if (type) {
        mc = machine_find_class(target_name(), type);
        if (!mc) {
            die("-machine %s: unsupported machine type (use -machine help "
                "to list supported machines)", type);
        }
        return mc;
    }
    mc = machine_default_class(target_name());
    if (!mc) {
        die("No machine specified, and there is no default for %s (use "
            "-machine help to list supported machines)", target_name());
    }
    return mc;
}

static void answer_help_requests(void)
{
    bool any = cfg.help_machine || cfg.help_cpu || cfg.help_device ||
               cfg.help_chardev || cfg.help_accel || cfg.help_log ||
               cfg.help_display;
    GError *err = NULL;

    if (!any) {
        return;
    }
    if (cfg.help_machine) {
        if (!cfg.help_machine_list && keyval_get(cfg.machine, "type")) {
            machine_print_props(stdout, select_machine_class());
        } else {
            machine_print_list(stdout, target_name());
        }
    }
    if (cfg.help_cpu) {
        cpu_model_print_list(stdout, target_name());
    }
    if (cfg.help_device) {
        if (cfg.help_device_type) {
            if (!qdev_print_device_props(stdout, cfg.help_device_type, &err)) {
                die_err(NULL, err);
            }
        } else {
            qdev_print_device_list(stdout);
        }
    }
    if (cfg.help_chardev) {
        qemu_chr_print_help(stdout);
    }
    if (cfg.help_accel) {
        accel_print_help(stdout);
    }
    if (cfg.help_log) {
        log_print_items(stdout);
    }
    if (cfg.help_display) {
        printf("Available display backend types:\nnone\n");
    }
    exit(0);
}

/* ---------------------------------------------------------------------- */
/* Phase 2: checks */

static uint64_t check_ram_size(MachineClass *mc, uint64_t *maxram)
{
    static const char *const known[] = { "size", "slots", "maxmem", NULL };
    KeyValList *kv;
    const char *s;
    uint64_t size = mc->default_ram_size;
    GError *err = NULL;

    *maxram = size;
    if (!cfg.mem) {
        return size;
    }
    kv = parse_kv("m", cfg.mem, "size");
    check_known("m", kv, known);
    s = keyval_get(kv, "size");
    if (s) {
        if (!parse_size_unit(s, MiB, &size, &err)) {
            die_err("-m", err);
        }
        if (size == 0) {
            die("-m: invalid size '%s' (must not be zero)", s);
        }
        if (size > 4096 * GiB) {
            die("-m: invalid size '%s' (at most 4T)", s);
        }
        *maxram = size;
    }
    if (keyval_get(kv, "maxmem")) {
        uint64_t maxmem;
        if (!parse_size_unit(keyval_get(kv, "maxmem"), MiB, &maxmem, &err)) {
            die_err("-m maxmem", err);
        }
        if (maxmem < size) {
            die("-m: maxmem must be at least the RAM size");
        }
        *maxram = maxmem;
    }
    keyval_free(kv);
    return size;
}

static void check_smp(MachineClass *mc, CpuTopology *t)
{
    static const char *const known[] = { "cpus", "maxcpus", "sockets", "dies",
                                         "clusters", "cores", "threads",
                                         NULL };
    unsigned max = mc->max_cpus ? mc->max_cpus : 1;
    unsigned min = mc->min_cpus ? mc->min_cpus : 1;
    uint64_t v[7] = { 0 };
    KeyValList *kv;
    unsigned cpus, maxcpus, sockets, dies, clusters, cores, threads, base;

    memset(t, 0, sizeof(*t));
    if (!cfg.smp) {
        t->cpus = mc->default_cpus ? mc->default_cpus : 1;
        t->sockets = t->cores = t->threads = t->dies = t->clusters = 1;
        t->cores = t->cpus;
        t->max_cpus = t->cpus;
        goto check_max;
    }
    kv = parse_kv("smp", cfg.smp, "cpus");
    check_known("smp", kv, known);
    for (int i = 0; i < 7; i++) {
        const char *s = keyval_get(kv, known[i]);
        GError *err = NULL;

        if (!s) {
            continue;
        }
        if (!parse_uint64(s, &v[i], &err) || v[i] > 4096) {
            /* Free the list first: die() exits, and LSan would report it. */
            char *val = g_strdup(s);

            if (err) {
                g_error_free(err);
            }
            keyval_free(kv);
            die("-smp %s: invalid value '%s' for '%s'", cfg.smp, val, known[i]);
        }
        if (v[i] == 0) {
            keyval_free(kv);
            die("-smp %s: Invalid CPU topology: CPU topology parameters must "
                "be greater than zero", cfg.smp);
        }
    }
    keyval_free(kv);
    cpus = v[0];
    maxcpus = v[1];
    sockets = v[2];
    dies = v[3] ? v[3] : 1;
    clusters = v[4] ? v[4] : 1;
    cores = v[5];
    threads = v[6] ? v[6] : 1;
    base = maxcpus ? maxcpus : cpus;
    /* QEMU 7.2's preference: fill cores first, sockets default to 1. */
    if (!sockets && !cores) {
        sockets = 1;
        cores = base ? base / (dies * clusters * threads) : 1;
        cores = cores ? cores : 1;
    } else if (!cores) {
        cores = base ? base / (sockets * dies * clusters * threads) : 1;
        cores = cores ? cores : 1;
    } else if (!sockets) {
        sockets = base ? base / (cores * dies * clusters * threads) : 1;
        sockets = sockets ? sockets : 1;
    }
    {
        unsigned total = sockets * dies * clusters * cores * threads;
        maxcpus = maxcpus ? maxcpus : cpus ? cpus : total;
        cpus = cpus ? cpus : maxcpus;
        if (total != maxcpus) {
            die("-smp %s: Invalid CPU topology: product of the hierarchy must "
                "match maxcpus: sockets (%u) * dies (%u) * clusters (%u) * "
                "cores (%u) * threads (%u) != maxcpus (%u)", cfg.smp, sockets,
                dies, clusters, cores, threads, maxcpus);
        }
        if (cpus > maxcpus) {
            die("-smp %s: Invalid CPU topology: maxcpus must be equal to or "
                "greater than smp: cpus (%u) > maxcpus (%u)", cfg.smp, cpus,
                maxcpus);
        }
    }
    t->cpus = cpus;
    t->max_cpus = maxcpus;
    t->sockets = sockets;
    t->dies = dies;
    t->clusters = clusters;
    t->cores = cores;
    t->threads = threads;
check_max:
    if (t->cpus < min) {
        die("Invalid SMP CPUs %u. The min CPUs supported by machine '%s' "
            "is %u", t->cpus, mc->name, min);
    }
    if (t->max_cpus > max) {
        die("Invalid SMP CPUs %u. The max CPUs supported by machine '%s' "
            "is %u", t->max_cpus, mc->name, max);
    }
}

static void check_cpu(MachineClass *mc, MachineState *ms)
{
    const char *spec = cfg.cpu ? cfg.cpu : mc->default_cpu_type;
    const CPUModel *model;
    KeyValList *opts;
    GError *err = NULL;

    if (!spec) {
        return;         /* a board without CPUs (none) */
    }
    if (!cpu_model_parse(target_name(), spec, &model, &opts, &err)) {
        if (!cfg.cpu) {
            die("machine '%s': its default CPU model '%s' is not available: "
                "%s", mc->name, spec, err->message);
        }
        die_err(NULL, err);
    }
    if (mc->valid_cpu_types) {
        bool ok = false;
        GString *list = g_string_new(NULL);

        for (const char *const *t = mc->valid_cpu_types; *t; t++) {
            ok |= !strcmp(*t, model->name);
            g_string_append_printf(list, "%s%s", list->len ? ", " : "", *t);
        }
        if (!ok) {
            die("Invalid CPU model: %s (machine '%s' supports: %s)",
                model->name, mc->name, list->str);
        }
        g_string_free(list, TRUE);
    }
    ms->cpu_type = g_strdup(model->name);
    ms->cpu_opts = opts;
}

static const AccelOps *check_accel(MachineState *ms, KeyValList **props_out)
{
    GPtrArray *tries = g_ptr_array_new_with_free_func(g_free);
    const char *macc = keyval_get(cfg.machine, "accel");
    const AccelOps *ops = NULL;
    GError *last = NULL;

    if (cfg.enable_kvm) {
        /* QEMU 7.2 (observed): -enable-kvm wins over -machine accel=. */
        g_ptr_array_add(tries, g_strdup("kvm"));
    } else if (cfg.accels->len) {
        if (macc) {
            die("The -accel and \"-machine accel=\" options are incompatible");
        }
        for (guint i = 0; i < cfg.accels->len; i++) {
            g_ptr_array_add(tries, g_strdup(((AccelRequest *)
                                             cfg.accels->pdata[i])->name));
        }
    } else if (macc) {
        gchar **names = g_strsplit(macc, ":", -1);
        for (gchar **n = names; *n; n++) {
            if (**n) {
                g_ptr_array_add(tries, g_strdup(*n));
            }
        }
        g_strfreev(names);
    } else {
        g_ptr_array_add(tries, g_strdup(cfg.qtest ? "qtest" : "tcg"));
    }
    for (guint i = 0; i < tries->len && !ops; i++) {
        const char *name = tries->pdata[i];
        KeyValList *props = NULL;

        for (guint j = 0; j < cfg.accels->len; j++) {
            AccelRequest *r = cfg.accels->pdata[j];
            if (!strcmp(r->name, name)) {
                props = r->props;
                break;
            }
        }
        if (last) {
            warn_report("%s; trying -accel %s", last->message, name);
            g_clear_error(&last);
        }
        ops = accel_select(name, props, &last);
        if (ops) {
            *props_out = props;
        }
    }
    g_ptr_array_free(tries, TRUE);
    if (!ops) {
        die_err(NULL, last);
    }
    ms->accel = g_strdup(ops->name);
    return ops;
}

static void check_cpu_accel(MachineState *ms, const AccelOps *ops)
{
    const CPUModel *m;

    if (!ms->cpu_type) {
        return;
    }
    m = cpu_model_find(target_name(), ms->cpu_type);
    if (m && m->requires_accel && strcmp(m->requires_accel, ops->name)) {
        die("CPU model '%s' requires %s", m->name,
            !strcmp(m->requires_accel, "kvm") ? "KVM"
                                               : m->requires_accel);
    }
}

static void create_chardevs(void)
{
    GError *err = NULL;

    for (guint i = 0; i < cfg.chardevs->len; i++) {
        const KeyValList *kv = cfg.chardevs->pdata[i];

        if (!qemu_chr_new_from_opts(kv, &err)) {
            die("-chardev %s: %s", keyval_get(kv, "id"), err->message);
        }
    }
}

static void create_serials_and_monitors(MachineClass *mc)
{
    GError *err = NULL;

    /*
     * QEMU's defaults: with neither -serial nor -nodefaults, serial 0
     * goes to the "vc" console, which plumb does not have: null (see
     * docs/user.md). With -nographic it goes to stdio, muxed with the
     * monitor.
     */
    if (!cfg.serials->len && !no_defaults && !mc->no_serial) {
        g_ptr_array_add(cfg.serials,
                        g_strdup(nographic ? "mon:stdio" : "null"));
    }
    for (guint i = 0; i < cfg.serials->len; i++) {
        const char *spec = cfg.serials->pdata[i];
        char label[32];

        snprintf(label, sizeof(label), "serial%u", i);
        serial_hds[i] = qemu_chr_new(label, spec, &err);
        if (err) {
            die("-serial %s: %s", spec, err->message);
        }
    }
    for (guint i = 0; i < cfg.monitors->len; i++) {
        const char *spec = cfg.monitors->pdata[i];
        char label[32];
        Chardev *chr;

        snprintf(label, sizeof(label), "compat_monitor%u", i);
        chr = qemu_chr_new(label, spec, &err);
        if (err) {
            die("-monitor %s: %s", spec, err->message);
        }
        if (chr && !monitor_init_hmp(chr, &err)) {
            die("-monitor %s: %s", spec, err->message);
        }
    }
    for (guint i = 0; i < cfg.qmps->len; i++) {
        const char *arg = cfg.qmps->pdata[i];
        bool pretty = arg[0] == 'P';
        const char *spec = arg + 1;
        char label[32];
        Chardev *chr;

        snprintf(label, sizeof(label), "compat_qmp%u", i);
        chr = qemu_chr_new(label, spec, &err);
        if (err) {
            die("-qmp %s: %s", spec, err->message);
        }
        if (chr && !monitor_init_qmp(chr, pretty, &err)) {
            die("-qmp %s: %s", spec, err->message);
        }
    }
    for (guint i = 0; i < cfg.mons->len; i++) {
        const KeyValList *kv = cfg.mons->pdata[i];

        if (!monitor_init_opts(kv, &err)) {
            die("-mon %s: %s", keyval_get(kv, "chardev"), err->message);
        }
    }
}

static void check_devices(void)
{
    for (guint i = 0; i < cfg.devices->len; i++) {
        const KeyValList *kv = cfg.devices->pdata[i];
        GError *err = NULL;

        if (!qdev_device_check(kv, &err)) {
            die("-device %s: %s", (char *)cfg.device_opts->pdata[i],
                err->message);
        }
    }
}

/* A file the guest needs must be readable; the error names it. */
static void check_file(const char *what, const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0) {
        die("could not load %s '%s': %s", what, path, g_strerror(errno));
    }
    close(fd);
}

static char *find_firmware(const char *name)
{
    char *p;

    /* -L first, then where Debian's qemu packages keep firmware. */
    const char *dirs[] = { bios_dir, "/usr/share/qemu" };

    if (g_file_test(name, G_FILE_TEST_EXISTS) || strchr(name, '/')) {
        return g_strdup(name);
    }
    for (size_t i = 0; i < ARRAY_SIZE(dirs); i++) {
        if (!dirs[i]) {
            continue;
        }
        p = g_build_filename(dirs[i], name, NULL);
        if (g_file_test(p, G_FILE_TEST_EXISTS)) {
            return p;
        }
        g_free(p);
    }
    return g_strdup(name);
}

/* -machine kernel=/initrd=/append=/dtb=/firmware= stand for the options. */
static void take_machine_file_props(void)
{
    static const struct {
        const char *prop;
        char **field;
    } map[] = {
        { "kernel", &cfg.kernel }, { "initrd", &cfg.initrd },
        { "append", &cfg.append }, { "dtb", &cfg.dtb },
        { "firmware", &cfg.bios },
    };

    for (size_t i = 0; i < ARRAY_SIZE(map); i++) {
        const char *v = keyval_get(cfg.machine, map[i].prop);
        if (v && !*map[i].field) {
            *map[i].field = g_strdup(v);
        }
    }
}

static void remove_pidfile(void)
{
    unlink(cfg.pidfile);
}

static void write_pidfile(void)
{
    FILE *f;

    if (!cfg.pidfile) {
        return;
    }
    f = fopen(cfg.pidfile, "w");
    if (!f) {
        die("-pidfile %s: %s", cfg.pidfile, g_strerror(errno));
    }
    fprintf(f, "%d\n", (int)getpid());
    fclose(f);
    atexit(remove_pidfile);
}

/*
 * NICs the board makes (QEMU's nd_table): -nic, -net nic, and without any
 * network option or -nodefaults the board's default NIC on user
 * networking, as QEMU's "-net nic -net user" default.
 */
static void create_nics(MachineClass *mc)
{
    GError *err = NULL;

    if (!cfg.any_net_option && !no_defaults && mc->default_nic &&
        qbus_find_by_type(TYPE_PCI_BUS)) {
        KeyValList *nd = keyval_new();
        KeyValList *nic = keyval_new();

        keyval_set(nd, "type", "user");
        keyval_set(nd, "id", "hub0port1");
        g_ptr_array_add(cfg.netdevs, nd);
        keyval_set(nic, "type", "nic");
        keyval_set(nic, "netdev", "hub0port1");
        g_ptr_array_add(cfg.nics, nic);
    }
    for (guint i = 0, legacy = 0; i < cfg.nics->len; i++) {
        const KeyValList *kv = cfg.nics->pdata[i];
        const char *model = keyval_get(kv, "model");
        const char *netdev = keyval_get(kv, "id");
        KeyValList *dev;

        if (!model || !strcmp(model, "virtio")) {
            model = mc->default_nic ? mc->default_nic : "virtio-net-pci";
        }
        if (strcmp(model, "virtio-net-pci") &&
            strcmp(model, "virtio-net-device")) {
            die("Unsupported NIC model: %s", model);
        }
        if (!g_strcmp0(keyval_get(kv, "type"), "nic")) {
            /* -net nic: the hub's user back end of the same rank. */
            netdev = keyval_get(kv, "netdev");
            if (!netdev && legacy < cfg.net_users->len) {
                netdev = cfg.net_users->pdata[legacy];
            }
            legacy++;
        }
        dev = keyval_new();
        keyval_set(dev, "driver", model);
        if (netdev) {
            keyval_set(dev, "netdev", netdev);
        }
        if (keyval_get(kv, "mac")) {
            keyval_set(dev, "mac", keyval_get(kv, "mac"));
        }
        if (!qdev_device_add(dev, &err)) {
            die("-nic %s: %s", model, err->message);
        }
        keyval_free(dev);
    }
}

/* -drive if=virtio (virt's default interface): a virtio-blk-pci each. */
static void create_virtio_drives(void)
{
    DriveInfo *d;
    GError *err = NULL;

    if (!qbus_find_by_type(TYPE_PCI_BUS)) {
        return;     /* drive_check_orphaned() names them */
    }
    while ((d = drive_get_next_unclaimed(IF_VIRTIO))) {
        KeyValList *dev = keyval_new();

        keyval_set(dev, "driver", "virtio-blk-pci");
        keyval_set(dev, "drive", d->id);
        if (!qdev_device_add(dev, &err)) {
            die("-drive %s: %s", d->opt, err->message);
        }
        keyval_free(dev);
        drive_mark_claimed(d);
    }
}

static void devices_reset(void *opaque)
{
    MachineState *ms = opaque;
    MachineClass *mc = MACHINE_GET_CLASS(ms);

    if (mc->reset) {
        mc->reset(ms);
    } else {
        qemu_devices_reset();
    }
}

/* ---------------------------------------------------------------------- */

int qemu_main(int argc, char **argv)
{
    MachineClass *mc;
    MachineState *ms;
    const AccelOps *accel;
    KeyValList *accel_props = NULL;
    GError *err = NULL;

    pick_target(argc, argv);
    cfg.machine = keyval_new();
    cfg.serials = g_ptr_array_new();
    cfg.monitors = g_ptr_array_new();
    cfg.mons = g_ptr_array_new();
    cfg.qmps = g_ptr_array_new();
    cfg.chardevs = g_ptr_array_new();
    cfg.devices = g_ptr_array_new();
    cfg.device_opts = g_ptr_array_new_with_free_func(g_free);
    cfg.nics = g_ptr_array_new();
    cfg.net_users = g_ptr_array_new();
    cfg.accels = g_ptr_array_new();
    cfg.netdevs = g_ptr_array_new();

    /* Phase 1 */
    parse_command_line(argc, argv);
    answer_help_requests();
    if (cfg.log_mask) {
        log_set_mask(log_enabled_mask | cfg.log_mask);
    }

    /* Phase 2: options */
    mc = select_machine_class();
    cfg.mprops = keyval_copy(cfg.machine);
    keyval_remove(cfg.mprops, "type");
    if (!machine_check_props(mc, cfg.mprops, &err)) {
        die_err(NULL, err);
    }
    if (mc->target && strcmp(mc->target, target_name())) {
        die("machine '%s' is for %s guests, not %s", mc->name, mc->target,
            target_name());
    }
    drive_set_default_type(!g_strcmp0(mc->block_default_if, "virtio")
                           ? IF_VIRTIO : IF_IDE);
    if (object_resolve_path("/machine", NULL)) {
        die("internal error: /machine exists before the machine");
    }
    ms = MACHINE(object_new_with_class(OBJECT_CLASS(mc)));
    object_property_add_child(object_get_root(), "machine", OBJECT(ms));
    object_unref(ms);
    current_machine = ms;
    ms->props = keyval_copy(cfg.mprops);
    ms->ram_size = check_ram_size(mc, &ms->maxram_size);
    check_smp(mc, &ms->smp);
    check_cpu(mc, ms);
    accel = check_accel(ms, &accel_props);
    check_cpu_accel(ms, accel);
    if (incoming_uri && !g_str_has_prefix(incoming_uri, "unix:") &&
        !g_str_has_prefix(incoming_uri, "tcp:")) {
        die("-incoming %s: only unix:PATH and tcp:HOST:PORT are supported",
            incoming_uri);
    }
    if (mc->check && !mc->check(ms, &err)) {
        die_err(NULL, err);
    }

    /* Back ends need the main loop (it owns their file descriptors). */
    main_loop_init();
    create_chardevs();
    if (cfg.qtest && !qtest_server_init(cfg.qtest,
                                        cfg.qtest_log && strcmp(cfg.qtest_log,
                                                                "none")
                                        ? cfg.qtest_log : NULL, &err)) {
        die_err("-qtest", err);
    }
    create_serials_and_monitors(mc);
    check_devices();

    /* Phase 2: files, last (see the comment at the top) */
    take_machine_file_props();
    if (cfg.kernel) {
        check_file("kernel", cfg.kernel);
    }
    if (cfg.initrd) {
        check_file("initrd", cfg.initrd);
    }
    if (cfg.dtb) {
        check_file("device tree", cfg.dtb);
    }
    if (cfg.bios) {
        char *fw = find_firmware(cfg.bios);
        check_file("firmware", fw);
        ms->firmware = fw;
    }
    ms->kernel_filename = g_strdup(cfg.kernel);
    ms->initrd_filename = g_strdup(cfg.initrd);
    ms->kernel_cmdline = g_strdup(cfg.append ? cfg.append : "");
    ms->dtb = g_strdup(cfg.dtb);
    ms->dumpdtb = g_strdup(keyval_get(cfg.machine, "dumpdtb"));
    if (gdbstub_spec && !gdbstub_start_fn) {
        warn_report("-gdb %s: the gdb stub is not available yet", gdbstub_spec);
    }
    write_pidfile();

    /* Phase 3: build */
    /*
     * DEVICE_NATIVE_ENDIAN regions follow the target's default byte order:
     * ppc64 is big-endian (as qemu-system-ppc64), the others little-endian.
     */
    memory_set_native_big_endian(!strcmp(target_name(), "ppc64"));
    if (!accel_init_machine(accel, ms, accel_props, &err)) {
        die_err(NULL, err);
    }
    if (ms->ram_size) {
        ms->ram = g_new0(MemoryRegion, 1);
        if (!memory_region_init_ram(ms->ram, OBJECT(ms), "ram", ms->ram_size,
                                    &err)) {
            die_err("-m", err);
        }
    }
    qemu_register_reset(devices_reset, ms);
    if (mc->init) {
        mc->init(ms);
    }
    /* QEMU's order: the board's NICs, then -device, then -drive disks. */
    create_nics(mc);
    for (guint i = 0; i < cfg.devices->len; i++) {
        const KeyValList *kv = cfg.devices->pdata[i];

        if (!qdev_device_add(kv, &err)) {
            die("-device %s: %s", (char *)cfg.device_opts->pdata[i],
                err->message);
        }
    }
    create_virtio_drives();
    if (!drive_check_orphaned(&err)) {
        die_err(NULL, err);
    }
    qemu_system_reset(SHUTDOWN_CAUSE_NONE);
    qdev_machine_creation_done();
    if (gdbstub_spec && gdbstub_start_fn && strcmp(gdbstub_spec, "none") &&
        !gdbstub_start_fn(gdbstub_spec, &err)) {
        die_err("-gdb", err);
    }
    if (accel->start_vcpus) {
        accel->start_vcpus(ms);
    }
    if (incoming_uri) {
        if (!migration_listen_incoming(incoming_uri, autostart, &err)) {
            die_err("-incoming", err);
        }
    } else if (autostart) {
        vm_start();
    }
    return main_loop_run();
}
