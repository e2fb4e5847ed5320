/*
 * vmstate.h - describing a device's (or a CPU's) migratable state as a
 * table of fields, as QEMU's VMStateDescription does, so that one generic
 * walker saves and loads it (softmmu/vmstate.c) and the migration stream
 * (softmmu/migration.c) carries it.
 *
 *     static const VMStateDescription vmstate_pl031 = {
 *         .name = "pl031",
 *         .version_id = 1,
 *         .post_load = pl031_post_load,
 *         .fields = (const VMStateField[]) {
 *             VMSTATE_UINT32(lr, PL031State),
 *             VMSTATE_TIMER_PTR(timer, PL031State),
 *             VMSTATE_END_OF_LIST()
 *         },
 *     };
 *     ...  dc->vmsd = &vmstate_pl031;
 *
 * The encoding is plumb's own (little-endian, fields in table order), for
 * plumb-to-plumb migration of the same binary and command line; the
 * macros check at compile time that a field's C type has the size the
 * macro says.
 */
#ifndef MIGRATION_VMSTATE_H
#define MIGRATION_VMSTATE_H

#include "util/osdep.h"

typedef struct VMStateDescription VMStateDescription;

typedef enum VMStateFieldKind {
    VMS_SCALAR,     /* num elements of size bytes, integers, LE */
    VMS_BUFFER,     /* size raw bytes */
    VMS_STRUCT,     /* num elements of vmsd, stride size */
    VMS_TIMER,      /* an embedded QEMUTimer: its deadline */
    VMS_TIMER_PTR,  /* a QEMUTimer * field: its timer's deadline */
    VMS_CUSTOM,     /* encoded by info->put / decoded by info->get */
} VMStateFieldKind;

/*
 * State the table cannot describe (a buffer whose size another field
 * decides, a queue, a library's opaque state): the field's bytes are what
 * @put appends, carried with their length so that @get sees exactly them.
 * @field is opaque + the field's offset, @opaque the whole structure.
 */
typedef struct VMStateInfo {
    const char *name;
    void (*put)(GByteArray *out, void *field, void *opaque);
    /* false with @errp set if the bytes do not fit this side's object */
    bool (*get)(const uint8_t *buf, size_t len, void *field, void *opaque,
                GError **errp);
} VMStateInfo;

typedef struct VMStateField {
    const char *name;
    VMStateFieldKind kind;
    size_t offset;
    size_t size;            /* element size (scalar: 1, 2, 4 or 8) */
    unsigned num;           /* element count (fixed arrays) */
    /*
     * Variable arrays: the field at @offset is a pointer to the elements,
     * and their count is the uint32_t at @num_offset (times @num).
     */
    bool pointer;
    size_t num_offset;
    const VMStateDescription *vmsd;     /* VMS_STRUCT */
    const VMStateInfo *info;            /* VMS_CUSTOM */
} VMStateField;

struct VMStateDescription {
    const char *name;
    int version_id;
    int (*pre_save)(void *opaque);
    int (*post_load)(void *opaque, int version_id);
    const VMStateField *fields;         /* ends with VMSTATE_END_OF_LIST() */
    /*
     * The device has state this table does not carry: migration refuses
     * to start (QMP error, the VM keeps running) rather than move it wrong.
     */
    bool unmigratable;
};

/*
 * For a device whose whole state is its configuration (properties, the
 * board's wiring) and what other devices' tables re-create: it migrates
 * by being created again with the same command line. Its section is empty.
 */
extern const VMStateDescription vmstate_no_state_to_migrate;

/* Serialize @opaque per @vmsd, appended to @out. */
void vmstate_save(GByteArray *out, const VMStateDescription *vmsd,
                  void *opaque);
/*
 * Load @len bytes at @buf into @opaque per @vmsd (the same table that
 * saved them): false with @errp set if the sizes do not match.
 */
bool vmstate_load(const uint8_t *buf, size_t len,
                  const VMStateDescription *vmsd, void *opaque,
                  int version_id, GError **errp);

/* ---- field macros (QEMU's names) ---- */

#define vms_sizeof_field(S, f) sizeof(((S *)0)->f)
#define vms_sizeof_elem(S, f) sizeof(((S *)0)->f[0])
/* 0, or a compile error if @cond is false (usable in initializers). */
#define vms_check(cond) (0 * sizeof(char[(cond) ? 1 : -1]))

#define VMSTATE_SCALAR_N(f, S, sz, n) {                                     \
    .name = #f, .kind = VMS_SCALAR, .offset = offsetof(S, f),               \
    .size = (sz), .num = (n),                                               \
}

#define VMSTATE_UINT8(f, S)   VMSTATE_SCALAR_N(f, S, 1 + vms_check(vms_sizeof_field(S, f) == 1), 1)
#define VMSTATE_UINT16(f, S)  VMSTATE_SCALAR_N(f, S, 2 + vms_check(vms_sizeof_field(S, f) == 2), 1)
#define VMSTATE_UINT32(f, S)  VMSTATE_SCALAR_N(f, S, 4 + vms_check(vms_sizeof_field(S, f) == 4), 1)
#define VMSTATE_UINT64(f, S)  VMSTATE_SCALAR_N(f, S, 8 + vms_check(vms_sizeof_field(S, f) == 8), 1)
#define VMSTATE_INT32(f, S)   VMSTATE_UINT32(f, S)
#define VMSTATE_INT64(f, S)   VMSTATE_UINT64(f, S)
#define VMSTATE_BOOL(f, S)    VMSTATE_SCALAR_N(f, S, 1 + vms_check(vms_sizeof_field(S, f) == 1), 1)

