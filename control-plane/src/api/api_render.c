/* Rendering one jansson response tree as CloudStack JSON or XML (ApiResponseSerializer). */
#include "api_render.h"

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

static int dump_cb(const char *buffer, size_t size, void *data)
{
    cs_util_buf_add(data, buffer, size);
    return 0;
}

/* A JSON string literal for a plain name (response names are ASCII from the command table). */
static void json_name(struct cs_buf *b, const char *s)
{
    cs_util_buf_addc(b, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            cs_util_buf_addc(b, '\\');
            cs_util_buf_addc(b, (char)c);
        } else if (c < 0x20) {
            cs_util_buf_printf(b, "\\u%04x", c);
        } else {
            cs_util_buf_addc(b, (char)c);
        }
    }
    cs_util_buf_addc(b, '"');
}

static void render_json(struct cs_buf *b, const char *name, const json_t *body)
{
    cs_util_buf_addc(b, '{');
    json_name(b, name);
    cs_util_buf_addc(b, ':');
    if (body)
        json_dump_callback(body, dump_cb, b, JSON_COMPACT | JSON_ENCODE_ANY |
                                                 JSON_REAL_PRECISION(15));
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
    char num[64];
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
        snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        xml_open(b, name);
        cs_util_buf_adds(b, num);
        xml_close(b, name);
        break;
    case JSON_REAL: {
        int n = snprintf(num, sizeof(num), "%.15g", json_real_value(v));
        if (n > 0 && (size_t)n < sizeof(num) - 2 && !strpbrk(num, ".eEn"))
            snprintf(num + n, sizeof(num) - (size_t)n, ".0");
        xml_open(b, name);
        cs_util_buf_adds(b, num);
        xml_close(b, name);
        break;
    }
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
