/* The parameter set of one API request: form decoding, limits, duplicates, lookups, maps. */
#include "api_params.h"

#include <ctype.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cs_banned.h"

struct param {
    char *name;  /* as sent; name, lname and value share one allocation */
    char *lname; /* lowercased */
    char *value;
    uint32_t hash; /* of lname */
};

struct cs_api_params {
    struct param *v;
    size_t n, cap;
    size_t total;  /* bytes of names and values, for CS_API_PARAMS_TOTAL_MAX */
    uint32_t *idx; /* open addressing over lname hashes: slot holds i + 1, 0 = empty */
    size_t idx_cap; /* power of two, > 2 * n */
};

/* FNV-1a over the lowercased bytes. */
static uint32_t hash_lower(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)tolower((unsigned char)s[i]);
        h *= 16777619u;
    }
    return h;
}

struct cs_api_params *cs_api_params_new(void)
{
    return calloc(1, sizeof(struct cs_api_params));
}

void cs_api_params_free(struct cs_api_params *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i].name);
    free(p->v);
    free(p->idx);
    free(p);
}

size_t cs_api_params_count(const struct cs_api_params *p)
{
    return p ? p->n : 0;
}

const char *cs_api_params_lname(const struct cs_api_params *p, size_t i)
{
    return p && i < p->n ? p->v[i].lname : NULL;
}

const char *cs_api_params_name(const struct cs_api_params *p, size_t i)
{
    return p && i < p->n ? p->v[i].name : NULL;
}

const char *cs_api_params_value(const struct cs_api_params *p, size_t i)
{
    return p && i < p->n ? p->v[i].value : NULL;
}

/* Index of the parameter whose lowercased name equals s[0..n) case-insensitively, or -1. */
static long find(const struct cs_api_params *p, const char *s, size_t n, uint32_t h)
{
    if (!p || !p->idx_cap)
        return -1;
    size_t mask = p->idx_cap - 1;
    for (size_t slot = h & mask;; slot = (slot + 1) & mask) {
        uint32_t e = p->idx[slot];
        if (!e)
            return -1;
        const struct param *q = &p->v[e - 1];
        if (q->hash == h && strncasecmp(q->lname, s, n) == 0 && q->lname[n] == '\0')
            return (long)(e - 1);
    }
}

static void index_put(uint32_t *idx, size_t cap, uint32_t h, uint32_t entry)
{
    size_t mask = cap - 1;
    size_t slot = h & mask;
    while (idx[slot])
        slot = (slot + 1) & mask;
    idx[slot] = entry;
}

static int grow(struct cs_api_params *p, struct cs_err *err)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        struct param *v = realloc(p->v, cap * sizeof(*v));
        if (!v)
            return cs_err_set(err, CS_ERR_NOMEM, "out of memory");
        p->v = v;
        p->cap = cap;
    }
    if (2 * (p->n + 1) >= p->idx_cap) {
        size_t cap = p->idx_cap ? p->idx_cap * 2 : 64;
        uint32_t *idx = calloc(cap, sizeof(*idx));
        if (!idx)
            return cs_err_set(err, CS_ERR_NOMEM, "out of memory");
        for (size_t i = 0; i < p->n; i++)
            index_put(idx, cap, p->v[i].hash, (uint32_t)(i + 1));
        free(p->idx);
        p->idx = idx;
        p->idx_cap = cap;
    }
    return 0;
}

/* Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF. */
static bool utf8_valid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        uint32_t cp, min;
        if ((c & 0xe0) == 0xc0) {
            len = 2, cp = c & 0x1f, min = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
            len = 3, cp = c & 0x0f, min = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
            len = 4, cp = c & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if (i + len > n)
            return false;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        i += len;
    }
    return true;
}

/* Copies at most n bytes of a name into a short quoted form for messages. */
static void name_for_msg(char *out, size_t outn, const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < outn && i < 64; i++)
        out[k++] = isprint((unsigned char)s[i]) ? s[i] : '?';
    out[k] = '\0';
}

