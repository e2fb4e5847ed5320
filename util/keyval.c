/*
 * keyval.c - parser for "type,prop=val,flag" option strings, and the
 * number/size/boolean parsers the command line shares. See util/keyval.h.
 *
 * A KeyValList is a small ordered array: option strings have a handful of
 * items, so linear lookup is simpler and faster than a hash table, and it
 * keeps the user's order for messages.
 */
#include "util/osdep.h"
#include "util/keyval.h"
#include "util/error.h"

typedef struct KeyVal {
    char *key;
    char *value;
} KeyVal;

struct KeyValList {
    GArray *items;      /* of KeyVal */
    bool help;
};

KeyValList *keyval_new(void)
{
    KeyValList *kv = g_new0(KeyValList, 1);

    kv->items = g_array_new(FALSE, TRUE, sizeof(KeyVal));
    return kv;
}

void keyval_free(KeyValList *kv)
{
    if (!kv) {
        return;
    }
    for (guint i = 0; i < kv->items->len; i++) {
        KeyVal *e = &g_array_index(kv->items, KeyVal, i);
        g_free(e->key);
        g_free(e->value);
    }
    g_array_free(kv->items, TRUE);
    g_free(kv);
}

KeyValList *keyval_copy(const KeyValList *kv)
{
    KeyValList *c = keyval_new();

    keyval_merge(c, kv);
    return c;
}

static KeyVal *keyval_find(const KeyValList *kv, const char *key)
{
    for (guint i = 0; i < kv->items->len; i++) {
        KeyVal *e = &g_array_index(kv->items, KeyVal, i);
        if (!strcmp(e->key, key)) {
            return e;
        }
    }
    return NULL;
}

void keyval_set(KeyValList *kv, const char *key, const char *value)
{
    KeyVal *e = keyval_find(kv, key);

    if (e) {
        g_free(e->value);
        e->value = g_strdup(value);
        return;
    }
    KeyVal n = { g_strdup(key), g_strdup(value) };
    g_array_append_val(kv->items, n);
}

bool keyval_remove(KeyValList *kv, const char *key)
{
    for (guint i = 0; i < kv->items->len; i++) {
        KeyVal *e = &g_array_index(kv->items, KeyVal, i);
        if (!strcmp(e->key, key)) {
            g_free(e->key);
            g_free(e->value);
            g_array_remove_index(kv->items, i);
            return true;
        }
    }
    return false;
}

/*
 * Copy one item from @p up to the next single ',' (or end) into a new
 * string, turning ",," into ','. *end is set to the separator or the NUL.
 */
static char *take_item(const char *p, const char **end)
{
    GString *s = g_string_new(NULL);

    while (*p) {
        if (*p == ',') {
            if (p[1] == ',') {
                g_string_append_c(s, ',');
                p += 2;
                continue;
            }
            break;
        }
        g_string_append_c(s, *p++);
    }
    *end = p;
    return g_string_free(s, FALSE);
}

KeyValList *keyval_parse(const char *str, const char *implied_key,
                         GError **errp)
{
    KeyValList *kv = keyval_new();
    const char *p = str;
    bool first = true;

    if (!*p) {
        return kv;
    }
    for (;;) {
        const char *end;
        char *item = take_item(p, &end);
        char *eq = NULL;

        /*
         * Find the first '=' of the raw item. An escaped comma cannot be an
         * '=', so searching the unescaped copy gives the same answer.
         */
        eq = strchr(item, '=');
        if (eq) {
            *eq = '\0';
            if (!*item) {
                error_setg(errp, "'%s': expected key=value, found '=%s'",
                           str, eq + 1);
                g_free(item);
                keyval_free(kv);
                return NULL;
            }
            keyval_set(kv, item, eq + 1);
        } else if (!strcmp(item, "help") || !strcmp(item, "?")) {
            kv->help = true;
        } else if (!*item) {
            /* "a,,"-style trailing or doubled separators: tolerate empty items
             * except a fully empty implied value. */
            if (first && implied_key && *end) {
                error_setg(errp, "'%s': empty item", str);
                g_free(item);
                keyval_free(kv);
                return NULL;
            }
        } else if (first && implied_key) {
            keyval_set(kv, implied_key, item);
        } else {
            keyval_set(kv, item, "on");
        }
        g_free(item);
        first = false;
        if (!*end) {
            break;
        }
        p = end + 1;
    }
    return kv;
}

