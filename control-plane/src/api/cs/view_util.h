/* Small helpers every view uses to build CloudStack objects (null fields omitted). */
#ifndef CS_API_VIEW_UTIL_H
#define CS_API_VIEW_UTIL_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "util_time.h"

/* Sets a string member unless s is NULL or empty. */
static inline void cs_view_str(json_t *o, const char *key, const char *s)
{
    if (s && *s)
        json_object_set_new(o, key, json_string(s));
}

static inline void cs_view_int(json_t *o, const char *key, int64_t v)
{
    json_object_set_new(o, key, json_integer(v));
}

static inline void cs_view_bool(json_t *o, const char *key, bool v)
{
    json_object_set_new(o, key, json_boolean(v));
}

/* Sets a date member as "2026-01-15T10:04:05+0000" unless t is 0. */
static inline void cs_view_date(json_t *o, const char *key, int64_t t)
{
    if (t) {
        char buf[CS_DATE_BUF];
        cs_util_date_fmt(t, buf);
        json_object_set_new(o, key, json_string(buf));
    }
}

#endif
