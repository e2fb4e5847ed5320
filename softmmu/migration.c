/*
 * migration.c - moving a running machine to another plumb process: QMP
 * `migrate {"uri": "unix:PATH"}` on the source, `-incoming unix:PATH` on
 * the destination (the QEMU interface kvm-unit-tests' harness drives),
 * and `query-migrate`; `tcp:HOST:PORT` works the same way.
 *
 * The source stops its vCPUs, writes the stream to the socket and stays
 * stopped (postmigrate); the destination waits (inmigrate), reads the
 * whole stream, loads it and starts the VM unless -S was given. The VM
 * is stopped while its state is copied (stop-and-copy: RAM is sent once,
 * zero pages skipped; on a local socket a 256 MiB guest moves in well
 * under a second).
 *
 * Stream (little-endian), plumb-to-plumb for the same binary and command
 * line:
 *     "PLUMBMIG" u32 version
 *     sections: u8 kind, u32 id length, id, u32 payload length, payload
 *       'C' the virtual clock (u64 ns)
 *       'R' a RAM block: id = region name; payload = u64 size, then runs
 *           of (u64 offset, u64 length, bytes) for the non-zero pages
 *       'D' a device: id = its QOM path; payload = u32 vmstate version,
 *           then the state of dc->vmsd
 *       'P' a vCPU: id = "cpu<index>"; payload = its target's vmstate
 *           (after the devices: see migration_save)
 *       'E' end
 * Every section of the source must find its counterpart (same RAM block
 * size, same device path and table) or the load fails with a message
 * naming it; the destination then reports "failed" and exits.
 */
#include "util/osdep.h"
#include "util/error.h"
#include "util/sockets.h"
#include "util/log.h"
#include "util/bswap.h"
#include "migration/migration.h"
#include "migration/vmstate.h"
#include "memory-internal.h"
#include "exec/memory.h"
#include "exec/exec-all.h"
#include "hw/core/cpu.h"
#include "hw/qdev.h"
#include "monitor/monitor.h"
#include "qom/object.h"
#include "sysemu/runstate.h"
#include "sysemu/sysemu.h"
#include "sysemu/timer.h"

#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>

#define MIG_MAGIC   "PLUMBMIG"
#define MIG_VERSION 1
#define MIG_PAGE    4096

typedef enum {
    MIG_NONE, MIG_SETUP, MIG_ACTIVE, MIG_COMPLETED, MIG_FAILED,
} MigStatus;

static const char *const mig_status_names[] = {
    [MIG_NONE] = "none", [MIG_SETUP] = "setup", [MIG_ACTIVE] = "active",
    [MIG_COMPLETED] = "completed", [MIG_FAILED] = "failed",
};

static struct {
    MigStatus status;
    char *error;
    int64_t start_ns, total_ms, downtime_ms;
    uint64_t ram_total, ram_sent, zero_pages, pages;
} mig;

/* ---- sockets ------------------------------------------------------------ */

static bool write_all(int fd, const void *buf, size_t len, GError **errp)
{
    const uint8_t *p = buf;

    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            error_setg(errp, "migration: write failed: %s",
                       n < 0 ? g_strerror(errno) : "connection closed");
            return false;
        }
        p += n;
        len -= n;
    }
    return true;
}

static bool read_all(int fd, void *buf, size_t len, GError **errp)
{
    uint8_t *p = buf;

    while (len) {
        ssize_t n = read(fd, p, len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            error_setg(errp, "migration: the stream ended early%s%s",
                       n < 0 ? ": " : "", n < 0 ? g_strerror(errno) : "");
            return false;
        }
        p += n;
        len -= n;
    }
    return true;
}

/* ---- the outgoing stream ---------------------------------------------- */

typedef struct Out {
    int fd;
    GByteArray *buf;        /* one section's payload */
    GError *err;
} Out;

static void put_u32(GByteArray *b, uint32_t v)
{
    uint8_t x[4] = { v, v >> 8, v >> 16, v >> 24 };
    g_byte_array_append(b, x, 4);
}

