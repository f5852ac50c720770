/* Rendering one jansson response tree as CloudStack JSON or XML (ApiResponseSerializer). */
#include "api_render.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util_buf.h"
#include "cs_banned.h"

enum cs_api_format cs_api_format_parse(const char *s)
{
    /* HttpUtils.RESPONSE_TYPE_JSON.equalsIgnoreCase(responseType); everything else is XML. */
    return s && strcasecmp(s, "json") == 0 ? CS_API_JSON : CS_API_XML;
}

json_t *cs_api_error_body(int errorcode, int cserrorcode, const char *text)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    json_object_set_new(o, "uuidList", json_array());
    json_object_set_new(o, "errorcode", json_integer(errorcode));
    if (cserrorcode)
        json_object_set_new(o, "cserrorcode", json_integer(cserrorcode));
    json_t *t = json_string(text ? text : "");
    if (!t) /* not UTF-8: keep the error readable rather than dropping it */
        t = json_string("error");
    json_object_set_new(o, "errortext", t);
    return o;
}

/* Integers without snprintf: the hot path of large list pages. */
static void add_int(struct cs_buf *b, json_int_t v)
{
    char tmp[24];
    int i = sizeof(tmp);
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        tmp[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        tmp[--i] = '-';
    cs_util_buf_add(b, tmp + i, sizeof(tmp) - (size_t)i);
}

/* Reals as jansson prints them with JSON_REAL_PRECISION(15): %.15g, ".0" added when integral. */
static void add_real(struct cs_buf *b, double d)
{
    char num[64];
    int n = snprintf(num, sizeof(num), "%.15g", d);
    if (n > 0 && (size_t)n < sizeof(num) - 2 && !strpbrk(num, ".eEn"))
        snprintf(num + n, sizeof(num) - (size_t)n, ".0");
    cs_util_buf_adds(b, num);
}

/* A JSON string literal: '"', '\\' and C0 controls escaped; UTF-8 passes through raw, as
 * CloudStack's Gson output after its unescape step. */
static void json_str(struct cs_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    cs_util_buf_addc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
            run++;
            continue;
        }
        cs_util_buf_add(b, s + i - run, run);
        run = 0;
        char e[6] = {'\\', (char)c, 0, 0, 0, 0};
        size_t elen = 2;
        switch (c) {
        case '"':
        case '\\': break;
        case '\n': e[1] = 'n'; break;
        case '\t': e[1] = 't'; break;
        case '\r': e[1] = 'r'; break;
        case '\b': e[1] = 'b'; break;
        case '\f': e[1] = 'f'; break;
        default:
            e[1] = 'u', e[2] = '0', e[3] = '0', e[4] = hex[c >> 4], e[5] = hex[c & 15];
            elen = 6;
        }
        cs_util_buf_add(b, e, elen);
    }
    cs_util_buf_add(b, s + n - run, run);
    cs_util_buf_addc(b, '"');
}

/* Compact JSON of a jansson tree (jansson's own dumper runs at ~170 MB/s here; this one at the
 * speed of the XML writer). Object members in insertion order, like json_dumps. */
static void json_value(struct cs_buf *b, const json_t *v, int depth)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        cs_util_buf_addc(b, '{');
        const char *k;
        json_t *m;
        bool first = true;
        if (depth < 64) {
            /* iteration does not modify the object */
            json_object_foreach((json_t *)v, k, m) {
                if (!first)
                    cs_util_buf_addc(b, ',');
                first = false;
                json_str(b, k, strlen(k));
                cs_util_buf_addc(b, ':');
                json_value(b, m, depth + 1);
            }
        }
        cs_util_buf_addc(b, '}');
        break;
    }
    case JSON_ARRAY: {
        cs_util_buf_addc(b, '[');
        size_t i;
        const json_t *item;
        if (depth < 64) {
            json_array_foreach(v, i, item) {
                if (i)
                    cs_util_buf_addc(b, ',');
                json_value(b, item, depth + 1);
            }
        }
        cs_util_buf_addc(b, ']');
        break;
    }
    case JSON_STRING: json_str(b, json_string_value(v), json_string_length(v)); break;
    case JSON_INTEGER: add_int(b, json_integer_value(v)); break;
    case JSON_REAL: add_real(b, json_real_value(v)); break;
    case JSON_TRUE: cs_util_buf_add(b, "true", 4); break;
    case JSON_FALSE: cs_util_buf_add(b, "false", 5); break;
    case JSON_NULL: cs_util_buf_add(b, "null", 4); break;
    }
}