bool keyval_is_help(const KeyValList *kv)
{
    return kv->help;
}

const char *keyval_get(const KeyValList *kv, const char *key)
{
    KeyVal *e = keyval_find(kv, key);

    return e ? e->value : NULL;
}

bool keyval_has(const KeyValList *kv, const char *key)
{
    return keyval_find(kv, key) != NULL;
}

bool parse_bool(const char *s, bool *out)
{
    if (!strcmp(s, "on") || !strcmp(s, "yes") || !strcmp(s, "true")) {
        *out = true;
        return true;
    }
    if (!strcmp(s, "off") || !strcmp(s, "no") || !strcmp(s, "false")) {
        *out = false;
        return true;
    }
    return false;
}

bool keyval_get_bool(const KeyValList *kv, const char *key, bool def,
                     bool *out, GError **errp)
{
    const char *v = keyval_get(kv, key);

    if (!v) {
        *out = def;
        return true;
    }
    if (!parse_bool(v, out)) {
        error_setg(errp, "property '%s': '%s' is not a boolean "
                   "(use on/off)", key, v);
        return false;
    }
    return true;
}

bool parse_uint64(const char *s, uint64_t *out, GError **errp)
{
    char *end;
    unsigned long long v;

    /* strtoull accepts leading blanks and a '-' sign; we do not. */
    if (!*s || !g_ascii_isdigit(*s)) {
        error_setg(errp, "'%s' is not a number", s);
        return false;
    }
    errno = 0;
    v = strtoull(s, &end, 0);
    if (errno == ERANGE) {
        error_setg(errp, "'%s' is too large (more than 64 bits)", s);
        return false;
    }
    if (*end) {
        error_setg(errp, "'%s' is not a number", s);
        return false;
    }
    *out = v;
    return true;
}

bool keyval_get_u64(const KeyValList *kv, const char *key, uint64_t def,
                    uint64_t *out, GError **errp)
{
    const char *v = keyval_get(kv, key);

    if (!v) {
        *out = def;
        return true;
    }
    if (!parse_uint64(v, out, errp)) {
        g_prefix_error(errp, "property '%s': ", key);
        return false;
    }
    return true;
}

bool keyval_get_size(const KeyValList *kv, const char *key, uint64_t def,
                     uint64_t *out, GError **errp)
{
    const char *v = keyval_get(kv, key);

    if (!v) {
        *out = def;
        return true;
    }
    if (!parse_size(v, out, errp)) {
        g_prefix_error(errp, "property '%s': ", key);
        return false;
    }
    return true;
}

guint keyval_count(const KeyValList *kv)
{
    return kv->items->len;
}

const char *keyval_key(const KeyValList *kv, guint i)
{
    g_assert(i < kv->items->len);
    return g_array_index(kv->items, KeyVal, i).key;
}

const char *keyval_value(const KeyValList *kv, guint i)
{
    g_assert(i < kv->items->len);
    return g_array_index(kv->items, KeyVal, i).value;
}

bool keyval_check_known(const KeyValList *kv, const char *const *known,
                        const char *what, GError **errp)
{
    for (guint i = 0; i < kv->items->len; i++) {
        const char *key = keyval_key(kv, i);
        bool ok = false;

        for (const char *const *k = known; k && *k; k++) {
            if (!strcmp(*k, key)) {
                ok = true;
                break;
            }
        }
        if (!ok) {
            error_setg(errp, "%s: unknown property '%s'", what, key);
            return false;
        }
    }
    return true;
}

