/* Fault rules with configureSimulator semantics: scoped, counted, lowest id wins. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sim_internal.h"

static int parse_long(const char *s, size_t n, long *ret)
{
    char buf[32];
    if (n == 0 || n >= sizeof(buf))
        return -1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    errno = 0;
    char *end;
    long v = strtol(buf, &end, 10);
    if (errno || *end || v < 0)
        return -1;
    *ret = v;
    return 0;
}

int sim_rule_parse_value(const char *value, struct sim_rule_action *ret_action,
                         struct sim_err *err)
{
    struct sim_rule_action a = {.enabled = true};
    if (!value || !*value)
        value = "result:fail";
    const char *p = value;
    while (*p) {
        size_t n = strcspn(p, "|");
        const char *colon = memchr(p, ':', n);
        if (!colon)
            return sim_err_set(err, SIM_ERR_PARAM, "bad simulator mock value '%s'", value);
        size_t klen = (size_t)(colon - p);
        const char *v = colon + 1;
        size_t vlen = n - klen - 1;
#define IS(s, len, lit) ((len) == sizeof(lit) - 1 && strncasecmp((s), (lit), (len)) == 0)
        if (IS(p, klen, "result")) {
            if (IS(v, vlen, "fail"))
                a.fail = true;
            else if (IS(v, vlen, "fault"))
                a.fault = true;
            else if (!IS(v, vlen, "success"))
                return sim_err_set(err, SIM_ERR_PARAM, "bad result in mock value '%s'", value);
        } else if (IS(p, klen, "wait")) {
            if (parse_long(v, vlen, &a.wait_ms) < 0)
                return sim_err_set(err, SIM_ERR_PARAM, "bad wait in mock value '%s'", value);
        } else if (IS(p, klen, "timeout")) {
            if (parse_long(v, vlen, &a.timeout) < 0)
                return sim_err_set(err, SIM_ERR_PARAM, "bad timeout in mock value '%s'", value);
        } else if (IS(p, klen, "enabled")) {
            if (IS(v, vlen, "true"))
                a.enabled = true;
            else if (IS(v, vlen, "false"))
                a.enabled = false;
            else
                return sim_err_set(err, SIM_ERR_PARAM, "bad enabled in mock value '%s'", value);
        } else {
            return sim_err_set(err, SIM_ERR_PARAM, "unknown key '%.*s' in mock value '%s'",
                               (int)klen, p, value);
        }
#undef IS
        p += n;
        if (*p == '|')
            p++;
    }
    *ret_action = a;
    return 0;
}

static void rule_free(struct sim_rule *r)
{
    if (!r)
        return;
    free(r->zone);
    free(r->pod);
    free(r->cluster);
    free(r->host);
    free(r);
}

static int dup_opt(const char *s, char **ret)
{
    *ret = NULL;
    if (!s || !*s)
        return 0;
    if (strlen(s) >= SIM_ID_MAX)
        return -SIM_ERR_PARAM;
    *ret = strdup(s);
    return *ret ? 0 : -SIM_ERR_NOMEM;
}

int sim_rule_add(struct sim_world *w, const struct sim_rule_spec *spec, long *ret_id,
                 struct sim_err *err)
{
    if (!spec->name || !*spec->name)
        return sim_err_set(err, SIM_ERR_PARAM, "missing simulator mock name");
    if (strlen(spec->name) >= sizeof(((struct sim_rule *)0)->name))
        return sim_err_set(err, SIM_ERR_PARAM, "simulator mock name is too long");
    const char *value = (spec->value && *spec->value) ? spec->value : "result:fail";
    if (strlen(value) >= sizeof(((struct sim_rule *)0)->value))
        return sim_err_set(err, SIM_ERR_PARAM, "simulator mock value is too long");
    if (spec->count < -1)
        return sim_err_set(err, SIM_ERR_PARAM, "bad simulator mock count %ld", spec->count);
    if (!(spec->probability >= 0 && spec->probability <= 1))
        return sim_err_set(err, SIM_ERR_PARAM, "simulator mock probability must be in 0..1");
    struct sim_rule_action act;
    int rc = sim_rule_parse_value(value, &act, err);
    if (rc < 0)
        return rc;
    struct sim_rule *r = calloc(1, sizeof(*r));
    if (!r)
        return sim_err_set(err, SIM_ERR_NOMEM, "out of memory");
    snprintf(r->name, sizeof(r->name), "%s", spec->name);
    snprintf(r->value, sizeof(r->value), "%s", value);
    r->count = spec->count;
    r->probability = spec->probability;
    r->act = act;
    if ((rc = dup_opt(spec->scope.zone, &r->zone)) < 0 ||
        (rc = dup_opt(spec->scope.pod, &r->pod)) < 0 ||
        (rc = dup_opt(spec->scope.cluster, &r->cluster)) < 0 ||
        (rc = dup_opt(spec->scope.host, &r->host)) < 0) {
        rule_free(r);
        return rc == -SIM_ERR_PARAM ? sim_err_set(err, SIM_ERR_PARAM, "scope id is too long")
                                    : sim_err_set(err, SIM_ERR_NOMEM, "out of memory");
    }
    pthread_mutex_lock(&w->lock);
    if (w->nrules == w->caprules) {
        size_t ncap = w->caprules ? w->caprules * 2 : 8;
        struct sim_rule **n = realloc(w->rules, ncap * sizeof(*n));
        if (!n) {
            pthread_mutex_unlock(&w->lock);
            rule_free(r);
            return sim_err_set(err, SIM_ERR_NOMEM, "out of memory");
        }
        w->rules = n;
        w->caprules = ncap;
    }
    r->id = w->next_rule_id++;
    w->rules[w->nrules++] = r; /* ids only grow: the array stays sorted */
    *ret_id = r->id;
    pthread_mutex_unlock(&w->lock);
    return 0;
}