static void put_u64(GByteArray *b, uint64_t v)
{
    put_u32(b, (uint32_t)v);
    put_u32(b, (uint32_t)(v >> 32));
}

/* Send the section in o->buf and empty it. */
static bool send_section(Out *o, char kind, const char *id)
{
    GByteArray *h = g_byte_array_new();
    bool ok;

    g_byte_array_append(h, (const uint8_t *)&kind, 1);
    put_u32(h, strlen(id));
    g_byte_array_append(h, (const uint8_t *)id, strlen(id));
    put_u32(h, o->buf->len);
    ok = write_all(o->fd, h->data, h->len, &o->err) &&
         write_all(o->fd, o->buf->data, o->buf->len, &o->err);
    g_byte_array_free(h, TRUE);
    g_byte_array_set_size(o->buf, 0);
    return ok;
}

static bool page_is_zero(const uint8_t *p)
{
    const uint64_t *q = (const uint64_t *)p;

    for (size_t i = 0; i < MIG_PAGE / 8; i++) {
        if (q[i]) {
            return false;
        }
    }
    return true;
}

/*
 * Which pages of an anonymous mapping were ever populated (present or
 * swapped, from /proc/self/pagemap): the others read as zero, and reading
 * them to find out would fault every one in (expensive on some hosts: a
 * 128 MiB guest took seconds). NULL if pagemap cannot be read: then every
 * page is looked at.
 */
static uint8_t *ram_populated_map(RAMBlock *block, size_t npages)
{
    long psize = sysconf(_SC_PAGESIZE);
    uint8_t *map;
    uint64_t *ent;
    int fd;
    off_t where;

    if (!block->mapped_size || psize != MIG_PAGE) {
        return NULL;
    }
    fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return NULL;
    }
    ent = g_try_new(uint64_t, npages);
    map = g_try_new0(uint8_t, npages);
    where = (off_t)((uintptr_t)block->host / MIG_PAGE) * 8;
    if (!ent || !map ||
        pread(fd, ent, npages * 8, where) != (ssize_t)(npages * 8)) {
        close(fd);
        g_free(ent);
        g_free(map);
        return NULL;
    }
    close(fd);
    for (size_t i = 0; i < npages; i++) {
        map[i] = (ent[i] >> 62) != 0;       /* bit 63 present, 62 swapped */
    }
    g_free(ent);
    return map;
}

/* A whole page at @off reads as zero (never populated, or all zero bytes). */
static bool ram_page_zero(RAMBlock *block, const uint8_t *populated,
                          uint64_t off)
{
    if (block->size - off < MIG_PAGE) {
        return false;           /* a partial last page is always sent */
    }
    return (populated && !populated[off / MIG_PAGE]) ||
           page_is_zero(block->host + off);
}

/*
 * A RAM block's section goes out straight from guest memory: the runs of
 * non-zero pages are found first (the section header needs the payload's
 * length), then each is written from where it lies, without a copy.
 */
