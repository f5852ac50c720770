/* Placement: first fit in host-id order within a request's scope, answered from the trees. */
#include "sched_priv.h"

#include <stdio.h>
#include <stdlib.h>

#include "util_mem.h"
#include "cs_banned.h"

/* Longer avoid lists are copied and sorted so each leaf check is a binary search. */
#define AVOID_SCAN_MAX 16

static int cmp_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static void describe_need(const struct cs_sched_request *req, char *buf, size_t len)
{
    snprintf(buf, len, "%d cpu x %d MHz, %lld MiB", req->cpus, req->cpu_mhz,
             (long long)(req->mem_bytes >> 20));
}

/* Only the named host: it must exist, lie in the scope, be usable, not avoided, and fit. */
static int place_explicit(const struct cs_sched_index *idx, const struct cs_sched_request *req,
                          const struct cs_sched_cap *need, const struct cs_sched_avoid *avoid,
                          int64_t *ret_host_id, struct cs_err *err)
{
    const struct cs_sched_host *h = cs_sched_index_host(idx, req->host_id);
    long long id = (long long)req->host_id;
    if (!h)
        return cs_err_set(err, CS_ERR_NOT_FOUND, "no host '%lld'", id);
    if ((req->zone_id && h->zone_id != req->zone_id) || (req->pod_id && h->pod_id != req->pod_id) ||
        (req->cluster_id && h->cluster_id != req->cluster_id))
        return cs_err_set(err, CS_ERR_CAPACITY, "host '%lld' is outside the requested scope", id);
    if (!h->up || !h->enabled)
        return cs_err_set(err, CS_ERR_CAPACITY, "host '%lld' is not up and enabled", id);
    if (cs_sched_avoid_has(avoid, h->id))
        return cs_err_set(err, CS_ERR_CAPACITY, "host '%lld' is in the avoid set", id);
    struct cs_sched_cap have = cs_sched_index_cap(idx, h);
    if (!cs_sched_cap_fits(&have, need)) {
        char what[96];
        describe_need(req, what, sizeof(what));
        return cs_err_set(err, CS_ERR_CAPACITY, "host '%lld' has insufficient capacity for %s",
                          id, what);
    }
    *ret_host_id = h->id;
    return 0;
}

/* The tree answering the request's narrowest scope; NULL with *ret_none set when the scope names
 * nothing known or is inconsistent (a cluster outside the given pod, ...). Zone 0 alone means
 * every zone: *ret_all_zones. */
static const struct cs_sched_tree *scope_tree(const struct cs_sched_index *idx,
                                              const struct cs_sched_request *req,
                                              bool *ret_all_zones)
{
    *ret_all_zones = false;
    int64_t pod = req->pod_id, zone = req->zone_id;
    const struct cs_sched_tree *t;
    if (req->cluster_id) {
        t = cs_sched_index_tree(idx, CS_SCHED_CLUSTER, req->cluster_id);
        if (!t || (pod && t->parent != pod))
            return NULL;
        if (zone) {
            const struct cs_sched_tree *p = cs_sched_index_tree(idx, CS_SCHED_POD, t->parent);
            if (!p || p->parent != zone)
                return NULL;
        }
        return t;
    }
    if (pod) {
        t = cs_sched_index_tree(idx, CS_SCHED_POD, pod);
        return (t && (!zone || t->parent == zone)) ? t : NULL;
    }
    if (zone)
        return cs_sched_index_tree(idx, CS_SCHED_ZONE, zone);
    *ret_all_zones = true;
    return NULL;
}

static void describe_scope(const struct cs_sched_request *req, char *buf, size_t len)
{
    if (req->cluster_id)
        snprintf(buf, len, "cluster '%lld'", (long long)req->cluster_id);
    else if (req->pod_id)
        snprintf(buf, len, "pod '%lld'", (long long)req->pod_id);
    else if (req->zone_id)
        snprintf(buf, len, "zone '%lld'", (long long)req->zone_id);
    else
        snprintf(buf, len, "any zone");
}

int cs_sched_place(const struct cs_sched_index *idx, const struct cs_sched_request *req,
                   int64_t *ret_host_id, struct cs_err *err)
{
    if (req->cpus < 1 || req->cpu_mhz < 0 || req->mem_bytes < 0 || req->zone_id < 0 ||
        req->pod_id < 0 || req->cluster_id < 0 || req->host_id < 0 ||
        (req->n_avoid && !req->avoid))
        return cs_err_set(err, CS_ERR_PARAM, "invalid placement request");
    struct cs_sched_cap need = {(int64_t)req->cpus * req->cpu_mhz, req->mem_bytes, req->cpus,
                                req->cpu_mhz, {0}};
    cs_sched_cap_mix(&need);

    struct cs_sched_avoid avoid = {req->avoid, req->n_avoid, false};
    cs_autofree int64_t *sorted = NULL;
    if (req->n_avoid > AVOID_SCAN_MAX) {
        sorted = malloc(req->n_avoid * sizeof(*sorted));
        if (!sorted)
            return cs_err_set(err, CS_ERR_NOMEM, "out of memory sorting the avoid set");
        for (size_t i = 0; i < req->n_avoid; i++)
            sorted[i] = req->avoid[i];
        qsort(sorted, req->n_avoid, sizeof(*sorted), cmp_id);
        avoid = (struct cs_sched_avoid){sorted, req->n_avoid, true};
    }

    if (req->host_id)
        return place_explicit(idx, req, &need, &avoid, ret_host_id, err);

    bool all_zones;
    const struct cs_sched_tree *t = scope_tree(idx, req, &all_zones);
    int64_t found = 0;
    if (t) {
        found = cs_sched_tree_first_fit(t, &need, &avoid);
    } else if (all_zones) {
        const struct cs_sched_level *zones = &idx->lvl[CS_SCHED_ZONE];
        for (size_t i = 0; i < zones->n; i++) {
            int64_t id = cs_sched_tree_first_fit(&zones->v[i], &need, &avoid);
            if (id && (!found || id < found))
                found = id;
        }
    }
    if (!found) {
        char scope[64], what[96];
        describe_scope(req, scope, sizeof(scope));
        describe_need(req, what, sizeof(what));
        return cs_err_set(err, CS_ERR_CAPACITY, "no host in %s has capacity for %s", scope,
                          what);
    }
    *ret_host_id = found;
    return 0;
}