int cs_api_params_addn(struct cs_api_params *p, const char *name, size_t name_len,
                       const char *value, size_t value_len, struct cs_err *err)
{
    char shown[72];
    if (name_len == 0)
        return 0;
    if (name_len > CS_API_PARAMS_NAME_MAX)
        return cs_err_set(err, CS_ERR_PARAM, "parameter name too long");
    name_for_msg(shown, sizeof(shown), name, name_len);
    if (memchr(name, '\0', name_len) || memchr(value, '\0', value_len))
        return cs_err_set(err, CS_ERR_PARAM, "parameter '%s' contains a NUL character", shown);
    if (!utf8_valid((const unsigned char *)name, name_len) ||
        !utf8_valid((const unsigned char *)value, value_len))
        return cs_err_set(err, CS_ERR_PARAM, "parameter '%s' is not valid UTF-8", shown);
    if (value_len > CS_API_PARAMS_VALUE_MAX)
        return cs_err_set(err, CS_ERR_PARAM, "value of parameter '%s' is too long", shown);
    uint32_t h = hash_lower(name, name_len);
    long at = find(p, name, name_len, h);
    if (at >= 0) {
        const struct param *q = &p->v[at];
        if (strncmp(q->name, name, name_len) == 0 && q->name[name_len] == '\0' &&
            strlen(q->value) == value_len && memcmp(q->value, value, value_len) == 0)
            return 0;
        return cs_err_set(err, CS_ERR_PARAM, "duplicate parameter '%s'", shown);
    }
    if (p->n >= CS_API_PARAMS_MAX)
        return cs_err_set(err, CS_ERR_PARAM, "too many parameters (at most %d)",
                          CS_API_PARAMS_MAX);
    if (p->total + name_len + value_len > CS_API_PARAMS_TOTAL_MAX)
        return cs_err_set(err, CS_ERR_PARAM, "request parameters too large");
    if (grow(p, err) < 0)
        return -CS_ERR_NOMEM;
    char *mem = malloc(2 * (name_len + 1) + value_len + 1);
    if (!mem)
        return cs_err_set(err, CS_ERR_NOMEM, "out of memory");
    struct param *q = &p->v[p->n];
    q->name = mem;
    memcpy(q->name, name, name_len);
    q->name[name_len] = '\0';
    q->lname = mem + name_len + 1;
    for (size_t i = 0; i < name_len; i++)
        q->lname[i] = (char)tolower((unsigned char)name[i]);
    q->lname[name_len] = '\0';
    q->value = q->lname + name_len + 1;
    memcpy(q->value, value, value_len);
    q->value[value_len] = '\0';
    q->hash = h;
    index_put(p->idx, p->idx_cap, h, (uint32_t)(p->n + 1));
    p->n++;
    p->total += name_len + value_len;
    return 0;
}

int cs_api_params_add(struct cs_api_params *p, const char *name, const char *value,
                      struct cs_err *err)
{
    if (!value)
        value = "";
    return cs_api_params_addn(p, name, strlen(name), value, strlen(value), err);
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes s[0..n) into out ('+' is a space); returns the decoded length or -1 on a bad escape. */
static long form_decode(const char *s, size_t n, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '+') {
            out[k++] = ' ';
        } else if (c == '%') {
            int hi = i + 1 < n ? hexval((unsigned char)s[i + 1]) : -1;
            int lo = i + 2 < n ? hexval((unsigned char)s[i + 2]) : -1;
            if (hi < 0 || lo < 0)
                return -1;
            out[k++] = (char)(hi << 4 | lo);
            i += 2;
        } else {
            out[k++] = c;
        }
    }
    return (long)k;
}