static int save_ram_block(RAMBlock *block, void *opaque)
{
    Out *o = opaque;
    uint64_t off = 0, payload = 8;
    size_t npages = (block->size + MIG_PAGE - 1) / MIG_PAGE;
    g_autofree uint8_t *populated = ram_populated_map(block, npages);
    GArray *runs = g_array_new(FALSE, FALSE, sizeof(uint64_t) * 2);
    const char *name = memory_region_name(block->mr);
    GByteArray *h = g_byte_array_new();
    bool ok;

    mig.ram_total += block->size;
    while (off < block->size) {
        uint64_t run[2];

        if (ram_page_zero(block, populated, off)) {
            mig.zero_pages++;
            off += MIG_PAGE;
            continue;
        }
        run[0] = off;
        while (off < block->size && !ram_page_zero(block, populated, off)) {
            off += MIN((uint64_t)MIG_PAGE, block->size - off);
            mig.pages++;
        }
        run[1] = off - run[0];
        g_array_append_val(runs, run);
        payload += 16 + run[1];
        mig.ram_sent += run[1];
    }
    if (payload > UINT32_MAX) {
        error_setg(&o->err, "migration: RAM block '%s' has more than 4 GiB "
                   "in use", name);
        ok = false;
        goto out;
    }
    g_byte_array_append(h, (const uint8_t *)"R", 1);
    put_u32(h, strlen(name));
    g_byte_array_append(h, (const uint8_t *)name, strlen(name));
    put_u32(h, payload);
    put_u64(h, block->size);
    ok = write_all(o->fd, h->data, h->len, &o->err);
    for (guint i = 0; ok && i < runs->len; i++) {
        const uint64_t *run = &g_array_index(runs, uint64_t, 2 * i);

        g_byte_array_set_size(h, 0);
        put_u64(h, run[0]);
        put_u64(h, run[1]);
        ok = write_all(o->fd, h->data, h->len, &o->err) &&
             write_all(o->fd, block->host + run[0], run[1], &o->err);
    }
out:
    g_byte_array_free(h, TRUE);
    g_array_free(runs, TRUE);
    return ok ? 0 : -1;
}

static int save_device(Object *obj, void *opaque)
{
    Out *o = opaque;
    DeviceState *dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);
    DeviceClass *dc;
    char *path;
    bool ok;

    if (!dev || !dev->realized) {
        return 0;
    }
    dc = DEVICE_GET_CLASS(dev);
    /* migration_check_devices() refused anything without a table. */
    if (!dc->vmsd || dc->vmsd == &vmstate_no_state_to_migrate) {
        return 0;
    }
    put_u32(o->buf, dc->vmsd->version_id);
    vmstate_save(o->buf, dc->vmsd, dev);
    path = object_get_canonical_path(obj);
    ok = send_section(o, 'D', path);
    g_free(path);
    return ok ? 0 : -1;
}

/*
 * Every realized device must say how it migrates: a table, or that it has
 * no state of its own (vmstate_no_state_to_migrate). One without (or with
 * a table marked unmigratable) would arrive in its reset state, which the
 * guest would see as a silently broken device: refuse instead.
 */
static int check_device(Object *obj, void *opaque)
{
    GString *bad = opaque;
    DeviceState *dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);
    DeviceClass *dc;

    if (!dev || !dev->realized) {
        return 0;
    }
    dc = DEVICE_GET_CLASS(dev);
    if (!dc->vmsd || dc->vmsd->unmigratable) {
        char *path = object_get_canonical_path(obj);

        g_string_append_printf(bad, "%s'%s' (%s)", bad->len ? ", " : "",
                               dev->id ? dev->id : path,
                               object_get_typename(obj));
        g_free(path);
    }
    return 0;
}

bool migration_check_devices(GError **errp)
{
    GString *bad = g_string_new(NULL);
    bool ok;

    object_child_foreach_recursive(object_get_root(), check_device, bad);
    ok = bad->len == 0;
    if (!ok) {
        error_setg(errp, "State blocked by non-migratable device %s: "
                   "it has no migration support yet", bad->str);
    }
    g_string_free(bad, TRUE);
    return ok;
}