static void render_json(struct cs_buf *b, const char *name, const json_t *body)
{
    cs_util_buf_addc(b, '{');
    json_str(b, name, strlen(name));
    cs_util_buf_addc(b, ':');
    if (body)
        json_value(b, body, 0);
    else
        cs_util_buf_adds(b, "{}");
    cs_util_buf_addc(b, '}');
}

/* Text content: CloudStack's escapeSpecialXmlChars (" ' < > &). Control characters other than
 * tab, LF and CR cannot appear in XML 1.0 at all, so they are dropped (inputs carrying them are
 * refused before they reach a response). */
static void xml_text(struct cs_buf *b, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        switch (c) {
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&apos;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '&': rep = "&amp;"; break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                rep = "";
        }
        if (rep) {
            cs_util_buf_add(b, s + i - run, run);
            run = 0;
            cs_util_buf_adds(b, rep);
        } else {
            run++;
        }
    }
    cs_util_buf_add(b, s + n - run, run);
}

static void xml_open(struct cs_buf *b, const char *name)
{
    cs_util_buf_addc(b, '<');
    cs_util_buf_adds(b, name);
    cs_util_buf_addc(b, '>');
}

static void xml_close(struct cs_buf *b, const char *name)
{
    cs_util_buf_add(b, "</", 2);
    cs_util_buf_adds(b, name);
    cs_util_buf_addc(b, '>');
}

static void xml_members(struct cs_buf *b, const json_t *obj, int depth);

/* One named value: scalars as text elements, objects nested, arrays as the element repeated per
 * item (CloudStack renders collections of sub-objects and of strings that way; an empty array
 * renders nothing), nulls omitted. */
static void xml_value(struct cs_buf *b, const char *name, const json_t *v, int depth)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        xml_open(b, name);
        xml_members(b, v, depth + 1);
        xml_close(b, name);
        break;
    case JSON_ARRAY: {
        size_t i;
        const json_t *item;
        json_array_foreach(v, i, item) {
            /* Arrays of arrays have no CloudStack form; flatten them under the same name. */
            if (depth < 64)
                xml_value(b, name, item, depth + 1);
        }
        break;
    }
    case JSON_STRING:
        xml_open(b, name);
        xml_text(b, json_string_value(v), json_string_length(v));
        xml_close(b, name);
        break;
    case JSON_INTEGER:
        xml_open(b, name);
        add_int(b, json_integer_value(v));
        xml_close(b, name);
        break;
    case JSON_REAL:
        xml_open(b, name);
        add_real(b, json_real_value(v));
        xml_close(b, name);
        break;
    case JSON_TRUE:
    case JSON_FALSE:
        xml_open(b, name);
        cs_util_buf_adds(b, json_is_true(v) ? "true" : "false");
        xml_close(b, name);
        break;
    case JSON_NULL:
        break;
    }
}

static void xml_members(struct cs_buf *b, const json_t *obj, int depth)
{
    if (depth > 64)
        return;
    const char *k;
    json_t *v;
    /* json_object_foreach takes a non-const object; iteration does not modify it. */
    json_object_foreach((json_t *)obj, k, v) {
        xml_value(b, k, v, depth);
    }
}

static void render_xml(struct cs_buf *b, const char *name, const json_t *body)
{
    cs_util_buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><");
    cs_util_buf_adds(b, name);
    cs_util_buf_adds(b, " cloud-stack-version=\"" CS_API_CLOUDSTACK_VERSION "\">");
    if (body && json_is_object(body))
        xml_members(b, body, 0);
    else if (body)
        xml_value(b, "value", body, 0);
    xml_close(b, name);
}

char *cs_api_render(enum cs_api_format fmt, const char *response_name, const json_t *body,
                    size_t *ret_len)
{
    struct cs_buf b = CS_BUF_INIT;
    if (fmt == CS_API_JSON)
        render_json(&b, response_name, body);
    else
        render_xml(&b, response_name, body);
    size_t len = b.len;
    char *s = cs_util_buf_take(&b);
    if (ret_len)
        *ret_len = len;
    return s;
}