int cs_api_params_parse(struct cs_api_params *p, const char *text, size_t len,
                        struct cs_err *err)
{
    if (!text || !len)
        return 0;
    if (len > CS_API_PARAMS_TOTAL_MAX + CS_API_PARAMS_TOTAL_MAX / 2)
        return cs_err_set(err, CS_ERR_PARAM, "request parameters too large");
    char *buf = malloc(len + 1);
    if (!buf)
        return cs_err_set(err, CS_ERR_NOMEM, "out of memory");
    int rc = 0;
    size_t i = 0;
    while (i < len && rc == 0) {
        const char *seg = text + i;
        const char *amp = memchr(seg, '&', len - i);
        size_t seglen = amp ? (size_t)(amp - seg) : len - i;
        i += seglen + 1;
        if (seglen == 0)
            continue;
        const char *eq = memchr(seg, '=', seglen);
        size_t nlen = eq ? (size_t)(eq - seg) : seglen;
        const char *val = eq ? eq + 1 : seg + seglen;
        size_t vlen = eq ? seglen - nlen - 1 : 0;
        long dn = form_decode(seg, nlen, buf);
        long dv = dn < 0 ? -1 : form_decode(val, vlen, buf + dn);
        if (dn < 0 || dv < 0) {
            char shown[72];
            name_for_msg(shown, sizeof(shown), seg, nlen);
            rc = cs_err_set(err, CS_ERR_PARAM, "invalid percent-encoding in parameter '%s'",
                            shown);
            break;
        }
        rc = cs_api_params_addn(p, buf, (size_t)dn, buf + dn, (size_t)dv, err);
    }
    free(buf);
    return rc;
}

const char *cs_api_params_get(const struct cs_api_params *p, const char *lname)
{
    if (!p || !lname)
        return NULL;
    size_t n = strlen(lname);
    long at = find(p, lname, n, hash_lower(lname, n));
    return at >= 0 ? p->v[at].value : NULL;
}

const char *cs_api_params_raw(const struct cs_api_params *p, const char *name)
{
    if (!p || !name)
        return NULL;
    size_t n = strlen(name);
    long at = find(p, name, n, hash_lower(name, n));
    return at >= 0 && strcmp(p->v[at].name, name) == 0 ? p->v[at].value : NULL;
}

int cs_api_params_check_ctl(const struct cs_api_params *p, const char *const *exempt,
                            struct cs_err *err)
{
    for (size_t i = 0; p && i < p->n; i++) {
        bool skip = false;
        for (const char *const *e = exempt; e && *e && !skip; e++)
            skip = strcmp(*e, p->v[i].lname) == 0;
        if (skip)
            continue;
        /* CloudStack's pattern: every C0 control except LF and CR (PEM keys and certificates
         * arrive with line breaks), and DEL. */
        for (const unsigned char *s = (const unsigned char *)p->v[i].value; *s; s++) {
            if ((*s < 0x20 && *s != '\n' && *s != '\r') || *s == 0x7f) {
                char shown[72];
                name_for_msg(shown, sizeof(shown), p->v[i].name, strlen(p->v[i].name));
                return cs_err_set(err, CS_ERR_PARAM,
                                  "Received value containing illegal ASCII non-printable "
                                  "characters for parameter %s",
                                  shown);
            }
        }
    }
    return 0;
}

struct cs_api_params *cs_api_params_from_json(const char *json, struct cs_err *err)
{
    json_error_t jerr;
    json_t *root = json_loads(json ? json : "", 0, &jerr);
    if (!root || !json_is_object(root)) {
        json_decref(root);
        cs_err_set(err, CS_ERR_PARAM, "stored parameters are not a JSON object");
        return NULL;
    }
    struct cs_api_params *p = cs_api_params_new();
    if (!p) {
        json_decref(root);
        cs_err_set(err, CS_ERR_NOMEM, "out of memory");
        return NULL;
    }
    const char *k;
    json_t *v;
    json_object_foreach(root, k, v) {
        if (!json_is_string(v)) {
            cs_err_set(err, CS_ERR_PARAM, "stored parameter '%s' is not a string", k);
            goto fail;
        }
        if (cs_api_params_addn(p, k, strlen(k), json_string_value(v), json_string_length(v),
                               err) < 0)
            goto fail;
    }
    json_decref(root);
    return p;
fail:
    json_decref(root);
    cs_api_params_free(p);
    return NULL;
}

char *cs_api_params_to_json(const struct cs_api_params *p)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    for (size_t i = 0; p && i < p->n; i++) {
        if (json_object_set_new(o, p->v[i].name, json_string(p->v[i].value)) < 0) {
            json_decref(o);
            return NULL;
        }
    }
    char *s = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    return s;
}

/* ---- map parameters ---- */

static int malformed(struct cs_err *err, const char *name)
{
    char shown[72];
    name_for_msg(shown, sizeof(shown), name, strlen(name));
    return cs_err_set(err, CS_ERR_MALFORMED,
                      "Unable to decode parameter %s; if specifying an object array, please use "
                      "parameter[index].field=XXX, e.g. userGroupList[0].group=httpGroup",
                      shown);
}