static bool migration_save(int fd, GError **errp)
{
    Out o = { .fd = fd, .buf = g_byte_array_new() };
    GByteArray *hdr = g_byte_array_new();
    CPUState *cpu;
    bool ok = false;

    g_byte_array_append(hdr, (const uint8_t *)MIG_MAGIC, 8);
    put_u32(hdr, MIG_VERSION);
    if (!write_all(fd, hdr->data, hdr->len, &o.err)) {
        goto out;
    }
    put_u64(o.buf, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL));
    if (!send_section(&o, 'C', "clock")) {
        goto out;
    }
    if (qemu_ram_foreach_block(save_ram_block, &o) < 0) {
        goto out;
    }
    if (object_child_foreach_recursive(object_get_root(), save_device, &o) < 0) {
        goto out;
    }
    /*
     * vCPUs after the devices: their post_load re-drives the lines that
     * derive from CPU state (the generic timers' outputs) into interrupt
     * controllers that are loaded by then. The other way round, the GIC's
     * load would overwrite what a timer that expired just before the stop
     * (its callback not yet run on the source) asserts, and that
     * interrupt would be lost.
     */
    CPU_FOREACH(cpu) {
        char id[32];

        if (!cpu->tcg_ops->vmsd) {
            error_setg(&o.err, "migration: the %s CPU has no migratable state",
                       cpu->tcg_ops->name);
            goto out;
        }
        snprintf(id, sizeof(id), "cpu%d", cpu->cpu_index);
        vmstate_save(o.buf, cpu->tcg_ops->vmsd, cpu);
        if (!send_section(&o, 'P', id)) {
            goto out;
        }
    }
    ok = send_section(&o, 'E', "");
out:
    g_byte_array_free(hdr, TRUE);
    g_byte_array_free(o.buf, TRUE);
    if (!ok) {
        g_propagate_error(errp, o.err);
    }
    return ok;
}

/* ---- the incoming stream ---------------------------------------------- */

typedef struct RAMFind {
    const char *name;
    unsigned skip;          /* how many earlier blocks of that name were loaded */
    RAMBlock *found;
} RAMFind;

static int find_ram_block(RAMBlock *block, void *opaque)
{
    RAMFind *f = opaque;

    if (!strcmp(memory_region_name(block->mr), f->name)) {
        if (f->skip == 0) {
            f->found = block;
            return 1;
        }
        f->skip--;
    }
    return 0;
}

/*
 * A RAM section is read from the socket straight into guest memory (a
 * payload buffer of the block's size would fault in every page twice).
 * Each run's pages are populated in one call first: on this machine's
 * hypervisor a write fault per page cost ~3x the whole copy.
 */
static bool load_ram(int fd, const char *name, GHashTable *seen,
                     uint64_t len, GError **errp)
{
    RAMFind f = { name, GPOINTER_TO_UINT(g_hash_table_lookup(seen, name)) };
    uint64_t size, left = len;
    uint8_t hdr[16];

    qemu_ram_foreach_block(find_ram_block, &f);
    if (!f.found) {
        error_setg(errp, "migration: no RAM block '%s' here", name);
        return false;
    }
    g_hash_table_insert(seen, g_strdup(name), GUINT_TO_POINTER(f.skip + 1));
    if (left < 8) {
        goto bad;
    }
    if (!read_all(fd, hdr, 8, errp)) {
        return false;
    }
    left -= 8;
    size = ldq_le_p(hdr);
    if (size != f.found->size) {
        error_setg(errp, "migration: RAM block '%s' is 0x%" PRIx64 " bytes "
                   "there, 0x%" PRIx64 " here (same -m?)", name, size,
                   f.found->size);
        return false;
    }
    /*
     * Pages the stream does not carry are zero. Dropping our anonymous
     * mapping's pages makes them so without touching each one.
     */
    if (!f.found->mapped_size ||
        madvise(f.found->host, f.found->mapped_size, MADV_DONTNEED) < 0) {
        memset(f.found->host, 0, f.found->size);
    }
    /* No physmem_notify_ram_write: all translated code is flushed after the load. */
    while (left) {
        uint64_t off, n;

        if (left < 16) {
            goto bad;
        }
        if (!read_all(fd, hdr, 16, errp)) {
            return false;
        }
        left -= 16;
        off = ldq_le_p(hdr);
        n = ldq_le_p(hdr + 8);
        if (off > size || n > size - off || left < n) {
            goto bad;
        }
#ifdef MADV_POPULATE_WRITE
        if (f.found->mapped_size && !(off % MIG_PAGE)) {
            /* Best effort: older kernels say EINVAL and the copy faults. */
            (void)madvise(f.found->host + off, ROUND_UP(n, MIG_PAGE),
                          MADV_POPULATE_WRITE);
        }
#endif
        if (!read_all(fd, f.found->host + off, n, errp)) {
            return false;
        }
        left -= n;
    }
    return true;
bad:
    error_setg(errp, "migration: RAM block '%s': malformed section", name);
    return false;
}

