/*
 * vmstate.c - the generic walker over VMStateDescription tables
 * (include/migration/vmstate.h): save a state into a byte array and load
 * it back. Every field is written as its elements, little-endian; a
 * variable array is preceded by its element count so that a mismatch
 * between the two sides is an error, not a silent misread. Timers are
 * saved as their deadline (ns on their clock, -1 if not pending) and
 * re-armed on load. A custom field (VMStateInfo) is its length and the
 * bytes its put wrote.
 */
#include "util/osdep.h"
#include "util/error.h"
#include "migration/vmstate.h"
#include "sysemu/timer.h"

static void put_le(GByteArray *out, uint64_t v, size_t size)
{
    uint8_t b[8];

    for (size_t i = 0; i < size; i++) {
        b[i] = v >> (8 * i);
    }
    g_byte_array_append(out, b, size);
}

static uint64_t get_elem(const void *p, size_t size)
{
    switch (size) {
    case 1: return *(const uint8_t *)p;
    case 2: return *(const uint16_t *)p;
    case 4: return *(const uint32_t *)p;
    default: return *(const uint64_t *)p;
    }
}

static void set_elem(void *p, size_t size, uint64_t v)
{
    switch (size) {
    case 1: *(uint8_t *)p = v; break;
    case 2: *(uint16_t *)p = v; break;
    case 4: *(uint32_t *)p = v; break;
    default: *(uint64_t *)p = v; break;
    }
}

/* Where a field's elements are and how many (variable arrays included). */
static void *field_base(const VMStateField *f, void *opaque, unsigned *num)
{
    char *p = (char *)opaque + f->offset;

    *num = f->num;
    if (f->pointer) {
        *num = f->num * *(uint32_t *)((char *)opaque + f->num_offset);
        p = *(void **)p;
    }
    return p;
}

void vmstate_save(GByteArray *out, const VMStateDescription *vmsd,
                  void *opaque)
{
    if (vmsd->pre_save) {
        vmsd->pre_save(opaque);
    }
    for (const VMStateField *f = vmsd->fields; f && f->name; f++) {
        unsigned num;
        char *p = field_base(f, opaque, &num);

        if (f->pointer) {
            put_le(out, num, 4);
        }
        switch (f->kind) {
        case VMS_SCALAR:
            for (unsigned i = 0; i < num; i++) {
                put_le(out, get_elem(p + i * f->size, f->size), f->size);
            }
            break;
        case VMS_BUFFER:
            g_byte_array_append(out, (const uint8_t *)p, f->size);
            break;
        case VMS_STRUCT:
            for (unsigned i = 0; i < num; i++) {
                vmstate_save(out, f->vmsd, p + i * f->size);
            }
            break;
        case VMS_TIMER:
        case VMS_TIMER_PTR: {
            QEMUTimer *t = f->kind == VMS_TIMER ? (QEMUTimer *)p
                                                : *(QEMUTimer **)p;
            put_le(out, t ? (uint64_t)timer_expire_time_ns(t) : (uint64_t)-1, 8);
            break;
        }
        case VMS_CUSTOM: {
            guint at = out->len;
            uint32_t n;

            put_le(out, 0, 4);              /* the length, filled in below */
            f->info->put(out, p, opaque);
            n = out->len - at - 4;
            for (int i = 0; i < 4; i++) {
                out->data[at + i] = n >> (8 * i);
            }
            break;
        }
        }
    }
}

const VMStateDescription vmstate_no_state_to_migrate = {
    .name = "no-state",
    .version_id = 1,
};

typedef struct Reader {
    const uint8_t *p, *end;
    const char *what;
} Reader;

static bool take(Reader *r, void *dst, size_t n, const char *field,
                 GError **errp)
{
    if ((size_t)(r->end - r->p) < n) {
        error_setg(errp, "%s: state ends inside field '%s'", r->what, field);
        return false;
    }
    if (dst) {
        memcpy(dst, r->p, n);
    }
    r->p += n;
    return true;
}

static bool take_le(Reader *r, uint64_t *v, size_t size, const char *field,
                    GError **errp)
{
    uint8_t b[8];

    if (!take(r, b, size, field, errp)) {
        return false;
    }
    *v = 0;
    for (size_t i = 0; i < size; i++) {
        *v |= (uint64_t)b[i] << (8 * i);
    }
    return true;
}

static bool load_fields(Reader *r, const VMStateDescription *vmsd,
                        void *opaque, int version_id, GError **errp)
{
    for (const VMStateField *f = vmsd->fields; f && f->name; f++) {
        unsigned num;
        char *p = field_base(f, opaque, &num);
        uint64_t v;

        if (f->pointer) {
            if (!take_le(r, &v, 4, f->name, errp)) {
                return false;
            }
            if (v != num) {
                error_setg(errp, "%s: field '%s' has %" PRIu64 " elements, "
                           "this side %u", r->what, f->name, v, num);
                return false;
            }
        }
        switch (f->kind) {
        case VMS_SCALAR:
            for (unsigned i = 0; i < num; i++) {
                if (!take_le(r, &v, f->size, f->name, errp)) {
                    return false;
                }
                set_elem(p + i * f->size, f->size, v);
            }
            break;
        case VMS_BUFFER:
            if (!take(r, p, f->size, f->name, errp)) {
                return false;
            }
            break;
        case VMS_STRUCT:
            for (unsigned i = 0; i < num; i++) {
                if (!load_fields(r, f->vmsd, p + i * f->size, version_id,
                                 errp)) {
                    return false;
                }
                if (f->vmsd->post_load &&
                    f->vmsd->post_load(p + i * f->size, version_id) < 0) {
                    error_setg(errp, "%s: field '%s' rejected its state",
                               r->what, f->name);
                    return false;
                }
            }
            break;
        case VMS_TIMER:
        case VMS_TIMER_PTR: {
            QEMUTimer *t = f->kind == VMS_TIMER ? (QEMUTimer *)p
                                                : *(QEMUTimer **)p;
            if (!take_le(r, &v, 8, f->name, errp)) {
                return false;
            }
            if (t) {
                if ((int64_t)v == -1) {
                    timer_del(t);
                } else {
                    timer_mod_ns(t, (int64_t)v);
                }
            }
            break;
        }
        case VMS_CUSTOM: {
            GError *err = NULL;

            if (!take_le(r, &v, 4, f->name, errp) ||
                !take(r, NULL, v, f->name, errp)) {
                return false;
            }
            if (!f->info->get(r->p - v, v, p, opaque, &err)) {
                error_setg(errp, "%s: field '%s': %s", r->what, f->name,
                           err->message);
                g_error_free(err);
                return false;
            }
            break;
        }
        }
    }
    return true;
}

bool vmstate_load(const uint8_t *buf, size_t len,
                  const VMStateDescription *vmsd, void *opaque,
                  int version_id, GError **errp)
{
    Reader r = { buf, buf + len, vmsd->name };

    if (version_id > vmsd->version_id) {
        error_setg(errp, "%s: state version %d is newer than %d",
                   vmsd->name, version_id, vmsd->version_id);
        return false;
    }
    if (!load_fields(&r, vmsd, opaque, version_id, errp)) {
        return false;
    }
    if (r.p != r.end) {
        error_setg(errp, "%s: %zu bytes of state left over",
                   vmsd->name, (size_t)(r.end - r.p));
        return false;
    }
    if (vmsd->post_load && vmsd->post_load(opaque, version_id) < 0) {
        error_setg(errp, "%s: the device rejected its state", vmsd->name);
        return false;
    }
    return true;
}