/* Splits a bracketed name into index and field, with CloudStack's ParamUnpackWorker rules:
 * exactly one '[' (not first), exactly one ']' after it, a '.' after the ']', an int index. */
static int split_map_name(const char *name, long *ret_index, const char **ret_field,
                          struct cs_err *err)
{
    const char *open = strchr(name, '[');
    if (!open || open == name || strrchr(name, '[') != open)
        return malformed(err, name);
    const char *close = strchr(open, ']');
    if (!close || strrchr(name, ']') != close || strchr(name, ']') != close)
        return malformed(err, name);
    const char *dot = strchr(name, '.');
    if (!dot || dot != close + 1 || !dot[1])
        return malformed(err, name);
    const char *d = open + 1;
    const char *q = d;
    if (*q == '-' || *q == '+')
        q++;
    if (q == close || close - q > 10)
        return malformed(err, name);
    long long idx = 0;
    for (; q < close; q++) {
        if (!isdigit((unsigned char)*q))
            return malformed(err, name);
        idx = idx * 10 + (*q - '0');
    }
    if (idx > 2147483647LL + (*d == '-'))
        return malformed(err, name);
    *ret_index = (long)(*d == '-' ? -idx : idx);
    *ret_field = dot + 1;
    return 0;
}

static int cmp_entry(const void *a, const void *b)
{
    const struct cs_api_map_entry *x = a, *y = b;
    return x->index < y->index ? -1 : x->index > y->index;
}

int cs_api_params_check_maps(const struct cs_api_params *p, struct cs_err *err)
{
    for (size_t i = 0; p && i < p->n; i++) {
        if (!strchr(p->v[i].name, '['))
            continue;
        long idx;
        const char *field;
        if (split_map_name(p->v[i].name, &idx, &field, err) < 0)
            return -CS_ERR_MALFORMED;
    }
    return 0;
}

int cs_api_params_map(const struct cs_api_params *p, const char *lname,
                      struct cs_api_map *ret_map, struct cs_err *err)
{
    size_t ln = strlen(lname);
    struct cs_api_map m = {0, NULL};
    size_t cap = 0;
    int rc = 0;
    for (size_t i = 0; p && i < p->n; i++) {
        const struct param *q = &p->v[i];
        if (strncasecmp(q->lname, lname, ln) != 0 || q->lname[ln] != '[')
            continue;
        long idx;
        const char *field;
        rc = split_map_name(q->name, &idx, &field, err);
        if (rc < 0)
            goto fail;
        struct cs_api_map_entry *e = NULL;
        for (size_t k = 0; k < m.n && !e; k++)
            if (m.entries[k].index == idx)
                e = &m.entries[k];
        if (!e) {
            if (m.n == cap) {
                size_t ncap = cap ? cap * 2 : 8;
                struct cs_api_map_entry *ne = realloc(m.entries, ncap * sizeof(*ne));
                if (!ne)
                    goto nomem;
                m.entries = ne;
                cap = ncap;
            }
            e = &m.entries[m.n++];
            *e = (struct cs_api_map_entry){idx, 0, NULL};
        }
        struct cs_api_map_field *nf = realloc(e->fields, (e->n + 1) * sizeof(*nf));
        if (!nf)
            goto nomem;
        e->fields = nf;
        e->fields[e->n++] = (struct cs_api_map_field){field, q->value};
    }
    if (m.n)
        qsort(m.entries, m.n, sizeof(*m.entries), cmp_entry);
    *ret_map = m;
    return 0;
nomem:
    rc = cs_err_set(err, CS_ERR_NOMEM, "out of memory");
fail:
    cs_api_map_release(&m);
    return rc;
}

const char *cs_api_map_entry_get(const struct cs_api_map_entry *e, const char *field)
{
    for (size_t i = 0; e && i < e->n; i++)
        if (strcasecmp(e->fields[i].field, field) == 0)
            return e->fields[i].value;
    return NULL;
}

void cs_api_map_release(struct cs_api_map *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++)
        free(m->entries[i].fields);
    free(m->entries);
    m->entries = NULL;
    m->n = 0;
}