static bool load_cpu(const char *id, const uint8_t *p, size_t len,
                     GError **errp)
{
    CPUState *cpu;
    int index;

    if (sscanf(id, "cpu%d", &index) != 1) {
        error_setg(errp, "migration: bad CPU section '%s'", id);
        return false;
    }
    CPU_FOREACH(cpu) {
        if (cpu->cpu_index == index) {
            if (!cpu->tcg_ops->vmsd) {
                break;
            }
            return vmstate_load(p, len, cpu->tcg_ops->vmsd, cpu,
                                cpu->tcg_ops->vmsd->version_id, errp);
        }
    }
    error_setg(errp, "migration: no CPU %d here (same -smp?)", index);
    return false;
}

static bool load_device(const char *path, GHashTable *loaded,
                        const uint8_t *p, size_t len, GError **errp)
{
    bool ambiguous = false;
    Object *obj = object_resolve_path(path, &ambiguous);
    DeviceState *dev = obj ? (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE)
                           : NULL;
    DeviceClass *dc = dev ? DEVICE_GET_CLASS(dev) : NULL;
    uint32_t version;

    if (!dc || !dc->vmsd) {
        error_setg(errp, "migration: no device '%s' with state here "
                   "(same command line?)", path);
        return false;
    }
    if (len < 4) {
        error_setg(errp, "migration: device '%s': malformed section", path);
        return false;
    }
    if (g_hash_table_contains(loaded, dev)) {
        error_setg(errp, "migration: device '%s' sent twice", path);
        return false;
    }
    g_hash_table_add(loaded, dev);
    memcpy(&version, p, 4);
    return vmstate_load(p + 4, len - 4, dc->vmsd, dev,
                        (int)GUINT32_FROM_LE(version), errp);
}

typedef struct MissingCheck {
    GHashTable *loaded;
    GString *missing;
} MissingCheck;

/* A device with state here that the stream did not carry. */
static int check_loaded(Object *obj, void *opaque)
{
    MissingCheck *m = opaque;
    DeviceState *dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);
    DeviceClass *dc;

    if (!dev || !dev->realized) {
        return 0;
    }
    dc = DEVICE_GET_CLASS(dev);
    if (dc->vmsd && dc->vmsd != &vmstate_no_state_to_migrate &&
        !g_hash_table_contains(m->loaded, dev)) {
        char *path = object_get_canonical_path(obj);

        g_string_append_printf(m->missing, "%s%s", m->missing->len ? ", " : "",
                               path);
        g_free(path);
    }
    return 0;
}

