/*
 * keyval.h - the "type,prop=val,flag" option strings of the command line.
 *
 * Every option that takes properties (-machine, -device, -cpu, -accel,
 * -chardev, -mon, -qtest, -global ...) goes through one parser so that the
 * syntax and its error messages are the same everywhere:
 *
 *     KeyValList *kv = keyval_parse("socket,id=mon,path=/tmp/q,,x,server=on",
 *                                   "backend", &err);
 *     keyval_get(kv, "backend")  -> "socket"
 *     keyval_get(kv, "path")     -> "/tmp/q,x"      (",," is a literal comma)
 *     keyval_get_bool(kv, "server", false, &b, &err)
 *
 * Rules:
 *  - items are separated by ','; ",," inside a key or value is a literal ','.
 *  - the first item, when it has no '=', is the value of @implied_key
 *    (when @implied_key is NULL it is treated like any later bare word).
 *  - a later bare word "flag" means flag=on ("+flag"/"-flag" stay keys as
 *    written, so -cpu can give them their meaning).
 *  - a bare "help" or "?" anywhere sets the help flag (keyval_is_help()); it is
 *    not stored as a key.
 *  - repeating a key keeps its first position and the last value.
 *
 * Not for: "-serial unix:PATH"-style shorthand specs; those are chardev syntax.
 */
#ifndef UTIL_KEYVAL_H
#define UTIL_KEYVAL_H

#include "util/osdep.h"

typedef struct KeyValList KeyValList;

/* An empty list (for building one by hand, e.g. a -machine merge target). */
KeyValList *keyval_new(void);

/*
 * Parse @str. Returns NULL with *errp set on a malformed string (empty key,
 * key without a value like "a=b,=c").
 */
KeyValList *keyval_parse(const char *str, const char *implied_key,
                         GError **errp);

void keyval_free(KeyValList *kv);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(KeyValList, keyval_free)

/* A deep copy. */
KeyValList *keyval_copy(const KeyValList *kv);

/* True when "help" or "?" appeared as a bare word. */
bool keyval_is_help(const KeyValList *kv);

/* The value of @key, or NULL when it is absent. */
const char *keyval_get(const KeyValList *kv, const char *key);
bool keyval_has(const KeyValList *kv, const char *key);

/* Set (replace or append) @key to @value. */
void keyval_set(KeyValList *kv, const char *key, const char *value);
/* Remove @key; returns whether it was there. */
bool keyval_remove(KeyValList *kv, const char *key);

/*
 * Typed getters. When @key is absent, *out = @def and true is returned.
 * A malformed value fails with an error naming the key and the value.
 * Booleans: on/off, yes/no, true/false (QEMU's spellings).
 * Sizes: parse_size() syntax (suffixes k/M/G/T/P/E, binary multiples).
 */
bool keyval_get_bool(const KeyValList *kv, const char *key, bool def,
                     bool *out, GError **errp);
bool keyval_get_u64(const KeyValList *kv, const char *key, uint64_t def,
                    uint64_t *out, GError **errp);
bool keyval_get_size(const KeyValList *kv, const char *key, uint64_t def,
                     uint64_t *out, GError **errp);

/* Iteration in the order keys first appeared. */
guint keyval_count(const KeyValList *kv);
const char *keyval_key(const KeyValList *kv, guint i);
const char *keyval_value(const KeyValList *kv, guint i);

/*
 * Fail if @kv holds a key not in the NULL-terminated @known list.
 * The message names @what and the first unknown key:
 *     "-accel tcg: unknown property 'foo'"   (with what = "-accel tcg")
 */
bool keyval_check_known(const KeyValList *kv, const char *const *known,
                        const char *what, GError **errp);

/*
 * Merge @src into @dst: keys of @src replace those in @dst (repeated
 * -machine options: "-machine virt -machine gic-version=3").
 * The help flag is or-ed.
 */
void keyval_merge(KeyValList *dst, const KeyValList *src);

/* "a=b,c=d" with ',' re-escaped; for messages and debugging. g_free() it. */
char *keyval_to_string(const KeyValList *kv);

/*
 * Parse a boolean spelling (on/off/yes/no/true/false). Returns false if
 * @s is none of them.
 */
bool parse_bool(const char *s, bool *out);

/*
 * Parse an unsigned number: decimal, 0x hex or 0 octal, nothing trailing.
 * Fails (with a message naming @s) on garbage and on overflow.
 */
bool parse_uint64(const char *s, uint64_t *out, GError **errp);

/*
 * Parse a size: a number (decimal, or 0x hex) with an optional suffix
 * b/k/K/m/M/g/G/t/T/p/P/e/E (powers of 1024; "b" is bytes). Decimal
 * numbers may have a fraction with a suffix ("1.5G"). Overflow of 64 bits,
 * a negative number, garbage or an unknown suffix fail.
 */
bool parse_size(const char *s, uint64_t *out, GError **errp);

/*
 * Parse a size where a plain number means @default_unit bytes (so -m 256
 * means 256 MiB while -m 256k means 256 KiB).
 */
bool parse_size_unit(const char *s, uint64_t default_unit, uint64_t *out,
                     GError **errp);

#endif