#define VMSTATE_ARRAY_N(f, S, esz)                                          \
    VMSTATE_SCALAR_N(f, S, (esz) + vms_check(vms_sizeof_elem(S, f) == (esz)), \
                     vms_sizeof_field(S, f) / (esz))
#define VMSTATE_UINT8_ARRAY(f, S)   VMSTATE_ARRAY_N(f, S, 1)
#define VMSTATE_UINT16_ARRAY(f, S)  VMSTATE_ARRAY_N(f, S, 2)
#define VMSTATE_UINT32_ARRAY(f, S)  VMSTATE_ARRAY_N(f, S, 4)
#define VMSTATE_UINT64_ARRAY(f, S)  VMSTATE_ARRAY_N(f, S, 8)
#define VMSTATE_INT32_ARRAY(f, S)   VMSTATE_ARRAY_N(f, S, 4)
#define VMSTATE_BOOL_ARRAY(f, S)    VMSTATE_ARRAY_N(f, S, 1)

/* A 2-D array (e.g. uint32_t x[4][8]) as a flat run of elements. */
#define VMSTATE_ARRAY2_N(f, S, esz)                                         \
    VMSTATE_SCALAR_N(f, S, (esz) + vms_check(sizeof(((S *)0)->f[0][0]) == (esz)), \
                     vms_sizeof_field(S, f) / (esz))
#define VMSTATE_UINT8_2DARRAY(f, S)  VMSTATE_ARRAY2_N(f, S, 1)
#define VMSTATE_UINT32_2DARRAY(f, S) VMSTATE_ARRAY2_N(f, S, 4)
#define VMSTATE_UINT64_2DARRAY(f, S) VMSTATE_ARRAY2_N(f, S, 8)

/* Raw bytes of any field (a struct of plain data, a byte array). */
#define VMSTATE_BUFFER(f, S) {                                              \
    .name = #f, .kind = VMS_BUFFER, .offset = offsetof(S, f),               \
    .size = vms_sizeof_field(S, f), .num = 1,                               \
}

/* Variable array of scalars: uint*_t *f, count in uint32_t S.n. */
#define VMSTATE_VARRAY_UINT32(f, S, n, esz) {                                \
    .name = #f, .kind = VMS_SCALAR, .offset = offsetof(S, f),               \
    .size = (esz) + vms_check(sizeof(*((S *)0)->f) == (esz)), .num = 1,     \
    .pointer = true,                                                        \
    .num_offset = offsetof(S, n) + vms_check(vms_sizeof_field(S, n) == 4),  \
}

#define VMSTATE_STRUCT(f, S, vmsd_, T) {                                    \
    .name = #f, .kind = VMS_STRUCT, .offset = offsetof(S, f),               \
    .size = sizeof(T) + vms_check(vms_sizeof_field(S, f) == sizeof(T)),     \
    .num = 1, .vmsd = &(vmsd_),                                             \
}

#define VMSTATE_STRUCT_ARRAY(f, S, vmsd_, T) {                              \
    .name = #f, .kind = VMS_STRUCT, .offset = offsetof(S, f),               \
    .size = sizeof(T) + vms_check(vms_sizeof_elem(S, f) == sizeof(T)),      \
    .num = vms_sizeof_field(S, f) / sizeof(T), .vmsd = &(vmsd_),            \
}

/* T *f, count in uint32_t S.n, times @mult. */
#define VMSTATE_STRUCT_VARRAY_POINTER_UINT32(f, S, n, mult, vmsd_, T) {     \
    .name = #f, .kind = VMS_STRUCT, .offset = offsetof(S, f),               \
    .size = sizeof(T) + vms_check(sizeof(*((S *)0)->f) == sizeof(T)),       \
    .num = (mult), .pointer = true,                                         \
    .num_offset = offsetof(S, n) + vms_check(vms_sizeof_field(S, n) == 4),  \
    .vmsd = &(vmsd_),                                                       \
}

#define VMSTATE_TIMER(f, S) {                                               \
    .name = #f, .kind = VMS_TIMER, .offset = offsetof(S, f),                \
    .size = sizeof(QEMUTimer) + vms_check(vms_sizeof_field(S, f) == sizeof(QEMUTimer)), \
    .num = 1,                                                               \
}

#define VMSTATE_TIMER_PTR(f, S) {                                           \
    .name = #f, .kind = VMS_TIMER_PTR, .offset = offsetof(S, f),            \
    .size = sizeof(QEMUTimer *) + vms_check(vms_sizeof_field(S, f) == sizeof(QEMUTimer *)), \
    .num = 1,                                                               \
}

/* Custom encoding of field @f (see VMStateInfo). */
#define VMSTATE_WITH_INFO(f, S, info_) {                                    \
    .name = #f, .kind = VMS_CUSTOM, .offset = offsetof(S, f),               \
    .size = vms_sizeof_field(S, f), .num = 1, .info = &(info_),             \
}

/* Custom encoding of state spread over the structure (field = opaque). */
#define VMSTATE_CUSTOM(name_, info_) {                                      \
    .name = (name_), .kind = VMS_CUSTOM, .offset = 0, .num = 1,             \
    .info = &(info_),                                                       \
}

#define VMSTATE_END_OF_LIST() { .name = NULL }

#endif