static bool migration_load(int fd, GError **errp)
{
    char magic[8];
    uint32_t version;
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *loaded = g_hash_table_new(NULL, NULL);
    bool ok = false;

    if (!read_all(fd, magic, 8, errp) || !read_all(fd, &version, 4, errp)) {
        goto out;
    }
    if (memcmp(magic, MIG_MAGIC, 8) || GUINT32_FROM_LE(version) != MIG_VERSION) {
        error_setg(errp, "migration: not a plumb migration stream (version %u)",
                   MIG_VERSION);
        goto out;
    }
    for (;;) {
        uint8_t kind;
        uint32_t idlen, len;
        char *id;
        uint8_t *payload;
        bool sec_ok;

        if (!read_all(fd, &kind, 1, errp) || !read_all(fd, &idlen, 4, errp)) {
            goto out;
        }
        idlen = GUINT32_FROM_LE(idlen);
        if (idlen > 4096) {
            error_setg(errp, "migration: malformed stream (id of %u bytes)", idlen);
            goto out;
        }
        id = g_malloc0(idlen + 1);
        if (!read_all(fd, id, idlen, errp) || !read_all(fd, &len, 4, errp)) {
            g_free(id);
            goto out;
        }
        len = GUINT32_FROM_LE(len);
        if (kind == 'R') {
            sec_ok = load_ram(fd, id, seen, len, errp);
            g_free(id);
            if (!sec_ok) {
                goto out;
            }
            continue;
        }
        payload = g_try_malloc(len ? len : 1);
        if (!payload) {
            error_setg(errp, "migration: section '%s' of %u bytes too large", id, len);
            g_free(id);
            goto out;
        }
        if (!read_all(fd, payload, len, errp)) {
            g_free(id);
            g_free(payload);
            goto out;
        }
        switch (kind) {
        case 'C':
            sec_ok = len == 8;
            if (sec_ok) {
                uint64_t ns;
                memcpy(&ns, payload, 8);
                qemu_clock_set_virtual_frozen((int64_t)GUINT64_FROM_LE(ns));
            } else {
                error_setg(errp, "migration: malformed clock section");
            }
            break;
        case 'P':
            sec_ok = load_cpu(id, payload, len, errp);
            break;
        case 'D':
            sec_ok = load_device(id, loaded, payload, len, errp);
            break;
        case 'E': {
            MissingCheck m = { loaded, g_string_new(NULL) };

            object_child_foreach_recursive(object_get_root(), check_loaded, &m);
            sec_ok = ok = m.missing->len == 0;
            if (!ok) {
                error_setg(errp, "migration: the stream has no state for "
                           "%s (same command line?)", m.missing->str);
            }
            g_string_free(m.missing, TRUE);
            break;
        }
        default:
            error_setg(errp, "migration: unknown section kind 0x%02x", kind);
            sec_ok = false;
            break;
        }
        g_free(id);
        g_free(payload);
        if (!sec_ok || kind == 'E') {
            break;
        }
    }
out:
    g_hash_table_destroy(seen);
    g_hash_table_destroy(loaded);
    return ok;
}

/* ---- QMP and -incoming -------------------------------------------------- */

static void migration_set_failed(GError *err)
{
    mig.status = MIG_FAILED;
    g_free(mig.error);
    mig.error = g_strdup(err->message);
}

bool migration_start_outgoing(const char *uri, GError **errp)
{
    bool was_running = runstate_is_running();
    GError *err = NULL;
    int fd;

    if (mig.status == MIG_ACTIVE || mig.status == MIG_SETUP) {
        error_setg(errp, "There's a migration process in progress");
        return false;
    }
    if (runstate_check(RUN_STATE_INMIGRATE)) {
        error_setg(errp, "Guest is waiting for an incoming migration");
        return false;
    }
    if (!migration_check_devices(errp)) {
        return false;
    }
    fd = socket_uri_open(uri, false, errp);
    if (fd < 0) {
        return false;
    }
    memset(&mig, 0, sizeof(mig));
    mig.status = MIG_ACTIVE;
    mig.start_ns = get_clock();
    vm_stop(RUN_STATE_FINISH_MIGRATE);
    if (migration_save(fd, &err)) {
        mig.status = MIG_COMPLETED;
        runstate_set(RUN_STATE_POSTMIGRATE);
    } else {
        migration_set_failed(err);
        error_report("%s", err->message);
        g_error_free(err);
        if (was_running) {
            vm_start();
        } else {
            runstate_set(RUN_STATE_PAUSED);
        }
    }
    close(fd);
    mig.total_ms = (get_clock() - mig.start_ns) / SCALE_MS;
    mig.downtime_ms = mig.total_ms;
    return true;
}

static int incoming_listen_fd = -1;
static bool incoming_autostart;
static char *incoming_path;     /* unlinked once a source connected (as QEMU) */

