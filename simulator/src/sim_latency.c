/* The latency model: per-operation distributions, world-wide or scoped, and a global scale. */
#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"

struct sim_dist sim_latency_default(enum sim_op op)
{
    double ms;
    switch (op) {
    case SIM_OP_VM_START:
    case SIM_OP_VM_REBOOT:
        ms = 5;
        break;
    case SIM_OP_VM_STOP:
        ms = 3;
        break;
    default:
        ms = 1;
    }
    return (struct sim_dist){SIM_DIST_FIXED, ms, 0};
}

static bool empty(const char *s)
{
    return !s || !*s;
}

static bool dist_ok(const struct sim_dist *d)
{
    if ((unsigned)d->kind >= SIM_DIST__COUNT || !(d->a >= 0) || !(d->b >= 0))
        return false;
    return d->kind != SIM_DIST_UNIFORM || d->b >= d->a;
}

int sim_latency_set(struct sim_world *w, const struct sim_scope *scope, enum sim_op op,
                    const struct sim_dist *d, struct sim_err *err)
{
    if ((unsigned)op >= SIM_OP__COUNT)
        return sim_err_set(err, SIM_ERR_PARAM, "bad operation %d", (int)op);
    if (!d || !dist_ok(d))
        return sim_err_set(err, SIM_ERR_PARAM, "bad latency distribution");
    int rc = 0;
    pthread_mutex_lock(&w->lock);
    if (!scope || (empty(scope->zone) && empty(scope->pod) && empty(scope->cluster) &&
                   empty(scope->host))) {
        w->defaults[op] = *d;
        goto out;
    }
    if (!empty(scope->host)) {
        struct sim_host *h = sim_map_get(&w->hosts, scope->host);
        if (!h) {
            rc = sim_err_set(err, SIM_ERR_NO_HOST, "no simulated host '%s'", scope->host);
            goto out;
        }
        if (!h->latency) {
            h->latency = calloc(SIM_OP__COUNT, sizeof(*h->latency));
            if (!h->latency) {
                rc = sim_err_set(err, SIM_ERR_NOMEM, "out of memory");
                goto out;
            }
        }
        h->latency[op] = *d;
        h->latency_mask |= 1u << op;
        goto out;
    }
    struct sim_lat_rule r = {.op = op, .dist = *d};
    if (sim_world_intern(w, scope->zone, &r.zone) < 0 ||
        sim_world_intern(w, scope->pod, &r.pod) < 0 ||
        sim_world_intern(w, scope->cluster, &r.cluster) < 0) {
        rc = sim_err_set(err, SIM_ERR_NOMEM, "out of memory");
        goto out;
    }
    /* interned: equal scopes have equal pointers */
    for (size_t i = 0; i < w->nlat; i++) {
        struct sim_lat_rule *o = &w->lat[i];
        if (o->op == op && o->zone == r.zone && o->pod == r.pod && o->cluster == r.cluster) {
            o->dist = *d;
            goto out;
        }
    }
    if (w->nlat == w->caplat) {
        size_t ncap = w->caplat ? w->caplat * 2 : 8;
        struct sim_lat_rule *n = realloc(w->lat, ncap * sizeof(*n));
        if (!n) {
            rc = sim_err_set(err, SIM_ERR_NOMEM, "out of memory");
            goto out;
        }
        w->lat = n;
        w->caplat = ncap;
    }
    w->lat[w->nlat++] = r;
out:
    pthread_mutex_unlock(&w->lock);
    return rc;
}

void sim_latency_reset(struct sim_world *w)
{
    pthread_mutex_lock(&w->lock);
    for (int op = 0; op < SIM_OP__COUNT; op++)
        w->defaults[op] = sim_latency_default((enum sim_op)op);
    w->nlat = 0;
    size_t pos = 0;
    struct sim_host *h;
    while ((h = sim_map_next(&w->hosts, &pos))) {
        free(h->latency);
        h->latency = NULL;
        h->latency_mask = 0;
    }
    pthread_mutex_unlock(&w->lock);
}

void sim_latency_set_scale(struct sim_world *w, double scale)
{
    pthread_mutex_lock(&w->lock);
    w->scale = scale >= 0 ? scale : 0;
    pthread_mutex_unlock(&w->lock);
}

double sim_latency_scale(struct sim_world *w)
{
    pthread_mutex_lock(&w->lock);
    double s = w->scale;
    pthread_mutex_unlock(&w->lock);
    return s;
}

static bool field_matches(const char *rule, const char *at)
{
    return !rule || (at && strcmp(rule, at) == 0);
}

const struct sim_dist *sim_latency_pick(const struct sim_world *w, const struct sim_scope *where,
                                        const struct sim_host *h, enum sim_op op)
{
    if (h && (h->latency_mask & (1u << op)))
        return &h->latency[op];
    const struct sim_dist *best = &w->defaults[op];
    int best_rank = 0;
    for (size_t i = 0; i < w->nlat; i++) {
        const struct sim_lat_rule *r = &w->lat[i];
        if (r->op != op || !field_matches(r->zone, where->zone) ||
            !field_matches(r->pod, where->pod) || !field_matches(r->cluster, where->cluster))
            continue;
        int rank = r->cluster ? 3 : r->pod ? 2 : 1;
        if (rank > best_rank) {
            best = &r->dist;
            best_rank = rank;
        }
    }
    return best;
}