/* Index of rule id, or -1. Under the lock. */
static long find_index(const struct sim_world *w, long id)
{
    size_t lo = 0, hi = w->nrules;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (w->rules[mid]->id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (lo < w->nrules && w->rules[lo]->id == id) ? (long)lo : -1;
}

int sim_rule_remove(struct sim_world *w, long id, struct sim_err *err)
{
    pthread_mutex_lock(&w->lock);
    long i = find_index(w, id);
    if (i < 0) {
        pthread_mutex_unlock(&w->lock);
        return sim_err_set(err, SIM_ERR_NOT_FOUND, "no simulator mock %ld", id);
    }
    struct sim_rule *r = w->rules[i];
    memmove(&w->rules[i], &w->rules[i + 1], (w->nrules - (size_t)i - 1) * sizeof(*w->rules));
    w->nrules--;
    pthread_mutex_unlock(&w->lock);
    rule_free(r);
    return 0;
}

static void fill_info(const struct sim_rule *r, struct sim_rule_info *ret)
{
    memset(ret, 0, sizeof(*ret));
    ret->id = r->id;
    snprintf(ret->name, sizeof(ret->name), "%s", r->name);
    snprintf(ret->value, sizeof(ret->value), "%s", r->value);
    snprintf(ret->zone, sizeof(ret->zone), "%s", r->zone ? r->zone : "");
    snprintf(ret->pod, sizeof(ret->pod), "%s", r->pod ? r->pod : "");
    snprintf(ret->cluster, sizeof(ret->cluster), "%s", r->cluster ? r->cluster : "");
    snprintf(ret->host, sizeof(ret->host), "%s", r->host ? r->host : "");
    ret->count = r->count;
    ret->probability = r->probability;
    ret->fail = r->act.fail;
    ret->fault = r->act.fault;
    ret->enabled = r->act.enabled;
    ret->wait_ms = r->act.wait_ms;
}

int sim_rule_get(struct sim_world *w, long id, struct sim_rule_info *ret_info,
                 struct sim_err *err)
{
    pthread_mutex_lock(&w->lock);
    long i = find_index(w, id);
    if (i < 0) {
        pthread_mutex_unlock(&w->lock);
        return sim_err_set(err, SIM_ERR_NOT_FOUND, "no simulator mock %ld", id);
    }
    fill_info(w->rules[i], ret_info);
    pthread_mutex_unlock(&w->lock);
    return 0;
}

void sim_rule_list(struct sim_world *w, void (*fn)(void *ud, const struct sim_rule_info *r),
                   void *ud)
{
    struct sim_rule_info info;
    pthread_mutex_lock(&w->lock);
    for (size_t i = 0; i < w->nrules; i++) {
        fill_info(w->rules[i], &info);
        fn(ud, &info);
    }
    pthread_mutex_unlock(&w->lock);
}

void sim_rule_clear(struct sim_world *w)
{
    pthread_mutex_lock(&w->lock);
    for (size_t i = 0; i < w->nrules; i++)
        rule_free(w->rules[i]);
    w->nrules = 0;
    pthread_mutex_unlock(&w->lock);
}

static bool scope_matches(const char *rule, const char *at)
{
    return !rule || (at && strcmp(rule, at) == 0);
}

struct sim_rule *sim_rule_match(struct sim_world *w, enum sim_op op, const struct sim_scope *where)
{
    const char *name = sim_op_command(op);
    for (size_t i = 0; i < w->nrules; i++) {
        struct sim_rule *r = w->rules[i];
        if (r->count == 0 || !r->act.enabled || strcmp(r->name, name) != 0)
            continue;
        if (scope_matches(r->host, where->host) && scope_matches(r->cluster, where->cluster) &&
            scope_matches(r->pod, where->pod) && scope_matches(r->zone, where->zone))
            return r;
    }
    return NULL;
}