static gboolean incoming_accept_cb(gint lfd, GIOCondition cond, gpointer data)
{
    GError *err = NULL;
    int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);

    if (fd < 0) {
        return G_SOURCE_CONTINUE;
    }
    close(lfd);
    incoming_listen_fd = -1;
    /* Harnesses wait for the socket to go before starting the next one. */
    if (incoming_path) {
        unlink(incoming_path);
        g_clear_pointer(&incoming_path, g_free);
    }
    mig.status = MIG_ACTIVE;
    mig.start_ns = get_clock();
    if (!migration_load(fd, &err)) {
        close(fd);
        migration_set_failed(err);
        error_report("load of migration failed: %s", err->message);
        g_error_free(err);
        /* As QEMU: a destination that cannot load has nothing to run. */
        exit(1);
    }
    close(fd);
    mig.status = MIG_COMPLETED;
    mig.total_ms = (get_clock() - mig.start_ns) / SCALE_MS;
    {
        CPUState *cpu;
        CPU_FOREACH(cpu) {
            tlb_flush(cpu);
        }
        if (first_cpu) {
            tb_flush(first_cpu);
        }
    }
    if (incoming_autostart) {
        vm_start();
    } else {
        runstate_set(RUN_STATE_PAUSED);
    }
    return G_SOURCE_REMOVE;
}

bool migration_listen_incoming(const char *uri, bool autostart, GError **errp)
{
    int fd = socket_uri_open(uri, true, errp);

    if (fd < 0) {
        return false;
    }
    incoming_listen_fd = fd;
    incoming_autostart = autostart;
    incoming_path = g_str_has_prefix(uri, "unix:") ? g_strdup(uri + 5) : NULL;
    runstate_set(RUN_STATE_INMIGRATE);
    g_unix_fd_add(fd, G_IO_IN, incoming_accept_cb, NULL);
    return true;
}

static JsonNode *qmp_migrate(JsonObject *args, GError **errp)
{
    JsonNode *arg = json_object_get_member(args, "uri");
    const char *uri;

    if (!arg) {
        error_setg(errp, "Parameter 'uri' is missing");
        return NULL;
    }
    /* json-glib prints a critical for a string getter on anything else. */
    uri = JSON_NODE_HOLDS_VALUE(arg) &&
          json_node_get_value_type(arg) == G_TYPE_STRING ?
          json_node_get_string(arg) : NULL;
    if (!uri) {
        error_setg(errp, "Invalid parameter type for 'uri', expected: string");
        return NULL;
    }
    migration_start_outgoing(uri, errp);
    return NULL;
}

static JsonNode *qmp_query_migrate(JsonObject *args, GError **errp)
{
    JsonObject *o = json_object_new();

    if (mig.status != MIG_NONE) {
        json_object_set_string_member(o, "status", mig_status_names[mig.status]);
    }
    if (mig.status == MIG_COMPLETED || mig.status == MIG_ACTIVE) {
        JsonObject *ram = json_object_new();

        json_object_set_int_member(ram, "total", mig.ram_total);
        json_object_set_int_member(ram, "transferred", mig.ram_sent);
        json_object_set_int_member(ram, "remaining", 0);
        json_object_set_int_member(ram, "duplicate", mig.zero_pages);
        json_object_set_int_member(ram, "normal", mig.pages);
        json_object_set_int_member(ram, "normal-bytes", mig.ram_sent);
        json_object_set_object_member(o, "ram", ram);
        json_object_set_int_member(o, "total-time", mig.total_ms);
        json_object_set_int_member(o, "downtime", mig.downtime_ms);
    }
    if (mig.status == MIG_FAILED && mig.error) {
        json_object_set_string_member(o, "error-desc", mig.error);
    }
    {
        JsonNode *n = json_node_init_object(json_node_alloc(), o);
        json_object_unref(o);
        return n;
    }
}

static void migration_register(void)
{
    qmp_register_command("migrate", qmp_migrate);
    qmp_register_command("query-migrate", qmp_query_migrate);
}
type_init(migration_register)