void keyval_merge(KeyValList *dst, const KeyValList *src)
{
    for (guint i = 0; i < src->items->len; i++) {
        keyval_set(dst, keyval_key(src, i), keyval_value(src, i));
    }
    dst->help |= src->help;
}

static void append_escaped(GString *s, const char *str)
{
    for (; *str; str++) {
        if (*str == ',') {
            g_string_append_c(s, ',');
        }
        g_string_append_c(s, *str);
    }
}

char *keyval_to_string(const KeyValList *kv)
{
    GString *s = g_string_new(NULL);

    for (guint i = 0; i < kv->items->len; i++) {
        if (i) {
            g_string_append_c(s, ',');
        }
        append_escaped(s, keyval_key(kv, i));
        g_string_append_c(s, '=');
        append_escaped(s, keyval_value(kv, i));
    }
    if (kv->help) {
        g_string_append(s, kv->items->len ? ",help" : "help");
    }
    return g_string_free(s, FALSE);
}

static int size_suffix_shift(char c)
{
    switch (c) {
    case 'b': case 'B': return 0;
    case 'k': case 'K': return 10;
    case 'm': case 'M': return 20;
    case 'g': case 'G': return 30;
    case 't': case 'T': return 40;
    case 'p': case 'P': return 50;
    case 'e': case 'E': return 60;
    default: return -1;
    }
}

bool parse_size_unit(const char *s, uint64_t default_unit, uint64_t *out,
                     GError **errp)
{
    const char *p = s;
    uint64_t whole = 0, frac_num = 0, frac_den = 1;
    bool any = false;
    int shift;
    uint64_t unit;

    if (!g_ascii_isdigit(*p)) {
        error_setg(errp, "invalid size '%s'", s);
        return false;
    }
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        p += 2;
        while (g_ascii_isxdigit(*p)) {
            if (whole >> 60) {
                goto overflow;
            }
            whole = whole * 16 + g_ascii_xdigit_value(*p++);
            any = true;
        }
    } else {
        while (g_ascii_isdigit(*p)) {
            unsigned d = *p++ - '0';
            if (whole > (UINT64_MAX - d) / 10) {
                goto overflow;
            }
            whole = whole * 10 + d;
            any = true;
        }
        if (*p == '.') {
            p++;
            /* Keep up to 9 fractional digits; more cannot matter below 1 EiB. */
            while (g_ascii_isdigit(*p)) {
                if (frac_den < 1000000000ULL) {
                    frac_num = frac_num * 10 + (*p - '0');
                    frac_den *= 10;
                }
                p++;
            }
        }
    }
    if (!any) {
        error_setg(errp, "invalid size '%s'", s);
        return false;
    }
    if (!*p) {
        unit = default_unit;
        if (frac_num) {
            error_setg(errp, "invalid size '%s': a fraction needs a unit suffix",
                       s);
            return false;
        }
    } else {
        shift = size_suffix_shift(*p);
        /* With 0x, 'b' and 'e' are digits, so "0x1e" is 30 bytes. */
        if (shift < 0 || p[1]) {
            error_setg(errp, "invalid size '%s'", s);
            return false;
        }
        unit = 1ULL << shift;
    }
    if (whole && whole > UINT64_MAX / unit) {
        goto overflow;
    }
    {
        uint64_t v = whole * unit;
        if (frac_num) {
            /* frac_num/frac_den < 1, and unit <= 2^60, so this cannot overflow
             * 128 bits; do it in 128-bit to keep precision. */
            unsigned __int128 f = (unsigned __int128)frac_num * unit / frac_den;
            if (v + (uint64_t)f < v) {
                goto overflow;
            }
            v += (uint64_t)f;
        }
        *out = v;
    }
    return true;

overflow:
    error_setg(errp, "invalid size '%s': too large (more than 64 bits)", s);
    return false;
}

bool parse_size(const char *s, uint64_t *out, GError **errp)
{
    return parse_size_unit(s, 1, out, errp);
}
