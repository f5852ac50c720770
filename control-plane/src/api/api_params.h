/* The parameter set of one API request: form-decoded names and values, case-insensitive lookup. */
#ifndef CS_API_PARAMS_H
#define CS_API_PARAMS_H

#include <stdbool.h>
#include <stddef.h>

#include "util_err.h"

/* Limits applied while collecting parameters (all violations are CS_ERR_PARAM). */
#define CS_API_PARAMS_MAX 512                 /* parameters per request */
#define CS_API_PARAMS_VALUE_MAX (1024 * 1024) /* bytes per decoded value (userdata) */
#define CS_API_PARAMS_NAME_MAX 256            /* bytes per decoded name */
#define CS_API_PARAMS_TOTAL_MAX (4 * 1024 * 1024) /* bytes of all names and values */

struct cs_api_params;

/* An empty set. returns: owned (NULL only when out of memory) */
struct cs_api_params *cs_api_params_new(void);
void cs_api_params_free(struct cs_api_params *p);

/* Adds one already-decoded parameter (e.g. from MHD's GET arguments). The name is kept as sent
 * and lowercased for lookups. A name already present (case-insensitively) is CS_ERR_PARAM
 * "duplicate parameter 'x'" unless both the exact name and the value are equal, in which case the
 * call is a no-op (the same argument seen in the query and re-decoded from the raw URL). Empty
 * names are ignored. Values may hold any byte except NUL; control characters are checked
 * separately by cs_api_params_check_ctl. */
int cs_api_params_add(struct cs_api_params *p, const char *name, const char *value,
                      struct cs_err *err);
/* The same with explicit lengths (value may contain no NUL; len counts bytes). */
int cs_api_params_addn(struct cs_api_params *p, const char *name, size_t name_len,
                       const char *value, size_t value_len, struct cs_err *err);
/* Parses application/x-www-form-urlencoded text (a query string without '?', or a POST body):
 * '&'-separated name=value pairs, '+' is a space, %XX decoded; an invalid escape is CS_ERR_PARAM.
 * Pairs are added with cs_api_params_add's duplicate rule. */
int cs_api_params_parse(struct cs_api_params *p, const char *text, size_t len,
                        struct cs_err *err);

/* The value of a parameter by name, case-insensitive. borrowed or NULL */
const char *cs_api_params_get(const struct cs_api_params *p, const char *lname);
/* The value by exact-case name match (for `command`). borrowed or NULL */
const char *cs_api_params_raw(const struct cs_api_params *p, const char *name);
size_t cs_api_params_count(const struct cs_api_params *p);
/* The lowercased name of the i-th parameter (request order). borrowed */
const char *cs_api_params_lname(const struct cs_api_params *p, size_t i);
/* The value of the i-th parameter. borrowed */
const char *cs_api_params_value(const struct cs_api_params *p, size_t i);
/* The name of the i-th parameter exactly as sent. borrowed */
const char *cs_api_params_name(const struct cs_api_params *p, size_t i);

/* Rejects ASCII control characters (0x00-0x1f, 0x7f) in values: CS_ERR_PARAM naming the
 * parameter. Parameters whose lowercased name is in exempt (NULL-terminated list, may be NULL)
 * are not checked (e.g. userdata, which is base64 but may be sent wrapped). */
int cs_api_params_check_ctl(const struct cs_api_params *p, const char *const *exempt,
                            struct cs_err *err);

/* Rebuilds a param set from a JSON object {"name":"value",...} (the job engine stores params like
 * that); non-string members are CS_ERR_PARAM. returns: owned */
struct cs_api_params *cs_api_params_from_json(const char *json, struct cs_err *err);
/* The inverse of the above, names as sent. returns: owned (NULL when out of memory) */
char *cs_api_params_to_json(const struct cs_api_params *p);

/* ---- map parameters: name[i].field=value (spec 1.2) ---- */

struct cs_api_map_field {
    const char *field; /* as sent after the '.'; borrowed from the params */
    const char *value; /* borrowed */
};

struct cs_api_map_entry {
    long index;
    size_t n;
    struct cs_api_map_field *fields; /* in request order */
};

struct cs_api_map {
    size_t n;
    struct cs_api_map_entry *entries; /* sorted by index */
};

/* Collects the parameters named `<lname>[<i>].<field>` (name case-insensitive) grouped by integer
 * index in index order. A parameter that starts with `<lname>[` but is not of that exact shape
 * (non-integer index, missing ']' or '.field', a second '[') is CS_ERR_MALFORMED. No matching
 * parameter gives an empty map (n == 0). ret_map is released with cs_api_map_release. */
int cs_api_params_map(const struct cs_api_params *p, const char *lname,
                      struct cs_api_map *ret_map, struct cs_err *err);
/* Checks every parameter whose name contains '[' has the map shape above (CloudStack checks all
 * of them before binding, declared or not): CS_ERR_MALFORMED otherwise. */
int cs_api_params_check_maps(const struct cs_api_params *p, struct cs_err *err);
/* The value of field (case-insensitive) of one entry, or NULL. borrowed */
const char *cs_api_map_entry_get(const struct cs_api_map_entry *e, const char *field);
void cs_api_map_release(struct cs_api_map *m);

#endif
